"""The console's fleet pages: every kiosk from its heartbeats, silent kiosks, the group filter, one kiosk, commands.

Kiosks here are real rows (tests/server/builders.py) that send real heartbeats, acks and
screenshots to the kiosk API of the live server; the pages are read over HTTP, and a few
flows in a real browser.
"""

from __future__ import annotations

import datetime as dt
import re

import httpx
import psycopg
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from signage.server.console.pages_fleet import SILENT_AFTER_S, relative_time
from signage.server.console.web import as_sentence
from tests.server.builders import fetch_one, local_text, make_group, make_kiosk, make_release, make_store, revoke_kiosk
from tests.server.console.conftest import csrf_of, on_phone, shoot, sign_in, wait_for
from tests.server.console.test_console_content import ad_png
from tests.server.people_helpers import cheap_argon2, png_bytes  # noqa: F401  (autouse: cheap hashing)


def player_status(item: str = "snacks_chips", **changes) -> dict:
    """A player's status dict as signage/player/status.py describes it."""
    status = {
        "started_at": "2026-12-01 09:00:00+09:00", "uptime_s": 5400.0, "mode": "live",
        "playing": {"playlist": "main", "item": item, "rule": "teens_after_school", "since": "2026-12-01 10:29:50+09:00",
                    "reason": "teens in front of the screen"},
        "camera": {"state": "ok", "detail": "/dev/video0", "engine_fps": 14.5, "frames_dropped": 3},
        "database": {"state": "ok", "reason": None, "proof_of_play_pending": 0},
        "disk_free_bytes": 52_000_000_000,
        "last_errors": [{"at": "2026-12-01 10:01:00+09:00", "message": "content snacks_old.png: no such file"}],
    }
    status.update(changes)
    return status


def send_heartbeat(console, kiosk, release_id: int | None = None, status: dict | None = None, acked: list | None = None,
                   last_error: str | None = None) -> dict:
    """One heartbeat through the kiosk API, as signage sync sends it; the reply."""
    body = {"sent_at": local_text(dt.datetime.now()), "utc_offset_s": 0, "release_id": release_id,
            "status": status if status is not None else player_status(), "acked": acked or [],
            "sync": {"spooled_plays": 2, "spooled_audience": 5, "dropped_audience": 0, "last_error": last_error}}
    reply = httpx.post(console.server.url + "/api/v1/kiosk/heartbeat", json=body, headers=kiosk.headers, timeout=10)
    assert reply.status_code == 200, reply.text
    return reply.json()


def go_quiet(console, kiosk, minutes: float) -> None:
    """Make the kiosk's last heartbeat `minutes` old."""
    with psycopg.connect(console.server.dsn, autocommit=True) as db:
        db.execute("UPDATE kiosk_state SET last_seen_at = now() - make_interval(secs => %s) WHERE kiosk_id = %s",
                   (minutes * 60, kiosk.kiosk_id))


def row_of(page: str, kiosk_id: int) -> str:
    found = re.search(rf'<tr class="[^"]*" id="kiosk-{kiosk_id}".*?</tr>', page, re.S)
    assert found, f"kiosk {kiosk_id} is not listed"
    return found.group(0)


def small_fleet(console) -> dict:
    """Two stores in two groups; three kiosks: one heartbeating, one silent, one awaiting enrolment."""
    dsn = console.server.dsn
    gangnam, busan = make_store(dsn, "gangnam-01"), make_store(dsn, "busan-02")
    seoul = make_group(dsn, "seoul", stores=(gangnam,))
    make_group(dsn, "south", stores=(busan,))
    release_id, _ = make_release(dsn, seoul)
    front = make_kiosk(dsn, gangnam, "front")
    send_heartbeat(console, front, release_id=release_id)
    door = make_kiosk(dsn, busan, "door")
    send_heartbeat(console, door, status=player_status("coffee_morning"))
    go_quiet(console, door, 42)
    with psycopg.connect(dsn, autocommit=True) as db:
        new_id = db.execute("INSERT INTO kiosks (name, store_id) VALUES ('spare', %s) RETURNING kiosk_id", (busan,)).fetchone()[0]
    return {"front": front, "door": door, "spare_id": new_id, "release_id": release_id}


