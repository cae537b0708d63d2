"""Tests of the age calibration: boundaries, the two heads, persistence, and real FairFace faces.

The real-face tests run detection and the age network on 270 FairFace images (30 per
age bin), once per session, and cross-validate on them. They read the shared data
folder (`SIGNAGE_TEST_DATA`, default `../shared/data` from the repository root) and
fail, not skip, when it is missing.
"""

from __future__ import annotations

import csv
import dataclasses
import json
import math
from pathlib import Path

import numpy as np
import pytest

from audience.calibration import (
    AgeCalibration,
    AgeGroupBoundaries,
    AgeLabel,
    apply_prior,
    default_calibration_path,
)
from audience.calibration_fit import (
    calibrate_from_csv,
    compute_face_features,
    cross_validate,
    evaluate,
    fit_calibration,
)
from audience.types import AGE_GROUPS, AgeGroup
from foundation.errors import ConfigError, DataError
from tests.conftest import shared_data_dir

REPO_ROOT = Path(__file__).resolve().parents[2]
FACES_PER_BIN = 30

# Measured on the 270-face subset (5-fold CV, seed 0, real pipeline): teen recall 0.77,
# precision 0.50; the uncalibrated network gets 0.10 and 0.375. The floors leave room
# for numeric drift but fail on the uncalibrated model.
TEEN_RECALL_FLOOR = 0.55
TEEN_PRECISION_FLOOR = 0.40


# ------------------------------------------------------------------------ builders


def make_probabilities(ages_years: dict[float, float]) -> np.ndarray:
    """An 81-vector with the given probability at each whole age (the rest renormalised away)."""
    vector = np.zeros(81)
    for age, probability in ages_years.items():
        vector[int(age)] = probability
    return vector / vector.sum()


def write_labels_csv(path: Path, rows: list[dict[str, str]], columns: list[str]) -> Path:
    """Write a labels CSV with exactly these columns."""
    with path.open("w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
    return path


# ------------------------------------------------------------------------ real data


@pytest.fixture(scope="session")
def fairface_dir() -> Path:
    """The shared FairFace folder; a missing folder is a failure, not a skip."""
    root = shared_data_dir()
    folder = root / "faces" / "fairface"
    if not (folder / "labels.csv").is_file():
        pytest.fail(f"test data missing: {folder / 'labels.csv'} (set SIGNAGE_TEST_DATA to the shared data folder)")
    return folder


@pytest.fixture(scope="session")
def pipeline():
    """The engine's detector and age network, as the calibrate command builds them."""
    from audience.age_gender import AgeGenderEstimator
    from audience.detection import DetectorConfig, SlimefaceDetector

    return AgeGenderEstimator(), SlimefaceDetector(DetectorConfig(min_score=0.5))


@pytest.fixture(scope="session")
def fairface_subset_csv(fairface_dir: Path, tmp_path_factory) -> Path:
    """A labels CSV of the first 30 faces of each FairFace bin, with absolute image paths."""
    with (fairface_dir / "labels.csv").open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    taken: dict[str, int] = {}
    subset = []
    for row in rows:
        if taken.get(row["age_group"], 0) < FACES_PER_BIN:
            taken[row["age_group"]] = taken.get(row["age_group"], 0) + 1
            subset.append({"filename": str(fairface_dir / row["filename"]), "age_group": row["age_group"]})
    path = tmp_path_factory.mktemp("fairface") / "labels.csv"
    return write_labels_csv(path, subset, ["filename", "age_group"])


@pytest.fixture(scope="session")
def fairface_features(fairface_subset_csv: Path, pipeline):
    """(features, labels) of the subset through the real detector and network."""
    estimator, detector = pipeline
    faces = compute_face_features(fairface_subset_csv, estimator, detector)
    assert faces.problems == []
    return faces.features, faces.labels


@pytest.fixture(scope="session")
def fitted(fairface_features) -> AgeCalibration:
    """A calibration fitted on the subset (without its own cross-validation, for speed)."""
    features, labels = fairface_features
    return fit_calibration(features, labels, cv_folds=0)


# ------------------------------------------------------------------------ boundaries


def test_boundaries_assign_each_age_to_its_group():
    boundaries = AgeGroupBoundaries()
    assert boundaries.group_of(12.9) == AgeGroup.CHILD
    assert boundaries.group_of(13) == AgeGroup.TEEN
    assert boundaries.group_of(19.99) == AgeGroup.TEEN
    assert boundaries.group_of(20) == AgeGroup.YOUNG_ADULT
    assert boundaries.group_of(49) == AgeGroup.ADULT
    assert boundaries.group_of(64) == AgeGroup.MIDDLE_AGED
    assert boundaries.group_of(65) == AgeGroup.SENIOR
    assert boundaries.group_of(200) == AgeGroup.SENIOR


def test_boundaries_are_configurable():
    boundaries = AgeGroupBoundaries(child_below=12, teen_below=18)
    assert boundaries.group_of(12) == AgeGroup.TEEN
    assert boundaries.group_of(18) == AgeGroup.YOUNG_ADULT


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"teen_below": 13}, "teen_below"),
        ({"child_below": 25}, "teen_below"),
        ({"child_below": 0}, "child_below"),
        ({"adult_below": float("nan")}, "adult_below"),
        ({"middle_aged_below": "65"}, "middle_aged_below"),
    ],
)
def test_boundaries_reject_values_that_do_not_increase(values, field):
    with pytest.raises(ConfigError, match=field):
        AgeGroupBoundaries(**values)


