"""The one SQLite database of an installation, and numbered migrations per component.

The catalog (`content`), playlists and rules (`playlists`) and later proof of play share
one file, so the player, the CLI and the editor see one consistent state. It is opened
in WAL mode: readers (the player) never block the writer (the editor or the CLI), and a
killed process loses at most its last uncommitted transaction.

Each component keeps its own numbered migrations: a tuple of SQL scripts, applied in
order once each and recorded in `schema_migrations`. A migration is never edited after
it has shipped; a change is a new migration at the end.

What a shop floor does to the file, and what happens then:

- **Damaged or empty.** A zero-byte file, a file that is not a SQLite database, or one
  SQLite calls corrupt (a header check for every open; `PRAGMA quick_check` as well for
  the player) is never deleted, overwritten or re-seeded: it is renamed to
  `NAME.damaged-YYYYmmdd-HHMMSS` in the same folder (its -wal and -shm with it), a
  WARNING says so and where, and a new, empty database takes its place.
  `database_origin(db)` tells whether the database was created by this open and whether
  it replaced a damaged one (`playlists.rulebook.seed_if_new` seeds only a fresh one).
- **Read-only** (file mode, an immutable file, a read-only folder or file system): it
  opens read-only, and every write through `write_transaction` or `migrate` is a
  one-line `DatabaseWriteError` ("... the database is read-only: ...") instead of a
  traceback; a full disk, a busy lock and an I/O error are the same error with another
  `kind`.
- **Owner-only.** The file, its -wal and -shm (SQLite gives them the database file's
  mode) are created 0600 and a folder we create 0700; existing ones that we own are
  tightened to that. They hold purchases and proof of play.
- **The player** opens through `PlayerDatabase`, which never raises: it is writable,
  read-only or unavailable with a one-line reason (logged once per change), notices
  files that stop being writable before SQLite touches them, and `retry()` reopens.
"""

from __future__ import annotations

import contextlib
import ctypes
import datetime as dt
import enum
import errno
import logging
import os
import shutil
import sqlite3
import stat
import time
import urllib.parse
import weakref
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from foundation.errors import DataError

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"  # the first 16 bytes of every SQLite 3 database
COMPANION_SUFFIXES = ("-wal", "-shm", "-journal")  # files SQLite keeps beside the database
OWNER_ONLY_FILE = 0o600
OWNER_ONLY_FOLDER = 0o700
BUSY_TIMEOUT_S = 10.0  # the CLI and the editor wait this long for another writer's lock
# The player runs its writes on the GUI thread: a proof-of-play row that cannot get the
# lock in a second waits in memory (ProofOfPlay) rather than freezing the screen.
PLAYER_BUSY_TIMEOUT_S = 1.0
# PRAGMA quick_check reads every page: measured 0.43 s warm and 0.9 s cold on a 66 MB
# database (150,000 plays and as many audience samples, about 17 days of a busy kiosk)
# here, so only the player runs it (once per open), and stops after this budget on a
# database grown far larger (an SD card reads 20 MB/s). The CLI and the editor check the
# header and the schema only (86 us).
QUICK_CHECK_BUDGET_S = 3.0

# SQLite's primary result codes (the low byte of `sqlite_errorcode`).
_SQLITE_PERM, _SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY = 3, 5, 6, 8
_SQLITE_INTERRUPT, _SQLITE_IOERR, _SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_CANTOPEN = 9, 10, 11, 13, 14
_SQLITE_NOTADB = 26
_DAMAGED_CODES = (_SQLITE_CORRUPT, _SQLITE_NOTADB)


class DatabaseWriteError(DataError):
    """A write the database refused for a reason outside the program; nothing was changed.

    `kind` is "read_only" (file, folder or file system not writable), "full" (disk or
    `max_page_count`), "busy" (another writer held the lock too long), "io" (an I/O
    error) or "damaged". The message is one line naming the file.
    """

    def __init__(self, message: str, kind: str) -> None:
        super().__init__(message)
        self.kind = kind


class OpenMode(str, enum.Enum):
    """How a database file is opened."""

    READ_WRITE = "rw"
    READ_ONLY = "ro"  # SQLite's mode=ro: sees the WAL through the -shm
    IMMUTABLE = "immutable"  # no locks, no -shm: the database file alone (last resort)
    MEMORY = "memory"


