"""The spool: finished plays and audience samples copied from the player's database, bounded
in bytes (audience dropped oldest first, plays never), batches formed once and resent with
the same records (only sent_at refreshed)."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat

from foundation.db import open_database
from playlists.proof_of_play import PlayOutcome, ProofOfPlay
from signage.sync.spool import Spool
from tests.sync.builders import log_plays

START = dt.datetime(2026, 12, 1, 9, 0)
MIB = 1024 * 1024


def test_only_finished_plays_are_copied_and_none_is_skipped(tmp_path):
    kiosk_db = tmp_path / "signage.db"
    ids = log_plays(kiosk_db, 5, start=START, open_last=True, audience=3)
    spool = Spool(tmp_path / "sync.db", MIB)

    assert spool.take_from(kiosk_db) == (4, 3)  # the play on screen waits
    assert spool.counts().spooled_plays == 4 and spool.counts().spooled_audience == 3

    # When the play on screen ends, the next copy takes it (and nothing twice)
    db = open_database(kiosk_db)
    ProofOfPlay(db).item_ended(ids[-1], ended_at=START + dt.timedelta(minutes=5), outcome=PlayOutcome.PLAYED)
    db.conn.close()
    assert spool.take_from(kiosk_db) == (1, 0)
    assert spool.take_from(kiosk_db) == (0, 0)
    assert spool.counts().spooled_plays == 5


def test_the_players_database_is_only_read(tmp_path):
    kiosk_db = tmp_path / "signage.db"
    log_plays(kiosk_db, 3, start=START, audience=2)
    before = kiosk_db.read_bytes()
    os.chmod(kiosk_db, 0o400)  # root ignores it; the bytes compare below is the real check
    Spool(tmp_path / "sync.db", MIB).take_from(kiosk_db)
    assert kiosk_db.read_bytes() == before


def test_over_the_bound_the_oldest_audience_samples_go_first_and_plays_never(tmp_path):
    kiosk_db = tmp_path / "signage.db"
    log_plays(kiosk_db, 400, start=START, audience=6000)
    spool = Spool(tmp_path / "sync.db", max_bytes=MIB)
    spool.take_from(kiosk_db)
    counts = spool.counts()

    assert counts.bytes <= MIB
    assert counts.spooled_plays == 400  # every play kept
    assert counts.dropped_audience == 6000 - counts.spooled_audience > 0
    oldest_kept = spool.db.conn.execute("SELECT min(sample_id), max(sample_id) FROM spool_audience").fetchone()
    assert oldest_kept == (counts.dropped_audience + 1, 6000)  # the oldest went


def test_plays_are_kept_even_over_the_bound(tmp_path, caplog):
    kiosk_db = tmp_path / "signage.db"
    log_plays(kiosk_db, 4000, start=START, audience=50)
    spool = Spool(tmp_path / "sync.db", max_bytes=MIB)  # 4000 plays are about 1.3 MB
    spool.take_from(kiosk_db)
    counts = spool.counts()
    assert counts.spooled_plays == 4000 and counts.spooled_audience == 0 and counts.dropped_audience == 50
    assert counts.bytes > MIB
    assert "proof of play is never dropped" in caplog.text


def test_a_batch_waits_for_the_servers_sequence_then_is_resent_unchanged(tmp_path):
    kiosk_db = tmp_path / "signage.db"
    log_plays(kiosk_db, 3, start=START, audience=2)
    spool = Spool(tmp_path / "sync.db", MIB)
    spool.take_from(kiosk_db)
    now = START + dt.timedelta(hours=1)

    # A fresh spool does not know the server's next seq: no batch yet (1 could be a duplicate)
    assert spool.form_batch(now, 32400, 1000) is None
    spool.adopt_server_seq(6)
    batch = spool.form_batch(now, 32400, 1000)
    body = json.loads(batch.body)
    assert batch.seq == body["seq"] == 6
    assert [p["play_id"] for p in body["plays"]] == [1, 2, 3] and len(body["audience"]) == 2
    assert body["plays"][0]["counts_by_age_group"] == {"teen": 2}  # JSON, not JSON text
    assert body["sent_at"] == "2026-12-01 10:00:00.000000" and body["utc_offset_s"] == 32400

    # More rows arrive; the formed batch is still sent as it was, byte for byte
    log_plays(kiosk_db, 2, start=START + dt.timedelta(hours=2))
    spool.take_from(kiosk_db)
    later = spool.form_batch(now + dt.timedelta(minutes=5), 32400, 1000)
    assert later.body == batch.body
    spool.delivered(6)
    assert spool.form_batch(now, 32400, 1000).seq == 7


def test_batches_are_bounded_in_records_plays_first(tmp_path):
    kiosk_db = tmp_path / "signage.db"
    log_plays(kiosk_db, 5, start=START, audience=5)
    spool = Spool(tmp_path / "sync.db", MIB)
    spool.take_from(kiosk_db)
    spool.adopt_server_seq(1)
    sizes = []
    while (batch := spool.form_batch(START, 0, 4)) is not None:
        sizes.append((batch.plays, batch.audience))
        spool.delivered(batch.seq)
    assert sizes == [(4, 0), (1, 3), (0, 2)]
    assert spool.counts().spooled_plays == spool.counts().spooled_audience == 0


def test_a_restart_of_the_service_keeps_the_spool_its_batch_and_its_counts(tmp_path):
    kiosk_db = tmp_path / "signage.db"
    log_plays(kiosk_db, 300, start=START, audience=6000)
    spool = Spool(tmp_path / "sync.db", max_bytes=MIB)
    spool.take_from(kiosk_db)
    spool.adopt_server_seq(3)
    batch = spool.form_batch(START, 0, 100)
    before = spool.counts()
    spool.close()

    again = Spool(tmp_path / "sync.db", max_bytes=MIB)
    assert again.counts() == before
    assert again.pending_batch().body == batch.body
    assert again.take_from(kiosk_db) == (0, 0)  # the cursors survived too
    assert stat.S_IMODE(os.stat(tmp_path / "sync.db").st_mode) == 0o600


def test_a_sequence_gap_renumbers_the_formed_batch(tmp_path):
    kiosk_db = tmp_path / "signage.db"
    log_plays(kiosk_db, 2, start=START)
    spool = Spool(tmp_path / "sync.db", MIB)
    spool.take_from(kiosk_db)
    spool.adopt_server_seq(10)
    assert spool.form_batch(START, 0, 100).seq == 10
    spool.renumber(4)
    batch = spool.pending_batch()
    assert batch.seq == 4 and json.loads(batch.body)["seq"] == 4
    assert spool.next_seq == 5


def _replace_database(kiosk_db) -> None:
    """What foundation.db does to a damaged database: moved aside (with its -wal, -shm); the
    player's next open starts an empty one, whose ids start at 1 again."""
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(f"{kiosk_db}{suffix}"):
            os.rename(f"{kiosk_db}{suffix}", f"{kiosk_db}.damaged-20261201-100000{suffix}")


