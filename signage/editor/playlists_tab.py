"""The Playlists & content tab: what each playlist shows, in which order, and the media library.

Left, the playlists (the default one marked "(default)") with New, Delete and Set as
default. In the middle, the selected playlist's items with a thumbnail each, reordered by
dragging; a display time per item (empty: the item's own length), Add item, Remove item,
the loop policy, Save (Ctrl+S) and a muted preview of video items. Right, the content
library with tags and validity dates, and Import file… (the same checks as `signage
content add`: a broken file is refused with its reason and nothing changes).

A playlist's edits stay in the tab until Save; saving is checked against the version
that was loaded, so a playlist someone else changed meanwhile is never overwritten (the
message says so and the edits stay until the marketer reloads). Deleting, setting the
default and importing are saved at once.

Thumbnails are made in memory, never written to disk: images are decoded scaled down,
text slides drawn small, and a video's first frame is read with OpenCV (the player's
QMediaPlayer would need an event loop and a sink per file).
"""

from __future__ import annotations

import functools
import logging
from pathlib import Path

import cv2
from PySide6.QtCore import QSize, Qt, QUrl
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
)
from PySide6.QtMultimedia import QMediaPlayer
from PySide6.QtMultimediaWidgets import QVideoWidget
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from content.model import ContentItem, ContentKind, TextSlide
from content.probe import IMAGE_EXTENSIONS, VIDEO_EXTENSIONS
from playlists.codec import validated_playlist
from playlists.model import LoopPolicy, Playlist, PlaylistItem
from playlists.store import DEFAULT_PLAYLIST_SETTING, EntryKind
from signage.editor.context import EditorContext, in_words
from foundation.errors import MediaError, SignageError

log = logging.getLogger(__name__)

THUMBNAIL_SIZE = QSize(96, 54)  # 16:9, the shape of most screens
LIBRARY_ICON_SIZE = QSize(64, 36)
PREVIEW_SIZE = QSize(320, 180)
LIBRARY_COLUMNS = ("Name", "Title", "Kind", "Length", "Tags", "Shown", "18+")
KIND_WORDS = {ContentKind.IMAGE: "image", ContentKind.VIDEO: "video", ContentKind.TEXT: "text slide"}
LOOP_CHOICES = (
    (LoopPolicy.LOOP, "Loop: start again after the last item"),
    (LoopPolicy.ONCE, "Play once, then let the rules choose again"),
)
_CONTENT_ROLE = Qt.ItemDataRole.UserRole  # an item row's catalog name
_DURATION_ROLE = Qt.ItemDataRole.UserRole + 1  # its own display time in seconds, or None
_NAME_ROLE = Qt.ItemDataRole.UserRole  # a playlist row's name


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


def _icon(item: ContentItem | None, size: QSize) -> QIcon:
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


def _seconds(value: float) -> str:
    return f"{value:g} s"


# ---- the tab ------------------------------------------------------------------------------


