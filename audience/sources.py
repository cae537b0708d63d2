"""Frame sources: video files, image folders, cameras and network streams.

Every source is a `FrameSource`: `open()`, `read()` until it returns None, `close()`
(or `with source:`). Recorded sources (`VideoFileSource`, `ImageFolderSource`) run on
their own timestamps, `ts = frame_index / fps`, so a replay is deterministic and no
frame is ever dropped. Live sources (`CameraSource`, `StreamSource`) stamp each frame
with the wall time of an injected `Clock`; `LiveCapture` reads them on a thread into a
small bounded queue that drops the oldest frame when analysis falls behind, and turns a
lost device into `SignalLost` markers while it reconnects with exponential backoff.

`open_source(spec)` picks the source from a command-line style spec. Pixels stay in
memory: nothing here writes frames to disk or puts them in a log message.

Hostile files are refused before OpenCV sees them: a path that is not valid UTF-8
(OpenCV's binding crashes the process on one) is a SourceError for a video or a folder
and a skipped file inside a folder; an image whose header declares more than
`foundation.image_header.MAX_IMAGE_PIXELS` is skipped with one line before it is
decoded, and the folder's analysis goes on.
"""

from __future__ import annotations

import logging
import math
import os
import queue
import re
import threading
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Callable, Protocol, runtime_checkable
from urllib.parse import urlsplit, urlunsplit

import cv2
import numpy as np

from audience.types import Frame
from content.probe import mp4_index_missing
from foundation.clock import Clock, SystemClock
from foundation.errors import SourceError
from foundation.image_header import (
    MAX_IMAGE_PIXELS,
    ImageHeaderError,
    ImageTooLargeError,
    check_image_size,
)
from foundation.limits import is_utf8_path, printable_path

log = logging.getLogger(__name__)

IMAGE_EXTENSIONS = frozenset({".jpg", ".jpeg", ".png", ".bmp", ".webp", ".tif", ".tiff"})
STREAM_SCHEMES = ("rtsp", "rtsps", "http", "https")

# Container frame counts are sometimes estimates (duration x fps), so a video is only
# called truncated when it ends this many frames (or this share of the count) early.
_TRUNCATION_MARGIN_FRAMES = 2
_TRUNCATION_MARGIN_SHARE = 0.02


@runtime_checkable
class FrameSource(Protocol):
    """Where frames come from. Open it (or use `with`), `read()` until None, close it."""

    name: str  # for messages: a path, "camera 0", or a URL without credentials
    is_live: bool  # True: camera or stream, wall-clock timestamps
    fps: float | None  # frames per second, None when the source does not say
    frame_count: int | None  # frames the source declares, None for live sources

    def open(self) -> None:
        """Open the source; raises SourceError with a one-line reason. Opening twice is a no-op."""
        ...

    def read(self) -> Frame | None:
        """Next frame. None: the end of a recorded source, or a live source lost its signal."""
        ...

    def close(self) -> None:
        """Release the device or file. Closing twice is a no-op."""
        ...

    def __enter__(self) -> FrameSource:
        """Open and return the source."""
        ...

    def __exit__(self, *exc_info: object) -> None:
        """Close the source."""
        ...


class CaptureDevice(Protocol):
    """The part of `cv2.VideoCapture` that live sources use; tests pass a fake device."""

    def isOpened(self) -> bool:  # noqa: N802 - OpenCV's name
        """True when the device or stream opened."""
        ...

    def read(self) -> tuple[bool, np.ndarray | None]:
        """Block until the next frame (BGR uint8); (False, None) when there is none."""
        ...

    def release(self) -> None:
        """Free the device."""
        ...

    def get(self, prop_id: int) -> float:
        """A capture property such as `cv2.CAP_PROP_FPS` (0 when unknown)."""
        ...


class _SourceBase:
    """Context-manager support shared by all sources."""

    name: str

    def open(self) -> None:  # pragma: no cover - every source overrides it
        raise NotImplementedError

    def close(self) -> None:  # pragma: no cover - every source overrides it
        raise NotImplementedError

    def __enter__(self):
        self.open()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.name!r})"


