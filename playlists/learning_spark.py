"""Chain-wide learning on Apache Spark: the learner's two queries over Parquet files of receipts.

A chain's receipts outgrow one database; Spark (`pip install 'signage[spark]'`, which
needs Java 17 or later: Debian's `default-jre-headless`) counts them where they lie, in
Parquet files. Only the counting moves, as on the server (`signage.server.learning`):

* **The same two queries.** The receipts are registered as Spark temp views named
  `baskets` and `basket_categories`, with the columns the learner reads, and
  `playlists.learning.BASKET_QUERY` and `CATEGORY_QUERY` run on them *as written*:
  Spark SQL takes the same positional `?` parameters as SQLite, and the same ISO day
  strings (a test checks the text Spark receives). Their rows go to the learner's own
  `counts_from_rows`, then `findings_from_counts` and `suggest_rules`, unchanged.
* **The views are derived as `playlists.purchases` derives its tables.** A basket's
  context (day, hour, weekday, age band, segment) is that of its first line (the lowest
  `line`): "first wins". `basket_categories` holds the distinct (basket, category) pairs
  of lines that have a category, with the basket's context copied in; a line without a
  category still makes its basket a basket.

Receipts (one row per purchase line)
------------------------------------

A Parquet file, or a folder: every `*.parquet` file under it (Spark's own output,
`part-*.parquet`, included). Columns, in any order; others are ignored:

=========  ===========================  ======================================================
column     type                         meaning
=========  ===========================  ======================================================
source     string                       the store or feed (a `purchase_imports` source)
basket_id  string                       the receipt; unique within its source
line       integer (any width)          the line's place on the receipt, from 0
day        date                         local day of the sale
hour       integer 0-23                 local hour of the sale
age_band   string, null when unknown    the customer's age band as the data spells it (25-34)
segment    string, null when unknown    the customer's segment (household composition)
category   string, null or '' for none  the product's category (BAG SNACKS)
=========  ===========================  ======================================================

The weekday (Monday = 0) is computed from `day`, so the two cannot disagree. The
writers here (`export_sqlite_receipts`, `write_complete_journey_receipts`) also write
`customer`, `product` (strings), `quantity` and `amount` (doubles), which the learner
does not read. Every file is checked before Spark reads it (its Parquet marks, footer,
columns and their types), and the lines' values after (a source, basket and day on
every line, an hour 0-23): a malformed file is a one-line `DataError` naming the file
and what is wrong, never a Java stack trace.

The Spark session
-----------------

`spark_session()` starts Spark in local mode (`local[2]`, 1 GB of driver memory, 16
shuffle partitions, the UI off, everything on loopback) and stops it and its JVM on the
way out. The JVM's output and Spark's log (WARN and up) go to a file in the session's
temporary folder, removed with it: nothing of Spark reaches the terminal. A session
already active in the process (a notebook's, a test module's) is used as it is and
left running.

Measured by benchmarks/learning_bench.py on this 2-core machine while other work ran
(load 2-4), cold JVM each time; the counts equal SQLite's to the last bit (1,925 findings):

* Complete Journey, 1.47 M lines (11 MB of Parquet): 43 s (JVM start 11 s more), 42 s of
  JVM CPU; SQLite counts the same in 2.6 s. Warm (a second run in the session): 15-20 s.
* 10 copies, 14.7 M lines: 104 s; SQLite 6.6 s.
* 100 copies, 147 M lines (1.1 GB of Parquet, 2.6 GB spilled to the session's folder):
  790 s, 1,085 s of JVM CPU.
* Memory stays flat: the JVM peaks at 1.2-1.5 GB (1 GB heap) and the Python driver at
  370 MB, at any size. On one small machine Spark is the slower engine; its place is a
  chain's receipts that no longer fit one database (a cluster's master URL would go in
  `SparkOptions.master`; only local mode is tested).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import re
import shutil
import subprocess
import tempfile
import warnings
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

from sqlite_utils import Database

from audience.calibration import AgeGroupBoundaries
from foundation.db import read_transaction
from foundation.errors import DataError, ModelError
from foundation.limits import clip_line, printable_path
from playlists import learning as learner
from playlists.codec import suggest_names
from playlists.learning import Counts

log = logging.getLogger(__name__)

SPARK_EXTRA_HINT = "pip install 'signage[spark]'"
JAVA_HINT = "install Debian's default-jre-headless (apt-get install default-jre-headless) or set JAVA_HOME"

# The learner's own query texts, the same objects: only the `{sources}` marks are filled in.
BASKET_QUERY = learner.BASKET_QUERY
CATEGORY_QUERY = learner.CATEGORY_QUERY

# Column -> what its Parquet type must be (checked with pyarrow before Spark reads a file).
RECEIPT_COLUMNS: dict[str, str] = {
    "source": "string",
    "basket_id": "string",
    "line": "integer",
    "day": "date",
    "hour": "integer",
    "age_band": "string",
    "segment": "string",
    "category": "string",
}
_LINES_VIEW = "receipt_lines"  # the lines as read; the views below are made from it
# Per basket, in one aggregation: its first line's context ("first wins") and its distinct
# categories; both views read it (Spark prunes the categories when only `baskets` is
# asked for). On Complete Journey the category query took 13-15 s of JVM CPU so, against
# 17-18 s when the distinct (basket, category) pairs were joined with the baskets as
# SQLite's importer pairs them. Caching this aggregation for the second query cost more
# (compressing the cache) than it saved.
_RECEIPT_BASKETS_VIEW = """
CREATE OR REPLACE TEMP VIEW receipt_baskets AS
SELECT source, basket_id, opening.day AS day, opening.hour AS hour,
       (dayofweek(opening.day) + 5) % 7 AS weekday, opening.age_band AS age_band, opening.segment AS segment,
       categories
