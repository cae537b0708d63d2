"""Does targeting sell? The randomised holdout's exposures joined with the store's receipts.

**Exposures.** When a targeted rule wins, the holdout (`playlists.holdout`) draws an arm
once per run of the rule's wins, and proof of play logs each run as drawn
(`holdout_runs`), besides the arm on every play. An *exposure* is one such run: the
randomised unit, timed at its first decision, counted whatever the screen then did
(intention to treat). Counting plays instead would lose, in the control arm only, the
runs whose control was already on screen and whose visitors left before the next item
began. Only runs with someone in front of the screen count.

**Receipts.** From the purchase tables (`playlists.purchases`), in the same local time:
a receipt's time is its first line's timestamp, its categories those of its lines. Only
the needed stretch is read (whole days of the exposures, up to the window after the
last), in SQL.

**Attribution.** A receipt goes to the latest exposure (of any targeted rule, either
arm) that started at most `window_min` minutes before it (the edge included); receipts
no exposure precedes that closely are not used. Each receipt belongs to at most one
exposure, so the exposures are disjoint clusters of receipts. Exposures on days without
a single receipt are left out (the receipts of that day are missing, not zero).

**What the estimate means.** The till cannot say who saw the screen: the receipts in the
window after an exposure are those of the visitors who saw it *and* of every other
shopper paying then (bystanders), and some of those saw an earlier exposure. So the
number is the effect of showing the targeted playlist instead of the control on the
share of receipts holding the category in the window after an exposure: the effect on
the people who saw the ad, diluted by the share of receipts in the window that are not
theirs. It is an honest causal estimate of that (the arm is drawn at random, so
bystanders and time of day are the same in both arms on average), and a lower bound, in
size, of the effect on the viewers themselves.

**Interval.** Per arm, the rate is a ratio estimator (receipts with the category over
attributed receipts, summed over exposures). Receipts of one exposure are correlated
(the same minutes, the same groups, the same visitors), so the variance is the
cluster-robust (linearised) variance of the ratio over exposures, and the 95% interval
is the delta method on the log of the ratio of the two rates, exponentiated: it can be
asymmetric and never goes below -100%. `tests/playlists/test_uplift.py` checks its
coverage on clustered data with a known effect.

**Days needed.** From the receipts per day in each arm, the control rate and the design
effect (the clustered variance over the variance of as many independent receipts), the
days for a two-sided 5% test to detect `detect_effect` with probability `power`, minus
the days already there.

**Bad input** becomes sentences: report-wide in `UpliftReport.problems` (no exposures,
no receipts, receipts that do not overlap the exposures, clocks that disagree, a rule
whose playlist's tags match no category, a control share of a rule's exposures too far
from `holdout_share` to be chance), per row in `UpliftRow.problem` (too few
exposures in an arm, no receipts with the category in an arm).
"""

from __future__ import annotations

import datetime as dt
import logging
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from statistics import NormalDist
from typing import ClassVar

import numpy as np
from sqlite_utils import Database

from audience.settings import Range, between, check_ranges
from content.catalog import ContentLibrary
from foundation.db import read_transaction
from foundation.errors import NotFoundError, ValidationError
from foundation.i18n import tr
from playlists.codec import suggest_names
from playlists.decision import RuleBook
from playlists.learning import LearningSettings, category_tag
from playlists.learning import (
    _signed_percent as _percent,  # +10%, -2%, +0%: the words learning uses too
)
from playlists.model import Playlist, Rule
from playlists.proof_of_play import ProofOfPlay, time_range
from playlists.purchases import ensure_schema
from playlists.store import PlaylistStore

log = logging.getLogger(__name__)

CONFIDENCE = 0.95
_Z = NormalDist().inv_cdf(0.5 + CONFIDENCE / 2)  # 1.96
TEST_ALPHA = 0.05  # two-sided, for the days needed
# A control share of exposures this many standard errors from the holdout share (two-sided
# p = 0.001) is not chance: the arms are not logged alike (a "sample ratio mismatch").
SAMPLE_RATIO_Z = 3.29

# Clocks that disagree. A receipt normally follows the visit it pays for by a few minutes:
# receipts mostly in hours the camera saw nobody, or receipt counts that follow the visitor
# counts best at a negative lag or one much longer than a shopping trip, mean that the till
# and the player do not keep the same local time (a time zone, daylight saving, a wrong clock).
MAX_RECEIPTS_IN_EMPTY_HOURS = 0.20  # share of receipts (on days the player ran) in hours it saw nobody
MIN_RECEIPTS_FOR_CLOCK_CHECK = 50
CLOCK_BIN_MIN = 5  # receipts and visitors are counted per 5 minutes for the lag
MAX_LAG_SCANNED_MIN = 180  # lags tried, each way: a time zone off by up to 3 hours shows
PLAUSIBLE_LAG_MIN = (-10, 45)  # a receipt 0-45 minutes after the visit, one bin of slack before
# The best lag counts only when its correlation stands clear of noise (sd about 1/sqrt(bins)
# for series without a link): above 4 sd, and 2 sd above the best plausible lag.
LAG_SIGNAL_SD = 4.0
LAG_MARGIN_SD = 2.0

_TIME_FORMAT = "%Y-%m-%d %H:%M:%S"  # purchase_lines.ts


