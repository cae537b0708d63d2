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
from audience.types import AudienceSnapshot, SignalState

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class AudienceStatus:
    """What the operator overlay shows about the camera and the engine."""

    state: str  # "starting", "ok", "no signal", "stopped", "failed", "off"
    detail: str  # one line: the source, or why it has no signal
    analysis_fps: float
    frames_dropped: int


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
        self.error: str | None = None

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

    # -- worker side ---------------------------------------------------------------

    def _publish(self, snapshot: AudienceSnapshot) -> None:
        if self._pace_realtime:
            self._wait_until(snapshot.ts)
        with self._lock:
            self._pending.append(snapshot)
            signal = not self._signalled
            self._signalled = True
        state = "ok" if snapshot.signal is SignalState.OK else "no signal"
        fps = self._frames / max(time.perf_counter() - self._started, 1e-6)
        self._status = AudienceStatus(state, self.source_name, fps, snapshot.frames_dropped)
        if signal:
            self.snapshot_ready.emit()

    def _wait_until(self, ts: float) -> None:
        delay = self._started + ts - time.perf_counter()
        if delay > 0:
            self._stop.wait(delay)

    def _count_frame(self, frame, engine) -> None:
        self._frames += 1

    def _run(self) -> None:
        self._frames = 0
        self._started = time.perf_counter()
        try:
            engine = self._make_engine()
            source = self._open_source()
            self._started = time.perf_counter()
            try:
                self.summary = run_analysis(engine, source, self._publish, on_frame=self._count_frame, stop=self._stop)
            finally:
                source.close()
            self._status = AudienceStatus("stopped", f"{self.source_name}: ended", self._status.analysis_fps, 0)
        # Broad on purpose: this is the top of the worker thread. A model or source that
        # fails must not take the player down; the player falls back to time-only rules.
        except Exception as error:  # noqa: BLE001 - the top of the worker thread (see above)
            self.error = (str(error) or type(error).__name__).splitlines()[0]
            log.error("audience engine stopped: %s", self.error)
            self._status = AudienceStatus("failed", self.error, 0.0, 0)
        self.finished.emit()
