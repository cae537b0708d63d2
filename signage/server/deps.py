"""FastAPI dependencies: a pooled connection, and who is asking (a person or a kiosk).

    @router.get("/stores")
    async def stores(person: Person = Depends(require_role("viewer")), db=Depends(connection)): ...

Connections are in autocommit mode; a route that writes wraps its work in
`async with db.transaction():` so the change and its audit row commit together or not
at all.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass

import psycopg
from fastapi import Depends, Request

from signage.server.auth import role_allows, token_digest
from signage.server.errors import forbidden, unauthorised

__all__ = ["KioskIdentity", "Person", "bearer_token", "connection", "person_for_token", "require_kiosk", "require_role"]


@dataclass(frozen=True)
class Person:
    """A signed-in person."""

    user_id: int
    name: str
    role: str  # viewer | editor | admin

    @property
    def actor(self) -> str:
        """How the audit log names them."""
        return f"user:{self.name}"


@dataclass(frozen=True)
class KioskIdentity:
    """An enrolled kiosk, from its token."""

    kiosk_id: int
    store_id: int
    name: str

    @property
    def actor(self) -> str:
        return f"kiosk:{self.kiosk_id}"


async def connection(request: Request) -> AsyncIterator[psycopg.AsyncConnection]:
    """One pooled connection for the request (autocommit; wrap writes in a transaction)."""
    async with request.app.state.pool.connection() as db:
        yield db


def bearer_token(request: Request) -> str:
    """The token of `Authorization: Bearer TOKEN`; 401 when there is none."""
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise unauthorised("no token: send 'Authorization: Bearer TOKEN' (POST /api/v1/login gives one)")
    return token.strip()


def require_role(needed: str):
    """A dependency that gives the signed-in Person, refusing those below `needed`."""

    async def person(request: Request, db: psycopg.AsyncConnection = Depends(connection)) -> Person:
        who = await person_for_token(db, bearer_token(request))
        if who is None:
            raise unauthorised("unknown or expired session: sign in again (POST /api/v1/login)")
        if not role_allows(who.role, needed):
            raise forbidden(f"{who.name} is a {who.role}; this needs the {needed} role")
        return who

    return person


async def person_for_token(db: psycopg.AsyncConnection, token: str) -> Person | None:
    """The person whose live session `token` is (the API's bearer or the console's cookie); None when none is."""
    row = await (
        await db.execute(
            "SELECT u.user_id, u.name, u.role FROM sessions s JOIN users u USING (user_id)"
            " WHERE s.token_sha256 = %s AND s.expires_at > now() AND NOT u.disabled",
            (token_digest(token),),
        )
    ).fetchone()
    return Person(*row) if row else None


async def require_kiosk(request: Request, db: psycopg.AsyncConnection = Depends(connection)) -> KioskIdentity:
    """The kiosk whose token this is; 401 for an unknown or revoked token."""
    digest = token_digest(bearer_token(request))
    row = await (
        await db.execute(
            "SELECT kiosk_id, store_id, name, revoked_at FROM kiosks WHERE token_sha256 = %s", (digest,)
        )
    ).fetchone()
    if row is None:
        raise unauthorised("unknown kiosk token: enrol the kiosk again (signage sync enrol)")
    if row[3] is not None:
        raise unauthorised(f"kiosk {row[0]}'s token was revoked at {row[3].isoformat()}: enrol it again")
    return KioskIdentity(row[0], row[1], row[2])
