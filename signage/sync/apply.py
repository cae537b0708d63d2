"""A release from the server onto the kiosk: checked, its content fetched, applied in one transaction.

1. `parse_release` checks the whole release with the kiosk's own rules before anything
   is touched: its shape, every content item (names, kinds, hashes, extensions, dates)
   and its document with `playlists.codec.decode_document`, every playlist item naming
   one of the release's content items. Every problem is reported at once
   (`ReleaseRefused`, one line each), and the old release stays in force.
2. `fetch_content` downloads what is missing into `synced-content/` by sha256: into a
   `.part` file, resumed with `Range` after a break, its SHA-256 checked (a mismatch is
   refused, the part deleted), probed as the player would (`content.probe`), then renamed
   into place; a file already there under its hash is not fetched again.
3. `apply_release` writes it in ONE transaction (`foundation.db.combined_write_transaction`):
   the catalog items of the release (`content.catalog.ContentLibrary`) pointing at the
   downloaded files, the items of the previous release that are gone removed, the rules
   and playlists replaced (`PlaylistStore.replace_all`), and a `sync_releases` row saying
   which release the kiosk now runs. Any failure midway (a file gone, a full disk) rolls
   all of it back: the player never sees new rules with an old catalog or half a release.

The player notices the commit as it notices any other program's edit (SQLite's
`data_version`, every `player.reload_check_s`) and reloads when the rules' revision or
the catalog changed, so a release that only changes content (a new file under the same
name: a new path) is picked up too.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from content.catalog import ContentLibrary, normalise_tags
from content.model import ContentItem, ContentKind, TextSlide
from content.probe import IMAGE_EXTENSIONS, VIDEO_EXTENSIONS, MediaInfo, probe_media
from foundation.db import combined_write_transaction, migrate
from foundation.errors import DataError, MediaError, ValidationError
from foundation.limits import shorten
from playlists.codec import Problem, RuleDocument, decode_document
from playlists.store import ImportSummary, PlaylistStore
from signage.sync.client import (
    MAX_CONTENT_BYTES,
    ContentRefused,
    FleetClient,
    SyncError,
    sha256_of_file,
)

log = logging.getLogger(__name__)

AUTHOR = "signage sync"
COMPONENT = "sync"
MIGRATIONS = (
    # 1: which release the kiosk runs; `items` maps each catalog name it brought to its file.
    """
    CREATE TABLE sync_releases (
        applied INTEGER PRIMARY KEY AUTOINCREMENT,
        release_id INTEGER NOT NULL,
        group_name TEXT NOT NULL,
        version INTEGER NOT NULL,
        etag TEXT NOT NULL,
        applied_at TEXT NOT NULL,
        items TEXT NOT NULL
    );
    """,
)

KEEP_FREE_BYTES = 256 * 1024 * 1024  # left free on the disk after a download, for the player's database
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_NAME = re.compile(r"^[a-z0-9][a-z0-9_]*$")
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_ITEM_KEYS = frozenset({"name", "kind", "title", "duration_s", "sha256", "size_bytes", "extension", "tags",
                        "valid_from", "valid_until", "age_restricted", "text"})


class DownloadPaused(Exception):
    """A download stopped after its time slice (`fetch_content`'s `stop`): not a failure;
    the part is kept and the next round resumes it."""


class NoRoom(SyncError):
    """The disk has no room for a release's content (the old release stays)."""

    kind = "no_room"


class ReleaseRefused(SyncError):
    """A release that fails the kiosk's checks; `problems` lists each (one line each)."""

    kind = "invalid_release"

    def __init__(self, what: str, problems: list[str]) -> None:
        self.problems = tuple(problems)
        shown = "; ".join(self.problems[:5]) + (f"; and {len(self.problems) - 5} more" if len(self.problems) > 5 else "")
        super().__init__(f"{what}: refused, the old release stays: {shown}")


@dataclass(frozen=True)
class ReleaseItem:
    """One content item of a release, as the server's library snapshot has it."""

    name: str
    kind: ContentKind
    title: str
    duration_s: float
    sha256: str | None  # None: a text slide
    size_bytes: int | None
    extension: str | None  # ".png", lower case
    tags: tuple[str, ...]
    valid_from: dt.date | None
    valid_until: dt.date | None
    age_restricted: bool
    text: TextSlide | None


@dataclass(frozen=True)
class Release:
    """A checked release."""

    release_id: int
    group: str
    version: int
    etag: str
    document: RuleDocument
    items: tuple[ReleaseItem, ...]

    @property
    def label(self) -> str:
        """'release 17 (seoul v3)' for log lines."""
        return f"release {self.release_id} ({self.group} v{self.version})"


@dataclass(frozen=True)
class ApplySummary:
    """What `apply_release` changed."""

    rules: ImportSummary
    content_added: tuple[str, ...]
    content_changed: tuple[str, ...]
    content_removed: tuple[str, ...]


def parse_release(data: object, etag: str | None) -> Release:
    """Check a release answer completely; ReleaseRefused lists every problem."""
    problems: list[str] = []
    if not isinstance(data, dict):
        raise ReleaseRefused("release", ["expected a JSON object"])
    release_id = data.get("release_id")
    label = f"release {release_id}" if isinstance(release_id, int) else "release"
    if not _is_int(release_id) or release_id < 1:
        problems.append(f"release_id: expected a whole number >= 1, got {shorten(release_id)}")
    version = data.get("version")
    if not _is_int(version) or version < 1:
        problems.append(f"version: expected a whole number >= 1, got {shorten(version)}")
    group = data.get("group")
    if not isinstance(group, str) or not group:
        problems.append(f"group: expected a name, got {shorten(group)}")
    etag = etag or data.get("etag")
    if not isinstance(etag, str) or not etag:
        problems.append("etag: missing (neither the ETag header nor the body has one)")
    items: list[ReleaseItem] = []
    content = data.get("content")
    if not isinstance(content, list):
        problems.append(f"content: expected a list of items, got {_type(content)}")
        content = []
    seen: set[str] = set()
    for index, raw in enumerate(content):
        item = _parse_item(raw, f"content[{index}]", problems)
        if item is None:
            continue
        if item.name in seen:
            problems.append(f"content[{index}].name: {item.name!r} appears twice")
            continue
        seen.add(item.name)
        items.append(item)
    document = data.get("document")
    decoded = RuleDocument()
    if not isinstance(document, dict):
        problems.append(f"document: expected the rules document (an object), got {_type(document)}")
    else:
        # A release is the whole of a group's rules: a section it leaves out means none.
        whole = {"playlists": [], "rules": [], **document}
        found: list[Problem] = []
        decoded = decode_document(whole, found, None, frozenset(seen))
        problems.extend(f"document: {problem}" for problem in found)
        decoded = RuleDocument(decoded.default_playlist, decoded.playlists or (), decoded.rules or ())
    if problems:
        raise ReleaseRefused(label, problems)
    return Release(release_id, group, version, etag, decoded, tuple(items))


def _parse_item(raw: object, where: str, problems: list[str]) -> ReleaseItem | None:
    if not isinstance(raw, dict):
        problems.append(f"{where}: expected an object, got {_type(raw)}")
        return None
    before = len(problems)
    unknown = sorted(set(raw) - _ITEM_KEYS, key=str)
    if unknown:
        problems.append(f"{where}: unknown key {shorten(unknown[0])}")
    name = raw.get("name")
    if not isinstance(name, str) or not _NAME.match(name) or len(name) > 64:
        problems.append(f"{where}.name: not a content name (lower-case letters, digits, _): {shorten(name)}")
        name = "?"
    where = f"{where} ({name})"
    try:
        kind = ContentKind(raw.get("kind"))
    except ValueError:
        problems.append(f"{where}.kind: expected image, video or text, got {shorten(raw.get('kind'))}")
        kind = None
    title = raw.get("title")
    if not isinstance(title, str) or not title.strip():
        problems.append(f"{where}.title: expected text, got {shorten(title)}")
    duration_s = raw.get("duration_s")
    if not isinstance(duration_s, (int, float)) or isinstance(duration_s, bool) or not 0 < duration_s < 1e7:
        problems.append(f"{where}.duration_s: expected a positive number of seconds, got {shorten(duration_s)}")
    sha256, size_bytes, extension, text = raw.get("sha256"), raw.get("size_bytes"), raw.get("extension"), None
    if kind is ContentKind.TEXT:
        body = raw.get("text")
        if not isinstance(body, dict) or not isinstance(body.get("body", ""), str):
            problems.append(f"{where}.text: a text slide needs its text (body, background, foreground)")
        else:
            background = body.get("background") or TextSlide.background
            foreground = body.get("foreground") or TextSlide.foreground
            if not all(isinstance(c, str) and _COLOUR.match(c) for c in (background, foreground)):
                problems.append(f"{where}.text: colours must be #rrggbb")
            text = TextSlide(body.get("body", ""), background, foreground)
        if sha256 is not None:
            problems.append(f"{where}.sha256: a text slide has no file")
        sha256 = size_bytes = extension = None
    elif kind is not None:
        if not isinstance(sha256, str) or not _SHA256.match(sha256):
            problems.append(f"{where}.sha256: expected 64 lower-case hex digits, got {shorten(sha256)}")
        if not _is_int(size_bytes) or not 0 < size_bytes <= MAX_CONTENT_BYTES:
            problems.append(f"{where}.size_bytes: expected 1 to {MAX_CONTENT_BYTES}, got {shorten(size_bytes)}")
        allowed = IMAGE_EXTENSIONS if kind is ContentKind.IMAGE else VIDEO_EXTENSIONS
        if not isinstance(extension, str) or extension.lower() not in allowed:
            problems.append(f"{where}.extension: expected one of {', '.join(sorted(allowed))} for {kind.value},"
                            f" got {shorten(extension)}")
        else:
            extension = extension.lower()
    tags = raw.get("tags") or []
    try:
        if not isinstance(tags, list):
            raise DataError(f"expected a list, got {_type(tags)}")
        tags = normalise_tags(tags)
    except DataError as error:
        problems.append(f"{where}.tags: {error}")
        tags = ()
    dates = []
    for key in ("valid_from", "valid_until"):
        value = raw.get(key)
        try:
            dates.append(None if value is None else dt.date.fromisoformat(value))
        except (TypeError, ValueError):
            problems.append(f"{where}.{key}: expected YYYY-MM-DD or null, got {shorten(value)}")
            dates.append(None)
    if dates[0] and dates[1] and dates[0] > dates[1]:
        problems.append(f"{where}: valid_from is after valid_until")
    age_restricted = raw.get("age_restricted", False)
    if not isinstance(age_restricted, bool):
        problems.append(f"{where}.age_restricted: expected true or false, got {shorten(age_restricted)}")
    if len(problems) > before:
        return None
    return ReleaseItem(name, kind, title.strip(), float(duration_s), sha256, size_bytes, extension, tags,
                       dates[0], dates[1], age_restricted, text)


def fetch_content(client: FleetClient, release: Release, folder: Path,
                  probes: dict[str, MediaInfo] | None = None, stop: Callable[[], bool] | None = None) -> dict[str, Path]:
    """Every media file of the release, downloaded when missing; returns name -> file.

    Two names with the same file get two paths (a hard link, else a copy): the catalog
    holds one item per file. `probes`, when given, gets what probing each newly
    downloaded file found (for `apply_release`, which then need not decode it again).
    `stop()` True ends the downloads early with `DownloadPaused` (what came is kept).
    """
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    missing = {item.sha256: item.size_bytes for item in release.items
               if item.sha256 is not None and not (folder / f"{item.sha256}{item.extension}").exists()}
    needed = sum(missing.values())
    free = shutil.disk_usage(folder).free
    if missing and free - needed < KEEP_FREE_BYTES:
        # The player's database is on this disk too: its proof of play needs the room more.
        raise NoRoom(f"{release.label}: its new content needs {needed / 1e6:.0f} MB and {folder} has "
                     f"{free / 1e6:.0f} MB free ({KEEP_FREE_BYTES / 1e6:.0f} MB stay free for the player): not fetched")
    files: dict[str, Path] = {}
    used: set[Path] = set()
    for item in release.items:
        if item.sha256 is None:
            continue
        blob = folder / f"{item.sha256}{item.extension}"
        if not blob.exists():
            info = _download(client, item, blob, stop)
            if probes is not None:
                probes[item.name] = info
        path = blob
        if blob in used:
            path = folder / f"{item.sha256}.{item.name}{item.extension}"
            if not path.exists():
                try:
                    os.link(blob, path)
                except OSError:
                    path.write_bytes(blob.read_bytes())
        used.add(path)
        files[item.name] = path
    return files


def _download(client: FleetClient, item: ReleaseItem, blob: Path, stop: Callable[[], bool] | None) -> MediaInfo:
    """Fetch, check and probe one file into `blob` (renamed into place only when good)."""
    part = blob.with_name(blob.name + ".part")
    if not client.download(item.sha256, part, item.size_bytes, stop):
        raise DownloadPaused(f"content {item.name}: {part.stat().st_size} of {item.size_bytes} bytes so far")
    actual = sha256_of_file(part)
    if actual != item.sha256:
        part.unlink()
        raise ContentRefused(
            f"content {item.name}: the bytes downloaded hash to {actual[:12]}..., not {item.sha256[:12]}...:"
            " refused (the old release stays)")
    # The probe wants the real extension; the part is renamed to a probe name first.
    probing = blob.with_name(f".probe-{blob.name}")
    os.replace(part, probing)
    try:
        info = probe_media(probing)
    except MediaError as error:
        probing.unlink()
        raise ReleaseRefused(f"content {item.name}", [f"the file cannot be shown: {error.reason}"]) from None
    os.replace(probing, blob)  # a rename keeps the size and modification time the probe saw
    log.info("content %s: downloaded %s (%d bytes)", item.name, blob.name, item.size_bytes or 0)
    return info


def running_release(db: Database, *, create: bool = True) -> dict | None:
    """The release the kiosk runs (the newest `sync_releases` row), or None. `create`
    False: a database without the table (never synced) is left as it is (read-only use)."""
    if create:
        migrate(db, COMPONENT, MIGRATIONS)
    try:
        row = db.conn.execute(
            "SELECT release_id, group_name, version, etag, applied_at, items FROM sync_releases"
            " ORDER BY applied DESC LIMIT 1").fetchone()
    except sqlite3.OperationalError as error:
        if not create and "no such table" in str(error):
            return None
        raise
    if row is None:
        return None
    keys = ("release_id", "group", "version", "etag", "applied_at", "items")
    return {**dict(zip(keys, row)), "items": json.loads(row[5])}


def apply_release(db: Database, release: Release, files: dict[str, Path], applied_at: dt.datetime,
                  probes: dict[str, MediaInfo] | None = None) -> ApplySummary:
    """Write the release into the kiosk's database in one transaction (see the module docstring).

    `probes`: what `fetch_content` found probing the files it downloaded (the others are
    probed here, before the transaction)."""
    library = ContentLibrary(db)  # migrations run here, outside the transaction
    store = PlaylistStore(db)
    migrate(db, COMPONENT, MIGRATIONS)
    previous = running_release(db)
    previous_names = set(previous["items"]) if previous else set()
    # Media to (re)write are probed before the transaction: decoding 50 new 1280x720
    # PNGs takes about 4 s, which would hold the write lock the player's proof of play
    # waits for. Inside, a file whose size or time changed meanwhile is probed again.
    current = library.items_by_name()
    probes = dict(probes or {})
    for item in release.items:
        path = files.get(item.name)
        if item.name in probes and path is not None and _unchanged_since(path, probes[item.name]):
            continue
        if path is not None and (item.name not in current or not _same(current[item.name], item, path)):
            try:
                probes[item.name] = probe_media(path)
            except MediaError as error:
                raise ReleaseRefused(f"content {item.name}", [f"cannot be added: {error.reason}"]) from None
    try:
        added, changed, removed, rules = _apply(db, library, store, release, files, probes, previous_names, applied_at)
    except ValidationError as error:  # replace_all's own checks (already made by parse_release)
        raise ReleaseRefused(release.label, list(error.problems)) from None
    log.info("%s applied: content %d added, %d changed, %d removed; rules revision %d", release.label,
             len(added), len(changed), len(removed), rules.revision)
    return ApplySummary(rules, tuple(sorted(added)), tuple(sorted(changed)), tuple(removed))


def _apply(db, library, store, release, files, probes, previous_names, applied_at):
    """The one transaction of `apply_release`; returns (added, changed, removed, rules summary)."""
    wanted = {item.name: item for item in release.items}
    with combined_write_transaction(db) as connection:
        current = library.items_by_name()
        changed = [name for name, item in wanted.items()
                   if name in current and not _same(current[name], item, files.get(name))]
        added = [name for name in wanted if name not in current]
        removed = sorted(name for name in previous_names - set(wanted) if name in current)
        # Everything that goes or changes is removed first, so a file passed from one name
        # to another in this release is free when the other is added.
        for name in removed + changed:
            library.remove(name)
        for name in added + changed:
            _add(library, wanted[name], files.get(name), probes.get(name))
        rules = store.replace_all(release.document, author=AUTHOR, source=release.label)
        connection.execute(
            "INSERT INTO sync_releases (release_id, group_name, version, etag, applied_at, items)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [release.release_id, release.group, release.version, release.etag,
             applied_at.isoformat(sep=" ", timespec="seconds"),
             json.dumps({name: str(files[name]) if name in files else None for name in wanted})],
        )
    return added, changed, removed, rules


