"""Proof of play on a real SQLite file: round trips, time ranges, unfinished plays,
a writer killed mid-loop, privacy of the audience summary, and the CSV export."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from audience.engine import build_snapshot
from audience.types import AgeGroup, Attire, SignalState, TimeContext
from foundation.db import open_database
from playlists.proof_of_play import (
    MIGRATIONS,
    PLAYS_CSV_COLUMNS,
    AudienceSummary,
    PlayOutcome,
    ProofOfPlay,
    write_plays_csv,
)
from tests.audience.builders import make_visitor

ROOT = Path(__file__).resolve().parents[2]
MONDAY_0900 = dt.datetime(2026, 11, 23, 9, 0)

# Everything a Visitor knows about one person; none of it may reach the log.
VISITOR_FIELDS = (
    "track_id", "xyxy", "first_seen_ts", "last_seen_ts", "dwell_s", "attention_s", "age_years",
    "age_group_probabilities", "age_group_confidence", "gender", "attire_confidence", "face_samples", "visitors",
)


def make_snapshot(*visitors, signal_state: SignalState = SignalState.OK, when: dt.datetime = MONDAY_0900):
    """An audience snapshot of `visitors`, counted by the engine's own `build_snapshot`."""
    return build_snapshot(0.0, TimeContext.of(when), signal_state, tuple(visitors), frames_dropped=0)


def two_teens_in_uniform_and_an_adult():
    return make_snapshot(
        make_visitor(1, AgeGroup.TEEN, attire=Attire.SCHOOL_UNIFORM),
        make_visitor(2, AgeGroup.TEEN, attire=Attire.SCHOOL_UNIFORM),
        make_visitor(3, AgeGroup.ADULT, attire=Attire.BUSINESS),
    )


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "signage.db"


@pytest.fixture
def log(db_path) -> ProofOfPlay:
    """A proof-of-play log on a fresh database file."""
    db = open_database(db_path)
    yield ProofOfPlay(db)
    db.conn.close()


def start(log: ProofOfPlay, at: dt.datetime, item: str = "brand_welcome", **changes) -> int:
    """Log a play start with plausible defaults; `changes` override them."""
    values = {
        "started_at": at, "playlist": "brand", "item": item, "kind": "image", "rule": None, "planned_s": 8.0,
        "reason": "no rule matches: the default playlist plays", "audience": AudienceSummary.from_snapshot(None),
    }
    return log.item_started(**{**values, **changes})


# ------------------------------------------------------------------ audience summaries


def test_a_summary_keeps_counts_and_the_dominant_segment():
    summary = AudienceSummary.from_snapshot(two_teens_in_uniform_and_an_adult())
    assert summary.signal == "ok"
    assert summary.group_size == 3
    assert summary.dominant_segment == "teen/school_uniform"
    assert summary.counts_by_age_group == {"adult": 1, "teen": 2}
    assert summary.counts_by_attire == {"business": 1, "school_uniform": 2}
    assert summary.describe() == f"3 people, mostly teen/school_uniform (confidence {summary.confidence:.2f})"
    assert 0.0 < summary.confidence <= 1.0


def test_no_snapshot_is_no_signal_with_zero_counts():
    summary = AudienceSummary.from_snapshot(None)
    assert (summary.signal, summary.group_size, summary.dominant_segment) == ("no_signal", 0, None)
    assert summary.counts_by_age_group == {} and summary.counts_by_attire == {}
    assert summary.describe() == "no camera signal"


def test_descriptions_of_an_empty_and_a_one_person_audience():
    assert AudienceSummary.from_snapshot(make_snapshot()).describe() == "nobody"
    one = AudienceSummary.from_snapshot(make_snapshot(make_visitor(1, AgeGroup.ADULT, 0.8, Attire.CASUAL, 0.7)))
    assert one.describe() == "1 person, adult/casual (confidence 0.75)"


