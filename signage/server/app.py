"""The central server's web application: FastAPI on uvicorn, over PostgreSQL.

`create_app(ServerSettings)` builds the app; `signage server run` serves it with uvicorn
(several worker processes with `--workers`, each with its own connection pool). The
routes live in `routes_people.py` (accounts, stores, groups, kiosks, content, releases,
rollouts, audit), `routes_kiosk.py` (what a kiosk reads and writes) and
`routes_learning.py` (chain-wide learning); the contract is docs/fleet-api.md.

What holds for every request, here in one place:
- A refusal is a 4xx with `{"error": {"code", "reason"}}` (`ApiError`); FastAPI's own
  validation errors and malformed JSON become 400 the same way.
- Bodies are bounded while they arrive (`_BodyLimit`): 8 MiB of JSON, 2 GiB for a
  content upload. A larger one gets 413 before it is read whole.
- PostgreSQL down or the pool exhausted is 503 `database_unavailable`; any other error
  is logged with its traceback and answered 500 without details, and the server goes
  on serving the next request.

It is meant to sit behind a TLS reverse proxy (README, "The central server"): it speaks
plain HTTP and should listen on loopback or a private network only.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import os
from dataclasses import dataclass
from pathlib import Path

import psycopg
import psycopg_pool
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response

from signage.server.db import open_pool
from signage.server.errors import ApiError, limit_text
from signage.server.rollup import ROLLUP_INTERVAL

log = logging.getLogger(__name__)

__all__ = ["ServerSettings", "create_app", "app_from_environment"]

MAX_JSON_BYTES = 8 * 1024 * 1024
MAX_UPLOAD_BYTES = 2 * 1024 * 1024 * 1024
# Paths whose body is raw bytes (content files, screenshots), not JSON.
_UPLOAD_PREFIXES = ("/api/v1/content/", "/console/content/upload")


@dataclass(frozen=True)
class ServerSettings:
    """What the server needs to run; `signage server run` fills it from flags and the environment."""

    dsn: str
    content_dir: Path
    max_json_bytes: int = MAX_JSON_BYTES
    max_upload_bytes: int = MAX_UPLOAD_BYTES
    pool_min: int = 2
    pool_max: int = 10
    content_bucket: str | None = None  # s3://bucket/prefix instead of content_dir (needs the s3 extra)
    rollup_interval_s: float = ROLLUP_INTERVAL.total_seconds()  # how often the reports' rollup runs

    def to_environment(self) -> dict[str, str]:
        """The settings as SIGNAGE_SERVER_* variables, for uvicorn's worker processes."""
        environment = {
            "SIGNAGE_SERVER_DSN": self.dsn,
            "SIGNAGE_SERVER_CONTENT_DIR": str(self.content_dir),
            "SIGNAGE_SERVER_MAX_JSON_BYTES": str(self.max_json_bytes),
            "SIGNAGE_SERVER_MAX_UPLOAD_BYTES": str(self.max_upload_bytes),
            "SIGNAGE_SERVER_POOL_MIN": str(self.pool_min),
            "SIGNAGE_SERVER_POOL_MAX": str(self.pool_max),
            "SIGNAGE_SERVER_ROLLUP_INTERVAL_S": str(self.rollup_interval_s),
        }
        if self.content_bucket:
            environment["SIGNAGE_SERVER_CONTENT_BUCKET"] = self.content_bucket
        return environment

    @classmethod
    def from_environment(cls) -> ServerSettings:
        """The settings `to_environment` wrote (in a uvicorn worker process)."""
        env = os.environ
        return cls(
            dsn=env["SIGNAGE_SERVER_DSN"],
            content_dir=Path(env["SIGNAGE_SERVER_CONTENT_DIR"]),
            max_json_bytes=int(env.get("SIGNAGE_SERVER_MAX_JSON_BYTES", MAX_JSON_BYTES)),
            max_upload_bytes=int(env.get("SIGNAGE_SERVER_MAX_UPLOAD_BYTES", MAX_UPLOAD_BYTES)),
            pool_min=int(env.get("SIGNAGE_SERVER_POOL_MIN", 2)),
            pool_max=int(env.get("SIGNAGE_SERVER_POOL_MAX", 10)),
            content_bucket=env.get("SIGNAGE_SERVER_CONTENT_BUCKET") or None,
            rollup_interval_s=float(env.get("SIGNAGE_SERVER_ROLLUP_INTERVAL_S", ROLLUP_INTERVAL.total_seconds())),
        )


def app_from_environment() -> FastAPI:
    """uvicorn's factory for worker processes (`signage server run --workers N`)."""
    return create_app(ServerSettings.from_environment())


