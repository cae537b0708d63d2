"""Learning on Spark over Parquet receipts: the learner's queries unchanged, the same counts and
findings as SQLite on the whole of Complete Journey, and malformed files as one line each.

One SparkSession serves the module (starting a JVM takes seconds); the missing-Java and
missing-pyspark messages need none.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from foundation.db import open_database
from foundation.errors import DataError, ModelError
from playlists import learning as learner
from playlists import learning_spark
from playlists.learning import (
    LearningSettings,
    category_tag,
    findings_from_counts,
    suggest_rules,
)
from playlists.purchases import import_complete_journey, import_csv
from tests.playlists.builders import make_content, make_playlist

MONDAY = dt.date(2026, 11, 23)
SATURDAY = dt.date(2026, 11, 28)


# ---- builders and fixtures --------------------------------------------------------------


def receipt_line(basket: str, line: int = 0, **changes) -> dict:
    """One purchase line of source `shop`: a Monday 15:00, an adult (35-44), FLUID MILK."""
    row = {"source": "shop", "basket_id": basket, "line": line, "day": MONDAY, "hour": 15, "age_band": "35-44",
           "segment": None, "category": "FLUID MILK", "customer": None, "product": None, "quantity": 1.0,
           "amount": 1.99}
    row.update(changes)
    return row


def write_receipts(path: Path, rows: list[dict], schema: pa.Schema | None = None) -> Path:
    """The rows as one Parquet file, in the writers' schema unless another is given."""
    schema = schema or learning_spark.receipts_schema()
    columns = {name: [row.get(name) for row in rows] for name in schema.names}
    pq.write_table(pa.table(columns, schema=schema), path)
    return path


@pytest.fixture(scope="module")
def spark():
    with learning_spark.spark_session() as session:
        yield session


@pytest.fixture
def small_receipts(tmp_path) -> Path:
    rows = [receipt_line(f"b{i}") for i in range(30)]
    rows += [receipt_line(f"b{i}", 1, category="BAG SNACKS") for i in range(10)]
    return write_receipts(tmp_path / "receipts.parquet", rows)


def assert_same_counts(ours: learner.Counts, theirs: learner.Counts) -> None:
    assert ours.categories == theirs.categories
    assert ours.segments == theirs.segments
    assert ours.total_baskets == theirs.total_baskets
    assert ours.age_bands == theirs.age_bands
    for field in ("baskets", "with_category", "segment_baskets", "segment_with_category", "company_baskets",
                  "company_with_category"):
        # Equal to the last bit: Spark's rows are folded in SQLite's order, so the fractional
        # age-band shares are summed in the same order.
        np.testing.assert_array_equal(getattr(ours, field), getattr(theirs, field), err_msg=field)


# ---- the queries ------------------------------------------------------------------------


def test_spark_runs_the_learners_query_texts_as_written(spark, small_receipts, monkeypatch):
    assert learning_spark.BASKET_QUERY is learner.BASKET_QUERY  # the very text, not a copy that could drift
    assert learning_spark.CATEGORY_QUERY is learner.CATEGORY_QUERY
    sent = []
    real_sql = spark.sql

    def recording_sql(query, args=None, **kwargs):
        sent.append((query, args))
        return real_sql(query, args=args, **kwargs)

    monkeypatch.setattr(spark, "sql", recording_sql)
    counts = learning_spark.count_baskets(small_receipts, ["shop"], MONDAY, MONDAY + dt.timedelta(days=1),
                                          session=spark)
    params = ["shop", "2026-11-23", "2026-11-24"]  # what SQLite is given, too
    assert (learner.BASKET_QUERY.format(sources="?"), params) in sent
    assert (learner.CATEGORY_QUERY.format(sources="?"), params) in sent
    assert counts.total_baskets == 30
    assert counts.categories == ("BAG SNACKS", "FLUID MILK")


def test_a_basket_takes_its_first_lines_context_as_sqlite_does(spark, tmp_path):
    # Basket b1's lines disagree; its line 0 (written last) is the first on the receipt.
    csv = tmp_path / "pos.csv"
    csv.write_text(
        "timestamp,basket_id,product,category,quantity,amount,age_band,segment\n"
        "2026-11-23 15:10,b1,milk,FLUID MILK,1,1.99,35-44,2 Adults Kids\n"
        "2026-11-28 09:00,b1,chips,BAG SNACKS,1,2.49,65+,\n"
        "2026-11-28 09:30,b2,chips,BAG SNACKS,1,2.49,19-24,\n"
        "2026-11-28 09:30,b2,chips,,1,2.49,19-24,\n"
        "2026-11-28 20:00,b3,bag,,1,0.10,,\n"
    )
    db = open_database(tmp_path / "signage.db")
    import_csv(db, csv, source="shop")
    receipts = write_receipts(tmp_path / "receipts.parquet", [
        receipt_line("b1", 1, day=SATURDAY, hour=9, age_band="65+", category="BAG SNACKS"),
        receipt_line("b1", 0, hour=15, segment="2 Adults Kids"),
        receipt_line("b2", 0, day=SATURDAY, hour=9, age_band="19-24", category="BAG SNACKS"),
        receipt_line("b2", 1, day=SATURDAY, hour=9, age_band="19-24", category=""),  # '' is no category
        receipt_line("b3", 0, day=SATURDAY, hour=20, age_band=None, category=None),  # still a basket
    ])
    ours = learning_spark.count_baskets(receipts, session=spark)
    assert_same_counts(ours, learner.count_baskets(db))
    assert ours.total_baskets == 3 and ours.age_bands == {"35-44": 1, "19-24": 1, "unknown": 1}
    assert ours.segments == ("2 Adults Kids",)


