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

import dataclasses
import functools
import importlib.resources
import json
import logging
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

import numpy as np

from audience.age_gender import AGE_CLASSES
from audience.settings import Range
from audience.types import AGE_GROUPS, AgeGroup
from foundation.errors import ConfigError, DataError

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

    # Each bound alone (the config's range check); __post_init__ checks their order.
    RANGES: ClassVar[dict[str, Range]] = dict.fromkeys(
        ("child_below", "teen_below", "young_adult_below", "adult_below", "middle_aged_below"),
        Range(0, OLDEST_AGE_YEARS, low_open=True, high_open=True),
    )

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


def parse_age_labels(labels: list[str]) -> list[AgeLabel]:
    parsed = [AgeLabel.parse(text) for text in labels]
    exact = {label.exact_years is not None for label in parsed}
    if len(exact) > 1:
        raise DataError("age labels mix exact ages and intervals: use one kind per labels file")
    return parsed


def overlap_matrix(intervals: list[tuple[float, float]], boundaries: AgeGroupBoundaries) -> np.ndarray:
    """Share of each [from, below) interval's years that falls in each group (rows sum to 1)."""
    # The senior group is open-ended, so any age (95, "90+") has a group to fall in.
    groups = list(boundaries.intervals().values())
    matrix = np.zeros((len(intervals), len(groups)))
    for row, (lo, hi) in enumerate(intervals):
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
        return softmax(logits)


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
            per_class = overlap_matrix([(k, k + 1.0) for k in range(AGE_CLASSES)], self.boundaries)
            return per_class, np.ones(len(AGE_GROUPS))
        overlap = overlap_matrix(self.group_head.intervals(), self.boundaries)
        training_prior = self.group_head.training_prior @ overlap
        prior = np.array([(self.group_prior or {}).get(group.value, 1.0) for group in AGE_GROUPS])
        # A group no fitting label reaches has no evidence: it gets no probability.
        ratio = np.divide(prior, training_prior, out=np.zeros_like(prior), where=training_prior > 0)
        return overlap, ratio

    def estimate(self, age_probabilities: np.ndarray) -> AgeEstimate:
        """Group, confidence, group probabilities and age for one face's 81 probabilities.

        The age always lies inside the group (`age_within_group`)."""
        probabilities = np.asarray(age_probabilities, dtype=np.float64).reshape(1, -1)
        groups = self.group_probabilities(probabilities)[0]
        best = int(np.argmax(groups))
        age = float(self.ages_years(probabilities)[0])
        return AgeEstimate(
            age_group=AGE_GROUPS[best],
            confidence=float(groups[best]),
            group_probabilities={group.value: float(groups[i]) for i, group in enumerate(AGE_GROUPS)},
            age_years=self.age_within_group(probabilities[0], age, AGE_GROUPS[best]),
        )

    def age_within_group(self, age_probabilities: np.ndarray, age_years: float, group: AgeGroup) -> float:
        """`age_years` when it lies in `group`, else the network's median age inside the group.

        The two heads answer different questions (module docstring), and the priors of
        the engine move only the group, so the age head's estimate can fall outside the
        group finally chosen: a "senior" of 28.5 years. A visitor shown with a group and
        an age must not contradict itself, so the age is then taken from the same
        network output, restricted to the chosen group's years: the median of its
        probability there (the middle of the group's years when it has none)."""
        low, below = self.boundaries.intervals()[group]
        if low <= age_years < below:
            return float(age_years)
        values = self.age_values_years
        inside = (values >= low) & (values < below)
        mass = np.asarray(age_probabilities, dtype=np.float64).reshape(-1)[inside]
        if not inside.any() or mass.sum() <= 0:
            top = min(below, float(values.max()) + 1.0)
            return float((low + max(low, top - 1.0)) / 2.0) if top > low else float(low)
        cumulative = np.cumsum(mass) / mass.sum()
        return float(values[inside][int(np.searchsorted(cumulative, 0.5))])

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
            overlap_matrix(intervals, boundaries)
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


def softmax(logits: np.ndarray) -> np.ndarray:
    """Row-wise softmax of an N x K array of logits."""
    shifted = logits - logits.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    return exp / exp.sum(axis=1, keepdims=True)


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
