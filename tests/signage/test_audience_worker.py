"""The audience worker: the engine on its own thread, snapshots handed to the GUI thread."""

from __future__ import annotations

import datetime as dt
import time

from audience.engine import AudienceConfig, AudienceEngine
from audience.sources import open_source
from foundation.clock import VideoClock
from signage.player.audience_worker import AudienceWorker

START = dt.datetime(2026, 11, 23, 16, 5)
WALK = "video/intel_preview_face-demographics-walking-and-pause.gif"


def worker_on(path, **options) -> AudienceWorker:
    return AudienceWorker(
        lambda: AudienceEngine(AudienceConfig(), VideoClock(START)),
        lambda: open_source(str(path)),
        source_name=path.name,
        **options,
    )


def test_a_replay_hands_every_snapshot_over_in_order(qtbot, shared_data):
    worker = worker_on(shared_data / WALK, latest_only=False)
    taken = []
    worker.snapshot_ready.connect(lambda: taken.extend(worker.take()))
    with qtbot.waitSignal(worker.finished, timeout=30_000):
        worker.start()
    taken.extend(worker.take())
    assert worker.stop(timeout_s=2.0)
    assert worker.error is None and worker.summary is not None
    assert len(taken) == worker.summary.snapshots >= 6  # 3.4 s at a snapshot every 0.5 s
    assert [s.ts for s in taken] == sorted(s.ts for s in taken)
    assert max(s.group_size for s in taken) >= 1


def test_live_mode_keeps_only_the_newest_snapshot(qtbot, shared_data):
    worker = worker_on(shared_data / WALK, latest_only=True)
    with qtbot.waitSignal(worker.finished, timeout=30_000):
        worker.start()  # nobody takes snapshots while it runs: they must not pile up
    newest = worker.take()
    worker.stop()
    assert len(newest) == 1 and newest[0].ts >= 3.0


def test_stop_ends_a_paced_replay_promptly(qtbot, shared_data):
    worker = worker_on(shared_data / "video" / "intel_one-by-one-person-detection.mp4", pace_realtime=True)
    worker.start()
    qtbot.waitUntil(lambda: worker.status.state == "ok", timeout=30_000)
    started = time.monotonic()
    assert worker.stop(timeout_s=3.0)
    assert time.monotonic() - started < 3.0 and not worker.is_running


def test_a_source_that_fails_is_reported_not_raised(qtbot, tmp_path):
    broken = tmp_path / "broken.mp4"
    broken.write_bytes(b"not a video at all" * 100)
    worker = worker_on(broken)
    with qtbot.waitSignal(worker.finished, timeout=30_000):
        worker.start()
    worker.stop()
    assert worker.summary is None and "broken.mp4" in worker.error
    assert worker.status.state == "failed" and "\n" not in worker.error