def test_exported_history_counts_on_spark_as_in_sqlite(spark, tmp_path):
    csv = tmp_path / "pos.csv"
    rows = ["timestamp,basket_id,product,category,quantity,amount,age_band,segment\n"]
    for basket in range(200):
        stamp = f"2026-11-{23 + basket % 6} {8 + basket % 12:02d}:15"
        band = ("25-34", "45-54", "")[basket % 3]
        rows.append(f"{stamp},r{basket},milk,FLUID MILK,1,1.99,{band},{'single' if basket % 4 else ''}\n")
        if basket % 5 == 0:
            rows.append(f"{stamp},r{basket},chips,BAG SNACKS,2,4.98,{band},\n")
    csv.write_text("".join(rows))
    db = open_database(tmp_path / "signage.db")
    import_csv(db, csv, source="north")
    import_csv(db, csv, source="south")
    out = tmp_path / "export" / "receipts.parquet"
    out.parent.mkdir()
    report = learning_spark.export_sqlite_receipts(db, out, chunk_lines=97)  # several chunks
    assert (report.lines, report.baskets, report.sources) == (480, 400, ("north", "south"))
    assert pq.read_metadata(out).num_rows == 480 and not list(out.parent.glob("*.partial"))
    assert_same_counts(learning_spark.count_baskets(out.parent, session=spark), learner.count_baskets(db))
    assert_same_counts(learning_spark.count_baskets(out, ["south"], session=spark), learner.count_baskets(db, ["south"]))
    with pytest.raises(DataError, match="no purchase source 'east'"):
        learning_spark.count_baskets(out, ["east"], session=spark)
    with pytest.raises(DataError, match="no purchase source 'nort'.*north"):
        learning_spark.export_sqlite_receipts(db, tmp_path / "x.parquet", ["nort"])


# ---- Complete Journey -------------------------------------------------------------------


@pytest.fixture(scope="module")
def journey(tmp_path_factory):
    """The whole of Complete Journey: in SQLite by the kiosk's importer, and straight to Parquet."""
    folder = tmp_path_factory.mktemp("journey")
    db = open_database(folder / "signage.db")
    import_complete_journey(db)
    report = learning_spark.write_complete_journey_receipts(folder / "receipts.parquet")
    return db, report


@pytest.mark.slow
def test_spark_finds_what_sqlite_finds_on_all_of_complete_journey(spark, journey):
    db, report = journey
    assert (report.lines, report.baskets) == (1_469_307, 155_848)
    sqlite_counts = learner.count_baskets(db)
    spark_counts = learning_spark.count_baskets(report.path, session=spark)
    assert_same_counts(spark_counts, sqlite_counts)
    assert spark_counts.total_baskets == 155_848
    settings = LearningSettings()
    theirs, ours = findings_from_counts(sqlite_counts, settings), findings_from_counts(spark_counts, settings)
    # 1,925 of age groups and segments, 1,513 of age group x company (household composition).
    assert len(ours) == 3_438 and ours == theirs
    # The same suggestion code makes the same rules from them (a playlist for every category).
    tags = sorted({category_tag(category, settings) for category in spark_counts.categories})
    content = {f"ad_{tag}": make_content(f"ad_{tag}", tags=(tag,), age_restricted=tag == "alcohol") for tag in tags}
    playlists = [make_playlist(f"pl_{tag}", f"ad_{tag}") for tag in tags]
    suggested = suggest_rules(ours, playlists, content, settings)
    assert len([s for s in suggested if s.rule]) == 271  # 183 of them for a company context
    assert suggested == suggest_rules(theirs, playlists, content, settings)


# ---- malformed receipts -----------------------------------------------------------------


def _not_parquet(path: Path) -> None:
    path.write_text("timestamp,basket_id,product\n2026-11-23 15:00,b1,milk\n")


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _truncated(path: Path) -> None:
    write_receipts(path, [receipt_line(f"b{i}") for i in range(500)])
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def _missing_columns(path: Path) -> None:
    schema = pa.schema([field for field in learning_spark.receipts_schema() if field.name not in ("hour", "category")])
    write_receipts(path, [receipt_line("b1")], schema)


