"""Telemetry from kiosks: read a batch, refuse what is wrong, store it exactly once.

The hot path of the server (every kiosk posts a batch every few seconds), so it avoids
what costs per request without buying safety here:

- The body is read with `json.loads` and checked field by field by hand
  (`parse_batch`, about 20 us a record here); a pydantic model per play costs several
  times as much for the same checks. Every problem names its field (`plays[3].outcome`)
  and the first one found is the 400's reason. What json.loads takes but PostgreSQL
  would refuse (NUL characters, lone surrogates, NaN, numbers past a column's range,
  years datetime cannot shift) is refused here, so no batch can make the server fail.
- The whole batch is ONE SQL statement (`store_batch`): a conditional UPDATE of the
  kiosk's `kiosk_state` row takes the row lock and checks `seq = last_seq + 1` in the
  same step, and data-modifying CTEs insert the batch row, the plays and the audience
  samples only when it matched. The records go as one JSON text parameter per table,
  which PostgreSQL reads with `json_to_recordset` (one multi-row insert each): measured
  on this machine, psycopg's dumping of one array parameter per column cost more client
  CPU than all the rest of the statement (about 1.6 times as much in all). One round
  trip, one implicit transaction: the batch is stored whole or not at all. Two posts of
  the same batch at once serialise on the row lock; the second finds `last_seq` moved
  on and stores nothing (PostgreSQL re-checks the WHERE on the updated row under READ
  COMMITTED). A stored batch also counts as the kiosk being seen (`last_seen_at`).
- Plays are unique by (kiosk, play_id) and audience samples by (kiosk, sample_id), so
  even a kiosk that lost its sequence state stores nothing twice (ON CONFLICT). A play
  sent while on screen (`ended_at` null) and again once ended gets its end filled in;
  nothing else of a stored play ever changes.

Times in a batch are the kiosk's naive local times plus its UTC offset. The clock skew
is measured per batch (server time - `sent_at`); a record more than `FUTURE_TOLERANCE`
after the server's time once corrected by that skew is refused (`from_the_future`).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import math
import re
from dataclasses import dataclass

import psycopg

from foundation.limits import shorten
from signage.server.errors import ApiError, bad_request

log = logging.getLogger(__name__)

__all__ = [
    "FUTURE_TOLERANCE", "StoredBatch", "TelemetryBatch", "clock_skew_s", "explain_unstored", "json_safe", "parse_batch",
    "parse_json_object", "parse_local_time", "read_local_time", "refuse_future_records", "store_batch",
]

FUTURE_TOLERANCE = dt.timedelta(minutes=5)
MAX_BIGINT = 2**63 - 1
MAX_INT = 2**31 - 1
MAX_UTC_OFFSET_S = 18 * 3600  # what Python's and PostgreSQL's time zones allow
MAX_NAME_CHARS = 1_000  # playlist, item, rule, segment names
MAX_TEXT_CHARS = 10_000  # a decision's reason, an error message
MAX_COUNT_KEYS = 64
MAX_JSON_DEPTH = 32
MIN_YEAR, MAX_YEAR = 1900, 9000  # of a kiosk's record times

PLAY_KINDS = frozenset({"image", "video", "text", "fallback"})
PLAY_OUTCOMES = frozenset({"played", "interrupted", "failed", "unfinished"})
SIGNALS = frozenset({"ok", "no_signal"})
_LOCAL_TIME = re.compile(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?")  # fullmatch

_BATCH_KEYS = frozenset({"seq", "sent_at", "utc_offset_s", "plays", "audience"})
_AUDIENCE_KEYS = ("signal", "group_size", "dominant_segment", "confidence", "counts_by_age_group", "counts_by_attire")
_PLAY_KEYS = frozenset({
    "play_id", "started_at", "ended_at", "playlist", "item", "kind", "rule", "planned_s", "outcome", "error",
    "reason", *_AUDIENCE_KEYS,
})
_SAMPLE_KEYS = frozenset({"sample_id", "at", *_AUDIENCE_KEYS})


@dataclass
class TelemetryBatch:
    """One batch, checked: its sequence number, its clock, its records."""

    seq: int
    sent_at: dt.datetime  # the kiosk's naive local time
    utc_offset_s: int
    plays: list[dict]  # as sent, every field checked (an unknown key is refused)
    audience: list[dict]
    latest: tuple[dt.datetime, str] | None  # the latest record time in the batch, and which field it is


@dataclass(frozen=True)
class StoredBatch:
    """What `store_batch` stored: rows new in PostgreSQL (a play or sample already there counts 0)."""

    plays: int
    audience: int
    next_seq: int


# ------------------------------------------------------------------------------------
# Reading and checking


class _Refusal(Exception):
    """A field that is wrong: where it is and what is wrong (becomes a 400)."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(where, problem)
        self.where = where
        self.problem = problem


