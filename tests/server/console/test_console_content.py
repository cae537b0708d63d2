"""The console's content pages: uploads checked like `signage content add`, thumbnails, item forms, usage.

Uploads go over real HTTP to the live server (multipart, as a browser's form sends them);
the files are real PNGs and an AVI written with OpenCV, and what is stored is read back
from PostgreSQL and the content folder. A server with a small upload limit shows the
oversized case; a real browser uploads by the file input and by a drop.
"""

from __future__ import annotations

import base64
import hashlib
import re
import urllib.parse
from pathlib import Path

import cv2
import httpx
import numpy as np
import psycopg
import pytest
from selenium.webdriver.common.by import By

from tests.server.builders import fetch_one
from tests.server.conftest import LiveServer, start_server_thread
from tests.server.console.conftest import ROLES, Console, csrf_of, shoot, sign_in, wait_for
from tests.server.people_helpers import PASSWORD, add_group, add_store, add_text, cheap_argon2, make_release  # noqa: F401


def ad_png(text: str = "SNACKS -20%", colour: tuple[int, int, int] = (40, 90, 200), size: tuple[int, int] = (640, 360)) -> bytes:
    """A real PNG that looks like an ad: a coloured field, a band and a line of text."""
    width, height = size
    picture = np.zeros((height, width, 3), np.uint8)
    picture[:] = colour
    picture[int(height * 0.62):int(height * 0.82)] = (255, 255, 255)
    cv2.putText(picture, text, (int(width * 0.06), int(height * 0.45)), cv2.FONT_HERSHEY_SIMPLEX, width / 320, (255, 255, 255),
                max(2, width // 160), cv2.LINE_AA)
    ok, png = cv2.imencode(".png", picture)
    assert ok
    return png.tobytes()


def ad_video(path: Path, frames: int = 24, fps: float = 12.0) -> bytes:
    """A short Motion-JPEG AVI (what OpenCV writes everywhere); its bytes."""
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), fps, (320, 180))
    assert writer.isOpened()
    for index in range(frames):
        frame = np.zeros((180, 320, 3), np.uint8)
        frame[:] = (20, 20 + index * 8, 160)
        cv2.putText(frame, f"{index}", (130, 110), cv2.FONT_HERSHEY_SIMPLEX, 2, (255, 255, 255), 3)
        writer.write(frame)
    writer.release()
    return path.read_bytes()


def upload(client: httpx.Client, name: str, data: bytes, media_type: str = "application/octet-stream",
           csrf: str | None = None, **headers) -> httpx.Response:
    """POST one file as the library page's form does."""
    csrf = csrf or csrf_of(client.get("/content").text)
    return client.post("/content/upload", data={"csrf": csrf}, files={"file": (name, data, media_type)}, headers=headers)


def stored_files(console) -> list[Path]:
    folder = Path(console.server.settings.content_dir)
    return [path for path in folder.rglob("*") if path.is_file() and ".incoming" not in path.parts] if folder.exists() else []


def new_form_of(client: httpx.Client, reply: httpx.Response) -> tuple[str, dict]:
    """The new-item page an upload leads to, and its query."""
    assert reply.status_code == 303, reply.text
    location = reply.headers["location"]
    assert location.startswith("/console/content/new?")
    page = client.get(location.removeprefix("/console"))
    assert page.status_code == 200
    return page.text, dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(location).query))


def item_form(csrf: str, query: dict, **fields) -> dict:
    form = {"csrf": csrf, "kind": query["kind"], "sha256": query["sha256"], "extension": Path(query["file"]).suffix,
            "file": query["file"], "name": "snacks_chips", "title": "Chips", "duration_s": "8", "tags": "", "valid_from": "",
            "valid_until": ""}
    form.update(fields)
    return form


# ---- uploads -----------------------------------------------------------------------------------------


