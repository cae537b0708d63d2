"""What a media file is: kind, size in pixels and, for video, its length.

`probe_media(path)` decodes enough of a file to promise the player that it will play:
an image is decoded completely; a video must open, decode its first frame, declare a
positive duration (frame count / fps) and decode a frame near its declared end, so a
file cut short in a copy or an upload is caught here and not on the screen. Every
failure is a `MediaError` with a one-line reason naming the file.

Hostile files are refused before anything decodes them (`foundation.limits`,
`foundation.image_header`): a file name that is not valid UTF-8 (OpenCV's binding
crashes the process on one, and neither the catalog nor Qt could hold it), and an
image whose header declares more than `MAX_IMAGE_PIXELS` (a 4 MB PNG may declare
32000 x 32000 pixels: 76 s and 8 GB to decode, and then too large for the player).

Supported: images PNG, JPEG, WebP; video MP4, WebM, MOV, AVI, through OpenCV's FFmpeg
backend (whatever codecs that build decodes; the tests write MPEG-4 part 2, Motion
JPEG, Xvid, VP8 and VP9 and read them back).
"""

from __future__ import annotations

import logging
import math
import os
import struct
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from content.model import ContentKind
from foundation.errors import MediaError
from foundation.image_header import (
    MAX_IMAGE_PIXELS,
    ImageHeaderError,
    ImageTooLargeError,
    UnknownImageFormatError,
    check_image_size,
)
from foundation.limits import is_utf8_path, printable_path

log = logging.getLogger(__name__)

IMAGE_EXTENSIONS = frozenset({".png", ".jpg", ".jpeg", ".webp"})
VIDEO_EXTENSIONS = frozenset({".mp4", ".webm", ".mov", ".avi"})
SUPPORTED_EXTENSIONS = IMAGE_EXTENSIONS | VIDEO_EXTENSIONS
SUPPORTED_TEXT = "PNG, JPEG, WebP images; MP4, WebM, MOV, AVI videos"  # for messages

# Container frame counts are sometimes estimates (duration x fps), so the end check
# decodes a frame this many frames (or this share of the count) before the declared end:
# a file cut a little short of that is accepted, one cut in half is not. The same margins
# as the audience engine's truncation check (audience/sources.py).
_END_MARGIN_FRAMES = 2
_END_MARGIN_SHARE = 0.02
# More frames than this is not a real ad but a nonsense header (FFmpeg reports about
# -9.2e18 for a still image renamed .mp4): ten hours at 60 fps.
_MAX_FRAME_COUNT = 10 * 3600 * 60
_NOT_AN_IMAGE = "cannot decode as an image (not a PNG, JPEG or WebP file, or damaged)"


@dataclass(frozen=True)
class MediaInfo:
    """What probing a media file found.

    `size_bytes` and `mtime_ns` are read before decoding, so a file replaced while it
    was probed looks changed at the next scan and is probed again.
    """

    kind: ContentKind  # IMAGE or VIDEO
    width_px: int
    height_px: int
    size_bytes: int
    mtime_ns: int
    duration_s: float | None = None  # video: frame_count / fps
    frame_count: int | None = None  # video: as the container declares it
    fps: float | None = None  # video: frames per second


def media_kind(path: str | Path) -> ContentKind | None:
    """IMAGE or VIDEO from the file name's extension (any case); None when unsupported."""
    suffix = Path(path).suffix.lower()
    if suffix in IMAGE_EXTENSIONS:
        return ContentKind.IMAGE
    if suffix in VIDEO_EXTENSIONS:
        return ContentKind.VIDEO
    return None


def probe_media(path: str | Path) -> MediaInfo:
    """Check that `path` is an image or video the player can show, and describe it.

    Raises MediaError (one line, naming the file) for a missing, empty or unreadable file,
    a name that is not valid UTF-8, an unsupported extension, a file that does not decode,
    an image of more than `MAX_IMAGE_PIXELS`, a video with no duration, and a video or
    JPEG that was cut short.
    """
    path = Path(path)
    if not is_utf8_path(path):
        raise MediaError(
            printable_path(path),
            "the file name is not valid UTF-8 (written in another encoding, such as Latin-1);"
            " rename it, for example with `convmv -f latin1 -t utf8 --notest`",
        )
    kind = media_kind(path)
    if kind is None:
        suffix = path.suffix.lower() or "(no extension)"
        raise MediaError(path, f"unsupported file type {suffix} (supported: {SUPPORTED_TEXT})")
    stat = _stat_readable_file(path)
    if kind is ContentKind.IMAGE:
        width_px, height_px = _probe_image(path)
        return MediaInfo(kind, width_px, height_px, stat.st_size, stat.st_mtime_ns)
    width_px, height_px, frame_count, fps = _probe_video(path)
    return MediaInfo(
        kind, width_px, height_px, stat.st_size, stat.st_mtime_ns,
        duration_s=frame_count / fps, frame_count=frame_count, fps=fps,
    )


def _stat_readable_file(path: Path) -> os.stat_result:
    try:
        stat = path.stat()
    except FileNotFoundError:
        raise MediaError(path, "no such file") from None
    except OSError as error:
        raise MediaError(path, f"cannot read ({error.strerror})") from None
    if path.is_dir():
        raise MediaError(path, "is a folder, not a media file")
    if not os.access(path, os.R_OK):
        raise MediaError(path, "permission denied")
    if stat.st_size == 0:
        raise MediaError(path, "empty file (0 bytes)")
    return stat


