"""The "What would play" tab: real widgets offscreen on a real seeded database.

The tab must say what `signage rules simulate` says for the same audience and time, so
most tests set the inputs as a marketer would and compare with the command's output.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from PySide6.QtCore import QDateTime, Qt

from playlists.proof_of_play import AudienceSummary, ProofOfPlay
from signage.cli import main
from signage.editor.simulator_tab import SimulatorTab

MONDAY_1610 = dt.datetime(2026, 11, 23, 16, 10)
MONDAY_1805 = dt.datetime(2026, 11, 23, 18, 5)
TUESDAY_1200 = dt.datetime(2026, 11, 24, 12, 0)
NOW = dt.datetime(2026, 11, 25, 9, 41, 27)


@pytest.fixture
def tab(qtbot, editor_context) -> SimulatorTab:
    """The tab on the seeded database, its clock at NOW."""
    widget = SimulatorTab(editor_context, now=lambda: NOW)
    qtbot.addWidget(widget)
    return widget


@pytest.fixture(autouse=True)
def installation(tmp_path, monkeypatch):
    """The CLI reads no config file (decision defaults, as the editor context) and no real data folder."""
    monkeypatch.setenv("SIGNAGE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SIGNAGE_CONFIG", str(tmp_path / "no-config.yaml"))
    monkeypatch.delenv("SIGNAGE_DB", raising=False)


def choose(
    tab: SimulatorTab, when: dt.datetime, age_group: str = "", attire: str = "unknown", group_size: int = 1,
    dwell_s: float = 5.0, minor_present: bool = False, no_signal: bool = False,
) -> None:
    """Set the inputs as a marketer would (age_group "" is "unknown age")."""
    tab.age_combo.setCurrentIndex(tab.age_combo.findData(age_group))
    tab.attire_combo.setCurrentIndex(tab.attire_combo.findData(attire))
    tab.group_spin.setValue(group_size)
    tab.dwell_spin.setValue(dwell_s)
    tab.minor_check.setChecked(minor_present)
    tab.no_signal_check.setChecked(no_signal)
    tab.when_edit.setDateTime(QDateTime.fromString(f"{when:%Y-%m-%d %H:%M}", "yyyy-MM-dd HH:mm"))


def simulate(db_path, capsys, *argv: str) -> dict:
    """Run `signage rules simulate` on the database: its playlist, rule, reason, other rules and items."""
    assert main(["rules", "simulate", "--db", str(db_path), *argv]) == 0
    lines = capsys.readouterr().out.splitlines()
    value = lambda prefix: next((line[len(prefix):] for line in lines if line.startswith(prefix)), "none")
    start = lines.index("Other rules:") + 1 if "Other rules:" in lines else len(lines)
    others = []
    for line in lines[start:]:
        if not line.startswith("  "):
            break
        others.append(line.strip())
    why = value("Why: ")
    rule = re.match(r"Rule (\S+) \(priority (-?\d+)\)", why)
    return {
        "plays": value("Plays: "), "rule": f"{rule[1]} (priority {rule[2]})" if rule else None, "why": why,
        "others": others, "items": value("Items: "),
    }


def shown(tab: SimulatorTab) -> dict:
    """What the tab shows, in the command's terms."""
    lost = tab.lost_table
    items = tab.items_table
    return {
        "plays": tab.playlist_label.text().removeprefix("Plays: "),
        "rule": None if tab.decision.rule is None else tab.rule_label.text().removeprefix("Rule: "),
        "why": tab.reason_label.text().removeprefix("Why: "),
        "others": [
            f"{lost.item(row, 0).text()} (priority {lost.item(row, 1).text()}): {lost.item(row, 2).text()}"
            for row in range(lost.rowCount())
        ],
        "items": ", ".join(f"{items.item(row, 0).text()} ({items.item(row, 2).text()} s)"
                           for row in range(items.rowCount())) or "none",
    }


CASES = {
    "students after school": (
        {"when": MONDAY_1610, "age_group": "teen", "attire": "school_uniform", "group_size": 3},
        ["--age-group", "teen", "--attire", "school_uniform", "--group-size", "3", "--at", "2026-11-23 16:10"],
    ),
    "an adult with a teen in the evening": (
        {"when": MONDAY_1805, "age_group": "adult", "attire": "casual", "group_size": 2, "minor_present": True},
        ["--age-group", "adult", "--attire", "casual", "--group-size", "2", "--minor-present",
         "--at", "2026-11-23 18:05"],
    ),
    "a lost camera at lunch": (
        {"when": TUESDAY_1200, "no_signal": True}, ["--no-signal", "--at", "2026-11-24 12:00"],
    ),
    "nobody late in the evening": (
        {"when": dt.datetime(2026, 11, 24, 22, 30), "group_size": 0}, ["--group-size", "0", "--at", "2026-11-24 22:30"],
    ),
}


@pytest.mark.parametrize("inputs, argv", CASES.values(), ids=CASES.keys())
def test_the_tab_says_what_rules_simulate_prints(tab, editor_db_path, capsys, inputs, argv):
    choose(tab, **inputs)
    assert shown(tab) == simulate(editor_db_path, capsys, *argv)


def test_students_after_school_get_the_snacks_with_the_rule_and_the_reason(tab):
    choose(tab, MONDAY_1610, "teen", "school_uniform", 3)
    assert tab.playlist_label.text() == "Plays: after_school_snacks"
    assert tab.rule_label.text() == "Rule: students_after_school (priority 60)"
    assert "matched 3 people, mostly teens in school uniform" in tab.reason_label.text()
    assert tab.items_total_label.text() == "A loop of 3 items, 22 s."


