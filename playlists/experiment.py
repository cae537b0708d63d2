"""A simulated convenience store that checks the uplift estimator against a planted effect.

`simulate_run(seed, settings)` builds a store in a temporary folder and runs it for
`settings.days` days:

* **A real signage database** (`foundation.db.open_database`): content items tagged with
  what they advertise (`ContentLibrary`), and a small rule book (`PlaylistStore`):
  students after school get snacks, commuters in the morning get coffee (the two
  *targeted* rules), everyone at lunchtime gets the lunch deals (a time-only rule), and
  the brand loop plays otherwise.
* **Visitors**: groups of 1-3 arrive as a Poisson process whose rate follows the hour
  (busy at breakfast, lunch and after school; `StoreSettings.visitors_per_day` in all),
  with an audience mix by hour (age group x attire). A group stands in front of the
  camera for a few seconds, then each member shops for a few minutes and pays once.
* **The real player**: `playlists.playback.PlaybackCore` on a `FakeClock`, one run per
  opening day (the kiosk starts at opening and stops at closing), fed an
  `AudienceSnapshot` every 0.5 s while anyone is in front of the screen, so the decision
  engine, the stability rules, the randomised holdout (`holdout_seed` = the run's seed)
  and proof of play run as on a kiosk. It is event-driven: with nobody there and the
  screen settled, the clock jumps to the next item end or arrival (see `_Day`).
* **Receipts**: each visitor buys each category with a propensity by segment and hour.
  The *planted effect*: a visitor who was in front of the screen while a targeted-arm
  play of a rule was on screen (read back from proof of play, not from the simulator's
  own idea of the decision) buys that rule's advertised categories with probability
  `p * (1 + effect)`; everyone else with `p`. Receipts go through the real CSV import
  (`playlists.purchases.import_csv`) and the real `playlists.uplift.measure_uplift`.

**What the estimator can see.** The report compares the share of receipts *paid in the
window after an exposure* that hold the category, targeted against control. Those
receipts include bystanders' (anyone paying in the window, seen the ad or not), so the
effect on that share is the planted per-visitor effect diluted by the share of the
window's receipts that come from visitors who actually saw the targeted ad. To measure
that diluted effect rather than guess it, every run imports a second, *counterfactual*
set of receipts (source `no_effect`): the same visitors with the same random draws, but
no planted effect. The uplift rows of the two sources differ only by the effect, so
`(1 + effect_store) / (1 + effect_no_effect) - 1` is the effect the data holds in that
run (`RowResult.diluted_effect`). `ExperimentSummary` reports coverage of both: of the
planted per-visitor effect (what the issue asks) and of the diluted one.

Nothing about one visitor leaves the run: the temporary folder (database and receipts)
is deleted at its end, and results are counts, rates and intervals per rule.
"""

from __future__ import annotations

import bisect
import csv
import dataclasses
import datetime as dt
import logging
import math
import multiprocessing
import tempfile
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from audience.engine import build_snapshot
from audience.types import AgeGroup, Attire, Gender, SignalState, TimeContext, Visitor
from content.catalog import ContentLibrary
from foundation.clock import FakeClock
from foundation.db import combined_write_transaction, open_database
from foundation.errors import ConfigError
from playlists.decision import AudienceView, DecisionSettings, RuleBook
from playlists.learning import LearningSettings, category_tag
from playlists.playback import PlaybackCore, PlaybackSettings, read_rulebook
from playlists.proof_of_play import ProofOfPlay
from playlists.purchases import import_csv
from playlists.store import PlaylistStore
from playlists.uplift import UpliftSettings, measure_uplift
from playlists.yaml_io import parse_document

log = logging.getLogger(__name__)

STORE_SOURCE = "store"  # the receipts with the planted effect
NO_EFFECT_SOURCE = "no_effect"  # the same receipts without it (the counterfactual)

# --------------------------------------------------------------------------------------
# The store's rule book and content

STORE_RULES_YAML = """\
# The simulated store: two targeted rules, one time-only rule, the brand loop.
default_playlist: brand_loop

playlists:
  - name: brand_loop
    items: [brand_welcome, brand_story]
  - name: after_school_snacks
    items: [snacks_chips, snacks_crisps]
  - name: morning_coffee
    items: [coffee_fresh, coffee_to_go]
  - name: lunch_deals
    items: [lunch_sandwich, lunch_combo]

rules:
  - name: students_after_school
    playlist: after_school_snacks
    priority: 60
    when:
      age_groups: [teen]
      attire: [school_uniform]
      weekdays: mon-fri
      time: ["14:30-18:30"]
  - name: commuters_morning
    playlist: morning_coffee
    priority: 50
    when:
      attire: [business]
      weekdays: mon-fri
      time: ["06:00-10:00"]
  - name: lunchtime
    playlist: lunch_deals
    priority: 10
    when:
      time: ["11:30-13:30"]
"""

# name -> (tag, seconds on screen): the tags map to the receipts' categories through
# `LearningSettings.category_tags` ("BAG SNACKS" -> snacks, "COFFEE" -> coffee,
# "SANDWICHES" -> lunch); the brand items advertise nothing that is sold.
STORE_CONTENT: dict[str, tuple[str, float]] = {
    "brand_welcome": ("brand", 10.0),
    "brand_story": ("brand", 15.0),
    "snacks_chips": ("snacks", 10.0),
    "snacks_crisps": ("snacks", 12.0),
    "coffee_fresh": ("coffee", 10.0),
    "coffee_to_go": ("coffee", 12.0),
    "lunch_sandwich": ("lunch", 12.0),
    "lunch_combo": ("lunch", 10.0),
}