@dataclass(frozen=True)
class DatabaseOrigin:
    """What `open_database` found and did."""

    path: Path | None  # None: in memory
    created: bool  # the file was created by this open (it did not exist, or replaced a damaged one)
    moved_aside: Path | None  # where a damaged file was moved by this open
    mode: OpenMode
    read_only_reason: str | None  # why writes cannot work (None: writable when opened)

    @property
    def fresh(self) -> bool:
        """Created by this open and not in place of a damaged database: safe to seed."""
        return self.created and self.moved_aside is None


# The origin of every Database this process opened (weak: a closed one goes away).
_ORIGINS: weakref.WeakKeyDictionary[Database, DatabaseOrigin] = weakref.WeakKeyDictionary()


def database_origin(db: Database) -> DatabaseOrigin | None:
    """How `db` was opened by `open_database` (None for a Database made some other way)."""
    return _ORIGINS.get(db)


def open_database(path: str | Path | None, *, quick_check: bool = False) -> Database:
    """Open (creating folders and file) the database at `path`; None gives an in-memory one.

    A missing file is created owner-only (0600, its folder 0700 if we create it). A
    damaged one (empty, not SQLite, or corrupt by SQLite's word; with `quick_check` also
    by `PRAGMA quick_check`) is moved aside to `NAME.damaged-YYYYmmdd-HHMMSS` and a new
    one created, with a WARNING. A read-only database opens read-only: writes through
    `write_transaction` then raise `DatabaseWriteError`. A database that cannot be
    opened at all is a DataError naming it.
    """
    if path is None:
        db = Database(memory=True)
        _ORIGINS[db] = DatabaseOrigin(None, True, None, OpenMode.MEMORY, None)
        return db
    db, _ = _open_file(Path(path), quick_check=quick_check, timeout_s=BUSY_TIMEOUT_S)
    return db


def migrate(db: Database, component: str, migrations: tuple[str, ...]) -> int:
    """Apply `component`'s migrations that have not run yet; returns how many ran.

    Migration k (1-based) is `migrations[k - 1]`, an SQL script. Each runs in its own
    transaction together with its record, so a failure leaves the database as it was.
    A database that is up to date is only read (a read-only one works); one that needs
    a migration but cannot be written raises `DatabaseWriteError`.
    """
    try:
        db.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations ("
            " component TEXT NOT NULL, number INTEGER NOT NULL, applied_at TEXT NOT NULL,"
            " PRIMARY KEY (component, number))"
        )
        done = {
            row[0]
            for row in db.execute("SELECT number FROM schema_migrations WHERE component = ?", [component]).fetchall()
        }
    except sqlite3.DatabaseError as error:
        raise _write_error(db, error) or DataError(f"database migration {component} failed ({error})") from error
    ran = 0
    for number, script in enumerate(migrations, start=1):
        if number in done:
            continue
        connection = db.conn
        applied_at = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        try:
            # One script, one transaction: the migration and its record, or neither.
            connection.executescript(
                f"BEGIN;\n{script}\n;INSERT INTO schema_migrations (component, number, applied_at)"
                f" VALUES ('{_sql_text(component)}', {number}, '{applied_at}');\nCOMMIT;"
            )
        except sqlite3.DatabaseError as error:
            _rollback_quietly(connection)
            converted = _write_error(db, error)
            if converted is not None:
                raise converted from error
            raise DataError(f"database migration {component} #{number} failed ({error})") from None
        ran += 1
    return ran


def _sql_text(text: str) -> str:
    """`text` as the inside of an SQL string literal."""
    return text.replace("'", "''")


