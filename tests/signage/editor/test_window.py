"""The editor window: its tabs, keyboard navigation, and changes saved by other programs."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt

from foundation.db import open_database
from playlists.store import PlaylistStore
from signage.editor.window import EditorWindow


def test_the_window_has_a_tab_per_job_reachable_by_keyboard(qtbot, editor_context):
    window = EditorWindow(editor_context)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()  # shortcuts reach only the active window (offscreen too)
    qtbot.waitUntil(lambda: window.isActiveWindow(), timeout=2000)
    titles = [window.tabs.tabText(i).replace("&&", "&") for i in range(window.tabs.count())]
    assert titles == ["Rules", "Suggestions", "Playlists", "Content", "What would play", "Reports"]
    assert window.tabs.widget(3) is window.content and window.tabs.widget(2) is window.playlists
    for index in (5, 3, 0):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_1 + index), Qt.KeyboardModifier.ControlModifier)
        assert window.tabs.currentIndex() == index


def test_a_change_saved_elsewhere_reaches_every_tab(qtbot, editor_context, editor_db_path, monkeypatch):
    window = EditorWindow(editor_context, poll_ms=100)
    qtbot.addWidget(window)
    refreshed = []
    for index in range(window.tabs.count()):
        tab = window.tabs.widget(index)
        monkeypatch.setattr(tab, "refresh", lambda title=tab.TITLE: refreshed.append(title))
    # The CLI (another connection) disables a rule while the editor is open.
    other = open_database(editor_db_path)
    PlaylistStore(other).set_rule_enabled("school_uniform", False, author="cli")
    other.close()
    qtbot.waitUntil(lambda: len(refreshed) >= window.tabs.count(), timeout=3000)
    assert "saved elsewhere" in window.statusBar().currentMessage()


def test_a_tab_with_unsaved_edits_is_not_reloaded_under_the_marketer(qtbot, editor_context, monkeypatch):
    window = EditorWindow(editor_context)
    qtbot.addWidget(window)
    monkeypatch.setattr(window.rules, "has_unsaved_changes", lambda: True)
    reloaded = []
    monkeypatch.setattr(window.rules, "refresh", lambda: reloaded.append("rules"))
    window.refresh_all("external")
    assert reloaded == []
    assert "Not reloaded while you edit: Rules" in window.statusBar().currentMessage()


def test_its_own_saves_are_not_reported_as_changes_from_elsewhere(qtbot, editor_context):
    window = EditorWindow(editor_context)
    qtbot.addWidget(window)
    rule = editor_context.store.rule("school_uniform")
    editor_context.store.save_rule(dataclasses.replace(rule, priority=55), editor_context.author)
    editor_context.announce("rules")
    assert window.check_external_changes() is False


def test_a_rule_disabled_in_the_editor_changes_what_the_running_player_plays(qtbot, editor_context, editor_db_path):
    """The editor and the player on two connections to one file, as in a store."""
    import datetime as dt

    from audience.engine import build_snapshot
    from audience.types import AgeGroup, Attire, SignalState, TimeContext
    from signage.config import SignageConfig
    from foundation.clock import VideoClock
    from signage.player.controller import PlayerController
    from signage.player.settings import PlayerSettings
    from signage.player.window import PlayerWindow
    from tests.audience.builders import make_visitor

    player_db = open_database(editor_db_path)
    settings = PlayerSettings(camera="none", fullscreen=False)
    screen = PlayerWindow(settings)
    qtbot.addWidget(screen)
    clock = VideoClock(dt.datetime(2026, 11, 23, 16, 10))  # a Monday after school
    player = PlayerController(player_db, SignageConfig(player=settings), screen.surface, clock, replay=True)
    teen = make_visitor(1, AgeGroup.TEEN, age_confidence=0.9, attire=Attire.SCHOOL_UNIFORM, attire_confidence=0.9)

    def see(ts):
        player.on_snapshot(build_snapshot(ts, TimeContext.of(clock.wall_time(ts)), SignalState.OK, (teen,), 0))

    see(0.5)
    assert player.decision.rule == "students_after_school"
    window = EditorWindow(editor_context)
    qtbot.addWidget(window)
    window.rules.set_enabled("students_after_school", False)
    assert player.reload_if_changed() is True
    see(1.0)
    assert player.decision.rule == "school_uniform"  # the next rule for them, in force at once
    player.finish()
    screen.close()
    player_db.close()


def test_an_import_reaches_the_playlist_being_edited(qtbot, editor_context, tmp_path):
    from tests.content.builders import write_image

    window = EditorWindow(editor_context)
    qtbot.addWidget(window)
    window.content.library_folder = tmp_path / "library"
    assert window.playlists.select_playlist("brand_loop")
    window.playlists.remove_item()  # an unsaved edit: the playlists tab is not reloaded
    edited = window.playlists.item_names()
    window.content.import_paths([write_image(tmp_path / "Hot Soup.png")])
    assert "hot_soup" in window.playlists.library_names() and window.playlists.item_names() == edited
    assert window.playlists.choose_library_item("hot_soup")
    window.playlists.add_item()
    assert window.playlists.item_names() == [*edited, "hot_soup"]
    assert "Not reloaded while you edit: Playlists" in window.statusBar().currentMessage()
