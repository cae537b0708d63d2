"""Learning targeting rules from purchase history, and testing them on later weeks.

**Contexts.** A context is what the camera and the clock can observe: an audience age
group, a part of the day (`TimeOfDay`: early morning 05-07, morning 07-11, lunch 11-14,
afternoon 14-18, evening 18-22, night 22-05) and weekday or weekend, and, where the data
supports it, the group's company (alone, an adult with a child, teens, adults). The purchase data's
own age bands ("25-34") are spread over our age groups by the share of their years in
each group (`age_band_shares`: 25-34 is half young_adult, half adult), and the table is
printed by `signage rules learn`. A segment column in the data (say "commuter") becomes
a context only through an explicit assumption in the config that an attire shows it
(`attire_segments: {business: commuter}`); attire itself never appears in purchase data.

**Company from household composition.** The camera sees who a visitor is with
(`audience.types.Company`); purchase data knows the household (Complete Journey's
`household_comp`, in the `segment` column: `1 Adult Kids`, `2 Adults Kids`, `1 Adult No
Kids`, `2 Adults No Kids`). `LearningSettings.company_segments` maps one to the other,
and that mapping is an assumption, not a fact of the data: by default a household with
kids is taken to shop as an adult with a child, a one-adult household alone, a two-adult
household as adults. Households with kids do not always bring them, so a company
context mixes some lone parents in; the backtest measures whether the assumption pays.
No household in the data is a group of teens. Age group x company x part of day x day
type contexts are learned where they have `min_context_baskets`; the age-only context of
the same time stays, for audiences whose company has no context of its own. A
suggestion for a company context gets priority `suggestion_priority + 1`, so that the
more specific rule wins over the age-only one when both match.

**Counting.** Two SQL aggregations over the `baskets` and `basket_categories` tables
(`playlists.purchases`) do all the counting: baskets per (age band, segment, weekday,
hour), and baskets holding each category per the same key plus the category. They are
plain GROUP BY queries, so a chain whose history outgrows one machine runs the *same*
queries on PostgreSQL, DuckDB or a warehouse and hands the (small) result to
`findings_from_counts`: the code path after the query is the same. Everything after the
query is numpy on at most a few hundred thousand rows.

**Findings.** For a context c and category k, over baskets: support = n(c, k) / N,
confidence = n(c, k) / n(c), lift = confidence / (n(k) / N). A finding needs at least
`min_context_baskets` baskets in its context, `min_category_baskets` with the category,
`min_support`, `min_lift`, and a lift whose lower 95% bound (Wilson interval of the
confidence, divided by the overall rate) is above 1: the statistical guard against small
samples.

**Suggestions.** A finding's category is matched to playlists through content tags (a
category's slug, or `category_tags` in the config: "BAG SNACKS" -> snacks). Each becomes
a disabled rule with its metrics, until a marketer accepts it. Re-learning updates the
learned rules it made, never rules a marketer wrote or edited, and never re-suggests one
a marketer rejected. A suggestion can also be snoozed: the editor hides it until a given
day (`snooze_suggestion`); learning itself ignores snoozes.

**Measured uplift.** Lift is a correlation; once the randomised holdout has measured a
rule (`playlists.uplift.measure_uplift`), that effect ranks and explains the suggestion
("measured +6% (-1% to +13%) over 21 days"): `measured_uplifts` reads a report, and
`suggestion_rank` puts rules the holdout proved to sell first, then the unmeasured and
the undecided by their learned lift, and the ones it proved not to sell last.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar

import numpy as np
from sqlite_utils import Database

from audience.calibration import AgeGroupBoundaries
from audience.settings import POSITIVE, Range, between, check_ranges
from audience.types import AGE_GROUPS, COMPANIES, MINOR_AGE_GROUPS, AgeGroup, Attire, Company, TimeOfDay
from foundation.db import migrate
from content.model import ContentItem
from playlists.model import (
    Conditions,
    Playlist,
    Rule,
    RuleOrigin,
    TimeWindow,
    describe_weekdays,
)
from foundation.errors import ConfigError, ConflictError, DataError, SignageError

if TYPE_CHECKING:  # playlists.uplift reads this module's settings: no import at run time
    from playlists.uplift import UpliftReport

log = logging.getLogger(__name__)

DAY_PARTS: dict[TimeOfDay, tuple[int, int]] = {  # [start, end) hours, local time
    TimeOfDay.EARLY_MORNING: (5, 7),
    TimeOfDay.MORNING: (7, 11),
    TimeOfDay.LUNCH: (11, 14),
    TimeOfDay.AFTERNOON: (14, 18),
    TimeOfDay.EVENING: (18, 22),
    TimeOfDay.NIGHT: (22, 5),
}
DAY_TYPES = ("weekday", "weekend")
_PARTS = tuple(DAY_PARTS)
_HOUR_TO_PART = np.array([_PARTS.index(TimeOfDay.of(dt.datetime(2026, 1, 1, hour))) for hour in range(24)])
ANY_AGE = len(AGE_GROUPS)  # index of "any age" in the count arrays
OLDEST_YEARS = 90.0  # an open band such as 65+ is taken to end here
# Companies in which a minor is with the audience: no age-restricted suggestion for them.
MINOR_COMPANIES = (Company.ADULT_WITH_CHILD, Company.TEENS)
# A context's company after its age group: "adult with a child", "young_adult alone".
_COMPANY_WORDS = {
    Company.ALONE: "alone",
    Company.ADULT_WITH_CHILD: "with a child",
    Company.TEENS: "in a group",
    Company.ADULTS: "with other adults",
}

MIGRATIONS = (
    """
    CREATE TABLE rejected_suggestions (
        name TEXT PRIMARY KEY, rejected_at TEXT NOT NULL, author TEXT NOT NULL
    );
    """,
    # 2: suggestions a marketer put off for a while (the editor's Snooze). `until` is the
    # first day (YYYY-MM-DD, local) the suggestion is shown again.
    """
    CREATE TABLE snoozed_suggestions (name TEXT PRIMARY KEY, until TEXT NOT NULL);
    """,
)


def _default_category_tags() -> dict[str, str]:
    # Complete Journey categories that the sample content's tags stand for. Editable:
    # a store maps its own categories to its own content tags.
    return {
        "BAG SNACKS": "snacks",
        "CANDY - CHECKLANE": "sweets",
        "CANDY - PACKAGED": "sweets",
        "COOKIES/CONES": "snacks",
        "CRACKERS/MISC BKD FD": "snacks",
        "SOFT DRINKS": "beverages",
        "REFRGRATD JUICES/DRNKS": "beverages",
        "WATER - CARBONATED/FLVRD DRINK": "beverages",
        "COFFEE": "coffee",
        "TEA": "tea",
        "BEERS/ALES": "alcohol",
        "WINE": "alcohol",
        "LIQUOR": "alcohol",
        "FROZEN PIZZA": "ready_meals",
        "DELI MEATS": "lunch",
        "SANDWICHES": "lunch",
        "SALAD BAR": "lunch",
        "VITAMINS": "health",
    }


def _default_company_segments() -> dict[str, str]:
    # Household composition (Complete Journey's household_comp; the Dunnhumby data's
    # older codes too) -> the company the camera is assumed to see (module docstring).
    return {
        "1 Adult Kids": Company.ADULT_WITH_CHILD.value,
        "2 Adults Kids": Company.ADULT_WITH_CHILD.value,
        "1 Adult No Kids": Company.ALONE.value,
        "Single Female": Company.ALONE.value,
        "Single Male": Company.ALONE.value,
        "2 Adults No Kids": Company.ADULTS.value,
    }


@dataclass(frozen=True)
class LearningSettings:
    """Thresholds and explicit assumptions of learning (`learning:` in the config file)."""

    min_context_baskets: int = 300  # baskets in a context before anything is said about it
    min_category_baskets: int = 30  # baskets in the context holding the category
    min_support: float = 0.0002  # share of all baskets that are in the context and hold the category
    min_lift: float = 1.3
    max_suggestions_per_context: int = 3
    suggestion_priority: int = 20  # priority of suggested rules (the seed rules use 10-60)
    category_tags: dict[str, str] = field(default_factory=_default_category_tags)
    # Attire -> the data's segment it is assumed to show (e.g. business: commuter).
    attire_segments: dict[str, str] = field(default_factory=dict)
    # The data's segment (household composition) -> the company it is assumed to shop in
    # (alone, adult_with_child, teens, adults); {} learns no company contexts.
    company_segments: dict[str, str] = field(default_factory=_default_company_segments)

    RANGES: ClassVar[dict[str, Range]] = {
        # Compared with numpy int64 counts: a bound keeps a 400-digit value from overflowing.
        "min_context_baskets": between(1, 10**12),
        "min_category_baskets": between(1, 10**12),
        "min_support": Range(0, 1, high_open=True),
        "min_lift": POSITIVE,
        "max_suggestions_per_context": between(1, 1000),
        # Rule priorities are stored as SQLite integers; the default playlist's is -2**31.
        # A company context's suggestion gets one more (`_rule_for`).
        "suggestion_priority": between(-(2**31) + 1, 2**31 - 2),
    }

    def check(self, where: str = "learning") -> None:
        """Ranges and names; ConfigError names the key."""
        check_ranges(self, where)
        attires = {a.value for a in Attire}
        for attire in self.attire_segments:
            if attire not in attires:
                raise ConfigError(f"{where}.attire_segments: unknown attire {attire!r} (known: {', '.join(sorted(attires))})")
        companies = {c.value for c in Company}
        for segment, company in self.company_segments.items():
            if company not in companies:
                raise ConfigError(
                    f"{where}.company_segments: segment {segment!r} maps to unknown company {company!r}"
                    f" (known: {', '.join(c.value for c in Company)})"
                )


# --------------------------------------------------------------------------------------
# Age bands


def parse_age_band(band: str) -> tuple[float, float]:
    """'25-34' -> [25, 35); '65+' -> [65, 90); '16' -> [16, 17). ValueError when unreadable."""
    text = band.strip().replace(" ", "")
    if match := re.fullmatch(r"(\d+)\+", text):
        return float(match[1]), OLDEST_YEARS
    if match := re.fullmatch(r"(\d+)-(\d+)", text):
        low, high = float(match[1]), float(match[2]) + 1.0
        if high > low:
            return low, high
    if re.fullmatch(r"\d+", text):
        return float(text), float(text) + 1.0
    raise ValueError(f"age band {band!r} is not like 25-34, 65+ or 16")


def age_band_shares(band: str, boundaries: AgeGroupBoundaries = AgeGroupBoundaries()) -> dict[AgeGroup, float]:
    """How a purchase-data age band spreads over our age groups: the share of its years in each."""
    low, high = parse_age_band(band)
    shares = {}
    for group, (start, below) in boundaries.intervals().items():
        overlap = max(0.0, min(high, below) - max(low, start))
        if overlap > 0:
            shares[group] = overlap / (high - low)
    return shares


# --------------------------------------------------------------------------------------
# Counting (SQL) and findings (numpy)


@dataclass(frozen=True)
class Counts:
    """Basket counts by context and category, from the two GROUP BY queries.

    Arrays are indexed [age group (6) + any age, day part (6), day type (2), ...]; with
    fractional age bands the per-group counts are expected counts (floats). The company
    arrays count the baskets whose segment `company_segments` maps to a company, by
    [age group (6) + any age, company (4), day part, day type, ...].
    """

    categories: tuple[str, ...]
    baskets: np.ndarray  # [7, 6, 2]
    with_category: np.ndarray  # [7, 6, 2, categories]
    segments: tuple[str, ...]  # segment values seen
    segment_baskets: np.ndarray  # [segments, 6, 2]
    segment_with_category: np.ndarray  # [segments, 6, 2, categories]
    age_bands: dict[str, int]  # band -> baskets, for the mapping table
    total_baskets: int
    company_baskets: np.ndarray | None = None  # [7, 4, 6, 2]
    company_with_category: np.ndarray | None = None  # [7, 4, 6, 2, categories]


BASKET_QUERY = """
SELECT age_band, segment, weekday, hour, COUNT(*) AS baskets
FROM baskets WHERE source IN ({sources}) AND day >= ? AND day < ?
GROUP BY age_band, segment, weekday, hour
"""
CATEGORY_QUERY = """
SELECT age_band, segment, weekday, hour, category, COUNT(*) AS baskets
FROM basket_categories WHERE source IN ({sources}) AND day >= ? AND day < ?
GROUP BY age_band, segment, weekday, hour, category
"""


def count_baskets(
    db: Database,
    sources: Iterable[str] | None = None,
    from_day: dt.date | None = None,
    until_day: dt.date | None = None,
    boundaries: AgeGroupBoundaries = AgeGroupBoundaries(),
    company_segments: Mapping[str, str] | None = None,
) -> Counts:
    """Run the two aggregation queries over [from_day, until_day) and fold them into Counts.

    `company_segments` (segment -> company; default `LearningSettings().company_segments`)
    says which segments count for which company context.
    """
    sources = list(sources) if sources is not None else [row[0] for row in db.execute("SELECT source FROM purchase_imports")]
    if not sources:
        raise DataError("no purchase history imported: run `signage purchases import-csv` or `import-completejourney`")
    marks = ", ".join("?" for _ in sources)
    params = [*sources, (from_day or dt.date.min).isoformat(), (until_day or dt.date.max).isoformat()]
    basket_rows = db.execute(BASKET_QUERY.format(sources=marks), params).fetchall()
    category_rows = db.execute(CATEGORY_QUERY.format(sources=marks), params).fetchall()
    return counts_from_rows(basket_rows, category_rows, boundaries, company_segments)


def counts_from_rows(
    basket_rows,
    category_rows,
    boundaries: AgeGroupBoundaries = AgeGroupBoundaries(),
    company_segments: Mapping[str, str] | None = None,
) -> Counts:
    """Fold the rows of BASKET_QUERY and CATEGORY_QUERY (from any SQL engine) into Counts."""
    if company_segments is None:
        company_segments = _default_company_segments()
    company_index = {segment: COMPANIES.index(Company(company)) for segment, company in company_segments.items()}
    categories = tuple(sorted({row[4] for row in category_rows}))
    segments = tuple(sorted({row[1] for row in basket_rows if row[1]}))
    category_index = {c: i for i, c in enumerate(categories)}
    segment_index = {s: i for i, s in enumerate(segments)}
    bands = sorted({row[0] for row in basket_rows if row[0]})
    # A band's row in the share matrix: its shares of each group, plus 1 for "any age".
    share_rows = {None: np.eye(1, ANY_AGE + 1, ANY_AGE)[0]}
    for band in bands:
        row = np.zeros(ANY_AGE + 1)
        try:
            for group, share in age_band_shares(band, boundaries).items():
                row[AGE_GROUPS.index(group)] = share
        except ValueError as error:
            raise DataError(f"purchase history: {error}") from None
        row[ANY_AGE] = 1.0
        share_rows[band] = row
    baskets = np.zeros((ANY_AGE + 1, len(_PARTS), 2))
    with_category = np.zeros((ANY_AGE + 1, len(_PARTS), 2, len(categories)))
    segment_baskets = np.zeros((len(segments), len(_PARTS), 2))
    segment_with = np.zeros((len(segments), len(_PARTS), 2, len(categories)))
    company_baskets = np.zeros((ANY_AGE + 1, len(COMPANIES), len(_PARTS), 2))
    company_with = np.zeros((ANY_AGE + 1, len(COMPANIES), len(_PARTS), 2, len(categories)))
    age_bands: dict[str, int] = {}
    total = 0
    for band, segment, weekday, hour, count in basket_rows:
        part, day_type = _HOUR_TO_PART[hour], int(weekday >= 5)
        shares = share_rows.get(band if band else None) * count
        baskets[:, part, day_type] += shares
        if segment:
            segment_baskets[segment_index[segment], part, day_type] += count
            if segment in company_index:
                company_baskets[:, company_index[segment], part, day_type] += shares
        age_bands[band or "unknown"] = age_bands.get(band or "unknown", 0) + count
        total += count
    for band, segment, weekday, hour, category, count in category_rows:
        part, day_type, k = _HOUR_TO_PART[hour], int(weekday >= 5), category_index[category]
        shares = share_rows.get(band if band else None) * count
        with_category[:, part, day_type, k] += shares
        if segment:
            segment_with[segment_index[segment], part, day_type, k] += count
            if segment in company_index:
                company_with[:, company_index[segment], part, day_type, k] += shares
    return Counts(
        categories, baskets, with_category, segments, segment_baskets, segment_with, age_bands, total,
        company_baskets, company_with,
    )


@dataclass(frozen=True)
class Context:
    """Who and when: an age group (with or without a company) or a segment (or neither), a part of
    the day, weekday or weekend."""

    day_part: TimeOfDay
    day_type: str  # weekday | weekend
    age_group: AgeGroup | None = None
    segment: str | None = None
    company: Company | None = None  # with an age group: who the audience is with

    def label(self) -> str:
        """'teen, afternoon, weekday'; 'adult (adult_with_child), afternoon, weekday'."""
        who = self.age_group.value if self.age_group else (f"segment {self.segment}" if self.segment else "everyone")
        if self.company is not None:
            who += f" ({self.company.value})"
        return f"{who}, {self.day_part.value}, {self.day_type}"

    def hours(self) -> str:
        """'14:00-18:00'."""
        start, end = DAY_PARTS[self.day_part]
        return f"{start:02d}:00-{end:02d}:00"


@dataclass(frozen=True)
class Finding:
    """A category bought more than expected in a context, with the numbers behind it."""

    context: Context
    category: str
    context_baskets: float  # n(c)
    category_baskets: float  # n(c, k)
    support: float
    confidence: float
    expected: float  # n(k) / N: how often any basket holds the category
    lift: float
    lift_lower: float  # lower end of the 95% interval

    def sentence(self) -> str:
        """'young_adult buy BAG SNACKS 1.6x more often 14:00-18:00 on weekdays, based on 1,240 baskets'
        ('adult with a child buy ...' for a context with a company)."""
        who = self.context.age_group.value if self.context.age_group else f"'{self.context.segment}' shoppers"
        if self.context.company is not None:
            who += f" {_COMPANY_WORDS[self.context.company]}"
        days = "on weekdays" if self.context.day_type == "weekday" else "at weekends"
        return (
            f"{who} buy {self.category} {self.lift:.1f}x more often {self.context.hours()} {days}, "
            f"based on {self.context_baskets:,.0f} baskets"
        )


def wilson_lower(successes: np.ndarray, trials: np.ndarray, z: float = 1.96) -> np.ndarray:
    """Lower end of the Wilson score interval of a proportion (vectorised; 0 where no trials)."""
    successes, trials = np.asarray(successes, dtype=float), np.asarray(trials, dtype=float)
    safe = np.maximum(trials, 1e-12)
    p = successes / safe
    centre = p + z * z / (2 * safe)
    margin = z * np.sqrt(p * (1 - p) / safe + z * z / (4 * safe * safe))
    return np.where(trials > 0, (centre - margin) / (1 + z * z / safe), 0.0)


def findings_from_counts(counts: Counts, settings: LearningSettings = LearningSettings()) -> list[Finding]:
    """Every (context, category) that passes the thresholds and the guard, by lift."""
    if counts.total_baskets == 0:
        return []
    overall = counts.with_category[ANY_AGE].sum(axis=(0, 1)) / counts.total_baskets  # n(k) / N
    found = []
    blocks = [
        (counts.baskets[:ANY_AGE], counts.with_category[:ANY_AGE], lambda i: {"age_group": AGE_GROUPS[i]}),
        (counts.segment_baskets, counts.segment_with_category, lambda i: {"segment": counts.segments[i]}),
    ]
    if counts.company_baskets is not None and settings.company_segments:
        # Age group x company, flattened to one axis: index i is (age i // 4, company i % 4).
        shape = (ANY_AGE * len(COMPANIES), len(_PARTS), 2)
        blocks.append((
            counts.company_baskets[:ANY_AGE].reshape(shape),
            counts.company_with_category[:ANY_AGE].reshape(shape + (len(counts.categories),)),
            lambda i: {"age_group": AGE_GROUPS[i // len(COMPANIES)], "company": COMPANIES[i % len(COMPANIES)]},
        ))
    for baskets, with_category, who in blocks:
        if baskets.size == 0:
            continue
        n_c = baskets[..., None]
        confidence = np.divide(with_category, n_c, out=np.zeros_like(with_category), where=n_c > 0)
        lift = np.divide(confidence, overall, out=np.zeros_like(confidence), where=overall > 0)
        lower = np.divide(wilson_lower(with_category, np.broadcast_to(n_c, with_category.shape)), overall,
                          out=np.zeros_like(confidence), where=overall > 0)
        support = with_category / counts.total_baskets
        keep = (
            (n_c >= settings.min_context_baskets)
            & (with_category >= settings.min_category_baskets)
            & (support >= settings.min_support)
            & (lift >= settings.min_lift)
            & (lower > 1.0)
        )
        for i, part, day_type, k in zip(*np.nonzero(keep)):
            found.append(
                Finding(
                    Context(_PARTS[part], DAY_TYPES[day_type], **who(i)),
                    counts.categories[k],
                    float(baskets[i, part, day_type]),
                    float(with_category[i, part, day_type, k]),
                    float(support[i, part, day_type, k]),
                    float(confidence[i, part, day_type, k]),
                    float(overall[k]),
                    float(lift[i, part, day_type, k]),
                    float(lower[i, part, day_type, k]),
                )
            )
    return sorted(found, key=lambda f: (-f.lift, f.context.label(), f.category))


# --------------------------------------------------------------------------------------
# Suggestions


def category_tag(category: str, settings: LearningSettings) -> str:
    """The content tag a purchase category stands for: the config's, else its slug."""
    if category in settings.category_tags:
        return settings.category_tags[category]
    return re.sub(r"[^a-z0-9]+", "_", category.lower()).strip("_")


