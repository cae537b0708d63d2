"""The console's content pages: the library with thumbnails, uploads checked like `signage content add`, item forms.

- `GET /content` (viewer): every library item with a thumbnail, its tags, dates, the
  age-restricted flag, and which playlists of which groups' releases use it.
- `POST /content/upload` (editor; under the upload prefix, so app.py allows the 2 GiB
  body): one file from the drop zone (`static/content.js`) or the plain file form. The
  file is checked by `content.probe.probe_media`, the check `signage content add` and
  `signage fleet content push` make (an image decodes completely, a video at both ends),
  before anything is stored; then it goes into the content store through the API's own
  `routes_content.store_content` (the same blob and audit rows as `PUT /content/{sha}`).
  A refusal is one sentence naming the file; nothing is stored. A script that asks for
  JSON (`Accept: application/json`) gets `{"next": url}` or the API's error body, the
  same shape as app.py's 413 for a body over the limit, so the drop zone words both.
- `GET /content/new` and `POST /content/items` (editor): the new item's fields, then
  `routes_content.add_item`; `GET`/`POST /content/items/{name}`: an item's page and its
  changes (`replace_item`). Each problem is shown next to its field.
- `GET /content/thumbnails/{sha256}` (viewer): a small JPEG (`thumbnails.make_thumbnail`),
  made once and kept in `content_thumbnails` (signage/server/schema_console.py).
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import math
import mimetypes
import re
import shutil
import tempfile
import urllib.parse
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pydantic
from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, Response
from psycopg.rows import dict_row

from content.catalog import _title_from_file, normalise_tags, slugify
from content.probe import SUPPORTED_TEXT, ContentKind, probe_media
from foundation.errors import DataError, MediaError
from signage.server.api_common import parse_day
from signage.server.console.thumbnails import make_thumbnail
from signage.server.console.web import (
    PREFIX,
    Flash,
    as_sentence,
    checked_form,
    is_upload,
    page_person,
    redirect,
    render,
    tr,
    when_text,
)
from signage.server.content_store import LocalContentStore, content_store_of, is_sha256
from signage.server.deps import Person, connection
from signage.server.errors import ApiError, bad_request, limit_text, not_found
from signage.server.routes_content import (
    ItemFields,
    NewItem,
    TextBody,
    _check_item_name,
    add_item,
    list_library,
    replace_item,
    store_content,
)

log = logging.getLogger(__name__)

__all__ = ["router"]

router = APIRouter()

COPY_CHUNK_BYTES = 1024 * 1024
FIELDS = ("name", "title", "duration_s", "tags", "valid_from", "valid_until", "age_restricted", "body", "background",
          "foreground")
# The leading field name of a reason from routes_content (`title: must not be empty`).
_REASON_FIELD = re.compile(r"^(name|title|duration_s|tags|valid_from|valid_until|sha256|extension|text\.(?:body|background|foreground))\b:?\s*")


# ---- the library ----------------------------------------------------------------------------------

# Which playlists name which item, in the releases that matter to a person: each group's
# current and canary release and its newest one (maybe not out yet). A playlist's item
# is its name, or {"content": name, "duration_s": ...} (playlists.codec.playlist_to_dict).
_USAGE_SQL = """
SELECT DISTINCT coalesce(item->>'content', item #>> '{}') AS item, g.name AS group, r.version, r.release_id,
       playlist->>'name' AS playlist,
       CASE WHEN g.current_release_id = r.release_id THEN 'current'
            WHEN g.canary_release_id = r.release_id THEN 'canary' ELSE 'not out' END AS stage
FROM store_groups g JOIN releases r ON r.group_id = g.group_id
     CROSS JOIN LATERAL jsonb_array_elements(coalesce(r.document->'playlists', '[]')) AS playlist
     CROSS JOIN LATERAL jsonb_array_elements(coalesce(playlist->'items', '[]')) AS item
WHERE (r.release_id = g.current_release_id OR r.release_id = g.canary_release_id
       OR r.version = (SELECT max(version) FROM releases newest WHERE newest.group_id = g.group_id))
  AND (%(item)s::text IS NULL OR coalesce(item->>'content', item #>> '{}') = %(item)s)
ORDER BY 2, 3 DESC, 5
"""


async def _usage(db: psycopg.AsyncConnection, item: str | None = None) -> dict[str, list[dict]]:
    """item name -> [{group, version, release_id, playlist, stage}], newest release first per group."""
    async with db.cursor(row_factory=dict_row) as cursor:
        await cursor.execute(_USAGE_SQL, {"item": item})
        rows = await cursor.fetchall()
    usage: dict[str, list[dict]] = {}
    for row in rows:
        usage.setdefault(row.pop("item"), []).append(row)
    return usage


def _upload_limit(request: Request) -> int:
    return request.app.state.settings.max_upload_bytes


def _bytes_text(size: int | None) -> str | None:
    """1,536 -> '1.5 KB'; the size a person reads (decimal units, as file managers show them). None stays None."""
    if size is None:
        return None
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("KB", 1e3)):
        if size >= scale:
            return f"{size / scale:.1f} {unit}"
    return tr("console.content", "%n bytes", n=size)


@router.get("/content")
async def library(request: Request, tag: str | None = None, person: Person = Depends(page_person("viewer")),
                  db: psycopg.AsyncConnection = Depends(connection)) -> Response:
    """The library: thumbnails, tags, dates, age restriction, and the playlists that use each item."""
    return await _library_page(request, person, db, tag or None)


async def _library_page(request: Request, person: Person, db: psycopg.AsyncConnection, tag: str | None,
                        upload_problem: str | None = None, status_code: int = 200) -> Response:
    items = (await list_library(person, db))["items"]  # the API's own listing
    tags = sorted({t for item in items for t in item["tags"]})
    if tag:
        items = [item for item in items if tag in item["tags"]]
    for item in items:
        item["size_text"] = _bytes_text(item["size_bytes"])
    limit = _upload_limit(request)
    return render(request, "content.html", person, status_code=status_code, items=items, usage=await _usage(db),
                  tags=tags, tag=tag, max_upload_bytes=limit, max_upload_text=limit_text(limit),
                  upload_problem=upload_problem, supported=SUPPORTED_TEXT,
                  supported_text=tr("console.content", "PNG, JPEG, WebP images; MP4, WebM, MOV, AVI videos"))


# ---- thumbnails -------------------------------------------------------------------------------------


@router.get("/content/thumbnails/{sha256}")
async def thumbnail(request: Request, sha256: str, person: Person = Depends(page_person("viewer")),
                    db: psycopg.AsyncConnection = Depends(connection)) -> Response:
    """A small JPEG of the content file (made on first view, then kept); 404 when none can be made."""
    sha256 = sha256.removesuffix(".jpg")
    if not is_sha256(sha256):
        raise not_found(tr("console.content", "{sha256} is not the sha256 of a content file.", sha256=repr(sha256[:80])))
    cached = await (await db.execute("SELECT jpeg, problem FROM content_thumbnails WHERE sha256 = %s", (sha256,))).fetchone()
    if cached is None:
        blob = await (await db.execute(
            "SELECT b.media_type, (SELECT l.kind FROM library_items l WHERE l.sha256 = b.sha256 LIMIT 1)"
            " FROM blobs b WHERE b.sha256 = %s", (sha256,))).fetchone()
        if blob is None:
            raise not_found(tr("console.content", "There is no content file {sha256}.", sha256=sha256))
        media_type, kind = blob
        kind = kind or ("video" if media_type.startswith("video/") else "image")
        cached = await _make_thumbnail(db, content_store_of(request.app), sha256, kind)
    jpeg, problem = cached
    if jpeg is None:
        raise not_found(as_sentence(tr("console.content", "No thumbnail of this file: {problem}", problem=problem)))
    # Content is immutable by its hash, so the thumbnail is too.
    return Response(bytes(jpeg), media_type="image/jpeg", headers={"Cache-Control": "private, max-age=86400"})


async def _make_thumbnail(db: psycopg.AsyncConnection, store, sha256: str, kind: str,
                          local_path: Path | None = None) -> tuple[bytes | None, str | None]:
    """Make and keep the thumbnail of a stored file: (jpeg, None), or (None, why not) kept the same way."""
    try:
        made = await asyncio.to_thread(_thumbnail_of_stored, store, sha256, kind, local_path)
        row = (made.jpeg, made.width_px, made.height_px, None)
    except MediaError as error:
        log.info("no thumbnail of content %s: %s", sha256, error.reason)
        row = (None, None, None, error.reason)
    await db.execute(
        "INSERT INTO content_thumbnails (sha256, jpeg, width_px, height_px, problem) VALUES (%s, %s, %s, %s, %s)"
        " ON CONFLICT (sha256) DO NOTHING", (sha256, *row))
    return row[0], row[3]


def _thumbnail_of_stored(store, sha256: str, kind: str, local_path: Path | None):
    """The thumbnail from the file itself: the local store's file, or a temporary copy from a bucket."""
    if local_path is not None:
        return make_thumbnail(local_path, kind)
    if isinstance(store, LocalContentStore):
        path = store.path_of(sha256)
        if not path.exists():
            raise MediaError(sha256, "the file is missing from the content store")
        return make_thumbnail(path, kind)
    with tempfile.NamedTemporaryFile(prefix="signage-thumb-") as copy:
        for piece in store.read(sha256):
            copy.write(piece)
        copy.flush()
        return make_thumbnail(copy.name, kind)


# ---- uploads ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Received:
    """An uploaded file in a temporary folder under its own name, probed and hashed."""

    folder: Path
    path: Path
    sha256: str
    kind: ContentKind
    duration_s: float | None


def _safe_file_name(name: str) -> str:
    """The last part of a browser's file name (no folders), short enough for a file system."""
    name = Path(name.replace("\\", "/")).name.strip()
    if name in ("", ".", ".."):
        return "upload"
    suffix = Path(name).suffix[:16]
    stem = name[: len(name) - len(suffix)] if suffix else name
    while len((stem + suffix).encode("utf-8", "surrogatepass")) > 200:
        stem = stem[:-1]
    return stem + suffix


def _receive(source, file_name: str) -> _Received:
    """Copy the upload to a file of its own name (the probe reads the extension) and check it: MediaError when unusable."""
    folder = Path(tempfile.mkdtemp(prefix="signage-upload-"))
    try:
        path = folder / file_name
        digest = hashlib.sha256()
        with open(path, "wb") as copy:
            while chunk := source.read(COPY_CHUNK_BYTES):
                digest.update(chunk)
                copy.write(chunk)
        info = probe_media(path)  # what `signage content add` checks: it plays, or MediaError says why not
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return _Received(folder, path, digest.hexdigest(), info.kind, info.duration_s)


async def _file_chunks(path: Path) -> AsyncIterator[bytes]:
    with open(path, "rb") as file:
        while chunk := await asyncio.to_thread(file.read, COPY_CHUNK_BYTES):
            yield chunk


@router.post("/content/upload")
async def upload(request: Request, person: Person = Depends(page_person("editor")),
                 db: psycopg.AsyncConnection = Depends(connection)) -> Response:
    """Check one uploaded file like `signage content add`, store it, and go on to its item's fields."""
    wants_json = "application/json" in request.headers.get("accept", "")
    form = await checked_form(request)
    sent = form.get("file")
    if not is_upload(sent) or not sent.filename:
        return await _upload_refused(request, person, db, wants_json,
                                     tr("console.content", "Choose an image or video file to upload."))
    file_name = _safe_file_name(sent.filename)
    try:
        received = await asyncio.to_thread(_receive, sent.file, file_name)
    except MediaError as error:
        log.info("console upload of %s by %s refused: %s", file_name, person.actor, error.reason)
        return await _upload_refused(request, person, db, wants_json, as_sentence(
            tr("console.content", "The file {file} was not stored: {reason}", file=file_name, reason=error.reason)))
    try:
        media_type = mimetypes.guess_type(file_name)[0] or "application/octet-stream"
        store = content_store_of(request.app)
        _, stored = await store_content(db, store, person, received.sha256, media_type, _file_chunks(received.path))
        if stored:  # a file the server had already has its thumbnail, or gets it when first shown
            await _make_thumbnail(db, store, received.sha256, received.kind.value, received.path)
    finally:
        await asyncio.to_thread(shutil.rmtree, received.folder, True)
    existing = await (await db.execute(
        "SELECT name FROM library_items WHERE sha256 = %s ORDER BY name LIMIT 1", (received.sha256,))).fetchone()
    if existing is not None:
        next_path = f"/content/items/{existing[0]}"
        flash = Flash(tr("console.content", "{file} is in the library already, as {name}.", file=file_name, name=existing[0]), "ok")
    else:
        query = {"sha256": received.sha256, "file": file_name, "kind": received.kind.value}
        if received.duration_s is not None:
            query["duration_s"] = f"{received.duration_s:.3f}"
        next_path = "/content/new?" + urllib.parse.urlencode(query)
        flash = Flash(tr("console.content", "{file} is stored; give the new item its details.", file=file_name), "ok")
    if wants_json:
        response = JSONResponse({"next": PREFIX + next_path, "sha256": received.sha256})
        for key, value in redirect(next_path, flash).raw_headers:  # the next page shows the message too
            if key == b"set-cookie":
                response.raw_headers.append((key, value))
        return response
    return redirect(next_path, flash)


async def _upload_refused(request: Request, person: Person, db: psycopg.AsyncConnection, wants_json: bool,
                          problem: str) -> Response:
    """A refused upload: the API's error body for a script, the library page with the sentence by the file field."""
    if wants_json:
        return JSONResponse(bad_request(problem).body(), status_code=400)
    return await _library_page(request, person, db, None, upload_problem=problem, status_code=400)


# ---- an item's fields -----------------------------------------------------------------------------------


def _problems_of(error: ApiError | pydantic.ValidationError) -> dict[str, str]:
    """field -> the sentence to show beside it ("" for the form as a whole)."""
    if isinstance(error, pydantic.ValidationError):
        found = {}
        for problem in error.errors()[:10]:
            location = [str(part) for part in problem.get("loc", ())]
            field = location[-1] if location and location[-1] in FIELDS else ""
            found.setdefault(field, as_sentence(f"{problem.get('msg', 'not accepted')}"))
        return found
    reason = error.reason
    if reason.startswith("valid_from ") and "after valid_until" in reason:
        return {"valid_until": as_sentence(tr("console.content", "The last day comes before the first day ({reason})",
                                              reason=reason))}
    match = _REASON_FIELD.match(reason)
    if error.status == 409:
        return {"name": as_sentence(reason)}
    if match is None:
        return {"": as_sentence(reason)}
    field = match.group(1).removeprefix("text.")
    return {field: as_sentence(reason[match.end():] or reason)}


def _form_values(form) -> dict:
    """The item form's fields as text (the checkbox as a bool), as the page shows them again."""
    values = {key: str(form.get(key) or "").strip() for key in FIELDS if key != "age_restricted"}
    values["age_restricted"] = form.get("age_restricted") in ("on", "true", "1")
    for key in ("kind", "sha256", "extension", "file"):
        values[key] = str(form.get(key) or "")
    return values


def _checked_fields(values: dict, is_new: bool) -> tuple[ItemFields | None, dict[str, str]]:
    """The API's item body from the form, or the problems found field by field (all at once where they can be)."""
    problems: dict[str, str] = {}
    if is_new:
        try:
            _check_item_name(values["name"])
        except ApiError as error:
            problems.update(_problems_of(error))
    try:
        duration_s = float(values["duration_s"])
        if not math.isfinite(duration_s):
            raise ValueError
    except ValueError:
        duration_s = None
        problems["duration_s"] = tr("console.content", "Enter the display time as a number of seconds, such as 8.")
    else:
        if duration_s <= 0:  # the API says so too, but only after the title: here both are told at once
            problems["duration_s"] = tr("console.content", "Enter a display time of more than 0 seconds.")
    try:
        # Split here so a problem names the tag as typed, without the space after its comma.
        tags = list(normalise_tags([part.strip() for part in values["tags"].split(",") if part.strip()]))
    except DataError as error:
        tags = []
        problems["tags"] = as_sentence(str(error).removeprefix("tags: "))
    for key in ("valid_from", "valid_until"):
        try:
            parse_day(values[key] or None, key)
        except ApiError as error:
            problems.update(_problems_of(error))
    if problems:
        return None, problems
    kind = values["kind"]
    try:
        fields = ItemFields(
            kind=kind, title=values["title"], duration_s=duration_s, tags=tags,
            sha256=values["sha256"] or None if kind != "text" else None,
            extension=values["extension"] or None if kind != "text" else None,
            valid_from=values["valid_from"] or None, valid_until=values["valid_until"] or None,
            age_restricted=values["age_restricted"],
            text=TextBody(body=values["body"], background=values["background"] or "#202020",
                          foreground=values["foreground"] or "#ffffff") if kind == "text" else None,
        )
    except pydantic.ValidationError as error:
        return None, _problems_of(error)
    return fields, {}


@router.get("/content/new")
async def new_item(request: Request, sha256: str = "", file: str = "", kind: str = "image", duration_s: str = "",
                   person: Person = Depends(page_person("editor")),
                   db: psycopg.AsyncConnection = Depends(connection)) -> Response:
    """The fields of a new item for an uploaded file, filled in from its file name."""
    if not is_sha256(sha256) or kind not in ("image", "video"):
        raise bad_request(tr("console.content", "This page is for a file just uploaded; upload it on the Content page."))
    blob = await (await db.execute("SELECT size_bytes FROM blobs WHERE sha256 = %s", (sha256,))).fetchone()
    if blob is None:
        raise not_found(tr("console.content", "That file is not on the server (any more); upload it again on the Content page."))
    path = Path(_safe_file_name(file or "upload"))
    values = {key: "" for key in FIELDS}
    values.update(name=slugify(path.stem), title=_title_from_file(path), kind=kind, sha256=sha256,
                  extension=path.suffix.lower(), file=path.name, age_restricted=False,
                  duration_s=duration_s if kind == "video" and duration_s else "8")
    problems = {}
    taken = await (await db.execute("SELECT 1 FROM library_items WHERE name = %s", (values["name"],))).fetchone()
    if taken:
        problems["name"] = tr("console.content", "The library has an item named {name} already; choose another name.",
                              name=values["name"])
    elif not values["name"]:
        problems["name"] = tr("console.content", "No name can be made from the file name; give one (lower-case letters,"
                              " digits and _).")
    return render(request, "content_item.html", person, item=None, values=values, problems=problems, is_new=True,
                  usage=[], size_text=_bytes_text(blob[0]))


@router.post("/content/items")
async def create_item(request: Request, person: Person = Depends(page_person("editor")),
                      db: psycopg.AsyncConnection = Depends(connection)) -> Response:
    """A new library item (the API's `add_item`); the form again with each problem by its field."""
    form = await checked_form(request)
    values = _form_values(form)
    fields, problems = _checked_fields(values, is_new=True)
    if fields is not None:
        try:
            body = NewItem(name=values["name"], **fields.model_dump())
            await add_item(body, person, db)
        except (ApiError, pydantic.ValidationError) as error:
            problems = _problems_of(error)
        else:
            return redirect(f"/content/items/{values['name']}", Flash(tr("console.content", "{name} is in the library.", name=values["name"]), "ok"))
    size = await (await db.execute("SELECT size_bytes FROM blobs WHERE sha256 = %s", (values["sha256"] or None,))).fetchone()
    return render(request, "content_item.html", person, status_code=400, item=None, values=values, problems=problems,
                  is_new=True, usage=[], size_text=_bytes_text(size[0]) if size else None)


async def _item(db: psycopg.AsyncConnection, person: Person, name: str) -> dict:
    items = (await list_library(person, db))["items"]
    for item in items:
        if item["name"] == name:
            item["updated_text"] = when_text(item["updated_at"])
            return item
    raise not_found(tr("console.content", "There is no library item {name}; the Content page lists them.", name=repr(name[:80])))


def _values_of(item: dict) -> dict:
    text = item.get("text") or {}
    return {
        "name": item["name"], "title": item["title"], "duration_s": f"{float(item['duration_s']):g}",
        "tags": ", ".join(item["tags"]), "valid_from": item["valid_from"] or "", "valid_until": item["valid_until"] or "",
        "age_restricted": item["age_restricted"], "body": text.get("body", ""), "background": text.get("background", ""),
        "foreground": text.get("foreground", ""), "kind": item["kind"], "sha256": item["sha256"] or "",
        "extension": item["extension"] or "", "file": "",
    }


@router.get("/content/items/{name}")
async def item_page(request: Request, name: str, person: Person = Depends(page_person("viewer")),
                    db: psycopg.AsyncConnection = Depends(connection)) -> Response:
    """One item: its picture, fields (a form for an editor) and the playlists that use it."""
    item = await _item(db, person, name)
    return render(request, "content_item.html", person, item=item, values=_values_of(item), problems={}, is_new=False,
                  usage=(await _usage(db, name)).get(name, []),
                  size_text=_bytes_text(item["size_bytes"]))


@router.post("/content/items/{name}")
async def change_item(request: Request, name: str, person: Person = Depends(page_person("editor")),
                      db: psycopg.AsyncConnection = Depends(connection)) -> Response:
    """Change an item's fields (the API's `replace_item`); the form again with each problem by its field."""
    form = await checked_form(request)
    item = await _item(db, person, name)
    values = {**_form_values(form), "name": name, "kind": item["kind"], "sha256": item["sha256"] or "",
              "extension": item["extension"] or ""}
    if item["kind"] == "video":
        values["duration_s"] = f"{float(item['duration_s']):g}"  # a video plays its own length
    fields, problems = _checked_fields(values, is_new=False)
    if fields is not None:
        try:
            await replace_item(name, fields, person, db)
        except (ApiError, pydantic.ValidationError) as error:
            problems = _problems_of(error)
        else:
            return redirect(f"/content/items/{name}", Flash(tr("console.content", "{name} is saved.", name=name), "ok"))
    return render(request, "content_item.html", person, status_code=400, item=item, values=values, problems=problems,
                  is_new=False, usage=(await _usage(db, name)).get(name, []),
                  size_text=_bytes_text(item["size_bytes"]))
