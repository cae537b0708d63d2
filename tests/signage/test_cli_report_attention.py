"""`signage report attention` end to end, on a real database file."""

from __future__ import annotations

import csv
import io

import pytest

from foundation.db import open_database
from playlists import reports
from signage.cli import main
from tests.playlists.test_attention import log_attention_plays


@pytest.fixture
def db(tmp_path):
    """A database file with Monday's plays of `ATTENTION_PLAYS` and one on Tuesday still on screen."""
    path = tmp_path / "signage.db"
    database = open_database(path)
    log_attention_plays(database)
    database.conn.close()
    return path


@pytest.fixture
def run(db, capsys):
    """Run `signage report attention ARGS --db DB`; returns (exit code, stdout, stderr)."""

    def run(*args: str) -> tuple[int, str, str]:
        code = main(["report", "attention", *args, "--db", str(db)])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


def test_plain_words_first_then_a_table_per_item_with_the_totals(run):
    code, out, err = run("--from", "2026-11-23", "--to", "2026-11-24")
    assert code == 0 and err == ""
    summary, blank, header, *rows = out.splitlines()
    assert summary == (
        "4 of 5 plays from 2026-11-23 00:00 to 2026-11-24 00:00 measured: 6 opportunities to see, 3 viewers "
        "(50%); per opportunity 1.2 s of attention and 3.7 s of dwell."
    )
    assert blank == ""
    assert header.split() == [
        "ITEM", "PLAYS", "MEASURED", "OPPORTUNITIES", "VIEWERS", "VIEWER_SHARE", "ATTENTION_S/OPP", "DWELL_S/OPP",
    ]
    assert [row.split() for row in rows] == [
        ["snacks_chips", "2", "2", "4", "2", "50%", "1.4", "4.0"],
        ["fallback", "1", "1", "2", "1", "50%", "0.8", "3.0"],
        ["brand_welcome", "1", "1", "0", "0", "-", "-", "-"],
        ["snacks_candy", "1", "0", "0", "0", "-", "-", "-"],
        ["(all)", "5", "4", "6", "3", "50%", "1.2", "3.7"],
    ]


@pytest.mark.parametrize(
    ("by", "first"),
    [("playlist", ["PLAYLIST", "snacks", "4", "2"]), ("rule", ["RULE", "students_after_school", "4", "2"])],
)
def test_by_playlist_and_by_rule(run, by, first):
    code, out, _ = run("--by", by)
    assert code == 0
    lines = out.splitlines()
    # All of the log (Tuesday's play on screen too): plays and plays measured per group
    assert lines[0].startswith("4 of 6 plays in the log measured")
    assert lines[2].split()[0] == first[0] and lines[3].split()[:3] == first[1:]


def test_csv_has_the_grouping_as_its_first_column(run, tmp_path):
    code, out, err = run("--by", "rule", "--csv")
    assert code == 0 and err == ""
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    assert tuple(rows[0]) == ("rule", *reports.PLAY_ATTENTION_COLUMNS[1:])
    assert rows[0]["rule"] == "students_after_school" and rows[0]["viewer_share"] == "0.5"
    assert rows[-1]["viewer_share"] == ""  # the default playlist: nobody there, no share
    target = tmp_path / "attention.csv"
    code, out, err = run("--csv", str(target))
    assert code == 0 and out == "" and err.strip() == f"wrote 4 rows to {target}"


def test_no_measured_plays_in_the_range_is_a_sentence(run):
    code, out, err = run("--from", "2026-11-24")
    assert code == 0 and err == ""
    assert out == (
        "No measured plays from 2026-11-24 00:00: 1 play, none of them with audience snapshots (attention is "
        "measured only while the audience camera runs).\n"
    )
    code, out, _ = run("--to", "2026-11-01")
    assert code == 0 and out == "No plays before 2026-11-01 00:00.\n"


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (("--by", "day"), "--by 'day': choose one of item, playlist, rule"),
        (("--from", "2026-11-24", "--to", "2026-11-23"), "--to '2026-11-23' must be later than --from '2026-11-24'"),
        (("--from", "yesterday"), "'yesterday'"),
    ],
)
def test_bad_options_are_one_line_and_exit_2(run, args, named):
    code, out, err = run(*args)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and named in err


def test_a_missing_database_is_one_line_and_no_new_file(tmp_path, capsys):
    missing = tmp_path / "typo.db"
    code = main(["report", "attention", "--db", str(missing)])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "typo.db" in err
    assert not missing.exists()


def test_a_database_from_before_the_attention_columns_reports_its_plays_as_not_measured(tmp_path, capsys):
    # Given a proof-of-play log made before attention was measured (its first migration only)
    from foundation.db import migrate
    from playlists import proof_of_play

    path = tmp_path / "old.db"
    old = open_database(path)
    migrate(old, proof_of_play.COMPONENT, proof_of_play.MIGRATIONS[:1])
    with old.conn:
        old.conn.execute(
            "INSERT INTO plays (started_at, ended_at, playlist, item, kind, planned_s, outcome, reason, signal,"
            " group_size, confidence, counts_by_age_group, counts_by_attire) VALUES ('2026-11-23 16:00:00.000000',"
            " '2026-11-23 16:00:10.000000', 'brand', 'brand_welcome', 'text', 10, 'played', 'r', 'ok', 1, 0.9,"
            " '{}', '{}')"
        )
    old.conn.close()
    # When attention is reported from it
    code = main(["report", "attention", "--db", str(path)])
    out = capsys.readouterr().out
    # Then the play is there, not measured, and nothing crashed
    assert code == 0
    assert out.startswith("No measured plays") and "1 play" in out