def playlist_for_tag(tag: str, playlists: Iterable[Playlist], content: Mapping[str, ContentItem]) -> str | None:
    """The playlist with the most items tagged `tag` (ties: by name); None when none has any."""
    best = None
    for playlist in sorted(playlists, key=lambda p: p.name):
        tagged = sum(1 for item in playlist.items if tag in getattr(content.get(item.content), "tags", ()))
        if tagged and (best is None or tagged > best[0]):
            best = (tagged, playlist.name)
    return best[1] if best else None


@dataclass(frozen=True)
class Suggestion:
    """A rule suggested from findings, or why a finding could not become one."""

    finding: Finding
    rule: Rule | None
    problem: str = ""  # why there is no rule (no playlist carries the tag, not observable)


def suggest_rules(
    findings: list[Finding],
    playlists: Iterable[Playlist],
    content: Mapping[str, ContentItem],
    settings: LearningSettings = LearningSettings(),
) -> list[Suggestion]:
    """One disabled, learned rule per (context, playlist), from the best findings of each context."""
    playlists = list(playlists)
    segment_attire = {segment: Attire(attire) for attire, segment in settings.attire_segments.items()}
    per_context: dict[Context, int] = {}
    made: dict[str, Suggestion] = {}
    result = []
    for finding in findings:  # best lift first
        context = finding.context
        if context.segment is not None and context.segment not in segment_attire:
            result.append(Suggestion(finding, None, "the camera cannot see this segment (no attire assumption for it)"))
            continue
        if per_context.get(context, 0) >= settings.max_suggestions_per_context:
            continue
        tag = category_tag(finding.category, settings)
        minors = context.age_group in MINOR_AGE_GROUPS or context.company in MINOR_COMPANIES
        if minors and any(item.age_restricted and tag in item.tags for item in content.values()):
            # 19-24 spreads a sixth into "teen": the data's 19-year-olds buying beer must
            # not become a rule showing beer ads to teenagers; nor may a parent's beer
            # become a rule for an adult with a child (the guardrail would withhold it anyway).
            result.append(Suggestion(finding, None, f"not suggested to minors: content tagged '{tag}' is age-restricted"))
            continue
        playlist = playlist_for_tag(tag, playlists, content)
        if playlist is None:
            result.append(Suggestion(finding, None, f"no playlist has content tagged '{tag}'"))
            continue
        rule = _rule_for(finding, playlist, segment_attire, settings)
        if rule.name in made:
            continue  # a better category of this context already points at that playlist
        per_context[context] = per_context.get(context, 0) + 1
        made[rule.name] = Suggestion(finding, rule)
        result.append(made[rule.name])
    return result


