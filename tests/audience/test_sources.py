"""Frame sources on real files (written here with OpenCV, plus one shared GIF) and
`LiveCapture` on a fake camera device (the one thing tests may fake, with the clock)."""

from __future__ import annotations

import logging
import struct
import threading
import time
from pathlib import Path

import cv2
import numpy as np
import pytest

from audience.sources import (
    CameraSource,
    ImageFolderSource,
    LiveCapture,
    SignalLost,
    StreamSource,
    VideoFileSource,
    open_source,
)
from audience.types import Frame
from foundation.clock import FakeClock
from foundation.errors import SourceError
from tests.conftest import shared_data_dir

REPO_ROOT = Path(__file__).resolve().parents[2]
WALK_AND_PAUSE_GIF = "video/intel_preview_face-demographics-walking-and-pause.gif"


@pytest.fixture(scope="module")
def shared_data() -> Path:
    """The shared test data folder; its absence is a broken setup, not a skip."""
    folder = shared_data_dir()
    if not (folder / WALK_AND_PAUSE_GIF).is_file():
        pytest.fail(f"shared test data missing: {folder / WALK_AND_PAUSE_GIF} (set SIGNAGE_TEST_DATA)")
    return folder


# --- builders -------------------------------------------------------------------------


def make_video(path: Path, frames: int = 20, fps: float = 10.0, fourcc: str = "mp4v", noise: bool = False) -> Path:
    """Write a small real video. Frame i is grey level 10*i, or random noise (so the file
    size grows evenly with the frame count, which the truncation tests need)."""
    rng = np.random.default_rng(0)
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*fourcc), fps, (160, 120))
    assert writer.isOpened(), f"OpenCV cannot write {path}"
    for i in range(frames):
        if noise:
            image = rng.integers(0, 255, (120, 160, 3), dtype=np.uint8)
        else:
            image = np.full((120, 160, 3), 10 * i, np.uint8)
        writer.write(image)
    writer.release()
    return path


def read_all(source) -> list[Frame]:
    with source:
        frames = []
        while (frame := source.read()) is not None:
            frames.append(frame)
    return frames


def cut_in_half(path: Path) -> Path:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def _boxes(data: bytes | bytearray, start: int, end: int):
    position = start
    while position + 8 <= end:
        size, kind = struct.unpack(">I4s", data[position : position + 8])
        header = 8
        if size == 1:
            size, header = struct.unpack(">Q", data[position + 8 : position + 16])[0], 16
        elif size == 0:
            size = end - position
        yield kind, position, header, size
        position += size


def move_index_to_front(path: Path) -> Path:
    """Rewrite an MP4 with its `moov` index before the media data ("faststart"), the way
    web and camera encoders often write it; OpenCV's writer puts the index last."""
    data = path.read_bytes()
    top = {kind: (position, size) for kind, position, _, size in _boxes(data, 0, len(data))}
    moov_at, moov_size = top[b"moov"]
    assert moov_at + moov_size == len(data), "expected the index at the end"
    moov = bytearray(data[moov_at:])

    def shift_chunk_offsets(start: int, end: int) -> None:
        for kind, position, header, size in _boxes(moov, start, end):
            if kind in (b"trak", b"mdia", b"minf", b"stbl"):
                shift_chunk_offsets(position + header, position + size)
            elif kind in (b"stco", b"co64"):
                width, code = (4, ">I") if kind == b"stco" else (8, ">Q")
                (count,) = struct.unpack(">I", moov[position + 12 : position + 16])
                for i in range(count):
                    offset = position + 16 + width * i
                    (value,) = struct.unpack(code, moov[offset : offset + width])
                    struct.pack_into(code, moov, offset, value + moov_size)

    shift_chunk_offsets(8, moov_size)
    ftyp_end = sum(top[b"ftyp"])
    path.write_bytes(data[:ftyp_end] + bytes(moov) + data[ftyp_end:moov_at])
    return path


def write_png(path: Path, level: int) -> None:
    cv2.imwrite(str(path), np.full((24, 32, 3), level, np.uint8))


# --- recorded files -------------------------------------------------------------------