def _wrong_types(path: Path) -> None:
    schema = learning_spark.receipts_schema()
    schema = schema.set(schema.get_field_index("hour"), pa.field("hour", pa.string()))
    schema = schema.set(schema.get_field_index("day"), pa.field("day", pa.timestamp("us")))
    write_receipts(path, [receipt_line("b1", hour="15", day=dt.datetime(2026, 11, 23, 15))], schema)


def _damaged_page(path: Path) -> None:
    # The footer is intact, so only reading the data finds the damage: Spark's error, in one line.
    write_receipts(path, [receipt_line(f"basket-{i}", product=f"p{i}") for i in range(20_000)])
    data = bytearray(path.read_bytes())
    start = pq.ParquetFile(path).metadata.row_group(0).column(1).data_page_offset  # basket_id's data
    for position in range(start + 20, start + 420):
        data[position] ^= 0x5A
    path.write_bytes(bytes(data))


def _hour_out_of_range(path: Path) -> None:
    write_receipts(path, [receipt_line("b1"), receipt_line("b2", hour=24), receipt_line("b3", hour=-1)])


def _line_without_day(path: Path) -> None:
    write_receipts(path, [receipt_line("b1"), receipt_line("b2", day=None)])


MALFORMED = {
    "not parquet": (_not_parquet, "not a Parquet file"),
    "empty": (_empty, "empty file"),
    "truncated": (_truncated, "truncated Parquet file"),
    "missing columns": (_missing_columns, "missing columns hour, category"),
    "wrong types": (_wrong_types, ("wrong column type: day is timestamp\\[us\\], expected a date; hour is string, "
                                   "expected an integer")),
    "damaged page": (_damaged_page, r"damaged Parquet data, Spark cannot read it \(.+\): copy or write the file again"),
    "hour out of range": (_hour_out_of_range, "2 lines have an hour that is not 0-23"),
    "line without a day": (_line_without_day, "1 lines have a line without a day"),
}


@pytest.mark.parametrize("case", MALFORMED)
def test_a_malformed_file_is_one_line_naming_it(spark, tmp_path, case):
    make, expected = MALFORMED[case]
    folder = tmp_path / "receipts"
    folder.mkdir()
    write_receipts(folder / "a-good.parquet", [receipt_line("g1")])
    bad = folder / "b-bad.parquet"
    make(bad)
    with pytest.raises(DataError) as raised:
        learning_spark.count_baskets(folder, session=spark)
    message = str(raised.value)
    assert message.startswith(f"{bad}: "), message
    assert "\n" not in message and "\tat " not in message and "org.apache" not in message
    assert re.search(expected, message), message


def test_a_folder_without_receipts_and_a_missing_path_say_so(spark, tmp_path):
    (tmp_path / "notes.txt").write_text("no parquet here")
    with pytest.raises(DataError, match=r"no \*\.parquet files of receipts in this folder"):
        learning_spark.count_baskets(tmp_path, session=spark)
    with pytest.raises(DataError, match="no such file or folder"):
        learning_spark.count_baskets(tmp_path / "nowhere", session=spark)
    # Spark's own bookkeeping files (_SUCCESS) are not receipts.
    write_receipts(tmp_path / "part-0.parquet", [receipt_line("b1")])
    (tmp_path / "_SUCCESS").write_bytes(b"")
    assert learning_spark.count_baskets(tmp_path, session=spark).total_baskets == 1


# ---- the session ------------------------------------------------------------------------


def test_without_java_the_message_says_to_install_debians_runtime(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # a PATH with no java on it
    monkeypatch.delenv("JAVA_HOME", raising=False)
    assert shutil.which("java") is None
    with pytest.raises(ModelError, match="no `java` is on PATH: install Debian's default-jre-headless"):
        learning_spark.java_command()
    monkeypatch.setenv("JAVA_HOME", str(tmp_path))
    with pytest.raises(ModelError, match="has no bin/java.*default-jre-headless"):
        learning_spark.java_command()


def test_without_pyspark_the_message_names_the_extra(monkeypatch):
    monkeypatch.setitem(__import__("sys").modules, "pyspark", None)  # `import pyspark` now fails
    with pytest.raises(ModelError, match=r"pip install 'signage\[spark\]'"), learning_spark.spark_session():
        pass


def test_the_session_is_local_quiet_and_without_its_ui(spark):
    conf = spark.sparkContext.getConf()
    assert conf.get("spark.master") == "local[2]"
    assert conf.get("spark.ui.enabled") == "false" and conf.get("spark.ui.showConsoleProgress") == "false"
    assert conf.get("spark.driver.bindAddress") == "127.0.0.1"
    assert learning_spark.jvm_process_id(spark) is not None
    # An active session is used as it is, not stopped by the block.
    with learning_spark.spark_session() as again:
        assert again is spark
    assert spark.sql("SELECT 1").collect()[0][0] == 1
