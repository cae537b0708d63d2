"""`signage rules simulate` and `seed`: what would play and why, on a seeded fresh database."""

from __future__ import annotations

from pathlib import Path

import pytest

from signage.cli import main


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory) -> Path:
    """A fresh installation folder (database and sample media), shared by this module."""
    return tmp_path_factory.mktemp("signage-data")


@pytest.fixture(autouse=True)
def installation(data_dir: Path, monkeypatch):
    monkeypatch.setenv("SIGNAGE_DATA_DIR", str(data_dir))
    monkeypatch.delenv("SIGNAGE_DB", raising=False)
    monkeypatch.setenv("SIGNAGE_CONFIG", str(data_dir / "no-config.yaml"))


def test_students_at_1610_get_the_after_school_playlist_with_the_reason(capsys):
    argv = ["rules", "simulate", "--age-group", "teen", "--attire", "school_uniform", "--at", "2026-11-23 16:10", "--group-size", "3"]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "At Mon 2026-11-23 16:10" in out
    assert "Plays: after_school_snacks" in out
    why = next(line for line in out.splitlines() if line.startswith("Why: "))
    assert why.startswith(
        "Why: Rule students_after_school (priority 60) matched 3 people, mostly teens in school uniform "
        "(confidence 1.00) on Mon 16:10: "
    )
    assert why.endswith("teens, on weekdays, 15:00-18:30.")  # the rule's conditions in words (playlists.learning)
    assert "commuters_morning (priority 50): runs 06:30-09:30, not at 16:10" in out


def test_a_fresh_database_is_seeded_once(data_dir: Path, capsys):
    main(["rules", "simulate", "--at", "2026-11-23 16:10"])
    capsys.readouterr()
    assert (data_dir / "signage.db").is_file() and (data_dir / "media" / "beer_promo.png").is_file()
    assert main(["rules", "seed"]) == 0
    assert "Nothing seeded" in capsys.readouterr().out


def test_a_lost_camera_falls_back_to_time_only_rules_and_withholds_age_restricted_items(capsys):
    assert main(["rules", "simulate", "--no-signal", "--at", "2026-11-24 12:00"]) == 0
    out = capsys.readouterr().out
    assert "Plays: lunch_deals" in out and "only rules without audience conditions could match" in out
    assert main(["rules", "simulate", "--no-signal", "--at", "2026-11-24 20:00"]) == 0
    out = capsys.readouterr().out
    assert "Plays: brand_loop" in out  # evening_adults needs a known audience


def test_adults_in_the_evening_see_the_beer_promo_and_a_teen_does_not(capsys):
    assert main(["rules", "simulate", "--age-group", "adult", "--at", "2026-11-24 20:00"]) == 0
    assert "beer_promo" in capsys.readouterr().out.split("Items:")[1]
    assert main(["rules", "simulate", "--age-group", "teen", "--at", "2026-11-24 20:00"]) == 0
    out = capsys.readouterr().out
    assert "beer_promo" not in out.split("Items:")[1]


def test_an_uncertain_audience_is_told_apart(capsys):
    argv = ["rules", "simulate", "--age-group", "senior", "--at", "2026-11-24 10:00", "--confidence", "0.1"]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "Plays: brand_loop" in out and "confidence 0.10, below 0.35" in out


def test_decision_settings_come_from_the_config_file(data_dir: Path, capsys, tmp_path: Path):
    config = tmp_path / "store.yaml"
    config.write_text("decision:\n  min_audience_confidence: 0.05\n")
    argv = ["rules", "simulate", "--age-group", "senior", "--at", "2026-11-24 10:00", "--confidence", "0.1"]
    assert main(argv + ["--config", str(config)]) == 0
    assert "Plays: seniors_morning" in capsys.readouterr().out


@pytest.mark.parametrize(
    "argv, fragment",
    [
        (["--at", "tomorrow"], "--at"),
        (["--confidence", "1.5"], "--confidence"),
        (["--group-size", "-2"], "--group-size"),
    ],
)
def test_bad_options_are_one_line_errors(argv, fragment, capsys):
    assert main(["rules", "simulate", *argv]) != 0
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and fragment in err


def test_bad_decision_config_names_the_key(tmp_path: Path, capsys):
    config = tmp_path / "store.yaml"
    config.write_text("decision:\n  minor_age_groups: [child, teenager]\n")
    assert main(["config", "validate", str(config)]) != 0
    err = capsys.readouterr().err
    assert "decision.minor_age_groups[1]" in err and "teenager" in err
    config.write_text("stability:\n  min_display: 5\n")
    assert main(["config", "validate", str(config)]) != 0
    assert "stability.min_display" in capsys.readouterr().err


def test_content_in_a_playlist_is_removed_only_with_force(capsys):
    main(["rules", "simulate", "--at", "2026-11-23 16:10"])  # seeds when this runs first
    capsys.readouterr()
    assert main(["content", "remove", "seniors_tea"]) != 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "seniors_morning" in err and "--force" in err
    assert main(["content", "remove", "seniors_tea", "--force"]) == 0
    assert "seniors_morning" in capsys.readouterr().out
    argv = ["rules", "simulate", "--age-group", "senior", "--at", "2026-11-24 10:00"]
    assert main(argv) == 0
    assert "Items: drinks_coffee (8 s)" in capsys.readouterr().out
