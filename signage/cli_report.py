"""`signage report ...`: what the player showed (proof of play), from the signage database."""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from signage.cli_common import add_db_option, open_db
from foundation.errors import DataError, ValidationError


def register(commands: argparse._SubParsersAction) -> None:
    """Add the `report` command group."""
    report = commands.add_parser("report", help="reports from the player's proof-of-play log", description=__doc__)
    sub = report.add_subparsers(dest="report_command", metavar="SUBCOMMAND", title="subcommands")
    sub.required = True

    plays = sub.add_parser(
        "plays",
        help="every item the player showed: when, how long, which rule, how it ended, to whom",
        description="One line per play: start time, seconds shown, playlist, item, rule ('(default)' for the "
        "default playlist), outcome and the audience when it started (counts and segments only), then the "
        "totals by outcome. Times are the player's local time; --to is exclusive, and a date alone means "
        "midnight, so --from 2026-11-23 --to 2026-11-24 is that one day.",
    )
    _add_period_options(plays)
    plays.set_defaults(handler=_plays)

    attention = sub.add_parser(
        "attention",
        help="how much each item, playlist or rule was seen: opportunities to see, viewers, attention, dwell",
        description="Per item, playlist or rule, over the plays that started in the period: plays, plays "
        "measured (the camera gave snapshots while they were on screen), opportunities to see (visitors "
        "present, summed over plays), viewers (of those, faces toward the screen for at least 1 s), the "
        "viewer share (viewers / opportunities), attention and dwell seconds per opportunity. Only measured "
        "plays add to the figures. Times are the player's local time; --to is exclusive, and a date alone "
        "means midnight.",
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
    headers = (by.upper(), "PLAYS", "MEASURED", "OPPORTUNITIES", "VIEWERS", "VIEWER_SHARE", "ATTENTION_S/OPP",
               "DWELL_S/OPP")
    table = [headers, *(reports.attention_cells(row) for row in (*rows, total))]
    widths = [max(len(row[column]) for row in table) for column in range(len(headers))]
    lines.append("")
    for row in table:
        cells = [row[0].ljust(widths[0])] + [cell.rjust(width) for cell, width in zip(row[1:], widths[1:])]
        lines.append("  ".join(cells))
    return "\n".join(lines)


def _add_period_options(parser: argparse.ArgumentParser) -> None:
    """--from, --to, --csv and --db: what every report over a period of plays takes."""
    parser.add_argument(
        "--from", dest="start", metavar="TIME",
        help="'YYYY-MM-DD[ HH:MM]': first start time to include (default: the first play)",
    )
    parser.add_argument(
        "--to", dest="end", metavar="TIME",
        help="'YYYY-MM-DD[ HH:MM]': only plays that started before this time (exclusive; default: no limit)",
    )
    parser.add_argument(
        "--csv", nargs="?", const="-", metavar="FILE",
        help="write CSV instead of the table: to FILE, or to standard output when FILE is left out or '-'",
    )
    add_db_option(parser)


def _time_option(text: str | None, option: str) -> dt.datetime | None:
    """The option's local time, or a one-line ValidationError naming the option and value."""
    from foundation.clock import parse_local_time

    if text is None:
        return None
    try:
        return parse_local_time(text)
    except ValueError as error:
        raise ValidationError(f"{option}: {error}") from None


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
    headers = ("START", "SHOWN_S", "PLAYLIST", "ITEM", "RULE", "OUTCOME", "AUDIENCE")
    rows = [
        (
            record.started_at.isoformat(sep=" ", timespec="seconds"),
            "-" if record.shown_s is None else f"{record.shown_s:.1f}",
            record.playlist or "-",
            record.item,
            record.rule or "(default)",
            _outcome(record),
            record.audience.describe(),
        )
        for record in records
    ]
    if rows:
        widths = [max(len(row[column]) for row in (headers, *rows)) for column in range(len(headers) - 1)]
        for row in (headers, *rows):
            print("  ".join(cell.ljust(width) for cell, width in zip(row, widths)) + "  " + row[-1])
    print(_totals(records))


def _outcome(record) -> str:
    if record.outcome is None:
        return "on screen"
    if record.error:
        return f"{record.outcome.value}: {' '.join(record.error.split())}"  # one line, whatever the error held
    return record.outcome.value


def _totals(records) -> str:
    """'12 plays: 9 played, 2 interrupted, 1 failed' (outcomes in PlayOutcome order, then any on screen)."""
    from playlists.proof_of_play import PlayOutcome

    counts = collections.Counter(record.outcome for record in records)
    parts = [f"{counts[outcome]} {outcome.value}" for outcome in PlayOutcome if counts[outcome]]
    if counts[None]:
        parts.append(f"{counts[None]} on screen")
    total = f"{len(records)} play{'' if len(records) == 1 else 's'}"
    return f"{total}: {', '.join(parts)}" if parts else total


def _period(args: argparse.Namespace) -> tuple[dt.datetime | None, dt.datetime | None]:
    """--from and --to as local times (either may be None), --to later than --from."""
    start = _time_option(args.start, "--from")
    end = _time_option(args.end, "--to")
    if start is not None and end is not None and end <= start:
        raise ValidationError(f"--to {args.end!r} must be later than --from {args.start!r}")
    return start, end


def _period_words(start: dt.datetime | None, end: dt.datetime | None) -> str:
    """'from 2026-11-23 00:00 to 2026-11-24 00:00', 'from ...', 'before ...' or 'in the log'."""
    words = []
    if start is not None:
        words.append(f"from {start:%Y-%m-%d %H:%M}")
    if end is not None:
        words.append(f"{'to' if start is not None else 'before'} {end:%Y-%m-%d %H:%M}")
    return " ".join(words) if words else "in the log"
