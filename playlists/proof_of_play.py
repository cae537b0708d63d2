"""Proof of play: what the kiosk player showed, when, why, and to what kind of audience.

Four append-mostly tables in the signage database (the same file as the rules):

- `plays`: one row per item put on screen. `item_started` writes it with `ended_at`
  NULL; `item_ended` fills in the end, the outcome and, for a failure, the error. A
  play of a decision a targeted rule won also has its holdout `arm` ('targeted' or
  'control'), the rule (`arm_rule`) and what the other arm would have shown
  (`other_playlist`); a play gets its attention figures at its end (`PlayAttention`),
  or NULL when it was not measured (no audience snapshot while it was on screen, or it
  failed).
- `holdout_runs`: one row per run of a targeted rule's wins as the holdout drew it
  (`record_holdout_run`): when, the rule, the arm, what that arm plays and what the
  other would have, and how many visitors were there. The uplift report's exposures.
- `audience_samples`: the audience mix sampled at intervals the player chooses, so a
  report can say who was in front of the screen even while nothing changed on it.
- `player_events`: things an operator wants to see next to the plays (a media file
  that failed, the camera lost and back, the rules reloaded).

Durability: every write is its own short committed transaction (`write_transaction`).
With WAL and synchronous=NORMAL (`open_database`) a killed player loses at most the
write it was in the middle of, so the log lacks at most the end of the item that was on
screen: its row keeps `ended_at` NULL until `close_unfinished` marks it UNFINISHED at the
next start (or at shutdown). A power cut may also lose the last few commits; that is the
price of NORMAL, which spares an fsync for every item.

A disk that refuses writes (full, read-only, an I/O error, a lock held too long) loses
nothing up to a bound: the records wait in memory, in order, and are written when the
disk takes them again (`ProofOfPlay.flush`, and every later write), each exactly once:
a record leaves memory only after the transaction that wrote it has committed.

Privacy: an `AudienceSummary` holds counts and segment labels only, never pixels, boxes,
track ids or anything else about one person, so nothing here identifies a visitor.

Times are naive local times (the player's injected clock), stored as ISO text
'YYYY-MM-DD HH:MM:SS.ffffff', which sorts as time does, so range queries use the indexes.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import enum
import itertools
import json
import logging
import sqlite3
from collections import Counter, OrderedDict, deque
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TextIO

from sqlite_utils import Database

from audience.types import AudienceSnapshot, SignalState
from foundation.db import (
    DatabaseWriteError,
    PlayerDatabase,
    migrate,
    read_transaction,
    write_transaction,
)
from foundation.errors import DataError

log = logging.getLogger(__name__)

COMPONENT = "proof_of_play"

# Records that wait in memory while the disk refuses them, at most. A record takes about
# 400 bytes (measured with tracemalloc on plays, their ends and audience samples: see
# tests/playlists/test_proof_of_play_buffer.py), so the queue stays under about 8 MB; at
# one item every 10 s and an audience sample every 10 s that is more than a day of an
# unwritable disk.
MAX_PENDING_RECORDS = 20_000
FLUSH_CHUNK_RECORDS = 500  # records per transaction when the queue is flushed
MAX_REMEMBERED_PLAY_IDS = 1_000  # provisional play_ids kept after their row was written

# What a pending record is; dropped in this order when the queue is full (plays last).
_AUDIENCE, _EVENT, _RUN, _PLAY, _END, _CLOSE = "audience", "event", "run", "play", "end", "close_unfinished"
_DROP_ORDER = (_AUDIENCE, _EVENT, _RUN, _PLAY, _END, _CLOSE)
_KIND_NAMES = {
    _AUDIENCE: "audience samples", _EVENT: "player events", _RUN: "holdout runs", _PLAY: "plays",
    _END: "play ends", _CLOSE: "unfinished-play closings",
}

# The audience columns shared by `plays` and `audience_samples`, in AudienceSummary order.
_AUDIENCE_COLUMNS = "signal, group_size, dominant_segment, confidence, counts_by_age_group, counts_by_attire"

MIGRATIONS = (
    # 1: plays, audience samples and player events, each indexed by time.
    """
    CREATE TABLE plays (
        play_id INTEGER PRIMARY KEY AUTOINCREMENT,
        started_at TEXT NOT NULL,
        ended_at TEXT,
        playlist TEXT,
        item TEXT NOT NULL,
        kind TEXT NOT NULL,
        rule TEXT,
        planned_s REAL NOT NULL,
        outcome TEXT CHECK (outcome IN ('played', 'interrupted', 'failed', 'unfinished')),
        error TEXT,
        reason TEXT NOT NULL,
        signal TEXT NOT NULL,
        group_size INTEGER NOT NULL,
        dominant_segment TEXT,
        confidence REAL NOT NULL,
        counts_by_age_group TEXT NOT NULL,
        counts_by_attire TEXT NOT NULL
    );
    CREATE INDEX plays_started_at ON plays (started_at);
    -- close_unfinished finds the (at most one or two) open rows without a scan.
    CREATE INDEX plays_unfinished ON plays (play_id) WHERE ended_at IS NULL;
    CREATE TABLE audience_samples (
        sample_id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        signal TEXT NOT NULL,
        group_size INTEGER NOT NULL,
        dominant_segment TEXT,
        confidence REAL NOT NULL,
        counts_by_age_group TEXT NOT NULL,
        counts_by_attire TEXT NOT NULL
    );
    CREATE INDEX audience_samples_at ON audience_samples (at);
    CREATE TABLE player_events (
        event_id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        kind TEXT NOT NULL,
        message TEXT NOT NULL
    );
    CREATE INDEX player_events_at ON player_events (at);
    """,
    # 2: the randomised holdout's arm of each play, and its attention figures.
    """
    ALTER TABLE plays ADD COLUMN arm TEXT CHECK (arm IN ('targeted', 'control'));
    ALTER TABLE plays ADD COLUMN arm_rule TEXT;
    ALTER TABLE plays ADD COLUMN other_playlist TEXT;
    ALTER TABLE plays ADD COLUMN opportunities INTEGER;
    ALTER TABLE plays ADD COLUMN viewers INTEGER;
    ALTER TABLE plays ADD COLUMN attention_total_s REAL;
    ALTER TABLE plays ADD COLUMN dwell_total_s REAL;
    """,
    # 3: every run of the holdout as drawn, whatever the screen then did: the experiment's
    # units. (A control run often leaves the loop on screen, so plays alone would miss the
    # runs of visitors who left before the next item started, and only in that arm.)
    """
    CREATE TABLE holdout_runs (
        run_id INTEGER PRIMARY KEY AUTOINCREMENT,
        started_at TEXT NOT NULL,
        rule TEXT NOT NULL,
        arm TEXT NOT NULL CHECK (arm IN ('targeted', 'control')),
        playlist TEXT,
        other_playlist TEXT,
        group_size INTEGER NOT NULL
    );
    CREATE INDEX holdout_runs_started_at ON holdout_runs (started_at);
    """,
)

# The holdout's columns of `plays`, in `item_started`'s order.
_ARM_COLUMNS = "arm, arm_rule, other_playlist"
# The attention columns of `plays`, in `PlayAttention` order, written at the play's end.
_ATTENTION_COLUMNS = "opportunities, viewers, attention_total_s, dwell_total_s"


class PlayOutcome(str, enum.Enum):
    """How a play ended."""

    PLAYED = "played"  # shown for its whole time
    INTERRUPTED = "interrupted"  # a switch cut it short (a higher-priority rule, the minors guardrail)
    FAILED = "failed"  # could not be shown (unreadable, decode error, stalled); the error says why
    UNFINISHED = "unfinished"  # the player stopped or was killed while it was on screen


@dataclass(frozen=True)
class AudienceSummary:
    """Who was in front of the screen, as counts and segments only (never per-person data)."""

    signal: str  # "ok" | "no_signal"
    group_size: int  # visitors present
    dominant_segment: str | None  # e.g. "teen/school_uniform"; None when nobody is there
    confidence: float  # 0..1, the engine's confidence in the dominant segment
    counts_by_age_group: dict[str, int]  # e.g. {"teen": 2, "adult": 1}
    counts_by_attire: dict[str, int]  # e.g. {"school_uniform": 2, "casual": 1}

    @classmethod
    def from_snapshot(cls, snapshot: AudienceSnapshot | None) -> AudienceSummary:
        """The summary of an audience snapshot; None (no camera, no engine) is "no_signal" with zero counts.

        Only the aggregate fields are read: the snapshot's visitors are counted, never copied.
        """
        if snapshot is None:
            return cls(SignalState.NO_SIGNAL.value, 0, None, 0.0, {}, {})
        segment = snapshot.dominant_segment
        return cls(
            signal=SignalState(snapshot.signal).value,
            group_size=int(snapshot.group_size),
            dominant_segment=None if segment is None else segment.label(),
            confidence=float(snapshot.confidence),
            counts_by_age_group=_counts(snapshot.counts_by_age_group),
            counts_by_attire=_counts(snapshot.counts_by_attire),
        )

    def describe_words(self) -> str:
        """Who was there in the reader's language, the segment in words: '2 people, mostly
        teens in school uniform (confidence 0.62)', '1 person (adults in business suits,
        confidence 0.67)', 'nobody', 'no camera signal'. The overlay, `report plays`,
        `play --headless` and `status` say it alike."""
        from foundation.i18n import tr
        from playlists.words import people_words, segment_words

        if self.signal == SignalState.NO_SIGNAL.value:
            return tr("audience", "no camera signal")
        if self.group_size == 0:
            return tr("audience", "nobody")
        people = people_words(self.group_size)
        if self.dominant_segment is None:
            return people
        confidence = f"{self.confidence:.2f}"
        # The segment is a label, 'teen/school_uniform' ('unknown' for either part).
        age, _, attire = self.dominant_segment.partition("/")
        age = None if age in ("", "unknown") else age
        attire = None if attire in ("", "unknown") else attire
        if age is None and attire is None:
            return tr("audience", "{people} of unknown age (confidence {confidence})", people=people, confidence=confidence)
        segment = segment_words(age, attire)
        if self.group_size == 1:
            return tr("audience", "{people} ({segment}, confidence {confidence})",
                      people=people, segment=segment, confidence=confidence)
        return tr("audience", "{people}, mostly {segment} (confidence {confidence})",
                  people=people, segment=segment, confidence=confidence)

    def to_dict(self) -> dict:
        """JSON-ready dict with the same keys as the fields (confidence to 3 decimals:
        a trace compared across machines must not depend on the last bits of a float)."""
        return {
            "signal": self.signal,
            "group_size": self.group_size,
            "dominant_segment": self.dominant_segment,
            "confidence": round(self.confidence, 3),
            "counts_by_age_group": dict(self.counts_by_age_group),
            "counts_by_attire": dict(self.counts_by_attire),
        }

    def describe(self) -> str:
        """One phrase for a report.

        "2 people, mostly teen/school_uniform (confidence 0.62)", "1 person,
        adult/casual (confidence 0.75)", "nobody" or "no camera signal".
        """
        if self.signal == SignalState.NO_SIGNAL.value:
            return "no camera signal"
        if self.group_size == 0:
            return "nobody"
        if self.group_size == 1:
            people = "1 person"
            segment = "" if self.dominant_segment is None else f", {self.dominant_segment}"
        else:
            people = f"{self.group_size} people"
            segment = "" if self.dominant_segment is None else f", mostly {self.dominant_segment}"
        confidence = "" if self.dominant_segment is None else f" (confidence {self.confidence:.2f})"
        return f"{people}{segment}{confidence}"


@dataclass(frozen=True)
class PlayAttention:
    """How much one play was seen, from the audience engine (counts and seconds only).

    `opportunities`: visitors in front of the screen at some time while it played;
    `viewers`: those of them whose face was toward the screen for at least
    `VIEWER_MIN_ATTENTION_S` during it; `attention_total_s`: the seconds of faces toward
    the screen during it, summed over visitors; `dwell_total_s`: the seconds visitors
    were in front of it, summed. (Totals only: nothing here is about one visitor.)
    """

    opportunities: int
    viewers: int
    attention_total_s: float
    dwell_total_s: float


@dataclass(frozen=True)
class HoldoutRun:
    """One run of a targeted rule's wins, as the holdout drew its arm."""

    started_at: dt.datetime  # the run's first decision, naive local time
    rule: str
    arm: str  # 'targeted' | 'control'
    playlist: str | None  # what this arm plays
    other_playlist: str | None  # what the other arm would have played
    group_size: int  # visitors in front of the screen at the draw