@dataclass(frozen=True)
class UpliftSettings:
    """How receipts are attributed and when a number is said (`measure_uplift`)."""

    window_min: float = 10.0  # receipts this long after an exposure count for it
    min_exposures: int = 30  # per arm; fewer -> a sentence, no number
    detect_effect: float = 0.05  # "how many more days to be sure of +5%" (relative)
    power: float = 0.8  # the chance of detecting `detect_effect` the days needed give
    # The player's decision.holdout_share, when known: the share of exposures in the control
    # arm is checked against it (None: not checked).
    holdout_share: float | None = None

    RANGES: ClassVar[dict[str, Range]] = {
        "holdout_share": Range(0, 1),
        "window_min": Range(0, 24 * 60, low_open=True),
        "min_exposures": between(2, 10**9),
        "detect_effect": Range(0, 10, low_open=True),
        "power": Range(TEST_ALPHA / 2, 1, low_open=True, high_open=True),
    }

    def check(self, where: str = "uplift") -> None:
        """Ranges; ConfigError names the key."""
        check_ranges(self, where)


@dataclass(frozen=True)
class UpliftRow:
    """One (rule, category): the two arms' receipts and the effect, or why there is none."""

    rule: str
    category: str
    targeted_exposures: int
    control_exposures: int
    targeted_receipts: int  # receipts attributed to each arm
    control_receipts: int
    targeted_rate: float | None  # share of those receipts with the category
    control_rate: float | None
    effect: float | None  # relative: targeted_rate / control_rate - 1
    interval: tuple[float, float] | None  # 95 %
    days: float  # days of data the row rests on (days with exposures of the rule and receipts)
    more_days_needed: float | None  # to detect settings.detect_effect with settings.power
    problem: str | None  # a sentence instead of a number (too few exposures...)
    targeted_with_category: int = 0  # receipts of each arm holding the category (the rates' numerators)
    control_with_category: int = 0
    rule_note: str = ""  # the rule's own description, when it has a short one
    advertised: bool = True  # False: a category asked for (--category) that the rule's playlist does not show
    design_effect: float | None = None  # clustered variance / variance of as many independent receipts
    window_min: float = UpliftSettings.window_min
    detect_effect: float = UpliftSettings.detect_effect

    @property
    def label(self) -> str:
        """The rule's name, with its description when it has a short one."""
        return f"{self.rule} ({self.rule_note})" if self.rule_note else self.rule

    def sentence(self) -> str:
        """Plain words, e.g. "students_after_school (Students on their way home from school):
        BAG SNACKS bought in 14.2% of receipts within 10 minutes after the targeted ad, 12.9%
        after the control; +10% (-2% to +23%), 19 days; about 30 more days to be sure of +5%"."""
        category = self.category if self.advertised else tr(
            "uplift", "{category} (not advertised by this rule)", category=self.category)
        head = tr("uplift", "{rule}: {category}", rule=self.label, category=category)
        if self.problem is not None:
            return tr("uplift", "{head}: {problem}", head=head, problem=self.problem)
        sentence = tr(
            "uplift", "{head} bought in {targeted} of receipts within {minutes} minutes after the targeted ad, "
            "{control} after the control; {effect} ({low} to {high}), {days}",
            head=head, targeted=f"{self.targeted_rate:.1%}", minutes=f"{self.window_min:g}",
            control=f"{self.control_rate:.1%}", effect=_percent(self.effect), low=_percent(self.interval[0]),
            high=_percent(self.interval[1]), days=tr("uplift", "%n days", n=round(self.days)),
        )
        if self.more_days_needed is None:
            return sentence
        if self.more_days_needed <= 0:
            return tr("uplift", "{sentence}; enough days already to be sure of {effect}",
                      sentence=sentence, effect=_percent(self.detect_effect))
        return tr("uplift", "{sentence}; about %n more days to be sure of {effect}", n=math.ceil(self.more_days_needed),
                  sentence=sentence, effect=_percent(self.detect_effect))


@dataclass(frozen=True)
class UpliftReport:
    """The uplift of every targeted rule with exposures in [start, end), per advertised category."""

    start: dt.datetime | None  # the period asked for, else the plays' first start (None: no plays at all)
    end: dt.datetime | None  # exclusive; else just after the plays' last start
    rows: tuple[UpliftRow, ...]
    problems: tuple[str, ...]  # report-wide sentences (receipts do not overlap, clocks disagree)
    window_min: float = UpliftSettings.window_min
    exposures: int = 0  # exposures counted (someone there, on a day with receipts)
    receipts: int = 0  # receipts read
    attributed_receipts: int = 0  # of them, attributed to an exposure


# --------------------------------------------------------------------------------------
# The estimator


@dataclass(frozen=True)
class ArmComparison:
    """Targeted against control for one (rule, category), from per-exposure counts."""

    targeted_rate: float | None
    control_rate: float | None
    effect: float | None  # targeted_rate / control_rate - 1
    interval: tuple[float, float] | None  # CONFIDENCE interval of the effect
    log_se: float | None  # standard error of log(targeted_rate / control_rate)
    design_effect: float | None  # clustered variance of the log ratio / binomial variance