def prune_content(db: Database, folder: Path) -> int:
    """Delete files in `folder` that neither the running release nor the one before name
    (the player may still show one of the previous release's for a moment); returns how many."""
    rows = db.conn.execute("SELECT items FROM sync_releases ORDER BY applied DESC LIMIT 2").fetchall()
    keep = {Path(path) for (items,) in rows for path in json.loads(items).values() if path}
    removed = 0
    for path in folder.iterdir() if folder.is_dir() else ():
        if path.suffix == ".part" or path in keep or not path.is_file():
            continue  # a .part is a download to resume
        try:
            path.unlink()
            removed += 1
        except OSError as error:
            log.warning("%s: cannot delete an unused content file (%s)", path, error.strerror)
    return removed


def _same(existing: ContentItem, item: ReleaseItem, path: Path | None) -> bool:
    """Whether the catalog's item is already what the release says (no rewrite needed)."""
    same = (
        existing.kind is item.kind and existing.title == item.title and existing.tags == item.tags
        and existing.valid_from == item.valid_from and existing.valid_until == item.valid_until
        and existing.age_restricted == item.age_restricted and existing.text == item.text
        and existing.path == (str(path) if path is not None else None)
    )
    if item.kind is not ContentKind.VIDEO:  # a video plays its own (probed) length
        same = same and abs(existing.duration_s - item.duration_s) < 1e-9
    return same


