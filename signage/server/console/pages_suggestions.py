"""The console's suggestions: chain-wide learning per store group, in plain sentences, accepted or rejected.

- `GET /suggestions?group=` (viewer): every group with its suggestions counted; for the
  group chosen, its last learning run and each suggestion as the kiosk says it
  (`playlists.learning.suggestion_sentence`), the numbers behind it explained in words,
  and what the rule would do.
- `POST /suggestions/learn` (editor): learn again for a group (`POST /api/v1/learning/run`'s
  handler: the same checks, thresholds and audit row); the outcome in a sentence.
- `POST /suggestions/decide` (editor): accept, reject, or put back to suggested (the
  API's `PATCH /groups/{group}/suggestions/{name}` handler).
- `GET|POST /suggestions/edit?group=&name=` (editor): accept with changes to the playlist,
  priority, time windows and age groups, checked as every rule is
  (`learning.accept_edited_suggestion`, through the same API handler); each problem is
  shown next to its field and nothing is stored until the rule is right.
- `GET /suggestions/document?group=` (viewer): the rules the group's next release gets.

Group and suggestion names travel as query or form fields, not path segments: a name
may hold any printable character, a slash too. Accepted suggestions go into the group's
next release, made on the group's releases page (`/console/groups/{group}`).
"""

from __future__ import annotations

import logging
import urllib.parse

import psycopg
import pydantic
from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from audience.types import AgeGroup
from playlists.codec import rule_from_dict
from playlists.learning import (
    LearningSettings,
    suggestion_category,
    suggestion_sentence,
)
from playlists.model import RuleOrigin
from signage.server import learning
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
from signage.server.console.words import age_words, conditions_words
from signage.server.deps import Person, connection
from signage.server.errors import ApiError
from signage.server.routes_learning import (
    LearningRunRequest,
    SuggestionEdit,
    SuggestionState,
    _with_connection,  # the learning routes' worker thread and error mapping, for one read they lack
    decide_suggestion,
    list_suggestions,
    run_learning,
    suggestions_document,
)

log = logging.getLogger(__name__)

__all__ = ["explain_numbers", "router"]

router = APIRouter()

SECTIONS = (  # (state, heading, what it means): translated where shown
    ("suggested", tr_noop("console.suggestions", "Waiting for a decision"),
     tr_noop("console.suggestions", "Accept one to put it in the group's next release, or reject it.")),
    ("accepted", tr_noop("console.suggestions", "Accepted"),
     tr_noop("console.suggestions", "These go into the group's next release as enabled rules.")),
    ("rejected", tr_noop("console.suggestions", "Rejected"),
     tr_noop("console.suggestions", "Learning never suggests these again (put one back to change that).")),
)
THRESHOLDS = ("min_lift", "min_support", "min_context_baskets", "min_category_baskets")
THRESHOLD_LABELS = {
    "min_lift": tr_noop("console.suggestions", "Lowest lift"),
    "min_support": tr_noop("console.suggestions", "Lowest support (share of all baskets)"),
    "min_context_baskets": tr_noop("console.suggestions", "Fewest baskets in a context"),
    "min_category_baskets": tr_noop("console.suggestions", "Fewest of them holding the category"),
}
# A rule's field (codec path) -> the edit form's field.
_FORM_FIELDS = {("playlist",): "playlist", ("priority",): "priority", ("when", "time"): "time",
                ("when", "age_groups"): "age_groups"}


def _releases_path(group: str) -> str:
    return "/groups/" + urllib.parse.quote(group, safe="")


def _group_path(group: str) -> str:
    return "/suggestions?" + urllib.parse.urlencode({"group": group})


def explain_numbers(suggestion: dict) -> str:
    """The numbers behind a suggestion in words: confidence against the average, the lift's bound, support."""
    lift, confidence = suggestion["lift"], suggestion["confidence"]
    average = confidence / lift if lift else 0.0
    category = suggestion["category"].lower()
    return tr(
        "console.suggestions",
        "Of {baskets} baskets in this context, {with_category} ({confidence}) held {category}, against {average} of all"
        " the group's baskets: {lift}x as often (the lift). With 95% confidence it is at least {lower}x. Such baskets"
        " with {category} are {support} of all baskets (the support).",
        baskets=f"{suggestion['baskets']:,.0f}", with_category=f"{suggestion['baskets_with_category']:,.0f}",
        confidence=f"{confidence:.1%}", category=category, average=f"{average:.1%}", lift=f"{lift:.1f}",
        lower=f"{suggestion['lift_lower_95']:.1f}", support=f"{suggestion['support']:.2%}",
    )


