"""The sync service against a contract server on loopback: rounds on a fake clock, and every
bad answer a server can give (down, slow, garbage, wrong shapes, refusals)."""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import stat

import pytest

from content.catalog import ContentLibrary
from foundation.db import open_database
from signage.cli import main
from signage.player.status import (
    ControlResult,
    control_token_path,
    write_control_token,
)
from signage.sync.apply import running_release
from tests.sync.builders import (
    document,
    image_item,
    log_plays,
    png_bytes,
    running_player_endpoint,
    teen_rule,
    text_item,
)

START = dt.datetime(2026, 12, 1, 9, 0)


def publish_one(fleet, release_id: int = 1) -> dict:
    return fleet.publish(
        release_id,
        document("brand", {"brand": ["brand_welcome", "brand_slide"], "snacks": ["snacks_chips"]},
                 [teen_rule("snacks")]),
        [image_item("brand_welcome"), text_item("brand_slide"), image_item("snacks_chips")],
        {"brand_welcome": png_bytes(1), "snacks_chips": png_bytes(2)},
    )


# -- enrolment ---------------------------------------------------------------------------


def test_enrol_keeps_the_token_owner_only_and_never_prints_it(fleet, kiosk, capsys, caplog):
    caplog.set_level(logging.DEBUG)
    code = main(["sync", "enrol", "--server", fleet.url, "--code", "ENROL-CODE-1", "--db", str(kiosk.database)])
    out = capsys.readouterr()
    assert code == 0
    data = json.loads(kiosk.identity.read_text())
    assert data == {"server_url": fleet.url, "kiosk_id": "kiosk-1", "token": fleet.token}
    assert stat.S_IMODE(os.stat(kiosk.identity).st_mode) == 0o600
    assert fleet.token not in out.out + out.err + caplog.text
    # A code works once: the second time is one line, exit non-zero, the identity untouched
    code = main(["sync", "enrol", "--server", fleet.url, "--code", "ENROL-CODE-1", "--db", str(kiosk.database)])
    err = capsys.readouterr().err
    assert code != 0 and "401 unauthorised" in err and len(err.strip().splitlines()) == 1


def test_a_kiosk_not_enrolled_is_told_how(kiosk, capsys):
    assert main(["sync", "once", "--db", str(kiosk.database)]) != 0
    assert "signage sync enrol" in capsys.readouterr().err


# -- a whole round ---------------------------------------------------------------------


def test_one_round_pulls_applies_and_pushes(fleet, kiosk, make_service, caplog):
    caplog.set_level(logging.DEBUG)
    publish_one(fleet)
    fleet.batches = {1: {}, 2: {}}  # the server has two batches of this kiosk already
    log_plays(kiosk.database, 4, start=START, audience=3)
    service = make_service()
    service.run_once()

    assert service.last_error is None
    db = open_database(kiosk.database)
    assert running_release(db)["release_id"] == 1
    assert set(ContentLibrary(db).items_by_name()) == {"brand_welcome", "brand_slide", "snacks_chips"}
    assert sorted(fleet.plays) == [1, 2, 3, 4] and len(fleet.audience) == 3
    assert sorted(fleet.batches) == [1, 2, 3]  # the fresh spool started at the server's next seq
    beat = fleet.heartbeats[0]
    assert beat["release_id"] is None and beat["status"] is None  # first beat: nothing applied, no player
    assert beat["utc_offset_s"] == int(START.astimezone().utcoffset().total_seconds())
    assert set(beat["sync"]) == {"spooled_plays", "spooled_audience", "dropped_audience", "last_error"}
    # The next round asks with the ETag and gets 304: nothing downloaded again
    requests = len(fleet.requests)
    service.run_once()
    assert [r for r in fleet.requests[requests:] if "/content/" in r[1]] == []
    assert fleet.requests[requests + 1][2].get("If-None-Match") == fleet.release["etag"]
    assert fleet.heartbeats[-1]["release_id"] == 1
    assert fleet.token not in caplog.text  # the token is never logged, not even at debug level
    assert all(headers.get("Authorization") == f"Bearer {fleet.token}" for _, _, headers in fleet.requests)


def test_rounds_come_on_their_intervals_on_the_injected_clock(fleet, kiosk, make_service, clock):
    service = make_service(push_s=10, heartbeat_s=60, release_poll_s=60)
    service.run_due()
    counted = lambda part: sum(1 for _, path, _ in fleet.requests if path.endswith(part))
    assert counted("/heartbeat") == counted("/release") == 1
    clock.set(59)
    assert service.run_due() == pytest.approx(1.0)
    assert counted("/heartbeat") == 1
    clock.set(60)
    service.run_due()
    assert counted("/heartbeat") == counted("/release") == 2


# -- the server down, slow, or answering garbage -----------------------------------------