def test_boundaries_from_dict_rejects_unknown_keys():
    with pytest.raises(ConfigError, match="teenager_below"):
        AgeGroupBoundaries.from_dict({"teenager_below": 18}, "config.yaml")


# ------------------------------------------------------------------------ labels


def test_labels_parse_intervals_open_ends_and_exact_ages():
    assert (AgeLabel.parse("10-19").from_years, AgeLabel.parse("10-19").below_years) == (10, 20)
    assert AgeLabel.parse("10-19").midpoint_years == 14.5
    assert (AgeLabel.parse("70+").from_years, AgeLabel.parse("70+").below_years) == (70, 80)
    assert AgeLabel.parse("15").exact_years == 15
    assert AgeLabel.parse("10-19").distance_years(np.array([25.0, 15.0, 8.0])).tolist() == [6.0, 0.0, 2.0]
    with pytest.raises(ValueError):
        AgeLabel.parse("teen")


# ------------------------------------------------------------------------ uncalibrated default


def test_uncalibrated_default_sums_the_network_probabilities_over_each_group():
    calibration = AgeCalibration.uncalibrated()
    estimate = calibration.estimate(make_probabilities({12: 0.4, 14: 0.3, 16: 0.3}))
    assert estimate.age_group == AgeGroup.TEEN
    assert estimate.confidence == pytest.approx(0.6)
    assert estimate.group_probabilities["child"] == pytest.approx(0.4)
    assert estimate.age_years == pytest.approx(0.4 * 12 + 0.3 * 14 + 0.3 * 16)
    assert not calibration.is_calibrated


def test_uncalibrated_default_follows_configured_boundaries():
    probabilities = make_probabilities({17: 0.7, 25: 0.3})
    assert AgeCalibration.uncalibrated().estimate(probabilities).age_group == AgeGroup.TEEN
    moved = AgeCalibration.uncalibrated(AgeGroupBoundaries(child_below=12, teen_below=16))
    assert moved.estimate(probabilities).age_group == AgeGroup.YOUNG_ADULT


# ------------------------------------------------------------------------ apply_prior


def test_apply_prior_multiplies_and_renormalises():
    face = {"child": 0.2, "teen": 0.3, "young_adult": 0.5}
    school_uniform = {"child": 2.0, "teen": 2.0, "young_adult": 0.5}
    updated = apply_prior(face, school_uniform)
    assert updated == pytest.approx({"child": 0.4 / 1.25, "teen": 0.6 / 1.25, "young_adult": 0.25 / 1.25})
    assert max(updated, key=updated.get) == "teen"


