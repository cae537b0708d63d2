"""Content files by SHA-256 and the library of named content items (people's endpoints).

- `PUT /content/{sha256}` (editor): the raw bytes, streamed to the content store and
  hashed on the way; bytes whose hash differs are refused with 422 `hash_mismatch` and
  leave nothing behind. A file already stored answers 200 without reading the body
  again (201 when it is new). `HEAD`/`GET` (viewer) tell and give it.
- `GET /library`, `POST /library` (editor; 409 when the name is taken) and
  `PUT /library/{name}` (editor; replaces the item): the items a release's playlists
  name. An image or video item points at an uploaded file; a text slide carries its text.
  A release snapshots the items when it is made, so changing one later changes no
  release already made.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import math
import re
from collections.abc import AsyncIterator
from typing import Literal

import psycopg
from fastapi import APIRouter, Depends, Request, Response
from fastapi.responses import FileResponse, JSONResponse, StreamingResponse
from psycopg.rows import dict_row
from psycopg.types.json import Jsonb
from starlette.concurrency import iterate_in_threadpool

from content.catalog import normalise_tags
from content.probe import IMAGE_EXTENSIONS, VIDEO_EXTENSIONS
from foundation.errors import DataError
from signage.server.api_common import Body, parse_day, suggestion, unprocessable
from signage.server.audit import record_change
from signage.server.content_store import HashMismatch, LocalContentStore, content_store_of, is_sha256
from signage.server.deps import Person, connection, require_role
from signage.server.errors import bad_request, conflict, not_found

log = logging.getLogger(__name__)

router = APIRouter()
viewer = require_role("viewer")
editor = require_role("editor")

_ITEM_NAME = re.compile(r"^[a-z0-9][a-z0-9_]{0,63}$")  # the kiosk catalog's names (content.catalog)
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
MAX_DURATION_S = 1e7  # what a kiosk accepts in a release (signage/sync/apply.py)
_EXTENSION_OF_TYPE = {
    "image/png": ".png", "image/jpeg": ".jpg", "image/webp": ".webp",
    "video/mp4": ".mp4", "video/webm": ".webm", "video/quicktime": ".mov", "video/x-msvideo": ".avi",
}


def _sha256_or_400(sha256: str) -> str:
    if not is_sha256(sha256):
        raise bad_request(f"{sha256[:80]!r} is not a sha256 (64 lower-case hex digits)")
    return sha256


# ---- content files --------------------------------------------------------------------------


@router.put("/content/{sha256}")
async def put_content(sha256: str, request: Request, person: Person = Depends(editor),
                      db: psycopg.AsyncConnection = Depends(connection)) -> Response:
    """Store the body as the file `sha256`, verified while it streams in; 422 when the hash differs."""
    _sha256_or_400(sha256)
    media_type = request.headers.get("content-type", "application/octet-stream").split(";")[0].strip().lower()[:100]
    size_bytes, stored = await store_content(db, content_store_of(request.app), person, sha256, media_type,
                                             request.stream())
    return _json({"sha256": sha256, "size_bytes": size_bytes, "stored": stored}, 201 if stored else 200)


async def store_content(db: psycopg.AsyncConnection, store, person: Person, sha256: str, media_type: str,
                        chunks: AsyncIterator[bytes]) -> tuple[int, bool]:
    """Store `chunks` as the file `sha256` with its `blobs` and audit rows: (size_bytes, stored).

    `stored` is False when the file was there already (`chunks` is then not read). 422
    `hash_mismatch` when the bytes hash differently; nothing stays behind on any failure.
    `PUT /content/{sha256}` and the console's upload both come here.
    """
    known = await (await db.execute("SELECT size_bytes FROM blobs WHERE sha256 = %s", (sha256,))).fetchone()
    if known is not None and await asyncio.to_thread(store.size, sha256) == known[0]:
        return known[0], False
    writer = await asyncio.to_thread(store.writer, sha256)
    try:
        async for chunk in chunks:
            if chunk:
                writer.write(chunk)  # into the page cache: fast; the fsync happens once, in a thread
        await asyncio.to_thread(writer.commit)
    except HashMismatch as error:
        raise unprocessable("hash_mismatch", str(error)) from None
    except BaseException:
        # A client gone, a body over the limit, a full disk: no partial file stays.
        writer.abort()
        raise
    async with db.transaction():
        await db.execute(
            "INSERT INTO blobs (sha256, size_bytes, media_type) VALUES (%s, %s, %s) ON CONFLICT (sha256) DO NOTHING",
            (sha256, writer.size_bytes, media_type),
        )
        await record_change(db, person.actor, "content.upload", f"content:{sha256}", size_bytes=writer.size_bytes,
                            media_type=media_type)
    log.info("content %s stored (%d bytes, %s) by %s", sha256, writer.size_bytes, media_type, person.actor)
    return writer.size_bytes, True


def _json(body: dict, status: int) -> Response:
    return JSONResponse(body, status_code=status)


async def _blob(db: psycopg.AsyncConnection, sha256: str) -> tuple[int, str]:
    row = await (await db.execute("SELECT size_bytes, media_type FROM blobs WHERE sha256 = %s", (sha256,))).fetchone()
    if row is None:
        raise not_found(f"no content {sha256} (upload it with PUT /api/v1/content/{sha256})")
    return row


@router.head("/content/{sha256}")
async def head_content(sha256: str, person: Person = Depends(viewer), db: psycopg.AsyncConnection = Depends(connection)) -> Response:
    """200 with its size and type when the file is stored, else 404."""
    size_bytes, media_type = await _blob(db, _sha256_or_400(sha256))
    return Response(status_code=200, headers={"content-length": str(size_bytes), "content-type": media_type})


@router.get("/content/{sha256}")
async def get_content(sha256: str, request: Request, person: Person = Depends(viewer),
                      db: psycopg.AsyncConnection = Depends(connection)) -> Response:
    """The file's bytes."""
    size_bytes, media_type = await _blob(db, _sha256_or_400(sha256))
    store = content_store_of(request.app)
    if await asyncio.to_thread(store.size, sha256) is None:
        log.error("content %s is in the database but not in the content store", sha256)
        raise not_found(f"content {sha256} is missing from the server's content store: upload it again")
    if isinstance(store, LocalContentStore):
        return FileResponse(store.path_of(sha256), media_type=media_type)
    return StreamingResponse(iterate_in_threadpool(store.read(sha256)), media_type=media_type,
                             headers={"content-length": str(size_bytes)})