@dataclass(frozen=True)
class PlayRecord:
    """One item put on screen, as logged."""

    play_id: int
    started_at: dt.datetime  # naive local time
    ended_at: dt.datetime | None  # None while on screen (or after a kill, until close_unfinished)
    playlist: str | None  # None for the fallback shown when nothing is playable
    item: str  # content name
    kind: str  # image | video | text | fallback
    rule: str | None  # None: the default playlist
    planned_s: float  # how long it was meant to be on screen
    outcome: PlayOutcome | None  # None while on screen
    error: str | None  # why it failed (FAILED), else usually None
    reason: str  # the decision's one-sentence reason
    audience: AudienceSummary  # who was there when it started
    arm: str | None = None  # 'targeted' | 'control' for a targeted rule's win; else None
    arm_rule: str | None = None  # the targeted rule that won, in either arm
    other_playlist: str | None = None  # what the other arm would have shown
    attention: PlayAttention | None = None  # None: not measured (older rows, no engine)

    @property
    def shown_s(self) -> float | None:
        """Seconds on screen; None while it is still on screen.

        For an UNFINISHED play, `ended_at` is when the stop was noticed, which after a
        kill is the next start, possibly hours later; it cannot have been on screen
        longer than planned, so the time is capped at `planned_s` (an upper bound).
        A clock set back (daylight saving) cannot make it negative.
        """
        if self.ended_at is None:
            return None
        seconds = max(0.0, (self.ended_at - self.started_at).total_seconds())
        if self.outcome == PlayOutcome.UNFINISHED:
            seconds = min(seconds, self.planned_s)
        return seconds


