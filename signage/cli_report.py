"""`signage report ...`: what the player showed (proof of play), from the signage database."""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from foundation.errors import DataError, ValidationError
from foundation.i18n import tr, tr_noop
from signage.cli_common import (
    add_db_option,
    add_parser,
    add_period_options,
    open_db,
    period_of,
    table,
)

# How a play ended, in words (the CSV keeps the English codes).
_OUTCOMES = {
    "played": tr_noop("cli.report", "played"),
    "interrupted": tr_noop("cli.report", "interrupted"),
    "failed": tr_noop("cli.report", "failed"),
    "unfinished": tr_noop("cli.report", "unfinished"),
}
_OUTCOME_COUNTS = {
    "played": tr_noop("cli.report", "{count} played"),
    "interrupted": tr_noop("cli.report", "{count} interrupted"),
    "failed": tr_noop("cli.report", "{count} failed"),
    "unfinished": tr_noop("cli.report", "{count} unfinished"),
}


def register(commands: argparse._SubParsersAction) -> None:
    """Add the `report` command group."""
    report = add_parser(
        commands, "report", "reports from the player's proof-of-play log",
        "What the player showed and who saw it, from the proof of play in the signage database: every "
        "play, attention per item, playlist or rule, and whether targeting sells (the holdout's uplift). "
        "Each report takes a period (--from, --to) and writes a table in words or CSV (--csv).",
        "signage report plays --from 2026-11-23 --to 2026-11-24",
        "signage report attention --by rule",
        "signage report uplift --from 2026-11-01",
    )
    sub = report.add_subparsers(dest="report_command", metavar="SUBCOMMAND", title="subcommands")
    sub.required = True

    plays = add_parser(
        sub, "plays", "every item the player showed: when, how long, which rule, how it ended, to whom",
        "One line per play: start time, seconds shown, playlist, item, rule ('(default)' for the "
        "default playlist), outcome and the audience when it started (counts and segments only), then the "
        "totals by outcome. Times are the player's local time; --to is exclusive, and a date alone means "
        "midnight, so --from 2026-11-23 --to 2026-11-24 is that one day.",
        "signage report plays --from 2026-11-23 --to 2026-11-24",
        "signage report plays --from '2026-11-23 15:00' --csv plays.csv",
    )
    _add_period_options(plays)
    plays.set_defaults(handler=_plays)

    attention = add_parser(
        sub, "attention",
        "how much each item, playlist or rule was seen: opportunities to see, viewers, attention, dwell",
        "Per item, playlist or rule, over the plays that started in the period: plays, plays "
        "measured (the camera gave snapshots while they were on screen), opportunities to see (visitors "
        "present, summed over plays), viewers (of those, faces toward the screen for at least 1 s), the "
        "viewer share (viewers / opportunities), attention and dwell seconds per opportunity. Only measured "
        "plays add to the figures. Times are the player's local time; --to is exclusive, and a date alone "
        "means midnight.",
        "signage report attention",
        "signage report attention --by playlist --from 2026-11-23 --to 2026-11-30",
        "signage report attention --by rule --csv -",
    )
    attention.add_argument(
        "--by", default="item", metavar="item|playlist|rule",
        help="group the plays by item (the default), playlist or rule",
    )
    _add_period_options(attention)
    attention.set_defaults(handler=_attention)

    from signage import cli_uplift

    cli_uplift.register(sub)


def _plays(args: argparse.Namespace) -> int:
    from playlists.proof_of_play import ProofOfPlay

    start, end = _period(args)
    db = _open_existing_db(args.db)
    try:
        records = ProofOfPlay(db).plays(start, end)
    finally:
        db.conn.close()
    if args.csv is not None:
        _write_csv(records, args.csv)
    else:
        _print_table(records)
    return 0


def _attention(args: argparse.Namespace) -> int:
    from playlists import reports

    if args.by not in reports.ATTENTION_GROUPINGS:
        raise ValidationError(f"--by {args.by!r}: choose one of {', '.join(reports.ATTENTION_GROUPINGS)}")
    start, end = _period(args)
    from playlists.proof_of_play import ProofOfPlay

    db = _open_existing_db(args.db)
    try:
        ProofOfPlay(db)  # a database from before the attention columns gets them (empty: not measured)
        rows = reports.play_attention(db, start, end, args.by)
    finally:
        db.conn.close()
    if args.csv is not None:
        columns = (args.by, *reports.PLAY_ATTENTION_COLUMNS[1:])
        _to_csv(args.csv, lambda stream: reports.write_csv(rows, columns, stream), "row")
    else:
        print(_attention_text(rows, args.by, _period_words(start, end)))
    return 0


