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
import re
from collections.abc import Callable

from PySide6.QtCore import QDate, QDateTime, QLocale, Qt, QTime
from PySide6.QtGui import QValidator
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
from content.model import ContentKind
from foundation.errors import SignageError
from foundation.i18n import tr, tr_noop
from playlists.decision import (
    WON,
    AudienceView,
    Decision,
    RuleBook,
    SimulatedAudience,
    display_audience,
    display_minors_reason,
    display_reason,
    display_why_not,
)
from playlists.playback import simulate_decision
from playlists.proof_of_play import ProofOfPlay
from playlists.reports import TypicalAudience, last_sample_at, typical_audience_by_hour
from playlists.words import (
    age_group_span,
    attire_words,
    company_words,
    people_words,
    segment_words,
)
from signage.editor.context import EditorContext, in_words

log = logging.getLogger(__name__)

DAY_HOURS = range(6, 24)  # the day view: 06:10 .. 23:10
DAY_MINUTE = 10
TYPICAL_DAYS = 28  # how far back (from the latest sample) the day view reads the audience

# Quick times: (key, weekday wanted (None: any weekday Mon-Fri), hour, minute). The key
# names the button in `quick_buttons` (tests press them); the button shows it translated.
QUICK_TIMES = (
    ("Weekday 08:00", None, 8, 0),
    ("Weekday 12:30", None, 12, 30),
    ("Weekday 16:10", None, 16, 10),
    ("Weekday 20:00", None, 20, 0),
    ("Saturday 11:00", 5, 11, 0),
)

_GENDERS = {
    Gender.FEMALE.value: tr_noop("editor.simulator", "female"),
    Gender.MALE.value: tr_noop("editor.simulator", "male"),
    Gender.UNKNOWN.value: tr_noop("editor.simulator", "not known"),
}
_KINDS = {
    ContentKind.IMAGE.value: tr_noop("editor.simulator", "picture"),
    ContentKind.VIDEO.value: tr_noop("editor.simulator", "video"),
    ContentKind.TEXT.value: tr_noop("editor.simulator", "text slide"),
}


