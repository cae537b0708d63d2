"""`signage experiment simulate`: the last line, and bad options refused in one line."""

from __future__ import annotations

import re

import pytest

from signage.cli import main


def test_the_last_line_is_coverage_and_false_positives(capsys):
    # One seed of one day: too few exposures for a number, which the line says as n/a.
    assert main(["experiment", "simulate", "--seeds", "1", "--days", "1", "--effect", "0.08", "-v"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0].startswith("seed 0: ")  # -v: one line per seed first
    assert "planted effect +8.0%" in lines[1]
    assert re.fullmatch(r"coverage (\d\.\d\d|n/a), false positives (\d\.\d\d|n/a)", lines[-1])


def test_without_v_no_line_per_seed(capsys):
    assert main(["experiment", "simulate", "--seeds", "1", "--days", "1"]) == 0
    out = capsys.readouterr().out
    assert "seed 0:" not in out and out.strip().splitlines()[-1].startswith("coverage ")


@pytest.mark.parametrize(
    ("option", "value", "named"),
    [
        ("--seed", "-1", "--seed"),
        ("--seeds", "0", "--seeds"),
        ("--effect", "-1.5", "--effect"),
        ("--effect", "-1", "--effect"),
        ("--effect", "5", "--effect"),
        ("--days", "0", "--days"),
        ("--holdout-share", "1.5", "--holdout-share"),
        ("--window-min", "0", "--window-min"),
        ("--jobs", "0", "--jobs"),
    ],
)
def test_bad_options_are_one_line_and_exit_2(capsys, option, value, named):
    assert main(["experiment", "simulate", option, value]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    error = captured.err.strip()
    assert len(error.splitlines()) == 1 and error.startswith(f"signage: error: {named}:")
