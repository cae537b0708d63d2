"""What a kiosk reads and writes (docs/fleet-api.md, "Kiosk endpoints"), and its enrolment.

- `POST /enrol`: a one-time code (an admin made it with the kiosk) for the kiosk's own
  token. The code works once, until it expires; a revoked kiosk cannot use it.
- `GET /kiosk/release`: the release the kiosk should run (`releases.release_for_kiosk`),
  with its ETag; 304 when `If-None-Match` names it, 204 when none is out for it.
- `GET /kiosk/content/{sha256}`: a content file, from a byte offset to resume; only a
  file that a release of the kiosk's groups names (its groups' current releases, and a
  canary release when its store is in the canary group).
- `POST /kiosk/telemetry`: a batch of proof of play and audience samples, stored exactly
  once (signage/server/telemetry.py).
- `POST /kiosk/heartbeat`: the kiosk's newest status; the reply carries the server's
  time, the next batch number and its open commands.
- `PUT /kiosk/commands/{id}/screenshot`: the PNG a screenshot command asked for.

Every route but enrolment needs a kiosk token (`require_kiosk`; telemetry checks it in its
own statement, with the same rule); a kiosk only ever reads and writes its own rows, and
every query here is keyed by the token's kiosk. Bodies are
read with `json.loads` and checked by hand (as telemetry.py explains: these are the
routes every kiosk calls every few seconds).
"""

from __future__ import annotations

import datetime as dt
import logging
import re

import psycopg
from fastapi import APIRouter, Depends, Request, Response
from fastapi.responses import JSONResponse, StreamingResponse
from psycopg.types.json import Jsonb
from starlette.concurrency import run_in_threadpool

from foundation.limits import shorten
from signage.server import telemetry
from signage.server.auth import new_secret, token_digest
from signage.server.content_store import content_store_of, is_sha256
from signage.server.deps import KioskIdentity, bearer_token, connection, require_kiosk
from signage.server.errors import (
    ApiError,
    bad_request,
    forbidden,
    not_found,
    unauthorised,
)
from signage.server.releases import release_body, release_for_kiosk

log = logging.getLogger(__name__)

__all__ = ["MAX_SCREENSHOT_BYTES", "router", "server_now"]

router = APIRouter()

MAX_SCREENSHOT_BYTES = 8 * 1024 * 1024
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_HEARTBEAT_BYTES = 256 * 1024  # a player's status dict is a few KiB
MAX_ACKS = 1_000
_HOSTNAME_CHARS = 253  # the longest DNS name
_RANGE = re.compile(r"bytes=(\d{1,19})-(\d{1,19})?")  # fullmatch


def server_now(request: Request) -> dt.datetime:
    """The server's time (aware, UTC): `app.state.utc_now()` when a test set one, else the wall clock."""
    clock = getattr(request.app.state, "utc_now", None)
    return clock() if clock is not None else dt.datetime.now(dt.UTC)


# ------------------------------------------------------------------------------------
# Enrolment


