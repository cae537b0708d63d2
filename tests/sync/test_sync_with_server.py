"""`signage sync` against the REAL server on loopback over a throwaway PostgreSQL: enrol, pull,
apply, play, push, the server killed and back (nothing lost, nothing twice), remote commands,
and a kiosk that plays a release pushed from the server."""

from __future__ import annotations

import datetime as dt
import random

import httpx
import pytest

from audience.types import AgeGroup, Attire
from content.catalog import ContentLibrary
from foundation.clock import FakeClock
from foundation.db import open_database
from playlists.decision import AudienceView
from playlists.playback import (
    PlaybackCore,
    PlaybackSettings,
    read_rulebook,
    simulate_decision,
)
from signage.cli import main
from signage.player.status import (
    ControlResult,
    control_token_path,
    write_control_token,
)
from signage.sync.apply import running_release
from signage.sync.identity import load_identity
from signage.sync.service import SyncService
from tests.server.conftest import (  # noqa: F401 - pytest fixtures, used by name
    ADMIN_NAME,
    ADMIN_PASSWORD,
    free_port,
    make_admin,
    pg_cluster,
    pg_dsn,
    start_server_thread,
)
from tests.sync.builders import png_bytes, running_player_endpoint
from tests.sync.conftest import TEST_SETTINGS

pytestmark = pytest.mark.postgres


@pytest.fixture
def clock() -> FakeClock:
    """The kiosk's one clock: the player's playback core and the sync service read the same time."""
    return FakeClock(0.0, start=START)

START = dt.datetime(2026, 12, 1, 16, 0)  # a Tuesday afternoon: the students' rule's hours
RULES_YAML = """\
default_playlist: brand
playlists:
- name: brand
  items: [brand_welcome, brand_note]
- name: snacks
  items: [snacks_chips]
rules:
- name: students_after_school
  playlist: snacks
  priority: 60
  when:
    age_groups: [teen]
    time: ['15:00-18:00']
"""


class Server:
    """The real server in a thread on a fixed loopback port, which can be killed and started again."""

    def __init__(self, dsn: str, content_dir) -> None:
        from signage.server.app import ServerSettings

        self.settings = ServerSettings(dsn=dsn, content_dir=content_dir, pool_min=1, pool_max=4)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = self.thread = None
        self.start()

    def start(self) -> None:
        self.server, self.thread = start_server_thread(self.settings, self.port)

    def kill(self) -> None:
        self.server.should_exit = True
        self.thread.join(10)


@pytest.fixture
def server(pg_dsn, tmp_path):  # noqa: F811 - the fixture imported above
    make_admin(pg_dsn)
    running = Server(pg_dsn, tmp_path / "server-content")
    yield running
    running.kill()


@pytest.fixture
def api(server):
    token = httpx.post(server.url + "/api/v1/login", json={"name": ADMIN_NAME, "password": ADMIN_PASSWORD}).json()["token"]
    with httpx.Client(base_url=server.url + "/api/v1", headers={"Authorization": f"Bearer {token}"}, timeout=10) as client:
        yield client


def ok(reply: httpx.Response) -> dict:
    assert reply.status_code < 300, reply.text
    return reply.json() if reply.content else {}


def upload_image(api: httpx.Client, name: str, data: bytes, **fields) -> str:
    import hashlib

    sha = hashlib.sha256(data).hexdigest()
    ok(api.put(f"/content/{sha}", content=data, headers={"Content-Type": "image/png"}))
    ok(api.post("/library", json={"name": name, "kind": "image", "title": name.replace("_", " "), "duration_s": 6.0,
                                  "sha256": sha, "tags": ["ads"], **fields}))
    return sha


def release_to_all(api: httpx.Client, yaml_text: str) -> dict:
    release = ok(api.post("/groups/seoul/releases", json={"document_yaml": yaml_text, "note": "test"}))
    ok(api.post(f"/releases/{release['release_id']}/rollout", json={"stage": "canary", "canary_group": "pilot"}))
    ok(api.post(f"/releases/{release['release_id']}/rollout", json={"stage": "all"}))
    return release


