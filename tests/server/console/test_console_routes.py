"""Every console route at once: each form needs the session's CSRF token, each change the editor
role, and each page renders for a viewer as HTML with a sentence (never a JSON body or a 500).

The routes are read from the app itself, so a page added later is checked without anyone
remembering to list it here.
"""

from __future__ import annotations

import re

import pytest

from tests.server.builders import fetch_one, make_kiosk
from tests.server.console.conftest import csrf_of
from tests.server.people_helpers import add_group, add_image, add_store


def console_routes(method: str) -> list[str]:
    """The console's paths served for `method`, with their /console prefix."""
    from signage.server.console import page_modules

    paths = []
    for module in page_modules():
        for route in module.router.routes:
            if method in getattr(route, "methods", ()):
                paths.append("/console" + route.path)
    return sorted(set(paths))


@pytest.fixture
def chain(console):
    """Group `north` (store north-01 with a kiosk) with a release out, made through the API, so each path names real things."""
    api = console.api("admin")
    add_group(api, "north", priority=10)
    add_store(api, "north-01", ("north",))
    add_image(api, "brand_welcome", red=10)
    reply = api.post("/groups/north/releases", json={
        "document_yaml": "default_playlist: brand\nplaylists:\n- name: brand\n  items: [brand_welcome]\nrules: []\n"})
    assert reply.status_code == 201, reply.text
    assert api.post(f"/releases/{reply.json()['release_id']}/rollout", json={"stage": "all"}).status_code in (200, 409)
    store_id = fetch_one(console.server.dsn, "SELECT store_id FROM stores WHERE code = 'north-01'")[0]
    kiosk = make_kiosk(console.server.dsn, store_id, "door")
    return {"group": "north", "kiosk": str(kiosk.kiosk_id), "kiosk_id": str(kiosk.kiosk_id), "name": "brand_welcome",
            "version": "1", "command": "1", "command_id": "1"}


def changes(console) -> tuple:
    """What a change would leave behind: audit rows other than sign-ins, commands, releases, library items."""
    return fetch_one(console.server.dsn, "SELECT (SELECT count(*) FROM audit_log WHERE action NOT LIKE 'session.%%'),"
                     " (SELECT count(*) FROM commands), (SELECT count(*) FROM releases), (SELECT count(*) FROM library_items)")


def filled(path: str, values: dict[str, str]) -> str:
    return re.sub(r"\{(\w+)(?::\w+)?\}", lambda match: values.get(match.group(1), "x"), path)


def test_the_console_has_the_pages_the_issue_names():
    gets = console_routes("GET")
    for page in ("/console/fleet", "/console/kiosks/{kiosk}", "/console/releases", "/console/groups/{group}/edit",
                 "/console/groups/{group}/simulate", "/console/groups/{group}/diff", "/console/groups/{group}/rollout",
                 "/console/content", "/console/suggestions", "/console/reports", "/console/login"):
        assert page in gets, page
    assert len(console_routes("POST")) >= 10


def test_every_form_without_the_csrf_token_is_refused_and_changes_nothing(console, chain):
    changes_before = changes(console)
    with console.client("admin") as client:
        for path in console_routes("POST"):
            if path == "/console/login":
                continue  # the sign-in form has no session to tie a token to yet
            reply = client.post(filled(path, chain)[len("/console"):], data={"note": "x"})
            assert reply.status_code == 403, (path, reply.status_code, reply.text[:300])
            assert "reload the page and try again" in reply.text, path
    assert changes(console) == changes_before  # no form without its token changed anything


def test_a_viewer_cannot_send_any_change_even_with_a_valid_token(console, chain):
    changes_before = changes(console)
    with console.client("viewer") as client:
        csrf = csrf_of(client.get("/fleet").text)
        for path in console_routes("POST"):
            if path in ("/console/login", "/console/logout", "/console/groups/{group}/simulate"):
                continue  # signing in and out, and asking the simulator, change nothing
            reply = client.post(filled(path, chain)[len("/console"):], data={"csrf": csrf})
            assert reply.status_code == 403, (path, reply.status_code, reply.text[:300])
            assert "this needs the editor role" in reply.text or "this needs the admin role" in reply.text, path
    assert changes(console) == changes_before