def parse_json_object(body: bytes, what: str = "body") -> dict:
    """The JSON object in `body`; 400 for malformed JSON, a body that is not an object or is nested too deep."""
    try:
        value = json.loads(body)
    except RecursionError:
        raise bad_request(f"malformed JSON: {what} is nested too deep") from None
    except (ValueError, UnicodeDecodeError) as error:  # JSONDecodeError, bad UTF-8, an int of 5000 digits
        raise bad_request(f"malformed JSON: {shorten(error, 200)}") from None
    if not isinstance(value, dict):
        raise bad_request(f"the {what} must be a JSON object, got {type(value).__name__}")
    return value


def parse_batch(body: bytes) -> TelemetryBatch:
    """A telemetry batch from the request body, every field checked; ApiError 400 naming the first bad one."""
    data = parse_json_object(body)
    # json.loads turns "\ud800" into a lone surrogate, which PostgreSQL cannot store.
    # Only a body with a \uD8xx-\uDFxx escape can hold one, so the slow check of every
    # string runs only then.
    check_surrogates = b"\\ud" in body or b"\\uD" in body
    try:
        return _read_batch(data, check_surrogates)
    except _Refusal as refusal:
        raise bad_request(f"{refusal.where}: {refusal.problem}") from None


def _read_batch(data: dict, check_surrogates: bool) -> TelemetryBatch:
    _only_known_keys(data, _BATCH_KEYS, "batch")
    seq = _integer(data, "seq", "seq", 1, MAX_BIGINT)
    sent_at = _time(data, "sent_at", "sent_at", nullable=False)
    utc_offset_s = _integer(data, "utc_offset_s", "utc_offset_s", -MAX_UTC_OFFSET_S, MAX_UTC_OFFSET_S)
    text = _Text(check_surrogates)
    times = _Latest()
    plays = _records(data, "plays")
    play_ids: set[int] = set()
    for index, record in enumerate(plays):
        where = f"plays[{index}]"
        _new_record(record, where, _PLAY_KEYS, "play_id", play_ids)
        times.see(_time(record, "started_at", where, nullable=False), where, "started_at")
        times.see(_time(record, "ended_at", where, nullable=True), where, "ended_at")
        text.get(record, "playlist", where, MAX_NAME_CHARS, nullable=True)
        text.get(record, "item", where, MAX_NAME_CHARS, nullable=False, empty=False)
        _choice(record, "kind", where, PLAY_KINDS, nullable=False)
        text.get(record, "rule", where, MAX_NAME_CHARS, nullable=True)
        _number(record, "planned_s", where, 0.0, 366 * 86400.0)
        _choice(record, "outcome", where, PLAY_OUTCOMES, nullable=True)
        text.get(record, "error", where, MAX_TEXT_CHARS, nullable=True)
        text.get(record, "reason", where, MAX_TEXT_CHARS, nullable=False)
        _audience_fields(record, where, text)
    audience = _records(data, "audience")
    sample_ids: set[int] = set()
    for index, record in enumerate(audience):
        where = f"audience[{index}]"
        _new_record(record, where, _SAMPLE_KEYS, "sample_id", sample_ids)
        times.see(_time(record, "at", where, nullable=False), where, "at")
        _audience_fields(record, where, text)
    return TelemetryBatch(seq, sent_at, utc_offset_s, plays, audience, times.latest)


