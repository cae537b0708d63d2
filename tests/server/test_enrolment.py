"""POST /api/v1/enrol and the kiosk token's rules: a code works once, in time, for a kiosk not revoked."""

from __future__ import annotations

import datetime as dt
import hashlib
import threading

import pytest

from tests.server.builders import (
    fetch_one,
    make_batch,
    make_enrol_code,
    make_store,
    revoke_kiosk,
    serve_module,
)


@pytest.fixture(scope="module")
def shared(pg_cluster, tmp_path_factory):
    """One server for the module's builder-made kiosks (each test makes its own)."""
    with serve_module(pg_cluster, tmp_path_factory.mktemp("content")) as server:
        yield server


def heartbeat_status(server, token: str) -> int:
    beat = {"sent_at": make_batch(1, utc_offset_s=0)["sent_at"], "utc_offset_s": 0}
    with server.client(token) as client:
        return client.post("/kiosk/heartbeat", json=beat).status_code


def test_a_code_is_traded_once_for_a_token_kept_only_as_its_sha256(shared):
    kiosk_id, code = make_enrol_code(shared.dsn, make_store(shared.dsn))

    with shared.client() as anonymous:
        reply = anonymous.post("/enrol", json={"code": code, "hostname": "kiosk-pc-01"})
        again = anonymous.post("/enrol", json={"code": code, "hostname": "thief"})

    assert reply.status_code == 200, reply.text
    body = reply.json()
    assert body["kiosk_id"] == kiosk_id
    assert body["next_seq"] == 1
    token = body["token"]
    assert len(token) >= 40
    row = fetch_one(shared.dsn, "SELECT token_sha256, enrol_code_sha256, enrol_expires_at, enrolled_at IS NOT NULL,"
                    " hostname FROM kiosks WHERE kiosk_id = %s", (kiosk_id,))
    assert bytes(row[0]) == hashlib.sha256(token.encode()).digest()
    assert row[1:] == (None, None, True, "kiosk-pc-01")
    assert heartbeat_status(shared, token) == 200
    assert again.status_code == 401
    assert again.json()["error"]["code"] == "unauthorised"
    assert "already used" in again.json()["error"]["reason"]
    assert fetch_one(shared.dsn, "SELECT hostname FROM kiosks WHERE kiosk_id = %s", (kiosk_id,)) == ("kiosk-pc-01",)


def test_an_expired_an_unknown_and_a_revoked_kiosk_s_code_are_401_with_the_reason(shared):
    store = make_store(shared.dsn)
    _, expired = make_enrol_code(shared.dsn, store, expires_in=-dt.timedelta(minutes=1))
    revoked_id, revoked_code = make_enrol_code(shared.dsn, store)
    revoke_kiosk(shared.dsn, revoked_id)

    with shared.client() as anonymous:
        replies = {
            "expired": anonymous.post("/enrol", json={"code": expired, "hostname": "pc"}),
            "revoked": anonymous.post("/enrol", json={"code": revoked_code, "hostname": "pc"}),
            "unknown": anonymous.post("/enrol", json={"code": "never-issued", "hostname": "pc"}),
        }

    for word, reply in replies.items():
        assert reply.status_code == 401, word
        assert reply.json()["error"]["code"] == "unauthorised"
        assert word in reply.json()["error"]["reason"] or (word == "unknown" and "unknown" in reply.json()["error"]["reason"])
    assert "expired" in replies["expired"].json()["error"]["reason"]
    assert "revoked" in replies["revoked"].json()["error"]["reason"]
    assert fetch_one(shared.dsn, "SELECT count(*) FROM kiosks WHERE store_id = %s AND token_sha256 IS NOT NULL",
                     (store,)) == (0,)


def test_two_kiosks_racing_with_one_code_get_one_token(shared):
    _, code = make_enrol_code(shared.dsn, make_store(shared.dsn))
    statuses: list[int] = []
    start = threading.Barrier(5)

    def enrol(index: int):
        with shared.client() as anonymous:
            start.wait()
            statuses.append(anonymous.post("/enrol", json={"code": code, "hostname": f"pc-{index}"}).status_code)

    threads = [threading.Thread(target=enrol, args=(index,)) for index in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(statuses) == [200, 401, 401, 401, 401]


def test_bad_enrolment_bodies_are_400(shared):
    _, code = make_enrol_code(shared.dsn, make_store(shared.dsn))
    with shared.client() as anonymous:
        for body in [{"code": code}, {"hostname": "pc"}, {"code": 7, "hostname": "pc"},
                     {"code": code, "hostname": "pc\x00"}, {"code": code, "hostname": ""},
                     {"code": code, "hostname": "x" * 300}, {"code": code, "hostname": "pc", "role": "admin"}]:
            reply = anonymous.post("/enrol", json=body)
            assert reply.status_code == 400, f"{body}: {reply.status_code} {reply.text}"
        for raw in (b"{", b"[]", b""):
            assert anonymous.post("/enrol", content=raw, headers={"Content-Type": "application/json"}).status_code == 400
        # None of those used the code.
        assert anonymous.post("/enrol", json={"code": code, "hostname": "pc"}).status_code == 200


def test_the_admin_s_code_enrols_revoke_ends_it_and_a_new_code_admits_the_kiosk_again(live_server, api):
    # Through the people's endpoints, as an admin and a kiosk really do it.
    assert api.post("/stores", json={"code": "seoul-01", "name": "Seoul 1"}).status_code == 201
    created = api.post("/kiosks", json={"name": "front", "store": "seoul-01", "groups": []})
    assert created.status_code == 201, created.text
    kiosk_id, code = created.json()["kiosk_id"], created.json()["enrol_code"]
    with live_server.client() as anonymous:
        token = anonymous.post("/enrol", json={"code": code, "hostname": "pc"}).json()["token"]
    assert heartbeat_status(live_server, token) == 200
    with live_server.client(token) as kiosk:
        assert kiosk.post("/kiosk/telemetry", json=make_batch(1)).status_code == 200

    assert api.post(f"/kiosks/{kiosk_id}/revoke").status_code == 200

    assert heartbeat_status(live_server, token) == 401
    fresh = api.post(f"/kiosks/{kiosk_id}/enrol-code")
    assert fresh.status_code == 200, fresh.text
    with live_server.client() as anonymous:
        second = anonymous.post("/enrol", json={"code": fresh.json()["enrol_code"], "hostname": "new-pc"})
    assert second.status_code == 200, second.text
    # A re-imaged PC goes on from the server's sequence, not from 1.
    assert second.json()["next_seq"] == 2
    assert heartbeat_status(live_server, token) == 401
    assert heartbeat_status(live_server, second.json()["token"]) == 200


def test_an_enrolment_code_never_starts_with_a_dash_so_the_cli_cannot_take_it_for_an_option(monkeypatch):
    # Given secrets that start with '-' (one in 64 does), then one that does not
    from signage.server import auth

    made = iter(["-dash-first", "-again", "Kx-fine"])
    monkeypatch.setattr(auth, "new_secret", lambda: next(made))
    # Then the code is the first that does not
    assert auth.new_enrol_code() == "Kx-fine"


def test_signage_sync_enrol_reads_any_code_the_server_makes():
    # The CLI's parser, with a code as the server makes them (several, so one starts with letters and
    # digits, the others anything base64url allows after the first character).
    from signage.cli import build_parser
    from signage.server.auth import new_enrol_code

    for _ in range(200):
        code = new_enrol_code()
        args = build_parser().parse_args(["sync", "enrol", "--server", "http://127.0.0.1:1", "--code", code])
        assert args.code == code