@router.post("/enrol")
async def enrol(request: Request, db: psycopg.AsyncConnection = Depends(connection)) -> JSONResponse:
    """Trade a one-time enrolment code for the kiosk's token: `{"kiosk_id", "token", "next_seq"}`.

    A used, expired or unknown code, or one of a revoked kiosk, is 401 with the reason.
    `next_seq` is the telemetry batch the server expects next (1 for a new kiosk): a
    re-imaged PC enrolling again must go on from there, not from 1.
    """
    data = telemetry.parse_json_object(await request.body())
    unknown = data.keys() - {"code", "hostname"}
    if unknown:
        raise bad_request(f"unknown key {shorten(min(unknown))} (expected code, hostname)")
    code = data.get("code")
    hostname = data.get("hostname")
    if type(code) is not str or not 0 < len(code) <= 200:
        raise bad_request(f"code: must be the enrolment code (text), got {shorten(code)}")
    if type(hostname) is not str or not 0 < len(hostname) <= _HOSTNAME_CHARS or not hostname.isprintable():
        raise bad_request(f"hostname: must be the kiosk's host name (1..{_HOSTNAME_CHARS} printable characters), got {shorten(hostname)}")
    telemetry.json_safe(hostname, "hostname")
    digest = token_digest(code)
    token = new_secret()
    async with db.transaction():
        # One UPDATE checks and uses the code: two kiosks racing with the same code
        # serialise on the row, and the second finds it cleared.
        row = await (
            await db.execute(
                "UPDATE kiosks SET token_sha256 = %s, enrol_code_sha256 = NULL, enrol_expires_at = NULL,"
                " enrolled_at = now(), hostname = %s"
                " WHERE enrol_code_sha256 = %s AND enrol_expires_at > now() AND revoked_at IS NULL"
                " RETURNING kiosk_id",
                (token_digest(token), hostname, digest),
            )
        ).fetchone()
        if row is None:
            raise await _enrol_refusal(db, digest)
        kiosk_id = row[0]
        state = await (
            await db.execute(
                "INSERT INTO kiosk_state (kiosk_id) VALUES (%s)"
                " ON CONFLICT (kiosk_id) DO UPDATE SET last_seq = kiosk_state.last_seq RETURNING last_seq",
                (kiosk_id,),
            )
        ).fetchone()
    log.info("kiosk %d enrolled from host %s", kiosk_id, hostname)
    return JSONResponse({"kiosk_id": kiosk_id, "token": token, "next_seq": state[0] + 1})


async def _enrol_refusal(db: psycopg.AsyncConnection, digest: bytes) -> ApiError:
    """Why the code did not work, as a 401."""
    row = await (
        await db.execute(
            "SELECT kiosk_id, enrol_expires_at, revoked_at, enrol_expires_at <= now() FROM kiosks"
            " WHERE enrol_code_sha256 = %s",
            (digest,),
        )
    ).fetchone()
    if row is None:
        # A used code is cleared, so it cannot be told from one never issued.
        return unauthorised("unknown or already used enrolment code: an admin makes a new one (POST /api/v1/kiosks/ID/enrol-code)")
    kiosk_id, expires_at, revoked_at, expired = row
    if revoked_at is not None:
        return unauthorised(
            f"kiosk {kiosk_id} was revoked at {revoked_at.isoformat()}: an admin makes a new enrolment code "
            f"(POST /api/v1/kiosks/{kiosk_id}/enrol-code)"
        )
    if expired or expires_at is None:
        when = expires_at.isoformat() if expires_at is not None else "an unknown time"
        return unauthorised(
            f"the enrolment code of kiosk {kiosk_id} expired at {when}: an admin makes a new one "
            f"(POST /api/v1/kiosks/{kiosk_id}/enrol-code)"
        )
    return unauthorised("enrolment code refused: try again")  # it changed under us (another enrolment)


# ------------------------------------------------------------------------------------
# Releases and content


@router.get("/kiosk/release")
async def kiosk_release(
    request: Request, kiosk: KioskIdentity = Depends(require_kiosk), db: psycopg.AsyncConnection = Depends(connection)
) -> Response:
    """The release the kiosk should run: 200 with its ETag, 304 when If-None-Match names it, 204 when none is out."""
    # Nearly every poll is answered 304: find the ETag without reading the release's
    # document and content, and read them only when the kiosk needs them.
    row = await release_for_kiosk(db, kiosk.store_id, with_body=False)
    if row is not None and _etag_matches(request.headers.get("if-none-match"), row["etag"]):
        return Response(status_code=304, headers={"ETag": row["etag"], "Cache-Control": "no-cache"})
    if row is not None:
        row = await release_for_kiosk(db, kiosk.store_id)  # may be newer than the first look: fine
    if row is None:
        return Response(status_code=204)
    return JSONResponse(release_body(row), headers={"ETag": row["etag"], "Cache-Control": "no-cache"})


