"""Signing in and out of the console, sessions that expire, CSRF, and error pages."""

from __future__ import annotations

import httpx
import psycopg

from tests.server.console.conftest import csrf_of, shoot, sign_in, wait_for
from tests.server.people_helpers import PASSWORD


def test_a_page_without_a_session_sends_the_browser_to_sign_in_and_back(console):
    with httpx.Client(base_url=console.base, timeout=10) as anonymous:
        reply = anonymous.get("/fleet?group=x")
        assert reply.status_code == 303
        assert reply.headers["location"] == "/console/login?next=%2Fconsole%2Ffleet%3Fgroup%3Dx"
        page = anonymous.get(console.server.url + reply.headers["location"])
        assert page.status_code == 200 and 'value="/console/fleet?group=x"' in page.text


def test_signing_in_sets_an_httponly_cookie_and_a_wrong_password_is_one_sentence(console):
    with httpx.Client(base_url=console.base, timeout=10) as client:
        wrong = client.post("/login", data={"name": "editor", "password": "not it at all", "next": "/console/fleet"})
        assert wrong.status_code == 401
        assert "Wrong name or password, or the account is disabled." in wrong.text
        assert "signage_console" not in wrong.headers.get("set-cookie", "")
        right = client.post("/login", data={"name": "editor", "password": PASSWORD, "next": "//evil.example/x"})
        assert right.status_code == 303 and right.headers["location"] == "/console/fleet"
        cookie = right.headers["set-cookie"]
        assert "signage_console=" in cookie and "HttpOnly" in cookie and "SameSite=lax" in cookie and "Path=/console" in cookie


def test_a_form_without_the_session_csrf_token_is_refused(console):
    with console.client("editor") as client:
        refused = client.post("/logout", data={"csrf": "0" * 64})
        assert refused.status_code == 403 and "reload the page" in refused.text
        page = client.get("/login")
        # The session still works: the refused form changed nothing.
        assert client.post("/logout", data={"csrf": csrf_of(client.get("/fleet").text)}).status_code == 303
        assert page.status_code == 200


def test_an_expired_session_keeps_a_posted_form_through_the_sign_in(console):
    with console.client("editor") as client:
        csrf = csrf_of(client.get("/fleet").text)
        with psycopg.connect(console.server.dsn, autocommit=True) as db:
            db.execute("UPDATE sessions SET expires_at = now() - interval '1 minute'")
        kept = client.post("/logout", data={"csrf": csrf, "draft": "rules: [a]\nname: ünïcode"})
        assert kept.status_code == 401
        assert "Your session has expired; sign in again." in kept.text and 'id="kept-note"' in kept.text
        assert "signage_console=" in kept.headers.get("set-cookie", "")  # the dead cookie is cleared
        hidden = dict(__import__("re").findall(r'name="(kept|resume_to)" value="([^"]*)"', kept.text))
        again = client.post("/login", data={"name": "editor", "password": PASSWORD, "next": "", **{
            key: __import__("html").unescape(value) for key, value in hidden.items()}})
        assert again.status_code == 200 and 'action="/console/logout"' in again.text
        assert "ünïcode" in again.text and 'name="draft"' in again.text
        assert csrf_of(again.text) != csrf  # a fresh token for the new session


def test_a_viewer_is_told_which_role_a_change_needs(console):
    with console.client("viewer") as client:
        page = client.get("/fleet")
        assert page.status_code == 200


def test_signing_in_and_out_in_a_real_browser(console, fresh_browser):
    from selenium.webdriver.common.by import By

    fresh_browser.get(console.url("/fleet"))
    wait_for(fresh_browser, lambda b: "/login" in b.current_url)
    shoot(fresh_browser, "login")
    fresh_browser.find_element(By.ID, "name").send_keys("editor")
    fresh_browser.find_element(By.ID, "password").send_keys("wrong password!!")
    fresh_browser.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    assert "Wrong name or password" in wait_for(fresh_browser, lambda b: b.find_element(By.ID, "login-reason")).text
    sign_in(fresh_browser, console, "editor")
    assert fresh_browser.current_url.endswith("/console/fleet")
    fresh_browser.find_element(By.CSS_SELECTOR, ".signout button").click()
    wait_for(fresh_browser, lambda b: "/login" in b.current_url)
    assert "You are signed out." in fresh_browser.find_element(By.TAG_NAME, "body").text


def test_console_pages_carry_security_headers_and_the_api_does_not_need_them(console):
    with console.client("viewer") as client:
        page = client.get("/fleet")
        assert "script-src 'self'" in page.headers["content-security-policy"]
        assert page.headers["x-frame-options"] == "DENY" and page.headers["cache-control"] == "no-store"
        assert page.headers["x-content-type-options"] == "nosniff"
        login = client.get("/login")
        assert "frame-ancestors 'none'" in login.headers["content-security-policy"]
    health = httpx.get(console.server.url + "/api/v1/health")
    assert "content-security-policy" not in health.headers


def test_an_unknown_console_address_is_a_sentence_and_the_api_keeps_json(console):
    with console.client("viewer") as client:
        missing = client.get("/no-such-page")
        assert missing.status_code == 404 and "There is no such page in the console" in missing.text
        assert missing.headers["content-type"].startswith("text/html")
        wrong_method = client.delete("/fleet")
        assert wrong_method.status_code == 405 and "cannot be used that way" in wrong_method.text
    api_missing = httpx.get(console.server.url + "/api/v1/no-such-thing")
    assert api_missing.status_code == 404 and api_missing.headers["content-type"] == "application/json"
