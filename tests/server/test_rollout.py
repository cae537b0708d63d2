"""The staged rollout on a real server: canary, all, rollback, the order of steps, which release
each kiosk runs (releases.release_for_kiosk) and how far a rollout has got."""

from __future__ import annotations

import asyncio

import psycopg
import pytest

from signage.server.releases import release_for_kiosk
from tests.server.people_helpers import cheap_argon2  # noqa: F401 (an autouse fixture)
from tests.server.people_helpers import add_group, add_store, add_text, error_of, make_release, sign_in

pytestmark = pytest.mark.postgres


def running(dsn: str, *store_codes: str) -> dict[str, int | None]:
    """The release_id each store's kiosks should run, as release_for_kiosk says."""

    async def ask() -> dict[str, int | None]:
        async with await psycopg.AsyncConnection.connect(dsn, autocommit=True) as db:
            answers = {}
            for code in store_codes:
                store_id = (await (await db.execute("SELECT store_id FROM stores WHERE code = %s", (code,))).fetchone())[0]
                row = await release_for_kiosk(db, store_id)
                answers[code] = None if row is None else row["release_id"]
            return answers

    return asyncio.run(ask())


@pytest.fixture
def seoul(api):
    """Group seoul (s1, s2) with a canary group pilot (s1) and a text item for releases."""
    add_group(api, "seoul", priority=10)
    add_group(api, "pilot", kind="canary")
    add_store(api, "s1", ("seoul", "pilot"))
    add_store(api, "s2", ("seoul",))
    add_text(api, "welcome")
    add_text(api, "goodbye")
    return api


def rollout(api, release: dict, stage: str, canary_group: str | None = None):
    body = {"stage": stage} if canary_group is None else {"stage": stage, "canary_group": canary_group}
    return api.post(f"/releases/{release['release_id']}/rollout", json=body)


def test_canary_then_all_then_rollback_in_order(live_server, seoul):
    api, dsn = seoul, live_server.dsn
    r1 = make_release(api, "seoul", "welcome")
    assert running(dsn, "s1", "s2") == {"s1": None, "s2": None}  # made is not out
    assert error_of(rollout(api, r1, "all")) == (409, "conflict")  # canary first
    assert error_of(rollout(api, r1, "canary")) == (400, "bad_request")
    assert error_of(rollout(api, r1, "canary", "pilott")) == (404, "not_found")
    state = rollout(api, r1, "canary", "pilot").json()
    assert (state["canary_release_id"], state["canary_group"], state["current_release_id"]) == (r1["release_id"], "pilot", None)
    assert running(dsn, "s1", "s2") == {"s1": r1["release_id"], "s2": None}  # only the canary's stores
    assert error_of(rollout(api, r1, "canary", "pilot")) == (409, "conflict")
    assert rollout(api, r1, "all").json()["current_release_id"] == r1["release_id"]
    assert running(dsn, "s1", "s2") == {"s1": r1["release_id"], "s2": r1["release_id"]}
    assert error_of(rollout(api, r1, "all")) == (409, "conflict")

    r2 = make_release(api, "seoul", "goodbye")
    r3 = make_release(api, "seoul", "welcome", "goodbye")
    assert error_of(rollout(api, r2, "all")) == (409, "conflict")
    rollout(api, r2, "canary", "pilot")
    assert running(dsn, "s1", "s2") == {"s1": r2["release_id"], "s2": r1["release_id"]}
    assert error_of(rollout(api, r3, "canary", "pilot")) == (409, "conflict")  # one canary at a time
    state = api.post("/groups/seoul/rollback").json()  # withdraws the canary
    assert (state["canary_release_id"], state["current_release_id"]) == (None, r1["release_id"])
    assert running(dsn, "s1", "s2") == {"s1": r1["release_id"], "s2": r1["release_id"]}

    rollout(api, r3, "canary", "seoul")  # the group itself as its canary: everyone at once
    assert running(dsn, "s1", "s2") == {"s1": r3["release_id"], "s2": r3["release_id"]}
    rollout(api, r3, "all")
    assert error_of(rollout(api, r2, "canary", "pilot")) == (409, "conflict")  # older than the current one
    state = api.post("/groups/seoul/rollback").json()  # the release before the current one, for everyone
    assert (state["current_release_id"], state["current_version"]) == (r1["release_id"], 1)
    assert running(dsn, "s1", "s2") == {"s1": r1["release_id"], "s2": r1["release_id"]}
    assert error_of(api.post("/groups/seoul/rollback")) == (409, "conflict")  # nothing earlier went out
    assert error_of(api.post("/groups/seol/rollback")) == (404, "not_found")

    events = api.get(f"/rollouts/{r1['release_id']}").json()["events"]
    assert [(e["stage"], e["release_id"]) for e in events] == [
        ("canary", r1["release_id"]), ("all", r1["release_id"]), ("canary", r2["release_id"]),
        ("rollback", r1["release_id"]), ("canary", r3["release_id"]), ("all", r3["release_id"]),
        ("rollback", r1["release_id"])]
    actions = [e["action"] for e in api.get("/audit", params={"limit": 1000}).json()["entries"]
               if e["action"].startswith("release.") and e["action"] != "release.create"]
    assert actions == ["release.canary", "release.all", "release.canary", "release.rollback", "release.canary",
                       "release.all", "release.rollback"]