def _one_line(text: object) -> str:
    """Messages are single lines: file names and OpenCV errors may contain newlines."""
    return " ".join(str(text).split())


def _refuse_non_utf8(path: Path, what: str) -> None:
    """SourceError for a path that is not valid UTF-8 (printed with \\xNN escapes)."""
    if not is_utf8_path(path):
        raise SourceError(
            f"{printable_path(path)}: the {what} name is not valid UTF-8 (written in another encoding, such as"
            " Latin-1); rename it, for example with `convmv -f latin1 -t utf8 --notest`"
        )


def _check_readable_file(path: Path) -> None:
    _refuse_non_utf8(path, "file")
    if not path.exists():
        raise SourceError(_one_line(f"{path}: no such file"))
    if path.is_dir():
        raise SourceError(_one_line(f"{path}: is a folder, not a video file"))
    if not os.access(path, os.R_OK):
        raise SourceError(_one_line(f"{path}: permission denied"))
    if path.stat().st_size == 0:
        raise SourceError(_one_line(f"{path}: empty file, not a video"))


class VideoFileSource(_SourceBase):
    """A video file (MP4, AVI, MOV, MKV, GIF, ...) decoded by OpenCV's FFmpeg backend.

    Timestamps are the video's own: `ts = index / fps`, never the decoder's position in
    milliseconds (it is unreliable for GIFs). A damaged frame in the middle is skipped
    and counted in `decode_errors`; its index is kept, so later frames keep their true
    timestamps. When decoding stops well before the declared frame count, reading ends
    cleanly and `truncated` is True (`problem` gives a one-line description).
    """

    is_live = False

    def __init__(
        self, path: str | os.PathLike, fps: float | None = None, max_consecutive_decode_errors: int = 250
    ) -> None:
        """`fps` overrides the container's frame rate (needed when it has none).

        `max_consecutive_decode_errors`: this many failed reads in a row end the video.
        """
        self.path = Path(path)
        self.name = str(self.path)
        self.fps: float | None = fps
        self.frame_count: int | None = None
        self.frames_read = 0
        self.decode_errors = 0  # damaged frames skipped inside the video
        self.truncated = False
        self._fps_override = fps
        self._max_consecutive_errors = max_consecutive_decode_errors
        self._capture: cv2.VideoCapture | None = None
        self._next_index = 0  # stream position: frames read plus damaged frames skipped
        self._pending: Frame | None = None
        self._ended = False
        self._trailing_failures = 0  # failed reads at the end, after the last good frame

    def open(self) -> None:
        """Open the file and decode its first frame; SourceError names the file and the problem."""
        if self._capture is not None:
            return
        _check_readable_file(self.path)
        capture = cv2.VideoCapture(str(self.path))
        if not capture.isOpened():
            capture.release()
            if mp4_index_missing(self.path):
                raise SourceError(
                    _one_line(
                        f"{self.path}: truncated: the MP4 index (moov box) is missing, the file was cut short"
                        " or never finished writing; no frame can be recovered"
                    )
                )
            raise SourceError(
                _one_line(f"{self.path}: cannot open as a video (not a video file, or a codec OpenCV cannot decode)")
            )
        fps = self._fps_override or capture.get(cv2.CAP_PROP_FPS)
        if not (math.isfinite(fps) and 0 < fps <= 1000):
            capture.release()
            raise SourceError(
                _one_line(f"{self.path}: the video declares no usable frame rate ({fps}); give the frame rate")
            )
        declared = capture.get(cv2.CAP_PROP_FRAME_COUNT)
        self.fps = float(fps)
        self.frame_count = int(declared) if math.isfinite(declared) and declared > 0 else None
        self._capture = capture
        # Opening again after close() starts from the first frame.
        self.frames_read = self.decode_errors = self._next_index = self._trailing_failures = 0
        self.truncated = self._ended = False
        self._pending = self._decode_next()
        if self._pending is None:
            self.close()
            raise SourceError(_one_line(f"{self.path}: no frame could be decoded (corrupt file or unsupported codec)"))

    def read(self) -> Frame | None:
        """Next frame, or None at the end of the video (or of what could be decoded)."""
        if self._capture is None:
            raise RuntimeError(f"{self.name}: read() before open()")
        if self._pending is not None:
            frame, self._pending = self._pending, None
            return frame
        return self._decode_next()

    def close(self) -> None:
        """Release the decoder."""
        if self._capture is not None:
            self._capture.release()
            self._capture = None

    @property
    def problem(self) -> str | None:
        """One line on what went wrong while decoding (truncation, damaged frames), or None."""
        parts = []
        if self.truncated:
            decoded_up_to = self._next_index - self._trailing_failures
            parts.append(f"truncated: decoding stopped after {decoded_up_to} of {self.frame_count} declared frames")
        if self.decode_errors:
            parts.append(f"{self.decode_errors} damaged frames skipped")
        return _one_line(f"{self.name}: " + "; ".join(parts)) if parts else None

    def _decode_next(self) -> Frame | None:
        assert self._capture is not None
        if self._ended:
            return None
        failures = 0
        while True:
            try:
                ok, image = self._capture.read()
            except cv2.error:
                ok, image = False, None
            if ok and image is not None:
                # Failed reads followed by a good frame were damaged frames inside the video.
                # With OpenCV's FFmpeg backend each failed read consumes one frame's packet
                # (measured: an MP4 with its middle zeroed read 8 good, 14 failed, 28 good
                # = the 50 declared frames), so the index stays on the video's timeline.
                self.decode_errors += failures
                index = self._next_index
                self._next_index += 1
                self.frames_read += 1
                return Frame(index=index, ts=index / self.fps, image=image)
            failures += 1
            self._next_index += 1
            declared = self.frame_count
            if declared is None or self._next_index >= declared or failures >= self._max_consecutive_errors:
                self._finish(failures)
                return None

    def _finish(self, trailing_failures: int) -> None:
        self._ended = True
        self._trailing_failures = trailing_failures
        last_good = self._next_index - trailing_failures  # frames up to here were decoded or skipped
        if self.frame_count is not None:
            margin = max(_TRUNCATION_MARGIN_FRAMES, math.ceil(_TRUNCATION_MARGIN_SHARE * self.frame_count))
            self.truncated = last_good < self.frame_count - margin
        if self.truncated:
            log.warning("%s", self.problem)


