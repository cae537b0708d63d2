"""The console's releases: each store group's rules and playlists, edited, simulated, compared and rolled out.

Pages (under /console):

- `/releases`: every group with its current and canary release.
- `/groups/{group}`: the group's releases (version, note, who, when, stage);
  `/groups/{group}/releases/{version}`: one release's rules and playlists as tables.
- `/groups/{group}/edit` (editor): the group's next release, starting from its newest
  one. A form per rule and per playlist, and the whole document as YAML (advanced). The
  draft is judged by `releases.check_release`, the very check `POST /groups/{group}/releases`
  makes, and each problem (`rules[1].when.age_groups: ...`) is shown next to its field;
  `static/releases.js` asks `/groups/{group}/validate` while the person types. Save is
  the API's own `add_release`, with `base_version`: a version saved meanwhile by someone
  else is refused (409 `stale_base`) and the second editor keeps the draft, sees who saved
  what when, and a diff of the draft against the newest.
- `/groups/{group}/simulate`: what would play, asked of the playback core
  (`simulate_decision`, as `signage rules simulate` does) for a release or the draft.
- `/groups/{group}/diff?old=&new=`: two releases' YAML, line by line.
- `/groups/{group}/rollout` (editor for the steps): canary, all and rollback through
  `releases.rollout` / `rollback` after a confirmation page; the rollout status.

The draft travels as form fields (`rules-0-name`, `playlists-1-items`, ...). `draft_from_form`
reads them, `document_from_draft` turns them into the codec's dict (text that is not a
number stays text, so the codec's own message says what is wrong), and `draft_yaml`
writes the YAML that is checked and saved.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import logging
import math
import re
from dataclasses import dataclass, field

import psycopg
import yaml
from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, Response
from psycopg.rows import dict_row
from pydantic import ValidationError as BodyError
from starlette.datastructures import FormData

from audience.types import AgeGroup, Attire, Gender
from content.model import ContentItem, ContentKind
from foundation.clock import parse_local_time
from foundation.errors import ValidationError
from playlists.codec import (
    DOCUMENT_KEYS,
    Problem,
    RuleDocument,
    decode_document,
    document_to_dict,
)
from playlists.decision import DecisionSettings, RuleBook, SimulatedAudience
from playlists.model import WEEKDAY_NAMES, LoopPolicy, RuleOrigin
from playlists.playback import simulate_decision
from playlists.yaml_io import dump_document, parse_document
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
    when_text,
)
from signage.server.deps import Person, connection
from signage.server.errors import ApiError, not_found
from signage.server.releases import check_release, group_state, rollout_status
from signage.server.routes_people import list_groups
from signage.server.routes_releases import (
    NewRelease,
    RolloutStep,
    add_release,
    list_releases,
    rollback_group,
    rollout_release,
)

log = logging.getLogger(__name__)

router = APIRouter()

# A rule's form fields and the codec path each one edits (under `rules[i]`).
RULE_FIELDS: dict[str, tuple[str, ...]] = {
    "name": ("name",), "playlist": ("playlist",), "priority": ("priority",), "enabled": ("enabled",),
    "age_groups": ("when", "age_groups"), "attire": ("when", "attire"), "genders": ("when", "genders"),
    "weekdays": ("when", "weekdays"), "time": ("when", "time"), "min_group_size": ("when", "min_group_size"),
    "max_group_size": ("when", "max_group_size"), "min_dwell_s": ("when", "min_dwell_s"),
    "date_from": ("when", "dates", "from"), "date_until": ("when", "dates", "until"),
    "weight": ("weight",), "cooldown_s": ("cooldown_s",), "max_plays_per_hour": ("max_plays_per_hour",),
    "note": ("note",), "origin": ("origin",),
}
PLAYLIST_FIELDS: dict[str, tuple[str, ...]] = {"name": ("name",), "loop": ("loop",), "items": ("items",), "note": ("note",)}
_LIST_FIELDS = ("age_groups", "attire", "genders", "weekdays")
_LABELS = {  # a field path's parts in words, for problems shown at the top of the form (translated where shown)
    "default_playlist": tr_noop("console.editor", "default playlist"), "age_groups": tr_noop("console.editor", "age groups"),
    "genders": tr_noop("console.editor", "genders"), "weekdays": tr_noop("console.editor", "days"),
    "time": tr_noop("console.editor", "time of day"), "min_group_size": tr_noop("console.editor", "people, at least"),
    "max_group_size": tr_noop("console.editor", "people, at most"),
    "min_dwell_s": tr_noop("console.editor", "stayed at least (s)"), "dates": tr_noop("console.editor", "dates"),
    "from": tr_noop("console.editor", "from"), "until": tr_noop("console.editor", "until"),
    "cooldown_s": tr_noop("console.editor", "rest after playing (s)"),
    "max_plays_per_hour": tr_noop("console.editor", "plays per hour at most"),
    "learned_metrics": tr_noop("console.editor", "learned numbers"), "when": tr_noop("console.editor", "when"),
    "items": tr_noop("console.editor", "items"), "loop": tr_noop("console.editor", "loop"),
    "name": tr_noop("console.editor", "name"), "playlist": tr_noop("console.editor", "playlist"),
    "priority": tr_noop("console.editor", "priority"), "weight": tr_noop("console.editor", "weight"),
    "enabled": tr_noop("console.editor", "enabled"), "note": tr_noop("console.editor", "note"),
    "origin": tr_noop("console.editor", "origin"), "attire": tr_noop("console.editor", "attire"),
    "duration_s": tr_noop("console.editor", "seconds"), "content": tr_noop("console.editor", "content"),
}
CHOICES = {
    "age_groups": [g.value for g in AgeGroup], "attire": [a.value for a in Attire], "genders": [g.value for g in Gender],
    "weekdays": list(WEEKDAY_NAMES), "loop": [p.value for p in LoopPolicy], "origin": [o.value for o in RuleOrigin],
}
_PATH = re.compile(r"^((?:[A-Za-z_][A-Za-z0-9_]*)(?:\[\d+\]|\.[A-Za-z_][A-Za-z0-9_]*)*): (.*)$", re.DOTALL)
_PATH_PART = re.compile(r"\[(\d+)\]|\.?([A-Za-z_][A-Za-z0-9_]*)")
_YAML_FIELD = "document_yaml"
MAX_NOTE_CHARS = 2000


# ---- the draft: form fields <-> the codec's dict -----------------------------------------


@dataclass
class Draft:
    """A release being edited, as the form shows it: text as typed, lists of checked boxes."""

    default_playlist: str = ""
    rules: list[dict] = field(default_factory=list)
    playlists: list[dict] = field(default_factory=list)


def _number_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value)) if abs(value) < 1e15 else f"{value:g}"
    return str(value)


def draft_from_document(document: dict) -> Draft:
    """The form's draft of a codec dict (a stored release's `document`)."""
    rules = []
    for rule in document.get("rules") or ():
        when = rule.get("when") or {}
        dates = when.get("dates") or {}
        rules.append({
            "name": rule.get("name", ""), "playlist": rule.get("playlist", ""), "priority": _number_text(rule.get("priority", 0)),
            "enabled": rule.get("enabled", True) is not False,
            **{key: [str(v) for v in when.get(key) or ()] for key in _LIST_FIELDS},
            "time": ", ".join(str(w) for w in when.get("time") or ()),
            "min_group_size": _number_text(when.get("min_group_size") or None),
            "max_group_size": _number_text(when.get("max_group_size")),
            "min_dwell_s": _number_text(when.get("min_dwell_s") or None),
            "date_from": str(dates.get("from") or ""), "date_until": str(dates.get("until") or ""),
            "weight": _number_text(rule.get("weight", 1.0)), "cooldown_s": _number_text(rule.get("cooldown_s", 0.0)),
            "max_plays_per_hour": _number_text(rule.get("max_plays_per_hour")),
            "note": rule.get("note", ""), "origin": rule.get("origin", "manual"),
            "learned_metrics": json.dumps(rule["learned_metrics"]) if rule.get("learned_metrics") else "",
        })
    playlists = []
    for playlist in document.get("playlists") or ():
        lines = [item if isinstance(item, str) else f"{item.get('content', '')}, {_number_text(item.get('duration_s'))}"
                 for item in playlist.get("items") or ()]
        playlists.append({"name": playlist.get("name", ""), "loop": playlist.get("loop", "loop"),
                          "items": "\n".join(lines), "note": playlist.get("note", "")})
    return Draft(str(document.get("default_playlist") or ""), rules, playlists)


def _count(form: FormData, key: str) -> int:
    try:
        return max(0, min(int(form.get(key) or 0), 10_000))
    except ValueError:
        return 0


def draft_from_form(form: FormData) -> Draft | None:
    """The draft the form's fields hold (None when the form's part was not sent: YAML only)."""
    if "rules-count" not in form:
        return None
    rules = []
    for index in range(_count(form, "rules-count")):
        prefix = f"rules-{index}-"
        rule = {key: str(form.get(prefix + key) or "") for key in RULE_FIELDS if key not in _LIST_FIELDS}
        rule.update({key: [str(v) for v in form.getlist(prefix + key)] for key in _LIST_FIELDS})
        rule["enabled"] = form.get(prefix + "enabled") is not None
        rule["learned_metrics"] = str(form.get(prefix + "learned_metrics") or "")
        rules.append(rule)
    playlists = [{key: str(form.get(f"playlists-{index}-{key}") or "") for key in PLAYLIST_FIELDS}
                 for index in range(_count(form, "playlists-count"))]
    return Draft(str(form.get("default_playlist") or ""), rules, playlists)


def _typed(text: str) -> object:
    """A number typed in a field: int, else float, else the text itself (the codec then says what is wrong)."""
    text = text.strip()
    try:
        return int(text)
    except ValueError:
        pass
    try:
        return float(text)
    except ValueError:
        return text


def document_from_draft(draft: Draft) -> dict:
    """The codec dict of a draft; empty optional fields are left out (their defaults apply)."""
    rules = []
    for rule in draft.rules:
        data: dict = {"name": rule["name"].strip(), "playlist": rule["playlist"].strip()}
        if rule["priority"].strip():
            data["priority"] = _typed(rule["priority"])
        when: dict = {key: list(rule[key]) for key in _LIST_FIELDS if rule[key]}
        if rule["time"].strip():
            when["time"] = [part.strip() for part in rule["time"].split(",")]
        for key in ("min_group_size", "max_group_size", "min_dwell_s"):
            if rule[key].strip():
                when[key] = _typed(rule[key])
        dates = {key: rule[f"date_{key}"].strip() for key in ("from", "until") if rule[f"date_{key}"].strip()}
        if dates:
            when["dates"] = dates
        if when:
            data["when"] = when
        for key in ("weight", "cooldown_s", "max_plays_per_hour"):
            if rule[key].strip():
                data[key] = _typed(rule[key])
        data["enabled"] = bool(rule["enabled"])
        if rule["note"].strip():
            data["note"] = rule["note"]
        data["origin"] = rule["origin"] or "manual"
        if rule.get("learned_metrics", "").strip():
            try:
                data["learned_metrics"] = json.loads(rule["learned_metrics"])
            except ValueError:
                data["learned_metrics"] = rule["learned_metrics"]
        rules.append(data)
    playlists = []
    for playlist in draft.playlists:
        items: list = []
        for line in playlist["items"].splitlines():
            if not line.strip():
                continue
            if "," in line:
                content, seconds = line.rsplit(",", 1)
                items.append({"content": content.strip(), "duration_s": _typed(seconds)})
            else:
                items.append(line.strip())
        data = {"name": playlist["name"].strip(), "loop": playlist["loop"] or "loop", "items": items}
        if playlist["note"].strip():
            data["note"] = playlist["note"]
        playlists.append(data)
    document: dict = {}
    if draft.default_playlist.strip():
        document["default_playlist"] = draft.default_playlist.strip()
    document["playlists"] = playlists
    document["rules"] = rules
    return document


def draft_yaml(draft: Draft) -> str:
    """The YAML of a draft: as `dump_document` writes it when it decodes, else plain YAML of what was typed."""
    # When it does not decode, the check names its problems and the text stays as typed.
    return _canonical_text(yaml.safe_dump(document_from_draft(draft), sort_keys=False, allow_unicode=True, width=100))


# ---- problems, next to their fields ------------------------------------------------------


@dataclass(frozen=True)
class FieldProblem:
    """One problem of a draft: the form field it belongs to (None: no field shows it), where in words, what."""

    field: str | None
    where: str
    message: str
    line: int | None = None

    def to_json(self) -> dict:
        """For static/releases.js."""
        return {"field": self.field, "where": self.where, "message": self.message, "line": self.line}


def _path_of(text: str) -> tuple[str | int, ...]:
    return tuple(int(index) if index else name for index, name in _PATH_PART.findall(text))


def field_of(path: tuple[str | int, ...], draft: Draft | None) -> str | None:
    """The form field that edits `path` (or its nearest enclosing field), or None when the form has none."""
    if draft is None or not path:
        return None
    if path == ("default_playlist",):
        return "default_playlist"
    if len(path) >= 3 and path[0] in ("rules", "playlists") and isinstance(path[1], int):
        section, index, rest = path[0], path[1], path[2:]
        entries, fields = (draft.rules, RULE_FIELDS) if section == "rules" else (draft.playlists, PLAYLIST_FIELDS)
        if index >= len(entries):
            return None
        while rest:
            for name, edits in fields.items():
                if edits == rest or (rest == ("when", "dates") and name == "date_from"):
                    return f"{section}-{index}-{name}"
            rest = rest[:-1]
    return None


def path_in_words(path: tuple[str | int, ...], draft: Draft | None) -> str:
    """('rules', 1, 'when', 'age_groups') -> 'rule 2 “teens”, when, age groups'."""
    words: list[str] = []
    parts = list(path)
    if len(parts) >= 2 and parts[0] in ("rules", "playlists") and isinstance(parts[1], int):
        section, index = parts[0], parts[1]
        entries = (draft.rules if section == "rules" else draft.playlists) if draft else []
        name = entries[index]["name"].strip() if index < len(entries) else ""
        if section == "rules":
            words.append(tr("console.editor", "rule {number} “{name}”", number=index + 1, name=name) if name
                         else tr("console.editor", "rule {number}", number=index + 1))
        else:
            words.append(tr("console.editor", "playlist {number} “{name}”", number=index + 1, name=name) if name
                         else tr("console.editor", "playlist {number}", number=index + 1))
        parts = parts[2:]
    for part in parts:
        if isinstance(part, int):
            words.append(tr("console.editor", "entry {number}", number=part + 1))
        else:
            words.append(tr("console.editor", _LABELS[part]) if part in _LABELS else str(part))
    return ", ".join(words) or the_document()


def the_document() -> str:
    """Where a problem is when no field shows it (also what the page and its script compare with)."""
    return tr("console.editor", "the document")


def draft_problems(lines: list[str], group: str, draft: Draft | None) -> list[FieldProblem]:
    """The check's problem lines (`release of group G:LINE: path: message`) placed at the form's fields."""
    source = f"release of group {group}"
    placed = []
    for line in lines:
        number = None
        rest = line
        if line.startswith(source + ":"):
            rest = line[len(source) + 1:]
            head, _, tail = rest.partition(": ")
            if head.isdigit():
                number, rest = int(head), tail
            else:
                rest = rest.lstrip()
        found = _PATH.match(rest)
        path = _path_of(found.group(1)) if found and found.group(1).split(".")[0].split("[")[0] in DOCUMENT_KEYS else ()
        message = found.group(2) if path else rest
        placed.append(FieldProblem(field_of(path, draft), path_in_words(path, draft) if path else the_document(),
                                   message, number))
    return placed


def _problems_by_field(problems: list[FieldProblem]) -> tuple[dict[str, list[FieldProblem]], list[FieldProblem]]:
    by_field: dict[str, list[FieldProblem]] = {}
    top = []
    for problem in problems:
        if problem.field is None:
            top.append(problem)
        else:
            by_field.setdefault(problem.field, []).append(problem)
    return by_field, top


# ---- reading releases -------------------------------------------------------------------


async def _releases(db: psycopg.AsyncConnection, group: dict) -> list[dict]:
    """The group's releases, newest first, with their YAML (stored as written, or dumped from the document)."""
    async with db.cursor(row_factory=dict_row) as cursor:
        await cursor.execute(
            "SELECT release_id, version, note, created_by, created_at, document, document_yaml, content,"
            " CASE WHEN release_id = %(canary)s THEN 'canary' WHEN release_id = %(current)s THEN 'all'"
            " ELSE 'not_out' END AS stage FROM releases WHERE group_id = %(group)s ORDER BY version DESC",
            {"group": group["group_id"], "canary": group["canary_release_id"], "current": group["current_release_id"]},
        )
        rows = await cursor.fetchall()
    for row in rows:
        if not row["document_yaml"].strip():
            row["document_yaml"] = _canonical(row)
    return rows