def test_the_highest_priority_group_with_a_release_wins_ties_by_name(live_server, api):
    add_group(api, "chain", kind="chain", priority=0)
    add_group(api, "seoul", priority=10)
    add_group(api, "beta", kind="tag", priority=5)
    add_group(api, "alpha", kind="tag", priority=5)
    add_store(api, "s1", ("chain", "seoul"))
    add_store(api, "s2", ("chain", "alpha", "beta"))
    add_store(api, "s3", ("chain",))
    add_store(api, "s4", ())
    add_text(api, "welcome")
    out = {}
    for group in ("chain", "alpha", "beta"):
        out[group] = make_release(api, group, "welcome")
        rollout(api, out[group], "canary", group)
        rollout(api, out[group], "all")
    seoul = make_release(api, "seoul", "welcome")
    assert running(live_server.dsn, "s1", "s2", "s3", "s4") == {  # seoul has nothing out yet: s1 falls through
        "s1": out["chain"]["release_id"], "s2": out["alpha"]["release_id"], "s3": out["chain"]["release_id"], "s4": None}
    rollout(api, seoul, "canary", "seoul")
    assert running(live_server.dsn, "s1")["s1"] == seoul["release_id"]
    async def rows():
        async with await psycopg.AsyncConnection.connect(live_server.dsn, autocommit=True) as db:
            store_id = (await (await db.execute("SELECT store_id FROM stores WHERE code = 's1'")).fetchone())[0]
            return await release_for_kiosk(db, store_id), await release_for_kiosk(db, store_id, with_body=False)
    row, light = asyncio.run(rows())
    assert (row["group_name"], row["version"], row["etag"]) == ("seoul", 1, seoul["etag"])
    assert row["document"]["playlists"][0]["items"] == ["welcome"] and row["content"][0]["name"] == "welcome"
    assert light == {key: value for key, value in row.items() if key not in ("document", "content")}
    kiosk_id = api.post("/kiosks", json={"name": "k", "store": "s1"}).json()["kiosk_id"]
    assert api.get(f"/kiosks/{kiosk_id}").json()["release_target_id"] == seoul["release_id"]


