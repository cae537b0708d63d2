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
category's slug, or `category_tags` in the config: "BAG SNACKS" -> snacks). Given the
store's rules, the choice (`choose_playlist`) prefers a playlist that a rule already plays
for the finding's audience at that time, then one no rule plays, then the rest, each by
the most tagged items; `playlist_choice_words` says why, and when the playlist is aimed
at someone else ("after_school_snacks ... your rules play it for children and teens")
suggests a playlist of its own. Each becomes a disabled rule with its metrics, until a
marketer accepts it. Re-learning updates the
learned rules it made, never rules a marketer wrote or edited, and never re-suggests one
a marketer rejected. A suggestion can also be snoozed: the editor hides it until a given
day (`snooze_suggestion`); learning itself ignores snoozes.

**In words.** `Finding.sentence` and `suggestion_sentence` say a finding alike, through
`foundation.i18n.tr` (context `learning`) and the audience words of `playlists.words`:
"Adults buy bag snacks 2.2 times as often as shoppers overall on weekday afternoons,
14:00-18:00 (at least 2.0 times, 95 % sure), in 400 baskets". "Shoppers overall" is
what lift compares with: all baskets, any time. The note of a learned rule is that
sentence in the learner's language, ending with "(category BAG SNACKS)" in English in
every language, as `suggestion_category` reads it back.

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
from audience.types import (
    AGE_GROUPS,
    COMPANIES,
    MINOR_AGE_GROUPS,
    AgeGroup,
    Attire,
    Company,
    TimeOfDay,
)
from content.model import ContentItem
from foundation.db import migrate
from foundation.errors import ConfigError, ConflictError, DataError, SignageError
from foundation.i18n import speaking, tr, tr_noop
from playlists.model import (
    Conditions,
    Playlist,
    Rule,
    RuleOrigin,
    TimeWindow,
    describe_weekdays,
)
from playlists.words import age_group_words, and_words, attire_words, or_words, segment_words

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
        """The finding in words, in the process's language: 'Young adults buy bag snacks 4.3
        times as often as shoppers overall on weekday afternoons, 14:00-18:00 (at least 2.1
        times, 95 % sure), in 1,240 baskets'.

        "Shoppers overall" is what lift compares with: the share of *all* baskets (any
        time, anyone) that hold the category, not only the baskets of that time.
        """
        context = self.context
        if context.age_group is not None:
            who = segment_words(context.age_group, company=context.company)
        elif context.segment is not None:
            who = tr("learning", "shoppers of the segment {segment}", segment=context.segment)
        else:
            who = segment_words()
        when = tr("learning", _DAY_PART_WORDS[(context.day_part, context.day_type)], hours=context.hours())
        return finding_words(who, self.category.lower(), self.lift, self.lift_lower, when, self.context_baskets)


def finding_words(who: str, what: str, lift: float, lift_lower: float, when: str, baskets: float | None) -> str:
    """The one sentence a finding and a suggestion are both said in (see `Finding.sentence`)."""
    if baskets is None:
        text = tr(
            "learning", "{who} buy {what} {lift} times as often as shoppers overall {when} (at least {lower} times, 95 % sure)",
            who=who, what=what, lift=f"{lift:.1f}", lower=f"{lift_lower:.1f}", when=when,
        )
    else:
        count = round(baskets)
        text = tr(
            "learning",
            "{who} buy {what} {lift} times as often as shoppers overall {when} (at least {lower} times, 95 % sure), in {baskets} baskets",
            n=count, who=who, what=what, lift=f"{lift:.1f}", lower=f"{lift_lower:.1f}", when=when, baskets=f"{count:,}",
        )
    return _capital(text)


def _capital(text: str) -> str:
    """The first letter upper-case (a sentence that starts with its audience; no-op in Korean)."""
    return text[:1].upper() + text[1:]