class ProofOfPlay:
    """The proof-of-play log in the signage database.

    The player calls `close_unfinished` when it starts and when it stops, then
    `item_started` / `item_ended` around every item, `record_audience` now and then and
    `record_event` for anything an operator should see. Reports read with `plays`,
    `audience_samples` and `events`. Times are naive local times from the player's clock.

    A write the disk refuses (read-only, full, busy, an I/O error; or a `PlayerDatabase`
    that is not writable) is kept in memory, in order, and written with the next write
    that succeeds or by `flush()` (the player calls it on a timer and at exit). At most
    `max_pending` records wait; past that the oldest audience samples go first, then
    events, plays last, and `dropped` counts them. One WARNING when writes start failing,
    one INFO when they are flushed. `pending` is how many records wait.
    """

    def __init__(self, db: Database | PlayerDatabase, *, max_pending: int = MAX_PENDING_RECORDS) -> None:
        """Use `db` (from `foundation.db.open_database`), creating the tables on first use;
        or the player's `PlayerDatabase`, whose tables are made when it is first writable."""
        if max_pending < 1:
            raise ValueError(f"max_pending must be at least 1, got {max_pending}")
        self._player_db = db if isinstance(db, PlayerDatabase) else None
        self._fixed_db = None if self._player_db is not None else db
        self._migrated: Database | None = None
        if self._fixed_db is not None:
            migrate(self._fixed_db, COMPONENT, MIGRATIONS)
            self._migrated = self._fixed_db
        elif (writable := self._player_db.for_writing()) is not None:
            with contextlib.suppress(DataError):  # else made at the first write that works
                migrate(writable, COMPONENT, MIGRATIONS)
                self._migrated = writable
        self.max_pending = max_pending
        self._pending: deque[_Record] = deque()
        self._pending_by_kind: Counter[str] = Counter()
        self._next_provisional_id = -1
        # provisional play_id (negative) -> the row it became, for an item_ended that
        # comes after the flush; bounded: an item ends within minutes of its start.
        self._written_ids: OrderedDict[int, int] = OrderedDict()
        self.dropped: Counter[str] = Counter()  # records lost while the queue was full, by kind
        self._failing: str | None = None  # why writes fail, while they do
        self._warned_full = False

    @property
    def db(self) -> Database | None:
        """The database written to (None while a PlayerDatabase has none open)."""
        return self._fixed_db if self._player_db is None else self._player_db.db

    @property
    def pending(self) -> int:
        """Records waiting in memory for the disk."""
        return len(self._pending)

    @property
    def failing(self) -> str | None:
        """Why writes fail, while they do (None: they succeed)."""
        return self._failing

    # ----------------------------------------------------------------------------------
    # Writing: each call is one committed transaction, or waits in memory.

    def item_started(
        self,
        *,
        started_at: dt.datetime,
        playlist: str | None,
        item: str,
        kind: str,
        rule: str | None,
        planned_s: float,
        reason: str,
        audience: AudienceSummary,
        arm: str | None = None,
        arm_rule: str | None = None,
        other_playlist: str | None = None,
    ) -> int:
        """Log that `item` went on screen; returns its play_id for `item_ended`.

        `rule` None means the default playlist; `audience` is who was there at the start.
        `arm`, `arm_rule` and `other_playlist` are the holdout's (see `Decision.arm`).
        While the row waits in memory the play_id is provisional (negative); `item_ended`
        takes either.
        """
        if planned_s < 0:
            raise ValueError(f"planned_s must not be negative, got {planned_s}")
        if arm is not None and arm not in ("targeted", "control"):
            raise ValueError(f"arm must be 'targeted' or 'control', got {arm!r}")
        values = [
            time_text(started_at), playlist, item, _plain(kind), rule, float(planned_s), reason,
            *_audience_values(audience), arm, arm_rule, other_playlist,
        ]
        provisional = self._next_provisional_id
        self._next_provisional_id -= 1
        self._submit(_Record(_PLAY, values, play_id=provisional))
        play_id = self._written_ids.get(provisional, provisional)
        log.debug("play %d: %s (%s) started", play_id, item, playlist)
        return play_id

    def item_ended(
        self,
        play_id: int,
        *,
        ended_at: dt.datetime,
        outcome: PlayOutcome,
        error: str | None = None,
        attention: PlayAttention | None = None,
    ) -> None:
        """Log how play `play_id` ended (`error` says why for FAILED) and how much it was seen.

        A play that already has an end keeps it: after `close_unfinished` at shutdown,
        a late end from the media backend must not turn UNFINISHED into PLAYED.
        An unknown play_id is a bug (ValueError) when it can be checked at once.
        """
        outcome = PlayOutcome(outcome)
        seen = [None] * 4 if attention is None else [
            int(attention.opportunities), int(attention.viewers), float(attention.attention_total_s),
            float(attention.dwell_total_s),
        ]
        record = _Record(_END, [time_text(ended_at), outcome.value, error, *seen], play_id=play_id)
        self._submit(record)
        if record.result == "unknown":
            raise ValueError(f"no play with play_id {play_id}")
        if outcome == PlayOutcome.FAILED:
            log.info("play %d failed: %s", play_id, error)

    def record_holdout_run(
        self,
        at: dt.datetime,
        *,
        rule: str,
        arm: str,
        playlist: str | None,
        other_playlist: str | None,
        group_size: int,
    ) -> None:
        """Log that the holdout drew `arm` for a new run of `rule`'s wins at `at`.

        `playlist` is what this arm plays, `other_playlist` what the other would have;
        `group_size` the visitors in front of the screen (a count only).
        """
        if arm not in ("targeted", "control"):
            raise ValueError(f"arm must be 'targeted' or 'control', got {arm!r}")
        self._submit(_Record(_RUN, [time_text(at), rule, arm, playlist, other_playlist, int(group_size)]))

    def close_unfinished(self, at: dt.datetime) -> int:
        """Mark every play still open (`ended_at` NULL) as UNFINISHED, ended at `at`; returns
        how many (0 while the write waits in memory: the count is logged when it is written)."""
        record = _Record(_CLOSE, [time_text(at), PlayOutcome.UNFINISHED.value])
        self._submit(record)
        return record.result if isinstance(record.result, int) else 0

    def record_audience(self, at: dt.datetime, audience: AudienceSummary) -> None:
        """Log one sample of the audience mix (for reports of who was in front of the screen)."""
        self._submit(_Record(_AUDIENCE, [time_text(at), *_audience_values(audience)]))

    def record_event(self, at: dt.datetime, kind: str, message: str) -> None:
        """Log a player event, e.g. kind "media_failed", "camera_lost", "camera_back" or "rules_reloaded"."""
        self._submit(_Record(_EVENT, [time_text(at), str(kind), str(message)]))
        log.debug("player event %s: %s", kind, message)

    def flush(self) -> int:
        """Write what waits in memory, in order; returns how many records were written.

        Quiet when the disk still refuses them (they keep waiting)."""
        if not self._pending:
            return 0
        db = self._writable_db()
        if db is None:
            return 0
        written = 0
        while self._pending:
            chunk = list(itertools.islice(self._pending, FLUSH_CHUNK_RECORDS))
            new_ids: dict[int, int] = {}
            try:
                with write_transaction(db) as connection:
                    for record in chunk:
                        self._write(connection, record, new_ids)
            except Exception as error:
                if not _is_refused_write(error):
                    raise
                for record in chunk:
                    record.result = None  # rolled back: nothing of this chunk was written
                self._note_failure(error)
                return written
            # Committed: only now forget the records, so a failure never writes one twice.
            for provisional, row_id in new_ids.items():
                self._written_ids[provisional] = row_id
                while len(self._written_ids) > MAX_REMEMBERED_PLAY_IDS:
                    self._written_ids.popitem(last=False)
            for record in chunk:
                self._pending.popleft()
                self._pending_by_kind[record.kind] -= 1
                self._report_written(record)
            written += len(chunk)
        if self._failing is not None:
            log.info("proof of play: the database takes writes again: flushed %d record(s) kept in memory%s",
                     written, _dropped_text(self.dropped))
            self._failing = None
            self._warned_full = False
        return written

    def _submit(self, record: _Record) -> None:
        """Queue `record` behind any that wait (order is kept) and try to write them all."""
        self._pending.append(record)
        self._pending_by_kind[record.kind] += 1
        self._keep_within_bound()
        self.flush()

    def _writable_db(self) -> Database | None:
        if self._player_db is None:
            return self._fixed_db
        db = self._player_db.for_writing()
        if db is None:
            self._note_failure(None)
            return None
        if db is not self._migrated:
            try:
                migrate(db, COMPONENT, MIGRATIONS)
            except DataError as error:
                self._note_failure(error)
                return None
            self._migrated = db
        return db

    def _write(self, connection, record: _Record, new_ids: dict[int, int]) -> None:
        """Run one record's SQL inside the flush's transaction; its outcome goes to `record.result`."""
        if record.kind == _PLAY:
            cursor = connection.execute(
                "INSERT INTO plays (started_at, playlist, item, kind, rule, planned_s, reason, "
                f"{_AUDIENCE_COLUMNS}, {_ARM_COLUMNS}) VALUES ({', '.join('?' * 16)})",
                record.values,
            )
            new_ids[record.play_id] = cursor.lastrowid
            record.result = cursor.lastrowid
        elif record.kind == _END:
            play_id = record.play_id
            if play_id < 0:
                play_id = new_ids.get(play_id) or self._written_ids.get(play_id)
                if play_id is None:
                    record.result = "lost"  # its start was dropped while the queue was full
                    return
            updated = connection.execute(
                "UPDATE plays SET ended_at = ?, outcome = ?, error = ?, opportunities = ?, viewers = ?, "
                "attention_total_s = ?, dwell_total_s = ? WHERE play_id = ? AND ended_at IS NULL",
                [*record.values, play_id],
            ).rowcount
            if updated:
                record.result = "ended"
                return
            row = connection.execute("SELECT outcome FROM plays WHERE play_id = ?", [play_id]).fetchone()
            record.result = "unknown" if row is None else f"already ended ({row[0]})"
        elif record.kind == _CLOSE:
            record.result = connection.execute(
                "UPDATE plays SET ended_at = ?, outcome = ? WHERE ended_at IS NULL", record.values
            ).rowcount
        elif record.kind == _RUN:
            connection.execute(
                "INSERT INTO holdout_runs (started_at, rule, arm, playlist, other_playlist, group_size)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                record.values,
            )
        elif record.kind == _AUDIENCE:
            connection.execute(
                f"INSERT INTO audience_samples (at, {_AUDIENCE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)", record.values
            )
        else:
            connection.execute("INSERT INTO player_events (at, kind, message) VALUES (?, ?, ?)", record.values)

    def _report_written(self, record: _Record) -> None:
        if record.kind == _END and isinstance(record.result, str) and record.result.startswith("already"):
            log.warning("play %d %s; %s ignored", record.play_id, record.result, record.values[1])
        elif record.kind == _END and record.result == "unknown":
            log.warning("no play with play_id %d; its end (%s) ignored", record.play_id, record.values[1])
        elif record.kind == _END and record.result == "lost":
            log.debug("play %d was dropped while the queue was full; its end goes too", record.play_id)
        elif record.kind == _CLOSE and record.result:
            log.info("%d play(s) left on screen by the last run marked unfinished", record.result)

    def _note_failure(self, error: BaseException | None) -> None:
        reason = self._player_db.describe() if error is None else " ".join(str(error).split())
        if self._player_db is not None and error is not None:
            self._player_db.write_failed(error)
        if self._failing is None:
            log.warning("proof of play cannot be written (%s): %d record(s) kept in memory until it can"
                        " (at most %d)", reason, len(self._pending), self.max_pending)
        else:
            log.debug("proof of play still cannot be written (%s): %d record(s) waiting", reason, len(self._pending))
        self._failing = reason

    def _keep_within_bound(self) -> None:
        """Drop the oldest records of the least valuable kind until `max_pending` fit."""
        while len(self._pending) > self.max_pending:
            kind = next(kind for kind in _DROP_ORDER if self._pending_by_kind[kind])
            if not self._warned_full:
                log.warning("proof of play: %d records wait in memory (the limit): dropping the oldest %s first",
                            self.max_pending, _KIND_NAMES[kind])
                self._warned_full = True
            index = next(i for i, record in enumerate(self._pending) if record.kind == kind)
            victim = self._pending[index]
            del self._pending[index]
            self._pending_by_kind[kind] -= 1
            self.dropped[kind] += 1
            if kind == _PLAY:
                # Its end can never be written either: drop it with its start.
                for i, record in enumerate(self._pending):
                    if record.kind == _END and record.play_id == victim.play_id:
                        del self._pending[i]
                        self._pending_by_kind[_END] -= 1
                        break

    # ----------------------------------------------------------------------------------
    # Reading

    def _reading_db(self) -> Database:
        db = self._fixed_db if self._player_db is None else self._player_db.for_reading()
        if db is None:
            raise DataError(f"proof of play cannot be read now: the database is {self._player_db.describe()}")
        return db

    def plays(self, start: dt.datetime | None = None, end: dt.datetime | None = None) -> list[PlayRecord]:
        """Plays that started in [start, end) (either bound may be None), by start time."""
        where, parameters = time_range("started_at", start, end)
        with read_transaction(self._reading_db()) as connection:
            rows = connection.execute(
                "SELECT play_id, started_at, ended_at, playlist, item, kind, rule, planned_s, outcome, error, "
                f"reason, {_AUDIENCE_COLUMNS}, {_ARM_COLUMNS}, {_ATTENTION_COLUMNS} FROM plays{where}"
                " ORDER BY started_at, play_id",
                parameters,
            ).fetchall()
        return [_play_record(row) for row in rows]

    def audience_samples(
        self, start: dt.datetime | None = None, end: dt.datetime | None = None
    ) -> list[tuple[dt.datetime, AudienceSummary]]:
        """(time, summary) of the samples taken in [start, end), by time."""
        where, parameters = time_range("at", start, end)
        with read_transaction(self._reading_db()) as connection:
            rows = connection.execute(
                f"SELECT at, {_AUDIENCE_COLUMNS} FROM audience_samples{where} ORDER BY at, sample_id", parameters
            ).fetchall()
        return [(_parse_time(row[0]), _audience(row[1:])) for row in rows]

    def holdout_runs(self, start: dt.datetime | None = None, end: dt.datetime | None = None) -> list[HoldoutRun]:
        """The holdout's runs drawn in [start, end), by time."""
        where, parameters = time_range("started_at", start, end)
        with read_transaction(self._reading_db()) as connection:
            rows = connection.execute(
                "SELECT started_at, rule, arm, playlist, other_playlist, group_size FROM holdout_runs"
                f"{where} ORDER BY started_at, run_id",
                parameters,
            ).fetchall()
        return [HoldoutRun(_parse_time(row[0]), *row[1:]) for row in rows]

    def events(
        self, start: dt.datetime | None = None, end: dt.datetime | None = None
    ) -> list[tuple[dt.datetime, str, str]]:
        """(time, kind, message) of the player events in [start, end), by time."""
        where, parameters = time_range("at", start, end)
        with read_transaction(self._reading_db()) as connection:
            rows = connection.execute(
                f"SELECT at, kind, message FROM player_events{where} ORDER BY at, event_id", parameters
            ).fetchall()
        return [(_parse_time(at), kind, message) for at, kind, message in rows]


