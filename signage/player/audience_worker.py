"""The audience engine on a worker thread, talking to the GUI through one Qt signal.

The worker thread owns the models (loading them takes about a second, so the window
starts playing before they are ready) and runs `audience.runner.run_analysis`. The GUI
thread never waits on it:

* **live** (`latest_only=True`): only the newest snapshot is kept. `snapshot_ready` is
  emitted once per batch (a queued connection to the GUI thread); a GUI that is busy
  for a moment takes the newest snapshot when it gets to it and never works through a
  backlog of stale ones;
* **replay** (`latest_only=False`): every snapshot is kept, in order, because a
  deterministic trace needs all of them. Snapshots are small (counts, no pixels).

A camera that disappears is handled below this class: `LiveCapture` reports lost signal
(the engine turns it into NO_SIGNAL snapshots) and reconnects with backoff, forever.
Each change of the camera's state (open, lost and reconnecting, back, ended, failed) is
one INFO line, for the journal.

While the aiming picture is on screen (`aim_view()` is being called), the worker also
keeps the newest face boxes of every analysed frame (`signage.player.aim`): boxes, ids
and labels, never pixels, and only the newest.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from audience.engine import AudienceEngine
from audience.runner import RunSummary, run_analysis
from audience.sources import FrameSource
from audience.types import AudienceSnapshot, SignalState, Visitor
from foundation.i18n import tr
from playlists.words import age_group_words, attire_words
from signage.player.aim import AimFace, AimView

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class AudienceStatus:
    """What the operator overlay shows about the camera and the engine."""

    state: str  # "starting", "ok", "no signal", "stopped", "failed", "off"
    detail: str  # one line: the source, or why it has no signal
    analysis_fps: float
    frames_dropped: int

    def to_dict(self) -> dict:
        """The status endpoint's `camera` entry (`signage.player.status`)."""
        return {
            "state": self.state,
            "detail": self.detail,
            "engine_fps": round(self.analysis_fps, 1),
            "frames_dropped": self.frames_dropped,
        }


# `aim_view()` keeps the worker building boxes this long after its last call: the picture
# asks every 0.1 s while shown, so boxes stop being made a second after it is hidden.
AIM_INTEREST_S = 1.0


