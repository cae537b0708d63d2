"""`signage rules learn | suggestions | accept | reject | backtest`: rules from purchase history.

    signage purchases import-completejourney          # or import-csv FILE
    signage rules learn                               # findings, the age-band mapping, suggested rules (disabled)
    signage rules learn --engine spark --receipts DIR # the same, counted on Spark over Parquet receipts
    signage rules suggestions                         # what was suggested, in plain words
    signage rules accept NAME | reject NAME
    signage rules backtest                            # learn on earlier weeks, test on later ones
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
from pathlib import Path

from signage.cli_common import add_db_option, open_db
from foundation.errors import ConfigError


def register(sub: argparse._SubParsersAction) -> None:
    """Add the learning commands to the `rules` subcommands."""
    learn = sub.add_parser(
        "learn",
        help="find what each audience and time buys more than expected, and suggest rules (disabled)",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    learn.add_argument("--source", action="append", help="purchase source to learn from (repeatable; default: all)")
    learn.add_argument("--min-lift", type=float, help="override learning.min_lift")
    learn.add_argument("--min-support", type=float, help="override learning.min_support (share of all baskets)")
    learn.add_argument("--min-context-baskets", type=int, help="override learning.min_context_baskets")
    learn.add_argument("--top", type=int, default=20, help="findings to print (default 20)")
    learn.add_argument("--dry-run", action="store_true", help="print findings and suggestions, change no rule")
    learn.add_argument("--engine", choices=("sqlite", "spark"), default="sqlite",
                       help="count in the database's purchase tables (sqlite, default) or on Spark over --receipts")
    learn.add_argument("--receipts", type=Path, metavar="PATH",
                       help="Parquet file or folder of receipts, for --engine spark (`signage purchases export-parquet`)")
    _common(learn)
    learn.set_defaults(handler=_learn)

    suggestions = sub.add_parser(
        "suggestions", help="learned rules with their numbers and measured uplift, in plain words, best first"
    )
    suggestions.add_argument("--config", type=Path, help="config file (learning settings; default: `signage config path`)")
    add_db_option(suggestions)
    suggestions.set_defaults(handler=_suggestions)

    accept = sub.add_parser("accept", help="accept a suggested rule: enable it (later re-learning keeps it enabled)")
    accept.add_argument("name", help="suggested rule name")
    accept.add_argument("--author", help="who accepts it (default: $USER)")
    add_db_option(accept)
    accept.set_defaults(handler=_accept)

    reject = sub.add_parser("reject", help="reject a suggested rule: delete it and never suggest it again")
    reject.add_argument("name", help="suggested rule name")
    reject.add_argument("--author", help="who rejects it (default: $USER)")
    add_db_option(reject)
    reject.set_defaults(handler=_reject)

    backtest = sub.add_parser("backtest", help="learn on earlier weeks, test on later weeks against a non-personalized baseline")
    backtest.add_argument("--source", action="append", help="purchase source (repeatable; default: all)")
    backtest.add_argument("--split", help="first test day YYYY-MM-DD (default: the Monday after 75%% of the history)")
    backtest.add_argument("--top-k", type=int, default=3, help="categories suggested per context (default 3)")
    backtest.add_argument(
        "--no-company", action="store_true",
        help="learn and test age-only contexts, without the company contexts (to compare)",
    )
    _common(backtest)
    backtest.set_defaults(handler=_backtest)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", type=Path, help="config file (learning settings; default: `signage config path`)")
    parser.add_argument("--author", help="who makes the change (default: $USER)")
    add_db_option(parser)


def _author(args: argparse.Namespace) -> str:
    return args.author or os.environ.get("USER") or "cli"


def _settings(args: argparse.Namespace):
    import dataclasses

    from signage.config import load_config

    settings = load_config(args.config).learning
    overrides = {
        key: getattr(args, key)
        for key in ("min_lift", "min_support", "min_context_baskets")
        if getattr(args, key, None) is not None
    }
    settings = dataclasses.replace(settings, **overrides)
    settings.check("command line")
    return settings


def _learn(args: argparse.Namespace) -> int:
    from content.catalog import ContentLibrary
    from foundation.db import migrate
    from playlists.learning import (
        age_mapping_table,
        apply_suggestions,
        count_baskets,
        findings_from_counts,
        suggest_rules,
    )
    from playlists.purchases import MIGRATIONS as PURCHASE_MIGRATIONS
    from playlists.store import PlaylistStore

    if args.receipts is not None and args.engine != "spark":
        raise ConfigError("--receipts is read by the Spark engine only: add --engine spark")
    if args.engine == "spark" and args.receipts is None:
        raise ConfigError("--engine spark needs --receipts PATH, a Parquet file or folder of receipts")
    settings = _settings(args)
    db = open_db(args.db)
    migrate(db, "purchases", PURCHASE_MIGRATIONS)
    if args.engine == "spark":
        from playlists.learning_spark import count_baskets as count_on_spark

        counts = count_on_spark(args.receipts, args.source, company_segments=settings.company_segments)
    else:
        counts = count_baskets(db, args.source, company_segments=settings.company_segments)
    findings = findings_from_counts(counts, settings)
    store, library = PlaylistStore(db), ContentLibrary(db)
    suggestions = suggest_rules(findings, store.playlists(), library.items_by_name(), settings)
    print(f"{counts.total_baskets:,} baskets, {len(counts.categories)} categories")
    print(age_mapping_table(counts))
    print(f"\n{len(findings)} findings (lift >= {settings.min_lift}, lower 95% bound > 1, "
          f">= {settings.min_context_baskets} baskets in the context); the strongest:")
    for finding in findings[: args.top]:
        print(f"  {finding.sentence()}  [{finding.category}: support {finding.support:.4f}, "
              f"confidence {finding.confidence:.3f}, lift {finding.lift:.2f} (>= {finding.lift_lower:.2f})]")
    made = [s for s in suggestions if s.rule is not None]
    print(f"\n{len(made)} suggested rules:")
    for suggestion in made:
        print(f"  {suggestion.rule.name}: {suggestion.rule.playlist} - {suggestion.finding.sentence()}")
    unmatched = sorted({s.problem for s in suggestions if s.rule is None})
    for problem in unmatched[:10]:
        print(f"  (not suggested: {problem})")
    if args.dry_run:
        print("\n--dry-run: no rule changed")
        return 0
    report = apply_suggestions(db, store, suggestions, _author(args))
    print(
        f"\nrules: {len(report.added)} added (disabled), {len(report.updated)} updated, "
        f"{len(report.kept_marketer)} kept as the marketer left them, {len(report.skipped_rejected)} rejected before, "
        f"{len(report.removed_stale)} stale suggestions removed"
    )
    print("review them with `signage rules suggestions`, then `signage rules accept NAME` or `reject NAME`")
    return 0


def _suggestions(args: argparse.Namespace) -> int:
    from playlists.learning import (
        measured_uplifts_in,
        suggestion_numbers,
        suggestion_rank,
        suggestion_sentence,
        suggestion_state,
    )
    from playlists.model import RuleOrigin
    from playlists.store import PlaylistStore

    db = open_db(args.db)
    rules = [r for r in PlaylistStore(db).rules() if r.origin is not RuleOrigin.MANUAL]
    if not rules:
        print("no learned rules: run `signage rules learn`")
        return 0
    measured = measured_uplifts_in(db, rules, _settings(args))
    for rule in sorted(rules, key=lambda r: suggestion_rank(r, measured)):
        # The same words as the editor's Suggestions tab (playlists.learning).
        print(f"{rule.name} [{suggestion_state(rule)}] -> {rule.playlist}")
        print(f"    {suggestion_sentence(rule)}")
        print(f"    {suggestion_numbers(rule)}")
        if rule.name in measured:
            print(f"    {measured[rule.name].words()} (randomised holdout, {measured[rule.name].category})")
    return 0


def _accept(args: argparse.Namespace) -> int:
    from playlists.model import RuleOrigin
    from playlists.store import PlaylistStore

    store = PlaylistStore(open_db(args.db))
    rule = store.rule(args.name)
    if rule.origin is RuleOrigin.MANUAL:
        raise ConfigError(f"rule {args.name!r} was written by hand, not suggested: use `signage rules enable`")
    store.set_rule_enabled(args.name, True, _author(args))
    print(f"accepted {args.name}: it is enabled and plays when it matches")
    return 0


def _reject(args: argparse.Namespace) -> int:
    from playlists.learning import reject_suggestion
    from playlists.store import PlaylistStore

    db = open_db(args.db)
    reject_suggestion(db, PlaylistStore(db), args.name, _author(args), dt.datetime.now(dt.UTC))
    print(f"rejected {args.name}: deleted, and re-learning will not suggest it again")
    return 0


def _backtest(args: argparse.Namespace) -> int:
    from playlists.backtest import backtest, format_backtest

    settings = _settings(args)
    split = None
    if args.split:
        try:
            split = dt.date.fromisoformat(args.split)
        except ValueError:
            raise ConfigError(f"--split: {args.split!r} is not a date YYYY-MM-DD") from None
    report = backtest(open_db(args.db), args.source, split, settings, top_k=args.top_k, company=not args.no_company)
    print(format_backtest(report))
    return 0