@contextlib.contextmanager
def write_transaction(db: Database) -> Iterator[sqlite3.Connection]:
    """One write transaction: commit at the end, roll back on any exception.

    `BEGIN IMMEDIATE`, not sqlite-utils' `db.atomic()`: a plain BEGIN takes the write lock
    only at the first write, so a concurrent writer (the editor, the CLI, an import)
    could slip in between a version check and the write, or two writers could both fail
    upgrading their read locks. With IMMEDIATE the second writer waits (up to the
    connection's timeout) instead. Must not be nested, except inside
    `combined_write_transaction`, which it then joins.

    A write the disk refuses (read-only, full, busy, I/O error, damaged) is a
    `DatabaseWriteError` naming the file; other errors pass through unchanged.
    """
    connection = db.conn
    if connection.in_transaction:
        if id(connection) in _JOINABLE:
            yield connection  # inside `combined_write_transaction`: it commits or rolls back
            return
        raise RuntimeError("a write transaction is already open on this connection")
    try:
        connection.execute("BEGIN IMMEDIATE")
    except sqlite3.DatabaseError as error:
        converted = _write_error(db, error)
        if converted is not None:
            raise converted from error
        raise
    try:
        yield connection
        connection.commit()
    except sqlite3.DatabaseError as error:
        _rollback_quietly(connection)
        converted = _write_error(db, error)
        if converted is not None:
            raise converted from error
        raise
    except BaseException:
        _rollback_quietly(connection)
        raise


# Connections (by id) inside `combined_write_transaction`, whose writers join it.
_JOINABLE: set[int] = set()


@contextlib.contextmanager
def combined_write_transaction(db: Database) -> Iterator[sqlite3.Connection]:
    """One write transaction for several writers' methods: every `write_transaction` on
    `db` inside the block joins it instead of refusing to nest, so their writes commit
    together at the end, or (any exception) none of them does.

    For a change that spans components, e.g. `signage sync` applying a release: the
    catalog's items (`ContentLibrary`) and the rules (`PlaylistStore.replace_all`) in
    one commit, so the player never reads new rules with the old catalog. Outside such a
    block `write_transaction` still refuses to nest.
    """
    with write_transaction(db) as connection:
        _JOINABLE.add(id(connection))
        try:
            yield connection
        finally:
            _JOINABLE.discard(id(connection))


@contextlib.contextmanager
def read_transaction(db: Database) -> Iterator[sqlite3.Connection]:
    """Reads that see one consistent snapshot (WAL); inside a write, that write's view."""
    connection = db.conn
    if connection.in_transaction:
        yield connection
        return
    connection.execute("BEGIN")
    try:
        yield connection
    finally:
        connection.rollback()


def _rollback_quietly(connection: sqlite3.Connection) -> None:
    """Roll back if a transaction is open; a rollback that fails too (the disk is gone)
    must not hide the error that caused it."""
    try:
        if connection.in_transaction:
            connection.rollback()
    except sqlite3.Error as error:
        log.debug("rollback failed as well: %s", error)


def _primary_code(error: BaseException) -> int:
    """SQLite's primary result code of `error` (0 when it carries none)."""
    return (getattr(error, "sqlite_errorcode", None) or 0) & 0xFF


def _write_error(db: Database, error: sqlite3.Error) -> DatabaseWriteError | None:
    """`error` as a one-line DatabaseWriteError when the disk or another program caused it."""
    code = _primary_code(error)
    path = _database_path(db)
    where = str(path) if path is not None else "the database"
    read_only = unwritable_reason(path) if path is not None else None
    if code in (_SQLITE_READONLY, _SQLITE_PERM) or (code in (_SQLITE_IOERR, _SQLITE_CANTOPEN) and read_only):
        return DatabaseWriteError(
            f"{where}: the database is read-only: {read_only or error}; nothing was changed", "read_only"
        )
    if code == _SQLITE_FULL:
        free = _free_space(path)
        return DatabaseWriteError(f"{where}: no room to write ({error}{free}); nothing was changed", "full")
    if code in (_SQLITE_BUSY, _SQLITE_LOCKED):
        return DatabaseWriteError(
            f"{where}: the database is busy: another program held its write lock too long ({error});"
            " nothing was changed",
            "busy",
        )
    if code in (_SQLITE_IOERR, _SQLITE_CANTOPEN):
        return DatabaseWriteError(f"{where}: cannot write ({error}); nothing was changed", "io")
    if code in _DAMAGED_CODES:
        return DatabaseWriteError(f"{where}: the database is damaged ({error}); nothing was changed", "damaged")
    return None


