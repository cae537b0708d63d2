"""The Playlists & content tab on a real seeded database, real media files and real widgets."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QImage, QKeySequence

from foundation.db import open_database
from playlists.model import LoopPolicy, Playlist, PlaylistItem
from playlists.store import PlaylistStore
from signage.editor.playlists_tab import THUMBNAIL_SIZE, PlaylistsTab, thumbnail_image

BRAND_LOOP = ["brand_welcome", "brand_loop", "drinks_coffee"]  # image, video, image (playlists/seed.py)


@pytest.fixture
def make_tab(qtbot):
    tabs = []

    def make(context):
        tab = PlaylistsTab(context)
        qtbot.addWidget(tab)
        tabs.append(tab)
        return tab

    yield make
    for tab in tabs:
        tab.shutdown()


@pytest.fixture
def tab(make_tab, editor_context):
    """The tab with the seeded default playlist brand_loop selected."""
    tab = make_tab(editor_context)
    assert tab.select_playlist("brand_loop")
    return tab


def stored(context, name: str) -> Playlist:
    return context.store.playlist(name)


def to_array(image: QImage) -> np.ndarray:
    """An RGB array of a QImage."""
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    array = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    return array[:, : image.width() * 3].reshape(image.height(), image.width(), 3).copy()


def test_the_playlists_are_listed_with_the_default_marked(tab):
    labels = [tab.playlist_list.item(i).text() for i in range(tab.playlist_list.count())]
    assert "brand_loop (default)" in labels and "after_school_snacks" in labels
    assert tab.item_names() == BRAND_LOOP and not tab.has_unsaved_changes()
    assert not tab.default_button.isEnabled()  # it already is the default


def test_every_kind_of_item_has_a_thumbnail(tab, editor_context):
    assert tab.select_playlist("commuter_finance")  # video, text slide, image
    kinds = {editor_context.library.item(name).kind.value for name in tab.item_names()}
    assert kinds == {"video", "text", "image"}
    for index in range(tab.items.count()):
        assert not tab.items.item(index).icon().isNull()
    for name in tab.item_names():
        image = thumbnail_image(editor_context.library.item(name))
        assert image is not None and not image.isNull()
        assert image.width() <= THUMBNAIL_SIZE.width() and image.height() <= THUMBNAIL_SIZE.height()
    # The video's thumbnail is its first frame, scaled down.
    video = editor_context.library.item("finance_markets")
    ok, frame = cv2.VideoCapture(video.path).read()
    assert ok
    thumbnail = to_array(thumbnail_image(video))
    expected = cv2.cvtColor(
        cv2.resize(frame, (thumbnail.shape[1], thumbnail.shape[0]), interpolation=cv2.INTER_AREA), cv2.COLOR_BGR2RGB
    )
    assert np.abs(thumbnail.astype(int) - expected.astype(int)).mean() < 3


def test_reordering_by_drag_and_drop_is_saved(qtbot, tab, editor_context):
    # What an InternalMove drop does to the list's model: the last item moves to the top.
    assert tab.items.model().moveRow(QModelIndex(), 2, QModelIndex(), 0)
    assert tab.item_names() == ["drinks_coffee", "brand_welcome", "brand_loop"]
    assert tab.has_unsaved_changes() and tab.save_button.isEnabled()
    with qtbot.waitSignal(editor_context.hub.changed, timeout=1000) as changed:
        tab.save_button.click()
    assert changed.args == ["playlists"]
    assert [item.content for item in stored(editor_context, "brand_loop").items] == [
        "drinks_coffee", "brand_welcome", "brand_loop"
    ]
    assert not tab.has_unsaved_changes() and "Saved brand_loop" in tab.message_text()


def test_an_item_gets_its_own_display_time_and_back(tab, editor_context):
    tab.set_item_duration(0, 5.0)
    assert "5 s (own length 8 s)" in tab.items.item(0).text()
    tab.save()
    assert stored(editor_context, "brand_loop").items[0] == PlaylistItem("brand_welcome", 5.0)
    tab.set_item_duration(0, None)
    assert tab.has_unsaved_changes()
    tab.save()
    assert stored(editor_context, "brand_loop").items[0] == PlaylistItem("brand_welcome", None)


def test_items_are_added_and_removed_and_the_loop_policy_changed(tab, editor_context):
    tab.add_picker.setCurrentIndex(tab.add_picker.findData("seniors_tea"))
    tab.add_button.click()
    tab.items.setCurrentRow(0)
    tab.remove_button.click()
    tab.loop.setCurrentIndex(tab.loop.findData(LoopPolicy.ONCE))
    assert tab.item_names() == ["brand_loop", "drinks_coffee", "seniors_tea"]
    tab.save()
    playlist = stored(editor_context, "brand_loop")
    assert [item.content for item in playlist.items] == ["brand_loop", "drinks_coffee", "seniors_tea"]
    assert playlist.loop is LoopPolicy.ONCE


def test_a_broken_file_is_refused_by_name_and_a_good_one_imported(qtbot, tab, editor_context, tmp_path, monkeypatch):
    before = tab.library_names()
    broken = tmp_path / "broken.mp4"
    broken.write_bytes(np.random.default_rng(7).integers(0, 256, 4096, dtype=np.uint8).tobytes())
    monkeypatch.setattr(tab, "_choose_files", lambda: [broken])
    with qtbot.assertNotEmitted(editor_context.hub.changed):
        tab.import_button.click()
    assert "broken.mp4" in tab.message_text() and tab.message_text().startswith("Could not import")
    assert tab.library_names() == before
    assert [item.name for item in editor_context.library.items()] == before

    picture = tmp_path / "Summer Sale.png"
    canvas = np.zeros((360, 640, 3), np.uint8)
    canvas[:, :320] = (0, 140, 255)
    assert cv2.imwrite(str(picture), canvas)
    monkeypatch.setattr(tab, "_choose_files", lambda: [picture])
    with qtbot.waitSignal(editor_context.hub.changed, timeout=1000) as changed:
        tab.import_button.click()
    assert changed.args == ["content"]
    assert editor_context.library.item("summer_sale").path == str(picture)
    assert sorted(tab.library_names()) == sorted([*before, "summer_sale"])
    assert tab.add_picker.findData("summer_sale") >= 0 and "Imported summer_sale" in tab.message_text()


def test_a_save_over_someone_elses_change_is_refused_and_reported(tab, editor_context, editor_db_path):
    tab.items.model().moveRow(QModelIndex(), 0, QModelIndex(), 3)
    mine = tab.item_names()
    other = open_database(editor_db_path)  # another editor, or the CLI
    try:
        theirs = Playlist("brand_loop", (PlaylistItem("brand_loop"),))
        PlaylistStore(other).save_playlist(theirs, "colleague", action="edit")
    finally:
        other.close()
    tab.save()
    assert "someone else changed this while you were editing" in tab.message_text()
    assert stored(editor_context, "brand_loop").items == (PlaylistItem("brand_loop"),)
    assert tab.item_names() == mine and tab.has_unsaved_changes()  # the edits are not lost
    tab.revert_button.click()
    assert tab.item_names() == ["brand_loop"] and not tab.has_unsaved_changes()


def test_a_new_playlist_is_saved_then_deleted_and_one_in_use_is_not(tab, editor_context, monkeypatch):
    monkeypatch.setattr(tab, "_ask_text", lambda title, label: "weekend_specials")
    monkeypatch.setattr(tab, "_confirm", lambda question: True)
    tab.new_button.click()
    assert tab.current_playlist_name() == "weekend_specials" and tab.has_unsaved_changes()
    tab.save()
    assert "needs at least one item" in tab.message_text()  # nothing to save yet
    tab.add_picker.setCurrentIndex(tab.add_picker.findData("beer_promo"))
    tab.add_item()
    tab.save()
    assert stored(editor_context, "weekend_specials").items == (PlaylistItem("beer_promo"),)

    tab.delete_button.click()
    assert "weekend_specials" not in {p.name for p in editor_context.store.playlists()}

    assert tab.select_playlist("brand_loop")
    tab.delete_button.click()
    assert tab.message_text().startswith("Could not delete the playlist: playlist 'brand_loop' is used by")
    assert "the default playlist setting" in tab.message_text()
    assert "brand_loop" in {p.name for p in editor_context.store.playlists()}


def test_set_as_default(tab, editor_context):
    assert tab.select_playlist("after_school_snacks")
    tab.default_button.click()
    assert editor_context.store.default_playlist() == "after_school_snacks"
    assert tab.playlist_list.currentItem().text() == "after_school_snacks (default)"


def test_switching_playlists_with_unsaved_edits_asks_first(tab, monkeypatch):
    tab.remove_item()
    monkeypatch.setattr(tab, "_confirm", lambda question: False)
    assert not tab.select_playlist("lunch_deals")
    assert tab.current_playlist_name() == "brand_loop" and tab.has_unsaved_changes()
    monkeypatch.setattr(tab, "_confirm", lambda question: True)
    assert tab.select_playlist("lunch_deals") and not tab.has_unsaved_changes()


def test_the_video_preview_plays_and_stops_on_shutdown(qtbot, tab):
    tab.items.setCurrentRow(BRAND_LOOP.index("brand_loop"))
    assert tab.preview_button.isEnabled()
    tab.preview_button.click()
    qtbot.waitUntil(tab.is_previewing, timeout=3000)
    tab.items.setCurrentRow(0)  # another item: the preview stops
    assert not tab.is_previewing() and not tab.preview_button.isEnabled()
    tab.items.setCurrentRow(BRAND_LOOP.index("brand_loop"))
    tab.preview()
    qtbot.waitUntil(tab.is_previewing, timeout=3000)
    tab.shutdown()
    assert not tab.is_previewing() and tab.player.source().isEmpty()



def test_ctrl_s_saves(tab, editor_context):
    # The offscreen platform never activates a window, so a key press cannot reach the
    # shortcut map: trigger the tab's Ctrl+S action itself.
    (save,) = [action for action in tab.actions() if action.shortcut() == QKeySequence("Ctrl+S")]
    assert save.shortcutContext() == Qt.ShortcutContext.WidgetWithChildrenShortcut
    tab.remove_item()
    save.trigger()
    assert len(stored(editor_context, "brand_loop").items) == 2 and not tab.has_unsaved_changes()
