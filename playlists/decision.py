"""The decision: which playlist fits this audience at this time, and why.

`decide(book, audience, when, usage, settings)` is a pure function: the same rule book,
audience, time and play history always give the same `Decision`. It reads the rules in
priority order (highest first) and stops at the first priority level with a match:

1. a disabled rule, or one outside its dates, weekdays or time windows, does not match;
2. a rule with audience conditions needs a *certain* audience: the camera has signal and
   the snapshot's confidence is at least `min_audience_confidence` (or nobody is there).
   Otherwise only time-only rules can match ("uncertain audiences fall back to time-only
   rules, then the default");
3. the audience conditions are checked against the dominant segment (age group and
   attire), the group size, the group's company (alone, an adult with a child, teens,
   adults: `audience.types.company_of`) and the longest dwell;
4. a rule resting after its last start (`cooldown_s`) or at its `max_plays_per_hour`
   does not match;
5. a rule whose playlist has nothing playable now does not match (see the guardrail).

Several matches at the top priority share the slot by `weight`, through a draw seeded by
the minute and the rules' names: deterministic, and proportional over a day. No match
plays the default playlist.

**Randomised holdout.** To measure whether targeting sells, a share of the decisions a
targeted rule (one with audience conditions) wins are put in the *control* arm
(`with_arm`): they play what would play without audience targeting, the decision of
`decide(..., targeting=False)` (time-only rules, then the default). Both arms go through
`playable_items`, so the minors guardrail and age restrictions hold in both. The decision
remembers the arm, the targeted rule and what the other arm would have shown, for proof
of play and the uplift report (`playlists.uplift`). Which arm a run of wins gets is drawn
by `playlists.holdout.HoldoutDraw`, seeded, so a replay draws the same.

**Minors guardrail.** An age-restricted item (alcohol, tobacco, lottery) is never part
of a decision while a visitor likely to be a minor is present: one whose probability
of being in a minor age group (child or teen) is at least `minor_probability_threshold`,
or whose age is unknown (no usable face yet), or when the camera has no signal. It acts
on items after the rule is chosen, so no rule, priority or playlist can defeat it; the
decision says when it fired and what it withheld.

Speed: rules are compiled once per `RuleBook` into integer bit masks and minute ranges;
the rules whose dates, weekdays and hours hold are kept per minute; the fast path
records no reasons. `Decision.considered` and `explain()` go through every rule again,
recording why each lost, only when asked. 1,000 rules decide in well under a
millisecond (see benchmarks/rules_bench.py).
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import random
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import ClassVar

from audience.settings import SHARE, Range, between
from audience.types import (
    MINOR_AGE_GROUPS,
    AgeGroup,
    Attire,
    AudienceSnapshot,
    Company,
    Gender,
    SignalState,
    company_of,
)
from content.model import ContentItem
from foundation.i18n import tr, tr_noop
from playlists.model import Playlist, Rule, describe_company, describe_weekdays

NO_RULE_PRIORITY = -(2**31)  # the default playlist's priority: anything interrupts it


@dataclass(frozen=True)
class DecisionSettings:
    """How cautious the decision is (`decision:` in the config file)."""

    min_audience_confidence: float = 0.35  # below: the audience counts as uncertain
    minor_age_groups: tuple[AgeGroup, ...] = MINOR_AGE_GROUPS
    # A visitor whose probability of a minor age group is at least this is a likely minor.
    minor_probability_threshold: float = 0.2
    gender_targeting: bool = False  # rules naming genders match only when this is on
    # The share of a targeted rule's wins shown the control instead (0: no holdout).
    holdout_share: float = 0.10
    holdout_seed: int = 0  # seeds the arm draws; kiosks of one chain may differ

    RANGES: ClassVar[dict[str, Range]] = {
        "min_audience_confidence": SHARE, "minor_probability_threshold": SHARE, "holdout_share": SHARE,
        "holdout_seed": between(0, 2**31 - 1),
    }


class Arm(str, enum.Enum):
    """The arm of the randomised holdout a decision of a targeted rule belongs to."""

    TARGETED = "targeted"  # the targeted rule's playlist plays
    CONTROL = "control"  # what would play without audience targeting plays instead


# --------------------------------------------------------------------------------------
# The audience as the decision sees it


@dataclass(frozen=True)
class AudienceView:
    """What the decision needs to know about who is in front of the screen."""

    group_size: int
    age_group: AgeGroup | None  # of the dominant segment
    attire: Attire  # of the dominant segment
    gender: Gender  # the majority of the dominant segment's visitors
    max_dwell_s: float
    confidence: float  # 0..1, the snapshot's confidence in its dominant segment
    signal_ok: bool
    minors_likely: bool
    minors_reason: str  # why minors are (or are not) considered present
    # Who is with whom (`company_of`); None: nobody there, or a visitor's age not known yet.
    company: Company | None = None
    # Every known age group in the group: a rule with a company condition ("an adult with
    # a child") checks its ages against these, not only the dominant segment's (the child's
    # face may be the more confident one).
    ages_present: frozenset[AgeGroup] = frozenset()

    @classmethod
    def from_snapshot(cls, snapshot: AudienceSnapshot, settings: DecisionSettings = DecisionSettings()) -> AudienceView:
        """Summarise an audience snapshot for the decision."""
        segment = snapshot.dominant_segment
        visitors = snapshot.visitors
        gender = Gender.UNKNOWN
        if segment is not None:
            members = [v for v in visitors if v.age_group == segment.age_group and v.attire == segment.attire]
            female = sum(1 for v in members if v.gender is Gender.FEMALE)
            male = sum(1 for v in members if v.gender is Gender.MALE)
            if female != male:
                gender = Gender.FEMALE if female > male else Gender.MALE
        signal_ok = snapshot.signal is SignalState.OK
        minors, reason = _minors(snapshot, settings)
        return cls(
            group_size=len(visitors),
            age_group=segment.age_group if segment else None,
            attire=segment.attire if segment else Attire.UNKNOWN,
            gender=gender,
            max_dwell_s=max((v.dwell_s for v in visitors), default=0.0),
            confidence=snapshot.confidence,
            signal_ok=signal_ok,
            minors_likely=minors,
            minors_reason=reason,
            company=company_of((v.age_group for v in visitors), settings.minor_age_groups) if signal_ok else None,
            ages_present=frozenset(v.age_group for v in visitors if v.age_group is not None),
        )

    @classmethod
    def hypothetical(
        cls,
        age_group: AgeGroup | None = None,
        attire: Attire = Attire.UNKNOWN,
        group_size: int = 1,
        dwell_s: float = 5.0,
        gender: Gender = Gender.UNKNOWN,
        settings: DecisionSettings = DecisionSettings(),
        company: Company | None = None,
    ) -> AudienceView:
        """An audience a marketer describes ("a group of 3 students"), taken as certain.

        `company` None: one visitor is alone, a larger group's company is not known.
        An adult with a child counts as a group where a minor is likely (the guardrail acts).
        """
        if group_size == 0:
            return cls.nobody()
        if company is None and group_size == 1:
            company = Company.ALONE
        minors = age_group is None or age_group in settings.minor_age_groups
        reason = (
            f"the audience is {age_group.value}" if age_group is not None else "the audience's age is not given"
        )
        if company in (Company.ADULT_WITH_CHILD, Company.TEENS) and not minors:
            minors, reason = True, f"the audience is {describe_company(company)}"
        present = frozenset() if age_group is None else frozenset({age_group})
        return cls(group_size, age_group, attire, gender, dwell_s, 1.0, True, minors, reason, company, present)

    @classmethod
    def nobody(cls) -> AudienceView:
        """Nobody in front of the screen (and the camera sees that)."""
        return cls(0, None, Attire.UNKNOWN, Gender.UNKNOWN, 0.0, 1.0, True, False, "nobody is there")

    @classmethod
    def no_signal(cls) -> AudienceView:
        """The camera is lost: who is there is unknown."""
        return cls(0, None, Attire.UNKNOWN, Gender.UNKNOWN, 0.0, 0.0, False, True, "the camera has no signal")

    def describe_words(self) -> str:
        """`describe()` in the reader's language: '3 people, mostly teens in school uniform
        (confidence 0.72)'."""
        return display_audience(self)

    def minors_reason_words(self) -> str:
        """`minors_reason` in the reader's language."""
        return display_minors_reason(self.minors_reason)

    def describe(self) -> str:
        """'3 visitors, mostly teen/school_uniform (confidence 0.72)' (the company: `explain`)."""
        if not self.signal_ok:
            return "no camera signal"
        if self.group_size == 0:
            return "nobody there"
        people = "1 visitor" if self.group_size == 1 else f"{self.group_size} visitors"
        segment = f"{self.age_group.value if self.age_group else 'unknown age'}/{self.attire.value}"
        return f"{people}, mostly {segment} (confidence {self.confidence:.2f})"


