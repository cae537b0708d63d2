"""The Suggestions tab: rules learned from purchase history, in words, to accept or not.

Learning (`signage rules learn`) stores each suggestion as a *disabled* rule with origin
`learned`, its numbers in `learned_metrics`. Here, and only here (the Rules tab lists the
store's rules and says how many suggestions wait), a marketer reads each one as a sentence
("Teens buy bag snacks 2.3 times as often as shoppers overall on weekday afternoons,
14:00-18:00 (at least 1.9 times, 95 % sure), in 1,240 baskets", the same words as
`signage rules suggestions`), why it plays its playlist (`learning.playlist_choice_words`),
and the numbers beside it under plain titles whose tooltips say what support, confidence
and lift mean; then decides:

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

from foundation.errors import SignageError
from foundation.i18n import tr, tr_noop
from playlists.learning import (
    MeasuredUplift,
    measured_uplifts_in,
    playlist_choice_words,
    reject_suggestion,
    snooze_suggestion,
    snoozed_until,
    suggestion_numbers,
    suggestion_rank,
    suggestion_sentence,
    suggestion_state,
    unsnooze_suggestion,
    uplift_inputs_version,
)
from playlists.model import Rule, RuleOrigin, TimeWindow
from playlists.store import utc_now
from signage.editor.context import EditorContext, in_words
from signage.editor.rule_form import day_label

log = logging.getLogger(__name__)

SNOOZE_DAYS = 7
HINT_TEXT = tr_noop(
    "editor.suggestions",
    "Learned from purchase history: who buys what more often, and when. Accepted, a suggestion becomes a rule "
    "on the Rules tab. Re-learning never changes rules you wrote or edited.",
)
EMPTY_TEXT = tr_noop("editor.suggestions", "No suggestions yet. Import purchase history and run `signage rules learn`.")
ALL_SNOOZED_TEXT = tr_noop("editor.suggestions", "Every suggestion is snoozed. Tick \u201cShow snoozed\u201d to see them.")


@dataclass(frozen=True)
class Column:
    """A column of the table: a key for code and tests, its title in plain words, what it means."""

    key: str
    title: str  # marked with tr_noop, translated where shown
    explanation: str


COLUMNS = (
    Column("status", tr_noop("editor.suggestions", "Status"),
           tr_noop("editor.suggestions", "Waiting for your decision, snoozed, or accepted (and whether you edited it).")),
    Column("sentence", tr_noop("editor.suggestions", "What the data shows"),
           tr_noop("editor.suggestions", "The finding in a sentence, and why the suggestion plays the playlist it "
                   "plays.")),
    Column("playlist", tr_noop("editor.suggestions", "Plays"),
           tr_noop("editor.suggestions", "The playlist the rule would play: one with ads tagged for what these "
                   "shoppers buy.")),
    Column("support", tr_noop("editor.suggestions", "Share of all baskets"),
           tr_noop("editor.suggestions", "Support: of all the baskets in the purchase history, the share that are "
                   "this audience's at this time and hold the category. Small is normal; it says how much is at "
                   "stake.")),
    Column("confidence", tr_noop("editor.suggestions", "Of their baskets"),
           tr_noop("editor.suggestions", "Confidence: of this audience's baskets at this time, the share that hold "
                   "the category.")),
    Column("lift", tr_noop("editor.suggestions", "Times as often"),
           tr_noop("editor.suggestions", "Lift: how many times as often this audience's baskets at this time hold "
                   "the category as all baskets do. 1 is no difference; 2 is twice as often.")),
    Column("lift_lower_95", tr_noop("editor.suggestions", "At least (95 % sure)"),
           tr_noop("editor.suggestions", "Lift, lower 95 % bound: with as few baskets as there are, the lift is at "
                   "least this, 95 % sure. Above 1 means the difference is no accident of a small sample.")),
    Column("baskets", tr_noop("editor.suggestions", "Baskets"),
           tr_noop("editor.suggestions", "How many baskets of this audience at this time the purchase history "
                   "holds: the more, the surer.")),
    Column("baskets_with_category", tr_noop("editor.suggestions", "With the category"),
           tr_noop("editor.suggestions", "How many of those baskets hold the category.")),
    Column("rule", tr_noop("editor.suggestions", "Rule name"),
           tr_noop("editor.suggestions", "The name the rule gets: who, when and the playlist.")),
)
COLUMN_KEYS = tuple(column.key for column in COLUMNS)
_SENTENCE_COLUMN = COLUMN_KEYS.index("sentence")
_NUMBER_COLUMNS = range(COLUMN_KEYS.index("support"), COLUMN_KEYS.index("baskets_with_category") + 1)
_MONTHS = (
    tr_noop("editor.suggestions", "Jan"), tr_noop("editor.suggestions", "Feb"), tr_noop("editor.suggestions", "Mar"),
    tr_noop("editor.suggestions", "Apr"), tr_noop("editor.suggestions", "May"), tr_noop("editor.suggestions", "Jun"),
    tr_noop("editor.suggestions", "Jul"), tr_noop("editor.suggestions", "Aug"), tr_noop("editor.suggestions", "Sep"),
    tr_noop("editor.suggestions", "Oct"), tr_noop("editor.suggestions", "Nov"), tr_noop("editor.suggestions", "Dec"),
)


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
            state = tr("editor.suggestions", "{state}, snoozed: back on {day}", state=state, day=_day(self.snoozed_until))
        return state[:1].upper() + state[1:]


class SuggestionEditDialog(QDialog):
    """Priority, time windows and playlist of a suggestion, before accepting it."""

    def __init__(self, rule: Rule, playlists: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rule = rule
        self.setWindowTitle(tr("editor.suggestions", "Accept with changes"))
        self.priority = QSpinBox(self)
        self.priority.setRange(-1000, 1000)
        self.priority.setValue(rule.priority)
        self.priority.setToolTip(tr("editor.suggestions", "Higher wins when several rules match at the same time."))
        self.time_windows = QLineEdit(", ".join(w.label() for w in rule.conditions.time_windows), self)
        self.time_windows.setPlaceholderText(tr("editor.suggestions", "any time of day, or e.g. 15:00-18:00, 20:00-22:00"))
        self.time_windows.setToolTip(tr("editor.suggestions", "The hours of the day the rule plays, comma-separated; "
                                        "empty is all day."))
        self.playlist = QComboBox(self)
        self.playlist.addItems(playlists)
        self.playlist.setCurrentText(rule.playlist)
        self.playlist.setToolTip(tr("editor.suggestions", "The playlist the rule plays."))
        self.problem = QLabel("", self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.hide()
        form = QFormLayout()
        form.addRow(tr("editor.suggestions", "Priority"), self.priority)
        form.addRow(tr("editor.suggestions", "Time of day"), self.time_windows)
        form.addRow(tr("editor.suggestions", "Playlist"), self.playlist)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(tr("editor.suggestions", "Accept with these changes"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        sentence = QLabel(suggestion_sentence(rule), self)
        sentence.setWordWrap(True)
        layout.addWidget(sentence)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(
            QLabel(tr("editor.suggestions", "Once you change a suggestion it is yours: re-learning will not change it "
                      "again."), self)
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
            self.problem.setText(tr("editor.suggestions", "Time of day: {problem}.", problem=error))
            self.problem.show()
            return
        super().accept()


class SuggestionsTab(QWidget):
    """Learned rules in plain words, with Accept, Accept edited, Reject and Snooze."""

    TITLE = tr_noop("editor.suggestions", "Suggestions")

    def __init__(
        self,
        context: EditorContext,
        parent: QWidget | None = None,
        *,
        now: Callable[[], dt.datetime] = utc_now,
    ) -> None:
        """`now` gives the current time (aware); snoozes count local days from it."""
        super().__init__(parent)
        self.TITLE = tr("editor.suggestions", "Suggestions")  # in the editor's language
        self.context = context
        self._now = now
        self._choices: dict[str, str] = {}  # rule -> why it plays its playlist, in words
        self._rows: list[SuggestionRow] = []
        self._measured: dict[str, MeasuredUplift] = {}  # rule -> the holdout's measurement
        self._measured_key: tuple | None = None  # what `_measured` was measured from

        self.hint = QLabel(tr("editor.suggestions", HINT_TEXT), self)
        self.hint.setWordWrap(True)
        self.empty_label = QLabel(tr("editor.suggestions", EMPTY_TEXT), self)
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)
        self.table = QTableWidget(0, len(COLUMNS), self)
        for index, column in enumerate(COLUMNS):
            header_item = QTableWidgetItem(tr("editor.suggestions", column.title))
            header_item.setToolTip(tr("editor.suggestions", column.explanation))
            self.table.setHorizontalHeaderItem(index, header_item)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(_SENTENCE_COLUMN, QHeaderView.ResizeMode.Stretch)
        # A learned rule's name is long ("learned_adult_afternoon_weekday_after_school_snacks"): it
        # must not take the sentence's room; the whole name is in its tooltip.
        rule_column = COLUMN_KEYS.index("rule")
        header.setSectionResizeMode(rule_column, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(rule_column, self.fontMetrics().horizontalAdvance("learned_adult_afternoon_"))
        # The sentence wraps: its rows' heights follow the column's width.
        header.sectionResized.connect(lambda *_args: self.table.resizeRowsToContents())
        self.table.itemSelectionChanged.connect(self._update_actions)
        self.table.itemDoubleClicked.connect(lambda _item: self.accept_edited())

        self.accept_button = QPushButton(tr("editor.suggestions", "Accept"), self)
        self.accept_button.setToolTip(tr("editor.suggestions", "Turn the rule on as it is: it moves to the Rules tab. "
                                         "Re-learning keeps it on."))
        self.accept_edited_button = QPushButton(tr("editor.suggestions", "Accept edited\u2026"), self)
        self.accept_edited_button.setToolTip(
            tr("editor.suggestions", "Change priority, time of day or playlist, then turn it on.")
        )
        self.reject_button = QPushButton(tr("editor.suggestions", "Reject\u2026"), self)
        self.reject_button.setToolTip(
            tr("editor.suggestions", "Delete the suggestion. Re-learning will not suggest it again.")
        )
        self.snooze_button = QPushButton(tr("editor.suggestions", "Snooze %n days", n=SNOOZE_DAYS), self)
        self.snooze_button.setToolTip(
            tr("editor.suggestions", "Hide the suggestion for %n days, to decide later.", n=SNOOZE_DAYS)
        )
        self.unsnooze_button = QPushButton(tr("editor.suggestions", "Unsnooze"), self)
        self.unsnooze_button.setToolTip(tr("editor.suggestions", "Show a snoozed suggestion again now."))
        self.show_snoozed = QCheckBox(tr("editor.suggestions", "Show snoozed"), self)
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
        all_rules = store.rules()
        playlists, content = store.playlists(), self.context.library.items_by_name()
        for rule in all_rules:
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
        self._choices = {
            row.rule.name: playlist_choice_words(row.rule, playlists, content, all_rules, self.context.config.learning)
            for row in shown
        }
        self._fill_table()
        if shown:
            self.empty_label.hide()
        else:
            self.empty_label.setText(tr("editor.suggestions", ALL_SNOOZED_TEXT if hidden else EMPTY_TEXT))
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
        """What the table shows for rule `name` in `column` (a key of COLUMNS: 'lift', 'sentence')."""
        index = self.shown_names().index(name)
        return self.table.item(index, COLUMN_KEYS.index(column)).text()

    def cell_tooltip(self, name: str, column: str) -> str:
        """The tooltip of that cell."""
        index = self.shown_names().index(name)
        return self.table.item(index, COLUMN_KEYS.index(column)).toolTip()

    def playlist_choice(self, name: str) -> str:
        """Why the listed suggestion `name` plays its playlist, in words."""
        return self._choices.get(name, "")

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
            self._failed(error, tr("editor.suggestions", "accept the suggestion"))
            return
        unsnooze_suggestion(self.context.db, name)
        log.info("suggestion %s accepted by %s", name, self.context.author)
        self._done(tr("editor.suggestions", "Accepted: {name} is on, plays when it matches, and is listed on the "
                      "Rules tab.", name=name), "rules")

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
            self._failed(error, tr("editor.suggestions", "accept the edited suggestion"))
            return
        unsnooze_suggestion(self.context.db, rule.name)
        log.info("suggestion %s accepted with changes by %s", rule.name, self.context.author)
        self._done(
            tr("editor.suggestions", "Accepted with your changes: {name} is on, and re-learning will leave it as you "
               "set it.", name=rule.name),
            "rules",
        )

    def reject(self) -> None:
        """Delete the selected suggestion, after asking; it is never suggested again."""
        row = self._selected_row()
        if row is None or row.rule.origin is not RuleOrigin.LEARNED:
            return
        name = row.rule.name
        question = tr(
            "editor.suggestions",
            "Reject this suggestion?\n\n{sentence}\n\nIt is deleted, and re-learning will not suggest it again.",
            sentence=suggestion_sentence(row.rule),
        )
        if not self._confirm(question):
            return
        try:
            reject_suggestion(
                self.context.db, self.context.store, name, self.context.author, self._now(),
                expected_version=row.version,
            )
        except SignageError as error:
            self._failed(error, tr("editor.suggestions", "reject the suggestion"))
            return
        unsnooze_suggestion(self.context.db, name)
        log.info("suggestion %s rejected by %s", name, self.context.author)
        self._done(tr("editor.suggestions", "Rejected: {name} is deleted and will not be suggested again.", name=name),
                   "rules")

    def snooze(self) -> None:
        """Hide the selected suggestion for SNOOZE_DAYS days."""
        row = self._selected_row()
        if row is None or not row.pending:
            return
        first_day_back = self._today() + dt.timedelta(days=SNOOZE_DAYS)
        snooze_suggestion(self.context.db, row.rule.name, first_day_back)
        log.info("suggestion %s snoozed until %s by %s", row.rule.name, first_day_back, self.context.author)
        self._done(
            tr("editor.suggestions", "Snoozed for %n days: {name} is back on {day}.", n=SNOOZE_DAYS,
               name=row.rule.name, day=_day(first_day_back)),
            "suggestions",
        )

    def unsnooze(self) -> None:
        """Show the selected snoozed suggestion again now."""
        row = self._selected_row()
        if row is None or row.snoozed_until is None:
            return
        unsnooze_suggestion(self.context.db, row.rule.name)
        self._done(tr("editor.suggestions", "{name} is no longer snoozed.", name=row.rule.name), "suggestions")

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
                sentence = tr("editor.suggestions", "{sentence}; {measured}", sentence=sentence,
                              measured=self._measured[rule.name].words())
            choice = self._choices.get(rule.name, "")
            cells = (
                row.status(),
                tr("editor.suggestions", "{sentence}.\n{playlist_choice}", sentence=sentence, playlist_choice=choice)
                if choice else sentence,
                rule.playlist,
                # Shares as percentages, as their titles say ("Share of all baskets").
                f"{metrics.get('support', 0):.2%}",
                f"{metrics.get('confidence', 0):.1%}",
                f"{metrics.get('lift', 0):.2f}",
                f"{metrics.get('lift_lower_95', 0):.2f}",
                f"{metrics.get('baskets', 0):,.0f}",
                f"{metrics.get('baskets_with_category', 0):,.0f}",
                rule.name,
            )
            summary = tr(
                "editor.suggestions", "{sentence}\n{numbers}\nRule {name}, priority {priority}", sentence=sentence,
                numbers=suggestion_numbers(rule), name=rule.name, priority=rule.priority,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in _NUMBER_COLUMNS:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    # What the number means, then the whole suggestion.
                    item.setToolTip(tr("editor.suggestions", COLUMNS[column].explanation) + "\n\n" + summary)
                elif COLUMN_KEYS[column] == "playlist" and choice:
                    item.setToolTip(choice)
                else:
                    item.setToolTip(summary)
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
    """'Tue 1 Dec 2026' in the editor's language (Korean: '2026년 12월 1일 (화)')."""
    return tr(
        "editor.suggestions", "{weekday} {day} {month} {year}", weekday=day_label(day.weekday()), day=day.day,
        month=tr("editor.suggestions", _MONTHS[day.month - 1]), year=day.year,
    )
