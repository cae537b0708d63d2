"""The content catalog: every ad the player can show, in the installation's SQLite database.

`ContentLibrary(db)` adds media files (probed with `content.probe`), text slides, and
whole folders (`scan`), and answers `items(tag=...)` and `item(name)` for playlists and
the player. Names are the stable keys playlists refer to: a slug such as `snacks_chips`
that never changes once given (remove and add again to rename).

Importing a file (`import_file`) copies it into the library folder
(`foundation.paths.library_dir()`, the caller passes it) and catalogs the copy, so the
original may be moved or deleted afterwards. The file is probed first (a broken file is
refused and nothing is copied); a name already taken in the folder gets a new one
(`chips-2.png`), never overwriting; a file whose bytes (sha256) are already in the folder
or the catalog is not copied again: its item is reused. `add_file` catalogs a file where
it is (what `scan` does for a folder the store maintains).

Tables (component "content", numbered migrations below): `content_items`, one row per
item keyed by name, with its absolute file path (unique: one item per file); and
`content_tags` (name, tag, position), so a tag query is an indexed lookup.

Scanning a folder (`scan`):

* every file under the folder with a supported extension is probed and imported; hidden
  files and folders (a leading dot) are skipped; any other file is reported as rejected
  (an ad dropped in as a GIF should not vanish silently);
* a file that cannot be used is rejected with its one-line reason, and the scan goes on;
  an item already in the catalog stays as it was until its file is fixed;
* tags: each subfolder between the scanned folder and the file is a tag
  (`snacks/chips.png` gets `snacks`), plus the sidecar's tags, plus the scan's own;
* an optional sidecar `content.yaml` in the scanned folder maps file paths (relative,
  with `/`) to settings, all optional:

      snacks/chips.png:
        name: snacks_chips          # catalog name; default: the file name's slug (image_1a2b3c4d, kind
                                    # and sha256, for a name with no Latin letters or digits)
        title: Crunchy chips        # default: from the file name
        tags: [salty, students]     # added to the folder tags
        duration_s: 10              # images only (default 8 s); a video plays its own length
        valid_from: 2026-12-01      # inclusive, YYYY-MM-DD
        valid_until: 2026-12-31
        age_restricted: false       # true: never shown while minors may be present

  An unknown key or a wrong type rejects that file (the reason names content.yaml, the
  file and the key); a sidecar that is not YAML, or not a mapping, stops the whole scan,
  because importing without it could show an age-restricted ad unrestricted. So does
  one over `MAX_YAML_BYTES` (2 MiB) or with YAML anchors and aliases, refused before it
  is parsed (`foundation.limits`); an error quotes at most a few dozen characters of a
  bad value;
* a file whose name is not valid UTF-8 is rejected with its name written with `\\xNN`
  escapes (it can be neither decoded safely nor stored); so is an image whose header
  declares too many pixels (`content.probe`);
* a rescan re-probes a file whose size or modification time changed, removes items whose
  file was deleted (unless the whole folder is empty: that is an error, as it more often
  means an unmounted drive than a wish to delete every ad), and applies sidecar and
  folder changes. What a person changed with
  `update` survives rescans until the sidecar or folder changes that same setting;
* the catalog changes of a scan are written in one transaction, after all probing;
  an item that cannot be written (its name or file taken by another process meanwhile)
  is rejected alone, under a savepoint, and the rest of the scan is kept.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import errno
import hashlib
import json
import logging
import math
import os
import re
import secrets
import sqlite3
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from sqlite_utils import Database

from foundation.db import migrate, write_transaction
from content.model import ContentItem, ContentKind, TextSlide
from content.probe import SUPPORTED_TEXT, MediaInfo, media_kind, probe_media
from foundation.errors import DataError, MediaError
from foundation.limits import (
    MAX_YAML_BYTES,
    InputLimitError,
    clip_line,
    is_utf8_path,
    printable_path,
    read_text_limited,
    refuse_yaml_aliases,
    shorten,
)

log = logging.getLogger(__name__)

DEFAULT_IMAGE_DURATION_S = 8.0  # an image has no length of its own
DEFAULT_TEXT_DURATION_S = 10.0
SIDECAR_NAME = "content.yaml"
MAX_NAME_LENGTH = 64

_SLUG = re.compile(r"^[a-z0-9][a-z0-9_]*$")
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")

# Numbered migrations of the "content" component: never edit one that has shipped.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE content_items (
        name TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('image', 'video', 'text')),
        title TEXT NOT NULL,
        duration_s REAL NOT NULL CHECK (duration_s > 0),
        path TEXT UNIQUE,                       -- absolute; NULL for text slides
        valid_from TEXT,                        -- YYYY-MM-DD, inclusive
        valid_until TEXT,                       -- YYYY-MM-DD, inclusive
        age_restricted INTEGER NOT NULL DEFAULT 0,
        width_px INTEGER,
        height_px INTEGER,
        text_body TEXT,
        text_background TEXT,
        text_foreground TEXT,
        size_bytes INTEGER,
        mtime_ns INTEGER,
        scan_settings TEXT                      -- JSON: what the last folder scan derived
    );
    CREATE TABLE content_tags (
        name TEXT NOT NULL REFERENCES content_items (name) ON DELETE CASCADE,
        tag TEXT NOT NULL,
        position INTEGER NOT NULL,
        PRIMARY KEY (name, tag)
    );
    CREATE INDEX content_tags_by_tag ON content_tags (tag);
    """,
)

_ITEM_COLUMNS = (
    "name", "kind", "title", "duration_s", "path", "valid_from", "valid_until", "age_restricted",
    "width_px", "height_px", "text_body", "text_background", "text_foreground", "size_bytes", "mtime_ns",
    "scan_settings",
)


@dataclass(frozen=True)
class FileSettings:
    """What a person decides about a media file (the file itself gives kind, size and video length).

    None for `name`, `title` or `duration_s` means the default: the file name's slug, a
    title from the file name, and `DEFAULT_IMAGE_DURATION_S` for images.
    """

    name: str | None = None
    title: str | None = None
    tags: tuple[str, ...] = ()
    duration_s: float | None = None  # images only
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None
    age_restricted: bool = False