class AudienceWorker(QObject):
    """Runs the audience engine on its own thread. `start()`, `stop(timeout_s)`."""

    # Both signals carry no arguments on purpose: the data waits in this object (`take()`,
    # `summary`, `error`). Passing Python objects through a queued connection from a
    # plain Python thread crashed PySide6 here ("deallocating None", a refcount error).
    snapshot_ready = Signal()  # new snapshot(s) to take with `take()`; queued to the GUI thread
    finished = Signal()  # the thread ended: `summary` is set when a recorded source ended, `error` on failure

    def __init__(
        self,
        make_engine: Callable[[], AudienceEngine],
        open_source: Callable[[], FrameSource],
        source_name: str,
        latest_only: bool = True,
        pace_realtime: bool = False,
    ) -> None:
        """`make_engine` and `open_source` run on the worker thread (models load there).
        `pace_realtime` plays a recorded file at its own speed (the demo on a screen)."""
        super().__init__()
        self._make_engine = make_engine
        self._open_source = open_source
        self.source_name = source_name
        self._latest_only = latest_only
        self._pace_realtime = pace_realtime
        self._lock = threading.Lock()
        self._pending: deque[AudienceSnapshot] = deque(maxlen=1 if latest_only else None)
        self._signalled = False
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._status = AudienceStatus("starting", source_name, 0.0, 0)
        self.summary: RunSummary | None = None
        # time.monotonic() of the thread's last sign of life (started, models loaded, a frame
        # analysed, a snapshot published); the player's watchdog reads it. None until started.
        self.last_alive_s: float | None = None
        self.error: str | None = None
        # The aiming picture's newest boxes: replaced whole on the worker thread, read
        # by the GUI (one reference assignment each way, no lock needed).
        self._aim: AimView | None = None
        self._aim_wanted_until = 0.0
        self._aim_labels: dict[int, str] = {}
        self._frame_size: tuple[int, int] | None = None
        self._noun = "camera" if latest_only else "clip"  # for the log; set from the source when opened

    # -- GUI side ------------------------------------------------------------------

    def start(self) -> None:
        """Start the worker thread."""
        if self._thread is not None and self._thread.is_alive():
            raise RuntimeError("audience worker already running")
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="audience", daemon=True)
        self._thread.start()

    def stop(self, timeout_s: float = 5.0) -> bool:
        """Ask the thread to stop and wait up to `timeout_s`; True when it ended."""
        self._stop.set()
        thread = self._thread
        if thread is not None:
            thread.join(timeout_s)
            if thread.is_alive():
                log.warning("audience worker still running after %.1f s (a blocked device read)", timeout_s)
                return False
        return True

    @property
    def is_running(self) -> bool:
        """True while the thread is alive."""
        return self._thread is not None and self._thread.is_alive()

    def take(self) -> list[AudienceSnapshot]:
        """The snapshots waiting for the GUI (at most one in live mode), oldest first."""
        with self._lock:
            snapshots = list(self._pending)
            self._pending.clear()
            self._signalled = False
        return snapshots

    @property
    def status(self) -> AudienceStatus:
        """The latest status (read by the overlay)."""
        return self._status

    def aim_view(self) -> AimView | None:
        """The newest face boxes for the aiming picture (None before a frame is analysed
        or once the engine has stopped). Asking keeps them coming for `AIM_INTEREST_S`:
        the worker builds them only while the picture is on screen."""
        self._aim_wanted_until = time.perf_counter() + AIM_INTEREST_S
        return self._aim

    # -- worker side ---------------------------------------------------------------

    def _publish(self, snapshot: AudienceSnapshot) -> None:
        self.last_alive_s = time.monotonic()
        if self._pace_realtime:
            self._wait_until(snapshot.ts)
        with self._lock:
            self._pending.append(snapshot)
            signal = not self._signalled
            self._signalled = True
        state = "ok" if snapshot.signal is SignalState.OK else "no signal"
        fps = self._frames / max(time.perf_counter() - self._started, 1e-6)
        self._set_status(AudienceStatus(state, self.source_name, fps, snapshot.frames_dropped))
        if self._aiming():
            self._aim_labels = {visitor.track_id: _aim_label(visitor) for visitor in snapshot.visitors}
            if snapshot.signal is not SignalState.OK:
                width, height = self._frame_size or (0, 0)
                self._aim = AimView(width, height, (), "no signal")
        else:
            self._aim_labels = {}
        if signal:
            self.snapshot_ready.emit()

    def _wait_until(self, ts: float) -> None:
        delay = self._started + ts - time.perf_counter()
        if delay > 0:
            self._stop.wait(delay)

    def _count_frame(self, frame, engine) -> None:
        self.last_alive_s = time.monotonic()
        self._frames += 1
        if self._aiming():
            height, width = frame.image.shape[:2]  # the size only: no pixel is kept
            self._frame_size = (width, height)
            # Every analysed frame's tracked boxes (predicted between detections), so the
            # boxes follow the visitor while the operator turns the camera.
            faces = tuple(
                AimFace(track.track_id, tuple(float(v) for v in track.xyxy), self._aim_labels.get(track.track_id, ""))
                for track in engine.tracker.confirmed()
            )
            self._aim = AimView(width, height, faces)
        elif self._aim is not None:
            self._aim = None  # nobody looks: keep nothing

    def _aiming(self) -> bool:
        return time.perf_counter() < self._aim_wanted_until

    def _set_status(self, status: AudienceStatus) -> None:
        """Replace the status; log a change of state once, at INFO (failures are errors)."""
        previous = self._status.state
        self._status = status
        if status.state == previous or status.state == "failed":
            return
        name = self.source_name
        if status.state == "ok":
            if previous == "no signal":
                log.info("%s %s: signal back", self._noun, name)
            else:
                log.info("%s %s: open, analysing", self._noun, name)
        elif status.state == "no signal":
            if previous == "ok":
                log.info("%s %s: signal lost; reconnecting", self._noun, name)
            else:
                log.info("%s %s: no signal; reconnecting", self._noun, name)
        elif status.state == "stopped":
            log.info("%s %s: %s", self._noun, name, "ended" if self._noun == "clip" else "stopped")

    def _run(self) -> None:
        self.last_alive_s = time.monotonic()
        self._frames = 0
        self._started = time.perf_counter()
        try:
            engine = self._make_engine()
            self.last_alive_s = time.monotonic()
            source = self._open_source()
            self._noun = "camera" if source.is_live else "clip"
            self._started = time.perf_counter()
            try:
                self.summary = run_analysis(engine, source, self._publish, on_frame=self._count_frame, stop=self._stop)
            finally:
                source.close()
            self._set_status(AudienceStatus("stopped", f"{self.source_name}: ended", self._status.analysis_fps, 0))
        # Broad on purpose: this is the top of the worker thread. A model or source that
        # fails must not take the player down; the player falls back to time-only rules.
        except Exception as error:  # noqa: BLE001 - the top of the worker thread (see above)
            self.error = (str(error) or type(error).__name__).splitlines()[0]
            log.error("audience engine stopped: %s", self.error)
            self._set_status(AudienceStatus("failed", self.error, 0.0, 0))
        self._aim = None
        self.finished.emit()


def _aim_label(visitor: Visitor) -> str:
    """"adults, business suit", "?, casual clothes": what the aiming picture writes beside a
    box, in the screen's language (`playlists.words`)."""
    age = age_group_words(visitor.age_group) if visitor.age_group is not None else "?"
    attire = attire_words(visitor.attire) if visitor.attire.value != "unknown" else "?"
    return tr("player", "{age}, {attire}", age=age, attire=attire)