@dataclass(frozen=True)
class SimulatedAudience:
    """An audience described by hand, as `signage rules simulate` and the editor's simulator take it.

    Both build the decision's audience through `view`, so the same description gives the
    same decision in the terminal and in the editor.
    """

    age_group: AgeGroup | None = None  # None: the age is not known
    attire: Attire = Attire.UNKNOWN
    group_size: int = 1  # 0: nobody there
    dwell_s: float = 5.0  # how long the longest-staying visitor has been there
    gender: Gender = Gender.UNKNOWN
    confidence: float = 1.0  # how sure the camera is of the audience, 0..1
    # Someone else in the group may be a minor (an adult with a teen): the guardrail acts.
    minor_present: bool = False
    no_signal: bool = False  # the camera is lost: everything above is ignored
    # Who the visitors are with; None: one visitor is alone, a group's company is not known.
    company: Company | None = None

    def problem(self) -> str | None:
        """Why this audience cannot be (a company that does not fit the group size), or None."""
        if self.no_signal or self.group_size == 0 or self.company is None:
            return None
        if self.company is Company.ALONE and self.group_size != 1:
            return f"company alone needs a group size of 1, got {self.group_size}"
        if self.company is not Company.ALONE and self.group_size < 2:
            return f"company {self.company.value} needs a group size of 2 or more, got {self.group_size}"
        return None

    def view(self, settings: DecisionSettings = DecisionSettings()) -> AudienceView:
        """The audience as the decision sees it (`problem()` says first whether it can be)."""
        if self.no_signal:
            return AudienceView.no_signal()
        audience = AudienceView.hypothetical(
            self.age_group, self.attire, self.group_size, self.dwell_s, self.gender, settings, self.company
        )
        if self.group_size > 0:
            audience = replace(audience, confidence=self.confidence)
            if self.minor_present and not audience.minors_likely:
                audience = replace(audience, minors_likely=True, minors_reason="someone in the group may be a minor")
        return audience