def _natural_key(path: Path) -> list:
    """'img2' before 'img10': numbered frames sort the way people number them."""
    return [int(part) if part.isdigit() else part.lower() for part in re.split(r"(\d+)", path.name)]


class ImageFolderSource(_SourceBase):
    """The images of one folder, in name order (numbers in names sort numerically).

    Each image is a frame at `ts = index / fps`. Files that cannot be decoded are skipped
    and listed in `skipped` (one line each); `frame_count` counts the image files found,
    so it is an upper bound when some are skipped. Subfolders and hidden files are ignored.
    """

    is_live = False

    def __init__(self, folder: str | os.PathLike, fps: float = 1.0) -> None:
        """`fps`: how many images make one second of the source's time."""
        self.folder = Path(folder)
        self.name = str(self.folder)
        if not (math.isfinite(fps) and fps > 0):
            raise SourceError(
                _one_line(f"{self.folder}: fps must be a positive number of images per second, got {fps}")
            )
        self.fps: float | None = float(fps)
        self.frame_count: int | None = None
        self.skipped: list[str] = []
        self._paths: list[Path] | None = None
        self._position = 0
        self._next_index = 0
        self._pending: Frame | None = None

    def open(self) -> None:
        """List the images and decode the first readable one."""
        if self._paths is not None:
            return
        _refuse_non_utf8(self.folder, "folder")
        if not self.folder.is_dir():
            raise SourceError(_one_line(f"{self.folder}: no such folder"))
        try:
            entries = [p for p in self.folder.iterdir() if p.is_file() and not p.name.startswith(".")]
        except OSError as error:
            raise SourceError(_one_line(f"{self.folder}: cannot list the folder ({error.strerror})")) from None
        paths = []
        self.skipped = []
        for path in sorted(entries, key=_natural_key):
            if not is_utf8_path(path):
                self.skipped.append(
                    f"{printable_path(path.name)}: the file name is not valid UTF-8; rename it"
                    " (for example with `convmv -f latin1 -t utf8 --notest`)"
                )
            elif path.suffix.lower() in IMAGE_EXTENSIONS:
                paths.append(path)
            else:
                self.skipped.append(_one_line(f"{path.name}: not an image file (extension {path.suffix or 'none'})"))
        if not paths:
            extensions = ", ".join(sorted(IMAGE_EXTENSIONS))
            raise SourceError(_one_line(f"{self.folder}: no images in the folder (looked for {extensions})"))
        self._paths = paths
        self.frame_count = len(paths)
        self._pending = self._decode_next()
        if self._pending is None:
            reason = self.skipped[-1] if self.skipped else "unknown"
            raise SourceError(
                _one_line(f"{self.folder}: none of the {len(paths)} images could be read (last: {reason})")
            )

    def read(self) -> Frame | None:
        """Next readable image, or None after the last one."""
        if self._paths is None:
            raise RuntimeError(f"{self.name}: read() before open()")
        if self._pending is not None:
            frame, self._pending = self._pending, None
            return frame
        return self._decode_next()

    def close(self) -> None:
        """Forget the listing; opening again starts from the first image."""
        self._paths = None
        self._pending = None
        self._position = self._next_index = 0  # `skipped` stays for the report

    def _decode_next(self) -> Frame | None:
        assert self._paths is not None
        while self._position < len(self._paths):
            path = self._paths[self._position]
            self._position += 1
            try:
                # From the header, before decoding: one PNG declaring 1e6 x 1e6 pixels
                # made OpenCV raise and end the whole folder's analysis.
                check_image_size(path, MAX_IMAGE_PIXELS)
            except ImageTooLargeError as error:
                self.skipped.append(_one_line(f"{path.name}: {error.reason}"))
                continue
            except ImageHeaderError as error:
                self.skipped.append(_one_line(f"{path.name}: cannot decode ({error.reason})"))
                continue
            try:
                # np.fromfile + imdecode rather than imread: imread cannot open
                # non-ASCII paths on Windows and says nothing about why it failed.
                data = np.fromfile(path, dtype=np.uint8)
            except OSError as error:
                self.skipped.append(_one_line(f"{path.name}: cannot read ({error.strerror})"))
                continue
            try:
                image = cv2.imdecode(data, cv2.IMREAD_COLOR) if data.size else None
            except cv2.error as error:  # OpenCV raises for some malformed files instead of returning None
                self.skipped.append(_one_line(f"{path.name}: cannot decode ({_cv2_reason(error)})"))
                continue
            if image is None:
                self.skipped.append(_one_line(f"{path.name}: cannot decode (corrupt or not an image)"))
                continue
            index = self._next_index
            self._next_index += 1
            return Frame(index=index, ts=index / self.fps, image=image)
        return None


