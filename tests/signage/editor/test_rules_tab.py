"""The Rules tab on the real widgets (offscreen) and a real SQLite file with the seed rules."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from PySide6.QtCore import QPoint, Qt, QTime, QTimer

from audience.types import AgeGroup, Attire
from foundation.db import open_database
from playlists.model import Conditions, Rule, RuleOrigin, TimeWindow
from playlists.store import PlaylistStore
from foundation.errors import NotFoundError


class Dialogs:
    """Stands in for the tab's message boxes: records what the marketer would read."""

    def __init__(self) -> None:
        self.told: list[str] = []
        self.asked: list[str] = []
        self.answers: list[str] = []  # answers to give, in order; "Cancel" when none left

    def tell(self, title: str, text: str) -> None:
        self.told.append(f"{title}: {text}")

    def ask(self, title: str, text: str, choices) -> str:
        self.asked.append(f"{title}: {text}")
        answer = self.answers.pop(0) if self.answers else "Cancel"
        assert answer in choices
        return answer


@pytest.fixture
def dialogs() -> Dialogs:
    return Dialogs()


@pytest.fixture
def tab(qtbot, editor_context, dialogs, monkeypatch):
    """The tab on the seeded database, its message boxes recorded instead of shown."""
    from signage.editor.rules_tab import RulesTab

    tab = RulesTab(editor_context)
    monkeypatch.setattr(tab, "_tell", dialogs.tell)
    monkeypatch.setattr(tab, "_ask", dialogs.ask)
    qtbot.addWidget(tab)
    tab.resize(1200, 600)
    yield tab
    running = [timer for timer in tab.findChildren(QTimer) if timer.isActive()]
    assert not running, f"timers left running: {running}"


@pytest.fixture
def announced(editor_context) -> list[str]:
    """What the tab announced to the other tabs."""
    seen: list[str] = []
    editor_context.hub.changed.connect(seen.append)
    return seen


@pytest.fixture
def other_store(editor_db_path):
    """A second editor on the same file (its own connection)."""
    db = open_database(editor_db_path)
    yield PlaylistStore(db)
    db.close()


def shown_names(tab) -> list[str]:
    return [tab.proxy.index(row, 0).data() for row in range(tab.proxy.rowCount())]


def shown_row(tab, name: str) -> list[str]:
    row = shown_names(tab).index(name)
    return [tab.proxy.index(row, column).data() for column in range(tab.proxy.columnCount())]


def select(tab, name: str) -> None:
    assert tab.select_rule(name), f"{name} is not shown"
    assert tab.selected_name() == name


def set_time(row, start: str, end: str) -> None:
    row.start_edit.setTime(QTime.fromString(start, "HH:mm"))
    row.end_edit.setTime(QTime.fromString(end, "HH:mm"))


def focus_table(qtbot, tab) -> None:
    """Keyboard shortcuts need the window active and the table focused."""
    tab.show()
    tab.activateWindow()
    qtbot.waitUntil(lambda: tab.isActiveWindow())
    tab.table.setFocus()
    qtbot.waitUntil(lambda: tab.table.hasFocus())


# --------------------------------------------------------------------------------------


def test_the_table_shows_every_rule_in_words(tab):
    assert sorted(shown_names(tab)) == sorted(rule.name for rule in tab.context.store.rules())
    assert len(shown_names(tab)) == 8
    assert shown_names(tab)[0] == "students_after_school"  # highest priority first
    assert shown_row(tab, "students_after_school") == [
        "students_after_school", "children and teens", "after_school_snacks", "60", "Mon-Fri 15:00-18:30",
        "on", "written by a marketer",
    ]
    assert shown_row(tab, "school_uniform")[1:5] == ["visitors in school uniform", "after_school_snacks", "50", "always"]
    assert shown_row(tab, "lunchtime")[4] == "every day 11:30-13:30"
    enabled = tab.proxy.index(0, tab.model.ENABLED).data(Qt.ItemDataRole.CheckStateRole)
    assert enabled == Qt.CheckState.Checked
    assert tab.count_label.text() == "8 rules"
    assert not tab.has_unsaved_changes()


def click_header(qtbot, tab, column: int) -> None:
    header = tab.table.horizontalHeader()
    where = QPoint(header.sectionViewportPosition(column) + 10, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=where)