FROM (
    SELECT source, basket_id, min(struct(line, day, hour, age_band, segment)) AS opening,
           collect_set(CASE WHEN category <> '' THEN category END) AS categories
    FROM receipt_lines GROUP BY source, basket_id
)
"""
_BASKETS_VIEW = """
CREATE OR REPLACE TEMP VIEW baskets AS
SELECT source, basket_id, day, hour, weekday, age_band, segment FROM receipt_baskets
"""
_BASKET_CATEGORIES_VIEW = """
CREATE OR REPLACE TEMP VIEW basket_categories AS
SELECT source, basket_id, category, day, hour, weekday, age_band, segment
FROM receipt_baskets LATERAL VIEW explode(categories) pairs AS category
"""
# One pass over the lines: the sources, and the values no line may have.
_SUMMARY_QUERY = """
SELECT source, COUNT(*) AS lines,
       COUNT_IF(basket_id IS NULL OR line IS NULL) AS without_basket,
       COUNT_IF(day IS NULL) AS without_day,
       COUNT_IF(hour IS NULL OR hour < 0 OR hour > 23) AS bad_hour
FROM receipt_lines GROUP BY source
"""
_VALUE_PROBLEMS = (  # summary column, condition finding such a line, what is wrong
    ("without_basket", "basket_id IS NULL OR line IS NULL", "a line without basket_id or line"),
    ("without_day", "day IS NULL", "a line without a day"),
    ("bad_hour", "hour IS NULL OR hour < 0 OR hour > 23", "an hour that is not 0-23"),
)


@dataclass(frozen=True)
class SparkOptions:
    """How the local Spark session is started (`spark_session`)."""

    master: str = "local[2]"  # two worker threads: the machines this runs on have 2 cores
    driver_memory: str = "1g"  # the JVM's heap (local mode runs the executors inside it)
    shuffle_partitions: int = 16  # Spark's 200 are 200 tiny tasks per stage on 2 cores


@dataclass(frozen=True)
class ReceiptsReport:
    """What a writer wrote: one Parquet file of receipts."""

    path: Path
    lines: int
    baskets: int
    sources: tuple[str, ...]


# --------------------------------------------------------------------------------------
# The session


def _spark_modules():
    """(pyspark, SparkContext, SparkConf, SparkSession), or a ModelError naming the extra."""
    try:
        import pyspark
        from pyspark import SparkConf, SparkContext
        from pyspark.sql import SparkSession
    except ImportError as error:
        raise ModelError(
            f"learning on Spark needs the optional extra ({error.name or error} is missing): {SPARK_EXTRA_HINT}"
        ) from None
    return pyspark, SparkContext, SparkConf, SparkSession


def _pyarrow():
    """(pyarrow, pyarrow.parquet), or a ModelError naming the extra."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as error:
        raise ModelError(
            f"Parquet receipts need the optional extra ({error.name or error} is missing): {SPARK_EXTRA_HINT}"
        ) from None
    return pa, pq


