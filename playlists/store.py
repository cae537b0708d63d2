"""Playlists and rules in the database, with the full history of every change.

Each rule and playlist is one JSON document (the dict of `playlists.codec`) keyed by its
name, with its current version number. The default playlist is a setting stored the same
way (kind `setting`, name `default_playlist`). Every change — create, edit, enable,
disable, delete, restore, import — appends a row to `playlists_history`: who (author),
when (UTC, ISO 8601), what (the action and the full JSON of the new state; NULL for a
deletion). A change that would store exactly what is already there is not a change: it
writes nothing and returns the current version.

Versions count per (kind, name) across deletions: a rule deleted at version 3 and created
again starts at version 4, so `restore` can always name any earlier state.

`revision()` is the id of the newest history row: it grows with every change, so a
running player polls it (one indexed read) and reloads only when it moved.

Concurrency: every change runs in one `BEGIN IMMEDIATE` transaction, which takes
SQLite's write lock before reading the current version. Two editors (the CLI and the
GUI, or two CLIs) are thus serialised, and `expected_version` turns a stale edit into a
`ConflictError` instead of a silent overwrite. The player reads through WAL snapshots
and never blocks a writer.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Generic, TypeVar

from sqlite_utils import Database

from foundation.db import migrate, read_transaction, write_transaction
from playlists.codec import (
    RuleDocument,
    StoredNames,
    playlist_from_dict,
    playlist_to_dict,
    rule_from_dict,
    rule_to_dict,
    suggest_names,
    validated_playlist,
    validated_rule,
)
from playlists.model import Playlist, Rule, RuleOrigin
from foundation.errors import ConflictError, InUseError, NotFoundError, ValidationError

log = logging.getLogger(__name__)

COMPONENT = "playlists"

MIGRATIONS = (
    # 1: documents by name, and the history of every change.
    """
    CREATE TABLE rules (name TEXT PRIMARY KEY, version INTEGER NOT NULL, document TEXT NOT NULL);
    CREATE TABLE playlists (name TEXT PRIMARY KEY, version INTEGER NOT NULL, document TEXT NOT NULL);
    CREATE TABLE playlists_settings (name TEXT PRIMARY KEY, version INTEGER NOT NULL, document TEXT NOT NULL);
    CREATE TABLE playlists_history (
        revision INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL,
        name TEXT NOT NULL,
        version INTEGER NOT NULL,
        action TEXT NOT NULL,
        author TEXT NOT NULL,
        changed_at TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT '',
        document TEXT,
        UNIQUE (kind, name, version)
    );
    """,
)

DEFAULT_PLAYLIST_SETTING = "default_playlist"


class EntryKind(str, enum.Enum):
    """What a history row is about."""

    RULE = "rule"
    PLAYLIST = "playlist"
    SETTING = "setting"  # name `default_playlist`; document {"playlist": name or null}


_TABLES = {EntryKind.RULE: "rules", EntryKind.PLAYLIST: "playlists", EntryKind.SETTING: "playlists_settings"}


class ChangeAction(str, enum.Enum):
    """Why a version was written."""

    CREATE = "create"
    EDIT = "edit"
    ENABLE = "enable"
    DISABLE = "disable"
    DELETE = "delete"
    RESTORE = "restore"
    IMPORT = "import"  # replace_all: added, changed, or (document null) removed


T = TypeVar("T")


@dataclass(frozen=True)
class Versioned(Generic[T]):
    """A stored rule or playlist with the version it has."""

    value: T
    version: int


@dataclass(frozen=True)
class HistoryEntry:
    """One version of a rule, playlist or setting."""

    revision: int  # store-wide, increasing
    kind: EntryKind
    name: str
    version: int  # per (kind, name), from 1
    action: ChangeAction
    author: str
    changed_at: str  # UTC, ISO 8601
    detail: str  # for example "from version 2" for a restore, or the imported file
    document: dict | None  # the full new state; None for a deletion

    @property
    def deleted(self) -> bool:
        """Whether this version removed the entry."""
        return self.document is None


@dataclass(frozen=True)
class StoreSnapshot:
    """Everything at one revision, read in one transaction (what the player loads)."""

    revision: int
    rules: tuple[Rule, ...]
    playlists: dict[str, Playlist]  # by name, in name order
    default_playlist: str | None


@dataclass(frozen=True)
class ImportSummary:
    """What `replace_all` changed (names per category)."""

    revision: int
    playlists_added: tuple[str, ...] = ()
    playlists_changed: tuple[str, ...] = ()
    playlists_removed: tuple[str, ...] = ()
    rules_added: tuple[str, ...] = ()
    rules_changed: tuple[str, ...] = ()
    rules_removed: tuple[str, ...] = ()
    default_before: str | None = None
    default_after: str | None = None

    @property
    def changed(self) -> bool:
        """Whether the import changed anything at all."""
        return bool(
            self.playlists_added or self.playlists_changed or self.playlists_removed
            or self.rules_added or self.rules_changed or self.rules_removed
            or self.default_before != self.default_after
        )


def utc_now() -> dt.datetime:
    """The current UTC time (the store's default clock)."""
    return dt.datetime.now(dt.UTC)


class PlaylistStore:
    """Rules, playlists and the default playlist in the signage database, versioned.

    `utc_now` is injected so tests (and replays) control the recorded times.
    """

    def __init__(self, db: Database, utc_now: Callable[[], dt.datetime] = utc_now) -> None:
        self.db = db
        self._utc_now = utc_now
        migrate(db, COMPONENT, MIGRATIONS)

    # ----------------------------------------------------------------------------------
    # Reading

    def rules(self) -> tuple[Rule, ...]:
        """All rules, by name (one query; 10,000 rules load in about 0.2 s)."""
        rows = self.db.conn.execute("SELECT document FROM rules ORDER BY name").fetchall()
        return tuple(_rule(document) for (document,) in rows)

    def playlists(self) -> tuple[Playlist, ...]:
        """All playlists, by name."""
        rows = self.db.conn.execute("SELECT document FROM playlists ORDER BY name").fetchall()
        return tuple(_playlist(document) for (document,) in rows)

    def rule(self, name: str) -> Rule:
        """The rule called `name`; NotFoundError suggests close names."""
        return self.rule_with_version(name).value

    def playlist(self, name: str) -> Playlist:
        """The playlist called `name`; NotFoundError suggests close names."""
        return self.playlist_with_version(name).value

    def rule_with_version(self, name: str) -> Versioned[Rule]:
        """The rule and its current version, read together."""
        version, document = self._current(EntryKind.RULE, name)
        return Versioned(_rule(document), version)

    def playlist_with_version(self, name: str) -> Versioned[Playlist]:
        """The playlist and its current version, read together."""
        version, document = self._current(EntryKind.PLAYLIST, name)
        return Versioned(_playlist(document), version)

    def default_playlist(self) -> str | None:
        """The playlist that plays when no rule matches (None until one is set)."""
        row = self.db.conn.execute(
            "SELECT document FROM playlists_settings WHERE name = ?", [DEFAULT_PLAYLIST_SETTING]
        ).fetchone()
        return None if row is None else json.loads(row[0])["playlist"]

    def version_of(self, kind: EntryKind | str, name: str) -> int | None:
        """The newest version of (kind, name), counting a deletion as a version; None if it never existed."""
        kind = EntryKind(kind)
        row = self.db.conn.execute(
            "SELECT MAX(version) FROM playlists_history WHERE kind = ? AND name = ?", [kind.value, name]
        ).fetchone()
        return row[0]

    def revision(self) -> int:
        """A number that grows with every change of rules, playlists or the default (0: none yet)."""
        return self.db.conn.execute("SELECT COALESCE(MAX(revision), 0) FROM playlists_history").fetchone()[0]

    def snapshot(self) -> StoreSnapshot:
        """Rules, playlists, default and revision, consistent with each other."""
        with self._read():
            playlists = {p.name: p for p in self.playlists()}
            return StoreSnapshot(self.revision(), self.rules(), playlists, self.default_playlist())

    def document(self) -> RuleDocument:
        """Everything as one document (rules by priority, highest first, then name)."""
        snapshot = self.snapshot()
        rules = tuple(sorted(snapshot.rules, key=lambda r: (-r.priority, r.name)))
        return RuleDocument(snapshot.default_playlist, tuple(snapshot.playlists.values()), rules)

    def stored_names(self) -> StoredNames:
        """What a partial import document may refer to."""
        with self._read():
            rule_playlists = dict(
                self.db.conn.execute("SELECT name, json_extract(document, '$.playlist') FROM rules").fetchall()
            )
            playlists = frozenset(name for (name,) in self.db.conn.execute("SELECT name FROM playlists"))
            return StoredNames(playlists, rule_playlists, self.default_playlist())

    def history(self, kind: EntryKind | str, name: str) -> tuple[HistoryEntry, ...]:
        """Every version of (kind, name), oldest first; NotFoundError if there is none."""
        kind = EntryKind(kind)
        rows = self.db.conn.execute(
            "SELECT revision, kind, name, version, action, author, changed_at, detail, document"
            " FROM playlists_history WHERE kind = ? AND name = ? ORDER BY version",
            [kind.value, name],
        ).fetchall()
        if not rows:
            raise NotFoundError(self._unknown_message(kind, name, with_history=True))
        return tuple(_history_entry(row) for row in rows)

    # ----------------------------------------------------------------------------------
    # Changing

    def save_rule(
        self,
        rule: Rule,
        author: str,
        action: ChangeAction | str | None = None,
        expected_version: int | None = None,
    ) -> int:
        """Create or change a rule; returns its new version.

        `action` None means create when the name is new, edit otherwise; `create` refuses
        an existing name (ConflictError), `edit`/`enable`/`disable` a missing one
        (NotFoundError). An edit of a rule with origin `learned` makes it
        `learned_edited`: a marketer has made it theirs. The rule's playlist must exist.
        """
        rule = validated_rule(rule)
        action = None if action is None else ChangeAction(action)
        with self._write():
            current = self._current_or_none(EntryKind.RULE, rule.name)
            action = action or (ChangeAction.CREATE if current is None else ChangeAction.EDIT)
            self._check_action(EntryKind.RULE, rule.name, action, current)
            if action == ChangeAction.EDIT and current is not None:
                rule = _mark_edited(rule, _rule(current[1]))
            self._require_playlist(rule.playlist, f"rule {rule.name!r}")
            return self._put(EntryKind.RULE, rule.name, rule_to_dict(rule), action, author, expected_version)

    def set_rule_enabled(self, name: str, enabled: bool, author: str, expected_version: int | None = None) -> int:
        """Enable or disable a rule; returns its version (unchanged when it already was)."""
        with self._write():
            _, document = self._current(EntryKind.RULE, name)
            rule = replace(_rule(document), enabled=enabled)
            action = ChangeAction.ENABLE if enabled else ChangeAction.DISABLE
            return self._put(EntryKind.RULE, name, rule_to_dict(rule), action, author, expected_version)

    def delete_rule(self, name: str, author: str, expected_version: int | None = None) -> int:
        """Delete a rule; returns the version that records the deletion."""
        with self._write():
            self._current(EntryKind.RULE, name)
            return self._put(EntryKind.RULE, name, None, ChangeAction.DELETE, author, expected_version)

    def save_playlist(
        self,
        playlist: Playlist,
        author: str,
        action: ChangeAction | str | None = None,
        expected_version: int | None = None,
    ) -> int:
        """Create or change a playlist; returns its new version (actions as for `save_rule`)."""
        playlist = validated_playlist(playlist)
        action = None if action is None else ChangeAction(action)
        with self._write():
            current = self._current_or_none(EntryKind.PLAYLIST, playlist.name)
            action = action or (ChangeAction.CREATE if current is None else ChangeAction.EDIT)
            self._check_action(EntryKind.PLAYLIST, playlist.name, action, current)
            return self._put(EntryKind.PLAYLIST, playlist.name, playlist_to_dict(playlist), action, author, expected_version)

    def delete_playlist(self, name: str, author: str, expected_version: int | None = None) -> int:
        """Delete a playlist; InUseError names the rules (and the default) still using it."""
        with self._write():
            self._current(EntryKind.PLAYLIST, name)
            users = [
                f"rule {rule!r}"
                for (rule,) in self.db.conn.execute(
                    "SELECT name FROM rules WHERE json_extract(document, '$.playlist') = ? ORDER BY name", [name]
                )
            ]
            if self.default_playlist() == name:
                users.append("the default playlist setting")
            if users:
                raise InUseError(f"playlist {name!r} is used by {_and(users)}: change or delete those first")
            return self._put(EntryKind.PLAYLIST, name, None, ChangeAction.DELETE, author, expected_version)

    def set_default_playlist(self, name: str | None, author: str, expected_version: int | None = None) -> int:
        """Set (or with None clear) the playlist that plays when no rule matches."""
        with self._write():
            if name is not None:
                self._require_playlist(name, "the default playlist")
            return self._put(
                EntryKind.SETTING, DEFAULT_PLAYLIST_SETTING, {"playlist": name}, None, author, expected_version
            )

    def restore(
        self, kind: EntryKind | str, name: str, version: int, author: str, expected_version: int | None = None
    ) -> int:
        """Make an old version current again, as a new version (works for a deleted entry too)."""
        kind = EntryKind(kind)
        with self._write():
            row = self.db.conn.execute(
                "SELECT document FROM playlists_history WHERE kind = ? AND name = ? AND version = ?",
                [kind.value, name, version],
            ).fetchone()
            if row is None:
                latest = self.version_of(kind, name)
                if latest is None:
                    raise NotFoundError(self._unknown_message(kind, name, with_history=True))
                raise NotFoundError(f"{kind.value} {name!r} has no version {version} (versions 1 to {latest})")
            if row[0] is None:
                raise ValidationError(
                    f"version {version} of {kind.value} {name!r} is its deletion: restore an earlier version "
                    f"(or delete it)"
                )
            document = json.loads(row[0])
            if kind == EntryKind.RULE:
                self._require_playlist(
                    document["playlist"], f"restoring rule {name!r} (version {version})", restore_hint=True
                )
            elif kind == EntryKind.SETTING and document.get("playlist") is not None:
                self._require_playlist(document["playlist"], "the default playlist", restore_hint=True)
            return self._put(
                kind, name, document, ChangeAction.RESTORE, author, expected_version, detail=f"from version {version}"
            )

    def replace_all(
        self, document: RuleDocument, author: str, source: str = "", expected_revision: int | None = None
    ) -> ImportSummary:
        """Replace the rules and playlists with a document's, in one transaction.

        Sections the document leaves out (None) stay as they are. Entries whose content
        does not change keep their version; others get an `import` version (a removal
        records a null document). Anything wrong — an invalid entry, a repeated name, a
        rule whose playlist would not exist — raises before anything is written, and so
        does a store that moved past `expected_revision` (ConflictError).
        """
        playlists = None if document.playlists is None else [validated_playlist(p) for p in document.playlists]
        rules = None if document.rules is None else [validated_rule(r) for r in document.rules]
        _refuse_repeats("playlist", playlists or [])
        _refuse_repeats("rule", rules or [])
        with self._write():
            revision = self.revision()
            if expected_revision is not None and revision != expected_revision:
                raise ConflictError(
                    f"the rules and playlists changed since revision {expected_revision} (now {revision}): "
                    "export again and redo your changes"
                )
            stored = self.stored_names()
            playlist_names = stored.playlists if playlists is None else {p.name for p in playlists}
            final_rules = stored.rule_playlists if rules is None else {r.name: r.playlist for r in rules}
            default = stored.default_playlist if document.default_playlist is None else document.default_playlist
            problems = [
                f"rule {rule!r}: no playlist named {playlist!r}{suggest_names(playlist, playlist_names)}"
                for rule, playlist in sorted(final_rules.items())
                if playlist not in playlist_names
            ]
            if default is not None and default not in playlist_names:
                problems.append(f"default_playlist: no playlist named {default!r}{suggest_names(default, playlist_names)}")
            if problems:
                raise ValidationError(problems)

            counts: dict[str, tuple[str, ...]] = {}
            for kind, entries, to_dict in (
                (EntryKind.PLAYLIST, playlists, playlist_to_dict),
                (EntryKind.RULE, rules, rule_to_dict),
            ):
                if entries is None:
                    continue
                added, changed, removed = self._replace_kind(kind, {e.name: to_dict(e) for e in entries}, author, source)
                counts[f"{kind.value}s_added"], counts[f"{kind.value}s_changed"] = added, changed
                counts[f"{kind.value}s_removed"] = removed
            if default != stored.default_playlist:
                self._put(EntryKind.SETTING, DEFAULT_PLAYLIST_SETTING, {"playlist": default}, ChangeAction.IMPORT, author, None, source)
            summary = ImportSummary(
                revision=self.revision(), default_before=stored.default_playlist, default_after=default, **counts
            )
        log.info("import by %s from %s: revision %d", author, source or "a document", summary.revision)
        return summary

    # ----------------------------------------------------------------------------------
    # Internals

    def _replace_kind(
        self, kind: EntryKind, wanted: dict[str, dict], author: str, source: str
    ) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
        table = _TABLES[kind]
        current = {
            name: json.loads(document)
            for name, document in self.db.conn.execute(f"SELECT name, document FROM {table}").fetchall()
        }
        added, changed = [], []
        for name, document in wanted.items():
            if name not in current:
                added.append(name)
            elif current[name] != document:
                changed.append(name)
            else:
                continue
            self._put(kind, name, document, ChangeAction.IMPORT, author, None, source)
        removed = sorted(set(current) - set(wanted))
        for name in removed:
            self._put(kind, name, None, ChangeAction.IMPORT, author, None, source)
        return tuple(sorted(added)), tuple(sorted(changed)), tuple(removed)

    def _put(
        self,
        kind: EntryKind,
        name: str,
        document: dict | None,
        action: ChangeAction | None,
        author: str,
        expected_version: int | None,
        detail: str = "",
    ) -> int:
        """Write the new state of (kind, name) and its history row; inside `_write`."""
        if not isinstance(author, str) or not author.strip():
            raise ValidationError("author: who makes a change must be named")
        connection = self.db.conn
        table = _TABLES[kind]
        latest = connection.execute(
            "SELECT version, author, changed_at FROM playlists_history WHERE kind = ? AND name = ?"
            " ORDER BY version DESC LIMIT 1",
            [kind.value, name],
        ).fetchone()
        latest_version = latest[0] if latest else 0
        if expected_version is not None and expected_version != latest_version:
            by = f" by {latest[1]} at {latest[2]}" if latest else ""
            raise ConflictError(
                f"{kind.value} {name!r} is at version {latest_version}{by}, not {expected_version}: "
                "someone else changed it; look at it again and redo your change"
            )
        row = connection.execute(f"SELECT document FROM {table} WHERE name = ?", [name]).fetchone()
        if document is None:
            if row is None:
                return latest_version  # already gone
        elif row is not None and json.loads(row[0]) == document:
            return latest_version  # nothing changes: no new version
        if action is None:
            action = ChangeAction.CREATE if row is None else ChangeAction.EDIT
        version = latest_version + 1
        text = None if document is None else json.dumps(document, ensure_ascii=False, separators=(",", ":"))
        if text is None:
            connection.execute(f"DELETE FROM {table} WHERE name = ?", [name])
        else:
            connection.execute(
                f"INSERT INTO {table} (name, version, document) VALUES (?, ?, ?)"
                " ON CONFLICT (name) DO UPDATE SET version = excluded.version, document = excluded.document",
                [name, version, text],
            )
        changed_at = self._utc_now().astimezone(dt.UTC).isoformat(timespec="seconds")
        connection.execute(
            "INSERT INTO playlists_history (kind, name, version, action, author, changed_at, detail, document)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [kind.value, name, version, action.value, author.strip(), changed_at, detail, text],
        )
        log.info("%s %s: version %d (%s by %s)", kind.value, name, version, action.value, author)
        return version

    def _check_action(self, kind: EntryKind, name: str, action: ChangeAction, current: tuple | None) -> None:
        if action == ChangeAction.CREATE and current is not None:
            raise ConflictError(f"{kind.value} {name!r} already exists (version {current[0]}): edit it instead")
        if action in (ChangeAction.EDIT, ChangeAction.ENABLE, ChangeAction.DISABLE) and current is None:
            raise NotFoundError(self._unknown_message(kind, name))
        if action not in (ChangeAction.CREATE, ChangeAction.EDIT, ChangeAction.ENABLE, ChangeAction.DISABLE):
            raise ValueError(f"save cannot record {action.value!r}: use delete, restore or replace_all")

    def _require_playlist(self, name: str, needed_by: str, restore_hint: bool = False) -> None:
        if self._current_or_none(EntryKind.PLAYLIST, name) is None:
            hint = "; restore or create it first" if restore_hint else ""
            raise NotFoundError(f"{needed_by}: {self._unknown_message(EntryKind.PLAYLIST, name)}{hint}")

    def _current_or_none(self, kind: EntryKind, name: str) -> tuple[int, str] | None:
        return self.db.conn.execute(f"SELECT version, document FROM {_TABLES[kind]} WHERE name = ?", [name]).fetchone()

    def _current(self, kind: EntryKind, name: str) -> tuple[int, str]:
        row = self._current_or_none(kind, name)
        if row is None:
            raise NotFoundError(self._unknown_message(kind, name))
        return row

    def _unknown_message(self, kind: EntryKind, name: str, with_history: bool = False) -> str:
        if with_history:
            query, what = "SELECT DISTINCT name FROM playlists_history WHERE kind = ?", "with a history"
            names = [n for (n,) in self.db.conn.execute(query, [kind.value])]
        else:
            what = "named"
            names = [n for (n,) in self.db.conn.execute(f"SELECT name FROM {_TABLES[kind]}")]
        deleted = ""
        if not with_history and self.version_of(kind, name) is not None:
            deleted = " (it was deleted: `history` shows its versions, `restore` brings one back)"
        return f"no {kind.value} {what} {name!r}{deleted}{suggest_names(name, names)}"

    def _write(self):
        return write_transaction(self.db)

    def _read(self):
        return read_transaction(self.db)


def _rule(document: str) -> Rule:
    # Stored documents were validated when written; decoding validates again, which is
    # cheap enough (10,000 rules in about 0.2 s) to keep one decoder for everything.
    return rule_from_dict(json.loads(document), "stored rule")


def _playlist(document: str) -> Playlist:
    return playlist_from_dict(json.loads(document), "stored playlist")


def _mark_edited(rule: Rule, stored: Rule) -> Rule:
    """An edited learned rule becomes the marketer's (re-learning must not overwrite it)."""
    if stored.origin == RuleOrigin.LEARNED and rule.origin == RuleOrigin.LEARNED and rule != stored:
        return replace(rule, origin=RuleOrigin.LEARNED_EDITED)
    return rule


def _history_entry(row: sqlite3.Row | tuple) -> HistoryEntry:
    revision, kind, name, version, action, author, changed_at, detail, document = row
    return HistoryEntry(
        revision=revision, kind=EntryKind(kind), name=name, version=version, action=ChangeAction(action),
        author=author, changed_at=changed_at, detail=detail,
        document=None if document is None else json.loads(document),
    )


def _refuse_repeats(kind: str, entries: list) -> None:
    seen: set[str] = set()
    repeated = sorted({e.name for e in entries if e.name in seen or seen.add(e.name)})
    if repeated:
        raise ValidationError([f"{kind} {name!r} appears more than once" for name in repeated])


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