# ---- the fleet page ---------------------------------------------------------------------------


def test_every_kiosk_shows_what_its_heartbeat_says(console):
    fleet = small_fleet(console)
    with console.client("viewer") as client:
        page = client.get("/fleet")
    assert page.status_code == 200
    front = row_of(page.text, fleet["front"].kiosk_id)
    assert 'class="badge online"' in front and "s ago" in front and "UTC" in front
    assert "snacks_chips" in front and "rule teens_after_school" in front  # what plays now
    assert ">ok<" in front and "14.5" in front  # camera state and engine fps
    assert "content snacks_old.png: no such file" in front  # the player's newest error
    assert "v1" in front and "(seoul)" in front  # the release it runs
    assert "gangnam-01 · seoul" in front
    spare = row_of(page.text, fleet["spare_id"])
    assert "awaiting enrolment" in spare and "never" in spare


def test_a_silent_kiosk_comes_first_marked_and_counted(console):
    fleet = small_fleet(console)
    with console.client("viewer") as client:
        page = client.get("/fleet").text
    rows = re.findall(r'<tr class="([^"]*)" id="kiosk-(\d+)"', page)
    assert rows[0] == ("silent", str(fleet["door"].kiosk_id))  # first, although busan sorts after gangnam
    assert [kiosk for cls, kiosk in rows if cls == "silent"] == [str(fleet["door"].kiosk_id)]
    door = row_of(page, fleet["door"].kiosk_id)
    assert 'class="badge silent"' in door and "for 42 min" in door and "42 min ago" in door
    count = re.search(r'id="silent-count"[^>]*>(.*?)</p>', page, re.S).group(1)
    assert "<strong>1</strong>" in count and "kiosk is silent" in count and "more than 5 min" in count
    assert "3 kiosks: 1 online, 1 silent, 1 awaiting enrolment." in " ".join(page.split())


def test_silence_is_a_documented_multiple_of_the_heartbeat_interval(console):
    from signage.sync.settings import SyncSettings

    assert SILENT_AFTER_S == 5 * SyncSettings().heartbeat_s == 300
    dsn = console.server.dsn
    kiosk = make_kiosk(dsn, make_store(dsn, "edge-01"), "edge")
    send_heartbeat(console, kiosk)
    go_quiet(console, kiosk, 4.5)  # under five intervals: still online
    with console.client("viewer") as client:
        assert 'class="badge online"' in row_of(client.get("/fleet").text, kiosk.kiosk_id)
        go_quiet(console, kiosk, 5.5)
        assert 'class="badge silent"' in row_of(client.get("/fleet").text, kiosk.kiosk_id)


def test_an_enrolled_kiosk_never_heard_from_goes_silent_after_the_same_time(console):
    dsn = console.server.dsn
    kiosk = make_kiosk(dsn, make_store(dsn, "mute-01"), "mute")
    with psycopg.connect(dsn, autocommit=True) as db:
        db.execute("UPDATE kiosks SET enrolled_at = now() - interval '2 hours' WHERE kiosk_id = %s", (kiosk.kiosk_id,))
    with console.client("viewer") as client:
        row = row_of(client.get("/fleet").text, kiosk.kiosk_id)
    assert 'class="silent"' in row and "never" in row and "for 2.0 h" in row


def test_the_group_filter_shows_the_kiosks_of_its_stores_only(console):
    fleet = small_fleet(console)
    with console.client("viewer") as client:
        page = client.get("/fleet", params={"group": "seoul"}).text
        assert f'id="kiosk-{fleet["front"].kiosk_id}"' in page
        assert f'id="kiosk-{fleet["door"].kiosk_id}"' not in page and 'id="silent-count"' not in page
        assert '<option value="seoul" selected>' in page and "in the stores of seoul" in page
        everyone = client.get("/fleet", params={"group": ""}).text
        assert f'id="kiosk-{fleet["door"].kiosk_id}"' in everyone
        unknown = client.get("/fleet", params={"group": "seuol"})
    assert unknown.status_code == 404
    assert "no group &#39;seuol&#39; (did you mean" in unknown.text and 'id="error-reason"' in unknown.text