def java_command() -> str:
    """The `java` Spark will run (JAVA_HOME's, else the one on PATH); a ModelError when there is none."""
    java_home = os.environ.get("JAVA_HOME")
    if java_home:
        java = Path(java_home) / "bin" / "java"
        if os.access(java, os.X_OK):
            return str(java)
        raise ModelError(f"JAVA_HOME={printable_path(java_home)} has no bin/java: Spark needs Java 17 or later; {JAVA_HINT}")
    java = shutil.which("java")
    if java is None:
        raise ModelError(f"Spark needs Java 17 or later and no `java` is on PATH: {JAVA_HINT}")
    return java


_LOG4J_PROPERTIES = """\
# Spark's log, into the JVM's stderr (a file in the session's folder), WARN and up.
rootLogger.level = warn
rootLogger.appenderRef.stderr.ref = stderr
appender.stderr.type = Console
appender.stderr.name = stderr
appender.stderr.target = SYSTEM_ERR
appender.stderr.layout.type = PatternLayout
appender.stderr.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n
"""


@contextlib.contextmanager
def spark_session(options: SparkOptions = SparkOptions()) -> Iterator[object]:
    """A local SparkSession for the block, stopped (with its JVM) after it.

    A session already active in this process is yielded as it is and left running.
    Without pyspark or Java: a ModelError saying what to install.
    """
    _, SparkContext, SparkConf, SparkSession = _spark_modules()
    with _quiet_pyspark_warnings():
        active = SparkSession.getActiveSession()
        if active is not None:
            yield active
            return
    java_command()
    folder = Path(tempfile.mkdtemp(prefix="signage-spark-"))
    jvm_log = folder / "spark.log"
    (folder / "log4j2.properties").write_text(_LOG4J_PROPERTIES)
    conf = (
        SparkConf()
        .setMaster(options.master)
        .setAppName("signage-learning")
        .set("spark.driver.memory", options.driver_memory)
        .set("spark.sql.shuffle.partitions", str(options.shuffle_partitions))
        .set("spark.ui.enabled", "false")
        .set("spark.ui.showConsoleProgress", "false")
        # Local mode talks to itself only: no port on the machine's network interfaces.
        .set("spark.driver.host", "127.0.0.1")
        .set("spark.driver.bindAddress", "127.0.0.1")
        .set("spark.local.dir", str(folder))
        .set("spark.sql.session.timeZone", "UTC")
        # Collecting each basket's categories: past Spark's default of 128 baskets in a
        # task's hash map the task sorts its remaining lines instead; 100,000 baskets' sets
        # fit in the heap, and a task holding more still sorts (and spills) the rest.
        .set("spark.sql.objectHashAggregate.sortBased.fallbackThreshold", "100000")
        .set("spark.driver.extraJavaOptions", f"-Dlog4j2.configurationFile=file:{folder / 'log4j2.properties'}")
    )
    gateway = session = None
    try:
        with _quiet_pyspark_warnings():
            if SparkContext._gateway is None:  # else a JVM this process started before (its options stay)
                from pyspark.java_gateway import launch_gateway

                with open(jvm_log, "ab") as output:
                    try:
                        gateway = launch_gateway(conf, popen_kwargs={"stdout": output, "stderr": output})
                    except Exception as error:  # noqa: BLE001 - the JVM exited: its log says why, in one line
                        raise ModelError(_jvm_start_problem(jvm_log, error)) from None
            context = SparkContext(conf=conf, gateway=gateway)
            session = SparkSession(context)
        log.info("Spark %s started (%s, driver memory %s)", session.version, options.master, options.driver_memory)
        with _quiet_pyspark_warnings():
            yield session
    finally:
        if session is not None:
            session.stop()
        if gateway is not None:
            _stop_jvm(SparkContext, gateway)
        shutil.rmtree(folder, ignore_errors=True)