SNACKS, CANDY, SOFT_DRINKS, COFFEE, SANDWICHES, MILK, BREAD = (
    "BAG SNACKS", "CANDY - CHECKLANE", "SOFT DRINKS", "COFFEE", "SANDWICHES", "MILK", "BREAD",
)
CATEGORIES = (SNACKS, CANDY, SOFT_DRINKS, COFFEE, SANDWICHES, MILK, BREAD)
STAPLES = (MILK, BREAD, CANDY)  # what a receipt holds when nothing else was drawn (no ad shows them)
PRICES = {SNACKS: 1.99, CANDY: 0.99, SOFT_DRINKS: 1.49, COFFEE: 1.79, SANDWICHES: 3.49, MILK: 1.19, BREAD: 2.29}
MAX_CATEGORIES_PER_RECEIPT = 5

# --------------------------------------------------------------------------------------
# Who comes, when, and what they buy


@dataclass(frozen=True)
class Shopper:
    """An audience segment of the store: what the camera sees and how the group is made."""

    name: str
    age_group: AgeGroup
    attire: Attire
    group_sizes: tuple[float, float, float]  # probability of a group of 1, 2, 3


SHOPPERS: dict[str, Shopper] = {
    s.name: s
    for s in (
        Shopper("student", AgeGroup.TEEN, Attire.SCHOOL_UNIFORM, (0.45, 0.35, 0.20)),
        Shopper("teen", AgeGroup.TEEN, Attire.CASUAL, (0.55, 0.30, 0.15)),
        Shopper("commuter", AgeGroup.ADULT, Attire.BUSINESS, (0.85, 0.12, 0.03)),
        Shopper("worker", AgeGroup.ADULT, Attire.WORKWEAR, (0.70, 0.22, 0.08)),
        Shopper("young_adult", AgeGroup.YOUNG_ADULT, Attire.CASUAL, (0.70, 0.22, 0.08)),
        Shopper("adult", AgeGroup.ADULT, Attire.CASUAL, (0.75, 0.18, 0.07)),
        Shopper("senior", AgeGroup.SENIOR, Attire.CASUAL, (0.75, 0.22, 0.03)),
    )
}

# The share of a segment's receipts holding each category, before the hour's multiplier.
PROPENSITIES: dict[str, dict[str, float]] = {
    "student": {SNACKS: 0.35, CANDY: 0.30, SOFT_DRINKS: 0.40, COFFEE: 0.03, SANDWICHES: 0.10, MILK: 0.05, BREAD: 0.08},
    "teen": {SNACKS: 0.30, CANDY: 0.25, SOFT_DRINKS: 0.35, COFFEE: 0.05, SANDWICHES: 0.10, MILK: 0.05, BREAD: 0.08},
    "commuter": {SNACKS: 0.08, CANDY: 0.05, SOFT_DRINKS: 0.15, COFFEE: 0.40, SANDWICHES: 0.20, MILK: 0.05, BREAD: 0.10},
    "worker": {SNACKS: 0.10, CANDY: 0.05, SOFT_DRINKS: 0.30, COFFEE: 0.25, SANDWICHES: 0.35, MILK: 0.05, BREAD: 0.10},
    "young_adult": {SNACKS: 0.18, CANDY: 0.08, SOFT_DRINKS: 0.28, COFFEE: 0.15, SANDWICHES: 0.18, MILK: 0.10, BREAD: 0.12},
    "adult": {SNACKS: 0.12, CANDY: 0.06, SOFT_DRINKS: 0.18, COFFEE: 0.18, SANDWICHES: 0.15, MILK: 0.20, BREAD: 0.20},
    "senior": {SNACKS: 0.06, CANDY: 0.05, SOFT_DRINKS: 0.08, COFFEE: 0.15, SANDWICHES: 0.10, MILK: 0.35, BREAD: 0.35},
}


def hour_multiplier(category: str, hour: int) -> float:
    """How the hour changes a category's propensity: coffee at breakfast, sandwiches at lunch."""
    if category == COFFEE:
        return 1.4 if hour < 10 else (0.6 if hour >= 14 else 1.0)
    if category == SANDWICHES:
        return 1.8 if 11 <= hour < 14 else 0.7
    if category == SNACKS:
        return 1.2 if 14 <= hour < 19 else (0.6 if hour < 10 else 1.0)
    return 1.0


# The share of a day's visitors arriving in each hour the store is open (06:00-23:00).
WEEKDAY_HOURS = {6: 3, 7: 6, 8: 8, 9: 5, 10: 4, 11: 6, 12: 10, 13: 7, 14: 4, 15: 7, 16: 9, 17: 8, 18: 7, 19: 6,
                 20: 4, 21: 3, 22: 2}
WEEKEND_HOURS = {6: 1, 7: 2, 8: 4, 9: 6, 10: 7, 11: 8, 12: 10, 13: 9, 14: 8, 15: 8, 16: 8, 17: 7, 18: 7, 19: 6,
                 20: 5, 21: 4, 22: 2}
WEEKEND_VISITORS = 0.85  # a weekend day has this share of a weekday's visitors

