"""`signage report uplift`: does targeting sell? The holdout's arms joined with the store's receipts."""

from __future__ import annotations

import argparse
import dataclasses
import math

from foundation.errors import DataError, ValidationError
from signage.cli_common import (
    add_config_option,
    add_db_option,
    add_parser,
    add_period_options,
    load_config_of,
)
from signage.cli_report import _open_existing_db, _period

_DESCRIPTION = (
    "For each targeted rule and each purchase category its playlist advertises (a content tag of its items, "
    "through learning.category_tags in the config), the share of receipts holding the category within "
    "--window-min minutes after an exposure in the targeted arm of the holdout against the control arm, the "
    "relative effect with its 95% interval (clustered by exposure), the exposures and receipts behind it, and "
    "how many more days would be needed to be sure of +5%. A receipt counts for the latest exposure before it. "
    "Bystanders pay in the window too, so the effect is that on the share of receipts in the window, which is "
    "smaller than the effect on those who saw the ad. Receipts are the ones imported with `signage purchases "
    "import-csv`, in the same local time as the player. Times are local; --to is exclusive, and a date alone "
    "means midnight. Problems of the data (no exposures, receipts that do not overlap them, clocks that disagree, "
    "too few exposures) are printed as sentences; the command fails only when nothing can be reported."
)


def register(report_commands: argparse._SubParsersAction) -> None:
    """Add `report uplift` to the `report` group."""
    uplift = add_parser(
        report_commands, "uplift",
        "does targeting sell: purchases after the targeted ad against the holdout's control, with intervals",
        _DESCRIPTION,
        "signage report uplift",
        "signage report uplift --from 2026-11-01 --to 2026-12-01 --window-min 15",
        "signage report uplift --category snacks --lang ko",
    )
    add_period_options(uplift, "exposures")
    uplift.add_argument("--source", help="purchase source the receipts were imported into (default: every source)")
    uplift.add_argument(
        "--window-min", metavar="MINUTES",
        help="receipts this many minutes after an exposure count for it (default: 10)",
    )
    uplift.add_argument(
        "--category",
        help="measure this purchase category for every rule, advertised or not (default: each rule's advertised ones)",
    )
    add_config_option(uplift)  # learning.category_tags maps categories to content tags
    add_db_option(uplift)
    uplift.set_defaults(handler=_uplift)


def _uplift(args: argparse.Namespace) -> int:
    from playlists.uplift import UpliftSettings, format_uplift, measure_uplift
    start, end = _period(args)
    config = load_config_of(args)
    # The config's holdout share: the arms' sizes are checked against it.
    settings = UpliftSettings(holdout_share=config.decision.holdout_share)
    if args.window_min is not None:
        settings = dataclasses.replace(settings, window_min=_minutes(args.window_min))
    learning = config.learning
    db = _open_existing_db(args.db)
    try:
        report = measure_uplift(db, start, end, source=args.source, settings=settings, learning=learning,
                                category=args.category)
    finally:
        db.conn.close()
    if not report.rows:
        # Nothing to show but the reasons: one line, as every failure of a command.
        raise DataError(" ".join(_sentence(problem) for problem in report.problems) or "nothing to report")
    print(format_uplift(report))
    return 0


def _minutes(text: str) -> float:
    """--window-min's value: minutes > 0 and at most a day; else a one-line ValidationError."""
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or not 0 < value <= 24 * 60:
        raise ValidationError(f"--window-min {text!r}: expected minutes above 0 and at most 1440, e.g. 10")
    return value


def _sentence(problem: str) -> str:
    return problem if problem.endswith((".", "?")) else problem + "."