def jvm_process_id(session) -> int | None:
    """The process id of the session's JVM (for measuring its memory), None when not known."""
    process = getattr(session.sparkContext._gateway, "proc", None)
    return process.pid if process is not None else None


def _stop_jvm(SparkContext, gateway) -> None:
    """End the JVM we launched: py4j's gateway, then the process (it exits when its stdin closes)."""
    process = getattr(gateway, "proc", None)
    with contextlib.suppress(Exception):
        gateway.shutdown()
    SparkContext._gateway = None
    SparkContext._jvm = None
    if process is not None:
        with contextlib.suppress(OSError):
            process.stdin.close()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:  # a JVM that will not exit is killed: it holds 1 GB
            process.kill()
            process.wait()


def _jvm_start_problem(jvm_log: Path, error: Exception) -> str:
    text = jvm_log.read_text(errors="replace") if jvm_log.exists() else ""
    if "UnsupportedClassVersionError" in text:
        return f"Spark 4 needs Java 17 or later, and {java_command()} is older: {JAVA_HINT}"
    lines = [line.strip() for line in text.splitlines() if line.strip() and not line.startswith(("\t", "at "))]
    last = lines[-1] if lines else str(error)
    return clip_line(f"Spark's JVM did not start: {last}")


@contextlib.contextmanager
def _quiet_pyspark_warnings() -> Iterator[None]:
    # pyspark 4 warns on import of its test helpers that pandas 3 is newer than it knows;
    # the learner uses no pandas in Spark, and the warning would be the only stderr line.
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="PySpark does not yet fully support pandas", category=FutureWarning)
        yield


# --------------------------------------------------------------------------------------
# Checking and reading receipts


def receipt_files(path: str | Path) -> list[Path]:
    """The Parquet files of `path`: the file itself, or every `*.parquet` under a folder (by name).

    Hidden files and those starting with `_` are left out, as Spark leaves them.
    """
    path = Path(path)
    if path.is_file():
        return [path]
    if path.is_dir():
        files = sorted(
            p for p in path.rglob("*.parquet")
            if p.is_file() and not any(part.startswith((".", "_")) for part in p.relative_to(path).parts)
        )
        if not files:
            raise DataError(f"{printable_path(path)}: no *.parquet files of receipts in this folder")
        return files
    raise DataError(f"{printable_path(path)}: no such file or folder of Parquet receipts")


def check_receipt_file(path: Path) -> None:
    """Its Parquet marks, footer, columns and column types; a one-line DataError naming the file."""
    pa, pq = _pyarrow()
    name = printable_path(path)
    size = path.stat().st_size
    if size == 0:
        raise DataError(f"{name}: empty file, not Parquet receipts")
    with open(path, "rb") as file:
        head = file.read(4)
        file.seek(max(0, size - 4))
        tail = file.read(4)
    if head != b"PAR1":
        raise DataError(f"{name}: not a Parquet file (it does not start with Parquet's PAR1 mark)")
    if tail != b"PAR1" or size < 12:
        raise DataError(f"{name}: truncated Parquet file (the footer at its end is missing): copy or write it again")
    try:
        schema = pq.ParquetFile(path).schema_arrow
    except (pa.ArrowException, OSError) as error:
        raise DataError(clip_line(f"{name}: damaged Parquet footer ({' '.join(str(error).split())})")) from None
    missing = [column for column in RECEIPT_COLUMNS if column not in schema.names]
    if missing:
        raise DataError(
            f"{name}: missing column{'s' if len(missing) > 1 else ''} {', '.join(missing)}"
            f" (receipts have {', '.join(RECEIPT_COLUMNS)}; see playlists/learning_spark.py)"
        )
    wrong = []
    for column, wanted in RECEIPT_COLUMNS.items():
        found = schema.field(column).type
        if not _type_fits(pa, found, wanted):
            wrong.append(f"{column} is {found}, expected {'a ' if wanted != 'integer' else 'an '}{wanted}")
    if wrong:
        raise DataError(f"{name}: wrong column type: {'; '.join(wrong)}")