def _spooled(spool: Spool) -> dict[int, str]:
    """The spooled plays: the id sent -> its start time."""
    rows = spool.db.conn.execute("SELECT play_id, record FROM spool_plays ORDER BY play_id").fetchall()
    return {play_id: json.loads(record)["started_at"] for play_id, record in rows}


def test_a_replaced_player_database_shorter_than_the_cursor_is_numbered_on(tmp_path, caplog):
    kiosk_db = tmp_path / "signage.db"
    log_plays(kiosk_db, 5, start=START, audience=4)
    spool = Spool(tmp_path / "sync.db", MIB)
    spool.take_from(kiosk_db)
    _replace_database(kiosk_db)
    log_plays(kiosk_db, 2, start=START + dt.timedelta(days=1), audience=1)

    assert spool.take_from(kiosk_db) == (2, 1)
    assert "database was replaced" in caplog.text
    assert sorted(_spooled(spool)) == [1, 2, 3, 4, 5, 6, 7]
    samples = [row[0] for row in spool.db.conn.execute("SELECT sample_id FROM spool_audience ORDER BY sample_id")]
    assert samples == [1, 2, 3, 4, 5]
    assert spool.take_from(kiosk_db) == (0, 0)


def test_a_replaced_player_database_that_grew_past_the_cursor_is_still_recognised(tmp_path, caplog):
    # Given plays 1-3 copied, then the database replaced by one that logged 8 plays before
    # the sync service looked again (its ids went past the cursor: "max went down" misses it)
    kiosk_db = tmp_path / "signage.db"
    log_plays(kiosk_db, 3, start=START)
    spool = Spool(tmp_path / "sync.db", MIB)
    spool.take_from(kiosk_db)
    spool.adopt_server_seq(1)
    first = spool.form_batch(START + dt.timedelta(hours=1), 0, 1000)
    spool.delivered(first.seq)
    _replace_database(kiosk_db)
    log_plays(kiosk_db, 8, start=START + dt.timedelta(days=1))

    # Then every new play is copied, numbered after the ones sent, none taken for one of them
    assert spool.take_from(kiosk_db) == (8, 0)
    assert "database was replaced" in caplog.text
    spooled = _spooled(spool)
    assert sorted(spooled) == list(range(4, 12))
    assert all(started.startswith("2026-12-02") for started in spooled.values())
    batch = json.loads(spool.form_batch(START + dt.timedelta(days=2), 0, 1000).body)
    assert [play["play_id"] for play in batch["plays"]] == list(range(4, 12))

    # And the new numbering holds for the plays logged later (no second offset)
    caplog.clear()
    log_plays(kiosk_db, 2, start=START + dt.timedelta(days=1, hours=1))
    assert spool.take_from(kiosk_db) == (2, 0)
    assert "replaced" not in caplog.text
    assert max(_spooled(spool)) == 13


