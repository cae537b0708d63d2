"""What every console page shares: the signed-in person, CSRF, rendering and errors as sentences.

- **Sessions.** Signing in makes the same kind of session as `POST /api/v1/login`; its
  token rides in the `signage_console` cookie (HttpOnly, SameSite=Lax, Secure behind
  TLS, path /console), so page scripts never see it. `page_person(role)` is the
  dependency of a page: it gives the `Person`, or sends the browser to the sign-in page
  (and back afterwards).
- **CSRF.** Every form carries `csrf`, an HMAC of the session's token; `checked_form`
  refuses a POST without the right one (scripts send it as `X-CSRF-Token`). With the
  SameSite cookie this is belt and braces.
- **An expired session loses nothing.** A POST whose session ran out gets the sign-in
  page with the form's fields kept in it; after signing in the person is offered the
  same POST again (`resume.html`), with a fresh CSRF token.
- **Errors are sentences.** An `ApiError` raised by a page (the same ones the API raises)
  becomes an HTML page with its reason and its status; PostgreSQL down is a 503 page.

A page module has a `router = APIRouter()`; its handlers take
`person: Person = Depends(page_person("viewer"))` and `db = Depends(connection)` and
return `render(request, "name.html", person, **values)` or `redirect(...)`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import logging
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

import psycopg
import psycopg_pool
from fastapi import Depends, FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from fastapi.exception_handlers import http_exception_handler
from starlette.datastructures import FormData, UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException

from signage.server.auth import role_allows
from signage.server.deps import Person, connection, person_for_token
from signage.server.errors import ApiError

log = logging.getLogger(__name__)

__all__ = [
    "COOKIE", "PREFIX", "ConsoleSignIn", "Flash", "as_sentence", "checked_form", "csrf_token", "page_person", "redirect",
    "render", "session_token", "when_text",
]

PREFIX = "/console"
COOKIE = "signage_console"
FLASH_COOKIE = "signage_console_flash"
TEMPLATE_DIR = Path(__file__).with_name("templates")
STATIC_DIR = Path(__file__).with_name("static")
CSRF_FIELD = "csrf"
CSRF_HEADER = "x-csrf-token"
# Fields never carried through a sign-in (secrets, and the old session's CSRF token).
_NOT_RESUMED = {CSRF_FIELD, "password"}

templates = Jinja2Templates(directory=str(TEMPLATE_DIR))
templates.env.globals["PREFIX"] = PREFIX
templates.env.globals["role_allows"] = role_allows

NAVIGATION = (  # (path under PREFIX, label): the header's links, in order
    ("/fleet", "Fleet"),
    ("/releases", "Releases"),
    ("/content", "Content"),
    ("/suggestions", "Suggestions"),
    ("/reports", "Reports"),
)
templates.env.globals["NAVIGATION"] = NAVIGATION


@dataclass(frozen=True)
class Flash:
    """A one-line message shown once on the next page (after a redirect)."""

    text: str
    kind: str = "ok"  # ok | error


class ConsoleSignIn(Exception):
    """Raised by `page_person` when nobody (or somebody whose session expired) asks; becomes the sign-in page."""

    def __init__(self, reason: str, expired: bool, kept_fields: list[tuple[str, str]] | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.expired = expired
        self.kept_fields = kept_fields  # a POST's text fields, offered again after signing in


def as_sentence(text: str) -> str:
    """A server's one-line reason as a sentence a person reads: a capital first letter and a full stop."""
    text = " ".join(str(text).split())
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


def when_text(moment: dt.datetime | None) -> str:
    """A stored time as people read it: '2026-12-01 16:10 UTC' ('' for none)."""
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC") if moment else ""


def session_token(request: Request) -> str | None:
    """The console session's token from its cookie, if any."""
    return request.cookies.get(COOKIE) or None


def csrf_token(token: str) -> str:
    """The CSRF token of a session: an HMAC of its token, so it needs no storage and dies with it."""
    return hmac.new(token.encode(), b"signage console csrf", hashlib.sha256).hexdigest()


def page_person(needed: str):
    """A page's dependency: the signed-in Person of at least role `needed`.

    Nobody signed in (or an expired session): `ConsoleSignIn`, which shows the sign-in
    page. A role too low: a 403 page that says which role the page needs.
    """

    async def person(request: Request, db: psycopg.AsyncConnection = Depends(connection)) -> Person:
        token = session_token(request)
        who = await person_for_token(db, token) if token else None
        if who is None:
            expired = token is not None
            # A form sent after the session ran out is kept: its fields go through the sign-in.
            kept = resumable_fields(await request.form()) if request.method == "POST" else None
            raise ConsoleSignIn(
                "Your session has expired; sign in again." if expired else "Sign in to use the console.", expired, kept
            )
        if not role_allows(who.role, needed):
            raise ApiError(403, "forbidden", f"You are signed in as a {who.role}; this needs the {needed} role. Ask an admin.")
        request.state.person = who
        return who

    return person


async def checked_form(request: Request) -> FormData:
    """The POSTed form, after checking its CSRF token against the session's (403 when wrong)."""
    form = await request.form()
    token = session_token(request) or ""
    sent = request.headers.get(CSRF_HEADER) or form.get(CSRF_FIELD) or ""
    if not token or not isinstance(sent, str) or not hmac.compare_digest(sent, csrf_token(token)):
        raise ApiError(403, "bad_csrf", "This form is out of date (it was opened in another session); reload the page and try again.")
    return form


