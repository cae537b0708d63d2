"""The decision: every condition, their combinations, fallbacks, the minors guardrail."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from audience.engine import build_snapshot
from audience.types import AgeGroup, Attire, Gender, SignalState, TimeContext
from playlists.decision import AudienceView, DecisionSettings, decide
from playlists.model import Playlist, PlaylistItem
from tests.audience.builders import make_visitor
from tests.playlists.builders import (
    MONDAY_1610,
    SATURDAY_1610,
    TUESDAY_0800,
    audience,
    make_book,
    make_content,
    make_playlist,
    make_rule,
)

TEEN = AgeGroup.TEEN
ADULT = AgeGroup.ADULT

# ------------------------------------------------------------------ one condition at a time


@pytest.mark.parametrize(
    "conditions, who, when, expected",
    [
        # age groups
        ({"age_groups": (TEEN,)}, audience(TEEN), MONDAY_1610, "snacks"),
        ({"age_groups": (TEEN,)}, audience(ADULT), MONDAY_1610, "brand"),
        ({"age_groups": (TEEN, AgeGroup.CHILD)}, audience(AgeGroup.CHILD), MONDAY_1610, "snacks"),
        # attire
        ({"attire": (Attire.SCHOOL_UNIFORM,)}, audience(TEEN, Attire.SCHOOL_UNIFORM), MONDAY_1610, "snacks"),
        ({"attire": (Attire.SCHOOL_UNIFORM,)}, audience(TEEN, Attire.CASUAL), MONDAY_1610, "brand"),
        # both must hold
        ({"age_groups": (TEEN,), "attire": (Attire.SCHOOL_UNIFORM,)}, audience(TEEN, Attire.BUSINESS), MONDAY_1610, "brand"),
        ({"age_groups": (TEEN,), "attire": (Attire.SCHOOL_UNIFORM,)}, audience(ADULT, Attire.SCHOOL_UNIFORM), MONDAY_1610, "brand"),
        ({"age_groups": (TEEN,), "attire": (Attire.SCHOOL_UNIFORM,)}, audience(TEEN, Attire.SCHOOL_UNIFORM), MONDAY_1610, "snacks"),
        # group size
        ({"min_group_size": 3}, audience(TEEN, group_size=3), MONDAY_1610, "snacks"),
        ({"min_group_size": 3}, audience(TEEN, group_size=2), MONDAY_1610, "brand"),
        ({"max_group_size": 2}, audience(TEEN, group_size=3), MONDAY_1610, "brand"),
        ({"min_group_size": 1}, AudienceView.nobody(), MONDAY_1610, "brand"),
        # dwell
        ({"min_dwell_s": 4.0}, audience(TEEN, dwell_s=5.0), MONDAY_1610, "snacks"),
        ({"min_dwell_s": 4.0}, audience(TEEN, dwell_s=2.0), MONDAY_1610, "brand"),
        # time windows, including one past midnight
        ({"time_windows": ("15:00-18:00",)}, audience(), MONDAY_1610, "snacks"),
        ({"time_windows": ("15:00-16:10",)}, audience(), MONDAY_1610, "brand"),  # end is exclusive
        ({"time_windows": ("07:00-09:00", "15:00-18:00")}, audience(), TUESDAY_0800, "snacks"),
        ({"time_windows": ("22:00-02:00",)}, audience(), dt.datetime(2026, 11, 23, 1, 30), "snacks"),
        ({"time_windows": ("22:00-02:00",)}, audience(), dt.datetime(2026, 11, 23, 2, 0), "brand"),
        # weekdays
        ({"weekdays": (0, 1, 2, 3, 4)}, audience(), MONDAY_1610, "snacks"),
        ({"weekdays": (0, 1, 2, 3, 4)}, audience(), SATURDAY_1610, "brand"),
        # dates (inclusive)
        ({"date_from": dt.date(2026, 11, 23), "date_until": dt.date(2026, 11, 23)}, audience(), MONDAY_1610, "snacks"),
        ({"date_until": dt.date(2026, 11, 22)}, audience(), MONDAY_1610, "brand"),
        ({"date_from": dt.date(2026, 11, 24)}, audience(), MONDAY_1610, "brand"),
        # no conditions: always
        ({}, AudienceView.nobody(), MONDAY_1610, "snacks"),
        ({}, AudienceView.no_signal(), MONDAY_1610, "snacks"),
    ],
)
def test_each_condition(conditions, who, when, expected):
    book = make_book(make_rule("r", "snacks", **conditions))
    assert decide(book, who, when).playlist == expected


def test_students_after_school_on_weekdays_only():
    rule = make_rule(
        "students", "snacks", age_groups=(TEEN,), attire=(Attire.SCHOOL_UNIFORM,),
        weekdays=(0, 1, 2, 3, 4), time_windows=("15:00-18:00",),
    )
    book = make_book(rule)
    students = audience(TEEN, Attire.SCHOOL_UNIFORM, group_size=3)
    assert decide(book, students, MONDAY_1610).rule == "students"
    assert decide(book, students, SATURDAY_1610).rule is None
    assert decide(book, students, TUESDAY_0800).rule is None


def test_disabled_rules_never_match_and_the_default_says_why():
    book = make_book(make_rule("r", "snacks", rule_enabled=False))
    decision = decide(book, audience(), MONDAY_1610)
    assert decision.playlist == "brand" and decision.rule is None
    assert "every rule is disabled" in decision.reason
    assert "r (priority 10): disabled" in decision.explain()


def test_gender_conditions_match_only_when_gender_targeting_is_on():
    book = make_book(make_rule("women", "cosmetics", genders=(Gender.FEMALE,)))
    who = audience(ADULT, gender=Gender.FEMALE)
    off = decide(book, who, MONDAY_1610)
    assert off.rule is None and "gender targeting is switched off" in off.explain()
    on = decide(book, who, MONDAY_1610, settings=DecisionSettings(gender_targeting=True))
    assert on.rule == "women"
    assert decide(book, audience(ADULT, gender=Gender.MALE), MONDAY_1610, settings=DecisionSettings(gender_targeting=True)).rule is None


# ------------------------------------------------------------------ priorities, weights, usage


def test_higher_priority_wins_and_lower_ones_are_explained():
    book = make_book(
        make_rule("teens", "snacks", priority=50, age_groups=(TEEN,)),
        make_rule("afternoon", "drinks", priority=10, time_windows=("15:00-18:00",)),
    )
    decision = decide(book, audience(TEEN), MONDAY_1610)
    assert decision.rule == "teens" and decision.priority == 50
    assert "afternoon (priority 10): matches too, but a rule of higher priority won" in decision.explain()
    assert decide(book, audience(ADULT), MONDAY_1610).rule == "afternoon"


def test_equal_priorities_share_by_weight_deterministically():
    book = make_book(
        make_rule("a", "snacks", rule_weight=3.0),
        make_rule("b", "drinks", rule_weight=1.0),
    )
    minutes = [MONDAY_1610 + dt.timedelta(minutes=m) for m in range(400)]
    wins = Counter(decide(book, audience(), when).rule for when in minutes)
    assert 0.65 < wins["a"] / 400 < 0.85  # 3 of 4
    assert [decide(book, audience(), when).rule for when in minutes[:20]] == [
        decide(book, audience(), when).rule for when in minutes[:20]
    ]
    loser = decide(book, audience(), minutes[0])
    assert "lost the weighted draw" in loser.explain()


def test_cooldown_and_max_plays_per_hour():
    rule = make_rule("snacks", "snacks", rule_cooldown_s=300.0, rule_max_plays_per_hour=2)
    book = make_book(rule)
    recent = {"snacks": [MONDAY_1610 - dt.timedelta(seconds=100)]}
    resting = decide(book, audience(), MONDAY_1610, usage=recent)
    assert resting.rule is None and "cooldown of 300 s" in resting.explain()
    rested = {"snacks": [MONDAY_1610 - dt.timedelta(seconds=400)]}
    assert decide(book, audience(), MONDAY_1610, usage=rested).rule == "snacks"
    twice = {"snacks": [MONDAY_1610 - dt.timedelta(minutes=50), MONDAY_1610 - dt.timedelta(minutes=20)]}
    capped = decide(book, audience(), MONDAY_1610, usage=twice)
    assert capped.rule is None and "2 times in the last hour" in capped.explain()
    an_hour_ago = {"snacks": [MONDAY_1610 - dt.timedelta(minutes=70), MONDAY_1610 - dt.timedelta(minutes=20)]}
    assert decide(book, audience(), MONDAY_1610, usage=an_hour_ago).rule == "snacks"


# ------------------------------------------------------------------ uncertain audiences


def test_uncertain_audience_falls_back_to_time_only_rules_then_the_default():
    book = make_book(
        make_rule("teens", "snacks", priority=50, age_groups=(TEEN,)),
        make_rule("afternoon", "drinks", priority=10, time_windows=("15:00-18:00",)),
    )
    unsure = AudienceView(1, TEEN, Attire.CASUAL, Gender.UNKNOWN, 3.0, 0.2, True, True, "unsure")
    decision = decide(book, unsure, MONDAY_1610)
    assert decision.rule == "afternoon" and not decision.audience_used
    assert "only time-only rules could match" in decision.explain()
    assert decide(book, unsure, TUESDAY_0800).rule is None  # outside the time-only rule: default
    assert decide(book, AudienceView.no_signal(), MONDAY_1610).rule == "afternoon"


def test_confidence_threshold_is_configurable():
    book = make_book(make_rule("teens", "snacks", age_groups=(TEEN,)))
    unsure = AudienceView(1, TEEN, Attire.CASUAL, Gender.UNKNOWN, 3.0, 0.2, True, True, "unsure")
    assert decide(book, unsure, MONDAY_1610).rule is None
    assert decide(book, unsure, MONDAY_1610, settings=DecisionSettings(min_audience_confidence=0.1)).rule == "teens"


# ------------------------------------------------------------------ minors guardrail


def evening_book():
    drinks = Playlist("evening_drinks", (PlaylistItem("beer_promo"), PlaylistItem("snacks_chips")))
    only_beer = make_playlist("beer_only", "beer_promo")
    return make_book(
        make_rule("drinks", "evening_drinks", priority=20),
        make_rule("beer", "beer_only", priority=30, rule_enabled=True, age_groups=(ADULT, TEEN)),
        extra_playlists=(drinks, only_beer),
    )


def test_guardrail_withholds_restricted_items_while_a_minor_may_be_present():
    book = evening_book()
    adults = decide(book, audience(ADULT), MONDAY_1610)
    assert adults.rule == "beer" and [i.content.name for i in adults.items] == ["beer_promo"]
    assert not adults.guardrail_fired
    teens = decide(book, audience(TEEN), MONDAY_1610)
    # The beer-only playlist has nothing left: its rule cannot win; the next rule plays
    # without the restricted item, and the decision says so.
    assert teens.rule == "drinks"
    assert [i.content.name for i in teens.items] == ["snacks_chips"]
    assert teens.guardrail_fired and teens.withheld == ("beer_promo",)
    assert "minors guardrail: withheld beer_promo because the audience is teen" in teens.explain()


@pytest.mark.parametrize(
    "who",
    [AudienceView.no_signal(), audience(None), audience(AgeGroup.CHILD)],
    ids=["no signal", "unknown age", "child"],
)
def test_guardrail_counts_uncertainty_as_a_minor(who):
    decision = decide(evening_book(), who, MONDAY_1610)
    assert all(not item.content.age_restricted for item in decision.items)


def test_guardrail_holds_for_the_default_playlist_too():
    drinks = Playlist("evening_drinks", (PlaylistItem("beer_promo"), PlaylistItem("snacks_chips")))
    book = make_book(extra_playlists=(drinks,), default="evening_drinks")
    assert [i.content.name for i in decide(book, AudienceView.no_signal(), MONDAY_1610).items] == ["snacks_chips"]
    assert [i.content.name for i in decide(book, AudienceView.nobody(), MONDAY_1610).items] == ["beer_promo", "snacks_chips"]


def test_guardrail_reads_each_visitors_probabilities_with_a_configurable_threshold():
    adult = make_visitor(1, ADULT, 0.7)
    unsure = make_visitor(2, ADULT, 0.6)
    adult = _with_probabilities(adult, {"adult": 0.9, "teen": 0.05, "child": 0.05})
    unsure = _with_probabilities(unsure, {"adult": 0.6, "teen": 0.25, "young_adult": 0.15})
    snapshot = build_snapshot(1.0, TimeContext.of(MONDAY_1610), SignalState.OK, (adult, unsure), 0)
    strict = AudienceView.from_snapshot(snapshot, DecisionSettings(minor_probability_threshold=0.2))
    assert strict.minors_likely and "visitor 2 may be a minor" in strict.minors_reason
    lenient = AudienceView.from_snapshot(snapshot, DecisionSettings(minor_probability_threshold=0.3))
    assert not lenient.minors_likely


def _with_probabilities(visitor, probabilities):
    import dataclasses

    return dataclasses.replace(visitor, age_group_probabilities=probabilities)


# ------------------------------------------------------------------ snapshots and content


def test_audience_from_a_snapshot_uses_the_dominant_segment_and_the_longest_dwell():
    visitors = (
        make_visitor(1, TEEN, 0.8, Attire.SCHOOL_UNIFORM, 0.8, dwell_s=2.0),
        make_visitor(2, TEEN, 0.7, Attire.SCHOOL_UNIFORM, 0.7, dwell_s=6.0),
        make_visitor(3, ADULT, 0.9, Attire.BUSINESS, 0.9, dwell_s=1.0),
    )
    snapshot = build_snapshot(4.0, TimeContext.of(MONDAY_1610), SignalState.OK, visitors, 0)
    view = AudienceView.from_snapshot(snapshot)
    assert (view.age_group, view.attire, view.group_size, view.max_dwell_s) == (TEEN, Attire.SCHOOL_UNIFORM, 3, 6.0)
    assert view.confidence == pytest.approx(snapshot.confidence)


def test_items_outside_their_dates_or_missing_from_the_catalog_are_left_out():
    expired = make_content("old_promo", valid_until=dt.date(2026, 11, 1))
    book = make_book(extra_playlists=(make_playlist("brand", "brand_welcome", "old_promo", "not_in_catalog"),))
    content = {**book.content, "old_promo": expired}
    del content["not_in_catalog"]
    book = type(book)(book.rules, book.playlists, content, "brand")
    decision = decide(book, audience(), MONDAY_1610)
    assert [i.content.name for i in decision.items] == ["brand_welcome"]


def test_nothing_playable_at_all_is_a_decision_without_a_playlist():
    book = make_book(extra_playlists=(make_playlist("brand", "beer_promo"),))
    decision = decide(book, AudienceView.no_signal(), MONDAY_1610)
    assert decision.playlist is None and decision.items == ()
    assert "nothing is playable" in decision.reason


def test_item_duration_override():
    playlist = Playlist("brand", (PlaylistItem("brand_welcome", duration_s=3.0),))
    book = make_book(extra_playlists=(playlist,))
    assert decide(book, audience(), MONDAY_1610).items[0].duration_s == 3.0


def test_explanation_names_the_winner_and_why_each_other_rule_lost():
    book = make_book(
        make_rule("students", "snacks", priority=50, age_groups=(TEEN,), attire=(Attire.SCHOOL_UNIFORM,)),
        make_rule("commuters", "finance", priority=40, attire=(Attire.BUSINESS,), time_windows=("07:00-09:30",)),
        make_rule("seniors", "tea", priority=30, age_groups=(AgeGroup.SENIOR,)),
    )
    decision = decide(book, audience(TEEN, Attire.SCHOOL_UNIFORM, group_size=3), MONDAY_1610)
    text = decision.explain()
    assert "plays: snacks" in text
    assert "rule 'students' (priority 50) matched 3 visitors, mostly teen/school_uniform" in text
    adult = decide(book, audience(ADULT, Attire.BUSINESS), MONDAY_1610).explain()
    assert "students (priority 50): wants teen, the audience is adult" in adult
    assert "commuters (priority 40): runs 07:00-09:30, not at 16:10" in adult
    assert "seniors (priority 30): wants senior, the audience is adult" in adult