class SimulatorTab(QWidget):
    """What the player would show for an audience at a time, the reasons, and a day at a glance."""

    @property
    def TITLE(self) -> str:
        """The tab's name, in the editor's language (read when the window is built)."""
        return tr("editor.simulator", "What would play")

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
            self._book, self._book_error = None, in_words(error, tr("editor.simulator", "read the rules"))
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
        box = QGroupBox(tr("editor.simulator", "Who is in front of the screen, and when"), self)
        form = QFormLayout(box)

        def row(label: str, tip: str, field) -> None:
            # The tip goes on the label and the field alike: a marketer hovers either.
            title = QLabel(label, box)
            title.setToolTip(tip)
            if isinstance(field, QWidget):
                field.setToolTip(tip)
            form.addRow(title, field)

        self.age_combo = QComboBox(box)
        # Item data are the enums' values: Qt hands a str enum back as a plain str.
        self.age_combo.addItem(tr("editor.simulator", "age not known"), "")
        for group in AgeGroup:
            self.age_combo.addItem(age_group_span(group), group.value)
        self.age_combo.setCurrentIndex(self.age_combo.findData(AgeGroup.ADULT.value))
        row(tr("editor.simulator", "Age group"),
            tr("editor.simulator", "The age group the camera estimates for most of the people in front of the screen."),
            self.age_combo)

        self.attire_combo = QComboBox(box)
        for attire in Attire:
            self.attire_combo.addItem(attire_words(attire), attire.value)
        self.attire_combo.setCurrentIndex(self.attire_combo.findData(Attire.CASUAL.value))
        row(tr("editor.simulator", "Wearing"),
            tr("editor.simulator", "What most of them wear, as the camera recognises it."), self.attire_combo)

        self.group_spin = PeopleSpinBox(box)
        self.group_spin.setRange(0, 99)
        self.group_spin.setValue(1)
        row(tr("editor.simulator", "How many"),
            tr("editor.simulator", "How many people are in front of the screen together (0: nobody)."), self.group_spin)

        self.dwell_spin = QDoubleSpinBox(box)
        self.dwell_spin.setRange(0.0, 3600.0)
        self.dwell_spin.setDecimals(0)
        self.dwell_spin.setValue(5.0)
        self.dwell_spin.setSuffix(tr("editor.simulator", " s"))
        row(tr("editor.simulator", "Staying for"),
            tr("editor.simulator", "How long the longest-staying visitor has been in front of the screen, in seconds."),
            self.dwell_spin)

        self.company_combo = QComboBox(box)
        self.company_combo.addItem(tr("editor.simulator", "on their own if one, else not known"), "")
        for company in Company:
            self.company_combo.addItem(company_words(company), company.value)
        row(tr("editor.simulator", "Company"),
            tr("editor.simulator", "Who the visitors are with, as the camera sees the group."), self.company_combo)

        self.gender_combo = QComboBox(box)
        for gender in Gender:
            self.gender_combo.addItem(tr("editor.simulator", _GENDERS[gender.value]), gender.value)
        self.gender_combo.setCurrentIndex(self.gender_combo.findData(Gender.UNKNOWN.value))
        self.gender_note = QLabel(box)
        self.gender_note.setWordWrap(True)
        gender_row = QVBoxLayout()
        gender_row.addWidget(self.gender_combo)
        gender_row.addWidget(self.gender_note)
        row(tr("editor.simulator", "Gender"),
            tr("editor.simulator", "The gender of most of them; rules use it only when gender targeting is on."),
            gender_row)

        self.minor_check = QCheckBox(tr("editor.simulator", "Someone in the group may be under 18"), box)
        self.minor_check.setToolTip(
            tr("editor.simulator", "For example a parent with a teenager: age-restricted ads are then held back.")
        )
        form.addRow("", self.minor_check)

        self.no_signal_check = QCheckBox(tr("editor.simulator", "The camera has no signal"), box)
        self.no_signal_check.setToolTip(
            tr("editor.simulator", "The player then knows nothing about the audience: only the time counts.")
        )
        form.addRow("", self.no_signal_check)

        self.when_edit = QDateTimeEdit(box)
        self.when_edit.setCalendarPopup(True)
        # Day names in the editor's language (QLocale), the date itself as year-month-day.
        self.when_edit.setLocale(QLocale())
        self.when_edit.setDisplayFormat("ddd yyyy-MM-dd HH:mm")
        self.when_edit.setDateTime(_qdatetime(self._now().replace(second=0, microsecond=0)))
        row(tr("editor.simulator", "When"),
            tr("editor.simulator", "The day and time of the kiosk's clock; rules with hours and days look at it."),
            self.when_edit)

        quick = QGridLayout()
        self.quick_buttons: dict[str, QPushButton] = {}
        for index, (key, weekday, hour, minute) in enumerate(QUICK_TIMES):
            at = f"{hour:02d}:{minute:02d}"
            text = (tr("editor.simulator", "Weekday {time}", time=at) if weekday is None
                    else tr("editor.simulator", "Saturday {time}", time=at))
            button = QPushButton(text, box)
            button.clicked.connect(lambda _checked=False, w=weekday, h=hour, m=minute: self._quick_time(w, h, m))
            quick.addWidget(button, index // 3, index % 3)
            self.quick_buttons[key] = button
        now_button = QPushButton(tr("editor.simulator", "Now"), box)
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

        layout.addWidget(_heading(tr("editor.simulator", "What it shows"), panel))
        self.items_table = _table(panel, [
            (tr("editor.simulator", "Item"), tr("editor.simulator", "The ad's name in the content library.")),
            (tr("editor.simulator", "Kind"), tr("editor.simulator", "A picture, a video or a text slide.")),
            (tr("editor.simulator", "Seconds"), tr("editor.simulator", "How long the item stays on screen each time.")),
        ])
        layout.addWidget(self.items_table, 2)
        self.items_total_label = QLabel(panel)
        layout.addWidget(self.items_total_label)

        layout.addWidget(_heading(tr("editor.simulator", "Why the other rules did not win"), panel))
        self.lost_table = _table(panel, [
            (tr("editor.simulator", "Rule"), tr("editor.simulator", "A rule that did not put its playlist on screen.")),
            (tr("editor.simulator", "Priority"),
             tr("editor.simulator", "When several rules fit, the one with the highest priority wins.")),
            (tr("editor.simulator", "Why not"), tr("editor.simulator", "What this rule needed that was not there.")),
        ])
        layout.addWidget(self.lost_table, 3)
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
            self._cannot_say(tr("editor.simulator", "This audience cannot be: {problem}.", problem=problem))
            return
        decision = simulate_decision(self._book, described.view(settings), self.when(), settings)
        self.decision = decision
        self._show(decision)
        self._show_day()

    def _cannot_say(self, why: str) -> None:
        """No decision to show: say why, and clear what an earlier one showed."""
        self.decision = None
        self.playlist_label.setText(tr("editor.simulator", "Cannot say what would play"))
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
            tr("editor.simulator", "Rules may target a gender: gender targeting is on.") if targeting
            else tr("editor.simulator", "Only matters when gender targeting is on, and it is off: rules ignore gender.")
        )

    def _show(self, decision: Decision) -> None:
        self.playlist_label.setText(
            tr("editor.simulator", "Plays: {playlist}", playlist=decision.playlist) if decision.playlist
            else tr("editor.simulator", "Plays: nothing (the player's built-in slide)")
        )
        if decision.rule is None:
            self.rule_label.setText(tr("editor.simulator", "Rule: none, the default playlist plays"))
        else:
            self.rule_label.setText(
                tr("editor.simulator", "Rule: {rule} (priority {priority})", rule=decision.rule, priority=decision.priority)
            )
        self.reason_label.setText(tr("editor.simulator", "Why: {reason}", reason=display_reason(decision)))
        audience = decision.audience
        # The decision's own words, as `signage rules simulate` prints them.
        if decision.audience_used:
            text = tr("editor.simulator", "Audience: {audience}", audience=display_audience(audience))
        else:
            text = tr(
                "editor.simulator",
                "Audience: {audience}. The camera has no signal: only rules that use the time alone can match.",
                audience=display_audience(audience),
            )
        self.audience_label.setText(text)
        self.guardrail_label.setToolTip(tr(
            "editor.simulator",
            "The minors guardrail holds back age-restricted ads (alcohol, tobacco) whenever someone in front of the "
            "screen may be under 18.",
        ))
        minors_reason = display_minors_reason(audience.minors_reason)
        if decision.guardrail_fired:
            self.guardrail_label.setText(tr(
                "editor.simulator", "Minors guardrail: held back {items} because {reason}.",
                items=", ".join(decision.withheld), reason=minors_reason,
            ))
        elif audience.minors_likely:
            self.guardrail_label.setText(tr(
                "editor.simulator", "Minors guardrail: on ({reason}); nothing age-restricted was in the playlist.",
                reason=minors_reason,
            ))
        else:
            self.guardrail_label.setText(
                tr("editor.simulator", "Minors guardrail: not needed ({reason}).", reason=minors_reason)
            )

        self.items_table.setRowCount(len(decision.items))
        for row, item in enumerate(decision.items):
            kind = item.content.kind.value
            _set_row(self.items_table, row, [
                item.content.name, tr("editor.simulator", _KINDS[kind]) if kind in _KINDS else kind,
                _number(item.duration_s),
            ])
        total_s = sum(item.duration_s for item in decision.items)
        count = len(decision.items)
        self.items_total_label.setText(
            tr("editor.simulator", "A loop of %n items, {seconds} s.", n=count, seconds=_number(total_s)) if count
            else tr("editor.simulator", "Nothing to show.")
        )

        lost = [(rule, code) for rule, code in decision.considered if code != WON]
        self.lost_table.setRowCount(len(lost))
        for row, (rule, code) in enumerate(lost):
            _set_row(self.lost_table, row, [rule.name, str(rule.priority), display_why_not(decision, rule, code)])

    # ----------------------------------------------------------------------------------
    # The day view

    def _build_day_view(self) -> QGroupBox:
        box = QGroupBox(tr("editor.simulator", "The whole day"), self)
        layout = QVBoxLayout(box)
        self.day_note = QLabel(box)
        self.day_note.setWordWrap(True)
        layout.addWidget(self.day_note)
        self.day_table = _table(box, [
            (tr("editor.simulator", "Time"), tr("editor.simulator", "The time of day the player decides at.")),
            (tr("editor.simulator", "Audience"), tr("editor.simulator", "Who is in front of the screen at that time.")),
            (tr("editor.simulator", "Audience from"), tr(
                "editor.simulator",
                "Where that audience comes from: the audience samples the player logged at that hour, or your "
                "choice above.",
            )),
            (tr("editor.simulator", "Playlist"), tr("editor.simulator", "The playlist that would play.")),
            (tr("editor.simulator", "Rule"), tr(
                "editor.simulator", "The rule that would put it on screen; point at it to read why."
            )),
        ])
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
        day_text = QLocale().toString(_qdate(day), "dddd yyyy-MM-dd")
        if self._typical_since is None:
            self.day_note.setText(tr(
                "editor.simulator",
                "{day}, hour by hour. No audience is logged yet, so every hour uses the audience picked above.",
                day=day_text,
            ))
        else:
            self.day_note.setText(tr(
                "editor.simulator",
                "{day}, hour by hour. Each hour uses who the player logged most at that hour since {since} "
                "(how long they stay and their gender as picked above); hours with nothing logged use the "
                "audience picked above.",
                day=day_text, since=f"{self._typical_since:%Y-%m-%d}",
            ))
        self.day_table.setRowCount(len(rows))
        for row, (when, audience, typical, decision) in enumerate(rows):
            origin = tr("editor.simulator", "your choice above") if typical is None else (
                tr("editor.simulator", "the log (%n samples)", n=typical.samples)
            )
            _set_row(self.day_table, row, [
                f"{when:%H:%M}",
                audience_words(audience),
                origin,
                decision.playlist or tr("editor.simulator", "(nothing)"),
                decision.rule or tr("editor.simulator", "(default playlist)"),
            ])
            self.day_table.item(row, 4).setToolTip(display_reason(decision))