def test_a_kiosk_without_a_camera_or_status_reads_plainly(console):
    dsn = console.server.dsn
    kiosk = make_kiosk(dsn, make_store(dsn, "plain-01"), "plain")
    send_heartbeat(console, kiosk, status={"mode": "live", "camera": None, "playing": None, "last_errors": "junk"},
                   last_error="heartbeat: connection refused")
    with console.client("viewer") as client:
        row = row_of(client.get("/fleet").text, kiosk.kiosk_id)
    assert "no camera" in row and "—" in row
    assert "sync: heartbeat: connection refused" in row  # the sync service's own error counts


# ---- one kiosk, commands, screenshots ------------------------------------------------------------


def test_the_kiosk_page_has_its_details_and_recent_errors(console):
    fleet = small_fleet(console)
    with console.client("viewer") as client:
        page = client.get(f"/kiosks/{fleet['front'].kiosk_id}")
    assert page.status_code == 200
    text = " ".join(page.text.split())
    assert "snacks_chips from main, rule teens_after_school" in text
    assert "/dev/video0" in text and "14.5 fps, 3 frames dropped" in text
    assert "runs v1 of seoul" in text and "up 90 min" in text and "52.0 GB" in text
    assert "2 plays, 5 audience samples" in text
    assert "content snacks_old.png: no such file" in re.search(r'id="kiosk-errors".*?</section>', page.text, re.S).group(0)
    assert "needs the editor role" in text and 'id="send-reload"' not in page.text  # a viewer gets no buttons


def test_an_unknown_kiosk_is_a_404_page(console):
    with console.client("viewer") as client:
        missing = client.get("/kiosks/999999")
        junk = client.get("/kiosks/front-door")
    assert missing.status_code == 404 and "no kiosk 999999" in missing.text and "<html" in missing.text
    assert junk.status_code == 404 and "There is no kiosk or command" in junk.text


def test_a_reload_goes_through_the_api_command_and_shows_pending_then_acked(console):
    fleet = small_fleet(console)
    kiosk = fleet["front"]
    with console.client("editor") as client:
        page = client.get(f"/kiosks/{kiosk.kiosk_id}")
        sent = client.post(f"/kiosks/{kiosk.kiosk_id}/commands", data={"csrf": csrf_of(page.text), "kind": "reload"})
        assert sent.status_code == 303 and sent.headers["location"] == f"/console/kiosks/{kiosk.kiosk_id}"
        command_id, kind, created_by = fetch_one(console.server.dsn,
                                                 "SELECT command_id, kind, created_by FROM commands WHERE kiosk_id = %s",
                                                 (kiosk.kiosk_id,))
        assert (kind, created_by) == ("reload", "user:editor")
        audit = fetch_one(console.server.dsn, "SELECT actor, detail->>'kind' FROM audit_log WHERE action = 'command.create'")
        assert audit == ("user:editor", "reload")  # the same audit row as the API writes
        after = client.get(f"/kiosks/{kiosk.kiosk_id}").text
        assert "A reload was sent (command" in after and "next heartbeat" in after
        assert f'data-command="{command_id}" data-state="pending"' in after and 'data-pending="1"' in after
        reply = send_heartbeat(console, kiosk)
        assert reply["commands"] == [{"command_id": command_id, "kind": "reload"}]
        assert f'data-command="{command_id}" data-state="delivered"' in client.get(f"/kiosks/{kiosk.kiosk_id}").text
        send_heartbeat(console, kiosk, acked=[{"command_id": command_id, "result": "done", "detail": "rules read again"}])
        done = client.get(f"/kiosks/{kiosk.kiosk_id}").text
    assert f'data-command="{command_id}" data-state="done"' in done and "acked: done" in done and "rules read again" in done
    assert "data-pending" not in done