def _view(suggestion: dict) -> dict:
    """What a suggestion card shows."""
    rule = rule_from_dict(suggestion["rule"], f"suggestion {suggestion['name']!r}")
    edited = rule.origin is RuleOrigin.LEARNED_EDITED
    return {
        **suggestion,
        # The kiosk's sentence; for an edited rule it quotes the finding as learned and says what the rule does now.
        "headline": suggestion_sentence(rule),
        "explanation": explain_numbers(suggestion),
        "does": tr("console.suggestions", "Plays {playlist} at priority {priority} when: {conditions}.",
                   playlist=rule.playlist, priority=rule.priority, conditions=conditions_words(rule.conditions)),
        "edited": edited,
        "category_name": suggestion_category(rule) or suggestion["category"],
    }


async def _overview(db: psycopg.AsyncConnection) -> list[dict]:
    """Every group with its stores and suggestions counted, and when it last learned."""
    rows = await (await db.execute(
        "SELECT g.name,"
        " (SELECT count(*) FROM group_stores gs WHERE gs.group_id = g.group_id),"
        " count(s.name) FILTER (WHERE s.state = 'suggested'), count(s.name) FILTER (WHERE s.state = 'accepted'),"
        " count(s.name) FILTER (WHERE s.state = 'rejected'),"
        " (SELECT max(run_at) FROM learning_runs r WHERE r.group_id = g.group_id)"
        " FROM store_groups g LEFT JOIN group_suggestions s USING (group_id) GROUP BY g.group_id ORDER BY g.name"
    )).fetchall()
    return [{"name": name, "stores": stores, "suggested": suggested, "accepted": accepted, "rejected": rejected,
             "learned_at": learned_at} for name, stores, suggested, accepted, rejected, learned_at in rows]


async def _group_suggestions(request: Request, group: str, person: Person) -> dict:
    """The API's answer for the group; an unknown group is a 404 page in a sentence."""
    try:
        return await list_suggestions(group, request, None, person)
    except ApiError as error:
        if error.status == 404:
            raise ApiError(404, "not_found", as_sentence(error.reason) + " Choose a group from the list.") from None
        raise


async def _page(request: Request, person: Person, db: psycopg.AsyncConnection, group: str | None, *,
                status_code: int = 200, learn_problems: dict | None = None, learn_values: dict | None = None) -> Response:
    groups = await _overview(db)
    listed = await _group_suggestions(request, group, person) if group else None
    sections = []
    if listed:
        views = [_view(s) for s in listed["suggestions"]]
        sections = [{"state": state, "heading": tr("console.suggestions", heading), "meaning": tr("console.suggestions", meaning),
                     "suggestions": [v for v in views if v["state"] == state]} for state, heading, meaning in SECTIONS]
    defaults = LearningSettings()
    return render(
        request, "suggestions.html", person, status_code=status_code, groups=groups, group=group, listed=listed,
        sections=sections, releases_path=_releases_path(group) if group else None,
        thresholds=[(key, tr("console.suggestions", THRESHOLD_LABELS[key]), getattr(defaults, key)) for key in THRESHOLDS],
        learn_problems=learn_problems or {}, learn_values=learn_values or {},
    )


@router.get("/suggestions")
async def suggestions_page(request: Request, group: str | None = None, person: Person = Depends(page_person("viewer")),
                           db: psycopg.AsyncConnection = Depends(connection)) -> Response:
    """Every group's suggestions counted; the chosen group's in sentences with their numbers."""
    return await _page(request, person, db, (group or "").strip() or None)