def _decoded(row: dict) -> RuleDocument:
    """A stored release's document as the kiosk decodes it (a section left out means none)."""
    problems: list[Problem] = []
    document = decode_document({"playlists": [], "rules": [], **row["document"]}, problems)
    if problems:  # stored releases passed validation: a hand-edited row
        raise ApiError(500, "bad_release", tr("console.releases", "Release version {version} does not decode: {problem}",
                                              version=row["version"], problem=problems[0]))
    return document


def _canonical(row: dict) -> str:
    """A stored release's document as `dump_document` writes it."""
    return dump_document(_decoded(row))


def _canonical_text(text: str) -> str:
    """A draft's YAML as `dump_document` writes it when it reads, else as it is."""
    try:
        return dump_document(parse_document(text))
    except ValidationError:
        return text


def _release_of(rows: list[dict], version: object, group: str) -> dict:
    for row in rows:
        if str(row["version"]) == str(version):
            return row
    raise not_found(tr("console.releases", "group {group} has no release version {version}; its versions are listed on"
                       " its page.", group=group, version=str(version)[:20]))


def who(actor: str) -> str:
    """'user:ana' -> 'ana' (how the audit log names a person, as the console shows it)."""
    return actor.split(":", 1)[1] if actor.startswith("user:") else actor