# The audience mix by hour: (first hour, last hour + 1) -> weights of the segments.
WEEKDAY_MIX: tuple[tuple[tuple[int, int], dict[str, float]], ...] = (
    ((6, 9), {"commuter": 45, "worker": 20, "adult": 15, "young_adult": 8, "student": 7, "senior": 5}),
    ((9, 11), {"senior": 30, "adult": 35, "worker": 15, "young_adult": 10, "commuter": 10}),
    ((11, 14), {"worker": 30, "commuter": 20, "adult": 25, "young_adult": 15, "senior": 10}),
    ((14, 15), {"adult": 35, "senior": 20, "young_adult": 20, "worker": 15, "student": 10}),
    ((15, 18), {"student": 40, "teen": 10, "adult": 25, "young_adult": 15, "senior": 5, "worker": 5}),
    ((18, 20), {"commuter": 25, "adult": 30, "young_adult": 25, "teen": 10, "worker": 10}),
    ((20, 24), {"young_adult": 40, "adult": 40, "teen": 10, "worker": 10}),
)
WEEKEND_MIX: tuple[tuple[tuple[int, int], dict[str, float]], ...] = (
    ((6, 11), {"adult": 40, "senior": 30, "young_adult": 15, "worker": 15}),
    ((11, 18), {"adult": 35, "young_adult": 25, "teen": 20, "senior": 10, "worker": 10}),
    ((18, 24), {"young_adult": 45, "adult": 40, "teen": 15}),
)


@dataclass(frozen=True)
class StoreSettings:
    """The synthetic store's traffic and behaviour (realistic, not tuned to any result)."""

    visitors_per_day: float = 400.0  # on a weekday; a few hundred is a typical convenience store
    opening_hour: int = 6  # the store (and the screen) open at 06:00 ...
    closing_hour: int = 23  # ... and close at 23:00
    snapshot_every_s: float = 0.5  # the audience engine's snapshot interval
    dwell_median_s: float = 4.0  # in front of the camera (log-normal, clipped to 1-20 s)
    shopping_median_min: float = 4.0  # from leaving the screen to paying (log-normal, 1-20 min)
    age_confidence: tuple[float, float] = (0.75, 0.95)  # the camera's confidence, uniform in this range
    attire_confidence: tuple[float, float] = (0.70, 0.95)


@dataclass(frozen=True)
class ExperimentSettings:
    """One simulated experiment: the planted effect, how long, the holdout, the report's window."""

    effect: float = 0.08  # relative effect of a targeted ad on its category, per exposed visitor
    days: int = 28
    holdout_share: float = 0.10
    window_min: float = 10.0  # the uplift report's attribution window
    min_exposures: int = 30  # the uplift report's: fewer exposures in an arm give no number
    first_day: dt.date = dt.date(2026, 3, 2)  # a Monday
    store: StoreSettings = field(default_factory=StoreSettings)
    learning: LearningSettings = field(default_factory=LearningSettings)

    def check(self) -> None:
        """ConfigError naming the setting when a value cannot give a meaningful experiment."""
        if not math.isfinite(self.effect) or self.effect <= -1.0:
            raise ConfigError(f"--effect: expected a relative effect above -1 (e.g. 0.08 for +8%), got {self.effect}")
        highest = max(_highest_propensity(category) for category in _advertised_by_targeted_rules(self.learning))
        if highest * (1.0 + self.effect) > 1.0:
            raise ConfigError(
                f"--effect: {self.effect:+g} would make a propensity of {highest:.2f} exceed 1;"
                f" use at most {1.0 / highest - 1.0:.2f}"
            )
        if self.days < 1:
            raise ConfigError(f"--days: expected 1 or more days, got {self.days}")
        if not 0.0 < self.holdout_share < 1.0:
            raise ConfigError(f"--holdout-share: expected a share between 0 and 1 (exclusive), got {self.holdout_share}")
        if not (math.isfinite(self.window_min) and self.window_min > 0):
            raise ConfigError(f"--window-min: expected a positive number of minutes, got {self.window_min}")
        if not (math.isfinite(self.store.visitors_per_day) and self.store.visitors_per_day > 0):
            raise ConfigError(f"--visitors-per-day: expected a positive number, got {self.store.visitors_per_day}")


def _highest_propensity(category: str) -> float:
    return max(PROPENSITIES[s][category] * hour_multiplier(category, h) for s in PROPENSITIES for h in range(24))


# --------------------------------------------------------------------------------------
# Results


@dataclass(frozen=True)
class RowResult:
    """One uplift row (rule, advertised category) of one run, against what was planted."""

    rule: str
    category: str
    targeted_exposures: int
    control_exposures: int
    effect: float | None  # the report's estimate
    interval: tuple[float, float] | None
    diluted_effect: float | None  # the effect the data holds (against the counterfactual receipts)
    problem: str | None

    def covers(self, value: float) -> bool | None:
        """Whether the 95 % interval holds `value` (None: the row has no interval)."""
        if self.interval is None:
            return None
        return self.interval[0] <= value <= self.interval[1]