def compare_arms(
    targeted_hits: np.ndarray,
    targeted_receipts: np.ndarray,
    control_hits: np.ndarray,
    control_receipts: np.ndarray,
) -> ArmComparison:
    """The rates, the relative effect and its 95% interval, clustered by exposure.

    Each argument has one entry per exposure of its arm: the receipts attributed to it
    (`*_receipts`) and, of them, those holding the category (`*_hits`). An exposure
    without receipts still counts as a cluster. A rate is None without receipts; the
    effect and interval are None when a rate is None or 0 (no log) or an arm has fewer
    than two exposures (no variance).
    """
    targeted = _ratio(np.asarray(targeted_hits, float), np.asarray(targeted_receipts, float))
    control = _ratio(np.asarray(control_hits, float), np.asarray(control_receipts, float))
    (p_t, var_t, binomial_t), (p_c, var_c, binomial_c) = targeted, control
    if p_t is None or p_c is None or p_t == 0 or p_c == 0 or var_t is None or var_c is None:
        return ArmComparison(p_t, p_c, None, None, None, None)
    log_ratio = math.log(p_t / p_c)
    log_variance = var_t / p_t**2 + var_c / p_c**2
    log_se = math.sqrt(log_variance)
    binomial = binomial_t / p_t**2 + binomial_c / p_c**2
    design_effect = log_variance / binomial if binomial > 0 else None
    interval = (math.exp(log_ratio - _Z * log_se) - 1, math.exp(log_ratio + _Z * log_se) - 1)
    return ArmComparison(p_t, p_c, p_t / p_c - 1, interval, log_se, design_effect)


def _ratio(hits: np.ndarray, receipts: np.ndarray) -> tuple[float | None, float | None, float]:
    """(rate, its cluster-robust variance, the variance of as many independent receipts).

    The linearised variance of a ratio estimator over m clusters:
    m / (m - 1) * sum((y_e - p n_e)^2) / (sum n_e)^2.
    """
    total = float(receipts.sum())
    if total <= 0:
        return None, None, 0.0
    rate = float(hits.sum()) / total
    clusters = len(receipts)
    binomial = rate * (1 - rate) / total
    if clusters < 2:
        return rate, None, binomial
    residuals = hits - rate * receipts
    variance = clusters / (clusters - 1) * float(residuals @ residuals) / total**2
    return rate, variance, binomial


def days_needed(
    control_rate: float,
    targeted_receipts_per_day: float,
    control_receipts_per_day: float,
    design_effect: float,
    detect_effect: float,
    power: float,
) -> float:
    """Days of data for a two-sided 5% test of the log rate ratio to detect `detect_effect`
    (relative) with probability `power`, at these receipts per day and design effect.

    The variance of the log ratio after D days is deff * ((1 - p1) / (p1 r_t) + (1 - p0) /
    (p0 r_c)) / D with p0 the control rate and p1 = p0 (1 + effect); D is where its square
    root equals log(1 + effect) / (z_alpha/2 + z_power).
    """
    p0 = control_rate
    p1 = min(control_rate * (1 + detect_effect), 1.0)
    if not (0 < p0 < 1) or targeted_receipts_per_day <= 0 or control_receipts_per_day <= 0:
        return math.inf
    per_day = (1 - p1) / (p1 * targeted_receipts_per_day) + (1 - p0) / (p0 * control_receipts_per_day)
    z = NormalDist().inv_cdf(1 - TEST_ALPHA / 2) + NormalDist().inv_cdf(power)
    return design_effect * per_day * (z / math.log1p(detect_effect)) ** 2


def attribute(exposure_s: np.ndarray, receipt_s: np.ndarray, window_s: float) -> np.ndarray:
    """For each receipt, the index of the latest exposure that started at most `window_s`
    before it (at or before it), else -1. `exposure_s` must be sorted."""
    latest = np.searchsorted(exposure_s, receipt_s, side="right") - 1
    if len(exposure_s) == 0:
        return latest
    close = (latest >= 0) & (receipt_s - exposure_s[np.maximum(latest, 0)] <= window_s)
    return np.where(close, latest, -1)


# --------------------------------------------------------------------------------------
# Reading


@dataclass
class _Exposure:
    rule: str
    arm: str
    start: dt.datetime
    playlists: set[str] = field(default_factory=set)  # the targeted arm's playlist(s)
    items: set[str] = field(default_factory=set)  # items the targeted arm showed


@dataclass(frozen=True)
class Presence:
    """What the player saw, per CLOCK_BIN_MIN minutes: how many records (plays started,
    audience samples) it logged and the visitors they saw, summed (counts only)."""

    bin_s: np.ndarray  # start of each bin: seconds since 1970 of the naive local time
    records: np.ndarray
    visitors: np.ndarray

    @classmethod
    def of_records(cls, times_s: np.ndarray, group_sizes: np.ndarray) -> Presence:
        """Bin records at `times_s` that saw `group_sizes` visitors."""
        width = CLOCK_BIN_MIN * 60.0
        bins, index = np.unique(np.floor(np.asarray(times_s) / width), return_inverse=True)
        records = np.bincount(index, minlength=len(bins)).astype(float)
        visitors = np.bincount(index, weights=np.asarray(group_sizes, float), minlength=len(bins))
        return cls(bins * width, records, visitors)


@dataclass(frozen=True)
class _Plays:
    exposures: list[_Exposure]  # with someone there, by start
    runs: int  # holdout runs drawn
    runs_without_audience: int
    plays: int
    first: dt.datetime | None
    last: dt.datetime | None


# The CLOCK_BIN_MIN-minute bin of a time column, as 'YYYY-MM-DD HH:MM'.
_BIN_SQL = "substr({column}, 1, 14) || printf('%02d', CAST(substr({column}, 15, 2) AS INTEGER) / {width} * {width})"