# A finding's time in words; {hours} is '14:00-18:00'.
_DAY_PART_WORDS = {
    (TimeOfDay.EARLY_MORNING, "weekday"): tr_noop("learning", "on weekday early mornings, {hours}"),
    (TimeOfDay.EARLY_MORNING, "weekend"): tr_noop("learning", "on weekend early mornings, {hours}"),
    (TimeOfDay.MORNING, "weekday"): tr_noop("learning", "on weekday mornings, {hours}"),
    (TimeOfDay.MORNING, "weekend"): tr_noop("learning", "on weekend mornings, {hours}"),
    (TimeOfDay.LUNCH, "weekday"): tr_noop("learning", "at lunchtime on weekdays, {hours}"),
    (TimeOfDay.LUNCH, "weekend"): tr_noop("learning", "at lunchtime at weekends, {hours}"),
    (TimeOfDay.AFTERNOON, "weekday"): tr_noop("learning", "on weekday afternoons, {hours}"),
    (TimeOfDay.AFTERNOON, "weekend"): tr_noop("learning", "on weekend afternoons, {hours}"),
    (TimeOfDay.EVENING, "weekday"): tr_noop("learning", "on weekday evenings, {hours}"),
    (TimeOfDay.EVENING, "weekend"): tr_noop("learning", "on weekend evenings, {hours}"),
    (TimeOfDay.NIGHT, "weekday"): tr_noop("learning", "on weekday nights, {hours}"),
    (TimeOfDay.NIGHT, "weekend"): tr_noop("learning", "on weekend nights, {hours}"),
}


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
    choice = choose_playlist(tag, playlists, content)
    return choice.playlist if choice else None


@dataclass(frozen=True)
class PlaylistChoice:
    """Which playlist a suggestion plays, and why: its ads of the tag, and who it plays for now.

    `fits` says how the rules that already play it (`rules_playing`) meet the finding's
    audience and time: True when one is for that audience at that time, False when all of
    them are for someone else or another time (after_school_snacks for adults at 14:00:
    its rules are for children, teens and school uniforms), None when no rule plays it.
    """

    playlist: str
    tag: str
    tagged_items: int
    items: int
    fits: bool | None = None
    rules_playing: tuple[Rule, ...] = ()


def choose_playlist(
    tag: str,
    playlists: Iterable[Playlist],
    content: Mapping[str, ContentItem],
    context: Context | None = None,
    rules: Iterable[Rule] = (),
    segment_attire: Mapping[str, Attire] | None = None,
    today: dt.date | None = None,
) -> PlaylistChoice | None:
    """The playlist a finding's suggestion should play, among those with an item tagged `tag`.

    With the store's `rules` and the finding's `context`, a playlist that the enabled rules
    already play for that audience at that time comes first, then one no rule plays, then
    one aimed at someone else; within each, the most items tagged `tag`, then the name.
    Without rules this is the most-tagged playlist, as learning always chose. A rule whose
    dates ended before `today` (the learning run's date; None: the clock's date) plays
    nothing any more, so it counts as no rule.
    """
    today = today or dt.date.today()
    rules = [rule for rule in rules if rule.enabled and not _rule_ended(rule.conditions, today)]
    best: tuple[tuple, PlaylistChoice] | None = None
    for playlist in sorted(playlists, key=lambda p: p.name):
        tagged = sum(1 for item in playlist.items if tag in getattr(content.get(item.content), "tags", ()))
        if not tagged:
            continue
        playing = tuple(rule for rule in rules if rule.playlist == playlist.name)
        fits = None
        if context is not None and playing:
            fits = any(_rule_fits(rule.conditions, context, segment_attire or {}, today) for rule in playing)
        choice = PlaylistChoice(playlist.name, tag, tagged, len(playlist.items), fits, playing)
        key = ({True: 2, None: 1, False: 0}[fits], tagged)
        if best is None or key > best[0]:
            best = (key, choice)
    return best[1] if best else None