class _Latest:
    """The latest record time seen, and where (the future check needs only that one)."""

    def __init__(self) -> None:
        self.latest: tuple[dt.datetime, str] | None = None

    def see(self, when: dt.datetime | None, where: str, key: str) -> None:
        if when is not None and (self.latest is None or when > self.latest[0]):
            self.latest = (when, f"{where}.{key}")


def _only_known_keys(record: dict, known: frozenset[str], where: str) -> None:
    unknown = record.keys() - known
    if unknown:
        raise _Refusal(where, f"unknown key {shorten(min(unknown))}")


def _new_record(record: object, where: str, known: frozenset[str], id_key: str, seen: set[int]) -> None:
    """A play or sample: an object of known keys whose id is not in the batch already (added to `seen`)."""
    if type(record) is not dict:
        raise _Refusal(where, f"must be an object, got {type(record).__name__}")
    _only_known_keys(record, known, where)
    record_id = _integer(record, id_key, where, 1, MAX_BIGINT)
    if record_id in seen:
        # One statement cannot both insert and complete the same row.
        raise _Refusal(f"{where}.{id_key}", f"{record_id} appears twice in the batch")
    seen.add(record_id)


def _audience_fields(record: dict, where: str, text: _Text) -> None:
    _choice(record, "signal", where, SIGNALS, nullable=False)
    _integer(record, "group_size", where, 0, MAX_INT)
    text.get(record, "dominant_segment", where, MAX_NAME_CHARS, nullable=True)
    _number(record, "confidence", where, 0.0, 1.0)
    _counts(record, "counts_by_age_group", where, text)
    _counts(record, "counts_by_attire", where, text)


def _records(data: dict, key: str) -> list:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise _Refusal(key, f"must be a list, got {type(value).__name__}")
    return value


def _integer(record: dict, key: str, where: str, low: int, high: int) -> int:
    value = record.get(key)
    # bool is an int in Python; true is not a sequence number.
    if type(value) is not int:
        name = key if where == key else f"{where}.{key}"
        if value is None:
            raise _Refusal(name, "missing" if key not in record else "must be an integer, got null")
        raise _Refusal(name, f"must be an integer, got {type(value).__name__} {shorten(value)}")
    if not low <= value <= high:
        raise _Refusal(key if where == key else f"{where}.{key}", f"{value} is outside {low}..{high}")
    return value


def _number(record: dict, key: str, where: str, low: float, high: float) -> float:
    value = record.get(key)
    if type(value) is int:
        value = float(value)
    elif type(value) is not float:
        if value is None and key not in record:
            raise _Refusal(f"{where}.{key}", "missing")
        raise _Refusal(f"{where}.{key}", f"must be a number, got {type(value).__name__} {shorten(value)}")
    # NaN fails both comparisons, so it is refused here too.
    if not low <= value <= high:
        raise _Refusal(f"{where}.{key}", f"{shorten(value)} is outside {low:g}..{high:g}")
    return value


def _choice(record: dict, key: str, where: str, allowed: frozenset[str], *, nullable: bool) -> str | None:
    value = record.get(key)
    if value is None and nullable:
        return None
    if type(value) is not str or value not in allowed:
        options = ", ".join(sorted(allowed)) + (" or null" if nullable else "")
        if value is None and key not in record:
            raise _Refusal(f"{where}.{key}", f"missing (one of {options})")
        raise _Refusal(f"{where}.{key}", f"must be one of {options}, got {shorten(value)}")
    return value