def create_app(settings: ServerSettings) -> FastAPI:
    """The app: routes, error handling and the connection pool's life."""

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI):
        from signage.server.rollup import serve_rollups

        pool = open_pool(settings.dsn, settings.pool_min, settings.pool_max)
        # open(wait=False): a server whose PostgreSQL is down still starts and answers 503,
        # then serves as soon as the database is back.
        await pool.open(wait=False)
        app.state.pool = pool
        # The reports' rollup, every few minutes in every worker; its advisory lock lets one
        # worker at a time do a round, and it logs and retries rather than raise (rollup.py).
        rollups = asyncio.create_task(serve_rollups(pool, dt.timedelta(seconds=settings.rollup_interval_s)),
                                      name="report rollup")
        try:
            yield
        finally:
            rollups.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await rollups
            await pool.close()

    app = FastAPI(title="signage central server", version="1", lifespan=lifespan, docs_url="/api/v1/docs",
                  openapi_url="/api/v1/openapi.json", redoc_url=None)
    app.state.settings = settings
    _install_error_handlers(app)
    app.add_middleware(_BodyLimit, json_limit=settings.max_json_bytes, upload_limit=settings.max_upload_bytes)

    from signage.server import routes_kiosk, routes_learning, routes_people, routes_reports

    app.include_router(routes_people.router, prefix="/api/v1")
    app.include_router(routes_kiosk.router, prefix="/api/v1")
    app.include_router(routes_learning.router, prefix="/api/v1")
    app.include_router(routes_reports.router, prefix="/api/v1")

    from signage.server.console import install_console

    install_console(app)  # the browser console at /console (after the API's error handlers: it wraps them)

    @app.get("/api/v1/health")
    async def health(request: Request) -> JSONResponse:
        """Liveness and the database: 200 when PostgreSQL answers, else 503."""
        try:
            async with request.app.state.pool.connection(timeout=2.0) as db:
                await db.execute("SELECT 1")
        except (psycopg.Error, psycopg_pool.PoolTimeout):
            return JSONResponse({"ok": False, "database": "unavailable"}, status_code=503)
        return JSONResponse({"ok": True, "database": "ok"})

    return app


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(request: Request, error: ApiError) -> JSONResponse:
        return JSONResponse(error.body(), status_code=error.status)

    @app.exception_handler(_BodyTooLarge)
    async def too_large(request: Request, error: _BodyTooLarge) -> Response:
        body, content_type = _refusal(_too_large(error.limit), request.url.path)
        return Response(body, status_code=413, media_type=content_type)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError) -> JSONResponse:
        return JSONResponse(_validation_body(error), status_code=400)

    @app.exception_handler(psycopg.OperationalError)
    @app.exception_handler(psycopg_pool.PoolTimeout)
    async def database_down(request: Request, error: Exception) -> JSONResponse:
        log.error("database unavailable for %s %s: %s", request.method, request.url.path, str(error).splitlines()[0] if str(error) else type(error).__name__)
        body = ApiError(503, "database_unavailable", "the server's database is unavailable: retry later").body()
        return JSONResponse(body, status_code=503, headers={"Retry-After": "5"})

    @app.exception_handler(Exception)
    async def internal_error(request: Request, error: Exception) -> JSONResponse:
        log.exception("internal error on %s %s", request.method, request.url.path)
        body = ApiError(500, "internal_error", "internal server error (logged on the server)").body()
        return JSONResponse(body, status_code=500)


def _validation_body(error: RequestValidationError) -> dict:
    """FastAPI's list of problems as one 400 body: malformed JSON, or the field and what is wrong."""
    problems = []
    for item in error.errors()[:10]:
        where = ".".join(str(part) for part in item.get("loc", ()) if part != "body") or "body"
        if item.get("type") == "json_invalid":
            problems.append(f"malformed JSON: {item.get('ctx', {}).get('error', item.get('msg'))}")
        else:
            problems.append(f"{where}: {item.get('msg')}")
    reason = "; ".join(problems) or "bad request"
    return ApiError(400, "bad_request", reason[:1000]).body()


class _BodyTooLarge(Exception):
    """Raised while a body arrives, once it passes `limit` bytes."""

    def __init__(self, limit: int) -> None:
        super().__init__(limit)
        self.limit = limit


class _BodyLimit:
    """Refuse a request body over its limit with 413, counting bytes as they arrive.

    A `Content-Length` over the limit is refused before any byte is read; a chunked body
    is counted and cut off at the limit (so a client that lies about its length cannot
    make the server buffer gigabytes).
    """

    def __init__(self, app, json_limit: int, upload_limit: int) -> None:
        self.app = app
        self.json_limit = json_limit
        self.upload_limit = upload_limit

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        # Content files may be large; everything else (JSON, a screenshot) is small.
        limit = self.upload_limit if scope["path"].startswith(_UPLOAD_PREFIXES) else self.json_limit
        for name, value in scope.get("headers", ()):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    await _send_error(send, ApiError(400, "bad_request", "Content-Length is not a number"), scope)
                    return
                if declared > limit:
                    await _send_error(send, _too_large(limit), scope)
                    return
        received = 0
        started = False

        async def counting_receive():
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise _BodyTooLarge(limit)
            return message

        async def tracking_send(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except _BodyTooLarge:
            if not started:
                await _send_error(send, _too_large(limit), scope)


def _too_large(limit: int) -> ApiError:
    return ApiError(413, "too_large", f"request body over the limit of {limit:,} bytes", limit_bytes=limit)


def _refusal(error: ApiError, path: str) -> tuple[bytes, str]:
    """(body, content type) of a refusal made before any route runs: the API's JSON, or for
    the browser console a plain page with the sentence (not its templates: this is raw ASGI)."""
    import html
    import json

    if not path.startswith("/console"):
        return json.dumps(error.body()).encode(), "application/json"
    reason = (f"The file is too large: the server takes at most {limit_text(int(error.extra['limit_bytes']))}."
              if error.status == 413 else error.reason)
    page = (f'<!doctype html><html lang="en"><meta charset="utf-8"><title>Refused</title>'
            f'<link rel="stylesheet" href="/console/static/console.css"><main><section class="narrow">'
            f'<h1>That did not work</h1><p class="flash error" role="alert" id="error-reason">{html.escape(reason)}</p>'
            f'<p><a href="/console/content">Back to the content</a></p></section></main></html>')
    return page.encode(), "text/html; charset=utf-8"


async def _send_error(send, error: ApiError, scope) -> None:
    body, content_type = _refusal(error, scope["path"])
    await send({"type": "http.response.start", "status": error.status,
                "headers": [(b"content-type", content_type.encode()), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})
