"""CSV rows where an unbalanced quote costs its own line, not the hundreds after it.

Python's `csv` module lets a quoted field hold line breaks, so one stray `"` swallows
every line up to the next quote, or up to `csv.field_size_limit()` characters, and the
reader reports only where the swallowing ended. `csv_rows` reads the same rows but
checks every row that runs over more than one line:

* it is kept when it has as many fields as the header (the first row): a quoted field
  with a line break in it, as a spreadsheet writes one;
* otherwise (another number of fields, the field size limit reached, or the end of the
  file inside the quotes) the quote is unbalanced: a `CsvProblem` names the line where
  the quote opened, and the lines it swallowed are read again as rows of their own, so
  nothing after it is lost;
* a row the `csv` module refuses on its own line (in strict mode, `"ab"c`) is a
  `CsvProblem` on that line.

Line numbers are those of the file, the first line being 1. The cost is the `csv`
module's own: the lines of one row are kept only until that row is read, and a
swallowed stretch (at most `csv.field_size_limit()` characters) is read twice.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class CsvRow:
    """One row and the line of the file it is on."""

    line: int
    cells: list[str]


@dataclass(frozen=True)
class CsvProblem:
    """A line that is not a row: `reason` says why (one line, no quoted content)."""

    line: int
    reason: str


_UNBALANCED = 'unbalanced quote: a field opened with " on this line '
_READ_ON = "; the lines after it are read on their own"


class _Lines:
    """The file's lines for `csv.reader`, numbered, with lines pushed back to be read again."""

    def __init__(self, lines: Iterable[str]) -> None:
        self._lines = iter(lines)
        self._number = 0
        self._pushed: list[tuple[int, str]] = []  # read again, last first
        self.taken: list[tuple[int, str]] = []  # the lines of the row being read

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        if self._pushed:
            item = self._pushed.pop()
        else:
            self._number += 1
            item = (self._number, next(self._lines))
        self.taken.append(item)
        return item[1]

    def push_back(self, items: list[tuple[int, str]]) -> None:
        """Read `items` (numbered lines, in file order) again before the rest of the file."""
        self._pushed.extend(reversed(items))


def csv_rows(lines: Iterable[str]) -> Iterator[CsvRow | CsvProblem]:
    """Rows (the header included) and problems of CSV text, in file order; blank lines are skipped.

    `lines` is a text file opened with `newline=""` (as the `csv` module wants), or any
    iterable of lines with their line ends.
    """
    source = _Lines(lines)
    reader = csv.reader(source, strict=True)
    width: int | None = None  # the header's number of fields
    while True:
        source.taken = []
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            first_line, first_text = source.taken[0] if source.taken else (0, "")
            if len(source.taken) > 1:  # a quoted field ran on past its line into the size limit or the end
                limit = "the end of the file" if "end of data" in str(error) else f"line {source.taken[-1][0]}"
                yield from _unbalanced(source, f"is not closed before {limit}")
            elif source.taken and first_text.count('"') % 2:
                # An odd number of quotes on the line: one opened, and the file or the field size limit ended it.
                yield CsvProblem(first_line, _UNBALANCED + "is never closed" + _READ_ON)
            elif source.taken:
                yield CsvProblem(first_line, f"not a CSV row ({error})")
            continue
        if len(source.taken) > 1 and len(cells) != width:
            fields = f"{len(cells)} fields, the header has {width}" if width is not None else "in the header"
            yield from _unbalanced(source, f"runs on to line {source.taken[-1][0]} ({fields})")
            continue
        if not cells or (len(cells) == 1 and not cells[0].strip()):
            continue  # a blank line
        if width is None:
            width = len(cells)
        yield CsvRow(source.taken[0][0], cells)


def _unbalanced(source: _Lines, what: str) -> Iterator[CsvProblem]:
    """The first line of a row that ran on is the problem; the lines after it are read again."""
    first, *rest = source.taken
    source.push_back(rest)
    yield CsvProblem(first[0], _UNBALANCED + what + _READ_ON)


class CsvHeaderError(ValueError):
    """The first row, the header, is not a CSV row (`line` and `reason` as in `CsvProblem`)."""

    def __init__(self, line: int, reason: str) -> None:
        self.line = line
        self.reason = reason
        super().__init__(f"line {line}: header: {reason}")


def csv_records(lines: Iterable[str]) -> tuple[list[str] | None, Iterator[tuple[int, dict] | CsvProblem]]:
    """(header cells, iterator of (line, {column: cell}) and problems), like `csv.DictReader`.

    The header is the first row (None for a file without rows); a row with more cells
    than the header keeps the extra ones in a list under the key None, a shorter row
    lacks the keys it does not reach, as with DictReader. CsvHeaderError when the first
    row is itself a problem: every row would be read under the wrong columns.
    """
    rows = csv_rows(lines)
    first = next(rows, None)
    if isinstance(first, CsvProblem):
        raise CsvHeaderError(first.line, first.reason)
    header = first.cells if first is not None else None

    def records() -> Iterator[tuple[int, dict] | CsvProblem]:
        if header is None:
            return
        for item in rows:
            if isinstance(item, CsvProblem):
                yield item
                continue
            record: dict = dict(zip(header, item.cells))
            if len(item.cells) > len(header):
                record[None] = item.cells[len(header):]
            yield item.line, record

    return header, records()
