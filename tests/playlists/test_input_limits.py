"""Hostile rules files and purchase CSVs, refused cheaply: YAML aliases and oversized files
before parsing, huge values never echoed whole, an unbalanced quote costing one row, and
values no sale has (years 1900 and 9999, a bogus age band, NUL bytes) rejected by line."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest
import yaml

from foundation.db import open_database
from foundation.errors import DataError
from foundation.limits import MAX_ERROR_LINE_CHARS, MAX_YAML_BYTES
from playlists.purchases import import_csv
from playlists.yaml_io import read_document_file, validate_document
from tests.foundation.hostile import billion_laughs, non_utf8_name, write_bytes_at

HEADER = "timestamp,basket_id,product,category,quantity,amount,age_band,segment,customer"
ALIASES_REFUSED = (
    "rules.yaml: line 1: YAML anchors and aliases (&a0) are not allowed (they can expand a small file into"
    " gigabytes); write the values out"
)


def problems_of(text: str) -> list[str]:
    return validate_document(text, "rules.yaml")


# ------------------------------------------------------------------ rules files


def test_anchors_and_aliases_are_refused_before_a_node_is_built():
    # Four levels (6,561 strings) keep the test safe to run on a loader that expands them;
    # the full nine levels (90 MB/s until the machine ran out) run in a process with a
    # memory limit: tests/signage/test_cli_hostile.py.
    assert problems_of(billion_laughs(4)) == [ALIASES_REFUSED]
    # An anchor alone is refused too: no format of ours needs one.
    assert problems_of("default_playlist: &p brand_loop\n") == [
        (
            "rules.yaml: line 1: YAML anchors and aliases (&p) are not allowed (they can expand a small file into"
            " gigabytes); write the values out"
        )
    ]


def test_a_document_over_the_size_limit_is_refused_before_parsing():
    text = "# a comment line\n" * (MAX_YAML_BYTES // 17 + 1) + "rules: []\n"

    assert problems_of(text) == [
        f"rules.yaml: {len(text.encode()):,} bytes, more than the limit of {MAX_YAML_BYTES:,} bytes"
    ]


def test_a_rules_file_is_refused_from_its_size_on_disk_without_reading_it(tmp_path):
    path = tmp_path / "rules.yaml"
    with path.open("wb") as handle:  # a sparse gigabyte: reading it would take the memory
        handle.truncate(1 << 30)
    started = time.perf_counter()

    with pytest.raises(DataError) as error:
        read_document_file(path)

    assert str(error.value) == f"{path}: the rules file is 1,073,741,824 bytes, more than the limit of 2,097,152 bytes"
    assert time.perf_counter() - started < 0.5


def test_read_document_file_names_missing_and_non_utf8_files(tmp_path):
    with pytest.raises(DataError, match=r"gone\.yaml: file not found$"):
        read_document_file(tmp_path / "gone.yaml")
    (tmp_path / "latin1.yaml").write_bytes("rules: []\nnote: caf\xe9\n".encode("latin-1"))
    with pytest.raises(DataError, match=r"latin1\.yaml: line 2: not UTF-8 text \(byte 0xe9 at offset 19\)"):
        read_document_file(tmp_path / "latin1.yaml")
    (tmp_path / "ok.yaml").write_text("rules: []\n", encoding="utf-8")
    assert read_document_file(tmp_path / "ok.yaml") == "rules: []\n"


def test_a_huge_value_is_never_echoed_whole():
    # A name too long to be one, and a playlist that does not exist: both messages quote the value.
    text = f"playlists: []\nrules:\n- name: {'x' * 500_000}\n  playlist: {'p' * 300_000}\n"

    problems = problems_of(text)

    assert problems and all(len(problem) <= MAX_ERROR_LINE_CHARS + 40 for problem in problems), [
        len(problem) for problem in problems
    ]
    assert all(problem.startswith("rules.yaml:") and "\n" not in problem for problem in problems)
    assert any("characters)" in problem for problem in problems)  # says how long the line was


SURROGATE_NOTE = 'playlists:\n- name: p\n  items: [a]\nrules:\n- name: r\n  playlist: p\n  note: "caf\\udce9"\n'


def test_a_surrogate_escape_is_a_problem_of_its_field(monkeypatch):
    # "\udce9" makes text SQLite cannot store. libyaml refuses the escape itself; PyYAML's
    # pure-Python loader (what yaml_io uses where PyYAML was built without libyaml) reads it.
    assert problems_of(SURROGATE_NOTE) == [
        "rules.yaml:7: YAML syntax: found invalid Unicode character escape code (while parsing a quoted scalar)"
    ]
    monkeypatch.setattr("playlists.yaml_io._Loader", yaml.SafeLoader)

    assert problems_of(SURROGATE_NOTE) == ["rules.yaml:7: rules[0].note: not valid Unicode text (a \\ud800-\\udfff escape)"]


# ------------------------------------------------------------------ purchase CSVs


@pytest.fixture
def db(tmp_path):
    return open_database(tmp_path / "signage.db")


def write_csv(path: Path, rows: list[str]) -> Path:
    path.write_bytes(("\n".join([HEADER, *rows]) + "\n").encode("utf-8"))
    return path


def row(basket: str, when: str = "2026-11-23 16:05", product: str = "chips", age_band: str = "25-34") -> str:
    return f"{when},{basket},{product},BAG SNACKS,1,2.49,{age_band},student,c7"


def test_an_unbalanced_quote_with_a_long_field_costs_one_row_named_where_it_opened(tmp_path, db):
    # The quote on line 3 never closes: csv.reader swallowed about 1,300 lines of 100
    # characters into one field until its size limit, reported only that last line and
    # imported none of them.
    rows = [row(f"r{i:04d}", product="chips " + "x" * 40) for i in range(3000)]
    rows[1] = rows[1].replace(",chips ", ',"chips ', 1)

    report = import_csv(db, write_csv(tmp_path / "pos.csv", rows))

    assert len(report.rejected) == 1
    assert report.rejected[0].startswith(
        'pos.csv:3: row: unbalanced quote: a field opened with " on this line is not closed before line '
    )
    assert report.lines_read == 3000 and report.lines_added == 2999
    baskets = {basket for (basket,) in db.conn.execute("SELECT basket_id FROM baskets")}
    assert baskets == {f"r{i:04d}" for i in range(3000)} - {"r0001"}


def test_implausible_values_are_rejected_with_file_line_column_and_value(tmp_path, db):
    rows = [
        row("ok1"),                                             # line 2
        row("old", when="1900-01-01 10:00"),                    # 3
        row("far", when="9999-12-31 10:00"),                    # 4
        row("next_year", when="2027-06-01 10:00"),              # 5: plausible (clock says 2026)
        row("two_years", when="2028-01-01 10:00"),              # 6
        row("banana", age_band="banana"),                       # 7
        row("ancient", age_band="150-200"),                     # 8
        row("reversed", age_band="34-25"),                      # 9
        row("open", age_band="65+"),                            # 10: plausible
        row("nul", product="chi\x00ps"),                        # 11
        row("nul_customer") + "\x00",                           # 12: a NUL in a column we read (customer)
        row("ok2"),                                             # 13: a NUL only in a column we do not read
    ]
    comments = [""] * (len(rows) - 1) + ["bad\x00comment"]
    path = tmp_path / "pos.csv"
    lines = [HEADER + ",comment", *(f"{line},{comment}" for line, comment in zip(rows, comments))]
    path.write_bytes(("\n".join(lines) + "\n").encode("utf-8"))

    report = import_csv(db, path, utc_now=lambda: dt.datetime(2026, 12, 1, tzinfo=dt.UTC))

    assert report.rejected == (
        "pos.csv:3: timestamp: year 1900 is not plausible for a sale (expected 2000-2027) in '1900-01-01 10:00'",
        "pos.csv:4: timestamp: year 9999 is not plausible for a sale (expected 2000-2027) in '9999-12-31 10:00'",
        "pos.csv:6: timestamp: year 2028 is not plausible for a sale (expected 2000-2027) in '2028-01-01 10:00'",
        "pos.csv:7: age_band: expected an age band like 25-34, 65+ or 16, got 'banana'",
        "pos.csv:8: age_band: age band '150-200' is outside 0-120 years",
        "pos.csv:9: age_band: expected an age band like 25-34, 65+ or 16, got '34-25'",
        "pos.csv:11: product: a NUL byte in 'chi\\x00ps' (a binary or damaged file, not text)",
        "pos.csv:12: customer: a NUL byte in 'c7\\x00' (a binary or damaged file, not text)",
    )
    baskets = sorted(basket for (basket,) in db.conn.execute("SELECT basket_id FROM baskets"))
    assert baskets == ["next_year", "ok1", "ok2", "open"]


def test_a_header_with_an_unbalanced_quote_stops_the_import(tmp_path, db):
    path = tmp_path / "pos.csv"
    path.write_bytes(('"' + HEADER + "\n" + row("r1") + "\n").encode("utf-8"))

    with pytest.raises(DataError) as error:
        import_csv(db, path)

    assert str(error.value).startswith(f"{path}:1: header: unbalanced quote")
    assert db.conn.execute("SELECT COUNT(*) FROM purchase_lines").fetchone()[0] == 0


def test_a_csv_whose_name_is_not_utf8_is_refused_in_one_line(tmp_path, db):
    # Its name is in every rejected line and is the default source name: none could be printed.
    path = write_bytes_at(non_utf8_name(tmp_path, suffix=".csv"), (HEADER + "\n" + row("r1") + "\n").encode("utf-8"))

    with pytest.raises(DataError) as error:
        import_csv(db, path, source="pos")

    assert str(error.value) == (
        f"{tmp_path}/caf\\xe9.csv: the file name is not valid UTF-8; rename it (for example with"
        " `convmv -f latin1 -t utf8 --notest`)"
    )