def _rule_for(finding: Finding, playlist: str, segment_attire: dict[str, Attire], settings: LearningSettings) -> Rule:
    context = finding.context
    start, end = DAY_PARTS[context.day_part]
    who = context.age_group.value if context.age_group else segment_attire[context.segment].value
    if context.company is not None:
        who += f"_{context.company.value}"
    conditions = Conditions(
        age_groups=(context.age_group,) if context.age_group else (),
        attire=(segment_attire[context.segment],) if context.segment else (),
        company=(context.company,) if context.company else (),
        time_windows=(TimeWindow(f"{start:02d}:00", f"{end:02d}:00"),),
        weekdays=(0, 1, 2, 3, 4) if context.day_type == "weekday" else (5, 6),
    )
    metrics = {
        "support": round(finding.support, 6),
        "confidence": round(finding.confidence, 4),
        "lift": round(finding.lift, 3),
        "lift_lower_95": round(finding.lift_lower, 3),
        "baskets": round(finding.context_baskets, 1),
        "baskets_with_category": round(finding.category_baskets, 1),
    }
    return Rule(
        name=f"learned_{who}_{context.day_part.value}_{context.day_type}_{playlist}",
        playlist=playlist,
        conditions=conditions,
        # A company context is more specific than its age group's: it wins when both match.
        priority=settings.suggestion_priority + (1 if context.company is not None else 0),
        enabled=False,
        note=finding.sentence() + f" (category {finding.category})",
        origin=RuleOrigin.LEARNED,
        learned_metrics=metrics,
    )


