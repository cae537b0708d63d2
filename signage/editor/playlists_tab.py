"""The Playlists tab: what each playlist shows, in which order, for how long.

Left, the playlists (the default one marked "(default)") with New, Delete and Set as
default. In the middle, the selected playlist's items with a thumbnail each, reordered by
dragging; a display time per item (empty: the item's own length), Remove item, the loop
policy, Undo / Redo (Ctrl+Z, Ctrl+Shift+Z), Save (Ctrl+S) and Preview playlist…, which
plays the playlist as it is on screen in a small window (`signage.editor.preview`).
Right, "Add from the library": every item of the content library; drag one onto the
playlist's items to put it where it is dropped, or select it and press Add item. The
library itself (titles, tags, dates, 18+, importing) is the Content tab's.

A playlist's edits stay in the tab until Save and can be undone one by one until then
(adding, removing, moving an item, its display time, the loop policy); saving is checked
against the version that was loaded, so a playlist someone else changed meanwhile is
never overwritten (the message says so and the edits stay until the marketer reloads).
Deleting and setting the default are saved at once; deleting a playlist that rules or the
default setting use is refused before anything is asked, naming them.

Thumbnails are made in memory, never written to disk: images are decoded scaled down,
text slides drawn small, and a video's first frame is read with OpenCV (the player's
QMediaPlayer would need an event loop and a sink per file).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable

import cv2
import shiboken6
from PySide6.QtCore import QMimeData, QSize, Qt
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QIcon,
    QImage,
    QImageReader,
    QKeySequence,
    QPainter,
    QPixmap,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from content.model import ContentItem, ContentKind, TextSlide
from foundation.errors import SignageError
from foundation.i18n import tr, tr_noop
from playlists.codec import validated_playlist
from playlists.model import LoopPolicy, Playlist, PlaylistItem
from playlists.store import DEFAULT_PLAYLIST_SETTING, EntryKind
from signage.editor.context import EditorContext, in_words
from signage.editor.preview import PlaylistPreview, PreviewTimer

log = logging.getLogger(__name__)

THUMBNAIL_SIZE = QSize(96, 54)  # 16:9, the shape of most screens
LIBRARY_ICON_SIZE = QSize(64, 36)
CONTENT_MIME_TYPE = "application/x-signage-content"  # catalog names, one a line: a library drag
_KIND_WORDS = {
    ContentKind.IMAGE: tr_noop("editor.playlists", "image"),
    ContentKind.VIDEO: tr_noop("editor.playlists", "video"),
    ContentKind.TEXT: tr_noop("editor.playlists", "text slide"),
}
LOOP_CHOICES = (
    (LoopPolicy.LOOP, tr_noop("editor.playlists", "Loop: start again after the last item")),
    (LoopPolicy.ONCE, tr_noop("editor.playlists", "Play once, then let the rules choose again")),
)
# What each kind of edit is called in the Undo and Redo buttons' tooltips.
_EDIT_WORDS = {
    "add": tr_noop("editor.playlists", "add an item"),
    "remove": tr_noop("editor.playlists", "remove an item"),
    "move": tr_noop("editor.playlists", "move an item"),
    "duration": tr_noop("editor.playlists", "change a display time"),
    "loop": tr_noop("editor.playlists", "change the loop policy"),
}
_CONTENT_ROLE = Qt.ItemDataRole.UserRole  # an item row's catalog name
_DURATION_ROLE = Qt.ItemDataRole.UserRole + 1  # its own display time in seconds, or None
_NAME_ROLE = Qt.ItemDataRole.UserRole  # a playlist row's name

State = tuple[tuple[tuple[str, "float | None"], ...], LoopPolicy]  # the items on screen and the loop policy


def kind_words(kind: ContentKind) -> str:
    """'image', 'video' or 'text slide', in the editor's language."""
    return tr("editor.playlists", _KIND_WORDS[kind])


def seconds_words(value: float) -> str:
    """A time in seconds as the editor shows it: '8 s'."""
    return tr("editor.playlists", "{seconds} s", seconds=f"{value:g}")


# ---- thumbnails -------------------------------------------------------------------------


def thumbnail_image(item: ContentItem, size: QSize = THUMBNAIL_SIZE) -> QImage | None:
    """A small picture of the item, at most `size`; None when its file cannot be read."""
    if item.kind is ContentKind.TEXT:
        return _text_thumbnail(item.title, item.text or TextSlide(), size)
    if not item.path:
        return None
    # The file's size and modification time are part of the key: a file replaced on disk
    # (and re-probed into the catalog) gets a new thumbnail.
    return _file_thumbnail(item.path, item.kind, item.size_bytes, item.mtime_ns, size.width(), size.height())


