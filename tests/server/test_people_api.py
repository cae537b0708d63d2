"""The people's endpoints on a real server over a real PostgreSQL: sessions, accounts, stores,
groups, kiosks, commands, audit and telemetry reads, and every kind of bad input."""

from __future__ import annotations

import psycopg
import pytest

from tests.server.people_helpers import cheap_argon2  # noqa: F401 (an autouse fixture)
from tests.server.people_helpers import PASSWORD, add_group, add_store, error_of, sign_in

pytestmark = pytest.mark.postgres


def test_login_gives_a_session_that_logout_ends(live_server, api):
    with live_server.client() as anonymous:
        reply = anonymous.post("/login", json={"name": "admin", "password": "correct horse battery staple"})
        assert reply.status_code == 200
        session = reply.json()
        assert session["role"] == "admin" and session["expires_at"]
    with live_server.client(session["token"]) as client:
        assert client.get("/users").status_code == 200
        assert client.post("/logout").status_code == 204
        assert error_of(client.get("/users")) == (401, "unauthorised")
    with psycopg.connect(live_server.dsn) as db:  # only the token's SHA-256 is stored
        stored = [bytes(row[0]) for row in db.execute("SELECT token_sha256 FROM sessions")]
    assert session["token"].encode() not in stored and all(len(digest) == 32 for digest in stored)


def test_wrong_password_unknown_name_and_disabled_account_are_one_401(live_server, api):
    with live_server.client() as anonymous:
        wrong = anonymous.post("/login", json={"name": "admin", "password": "not the password at all"})
        unknown = anonymous.post("/login", json={"name": "nobody", "password": PASSWORD})
        assert error_of(wrong) == error_of(unknown) == (401, "unauthorised")
        assert wrong.json() == unknown.json()
        sign_in(live_server, api, "olga", "viewer").close()
        assert api.patch("/users/olga", json={"disabled": True}).status_code == 200
        assert error_of(anonymous.post("/login", json={"name": "olga", "password": PASSWORD})) == (401, "unauthorised")


def test_no_token_and_a_made_up_token_are_401(live_server):
    with live_server.client() as anonymous:
        assert error_of(anonymous.get("/stores")) == (401, "unauthorised")
    with live_server.client("made-up-token") as stranger:
        assert error_of(stranger.get("/stores")) == (401, "unauthorised")


def test_an_expired_session_is_401(live_server, api):
    viewer = sign_in(live_server, api, "vera", "viewer")
    assert viewer.get("/stores").status_code == 200
    with psycopg.connect(live_server.dsn, autocommit=True) as db:
        db.execute("UPDATE sessions SET expires_at = now() - interval '1 second'"
                   " WHERE user_id = (SELECT user_id FROM users WHERE name = 'vera')")
    assert error_of(viewer.get("/stores")) == (401, "unauthorised")


def test_roles_viewer_reads_editor_sends_commands_admin_manages(live_server, api):
    add_store(api, "s1")
    kiosk = api.post("/kiosks", json={"name": "k1", "store": "s1"}).json()
    viewer = sign_in(live_server, api, "vic", "viewer")
    editor = sign_in(live_server, api, "eddie", "editor")
    assert viewer.get("/stores").status_code == 200
    assert viewer.get("/kiosks").status_code == 200
    assert error_of(viewer.post("/stores", json={"code": "s2", "name": "Two"})) == (403, "forbidden")
    assert error_of(viewer.post(f"/kiosks/{kiosk['kiosk_id']}/commands", json={"kind": "reload"})) == (403, "forbidden")
    assert error_of(viewer.get("/users")) == (403, "forbidden")
    assert error_of(viewer.get("/audit")) == (403, "forbidden")
    assert editor.post(f"/kiosks/{kiosk['kiosk_id']}/commands", json={"kind": "reload"}).status_code == 201
    assert error_of(editor.post("/groups", json={"name": "g", "kind": "tag"})) == (403, "forbidden")
    assert error_of(editor.post("/users", json={"name": "x", "password": PASSWORD, "role": "admin"})) == (403, "forbidden")


