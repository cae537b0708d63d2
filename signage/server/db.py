"""PostgreSQL for the central server: numbered migrations per component, and the pool.

The kiosk keeps SQLite (foundation.db); the server's state lives in one PostgreSQL
database. Like the kiosk's, the schema is a list of numbered migrations per component
(`schema_migrations(component, number)`), never edited once shipped, run in order in
one transaction each by `prepare_database`. A component is a module with `COMPONENT`
and `MIGRATIONS` (signage/server/schema.py, schema_learning.py).

Requests take a connection from one `psycopg_pool.AsyncConnectionPool` per worker
process (`open_pool`). Every request's work is one transaction (`async with
connection.transaction()`), so a request that fails changes nothing.
"""

from __future__ import annotations

import importlib
import logging

import psycopg
from psycopg_pool import AsyncConnectionPool

from foundation.errors import DataError

log = logging.getLogger(__name__)

__all__ = ["COMPONENT_MODULES", "migrate", "open_pool", "prepare_database"]

# Modules holding COMPONENT and MIGRATIONS, in the order their tables depend on each other.
COMPONENT_MODULES = ("signage.server.schema", "signage.server.schema_learning", "signage.server.schema_console",
                     "signage.server.schema_reports")


def migrate(connection: psycopg.Connection, component: str, migrations: tuple[str, ...]) -> int:
    """Run the migrations of `component` not yet run, each in its own transaction; how many ran."""
    with connection.transaction():
        connection.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations ("
            " component TEXT NOT NULL, number INTEGER NOT NULL,"
            " applied_at TIMESTAMPTZ NOT NULL DEFAULT now(), PRIMARY KEY (component, number))"
        )
    ran = 0
    for number, sql in enumerate(migrations, start=1):
        with connection.transaction():
            # One migrating server at a time: the others wait here, then find it done.
            connection.execute("SELECT pg_advisory_xact_lock(hashtext('signage schema_migrations'))")
            done = connection.execute(
                "SELECT 1 FROM schema_migrations WHERE component = %s AND number = %s", (component, number)
            ).fetchone()
            if done:
                continue
            try:
                connection.execute(sql)
            except psycopg.Error as error:
                raise DataError(f"database migration {component} #{number} failed: {error}".strip()) from None
            connection.execute("INSERT INTO schema_migrations (component, number) VALUES (%s, %s)", (component, number))
            ran += 1
    if ran:
        log.info("database: %d migration(s) of %s run", ran, component)
    return ran


def prepare_database(dsn: str) -> int:
    """Connect to `dsn` and run every component's missing migrations; how many ran."""
    try:
        connection = psycopg.connect(dsn, autocommit=True, connect_timeout=10)
    except psycopg.OperationalError as error:
        raise DataError(f"cannot connect to PostgreSQL ({_first_line(error)}): check server.dsn") from None
    with connection:
        ran = 0
        for name in COMPONENT_MODULES:
            module = importlib.import_module(name)
            ran += migrate(connection, module.COMPONENT, module.MIGRATIONS)
        return ran


def open_pool(dsn: str, min_size: int = 2, max_size: int = 10) -> AsyncConnectionPool:
    """A connection pool (not yet open: `await pool.open()`), for one worker process."""
    return AsyncConnectionPool(dsn, min_size=min_size, max_size=max_size, open=False, kwargs={"autocommit": True})


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__
