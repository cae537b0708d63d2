"""Playlists and targeting rules: the objects marketers write and the decision engine reads.

Everything here is a small frozen dataclass with units in its field names. Names are the
keys: a playlist refers to content items by their catalog `name`, a rule to its playlist
by the playlist's `name`, so the YAML a marketer keeps in version control reads the same
as what the database stores.

Condition semantics (see `playlists.decision` for how they are evaluated):

* every empty tuple means "any": a rule with no conditions at all always matches;
* audience conditions (`age_groups`, `attire`, `genders`, `company`, group size,
  `min_dwell_s`) are checked against the audience's dominant segment (the age group and
  attire with the most, most confident, visitors) and the group in front of the screen
  (its size, its longest dwell, and its company: alone, an adult with a child, teens,
  adults; `audience.types.company_of`);
* time conditions (`time_windows`, `weekdays`, `date_from`/`date_until`) against the
  store's local time. A window whose end is before its start runs past midnight.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field

from audience.types import AgeGroup, Attire, Company, Gender

WEEKDAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class LoopPolicy(str, enum.Enum):
    """What a playlist does after its last item."""

    LOOP = "loop"  # start again from the first item
    ONCE = "once"  # play through once, then the decision engine picks again


class RuleOrigin(str, enum.Enum):
    """Who wrote a rule. Learned rules keep their metrics; re-learning never touches the others."""

    MANUAL = "manual"  # written by a marketer
    LEARNED = "learned"  # suggested from purchase history, not edited since
    LEARNED_EDITED = "learned_edited"  # suggested, then edited by a marketer: now theirs


@dataclass(frozen=True)
class PlaylistItem:
    """One entry of a playlist: a catalog item, optionally with its own display time."""

    content: str  # catalog name of the content item
    duration_s: float | None = None  # None: the item's own duration


@dataclass(frozen=True)
class Playlist:
    """An ordered list of content items."""

    name: str
    items: tuple[PlaylistItem, ...]
    loop: LoopPolicy = LoopPolicy.LOOP
    note: str = ""


@dataclass(frozen=True, order=True)
class TimeWindow:
    """A daily window [start, end) in local time, 'HH:MM'; end before start wraps midnight."""

    start_hhmm: str
    end_hhmm: str

    @property
    def start_minute(self) -> int:
        """Minutes after midnight of the start."""
        return _minutes(self.start_hhmm)

    @property
    def end_minute(self) -> int:
        """Minutes after midnight of the end (24:00 is 1440)."""
        return _minutes(self.end_hhmm)

    def contains(self, minute_of_day: int) -> bool:
        """Whether a minute after midnight falls inside the window."""
        start, end = self.start_minute, self.end_minute
        if start <= end:
            return start <= minute_of_day < end
        return minute_of_day >= start or minute_of_day < end

    def label(self) -> str:
        """'15:00-18:00'."""
        return f"{self.start_hhmm}-{self.end_hhmm}"

    @classmethod
    def parse(cls, text: str) -> TimeWindow:
        """'15:00-18:00' (or '22:00-02:00'); ValueError names the problem."""
        parts = str(text).replace(" ", "").split("-")
        if len(parts) != 2:
            raise ValueError(f"{text!r} is not a time window like 15:00-18:00")
        for part in parts:
            _minutes(part)
        if parts[0] == parts[1]:
            raise ValueError(f"{text!r} is an empty time window")
        return cls(parts[0], parts[1])


def _minutes(hhmm: str) -> int:
    try:
        hours, minutes = (int(v) for v in str(hhmm).split(":"))
    except ValueError:
        raise ValueError(f"{hhmm!r} is not a time HH:MM") from None
    if not (0 <= hours <= 24 and 0 <= minutes < 60) or (hours == 24 and minutes):
        raise ValueError(f"{hhmm!r} is not a time between 00:00 and 24:00")
    return hours * 60 + minutes


@dataclass(frozen=True)
class Conditions:
    """When a rule applies. Empty means "any" for every field."""

    age_groups: tuple[AgeGroup, ...] = ()
    attire: tuple[Attire, ...] = ()
    # Gender targeting is off unless the decision settings switch it on; a rule that
    # names genders never matches while it is off (and the explanation says why).
    genders: tuple[Gender, ...] = ()
    # Who the visitors are with (an adult with a child, ...); an unknown company never matches.
    company: tuple[Company, ...] = ()
    min_group_size: int = 0  # visitors in front of the screen
    max_group_size: int | None = None
    min_dwell_s: float = 0.0  # the longest-staying visitor has been there this long
    time_windows: tuple[TimeWindow, ...] = ()
    weekdays: tuple[int, ...] = ()  # Monday = 0
    date_from: dt.date | None = None  # inclusive
    date_until: dt.date | None = None  # inclusive

    @property
    def uses_audience(self) -> bool:
        """True when any condition depends on who is there (not only on the time)."""
        return bool(
            self.age_groups
            or self.attire
            or self.genders
            or self.company
            or self.min_group_size > 0
            or self.max_group_size is not None
            or self.min_dwell_s > 0
        )

    def describe(self) -> str:
        """The conditions in words, for tables and explanations."""
        parts = []
        if self.age_groups:
            parts.append("/".join(g.value for g in self.age_groups))
        if self.attire:
            parts.append("in " + "/".join(a.value for a in self.attire))
        if self.genders:
            parts.append("/".join(g.value for g in self.genders))
        if self.company:
            parts.append(" or ".join(describe_company(c) for c in self.company))
        if self.min_group_size > 1 or self.max_group_size is not None:
            upper = "" if self.max_group_size is None else f"-{self.max_group_size}"
            parts.append(f"groups of {self.min_group_size}{upper or '+'}")
        elif self.min_group_size == 1:
            parts.append("someone present")
        if self.min_dwell_s > 0:
            parts.append(f"staying {self.min_dwell_s:g}+ s")
        if self.weekdays:
            parts.append(describe_weekdays(self.weekdays))
        if self.time_windows:
            parts.append(", ".join(w.label() for w in self.time_windows))
        if self.date_from or self.date_until:
            parts.append(f"{self.date_from or '...'} to {self.date_until or '...'}")
        return ", ".join(parts) if parts else "always"


_COMPANY_WORDS = {
    Company.ALONE: "alone",
    Company.ADULT_WITH_CHILD: "an adult with a child",
    Company.TEENS: "a group of teens",
    Company.ADULTS: "a group of adults",
}


def describe_company(company: Company | None) -> str:
    """'an adult with a child', 'alone', ...; 'company not known' for None."""
    return _COMPANY_WORDS[company] if company is not None else "company not known"


def describe_weekdays(weekdays: tuple[int, ...]) -> str:
    """'mon-fri', 'sat, sun', 'every day'."""
    days = sorted(set(weekdays))
    if days == list(range(7)):
        return "every day"
    if len(days) > 2 and days == list(range(days[0], days[-1] + 1)):
        return f"{WEEKDAY_NAMES[days[0]]}-{WEEKDAY_NAMES[days[-1]]}"
    return ", ".join(WEEKDAY_NAMES[d] for d in days)


@dataclass(frozen=True)
class Rule:
    """Maps a context (audience and time) to a playlist."""

    name: str
    playlist: str
    conditions: Conditions = field(default_factory=Conditions)
    priority: int = 0  # higher wins; a higher-priority rule may interrupt a lower one
    weight: float = 1.0  # share among matching rules of the same priority
    cooldown_s: float = 0.0  # after this rule starts its playlist, it rests this long
    max_plays_per_hour: int | None = None
    enabled: bool = True
    note: str = ""
    origin: RuleOrigin = RuleOrigin.MANUAL
    # For learned rules: support, confidence, lift, baskets, ... as the learner found them.
    learned_metrics: dict[str, float] = field(default_factory=dict)
