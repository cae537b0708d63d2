"""Chain-wide learning over HTTP: run the learner for a store group, read and decide its suggestions.

    POST  /learning/run {"group", "from"?, "until"?, "min_lift"?, ...}   editor
    GET   /groups/{group}/suggestions[?state=accepted]                   viewer
    PATCH /groups/{group}/suggestions/{name} {"state", "edit"?}          editor
    GET   /groups/{group}/suggestions/document                           viewer (YAML)

The work is `signage.server.learning`, written for a plain (sync) psycopg connection so
the CLI, the tests and these routes share one code path. A route runs it in a worker
thread on a connection of its own: a learning run folds up to a few hundred thousand
rows in numpy (3 s of CPU for the whole of Complete Journey) and must not hold the event
loop meanwhile. The extra connection costs a few milliseconds; these are an editor's
requests, not a kiosk's. What the library refuses becomes 404 (unknown group or
suggestion) or 422 `cannot_learn` (no stores, no history, no baskets in the days asked).
"""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Callable
from typing import Literal, TypeVar

import psycopg
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import PlainTextResponse
from pydantic import Field

from foundation.errors import ConfigError, DataError, NotFoundError
from playlists.codec import format_path
from playlists.learning import LearningSettings
from signage.server import learning
from signage.server.api_common import Body, parse_day, unprocessable
from signage.server.deps import Person, require_role
from signage.server.errors import ApiError, bad_request, not_found

router = APIRouter()

viewer = require_role("viewer")
editor = require_role("editor")

_Result = TypeVar("_Result")


class LearningRunRequest(Body):
    """`POST /learning/run`: the group, the days [from, until) (dates; none: all history), thresholds."""

    group: str
    from_day: str | None = Field(default=None, alias="from")
    until: str | None = None
    # The learner's thresholds (playlists.learning.LearningSettings); left out: its defaults.
    min_lift: float | None = None
    min_support: float | None = None
    min_context_baskets: int | None = None
    min_category_baskets: int | None = None


class SuggestionEdit(Body):
    """Changes to a suggestion accepted with them (`learning.EDITABLE_FIELDS`); a field left out stays."""

    playlist: str | None = None
    priority: int | None = None
    time: list[str] | None = None  # ["15:00-18:00"]; []: any time
    age_groups: list[str] | None = None  # ["teen"]; []: any age


class SuggestionState(Body):
    state: Literal["suggested", "accepted", "rejected"]
    edit: SuggestionEdit | None = None  # only with "accepted": accept the suggestion with these changes


async def _with_connection(request: Request, work: Callable[[psycopg.Connection], _Result]) -> _Result:
    """Run `work(connection)` in a worker thread on a connection of its own; library errors -> 404/422."""
    dsn = request.app.state.settings.dsn

    def run() -> _Result:
        with psycopg.connect(dsn, autocommit=True, connect_timeout=10) as conn:
            return work(conn)

    try:
        return await asyncio.to_thread(run)
    except NotFoundError as error:
        raise not_found(str(error)) from None
    except (DataError, ConfigError) as error:
        raise unprocessable("cannot_learn", str(error)) from None


def _settings(body: LearningRunRequest) -> LearningSettings:
    overrides = {
        key: getattr(body, key)
        for key in ("min_lift", "min_support", "min_context_baskets", "min_category_baskets")
        if getattr(body, key) is not None
    }
    settings = dataclasses.replace(LearningSettings(), **overrides)
    try:
        settings.check("body")
    except ConfigError as error:
        raise bad_request(str(error)) from None
    return settings


@router.post("/learning/run")
async def run_learning(body: LearningRunRequest, request: Request, person: Person = Depends(editor)) -> dict:
    """Learn from the purchase history of the group's stores; its suggestions are stored and returned."""
    from_day, until_day = parse_day(body.from_day, "from"), parse_day(body.until, "until")
    settings = _settings(body)
    run = await _with_connection(
        request, lambda conn: learning.learn_for_group(conn, body.group, from_day, until_day, settings, actor=person.actor)
    )
    return run.to_json()


@router.get("/groups/{group}/suggestions")
async def list_suggestions(
    group: str,
    request: Request,
    state: Literal["suggested", "accepted", "rejected"] | None = Query(default=None),
    person: Person = Depends(viewer),
) -> dict:
    """The group's suggestions with the numbers behind each, the highest lift first, and its latest run."""

    def read(conn: psycopg.Connection) -> dict:
        return {
            "group": group,
            "latest_run": learning.latest_run(conn, group),
            "suggestions": [s.to_json() for s in learning.group_suggestions(conn, group, state)],
        }

    return await _with_connection(request, read)


@router.patch("/groups/{group}/suggestions/{name}")
async def decide_suggestion(group: str, name: str, body: SuggestionState, request: Request,
                            person: Person = Depends(editor)) -> dict:
    """Accept or reject a suggestion (or put it back to suggested), or accept it edited; the audit log records it.

    An edit that makes no valid rule is 422 `invalid_rule`: the reason lists every
    problem, and `problems` gives each as {"field": "when.time", "message"}.
    """
    if body.edit is None:
        changed = await _with_connection(
            request, lambda conn: learning.set_suggestion_state(conn, group, name, body.state, actor=person.actor)
        )
        return changed.to_json()
    if body.state != "accepted":
        raise bad_request(f"edit: only an accepted suggestion is edited, not a {body.state} one")
    edit = {key: getattr(body.edit, key) for key in body.edit.model_fields_set}
    try:
        changed = await _with_connection(
            request, lambda conn: learning.accept_edited_suggestion(conn, group, name, edit, actor=person.actor)
        )
    except learning.SuggestionEditError as error:
        raise ApiError(422, "invalid_rule", "\n".join(error.problems), problems=[
            {"field": format_path(problem.path), "message": problem.message} for problem in error.fields
        ]) from None
    return changed.to_json()


@router.get("/groups/{group}/suggestions/document", response_class=PlainTextResponse)
async def suggestions_document(group: str, request: Request, person: Person = Depends(viewer)) -> PlainTextResponse:
    """The group's current release with its accepted suggestions as enabled rules, as YAML for a new release."""
    text = await _with_connection(request, lambda conn: learning.release_document_yaml(conn, group))
    return PlainTextResponse(text, media_type="application/yaml")