def _read_plays(db: Database, start: dt.datetime | None, end: dt.datetime | None) -> _Plays:
    ProofOfPlay(db)  # creates the tables on a database that has none yet
    where, parameters = time_range("started_at", start, end)
    with read_transaction(db) as connection:
        count, first, last = connection.execute(
            f"SELECT COUNT(*), MIN(started_at), MAX(started_at) FROM plays{where}", parameters
        ).fetchone()
        runs = connection.execute(
            f"SELECT started_at, rule, arm, playlist, other_playlist, group_size FROM holdout_runs{where}"
            " ORDER BY started_at, run_id",
            parameters,
        ).fetchall()
        # What the targeted arm showed of each rule, for a playlist since deleted or renamed.
        shown = connection.execute(
            f"SELECT DISTINCT arm_rule, item FROM plays{where}{' AND' if where else ' WHERE'} arm = 'targeted'",
            parameters,
        ).fetchall()
    items_by_rule: dict[str, set[str]] = defaultdict(set)
    for rule, item in shown:
        items_by_rule[rule].add(item)
    exposures: list[_Exposure] = []
    for started_text, rule, arm, playlist, other_playlist, group_size in runs:
        if group_size <= 0:
            continue
        started = dt.datetime.fromisoformat(started_text)
        targeted_playlist = playlist if arm == "targeted" else other_playlist
        exposures.append(_Exposure(
            rule, arm, started, {targeted_playlist} - {None}, items_by_rule[rule],
        ))
    return _Plays(
        exposures=exposures,
        runs=len(runs),
        runs_without_audience=len(runs) - len(exposures),
        plays=count,
        first=dt.datetime.fromisoformat(first) if first else None,
        last=dt.datetime.fromisoformat(last) if last else None,
    )


def read_presence(db: Database, low: dt.datetime, high: dt.datetime) -> Presence:
    """The plays' and audience samples' presence per bin, counted in SQL."""
    totals: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
    with read_transaction(db) as connection:
        for table, column in (("plays", "started_at"), ("audience_samples", "at")):
            where, parameters = time_range(column, low, high)
            binned = _BIN_SQL.format(column=column, width=CLOCK_BIN_MIN)
            for bin_text, records, visitors in connection.execute(
                f"SELECT {binned}, COUNT(*), SUM(group_size) FROM {table}{where} GROUP BY 1", parameters
            ):
                totals[bin_text][0] += records
                totals[bin_text][1] += visitors
    names = sorted(totals)
    return Presence(
        _seconds(np.array(names, dtype="datetime64[m]")),
        np.array([totals[name][0] for name in names], float),
        np.array([totals[name][1] for name in names], float),
    )


@dataclass(frozen=True)
class _Receipts:
    seconds: np.ndarray  # receipt times, seconds (sorted)
    days: np.ndarray  # their local dates as day numbers (datetime64[D] as int)
    categories: list[frozenset[str]]


def _read_receipts(db: Database, low: dt.datetime, high: dt.datetime, source: str | None) -> _Receipts:
    """Receipts whose first line is in [low, high] (seconds), by time."""
    conditions = "ts >= ? AND ts <= ?" + (" AND source = ?" if source is not None else "")
    parameters = [low.strftime(_TIME_FORMAT), high.strftime(_TIME_FORMAT)] + ([source] if source is not None else [])
    with read_transaction(db) as connection:
        # The lines, grouped here: a GROUP BY with the categories as JSON took twice as long.
        # Lines of a receipt straddling `low` are few, and at most minutes off.
        lines = connection.execute(
            f"SELECT source, basket_id, ts, category FROM purchase_lines WHERE {conditions}", parameters
        ).fetchall()
    first: dict[tuple[str, str], str] = {}
    categories: dict[tuple[str, str], set[str]] = defaultdict(set)
    for line_source, basket, ts, category in lines:
        key = (line_source, basket)
        if key not in first or ts < first[key]:
            first[key] = ts
        if category:
            categories[key].add(category)
    keys = sorted(first, key=first.__getitem__)
    times = np.array([first[key] for key in keys], dtype="datetime64[s]")
    return _Receipts(_seconds(times), times.astype("datetime64[D]").astype(np.int64),
                     [frozenset(categories.get(key, ())) for key in keys])


def _seconds(times: np.ndarray) -> np.ndarray:
    return times.astype("datetime64[us]").astype(np.int64) / 1e6


def _receipt_days(db: Database, source: str | None) -> tuple[str | None, str | None, int]:
    """(first day, last day, baskets) of the receipts imported (into `source`)."""
    where = " WHERE source = ?" if source is not None else ""
    with read_transaction(db) as connection:
        first, last, count = connection.execute(
            f"SELECT MIN(day), MAX(day), COUNT(*) FROM baskets{where}", [source] if source is not None else []
        ).fetchone()
    return first, last, count


def _sources(db: Database) -> list[str]:
    with read_transaction(db) as connection:
        return [row[0] for row in connection.execute("SELECT DISTINCT source FROM baskets ORDER BY source")]


# --------------------------------------------------------------------------------------
# The report