def test_apply_prior_with_uninformative_weights_changes_nothing():
    face = {group.value: p for group, p in zip(AGE_GROUPS, [0.1, 0.2, 0.3, 0.2, 0.1, 0.1])}
    assert apply_prior(face, {key: 1.0 for key in face}) == pytest.approx(face)


def test_apply_prior_falls_back_to_the_prior_when_everything_is_ruled_out():
    assert apply_prior({"child": 1.0, "teen": 0.0}, {"child": 0.0, "teen": 3.0}) == {"child": 0.0, "teen": 1.0}


def test_apply_prior_rejects_missing_and_negative_weights():
    with pytest.raises(ValueError, match="teen"):
        apply_prior({"child": 0.5, "teen": 0.5}, {"child": 1.0})
    with pytest.raises(ValueError, match="child"):
        apply_prior({"child": 0.5, "teen": 0.5}, {"child": -1.0, "teen": 1.0})


# ------------------------------------------------------------------------ persistence


def test_save_and_load_round_trip(fitted: AgeCalibration, fairface_features, tmp_path: Path):
    features, _ = fairface_features
    path = tmp_path / "nested" / "calibration.json"
    fitted.save(path)
    loaded = AgeCalibration.load(path)
    assert loaded.to_dict() == fitted.to_dict()
    np.testing.assert_array_equal(loaded.group_probabilities(features), fitted.group_probabilities(features))
    np.testing.assert_array_equal(loaded.ages_years(features), fitted.ages_years(features))


def test_uncalibrated_default_round_trips(tmp_path: Path):
    path = tmp_path / "raw.json"
    AgeCalibration.uncalibrated().save(path)
    assert AgeCalibration.load(path).to_dict() == AgeCalibration.uncalibrated().to_dict()


def _mutated(data: dict, dotted_key: str, value) -> dict:
    data = json.loads(json.dumps(data))
    *parents, last = dotted_key.split(".")
    target = data
    for key in parents:
        target = target[key]
    if value is _DELETE:
        del target[last]
    else:
        target[last] = value
    return data


_DELETE = object()


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("format_version", 99, "format_version"),
        ("group_head.weights", [[1.0, 2.0]], "group_head.weights"),
        ("group_head.bias", _DELETE, "group_head.bias"),
        ("group_head.surprise", 1, "group_head.surprise"),
        ("group_head.labels", ["0-2", "teen"], "group_head.labels"),
        ("boundaries.teen_below", 5, "teen_below"),
        ("group_prior.teen", -1, "group_prior"),
        ("age_values_years", [1.0, 2.0], "age_values_years"),
        ("age_head.values_years", [5.0], "age_head.values_years"),
        ("metrics", _DELETE, "metrics"),
    ],
)
def test_malformed_file_is_a_one_line_config_error_naming_file_and_key(
    fitted: AgeCalibration, tmp_path: Path, key, value, expected
):
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(_mutated(fitted.to_dict(), key, value)))
    with pytest.raises(ConfigError) as error:
        AgeCalibration.load(path)
    message = str(error.value)
    assert str(path) in message and expected in message and "\n" not in message


@pytest.mark.parametrize(
    ("content", "expected"), [(None, "cannot read"), ("{not json", "not valid JSON"), ("[]", "object")]
)
def test_missing_or_unparsable_file_is_a_config_error(tmp_path: Path, content, expected):
    path = tmp_path / "calibration.json"
    if content is not None:
        path.write_text(content)
    with pytest.raises(ConfigError, match=expected) as error:
        AgeCalibration.load(path)
    assert str(path) in str(error.value)


def test_shipped_default_calibration_loads_and_reports_its_metrics():
    calibration = AgeCalibration.load(default_calibration_path())
    assert calibration.is_calibrated
    cv = calibration.metrics["calibrated"]
    assert calibration.metrics["samples"] == 540 and calibration.metrics["folds"] == 5
    assert cv["teen_recall"] > calibration.metrics["uncalibrated"]["teen_recall"] + 0.3
    assert cv["age_mae_is_exact"] is False
    assert calibration.estimate(make_probabilities({25: 1.0})).age_years == pytest.approx(25.0)