def _etag_matches(if_none_match: str | None, etag: str) -> bool:
    """Whether an If-None-Match header names `etag` (weak comparison, as RFC 9110 says for it)."""
    if not if_none_match:
        return False
    if if_none_match.strip() == "*":
        return True
    wanted = etag.removeprefix("W/")
    return any(tag.strip().removeprefix("W/") == wanted for tag in if_none_match.split(","))


# The releases a kiosk may read: its groups' current releases, and a group's canary
# release when the kiosk's store is in that group's canary group.
_MAY_READ_BLOB = """
    SELECT EXISTS (
        SELECT 1 FROM release_blobs rb
        WHERE rb.sha256 = %(sha)s AND rb.release_id IN (
            SELECT g.current_release_id FROM group_stores gs JOIN store_groups g USING (group_id)
            WHERE gs.store_id = %(store)s
            UNION ALL
            SELECT g.canary_release_id FROM group_stores gs JOIN store_groups g USING (group_id)
            WHERE gs.store_id = %(store)s AND g.canary_group_id IN (
                SELECT group_id FROM group_stores WHERE store_id = %(store)s)))
"""


@router.get("/kiosk/content/{sha256}")
async def kiosk_content(sha256: str, request: Request) -> Response:
    """A content file named by a release the kiosk may read: 200, or 206 from `Range: bytes=N-`.

    403 for a file none of its releases names (whether or not the server has it: a
    kiosk learns nothing about other stores' content), 416 for a range past the end.
    """
    # No `connection` dependency here: FastAPI would hold it until the response is sent,
    # and a rollout has hundreds of kiosks downloading large files at once, which would
    # take every pooled connection for minutes. The checks need it for two queries only.
    async with request.app.state.pool.connection() as db:
        kiosk = await require_kiosk(request, db)
        if not is_sha256(sha256):
            raise bad_request(f"content: {shorten(sha256)} is not a sha256 (64 lower-case hex digits)")
        allowed = await (await db.execute(_MAY_READ_BLOB, {"sha": sha256, "store": kiosk.store_id})).fetchone()
    if not allowed[0]:
        raise forbidden(f"content {sha256} is in none of the releases kiosk {kiosk.kiosk_id} may read")
    store = content_store_of(request.app)
    size = await run_in_threadpool(store.size, sha256)
    if size is None:
        log.warning("content %s is named by a release but missing from the content store", sha256)
        raise not_found(f"content {sha256} is named by a release but not in the server's content store")
    byte_range = _byte_range(request.headers.get("range"), size)
    if byte_range is None:
        body = ApiError(416, "range_not_satisfiable",
                        f"Range: {shorten(request.headers.get('range'))} starts at or after the end of the file ({size:,} bytes)").body()
        return JSONResponse(body, status_code=416, headers={"Content-Range": f"bytes */{size}"})
    start, end = byte_range
    headers = {"Accept-Ranges": "bytes", "Content-Length": str(end - start), "ETag": f'"{sha256}"',
               "Cache-Control": "private, max-age=31536000, immutable"}
    if request.headers.get("range") is None:
        status = 200
    else:
        status = 206
        headers["Content-Range"] = f"bytes {start}-{end - 1}/{size}"
    # The store's reader is a blocking iterator of 1 MiB chunks; StreamingResponse runs it
    # in the thread pool, so a large file is never in memory and never blocks the loop.
    return StreamingResponse(store.read(sha256, start, end), status_code=status, headers=headers,
                             media_type="application/octet-stream")


def _byte_range(header: str | None, size: int) -> tuple[int, int] | None:
    """(start, end exclusive) of `Range: bytes=N-` or `bytes=N-M`; None past the end, 400 for any other form."""
    if header is None:
        return 0, size
    match = _RANGE.fullmatch(header.strip())
    if match is None:
        raise bad_request(f"Range: only one range 'bytes=N-' or 'bytes=N-M' is served, got {shorten(header)}")
    start = int(match.group(1))
    last = int(match.group(2)) if match.group(2) is not None else None
    if last is not None and last < start:
        raise bad_request(f"Range: {shorten(header)} ends before it starts")
    if start >= size:
        return None
    last = size - 1 if last is None else last
    return start, min(last, size - 1) + 1


