"""Releases per group and their staged rollout (people's endpoints; the logic is in `releases.py`).

- `GET /groups/{group}/releases` (viewer), `POST /groups/{group}/releases
  {"document_yaml", "note", "base_version"?}` (editor; 422 `invalid_release` lists every
  problem; 409 `stale_base` when `base_version` is not the group's newest version).
- `GET /releases/{id}` (viewer): the release as a kiosk gets it.
- `POST /releases/{id}/rollout {"stage": "canary", "canary_group"}` / `{"stage": "all"}`
  and `POST /groups/{group}/rollback` (editor); a step out of order is 409 `conflict`.
- `GET /rollouts/{release_id}` (viewer): kiosks targeted, running it, the share.
"""

from __future__ import annotations

from typing import Literal

import psycopg
from fastapi import APIRouter, Depends
from psycopg.rows import dict_row
from pydantic import Field

from signage.server.api_common import Body, fetch_group
from signage.server.deps import Person, connection, require_role
from signage.server.errors import bad_request, not_found
from signage.server.releases import (
    create_release,
    release_body,
    rollback,
    rollout,
    rollout_status,
)

router = APIRouter()
viewer = require_role("viewer")
editor = require_role("editor")


class NewRelease(Body):
    document_yaml: str
    note: str = ""
    # The version the document was edited from (0: the group had none); a newer one saved
    # meanwhile is 409 `stale_base` instead of replacing that change unseen.
    base_version: int | None = Field(default=None, ge=0)


class RolloutStep(Body):
    stage: Literal["canary", "all"]
    canary_group: str | None = None


@router.get("/groups/{group}/releases")
async def list_releases(group: str, person: Person = Depends(viewer), db: psycopg.AsyncConnection = Depends(connection)) -> dict:
    """The group's releases, newest first, each with its stage (canary, all, not_out)."""
    row = await fetch_group(db, group)
    async with db.cursor(row_factory=dict_row) as cursor:
        await cursor.execute(
            "SELECT r.release_id, r.version, r.etag, r.note, r.created_by, r.created_at,"
            " jsonb_array_length(r.content) AS content_items,"
            " CASE WHEN r.release_id = %(canary)s THEN 'canary' WHEN r.release_id = %(current)s THEN 'all'"
            " ELSE 'not_out' END AS stage FROM releases r WHERE r.group_id = %(group)s ORDER BY r.version DESC",
            {"group": row["group_id"], "canary": row["canary_release_id"], "current": row["current_release_id"]},
        )
        return {"group": group, "releases": await cursor.fetchall()}


@router.post("/groups/{group}/releases", status_code=201)
async def add_release(group: str, body: NewRelease, person: Person = Depends(editor),
                      db: psycopg.AsyncConnection = Depends(connection)) -> dict:
    """Validate the YAML document and store it as the group's next release (not out yet)."""
    if len(body.note) > 2000:
        raise bad_request("note: at most 2,000 characters")
    async with db.transaction():
        row = await fetch_group(db, group, lock=True)  # versions are numbered one at a time per group
        made = await create_release(db, person.actor, row, body.document_yaml, body.note, body.base_version)
    return {"group": group, **made}


@router.get("/releases/{release_id}")
async def show_release(release_id: int, person: Person = Depends(viewer), db: psycopg.AsyncConnection = Depends(connection)) -> dict:
    """The release as the contract shows it (document and content snapshot)."""
    async with db.cursor(row_factory=dict_row) as cursor:
        await cursor.execute(
            "SELECT r.release_id, r.group_id, g.name AS group_name, r.version, r.document, r.content, r.etag, r.note,"
            " r.created_by, r.created_at FROM releases r JOIN store_groups g USING (group_id) WHERE r.release_id = %s",
            (release_id,),
        )
        row = await cursor.fetchone()
    if row is None:
        raise not_found(f"no release {release_id}")
    return release_body(row)


@router.post("/releases/{release_id}/rollout")
async def rollout_release(release_id: int, body: RolloutStep, person: Person = Depends(editor),
                          db: psycopg.AsyncConnection = Depends(connection)) -> dict:
    """One rollout step: to a canary group, or to all of the release's group."""
    if body.stage == "canary" and body.canary_group is None:
        raise bad_request('canary_group: the canary stage needs the group to try it in ({"stage": "canary", "canary_group": NAME})')
    if body.stage == "all" and body.canary_group is not None:
        raise bad_request("canary_group: only for the canary stage")
    async with db.transaction():
        canary = await fetch_group(db, body.canary_group) if body.canary_group is not None else None
        return await rollout(db, person.actor, release_id, body.stage, canary)


@router.post("/groups/{group}/rollback")
async def rollback_group(group: str, person: Person = Depends(editor), db: psycopg.AsyncConnection = Depends(connection)) -> dict:
    """Withdraw the group's canary, or put the release before the current one back for everyone."""
    async with db.transaction():
        row = await fetch_group(db, group)
        return await rollback(db, person.actor, row["group_id"])


@router.get("/rollouts/{release_id}")
async def show_rollout(release_id: int, person: Person = Depends(viewer), db: psycopg.AsyncConnection = Depends(connection)) -> dict:
    """Kiosks targeted by the release, kiosks running it, the share, and the group's rollout history."""
    return await rollout_status(db, release_id)