def _minors(snapshot: AudienceSnapshot, settings: DecisionSettings) -> tuple[bool, str]:
    if snapshot.signal is not SignalState.OK:
        return True, "the camera has no signal"
    groups = [group.value for group in settings.minor_age_groups]
    for visitor in snapshot.visitors:
        if visitor.age_group is None or not visitor.age_group_probabilities:
            return True, f"visitor {visitor.track_id}'s age is not known yet"
        p_minor = sum(visitor.age_group_probabilities.get(group, 0.0) for group in groups)
        if p_minor >= settings.minor_probability_threshold:
            return True, (
                f"visitor {visitor.track_id} may be a minor "
                f"(P({'/'.join(groups)}) = {p_minor:.2f} >= {settings.minor_probability_threshold:.2f})"
            )
    if not snapshot.visitors:
        return False, "nobody is there"
    return False, "no visitor is likely to be a minor"


# --------------------------------------------------------------------------------------
# The rule book: rules compiled for fast matching


@dataclass(frozen=True)
class _Compiled:
    """One rule's conditions as bit masks and ranges (0 mask = any)."""

    rule: Rule
    age_mask: int
    attire_mask: int
    gender_mask: int
    company_mask: int
    weekday_mask: int
    windows: tuple[tuple[int, int], ...]  # (start, end) minutes; end < start wraps midnight
    uses_audience: bool

    def applies_on(self, day: dt.date, weekday_bit: int, minute: int) -> str | None:
        """The reason code why the rule does not apply at this time (or disabled), or None."""
        rule = self.rule
        if not rule.enabled:
            return DISABLED
        conditions = rule.conditions
        if (conditions.date_from is not None and day < conditions.date_from) or (
            conditions.date_until is not None and day > conditions.date_until
        ):
            return OUTSIDE_DATES
        if self.weekday_mask and not self.weekday_mask & weekday_bit:
            return WRONG_WEEKDAY
        if self.windows and not any(
            (start <= minute < end) if start <= end else (minute >= start or minute < end)
            for start, end in self.windows
        ):
            return OUTSIDE_HOURS
        return None


_AGE_BITS = {group: 1 << i for i, group in enumerate(AgeGroup)}
_ATTIRE_BITS = {attire: 1 << i for i, attire in enumerate(Attire)}
_GENDER_BITS = {gender: 1 << i for i, gender in enumerate(Gender)}
_COMPANY_BITS = {company: 1 << i for i, company in enumerate(Company)}


def _mask(values, bits: Mapping) -> int:
    mask = 0
    for value in values:
        mask |= bits[value]
    return mask


def _compile(rule: Rule) -> _Compiled:
    conditions = rule.conditions
    return _Compiled(
        rule=rule,
        age_mask=_mask(conditions.age_groups, _AGE_BITS),
        attire_mask=_mask(conditions.attire, _ATTIRE_BITS),
        gender_mask=_mask(conditions.genders, _GENDER_BITS),
        company_mask=_mask(conditions.company, _COMPANY_BITS),
        weekday_mask=_mask(conditions.weekdays, {d: 1 << d for d in range(7)}),
        windows=tuple((w.start_minute, w.end_minute) for w in conditions.time_windows),
        uses_audience=conditions.uses_audience,
    )


@dataclass(frozen=True)
class RuleBook:
    """Everything a decision reads: rules, playlists, the catalog and the default playlist.

    Built once per change of the store (the player swaps the whole book atomically);
    its rules are compiled and sorted by priority when it is built.
    """

    rules: tuple[Rule, ...]
    playlists: Mapping[str, Playlist]
    content: Mapping[str, ContentItem]
    default_playlist: str | None
    revision: int = 0  # the store's revision it was built from
    _compiled: tuple[_Compiled, ...] = field(init=False, repr=False, compare=False)
    # Names of the rules with audience conditions: the ones the holdout applies to.
    targeted_rules: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        ordered = sorted(self.rules, key=lambda r: (-r.priority, r.name))
        object.__setattr__(self, "_compiled", tuple(_compile(rule) for rule in ordered))
        object.__setattr__(self, "_eligible_cache", (None, ()))
        targeted = frozenset(c.rule.name for c in self._compiled if c.uses_audience)
        object.__setattr__(self, "targeted_rules", targeted)

    def eligible_at(self, when: dt.datetime) -> tuple[_Compiled, ...]:
        """Enabled rules whose dates, weekdays and hours include `when`'s minute, by priority.

        Decisions come every half second and the answer changes at most once a minute,
        so the last answer is kept (a one-entry cache; a race between threads would only
        compute it twice).
        """
        key = (when.date(), when.hour * 60 + when.minute)
        cached_key, cached = self._eligible_cache
        if cached_key == key:
            return cached
        day, minute = key
        weekday_bit = 1 << when.weekday()
        eligible = tuple(c for c in self._compiled if c.applies_on(day, weekday_bit, minute) is None)
        object.__setattr__(self, "_eligible_cache", (key, eligible))
        return eligible


@dataclass(frozen=True)
class PlayableItem:
    """An item of the chosen playlist, resolved against the catalog."""

    content: ContentItem
    duration_s: float  # the playlist's override, else the item's own duration


# Reason codes of a rule that did not win (sentences are written by `explain`).
DISABLED = "disabled"
OUTSIDE_DATES = "dates"
WRONG_WEEKDAY = "weekday"
OUTSIDE_HOURS = "hours"
AUDIENCE_UNCERTAIN = "uncertain"
NOBODY = "nobody"
AGE = "age"
ATTIRE = "attire"
GENDER_OFF = "gender_off"
GENDER = "gender"
COMPANY = "company"
GROUP_SIZE = "group_size"
DWELL = "dwell"
COOLING = "cooling"
MAX_PLAYS = "max_plays"
NOTHING_PLAYABLE = "nothing_playable"
LOWER_PRIORITY = "lower_priority"  # would match, but the winner has a higher priority
LOST_DRAW = "lost_draw"
HELD_OUT = "held_out"  # an audience rule, set aside because the decision is in the control arm
WON = "won"


