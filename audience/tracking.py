"""Keeps one id per visitor across frames and accumulates their attributes.

The detector runs every `detect_interval_s` (not every frame: at 1080p it is the most
expensive stage). In between, each track's box is extrapolated with its velocity, so
boxes follow walking visitors and an annotated video stays smooth. A track survives
`max_missing_s` without a detection, which covers short occlusions and turned heads;
after that the visitor has left.

Attributes are never decided from one frame. Each detection that feeds a face to the
models adds a weighted sample (larger, more frontal faces weigh more); the visitor's
age, gender and attire are read from the accumulated evidence.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import ClassVar

import numpy as np

from audience.settings import POSITIVE, SHARE, Range, at_least, between
from audience.types import Attire, AttireEstimate, FaceAttributes, FaceDetection


@dataclass(frozen=True)
class TrackerConfig:
    """Config of tracking and dwell (`tracking:` in the config file)."""

    detect_interval_s: float = 0.1  # run the face detector at most this often (video time)
    iou_min: float = 0.25  # a detection continues a track when their boxes overlap this much
    max_missing_s: float = 1.5  # a track with no detection for this long has left
    min_hits: int = 2  # detections before a track counts as a visitor (filters flickers)
    # After this many face samples, re-estimate only every `resample_every` detections.
    # Two age networks run on each sample (about 20 ms a face here, half of a detection
    # frame's cost with 8 faces): 4 samples in the first 0.4 s, then one a second, keep
    # 8 faces at 720p30 near real time on 2 cores (benchmarks/audience_bench.py).
    max_face_samples: int = 4
    resample_every: int = 10  # detections between samples once a track has enough
    attention_min_frontal: float = 0.5  # frontal score above which a face counts as looking

    RANGES: ClassVar[dict[str, Range]] = {
        "detect_interval_s": at_least(0),  # 0: detect on every frame
        "iou_min": Range(0, 1, low_open=True),  # at 0 a detection would continue any track, however far
        "max_missing_s": POSITIVE,
        "min_hits": between(1, 1000),
        "max_face_samples": between(1, 1000),
        "resample_every": between(1, 10_000),
        "attention_min_frontal": SHARE,
    }


@dataclass(eq=False)  # identity semantics: tracks are compared and hashed as objects
class Track:
    """One visitor's track; mutable, owned by the `Tracker`."""

    track_id: int
    xyxy: np.ndarray  # current box estimate
    velocity_px_s: np.ndarray  # box corner velocities, pixels per second
    first_seen_ts: float
    last_seen_ts: float  # last detection
    detected_xyxy: np.ndarray  # box of the latest detection
    hits: int = 1
    attention_s: float = 0.0
    last_frontal_score: float = 0.0  # from the latest face sample
    # Accumulated evidence (weighted sums, divided by the weights when read).
    age_probability_sum: np.ndarray | None = None
    female_probability_sum: float = 0.0
    face_weight: float = 0.0
    face_samples: int = 0
    attire_score_sum: dict[str, float] = field(default_factory=dict)
    attire_weight: float = 0.0
    attire_samples: int = 0
    last_attire_ts: float | None = None  # when the torso was last looked at (a keyframe)
    _detections_since_sample: int = 0

    @property
    def dwell_s(self) -> float:
        """Seconds between the first and the latest detection."""
        return self.last_seen_ts - self.first_seen_ts

    def mean_age_probabilities(self) -> np.ndarray | None:
        """Weighted mean of the per-frame 81-class age probabilities, or None."""
        if self.age_probability_sum is None or self.face_weight <= 0:
            return None
        return self.age_probability_sum / self.face_weight

    def female_probability(self) -> float | None:
        """Weighted mean probability that the face is female, or None."""
        return None if self.face_weight <= 0 else self.female_probability_sum / self.face_weight

    def attire(self) -> AttireEstimate:
        """The attire with the largest accumulated score, with its share as confidence."""
        if self.attire_weight <= 0:
            return AttireEstimate(Attire.UNKNOWN, 0.0)
        scores = {name: total / self.attire_weight for name, total in self.attire_score_sum.items()}
        best = max(scores, key=scores.get)
        return AttireEstimate(Attire(best), float(scores[best]), scores)


def iou(box_a: np.ndarray, box_b: np.ndarray) -> float:
    """Intersection over union of two xyxy boxes."""
    x1, y1 = max(box_a[0], box_b[0]), max(box_a[1], box_b[1])
    x2, y2 = min(box_a[2], box_b[2]), min(box_a[3], box_b[3])
    inter = max(0.0, x2 - x1) * max(0.0, y2 - y1)
    union = (box_a[2] - box_a[0]) * (box_a[3] - box_a[1]) + (box_b[2] - box_b[0]) * (box_b[3] - box_b[1]) - inter
    return float(inter / union) if union > 0 else 0.0


