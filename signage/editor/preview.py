"""A playlist's preview: its items in order at their display times, in a small window.

`preview_steps(playlist, catalog)` says what plays and for how long (plain Python): an
image or a text slide for its display time in the playlist (else its own), a video for
its own length, or the playlist's shorter time; items missing from the catalog are
skipped, as the player skips them. `PlaylistPreview` shows them one after another with a
label ("Item 2 of 5: Crunchy chips, 8 s"), videos muted, and Stop / Play / Close buttons.
A playlist that loops starts again after its last item; one that plays once stops there.

Time comes from a `PreviewTimer`: in the editor a single-shot `QTimer`, in the tests a
timer the test fires itself, so no test waits in real time. Closing the window stops the
timer and the video and lets go of its file.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QSize, Qt, QTimer, QUrl
from PySide6.QtGui import QImageReader, QPixmap
from PySide6.QtMultimedia import QMediaPlayer
from PySide6.QtMultimediaWidgets import QVideoWidget
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from content.model import ContentItem, ContentKind, TextSlide
from foundation.i18n import tr
from playlists.model import LoopPolicy, Playlist

log = logging.getLogger(__name__)

SCREEN_SIZE = QSize(480, 270)  # 16:9, small enough to sit beside the editor


@dataclass(frozen=True)
class PreviewStep:
    """One item of the preview: the catalog item and how long it shows."""

    item: ContentItem
    duration_s: float


def preview_steps(playlist: Playlist, catalog: Mapping[str, ContentItem]) -> tuple[PreviewStep, ...]:
    """What the preview plays, in order: each entry the catalog knows, with its display time."""
    steps = []
    for entry in playlist.items:
        item = catalog.get(entry.content)
        if item is None:
            continue  # the player skips it too
        duration_s = item.duration_s if entry.duration_s is None else entry.duration_s
        if item.kind is ContentKind.VIDEO:
            duration_s = min(duration_s, item.duration_s)  # a video never plays longer than itself
        steps.append(PreviewStep(item, max(0.1, float(duration_s))))
    return tuple(steps)


class PreviewTimer(Protocol):
    """Calls back once after a time; the preview's only source of time."""

    def start(self, seconds: float, callback: Callable[[], None]) -> None:
        """Call `callback` once after `seconds` (replacing a pending call)."""

    def stop(self) -> None:
        """Forget the pending call."""

    def is_active(self) -> bool:
        """Whether a call is pending."""


class QtPreviewTimer:
    """A `PreviewTimer` on a single-shot QTimer (the editor's)."""

    def __init__(self, parent: QWidget) -> None:
        self._timer = QTimer(parent)
        self._timer.setSingleShot(True)
        self._callback: Callable[[], None] | None = None
        self._timer.timeout.connect(self._fire)

    def start(self, seconds: float, callback: Callable[[], None]) -> None:
        """Call `callback` once after `seconds`."""
        self._callback = callback
        self._timer.start(max(1, round(seconds * 1000)))

    def stop(self) -> None:
        """Forget the pending call."""
        self._timer.stop()
        self._callback = None

    def is_active(self) -> bool:
        """Whether a call is pending."""
        return self._timer.isActive()

    def _fire(self) -> None:
        callback, self._callback = self._callback, None
        if callback is not None:
            callback()


def _seconds(value: float) -> str:
    return f"{value:g}"