def _rule_ended(conditions: Conditions, today: dt.date) -> bool:
    """Whether a rule's last date (`date_until`, inclusive) is before `today`."""
    return conditions.date_until is not None and conditions.date_until < today


def _rule_fits(
    conditions: Conditions, context: Context, segment_attire: Mapping[str, Attire], today: dt.date | None = None
) -> bool:
    """Whether a rule with `conditions` plays for the context's audience at some of its hours.

    A rule narrower than the audience (only school uniforms, only groups of three) is for
    someone else: the suggestion is for the whole audience. A rule whose dates ended before
    `today` (None: the clock's date) plays for nobody.
    """
    if _rule_ended(conditions, today or dt.date.today()):
        return False
    if context.age_group is not None:
        if conditions.age_groups and context.age_group not in conditions.age_groups:
            return False
        if conditions.attire:
            return False
    elif context.segment is not None:
        attire = segment_attire.get(context.segment)
        if conditions.age_groups or (conditions.attire and attire not in conditions.attire):
            return False
    if conditions.company and context.company not in conditions.company:
        return False
    if conditions.genders or conditions.min_group_size > 1 or conditions.max_group_size is not None:
        return False
    days = set(range(5)) if context.day_type == "weekday" else {5, 6}
    if conditions.weekdays and not days & set(conditions.weekdays):
        return False
    if not conditions.time_windows:
        return True
    start, end = DAY_PARTS[context.day_part]
    hours = _minutes_of(start * 60, end * 60)
    return any(hours & _minutes_of(w.start_minute, w.end_minute) for w in conditions.time_windows)


def _minutes_of(start: int, end: int) -> set[int]:
    """The minutes of the day in [start, end), over midnight when end <= start."""
    start, end = start % 1440, end % 1440
    return set(range(start, end)) if start < end else set(range(start, 1440)) | set(range(end))


def suggested_playlist_name(context: Context, tag: str) -> str:
    """A name for a playlist of the finding's own: 'adult_afternoon_snacks'."""
    who = context.age_group.value if context.age_group else (context.segment or "everyone")
    if context.company is not None:
        who += f"_{context.company.value}"
    return re.sub(r"[^a-z0-9_]+", "_", f"{who}_{context.day_part.value}_{tag}".lower())


@dataclass(frozen=True)
class Suggestion:
    """A rule suggested from findings, or why a finding could not become one."""

    finding: Finding
    rule: Rule | None
    problem: str = ""  # why there is no rule (no playlist carries the tag, not observable)
    choice: PlaylistChoice | None = None  # the playlist it plays, and why


def suggest_rules(
    findings: list[Finding],
    playlists: Iterable[Playlist],
    content: Mapping[str, ContentItem],
    settings: LearningSettings = LearningSettings(),
    rules: Iterable[Rule] = (),
) -> list[Suggestion]:
    """One disabled, learned rule per (context, playlist), from the best findings of each context.

    `rules` (the store's) let the choice of playlist prefer one already played for the
    finding's audience at that time (`choose_playlist`); without them the most-tagged wins.
    """
    playlists = list(playlists)
    # Pending suggestions are no evidence of what a playlist is for: only the store's own rules.
    rules = [rule for rule in rules if rule.enabled and rule.origin is not RuleOrigin.LEARNED]
    segment_attire = {segment: Attire(attire) for attire, segment in settings.attire_segments.items()}
    per_context: dict[Context, int] = {}
    made: dict[str, Suggestion] = {}
    result = []
    for finding in findings:  # best lift first
        context = finding.context
        if context.segment is not None and context.segment not in segment_attire:
            result.append(Suggestion(
                finding, None, tr("learning", "the camera cannot see this segment (no attire assumption for it)")
            ))
            continue
        if per_context.get(context, 0) >= settings.max_suggestions_per_context:
            continue
        tag = category_tag(finding.category, settings)
        minors = context.age_group in MINOR_AGE_GROUPS or context.company in MINOR_COMPANIES
        if minors and any(item.age_restricted and tag in item.tags for item in content.values()):
            # 19-24 spreads a sixth into "teen": the data's 19-year-olds buying beer must
            # not become a rule showing beer ads to teenagers; nor may a parent's beer
            # become a rule for an adult with a child (the guardrail would withhold it anyway).
            result.append(Suggestion(
                finding, None, tr("learning", "not suggested to minors: content tagged '{tag}' is age-restricted", tag=tag)
            ))
            continue
        choice = choose_playlist(tag, playlists, content, context, rules, segment_attire)
        if choice is None:
            result.append(Suggestion(finding, None, tr("learning", "no playlist has content tagged '{tag}'", tag=tag)))
            continue
        rule = _rule_for(finding, choice.playlist, segment_attire, settings)
        if rule.name in made:
            continue  # a better category of this context already points at that playlist
        per_context[context] = per_context.get(context, 0) + 1
        made[rule.name] = Suggestion(finding, rule, choice=choice)
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
        note=stored_sentence(finding) + f" (category {finding.category})",
        origin=RuleOrigin.LEARNED,
        learned_metrics=metrics,
    )


