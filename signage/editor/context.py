"""What every tab of the editor shares: the database, the stores, the author, the words.

Tabs never talk to each other directly. A tab that saved something calls
`context.announce(what)`; the window then refreshes the other tabs. Changes made by other
programs (the CLI, another editor, the player's proof of play) are noticed through
SQLite's `data_version` and announced the same way (`what="external"`).
"""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal
from sqlite_utils import Database

from content.catalog import ContentLibrary
from foundation.errors import (
    ConflictError,
    InUseError,
    MediaError,
    NotFoundError,
    SignageError,
    ValidationError,
)
from foundation.i18n import tr
from playlists.decision import RuleBook
from playlists.rulebook import load_rulebook
from playlists.store import PlaylistStore
from signage.config import SignageConfig


class ChangeHub(QObject):
    """One signal for "the stored rules, playlists or content changed"."""

    changed = Signal(str)  # what changed: "rules", "playlists", "content", "suggestions", "external"


@dataclass
class EditorContext:
    """The database and stores the editor works on, and who is editing."""

    db: Database
    config: SignageConfig = field(default_factory=SignageConfig)
    author: str = ""
    hub: ChangeHub = field(default_factory=ChangeHub)

    def __post_init__(self) -> None:
        self.store = PlaylistStore(self.db)
        self.library = ContentLibrary(self.db)
        if not self.author:
            self.author = default_author()

    def rulebook(self) -> RuleBook:
        """Rules, playlists and the catalog at one revision (what the player would load)."""
        return load_rulebook(self.store, self.library)

    def announce(self, what: str) -> None:
        """Tell the other tabs that `what` changed (after a successful save)."""
        self.hub.changed.emit(what)


def default_author() -> str:
    """The name recorded in the version history: $SIGNAGE_AUTHOR, else the login name."""
    return os.environ.get("SIGNAGE_AUTHOR") or getpass.getuser() or "editor"


def in_words(error: Exception, doing: str = "") -> str:
    """An error in words a marketer understands, starting with what could not be done.

    `doing` says what was tried, already in the editor's language
    (`tr("editor.rules", "save the rule")`); empty means saving. The sentences are
    translated whole, with `doing` a field, since Korean puts it elsewhere.
    """
    doing = doing or tr("editor", "save")
    if isinstance(error, ConflictError):
        return tr(
            "editor",
            "Could not {doing}: someone else changed this while you were editing ({error}). "
            "Reload to see their change, then make yours again.",
            doing=doing, error=error,
        )
    if isinstance(error, NotFoundError):
        return tr(
            "editor", "Could not {doing}: it no longer exists. Someone may have deleted it. ({error})",
            doing=doing, error=error,
        )
    if isinstance(error, MediaError):
        return tr("editor", "Could not {doing} the file: {error}.", doing=doing, error=error)
    if isinstance(error, (InUseError, ValidationError, SignageError)):
        return tr("editor", "Could not {doing}: {error}.", doing=doing, error=error)
    return tr(
        "editor", "Could not {doing}: an unexpected problem ({kind}: {error}).",
        doing=doing, kind=type(error).__name__, error=error,
    )