def diff_lines(old_text: str, new_text: str, old_label: str, new_label: str) -> list[tuple[str, str]]:
    """(css class, line) of a unified diff: 'add', 'del', 'hunk' or ''."""
    lines = []
    for line in difflib.unified_diff(old_text.splitlines(), new_text.splitlines(), old_label, new_label, lineterm=""):
        kind = "hunk" if line.startswith("@@") else "add" if line.startswith("+") else "del" if line.startswith("-") else ""
        if line.startswith(("+++", "---")):
            kind = "head"
        lines.append((kind, line))
    return lines


def _values(**values) -> dict:
    return {"who": who, "when_text": when_text, "choices": CHOICES, "the_document": the_document(), **values}


# ---- pages: groups and releases ------------------------------------------------------------


@router.get("/releases")
async def releases_page(request: Request, person: Person = Depends(page_person("viewer")),
                        db: psycopg.AsyncConnection = Depends(connection)) -> Response:
    """Every store group with its current and canary release."""
    groups = (await list_groups(person, db))["groups"]
    return render(request, "releases.html", person, **_values(groups=groups))


@router.get("/groups/{group}")
async def group_page(request: Request, group: str, person: Person = Depends(page_person("viewer")),
                     db: psycopg.AsyncConnection = Depends(connection)) -> Response:
    """The group's releases, newest first, with their stage."""
    row = await fetch_group(db, group)
    listed = (await list_releases(group, person, db))["releases"]
    return render(request, "group.html", person, **_values(group=row, releases=listed, state=await group_state(db, row["group_id"])))