def test_sorting_by_clicking_a_header(qtbot, tab):
    for name, priority in (("urgent", 100), ("background", 5)):  # sorted as text, 100 would come before 30
        tab.context.store.save_rule(Rule(name, "brand_loop", priority=priority), "tester")
    tab.refresh()
    tab.show()
    click_header(qtbot, tab, tab.model.NAME)
    names = shown_names(tab)
    assert names == sorted(names) and names[0] == "background"
    click_header(qtbot, tab, tab.model.PRIORITY)
    click_header(qtbot, tab, tab.model.PRIORITY)  # the second click reverses
    priorities = [int(shown_row(tab, name)[3]) for name in shown_names(tab)]
    assert priorities[0] == 100 and priorities[-1] == 5
    assert priorities == sorted(priorities, reverse=True)


def test_creating_a_rule_through_the_form(qtbot, tab, announced):
    form = tab.new_rule()
    assert form is not None and form.isVisible()
    assert not form.save_button.isEnabled()  # no name yet

    qtbot.keyClicks(form.name_edit, "teen_uniform_snacks")
    form.playlist_combo.setCurrentText("after_school_snacks")
    form.priority_spin.setValue(70)
    form.age_checks[AgeGroup.TEEN].setChecked(True)
    form.attire_checks[Attire.SCHOOL_UNIFORM].setChecked(True)
    for day in range(5):
        form.weekday_checks[day].setChecked(True)
    set_time(form.time_windows.add_window(), "15:00", "18:30")
    form.date_until_check.setChecked(True)
    form.date_until_edit.setDate(dt.date(2030, 6, 30))
    form.min_group_spin.setValue(2)
    form.min_dwell_spin.setValue(3)
    form.weight_spin.setValue(2)
    form.cooldown_spin.setValue(60)
    form.max_plays_check.setChecked(True)
    form.max_plays_spin.setValue(4)
    form.note_edit.setPlainText("Back-to-school week.")
    assert tab.has_unsaved_changes()
    assert form.problems() == {}
    assert form.summary_label.text() == (
        "Plays after_school_snacks for teens in school uniform, groups of 2 or more, staying 3 s or longer, "
        "Mon-Fri 15:00-18:30; until 2030-06-30."
    )

    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    assert tab.context.store.rule("teen_uniform_snacks") == Rule(
        name="teen_uniform_snacks",
        playlist="after_school_snacks",
        conditions=Conditions(
            age_groups=(AgeGroup.TEEN,), attire=(Attire.SCHOOL_UNIFORM,), min_group_size=2, min_dwell_s=3.0,
            time_windows=(TimeWindow("15:00", "18:30"),), weekdays=(0, 1, 2, 3, 4), date_until=dt.date(2030, 6, 30),
        ),
        priority=70, weight=2.0, cooldown_s=60.0, max_plays_per_hour=4, note="Back-to-school week.",
    )
    assert tab.form is None and not tab.has_unsaved_changes()
    assert tab.selected_name() == "teen_uniform_snacks"
    assert shown_row(tab, "teen_uniform_snacks")[1] == "teens in school uniform, groups of 2 or more, staying 3 s or longer"
    assert announced == ["rules"]

    tab.undo()  # undo of a creation deletes the rule
    with pytest.raises(NotFoundError):
        tab.context.store.rule("teen_uniform_snacks")
    assert "teen_uniform_snacks" not in shown_names(tab)


def test_editing_priority_and_a_time_window(qtbot, tab):
    before = tab.context.store.rule_with_version("students_after_school")
    select(tab, "students_after_school")
    tab.edit_action.trigger()
    form = tab.form
    assert form.name_edit.isReadOnly() and form.version == before.version
    assert not tab.has_unsaved_changes()

    form.priority_spin.setValue(65)
    set_time(form.time_windows.rows[0], "15:30", "19:00")
    assert tab.has_unsaved_changes()
    form.save_button.click()

    after = tab.context.store.rule_with_version("students_after_school")
    assert after.version == before.version + 1
    assert after.value == replace(
        before.value,
        priority=65,
        conditions=replace(before.value.conditions, time_windows=(TimeWindow("15:30", "19:00"),)),
    )
    assert shown_row(tab, "students_after_school")[3:5] == ["65", "Mon-Fri 15:30-19:00"]

    tab.undo()  # back to the version before the edit, as a new version
    undone = tab.context.store.rule_with_version("students_after_school")
    assert undone.value == before.value and undone.version == before.version + 2