@dataclass(frozen=True)
class ApplyReport:
    """What re-learning did to the store's rules."""

    added: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    kept_marketer: tuple[str, ...] = ()  # same name, but a marketer wrote or edited it
    skipped_rejected: tuple[str, ...] = ()
    removed_stale: tuple[str, ...] = ()  # suggestions nobody accepted that the data no longer supports


def apply_suggestions(db: Database, store, suggestions: list[Suggestion], author: str) -> ApplyReport:
    """Write suggested rules to the store (disabled), keeping marketers' rules and choices.

    A learned rule already there gets the new conditions and metrics but keeps its
    enabled state (an accepted suggestion stays accepted). Rules a marketer wrote or
    edited are never touched; rejected suggestions are not made again; suggestions
    nobody accepted that the data no longer supports are removed.
    """
    migrate(db, "learning", MIGRATIONS)
    rejected = {row[0] for row in db.execute("SELECT name FROM rejected_suggestions").fetchall()}
    existing = {rule.name: rule for rule in store.rules()}
    added, updated, kept, skipped = [], [], [], []
    wanted = set()
    for suggestion in suggestions:
        rule = suggestion.rule
        if rule is None:
            continue
        wanted.add(rule.name)
        if rule.name in rejected:
            skipped.append(rule.name)
            continue
        current = existing.get(rule.name)
        if current is None:
            store.save_rule(rule, author)
            added.append(rule.name)
        elif current.origin is RuleOrigin.LEARNED:
            refreshed = dataclasses.replace(rule, enabled=current.enabled)
            if refreshed != current:
                store.save_rule(refreshed, author)
                updated.append(rule.name)
        else:
            kept.append(rule.name)
    stale = [
        name for name, rule in existing.items()
        if rule.origin is RuleOrigin.LEARNED and not rule.enabled and name not in wanted
    ]
    for name in stale:
        store.delete_rule(name, author)
    return ApplyReport(tuple(added), tuple(updated), tuple(kept), tuple(skipped), tuple(stale))