def test_the_server_down_is_counted_retried_with_backoff_and_nothing_is_lost(fleet, kiosk, make_service, clock, caplog):
    fleet.batches = {}
    service = make_service()
    service.run_once()  # learns the sequence
    log_plays(kiosk.database, 30, start=START, audience=20)
    fleet.stop()

    waits = []
    for _ in range(4):
        clock.set(service.tasks["push"].due_s)
        service.run_due()
        waits.append(service.tasks["push"].due_s - clock.now_s())
    assert service.counters["unreachable"] >= 4
    assert waits[0] < waits[1] < waits[2] < waits[3] <= 300 * 1.2  # 5, 10, 20, 40 s (with jitter)
    assert "cannot reach the server" in service.last_error
    assert service.spool.counts().spooled_plays == 30
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING and "telemetry: cannot reach" in r.getMessage()]
    assert warnings and all("\n" not in r.getMessage() for r in warnings)

    fleet.start()  # back on the same port
    clock.set(service.tasks["push"].due_s)
    service.run_due()
    assert sorted(fleet.plays) == list(range(1, 31)) and len(fleet.audience) == 20
    assert service.spool.counts().spooled_plays == 0
    assert service.last_error is None or "push" not in service.last_error


def test_a_slow_server_times_out(fleet, kiosk, make_service):
    service = make_service(request_timeout_s=0.3)
    fleet.mode, fleet.slow_s = "slow", 1.0
    service.run_once()
    assert service.counters["unreachable"] == 2  # heartbeat and release time out; push waits for the sequence
    assert "did not answer in time" in service.last_error


@pytest.mark.parametrize("mode, kind, words", [
    ("garbage", "bad_answer", "not JSON"),
    ("wrong_shape", "bad_answer", "not a JSON object"),
    ("html", "refused", "502"),
    ("500", "refused", "database_unavailable"),
])
def test_garbage_and_server_errors_are_counted_and_change_nothing(fleet, kiosk, make_service, mode, kind, words):
    publish_one(fleet)
    service = make_service()
    service.run_once()
    db = open_database(kiosk.database)
    before = running_release(db)
    log_plays(kiosk.database, 5, start=START)
    fleet.mode = mode
    fleet.release = None  # would be a 204 if the server were sane
    service.run_once()
    assert service.counters[kind] >= 2
    errors = " | ".join(message for _, message in service.errors.values())
    assert words in errors and "\n" not in errors
    assert running_release(db) == before
    fleet.mode = None
    service.run_once()
    assert sorted(fleet.plays) == [1, 2, 3, 4, 5]


def test_a_heartbeat_answer_of_the_wrong_shape_is_refused(fleet, kiosk, make_service):
    service = make_service()
    fleet.mode = "wrong_shape"
    service.run_once()
    assert "heartbeat: no server_time" in service.errors["heartbeat"][1]


# -- releases the kiosk refuses ----------------------------------------------------------


def test_an_invalid_release_is_refused_the_old_one_kept_and_reported(fleet, kiosk, make_service):
    publish_one(fleet)
    service = make_service()
    service.run_once()
    fleet.publish(2, document("brand", {"brand": ["no_such_ad"]}), [image_item("brand_welcome")],
                  {"brand_welcome": png_bytes(1)})
    service.run_once()
    db = open_database(kiosk.database)
    assert running_release(db)["release_id"] == 1
    assert service.counters["invalid_release"] == 1
    assert "release 2: refused, the old release stays" in service.last_error
    assert "unknown content 'no_such_ad'" in service.last_error
    # Reported in the next heartbeat, and not fetched (or counted) again while it is offered
    service.run_once()
    assert "release 2: refused" in fleet.heartbeats[-1]["sync"]["last_error"]
    assert service.counters["invalid_release"] == 1
    # A good release 3 goes in and clears the error
    publish_one(fleet, 3)
    service.run_once()
    assert running_release(db)["release_id"] == 3
    assert service.last_error is None


def test_content_with_the_wrong_hash_is_refused_and_retried(fleet, kiosk, make_service, clock):
    publish_one(fleet)
    service = make_service()
    service.run_once()
    body = fleet.publish(2, fleet.release["document"],
                         [image_item("brand_welcome"), text_item("brand_slide"), image_item("snacks_chips")],
                         {"brand_welcome": png_bytes(1), "snacks_chips": png_bytes(3)})
    sha = body["content"][2]["sha256"]
    fleet.serve_instead[sha] = png_bytes(4)
    clock.set(100)
    service.run_once()
    db = open_database(kiosk.database)
    assert running_release(db)["release_id"] == 1
    assert service.counters["hash_mismatch"] == 1 and "hash to" in service.last_error
    del fleet.serve_instead[sha]  # the server's copy is repaired: the retry works
    clock.set(service.tasks["release"].due_s)
    service.run_due()
    assert running_release(db)["release_id"] == 2


