"""The Playlists tab on a real seeded database, real media files and real widgets."""

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
    assert tab.choose_library_item("seniors_tea")
    tab.add_button.click()
    tab.items.setCurrentRow(0)
    tab.remove_button.click()
    tab.loop.setCurrentIndex(tab.loop.findData(LoopPolicy.ONCE))
    assert tab.item_names() == ["brand_loop", "drinks_coffee", "seniors_tea"]
    tab.save()
    playlist = stored(editor_context, "brand_loop")
    assert [item.content for item in playlist.items] == ["brand_loop", "drinks_coffee", "seniors_tea"]
    assert playlist.loop is LoopPolicy.ONCE


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
    assert tab.choose_library_item("beer_promo")
    tab.add_item()
    tab.save()
    assert stored(editor_context, "weekend_specials").items == (PlaylistItem("beer_promo"),)

    tab.delete_button.click()
    assert "weekend_specials" not in {p.name for p in editor_context.store.playlists()}

    # One that rules and the default setting use: refused before anything is asked.
    asked = []
    monkeypatch.setattr(tab, "_confirm", lambda question: asked.append(question) or True)
    assert tab.select_playlist("brand_loop")
    tab.delete_button.click()
    assert asked == []
    assert tab.message_text() == (
        "brand_loop cannot be deleted: it is the default playlist, which plays whenever no rule matches."
        " Make another playlist the default first."
    )
    assert "brand_loop" in {p.name for p in editor_context.store.playlists()}


def test_deleting_a_playlist_rules_play_is_refused_naming_them_before_asking(tab, editor_context, monkeypatch):
    asked = []
    monkeypatch.setattr(tab, "_confirm", lambda question: asked.append(question) or True)
    users = sorted(rule.name for rule in editor_context.store.rules() if rule.playlist == "after_school_snacks")
    assert users  # the seed's rules play it
    assert tab.select_playlist("after_school_snacks")
    tab.delete_button.click()
    assert asked == [] and "after_school_snacks" in {p.name for p in editor_context.store.playlists()}
    count = f"{len(users)} rule plays it" if len(users) == 1 else f"{len(users)} rules play it"
    assert tab.message_text() == (
        f"after_school_snacks cannot be deleted: {count} ({', '.join(users)}). Change or delete those rules first."
    )


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


def test_ctrl_s_saves(tab, editor_context):
    # The offscreen platform never activates a window, so a key press cannot reach the
    # shortcut map: trigger the tab's Ctrl+S action itself.
    (save,) = [action for action in tab.actions() if action.shortcut() == QKeySequence("Ctrl+S")]
    assert save.shortcutContext() == Qt.ShortcutContext.WidgetWithChildrenShortcut
    tab.remove_item()
    save.trigger()
    assert len(stored(editor_context, "brand_loop").items) == 2 and not tab.has_unsaved_changes()


def action_for(tab, keys: str):
    (action,) = [a for a in tab.actions() if QKeySequence(keys) in a.shortcuts()]
    assert action.shortcutContext() == Qt.ShortcutContext.WidgetWithChildrenShortcut
    return action