@dataclass(frozen=True)
class Decision:
    """What to play, the rule behind it, and everything needed to explain why."""

    when: dt.datetime
    playlist: str | None  # None: nothing at all is playable (the player shows its fallback)
    rule: str | None  # None: the default playlist
    priority: int
    items: tuple[PlayableItem, ...]
    guardrail_fired: bool  # age-restricted items were withheld
    withheld: tuple[str, ...]  # names of the items the guardrail withheld
    audience: AudienceView
    audience_used: bool  # False: the audience was uncertain, only time-only rules could match
    settings: DecisionSettings = field(default_factory=DecisionSettings, repr=False)
    # What the decision was made from, kept to explain it (not part of its identity).
    book: RuleBook | None = field(default=None, repr=False, compare=False)
    usage: Mapping[str, Sequence[dt.datetime]] = field(default_factory=dict, repr=False, compare=False)
    # The randomised holdout (see `with_arm`); None: the winner is no targeted rule, or no holdout.
    arm: Arm | None = None
    holdout_rule: str | None = None  # the targeted rule that won, in either arm
    other_playlist: str | None = None  # what the other arm would have shown

    @functools.cached_property
    def considered(self) -> tuple[tuple[Rule, str], ...]:
        """(rule, reason code) for every rule, by priority (worked out when first asked for)."""
        return reasons(self) if self.book is not None else ()

    @property
    def reason(self) -> str:
        """One sentence: why this playlist plays."""
        if self.arm is Arm.CONTROL:
            return (
                f"holdout control for rule '{self.holdout_rule}' (which would have played "
                f"'{self.other_playlist or '(nothing)'}'): {self._plain_reason()}"
            )
        return self._plain_reason()

    def _plain_reason(self) -> str:
        if self.playlist is None:
            return "nothing is playable: no rule matched and the default playlist has no playable item"
        if self.rule is None:
            if not self.considered:
                why = "there are no rules"
            elif all(code == DISABLED for _, code in self.considered):
                why = "every rule is disabled"
            else:
                why = "no rule matched"
            return f"default playlist '{self.playlist}': {why}"
        rule = next(rule for rule, code in self.considered if code == WON)
        return (
            f"rule '{rule.name}' (priority {rule.priority}) matched {self.audience.describe()} on "
            f"{self.when:%a %H:%M}: {rule.conditions.describe()}"
        )

    def explain(self) -> str:
        """The decision in sentences: the winner, the guardrail, and why each other rule lost."""
        lines = [f"plays: {self.playlist or '(nothing)'}", f"why: {self.reason}"]
        audience_line = f"audience: {self.audience.describe()}"
        if self.audience.company is not None:
            audience_line += f"; company: {describe_company(self.audience.company)}"
        lines.append(audience_line)
        if not self.audience_used:
            lines.append(
                f"  the audience is uncertain ({_uncertainty(self.audience, self.settings)}): "
                "only time-only rules could match"
            )
        if self.arm is not None:
            lines.append(
                f"holdout: the {self.arm.value} arm for rule '{self.holdout_rule}'; the other arm would have "
                f"shown {self.other_playlist or '(nothing)'}"
            )
        if self.guardrail_fired:
            lines.append(
                f"minors guardrail: withheld {', '.join(self.withheld)} because {self.audience.minors_reason}"
            )
        others = [(rule, code) for rule, code in self.considered if code != WON]
        if others:
            lines.append("other rules:")
            for rule, code in others:
                lines.append(f"  {rule.name} (priority {rule.priority}): {self._why_not(rule, code)}")
        lines.append("items: " + (", ".join(f"{i.content.name} ({i.duration_s:g} s)" for i in self.items) or "none"))
        return "\n".join(lines)

    def why_not(self, rule: Rule, code: str) -> str:
        """Why `rule` did not win, in the words of `explain()` (`code` as in `considered`)."""
        return self._why_not(rule, code)

    # The decision for people to read, in the process's language (`foundation.i18n`).
    # `reason`, `explain()` and `why_not()` above stay English: the reason is stored in
    # proof of play and traces (the golden replay reads them); these are for display only.

    def reason_words(self) -> str:
        """`reason` in the reader's language, with the audience and conditions in words."""
        return display_reason(self)

    def explain_words(self) -> str:
        """`explain()` in the reader's language (`signage rules simulate`, the editor)."""
        return display_explanation(self)

    def why_not_words(self, rule: Rule, code: str) -> str:
        """`why_not()` in the reader's language."""
        return display_why_not(self, rule, code)

    def _why_not(self, rule: Rule, code: str) -> str:
        c = rule.conditions
        audience = self.audience
        when = self.when
        sentences = {
            DISABLED: "disabled",
            OUTSIDE_DATES: f"runs {c.date_from or '...'} to {c.date_until or '...'}, not on {when:%Y-%m-%d}",
            WRONG_WEEKDAY: f"runs on {describe_weekdays(c.weekdays)}, not on {when:%a}",
            OUTSIDE_HOURS: f"runs {', '.join(w.label() for w in c.time_windows)}, not at {when:%H:%M}",
            AUDIENCE_UNCERTAIN: "needs a known audience, and the audience is uncertain",
            NOBODY: "needs someone in front of the screen, and nobody is there",
            AGE: f"wants {'/'.join(g.value for g in c.age_groups)}, the audience is "
            f"{audience.age_group.value if audience.age_group else 'of unknown age'}",
            ATTIRE: f"wants {'/'.join(a.value for a in c.attire)}, the audience wears {audience.attire.value}",
            GENDER_OFF: "targets a gender, and gender targeting is switched off",
            GENDER: f"wants {'/'.join(g.value for g in c.genders)}, the audience is {audience.gender.value}",
            COMPANY: f"wants {' or '.join(describe_company(k) for k in c.company)}, the audience is "
            f"{describe_company(audience.company)}",
            GROUP_SIZE: f"wants groups of {c.min_group_size}"
            f"{'+' if c.max_group_size is None else f'-{c.max_group_size}'}, {audience.group_size} there",
            DWELL: f"wants visitors staying {c.min_dwell_s:g}+ s, the longest stayed {audience.max_dwell_s:.1f} s",
            COOLING: f"resting: cooldown of {rule.cooldown_s:g} s after its last start",
            MAX_PLAYS: f"already started {rule.max_plays_per_hour} times in the last hour (its maximum)",
            NOTHING_PLAYABLE: f"its playlist '{rule.playlist}' has nothing playable now",
            LOWER_PRIORITY: "matches too, but a rule of higher priority won",
            LOST_DRAW: f"matched, but lost the weighted draw among equal priorities (weight {rule.weight:g})",
            HELD_OUT: "matches the audience, but this decision is in the holdout's control arm (no targeting)",
        }
        return sentences.get(code, code)


