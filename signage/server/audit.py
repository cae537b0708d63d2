"""The audit log: one row for every change a person makes, in the change's transaction."""

from __future__ import annotations

import psycopg
from psycopg.types.json import Jsonb

__all__ = ["record_change"]


async def record_change(db: psycopg.AsyncConnection, actor: str, action: str, target: str, **detail: object) -> None:
    """Write who (`user:NAME`) did what (`release.create`) to which thing (`group:seoul`).

    Call it inside the transaction that makes the change, so the two commit together.
    `detail` must hold names, numbers and versions only: never a password, a token or a
    content file.
    """
    await db.execute(
        "INSERT INTO audit_log (actor, action, target, detail) VALUES (%s, %s, %s, %s)",
        (actor, action, target, Jsonb(detail)),
    )