def test_a_screenshot_once_uploaded_is_shown_behind_the_session(console):
    fleet = small_fleet(console)
    kiosk = fleet["front"]
    shot = png_bytes(red=30, size_px=8)
    with console.client("editor") as client:
        page = client.get(f"/kiosks/{kiosk.kiosk_id}").text
        assert "No screenshot yet" in page
        client.post(f"/kiosks/{kiosk.kiosk_id}/commands", data={"csrf": csrf_of(page), "kind": "screenshot"})
        command_id = send_heartbeat(console, kiosk)["commands"][0]["command_id"]
        assert httpx.put(f"{console.server.url}/api/v1/kiosk/commands/{command_id}/screenshot", content=shot,
                         headers=kiosk.headers, timeout=10).status_code == 204
        send_heartbeat(console, kiosk, acked=[{"command_id": command_id, "result": "done", "detail": None}])
        page = client.get(f"/kiosks/{kiosk.kiosk_id}").text
        assert f'<img class="screenshot" src="/console/commands/{command_id}/screenshot"' in page
        image = client.get(f"/commands/{command_id}/screenshot")
        assert image.status_code == 200 and image.headers["content-type"] == "image/png" and image.content == shot
    with httpx.Client(base_url=console.base, timeout=10) as anonymous:
        refused = anonymous.get(f"/commands/{command_id}/screenshot")
    assert refused.status_code == 303 and "/console/login" in refused.headers["location"]


def test_a_viewer_cannot_send_commands(console):
    fleet = small_fleet(console)
    with console.client("viewer") as client:
        csrf = csrf_of(client.get("/fleet").text)
        refused = client.post(f"/kiosks/{fleet['front'].kiosk_id}/commands", data={"csrf": csrf, "kind": "reload"})
    assert refused.status_code == 403
    assert "You are signed in as a viewer; this needs the editor role. Ask an admin." in refused.text
    assert fetch_one(console.server.dsn, "SELECT count(*) FROM commands") == (0,)


def test_commands_refused_are_sentences_and_send_nothing(console):
    fleet = small_fleet(console)
    kiosk_id = fleet["front"].kiosk_id
    with console.client("editor") as client:
        csrf = csrf_of(client.get(f"/kiosks/{kiosk_id}").text)
        restart = client.post(f"/kiosks/{kiosk_id}/commands", data={"csrf": csrf, "kind": "restart"})
        assert restart.status_code == 400 and "The console sends a reload or a screenshot, not &#39;restart&#39;" in restart.text
        forged = client.post(f"/kiosks/{kiosk_id}/commands", data={"csrf": "0" * 64, "kind": "reload"})
        assert forged.status_code == 403 and "reload the page" in forged.text
        missing = client.post("/kiosks/424242/commands", data={"csrf": csrf, "kind": "reload"})
        assert missing.status_code == 404 and "no kiosk 424242" in missing.text
        revoke_kiosk(console.server.dsn, kiosk_id)
        revoked = client.post(f"/kiosks/{kiosk_id}/commands", data={"csrf": csrf, "kind": "reload"}, follow_redirects=True)
    assert "Kiosk " + str(kiosk_id) + " is revoked: it will not fetch commands." in revoked.text
    assert 'class="flash error"' in revoked.text and "This kiosk is revoked" in revoked.text
    assert fetch_one(console.server.dsn, "SELECT count(*) FROM commands") == (0,)


def test_relative_times_and_sentences():
    now = dt.datetime(2026, 12, 1, 16, 53, 20, tzinfo=dt.UTC)
    assert relative_time(now - dt.timedelta(minutes=3, seconds=5), now) == {
        "ago": "3 min ago", "at": "16:50:15 UTC", "iso": "2026-12-01T16:50:15+00:00"}
    assert relative_time(now - dt.timedelta(seconds=12), now)["ago"] == "12 s ago"
    assert relative_time(now - dt.timedelta(hours=5), now)["ago"] == "5 h ago"
    assert relative_time(now - dt.timedelta(days=3), now) == {
        "ago": "3 days ago", "at": "2026-11-28 16:53 UTC", "iso": "2026-11-28T16:53:20+00:00"}
    assert relative_time(now + dt.timedelta(seconds=2), now)["ago"] == "just now"
    assert as_sentence("kiosk 4 is revoked: it will not fetch commands") == "Kiosk 4 is revoked: it will not fetch commands."
    assert as_sentence("Done.") == "Done."


