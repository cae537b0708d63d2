"""A real PostgreSQL and a real server on loopback for the server and sync tests.

- `pg_cluster` (session): one throwaway PostgreSQL cluster (signage/server/cluster.py) in a
  temporary folder, started once and stopped at the end.
- `pg_dsn`: a fresh database for one test, already migrated: a copy of a template
  database made once per session (CREATE DATABASE ... TEMPLATE takes about 50 ms, the
  migrations themselves are run once).
- `live_server`: the real app on uvicorn in a thread, on a free loopback port, over
  `pg_dsn`; `.url`, `.settings`, and `.admin_token` (an admin account made for the test).
- `api`: an httpx client of `live_server` signed in as that admin.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import shutil
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import psycopg
import pytest

from signage.server.cluster import ThrowawayCluster
from signage.server.db import prepare_database

_TEMPLATE = "signage_template"
_numbers = itertools.count(1)

ADMIN_NAME = "admin"
ADMIN_PASSWORD = "correct horse battery staple"


@pytest.fixture(scope="session")
def pg_cluster():
    """The session's PostgreSQL cluster, with a migrated template database.

    Its folder is not under pytest's tmp_path: every new pytest session makes
    /tmp/pytest-of-USER mode 0700 again, which locks the `postgres` user out of a
    cluster another session (or an earlier fixture) still runs there.
    """
    folder = Path(tempfile.mkdtemp(prefix="signage-pg-"))
    cluster = ThrowawayCluster(folder)
    cluster.start()
    try:
        prepare_database(cluster.dsn(_TEMPLATE))
        yield cluster
    finally:
        cluster.stop()
        shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def copied_database(cluster, prefix: str, template: str = _TEMPLATE) -> Iterator[str]:
    """A new database copied from `template` (default: the migrated empty one); its DSN. Dropped afterwards.

    Tests that need data imported once (a module's purchase history) import it into one
    copy and make that copy the template of each test's own.
    """
    name = f"{prefix}_{next(_numbers)}_{os.getpid()}"
    with psycopg.connect(cluster.dsn("postgres"), autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name} TEMPLATE {template}")
    try:
        yield f"host=127.0.0.1 port={cluster.port} user=postgres dbname={name}"
    finally:
        with psycopg.connect(cluster.dsn("postgres"), autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def database_name(dsn: str) -> str:
    """The dbname of a DSN that `copied_database` made (to use it as a template)."""
    return dsn.rsplit("dbname=", 1)[1]


@pytest.fixture
def pg_dsn(pg_cluster) -> str:
    """A fresh, migrated database for this test alone."""
    with copied_database(pg_cluster, "test") as dsn:
        yield dsn


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class LiveServer:
    url: str
    settings: object
    admin_token: str
    dsn: str

    def client(self, token: str | None = None) -> httpx.Client:
        """An httpx client of this server, with `token` as its bearer (none: anonymous)."""
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return httpx.Client(base_url=self.url + "/api/v1", headers=headers, timeout=10.0)


def make_admin(dsn: str, name: str = ADMIN_NAME, password: str = ADMIN_PASSWORD) -> None:
    """An admin account straight in the database (as `signage server user add` does)."""
    from signage.server.auth import hash_password

    with psycopg.connect(dsn, autocommit=True) as db:
        db.execute(
            "INSERT INTO users (name, password_hash, role) VALUES (%s, %s, 'admin') ON CONFLICT (name) DO NOTHING",
            (name, hash_password(password)),
        )


def start_server_thread(settings, port: int):
    """uvicorn serving create_app(settings) in a thread; returns (server, thread)."""
    import uvicorn

    from signage.server.app import create_app

    config = uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="test-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    return server, thread


@pytest.fixture
def live_server(pg_dsn, tmp_path):
    """The real server on loopback over a fresh database, with an admin signed in."""
    from signage.server.app import ServerSettings

    settings = ServerSettings(dsn=pg_dsn, content_dir=tmp_path / "server-content", pool_min=1, pool_max=4)
    make_admin(pg_dsn)
    port = free_port()
    server, thread = start_server_thread(settings, port)
    url = f"http://127.0.0.1:{port}"
    try:
        reply = httpx.post(url + "/api/v1/login", json={"name": ADMIN_NAME, "password": ADMIN_PASSWORD}, timeout=10)
        token = reply.json()["token"] if reply.status_code == 200 else ""
        yield LiveServer(url=url, settings=settings, admin_token=token, dsn=pg_dsn)
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture
def api(live_server) -> httpx.Client:
    """An httpx client signed in as the test's admin."""
    assert live_server.admin_token, "login as the test admin failed (POST /api/v1/login)"
    with live_server.client(live_server.admin_token) as client:
        yield client