def test_a_summary_never_holds_per_visitor_data(log, db_path):
    # Given a snapshot with visitors in it
    snapshot = two_teens_in_uniform_and_an_adult()
    summary = AudienceSummary.from_snapshot(snapshot)
    # When it is logged with a play and as a sample
    start(log, MONDAY_0900, audience=summary)
    log.record_audience(MONDAY_0900, summary)
    # Then neither the summary nor any stored row mentions a visitor field
    assert set(summary.to_dict()) == {
        "signal", "group_size", "dominant_segment", "confidence", "counts_by_age_group", "counts_by_attire",
    }
    connection = sqlite3.connect(db_path)
    for table in ("plays", "audience_samples"):
        cursor = connection.execute(f"SELECT * FROM {table}")
        columns = [description[0] for description in cursor.description]
        stored = json.dumps([dict(zip(columns, row)) for row in cursor.fetchall()])
        assert stored.count('"group_size": 3') == 1, table
        for visitor_field in VISITOR_FIELDS:
            assert visitor_field not in columns and visitor_field not in stored, (table, visitor_field)
    connection.close()


def test_only_a_summary_can_be_logged_as_the_audience(log):
    with pytest.raises(TypeError, match="AudienceSummary"):
        start(log, MONDAY_0900, audience=two_teens_in_uniform_and_an_adult())


# ------------------------------------------------------------------ plays


def test_plays_round_trip_with_every_outcome(log):
    audience = AudienceSummary.from_snapshot(two_teens_in_uniform_and_an_adult())
    t = MONDAY_0900
    played = start(log, t, "snacks_chips", playlist="snacks", rule="students_after_school", audience=audience,
                   reason="rule students_after_school matches: 2 teen/school_uniform")
    log.item_ended(played, ended_at=t + dt.timedelta(seconds=8), outcome=PlayOutcome.PLAYED)
    interrupted = start(log, t + dt.timedelta(seconds=8), "brand_welcome", kind="video", planned_s=15.0)
    log.item_ended(interrupted, ended_at=t + dt.timedelta(seconds=11.5), outcome=PlayOutcome.INTERRUPTED)
    failed = start(log, t + dt.timedelta(seconds=12), "beer_promo")
    log.item_ended(failed, ended_at=t + dt.timedelta(seconds=12.25), outcome="failed", error="cannot decode beer_promo.mp4")
    on_screen = start(log, t + dt.timedelta(seconds=13), "fallback", kind="fallback", playlist=None)

    records = log.plays()

    assert [r.play_id for r in records] == [played, interrupted, failed, on_screen]
    first = records[0]
    assert (first.started_at, first.ended_at) == (t, t + dt.timedelta(seconds=8))
    assert (first.playlist, first.item, first.kind, first.rule) == ("snacks", "snacks_chips", "image", "students_after_school")
    assert first.reason == "rule students_after_school matches: 2 teen/school_uniform"
    assert (first.outcome, first.shown_s, first.planned_s) == (PlayOutcome.PLAYED, 8.0, 8.0)
    assert first.audience == audience
    assert records[1].outcome == PlayOutcome.INTERRUPTED and records[1].shown_s == 3.5 and records[1].kind == "video"
    assert records[2].outcome == PlayOutcome.FAILED and records[2].error == "cannot decode beer_promo.mp4"
    assert records[2].started_at == t + dt.timedelta(seconds=12)  # microseconds survive the text format
    assert records[3].ended_at is None and records[3].outcome is None and records[3].shown_s is None
    assert records[3].playlist is None and records[0].rule is not None and records[1].rule is None


def test_each_write_is_committed_at_once(log, db_path):
    # A second connection (the report, or the next run after a kill) sees the play as soon as it starts.
    play_id = start(log, MONDAY_0900)
    other = ProofOfPlay(open_database(db_path))
    assert [(r.play_id, r.ended_at) for r in other.plays()] == [(play_id, None)]
    log.item_ended(play_id, ended_at=MONDAY_0900 + dt.timedelta(seconds=8), outcome=PlayOutcome.PLAYED)
    assert other.plays()[0].outcome == PlayOutcome.PLAYED
    other.db.conn.close()


def test_plays_are_filtered_by_start_time_with_an_exclusive_end(log):
    times = [MONDAY_0900 + dt.timedelta(minutes=m) for m in (0, 10, 20, 30)]
    for number, at in enumerate(times):
        start(log, at, f"item_{number}")

    assert [r.item for r in log.plays(times[1], times[3])] == ["item_1", "item_2"]
    assert [r.item for r in log.plays(start=times[2])] == ["item_2", "item_3"]
    assert [r.item for r in log.plays(end=times[1])] == ["item_0"]
    assert log.plays(times[3] + dt.timedelta(microseconds=1)) == []


def test_plays_come_back_in_time_order_whatever_the_write_order(log):
    start(log, MONDAY_0900 + dt.timedelta(hours=1), "later")
    start(log, MONDAY_0900, "earlier")
    assert [r.item for r in log.plays()] == ["earlier", "later"]