# ---- in a real browser ---------------------------------------------------------------------------------


def test_the_fleet_in_a_browser_shows_the_silent_kiosk_and_filters_by_group(console, fresh_browser):
    fleet = small_fleet(console)
    browser = fresh_browser
    sign_in(browser, console, "viewer", "/fleet")
    silent = browser.find_element(By.CSS_SELECTOR, "#fleet-table tbody tr")
    assert silent.get_attribute("class") == "silent" and "door" in silent.text and "silent" in silent.text
    assert "1 kiosk is silent" in browser.find_element(By.ID, "silent-count").text
    shoot(browser, "fleet")
    Select(browser.find_element(By.ID, "group")).select_by_value("seoul")  # the script submits the choice
    wait_for(browser, lambda b: "group=seoul" in b.current_url)
    rows = browser.find_elements(By.CSS_SELECTOR, "#fleet-table tbody tr")
    assert [row.get_attribute("id") for row in rows] == [f"kiosk-{fleet['front'].kiosk_id}"]
    Select(browser.find_element(By.ID, "group")).select_by_value("")
    wait_for(browser, lambda b: len(b.find_elements(By.CSS_SELECTOR, "#fleet-table tbody tr")) == 3)
    on_phone(browser)
    browser.refresh()
    wait_for(browser, lambda b: b.find_element(By.ID, "fleet-table").is_displayed())
    # The table scrolls inside its frame; the page itself does not grow sideways.
    assert browser.execute_script("return document.documentElement.scrollWidth") <= 400
    shoot(browser, "fleet-phone")


def newest_command_state(browser) -> str | None:
    """The state of the kiosk page's newest command; None while the page reloads under us (a stale row)."""
    from selenium.common.exceptions import StaleElementReferenceException

    try:
        return browser.find_element(By.CSS_SELECTOR, "#commands-table tbody tr").get_attribute("data-state")
    except StaleElementReferenceException:
        return None


def test_sending_a_reload_from_the_kiosk_page_in_a_browser(console, fresh_browser):
    fleet = small_fleet(console)
    kiosk = fleet["front"]
    with console.api("editor") as api:  # an earlier screenshot, as a kiosk sends it, for the page's picture
        assert api.post(f"/kiosks/{kiosk.kiosk_id}/commands", json={"kind": "screenshot"}).status_code == 201
    shot_id = send_heartbeat(console, kiosk, release_id=fleet["release_id"])["commands"][0]["command_id"]
    httpx.put(f"{console.server.url}/api/v1/kiosk/commands/{shot_id}/screenshot", headers=kiosk.headers, timeout=10,
              content=ad_png("CHIPS -20%", (30, 140, 220), size=(960, 540))).raise_for_status()
    send_heartbeat(console, kiosk, release_id=fleet["release_id"], acked=[{"command_id": shot_id, "result": "done", "detail": None}])
    browser = fresh_browser
    sign_in(browser, console, "editor", f"/kiosks/{kiosk.kiosk_id}")
    browser.find_element(By.ID, "send-reload").click()
    flash = wait_for(browser, lambda b: b.find_element(By.CSS_SELECTOR, ".flash.ok"))
    assert "A reload was sent" in flash.text
    state = browser.find_element(By.CSS_SELECTOR, "#commands-table tbody tr").get_attribute("data-state")
    assert state == "pending"
    command_id = fetch_one(console.server.dsn, "SELECT max(command_id) FROM commands WHERE kiosk_id = %s", (kiosk.kiosk_id,))[0]
    send_heartbeat(console, kiosk, release_id=fleet["release_id"],
                   acked=[{"command_id": command_id, "result": "done", "detail": "reloaded"}])
    # The page looks again by itself while a command is open.
    wait_for(browser, lambda b: newest_command_state(b) == "done", timeout_s=20)
    assert browser.execute_script("var i = document.querySelector('img.screenshot'); return i.complete && i.naturalWidth") == 960
    browser.set_window_size(1280, 1500)  # the whole page in the picture
    shoot(browser, "kiosk")


