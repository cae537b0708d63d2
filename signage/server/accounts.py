"""Accounts of people and kiosks: what the API and `signage server` share.

Each function does its change and its audit row on the connection it is given; the
caller holds the transaction (`async with db.transaction():`), so both commit together.
"""

from __future__ import annotations

import asyncio
import datetime as dt

import psycopg

from signage.server.audit import record_change
from signage.server.auth import ENROL_CODE_HOURS, ROLES, hash_password, new_enrol_code, password_problem, token_digest
from signage.server.errors import ApiError, bad_request, conflict

__all__ = ["EnrolCode", "check_name", "check_role", "create_kiosk", "create_user", "issue_enrol_code", "strong_password"]


def check_role(role: str) -> str:
    """`role` when it is one of viewer, editor, admin; 400 otherwise."""
    if role not in ROLES:
        raise bad_request(f"role: {role[:40]!r} is not a role (one of {', '.join(ROLES)})")
    return role


def strong_password(password: str) -> str:
    """`password` when it is strong enough; 422 `weak_password` saying why otherwise."""
    problem = password_problem(password)
    if problem is None and not password.strip():
        problem = "a password must not be only spaces"
    if problem is not None:
        raise ApiError(422, "weak_password", problem)
    return password


def check_name(name: str, what: str) -> str:
    """A name of a person, store or kiosk: 1-100 printable characters, no surrounding spaces."""
    if not name or name != name.strip() or len(name) > 100 or not name.isprintable():
        raise bad_request(f"{what}: {name[:40]!r} is not a usable name (1-100 printable characters, no spaces around)")
    return name


async def create_user(db: psycopg.AsyncConnection, actor: str, name: str, password: str, role: str) -> int:
    """A new account; 409 when the name is taken. Returns its user_id."""
    check_name(name, "name")
    check_role(role)
    strong_password(password)
    password_hash = await asyncio.to_thread(hash_password, password)  # ~50 ms of CPU: off the event loop
    row = await (
        await db.execute(
            "INSERT INTO users (name, password_hash, role) VALUES (%s, %s, %s)"
            " ON CONFLICT (name) DO NOTHING RETURNING user_id",
            (name, password_hash, role),
        )
    ).fetchone()
    if row is None:
        raise conflict(f"a user named {name!r} exists already")
    await record_change(db, actor, "user.create", f"user:{name}", role=role)
    return row[0]


class EnrolCode:
    """A kiosk's one-time enrolment code (shown once; the database keeps its SHA-256)."""

    def __init__(self, kiosk_id: int, code: str, expires_at: dt.datetime) -> None:
        self.kiosk_id = kiosk_id
        self.code = code
        self.expires_at = expires_at

    def as_json(self) -> dict:
        return {"kiosk_id": self.kiosk_id, "enrol_code": self.code, "enrol_expires_at": self.expires_at.isoformat()}


async def issue_enrol_code(db: psycopg.AsyncConnection, kiosk_id: int) -> EnrolCode:
    """A fresh code for `kiosk_id`: its token (if any) stops working, a revocation is lifted.

    The old token is cleared rather than kept: a kiosk given a new code is a re-imaged or
    replaced PC, and the old one must not keep reading.
    """
    code = new_enrol_code()
    row = await (
        await db.execute(
            "UPDATE kiosks SET enrol_code_sha256 = %s, enrol_expires_at = now() + make_interval(hours => %s),"
            " token_sha256 = NULL, revoked_at = NULL, enrolled_at = NULL WHERE kiosk_id = %s RETURNING enrol_expires_at",
            (token_digest(code), ENROL_CODE_HOURS, kiosk_id),
        )
    ).fetchone()
    return EnrolCode(kiosk_id, code, row[0])


async def create_kiosk(
    db: psycopg.AsyncConnection, actor: str, name: str, store_id: int, store_code: str, group_ids: dict[str, int]
) -> EnrolCode:
    """A new kiosk of the store, with its enrolment code; 409 when the store has one of that name.

    A kiosk's groups are its store's groups: `group_ids` (name -> id) are groups the
    store joins (if it is not in them already).
    """
    check_name(name, "name")
    row = await (
        await db.execute(
            "INSERT INTO kiosks (name, store_id) VALUES (%s, %s) ON CONFLICT (store_id, name) DO NOTHING RETURNING kiosk_id",
            (name, store_id),
        )
    ).fetchone()
    if row is None:
        raise conflict(f"store {store_code!r} has a kiosk named {name!r} already")
    kiosk_id = row[0]
    await db.execute("INSERT INTO kiosk_state (kiosk_id) VALUES (%s) ON CONFLICT DO NOTHING", (kiosk_id,))
    joined = []
    for group, group_id in group_ids.items():
        added = await db.execute(
            "INSERT INTO group_stores (group_id, store_id) VALUES (%s, %s) ON CONFLICT DO NOTHING", (group_id, store_id)
        )
        if added.rowcount:
            joined.append(group)
    code = await issue_enrol_code(db, kiosk_id)
    await record_change(db, actor, "kiosk.create", f"kiosk:{kiosk_id}", name=name, store=store_code,
                        store_joined_groups=joined)
    return code
