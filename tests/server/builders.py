"""Rows straight in PostgreSQL for the kiosk-side tests: stores, groups, kiosks, releases, commands.

The people's endpoints make these in real use; building them here keeps a kiosk test
about the kiosk routes, and fast. Each builder takes the test database's DSN, writes in
one autocommit statement or transaction, and returns what a test needs next (an id, a
kiosk's token).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import itertools
import json
from dataclasses import dataclass
from pathlib import Path

import psycopg
from psycopg.types.json import Jsonb

from signage.server.auth import new_enrol_code, new_secret, token_digest

_numbers = itertools.count(1)


def _connect(dsn: str) -> psycopg.Connection:
    return psycopg.connect(dsn, autocommit=True)


def make_store(dsn: str, code: str | None = None, name: str | None = None) -> int:
    """A store; its store_id."""
    code = code or f"store-{next(_numbers)}"
    with _connect(dsn) as db:
        return db.execute(
            "INSERT INTO stores (code, name) VALUES (%s, %s) RETURNING store_id", (code, name or code.title())
        ).fetchone()[0]


def make_group(dsn: str, name: str | None = None, *, stores: tuple[int, ...] = (), kind: str = "region",
               priority: int = 0) -> int:
    """A store group holding `stores`; its group_id."""
    name = name or f"group-{next(_numbers)}"
    with _connect(dsn) as db:
        group_id = db.execute(
            "INSERT INTO store_groups (name, kind, priority) VALUES (%s, %s, %s) RETURNING group_id", (name, kind, priority)
        ).fetchone()[0]
        for store_id in stores:
            db.execute("INSERT INTO group_stores (group_id, store_id) VALUES (%s, %s)", (group_id, store_id))
    return group_id


@dataclass(frozen=True)
class Kiosk:
    """An enrolled kiosk: its id, store and bearer token."""

    kiosk_id: int
    store_id: int
    token: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


def make_kiosk(dsn: str, store_id: int, name: str | None = None, *, last_seq: int = 0) -> Kiosk:
    """An enrolled kiosk of `store_id` with its state row; its id and token."""
    token = new_secret()
    with _connect(dsn) as db:
        kiosk_id = db.execute(
            "INSERT INTO kiosks (name, store_id, token_sha256, enrolled_at, hostname) VALUES (%s, %s, %s, now(), 'test')"
            " RETURNING kiosk_id",
            (name or f"kiosk-{next(_numbers)}", store_id, token_digest(token)),
        ).fetchone()[0]
        db.execute("INSERT INTO kiosk_state (kiosk_id, last_seq) VALUES (%s, %s)", (kiosk_id, last_seq))
    return Kiosk(kiosk_id, store_id, token)


def make_enrol_code(dsn: str, store_id: int, *, expires_in: dt.timedelta = dt.timedelta(hours=24),
                    name: str | None = None) -> tuple[int, str]:
    """A kiosk not yet enrolled, with a one-time code valid for `expires_in` (negative: expired); (kiosk_id, code)."""
    code = new_enrol_code()
    with _connect(dsn) as db:
        kiosk_id = db.execute(
            "INSERT INTO kiosks (name, store_id, enrol_code_sha256, enrol_expires_at)"
            " VALUES (%s, %s, %s, now() + %s) RETURNING kiosk_id",
            (name or f"kiosk-{next(_numbers)}", store_id, token_digest(code), expires_in),
        ).fetchone()[0]
    return kiosk_id, code


def revoke_kiosk(dsn: str, kiosk_id: int) -> None:
    """Mark the kiosk revoked (its token and any code stay, so the test shows they stop working)."""
    with _connect(dsn) as db:
        db.execute("UPDATE kiosks SET revoked_at = now() WHERE kiosk_id = %s", (kiosk_id,))


def make_blob(dsn: str, content_dir: Path, data: bytes, media_type: str = "image/png") -> str:
    """A content file in the server's content folder (ab/abcdef...) and its blobs row; its sha256."""
    sha = hashlib.sha256(data).hexdigest()
    path = Path(content_dir) / sha[:2] / sha
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    with _connect(dsn) as db:
        db.execute(
            "INSERT INTO blobs (sha256, size_bytes, media_type) VALUES (%s, %s, %s) ON CONFLICT DO NOTHING",
            (sha, len(data), media_type),
        )
    return sha


