"""The company of a group in the editor: the rule form's "With" ticks and the simulator's
"Company" choice, on the real widgets offscreen and a real seeded database."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDateTime, Qt, QTimer

from audience.types import AgeGroup, Company
from signage.cli import main
from signage.editor.simulator_tab import SimulatorTab


@pytest.fixture
def rules_tab(qtbot, editor_context, monkeypatch):
    from signage.editor.rules_tab import RulesTab

    tab = RulesTab(editor_context)
    monkeypatch.setattr(tab, "_tell", lambda *args, **kwargs: None)
    qtbot.addWidget(tab)
    yield tab
    assert not [timer for timer in tab.findChildren(QTimer) if timer.isActive()]


@pytest.fixture(autouse=True)
def installation(tmp_path, monkeypatch):
    monkeypatch.setenv("SIGNAGE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SIGNAGE_CONFIG", str(tmp_path / "no-config.yaml"))
    monkeypatch.delenv("SIGNAGE_DB", raising=False)


def test_a_rule_for_families_is_made_in_the_form(qtbot, rules_tab):
    form = rules_tab.new_rule()
    qtbot.keyClicks(form.name_edit, "family_snacks")
    form.playlist_combo.setCurrentText("after_school_snacks")
    form.age_checks[AgeGroup.ADULT].setChecked(True)
    form.company_checks[Company.ADULT_WITH_CHILD].setChecked(True)
    assert form.problems() == {}
    assert "adults, an adult with a child" in form.summary_label.text()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert rules_tab.context.store.rule("family_snacks").conditions.company == (Company.ADULT_WITH_CHILD,)
    # Opened again, the form shows the tick it was saved with.
    form = rules_tab.edit_rule("family_snacks")
    assert form.company_checks[Company.ADULT_WITH_CHILD].isChecked()
    assert not form.company_checks[Company.ALONE].isChecked()


def test_the_form_says_someone_alone_is_no_group(qtbot, rules_tab):
    form = rules_tab.new_rule()
    qtbot.keyClicks(form.name_edit, "alone_in_groups")
    form.company_checks[Company.ALONE].setChecked(True)
    form.min_group_spin.setValue(2)
    assert form.problems()["company"].startswith("Someone on their own is never a group of 2 or more")
    assert not form.save_button.isEnabled()


def test_the_simulator_takes_the_company_as_rules_simulate_does(qtbot, editor_context, editor_db_path, capsys):
    tab = SimulatorTab(editor_context, now=lambda: dt.datetime(2026, 11, 25, 9, 41))
    qtbot.addWidget(tab)
    tab.age_combo.setCurrentIndex(tab.age_combo.findData("adult"))
    tab.group_spin.setValue(2)
    tab.company_combo.setCurrentIndex(tab.company_combo.findData(Company.ADULT_WITH_CHILD.value))
    tab.when_edit.setDateTime(QDateTime.fromString("2026-11-23 19:10", "yyyy-MM-dd HH:mm"))
    assert tab.simulated_audience().company is Company.ADULT_WITH_CHILD
    assert tab.decision.guardrail_fired and "beer_promo" in tab.decision.withheld
    argv = ["rules", "simulate", "--db", str(editor_db_path), "--age-group", "adult", "--attire", "casual",
            "--group-size", "2", "--company", "adult_with_child", "--at", "2026-11-23 19:10"]
    assert main(argv) == 0
    out = capsys.readouterr().out
    # The CLI's words may change case (its own output, translated): the facts must agree.
    guardrail = next(line for line in out.splitlines() if "beer_promo" in line)
    assert f"plays: {tab.decision.playlist}" in out.lower() and "guardrail" in guardrail.lower()


def test_the_simulator_says_when_the_company_does_not_fit_the_group(qtbot, editor_context):
    tab = SimulatorTab(editor_context, now=lambda: dt.datetime(2026, 11, 25, 9, 41))
    qtbot.addWidget(tab)
    tab.group_spin.setValue(3)
    tab.company_combo.setCurrentIndex(tab.company_combo.findData(Company.ALONE.value))
    assert tab.decision is None
    assert tab.playlist_label.text() == "Cannot say what would play"
    assert tab.reason_label.text() == "This audience cannot be: company alone needs a group size of 1, got 3."
    tab.group_spin.setValue(1)
    assert tab.decision is not None