def _database_path(db: Database) -> Path | None:
    origin = _ORIGINS.get(db)
    if origin is not None:
        return origin.path
    try:
        for _, name, file in db.conn.execute("PRAGMA database_list").fetchall():
            if name == "main":
                return Path(file) if file else None
    except sqlite3.Error:
        pass
    return None


def _free_space(path: Path | None) -> str:
    if path is None:
        return ""
    try:
        free = shutil.disk_usage(path.parent).free
    except OSError:
        return ""
    return f"; {free / 1e6:.1f} MB free on its disk"


# --------------------------------------------------------------------------------------
# Opening a file: folders, damage, modes


def _open_file(path: Path, *, quick_check: bool, timeout_s: float) -> tuple[Database, DatabaseOrigin]:
    """Open `path` as described in `open_database`; returns the database and its origin."""
    _make_folder(path.parent)
    created = False
    moved_aside: Path | None = None
    for attempt in (1, 2):
        if not os.path.lexists(path):
            created = _create_database_file(path)
        else:
            damage = _damage_in_header(path)
            if damage is not None:
                if attempt == 2:
                    raise DataError(f"{path}: a new database is damaged at once ({damage})")
                moved_aside = _move_aside(path, damage)
                continue
        read_only_reason = unwritable_reason(path)
        connection, mode, read_only_reason = _connect(path, read_only_reason, timeout_s)
        damage = _damage_by_sqlite(connection, path, quick_check)
        if damage is None:
            break
        connection.close()
        if attempt == 2:
            raise DataError(f"{path}: a new database is damaged at once ({damage})")
        moved_aside = _move_aside(path, damage)
    if mode is not OpenMode.IMMUTABLE:
        _tighten_modes(path)
    db = Database(connection)
    origin = DatabaseOrigin(path, created, moved_aside, mode, read_only_reason)
    _ORIGINS[db] = origin
    return db, origin


def _make_folder(folder: Path) -> None:
    """Create `folder` and any missing parents, each owner-only (0700)."""
    missing = []
    current = folder
    while not os.path.lexists(current) and current != current.parent:
        missing.append(current)
        current = current.parent
    if not missing and not os.path.isdir(folder):
        raise DataError(f"{folder}: not a folder, cannot hold the signage database")
    for each in reversed(missing):
        try:
            os.mkdir(each, OWNER_ONLY_FOLDER)
        except FileExistsError:
            continue  # another process made it meanwhile
        except OSError as error:
            raise DataError(f"{each}: cannot create the database folder ({error.strerror})") from None
        with contextlib.suppress(OSError):
            os.chmod(each, OWNER_ONLY_FOLDER)  # exact, whatever the umask


def _create_database_file(path: Path) -> bool:
    """Create an empty WAL-mode database at `path` atomically; False if another process
    created one first.

    It is made under a temporary name and hard-linked into place, which fails if the
    name exists: nobody can see a zero-byte `path` from us and take it for damage, and
    nothing is ever overwritten.
    """
    temporary = path.with_name(f".{path.name}.new-{os.getpid()}")
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, OWNER_ONLY_FILE)
        os.close(descriptor)
        connection = sqlite3.connect(str(temporary))
        try:
            connection.execute("PRAGMA journal_mode=WAL")  # writes the header: 4096 bytes
        finally:
            connection.close()
        try:
            os.link(temporary, path)
        except FileExistsError:
            return False
        except OSError as error:
            if error.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.EMLINK):
                raise
            # A file system without hard links (FAT on a USB stick): rename, after a check.
            if os.path.lexists(path):
                return False
            os.rename(temporary, path)
        return True
    except (OSError, sqlite3.Error) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise DataError(f"{path}: cannot create the signage database ({reason})") from None
    finally:
        for leftover in (temporary, *(Path(f"{temporary}{suffix}") for suffix in COMPANION_SUFFIXES)):
            with contextlib.suppress(OSError):
                os.unlink(leftover)