def stored_sentence(finding: Finding) -> str:
    """The finding's sentence as it is stored (a rule's note, the server's suggestions): in
    English whatever language the person who ran learning reads; shown translated."""
    with speaking("en"):
        return finding.sentence()


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

# `_rule_for` ends the note with the purchase category; the sentence is built around it.
# The marker stays in English in every language: it is read back here (`suggestion_category`).
_NOTE_CATEGORY = re.compile(r"\s*\(category (?P<category>[^()]+)\)\s*$")


def waiting_for_decision(rule: Rule) -> bool:
    """True for a suggestion nobody accepted yet: a learned rule (edited or not) still disabled.

    The editor lists these on its Suggestions tab only, not among the store's rules; learning
    removes the unedited ones the data no longer supports (`apply_suggestions`).
    """
    return rule.origin is not RuleOrigin.MANUAL and not rule.enabled


def suggestion_state(rule: Rule) -> str:
    """'suggested', 'accepted', or either with ', edited by a marketer'."""
    edited = rule.origin is RuleOrigin.LEARNED_EDITED
    if rule.enabled:
        return tr("learning", "accepted, edited by a marketer") if edited else tr("learning", "accepted")
    return tr("learning", "suggested, edited by a marketer") if edited else tr("learning", "suggested")


def suggestion_numbers(rule: Rule) -> str:
    """The learned numbers on one line: support, confidence, lift with its lower bound, baskets."""
    metrics = rule.learned_metrics
    baskets = round(metrics.get("baskets", 0))
    return tr(
        "learning",
        "support {support}, confidence {confidence}, lift {lift} (lower 95% bound {lower}), {baskets} baskets",
        n=baskets,
        support=f"{metrics.get('support', 0):.4f}", confidence=f"{metrics.get('confidence', 0):.3f}",
        lift=f"{metrics.get('lift', 0):.2f}", lower=f"{metrics.get('lift_lower_95', 0):.2f}", baskets=f"{baskets:,}",
    )


def suggestion_category(rule: Rule) -> str | None:
    """The purchase category a learned rule was made for (from its note), or None."""
    match = _NOTE_CATEGORY.search(rule.note)
    return match["category"].strip() if match else None