def test_a_copy_of_the_same_database_is_not_taken_for_a_new_one(tmp_path, caplog):
    # A restore from a backup or a move to another disk: a new file (inode, creation time)
    # with the same rows and the same numbering
    kiosk_db = tmp_path / "signage.db"
    log_plays(kiosk_db, 4, start=START, audience=2)
    spool = Spool(tmp_path / "sync.db", MIB)
    spool.take_from(kiosk_db)
    copy = tmp_path / "copy.db"
    source = open_database(kiosk_db)
    source.conn.execute(f"VACUUM INTO '{copy}'")
    source.conn.close()
    _replace_database(kiosk_db)
    os.rename(copy, kiosk_db)
    log_plays(kiosk_db, 1, start=START + dt.timedelta(minutes=5))

    assert spool.take_from(kiosk_db) == (1, 0)
    assert "replaced" not in caplog.text
    assert sorted(_spooled(spool)) == [1, 2, 3, 4, 5]


def test_a_resent_batch_gets_a_fresh_sent_at_and_keeps_its_records_byte_for_byte(tmp_path):
    kiosk_db = tmp_path / "signage.db"
    log_plays(kiosk_db, 3, start=START, audience=2)
    spool = Spool(tmp_path / "sync.db", MIB)
    spool.take_from(kiosk_db)
    spool.adopt_server_seq(4)
    formed_at = START + dt.timedelta(hours=1)
    batch = spool.form_batch(formed_at, 32400, 1000)
    assert spool.stamped_body(batch, formed_at, 32400) == batch.body  # the first send: as formed

    # Sent again two hours later: the same seq and records, sent_at now
    later = spool.stamped_body(batch, formed_at + dt.timedelta(hours=2), 32400)
    original, resent = json.loads(batch.body), json.loads(later)
    assert resent["sent_at"] == "2026-12-01 12:00:00.000000"
    assert {**resent, "sent_at": original["sent_at"]} == original
    records_start = batch.body.index(b'"plays"')
    assert later[later.index(b'"plays"'):] == batch.body[records_start:]
    # A summer-time change meanwhile: sent_at at the batch's own offset (the same instant)
    shifted = json.loads(spool.stamped_body(batch, formed_at + dt.timedelta(hours=3), 36000))
    assert shifted["sent_at"] == "2026-12-01 12:00:00.000000" and shifted["utc_offset_s"] == 32400
    # A clock that went back: the later, original stamp stays
    assert spool.stamped_body(batch, formed_at - dt.timedelta(hours=1), 32400) == batch.body
    # Renumbered (a sequence gap), the stamp and the records still hold
    spool.renumber(2)
    renumbered = spool.pending_batch()
    assert renumbered.body[renumbered.body.index(b'"plays"'):] == batch.body[records_start:]
    assert json.loads(spool.stamped_body(renumbered, formed_at + dt.timedelta(hours=2), 32400))["seq"] == 2