# ------------------------------------------------------------------------ real faces


def test_cross_validated_teen_recall_and_precision_on_fairface(fairface_features):
    features, labels = fairface_features
    report = cross_validate(features, labels, folds=5, seed=0)
    calibrated, raw = report["calibrated"], report["uncalibrated"]
    assert calibrated["teen_recall"] >= TEEN_RECALL_FLOOR, calibrated
    assert calibrated["teen_precision"] >= TEEN_PRECISION_FLOOR, calibrated
    # The same floors fail on the network as shipped.
    assert raw["teen_recall"] < TEEN_RECALL_FLOOR
    # The age head never does worse than the network's expected age.
    assert calibrated["age_mae_years"] <= raw["age_mae_raw_years"] + 1e-9
    assert sum(sum(row.values()) for row in calibrated["confusion"].values()) == len(labels)


def test_cross_validation_is_deterministic(fairface_features):
    features, labels = fairface_features
    assert cross_validate(features, labels, folds=3, seed=4) == cross_validate(features, labels, folds=3, seed=4)


def test_fitted_probabilities_follow_the_population_prior(fitted: AgeCalibration, fairface_features):
    features, _ = fairface_features
    assert fitted.group_prior == pytest.approx({group.value: 1 / 6 for group in AGE_GROUPS})
    teen_heavy = dataclasses.replace(fitted, group_prior={**fitted.group_prior, "teen": 1.0})
    teen = AGE_GROUPS.index(AgeGroup.TEEN)
    assert (teen_heavy.group_probabilities(features)[:, teen] > fitted.group_probabilities(features)[:, teen]).all()
    assert np.allclose(fitted.group_probabilities(features).sum(axis=1), 1.0)


def test_fitted_calibration_follows_new_boundaries(fitted: AgeCalibration, fairface_features):
    # Given child_below=10, FairFace's 10-19 lies wholly in teen and 0-2, 3-9 in child,
    # so with a uniform population prior and the training shares divided out (2/9 of the
    # faces for child's two bins, 1/9 for teen's one), P(child) / P(teen) must be
    # (P(0-2) + P(3-9)) / 2 divided by P(10-19).
    features, _ = fairface_features
    moved = fitted.with_boundaries(AgeGroupBoundaries(child_below=10))
    intervals = fitted.group_head.interval_probabilities(features)
    groups = moved.group_probabilities(features)
    child, teen = AGE_GROUPS.index(AgeGroup.CHILD), AGE_GROUPS.index(AgeGroup.TEEN)
    expected_ratio = (intervals[:, 0] + intervals[:, 1]) / 2 / intervals[:, 2]
    np.testing.assert_allclose(groups[:, child] / groups[:, teen], expected_ratio)
    np.testing.assert_allclose(groups.sum(axis=1), 1.0)


def test_exact_ages_fit_groups_directly_and_can_correct_the_age(fairface_features):
    # Given real network outputs and exact ages that are systematically 6 years older
    # than the network's expected age (a network that reads everybody young)
    features, _ = fairface_features
    expected = AgeCalibration.uncalibrated().expected_ages_years(features)
    labels = [f"{round(age + 6)}" for age in expected]
    # When fitting
    calibration = fit_calibration(features, labels, cv_folds=0)
    # Then the head is fitted on our groups and the age correction is kept
    assert set(calibration.group_head.labels) <= {"0-12", "13-19", "20-29", "30-49", "50-64", "65-89"}
    assert not calibration.age_head.is_identity
    report = evaluate(calibration, features, labels)
    assert report["age_mae_is_exact"] is True
    assert report["age_mae_years"] < report["age_mae_raw_years"] - 3


def test_mixed_label_kinds_are_a_data_error(fairface_features):
    features, _ = fairface_features
    with pytest.raises(DataError, match="mix"):
        fit_calibration(features[:2], ["15", "10-19"], cv_folds=0)


# ------------------------------------------------------------------------ labels CSV


