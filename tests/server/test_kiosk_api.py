"""The kiosk's endpoints on a real server: its release, its content, heartbeats, commands, screenshots, and the token rules."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os

import pytest

from tests.server.builders import (
    fetch_one,
    local_text,
    make_blob,
    make_command,
    make_group,
    make_kiosk,
    make_release,
    make_store,
    revoke_kiosk,
    serve_module,
)

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + os.urandom(64)


@pytest.fixture(scope="module")
def live_server(pg_cluster, tmp_path_factory):
    """One server for the module: every test has its own stores, groups and kiosks."""
    with serve_module(pg_cluster, tmp_path_factory.mktemp("content")) as server:
        yield server


@pytest.fixture
def store(live_server) -> int:
    return make_store(live_server.dsn)


@pytest.fixture
def kiosk(live_server, store):
    return make_kiosk(live_server.dsn, store)


@pytest.fixture
def client(live_server, kiosk):
    with live_server.client(kiosk.token) as client:
        yield client


def heartbeat(**changes) -> dict:
    local_now = (dt.datetime.now(dt.UTC) + dt.timedelta(hours=9)).replace(tzinfo=None)
    beat = {"sent_at": local_text(local_now), "utc_offset_s": 32400, "release_id": None, "status": None,
            "acked": [], "sync": None}
    beat.update(changes)
    return beat


# ---- the release ------------------------------------------------------------------------


def test_no_release_out_is_204_then_the_release_comes_with_its_etag_and_304(live_server, store, client):
    assert client.get("/kiosk/release").status_code == 204
    group = make_group(live_server.dsn, stores=(store,))
    release_id, etag = make_release(live_server.dsn, group)

    reply = client.get("/kiosk/release")

    assert reply.status_code == 200, reply.text
    assert reply.headers["etag"] == etag
    assert reply.json()["release_id"] == release_id
    assert reply.json()["etag"] == etag
    assert reply.json()["document"]["default_playlist"] == "main"
    unchanged = client.get("/kiosk/release", headers={"If-None-Match": etag})
    assert unchanged.status_code == 304
    assert unchanged.content == b""
    assert client.get("/kiosk/release", headers={"If-None-Match": f'"other", W/{etag}'}).status_code == 304
    newer_id, newer_etag = make_release(live_server.dsn, group)
    changed = client.get("/kiosk/release", headers={"If-None-Match": etag})
    assert changed.status_code == 200
    assert (changed.json()["release_id"], changed.headers["etag"]) == (newer_id, newer_etag)


def test_a_canary_release_goes_to_the_canary_stores_only(live_server):
    canary_store, other_store = make_store(live_server.dsn), make_store(live_server.dsn)
    group = make_group(live_server.dsn, stores=(canary_store, other_store))
    canary_group = make_group(live_server.dsn, kind="canary", stores=(canary_store,))
    current_id, _ = make_release(live_server.dsn, group)
    canary_id, _ = make_release(live_server.dsn, group, stage="canary", canary_group_id=canary_group)
    in_canary, outside = make_kiosk(live_server.dsn, canary_store), make_kiosk(live_server.dsn, other_store)

    with live_server.client(in_canary.token) as first, live_server.client(outside.token) as second:
        assert first.get("/kiosk/release").json()["release_id"] == canary_id
        assert second.get("/kiosk/release").json()["release_id"] == current_id


# ---- content ----------------------------------------------------------------------------


def test_content_of_its_release_is_served_whole_and_from_an_offset(live_server, store, client):
    data = os.urandom(3 * 1024 * 1024 + 17)  # more than one chunk of the store's reader
    sha = make_blob(live_server.dsn, live_server.settings.content_dir, data)
    make_release(live_server.dsn, make_group(live_server.dsn, stores=(store,)), blobs=(sha,))

    whole = client.get(f"/kiosk/content/{sha}")
    resumed = client.get(f"/kiosk/content/{sha}", headers={"Range": "bytes=1000000-"})
    middle = client.get(f"/kiosk/content/{sha}", headers={"Range": "bytes=10-19"})

    assert whole.status_code == 200
    assert hashlib.sha256(whole.content).hexdigest() == sha
    assert resumed.status_code == 206
    assert resumed.headers["content-range"] == f"bytes 1000000-{len(data) - 1}/{len(data)}"
    assert resumed.content == data[1_000_000:]
    assert middle.status_code == 206
    assert middle.content == data[10:20]


def test_a_range_at_or_past_the_end_is_416_and_a_range_of_another_form_400(live_server, store, client):
    data = b"0123456789"
    sha = make_blob(live_server.dsn, live_server.settings.content_dir, data)
    make_release(live_server.dsn, make_group(live_server.dsn, stores=(store,)), blobs=(sha,))

    for header in ("bytes=10-", "bytes=999999999999-"):
        reply = client.get(f"/kiosk/content/{sha}", headers={"Range": header})
        assert reply.status_code == 416, header
        assert reply.headers["content-range"] == "bytes */10"
        assert reply.json()["error"]["code"] == "range_not_satisfiable"
    for header in ("bytes=0-1,4-5", "items=0-", "bytes=-5", "bytes=5-2"):
        reply = client.get(f"/kiosk/content/{sha}", headers={"Range": header})
        assert reply.status_code == 400, header
    # The last byte exactly is fine; a range reaching past the end is cut to it.
    assert client.get(f"/kiosk/content/{sha}", headers={"Range": "bytes=9-"}).content == b"9"
    assert client.get(f"/kiosk/content/{sha}", headers={"Range": "bytes=8-100"}).content == b"89"


def test_content_no_release_of_its_groups_names_is_403(live_server, store, client):
    ours = make_blob(live_server.dsn, live_server.settings.content_dir, b"ours")
    theirs = make_blob(live_server.dsn, live_server.settings.content_dir, b"another store's")
    unreleased = make_blob(live_server.dsn, live_server.settings.content_dir, b"uploaded, in no release")
    our_group = make_group(live_server.dsn, stores=(store,))
    make_release(live_server.dsn, our_group, blobs=(ours,))
    make_release(live_server.dsn, make_group(live_server.dsn, stores=(make_store(live_server.dsn),)), blobs=(theirs,))
    # A release made but not put out is not readable either.
    make_release(live_server.dsn, our_group, blobs=(unreleased,), stage="none")

    assert client.get(f"/kiosk/content/{ours}").status_code == 200
    for sha in (theirs, unreleased, "0" * 64):
        reply = client.get(f"/kiosk/content/{sha}")
        assert reply.status_code == 403, sha
        assert reply.json()["error"]["code"] == "forbidden"
    assert client.get("/kiosk/content/not-a-hash").status_code == 400
    assert client.get(f"/kiosk/content/{ours.upper()}").status_code == 400


def test_a_canary_release_s_content_is_readable_only_in_the_canary_stores(live_server):
    canary_store, other_store = make_store(live_server.dsn), make_store(live_server.dsn)
    group = make_group(live_server.dsn, stores=(canary_store, other_store))
    canary_group = make_group(live_server.dsn, kind="canary", stores=(canary_store,))
    sha = make_blob(live_server.dsn, live_server.settings.content_dir, b"new campaign")
    make_release(live_server.dsn, group)
    make_release(live_server.dsn, group, blobs=(sha,), stage="canary", canary_group_id=canary_group)

    with live_server.client(make_kiosk(live_server.dsn, canary_store).token) as inside, \
            live_server.client(make_kiosk(live_server.dsn, other_store).token) as outside:
        assert inside.get(f"/kiosk/content/{sha}").status_code == 200
        assert outside.get(f"/kiosk/content/{sha}").status_code == 403


def test_content_a_release_names_but_the_store_lost_is_404(live_server, store, client):
    sha = make_blob(live_server.dsn, live_server.settings.content_dir, b"soon gone")
    make_release(live_server.dsn, make_group(live_server.dsn, stores=(store,)), blobs=(sha,))
    (live_server.settings.content_dir / sha[:2] / sha).unlink()

    reply = client.get(f"/kiosk/content/{sha}")

    assert reply.status_code == 404
    assert reply.json()["error"]["code"] == "not_found"


# ---- heartbeats and commands ------------------------------------------------------------


def test_a_heartbeat_keeps_the_newest_status_and_skew(live_server, kiosk, client):
    status = {"mode": "live", "uptime_s": 12.5, "playing": {"item": "snacks_chips"}, "last_errors": []}
    slow = (dt.datetime.now(dt.UTC) + dt.timedelta(hours=9) - dt.timedelta(seconds=120)).replace(tzinfo=None)
    sync = {"spooled_plays": 3, "spooled_audience": 5, "dropped_audience": 0, "last_error": None}

    reply = client.post("/kiosk/heartbeat", json=heartbeat(status=status, release_id=7, sync=sync, sent_at=local_text(slow)))

    assert reply.status_code == 200, reply.text
    body = reply.json()
    assert body["commands"] == []
    assert body["next_seq"] == 1
    assert dt.datetime.fromisoformat(body["server_time"]).tzinfo is not None
    row = fetch_one(live_server.dsn, "SELECT status, sync, release_id, clock_skew_s, utc_offset_s, last_seen_at IS NOT NULL"
                    " FROM kiosk_state WHERE kiosk_id = %s", (kiosk.kiosk_id,))
    assert row[:3] == (status, sync, 7)
    assert 110 < row[3] < 130
    assert row[4:] == (32400, True)
    # The newest one replaces it, not a history.
    assert client.post("/kiosk/heartbeat", json=heartbeat()).status_code == 200
    assert fetch_one(live_server.dsn, "SELECT status, release_id FROM kiosk_state WHERE kiosk_id = %s",
                     (kiosk.kiosk_id,)) == (None, None)


def test_commands_come_with_every_heartbeat_until_acked(live_server, kiosk, client):
    reload_id = make_command(live_server.dsn, kiosk.kiosk_id, "reload")
    shot_id = make_command(live_server.dsn, kiosk.kiosk_id, "screenshot")

    first = client.post("/kiosk/heartbeat", json=heartbeat()).json()["commands"]
    again = client.post("/kiosk/heartbeat", json=heartbeat()).json()["commands"]
    acked = client.post("/kiosk/heartbeat", json=heartbeat(acked=[
        {"command_id": reload_id, "result": "done", "detail": None},
    ])).json()["commands"]

    expected = [{"command_id": reload_id, "kind": "reload"}, {"command_id": shot_id, "kind": "screenshot"}]
    assert first == again == expected
    assert acked == [{"command_id": shot_id, "kind": "screenshot"}]
    row = fetch_one(live_server.dsn, "SELECT delivered_at IS NOT NULL, acked_at IS NOT NULL, result FROM commands"
                    " WHERE command_id = %s", (reload_id,))
    assert row == (True, True, "done")
    # A repeated ack keeps the first result.
    client.post("/kiosk/heartbeat", json=heartbeat(acked=[{"command_id": reload_id, "result": "failed", "detail": "x"}]))
    assert fetch_one(live_server.dsn, "SELECT result FROM commands WHERE command_id = %s", (reload_id,)) == ("done",)


def test_a_kiosk_cannot_ack_another_kiosk_s_command(live_server, kiosk, client):
    other = make_kiosk(live_server.dsn, kiosk.store_id)
    theirs = make_command(live_server.dsn, other.kiosk_id, "restart")
    ours = make_command(live_server.dsn, kiosk.kiosk_id, "reload")

    reply = client.post("/kiosk/heartbeat", json=heartbeat(status={"mode": "live"}, acked=[
        {"command_id": ours, "result": "done", "detail": None},
        {"command_id": theirs, "result": "done", "detail": None},
    ]))

    assert reply.status_code == 403
    assert str(theirs) in reply.json()["error"]["reason"]
    # The whole heartbeat changed nothing: not our ack, not our status.
    assert fetch_one(live_server.dsn, "SELECT acked_at FROM commands WHERE command_id = %s", (ours,)) == (None,)
    assert fetch_one(live_server.dsn, "SELECT acked_at FROM commands WHERE command_id = %s", (theirs,)) == (None,)
    assert fetch_one(live_server.dsn, "SELECT status FROM kiosk_state WHERE kiosk_id = %s", (kiosk.kiosk_id,)) == (None,)
    with live_server.client(other.token) as other_client:
        assert other_client.post("/kiosk/heartbeat", json=heartbeat()).json()["commands"] == [
            {"command_id": theirs, "kind": "restart"}]


def test_bad_heartbeats_are_400_naming_the_field(live_server, kiosk, client):
    cases = [
        ({"sent_at": "now"}, "sent_at"),
        ({"utc_offset_s": "+09:00"}, "utc_offset_s"),
        ({"release_id": "7"}, "release_id"),
        ({"status": ["not", "an", "object"]}, "status"),
        ({"status": {"mode": "live\x00"}}, "status.mode"),
        ({"sync": {"spooled_plays": -1}}, "sync.spooled_plays"),
        ({"acked": [{"command_id": 1, "result": "maybe"}]}, "acked[0].result"),
        ({"acked": [{"command_id": "1", "result": "done"}]}, "acked[0].command_id"),
        ({"acked": {"command_id": 1}}, "acked"),
        ({"colour": "red"}, "heartbeat"),
    ]
    for change, field in cases:
        reply = client.post("/kiosk/heartbeat", json=heartbeat(**change))
        assert reply.status_code == 400, f"{change}: {reply.status_code} {reply.text}"
        assert reply.json()["error"]["reason"].startswith(field), f"{change}: {reply.json()}"
    nan = client.post("/kiosk/heartbeat", content=b'{"sent_at": "2026-12-01 10:00:00", "utc_offset_s": 0,'
                      b' "status": {"uptime_s": NaN}}', headers={"Content-Type": "application/json"})
    assert nan.status_code == 400
    assert client.post("/kiosk/heartbeat", content=b"{{{", headers={"Content-Type": "application/json"}).status_code == 400
    huge = client.post("/kiosk/heartbeat", json=heartbeat(status={"blob": "x" * 300_000}))
    assert huge.status_code == 413
    assert fetch_one(live_server.dsn, "SELECT last_seen_at FROM kiosk_state WHERE kiosk_id = %s", (kiosk.kiosk_id,)) == (None,)


# ---- screenshots ------------------------------------------------------------------------


def test_a_screenshot_is_stored_for_the_kiosk_s_own_screenshot_command(live_server, kiosk, client):
    command = make_command(live_server.dsn, kiosk.kiosk_id, "screenshot")

    reply = client.put(f"/kiosk/commands/{command}/screenshot", content=PNG, headers={"Content-Type": "image/png"})

    assert reply.status_code == 204, reply.text
    assert fetch_one(live_server.dsn, "SELECT screenshot FROM commands WHERE command_id = %s", (command,)) == (PNG,)


def test_screenshots_that_are_no_png_too_big_or_not_asked_for_are_refused(live_server, kiosk, client):
    shot = make_command(live_server.dsn, kiosk.kiosk_id, "screenshot")
    reload = make_command(live_server.dsn, kiosk.kiosk_id, "reload")
    other = make_kiosk(live_server.dsn, kiosk.store_id)
    theirs = make_command(live_server.dsn, other.kiosk_id, "screenshot")

    not_png = client.put(f"/kiosk/commands/{shot}/screenshot", content=b"GIF89a" + b"\x00" * 100)
    empty = client.put(f"/kiosk/commands/{shot}/screenshot", content=b"")
    too_big = client.put(f"/kiosk/commands/{shot}/screenshot", content=PNG + b"\x00" * (8 * 1024 * 1024))
    wrong_kind = client.put(f"/kiosk/commands/{reload}/screenshot", content=PNG)
    other_kiosk = client.put(f"/kiosk/commands/{theirs}/screenshot", content=PNG)
    unknown = client.put("/kiosk/commands/999999999/screenshot", content=PNG)
    not_a_number = client.put("/kiosk/commands/abc/screenshot", content=PNG)

    assert (not_png.status_code, empty.status_code) == (400, 400)
    assert too_big.status_code == 413
    assert wrong_kind.status_code == 409
    assert other_kiosk.status_code == 403
    assert unknown.status_code == 404
    assert not_a_number.status_code == 400
    assert fetch_one(live_server.dsn, "SELECT count(*) FROM commands WHERE screenshot IS NOT NULL"
                     " AND kiosk_id IN (%s, %s)", (kiosk.kiosk_id, other.kiosk_id)) == (0,)


# ---- who may do what --------------------------------------------------------------------

KIOSK_CALLS = [
    ("GET", "/kiosk/release", None),
    ("GET", "/kiosk/content/" + "a" * 64, None),
    ("POST", "/kiosk/telemetry", {"seq": 1, "sent_at": "2026-12-01 10:00:00", "utc_offset_s": 0}),
    ("POST", "/kiosk/heartbeat", {"sent_at": "2026-12-01 10:00:00", "utc_offset_s": 0}),
    ("PUT", "/kiosk/commands/1/screenshot", None),
]


def test_unknown_revoked_and_people_s_tokens_cannot_call_kiosk_endpoints(live_server, kiosk):
    from tests.server.conftest import make_admin

    make_admin(live_server.dsn)
    with live_server.client() as anonymous:
        login = anonymous.post("/login", json={"name": "admin", "password": "correct horse battery staple"})
    person_token = login.json().get("token") if login.status_code == 200 else "no-session"
    revoke_kiosk(live_server.dsn, kiosk.kiosk_id)
    for token in (None, "not-a-token", kiosk.token, person_token):
        with live_server.client(token) as client:
            for method, path, body in KIOSK_CALLS:
                reply = client.request(method, path, json=body) if body is not None else client.request(method, path)
                assert reply.status_code == 401, f"{token} {method} {path}: {reply.status_code} {reply.text}"
                assert reply.json()["error"]["code"] == "unauthorised"


def test_a_kiosk_token_opens_no_people_s_endpoint(live_server, kiosk, client):
    for method, path in [("GET", "/kiosks"), ("GET", "/stores"), ("GET", f"/kiosks/{kiosk.kiosk_id}"),
                         ("POST", "/stores"), ("GET", "/audit"), ("GET", "/plays"),
                         ("POST", f"/kiosks/{kiosk.kiosk_id}/commands")]:
        reply = client.request(method, path, json={} if method == "POST" else None)
        assert reply.status_code in (401, 403), f"{method} {path}: {reply.status_code}"


def test_odd_heartbeats_never_make_the_server_fail(live_server, kiosk, client):
    from tests.server.test_telemetry import ODD_VALUES

    command = make_command(live_server.dsn, kiosk.kiosk_id, "reload")
    template = heartbeat(status={"mode": "live"}, sync={"spooled_plays": 0}, acked=[
        {"command_id": command, "result": "done", "detail": None}])
    statuses = set()
    for key in list(template) + ["acked.0.command_id", "acked.0.detail", "status.mode", "sync.last_error"]:
        for value in ODD_VALUES:
            beat = {**template, "acked": [dict(template["acked"][0])], "status": dict(template["status"]),
                    "sync": dict(template["sync"])}
            if "." in key:
                outer, *inner = key.split(".")
                (beat[outer][int(inner[0])] if inner[0].isdigit() else beat[outer])[inner[-1]] = value
            else:
                beat[key] = value
            body = json.dumps(beat).encode()  # ASCII escapes: a lone surrogate goes as \ud800
            reply = client.post("/kiosk/heartbeat", content=body, headers={"Content-Type": "application/json"})
            assert reply.status_code < 500, f"{key}={value!r}: {reply.status_code} {reply.text}"
            statuses.add(reply.status_code)
    assert {200, 400} <= statuses