def parse_local_time(value: object, where: str, *, nullable: bool) -> dt.datetime | None:
    """A kiosk's naive local time ('YYYY-MM-DD HH:MM:SS.ffffff'); `_Refusal` when it is not one."""
    if value is None and nullable:
        return None
    if type(value) is not str or len(value) > 40:
        raise _Refusal(where, f"must be a local time 'YYYY-MM-DD HH:MM:SS.ffffff', got {shorten(value)}")
    # Only the forms PostgreSQL reads as the same time (the records reach it as JSON text).
    if _LOCAL_TIME.fullmatch(value) is None:
        raise _Refusal(where, f"must be a local time 'YYYY-MM-DD HH:MM:SS.ffffff', got {shorten(value)}")
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        raise _Refusal(where, f"must be a local time 'YYYY-MM-DD HH:MM:SS.ffffff', got {shorten(value)}") from None
    if not MIN_YEAR <= parsed.year <= MAX_YEAR:
        # Far enough from datetime's limits that adding the offset or the tolerance cannot
        # overflow; a kiosk whose clock fell back to 1970 still delivers.
        raise _Refusal(where, f"{shorten(value)} is outside the years {MIN_YEAR}..{MAX_YEAR}")
    return parsed


def read_local_time(value: object, where: str) -> dt.datetime:
    """A kiosk's naive local time for field `where`; 400 naming it when it is not one."""
    try:
        return parse_local_time(value, where, nullable=False)
    except _Refusal as refusal:
        raise bad_request(f"{refusal.where}: {refusal.problem}") from None


def _time(record: dict, key: str, where: str, *, nullable: bool) -> dt.datetime | None:
    name = key if where == key else f"{where}.{key}"
    if key not in record and not nullable:
        raise _Refusal(name, "missing")
    return parse_local_time(record.get(key), name, nullable=nullable)


class _Text:
    """Checks strings PostgreSQL can store: no NUL, no lone surrogate (only looked for when the body may hold one)."""

    def __init__(self, check_surrogates: bool) -> None:
        self.check_surrogates = check_surrogates

    def get(self, record: dict, key: str, where: str, limit: int, *, nullable: bool, empty: bool = True) -> str | None:
        value = record.get(key)
        if value is None:
            if nullable:
                return None
            raise _Refusal(f"{where}.{key}", "missing" if key not in record else "must be a string, got null")
        if type(value) is not str:
            raise _Refusal(f"{where}.{key}", f"must be a string, got {type(value).__name__} {shorten(value)}")
        self.check(value, f"{where}.{key}", limit)
        if not empty and not value:
            raise _Refusal(f"{where}.{key}", "must not be empty")
        return value

    def check(self, value: str, where: str, limit: int) -> None:
        if len(value) > limit:
            raise _Refusal(where, f"longer than {limit:,} characters ({len(value):,})")
        if "\x00" in value:
            raise _Refusal(where, "holds a NUL character")
        if self.check_surrogates:
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                raise _Refusal(where, "holds a lone UTF-16 surrogate (not valid Unicode text)") from None


def _counts(record: dict, key: str, where: str, text: _Text) -> None:
    value = record.get(key)
    if type(value) is not dict:
        if value is None and key not in record:
            raise _Refusal(f"{where}.{key}", "missing")
        raise _Refusal(f"{where}.{key}", f"must be an object of counts, got {type(value).__name__}")
    if len(value) > MAX_COUNT_KEYS:
        raise _Refusal(f"{where}.{key}", f"more than {MAX_COUNT_KEYS} keys ({len(value)})")
    for name, count in value.items():
        text.check(name, f"{where}.{key}", MAX_NAME_CHARS)
        if type(count) is not int or not 0 <= count <= MAX_INT:
            raise _Refusal(f"{where}.{key}.{name[:40]}", f"must be a count 0..{MAX_INT}, got {shorten(count)}")


def json_safe(value: object, where: str, *, depth: int = 0) -> None:
    """Refuse (400) what json.loads accepts but PostgreSQL's jsonb cannot store.

    NaN and Infinity, NUL characters, lone surrogates; and nesting past MAX_JSON_DEPTH.
    """
    try:
        _walk(value, where, depth)
    except _Refusal as refusal:
        raise bad_request(f"{refusal.where}: {refusal.problem}") from None


_PLAIN_TEXT = _Text(check_surrogates=True)