@dataclass(eq=False, slots=True)
class _Record:
    """One write waiting in memory: its kind, its SQL parameters and, once run, its result."""

    kind: str
    values: list
    play_id: int = 0  # _PLAY: its provisional id; _END: the play it ends (real or provisional)
    result: object = None


def _is_refused_write(error: BaseException) -> bool:
    """Whether `error` is the disk (or another program) refusing a write, worth retrying,
    rather than a bug in what was written."""
    if isinstance(error, (DatabaseWriteError, OSError)):
        return True
    if isinstance(error, (sqlite3.IntegrityError, sqlite3.ProgrammingError, sqlite3.DataError)):
        return False
    return isinstance(error, sqlite3.DatabaseError)


def _dropped_text(dropped: Counter) -> str:
    lost = {kind: count for kind, count in dropped.items() if count}
    if not lost:
        return ""
    return " (dropped while the queue was full: " + ", ".join(
        f"{count} {_KIND_NAMES[kind]}" for kind, count in lost.items()) + ")"


# --------------------------------------------------------------------------------------
# CSV export

PLAYS_CSV_COLUMNS = (
    "started_at", "ended_at", "shown_s", "playlist", "item", "kind", "rule", "outcome", "error", "reason",
    "signal", "group_size", "dominant_segment", "confidence", "counts_by_age_group", "counts_by_attire",
    "arm", "arm_rule", "other_playlist", "opportunities", "viewers", "attention_total_s", "dwell_total_s",
)