def listed_ids(page: str) -> list[tuple[str, str]]:
    """(row class, kiosk id) of every row of the fleet table, in order."""
    return re.findall(r'<tr class="([^"]*)" id="kiosk-(\d+)"', page)


def text_of(page: str) -> str:
    return " ".join(page.split())


def page_links(page: str) -> dict[str, str]:
    """The pager's links of the top pager: name (first, previous, next, last) -> href (unescaped)."""
    top = re.search(r'<nav class="pager.*?</nav>', page, re.S).group(0)
    return {name: href.replace("&amp;", "&") for href, name in re.findall(r'href="([^"]+)" rel="[^"]+" data-page-link="(\w+)"', top)}


def test_a_fleet_larger_than_a_page_lists_the_silent_kiosks_first_and_counts_them_all(console, monkeypatch):
    from signage.server.console import pages_fleet

    monkeypatch.setattr(pages_fleet, "PAGE_SIZE", 2)  # the server runs in this process, on a thread
    dsn = console.server.dsn
    store = make_store(dsn, "big-01")
    kiosks = [make_kiosk(dsn, store, name) for name in ("a-front", "b-side", "z-back")]
    for kiosk in kiosks:
        send_heartbeat(console, kiosk)
    go_quiet(console, kiosks[2], 30)
    with console.client("viewer") as client:
        page = client.get("/fleet").text
        second = client.get("/fleet", params={"page": "2"}).text
    assert listed_ids(page) == [("silent", str(kiosks[2].kiosk_id)), ("", str(kiosks[0].kiosk_id))]
    assert listed_ids(second) == [("", str(kiosks[1].kiosk_id))]  # the partial last page
    assert "3 kiosks: 2 online, 1 silent." in text_of(page) and "3 kiosks: 2 online, 1 silent." in text_of(second)
    assert "Kiosks 1–2 of 3 · page 1 of 2" in text_of(page) and "Kiosk 3 of 3 · page 2 of 2" in text_of(second)
    assert 'id="silent-count"' in second  # the count is of the fleet, not of the page


def test_paging_boundaries_exactly_one_page_and_the_links_between_pages(console, monkeypatch):
    from signage.server.console import pages_fleet

    assert pages_fleet.PAGE_SIZE == 200  # the documented page size
    monkeypatch.setattr(pages_fleet, "PAGE_SIZE", 3)
    dsn = console.server.dsn
    seoul_store, busan_store = make_store(dsn, "seoul-01"), make_store(dsn, "busan-01")
    make_group(dsn, "seoul", stores=(seoul_store,))
    seoul = [make_kiosk(dsn, seoul_store, f"s{n}") for n in range(3)]
    busan = [make_kiosk(dsn, busan_store, f"b{n}") for n in range(4)]
    with console.client("viewer") as client:
        exactly = client.get("/fleet", params={"group": "seoul"}).text  # exactly one full page: no pager links
        assert [kiosk for _, kiosk in listed_ids(exactly)] == [str(k.kiosk_id) for k in seoul]
        assert "Kiosks 1–3 of 3</p>" in exactly and page_links(exactly) == {}
        assert client.get("/fleet", params={"group": "seoul", "page": "2"}).status_code == 400
        # 7 kiosks, 3 a page: pages of 3, 3 and 1; every kiosk on exactly one page.
        first = client.get("/fleet").text
        assert set(page_links(first)) == {"next", "last"} and "page 1 of 3" in first
        assert page_links(first)["last"] == "/console/fleet?page=3"
        middle = client.get(page_links(first)["next"].removeprefix("/console")).text
        assert set(page_links(middle)) == {"first", "previous", "next", "last"}
        last = client.get(page_links(middle)["next"].removeprefix("/console")).text
        assert set(page_links(last)) == {"first", "previous"} and page_links(last)["first"] == "/console/fleet"
        seen = [kiosk for page in (first, middle, last) for _, kiosk in listed_ids(page)]
        # busan-01 sorts before seoul-01; within a store by name.
        assert seen == [str(k.kiosk_id) for k in busan + seoul]
        assert "Kiosk 7 of 7 · page 3 of 3" in text_of(last)