def test_an_adult_with_a_teen_in_the_evening_gets_no_beer_and_is_told_why(tab):
    choose(tab, MONDAY_1805, "adult", "casual", 2)
    assert tab.playlist_label.text() == "Plays: evening_drinks"
    assert "not needed" in tab.guardrail_label.text()
    assert tab.items_table.item(0, 0).text() == "beer_promo"

    tab.minor_check.setChecked(True)
    assert tab.playlist_label.text() == "Plays: evening_drinks"
    assert tab.guardrail_label.text() == (
        "Minors guardrail: held back beer_promo because someone in the group may be a minor."
    )
    assert [tab.items_table.item(row, 0).text() for row in range(tab.items_table.rowCount())] == ["snacks_chips"]


def test_without_camera_signal_only_the_time_counts(tab):
    choose(tab, TUESDAY_1200, "teen", "school_uniform", 3, no_signal=True)
    assert tab.playlist_label.text() == "Plays: lunch_deals"
    assert tab.rule_label.text() == "Rule: lunchtime (priority 10)"
    assert "only rules that use the time alone can match" in tab.audience_label.text()
    assert not tab.age_combo.isEnabled() and not tab.group_spin.isEnabled()
    why = {tab.lost_table.item(row, 0).text(): tab.lost_table.item(row, 2).text()
           for row in range(tab.lost_table.rowCount())}
    assert why["workwear_lunch"] == "needs a known audience, and the audience is uncertain"


def test_the_lost_rules_table_lists_every_other_rule(tab, editor_context):
    names = {rule.name for rule in editor_context.store.rules()}
    choose(tab, MONDAY_1610, "teen", "school_uniform", 3)
    lost = {tab.lost_table.item(row, 0).text() for row in range(tab.lost_table.rowCount())}
    assert lost == names - {"students_after_school"} and tab.lost_table.rowCount() == len(names) - 1
    choose(tab, dt.datetime(2026, 11, 24, 22, 30), group_size=0)  # the default playlist: every rule lost
    assert tab.rule_label.text() == "Rule: none, the default playlist plays"
    assert tab.lost_table.rowCount() == len(names)


def test_it_starts_at_now_to_the_minute_and_quick_buttons_pick_the_week(tab, qtbot):
    assert tab.when() == dt.datetime(2026, 11, 25, 9, 41)
    qtbot.mouseClick(tab.quick_buttons["Saturday 11:00"], Qt.MouseButton.LeftButton)
    assert tab.when() == dt.datetime(2026, 11, 28, 11, 0)
    qtbot.mouseClick(tab.quick_buttons["Weekday 16:10"], Qt.MouseButton.LeftButton)
    assert tab.when() == dt.datetime(2026, 11, 30, 16, 10)  # a weekend moves on to Monday
    assert tab.playlist_label.text().startswith("Plays: ")


def test_gender_is_greyed_out_while_gender_targeting_is_off(tab):
    assert not tab.gender_combo.isEnabled()
    assert "gender targeting is on, and it is off" in tab.gender_note.text()


def test_refresh_reads_rules_changed_elsewhere(tab, editor_context):
    choose(tab, MONDAY_1610, "teen", "school_uniform", 3)
    editor_context.store.set_rule_enabled("students_after_school", False, author="cli")
    assert "students_after_school" in tab.rule_label.text()  # not yet: the tab shows what it read
    tab.refresh()
    assert tab.rule_label.text() == "Rule: school_uniform (priority 50)"
    assert tab.has_unsaved_changes() is False and tab.TITLE == "What would play"


def people(segment: str, group_size: int) -> AudienceSummary:
    """A logged audience sample of `group_size` people, mostly `segment`."""
    age, attire = segment.split("/")
    return AudienceSummary("ok", group_size, segment, 0.7, {age: group_size}, {attire: group_size})


def test_the_day_view_uses_the_audience_logged_at_each_hour(tab, editor_context):
    log = ProofOfPlay(editor_context.db)
    friday = dt.datetime(2026, 11, 20)
    for minute, size in [(0, 3), (10, 4), (20, 2)]:
        log.record_audience(friday.replace(hour=16, minute=minute), people("teen/school_uniform", size))
    log.record_audience(friday.replace(hour=16, minute=30), people("adult/casual", 1))
    log.record_audience(friday.replace(hour=8, minute=5), people("adult/business", 1))
    log.record_audience(friday.replace(hour=8, minute=6), AudienceSummary("ok", 0, None, 0.0, {}, {}))
    # More than 28 days before the latest sample: too old to say who comes at noon now.
    log.record_audience(friday.replace(hour=12) - dt.timedelta(days=40), people("adult/workwear", 2))
    tab.refresh()
    choose(tab, MONDAY_1610, "senior", "casual", 1)

    table = tab.day_table
    rows = {table.item(row, 0).text(): [table.item(row, column).text() for column in range(1, 5)]
            for row in range(table.rowCount())}
    assert table.rowCount() == 18 and list(rows) == [f"{hour:02d}:10" for hour in range(6, 24)]
    assert rows["16:10"] == [
        "3 people, mostly teens in school uniform", "the log (4 samples)", "after_school_snacks",
        "students_after_school",
    ]
    assert rows["08:10"] == [
        "1 person (adults in business suits)", "the log (1 sample)", "commuter_finance", "commuters_morning",
    ]
    assert rows["12:10"] == ["1 person (seniors in casual clothes)", "your choice above", "lunch_deals", "lunchtime"]
    assert rows["10:10"] == [
        "1 person (seniors in casual clothes)", "your choice above", "seniors_morning", "seniors_mid_morning",
    ]
    assert "since 2026-10-23" in tab.day_note.text()