def write_plays_csv(records: Iterable[PlayRecord], stream: TextIO) -> int:
    """Write a header and one CSV row per play to `stream`; returns the number of plays.

    Open a file with `newline=""` (the csv module writes its own line ends). Times are
    'YYYY-MM-DD HH:MM:SS', seconds have three decimals, a missing value is empty, and
    counts read "teen=2;adult=1".
    """
    writer = csv.writer(stream)
    writer.writerow(PLAYS_CSV_COLUMNS)
    count = 0
    for record in records:
        audience = record.audience
        shown_s = record.shown_s
        writer.writerow([
            _csv_time(record.started_at),
            _csv_time(record.ended_at),
            "" if shown_s is None else f"{shown_s:.3f}",
            record.playlist or "",
            record.item,
            record.kind,
            record.rule or "",
            "" if record.outcome is None else record.outcome.value,
            record.error or "",
            record.reason,
            audience.signal,
            audience.group_size,
            audience.dominant_segment or "",
            f"{audience.confidence:.3f}",
            format_counts(audience.counts_by_age_group),
            format_counts(audience.counts_by_attire),
            record.arm or "",
            record.arm_rule or "",
            record.other_playlist or "",
            *_attention_cells(record.attention),
        ])
        count += 1
    return count


def _attention_cells(attention: PlayAttention | None) -> list:
    if attention is None:
        return ["", "", "", ""]
    return [attention.opportunities, attention.viewers, f"{attention.attention_total_s:.1f}", f"{attention.dwell_total_s:.1f}"]


