"""Small JPEGs of content files for the console's library: an image scaled down, or a video's frame.

`make_thumbnail(path, kind)` reads a stored content file (an ad a person uploaded, never
a camera frame) and returns a JPEG that fits in `THUMBNAIL_BOX_PX`. Images are checked
against the same pixel limit as `content.probe` before anything decodes them (a content
file may have come through `PUT /api/v1/content/...` without being probed); a video
gives the frame at `VIDEO_FRAME_SHARE` of its length (the first frame is often black).
Failures are `MediaError`s with a one-line reason.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from foundation.errors import MediaError
from foundation.image_header import MAX_IMAGE_PIXELS, ImageHeaderError, check_image_size

log = logging.getLogger(__name__)

__all__ = ["THUMBNAIL_BOX_PX", "Thumbnail", "make_thumbnail"]

# Twice the library table's 96 x 54 CSS pixels (sharp on a phone's 2x screen), and
# enough for the item page's larger picture; a JPEG of this size is 5-15 KB.
THUMBNAIL_BOX_PX = (320, 180)
JPEG_QUALITY = 82
VIDEO_FRAME_SHARE = 0.1


@dataclass(frozen=True)
class Thumbnail:
    """A JPEG and its size in pixels."""

    jpeg: bytes
    width_px: int
    height_px: int


def make_thumbnail(path: str | Path, kind: str) -> Thumbnail:
    """A JPEG of the image or video file at `path` (`kind` "image" or "video") within THUMBNAIL_BOX_PX."""
    path = Path(path)
    picture = _video_frame(path) if kind == "video" else _image(path)
    return _encoded(_fitted(picture))


def _image(path: Path) -> np.ndarray:
    try:
        check_image_size(path, MAX_IMAGE_PIXELS)
    except ImageHeaderError as error:
        raise MediaError(path, error.reason) from None
    # IMREAD_COLOR drops an alpha channel; REDUCED_COLOR_2 would halve big images for free,
    # but only for JPEG, and a 40 MP PNG decodes in well under a second anyway.
    picture = cv2.imdecode(np.fromfile(path, dtype=np.uint8), cv2.IMREAD_COLOR)
    if picture is None or picture.size == 0:
        raise MediaError(path, "cannot decode as an image (not a PNG, JPEG or WebP file, or damaged)")
    return picture


def _video_frame(path: Path) -> np.ndarray:
    # The FFmpeg backend only, as content.probe does (no image-sequence reader for odd names).
    capture = cv2.VideoCapture(str(path), cv2.CAP_FFMPEG)
    try:
        if not capture.isOpened():
            raise MediaError(path, "cannot decode as video")
        frames = float(capture.get(cv2.CAP_PROP_FRAME_COUNT))
        if frames > 1:
            capture.set(cv2.CAP_PROP_POS_FRAMES, int(frames * VIDEO_FRAME_SHARE))
        ok, frame = capture.read()
        if not ok or frame is None:
            capture.set(cv2.CAP_PROP_POS_FRAMES, 0)
            ok, frame = capture.read()
        if not ok or frame is None:
            raise MediaError(path, "no frame of the video decodes")
        return frame
    except cv2.error as error:
        raise MediaError(path, f"cannot decode as video ({' '.join(str(error).split())[:200]})") from None
    finally:
        capture.release()


def _fitted(picture: np.ndarray) -> np.ndarray:
    height, width = picture.shape[:2]
    box_width, box_height = THUMBNAIL_BOX_PX
    scale = min(box_width / width, box_height / height, 1.0)
    if scale >= 1.0:
        return picture
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    return cv2.resize(picture, size, interpolation=cv2.INTER_AREA)


def _encoded(picture: np.ndarray) -> Thumbnail:
    ok, jpeg = cv2.imencode(".jpg", picture, [cv2.IMWRITE_JPEG_QUALITY, JPEG_QUALITY])
    if not ok:
        raise MediaError("thumbnail", "OpenCV could not encode the JPEG")
    return Thumbnail(jpeg.tobytes(), int(picture.shape[1]), int(picture.shape[0]))
