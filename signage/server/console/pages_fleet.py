"""The console's fleet pages: every kiosk at a glance, one kiosk in detail, a remote screenshot and reload.

- `GET /fleet` (viewer): every kiosk with its state, last heartbeat, what plays now, camera,
  engine fps, errors and the release it runs, all from the newest heartbeat the kiosk sent
  (`kiosk_state`: the player's status dict of signage/player/status.py and the sync
  service's counts). A kiosk that went silent stands out: first in the list, a `silent`
  row and badge, and a count at the top. A GET form (it works without JS) narrows the list:
  `?group=` (the kiosks of one store group's stores), `?q=` (a case-insensitive substring
  of the kiosk's name, its store's code or its store's name; `%` and `_` match themselves)
  and `?state=silent|online|awaiting|revoked`.
  **Paging.** `PAGE_SIZE` (200) kiosks a page, `?page=N` from 1, done in SQL: ordered by
  silent first, then store code, kiosk name and kiosk id (a stable order, so a kiosk is on
  exactly one page), LIMIT/OFFSET. Silent kiosks therefore fill the first pages. The page
  says "kiosks 201-400 of 10,000" and links to the first, previous, next and last pages with
  the other filters kept. The counts at the top (total, online, silent, ...) are of every
  kiosk matching the group and search, not of the page (and not narrowed by `state`, so
  they say how many of each state there are to choose from). A page that is not a whole
  number from 1, a page beyond the last and an unknown state are a 400 page with one
  sentence saying what to do (no silent clamping: a bookmarked page that moved is told so).
- `GET /kiosks/{id}` (viewer): the kiosk's details, its recent errors, its commands
  (pending, delivered, done, failed) and the newest screenshot it sent.
- `POST /kiosks/{id}/commands` (editor): a `reload` or `screenshot`, through the API's
  own handler (`routes_people.add_command`: the same checks and audit row).
- `GET /commands/{id}/screenshot` (viewer): the PNG, through the API's handler, behind
  the console's session.

**Silent.** A kiosk heartbeats every `heartbeat_s` (60 s by default, signage/sync/settings.py).
It is silent when it has been enrolled and no heartbeat came for more than
`SILENT_AFTER_HEARTBEATS` intervals (5 minutes): long enough that a slow network or a
restarting player does not raise the alarm, and the same 5 minutes after which the
API's kiosk list calls a kiosk offline. A kiosk's own `heartbeat_s` is not reported,
so the default is the yardstick.
"""

from __future__ import annotations

import datetime as dt
import logging
from urllib.parse import urlencode

import psycopg
from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from psycopg.rows import dict_row

from signage.server.api_common import fetch_group
from signage.server.console.web import (
    Flash,
    as_sentence,
    checked_form,
    page_person,
    redirect,
    render,
    tr,
    tr_noop,
)
from signage.server.deps import Person, connection
from signage.server.errors import ApiError, not_found
from signage.server.routes_kiosk import server_now
from signage.server.routes_people import (
    OFFLINE_AFTER_HEARTBEATS,
    OFFLINE_AFTER_S,
    NewCommand,
    add_command,
    command_screenshot,
    list_commands,
    show_kiosk,
)
from signage.sync.settings import SyncSettings

log = logging.getLogger(__name__)

__all__ = ["PAGE_SIZE", "SILENT_AFTER_HEARTBEATS", "SILENT_AFTER_S", "STATES", "STATE_BADGES", "kiosk_view", "like_pattern",
           "relative_time", "router"]

router = APIRouter()

# Silent here is offline in the API's kiosk list: one threshold for both.
SILENT_AFTER_HEARTBEATS = OFFLINE_AFTER_HEARTBEATS
SILENT_AFTER_S = OFFLINE_AFTER_S
PAGE_SIZE = 200  # kiosks on one page of the fleet: a phone still scrolls it, the server renders it quickly
CONSOLE_COMMANDS = ("reload", "screenshot")  # restart stays with the API and the CLI: it ends the player
RECENT_COMMANDS = 20