def test_every_page_renders_for_a_viewer_as_html(console, chain):
    rendered = []
    with console.client("viewer") as client:
        for path in console_routes("GET"):
            if path.endswith(".csv") or "screenshot" in path or "thumbnails" in path:
                continue  # files, not pages (their own tests fetch them)
            reply = client.get(filled(path, chain)[len("/console"):])
            assert reply.status_code in (200, 303, 403, 404), (path, reply.status_code, reply.text[:300])
            if reply.status_code != 303:
                assert reply.headers["content-type"].startswith("text/html"), path
                assert '"error"' not in reply.text, path
            if reply.status_code == 200:
                assert "<h1" in reply.text, path
                rendered.append(path)
    assert len(rendered) >= 12, rendered  # most pages are a viewer's to read


class _Fields(__import__("html.parser").parser.HTMLParser):
    """The form fields of a page and the ids its <label for> name (for the label check)."""

    def __init__(self) -> None:
        super().__init__()
        self.fields: list[dict] = []
        self.labelled: set[str] = set()
        self.in_label = 0

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "label":
            self.in_label += 1
            if values.get("for"):
                self.labelled.add(values["for"])
        elif tag in ("input", "select", "textarea"):
            if values.get("type") not in ("hidden", "submit", "button"):
                self.fields.append({**values, "tag": tag, "wrapped": self.in_label > 0})

    def handle_endtag(self, tag):
        if tag == "label" and self.in_label:
            self.in_label -= 1


def unlabelled_fields(page: str) -> list[str]:
    """Fields a screen reader could not name: no <label for>, no wrapping <label>, no aria-label."""
    parser = _Fields()
    parser.feed(page)
    return [f"{field['tag']} name={field.get('name')!r}" for field in parser.fields
            if not (field["wrapped"] or field.get("aria-label") or field.get("aria-labelledby")
                    or (field.get("id") and field["id"] in parser.labelled))]


def test_every_field_of_every_page_has_a_label(console, chain):
    checked = 0
    with console.client("editor") as client:
        for path in console_routes("GET"):
            if path.endswith(".csv") or "screenshot" in path or "thumbnails" in path:
                continue
            reply = client.get(filled(path, chain)[len("/console"):])
            if reply.status_code == 200:
                assert unlabelled_fields(reply.text) == [], path
                checked += 1
    assert checked >= 12
    assert unlabelled_fields('<input name="x"><label for="y">Y</label><input id="y">') == ["input name='x'"]


def test_signing_in_and_moving_around_with_the_keyboard_only(console, fresh_browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    from tests.server.console.conftest import wait_for
    from tests.server.people_helpers import PASSWORD

    fresh_browser.get(console.url("/login"))
    active = fresh_browser.switch_to.active_element
    assert active.get_attribute("id") == "name"  # the name field has the focus from the start
    active.send_keys("editor", Keys.TAB)
    fresh_browser.switch_to.active_element.send_keys(PASSWORD, Keys.ENTER)
    wait_for(fresh_browser, lambda b: b.current_url.endswith("/console/fleet"))
    body = fresh_browser.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    skip = fresh_browser.switch_to.active_element
    assert skip.text == "Skip to the page"  # the first Tab offers to jump past the header
    body = fresh_browser.find_element(By.TAG_NAME, "body")
    for _ in range(12):  # then on through the header's links to Reports, Enter opens it
        fresh_browser.switch_to.active_element.send_keys(Keys.TAB)
        if fresh_browser.switch_to.active_element.text == "Reports":
            break
    fresh_browser.switch_to.active_element.send_keys(Keys.ENTER)
    wait_for(fresh_browser, lambda b: b.current_url.endswith("/console/reports"))