# ---- the library -----------------------------------------------------------------------------


class TextBody(Body):
    body: str
    background: str = "#202020"
    foreground: str = "#ffffff"


class ItemFields(Body):
    kind: Literal["image", "video", "text"]
    title: str
    duration_s: float
    sha256: str | None = None
    extension: str | None = None
    tags: list[str] = []
    valid_from: str | None = None
    valid_until: str | None = None
    age_restricted: bool = False
    text: TextBody | None = None


class NewItem(ItemFields):
    name: str


def _check_item_name(name: str) -> None:
    if not _ITEM_NAME.fullmatch(name):
        raise bad_request(f"name: {name[:80]!r} is not a content name: lower-case letters, digits and _,"
                          " starting with a letter or digit, at most 64 characters")


async def _checked_item(db: psycopg.AsyncConnection, name: str, fields: ItemFields) -> dict:
    """The library row for `fields`: 400 for a bad value, 404 for a file not uploaded."""
    _check_item_name(name)
    if not fields.title.strip():
        raise bad_request("title: must not be empty")
    if not math.isfinite(fields.duration_s) or not 0 < fields.duration_s < MAX_DURATION_S:
        raise bad_request(f"duration_s: expected a positive number of seconds under {MAX_DURATION_S:g},"
                          f" got {fields.duration_s}")
    try:
        tags = list(normalise_tags(fields.tags))
    except DataError as error:
        raise bad_request(str(error)) from None
    valid_from = parse_day(fields.valid_from, "valid_from")
    valid_until = parse_day(fields.valid_until, "valid_until")
    if valid_from and valid_until and valid_from > valid_until:
        raise bad_request(f"valid_from {valid_from} is after valid_until {valid_until}")
    row = {
        "name": name, "kind": fields.kind, "title": fields.title.strip(), "duration_s": float(fields.duration_s),
        "sha256": None, "extension": None, "tags": tags, "valid_from": valid_from, "valid_until": valid_until,
        "age_restricted": fields.age_restricted, "text": None,
    }
    if fields.kind == "text":
        if fields.text is None or fields.sha256 is not None:
            raise bad_request("a text item needs text {body, background, foreground} and no sha256")
        for key in ("background", "foreground"):
            colour = getattr(fields.text, key)
            if not _COLOUR.match(colour):
                raise bad_request(f"text.{key}: expected a colour #rrggbb, got {colour[:40]!r}")
        row["text"] = fields.text.model_dump()
        return row
    if fields.sha256 is None or fields.text is not None:
        raise bad_request(f"an {fields.kind} item needs the sha256 of its uploaded file, and no text")
    _sha256_or_400(fields.sha256)
    blob = await (await db.execute("SELECT size_bytes, media_type FROM blobs WHERE sha256 = %s", (fields.sha256,))).fetchone()
    if blob is None:
        raise not_found(f"sha256: no content {fields.sha256}: upload the file first (PUT /api/v1/content/{fields.sha256})")
    size_bytes, media_type = blob
    if size_bytes == 0:
        raise bad_request(f"sha256: {fields.sha256} is an empty file: no {fields.kind} to show")
    allowed = IMAGE_EXTENSIONS if fields.kind == "image" else VIDEO_EXTENSIONS
    extension = fields.extension.lower() if fields.extension else _EXTENSION_OF_TYPE.get(media_type)
    if extension is None:
        raise bad_request(f"extension: the file was uploaded as {media_type!r}; give the extension"
                          f" (one of {', '.join(sorted(allowed))})")
    if extension not in allowed:
        raise bad_request(f"extension: {extension[:20]!r} is not an {fields.kind} type (one of {', '.join(sorted(allowed))})")
    row.update(sha256=fields.sha256, extension=extension)
    return row


