"""Learning in a marketer's words: the finding's sentence (English, Korean, plurals), and
which playlist a suggestion plays and why, on the seeded store of a real SQLite file."""

from __future__ import annotations

import dataclasses

import pytest

from audience.types import AgeGroup, Company, TimeOfDay
from content.catalog import ContentLibrary
from foundation import i18n
from foundation.db import open_database
from playlists.learning import (
    Context,
    Finding,
    LearningSettings,
    MeasuredUplift,
    choose_playlist,
    playlist_choice_words,
    suggest_rules,
    suggestion_numbers,
    suggestion_sentence,
    waiting_for_decision,
)
from playlists.model import (
    Conditions,
    Playlist,
    PlaylistItem,
    Rule,
    RuleOrigin,
    TimeWindow,
)
from playlists.rulebook import seed_if_new
from playlists.store import PlaylistStore


@pytest.fixture
def seeded(tmp_path):
    """The seed rules, playlists and sample content in a real database file."""
    db = open_database(tmp_path / "signage.db")
    store, library = PlaylistStore(db), ContentLibrary(db)
    seed_if_new(store, library, tmp_path / "media")
    yield store, library
    db.close()


@pytest.fixture
def korean():
    i18n.set_language("ko")
    yield
    i18n.set_language("en")


def snacks(age_group: AgeGroup = AgeGroup.ADULT, part: TimeOfDay = TimeOfDay.AFTERNOON, baskets: float = 1240.0,
           company: Company | None = None) -> Finding:
    return Finding(
        Context(part, "weekday", age_group=age_group, company=company), "BAG SNACKS", baskets, baskets * 0.3,
        0.012, 0.3, 0.07, 4.3, 2.1,
    )


def test_a_finding_is_one_sentence_with_who_what_how_much_more_and_how_sure():
    assert snacks(AgeGroup.YOUNG_ADULT).sentence() == (
        "Young adults buy bag snacks 4.3 times as often as shoppers overall on weekday afternoons, 14:00-18:00"
        " (at least 2.1 times, 95 % sure), in 1,240 baskets"
    )
    assert snacks(company=Company.ADULT_WITH_CHILD, part=TimeOfDay.LUNCH).sentence().startswith(
        "Adults with a child buy bag snacks 4.3 times as often as shoppers overall at lunchtime on weekdays, 11:00-14:00"
    )
    assert snacks(baskets=1.0).sentence().endswith(", in 1 basket")


def test_the_sentence_and_the_numbers_in_korean(korean):
    sentence = snacks(AgeGroup.YOUNG_ADULT).sentence()
    assert sentence == (
        "평일 오후 14:00-18:00에 청년은(는) 전체 고객보다 bag snacks을(를) 4.3배 자주 구매합니다"
        "(95% 확신으로 최소 2.1배, 장바구니 1,240개 기준)"
    )
    rule = Rule("r", "p", learned_metrics={"support": 0.012, "confidence": 0.3, "lift": 4.3, "lift_lower_95": 2.1,
                                           "baskets": 1240.0}, origin=RuleOrigin.LEARNED)
    assert suggestion_numbers(rule) == "지지도 0.0120, 신뢰도 0.300, 향상도 4.30(95% 하한 2.10), 장바구니 1,240개"
    assert MeasuredUplift("r", "x", 0.06, (-0.01, 0.13), 21.0).words() == "21일 동안 측정한 효과 +6%(-1%~+13%)"


def test_adults_buying_snacks_get_the_snack_playlist_and_are_told_whom_it_is_for(seeded):
    # Given the seed: after_school_snacks (2 snack ads of 3) is played for children, teens and
    # school uniforms; evening_drinks (1 of 2) for adults, but in the evening.
    store, library = seeded
    [suggestion] = suggest_rules([snacks()], store.playlists(), library.items_by_name(), LearningSettings(),
                                 rules=store.rules())
    # Then it still plays the snacks, and says honestly that the playlist is aimed at others.
    assert suggestion.rule.playlist == "after_school_snacks"
    assert suggestion.choice.fits is False and suggestion.choice.tagged_items == 2
    words = playlist_choice_words(suggestion.rule, store.playlists(), library.items_by_name(), store.rules())
    assert words == (
        "Plays after_school_snacks, the playlist with the most ads tagged snacks (2 of its 3), but your rules play "
        "it for children and teens (students_after_school) or visitors in school uniform (school_uniform). "
        "A playlist of its own, say adult_afternoon_snacks, would suit adults better."
    )
    # The suggestion's own sentence names who and when, from the rule it made.
    assert suggestion_sentence(suggestion.rule).startswith("Adults buy bag snacks 4.3 times as often")