def test_an_uploaded_image_is_probed_stored_thumbnailed_and_becomes_an_item(console):
    data = ad_png()
    sha = hashlib.sha256(data).hexdigest()
    with console.client("editor") as client:
        reply = upload(client, "Snacks Chips.png", data, "image/png")
        page, query = new_form_of(client, reply)
        assert query == {"sha256": sha, "file": "Snacks Chips.png", "kind": "image"}
        assert 'value="snacks_chips"' in page and 'value="Snacks Chips"' in page  # named as `signage content add` names it
        assert "Snacks Chips.png is stored; give the new item its details." in page
        assert fetch_one(console.server.dsn, "SELECT size_bytes, media_type FROM blobs WHERE sha256 = %s", (sha,)) == (len(data), "image/png")
        assert fetch_one(console.server.dsn, "SELECT actor FROM audit_log WHERE action = 'content.upload'") == ("user:editor",)
        assert [path.read_bytes() == data for path in stored_files(console)] == [True]
        made = client.post("/content/items", data=item_form(csrf_of(page), query, tags="Snacks, teens",
                                                            valid_from="2026-12-01", valid_until="2026-12-31", age_restricted="on"))
        assert made.status_code == 303 and made.headers["location"] == "/console/content/items/snacks_chips"
        item = client.get("/content/items/snacks_chips").text
        library = client.get("/content").text
        thumbnail = client.get(f"/content/thumbnails/{sha}")
    assert "snacks_chips is in the library." in item and 'value="snacks, teens"' in item and "checked" in item
    row = fetch_one(console.server.dsn, "SELECT kind, title, duration_s, sha256, extension, tags, valid_from::text,"
                    " valid_until::text, age_restricted, updated_by FROM library_items WHERE name = 'snacks_chips'")
    assert row == ("image", "Chips", 8.0, sha, ".png", ["snacks", "teens"], "2026-12-01", "2026-12-31", True, "user:editor")
    assert fetch_one(console.server.dsn, "SELECT actor FROM audit_log WHERE action = 'library.create'") == ("user:editor",)
    listed = re.search(r'<tr id="item-snacks_chips">.*?</tr>', library, re.S).group(0)
    assert f'src="/console/content/thumbnails/{sha}"' in listed and "2026-12-01 to 2026-12-31" in listed
    assert ">snacks</span>" in listed and "18+" in listed
    assert thumbnail.status_code == 200 and thumbnail.headers["content-type"] == "image/jpeg"
    picture = cv2.imdecode(np.frombuffer(thumbnail.content, np.uint8), cv2.IMREAD_COLOR)
    assert picture.shape == (180, 320, 3)  # 640 x 360 scaled into the 320 x 180 box
    assert abs(int(picture[40, 40, 0]) - 40) < 12 and abs(int(picture[40, 40, 2]) - 200) < 12  # the ad's colour (BGR)
    cached = fetch_one(console.server.dsn, "SELECT length(jpeg), problem FROM content_thumbnails WHERE sha256 = %s", (sha,))
    assert cached[0] == len(thumbnail.content) and cached[1] is None


def test_an_uploaded_video_keeps_its_own_length_and_gets_a_frame_as_thumbnail(console, tmp_path):
    data = ad_video(tmp_path / "clip.avi")
    with console.client("editor") as client:
        page, query = new_form_of(client, upload(client, "coffee-morning.avi", data, "video/x-msvideo"))
        assert query["kind"] == "video" and float(query["duration_s"]) == pytest.approx(2.0)
        assert "a video plays its own length" in page and 'id="duration_s"' not in page
        made = client.post("/content/items", data=item_form(csrf_of(page), query, name="coffee_morning", title="Coffee",
                                                            duration_s=query["duration_s"]))
        assert made.status_code == 303, made.text
        thumbnail = client.get(f"/content/thumbnails/{query['sha256']}")
    assert fetch_one(console.server.dsn, "SELECT kind, duration_s, extension FROM library_items WHERE name = 'coffee_morning'") == (
        "video", 2.0, ".avi")
    frame = cv2.imdecode(np.frombuffer(thumbnail.content, np.uint8), cv2.IMREAD_COLOR)
    assert frame.shape == (180, 320, 3) and frame[10, 10, 2] > 120  # a frame of the clip (its red field)


