"""`signage rules simulate` and `signage rules seed`: what would play, and the starting rules.

    signage rules simulate --age-group teen --attire school_uniform --at "2026-11-23 16:10" --group-size 3

prints, in the language of --lang (or the config's, or the locale's), the decision the player would make for that audience at that time: the playlist,
the winning rule, the minors guardrail, and why every other rule lost. A fresh database
is seeded first (sample content and the convenience-store rules), so the command answers
sensibly on a new install.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from audience.types import AgeGroup, Attire, Company, Gender
from foundation.errors import ConfigError
from foundation.i18n import tr
from signage.cli_common import (
    add_config_option,
    add_db_option,
    add_parser,
    load_config_of,
    open_db,
)


def register(sub: argparse._SubParsersAction) -> None:
    """Add `simulate` and `seed` to the `rules` subcommands."""
    simulate = add_parser(
        sub, "simulate", "show what would play for an audience at a time, and why",
        "Describe an audience and a time; prints the decision the player would make: the playlist, "
        "the winning rule, the minors guardrail, and why every other rule lost, in the language of "
        "--lang. A fresh database is seeded first (sample content and the convenience-store rules), "
        "so the command answers sensibly on a new install. Nothing is changed or played.",
        'signage rules simulate --age-group teen --attire school_uniform --at "2026-11-23 16:10" --group-size 3',
        'signage rules simulate --age-group adult --group-size 2 --company adult_with_child --at "2026-11-23 19:00"',
        'signage rules simulate --no-signal --at "2026-11-23 12:00" --lang ko',
    )
    simulate.add_argument(
        "--age-group", choices=[g.value for g in AgeGroup], help="the audience's (dominant) age group"
    )
    simulate.add_argument(
        "--attire", choices=[a.value for a in Attire], default=Attire.UNKNOWN.value, help="what they wear"
    )
    simulate.add_argument("--gender", choices=[g.value for g in Gender], default=Gender.UNKNOWN.value, help="their gender (rules use it only when gender targeting is on)")
    simulate.add_argument("--group-size", type=int, default=1, metavar="N", help="visitors in front of the screen (0 = nobody; default 1)")
    simulate.add_argument("--dwell-s", type=float, default=5.0, metavar="SECONDS", help="how long the longest-staying visitor has been there, seconds (default 5)")
    simulate.add_argument(
        "--company", choices=[c.value for c in Company],
        help="who the visitors are with (default: alone for one visitor, not known for a group)",
    )
    simulate.add_argument("--at", metavar="TIME", help="local time 'YYYY-MM-DD HH:MM' (default: now)")
    simulate.add_argument(
        "--minor-present", action="store_true",
        help="someone else in the group may be a minor (the minors guardrail withholds age-restricted items)",
    )
    simulate.add_argument("--no-signal", action="store_true", help="simulate a lost camera (audience unknown)")
    simulate.add_argument(
        "--confidence", type=float, default=1.0, help="how sure the camera is of the audience, 0..1 (default 1)"
    )
    add_config_option(simulate)
    add_db_option(simulate)
    simulate.set_defaults(handler=_simulate)

    seed = add_parser(
        sub, "seed", "add the sample content and the convenience-store rules to a database that was never changed",
        "Add the built-in sample content, playlists and rules (playlists/seed.py: students after school, "
        "commuters, lunch, seniors, the evening beer promotion) to a database whose rules and playlists "
        "were never changed; a database with any history is left alone.",
        "signage rules seed",
        "signage rules seed --db /tmp/trial.db",
    )
    add_db_option(seed)
    seed.set_defaults(handler=_seed)


def _open(db_path: Path | None):
    """(db, store, library, seeded): seeds a store that was never changed."""
    from content.catalog import ContentLibrary
    from foundation.paths import database_path, media_dir
    from playlists.rulebook import seed_if_new
    from playlists.store import PlaylistStore

    db = open_db(db_path)
    store, library = PlaylistStore(db), ContentLibrary(db)
    seeded = seed_if_new(store, library, media_dir())
    if seeded:
        print(tr("cli.rules", "(A new database: the sample content and the seed rules were added to {path}.)",
                 path=db_path or database_path()))
    return db, store, library, seeded


def _simulate(args: argparse.Namespace) -> int:
    from foundation.clock import parse_local_time
    from playlists.decision import SimulatedAudience, weekday_words
    from playlists.playback import simulate_decision
    from playlists.rulebook import load_rulebook
    settings = load_config_of(args).decision
    if args.at:
        try:
            when = parse_local_time(args.at)
        except ValueError as error:
            raise ConfigError(f"--at: {error}") from None
    else:  # the command line is the one place that may read the wall clock
        when = dt.datetime.now().replace(second=0, microsecond=0)
    if not 0.0 <= args.confidence <= 1.0:
        raise ConfigError(f"--confidence: expected a number from 0 to 1, got {args.confidence}")
    if args.group_size < 0:
        raise ConfigError(f"--group-size: expected 0 or more, got {args.group_size}")
    described = SimulatedAudience(
        age_group=AgeGroup(args.age_group) if args.age_group else None,
        attire=Attire(args.attire),
        group_size=args.group_size,
        dwell_s=args.dwell_s,
        gender=Gender(args.gender),
        confidence=args.confidence,
        minor_present=args.minor_present,
        no_signal=args.no_signal,
        company=Company(args.company) if args.company else None,
    )
    if (problem := described.problem()) is not None:
        raise ConfigError(f"--company --group-size: {problem}")
    audience = described.view(settings)
    db, store, library, _ = _open(args.db)
    try:
        book = load_rulebook(store, library)
    finally:
        db.conn.close()
    decision = simulate_decision(book, audience, when, settings)
    # In the reader's language; the English `decision.explain()` is what traces keep.
    print(tr("cli.rules", "At {day} {date} {time}", day=weekday_words(when), date=f"{when:%Y-%m-%d}",
             time=f"{when:%H:%M}"))
    print(decision.explain_words())
    return 0


def _seed(args: argparse.Namespace) -> int:
    db, store, _, seeded = _open(args.db)
    try:
        if seeded:
            print(tr("cli.rules", "Seeded: {rules}, {playlists}.", rules=tr("cli.rules", "%n rules", n=len(store.rules())),
                     playlists=tr("cli.rules", "%n playlists", n=len(store.playlists()))))
        else:
            print(tr("cli.rules", "Nothing seeded: the database already has a history of rules and playlists "
                     "(`signage rules import` a copy of playlists/seed.py's rules to start again)."))
    finally:
        db.conn.close()
    return 0
