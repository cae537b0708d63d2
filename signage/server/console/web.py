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
- **Korean and English, per request.** The console serves many people at once, so it never
  sets the process's language: `request_language` picks one for each request (`?lang=ko`,
  which also sets the `signage_console_lang` cookie; else that cookie; else the browser's
  Accept-Language, q-values respected; else the server's default, `ui.language`, else
  English), and `tr` here translates into it (`foundation.i18n.translator_for`). Templates
  call the same `tr` (`{{ tr("console.fleet", "Kiosks") }}`); the page scripts get their
  texts, translated, in a JSON block (`script_messages`) and call `tr` too (static/i18n.js).

A page module has a `router = APIRouter()`; its handlers take
`person: Person = Depends(page_person("viewer"))` and `db = Depends(connection)` and
return `render(request, "name.html", person, **values)` or `redirect(...)`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import html
import json
import logging
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

import psycopg
import psycopg_pool
from fastapi import Depends, FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from markupsafe import Markup
from starlette.datastructures import FormData, UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException

from foundation.i18n import LANGUAGE_NAMES, LANGUAGES, SCOPED_LANGUAGE, translator_for
from foundation.i18n_catalogue import template_calls
from signage.server.auth import role_allows
from signage.server.deps import Person, connection, person_for_token
from signage.server.errors import ApiError

log = logging.getLogger(__name__)

