"""Learning on small hand-made histories with known answers; suggestions never overwrite marketers."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from audience.types import AgeGroup, TimeOfDay
from foundation.db import open_database
from playlists.learning import (
    Context,
    LearningSettings,
    age_band_shares,
    apply_suggestions,
    count_baskets,
    findings_from_counts,
    reject_suggestion,
    suggest_rules,
)
from playlists.model import Playlist, PlaylistItem, RuleOrigin
from playlists.purchases import import_csv
from playlists.store import PlaylistStore
from foundation.errors import DataError
from tests.playlists.builders import make_content

HEADER = "timestamp,basket_id,product,category,quantity,amount,age_band\n"
MONDAY = dt.date(2026, 11, 23)
SATURDAY = dt.date(2026, 11, 28)


def write_history(path: Path, groups: list[tuple[str, str, dt.date, int, int]]) -> Path:
    """Baskets as (age band, HH:MM, day, baskets, of which with BAG SNACKS); each has MILK too."""
    lines, basket = [HEADER], 0
    for band, hhmm, day, count, with_snacks in groups:
        for i in range(count):
            basket += 1
            stamp = f"{day.isoformat()} {hhmm}"
            lines.append(f"{stamp},b{basket},milk1,FLUID MILK,1,1.99,{band}\n")
            if i < with_snacks:
                lines.append(f"{stamp},b{basket},chips1,BAG SNACKS,1,2.49,{band}\n")
    path.write_text("".join(lines))
    return path


@pytest.fixture
def db(tmp_path):
    """A database holding the known history: adults at 15:00 on a Monday buy snacks half the time."""
    database = open_database(tmp_path / "signage.db")
    write_history(
        tmp_path / "history.csv",
        [
            ("35-44", "15:00", MONDAY, 400, 200),  # adult, afternoon, weekday
            ("55-64", "15:30", MONDAY, 600, 30),  # middle_aged, afternoon, weekday
        ],
    )
    import_csv(database, tmp_path / "history.csv", source="test")
    return database


LOOSE = LearningSettings(min_context_baskets=100, min_category_baskets=10, min_support=0.0, min_lift=1.3)


def test_known_lift_support_and_confidence(db):
    findings = findings_from_counts(count_baskets(db), LOOSE)
    assert len(findings) == 1
    finding = findings[0]
    assert finding.context == Context(TimeOfDay.AFTERNOON, "weekday", AgeGroup.ADULT)
    assert finding.category == "BAG SNACKS"
    assert finding.context_baskets == 400 and finding.category_baskets == 200
    assert finding.confidence == pytest.approx(0.5)
    assert finding.expected == pytest.approx(230 / 1000)
    assert finding.lift == pytest.approx(0.5 / 0.23)
    assert finding.support == pytest.approx(200 / 1000)
    assert 1.0 < finding.lift_lower < finding.lift
    assert finding.sentence() == (
        "Adults buy bag snacks 2.2 times as often as shoppers overall on weekday afternoons, 14:00-18:00"
        " (at least 2.0 times, 95 % sure), in 400 baskets"
    )


@pytest.mark.parametrize(
    "change",
    [{"min_lift": 2.5}, {"min_context_baskets": 500}, {"min_category_baskets": 201}, {"min_support": 0.21}],
)
def test_each_threshold_can_rule_the_finding_out(db, change):
    assert findings_from_counts(count_baskets(db), dataclasses.replace(LOOSE, **change)) == []


def test_small_samples_are_guarded_by_the_lower_bound(tmp_path):
    # The same lift (0.5 against 0.41 overall = 1.22) from 2 baskets and from 400.
    anything = LearningSettings(min_context_baskets=1, min_category_baskets=1, min_support=0.0, min_lift=1.0)
    small, large = open_database(tmp_path / "small.db"), open_database(tmp_path / "large.db")
    write_history(tmp_path / "small.csv", [("35-44", "15:00", MONDAY, 2, 1), ("55-64", "15:00", MONDAY, 98, 40)])
    write_history(tmp_path / "large.csv", [("35-44", "15:00", MONDAY, 400, 200), ("55-64", "15:00", MONDAY, 600, 210)])
    import_csv(small, tmp_path / "small.csv", source="small")
    import_csv(large, tmp_path / "large.csv", source="large")
    assert findings_from_counts(count_baskets(small), anything) == []
    [finding] = findings_from_counts(count_baskets(large), anything)
    assert finding.lift == pytest.approx(0.5 / 0.41) and finding.lift_lower > 1.0


def test_time_window_and_weekend_are_separate_contexts(tmp_path):
    database = open_database(tmp_path / "weekend.db")
    write_history(
        tmp_path / "weekend.csv",
        [
            ("35-44", "15:00", SATURDAY, 300, 200),
            ("35-44", "09:00", MONDAY, 300, 10),
            ("55-64", "15:00", SATURDAY, 400, 20),
        ],
    )
    import_csv(database, tmp_path / "weekend.csv", source="weekend")
    contexts = {f.context for f in findings_from_counts(count_baskets(database), LOOSE)}
    assert contexts == {Context(TimeOfDay.AFTERNOON, "weekend", AgeGroup.ADULT)}


def test_age_bands_spread_over_groups_by_their_years():
    assert age_band_shares("35-44") == {AgeGroup.ADULT: 1.0}
    assert age_band_shares("25-34") == {AgeGroup.YOUNG_ADULT: 0.5, AgeGroup.ADULT: 0.5}
    assert age_band_shares("19-24") == pytest.approx({AgeGroup.TEEN: 1 / 6, AgeGroup.YOUNG_ADULT: 5 / 6})
    assert age_band_shares("65+") == {AgeGroup.SENIOR: 1.0}
    with pytest.raises(ValueError, match="age band 'old'"):
        age_band_shares("old")


def test_a_split_band_counts_as_expected_baskets(tmp_path):
    database = open_database(tmp_path / "split.db")
    write_history(tmp_path / "split.csv", [("25-34", "15:00", MONDAY, 400, 100)])
    import_csv(database, tmp_path / "split.csv", source="split")
    counts = count_baskets(database)
    young, adult = AgeGroup.YOUNG_ADULT, AgeGroup.ADULT
    from audience.types import AGE_GROUPS

    afternoon = list(TimeOfDay).index(TimeOfDay.AFTERNOON)
    assert counts.baskets[AGE_GROUPS.index(young), afternoon, 0] == 200
    assert counts.baskets[AGE_GROUPS.index(adult), afternoon, 0] == 200
    assert counts.age_bands == {"25-34": 400}


def test_no_history_is_a_clear_error(tmp_path):
    from foundation.db import migrate
    from playlists.purchases import MIGRATIONS

    database = open_database(tmp_path / "empty.db")
    migrate(database, "purchases", MIGRATIONS)
    with pytest.raises(DataError, match="no purchase history"):
        count_baskets(database)


# ------------------------------------------------------------------ suggestions


CONTENT = {
    "snacks_chips": make_content("snacks_chips", tags=("snacks",)),
    "snacks_candy": make_content("snacks_candy", tags=("snacks", "sweets")),
    "drinks_coffee": make_content("drinks_coffee", tags=("coffee",)),
}
PLAYLISTS = [
    Playlist("after_school_snacks", (PlaylistItem("snacks_chips"), PlaylistItem("snacks_candy"))),
    Playlist("brand_loop", (PlaylistItem("drinks_coffee"), PlaylistItem("snacks_chips"))),
]


def test_findings_become_disabled_learned_rules_on_the_playlist_with_the_tag(db):
    findings = findings_from_counts(count_baskets(db), LOOSE)
    suggestions = suggest_rules(findings, PLAYLISTS, CONTENT, LOOSE)
    rule = suggestions[0].rule
    assert rule.name == "learned_adult_afternoon_weekday_after_school_snacks"
    assert rule.playlist == "after_school_snacks"  # two items tagged snacks, against one
    assert not rule.enabled and rule.origin is RuleOrigin.LEARNED
    assert rule.conditions.age_groups == (AgeGroup.ADULT,) and rule.conditions.weekdays == (0, 1, 2, 3, 4)
    assert [w.label() for w in rule.conditions.time_windows] == ["14:00-18:00"]
    assert rule.learned_metrics["lift"] == pytest.approx(2.174, abs=1e-3)
    assert rule.note.startswith("Adults buy bag snacks 2.2 times as often") and rule.note.endswith("(category BAG SNACKS)")


def test_a_category_without_tagged_content_is_reported_not_suggested(db):
    settings = dataclasses.replace(LOOSE, category_tags={"BAG SNACKS": "crisps"})
    suggestions = suggest_rules(findings_from_counts(count_baskets(db), settings), PLAYLISTS, CONTENT, settings)
    assert suggestions[0].rule is None and "no playlist has content tagged 'crisps'" in suggestions[0].problem


def prepared_store(db):
    store = PlaylistStore(db)
    for playlist in PLAYLISTS:
        store.save_playlist(playlist, "test")
    return store


def test_relearning_keeps_accepted_rules_enabled_and_never_touches_marketer_edits(db):
    store = prepared_store(db)
    suggestions = suggest_rules(findings_from_counts(count_baskets(db), LOOSE), PLAYLISTS, CONTENT, LOOSE)
    name = suggestions[0].rule.name
    first = apply_suggestions(db, store, suggestions, "learner")
    assert first.added == (name,) and not store.rule(name).enabled
    store.set_rule_enabled(name, True, "marketer")  # accepted
    changed = dataclasses.replace(suggestions[0].rule, priority=99, note="changed by the data")
    second = apply_suggestions(db, store, [dataclasses.replace(suggestions[0], rule=changed)], "learner")
    assert second.updated == (name,)
    assert store.rule(name).enabled and store.rule(name).priority == 99
    # A marketer edits it: from then on it is theirs.
    store.save_rule(dataclasses.replace(store.rule(name), priority=5), "marketer", action="edit")
    assert store.rule(name).origin is RuleOrigin.LEARNED_EDITED
    third = apply_suggestions(db, store, suggestions, "learner")
    assert third.kept_marketer == (name,) and store.rule(name).priority == 5


def test_rejected_suggestions_are_not_made_again_and_stale_ones_go(db):
    store = prepared_store(db)
    suggestions = suggest_rules(findings_from_counts(count_baskets(db), LOOSE), PLAYLISTS, CONTENT, LOOSE)
    name = suggestions[0].rule.name
    apply_suggestions(db, store, suggestions, "learner")
    reject_suggestion(db, store, name, "marketer", dt.datetime(2026, 11, 24, 9, 0))
    again = apply_suggestions(db, store, suggestions, "learner")
    assert again.skipped_rejected == (name,) and name not in {r.name for r in store.rules()}
    # A suggestion nobody accepted, that the data no longer supports, is removed.
    other = dataclasses.replace(suggestions[0].rule, name="learned_old_suggestion")
    store.save_rule(other, "learner")
    assert apply_suggestions(db, store, [], "learner").removed_stale == ("learned_old_suggestion",)


def test_age_restricted_categories_are_never_suggested_to_minor_groups(tmp_path):
    database = open_database(tmp_path / "beer.db")
    lines = [HEADER]
    for i in range(600):  # 19-24 year olds buy beer at night: a sixth of the band counts as teen
        band = "19-24" if i < 300 else "55-64"
        lines.append(f"2026-11-27 23:00,b{i},milk,FLUID MILK,1,1,{band}\n")
        if i < 250:
            lines.append(f"2026-11-27 23:00,b{i},beer,BEERS/ALES,1,9,{band}\n")
    (tmp_path / "beer.csv").write_text("".join(lines))
    import_csv(database, tmp_path / "beer.csv", source="beer")
    content = {"beer_promo": make_content("beer_promo", age_restricted=True, tags=("alcohol",))}
    playlists = [Playlist("evening_drinks", (PlaylistItem("beer_promo"),))]
    settings = dataclasses.replace(LOOSE, min_context_baskets=40, min_category_baskets=5)
    findings = findings_from_counts(count_baskets(database), settings)
    assert {f.context.age_group for f in findings} >= {AgeGroup.TEEN, AgeGroup.YOUNG_ADULT}
    suggestions = suggest_rules(findings, playlists, content, settings)
    by_group = {s.finding.context.age_group: s for s in suggestions}
    assert by_group[AgeGroup.TEEN].rule is None and "not suggested to minors" in by_group[AgeGroup.TEEN].problem
    assert by_group[AgeGroup.YOUNG_ADULT].rule is not None


def test_snoozed_suggestions_are_stored_with_the_day_they_show_again(tmp_path):
    from playlists.learning import snooze_suggestion, snoozed_until, unsnooze_suggestion

    database = open_database(tmp_path / "snooze.db")
    assert snoozed_until(database) == {}
    snooze_suggestion(database, "learned_a", dt.date(2026, 12, 1))
    snooze_suggestion(database, "learned_b", dt.date(2026, 12, 3))
    snooze_suggestion(database, "learned_a", dt.date(2026, 12, 8))  # snoozed again: the new day counts
    assert snoozed_until(database) == {"learned_a": dt.date(2026, 12, 8), "learned_b": dt.date(2026, 12, 3)}
    unsnooze_suggestion(database, "learned_a")
    unsnooze_suggestion(database, "learned_never_snoozed")  # not an error
    assert snoozed_until(database) == {"learned_b": dt.date(2026, 12, 3)}
    database.close()
    assert snoozed_until(open_database(tmp_path / "snooze.db")) == {"learned_b": dt.date(2026, 12, 3)}


def test_a_suggestion_reads_as_a_sentence_from_its_conditions_and_numbers(db):
    from playlists.learning import suggestion_sentence, suggestion_state

    rule = suggest_rules(findings_from_counts(count_baskets(db), LOOSE), PLAYLISTS, CONTENT, LOOSE)[0].rule
    # The same words as the finding it was learned from.
    assert suggestion_sentence(rule) == (
        "Adults buy bag snacks 2.2 times as often as shoppers overall on weekday afternoons, 14:00-18:00"
        " (at least 2.0 times, 95 % sure), in 400 baskets"
    )
    assert suggestion_state(rule) == "suggested"
    edited = dataclasses.replace(rule, origin=RuleOrigin.LEARNED_EDITED, enabled=True, priority=5)
    assert suggestion_state(edited) == "accepted, edited by a marketer"
    assert suggestion_sentence(edited).startswith("When learned: Adults buy bag snacks 2.2 times as often")
    assert suggestion_sentence(edited).endswith("Since edited: it plays after_school_snacks for adults, on weekdays, 14:00-18:00.")


def test_reject_with_a_stale_version_changes_nothing(db):
    from foundation.errors import ConflictError

    store = prepared_store(db)
    suggestions = suggest_rules(findings_from_counts(count_baskets(db), LOOSE), PLAYLISTS, CONTENT, LOOSE)
    name = suggestions[0].rule.name
    apply_suggestions(db, store, suggestions, "learner")
    version = store.rule_with_version(name).version
    store.set_rule_enabled(name, True, "someone else")
    with pytest.raises(ConflictError):
        reject_suggestion(db, store, name, "marketer", dt.datetime(2026, 11, 24, 9, 0), expected_version=version)
    assert store.rule(name).enabled
    assert apply_suggestions(db, store, suggestions, "learner").skipped_rejected == ()
