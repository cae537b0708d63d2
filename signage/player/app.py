"""Putting the player together: the window, the controller and the audience worker.

`run_player(options)` is what `signage play` and `signage demo` call. The same code runs
three ways:

* **live**: the fullscreen window, the camera named in the config (`player.camera`), the
  machine's clock; runs until Ctrl+Q, SIGTERM or SIGINT;
* **replay** (`video=...`): a recorded clip drives the audience engine on the clip's own
  timestamps, mapped onto `start`; the timeline moves with the clip, not the wall clock,
  so the same clip and start always write the same trace. Headless (offscreen) by
  default, or paced at the clip's real speed on a screen (`pace_realtime`, the demo);
* **headless live**: live, with an offscreen window (a soak test, a screen-less box).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import signal
import sys
from dataclasses import dataclass
from pathlib import Path

from signage.config import SignageConfig
from foundation.errors import SourceError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PlayOptions:
    """What one run of the player does."""

    db_path: Path | None = None  # None: the installation's database
    video: Path | None = None  # a recorded clip: replay it instead of a live camera
    start: dt.datetime | None = None  # replay: the local time the clip starts at (default: now)
    trace: Path | None = None  # write the decision trace (JSONL) here
    headless: bool = False  # offscreen window, no display needed
    pace_realtime: bool = False  # replay at the clip's own speed (for watching it)
    camera: str | None = None  # live: overrides `player.camera`
    duration_s: float | None = None  # live: stop after this long
    seed_media_dir: Path | None = None  # on a never-used database, seed the sample content here
    proof_db: Path | None = None  # replay: its own proof-of-play database (None: in memory, discarded)
    show_overlay: bool = False


def use_offscreen_if_needed(headless: bool) -> bool:
    """Select Qt's offscreen platform when asked or when there is no display; returns
    True when the run is offscreen. Must run before the QApplication is made."""
    no_display = sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    )
    if headless or no_display:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        return True
    return os.environ.get("QT_QPA_PLATFORM") == "offscreen"


def route_qt_messages() -> None:
    """Send Qt's own messages to Python logging instead of stderr.

    QtMultimedia and the offscreen platform print several lines per run that say nothing
    to an operator ("Couldn't load va-drm library" on a machine without VA-API, FFmpeg's
    stream dump, "This plugin does not support propagateSizeHints()"); they go to the
    `qt` logger at debug level (`-vv` shows them). Qt's critical and fatal messages stay
    errors. Some are printed while QtMultimedia loads, before any handler can see them:
    `signage.cli` switches those categories off in the environment (QT_LOGGING_RULES).
    """
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    qt_log = logging.getLogger("qt")
    levels = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.DEBUG,
        QtMsgType.QtWarningMsg: logging.DEBUG,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }

    def handler(kind, context, message) -> None:
        qt_log.log(levels.get(kind, logging.DEBUG), "%s: %s", context.category or "qt", message)

    qInstallMessageHandler(handler)


def run_player(options: PlayOptions, config: SignageConfig) -> dict:
    """Run the player until it is stopped (live) or the clip ends (replay); returns the
    final report. Raises SignageError for a clip or database that cannot be used."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from audience.engine import AudienceEngine
    from audience.sources import open_source
    from content.catalog import ContentLibrary
    from foundation.db import open_database
    from playlists.rulebook import seed_if_new
    from playlists.store import PlaylistStore
    from foundation.clock import SystemClock, VideoClock
    from foundation.paths import database_path
    from playlists.proof_of_play import ProofOfPlay
    from signage.player.audience_worker import AudienceWorker
    from signage.player.controller import PlayerController
    from signage.player.trace import TraceWriter
    from signage.player.window import PlayerWindow, prevent_screen_blanking

    offscreen = use_offscreen_if_needed(options.headless)
    if offscreen and not options.headless and options.video is None:
        log.warning("no display (DISPLAY and WAYLAND_DISPLAY are unset): the player runs offscreen")
    app = QApplication.instance() or QApplication(["signage"])
    db = open_database(options.db_path or database_path())
    if options.seed_media_dir is not None:
        seed_if_new(PlaylistStore(db), ContentLibrary(db), options.seed_media_dir)
    replay = options.video is not None
    if replay and not Path(options.video).is_file():
        raise SourceError(f"{options.video}: no such video file")

    window = PlayerWindow(config.player)
    trace = TraceWriter(options.trace) if options.trace else None
    if replay:
        start = options.start or dt.datetime.now().replace(microsecond=0)
        clock = VideoClock(start)
        video = str(options.video)
        worker = AudienceWorker(
            lambda: AudienceEngine(config.audience, VideoClock(start)),
            lambda: open_source(video),
            source_name=Path(video).name,
            latest_only=False,
            pace_realtime=options.pace_realtime,
        )
    else:
        clock = SystemClock()
        camera = options.camera if options.camera is not None else config.player.camera
        worker = None
        if camera.strip().lower() != "none":
            worker = AudienceWorker(
                lambda: AudienceEngine(config.audience, clock),  # one clock stamps frames and plays
                lambda: open_source(camera, clock, reconnect=True),
                source_name=camera,
                latest_only=True,
            )
    # A replay never touches the store's proof of play: it logs into its own database
    # (in memory unless `proof_db` names a file), so re-runs add nothing to reports.
    proof = ProofOfPlay(open_database(options.proof_db)) if replay else None
    controller = PlayerController(db, config, window.surface, clock, replay=replay, trace=trace, proof=proof)

    def overlay_lines() -> list[str]:
        if worker is None:
            camera_line = "camera: off (time-only rules)"
        else:
            status = worker.status
            camera_line = (
                f"camera: {status.state} ({status.detail}), engine {status.analysis_fps:.1f} fps, "
                f"{status.frames_dropped} frames dropped"
            )
        return [camera_line, *controller.overlay_lines()]

    window.overlay_source = overlay_lines
    if options.show_overlay:
        window.toggle_overlay()
    window.show_on_screen()
    blanking = prevent_screen_blanking()
    if blanking:
        log.info("screen blanking prevented: %s", ", ".join(blanking))

    result: dict = {}
    failure: list[str] = []

    def take_snapshots() -> None:
        snapshots = worker.take()
        if replay:
            for snapshot in snapshots:
                controller.on_snapshot(snapshot)
        elif snapshots:
            controller.on_snapshot(snapshots[-1])  # live: only the newest matters

    def worker_finished() -> None:
        summary = worker.summary
        take_snapshots()
        if replay:
            if summary is None:
                failure.append(worker.error or "the audience engine stopped")
            end_s = summary.source_duration_s if summary is not None else None
            result.update(controller.finish(end_s))
            if summary is not None:
                result["frames_analysed"] = summary.frames
                result["visitors_seen"] = len(summary.visitors)
            loop.quit()
        elif worker.error:
            log.error("audience engine stopped (%s); playing on time-only rules", worker.error)

    # The player runs in its own event loop, so it can also run inside another Qt
    # program (the tests' application) and leave it as it was.
    loop = QEventLoop()

    def stop_now(*_args) -> None:
        loop.quit()

    previous_handlers = {sig: signal.signal(sig, stop_now) for sig in (signal.SIGINT, signal.SIGTERM)}
    # Python runs signal handlers only between bytecodes: wake the interpreter regularly
    # while Qt's event loop waits, so Ctrl+C and SIGTERM stop the player promptly.
    wake = QTimer()
    wake.start(200)
    wake.timeout.connect(lambda: None)
    app.lastWindowClosed.connect(loop.quit)
    if worker is not None:
        worker.snapshot_ready.connect(take_snapshots)
        worker.finished.connect(worker_finished)
        worker.start()
    if options.duration_s is not None and not replay:
        QTimer.singleShot(int(options.duration_s * 1000), loop.quit)
    try:
        loop.exec()
    finally:
        wake.stop()
        app.lastWindowClosed.disconnect(loop.quit)
        for sig, handler in previous_handlers.items():
            signal.signal(sig, handler)
        if worker is not None:
            worker.stop(timeout_s=5.0)
            try:
                worker.snapshot_ready.disconnect(take_snapshots)
                worker.finished.disconnect(worker_finished)
            except (RuntimeError, TypeError):
                pass
        if not result:
            result.update(controller.finish())
        window.close()
        if trace is not None:
            trace.close()
    if failure:
        raise SourceError(failure[0])
    return result