def relative_time(moment: dt.datetime | None, now: dt.datetime) -> dict | None:
    """{"ago": "3 min ago", "at": "16:50:12 UTC" (with the date when not today), "iso": ...} of `moment`."""
    if moment is None:
        return None
    seconds = (now - moment).total_seconds()
    if seconds < 0:
        ago = tr("console.fleet", "just now")  # the database's clock a little ahead of the app's
    elif seconds < 60:
        ago = tr("console.fleet", "%n s ago", n=int(seconds))
    elif seconds < 90 * 60:
        ago = tr("console.fleet", "%n min ago", n=int(seconds // 60))
    elif seconds < 48 * 3600:
        ago = tr("console.fleet", "%n h ago", n=int(seconds // 3600))
    else:
        ago = tr("console.fleet", "%n days ago", n=int(seconds // 86400))
    utc = moment.astimezone(dt.UTC)
    at = utc.strftime("%H:%M:%S UTC") if utc.date() == now.astimezone(dt.UTC).date() else utc.strftime("%Y-%m-%d %H:%M UTC")
    return {"ago": ago, "at": at, "iso": utc.isoformat(timespec="seconds")}


def _duration_text(seconds: float) -> str:
    if seconds < 120:
        return tr("console.fleet", "{seconds} s", seconds=f"{seconds:.0f}")
    if seconds < 2 * 3600:
        return tr("console.fleet", "{minutes} min", minutes=f"{seconds / 60:.0f}")
    if seconds < 2 * 86400:
        return tr("console.fleet", "{hours} h", hours=f"{seconds / 3600:.1f}")
    return tr("console.fleet", "{days} days", days=f"{seconds / 86400:.1f}")


# ---- what a heartbeat says -------------------------------------------------------------------


def _object(value: object) -> dict:
    """A status part as a dict (a kiosk's status is only checked to be JSON: anything may be missing)."""
    return value if isinstance(value, dict) else {}


def _text(value: object, limit: int = 300) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    return str(value)[:limit]


def kiosk_view(row: dict, now: dt.datetime) -> dict:
    """What the fleet and kiosk pages show of one kiosk row (with its newest `status` and `sync`)."""
    status = _object(row.get("status"))
    sync = _object(row.get("sync"))
    last_seen = row.get("last_seen_at")
    # Never heard from since enrolment counts from the enrolment (as _SILENT does).
    quiet_since = last_seen or row.get("enrolled_at") or row.get("created_at")
    if row.get("revoked_at") is not None:
        state, silent = "revoked", False
    elif not row["has_token"]:
        state, silent = "awaiting enrolment", False
    else:
        silent = quiet_since is not None and (now - quiet_since).total_seconds() > SILENT_AFTER_S
        state = "silent" if silent else "online"
    playing = _object(status.get("playing"))
    camera = status.get("camera")
    camera = _object(camera) if camera is not None else None
    fps = camera.get("engine_fps") if camera else None
    errors = [
        {"at": _text(entry.get("at"), 40), "message": _text(entry.get("message"))}
        for entry in reversed([_object(e) for e in status.get("last_errors") or [] if isinstance(e, dict)])
        if entry.get("message")
    ] if isinstance(status.get("last_errors"), list) else []
    problems = []  # what is wrong now, besides the player's own error lines
    # The kiosk's own words (its error, state and reason) are shown as it sent them.
    if _text(sync.get("last_error")):
        problems.append(tr("console.fleet", "sync: {error}", error=_text(sync.get("last_error"))))
    database = _object(status.get("database"))
    if database.get("state") not in (None, "ok"):
        problems.append(tr("console.fleet", "database: {state} ({reason})", state=_text(database.get("state"), 40),
                           reason=_text(database.get("reason")) or tr("console.fleet", "no reason given")))
    if camera and camera.get("state") in ("failed", "no signal"):
        problems.append(tr("console.fleet", "camera: {state} ({detail})", state=_text(camera.get("state"), 40),
                           detail=_text(camera.get("detail")) or tr("console.fleet", "no detail")))
    version = row.get("release_version")
    return {
        "kiosk_id": row["kiosk_id"], "name": row["name"], "store": row["store"], "groups": row.get("groups") or [],
        "hostname": row.get("hostname"), "state": state, "silent": silent,
        "quiet_for": _duration_text((now - quiet_since).total_seconds()) if silent else None,
        "last_seen": relative_time(last_seen, now), "enrolled": relative_time(row.get("enrolled_at"), now),
        "playing": {"playlist": _text(playing.get("playlist"), 80), "item": _text(playing.get("item"), 80),
                    "rule": _text(playing.get("rule"), 80), "reason": _text(playing.get("reason")),
                    "since": _text(playing.get("since"), 40)} if playing.get("item") else None,
        "camera": {"state": _text(camera.get("state"), 40) or "unknown", "detail": _text(camera.get("detail")),
                   "frames_dropped": camera.get("frames_dropped")} if camera else None,
        "engine_fps": float(fps) if isinstance(fps, (int, float)) and not isinstance(fps, bool) else None,
        "errors": errors, "problems": problems, "error_count": len(errors) + len(problems),
        "release": {"id": row.get("release_id"), "version": version, "group": row.get("release_group")}
        if row.get("release_id") is not None else None,
        "mode": _text(status.get("mode"), 20), "uptime": _duration_text(float(status["uptime_s"]))
        if isinstance(status.get("uptime_s"), (int, float)) and not isinstance(status.get("uptime_s"), bool) else None,
        "clock_skew_s": row.get("clock_skew_s"),
        "spool": {key: sync.get(key) for key in ("spooled_plays", "spooled_audience", "dropped_audience")
                  if isinstance(sync.get(key), int)},
        "disk_free_bytes": status.get("disk_free_bytes") if isinstance(status.get("disk_free_bytes"), int) else None,
    }


# Which kiosks are silent, in SQL as in `kiosk_view`: enrolled (a token), not revoked, and
# quiet since before %(silent_before)s (the last heartbeat, or the enrolment when none came).
_SILENT = ("(k.token_sha256 IS NOT NULL AND k.revoked_at IS NULL"
           " AND coalesce(ks.last_seen_at, k.enrolled_at, k.created_at) < %(silent_before)s)")
_REVOKED = "(k.revoked_at IS NOT NULL)"
_AWAITING = "(k.revoked_at IS NULL AND k.token_sha256 IS NULL)"
# The `?state=` choices: the value in the URL, the label of the form, the SQL (as kiosk_view decides).
STATES = {
    "silent": (tr_noop("console.fleet", "Silent"), _SILENT),
    "online": (tr_noop("console.fleet", "Online"), f"(k.token_sha256 IS NOT NULL AND k.revoked_at IS NULL AND NOT {_SILENT})"),
    "awaiting": (tr_noop("console.fleet", "Awaiting enrolment"), _AWAITING),
    "revoked": (tr_noop("console.fleet", "Revoked"), _REVOKED),
}
# A kiosk's state (kiosk_view's `state`, also the rows' data-state) as its badge says it.
STATE_BADGES = {
    "online": tr_noop("console.fleet", "online"),
    "silent": tr_noop("console.fleet", "silent"),
    "awaiting enrolment": tr_noop("console.fleet", "awaiting enrolment"),
    "revoked": tr_noop("console.fleet", "revoked"),
}
# The group and the search (%(q)s a LIKE pattern with its wildcards escaped, or NULL).
_MATCHING = ("(%(group)s::bigint IS NULL OR k.store_id IN (SELECT store_id FROM group_stores WHERE group_id = %(group)s))"
             " AND (%(q)s::text IS NULL OR k.name ILIKE %(q)s ESCAPE '\\' OR s.code ILIKE %(q)s ESCAPE '\\'"
             " OR s.name ILIKE %(q)s ESCAPE '\\')")

# One page of the fleet, silent ones first in a stable order, with the release they run
# (its group and version) and their store's groups.
_FLEET_SQL = """
SELECT k.kiosk_id, k.name, s.code AS store, k.hostname, k.enrolled_at, k.created_at, k.revoked_at,
       k.token_sha256 IS NOT NULL AS has_token,
       ks.last_seen_at, ks.release_id, r.version AS release_version, rg.name AS release_group,
       ks.clock_skew_s, ks.status, ks.sync,
       coalesce((SELECT array_agg(g.name ORDER BY g.name) FROM group_stores gs JOIN store_groups g USING (group_id)
                 WHERE gs.store_id = k.store_id), '{{}}') AS groups
FROM kiosks k JOIN stores s USING (store_id) LEFT JOIN kiosk_state ks USING (kiosk_id)
LEFT JOIN releases r ON r.release_id = ks.release_id LEFT JOIN store_groups rg ON rg.group_id = r.group_id
WHERE {matching} AND {state}
ORDER BY {silent} DESC, s.code, k.name, k.kiosk_id
LIMIT %(limit)s OFFSET %(offset)s
"""

# The counts at the top of the page, over every kiosk of the group and search (not only the page).
_COUNTS_SQL = f"""
SELECT count(*) AS total,
       count(*) FILTER (WHERE {_SILENT}) AS silent,
       count(*) FILTER (WHERE {_REVOKED}) AS revoked,
       count(*) FILTER (WHERE {_AWAITING}) AS "awaiting enrolment"
FROM kiosks k JOIN stores s USING (store_id) LEFT JOIN kiosk_state ks USING (kiosk_id)
WHERE {_MATCHING}
"""


def like_pattern(text: str) -> str:
    """A case-insensitive substring pattern for ILIKE ... ESCAPE '\\' that matches `text` literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _page_number(text: str | None) -> int:
    """`?page=` as a number from 1 (none: 1); a 400 page for anything else."""
    if text is None or text == "":
        return 1
    if not text.isdecimal() or len(text) > 9 or int(text) < 1:
        raise ApiError(400, "bad_request", tr("console.fleet", "The page {page} is not a page number; pages are numbered"
                                              " from 1.", page=repr(text[:40])))
    return int(text)


def _fleet_url(**values: object) -> str:
    """The fleet page's URL with the filters that are set (empty ones left out, so links stay short)."""
    kept = {key: value for key, value in values.items() if value not in (None, "") and not (key == "page" and value == 1)}
    return "/fleet" + ("?" + urlencode(kept) if kept else "")


@router.get("/fleet")
async def fleet(request: Request, group: str | None = None, q: str | None = None, state: str | None = None,
                page: str | None = None, person: Person = Depends(page_person("viewer")),
                db: psycopg.AsyncConnection = Depends(connection)) -> Response:
    """One page of the kiosks (of `group`'s stores, matching `q`, in `state`), silent ones first."""
    now = server_now(request)
    group, q, state = group or None, " ".join((q or "").split()) or None, state or None
    if state is not None and state not in STATES:
        raise ApiError(400, "bad_request", tr("console.fleet", "There is no kiosk state {state}; choose one of {states}"
                                              " or all states.", state=repr(state[:40]), states=", ".join(STATES)))
    number = _page_number(page)
    group_id = (await fetch_group(db, group))["group_id"] if group else None  # an unknown group: the 404 page
    parameters = {"group": group_id, "q": like_pattern(q) if q else None,
                  "silent_before": now - dt.timedelta(seconds=SILENT_AFTER_S)}
    async with db.cursor(row_factory=dict_row) as cursor:
        await cursor.execute(_COUNTS_SQL, parameters)
        counts = await cursor.fetchone()
        counts["online"] = counts["total"] - counts["silent"] - counts["revoked"] - counts["awaiting enrolment"]
        listed = counts[{"awaiting": "awaiting enrolment"}.get(state, state)] if state else counts["total"]
        pages = max(1, -(-listed // PAGE_SIZE))
        if number > pages:
            raise ApiError(400, "bad_request", tr("console.fleet", "There is no page {page}: these kiosks fill %n pages;"
                                                  " go to page {last} or to the first page.", n=pages, page=number,
                                                  last=pages))
        await cursor.execute(
            _FLEET_SQL.format(matching=_MATCHING, state=STATES[state][1] if state else "TRUE", silent=_SILENT),
            {**parameters, "limit": PAGE_SIZE, "offset": (number - 1) * PAGE_SIZE})
        kiosks = [kiosk_view(row, now) for row in await cursor.fetchall()]
        await cursor.execute("SELECT name FROM store_groups ORDER BY name")
        groups = [row["name"] for row in await cursor.fetchall()]
    filters = {"group": group, "q": q, "state": state}
    links = {name: _fleet_url(**filters, page=target) for name, target in
             (("first", 1), ("previous", number - 1), ("next", number + 1), ("last", pages)) if 1 <= target <= pages}
    return render(request, "fleet.html", person, state_badges=STATE_BADGES, kiosks=kiosks, groups=groups, group=group, q=q, state=state,
                  states={key: tr("console.fleet", label) for key, (label, _) in STATES.items()}, counts=counts, listed=listed,
                  page=number, pages=pages, first_row=(number - 1) * PAGE_SIZE + 1 if kiosks else 0,
                  last_row=(number - 1) * PAGE_SIZE + len(kiosks), links=links, page_size=PAGE_SIZE,
                  silent_after=_duration_text(SILENT_AFTER_S), heartbeat_s=SyncSettings.heartbeat_s)


def _kiosk_id(text: str) -> int:
    """The kiosk or command id of a path; 404 for anything that is not one (no JSON validation error on a page)."""
    if not text.isdigit() or len(text) > 18:
        raise not_found(tr("console.fleet", "There is no kiosk or command {id}; the fleet page lists them.",
                           id=repr(text[:40])))
    return int(text)


@router.get("/kiosks/{kiosk}")
async def kiosk_page(request: Request, kiosk: str, person: Person = Depends(page_person("viewer")),
                     db: psycopg.AsyncConnection = Depends(connection)) -> Response:
    """One kiosk: its details, recent errors, commands and newest screenshot."""
    kiosk_id = _kiosk_id(kiosk)
    now = server_now(request)
    row = await show_kiosk(kiosk_id, person, db)  # 404 page for an unknown kiosk, in the API's words
    async with db.cursor(row_factory=dict_row) as cursor:
        await cursor.execute(
            "SELECT coalesce((SELECT array_agg(g.name ORDER BY g.name) FROM group_stores gs"
            "  JOIN store_groups g USING (group_id) WHERE gs.store_id = k.store_id), '{}') AS groups,"
            " r.version AS release_version, rg.name AS release_group,"
            " t.version AS target_version, tg.name AS target_group"
            " FROM kiosks k LEFT JOIN releases r ON r.release_id = %(running)s"
            " LEFT JOIN store_groups rg ON rg.group_id = r.group_id"
            " LEFT JOIN releases t ON t.release_id = %(target)s LEFT JOIN store_groups tg ON tg.group_id = t.group_id"
            " WHERE k.kiosk_id = %(kiosk)s",
            {"kiosk": kiosk_id, "running": row["release_id"], "target": row["release_target_id"]},
        )
        extra = await cursor.fetchone()
    # show_kiosk's state says whether it has a token: 'awaiting_enrolment' is a kiosk without one.
    view = kiosk_view({**row, **extra, "has_token": row["state"] not in ("awaiting_enrolment", "revoked")}, now)
    target = {"id": row["release_target_id"], "version": extra["target_version"], "group": extra["target_group"]} \
        if row["release_target_id"] is not None else None
    commands = (await list_commands(kiosk_id, RECENT_COMMANDS, person, db))["commands"]
    for command in commands:
        command["created"] = relative_time(command["created_at"], now)
        command["acked"] = relative_time(command["acked_at"], now)
    screenshot = next((command for command in commands if command["has_screenshot"]), None)
    pending = [command for command in commands if command["state"] in ("pending", "delivered")]
    return render(request, "kiosk.html", person, state_badges=STATE_BADGES, kiosk=view, target=target, commands=commands, screenshot=screenshot,
                  pending=pending, commands_allowed=CONSOLE_COMMANDS, heartbeat_s=SyncSettings.heartbeat_s,
                  silent_after=_duration_text(SILENT_AFTER_S), revoked=row["revoked_at"] is not None)


@router.post("/kiosks/{kiosk}/commands")
async def send_command(request: Request, kiosk: str, person: Person = Depends(page_person("editor")),
                       db: psycopg.AsyncConnection = Depends(connection)) -> Response:
    """A reload or screenshot for the kiosk (the API's own handler); back to the kiosk page with a message."""
    kiosk_id = _kiosk_id(kiosk)
    form = await checked_form(request)
    kind = form.get("kind")
    if kind not in CONSOLE_COMMANDS:
        raise ApiError(400, "bad_request", tr("console.fleet", "The console sends a reload or a screenshot, not {kind};"
                                              " use the buttons on the kiosk page.", kind=repr(str(kind)[:40])))
    try:
        sent = await add_command(kiosk_id, NewCommand(kind=kind), person, db)
    except ApiError as error:
        if error.status == 404:
            raise
        return redirect(f"/kiosks/{kiosk_id}", Flash(as_sentence(error.reason), "error"))
    log.info("console: %s sent command %d (%s) to kiosk %d", person.actor, sent["command_id"], kind, kiosk_id)
    if kind == "screenshot":
        text = tr("console.fleet", "A screenshot was asked for (command {command}); the kiosk picks it up at its next"
                  " heartbeat, within about {seconds} s.", command=sent["command_id"], seconds=f"{SyncSettings.heartbeat_s:.0f}")
    else:
        text = tr("console.fleet", "A reload was sent (command {command}); the kiosk picks it up at its next heartbeat,"
                  " within about {seconds} s.", command=sent["command_id"], seconds=f"{SyncSettings.heartbeat_s:.0f}")
    return redirect(f"/kiosks/{kiosk_id}", Flash(text, "ok"))


@router.get("/commands/{command}/screenshot")
async def screenshot(command: str, person: Person = Depends(page_person("viewer")),
                     db: psycopg.AsyncConnection = Depends(connection)) -> Response:
    """The PNG a screenshot command brought back (the API's handler, behind the console's session)."""
    return await command_screenshot(_kiosk_id(command), person, db)
