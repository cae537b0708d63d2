"""The libraries stay free of Qt, so they run and test without a display."""

import subprocess
import sys

import pytest


@pytest.mark.parametrize("package", ["audience", "content", "playlists"])
def test_library_never_imports_qt(package):
    # Import every module of the package in a fresh interpreter and look at what came in.
    code = (
        "import importlib, pkgutil, sys\n"
        f"import {package}\n"
        f"for m in pkgutil.walk_packages({package}.__path__, '{package}.'):\n"
        "    importlib.import_module(m.name)\n"
        "print(sorted(name for name in sys.modules if name.startswith('PySide6')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