def _attention_text(rows, by: str, period: str) -> str:
    """Plain words first, then the table (by `by`) with its denominators and the totals.

    Only the sentence when nothing was measured; `period` names the time range in it.
    """
    from playlists import reports

    total = reports.total_attention(rows)
    lines = [reports.attention_summary(total, period)]
    if not total.plays_measured:
        return lines[0]
    grouped_by = {"item": tr("cli.report", "ITEM"), "playlist": tr("cli.report", "PLAYLIST"), "rule": tr("cli.report", "RULE")}
    headers = (
        grouped_by.get(by, by.upper()), tr("cli.report", "PLAYS"), tr("cli.report", "MEASURED"),
        tr("cli.report", "OPPORTUNITIES"), tr("cli.report", "VIEWERS"), tr("cli.report", "VIEWER_SHARE"),
        tr("cli.report", "ATTENTION_S/OPP"), tr("cli.report", "DWELL_S/OPP"),
    )
    cells = [reports.attention_cells(row) for row in rows]
    cells.append((tr("cli.report", "(all)"), *reports.attention_cells(total)[1:]))
    lines.append("")
    lines.append(table(headers, cells, right_aligned=frozenset(range(1, len(headers)))))
    return "\n".join(lines)


def _add_period_options(parser: argparse.ArgumentParser) -> None:
    """--from, --to, --csv and --db: what every report over a period of plays takes."""
    add_period_options(parser, "plays")
    parser.add_argument(
        "--csv", nargs="?", const="-", metavar="FILE",
        help="write CSV instead of the table: to FILE, or to standard output when FILE is left out or '-'",
    )
    add_db_option(parser)


def _open_existing_db(path: Path | None):
    """The database, refusing to create one: a mistyped --db would otherwise report "0 plays"."""
    from foundation.paths import database_path

    resolved = path or database_path()
    if not Path(resolved).is_file():
        raise DataError(f"{resolved}: no signage database there (give --db, or set $SIGNAGE_DB)")
    return open_db(resolved)


def _write_csv(records, target: str) -> None:
    from playlists.proof_of_play import write_plays_csv

    _to_csv(target, lambda stream: write_plays_csv(records, stream), "play")


def _to_csv(target: str, write: Callable[[TextIO], int], noun: str) -> None:
    """Run `write` (it returns how many `noun`s it wrote) on standard output ('-') or on the file `target`."""
    if target == "-":
        write(sys.stdout)
        return
    try:
        with open(target, "w", newline="", encoding="utf-8") as stream:
            count = write(stream)
    except OSError as error:
        raise DataError(f"{target}: cannot write the CSV file ({error.strerror or error})") from None
    print(f"wrote {count} {noun}{'' if count == 1 else 's'} to {target}", file=sys.stderr)


def _print_table(records) -> None:
    """The plays as a table in words (headers and outcomes in the reader's language)."""
    headers = tuple(tr("cli.report", header) for header in _PLAY_HEADERS)
    rows = [
        (
            record.started_at.isoformat(sep=" ", timespec="seconds"),
            "-" if record.shown_s is None else f"{record.shown_s:.1f}",
            record.playlist or "-",
            record.item,
            record.rule or tr("cli.report", "(default)"),
            _outcome(record),
            audience_words(record.audience),
        )
        for record in records
    ]
    if rows:
        print(table(headers, rows))
    print(_totals(records))


_PLAY_HEADERS = (
    tr_noop("cli.report", "START"), tr_noop("cli.report", "SHOWN_S"), tr_noop("cli.report", "PLAYLIST"),
    tr_noop("cli.report", "ITEM"), tr_noop("cli.report", "RULE"), tr_noop("cli.report", "OUTCOME"),
    tr_noop("cli.report", "AUDIENCE"),
)


def audience_words(audience) -> str:
    """A play's audience (`proof_of_play.AudienceSummary`) in the reader's words."""
    return audience.describe_words()


def _outcome(record) -> str:
    if record.outcome is None:
        return tr("cli.report", "on screen")
    words = tr("cli.report", _OUTCOMES[record.outcome.value]) if record.outcome.value in _OUTCOMES else record.outcome.value
    if record.error:
        return f"{words}: {' '.join(record.error.split())}"  # one line, whatever the error held
    return words


def _totals(records) -> str:
    """'12 plays: 9 played, 2 interrupted, 1 failed' (outcomes in PlayOutcome order, then any on screen)."""
    from playlists.proof_of_play import PlayOutcome

    counts = collections.Counter(record.outcome for record in records)
    parts = [
        tr("cli.report", _OUTCOME_COUNTS[outcome.value], count=counts[outcome]) if outcome.value in _OUTCOME_COUNTS
        else f"{counts[outcome]} {outcome.value}"
        for outcome in PlayOutcome if counts[outcome]
    ]
    if counts[None]:
        parts.append(tr("cli.report", "{count} on screen", count=counts[None]))
    total = tr("cli.report", "%n plays", n=len(records))
    return tr("cli.report", "{total}: {outcomes}", total=total, outcomes=", ".join(parts)) if parts else total


# The shared reading of --from and --to (cli_uplift imports it from here).
_period = period_of


def _period_words(start: dt.datetime | None, end: dt.datetime | None) -> str:
    """'from 2026-11-23 00:00 to 2026-11-24 00:00', 'from ...', 'before ...' or 'in the log'."""
    if start is not None and end is not None:
        return tr("cli.report", "from {start} to {end}", start=f"{start:%Y-%m-%d %H:%M}", end=f"{end:%Y-%m-%d %H:%M}")
    if start is not None:
        return tr("cli.report", "from {start}", start=f"{start:%Y-%m-%d %H:%M}")
    if end is not None:
        return tr("cli.report", "before {end}", end=f"{end:%Y-%m-%d %H:%M}")
    return tr("cli.report", "in the log")
