"""The Rules tab: every rule in a table, a form to write one, undo, and the version history.

What a marketer does here, and the keys for it (the table must have the focus for the
ones marked *table*):

    New rule          Ctrl+N          Duplicate         Ctrl+D (the form, named <name>_copy)
    Edit              Enter*, double-click               Enable / disable  Space*, the checkbox
    Delete            Del*            Undo              Ctrl+Z (delete, edit, enable, ...)
    History           Ctrl+H (versions, and Restore)

Every change names the version it was based on (`expected_version`): when someone else
(another editor, the CLI, an import) changed the rule in between, the store refuses with
a ConflictError, the marketer is told in words and offered Reload; nothing is overwritten
silently. Undo is this tab's own: each step restores the version from before the change
(or deletes a rule this tab created), again guarded by the version the change produced.

Learned suggestions nobody accepted yet (`learning.waiting_for_decision`) are not listed:
they wait on the Suggestions tab, and a line says how many. Every column's header has a
tooltip saying what it means; every text goes through `tr` (context `editor.rules`).

Message boxes go through `_ask` and `_tell`, so tests replace them instead of clicking.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from foundation.db import read_transaction
from foundation.errors import ConflictError, NotFoundError, SignageError
from foundation.i18n import tr, tr_noop
from playlists.codec import describe_change, describe_document, rule_from_dict
from playlists.learning import waiting_for_decision
from playlists.model import Rule, RuleOrigin
from playlists.store import ChangeAction, EntryKind, HistoryEntry
from signage.editor.context import EditorContext, in_words
from signage.editor.rule_form import (
    RuleForm,
    describe_audience,
    describe_rule,
    describe_schedule,
    origin_words,
)

log = logging.getLogger(__name__)

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
UNDO_LIMIT = 50
DISABLED_COLOR = QColor("#777777")  # a disabled rule's row, still readable
# The answers of `_ask` are compared with these: translated where the box is built.
RELOAD = tr_noop("editor.rules", "Reload")
CANCEL = tr_noop("editor.rules", "Cancel")
DISCARD = tr_noop("editor.rules", "Discard")
KEEP_EDITING = tr_noop("editor.rules", "Keep editing")


# --------------------------------------------------------------------------------------
# The table


@dataclass(frozen=True)
class RuleRow:
    """One rule as the table shows it, with the stored version the row was read at."""

    rule: Rule
    version: int
    audience: str
    schedule: str
    origin: str

    @classmethod
    def of(cls, rule: Rule, version: int) -> RuleRow:
        """The row of a stored rule."""
        return cls(
            rule, version, describe_audience(rule.conditions), describe_schedule(rule.conditions),
            origin_words(rule.origin),
        )

    def texts(self) -> tuple[str, ...]:
        """The text of every column, for the filter."""
        return tuple(_cell_text(self, column) for column in range(len(RuleTableModel.COLUMNS)))


class RuleTableModel(QAbstractTableModel):
    """The rules, one row each. Ticking Enabled asks the tab (`toggle_requested`) to change it."""

    COLUMNS = (
        tr_noop("editor.rules", "Name"),
        tr_noop("editor.rules", "Who it is for"),
        tr_noop("editor.rules", "Plays"),
        tr_noop("editor.rules", "Priority"),
        tr_noop("editor.rules", "When"),
        tr_noop("editor.rules", "On"),
        tr_noop("editor.rules", "Made by"),
    )
    # What each column means, as the header's tooltip.
    EXPLANATIONS = (
        tr_noop("editor.rules", "The rule's name. Hover a name for its note."),
        tr_noop("editor.rules", "The people in front of the screen the rule is for, as the camera estimates them."),
        tr_noop("editor.rules", "The playlist the screen plays while this rule wins."),
        tr_noop("editor.rules", "When several rules fit the same people at the same time, the highest priority "
                "plays; equal priorities share the screen."),
        tr_noop("editor.rules", "The days, hours and dates the rule plays at."),
        tr_noop("editor.rules", "Ticked, the player uses the rule; unticked, it is kept but ignored."),
        tr_noop("editor.rules", "Who made the rule: a marketer, or learning from purchases (a suggestion you "
                "accepted, perhaps edited)."),
    )
    NAME, AUDIENCE, PLAYLIST, PRIORITY, SCHEDULE, ENABLED, ORIGIN = range(7)

    toggle_requested = Signal(str, bool)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[RuleRow] = []

    def set_rows(self, rows: Sequence[RuleRow]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rule_row(self, row: int) -> RuleRow:
        """The row at source position `row`."""
        return self._rows[row]

    def row_of(self, name: str) -> int | None:
        """The source position of the rule called `name`."""
        for index, row in enumerate(self._rows):
            if row.rule.name == name:
                return index
        return None

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """Rules (a table has no children)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """The columns of COLUMNS."""
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        """Column titles, and what they mean as tooltips."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr("editor.rules", self.COLUMNS[section])
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return tr("editor.rules", self.EXPLANATIONS[section])
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        """Text, sort keys, the Enabled tick, and the note as a tooltip."""
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return _cell_text(row, column)
        if role == SORT_ROLE:
            if column == self.PRIORITY:
                return row.rule.priority
            if column == self.ENABLED:
                return int(row.rule.enabled)
            return _cell_text(row, column).casefold()
        if role == Qt.ItemDataRole.CheckStateRole and column == self.ENABLED:
            return Qt.CheckState.Checked if row.rule.enabled else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.NAME and row.rule.note:
                return row.rule.note
            return _cell_text(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.PRIORITY:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and not row.rule.enabled:
            return DISABLED_COLOR
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        """Selectable rows; the Enabled cell is a checkbox."""
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.ENABLED:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: QModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """A click on the Enabled tick: the tab changes the store, then the table reloads."""
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != self.ENABLED:
            return False
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value)
        self.toggle_requested.emit(self._rows[index.row()].rule.name, checked)
        return False  # the row changes when the store did, on reload


def _cell_text(row: RuleRow, column: int) -> str:
    rule = row.rule
    return (
        rule.name,
        row.audience,
        rule.playlist,
        str(rule.priority),
        row.schedule,
        tr("editor.rules", "on") if rule.enabled else tr("editor.rules", "off"),
        row.origin,
    )[column]


class RuleFilter(QSortFilterProxyModel):
    """Rows whose columns hold every word of the filter text, and that are enabled/disabled as asked."""

    STATES = (
        tr_noop("editor.rules", "All rules"),
        tr_noop("editor.rules", "Enabled only"),
        tr_noop("editor.rules", "Disabled only"),
    )

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._words: tuple[str, ...] = ()
        self._state = 0
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def set_text(self, text: str) -> None:
        """Filter by text (case-insensitive; every word must appear in some column)."""
        self._change_filter(lambda: setattr(self, "_words", tuple(text.casefold().split())))

    def set_state(self, state: int) -> None:
        """0 all, 1 enabled only, 2 disabled only (the order of STATES)."""
        self._change_filter(lambda: setattr(self, "_state", state))

    def _change_filter(self, change) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+: invalidateRowsFilter is deprecated there
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            change()
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:
        """Whether the rule at `source_row` passes both filters."""
        row = self.sourceModel().rule_row(source_row)
        if self._state == 1 and not row.rule.enabled or self._state == 2 and row.rule.enabled:
            return False
        if not self._words:
            return True
        texts = [text.casefold() for text in row.texts()]
        return all(any(word in text for text in texts) for word in self._words)


# --------------------------------------------------------------------------------------
# Undo


@dataclass(frozen=True)
class UndoStep:
    """How to take back one change of a rule: restore `version_before`, or delete the rule.

    `version_after` is the version the change produced: undo refuses (ConflictError) when
    someone changed the rule since. A change that created the rule is undone by deleting
    it (`version_before` is then its deletion before, or None when it is brand new).
    """

    description: str  # "deleting lunchtime", in the editor's language
    name: str
    version_before: int | None
    version_after: int
    undo_by_deleting: bool = False


# --------------------------------------------------------------------------------------
# History


ACTION_WORDS = {
    ChangeAction.CREATE: tr_noop("editor.rules", "created"),
    ChangeAction.EDIT: tr_noop("editor.rules", "edited"),
    ChangeAction.ENABLE: tr_noop("editor.rules", "enabled"),
    ChangeAction.DISABLE: tr_noop("editor.rules", "disabled"),
    ChangeAction.DELETE: tr_noop("editor.rules", "deleted"),
    ChangeAction.RESTORE: tr_noop("editor.rules", "restored"),
    ChangeAction.IMPORT: tr_noop("editor.rules", "imported"),
}


class RuleHistoryDialog(QDialog):
    """Every version of one rule, newest first; Restore brings the chosen one back."""

    restore_requested = Signal(int)  # version

    HEADERS = (
        tr_noop("editor.rules", "Version"),
        tr_noop("editor.rules", "When"),
        tr_noop("editor.rules", "Who"),
        tr_noop("editor.rules", "What"),
        tr_noop("editor.rules", "The rule at that version"),
    )
    HEADER_EXPLANATIONS = (
        tr_noop("editor.rules", "Every saved change makes a new version; the highest is the rule as it is now."),
        tr_noop("editor.rules", "When the change was saved, in this computer's time."),
        tr_noop("editor.rules", "Who saved it: the editor's author, or the --author of a command."),
        tr_noop("editor.rules", "What the change did."),
        tr_noop("editor.rules", "The whole rule as it was after the change."),
    )

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.entries: tuple[HistoryEntry, ...] = ()
        self.setWindowTitle(tr("editor.rules", "History of rule {name}", name=name))
        self.resize(1000, 420)
        self.table = QTableWidget(0, len(self.HEADERS))
        self.table.setHorizontalHeaderLabels([tr("editor.rules", header) for header in self.HEADERS])
        for column, explanation in enumerate(self.HEADER_EXPLANATIONS):
            self.table.horizontalHeaderItem(column).setToolTip(tr("editor.rules", explanation))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self._restore())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = buttons.addButton(
            tr("editor.rules", "Restore this version"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.restore_button.clicked.connect(self._restore)
        buttons.rejected.connect(self.reject)
        self.hint = QLabel(tr("editor.rules", "Restoring makes a new version: nothing in the history is lost."))
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.hint)
        layout.addWidget(buttons)

    def set_entries(self, entries: Sequence[HistoryEntry]) -> None:
        """Show `entries` (oldest first, as the store gives them), newest at the top."""
        self.entries = tuple(entries)
        newest = list(reversed(self.entries))
        self.table.setRowCount(len(newest))
        previous = {entry.version: before for before, entry in zip((None, *self.entries), self.entries, strict=False)}
        for row, entry in enumerate(newest):
            before = previous[entry.version]
            what = tr("editor.rules", ACTION_WORDS[entry.action]) if entry.action in ACTION_WORDS else entry.action.value
            if entry.detail:
                what = tr("editor.rules", "{what} ({detail})", what=what, detail=entry.detail)
            if entry.action == ChangeAction.EDIT and before is not None:
                what = tr("editor.rules", "{what}: {change}", what=what,
                          change=describe_change("rule", before.document, entry.document))
            cells = (
                str(entry.version),
                _local_time(entry.changed_at),
                entry.author,
                what,
                _describe_version(entry.document),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                item.setData(Qt.ItemDataRole.UserRole, entry.version)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        for column in (3, 4):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 360))
        if newest:
            self.table.selectRow(0)
        self._update_buttons()

    def selected_version(self) -> int | None:
        """The version of the chosen row."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole)

    def select_version(self, version: int) -> None:
        """Choose the row of `version`."""
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).data(Qt.ItemDataRole.UserRole) == version:
                self.table.selectRow(row)
                return

    def _update_buttons(self) -> None:
        version = self.selected_version()
        entry = next((e for e in self.entries if e.version == version), None)
        current = self.entries[-1].version if self.entries else None
        usable = entry is not None and not entry.deleted and version != current
        self.restore_button.setEnabled(usable)
        if entry is not None and entry.deleted:
            self.restore_button.setToolTip(tr("editor.rules", "This version is the deletion: choose an earlier one."))
        elif version == current:
            self.restore_button.setToolTip(tr("editor.rules", "This is the rule as it is now."))
        else:
            self.restore_button.setToolTip("")

    def _restore(self) -> None:
        version = self.selected_version()
        if version is not None and self.restore_button.isEnabled():
            self.restore_requested.emit(version)


