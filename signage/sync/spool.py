"""The kiosk's outbox: proof of play and audience samples waiting for the server.

The sync service copies finished plays (`plays` rows whose `ended_at` is set) and audience
samples from the player's database into a SQLite file of its own (`sync.db`), so the
player's database is only read. From that spool it forms telemetry batches
(docs/fleet-api.md): a batch gets its `seq` when it is formed, in the same transaction
that moves its rows out of the spool, and is then resent with the same records until
the server has it: a 200, or a 409 `duplicate_batch` (it was stored before, and the
answer was lost). Only one batch is formed at a time, so nothing is ever in two batches.
A resent batch keeps its `seq` and its records byte for byte; only its `sent_at` is
refreshed to the time it goes out (`stamped_body`), because the server measures the
kiosk's clock skew as its own time minus `sent_at` and would otherwise count the whole
time the batch waited (an outage) as skew. The server knows a batch by its `seq`, so a
restamped resend is still "the same batch" to it.

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

Ids: the server keeps plays unique by (kiosk, play_id) and samples by (kiosk,
sample_id), so the ids sent must never repeat for the kiosk's whole life. The player's
ids restart at 1 when its database is replaced (foundation.db moves a damaged file aside
and starts an empty one), so the ids sent are the kiosk's own numbering: the local id
plus an offset per source database (`plays_offset`, `audience_offset`). When the spool
sees a database it has not read before, the offset moves to the highest id sent so far
and the cursors start again at 0. How a replaced database is recognised: see
`Spool._source_changed`.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import sqlite3
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

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
# The columns of a row that never change once written: what an anchor remembers (see
# `Spool._source_changed`). A play's end (ended_at, outcome, error) is filled in later.
_PLAY_ANCHOR = ("started_at", "playlist", "item", "kind")
_AUDIENCE_ANCHOR = ("at", "signal", "group_size", "dominant_segment")
# (table, id column, state keys of its cursor, offset and anchor, anchor columns)
_SOURCES = (
    ("plays", "play_id", "plays_copied_to", "plays_offset", "plays_anchor", _PLAY_ANCHOR),
    ("audience_samples", "sample_id", "audience_copied_to", "audience_offset", "audience_anchor", _AUDIENCE_ANCHOR),
)
# The start of every batch body, as `form_batch` writes it: `stamped_body` and
# `renumber` change seq and sent_at there and leave the records' bytes alone.
_BODY_HEAD = re.compile(r'\{"seq": (\d+), "sent_at": "([0-9: .T-]+)", "utc_offset_s": (-?\d+),')
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
    """A formed telemetry batch: `body` as formed; `Spool.stamped_body` is what goes out."""

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

    @classmethod
    def read_only(cls, path: Path, max_bytes: int) -> Spool:
        """The spool at `path` (it must exist) opened read-only, for looking only (`signage
        sync status`): no migration, no file created; a write would fail."""
        connection = _open_read_only(path)
        if connection is None:
            raise FileNotFoundError(path)
        spool = cls.__new__(cls)
        spool.db = Database(connection)
        spool.max_bytes = max_bytes
        return spool

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
            changed = self._source_changed(source)
            if changed is None:
                play_rows = source.execute(
                    f"SELECT {', '.join(_PLAY_COLUMNS)} FROM plays WHERE play_id > ? ORDER BY play_id LIMIT ?",
                    [plays_after, COPY_CHUNK_ROWS],
                ).fetchall()
                audience_rows = source.execute(
                    f"SELECT {', '.join(_AUDIENCE_COLUMNS)} FROM audience_samples WHERE sample_id > ?"
                    " ORDER BY sample_id LIMIT ?",
                    [audience_after, COPY_CHUNK_ROWS],
                ).fetchall()
        except sqlite3.OperationalError as error:
            if "no such table" in str(error):
                return 0, 0  # the player has not created its proof of play yet
            raise
        finally:
            if source.in_transaction:
                source.rollback()
        if changed is not None:
            self._new_source(changed)
            return self._copy_chunk(source)  # from the new database's start (its anchors are unset now)
        plays_offset = self._int_state("plays_offset")
        audience_offset = self._int_state("audience_offset")
        finished = []
        for row in play_rows:
            if row[2] is None:  # still on screen (or left open): stop, never skip it
                break
            finished.append(row)
        with self._write() as connection:
            for row in finished:
                record = _record(_PLAY_COLUMNS, row, plays_offset)
                connection.execute("INSERT OR IGNORE INTO spool_plays (play_id, record, bytes) VALUES (?, ?, ?)",
                                   [row[0] + plays_offset, record, len(record.encode("utf-8"))])
            for row in audience_rows:
                record = _record(_AUDIENCE_COLUMNS, row, audience_offset)
                connection.execute(
                    "INSERT OR IGNORE INTO spool_audience (sample_id, record, bytes) VALUES (?, ?, ?)",
                    [row[0] + audience_offset, record, len(record.encode("utf-8"))])
            if finished:
                self._put_state("plays_copied_to", finished[-1][0])
                self._put_state("plays_anchor", _anchor(_PLAY_COLUMNS, _PLAY_ANCHOR, finished[-1]))
            if audience_rows:
                self._put_state("audience_copied_to", audience_rows[-1][0])
                self._put_state("audience_anchor", _anchor(_AUDIENCE_COLUMNS, _AUDIENCE_ANCHOR, audience_rows[-1]))
            self._keep_bound(connection)
        return len(finished), len(audience_rows)

    def _source_changed(self, source: sqlite3.Connection) -> str | None:
        """Why the player's database is not the one the cursors point into (None: it is).

        An anchor is the last row copied from each table (its id and the columns that
        never change). The database read before still has that row, unchanged; a
        replaced one does not: either it is shorter (the row is missing) or it has grown
        past the cursor before this ran, and the row with that id is another play
        (another start time to the microsecond, another item). Chosen over the file's
        inode or creation time, which a copy or a restore from a backup changes while the
        numbering stays the same (resent with an offset, every play would be stored
        twice), and which the file system may reuse; and over a random id written into
        the player's database, because the spool only ever reads that file (the player
        owns it, and a read-only copy must still sync). Plays and samples are never
        deleted from the player's database (AUTOINCREMENT ids, no retention), so the row
        stays there as long as the database does.
        """
        for table, id_column, cursor_key, _offset_key, anchor_key, columns in _SOURCES:
            cursor = self._int_state(cursor_key)
            anchor = self.state(anchor_key)
            if anchor:
                anchor_id, *values = json.loads(anchor)
                row = source.execute(f"SELECT {', '.join(columns)} FROM {table} WHERE {id_column} = ?",
                                     [anchor_id]).fetchone()
                if row is None:
                    return f"it has no {table} row {anchor_id}, copied before"
                if list(row) != values:
                    return f"its {table} row {anchor_id} is not the one copied before"
            elif cursor:
                # A cursor from before anchors were kept: only ids going down can tell.
                newest = source.execute(f"SELECT COALESCE(max({id_column}), 0) FROM {table}").fetchone()[0]
                if newest < cursor:
                    return f"its {table} end at {newest}, below {cursor} copied before"
        return None

    def _new_source(self, why: str) -> None:
        """The player's database was replaced: its rows are numbered on from the highest ids sent."""
        with self._write():
            offsets = []
            for _table, _id_column, cursor_key, offset_key, anchor_key, _columns in _SOURCES:
                offset = self._int_state(offset_key) + self._int_state(cursor_key)
                self._put_state(offset_key, offset)
                self._put_state(cursor_key, 0)
                self._put_state(anchor_key, "")
                offsets.append(offset)
            self._put_state("sources", self._int_state("sources", 1) + 1)
        log.warning("the player's database was replaced (%s): copying it from its start, its plays sent as "
                    "%d + their id and its audience samples as %d + their id, so none is taken for one sent before",
                    why, *offsets)

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

    def stamped_body(self, batch: Batch, now: dt.datetime, utc_offset_now_s: int) -> bytes:
        """The bytes to send for `batch` now: its records and `seq` as formed, its
        `sent_at` refreshed to `now` (see the module docstring).

        `now` is the kiosk's local time at `utc_offset_now_s`; it is written at the
        batch's own offset (its records' times are at that offset, and the server reads
        `sent_at` with it), so a change to or from summer time while it waited measures
        no false hour. A clock that went back since the batch was formed keeps the stamp it
        was formed with (later than now): the records were dated by the clock before the
        jump, and an earlier `sent_at` would only get them refused as `from_the_future`
        until the clock catches up.
        """
        text = batch.body.decode("utf-8")
        head = _BODY_HEAD.match(text)
        if head is None:  # not a body this spool wrote: sent as it is
            return batch.body
        formed = dt.datetime.fromisoformat(head.group(2))
        at_batch_offset = now.replace(tzinfo=None) - dt.timedelta(seconds=utc_offset_now_s - int(head.group(3)))
        if at_batch_offset <= formed:
            return batch.body
        return (f'{{"seq": {head.group(1)}, "sent_at": "{_local_text(at_batch_offset)}", '
                f'"utc_offset_s": {head.group(3)},' + text[head.end():]).encode("utf-8")

    def renumber(self, next_seq: int) -> None:
        """The server expects `next_seq` (a 409 sequence_gap): the formed batch takes that number."""
        pending = self.pending_batch()
        with self._write() as connection:
            if pending is not None and pending.seq != next_seq:
                text = _with_seq(pending.body.decode("utf-8"), next_seq)
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


