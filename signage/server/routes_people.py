"""People's endpoints: sessions, accounts, stores, groups, kiosks, commands, audit, telemetry reads.

Content and the library are in `routes_content.py`, releases and rollouts in
`routes_releases.py`; this router includes both, so the app mounts one router for
people (docs/fleet-api.md, "People's endpoints").

Every change runs in one transaction with its `audit_log` row (`record_change`): the
change and its record commit together or not at all. Roles: viewer reads, editor
changes content, releases, rollouts and sends kiosk commands, admin does everything.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
import logging
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import psycopg
from fastapi import APIRouter, Depends, Query, Request, Response
from pydantic import Field
from psycopg.rows import dict_row

from signage.server import routes_content, routes_releases
from signage.server.accounts import check_name, check_role, create_kiosk, create_user, issue_enrol_code, strong_password
from signage.server.api_common import Body, fetch_group, fetch_kiosk, fetch_store, parse_instant, storable, suggestion
from signage.server.audit import record_change
from signage.server.auth import SESSION_HOURS, hash_password, needs_rehash, new_secret, token_digest, verify_password
from signage.server.deps import Person, bearer_token, connection, require_role
from signage.server.errors import bad_request, conflict, not_found, unauthorised
from signage.server.releases import release_for_kiosk
from signage.sync.settings import SyncSettings

log = logging.getLogger(__name__)

router = APIRouter()
router.include_router(routes_content.router)
router.include_router(routes_releases.router)

viewer = require_role("viewer")
editor = require_role("editor")
admin = require_role("admin")



@functools.cache
def _dummy_hash() -> str:
    """Verified against when a login names no known user, so an unknown name takes as long as a wrong password."""
    return hash_password("not a password anyone has: timing only")


# ---- sessions -----------------------------------------------------------------------------


class Login(Body):
    name: str
    password: str


@router.post("/login")
async def login(body: Login, db: psycopg.AsyncConnection = Depends(connection)) -> dict:
    """A session of `SESSION_HOURS` for a person whose name and password match."""
    token, role, expires_at = await start_session(db, body.name, body.password)
    return {"token": token, "role": role, "expires_at": expires_at.isoformat()}


async def start_session(db: psycopg.AsyncConnection, name: str, password: str) -> tuple[str, str, dt.datetime]:
    """(token, role, expires_at) of a new session for `name`; 401 when the name or password is wrong.

    The API's `POST /login` and the console's sign-in form both come here.
    """
    row = await (await db.execute(
        "SELECT user_id, password_hash, role, disabled FROM users WHERE name = %s", (name,)
    )).fetchone()
    matches = await asyncio.to_thread(verify_password, row[1] if row else _dummy_hash(), password)
    if row is None or not matches or row[3]:
        # One answer for all three, so a caller cannot learn which names exist.
        raise unauthorised("wrong name or password, or the account is disabled")
    user_id, password_hash, role, _ = row
    token = new_secret()
    async with db.transaction():
        expires_at = (await (await db.execute(
            "INSERT INTO sessions (token_sha256, user_id, expires_at) VALUES (%s, %s, now() + make_interval(hours => %s))"
            " RETURNING expires_at",
            (token_digest(token), user_id, SESSION_HOURS),
        )).fetchone())[0]
        if needs_rehash(password_hash):
            await db.execute("UPDATE users SET password_hash = %s WHERE user_id = %s",
                             (await asyncio.to_thread(hash_password, password), user_id))
        # Expired sessions are swept here rather than by a timer: logins are rare, the table stays small.
        await db.execute("DELETE FROM sessions WHERE expires_at < now() - interval '1 day'")
        await record_change(db, f"user:{name}", "session.login", f"user:{name}")
    return token, role, expires_at


async def end_session(db: psycopg.AsyncConnection, person: Person, token: str) -> None:
    """End the session whose token this is (API logout and the console's Sign out)."""
    async with db.transaction():
        await db.execute("DELETE FROM sessions WHERE token_sha256 = %s", (token_digest(token),))
        await record_change(db, person.actor, "session.logout", person.actor)


@router.post("/logout", status_code=204)
async def logout(request: Request, person: Person = Depends(viewer), db: psycopg.AsyncConnection = Depends(connection)) -> Response:
    """End the session whose token this is."""
    await end_session(db, person, bearer_token(request))
    return Response(status_code=204)


# ---- users ---------------------------------------------------------------------------------


class NewUser(Body):
    name: str
    password: str
    role: str


class UserChange(Body):
    role: str | None = None
    password: str | None = None
    disabled: bool | None = None


@router.get("/users")
async def list_users(person: Person = Depends(admin), db: psycopg.AsyncConnection = Depends(connection)) -> dict:
    """Every account: name, role, disabled, created_at (never a hash)."""
    async with db.cursor(row_factory=dict_row) as cursor:
        await cursor.execute("SELECT name, role, disabled, created_at FROM users ORDER BY name")
        return {"users": await cursor.fetchall()}


@router.post("/users", status_code=201)
async def add_user(body: NewUser, person: Person = Depends(admin), db: psycopg.AsyncConnection = Depends(connection)) -> dict:
    """A new account (409 when the name is taken, 422 `weak_password`)."""
    async with db.transaction():
        await create_user(db, person.actor, body.name, body.password, body.role)
    return {"name": body.name, "role": body.role}


@router.patch("/users/{name}")
async def change_user(name: str, body: UserChange, person: Person = Depends(admin),
                      db: psycopg.AsyncConnection = Depends(connection)) -> dict:
    """Change a role, a password or disabled; a new password or disabling ends the user's sessions.

    The last enabled admin cannot be demoted or disabled (409): nobody could manage accounts.
    """
    storable(name, "name")
    if body.role is not None:
        check_role(body.role)
    if body.password is not None:
        strong_password(body.password)
    new_hash = await asyncio.to_thread(hash_password, body.password) if body.password is not None else None
    async with db.transaction():
        row = await (await db.execute(
            "SELECT user_id, role, disabled FROM users WHERE name = %s FOR UPDATE", (name,)
        )).fetchone()
        if row is None:
            raise not_found(f"no user {name!r}{await suggestion(db, name, 'SELECT name FROM users')}")
        user_id, role, disabled = row
        new_role = role if body.role is None else body.role
        new_disabled = disabled if body.disabled is None else body.disabled
        if role == "admin" and not disabled and (new_role != "admin" or new_disabled):
            # Locks every admin row, so two admins demoting each other at once cannot both pass.
            others = await (await db.execute(
                "SELECT count(*) FROM (SELECT 1 FROM users WHERE role = 'admin' AND NOT disabled AND user_id <> %s"
                " FOR UPDATE) AS a", (user_id,)
            )).fetchone()
            if others[0] == 0:
                raise conflict(f"{name} is the last enabled admin: make another admin first")
        await db.execute(
            "UPDATE users SET role = %s, disabled = %s, password_hash = coalesce(%s, password_hash) WHERE user_id = %s",
            (new_role, new_disabled, new_hash, user_id),
        )
        if new_hash is not None or new_disabled or new_role != role:
            await db.execute("DELETE FROM sessions WHERE user_id = %s", (user_id,))
        changed = {key: value for key, value in (("role", body.role), ("disabled", body.disabled)) if value is not None}
        if new_hash is not None:
            changed["password"] = "changed"
        await record_change(db, person.actor, "user.change", f"user:{name}", **changed)
    return {"name": name, "role": new_role, "disabled": new_disabled}


# ---- stores and groups ------------------------------------------------------------------------


class NewStore(Body):
    code: str
    name: str
    timezone: str = "UTC"


class NewGroup(Body):
    name: str
    kind: Literal["region", "format", "tag", "canary", "chain"]
    priority: int = Field(0, ge=-1_000_000, le=1_000_000)  # higher wins when a store is in several groups


class GroupStores(Body):
    stores: list[str]


@router.get("/stores")
async def list_stores(person: Person = Depends(viewer), db: psycopg.AsyncConnection = Depends(connection)) -> dict:
    """Every store with its groups and number of kiosks."""
    async with db.cursor(row_factory=dict_row) as cursor:
        await cursor.execute(
            "SELECT s.code, s.name, s.timezone, s.created_at,"
            " coalesce((SELECT array_agg(g.name ORDER BY g.name) FROM group_stores gs JOIN store_groups g USING (group_id)"
            "  WHERE gs.store_id = s.store_id), '{}') AS groups,"
            " (SELECT count(*) FROM kiosks k WHERE k.store_id = s.store_id) AS kiosks"
            " FROM stores s ORDER BY s.code"
        )
        return {"stores": await cursor.fetchall()}


@router.post("/stores", status_code=201)
async def add_store(body: NewStore, person: Person = Depends(admin), db: psycopg.AsyncConnection = Depends(connection)) -> dict:
    """A new store; 409 when its code is taken, 400 for an unknown time zone."""
    check_name(body.code, "code")
    check_name(body.name, "name")
    try:
        ZoneInfo(body.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise bad_request(f"timezone: {body.timezone[:60]!r} is not an IANA time zone (for example Asia/Seoul)") from None
    async with db.transaction():
        row = await (await db.execute(
            "INSERT INTO stores (code, name, timezone) VALUES (%s, %s, %s) ON CONFLICT (code) DO NOTHING RETURNING store_id",
            (body.code, body.name, body.timezone),
        )).fetchone()
        if row is None:
            raise conflict(f"a store with code {body.code!r} exists already")
        await record_change(db, person.actor, "store.create", f"store:{body.code}", name=body.name, timezone=body.timezone)
    return {"code": body.code, "name": body.name, "timezone": body.timezone}


@router.get("/groups")
async def list_groups(person: Person = Depends(viewer), db: psycopg.AsyncConnection = Depends(connection)) -> dict:
    """Every group: kind, priority, its stores, and its current and canary release."""
    async with db.cursor(row_factory=dict_row) as cursor:
        await cursor.execute(
            "SELECT g.name, g.kind, g.priority, g.created_at,"
            " coalesce((SELECT array_agg(s.code ORDER BY s.code) FROM group_stores gs JOIN stores s USING (store_id)"
            "  WHERE gs.group_id = g.group_id), '{}') AS stores,"
            " g.current_release_id, cur.version AS current_version, g.canary_release_id, can.version AS canary_version,"
            " cg.name AS canary_group"
            " FROM store_groups g LEFT JOIN releases cur ON cur.release_id = g.current_release_id"
            " LEFT JOIN releases can ON can.release_id = g.canary_release_id"
            " LEFT JOIN store_groups cg ON cg.group_id = g.canary_group_id ORDER BY g.priority DESC, g.name"
        )
        return {"groups": await cursor.fetchall()}


@router.post("/groups", status_code=201)
async def add_group(body: NewGroup, person: Person = Depends(admin), db: psycopg.AsyncConnection = Depends(connection)) -> dict:
    """A new group; 409 when the name is taken."""
    check_name(body.name, "name")
    async with db.transaction():
        row = await (await db.execute(
            "INSERT INTO store_groups (name, kind, priority) VALUES (%s, %s, %s) ON CONFLICT (name) DO NOTHING RETURNING group_id",
            (body.name, body.kind, body.priority),
        )).fetchone()
        if row is None:
            raise conflict(f"a group named {body.name!r} exists already")
        await record_change(db, person.actor, "group.create", f"group:{body.name}", kind=body.kind, priority=body.priority)
    return {"name": body.name, "kind": body.kind, "priority": body.priority}


@router.post("/groups/{group}/stores")
async def add_group_stores(group: str, body: GroupStores, person: Person = Depends(admin),
                           db: psycopg.AsyncConnection = Depends(connection)) -> dict:
    """Put stores in a group (those already in it stay); 404 naming the first unknown store."""
    async with db.transaction():
        row = await fetch_group(db, group)
        added = []
        for code in dict.fromkeys(body.stores):
            store_id, _ = await fetch_store(db, code)
            result = await db.execute(
                "INSERT INTO group_stores (group_id, store_id) VALUES (%s, %s) ON CONFLICT DO NOTHING",
                (row["group_id"], store_id),
            )
            if result.rowcount:
                added.append(code)
        await record_change(db, person.actor, "group.add_stores", f"group:{group}", stores=added)
    return {"group": group, "added": added}


@router.delete("/groups/{group}/stores/{code}", status_code=204)
async def remove_group_store(group: str, code: str, person: Person = Depends(admin),
                             db: psycopg.AsyncConnection = Depends(connection)) -> Response:
    """Take a store out of a group; 404 when it is not in it."""
    async with db.transaction():
        row = await fetch_group(db, group)
        store_id, _ = await fetch_store(db, code)
        result = await db.execute("DELETE FROM group_stores WHERE group_id = %s AND store_id = %s", (row["group_id"], store_id))
        if not result.rowcount:
            raise not_found(f"store {code!r} is not in group {group!r}")
        await record_change(db, person.actor, "group.remove_store", f"group:{group}", store=code)
    return Response(status_code=204)


# ---- kiosks --------------------------------------------------------------------------------------


class NewKiosk(Body):
    name: str
    store: str
    groups: list[str] = []


class NewCommand(Body):
    kind: Literal["reload", "restart", "screenshot"]


# A kiosk heartbeats every `SyncSettings.heartbeat_s` (60 s); after five intervals without
# one it is offline here and silent on the console's fleet page (the same threshold): long
# enough that a slow network or a restarting player raises no alarm.
OFFLINE_AFTER_HEARTBEATS = 5
OFFLINE_AFTER_S = OFFLINE_AFTER_HEARTBEATS * SyncSettings.heartbeat_s

_KIOSK_COLUMNS = (
    "k.kiosk_id, k.name, s.code AS store, k.hostname, k.created_at, k.enrolled_at, k.revoked_at,"
    " k.enrol_expires_at, ks.last_seen_at, ks.release_id, ks.clock_skew_s, ks.utc_offset_s, ks.last_seq,"
    " CASE WHEN k.revoked_at IS NOT NULL THEN 'revoked'"
    "      WHEN k.token_sha256 IS NULL THEN 'awaiting_enrolment'"
    "      WHEN ks.last_seen_at IS NULL THEN 'never_seen'"
    f"      WHEN ks.last_seen_at > now() - interval '{OFFLINE_AFTER_S:g} seconds' THEN 'online'"
    "      ELSE 'offline' END AS state"
)
_KIOSK_FROM = " FROM kiosks k JOIN stores s USING (store_id) LEFT JOIN kiosk_state ks USING (kiosk_id)"
_KIOSK_SELECT = "SELECT " + _KIOSK_COLUMNS + _KIOSK_FROM


def _kiosk_json(row: dict) -> dict:
    expires = row.pop("enrol_expires_at")
    if row["state"] == "awaiting_enrolment":
        row["enrol_expires_at"] = expires
    return row


@router.get("/kiosks")
async def list_kiosks(store: str | None = None, person: Person = Depends(viewer),
                      db: psycopg.AsyncConnection = Depends(connection)) -> dict:
    """Every kiosk (of `store` when given): state (online within `OFFLINE_AFTER_S`), last seen, release, skew."""
    async with db.cursor(row_factory=dict_row) as cursor:
        if store is None:
            await cursor.execute(_KIOSK_SELECT + " ORDER BY k.kiosk_id")
        else:
            store_id, _ = await fetch_store(db, store)
            await cursor.execute(_KIOSK_SELECT + " WHERE k.store_id = %s ORDER BY k.kiosk_id", (store_id,))
        return {"kiosks": [_kiosk_json(row) for row in await cursor.fetchall()]}


@router.get("/kiosks/{kiosk_id}")
async def show_kiosk(kiosk_id: int, person: Person = Depends(viewer), db: psycopg.AsyncConnection = Depends(connection)) -> dict:
    """One kiosk, with its newest heartbeat's status and sync figures."""
    async with db.cursor(row_factory=dict_row) as cursor:
        await cursor.execute(
            "SELECT " + _KIOSK_COLUMNS + ", k.store_id, ks.status, ks.sync" + _KIOSK_FROM + " WHERE k.kiosk_id = %s",
            (kiosk_id,),
        )
        row = await cursor.fetchone()
    if row is None:
        raise not_found(f"no kiosk {kiosk_id} (GET /api/v1/kiosks lists them)")
    target = await release_for_kiosk(db, row.pop("store_id"), with_body=False)
    row["release_target_id"] = None if target is None else target["release_id"]  # what it should run now
    return _kiosk_json(row)


@router.post("/kiosks", status_code=201)
async def add_kiosk(body: NewKiosk, person: Person = Depends(admin), db: psycopg.AsyncConnection = Depends(connection)) -> dict:
    """A new kiosk and its one-time enrolment code (shown only here); `groups`: groups its store joins."""
    async with db.transaction():
        store_id, code = await fetch_store(db, body.store)
        groups = {name: (await fetch_group(db, name))["group_id"] for name in dict.fromkeys(body.groups)}
        enrol = await create_kiosk(db, person.actor, body.name, store_id, code, groups)
    return enrol.as_json()


@router.post("/kiosks/{kiosk_id}/enrol-code")
async def new_enrol_code(kiosk_id: int, person: Person = Depends(admin), db: psycopg.AsyncConnection = Depends(connection)) -> dict:
    """A new one-time code for the kiosk; its token stops working at once."""
    async with db.transaction():
        await fetch_kiosk(db, kiosk_id, lock=True)
        enrol = await issue_enrol_code(db, kiosk_id)
        await record_change(db, person.actor, "kiosk.enrol_code", f"kiosk:{kiosk_id}", old_token="revoked")
    return enrol.as_json()


@router.post("/kiosks/{kiosk_id}/revoke")
async def revoke_kiosk(kiosk_id: int, person: Person = Depends(admin), db: psycopg.AsyncConnection = Depends(connection)) -> dict:
    """End the kiosk's access: its token and any unused enrolment code stop working (a new code re-admits it)."""
    async with db.transaction():
        kiosk = await fetch_kiosk(db, kiosk_id, lock=True)
        if kiosk["revoked_at"] is not None:
            raise conflict(f"kiosk {kiosk_id} was revoked already at {kiosk['revoked_at'].isoformat()}")
        revoked_at = (await (await db.execute(
            "UPDATE kiosks SET revoked_at = now(), enrol_code_sha256 = NULL, enrol_expires_at = NULL"
            " WHERE kiosk_id = %s RETURNING revoked_at", (kiosk_id,)
        )).fetchone())[0]
        await record_change(db, person.actor, "kiosk.revoke", f"kiosk:{kiosk_id}", name=kiosk["name"], store=kiosk["store"])
    return {"kiosk_id": kiosk_id, "revoked_at": revoked_at.isoformat()}


@router.post("/kiosks/{kiosk_id}/commands", status_code=201)
async def add_command(kiosk_id: int, body: NewCommand, person: Person = Depends(editor),
                      db: psycopg.AsyncConnection = Depends(connection)) -> dict:
    """A command for the kiosk, delivered in its next heartbeat reply."""
    async with db.transaction():
        kiosk = await fetch_kiosk(db, kiosk_id)
        if kiosk["revoked_at"] is not None:
            raise conflict(f"kiosk {kiosk_id} is revoked: it will not fetch commands")
        command_id = (await (await db.execute(
            "INSERT INTO commands (kiosk_id, kind, created_by) VALUES (%s, %s, %s) RETURNING command_id",
            (kiosk_id, body.kind, person.actor),
        )).fetchone())[0]
        await record_change(db, person.actor, "command.create", f"kiosk:{kiosk_id}", command_id=command_id, kind=body.kind)
    return {"command_id": command_id}


@router.get("/kiosks/{kiosk_id}/commands")
async def list_commands(kiosk_id: int, limit: int = Query(100, ge=1, le=1000), person: Person = Depends(viewer),
                        db: psycopg.AsyncConnection = Depends(connection)) -> dict:
    """The kiosk's newest commands with their state (pending, delivered, done, failed)."""
    await fetch_kiosk(db, kiosk_id)
    async with db.cursor(row_factory=dict_row) as cursor:
        await cursor.execute(
            "SELECT command_id, kind, created_by, created_at, delivered_at, acked_at, result, detail,"
            " screenshot IS NOT NULL AS has_screenshot,"
            " CASE WHEN result IS NOT NULL THEN result WHEN delivered_at IS NOT NULL THEN 'delivered' ELSE 'pending' END"
            " AS state FROM commands WHERE kiosk_id = %s ORDER BY command_id DESC LIMIT %s",
            (kiosk_id, limit),
        )
        return {"kiosk_id": kiosk_id, "commands": await cursor.fetchall()}


@router.get("/commands/{command_id}/screenshot")
async def command_screenshot(command_id: int, person: Person = Depends(viewer),
                             db: psycopg.AsyncConnection = Depends(connection)) -> Response:
    """The PNG a screenshot command brought back; 404 until the kiosk has sent it."""
    row = await (await db.execute("SELECT kind, screenshot FROM commands WHERE command_id = %s", (command_id,))).fetchone()
    if row is None:
        raise not_found(f"no command {command_id}")
    if row[1] is None:
        what = "is not a screenshot command" if row[0] != "screenshot" else "has no screenshot yet (the kiosk sends it after its next heartbeat)"
        raise not_found(f"command {command_id} {what}")
    return Response(content=bytes(row[1]), media_type="image/png", headers={"Cache-Control": "no-store"})


# ---- audit and telemetry reads --------------------------------------------------------------------------


@router.get("/audit")
async def audit(since: str | None = None, limit: int = Query(100, ge=1, le=10000), person: Person = Depends(admin),
                db: psycopg.AsyncConnection = Depends(connection)) -> dict:
    """The audit log, oldest first from `since` (ISO time with offset), else the newest `limit` entries."""
    moment = parse_instant(since, "since")
    async with db.cursor(row_factory=dict_row) as cursor:
        if moment is None:
            await cursor.execute(
                "SELECT * FROM (SELECT audit_id, at, actor, action, target, detail FROM audit_log"
                " ORDER BY audit_id DESC LIMIT %s) AS newest ORDER BY audit_id", (limit,)
            )
        else:
            await cursor.execute(
                "SELECT audit_id, at, actor, action, target, detail FROM audit_log WHERE at >= %s ORDER BY audit_id LIMIT %s",
                (moment, limit),
            )
        return {"entries": await cursor.fetchall()}


def _record_filters(column: str, kiosk: int | None, store_id: int | None, start: dt.datetime | None,
                    end: dt.datetime | None) -> tuple[str, list]:
    clauses, values = [], []
    if kiosk is not None:
        clauses.append("t.kiosk_id = %s")
        values.append(kiosk)
    if store_id is not None:
        clauses.append("k.store_id = %s")
        values.append(store_id)
    if start is not None:
        clauses.append(f"t.{column} >= %s")
        values.append(start)
    if end is not None:
        clauses.append(f"t.{column} < %s")
        values.append(end)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", values


async def _records(db, table: str, column: str, columns: str, kiosk, store, start_text, end_text, limit) -> list[dict]:
    start = parse_instant(start_text, "from", naive=True)
    end = parse_instant(end_text, "until", naive=True)
    store_id = (await fetch_store(db, store))[0] if store is not None else None
    if kiosk is not None:
        await fetch_kiosk(db, kiosk)
    where, values = _record_filters(column, kiosk, store_id, start, end)
    async with db.cursor(row_factory=dict_row) as cursor:
        await cursor.execute(
            f"SELECT t.kiosk_id, s.code AS store, {columns} FROM {table} t JOIN kiosks k USING (kiosk_id)"
            f" JOIN stores s ON s.store_id = k.store_id{where} ORDER BY t.{column}, t.kiosk_id LIMIT %s",
            (*values, limit),
        )
        rows = await cursor.fetchall()
    for row in rows:  # the kiosk's own naive local times, written as it stores them
        for key, value in row.items():
            if isinstance(value, dt.datetime):
                row[key] = value.isoformat(sep=" ", timespec="microseconds")
    return rows


@router.get("/plays")
async def plays(kiosk: int | None = None, store: str | None = None, from_: str | None = Query(None, alias="from"),
                until: str | None = None, limit: int = Query(1000, ge=1, le=100000), person: Person = Depends(viewer),
                db: psycopg.AsyncConnection = Depends(connection)) -> dict:
    """Proof of play, by the kiosk's local start time (`from` inclusive, `until` exclusive)."""
    rows = await _records(
        db, "plays", "started_at",
        "t.play_id, t.started_at, t.ended_at, t.utc_offset_s, t.playlist, t.item, t.kind, t.rule, t.planned_s,"
        " t.outcome, t.error, t.reason, t.signal, t.group_size, t.dominant_segment, t.confidence,"
        " t.counts_by_age_group, t.counts_by_attire, t.release_id",
        kiosk, store, from_, until, limit,
    )
    return {"plays": rows}


@router.get("/audience")
async def audience(kiosk: int | None = None, store: str | None = None, from_: str | None = Query(None, alias="from"),
                   until: str | None = None, limit: int = Query(1000, ge=1, le=100000), person: Person = Depends(viewer),
                   db: psycopg.AsyncConnection = Depends(connection)) -> dict:
    """Audience summaries, by the kiosk's local time (`from` inclusive, `until` exclusive)."""
    rows = await _records(
        db, "audience_samples", "at",
        "t.sample_id, t.at, t.utc_offset_s, t.signal, t.group_size, t.dominant_segment, t.confidence,"
        " t.counts_by_age_group, t.counts_by_attire",
        kiosk, store, from_, until, limit,
    )
    return {"audience": rows}


__all__ = ["router"]
