"""Proof of play that the disk refuses waits in memory, bounded, and is written once, in
order, when the disk takes it again. Real SQLite files: SQLITE_FULL from max_page_count,
a write-ahead log made immutable under the running writer."""

from __future__ import annotations

import datetime as dt
import logging
import os
import subprocess
import tracemalloc
from pathlib import Path

import pytest

from foundation.db import DatabaseState, PlayerDatabase, open_database
from playlists import proof_of_play
from playlists.proof_of_play import AudienceSummary, PlayOutcome, ProofOfPlay
from tests.foundation.disk import AS_ROOT, Freezer

NINE = dt.datetime(2026, 12, 1, 9, 0)
TEENS = AudienceSummary("ok", 2, "teen/school_uniform", 0.6, {"teen": 2}, {"school_uniform": 2})
NOBODY = AudienceSummary("ok", 0, None, 0.0, {}, {})
UNLIMITED_PAGES = 1_073_741_823  # SQLite's default max_page_count


@pytest.fixture
def freezer():
    frozen = Freezer()
    yield frozen
    frozen.thaw()


def at(minutes: float) -> dt.datetime:
    return NINE + dt.timedelta(minutes=minutes)


def start(log: ProofOfPlay, item: str, minutes: float) -> int:
    return log.item_started(started_at=at(minutes), playlist="after_school_snacks", item=item, kind="image",
                            rule="school_uniform", planned_s=8.0, reason="teens in uniform", audience=TEENS)


def fill_up(db) -> None:
    """No new page can be added: the next write that needs one fails with SQLITE_FULL."""
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages}")


def make_room(db) -> None:
    db.execute(f"PRAGMA max_page_count = {UNLIMITED_PAGES}")


def write_a_day(log: ProofOfPlay) -> list:
    """Four plays, with audience samples and an event between them; returns the play ids."""
    ids = []
    for n in range(4):
        play_id = start(log, f"item{n}", 10 * n)
        log.record_audience(at(10 * n + 1), TEENS)
        if n == 2:
            log.record_event(at(10 * n + 2), "camera_lost", "the camera went away " + "x" * 3000)
        log.item_ended(play_id, ended_at=at(10 * n + 3), outcome=PlayOutcome.PLAYED)
        ids.append(play_id)
    return ids


def test_a_full_disk_keeps_proof_of_play_in_memory_and_flushes_it_in_order(tmp_path, caplog):
    # Found: disk full while running was a traceback per item, and those rows were lost.
    db = open_database(tmp_path / "signage.db")
    log = ProofOfPlay(db)
    first = start(log, "before", -5)
    log.item_ended(first, ended_at=at(-4), outcome=PlayOutcome.PLAYED)
    fill_up(db)
    log.record_event(at(-1), "big", "y" * 20_000)  # needs new pages: refused, and all behind it waits

    with caplog.at_level(logging.INFO, logger="playlists.proof_of_play"):
        ids = write_a_day(log)
        assert log.pending == 1 + 4 * 3 + 1
        assert all(play_id < 0 for play_id in ids)  # provisional
        assert log.flush() == 0 and log.failing.startswith(f"{tmp_path / 'signage.db'}: no room to write")
        make_room(db)
        assert log.flush() == 14

    assert log.pending == 0 and log.failing is None
    plays = log.plays()
    assert [(p.item, p.outcome, p.ended_at) for p in plays] == [("before", PlayOutcome.PLAYED, at(-4))] + [
        (f"item{n}", PlayOutcome.PLAYED, at(10 * n + 3)) for n in range(4)
    ]
    assert [at_ for at_, _ in log.audience_samples()] == [at(10 * n + 1) for n in range(4)]
    assert [kind for _, kind, _ in log.events()] == ["big", "camera_lost"]
    messages = [(r.levelname, r.getMessage()) for r in caplog.records]
    assert [level for level, _ in messages] == ["WARNING", "INFO"]
    assert "1 record(s) kept in memory until it can (at most 20000)" in messages[0][1]
    assert messages[1][1] == "proof of play: the database takes writes again: flushed 14 record(s) kept in memory"


def test_the_next_write_that_succeeds_flushes_what_waited(tmp_path):
    db = open_database(tmp_path / "signage.db")
    log = ProofOfPlay(db)
    fill_up(db)
    log.record_event(at(0), "big", "y" * 20_000)
    waiting = start(log, "waiting", 1)
    make_room(db)

    log.item_ended(waiting, ended_at=at(2), outcome=PlayOutcome.INTERRUPTED)

    assert log.pending == 0
    [play] = log.plays()
    assert (play.item, play.outcome) == ("waiting", PlayOutcome.INTERRUPTED)