def test_users_are_listed_without_hashes_and_weak_passwords_refused(live_server, api):
    assert error_of(api.post("/users", json={"name": "wes", "password": "short", "role": "viewer"})) == (422, "weak_password")
    assert error_of(api.post("/users", json={"name": "wes", "password": " " * 20, "role": "viewer"})) == (422, "weak_password")
    assert error_of(api.post("/users", json={"name": "wes", "password": PASSWORD, "role": "boss"})) == (400, "bad_request")
    assert api.post("/users", json={"name": "wes", "password": PASSWORD, "role": "editor"}).status_code == 201
    assert error_of(api.post("/users", json={"name": "wes", "password": PASSWORD, "role": "viewer"})) == (409, "conflict")
    users = api.get("/users").json()["users"]
    assert [(u["name"], u["role"]) for u in users] == [("admin", "admin"), ("wes", "editor")]
    assert all("password_hash" not in u for u in users)
    assert error_of(api.patch("/users/wes", json={"password": "tiny"})) == (422, "weak_password")
    with psycopg.connect(live_server.dsn) as db:
        stored = db.execute("SELECT password_hash FROM users WHERE name = 'wes'").fetchone()[0]
    assert stored.startswith("$argon2id$") and PASSWORD not in stored


def test_a_changed_password_ends_the_sessions_and_the_new_one_works(live_server, api):
    editor = sign_in(live_server, api, "ed", "editor")
    assert api.patch("/users/ed", json={"password": "another long password"}).status_code == 200
    assert error_of(editor.get("/stores")) == (401, "unauthorised")
    with live_server.client() as anonymous:
        assert anonymous.post("/login", json={"name": "ed", "password": "another long password"}).status_code == 200
        assert anonymous.post("/login", json={"name": "ed", "password": PASSWORD}).status_code == 401


def test_the_last_admin_cannot_be_demoted_or_disabled(live_server, api):
    assert error_of(api.patch("/users/admin", json={"role": "editor"})) == (409, "conflict")
    assert error_of(api.patch("/users/admin", json={"disabled": True})) == (409, "conflict")
    assert error_of(api.patch("/users/nobody", json={"role": "editor"})) == (404, "not_found")
    sign_in(live_server, api, "second", "admin").close()
    assert api.patch("/users/admin", json={"role": "editor"}).json()["role"] == "editor"


def test_stores_and_groups_with_membership(api):
    assert api.post("/stores", json={"code": "seoul-1", "name": "Seoul 1", "timezone": "Asia/Seoul"}).status_code == 201
    assert error_of(api.post("/stores", json={"code": "seoul-1", "name": "Again"})) == (409, "conflict")
    assert error_of(api.post("/stores", json={"code": "x", "name": "X", "timezone": "Mars/Olympus"})) == (400, "bad_request")
    add_store(api, "seoul-2")
    add_group(api, "seoul", "region", priority=5)
    assert error_of(api.post("/groups", json={"name": "seoul", "kind": "region"})) == (409, "conflict")
    assert error_of(api.post("/groups", json={"name": "g", "kind": "galaxy"})) == (400, "bad_request")
    reply = api.post("/groups/seoul/stores", json={"stores": ["seoul-1", "seoul-2", "seoul-1"]})
    assert reply.json()["added"] == ["seoul-1", "seoul-2"]
    assert api.post("/groups/seoul/stores", json={"stores": ["seoul-1"]}).json()["added"] == []
    missing = api.post("/groups/seoul/stores", json={"stores": ["seoul-3"]})
    assert error_of(missing) == (404, "not_found") and "did you mean" in missing.json()["error"]["reason"]
    assert "did you mean 'seoul'" in api.post("/groups/seul/stores", json={"stores": []}).json()["error"]["reason"]
    groups = {g["name"]: g for g in api.get("/groups").json()["groups"]}
    assert groups["seoul"]["stores"] == ["seoul-1", "seoul-2"] and groups["seoul"]["priority"] == 5
    assert api.delete("/groups/seoul/stores/seoul-2").status_code == 204
    assert error_of(api.delete("/groups/seoul/stores/seoul-2")) == (404, "not_found")
    stores = {s["code"]: s for s in api.get("/stores").json()["stores"]}
    assert stores["seoul-1"]["groups"] == ["seoul"] and stores["seoul-2"]["groups"] == []
    assert stores["seoul-1"]["timezone"] == "Asia/Seoul"


