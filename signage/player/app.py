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

import contextlib
import datetime as dt
import logging
import os
import signal
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from foundation.errors import SignageError, SourceError
from foundation.i18n import tr, tr_noop
from signage.config import SignageConfig

log = logging.getLogger(__name__)

# The audience worker's states (`AudienceStatus.state`, English in `signage status`) as the
# operator overlay shows them.
_CAMERA_STATES = {
    "starting": tr_noop("player", "starting"),
    "ok": tr_noop("player", "working"),
    "no signal": tr_noop("player", "no signal"),
    "stopped": tr_noop("player", "stopped"),
    "failed": tr_noop("player", "failed"),
}


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
    show_aim: bool = False  # the aiming picture (face boxes, no pixels) from the start; F2 toggles it
    trace_listener: Callable[[dict], None] | None = None  # called with each trace record (the demo)
    # The language of the screen's own texts (the overlay, the aiming picture, the built-in
    # slide): `--lang`; None: the config's ui.language, else the system locale.
    language: str | None = None


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
    final report. Raises SignageError for a clip that cannot be used, PlayerFailed when
    the run ended on an unexpected error (non-zero exit: the unit restarts it)."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from signage.player.watchdog import PlayerFailed

    offscreen = use_offscreen_if_needed(options.headless)
    if offscreen and not options.headless and options.video is None:
        log.warning("no display (DISPLAY and WAYLAND_DISPLAY are unset, or QT_QPA_PLATFORM=offscreen): "
                    "the player runs offscreen")
    replay = options.video is not None
    if replay:
        from foundation.limits import (
            InputLimitError,
            printable_path,
            refuse_non_utf8_path,
        )

        try:
            refuse_non_utf8_path(options.video, "video file")  # before Qt, OpenCV or the models see it
        except InputLimitError as error:
            raise SourceError(str(error)) from None
        if not Path(options.video).is_file():
            raise SourceError(f"{printable_path(options.video)}: no such video file")
    had_application = QApplication.instance() is not None
    app = QApplication.instance() or QApplication(["signage"])  # kept in a name: the application must live
    restore_language = _speak(app, options, config, had_application)

    # The player runs in its own event loop, so it can also run inside another Qt
    # program (the tests' application) and leave it as it was. Every way a run is asked
    # to end quits this loop: the window closing (Ctrl+Q, a window manager's close
    # button: `window.closed`, because QApplication.lastWindowClosed is emitted only
    # inside QApplication.exec() and so never came here), SIGTERM, SIGINT, --duration-s.
    # Those end with exit code 0; everything else is non-zero, for Restart=on-failure.
    # The signal handlers go in first, so a service stopped while it starts (models
    # loading, a slow disk) still stops cleanly.
    loop = QEventLoop()
    stopped_by: list[str] = []
    crashed: list[str] = []

    # A signal can come before loop.exec() has started, when loop.quit() would do
    # nothing and the run go on for ever: quit through a zero timer, which fires as soon
    # as the loop runs, or at once when it already does.
    def stop_now(signum=None, _frame=None) -> None:
        if signum is not None and not stopped_by:
            stopped_by.append(signal.Signals(signum).name)
            log.info("%s: stopping the player", signal.Signals(signum).name)
        QTimer.singleShot(0, loop.quit)

    previous_handlers = {sig: signal.signal(sig, stop_now) for sig in (signal.SIGINT, signal.SIGTERM)}
    # PySide6 prints an exception raised in a slot and carries on, which left a player
    # whose timers were never re-armed showing one item for ever. End the run instead
    # (logged, non-zero exit), so that the unit or the restart loop starts a fresh one.
    previous_excepthook = sys.excepthook

    def slot_failed(kind, error, traceback) -> None:
        if not crashed:
            crashed.append(f"{kind.__name__}: {error}".splitlines()[0])
            log.critical("player stopped on an unexpected error", exc_info=(kind, error, traceback))
        QTimer.singleShot(0, loop.quit)

    sys.excepthook = slot_failed
    try:
        run = _PlayerRun(options, config, replay, loop)
        try:
            result = run.play(stop_now, stopped_by)
        finally:
            run.close()
    finally:
        sys.excepthook = previous_excepthook
        for sig, handler in previous_handlers.items():
            signal.signal(sig, handler)
        restore_language()
    if crashed:
        raise PlayerFailed(f"the player stopped on an unexpected error: {crashed[0]}")
    if run.restart_due:
        raise ScheduledRestart(
            run.restart_message
            or f"daily restart at {config.player.restart_daily_at} (player.restart_daily_at): "
            "exit 75, so the unit starts a fresh player"
        )
    if run.failure:
        raise SourceError(run.failure[0])
    return result