def test_an_end_after_its_start_was_flushed_finds_the_row_by_the_provisional_id(tmp_path):
    db = open_database(tmp_path / "signage.db")
    log = ProofOfPlay(db)
    fill_up(db)
    log.record_event(at(0), "big", "y" * 20_000)
    provisional = start(log, "on screen", 1)
    make_room(db)
    log.flush()

    log.item_ended(provisional, ended_at=at(2), outcome=PlayOutcome.FAILED, error="decode error")

    [play] = log.plays()
    assert provisional < 0 and play.play_id > 0
    assert (play.outcome, play.error) == (PlayOutcome.FAILED, "decode error")


def test_close_unfinished_waits_in_order_and_closes_only_what_was_open_before_it(tmp_path):
    db = open_database(tmp_path / "signage.db")
    log = ProofOfPlay(db)
    start(log, "left open by the last run", -10)
    fill_up(db)
    log.record_event(at(0), "big", "y" * 20_000)
    assert log.close_unfinished(at(0)) == 0  # waits: no count yet
    start(log, "this run", 1)
    make_room(db)
    log.flush()

    assert [(p.item, p.outcome) for p in log.plays()] == [
        ("left open by the last run", PlayOutcome.UNFINISHED), ("this run", None),
    ]


def test_a_flush_that_fails_half_way_writes_no_record_twice(tmp_path, monkeypatch):
    monkeypatch.setattr(proof_of_play, "FLUSH_CHUNK_RECORDS", 3)
    db = open_database(tmp_path / "signage.db")
    log = ProofOfPlay(db)
    fill_up(db)
    log.record_event(at(0), "big", "event big " + "y" * 20_000)
    for n in range(12):
        log.record_event(at(n), "tick", f"event {n} " + "z" * 3000)  # one a page: every chunk needs pages
    assert log.pending == 13
    pages = db.execute("PRAGMA page_count").fetchone()[0]

    db.execute(f"PRAGMA max_page_count = {pages + 8}")  # room for some chunks, not all
    written = log.flush()
    assert 0 < written < 13 and log.pending == 13 - written
    make_room(db)
    assert log.flush() == 13 - written

    assert [message.split()[1] for _, _, message in log.events()] == ["big"] + [str(n) for n in range(12)]


def unavailable(tmp_path: Path) -> tuple[PlayerDatabase, Path]:
    """A player database that cannot open (a file where its folder should be) until the
    returned path is removed."""
    blocker = tmp_path / "data"
    blocker.write_text("a file where the data folder should be")
    player_db = PlayerDatabase(blocker / "signage.db")
    assert player_db.state is DatabaseState.UNAVAILABLE
    return player_db, blocker


def test_when_the_queue_is_full_audience_samples_go_first_then_events_and_plays_last(tmp_path, caplog):
    player_db, blocker = unavailable(tmp_path)
    log = ProofOfPlay(player_db, max_pending=6)
    log.record_event(at(0), "big", "y" * 20_000)
    log.record_audience(at(1), TEENS)
    kept = start(log, "oldest play", 2)
    log.record_event(at(3), "camera_back", "the camera is back")
    log.item_ended(kept, ended_at=at(4), outcome=PlayOutcome.PLAYED)
    log.record_audience(at(5), NOBODY)
    assert log.pending == 6 and not log.dropped

    with caplog.at_level(logging.WARNING, logger="playlists.proof_of_play"):
        log.record_audience(at(6), TEENS)  # the sample at 1 goes
        second = start(log, "second", 7)  # the sample at 5
        log.item_ended(second, ended_at=at(8), outcome=PlayOutcome.PLAYED)  # the sample at 6
        third = start(log, "third", 9)  # no samples left: the event "big"
        log.item_ended(third, ended_at=at(10), outcome=PlayOutcome.PLAYED)  # "camera_back"
        start(log, "fourth", 11)  # nothing but plays: the oldest play goes, with its end

    assert dict(log.dropped) == {"audience": 3, "event": 2, "play": 1}
    assert log.pending == 5
    assert sum("dropping the oldest audience samples first" in r.getMessage() for r in caplog.records) == 1
    blocker.unlink()
    player_db.retry()
    log.flush()
    assert [(p.item, p.outcome) for p in log.plays()] == [
        ("second", PlayOutcome.PLAYED), ("third", PlayOutcome.PLAYED), ("fourth", None),
    ]
    assert log.audience_samples() == [] and log.events() == []


@pytest.mark.skipif(not AS_ROOT, reason="chattr +i (an immutable file) needs root")
def test_a_database_made_read_only_under_the_running_player_loses_nothing(tmp_path, freezer):
    # Found: a read-only disk while running was a traceback per item, and those rows were lost.
    database = tmp_path / "signage.db"
    player_db = PlayerDatabase(database)
    log = ProofOfPlay(player_db)
    first = start(log, "before", -5)
    log.item_ended(first, ended_at=at(-4), outcome=PlayOutcome.PLAYED)
    freezer.freeze(database, Path(f"{database}-wal"))  # not the -shm: that one is in the SIGBUS test

    ids = write_a_day(log)
    assert player_db.state is DatabaseState.READ_ONLY
    assert log.pending == 13 and all(play_id < 0 for play_id in ids)
    freezer.thaw()
    player_db.retry()
    log.flush()

    assert log.pending == 0
    assert [(p.item, p.outcome) for p in log.plays()] == [("before", PlayOutcome.PLAYED)] + [
        (f"item{n}", PlayOutcome.PLAYED) for n in range(4)
    ]
    assert len(log.audience_samples()) == 4 and len(log.events()) == 1


