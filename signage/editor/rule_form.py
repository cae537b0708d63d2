"""The form that creates and edits one rule, checked as the marketer types.

Every field has a small red line under it that says what is wrong in words; Save stays
disabled while anything is. The plain-language checks here come first; after them the
assembled rule goes through the codec's own decoding (what `validated_rule` and the
store run), so the form can never accept a rule the store would refuse, and a problem
only the codec knows about still shows, next to the field its path names.

Fields the form has no picker for (genders, the largest group size, a learned rule's
origin and metrics) are kept as they are in the rule being edited.

Also here: the rule in words (`describe_audience`, `describe_schedule`), shared with the
table of the Rules tab.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from PySide6.QtCore import QDate, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from audience.types import AgeGroup, Attire, Company, Gender
from playlists.codec import MAX_NAME_CHARS, Problem, decode_rule, rule_to_dict
from playlists.model import (
    WEEKDAY_NAMES,
    Conditions,
    Rule,
    RuleOrigin,
    TimeWindow,
    describe_company,
    describe_weekdays,
)

ERROR_STYLE = "color: #b00020;"
HINT_STYLE = "color: #555555;"

AGE_WORDS = {
    AgeGroup.CHILD: "children",
    AgeGroup.TEEN: "teens",
    AgeGroup.YOUNG_ADULT: "young adults",
    AgeGroup.ADULT: "adults",
    AgeGroup.MIDDLE_AGED: "middle-aged people",
    AgeGroup.SENIOR: "seniors",
}
ATTIRE_WORDS = {
    Attire.SCHOOL_UNIFORM: "school uniform",
    Attire.BUSINESS: "business clothes",
    Attire.WORKWEAR: "workwear",
    Attire.CASUAL: "casual clothes",
    Attire.UNKNOWN: "clothes the camera cannot tell",
}
GENDER_WORDS = {Gender.FEMALE: "women", Gender.MALE: "men", Gender.UNKNOWN: "people of unknown gender"}
ORIGIN_WORDS = {
    RuleOrigin.MANUAL: "written by a marketer",
    RuleOrigin.LEARNED: "suggested from purchases",
    RuleOrigin.LEARNED_EDITED: "suggestion, edited",
}
DAY_LABELS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

# Where a problem the codec finds is shown: its field path -> the form's field.
_CODEC_FIELDS: dict[tuple[str, ...], str] = {
    ("name",): "name",
    ("playlist",): "playlist",
    ("priority",): "priority",
    ("when", "age_groups"): "age_groups",
    ("when", "attire"): "attire",
    ("when", "company"): "company",
    ("when", "weekdays"): "weekdays",
    ("when", "time"): "time",
    ("when", "min_group_size"): "min_group_size",
    ("when", "max_group_size"): "min_group_size",
    ("when", "min_dwell_s"): "min_dwell_s",
    ("when", "dates"): "dates",
    ("when", "dates", "from"): "dates",
    ("when", "dates", "until"): "dates",
    ("weight",): "weight",
    ("cooldown_s",): "cooldown_s",
    ("max_plays_per_hour",): "max_plays_per_hour",
    ("note",): "note",
}
FIELDS = tuple(dict.fromkeys(_CODEC_FIELDS.values())) + ("top",)


# --------------------------------------------------------------------------------------
# The rule in words


def describe_audience(conditions: Conditions) -> str:
    """Who a rule is for: 'teens in school uniform', 'anyone', 'groups of 2+'."""
    parts = []
    who = _and([AGE_WORDS[g] for g in conditions.age_groups])
    attire = " or ".join(ATTIRE_WORDS[a] for a in conditions.attire)
    if attire:
        parts.append(f"{who or 'anyone'} in {attire}")
    elif who:
        parts.append(who)
    if conditions.genders:
        parts.append(" or ".join(GENDER_WORDS[g] for g in conditions.genders) + " only")
    if conditions.company:
        parts.append(" or ".join(describe_company(c) for c in conditions.company))
    low, high = conditions.min_group_size, conditions.max_group_size
    if high is not None:
        parts.append(f"groups of {max(low, 1)} to {high}" if low > 1 else f"groups of up to {high}")
    elif low > 1:
        parts.append(f"groups of {low}+")
    elif low == 1 and not parts:
        parts.append("anyone present")
    if conditions.min_dwell_s > 0:
        parts.append(f"staying {conditions.min_dwell_s:g}+ s")
    return ", ".join(parts) if parts else "anyone"


def describe_schedule(conditions: Conditions) -> str:
    """When a rule applies: 'Mon-Fri 15:00-18:30', 'every day 11:00-14:00', 'always'."""
    times = ", ".join(w.label() for w in conditions.time_windows)
    if conditions.weekdays:
        days = describe_weekdays(conditions.weekdays)
        for name, label in zip(WEEKDAY_NAMES, DAY_LABELS, strict=True):
            days = days.replace(name, label)
        text = f"{days} {times}" if times else f"{days}, all day"
    else:
        text = f"every day {times}" if times else ""
    first, last = conditions.date_from, conditions.date_until
    if first and last:
        dates = f"{first} to {last}"
    elif first:
        dates = f"from {first}"
    elif last:
        dates = f"until {last}"
    else:
        dates = ""
    if text and dates:
        return f"{text}; {dates}"
    return text or dates or "always"


def describe_rule(rule: Rule) -> str:
    """One sentence: 'Plays lunch_deals for anyone, every day 11:30-13:30.'."""
    return f"Plays {rule.playlist} for {describe_audience(rule.conditions)}, {describe_schedule(rule.conditions)}."


def _and(words: list[str]) -> str:
    if len(words) < 3:
        return " and ".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def _keep_order(before: Iterable, chosen: Iterable) -> tuple:
    """`chosen` in the order `before` had them, new ones after: an unchanged list stays unchanged."""
    chosen = list(chosen)
    kept = [value for value in before if value in chosen]
    return tuple(kept + [value for value in chosen if value not in kept])


def _error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


def _show(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


def _hhmm(time: QTime) -> str:
    return time.toString("HH:mm")


# --------------------------------------------------------------------------------------
# Time windows: rows of from/to pickers


class TimeWindowRow(QWidget):
    """One daily window: from, to, a Remove button, and a line for its problem."""

    changed = Signal()
    remove_requested = Signal(object)

    def __init__(self, start_hhmm: str, end_hhmm: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.start_edit = QTimeEdit(QTime.fromString(start_hhmm, "HH:mm"))
        self.end_edit = QTimeEdit(QTime.fromString(end_hhmm, "HH:mm"))
        for edit, name in ((self.start_edit, "from"), (self.end_edit, "to")):
            edit.setDisplayFormat("HH:mm")
            edit.setAccessibleName(f"time window {name}")
            edit.timeChanged.connect(self.changed)
        self.remove_button = QPushButton("Remove")
        self.remove_button.setToolTip("Remove this time window")
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))
        self.error_label = _error_label()
        self.hint_label = QLabel()
        self.hint_label.setStyleSheet(HINT_STYLE)
        self.hint_label.hide()
        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(QLabel("from"))
        line.addWidget(self.start_edit)
        line.addWidget(QLabel("to"))
        line.addWidget(self.end_edit)
        line.addWidget(self.remove_button)
        line.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(line)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.error_label)

    def hhmm(self) -> tuple[str, str]:
        """('15:00', '18:30')."""
        return _hhmm(self.start_edit.time()), _hhmm(self.end_edit.time())

    def set_times(self, start_hhmm: str, end_hhmm: str) -> None:
        """Set both pickers ('HH:MM')."""
        self.start_edit.setTime(QTime.fromString(start_hhmm, "HH:mm"))
        self.end_edit.setTime(QTime.fromString(end_hhmm, "HH:mm"))

    def focus_order(self) -> list[QWidget]:
        """The row's widgets in tab order."""
        return [self.start_edit, self.end_edit, self.remove_button]