@router.post("/suggestions/learn")
async def learn(request: Request, person: Person = Depends(page_person("editor")),
                db: psycopg.AsyncConnection = Depends(connection)) -> Response:
    """Learn for a group from its stores' purchase history (the API's handler); back with what changed."""
    form = await checked_form(request)
    group = str(form.get("group") or "").strip()
    values = {key: str(form.get(key) or "").strip() for key in ("from", "until", *THRESHOLDS)}
    problems: dict[str, str] = {}
    body: dict[str, object] = {"group": group}
    for key in ("from", "until"):
        if values[key]:
            body[key] = values[key]
    for key in THRESHOLDS:
        if values[key]:
            kind = int if key.endswith("baskets") else float
            try:
                body[key] = kind(values[key])
            except ValueError:
                problems[key] = (tr("console.suggestions", "{value} is not a whole number; correct it or leave it empty.",
                                    value=repr(values[key][:40])) if kind is int else
                                 tr("console.suggestions", "{value} is not a number; correct it or leave it empty.",
                                    value=repr(values[key][:40])))
    if not problems:
        try:
            run = await run_learning(LearningRunRequest.model_validate(body), request, person)
        except pydantic.ValidationError as error:  # text PostgreSQL cannot store (a NUL)
            problems["learn"] = as_sentence(error.errors()[0]["msg"])
        except ApiError as error:
            if error.status == 404:
                raise
            field = next((key for key in ("from", "until", *THRESHOLDS) if error.reason.startswith(f"{key}:")
                          or f".{key}" in error.reason.split(":")[0]), "learn")
            problems[field] = as_sentence(error.reason)
        else:
            return redirect(_group_path(group), Flash(_run_sentence(run), "ok"))
    return await _page(request, person, db, group, status_code=422 if "learn" in problems else 400,
                       learn_problems=problems, learn_values=values)


def _run_sentence(run: dict) -> str:
    """What a learning run did, in one or two sentences."""
    # One sentence, its counted nouns as fields ("1 basket", "3 stores"): each has its plural forms.
    text = tr("console.suggestions", "Learned from {baskets} of {stores}: {added}, {updated} refreshed, {rejected} not"
              " suggested again, {removed} no longer supported removed.",
              baskets=tr("console.suggestions", "%n baskets", n=run["baskets"]),
              stores=tr("console.suggestions", "%n stores", n=len(run["stores"])),
              added=tr("console.suggestions", "%n new suggestions", n=len(run["added"])),
              updated=f"{len(run['updated']):,}",
              rejected=tr("console.suggestions", "%n rejected ones", n=len(run["skipped_rejected"])),
              removed=f"{len(run['removed_stale']):,}")
    if run["release_version"] is None:
        text += " " + tr("console.suggestions", "The group has no release yet, so no finding became a rule: make a release"
                         " with playlists first.")
    elif run["stores_without_history"]:
        text += " " + tr("console.suggestions", "%n stores have no purchase history.", n=len(run["stores_without_history"]))
    return text


@router.post("/suggestions/decide")
async def decide(request: Request, person: Person = Depends(page_person("editor")),
                 db: psycopg.AsyncConnection = Depends(connection)) -> Response:
    """Accept, reject, or put back a suggestion (the API's handler: the same state change and audit row)."""
    form = await checked_form(request)
    group, name, state = (str(form.get(key) or "") for key in ("group", "name", "state"))
    if state not in ("accepted", "rejected", "suggested"):
        raise ApiError(400, "bad_request", tr("console.suggestions", "A suggestion is accepted, rejected or put back, not"
                                              " {state}; use the buttons on the page.", state=repr(state[:40])))
    try:
        await decide_suggestion(group, name, SuggestionState(state=state), request, person)
    except ApiError as error:
        return redirect(_group_path(group), Flash(as_sentence(error.reason), "error"))
    log.info("console: %s set suggestion %r of group %r to %s", person.actor, name, group, state)
    if state == "accepted":
        text = tr("console.suggestions", "Accepted {name}: it goes into group {group}'s next release; make that release on"
                  " the releases page.", name=name, group=group)
    elif state == "rejected":
        text = tr("console.suggestions", "Rejected {name}: learning will not suggest it again.", name=name)
    else:
        text = tr("console.suggestions", "{name} is waiting for a decision again.", name=name)
    return redirect(_group_path(group), Flash(text, "ok"))