def measure_uplift(
    db: Database,
    start: dt.datetime | None = None,
    end: dt.datetime | None = None,
    *,
    source: str | None = None,
    settings: UpliftSettings = UpliftSettings(),
    learning: LearningSettings = LearningSettings(),
    category: str | None = None,
    rulebook: RuleBook | None = None,
) -> UpliftReport:
    """The uplift of every targeted rule with holdout exposures in [start, end) (naive local
    times; None: no limit), per advertised category (module docstring for the method).

    `source`: the purchase source the receipts are in (None: every source). `learning`
    maps purchase categories to content tags (`category_tags`). `category`: measure this
    purchase category for every rule instead of each rule's advertised ones (a
    NotFoundError when the receipts read hold no such category). `rulebook`: the rules,
    playlists and catalog to read a rule's playlist and its items' tags from (default:
    the database's store and content library).

    Problems of the data come back as sentences (`UpliftReport.problems`,
    `UpliftRow.problem`), never as an exception; an `end` not after `start` is a
    ValidationError.
    """
    settings.check("uplift settings")
    if start is not None and end is not None and end <= start:
        raise ValidationError(f"the end {end:%Y-%m-%d %H:%M} must be later than the start {start:%Y-%m-%d %H:%M}")
    ensure_schema(db)
    plays = _read_plays(db, start, end)
    report_start = start if start is not None else plays.first
    report_end = end if end is not None else (plays.last + dt.timedelta(microseconds=1) if plays.last else None)

    def report(rows=(), problems=(), **counts) -> UpliftReport:
        return UpliftReport(report_start, report_end, tuple(rows), tuple(problems), settings.window_min, **counts)

    period = _period(report_start, report_end)
    if not plays.exposures:
        return report(problems=[_no_exposures(plays, period)])
    first_day, last_day, basket_count = _receipt_days(db, source)
    if basket_count == 0:
        return report(problems=[_no_receipts(db, source)])

    window = dt.timedelta(minutes=settings.window_min)
    exposure_start = plays.exposures[0].start
    exposure_last = plays.exposures[-1].start
    low = dt.datetime.combine(exposure_start.date(), dt.time())
    high = max(exposure_last + window, dt.datetime.combine(exposure_last.date(), dt.time(23, 59, 59)))
    receipts = _read_receipts(db, low, high, source)
    exposure_days = f"{exposure_start:%Y-%m-%d} to {exposure_last:%Y-%m-%d}"
    if len(receipts.seconds) == 0:
        return report(problems=[(
            f"the receipts{_of_source(source)} ({first_day} to {last_day}) do not overlap the holdout exposures"
            f" ({exposure_days}): import the receipts of those days, or choose --from and --to within both"
        )])
    known_categories = set().union(*receipts.categories)
    if category is not None and category not in known_categories:
        raise NotFoundError(
            f"no receipts between {low:%Y-%m-%d} and {high:%Y-%m-%d}{_of_source(source)} hold category {category!r}"
            f"{suggest_names(category, known_categories) or ' (categories there: ' + _some(known_categories) + ')'}"
        )

    problems: list[str] = []
    exposure_times = np.array([e.start for e in plays.exposures], dtype="datetime64[us]")
    exposure_s = _seconds(exposure_times)
    exposure_day = exposure_times.astype("datetime64[D]").astype(np.int64)
    receipt_day_set = np.unique(receipts.days)
    covered = np.isin(exposure_day, receipt_day_set)
    if not covered.all():
        uncovered_days = np.unique(exposure_day[~covered])
        problems.append(
            f"{_plural(int((~covered).sum()), 'exposure')} on {_plural(len(uncovered_days), 'day')} without any"
            f" receipt{_of_source(source)} ({_day_list(uncovered_days)}) are left out: import the receipts of"
            " those days"
        )
    problems.extend(clock_problems(read_presence(db, low, high), receipts.seconds))

    owner = attribute(exposure_s, receipts.seconds, window.total_seconds())
    attributed = owner >= 0
    receipt_count = np.bincount(owner[attributed], minlength=len(exposure_s)).astype(float)

    book = _Book.of(db, rulebook)
    rules = sorted({e.rule for e in plays.exposures})
    by_rule = defaultdict(list)
    for index, exposure in enumerate(plays.exposures):
        by_rule[exposure.rule].append(index)
    rows: list[UpliftRow] = []
    hits_by_category: dict[str, np.ndarray] = {}
    for rule in rules:
        indices = np.array([i for i in by_rule[rule] if covered[i]], dtype=np.int64)
        exposures = [plays.exposures[i] for i in by_rule[rule]]
        advertised, tag_problem = _advertised(rule, exposures, book, known_categories, learning)
        if category is not None:
            categories = [(category, category in advertised)]
        else:
            categories = [(name, True) for name in sorted(advertised)]
            if tag_problem:
                problems.append(tag_problem)
        for name, is_advertised in categories:
            if name not in hits_by_category:  # per exposure: its receipts holding the category
                has = np.fromiter((name in c for c in receipts.categories), bool, len(receipts.categories))
                hits_by_category[name] = np.bincount(owner[attributed], weights=has[attributed],
                                                     minlength=len(exposure_s))
            hits = hits_by_category[name]
            rows.append(_row(rule, name, is_advertised, indices, plays.exposures, exposure_day, hits,
                             receipt_count, book.note(rule), settings))
    for rule in rules:
        arms = Counter(plays.exposures[i].arm for i in by_rule[rule] if covered[i])
        mismatch = sample_ratio_problem(rule, arms["targeted"], arms["control"], settings.holdout_share)
        if mismatch:
            problems.append(mismatch)
    log.info("uplift: %d exposures, %d receipts (%d attributed), %d rows, %d problems",
             int(covered.sum()), len(receipts.seconds), int(attributed.sum()), len(rows), len(problems))
    return report(rows, problems, exposures=int(covered.sum()), receipts=len(receipts.seconds),
                  attributed_receipts=int(attributed.sum()))