def test_a_file_that_is_not_media_is_one_sentence_naming_it_and_nothing_is_stored(console):
    with console.client("editor") as client:
        text = upload(client, "notes.txt", b"not an ad at all", "text/plain")
        fake = upload(client, "sale.png", b"this is text pretending to be a picture", "image/png")
        empty = upload(client, "blank.jpg", b"", "image/jpeg")
        scripted = upload(client, "notes.txt", b"not an ad", "text/plain", accept="application/json")
        nothing = client.post("/content/upload", data={"csrf": csrf_of(client.get("/content").text)},
                              files={"other": ("x.bin", b"1")})
    assert text.status_code == 400
    problem = re.search(r'<p class="problem" id="upload-problem" role="alert">(.*?)</p>', text.text).group(1)
    assert problem == ("The file notes.txt was not stored: unsupported file type .txt (supported: PNG, JPEG, WebP images;"
                       " MP4, WebM, MOV, AVI videos).")
    assert 'aria-invalid="true"' in text.text
    assert "The file sale.png was not stored: cannot decode as an image" in fake.text
    assert "The file blank.jpg was not stored: empty file (0 bytes)." in empty.text
    assert scripted.status_code == 400 and scripted.json()["error"]["reason"].startswith("The file notes.txt was not stored: unsupported")
    assert nothing.status_code == 400 and "Choose an image or video file to upload." in nothing.text
    assert fetch_one(console.server.dsn, "SELECT count(*) FROM blobs") == (0,)
    assert fetch_one(console.server.dsn, "SELECT count(*) FROM audit_log WHERE action = 'content.upload'") == (0,)
    assert stored_files(console) == []


def test_the_same_file_again_goes_to_the_item_it_is_already(console):
    data = ad_png("AGAIN")
    with console.client("editor") as client:
        page, query = new_form_of(client, upload(client, "again.png", data, "image/png"))
        assert client.post("/content/items", data=item_form(csrf_of(page), query, name="again")).status_code == 303
        second = upload(client, "again copy.png", data, "image/png")
        assert second.status_code == 303 and second.headers["location"] == "/console/content/items/again"
        assert "again copy.png is in the library already, as again." in client.get("/content/items/again").text
        scripted = upload(client, "again.png", data, "image/png", accept="application/json")
    assert scripted.status_code == 200 and scripted.json()["next"] == "/console/content/items/again"
    assert fetch_one(console.server.dsn, "SELECT count(*) FROM audit_log WHERE action = 'content.upload'") == (1,)


def test_a_viewer_cannot_upload_or_change_items(console):
    with console.client("viewer") as client:
        library = client.get("/content")
        assert library.status_code == 200 and 'id="upload-form"' not in library.text
        refused = upload(client, "ad.png", ad_png(), "image/png", csrf=csrf_of(library.text))
        change = client.post("/content/items", data={"csrf": csrf_of(library.text), "name": "x"})
    for reply in (refused, change):
        assert reply.status_code == 403 and "this needs the editor role" in reply.text
    assert fetch_one(console.server.dsn, "SELECT count(*) FROM blobs") == (0,)


def test_an_upload_without_the_csrf_token_is_refused(console):
    with console.client("editor") as client:
        refused = upload(client, "ad.png", ad_png(), "image/png", csrf="0" * 64)
    assert refused.status_code == 403 and "reload the page" in refused.text
    assert fetch_one(console.server.dsn, "SELECT count(*) FROM blobs") == (0,)