@dataclass(frozen=True)
class RunResult:
    """What one seed's store did and what the uplift report said about it."""

    seed: int
    effect: float
    days: int
    visitors: int
    exposed_visitors: int  # in front of the screen during a targeted-arm play
    receipts: int
    targeted_plays: int  # proof of play rows by arm
    control_plays: int
    targeted_runs: int  # holdout runs (the randomised unit) by arm, with someone in front of the screen
    control_runs: int
    rows: tuple[RowResult, ...]
    seconds: float  # wall time of the run (measured, decides nothing)

    @property
    def control_play_share(self) -> float | None:
        """The control arm's share of the plays with an arm (the holdout share, ideally)."""
        total = self.targeted_plays + self.control_plays
        return self.control_plays / total if total else None

    @property
    def control_run_share(self) -> float | None:
        """The control arm's share of the holdout runs with an audience (the holdout share, ideally)."""
        total = self.targeted_runs + self.control_runs
        return self.control_runs / total if total else None

    def line(self) -> str:
        """One line per seed (`-v`): the estimates against the planted effect."""
        parts = [(
            f"seed {self.seed}: {self.visitors} visitors, {self.receipts} receipts, "
            f"{self.exposed_visitors} saw a targeted ad, holdout runs {self.targeted_runs} targeted / "
            f"{self.control_runs} control, plays {self.targeted_plays} / {self.control_plays}"
        )]
        for row in self.rows:
            if row.interval is None:
                parts.append(f"{row.rule}/{row.category}: no estimate ({row.problem})")
                continue
            diluted = "" if row.diluted_effect is None else f", diluted {row.diluted_effect:+.1%}"
            parts.append(
                f"{row.rule}/{row.category}: {row.effect:+.1%} ({row.interval[0]:+.1%} to {row.interval[1]:+.1%})"
                f"{diluted}, exposures {row.targeted_exposures}/{row.control_exposures}"
            )
        return "; ".join(parts) + f" [{self.seconds:.1f} s]"


@dataclass(frozen=True)
class RowSummary:
    """One (rule, category) over all runs."""

    rule: str
    category: str
    runs: int  # runs with an interval
    runs_without_interval: int
    mean_effect: float | None  # mean estimate
    mean_diluted_effect: float | None  # mean effect the data holds
    mean_half_width: float | None  # half the interval's width, on average
    covers_planted: float | None
    covers_diluted: float | None
    excludes_zero: float | None


@dataclass(frozen=True)
class ExperimentSummary:
    """Coverage and false positives over seeds (every targeted rule's row of every run counts)."""

    settings: ExperimentSettings
    runs: tuple[RunResult, ...]
    rows: tuple[RowSummary, ...]
    coverage: float | None  # share of intervals covering the planted effect
    false_positives: float | None  # share of intervals excluding 0
    diluted_coverage: float | None  # share covering the mean diluted effect of its row
    intervals: int
    without_interval: int
    seconds: float

    def lines(self) -> list[str]:
        """The summary in plain words; the last line is `coverage C, false positives F`."""
        s = self.settings
        lines = [(
            f"planted effect {s.effect:+.1%} on the advertised category of each targeted rule; "
            f"{len(self.runs)} seeds x {s.days} days, {s.store.visitors_per_day:g} visitors a weekday, "
            f"holdout {s.holdout_share:.0%}, window {s.window_min:g} min"
        )]
        runs = [r.control_run_share for r in self.runs if r.control_run_share is not None]
        if runs:
            lines.append(f"control share of the holdout runs: {np.mean(runs):.3f} (holdout share {s.holdout_share:g})")
        exposed = sum(r.exposed_visitors for r in self.runs) / max(1, sum(r.visitors for r in self.runs))
        lines.append(f"{exposed:.1%} of visitors saw a targeted ad")
        for row in self.rows:
            if row.runs == 0:
                lines.append(f"{row.rule} / {row.category}: no interval in any run")
                continue
            lines.append(
                f"{row.rule} / {row.category}: mean estimate {row.mean_effect:+.1%}, effect the data holds "
                f"(diluted by bystanders' receipts) {row.mean_diluted_effect:+.1%}, interval +-{row.mean_half_width:.1%} "
                f"on average; covers the planted effect in {row.covers_planted:.2f}, the diluted one in "
                f"{row.covers_diluted:.2f}, excludes 0 in {row.excludes_zero:.2f} of {row.runs} runs"
                + (f" ({row.runs_without_interval} runs without an interval)" if row.runs_without_interval else "")
            )
        if self.diluted_coverage is not None:
            lines.append(f"coverage of the diluted effect {self.diluted_coverage:.2f}")
        per_run = self.seconds / max(1, len(self.runs))
        lines.append(f"{self.seconds:.1f} s in all, {per_run:.1f} s per seed of {s.days} days")
        lines.append(self.last_line())
        return lines

    def last_line(self) -> str:
        """`coverage C, false positives F` (shares, 2 decimals; `n/a` without any interval)."""
        def share(value: float | None) -> str:
            return "n/a" if value is None else f"{value:.2f}"

        return f"coverage {share(self.coverage)}, false positives {share(self.false_positives)}"


# --------------------------------------------------------------------------------------
# Running the experiment


