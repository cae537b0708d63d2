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
from pathlib import Path

from foundation.errors import ConfigError
from foundation.i18n import tr
from signage.cli_common import (
    add_author_option,
    add_config_option,
    add_db_option,
    add_parser,
    author_of,
    load_config_of,
    open_db,
)


def register(sub: argparse._SubParsersAction) -> None:
    """Add the learning commands to the `rules` subcommands."""
    learn = add_parser(
        sub, "learn", "find what each audience and time buys more than expected, and suggest rules (disabled)",
        "Count the imported purchase history (`signage purchases import-csv`) by audience and time of "
        "day, print the findings (what a segment buys more often than everyone at that time, with "
        "support, confidence and lift), and store the strongest as suggested rules, switched off. "
        "Review them with `rules suggestions`; --dry-run changes nothing.",
        "signage rules learn --dry-run",
        "signage rules learn --min-lift 1.5 --top 10",
        "signage rules learn --engine spark --receipts receipts.parquet",
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

    suggestions = add_parser(
        sub, "suggestions", "learned rules with their numbers and measured uplift, in plain words, best first",
        "Print every learned rule, best first: its state (suggested, accepted, edited), the playlist, what "
        "it found in a sentence, its numbers, and the uplift measured by the holdout once it has played. "
        "The same words as the editor's Suggestions tab, in the language of --lang.",
        "signage rules suggestions",
        "signage rules suggestions --lang ko",
    )
    add_config_option(suggestions)
    add_db_option(suggestions)
    suggestions.set_defaults(handler=_suggestions)

    accept = add_parser(
        sub, "accept", "accept a suggested rule: enable it (later re-learning keeps it enabled)",
        "Accept a learned suggestion: the rule is switched on and plays when it matches; re-learning "
        "keeps it switched on. A rule written by hand is switched on with `rules enable`.",
        "signage rules accept learned_teen_afternoon_weekday_after_school_snacks",
    )
    accept.add_argument("name", help="suggested rule name")
    add_author_option(accept)
    add_db_option(accept)
    accept.set_defaults(handler=_accept)

    reject = add_parser(
        sub, "reject", "reject a suggested rule: delete it and never suggest it again",
        "Reject a learned suggestion: the rule is deleted, and re-learning will not suggest it again.",
        "signage rules reject learned_teen_afternoon_weekday_after_school_snacks",
    )
    reject.add_argument("name", help="suggested rule name")
    add_author_option(reject)
    add_db_option(reject)
    reject.set_defaults(handler=_reject)

    backtest = add_parser(
        sub, "backtest", "learn on earlier weeks, test on later weeks against a non-personalized baseline",
        "Check whether learning would have helped: learn on the earlier weeks of the purchase history, "
        "then count, on the later weeks, how often the suggested categories were bought by their "
        "audience compared with the same number of categories chosen without looking at the audience.",
        "signage rules backtest",
        "signage rules backtest --split 2026-10-05 --top-k 5",
    )
    backtest.add_argument("--source", action="append", help="purchase source (repeatable; default: all)")
    backtest.add_argument("--split", metavar="YYYY-MM-DD", help="first test day (default: the Monday after 75%% of the history)")
    backtest.add_argument("--top-k", type=int, default=3, help="categories suggested per context (default 3)")
    backtest.add_argument(
        "--no-company", action="store_true",
        help="learn and test age-only contexts, without the company contexts (to compare)",
    )
    _common(backtest)
    backtest.set_defaults(handler=_backtest)


def _common(parser: argparse.ArgumentParser) -> None:
    add_config_option(parser)
    add_author_option(parser)
    add_db_option(parser)


def _author(args: argparse.Namespace) -> str:
    return author_of(args)


def _settings(args: argparse.Namespace):
    import dataclasses

    settings = load_config_of(args).learning
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
    # The store's own rules say which playlist already serves an audience (choose_playlist).
    suggestions = suggest_rules(findings, store.playlists(), library.items_by_name(), settings, rules=store.rules())
    print(tr("cli.rules", "{baskets}, {categories}",
             baskets=tr("cli.rules", "%n baskets", n=counts.total_baskets),
             categories=tr("cli.rules", "%n categories", n=len(counts.categories))))
    print(age_mapping_table(counts))
    print("\n" + tr("cli.rules", "{findings} (lift at least {lift}, lower 95% bound above 1, at least {baskets} "
                     "baskets in the context); the strongest:",
                     findings=tr("cli.rules", "%n findings", n=len(findings)), lift=settings.min_lift,
                     baskets=settings.min_context_baskets))
    for finding in findings[: args.top]:
        print("  " + tr(
            "cli.rules", "{sentence}  [{category}: support {support}, confidence {confidence}, lift {lift} "
            "(at least {lower})]", sentence=finding.sentence(), category=finding.category,
            support=f"{finding.support:.4f}", confidence=f"{finding.confidence:.3f}", lift=f"{finding.lift:.2f}",
            lower=f"{finding.lift_lower:.2f}",
        ))
    made = [s for s in suggestions if s.rule is not None]
    print("\n" + tr("cli.rules", "%n suggested rules:", n=len(made)))
    for suggestion in made:
        print(f"  {suggestion.rule.name}: {suggestion.rule.playlist} - {suggestion.finding.sentence()}")
    unmatched = sorted({s.problem for s in suggestions if s.rule is None})
    for problem in unmatched[:10]:
        print("  " + tr("cli.rules", "(not suggested: {problem})", problem=problem))
    if args.dry_run:
        print("\n" + tr("cli.rules", "--dry-run: no rule changed."))
        return 0
    report = apply_suggestions(db, store, suggestions, _author(args))
    print("\n" + tr(
        "cli.rules", "Rules: {added} added (switched off), {updated} updated, {kept} kept as the marketer left them, "
        "{rejected} rejected before, {stale} stale suggestions removed.",
        added=len(report.added), updated=len(report.updated), kept=len(report.kept_marketer),
        rejected=len(report.skipped_rejected), stale=len(report.removed_stale),
    ))
    print(tr("cli.rules", "Review them with `signage rules suggestions`, then `signage rules accept NAME` or `reject NAME`."))
    return 0


def _suggestions(args: argparse.Namespace) -> int:
    from content.catalog import ContentLibrary
    from playlists.learning import (
        measured_uplifts_in,
        playlist_choice_words,
        suggestion_numbers,
        suggestion_rank,
        suggestion_sentence,
        suggestion_state,
    )
    from playlists.model import RuleOrigin
    from playlists.store import PlaylistStore

    db = open_db(args.db)
    store = PlaylistStore(db)
    everything = store.rules()
    playlists, content = store.playlists(), ContentLibrary(db).items_by_name()
    rules = [r for r in everything if r.origin is not RuleOrigin.MANUAL]
    if not rules:
        print(tr("cli.rules", "No learned rules yet: run `signage rules learn`."))
        return 0
    measured = measured_uplifts_in(db, rules, _settings(args))
    for rule in sorted(rules, key=lambda r: suggestion_rank(r, measured)):
        # The same words as the editor's Suggestions tab (playlists.learning).
        print(f"{rule.name} [{suggestion_state(rule)}] -> {rule.playlist}")
        print(f"    {suggestion_sentence(rule)}")
        print(f"    {suggestion_numbers(rule)}")
        print(f"    {playlist_choice_words(rule, playlists, content, everything, _settings(args))}")
        if rule.name in measured:
            print("    " + tr("cli.rules", "{measured} (randomised holdout, {category})",
                             measured=measured[rule.name].words(), category=measured[rule.name].category))
    return 0


def _accept(args: argparse.Namespace) -> int:
    from playlists.model import RuleOrigin
    from playlists.store import PlaylistStore

    store = PlaylistStore(open_db(args.db))
    rule = store.rule(args.name)
    if rule.origin is RuleOrigin.MANUAL:
        raise ConfigError(f"rule {args.name!r} was written by hand, not suggested: use `signage rules enable`")
    store.set_rule_enabled(args.name, True, _author(args))
    print(tr("cli.rules", "Accepted {name}: it is switched on and plays when it matches.", name=args.name))
    return 0


def _reject(args: argparse.Namespace) -> int:
    from playlists.learning import reject_suggestion
    from playlists.store import PlaylistStore

    db = open_db(args.db)
    reject_suggestion(db, PlaylistStore(db), args.name, _author(args), dt.datetime.now(dt.UTC))
    print(tr("cli.rules", "Rejected {name}: deleted, and re-learning will not suggest it again.", name=args.name))
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