def test_a_kiosk_gets_a_one_time_code_a_new_code_and_revocation(live_server, api):
    add_group(api, "busan")
    add_store(api, "b1")
    made = api.post("/kiosks", json={"name": "front", "store": "b1", "groups": ["busan"]})
    assert made.status_code == 201
    kiosk = made.json()
    assert kiosk["enrol_code"] and kiosk["enrol_expires_at"]
    assert api.get("/stores").json()["stores"][0]["groups"] == ["busan"]  # its groups are its store's
    assert error_of(api.post("/kiosks", json={"name": "front", "store": "b1"})) == (409, "conflict")
    assert error_of(api.post("/kiosks", json={"name": "back", "store": "b9"})) == (404, "not_found")
    assert error_of(api.post("/kiosks", json={"name": "back", "store": "b1", "groups": ["nowhere"]})) == (404, "not_found")
    with psycopg.connect(live_server.dsn) as db:
        stored_code = bytes(db.execute("SELECT enrol_code_sha256 FROM kiosks").fetchone()[0])
    assert kiosk["enrol_code"].encode() not in stored_code and len(stored_code) == 32

    shown = api.get(f"/kiosks/{kiosk['kiosk_id']}").json()
    assert shown["state"] == "awaiting_enrolment" and shown["store"] == "b1" and shown["name"] == "front"
    with psycopg.connect(live_server.dsn, autocommit=True) as db:  # as if it had enrolled
        db.execute("UPDATE kiosks SET token_sha256 = 'x', enrol_code_sha256 = NULL, enrolled_at = now()")
    assert api.get(f"/kiosks/{kiosk['kiosk_id']}").json()["state"] == "never_seen"
    again = api.post(f"/kiosks/{kiosk['kiosk_id']}/enrol-code").json()
    assert again["enrol_code"] != kiosk["enrol_code"]
    with psycopg.connect(live_server.dsn) as db:
        assert db.execute("SELECT token_sha256 FROM kiosks").fetchone()[0] is None  # the old token is gone
    revoked = api.post(f"/kiosks/{kiosk['kiosk_id']}/revoke")
    assert revoked.status_code == 200
    assert api.get(f"/kiosks/{kiosk['kiosk_id']}").json()["state"] == "revoked"
    assert error_of(api.post(f"/kiosks/{kiosk['kiosk_id']}/revoke")) == (409, "conflict")
    with psycopg.connect(live_server.dsn) as db:
        assert db.execute("SELECT enrol_code_sha256 FROM kiosks").fetchone()[0] is None
    assert error_of(api.post("/kiosks/999/revoke")) == (404, "not_found")
    assert error_of(api.get("/kiosks/999")) == (404, "not_found")