@router.get("/groups/{group}/releases/{version}")
async def release_page(request: Request, group: str, version: str, person: Person = Depends(page_person("viewer")),
                       db: psycopg.AsyncConnection = Depends(connection)) -> Response:
    """One release: its rules and playlists as tables, its YAML, its rollout."""
    row = await fetch_group(db, group)
    rows = await _releases(db, row)
    release = _release_of(rows, version, group)
    document = _decoded(release)
    status = await rollout_status(db, release["release_id"])
    return render(request, "release.html", person, **_values(
        group=row, release=release, document=document, status=status, versions=[r["version"] for r in rows]))


@router.get("/groups/{group}/diff")
async def diff_page(request: Request, group: str, old: str | None = None, new: str | None = None,
                    person: Person = Depends(page_person("viewer")), db: psycopg.AsyncConnection = Depends(connection)) -> Response:
    """Two releases of the group, line by line (default: the newest against the one before)."""
    row = await fetch_group(db, group)
    rows = await _releases(db, row)
    if not rows:
        return render(request, "release_diff.html", person, **_values(group=row, rows=rows, lines=None, old=None, new=None))
    newer = _release_of(rows, new, group) if new else rows[0]
    older = _release_of(rows, old, group) if old else (rows[1] if len(rows) > 1 else rows[0])
    # The documents as the kiosk reads them (dumped from what is stored), so layout and comments add no noise.
    lines = diff_lines(_canonical(older), _canonical(newer), tr("console.releases", "version {version}", version=older["version"]),
                       tr("console.releases", "version {version}", version=newer["version"]))
    return render(request, "release_diff.html", person, **_values(group=row, rows=rows, lines=lines, old=older, new=newer))