@dataclass(frozen=True)
class ScanReport:
    """What `ContentLibrary.scan` did. Items are as they are in the catalog after the scan
    (removed ones as they were); `rejected` is (absolute path, one-line reason)."""

    folder: Path
    added: tuple[ContentItem, ...] = ()
    updated: tuple[ContentItem, ...] = ()
    unchanged: tuple[ContentItem, ...] = ()
    removed: tuple[ContentItem, ...] = ()
    rejected: tuple[tuple[Path, str], ...] = ()


@dataclass(frozen=True)
class ImportResult:
    """What `ContentLibrary.import_file` did: the item as stored, the copy it made in the
    library folder (None when the same file was there already), and whether an existing
    item was reused (the file's bytes were already in the catalog: nothing was added)."""

    item: ContentItem
    copied_to: Path | None
    reused: bool = False


def file_sha256(path: str | Path) -> str:
    """The sha256 of a file's bytes, as hex (read in 1 MiB blocks)."""
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def slugify(text: str) -> str:
    """A catalog name or tag from free text: 'Chips – Large!' -> 'chips_large'. May be empty."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "_", ascii_text.lower()).strip("_")[:MAX_NAME_LENGTH].rstrip("_")


def parse_date(value: object, what: str) -> dt.date | None:
    """A date from a `datetime.date`, 'YYYY-MM-DD' text, or None; DataError naming `what` otherwise."""
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise DataError(f"{what}: expected a date YYYY-MM-DD, got {shorten(value)}")


class ContentLibrary:
    """The media library of one installation, stored in its database.

    Creating it runs the content migrations (a no-op when they have run). Every method
    that writes more than one row does so in one transaction.
    """

    # Settings a person may change; the rest comes from the file (add it again with replace).
    EDITABLE = ("title", "tags", "duration_s", "valid_from", "valid_until", "age_restricted", "text")

    def __init__(self, db: Database) -> None:
        """Use `db` (from `foundation.db.open_database`, or `Database(memory=True)` in tests)."""
        self.db = db
        ran = migrate(db, "content", MIGRATIONS)
        if ran:
            log.info("content catalog: %d migration(s) applied", ran)

    # ---- reading ------------------------------------------------------------------

    def items(self, tag: str | None = None) -> list[ContentItem]:
        """All items, by name; with `tag`, only the items that have it."""
        if tag is None:
            rows = self._rows("SELECT * FROM content_items ORDER BY name", ())
        else:
            rows = self._rows(
                "SELECT * FROM content_items WHERE name IN (SELECT name FROM content_tags WHERE tag = ?)"
                " ORDER BY name",
                (slugify(tag),),
            )
        return self._with_tags(rows)

    def items_by_name(self) -> dict[str, ContentItem]:
        """Every item keyed by its name (what the decision engine takes)."""
        return {item.name: item for item in self.items()}

    def find(self, name: str) -> ContentItem | None:
        """The item called `name`, or None."""
        rows = self._rows("SELECT * FROM content_items WHERE name = ?", (name,))
        items = self._with_tags(rows)
        return items[0] if items else None

    def item(self, name: str) -> ContentItem:
        """The item called `name`; DataError naming it (and close names) when there is none."""
        item = self.find(name)
        if item is None:
            raise DataError(self._unknown(name))
        return item

    def tags(self) -> list[str]:
        """Every tag in use, sorted."""
        return [row[0] for row in self.db.execute("SELECT DISTINCT tag FROM content_tags ORDER BY tag").fetchall()]

    # ---- writing ------------------------------------------------------------------

    def add_file(
        self,
        path: str | Path,
        *,
        name: str | None = None,
        title: str | None = None,
        tags: Iterable[str] | str = (),
        duration_s: float | None = None,
        valid_from: dt.date | str | None = None,
        valid_until: dt.date | str | None = None,
        age_restricted: bool = False,
        replace: bool = False,
        probed: MediaInfo | None = None,
    ) -> ContentItem:
        """Probe an image or video and add it to the catalog; returns the new item.

        `name` defaults to the slug of the file name (`Chips Large.png` -> `chips_large`),
        `title` to the file name in words (a file name with no letters a name can use,
        such as `과자 할인.png`, gives the kind and the start of its sha256: `image_1a2b3c4d`).
        Images show for `duration_s` (default 8 s);
        a video plays for its probed length, so giving `duration_s` for a video is a
        DataError: a shorter time belongs on the playlist entry. A name already in use,
        or a file already in the catalog under another name, is a DataError unless
        `replace` is set, which overwrites the item of that name completely.
        Unusable media raise MediaError. `probed`: what `probe_media` said of this very
        file moments ago, so a caller that writes inside a longer transaction
        (`signage sync` applying a release) does not hold the lock while it decodes.
        """
        path = _absolute(path)
        if name is not None:
            _check_name(name)
        settings = FileSettings(
            name=name,
            title=title,
            tags=normalise_tags(tags),
            duration_s=duration_s,
            valid_from=parse_date(valid_from, "valid_from"),
            valid_until=parse_date(valid_until, "valid_until"),
            age_restricted=bool(age_restricted),
        )
        info = probed if probed is not None else probe_media(path)
        item = _file_item(path, info, settings, settings.name or name_from_file(path, info.kind))
        with self._transaction():
            self._check_free(item, replace)
            self._write(item, scan_settings=None)
        log.info("content: added %s (%s, %s)", item.name, item.kind.value, path)
        return item

    def import_file(
        self,
        path: str | Path,
        library_folder: str | Path,
        *,
        name: str | None = None,
        title: str | None = None,
        tags: Iterable[str] | str = (),
        duration_s: float | None = None,
        valid_from: dt.date | str | None = None,
        valid_until: dt.date | str | None = None,
        age_restricted: bool = False,
        replace: bool = False,
    ) -> ImportResult:
        """Copy a media file into `library_folder` and catalog the copy (see the module docstring).

        The settings are those of `add_file`. The file is probed before anything is
        copied (MediaError naming the file when it cannot be used). Without `name`, the
        item gets the file name's slug, or the first free `slug_2`, `slug_3`... (with
        `replace`, the item of the slug's name is replaced); a name with no such letters
        (`과자 할인.png`) gives `image_1a2b3c4d` (kind and sha256), the title keeps the
        real name. The copy keeps the file name, or `stem-2.ext` when the folder has one
        of that name: nothing is overwritten; a name the folder's file system refuses
        (too long, not representable) becomes the generated one. A failed copy (full
        disk) leaves nothing behind and is a MediaError. A file whose bytes are already in the catalog (by sha256) is not
        copied again and its item is returned with `reused` set; a copy left in the
        folder without an item (its item was removed) is catalogued again.
        """
        source = _absolute(path)
        folder = _absolute(library_folder)
        if name is not None:
            _check_name(name)
        info = probe_media(source)  # first: a broken file is refused before a byte is copied
        parse_date(valid_from, "valid_from")
        parse_date(valid_until, "valid_until")
        settings = dict(
            # The title comes from the name the user knows, not the copy's (`chips-2.png`, `image_1a2b3c4d.png`).
            title=title if title is not None else _title_from_file(source), tags=tags, duration_s=duration_s, valid_from=valid_from, valid_until=valid_until,
            age_restricted=age_restricted, replace=replace,
        )
        in_catalog = self._item_with_path(source)
        if in_catalog is not None:
            return ImportResult(in_catalog, None, reused=True)
        if _is_under(source, folder):  # already one of the library's files: catalog it where it is
            item = self.add_file(
                source, name=self._import_name(source, name, replace, info.kind), probed=info, **settings
            )
            return ImportResult(item, None)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            partial, digest = _copy_hashing(source, folder)  # removes its partial file when it fails
        except OSError as error:
            raise MediaError(source, _copy_failed(folder, error)) from None
        try:
            if partial.stat().st_size != info.size_bytes:
                raise MediaError(source, "the file changed while it was imported; import it again")
            same = self._same_bytes(folder, digest, info.size_bytes)
            if same is not None:
                item = self._item_with_path(same)
                if item is not None:
                    return ImportResult(item, None, reused=True)
                # A copy left behind by a removed item: catalog it again, copy nothing.
                info = dataclasses.replace(info, size_bytes=same.stat().st_size, mtime_ns=same.stat().st_mtime_ns)
                item = self.add_file(
                    same, name=self._import_name(source, name, replace, info.kind, digest), probed=info, **settings
                )
                return ImportResult(item, None)
            try:
                copy = _link_free_name(partial, folder, source.name, _generated_name(info.kind, digest) + source.suffix)
            except OSError as error:
                raise MediaError(source, _copy_failed(folder, error)) from None
        finally:
            partial.unlink(missing_ok=True)
        try:
            stat = copy.stat()
            info = dataclasses.replace(info, size_bytes=stat.st_size, mtime_ns=stat.st_mtime_ns)
            item = self.add_file(
                copy, name=self._import_name(source, name, replace, info.kind, digest), probed=info, **settings
            )
        except BaseException:
            copy.unlink(missing_ok=True)  # the catalog refused it: leave no orphan behind
            raise
        log.info("content: imported %s as %s (copied to %s)", source, item.name, copy)
        return ImportResult(item, copy)

    def add_text(
        self,
        name: str,
        title: str,
        body: str = "",
        *,
        duration_s: float = DEFAULT_TEXT_DURATION_S,
        tags: Iterable[str] | str = (),
        background: str = TextSlide.background,
        foreground: str = TextSlide.foreground,
        valid_from: dt.date | str | None = None,
        valid_until: dt.date | str | None = None,
        age_restricted: bool = False,
        replace: bool = False,
    ) -> ContentItem:
        """Add a text slide the player renders from title, body and colours (#rrggbb).

        A name already in use is a DataError unless `replace` is set.
        """
        item = _validated(
            ContentItem(
                name=name,
                kind=ContentKind.TEXT,
                title=title,
                duration_s=duration_s,
                tags=normalise_tags(tags),
                valid_from=parse_date(valid_from, "valid_from"),
                valid_until=parse_date(valid_until, "valid_until"),
                age_restricted=bool(age_restricted),
                text=TextSlide(body=body, background=background, foreground=foreground),
            )
        )
        with self._transaction():
            self._check_free(item, replace)
            self._write(item, scan_settings=None)
        log.info("content: added text slide %s", item.name)
        return item

    def update(self, name: str, **changes: Any) -> ContentItem:
        """Change settings of an item: any of `EDITABLE`; returns the item as stored.

        `tags` replaces the tags; `text` (a TextSlide) only for text slides; `duration_s`
        not for videos, which play their own length. Unknown names or keys are DataErrors.
        """
        unknown = sorted(set(changes) - set(self.EDITABLE))
        if unknown:
            raise DataError(
                f"content item {name}: cannot change {', '.join(unknown)} (changeable: {', '.join(self.EDITABLE)};"
                " the file gives the rest: add it again with replace)"
            )
        with self._transaction():
            current = self.item(name)
            if "tags" in changes:
                changes["tags"] = normalise_tags(changes["tags"])
            for key in ("valid_from", "valid_until"):
                if key in changes:
                    changes[key] = parse_date(changes[key], key)
            if "age_restricted" in changes:
                changes["age_restricted"] = bool(changes["age_restricted"])
            if "duration_s" in changes and current.kind is ContentKind.VIDEO:
                raise DataError(
                    f"content item {name}: a video plays for its own length ({current.duration_s:.1f} s);"
                    " set a shorter time on the playlist entry instead"
                )
            if "text" in changes and current.kind is not ContentKind.TEXT:
                raise DataError(f"content item {name}: only text slides have text")
            item = _validated(dataclasses.replace(current, **changes))
            if item != current:
                self._write(item, scan_settings=self._scan_settings(name), replace_existing=True)
                log.info("content: updated %s (%s)", name, ", ".join(sorted(changes)))
        return item

    def refresh(self, name: str) -> ContentItem:
        """Probe an item's file again when its size or modification time changed; returns the item.

        MediaError when the file is gone or no longer usable (the item stays as it was).
        """
        with self._transaction():
            current = self.item(name)
            if current.path is None:
                return current
            path = Path(current.path)
            if not _changed_on_disk(current, path):
                return current
            item = _reprobed(current, probe_media(path))
            self._write(item, scan_settings=self._scan_settings(name), replace_existing=True)
        log.info("content: %s re-probed after its file changed", name)
        return item

    def remove(self, name: str) -> ContentItem:
        """Remove an item from the catalog (never its file); returns it."""
        with self._transaction():
            item = self.item(name)
            self._delete(name)
        log.info("content: removed %s", name)
        return item

    def scan(
        self,
        folder: str | Path,
        *,
        tags: Iterable[str] | str = (),
        image_duration_s: float = DEFAULT_IMAGE_DURATION_S,
    ) -> ScanReport:
        """Bring the catalog in line with a folder of media files (see the module docstring).

        `tags` are given to every file of the scan; `image_duration_s` is the display
        time of images the sidecar gives none. A missing or unreadable folder, or a
        malformed sidecar, is a DataError; a bad file is only reported in `rejected`.
        """
        folder = _absolute(folder)
        if not is_utf8_path(folder):
            # Every file's path would be refused below, one line each: say it once.
            raise DataError(
                f"{printable_path(folder)}: the folder's name is not valid UTF-8; rename it"
                " (for example with `convmv -f latin1 -t utf8 --notest`)"
            )
        if not folder.exists():
            raise DataError(f"{folder}: no such folder")
        if not folder.is_dir():
            raise DataError(f"{folder}: not a folder")
        if not os.access(folder, os.R_OK | os.X_OK):
            raise DataError(f"{folder}: permission denied")
        scan_tags = normalise_tags(tags)
        image_duration_s = _check_duration(image_duration_s, "image_duration_s")
        sidecar_path = folder / SIDECAR_NAME
        sidecar = _load_sidecar(sidecar_path)

        catalog = self.items()
        by_path = {item.path: item for item in catalog if item.path is not None}
        # Files deleted since the last scan: their items go, and so their names are free
        # for new files (chips.png replaced by chips.jpg keeps the name playlists use).
        removed = [
            item
            for path_text, item in sorted(by_path.items())
            if _is_under(Path(path_text), folder) and not Path(path_text).exists()
        ]
        files = _media_files(folder)
        if removed and not files:
            # An empty folder that used to hold ads is more likely an unmounted drive or a
            # failed sync than a wish to delete them all: keep the catalog (and playlists) whole.
            raise DataError(
                f"{folder}: the folder is empty, but {len(removed)} catalog item(s) come from it;"
                " nothing was removed (is a drive not mounted?); remove them by name if they should go"
            )
        gone = {item.name for item in removed}
        names_taken = {item.name: item.path for item in catalog if item.name not in gone}
        stored_scan_settings = self._all_scan_settings()

        added: list[ContentItem] = []
        updated: list[ContentItem] = []
        unchanged: list[ContentItem] = []
        rejected: list[tuple[Path, str]] = []
        writes: list[tuple[ContentItem, dict, bool]] = []  # (item, scan settings, replaces an existing row)

        for path in files:
            if not is_utf8_path(path):
                # Probing refuses it too; refused here first so that nothing (the title
                # from its name, the log) handles a name that cannot be stored or printed.
                reason = "the file name is not valid UTF-8; rename it (for example with `convmv -f latin1 -t utf8 --notest`)"
                rejected.append((path, reason))
                log.info("content scan: rejected %s: %s", printable_path(path), reason)
                continue
            relative = path.relative_to(folder).as_posix()
            entry = sidecar.pop(relative, None)
            kind = media_kind(path)
            if kind is None:
                suffix = path.suffix.lower() or "(no extension)"
                rejected.append((path, f"unsupported file type {suffix} (supported: {SUPPORTED_TEXT})"))
                continue
            existing = by_path.get(str(path))
            try:
                settings = _sidecar_settings(sidecar_path, relative, entry)
                if kind is ContentKind.VIDEO and settings.duration_s is not None:
                    raise DataError(
                        f"{SIDECAR_NAME}: {relative}: duration_s: a video plays for its own length;"
                        " set a shorter time on the playlist entry instead"
                    )
                folder_tags = tuple(slugify(part) for part in Path(relative).parent.parts if slugify(part))
                settings = dataclasses.replace(
                    settings, tags=normalise_tags(folder_tags + settings.tags + scan_tags)
                )
                if kind is ContentKind.IMAGE and settings.duration_s is None:
                    settings = dataclasses.replace(settings, duration_s=image_duration_s)
                if existing is None:
                    info = probe_media(path)
                    name = self._scan_name(settings, path, relative, names_taken, info.kind)
                    item = _file_item(path, info, settings, name)
                    names_taken[item.name] = str(path)
                    writes.append((item, _settings_json(settings), False))
                    added.append(item)
                    continue
                if settings.name is not None and settings.name != existing.name:
                    raise DataError(
                        f"{SIDECAR_NAME}: {relative}: name: the file is in the catalog as {existing.name!r};"
                        " names are stable keys (remove the item to rename it)"
                    )
                item = existing
                if _changed_on_disk(existing, path):
                    item = _reprobed(existing, probe_media(path))
                item = _merged(item, settings, stored_scan_settings.get(existing.name), path)
                new_settings = _settings_json(settings)
                if item != existing:
                    writes.append((item, new_settings, True))
                    updated.append(item)
                else:
                    if new_settings != stored_scan_settings.get(existing.name):
                        writes.append((item, new_settings, True))  # only the baseline for later merges
                    unchanged.append(item)
            except (MediaError, DataError) as error:
                reason = clip_line(error.reason if isinstance(error, MediaError) else str(error))
                rejected.append((path, reason))
                log.info("content scan: rejected %s: %s", path, reason)  # the report lists it for the user

        for relative in sorted(sidecar):  # entries left over name no file that was found
            rejected.append(
                (
                    folder / relative,
                    f"{SIDECAR_NAME}: {shorten(relative)[1:-1]}: listed, but there is no such media file in the folder",
                )
            )
        failed: set[str] = set()
        with self._transaction() as connection:
            for item in removed:
                self._delete(item.name)
            for item, settings_json, replaces in writes:
                # One savepoint per item: an item that cannot be written is rejected alone
                # instead of rolling back everything the scan found.
                connection.execute("SAVEPOINT scan_item")
                try:
                    if not replaces:
                        self._check_free(item, replace=False)
                    self._write(item, scan_settings=settings_json, replace_existing=replaces)
                except DataError as error:
                    connection.execute("ROLLBACK TO SAVEPOINT scan_item")
                    failed.add(item.name)
                    rejected.append((Path(item.path), str(error)))
                    log.warning("content scan: could not store %s: %s", item.path, error)
                connection.execute("RELEASE SAVEPOINT scan_item")
        if failed:
            added = [item for item in added if item.name not in failed]
            updated = [item for item in updated if item.name not in failed]
            unchanged = [item for item in unchanged if item.name not in failed]
        report = ScanReport(
            folder, tuple(added), tuple(updated), tuple(unchanged), tuple(removed), tuple(rejected)
        )
        log.info(
            "content scan of %s: %d added, %d updated, %d unchanged, %d removed, %d rejected",
            folder, len(added), len(updated), len(unchanged), len(removed), len(rejected),
        )
        return report

    # ---- internals ----------------------------------------------------------------

    def _transaction(self):
        """One write transaction (see `foundation.db.write_transaction`)."""
        return write_transaction(self.db)

    def _rows(self, sql: str, params: tuple) -> list[dict[str, Any]]:
        cursor = self.db.execute(sql, params)
        columns = [column[0] for column in cursor.description]
        return [dict(zip(columns, row)) for row in cursor.fetchall()]

    def _with_tags(self, rows: list[dict[str, Any]]) -> list[ContentItem]:
        if not rows:
            return []
        names = [row["name"] for row in rows]
        tags: dict[str, list[str]] = {name: [] for name in names}
        for start in range(0, len(names), 500):  # SQLite limits the number of parameters
            chunk = names[start:start + 500]
            for name, tag in self.db.execute(
                f"SELECT name, tag FROM content_tags WHERE name IN ({', '.join('?' * len(chunk))})"
                " ORDER BY name, position",
                chunk,
            ).fetchall():
                tags[name].append(tag)
        return [_item_from_row(row, tuple(tags[row["name"]])) for row in rows]

    def _scan_settings(self, name: str) -> dict | None:
        row = self.db.execute("SELECT scan_settings FROM content_items WHERE name = ?", [name]).fetchone()
        return json.loads(row[0]) if row and row[0] else None

    def _all_scan_settings(self) -> dict[str, dict]:
        return {
            name: json.loads(text)
            for name, text in self.db.execute(
                "SELECT name, scan_settings FROM content_items WHERE scan_settings IS NOT NULL"
            ).fetchall()
        }

    def _item_with_path(self, path: Path) -> ContentItem | None:
        row = self.db.execute("SELECT name FROM content_items WHERE path = ?", [str(path)]).fetchone()
        return self.find(row[0]) if row else None

    def _same_bytes(self, folder: Path, digest: str, size_bytes: int) -> Path | None:
        """A file of the library folder with these bytes: first one the catalog knows (its
        stored size must match, so only those are hashed), then any other of that size."""
        candidates = []
        for entry in sorted(os.scandir(folder), key=lambda entry: entry.name):
            if entry.name.startswith(".") or not entry.is_file(follow_symlinks=False):
                continue
            try:
                if entry.stat().st_size == size_bytes:
                    candidates.append(Path(entry.path))
            except OSError:
                continue
        known = {item.path for item in self.items() if item.path is not None}
        candidates.sort(key=lambda path: str(path) not in known)
        for candidate in candidates:
            try:
                if file_sha256(candidate) == digest:
                    return candidate
            except OSError:
                continue
        return None

    def _import_name(
        self, source: Path, name: str | None, replace: bool, kind: ContentKind, digest: str | None = None
    ) -> str:
        """The given name, else the file name's slug (or `kind_<sha256>`), else the first free slug_2, slug_3..."""
        if name is not None:
            return name
        base = name_from_file(source, kind, digest)
        if replace or self.find(base) is None:
            return base
        for number in range(2, 10_000):
            suffix = f"_{number}"
            candidate = base[: MAX_NAME_LENGTH - len(suffix)] + suffix
            if self.find(candidate) is None:
                return candidate
        raise DataError(f"{source}: no free name for it; give one")

    def _unknown(self, name: str) -> str:
        names = [row[0] for row in self.db.execute("SELECT name FROM content_items").fetchall()]
        close = difflib.get_close_matches(name, names, n=3, cutoff=0.6)
        hint = f" (did you mean {', '.join(close)}?)" if close else ""
        return f"no content item named {name!r}{hint}"

    def _check_free(self, item: ContentItem, replace: bool) -> None:
        """DataError when the item's name or file is taken (by another item, with `replace`)."""
        existing = self.find(item.name)
        if existing is not None:
            if not replace:
                where = f" ({existing.path})" if existing.path else ""
                raise DataError(
                    f"content item {item.name!r} already exists{where}: choose another name, or replace it"
                )
            self._delete(item.name)
        if item.path is not None:
            row = self.db.execute("SELECT name FROM content_items WHERE path = ?", [item.path]).fetchone()
            if row is not None:
                raise DataError(f"{item.path}: already in the catalog as {row[0]!r}")

    def _delete(self, name: str) -> None:
        self.db.conn.execute("DELETE FROM content_tags WHERE name = ?", [name])
        self.db.conn.execute("DELETE FROM content_items WHERE name = ?", [name])

    def _write(self, item: ContentItem, scan_settings: dict | None, replace_existing: bool = False) -> None:
        """Insert the item's rows (replacing the item of that name when `replace_existing`)."""
        if replace_existing:
            self._delete(item.name)
        text = item.text
        values = (
            item.name, item.kind.value, item.title, item.duration_s, item.path,
            _date_text(item.valid_from), _date_text(item.valid_until), int(item.age_restricted),
            item.width_px, item.height_px,
            text.body if text else None, text.background if text else None, text.foreground if text else None,
            item.size_bytes, item.mtime_ns,
            json.dumps(scan_settings, sort_keys=True) if scan_settings is not None else None,
        )
        try:
            self.db.conn.execute(
                f"INSERT INTO content_items ({', '.join(_ITEM_COLUMNS)}) VALUES ({', '.join('?' * len(_ITEM_COLUMNS))})",
                values,
            )
            self.db.conn.executemany(
                "INSERT INTO content_tags (name, tag, position) VALUES (?, ?, ?)",
                [(item.name, tag, position) for position, tag in enumerate(item.tags)],
            )
        except sqlite3.IntegrityError as error:  # another process wrote the same name or file meanwhile
            raise DataError(f"content item {item.name!r}: cannot store it ({error})") from None

    def _scan_name(
        self, settings: FileSettings, path: Path, relative: str, taken: dict[str, str | None], kind: ContentKind
    ) -> str:
        """The name for a newly scanned file: the sidecar's, else the first free one of the
        file name's slug (`chips`), its folder path's (`snacks_chips`) and with the
        extension (`snacks_chips_png`, for chips.png beside chips.mp4)."""
        if settings.name is not None:
            _check_name(settings.name, f"{SIDECAR_NAME}: {relative}: name")
            if settings.name in taken:
                raise DataError(
                    f"{SIDECAR_NAME}: {relative}: name: {settings.name!r} is already used by"
                    f" {taken[settings.name] or 'a text slide'}"
                )
            return settings.name
        candidates = [name_from_file(path, kind), slugify(str(Path(relative).with_suffix(""))), slugify(relative)]
        for candidate in candidates:
            if candidate and candidate not in taken:
                return candidate
        raise DataError(
            f"the name {candidates[0]!r} is already used by {taken.get(candidates[0]) or 'a text slide'};"
            f" give this file a name in {SIDECAR_NAME}"
        )


# ---- items and settings ---------------------------------------------------------------


def normalise_tags(tags: Iterable[str] | str) -> tuple[str, ...]:
    """Tags as slugs, in order, without repeats; a string is split at commas.

    'Energy Drinks' becomes 'energy_drinks'; a tag with no letters or digits is a DataError.
    """
    if isinstance(tags, str):
        tags = [part for part in tags.split(",") if part.strip()]
    result: list[str] = []
    for tag in tags:
        if not isinstance(tag, str):
            raise DataError(f"tags: expected text, got {shorten(tag)}")
        slug = slugify(tag)
        if not slug:
            raise DataError(f"tags: {shorten(tag)} is not a usable tag (use letters, digits and _)")
        if slug not in result:
            result.append(slug)
    return tuple(result)


def _check_name(name: object, what: str = "name") -> str:
    if not isinstance(name, str) or not _SLUG.match(name) or len(name) > MAX_NAME_LENGTH:
        suggestion = slugify(name[:MAX_NAME_LENGTH * 2]) if isinstance(name, str) else ""
        hint = f" (for example {suggestion!r})" if suggestion else ""
        raise DataError(
            f"{what}: {shorten(name)} is not a valid name: lower-case letters, digits and _, starting with a letter"
            f" or digit, at most {MAX_NAME_LENGTH} characters{hint}"
        )
    return name


def _check_unicode(text: str, what: str) -> None:
    """DataError for text SQLite cannot store: a lone surrogate (YAML's "\\udce9" escape makes one)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise DataError(f"{what}: not valid Unicode text (character \\u{ord(text[error.start]):04x})") from None


def _check_duration(value: object, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value <= 0:
        raise DataError(f"{what}: expected a positive number of seconds, got {shorten(value)}")
    return float(value)


def _validated(item: ContentItem) -> ContentItem:
    """The item with checked name, title, duration, tags, dates and colours; DataError otherwise."""
    _check_name(item.name)
    where = f"content item {item.name}"
    if not isinstance(item.title, str) or not item.title.strip():
        raise DataError(f"{where}: title: must not be empty")
    _check_unicode(item.title, f"{where}: title")
    if item.text is not None and isinstance(item.text.body, str):
        _check_unicode(item.text.body, f"{where}: body")
    duration_s = _check_duration(item.duration_s, f"{where}: duration_s")
    if item.valid_from and item.valid_until and item.valid_from > item.valid_until:
        raise DataError(
            f"{where}: valid_from {item.valid_from.isoformat()} is after valid_until {item.valid_until.isoformat()}"
        )
    if item.kind is ContentKind.TEXT:
        if item.text is None:
            raise DataError(f"{where}: a text slide needs its text")
        for key in ("background", "foreground"):
            colour = getattr(item.text, key)
            if not isinstance(colour, str) or not _COLOUR.match(colour):
                raise DataError(f"{where}: {key}: expected a colour #rrggbb, got {shorten(colour)}")
        if not isinstance(item.text.body, str):
            raise DataError(f"{where}: body: expected text, got {shorten(item.text.body)}")
    return dataclasses.replace(item, title=item.title.strip(), duration_s=duration_s, tags=normalise_tags(item.tags))


def _file_item(path: Path, info: MediaInfo, settings: FileSettings, name: str) -> ContentItem:
    """A new catalog item for a probed file."""
    if info.kind is ContentKind.VIDEO:
        if settings.duration_s is not None:
            raise DataError(
                f"{path}: duration_s: a video plays for its own length ({info.duration_s:.1f} s);"
                " set a shorter time on the playlist entry instead"
            )
        duration_s = info.duration_s
    else:
        duration_s = DEFAULT_IMAGE_DURATION_S if settings.duration_s is None else settings.duration_s
    return _validated(
        ContentItem(
            name=_check_name(name),
            kind=info.kind,
            title=settings.title if settings.title is not None else _title_from_file(path),
            duration_s=duration_s,
            path=str(path),
            tags=settings.tags,
            valid_from=settings.valid_from,
            valid_until=settings.valid_until,
            age_restricted=settings.age_restricted,
            width_px=info.width_px,
            height_px=info.height_px,
            size_bytes=info.size_bytes,
            mtime_ns=info.mtime_ns,
        )
    )


def _reprobed(item: ContentItem, info: MediaInfo) -> ContentItem:
    """The item with what a new probe of its (changed) file says."""
    changes: dict[str, Any] = {
        "width_px": info.width_px, "height_px": info.height_px, "size_bytes": info.size_bytes, "mtime_ns": info.mtime_ns,
    }
    if info.kind is ContentKind.VIDEO:
        changes["duration_s"] = info.duration_s
    return dataclasses.replace(item, **changes)


_MERGED_SETTINGS = ("title", "tags", "duration_s", "valid_from", "valid_until", "age_restricted")


def _settings_json(settings: FileSettings) -> dict:
    """What a scan derived for a file, as stored in `scan_settings` (the baseline of the next merge)."""
    return {
        "title": settings.title,
        "tags": list(settings.tags),
        "duration_s": settings.duration_s,
        "valid_from": _date_text(settings.valid_from),
        "valid_until": _date_text(settings.valid_until),
        "age_restricted": settings.age_restricted,
    }


def _merged(item: ContentItem, settings: FileSettings, previous: dict | None, path: Path) -> ContentItem:
    """A three-way merge for a rescanned item: a setting the scan derives differently from
    last time is taken from the scan; otherwise the catalog's value (maybe edited by hand)
    stays. An item that no scan has seen before (added by hand) keeps all its settings."""
    if previous is None:
        return item
    derived = _settings_json(settings)
    changes: dict[str, Any] = {}
    for key in _MERGED_SETTINGS:
        if derived[key] == previous.get(key):
            continue
        if key == "duration_s" and item.kind is ContentKind.VIDEO:
            continue  # a video's length is the file's (a sidecar duration for a video is rejected earlier)
        value = derived[key]
        if key == "title" and value is None:
            value = _title_from_file(path)
        elif key == "tags":
            value = tuple(value)
        elif key in ("valid_from", "valid_until"):
            value = parse_date(value, key)
        elif key == "duration_s" and value is None:
            value = DEFAULT_IMAGE_DURATION_S
        changes[key] = value
    return _validated(dataclasses.replace(item, **changes)) if changes else item


def _item_from_row(row: dict[str, Any], tags: tuple[str, ...]) -> ContentItem:
    kind = ContentKind(row["kind"])
    text = None
    if kind is ContentKind.TEXT:
        text = TextSlide(
            body=row["text_body"] or "",
            background=row["text_background"] or TextSlide.background,
            foreground=row["text_foreground"] or TextSlide.foreground,
        )
    return ContentItem(
        name=row["name"],
        kind=kind,
        title=row["title"],
        duration_s=float(row["duration_s"]),
        path=row["path"],
        tags=tags,
        valid_from=dt.date.fromisoformat(row["valid_from"]) if row["valid_from"] else None,
        valid_until=dt.date.fromisoformat(row["valid_until"]) if row["valid_until"] else None,
        age_restricted=bool(row["age_restricted"]),
        width_px=row["width_px"],
        height_px=row["height_px"],
        text=text,
        size_bytes=row["size_bytes"],
        mtime_ns=row["mtime_ns"],
    )


def _date_text(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _absolute(path: str | Path) -> Path:
    """An absolute, normalised path; symbolic links are kept (the folder a user sees)."""
    return Path(os.path.abspath(os.path.expanduser(str(path))))


def _copy_hashing(source: Path, folder: Path) -> tuple[Path, str]:
    """Copy `source` to a hidden partial file in `folder` (scans skip hidden files);
    returns it and the sha256 of the bytes copied, read once for both. When the copy
    fails (full disk, file too large, interrupted) the partial file is removed first."""
    partial = folder / f".import-{secrets.token_hex(6)}.part"
    digest = hashlib.sha256()
    with open(source, "rb") as reading:
        # Opened before the try: only a file this call created is removed on failure.
        writing = open(partial, "xb")  # noqa: SIM115 - closed by the `with` below
        try:
            with writing:
                for block in iter(lambda: reading.read(1 << 20), b""):
                    digest.update(block)
                    writing.write(block)
                writing.flush()
                os.fsync(writing.fileno())
        except BaseException:
            partial.unlink(missing_ok=True)  # a half-written copy must not fill the disk for good
            raise
    return partial, digest.hexdigest()


# os.link errors of a file system without hard links (exFAT, FAT, some SMB/NFS mounts).
_NO_HARD_LINKS = (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK)
# Errors of a file name the file system cannot store (too long in bytes, characters it refuses).
_NAME_REFUSED = (errno.ENAMETOOLONG, errno.EILSEQ, errno.EINVAL)


def _link_free_name(partial: Path, folder: Path, file_name: str, generated_name: str) -> Path:
    """Give the partial copy the first free name of `file_name`, `stem-2.ext`, ...

    A hard link fails when the name exists, so even another importer at the same moment
    cannot be overwritten. A file system without hard links gets the name reserved with
    an exclusive create (O_EXCL), then the partial moved over it with `os.replace` (a
    rename: no second copy that could fill the disk); when the move fails the
    reservation is removed. A name the file system refuses (a long Korean name is over
    255 bytes; some file systems take no Unicode) falls back to `generated_name`."""
    try:
        return _link_to_free(partial, folder, file_name)
    except UnicodeEncodeError:
        pass  # the file system's encoding cannot spell the name
    except OSError as error:
        if error.errno not in _NAME_REFUSED or file_name == generated_name:
            raise
    log.info("content: %s: the library folder refuses this file name; the copy is called %s", file_name, generated_name)
    return _link_to_free(partial, folder, generated_name)


def _link_to_free(partial: Path, folder: Path, file_name: str) -> Path:
    stem, suffix = Path(file_name).stem, Path(file_name).suffix
    for number in range(1, 10_000):
        target = folder / (file_name if number == 1 else f"{stem}-{number}{suffix}")
        try:
            os.link(partial, target)
            return target
        except FileExistsError:
            continue
        except OSError as error:
            if error.errno not in _NO_HARD_LINKS:
                raise
        try:
            os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
        except FileExistsError:
            continue
        try:
            os.replace(partial, target)
        except BaseException:
            target.unlink(missing_ok=True)  # only our empty reservation: never a file of another importer
            raise
        return target
    raise OSError(errno.EEXIST, f"no free file name for {file_name}", str(folder))


def _copy_failed(folder: Path, error: OSError) -> str:
    """The MediaError reason of a copy into the library folder that failed."""
    return f"cannot copy it into the library folder {folder} ({error.strerror or error})"


def _is_under(path: Path, folder: Path) -> bool:
    try:
        path.relative_to(folder)
    except ValueError:
        return False
    return True


def _changed_on_disk(item: ContentItem, path: Path) -> bool:
    """Whether the file's size or modification time differ from when it was probed (or it is gone)."""
    try:
        stat = path.stat()
    except OSError:
        return True
    return stat.st_size != item.size_bytes or stat.st_mtime_ns != item.mtime_ns


def name_from_file(path: Path, kind: ContentKind, digest: str | None = None) -> str:
    """The file name's slug; for a name with no letters a slug can use (Korean, say),
    the kind and the start of the file's sha256 (`image_1a2b3c4d`, hashed when no
    `digest` is given): stable for the same bytes, and the editor has no name field."""
    name = slugify(path.stem)
    if name:
        return name
    return _generated_name(kind, digest if digest is not None else file_sha256(path))


def _generated_name(kind: ContentKind, digest: str) -> str:
    """`image_1a2b3c4d`: a catalog (and file) name for a file whose name gives none."""
    return f"{kind.value}_{digest[:8]}"


def _title_from_file(path: Path) -> str:
    """'summer-sale_2026' -> 'Summer sale 2026'."""
    words = " ".join(re.split(r"[\s_\-.]+", path.stem)).strip()
    return (words[:1].upper() + words[1:]) if words else path.name


def _media_files(folder: Path) -> list[Path]:
    """Every non-hidden file under `folder` except the sidecar, sorted by path."""
    found = []
    for root, folders, files in os.walk(folder):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        root_path = Path(root)
        for name in sorted(files):
            if name.startswith(".") or (root_path == folder and name == SIDECAR_NAME):
                continue
            found.append(root_path / name)
    return sorted(found, key=lambda path: path.relative_to(folder).as_posix())


# ---- the sidecar ----------------------------------------------------------------------

class _SidecarLoader(yaml.SafeLoader):
    """YAML's safe loader with dates left as text: PyYAML turns `2026-02-30` into a crash of
    the whole file; as text it is an error of its entry, which `parse_date` names."""


_SidecarLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

_SIDECAR_KEYS = ("name", "title", "tags", "duration_s", "valid_from", "valid_until", "age_restricted")


def _load_sidecar(path: Path) -> dict[str, Any]:
    """The sidecar's entries keyed by relative path ('snacks/chips.png'); {} without one.

    DataError (naming the file, and the line for broken YAML) when it cannot be used.
    """
    if not path.exists():
        return {}
    try:
        # Refused from its size before reading, and for anchors and aliases before a node
        # is built: 500 bytes of aliases expand into gigabytes ("billion laughs").
        text = read_text_limited(path, MAX_YAML_BYTES, what="the file")
        refuse_yaml_aliases(text, str(path))
    except OSError as error:
        raise DataError(f"{path}: cannot read ({error.strerror or error})") from None
    except InputLimitError as error:
        raise DataError(str(error)) from None
    try:
        data = yaml.load(text, Loader=_SidecarLoader)  # a SafeLoader subclass: safe
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        problem = getattr(error, "problem", None) or "syntax error"
        raise DataError(f"{path}: not valid YAML{where} ({problem})") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise DataError(
            f"{path}: expected a mapping of file names to settings (chips.png: {{tags: [snacks]}}),"
            f" got {type(data).__name__}"
        )
    entries: dict[str, Any] = {}
    for key, value in data.items():
        if not isinstance(key, str) or not key.strip():
            raise DataError(f"{path}: {shorten(key)}: expected a file name (a path relative to the folder)")
        relative = Path(key.strip().replace("\\", "/")).as_posix()
        if relative in entries:
            raise DataError(f"{path}: {shorten(key)[1:-1]}: listed twice")
        entries[relative] = value
    return entries


def _sidecar_settings(sidecar: Path, relative: str, entry: object) -> FileSettings:
    """The FileSettings of one sidecar entry (None: no entry); DataError naming the file and key."""
    if entry is None:
        return FileSettings()
    where = f"{sidecar.name}: {relative}"
    if not isinstance(entry, dict):
        raise DataError(f"{where}: expected a mapping of settings ({', '.join(_SIDECAR_KEYS)}), got {shorten(entry)}")
    unknown = [str(key) for key in entry if key not in _SIDECAR_KEYS]
    if unknown:
        close = difflib.get_close_matches(unknown[0], _SIDECAR_KEYS, n=1)
        hint = f"did you mean {close[0]}? " if close else ""
        raise DataError(f"{where}: unknown key {shorten(unknown[0])} ({hint}known: {', '.join(_SIDECAR_KEYS)})")
    values: dict[str, Any] = {}
    if entry.get("name") is not None:
        values["name"] = _check_name(entry["name"], f"{where}: name")
    if entry.get("title") is not None:
        if not isinstance(entry["title"], (str, int, float)) or not str(entry["title"]).strip():
            raise DataError(f"{where}: title: expected text, got {shorten(entry['title'])}")
        values["title"] = str(entry["title"]).strip()
    if entry.get("tags") is not None:
        tags = entry["tags"]
        if not isinstance(tags, list) or not all(isinstance(tag, str) for tag in tags):
            raise DataError(f"{where}: tags: expected a list of tags such as [snacks, sweets], got {shorten(tags)}")
        try:
            values["tags"] = normalise_tags(tags)
        except DataError as error:
            raise DataError(f"{where}: {error}") from None
    if entry.get("duration_s") is not None:
        values["duration_s"] = _check_duration(entry["duration_s"], f"{where}: duration_s")
    for key in ("valid_from", "valid_until"):
        if entry.get(key) is not None:
            values[key] = parse_date(entry[key], f"{where}: {key}")
    if entry.get("age_restricted") is not None:
        if not isinstance(entry["age_restricted"], bool):
            raise DataError(f"{where}: age_restricted: expected true or false, got {shorten(entry['age_restricted'])}")
        values["age_restricted"] = entry["age_restricted"]
    settings = FileSettings(**values)
    if settings.valid_from and settings.valid_until and settings.valid_from > settings.valid_until:
        raise DataError(f"{where}: valid_from is after valid_until")
    return settings