def run_experiment(
    settings: ExperimentSettings,
    seeds: Sequence[int],
    *,
    effects: Sequence[float] | None = None,
    jobs: int = 1,
    on_run: Callable[[RunResult], None] | None = None,
) -> tuple[ExperimentSummary, ...]:
    """Simulate one store per seed (`jobs` processes at a time) and summarise coverage.

    `effects` (default: `settings.effect` alone) are planted in turn on the same stores:
    the store, its visitors and what the player showed do not depend on the effect, so
    each seed plays once and only the receipts are drawn again (with the same random
    draws). One summary per effect, in order; `on_run` is called with each run's results,
    in the order of `seeds`.
    """
    effects = tuple(effects) if effects is not None else (settings.effect,)
    for effect in effects:
        dataclasses.replace(settings, effect=effect).check()
    if jobs < 1:
        raise ConfigError(f"--jobs: expected 1 or more processes, got {jobs}")
    started = time.perf_counter()  # measures only: the report's seconds
    per_seed: list[tuple[RunResult, ...]] = []

    def done(results: tuple[RunResult, ...]) -> None:
        per_seed.append(results)
        if on_run is not None:
            for result in results:
                on_run(result)

    if jobs == 1 or len(seeds) == 1:
        for seed in seeds:
            done(simulate_run(seed, settings, effects))
    else:
        # Runs are independent; spawn (not fork) so a worker never inherits a caller's
        # threads or open database connections.
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
            for results in pool.map(simulate_run, seeds, [settings] * len(seeds), [effects] * len(seeds)):
                done(results)
    seconds = time.perf_counter() - started
    return tuple(
        summarise(dataclasses.replace(settings, effect=effect), [results[i] for results in per_seed], seconds)
        for i, effect in enumerate(effects)
    )


def summarise(settings: ExperimentSettings, results: Sequence[RunResult], seconds: float) -> ExperimentSummary:
    """Coverage of the planted and of the diluted effect, and the share of intervals excluding 0."""
    by_row: dict[tuple[str, str], list[RowResult]] = {}
    for result in results:
        for row in result.rows:
            by_row.setdefault((row.rule, row.category), []).append(row)
    summaries = []
    planted_hits = zero_hits = diluted_hits = intervals = without = 0
    for (rule, category), rows in sorted(by_row.items()):
        estimated = [r for r in rows if r.interval is not None]
        without += len(rows) - len(estimated)
        if not estimated:
            summaries.append(RowSummary(rule, category, 0, len(rows), None, None, None, None, None, None))
            continue
        diluted_values = [r.diluted_effect for r in estimated if r.diluted_effect is not None]
        diluted = float(np.mean(diluted_values)) if diluted_values else settings.effect
        planted = sum(bool(r.covers(settings.effect)) for r in estimated)
        zero = sum(not r.covers(0.0) for r in estimated)
        hits_diluted = sum(bool(r.covers(diluted)) for r in estimated)
        planted_hits += planted
        zero_hits += zero
        diluted_hits += hits_diluted
        intervals += len(estimated)
        n = len(estimated)
        summaries.append(
            RowSummary(
                rule, category, n, len(rows) - n,
                float(np.mean([r.effect for r in estimated])), diluted,
                float(np.mean([(r.interval[1] - r.interval[0]) / 2 for r in estimated])),
                planted / n, hits_diluted / n, zero / n,
            )
        )
    return ExperimentSummary(
        settings, tuple(results), tuple(summaries),
        planted_hits / intervals if intervals else None,
        zero_hits / intervals if intervals else None,
        diluted_hits / intervals if intervals else None,
        intervals, without, seconds,
    )


def simulate_run(seed: int, settings: ExperimentSettings, effects: Sequence[float] | None = None) -> tuple[RunResult, ...]:
    """One store, `settings.days` days, on the real player and the real uplift report.

    One result per effect in `effects` (default: `settings.effect`), each from receipts
    with that effect planted, drawn with the same random numbers.
    """
    effects = tuple(effects) if effects is not None else (settings.effect,)
    for effect in effects:
        dataclasses.replace(settings, effect=effect).check()
    started = time.perf_counter()  # measures only
    results = []
    with tempfile.TemporaryDirectory(prefix="signage-experiment-") as folder:
        db = open_database(Path(folder) / "signage.db")
        try:
            book = build_store(db)
            groups = arriving_groups(np.random.default_rng([seed, 0]), settings)
            proof = play_days(db, settings, seed, groups)
            played_s = time.perf_counter() - started
            origin = dt.datetime.combine(settings.first_day, dt.time())
            plays = proof.plays()
            exposures = _targeted_exposures(plays, origin)
            advertised = advertised_categories(book, settings.learning)
            targeted = sum(1 for p in plays if p.arm == "targeted")
            control = sum(1 for p in plays if p.arm == "control")
            runs = [r for r in proof.holdout_runs() if r.group_size > 0]
            targeted_runs = sum(1 for r in runs if r.arm == "targeted")
            control_runs = len(runs) - targeted_runs
            uplift = UpliftSettings(window_min=settings.window_min, min_exposures=settings.min_exposures)
            end = origin + dt.timedelta(days=settings.days)

            def measure(effect: float, source: str) -> tuple:
                path = Path(folder) / f"{source}.csv"
                # The same generator seed for every effect: the receipts differ only by it.
                counts = write_receipts(
                    np.random.default_rng([seed, 1]), effect, groups, exposures, advertised, origin, path
                )
                import_csv(db, path, source=source)
                report = measure_uplift(db, origin, end, source=source, settings=uplift, learning=settings.learning)
                return counts, report

            _, without = measure(0.0, NO_EFFECT_SOURCE)
            for index, effect in enumerate(effects):
                effect_started = time.perf_counter()
                (visitors, exposed_visitors), store = measure(effect, f"{STORE_SOURCE}{index}")
                results.append(
                    RunResult(
                        seed, effect, settings.days, visitors, exposed_visitors, visitors, targeted, control,
                        targeted_runs, control_runs,
                        _rows(store, without, book), played_s + time.perf_counter() - effect_started,
                    )
                )
        finally:
            db.close()
    return tuple(results)


