"""The layers of the project: foundation <- libraries <- application.

* the libraries (`audience`, `content`, `playlists`) stay free of Qt, so they run and
  test without a display;
* no library imports the application (`signage`), and `foundation` imports none of the
  others: errors, the clock, paths and the database helpers are what they all stand on.
"""

import subprocess
import sys

import pytest

LIBRARIES = ["audience", "content", "playlists"]


def imported_after_loading(package: str) -> set[str]:
    """Every module in sys.modules after importing all of `package` in a fresh interpreter."""
    code = (
        "import importlib, pkgutil, sys\n"
        f"import {package}\n"
        f"for m in pkgutil.walk_packages({package}.__path__, '{package}.'):\n"
        "    importlib.import_module(m.name)\n"
        "print('\\n'.join(sorted(sys.modules)))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return set(result.stdout.split())


def top_level(modules: set[str]) -> set[str]:
    return {name.split(".")[0] for name in modules}


@pytest.mark.parametrize("package", LIBRARIES)
def test_library_never_imports_qt_or_the_application(package):
    loaded = top_level(imported_after_loading(package))
    assert "PySide6" not in loaded
    assert "signage" not in loaded


def test_foundation_imports_no_other_package_of_the_project():
    loaded = top_level(imported_after_loading("foundation"))
    assert not loaded & {"signage", "audience", "content", "playlists", "PySide6"}


def test_the_check_sees_an_import_of_the_application():
    # The check itself can fail: the application package does import itself and Qt lives there.
    loaded = top_level(imported_after_loading("signage.player"))
    assert "signage" in loaded


@pytest.mark.parametrize("package", ["signage.server", "signage.sync"])
def test_server_and_sync_service_never_import_qt(package):
    # The central server runs on a machine with no screen, and `signage sync` beside the
    # player must not load a second Qt into a service that only talks HTTP and SQLite.
    loaded = top_level(imported_after_loading(package))
    assert "PySide6" not in loaded