class TimeWindowList(QWidget):
    """The time windows of a rule; none means all day."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[TimeWindowRow] = []
        self._rows_layout = QVBoxLayout()
        self._rows_layout.setContentsMargins(0, 0, 0, 0)
        self.empty_label = QLabel("All day (no time windows).")
        self.empty_label.setStyleSheet(HINT_STYLE)
        self.add_button = QPushButton("Add time window")
        self.add_button.setToolTip("Show the rule only between two times of the day")
        self.add_button.clicked.connect(lambda: self.add_window().start_edit.setFocus())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty_label)
        layout.addLayout(self._rows_layout)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    def add_window(self, start_hhmm: str = "15:00", end_hhmm: str = "18:00") -> TimeWindowRow:
        """Add a row (a sensible afternoon window unless told otherwise)."""
        row = TimeWindowRow(start_hhmm, end_hhmm, self)
        row.changed.connect(self.changed)
        row.remove_requested.connect(self.remove_window)
        self.rows.append(row)
        self._rows_layout.addWidget(row)
        row.show()  # at once, not when the layout gets round to it: focus can go there now
        self.empty_label.setVisible(False)
        self.changed.emit()
        return row

    def remove_window(self, row: TimeWindowRow) -> None:
        """Remove a row; focus goes to the Add button so the keyboard user is not lost."""
        self.rows.remove(row)
        self._rows_layout.removeWidget(row)
        row.hide()
        row.deleteLater()
        self.empty_label.setVisible(not self.rows)
        self.add_button.setFocus()
        self.changed.emit()

    def set_windows(self, windows: Sequence[TimeWindow]) -> None:
        """Replace all rows with `windows`."""
        for row in list(self.rows):
            self.rows.remove(row)
            self._rows_layout.removeWidget(row)
            row.hide()
            row.deleteLater()
        for window in windows:
            self.add_window(window.start_hhmm, window.end_hhmm)
        self.empty_label.setVisible(not self.rows)
        self.changed.emit()

    def windows(self) -> list[tuple[str, str]]:
        """The rows as ('HH:MM', 'HH:MM') pairs, in order."""
        return [row.hhmm() for row in self.rows]

    def focus_order(self) -> list[QWidget]:
        """Every row's widgets, then Add."""
        return [widget for row in self.rows for widget in row.focus_order()] + [self.add_button]


