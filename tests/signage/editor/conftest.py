"""Fixtures of the editor tests: a seeded database file and an editor context on it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from content.catalog import ContentLibrary
from foundation.db import open_database
from playlists.rulebook import seed_if_new
from playlists.store import PlaylistStore


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory) -> Path:
    """A database with the sample content and the seed rules, made once per session."""
    folder = tmp_path_factory.mktemp("editor-template")
    db = open_database(folder / "signage.db")
    seed_if_new(PlaylistStore(db), ContentLibrary(db), folder / "media")
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return folder


@pytest.fixture
def editor_db_path(seeded_template, tmp_path) -> Path:
    """A fresh copy of the seeded database for one test (the media files are shared)."""
    path = tmp_path / "signage.db"
    shutil.copy(seeded_template / "signage.db", path)
    return path


@pytest.fixture
def editor_context(editor_db_path):
    """An EditorContext on the test's database, author 'tester'."""
    from signage.editor.context import EditorContext

    context = EditorContext(open_database(editor_db_path), author="tester")
    yield context
    context.db.close()