class PeopleSpinBox(QSpinBox):
    """A head count in words: "nobody", "1 person", "3 people" (Korean "3명").

    A suffix cannot do it: English needs "person" for one and "people" for more, so the
    whole text comes from the catalogue's count form; typing a number still works.
    """

    def textFromValue(self, value: int) -> str:
        """The count as shown."""
        return tr("editor.simulator", "nobody") if value == 0 else people_words(value)

    def valueFromText(self, text: str) -> int:
        """The number typed, whatever words are around it."""
        found = re.search(r"\d+", text)
        return int(found.group()) if found else 0

    def validate(self, text: str, position: int):
        """Any text with a number in range is acceptable; without one, not yet."""
        found = re.search(r"\d+", text)
        if found is None:
            state = QValidator.State.Acceptable if text == self.textFromValue(0) else QValidator.State.Intermediate
        elif self.minimum() <= int(found.group()) <= self.maximum():
            state = QValidator.State.Acceptable
        else:
            state = QValidator.State.Invalid
        return state, text, position


def audience_words(audience: AudienceView) -> str:
    """Who is there in words: '3 people, mostly teens in school uniform', '1 person (adults in casual
    clothes)', 'nobody', 'no camera signal'."""
    if not audience.signal_ok:
        return tr("editor.simulator", "no camera signal")
    if audience.group_size == 0:
        return tr("editor.simulator", "nobody")
    who = segment_words(audience.age_group, audience.attire)
    if audience.group_size == 1:
        return tr("editor.simulator", "{people} ({who})", people=people_words(1), who=who)
    return tr("editor.simulator", "{people}, mostly {who}", people=people_words(audience.group_size), who=who)


def _number(value: float) -> str:
    """A number as the editor's locale writes it, without needless decimals ('22', '7.5')."""
    return QLocale().toString(float(value), "g", 6)


def _heading(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


def _qdatetime(when: dt.datetime) -> QDateTime:
    return QDateTime(QDate(when.year, when.month, when.day), QTime(when.hour, when.minute))


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _table(parent: QWidget, headers: list[tuple[str, str]]) -> QTableWidget:
    """A read-only table; `headers` are (title, tooltip) pairs: every column says what it is."""
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels([title for title, _tip in headers])
    for column, (_title, tip) in enumerate(headers):
        table.horizontalHeaderItem(column).setToolTip(tip)
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
