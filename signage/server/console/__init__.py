"""The chain's console: server-rendered pages for head-office staff, at `/console`.

Marketers and operations staff sign in with the server's accounts (the same sessions as
the API, carried in an HttpOnly cookie) and work in a browser, on a desk or a phone:

- **Fleet** (`pages_fleet.py`): every kiosk's state, a remote screenshot and reload.
- **Releases** (`pages_releases.py`): rules and playlists per store group, checked by the
  kiosk's own validation, the simulator, a diff, a staged rollout and a rollback.
- **Content** (`pages_content.py`): uploads checked like `signage content add`, thumbnails.
- **Suggestions** (`pages_suggestions.py`): chain-wide learning, accepted or rejected.
- **Reports** (`pages_reports.py`): plays, minutes, audience mix, rule hits; CSV export.

The pages are Jinja2 templates rendered on the server (`templates/`), with a little plain
JavaScript (`static/`) where it helps (drag and drop, live validation); every page works
without it. The pages call the same functions as the API's routes, so a rule the API
refuses is refused here in the same words. `web.py` holds what every page shares: who is
signed in, the CSRF check of every form, rendering, and errors as sentences.
"""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from signage.server.console import web

__all__ = ["install_console", "page_modules"]


def page_modules() -> tuple:
    """The modules whose `router` holds the console's pages (paths without the /console prefix)."""
    from signage.server.console import (
        pages_auth,
        pages_content,
        pages_fleet,
        pages_releases,
        pages_reports,
        pages_suggestions,
        words,  # noqa: F401  (the templates' words functions)
    )

    return (pages_auth, pages_fleet, pages_releases, pages_content, pages_suggestions, pages_reports)


def install_console(app: FastAPI, language: str | None = None) -> None:
    """Mount the console's pages at /console and its static files at /console/static.

    `language` is the server's default for a browser that asks for neither English nor
    Korean (config `ui.language`; `auto` or none: the server settings' `language` when they
    have one, else English). Each request still speaks its own (web.request_language).
    """
    from foundation.i18n import check_language

    configured = language or getattr(getattr(app.state, "settings", None), "language", None)
    app.state.console_language = check_language(configured, "ui.language") if configured not in (None, "", "auto") else None
    for module in page_modules():
        app.include_router(module.router, prefix=web.PREFIX)
    app.mount(web.PREFIX + "/static", StaticFiles(directory=web.STATIC_DIR), name="console-static")
    web.install_error_pages(app)
    app.add_middleware(web.SecurityHeaders)
    app.add_middleware(web.ConsoleLanguage)