@pytest.fixture
def chain(api):
    """Group seoul with store s1 (also the canary group pilot), the library, a first release, a kiosk to enrol."""
    ok(api.post("/groups", json={"name": "seoul", "kind": "region", "priority": 10}))
    ok(api.post("/groups", json={"name": "pilot", "kind": "canary"}))
    ok(api.post("/stores", json={"code": "s1", "name": "Store 1"}))
    for group in ("seoul", "pilot"):
        ok(api.post(f"/groups/{group}/stores", json={"stores": ["s1"]}))
    upload_image(api, "brand_welcome", png_bytes(1))
    upload_image(api, "snacks_chips", png_bytes(2))
    ok(api.post("/library", json={"name": "brand_note", "kind": "text", "title": "Open 24 h", "duration_s": 5.0,
                                  "text": {"body": "Welcome", "background": "#000000", "foreground": "#ffffff"}}))
    release = release_to_all(api, RULES_YAML)
    kiosk = ok(api.post("/kiosks", json={"name": "front door", "store": "s1"}))
    return {"release": release, "kiosk": kiosk}


def enrolled_service(server, kiosk_paths, code: str, clock, player_status_port: int = 0) -> SyncService:
    """`signage sync enrol` with the code, then the kiosk's service on the fake clock."""
    assert main(["sync", "enrol", "--server", server.url, "--code", code, "--db", str(kiosk_paths.database)]) == 0
    return SyncService(TEST_SETTINGS, kiosk_paths, load_identity(kiosk_paths.identity), clock,
                       player_status_port=player_status_port, rng=random.Random(3))


def play_for(core: PlaybackCore, clock: FakeClock, seconds: float) -> None:
    """Let the kiosk's playback core play for `seconds` on its fake clock."""
    end = clock.now_s() + seconds
    while clock.now_s() < end:
        clock.advance_to(min(end, clock.now_s() + 1.0))
        core.advance()


def test_a_kiosk_plays_a_release_pushed_from_the_server(server, api, chain, kiosk, clock):
    service = enrolled_service(server, kiosk, chain["kiosk"]["enrol_code"], clock)
    try:
        service.run_once()
        assert service.last_error is None, service.last_error
        db = open_database(kiosk.database)
        assert running_release(db)["release_id"] == chain["release"]["release_id"]
        items = ContentLibrary(db).items_by_name()
        assert set(items) == {"brand_welcome", "snacks_chips", "brand_note"}
        assert items["snacks_chips"].path.startswith(str(kiosk.content))

        # The release's rule decides on the kiosk, from the synced SQLite
        book = read_rulebook(db)
        teens = AudienceView.hypothetical(AgeGroup.TEEN, Attire.SCHOOL_UNIFORM, 2, 5.0)
        adult = AudienceView.hypothetical(AgeGroup.ADULT, Attire.CASUAL, 1, 5.0)
        assert simulate_decision(book, teens, START).rule == "students_after_school"
        assert simulate_decision(book, teens, START).playlist == "snacks"
        assert simulate_decision(book, adult, START).playlist == "brand"

        # The kiosk's playback core plays it and logs proof of play; the push brings it to the server
        player_clock = clock
        core = PlaybackCore(open_database(kiosk.database), PlaybackSettings(), player_clock)
        core.start()
        play_for(core, player_clock, 60)
        core.finish()
        service.run_once()
        kiosk_id = int(chain["kiosk"]["kiosk_id"])
        plays = ok(api.get("/plays", params={"kiosk": kiosk_id}))["plays"]
        local = db.conn.execute("SELECT count(*) FROM plays WHERE ended_at IS NOT NULL").fetchone()[0]
        assert len(plays) == local >= 5
        assert {play["item"] for play in plays} <= {"brand_welcome", "brand_note"}
        shown = ok(api.get(f"/kiosks/{kiosk_id}"))
        assert shown["release_id"] == chain["release"]["release_id"]
        assert shown["sync"]["spooled_plays"] >= 0 and shown["sync"]["last_error"] is None

        # A new release from the server: the running core picks it up on its own
        upload_image(api, "lunch_bento", png_bytes(3))
        release_2 = release_to_all(api, RULES_YAML.replace("items: [snacks_chips]", "items: [snacks_chips, lunch_bento]"))
        service.run_once()
        assert running_release(db)["release_id"] == release_2["release_id"]
        assert simulate_decision(read_rulebook(db), teens, START).playlist == "snacks"
        assert "lunch_bento" in ContentLibrary(db).items_by_name()
    finally:
        service.close()