@functools.lru_cache(maxsize=512)
def _file_thumbnail(
    path: str, kind: ContentKind, size_bytes: int | None, mtime_ns: int | None, width: int, height: int
) -> QImage | None:
    """The thumbnail of an image or video file (cached: a catalog holds the same files all day)."""
    del size_bytes, mtime_ns  # only part of the cache key
    bounds = QSize(width, height)
    if kind is ContentKind.IMAGE:
        reader = QImageReader(path)
        reader.setAutoTransform(True)
        if reader.size().isValid():
            # Decoding scaled: a JPEG decodes at a fraction of its size, a PNG is scaled once.
            reader.setScaledSize(reader.size().scaled(bounds, Qt.AspectRatioMode.KeepAspectRatio))
        image = reader.read()
        return None if image.isNull() else image
    capture = cv2.VideoCapture(path)
    try:
        ok, frame = capture.read()
    finally:
        capture.release()
    if not ok or frame is None:
        return None
    frame_height, frame_width = frame.shape[:2]
    scale = min(width / frame_width, height / frame_height)
    small = cv2.resize(
        frame, (max(1, round(frame_width * scale)), max(1, round(frame_height * scale))), interpolation=cv2.INTER_AREA
    )
    rgb = cv2.cvtColor(small, cv2.COLOR_BGR2RGB)
    # QImage only borrows the numpy buffer: copy() gives it its own before `rgb` goes.
    return QImage(rgb.data, rgb.shape[1], rgb.shape[0], rgb.strides[0], QImage.Format.Format_RGB888).copy()