@pytest.mark.parametrize(("suffix", "fourcc"), [(".mp4", "mp4v"), (".avi", "MJPG")])
def test_video_timestamps_are_index_over_fps_and_repeat_exactly(tmp_path, suffix, fourcc):
    path = make_video(tmp_path / f"clip{suffix}", frames=20, fps=10.0, fourcc=fourcc)

    first = read_all(VideoFileSource(path))
    second = read_all(VideoFileSource(path))

    assert [f.index for f in first] == list(range(20))
    assert [f.ts for f in first] == [i / 10.0 for i in range(20)]
    assert [(f.index, f.ts) for f in first] == [(f.index, f.ts) for f in second]
    assert all(np.array_equal(a.image, b.image) for a, b in zip(first, second))
    # Frames come in order: frame i was written with grey level 10*i.
    assert [round(float(f.image.mean()) / 10) for f in first] == list(range(20))
    source = VideoFileSource(path)
    with source:
        assert (source.fps, source.frame_count, source.is_live) == (10.0, 20, False)
    assert not source.truncated and source.decode_errors == 0 and source.problem is None


def test_gif_timestamps_come_from_its_frame_rate(shared_data):
    source = VideoFileSource(shared_data / WALK_AND_PAUSE_GIF)

    frames = read_all(source)

    assert source.fps > 0
    assert len(frames) == source.frame_count > 30
    assert [f.ts for f in frames] == [i / source.fps for i in range(len(frames))]
    assert frames[0].image.shape == (270, 480, 3) and frames[0].image.dtype == np.uint8
    assert [f.ts for f in read_all(VideoFileSource(shared_data / WALK_AND_PAUSE_GIF))] == [f.ts for f in frames]
    assert not source.truncated


def test_truncated_mp4_with_index_first_reads_what_it_can_and_reports_it(tmp_path):
    path = cut_in_half(move_index_to_front(make_video(tmp_path / "cut.mp4", frames=50, noise=True)))
    source = VideoFileSource(path)

    frames = read_all(source)

    assert source.frame_count == 50
    assert 5 < len(frames) < 45
    assert [f.ts for f in frames] == [i / 10.0 for i in range(len(frames))]
    assert source.truncated
    assert "cut.mp4" in source.problem and "truncated" in source.problem and "\n" not in source.problem


def test_truncated_mp4_with_index_last_is_a_one_line_source_error(tmp_path):
    # OpenCV (like most recorders) writes the MP4 index last: cut in half, no frame is findable.
    path = cut_in_half(make_video(tmp_path / "cut.mp4", frames=50, noise=True))

    with pytest.raises(SourceError) as raised:
        VideoFileSource(path).open()

    message = str(raised.value)
    assert str(path) in message and "truncated" in message and "\n" not in message


def test_truncated_avi_reads_what_it_can_and_reports_it(tmp_path):
    path = cut_in_half(make_video(tmp_path / "cut.avi", frames=50, fourcc="MJPG", noise=True))
    source = VideoFileSource(path)

    frames = read_all(source)

    assert 5 < len(frames) < 45
    assert source.truncated