def _rows(store, without, book: RuleBook) -> tuple[RowResult, ...]:
    """The targeted rules' rows, each with the effect the data holds against the counterfactual."""
    baseline = {(row.rule, row.category): row for row in without.rows}
    rows = []
    for row in store.rows:
        if row.rule not in book.targeted_rules:
            continue
        other = baseline.get((row.rule, row.category))
        diluted = None
        if row.effect is not None and other is not None and other.effect is not None and other.effect > -1.0:
            diluted = (1.0 + row.effect) / (1.0 + other.effect) - 1.0
        rows.append(
            RowResult(
                row.rule, row.category, row.targeted_exposures, row.control_exposures, row.effect,
                None if row.interval is None else (float(row.interval[0]), float(row.interval[1])),
                diluted, row.problem,
            )
        )
    return tuple(rows)


# --------------------------------------------------------------------------------------
# The store


def build_store(db) -> RuleBook:
    """The store's content and rules in `db` (through the real catalog and store); returns the book."""
    library = ContentLibrary(db)
    for name, (tag, duration_s) in STORE_CONTENT.items():
        library.add_text(name, name.replace("_", " "), duration_s=duration_s, tags=[tag])
    document = parse_document(STORE_RULES_YAML, "simulated store", known_content=library.items_by_name())
    PlaylistStore(db).replace_all(document, author="experiment")
    return read_rulebook(db)


def play_days(
    db, settings: ExperimentSettings, seed: int, groups: dict[int, list[Group]],
    trace: Callable[[dict], None] | None = None,
) -> ProofOfPlay:
    """Every opening day of the store on the real playback core; returns its proof of play.

    The holdout is seeded with `seed`; `trace` gets the core's trace lines (decisions with
    their arm, plays, ends), in order.
    """
    decision = DecisionSettings(holdout_share=settings.holdout_share, holdout_seed=seed)
    proof = ProofOfPlay(db)
    for day in range(settings.days):
        date = settings.first_day + dt.timedelta(days=day)
        _Day(db, proof, settings, decision, date, groups.get(day, []), trace).run()
    return proof


def advertised_categories(book: RuleBook, learning: LearningSettings) -> dict[str, frozenset[str]]:
    """Targeted rule -> the receipts' categories its playlist's items are tagged with."""
    result = {}
    for rule in book.rules:
        if rule.name not in book.targeted_rules:
            continue
        playlist = book.playlists[rule.playlist]
        tags = {tag for item in playlist.items for tag in book.content[item.content].tags}
        result[rule.name] = frozenset(c for c in CATEGORIES if category_tag(c, learning) in tags)
    return result


def _advertised_by_targeted_rules(learning: LearningSettings) -> set[str]:
    """The categories the targeted rules advertise (the store built in memory)."""
    db = open_database(None)
    try:
        return set().union(*advertised_categories(build_store(db), learning).values())
    finally:
        db.close()


@dataclass(frozen=True)
class Group:
    """Visitors who arrive together: in front of the camera from `arrival_s` for `dwell_s`.

    Times are seconds from midnight of the experiment's first day. Lives only in memory.
    """

    day: int
    arrival_s: float
    dwell_s: float
    shopper: str
    visitors: tuple[Visitor, ...]  # their looks; dwell and attention are set per snapshot
    attention_share: float  # of the dwell, with the face toward the screen
    shopping_s: tuple[float, ...]  # per member, from leaving the screen to paying

    @property
    def leave_s(self) -> float:
        """When the group leaves the camera's view."""
        return self.arrival_s + self.dwell_s


def arriving_groups(rng: np.random.Generator, settings: ExperimentSettings) -> dict[int, list[Group]]:
    """Every group of every day (day index -> groups by arrival): Poisson arrivals by hour."""
    store = settings.store
    groups: dict[int, list[Group]] = {}
    track = 0
    for day in range(settings.days):
        date = settings.first_day + dt.timedelta(days=day)
        weekend = date.weekday() >= 5
        hours = WEEKEND_HOURS if weekend else WEEKDAY_HOURS
        per_day = store.visitors_per_day * (WEEKEND_VISITORS if weekend else 1.0)
        total_weight = sum(hours.values())
        day_groups = []
        for hour in range(store.opening_hour, store.closing_hour):
            mix = _mix(WEEKEND_MIX if weekend else WEEKDAY_MIX, hour)
            names = sorted(mix)
            weights = np.array([mix[n] for n in names], dtype=float)
            weights /= weights.sum()
            mean_size = sum(weights[i] * _mean_group_size(SHOPPERS[n]) for i, n in enumerate(names))
            visitors_expected = per_day * hours.get(hour, 0) / total_weight
            count = int(rng.poisson(visitors_expected / mean_size))
            for offset in np.sort(rng.uniform(0.0, 3600.0, size=count)):
                shopper = SHOPPERS[names[int(rng.choice(len(names), p=weights))]]
                size = int(rng.choice(3, p=shopper.group_sizes)) + 1
                members = []
                for _ in range(size):
                    track += 1
                    members.append(_looks(rng, track, shopper, store))
                dwell = float(np.clip(rng.lognormal(math.log(store.dwell_median_s), 0.5), 1.0, 20.0))
                shopping = tuple(
                    float(np.clip(rng.lognormal(math.log(store.shopping_median_min * 60.0), 0.5), 60.0, 1200.0))
                    for _ in range(size)
                )
                day_groups.append(
                    Group(day, day * 86400.0 + hour * 3600.0 + float(offset), dwell, shopper.name, tuple(members),
                          float(rng.uniform(0.2, 0.8)), shopping)
                )
        groups[day] = day_groups
    return groups