async def _edit_page(request: Request, person: Person, group: str, name: str, *, values: dict | None = None,
                     problems: dict | None = None, status_code: int = 200) -> Response:
    listed = await _group_suggestions(request, group, person)
    found = next((s for s in listed["suggestions"] if s["name"] == name), None)
    if found is None:
        raise ApiError(404, "not_found", tr("console.suggestions", "Group {group} has no suggestion {name} (any more); go"
                                            " back to its suggestions.", group=group, name=repr(name)))
    view = _view(found)
    rule = rule_from_dict(found["rule"])
    playlists = (await _playlists(request, group))
    if rule.playlist not in playlists:
        playlists = (rule.playlist, *playlists)
    current = {
        "playlist": rule.playlist, "priority": str(rule.priority),
        "time": ", ".join(window.label() for window in rule.conditions.time_windows),
        "age_groups": [group_.value for group_ in rule.conditions.age_groups],
    }
    return render(request, "suggestion_edit.html", person, status_code=status_code, group=group, suggestion=view,
                  playlists=playlists, values=values or current, problems=problems or {},
                  age_groups=[(g.value, age_words(g)) for g in AgeGroup], back=_group_path(group))


async def _playlists(request: Request, group: str) -> tuple[str, ...]:
    """The playlists the group's release has (the edit form's choices), read as the API's routes read."""
    return (await _with_connection(request, lambda conn: learning.group_playlists(conn, group)))[1]


@router.get("/suggestions/edit")
async def edit_page(request: Request, group: str = "", name: str = "",
                    person: Person = Depends(page_person("editor"))) -> Response:
    """The form to accept a suggestion with changes."""
    return await _edit_page(request, person, group, name)


@router.post("/suggestions/edit")
async def accept_edited(request: Request, person: Person = Depends(page_person("editor"))) -> Response:
    """Accept with the changes, checked as every rule is; the problems next to their fields otherwise."""
    form = await checked_form(request)
    group, name = str(form.get("group") or ""), str(form.get("name") or "")
    values = {
        "playlist": str(form.get("playlist") or "").strip(),
        "priority": str(form.get("priority") or "").strip(),
        "time": str(form.get("time") or "").strip(),
        "age_groups": [str(value) for value in form.getlist("age_groups")],
    }
    priority: object = values["priority"]
    try:
        priority = int(values["priority"])
    except ValueError:
        pass  # the rule's check says what is wrong with it, in the words every rule gets
    # Not validated here on purpose: the form's text goes to the one check every rule passes
    # (the API's handler -> learning.accept_edited_suggestion -> playlists.codec.decode_rule).
    edit = SuggestionEdit.model_construct(playlist=values["playlist"], priority=priority, time=values["time"],
                                          age_groups=values["age_groups"])
    try:
        await decide_suggestion(group, name, SuggestionState.model_construct(state="accepted", edit=edit), request, person)
    except ApiError as error:
        if error.code != "invalid_rule":
            if error.status == 404:
                raise
            return await _edit_page(request, person, group, name, values=values, status_code=error.status,
                                    problems={"general": as_sentence(error.reason)})
        problems: dict[str, str] = {}
        for problem in error.extra.get("problems", ()):
            path = tuple(problem["field"].split("."))
            field = _FORM_FIELDS.get(path, "general")
            problems[field] = " ".join(filter(None, [problems.get(field), as_sentence(problem["message"])]))
        return await _edit_page(request, person, group, name, values=values, problems=problems, status_code=400)
    log.info("console: %s accepted suggestion %r of group %r with changes", person.actor, name, group)
    return redirect(_group_path(group), Flash(
        tr("console.suggestions", "Accepted {name} with your changes: it is yours now (re-learning leaves it alone) and"
           " goes into group {group}'s next release.", name=name, group=group), "ok"))


@router.get("/suggestions/document")
async def next_release_rules(request: Request, group: str = "", person: Person = Depends(page_person("viewer"))) -> Response:
    """The group's current release with its accepted suggestions as enabled rules (the API's YAML)."""
    await _group_suggestions(request, group, person)  # an unknown group: the 404 page in a sentence
    text = (await suggestions_document(group, request, person)).body.decode()
    return render(request, "suggestion_document.html", person, group=group, text=text, back=_group_path(group),
                  releases_path=_releases_path(group))