# ---- the editor -----------------------------------------------------------------------------


@dataclass
class EditorState:
    """Everything the editor page shows."""

    draft: Draft
    yaml_text: str
    source: str  # form | yaml: which one is checked and saved
    base_version: int
    note: str = ""
    problems: list[FieldProblem] = field(default_factory=list)
    stale: dict | None = None  # the newest release, when the save was based on an older one
    stale_diff: list[tuple[str, str]] = field(default_factory=list)
    note_problem: str | None = None
    checked: bool = False  # the draft was checked and has no problems


async def _library_names(db: psycopg.AsyncConnection) -> list[str]:
    return [row[0] for row in await (await db.execute("SELECT name FROM library_items ORDER BY name")).fetchall()]


async def _render_editor(request: Request, person: Person, db: psycopg.AsyncConnection, group: dict, state: EditorState,
                         status_code: int = 200) -> Response:
    by_field, top = _problems_by_field(state.problems)
    if state.source == "yaml":  # the YAML's problems are shown at the YAML, with their lines
        by_field, top = {_YAML_FIELD: state.problems} if state.problems else {}, []
    return render(request, "release_editor.html", person, status_code=status_code, **_values(
        group=group, state=state, by_field=by_field, top=top, library=await _library_names(db),
        playlist_names=[p["name"] for p in state.draft.playlists if p["name"].strip()]))


@router.get("/groups/{group}/edit")
async def editor_page(request: Request, group: str, person: Person = Depends(page_person("editor")),
                      db: psycopg.AsyncConnection = Depends(connection)) -> Response:
    """The group's next release, starting from its newest release (or an empty document)."""
    row = await fetch_group(db, group)
    rows = await _releases(db, row)
    if rows:
        newest = rows[0]
        state = EditorState(draft_from_document(newest["document"]), newest["document_yaml"], "form", newest["version"])
    else:
        empty = Draft()
        state = EditorState(empty, draft_yaml(empty), "form", 0)
    return await _render_editor(request, person, db, row, state)


def _state_from_form(form: FormData) -> EditorState:
    draft = draft_from_form(form)
    source = "yaml" if form.get("source") == "yaml" or draft is None else "form"
    try:
        base = int(form.get("base_version") or 0)
    except ValueError:
        base = 0
    yaml_text = str(form.get(_YAML_FIELD) or "").replace("\r\n", "\n")
    if draft is None:  # only the YAML was sent (the form was greyed out): show it in the form when it reads
        try:
            draft = draft_from_document(document_to_dict(parse_document(yaml_text)))
        except ValidationError:
            draft = Draft()
    return EditorState(draft, yaml_text, source, base, note=str(form.get("note") or ""))


async def _check(db: psycopg.AsyncConnection, group: dict, state: EditorState) -> tuple[RuleDocument, list[str], list[dict]]:
    """Check the draft's chosen side (the form's YAML is written afresh from its fields)."""
    if state.source == "form":
        state.yaml_text = draft_yaml(state.draft)
    document, lines, content = await check_release(db, group["name"], state.yaml_text)
    state.problems = draft_problems(lines, group["name"], state.draft if state.source == "form" else None)
    return document, lines, content


@router.post("/groups/{group}/validate")
async def validate_draft(request: Request, group: str, person: Person = Depends(page_person("editor")),
                         db: psycopg.AsyncConnection = Depends(connection)) -> Response:
    """Live validation (static/releases.js): the draft's problems by field, and the form's YAML."""
    form = await checked_form(request)
    row = await fetch_group(db, group)
    state = _state_from_form(form)
    await _check(db, row, state)
    return JSONResponse({"source": state.source, "ok": not state.problems,
                         "problems": [problem.to_json() for problem in state.problems],
                         "yaml": state.yaml_text if state.source == "form" else None})