@pytest.fixture
def small_limit_console(pg_dsn, tmp_path):
    """A console on a server that takes uploads of at most 64 KiB."""
    from signage.server.app import ServerSettings
    from signage.server.auth import hash_password
    from tests.server.conftest import free_port

    settings = ServerSettings(dsn=pg_dsn, content_dir=tmp_path / "content", pool_min=1, pool_max=4,
                              max_upload_bytes=64 * 1024)
    with psycopg.connect(pg_dsn, autocommit=True) as db:
        for role in ROLES:
            db.execute("INSERT INTO users (name, password_hash, role) VALUES (%s, %s, %s)", (role, hash_password(PASSWORD), role))
    server, thread = start_server_thread(settings, port := free_port())
    try:
        yield Console(LiveServer(url=f"http://127.0.0.1:{port}", settings=settings, admin_token="", dsn=pg_dsn))
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def test_an_oversized_upload_is_refused_with_the_limit_and_nothing_is_stored(small_limit_console):
    console = small_limit_console
    big = ad_png(size=(1920, 1080)) + b"\0" * 70_000  # a real picture, padded over the limit
    assert len(big) > 64 * 1024
    with console.client("editor") as client:
        library = client.get("/content").text
        assert 'data-max-bytes="65536"' in library and 'data-max-text="64 KiB"' in library  # what the script checks against
        assert "at most 64 KiB" in library
        refused = upload(client, "huge.png", big, "image/png", csrf=csrf_of(library))
        # A body sent without a length (chunked) is cut off at the limit too.
        csrf = csrf_of(library)
        boundary = "b0undary"
        body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n--{boundary}\r\n"
                "Content-Disposition: form-data; name=\"file\"; filename=\"huge.png\"\r\nContent-Type: image/png\r\n\r\n").encode()
        chunked = client.post("/content/upload", content=iter([body, big, f"\r\n--{boundary}--\r\n".encode()]),
                              headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
        small = upload(client, "small.png", ad_png(size=(320, 180)), "image/png", csrf=csrf)
    for reply in (refused, chunked):
        # A page with the sentence, also for a browser without the script (app.py's _BodyLimit).
        assert reply.status_code == 413 and reply.headers["content-type"].startswith("text/html")
        assert "The file is too large: the server takes at most 64 KiB." in reply.text
    assert small.status_code == 303  # under the limit: stored
    assert fetch_one(console.server.dsn, "SELECT count(*) FROM blobs") == (1,)
    assert fetch_one(console.server.dsn, "SELECT count(*) FROM blobs WHERE size_bytes > 65536") == (0,)


# ---- an item's fields ---------------------------------------------------------------------------------------


def test_each_problem_of_a_new_item_is_shown_next_to_its_field_and_nothing_is_made(console):
    with console.client("editor") as client:
        page, query = new_form_of(client, upload(client, "ad.png", ad_png(), "image/png"))
        bad = client.post("/content/items", data=item_form(csrf_of(page), query, name="Snacks Chips!", duration_s="eight",
                                                           tags="ok, !!!", valid_from="2026-13-01", valid_until="soon"))
    assert bad.status_code == 400
    problems = dict(re.findall(r'<p class="problem" id="problem-(\w+)">(.*?)</p>', bad.text))
    assert set(problems) == {"name", "duration_s", "tags", "valid_from", "valid_until"}
    assert problems["name"].startswith("&#39;Snacks Chips!&#39; is not a content name: lower-case letters")
    assert problems["duration_s"] == "Enter the display time as a number of seconds, such as 8."
    assert problems["tags"] == "&#39;!!!&#39; is not a usable tag (use letters, digits and _)."
    assert problems["valid_from"] == "Expected a date YYYY-MM-DD, got &#39;2026-13-01&#39;."
    assert 'id="name" name="name" value="Snacks Chips!"' in bad.text  # what was typed stays
    assert 'aria-invalid="true" aria-describedby="problem-tags"' in bad.text
    assert fetch_one(console.server.dsn, "SELECT count(*) FROM library_items") == (0,)


def test_problems_the_api_finds_are_shown_by_their_field_too(console):
    with console.client("editor") as client:
        page, query = new_form_of(client, upload(client, "ad.png", ad_png(), "image/png"))
        csrf = csrf_of(page)
        no_title = client.post("/content/items", data=item_form(csrf, query, name="a1", title="  "))
        backwards = client.post("/content/items", data=item_form(csrf, query, name="a2", valid_from="2026-12-31",
                                                                 valid_until="2026-12-01"))
        assert client.post("/content/items", data=item_form(csrf, query, name="taken")).status_code == 303
        taken = client.post("/content/items", data=item_form(csrf, query, name="taken"))
        retaken = client.get("/content/new", params=query).text
    assert no_title.status_code == 400 and '<p class="problem" id="problem-title">Must not be empty.</p>' in no_title.text
    assert "id=\"problem-valid_until\">The last day comes before the first day" in backwards.text
    assert taken.status_code == 400 and 'id="problem-name">The library has an item named &#39;taken&#39; already' in taken.text
    assert "id=\"problem-name\">The library has an item named ad already; choose another name." not in retaken
    assert fetch_one(console.server.dsn, "SELECT count(*) FROM library_items") == (1,)


def test_an_item_is_changed_in_its_form_and_shows_the_playlists_that_use_it(console):
    api = console.api("admin")
    with console.client("editor") as client:
        page, query = new_form_of(client, upload(client, "beer.png", ad_png("BEER", (30, 120, 30)), "image/png"))
        client.post("/content/items", data=item_form(csrf_of(page), query, name="beer_promo", title="Beer"))
        add_group(api, "seoul")
        add_store(api, "gangnam-01", ("seoul",))
        make_release(api, "seoul", "beer_promo")
        page = client.get("/content/items/beer_promo").text
        assert "playlist <strong>main</strong> in release v1 of seoul" in page and "(not out)" in page
        changed = client.post("/content/items/beer_promo", data={
            "csrf": csrf_of(page), "title": "Beer 2 for 1", "duration_s": "12", "tags": "drinks", "valid_from": "",
            "valid_until": "2027-01-31", "age_restricted": "on"})
        assert changed.status_code == 303
        library = client.get("/content").text
        bad = client.post("/content/items/beer_promo", data={"csrf": csrf_of(page), "title": "", "duration_s": "-3",
                                                            "tags": "", "valid_from": "", "valid_until": ""})
    row = fetch_one(console.server.dsn, "SELECT title, duration_s, tags, valid_until::text, age_restricted FROM library_items"
                    " WHERE name = 'beer_promo'")
    assert row == ("Beer 2 for 1", 12.0, ["drinks"], "2027-01-31", True)
    assert fetch_one(console.server.dsn, "SELECT actor FROM audit_log WHERE action = 'library.replace'") == ("user:editor",)
    listed = re.search(r'<tr id="item-beer_promo">.*?</tr>', library, re.S).group(0)
    assert "seoul v1" in listed and ": main" in listed and "18+" in listed
    assert bad.status_code == 400
    assert 'id="problem-duration_s">Enter a display time of more than 0 seconds.' in bad.text
    assert fetch_one(console.server.dsn, "SELECT title FROM library_items WHERE name = 'beer_promo'") == ("Beer 2 for 1",)


def test_a_viewer_reads_an_item_and_unknown_items_are_404_pages(console):
    with console.client("editor") as client:
        page, query = new_form_of(client, upload(client, "tea.png", ad_png("TEA"), "image/png"))
        client.post("/content/items", data=item_form(csrf_of(page), query, name="tea"))
    with console.client("viewer") as client:
        item = client.get("/content/items/tea")
        missing = client.get("/content/items/coffee")
        no_thumb = client.get("/content/thumbnails/" + "0" * 64)
        junk = client.get("/content/thumbnails/not-a-hash")
        new_page = client.get("/content/new", params=query)
    assert item.status_code == 200 and 'id="item-form"' not in item.text and "Changing an item needs the editor role." in item.text
    assert missing.status_code == 404 and "There is no library item &#39;coffee&#39;" in missing.text
    assert no_thumb.status_code == 404 and junk.status_code == 404
    assert new_page.status_code == 403


def test_a_file_that_cannot_be_thumbnailed_keeps_its_reason(console):
    from tests.server.builders import make_blob

    sha = make_blob(console.server.dsn, console.server.settings.content_dir, b"GIF89a not really", "image/png")
    with console.client("viewer") as client:
        first = client.get(f"/content/thumbnails/{sha}")
    assert first.status_code == 404 and "No thumbnail of this file" in first.text
    assert fetch_one(console.server.dsn, "SELECT jpeg IS NULL, problem IS NOT NULL FROM content_thumbnails WHERE sha256 = %s",
                     (sha,)) == (True, True)


# ---- in a real browser -----------------------------------------------------------------------------------------


def test_uploading_an_ad_by_the_file_input_in_a_browser(console, fresh_browser, tmp_path):
    browser = fresh_browser
    ad = tmp_path / "Winter Sale.png"
    ad.write_bytes(ad_png("WINTER SALE", (150, 60, 20)))
    sign_in(browser, console, "editor", "/content")
    assert browser.find_element(By.ID, "dropzone").is_displayed()  # the script shows the drop zone
    browser.find_element(By.ID, "upload-file").send_keys(str(ad))
    browser.find_element(By.ID, "upload-send").click()
    wait_for(browser, lambda b: "/content/new" in b.current_url)
    assert browser.find_element(By.ID, "name").get_attribute("value") == "winter_sale"
    browser.find_element(By.ID, "tags").send_keys("seasonal, winter")
    browser.find_element(By.ID, "valid_until").send_keys("12312026")  # a date input takes the digits in locale order
    shoot(browser, "content-new")
    browser.find_element(By.ID, "item-save").click()
    wait_for(browser, lambda b: b.current_url.endswith("/content/items/winter_sale"))
    assert "winter_sale is in the library." in browser.find_element(By.CSS_SELECTOR, ".flash.ok").text
    api = console.api("admin")  # a release whose playlist names it, for the page's "Used by"
    add_group(api, "seoul")
    make_release(api, "seoul", "winter_sale")
    browser.set_window_size(1280, 1100)  # the whole page in the picture
    browser.refresh()
    assert "playlist main in release v1 of seoul" in browser.find_element(By.ID, "item-usage").text
    wait_for(browser, lambda b: b.execute_script("var i = document.querySelector('.large-thumb'); return i.complete && i.naturalWidth > 0"))
    shoot(browser, "content-item")
    row = fetch_one(console.server.dsn, "SELECT tags, valid_until::text FROM library_items WHERE name = 'winter_sale'")
    assert row == (["seasonal", "winter"], "2026-12-31")


def test_a_drop_uploads_and_a_non_media_file_is_told_in_a_browser(console, fresh_browser, tmp_path):
    browser = fresh_browser
    with console.client("editor") as client:  # a library with a few items for the page's picture
        for name, text, colour, extra in (
            ("beer_promo", "BEER 2 FOR 1", (30, 120, 30), {"tags": "drinks", "age_restricted": "on", "valid_until": "2027-01-31"}),
            ("coffee_morning", "COFFEE", (40, 60, 140), {"tags": "morning", "valid_from": "2026-12-01"}),
            ("snacks_chips", "CHIPS -20%", (30, 140, 220), {"tags": "snacks, teens"}),
        ):
            page, query = new_form_of(client, upload(client, f"{name}.png", ad_png(text, colour), "image/png"))
            client.post("/content/items", data=item_form(csrf_of(page), query, name=name, title=name.replace("_", " ").title(),
                                                         **extra))
        page, query = new_form_of(client, upload(client, "rainy day.avi", ad_video(tmp_path / "rain.avi"), "video/x-msvideo"))
        client.post("/content/items", data=item_form(csrf_of(page), query, name="rainy_day", title="Rainy day",
                                                     duration_s=query["duration_s"], tags="weather"))
    api = console.api("admin")
    add_text(api, "store_hours", "Open 7-23")
    add_group(api, "seoul")
    release_id = make_release(api, "seoul", "snacks_chips", "coffee_morning")["release_id"]
    for step in ({"stage": "canary", "canary_group": "seoul"}, {"stage": "all"}):
        assert api.post(f"/releases/{release_id}/rollout", json=step).status_code == 200
    sign_in(browser, console, "editor", "/content")
    notes = tmp_path / "notes.txt"
    notes.write_text("not an ad")
    browser.find_element(By.ID, "upload-file").send_keys(str(notes))
    browser.find_element(By.ID, "upload-send").click()
    problem = wait_for(browser, lambda b: b.find_element(By.ID, "upload-problem").text or None)
    assert problem.startswith("The file notes.txt was not stored: unsupported file type .txt")
    assert "/content" in browser.current_url and fetch_one(console.server.dsn, "SELECT count(*) FROM blobs") == (4,)
    # The size is checked before sending, against the limit the page carries.
    browser.execute_script("document.getElementById('upload-form').dataset.maxBytes = '100'")
    big = tmp_path / "big.png"
    big.write_bytes(ad_png("BIG"))
    browser.find_element(By.ID, "upload-file").send_keys(str(big))
    browser.find_element(By.ID, "upload-send").click()
    assert "more than the largest upload the server takes (2 GiB)" in browser.find_element(By.ID, "upload-problem").text
    browser.set_window_size(1280, 1150)  # the whole library in the picture
    browser.refresh()
    wait_for(browser, lambda b: all(b.execute_script("return Array.from(document.images).map(i => i.complete && i.naturalWidth > 0)")))
    shoot(browser, "content")
    dropped = base64.b64encode(ad_png("DROPPED", (90, 30, 120))).decode()
    browser.execute_script("""
        var bytes = Uint8Array.from(atob(arguments[0]), function (c) { return c.charCodeAt(0); });
        var transfer = new DataTransfer();
        transfer.items.add(new File([bytes], "dropped_ad.png", {type: "image/png"}));
        var zone = document.getElementById("dropzone");
        zone.dispatchEvent(new DragEvent("dragover", {dataTransfer: transfer, bubbles: true, cancelable: true}));
        zone.dispatchEvent(new DragEvent("drop", {dataTransfer: transfer, bubbles: true, cancelable: true}));
    """, dropped)
    wait_for(browser, lambda b: "/content/new" in b.current_url)
    assert browser.find_element(By.ID, "name").get_attribute("value") == "dropped_ad"
    assert "dropped_ad.png is stored" in browser.find_element(By.CSS_SELECTOR, ".flash.ok").text
