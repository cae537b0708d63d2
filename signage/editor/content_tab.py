"""The Content tab: the media library, each item's title, tags, dates and 18+ flag.

Left, every item of the library with a thumbnail, its kind, length, tags, the dates it
may be shown and whether it is for adults only. Right, the selected item's settings:
title, tags (separated by commas), first and last day it may be shown (YYYY-MM-DD, empty
for no limit) and "Adults only (18+)". Save (Ctrl+S) stores them through
`ContentLibrary.update`, with the checks of the CLI: a field that cannot be used gets one
sentence beside it, in red, and nothing is saved. Remove… is refused, with a sentence
naming the playlists, while playlists list the item.

Import file… and files dropped on the tab copy each file into the library folder
(`foundation.paths.library_dir()`, data_dir()/library) with the checks of `signage content
add`: a broken file is refused with its reason and nothing is copied; the same file twice
is recognised (sha256) and not copied again; a file name already there gets a new one.
The catalog points at the copy, so the original may then be moved or deleted. A file
whose name gives no catalog name (`과자 할인.png`) gets `image_1a2b3c4d` and keeps its
title. The copy runs on the GUI thread (the catalog's database connection lives there):
while it runs the tab shows a wait cursor and "Copying NAME into the library…", and
ignores clicks and drops until it is done.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from content.catalog import ImportResult, normalise_tags, parse_date
from content.model import ContentItem
from content.probe import IMAGE_EXTENSIONS, VIDEO_EXTENSIONS
from foundation.errors import DataError, MediaError, SignageError
from foundation.i18n import tr, tr_noop
from foundation.paths import library_dir
from signage.editor.context import EditorContext
from signage.editor.playlists_tab import LIBRARY_ICON_SIZE, icon_of, kind_words, seconds_words

log = logging.getLogger(__name__)

COLUMNS = (
    tr_noop("editor.content", "Name"),
    tr_noop("editor.content", "Title"),
    tr_noop("editor.content", "Kind"),
    tr_noop("editor.content", "Length"),
    tr_noop("editor.content", "Tags"),
    tr_noop("editor.content", "Shown"),
    tr_noop("editor.content", "18+"),
)
_NAME_ROLE = Qt.ItemDataRole.UserRole
_ERROR_STYLE = "color: #b00020;"


def validity_words(item: ContentItem) -> str:
    """The dates an item may be shown, in words."""
    start = item.valid_from.isoformat() if item.valid_from else None
    end = item.valid_until.isoformat() if item.valid_until else None
    if start and end:
        return tr("editor.content", "{start} to {end}", start=start, end=end)
    if start:
        return tr("editor.content", "from {start}", start=start)
    if end:
        return tr("editor.content", "until {end}", end=end)
    return tr("editor.content", "always")


class ContentTab(QWidget):
    """The content library: edit an item's settings, import files (also by dropping them), remove items."""

    @property
    def TITLE(self) -> str:  # noqa: N802 - the name every tab has
        """The tab's name, in the editor's language (read when the window is built)."""
        return tr("editor.content", "Content")

    def __init__(
        self, context: EditorContext, parent: QWidget | None = None, library_folder: Path | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        # Where imports are copied: the installation's library folder unless told otherwise.
        self.library_folder = Path(library_folder) if library_folder is not None else library_dir()
        self._items: dict[str, ContentItem] = {}
        self._shown: ContentItem | None = None  # the item in the form, as stored
        self._loading = False
        self._importing = False  # a copy is running: a second import (a drop meanwhile) waits its turn
        self.setAcceptDrops(True)

        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels([tr("editor.content", column) for column in COLUMNS])
        self.table.setIconSize(LIBRARY_ICON_SIZE)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.currentCellChanged.connect(self._on_row_chosen)
        self.import_button = QPushButton(tr("editor.content", "Import file\u2026"), self)
        self.import_button.setToolTip(
            tr(
                "editor.content",
                "Add images (PNG, JPEG, WebP) or videos (MP4, WebM, MOV, AVI). Each file is copied into the "
                "library folder, so the original may be moved or deleted afterwards.",
            )
        )
        self.import_button.clicked.connect(self.import_files)
        self.remove_button = QPushButton(tr("editor.content", "Remove\u2026"), self)
        self.remove_button.setToolTip(
            tr("editor.content", "Remove the item from the library. Refused while playlists list it.")
        )
        self.remove_button.clicked.connect(self.remove_item)
        drop_hint = QLabel(tr("editor.content", "Drop image and video files here to import them."), self)
        drop_hint.setWordWrap(True)
        library_box = QGroupBox(tr("editor.content", "Content library"), self)
        left = QVBoxLayout(library_box)
        left.addWidget(self.table, 1)
        left_buttons = QHBoxLayout()
        left_buttons.addWidget(drop_hint, 1)
        left_buttons.addWidget(self.remove_button)
        left_buttons.addWidget(self.import_button)
        left.addLayout(left_buttons)

        # The form: each field with the sentence that explains what is wrong with it.
        self.title_edit = QLineEdit(self)
        self.title_edit.setToolTip(tr("editor.content", "The name of the ad as people in the shop say it."))
        self.tags_edit = QLineEdit(self)
        self.tags_edit.setPlaceholderText(tr("editor.content", "for example snacks, sweets"))
        self.tags_edit.setToolTip(
            tr(
                "editor.content",
                "Words that group ads, separated by commas. Rules and playlists can pick ads by tag; "
                "the tag alcohol marks drinks for adults.",
            )
        )
        self.valid_from_edit = QLineEdit(self)
        self.valid_until_edit = QLineEdit(self)
        for edit in (self.valid_from_edit, self.valid_until_edit):
            edit.setPlaceholderText(tr("editor.content", "YYYY-MM-DD, empty: no limit"))
        self.valid_from_edit.setToolTip(tr("editor.content", "The first day the ad may be shown (included)."))
        self.valid_until_edit.setToolTip(tr("editor.content", "The last day the ad may be shown (included)."))
        self.age_restricted = QCheckBox(tr("editor.content", "Adults only (18+)"), self)
        self.age_restricted.setToolTip(
            tr(
                "editor.content",
                "For alcohol, tobacco or lottery ads: never shown while the camera sees someone who may be a minor.",
            )
        )
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        for key, label, widget in (
            ("title", tr("editor.content", "Title"), self.title_edit),
            ("tags", tr("editor.content", "Tags"), self.tags_edit),
            ("valid_from", tr("editor.content", "Shown from"), self.valid_from_edit),
            ("valid_until", tr("editor.content", "Shown until"), self.valid_until_edit),
        ):
            error = QLabel("", self)
            error.setStyleSheet(_ERROR_STYLE)
            error.setWordWrap(True)
            error.setTextFormat(Qt.TextFormat.PlainText)
            error.hide()
            self.errors[key] = error
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(widget)
            column.addWidget(error)
            form.addRow(label, column)
            widget.textChanged.connect(self._on_edited)
        form.addRow("", self.age_restricted)
        self.age_restricted.toggled.connect(self._on_edited)
        self.about = QLabel("", self)
        self.about.setWordWrap(True)
        self.about.setTextFormat(Qt.TextFormat.PlainText)
        self.save_button = QPushButton(tr("editor.content", "Save"), self)
        self.save_button.setToolTip(
            tr("editor.content", "Save this item's settings (Ctrl+S). The player uses them at once.")
        )
        self.revert_button = QPushButton(tr("editor.content", "Discard changes"), self)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        save_action = QAction(tr("editor.content", "Save item"), self)
        save_action.setShortcut(QKeySequence("Ctrl+S"))
        save_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)  # other tabs have their own
        save_action.triggered.connect(self.save)
        self.addAction(save_action)
        self.form_box = QGroupBox(tr("editor.content", "Item"), self)
        right = QVBoxLayout(self.form_box)
        right.addWidget(self.about)
        right.addLayout(form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.revert_button)
        buttons.addStretch(1)
        right.addLayout(buttons)
        right.addStretch(1)

        self.message = QLabel("", self)
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(library_box)
        splitter.addWidget(self.form_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)
        self.refresh()

    # ---- the tab contract ---------------------------------------------------------

    def refresh(self) -> None:
        """Reload the library and show the selected item as stored (edits are dropped)."""
        self._reload(select=self.current_name())

    def has_unsaved_changes(self) -> bool:
        """Whether the form differs from the stored item."""
        if self._shown is None:
            return False
        shown = self._shown
        return (
            self.title_edit.text().strip() != shown.title
            or self.tags_edit.text() != ", ".join(shown.tags)
            or self.valid_from_edit.text().strip() != (shown.valid_from.isoformat() if shown.valid_from else "")
            or self.valid_until_edit.text().strip() != (shown.valid_until.isoformat() if shown.valid_until else "")
            or self.age_restricted.isChecked() != shown.age_restricted
        )

    def shutdown(self) -> None:
        """Nothing to release: thumbnails are made in memory."""

    # ---- reading (also for tests) ---------------------------------------------------

    def current_name(self) -> str | None:
        """The catalog name of the selected item, or None."""
        row = self.table.currentRow()
        cell = self.table.item(row, 0) if row >= 0 else None
        return None if cell is None else cell.data(_NAME_ROLE)

    def names(self) -> list[str]:
        """The catalog names listed, in order."""
        return [self.table.item(row, 0).data(_NAME_ROLE) for row in range(self.table.rowCount())]

    def select(self, name: str) -> bool:
        """Select item `name` (asking first when edits would be lost); False when not listed."""
        names = self.names()
        if name not in names:
            return False
        self.table.setCurrentCell(names.index(name), 0)
        return self.current_name() == name

    def field_error(self, key: str) -> str:
        """The sentence beside field `key` (title, tags, valid_from, valid_until); '' when none."""
        label = self.errors[key]
        return label.text() if not label.isHidden() else ""

    def message_text(self) -> str:
        """The last message shown to the user."""
        return self.message.text()

    # ---- actions ------------------------------------------------------------------

    def save(self) -> None:
        """Store the form's settings of the selected item; a bad field is marked, nothing saved."""
        shown = self._shown
        if shown is None or not self.has_unsaved_changes():
            return
        changes = self._checked_changes()
        if changes is None:
            self._say(tr("editor.content", "Nothing was saved: correct the fields marked in red."), error=True)
            return
        try:
            item = self.context.library.update(shown.name, **changes)
        except SignageError as error:
            self._say(
                tr("editor.content", "Could not save {name}: {reason}", name=shown.name, reason=str(error)), error=True
            )
            return
        log.info("content %s edited by %s (%s)", item.name, self.context.author, ", ".join(sorted(changes)))
        self._reload(select=item.name)
        self._say(tr("editor.content", "Saved {name}. The player uses the new settings at once.", name=item.name))
        self.context.announce("content")

    def revert(self) -> None:
        """Show the selected item as it is stored."""
        self._reload(select=self.current_name())
        self._say(tr("editor.content", "Showing the item as it is saved."))

    def remove_item(self) -> None:
        """Remove the selected item after asking; refused, naming them, while playlists list it."""
        shown = self._shown
        if shown is None:
            return
        users = self.playlists_using(shown.name)
        if users:
            self._say(
                tr(
                    "editor.content",
                    "{name} cannot be removed: it is in %n playlists ({playlists}). Take it out of them first.",
                    n=len(users),
                    name=shown.name,
                    playlists=", ".join(users),
                ),
                error=True,
            )
            return
        question = tr(
            "editor.content",
            "Remove {name} from the content library? Its file stays in the library folder.",
            name=shown.name,
        )
        if not self._confirm(question):
            return
        try:
            self.context.library.remove(shown.name)
        except SignageError as error:
            self._say(
                tr("editor.content", "Could not remove {name}: {reason}", name=shown.name, reason=str(error)),
                error=True,
            )
            return
        log.info("content %s removed by %s", shown.name, self.context.author)
        self._shown = None
        self._reload(select=None)
        self._say(tr("editor.content", "Removed {name} from the content library.", name=shown.name))
        self.context.announce("content")

    def playlists_using(self, name: str) -> list[str]:
        """The playlists that list item `name`, by name."""
        return [
            playlist.name
            for playlist in self.context.store.playlists()
            if any(entry.content == name for entry in playlist.items)
        ]

    def import_files(self) -> None:
        """Import the files the user picks."""
        paths = self._choose_files()
        if paths:
            self.import_paths(paths)

    def import_paths(self, paths: list[Path]) -> list[ImportResult]:
        """Copy each file into the library folder and catalog it; says what happened to each.

        A large video takes a while to copy and hash: meanwhile the cursor waits and the
        message line says which file is being copied (user input is held back, so a
        second drop cannot start another import halfway through this one)."""
        if self._importing:
            return []
        self._importing = True
        self.import_button.setEnabled(False)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return self._import_each(paths)
        finally:
            QApplication.restoreOverrideCursor()
            self.import_button.setEnabled(True)
            self._importing = False

    def _import_each(self, paths: list[Path]) -> list[ImportResult]:
        results: list[ImportResult] = []
        sentences: list[str] = []
        problems = False
        for path in paths:
            path = Path(path)
            self._say(tr("editor.content", "Copying {file} into the library\u2026", file=path.name))
            # Paint the message and the cursor now; clicks and drops wait until the copy is done.
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
            try:
                if path.is_dir():
                    raise DataError(
                        tr("editor.content", "it is a folder; import its files, or use signage content scan")
                    )
                result = self.context.library.import_file(path, self.library_folder)
            except MediaError as error:
                problems = True
                sentences.append(
                    tr("editor.content", "Could not import {file}: {reason}.", file=path.name, reason=error.reason)
                )
                continue
            except (SignageError, OSError) as error:
                problems = True
                reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
                sentences.append(
                    tr("editor.content", "Could not import {file}: {reason}.", file=path.name, reason=reason)
                )
                continue
            results.append(result)
            if result.reused:
                sentences.append(
                    tr(
                        "editor.content",
                        "{file} is already in the library as {name}.",
                        file=path.name,
                        name=result.item.name,
                    )
                )
            log.info("content %s imported from %s by %s", result.item.name, path, self.context.author)
        added = [result.item.name for result in results if not result.reused]
        if added:
            sentences.insert(
                0,
                tr(
                    "editor.content",
                    "Imported %n files into the content library: {names}.",
                    n=len(added),
                    names=", ".join(added),
                ),
            )
        if results:
            self._reload(select=results[-1].item.name)
        self._say(" ".join(sentences), error=problems)
        if added:
            self.context.announce("content")
        return results

    # ---- drag and drop ------------------------------------------------------------

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """Accept files from the file manager."""
        if _local_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """Keep accepting while files hover over the tab."""
        self.dragEnterEvent(event)

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """Import the dropped files."""
        paths = _local_files(event.mimeData())
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.import_paths(paths)

    # ---- dialogs (tests replace these) ----------------------------------------------

    def _choose_files(self) -> list[Path]:
        patterns = " ".join(f"*{suffix}" for suffix in sorted(IMAGE_EXTENSIONS | VIDEO_EXTENSIONS))
        names, _ = QFileDialog.getOpenFileNames(
            self,
            tr("editor.content", "Import into the content library"),
            "",
            tr("editor.content", "Images and videos ({patterns});;All files (*)", patterns=patterns),
        )
        return [Path(name) for name in names]

    def _confirm(self, question: str) -> bool:
        return QMessageBox.question(self, tr("editor.content", "Content"), question) == QMessageBox.StandardButton.Yes

    # ---- internals ----------------------------------------------------------------

    def _checked_changes(self) -> dict | None:
        """The form's settings, checked as the CLI checks them; None (and the fields marked) when one is wrong."""
        for label in self.errors.values():
            label.hide()
            label.setText("")
        changes: dict = {}
        bad = False
        title = self.title_edit.text().strip()
        if not title:
            bad = self._mark(
                "title", tr("editor.content", "Give the item a title: the editor and the reports show it.")
            )
        else:
            changes["title"] = title
        try:
            changes["tags"] = normalise_tags(self.tags_edit.text())
        except DataError:
            bad = self._mark(
                "tags", tr("editor.content", "Separate tags with commas; each tag needs at least one letter or digit.")
            )
        for key, edit in (("valid_from", self.valid_from_edit), ("valid_until", self.valid_until_edit)):
            text = edit.text().strip()
            try:
                changes[key] = parse_date(text or None, key)
            except DataError:
                bad = self._mark(
                    key,
                    tr(
                        "editor.content",
                        "{value} is not a date: write it as YYYY-MM-DD, for example 2026-12-31.",
                        value=text,
                    ),
                )
        start, end = changes.get("valid_from"), changes.get("valid_until")
        if start and end and start > end:
            bad = self._mark(
                "valid_until",
                tr("editor.content", "The last day comes before the first day ({start}).", start=start.isoformat()),
            )
        changes["age_restricted"] = self.age_restricted.isChecked()
        return None if bad else changes

    def _mark(self, key: str, sentence: str) -> bool:
        self.errors[key].setText(sentence)
        self.errors[key].show()
        return True

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(_ERROR_STYLE if error else "")
        self.message.setText(text)

    def _reload(self, select: str | None) -> None:
        items = self.context.library.items()
        self._items = {item.name: item for item in items}
        self._loading = True
        try:
            self.table.setRowCount(len(items))
            for index, item in enumerate(items):
                cells = (
                    item.name,
                    item.title,
                    kind_words(item.kind),
                    seconds_words(item.duration_s),
                    ", ".join(item.tags),
                    validity_words(item),
                    tr("editor.content", "yes") if item.age_restricted else "",
                )
                for column, text in enumerate(cells):
                    cell = QTableWidgetItem(text)
                    if column == 0:
                        cell.setIcon(icon_of(item, LIBRARY_ICON_SIZE))
                        cell.setData(_NAME_ROLE, item.name)
                    self.table.setItem(index, column, cell)
            names = [item.name for item in items]
            chosen = names.index(select) if select in names else (0 if names else -1)
            self.table.setCurrentCell(chosen, 0)
        finally:
            self._loading = False
        self._show(self._items.get(self.current_name()))

    def _show(self, item: ContentItem | None) -> None:
        self._shown = item
        self._loading = True
        try:
            for label in self.errors.values():
                label.hide()
                label.setText("")
            self.title_edit.setText(item.title if item else "")
            self.tags_edit.setText(", ".join(item.tags) if item else "")
            self.valid_from_edit.setText(item.valid_from.isoformat() if item and item.valid_from else "")
            self.valid_until_edit.setText(item.valid_until.isoformat() if item and item.valid_until else "")
            self.age_restricted.setChecked(bool(item and item.age_restricted))
        finally:
            self._loading = False
        if item is None:
            self.about.setText(tr("editor.content", "The library is empty: import a file, or drop one here."))
        elif item.path:
            self.about.setText(
                tr(
                    "editor.content",
                    "{name}: {kind}, {seconds}. File: {file}",
                    name=item.name,
                    kind=kind_words(item.kind),
                    seconds=seconds_words(item.duration_s),
                    file=item.path,
                )
            )
        else:
            self.about.setText(
                tr(
                    "editor.content",
                    "{name}: {kind}, {seconds}.",
                    name=item.name,
                    kind=kind_words(item.kind),
                    seconds=seconds_words(item.duration_s),
                )
            )
        self._update_actions()

    def _on_row_chosen(self, row: int, _column: int, previous_row: int, _previous_column: int) -> None:
        if self._loading:
            return
        name = self.current_name()
        if self._shown is not None and name == self._shown.name:
            return
        if self.has_unsaved_changes() and not self._confirm(
            tr("editor.content", "Discard your unsaved changes to {name}?", name=self._shown.name)
        ):
            self._loading = True
            try:
                self.table.setCurrentCell(previous_row, 0)
            finally:
                self._loading = False
            return
        self._show(self._items.get(name))

    def _on_edited(self, *_args: object) -> None:
        if not self._loading:
            self._update_actions()

    def _update_actions(self) -> None:
        editing = self._shown is not None
        unsaved = self.has_unsaved_changes()
        for widget in (
            self.title_edit,
            self.tags_edit,
            self.valid_from_edit,
            self.valid_until_edit,
            self.age_restricted,
        ):
            widget.setEnabled(editing)
        self.remove_button.setEnabled(editing)
        self.save_button.setEnabled(unsaved)
        self.revert_button.setEnabled(unsaved)
        if editing:
            title = tr("editor.content", "Item {name}", name=self._shown.name)
            if unsaved:
                title = tr("editor.content", "Item {name} (not saved)", name=self._shown.name)
            self.form_box.setTitle(title)
        else:
            self.form_box.setTitle(tr("editor.content", "Item"))


def _local_files(mime) -> list[Path]:
    """The local files of a drag's data (URLs from a file manager); [] for anything else."""
    if not mime.hasUrls():
        return []
    urls = mime.urls()
    if not urls or not all(url.isLocalFile() for url in urls):
        return []
    return [Path(url.toLocalFile()) for url in urls]
