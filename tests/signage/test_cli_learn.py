"""`signage rules learn | suggestions | accept | reject | backtest` end to end on a small history."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from signage.cli import main
from tests.playlists.test_learning import MONDAY, write_history


@pytest.fixture
def installation(tmp_path: Path, monkeypatch, capsys) -> Path:
    """A seeded database (sample content, seed rules) with a small known purchase history."""
    monkeypatch.setenv("SIGNAGE_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("SIGNAGE_DB", raising=False)
    config = tmp_path / "config.yaml"
    config.write_text(
        "learning:\n  min_context_baskets: 100\n  min_category_baskets: 10\n  min_support: 0.0\n"
    )
    monkeypatch.setenv("SIGNAGE_CONFIG", str(config))
    assert main(["rules", "seed"]) == 0
    write_history(tmp_path / "pos.csv", [("35-44", "15:00", MONDAY, 400, 200), ("55-64", "15:30", MONDAY, 600, 30)])
    assert main(["purchases", "import-csv", str(tmp_path / "pos.csv")]) == 0
    capsys.readouterr()
    return tmp_path


NAME = "learned_adult_afternoon_weekday_after_school_snacks"


def test_learn_prints_findings_and_the_age_mapping_and_adds_disabled_suggestions(installation, capsys):
    assert main(["rules", "learn"]) == 0
    out = capsys.readouterr().out
    assert "35-44    -> adult 100%" in out and "55-64    -> middle_aged 100%" in out
    assert "Adults buy bag snacks 2.2 times as often as shoppers overall on weekday afternoons, 14:00-18:00" in out
    assert f"{NAME}: after_school_snacks" in out
    assert "1 added (switched off)" in out
    assert main(["rules", "suggestions"]) == 0
    out = capsys.readouterr().out
    assert f"{NAME} [suggested]" in out and "lift 2.17" in out


def test_a_dry_run_changes_nothing(installation, capsys):
    assert main(["rules", "learn", "--dry-run"]) == 0
    assert "--dry-run: no rule changed" in capsys.readouterr().out
    main(["rules", "suggestions"])
    assert "No learned rules" in capsys.readouterr().out


def test_accept_enables_and_relearning_keeps_it(installation, capsys):
    main(["rules", "learn"])
    assert main(["rules", "accept", NAME]) == 0
    main(["rules", "learn"])
    capsys.readouterr()
    main(["rules", "suggestions"])
    assert f"{NAME} [accepted]" in capsys.readouterr().out
    # The accepted rule now decides for adults on a weekday afternoon.
    argv = ["rules", "simulate", "--age-group", "adult", "--at", "2026-11-24 15:00"]
    assert main(argv) == 0
    assert "Plays: after_school_snacks" in capsys.readouterr().out


def test_reject_deletes_and_relearning_does_not_suggest_it_again(installation, capsys):
    main(["rules", "learn"])
    assert main(["rules", "reject", NAME]) == 0
    assert main(["rules", "learn"]) == 0
    assert "1 rejected before" in capsys.readouterr().out
    main(["rules", "suggestions"])
    assert "No learned rules" in capsys.readouterr().out


def test_accept_refuses_a_hand_written_rule(installation, capsys):
    assert main(["rules", "accept", "students_after_school"]) != 0
    assert "written by hand" in capsys.readouterr().err


def test_learning_thresholds_are_validated(installation, capsys, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("learning:\n  attire_segments: {suits: commuter}\n")
    assert main(["rules", "learn", "--config", str(bad)]) != 0
    err = capsys.readouterr().err
    assert "attire_segments" in err and "suits" in err


def test_backtest_names_a_bad_split(installation, capsys):
    assert main(["rules", "backtest", "--split", "someday"]) != 0
    assert "--split" in capsys.readouterr().err
    assert main(["rules", "backtest", "--split", (dt.date(2030, 1, 1)).isoformat()]) != 0
    assert "outside the history" in capsys.readouterr().err