def _uncertainty(audience: AudienceView, settings: DecisionSettings) -> str:
    if not audience.signal_ok:
        return "no camera signal"
    return f"confidence {audience.confidence:.2f} < {settings.min_audience_confidence:.2f}"


# --------------------------------------------------------------------------------------
# The decision


def decide(
    book: RuleBook,
    audience: AudienceView,
    when: dt.datetime,
    usage: Mapping[str, Sequence[dt.datetime]] | None = None,
    settings: DecisionSettings = DecisionSettings(),
    *,
    targeting: bool = True,
) -> Decision:
    """Pick the playlist for `audience` at local time `when`.

    `usage` maps rule names to the times their playlists started (for cooldowns and
    plays per hour); the player keeps it. Pure: nothing is read from the clock or disk.
    This is the fast path: it records no reasons; `Decision.considered` works them out
    when an explanation is asked for. `targeting=False` sets every rule with audience
    conditions aside: what would play without audience targeting (the holdout's control).
    """
    usage = usage or {}
    certain = _audience_certain(audience, settings)
    day = when.date()
    bits = _audience_bits(audience)
    matches: list[tuple[Rule, tuple[PlayableItem, ...], tuple[str, ...]]] = []
    for compiled in book.eligible_at(when):
        rule = compiled.rule
        if matches and rule.priority < matches[0][0].priority:
            break
        if compiled.uses_audience and (
            not targeting or _audience_mismatch(compiled, certain, audience, bits, settings) is not None
        ):
            continue
        if _resting(rule, usage.get(rule.name, ()), when) is not None:
            continue
        items, withheld = playable_items(book, rule.playlist, day, audience.minors_likely)
        if items:
            matches.append((rule, items, withheld))
    if matches:
        winner, items, withheld = _draw(matches, when)
        rule_name, playlist, priority = winner.name, winner.playlist, winner.priority
    else:
        items, withheld = playable_items(book, book.default_playlist, day, audience.minors_likely)
        rule_name, playlist, priority = None, (book.default_playlist if items else None), NO_RULE_PRIORITY
    return Decision(
        when, playlist, rule_name, priority, items, bool(withheld), withheld, audience, certain, settings,
        book=book, usage=usage,
    )


def with_arm(decision: Decision, arm: Arm) -> Decision:
    """`decision`, won by a targeted rule, in `arm` of the holdout.

    TARGETED keeps what the rule chose; CONTROL plays what `decide` gives without audience
    targeting. Either way the decision records the rule and what the other arm would have
    shown. A decision no targeted rule won is returned as it is.
    """
    book = decision.book
    if book is None or decision.rule is None or decision.rule not in book.targeted_rules:
        return decision
    control = decide(book, decision.audience, decision.when, decision.usage, decision.settings, targeting=False)
    if arm is Arm.TARGETED:
        return replace(decision, arm=arm, holdout_rule=decision.rule, other_playlist=control.playlist)
    return replace(control, arm=arm, holdout_rule=decision.rule, other_playlist=decision.playlist)


def _audience_certain(audience: AudienceView, settings: DecisionSettings) -> bool:
    """Known signal, and nobody there or a confident dominant segment."""
    return audience.signal_ok and (audience.group_size == 0 or audience.confidence >= settings.min_audience_confidence)


def _audience_bits(audience: AudienceView) -> tuple[int, int, int, int, int]:
    return (
        _AGE_BITS[audience.age_group] if audience.age_group is not None else 0,
        _ATTIRE_BITS[audience.attire],
        _GENDER_BITS[audience.gender],
        _COMPANY_BITS[audience.company] if audience.company is not None else 0,
        _mask(audience.ages_present, _AGE_BITS),
    )