def _speak(app, options: PlayOptions, config: SignageConfig, had_application: bool) -> Callable[[], None]:
    """Translate the player's own texts (Qt's translator); returns what undoes it.

    Only what a shopper or the operator reads on the screen is translated: the trace,
    proof of play, the log and the status endpoint stay English for the machines and
    people who read them across a chain. A run inside another Qt program (the tests, the
    editor) gives that program its language back at the end.
    """
    from foundation import i18n
    from signage.i18n_qt import install_qt_translator, uninstall_qt_translator

    language = i18n.resolve_language(options.language, config.ui.language)
    previous = i18n.current_language()
    translated_before = bool(getattr(app, "_signage_translators", []))
    install_qt_translator(app, language)
    log.info("screen texts in %s", i18n.LANGUAGE_NAMES[language])

    def restore() -> None:
        if not had_application:
            return  # our own application: it ends with the process
        if translated_before:
            install_qt_translator(app, previous)
        else:
            uninstall_qt_translator(app)
            i18n.set_language(previous)

    return restore


class ScheduledRestart(SignageError):
    """The live player's daily restart (`player.restart_daily_at`): a non-zero exit on
    purpose, so the unit (Restart=on-failure) or the session script starts it afresh."""

    exit_code = 75  # EX_TEMPFAIL: not a failure of the player, but "run me again"