def _walk(value: object, where: str, depth: int) -> None:
    if depth > MAX_JSON_DEPTH:
        raise _Refusal(where, f"nested deeper than {MAX_JSON_DEPTH} levels")
    if type(value) is str:
        _PLAIN_TEXT.check(value, where, MAX_TEXT_CHARS * 10)
    elif type(value) is float:
        if not math.isfinite(value):
            raise _Refusal(where, f"{value} is not a finite number")
    elif type(value) is dict:
        for key, item in value.items():
            _PLAIN_TEXT.check(key, where, MAX_NAME_CHARS)
            _walk(item, f"{where}.{key[:40]}", depth + 1)
    elif type(value) is list:
        for index, item in enumerate(value):
            _walk(item, f"{where}[{index}]", depth + 1)


# ------------------------------------------------------------------------------------
# The kiosk's clock


def clock_skew_s(server_now: dt.datetime, sent_at: dt.datetime, utc_offset_s: int) -> float:
    """Seconds the kiosk's clock is behind the server's (server time - `sent_at`, both in UTC).

    `server_now` is aware (UTC); `sent_at` the kiosk's naive local time at `utc_offset_s`.
    """
    sent_utc = sent_at.replace(tzinfo=dt.UTC) - dt.timedelta(seconds=utc_offset_s)
    return (server_now - sent_utc).total_seconds()


def refuse_future_records(batch: TelemetryBatch) -> None:
    """422 `from_the_future` for a record dated more than FUTURE_TOLERANCE after the server's time.

    A record's time corrected by the skew is `record + (server_now - sent_at)`, so it is
    more than the tolerance after the server's time exactly when it is more than the
    tolerance after the batch's own `sent_at`: the check needs no server time at all, and
    a kiosk whose clock is hours off (but steady) still delivers.
    """
    if batch.latest is None:
        return
    when, where = batch.latest
    if when > batch.sent_at + FUTURE_TOLERANCE:
        raise ApiError(
            422, "from_the_future",
            f"{where} {when.isoformat(sep=' ')} is {(when - batch.sent_at).total_seconds():.0f} s after the batch's"
            f" sent_at {batch.sent_at.isoformat(sep=' ')} (more than {FUTURE_TOLERANCE.total_seconds():.0f} s):"
            " the kiosk's clock went back since it recorded it",
        )


# ------------------------------------------------------------------------------------
# Storing

_STORE_SQL = """
WITH kiosk AS (
    -- The kiosk whose token this is, as deps.require_kiosk finds it (not revoked).
    SELECT kiosk_id FROM kiosks WHERE token_sha256 = %(token)s AND revoked_at IS NULL
), state AS (
    UPDATE kiosk_state s SET last_seq = %(seq)s, last_seen_at = now()
    FROM kiosk WHERE s.kiosk_id = kiosk.kiosk_id AND s.last_seq = %(seq)s - 1
    RETURNING s.kiosk_id, s.release_id
), batch AS (
    INSERT INTO telemetry_batches (kiosk_id, seq, plays, audience, clock_skew_s)
    SELECT state.kiosk_id, %(seq)s, %(n_plays)s, %(n_audience)s, %(skew)s FROM state
), new_plays AS (
    INSERT INTO plays (kiosk_id, play_id, started_at, ended_at, utc_offset_s, playlist, item, kind, rule,
                       planned_s, outcome, error, reason, signal, group_size, dominant_segment, confidence,
                       counts_by_age_group, counts_by_attire, release_id)
    SELECT state.kiosk_id, p.play_id, p.started_at, p.ended_at, %(utc_offset)s, p.playlist, p.item, p.kind, p.rule,
           p.planned_s, p.outcome, p.error, p.reason, p.signal, p.group_size, p.dominant_segment, p.confidence,
           p.counts_by_age_group, p.counts_by_attire, state.release_id
    FROM state, json_to_recordset(%(plays)s::json)
         AS p(play_id bigint, started_at timestamp, ended_at timestamp, playlist text, item text, kind text,
              rule text, planned_s float8, outcome text, error text, reason text, signal text, group_size int,
              dominant_segment text, confidence float8, counts_by_age_group jsonb, counts_by_attire jsonb)
    ON CONFLICT (kiosk_id, play_id) DO UPDATE
        SET ended_at = EXCLUDED.ended_at, outcome = EXCLUDED.outcome, error = EXCLUDED.error
        WHERE plays.ended_at IS NULL AND EXCLUDED.ended_at IS NOT NULL
    -- xmax is 0 for a row this statement inserted, set for one it completed.
    RETURNING (xmax = 0) AS inserted
), new_samples AS (
    INSERT INTO audience_samples (kiosk_id, sample_id, at, utc_offset_s, signal, group_size, dominant_segment,
                                  confidence, counts_by_age_group, counts_by_attire)
    SELECT state.kiosk_id, a.sample_id, a.at, %(utc_offset)s, a.signal, a.group_size, a.dominant_segment,
           a.confidence, a.counts_by_age_group, a.counts_by_attire
    FROM state, json_to_recordset(%(audience)s::json)
         AS a(sample_id bigint, at timestamp, signal text, group_size int, dominant_segment text,
              confidence float8, counts_by_age_group jsonb, counts_by_attire jsonb)
    ON CONFLICT (kiosk_id, sample_id) DO NOTHING
    RETURNING 1
)
SELECT (SELECT count(*) FROM state),
       (SELECT count(*) FROM new_plays WHERE inserted),
       (SELECT count(*) FROM new_samples)
"""


