"""`foundation.csv_rows` on real files: an unbalanced quote costs its own line, named by the
line where the quote opened, and the lines after it are still read."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from foundation.csv_rows import (
    CsvHeaderError,
    CsvProblem,
    CsvRow,
    csv_records,
    csv_rows,
)


def read(path: Path) -> list[CsvRow | CsvProblem]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv_rows(handle))


def write(path: Path, text: str) -> Path:
    path.write_bytes(text.encode("utf-8"))
    return path


def test_a_quote_that_never_closes_costs_its_line_and_the_rest_is_read(tmp_path):
    path = write(tmp_path / "a.csv", 'name,value\na,1\nb,"2\nc,3\nd,4\n')

    assert read(path) == [
        CsvRow(1, ["name", "value"]),
        CsvRow(2, ["a", "1"]),
        CsvProblem(3, 'unbalanced quote: a field opened with " on this line is not closed before the end of the file;'
                      " the lines after it are read on their own"),
        CsvRow(4, ["c", "3"]),
        CsvRow(5, ["d", "4"]),
    ]


def test_a_long_swallowed_field_is_reported_where_it_opened_not_where_the_size_limit_hit(tmp_path):
    # Each line is about 100 characters: the field size limit (131072) ends the
    # swallowing some 1300 lines on. csv.reader named only that last line.
    rows = [f"r{i},{'x' * 96}" for i in range(3000)]
    rows[1] = 'r1,"' + "x" * 96
    path = write(tmp_path / "a.csv", "name,value\n" + "\n".join(rows) + "\n")

    found = read(path)

    problems = [item for item in found if isinstance(item, CsvProblem)]
    assert len(problems) == 1 and problems[0].line == 3
    assert problems[0].reason.startswith('unbalanced quote: a field opened with " on this line is not closed before line ')
    assert [item.cells[0] for item in found if isinstance(item, CsvRow)] == ["name"] + [
        f"r{i}" for i in range(3000) if i != 1
    ]


def test_a_quoted_line_break_in_a_row_of_the_header_width_is_kept(tmp_path):
    path = write(tmp_path / "a.csv", 'name,note\na,"two\nlines"\nb,plain\n')

    assert read(path) == [CsvRow(1, ["name", "note"]), CsvRow(2, ["a", "two\nlines"]), CsvRow(4, ["b", "plain"])]


def test_a_quote_closing_lines_later_with_another_width_costs_only_its_first_line(tmp_path):
    # The quote opened on line 2 closes on line 4: a row of 3 fields, the header has 2.
    path = write(tmp_path / "a.csv", 'name,value\na,"1\nb,2\nc",3\nd,4\n')

    found = read(path)

    assert found[1] == CsvProblem(
        2, 'unbalanced quote: a field opened with " on this line runs on to line 4 (3 fields, the header has 2);'
           " the lines after it are read on their own"
    )
    assert found[2:] == [CsvRow(3, ["b", "2"]), CsvRow(4, ['c"', "3"]), CsvRow(5, ["d", "4"])]


def test_stray_quotes_blank_lines_and_crlf(tmp_path):
    path = write(tmp_path / "a.csv", 'name,value\r\na,"1"x\r\n\r\n  \r\nb,2\r\nc,"3\r\n')

    assert read(path) == [
        CsvRow(1, ["name", "value"]),
        CsvProblem(2, "not a CSV row (',' expected after '\"')"),
        CsvRow(5, ["b", "2"]),
        CsvProblem(6, 'unbalanced quote: a field opened with " on this line is never closed;'
                      " the lines after it are read on their own"),
    ]


def test_a_clean_file_reads_as_the_csv_module_reads_it(tmp_path):
    rows = [["timestamp", "basket", "product"], *[[f"2026-11-23 16:{i % 60:02d}", f"b{i}", f'p "{i}", x'] for i in range(500)]]
    path = tmp_path / "a.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)

    assert [item.cells for item in read(path)] == rows
    assert [item.line for item in read(path)] == list(range(1, 502))


def test_records_are_keyed_by_the_header_and_a_broken_header_is_an_error(tmp_path):
    path = write(tmp_path / "labels.csv", 'filename,label\na.png,x\n"b.png,y\nc.png,z,extra\nd.png\n')
    with path.open(newline="", encoding="utf-8") as handle:
        header, records = csv_records(handle)
        found = list(records)

    assert header == ["filename", "label"]
    assert found[0] == (2, {"filename": "a.png", "label": "x"})
    assert isinstance(found[1], CsvProblem) and found[1].line == 3
    assert found[2:] == [(4, {"filename": "c.png", "label": "z", None: ["extra"]}), (5, {"filename": "d.png"})]

    broken = write(tmp_path / "broken.csv", '"filename,label\na.png,x\n')
    with broken.open(newline="", encoding="utf-8") as handle, pytest.raises(CsvHeaderError) as error:
        csv_records(handle)
    assert error.value.line == 1 and error.value.reason.startswith("unbalanced quote")