async def _write_item(db: psycopg.AsyncConnection, row: dict, actor: str, replace: bool) -> None:
    values = {**row, "tags": Jsonb(row["tags"]), "text": Jsonb(row["text"]) if row["text"] is not None else None,
              "updated_by": actor}
    columns = ("name", "kind", "title", "duration_s", "sha256", "extension", "tags", "valid_from", "valid_until",
               "age_restricted", "text", "updated_by")
    sql = (f"INSERT INTO library_items ({', '.join(columns)}) VALUES ({', '.join('%(' + c + ')s' for c in columns)})")
    if replace:
        sql += " ON CONFLICT (name) DO UPDATE SET " + ", ".join(f"{c} = EXCLUDED.{c}" for c in columns[1:]) + ", updated_at = now()"
    else:
        sql += " ON CONFLICT (name) DO NOTHING"
    result = await db.execute(sql + " RETURNING name", values)
    if await result.fetchone() is None:
        raise conflict(f"the library has an item named {row['name']!r} already (PUT /api/v1/library/{row['name']} replaces it)")


def _item_json(row: dict) -> dict:
    for key in ("valid_from", "valid_until"):
        if isinstance(row.get(key), dt.date):
            row[key] = row[key].isoformat()
    return row


@router.get("/library")
async def list_library(person: Person = Depends(viewer), db: psycopg.AsyncConnection = Depends(connection)) -> dict:
    """Every library item, with its file's size."""
    async with db.cursor(row_factory=dict_row) as cursor:
        await cursor.execute(
            "SELECT l.name, l.kind, l.title, l.duration_s, l.sha256, b.size_bytes, l.extension, l.tags, l.valid_from,"
            " l.valid_until, l.age_restricted, l.text, l.updated_by, l.updated_at"
            " FROM library_items l LEFT JOIN blobs b USING (sha256) ORDER BY l.name"
        )
        return {"items": [_item_json(row) for row in await cursor.fetchall()]}


@router.post("/library", status_code=201)
async def add_item(body: NewItem, person: Person = Depends(editor), db: psycopg.AsyncConnection = Depends(connection)) -> dict:
    """A new library item; 409 when the name is taken."""
    async with db.transaction():
        row = await _checked_item(db, body.name, body)
        await _write_item(db, row, person.actor, replace=False)
        await record_change(db, person.actor, "library.create", f"library:{body.name}", kind=row["kind"], sha256=row["sha256"])
    return _item_json(row)


@router.put("/library/{name}")
async def replace_item(name: str, body: ItemFields, person: Person = Depends(editor),
                       db: psycopg.AsyncConnection = Depends(connection)) -> dict:
    """Replace the library item `name` (404 when there is none; POST /library makes one)."""
    _check_item_name(name)
    async with db.transaction():
        exists = await (await db.execute("SELECT 1 FROM library_items WHERE name = %s FOR UPDATE", (name,))).fetchone()
        if exists is None:
            raise not_found(f"no library item {name!r}{await suggestion(db, name, 'SELECT name FROM library_items')}")
        row = await _checked_item(db, name, body)
        await _write_item(db, row, person.actor, replace=True)
        await record_change(db, person.actor, "library.replace", f"library:{name}", kind=row["kind"], sha256=row["sha256"])
    return _item_json(row)