async def store_batch(db: psycopg.AsyncConnection, token_sha256: bytes, batch: TelemetryBatch,
                      skew_s: float) -> StoredBatch | None:
    """Store `batch` of the kiosk whose token has this SHA-256, exactly once, in one statement.

    None when it stored nothing: the token is no live kiosk's, or `seq` is not the next
    one, or the kiosk has no state row yet; `explain_unstored` tells which. Keyed by the
    token rather than a kiosk id so that the common case, a valid batch of a valid
    kiosk, is one round trip in all (the route asks `require_kiosk` only when this fails).
    """
    parameters = {
        "token": token_sha256, "seq": batch.seq, "utc_offset": batch.utc_offset_s, "skew": skew_s,
        "n_plays": len(batch.plays), "n_audience": len(batch.audience),
        # Every string was checked for NUL and lone surrogates and every number for its
        # range, so PostgreSQL reads this JSON back to the very values checked.
        "plays": json.dumps(batch.plays, separators=(",", ":")),
        "audience": json.dumps(batch.audience, separators=(",", ":")),
    }
    try:
        cursor = await db.execute(_STORE_SQL, parameters)
    except psycopg.errors.UniqueViolation:
        # The batch row exists although last_seq says otherwise (a state row reset by
        # hand): still a batch already stored.
        log.warning("batch %d is stored but its kiosk's kiosk_state.last_seq is behind it", batch.seq)
        raise _duplicate(batch.seq, None) from None
    matched, new_plays, new_samples = await cursor.fetchone()
    if not matched:
        return None
    return StoredBatch(new_plays, new_samples, batch.seq + 1)


async def explain_unstored(db: psycopg.AsyncConnection, kiosk_id: int, seq: int) -> None:
    """Why batch `seq` of a live kiosk was not stored: 409 `duplicate_batch` or `sequence_gap`.

    Returns (having made it) when the kiosk had no state row: the caller tries once more.
    """
    row = await (await db.execute("SELECT last_seq FROM kiosk_state WHERE kiosk_id = %s", (kiosk_id,))).fetchone()
    if row is None:
        # A kiosk made before its state row (enrolment and kiosk creation make it).
        await db.execute("INSERT INTO kiosk_state (kiosk_id) VALUES (%s) ON CONFLICT DO NOTHING", (kiosk_id,))
        return
    last_seq = row[0]
    if seq <= last_seq:
        raise _duplicate(seq, last_seq + 1)
    log.info("kiosk %d: batch %d refused, the next one is %d", kiosk_id, seq, last_seq + 1)
    raise ApiError(409, "sequence_gap", f"batch {seq} is beyond the next one: send batch {last_seq + 1} first",
                   next_seq=last_seq + 1)


def _duplicate(seq: int, next_seq: int | None) -> ApiError:
    extra = {} if next_seq is None else {"next_seq": next_seq}
    return ApiError(409, "duplicate_batch", f"batch {seq} is already stored: take it as delivered", **extra)