def test_compute_face_features_reports_bad_rows_and_reads_exact_ages(fairface_dir: Path, pipeline, tmp_path: Path):
    estimator, detector = pipeline
    image = str(fairface_dir / "fairface_0001.jpg")
    rows = [
        {"filename": image, "age": "54", "age_group": ""},
        {"filename": image, "age": "", "age_group": "50-59"},
        {"filename": "does_not_exist.jpg", "age": "30", "age_group": ""},
        {"filename": image, "age": "", "age_group": "old"},
        {"filename": "", "age": "30", "age_group": ""},
    ]
    path = write_labels_csv(tmp_path / "labels.csv", rows, ["filename", "age", "age_group"])
    faces = compute_face_features(path, estimator, detector)
    problems = faces.problems
    assert faces.features.shape == (2, 81) and faces.labels == ["54", "50-59"] and faces.filenames == [image, image]
    assert faces.female_probabilities.shape == (2,) and faces.genders == [None, None]
    assert len(problems) == 3
    assert problems[0].startswith(f"{path}:4: does_not_exist.jpg") and "cannot read" in problems[0]
    assert f"{path}:5:" in problems[1] and f"{path}:6:" in problems[2]


def test_compute_face_features_names_a_missing_column(pipeline, tmp_path: Path):
    estimator, detector = pipeline
    path = write_labels_csv(tmp_path / "labels.csv", [{"filename": "a.jpg", "gender": "male"}], ["filename", "gender"])
    with pytest.raises(DataError, match="age_group") as error:
        compute_face_features(path, estimator, detector)
    assert str(path) in str(error.value)
    with pytest.raises(DataError, match="cannot read"):
        compute_face_features(tmp_path / "missing.csv", estimator, detector)


def test_calibrate_from_csv_writes_a_loadable_file(fairface_subset_csv: Path, pipeline, tmp_path: Path):
    # A small CSV keeps this quick: 6 faces of each of three bins.
    estimator, detector = pipeline
    with fairface_subset_csv.open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    picked = [row for label in ("3-9", "10-19", "20-29") for row in [r for r in rows if r["age_group"] == label][:6]]
    labels_csv = write_labels_csv(tmp_path / "labels.csv", picked, ["filename", "age_group"])
    out = tmp_path / "out" / "age_calibration.json"
    calls = []
    report = calibrate_from_csv(labels_csv, out, estimator, detector, progress=lambda done, total: calls.append(done))
    assert report["faces_used"] == 18 and report["faces_skipped"] == 0
    assert calls == list(range(1, 19))
    loaded = AgeCalibration.load(out)
    assert loaded.metrics["calibrated"]["samples"] == 18
    assert loaded.age_values_years[0] == pytest.approx(float(estimator.manifest.age_values_years[0]))
    assert math.isfinite(loaded.estimate(make_probabilities({15: 1.0})).confidence)


def test_the_age_always_lies_inside_the_chosen_group():
    # A network output whose expected age (about 28) is a young adult's, while most of its
    # mass sits in two humps: 20-35 and 66-70.
    probabilities = np.zeros(81)
    probabilities[20:36] = 0.6 / 16
    probabilities[66:71] = 0.4 / 5
    calibration = AgeCalibration.uncalibrated()

    inside = calibration.age_within_group(probabilities, 28.5, AgeGroup.YOUNG_ADULT)
    moved = calibration.age_within_group(probabilities, 28.5, AgeGroup.SENIOR)
    empty = calibration.age_within_group(probabilities, 28.5, AgeGroup.CHILD)

    assert inside == 28.5
    assert moved == 68.0  # the median of the senior hump 66..70
    assert 0 <= empty < 13  # no mass at all in the group: its middle


def test_estimate_gives_an_age_in_its_own_group(fairface_features):
    calibration = AgeCalibration.load(default_calibration_path())
    features, _ = fairface_features
    for row in features[:200]:
        estimate = calibration.estimate(row)
        low, below = calibration.boundaries.intervals()[estimate.age_group]
        assert low <= estimate.age_years < below, estimate