def _mix(table, hour: int) -> dict[str, float]:
    for (first, end), weights in table:
        if first <= hour < end:
            return weights
    return table[-1][1]


def _mean_group_size(shopper: Shopper) -> float:
    return sum((i + 1) * p for i, p in enumerate(shopper.group_sizes))


_NEIGHBOUR = {AgeGroup.TEEN: AgeGroup.YOUNG_ADULT, AgeGroup.YOUNG_ADULT: AgeGroup.ADULT,
              AgeGroup.ADULT: AgeGroup.MIDDLE_AGED, AgeGroup.SENIOR: AgeGroup.MIDDLE_AGED}


def _looks(rng: np.random.Generator, track: int, shopper: Shopper, store: StoreSettings) -> Visitor:
    """A visitor as the audience engine would report them: a confident age group and attire."""
    age_confidence = float(rng.uniform(*store.age_confidence))
    attire_confidence = float(rng.uniform(*store.attire_confidence))
    group = shopper.age_group
    return Visitor(
        track_id=track,
        xyxy=(0.0, 0.0, 80.0, 80.0),
        first_seen_ts=0.0,
        last_seen_ts=0.0,
        dwell_s=0.0,
        attention_s=0.0,
        age_group=group,
        age_group_confidence=age_confidence,
        age_group_probabilities={group.value: age_confidence, _NEIGHBOUR[group].value: 1.0 - age_confidence},
        age_years=None,
        gender=Gender.UNKNOWN,
        gender_confidence=0.0,
        attire=shopper.attire,
        attire_confidence=attire_confidence,
        face_samples=5,
    )


class _Day:
    """One opening day of the kiosk: the real playback core, driven event by event.

    Snapshots every `snapshot_every_s` while anyone is in front of the screen, and while
    the screen is *unsettled* (what plays is not what the latest decision wants, or a
    switch waits for the item's end): a live engine sends them all the time, and the
    stability rules need recent decisions to confirm a switch. With nobody there and the
    screen settled, nothing a snapshot could say changes, so the clock jumps to the next
    item end or arrival. At an item end with nobody there, when the rules would now
    decide another playlist for nobody (`PlaybackCore.decide_for`: a time-only rule's
    hours began or ended), snapshots of nobody resume until the switch is made: the
    lunch deals start at the first item end after 11:30, where a live kiosk starts them
    about 1.5 s after 11:30. The core runs in replay mode: its audience is the latest
    snapshot, never "stale" over a jump a live engine would have filled with snapshots.
    """

    def __init__(self, db, proof: ProofOfPlay, settings: ExperimentSettings, decision: DecisionSettings,
                 date: dt.date, groups: list[Group], trace: Callable[[dict], None] | None = None) -> None:
        self.settings = settings
        self.date = date
        self.groups = groups
        midnight = dt.datetime.combine(date, dt.time())
        store = settings.store
        self.open_s = store.opening_hour * 3600.0
        self.close_s = store.closing_hour * 3600.0
        self.day_offset_s = (date - settings.first_day).days * 86400.0  # group times -> this day's clock
        self.clock = FakeClock(self.open_s, start=midnight)
        self.db = db
        self.core = PlaybackCore(
            db, PlaybackSettings(decision=decision, replay=True), self.clock, proof=proof, trace=trace
        )

    def run(self) -> None:
        """Play the day from opening to closing, its proof of play committed at closing.

        (One commit per day instead of one per record, through the database's own
        `combined_write_transaction`: a day has some 15,000 records, whose commits took
        half of the run's time; the rows written are the same.)
        """
        with combined_write_transaction(self.db):
            self._play()

    def _play(self) -> None:
        core, clock, step = self.core, self.clock, self.settings.store.snapshot_every_s
        core.start()
        present: list[Group] = []
        waiting = 0  # index of the next group to arrive
        arrivals = [g.arrival_s - self.day_offset_s for g in self.groups]
        next_snapshot: float | None = self.open_s
        infinity = math.inf
        for _ in range(10_000_000):  # bounded: a day is at most ~2.5 million steps
            due = core.due_s()
            due = infinity if due is None else due
            arrival = arrivals[waiting] if waiting < len(arrivals) else infinity
            wake = next_snapshot if next_snapshot is not None else arrival
            now = min(wake, due, self.close_s)
            if now >= self.close_s:
                break
            clock.advance_to(now)
            if due <= now:
                core.advance()
            if next_snapshot is None:
                # Idle: a group arrives, or an item ended with nobody there and the rules now
                # want another playlist for nobody (a time-only rule's hour began or ended).
                take = arrival <= now or (due <= now and self._nobody_wants_a_change(now))
            else:
                take = now >= next_snapshot
            if not take:
                continue
            while waiting < len(arrivals) and arrivals[waiting] <= now:
                present.append(self.groups[waiting])
                waiting += 1
            present = [g for g in present if g.leave_s - self.day_offset_s > now]
            visitors = self._visitors(present, now)
            when = clock.wall_time(now)
            core.on_snapshot(build_snapshot(now, TimeContext.of(when), SignalState.OK, visitors, 0))
            if present or self._unsettled():
                next_snapshot = now + step
            else:
                next_snapshot = None
        core.finish(self.close_s)

    def _visitors(self, present: list[Group], now: float) -> tuple[Visitor, ...]:
        visitors = []
        for group in present:
            seen_s = now - (group.arrival_s - self.day_offset_s)
            for looks in group.visitors:
                visitors.append(
                    dataclasses.replace(
                        looks, first_seen_ts=now - seen_s, last_seen_ts=now, dwell_s=seen_s,
                        attention_s=seen_s * group.attention_share,
                    )
                )
        return tuple(visitors)

    def _nobody_wants_a_change(self, now: float) -> bool:
        """Whether a snapshot of nobody would now decide for another playlist than the one playing."""
        core = self.core
        wanted = core.decide_for(AudienceView.nobody(), self.clock.wall_time(now)).playlist
        return wanted != core.schedule.decision.playlist

    def _unsettled(self) -> bool:
        core = self.core
        wanted = core.decision.playlist if core.decision is not None else None
        return wanted != core.schedule.decision.playlist or core.schedule.switcher.queued is not None