def test_the_form_checks_as_you_type(qtbot, tab):
    form = tab.new_rule()
    name_error = form.error_labels["name"]
    assert name_error.text() == "A rule needs a name." and not form.save_button.isEnabled()

    qtbot.keyClicks(form.name_edit, "lunchtime")
    assert name_error.text() == "This name is taken by another rule."
    assert not form.save_button.isEnabled()
    qtbot.keyClicks(form.name_edit, "_late")
    assert name_error.isHidden() and form.save_button.isEnabled()

    row = form.time_windows.add_window()
    set_time(row, "14:00", "14:00")
    assert row.error_label.text() == "This time window is empty: it starts and ends at 14:00. Remove it for all day."
    assert not row.error_label.isHidden()
    assert not form.save_button.isEnabled()
    set_time(row, "22:00", "02:00")  # over midnight is a valid window, with a hint
    assert row.error_label.isHidden() and form.save_button.isEnabled()
    assert row.hint_label.text() == "Runs over midnight, until 02:00 the next day."

    second = form.time_windows.add_window()
    set_time(second, "22:00", "02:00")
    assert "listed twice" in second.error_label.text() and not form.save_button.isEnabled()
    second.remove_button.click()
    assert form.save_button.isEnabled()

    form.weight_spin.setValue(0)
    assert form.error_labels["weight"].text().startswith("The share must be above 0")
    assert not form.save_button.isEnabled()
    form.weight_spin.setValue(1)

    form.date_from_check.setChecked(True)
    form.date_until_check.setChecked(True)
    form.date_from_edit.setDate(dt.date(2030, 5, 2))
    form.date_until_edit.setDate(dt.date(2030, 5, 1))
    assert form.error_labels["dates"].text() == "The last day is before the first day."
    assert not form.save_button.isEnabled()
    form.date_until_edit.setDate(dt.date(2030, 5, 3))
    assert form.problems() == {} and form.save_button.isEnabled()


def test_a_problem_only_the_codec_knows_is_shown_next_to_its_field(qtbot, tab, other_store):
    # A rule for groups of at most 3 (set in a rules file; the form has no picker for it).
    rule = replace(other_store.rule("lunchtime"), conditions=Conditions(max_group_size=3))
    other_store.save_rule(rule, "someone")
    tab.refresh()
    form = tab.edit_rule("lunchtime")
    form.min_group_spin.setValue(4)
    assert "at most 3" in form.error_labels["min_group_size"].text()
    assert not form.save_button.isEnabled()
    form.min_group_spin.setValue(2)
    assert form.save_button.isEnabled()


def test_space_disables_and_enables_the_chosen_rule(qtbot, tab, announced):
    focus_table(qtbot, tab)
    select(tab, "lunchtime")
    qtbot.keyClick(tab.table, Qt.Key.Key_Space)
    assert tab.context.store.rule("lunchtime").enabled is False
    assert shown_row(tab, "lunchtime")[5] == "off"
    assert tab.toggle_action.text() == "Enable"

    tab.state_combo.setCurrentIndex(2)  # disabled only
    assert shown_names(tab) == ["lunchtime"]
    tab.state_combo.setCurrentIndex(1)  # enabled only
    assert "lunchtime" not in shown_names(tab) and len(shown_names(tab)) == 7
    tab.state_combo.setCurrentIndex(0)

    select(tab, "lunchtime")
    tab.toggle_action.trigger()
    assert tab.context.store.rule("lunchtime").enabled is True
    assert announced == ["rules", "rules"]


def test_clicking_the_enabled_checkbox_changes_the_store(qtbot, tab):
    tab.show()
    index = tab.proxy.index(shown_names(tab).index("workwear_lunch"), tab.model.ENABLED)
    cell = tab.table.visualRect(index)
    box = QPoint(cell.left() + 10, cell.center().y())  # the tick sits at the left of the cell
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=box)
    qtbot.waitUntil(lambda: not tab.context.store.rule("workwear_lunch").enabled, timeout=2000)
    assert shown_row(tab, "workwear_lunch")[5] == "off"


def test_delete_then_undo_brings_the_rule_back(qtbot, tab):
    before = tab.context.store.rule_with_version("seniors_mid_morning")
    focus_table(qtbot, tab)
    select(tab, "seniors_mid_morning")
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    with pytest.raises(NotFoundError):
        tab.context.store.rule("seniors_mid_morning")
    assert "seniors_mid_morning" not in shown_names(tab)
    assert "Ctrl+Z" in tab.message_label.text()

    qtbot.keyClick(tab.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)

    back = tab.context.store.rule_with_version("seniors_mid_morning")
    assert back.value == before.value  # same conditions, playlist, everything
    assert back.version == before.version + 2  # after the deletion's version
    assert tab.context.store.history("rule", "seniors_mid_morning")[-1].action.value == "restore"
    assert tab.selected_name() == "seniors_mid_morning"
    assert not tab.undo_action.isEnabled()