def test_every_kind_of_edit_is_undone_and_redone_until_saved(tab, editor_context):
    undo, redo = action_for(tab, "Ctrl+Z"), action_for(tab, "Ctrl+Shift+Z")
    assert not tab.undo_button.isEnabled() and not tab.undo_stack.canUndo()
    assert tab.choose_library_item("seniors_tea")
    tab.add_item()  # add
    tab.items.setCurrentRow(0)
    tab.remove_item()  # remove
    tab.move_item(0, 2)  # move: brand_loop to the end
    tab.set_item_duration(0, 4.0)  # a display time, typed in steps: one edit
    tab.set_item_duration(0, 5.0)
    tab.loop.setCurrentIndex(tab.loop.findData(LoopPolicy.ONCE))  # loop policy
    final = tab.edited_playlist()
    assert [item.content for item in final.items] == ["drinks_coffee", "seniors_tea", "brand_loop"]
    assert final.items[0].duration_s == 5.0 and final.loop == LoopPolicy.ONCE
    assert tab.undo_stack.count() == 5 and tab.undo_button.toolTip() == "Undo: change the loop policy (Ctrl+Z)"

    undo.trigger()
    assert tab.loop.currentData() == LoopPolicy.LOOP
    undo.trigger()
    assert tab.edited_playlist().items[0] == PlaylistItem("drinks_coffee")
    undo.trigger()
    assert tab.item_names() == ["brand_loop", "drinks_coffee", "seniors_tea"]
    undo.trigger()
    assert tab.item_names() == [*BRAND_LOOP, "seniors_tea"]
    undo.trigger()
    assert tab.item_names() == BRAND_LOOP and not tab.has_unsaved_changes() and not tab.undo_button.isEnabled()
    for _ in range(5):
        redo.trigger()
    assert tab.edited_playlist() == final and tab.has_unsaved_changes()

    tab.save()
    assert stored(editor_context, "brand_loop").items == final.items
    assert not tab.undo_stack.canUndo() and not tab.undo_button.isEnabled()  # saved: a new history


def test_an_edit_after_an_undo_drops_what_could_be_redone(tab):
    tab.remove_item()
    tab.undo_button.click()
    assert tab.redo_button.isEnabled()
    tab.move_item(0, 1)
    assert not tab.redo_button.isEnabled() and tab.item_names() == ["brand_loop", "brand_welcome", "drinks_coffee"]


def test_a_library_item_dropped_on_the_playlist_goes_where_it_is_dropped(qtbot, tab):
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QApplication

    tab.resize(1200, 700)
    tab.show()
    qtbot.waitExposed(tab)
    assert tab.choose_library_item("snacks_chips")
    data = tab.library_list.mimeData([tab.library_list.currentItem()])  # what dragging the row carries
    second = tab.items.visualRect(tab.items.model().index(1, 0))
    point = QPointF(second.center().x(), second.top() + 2)  # on the upper edge of row 2: before it
    # As a real drag: the enter (Qt then knows the target), then the drop.
    enter = QDragEnterEvent(point.toPoint(), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(tab.items.viewport(), enter)
    assert enter.isAccepted()
    drop = QDropEvent(point, Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(tab.items.viewport(), drop)
    assert drop.isAccepted()
    assert tab.item_names() == ["brand_welcome", "snacks_chips", "brand_loop", "drinks_coffee"]
    assert tab.items.currentRow() == 1 and tab.has_unsaved_changes()
    tab.undo_button.click()
    assert tab.item_names() == BRAND_LOOP


def test_the_preview_plays_the_playlist_on_screen_and_closes_with_the_tab(tab, editor_context):
    from tests.signage.editor.test_preview import ManualTimer

    timers = []
    tab.preview_timer_factory = lambda parent: timers.append(ManualTimer()) or timers[-1]
    tab.set_item_duration(0, 3.0)  # not saved: the preview plays what is on screen
    tab.items.setCurrentRow(0)
    window = tab.preview()
    assert window is tab.preview_window and window.isVisible()
    title = editor_context.library.item("brand_welcome").title
    assert window.label_text() == f"Item 1 of 3: {title}, 3 s" and timers[0].requested_s == [3.0]
    timers[0].fire()
    assert window.video_source() == editor_context.library.item("brand_loop").path
    tab.shutdown()
    assert tab.preview_window is None and not window.isVisible()
    assert window.video_source() == "" and not timers[0].is_active()


def test_the_tab_speaks_korean(qtbot, editor_context, qapp):
    from signage.i18n_qt import install_qt_translator, uninstall_qt_translator

    install_qt_translator(qapp, "ko")
    try:
        tab = PlaylistsTab(editor_context)
        qtbot.addWidget(tab)
        assert tab.TITLE == "재생 목록" and tab.undo_button.text() == "실행 취소"
        assert tab.select_playlist("after_school_snacks")
        tab.delete_button.click()
        assert "삭제할 수 없습니다" in tab.message_text() and "after_school_snacks" in tab.message_text()
    finally:
        uninstall_qt_translator(qapp)