def test_the_server_killed_and_back_loses_nothing_and_stores_nothing_twice(server, api, chain, kiosk, clock):
    service = enrolled_service(server, kiosk, chain["kiosk"]["enrol_code"], clock)
    kiosk_id = int(chain["kiosk"]["kiosk_id"])
    try:
        service.run_once()
        player_clock = clock
        core = PlaybackCore(open_database(kiosk.database), PlaybackSettings(audience_sample_s=10.0), player_clock)
        core.start()
        play_for(core, player_clock, 40)
        service.run_once()
        before = len(ok(api.get("/plays", params={"kiosk": kiosk_id}))["plays"])

        server.kill()
        play_for(core, player_clock, 300)  # the kiosk plays on: it never waits for the server
        for _ in range(3):
            clock.set(service.tasks["push"].due_s)
            service.run_due()
        assert service.counters["unreachable"] >= 3
        waiting = service.spool.counts().spooled_plays
        assert waiting > 0

        server.start()
        clock.set(max(task.due_s for task in service.tasks.values()))
        service.run_due()
        core.finish()
        service.run_once()
        db = open_database(kiosk.database)
        local = db.conn.execute("SELECT count(*) FROM plays WHERE ended_at IS NOT NULL").fetchone()[0]
        stored = ok(api.get("/plays", params={"kiosk": kiosk_id}))["plays"]
        ids = [play["play_id"] for play in stored]
        assert len(ids) == len(set(ids)) == local > before  # every play once
        assert service.spool.counts().spooled_plays == 0
    finally:
        service.close()


def test_remote_commands_from_the_server_are_carried_out_and_acked(server, api, chain, kiosk, clock):
    kiosk.folder.mkdir(parents=True, exist_ok=True)
    done: list[str] = []
    actions = {
        "reload": lambda: (done.append("reload"), ControlResult.text(200, "up to date"))[1],
        "screenshot": lambda: ControlResult(200, "image/png", png_bytes(9)),
        "restart": lambda: ControlResult.text(202, "restarting"),
    }
    token = write_control_token(control_token_path(kiosk.database))
    with running_player_endpoint(actions, token, {"mode": "live", "uptime_s": 5.0}) as player:
        service = enrolled_service(server, kiosk, chain["kiosk"]["enrol_code"], clock, player_status_port=player.port)
        kiosk_id = int(chain["kiosk"]["kiosk_id"])
        try:
            reload_id = ok(api.post(f"/kiosks/{kiosk_id}/commands", json={"kind": "reload"}))["command_id"]
            shot_id = ok(api.post(f"/kiosks/{kiosk_id}/commands", json={"kind": "screenshot"}))["command_id"]
            service.heartbeat()
            service.heartbeat()  # the acks
            commands = {c["command_id"]: c for c in ok(api.get(f"/kiosks/{kiosk_id}/commands"))["commands"]}
            assert commands[reload_id]["state"] == "done" and commands[shot_id]["state"] == "done"
            assert done == ["reload"]
            shot = api.get(f"/commands/{shot_id}/screenshot")
            assert shot.status_code == 200 and shot.content == png_bytes(9)
            assert ok(api.get(f"/kiosks/{kiosk_id}"))["status"] == {"mode": "live", "uptime_s": 5.0}
        finally:
            service.close()


def test_a_revoked_kiosk_is_refused_and_keeps_its_spool(server, api, chain, kiosk, clock):
    service = enrolled_service(server, kiosk, chain["kiosk"]["enrol_code"], clock)
    kiosk_id = int(chain["kiosk"]["kiosk_id"])
    try:
        service.run_once()
        ok(api.post(f"/kiosks/{kiosk_id}/revoke"))
        from tests.sync.builders import log_plays

        log_plays(kiosk.database, 3, start=START)
        service.run_once()
        assert service.counters["refused"] >= 3
        assert "401" in service.last_error
        assert service.spool.counts().spooled_plays == 3
        assert running_release(open_database(kiosk.database))["release_id"] == chain["release"]["release_id"]
    finally:
        service.close()