def _cv2_reason(error: cv2.error) -> str:
    """OpenCV's error text without its source location."""
    text = _one_line(error)
    return text.split(") ", 1)[1] if text.startswith("OpenCV(") and ") " in text else text


def _epoch_now_s(clock: Clock) -> float:
    """The clock's current reading, which stamps a live frame (epoch-like seconds for `SystemClock`)."""
    return float(clock.now_s())


def _default_camera_device(index: int) -> CaptureDevice:
    device = cv2.VideoCapture(index)
    if device.isOpened():
        # Keep the driver's own queue short; LiveCapture's bounded queue decides what is stale.
        device.set(cv2.CAP_PROP_BUFFERSIZE, 1)
    return device


def _default_stream_device(url: str, open_timeout_s: float, read_timeout_s: float) -> CaptureDevice:
    # The timeouts keep a dead server from blocking the capture thread for minutes.
    params = [
        cv2.CAP_PROP_OPEN_TIMEOUT_MSEC, int(open_timeout_s * 1000),
        cv2.CAP_PROP_READ_TIMEOUT_MSEC, int(read_timeout_s * 1000),
    ]  # fmt: skip
    return cv2.VideoCapture(url, cv2.CAP_FFMPEG, params)


class _LiveSource(_SourceBase):
    """A cv2.VideoCapture-like device stamped with wall time from a clock."""

    is_live = True

    def __init__(self, name: str, target: int | str, capture_factory: Callable, clock: Clock | None) -> None:
        self.name = name
        self.fps: float | None = None
        self.frame_count: int | None = None
        self.last_error: str | None = None  # why the last open or read failed
        self._target = target
        self._capture_factory = capture_factory
        self._clock = clock or SystemClock()
        _epoch_now_s(self._clock)  # a clock that cannot stamp frames fails here, not mid-capture
        self._device: CaptureDevice | None = None
        self._next_index = 0  # keeps counting across reconnects

    def _no_device_message(self) -> str:  # pragma: no cover - overridden
        raise NotImplementedError

    def _read_failed_message(self) -> str:  # pragma: no cover - overridden
        raise NotImplementedError

    def open(self) -> None:
        """Open the device; SourceError when there is none."""
        if self._device is not None:
            return
        try:
            device = self._capture_factory(self._target)
        except (cv2.error, OSError) as error:
            self.last_error = _one_line(f"{self._no_device_message()} ({error})")
            raise SourceError(self.last_error) from None
        if not device.isOpened():
            device.release()
            self.last_error = self._no_device_message()
            raise SourceError(self.last_error)
        fps = device.get(cv2.CAP_PROP_FPS)
        self.fps = float(fps) if fps and math.isfinite(fps) and 0 < fps <= 1000 else None
        self._device = device
        self.last_error = None

    def read(self) -> Frame | None:
        """Block for the next frame; None when the device gives none (see `last_error`)."""
        if self._device is None:
            raise RuntimeError(f"{self.name}: read() before open()")
        try:
            ok, image = self._device.read()
        except cv2.error:
            ok, image = False, None
        if not ok or image is None:
            self.last_error = self._read_failed_message()
            return None
        index = self._next_index
        self._next_index += 1
        return Frame(index=index, ts=_epoch_now_s(self._clock), image=image)

    def close(self) -> None:
        """Release the device."""
        device, self._device = self._device, None
        if device is not None:
            device.release()


