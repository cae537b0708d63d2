"""The annotated video: the only place the project writes pixels, and only when asked.

`signage audience analyze SOURCE --annotate OUT.mp4` draws each visitor's box, track id,
age group, attire and dwell onto a copy of the frame. Nothing else in the project
writes frames, face crops or embeddings anywhere (see README, Privacy).
"""

from __future__ import annotations

import logging
from pathlib import Path

import cv2

from audience.engine import AudienceEngine
from audience.types import Frame
from foundation.errors import SourceError

log = logging.getLogger(__name__)

_GREEN = (60, 200, 60)
_GREY = (160, 160, 160)


class AnnotatedVideoWriter:
    """Writes frames with visitor boxes and labels to an MP4 the user named."""

    def __init__(self, path: Path, fps: float) -> None:
        self.path = Path(path)
        self.fps = fps if fps and fps > 0 else 25.0
        self._writer: cv2.VideoWriter | None = None

    def __call__(self, frame: Frame, engine: AudienceEngine) -> None:
        """Draw the current tracks on a copy of `frame` and append it to the video."""
        image = frame.image.copy()
        when = engine.clock.wall_time(frame.ts)
        confirmed = {t.track_id for t in engine.tracker.confirmed()}
        for track in engine.tracker.tracks.values():
            x1, y1, x2, y2 = (int(v) for v in track.xyxy)
            if track.track_id not in confirmed:
                cv2.rectangle(image, (x1, y1), (x2, y2), _GREY, 1)
                continue
            visitor = engine.visitor(track, when)
            group = visitor.age_group.value if visitor.age_group else "?"
            label = f"#{visitor.track_id} {group} {visitor.attire.value} {visitor.dwell_s:.1f}s"
            cv2.rectangle(image, (x1, y1), (x2, y2), _GREEN, 2)
            cv2.putText(image, label, (x1, max(12, y1 - 6)), cv2.FONT_HERSHEY_SIMPLEX, 0.5, _GREEN, 1, cv2.LINE_AA)
        cv2.putText(
            image, when.strftime("%a %H:%M:%S"), (8, 20), cv2.FONT_HERSHEY_SIMPLEX, 0.6, (255, 255, 255), 1, cv2.LINE_AA
        )
        if self._writer is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            height, width = image.shape[:2]
            self._writer = cv2.VideoWriter(str(self.path), cv2.VideoWriter_fourcc(*"mp4v"), self.fps, (width, height))
            if not self._writer.isOpened():
                raise SourceError(f"{self.path}: cannot write the annotated video here")
            log.info("writing annotated video to %s", self.path)
        self._writer.write(image)

    def close(self) -> None:
        """Finish the file."""
        if self._writer is not None:
            self._writer.release()
            self._writer = None