@router.post("/groups/{group}/edit")
async def editor_post(request: Request, group: str, person: Person = Depends(page_person("editor")),
                      db: psycopg.AsyncConnection = Depends(connection)) -> Response:
    """The editor's buttons: add or remove a rule or playlist, load the YAML into the form, check, keep my draft, save."""
    form = await checked_form(request)
    row = await fetch_group(db, group)
    state = _state_from_form(form)
    action = str(form.get("action") or "check")
    if action == "add-rule":
        first = state.draft.playlists[0]["name"] if state.draft.playlists else ""
        state.draft.rules.append(draft_from_document({"rules": [{"name": "", "playlist": first}]}).rules[0])
        state.source = "form"
    elif action == "add-playlist":
        state.draft.playlists.append({"name": "", "loop": "loop", "items": "", "note": ""})
        state.source = "form"
    elif action.startswith(("remove-rule-", "remove-playlist-")):
        entries = state.draft.rules if action.startswith("remove-rule-") else state.draft.playlists
        tail = action.rsplit("-", 1)[1]
        index = int(tail) if tail.isdigit() else -1
        if 0 <= index < len(entries):
            entries.pop(index)
        state.source = "form"
    elif action == "load-yaml":
        document, lines, _ = await check_release(db, row["name"], state.yaml_text)
        if lines:
            state.source = "yaml"
            state.problems = draft_problems(lines, row["name"], None)
            return await _render_editor(request, person, db, row, state, status_code=422)
        state.draft, state.source = draft_from_document(document_to_dict(document)), "form"
    elif action == "rebase":  # keep my draft, now knowingly based on the newest version
        rows = await _releases(db, row)
        state.base_version = rows[0]["version"] if rows else 0
    elif action == "save":
        return await _save(request, person, db, row, state)
    if state.source == "form":
        state.yaml_text = draft_yaml(state.draft)
    if action in ("check", "rebase"):
        await _check(db, row, state)
        state.checked = not state.problems
        return await _render_editor(request, person, db, row, state, status_code=422 if state.problems else 200)
    return await _render_editor(request, person, db, row, state)


async def _save(request: Request, person: Person, db: psycopg.AsyncConnection, group: dict, state: EditorState) -> Response:
    """Save through the API's own `add_release` (the same checks, the same audit row), or show why not."""
    if state.source == "form":
        state.yaml_text = draft_yaml(state.draft)
    if len(state.note) > MAX_NOTE_CHARS:
        state.note_problem = tr("console.editor", "The note has {count} characters; keep it to {limit}.",
                                count=f"{len(state.note):,}", limit=f"{MAX_NOTE_CHARS:,}")
        return await _render_editor(request, person, db, group, state, status_code=400)
    try:
        body = NewRelease(document_yaml=state.yaml_text, note=state.note, base_version=state.base_version)
    except BodyError as error:  # a NUL or a lone surrogate: text PostgreSQL cannot keep
        state.problems = [FieldProblem(None, the_document(), error.errors()[0]["msg"].removeprefix("Value error, "))]
        return await _render_editor(request, person, db, group, state, status_code=400)
    try:
        made = await add_release(group["name"], body, person, db)
    except ApiError as error:
        if error.code == "invalid_release":
            state.problems = draft_problems(error.reason.splitlines(), group["name"],
                                            state.draft if state.source == "form" else None)
            return await _render_editor(request, person, db, group, state, status_code=422)
        if error.code == "stale_base":
            rows = await _releases(db, group)
            state.stale = rows[0]
            state.stale_diff = diff_lines(_canonical(rows[0]), _canonical_text(state.yaml_text),
                                          tr("console.editor", "version {version} (saved by {person})",
                                             version=rows[0]["version"], person=who(rows[0]["created_by"])),
                                          tr("console.editor", "your draft"))
            return await _render_editor(request, person, db, group, state, status_code=409)
        raise
    log.info("console: %s saved version %d of group %s", person.actor, made["version"], group["name"])
    return redirect(f"/groups/{group['name']}/releases/{made['version']}",
                    Flash(tr("console.editor", "Saved version {version} of {group}. It is not out yet: roll it out when ready.",
                             version=made["version"], group=group["name"])))


# ---- the simulator ---------------------------------------------------------------------------


@dataclass
class Audience:
    """The simulator's audience, as `signage rules simulate` takes it (text as typed, for the form)."""

    age_group: str = ""
    attire: str = Attire.UNKNOWN.value
    gender: str = Gender.UNKNOWN.value
    group_size: str = "1"
    dwell_s: str = "5"
    confidence: str = "1"
    at: str = ""
    minor_present: bool = False
    no_signal: bool = False
    gender_targeting: bool = False

    @classmethod
    def of(cls, values) -> Audience:
        """From query parameters or a form."""
        texts = {key: str(values.get(key) or "").strip() for key in ("age_group", "attire", "gender", "group_size",
                                                                     "dwell_s", "confidence", "at")}
        default = cls()
        return cls(**{key: value or getattr(default, key) for key, value in texts.items()},
                   **{key: values.get(key) is not None for key in ("minor_present", "no_signal", "gender_targeting")})

    def checked(self) -> tuple[SimulatedAudience | None, dt.datetime | None, dict[str, str]]:
        """(the audience, the time, problems by field); the same limits as the CLI's options."""
        problems: dict[str, str] = {}

        def member(kind, key, empty_ok=False):
            text = getattr(self, key)
            if empty_ok and not text:
                return None
            try:
                return kind(text)
            except ValueError:
                problems[key] = tr("console.simulator", "Unknown value {value}; choose one of the list.", value=repr(text[:40]))
                return None

        def number(key, kind, low, high=None, expected=""):
            try:
                value = kind(getattr(self, key))
                if not math.isfinite(value) or value < low or (high is not None and value > high):
                    raise ValueError
                return value
            except ValueError:
                problems[key] = tr("console.simulator", "Expected {expected}, got {value}.", expected=expected,
                                   value=repr(getattr(self, key)[:40]))
                return None

        age = member(AgeGroup, "age_group", empty_ok=True)
        attire, gender = member(Attire, "attire"), member(Gender, "gender")
        size = number("group_size", int, 0, expected=tr("console.simulator", "a whole number of people, 0 or more"))
        dwell = number("dwell_s", float, 0.0, expected=tr("console.simulator", "seconds, 0 or more"))
        confidence = number("confidence", float, 0.0, 1.0, expected=tr("console.simulator", "a number from 0 to 1"))
        when = None
        if self.at:
            try:
                when = parse_local_time(self.at)
                self.at = when.strftime("%Y-%m-%d %H:%M")
            except ValueError as error:
                problems["at"] = as_sentence(str(error))
        if problems:
            return None, None, problems
        audience = SimulatedAudience(age_group=age, attire=attire, group_size=size, dwell_s=dwell, gender=gender,
                                     confidence=confidence, minor_present=self.minor_present, no_signal=self.no_signal)
        return audience, when, problems