def _text_thumbnail(title: str, slide: TextSlide, size: QSize) -> QImage:
    """A text slide drawn small: its colours and its title."""
    image = QImage(size, QImage.Format.Format_RGB32)
    background, foreground = QColor(slide.background), QColor(slide.foreground)
    image.fill(background if background.isValid() else QColor(TextSlide.background))
    painter = QPainter(image)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(max(7, size.height() // 5))
    painter.setFont(font)
    painter.setPen(foreground if foreground.isValid() else QColor(TextSlide.foreground))
    margin = max(2, size.height() // 10)
    painter.drawText(
        image.rect().adjusted(margin, margin, -margin, -margin),
        Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
        title,
    )
    painter.end()
    return image


def icon_of(item: ContentItem | None, size: QSize) -> QIcon:
    """The item's thumbnail centred on a dark box of `size` (all rows line up); a question
    mark when the item is unknown or its file cannot be read."""
    box = QImage(size, QImage.Format.Format_RGB32)
    box.fill(QColor("#303030"))
    picture = thumbnail_image(item, size) if item is not None else None
    painter = QPainter(box)
    if picture is not None:
        painter.drawImage((size.width() - picture.width()) // 2, (size.height() - picture.height()) // 2, picture)
    else:
        painter.setPen(QColor("#c0c0c0"))
        painter.drawText(box.rect(), Qt.AlignmentFlag.AlignCenter, "?")
    painter.end()
    return QIcon(QPixmap.fromImage(box))


# ---- drag and drop ----------------------------------------------------------------------


class LibraryList(QListWidget):
    """The library beside a playlist: its rows drag catalog names onto the playlist."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

    def mimeData(self, items: list[QListWidgetItem]) -> QMimeData:  # noqa: N802 - Qt's name
        """The dragged rows as catalog names, one a line."""
        return content_mime_data([item.data(_CONTENT_ROLE) for item in items])


def content_mime_data(names: list[str]) -> QMimeData:
    """Drag data carrying catalog names (what a drop on a playlist's items adds)."""
    data = QMimeData()
    data.setData(CONTENT_MIME_TYPE, "\n".join(names).encode("utf-8"))
    return data


class PlaylistItemsList(QListWidget):
    """A playlist's items: rows move by dragging, library items are dropped in between."""

    def __init__(self, tab: PlaylistsTab) -> None:
        super().__init__(tab)
        self._tab = tab
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setAcceptDrops(True)

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """Accept library items and the list's own rows."""
        if event.mimeData().hasFormat(CONTENT_MIME_TYPE) and self._tab.is_editing():
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        elif event.source() is self:
            super().dragEnterEvent(event)
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """As dragEnterEvent, while the drag moves over the list."""
        if event.mimeData().hasFormat(CONTENT_MIME_TYPE) and self._tab.is_editing():
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        elif event.source() is self:
            super().dragMoveEvent(event)
        else:
            event.ignore()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """Library items go in at the drop position; the list's own rows move there."""
        data = event.mimeData()
        if data.hasFormat(CONTENT_MIME_TYPE):
            names = [name for name in bytes(data.data(CONTENT_MIME_TYPE)).decode("utf-8").split("\n") if name]
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            self._tab.insert_items(names, self.drop_row(event.position().toPoint()))
            return
        if event.source() is not self:
            event.ignore()
            return
        # Qt may move a row as a removal and an insertion: one edit for the undo history.
        with self._tab.one_edit("move"):
            super().dropEvent(event)

    def drop_row(self, point) -> int:
        """The row a drop at `point` (viewport coordinates) inserts before."""
        index = self.indexAt(point)
        if not index.isValid():
            return self.count()
        rect = self.visualRect(index)
        return index.row() + (1 if point.y() > rect.center().y() else 0)


# ---- undo -------------------------------------------------------------------------------


class _EditCommand(QUndoCommand):
    """One edit of the playlist on screen, as the states before and after it."""

    MERGE_DURATION = 1  # consecutive changes of one item's display time are one edit

    def __init__(self, tab: PlaylistsTab, before: State, after: State, what: str, row: int) -> None:
        super().__init__(tr("editor.playlists", _EDIT_WORDS[what]))
        self._tab, self.before, self.after, self.what, self.row = tab, before, after, what, row
        self._done = True  # pushed after the edit was made on screen: the first redo does nothing

    def redo(self) -> None:  # noqa: D102 - Qt's
        if self._done:
            self._done = False
            return
        self._tab._apply_state(self.after, self.row)  # noqa: SLF001 - the tab's own command

    def undo(self) -> None:  # noqa: D102 - Qt's
        self._tab._apply_state(self.before, self.row)  # noqa: SLF001

    def id(self) -> int:  # noqa: D102 - Qt's
        return self.MERGE_DURATION if self.what == "duration" else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802, D102 - Qt's
        if not isinstance(other, _EditCommand) or other.row != self.row:
            return False
        self.after = other.after
        return True


class _OneEdit:
    """A context manager: widget changes inside it are recorded as one edit."""

    def __init__(self, tab: PlaylistsTab, what: str) -> None:
        self._tab, self._what = tab, what

    def __enter__(self) -> None:
        self._tab._batch_depth += 1  # noqa: SLF001

    def __exit__(self, *_exc: object) -> None:
        self._tab._batch_depth -= 1  # noqa: SLF001
        if self._tab._batch_depth == 0:  # noqa: SLF001
            self._tab._record(self._what)  # noqa: SLF001


# ---- the tab ------------------------------------------------------------------------------


class PlaylistsTab(QWidget):
    """Playlists with their items (drag to reorder, drop library items in), undo, preview."""

    @property
    def TITLE(self) -> str:  # noqa: N802 - the name every tab has
        """The tab's name, in the editor's language (read when the window is built)."""
        return tr("editor.playlists", "Playlists")

    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._catalog: dict[str, ContentItem] = {}
        self._stored: Playlist | None = None  # the selected playlist as saved; None: none selected
        self._version: int | None = None  # its version when loaded
        self._is_new = False  # a playlist made with New, not saved yet
        self._default: str | None = None
        self._default_version = 0
        self._loading = False  # filling the widgets: their change signals are not edits
        self._batch_depth = 0  # inside `one_edit`: changes are recorded when it ends
        self._applying = False  # an undo or redo is being put on screen
        self._last_state: State | None = None  # the state the last recorded edit left
        self.undo_stack = QUndoStack(self)
        self.preview_window: PlaylistPreview | None = None
        # Makes the preview's timer; tests give one they drive themselves.
        self.preview_timer_factory: Callable[[QWidget], PreviewTimer] | None = None

        # Left: the playlists.
        self.playlist_list = QListWidget(self)
        self.playlist_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.playlist_list.currentItemChanged.connect(self._on_playlist_chosen)
        self.new_button = QPushButton(tr("editor.playlists", "New\u2026"), self)
        self.delete_button = QPushButton(tr("editor.playlists", "Delete\u2026"), self)
        self.default_button = QPushButton(tr("editor.playlists", "Set as default"), self)
        self.default_button.setToolTip(tr("editor.playlists", "The default playlist plays whenever no rule matches."))
        self.new_button.clicked.connect(self.new_playlist)
        self.delete_button.clicked.connect(self.delete_playlist)
        self.default_button.clicked.connect(self.set_as_default)
        playlists_box = QGroupBox(tr("editor.playlists", "Playlists"), self)
        left = QVBoxLayout(playlists_box)
        left.addWidget(self.playlist_list, 1)
        left_buttons = QHBoxLayout()
        for button in (self.new_button, self.delete_button, self.default_button):
            left_buttons.addWidget(button)
        left.addLayout(left_buttons)

        # Middle: the selected playlist's items.
        self.items = PlaylistItemsList(self)
        self.items.setIconSize(THUMBNAIL_SIZE)
        self.items.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.items.setToolTip(
            tr(
                "editor.playlists",
                "Drag items to change the order they play in; drop items of the library here to add them.",
            )
        )
        self.items.currentItemChanged.connect(self._on_item_chosen)
        model = self.items.model()
        model.rowsMoved.connect(lambda *_: self._record("move"))
        model.rowsInserted.connect(lambda *_: self._record("add"))
        model.rowsRemoved.connect(lambda *_: self._record("remove"))
        self.duration = QDoubleSpinBox(self)
        self.duration.setRange(0.0, 3600.0)
        self.duration.setDecimals(1)
        self.duration.setSuffix(tr("editor.playlists", " s"))
        # The minimum stands for "no time of its own": the item plays its own length.
        self.duration.setSpecialValueText(tr("editor.playlists", "its own length"))
        self.duration.setToolTip(
            tr("editor.playlists", "How long this item shows in this playlist. Lowest value: the item's own length.")
        )
        self.duration.valueChanged.connect(self._on_duration_changed)
        self.remove_button = QPushButton(tr("editor.playlists", "Remove item"), self)
        self.remove_button.clicked.connect(self.remove_item)
        self.loop = QComboBox(self)
        for policy, words in LOOP_CHOICES:
            self.loop.addItem(tr("editor.playlists", words), policy)
        self.loop.currentIndexChanged.connect(lambda *_: self._record("loop"))
        self.undo_button = QPushButton(tr("editor.playlists", "Undo"), self)
        self.redo_button = QPushButton(tr("editor.playlists", "Redo"), self)
        self.undo_button.clicked.connect(self.undo_stack.undo)
        self.redo_button.clicked.connect(self.undo_stack.redo)
        undo_action = QAction(tr("editor.playlists", "Undo"), self)
        undo_action.setShortcuts([QKeySequence("Ctrl+Z")])
        redo_action = QAction(tr("editor.playlists", "Redo"), self)
        redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        undo_action.triggered.connect(self.undo_stack.undo)
        redo_action.triggered.connect(self.undo_stack.redo)
        self.save_button = QPushButton(tr("editor.playlists", "Save"), self)
        self.save_button.setToolTip(
            tr("editor.playlists", "Save this playlist (Ctrl+S). The player picks it up at once.")
        )
        self.revert_button = QPushButton(tr("editor.playlists", "Discard changes"), self)
        self.revert_button.setToolTip(
            tr("editor.playlists", "Forget the changes and show the playlist as it is saved now.")
        )
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        save_action = QAction(tr("editor.playlists", "Save playlist"), self)
        save_action.setShortcut(QKeySequence("Ctrl+S"))
        save_action.triggered.connect(self.save)
        for action in (save_action, undo_action, redo_action):
            # Only while focus is in this tab: other tabs have their own Save (and text
            # fields their own undo).
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self.undo_stack.indexChanged.connect(self._on_history_changed)
        self.preview_button = QPushButton(tr("editor.playlists", "Preview playlist\u2026"), self)
        self.preview_button.setToolTip(
            tr(
                "editor.playlists",
                "Play the playlist as it is on screen in a small window, each item for its display time, without sound.",
            )
        )
        self.preview_button.clicked.connect(self.preview)

        self.items_box = QGroupBox(tr("editor.playlists", "Items"), self)
        middle = QVBoxLayout(self.items_box)
        middle.addWidget(self.items, 1)
        duration_row = QHBoxLayout()
        duration_row.addWidget(QLabel(tr("editor.playlists", "Show for"), self))
        duration_row.addWidget(self.duration)
        duration_row.addStretch(1)
        duration_row.addWidget(self.remove_button)
        middle.addLayout(duration_row)
        middle.addWidget(self.loop)
        save_row = QHBoxLayout()
        for button in (self.undo_button, self.redo_button, self.save_button, self.revert_button):
            save_row.addWidget(button)
        save_row.addStretch(1)
        save_row.addWidget(self.preview_button)
        middle.addLayout(save_row)

        # Right: the library, to add from.
        self.library_list = LibraryList(self)
        self.library_list.setIconSize(LIBRARY_ICON_SIZE)
        # A narrow column: long names wrap rather than scroll sideways.
        self.library_list.setWordWrap(True)
        self.library_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.library_list.setToolTip(
            tr(
                "editor.playlists",
                "Drag an item onto the playlist's items to add it there, or select it and press Add item.",
            )
        )
        self.library_list.itemDoubleClicked.connect(lambda _row: self.add_item())
        self.library_list.currentItemChanged.connect(lambda *_: self._update_actions())
        self.add_button = QPushButton(tr("editor.playlists", "Add item"), self)
        self.add_button.setToolTip(tr("editor.playlists", "Add the selected library item at the end of the playlist."))
        self.add_button.clicked.connect(self.add_item)
        library_box = QGroupBox(tr("editor.playlists", "Add from the library"), self)
        right = QVBoxLayout(library_box)
        right.addWidget(self.library_list, 1)
        hint = QLabel(tr("editor.playlists", "Titles, tags, dates and importing: the Content tab."), self)
        hint.setWordWrap(True)
        add_row = QHBoxLayout()
        add_row.addWidget(hint, 1)
        add_row.addWidget(self.add_button)
        right.addLayout(add_row)

        self.message = QLabel("", self)
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        for box in (playlists_box, self.items_box, library_box):
            splitter.addWidget(box)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)
        splitter.setStretchFactor(2, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)
        self.refresh()

    # ---- the tab contract ---------------------------------------------------------

    def refresh(self) -> None:
        """Reload the library, the playlists and the selected playlist (edits are dropped)."""
        self._reload_library()
        name = self.current_playlist_name()
        self._is_new = False
        self._reload_playlist_list(select=name)

    def has_unsaved_changes(self) -> bool:
        """Whether the playlist on screen (items, order, times, loop) differs from the saved one."""
        if self._is_new:
            return True
        return self._stored is not None and self.edited_playlist() != self._stored

    def shutdown(self) -> None:
        """Close the preview and let go of its files."""
        self.close_preview()

    # ---- reading (also for tests) ---------------------------------------------------

    def current_playlist_name(self) -> str | None:
        """The playlist being edited, or None."""
        row = self.playlist_list.currentItem()
        return None if row is None else row.data(_NAME_ROLE)

    def is_editing(self) -> bool:
        """Whether a playlist is open (items can be added)."""
        return self._stored is not None

    def select_playlist(self, name: str) -> bool:
        """Select playlist `name` (asking first when edits would be lost); False when not listed."""
        for index in range(self.playlist_list.count()):
            if self.playlist_list.item(index).data(_NAME_ROLE) == name:
                self.playlist_list.setCurrentRow(index)
                return self.current_playlist_name() == name
        return False

    def edited_playlist(self) -> Playlist | None:
        """The playlist as it is on screen (what Save would store), or None."""
        if self._stored is None:
            return None
        entries = tuple(PlaylistItem(content, duration_s) for content, duration_s in self._state()[0])
        return Playlist(self._stored.name, entries, self.loop.currentData(), self._stored.note)

    def item_names(self) -> list[str]:
        """The catalog names of the items on screen, in order."""
        return [self.items.item(index).data(_CONTENT_ROLE) for index in range(self.items.count())]

    def library_names(self) -> list[str]:
        """The catalog names listed under "Add from the library"."""
        return [self.library_list.item(row).data(_CONTENT_ROLE) for row in range(self.library_list.count())]

    def choose_library_item(self, name: str) -> bool:
        """Select library item `name` (what Add item adds); False when it is not listed."""
        names = self.library_names()
        if name not in names:
            return False
        self.library_list.setCurrentRow(names.index(name))
        return True

    def message_text(self) -> str:
        """The last message shown to the user."""
        return self.message.text()

    # ---- playlist actions ---------------------------------------------------------

    def new_playlist(self) -> None:
        """Ask for a name and start an empty playlist (stored at the first Save)."""
        if not self._may_discard():
            return
        if self._is_new:  # the previous new playlist, never saved, goes
            self._is_new = False
            self._reload_playlist_list(select=None)
        name = self._ask_text(
            tr("editor.playlists", "New playlist"),
            tr("editor.playlists", "Name of the new playlist (lower-case letters, digits and _):"),
        )
        if not name:
            return
        name = name.strip()
        if name in {playlist.name for playlist in self.context.store.playlists()}:
            self._say(
                tr("editor.playlists", "There is already a playlist called {name}: choose another name.", name=name),
                error=True,
            )
            return
        try:  # the name's rules, checked now rather than at the first Save
            validated_playlist(Playlist(name, (PlaylistItem("placeholder"),)))
        except SignageError as error:
            self._say(in_words(error, "create the playlist"), error=True)
            return
        row = QListWidgetItem(tr("editor.playlists", "{name} (new, not saved)", name=name))
        row.setData(_NAME_ROLE, name)
        self._loading = True
        try:
            self.playlist_list.addItem(row)
            self.playlist_list.setCurrentItem(row)
        finally:
            self._loading = False
        self._show_playlist(Playlist(name, ()), version=None, is_new=True)
        self._say(tr("editor.playlists", "New playlist {name}: add items, then Save.", name=name))

    def users_of(self, name: str) -> tuple[list[str], bool]:
        """The rules that play playlist `name`, and whether it is the default playlist."""
        rules = sorted(rule.name for rule in self.context.store.rules() if rule.playlist == name)
        return rules, self.context.store.default_playlist() == name

    def delete_playlist(self) -> None:
        """Delete the selected playlist after asking; refused, before asking, while rules or the default use it."""
        name = self.current_playlist_name()
        if name is None:
            return
        if self._is_new:
            self._is_new = False
            self._reload_playlist_list(select=None)
            self._say(tr("editor.playlists", "The new playlist {name} was never saved: it is gone.", name=name))
            return
        rules, is_default = self.users_of(name)
        if rules or is_default:
            sentences = []
            if rules:
                sentences.append(
                    tr(
                        "editor.playlists",
                        "{name} cannot be deleted: %n rules play it ({rules}). Change or delete those rules first.",
                        n=len(rules),
                        name=name,
                        rules=", ".join(rules),
                    )
                )
            if is_default:
                sentences.append(
                    tr(
                        "editor.playlists",
                        "{name} cannot be deleted: it is the default playlist, which plays whenever no rule matches."
                        " Make another playlist the default first.",
                        name=name,
                    )
                )
            self._say(" ".join(sentences), error=True)
            return
        question = tr("editor.playlists", "Delete the playlist {name}? The player stops using it at once.", name=name)
        if not self._confirm(question):
            return
        try:
            self.context.store.delete_playlist(name, self.context.author, expected_version=self._version)
        except SignageError as error:  # a rule that came to use it meanwhile, or someone else's change
            self._say(in_words(error, "delete the playlist"), error=True)
            return
        log.info("playlist %s deleted by %s", name, self.context.author)
        self._is_new = False
        self._stored = None
        self._reload_playlist_list(select=None)
        self._say(tr("editor.playlists", "Deleted the playlist {name}.", name=name))
        self.context.announce("playlists")

    def set_as_default(self) -> None:
        """Make the selected (saved) playlist the one that plays when no rule matches."""
        name = self.current_playlist_name()
        if name is None or self._is_new:
            return
        try:
            self.context.store.set_default_playlist(name, self.context.author, expected_version=self._default_version)
        except SignageError as error:
            self._say(in_words(error, "set the default playlist"), error=True)
            self._reload_default()
            self._label_playlists()
            return
        self._reload_default()
        self._label_playlists()
        self._update_actions()
        self._say(tr("editor.playlists", "{name} is now the default: it plays whenever no rule matches.", name=name))
        self.context.announce("playlists")

    def save(self) -> None:
        """Store the playlist as it is on screen, unless someone else changed it meanwhile."""
        playlist = self.edited_playlist()
        if playlist is None or not self.has_unsaved_changes():
            return
        try:
            if self._is_new:
                self.context.store.save_playlist(playlist, self.context.author, action="create")
            else:
                self.context.store.save_playlist(
                    playlist, self.context.author, action="edit", expected_version=self._version
                )
        except SignageError as error:
            # The edits stay on screen (and can still be undone): the marketer can note
            # them, then Discard changes to see what is stored now.
            self._say(in_words(error, "save the playlist"), error=True)
            return
        log.info("playlist %s saved by %s", playlist.name, self.context.author)
        self._is_new = False
        self._reload_playlist_list(select=playlist.name)
        self._say(tr("editor.playlists", "Saved {name}. The player picks it up at once.", name=playlist.name))
        self.context.announce("playlists")

    def revert(self) -> None:
        """Forget the edits and show the playlist as it is stored now."""
        name = self.current_playlist_name()
        if self._is_new:
            name = None
        self._is_new = False
        self._reload_playlist_list(select=name)
        self._say(tr("editor.playlists", "Showing the playlist as it is saved."))

    # ---- item actions -------------------------------------------------------------

    def add_item(self) -> None:
        """Append the library item selected on the right."""
        row = self.library_list.currentItem()
        if self._stored is None or row is None:
            return
        self.insert_items([row.data(_CONTENT_ROLE)], self.items.count())

    def insert_items(self, names: list[str], row: int) -> None:
        """Put the library items `names` into the playlist before row `row` (one edit)."""
        if self._stored is None or not names:
            return
        row = min(max(0, row), self.items.count())
        with self.one_edit("add"):
            for offset, name in enumerate(names):
                self.items.insertItem(row + offset, self._item_row(PlaylistItem(name)))
        self.items.setCurrentRow(row + len(names) - 1)

    def remove_item(self) -> None:
        """Remove the selected item from the playlist."""
        index = self.items.currentRow()
        if index >= 0:
            self.items.takeItem(index)

    def move_item(self, from_row: int, to_row: int) -> None:
        """Move item `from_row` so that it ends up at `to_row` (what a drag does)."""
        count = self.items.count()
        if not (0 <= from_row < count and 0 <= to_row < count) or from_row == to_row:
            return
        with self.one_edit("move"):
            row = self.items.takeItem(from_row)
            self.items.insertItem(to_row, row)
        self.items.setCurrentRow(to_row)

    def set_item_duration(self, index: int, duration_s: float | None) -> None:
        """Give item `index` its own display time (None: the item's own length)."""
        self.items.setCurrentRow(index)
        self.duration.setValue(self.duration.minimum() if duration_s is None else duration_s)

    def one_edit(self, what: str) -> _OneEdit:
        """Record the changes made inside the `with` block as one edit `what` (add, remove,
        move, duration, loop) of the undo history."""
        return _OneEdit(self, what)

    # ---- preview ------------------------------------------------------------------

    def preview(self) -> PlaylistPreview | None:
        """Open the preview window on the playlist as it is on screen, from the selected item."""
        playlist = self.edited_playlist()
        if playlist is None:
            return None
        self.close_preview()
        timer = self.preview_timer_factory(self) if self.preview_timer_factory is not None else None
        window = PlaylistPreview(playlist, self._catalog, parent=self, timer=timer)
        self.preview_window = window
        start = max(0, self.items.currentRow())
        # The step of the selected row: rows missing from the catalog have no step.
        known_before = sum(1 for name in self.item_names()[:start] if name in self._catalog)
        window.show()
        window.play(known_before)
        return window

    def close_preview(self) -> None:
        """Close the preview window, if one is open (it stops and lets go of its files)."""
        window, self.preview_window = self.preview_window, None
        if window is not None:
            window.close()
            window.deleteLater()

    # ---- dialogs (tests replace these) ----------------------------------------------

    def _ask_text(self, title: str, label: str) -> str | None:
        """Ask for a line of text; None when cancelled."""
        text, ok = QInputDialog.getText(self, title, label)
        return text if ok else None

    def _confirm(self, question: str) -> bool:
        """Ask a yes/no question."""
        return (
            QMessageBox.question(self, tr("editor.playlists", "Playlists"), question) == QMessageBox.StandardButton.Yes
        )

    # ---- undo internals -------------------------------------------------------------

    def _state(self) -> State:
        entries = tuple(
            (row.data(_CONTENT_ROLE), row.data(_DURATION_ROLE))
            for row in (self.items.item(index) for index in range(self.items.count()))
        )
        return entries, self.loop.currentData()

    def _record(self, what: str) -> None:
        """Push the change just made on screen onto the undo history (once per edit)."""
        # Never while an undo or redo is being applied: pushing then would delete the
        # command that is running (QUndoStack drops the redo part of the history).
        if self._applying or self._loading or self._batch_depth or self._stored is None or self._last_state is None:
            self._update_actions_unless_loading()
            return
        state = self._state()
        if state != self._last_state:
            before, self._last_state = self._last_state, state
            self.undo_stack.push(_EditCommand(self, before, state, what, max(0, self.items.currentRow())))
        self._update_actions()

    def _on_history_changed(self, _index: int) -> None:
        # QUndoStack clears itself, and says so, while it is being destroyed with the tab:
        # then there are no buttons left to update.
        if shiboken6.isValid(self) and shiboken6.isValid(self.undo_stack) and shiboken6.isValid(self.undo_button):
            self._update_actions()

    def _update_actions_unless_loading(self) -> None:
        if not self._loading and not self._batch_depth:
            self._update_actions()

    def _apply_state(self, state: State, row: int) -> None:
        """Show `state` (an undo or a redo): items, their times and the loop policy."""
        entries, loop = state
        self._loading = self._applying = True
        try:
            self.items.clear()
            for content, duration_s in entries:
                self.items.addItem(self._item_row(PlaylistItem(content, duration_s)))
            self.loop.setCurrentIndex(self.loop.findData(loop))
            if self.items.count():
                self.items.setCurrentRow(min(row, self.items.count() - 1))
        finally:
            self._loading = self._applying = False
        self._last_state = state
        self._on_item_chosen(self.items.currentItem(), None)

    # ---- internals ----------------------------------------------------------------

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b00020;" if error else "")
        self.message.setText(text)

    def _may_discard(self) -> bool:
        """True when there are no edits, or the user agrees to lose them."""
        if not self.has_unsaved_changes():
            return True
        return self._confirm(
            tr("editor.playlists", "Discard your unsaved changes to the playlist {name}?", name=self._stored.name)
        )

    def _reload_default(self) -> None:
        store = self.context.store
        self._default = store.default_playlist()
        self._default_version = store.version_of(EntryKind.SETTING, DEFAULT_PLAYLIST_SETTING) or 0

    def _reload_playlist_list(self, select: str | None) -> None:
        """Fill the playlist list from the store and show `select` (else the first) as stored."""
        self._reload_default()
        names = [playlist.name for playlist in self.context.store.playlists()]
        self._loading = True
        try:
            self.playlist_list.clear()
            for name in names:
                row = QListWidgetItem(name)
                row.setData(_NAME_ROLE, name)
                self.playlist_list.addItem(row)
            self._label_playlists()
            chosen = names.index(select) if select in names else (0 if names else -1)
            self.playlist_list.setCurrentRow(chosen)
        finally:
            self._loading = False
        self._load_selected()

    def _label_playlists(self) -> None:
        for index in range(self.playlist_list.count()):
            row = self.playlist_list.item(index)
            name = row.data(_NAME_ROLE)
            row.setText(tr("editor.playlists", "{name} (default)", name=name) if name == self._default else name)

    def _load_selected(self) -> None:
        name = self.current_playlist_name()
        if name is None:
            self._show_playlist(None, version=None, is_new=False)
            return
        try:
            current = self.context.store.playlist_with_version(name)
        except SignageError as error:  # deleted between listing and reading
            self._say(in_words(error, "open the playlist"), error=True)
            self._show_playlist(None, version=None, is_new=False)
            return
        self._show_playlist(current.value, version=current.version, is_new=False)

    def _show_playlist(self, playlist: Playlist | None, version: int | None, is_new: bool) -> None:
        self.close_preview()
        self._stored, self._version, self._is_new = playlist, version, is_new
        self._loading = True
        try:
            self.items.clear()
            for entry in playlist.items if playlist else ():
                self.items.addItem(self._item_row(entry))
            loop = playlist.loop if playlist else LoopPolicy.LOOP
            self.loop.setCurrentIndex(self.loop.findData(loop))
        finally:
            self._loading = False
        # A playlist freshly shown (loaded, saved, reverted) starts a new undo history.
        self.undo_stack.clear()
        self._last_state = self._state() if playlist is not None else None
        if self.items.count():
            self.items.setCurrentRow(0)
        self._on_item_chosen(self.items.currentItem(), None)
        self._update_actions()

    def _on_playlist_chosen(self, current: QListWidgetItem | None, previous: QListWidgetItem | None) -> None:
        if self._loading or current is None:
            return
        if self._stored is not None and current.data(_NAME_ROLE) == self._stored.name:
            return
        if not self._may_discard():
            # Back to the playlist being edited, without asking again.
            self._loading = True
            try:
                self.playlist_list.setCurrentItem(previous)
            finally:
                self._loading = False
            return
        if self._is_new:  # the unsaved new playlist is dropped from the list
            self._is_new = False
            self._reload_playlist_list(select=current.data(_NAME_ROLE))
            return
        self._load_selected()

    def _item_row(self, entry: PlaylistItem) -> QListWidgetItem:
        row = QListWidgetItem()
        row.setData(_CONTENT_ROLE, entry.content)
        row.setData(_DURATION_ROLE, entry.duration_s)
        row.setFlags(row.flags() | Qt.ItemFlag.ItemIsDragEnabled)
        self._describe_row(row)
        return row

    def _describe_row(self, row: QListWidgetItem) -> None:
        """The row's thumbnail and its words: title, kind and how long it shows."""
        name, own_s = row.data(_CONTENT_ROLE), row.data(_DURATION_ROLE)
        item = self._catalog.get(name)
        row.setIcon(icon_of(item, THUMBNAIL_SIZE))
        if item is None:
            row.setText(tr("editor.playlists", "{name}\nnot in the content library: the player skips it", name=name))
            return
        if own_s is None:
            shows = seconds_words(item.duration_s)
        else:
            shows = tr(
                "editor.playlists",
                "{seconds} (own length {own})",
                seconds=seconds_words(own_s),
                own=seconds_words(item.duration_s),
            )
        row.setText(f"{item.title}\n{kind_words(item.kind)} \u00b7 {shows}")
        tags = ", ".join(item.tags) if item.tags else tr("editor.playlists", "no tags")
        row.setToolTip(f"{item.name}: {tags}")

    def _refresh_item_rows(self) -> None:
        for index in range(self.items.count()):
            self._describe_row(self.items.item(index))

    def _on_item_chosen(self, current: QListWidgetItem | None, previous: QListWidgetItem | None) -> None:
        # Restores the flag as it was: this also runs while a playlist or an undo is being
        # put on screen (the list's clear() changes the current row), which must stay "loading".
        was_loading, self._loading = self._loading, True
        try:
            own_s = current.data(_DURATION_ROLE) if current is not None else None
            self.duration.setValue(self.duration.minimum() if own_s is None else own_s)
        finally:
            self._loading = was_loading
        self._update_actions()

    def _on_duration_changed(self, value: float) -> None:
        row = self.items.currentItem()
        if self._loading or row is None:
            return
        row.setData(_DURATION_ROLE, None if value <= self.duration.minimum() else float(value))
        self._describe_row(row)
        self._record("duration")

    def _update_actions(self) -> None:
        editing = self._stored is not None
        unsaved = self.has_unsaved_changes()
        row = self.items.currentItem()
        self.delete_button.setEnabled(editing)
        self.default_button.setEnabled(editing and not self._is_new and self._stored.name != self._default)
        self.add_button.setEnabled(editing and self.library_list.currentItem() is not None)
        self.remove_button.setEnabled(row is not None)
        self.duration.setEnabled(row is not None)
        self.loop.setEnabled(editing)
        self.save_button.setEnabled(unsaved)
        self.revert_button.setEnabled(unsaved)
        self.undo_button.setEnabled(self.undo_stack.canUndo())
        self.redo_button.setEnabled(self.undo_stack.canRedo())
        self.undo_button.setToolTip(
            tr("editor.playlists", "Undo: {edit} (Ctrl+Z)", edit=self.undo_stack.undoText())
            if self.undo_stack.canUndo()
            else ""
        )
        self.redo_button.setToolTip(
            tr("editor.playlists", "Redo: {edit} (Ctrl+Shift+Z)", edit=self.undo_stack.redoText())
            if self.undo_stack.canRedo()
            else ""
        )
        self.preview_button.setEnabled(editing and any(name in self._catalog for name in self.item_names()))
        if editing:
            title = tr("editor.playlists", "Items of {name}", name=self._stored.name)
            if unsaved:
                title = tr("editor.playlists", "Items of {name} (not saved)", name=self._stored.name)
            self.items_box.setTitle(title)
        else:
            self.items_box.setTitle(tr("editor.playlists", "Items"))

    def reload_library(self) -> None:
        """Reload only the library on the right (and the items' words): the playlist's
        edits stay, so an item imported meanwhile can be added to them."""
        self._reload_library()
        self._update_actions()

    def _reload_library(self) -> None:
        items = self.context.library.items()
        self._catalog = {item.name: item for item in items}
        picked = self.library_list.currentItem().data(_CONTENT_ROLE) if self.library_list.currentItem() else None
        self.library_list.clear()
        for item in items:
            row = QListWidgetItem(
                icon_of(item, LIBRARY_ICON_SIZE), f"{item.title}\n{item.name} \u00b7 {kind_words(item.kind)}"
            )
            row.setData(_CONTENT_ROLE, item.name)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsDragEnabled)
            self.library_list.addItem(row)
        if picked is not None and picked in self._catalog:
            self.choose_library_item(picked)
        self._refresh_item_rows()
