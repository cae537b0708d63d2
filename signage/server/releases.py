"""Releases: building and validating them, the staged rollout, and which one a kiosk runs.

A release is one group's rules and playlists, checked with the kiosk's own code
(`playlists.yaml_io.parse_document`, every problem at once, with `known_content` = the
library's names), plus a snapshot of every library item its playlists name. It is
immutable and numbered per group (1, 2, ...); its ETag is the quoted SHA-256 of its
canonical JSON (`canonical_json`: sorted keys, no spaces, UTF-8) of group, version,
document and content.

The staged rollout, per group (`store_groups.current_release_id`, `canary_release_id`,
`canary_group_id`; each step one `rollout_events` row):

    made --canary(C)--> canary --all--> current
            (stores in group C run it)   (every store of the group runs it)

- `canary` needs a release newer than the current one, and no other canary out; the
  canary group may be any group (the group itself: everyone at once).
- `all` needs the release to be the group's canary.
- `rollback`: when a canary is out, it is withdrawn (its stores go back to the current
  release); otherwise the release that was current before the current one (the newest
  older one that went to `all`) goes back to everyone.
Any other step is a 409 `conflict` naming the state the group is in.

`release_for_kiosk(db, store_id)` is the contract's rule (docs/fleet-api.md, "A release"):
among the kiosk's groups (its store's groups) that have a release out, the one with the
highest `priority` (ties: the group's name); of that group, the canary release if one is
out and the kiosk's store is in the canary group, else the group's current release.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging

import psycopg
from psycopg.rows import dict_row
from psycopg.types.json import Jsonb

from foundation.errors import ValidationError
from playlists.codec import RuleDocument, document_to_dict
from playlists.yaml_io import parse_document
from signage.server.audit import record_change
from signage.server.errors import ApiError, conflict, not_found

log = logging.getLogger(__name__)

__all__ = [
    "RELEASE_COLUMNS", "canonical_json", "check_release", "content_snapshot", "create_release", "release_body",
    "release_etag", "release_for_kiosk", "release_problems", "rollback", "rollout", "rollout_status",
]

# The columns of a release row, as release_for_kiosk returns them.
RELEASE_COLUMNS = (
    "release_id", "group_id", "group_name", "version", "document", "content", "etag", "note",
    "created_by", "created_at",
)

# For every store, the group releases it could run, with the group's rank. The canary
# release counts for a store in the group's canary group; a group with only a canary out
# offers nothing to its other stores (release_id NULL), so they fall through to the next.
_OFFERS = """
    SELECT gs.store_id, g.name AS group_name, g.priority,
           CASE WHEN g.canary_release_id IS NOT NULL AND EXISTS (
                    SELECT 1 FROM group_stores c WHERE c.group_id = g.canary_group_id AND c.store_id = gs.store_id)
                THEN g.canary_release_id
                ELSE g.current_release_id END AS release_id
    FROM group_stores gs JOIN store_groups g USING (group_id)
    WHERE (g.current_release_id IS NOT NULL OR g.canary_release_id IS NOT NULL)
"""

_RELEASE_FOR_STORE = f"""
    WITH offers AS ({_OFFERS} AND gs.store_id = %(store_id)s)
    SELECT r.release_id, r.group_id, o.group_name, r.version, {{body}}r.etag,
           r.note, r.created_by, r.created_at
    FROM offers o JOIN releases r ON r.release_id = o.release_id
    ORDER BY o.priority DESC, o.group_name
    LIMIT 1
"""

# Which release every store runs (stores with none are left out).
_RELEASE_PER_STORE = f"""
    SELECT DISTINCT ON (store_id) store_id, release_id
    FROM ({_OFFERS}) offers
    WHERE release_id IS NOT NULL
    ORDER BY store_id, priority DESC, group_name
