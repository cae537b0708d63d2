"""The Suggestions tab on a real seeded database: accept, accept edited, reject, snooze."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from audience.types import AgeGroup, TimeOfDay
from foundation.db import open_database
from playlists.learning import (
    Context,
    Finding,
    LearningSettings,
    Suggestion,
    apply_suggestions,
    suggest_rules,
)
from playlists.model import RuleOrigin, TimeWindow
from playlists.store import PlaylistStore
from signage.editor.suggestions_tab import (
    ALL_SNOOZED_TEXT,
    EMPTY_TEXT,
    HINT_TEXT,
    SuggestionsTab,
)

NOW = dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.UTC)  # a Tuesday
NAME = "learned_teen_afternoon_weekday_after_school_snacks"


def make_finding(lift: float = 2.31, baskets: float = 1240.0) -> Finding:
    """Teens buy bag snacks more often on weekday afternoons (14:00-18:00)."""
    return Finding(
        context=Context(TimeOfDay.AFTERNOON, "weekday", age_group=AgeGroup.TEEN),
        category="BAG SNACKS",
        context_baskets=baskets,
        category_baskets=baskets * 0.3,
        support=0.012,
        confidence=0.3,
        expected=0.3 / lift,
        lift=lift,
        lift_lower=1.87,
    )


def learned_suggestions(context, **finding) -> list[Suggestion]:
    """What `signage rules learn` would suggest from the finding, for the seeded playlists."""
    suggestions = suggest_rules(
        [make_finding(**finding)], context.store.playlists(), context.library.items_by_name(), LearningSettings()
    )
    assert suggestions[0].rule is not None and suggestions[0].rule.name == NAME
    return suggestions


@pytest.fixture
def suggested(editor_context):
    """The editor context with one pending suggestion stored, as learning stores it."""
    suggestions = learned_suggestions(editor_context)
    assert apply_suggestions(editor_context.db, editor_context.store, suggestions, "learner").added == (NAME,)
    return editor_context


@pytest.fixture
def make_tab(qtbot):
    def make(context, now=NOW):
        tab = SuggestionsTab(context, now=lambda: now)
        qtbot.addWidget(tab)
        return tab

    return make


def test_without_suggestions_the_tab_says_how_to_get_them(make_tab, editor_context):
    tab = make_tab(editor_context)
    assert tab.shown_names() == []
    assert not tab.empty_label.isHidden() and tab.empty_label.text() == EMPTY_TEXT
    assert tab.hint.text() == HINT_TEXT


def test_a_suggestion_is_listed_in_words_with_its_numbers(make_tab, suggested):
    tab = make_tab(suggested)
    assert tab.shown_names() == [NAME] and tab.empty_label.isHidden()
    assert tab.cell_text(NAME, "sentence").startswith(
        "Teens buy bag snacks 2.3 times as often as shoppers overall on weekday afternoons, 14:00-18:00"
        " (at least 1.9 times, 95 % sure), in 1,240 baskets.\n"
    )
    assert tab.cell_text(NAME, "status") == "Suggested" and tab.cell_text(NAME, "confidence") == "30.0%"
    assert tab.cell_text(NAME, "lift") == "2.31" and tab.cell_text(NAME, "lift_lower_95") == "1.87"
    assert tab.cell_text(NAME, "baskets") == "1,240" and tab.cell_text(NAME, "baskets_with_category") == "372"
    assert tab.cell_text(NAME, "support") == "1.20%" and tab.cell_text(NAME, "playlist") == "after_school_snacks"


def test_accept_enables_the_rule_and_tells_the_other_tabs(qtbot, make_tab, suggested):
    tab = make_tab(suggested)
    assert tab.select(NAME) and tab.accept_button.isEnabled()
    with qtbot.waitSignal(suggested.hub.changed, timeout=1000):
        tab.accept_button.click()
    rule = suggested.store.rule(NAME)
    assert rule.enabled and rule.origin is RuleOrigin.LEARNED
    assert tab.cell_text(NAME, "status") == "Accepted" and "Accepted" in tab.message_text()
    assert not tab.accept_button.isEnabled()  # the selection stays on it; nothing left to accept


def test_accept_edited_makes_the_rule_the_marketers_and_relearning_leaves_it(make_tab, suggested, monkeypatch):
    tab = make_tab(suggested)
    tab.select(NAME)

    def fill_in(dialog):
        dialog.time_windows.setText("3pm")  # not a time window: the dialog stays open and says why
        dialog.accept()
        assert dialog.problem.isVisibleTo(dialog) and "not a time window like 15:00-18:00" in dialog.problem.text()
        dialog.priority.setValue(75)
        dialog.time_windows.setText("15:00-17:30")
        dialog.playlist.setCurrentText("lunch_deals")
        return True

    monkeypatch.setattr(tab, "_exec_dialog", fill_in)
    tab.accept_edited_button.click()
    rule = suggested.store.rule(NAME)
    assert rule.origin is RuleOrigin.LEARNED_EDITED and rule.enabled
    assert rule.priority == 75 and rule.playlist == "lunch_deals"
    assert rule.conditions.time_windows == (TimeWindow("15:00", "17:30"),)
    assert rule.learned_metrics["lift"] == pytest.approx(2.31)  # the numbers stay with it
    assert tab.cell_text(NAME, "status") == "Accepted, edited by a marketer"

    # Learning again from data that now says something else does not touch it.
    report = apply_suggestions(suggested.db, suggested.store, learned_suggestions(suggested, lift=3.5), "learner")
    assert report.kept_marketer == (NAME,)
    assert suggested.store.rule(NAME) == rule


def test_cancelling_the_edit_dialog_changes_nothing(make_tab, suggested, monkeypatch):
    tab = make_tab(suggested)
    tab.select(NAME)
    version = suggested.store.rule_with_version(NAME).version
    monkeypatch.setattr(tab, "_exec_dialog", lambda dialog: False)
    tab.accept_edited()
    assert suggested.store.rule_with_version(NAME).version == version


def test_reject_deletes_and_relearning_does_not_suggest_it_again(make_tab, suggested, monkeypatch):
    tab = make_tab(suggested)
    tab.select(NAME)
    questions = []
    monkeypatch.setattr(tab, "_confirm", lambda question: questions.append(question) or True)
    tab.reject_button.click()
    assert "Teens buy bag snacks" in questions[0]
    assert NAME not in {rule.name for rule in suggested.store.rules()}
    rejected = suggested.db.execute("SELECT name, author FROM rejected_suggestions").fetchall()
    assert rejected == [(NAME, "tester")]
    assert tab.shown_names() == [] and tab.empty_label.text() == EMPTY_TEXT
    report = apply_suggestions(suggested.db, suggested.store, learned_suggestions(suggested), "learner")
    assert report.skipped_rejected == (NAME,) and report.added == ()


def test_reject_asks_first_and_a_no_keeps_the_suggestion(make_tab, suggested, monkeypatch):
    tab = make_tab(suggested)
    tab.select(NAME)
    monkeypatch.setattr(tab, "_confirm", lambda question: False)
    tab.reject()
    assert suggested.store.rule(NAME).origin is RuleOrigin.LEARNED and tab.shown_names() == [NAME]


def test_snooze_hides_a_suggestion_for_a_week_and_show_snoozed_lists_it(make_tab, suggested):
    tab = make_tab(suggested)
    tab.select(NAME)
    tab.snooze_button.click()
    assert tab.shown_names() == [] and tab.empty_label.text() == ALL_SNOOZED_TEXT
    assert not suggested.store.rule(NAME).enabled  # still a suggestion, only hidden

    tab.show_snoozed.setChecked(True)
    assert tab.shown_names() == [NAME]
    assert tab.cell_text(NAME, "status") == "Suggested, snoozed: back on Tue 1 Dec 2026"
    # Another editor opened a week later lists it again.
    assert make_tab(suggested, now=NOW + dt.timedelta(days=7)).shown_names() == [NAME]

    tab.select(NAME)
    assert tab.unsnooze_button.isEnabled()
    tab.unsnooze_button.click()
    tab.show_snoozed.setChecked(False)
    assert tab.shown_names() == [NAME] and tab.cell_text(NAME, "status") == "Suggested"


def test_a_change_made_elsewhere_meanwhile_is_reported_in_words_and_reloaded(make_tab, suggested, editor_db_path):
    tab = make_tab(suggested)
    tab.select(NAME)
    other = open_database(editor_db_path)  # another editor, or the CLI
    try:
        PlaylistStore(other).save_rule(
            dataclasses.replace(suggested.store.rule(NAME), priority=33), "colleague", action="edit"
        )
    finally:
        other.close()
    tab.accept_button.click()
    assert "someone else changed this while you were editing" in tab.message_text()
    assert not suggested.store.rule(NAME).enabled  # nothing was overwritten
    # The list now shows their change: edited by a marketer, still waiting for a decision.
    assert tab.cell_text(NAME, "status") == "Suggested, edited by a marketer"
    assert tab.selected_name() == NAME and not tab.reject_button.isEnabled()


def test_the_measured_uplift_is_measured_again_only_when_its_inputs_change(make_tab, suggested, monkeypatch):
    # Given a tab over a suggestion, counting how often the uplift is measured
    from signage.editor import suggestions_tab

    calls = []
    real = suggestions_tab.measured_uplifts_in

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(suggestions_tab, "measured_uplifts_in", counting)
    tab = make_tab(suggested)
    # When it is refreshed with nothing new, then after a new holdout run is logged
    tab.refresh()
    tab.refresh()
    assert len(calls) == 1
    from playlists.proof_of_play import ProofOfPlay

    ProofOfPlay(suggested.db).record_holdout_run(
        dt.datetime(2026, 11, 24, 9, 0), rule=NAME, arm="control", playlist="brand_loop", other_playlist="after_school_snacks", group_size=1
    )
    tab.refresh()
    # Then it was measured once, and once more for the new run
    assert len(calls) == 2


def test_every_column_is_titled_in_plain_words_and_explained(make_tab, suggested):
    tab = make_tab(suggested)
    header = [tab.table.horizontalHeaderItem(index) for index in range(tab.table.columnCount())]
    titles = {item.text(): item.toolTip() for item in header}
    assert list(titles) == [
        "Status", "What the data shows", "Plays", "Share of all baskets", "Of their baskets", "Times as often",
        "At least (95 % sure)", "Baskets", "With the category", "Rule name",
    ]
    # The statistician's word is in the tooltip, so a marketer who heard it finds it.
    assert titles["Share of all baskets"].startswith("Support: ")
    assert titles["Of their baskets"].startswith("Confidence: ")
    assert titles["Times as often"].startswith("Lift: ")
    assert titles["At least (95 % sure)"].startswith("Lift, lower 95 % bound: ")
    assert all(len(tip) > 20 for tip in titles.values())
    # A number's tooltip says what it means, then the whole suggestion.
    assert tab.cell_tooltip(NAME, "lift").startswith(titles["Times as often"] + "\n\nTeens buy bag snacks")
    # Why this playlist, in the sentence and on the playlist.
    choice = tab.playlist_choice(NAME)
    assert choice == tab.cell_tooltip(NAME, "playlist")
    # students_after_school plays it for teens on weekday afternoons: the finding's audience and time.
    assert choice.startswith("Plays after_school_snacks: 2 of its 3 ads are tagged snacks, and your rules already")
    assert tab.cell_text(NAME, "sentence").endswith("\n" + choice)


def test_the_tab_speaks_korean(qapp, make_tab, suggested):
    from signage.i18n_qt import install_qt_translator, uninstall_qt_translator

    install_qt_translator(qapp, "ko")
    try:
        tab = make_tab(suggested)
        assert tab.TITLE == "제안" and tab.cell_text(NAME, "status") == "제안됨"
        assert tab.cell_text(NAME, "sentence").startswith("평일 오후 14:00-18:00에 청소년은(는) 전체 고객보다")
        assert tab.snooze_button.text() == "7일 미루기"
        tab.select(NAME)
        tab.snooze()
        tab.show_snoozed.setChecked(True)
        assert tab.cell_text(NAME, "status") == "제안됨, 미룸: 2026년 12월 1일 (화)에 다시 표시"
    finally:
        uninstall_qt_translator(qapp)
