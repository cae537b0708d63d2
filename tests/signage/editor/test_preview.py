"""The playlist preview on the seeded library's real files, on a timer the test fires."""

from __future__ import annotations

import pytest

from playlists.model import LoopPolicy, Playlist, PlaylistItem
from signage.editor.preview import PlaylistPreview, QtPreviewTimer, preview_steps


class ManualTimer:
    """A PreviewTimer the test fires: it remembers what it was asked to wait."""

    def __init__(self) -> None:
        self.requested_s: list[float] = []
        self._callback = None

    def start(self, seconds, callback) -> None:
        self.requested_s.append(seconds)
        self._callback = callback

    def stop(self) -> None:
        self._callback = None

    def is_active(self) -> bool:
        return self._callback is not None

    def fire(self) -> None:
        callback, self._callback = self._callback, None
        assert callback is not None, "nothing is waiting"
        callback()


@pytest.fixture
def catalog(editor_context):
    return editor_context.library.items_by_name()


@pytest.fixture
def make_preview(qtbot):
    windows = []

    def make(playlist, catalog):
        timer = ManualTimer()
        window = PlaylistPreview(playlist, catalog, timer=timer)
        qtbot.addWidget(window)
        windows.append(window)
        return window, timer

    yield make
    for window in windows:
        window.close()


MIXED = Playlist(
    "mixed",
    (
        PlaylistItem("brand_welcome"),  # image, its own 8 s
        PlaylistItem("gone_from_the_library"),  # skipped, as the player skips it
        PlaylistItem("brand_loop", 60.0),  # video: never longer than itself
        PlaylistItem("drinks_coffee", 3.0),  # image with a time of its own
    ),
)


def test_the_steps_are_the_known_items_at_their_display_times(catalog):
    steps = preview_steps(MIXED, catalog)
    assert [step.item.name for step in steps] == ["brand_welcome", "brand_loop", "drinks_coffee"]
    assert [step.duration_s for step in steps] == [
        catalog["brand_welcome"].duration_s,
        catalog["brand_loop"].duration_s,
        3.0,
    ]
    assert catalog["brand_loop"].duration_s < 60.0
    shorter = Playlist("short", (PlaylistItem("brand_loop", 1.5),))
    assert preview_steps(shorter, catalog)[0].duration_s == 1.5


def test_it_plays_each_item_for_its_time_and_loops(make_preview, catalog):
    window, timer = make_preview(MIXED, catalog)
    window.show()
    window.play()
    welcome = catalog["brand_welcome"]
    assert window.label_text() == f"Item 1 of 3: {welcome.title}, {welcome.duration_s:g} s"
    assert timer.requested_s == [welcome.duration_s] and window.is_running()
    assert window.picture.pixmap() is not None and not window.picture.pixmap().isNull()  # the image is drawn

    timer.fire()
    video = catalog["brand_loop"]
    assert window.current_index() == 1 and window.label_text().startswith(f"Item 2 of 3: {video.title}, ")
    assert window.video_source() == video.path and window.screen_area.currentWidget() is window.video

    timer.fire()
    assert window.label_text() == f"Item 3 of 3: {catalog['drinks_coffee'].title}, 3 s"
    assert window.video_source() == ""  # the video's file is let go as soon as it is off screen
    timer.fire()
    assert window.current_index() == 0  # LOOP: from the start again
    assert timer.requested_s == [welcome.duration_s, video.duration_s, 3.0, welcome.duration_s]


def test_a_playlist_played_once_stops_after_its_last_item(make_preview, catalog):
    once = Playlist("once", (PlaylistItem("finance_headlines"), PlaylistItem("drinks_coffee")), LoopPolicy.ONCE)
    window, timer = make_preview(once, catalog)
    window.play(1)
    assert window.label_text().startswith("Item 2 of 2: ")
    timer.fire()
    assert window.current_index() == -1 and not window.is_running()
    assert window.label_text().startswith("Finished: this playlist plays once")


def test_a_text_slide_shows_its_words_in_its_colours(make_preview, catalog):
    slide = catalog["finance_headlines"]
    window, _ = make_preview(Playlist("text", (PlaylistItem(slide.name),)), catalog)
    window.play()
    assert window.screen_area.currentWidget() is window.slide
    assert window.slide.text().startswith(slide.title)
    assert slide.text.background in window.slide.styleSheet()


def test_stop_and_close_stop_the_timer_and_let_go_of_the_video(make_preview, catalog):
    window, timer = make_preview(MIXED, catalog)
    window.show()
    window.play(1)
    assert window.video_source() == catalog["brand_loop"].path and timer.is_active()
    window.stop_button.click()
    assert not timer.is_active() and window.video_source() == "" and window.label_text() == "Stopped."
    window.play_button.click()
    assert window.current_index() == 0 and timer.is_active()
    window.play(1)
    window.close_button.click()
    assert not window.isVisible() and not timer.is_active() and window.video_source() == ""


def test_nothing_to_play_says_so(make_preview, catalog):
    window, timer = make_preview(Playlist("empty", (PlaylistItem("nowhere"),)), catalog)
    window.play()
    assert "none of the playlist's items is in the content library" in window.label_text()
    assert timer.requested_s == []


def test_the_qt_timer_starts_and_stops_without_waiting(qtbot):
    from PySide6.QtWidgets import QWidget

    owner = QWidget()
    qtbot.addWidget(owner)
    timer = QtPreviewTimer(owner)
    timer.start(30.0, lambda: None)
    assert timer.is_active() and timer._timer.interval() == 30_000  # noqa: SLF001
    timer.stop()
    assert not timer.is_active()