def _audience_mismatch(
    compiled: _Compiled, certain: bool, audience: AudienceView, bits: tuple[int, int, int, int, int],
    settings: DecisionSettings,
) -> str | None:
    """The reason code why a rule's audience conditions do not hold, or None when they do."""
    age_bit, attire_bit, gender_bit, company_bit, present_bits = bits
    conditions = compiled.rule.conditions
    if not certain:
        return AUDIENCE_UNCERTAIN
    someone = 1 if (compiled.age_mask or compiled.attire_mask or compiled.company_mask) else 0
    if audience.group_size < max(conditions.min_group_size, someone):
        return NOBODY if audience.group_size == 0 else GROUP_SIZE
    if conditions.max_group_size is not None and audience.group_size > conditions.max_group_size:
        return GROUP_SIZE
    if compiled.age_mask and not compiled.age_mask & age_bit:
        # With a company condition the age is anyone's in the group: "an adult with a
        # child" holds when the child's is the dominant segment.
        if not (compiled.company_mask and compiled.age_mask & present_bits):
            return AGE
    if compiled.attire_mask and not compiled.attire_mask & attire_bit:
        return ATTIRE
    if compiled.company_mask and not compiled.company_mask & company_bit:
        return COMPANY
    if compiled.gender_mask:
        if not settings.gender_targeting:
            return GENDER_OFF
        if not compiled.gender_mask & gender_bit:
            return GENDER
    if audience.max_dwell_s < conditions.min_dwell_s:
        return DWELL
    return None


def reasons(decision: Decision) -> tuple[tuple[Rule, str], ...]:
    """(rule, reason code) for every rule of the book, by priority: the slow, explaining path."""
    book, usage, when, audience = decision.book, decision.usage, decision.when, decision.audience
    day, minute, weekday_bit = when.date(), when.hour * 60 + when.minute, 1 << when.weekday()
    bits = _audience_bits(audience)
    result = []
    for compiled in book._compiled:
        rule = compiled.rule
        if decision.rule is not None and rule.name == decision.rule:
            code = WON
        else:
            code = compiled.applies_on(day, weekday_bit, minute)
            if code is None and compiled.uses_audience:
                code = _audience_mismatch(compiled, decision.audience_used, audience, bits, decision.settings)
                if code is None and decision.arm is Arm.CONTROL:
                    code = HELD_OUT  # it matches, but the control arm sets audience rules aside
            if code is None:
                code = _resting(rule, usage.get(rule.name, ()), when)
            if code is None and not playable_items(book, rule.playlist, day, audience.minors_likely)[0]:
                code = NOTHING_PLAYABLE
            if code is None:
                code = LOWER_PRIORITY if rule.priority < decision.priority else LOST_DRAW
        result.append((rule, code))
    return tuple(result)


def _resting(rule: Rule, starts: Sequence[dt.datetime], when: dt.datetime) -> str | None:
    if not starts:
        return None
    if rule.cooldown_s > 0 and (when - max(starts)).total_seconds() < rule.cooldown_s:
        return COOLING
    if rule.max_plays_per_hour is not None:
        hour_ago = when - dt.timedelta(hours=1)
        if sum(1 for start in starts if hour_ago < start <= when) >= rule.max_plays_per_hour:
            return MAX_PLAYS
    return None


def playable_items(
    book: RuleBook, playlist_name: str | None, day: dt.date, minors_likely: bool
) -> tuple[tuple[PlayableItem, ...], tuple[str, ...]]:
    """(items that may play on `day`, names withheld by the minors guardrail).

    Items missing from the catalog or outside their dates are left out; age-restricted
    items are withheld whenever minors are likely. This is the only place items are
    resolved, so the guardrail cannot be bypassed by any rule or playlist.
    """
    playlist = book.playlists.get(playlist_name) if playlist_name else None
    if playlist is None:
        return (), ()
    items: list[PlayableItem] = []
    withheld: list[str] = []
    for entry in playlist.items:
        content = book.content.get(entry.content)
        if content is None or not content.valid_on(day):
            continue
        if content.age_restricted and minors_likely:
            withheld.append(content.name)
            continue
        items.append(PlayableItem(content, entry.duration_s if entry.duration_s is not None else content.duration_s))
    return tuple(items), tuple(withheld)


def _draw(matches, when: dt.datetime):
    """Pick among equal-priority matches by weight, seeded by the minute and the names."""
    if len(matches) == 1:
        return matches[0]
    weights = [max(rule.weight, 0.0) for rule, _, _ in matches]
    if sum(weights) <= 0:
        weights = [1.0] * len(matches)
    seed = f"{when:%Y-%m-%d %H:%M}|" + "|".join(rule.name for rule, _, _ in matches)
    return random.Random(seed).choices(matches, weights=weights)[0]



# --------------------------------------------------------------------------------------
# The decision in the reader's words and language (display only: nothing here is stored)

_WEEKDAYS = (
    tr_noop("decision", "Mon"), tr_noop("decision", "Tue"), tr_noop("decision", "Wed"), tr_noop("decision", "Thu"),
    tr_noop("decision", "Fri"), tr_noop("decision", "Sat"), tr_noop("decision", "Sun"),
)


def weekday_words(when: dt.datetime) -> str:
    """'Mon' (Korean '월'): the weekday of `when`, short."""
    return tr("decision", _WEEKDAYS[when.weekday()])


def display_audience(audience: AudienceView) -> str:
    """Who is there, in words: '3 people, mostly teens in school uniform (confidence 0.72)'."""
    from playlists.words import people_words, segment_words

    if not audience.signal_ok:
        return tr("decision", "no camera signal")
    if audience.group_size == 0:
        return tr("decision", "nobody there")
    people = people_words(audience.group_size)
    confidence = f"{audience.confidence:.2f}"
    if audience.age_group is None and audience.attire is Attire.UNKNOWN:
        return tr("decision", "{people} of unknown age (confidence {confidence})", people=people, confidence=confidence)
    segment = segment_words(audience.age_group, audience.attire)
    if audience.group_size == 1:  # the segment's words are plural ("teens"): no "mostly" for one person
        return tr("decision", "{people} ({segment}, confidence {confidence})",
                  people=people, segment=segment, confidence=confidence)
    return tr("decision", "{people}, mostly {segment} (confidence {confidence})",
              people=people, segment=segment, confidence=confidence)