class PlaylistsTab(QWidget):
    """Playlists with their items (drag to reorder), and the content library."""

    TITLE = "Playlists & content"

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

        # Left: the playlists.
        self.playlist_list = QListWidget(self)
        self.playlist_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.playlist_list.currentItemChanged.connect(self._on_playlist_chosen)
        self.new_button = QPushButton("New\u2026", self)
        self.delete_button = QPushButton("Delete\u2026", self)
        self.default_button = QPushButton("Set as default", self)
        self.default_button.setToolTip("The default playlist plays whenever no rule matches.")
        self.new_button.clicked.connect(self.new_playlist)
        self.delete_button.clicked.connect(self.delete_playlist)
        self.default_button.clicked.connect(self.set_as_default)
        playlists_box = QGroupBox("Playlists", self)
        left = QVBoxLayout(playlists_box)
        left.addWidget(self.playlist_list, 1)
        left_buttons = QHBoxLayout()
        for button in (self.new_button, self.delete_button, self.default_button):
            left_buttons.addWidget(button)
        left.addLayout(left_buttons)

        # Middle: the selected playlist's items.
        self.items = QListWidget(self)
        self.items.setIconSize(THUMBNAIL_SIZE)
        self.items.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.items.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.items.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.items.setToolTip("Drag items to change the order they play in.")
        self.items.currentItemChanged.connect(self._on_item_chosen)
        model = self.items.model()
        for signal in (model.rowsMoved, model.rowsInserted, model.rowsRemoved):
            signal.connect(self._on_edited)
        self.duration = QDoubleSpinBox(self)
        self.duration.setRange(0.0, 3600.0)
        self.duration.setDecimals(1)
        self.duration.setSuffix(" s")
        # The minimum stands for "no time of its own": the item plays its own length.
        self.duration.setSpecialValueText("its own length")
        self.duration.setToolTip("How long this item shows in this playlist. Lowest value: the item's own length.")
        self.duration.valueChanged.connect(self._on_duration_changed)
        self.add_picker = QComboBox(self)
        self.add_picker.setToolTip("An item of the content library to add to the playlist.")
        self.add_button = QPushButton("Add item", self)
        self.remove_button = QPushButton("Remove item", self)
        self.add_button.clicked.connect(self.add_item)
        self.remove_button.clicked.connect(self.remove_item)
        self.loop = QComboBox(self)
        for policy, words in LOOP_CHOICES:
            self.loop.addItem(words, policy)
        self.loop.currentIndexChanged.connect(self._on_edited)
        self.save_button = QPushButton("Save", self)
        self.save_button.setToolTip("Save this playlist (Ctrl+S). The player picks it up at once.")
        self.revert_button = QPushButton("Discard changes", self)
        self.revert_button.setToolTip("Forget the changes and show the playlist as it is saved now.")
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        save_action = QAction("Save playlist", self)
        save_action.setShortcut(QKeySequence("Ctrl+S"))
        # Only while focus is in this tab: other tabs may use Ctrl+S for their own Save.
        save_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save_action.triggered.connect(self.save)
        self.addAction(save_action)
        self.preview_button = QPushButton("Preview video", self)
        self.preview_button.clicked.connect(self.preview)
        self.video = QVideoWidget(self)
        self.video.setFixedSize(PREVIEW_SIZE)
        self.video.hide()
        self.player = QMediaPlayer(self)
        # No audio output at all: the preview is silent, and the backend then does not
        # decode the audio either (cheaper than a muted output, as in the player).
        self.player.setVideoOutput(self.video)
        self.player.setLoops(QMediaPlayer.Loops.Infinite)
        self.player.errorOccurred.connect(self._on_preview_error)

        self.items_box = QGroupBox("Items", self)
        middle = QVBoxLayout(self.items_box)
        middle.addWidget(self.items, 1)
        duration_row = QHBoxLayout()
        duration_row.addWidget(QLabel("Show for", self))
        duration_row.addWidget(self.duration)
        duration_row.addStretch(1)
        duration_row.addWidget(self.remove_button)
        middle.addLayout(duration_row)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_picker, 1)
        add_row.addWidget(self.add_button)
        middle.addLayout(add_row)
        middle.addWidget(self.loop)
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_button)
        save_row.addWidget(self.revert_button)
        save_row.addStretch(1)
        save_row.addWidget(self.preview_button)
        middle.addLayout(save_row)
        middle.addWidget(self.video, 0, Qt.AlignmentFlag.AlignHCenter)

        # Right: the content library.
        self.library_table = QTableWidget(0, len(LIBRARY_COLUMNS), self)
        self.library_table.setHorizontalHeaderLabels(LIBRARY_COLUMNS)
        self.library_table.setIconSize(LIBRARY_ICON_SIZE)
        self.library_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.library_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.library_table.verticalHeader().hide()
        self.library_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.library_table.horizontalHeader().setStretchLastSection(True)
        self.import_button = QPushButton("Import file\u2026", self)
        self.import_button.setToolTip("Add images (PNG, JPEG, WebP) or videos (MP4, WebM, MOV, AVI) to the library.")
        self.import_button.clicked.connect(self.import_files)
        library_box = QGroupBox("Content library", self)
        right = QVBoxLayout(library_box)
        right.addWidget(self.library_table, 1)
        import_row = QHBoxLayout()
        import_row.addStretch(1)
        import_row.addWidget(self.import_button)
        right.addLayout(import_row)

        self.message = QLabel("", self)
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        for box in (playlists_box, self.items_box, library_box):
            splitter.addWidget(box)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)
        splitter.setStretchFactor(2, 2)
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
        """Stop the preview and let go of its file."""
        self.stop_preview()

    # ---- reading (also for tests) ---------------------------------------------------

    def current_playlist_name(self) -> str | None:
        """The playlist being edited, or None."""
        row = self.playlist_list.currentItem()
        return None if row is None else row.data(_NAME_ROLE)

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
        entries = tuple(
            PlaylistItem(row.data(_CONTENT_ROLE), row.data(_DURATION_ROLE))
            for row in (self.items.item(index) for index in range(self.items.count()))
        )
        return Playlist(self._stored.name, entries, self.loop.currentData(), self._stored.note)

    def item_names(self) -> list[str]:
        """The catalog names of the items on screen, in order."""
        return [self.items.item(index).data(_CONTENT_ROLE) for index in range(self.items.count())]

    def library_names(self) -> list[str]:
        """The catalog names listed in the content library."""
        return [self.library_table.item(row, 0).text() for row in range(self.library_table.rowCount())]

    def message_text(self) -> str:
        """The last message shown to the user."""
        return self.message.text()

    def is_previewing(self) -> bool:
        """Whether the video preview is playing."""
        return self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState

    # ---- playlist actions ---------------------------------------------------------

    def new_playlist(self) -> None:
        """Ask for a name and start an empty playlist (stored at the first Save)."""
        if not self._may_discard():
            return
        if self._is_new:  # the previous new playlist, never saved, goes
            self._is_new = False
            self._reload_playlist_list(select=None)
        name = self._ask_text("New playlist", "Name of the new playlist (lower-case letters, digits and _):")
        if not name:
            return
        name = name.strip()
        if name in {playlist.name for playlist in self.context.store.playlists()}:
            self._say(f"There is already a playlist called {name}: choose another name.", error=True)
            return
        try:  # the name's rules, checked now rather than at the first Save
            validated_playlist(Playlist(name, (PlaylistItem("placeholder"),)))
        except SignageError as error:
            self._say(in_words(error, "create the playlist"), error=True)
            return
        row = QListWidgetItem(f"{name} (new, not saved)")
        row.setData(_NAME_ROLE, name)
        self._loading = True
        try:
            self.playlist_list.addItem(row)
            self.playlist_list.setCurrentItem(row)
        finally:
            self._loading = False
        self._show_playlist(Playlist(name, ()), version=None, is_new=True)
        self._say(f"New playlist {name}: add items, then Save.")

    def delete_playlist(self) -> None:
        """Delete the selected playlist after asking; refused (in words) while rules use it."""
        name = self.current_playlist_name()
        if name is None:
            return
        if self._is_new:
            self._is_new = False
            self._reload_playlist_list(select=None)
            self._say(f"The new playlist {name} was never saved: it is gone.")
            return
        if not self._confirm(f"Delete the playlist {name}? The player stops using it at once."):
            return
        try:
            self.context.store.delete_playlist(name, self.context.author, expected_version=self._version)
        except SignageError as error:
            self._say(in_words(error, "delete the playlist"), error=True)
            return
        log.info("playlist %s deleted by %s", name, self.context.author)
        self._is_new = False
        self._stored = None
        self._reload_playlist_list(select=None)
        self._say(f"Deleted the playlist {name}.")
        self.context.announce("playlists")

    def set_as_default(self) -> None:
        """Make the selected (saved) playlist the one that plays when no rule matches."""
        name = self.current_playlist_name()
        if name is None or self._is_new:
            return
        try:
            self.context.store.set_default_playlist(
                name, self.context.author, expected_version=self._default_version
            )
        except SignageError as error:
            self._say(in_words(error, "set the default playlist"), error=True)
            self._reload_default()
            self._label_playlists()
            return
        self._reload_default()
        self._label_playlists()
        self._update_actions()
        self._say(f"{name} is now the default: it plays whenever no rule matches.")
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
            # The edits stay on screen: the marketer can note them, then Discard changes
            # to see what is stored now.
            self._say(in_words(error, "save the playlist"), error=True)
            return
        log.info("playlist %s saved by %s", playlist.name, self.context.author)
        self._is_new = False
        self._reload_playlist_list(select=playlist.name)
        self._say(f"Saved {playlist.name}. The player picks it up at once.")
        self.context.announce("playlists")

    def revert(self) -> None:
        """Forget the edits and show the playlist as it is stored now."""
        name = self.current_playlist_name()
        if self._is_new:
            name = None
        self._is_new = False
        self._reload_playlist_list(select=name)
        self._say("Showing the playlist as it is saved.")

    # ---- item actions -------------------------------------------------------------

    def add_item(self) -> None:
        """Append the content item chosen in the picker."""
        name = self.add_picker.currentData()
        if self._stored is None or name is None:
            return
        row = self._item_row(PlaylistItem(name))
        self.items.addItem(row)
        self.items.setCurrentItem(row)

    def remove_item(self) -> None:
        """Remove the selected item from the playlist."""
        index = self.items.currentRow()
        if index >= 0:
            self.items.takeItem(index)

    def set_item_duration(self, index: int, duration_s: float | None) -> None:
        """Give item `index` its own display time (None: the item's own length)."""
        self.items.setCurrentRow(index)
        self.duration.setValue(self.duration.minimum() if duration_s is None else duration_s)

    # ---- content actions ----------------------------------------------------------

    def import_files(self) -> None:
        """Import the files the user picks, with the checks of `signage content add`."""
        paths = self._choose_files()
        if not paths:
            return
        added, problems = [], []
        for path in paths:
            try:
                item = self.context.library.add_file(path)
            except MediaError as error:
                problems.append(in_words(error, "import"))  # the message names the file
            except SignageError as error:
                problems.append(in_words(error, f"import {Path(path).name}"))
            else:
                added.append(item.name)
                log.info("content %s imported from %s by %s", item.name, path, self.context.author)
        if added:
            self._reload_library()
            self._refresh_item_rows()
        message = [f"Imported {', '.join(added)} into the content library."] if added else []
        self._say(" ".join(message + problems), error=bool(problems))
        if added:
            self.context.announce("content")

    # ---- preview ------------------------------------------------------------------

    def preview(self) -> None:
        """Play the selected video item, muted, in the small preview."""
        row = self.items.currentItem()
        item = self._catalog.get(row.data(_CONTENT_ROLE)) if row is not None else None
        if item is None or item.kind is not ContentKind.VIDEO or not item.path:
            return
        if not Path(item.path).is_file():
            self._say(f"Could not preview {item.name}: its file {item.path} is missing.", error=True)
            return
        self.video.show()
        self.player.setSource(QUrl.fromLocalFile(item.path))
        self.player.play()

    def stop_preview(self) -> None:
        """Stop the preview and close its file."""
        self.player.stop()
        self.player.setSource(QUrl())
        self.video.hide()

    # ---- dialogs (tests replace these) ----------------------------------------------

    def _choose_files(self) -> list[Path]:
        """Ask for media files to import."""
        patterns = " ".join(f"*{suffix}" for suffix in sorted(IMAGE_EXTENSIONS | VIDEO_EXTENSIONS))
        names, _ = QFileDialog.getOpenFileNames(
            self, "Import into the content library", "", f"Images and videos ({patterns});;All files (*)"
        )
        return [Path(name) for name in names]

    def _ask_text(self, title: str, label: str) -> str | None:
        """Ask for a line of text; None when cancelled."""
        text, ok = QInputDialog.getText(self, title, label)
        return text if ok else None

    def _confirm(self, question: str) -> bool:
        """Ask a yes/no question."""
        return QMessageBox.question(self, self.TITLE, question) == QMessageBox.StandardButton.Yes

    # ---- internals ----------------------------------------------------------------

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b00020;" if error else "")
        self.message.setText(text)

    def _may_discard(self) -> bool:
        """True when there are no edits, or the user agrees to lose them."""
        if not self.has_unsaved_changes():
            return True
        return self._confirm(f"Discard your unsaved changes to the playlist {self._stored.name}?")

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
            row.setText(f"{name} (default)" if name == self._default else name)

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
        self.stop_preview()
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
        self.items_box.setTitle(f"Items of {playlist.name}" if playlist else "Items")
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
        row.setIcon(_icon(item, THUMBNAIL_SIZE))
        if item is None:
            row.setText(f"{name}\nnot in the content library: the player skips it")
            return
        shows = _seconds(item.duration_s)
        if own_s is not None:
            shows = f"{_seconds(own_s)} (own length {shows})"
        row.setText(f"{item.title}\n{KIND_WORDS[item.kind]} \u00b7 {shows}")
        row.setToolTip(f"{item.name}: {', '.join(item.tags) or 'no tags'}")

    def _refresh_item_rows(self) -> None:
        for index in range(self.items.count()):
            self._describe_row(self.items.item(index))

    def _on_item_chosen(self, current: QListWidgetItem | None, previous: QListWidgetItem | None) -> None:
        self.stop_preview()
        self._loading = True
        try:
            own_s = current.data(_DURATION_ROLE) if current is not None else None
            self.duration.setValue(self.duration.minimum() if own_s is None else own_s)
        finally:
            self._loading = False
        self._update_actions()

    def _on_duration_changed(self, value: float) -> None:
        row = self.items.currentItem()
        if self._loading or row is None:
            return
        row.setData(_DURATION_ROLE, None if value <= self.duration.minimum() else float(value))
        self._describe_row(row)
        self._on_edited()

    def _on_edited(self, *_args: object) -> None:
        if not self._loading:
            self._update_actions()

    def _update_actions(self) -> None:
        editing = self._stored is not None
        unsaved = self.has_unsaved_changes()
        row = self.items.currentItem()
        item = self._catalog.get(row.data(_CONTENT_ROLE)) if row is not None else None
        self.delete_button.setEnabled(editing)
        self.default_button.setEnabled(editing and not self._is_new and self._stored.name != self._default)
        self.add_button.setEnabled(editing and self.add_picker.count() > 0)
        self.remove_button.setEnabled(row is not None)
        self.duration.setEnabled(row is not None)
        self.loop.setEnabled(editing)
        self.save_button.setEnabled(unsaved)
        self.revert_button.setEnabled(unsaved)
        self.preview_button.setEnabled(item is not None and item.kind is ContentKind.VIDEO)
        if editing:
            self.items_box.setTitle(f"Items of {self._stored.name}" + (" (not saved)" if unsaved else ""))

    def _reload_library(self) -> None:
        items = self.context.library.items()
        self._catalog = {item.name: item for item in items}
        self.library_table.setRowCount(len(items))
        for index, item in enumerate(items):
            cells = (
                item.name,
                item.title,
                KIND_WORDS[item.kind],
                _seconds(item.duration_s),
                ", ".join(item.tags),
                item.validity(),
                "yes" if item.age_restricted else "",
            )
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column == 0:
                    cell.setIcon(_icon(item, LIBRARY_ICON_SIZE))
                self.library_table.setItem(index, column, cell)
        picked = self.add_picker.currentData()
        self.add_picker.clear()
        for item in items:
            self.add_picker.addItem(f"{item.title} ({item.name}, {KIND_WORDS[item.kind]})", item.name)
        if picked is not None and picked in self._catalog:
            self.add_picker.setCurrentIndex(self.add_picker.findData(picked))

    def _on_preview_error(self, error: QMediaPlayer.Error, text: str) -> None:
        if error != QMediaPlayer.Error.NoError:
            source = self.player.source().toLocalFile()
            self._say(f"Could not preview {Path(source).name or 'the video'}: {text or error.name}.", error=True)
            log.info("preview of %s failed: %s", source, text)
