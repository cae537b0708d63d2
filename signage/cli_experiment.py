"""`signage experiment simulate`: a synthetic store that checks the uplift estimator.

    signage experiment simulate --effect 0.08 --seeds 100 --jobs 2

builds a convenience store per seed (visitors by hour, an audience mix, purchase
propensities), runs the real player, holdout and proof of play on a fake clock, plants
an effect of each targeted ad on its advertised category, imports the receipts and runs
the uplift report (`playlists.experiment`). It prints the coverage of the 95 % intervals
and, as its last line, `coverage C, false positives F`: C is the share of intervals that
hold the planted effect, F the share that exclude 0 (at --effect 0, the false-positive
rate). With -v, one line per seed first.
"""

from __future__ import annotations

import argparse
import math

from foundation.errors import ConfigError
from signage.cli_common import HelpFormatter, examples


def register(commands: argparse._SubParsersAction) -> None:
    """Add the `experiment` command group: `experiment simulate`."""
    group = commands.add_parser(
        "experiment", help="check the uplift estimator on a simulated store",
        description="Check `signage report uplift` where the truth is known: simulated stores with an effect "
        "of the targeted ads planted in their purchases, run through the real player, holdout and report.",
        epilog=examples("signage experiment simulate --seeds 20 --jobs 2"),
        formatter_class=HelpFormatter,
    )
    sub = group.add_subparsers(dest="experiment_command", metavar="COMMAND", title="experiment commands")
    sub.required = True
    simulate = sub.add_parser(
        "simulate",
        help="plant an effect in a simulated store and check the uplift report's intervals over seeds",
        description="Build a simulated convenience store per seed (visitors by hour, an audience mix, purchase "
        "propensities), run the real player, holdout and proof of play on a fake clock, plant an effect of "
        "each targeted ad on its advertised category, import the receipts and run the uplift report. "
        "Prints the coverage of the 95 % intervals and, as its last line, `coverage C, false positives F`: "
        "C is the share of intervals that hold the planted effect, F the share that exclude 0 (at --effect 0, "
        "the false-positive rate). With -v or --per-seed, one line per seed first.",
        epilog=examples(
            "signage experiment simulate --effect 0.08 --seeds 100 --jobs 2",
            "signage experiment simulate --effect 0 --seeds 20 -v      # the false-positive rate, a line per seed",
        ),
        formatter_class=HelpFormatter,
    )
    simulate.add_argument(
        "--effect", type=float, default=0.08,
        help="relative effect of a targeted ad on its category per exposed visitor, above -1 (default 0.08: +8%%)",
    )
    simulate.add_argument("--seeds", type=int, default=100, help="how many stores (seeds) to simulate (default 100)")
    simulate.add_argument("--days", type=int, default=28, help="days each store is open (default 28)")
    simulate.add_argument("--seed", type=int, default=0, help="the first seed; runs use SEED, SEED+1, ... (default 0)")
    simulate.add_argument(
        "--holdout-share", type=float, default=0.10,
        help="share of a targeted rule's wins shown the control, between 0 and 1 (default 0.1)",
    )
    simulate.add_argument(
        "--window-min", type=float, default=10.0,
        help="the uplift report's window after an exposure, minutes (default 10)",
    )
    simulate.add_argument(
        "--visitors-per-day", type=float, default=400.0,
        help="visitors on a weekday (weekends 85%% of it; default 400, a typical convenience store)",
    )
    simulate.add_argument("--jobs", type=int, default=1, help="processes to run seeds in (default 1)")
    simulate.add_argument(
        "--per-seed", action="store_true", help="print one line per seed before the summary (as -v does)"
    )
    simulate.set_defaults(handler=_simulate)


def _simulate(args: argparse.Namespace) -> int:
    from playlists.experiment import ExperimentSettings, StoreSettings, run_experiment

    if args.seeds < 1:
        raise ConfigError(f"--seeds: expected 1 or more seeds, got {args.seeds}")
    if args.seed < 0:
        raise ConfigError(f"--seed: expected 0 or more, got {args.seed}")
    if args.jobs < 1:
        raise ConfigError(f"--jobs: expected 1 or more processes, got {args.jobs}")
    if not math.isfinite(args.effect):
        raise ConfigError(f"--effect: expected a number above -1, got {args.effect}")
    settings = ExperimentSettings(
        effect=args.effect, days=args.days, holdout_share=args.holdout_share, window_min=args.window_min,
        store=StoreSettings(visitors_per_day=args.visitors_per_day),
    )
    settings.check()  # one line naming the option, before any store is built

    def per_seed(result) -> None:
        if args.per_seed or args.verbose:
            print(result.line(), flush=True)

    (summary,) = run_experiment(settings, range(args.seed, args.seed + args.seeds), jobs=args.jobs, on_run=per_seed)
    for line in summary.lines():
        print(line)
    return 0