def format_counts(counts: dict[str, int]) -> str:
    """{"teen": 2, "adult": 1} -> "teen=2;adult=1" (empty for no counts)."""
    return ";".join(f"{name}={count}" for name, count in counts.items())


# --------------------------------------------------------------------------------------
# Internals


def time_text(when: dt.datetime) -> str:
    """A naive local time as sortable ISO text with microseconds."""
    if not isinstance(when, dt.datetime):
        raise TypeError(f"expected a datetime, got {when!r}")
    if when.tzinfo is not None:
        # Mixing aware and naive times would break the text ordering the queries rely on.
        raise ValueError(f"proof of play stores naive local times, got {when.isoformat()}")
    return when.isoformat(sep=" ", timespec="microseconds")


def _parse_time(text: str | None) -> dt.datetime | None:
    return None if text is None else dt.datetime.fromisoformat(text)


def _csv_time(when: dt.datetime | None) -> str:
    return "" if when is None else when.isoformat(sep=" ", timespec="seconds")


def time_range(column: str, start: dt.datetime | None, end: dt.datetime | None) -> tuple[str, list[str]]:
    """A WHERE clause for `column` in [start, end), and its parameters."""
    conditions, parameters = [], []
    if start is not None:
        conditions.append(f"{column} >= ?")
        parameters.append(time_text(start))
    if end is not None:
        conditions.append(f"{column} < ?")
        parameters.append(time_text(end))
    return (" WHERE " + " AND ".join(conditions) if conditions else ""), parameters