def suggestion_sentence(rule: Rule) -> str:
    """A learned rule in plain words, e.g. 'Teens buy bag snacks 2.3 times as often as
    shoppers overall on weekdays, 14:00-18:00 (at least 1.9 times, 95 % sure), in 1,240
    baskets' (`finding_words`, as `Finding.sentence` says it).

    The sentence is built from the rule's conditions and metrics, so it says what the
    numbers were measured for. Once a marketer edited the rule its conditions may no
    longer be the ones measured: the sentence then quotes the finding as learned (the
    note) and says what the rule does now.
    """
    conditions, metrics = rule.conditions, rule.learned_metrics
    if rule.origin is RuleOrigin.LEARNED_EDITED:
        learned = _NOTE_CATEGORY.sub("", rule.note).strip() or tr("learning", "(no finding recorded)")
        return tr(
            "learning", "When learned: {finding}. Since edited: it plays {playlist} for {who}, {when}.",
            finding=learned.rstrip("."), playlist=rule.playlist, who=audience_words(conditions),
            when=when_words(conditions) or tr("learning", "at any time"),
        )
    category = suggestion_category(rule)
    what = category.lower() if category else tr("learning", "what playlist {playlist} shows", playlist=rule.playlist)
    part = _day_part_of(conditions)
    if part is not None:  # as the finding said it: 'on weekday afternoons, 14:00-18:00'
        when = tr("learning", _DAY_PART_WORDS[part], hours=conditions.time_windows[0].label())
    else:
        when = when_words(conditions) or tr("learning", "at any time")
    baskets = metrics.get("baskets")
    return finding_words(
        audience_words(conditions), what, metrics.get("lift", 0.0), metrics.get("lift_lower_95", 0.0), when, baskets
    )


def audience_words(conditions: Conditions) -> str:
    """Who a rule's conditions are for, in words ('adults with a child', 'teens or young adults')."""
    ages = conditions.age_groups or (None,)
    attires = conditions.attire or (None,)
    companies = conditions.company or (None,)
    if len(ages) * len(attires) * len(companies) == 1:
        return segment_words(ages[0], attires[0], None, companies[0])
    # A rule for children and teens plays for both: "and", where its attires are "or".
    who = and_words([age_group_words(a) for a in conditions.age_groups]) if conditions.age_groups else segment_words()
    if conditions.attire:
        who = tr("learning", "{who} in {attire}", who=who, attire=or_words([attire_words(a) for a in conditions.attire]))
    if conditions.company:
        return tr("learning", "{who}: {company}", who=who,
                  company=or_words([segment_words(company=c) for c in conditions.company]))
    return who


def when_words(conditions: Conditions) -> str:
    """When a rule's conditions apply, in words: 'on weekdays, 14:00-18:00'; '' for always."""
    days = sorted(set(conditions.weekdays))
    if days == [0, 1, 2, 3, 4]:
        day_words = tr("learning", "on weekdays")
    elif days == [5, 6]:
        day_words = tr("learning", "at weekends")
    elif days and days != list(range(7)):
        day_words = tr("learning", "on {days}", days=describe_weekdays(conditions.weekdays))
    else:
        day_words = ""
    hours = ", ".join(window.label() for window in conditions.time_windows)
    if day_words and hours:
        return tr("learning", "{days}, {hours}", days=day_words, hours=hours)
    if hours:
        return tr("learning", "every day, {hours}", hours=hours)
    return day_words


def context_of(rule: Rule, settings: LearningSettings = LearningSettings()) -> Context | None:
    """The finding's context a learned rule was made for, read back from its conditions (None
    when they are not one age group, or one attire, at one part of a weekday or weekend)."""
    conditions = rule.conditions
    if len(conditions.age_groups) > 1 or len(conditions.company) > 1:
        return None
    found = _day_part_of(conditions)
    if found is None:
        return None
    part, day_type = found
    company = conditions.company[0] if conditions.company else None
    if conditions.age_groups:
        return Context(part, day_type, age_group=conditions.age_groups[0], company=company)
    segments = {Attire(attire): segment for attire, segment in settings.attire_segments.items()}
    if len(conditions.attire) == 1 and conditions.attire[0] in segments:
        return Context(part, day_type, segment=segments[conditions.attire[0]], company=company)
    return None