def test_commands_are_listed_and_a_screenshot_read_back_as_png(live_server, api):
    add_store(api, "c1")
    kiosk_id = api.post("/kiosks", json={"name": "k", "store": "c1"}).json()["kiosk_id"]
    command_id = api.post(f"/kiosks/{kiosk_id}/commands", json={"kind": "screenshot"}).json()["command_id"]
    reload_id = api.post(f"/kiosks/{kiosk_id}/commands", json={"kind": "reload"}).json()["command_id"]
    assert error_of(api.post(f"/kiosks/{kiosk_id}/commands", json={"kind": "self_destruct"})) == (400, "bad_request")
    assert error_of(api.post("/kiosks/12345/commands", json={"kind": "reload"})) == (404, "not_found")
    listed = api.get(f"/kiosks/{kiosk_id}/commands").json()["commands"]
    assert [(c["command_id"], c["state"]) for c in listed] == [(reload_id, "pending"), (command_id, "pending")]
    assert error_of(api.get(f"/commands/{command_id}/screenshot")) == (404, "not_found")
    png = b"\x89PNG\r\n\x1a\nnot really the rest"
    with psycopg.connect(live_server.dsn, autocommit=True) as db:  # what the kiosk's PUT stores
        db.execute("UPDATE commands SET screenshot = %s, acked_at = now(), result = 'done' WHERE command_id = %s",
                   (png, command_id))
    shot = api.get(f"/commands/{command_id}/screenshot")
    assert shot.status_code == 200 and shot.headers["content-type"] == "image/png" and shot.content == png
    assert api.get(f"/kiosks/{kiosk_id}/commands").json()["commands"][1]["state"] == "done"


def test_every_change_writes_one_audit_row_and_a_refusal_none(live_server, api):
    before = len(api.get("/audit", params={"limit": 1000}).json()["entries"])
    add_store(api, "a1")
    add_group(api, "north")
    error_of(api.post("/stores", json={"code": "a1", "name": "dup"}))
    error_of(api.post("/groups/north/stores", json={"stores": ["a1", "zz"]}))  # a1 must not stay in
    entries = api.get("/audit", params={"limit": 1000}).json()["entries"]
    new = entries[before:]
    assert [(e["action"], e["target"], e["actor"]) for e in new] == [
        ("store.create", "store:a1", "user:admin"), ("group.create", "group:north", "user:admin")]
    assert api.get("/groups").json()["groups"][0]["stores"] == []
    since = api.get("/audit", params={"since": new[1]["at"]}).json()["entries"]
    assert [e["action"] for e in since] == ["group.create"]
    assert error_of(api.get("/audit", params={"since": "yesterday"})) == (400, "bad_request")
    assert error_of(api.get("/audit", params={"limit": 0})) == (400, "bad_request")


def test_wrong_types_unknown_keys_malformed_json_and_huge_bodies_are_refused(live_server, api):
    assert error_of(api.post("/stores", json={"code": 7, "name": "Seven"})) == (400, "bad_request")
    assert error_of(api.post("/stores", json={"code": "s", "name": "S", "colour": "red"})) == (400, "bad_request")
    assert error_of(api.post("/groups", json={"name": "g", "kind": "tag", "priority": "high"})) == (400, "bad_request")
    assert error_of(api.post("/groups", json={"name": "g", "kind": "tag", "priority": 1.5})) == (400, "bad_request")
    assert error_of(api.post("/groups", json={"name": "g", "kind": "tag", "priority": 10**12})) == (400, "bad_request")
    assert error_of(api.get(f"/kiosks/{10**30}")) == (404, "not_found")
    assert error_of(api.post("/groups/x/stores", json={"stores": "s1"})) == (400, "bad_request")
    assert error_of(api.patch("/users/admin", json={"disabled": "yes"})) == (400, "bad_request")
    assert error_of(api.post("/stores", json=["code", "name"])) == (400, "bad_request")
    malformed = api.post("/stores", content=b'{"code": "s", "name": ', headers={"Content-Type": "application/json"})
    assert error_of(malformed) == (400, "bad_request") and "JSON" in malformed.json()["error"]["reason"]
    assert error_of(api.get("/kiosks/not-a-number")) == (400, "bad_request")
    huge = b'{"code": "s", "name": "' + b"x" * (9 * 1024 * 1024) + b'"}'
    assert error_of(api.post("/stores", content=huge, headers={"Content-Type": "application/json"})) == (413, "too_large")
    assert api.get("/stores").json()["stores"] == []
    with psycopg.connect(live_server.dsn) as db:
        assert db.execute("SELECT count(*) FROM audit_log").fetchone()[0] == 1  # the test admin's login only