def rulebook(document: RuleDocument, content: list[dict]) -> RuleBook:
    """The book a kiosk running this release decides from: its rules and playlists, its content snapshot."""
    items = {}
    for entry in content:
        items[entry["name"]] = ContentItem(
            name=entry["name"], kind=ContentKind(entry.get("kind") or "image"), title=entry.get("title") or entry["name"],
            duration_s=float(entry.get("duration_s") or 1.0), tags=tuple(entry.get("tags") or ()),
            valid_from=dt.date.fromisoformat(entry["valid_from"]) if entry.get("valid_from") else None,
            valid_until=dt.date.fromisoformat(entry["valid_until"]) if entry.get("valid_until") else None,
            age_restricted=bool(entry.get("age_restricted")),
        )
    return RuleBook(rules=document.rules or (), playlists={p.name: p for p in document.playlists or ()},
                    content=items, default_playlist=document.default_playlist)


async def _simulate(request: Request, person: Person, db: psycopg.AsyncConnection, group: str, values,
                    draft_text: str | None) -> Response:
    row = await fetch_group(db, group)
    rows = await _releases(db, row)
    audience_form = Audience.of(values)
    chosen = str(values.get("release") or ("draft" if draft_text is not None else (rows[0]["version"] if rows else "")))
    audience, when, problems = audience_form.checked()
    decision = book = None
    draft_problems_found: list[FieldProblem] = []
    if chosen == "draft" and draft_text is not None:
        document, lines, content = await check_release(db, row["name"], draft_text)
        draft_problems_found = draft_problems(lines, row["name"], None)
        book = None if lines else rulebook(document, content)
    elif rows and chosen:
        release = _release_of(rows, chosen, group)
        book = rulebook(_decoded(release), release["content"])
    settings = DecisionSettings(gender_targeting=audience_form.gender_targeting)
    if when is None and not problems:
        # Like the CLI without --at: the server's local time, to the minute.
        when = dt.datetime.now().replace(second=0, microsecond=0)
        audience_form.at = when.strftime("%Y-%m-%d %H:%M")
    if book is not None and audience is not None:
        decision = simulate_decision(book, audience.view(settings), when, settings)
    status = 400 if problems else 422 if draft_problems_found else 200
    return render(request, "release_simulator.html", person, status_code=status, **_values(
        group=row, rows=rows, chosen=chosen, audience=audience_form, problems=problems, decision=decision, when=when,
        draft_text=draft_text, draft_problems=draft_problems_found,
        base_version=str(values.get("base_version") or (rows[0]["version"] if rows else 0))))


@router.get("/groups/{group}/simulate")
async def simulator_page(request: Request, group: str, person: Person = Depends(page_person("viewer")),
                         db: psycopg.AsyncConnection = Depends(connection)) -> Response:
    """What would play for an audience at a time with one of the group's releases, and why."""
    return await _simulate(request, person, db, group, request.query_params, None)


@router.post("/groups/{group}/simulate")
async def simulate_draft(request: Request, group: str, person: Person = Depends(page_person("editor")),
                         db: psycopg.AsyncConnection = Depends(connection)) -> Response:
    """The simulator on the editor's draft (its form's YAML, or its own YAML)."""
    form = await checked_form(request)
    if "rules-count" in form:  # straight from the editor: its chosen side
        state = _state_from_form(form)
        text = draft_yaml(state.draft) if state.source == "form" else state.yaml_text
    else:
        text = str(form.get(_YAML_FIELD) or "").replace("\r\n", "\n")
    return await _simulate(request, person, db, group, form, text)


# ---- the staged rollout ----------------------------------------------------------------------


async def _rollout_view(db: psycopg.AsyncConnection, group: dict) -> dict:
    rows = await _releases(db, group)
    state = await group_state(db, group["group_id"])
    statuses = []
    for release_id in (state["canary_release_id"], state["current_release_id"]):
        if release_id is not None:
            statuses.append(await rollout_status(db, release_id))
    events = statuses[0]["events"] if statuses else []
    if not statuses and rows:
        events = (await rollout_status(db, rows[0]["release_id"]))["events"]
    versions = {row["release_id"]: row["version"] for row in rows}
    events = [{**event, "at_text": when_text(dt.datetime.fromisoformat(event["at"]))} for event in events]
    groups = (await (await db.execute("SELECT name, kind FROM store_groups ORDER BY (kind = 'canary') DESC, name")).fetchall())
    return {"rows": rows, "state": state, "statuses": statuses, "events": events, "versions": versions,
            "canary_groups": groups}