def open_read_only(path: Path) -> Database | None:
    """A database file opened read-only for looking (None when it does not exist)."""
    connection = _open_read_only(path)
    return None if connection is None else Database(connection)


def _open_read_only(path: Path) -> sqlite3.Connection | None:
    """The player's database, read-only (None when it does not exist yet)."""
    if not path.exists():
        return None
    uri = "file:" + urllib.parse.quote(str(path.absolute())) + "?mode=ro"
    connection = sqlite3.connect(uri, uri=True, timeout=5.0, isolation_level=None)
    return connection


def _record(columns: tuple[str, ...], row: tuple, id_offset: int = 0) -> str:
    """A row as the contract's JSON record (the count columns parsed from their JSON text),
    its id (the first column) in the kiosk's own numbering: the local id + `id_offset`."""
    record = dict(zip(columns, row))
    record[columns[0]] = row[0] + id_offset
    for key in _JSON_COLUMNS:
        try:
            record[key] = json.loads(record[key]) if record[key] else {}
        except ValueError:
            record[key] = {}
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def _with_seq(text: str, seq: int) -> str:
    """A batch body with another `seq`, its records' bytes untouched."""
    head = _BODY_HEAD.match(text)
    if head is None:  # not a body this spool wrote (none is): through JSON, same values
        body = json.loads(text)
        body["seq"] = seq
        return json.dumps(body, ensure_ascii=False)
    return f'{{"seq": {seq}' + text[head.end(1):]


def _anchor(columns: tuple[str, ...], anchor_columns: tuple[str, ...], row: tuple) -> str:
    """The anchor of a copied row: its local id and the columns that never change (JSON)."""
    values = dict(zip(columns, row))
    return json.dumps([row[0], *(values[name] for name in anchor_columns)], ensure_ascii=False)


def _local_text(when: dt.datetime) -> str:
    """A naive local time as the kiosk's SQLite writes it."""
    return when.replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


def _command_id(text: str) -> object:
    """Command ids go back as the server sent them: a number stays a number."""
    return int(text) if text.isdigit() else text