def reject_suggestion(
    db: Database, store, name: str, author: str, now: dt.datetime, expected_version: int | None = None
) -> None:
    """Delete a learned rule and remember not to suggest it again.

    With `expected_version`, a rule changed since it was read (say, accepted in another
    editor) is a ConflictError, raised before anything is written.
    """
    current = store.rule_with_version(name)
    rule = current.value
    if expected_version is not None and current.version != expected_version:
        raise ConflictError(
            f"rule {name!r} is at version {current.version}, not {expected_version}: "
            "someone else changed it; look at it again and redo your change"
        )
    if rule.origin is not RuleOrigin.LEARNED:
        raise DataError(f"rule {name!r} is not an unedited suggestion (origin {rule.origin.value}): delete it instead")
    migrate(db, "learning", MIGRATIONS)
    with db.conn:
        db.conn.execute(
            "INSERT OR REPLACE INTO rejected_suggestions (name, rejected_at, author) VALUES (?, ?, ?)",
            [name, now.isoformat(timespec="seconds"), author],
        )
    store.delete_rule(name, author, expected_version)


def snooze_suggestion(db: Database, name: str, until: dt.date) -> None:
    """Hide a suggestion until the day `until` (it shows again on that day); again: a new day."""
    migrate(db, "learning", MIGRATIONS)
    with db.conn:
        db.conn.execute(
            "INSERT OR REPLACE INTO snoozed_suggestions (name, until) VALUES (?, ?)", [name, until.isoformat()]
        )