class PlaylistPreview(QWidget):
    """A small window playing one playlist's items in order, muted, at their display times."""

    def __init__(
        self,
        playlist: Playlist,
        catalog: Mapping[str, ContentItem],
        parent: QWidget | None = None,
        timer: PreviewTimer | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.playlist = playlist
        self.steps = preview_steps(playlist, catalog)
        self._index = -1  # the step on screen; -1: none
        self._timer = timer if timer is not None else QtPreviewTimer(self)
        self.setWindowTitle(tr("editor.preview", "Preview of {playlist}", playlist=playlist.name))

        self.screen_area = QStackedWidget(self)
        self.screen_area.setFixedSize(SCREEN_SIZE)
        self.picture = QLabel(self)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setStyleSheet("background: black; color: #c0c0c0;")
        self.slide = QLabel(self)
        self.slide.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.slide.setWordWrap(True)
        self.slide.setTextFormat(Qt.TextFormat.PlainText)
        self.video = QVideoWidget(self)
        for page in (self.picture, self.slide, self.video):
            self.screen_area.addWidget(page)
        self.player = QMediaPlayer(self)
        # No audio output at all: the preview is silent, as in the playlists tab.
        self.player.setVideoOutput(self.video)
        self.player.errorOccurred.connect(self._on_video_error)

        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.stop_button = QPushButton(tr("editor.preview", "Stop"), self)
        self.play_button = QPushButton(tr("editor.preview", "Play from the start"), self)
        self.close_button = QPushButton(tr("editor.preview", "Close"), self)
        self.stop_button.clicked.connect(self.stop)
        self.play_button.clicked.connect(lambda: self.play(0))
        self.close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.stop_button)
        buttons.addWidget(self.play_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.screen_area, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.label)
        layout.addLayout(buttons)
        self._show_nothing(tr("editor.preview", "Stopped."))

    # ---- playing ------------------------------------------------------------------

    def play(self, start_at: int = 0) -> None:
        """Play from step `start_at` (clamped to the playlist)."""
        if not self.steps:
            self._show_nothing(
                tr("editor.preview", "Nothing to play: none of the playlist's items is in the content library.")
            )
            return
        self._show(min(max(0, start_at), len(self.steps) - 1))

    def advance(self) -> None:
        """The current item's time is up: show the next one (or stop after the last one of a
        playlist that plays once)."""
        if self._index < 0:
            return
        following = self._index + 1
        if following >= len(self.steps):
            if self.playlist.loop is not LoopPolicy.LOOP:
                self._release_video()
                self._show_nothing(
                    tr("editor.preview", "Finished: this playlist plays once, then the rules choose again.")
                )
                return
            following = 0
        self._show(following)

    def stop(self) -> None:
        """Stop playing and let go of the video file."""
        self._timer.stop()
        self._release_video()
        self._show_nothing(tr("editor.preview", "Stopped."))

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """Stop the timer and the video before the window goes."""
        self.stop()
        super().closeEvent(event)

    # ---- reading (also for tests) ---------------------------------------------------

    def current_index(self) -> int:
        """The step on screen (0-based), or -1 when stopped."""
        return self._index

    def label_text(self) -> str:
        """The line under the picture."""
        return self.label.text()

    def is_running(self) -> bool:
        """Whether an item is on screen with its time running."""
        return self._index >= 0 and self._timer.is_active()

    def video_source(self) -> str:
        """The video file being played, or ''."""
        return self.player.source().toLocalFile()

    # ---- internals ----------------------------------------------------------------

    def _show(self, index: int) -> None:
        self._index = index
        step = self.steps[index]
        item = step.item
        self.label.setText(
            tr(
                "editor.preview",
                "Item {number} of {count}: {title}, {seconds} s",
                number=index + 1,
                count=len(self.steps),
                title=item.title,
                seconds=_seconds(step.duration_s),
            )
        )
        if item.kind is ContentKind.VIDEO:
            self._play_video(item)
        else:
            self._release_video()
            if item.kind is ContentKind.TEXT:
                self._show_slide(item)
            else:
                self._show_picture(item)
        self._timer.start(step.duration_s, self.advance)

    def _show_picture(self, item: ContentItem) -> None:
        reader = QImageReader(item.path or "")
        reader.setAutoTransform(True)
        if reader.size().isValid():
            reader.setScaledSize(reader.size().scaled(SCREEN_SIZE, Qt.AspectRatioMode.KeepAspectRatio))
        image = reader.read()
        if image.isNull():
            self.picture.setPixmap(QPixmap())
            self.picture.setText(
                tr("editor.preview", "The file {file} cannot be read.", file=Path(item.path or "").name)
            )
        else:
            self.picture.setText("")
            self.picture.setPixmap(QPixmap.fromImage(image))
        self.screen_area.setCurrentWidget(self.picture)

    def _show_slide(self, item: ContentItem) -> None:
        slide = item.text or TextSlide()
        self.slide.setStyleSheet(f"background: {slide.background}; color: {slide.foreground}; font-size: 18px;")
        self.slide.setText(f"{item.title}\n\n{slide.body}" if slide.body else item.title)
        self.screen_area.setCurrentWidget(self.slide)

    def _play_video(self, item: ContentItem) -> None:
        self.screen_area.setCurrentWidget(self.video)
        if not item.path or not Path(item.path).is_file():
            self._release_video()
            self.picture.setPixmap(QPixmap())
            self.picture.setText(tr("editor.preview", "The file {file} is missing.", file=Path(item.path or "").name))
            self.screen_area.setCurrentWidget(self.picture)
            return
        self.player.setSource(QUrl.fromLocalFile(item.path))
        self.player.play()

    def _release_video(self) -> None:
        self.player.stop()
        self.player.setSource(QUrl())

    def _show_nothing(self, words: str) -> None:
        self._index = -1
        self.picture.setPixmap(QPixmap())
        self.picture.setText("")
        self.screen_area.setCurrentWidget(self.picture)
        self.label.setText(words)

    def _on_video_error(self, error: QMediaPlayer.Error, text: str) -> None:
        if error != QMediaPlayer.Error.NoError:
            log.info("preview of %s failed: %s", self.video_source(), text)
            self.label.setText(
                tr(
                    "editor.preview",
                    "The video {file} cannot be played: {reason}",
                    file=Path(self.video_source()).name,
                    reason=text or error.name,
                )
            )