def test_a_playlist_already_played_for_that_audience_and_time_comes_first(seeded):
    store, library = seeded
    store.save_playlist(Playlist("adult_snacks", (PlaylistItem("snacks_chips"), PlaylistItem("brand_welcome"))),
                        "tester")
    store.save_rule(Rule("adults_afternoon", "adult_snacks", Conditions(
        age_groups=(AgeGroup.ADULT, AgeGroup.MIDDLE_AGED), time_windows=(TimeWindow("13:00", "17:00"),),
    ), priority=15), "tester")
    content = library.items_by_name()
    choice = choose_playlist("snacks", store.playlists(), content, snacks().context, store.rules())
    assert choice.playlist == "adult_snacks" and choice.fits is True  # 1 snack ad, but played for adults then
    [suggestion] = suggest_rules([snacks()], store.playlists(), content, LearningSettings(), rules=store.rules())
    assert suggestion.rule.name == "learned_adult_afternoon_weekday_adult_snacks"
    assert playlist_choice_words(suggestion.rule, store.playlists(), content, store.rules()) == (
        "Plays adult_snacks: 1 of its 2 ads is tagged snacks, and your rules already play it for this audience at "
        "this time."
    )
    # Without the store's rules the choice is what it always was: the most snack ads.
    [plain] = suggest_rules([snacks()], store.playlists(), content, LearningSettings())
    assert plain.rule.playlist == "after_school_snacks"
    # In the evening the adults' rule is off: the playlists aimed elsewhere tie, the most tagged wins.
    evening = choose_playlist("snacks", store.playlists(), content, snacks(part=TimeOfDay.EVENING).context,
                              store.rules())
    assert evening.playlist == "evening_drinks" and evening.fits is True  # evening_adults plays it 18:00-23:00


def test_pending_suggestions_are_no_evidence_of_what_a_playlist_is_for(seeded):
    store, library = seeded
    pending = Rule("learned_x", "lunch_deals", Conditions(age_groups=(AgeGroup.ADULT,)), enabled=False,
                   origin=RuleOrigin.LEARNED)
    assert waiting_for_decision(pending) and not waiting_for_decision(dataclasses.replace(pending, enabled=True))
    assert waiting_for_decision(dataclasses.replace(pending, origin=RuleOrigin.LEARNED_EDITED))
    assert not waiting_for_decision(dataclasses.replace(pending, origin=RuleOrigin.MANUAL))
    accepted_elsewhere = dataclasses.replace(pending, playlist="evening_drinks", enabled=True)
    content = library.items_by_name()
    [suggestion] = suggest_rules([snacks()], store.playlists(), content, rules=[*store.rules(), pending])
    assert suggestion.choice.fits is False
    # An accepted learned rule that is still LEARNED counts as a suggestion too until edited.
    [again] = suggest_rules([snacks()], store.playlists(), content, rules=[*store.rules(), accepted_elsewhere])
    assert again.choice.playlist == "after_school_snacks"


def test_a_rule_whose_dates_ended_plays_nothing_for_the_choice(seeded):
    """An expired rule no longer plays its playlist: neither the choice nor its words may lean on it."""
    import datetime as dt

    store, library = seeded
    store.save_playlist(Playlist("adult_snacks", (PlaylistItem("snacks_chips"), PlaylistItem("brand_welcome"))),
                        "tester")
    store.save_rule(Rule("adults_afternoon", "adult_snacks", Conditions(
        age_groups=(AgeGroup.ADULT, AgeGroup.MIDDLE_AGED), time_windows=(TimeWindow("13:00", "17:00"),),
        date_from=dt.date(2025, 1, 1), date_until=dt.date(2025, 1, 31),
    ), priority=15), "tester")
    content = library.items_by_name()
    during = choose_playlist("snacks", store.playlists(), content, snacks().context, store.rules(),
                             today=dt.date(2025, 1, 31))
    assert during.playlist == "adult_snacks" and during.fits is True  # its last day still counts
    after = choose_playlist("snacks", store.playlists(), content, snacks().context, store.rules(),
                            today=dt.date(2025, 2, 1))
    # Now no rule plays adult_snacks: it ranks as a playlist of its own, no longer as one played for adults.
    assert after.playlist == "adult_snacks" and after.fits is None and after.rules_playing == ()
    # Without a date the clock's is used (long after January 2025): the words do not say it is played.
    [suggestion] = suggest_rules([snacks()], store.playlists(), content, LearningSettings(), rules=store.rules())
    words = playlist_choice_words(suggestion.rule, store.playlists(), content, store.rules())
    assert "adults_afternoon" not in words and "already play it" not in words
