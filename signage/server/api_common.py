"""What the people's routes share: strict request bodies, lookups by name with a did-you-mean.

Bodies are pydantic models with `extra="forbid"` and strict types: `"5"` is not a number
and `1` is not text, so a client's mistake is a 400 naming the field rather than a
guess. Lookups raise a 404 that names the thing and suggests close names when there are
few enough to compare cheaply.
"""

from __future__ import annotations

import datetime as dt

import psycopg
from psycopg.rows import dict_row
from pydantic import BaseModel, ConfigDict, ValidationInfo, field_validator

from playlists.codec import suggest_names
from signage.server.errors import ApiError, bad_request, not_found

__all__ = [
    "Body", "fetch_group", "storable", "text_problem", "fetch_kiosk", "fetch_store", "parse_day", "parse_instant", "suggestion", "unprocessable",
]

# Beyond this many names a did-you-mean is not worth reading them all.
_SUGGEST_AMONG = 5000


class Body(BaseModel):
    """A JSON request body: unknown keys, wrong types and text PostgreSQL cannot store are refused (400)."""

    model_config = ConfigDict(extra="forbid", strict=True)

    @field_validator("*", mode="after")
    @classmethod
    def _storable(cls, value: object, info: ValidationInfo) -> object:
        for text in _texts(value):
            problem = text_problem(text)
            if problem:
                raise ValueError(problem)
        return value


def _texts(value: object):
    if isinstance(value, str):
        yield value
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _texts(item)


def text_problem(text: str) -> str | None:
    """Why PostgreSQL could not store `text` (a NUL, a lone surrogate from a JSON \\ud800 escape), or None."""
    if "\x00" in text:
        return "text must not hold a NUL character"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "not valid Unicode text (a lone surrogate, \\ud800-\\udfff)"
    return None


def storable(text: str, field: str) -> str:
    """`text` (a path or query parameter) when PostgreSQL can store it; 400 naming `field` otherwise."""
    problem = text_problem(text)
    if problem:
        raise bad_request(f"{field}: {problem}")
    return text


def unprocessable(code: str, reason: str) -> ApiError:
    """422: well-formed, but not acceptable (a weak password, a release that fails validation)."""
    return ApiError(422, code, reason)


async def suggestion(db: psycopg.AsyncConnection, name: str, sql: str) -> str:
    """' (did you mean ...?)' among the names `sql` selects, when there are not too many."""
    rows = await (await db.execute(sql + f" LIMIT {_SUGGEST_AMONG + 1}")).fetchall()
    if len(rows) > _SUGGEST_AMONG:
        return ""
    return suggest_names(name, [row[0] for row in rows])


async def fetch_store(db: psycopg.AsyncConnection, code: str, lock: bool = False) -> tuple[int, str]:
    """(store_id, code) of the store `code`; 404 with close codes."""
    storable(code, "store")
    row = await (
        await db.execute("SELECT store_id, code FROM stores WHERE code = %s" + (" FOR UPDATE" if lock else ""), (code,))
    ).fetchone()
    if row is None:
        hint = await suggestion(db, code, "SELECT code FROM stores")
        raise not_found(f"no store {code!r}{hint}")
    return row[0], row[1]


async def fetch_group(db: psycopg.AsyncConnection, name: str, lock: bool = False) -> dict:
    """The group row `name` as a dict; 404 with close names. `lock`: FOR UPDATE (rollouts)."""
    storable(name, "group")
    cursor = db.cursor(row_factory=dict_row)
    await cursor.execute(
        "SELECT group_id, name, kind, priority, current_release_id, canary_release_id, canary_group_id, created_at"
        " FROM store_groups WHERE name = %s" + (" FOR UPDATE" if lock else ""),
        (name,),
    )
    row = await cursor.fetchone()
    if row is None:
        hint = await suggestion(db, name, "SELECT name FROM store_groups")
        raise not_found(f"no group {name!r}{hint}")
    return row


async def fetch_kiosk(db: psycopg.AsyncConnection, kiosk_id: int, lock: bool = False) -> dict:
    """The kiosk row `kiosk_id` as a dict (with its store's code); 404 when unknown."""
    cursor = db.cursor(row_factory=dict_row)
    await cursor.execute(
        "SELECT k.kiosk_id, k.name, k.store_id, s.code AS store, k.enrolled_at, k.revoked_at, k.hostname,"
        " k.enrol_expires_at, k.created_at FROM kiosks k JOIN stores s USING (store_id) WHERE k.kiosk_id = %s"
        + (" FOR UPDATE OF k" if lock else ""),
        (kiosk_id,),
    )
    row = await cursor.fetchone()
    if row is None:
        raise not_found(f"no kiosk {kiosk_id} (GET /api/v1/kiosks lists them)")
    return row


def parse_day(value: str | None, field: str) -> dt.date | None:
    """An ISO date `YYYY-MM-DD` (or None); 400 naming the field otherwise."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise bad_request(f"{field}: expected a date YYYY-MM-DD, got {value[:40]!r}") from None


def parse_instant(value: str | None, field: str, naive: bool = False) -> dt.datetime | None:
    """An ISO 8601 time (or None); 400 naming the field otherwise.

    `naive`: a kiosk's local time as it records it ('YYYY-MM-DD HH:MM:SS[.ffffff]'),
    without an offset. Otherwise an offset is needed (a time without one is ambiguous).
    """
    if value is None:
        return None
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        raise bad_request(f"{field}: expected an ISO 8601 time, got {value[:40]!r}") from None
    if naive:
        if moment.tzinfo is not None:
            raise bad_request(f"{field}: expected the kiosk's local time without an offset, got {value[:40]!r}")
    elif moment.tzinfo is None:
        raise bad_request(f"{field}: give the time with its UTC offset (for example {value[:19]}+00:00)")
    return moment