def test_close_unfinished_marks_only_open_plays(log):
    done = start(log, MONDAY_0900)
    log.item_ended(done, ended_at=MONDAY_0900 + dt.timedelta(seconds=8), outcome=PlayOutcome.PLAYED)
    left_open = start(log, MONDAY_0900 + dt.timedelta(seconds=8))
    restart = MONDAY_0900 + dt.timedelta(hours=3)

    assert log.close_unfinished(restart) == 1
    assert log.close_unfinished(restart) == 0

    records = {r.play_id: r for r in log.plays()}
    assert records[done].outcome == PlayOutcome.PLAYED
    assert records[left_open].outcome == PlayOutcome.UNFINISHED and records[left_open].ended_at == restart
    # Noticed three hours later, but it cannot have been on screen longer than planned.
    assert records[left_open].shown_s == 8.0


def test_a_late_end_does_not_overwrite_unfinished(log):
    play_id = start(log, MONDAY_0900)
    log.close_unfinished(MONDAY_0900 + dt.timedelta(seconds=2))
    log.item_ended(play_id, ended_at=MONDAY_0900 + dt.timedelta(seconds=8), outcome=PlayOutcome.PLAYED)
    record = log.plays()[0]
    assert record.outcome == PlayOutcome.UNFINISHED and record.shown_s == 2.0


def test_ending_an_unknown_play_is_an_error(log):
    with pytest.raises(ValueError, match="play_id 42"):
        log.item_ended(42, ended_at=MONDAY_0900, outcome=PlayOutcome.PLAYED)


def test_aware_times_are_refused(log):
    with pytest.raises(ValueError, match="naive local"):
        start(log, MONDAY_0900.replace(tzinfo=dt.UTC))


def test_migrations_run_once_on_a_reopened_file(db_path, log):
    start(log, MONDAY_0900)
    again = ProofOfPlay(open_database(db_path))
    assert len(again.plays()) == 1
    migrations = again.db.execute("SELECT COUNT(*) FROM schema_migrations WHERE component = 'proof_of_play'")
    assert migrations.fetchone()[0] == len(MIGRATIONS)
    again.db.conn.close()


def test_the_tables_have_their_time_indexes(log):
    indexes = {row[0] for row in log.db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"plays_started_at", "audience_samples_at", "player_events_at"} <= indexes
    plan = " ".join(
        str(row[-1]) for row in log.db.execute("EXPLAIN QUERY PLAN SELECT * FROM plays WHERE started_at >= '2026'")
    )
    assert "plays_started_at" in plan


# ------------------------------------------------------------------ samples and events


def test_audience_samples_round_trip_and_filter(log):
    crowd = AudienceSummary.from_snapshot(two_teens_in_uniform_and_an_adult())
    nobody = AudienceSummary.from_snapshot(make_snapshot())
    lost = AudienceSummary.from_snapshot(make_snapshot(signal_state=SignalState.NO_SIGNAL))
    for minutes, summary in ((0, crowd), (1, nobody), (2, lost)):
        log.record_audience(MONDAY_0900 + dt.timedelta(minutes=minutes), summary)

    samples = log.audience_samples()
    assert samples == [
        (MONDAY_0900, crowd),
        (MONDAY_0900 + dt.timedelta(minutes=1), nobody),
        (MONDAY_0900 + dt.timedelta(minutes=2), lost),
    ]
    assert lost.describe() == "no camera signal"
    assert log.audience_samples(MONDAY_0900 + dt.timedelta(minutes=1), MONDAY_0900 + dt.timedelta(minutes=2)) == [
        samples[1]
    ]


def test_events_round_trip_and_filter(log):
    log.record_event(MONDAY_0900, "camera_lost", "camera 0 stopped sending frames")
    log.record_event(MONDAY_0900 + dt.timedelta(seconds=30), "camera_back", "camera 0 is back")
    log.record_event(MONDAY_0900 + dt.timedelta(minutes=5), "rules_reloaded", "revision 12")

    assert log.events() == [
        (MONDAY_0900, "camera_lost", "camera 0 stopped sending frames"),
        (MONDAY_0900 + dt.timedelta(seconds=30), "camera_back", "camera 0 is back"),
        (MONDAY_0900 + dt.timedelta(minutes=5), "rules_reloaded", "revision 12"),
    ]
    assert [kind for _, kind, _ in log.events(end=MONDAY_0900 + dt.timedelta(minutes=5))] == ["camera_lost", "camera_back"]