@pytest.mark.skipif(not AS_ROOT, reason="chattr +i (an immutable file) needs root")
def test_a_write_ahead_log_made_immutable_under_a_plain_database_waits_too(tmp_path, freezer):
    database = tmp_path / "signage.db"
    db = open_database(database)
    log = ProofOfPlay(db)
    log.record_event(at(0), "started", "the player started")
    freezer.freeze(Path(f"{database}-wal"))

    play = start(log, "waiting", 1)
    log.item_ended(play, ended_at=at(2), outcome=PlayOutcome.PLAYED)
    assert log.pending == 2 and "signage.db-wal is immutable" in log.failing
    freezer.thaw()
    log.flush()

    assert [(p.item, p.outcome) for p in log.plays()] == [("waiting", PlayOutcome.PLAYED)]


def test_a_player_database_that_is_unavailable_at_start_gets_everything_once_it_opens(tmp_path):
    player_db, blocker = unavailable(tmp_path)
    assert "not a folder" in player_db.reason
    log = ProofOfPlay(player_db)
    assert log.close_unfinished(at(0)) == 0
    ids = write_a_day(log)
    assert log.pending == 14

    blocker.unlink()
    assert player_db.retry() and player_db.state is DatabaseState.WRITABLE
    log.flush()

    assert [p.item for p in log.plays()] == [f"item{n}" for n in range(4)] and all(i < 0 for i in ids)


def test_bugs_are_still_raised_at_once_not_kept(tmp_path):
    log = ProofOfPlay(open_database(tmp_path / "signage.db"))
    with pytest.raises(ValueError, match="no play with play_id 99"):
        log.item_ended(99, ended_at=at(0), outcome=PlayOutcome.PLAYED)
    with pytest.raises(ValueError, match="planned_s must not be negative"):
        log.item_started(started_at=at(0), playlist=None, item="x", kind="image", rule=None, planned_s=-1.0,
                         reason="r", audience=NOBODY)
    with pytest.raises(TypeError):
        log.record_audience(at(0), "not a summary")
    assert log.pending == 0


def test_a_full_queue_of_plays_and_samples_stays_under_10_mb(tmp_path):
    """The memory bound in MAX_PENDING_RECORDS' comment: measured, not guessed."""
    player_db, _ = unavailable(tmp_path)
    log = ProofOfPlay(player_db)
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    for n in range(1000):
        play = log.item_started(started_at=at(n), playlist="after_school_snacks", item=f"snacks_chips_{n % 7}",
                                kind="image", rule="school_uniform", planned_s=8.0,
                                reason="rule school_uniform: 2 teens in school uniform", audience=TEENS)
        log.record_audience(at(n + 0.5), TEENS)
        log.item_ended(play, ended_at=at(n + 0.9), outcome=PlayOutcome.PLAYED)
    used = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()

    assert log.pending == 3000 and not log.dropped
    per_record = used / log.pending
    assert per_record * proof_of_play.MAX_PENDING_RECORDS < 10e6, f"{per_record:.0f} bytes a record"


@pytest.mark.skipif(not AS_ROOT, reason="mounting a small file system needs root")
def test_a_real_full_disk_loses_no_play_and_writes_each_once(tmp_path):
    mount_point = tmp_path / "small disk"
    mount_point.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", str(mount_point)], check=True)
    try:
        player_db = PlayerDatabase(mount_point / "signage.db")
        log = ProofOfPlay(player_db)
        filler = os.open(mount_point / "filler", os.O_WRONLY | os.O_CREAT, 0o600)
        with pytest.raises(OSError, match="No space left on device"):
            while True:
                os.write(filler, b"\0" * 4096)
        os.close(filler)

        for n in range(200):
            play = log.item_started(started_at=at(n), playlist="p", item=f"item{n}", kind="image", rule=None,
                                    planned_s=8.0, reason="r" * 200, audience=TEENS)
            log.record_audience(at(n + 0.5), TEENS)
            log.item_ended(play, ended_at=at(n + 0.8), outcome=PlayOutcome.PLAYED)
        assert log.pending == 600
        assert "no room to write (database or disk is full; 0.0 MB free on its disk)" in log.failing
        (mount_point / "filler").unlink()
        assert log.flush() == 600

        assert [(p.item, p.outcome) for p in log.plays()] == [(f"item{n}", PlayOutcome.PLAYED) for n in range(200)]
        player_db.close()
    finally:
        subprocess.run(["umount", str(mount_point)], check=False)