def test_history_restores_a_chosen_version(qtbot, tab):
    store = tab.context.store
    first = store.rule("commuters_evening")
    store.save_rule(replace(first, priority=55), "tester")
    store.save_rule(replace(first, priority=58, note="later"), "tester")
    tab.refresh()
    focus_table(qtbot, tab)
    select(tab, "commuters_evening")

    qtbot.keyClick(tab.table, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    dialog = tab.history_dialog
    assert dialog.table.rowCount() == 3
    assert [dialog.table.item(row, 0).text() for row in range(3)] == ["3", "2", "1"]
    assert dialog.table.item(1, 2).text() == "tester"
    assert dialog.table.item(1, 3).text().startswith("edited: priority 50 -> 55")
    assert not dialog.restore_button.isEnabled()  # the newest row is the rule as it is

    dialog.select_version(1)
    assert dialog.restore_button.isEnabled()
    dialog.restore_button.click()

    assert store.rule_with_version("commuters_evening").value == first
    assert store.rule_with_version("commuters_evening").version == 4
    assert dialog.table.rowCount() == 4 and dialog.table.item(0, 3).text() == "restored (from version 1)"
    assert shown_row(tab, "commuters_evening")[3] == "50"
    tab.undo()
    assert store.rule("commuters_evening").priority == 58


def test_duplicate_opens_the_form_as_a_copy(qtbot, tab):
    select(tab, "students_after_school")
    tab.duplicate_action.trigger()
    form = tab.form
    assert form.name_edit.text() == "students_after_school_copy"
    assert not form.name_edit.isReadOnly() and not form.editing
    assert form.save_button.isEnabled()
    form.priority_spin.setValue(61)
    form.save_button.click()

    original = tab.context.store.rule("students_after_school")
    copy = tab.context.store.rule("students_after_school_copy")
    assert copy == replace(original, name="students_after_school_copy", priority=61, origin=RuleOrigin.MANUAL)
    select(tab, "students_after_school")
    form = tab.duplicate_selected()
    assert form.name_edit.text() == "students_after_school_copy2"


def test_the_filter_matches_any_column(qtbot, tab):
    qtbot.keyClicks(tab.filter_edit, "commuter")
    assert sorted(shown_names(tab)) == ["commuters_evening", "commuters_morning"]
    tab.filter_edit.setText("UNIFORM")  # the audience column, case-insensitive
    assert shown_names(tab) == ["school_uniform"]
    tab.filter_edit.setText("lunch_deals 11:30")  # every word, in any column
    assert shown_names(tab) == ["lunchtime"]
    assert tab.count_label.text() == "1 of 8 rules"
    tab.filter_edit.setText("nothing like this")
    assert shown_names(tab) == [] and not tab.edit_action.isEnabled()
    tab.filter_edit.clear()
    assert len(shown_names(tab)) == 8


def test_a_concurrent_save_is_detected_and_never_overwritten(qtbot, tab, dialogs, other_store, announced):
    select(tab, "students_after_school")
    form = tab.edit_selected()
    form.priority_spin.setValue(70)

    # Meanwhile another editor changes the same rule.
    theirs = replace(other_store.rule("students_after_school"), priority=99, note="changed by someone else")
    their_version = other_store.save_rule(theirs, "someone")

    dialogs.answers = ["Reload"]
    form.save_button.click()

    assert len(dialogs.asked) == 1
    assert "someone else changed" in dialogs.asked[0]
    assert "students_after_school" in dialogs.asked[0]
    stored = tab.context.store.rule_with_version("students_after_school")
    assert stored.value == theirs and stored.version == their_version  # nothing overwritten
    assert announced == []
    # After Reload the form shows the stored rule and is based on its version.
    assert tab.form is form and form.isVisible()
    assert form.priority_spin.value() == 99 and form.note_edit.toPlainText() == "changed by someone else"
    assert form.version == their_version and not tab.has_unsaved_changes()
    assert shown_row(tab, "students_after_school")[3] == "99"

    form.priority_spin.setValue(70)  # making the change again now works
    form.save_button.click()
    assert tab.context.store.rule("students_after_school") == replace(theirs, priority=70)


def test_cancel_on_a_conflict_keeps_the_edits_in_the_form(qtbot, tab, dialogs, other_store):
    form = tab.edit_rule("lunchtime")
    form.priority_spin.setValue(12)
    other_store.set_rule_enabled("lunchtime", False, "someone")
    dialogs.answers = ["Cancel"]
    form.save_button.click()
    assert "someone else changed" in dialogs.asked[0]
    assert form.priority_spin.value() == 12 and tab.has_unsaved_changes()
    assert tab.context.store.rule("lunchtime").priority == 10


def test_a_stale_delete_from_the_table_is_refused(qtbot, tab, dialogs, other_store):
    select(tab, "workwear_lunch")
    other_store.save_rule(replace(other_store.rule("workwear_lunch"), priority=46), "someone")
    dialogs.answers = ["Reload"]
    tab.delete_action.trigger()
    assert "someone else changed" in dialogs.asked[0]
    assert tab.context.store.rule("workwear_lunch").priority == 46
    assert shown_row(tab, "workwear_lunch")[3] == "46" and tab.selected_name() == "workwear_lunch"
    assert not tab.undo_steps


def test_closing_the_form_with_edits_asks_first(qtbot, tab, dialogs):
    form = tab.edit_rule("lunchtime")
    form.note_edit.setPlainText("a draft")
    dialogs.answers = ["Keep editing"]
    form.reject()
    assert tab.form is form and tab.has_unsaved_changes()
    dialogs.answers = ["Discard"]
    form.reject()
    assert tab.form is None and not tab.has_unsaved_changes()
    assert tab.context.store.rule("lunchtime").note != "a draft"


def next_tab_stop(widget):
    """Where Tab goes from `widget`: the next enabled, shown widget in the chain that takes Tab focus."""
    form = widget.window()
    widget = widget.nextInFocusChain()
    while not (
        widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isEnabled() and widget.isVisibleTo(form)
    ):
        widget = widget.nextInFocusChain()
    return widget


def test_tab_goes_through_the_form_in_reading_order(qtbot, tab):
    form = tab.new_rule()
    assert next_tab_stop(form.name_edit) is form.playlist_combo
    assert next_tab_stop(form.playlist_combo) is form.priority_spin
    assert next_tab_stop(form.weekday_checks[-1]) is form.time_windows.add_button
    row = form.time_windows.add_window()
    assert next_tab_stop(form.weekday_checks[-1]) is row.start_edit
    assert next_tab_stop(row.remove_button) is form.time_windows.add_button
    assert next_tab_stop(form.max_plays_check) is form.cancel_button  # Save is off without a name
    form.name_edit.setText("keyboard_rule")
    assert next_tab_stop(form.max_plays_check) is form.save_button  # the limit's number is off until ticked
    form.max_plays_check.setChecked(True)
    assert next_tab_stop(form.max_plays_check) is form.max_plays_spin


def test_undo_steps_back_through_several_changes_of_one_rule(qtbot, tab):
    store = tab.context.store
    original = store.rule("evening_adults")
    select(tab, "evening_adults")
    form = tab.edit_selected()
    form.priority_spin.setValue(35)
    form.save_button.click()
    tab.toggle_selected()
    tab.delete_selected()

    tab.undo()  # the deletion
    assert store.rule("evening_adults") == replace(original, priority=35, enabled=False)
    tab.undo()  # the disabling: based on the version the first undo made, not refused as a conflict
    assert store.rule("evening_adults") == replace(original, priority=35)
    tab.undo()  # the edit
    assert store.rule("evening_adults") == original
    assert tab.undo_steps == [] and not tab.undo_action.isEnabled()
    assert [entry.action.value for entry in store.history("rule", "evening_adults")][-3:] == ["restore"] * 3


def test_a_playlist_deleted_meanwhile_is_flagged_in_an_open_form(qtbot, tab, other_store):
    form = tab.edit_rule("evening_adults")
    other_store.delete_rule("evening_adults", "someone")  # frees its playlist ...
    other_store.delete_playlist("evening_drinks", "someone")  # ... which someone then deletes
    tab.refresh()  # what the window does when it notices another program's change
    assert form.playlist_combo.currentText() == "evening_drinks"
    assert form.error_labels["playlist"].text() == "The playlist 'evening_drinks' no longer exists: choose another one."
    assert not form.save_button.isEnabled()