def render(request: Request, template: str, person: Person | None, status_code: int = 200, **values) -> HTMLResponse:
    """A page from `templates/`, with what the layout needs: who is signed in, the CSRF token, a flash."""
    token = session_token(request)
    flash = _read_flash(request)
    response = templates.TemplateResponse(
        request,
        template,
        {"person": person, "csrf": csrf_token(token) if token and person else "", "flash": flash, **values},
        status_code=status_code,
    )
    if flash is not None:
        response.delete_cookie(FLASH_COOKIE, path=PREFIX)
    return response


def redirect(path: str, flash: Flash | None = None) -> RedirectResponse:
    """303 to `path` under the console (a POST's answer), with an optional one-time message."""
    response = RedirectResponse(PREFIX + path, status_code=303)
    if flash is not None:
        response.set_cookie(FLASH_COOKIE, urllib.parse.quote(json.dumps([flash.text, flash.kind])), path=PREFIX,
                            httponly=True, samesite="lax", max_age=60)
    return response


def _read_flash(request: Request) -> Flash | None:
    raw = request.cookies.get(FLASH_COOKIE)
    if not raw:
        return None
    try:
        text, kind = json.loads(urllib.parse.unquote(raw))
        return Flash(str(text)[:500], "error" if kind == "error" else "ok")
    except (ValueError, TypeError):
        return None


def set_session_cookie(request: Request, response: Response, token: str, max_age_s: int) -> None:
    """Put the session token in the console's cookie (Secure when the request came over HTTPS)."""
    response.set_cookie(COOKIE, token, max_age=max_age_s, path=PREFIX, httponly=True, samesite="lax",
                        secure=request.url.scheme == "https")


def resumable_fields(form: FormData) -> list[tuple[str, str]]:
    """The text fields of a form, to carry through a sign-in (files and secrets are not carried)."""
    return [(key, value) for key, value in form.multi_items()
            if key not in _NOT_RESUMED and isinstance(value, str)]


def install_error_pages(app: FastAPI) -> None:
    """Console paths answer errors with pages; the API keeps its JSON (app.py's handlers)."""
    api_error_handler = app.exception_handlers[ApiError]
    database_handler = app.exception_handlers[psycopg.OperationalError]
    internal_handler = app.exception_handlers[Exception]

    async def sign_in(request: Request, error: ConsoleSignIn) -> Response:
        from signage.server.console.pages_auth import sign_in_page

        return await sign_in_page(request, error)

    async def api_error(request: Request, error: ApiError) -> Response:
        if not request.url.path.startswith(PREFIX):
            return await api_error_handler(request, error)
        return render(request, "error.html", getattr(request.state, "person", None), status_code=error.status,
                      reason=error.reason, status=error.status)

    async def database_down(request: Request, error: Exception) -> Response:
        if not request.url.path.startswith(PREFIX):
            return await database_handler(request, error)
        log.error("database unavailable for %s %s", request.method, request.url.path)
        response = render(request, "error.html", None, status_code=503, status=503,
                          reason="The server's database is not answering; try again in a minute.")
        response.headers["Retry-After"] = "5"
        return response

    async def internal(request: Request, error: Exception) -> Response:
        if not request.url.path.startswith(PREFIX):
            return await internal_handler(request, error)
        log.exception("internal error on %s %s", request.method, request.url.path)
        return render(request, "error.html", None, status_code=500, status=500,
                      reason="Something went wrong on the server (it is logged there); try again, or tell your admin.")

    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        if not request.url.path.startswith(PREFIX):
            return await http_exception_handler(request, error)
        reason = {
            404: "There is no such page in the console; check the address, or start from the fleet.",
            405: "That page cannot be used that way (a form sent to a page that only shows); start again from the page.",
        }.get(error.status_code, f"The server refused that request ({error.status_code}).")
        return render(request, "error.html", getattr(request.state, "person", None), status_code=error.status_code,
                      status=error.status_code, reason=reason)

    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(ConsoleSignIn, sign_in)
    app.add_exception_handler(ApiError, api_error)
    app.add_exception_handler(psycopg.OperationalError, database_down)
    app.add_exception_handler(psycopg_pool.PoolTimeout, database_down)
    app.add_exception_handler(Exception, internal)


# Scripts only from the console's own files (no inline script, no eval): an injected
# <script> in a kiosk name or a tag would not run even if escaping failed somewhere.
# Inline style attributes are allowed (the server-drawn SVG charts use them).
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    # Pages show a chain's data to one signed-in person: no shared or back-button cache.
    "Cache-Control": "no-store",
}


class SecurityHeaders:
    """ASGI middleware: the console's answers carry `SECURITY_HEADERS`.

    Plain ASGI rather than `@app.middleware("http")`: the API's requests (the kiosks' hot
    path) pass straight through, with no per-request wrapping.
    """

    def __init__(self, app) -> None:
        self.app = app
        self.headers = [(name.lower().encode(), value.encode()) for name, value in SECURITY_HEADERS.items()]

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(PREFIX):
            await self.app(scope, receive, send)
            return

        async def with_headers(message):
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", ())}
                message = {**message, "headers": [*message.get("headers", ()),
                                                  *((n, v) for n, v in self.headers if n not in present)]}
            await send(message)

        await self.app(scope, receive, with_headers)


def is_upload(value: object) -> bool:
    """Whether a form value is a file (starlette's UploadFile)."""
    return isinstance(value, UploadFile)
