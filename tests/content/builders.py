"""Builders for real media files: drawn with OpenCV into the test's own folder."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np

# (extension, fourcc) pairs OpenCV's FFmpeg here both writes and reads back.
VIDEO_FORMATS = (
    (".mp4", "mp4v"),  # MPEG-4 part 2 in MP4
    (".mov", "mp4v"),  # MPEG-4 part 2 in QuickTime
    (".avi", "MJPG"),  # Motion JPEG
    (".avi", "XVID"),  # Xvid
    (".webm", "VP80"),  # VP8
    (".webm", "VP90"),  # VP9
)


def draw_frame(index: int, size_px: tuple[int, int] = (160, 120)) -> np.ndarray:
    """A BGR frame that differs from frame to frame (a moving square and the frame number)."""
    width, height = size_px
    frame = np.full((height, width, 3), (40, 80, 160), np.uint8)
    x = (index * 7) % max(1, width - 30)
    cv2.rectangle(frame, (x, 20), (x + 30, 50), (0, 220, 255), -1)
    cv2.putText(frame, str(index), (10, height - 10), cv2.FONT_HERSHEY_SIMPLEX, 0.8, (255, 255, 255), 2)
    return frame


def write_image(path: Path, size_px: tuple[int, int] = (320, 240), seed: int = 0) -> Path:
    """Write a drawn image in the format of `path`'s extension (PNG, JPEG, WebP)."""
    width, height = size_px
    image = np.random.default_rng(seed).integers(0, 255, (height, width, 3), dtype=np.uint8)
    cv2.rectangle(image, (10, 10), (width // 2, height // 2), (0, 0, 255), -1)
    ok, data = cv2.imencode(path.suffix.lower() if path.suffix.lower() != ".jpeg" else ".jpg", image)
    assert ok, f"OpenCV cannot encode {path.suffix}"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.tobytes())
    return path


def write_video(
    path: Path, fourcc: str = "mp4v", frame_count: int = 25, fps: float = 25.0, size_px: tuple[int, int] = (160, 120)
) -> Path:
    """Write a short video with OpenCV; fails the test when this build cannot write the format."""
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*fourcc), fps, size_px)
    assert writer.isOpened(), f"OpenCV cannot write {fourcc} into {path.suffix} here"
    for index in range(frame_count):
        writer.write(draw_frame(index, size_px))
    writer.release()
    return path


def cut_file(path: Path, keep_share: float = 0.5, out: Path | None = None) -> Path:
    """A copy of `path` (or `path` itself) holding only the first `keep_share` of its bytes."""
    data = path.read_bytes()
    out = out or path
    out.write_bytes(data[: int(len(data) * keep_share)])
    return out