def test_silent_kiosks_come_first_across_pages_and_links_keep_the_filters(console, monkeypatch):
    from signage.server.console import pages_fleet

    monkeypatch.setattr(pages_fleet, "PAGE_SIZE", 2)
    dsn = console.server.dsn
    store = make_store(dsn, "aaa-01", "Alpha Mall")
    make_group(dsn, "north", stores=(store,))
    kiosks = [make_kiosk(dsn, store, f"k{n}") for n in range(6)]
    for kiosk in kiosks:
        send_heartbeat(console, kiosk)
    for kiosk in (kiosks[5], kiosks[4], kiosks[1]):  # three silent ones, not the first by name
        go_quiet(console, kiosk, 20)
    with console.client("viewer") as client:
        first = client.get("/fleet", params={"group": "north", "q": "k"}).text
        second = client.get(page_links(first)["next"].removeprefix("/console")).text
        third = client.get(page_links(second)["next"].removeprefix("/console")).text
    assert page_links(first)["next"] == "/console/fleet?group=north&q=k&page=2"
    rows = [row for page in (first, second, third) for row in listed_ids(page)]
    silent = [str(kiosks[n].kiosk_id) for n in (1, 4, 5)]
    assert rows[:3] == [("silent", kiosk) for kiosk in silent]  # page 1 and the top of page 2
    assert [cls for cls, _ in rows[3:]] == ["", "", ""]
    for page in (first, second, third):  # the count at the top is of every kiosk of the filter
        assert "<strong>3</strong>" in page and "6 kiosks in the stores of north matching “k”: 3 online, 3 silent." in text_of(page)


def test_search_matches_names_store_codes_and_store_names_literally(console):
    dsn = console.server.dsn
    sale = make_store(dsn, "sale-50", "Outlet 50% Off")
    under = make_store(dsn, "under_score", "Plain Store")
    seoul = make_store(dsn, "gangnam-07", "강남 Ünterwelt")
    fifty = make_kiosk(dsn, sale, "Window")
    five_o = make_kiosk(dsn, make_store(dsn, "five-0", "Store 500"), "Screen-500")  # "50%" as a wildcard would match "500"
    score = make_kiosk(dsn, under, "Door")
    upper = make_kiosk(dsn, seoul, "SCREEN-77 Entrance")
    with console.client("viewer") as client:
        def found(q: str, **more) -> set[int]:
            reply = client.get("/fleet", params={"q": q, **more})
            assert reply.status_code == 200, reply.text
            return {int(kiosk) for _, kiosk in listed_ids(reply.text)}

        assert found("50%") == {fifty.kiosk_id}  # the store name, % literal
        assert found("r_s") == {score.kiosk_id}  # the store code "under_score"
        assert found("n_5") == set()  # a wildcard _ would match "Screen-500"
        assert found("screen-77") == {upper.kiosk_id}  # case-insensitive, kiosk name
        assert found("GANGNAM") == {upper.kiosk_id}  # store code
        assert found("강남") == {upper.kiosk_id} and found("üNTERWELT") == {upper.kiosk_id}  # non-ASCII, case folded
        assert found("screen") == {five_o.kiosk_id, upper.kiosk_id}
        assert found("  screen-77   entrance ") == {upper.kiosk_id}  # spaces trimmed and squeezed as typed
        assert found("\\") == set()  # a backslash is only a backslash
        assert found("") == {fifty.kiosk_id, five_o.kiosk_id, score.kiosk_id, upper.kiosk_id}
        none = client.get("/fleet", params={"q": "nowhere"}).text
    assert 'id="fleet-empty"' in none and "match these filters" in none and 'value="nowhere"' in none


def test_search_combines_with_the_group_filter(console):
    fleet = small_fleet(console)
    with console.client("viewer") as client:
        both = client.get("/fleet", params={"q": "o", "group": "south"}).text  # "front" and "door" both have an o
    assert [kiosk for _, kiosk in listed_ids(both)] == [str(fleet["door"].kiosk_id)]
    assert '<option value="south" selected>' in both


