"""The one SQLite database of an installation, and numbered migrations per component.

The catalog (`content`), playlists and rules (`playlists`) and later proof of play share
one file, so the player, the CLI and the editor see one consistent state. It is opened
in WAL mode: readers (the player) never block the writer (the editor or the CLI), and a
killed process loses at most its last uncommitted transaction.

Each component keeps its own numbered migrations: a tuple of SQL scripts, applied in
order once each and recorded in `schema_migrations`. A migration is never edited after
it has shipped; a change is a new migration at the end.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from sqlite_utils import Database

from foundation.errors import DataError


def open_database(path: str | Path | None) -> Database:
    """Open (creating folders and file) the database at `path`; None gives an in-memory one.

    A file that is not a SQLite database is a DataError naming it.
    """
    if path is None:
        return Database(memory=True)
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(str(path), check_same_thread=False, timeout=10.0)
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA foreign_keys=ON")
        connection.execute("PRAGMA synchronous=NORMAL")  # with WAL: durable up to the last commit on power loss
    except (sqlite3.DatabaseError, OSError) as error:
        raise DataError(f"{path}: cannot open the signage database ({error})") from None
    return Database(connection)


def migrate(db: Database, component: str, migrations: tuple[str, ...]) -> int:
    """Apply `component`'s migrations that have not run yet; returns how many ran.

    Migration k (1-based) is `migrations[k - 1]`, an SQL script. Each runs in its own
    transaction together with its record, so a failure leaves the database as it was.
    """
    db.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " component TEXT NOT NULL, number INTEGER NOT NULL, applied_at TEXT NOT NULL,"
        " PRIMARY KEY (component, number))"
    )
    done = {
        row[0]
        for row in db.execute("SELECT number FROM schema_migrations WHERE component = ?", [component]).fetchall()
    }
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
            if connection.in_transaction:
                connection.execute("ROLLBACK")
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
    connection's timeout) instead. Must not be nested.
    """
    connection = db.conn
    if connection.in_transaction:
        raise RuntimeError("a write transaction is already open on this connection")
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield connection
    except BaseException:
        connection.rollback()
        raise
    else:
        connection.commit()


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