def _row(
    rule: str,
    category: str,
    advertised: bool,
    indices: np.ndarray,
    exposures: Sequence[_Exposure],
    exposure_day: np.ndarray,
    hits: np.ndarray,
    receipts: np.ndarray,
    note: str,
    settings: UpliftSettings,
) -> UpliftRow:
    control_mask = np.array([exposures[i].arm == "control" for i in indices], dtype=bool)
    targeted, control = indices[~control_mask], indices[control_mask]
    days = float(len(np.unique(exposure_day[indices])))
    comparison = compare_arms(hits[targeted], receipts[targeted], hits[control], receipts[control])
    counts = {
        "targeted_exposures": len(targeted), "control_exposures": len(control),
        "targeted_receipts": int(receipts[targeted].sum()), "control_receipts": int(receipts[control].sum()),
        "targeted_with_category": int(hits[targeted].sum()), "control_with_category": int(hits[control].sum()),
    }
    more = None
    if comparison.control_rate is not None and days > 0:
        # Receipts of one exposure are alike (the same minutes, the same groups), never less
        # alike than strangers: a design effect below 1 is the estimate's noise, and
        # planning with it would promise too few days.
        design_effect = max(comparison.design_effect or 1.0, 1.0)
        needed = days_needed(comparison.control_rate, counts["targeted_receipts"] / days,
                             counts["control_receipts"] / days, design_effect, settings.detect_effect, settings.power)
        more = None if math.isinf(needed) else max(0.0, needed - days)
    problem = _row_problem(counts, comparison, category, days, settings)
    keep_number = problem is None
    return UpliftRow(
        rule=rule, category=category, **counts,
        targeted_rate=comparison.targeted_rate, control_rate=comparison.control_rate,
        effect=comparison.effect if keep_number else None,
        interval=comparison.interval if keep_number else None,
        days=days, more_days_needed=more, problem=problem, rule_note=note, advertised=advertised,
        design_effect=comparison.design_effect, window_min=settings.window_min, detect_effect=settings.detect_effect,
    )


def _row_problem(counts: dict, comparison: ArmComparison, category: str, days: float,
                 settings: UpliftSettings) -> str | None:
    needed = settings.min_exposures
    short = [
        (arm, counts[f"{arm}_exposures"]) for arm in ("targeted", "control") if counts[f"{arm}_exposures"] < needed
    ]
    if short:
        arm, count = min(short, key=lambda pair: pair[1])
        pace = ""
        if count > 0 and days > 0:
            more = math.ceil(days * needed / count - days)
            pace = f": about {_plural(more, 'more day')} at this pace"
        return f"only {_plural(count, f'{arm} exposure')} so far ({needed} needed in each arm){pace}"
    minutes = f"within {settings.window_min:g} minutes after"
    for arm in ("targeted", "control"):
        if counts[f"{arm}_receipts"] == 0:
            return f"no receipts {minutes} any of the {_plural(counts[f'{arm}_exposures'], f'{arm} exposure')}"
    for arm in ("targeted", "control"):
        if counts[f"{arm}_with_category"] == 0:
            return (f"no {category} in the {_plural(counts[f'{arm}_receipts'], 'receipt')} {minutes} a {arm}"
                    " exposure: no rate to compare yet")
    if comparison.interval is None:
        return "not enough exposures with receipts for an interval"
    return None


class _Book:
    """Rules, playlists and content tags, from a rule book or the database."""

    def __init__(self, rules: Mapping[str, Rule], playlists: Mapping[str, Playlist], tags: Mapping[str, tuple]) -> None:
        self.rules, self.playlists, self.tags = rules, playlists, tags

    @classmethod
    def of(cls, db: Database, rulebook: RuleBook | None) -> _Book:
        if rulebook is not None:
            content = rulebook.content
            return cls({r.name: r for r in rulebook.rules}, dict(rulebook.playlists),
                       {name: item.tags for name, item in content.items()})
        store = PlaylistStore(db)
        content = ContentLibrary(db).items_by_name()
        return cls({r.name: r for r in store.rules()}, {p.name: p for p in store.playlists()},
                   {name: item.tags for name, item in content.items()})

    def note(self, rule: str) -> str:
        """The rule's note when it is short enough for a sentence's head (learned rules' are findings)."""
        found = self.rules.get(rule)
        note = " ".join(found.note.split()).rstrip(".") if found is not None else ""
        return note if 0 < len(note) <= 60 else ""


def _advertised(
    rule: str, exposures: Sequence[_Exposure], book: _Book, categories: Iterable[str], learning: LearningSettings
) -> tuple[set[str], str | None]:
    """The receipt categories whose tag an item of the rule's targeted playlist has, and a
    sentence when there are none."""
    playlists = set().union(*(e.playlists for e in exposures))
    items: set[str] = set()
    for name in playlists:
        playlist = book.playlists.get(name)
        if playlist is not None:
            items.update(entry.content for entry in playlist.items)
        else:  # since deleted or renamed: what the targeted arm showed of it
            items.update(*(e.items for e in exposures))
    tags = sorted(set().union(*(book.tags.get(item, ()) for item in items)))
    advertised = {category for category in categories if category_tag(category, learning) in tags}
    if advertised:
        return advertised, None
    shown = ", ".join(sorted(playlists)) or "(none)"
    if not tags:
        return advertised, (
            f"rule {rule}: the items of its playlist {shown} have no content tags, so no purchase category is"
            " advertised: tag the items (e.g. snacks) and map categories to tags in learning.category_tags"
        )
    unmapped = sorted(c for c in categories if category_tag(c, learning) not in tags)
    return advertised, (
        f"rule {rule}: no purchase category maps to a tag of its playlist {shown} ({', '.join(tags)}): map"
        f" categories to them in learning.category_tags in the config (e.g. {unmapped[0] if unmapped else 'SNACKS'!r}:"
        f" {tags[0]}); categories in the receipts: {_some(unmapped)}"
    )


