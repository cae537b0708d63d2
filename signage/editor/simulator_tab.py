"""The "What would play" tab: pick an audience and a time, see the decision and why.

Every change of the audience or the time decides again at once, through the same
`decide` and the same audience description (`SimulatedAudience`) as `signage rules
simulate`, so the tab and the command always agree. Below, the day view shows what would
play hour by hour on the chosen day, for the audience the player usually logs at that
hour (the last 28 days of audience samples), or the audience picked above where nothing
was logged.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from audience.types import AgeGroup, Attire, Company, Gender
from playlists.decision import (
    WON,
    AudienceView,
    Decision,
    RuleBook,
    SimulatedAudience,
)
from playlists.model import describe_company
from playlists.playback import simulate_decision
from playlists.proof_of_play import ProofOfPlay
from playlists.reports import TypicalAudience, last_sample_at, typical_audience_by_hour
from signage.editor.context import EditorContext, in_words
from foundation.errors import SignageError

log = logging.getLogger(__name__)

DAY_HOURS = range(6, 24)  # the day view: 06:10 .. 23:10
DAY_MINUTE = 10
TYPICAL_DAYS = 28  # how far back (from the latest sample) the day view reads the audience

# Quick times: (button text, weekday wanted (None: any weekday Mon-Fri), hour, minute).
QUICK_TIMES = (
    ("Weekday 08:00", None, 8, 0),
    ("Weekday 12:30", None, 12, 30),
    ("Weekday 16:10", None, 16, 10),
    ("Weekday 20:00", None, 20, 0),
    ("Saturday 11:00", 5, 11, 0),
)


class SimulatorTab(QWidget):
    """What the player would show for an audience at a time, the reasons, and a day at a glance."""

    TITLE = "What would play"

    def __init__(
        self,
        context: EditorContext,
        parent: QWidget | None = None,
        *,
        now: Callable[[], dt.datetime] = dt.datetime.now,
    ) -> None:
        # `now` only sets the starting time of the picker (and the "Now" button); tests pass
        # a fixed one. The decision itself never reads the clock.
        super().__init__(parent)
        self.context = context
        self._now = now
        self._book: RuleBook | None = None
        self._book_error = ""
        self._typical: dict[int, TypicalAudience] = {}
        self._typical_since: dt.datetime | None = None
        self.decision: Decision | None = None
        # The audience log's tables, created as the player would on a database it never used.
        ProofOfPlay(context.db)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        top = QWidget(splitter)
        top_layout = QHBoxLayout(top)
        top_layout.addWidget(self._build_inputs(), 0)
        top_layout.addWidget(self._build_result(), 1)
        splitter.addWidget(top)
        splitter.addWidget(self._build_day_view())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.refresh()

    # ----------------------------------------------------------------------------------
    # The tab contract

    def refresh(self) -> None:
        """Re-read the rule book and the logged audiences (others may have changed them), then decide again."""
        try:
            self._book = self.context.rulebook()
            self._book_error = ""
        except SignageError as error:
            log.warning("the simulator cannot read the rules: %s", error)
            self._book, self._book_error = None, in_words(error, "read the rules")
        latest = last_sample_at(self.context.db)
        self._typical_since = None if latest is None else latest - dt.timedelta(days=TYPICAL_DAYS)
        self._typical = typical_audience_by_hour(self.context.db, self._typical_since, None) if latest else {}
        self.update_decision()

    def has_unsaved_changes(self) -> bool:
        """Nothing here is saved: the simulator only reads."""
        return False

    # ----------------------------------------------------------------------------------
    # Inputs

    def simulated_audience(self) -> SimulatedAudience:
        """The audience the inputs describe (the same description `signage rules simulate` takes)."""
        return SimulatedAudience(
            age_group=AgeGroup(self.age_combo.currentData()) if self.age_combo.currentData() else None,
            attire=Attire(self.attire_combo.currentData()),
            group_size=self.group_spin.value(),
            dwell_s=self.dwell_spin.value(),
            gender=Gender(self.gender_combo.currentData()),
            minor_present=self.minor_check.isChecked(),
            no_signal=self.no_signal_check.isChecked(),
            company=Company(self.company_combo.currentData()) if self.company_combo.currentData() else None,
        )

    def when(self) -> dt.datetime:
        """The chosen local time, to the minute."""
        return self.when_edit.dateTime().toPython().replace(second=0, microsecond=0)

    def set_when(self, when: dt.datetime) -> None:
        """Choose a local time (to the minute)."""
        self.when_edit.setDateTime(_qdatetime(when))

    def _build_inputs(self) -> QGroupBox:
        box = QGroupBox("Who is in front of the screen, and when", self)
        form = QFormLayout(box)

        self.age_combo = QComboBox(box)
        # Item data are the enums' values: Qt hands a str enum back as a plain str.
        self.age_combo.addItem("unknown age", "")
        for group in AgeGroup:
            self.age_combo.addItem(group.value.replace("_", " "), group.value)
        self.age_combo.setCurrentIndex(self.age_combo.findData(AgeGroup.ADULT.value))
        form.addRow("Age group", self.age_combo)

        self.attire_combo = QComboBox(box)
        for attire in Attire:
            self.attire_combo.addItem(attire.value.replace("_", " "), attire.value)
        self.attire_combo.setCurrentIndex(self.attire_combo.findData(Attire.CASUAL.value))
        form.addRow("Wearing", self.attire_combo)

        self.group_spin = QSpinBox(box)
        self.group_spin.setRange(0, 99)
        self.group_spin.setValue(1)
        self.group_spin.setSpecialValueText("nobody")
        self.group_spin.setSuffix(" people")
        form.addRow("How many", self.group_spin)

        self.dwell_spin = QDoubleSpinBox(box)
        self.dwell_spin.setRange(0.0, 3600.0)
        self.dwell_spin.setDecimals(0)
        self.dwell_spin.setValue(5.0)
        self.dwell_spin.setSuffix(" s")
        self.dwell_spin.setToolTip("How long the longest-staying visitor has been in front of the screen.")
        form.addRow("Staying for", self.dwell_spin)

        self.company_combo = QComboBox(box)
        self.company_combo.addItem("alone if one, else not known", "")
        for company in Company:
            self.company_combo.addItem(describe_company(company), company.value)
        self.company_combo.setToolTip("Who the visitors are with, as the camera sees the group.")
        form.addRow("Company", self.company_combo)

        self.gender_combo = QComboBox(box)
        for gender in Gender:
            self.gender_combo.addItem(gender.value, gender.value)
        self.gender_combo.setCurrentIndex(self.gender_combo.findData(Gender.UNKNOWN.value))
        self.gender_note = QLabel(box)
        self.gender_note.setWordWrap(True)
        gender_row = QVBoxLayout()
        gender_row.addWidget(self.gender_combo)
        gender_row.addWidget(self.gender_note)
        form.addRow("Gender", gender_row)

        self.minor_check = QCheckBox("Someone in the group may be under 18", box)
        self.minor_check.setToolTip("For example a parent with a teenager: age-restricted ads are then held back.")
        form.addRow("", self.minor_check)

        self.no_signal_check = QCheckBox("The camera has no signal", box)
        self.no_signal_check.setToolTip("The player then knows nothing about the audience: only the time counts.")
        form.addRow("", self.no_signal_check)

        self.when_edit = QDateTimeEdit(box)
        self.when_edit.setCalendarPopup(True)
        self.when_edit.setDisplayFormat("ddd yyyy-MM-dd HH:mm")
        self.when_edit.setDateTime(_qdatetime(self._now().replace(second=0, microsecond=0)))
        form.addRow("When", self.when_edit)

        quick = QGridLayout()
        self.quick_buttons: dict[str, QPushButton] = {}
        for index, (text, weekday, hour, minute) in enumerate(QUICK_TIMES):
            button = QPushButton(text, box)
            button.clicked.connect(lambda _checked=False, w=weekday, h=hour, m=minute: self._quick_time(w, h, m))
            quick.addWidget(button, index // 3, index % 3)
            self.quick_buttons[text] = button
        now_button = QPushButton("Now", box)
        now_button.clicked.connect(lambda: self.set_when(self._now()))
        quick.addWidget(now_button, len(QUICK_TIMES) // 3, len(QUICK_TIMES) % 3)
        self.quick_buttons["Now"] = now_button
        form.addRow("", quick)
        box.setMaximumWidth(520)

        for combo in (self.age_combo, self.attire_combo, self.gender_combo, self.company_combo):
            combo.currentIndexChanged.connect(self._inputs_changed)
        for spin in (self.group_spin, self.dwell_spin):
            spin.valueChanged.connect(self._inputs_changed)
        for check in (self.minor_check, self.no_signal_check):
            check.toggled.connect(self._inputs_changed)
        self.when_edit.dateTimeChanged.connect(self._inputs_changed)
        return box

    def _quick_time(self, weekday: int | None, hour: int, minute: int) -> None:
        """The chosen day's week: a weekday keeps a Monday-Friday date (a weekend moves to Monday)."""
        day = self.when().date()
        if weekday is None:
            if day.weekday() >= 5:
                day += dt.timedelta(days=7 - day.weekday())
        else:
            day += dt.timedelta(days=weekday - day.weekday())
        self.set_when(dt.datetime.combine(day, dt.time(hour, minute)))

    def _inputs_changed(self, *_args) -> None:
        self.update_decision()

    # ----------------------------------------------------------------------------------
    # The decision

    def _build_result(self) -> QWidget:
        panel = QWidget(self)
        layout = QVBoxLayout(panel)
        self.playlist_label = QLabel(panel)
        self.playlist_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.playlist_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.playlist_label.setFont(font)
        layout.addWidget(self.playlist_label)
        self.rule_label = QLabel(panel)
        self.reason_label = QLabel(panel)
        self.audience_label = QLabel(panel)
        self.guardrail_label = QLabel(panel)
        for label in (self.rule_label, self.reason_label, self.audience_label, self.guardrail_label):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(label)

        layout.addWidget(QLabel("<b>What it shows</b>", panel))
        self.items_table = _table(panel, ["Item", "Kind", "Seconds"])
        layout.addWidget(self.items_table, 1)
        self.items_total_label = QLabel(panel)
        layout.addWidget(self.items_total_label)

        layout.addWidget(QLabel("<b>Why the other rules did not win</b>", panel))
        self.lost_table = _table(panel, ["Rule", "Priority", "Why not"])
        layout.addWidget(self.lost_table, 2)
        return panel

    def update_decision(self) -> None:
        """Decide for the current inputs and show the decision and the day view."""
        self._enable_inputs()
        if self._book is None:
            self._cannot_say(self._book_error)
            return
        settings = self.context.config.decision
        described = self.simulated_audience()
        if (problem := described.problem()) is not None:
            self._cannot_say(f"This audience cannot be: {problem}.")
            return
        decision = simulate_decision(self._book, described.view(settings), self.when(), settings)
        self.decision = decision
        self._show(decision)
        self._show_day()

    def _cannot_say(self, why: str) -> None:
        """No decision to show: say why, and clear what an earlier one showed."""
        self.decision = None
        self.playlist_label.setText("Cannot say what would play")
        self.reason_label.setText(why)
        for label in (self.rule_label, self.audience_label, self.guardrail_label, self.items_total_label):
            label.clear()
        self.items_table.setRowCount(0)
        self.lost_table.setRowCount(0)
        self.day_table.setRowCount(0)

    def _enable_inputs(self) -> None:
        signal = not self.no_signal_check.isChecked()
        somebody = signal and self.group_spin.value() > 0
        for widget in (self.age_combo, self.attire_combo, self.dwell_spin):
            widget.setEnabled(somebody)
        self.group_spin.setEnabled(signal)
        self.minor_check.setEnabled(somebody and self.group_spin.value() > 1)
        targeting = self.context.config.decision.gender_targeting
        self.gender_combo.setEnabled(somebody and targeting)
        self.gender_note.setText(
            "Rules may target a gender: gender targeting is on." if targeting
            else "Only matters when gender targeting is on, and it is off: rules ignore gender."
        )

    def _show(self, decision: Decision) -> None:
        self.playlist_label.setText(
            f"Plays: {decision.playlist}" if decision.playlist else "Plays: nothing (the player's built-in slide)"
        )
        if decision.rule is None:
            self.rule_label.setText("Rule: none, the default playlist plays")
        else:
            self.rule_label.setText(f"Rule: {decision.rule} (priority {decision.priority})")
        self.reason_label.setText(f"Why: {decision.reason}")
        audience = decision.audience
        text = f"Audience: {audience.describe()}"
        if not decision.audience_used:
            text += ". The camera has no signal: only rules that use the time alone can match."
        self.audience_label.setText(text)
        if decision.guardrail_fired:
            self.guardrail_label.setText(
                f"Minors guardrail: held back {', '.join(decision.withheld)} because {audience.minors_reason}."
            )
        elif audience.minors_likely:
            self.guardrail_label.setText(
                f"Minors guardrail: on ({audience.minors_reason}); nothing age-restricted was in the playlist."
            )
        else:
            self.guardrail_label.setText(f"Minors guardrail: not needed ({audience.minors_reason}).")

        self.items_table.setRowCount(len(decision.items))
        for row, item in enumerate(decision.items):
            _set_row(self.items_table, row, [item.content.name, item.content.kind.value, f"{item.duration_s:g}"])
        total_s = sum(item.duration_s for item in decision.items)
        count = len(decision.items)
        self.items_total_label.setText(
            f"A loop of {count} item{'' if count == 1 else 's'}, {total_s:g} s." if count else "Nothing to show."
        )

        lost = [(rule, code) for rule, code in decision.considered if code != WON]
        self.lost_table.setRowCount(len(lost))
        for row, (rule, code) in enumerate(lost):
            _set_row(self.lost_table, row, [rule.name, str(rule.priority), decision.why_not(rule, code)])

    # ----------------------------------------------------------------------------------
    # The day view

    def _build_day_view(self) -> QGroupBox:
        box = QGroupBox("The whole day", self)
        layout = QVBoxLayout(box)
        self.day_note = QLabel(box)
        self.day_note.setWordWrap(True)
        layout.addWidget(self.day_note)
        self.day_table = _table(box, ["Time", "Audience", "Audience from", "Playlist", "Rule"])
        layout.addWidget(self.day_table)
        return box

    def day_rows(self) -> list[tuple[dt.datetime, AudienceView, TypicalAudience | None, Decision]]:
        """(time, audience, the logged audience used or None, decision) for each hour of the chosen day."""
        if self._book is None:
            return []
        settings = self.context.config.decision
        picked = self.simulated_audience()
        day = self.when().date()
        rows = []
        for hour in DAY_HOURS:
            when = dt.datetime.combine(day, dt.time(hour, DAY_MINUTE))
            typical = self._typical.get(hour)
            if typical is not None:
                # Who usually comes; how long they stay and their gender are never logged.
                audience = SimulatedAudience(
                    typical.age_group, typical.attire, typical.group_size, picked.dwell_s, picked.gender
                ).view(settings)
            else:
                audience = picked.view(settings)
            rows.append((when, audience, typical, simulate_decision(self._book, audience, when, settings)))
        return rows

    def _show_day(self) -> None:
        rows = self.day_rows()
        day = self.when().date()
        if self._typical_since is None:
            source = "No audience is logged yet, so every hour uses the audience picked above."
        else:
            source = (
                f"Each hour uses who the player logged most at that hour since {self._typical_since:%Y-%m-%d} "
                "(how long they stay and their gender as picked above); hours with nothing logged use the "
                "audience picked above."
            )
        self.day_note.setText(f"{day:%A %Y-%m-%d}, hour by hour. {source}")
        self.day_table.setRowCount(len(rows))
        for row, (when, audience, typical, decision) in enumerate(rows):
            origin = "your choice above" if typical is None else (
                f"the log ({typical.samples} sample{'' if typical.samples == 1 else 's'})"
            )
            _set_row(self.day_table, row, [
                f"{when:%H:%M}",
                _short_description(audience),
                origin,
                decision.playlist or "(nothing)",
                decision.rule or "(default playlist)",
            ])
            self.day_table.item(row, 4).setToolTip(decision.reason)


def _short_description(audience: AudienceView) -> str:
    """'3 people, teen/school_uniform', '1 person, adult/casual', 'nobody', 'no camera signal'."""
    if not audience.signal_ok:
        return "no camera signal"
    if audience.group_size == 0:
        return "nobody"
    people = "1 person" if audience.group_size == 1 else f"{audience.group_size} people"
    return f"{people}, {audience.age_group.value if audience.age_group else 'unknown age'}/{audience.attire.value}"


def _qdatetime(when: dt.datetime) -> QDateTime:
    return QDateTime(QDate(when.year, when.month, when.day), QTime(when.hour, when.minute))


def _table(parent: QWidget, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.setWordWrap(True)
    return table


def _set_row(table: QTableWidget, row: int, cells: list[str]) -> None:
    for column, text in enumerate(cells):
        item = QTableWidgetItem(text)
        item.setToolTip(text)
        table.setItem(row, column, item)