def _type_fits(pa, found, wanted: str) -> bool:
    if pa.types.is_dictionary(found):
        found = found.value_type
    if wanted == "string":
        return pa.types.is_string(found) or pa.types.is_large_string(found) or pa.types.is_null(found)
    if wanted == "integer":  # a 64-bit unsigned one does not fit Spark's 64-bit signed
        return pa.types.is_integer(found) and found != pa.uint64()
    if wanted == "date":
        return pa.types.is_date32(found)
    raise AssertionError(wanted)


def _read_schema():
    # Integers are read as 64-bit: Spark widens any narrower Parquet integer to it (it
    # cannot narrow a 64-bit one). Columns not named here are not read at all.
    from pyspark.sql.types import (
        DateType,
        LongType,
        StringType,
        StructField,
        StructType,
    )

    types = {"string": StringType(), "integer": LongType(), "date": DateType()}
    return StructType([StructField(column, types[kind]) for column, kind in RECEIPT_COLUMNS.items()])


def checked_receipt_files(receipts: str | Path) -> list[Path]:
    """`receipt_files`, each checked (`check_receipt_file`): what Spark may read."""
    files = receipt_files(receipts)
    for file in files:
        check_receipt_file(file)
    return files


def register_receipts(session, receipts: str | Path) -> dict[str, int]:
    """Check the receipts and register them as the views `baskets` and `basket_categories`.

    Returns the lines per source. A malformed file or line: a one-line DataError.
    """
    files = checked_receipt_files(receipts)
    where = printable_path(receipts)
    with _spark_errors(where):
        lines = session.read.schema(_read_schema()).parquet(*(str(file) for file in files))
        lines.createOrReplaceTempView(_LINES_VIEW)
        summary = session.sql(_SUMMARY_QUERY).collect()
        for column, condition, what in _VALUE_PROBLEMS:
            bad = sum(row[column] for row in summary)
            if bad:
                found_in = _file_with(lines, condition) or where
                raise DataError(f"{found_in}: {bad:,} lines have {what} (every line needs source, basket_id, "
                                "line, day and an hour 0-23)")
        if any(row["source"] is None for row in summary):
            found_in = _file_with(lines, "source IS NULL") or where
            raise DataError(f"{found_in}: lines without a source (every line needs one)")
        for view in (_RECEIPT_BASKETS_VIEW, _BASKETS_VIEW, _BASKET_CATEGORIES_VIEW):
            session.sql(view)
    if not summary:
        raise DataError(f"{where}: the receipts hold no lines")
    return {row["source"]: row["lines"] for row in sorted(summary, key=lambda row: row["source"])}


def _file_with(lines, condition: str) -> str | None:
    """The first file holding a line that meets `condition` (Spark's hidden `_metadata` column)."""
    found = lines.where(condition).select("_metadata.file_path").limit(1).collect()
    return printable_path(unquote(urlparse(found[0][0]).path)) if found else None