def sample_ratio_problem(rule: str, targeted: int, control: int, share: float | None) -> str | None:
    """A sentence when the rule's control share of exposures is too far from the holdout's
    share to be chance (beyond SAMPLE_RATIO_Z standard errors), else None.

    The arm is drawn for every run, so a mismatch means runs of one arm go missing from the
    log more often than the other's (or the share was changed during the period): the
    exposures left are then no longer a random split, and the effect may be biased.
    """
    total = targeted + control
    if share is None or not 0 < share < 1 or total == 0:
        return None
    z = (control - share * total) / math.sqrt(total * share * (1 - share))
    if abs(z) <= SAMPLE_RATIO_Z:
        return None
    return (
        f"rule {rule}: {control:,} of {total:,} exposures ({control / total:.1%}) are in the control arm where the"
        f" holdout draws {share:.0%}: the arms are not logged alike (or decision.holdout_share changed), so its"
        " effect may be biased; check that every holdout run is logged when it starts"
    )


# --------------------------------------------------------------------------------------
# Clocks


def clock_problems(presence: Presence, receipt_s: np.ndarray) -> list[str]:
    """Sentences when receipts fall in hours the player saw nobody, or follow its visitors
    best at a negative lag or one far longer than a shopping trip.

    `presence`: what the player logged per bin; `receipt_s`: the receipts' times (seconds
    since 1970 of the naive local times). Only receipts on days the player logged count.
    """
    problems: list[str] = []
    if len(presence.bin_s) == 0:
        return problems
    hour, day = 3600.0, 86400.0
    logged_days = np.unique(np.floor(presence.bin_s[presence.records > 0] / day))
    considered = receipt_s[np.isin(np.floor(receipt_s / day), logged_days)]
    if len(considered) < MIN_RECEIPTS_FOR_CLOCK_CHECK:
        return problems
    seen_hours = np.unique(np.floor(presence.bin_s[presence.visitors > 0] / hour))
    empty = ~np.isin(np.floor(considered / hour), seen_hours)
    share = float(empty.mean())
    if share > MAX_RECEIPTS_IN_EMPTY_HOURS:
        common = Counter(int(h) for h in np.floor(considered[empty] / hour) % 24).most_common(3)
        hours = ", ".join(f"{h:02d}:00-{(h + 1) % 24:02d}:00" for h, _ in sorted(common))
        problems.append(
            f"{share:.0%} of the receipts on days the player ran ({int(empty.sum()):,} of {len(considered):,})"
            f" are in hours its camera saw nobody (most at {hours}): do the till and the player keep the same"
            " local time (time zone, daylight saving)?"
        )
    lag = best_lag_min(presence, considered)
    if lag is not None and not PLAUSIBLE_LAG_MIN[0] <= lag <= PLAUSIBLE_LAG_MIN[1]:
        when = f"{-lag} minutes before" if lag < 0 else f"{lag} minutes after"
        problems.append(
            f"receipt counts follow the camera's visitor counts best {when} them, not within a shopping trip"
            f" ({max(PLAUSIBLE_LAG_MIN[0], 0)}-{PLAUSIBLE_LAG_MIN[1]} minutes after): the till's clock and the"
            " player's seem to disagree (time zone, daylight saving, a clock set wrong)"
        )
    return problems