def _add(library: ContentLibrary, item: ReleaseItem, path: Path | None, probed: MediaInfo | None) -> None:
    common = {"tags": item.tags, "valid_from": item.valid_from, "valid_until": item.valid_until,
              "age_restricted": item.age_restricted, "replace": True}
    try:
        if item.kind is ContentKind.TEXT:
            library.add_text(item.name, item.title, item.text.body, duration_s=item.duration_s,
                             background=item.text.background, foreground=item.text.foreground, **common)
        else:
            if path is None:
                raise DataError(f"content {item.name}: its file was not downloaded")
            duration = item.duration_s if item.kind is ContentKind.IMAGE else None
            if probed is not None and not _unchanged_since(path, probed):
                probed = None  # replaced since it was probed: probe it again
            library.add_file(path, name=item.name, title=item.title, duration_s=duration, probed=probed, **common)
    except MediaError as error:
        raise ReleaseRefused(f"content {item.name}", [f"cannot be added: {error.reason}"]) from None
    except DataError as error:
        raise ReleaseRefused(f"content {item.name}", [str(error)]) from None


def _unchanged_since(path: Path, probed: MediaInfo) -> bool:
    try:
        info = path.stat()
    except OSError:
        return False
    return info.st_size == probed.size_bytes and info.st_mtime_ns == probed.mtime_ns


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _type(value: object) -> str:
    return "nothing" if value is None else type(value).__name__