# -- batches ------------------------------------------------------------------------------


def test_a_batch_whose_answer_was_lost_is_taken_as_delivered_not_duplicated(fleet, kiosk, make_service):
    service = make_service()
    service.run_once()
    log_plays(kiosk.database, 3, start=START)
    service.spool.take_from(kiosk.database)
    local = START
    batch = service.spool.form_batch(local, 0, 1000)
    # The server stored it but the kiosk never heard back
    fleet.batches[batch.seq] = json.loads(batch.body)
    for play in json.loads(batch.body)["plays"]:
        fleet.plays[play["play_id"]] = play
    service.run_once()
    assert service.spool.pending_batch() is None
    assert len(fleet.batches) == 1 and sorted(fleet.plays) == [1, 2, 3]


def test_a_sequence_gap_is_closed_with_the_servers_next_seq(fleet, kiosk, make_service):
    service = make_service()
    service.run_once()
    service.spool.renumber(9)  # the kiosk thinks it is further on than the server
    service.spool.set_state("next_seq", 9)
    log_plays(kiosk.database, 2, start=START)
    service.push()
    assert sorted(fleet.batches) == [1] and sorted(fleet.plays) == [1, 2]


# -- remote commands through the player's control endpoint -----------------------------


@pytest.fixture
def player_endpoint(kiosk):
    """A player's status and control endpoint (the real StatusServer), its actions served by a thread."""
    done: list[str] = []
    actions = {
        "reload": lambda: (done.append("reload"), ControlResult.text(200, "up to date: rules revision 3"))[1],
        "restart": lambda: (done.append("restart"), ControlResult.text(202, "restarting: exit 75"))[1],
        "screenshot": lambda: (done.append("screenshot"), ControlResult(200, "image/png", png_bytes(5)))[1],
    }
    kiosk.folder.mkdir(parents=True, exist_ok=True)
    token = write_control_token(control_token_path(kiosk.database))
    with running_player_endpoint(actions, token, {"mode": "live", "uptime_s": 12.0}) as server:
        yield server, done


def test_commands_are_carried_out_once_and_acked_in_the_next_heartbeat(fleet, kiosk, make_service, player_endpoint):
    server, done = player_endpoint
    service = make_service(player_status_port=server.port)
    fleet.commands = [{"command_id": 11, "kind": "reload"}, {"command_id": 12, "kind": "screenshot"},
                      {"command_id": 13, "kind": "restart"}, {"command_id": 14, "kind": "format_disk"}]
    service.heartbeat()
    assert done == ["reload", "screenshot", "restart"]
    assert fleet.screenshots["12"] == png_bytes(5)
    assert fleet.heartbeats[0]["status"] == {"mode": "live", "uptime_s": 12.0}
    assert service.tasks["heartbeat"].due_s <= service.clock.now_s() + 5  # the acks go soon

    service.heartbeat()  # the server still lists them (not acked yet): nothing runs twice
    assert done == ["reload", "screenshot", "restart"]
    acks = {ack["command_id"]: ack for ack in fleet.heartbeats[1]["acked"]}
    assert {key: acks[key]["result"] for key in acks} == {11: "done", 12: "done", 13: "done", 14: "failed"}
    assert "unknown command" in acks[14]["detail"]
    assert fleet.commands == []
    service.heartbeat()
    assert fleet.heartbeats[2]["acked"] == []


def test_a_command_the_player_cannot_carry_out_is_acked_failed(fleet, kiosk, make_service):
    service = make_service(player_status_port=1)  # nothing listens there
    fleet.commands = [{"command_id": 21, "kind": "screenshot"}]
    service.heartbeat()
    service.heartbeat()
    ack = fleet.heartbeats[1]["acked"][0]
    assert ack["result"] == "failed" and "control token" in ack["detail"]


def test_records_from_the_future_wait_for_the_clock_and_then_go(fleet, kiosk, make_service, clock):
    # The clock jumped back two hours after these plays were recorded
    service = make_service()
    service.run_once()  # 14:00 on the kiosk's clock now
    log_plays(kiosk.database, 3, start=dt.datetime(2026, 12, 1, 16, 0))
    service.run_once()
    assert fleet.plays == {}
    assert service.counters["refused"] >= 1 and "from_the_future" in service.last_error
    assert service.spool.counts().spooled_plays == 3  # kept, not set aside
    clock.set(2 * 3600 + 60)  # the clock has passed them
    service.run_once()
    assert sorted(fleet.plays) == [1, 2, 3]


