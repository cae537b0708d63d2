"""Backtest: learn on earlier weeks, check on later weeks, against a non-personalized baseline.

For each context the learned rules would target (age group x part of day x weekday or
weekend, and age group x company x part of day x day type where the company context has
enough baskets), the suggested categories are the ones its findings name (best lift
first, at most `top_k`). A held-out basket is scored for the most specific context that
has suggestions, as the player would show it (a company context's rules have the higher
priority): a basket of an adult with a child on a weekday afternoon counts for that
context when it was learned, else for the adult weekday-afternoon context, whose row
then holds only the baskets of companies without a context of their own. The baseline
shows everyone the `top_k` most popular categories at that time (same part of day and
day type, all ages). On the held-out weeks, two numbers:

* **appearance rate**: how often the suggested categories appear in the held-out baskets
  of that context (the mean over the categories of the share of baskets holding it),
  against the same for the baseline's categories in the same baskets. Their ratio is
  the uplift the issue asks for. Popular categories appear in many baskets whoever
  buys, so this favours the baseline whenever a context's suggestions are niche;
* **own popular categories**: for comparison, the `top_k` categories most bought in the
  context itself on the training weeks (personalized, but not "more than expected"),
  scored like the baseline: does knowing the audience help predict its baskets at all;
* **targeting lift**: for each suggested category, its held-out share in the context's
  baskets over its held-out share in all baskets at that time: how much better the
  targeted audience buys what its ad shows than the average audience at that time.

Intervals are 95% percentile intervals of a parametric bootstrap: each held-out count
is redrawn as binomial(baskets, observed share), independently (baskets are shared
between categories, so the intervals are somewhat narrow; they are a guide, not a test).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from sqlite_utils import Database

from audience.types import AGE_GROUPS, COMPANIES, Company
from playlists.learning import (
    _PARTS,
    ANY_AGE,
    DAY_TYPES,
    Context,
    Counts,
    LearningSettings,
    count_baskets,
    findings_from_counts,
)
from foundation.errors import DataError


@dataclass(frozen=True)
class ContextResult:
    """Held-out numbers of one targeted context."""

    context: Context
    test_baskets: float
    suggested: tuple[str, ...]
    baseline: tuple[str, ...]
    rate: float  # mean share of the context's held-out baskets holding a suggested category
    baseline_rate: float  # the same for the baseline's categories
    uplift: float
    uplift_interval: tuple[float, float]
    targeting_lift: float
    targeting_interval: tuple[float, float]
    own_popular_rate: float  # the context's own most bought categories on the training weeks
    # An age-only context: the companies whose baskets count for their own context instead.
    others_scored_apart: tuple[Company, ...] = ()


@dataclass(frozen=True)
class BacktestReport:
    """Train/test split, per-context results and the overall, basket-weighted, figures."""

    split_day: dt.date
    train_days: tuple[dt.date, dt.date]
    test_days: tuple[dt.date, dt.date]
    train_baskets: int
    test_baskets: int
    contexts: tuple[ContextResult, ...]
    rate: float
    baseline_rate: float
    uplift: float
    uplift_interval: tuple[float, float]
    targeting_lift: float
    targeting_interval: tuple[float, float]
    own_popular_rate: float

    @property
    def own_popular_uplift(self) -> float:
        """The context's own popular categories against the baseline's."""
        return self.own_popular_rate / self.baseline_rate if self.baseline_rate > 0 else float("inf")


def default_split(db: Database, sources: list[str] | None, train_share: float = 0.75) -> tuple[dt.date, dt.date, dt.date]:
    """(first day, split day, last day): the split on a Monday after `train_share` of the days."""
    where, params = _source_filter(sources)
    # A database that never had an import has no `baskets` table at all (the purchases
    # migrations run on the first import); a read-only command does not create it.
    first = last = None
    if db["baskets"].exists():
        first, last = db.execute(f"SELECT MIN(day), MAX(day) FROM baskets{where}", params).fetchone()
    if first is None:
        what = f"for source {', '.join(sources)} " if sources else ""
        raise DataError(
            f"no purchase history {what}in {_database_file(db)}: import it with"
            " `signage purchases import-csv FILE` or `signage purchases import-completejourney`"
        )
    first_day, last_day = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
    split = first_day + dt.timedelta(days=int((last_day - first_day).days * train_share))
    split -= dt.timedelta(days=split.weekday())
    return first_day, split, last_day


def _database_file(db: Database) -> str:
    """The file of `db` for messages ('an in-memory database' for one without a file)."""
    row = db.execute("PRAGMA database_list").fetchone()
    return row[2] if row and row[2] else "an in-memory database"


def _source_filter(sources: list[str] | None) -> tuple[str, list[str]]:
    if not sources:
        return "", []
    return f" WHERE source IN ({', '.join('?' for _ in sources)})", list(sources)


def backtest(
    db: Database,
    sources: Iterable[str] | None = None,
    split_day: dt.date | None = None,
    settings: LearningSettings = LearningSettings(),
    top_k: int = 3,
    bootstrap: int = 1000,
    seed: int = 0,
    *,
    company: bool = True,
) -> BacktestReport:
    """Learn before `split_day`, score after it (see the module docstring).

    `company=False` learns and scores the age-only contexts alone (as before the camera's
    company was a context), to compare.
    """
    sources = list(sources) if sources is not None else None
    first_day, default, last_day = default_split(db, sources)
    split_day = split_day or default
    if not first_day < split_day <= last_day:
        raise DataError(f"split day {split_day} is outside the history ({first_day} to {last_day})")
    train = count_baskets(db, sources, None, split_day, company_segments=settings.company_segments)
    test = count_baskets(db, sources, split_day, None, company_segments=settings.company_segments)
    findings = [
        f for f in findings_from_counts(train, settings)
        if f.context.age_group is not None and (company or f.context.company is None)
    ]
    suggested: dict[Context, list[str]] = {}
    for finding in findings:  # best lift first
        chosen = suggested.setdefault(finding.context, [])
        if len(chosen) < top_k:
            chosen.append(finding.category)
    # (age group, part, day type) -> the companies with a context of their own there.
    apart: dict[tuple, list[Company]] = {}
    for context in suggested:
        if context.company is not None:
            apart.setdefault((context.age_group, context.day_part, context.day_type), []).append(context.company)

    test_index = {c: i for i, c in enumerate(test.categories)}
    rng = np.random.default_rng(seed)
    rows, draws = [], []
    for context, categories in sorted(suggested.items(), key=lambda item: item[0].label()):
        part, day_type = _PARTS.index(context.day_part), DAY_TYPES.index(context.day_type)
        where = (context.age_group, context.day_part, context.day_type)
        others = tuple(apart.get(where, ())) if context.company is None else ()
        popular = train.with_category[ANY_AGE, part, day_type]
        baseline = tuple(train.categories[k] for k in np.argsort(-popular, kind="stable")[:top_k])
        own = _cell(train, context, ())[1]
        own_popular = tuple(train.categories[k] for k in np.argsort(-own, kind="stable")[:top_k])
        n_c, scored = _cell(test, context, others)
        n_t = test.baskets[ANY_AGE, part, day_type]
        if n_c < 1 or n_t < 1:
            continue

        def held_out(names, counts):
            return np.array([counts[test_index[n]] if n in test_index else 0.0 for n in names])

        everyone = test.with_category[ANY_AGE, part, day_type]
        hits, base_hits = held_out(categories, scored), held_out(baseline, scored)
        time_hits = held_out(categories, everyone)
        own_rate = float(np.mean(held_out(own_popular, scored) / n_c))
        # Bootstrap draws of every held-out count of this context.
        sim_hits = rng.binomial(round(n_c), np.clip(hits / n_c, 0, 1), size=(bootstrap, len(hits))) / round(n_c)
        sim_base = rng.binomial(round(n_c), np.clip(base_hits / n_c, 0, 1), size=(bootstrap, len(base_hits))) / round(n_c)
        sim_time = rng.binomial(round(n_t), np.clip(time_hits / n_t, 0, 1), size=(bootstrap, len(time_hits))) / round(n_t)
        rate, base_rate = float(np.mean(hits / n_c)), float(np.mean(base_hits / n_c))
        sim_rate, sim_base_rate = sim_hits.mean(axis=1), sim_base.mean(axis=1)
        share_c, share_t = hits / n_c, time_hits / n_t
        targeting = float(np.mean(np.divide(share_c, share_t, out=np.zeros_like(share_c), where=share_t > 0)))
        sim_targeting = np.mean(np.divide(sim_hits, sim_time, out=np.zeros_like(sim_hits), where=sim_time > 0), axis=1)
        rows.append(
            ContextResult(
                context, float(n_c), tuple(categories), baseline, rate, base_rate,
                rate / base_rate if base_rate > 0 else float("inf"),
                _interval(np.divide(sim_rate, sim_base_rate, out=np.zeros_like(sim_rate), where=sim_base_rate > 0)),
                targeting, _interval(sim_targeting), own_rate, others,
            )
        )
        draws.append((n_c, sim_rate, sim_base_rate, sim_targeting))
    if not rows:
        raise DataError("no context passed the learning thresholds on the training weeks: nothing to backtest")
    weights = np.array([n for n, *_ in draws])
    overall_rate = float(np.average([r.rate for r in rows], weights=weights))
    overall_base = float(np.average([r.baseline_rate for r in rows], weights=weights))
    overall_targeting = float(np.average([r.targeting_lift for r in rows], weights=weights))
    sim_rate = np.average(np.stack([d[1] for d in draws]), axis=0, weights=weights)
    sim_base = np.average(np.stack([d[2] for d in draws]), axis=0, weights=weights)
    sim_targeting = np.average(np.stack([d[3] for d in draws]), axis=0, weights=weights)
    return BacktestReport(
        split_day=split_day,
        train_days=(first_day, split_day - dt.timedelta(days=1)),
        test_days=(split_day, last_day),
        train_baskets=train.total_baskets,
        test_baskets=test.total_baskets,
        contexts=tuple(rows),
        rate=overall_rate,
        baseline_rate=overall_base,
        uplift=overall_rate / overall_base if overall_base > 0 else float("inf"),
        uplift_interval=_interval(sim_rate / sim_base),
        targeting_lift=overall_targeting,
        targeting_interval=_interval(sim_targeting),
        own_popular_rate=float(np.average([r.own_popular_rate for r in rows], weights=weights)),
    )


def _cell(counts: Counts, context: Context, others: tuple[Company, ...]) -> tuple[float, np.ndarray]:
    """(baskets, baskets holding each category) of a context, without the baskets of `others`.

    A context with a company reads the company arrays; an age-only one its age group's,
    less the companies scored in contexts of their own (clipped at 0: the age-band shares
    are fractions, and a difference of sums may miss 0 by a rounding error).
    """
    g = AGE_GROUPS.index(context.age_group)
    part, day_type = _PARTS.index(context.day_part), DAY_TYPES.index(context.day_type)
    if context.company is not None:
        c = COMPANIES.index(context.company)
        return float(counts.company_baskets[g, c, part, day_type]), counts.company_with_category[g, c, part, day_type]
    baskets, with_category = float(counts.baskets[g, part, day_type]), counts.with_category[g, part, day_type]
    for company in others:
        c = COMPANIES.index(company)
        baskets -= counts.company_baskets[g, c, part, day_type]
        with_category = with_category - counts.company_with_category[g, c, part, day_type]
    return max(baskets, 0.0), np.maximum(with_category, 0.0)


def _interval(values: np.ndarray) -> tuple[float, float]:
    return float(np.percentile(values, 2.5)), float(np.percentile(values, 97.5))


def format_backtest(report: BacktestReport) -> str:
    """The report as a table: one line per context, then the overall figures."""
    lines = [
        f"trained on {report.train_days[0]} to {report.train_days[1]} ({report.train_baskets:,} baskets), "
        f"tested on {report.test_days[0]} to {report.test_days[1]} ({report.test_baskets:,} baskets)",
        "",
        f"{'context':<50}{'baskets':>9}{'rate':>8}{'baseline':>10}{'uplift (95%)':>22}{'targeting lift (95%)':>26}",
    ]
    for row in report.contexts:
        lines.append(
            f"{row.context.label():<50}{row.test_baskets:>9,.0f}{row.rate:>8.3f}{row.baseline_rate:>10.3f}"
            f"{_ratio(row.uplift, row.uplift_interval):>22}{_ratio(row.targeting_lift, row.targeting_interval):>26}"
        )
        apart = (
            f"   (without {', '.join(c.value for c in row.others_scored_apart)}: scored in their own contexts)"
            if row.others_scored_apart else ""
        )
        lines.append(f"    suggested: {', '.join(row.suggested)}   baseline: {', '.join(row.baseline)}{apart}")
    lines += [
        "",
        f"overall (weighted by held-out baskets): appearance rate {report.rate:.3f} against {report.baseline_rate:.3f} "
        f"for the baseline = uplift {_ratio(report.uplift, report.uplift_interval)}",
        f"overall targeting lift (suggested categories, context against everyone at that time): "
        f"{_ratio(report.targeting_lift, report.targeting_interval)}",
        f"for comparison, each context's own most bought categories: rate {report.own_popular_rate:.3f} = "
        f"{report.own_popular_uplift:.2f}x the baseline",
    ]
    return "\n".join(lines)


def _ratio(value: float, interval: tuple[float, float]) -> str:
    return f"{value:.2f}x ({interval[0]:.2f}-{interval[1]:.2f})"