def _plain(value) -> str:
    """A str enum's value (ContentKind.IMAGE -> "image"), else the text itself."""
    return value.value if isinstance(value, enum.Enum) else str(value)


def _counts(counts: dict) -> dict[str, int]:
    return {_plain(name): int(count) for name, count in counts.items()}


def _audience_values(audience: AudienceSummary) -> list:
    """The audience columns' values, in `_AUDIENCE_COLUMNS` order."""
    if not isinstance(audience, AudienceSummary):
        # A snapshot passed by mistake would still be summarised, but only this type is
        # guaranteed to hold no per-visitor data.
        raise TypeError(f"expected an AudienceSummary, got {type(audience).__name__}")
    return [
        audience.signal,
        int(audience.group_size),
        audience.dominant_segment,
        float(audience.confidence),
        json.dumps(_counts(audience.counts_by_age_group), separators=(",", ":")),
        json.dumps(_counts(audience.counts_by_attire), separators=(",", ":")),
    ]


def _audience(values) -> AudienceSummary:
    signal, group_size, dominant_segment, confidence, by_age_group, by_attire = values
    return AudienceSummary(
        signal, group_size, dominant_segment, confidence, json.loads(by_age_group), json.loads(by_attire)
    )


def _play_record(row) -> PlayRecord:
    play_id, started_at, ended_at, playlist, item, kind, rule, planned_s, outcome, error, reason = row[:11]
    return PlayRecord(
        play_id=play_id,
        started_at=_parse_time(started_at),
        ended_at=_parse_time(ended_at),
        playlist=playlist,
        item=item,
        kind=kind,
        rule=rule,
        planned_s=planned_s,
        outcome=None if outcome is None else PlayOutcome(outcome),
        error=error,
        reason=reason,
        audience=_audience(row[11:17]),
        arm=row[17],
        arm_rule=row[18],
        other_playlist=row[19],
        attention=None if row[20] is None else PlayAttention(row[20], row[21], row[22], row[23]),
    )