# --------------------------------------------------------------------------------------
# Receipts


def _targeted_exposures(plays, origin: dt.datetime) -> tuple[list[float], list[tuple[float, float, str]]]:
    """Targeted-arm plays from proof of play as (start, end, rule) in seconds from `origin`, by start."""
    spans = sorted(
        ((p.started_at - origin).total_seconds(), (p.ended_at - origin).total_seconds(), p.arm_rule)
        for p in plays
        if p.arm == "targeted" and p.ended_at is not None and p.arm_rule is not None
    )
    return [s[0] for s in spans], spans


def _rules_seen(group: Group, exposures, longest_play_s: float) -> set[str]:
    """The rules whose targeted-arm play was on screen while `group` stood in front of it."""
    starts, spans = exposures
    seen = set()
    # Plays that started before the group left and may still have been on when it came.
    first = bisect.bisect_left(starts, group.arrival_s - longest_play_s)
    last = bisect.bisect_left(starts, group.leave_s)
    for start, end, rule in spans[first:last]:
        if end > group.arrival_s and start < group.leave_s:
            seen.add(rule)
    return seen


def write_receipts(
    rng: np.random.Generator,
    effect: float,
    groups: dict[int, list[Group]],
    exposures,
    advertised: dict[str, frozenset[str]],
    origin: dt.datetime,
    path: Path,
) -> tuple[int, int]:
    """Each visitor's receipt as CSV lines at `path`, with `effect` planted; (visitors, of them exposed).

    A visitor who stood in front of the screen during a targeted-arm play of a rule buys
    that rule's advertised categories with probability `p * (1 + effect)`. The random
    draws do not depend on `effect` (one per visitor and category, one for the staple),
    so the same generator seed gives receipts that differ only by the effect.
    """
    spans = exposures[1]
    longest = max((end - start for start, end, _ in spans), default=0.0)
    visitors = exposed_visitors = 0
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(["timestamp", "basket_id", "product", "category", "quantity", "amount"])
        for day in sorted(groups):
            for group in groups[day]:
                boosted: set[str] = set()
                for rule in _rules_seen(group, exposures, longest):
                    boosted |= advertised.get(rule, frozenset())
                for member, shopping_s in enumerate(group.shopping_s):
                    visitors += 1
                    exposed_visitors += bool(boosted)
                    paid = origin + dt.timedelta(seconds=round(group.leave_s + shopping_s))
                    draws = rng.random(len(CATEGORIES))
                    staple = STAPLES[int(rng.integers(len(STAPLES)))]
                    basket = f"r{day:03d}-{group.arrival_s:.0f}-{member}"
                    stamp = paid.strftime("%Y-%m-%d %H:%M:%S")
                    for category in _basket(group.shopper, paid.hour, draws, boosted, effect, staple):
                        writer.writerow([stamp, basket, category.lower(), category, 1, PRICES[category]])
    return visitors, exposed_visitors


def _basket(shopper: str, hour: int, draws: np.ndarray, boosted: set[str], effect: float, staple: str) -> list[str]:
    """The categories of one receipt: each drawn with its propensity (times 1 + effect when boosted).

    A receipt holds at least one category (a staple no ad shows when nothing else was
    drawn) and at most `MAX_CATEGORIES_PER_RECEIPT` (staples go first), so an advertised
    category's probability is exactly `p` or `p * (1 + effect)`.
    """
    bought = []
    for category, draw in zip(CATEGORIES, draws, strict=True):
        p = PROPENSITIES[shopper][category] * hour_multiplier(category, hour)
        if category in boosted:
            p *= 1.0 + effect
        if draw < p:
            bought.append(category)
    if not bought:
        bought.append(staple)
    for category in reversed(STAPLES):
        if len(bought) <= MAX_CATEGORIES_PER_RECEIPT:
            break
        if category in bought:
            bought.remove(category)
    return bought