# The English minors reasons of this module (AudienceView.minors_reason) and their words.
_MINORS_REASONS = (
    (re.compile(r"the audience is (\w+)$"), "age"),
    (re.compile(r"the audience is (.+)$"), "company"),
    (re.compile(r"visitor (\d+)'s age is not known yet$"), "visitor_unknown"),
    (re.compile(r"visitor (\d+) may be a minor \(.*= ([0-9.]+) >= ([0-9.]+)\)$"), "visitor_minor"),
)


def display_minors_reason(reason: str) -> str:
    """Why minors are (or are not) taken to be present, in the reader's language."""
    from playlists.words import age_group_words, company_words

    fixed = {
        "the audience's age is not given": tr("decision", "the audience's age is not given"),
        "someone in the group may be a minor": tr("decision", "someone in the group may be a minor"),
        "nobody is there": tr("decision", "nobody is there"),
        "the camera has no signal": tr("decision", "the camera has no signal"),
        "no visitor is likely to be a minor": tr("decision", "no visitor is likely to be a minor"),
    }
    if reason in fixed:
        return fixed[reason]
    for pattern, kind in _MINORS_REASONS:
        match = pattern.match(reason)
        if match is None:
            continue
        if kind == "age" and match[1] in {group.value for group in AgeGroup}:
            return tr("decision", "the audience is {who}", who=age_group_words(match[1]))
        if kind == "company":
            company = next((c for c in Company if describe_company(c) == match[1]), None)
            if company is not None:
                return tr("decision", "the audience is {who}", who=company_words(company))
        if kind == "visitor_unknown":
            return tr("decision", "visitor {visitor}'s age is not known yet", visitor=match[1])
        if kind == "visitor_minor":
            return tr(
                "decision", "visitor {visitor} may be a minor (probability {probability}, threshold {threshold})",
                visitor=match[1], probability=match[2], threshold=match[3],
            )
    return reason  # a reason this table does not know yet: English rather than nothing


def display_conditions(rule: Rule) -> str:
    """A rule's conditions in words: 'teens, on weekdays, 15:00-18:30'."""
    from playlists.learning import audience_words, when_words

    c = rule.conditions
    targets = bool(c.age_groups or c.attire or c.company)
    who = audience_words(c) if targets else ""
    when = when_words(c)
    if c.date_from or c.date_until:
        dates = tr("decision", "from {start} to {end}", start=c.date_from or "...", end=c.date_until or "...")
        when = tr("decision", "{first}, {second}", first=when, second=dates) if when else dates
    if who and when:
        return tr("decision", "{who}, {when}", who=who, when=when)
    return who or when or tr("decision", "everyone, at any time")


def display_reason(decision: Decision) -> str:
    """Why this playlist plays, in one sentence of the reader's language."""
    plain = _display_plain_reason(decision)
    if decision.arm is Arm.CONTROL:
        return tr(
            "decision", "Holdout control for rule {rule}, which would have played {playlist}: {reason}",
            rule=decision.holdout_rule, playlist=decision.other_playlist or tr("decision", "(nothing)"), reason=plain,
        )
    return plain


def _display_plain_reason(decision: Decision) -> str:
    if decision.playlist is None:
        return tr("decision", "Nothing is playable: no rule matched and the default playlist has no playable item.")
    if decision.rule is None:
        considered = decision.considered
        if not considered:
            return tr("decision", "The default playlist {playlist} plays: there are no rules.", playlist=decision.playlist)
        if all(code == DISABLED for _, code in considered):
            return tr("decision", "The default playlist {playlist} plays: every rule is switched off.",
                      playlist=decision.playlist)
        return tr("decision", "The default playlist {playlist} plays: no rule matched.", playlist=decision.playlist)
    rule = next(rule for rule, code in decision.considered if code == WON)
    if not rule.conditions.uses_audience:  # a rule of times only: who is there did not matter
        return tr(
            "decision", "Rule {rule} (priority {priority}) applies on {day} {time}: {conditions}.",
            rule=rule.name, priority=rule.priority, day=weekday_words(decision.when),
            time=f"{decision.when:%H:%M}", conditions=display_conditions(rule),
        )
    return tr(
        "decision", "Rule {rule} (priority {priority}) matched {audience} on {day} {time}: {conditions}.",
        rule=rule.name, priority=rule.priority, audience=display_audience(decision.audience),
        day=weekday_words(decision.when), time=f"{decision.when:%H:%M}", conditions=display_conditions(rule),
    )


