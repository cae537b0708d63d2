"""The kiosk's outbox: proof of play and audience samples waiting for the server.

The sync service copies finished plays (`plays` rows whose `ended_at` is set) and audience
samples from the player's database into a SQLite file of its own (`sync.db`), so the
player's database is only read. From that spool it forms telemetry batches
(docs/fleet-api.md): a batch gets its `seq` when it is formed, in the same transaction
that moves its rows out of the spool, and is then resent unchanged (the same bytes) until
the server has it: a 200, or a 409 `duplicate_batch` (it was stored before, and the
answer was lost). Only one batch is formed at a time, so nothing is ever in two batches.

Bounded in size, not in days: when the records' JSON in the spool (and the one formed
batch) add up to more than `max_bytes`, the oldest audience samples are dropped and
counted (`dropped_audience`); proof of play is never dropped, even over the bound (a
warning says so). Everything survives a restart of the service: the cursors into the
player's database, the batch sequence, the formed batch and the counts are in the file.

Sequence numbers: a fresh spool (a new kiosk, or a deleted `sync.db`) does not know the
server's next `seq`, and a batch numbered 1 would be taken as a duplicate and lost, so
it forms no batch before a heartbeat answer has told it `next_seq` (`adopt_server_seq`).
A 409 `sequence_gap` renumbers the formed batch to the server's `next_seq` (the server
never stored that number, and plays are unique by play_id there anyway).

Cursors: plays are copied in play_id order up to the first one still on screen (its
`ended_at` NULL), so a play is never skipped; `close_unfinished` at the player's next
start closes one left open by a killed player.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sqlite3
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from foundation.db import migrate, open_database, write_transaction

log = logging.getLogger(__name__)

COMPONENT = "sync_spool"
COPY_CHUNK_ROWS = 5000  # rows copied from the player's database per transaction

MIGRATIONS = (
    """
    CREATE TABLE spool_plays (play_id INTEGER PRIMARY KEY, record TEXT NOT NULL, bytes INTEGER NOT NULL);
    CREATE TABLE spool_audience (sample_id INTEGER PRIMARY KEY, record TEXT NOT NULL, bytes INTEGER NOT NULL);
    -- At most one row: the batch formed and not yet delivered, as the exact bytes sent.
    CREATE TABLE spool_batches (
        seq INTEGER PRIMARY KEY,
        body TEXT NOT NULL,
        bytes INTEGER NOT NULL,
        plays INTEGER NOT NULL,
        audience INTEGER NOT NULL,
        formed_at TEXT NOT NULL
    );
    -- Batches the server refused for good (400, 413, 422 other than from_the_future):
    -- kept, never resent, never lost; the heartbeat's last_error says so.
    CREATE TABLE spool_rejected (
        seq INTEGER NOT NULL,
        body TEXT NOT NULL,
        reason TEXT NOT NULL,
        rejected_at TEXT NOT NULL
    );
    CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    -- Commands carried out, with the result to report in the next heartbeat (acked = 1
    -- once a heartbeat with it went through; kept a while so a command is never run twice).
    CREATE TABLE sync_commands (
        command_id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        result TEXT NOT NULL,
        detail TEXT NOT NULL,
        acked INTEGER NOT NULL DEFAULT 0,
        done_at TEXT NOT NULL
    );
    """,
)

_PLAY_COLUMNS = (
    "play_id", "started_at", "ended_at", "playlist", "item", "kind", "rule", "planned_s", "outcome", "error",
    "reason", "signal", "group_size", "dominant_segment", "confidence", "counts_by_age_group", "counts_by_attire",
)
_AUDIENCE_COLUMNS = (
    "sample_id", "at", "signal", "group_size", "dominant_segment", "confidence", "counts_by_age_group",
    "counts_by_attire",
)
_JSON_COLUMNS = ("counts_by_age_group", "counts_by_attire")
KEEP_COMMANDS = 1000  # acknowledged commands remembered (to never run one twice)


@dataclass(frozen=True)
class SpoolCounts:
    """What waits and what was dropped (the heartbeat's `sync` part)."""

    spooled_plays: int
    spooled_audience: int
    dropped_audience: int
    bytes: int


@dataclass(frozen=True)
class Batch:
    """A formed telemetry batch: `body` is sent as it is, every time."""

    seq: int
    body: bytes
    plays: int
    audience: int


class Spool:
    """The sync service's SQLite file (see the module docstring)."""

    def __init__(self, path: Path | None, max_bytes: int) -> None:
        """Open (or create, 0600) the spool at `path`; None keeps it in memory (tests)."""
        self.db = open_database(path)
        self.max_bytes = max_bytes
        migrate(self.db, COMPONENT, MIGRATIONS)

    def close(self) -> None:
        """Close the file."""
        self.db.conn.close()

    # -- state -------------------------------------------------------------------------

    def state(self, key: str, default: str | None = None) -> str | None:
        """A value of the service's state (cursors, sequence, counts)."""
        row = self.db.conn.execute("SELECT value FROM sync_state WHERE key = ?", [key]).fetchone()
        return default if row is None else row[0]

    def set_state(self, key: str, value: object) -> None:
        """Set a state value (its own transaction unless one is open)."""
        with self._write():
            self._put_state(key, value)

    def _put_state(self, key: str, value: object) -> None:
        self.db.conn.execute(
            "INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, str(value)],
        )

    def _int_state(self, key: str, default: int = 0) -> int:
        return int(self.state(key, str(default)))

    @property
    def next_seq(self) -> int:
        """The seq the next batch formed gets."""
        return self._int_state("next_seq", 1)

    @property
    def seq_known(self) -> bool:
        """Whether the server's sequence has been learnt (see the module docstring)."""
        return self.state("seq_known") == "1"

    def counts(self) -> SpoolCounts:
        """Rows waiting (in the spool and the formed batch) and audience samples dropped."""
        connection = self.db.conn
        plays, play_bytes = connection.execute("SELECT count(*), COALESCE(sum(bytes), 0) FROM spool_plays").fetchone()
        audience, audience_bytes = connection.execute(
            "SELECT count(*), COALESCE(sum(bytes), 0) FROM spool_audience").fetchone()
        batch_plays, batch_audience, batch_bytes = connection.execute(
            "SELECT COALESCE(sum(plays), 0), COALESCE(sum(audience), 0), COALESCE(sum(bytes), 0) FROM spool_batches"
        ).fetchone()
        return SpoolCounts(plays + batch_plays, audience + batch_audience, self._int_state("dropped_audience"),
                           play_bytes + audience_bytes + batch_bytes)

    # -- in: copying from the player's database ------------------------------------------

    def take_from(self, kiosk_db: Path) -> tuple[int, int]:
        """Copy new finished plays and new audience samples from the player's database
        (opened read-only), then keep the bound; returns (plays, samples) copied."""
        source = _open_read_only(kiosk_db)
        if source is None:
            return 0, 0
        copied_plays = copied_audience = 0
        try:
            while True:
                plays, audience = self._copy_chunk(source)
                copied_plays += plays
                copied_audience += audience
                if plays < COPY_CHUNK_ROWS and audience < COPY_CHUNK_ROWS:
                    break
        finally:
            source.close()
        return copied_plays, copied_audience

    def _copy_chunk(self, source: sqlite3.Connection) -> tuple[int, int]:
        plays_after = self._int_state("plays_copied_to")
        audience_after = self._int_state("audience_copied_to")
        try:
            source.execute("BEGIN")  # one snapshot of the player's database for both tables
            play_rows = source.execute(
                f"SELECT {', '.join(_PLAY_COLUMNS)} FROM plays WHERE play_id > ? ORDER BY play_id LIMIT ?",
                [plays_after, COPY_CHUNK_ROWS],
            ).fetchall()
            audience_rows = source.execute(
                f"SELECT {', '.join(_AUDIENCE_COLUMNS)} FROM audience_samples WHERE sample_id > ?"
                " ORDER BY sample_id LIMIT ?",
                [audience_after, COPY_CHUNK_ROWS],
            ).fetchall()
            newest_play = source.execute("SELECT COALESCE(max(play_id), 0) FROM plays").fetchone()[0]
        except sqlite3.OperationalError as error:
            if "no such table" in str(error):
                return 0, 0  # the player has not created its proof of play yet
            raise
        finally:
            if source.in_transaction:
                source.rollback()
        if newest_play < plays_after:
            # The player's database was replaced (a damaged one moved aside): its ids start again.
            log.warning("the player's plays restart at %d (below %d already sent): its database was replaced; "
                        "copying from the start", newest_play, plays_after)
            with self._write():
                self._put_state("plays_copied_to", 0)
                self._put_state("audience_copied_to", 0)
            return 0, 0
        finished = []
        for row in play_rows:
            if row[2] is None:  # still on screen (or left open): stop, never skip it
                break
            finished.append(row)
        with self._write() as connection:
            for row in finished:
                record = _record(_PLAY_COLUMNS, row)
                connection.execute("INSERT OR IGNORE INTO spool_plays (play_id, record, bytes) VALUES (?, ?, ?)",
                                   [row[0], record, len(record.encode("utf-8"))])
            for row in audience_rows:
                record = _record(_AUDIENCE_COLUMNS, row)
                connection.execute(
                    "INSERT OR IGNORE INTO spool_audience (sample_id, record, bytes) VALUES (?, ?, ?)",
                    [row[0], record, len(record.encode("utf-8"))])
            if finished:
                self._put_state("plays_copied_to", finished[-1][0])
            if audience_rows:
                self._put_state("audience_copied_to", audience_rows[-1][0])
            self._keep_bound(connection)
        return len(finished), len(audience_rows)

    def _keep_bound(self, connection: sqlite3.Connection) -> None:
        """Drop the oldest audience samples while over `max_bytes`; never a play."""
        total = self.counts().bytes
        excess = total - self.max_bytes
        if excess <= 0:
            return
        # The oldest samples whose bytes add up to the excess (a running sum).
        row = connection.execute(
            "SELECT sample_id, n FROM (SELECT sample_id, sum(bytes) OVER (ORDER BY sample_id) AS freed,"
            " row_number() OVER (ORDER BY sample_id) AS n FROM spool_audience) WHERE freed >= ? ORDER BY sample_id"
            " LIMIT 1",
            [excess],
        ).fetchone()
        if row is None:  # all of them are not enough
            dropped = connection.execute("SELECT count(*) FROM spool_audience").fetchone()[0]
            connection.execute("DELETE FROM spool_audience")
        else:
            last_id, dropped = row
            connection.execute("DELETE FROM spool_audience WHERE sample_id <= ?", [last_id])
        if dropped:
            self._put_state("dropped_audience", self._int_state("dropped_audience") + dropped)
            log.warning("sync spool over %d bytes: dropped the %d oldest audience sample(s)", self.max_bytes, dropped)
        if self.counts().bytes > self.max_bytes:
            log.warning("sync spool over %d bytes with proof of play alone (%d bytes): kept, proof of play is "
                        "never dropped", self.max_bytes, self.counts().bytes)

    # -- out: batches ------------------------------------------------------------------

    def pending_batch(self) -> Batch | None:
        """The formed batch not yet delivered, if any."""
        row = self.db.conn.execute(
            "SELECT seq, body, plays, audience FROM spool_batches ORDER BY seq LIMIT 1").fetchone()
        return None if row is None else Batch(row[0], row[1].encode("utf-8"), row[2], row[3])

    def form_batch(self, sent_at: dt.datetime, utc_offset_s: int, max_records: int) -> Batch | None:
        """The batch to send: the formed one if there is one, else a new one from the
        oldest rows (plays first), numbered `next_seq`; None when there is nothing to
        send or the server's sequence is not known yet."""
        pending = self.pending_batch()
        if pending is not None or not self.seq_known:
            return pending
        with self._write() as connection:
            plays = connection.execute(
                "SELECT play_id, record FROM spool_plays ORDER BY play_id LIMIT ?", [max_records]).fetchall()
            audience = connection.execute(
                "SELECT sample_id, record FROM spool_audience ORDER BY sample_id LIMIT ?",
                [max_records - len(plays)]).fetchall() if len(plays) < max_records else []
            if not plays and not audience:
                return None
            seq = self.next_seq
            # The records are already JSON: spliced in as they are, so the body is exactly them.
            play_records = ", ".join(record for _, record in plays)
            audience_records = ", ".join(record for _, record in audience)
            body = (
                f'{{"seq": {seq}, "sent_at": {json.dumps(_local_text(sent_at))}, "utc_offset_s": {utc_offset_s},'
                f' "plays": [{play_records}], "audience": [{audience_records}]}}'
            )
            connection.execute(
                "INSERT INTO spool_batches (seq, body, bytes, plays, audience, formed_at) VALUES (?, ?, ?, ?, ?, ?)",
                [seq, body, len(body.encode("utf-8")), len(plays), len(audience), _local_text(sent_at)],
            )
            if plays:
                connection.execute("DELETE FROM spool_plays WHERE play_id <= ?", [plays[-1][0]])
            if audience:
                connection.execute("DELETE FROM spool_audience WHERE sample_id <= ?", [audience[-1][0]])
            self._put_state("next_seq", seq + 1)
        return Batch(seq, body.encode("utf-8"), len(plays), len(audience))

    def delivered(self, seq: int) -> None:
        """The server has batch `seq`: forget it."""
        with self._write() as connection:
            connection.execute("DELETE FROM spool_batches WHERE seq = ?", [seq])

    def set_aside(self, seq: int, reason: str, at: dt.datetime) -> None:
        """The server refuses batch `seq` for good: keep it apart (never resent, never
        lost) so the batches after it can go."""
        with self._write() as connection:
            connection.execute(
                "INSERT INTO spool_rejected (seq, body, reason, rejected_at) SELECT seq, body, ?, ? FROM spool_batches"
                " WHERE seq = ?", [reason, _local_text(at), seq])
            connection.execute("DELETE FROM spool_batches WHERE seq = ?", [seq])
        log.error("telemetry: batch %d refused for good, kept aside in %s (spool_rejected): %s", seq,
                  "the spool", reason)

    def rejected(self) -> int:
        """How many batches were set aside."""
        return self.db.conn.execute("SELECT count(*) FROM spool_rejected").fetchone()[0]

    def restamp(self, seq: int, sent_at: dt.datetime) -> None:
        """Give the formed batch `seq` a new `sent_at` (the server refused it as
        `from_the_future`, so it never stored it: the kiosk's clock had jumped back since its
        records were made, and the server measures them against `sent_at`)."""
        pending = self.pending_batch()
        if pending is None or pending.seq != seq:
            return
        body = json.loads(pending.body)
        body["sent_at"] = _local_text(sent_at)
        text = json.dumps(body, ensure_ascii=False)
        with self._write() as connection:
            connection.execute("UPDATE spool_batches SET body = ?, bytes = ? WHERE seq = ?",
                               [text, len(text.encode("utf-8")), seq])

    def renumber(self, next_seq: int) -> None:
        """The server expects `next_seq` (a 409 sequence_gap): the formed batch takes that number."""
        pending = self.pending_batch()
        with self._write() as connection:
            if pending is not None and pending.seq != next_seq:
                body = json.loads(pending.body)
                body["seq"] = next_seq
                text = json.dumps(body, ensure_ascii=False)
                connection.execute("UPDATE spool_batches SET seq = ?, body = ?, bytes = ? WHERE seq = ?",
                                   [next_seq, text, len(text.encode("utf-8")), pending.seq])
                log.warning("telemetry: the server expects batch %d, not %d: renumbered", next_seq, pending.seq)
            self._put_state("next_seq", next_seq + 1 if pending is not None else next_seq)
            self._put_state("seq_known", 1)

    def adopt_server_seq(self, next_seq: int) -> None:
        """The server's `next_seq` from a heartbeat answer: a fresh spool starts there, and
        a spool behind the server (its file restored from a backup) catches up."""
        if self.pending_batch() is not None:
            if not self.seq_known:
                self.set_state("seq_known", 1)
            return
        with self._write():
            if not self.seq_known or next_seq > self.next_seq:
                self._put_state("next_seq", next_seq)
            self._put_state("seq_known", 1)

    # -- commands ----------------------------------------------------------------------

    def command_seen(self, command_id: str) -> bool:
        """Whether the command was carried out already (its result waits or was sent)."""
        return self.db.conn.execute("SELECT 1 FROM sync_commands WHERE command_id = ?", [command_id]).fetchone() is not None

    def record_command(self, command_id: str, kind: str, result: str, detail: str, at: dt.datetime) -> None:
        """Remember a command's result for the next heartbeat."""
        with self._write() as connection:
            connection.execute(
                "INSERT OR REPLACE INTO sync_commands (command_id, kind, result, detail, acked, done_at)"
                " VALUES (?, ?, ?, ?, 0, ?)", [command_id, kind, result, detail, _local_text(at)])

    def unacked(self) -> list[dict]:
        """The results to report in the next heartbeat."""
        rows = self.db.conn.execute(
            "SELECT command_id, result, detail FROM sync_commands WHERE acked = 0 ORDER BY done_at, command_id"
        ).fetchall()
        return [{"command_id": _command_id(command_id), "result": result, "detail": detail}
                for command_id, result, detail in rows]

    def acked(self, command_ids: list) -> None:
        """A heartbeat with these results went through."""
        with self._write() as connection:
            connection.executemany("UPDATE sync_commands SET acked = 1 WHERE command_id = ?",
                                   [[str(command_id)] for command_id in command_ids])
            connection.execute(
                "DELETE FROM sync_commands WHERE acked = 1 AND command_id NOT IN (SELECT command_id FROM"
                " sync_commands WHERE acked = 1 ORDER BY done_at DESC LIMIT ?)", [KEEP_COMMANDS])

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        connection = self.db.conn
        if connection.in_transaction:  # inside another write of this spool
            yield connection
            return
        with write_transaction(self.db) as connection:
            yield connection


def _open_read_only(path: Path) -> sqlite3.Connection | None:
    """The player's database, read-only (None when it does not exist yet)."""
    if not path.exists():
        return None
    uri = "file:" + urllib.parse.quote(str(path.absolute())) + "?mode=ro"
    connection = sqlite3.connect(uri, uri=True, timeout=5.0, isolation_level=None)
    return connection


def _record(columns: tuple[str, ...], row: tuple) -> str:
    """A row as the contract's JSON record (the count columns parsed from their JSON text)."""
    record = dict(zip(columns, row))
    for key in _JSON_COLUMNS:
        try:
            record[key] = json.loads(record[key]) if record[key] else {}
        except ValueError:
            record[key] = {}
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def _local_text(when: dt.datetime) -> str:
    """A naive local time as the kiosk's SQLite writes it."""
    return when.replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


def _command_id(text: str) -> object:
    """Command ids go back as the server sent them: a number stays a number."""
    return int(text) if text.isdigit() else text