def count_baskets(
    receipts: str | Path,
    sources: Iterable[str] | None = None,
    from_day: dt.date | None = None,
    until_day: dt.date | None = None,
    boundaries: AgeGroupBoundaries = AgeGroupBoundaries(),
    company_segments: Mapping[str, str] | None = None,
    *,
    session=None,
    options: SparkOptions = SparkOptions(),
) -> Counts:
    """`playlists.learning.count_baskets` on Spark: the two queries over the receipts in [from_day, until_day).

    `receipts` is a Parquet file or folder (module docstring); `sources` default to all
    of theirs, and one they do not hold is a DataError. With `session` that Spark
    session is used, else one is started and stopped (`spark_session(options)`).
    """
    if session is None:
        checked_receipt_files(receipts)  # a malformed file is said before a JVM starts
        with spark_session(options) as started:
            return count_baskets(receipts, sources, from_day, until_day, boundaries, company_segments, session=started)
    held = register_receipts(session, receipts)
    sources = list(held) if sources is None else list(sources)
    for source in sources:
        if source not in held:
            raise DataError(
                f"{printable_path(receipts)}: no purchase source {source!r} in the receipts"
                f"{suggest_names(source, held) or ' (sources: ' + ', '.join(held) + ')'}"
            )
    marks = ", ".join("?" for _ in sources)
    # ISO days, as SQLite is given: Spark compares a DATE with a date string as dates.
    params = [*sources, (from_day or dt.date.min).isoformat(), (until_day or dt.date.max).isoformat()]
    with _spark_errors(printable_path(receipts)):
        basket_rows = session.sql(BASKET_QUERY.format(sources=marks), args=params).collect()
        category_rows = session.sql(CATEGORY_QUERY.format(sources=marks), args=params).collect()
    # Spark's rows come in no order; folded in the GROUP BY order (NULL first) in which
    # SQLite returns them, the age-band shares are summed in the same order, to the last bit.
    return learner.counts_from_rows(sorted(basket_rows, key=_group_order), sorted(category_rows, key=_group_order),
                                    boundaries, company_segments)


def _group_order(row) -> tuple:
    return tuple((value is not None, value) for value in row[:-1])


@contextlib.contextmanager
def _spark_errors(where: str) -> Iterator[None]:
    """Spark's and py4j's exceptions as one DataError line (a damaged page inside a file, a file gone)."""
    from py4j.protocol import Py4JError
    from pyspark.errors import PySparkException

    try:
        yield
    except (PySparkException, Py4JError) as error:
        messages = _spark_messages(error)
        file = next((m for m in map(_FAILED_FILE.search, messages) if m), None)
        if file is not None:  # a file that passed the checks, damaged inside: name it first
            path = printable_path(unquote(urlparse(file[1]).path))
            raise DataError(clip_line(
                f"{path}: damaged Parquet data, Spark cannot read it ({messages[-1]}): copy or write the file again"
            )) from None
        shown = [messages[0], messages[-1]] if len(messages) > 1 and messages[-1] not in messages[0] else messages[:1]
        raise DataError(clip_line(f"{where}: Spark could not read the receipts: {' <- '.join(shown)}")) from None


_FAILED_FILE = re.compile(r"\[FAILED_READ_FILE\.\w+\] Encountered error while reading file (\S+?)\.?(?:\s|$)")
_JAVA_NOISE = re.compile(r"^(?:[a-z]\w*\.)+(?=[A-Z]\w*: )|\s*SQLSTATE: \w+")


def _spark_messages(error: Exception) -> list[str]:
    """The first line of the exception and of each of its causes, without the JVM's stack trace."""
    messages = [str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__]
    throwable = getattr(error, "java_exception", None) or getattr(error, "_origin", None)
    seen = 0
    with contextlib.suppress(Exception):
        while throwable is not None and seen < 20:
            text = str(throwable.toString()).strip().splitlines()
            if text:
                messages.append(text[0])
            throwable, seen = throwable.getCause(), seen + 1
    # Py4J's own line ("An error occurred while calling o63.collectToPython."), a Java
    # class's package and Spark's SQLSTATE say nothing to the reader.
    cleaned = [" ".join(_JAVA_NOISE.sub("", m).split()) for m in messages]
    useful = [m for m in cleaned if m and not m.startswith("An error occurred while calling")]
    return useful or cleaned[:1]


# --------------------------------------------------------------------------------------
# Writing receipts