def test_signage_sync_run_serves_until_sigterm(fleet, kiosk, tmp_path):
    import signal
    import subprocess
    import sys
    import time

    from signage.sync.identity import KioskIdentity, save_identity

    save_identity(kiosk.identity, KioskIdentity(fleet.url, fleet.kiosk_id, fleet.token))
    publish_one(fleet)
    log_plays(kiosk.database, 3, start=START, audience=2)
    config = tmp_path / "config.yaml"
    config.write_text("player:\n  status_port: 0\nsync:\n  push_s: 1\n  heartbeat_s: 1\n  release_poll_s: 1\n")
    process = subprocess.Popen(
        [sys.executable, "-m", "signage.cli", "sync", "run", "--db", str(kiosk.database), "--config", str(config)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and (len(fleet.plays) < 3 or len(fleet.heartbeats) < 2):
            time.sleep(0.1)
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=20)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, err
    assert sorted(fleet.plays) == [1, 2, 3] and len(fleet.heartbeats) >= 2
    assert running_release(open_database(kiosk.database))["release_id"] == 1
    assert "SIGTERM: stopping the sync service" in err
    assert fleet.token not in err


def test_signage_sync_once_and_status_print_what_the_kiosk_runs_and_what_waits(fleet, kiosk, capsys, tmp_path):
    from signage.sync.identity import KioskIdentity, save_identity

    save_identity(kiosk.identity, KioskIdentity(fleet.url, fleet.kiosk_id, fleet.token))
    publish_one(fleet)
    config = tmp_path / "config.yaml"
    config.write_text("player:\n  status_port: 0\n")
    args = ["--db", str(kiosk.database), "--config", str(config)]
    assert main(["sync", "once", *args]) == 0
    out = capsys.readouterr().out
    assert "release: 1 (seoul v1)" in out and "3 content items" in out and "next batch seq 1" in out
    log_plays(kiosk.database, 2, start=START)
    fleet.stop()
    assert main(["sync", "once", *args]) == 1
    captured = capsys.readouterr()
    assert "cannot reach the server" in captured.err
    assert main(["sync", "status", *args]) == 0
    out = capsys.readouterr().out
    assert "2 plays" in out and "clock skew: " in out


def test_signage_sync_status_before_any_sync_creates_nothing(kiosk, capsys, tmp_path):
    config = tmp_path / "config.yaml"
    config.write_text("player:\n  status_port: 0\n")
    kiosk.folder.mkdir(parents=True)
    args = ["--db", str(kiosk.database), "--config", str(config)]
    assert main(["sync", "status", *args]) == 0
    out = capsys.readouterr().out
    assert out.startswith("not synced yet: ") and "not enrolled" in out
    assert sorted(kiosk.folder.iterdir()) == []  # no sync.db, no player's database either


def test_signage_sync_status_only_reads_the_spool(fleet, kiosk, make_service, capsys, tmp_path):
    service = make_service()
    log_plays(kiosk.database, 3, start=START)
    service.spool.take_from(kiosk.database)
    service.close()
    config = tmp_path / "config.yaml"
    config.write_text("player:\n  status_port: 0\n")
    # (SQLite's own -wal/-shm beside a WAL database may appear for a reader: not compared)
    before = {path.name: path.read_bytes() for path in kiosk.folder.glob("*.db")}
    assert main(["sync", "status", "--db", str(kiosk.database), "--config", str(config)]) == 0
    assert "3 plays" in capsys.readouterr().out
    after = {path.name: path.read_bytes() for path in kiosk.folder.glob("*.db")}
    assert after == before and set(before) == {"sync.db", "signage.db"}


def test_a_long_download_goes_in_slices_with_heartbeats_and_pushes_between(fleet, kiosk, make_service, clock):
    big = png_bytes(5, size_px=(1024, 768))  # random pixels: about 2.3 MB, many reads
    fleet.publish(1, document("brand", {"brand": ["brand_video"]}), [image_item("brand_video")], {"brand_video": big})
    fleet.on_content = lambda: clock.sleep(30)  # each request of the file takes 30 s on the kiosk's clock
    service = make_service(download_slice_s=20, heartbeat_s=25, push_s=10)
    log_plays(kiosk.database, 2, start=START)
    rounds = 0
    db = open_database(kiosk.database)
    while running_release(db) is None and rounds < 200:
        service.run_due()
        clock.set(min(task.due_s for task in service.tasks.values()))
        rounds += 1
    assert running_release(db)["release_id"] == 1
    content_requests = [i for i, (_, path, _) in enumerate(fleet.requests) if "/kiosk/content/" in path]
    assert len(content_requests) >= 2  # resumed at least once ...
    between = [path for _, path, _ in fleet.requests[content_requests[0]:content_requests[-1]]]
    assert any(path.endswith("/heartbeat") for path in between)  # ... and the kiosk spoke in between
    assert sorted(fleet.plays) == [1, 2]
    assert service.counters == {}  # a slice is not a failure
