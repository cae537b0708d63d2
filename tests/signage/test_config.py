"""The one config file: every section validated, unknown keys named, `config path/validate`."""

from __future__ import annotations

import pytest

from signage.cli import main
from signage.config import load_config
from foundation.errors import ConfigError


def write(tmp_path, text):
    path = tmp_path / "config.yaml"
    path.write_text(text)
    return path


def test_a_missing_default_file_means_built_in_defaults(tmp_path, monkeypatch):
    monkeypatch.setenv("SIGNAGE_CONFIG", str(tmp_path / "nothing.yaml"))
    config = load_config()
    assert config.source == "built-in defaults"
    assert config.player.camera == "0" and config.stability.min_display_s == 10.0


def test_an_explicit_file_must_exist(tmp_path):
    with pytest.raises(ConfigError, match="nothing.yaml: config file not found"):
        load_config(tmp_path / "nothing.yaml")


def test_every_section_is_read(tmp_path):
    path = write(
        tmp_path,
        "player: {camera: 'rtsp://cam/1', rotation_deg: 90, sound: true}\n"
        "stability: {min_display_s: 6}\n"
        "decision: {minor_probability_threshold: 0.3}\n",
    )
    config = load_config(path)
    assert config.player.camera == "rtsp://cam/1" and config.player.rotation_deg == 90 and config.player.sound
    assert config.stability.min_display_s == 6.0
    assert config.decision.minor_probability_threshold == 0.3


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("screen: {}\n", "unknown key screen"),
        ("player: {colour: red}\n", "unknown key player.colour"),
        ("player: {rotation_deg: 45}\n", "player.rotation_deg: expected 0, 90, 180 or 270, got 45"),
        ("player: {video_stall_timeout_s: 0}\n", "player.video_stall_timeout_s: expected a number > 0, got 0"),
        ("player: {sound: loud}\n", "player.sound"),
        ("stability: {min_display: 3}\n", "unknown key stability.min_display"),
    ],
)
def test_a_bad_value_or_unknown_key_is_named_with_the_file(tmp_path, text, message):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as error:
        load_config(path)
    assert str(path) in str(error.value) and message in str(error.value)


def test_config_path_and_validate_commands(tmp_path, monkeypatch, capsys):
    path = write(tmp_path, "player: {camera: none}\n")
    monkeypatch.setenv("SIGNAGE_CONFIG", str(path))
    assert main(["config", "path"]) == 0
    assert capsys.readouterr().out.strip() == str(path)
    assert main(["config", "validate"]) == 0
    assert capsys.readouterr().out.strip() == f"{path}: OK"
    bad = write(tmp_path, "player: {rotation_deg: 45}\n")
    assert main(["config", "validate", str(bad)]) != 0
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "rotation_deg" in err