# ------------------------------------------------------------------------------------
# Telemetry and heartbeats


@router.post("/kiosk/telemetry")
async def kiosk_telemetry(request: Request, db: psycopg.AsyncConnection = Depends(connection)) -> JSONResponse:
    """Store a batch of plays and audience samples exactly once (docs/fleet-api.md, the batch).

    The hot path: a valid batch of a valid kiosk is one statement that checks the token
    too (`telemetry.store_batch`); `require_kiosk` runs only when that stores nothing or
    the body is refused, so the answers are those of every kiosk route (401 first).
    """
    now = server_now(request)
    token_sha256 = token_digest(bearer_token(request))
    try:
        batch = telemetry.parse_batch(await request.body())
        telemetry.refuse_future_records(batch)
    except ApiError:
        await require_kiosk(request, db)  # a stranger learns nothing about the body
        raise
    skew_s = telemetry.clock_skew_s(now, batch.sent_at, batch.utc_offset_s)
    stored = await telemetry.store_batch(db, token_sha256, batch, skew_s)
    if stored is None:
        kiosk = await require_kiosk(request, db)
        await telemetry.explain_unstored(db, kiosk.kiosk_id, batch.seq)
        stored = await telemetry.store_batch(db, token_sha256, batch, skew_s)
        if stored is None:
            await telemetry.explain_unstored(db, kiosk.kiosk_id, batch.seq)
            raise ApiError(409, "conflict", f"batch {batch.seq} was not stored: send it again")  # a state row made and gone
    return JSONResponse({
        "stored": {"plays": stored.plays, "audience": stored.audience},
        "next_seq": stored.next_seq,
        "server_time": now.isoformat(),
    })


_HEARTBEAT_KEYS = frozenset({"sent_at", "utc_offset_s", "release_id", "status", "acked", "sync"})
_SYNC_COUNTS = ("spooled_plays", "spooled_audience", "dropped_audience")


@router.post("/kiosk/heartbeat")
async def kiosk_heartbeat(
    request: Request, kiosk: KioskIdentity = Depends(require_kiosk), db: psycopg.AsyncConnection = Depends(connection)
) -> JSONResponse:
    """Keep the kiosk's newest status; answer the server's time, the next batch number and its open commands.

    Commands come back in every heartbeat until the kiosk acks them (a lost reply loses
    no command; the kiosk tells repeats apart by `command_id`). An ack of a command that
    is not this kiosk's refuses the whole heartbeat (403); a second ack of the same
    command keeps the first result.
    """
    now = server_now(request)
    body = await request.body()
    if len(body) > MAX_HEARTBEAT_BYTES:
        # The newest status of every kiosk is kept: a few KiB each, not the 8 MiB a body may have.
        raise ApiError(413, "too_large", f"a heartbeat may be at most {MAX_HEARTBEAT_BYTES:,} bytes, got {len(body):,}")
    beat = _read_heartbeat(telemetry.parse_json_object(body))
    skew_s = telemetry.clock_skew_s(now, beat["sent_at"], beat["utc_offset_s"])
    parameters = {
        "kiosk": kiosk.kiosk_id, "release": beat["release_id"], "skew": skew_s, "offset": beat["utc_offset_s"],
        "status": None if beat["status"] is None else Jsonb(beat["status"]),
        "sync": None if beat["sync"] is None else Jsonb(beat["sync"]),
    }
    if beat["acked"]:
        async with db.transaction():
            await _ack(db, kiosk, beat["acked"])
            row = await (await db.execute(_HEARTBEAT_SQL, parameters)).fetchone()
    else:
        # One statement, so its own transaction: the common heartbeat is one round trip.
        row = await (await db.execute(_HEARTBEAT_SQL, parameters)).fetchone()
    last_seq, commands = row
    return JSONResponse({"server_time": now.isoformat(), "commands": commands, "next_seq": last_seq + 1})