def test_rollout_status_counts_kiosks_targeted_and_running(live_server, seoul):
    api = seoul
    kiosks = {}
    for name, store in (("a", "s1"), ("b", "s2"), ("c", "s2"), ("d", "s2")):
        kiosks[name] = api.post("/kiosks", json={"name": name, "store": store}).json()["kiosk_id"]
    with psycopg.connect(live_server.dsn, autocommit=True) as db:  # enrolled: as /enrol leaves them
        db.execute("UPDATE kiosks SET token_sha256 = sha256(kiosk_id::text::bytea), enrol_code_sha256 = NULL")
    api.post(f"/kiosks/{kiosks['d']}/revoke")
    r1 = make_release(api, "seoul", "welcome")
    status = api.get(f"/rollouts/{r1['release_id']}").json()
    assert (status["stage"], status["kiosks_targeted"], status["kiosks_running"], status["share"]) == ("not_out", 0, 0, None)
    rollout(api, r1, "canary", "pilot")
    status = api.get(f"/rollouts/{r1['release_id']}").json()
    assert (status["stage"], status["kiosks_targeted"], status["waiting"]) == ("canary", 1, [kiosks["a"]])
    rollout(api, r1, "all")
    with psycopg.connect(live_server.dsn, autocommit=True) as db:  # what their heartbeats report
        db.execute("UPDATE kiosk_state SET release_id = %s WHERE kiosk_id IN (%s, %s)", (r1["release_id"], kiosks["a"], kiosks["b"]))
    viewer = sign_in(live_server, api, "vi", "viewer")
    status = viewer.get(f"/rollouts/{r1['release_id']}").json()
    assert (status["stage"], status["kiosks_targeted"], status["kiosks_running"]) == ("all", 3, 2)  # d is revoked
    assert status["share"] == pytest.approx(2 / 3, abs=1e-4) and status["waiting"] == [kiosks["c"]]
    assert error_of(viewer.get("/rollouts/999999")) == (404, "not_found")
    assert error_of(rollout(viewer, r1, "all")) == (403, "forbidden")
    assert error_of(viewer.post("/groups/seoul/rollback")) == (403, "forbidden")
    assert error_of(api.post(f"/releases/{r1['release_id']}/rollout", json={"stage": "everyone"})) == (400, "bad_request")
    assert error_of(api.post(f"/releases/{r1['release_id']}/rollout", json={"stage": "all", "canary_group": "pilot"})) == (400, "bad_request")
    assert error_of(api.post("/releases/999999/rollout", json={"stage": "all"})) == (404, "not_found")


def test_a_kiosk_enrolled_with_its_code_reads_the_release_the_rollout_gives_it(live_server, seoul):
    api = seoul
    codes = {name: api.post("/kiosks", json={"name": name, "store": store}).json()
             for name, store in (("front", "s1"), ("back", "s2"))}
    tokens = {}
    with live_server.client() as anonymous:
        for name, made in codes.items():
            reply = anonymous.post("/enrol", json={"code": made["enrol_code"], "hostname": f"{name}-pc"})
            assert reply.status_code == 200, reply.text
            tokens[name] = reply.json()["token"]
        assert anonymous.post("/enrol", json={"code": codes["front"]["enrol_code"], "hostname": "x"}).status_code == 401
    front, back = live_server.client(tokens["front"]), live_server.client(tokens["back"])
    assert front.get("/kiosk/release").status_code == 204
    r1 = make_release(api, "seoul", "welcome")
    rollout(api, r1, "canary", "pilot")
    reply = front.get("/kiosk/release")
    assert reply.status_code == 200 and reply.headers["etag"] == r1["etag"] and reply.json()["version"] == 1
    assert back.get("/kiosk/release").status_code == 204  # not in the canary group, nothing else out
    rollout(api, r1, "all")
    assert back.get("/kiosk/release").json()["release_id"] == r1["release_id"]

    kiosk_id = codes["front"]["kiosk_id"]
    fresh = api.post(f"/kiosks/{kiosk_id}/enrol-code").json()["enrol_code"]
    assert error_of(front.get("/kiosk/release")) == (401, "unauthorised")  # the old token stopped at once
    api.post(f"/kiosks/{kiosk_id}/revoke")
    with live_server.client() as anonymous:  # revocation also voids the unused code
        assert error_of(anonymous.post("/enrol", json={"code": fresh, "hostname": "x"})) == (401, "unauthorised")
        again = api.post(f"/kiosks/{kiosk_id}/enrol-code").json()["enrol_code"]  # a new code re-admits it
        assert anonymous.post("/enrol", json={"code": again, "hostname": "front-pc"}).status_code == 200
    front.close()
    back.close()