def receipts_schema():
    """The Arrow schema our writers use (RECEIPT_COLUMNS and EXTRA_COLUMNS, narrowest fitting types)."""
    pa, _ = _pyarrow()
    return pa.schema([
        ("source", pa.string()), ("basket_id", pa.string()), ("line", pa.int32()), ("day", pa.date32()),
        ("hour", pa.int8()), ("age_band", pa.string()), ("segment", pa.string()), ("category", pa.string()),
        ("customer", pa.string()), ("product", pa.string()), ("quantity", pa.float64()), ("amount", pa.float64()),
    ])


@contextlib.contextmanager
def _parquet_writer(out: Path) -> Iterator[object]:
    """A ParquetWriter to `out.partial`, renamed to `out` only when everything was written."""
    _, pq = _pyarrow()
    out = Path(out)
    if out.is_dir():
        raise DataError(f"{printable_path(out)} is a folder: name the Parquet file to write, e.g. {out / 'receipts.parquet'}")
    partial = out.with_name(out.name + ".partial")
    writer = pq.ParquetWriter(partial, receipts_schema())
    try:
        yield writer
        writer.close()
        os.replace(partial, out)
    except BaseException:
        writer.close()
        partial.unlink(missing_ok=True)
        raise


_EXPORT_QUERY = """
SELECT l.source, l.basket_id, b.day, b.hour, b.age_band, b.segment, l.category, b.customer,
       l.product, l.quantity, l.amount
FROM purchase_lines AS l JOIN baskets AS b ON b.source = l.source AND b.basket_id = l.basket_id
{where} ORDER BY l.rowid
"""


def export_sqlite_receipts(
    db: Database, out: str | Path, sources: Iterable[str] | None = None, chunk_lines: int = 200_000
) -> ReceiptsReport:
    """Write the kiosk's purchase history (`playlists.purchases` tables) to one Parquet file of receipts.

    Lines go in the order they were imported, numbered per basket, each with its
    basket's context (so Spark's "first wins" finds what SQLite stored). A line without
    a category gets a null one. `sources` default to all. The file appears only when
    complete (written beside it first).
    """
    pa, _ = _pyarrow()
    from playlists.purchases import ensure_schema

    ensure_schema(db)
    with read_transaction(db) as connection:
        known = [row[0] for row in connection.execute("SELECT DISTINCT source FROM baskets ORDER BY source")]
        chosen = known if sources is None else list(sources)
        for source in chosen:
            if source not in known:
                raise DataError(f"no purchase source {source!r}{suggest_names(source, known) or ' (sources: ' + ', '.join(known) + ')'}")
        if not chosen:
            raise DataError("no purchase history to export: run `signage purchases import-csv` or `import-completejourney`")
        where = f"WHERE l.source IN ({', '.join('?' for _ in chosen)})" if sources is not None else ""
        cursor = connection.execute(_EXPORT_QUERY.format(where=where), chosen if sources is not None else [])
        schema = receipts_schema()
        numbers: dict[tuple[str, str], int] = {}  # per basket, its lines so far: one entry per basket
        lines = 0
        with _parquet_writer(out) as writer:
            while rows := cursor.fetchmany(chunk_lines):
                source, basket, day, hour, age_band, segment, category, customer, product, quantity, amount = zip(*rows)
                line = []
                for key in zip(source, basket):
                    number = numbers.get(key, 0)
                    numbers[key] = number + 1
                    line.append(number)
                columns = [
                    source, basket, line, pa.array(day, pa.string()).cast(pa.date32()), hour, age_band, segment,
                    [c or None for c in category], customer, product, quantity, amount,
                ]
                writer.write_table(pa.Table.from_arrays(
                    [pa.array(c, field.type) if not isinstance(c, pa.Array) else c for c, field in zip(columns, schema)],
                    schema=schema,
                ))
                lines += len(rows)
    report = ReceiptsReport(Path(out), lines, len(numbers), tuple(chosen))
    log.info("exported %d lines of %d baskets (%s) to %s", lines, len(numbers), ", ".join(chosen), out)
    return report