def _describe_version(document: dict | None) -> str:
    """A stored version in the words of the table; the codec's summary if it no longer decodes."""
    if document is None:
        return tr("editor.rules", "deleted")
    try:
        rule = rule_from_dict(document)
    except SignageError:
        return describe_document("rule", document)
    return describe_rule(rule) if rule.enabled else tr("editor.rules", "{rule} Disabled.", rule=describe_rule(rule))


def _local_time(changed_at: str) -> str:
    """'2026-05-09T12:03:00+00:00' -> '2026-05-09 14:03' in this computer's time zone."""
    try:
        return dt.datetime.fromisoformat(changed_at).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return changed_at


# --------------------------------------------------------------------------------------
# The tab


class RulesTab(QWidget):
    """All rules: filter, sort, create, edit, duplicate, enable, delete, undo, history."""

    TITLE = tr_noop("editor.rules", "Rules")

    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.TITLE = tr("editor.rules", "Rules")  # in the editor's language, chosen before the tab is made
        self.context = context
        self.form: RuleForm | None = None
        self._all_names: list[str] = []  # every stored rule's, the waiting suggestions' too
        self.waiting_suggestions = 0
        self.history_dialog: RuleHistoryDialog | None = None
        self.undo_steps: list[UndoStep] = []
        self._playlists: list[str] = []
        self._build()
        self.refresh()
        self.table.sortByColumn(RuleTableModel.PRIORITY, Qt.SortOrder.DescendingOrder)

    # ----------------------------------------------------------------------------------
    # Building

    def _build(self) -> None:
        self.model = RuleTableModel(self)
        # Queued: the store change reloads the model, which must not happen inside the
        # view's click handling that called setData.
        self.model.toggle_requested.connect(self.set_enabled, Qt.ConnectionType.QueuedConnection)
        self.proxy = RuleFilter(self)
        self.proxy.setSourceModel(self.model)

        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(tr("editor.rules", "Filter rules…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setToolTip(
            tr("editor.rules", "Shows the rules whose name, audience, playlist, times or maker contain every word")
        )
        self.filter_edit.textChanged.connect(self._on_filter_text)
        self.state_combo = QComboBox()
        self.state_combo.addItems([tr("editor.rules", state) for state in RuleFilter.STATES])
        self.state_combo.setToolTip(tr("editor.rules", "Show every rule, or only those the player uses, or only those it ignores"))
        self.state_combo.currentIndexChanged.connect(self._on_filter_state)
        self.count_label = QLabel()
        # Learned suggestions nobody decided on are not the store's rules yet: they wait on
        # their own tab, and this line says how many.
        self.suggestions_label = QLabel()
        self.suggestions_label.setStyleSheet("color: #555555;")
        self.suggestions_label.hide()

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move in it
        self.table.setWordWrap(False)
        self.table.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.table.verticalHeader().hide()
        self.table.doubleClicked.connect(self._on_double_click)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        metrics = self.fontMetrics()
        widths = {
            RuleTableModel.NAME: "students_after_school__",
            RuleTableModel.PLAYLIST: "after_school_snacks__",
            RuleTableModel.PRIORITY: tr("editor.rules", "Priority") + "____",
            RuleTableModel.SCHEDULE: "Mon-Fri 15:00-18:30, 19:00-21:00",
            RuleTableModel.ENABLED: tr("editor.rules", "On") + "__________",
            RuleTableModel.ORIGIN: origin_words(RuleOrigin.LEARNED) + "__",
        }
        for column, sample in widths.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(column, metrics.horizontalAdvance(sample))
        header.setSectionResizeMode(RuleTableModel.AUDIENCE, QHeaderView.ResizeMode.Stretch)

        self.message_label = QLabel()
        self.message_label.setWordWrap(True)

        # Ctrl shortcuts work anywhere in the tab; the bare keys only in the table, so
        # typing a space in the filter box or a combo never disables a rule.
        tab_scope = Qt.ShortcutContext.WidgetWithChildrenShortcut
        table_scope = Qt.ShortcutContext.WidgetShortcut
        self.new_action = self._action(tr("editor.rules", "New rule"), "Ctrl+N", self.new_rule, tab_scope, self)
        self.edit_action = self._action(
            tr("editor.rules", "Edit"), ("Return", "Enter"), self.edit_selected, table_scope, self.table
        )
        self.duplicate_action = self._action(
            tr("editor.rules", "Duplicate"), "Ctrl+D", self.duplicate_selected, tab_scope, self
        )
        self.toggle_action = self._action(
            tr("editor.rules", "Disable"), "Space", self.toggle_selected, table_scope, self.table
        )
        self.delete_action = self._action(
            tr("editor.rules", "Delete"), "Delete", self.delete_selected, table_scope, self.table
        )
        self.undo_action = self._action(tr("editor.rules", "Undo"), "Ctrl+Z", self.undo, tab_scope, self)
        self.history_action = self._action(
            tr("editor.rules", "History"), "Ctrl+H", self.show_history, tab_scope, self
        )

        filters = QHBoxLayout()
        filters.addWidget(self.filter_edit, 3)
        filters.addWidget(self.state_combo, 1)
        filters.addWidget(self.count_label, 1)
        filters.addWidget(self.suggestions_label, 2)
        buttons = QHBoxLayout()
        for action in (
            self.new_action, self.edit_action, self.duplicate_action, self.toggle_action,
            self.delete_action, self.undo_action, self.history_action,
        ):
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setMinimumWidth(metrics.horizontalAdvance(tr("editor.rules", "Duplicate")) + 24)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addLayout(filters)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message_label)
        QWidget.setTabOrder(self.filter_edit, self.state_combo)
        QWidget.setTabOrder(self.state_combo, self.table)

    def _action(self, text: str, keys, slot, scope: Qt.ShortcutContext, owner: QWidget) -> QAction:
        action = QAction(text, self)
        sequences = [QKeySequence(key) for key in ((keys,) if isinstance(keys, str) else keys)]
        action.setShortcuts(sequences)
        action.setShortcutContext(scope)
        action.setToolTip(tr("editor.rules", "{action} ({keys})", action=text,
                             keys=sequences[0].toString(QKeySequence.SequenceFormat.NativeText)))
        action.triggered.connect(lambda _checked=False: slot())
        owner.addAction(action)
        return action

    # ----------------------------------------------------------------------------------
    # The tab contract

    def refresh(self) -> None:
        """Reload from the store, keeping the chosen rule chosen."""
        selected = self.selected_name()
        # Rules and versions from one snapshot: a version newer than the rule it is shown
        # with would let an edit based on the older rule pass the conflict check.
        with read_transaction(self.context.db):
            rules = self.context.store.rules()
            rows = [
                RuleRow.of(rule, self.context.store.version_of(EntryKind.RULE, rule.name) or 0)
                for rule in rules if not waiting_for_decision(rule)
            ]
            playlists = [playlist.name for playlist in self.context.store.playlists()]
        self.model.set_rows(rows)
        self._playlists = playlists
        self._all_names = [rule.name for rule in rules]
        self.waiting_suggestions = len(rules) - len(rows)
        self.suggestions_label.setText(
            tr("editor.rules", "%n suggestions wait on the Suggestions tab", n=self.waiting_suggestions)
        )
        self.suggestions_label.setToolTip(tr(
            "editor.rules", "Rules learned from purchases that nobody accepted yet are listed on the Suggestions tab "
            "only; once accepted, they are rules like yours and show here."
        ))
        self.suggestions_label.setVisible(self.waiting_suggestions > 0)
        if selected is not None:
            self.select_rule(selected)
        self._update_count()
        self._update_actions()
        self._refresh_form()

    def has_unsaved_changes(self) -> bool:
        """True while the form is open with edits."""
        return self.form is not None and self.form.is_dirty()

    # ----------------------------------------------------------------------------------
    # Selection

    def selected_row(self) -> RuleRow | None:
        """The chosen rule's row."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.rule_row(self.proxy.mapToSource(rows[0]).row())

    def selected_name(self) -> str | None:
        """The chosen rule's name."""
        row = self.selected_row()
        return None if row is None else row.rule.name

    def select_rule(self, name: str) -> bool:
        """Choose the rule called `name` when it is in the table and shown by the filter."""
        source_row = self.model.row_of(name)
        if source_row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        if not index.isValid():
            return False
        self.table.selectRow(index.row())
        self.table.scrollTo(index)
        return True

    def _update_actions(self, *_args) -> None:
        row = self.selected_row()
        for action in (self.edit_action, self.duplicate_action, self.toggle_action, self.delete_action, self.history_action):
            action.setEnabled(row is not None)
        self.toggle_action.setText(
            tr("editor.rules", "Disable") if row is None or row.rule.enabled else tr("editor.rules", "Enable")
        )
        self.undo_action.setEnabled(bool(self.undo_steps))
        self.undo_action.setToolTip(
            tr("editor.rules", "Undo: {step} (Ctrl+Z)", step=self.undo_steps[-1].description) if self.undo_steps
            else tr("editor.rules", "Nothing to undo (Ctrl+Z)")
        )

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count_label.setText(
            tr("editor.rules", "%n rules", n=total) if shown == total
            else tr("editor.rules", "{shown} of %n rules", n=total, shown=shown)
        )

    def _on_filter_text(self, text: str) -> None:
        self.proxy.set_text(text)
        self._update_count()
        self._update_actions()

    def _on_filter_state(self, state: int) -> None:
        self.proxy.set_state(state)
        self._update_count()
        self._update_actions()

    def _on_double_click(self, index: QModelIndex) -> None:
        if index.column() != RuleTableModel.ENABLED:  # a double click on the tick is two toggles, not an edit
            self.edit_selected()

    # ----------------------------------------------------------------------------------
    # The form

    def new_rule(self) -> RuleForm | None:
        """Open the form for a new rule."""
        return self._open_form(None, None, editing=False)

    def edit_selected(self) -> RuleForm | None:
        """Open the form on the chosen rule."""
        name = self.selected_name()
        return None if name is None else self.edit_rule(name)

    def edit_rule(self, name: str) -> RuleForm | None:
        """Open the form on the stored rule `name`, remembering its version."""
        try:
            stored = self.context.store.rule_with_version(name)
        except SignageError as error:
            self._tell(tr("editor.rules", "Cannot edit the rule"),
                       in_words(error, tr("editor.rules", "open rule {name}", name=name)))
            self.refresh()
            return None
        return self._open_form(stored.value, stored.version, editing=True)

    def duplicate_selected(self) -> RuleForm | None:
        """Open the form for a new rule like the chosen one, named <name>_copy."""
        row = self.selected_row()
        if row is None:
            return None
        taken = set(self._all_names)
        name, number = f"{row.rule.name}_copy", 1
        while name in taken:
            number += 1
            name = f"{row.rule.name}_copy{number}"
        # A copy is the marketer's own rule, whatever the original's origin.
        copy = replace(row.rule, name=name, origin=RuleOrigin.MANUAL, learned_metrics={})
        return self._open_form(copy, None, editing=False)

    def _open_form(self, rule: Rule | None, version: int | None, editing: bool) -> RuleForm | None:
        if self.form is not None:
            self.form.raise_()
            self.form.activateWindow()
            self._say(tr("editor.rules", "Finish or cancel the rule you are editing first."))
            return None
        form = RuleForm(
            self._playlists,
            self._all_names,
            confirm_discard=self._confirm_discard,
            parent=self,
        )
        # Before load: a new rule's default priority comes from the others.
        form.set_other_rules(row.rule for row in self._rows())
        form.set_rulebook(self.context.rulebook())  # what each playlist can play: the never-wins hint
        form.load(rule, version, editing)
        form.save_requested.connect(self._save_form)
        form.finished.connect(self._on_form_finished)
        self.form = form
        form.open()  # window-modal, returns at once
        (form.priority_spin if editing else form.name_edit).setFocus()
        return form

    def _confirm_discard(self) -> bool:
        return self._ask(
            tr("editor.rules", "Discard changes?"),
            tr("editor.rules", "This rule has changes that are not saved. Throw them away?"),
            (tr("editor.rules", DISCARD), tr("editor.rules", KEEP_EDITING)),
        ) == tr("editor.rules", DISCARD)

    def _on_form_finished(self, _result: int) -> None:
        form, self.form = self.form, None
        if form is not None:
            form.deleteLater()
        self.table.setFocus()

    def _refresh_form(self) -> None:
        """Bring an open form up to date with the store, unless the marketer is changing it."""
        form = self.form
        if form is None:
            return
        form.set_taken_names(self._all_names)
        form.set_other_rules(row.rule for row in self._rows())
        form.set_rulebook(self.context.rulebook())
        if form.is_dirty():
            return
        form.set_playlists(self._playlists)
        if form.editing:
            row = next((r for r in self._rows() if r.rule.name == form.assembled_rule().name), None)
            if row is not None and row.version != form.version:
                form.load(row.rule, row.version, editing=True)

    def _save_form(self) -> None:
        form = self.form
        if form is None:
            return
        rule = form.rule()
        if rule is None:
            return
        store, author = self.context.store, self.context.author
        doing = tr("editor.rules", "save rule {name}", name=rule.name)
        try:
            if form.editing:
                version = store.save_rule(rule, author, ChangeAction.EDIT, expected_version=form.version)
            else:
                version = store.save_rule(rule, author, ChangeAction.CREATE)
        except ConflictError as error:
            self._conflict_in_form(form, rule.name, error, doing)
            return
        except NotFoundError as error:
            self._missing_in_form(form, rule.name, error, doing)
            return
        except SignageError as error:
            self._tell(tr("editor.rules", "Could not save"), in_words(error, doing))
            return
        if form.editing:
            if version == form.version:
                self._say(tr("editor.rules", "Nothing changed in {name}.", name=rule.name))
            else:
                step = tr("editor.rules", "editing {name}", name=rule.name)
                self._push_undo(UndoStep(step, rule.name, form.version, version))
                self._say(tr("editor.rules", "Saved {name} (version {version}). Ctrl+Z undoes it.", name=rule.name,
                             version=version))
        else:
            before = version - 1 if version > 1 else None  # versions go on after a deletion
            step = tr("editor.rules", "creating {name}", name=rule.name)
            self._push_undo(UndoStep(step, rule.name, before, version, undo_by_deleting=True))
            self._say(tr("editor.rules", "Created {name}. Ctrl+Z undoes it.", name=rule.name))
        form.accept()
        self._changed(rule.name)

    def _conflict_in_form(self, form: RuleForm, name: str, error: ConflictError, doing: str) -> None:
        """Someone else saved first: say so, and on Reload show what is stored now."""
        if not self._ask_reload(in_words(error, doing)):
            return  # the form keeps the marketer's edits; saving again will be refused again
        self.refresh()
        try:
            stored = self.context.store.rule_with_version(name)
        except NotFoundError:
            form.mark_as_new()
            self._say(tr("editor.rules", "{name} was deleted by someone else; Save creates it again with what is in "
                         "the form.", name=name))
            return
        form.load(stored.value, stored.version, editing=True)
        self._say(tr("editor.rules", "Showing {name} as saved by someone else (version {version}). Make your change "
                     "again.", name=name, version=stored.version))

    def _missing_in_form(self, form: RuleForm, name: str, error: NotFoundError, doing: str) -> None:
        """The rule (or its playlist) was deleted meanwhile."""
        self._tell(tr("editor.rules", "Could not save"), in_words(error, doing))
        self.refresh()
        if form.editing and self.model.row_of(name) is None:
            form.mark_as_new()

    # ----------------------------------------------------------------------------------
    # Changes from the table

    def toggle_selected(self) -> None:
        """Enable the chosen rule when it is disabled, else disable it."""
        row = self.selected_row()
        if row is not None:
            self.set_enabled(row.rule.name, not row.rule.enabled)

    def set_enabled(self, name: str, enabled: bool) -> None:
        """Enable or disable the rule `name`, based on the version the table shows."""
        source_row = self.model.row_of(name)
        if source_row is None:
            return
        row = self.model.rule_row(source_row)
        if row.rule.enabled == enabled:
            return
        if enabled:
            doing, step = tr("editor.rules", "enable rule {name}", name=name), tr("editor.rules", "enabling {name}", name=name)
        else:
            doing, step = tr("editor.rules", "disable rule {name}", name=name), tr("editor.rules", "disabling {name}", name=name)
        try:
            version = self.context.store.set_rule_enabled(name, enabled, self.context.author, expected_version=row.version)
        except SignageError as error:
            self._failed(error, doing, name)
            return
        self._push_undo(UndoStep(step, name, row.version, version))
        if enabled:
            self._say(tr("editor.rules", "Enabled {name}. Ctrl+Z undoes it.", name=name))
        elif row.rule.origin is not RuleOrigin.MANUAL:
            # A learned rule switched off is a suggestion again (learning treats it so too).
            self._say(tr("editor.rules", "Disabled {name}: a learned rule that is off is a suggestion again, and "
                         "waits on the Suggestions tab. Ctrl+Z undoes it.", name=name))
        else:
            self._say(tr("editor.rules", "Disabled {name}. Ctrl+Z undoes it.", name=name))
        self._changed(name)

    def delete_selected(self) -> None:
        """Delete the chosen rule (Ctrl+Z brings it back)."""
        row = self.selected_row()
        if row is None:
            return
        name = row.rule.name
        try:
            version = self.context.store.delete_rule(name, self.context.author, expected_version=row.version)
        except SignageError as error:
            self._failed(error, tr("editor.rules", "delete rule {name}", name=name), name)
            return
        self._push_undo(UndoStep(tr("editor.rules", "deleting {name}", name=name), name, row.version, version))
        self._say(tr("editor.rules", "Deleted {name}. Ctrl+Z brings it back.", name=name))
        self._changed(None)

    def undo(self) -> None:
        """Take back this tab's last change, unless someone changed the rule since."""
        if not self.undo_steps:
            self._say(tr("editor.rules", "Nothing to undo."))
            return
        step = self.undo_steps.pop()
        store, author = self.context.store, self.context.author
        try:
            if step.undo_by_deleting:
                version = store.delete_rule(step.name, author, expected_version=step.version_after)
            else:
                version = store.restore(
                    EntryKind.RULE, step.name, step.version_before, author, expected_version=step.version_after
                )
        except SignageError as error:
            # The step is dropped: after someone else's change it cannot mean the same thing.
            self._failed(error, tr("editor.rules", "undo {step}", step=step.description), step.name)
            return
        self._rebase_undo(step, version)
        self._say(tr("editor.rules", "Undone: {step}.", step=step.description))
        self._changed(None if step.undo_by_deleting else step.name)

    # ----------------------------------------------------------------------------------
    # History

    def show_history(self) -> RuleHistoryDialog | None:
        """Open the versions of the chosen rule."""
        name = self.selected_name()
        if name is None:
            return None
        if self.history_dialog is not None:
            self.history_dialog.close()
        dialog = RuleHistoryDialog(name, self)
        try:
            dialog.set_entries(self.context.store.history(EntryKind.RULE, name))
        except SignageError as error:
            dialog.deleteLater()
            self._tell(tr("editor.rules", "Cannot show the history"),
                       in_words(error, tr("editor.rules", "show the history of {name}", name=name)))
            return None
        dialog.restore_requested.connect(lambda version: self.restore_version(name, version))
        dialog.finished.connect(lambda _result: self._on_history_finished(dialog))
        self.history_dialog = dialog
        dialog.open()
        dialog.table.setFocus()
        return dialog

    def restore_version(self, name: str, version: int) -> None:
        """Make `version` of rule `name` current again (a new version)."""
        dialog = self.history_dialog
        entries = dialog.entries if dialog is not None and dialog.name == name else self.context.store.history("rule", name)
        latest = entries[-1]
        try:
            new_version = self.context.store.restore(
                EntryKind.RULE, name, version, self.context.author, expected_version=latest.version
            )
        except SignageError as error:
            self._failed(error, tr("editor.rules", "restore version {version} of {name}", version=version, name=name),
                         name)
            self._reload_history(name)
            return
        if new_version == latest.version:
            self._say(tr("editor.rules", "{name} is already as it was in version {version}.", name=name,
                         version=version))
            return
        step = tr("editor.rules", "restoring {name} to version {version}", name=name, version=version)
        self._push_undo(UndoStep(step, name, latest.version, new_version, latest.deleted))
        self._say(tr("editor.rules", "Restored {name} to how it was in version {version} (now version {new_version}).",
                     name=name, version=version, new_version=new_version))
        self._changed(name)
        self._reload_history(name)

    def _reload_history(self, name: str) -> None:
        dialog = self.history_dialog
        if dialog is None or dialog.name != name:
            return
        try:
            dialog.set_entries(self.context.store.history(EntryKind.RULE, name))
        except SignageError:
            dialog.close()

    def _on_history_finished(self, dialog: RuleHistoryDialog) -> None:
        if self.history_dialog is dialog:
            self.history_dialog = None
        dialog.deleteLater()

    # ----------------------------------------------------------------------------------
    # Shared steps

    def _rows(self) -> list[RuleRow]:
        return [self.model.rule_row(index) for index in range(self.model.rowCount())]

    def _push_undo(self, step: UndoStep) -> None:
        self.undo_steps.append(step)
        del self.undo_steps[:-UNDO_LIMIT]

    def _rebase_undo(self, undone: UndoStep, version: int) -> None:
        """The undo brought back the state the step below left, as a new `version`: base that step on it.

        Without this, undoing two changes of one rule in a row would refuse the second as
        a conflict with our own first undo.
        """
        for index in range(len(self.undo_steps) - 1, -1, -1):
            older = self.undo_steps[index]
            if older.name != undone.name:
                continue
            if older.version_after == undone.version_before:
                self.undo_steps[index] = replace(older, version_after=version)
            return

    def _changed(self, select: str | None) -> None:
        """After a successful change: reload, choose `select`, tell the other tabs."""
        self.refresh()
        if select is not None:
            self.select_rule(select)
        self._update_actions()
        self.context.announce("rules")

    def _failed(self, error: SignageError, doing: str, name: str) -> None:
        """A change from the table was refused: say why; after a conflict offer Reload."""
        if isinstance(error, ConflictError):
            if self._ask_reload(in_words(error, doing)):
                self.refresh()
                self.select_rule(name)
            return
        self._tell(tr("editor.rules", "Could not do that"), in_words(error, doing))
        if isinstance(error, NotFoundError):
            self.refresh()

    def _ask_reload(self, text: str) -> bool:
        """After a conflict: True when the marketer chose Reload."""
        reload = tr("editor.rules", RELOAD)
        choice = self._ask(tr("editor.rules", "Someone else changed this rule"), text, (reload, tr("editor.rules", CANCEL)))
        return choice == reload

    def _say(self, text: str) -> None:
        """A line under the table about what just happened."""
        self.message_label.setText(text)
        log.debug("rules tab: %s", text)

    def _tell(self, title: str, text: str) -> None:
        """Show a problem in a message box (tests replace this)."""
        self._say(text)
        QMessageBox.warning(self, title, text)

    def _ask(self, title: str, text: str, choices: Sequence[str]) -> str | None:
        """Ask with one button per choice (the first is the default); the chosen one, None if closed.

        Tests replace this.
        """
        self._say(text)
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=self)
        buttons = {}
        for index, choice in enumerate(choices):
            role = QMessageBox.ButtonRole.AcceptRole if index == 0 else QMessageBox.ButtonRole.RejectRole
            buttons[box.addButton(choice, role)] = choice
        box.exec()
        return buttons.get(box.clickedButton())