def test_a_lost_answer_and_a_sequence_gap_with_the_real_server(server, api, chain, kiosk, clock):
    from tests.sync.builders import log_plays

    service = enrolled_service(server, kiosk, chain["kiosk"]["enrol_code"], clock)
    kiosk_id = int(chain["kiosk"]["kiosk_id"])
    earlier = START - dt.timedelta(hours=1)
    try:
        service.run_once()
        # A batch the server stored while its answer was lost on the way back
        log_plays(kiosk.database, 3, start=earlier)
        service.spool.take_from(kiosk.database)
        batch = service.spool.form_batch(START, 0, 1000)
        assert service.client.telemetry(batch.body)["stored"]["plays"] == 3
        service.push()  # sent again (the same seq and records): duplicate_batch, taken as delivered
        assert service.spool.pending_batch() is None
        # The kiosk's sequence ahead of the server's (its state file restored from elsewhere)
        log_plays(kiosk.database, 2, start=earlier + dt.timedelta(minutes=5))
        service.spool.set_state("next_seq", 9)
        service.push()  # 9 is a sequence_gap: renumbered to the server's 2
        plays = ok(api.get("/plays", params={"kiosk": kiosk_id}))["plays"]
        assert sorted(play["play_id"] for play in plays) == [1, 2, 3, 4, 5]
        assert service.spool.next_seq == 3 and service.spool.pending_batch() is None
    finally:
        service.close()


def test_a_replaced_player_database_loses_no_play_and_stores_none_twice(server, api, chain, kiosk, clock):
    from tests.sync.builders import log_plays

    service = enrolled_service(server, kiosk, chain["kiosk"]["enrol_code"], clock)
    kiosk_id = int(chain["kiosk"]["kiosk_id"])
    earlier = START - dt.timedelta(hours=1)
    try:
        # Given four plays on the server
        service.run_once()
        log_plays(kiosk.database, 4, start=earlier)
        service.push()
        assert len(ok(api.get("/plays", params={"kiosk": kiosk_id}))["plays"]) == 4

        # When the player moves its damaged database aside and starts a new one, which logs
        # seven plays (ids 1-7: the old ones again, and past the old cursor) before sync runs
        for suffix in ("", "-wal", "-shm"):
            old = kiosk.database.with_name(kiosk.database.name + suffix)
            if old.exists():
                old.rename(kiosk.database.with_name(f"{kiosk.database.name}.damaged-20261201-150000{suffix}"))
        log_plays(kiosk.database, 7, start=earlier + dt.timedelta(minutes=30))
        clock.advance_to(clock.now_s() + 60)
        service.run_once()

        # Then every play of both databases is stored exactly once, none dropped as a duplicate
        assert service.last_error is None, service.last_error
        stored = ok(api.get("/plays", params={"kiosk": kiosk_id}))["plays"]
        ids = [play["play_id"] for play in stored]
        assert len(ids) == len(set(ids)) == 11
        local_starts = set()
        for path in (kiosk.database.with_name(f"{kiosk.database.name}.damaged-20261201-150000"), kiosk.database):
            db = open_database(path)
            local_starts |= {dt.datetime.fromisoformat(row[0]) for row in db.conn.execute("SELECT started_at FROM plays")}
            db.conn.close()
        assert {dt.datetime.fromisoformat(play["started_at"]) for play in stored} == local_starts
        assert len(local_starts) == 11
        # ...and the release went into the new database too (the service opened it again)
        assert running_release(open_database(kiosk.database))["release_id"] == chain["release"]["release_id"]
    finally:
        service.close()


def test_a_batch_resent_after_an_outage_gives_the_server_the_skew_of_its_sending(server, api, chain, kiosk, clock,
                                                                                 pg_dsn):  # noqa: F811
    import psycopg

    from tests.sync.builders import log_plays

    service = enrolled_service(server, kiosk, chain["kiosk"]["enrol_code"], clock)
    try:
        service.run_once()
        # Given a batch formed and sent while the server is down
        log_plays(kiosk.database, 3, start=START - dt.timedelta(hours=1))
        server.kill()
        clock.set(service.tasks["push"].due_s)
        service.run_due()
        assert service.counters["unreachable"] >= 1 and service.spool.pending_batch() is not None
        # When it goes out two hours later
        clock.set(clock.now_s() + 7200)
        server.start()
        service.heartbeat()
        service.push()
        assert service.spool.pending_batch() is None
        # Then the server measured the kiosk's clock as the heartbeat did, not two hours off
        with psycopg.connect(pg_dsn) as connection:
            (batch_skew_s,) = connection.execute(
                "SELECT clock_skew_s FROM telemetry_batches ORDER BY seq DESC LIMIT 1").fetchone()
        assert abs(batch_skew_s - service.skew_s) < 60, (batch_skew_s, service.skew_s)
    finally:
        service.close()