def test_the_state_filter_lists_only_kiosks_in_that_state(console):
    fleet = small_fleet(console)
    with console.client("viewer") as client:
        def ids(state: str) -> list[str]:
            reply = client.get("/fleet", params={"state": state})
            assert reply.status_code == 200
            assert f'<option value="{state}" selected>' in reply.text
            return [kiosk for _, kiosk in listed_ids(reply.text)]

        assert ids("silent") == [str(fleet["door"].kiosk_id)]
        assert ids("online") == [str(fleet["front"].kiosk_id)]
        assert ids("awaiting") == [str(fleet["spare_id"])]
        assert ids("revoked") == []
        silent = client.get("/fleet", params={"state": "silent"}).text
    # The counts still say how many of each state there are; the range counts the listed ones.
    assert "3 kiosks: 1 online, 1 silent, 1 awaiting enrolment. Only the silent ones are listed." in text_of(silent)
    assert "Kiosk 1 of 1</p>" in silent


def test_bad_page_and_state_values_are_400_pages_with_a_sentence(console):
    small_fleet(console)
    with console.client("viewer") as client:
        for page in ("0", "-1", "two", "1.5", "9" * 30):
            reply = client.get("/fleet", params={"page": page})
            assert reply.status_code == 400, page
            assert "is not a page number; pages are numbered from 1." in reply.text and 'id="error-reason"' in reply.text
        beyond = client.get("/fleet", params={"page": "2"})
        assert beyond.status_code == 400 and "There is no page 2: these kiosks fill 1 page; go to page 1" in beyond.text
        state = client.get("/fleet", params={"state": "asleep"})
        assert state.status_code == 400 and "There is no kiosk state &#39;asleep&#39;; choose one of silent, online" in state.text
        assert client.get("/fleet", params={"page": "1", "state": ""}).status_code == 200
        nothing = client.get("/fleet", params={"q": "nowhere", "page": "1"})  # an empty list still has page 1
    assert nothing.status_code == 200 and "No kiosks listed" in nothing.text


def test_the_filter_form_works_without_js_and_labels_every_field(console):
    from tests.server.console.test_console_routes import unlabelled_fields

    small_fleet(console)
    with console.client("viewer") as client:
        page = client.get("/fleet", params={"q": "door", "state": "silent"}).text
    form = re.search(r'<form method="get" action="/console/fleet".*?</form>', page, re.S).group(0)
    assert 'name="q"' in form and 'name="group"' in form and 'name="state"' in form and '<button type="submit">' in form
    assert 'value="door"' in form and unlabelled_fields(page) == []


def test_paging_and_searching_the_fleet_in_a_browser(console, fresh_browser, monkeypatch):
    from selenium.webdriver.common.keys import Keys

    from signage.server.console import pages_fleet

    monkeypatch.setattr(pages_fleet, "PAGE_SIZE", 2)
    fleet = small_fleet(console)
    browser = fresh_browser
    sign_in(browser, console, "viewer", "/fleet")
    assert "Kiosks 1–2 of 3 · page 1 of 2" in browser.find_element(By.ID, "fleet-range").text
    browser.find_element(By.CSS_SELECTOR, 'a[data-page-link="next"]').click()
    wait_for(browser, lambda b: "page=2" in b.current_url)
    assert [row.get_attribute("id") for row in browser.find_elements(By.CSS_SELECTOR, "#fleet-table tbody tr")] == \
        [f"kiosk-{fleet['front'].kiosk_id}"]
    shoot(browser, "fleet-pages")
    search = browser.find_element(By.ID, "q")
    search.send_keys("DOOR", Keys.ENTER)  # a search starts again on page 1
    wait_for(browser, lambda b: "q=DOOR" in b.current_url and "page=" not in b.current_url)
    assert [row.get_attribute("id") for row in browser.find_elements(By.CSS_SELECTOR, "#fleet-table tbody tr")] == \
        [f"kiosk-{fleet['door'].kiosk_id}"]
