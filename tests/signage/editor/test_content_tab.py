"""The Content tab on a real seeded database and real media files: editing, removing, importing, dropping."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from content.catalog import ContentLibrary
from content.probe import probe_media
from foundation.db import open_database
from signage.editor.content_tab import ContentTab
from tests.content.builders import cut_file, write_image, write_video


@pytest.fixture
def library_folder(tmp_path):
    return tmp_path / "data" / "library"


@pytest.fixture
def tab(qtbot, editor_context, library_folder):
    tab = ContentTab(editor_context, library_folder=library_folder)
    qtbot.addWidget(tab)
    yield tab
    tab.shutdown()


def stored(editor_db_path, name):
    """The item as another program (the player) reads it from the database file."""
    db = open_database(editor_db_path)
    try:
        return ContentLibrary(db).item(name)
    finally:
        db.close()


def test_tags_dates_18_plus_and_title_are_saved_to_the_database(qtbot, tab, editor_context, editor_db_path):
    assert tab.select("snacks_chips")
    tab.title_edit.setText("Crunchy chips, 2 for 3")
    tab.tags_edit.setText("Snacks, salty, After School")
    tab.valid_from_edit.setText("2026-12-01")
    tab.valid_until_edit.setText("2026-12-31")
    tab.age_restricted.setChecked(True)
    assert tab.has_unsaved_changes() and tab.save_button.isEnabled()

    with qtbot.waitSignal(editor_context.hub.changed, timeout=1000) as changed:
        tab.save_button.click()

    assert changed.args == ["content"]
    item = stored(editor_db_path, "snacks_chips")
    assert item.title == "Crunchy chips, 2 for 3"
    assert item.tags == ("snacks", "salty", "after_school")
    assert (item.valid_from, item.valid_until) == (dt.date(2026, 12, 1), dt.date(2026, 12, 31))
    assert item.age_restricted
    assert tab.message_text() == "Saved snacks_chips. The player uses the new settings at once."
    assert not tab.has_unsaved_changes() and tab.tags_edit.text() == "snacks, salty, after_school"
    row = tab.names().index("snacks_chips")
    assert tab.table.item(row, 5).text() == "2026-12-01 to 2026-12-31" and tab.table.item(row, 6).text() == "yes"

    # Emptied dates mean "no limit" again.
    tab.valid_from_edit.setText("")
    tab.valid_until_edit.setText(" ")
    tab.save()
    item = stored(editor_db_path, "snacks_chips")
    assert item.valid_from is None and item.valid_until is None


def test_a_bad_field_gets_a_sentence_beside_it_and_nothing_is_saved(qtbot, tab, editor_context, editor_db_path):
    before = stored(editor_db_path, "drinks_coffee")
    assert tab.select("drinks_coffee")
    tab.valid_from_edit.setText("2026-02-30")
    tab.tags_edit.setText("coffee, !!!")
    with qtbot.assertNotEmitted(editor_context.hub.changed):
        tab.save()
    assert tab.field_error("valid_from") == "2026-02-30 is not a date: write it as YYYY-MM-DD, for example 2026-12-31."
    assert tab.field_error("tags") == "Separate tags with commas; each tag needs at least one letter or digit."
    assert tab.field_error("title") == "" and tab.field_error("valid_until") == ""
    assert tab.message_text() == "Nothing was saved: correct the fields marked in red."
    assert stored(editor_db_path, "drinks_coffee") == before
    assert tab.has_unsaved_changes()  # the marketer's typing is kept, to correct

    tab.tags_edit.setText("coffee")
    tab.valid_from_edit.setText("2026-12-31")
    tab.valid_until_edit.setText("2026-12-01")
    tab.title_edit.setText("  ")
    tab.save()
    assert tab.field_error("valid_from") == "" and tab.field_error("tags") == ""
    assert tab.field_error("valid_until") == "The last day comes before the first day (2026-12-31)."
    assert tab.field_error("title").startswith("Give the item a title")
    assert stored(editor_db_path, "drinks_coffee") == before


def test_removing_an_item_playlists_use_is_refused_naming_them(tab, editor_context, monkeypatch):
    asked = []
    monkeypatch.setattr(tab, "_confirm", lambda question: asked.append(question) or True)
    assert tab.select("brand_welcome")
    users = tab.playlists_using("brand_welcome")
    assert "brand_loop" in users
    tab.remove_button.click()
    assert asked == [] and editor_context.library.find("brand_welcome") is not None
    if len(users) == 1:
        expected = f"brand_welcome cannot be removed: it is in 1 playlist ({users[0]}). Take it out of it first."
    else:
        expected = (
            f"brand_welcome cannot be removed: it is in {len(users)} playlists ({', '.join(users)})."
            " Take it out of them first."
        )
    assert tab.message_text() == expected


def test_an_unused_item_is_removed_after_asking(tmp_path, tab, editor_context, monkeypatch):
    tab.import_paths([write_image(tmp_path / "spare.png")])
    assert tab.current_name() == "spare"
    monkeypatch.setattr(tab, "_confirm", lambda question: False)
    tab.remove_item()
    assert editor_context.library.find("spare") is not None
    monkeypatch.setattr(tab, "_confirm", lambda question: True)
    tab.remove_item()
    assert editor_context.library.find("spare") is None and "spare" not in tab.names()
    assert tab.message_text() == "Removed spare from the content library."


def test_import_copies_into_the_library_folder_and_the_original_may_vanish(
    qtbot, tmp_path, tab, editor_context, editor_db_path, library_folder, monkeypatch
):
    original = write_video(tmp_path / "downloads" / "Winter Promo.mp4", frame_count=50)
    monkeypatch.setattr(tab, "_choose_files", lambda: [original])
    with qtbot.waitSignal(editor_context.hub.changed, timeout=1000) as changed:
        tab.import_button.click()
    assert changed.args == ["content"]
    assert tab.message_text() == "Imported 1 file into the content library: winter_promo."
    copy = library_folder / "Winter Promo.mp4"
    original.unlink()
    item = stored(editor_db_path, "winter_promo")
    assert item.path == str(copy) and probe_media(item.path).duration_s == 2.0
    assert tab.current_name() == "winter_promo" and str(copy) in tab.about.text()


def test_a_broken_file_is_refused_with_its_reason_and_nothing_is_copied(tmp_path, tab, editor_context, library_folder):
    before = tab.names()
    broken = tmp_path / "broken.mp4"
    broken.write_bytes(np.random.default_rng(7).integers(0, 256, 4096, dtype=np.uint8).tobytes())
    results = tab.import_paths([broken])
    assert results == []
    assert tab.message_text().startswith("Could not import broken.mp4: ")
    assert tab.names() == before and [item.name for item in editor_context.library.items()] == before
    assert not library_folder.exists() or list(library_folder.iterdir()) == []


def _drop(widget, paths) -> QDropEvent:
    """Drop local files on `widget` as a file manager does: an enter, then the drop."""
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    enter = QDragEnterEvent(
        QPoint(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(widget, drop)
    return drop


def test_dropped_files_are_imported_and_a_broken_one_refused(tmp_path, tab, editor_context, library_folder):
    good = write_image(tmp_path / "Hot Soup.png")
    twin = write_image(tmp_path / "other" / "Hot Soup.png", seed=5)  # same name, other picture
    cut = cut_file(write_video(tmp_path / "cut.mp4", frame_count=50))

    drop = _drop(tab, [good, twin, cut])

    assert drop.isAccepted()
    assert editor_context.library.item("hot_soup").path == str(library_folder / "Hot Soup.png")
    assert editor_context.library.item("hot_soup_2").path == str(library_folder / "Hot Soup-2.png")
    message = tab.message_text()
    assert message.startswith("Imported 2 files into the content library: hot_soup, hot_soup_2.")
    assert "Could not import cut.mp4: truncated" in message
    assert sorted(path.name for path in library_folder.iterdir()) == ["Hot Soup-2.png", "Hot Soup.png"]

    # The same file dropped again is recognised, not copied twice.
    _drop(tab, [good])
    assert tab.message_text() == "Hot Soup.png is already in the library as hot_soup."
    assert len(list(library_folder.iterdir())) == 2


def test_a_drag_of_anything_but_local_files_is_not_accepted(tab):
    data = QMimeData()
    data.setText("hello")
    enter = QDragEnterEvent(
        QPoint(5, 5), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(tab, enter)
    assert not enter.isAccepted()


def test_switching_items_with_unsaved_edits_asks_first(tab, monkeypatch):
    assert tab.select("seniors_tea")
    tab.tags_edit.setText("tea, calm")
    monkeypatch.setattr(tab, "_confirm", lambda question: False)
    assert not tab.select("beer_promo")
    assert tab.current_name() == "seniors_tea" and tab.tags_edit.text() == "tea, calm"
    monkeypatch.setattr(tab, "_confirm", lambda question: True)
    assert tab.select("beer_promo") and not tab.has_unsaved_changes()
    assert tab.age_restricted.isChecked()  # the sample beer ad is for adults only


def test_the_tab_speaks_korean(qtbot, tmp_path, editor_context, library_folder, qapp, monkeypatch):
    from signage.i18n_qt import install_qt_translator, uninstall_qt_translator

    install_qt_translator(qapp, "ko")
    try:
        tab = ContentTab(editor_context, library_folder=library_folder)
        qtbot.addWidget(tab)
        assert tab.TITLE == "콘텐츠" and tab.age_restricted.text() == "성인 전용(18+)"
        assert tab.select("drinks_coffee")
        tab.valid_until_edit.setText("2026-13-01")
        tab.save()
        assert tab.field_error("valid_until") == (
            "2026-13-01은(는) 날짜가 아닙니다. YYYY-MM-DD 형식으로 입력해 주십시오(예: 2026-12-31)."
        )
        assert tab.message_text() == "저장되지 않았습니다. 빨간색으로 표시된 칸을 고쳐 주십시오."
        seen = []
        monkeypatch.setattr(tab, "_say", lambda text, error=False: seen.append(text))
        tab.import_paths([write_image(tmp_path / "과자 할인.png")])
        assert seen[0] == "과자 할인.png을(를) 라이브러리로 복사하는 중입니다…"
    finally:
        uninstall_qt_translator(qapp)


def test_a_korean_named_file_is_imported_with_a_generated_name_and_its_title(
    tmp_path, tab, editor_context, editor_db_path, library_folder
):
    from content.catalog import file_sha256

    image = write_image(tmp_path / "downloads" / "과자 할인.png")
    name = "image_" + file_sha256(image)[:8]

    results = tab.import_paths([image])

    assert [result.item.name for result in results] == [name]
    assert tab.message_text() == f"Imported 1 file into the content library: {name}."
    item = stored(editor_db_path, name)
    assert item.title == "과자 할인" and item.path == str(library_folder / "과자 할인.png")
    assert tab.current_name() == name and tab.title_edit.text() == "과자 할인"


def test_while_a_file_is_copied_the_cursor_waits_and_the_message_says_so(tmp_path, tab, editor_context, monkeypatch):
    image = write_image(tmp_path / "Big Poster.png")
    seen = []
    real_import = editor_context.library.import_file

    def watched(path, folder, **settings):
        cursor = QApplication.overrideCursor()
        seen.append((tab.message_text(), cursor.shape() if cursor else None, tab.import_button.isEnabled()))
        assert tab.import_paths([image]) == []  # a drop meanwhile does not start a second import
        return real_import(path, folder, **settings)

    monkeypatch.setattr(editor_context.library, "import_file", watched)
    tab.import_paths([image])

    assert seen == [("Copying Big Poster.png into the library\u2026", Qt.CursorShape.WaitCursor, False)]
    assert QApplication.overrideCursor() is None and tab.import_button.isEnabled()
    assert tab.message_text() == "Imported 1 file into the content library: big_poster."


def test_the_cursor_is_restored_when_an_import_fails_unexpectedly(tmp_path, tab, editor_context, monkeypatch):
    def broken(path, folder, **settings):
        raise RuntimeError("bug")

    monkeypatch.setattr(editor_context.library, "import_file", broken)
    with pytest.raises(RuntimeError):
        tab.import_paths([write_image(tmp_path / "x.png")])
    assert QApplication.overrideCursor() is None and tab.import_button.isEnabled()
