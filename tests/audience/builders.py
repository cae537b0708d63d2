"""Builders for test objects, so tests state only what matters to them."""

from __future__ import annotations

import numpy as np

from audience.types import (
    AgeGroup,
    Attire,
    FaceAttributes,
    FaceDetection,
    Gender,
    Visitor,
)


def make_detection(x: float, y: float, size: float = 80.0, score: float = 0.9) -> FaceDetection:
    """A square face box with its top-left corner at (x, y)."""
    return FaceDetection(xyxy=(x, y, x + size, y + size), score=score)


def make_face_attributes(age_years: float = 30.0, female: float = 0.2, frontal: float = 1.0) -> FaceAttributes:
    """Face attributes whose age distribution peaks at `age_years` (sd 3 years)."""
    ages = np.arange(81, dtype=np.float64)
    probabilities = np.exp(-0.5 * ((ages - age_years) / 3.0) ** 2)
    return FaceAttributes(probabilities / probabilities.sum(), female, frontal)


def make_visitor(
    track_id: int = 1,
    age_group: AgeGroup | None = AgeGroup.ADULT,
    age_confidence: float = 0.8,
    attire: Attire = Attire.CASUAL,
    attire_confidence: float = 0.7,
    dwell_s: float = 3.0,
) -> Visitor:
    """A visitor with the given segment; everything else plausible."""
    return Visitor(
        track_id=track_id,
        xyxy=(0.0, 0.0, 80.0, 80.0),
        first_seen_ts=0.0,
        last_seen_ts=dwell_s,
        dwell_s=dwell_s,
        attention_s=dwell_s / 2,
        age_group=age_group,
        age_group_confidence=age_confidence if age_group else 0.0,
        age_group_probabilities={age_group.value: age_confidence} if age_group else {},
        age_years=35.0 if age_group else None,
        gender=Gender.MALE,
        gender_confidence=0.8,
        attire=attire,
        attire_confidence=attire_confidence,
        face_samples=5,
    )