def _probe_image(path: Path) -> tuple[int, int]:
    """(width, height) of a completely decoded image, once its header is within the pixel limit."""
    try:
        check_image_size(path, MAX_IMAGE_PIXELS)
    except ImageTooLargeError as error:
        raise MediaError(path, error.reason) from None
    except UnknownImageFormatError:
        raise MediaError(path, _NOT_AN_IMAGE) from None
    except ImageHeaderError as error:
        raise MediaError(path, f"cannot decode as an image ({error.reason})") from None
    try:
        data = np.fromfile(path, dtype=np.uint8)
    except OSError as error:
        raise MediaError(path, f"cannot read ({error.strerror})") from None
    try:
        image = cv2.imdecode(data, cv2.IMREAD_UNCHANGED)
    except cv2.error as error:  # OpenCV raises for some malformed headers instead of returning None
        image = None
        log.debug("%s: OpenCV error while decoding: %s", path, _cv2_message(error))
    # Checked even when the image decoded: libjpeg (through cv2.imread, for one) fills a
    # cut JPEG with grey and only warns on stderr.
    cut_format = _image_cut_short(data.tobytes())
    if cut_format is not None:
        raise MediaError(path, f"truncated: the {cut_format} data stops before its end (the file was cut short)")
    if image is None or image.size == 0:
        raise MediaError(path, _NOT_AN_IMAGE)
    return int(image.shape[1]), int(image.shape[0])


def _image_cut_short(raw: bytes) -> str | None:
    """The format ("JPEG", "PNG", "WebP") of image bytes that end before their format's end; else None.

    JPEG: no end-of-image marker (FF D9) after the last start-of-scan (FF DA). Scan data
    never holds either marker (a data byte FF is stuffed as FF 00), and searching from the
    last SOS skips an EXIF thumbnail, whose own EOI comes before the main scan.
    PNG: no IEND chunk. WebP: fewer bytes than the RIFF header declares.
    """
    if raw.startswith(b"\xff\xd8"):
        return "JPEG" if raw.rfind(b"\xff\xd9") < raw.rfind(b"\xff\xda") else None
    if raw.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG" if raw.rfind(b"IEND") < 0 else None
    if raw.startswith(b"RIFF") and raw[8:12] == b"WEBP":
        return "WebP" if len(raw) < struct.unpack("<I", raw[4:8])[0] + 8 else None
    return None


def _probe_video(path: Path) -> tuple[int, int, int, float]:
    """(width, height, declared frame count, fps) of a video that decodes at both ends."""
    # The FFmpeg backend only: the default order could hand a name containing a printf
    # pattern to the image-sequence reader.
    capture = cv2.VideoCapture(str(path), cv2.CAP_FFMPEG)
    try:
        if not capture.isOpened():
            if path.suffix.lower() in {".mp4", ".mov"} and mp4_index_missing(path):
                raise MediaError(
                    path,
                    "truncated: the MP4 index (moov box) is missing; the file was cut short or never finished writing",
                )
            raise MediaError(path, "cannot decode as video (not a video file, or a codec OpenCV cannot read)")
        fps = float(capture.get(cv2.CAP_PROP_FPS))
        declared = float(capture.get(cv2.CAP_PROP_FRAME_COUNT))
        if not (math.isfinite(fps) and 0 < fps <= 1000):
            raise MediaError(path, f"the video declares no usable frame rate ({fps:g} fps)")
        if not (math.isfinite(declared) and 0 < declared <= _MAX_FRAME_COUNT):
            raise MediaError(path, "the video declares no duration (zero or unknown frame count); not a playable video")
        frame_count = round(declared)
        ok, frame = capture.read()
        if not ok or frame is None:
            raise MediaError(path, "cannot decode as video: the first frame does not decode (damaged file or unsupported codec)")
        height_px, width_px = frame.shape[:2]
        end_index = frame_count - 1 - max(_END_MARGIN_FRAMES, math.ceil(_END_MARGIN_SHARE * frame_count))
        if end_index > 0:
            capture.set(cv2.CAP_PROP_POS_FRAMES, end_index)
            ok, _ = capture.read()
            if not ok:
                raise MediaError(
                    path,
                    f"truncated: it declares {frame_count} frames ({frame_count / fps:.1f} s) but frame {end_index} "
                    "does not decode; the file was cut short or is damaged",
                )
    except cv2.error as error:
        raise MediaError(path, f"cannot decode as video ({_cv2_message(error)})") from None
    finally:
        capture.release()
    return int(width_px), int(height_px), frame_count, fps


def mp4_index_missing(path: str | Path) -> bool:
    """True for an MP4/MOV whose top-level boxes start with `ftyp`, hold media data but no `moov` index.

    Most writers (OpenCV's included) put the index at the end, so a copy cut short cannot
    be opened at all: FFmpeg needs the index to find any frame. This tells the user why
    (the catalog when importing, the audience engine when opening a recording).
    """
    kinds = []
    path = Path(path)
    try:
        size_bytes = path.stat().st_size
        with path.open("rb") as file:
            position = 0
            while position + 8 <= size_bytes and len(kinds) < 64:
                file.seek(position)
                header = file.read(16)
                if len(header) < 8:
                    break
                size, kind = struct.unpack(">I4s", header[:8])
                if size == 1 and len(header) == 16:
                    size = struct.unpack(">Q", header[8:16])[0]
                elif size == 0:  # the box runs to the end of the file
                    size = size_bytes - position
                if size < 8:
                    break
                kinds.append(kind)
                position += size
    except OSError:
        return False
    return bool(kinds) and kinds[0] == b"ftyp" and b"mdat" in kinds and b"moov" not in kinds


def _cv2_message(error: cv2.error) -> str:
    """OpenCV's error text without its source location and newlines."""
    text = str(error).strip()
    if ") " in text and text.startswith("OpenCV("):
        text = text.split(") ", 1)[1]
    return " ".join(text.split())
