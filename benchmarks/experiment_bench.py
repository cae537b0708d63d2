"""Simulated-store benchmark: does the uplift report's 95 % interval cover a planted effect?

    .venv/bin/python benchmarks/experiment_bench.py                     # 100 seeds x 28 days, holdout 10 %
    .venv/bin/python benchmarks/experiment_bench.py --seeds 20 --days 14 --holdout-share 0.5 --jobs 2

Runs `playlists.experiment` (the real player, holdout, proof of play and uplift report on
a simulated convenience store) for each seed and plants +8 %, 0 % and -3 % in turn on the
same stores (the player's part does not depend on the effect, so each seed plays once).
Prints a table per effect: coverage of the planted effect (target: at least 0.90),
coverage of the diluted effect the receipts in the window can show, the share of
intervals excluding 0 (at 0 %: the false-positive rate, target at most 0.07), rows
without an interval (too few exposures), and the wall time per seed.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from report import print_table

from playlists.experiment import ExperimentSettings, StoreSettings, run_experiment

EFFECTS = (0.08, 0.0, -0.03)


def main(argv: list[str] | None = None) -> int:
    """Run the seeds and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=100, help="stores to simulate (default 100)")
    parser.add_argument("--seed", type=int, default=0, help="the first seed (default 0)")
    parser.add_argument("--days", type=int, default=28, help="days per store (default 28)")
    parser.add_argument("--holdout-share", type=float, default=0.10, help="the holdout share (default 0.1)")
    parser.add_argument("--visitors-per-day", type=float, default=400.0, help="weekday visitors (default 400)")
    parser.add_argument("--jobs", type=int, default=2, help="processes (default 2)")
    parser.add_argument("-v", "--per-seed", action="store_true", help="print one line per seed and effect")
    args = parser.parse_args(argv)
    settings = ExperimentSettings(
        days=args.days, holdout_share=args.holdout_share, store=StoreSettings(visitors_per_day=args.visitors_per_day)
    )
    started = time.perf_counter()
    summaries = run_experiment(
        settings, range(args.seed, args.seed + args.seeds), effects=EFFECTS, jobs=args.jobs,
        on_run=(lambda result: print(result.line(), flush=True)) if args.per_seed else None,
    )
    wall_s = time.perf_counter() - started
    per_seed_s = [sum(r.seconds for r in runs) / len(EFFECTS) for runs in zip(*(s.runs for s in summaries))]
    for summary in summaries:
        rows = [
            ("runs (seeds)", str(len(summary.runs)), "", ""),
            ("intervals (rule rows with a number)", str(summary.intervals), "", ""),
            ("rule rows without an interval", str(summary.without_interval), "0", _verdict(summary.without_interval == 0)),
            ("coverage of the planted effect", _share(summary.coverage), ">= 0.90",
             _verdict(summary.coverage is not None and summary.coverage >= 0.90)),
            ("coverage of the diluted effect", _share(summary.diluted_coverage), "", ""),
        ]
        if summary.settings.effect == 0:
            rows.append(("false positives (interval excludes 0)", _share(summary.false_positives), "<= 0.07",
                         _verdict(summary.false_positives is not None and summary.false_positives <= 0.07)))
        else:
            rows.append(("intervals excluding 0 (detections)", _share(summary.false_positives), "", ""))
        for row in summary.rows:
            if row.runs == 0:
                rows.append((f"{row.rule}/{row.category}", "no interval in any run", "", ""))
                continue
            rows.append((
                f"{row.rule}/{row.category}: mean estimate, diluted, +-",
                f"{row.mean_effect:+.1%}, {row.mean_diluted_effect:+.1%}, {row.mean_half_width:.1%}", "", "",
            ))
            rows.append((
                f"{row.rule}/{row.category}: covers planted, diluted; excludes 0",
                f"{row.covers_planted:.2f}, {row.covers_diluted:.2f}; {row.excludes_zero:.2f} of {row.runs}", "", "",
            ))
        runs = [r.control_run_share for r in summary.runs if r.control_run_share is not None]
        rows.append(("control share of holdout runs (mean)", f"{sum(runs) / max(1, len(runs)):.3f}",
                     f"{settings.holdout_share:g}", ""))
        plays = [r.control_play_share for r in summary.runs if r.control_play_share is not None]
        rows.append(("control share of arm plays (mean)", f"{sum(plays) / max(1, len(plays)):.3f}", "", ""))
        rows.append(("seconds per seed (wall, one process)", f"{sum(per_seed_s) / max(1, len(per_seed_s)):.1f}", "", ""))
        rows.append(("wall time of the benchmark", f"{wall_s:.0f} s with {args.jobs} processes", "", ""))
        print_table(
            f"experiment: planted {summary.settings.effect:+.0%}, {args.seeds} seeds x {args.days} days, "
            f"{args.visitors_per_day:g} visitors/weekday, holdout {args.holdout_share:g}",
            rows,
        )
        print(summary.last_line())
    return 0


def _share(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def _verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


if __name__ == "__main__":
    sys.exit(main())