# --------------------------------------------------------------------------------------
# The form


class RuleForm(QDialog):
    """Create or edit one rule. The tab saves it: Save only emits `save_requested`.

    `confirm_discard` is asked before Cancel or Esc throws edits away. `today` gives the
    date a date picker starts at when switched on (injected: nothing reads the clock).
    """

    save_requested = Signal()

    def __init__(
        self,
        playlists: Sequence[str],
        taken_names: Iterable[str],
        confirm_discard: Callable[[], bool],
        today: Callable[[], dt.date] = dt.date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Rule")
        self.setMinimumWidth(860)
        self._confirm_discard = confirm_discard
        self._today = today
        self._taken = frozenset(taken_names)
        self._playlist_names: frozenset[str] = frozenset()
        self._base = Rule(name="", playlist="")
        self._editing = False
        self._version: int | None = None
        self._initial_state: tuple = ()
        self._loading = False
        self._problems: dict[str, str] = {}
        self._build()
        self.set_playlists(playlists)
        self.load(None)

    # ----------------------------------------------------------------------------------
    # Building

    def _build(self) -> None:
        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight: bold; font-size: 13pt;")
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.top_error = _error_label()
        self.error_labels: dict[str, QLabel] = {key: _error_label() for key in FIELDS if key != "top"}
        self.error_labels["top"] = self.top_error

        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText("for example students_after_school")
        self.name_edit.setMaxLength(MAX_NAME_CHARS + 1)  # one over, so the form can say so
        self.playlist_combo = QComboBox()
        self.priority_spin = QSpinBox()
        self.priority_spin.setRange(-10_000, 10_000)
        self.priority_hint = QLabel("Higher wins.")
        self.priority_hint.setStyleSheet(HINT_STYLE)
        self.enabled_check = QCheckBox("Enabled (the player uses this rule)")
        self.note_edit = QPlainTextEdit()
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setPlaceholderText("Why this rule exists, for whoever reads it next")
        self.note_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)

        self.age_checks = {group: QCheckBox(AGE_WORDS[group]) for group in AgeGroup}
        self.attire_checks = {attire: QCheckBox(ATTIRE_WORDS[attire]) for attire in Attire}
        self.company_checks = {company: QCheckBox(describe_company(company)) for company in Company}
        self.weekday_checks = [QCheckBox(label) for label in DAY_LABELS]
        self.time_windows = TimeWindowList()
        self.date_from_check = QCheckBox("From")
        self.date_from_edit = QDateEdit()
        self.date_until_check = QCheckBox("Until")
        self.date_until_edit = QDateEdit()
        for edit in (self.date_from_edit, self.date_until_edit):
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setCalendarPopup(True)
            edit.setEnabled(False)
        self.min_group_spin = QSpinBox()
        self.min_group_spin.setRange(0, 100)
        self.min_group_spin.setSpecialValueText("any")
        self.min_dwell_spin = QDoubleSpinBox()
        self.min_dwell_spin.setRange(0.0, 3600.0)
        self.min_dwell_spin.setDecimals(1)
        self.min_dwell_spin.setSuffix(" s")
        self.min_dwell_spin.setSpecialValueText("any")
        self.weight_spin = QDoubleSpinBox()
        self.weight_spin.setRange(0.0, 1000.0)
        self.weight_spin.setDecimals(2)
        self.weight_spin.setSingleStep(0.5)
        self.cooldown_spin = QDoubleSpinBox()
        self.cooldown_spin.setRange(0.0, 7 * 24 * 3600.0)
        self.cooldown_spin.setDecimals(0)
        self.cooldown_spin.setSuffix(" s")
        self.cooldown_spin.setSpecialValueText("none")
        self.max_plays_check = QCheckBox("At most")
        self.max_plays_spin = QSpinBox()
        self.max_plays_spin.setRange(1, 3600)
        self.max_plays_spin.setSuffix(" plays per hour")
        self.max_plays_spin.setEnabled(False)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_save_clicked)
        buttons.rejected.connect(self.reject)

        rule_box = QGroupBox("The rule")
        rule_form = self._form_layout(rule_box)
        self._add_row(rule_form, "&Name", self.name_edit, "name")
        self._add_row(rule_form, "&Playlist", self.playlist_combo, "playlist")
        priority = QHBoxLayout()
        priority.setContentsMargins(0, 0, 0, 0)
        priority.addWidget(self.priority_spin)
        priority.addWidget(self.priority_hint, 1)
        priority_widget = QWidget()
        priority_widget.setLayout(priority)
        self._add_row(rule_form, "P&riority", priority_widget, "priority", buddy=self.priority_spin)
        rule_form.addRow("", self.enabled_check)
        self._add_row(rule_form, "N&ote", self.note_edit, "note")

        who_box = QGroupBox("Who it is for (nothing ticked: anyone)")
        who_form = self._form_layout(who_box)
        self._add_row(who_form, "Age groups", self._grid(list(self.age_checks.values()), 3), "age_groups")
        self._add_row(who_form, "Wearing", self._grid(list(self.attire_checks.values()), 2), "attire")
        self._add_row(who_form, "With", self._grid(list(self.company_checks.values()), 2), "company")
        self._add_row(who_form, "Group of at least", self.min_group_spin, "min_group_size")
        self._add_row(who_form, "Staying at least", self.min_dwell_spin, "min_dwell_s")

        when_box = QGroupBox("When (nothing set: always)")
        when_form = self._form_layout(when_box)
        self._add_row(when_form, "Days", self._grid(self.weekday_checks, 7), "weekdays")
        self._add_row(when_form, "Times", self.time_windows, "time")
        dates = QGridLayout()
        dates.addWidget(self.date_from_check, 0, 0)
        dates.addWidget(self.date_from_edit, 0, 1)
        dates.addWidget(self.date_until_check, 1, 0)
        dates.addWidget(self.date_until_edit, 1, 1)
        dates.setColumnStretch(2, 1)
        dates_widget = QWidget()
        dates_widget.setLayout(dates)
        dates.setContentsMargins(0, 0, 0, 0)
        self._add_row(when_form, "Dates", dates_widget, "dates")

        often_box = QGroupBox("How often")
        often_form = self._form_layout(often_box)
        self._add_row(often_form, "&Weight", self.weight_spin, "weight")
        self._add_row(often_form, "Rest after playing", self.cooldown_spin, "cooldown_s")
        limit = QHBoxLayout()
        limit.setContentsMargins(0, 0, 0, 0)
        limit.addWidget(self.max_plays_check)
        limit.addWidget(self.max_plays_spin)
        limit.addStretch(1)
        limit_widget = QWidget()
        limit_widget.setLayout(limit)
        self._add_row(often_form, "Limit", limit_widget, "max_plays_per_hour")

        columns = QHBoxLayout()
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(rule_box)
        left.addWidget(who_box)
        left.addStretch(1)
        right.addWidget(when_box)
        right.addWidget(often_box)
        right.addStretch(1)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.top_error)
        layout.addLayout(columns)
        layout.addWidget(buttons)

        self.name_edit.textChanged.connect(self._on_changed)
        self.playlist_combo.currentIndexChanged.connect(self._on_changed)
        self.note_edit.textChanged.connect(self._on_changed)
        for check in (
            self.enabled_check, *self.age_checks.values(), *self.attire_checks.values(),
            *self.company_checks.values(), *self.weekday_checks,
        ):
            check.toggled.connect(self._on_changed)
        for check, edit in ((self.date_from_check, self.date_from_edit), (self.date_until_check, self.date_until_edit)):
            check.toggled.connect(lambda on, edit=edit: self._on_date_switched(on, edit))
            edit.dateChanged.connect(self._on_changed)
        self.max_plays_check.toggled.connect(self.max_plays_spin.setEnabled)
        self.max_plays_check.toggled.connect(self._on_changed)
        for spin in (
            self.priority_spin, self.min_group_spin, self.min_dwell_spin, self.weight_spin,
            self.cooldown_spin, self.max_plays_spin,
        ):
            spin.valueChanged.connect(self._on_changed)
        self.time_windows.changed.connect(self._on_time_windows_changed)

    def _form_layout(self, box: QGroupBox) -> QFormLayout:
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setVerticalSpacing(8)
        return form

    def _add_row(
        self, form: QFormLayout, label: str, field_widget: QWidget, key: str, buddy: QWidget | None = None
    ) -> None:
        """The field with its red problem line under it; Alt+the underlined letter focuses `buddy`."""
        label_widget = QLabel(label)
        label_widget.setBuddy(buddy or field_widget)
        form.addRow(label_widget, self._stack(field_widget, self.error_labels[key]))

    @staticmethod
    def _stack(*widgets: QWidget) -> QWidget:
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        for widget in widgets:
            # Numbers and choices keep their natural width; text fields and messages use the row.
            compact = isinstance(widget, (QAbstractSpinBox, QComboBox))
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignLeft if compact else Qt.AlignmentFlag(0))
        return holder

    @staticmethod
    def _grid(checks: list[QCheckBox], columns: int) -> QWidget:
        holder = QWidget()
        grid = QGridLayout(holder)
        grid.setContentsMargins(0, 0, 0, 0)
        for index, check in enumerate(checks):
            grid.addWidget(check, index // columns, index % columns)
        return holder

    def _chain_tab_order(self) -> None:
        """Tab goes through the form in reading order: left column, then right, then the buttons."""
        order: list[QWidget] = [
            self.name_edit, self.playlist_combo, self.priority_spin, self.enabled_check, self.note_edit,
            *self.age_checks.values(), *[c for c in self.attire_checks.values() if not c.isHidden()],
            *self.company_checks.values(), self.min_group_spin, self.min_dwell_spin,
            *self.weekday_checks, *self.time_windows.focus_order(),
            self.date_from_check, self.date_from_edit, self.date_until_check, self.date_until_edit,
            self.weight_spin, self.cooldown_spin, self.max_plays_check, self.max_plays_spin,
            self.save_button, self.cancel_button,
        ]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    # ----------------------------------------------------------------------------------
    # State

    @property
    def editing(self) -> bool:
        """True when the form edits a stored rule (its name is then fixed)."""
        return self._editing

    @property
    def version(self) -> int | None:
        """The stored version the edit is based on (None for a new rule)."""
        return self._version

    def load(self, rule: Rule | None, version: int | None = None, editing: bool = False) -> None:
        """Show `rule` (None: an empty new rule); with `editing`, as stored at `version`."""
        self._loading = True
        try:
            base = rule or Rule(name="", playlist=self.playlist_combo.itemText(0))
            self._base, self._editing, self._version = base, editing, version if editing else None
            conditions = base.conditions
            self.name_edit.setText(base.name)
            self.name_edit.setReadOnly(editing)
            self.name_edit.setToolTip("A rule keeps its name; use Duplicate for a new name." if editing else "")
            self._select_playlist(base.playlist)
            self.priority_spin.setValue(base.priority)
            self.enabled_check.setChecked(base.enabled)
            self.note_edit.setPlainText(base.note)
            for group, check in self.age_checks.items():
                check.setChecked(group in conditions.age_groups)
            for attire, check in self.attire_checks.items():
                check.setChecked(attire in conditions.attire)
                # "Cannot tell" is no audience to aim at; it shows only for a rule that uses it.
                check.setVisible(attire != Attire.UNKNOWN or attire in conditions.attire)
            for company, check in self.company_checks.items():
                check.setChecked(company in conditions.company)
            for day, check in enumerate(self.weekday_checks):
                check.setChecked(day in conditions.weekdays)
            self.time_windows.set_windows(conditions.time_windows)
            today = QDate(self._today())
            for check, edit, day in (
                (self.date_from_check, self.date_from_edit, conditions.date_from),
                (self.date_until_check, self.date_until_edit, conditions.date_until),
            ):
                check.setChecked(day is not None)
                edit.setEnabled(day is not None)
                edit.setDate(QDate(day) if day is not None else today)
            self.min_group_spin.setValue(conditions.min_group_size)
            self.min_dwell_spin.setValue(conditions.min_dwell_s)
            self.weight_spin.setValue(base.weight)
            self.cooldown_spin.setValue(base.cooldown_s)
            self.max_plays_check.setChecked(base.max_plays_per_hour is not None)
            self.max_plays_spin.setEnabled(base.max_plays_per_hour is not None)
            self.max_plays_spin.setValue(base.max_plays_per_hour or 6)
        finally:
            self._loading = False
        if editing:
            self.heading.setText(f"Edit rule {base.name!r} (version {version})")
            self.setWindowTitle(f"Edit rule {base.name}")
        else:
            self.heading.setText("New rule")
            self.setWindowTitle("New rule")
        self._initial_state = self._state()
        self._chain_tab_order()
        self._revalidate()

    def mark_as_new(self) -> None:
        """The stored rule is gone: keep what is in the form, and Save creates it again."""
        self._editing, self._version = False, None
        self.name_edit.setReadOnly(False)
        self.name_edit.setToolTip("")
        self.heading.setText(f"New rule {self.name_edit.text()!r} (the stored one was deleted)")
        self.setWindowTitle("New rule")
        self._revalidate()

    def set_playlists(self, names: Sequence[str]) -> None:
        """The playlists to choose from, keeping the current choice."""
        current = self.playlist_combo.currentText()
        self._playlist_names = frozenset(names)
        was_loading, self._loading = self._loading, True
        try:
            self.playlist_combo.clear()
            self.playlist_combo.addItems(list(names))
            self._select_playlist(current)
        finally:
            self._loading = was_loading
        self._revalidate()

    def set_taken_names(self, names: Iterable[str]) -> None:
        """The names of the stored rules (a new rule cannot take one)."""
        self._taken = frozenset(names)
        self._revalidate()

    def _select_playlist(self, name: str) -> None:
        if name and self.playlist_combo.findText(name) < 0:
            # Kept so the form shows what the rule says; the check below says it is missing.
            self.playlist_combo.addItem(name)
        self.playlist_combo.setCurrentIndex(max(self.playlist_combo.findText(name), 0) if name else 0)

    def _state(self) -> tuple:
        """Everything the marketer can change, to tell whether anything was."""
        return (
            self.name_edit.text(), self.playlist_combo.currentText(), self.priority_spin.value(),
            self.enabled_check.isChecked(), self.note_edit.toPlainText(),
            tuple(c.isChecked() for c in self.age_checks.values()),
            tuple(c.isChecked() for c in self.attire_checks.values()),
            tuple(c.isChecked() for c in self.company_checks.values()),
            tuple(c.isChecked() for c in self.weekday_checks),
            tuple(self.time_windows.windows()),
            self.date_from_check.isChecked(), self.date_from_edit.date().toString(Qt.DateFormat.ISODate),
            self.date_until_check.isChecked(), self.date_until_edit.date().toString(Qt.DateFormat.ISODate),
            self.min_group_spin.value(), self.min_dwell_spin.value(), self.weight_spin.value(),
            self.cooldown_spin.value(), self.max_plays_check.isChecked(), self.max_plays_spin.value(),
        )

    def is_dirty(self) -> bool:
        """Whether anything differs from what the form was opened with."""
        return self._state() != self._initial_state

    # ----------------------------------------------------------------------------------
    # Assembling and checking

    def assembled_rule(self) -> Rule:
        """The rule as the form shows it, checked or not."""
        base, before = self._base, self._base.conditions
        date_from = self.date_from_edit.date().toPython() if self.date_from_check.isChecked() else None
        date_until = self.date_until_edit.date().toPython() if self.date_until_check.isChecked() else None
        conditions = replace(
            before,
            age_groups=_keep_order(before.age_groups, (g for g, c in self.age_checks.items() if c.isChecked())),
            attire=_keep_order(before.attire, (a for a, c in self.attire_checks.items() if c.isChecked())),
            company=_keep_order(before.company, (k for k, c in self.company_checks.items() if c.isChecked())),
            weekdays=_keep_order(before.weekdays, (d for d, c in enumerate(self.weekday_checks) if c.isChecked())),
            time_windows=tuple(TimeWindow(start, end) for start, end in self.time_windows.windows()),
            min_group_size=self.min_group_spin.value(),
            min_dwell_s=float(self.min_dwell_spin.value()),
            date_from=date_from,
            date_until=date_until,
        )
        return replace(
            base,
            name=self.name_edit.text(),
            playlist=self.playlist_combo.currentText(),
            conditions=conditions,
            priority=self.priority_spin.value(),
            weight=float(self.weight_spin.value()),
            cooldown_s=float(self.cooldown_spin.value()),
            max_plays_per_hour=self.max_plays_spin.value() if self.max_plays_check.isChecked() else None,
            enabled=self.enabled_check.isChecked(),
            note=self.note_edit.toPlainText(),
        )

    def rule(self) -> Rule | None:
        """The rule as it will be stored, or None while anything is wrong."""
        problems, rule = self._check()
        return None if problems else rule

    def problems(self) -> dict[str, str]:
        """What is wrong, by field ('name', 'weight', ..., 'top'; 'time[1]' for a time window's row).

        Empty when Save can go.
        """
        return dict(self._problems)

    def _check(self) -> tuple[dict[str, str], Rule | None]:
        problems: dict[str, str] = {}
        rows: dict[int, str] = {}
        self._check_fields(problems, rows)
        assembled = self.assembled_rule()
        codec_problems: list[Problem] = []
        rule = decode_rule(rule_to_dict(assembled), (), codec_problems)
        for problem in codec_problems:
            key = _CODEC_FIELDS.get(tuple(str(p) for p in problem.path), "top")
            at = problem.location
            if key == "time" and len(at) == 3 and isinstance(at[2], int):
                rows.setdefault(at[2], _sentence(problem.message))
            elif key not in problems:
                problems[key] = _sentence(problem.message)
        for index, message in rows.items():
            problems[f"time[{index}]"] = message  # shown on the row itself
        return problems, rule

    def _check_fields(self, problems: dict[str, str], rows: dict[int, str]) -> None:
        """The common mistakes, in the marketer's words."""
        name = self.name_edit.text()
        if not name.strip():
            problems["name"] = "A rule needs a name."
        elif name != name.strip():
            problems["name"] = "A name cannot start or end with a space."
        elif not name.isprintable():
            problems["name"] = "A name must be one line of ordinary characters."
        elif len(name) > MAX_NAME_CHARS:
            problems["name"] = f"A name can have at most {MAX_NAME_CHARS} characters."
        elif not self._editing and name in self._taken:
            problems["name"] = "This name is taken by another rule."
        playlist = self.playlist_combo.currentText()
        if self.playlist_combo.count() == 0:
            problems["playlist"] = "There are no playlists yet: make one in the Playlists tab first."
        elif playlist not in self._playlist_names:
            problems["playlist"] = f"The playlist {playlist!r} no longer exists: choose another one."
        seen: dict[tuple[str, str], int] = {}
        for index, (start, end) in enumerate(self.time_windows.windows()):
            if start == end:
                rows[index] = f"This time window is empty: it starts and ends at {start}. Remove it for all day."
            elif (start, end) in seen:
                rows[index] = f"This time window is listed twice (also number {seen[(start, end)] + 1})."
            seen.setdefault((start, end), index)
        if self.weight_spin.value() <= 0:
            problems["weight"] = "The weight must be above 0 (1 is usual; 2 plays twice as often)."
        if (
            self.date_from_check.isChecked()
            and self.date_until_check.isChecked()
            and self.date_until_edit.date() < self.date_from_edit.date()
        ):
            problems["dates"] = "The last day is before the first day."
        company = {k for k, c in self.company_checks.items() if c.isChecked()}
        if company == {Company.ALONE} and self.min_group_spin.value() > 1:
            problems["company"] = "Someone alone is never a group of 2 or more: untick alone or lower the group size."
        high = self._base.conditions.max_group_size
        if high is not None and self.min_group_spin.value() > high:
            problems["min_group_size"] = f"This rule is for groups of at most {high}: the smallest group cannot be larger."

    def _revalidate(self) -> None:
        if self._loading:
            return
        problems, rule = self._check()
        self._problems = problems
        for key, label in self.error_labels.items():
            _show(label, problems.get(key, ""))
        for index, row in enumerate(self.time_windows.rows):
            _show(row.error_label, problems.get(f"time[{index}]", ""))
            start, end = row.hhmm()
            hint = ""
            if start != end and end < start:
                hint = "Runs until midnight." if end == "00:00" else f"Runs over midnight, until {end} the next day."
            _show(row.hint_label, hint)
        self.save_button.setEnabled(not problems)
        self.summary_label.setText(describe_rule(rule) if rule is not None and not problems else "")

    # ----------------------------------------------------------------------------------
    # Reactions

    def _on_changed(self, *_args) -> None:
        self._revalidate()

    def _on_time_windows_changed(self) -> None:
        if not self._loading:
            self._chain_tab_order()
        self._revalidate()

    def _on_date_switched(self, on: bool, edit: QDateEdit) -> None:
        edit.setEnabled(on)
        if on and not self._loading:
            edit.setFocus()
        self._revalidate()

    def _on_save_clicked(self) -> None:
        if self.rule() is not None:
            self.save_requested.emit()

    def reject(self) -> None:
        """Cancel or Esc: ask first when there are edits to lose."""
        if self.is_dirty() and not self._confirm_discard():
            return
        super().reject()


def _sentence(message: str) -> str:
    message = message.strip()
    if not message:
        return message
    message = message[0].upper() + message[1:]
    return message if message.endswith((".", "?", "!", ")")) else message + "."