__all__ = [
    "COOKIE", "LANGUAGE_COOKIE", "PREFIX", "ConsoleLanguage", "ConsoleSignIn", "Flash", "accepted_languages", "as_sentence",
    "checked_form", "choose_language", "csrf_token", "language", "page_person", "redirect", "render", "request_language",
    "session_token", "tr", "tr_noop", "when_text",
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

LANGUAGE_COOKIE = "signage_console_lang"
LANGUAGE_COOKIE_MAX_AGE_S = 365 * 86400  # a person's choice outlives their sessions

# The language of the request being answered. A context variable, not the process's
# language: each request runs in its own task, so two people's pages never mix.
# foundation.i18n's request-scoped language: our pages and every sentence a library builds
# for them (a rule's explanation, a segment's words) speak the request's language.
_language = SCOPED_LANGUAGE


class _GroupedCount(int):
    """A count that `%n` shows with thousands separators ("3,301"), as both languages write them."""

    def __str__(self) -> str:
        return f"{int(self):,}"


def tr(context: str, text: str, n: int | None = None, **fields: object) -> str:
    """`text` in the language of the request being answered (`foundation.i18n.tr`'s conventions:
    literal context and text, `{fields}` by name, a count in `n` and `%n`)."""
    count = _GroupedCount(n) if n is not None else None
    return translator_for(_language.get() or "en").tr(context, text, count, **fields)


def tr_noop(context: str, text: str) -> str:
    """Marks `text` for the catalogue in a table built at import time; `tr` it where shown."""
    del context
    return text


ROLE_WORDS = {  # an account's role as the console names it (the role itself stays as the API spells it)
    "admin": tr_noop("console.base", "admin"),
    "editor": tr_noop("console.base", "editor"),
    "viewer": tr_noop("console.base", "viewer"),
}


def role_words(role: str) -> str:
    """'editor' in the request's language ('편집자')."""
    return tr("console.base", ROLE_WORDS[role]) if role in ROLE_WORDS else role


def language() -> str:
    """The language of the request being answered ('en' or 'ko')."""
    return _language.get() or "en"


def accepted_languages(header: str | None) -> list[str]:
    """The languages we have, from an Accept-Language header, most wanted first.

    `ko-KR,ko;q=0.9,en;q=0.8` -> ['ko', 'en']. q-values are respected (a bad one counts as
    1, as browsers send only good ones); `q=0` means "not this one"; `*` and languages we do
    not have are skipped; equal q-values keep the header's order.
    """
    wanted: list[tuple[float, int, str]] = []
    for position, part in enumerate((header or "")[:1000].split(",")):
        tag, _, parameters = part.strip().partition(";")
        code = tag.strip().lower().replace("_", "-").split("-")[0]
        quality = 1.0
        for parameter in parameters.split(";"):
            key, _, value = parameter.strip().partition("=")
            if key.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 1.0
        if code in LANGUAGES and quality > 0:
            wanted.append((-quality, position, code))
    ordered: list[str] = []
    for _, _, code in sorted(wanted):
        if code not in ordered:
            ordered.append(code)
    return ordered


def _known(value: str | None) -> str | None:
    code = (value or "").strip().lower()
    return code if code in LANGUAGES else None


def choose_language(asked: str | None, cookie: str | None, accept_language: str | None, default: str | None) -> str:
    """The language of a request: `?lang=`, else the cookie, else Accept-Language, else the
    server's default, else English. Anything unknown is passed over, never an error (a link
    with `?lang=xx` still shows the page)."""
    for choice in (_known(asked), _known(cookie), *accepted_languages(accept_language), _known(default)):
        if choice:
            return choice
    return "en"


def default_language(app) -> str | None:
    """The server's own language for the console (install_console sets it from `ui.language`)."""
    return getattr(app.state, "console_language", None)


def request_language(request: Request) -> str:
    """The language to answer `request` in (see `choose_language`)."""
    return choose_language(request.query_params.get("lang"), request.cookies.get(LANGUAGE_COOKIE),
                           request.headers.get("accept-language"), default_language(request.app))


class ConsoleLanguage:
    """ASGI middleware: each console request speaks its own language (`tr` above), and a
    `?lang=` that names one of ours is remembered in a cookie."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(PREFIX):
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        chosen = request_language(request)
        asked = _known(request.query_params.get("lang"))
        remember = asked is not None and asked != request.cookies.get(LANGUAGE_COOKIE)
        token = _language.set(chosen)

        async def with_cookie(message):
            if remember and message["type"] == "http.response.start":
                secure = "; Secure" if scope.get("scheme") == "https" else ""
                cookie = (f"{LANGUAGE_COOKIE}={asked}; Max-Age={LANGUAGE_COOKIE_MAX_AGE_S}; Path={PREFIX};"
                          f" SameSite=Lax{secure}")
                message = {**message, "headers": [*message.get("headers", ()), (b"set-cookie", cookie.encode())]}
            await send(message)

        try:
            await self.app(scope, receive, with_cookie)
        finally:
            _language.reset(token)


def _script_texts() -> tuple[tuple[str, str], ...]:
    """(context, source) of every `tr(...)` in the console's scripts, read as the catalogue's
    extractor reads them, so a text a script uses is always in its page's JSON block."""
    found = []
    for path in sorted(STATIC_DIR.glob("*.js")):
        found += [(context, source) for context, source, _, _ in template_calls(path)]
    return tuple(dict.fromkeys(found))


SCRIPT_TEXTS = _script_texts()


def script_messages() -> dict[str, str]:
    """"context\u0004source" -> the text in the request's language, for the page scripts."""
    return {f"{context}\u0004{source}": tr(context, source) for context, source in SCRIPT_TEXTS}


def language_links(request: Request) -> list[tuple[str, str, str]]:
    """(code, name, URL) of each language: this page again with `?lang=` (a page answering a
    form goes back to where the form was, or to the fleet)."""
    if request.method == "GET":
        path, query = request.url.path, [(k, v) for k, v in request.query_params.multi_items() if k != "lang"]
    else:
        referer = urllib.parse.urlsplit(request.headers.get("referer") or "")
        same = referer.path.startswith(PREFIX + "/") and referer.netloc in ("", request.url.netloc)
        path = referer.path if same else PREFIX + "/fleet"
        query = [(k, v) for k, v in urllib.parse.parse_qsl(referer.query) if k != "lang"] if same else []
    return [(code, LANGUAGE_NAMES[code], path + "?" + urllib.parse.urlencode([*query, ("lang", code)]))
            for code in LANGUAGES]


class _CountMark(int):
    """A count that `fill` writes as a mark, so the template's `tr` can put it in bold after escaping."""

    def __str__(self) -> str:
        return "\x00count\x00"


def template_tr(context: str, text: str, n: int | None = None, strong_count: bool = False, **fields: object) -> Markup:
    """The templates' `tr`: as `tr`, but HTML-safe. The translation is escaped, then the fields
    are put in escaped (Markup.format), except markup a template made (`code(...)`, `strong(...)`),
    so a sentence can hold a `<code>` without splitting it and a kiosk name can hold no tag.
    `strong_count=True` shows the count `%n` in bold."""
    count = None if n is None else _CountMark(n) if strong_count else _GroupedCount(n)
    # Our own text: <, >, & and " escaped (a translation may sit in a double-quoted attribute); an
    # apostrophe stays one ("seoul's release"), as it was when the text stood in the template itself.
    own = translator_for(_language.get() or "en").tr(context, text, count)
    translated = Markup(html.escape(own, quote=False).replace('"', "&#34;"))
    if strong_count and n is not None:
        translated = Markup(translated.replace("\x00count\x00", strong(f"{n:,}")))
    return translated.format(**fields) if fields else translated


def code(text: object) -> Markup:
    """`<code>text</code>` (escaped), for a command inside a translated sentence."""
    return Markup("<code>{}</code>").format(text)


def strong(text: object) -> Markup:
    """`<strong>text</strong>` (escaped), for a name inside a translated sentence."""
    return Markup("<strong>{}</strong>").format(text)


templates = Jinja2Templates(directory=str(TEMPLATE_DIR))
templates.env.globals["PREFIX"] = PREFIX
templates.env.globals["role_allows"] = role_allows
# The request's language (its context variable), also inside imported macros.
templates.env.globals.update(tr=template_tr, code=code, strong=strong, role_words=role_words)

NAVIGATION = (  # (path under PREFIX, label): the header's links, in order; labels translated in base.html
    ("/fleet", tr_noop("console.base", "Fleet")),
    ("/releases", tr_noop("console.base", "Releases")),
    ("/content", tr_noop("console.base", "Content")),
    ("/suggestions", tr_noop("console.base", "Suggestions")),
    ("/reports", tr_noop("console.base", "Reports")),
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
                tr("console.auth", "Your session has expired; sign in again.") if expired
                else tr("console.auth", "Sign in to use the console."), expired, kept
            )
        if not role_allows(who.role, needed):
            raise ApiError(403, "forbidden", tr("console.auth", "You are signed in as a {role}; this needs the {needed} role."
                                                " Ask an admin.", role=role_words(who.role), needed=role_words(needed)))
        request.state.person = who
        return who

    return person


async def checked_form(request: Request) -> FormData:
    """The POSTed form, after checking its CSRF token against the session's (403 when wrong)."""
    form = await request.form()
    token = session_token(request) or ""
    sent = request.headers.get(CSRF_HEADER) or form.get(CSRF_FIELD) or ""
    if not token or not isinstance(sent, str) or not hmac.compare_digest(sent, csrf_token(token)):
        raise ApiError(403, "bad_csrf", tr("console.auth", "This form is out of date (it was opened in another session);"
                                           " reload the page and try again."))
    return form


def render(request: Request, template: str, person: Person | None, status_code: int = 200, **values) -> HTMLResponse:
    """A page from `templates/`, with what the layout needs: who is signed in, the CSRF token, a flash."""
    token = session_token(request)
    flash = _read_flash(request)
    # Set here too: an error page of the outermost handler (500) is rendered outside ConsoleLanguage.
    _language.set(request_language(request))
    response = templates.TemplateResponse(
        request,
        template,
        {"person": person, "csrf": csrf_token(token) if token and person else "", "flash": flash,
         "lang": language(), "language_links": language_links(request), "script_messages": script_messages(), **values},
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
        _language.set(request_language(request))
        response = render(request, "error.html", None, status_code=503, status=503,
                          reason=tr("console.errors", "The server's database is not answering; try again in a minute."))
        response.headers["Retry-After"] = "5"
        return response

    async def internal(request: Request, error: Exception) -> Response:
        if not request.url.path.startswith(PREFIX):
            return await internal_handler(request, error)
        log.exception("internal error on %s %s", request.method, request.url.path)
        _language.set(request_language(request))
        return render(request, "error.html", None, status_code=500, status=500,
                      reason=tr("console.errors", "Something went wrong on the server (it is logged there); try again,"
                                " or tell your admin."))

    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        if not request.url.path.startswith(PREFIX):
            return await http_exception_handler(request, error)
        if error.status_code == 404:
            reason = tr("console.errors", "There is no such page in the console; check the address, or start from the fleet.")
        elif error.status_code == 405:
            reason = tr("console.errors", "That page cannot be used that way (a form sent to a page that only shows);"
                        " start again from the page.")
        else:
            reason = tr("console.errors", "The server refused that request ({status}).", status=error.status_code)
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