# ------------------------------------------------------------------ a killed writer

WRITER = """
import datetime as dt, sys
from foundation.db import open_database
from playlists.proof_of_play import AudienceSummary, PlayOutcome, ProofOfPlay

log = ProofOfPlay(open_database(sys.argv[1]))
audience = AudienceSummary("ok", 1, "adult/casual", 0.75, {"adult": 1}, {"casual": 1})
at = dt.datetime(2026, 11, 23, 9, 0)
number = 0
while True:
    play_id = log.item_started(
        started_at=at, playlist="brand", item=f"item_{number % 5}", kind="image", rule=None,
        planned_s=8.0, reason="the default playlist plays", audience=audience,
    )
    at += dt.timedelta(seconds=8)
    log.item_ended(play_id, ended_at=at, outcome=PlayOutcome.PLAYED)
    print(play_id, flush=True)
    number += 1
"""


def test_a_killed_writer_loses_at_most_the_item_on_screen(db_path):
    # Given a player process logging plays as fast as it can
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db_path)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    watchdog = threading.Timer(60.0, writer.kill)  # a writer that hangs must not hang the test
    watchdog.start()
    try:
        finished = []
        while len(finished) < 20:
            line = writer.stdout.readline()
            assert line, f"the writer stopped early: {writer.stderr.read()}"
            finished.append(int(line))
        # When it is killed without warning in the middle of its loop
        writer.send_signal(signal.SIGKILL)
        # Read the rest through the same buffered reader: communicate() reads the pipe
        # directly and would lose lines readline() had already buffered (a flaky test
        # under load: "2 plays missing").
        rest = writer.stdout.read()
        writer.wait()
        finished += [int(line) for line in rest.split()]
    finally:
        watchdog.cancel()
        if writer.poll() is None:
            writer.kill()
            writer.wait()
    assert writer.returncode == -signal.SIGKILL

    # Then the reopened database is intact, every play it reported is there as played,
    # and at most the one on screen is open
    db = open_database(db_path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    log = ProofOfPlay(db)
    records = {r.play_id: r for r in log.plays()}
    for play_id in finished:
        assert records[play_id].outcome == PlayOutcome.PLAYED and records[play_id].shown_s == 8.0
    open_plays = [r for r in records.values() if r.ended_at is None]
    assert len(open_plays) <= 1
    assert len(set(records) - set(finished)) <= 1  # the one it was killed on, ended or not
    assert log.close_unfinished(dt.datetime(2026, 11, 24, 9, 0)) == len(open_plays)
    db.conn.close()


# ------------------------------------------------------------------ CSV


def test_csv_has_one_row_per_play_with_flat_counts(log):
    audience = AudienceSummary.from_snapshot(two_teens_in_uniform_and_an_adult())
    played = start(log, MONDAY_0900, "snacks_chips", playlist="snacks", rule="students", audience=audience,
                   reason='rule "students", with a comma')
    log.item_ended(played, ended_at=MONDAY_0900 + dt.timedelta(seconds=8), outcome=PlayOutcome.PLAYED)
    start(log, MONDAY_0900 + dt.timedelta(seconds=8))

    stream = io.StringIO(newline="")
    assert write_plays_csv(log.plays(), stream) == 2
    rows = list(csv.DictReader(io.StringIO(stream.getvalue(), newline="")))

    assert tuple(rows[0]) == PLAYS_CSV_COLUMNS
    assert rows[0]["started_at"] == "2026-11-23 09:00:00" and rows[0]["ended_at"] == "2026-11-23 09:00:08"
    assert rows[0]["shown_s"] == "8.000" and rows[0]["outcome"] == "played"
    assert rows[0]["reason"] == 'rule "students", with a comma'
    assert rows[0]["counts_by_age_group"] == "adult=1;teen=2"
    assert rows[0]["counts_by_attire"] == "business=1;school_uniform=2"
    assert rows[0]["dominant_segment"] == "teen/school_uniform" and rows[0]["group_size"] == "3"
    assert rows[1]["rule"] == "" and rows[1]["ended_at"] == "" and rows[1]["outcome"] == "" and rows[1]["shown_s"] == ""
    assert rows[1]["signal"] == "no_signal" and rows[1]["counts_by_age_group"] == ""
