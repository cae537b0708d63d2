"""The seed rules tell the convenience-store story on the sample content of a fresh install."""

from __future__ import annotations

import datetime as dt

import pytest

from audience.types import AgeGroup, Attire
from content.catalog import ContentLibrary
from foundation.db import open_database
from playlists.decision import AudienceView, decide
from playlists.rulebook import load_rulebook, seed_if_new
from playlists.store import PlaylistStore
from tests.playlists.builders import MONDAY_1610, SATURDAY_1610, TUESDAY_0800


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    """A fresh database, seeded once (sample content is drawn into a tmp folder)."""
    folder = tmp_path_factory.mktemp("seed")
    db = open_database(folder / "signage.db")
    store, library = PlaylistStore(db), ContentLibrary(db)
    assert seed_if_new(store, library, folder / "media")
    return store, library, load_rulebook(store, library)


def who(age_group=None, attire=Attire.UNKNOWN, group_size=1):
    return AudienceView.hypothetical(age_group, attire, group_size)


@pytest.mark.parametrize(
    "audience, when, playlist",
    [
        (who(AgeGroup.TEEN, Attire.SCHOOL_UNIFORM, 3), MONDAY_1610, "after_school_snacks"),
        (who(AgeGroup.TEEN, Attire.CASUAL), MONDAY_1610, "after_school_snacks"),
        (who(AgeGroup.TEEN, Attire.SCHOOL_UNIFORM), SATURDAY_1610, "after_school_snacks"),  # the uniform rule
        (who(AgeGroup.ADULT, Attire.BUSINESS), TUESDAY_0800, "commuter_finance"),
        (who(AgeGroup.ADULT, Attire.BUSINESS), dt.datetime(2026, 11, 24, 18, 0), "commuter_finance"),
        (who(AgeGroup.ADULT, Attire.BUSINESS), dt.datetime(2026, 11, 28, 8, 0), "brand_loop"),  # Saturday
        (who(AgeGroup.ADULT, Attire.WORKWEAR), dt.datetime(2026, 11, 24, 12, 0), "lunch_deals"),
        (who(AgeGroup.SENIOR, Attire.CASUAL), dt.datetime(2026, 11, 24, 10, 0), "seniors_morning"),
        (who(AgeGroup.ADULT, Attire.CASUAL), dt.datetime(2026, 11, 24, 20, 0), "evening_drinks"),
        (AudienceView.no_signal(), dt.datetime(2026, 11, 24, 12, 0), "lunch_deals"),  # time-only rule
        (AudienceView.nobody(), dt.datetime(2026, 11, 24, 15, 0), "brand_loop"),
    ],
)
def test_seed_rules_decide_the_convenience_store_story(seeded, audience, when, playlist):
    assert decide(seeded[2], audience, when).playlist == playlist


def test_seed_evening_drinks_never_show_beer_to_a_teen_in_the_evening(seeded):
    book = seeded[2]
    evening = dt.datetime(2026, 11, 24, 20, 0)
    adults = decide(book, who(AgeGroup.ADULT), evening)
    assert "beer_promo" in [item.content.name for item in adults.items]
    mixed = decide(book, AudienceView.no_signal(), evening)
    assert all(not item.content.age_restricted for item in mixed.items)


def test_seeding_happens_once_and_never_over_a_store_with_history(seeded, tmp_path):
    store, library, _ = seeded
    assert not seed_if_new(store, library, tmp_path / "media")
    assert len(store.rules()) == 8 and len(store.playlists()) == 6
    assert store.default_playlist() == "brand_loop"
    # A store whose rules were all deleted on purpose stays empty.
    db = open_database(tmp_path / "emptied.db")
    emptied = PlaylistStore(db)
    assert seed_if_new(emptied, ContentLibrary(db), tmp_path / "media")
    for rule in emptied.rules():
        emptied.delete_rule(rule.name, author="test")
    assert not seed_if_new(emptied, ContentLibrary(db), tmp_path / "media")
    assert emptied.rules() == ()