def unsnooze_suggestion(db: Database, name: str) -> None:
    """Show a snoozed suggestion again now (nothing happens when it is not snoozed)."""
    migrate(db, "learning", MIGRATIONS)
    with db.conn:
        db.conn.execute("DELETE FROM snoozed_suggestions WHERE name = ?", [name])


def snoozed_until(db: Database) -> dict[str, dt.date]:
    """Every snoozed suggestion's name and the day it shows again (past days included:
    whether a snooze still holds depends on today, which the caller knows)."""
    migrate(db, "learning", MIGRATIONS)
    rows = db.execute("SELECT name, until FROM snoozed_suggestions ORDER BY name").fetchall()
    return {name: dt.date.fromisoformat(until) for name, until in rows}


# --------------------------------------------------------------------------------------
# Suggestions in words (`signage rules suggestions` and the editor say the same)

_AGE_GROUP_WORDS = {
    AgeGroup.CHILD: "children",
    AgeGroup.TEEN: "teens",
    AgeGroup.YOUNG_ADULT: "young adults",
    AgeGroup.ADULT: "adults",
    AgeGroup.MIDDLE_AGED: "middle-aged shoppers",
    AgeGroup.SENIOR: "seniors",
}
# `_rule_for` ends the note with the purchase category; the sentence is built around it.
_NOTE_CATEGORY = re.compile(r"\s*\(category (?P<category>[^()]+)\)\s*$")