def test_damaged_middle_is_skipped_and_later_frames_keep_their_timestamps(tmp_path):
    path = make_video(tmp_path / "damaged.mp4", frames=50, noise=True)
    data = bytearray(path.read_bytes())
    data[len(data) * 2 // 5 : len(data) * 3 // 5] = bytes(len(data) // 5)
    path.write_bytes(bytes(data))
    source = VideoFileSource(path)

    frames = read_all(source)

    assert source.decode_errors > 0
    assert len(frames) + source.decode_errors == 50
    assert frames[-1].index == 49 and frames[-1].ts == pytest.approx(4.9)
    assert all(f.ts == f.index / 10.0 for f in frames)
    assert not source.truncated
    assert "damaged" in source.problem


def test_text_file_named_mp4_is_a_one_line_source_error(tmp_path):
    path = tmp_path / "notes.mp4"
    path.write_text("this is not a video\n" * 50)

    with pytest.raises(SourceError) as raised:
        VideoFileSource(path).open()

    message = str(raised.value)
    assert "notes.mp4" in message and "cannot open as a video" in message and "\n" not in message


def test_missing_video_file_is_a_source_error(tmp_path):
    with pytest.raises(SourceError, match=r"missing\.mp4: no such file"):
        VideoFileSource(tmp_path / "missing.mp4").open()


# --- image folders --------------------------------------------------------------------


def test_empty_folder_is_a_source_error(tmp_path):
    with pytest.raises(SourceError, match="no images"):
        ImageFolderSource(tmp_path).open()


def test_folder_skips_a_corrupt_image_and_counts_it(tmp_path):
    for name, level in (("img1.png", 10), ("img2.png", 20), ("img10.png", 100)):
        write_png(tmp_path / name, level)
    (tmp_path / "img3.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"garbage" * 20)
    source = ImageFolderSource(tmp_path, fps=2.0)

    frames = read_all(source)

    # Numbered names sort numerically: img1, img2, (img3 corrupt), img10.
    assert [int(f.image.mean()) for f in frames] == [10, 20, 100]
    assert [f.ts for f in frames] == [0.0, 0.5, 1.0]
    assert len(source.skipped) == 1
    assert source.skipped[0].startswith("img3.png: cannot decode") and "\n" not in source.skipped[0]


# --- dispatch -------------------------------------------------------------------------


class FakeDevice:
    """A cv2.VideoCapture-like camera: opens or not, serves `frames` reads, then fails
    (read_fails) or blocks (block_after) until `unblock` is set."""

    def __init__(
        self, opened: bool = True, frames: int = 10**9, block_after: bool = False, read_delay_s: float = 0.0
    ) -> None:
        self.opened = opened
        self.frames_left = frames
        self.block_after = block_after
        self.read_delay_s = read_delay_s
        self.reads = 0
        self.released = threading.Event()
        self.blocked = threading.Event()
        self.unblock = threading.Event()

    def isOpened(self) -> bool:
        return self.opened

    def read(self):
        if self.frames_left <= 0:
            if self.block_after:
                self.blocked.set()
                self.unblock.wait(timeout=10)
            return False, None
        self.frames_left -= 1
        if self.read_delay_s:
            time.sleep(self.read_delay_s)
        self.reads += 1
        return True, np.full((4, 4, 3), self.reads % 256, np.uint8)

    def release(self) -> None:
        self.released.set()

    def get(self, prop_id: int) -> float:
        return 30.0 if prop_id == cv2.CAP_PROP_FPS else 0.0


def test_open_source_dispatches_on_the_spec(tmp_path):
    video = make_video(tmp_path / "clip.mp4", frames=5)
    write_png(tmp_path / "a.png", 50)
    device = FakeDevice()

    camera = open_source("0", capture_factory=lambda index: device)
    stream = open_source("rtsp://user:secret@cam.local:554/live?token=abc", reconnect=True)

    assert isinstance(camera, CameraSource) and camera.is_live and camera.name == "camera 0"
    assert isinstance(stream, StreamSource) and "secret" not in stream.name and "abc" not in stream.name
    assert isinstance(open_source(str(tmp_path)), ImageFolderSource)
    assert isinstance(open_source(str(video)), VideoFileSource)
    assert isinstance(open_source(str(tmp_path), fps=5.0), ImageFolderSource)
    for spec in ("no/such/thing.mp4", "ftp://host/clip.mp4"):
        with pytest.raises(SourceError, match="no such file|unsupported stream") as raised:
            open_source(spec)
        assert spec.split("/")[0] in str(raised.value)


def test_camera_without_device_is_a_source_error_unless_reconnecting():
    def no_device(index):
        return FakeDevice(opened=False)

    with pytest.raises(SourceError, match=r"^camera 3: no device"):
        open_source("3", capture_factory=no_device)
    source = open_source("3", capture_factory=no_device, reconnect=True)  # LiveCapture opens it later
    assert isinstance(source, CameraSource)


def test_camera_frames_are_stamped_by_the_injected_clock():
    clock = FakeClock(now_s=1_700_000_000.0)
    with CameraSource(0, clock=clock, capture_factory=lambda index: FakeDevice()) as camera:
        first = camera.read()
        clock.sleep(0.5)
        second = camera.read()

    assert (first.index, first.ts) == (0, 1_700_000_000.0)
    assert (second.index, second.ts) == (1, 1_700_000_000.5)
    assert camera.fps == 30.0 and camera.frame_count is None


# --- LiveCapture ----------------------------------------------------------------------


def wait_until(condition, timeout_s: float = 5.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.005)


def test_live_capture_drops_the_oldest_frames_when_the_consumer_is_slow():
    # Given a camera that serves 30 frames and then blocks, and a consumer that reads nothing yet
    device = FakeDevice(frames=30, block_after=True)
    capture = LiveCapture(CameraSource(0, capture_factory=lambda index: device), queue_size=2)
    capture.start()
    try:
        wait_until(device.blocked.is_set)

        # Then the queue holds the two newest frames and the 28 older ones were dropped and counted
        assert capture.frames_captured == 30
        assert capture.frames_dropped == 28
        assert [capture.get(timeout_s=1).index for _ in range(2)] == [28, 29]
    finally:
        device.unblock.set()
        assert capture.stop(timeout_s=2)


def test_live_capture_reports_signal_lost_and_reconnects(caplog):
    # Given a camera that is missing for two attempts, then serves 3 frames, then fails a read
    devices = iter(
        [FakeDevice(opened=False), FakeDevice(opened=False), FakeDevice(frames=3), FakeDevice(read_delay_s=0.002)]
    )
    source = CameraSource(0, capture_factory=lambda index: next(devices))
    capture = LiveCapture(source, queue_size=100, reconnect_initial_s=0.01, reconnect_max_s=0.02)

    with caplog.at_level(logging.INFO, logger="audience.sources"):
        capture.start()
        items = []
        while sum(isinstance(i, Frame) for i in items) < 8:
            item = capture.get(timeout_s=2)
            assert item is not None, f"nothing from the capture; so far {items}"
            items.append(item)
        assert capture.stop(timeout_s=2)

    kinds = ["lost" if isinstance(i, SignalLost) else "frame" for i in items]
    assert kinds[:6] == ["lost", "lost", "frame", "frame", "frame", "lost"]
    lost = [i for i in items if isinstance(i, SignalLost)]
    assert [(s.attempt, s.retry_in_s) for s in lost] == [(1, 0.01), (2, 0.02), (1, 0.01)]
    assert lost[0].reason.startswith("camera 0: no device")
    assert lost[2].reason.startswith("camera 0: no frame")
    frames = [i for i in items if isinstance(i, Frame)]
    assert [f.index for f in frames] == list(range(len(frames)))  # counting goes on across reconnects
    # State changes are logged once each, never per attempt or per frame.
    messages = [r.getMessage() for r in caplog.records]
    assert sum("signal lost" in m for m in messages) == 2
    assert sum("signal back" in m for m in messages) == 2
    assert len(messages) == 4


def test_live_capture_stop_returns_within_its_timeout_when_the_read_blocks():
    # Given a device whose read blocks inside the "driver"
    device = FakeDevice(frames=1, block_after=True)
    capture = LiveCapture(CameraSource(0, capture_factory=lambda index: device), queue_size=2)
    capture.start()
    wait_until(device.blocked.is_set)

    started = time.monotonic()
    stopped = capture.stop(timeout_s=0.2)
    elapsed_s = time.monotonic() - started

    # Then stop() gives up on the thread in time, and the queue is drained
    assert not stopped
    assert elapsed_s < 1.0
    assert capture.get(timeout_s=0.01) is None
    # When the read finally returns, the left-behind thread releases the device and ends
    device.unblock.set()
    assert device.released.wait(timeout=2)
    wait_until(lambda: not capture.is_running)


def test_live_capture_stop_releases_the_device_and_interrupts_backoff():
    device = FakeDevice(opened=False)
    camera = CameraSource(0, capture_factory=lambda index: device)
    capture = LiveCapture(camera, reconnect_initial_s=30, reconnect_max_s=60)
    capture.start()
    assert isinstance(capture.get(timeout_s=2), SignalLost)

    started = time.monotonic()
    assert capture.stop(timeout_s=2)  # the 30 s backoff wait ends at once
    assert time.monotonic() - started < 1.0
    assert not capture.is_running


def test_live_capture_refuses_recorded_files(tmp_path):
    with pytest.raises(ValueError, match="cameras and streams"):
        LiveCapture(VideoFileSource(make_video(tmp_path / "clip.mp4", frames=2)))