def _previous_all(view: dict) -> int | None:
    """The version a rollback with no canary out goes back to: the newest older one that went to all."""
    current = view["state"]["current_version"]
    older = [view["versions"].get(event["release_id"]) for event in view["events"] if event["stage"] == "all"]
    older = [version for version in older if version is not None and current is not None and version < current]
    return max(older) if older else None


def explain_refusal(step: str, version: int | None, state: dict, reason: str) -> str:
    """A step out of order, in a sentence that says what to do instead (the server's reason otherwise)."""
    group = state["group"]
    current, canary = state["current_version"], state["canary_version"]
    if step == "rollback":
        if current is None and canary is None:
            return tr("console.rollout", "Nothing of {group} is out yet, so there is nothing to roll back.", group=group)
        if canary is None:
            return tr("console.rollout", "Version {version} is the first release of {group} that went out to all stores, so"
                      " there is no earlier one to go back to.", version=current, group=group)
    elif version is not None and version == current:
        return tr("console.rollout", "Version {version} already runs in every store of {group}; nothing to do.",
                  version=version, group=group)
    elif step == "canary":
        if version == canary:
            return tr("console.rollout", "Version {version} is already in canary; roll it out to all, or roll it back.",
                      version=version)
        if canary is not None:
            return tr("console.rollout", "Version {canary} is in canary in {canary_group} now: roll it out to all or roll it"
                      " back before trying version {version}.", canary=canary, canary_group=state["canary_group"],
                      version=version)
        if current is not None and version is not None and version < current:
            return tr("console.rollout", "Version {version} is older than version {current}, which every store runs: to go"
                      " back, use Roll back instead.", version=version, current=current)
    elif step == "all" and version != canary:
        return tr("console.rollout", "Version {version} has not been tried in a canary group yet: roll it out to a canary"
                  " group first, check it there, then roll it out to all.", version=version)
    return as_sentence(reason)


@router.get("/groups/{group}/rollout")
async def rollout_page(request: Request, group: str, version: str | None = None,
                       person: Person = Depends(page_person("viewer")), db: psycopg.AsyncConnection = Depends(connection)) -> Response:
    """The group's rollout: what runs where, kiosks targeted and running, the steps (editor)."""
    row = await fetch_group(db, group)
    view = await _rollout_view(db, row)
    return render(request, "group_rollout.html", person, **_values(group=row, chosen=version, refusal=None,
                                                                   previous_all=_previous_all(view), **view))


@router.post("/groups/{group}/rollout")
async def rollout_post(request: Request, group: str, person: Person = Depends(page_person("editor")),
                       db: psycopg.AsyncConnection = Depends(connection)) -> Response:
    """A rollout step: first a confirmation page, then (confirmed) the API's own rollout or rollback."""
    form = await checked_form(request)
    row = await fetch_group(db, group)
    view = await _rollout_view(db, row)
    step = str(form.get("step") or "")
    if step not in ("canary", "all", "rollback"):
        raise ApiError(400, "bad_request", tr("console.rollout", "Choose a step: canary, all or rollback."))
    release = _release_of(view["rows"], form.get("version"), group) if step != "rollback" else None
    canary_group = str(form.get("canary_group") or "") if step == "canary" else None
    if step == "canary" and not canary_group:
        raise ApiError(400, "bad_request", tr("console.rollout", "Choose the canary group whose stores try the release first."))
    if canary_group:
        await fetch_group(db, canary_group)  # an unknown group is a 404 page before anything is asked
    if form.get("confirmed") != "yes":
        stores = None
        if canary_group:
            stores = (await (await db.execute(
                "SELECT count(*) FROM group_stores JOIN store_groups USING (group_id) WHERE name = %s", (canary_group,)
            )).fetchone())[0]
        return render(request, "group_confirm.html", person, **_values(
            group=row, step=step, release=release, canary_group=canary_group, previous_all=_previous_all(view),
            stores=stores, **view))
    try:
        if step == "rollback":
            after = await rollback_group(group, person, db)
        else:
            after = await rollout_release(release["release_id"], RolloutStep(stage=step, canary_group=canary_group), person, db)
    except ApiError as error:
        if error.status != 409:
            raise
        refusal = explain_refusal(step, release["version"] if release else None, view["state"], error.reason)
        return render(request, "group_rollout.html", person, status_code=409, **_values(
            group=row, chosen=str(release["version"]) if release else None, refusal=refusal,
            previous_all=_previous_all(view), **view))
    if step == "canary":
        text = tr("console.rollout", "Version {version} is out in canary: the stores of {canary_group} run it now.",
                  version=release["version"], canary_group=canary_group)
    elif step == "all":
        text = tr("console.rollout", "Version {version} is out to every store of {group}.", version=release["version"],
                  group=group)
    elif view["state"]["canary_release_id"] is not None:
        text = tr("console.rollout", "Version {version} is withdrawn from canary; its stores go back to the current release.",
                  version=view["state"]["canary_version"])
    else:
        text = tr("console.rollout", "Rolled back: every store of {group} goes back to version {version}.", group=group,
                  version=after["current_version"])
    return redirect(f"/groups/{group}/rollout", Flash(text))