def suggestion_state(rule: Rule) -> str:
    """'suggested', 'accepted', or either with ', edited by a marketer'."""
    state = "accepted" if rule.enabled else "suggested"
    if rule.origin is RuleOrigin.LEARNED_EDITED:
        state += ", edited by a marketer"
    return state


def suggestion_numbers(rule: Rule) -> str:
    """The learned numbers on one line: support, confidence, lift with its lower bound, baskets."""
    metrics = rule.learned_metrics
    return (
        f"support {metrics.get('support', 0):.4f}, confidence {metrics.get('confidence', 0):.3f}, "
        f"lift {metrics.get('lift', 0):.2f} (lower 95% bound {metrics.get('lift_lower_95', 0):.2f}), "
        f"{metrics.get('baskets', 0):,.0f} baskets"
    )


def suggestion_category(rule: Rule) -> str | None:
    """The purchase category a learned rule was made for (from its note), or None."""
    match = _NOTE_CATEGORY.search(rule.note)
    return match["category"].strip() if match else None


def suggestion_sentence(rule: Rule) -> str:
    """A learned rule in plain words, e.g. 'Teens buy bag snacks 2.3x more often between
    15:00 and 18:00 on weekdays, based on 1,240 baskets'.

    The sentence is built from the rule's conditions and metrics, so it says what the
    numbers were measured for. Once a marketer edited the rule its conditions may no
    longer be the ones measured: the sentence then quotes the finding as learned (the
    note) and says what the rule does now.
    """
    if rule.origin is RuleOrigin.LEARNED_EDITED:
        learned = _NOTE_CATEGORY.sub("", rule.note).strip() or "(no finding recorded)"
        return f"When learned: {learned}. Since edited: {rule.conditions.describe()}, playing {rule.playlist}."
    conditions, metrics = rule.conditions, rule.learned_metrics
    if conditions.age_groups:
        who = _and_words([_AGE_GROUP_WORDS[group] for group in conditions.age_groups])
        if conditions.company:
            who += " " + " or ".join(_COMPANY_WORDS[company] for company in conditions.company)
    elif conditions.attire:
        who = "shoppers in " + _and_words([attire.value.replace("_", " ") for attire in conditions.attire]) + " clothes"
    else:
        who = "shoppers"
    category = suggestion_category(rule)
    what = category.lower() if category else f"what playlist {rule.playlist} shows"
    parts = [f"{who[0].upper()}{who[1:]} buy {what} {metrics.get('lift', 0):.1f}x more often"]
    if conditions.time_windows:
        parts.append(" or ".join(f"between {w.start_hhmm} and {w.end_hhmm}" for w in conditions.time_windows))
    days = sorted(set(conditions.weekdays))
    if days == [0, 1, 2, 3, 4]:
        parts.append("on weekdays")
    elif days == [5, 6]:
        parts.append("at weekends")
    elif days and days != list(range(7)):
        parts.append(f"on {describe_weekdays(conditions.weekdays)}")
    sentence = " ".join(parts)
    if "baskets" in metrics:
        sentence += f", based on {metrics['baskets']:,.0f} baskets"
    return sentence


