"""Proof of play: what the kiosk player showed, when, why, and to what kind of audience.

Three append-mostly tables in the signage database (the same file as the rules):

- `plays`: one row per item put on screen. `item_started` writes it with `ended_at`
  NULL; `item_ended` fills in the end, the outcome and, for a failure, the error.
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

Privacy: an `AudienceSummary` holds counts and segment labels only, never pixels, boxes,
track ids or anything else about one person, so nothing here identifies a visitor.

Times are naive local times (the player's injected clock), stored as ISO text
'YYYY-MM-DD HH:MM:SS.ffffff', which sorts as time does, so range queries use the indexes.
"""

from __future__ import annotations

import csv
import datetime as dt
import enum
import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TextIO

from sqlite_utils import Database

from audience.types import AudienceSnapshot, SignalState
from foundation.db import migrate, read_transaction, write_transaction

log = logging.getLogger(__name__)

COMPONENT = "proof_of_play"

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
)


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
    """

    def __init__(self, db: Database) -> None:
        """Use `db` (from `foundation.db.open_database`), creating the tables on first use."""
        self.db = db
        migrate(db, COMPONENT, MIGRATIONS)

    # ----------------------------------------------------------------------------------
    # Writing: each call is one committed transaction.

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
    ) -> int:
        """Log that `item` went on screen; returns its play_id for `item_ended`.

        `rule` None means the default playlist; `audience` is who was there at the start.
        """
        if planned_s < 0:
            raise ValueError(f"planned_s must not be negative, got {planned_s}")
        with write_transaction(self.db) as connection:
            cursor = connection.execute(
                "INSERT INTO plays (started_at, playlist, item, kind, rule, planned_s, reason, "
                f"{_AUDIENCE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    time_text(started_at), playlist, item, _plain(kind), rule, float(planned_s), reason,
                    *_audience_values(audience),
                ],
            )
            play_id = cursor.lastrowid
        log.debug("play %d: %s (%s) started", play_id, item, playlist)
        return play_id

    def item_ended(
        self, play_id: int, *, ended_at: dt.datetime, outcome: PlayOutcome, error: str | None = None
    ) -> None:
        """Log how play `play_id` ended (`error` says why for FAILED).

        A play that already has an end keeps it: after `close_unfinished` at shutdown,
        a late end from the media backend must not turn UNFINISHED into PLAYED.
        An unknown play_id is a bug (ValueError).
        """
        outcome = PlayOutcome(outcome)
        with write_transaction(self.db) as connection:
            updated = connection.execute(
                "UPDATE plays SET ended_at = ?, outcome = ?, error = ? WHERE play_id = ? AND ended_at IS NULL",
                [time_text(ended_at), outcome.value, error, play_id],
            ).rowcount
            if not updated:
                row = connection.execute("SELECT outcome FROM plays WHERE play_id = ?", [play_id]).fetchone()
                if row is None:
                    raise ValueError(f"no play with play_id {play_id}")
                log.warning("play %d already ended (%s); %s ignored", play_id, row[0], outcome.value)
                return
        if outcome == PlayOutcome.FAILED:
            log.info("play %d failed: %s", play_id, error)

    def close_unfinished(self, at: dt.datetime) -> int:
        """Mark every play still open (`ended_at` NULL) as UNFINISHED, ended at `at`; returns how many."""
        with write_transaction(self.db) as connection:
            count = connection.execute(
                "UPDATE plays SET ended_at = ?, outcome = ? WHERE ended_at IS NULL",
                [time_text(at), PlayOutcome.UNFINISHED.value],
            ).rowcount
        if count:
            log.info("%d play(s) left on screen by the last run marked unfinished", count)
        return count

    def record_audience(self, at: dt.datetime, audience: AudienceSummary) -> None:
        """Log one sample of the audience mix (for reports of who was in front of the screen)."""
        with write_transaction(self.db) as connection:
            connection.execute(
                f"INSERT INTO audience_samples (at, {_AUDIENCE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [time_text(at), *_audience_values(audience)],
            )

    def record_event(self, at: dt.datetime, kind: str, message: str) -> None:
        """Log a player event, e.g. kind "media_failed", "camera_lost", "camera_back" or "rules_reloaded"."""
        with write_transaction(self.db) as connection:
            connection.execute(
                "INSERT INTO player_events (at, kind, message) VALUES (?, ?, ?)", [time_text(at), kind, message]
            )
        log.debug("player event %s: %s", kind, message)

    # ----------------------------------------------------------------------------------
    # Reading

    def plays(self, start: dt.datetime | None = None, end: dt.datetime | None = None) -> list[PlayRecord]:
        """Plays that started in [start, end) (either bound may be None), by start time."""
        where, parameters = time_range("started_at", start, end)
        with read_transaction(self.db) as connection:
            rows = connection.execute(
                "SELECT play_id, started_at, ended_at, playlist, item, kind, rule, planned_s, outcome, error, "
                f"reason, {_AUDIENCE_COLUMNS} FROM plays{where} ORDER BY started_at, play_id",
                parameters,
            ).fetchall()
        return [_play_record(row) for row in rows]

    def audience_samples(
        self, start: dt.datetime | None = None, end: dt.datetime | None = None
    ) -> list[tuple[dt.datetime, AudienceSummary]]:
        """(time, summary) of the samples taken in [start, end), by time."""
        where, parameters = time_range("at", start, end)
        with read_transaction(self.db) as connection:
            rows = connection.execute(
                f"SELECT at, {_AUDIENCE_COLUMNS} FROM audience_samples{where} ORDER BY at, sample_id", parameters
            ).fetchall()
        return [(_parse_time(row[0]), _audience(row[1:])) for row in rows]

    def events(
        self, start: dt.datetime | None = None, end: dt.datetime | None = None
    ) -> list[tuple[dt.datetime, str, str]]:
        """(time, kind, message) of the player events in [start, end), by time."""
        where, parameters = time_range("at", start, end)
        with read_transaction(self.db) as connection:
            rows = connection.execute(
                f"SELECT at, kind, message FROM player_events{where} ORDER BY at, event_id", parameters
            ).fetchall()
        return [(_parse_time(at), kind, message) for at, kind, message in rows]


# --------------------------------------------------------------------------------------
# CSV export

PLAYS_CSV_COLUMNS = (
    "started_at", "ended_at", "shown_s", "playlist", "item", "kind", "rule", "outcome", "error", "reason",
    "signal", "group_size", "dominant_segment", "confidence", "counts_by_age_group", "counts_by_attire",
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
        ])
        count += 1
    return count


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
        audience=_audience(row[11:]),
    )