def make_release(dsn: str, group_id: int, *, blobs: tuple[str, ...] = (), stage: str = "current",
                 canary_group_id: int | None = None, version: int | None = None) -> tuple[int, str]:
    """A release of `group_id` naming `blobs`, put out as the group's current or canary release; (release_id, etag)."""
    document = {"default_playlist": "main", "playlists": [], "rules": []}
    content = [{"name": f"item-{index}", "kind": "image", "sha256": sha} for index, sha in enumerate(blobs)]
    etag = '"' + hashlib.sha256(json.dumps([group_id, version, document, content, next(_numbers)]).encode()).hexdigest() + '"'
    with _connect(dsn) as db, db.transaction():
        if version is None:
            version = db.execute(
                "SELECT coalesce(max(version), 0) + 1 FROM releases WHERE group_id = %s", (group_id,)
            ).fetchone()[0]
        release_id = db.execute(
            "INSERT INTO releases (group_id, version, document, document_yaml, content, etag, created_by)"
            " VALUES (%s, %s, %s, '', %s, %s, 'user:test') RETURNING release_id",
            (group_id, version, Jsonb(document), Jsonb(content), etag),
        ).fetchone()[0]
        for sha in blobs:
            db.execute("INSERT INTO release_blobs (release_id, sha256) VALUES (%s, %s)", (release_id, sha))
        if stage == "current":
            db.execute("UPDATE store_groups SET current_release_id = %s WHERE group_id = %s", (release_id, group_id))
        elif stage == "canary":
            db.execute(
                "UPDATE store_groups SET canary_release_id = %s, canary_group_id = %s WHERE group_id = %s",
                (release_id, canary_group_id, group_id),
            )
    return release_id, etag


def make_command(dsn: str, kiosk_id: int, kind: str = "reload") -> int:
    """A remote command for the kiosk; its command_id."""
    with _connect(dsn) as db:
        return db.execute(
            "INSERT INTO commands (kiosk_id, kind, created_by) VALUES (%s, %s, 'user:test') RETURNING command_id",
            (kiosk_id, kind),
        ).fetchone()[0]


def fetch_one(dsn: str, sql: str, parameters: tuple = ()) -> tuple | None:
    """One row of a query (for the tests' checks)."""
    with _connect(dsn) as db:
        return db.execute(sql, parameters).fetchone()


# ---- telemetry bodies -------------------------------------------------------------------


def local_text(moment: dt.datetime) -> str:
    """A kiosk's record time as its SQLite stores it."""
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f")


def make_play(play_id: int, started_at: dt.datetime, **changes) -> dict:
    """One play as a kiosk sends it."""
    play = {
        "play_id": play_id, "started_at": local_text(started_at),
        "ended_at": local_text(started_at + dt.timedelta(seconds=8)), "playlist": "main", "item": "snacks_chips",
        "kind": "image", "rule": "teens_after_school", "planned_s": 8.0, "outcome": "played", "error": None,
        "reason": "teens in front of the screen", "signal": "ok", "group_size": 2,
        "dominant_segment": "teen/school_uniform", "confidence": 0.62,
        "counts_by_age_group": {"teen": 2}, "counts_by_attire": {"school_uniform": 2},
    }
    play.update(changes)
    return play


def make_sample(sample_id: int, at: dt.datetime, **changes) -> dict:
    """One audience sample as a kiosk sends it."""
    sample = {
        "sample_id": sample_id, "at": local_text(at), "signal": "ok", "group_size": 1,
        "dominant_segment": "adult/casual", "confidence": 0.75, "counts_by_age_group": {"adult": 1},
        "counts_by_attire": {"casual": 1},
    }
    sample.update(changes)
    return sample


def make_batch(seq: int, *, plays: int = 2, audience: int = 1, first_play_id: int | None = None,
               first_sample_id: int | None = None, utc_offset_s: int = 32400,
               sent_at: dt.datetime | None = None) -> dict:
    """A telemetry batch of `plays` plays and `audience` samples, with ids that follow from `seq`."""
    local_now = sent_at or (dt.datetime.now(dt.UTC) + dt.timedelta(seconds=utc_offset_s)).replace(tzinfo=None)
    first_play_id = (seq - 1) * plays + 1 if first_play_id is None else first_play_id
    first_sample_id = (seq - 1) * audience + 1 if first_sample_id is None else first_sample_id
    return {
        "seq": seq, "sent_at": local_text(local_now), "utc_offset_s": utc_offset_s,
        "plays": [make_play(first_play_id + index, local_now - dt.timedelta(seconds=60 - index * 10))
                  for index in range(plays)],
        "audience": [make_sample(first_sample_id + index, local_now - dt.timedelta(seconds=30 - index))
                     for index in range(audience)],
    }


# ---- one server for a whole test module -------------------------------------------------


@contextlib.contextmanager
def serve_module(pg_cluster, content_dir: Path):
    """A fresh migrated database and the real server over it, for every test of a module.

    The kiosk tests each make their own store and kiosk, so they can share one server:
    starting one per test (a database, an Argon2 hash, uvicorn) costs about a second.
    """
    from signage.server.app import ServerSettings
    from tests.server.conftest import LiveServer, copied_database, free_port, start_server_thread

    with copied_database(pg_cluster, "kiosk_module") as dsn:
        settings = ServerSettings(dsn=dsn, content_dir=Path(content_dir), pool_min=1, pool_max=8)
        server, thread = start_server_thread(settings, port := free_port())
        try:
            yield LiveServer(url=f"http://127.0.0.1:{port}", settings=settings, admin_token="", dsn=dsn)
        finally:
            server.should_exit = True
            thread.join(timeout=10)