def display_explanation(decision: Decision) -> str:
    """`Decision.explain()` in the reader's language: the winner, the audience, the holdout,
    the guardrail, why each other rule lost, and the items."""
    from playlists.words import company_words

    nothing = tr("decision", "(nothing)")
    audience = decision.audience
    lines = [
        tr("decision", "Plays: {playlist}", playlist=decision.playlist or nothing),
        tr("decision", "Why: {reason}", reason=display_reason(decision)),
    ]
    if audience.company is not None:
        lines.append(tr("decision", "Audience: {audience}; company: {company}",
                        audience=display_audience(audience), company=company_words(audience.company)))
    else:
        lines.append(tr("decision", "Audience: {audience}", audience=display_audience(audience)))
    if not decision.audience_used:
        if not audience.signal_ok:
            lines.append("  " + tr("decision", "The camera has no signal: only rules without audience conditions could match."))
        else:
            lines.append("  " + tr(
                "decision", "The audience is uncertain (confidence {confidence}, below {minimum}): only rules "
                "without audience conditions could match.",
                confidence=f"{audience.confidence:.2f}", minimum=f"{decision.settings.min_audience_confidence:.2f}",
            ))
    if decision.arm is Arm.TARGETED:
        lines.append(tr("decision", "Holdout: the targeted arm for rule {rule}; the control arm would have shown {playlist}.",
                        rule=decision.holdout_rule, playlist=decision.other_playlist or nothing))
    elif decision.arm is Arm.CONTROL:
        lines.append(tr("decision", "Holdout: the control arm for rule {rule}; the targeted arm would have shown {playlist}.",
                        rule=decision.holdout_rule, playlist=decision.other_playlist or nothing))
    if decision.guardrail_fired:
        lines.append(tr("decision", "Minors guardrail: held back {items} because {reason}.",
                        items=", ".join(decision.withheld), reason=display_minors_reason(audience.minors_reason)))
    others = [(rule, code) for rule, code in decision.considered if code != WON]
    if others:
        lines.append(tr("decision", "Other rules:"))
        for rule, code in others:
            lines.append("  " + tr("decision", "{rule} (priority {priority}): {why}",
                                   rule=rule.name, priority=rule.priority, why=display_why_not(decision, rule, code)))
    if decision.items:
        items = ", ".join(
            tr("decision", "{item} ({seconds} s)", item=item.content.name, seconds=f"{item.duration_s:g}")
            for item in decision.items
        )
        lines.append(tr("decision", "Items: {items}", items=items))
    else:
        lines.append(tr("decision", "Items: none"))
    return "\n".join(lines)


def display_why_not(decision: Decision, rule: Rule, code: str) -> str:
    """Why `rule` did not win, in the reader's language (`code` as in `Decision.considered`)."""
    from playlists.words import age_group_words, attire_words, company_words, or_words

    c, audience, when = rule.conditions, decision.audience, decision.when
    if code == DISABLED:
        return tr("decision", "switched off")
    if code == OUTSIDE_DATES:
        return tr("decision", "runs from {start} to {end}, not on {day}",
                  start=c.date_from or "...", end=c.date_until or "...", day=f"{when:%Y-%m-%d}")
    if code == WRONG_WEEKDAY:
        from playlists.learning import when_words

        return tr("decision", "runs {days}, not on {day}",
                  days=when_words(replace(c, time_windows=())), day=weekday_words(when))
    if code == OUTSIDE_HOURS:
        return tr("decision", "runs {hours}, not at {time}",
                  hours=", ".join(w.label() for w in c.time_windows), time=f"{when:%H:%M}")
    if code == AUDIENCE_UNCERTAIN:
        return tr("decision", "needs a known audience, and the audience is uncertain")
    if code == NOBODY:
        return tr("decision", "needs someone in front of the screen, and nobody is there")
    if code == AGE:
        return tr("decision", "wants {wanted}; the audience is {actual}",
                  wanted=or_words([age_group_words(g) for g in c.age_groups]),
                  actual=age_group_words(audience.age_group) if audience.age_group else tr("decision", "of unknown age"))
    if code == ATTIRE and audience.attire is Attire.UNKNOWN:
        return tr("decision", "wants {wanted}; the audience's clothes are not recognised",
                  wanted=or_words([attire_words(a) for a in c.attire]))
    if code == ATTIRE:
        return tr("decision", "wants {wanted}; the audience wears {actual}",
                  wanted=or_words([attire_words(a) for a in c.attire]), actual=attire_words(audience.attire))
    if code == GENDER_OFF:
        return tr("decision", "targets a gender, and gender targeting is switched off")
    if code == GENDER:
        return tr("decision", "targets another gender than the audience's")
    if code == COMPANY:
        return tr("decision", "wants {wanted}; the audience is {actual}",
                  wanted=or_words([company_words(k) for k in c.company]),
                  actual=company_words(audience.company) if audience.company else tr("decision", "company not known"))
    if code == GROUP_SIZE:
        wanted = (tr("decision", "groups of %n or more", n=c.min_group_size) if c.max_group_size is None
                  else tr("decision", "groups of {low} to {high}", low=c.min_group_size, high=c.max_group_size))
        return tr("decision", "wants {wanted}; {people} there", wanted=wanted,
                  people=tr("words", "%n people", n=audience.group_size))
    if code == DWELL:
        return tr("decision", "wants visitors staying {wanted} s or more; the longest stayed {actual} s",
                  wanted=f"{c.min_dwell_s:g}", actual=f"{audience.max_dwell_s:.1f}")
    if code == COOLING:
        return tr("decision", "resting: cooldown of {seconds} s after its last start", seconds=f"{rule.cooldown_s:g}")
    if code == MAX_PLAYS:
        return tr("decision", "already started %n times in the last hour (its maximum)", n=rule.max_plays_per_hour or 0)
    if code == NOTHING_PLAYABLE:
        return tr("decision", "its playlist {playlist} has nothing playable now", playlist=rule.playlist)
    if code == LOWER_PRIORITY:
        return tr("decision", "matches too, but a rule of higher priority won")
    if code == LOST_DRAW:
        return tr("decision", "matched, but lost the weighted draw among equal priorities (weight {weight})",
                  weight=f"{rule.weight:g}")
    if code == HELD_OUT:
        return tr("decision", "matches the audience, but this decision is in the holdout's control arm (no targeting)")
    return code
