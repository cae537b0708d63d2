"""The console in Korean and English: each request's language (?lang=, its cookie, Accept-Language,
the server's default), every page in Korean with none of our English left, and the fleet in Korean
on a phone in a real browser."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import httpx
import psycopg
import pytest
from selenium.webdriver.common.by import By

from foundation.i18n import LOCALE_DIR, read_ts
from signage.server.console.web import (
    LANGUAGE_COOKIE,
    accepted_languages,
    choose_language,
)
from tests.server.console.conftest import (
    ROLES,
    csrf_of,
    on_phone,
    shoot,
    sign_in,
    wait_for,
)
from tests.server.console.test_console_fleet import player_status, send_heartbeat
from tests.server.console.test_console_releases import chain  # noqa: F401  (the fixture: group seoul, version 1 out)

pytestmark = pytest.mark.postgres

HANGUL = re.compile("[\uac00-\ud7a3]")


# ---- which language a request speaks -----------------------------------------------------------


@pytest.mark.parametrize(("header", "expected"), [
    ("ko-KR,ko;q=0.9,en-US;q=0.8,en;q=0.7", ["ko", "en"]),
    ("en-US,en;q=0.9,ko;q=0.8", ["en", "ko"]),
    ("ko;q=0.2, en;q=0.9", ["en", "ko"]),  # q-values, not the order, decide
    ("fr-CH, fr;q=0.9, ko;q=0.5, *;q=0.1", ["ko"]),  # languages we do not have and * are passed over
    ("ko;q=0, en", ["en"]),  # q=0: not this one
    ("ko;q=abc", ["ko"]),  # a bad q-value counts as 1
    ("", []),
    (None, []),
])
def test_accept_language_is_read_with_its_q_values(header, expected):
    assert accepted_languages(header) == expected


def test_lang_wins_over_the_cookie_over_the_browser_over_the_server_default():
    assert choose_language("ko", "en", "en", "en") == "ko"
    assert choose_language(None, "ko", "en", "en") == "ko"
    assert choose_language(None, None, "en;q=0.1, ko;q=0.9", "en") == "ko"
    assert choose_language(None, None, "fr", "ko") == "ko"
    assert choose_language(None, None, None, None) == "en"
    # Anything unknown is passed over, never an error.
    assert choose_language("xx", "klingon", "de", None) == "en"
    assert choose_language("xx", None, "ko", None) == "ko"


def lang_of(page: str) -> str:
    found = re.search(r'<html lang="([a-z]+)">', page)
    assert found, "no <html lang> on the page"
    return found.group(1)


def test_a_lang_link_sets_a_cookie_that_outlasts_the_browsers_language(console):
    with console.client("viewer") as client:
        english = client.get("/fleet", headers={"Accept-Language": "en-US,en;q=0.9"})
        assert lang_of(english.text) == "en" and "set-cookie" not in english.headers
        korean = client.get("/fleet", headers={"Accept-Language": "ko-KR,ko;q=0.9"})
        assert lang_of(korean.text) == "ko" and "<h1>키오스크 현황</h1>" in korean.text
        chosen = client.get("/fleet", params={"lang": "ko"}, headers={"Accept-Language": "en"})
        assert lang_of(chosen.text) == "ko"
        assert f"{LANGUAGE_COOKIE}=ko" in chosen.headers["set-cookie"] and "Path=/console" in chosen.headers["set-cookie"]
        # The cookie now speaks for the person, whatever the browser asks for.
        remembered = client.get("/fleet", headers={"Accept-Language": "en"})
        assert lang_of(remembered.text) == "ko" and "set-cookie" not in remembered.headers
        back = client.get("/fleet", params={"lang": "en"})
        assert lang_of(back.text) == "en" and f"{LANGUAGE_COOKIE}=en" in back.headers["set-cookie"]
        assert lang_of(client.get("/fleet", headers={"Accept-Language": "ko"}).text) == "en"


def test_an_unknown_lang_falls_back_without_an_error_and_sets_no_cookie(console):
    with console.client("viewer") as client:
        for value in ("xx", "", "ko-KR-bogus", "<script>"):
            reply = client.get("/fleet", params={"lang": value}, headers={"Accept-Language": "ko"})
            assert reply.status_code == 200, value
            assert lang_of(reply.text) == "ko" and "set-cookie" not in reply.headers
        reply = client.get("/fleet", params={"lang": "xx"})
        assert reply.status_code == 200 and lang_of(reply.text) == "en"


def test_the_language_switch_is_on_every_page_and_keeps_the_query(console):
    with console.client("viewer") as client:
        page = client.get("/fleet", params={"state": "silent", "q": "gang"}).text
    switch = re.search(r'<nav class="languages".*?</nav>', page, re.DOTALL).group(0)
    assert '<strong lang="en" aria-current="true">English</strong>' in switch
    assert 'href="/console/fleet?state=silent&amp;q=gang&amp;lang=ko"' in switch and ">한국어</a>" in switch
    anonymous = httpx.get(console.url("/login"), params={"lang": "ko"})
    assert 'id="language-switch"' in anonymous.text and lang_of(anonymous.text) == "ko"


def test_a_message_after_a_redirect_and_an_error_page_speak_the_request_language(console):
    with console.client("viewer") as client:
        client.get("/fleet", params={"lang": "ko"})
        fleet = client.get("/fleet").text
        signed_out = client.post("/logout", data={"csrf": csrf_of(fleet)})
        login = client.get(signed_out.headers["location"].removeprefix("/console"))
        assert "로그아웃되었습니다." in login.text
    with console.client("viewer") as client:
        missing = client.get("/no-such-page", params={"lang": "ko"})
        assert missing.status_code == 404 and "콘솔에 그런 페이지가 없습니다" in missing.text
        refused = client.get("/fleet", params={"page": "x", "lang": "ko"})
        assert refused.status_code == 400 and "페이지 번호가 아닙니다" in refused.text
        # A role too low: the 403 sentence names both roles in Korean.
        forbidden = client.get("/groups/nowhere/edit", params={"lang": "ko"})
        assert forbidden.status_code == 403
        assert "현재 조회자 역할로 로그인되어 있습니다. 이 작업에는 편집자 역할이 필요합니다." in forbidden.text


def test_counts_take_their_plural_in_english_and_their_counter_in_korean(console, chain):  # noqa: F811
    kiosk = chain.kiosks[0]
    send_heartbeat(console, kiosk, status=player_status())
    with console.client("viewer") as client:
        english = client.get("/fleet", params={"lang": "en"}).text
        korean = client.get("/fleet", params={"lang": "ko"}).text
    assert re.search(r'id="fleet-summary">\s*2 kiosks:', english)
    assert re.search(r'id="fleet-summary">\s*키오스크 2대:', korean)


# ---- every page in Korean ----------------------------------------------------------------------


class _Texts(HTMLParser):
    """The text nodes of a page and the attributes people read (alt, placeholder, aria-label, title)."""

    READ = ("alt", "placeholder", "aria-label", "title", "data-busy")

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        self.texts += [" ".join(value.split()) for name, value in attrs if name in self.READ and value]

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip and data.strip():
            self.texts.append(" ".join(data.split()))


def texts_of(page: str) -> list[str]:
    parser = _Texts()
    parser.feed(page)
    return parser.texts


def english_sources() -> set[str]:
    """Every whole English text of the console's catalogue that reads the same on a page (no field,
    no count) and whose Korean differs: if a Korean page shows one, a text was not translated."""
    english = read_ts(LOCALE_DIR / "en" / "console.ts")
    korean = read_ts(LOCALE_DIR / "ko" / "console.ts")
    return {source for (context, source), _ in english.items()
            if context.startswith("console.") and "{" not in source and "%n" not in source
            and korean.get((context, source)) not in (None, source)}


def test_the_check_finds_an_english_text_left_on_a_page():
    # The check itself can fail: an English page is full of our sources.
    page = '<html lang="en"><body><h1>Fleet</h1><button>Sign out</button><input placeholder="e.g. gangnam"></body></html>'
    assert {"Fleet", "Sign out", "e.g. gangnam"} <= set(texts_of(page)) & english_sources()


def test_every_page_reads_in_korean_with_none_of_our_english_left(console, chain):  # noqa: F811
    kiosk = chain.kiosks[0]
    with psycopg.connect(console.server.dsn, autocommit=True) as db:
        release_id = db.execute("SELECT release_id FROM releases ORDER BY release_id DESC LIMIT 1").fetchone()[0]
    send_heartbeat(console, kiosk, release_id=release_id, status=player_status())
    english = english_sources()
    assert len(english) > 300  # the catalogue is read (a broken read would make the check pass trivially)
    pages = {
        "fleet": "/fleet", "kiosk": f"/kiosks/{kiosk.kiosk_id}", "releases": "/releases", "group": "/groups/seoul",
        "release": "/groups/seoul/releases/1", "editor": "/groups/seoul/edit",
        "simulator": "/groups/seoul/simulate?at=2026-12-01+16:10&age_group=teen&attire=school_uniform",
        "diff": "/groups/seoul/diff", "rollout": "/groups/seoul/rollout", "content": "/content",
        "item": "/content/items/brand_welcome", "suggestions": "/suggestions", "group suggestions": "/suggestions?group=seoul",
        "reports": "/reports", "missing": "/no-such-page",
    }
    with console.client("editor") as client:
        rendered = {}
        for name, path in pages.items():
            reply = client.get(path + ("&" if "?" in path else "?") + "lang=ko")
            assert reply.status_code in (200, 404), (name, reply.status_code)
            rendered[name] = reply.text
        rollout = rendered["rollout"]
        rendered["rollback confirmation"] = client.post(
            "/groups/seoul/rollout", params={"lang": "ko"}, data={"csrf": csrf_of(rollout), "step": "rollback"}).text
        rendered["editor with a problem"] = client.post(
            "/groups/seoul/edit", params={"lang": "ko"},
            data={"csrf": csrf_of(rendered["editor"]), "action": "check", "source": "yaml", "base_version": "1",
                  "document_yaml": "rules: [{name: x, playlist: nowhere}]\nplaylists: []\n"}).text
    rendered["sign-in"] = httpx.get(console.url("/login"), params={"lang": "ko"}).text
    for name, page in rendered.items():
        assert lang_of(page) == "ko", name
        assert HANGUL.search(" ".join(texts_of(page))), f"the {name} page has no Korean"
        # The signed-in account is named "editor" (conftest names accounts after their roles): data, not ours.
        left = sorted(set(texts_of(page)) & english - set(ROLES))
        assert not left, f"the {name} page still says in English: {left}"
    # Words of the audience, in Korean too: the rules table and the editor's boxes.
    assert "청소년" in rendered["release"] and "교복" in rendered["release"]
    assert re.search(r'value="teen"[^>]*> 청소년', rendered["editor"])
    assert "(편집자)" in rendered["fleet"]  # the signed-in person's role
    assert 'value="teen" selected>청소년' in rendered["simulator"]  # the audience asked about, in words


def test_the_page_scripts_get_their_texts_in_the_page_language(console, chain):  # noqa: F811
    with console.client("editor") as client:
        page = client.get("/groups/seoul/edit", params={"lang": "ko"}).text
    block = re.search(r'<script type="application/json" id="console-messages">(.*?)</script>', page, re.DOTALL).group(1)
    import json

    messages = json.loads(block)
    assert messages["console.editor\u0004Checking…"] == "검사 중…"
    assert messages["console.content\u0004Drop one file at a time."] == "한 번에 파일 하나만 끌어 놓으십시오."
    assert "</" not in block  # a kiosk name cannot end the block early: tojson escapes < and >


# ---- a real browser -------------------------------------------------------------------------------


def test_the_korean_fleet_on_a_phone_in_a_real_browser(console, chain, fresh_browser):  # noqa: F811
    for kiosk in chain.kiosks:
        send_heartbeat(console, kiosk, status=player_status())
    browser = fresh_browser
    sign_in(browser, console, "viewer", "/fleet")
    browser.find_element(By.CSS_SELECTOR, "#language-switch a[data-lang=ko]").click()
    wait_for(browser, lambda b: b.find_element(By.TAG_NAME, "html").get_attribute("lang") == "ko")
    assert browser.find_element(By.TAG_NAME, "h1").text == "키오스크 현황"
    assert "키오스크 2대" in browser.find_element(By.ID, "fleet-summary").text
    # The CSS names the Korean face first for a Korean page.
    family = browser.execute_script("return getComputedStyle(document.body).fontFamily")
    assert family.startswith('"Noto Sans CJK KR"'), family
    on_phone(browser)
    browser.get(console.url("/fleet"))  # the cookie keeps Korean without ?lang=
    wait_for(browser, lambda b: b.find_element(By.ID, "fleet-table").is_displayed())
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "ko"
    # The header (navigation, language switch, sign-out) and the table fit the phone: nothing grows sideways.
    assert browser.execute_script("return document.documentElement.scrollWidth") <= 400
    header = browser.find_element(By.CSS_SELECTOR, "header.top")
    assert header.size["width"] <= 400
    assert browser.find_element(By.CSS_SELECTOR, "nav.languages a[data-lang=en]").is_displayed()
    shoot(browser, "fleet-phone-ko")
