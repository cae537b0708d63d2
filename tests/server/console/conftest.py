"""A live server with the console, accounts of each role, and a real browser.

- `console`: the live server (tests/server/conftest.py) with an editor and a viewer
  besides the admin; `.url(path)` is a console URL; `.client(role)` an httpx client whose
  cookie is signed in as that role (for the many page checks that need no browser).
- `browser` (session): Debian's chromium, headless, driven by Selenium through
  /usr/bin/chromedriver. `sign_in(browser, console, role)` signs it in through the form.
- `shoot(browser, name)`: saves a screenshot to $SIGNAGE_CONSOLE_SCREENSHOTS/console-NAME.png
  when that variable names a folder (the README's screenshots come from there), and
  checks the page is not blank either way.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import psycopg
import pytest

from tests.server.people_helpers import PASSWORD, cheap_argon2  # noqa: F401  (autouse: cheap hashing)

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
ROLES = ("admin", "editor", "viewer")


@dataclass
class Console:
    server: object  # tests.server.conftest.LiveServer

    @property
    def base(self) -> str:
        return self.server.url + "/console"

    def url(self, path: str = "") -> str:
        return self.base + path

    @contextlib.contextmanager
    def client(self, role: str = "editor") -> Iterator[httpx.Client]:
        """An httpx client signed in through the console's form as the account of `role` (a context manager)."""
        with httpx.Client(base_url=self.base, timeout=15.0, follow_redirects=False) as client:
            reply = client.post("/login", data={"name": role, "password": PASSWORD, "next": "/console/fleet"})
            assert reply.status_code == 303, reply.text
            yield client

    def api(self, role: str = "admin") -> httpx.Client:
        """An httpx client of the JSON API signed in as `role`."""
        token = httpx.post(self.server.url + "/api/v1/login", json={"name": role, "password": PASSWORD}).json()["token"]
        return self.server.client(token)


def csrf_of(page: str) -> str:
    """The CSRF token in a rendered console page."""
    found = re.search(r'name="csrf" value="([0-9a-f]+)"', page)
    assert found, "no CSRF field on the page"
    return found.group(1)


@pytest.fixture
def console(live_server) -> Console:
    from signage.server.auth import hash_password

    with psycopg.connect(live_server.dsn, autocommit=True) as db:
        for role in ROLES:
            db.execute(
                "INSERT INTO users (name, password_hash, role) VALUES (%s, %s, %s)"
                " ON CONFLICT (name) DO UPDATE SET password_hash = EXCLUDED.password_hash",
                (role, hash_password(PASSWORD), role),
            )
    return Console(live_server)


@pytest.fixture(scope="session")
def browser():
    """Headless chromium under Selenium for the whole session (one browser start, about 1 s)."""
    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        pytest.fail("the browser tests need Debian's chromium and chromium-driver (scripts/bootstrap installs them)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--window-size=1280,900", "--lang=en-US", "--disable-extensions", "--no-first-run"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture
def fresh_browser(browser):
    """The session's browser with no cookies (each test signs in itself)."""
    browser.delete_all_cookies()
    browser.set_window_size(1280, 900)
    yield browser
    browser.delete_all_cookies()


def sign_in(browser, console: Console, role: str = "editor", next_path: str = "/fleet") -> None:
    """Sign `browser` in through the console's form."""
    from selenium.webdriver.common.by import By

    browser.get(console.url("/login?next=/console" + next_path))
    browser.find_element(By.ID, "name").send_keys(role)
    browser.find_element(By.ID, "password").send_keys(PASSWORD)
    browser.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait_for(browser, lambda b: "/login" not in b.current_url)


def wait_for(browser, condition, timeout_s: float = 10.0):
    """Selenium's explicit wait, with the page's text in the failure."""
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.support.ui import WebDriverWait

    try:
        return WebDriverWait(browser, timeout_s).until(condition)
    except TimeoutException:
        raise AssertionError(f"waited {timeout_s} s on {browser.current_url}; the page says: {browser.find_element('tag name', 'body').text[:800]}") from None


def shoot(browser, name: str) -> None:
    """A screenshot of the page: kept when $SIGNAGE_CONSOLE_SCREENSHOTS names a folder; never blank."""
    png = browser.get_screenshot_as_png()
    import cv2
    import numpy as np

    image = cv2.imdecode(np.frombuffer(png, np.uint8), cv2.IMREAD_GRAYSCALE)
    assert image is not None and float(image.std()) > 5.0, f"the {name} page looks blank"
    folder = os.environ.get("SIGNAGE_CONSOLE_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        (Path(folder) / f"console-{name}.png").write_bytes(png)


def on_phone(browser) -> None:
    """Make the window a phone's size (a 390 x 844 CSS-pixel screen)."""
    browser.set_window_size(390, 844)


__all__ = ["Console", "csrf_of", "on_phone", "shoot", "sign_in", "wait_for", "shutil"]