# The newest heartbeat replaces the one before; the open commands are marked delivered
# (the first time) and listed, oldest first.
_HEARTBEAT_SQL = """
WITH state AS (
    INSERT INTO kiosk_state AS s (kiosk_id, last_seen_at, release_id, clock_skew_s, utc_offset_s, status, sync)
    VALUES (%(kiosk)s, now(), %(release)s, %(skew)s, %(offset)s, %(status)s, %(sync)s)
    ON CONFLICT (kiosk_id) DO UPDATE SET last_seen_at = EXCLUDED.last_seen_at, release_id = EXCLUDED.release_id,
        clock_skew_s = EXCLUDED.clock_skew_s, utc_offset_s = EXCLUDED.utc_offset_s, status = EXCLUDED.status,
        sync = EXCLUDED.sync
    RETURNING last_seq
), delivered AS (
    UPDATE commands SET delivered_at = coalesce(delivered_at, now())
    WHERE kiosk_id = %(kiosk)s AND acked_at IS NULL
    RETURNING command_id, kind
)
SELECT (SELECT last_seq FROM state),
       coalesce((SELECT json_agg(json_build_object('command_id', command_id, 'kind', kind) ORDER BY command_id)
                 FROM delivered), '[]'::json)
"""


def _read_heartbeat(data: dict) -> dict:
    """The heartbeat's fields, checked; 400 naming the first bad one."""
    unknown = data.keys() - _HEARTBEAT_KEYS
    if unknown:
        raise bad_request(f"heartbeat: unknown key {shorten(min(unknown))}")
    sent_at = telemetry.read_local_time(data.get("sent_at"), "sent_at")
    utc_offset_s = data.get("utc_offset_s")
    if type(utc_offset_s) is not int or not -telemetry.MAX_UTC_OFFSET_S <= utc_offset_s <= telemetry.MAX_UTC_OFFSET_S:
        raise bad_request(f"utc_offset_s: must be an integer within ±{telemetry.MAX_UTC_OFFSET_S}, got {shorten(utc_offset_s)}")
    release_id = data.get("release_id")
    if release_id is not None and (type(release_id) is not int or not 1 <= release_id <= telemetry.MAX_BIGINT):
        raise bad_request(f"release_id: must be a release id or null, got {shorten(release_id)}")
    status = data.get("status")
    if status is not None:
        if type(status) is not dict:
            raise bad_request(f"status: must be the player's status object or null, got {type(status).__name__}")
        telemetry.json_safe(status, "status")
    sync = data.get("sync")
    if sync is not None:
        if type(sync) is not dict:
            raise bad_request(f"sync: must be an object or null, got {type(sync).__name__}")
        for key in _SYNC_COUNTS:
            value = sync.get(key)
            if value is not None and (type(value) is not int or not 0 <= value <= telemetry.MAX_BIGINT):
                raise bad_request(f"sync.{key}: must be a count, got {shorten(value)}")
        last_error = sync.get("last_error")
        if last_error is not None and type(last_error) is not str:
            raise bad_request(f"sync.last_error: must be text or null, got {type(last_error).__name__}")
        telemetry.json_safe(sync, "sync")
    return {"sent_at": sent_at, "utc_offset_s": utc_offset_s, "release_id": release_id, "status": status,
            "sync": sync, "acked": _read_acks(data.get("acked", []))}


