"""The editor's main window: one tab per job, kept in step with the database.

Tabs: Rules, Suggestions, Playlists, Content, What would play, Reports. Ctrl+1..6 jump
to a tab, F5 reloads everything, Ctrl+Q quits. Every two seconds the window asks SQLite
whether another program committed (`PRAGMA data_version`); if so, tabs without unsaved
edits reload, and the status bar says so.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QTabWidget

from foundation.i18n import tr
from signage.editor.context import EditorContext

log = logging.getLogger(__name__)


class EditorWindow(QMainWindow):
    """The marketer's window onto rules, suggestions, playlists, the simulator and reports."""

    def __init__(self, context: EditorContext, poll_ms: int = 2000) -> None:
        super().__init__()
        from signage.editor.content_tab import ContentTab
        from signage.editor.playlists_tab import PlaylistsTab
        from signage.editor.reports_tab import ReportsTab
        from signage.editor.rules_tab import RulesTab
        from signage.editor.simulator_tab import SimulatorTab
        from signage.editor.suggestions_tab import SuggestionsTab

        self.context = context
        database = context.db.conn.execute("PRAGMA database_list").fetchone()[2]
        self.setWindowTitle(tr("editor.window", "signage editor - {database}", database=database))
        self.resize(1280, 800)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.setCentralWidget(self.tabs)
        self.rules = RulesTab(context)
        self.suggestions = SuggestionsTab(context)
        self.playlists = PlaylistsTab(context)
        self.content = ContentTab(context)
        self.simulator = SimulatorTab(context)
        self.reports = ReportsTab(context)
        # Each tab's TITLE is its name in the editor's language (the tab translates it).
        for tab in (self.rules, self.suggestions, self.playlists, self.content, self.simulator, self.reports):
            self.tabs.addTab(tab, tab.TITLE.replace("&", "&&"))  # a single & would mark a mnemonic
        for index in range(self.tabs.count()):
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _checked=False, i=index: self.tabs.setCurrentIndex(i))
            self.addAction(action)
        reload_action = QAction(tr("editor.window", "Reload"), self)
        reload_action.setShortcut(QKeySequence("F5"))
        reload_action.triggered.connect(lambda: self.refresh_all("reloaded"))
        self.addAction(reload_action)
        quit_action = QAction(tr("editor.window", "Quit"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        self.addAction(quit_action)
        context.hub.changed.connect(self._on_changed)
        self._data_version = self._read_data_version()
        self._poll = QTimer(self)
        self._poll.setInterval(poll_ms)
        self._poll.timeout.connect(self.check_external_changes)
        self._poll.start()
        self.statusBar().showMessage(
            tr(
                "editor.window",
                "Editing as {author}. Changes are saved at once; the player picks them up.",
                author=context.author,
            )
        )

    def check_external_changes(self) -> bool:
        """Reload when another program committed to the database; True when it did."""
        version = self._read_data_version()
        if version == self._data_version:
            return False
        self._data_version = version
        self.context.announce("external")
        return True

    def refresh_all(self, why: str = "") -> None:
        """Reload every tab that has no unsaved edits."""
        skipped = []
        for index in range(self.tabs.count()):
            tab = self.tabs.widget(index)
            if tab.has_unsaved_changes():
                skipped.append(tab.TITLE)
                continue
            tab.refresh()
        if self.playlists.has_unsaved_changes() and why in ("content", "external", "reloaded"):
            # The library beside the playlist being edited still follows: the marketer may
            # want to add what was just imported to it.
            self.playlists.reload_library()
        sentences = []
        if why == "reloaded":
            sentences.append(tr("editor.window", "Reloaded."))
        elif why == "external":
            sentences.append(tr("editor.window", "Updated with changes saved elsewhere."))
        if skipped:
            sentences.append(tr("editor.window", "Not reloaded while you edit: {tabs}.", tabs=", ".join(skipped)))
        if sentences:
            self.statusBar().showMessage(" ".join(sentences), 8000)

    def _on_changed(self, what: str) -> None:
        # Our own save also changes data_version for nobody else but us: remember it so the
        # poll does not announce it a second time as "external".
        self._data_version = self._read_data_version()
        self.refresh_all(what)

    def _read_data_version(self) -> int:
        return self.context.db.conn.execute("PRAGMA data_version").fetchone()[0]

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """Stop polling; tabs release media previews."""
        self._poll.stop()
        for index in range(self.tabs.count()):
            close = getattr(self.tabs.widget(index), "shutdown", None)
            if close is not None:
                close()
        super().closeEvent(event)
