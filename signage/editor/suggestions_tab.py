"""The Suggestions tab: rules learned from purchase history, in words, to accept or not.

Learning (`signage rules learn`) stores each suggestion as a *disabled* rule with origin
`learned`, its numbers in `learned_metrics`. Here a marketer reads each one as a sentence
("Teens buy bag snacks 2.3x more often between 15:00 and 18:00 on weekdays, based on
1,240 baskets", the same words as `signage rules suggestions`) with the raw numbers
beside it, and decides:

* **Accept**: the rule is enabled as it is; re-learning keeps it enabled and may update
  its numbers.
* **Accept edited…**: change priority, time windows or playlist, then enable it. It becomes
  `learned_edited`, the marketer's own: re-learning never changes it again.
* **Reject…**: delete it; re-learning never suggests it again.
* **Snooze 7 days**: hide it for a week (`snoozed_suggestions`); "Show snoozed" lists
  snoozed ones again, with an Unsnooze action.

Every change is saved at once, against the version that was read: if someone changed the
rule meanwhile, the change is refused with a message in words and the list reloads. The
tab therefore never holds unsaved edits.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from playlists.learning import (
    MeasuredUplift,
    measured_uplifts_in,
    uplift_inputs_version,
    reject_suggestion,
    snooze_suggestion,
    snoozed_until,
    suggestion_numbers,
    suggestion_rank,
    suggestion_sentence,
    suggestion_state,
    unsnooze_suggestion,
)
from playlists.model import Rule, RuleOrigin, TimeWindow
from playlists.store import utc_now
from signage.editor.context import EditorContext, in_words
from foundation.errors import SignageError

log = logging.getLogger(__name__)

SNOOZE_DAYS = 7
HINT_TEXT = "Re-learning never changes rules you wrote or edited."
EMPTY_TEXT = "No suggestions yet. Import purchase history and run `signage rules learn`."
ALL_SNOOZED_TEXT = "Every suggestion is snoozed. Tick \u201cShow snoozed\u201d to see them."
COLUMNS = (
    "Status",
    "What the data shows",
    "Playlist",
    "Support",
    "Confidence",
    "Lift",
    "Lift, lower 95%",
    "Baskets",
    "Baskets with category",
    "Rule",
)
_SENTENCE_COLUMN = COLUMNS.index("What the data shows")
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class SuggestionRow:
    """One learned rule as the tab shows it: the rule, the version it was read at, its snooze."""

    rule: Rule
    version: int
    snoozed_until: dt.date | None  # set only while the snooze holds

    @property
    def pending(self) -> bool:
        """Not accepted yet (a disabled learned rule)."""
        return not self.rule.enabled

    def status(self) -> str:
        """'Suggested', 'Accepted, edited by a marketer', 'Suggested, snoozed: back on Tue 1 Dec'."""
        state = suggestion_state(self.rule)
        if self.snoozed_until is not None:
            state += f", snoozed: back on {_day(self.snoozed_until)}"
        return state[0].upper() + state[1:]


class SuggestionEditDialog(QDialog):
    """Priority, time windows and playlist of a suggestion, before accepting it."""

    def __init__(self, rule: Rule, playlists: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rule = rule
        self.setWindowTitle("Accept with changes")
        self.priority = QSpinBox(self)
        self.priority.setRange(-1000, 1000)
        self.priority.setValue(rule.priority)
        self.priority.setToolTip("Higher wins when several rules match at the same time.")
        self.time_windows = QLineEdit(", ".join(w.label() for w in rule.conditions.time_windows), self)
        self.time_windows.setPlaceholderText("any time of day, or e.g. 15:00-18:00, 20:00-22:00")
        self.playlist = QComboBox(self)
        self.playlist.addItems(playlists)
        self.playlist.setCurrentText(rule.playlist)
        self.problem = QLabel("", self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.hide()
        form = QFormLayout()
        form.addRow("Priority", self.priority)
        form.addRow("Time of day", self.time_windows)
        form.addRow("Playlist", self.playlist)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("Accept with these changes")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(suggestion_sentence(rule), self))
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(
            QLabel("Once you change a suggestion it is yours: re-learning will not change it again.", self)
        )
        layout.addWidget(buttons)

    def edited_rule(self) -> Rule:
        """The rule as the dialog says: enabled, and the marketer's own (`learned_edited`).

        ValueError names a time window that is not like 15:00-18:00.
        """
        text = self.time_windows.text().strip()
        windows = tuple(TimeWindow.parse(part) for part in text.split(",") if part.strip()) if text else ()
        conditions = dataclasses.replace(self.rule.conditions, time_windows=windows)
        # Set explicitly, not left to the store: saving it unchanged is still a choice the
        # marketer made, and from then on re-learning must leave it alone.
        return dataclasses.replace(
            self.rule,
            priority=self.priority.value(),
            conditions=conditions,
            playlist=self.playlist.currentText(),
            enabled=True,
            origin=RuleOrigin.LEARNED_EDITED,
        )

    def accept(self) -> None:
        """Close only when the time windows can be read; otherwise say what is wrong."""
        try:
            self.edited_rule()
        except ValueError as error:
            self.problem.setText(f"Time of day: {error}.")
            self.problem.show()
            return
        super().accept()


class SuggestionsTab(QWidget):
    """Learned rules in plain words, with Accept, Accept edited, Reject and Snooze."""

    TITLE = "Suggestions"

    def __init__(
        self,
        context: EditorContext,
        parent: QWidget | None = None,
        *,
        now: Callable[[], dt.datetime] = utc_now,
    ) -> None:
        """`now` gives the current time (aware); snoozes count local days from it."""
        super().__init__(parent)
        self.context = context
        self._now = now
        self._rows: list[SuggestionRow] = []
        self._measured: dict[str, MeasuredUplift] = {}  # rule -> the holdout's measurement
        self._measured_key: tuple | None = None  # what `_measured` was measured from

        self.hint = QLabel(HINT_TEXT, self)
        self.hint.setWordWrap(True)
        self.empty_label = QLabel(EMPTY_TEXT, self)
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(_SENTENCE_COLUMN, QHeaderView.ResizeMode.Stretch)
        # The sentence wraps: its rows' heights follow the column's width.
        header.sectionResized.connect(lambda *_args: self.table.resizeRowsToContents())
        self.table.itemSelectionChanged.connect(self._update_actions)
        self.table.itemDoubleClicked.connect(lambda _item: self.accept_edited())

        self.accept_button = QPushButton("Accept", self)
        self.accept_button.setToolTip("Turn the rule on as it is. Re-learning keeps it on.")
        self.accept_edited_button = QPushButton("Accept edited\u2026", self)
        self.accept_edited_button.setToolTip("Change priority, time of day or playlist, then turn it on.")
        self.reject_button = QPushButton("Reject\u2026", self)
        self.reject_button.setToolTip("Delete the suggestion. Re-learning will not suggest it again.")
        self.snooze_button = QPushButton(f"Snooze {SNOOZE_DAYS} days", self)
        self.snooze_button.setToolTip(f"Hide the suggestion for {SNOOZE_DAYS} days, to decide later.")
        self.unsnooze_button = QPushButton("Unsnooze", self)
        self.unsnooze_button.setToolTip("Show a snoozed suggestion again now.")
        self.show_snoozed = QCheckBox("Show snoozed", self)
        self.accept_button.clicked.connect(self.accept)
        self.accept_edited_button.clicked.connect(self.accept_edited)
        self.reject_button.clicked.connect(self.reject)
        self.snooze_button.clicked.connect(self.snooze)
        self.unsnooze_button.clicked.connect(self.unsnooze)
        self.show_snoozed.toggled.connect(lambda _checked: self.refresh())

        self.message = QLabel("", self)
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)

        actions = QHBoxLayout()
        for button in (
            self.accept_button, self.accept_edited_button, self.reject_button, self.snooze_button, self.unsnooze_button
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.show_snoozed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        self.refresh()

    # ---- the tab contract ---------------------------------------------------------

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """Fit the wrapped sentences to the column width the tab really has."""
        super().showEvent(event)
        self.table.resizeRowsToContents()

    def refresh(self) -> None:
        """Read the learned rules and snoozes again; the selection stays on the same rule."""
        selected = self.selected_name()
        today = self._today()
        snoozes = {name: until for name, until in snoozed_until(self.context.db).items() if until > today}
        store = self.context.store
        rows = []
        for rule in store.rules():
            if rule.origin is RuleOrigin.MANUAL:
                continue
            # Version and rule are read together, so a change is always checked against
            # exactly what is on screen.
            current = store.rule_with_version(rule.name)
            snooze = snoozes.get(rule.name) if not current.value.enabled else None
            rows.append(SuggestionRow(current.value, current.version, snooze))
        hidden = [row for row in rows if row.snoozed_until is not None] if not self.show_snoozed.isChecked() else []
        shown = [row for row in rows if row not in hidden]
        # Measured uplift, once the holdout has it, ranks before the learned lift.
        # Measuring reads the receipts of every exposure day (seconds on a busy store): only
        # again when a holdout run or a purchase import is new, or the rules shown changed.
        shown_rules = tuple((row.rule.name, row.version) for row in shown)
        if (uplift_inputs_version(self.context.db), shown_rules) != self._measured_key:
            rules = [row.rule for row in shown]
            self._measured = measured_uplifts_in(self.context.db, rules, self.context.config.learning)
            # Read after measuring: measuring makes the tables a fresh database lacks.
            self._measured_key = (uplift_inputs_version(self.context.db), shown_rules)
        shown.sort(key=lambda row: (_group(row), suggestion_rank(row.rule, self._measured)))
        self._rows = shown
        self._fill_table()
        if shown:
            self.empty_label.hide()
        else:
            self.empty_label.setText(ALL_SNOOZED_TEXT if hidden else EMPTY_TEXT)
            self.empty_label.show()
        self.table.setVisible(bool(shown))
        if selected is not None:
            self.select(selected)
        self._update_actions()

    def has_unsaved_changes(self) -> bool:
        """Never: every action is saved at once."""
        return False

    # ---- reading (also for tests) ---------------------------------------------------

    def shown_names(self) -> list[str]:
        """The rule names listed, top to bottom."""
        return [row.rule.name for row in self._rows]

    def row_of(self, name: str) -> SuggestionRow | None:
        """The listed row of rule `name`, or None."""
        return next((row for row in self._rows if row.rule.name == name), None)

    def cell_text(self, name: str, column: str) -> str:
        """What the table shows for rule `name` in `column` (a COLUMNS title)."""
        index = self.shown_names().index(name)
        return self.table.item(index, COLUMNS.index(column)).text()

    def selected_name(self) -> str | None:
        """The selected rule's name, or None."""
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(self._rows):
            return None
        return self._rows[rows[0].row()].rule.name

    def select(self, name: str) -> bool:
        """Select rule `name`; False when it is not listed."""
        names = self.shown_names()
        if name not in names:
            self.table.clearSelection()
            return False
        self.table.selectRow(names.index(name))
        return True

    def message_text(self) -> str:
        """The last message shown to the user."""
        return self.message.text()

    # ---- actions ------------------------------------------------------------------

    def accept(self) -> None:
        """Enable the selected suggestion as it is."""
        row = self._selected_row()
        if row is None or not row.pending:
            return
        name = row.rule.name
        try:
            self.context.store.set_rule_enabled(name, True, self.context.author, expected_version=row.version)
        except SignageError as error:
            self._failed(error, "accept the suggestion")
            return
        unsnooze_suggestion(self.context.db, name)
        log.info("suggestion %s accepted by %s", name, self.context.author)
        self._done(f"Accepted: {name} is on and plays when it matches.", "rules")

    def accept_edited(self) -> None:
        """Open the edit dialog for the selected suggestion; saving enables it as the marketer's rule."""
        row = self._selected_row()
        if row is None or not row.pending:
            return
        playlists = [playlist.name for playlist in self.context.store.playlists()]
        dialog = SuggestionEditDialog(row.rule, playlists, self)
        try:
            if not self._exec_dialog(dialog):
                return
            rule = dialog.edited_rule()
        finally:
            dialog.deleteLater()
        try:
            self.context.store.save_rule(rule, self.context.author, action="edit", expected_version=row.version)
        except SignageError as error:
            self._failed(error, "accept the edited suggestion")
            return
        unsnooze_suggestion(self.context.db, rule.name)
        log.info("suggestion %s accepted with changes by %s", rule.name, self.context.author)
        self._done(
            f"Accepted with your changes: {rule.name} is on, and re-learning will leave it as you set it.", "rules"
        )

    def reject(self) -> None:
        """Delete the selected suggestion, after asking; it is never suggested again."""
        row = self._selected_row()
        if row is None or row.rule.origin is not RuleOrigin.LEARNED:
            return
        name = row.rule.name
        question = (
            f"Reject this suggestion?\n\n{suggestion_sentence(row.rule)}\n\n"
            "It is deleted, and re-learning will not suggest it again."
        )
        if not self._confirm(question):
            return
        try:
            reject_suggestion(
                self.context.db, self.context.store, name, self.context.author, self._now(),
                expected_version=row.version,
            )
        except SignageError as error:
            self._failed(error, "reject the suggestion")
            return
        unsnooze_suggestion(self.context.db, name)
        log.info("suggestion %s rejected by %s", name, self.context.author)
        self._done(f"Rejected: {name} is deleted and will not be suggested again.", "rules")

    def snooze(self) -> None:
        """Hide the selected suggestion for SNOOZE_DAYS days."""
        row = self._selected_row()
        if row is None or not row.pending:
            return
        first_day_back = self._today() + dt.timedelta(days=SNOOZE_DAYS)
        snooze_suggestion(self.context.db, row.rule.name, first_day_back)
        log.info("suggestion %s snoozed until %s by %s", row.rule.name, first_day_back, self.context.author)
        self._done(
            f"Snoozed for {SNOOZE_DAYS} days: {row.rule.name} is back on {_day(first_day_back)}.",
            "suggestions",
        )

    def unsnooze(self) -> None:
        """Show the selected snoozed suggestion again now."""
        row = self._selected_row()
        if row is None or row.snoozed_until is None:
            return
        unsnooze_suggestion(self.context.db, row.rule.name)
        self._done(f"{row.rule.name} is no longer snoozed.", "suggestions")

    # ---- internals ----------------------------------------------------------------

    def _exec_dialog(self, dialog: QDialog) -> bool:
        """Run a dialog modally; True when the user saved. (Tests replace this.)"""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def _confirm(self, question: str) -> bool:
        """Ask a yes/no question. (Tests replace this.)"""
        answer = QMessageBox.question(self, self.TITLE, question)
        return answer == QMessageBox.StandardButton.Yes

    def _today(self) -> dt.date:
        return self._now().astimezone().date()

    def _selected_row(self) -> SuggestionRow | None:
        name = self.selected_name()
        return None if name is None else self.row_of(name)

    def _done(self, message: str, what: str) -> None:
        self.message.setStyleSheet("")
        self.message.setText(message)
        self.refresh()
        self.context.announce(what)

    def _failed(self, error: SignageError, doing: str) -> None:
        # Whatever went wrong (someone changed or deleted the rule, it is no longer a
        # suggestion), the list on screen is out of date: say so and show what is stored.
        self.message.setStyleSheet("color: #b00020;")
        self.message.setText(in_words(error, doing))
        log.info("suggestions: could not %s: %s", doing, error)
        self.refresh()

    def _fill_table(self) -> None:
        self.table.setRowCount(len(self._rows))
        for index, row in enumerate(self._rows):
            rule, metrics = row.rule, row.rule.learned_metrics
            sentence = suggestion_sentence(rule)
            if rule.name in self._measured:
                sentence += f"; {self._measured[rule.name].words()}"
            cells = (
                row.status(),
                sentence,
                rule.playlist,
                f"{metrics.get('support', 0):.4f}",
                f"{metrics.get('confidence', 0):.3f}",
                f"{metrics.get('lift', 0):.2f}",
                f"{metrics.get('lift_lower_95', 0):.2f}",
                f"{metrics.get('baskets', 0):,.0f}",
                f"{metrics.get('baskets_with_category', 0):,.0f}",
                rule.name,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if 3 <= column <= 8:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                item.setToolTip(f"{sentence}\n{suggestion_numbers(rule)}\nRule {rule.name}, priority {rule.priority}")
                self.table.setItem(index, column, item)
        self.table.resizeRowsToContents()

    def _update_actions(self) -> None:
        row = self._selected_row()
        pending = row is not None and row.pending
        self.accept_button.setEnabled(pending)
        self.accept_edited_button.setEnabled(pending)
        self.reject_button.setEnabled(row is not None and row.rule.origin is RuleOrigin.LEARNED)
        self.snooze_button.setEnabled(pending and row.snoozed_until is None)
        self.unsnooze_button.setEnabled(row is not None and row.snoozed_until is not None)


def _group(row: SuggestionRow) -> int:
    """Order of the sections: waiting for a decision, snoozed, then accepted."""
    if row.pending:
        return 1 if row.snoozed_until is not None else 0
    return 2


def _day(day: dt.date) -> str:
    """'Tue 1 Dec 2026' (English names whatever the locale, like the rest of the editor)."""
    return f"{_WEEKDAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]} {day.year}"