class Tracker:
    """Greedy IoU tracker with constant-velocity prediction between detections."""

    def __init__(self, config: TrackerConfig | None = None) -> None:
        self.config = config or TrackerConfig()
        self.tracks: dict[int, Track] = {}
        self._ids = itertools.count(1)
        self.finished: list[Track] = []  # tracks that left, for the run summary

    def predict(self, ts: float) -> None:
        """Move every box to where its velocity puts it at `ts` (no detection this frame)."""
        for track in self.tracks.values():
            # Extrapolate from the latest detection, at most half a second: beyond that
            # a visitor has usually stopped or turned, and a runaway box would steal
            # other detections. Only the box centre moves (the mean of the corner
            # velocities): corners moving apart at their own speeds could turn the
            # box inside out while a face is missed.
            elapsed_s = min(max(ts - track.last_seen_ts, 0.0), 0.5)
            vx = (track.velocity_px_s[0] + track.velocity_px_s[2]) / 2.0
            vy = (track.velocity_px_s[1] + track.velocity_px_s[3]) / 2.0
            track.xyxy = track.detected_xyxy + np.array([vx, vy, vx, vy]) * elapsed_s

    def update(self, ts: float, detections: list[FaceDetection]) -> list[tuple[Track, FaceDetection]]:
        """Match detections to tracks at `ts`; returns the (track, detection) pairs.

        New detections start tentative tracks; tracks unseen for `max_missing_s` end.
        """
        self.predict(ts)
        boxes = [np.asarray(d.xyxy, dtype=np.float64) for d in detections]
        candidates = []
        for track in self.tracks.values():
            for index, box in enumerate(boxes):
                overlap = iou(track.xyxy, box)
                if overlap >= self.config.iou_min:
                    candidates.append((overlap, track.track_id, index))
                elif self._close(track.xyxy, box):
                    # Fast walkers between two detections may not overlap; accept a
                    # nearby box of similar size, ranked below any real overlap.
                    candidates.append((overlap * 0.5 + 1e-3, track.track_id, index))
        candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
        used_tracks: set[int] = set()
        used_detections: set[int] = set()
        pairs: list[tuple[Track, FaceDetection]] = []
        for _, track_id, index in candidates:
            if track_id in used_tracks or index in used_detections:
                continue
            used_tracks.add(track_id)
            used_detections.add(index)
            track = self.tracks[track_id]
            self._follow(track, ts, boxes[index])
            pairs.append((track, detections[index]))
        for index, detection in enumerate(detections):
            if index not in used_detections:
                track = Track(
                    track_id=next(self._ids),
                    xyxy=boxes[index],
                    velocity_px_s=np.zeros(4),
                    detected_xyxy=boxes[index],
                    first_seen_ts=ts,
                    last_seen_ts=ts,
                )
                self.tracks[track.track_id] = track
                pairs.append((track, detection))
        self.expire(ts)
        return pairs

    def expire(self, ts: float) -> None:
        """End tracks whose last detection is older than `max_missing_s`."""
        for track_id in [t.track_id for t in self.tracks.values() if ts - t.last_seen_ts > self.config.max_missing_s]:
            track = self.tracks.pop(track_id)
            if track.hits >= self.config.min_hits:
                self.finished.append(track)

    def confirmed(self) -> list[Track]:
        """Tracks with enough detections to count as visitors, by id."""
        return sorted((t for t in self.tracks.values() if t.hits >= self.config.min_hits), key=lambda t: t.track_id)

    def wants_face_sample(self, track: Track) -> bool:
        """Whether this detection of `track` should go through the age/gender models."""
        if track.face_samples < self.config.max_face_samples:
            return True
        return track._detections_since_sample >= self.config.resample_every

    def add_face_sample(self, track: Track, detection: FaceDetection, attributes: FaceAttributes) -> None:
        """Fold one frame's face attributes into the track.

        The weight favours large, frontal faces: the age model was trained on
        aligned frontal chips and degrades on small or turned faces.
        """
        size_weight = min(1.0, min(detection.width, detection.height) / 80.0)
        weight = max(0.05, attributes.frontal_score) * max(0.1, size_weight)
        if track.age_probability_sum is None:
            track.age_probability_sum = np.zeros_like(attributes.age_probabilities, dtype=np.float64)
        track.age_probability_sum += weight * attributes.age_probabilities
        track.female_probability_sum += weight * attributes.female_probability
        track.face_weight += weight
        track.face_samples += 1
        track._detections_since_sample = 0
        track.last_frontal_score = attributes.frontal_score

    def skip_face_sample(self, track: Track) -> None:
        """Count a detection that did not run the models."""
        track._detections_since_sample += 1

    def add_attire_sample(self, track: Track, estimate: AttireEstimate) -> None:
        """Fold one torso classification into the track, weighted by its confidence."""
        if estimate.attire is Attire.UNKNOWN or not estimate.scores:
            return
        weight = max(estimate.confidence, 1e-3)
        for name, score in estimate.scores.items():
            track.attire_score_sum[name] = track.attire_score_sum.get(name, 0.0) + weight * score
        track.attire_weight += weight
        track.attire_samples += 1

    def _follow(self, track: Track, ts: float, box: np.ndarray) -> None:
        dt = ts - track.last_seen_ts
        if dt > 1e-6:
            # Velocity from detection to detection, exponentially smoothed:
            # detections jitter by a few pixels from frame to frame.
            observed = (box - track.detected_xyxy) / dt
            track.velocity_px_s = 0.5 * track.velocity_px_s + 0.5 * observed
            # Attention: the time between two detections counts when the face was
            # frontal at the latest sample (the camera sits beside the screen).
            if track.last_frontal_score >= self.config.attention_min_frontal:
                track.attention_s += dt
        track.xyxy = box
        track.detected_xyxy = box
        track.last_seen_ts = ts
        track.hits += 1

    def _close(self, track_box: np.ndarray, box: np.ndarray) -> bool:
        width = track_box[2] - track_box[0]
        other_width = box[2] - box[0]
        if width <= 0 or not 0.6 <= other_width / width <= 1.6:
            return False
        centre_a = (track_box[:2] + track_box[2:]) / 2
        centre_b = (box[:2] + box[2:]) / 2
        return float(np.linalg.norm(centre_a - centre_b)) <= 0.8 * width
