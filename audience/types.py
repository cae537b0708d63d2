"""The typed objects that cross each stage boundary of the audience engine.

Frames become `FaceDetection`s, detections become tracked `Visitor`s, visitors become an
`AudienceSnapshot`. Each is a small frozen dataclass with units in its field names.
Pixels live only in `Frame` and never leave the process (see README, Privacy).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field

import numpy as np


class AgeGroup(str, enum.Enum):
    """Audience age groups. Boundaries are configurable (`AgeGroupBoundaries`)."""

    CHILD = "child"
    TEEN = "teen"
    YOUNG_ADULT = "young_adult"
    ADULT = "adult"
    MIDDLE_AGED = "middle_aged"
    SENIOR = "senior"


AGE_GROUPS: tuple[AgeGroup, ...] = tuple(AgeGroup)


class Attire(str, enum.Enum):
    """What a visitor wears, as far as the torso region tells."""

    SCHOOL_UNIFORM = "school_uniform"
    BUSINESS = "business"
    WORKWEAR = "workwear"
    CASUAL = "casual"
    UNKNOWN = "unknown"


class Gender(str, enum.Enum):
    """Estimated gender presentation. Rules ignore it unless a marketer turns it on."""

    FEMALE = "female"
    MALE = "male"
    UNKNOWN = "unknown"


class Company(str, enum.Enum):
    """Who a visitor is with, as the camera sees the group in front of the screen (`company_of`)."""

    ALONE = "alone"  # one visitor
    ADULT_WITH_CHILD = "adult_with_child"  # at least one adult with at least one child or teen
    TEENS = "teens"  # two or more minors (children or teens) without an adult
    ADULTS = "adults"  # two or more adults, no minor


COMPANIES: tuple[Company, ...] = tuple(Company)
MINOR_AGE_GROUPS: tuple[AgeGroup, ...] = (AgeGroup.CHILD, AgeGroup.TEEN)


def company_of(
    age_groups: Iterable[AgeGroup | None], minor_age_groups: Iterable[AgeGroup] = MINOR_AGE_GROUPS
) -> Company | None:
    """The company of a group from its visitors' age groups (None: an age not known yet).

    None when nobody is there, or when a visitor whose age is not known yet could change
    the answer: an adult and a teen are an adult with a child whoever else is there, but
    two adults and someone of unknown age are not known to be adults only.
    """
    groups = list(age_groups)
    if len(groups) == 1:
        return Company.ALONE
    minors = set(minor_age_groups)
    n_minors = sum(1 for group in groups if group is not None and group in minors)
    n_adults = sum(1 for group in groups if group is not None and group not in minors)
    if n_minors and n_adults:
        return Company.ADULT_WITH_CHILD
    if len(groups) < 2 or n_minors + n_adults < len(groups):
        return None
    return Company.TEENS if n_minors else Company.ADULTS


class TimeOfDay(str, enum.Enum):
    """Coarse parts of the store's day, used by time-only rules and reports."""

    EARLY_MORNING = "early_morning"  # 05:00-07:00
    MORNING = "morning"  # 07:00-11:00
    LUNCH = "lunch"  # 11:00-14:00
    AFTERNOON = "afternoon"  # 14:00-18:00
    EVENING = "evening"  # 18:00-22:00
    NIGHT = "night"  # 22:00-05:00

    @classmethod
    def of(cls, when: dt.datetime) -> TimeOfDay:
        """Return the part of the day that `when` falls in."""
        hour = when.hour
        if 5 <= hour < 7:
            return cls.EARLY_MORNING
        if 7 <= hour < 11:
            return cls.MORNING
        if 11 <= hour < 14:
            return cls.LUNCH
        if 14 <= hour < 18:
            return cls.AFTERNOON
        if 18 <= hour < 22:
            return cls.EVENING
        return cls.NIGHT


@dataclass(frozen=True)
class Frame:
    """One decoded image. `ts` is seconds on the source's clock (video time or epoch)."""

    index: int
    ts: float
    image: np.ndarray = field(repr=False)  # BGR uint8, H x W x 3; never written to disk


@dataclass(frozen=True)
class FaceDetection:
    """A face found in one frame, in full-frame pixel coordinates."""

    xyxy: tuple[float, float, float, float]
    score: float  # 0..1
    # Five points (right eye, left eye, nose, right mouth, left mouth) when the
    # detector gives them; None otherwise (the landmark model fills in later).
    landmarks_xy: tuple[tuple[float, float], ...] | None = None

    @property
    def width(self) -> float:
        """Box width in pixels."""
        return self.xyxy[2] - self.xyxy[0]

    @property
    def height(self) -> float:
        """Box height in pixels."""
        return self.xyxy[3] - self.xyxy[1]