def best_lag_min(presence: Presence, receipt_s: np.ndarray) -> int | None:
    """The lag (minutes, a multiple of CLOCK_BIN_MIN; positive: receipts after visitors) at
    which receipt counts correlate best with the visitors present (the mean group size the
    player's records saw per bin), or None when no lag stands clear of noise.

    Each hour of the day's mean is taken out of both series first: every store is busier
    at some hours, which correlates the two at any lag of a few hours; what is left (this
    Tuesday's rush, a quiet hour) shows the lag itself.
    """
    if len(receipt_s) < MIN_RECEIPTS_FOR_CLOCK_CHECK or len(presence.bin_s) == 0:
        return None
    width = CLOCK_BIN_MIN * 60.0
    origin = math.floor(min(presence.bin_s.min(), receipt_s.min()) / 86400.0) * 86400.0
    bins = math.ceil((max(presence.bin_s.max(), receipt_s.max()) - origin) / width) + 1
    index = np.round((presence.bin_s - origin) / width).astype(np.int64)
    records = np.bincount(index, weights=presence.records, minlength=bins)
    present = np.bincount(index, weights=presence.visitors, minlength=bins)
    observed = records > 0
    present = np.divide(present, records, out=np.zeros(bins), where=observed)
    counts = np.bincount(((receipt_s - origin) // width).astype(np.int64), minlength=bins).astype(float)
    slot = (np.arange(bins) * CLOCK_BIN_MIN // 60) % 24
    for hour in range(24):
        chosen = slot == hour
        seen = observed & chosen
        if seen.any():
            present[seen] -= present[seen].mean()
        if chosen.any():
            counts[chosen] -= counts[chosen].mean()
    max_shift = MAX_LAG_SCANNED_MIN // CLOCK_BIN_MIN
    correlations = {}
    for shift in range(-max_shift, max_shift + 1):
        if shift >= 0:
            a, b, valid = present[: bins - shift], counts[shift:], observed[: bins - shift]
        else:
            a, b, valid = present[-shift:], counts[: bins + shift], observed[-shift:]
        a, b = a[valid], b[valid]
        if len(a) < 24 or a.std() == 0 or b.std() == 0:
            continue
        correlations[shift * CLOCK_BIN_MIN] = (float(np.corrcoef(a, b)[0, 1]), len(a))
    if not correlations:
        return None
    lag, (best, pairs) = max(correlations.items(), key=lambda item: item[1][0])
    noise = 1 / math.sqrt(pairs)
    if best < LAG_SIGNAL_SD * noise:
        return None
    plausible = [c for shift, (c, _) in correlations.items() if PLAUSIBLE_LAG_MIN[0] <= shift <= PLAUSIBLE_LAG_MIN[1]]
    outside = not PLAUSIBLE_LAG_MIN[0] <= lag <= PLAUSIBLE_LAG_MIN[1]
    if outside and plausible and best - max(plausible) < LAG_MARGIN_SD * noise:
        return None  # a broad peak: the lag is not clear
    return lag


# --------------------------------------------------------------------------------------
# Sentences and the table


def format_uplift(report: UpliftReport) -> str:
    """Plain words first (the problems, then one sentence per row), then a table with the
    exposures, receipts and rates of each arm, their denominators shown; in the reader's
    language (the problems' sentences stay English for now)."""
    lines = [tr(
        "uplift", "Uplift of targeting {period}: receipts within {minutes} minutes after a holdout exposure, "
        "targeted ad against the control.", period=_period_words(report.start, report.end),
        minutes=f"{report.window_min:g}",
    )]
    lines += [f"! {problem}" for problem in report.problems]
    if not report.rows:
        return "\n".join(lines)
    lines.append("")
    lines += [row.sentence() for row in report.rows]
    lines.append("")
    headers = (
        tr("uplift", "RULE"), tr("uplift", "CATEGORY"), tr("uplift", "ARM"), tr("uplift", "EXPOSURES"),
        tr("uplift", "RECEIPTS"), tr("uplift", "WITH CATEGORY"), tr("uplift", "RATE"), tr("uplift", "EFFECT (95%)"),
    )
    arms = {"targeted": tr("uplift", "targeted"), "control": tr("uplift", "control")}
    table = []
    for row in report.rows:
        effect = "-" if row.effect is None else tr(
            "uplift", "{effect} ({low} to {high})",
            effect=_percent(row.effect), low=_percent(row.interval[0]), high=_percent(row.interval[1]),
        )
        for arm in ("targeted", "control"):
            receipts, hits = getattr(row, f"{arm}_receipts"), getattr(row, f"{arm}_with_category")
            rate = getattr(row, f"{arm}_rate")
            table.append((
                row.rule if arm == "targeted" else "", row.category if arm == "targeted" else "", arms[arm],
                f"{getattr(row, f'{arm}_exposures'):,}", f"{receipts:,}", f"{hits:,}",
                "-" if rate is None else f"{rate:.1%} ({hits:,}/{receipts:,})",
                effect if arm == "targeted" else "",
            ))
    widths = [max(_width(r[c]) for r in (headers, *table)) for c in range(len(headers))]
    numeric = {3, 4, 5}
    for cells in (headers, *table):
        lines.append("  ".join(
            _pad(cell, width, column in numeric) for column, (cell, width) in enumerate(zip(cells, widths))
        ).rstrip())
    lines.append(tr(
        "uplift", "{exposures} exposures, {receipts} receipts read, {attributed} of them within the window of an exposure",
        exposures=f"{report.exposures:,}", receipts=f"{report.receipts:,}", attributed=f"{report.attributed_receipts:,}",
    ))
    return "\n".join(lines)


def _period_words(start: dt.datetime | None, end: dt.datetime | None) -> str:
    """The report's period in the reader's language (`_period` is the English of the problems)."""
    if start is None and end is None:
        return tr("uplift", "in the whole log")
    if start is None:
        return tr("uplift", "before {end}", end=f"{end:%Y-%m-%d %H:%M}")
    if end is None:
        return tr("uplift", "from {start}", start=f"{start:%Y-%m-%d %H:%M}")
    return tr("uplift", "between {start} and {end}", start=f"{start:%Y-%m-%d %H:%M}", end=f"{end:%Y-%m-%d %H:%M}")


def _width(text: str) -> int:
    """Terminal columns: Korean characters take two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(char) in ("W", "F") else 1 for char in text)


def _pad(text: str, width: int, right: bool) -> str:
    space = " " * max(0, width - _width(text))
    return space + text if right else text + space


def _no_exposures(plays: _Plays, period: str) -> str:
    if plays.plays == 0:
        return f"no plays {period}: choose --from and --to when the player ran, or check --db"
    if plays.runs == 0:
        return (f"no holdout exposures {period} ({_plural(plays.plays, 'play')}, no holdout run drawn): is"
                " decision.holdout_share 0, or did no targeted rule win?")
    return (f"no holdout exposures with someone in front of the screen {period}"
            f" ({_plural(plays.runs_without_audience, 'run')} of a targeted rule, all with nobody there)")


def _no_receipts(db: Database, source: str | None) -> str:
    if source is None:
        return "no receipts imported: import the till's receipts with `signage purchases import-csv FILE`"
    known = _sources(db)
    hint = suggest_names(source, known) or (f" (sources: {', '.join(known)})" if known else "")
    return f"no receipts imported into purchase source {source!r}{hint}"


def _period(start: dt.datetime | None, end: dt.datetime | None) -> str:
    if start is None and end is None:
        return "in the whole log"
    if start is None:
        return f"before {end:%Y-%m-%d %H:%M}"
    if end is None:
        return f"from {start:%Y-%m-%d %H:%M}"
    return f"between {start:%Y-%m-%d %H:%M} and {end:%Y-%m-%d %H:%M}"


def _of_source(source: str | None) -> str:
    return "" if source is None else f" of source {source!r}"


def _some(names: Iterable[str], limit: int = 5) -> str:
    names = sorted(names)
    more = f", ... ({len(names)} in all)" if len(names) > limit else ""
    return ", ".join(names[:limit]) + more if names else "none"


def _day_list(days: np.ndarray, limit: int = 3) -> str:
    texts = [str(np.datetime64(int(day), "D")) for day in days]
    return ", ".join(texts[:limit]) + (", ..." if len(texts) > limit else "")


def _plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"