def write_complete_journey_receipts(out: str | Path, weeks: int | None = None) -> ReceiptsReport:
    """Dunnhumby's Complete Journey straight to one Parquet file of receipts (source `completejourney`).

    The data's rules are `playlists.purchases.import_complete_journey`'s (category: the
    product's category, else its department; age band and segment from the household's
    demographics; customer the household), but every line keeps its own time and
    household, numbered in the data's order within its basket: the first-wins context
    is Spark's to find. `weeks` takes only the first weeks (1-53).
    """
    pa, pq = _pyarrow()
    import numpy as np
    import pyarrow.compute as pc

    from playlists.purchases import (
        CJ_HOUSEHOLD_COLUMNS,
        CJ_LINE_COLUMNS,
        CJ_PRODUCT_COLUMNS,
        COMPLETE_JOURNEY_SOURCE,
        _complete_journey_data,
        complete_journey_weeks,
    )

    if weeks is not None and weeks < 1:
        raise DataError(f"weeks must be at least 1, got {weeks}")
    _, _, data = _complete_journey_data()  # the one place that finds the package's files
    lines = pq.read_table(data / "transactions.parquet", columns=CJ_LINE_COLUMNS, filters=complete_journey_weeks(weeks))
    products = pq.read_table(data / "products.parquet", columns=CJ_PRODUCT_COLUMNS)
    households = pq.read_table(data / "demographics.parquet", columns=CJ_HOUSEHOLD_COLUMNS)

    def looked_up(keys, table, key: str, value):  # value of each key's row in `table` (null when none)
        return pc.take(value, pc.index_in(keys, value_set=table[key]))

    category = looked_up(lines["product_id"], products, "product_id",
                         pc.coalesce(products["product_category"], products["department"]))
    household = lines["household_id"]
    # The line's place within its basket, in the data's order (pandas' groupby().cumcount()).
    codes = pc.dictionary_encode(lines["basket_id"]).combine_chunks().indices.to_numpy()
    order = np.argsort(codes, kind="stable")
    starts = np.r_[0, np.flatnonzero(np.diff(codes[order])) + 1]
    group_start = np.repeat(starts, np.diff(np.r_[starts, len(order)]))
    line = np.empty(len(codes), dtype=np.int32)
    line[order] = np.arange(len(order)) - group_start
    when = lines["transaction_timestamp"]
    table = pa.table({
        "source": pa.repeat(COMPLETE_JOURNEY_SOURCE, len(codes)),
        "basket_id": pc.cast(lines["basket_id"], pa.string()),
        "line": line,
        "day": pc.cast(when, pa.date32()),
        "hour": pc.cast(pc.hour(when), pa.int8()),
        "age_band": looked_up(household, households, "household_id", households["age"]),
        "segment": looked_up(household, households, "household_id", households["household_comp"]),
        "category": category,
        "customer": pc.cast(household, pa.string()),
        "product": pc.cast(lines["product_id"], pa.string()),
        "quantity": pc.cast(lines["quantity"], pa.float64()),
        "amount": lines["sales_value"],
    }).cast(receipts_schema())
    with _parquet_writer(Path(out)) as writer:
        writer.write_table(table)
    report = ReceiptsReport(Path(out), table.num_rows, int(codes.max()) + 1 if len(codes) else 0,
                            (COMPLETE_JOURNEY_SOURCE,))
    log.info("wrote Complete Journey%s: %d lines, %d baskets to %s",
             f" (weeks 1-{weeks})" if weeks else "", report.lines, report.baskets, out)
    return report


__all__ = [
    "BASKET_QUERY",
    "CATEGORY_QUERY",
    "RECEIPT_COLUMNS",
    "ReceiptsReport",
    "SparkOptions",
    "check_receipt_file",
    "checked_receipt_files",
    "count_baskets",
    "export_sqlite_receipts",
    "java_command",
    "jvm_process_id",
    "receipt_files",
    "receipts_schema",
    "register_receipts",
    "spark_session",
    "write_complete_journey_receipts",
]
