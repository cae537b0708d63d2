"""`signage report plays` end to end, on a real database file."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from audience.engine import build_snapshot
from audience.types import AgeGroup, Attire, SignalState, TimeContext
from foundation.db import open_database
from playlists.proof_of_play import (
    PLAYS_CSV_COLUMNS,
    AudienceSummary,
    PlayOutcome,
    ProofOfPlay,
)
from signage.cli import main
from tests.audience.builders import make_visitor

MONDAY_0900 = dt.datetime(2026, 11, 23, 9, 0)
TUESDAY_0900 = dt.datetime(2026, 11, 24, 9, 0)


@pytest.fixture
def db(tmp_path):
    """A database file with four plays: Monday (played, interrupted, failed) and Tuesday (on screen)."""
    path = tmp_path / "signage.db"
    database = open_database(path)
    log = ProofOfPlay(database)
    students = AudienceSummary.from_snapshot(
        build_snapshot(
            0.0, TimeContext.of(MONDAY_0900), SignalState.OK,
            (
                make_visitor(1, AgeGroup.TEEN, attire=Attire.SCHOOL_UNIFORM),
                make_visitor(2, AgeGroup.TEEN, attire=Attire.SCHOOL_UNIFORM),
            ),
            frames_dropped=0,
        )
    )
    plays = (
        (MONDAY_0900, "snacks", "snacks_chips", "students_after_school", students, 8.0, PlayOutcome.PLAYED, None),
        (MONDAY_0900 + dt.timedelta(seconds=8), "brand", "brand_welcome", None, None, 3.5, PlayOutcome.INTERRUPTED, None),
        (MONDAY_0900 + dt.timedelta(seconds=12), "brand", "beer_promo", None, None, 0.2, PlayOutcome.FAILED, "cannot\ndecode"),
        (TUESDAY_0900, "brand", "brand_welcome", None, None, None, None, None),
    )
    for started_at, playlist, item, rule, audience, shown_s, outcome, error in plays:
        play_id = log.item_started(
            started_at=started_at, playlist=playlist, item=item, kind="image", rule=rule, planned_s=8.0,
            reason="a reason", audience=audience or AudienceSummary.from_snapshot(None),
        )
        if outcome is not None:
            log.item_ended(play_id, ended_at=started_at + dt.timedelta(seconds=shown_s), outcome=outcome, error=error)
    database.conn.close()
    return path


@pytest.fixture
def run(db, capsys):
    """Run `signage report plays ARGS --db DB`; returns (exit code, stdout, stderr)."""

    def run(*args: str) -> tuple[int, str, str]:
        code = main(["report", "plays", *args, "--db", str(db)])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


def test_the_table_has_one_line_per_play_and_the_totals(run):
    code, out, err = run()
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0].split() == ["START", "SHOWN_S", "PLAYLIST", "ITEM", "RULE", "OUTCOME", "AUDIENCE"]
    assert len(lines) == 1 + 4 + 1
    chips, welcome, beer, on_screen = lines[1:5]
    assert chips.startswith("2026-11-23 09:00:00") and "8.0" in chips and "snacks_chips" in chips
    assert "students_after_school" in chips and "played" in chips
    assert "2 people, mostly teens in school uniform (confidence 0.75)" in chips  # in words
    assert "3.5" in welcome and "(default)" in welcome and "interrupted" in welcome and "no camera signal" in welcome
    assert "failed: cannot decode" in beer
    assert "on screen" in on_screen and on_screen.split()[2] == "-"
    assert lines[-1] == "4 plays: 1 played, 1 interrupted, 1 failed, 1 on screen"


def test_from_and_to_select_one_day(run):
    code, out, _ = run("--from", "2026-11-23", "--to", "2026-11-24")
    assert code == 0
    assert out.splitlines()[-1] == "3 plays: 1 played, 1 interrupted, 1 failed"
    code, out, _ = run("--from", "2026-11-23 09:00:08", "--to", "2026-11-23 09:00:12")
    assert code == 0 and "brand_welcome" in out and out.splitlines()[-1] == "1 play: 1 interrupted"


def test_no_plays_in_range_says_so(run):
    code, out, _ = run("--from", "2027-01-01")
    assert code == 0 and out == "0 plays\n"


def test_csv_to_standard_output(run):
    code, out, err = run("--csv")
    assert code == 0 and err == ""
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    assert tuple(rows[0]) == PLAYS_CSV_COLUMNS
    assert [row["item"] for row in rows] == ["snacks_chips", "brand_welcome", "beer_promo", "brand_welcome"]
    assert [row["outcome"] for row in rows] == ["played", "interrupted", "failed", ""]
    assert rows[0]["counts_by_age_group"] == "teen=2" and rows[0]["rule"] == "students_after_school"
    assert rows[2]["error"] == "cannot\ndecode"  # quoted, so a multi-line error stays one record


def test_csv_to_a_file(run, tmp_path):
    target = tmp_path / "plays.csv"
    code, out, err = run("--csv", str(target), "--to", "2026-11-24")
    assert code == 0 and out == ""
    assert err.strip() == f"wrote 3 plays to {target}"
    with open(target, newline="", encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    assert [row["shown_s"] for row in rows] == ["8.000", "3.500", "0.200"]


@pytest.mark.parametrize("option", ["--from", "--to"])
def test_a_bad_time_is_a_one_line_error_naming_the_value(run, option):
    code, out, err = run(option, "yesterday")
    assert code != 0 and out == ""
    assert err.count("\n") == 1 and option in err and "'yesterday'" in err


def test_to_before_from_is_an_error(run):
    code, _, err = run("--from", "2026-11-24", "--to", "2026-11-23")
    assert code != 0 and err.count("\n") == 1 and "--to '2026-11-23'" in err


def test_a_missing_database_is_an_error_not_a_new_file(tmp_path, capsys):
    missing = tmp_path / "typo.db"
    code = main(["report", "plays", "--db", str(missing)])
    err = capsys.readouterr().err
    assert code != 0 and err.count("\n") == 1 and "typo.db" in err
    assert not missing.exists()
