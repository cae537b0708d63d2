"""Drives frames from a source through the engine and reports on the run.

Recorded files are decoded on a reader thread into a small blocking queue, so decoding
(OpenCV releases the GIL) overlaps with analysis on the other core and no frame is ever
dropped: a replay is deterministic. Live cameras and streams go through `LiveCapture`,
whose bounded queue drops and counts stale frames instead of delaying analysis, and
which reports lost signal while it reconnects.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from audience.engine import AudienceEngine
from audience.sources import FrameSource, LiveCapture, SignalLost
from audience.types import AudienceSnapshot, Frame, Visitor
from foundation.errors import SourceError

log = logging.getLogger(__name__)

_END = object()


@dataclass
class RunSummary:
    """What a run did: counts, speed and the visitors seen (no pixels)."""

    source: str
    frames: int = 0
    snapshots: int = 0
    source_duration_s: float = 0.0
    wall_s: float = 0.0
    frames_dropped: int = 0
    signal_losses: int = 0
    truncated: bool = False
    skipped: list[str] = field(default_factory=list)  # files of an image folder left out, one line each
    latencies_ms: list[float] = field(default_factory=list, repr=False)
    visitors: list[Visitor] = field(default_factory=list)

    @property
    def throughput_fps(self) -> float:
        """Frames analysed per wall-clock second."""
        return self.frames / self.wall_s if self.wall_s > 0 else 0.0

    @property
    def p95_latency_ms(self) -> float:
        """95th percentile of per-frame analysis time."""
        return float(np.percentile(self.latencies_ms, 95)) if self.latencies_ms else 0.0

    def to_dict(self) -> dict:
        """JSON-ready summary line for the JSONL output."""
        return {
            "type": "summary",
            "source": self.source,
            "frames": self.frames,
            "snapshots": self.snapshots,
            "source_duration_s": round(self.source_duration_s, 3),
            "wall_s": round(self.wall_s, 3),
            "throughput_fps": round(self.throughput_fps, 1),
            "p95_latency_ms": round(self.p95_latency_ms, 1),
            "frames_dropped": self.frames_dropped,
            "signal_losses": self.signal_losses,
            "truncated": self.truncated,
            "skipped": list(self.skipped),
            "visitors_seen": len(self.visitors),
            "visitors": [v.to_dict() for v in self.visitors],
        }


FrameHook = Callable[[Frame, AudienceEngine], None]


def run_analysis(
    engine: AudienceEngine,
    source: FrameSource,
    on_snapshot: Callable[[AudienceSnapshot], None],
    on_frame: FrameHook | None = None,
    stop: threading.Event | None = None,
    max_frames: int | None = None,
) -> RunSummary:
    """Analyse `source` until it ends (files), `stop` is set or `max_frames` are done."""
    stop = stop or threading.Event()
    summary = RunSummary(source=source.name)
    started = time.perf_counter()
    frames = _live_frames(source, engine, stop) if source.is_live else _file_frames(source, stop)
    last_ts = 0.0
    try:
        for item in frames:
            if isinstance(item, SignalLost):
                summary.signal_losses += 1
                snapshot = engine.no_signal(item.ts)
                summary.snapshots += 1
                on_snapshot(snapshot)
                continue
            frame = item
            t0 = time.perf_counter()
            snapshot = engine.process(frame)
            summary.latencies_ms.append((time.perf_counter() - t0) * 1000.0)
            summary.frames += 1
            last_ts = frame.ts
            if on_frame is not None:
                on_frame(frame, engine)
            if snapshot is not None:
                summary.snapshots += 1
                on_snapshot(snapshot)
            if max_frames is not None and summary.frames >= max_frames:
                break
    finally:
        stop.set()
        frames.close()
    summary.wall_s = time.perf_counter() - started
    summary.source_duration_s = last_ts
    summary.frames_dropped = engine.frames_dropped
    summary.truncated = bool(getattr(source, "truncated", False))
    summary.skipped = list(getattr(source, "skipped", ()))
    summary.visitors = engine.finish(last_ts)
    return summary


def _file_frames(source: FrameSource, stop: threading.Event):
    """Frames of a recorded file, decoded one step ahead on a reader thread."""
    frames: queue.Queue = queue.Queue(maxsize=4)
    failure: list[BaseException] = []

    def read_all() -> None:
        try:
            while not stop.is_set():
                frame = source.read()
                item = _END if frame is None else frame
                while not stop.is_set():
                    try:
                        frames.put(item, timeout=0.1)
                        break
                    except queue.Full:
                        continue
                if frame is None:
                    return
        except BaseException as error:  # reader thread top: hand any failure to the consumer
            failure.append(error)
            frames.put(_END)

    reader = threading.Thread(target=read_all, name=f"read {source.name}", daemon=True)
    reader.start()
    try:
        while True:
            try:
                item = frames.get(timeout=0.1)
            except queue.Empty:
                if stop.is_set():
                    break  # asked to stop: the reader puts nothing more (not even _END)
                continue
            if item is _END:
                break
            yield item
        if failure:
            error = failure[0]
            if isinstance(error, SourceError):
                raise error
            raise SourceError(f"{source.name}: reading failed ({error})") from error
    finally:
        stop.set()
        # Drain so a reader blocked on put() sees the stop flag and exits.
        while reader.is_alive():
            try:
                frames.get_nowait()
            except queue.Empty:
                reader.join(timeout=0.1)


def _live_frames(source: FrameSource, engine: AudienceEngine, stop: threading.Event):
    """Frames of a camera or stream; SignalLost markers while it reconnects."""
    capture_config = engine.config.capture
    capture = LiveCapture(
        source,
        queue_size=capture_config.queue_size,
        reconnect_initial_s=capture_config.reconnect_initial_s,
        reconnect_max_s=capture_config.reconnect_max_s,
    )
    capture.start()
    try:
        while not stop.is_set():
            item = capture.get(timeout_s=0.5)
            engine.frames_dropped = capture.frames_dropped
            if item is None:
                continue
            yield item
    finally:
        capture.stop(timeout_s=2.0)