def _day_part_of(conditions: Conditions) -> tuple[TimeOfDay, str] | None:
    """(part of the day, 'weekday' or 'weekend') when the conditions are exactly one, as learned."""
    if len(conditions.time_windows) != 1:
        return None
    window = conditions.time_windows[0]
    part = next(
        (part for part, (start, end) in DAY_PARTS.items()
         if window.start_minute == start * 60 and window.end_minute % 1440 == (end * 60) % 1440),
        None,
    )
    day_type = {(0, 1, 2, 3, 4): "weekday", (5, 6): "weekend"}.get(tuple(sorted(set(conditions.weekdays))))
    return None if part is None or day_type is None else (part, day_type)


def playlist_choice_words(
    rule: Rule,
    playlists: Iterable[Playlist],
    content: Mapping[str, ContentItem],
    rules: Iterable[Rule] = (),
    settings: LearningSettings = LearningSettings(),
) -> str:
    """Why a suggestion plays its playlist, in words, from the store as it is now.

    'Plays after_school_snacks, the playlist with the most ads tagged snacks (2 of its 3),
    but your rules play it for others: children or teens (students_after_school), ...
    A playlist of its own, say adult_afternoon_snacks, would suit adults better.'
    """
    playlists = list(playlists)
    category = suggestion_category(rule)
    tag = category_tag(category, settings) if category else None
    playlist = next((p for p in playlists if p.name == rule.playlist), None)
    if tag is None or playlist is None:
        return tr("learning", "Plays {playlist}.", playlist=rule.playlist)
    segment_attire = {segment: Attire(attire) for attire, segment in settings.attire_segments.items()}
    context = context_of(rule, settings)
    others = [r for r in rules if r.name != rule.name and r.enabled and r.origin is not RuleOrigin.LEARNED]
    chosen = choose_playlist(tag, [playlist], content, context, others, segment_attire)
    if chosen is None:
        return tr(
            "learning", "Plays {playlist}, which has no ads tagged {tag}: choose a playlist with {tag} ads.",
            playlist=rule.playlist, tag=tag,
        )
    if chosen.fits is True:
        return tr(
            "learning",
            "Plays {playlist}: %n of its {items} ads are tagged {tag}, and your rules already play it for this audience at this time.",
            n=chosen.tagged_items, playlist=rule.playlist, items=chosen.items, tag=tag,
        )
    if chosen.fits is None:
        return tr(
            "learning", "Plays {playlist}: %n of its {items} ads are tagged {tag}; no rule of yours plays it yet.",
            n=chosen.tagged_items, playlist=rule.playlist, items=chosen.items, tag=tag,
        )
    playing = sorted(chosen.rules_playing, key=lambda r: (-r.priority, r.name))
    aimed = or_words([tr("learning", "{who} ({rule})", who=audience_words(r.conditions), rule=r.name) for r in playing])
    who = audience_words(rule.conditions)
    new_name = suggested_playlist_name(context, tag) if context else f"{rule.playlist}_{tag}"
    return tr(
        "learning",
        "Plays {playlist}, the playlist with the most ads tagged {tag} ({tagged} of its %n), but your rules play it for "
        "{aimed}. A playlist of its own, say {new_name}, would suit {who} better.",
        n=chosen.items, playlist=rule.playlist, tag=tag, tagged=chosen.tagged_items, aimed=aimed, new_name=new_name,
        who=who,
    )


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
        return tr(
            "learning", "measured {effect} ({low} to {high}) over %n days", n=round(self.days),
            effect=_signed_percent(self.effect), low=_signed_percent(self.interval[0]),
            high=_signed_percent(self.interval[1]),
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
    from playlists.uplift import (
        measure_uplift,  # imports this module: here, not at the top
    )

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


def age_mapping_table(counts: Counts, boundaries: AgeGroupBoundaries = AgeGroupBoundaries()) -> str:
    """The age-band mapping, as printed by `signage rules learn`."""
    lines = [tr("learning", "purchase age band -> audience age groups (share of the band's years), baskets")]
    for band, baskets in sorted(counts.age_bands.items()):
        if band == "unknown":
            lines.append(f"  {'unknown':<8} -> {tr('learning', 'counted only for any age'):<48} {baskets:>10,}")
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