class _PlayerRun:
    """One run's parts (database, window, engine, core, status endpoint) and their wiring."""

    def __init__(self, options: PlayOptions, config: SignageConfig, replay: bool, loop) -> None:
        from audience.engine import AudienceEngine
        from audience.sources import open_source
        from foundation.clock import SystemClock, VideoClock
        from foundation.db import DatabaseState, PlayerDatabase, open_database
        from foundation.paths import database_path
        from playlists.proof_of_play import ProofOfPlay
        from signage.player.audience_worker import AudienceWorker
        from signage.player.controller import PlayerController
        from signage.player.trace import TraceWriter
        from signage.player.window import PlayerWindow

        self.options, self.config, self.replay, self.loop = options, config, replay, loop
        self.failure: list[str] = []
        self.restart_due = False
        self.restart_message: str | None = None  # why, when not the daily restart (a remote command)
        self.control_token_file: Path | None = None  # written while the control endpoint is up
        self.control = None  # the control endpoint's ControlRequests, while it is up
        self.result: dict = {}
        self.window = None
        self.worker = None
        self.controller = None
        self.status_server = None
        self.recent_errors = None
        self.timers: list = []
        self.trace = TraceWriter(options.trace, listener=options.trace_listener) if options.trace else None
        db_path = Path(options.db_path or database_path())
        self.db_path = db_path
        if replay:
            # A replay is not a kiosk: a database it cannot use is an error. It never
            # touches the store's proof of play: it logs into its own database (in
            # memory unless `proof_db` names a file), so re-runs add nothing to reports.
            self.player_db = None
            db = open_database(db_path)
            self._seed(db)
            proof = ProofOfPlay(open_database(options.proof_db))
        else:
            # A kiosk plays whatever state the disk is in: a database that cannot be
            # opened or written leaves the built-in slide or the rules in memory on
            # screen, proof of play waits in memory, and `_check_database` retries.
            self.player_db = PlayerDatabase(db_path)
            db = self.player_db.db
            if db is not None and self.player_db.state is DatabaseState.WRITABLE:
                self._seed(db)
            proof = ProofOfPlay(self.player_db)
        self.proof = proof
        self._db_generation = None if self.player_db is None else self.player_db.generation

        self.window = PlayerWindow(config.player)
        if replay:
            start = options.start or dt.datetime.now().replace(microsecond=0)
            clock = VideoClock(start)
            video = str(options.video)
            self.worker = AudienceWorker(
                lambda: AudienceEngine(config.audience, VideoClock(start)),
                lambda: open_source(video),
                source_name=Path(video).name,
                latest_only=False,
                pace_realtime=options.pace_realtime,
            )
        else:
            clock = SystemClock()
            camera = options.camera if options.camera is not None else config.player.camera
            if camera.strip().lower() != "none":
                self.worker = AudienceWorker(
                    lambda: AudienceEngine(config.audience, clock),  # one clock stamps frames and plays
                    lambda: open_source(camera, clock, reconnect=True),
                    source_name=camera,
                    latest_only=True,
                )
        self.clock = clock
        self.controller = PlayerController(
            db, config, self.window.surface, clock, replay=replay, trace=self.trace, proof=proof
        )

    def _seed(self, db) -> None:
        from content.catalog import ContentLibrary
        from playlists.rulebook import seed_if_new
        from playlists.store import PlaylistStore

        if self.options.seed_media_dir is not None:
            seed_if_new(PlaylistStore(db), ContentLibrary(db), self.options.seed_media_dir)

    # -- the run ---------------------------------------------------------------------

    def play(self, stop_now, stopped_by: list[str]) -> dict:
        """Show the window, start the engine and the timers, run the loop until it quits."""
        from PySide6.QtCore import QTimer

        from signage.player.watchdog import Watchdog
        from signage.player.window import prevent_screen_blanking

        window, worker, options, config = self.window, self.worker, self.options, self.config
        window.overlay_source = self._overlay_lines
        if worker is not None:
            window.aim_source = worker.aim_view
        if options.show_overlay:
            window.toggle_overlay()
        if options.show_aim:
            window.toggle_aim()
        window.show_on_screen()
        blanking = prevent_screen_blanking()
        if blanking:
            log.info("screen blanking prevented: %s", ", ".join(blanking))

        def window_closed() -> None:
            if not stopped_by:
                stopped_by.append("window closed")
                log.info("player window closed: stopping the player")
            QTimer.singleShot(0, self.loop.quit)

        window.closed.connect(window_closed)
        # Python runs signal handlers only between bytecodes: wake the interpreter regularly
        # while Qt's event loop waits, so Ctrl+C and SIGTERM stop the player promptly.
        self._every(200, lambda: None)
        # The watchdogs (signage/player/watchdog.py) guard a kiosk, which runs until stopped;
        # a replay ends on its own, and the demo and the tests run several in one process.
        watchdog = None
        if not self.replay:
            watchdog = Watchdog(
                config.player.watchdog_s,
                engine_alive_s=(lambda: worker.last_alive_s if worker.is_running else None) if worker else None,
                # A healthy engine waiting for a lost camera is silent for up to the reconnect wait.
                engine_timeout_s=config.player.watchdog_s + config.audience.capture.reconnect_max_s,
            )
            self._every(round(watchdog.beat_interval_s * 1000), watchdog.beat)
            watchdog.start()
            QTimer.singleShot(0, watchdog.ready)  # once the loop runs: the window is up
            # Before each tick reads the database, look at the files (cheap), so a
            # database whose -shm turned read-only is set aside before SQLite touches it.
            self.controller.before_tick = self._notice_database_change
            self._every(round(config.player.reload_check_s * 1000), self._retry_database)
            self._start_status()
            if config.player.restart_daily_at:
                self._restart_checked_at = self.clock.wall_time(self.clock.now_s())
                self._every(30_000, self._check_daily_restart)
        if worker is not None:
            worker.snapshot_ready.connect(self._take_snapshots)
            worker.finished.connect(self._worker_finished)
            worker.start()
        if options.duration_s is not None and not self.replay:
            QTimer.singleShot(int(options.duration_s * 1000), self.loop.quit)
        try:
            self.loop.exec()
        finally:
            for timer in self.timers:
                timer.stop()
            if watchdog is not None:
                watchdog.stop()  # and STOPPING=1: systemd now allows TimeoutStopSec for the rest
            window.closed.disconnect(window_closed)
        return self.result

    def close(self) -> None:
        """Stop the engine, finish the timeline, close the window, the files and the endpoint.

        Ends by cutting every reference from Qt objects back to this run (the window's
        overlay and aiming sources, the controller's hook, the timers' slots): with none
        left, the window and its media players are destroyed when `run_player` returns,
        not later by Python's cycle collector at some random allocation, which destroys a
        widget tree in no fixed order (a segfault seen in CI).
        """
        worker = self.worker
        if worker is not None:
            worker.stop(timeout_s=5.0)
            try:
                worker.snapshot_ready.disconnect(self._take_snapshots)
                worker.finished.disconnect(self._worker_finished)
            except (RuntimeError, TypeError):
                pass
        if self.controller is not None and not self.result:
            self.result.update(self.controller.finish())
        if self.status_server is not None:
            self.status_server.stop(2.0)
            # The server holds this run's bound methods (its status provider, the control
            # actions): drop it, and them, so no cycle keeps the window alive.
            self.status_server = None
        if self.control is not None:
            self.control.actions = {}
            self.control = None
        if self.control_token_file is not None:
            with contextlib.suppress(OSError):
                self.control_token_file.unlink()  # its token dies with this run
        if self.recent_errors is not None:
            self.recent_errors.uninstall()
        if self.window is not None:
            self.window.close()
        if self.trace is not None:
            self.trace.close()
        pending = getattr(self.proof, "pending", 0) if self.controller is not None else 0
        if pending:
            log.error("%d proof-of-play record(s) could not be written before the player stopped", pending)
        if self.player_db is not None:
            self.player_db.close()
        for timer in self.timers:
            timer.stop()
        self.timers.clear()  # each timer (and its connection to this run) dies with its wrapper
        if self.window is not None:
            self.window.overlay_source = None
            self.window.aim_source = None
        if self.controller is not None:
            self.controller.before_tick = None

    def _every(self, interval_ms: int, slot) -> None:
        from PySide6.QtCore import QTimer

        timer = QTimer()
        timer.setInterval(interval_ms)
        timer.timeout.connect(slot)
        timer.start()
        self.timers.append(timer)

    def _take_snapshots(self) -> None:
        snapshots = self.worker.take()
        if self.replay:
            for snapshot in snapshots:
                self.controller.on_snapshot(snapshot)
        elif snapshots:
            self.controller.on_snapshot(snapshots[-1])  # live: only the newest matters

    def _worker_finished(self) -> None:
        worker = self.worker
        summary = worker.summary
        self._take_snapshots()
        if self.replay:
            if summary is None:
                self.failure.append(worker.error or "the audience engine stopped")
            end_s = summary.source_duration_s if summary is not None else None
            self.result.update(self.controller.finish(end_s))
            if summary is not None:
                self.result["frames_analysed"] = summary.frames
                self.result["visitors_seen"] = len(summary.visitors)
            self.loop.quit()
        elif worker.error:
            log.error("audience engine stopped (%s); playing on time-only rules", worker.error)

    def _check_daily_restart(self) -> None:
        """Live, every 30 s: end the run once the daily restart time has come (after an hour up)."""
        from signage.player.settings import crossed_daily_time, daily_restart_time

        now = self.clock.wall_time(self.clock.now_s())
        previous, self._restart_checked_at = self._restart_checked_at, now
        at = daily_restart_time(self.config.player.restart_daily_at)
        up_s = self.clock.now_s() - self.controller.core.started_s
        if at is not None and up_s >= 3600 and crossed_daily_time(previous, now, at):
            log.info("daily restart at %s: ending this run for a fresh one", self.config.player.restart_daily_at)
            self.restart_due = True
            self.loop.quit()

    def _notice_database_change(self) -> None:
        """Live, before every tick: a database that went away or came back is detached or attached."""
        player_db = self.player_db
        player_db.check()
        if player_db.generation != self._db_generation:
            self._db_generation = player_db.generation
            if player_db.db is None:
                self.controller.core.detach_database()
            else:
                self.controller.attach_database(player_db.db, self.proof)

    def _retry_database(self) -> None:
        """Live, every `reload_check_s`: reopen a database that could not be used; flush proof of play."""
        self.player_db.retry()
        self._notice_database_change()
        self.proof.flush()

    def _overlay_lines(self) -> list[str]:
        worker = self.worker
        if worker is None:
            camera_line = tr("player", "camera: off (time-only rules)")
        else:
            status = worker.status
            # The state in the screen's language; its detail (a device, an error) as the
            # status endpoint and the log have it.
            state = tr("player", _CAMERA_STATES[status.state]) if status.state in _CAMERA_STATES else status.state
            camera_line = tr(
                "player", "camera: {state} ({detail}), engine {fps} fps, %n frames dropped",
                n=status.frames_dropped, state=state, detail=status.detail, fps=f"{status.analysis_fps:.1f}",
            )
        lines = [camera_line, *self.controller.overlay_lines()]
        if self.player_db is not None and self.player_db.describe() != "writable":
            lines.append(tr("player", "database: {state}", state=self.player_db.describe()))
        return lines

    # -- the status endpoint -----------------------------------------------------------

    def _start_status(self) -> None:
        """`signage status` and /metrics on 127.0.0.1 (`player.status_port`; 0 = off)."""
        from foundation.errors import SignageError
        from signage.player.status import (
            ControlRequests,
            RecentErrors,
            StatusServer,
            control_token_path,
            write_control_token,
        )

        port = self.config.player.status_port
        if not port:
            return
        self.recent_errors = RecentErrors()
        self.recent_errors.install()
        self._published: dict = {}
        self._disk_free: tuple[float, int | None] = (-1e9, None)
        self._publish()
        self._every(1000, self._publish)
        # The control endpoint (remote commands through `signage sync`): its token is new
        # for every run, in a 0600 file beside the database.
        control, token = None, None
        try:
            token_file = control_token_path(self.db_path)
            token = write_control_token(token_file)
            self.control_token_file = token_file
        except OSError as error:
            log.warning("%s: cannot write the control token (%s); running without the control endpoint",
                        control_token_path(self.db_path), error.strerror or error)
        if token is not None:
            control = ControlRequests(
                {"reload": self._control_reload, "restart": self._control_restart, "screenshot": self._control_screenshot}
            )
            self._every(100, control.serve)
            self.control = control
        server = StatusServer(self._status, port, control=control, control_token=token)
        try:
            server.start()
        except SignageError as error:
            log.warning("%s; running without the status endpoint", error)
            return
        self.status_server = server

    def _publish(self) -> None:
        """On the GUI thread: a new status dict, replacing the old one in one assignment."""
        from signage.player.status import disk_free_bytes

        status = self.controller.core.status()
        now_s = self.clock.now_s()
        if now_s - self._disk_free[0] >= 10.0:  # statvfs every 10 s is plenty
            self._disk_free = (now_s, disk_free_bytes(self.db_path))
        worker = self.worker
        player_db = self.player_db
        database = dict(status["database"])
        if player_db is not None:
            writable = player_db.describe() == "writable"
            database["state"] = "ok" if writable else player_db.state.value
            database["reason"] = None if writable else player_db.reason
        if database.get("proof_of_play_failing") and database.get("state") == "ok":
            database["state"] = "not written"
            database["reason"] = database["proof_of_play_failing"]
        status.update(
            mode="replay" if self.replay else "live",
            camera=worker.status.to_dict() if worker is not None else None,
            database=database,
            disk_free_bytes=self._disk_free[1],
            last_errors=self.recent_errors.entries() if self.recent_errors is not None else status["last_errors"],
        )
        self._published = status

    def _status(self) -> dict:
        """On the server's threads: the latest published dict (never changed after publishing)."""
        return self._published

    # -- remote control (on the GUI thread, through signage.player.status.ControlRequests) --

    def _control_reload(self):
        """Read the rules and content again now (the player also does every reload_check_s)."""
        from signage.player.status import ControlResult

        self._retry_database()
        reloaded = self.controller.reload_if_changed()
        book = self.controller.core.book
        message = (f"{'reloaded' if reloaded else 'up to date'}: rules revision {book.revision}, "
                   f"{len(book.rules)} rules, {len(book.content)} items")
        log.info("remote reload: %s", message)
        return ControlResult.text(200, message)

    def _control_restart(self):
        """End this run with the daily restart's exit code (75), so the unit starts a fresh player."""
        from PySide6.QtCore import QTimer

        from signage.player.status import ControlResult

        log.info("remote restart: ending this run for a fresh one")
        self.restart_due = True
        self.restart_message = "restart asked for remotely: exit 75, so the unit starts a fresh player"
        QTimer.singleShot(0, self.loop.quit)
        return ControlResult.text(202, "restarting: exit 75")

    def _control_screenshot(self):
        """A PNG of the ad surface alone."""
        from signage.player.status import ControlResult

        return ControlResult(200, "image/png", grab_ad_surface(self.window))


def grab_ad_surface(window) -> bytes:
    """A PNG of what the ad surface shows, and nothing else.

    The surface widget is grabbed alone: the operator overlay (F1) and the aiming
    picture (F2, the camera's face boxes) are its siblings in the window, drawn over
    it, never its children, so they are not in the picture; no camera frame ever is on
    the surface. On the GUI thread.
    """
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not window.surface.grab().save(buffer, "PNG"):
        raise RuntimeError("the screen could not be encoded as PNG")
    buffer.close()
    return bytes(data)
