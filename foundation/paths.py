"""Where an installation keeps its files (overridable by environment variables).

`data_dir()` holds the database (`database_path()`), the sample ads (`media_dir()`) and
the copies of imported ads (`library_dir()`).
"""

from __future__ import annotations

import os
from pathlib import Path


def data_dir() -> Path:
    """$SIGNAGE_DATA_DIR, else $XDG_DATA_HOME/signage (~/.local/share/signage)."""
    if os.environ.get("SIGNAGE_DATA_DIR"):
        return Path(os.environ["SIGNAGE_DATA_DIR"])
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "signage"


def database_path() -> Path:
    """$SIGNAGE_DB, else signage.db in `data_dir()`: catalog, playlists, rules, proof of play."""
    if os.environ.get("SIGNAGE_DB"):
        return Path(os.environ["SIGNAGE_DB"])
    return data_dir() / "signage.db"


def media_dir() -> Path:
    """Folder the built-in sample content is generated into (`data_dir()/media`)."""
    return data_dir() / "media"


def library_dir() -> Path:
    """$SIGNAGE_LIBRARY_DIR, else `data_dir()/library`: where imported ads are copied.

    `signage content add` and the editor's Import copy each file here (the catalog then
    points at the copy, so the original may be moved or deleted); the folder is the
    store's own: put nothing else in it by hand.
    """
    if os.environ.get("SIGNAGE_LIBRARY_DIR"):
        return Path(os.environ["SIGNAGE_LIBRARY_DIR"])
    return data_dir() / "library"