class CameraSource(_LiveSource):
    """A local camera by index (0 is the first), via OpenCV; frames stamped by `clock`."""

    def __init__(
        self,
        index: int,
        clock: Clock | None = None,
        capture_factory: Callable[[int], CaptureDevice] | None = None,
    ) -> None:
        """`capture_factory(index)` makes the device (default `cv2.VideoCapture`; tests pass a fake)."""
        super().__init__(f"camera {index}", index, capture_factory or _default_camera_device, clock)
        self.index = index

    def _no_device_message(self) -> str:
        return f"camera {self.index}: no device (not connected, no permission, or used by another program)"

    def _read_failed_message(self) -> str:
        return f"camera {self.index}: no frame from the device (disconnected or stalled)"


def redact_url(url: str) -> str:
    """The URL without user, password or query string, safe for logs and messages."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    if parts.username or parts.password:
        host = f"***@{host}"
    return urlunsplit((parts.scheme, host, parts.path, "..." if parts.query else "", ""))


class StreamSource(_LiveSource):
    """A network stream (rtsp://, rtsps://, http://, https://) via OpenCV's FFmpeg backend."""

    def __init__(
        self,
        url: str,
        clock: Clock | None = None,
        capture_factory: Callable[[str], CaptureDevice] | None = None,
        open_timeout_s: float = 10.0,
        read_timeout_s: float = 5.0,
    ) -> None:
        """`name` is the URL without credentials; the timeouts apply to the default device."""
        factory = capture_factory or partial(
            _default_stream_device, open_timeout_s=open_timeout_s, read_timeout_s=read_timeout_s
        )
        super().__init__(redact_url(url), url, factory, clock)

    def _no_device_message(self) -> str:
        return _one_line(
            f"{self.name}: cannot open the stream (unreachable, wrong URL or credentials, or unsupported codec)"
        )

    def _read_failed_message(self) -> str:
        return _one_line(f"{self.name}: the stream stopped sending frames")


@dataclass(frozen=True)
class SignalLost:
    """Marker from `LiveCapture.get()`: the live source gives no frames; reconnecting."""

    source_name: str
    reason: str  # one line, e.g. "camera 0: no device (...)"
    attempt: int  # 1 for the first failure since the last good frame
    retry_in_s: float  # wait before the next attempt to reopen
    ts: float  # wall time (epoch seconds, from the clock) the failure was noticed


class LiveCapture:
    """Reads a live source on a thread into a bounded queue; capture never blocks analysis.

    When the queue is full the oldest item is dropped (counted in `frames_dropped` when it
    was a frame), so `get()` always returns recent frames. When the source cannot be
    opened or read, the thread closes it, puts a `SignalLost` marker in the queue and
    tries again after `reconnect_initial_s`, doubling the wait up to `reconnect_max_s`.
    The waits are on an Event, so `stop()` interrupts them at once.
    """

    def __init__(
        self,
        source: FrameSource,
        *,
        queue_size: int = 2,
        reconnect_initial_s: float = 1.0,
        reconnect_max_s: float = 30.0,
        clock: Clock | None = None,
    ) -> None:
        """`clock` stamps `SignalLost` markers (default: the system clock)."""
        if not source.is_live:
            raise ValueError(f"{source.name}: LiveCapture is for cameras and streams; read recorded files directly")
        if queue_size < 1:
            raise ValueError(f"queue_size must be at least 1, got {queue_size}")
        if not 0 < reconnect_initial_s <= reconnect_max_s:
            raise ValueError(
                f"need 0 < reconnect_initial_s <= reconnect_max_s, got {reconnect_initial_s}, {reconnect_max_s}"
            )
        self.source = source
        self.reconnect_initial_s = reconnect_initial_s
        self.reconnect_max_s = reconnect_max_s
        self.frames_captured = 0
        self.frames_dropped = 0  # frames thrown away because the consumer was behind
        self.reconnect_attempts = 0  # failures to open or read, over the whole run
        self.capture_errors = 0  # unexpected exceptions from the source
        self.signal_lost = False
        self._clock = clock or SystemClock()
        _epoch_now_s(self._clock)  # a clock that cannot stamp markers fails here, not in the thread
        self._queue: queue.Queue[Frame | SignalLost] = queue.Queue(maxsize=queue_size)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def is_running(self) -> bool:
        """True while the capture thread is alive."""
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        """Start the capture thread (it opens the source if it is not open yet)."""
        if self.is_running:
            raise RuntimeError(f"{self.source.name}: capture already running")
        self._stop.clear()
        self._drain()
        self._thread = threading.Thread(target=self._run, name=f"capture {self.source.name}", daemon=True)
        self._thread.start()

    def stop(self, timeout_s: float = 2.0) -> bool:
        """Stop capturing, wait up to `timeout_s` for the thread, drain the queue.

        Returns True when the thread ended. A device read can block inside the driver and
        Python cannot interrupt it: the thread is then left behind (it is a daemon, so it
        does not keep the process alive), and closes the source when the read returns.
        """
        self._stop.set()
        thread = self._thread
        if thread is not None:
            thread.join(timeout_s)
        self._drain()
        stopped = thread is None or not thread.is_alive()
        if not stopped:
            log.warning(
                "%s: capture thread still blocked in a device read after %.1f s; left to finish on its own",
                self.source.name,
                timeout_s,
            )
        return stopped

    def get(self, timeout_s: float = 1.0) -> Frame | SignalLost | None:
        """The oldest queued frame or marker; None after `timeout_s` or once stopped."""
        if self._stop.is_set():
            return None
        try:
            return self._queue.get(timeout=timeout_s)
        except queue.Empty:
            return None

    def _drain(self) -> None:
        while True:
            try:
                self._queue.get_nowait()
            except queue.Empty:
                return

    def _put(self, item: Frame | SignalLost) -> None:
        # Only this thread puts, so after dropping one item the put succeeds unless the
        # consumer raced us for the slot; loop until it fits.
        while True:
            try:
                self._queue.put_nowait(item)
                return
            except queue.Full:
                try:
                    oldest = self._queue.get_nowait()
                except queue.Empty:
                    continue
                if isinstance(oldest, Frame):
                    self.frames_dropped += 1

    def _run(self) -> None:
        source = self.source
        is_open = False
        failures = 0
        try:
            while not self._stop.is_set():
                frame, reason = None, None
                try:
                    if not is_open:
                        source.open()
                        is_open = True
                    frame = source.read()
                    if frame is None:
                        reason = getattr(source, "last_error", None) or f"{source.name}: no frame"
                except SourceError as error:
                    reason = str(error)
                # Broad: a driver (or a fake device) may raise anything; the screen must keep
                # running and reconnecting. Logged once per outage, counted every time.
                except Exception as error:
                    self.capture_errors += 1
                    reason = _one_line(f"{source.name}: {type(error).__name__}: {error}")
                    if failures == 0:
                        log.exception("%s: unexpected error from the source", source.name)
                if self._stop.is_set():
                    break
                if frame is not None:
                    if failures:
                        log.info("%s: signal back after %s failed attempts", source.name, failures)
                        failures = 0
                        self.signal_lost = False
                    self.frames_captured += 1
                    self._put(frame)
                    continue
                if is_open:
                    is_open = False
                    self._close_source()
                failures += 1
                self.reconnect_attempts += 1
                delay_s = min(self.reconnect_max_s, self.reconnect_initial_s * 2 ** min(failures - 1, 30))
                if failures == 1:
                    self.signal_lost = True
                    log.warning(
                        "%s: signal lost: %s; reconnecting every %s-%s s",
                        source.name,
                        reason,
                        self.reconnect_initial_s,
                        self.reconnect_max_s,
                    )
                self._put(SignalLost(source.name, reason or "unknown", failures, delay_s, _epoch_now_s(self._clock)))
                self._stop.wait(delay_s)
        finally:
            if is_open:
                self._close_source()

    def _close_source(self) -> None:
        try:
            self.source.close()
        except Exception:  # broad: a failing release must not end capture or hide why it stopped
            self.capture_errors += 1
            log.exception("%s: closing the source failed", self.source.name)


def open_source(spec: str, clock: Clock | None = None, *, reconnect: bool = False, **options) -> FrameSource:
    """The source a spec names, opened: camera index, stream URL, image folder or video file.

    - "0", "1", ... : `CameraSource` (a file literally named "0" needs "./0")
    - rtsp://, rtsps://, http://, https:// : `StreamSource`
    - an existing folder : `ImageFolderSource` (option `fps`)
    - an existing file : `VideoFileSource` (option `fps`)

    `clock` stamps live frames (default: the system clock). `options` go to the source's
    constructor (`capture_factory`, `fps`, timeouts). A source that cannot be opened
    raises SourceError naming it, e.g. "camera 3: no device (...)".

    Reconnect mode (`reconnect=True`) is for the live engine: a camera or stream is then
    returned unopened, and `LiveCapture` opens it on its thread, reporting `SignalLost`
    and retrying with backoff until the device appears, instead of failing at start-up.
    Recorded sources are always opened at once: there is nothing to wait for.
    """
    text = spec.strip()
    clock = clock or SystemClock()
    source: FrameSource
    scheme = text.split("://", 1)[0].lower() if "://" in text else ""
    if text.isdigit():
        source = CameraSource(int(text), clock=clock, **options)
    elif scheme in STREAM_SCHEMES:
        source = StreamSource(text, clock=clock, **options)
    elif scheme:
        raise SourceError(
            _one_line(f"{redact_url(text)}: unsupported stream type {scheme}:// (use rtsp, rtsps, http or https)")
        )
    elif not is_utf8_path(text):
        _refuse_non_utf8(Path(text), "folder" if Path(text).is_dir() else "file")
    elif Path(text).is_dir():
        source = ImageFolderSource(text, **options)
    elif Path(text).is_file():
        source = VideoFileSource(text, **options)
    else:
        raise SourceError(_one_line(f"{spec}: no such file or folder, and not a camera index or an rtsp/http(s) URL"))
    if not (reconnect and source.is_live):
        source.open()
    return source