def _read_acks(acked: object) -> dict[int, tuple[str, str | None]]:
    """command_id -> (result, detail) of the heartbeat's `acked` list (a repeated id: the last one)."""
    if acked is None:
        return {}
    if type(acked) is not list:
        raise bad_request(f"acked: must be a list, got {type(acked).__name__}")
    if len(acked) > MAX_ACKS:
        raise bad_request(f"acked: more than {MAX_ACKS} acks in one heartbeat")
    acks: dict[int, tuple[str, str | None]] = {}
    for index, ack in enumerate(acked):
        where = f"acked[{index}]"
        if type(ack) is not dict:
            raise bad_request(f"{where}: must be an object, got {type(ack).__name__}")
        unknown = ack.keys() - {"command_id", "result", "detail"}
        if unknown:
            raise bad_request(f"{where}: unknown key {shorten(min(unknown))}")
        command_id = ack.get("command_id")
        if type(command_id) is not int or not 1 <= command_id <= telemetry.MAX_BIGINT:
            raise bad_request(f"{where}.command_id: must be a command id, got {shorten(command_id)}")
        result = ack.get("result")
        if result not in ("done", "failed") or type(result) is not str:
            raise bad_request(f"{where}.result: must be done or failed, got {shorten(result)}")
        detail = ack.get("detail")
        if detail is not None:
            if type(detail) is not str:
                raise bad_request(f"{where}.detail: must be text or null, got {type(detail).__name__}")
            telemetry.json_safe(detail, f"{where}.detail")
            detail = detail[: telemetry.MAX_TEXT_CHARS]
        acks[command_id] = (result, detail)
    return acks


async def _ack(db: psycopg.AsyncConnection, kiosk: KioskIdentity, acks: dict[int, tuple[str, str | None]]) -> None:
    """Record the results of the kiosk's own commands; 403 (nothing recorded) for any other id."""
    ids = list(acks)
    own = await (
        await db.execute("SELECT command_id FROM commands WHERE command_id = ANY(%s) AND kiosk_id = %s", (ids, kiosk.kiosk_id))
    ).fetchall()
    others = sorted(set(ids) - {row[0] for row in own})
    if others:
        raise forbidden(f"acked: command {others[0]} is not a command of kiosk {kiosk.kiosk_id}")
    await db.execute(
        "UPDATE commands c SET acked_at = now(), result = a.result, detail = a.detail"
        " FROM unnest(%s::bigint[], %s::text[], %s::text[]) AS a(command_id, result, detail)"
        " WHERE c.command_id = a.command_id AND c.kiosk_id = %s AND c.acked_at IS NULL",
        (ids, [acks[i][0] for i in ids], [acks[i][1] for i in ids], kiosk.kiosk_id),
    )


# ------------------------------------------------------------------------------------
# Screenshots


@router.put("/kiosk/commands/{command_id}/screenshot", status_code=204)
async def kiosk_screenshot(
    command_id: int, request: Request, kiosk: KioskIdentity = Depends(require_kiosk),
    db: psycopg.AsyncConnection = Depends(connection),
) -> Response:
    """Store the PNG a screenshot command of this kiosk asked for (at most 8 MiB); 204.

    A second upload for the same command replaces the first (a retry after a lost reply).
    """
    if not 1 <= command_id <= telemetry.MAX_BIGINT:
        raise not_found(f"no command {command_id}")
    body = await request.body()
    if len(body) > MAX_SCREENSHOT_BYTES:
        raise ApiError(413, "too_large", f"a screenshot may be at most {MAX_SCREENSHOT_BYTES:,} bytes, got {len(body):,}")
    if not body.startswith(PNG_SIGNATURE):
        raise bad_request(f"a screenshot must be a PNG file (it starts with {shorten(body[:8])}, not the PNG signature)")
    async with db.transaction():
        row = await (
            await db.execute("SELECT kiosk_id, kind FROM commands WHERE command_id = %s FOR UPDATE", (command_id,))
        ).fetchone()
        if row is None:
            raise not_found(f"no command {command_id}")
        owner, kind = row
        if owner != kiosk.kiosk_id:
            raise forbidden(f"command {command_id} is not a command of kiosk {kiosk.kiosk_id}")
        if kind != "screenshot":
            raise ApiError(409, "conflict", f"command {command_id} is a {kind} command, not a screenshot")
        await db.execute("UPDATE commands SET screenshot = %s WHERE command_id = %s", (body, command_id))
    log.info("kiosk %d sent the screenshot of command %d (%d bytes)", kiosk.kiosk_id, command_id, len(body))
    return Response(status_code=204)
