"""`signage rules simulate` and `signage rules seed`: what would play, and the starting rules.

    signage rules simulate --age-group teen --attire school_uniform --at "2026-11-23 16:10" --group-size 3

prints the decision the player would make for that audience at that time: the playlist,
the winning rule, the minors guardrail, and why every other rule lost. A fresh database
is seeded first (sample content and the convenience-store rules), so the command answers
sensibly on a new install.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from audience.types import AgeGroup, Attire, Company, Gender
from signage.cli_common import add_db_option, open_db
from foundation.errors import ConfigError


def register(sub: argparse._SubParsersAction) -> None:
    """Add `simulate` and `seed` to the `rules` subcommands."""
    simulate = sub.add_parser(
        "simulate",
        help="show what would play for an audience at a time, and why",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    simulate.add_argument(
        "--age-group", choices=[g.value for g in AgeGroup], help="the audience's (dominant) age group"
    )
    simulate.add_argument(
        "--attire", choices=[a.value for a in Attire], default=Attire.UNKNOWN.value, help="what they wear"
    )
    simulate.add_argument("--gender", choices=[g.value for g in Gender], default=Gender.UNKNOWN.value, help="their gender (rules use it only when gender targeting is on)")
    simulate.add_argument("--group-size", type=int, default=1, help="visitors in front of the screen (0 = nobody; default 1)")
    simulate.add_argument("--dwell-s", type=float, default=5.0, help="how long the longest-staying visitor has been there, seconds (default 5)")
    simulate.add_argument(
        "--company", choices=[c.value for c in Company],
        help="who the visitors are with (default: alone for one visitor, not known for a group)",
    )
    simulate.add_argument("--at", help="local time 'YYYY-MM-DD HH:MM' (default: now)")
    simulate.add_argument(
        "--minor-present", action="store_true",
        help="someone else in the group may be a minor (the minors guardrail withholds age-restricted items)",
    )
    simulate.add_argument("--no-signal", action="store_true", help="simulate a lost camera (audience unknown)")
    simulate.add_argument(
        "--confidence", type=float, default=1.0, help="how sure the camera is of the audience, 0..1 (default 1)"
    )
    simulate.add_argument("--config", type=Path, help="config file (decision settings; default: `signage config path`)")
    add_db_option(simulate)
    simulate.set_defaults(handler=_simulate)

    seed = sub.add_parser(
        "seed",
        help="add the sample content and the convenience-store rules to a database that was never changed",
    )
    add_db_option(seed)
    seed.set_defaults(handler=_seed)


def _open(db_path: Path | None):
    """(db, store, library, seeded): seeds a store that was never changed."""
    from content.catalog import ContentLibrary
    from playlists.rulebook import seed_if_new
    from playlists.store import PlaylistStore
    from foundation.paths import database_path, media_dir

    db = open_db(db_path)
    store, library = PlaylistStore(db), ContentLibrary(db)
    seeded = seed_if_new(store, library, media_dir())
    if seeded:
        print(f"(a new database: added the sample content and the seed rules to {db_path or database_path()})")
    return db, store, library, seeded


def _simulate(args: argparse.Namespace) -> int:
    from playlists.decision import SimulatedAudience
    from playlists.playback import simulate_decision
    from playlists.rulebook import load_rulebook
    from foundation.clock import parse_local_time
    from signage.config import load_config

    settings = load_config(args.config).decision
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
    print(f"at {when:%a %Y-%m-%d %H:%M}")
    print(decision.explain())
    return 0


def _seed(args: argparse.Namespace) -> int:
    db, store, _, seeded = _open(args.db)
    try:
        if seeded:
            print(f"seeded: {len(store.rules())} rules, {len(store.playlists())} playlists")
        else:
            print("nothing seeded: the database already has a history of rules and playlists "
                  "(`signage rules import` a copy of playlists/seed.py's rules to start again)")
    finally:
        db.conn.close()
    return 0
