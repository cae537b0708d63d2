"""What the journal of a running player says: camera changes once each, at INFO, by default."""

from __future__ import annotations

import logging
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pytest

from audience.engine import AudienceConfig, AudienceEngine
from audience.sources import open_source
from foundation.clock import SystemClock
from signage.player.audience_worker import AudienceWorker

SIGNAGE = str(Path(sys.executable).with_name("signage"))
WORKER_LOG = "signage.player.audience_worker"


class FlakyCamera:
    """A cv2.VideoCapture-like device: `frames` empty frames at about 30 fps, then reads
    fail (the cable is pulled). `lost` is set when it fails."""

    def __init__(self, frames: int | None) -> None:
        self.frames_left = frames
        self.lost = threading.Event()

    def isOpened(self) -> bool:  # cv2's name
        return True

    def read(self):
        if self.frames_left is not None and self.frames_left <= 0:
            self.lost.set()
            time.sleep(0.01)
            return False, None
        if self.frames_left is not None:
            self.frames_left -= 1
        time.sleep(0.03)
        return True, np.zeros((120, 160, 3), np.uint8)

    def release(self) -> None:
        pass

    def get(self, prop_id: int) -> float:
        return 30.0 if prop_id == 5 else 0.0  # cv2.CAP_PROP_FPS


def camera_lines(records) -> list[str]:
    return [r.getMessage() for r in records if r.name == WORKER_LOG and r.levelno == logging.INFO]


def test_each_camera_change_is_one_info_line(qtbot, caplog):
    # Given a camera that gives frames, loses its signal, and comes back on reconnecting
    devices = [FlakyCamera(frames=15), FlakyCamera(frames=None)]
    made = []

    def factory(index):
        device = devices[min(len(made), 1)]
        made.append(device)
        return device

    config = AudienceConfig.from_dict({"capture": {"reconnect_initial_s": 0.2, "reconnect_max_s": 0.2}}, "test")
    worker = AudienceWorker(
        lambda: AudienceEngine(config, SystemClock()),
        lambda: open_source("0", capture_factory=factory, reconnect=True),
        source_name="0",
    )
    worker.snapshot_ready.connect(worker.take)
    with caplog.at_level(logging.INFO, logger=WORKER_LOG):
        worker.start()
        try:
            qtbot.waitUntil(lambda: len(made) >= 2 and worker.status.state == "ok", timeout=30_000)
            qtbot.wait(1500)  # more snapshots in the same state: no more lines
        finally:
            assert worker.stop(timeout_s=5.0)

    # Then the journal has one line per change of state, in order
    assert camera_lines(caplog.records) == [
        "camera 0: open, analysing",
        "camera 0: signal lost; reconnecting",
        "camera 0: signal back",
        "camera 0: stopped",
    ]


def test_a_camera_that_never_opens_is_one_line_not_one_per_retry(qtbot, caplog):
    class NoDevice(FlakyCamera):
        def isOpened(self) -> bool:
            return False

    config = AudienceConfig.from_dict({"capture": {"reconnect_initial_s": 0.1, "reconnect_max_s": 0.1}}, "test")
    worker = AudienceWorker(
        lambda: AudienceEngine(config, SystemClock()),
        lambda: open_source("3", capture_factory=lambda index: NoDevice(0), reconnect=True),
        source_name="3",
    )
    worker.snapshot_ready.connect(worker.take)
    with caplog.at_level(logging.INFO, logger=WORKER_LOG):
        worker.start()
        try:
            qtbot.waitUntil(lambda: worker.status.state == "no signal", timeout=30_000)
            qtbot.wait(1000)  # about ten more failed attempts
        finally:
            assert worker.stop(timeout_s=5.0)

    assert camera_lines(caplog.records) == ["camera 3: no signal; reconnecting", "camera 3: stopped"]


def play(*options: str, clip: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "SIGNAGE_DATA_DIR": str(tmp_path / "data"),
        "SIGNAGE_CONFIG": str(tmp_path / "no-config.yaml"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    args = [SIGNAGE, *options, "play", "--headless", "--camera", str(clip), "--duration-s", "4"]
    return subprocess.run(args, capture_output=True, text=True, timeout=120, env=env, check=False)


@pytest.mark.slow
def test_signage_play_logs_its_changes_at_info_by_default_and_q_quiets_it(shared_data, tmp_path):
    clip = shared_data / "video" / "intel_preview_face-demographics-walking.gif"

    default = play(clip=clip, tmp_path=tmp_path)
    quiet = play("-q", clip=clip, tmp_path=tmp_path)

    assert default.returncode == 0, default.stderr
    lines = default.stderr.splitlines()
    opened = [line for line in lines if f"INFO {WORKER_LOG}: clip {clip}: open, analysing" in line]
    assert len(opened) == 1, default.stderr
    # with a timestamp, for the journal: "2026-11-23 08:10:00,123 INFO ..."
    assert opened[0][:4].isdigit() and opened[0][4] == "-" and opened[0][10] == " "
    assert any(f"clip {clip}: ended" in line for line in lines)
    assert quiet.returncode == 0 and " INFO " not in quiet.stderr