def _damage_in_header(path: Path) -> str | None:
    """What is wrong with `path` before SQLite reads it (None: looks like a database)."""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise DataError(f"{path}: not a regular file, cannot be the signage database")
        if info.st_size == 0:
            wal = Path(f"{path}-wal")
            if wal.is_file() and wal.stat().st_size > 0:
                return None  # everything is still in the WAL: SQLite reads it from there
            return "it is empty (0 bytes)"
        with open(path, "rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise DataError(f"{path}: cannot read the signage database ({error.strerror})") from None
    if header != SQLITE_HEADER:
        return "it is not a SQLite database"
    return None


def _connect(
    path: Path, read_only_reason: str | None, timeout_s: float
) -> tuple[sqlite3.Connection, OpenMode, str | None]:
    """A configured connection to `path`: read-write when it can be written, else
    read-only, else (no -shm can be made) immutable. Returns it, its mode and why it is
    not writable."""
    modes = [OpenMode.READ_WRITE] if read_only_reason is None else [OpenMode.READ_ONLY, OpenMode.IMMUTABLE]
    last_error: sqlite3.Error | None = None
    for mode in modes:
        if mode is OpenMode.IMMUTABLE and not _immutable_is_safe(path):
            continue
        uri = "file:" + urllib.parse.quote(str(path.absolute())) + {
            OpenMode.READ_WRITE: "?mode=rw",
            OpenMode.READ_ONLY: "?mode=ro",
            OpenMode.IMMUTABLE: "?immutable=1",
        }[mode]
        try:
            connection = sqlite3.connect(uri, uri=True, check_same_thread=False, timeout=timeout_s)
        except sqlite3.Error as error:
            last_error = error
            continue
        try:
            if mode is OpenMode.READ_WRITE:
                connection.execute("PRAGMA journal_mode=WAL")
                connection.execute("PRAGMA synchronous=NORMAL")  # with WAL: durable up to the last commit on power loss
            connection.execute("PRAGMA foreign_keys=ON")
            # Reading the schema reads page 1: a damaged header or schema shows here.
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError as error:
            if _primary_code(error) in _DAMAGED_CODES:
                return connection, mode, read_only_reason  # _damage_by_sqlite sees it again and says so
            connection.close()
            last_error = error
            if _primary_code(error) == _SQLITE_CANTOPEN and mode is OpenMode.READ_WRITE:
                # The folder turned read-only since the check: try once more read-only.
                read_only_reason = unwritable_reason(path) or str(error)
                modes.extend([OpenMode.READ_ONLY, OpenMode.IMMUTABLE])
            continue
        if mode is OpenMode.IMMUTABLE:
            read_only_reason = f"{read_only_reason}; opened without locks (no -shm could be made)"
        return connection, mode, read_only_reason
    raise DataError(f"{path}: cannot open the signage database ({last_error})")


def _immutable_is_safe(path: Path) -> bool:
    """Whether `immutable=1` shows the whole database: it ignores the -wal, so only
    when there is none (or an empty one)."""
    wal = Path(f"{path}-wal")
    try:
        return not wal.exists() or wal.stat().st_size == 0
    except OSError:
        return False


def _damage_by_sqlite(connection: sqlite3.Connection, path: Path, quick_check: bool) -> str | None:
    """What SQLite finds wrong with an open database (None: nothing).

    Only corruption counts: a busy lock or an I/O error is not damage, and a database
    that cannot be checked in `QUICK_CHECK_BUDGET_S` is taken as it is.
    """
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        if not quick_check:
            return None
        deadline = time.monotonic() + QUICK_CHECK_BUDGET_S
        connection.set_progress_handler(lambda: int(time.monotonic() > deadline), 10_000)
        try:
            rows = connection.execute("PRAGMA quick_check(3)").fetchall()
        finally:
            connection.set_progress_handler(None, 0)
    except sqlite3.DatabaseError as error:
        code = _primary_code(error)
        if code in _DAMAGED_CODES:
            return f"SQLite: {error}"
        if code == _SQLITE_INTERRUPT:
            log.info("%s: quick_check stopped after %.0f s (a large database); taken as it is", path,
                     QUICK_CHECK_BUDGET_S)
            return None
        raise DataError(f"{path}: cannot open the signage database ({error})") from None
    if rows == [("ok",)]:
        return None
    return "PRAGMA quick_check: " + "; ".join(str(row[0]) for row in rows)


def _move_aside(path: Path, reason: str) -> Path:
    """Rename a damaged `path` (and its -wal, -shm) to `NAME.damaged-YYYYmmdd-HHMMSS`; never
    overwrites anything. Raises DataError when it cannot."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    for number in range(1, 100):
        target = path.with_name(f"{path.name}.damaged-{stamp}" + ("" if number == 1 else f"-{number}"))
        if not _rename_no_overwrite(path, target, reason):
            continue
        for suffix in COMPANION_SUFFIXES:
            companion = Path(f"{path}{suffix}")
            # With the database, so SQLite can open the moved copy with its WAL.
            if os.path.lexists(companion) and not _rename_no_overwrite(companion, Path(f"{target}{suffix}"), reason):
                log.warning("%s: left in place: %s exists", companion, f"{target}{suffix}")
        _tighten_modes(target)  # what it held is as private as the database was meant to be
        log.warning("%s: %s; moved it aside to %s and started a new, empty database", path, reason, target)
        return target
    raise DataError(f"{path}: {reason}, and no free name to move it aside to")


def _rename_no_overwrite(source: Path, target: Path, reason: str) -> bool:
    """Rename `source` to `target` unless `target` exists (False then)."""
    try:
        # link + unlink: the link fails if the name is taken, where rename would overwrite.
        os.link(source, target)
    except FileExistsError:
        return False
    except FileNotFoundError:
        return True  # another process moved it meanwhile
    except OSError as error:
        if error.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.EMLINK) or os.path.lexists(target):
            raise DataError(f"{source}: {reason}, and it cannot be moved aside ({error.strerror})") from None
        try:
            os.rename(source, target)  # no hard links here (or an immutable file: fails too)
        except OSError as rename_error:
            raise DataError(
                f"{source}: {reason}, and it cannot be moved aside ({rename_error.strerror})"
            ) from None
        return True
    try:
        os.unlink(source)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(target)
        raise DataError(f"{source}: {reason}, and it cannot be moved aside ({error.strerror})") from None
    return True


def _tighten_modes(path: Path) -> None:
    """Make the database and its companions owner-only where we own them and they are not."""
    for candidate in (path, *(Path(f"{path}{suffix}") for suffix in COMPANION_SUFFIXES)):
        try:
            info = os.stat(candidate)
        except OSError:
            continue
        mode = stat.S_IMODE(info.st_mode)
        if info.st_uid != os.geteuid() or not mode & 0o077:
            continue
        try:
            os.chmod(candidate, mode & 0o700)
        except OSError as error:
            log.warning("%s: readable by other users (mode %03o) and cannot be made owner-only (%s)",
                        candidate, mode, error.strerror)


def unwritable_reason(path: Path) -> str | None:
    """Why the database at `path` cannot be written now (None: it can).

    Looks at the file, its -wal and -shm (when they exist) and, while one of those is
    missing, the folder (SQLite creates them there). A few system calls: cheap enough
    before every write.
    Root ignores mode bits, so as root only an immutable file or a read-only file system
    stops it (which `access()` reports for root too).
    """
    wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
    for candidate in (path, wal, shm):
        if os.access(candidate, os.W_OK) or not os.path.lexists(candidate):
            continue
        return _why_unwritable(candidate)
    folder = path.parent
    # The folder matters only while SQLite still has to create the -wal or the -shm.
    if not (wal.exists() and shm.exists()) and not os.access(folder, os.W_OK | os.X_OK):
        if not os.path.isdir(folder):
            return f"its folder {folder} does not exist"
        return f"its folder {folder} cannot be written ({_folder_reason(folder)})"
    return None


def _why_unwritable(path: Path) -> str:
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_NONBLOCK | os.O_NOFOLLOW)
    except OSError as error:
        if error.errno == errno.EROFS:
            return f"{path.name} is on a read-only file system"
        if error.errno == errno.EPERM:
            return f"{path.name} is immutable (chattr +i)"
        if error.errno == errno.EACCES:
            return f"no permission to write {path.name}"
        return f"{path.name}: {error.strerror}"
    os.close(descriptor)
    return f"{path.name} cannot be written"


def _folder_reason(folder: Path) -> str:
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return "read-only file system"
    except OSError as error:
        return error.strerror
    return "immutable (chattr +i)" if os.geteuid() == 0 else "no write permission"


# --------------------------------------------------------------------------------------
# The player's database


class DatabaseState(str, enum.Enum):
    """What the player can do with its database now."""

    WRITABLE = "writable"
    READ_ONLY = "read_only"  # rules and content can be read; proof of play waits in memory
    UNAVAILABLE = "unavailable"  # nothing can be read: play from memory or the built-in slide


class PlayerDatabase:
    """The kiosk player's database: opened whatever state the disk is in, never raising.

    `state` is writable, read_only or unavailable, with a one-line `reason` (logged once
    per change). `db` is the open database or None. Call `check()` before reading
    (`for_reading()` does) and `retry()` every few seconds; when `generation` changes,
    `db` is a new object: build stores and catalogs from it again. Pass the object
    itself to `ProofOfPlay`, which then keeps what cannot be written in memory.

    Why `check()` matters: SQLite maps the -shm file into memory, and when that file
    turns immutable or read-only under a running process (chattr +i, a remount), the
    next read or write of the mapping is a SIGBUS that kills the player. `check()` looks
    first (a stat and an access call) and sets the connection aside before SQLite can
    touch the file again. A set-aside connection is never closed, not even at exit:
    closing it checkpoints through the same mapping. What it committed is in the WAL,
    and the next open reads it.
    """

    def __init__(self, path: str | Path) -> None:
        """Open `path` (see `open_database`; also `PRAGMA quick_check`)."""
        self.path = Path(path)
        self.db: Database | None = None
        self.origin: DatabaseOrigin | None = None
        self.state = DatabaseState.UNAVAILABLE
        self.reason = "not opened yet"
        self.generation = 0  # grows each time `db` is replaced (or set to None)
        self._shm = Path(f"{self.path}-shm")
        self._shm_inode: tuple[int, int] | None = None  # the -shm SQLite mapped writable
        self._set_aside_shm: tuple[int, int] | None = None  # the -shm under a set-aside connection
        self._logged: tuple[DatabaseState, str] | None = None
        self._open()

    # -- what the player calls -------------------------------------------------------

    def check(self) -> DatabaseState:
        """Notice files that stopped (or started) being writable; returns the state.

        Cheap: a stat and a few access calls, no SQLite. If the -shm SQLite has mapped
        for writing cannot be written any more, the connection is set aside at once.
        """
        if self.db is None:
            return self.state
        if self._shm_inode is not None and self._shm_turned_read_only():
            self._set_aside(f"{_why_unwritable(self._shm)} while it was open")
            return self.state
        if self.origin.mode is OpenMode.READ_WRITE:
            reason = unwritable_reason(self.path)
            if reason is None:
                self._set(DatabaseState.WRITABLE, "")
            else:
                self._set(DatabaseState.READ_ONLY, f"{self.path}: read-only: {reason}")
        return self.state

    def for_reading(self) -> Database | None:
        """The database, checked, if it can be read now; else None."""
        self.check()
        return self.db

    def for_writing(self) -> Database | None:
        """The database, checked, if it can be written now; else None."""
        return self.db if self.check() is DatabaseState.WRITABLE else None

    def write_failed(self, error: BaseException) -> None:
        """A write through `db` failed with `error`: look again at what the disk allows."""
        log.debug("%s: write failed: %s", self.path, error)
        self.check()

    def retry(self) -> bool:
        """Try to get back to writable (reopening when needed); True when `db` or the state changed."""
        before = (self.generation, self.state)
        if self.state is not DatabaseState.WRITABLE:
            if self.db is None:
                if not self._set_aside_shm_still_read_only():
                    self._open()
            elif self.origin.mode is OpenMode.READ_WRITE:
                self.check()
            elif unwritable_reason(self.path) is None and self._reopen_is_safe():
                # Opened read-only (or immutable) and the disk allows writes again:
                # a read-only connection cannot become writable, so open a new one.
                self._close_connection()
                self._open()
            else:
                self.check()
        return (self.generation, self.state) != before

    def describe(self) -> str:
        """One line for a status display: "writable", or the state and why."""
        return self.state.value if self.state is DatabaseState.WRITABLE else f"{self.state.value}: {self.reason}"

    def close(self) -> None:
        """Close the connection (a set-aside one stays open; see the class notes)."""
        self.check()
        self._close_connection()

    # -- internals -------------------------------------------------------------------

    def _open(self) -> None:
        try:
            db, origin = _open_file(self.path, quick_check=True, timeout_s=PLAYER_BUSY_TIMEOUT_S)
        except DataError as error:
            self._replace(None, None)
            self._set(DatabaseState.UNAVAILABLE, str(error))
            return
        # No memory-mapped I/O of the database file: a mapping of a file that turns
        # read-only or is truncated underneath is a SIGBUS, a read() is an error.
        with contextlib.suppress(sqlite3.Error):
            db.conn.execute("PRAGMA mmap_size=0")
        self._replace(db, origin)
        self._shm_inode = None
        if origin.mode is not OpenMode.IMMUTABLE and os.access(self._shm, os.W_OK):
            # SQLite opens the -shm read-write whenever it can, even with mode=ro.
            self._shm_inode = _inode(self._shm)
        self._set_aside_shm = None
        if origin.read_only_reason is None:
            self._set(DatabaseState.WRITABLE, "")
        else:
            self._set(DatabaseState.READ_ONLY, f"{self.path}: read-only: {origin.read_only_reason}")

    def _replace(self, db: Database | None, origin: DatabaseOrigin | None) -> None:
        if db is not self.db:
            self.generation += 1
        self.db, self.origin = db, origin

    def _shm_turned_read_only(self) -> bool:
        # A -shm replaced or deleted underneath leaves SQLite's mapping on the old,
        # orphaned inode, which stays writable: only the same file matters.
        return _inode(self._shm) == self._shm_inode and not os.access(self._shm, os.W_OK)

    def _set_aside_shm_still_read_only(self) -> bool:
        if self._set_aside_shm is None:
            return False
        if _inode(self._shm) == self._set_aside_shm and not os.access(self._shm, os.W_OK):
            return True  # any new connection would share the old mapping: wait
        self._set_aside_shm = None
        return False

    def _reopen_is_safe(self) -> bool:
        """Closing a read-only connection whose -shm is mapped for writing touches it."""
        return self._shm_inode is None or not self._shm_turned_read_only()

    def _set_aside(self, reason: str) -> None:
        connection = self.db.conn
        # Never closed, never freed (freeing closes it): an extra reference that nothing
        # releases keeps CPython from deallocating it even at interpreter exit.
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(connection))
        _SET_ASIDE.append(connection)
        # Anything still holding the old Database gets a clean "closed database" error
        # (a sqlite3.DatabaseError) instead of the SIGBUS.
        self.db.conn = _closed_connection()
        self._set_aside_shm = self._shm_inode
        self._shm_inode = None
        self._replace(None, None)
        self._set(DatabaseState.UNAVAILABLE, f"{self.path}: {reason}: its connection is set aside (touching that"
                  " file now would kill the player with SIGBUS) and playback goes on from memory")

    def _close_connection(self) -> None:
        if self.db is not None:
            with contextlib.suppress(sqlite3.Error):
                self.db.conn.close()
        self._shm_inode = None
        self._replace(None, None)

    def _set(self, state: DatabaseState, reason: str) -> None:
        self.state, self.reason = state, reason
        if self._logged == (state, reason):
            return
        if state is DatabaseState.WRITABLE:
            if self._logged is not None:
                log.info("%s: writable again", self.path)
        else:
            log.warning("database %s: %s", state.value, reason)
        self._logged = (state, reason)


# Connections set aside by PlayerDatabase (kept for inspection; see `_set_aside`).
_SET_ASIDE: list[sqlite3.Connection] = []


def open_player_database(path: str | Path) -> PlayerDatabase:
    """The player's database at `path` (see `PlayerDatabase`); never raises."""
    return PlayerDatabase(path)


def _inode(path: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


def _closed_connection() -> sqlite3.Connection:
    connection = sqlite3.connect(":memory:", check_same_thread=False)
    connection.close()
    return connection