@dataclass(frozen=True)
class MeasuredUplift:
    """A rule's effect as the randomised holdout measured it (one row of an `UpliftReport`)."""

    rule: str
    category: str
    effect: float  # relative: +0.06 is 6% more receipts with the category after the targeted ad
    interval: tuple[float, float]  # 95 %
    days: float

    @property
    def proven(self) -> int:
        """+1: the interval is above 0 (it sells); -1: below 0 (it does not); 0: not decided yet."""
        low, high = self.interval
        return 1 if low > 0 else (-1 if high < 0 else 0)

    def words(self) -> str:
        """'measured +6% (-1% to +13%) over 21 days'."""
        days = round(self.days)
        return (
            f"measured {_signed_percent(self.effect)} ({_signed_percent(self.interval[0])} to "
            f"{_signed_percent(self.interval[1])}) over {days:,} day{'' if days == 1 else 's'}"
        )


def measured_uplifts(report: UpliftReport, rules: Iterable[Rule] = ()) -> dict[str, MeasuredUplift]:
    """Rule name -> its measured uplift, for the rules of `report` with a number.

    A rule's row is the one of the category it was learned for (`suggestion_category`,
    from `rules`), else its row with the most receipts in the targeted arm: the category
    the measurement rests on most. Rows with a problem instead of a number are left out.
    """
    learned_for = {rule.name: suggestion_category(rule) for rule in rules}
    best: dict[str, tuple[tuple, MeasuredUplift]] = {}
    for row in report.rows:
        if row.effect is None or row.interval is None:
            continue
        key = (row.category == learned_for.get(row.rule), row.targeted_receipts)
        if row.rule not in best or key > best[row.rule][0]:
            best[row.rule] = (key, MeasuredUplift(row.rule, row.category, row.effect, tuple(row.interval), row.days))
    return {rule: measured for rule, (_, measured) in best.items()}


def measured_uplifts_in(
    db: Database, rules: Iterable[Rule], settings: LearningSettings = LearningSettings()
) -> dict[str, MeasuredUplift]:
    """`measured_uplifts` of the whole history of `db` (`playlists.uplift.measure_uplift`).

    A database the uplift cannot be measured in (no plays, no receipts) gives {}: the
    suggestions are then ranked and explained by their learned numbers alone.
    """
    from playlists.uplift import measure_uplift  # imports this module: here, not at the top

    rules = list(rules)
    try:
        report = measure_uplift(db, learning=settings)
    except SignageError as error:
        log.info("suggestions: no measured uplift (%s)", error)
        return {}
    return measured_uplifts(report, rules)


def uplift_inputs_version(db: Database) -> tuple:
    """What `measured_uplifts_in` depends on, cheaply: the newest holdout run and the purchase
    imports. Equal versions give equal measurements, so a caller can keep the last one."""
    parts: list = []
    for table, sql in (
        ("holdout_runs", "SELECT MAX(run_id) FROM holdout_runs"),
        ("purchase_imports", "SELECT MAX(imported_at), SUM(lines) FROM purchase_imports"),
    ):
        parts.append(db.execute(sql).fetchone() if db[table].exists() else None)
    return tuple(parts)


def suggestion_rank(rule: Rule, measured: Mapping[str, MeasuredUplift]) -> tuple:
    """Sort key of suggestions, best first: proven to sell (by effect), then the unmeasured
    and undecided (by learned lift), then proven not to sell (by effect)."""
    found = measured.get(rule.name)
    lift = rule.learned_metrics.get("lift", 0.0)
    if found is None or found.proven == 0:
        return (1, -lift, rule.name)
    return (0 if found.proven > 0 else 2, -found.effect, rule.name)


def _signed_percent(value: float) -> str:
    text = f"{value:+.0%}"
    return "+0%" if text == "-0%" else text


def _and_words(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def age_mapping_table(counts: Counts, boundaries: AgeGroupBoundaries = AgeGroupBoundaries()) -> str:
    """The age-band mapping, as printed by `signage rules learn`."""
    lines = ["purchase age band -> audience age groups (share of the band's years), baskets"]
    for band, baskets in sorted(counts.age_bands.items()):
        if band == "unknown":
            lines.append(f"  {'unknown':<8} -> counted only for 'any age'{'':24} {baskets:>10,}")
            continue
        shares = ", ".join(f"{group.value} {share:.0%}" for group, share in age_band_shares(band, boundaries).items())
        lines.append(f"  {band:<8} -> {shares:<48} {baskets:>10,}")
    return "\n".join(lines)


def wilson_interval(successes: float, trials: float, z: float = 1.96) -> tuple[float, float]:
    """(low, high) of the Wilson score interval (0, 0 with no trials)."""
    if trials <= 0:
        return 0.0, 0.0
    p = successes / trials
    centre = p + z * z / (2 * trials)
    margin = z * math.sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials))
    return (centre - margin) / (1 + z * z / trials), (centre + margin) / (1 + z * z / trials)
