"""Property-based: any rule set and any audience give a valid decision, never restricted items for minors."""

from __future__ import annotations

import dataclasses
import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from audience.engine import build_snapshot
from audience.types import (
    AGE_GROUPS,
    AgeGroup,
    Attire,
    Gender,
    SignalState,
    TimeContext,
)
from playlists.decision import AudienceView, DecisionSettings, RuleBook, decide
from playlists.model import Conditions, Playlist, PlaylistItem, Rule, TimeWindow
from tests.audience.builders import make_visitor
from tests.playlists.builders import make_content

CONTENT = {
    name: make_content(name, age_restricted=restricted)
    for name, restricted in [("chips", False), ("coffee", False), ("news", False), ("beer", True), ("lottery", True)]
}
PLAYLIST_NAMES = ("p0", "p1", "p2", "p3")

hhmm = st.builds(lambda h, m: f"{h:02d}:{m:02d}", st.integers(0, 23), st.sampled_from([0, 15, 30, 45]))
windows = st.builds(TimeWindow, hhmm, hhmm).filter(lambda w: w.start_hhmm != w.end_hhmm)
dates = st.dates(dt.date(2026, 1, 1), dt.date(2027, 12, 31))

conditions = st.builds(
    Conditions,
    age_groups=st.lists(st.sampled_from(list(AgeGroup)), max_size=3, unique=True).map(tuple),
    attire=st.lists(st.sampled_from(list(Attire)), max_size=2, unique=True).map(tuple),
    genders=st.lists(st.sampled_from([Gender.FEMALE, Gender.MALE]), max_size=1).map(tuple),
    min_group_size=st.integers(0, 4),
    max_group_size=st.none() | st.integers(1, 6),
    min_dwell_s=st.sampled_from([0.0, 2.0, 10.0]),
    time_windows=st.lists(windows, max_size=2).map(tuple),
    weekdays=st.lists(st.integers(0, 6), max_size=7, unique=True).map(tuple),
    date_from=st.none() | dates,
    date_until=st.none() | dates,
)


@st.composite
def rule_books(draw) -> RuleBook:
    playlists = {
        name: Playlist(name, tuple(PlaylistItem(c) for c in draw(st.lists(st.sampled_from(sorted(CONTENT)), max_size=4))))
        for name in PLAYLIST_NAMES
    }
    rules = tuple(
        Rule(
            name=f"rule{i}",
            playlist=draw(st.sampled_from(PLAYLIST_NAMES + ("missing",))),
            conditions=draw(conditions),
            priority=draw(st.integers(0, 5)),
            weight=draw(st.sampled_from([0.0, 0.5, 1.0, 3.0])),
            enabled=draw(st.booleans()),
        )
        for i in range(draw(st.integers(0, 12)))
    )
    return RuleBook(rules, playlists, CONTENT, draw(st.sampled_from(PLAYLIST_NAMES)))


hypothetical_audiences = st.builds(
    AudienceView.hypothetical,
    age_group=st.none() | st.sampled_from(list(AgeGroup)),
    attire=st.sampled_from(list(Attire)),
    group_size=st.integers(0, 6),
    dwell_s=st.floats(0, 30),
    gender=st.sampled_from(list(Gender)),
) | st.just(AudienceView.no_signal()) | st.just(AudienceView.nobody())

times = st.datetimes(dt.datetime(2026, 1, 1), dt.datetime(2027, 12, 31))
decision_settings = st.builds(
    DecisionSettings,
    min_audience_confidence=st.floats(0, 1),
    minor_probability_threshold=st.floats(0.01, 1),
    gender_targeting=st.booleans(),
)


def check_valid(book: RuleBook, decision) -> None:
    if decision.playlist is None:
        assert decision.items == ()
    else:
        assert decision.playlist in book.playlists
        listed = {item.content for item in book.playlists[decision.playlist].items}
        assert decision.items and all(item.content.name in listed for item in decision.items)
    if decision.rule is not None:
        rule = next(r for r in book.rules if r.name == decision.rule)
        assert rule.enabled and rule.playlist == decision.playlist
    for item in decision.items:
        assert item.content.valid_on(decision.when.date())
    if decision.audience.minors_likely:
        assert not any(item.content.age_restricted for item in decision.items)
    assert decision.playlist is None or decision.playlist in decision.explain()


@settings(max_examples=300, deadline=None)
@given(rule_books(), hypothetical_audiences, times, decision_settings)
def test_any_rules_and_audience_give_a_valid_deterministic_decision(book, who, when, options):
    decision = decide(book, who, when, settings=options)
    check_valid(book, decision)
    assert decide(book, who, when, settings=options) == decision


group_probabilities = st.lists(st.floats(0.0, 1.0), min_size=len(AGE_GROUPS), max_size=len(AGE_GROUPS)).filter(
    lambda values: sum(values) > 0
)


@st.composite
def snapshots(draw):
    visitors = []
    for track_id in range(1, draw(st.integers(0, 4)) + 1):
        values = draw(group_probabilities)
        total = sum(values)
        probabilities = {group.value: v / total for group, v in zip(AGE_GROUPS, values)}
        best = max(probabilities, key=probabilities.get)
        unknown_age = draw(st.booleans()) and draw(st.booleans())
        visitor = make_visitor(
            track_id,
            None if unknown_age else AgeGroup(best),
            probabilities[best],
            draw(st.sampled_from(list(Attire))),
            draw(st.floats(0, 1)),
            dwell_s=draw(st.floats(0, 60)),
        )
        visitors.append(dataclasses.replace(visitor, age_group_probabilities={} if unknown_age else probabilities))
    signal = draw(st.sampled_from(list(SignalState)))
    when = draw(times)
    return build_snapshot(1.0, TimeContext.of(when), signal, tuple(visitors) if signal is SignalState.OK else (), 0), when


@settings(max_examples=300, deadline=None)
@given(rule_books(), snapshots(), decision_settings)
def test_no_restricted_item_while_any_visitor_may_be_a_minor(book, snapshot_and_time, options):
    snapshot, when = snapshot_and_time
    who = AudienceView.from_snapshot(snapshot, options)
    decision = decide(book, who, when, settings=options)
    check_valid(book, decision)
    minor_groups = [g.value for g in options.minor_age_groups]
    someone_may_be_minor = snapshot.signal is not SignalState.OK or any(
        v.age_group is None
        or sum(v.age_group_probabilities.get(g, 0.0) for g in minor_groups) >= options.minor_probability_threshold
        for v in snapshot.visitors
    )
    if someone_may_be_minor:
        assert not any(item.content.age_restricted for item in decision.items)
