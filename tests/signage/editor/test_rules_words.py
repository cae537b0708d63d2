"""The Rules tab and the rule form in a marketer's words, on the real widgets offscreen and a
real seeded database: explained columns and fields, suggestions on their own tab, a new
rule's priority and the live hint when a rule can never win, plurals, Korean."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools

import pytest
from PySide6.QtCore import Qt, QTimer

from audience.types import AgeGroup, Attire, Company, Gender, TimeOfDay
from foundation import i18n
from playlists.decision import AudienceView, RuleBook, decide
from playlists.learning import (
    Context,
    Finding,
    LearningSettings,
    apply_suggestions,
    suggest_rules,
)
from playlists.model import Conditions, Rule, TimeWindow
from signage.editor.rule_form import (
    MAX_PRIORITY,
    covers,
    default_priority,
    rules_that_always_win_first,
)
from signage.editor.suggestions_tab import SuggestionsTab
from tests.playlists.builders import make_book, make_content, make_playlist, make_rule

NOW = dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def tab(qtbot, editor_context, monkeypatch):
    from signage.editor.rules_tab import RulesTab

    tab = RulesTab(editor_context)
    monkeypatch.setattr(tab, "_tell", lambda *args: None)
    monkeypatch.setattr(tab, "_ask", lambda *args: None)
    qtbot.addWidget(tab)
    yield tab
    assert not [timer for timer in tab.findChildren(QTimer) if timer.isActive()]


def finding(age_group: AgeGroup, part: TimeOfDay, category: str = "BAG SNACKS") -> Finding:
    return Finding(Context(part, "weekday", age_group=age_group), category, 1240.0, 372.0, 0.012, 0.3, 0.13, 2.31, 1.87)


def store_suggestions(context, *findings: Finding) -> list[str]:
    """Learn suggestions from `findings` into the store, as `signage rules learn` does."""
    made = suggest_rules(list(findings), context.store.playlists(), context.library.items_by_name(), LearningSettings())
    report = apply_suggestions(context.db, context.store, made, "learner")
    assert len(report.added) == len(findings)
    return list(report.added)


def shown_names(tab) -> list[str]:
    return [tab.proxy.index(row, 0).data() for row in range(tab.proxy.rowCount())]


# --------------------------------------------------------------------------------------
# Words


def test_every_column_has_a_plain_title_and_says_what_it_means(tab):
    titles = [tab.model.headerData(c, Qt.Orientation.Horizontal) for c in range(tab.model.columnCount())]
    assert titles == ["Name", "Who it is for", "Plays", "Priority", "When", "On", "Made by"]
    tips = [tab.model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) for c in range(7)]
    assert all(tip and tip.endswith(".") for tip in tips)
    assert "highest priority plays" in tips[tab.model.PRIORITY]


def test_the_history_columns_say_what_they_mean(tab):
    tab.select_rule("lunchtime")
    dialog = tab.show_history()
    tips = [dialog.table.horizontalHeaderItem(c).toolTip() for c in range(dialog.table.columnCount())]
    assert all(tip.endswith(".") for tip in tips) and "--author" in tips[2]
    dialog.close()


def test_every_field_of_the_form_is_explained(tab):
    form = tab.new_rule()
    for key in ("name", "playlist", "priority", "note", "age_groups", "attire", "company", "min_group_size",
                "min_dwell_s", "weekdays", "time", "dates", "weight", "cooldown_s", "max_plays_per_hour"):
        assert len(form.field_labels[key].toolTip()) > 30, key
    assert "minors guardrail" in form.field_labels["playlist"].toolTip()
    assert form.field_labels["weight"].text() == "&Share (weight)"
    assert "twice as often" in form.weight_spin.toolTip()
    # Age groups in words, with their ages on hover.
    assert form.age_checks[AgeGroup.YOUNG_ADULT].text() == "young adults"
    assert form.age_checks[AgeGroup.YOUNG_ADULT].toolTip() == "young adults (about 20-29)"
    assert form.attire_checks[Attire.BUSINESS].text() == "business suit"


def test_segments_are_said_in_words_in_the_table(tab, editor_context):
    editor_context.store.save_rule(
        Rule("casual_young", "brand_loop", Conditions(age_groups=(AgeGroup.YOUNG_ADULT,), attire=(Attire.CASUAL,))),
        "tester",
    )
    tab.refresh()
    row = shown_names(tab).index("casual_young")
    assert tab.proxy.index(row, tab.model.AUDIENCE).data() == "young adults in casual clothes"


def test_counts_take_their_plural(tab, editor_context):
    assert tab.count_label.text() == "8 rules"
    tab.filter_edit.setText("lunch_deals 11:30")
    assert tab.count_label.text() == "1 of 8 rules"
    for rule in editor_context.store.rules()[1:]:
        editor_context.store.delete_rule(rule.name, "tester")
    tab.filter_edit.clear()
    tab.refresh()
    assert tab.count_label.text() == "1 rule"


# --------------------------------------------------------------------------------------
# Suggestions on their own tab


def test_suggestions_wait_on_their_own_tab_not_among_the_rules(qtbot, tab, editor_context):
    names = store_suggestions(
        editor_context, finding(AgeGroup.TEEN, TimeOfDay.AFTERNOON), finding(AgeGroup.ADULT, TimeOfDay.LUNCH, "SANDWICHES")
    )
    tab.refresh()
    assert len(shown_names(tab)) == 8 and not set(names) & set(shown_names(tab))
    assert tab.suggestions_label.isVisibleTo(tab)
    assert tab.suggestions_label.text() == "2 suggestions wait on the Suggestions tab"
    tab.state_combo.setCurrentIndex(2)  # disabled only: still not the suggestions
    assert shown_names(tab) == []
    tab.state_combo.setCurrentIndex(0)

    # Accepted on the Suggestions tab, a suggestion is a rule like the others.
    suggestions = SuggestionsTab(editor_context, now=lambda: NOW)
    qtbot.addWidget(suggestions)
    assert sorted(suggestions.shown_names()) == sorted(names)
    suggestions.select(names[0])
    suggestions.accept()
    tab.refresh()
    assert names[0] in shown_names(tab) and len(shown_names(tab)) == 9
    assert tab.suggestions_label.text() == "1 suggestion waits on the Suggestions tab"

    # Switched off again, it is a suggestion again (learning treats it so too).
    tab.select_rule(names[0])
    tab.toggle_selected()
    assert names[0] not in shown_names(tab)
    assert "waits on the Suggestions tab" in tab.message_label.text()
    assert tab.suggestions_label.text() == "2 suggestions wait on the Suggestions tab"
    tab.undo()
    assert names[0] in shown_names(tab)


def test_a_new_rule_cannot_take_a_waiting_suggestions_name(tab, editor_context):
    [name] = store_suggestions(editor_context, finding(AgeGroup.TEEN, TimeOfDay.AFTERNOON))
    tab.refresh()
    form = tab.new_rule()
    form.name_edit.setText(name)
    assert form.problems()["name"] == "This name is taken by another rule."


# --------------------------------------------------------------------------------------
# Priority: the default and the hints


def test_a_new_rule_starts_above_the_others_and_says_where_that_puts_it(tab):
    form = tab.new_rule()
    assert form.priority_spin.value() == 70  # the seed rules use 10 to 60
    assert form.priority_hint.text() == (
        "Higher wins. Your rules use 10 to 60: at 70 this rule comes before all of them when it matches."
    )
    form.priority_spin.setValue(45)
    assert form.priority_hint.text().endswith("at 45 this rule comes before 3 of them when both match.")
    form.priority_spin.setValue(0)
    assert form.priority_hint.text().endswith("at 0 every one of them comes first when both match.")


def new_rule_form(tab, editor_context):
    """The Rules tab's form for a new rule, told the store's playlists and catalogue."""
    form = tab.new_rule()
    form.set_rulebook(editor_context.rulebook())
    return form


def test_the_form_says_live_which_rule_always_wins_first(qtbot, tab, editor_context):
    form = new_rule_form(tab, editor_context)
    qtbot.keyClicks(form.name_edit, "teen_drinks")
    form.age_checks[AgeGroup.TEEN].setChecked(True)
    for day in range(5):
        form.weekday_checks[day].setChecked(True)
    window = form.time_windows.add_window("16:00", "17:00")
    form.priority_spin.setValue(20)
    # students_after_school (60) is for children and teens, Mon-Fri 15:00-18:30: it covers this rule.
    assert form.never_wins_label.isVisibleTo(form)
    assert form.never_wins_text() == (
        "This rule can never win: students_after_school (priority 60) plays for children and teens, "
        "Mon-Fri 15:00-18:30, which includes everyone and every time this rule is for, and its higher priority "
        "always wins first. Give this rule a priority above 60, or narrow students_after_school."
    )
    assert form.save_button.isEnabled()  # a warning, not an error: the marketer may mean it
    form.priority_spin.setValue(60)  # equal priorities share the screen
    assert form.never_wins_label.isHidden()
    form.priority_spin.setValue(20)
    window.end_edit.setTime(window.end_edit.time().addSecs(2 * 3600))  # 16:00-19:00 runs past 18:30
    assert form.never_wins_label.isHidden()


def test_a_rule_that_rests_does_not_always_win_first(tab, editor_context):
    store = editor_context.store
    store.save_rule(dataclasses.replace(store.rule("lunchtime"), priority=80), "tester")
    tab.refresh()
    form = new_rule_form(tab, editor_context)
    form.name_edit.setText("workers_lunch")
    form.attire_checks[Attire.WORKWEAR].setChecked(True)
    form.time_windows.add_window("12:00", "13:00")
    form.priority_spin.setValue(70)
    assert "lunchtime (priority 80)" in form.never_wins_text()
    store.save_rule(dataclasses.replace(store.rule("lunchtime"), cooldown_s=300.0), "tester")
    tab.refresh()  # the open form learns of the change
    assert form.never_wins_text() == ""


def test_several_rules_that_win_first_are_counted(tab, editor_context):
    form = new_rule_form(tab, editor_context)
    form.name_edit.setText("uniform_evening")
    form.attire_checks[Attire.SCHOOL_UNIFORM].setChecked(True)
    form.age_checks[AgeGroup.TEEN].setChecked(True)
    for day in range(5):
        form.weekday_checks[day].setChecked(True)
    form.time_windows.add_window("15:30", "16:30")
    form.priority_spin.setValue(5)
    assert form.never_wins_text().startswith(
        "This rule can never win: 2 rules with a higher priority and the same or broader audience and times always "
        "win first, the highest students_after_school (priority 60)."
    )


def test_covers_reads_conditions_as_the_decision_does():
    afternoon = Conditions(time_windows=(TimeWindow("14:00", "18:00"),))
    assert covers(Conditions(), afternoon) and not covers(afternoon, Conditions())
    night = Conditions(time_windows=(TimeWindow("22:00", "06:00"),))
    assert covers(night, Conditions(time_windows=(TimeWindow("23:00", "01:00"),)))
    assert not covers(night, Conditions(time_windows=(TimeWindow("05:00", "07:00"),)))
    weekdays = Conditions(weekdays=(0, 1, 2, 3, 4))
    assert covers(weekdays, Conditions(weekdays=(1, 2))) and not covers(weekdays, Conditions())
    campaign = Conditions(date_from=dt.date(2026, 12, 1), date_until=dt.date(2026, 12, 31))
    assert covers(campaign, Conditions(date_from=dt.date(2026, 12, 5), date_until=dt.date(2026, 12, 6)))
    assert not covers(campaign, Conditions(date_from=dt.date(2026, 12, 5)))
    assert covers(Conditions(min_group_size=2), Conditions(min_group_size=3))
    assert not covers(Conditions(min_group_size=3), Conditions(min_group_size=2))
    assert not covers(Conditions(max_group_size=3), Conditions())
    teens = Rule("teens", "p", Conditions(age_groups=(AgeGroup.TEEN,)), priority=10)
    broad = Rule("broad", "p", Conditions(), priority=20)
    book = make_book(teens, broad)
    assert rules_that_always_win_first(teens, [broad], book) == [broad]
    assert rules_that_always_win_first(teens, [broad]) == []  # playlists unknown: no claim
    assert rules_that_always_win_first(teens, [dataclasses.replace(broad, enabled=False)], book) == []
    assert rules_that_always_win_first(teens, [dataclasses.replace(broad, max_plays_per_hour=4)], book) == []
    assert rules_that_always_win_first(broad, [teens], book) == []


# --------------------------------------------------------------------------------------
# Korean


@pytest.fixture
def korean(qapp):
    from signage.i18n_qt import install_qt_translator, uninstall_qt_translator

    install_qt_translator(qapp, "ko")
    yield
    uninstall_qt_translator(qapp)


def test_the_rules_tab_and_the_form_speak_korean(korean, tab):
    assert tab.TITLE == "규칙"
    assert tab.model.headerData(0, Qt.Orientation.Horizontal) == "이름"
    assert tab.count_label.text() == "규칙 8개"
    row = shown_names(tab).index("students_after_school")
    assert tab.proxy.index(row, tab.model.AUDIENCE).data() == "어린이 및 청소년"
    assert tab.proxy.index(row, tab.model.SCHEDULE).data() == "월~금 15:00-18:30"
    assert tab.proxy.index(row, tab.model.ENABLED).data() == "켜짐"
    form = tab.new_rule()
    assert form.priority_hint.text().startswith("높을수록 먼저 선택됩니다.")
    assert form.error_labels["name"].text() == "규칙에 이름이 필요합니다."
    assert form.age_checks[AgeGroup.TEEN].text() == i18n.translator_for("ko").tr("words", "teens")


# --------------------------------------------------------------------------------------
# "Can never win" against the real decision engine: never said of a rule `decide` can pick

MONDAY_19 = dt.datetime(2026, 11, 23, 19, 0)


def test_a_rule_whose_ads_the_guardrail_withholds_does_not_always_win_first():
    beer = make_rule("evening_beer", "beer_only", priority=100, time_windows=("17:00-23:00",))
    teen = make_rule("teen_snacks", "snacks", priority=10, age_groups=(AgeGroup.TEEN,), time_windows=("18:00-20:00",))
    book = make_book(teen, beer, extra_playlists=(make_playlist("beer_only", "beer_can", "beer_glass"),))
    # The guardrail withholds every beer ad from a teen: the teens' rule plays, so no hint.
    assert decide(book, AudienceView.hypothetical(AgeGroup.TEEN), MONDAY_19).rule == "teen_snacks"
    assert rules_that_always_win_first(teen, [beer], book) == []
    # With one ad anyone may see, evening_beer always has something to play and does win first.
    mixed = make_book(teen, beer, extra_playlists=(make_playlist("beer_only", "beer_can", "water_ad"),))
    assert decide(mixed, AudienceView.hypothetical(AgeGroup.TEEN), MONDAY_19).rule == "evening_beer"
    assert rules_that_always_win_first(teen, [beer], mixed) == [beer]


def test_a_rule_whose_ads_have_dates_does_not_always_win_first():
    promo = make_rule("promo", "promo", priority=100)
    teen = make_rule("teen_snacks", "snacks", priority=10, age_groups=(AgeGroup.TEEN,))
    book = make_book(teen, promo)
    dated = {**book.content, "promo_ad": make_content("promo_ad", valid_until=dt.date(2026, 11, 1))}
    book = RuleBook(book.rules, book.playlists, dated, book.default_playlist)
    assert decide(book, AudienceView.hypothetical(AgeGroup.TEEN), MONDAY_19).rule == "teen_snacks"
    assert rules_that_always_win_first(teen, [promo], book) == []


def test_an_age_only_rule_does_not_cover_a_rule_for_an_adult_with_a_child():
    adults = make_rule("adults_coffee", "coffee", priority=50, age_groups=(AgeGroup.ADULT,))
    parents = make_rule("parents_toys", "toys", priority=10, age_groups=(AgeGroup.ADULT,),
                        company=(Company.ADULT_WITH_CHILD,))
    book = make_book(adults, parents)
    # The child's face is the dominant segment; the parent is there too.
    family = dataclasses.replace(AudienceView.hypothetical(AgeGroup.CHILD, group_size=2, company=Company.ADULT_WITH_CHILD),
                      ages_present=frozenset({AgeGroup.CHILD, AgeGroup.ADULT}))
    assert decide(book, family, MONDAY_19).rule == "parents_toys"
    assert not covers(adults.conditions, parents.conditions)
    assert rules_that_always_win_first(parents, [adults], book) == []
    # A company rule with the same ages does cover it (both read anyone's age).
    with_company = make_rule("families", "coffee", priority=50, age_groups=(AgeGroup.ADULT,),
                             company=(Company.ADULT_WITH_CHILD, Company.ADULTS))
    assert covers(with_company.conditions, parents.conditions)


def test_a_window_from_24_00_to_00_00_holds_no_minute():
    # The engine reads [24:00, 00:00) over midnight: no minute at all, not the whole day.
    empty = Conditions(time_windows=(TimeWindow("24:00", "00:00"),))
    assert not covers(empty, Conditions())
    assert covers(Conditions(time_windows=(TimeWindow("00:00", "24:00"),)), Conditions())
    assert covers(Conditions(time_windows=(TimeWindow("22:00", "24:00"),)),
                  Conditions(time_windows=(TimeWindow("23:00", "24:00"),)))


def _condition_pool() -> list[Conditions]:
    """Conditions of every kind the engine reads, each alone and a few together."""
    w = TimeWindow
    singles = [
        Conditions(),
        Conditions(age_groups=(AgeGroup.ADULT,)),
        Conditions(age_groups=(AgeGroup.ADULT, AgeGroup.CHILD)),
        Conditions(age_groups=tuple(AgeGroup)),
        Conditions(attire=(Attire.WORKWEAR,)),
        Conditions(genders=(Gender.FEMALE,)),
        Conditions(company=(Company.ADULT_WITH_CHILD,)),
        Conditions(company=(Company.ALONE,)),
        Conditions(min_group_size=1),
        Conditions(min_group_size=2),
        Conditions(max_group_size=1),
        Conditions(min_dwell_s=3.0),
        Conditions(time_windows=(w("22:00", "02:00"),)),
        Conditions(time_windows=(w("23:00", "24:00"),)),
        Conditions(time_windows=(w("24:00", "00:00"),)),
        Conditions(time_windows=(w("00:00", "24:00"),)),
        Conditions(time_windows=(w("00:00", "01:00"),)),
        Conditions(weekdays=(0,)),
        Conditions(weekdays=(0, 1)),
        Conditions(date_from=dt.date(2026, 11, 24)),
        Conditions(date_until=dt.date(2026, 11, 23)),
    ]
    pairs = [
        Conditions(age_groups=(AgeGroup.ADULT,), company=(Company.ADULT_WITH_CHILD,)),
        Conditions(age_groups=(AgeGroup.ADULT, AgeGroup.CHILD), company=(Company.ADULT_WITH_CHILD, Company.ALONE)),
        Conditions(attire=(Attire.WORKWEAR,), min_group_size=2, max_group_size=3),
        Conditions(weekdays=(0,), time_windows=(w("22:00", "02:00"),)),
        Conditions(age_groups=(AgeGroup.CHILD,), min_dwell_s=3.0, time_windows=(w("23:00", "24:00"),)),
    ]
    return singles + pairs


def _audiences() -> list[AudienceView]:
    ages = [None, AgeGroup.CHILD, AgeGroup.ADULT]
    views = [AudienceView.nobody(), AudienceView.no_signal()]
    for age, attire, size, dwell, company in itertools.product(
        ages, (Attire.CASUAL, Attire.WORKWEAR), (1, 2, 4), (1.0, 5.0), (None, Company.ALONE, Company.ADULT_WITH_CHILD)
    ):
        view = AudienceView.hypothetical(age, attire, size, dwell, Gender.FEMALE, company=company)
        views.append(view)
        views.append(dataclasses.replace(view, ages_present=frozenset({AgeGroup.CHILD, AgeGroup.ADULT}), confidence=0.9))
        views.append(dataclasses.replace(view, confidence=0.1))  # uncertain
    return views


def test_covers_never_claims_more_than_the_decision_engine_matches():
    """Whenever `covers(b, n)`, every audience and minute at which `decide` picks n alone picks b alone."""
    days = [dt.date(2026, 11, 22), dt.date(2026, 11, 23), dt.date(2026, 11, 24)]  # Sun, Mon, Tue
    minutes = [0, 30, 60, 90, 719, 1319, 1380, 1439]
    times = [dt.datetime.combine(day, dt.time(m // 60, m % 60)) for day in days for m in minutes]
    audiences = _audiences()
    pool = _condition_pool()

    def picks(conditions: Conditions) -> set[tuple[int, int]]:
        rule = Rule("r", "p", conditions, priority=10)
        book = make_book(rule)
        return {
            (a, t) for a, audience in enumerate(audiences) for t, when in enumerate(times)
            if decide(book, audience, when).rule == "r"
        }

    matched = [picks(conditions) for conditions in pool]
    claimed = 0
    for (b, broader), (n, narrower) in itertools.product(enumerate(pool), enumerate(pool)):
        if covers(broader, narrower):
            claimed += 1
            assert matched[n] <= matched[b], (broader, narrower, sorted(matched[n] - matched[b])[:3])
    assert claimed > len(pool)  # it does claim something beyond each rule covering itself


def test_a_new_rule_never_starts_above_the_priority_box(tab, editor_context):
    top = Rule("top", "p", priority=MAX_PRIORITY - 5)
    assert default_priority([top]) == MAX_PRIORITY
    assert default_priority([dataclasses.replace(top, priority=MAX_PRIORITY)]) == MAX_PRIORITY
    store = editor_context.store
    store.save_rule(dataclasses.replace(store.rule("lunchtime"), priority=MAX_PRIORITY), "tester")
    tab.refresh()
    form = new_rule_form(tab, editor_context)
    assert form.priority_spin.value() == MAX_PRIORITY == form.priority_spin.maximum()
    assert form.priority_hint.text() == (
        "Higher wins, and 10000 is the highest priority a rule can have. 1 of your rules already has it "
        "(lunchtime): when both match, the player draws between them by weight. To put this rule first, lower "
        "lunchtime."
    )
    form.priority_spin.setValue(MAX_PRIORITY - 1)
    assert form.priority_hint.text().endswith("at 9999 this rule comes before 7 of them when both match.")


def test_the_name_tooltip_of_a_stored_rule_speaks_korean(korean, tab):
    tab.table.selectRow(0)
    form = tab.edit_selected()
    assert form.name_edit.toolTip() == i18n.translator_for("ko").tr(
        "editor.rule_form", "A rule keeps its name; use Duplicate for a new name."
    )
    assert form.name_edit.toolTip() != "A rule keeps its name; use Duplicate for a new name."
