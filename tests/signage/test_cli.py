"""The CLI: help text everywhere, one-line errors, config commands."""

from __future__ import annotations

import argparse
import subprocess
import sys

import pytest

from signage.cli import build_parser, main


def iter_parsers(parser: argparse.ArgumentParser, path: str = "signage"):
    """Yield (command path, parser) for the parser and every nested subcommand."""
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from iter_parsers(sub, f"{path} {name}")


def test_every_command_and_option_has_help_text():
    parser = build_parser()
    missing = []
    for path, sub in iter_parsers(parser):
        for action in sub._actions:
            if isinstance(action, argparse._SubParsersAction):
                for choice in action._choices_actions:
                    if not choice.help:
                        missing.append(f"{path} {choice.dest}")
            elif not action.help and action.dest != "help":
                missing.append(f"{path} {'/'.join(action.option_strings) or action.dest}")
    assert missing == []


def test_every_subcommand_prints_help(capsys):
    for path, _ in iter_parsers(build_parser()):
        with pytest.raises(SystemExit) as exit_info:
            main(path.split()[1:] + ["--help"])
        assert exit_info.value.code == 0, path
        assert "usage:" in capsys.readouterr().out


def test_missing_config_file_is_one_line_and_nonzero(tmp_path, capsys):
    code = main(["config", "validate", str(tmp_path / "nope.yaml")])
    err = capsys.readouterr().err.strip()
    assert code != 0
    assert err.count("\n") == 0 and "nope.yaml" in err and "not found" in err


def test_config_validate_names_an_unknown_key(tmp_path, capsys):
    config = tmp_path / "store.yaml"
    config.write_text("audience:\n  tracking:\n    max_missing: 2\n")
    assert main(["config", "validate", str(config)]) != 0
    err = capsys.readouterr().err
    assert "store.yaml" in err and "audience.tracking.max_missing" in err


def test_config_validate_names_a_badly_typed_value(tmp_path, capsys):
    config = tmp_path / "store.yaml"
    config.write_text("audience:\n  detector:\n    min_score: high\n")
    assert main(["config", "validate", str(config)]) != 0
    assert "audience.detector.min_score: expected a number, got 'high'" in capsys.readouterr().err


def test_config_validate_reports_broken_yaml_with_its_line(tmp_path, capsys):
    config = tmp_path / "store.yaml"
    config.write_text("audience:\n  detector: [unclosed\n")
    assert main(["config", "validate", str(config)]) != 0
    err = capsys.readouterr().err
    assert "store.yaml" in err and "line" in err and "Traceback" not in err


def test_config_validate_accepts_a_full_valid_file(tmp_path, capsys):
    config = tmp_path / "store.yaml"
    config.write_text(
        "audience:\n"
        "  detector: {type: libfacedetection, min_score: 0.75, max_side_px: 480}\n"
        "  tracking: {detect_interval_s: 0.12, max_missing_s: 2}\n"
        "  fusion:\n"
        "    attire_priors: {school_uniform: {teen: 3.0}}\n"
        "    time_priors: [{weekdays: [0, 1, 2, 3, 4], start_hhmm: '15:00', end_hhmm: '17:30', factors: {teen: 1.2}}]\n"
    )
    assert main(["config", "validate", str(config)]) == 0
    assert "OK" in capsys.readouterr().out


def test_config_path_follows_the_environment(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("SIGNAGE_CONFIG", str(tmp_path / "x.yaml"))
    assert main(["config", "path"]) == 0
    assert capsys.readouterr().out.strip() == str(tmp_path / "x.yaml")


def test_unknown_fusion_group_is_named(tmp_path, capsys):
    config = tmp_path / "store.yaml"
    config.write_text("audience:\n  fusion:\n    attire_priors: {school_uniform: {teenager: 3.0}}\n")
    assert main(["config", "validate", str(config)]) != 0
    assert "teenager" in capsys.readouterr().err


def test_console_script_runs_as_a_process():
    result = subprocess.run([sys.executable, "-m", "signage.cli", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.startswith("signage ")