def test_plays_and_audience_are_read_by_viewers_with_filters(live_server, api):
    add_store(api, "p1")
    kiosk_id = api.post("/kiosks", json={"name": "k", "store": "p1"}).json()["kiosk_id"]
    with psycopg.connect(live_server.dsn, autocommit=True) as db:  # what the kiosk's telemetry stores
        for play_id, started in ((1, "2026-12-01 09:00:00"), (2, "2026-12-01 10:00:00"), (3, "2026-12-02 09:00:00")):
            db.execute(
                "INSERT INTO plays (kiosk_id, play_id, started_at, utc_offset_s, item, kind, planned_s, reason, signal,"
                " group_size, confidence, counts_by_age_group, counts_by_attire)"
                " VALUES (%s, %s, %s, 32400, 'snacks', 'image', 8, 'rule', 'audience', 1, 0.9, '{}', '{}')",
                (kiosk_id, play_id, started),
            )
        db.execute("INSERT INTO audience_samples (kiosk_id, sample_id, at, utc_offset_s, signal, group_size, confidence,"
                   " counts_by_age_group, counts_by_attire) VALUES (%s, 1, '2026-12-01 09:00:01', 32400, 'audience', 2,"
                   " 0.8, '{\"adult\": 2}', '{}')", (kiosk_id,))
    viewer = sign_in(live_server, api, "val", "viewer")
    day = viewer.get("/plays", params={"kiosk": kiosk_id, "from": "2026-12-01 00:00:00", "until": "2026-12-02 00:00:00"})
    assert [p["play_id"] for p in day.json()["plays"]] == [1, 2]
    assert day.json()["plays"][0]["started_at"] == "2026-12-01 09:00:00.000000"
    assert [p["play_id"] for p in viewer.get("/plays", params={"store": "p1"}).json()["plays"]] == [1, 2, 3]
    samples = viewer.get("/audience", params={"kiosk": kiosk_id}).json()["audience"]
    assert samples[0]["counts_by_age_group"] == {"adult": 2} and samples[0]["store"] == "p1"
    assert error_of(viewer.get("/plays", params={"from": "tomorrow"})) == (400, "bad_request")
    assert error_of(viewer.get("/plays", params={"from": "2026-12-01T00:00:00+09:00"})) == (400, "bad_request")
    assert error_of(viewer.get("/plays", params={"kiosk": 999})) == (404, "not_found")
    assert error_of(viewer.get("/audience", params={"store": "p2"})) == (404, "not_found")


def test_text_postgresql_cannot_store_is_400_not_a_crash(live_server, api):
    raw = {"Content-Type": "application/json"}
    assert error_of(api.post("/stores", json={"code": "a\u0000b", "name": "NUL"})) == (400, "bad_request")
    assert error_of(api.post("/stores", content=b'{"code": "s", "name": "\\ud800"}', headers=raw)) == (400, "bad_request")
    assert error_of(api.post("/library", content=b'{"name": "x", "kind": "text", "title": "\\u0000", "duration_s": 1,'
                                                 b' "text": {"body": "b"}}', headers=raw)) == (400, "bad_request")
    assert error_of(api.post("/login", json={"name": "ad\u0000min", "password": "x" * 12})) == (400, "bad_request")
    assert error_of(api.get("/groups/a%00b/releases")) == (400, "bad_request")
    assert error_of(api.patch("/users/a%00b", json={"role": "viewer"})) == (400, "bad_request")
    assert error_of(api.get("/plays", params={"store": "a\u0000b"})) == (400, "bad_request")
    assert api.get("/health").json()["ok"] is True