@dataclass(frozen=True)
class FaceAttributes:
    """Per-face, per-frame model output before any smoothing over a track."""

    age_probabilities: np.ndarray = field(repr=False)  # 81 values, ages 0..80
    female_probability: float
    # How much the face looks at the camera (1 = frontal), from landmark geometry.
    frontal_score: float


@dataclass(frozen=True)
class AttireEstimate:
    """Attire class for one torso crop, with the per-class scores behind it."""

    attire: Attire
    confidence: float
    scores: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Visitor:
    """One tracked person in view, with attributes smoothed over the whole track."""

    track_id: int
    xyxy: tuple[float, float, float, float]
    first_seen_ts: float
    last_seen_ts: float
    dwell_s: float
    attention_s: float
    age_group: AgeGroup | None
    age_group_confidence: float
    age_group_probabilities: dict[str, float]
    age_years: float | None
    gender: Gender
    gender_confidence: float
    attire: Attire
    attire_confidence: float
    face_samples: int  # frames whose face fed the attribute estimates

    def to_dict(self) -> dict:
        """JSON-ready dict (no pixels: boxes, attributes and timings only)."""
        data = asdict(self)
        data["age_group"] = self.age_group.value if self.age_group else None
        data["gender"] = self.gender.value
        data["attire"] = self.attire.value
        data["xyxy"] = [round(v, 1) for v in self.xyxy]
        for key in ("first_seen_ts", "last_seen_ts", "dwell_s", "attention_s"):
            data[key] = round(data[key], 3)
        for key in ("age_group_confidence", "gender_confidence", "attire_confidence"):
            data[key] = round(data[key], 3)
        data["age_group_probabilities"] = {
            k: round(v, 3) for k, v in self.age_group_probabilities.items()
        }
        if self.age_years is not None:
            data["age_years"] = round(self.age_years, 1)
        return data


@dataclass(frozen=True)
class Segment:
    """An audience segment: an age group and an attire, either may be unknown."""

    age_group: AgeGroup | None
    attire: Attire

    def label(self) -> str:
        """Human-readable 'teen/school_uniform'."""
        return f"{self.age_group.value if self.age_group else 'unknown'}/{self.attire.value}"


@dataclass(frozen=True)
class TimeContext:
    """When a snapshot was taken, in the store's local time."""

    local_time: dt.datetime
    time_of_day: TimeOfDay
    weekday: int  # Monday = 0
    is_weekend: bool

    @classmethod
    def of(cls, when: dt.datetime) -> TimeContext:
        """Build the context for a local wall time."""
        return cls(when, TimeOfDay.of(when), when.weekday(), when.weekday() >= 5)


class SignalState(str, enum.Enum):
    """Whether the audience engine currently sees anything."""

    OK = "ok"
    NO_SIGNAL = "no_signal"  # camera lost or stream dropped; reconnecting


@dataclass(frozen=True)
class AudienceSnapshot:
    """Who is in front of the screen at one tick, plus the time context."""

    ts: float
    time: TimeContext
    signal: SignalState
    visitors: tuple[Visitor, ...]
    counts_by_age_group: dict[str, int]
    counts_by_attire: dict[str, int]
    dominant_segment: Segment | None
    # How sure the engine is of the dominant segment (0..1): the mean of the
    # age-group and attire confidences of the visitors in that segment.
    confidence: float
    frames_dropped: int

    @property
    def group_size(self) -> int:
        """Number of visitors present."""
        return len(self.visitors)

    def to_dict(self) -> dict:
        """JSON-ready dict for the JSONL trace."""
        return {
            "type": "snapshot",
            "ts": round(self.ts, 3),
            "local_time": self.time.local_time.isoformat(timespec="seconds"),
            "time_of_day": self.time.time_of_day.value,
            "weekday": self.time.weekday,
            "signal": self.signal.value,
            "group_size": self.group_size,
            "visitors": [v.to_dict() for v in self.visitors],
            "counts_by_age_group": self.counts_by_age_group,
            "counts_by_attire": self.counts_by_attire,
            "dominant_segment": self.dominant_segment.label() if self.dominant_segment else None,
            "confidence": round(self.confidence, 3),
            "frames_dropped": self.frames_dropped,
        }