"""


async def release_for_kiosk(db: psycopg.AsyncConnection, store_id: int, with_body: bool = True) -> dict | None:
    """The release a kiosk of store `store_id` should run, or None when none is out for it.

    Returns a dict with the keys of `RELEASE_COLUMNS`: `release_id`, `group_id`,
    `group_name`, `version`, `document` (the codec dict), `content` (the snapshot list of
    library items), `etag` (already quoted, as the ETag header wants it), `note`,
    `created_by`, `created_at` (a datetime with its UTC offset). `release_body(row)`
    turns it into the JSON the contract shows.

    The rule: among the store's groups with a release out, the highest `priority` wins
    (ties: the group's name, alphabetically); of that group, the canary release when one
    is out and the store is in the group's canary group, else its current release. A
    group whose only release is a canary (no current release yet) counts only for the
    canary group's stores; the others fall through to their next group.

    `with_body=False` leaves out `document` and `content`: enough to answer a 304 or to
    compare release ids, without reading and decoding the JSON of a large release.
    """
    sql = _RELEASE_FOR_STORE.format(body="r.document, r.content, " if with_body else "")
    async with db.cursor(row_factory=dict_row) as cursor:
        await cursor.execute(sql, {"store_id": store_id})
        return await cursor.fetchone()


def release_body(row: dict) -> dict:
    """A release row (with `group_name`) as the contract's JSON (docs/fleet-api.md, "A release")."""
    return {
        "release_id": row["release_id"],
        "group": row["group_name"],
        "version": row["version"],
        "etag": row["etag"],
        "note": row["note"],
        "created_by": row["created_by"],
        "created_at": row["created_at"].isoformat(),
        "document": row["document"],
        "content": row["content"],
    }


def canonical_json(value: object) -> bytes:
    """The one byte form of a JSON value that its hash is taken of: sorted keys, no spaces, UTF-8."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode("utf-8")


def release_etag(group: str, version: int, document: dict, content: list[dict]) -> str:
    """The release's ETag: the quoted SHA-256 of the canonical JSON of what a kiosk applies."""
    digest = hashlib.sha256(canonical_json({"group": group, "version": version, "document": document, "content": content}))
    return f'"{digest.hexdigest()}"'


# ---- making a release --------------------------------------------------------------------


def release_problems(group_name: str, document_yaml: str, known_content) -> tuple[RuleDocument, list[str]]:
    """Check `document_yaml` as a release of `group_name`: (the document, every problem; empty: valid).

    The kiosk's own validation (`parse_document` with `known_content`, the library's
    names), each problem one line `release of group NAME:LINE: field.path: what`, plus
    the release's own need for a `playlists:` and a `rules:` section.
    """
    source = f"release of group {group_name}"
    try:
        document = parse_document(document_yaml, source, known_content=known_content)
    except ValidationError as error:
        # Every problem at once, each `source:line: field: what`; a missing section is only
        # noticed once the rest is right (the parser gives no document to look at before).
        return RuleDocument(), list(error.problems)
    missing = [section for section in ("playlists", "rules") if getattr(document, section) is None]
    problems = [f"{source}: a release needs a {section}: section (write `{section}: []` for none)" for section in missing]
    return document, problems


def content_snapshot(document: RuleDocument, library: dict[str, dict]) -> list[dict]:
    """The library entries a valid document's playlists name, once each, by name: a release's `content`."""
    named = sorted({item.content for playlist in document.playlists or () for item in playlist.items})
    return [library[name] for name in named]


async def check_release(db: psycopg.AsyncConnection, group_name: str, document_yaml: str) -> tuple[RuleDocument, list[str], list[dict]]:
    """What `create_release` would make of `document_yaml`, without making it: (document, problems, content).

    The console's live validation and simulator of a draft ask this, so a draft is
    judged exactly as saving it would be.
    """
    library = await _library_by_name(db)
    document, problems = release_problems(group_name, document_yaml, library.keys())
    return document, problems, [] if problems else content_snapshot(document, library)


async def create_release(db: psycopg.AsyncConnection, actor: str, group: dict, document_yaml: str, note: str,
                         base_version: int | None = None) -> dict:
    """Validate `document_yaml` for `group` (a locked store_groups row) and store it as its next release.

    422 `invalid_release` lists every problem, one per line; the release snapshots the
    library items its playlists name. Returns {release_id, version, etag, content_count}.
    Call inside a transaction that holds the group row locked (versions are per group).

    `base_version`: the version the document was edited from (0: none, the group had no
    release). When someone saved a newer one meanwhile, 409 `stale_base` says who saved
    which version when (also as `newest_version`, `saved_by`, `saved_at` in the error),
    so a second editor does not silently replace the first one's change.
    """
    newest = await (await db.execute(
        "SELECT version, created_by, created_at FROM releases WHERE group_id = %s ORDER BY version DESC LIMIT 1",
        (group["group_id"],),
    )).fetchone()
    newest_version = newest[0] if newest else 0
    if base_version is not None and base_version != newest_version:
        raise _stale_base(group["name"], base_version, newest)
    document, problems, content = await check_release(db, group["name"], document_yaml)
    if problems:
        raise ApiError(422, "invalid_release", "\n".join(problems))

    document_dict = document_to_dict(document)
    version = newest_version + 1
    etag = release_etag(group["name"], version, document_dict, content)
    release_id = (await (await db.execute(
        "INSERT INTO releases (group_id, version, document, document_yaml, content, etag, note, created_by)"
        " VALUES (%s, %s, %s, %s, %s, %s, %s, %s) RETURNING release_id",
        (group["group_id"], version, Jsonb(document_dict), document_yaml, Jsonb(content), etag, note, actor),
    )).fetchone())[0]
    blobs = sorted({item["sha256"] for item in content if item["sha256"]})
    if blobs:
        async with db.cursor() as cursor:
            await cursor.executemany(
                "INSERT INTO release_blobs (release_id, sha256) VALUES (%s, %s)", [(release_id, sha) for sha in blobs]
            )
    await record_change(db, actor, "release.create", f"group:{group['name']}", release_id=release_id,
                        version=version, items=len(content), note=note[:200])
    log.info("release %d: group %s version %d by %s (%d content items)", release_id, group["name"], version, actor, len(content))
    return {"release_id": release_id, "version": version, "etag": etag, "content_count": len(content)}


def _stale_base(group_name: str, base_version: int, newest: tuple | None) -> ApiError:
    """409 `stale_base`: the document was edited from `base_version`, and the group's newest is another."""
    if newest is None:
        return conflict(f"group {group_name} has no release yet, and this one was based on version {base_version}:"
                        " send base_version 0", code="stale_base", newest_version=0, saved_by=None, saved_at=None)
    version, saved_by, saved_at = newest
    when = saved_at.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    return conflict(
        f"the newest release of group {group_name} is version {version}, saved by {saved_by} at {when}, and this one"
        f" was based on version {base_version}: reload version {version}, make the change again, and send"
        f" base_version {version}",
        code="stale_base", newest_version=version, saved_by=saved_by, saved_at=saved_at.isoformat(),
    )


async def _library_by_name(db: psycopg.AsyncConnection) -> dict[str, dict]:
    """Every library item as a release's content entry, by name."""
    async with db.cursor(row_factory=dict_row) as cursor:
        await cursor.execute(
            "SELECT l.name, l.kind, l.title, l.duration_s, l.sha256, b.size_bytes, l.extension, l.tags,"
            " l.valid_from, l.valid_until, l.age_restricted, l.text"
            " FROM library_items l LEFT JOIN blobs b USING (sha256)"
        )
        rows = await cursor.fetchall()
    for row in rows:
        for key in ("valid_from", "valid_until"):
            row[key] = row[key].isoformat() if row[key] is not None else None
    return {row["name"]: row for row in rows}


# ---- the staged rollout -----------------------------------------------------------------


async def _release_row(db: psycopg.AsyncConnection, release_id: int) -> dict:
    async with db.cursor(row_factory=dict_row) as cursor:
        await cursor.execute(
            "SELECT r.release_id, r.group_id, g.name AS group_name, r.version FROM releases r"
            " JOIN store_groups g USING (group_id) WHERE r.release_id = %s",
            (release_id,),
        )
        row = await cursor.fetchone()
    if row is None:
        raise not_found(f"no release {release_id} (GET /api/v1/groups/GROUP/releases lists a group's)")
    return row


async def _version_of(db: psycopg.AsyncConnection, release_id: int | None) -> int | None:
    if release_id is None:
        return None
    return (await (await db.execute("SELECT version FROM releases WHERE release_id = %s", (release_id,))).fetchone())[0]


async def _lock_group(db: psycopg.AsyncConnection, group_id: int) -> dict:
    async with db.cursor(row_factory=dict_row) as cursor:
        await cursor.execute(
            "SELECT group_id, name, current_release_id, canary_release_id, canary_group_id"
            " FROM store_groups WHERE group_id = %s FOR UPDATE",
            (group_id,),
        )
        return await cursor.fetchone()


async def rollout(db: psycopg.AsyncConnection, actor: str, release_id: int, stage: str, canary_group: dict | None) -> dict:
    """One step of the release's rollout (`canary` to `canary_group`, or `all`); 409 out of order.

    Call inside a transaction. Returns the group's rollout state after the step.
    """
    release = await _release_row(db, release_id)
    group = await _lock_group(db, release["group_id"])
    name, version = group["name"], release["version"]
    current_version = await _version_of(db, group["current_release_id"])
    if stage == "canary":
        if group["current_release_id"] == release_id:
            raise conflict(f"release {release_id} (version {version}) is already out to all of group {name}")
        if group["canary_release_id"] == release_id:
            raise conflict(f"release {release_id} (version {version}) is already in canary in group {name}:"
                           " roll it out to all, or roll back")
        if group["canary_release_id"] is not None:
            canary_version = await _version_of(db, group["canary_release_id"])
            raise conflict(f"group {name} has version {canary_version} in canary:"
                           " roll it out to all or roll it back before another canary")
        if current_version is not None and version < current_version:
            raise conflict(f"release {release_id} is version {version}, older than version {current_version}"
                           f" out in group {name}: POST /groups/{name}/rollback to go back")
        await db.execute(
            "UPDATE store_groups SET canary_release_id = %s, canary_group_id = %s WHERE group_id = %s",
            (release_id, canary_group["group_id"], group["group_id"]),
        )
        await _event(db, group["group_id"], release_id, "canary", canary_group["group_id"], actor)
        await record_change(db, actor, "release.canary", f"group:{name}", release_id=release_id, version=version,
                            canary_group=canary_group["name"])
    else:  # "all"
        if group["current_release_id"] == release_id:
            raise conflict(f"release {release_id} (version {version}) is already out to all of group {name}")
        if group["canary_release_id"] != release_id:
            raise conflict(f"release {release_id} (version {version}) is not in canary in group {name}:"
                           ' roll it out to a canary group first ({"stage": "canary", "canary_group": ...})')
        await db.execute(
            "UPDATE store_groups SET current_release_id = %s, canary_release_id = NULL, canary_group_id = NULL"
            " WHERE group_id = %s",
            (release_id, group["group_id"]),
        )
        await _event(db, group["group_id"], release_id, "all", None, actor)
        await record_change(db, actor, "release.all", f"group:{name}", release_id=release_id, version=version,
                            replaced_version=current_version)
    log.info("rollout: group %s release %d (version %d) stage %s by %s", name, release_id, version, stage, actor)
    return await group_state(db, group["group_id"])


async def rollback(db: psycopg.AsyncConnection, actor: str, group_id: int) -> dict:
    """Withdraw the group's canary, or else put the release before the current one back; 409 when none.

    Call inside a transaction. Returns the group's rollout state after it.
    """
    group = await _lock_group(db, group_id)
    name = group["name"]
    if group["canary_release_id"] is not None:
        withdrawn = group["canary_release_id"]
        await db.execute(
            "UPDATE store_groups SET canary_release_id = NULL, canary_group_id = NULL WHERE group_id = %s", (group_id,)
        )
        await _event(db, group_id, group["current_release_id"], "rollback", group["canary_group_id"], actor)
        await record_change(db, actor, "release.rollback", f"group:{name}", withdrawn_canary=withdrawn,
                            current_release_id=group["current_release_id"])
        log.info("rollback: group %s canary release %d withdrawn by %s", name, withdrawn, actor)
        return await group_state(db, group_id)
    if group["current_release_id"] is None:
        raise conflict(f"group {name} has no release out: nothing to roll back")
    current_version = await _version_of(db, group["current_release_id"])
    previous = await (await db.execute(
        "SELECT r.release_id, r.version FROM rollout_events e JOIN releases r ON r.release_id = e.release_id"
        " WHERE e.group_id = %s AND e.stage = 'all' AND r.version < %s ORDER BY r.version DESC LIMIT 1",
        (group_id, current_version),
    )).fetchone()
    if previous is None:
        raise conflict(f"group {name} runs version {current_version}, and no earlier release went out to all:"
                       " nothing to roll back to")
    await db.execute("UPDATE store_groups SET current_release_id = %s WHERE group_id = %s", (previous[0], group_id))
    await _event(db, group_id, previous[0], "rollback", None, actor)
    await record_change(db, actor, "release.rollback", f"group:{name}", release_id=previous[0], version=previous[1],
                        replaced_version=current_version)
    log.info("rollback: group %s back to release %d (version %d) by %s", name, previous[0], previous[1], actor)
    return await group_state(db, group_id)


async def _event(db, group_id: int, release_id: int | None, stage: str, canary_group_id: int | None, actor: str) -> None:
    await db.execute(
        "INSERT INTO rollout_events (group_id, release_id, stage, canary_group_id, by_user) VALUES (%s, %s, %s, %s, %s)",
        (group_id, release_id, stage, canary_group_id, actor),
    )


async def group_state(db: psycopg.AsyncConnection, group_id: int) -> dict:
    """The group's rollout state: current and canary release (id and version), canary group."""
    async with db.cursor(row_factory=dict_row) as cursor:
        await cursor.execute(
            "SELECT g.name AS group, g.current_release_id, cur.version AS current_version,"
            " g.canary_release_id, can.version AS canary_version, cg.name AS canary_group"
            " FROM store_groups g LEFT JOIN releases cur ON cur.release_id = g.current_release_id"
            " LEFT JOIN releases can ON can.release_id = g.canary_release_id"
            " LEFT JOIN store_groups cg ON cg.group_id = g.canary_group_id WHERE g.group_id = %s",
            (group_id,),
        )
        return await cursor.fetchone()


async def rollout_status(db: psycopg.AsyncConnection, release_id: int, sample: int = 100) -> dict:
    """How far a release has got: kiosks that should run it, kiosks that report running it, the share.

    Targeted kiosks are the enrolled, unrevoked kiosks whose store's release (the rule of
    `release_for_kiosk`) is this one; running ones report it in their newest heartbeat.
    `waiting` lists up to `sample` targeted kiosks not running it yet.
    """
    release = await _release_row(db, release_id)
    row = await (await db.execute(
        f"WITH per_store AS ({_RELEASE_PER_STORE}),"
        " targeted AS (SELECT k.kiosk_id, coalesce(ks.release_id = %(release)s, false) AS running"
        "   FROM per_store p JOIN kiosks k ON k.store_id = p.store_id"
        "   LEFT JOIN kiosk_state ks ON ks.kiosk_id = k.kiosk_id"
        "   WHERE p.release_id = %(release)s AND k.revoked_at IS NULL AND k.token_sha256 IS NOT NULL)"
        " SELECT (SELECT count(*) FROM targeted), (SELECT count(*) FROM targeted WHERE running),"
        "  (SELECT count(*) FROM kiosk_state WHERE release_id = %(release)s),"
        "  (SELECT array(SELECT kiosk_id FROM targeted WHERE NOT running ORDER BY kiosk_id LIMIT %(sample)s))",
        {"release": release_id, "sample": sample},
    )).fetchone()
    targeted, running, reporting, waiting = row
    state = await group_state(db, release["group_id"])
    if state["canary_release_id"] == release_id:
        stage = "canary"
    elif state["current_release_id"] == release_id:
        stage = "all"
    else:
        stage = "not_out"
    async with db.cursor(row_factory=dict_row) as cursor:
        await cursor.execute(
            "SELECT e.stage, e.release_id, cg.name AS canary_group, e.by_user, e.at FROM rollout_events e"
            " LEFT JOIN store_groups cg ON cg.group_id = e.canary_group_id"
            " WHERE e.group_id = %s ORDER BY e.event_id",
            (release["group_id"],),
        )
        events = await cursor.fetchall()
    return {
        "release_id": release_id, "group": release["group_name"], "version": release["version"], "stage": stage,
        "kiosks_targeted": targeted, "kiosks_running": running,
        "share": round(running / targeted, 4) if targeted else None,
        "kiosks_reporting_it": reporting, "waiting": list(waiting),
        "events": [{**event, "at": event["at"].isoformat()} for event in events],
    }
