"""Signing in and out of the console, and taking a kept form through a sign-in.

The sign-in form makes the same session as `POST /api/v1/login` (`start_session`, the
same wrong-password answer, the same audit row). `next` sends the person back where they
were; it must be a console path, so a link cannot bounce someone to another site.
"""

from __future__ import annotations

import json
import urllib.parse

import psycopg
from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from signage.server.auth import SESSION_HOURS
from signage.server.console.web import (
    COOKIE,
    PREFIX,
    ConsoleSignIn,
    Flash,
    checked_form,
    csrf_token,
    page_person,
    redirect,
    render,
    session_token,
    set_session_cookie,
    tr,
)
from signage.server.deps import Person, connection
from signage.server.errors import ApiError
from signage.server.routes_people import end_session, start_session

router = APIRouter()
_MAX_KEPT_BYTES = 4 * 1024 * 1024  # a kept form rides in the sign-in page; a release YAML fits easily


def safe_next(path: str | None) -> str:
    """`path` when it is a console page (not the sign-in page itself), else the fleet page."""
    if not path or not path.startswith(PREFIX + "/") or path.startswith("//") or "\\" in path:
        return PREFIX + "/fleet"
    if path.startswith(PREFIX + "/login"):
        return PREFIX + "/fleet"
    return path


@router.get("")
@router.get("/")
async def home() -> Response:
    """The console's front page is the fleet."""
    return redirect("/fleet")


@router.get("/login")
async def login_page(request: Request, next: str | None = None) -> Response:
    """The sign-in form."""
    return render(request, "login.html", None, next=safe_next(next), reason=None, kept=None, resume_to=None)


async def sign_in_page(request: Request, error: ConsoleSignIn) -> Response:
    """What a page answers when nobody is signed in: the sign-in form (a GET is sent back after)."""
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    if error.kept_fields is None:
        if not error.expired:
            return redirect("/login?" + urllib.parse.urlencode({"next": target}))
        kept, resume_to = None, None
    else:
        kept, resume_to = json.dumps(error.kept_fields), target
    response = render(request, "login.html", None, status_code=401, next=safe_next(target if kept is None else None),
                      reason=error.reason, kept=kept, resume_to=resume_to)
    response.delete_cookie(COOKIE, path=PREFIX)
    return response


@router.post("/login")
async def login(request: Request, db: psycopg.AsyncConnection = Depends(connection)) -> Response:
    """Check the name and password; set the session cookie; go on to `next` or offer the kept form again."""
    form = await request.form()
    name, password = str(form.get("name") or ""), str(form.get("password") or "")
    next_path, kept, resume_to = str(form.get("next") or ""), form.get("kept"), form.get("resume_to")
    kept_fields = _kept_fields(kept)
    try:
        if not name or not password:
            raise ApiError(401, "unauthorised", tr("console.auth", "Enter your name and password."))
        token, _, _ = await start_session(db, name, password)
    except ApiError as refused:
        # Our own sentences end with a full stop; the API's one phrase for every wrong sign-in does not.
        reason = refused.reason if refused.reason.endswith(".") \
            else tr("console.auth", "Wrong name or password, or the account is disabled.")
        return render(request, "login.html", None, status_code=401, next=safe_next(next_path), reason=reason,
                      kept=kept if kept_fields else None, resume_to=resume_to if kept_fields else None, name=name)
    if kept_fields and isinstance(resume_to, str) and safe_next(resume_to) == resume_to:
        response = render(request, "resume.html", None, resume_to=resume_to, kept_fields=kept_fields,
                          fresh_csrf=csrf_token(token))
    else:
        response = redirect(safe_next(next_path)[len(PREFIX):])
    set_session_cookie(request, response, token, SESSION_HOURS * 3600)
    return response


def _kept_fields(kept: object) -> list[tuple[str, str]]:
    if not isinstance(kept, str) or not kept or len(kept) > _MAX_KEPT_BYTES:
        return []
    try:
        fields = json.loads(kept)
        return [(str(key), str(value)) for key, value in fields]
    except (ValueError, TypeError):
        return []


@router.post("/logout")
async def logout(request: Request, person: Person = Depends(page_person("viewer")),
                 db: psycopg.AsyncConnection = Depends(connection)) -> Response:
    """End the session and forget the cookie."""
    await checked_form(request)
    await end_session(db, person, session_token(request) or "")
    response = redirect("/login", Flash(tr("console.auth", "You are signed out.")))
    response.delete_cookie(COOKIE, path=PREFIX)
    return response
