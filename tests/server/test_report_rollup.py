"""The reports' rollup (signage/server/rollup.py): the report gives the raw computation's numbers
before and after the job, under late plays, resent plays, day boundaries and time zones.

Telemetry goes through the real kiosk endpoint of a real server; the report is read through
`GET /api/v1/reports`. "The raw computation" is the same endpoint with the rollup's
watermarks taken away for the one request (every kiosk is then read from its raw rows), so
each check compares the two paths of the same code over the same rows.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import random

import psycopg
import pytest

from signage.server.rollup import roll_up, serve_rollups
from tests.server.builders import (
    local_text,
    make_group,
    make_kiosk,
    make_play,
    make_sample,
    make_store,
)

pytestmark = pytest.mark.postgres

START = dt.datetime(2026, 3, 2)  # a Monday; the US moves its clocks on Sunday 2026-03-08
NOW = dt.datetime(2026, 3, 9, 6, tzinfo=dt.UTC)  # the job's clock (days close 3 h after they end)
PLAYLISTS = (("snacks", "teens_after_school"), ("snacks", None), ("main", None), ("promo", "commuters"), (None, None))
FILTERS = (
    {}, {"store": "seoul-1"}, {"group": "two-zones"}, {"from": "2026-03-03", "to": "2026-03-05"},
    {"from": "2026-03-07", "to": "2026-03-07"}, {"store": "ny-2", "from": "2026-03-06"}, {"to": "2026-03-08"},
)
# (code, zone, the kiosks' clock offsets): kiosks in their store's zone, one hour off it
# after the US change, and a clock in another zone than its store's.
STORES = (
    ("seoul-1", "Asia/Seoul", (9 * 3600, 9 * 3600)),
    ("ny-2", "America/New_York", (-5 * 3600,)),
    ("utc-3", "UTC", (9 * 3600,)),
    ("kiritimati-4", "Pacific/Kiritimati", (14 * 3600,)),
)


def _db(dsn: str) -> psycopg.Connection:
    return psycopg.connect(dsn, autocommit=True)


def rollup(dsn: str, now: dt.datetime):
    """One run of the job at `now` (aware), on its own connection."""

    async def run():
        async with await psycopg.AsyncConnection.connect(dsn, autocommit=True) as db:
            return await roll_up(db, now)

    return asyncio.run(run())


class Telemetry:
    """Kiosks that post batches through the real endpoint, each with its own sequence."""

    def __init__(self, server) -> None:
        self.server = server
        self.seq: dict[int, int] = {}

    def post(self, kiosk, offset_s: int, plays: list[dict], samples: list[dict] = ()) -> None:
        seq = self.seq.get(kiosk.kiosk_id, 0) + 1
        sent_at = (dt.datetime.now(dt.UTC) + dt.timedelta(seconds=offset_s)).replace(tzinfo=None)
        body = {"seq": seq, "sent_at": local_text(sent_at), "utc_offset_s": offset_s, "plays": plays,
                "audience": list(samples)}
        with self.server.client() as client:
            reply = client.post("/kiosk/telemetry", json=body, headers=kiosk.headers)
        assert reply.status_code == 200, reply.text
        self.seq[kiosk.kiosk_id] = seq


def report(api, **query) -> dict:
    reply = api.get("/reports", params=query)
    assert reply.status_code == 200, reply.text
    return reply.json()


def raw_report(api, dsn: str, **query) -> dict:
    """The report with every kiosk read from its raw rows: the watermarks away for one request, then back."""
    with _db(dsn) as db:
        saved = db.execute("SELECT kiosk_id, timezone, rolled_through, rolled_at FROM report_watermarks").fetchall()
        db.execute("DELETE FROM report_watermarks")
    try:
        return report(api, **query)
    finally:
        with _db(dsn) as db, db.cursor() as cursor:
            cursor.executemany("INSERT INTO report_watermarks VALUES (%s, %s, %s, %s)", saved)


def assert_same_as_raw(api, dsn: str) -> None:
    for query in FILTERS:
        assert report(api, **query) == raw_report(api, dsn, **query), f"the report for {query} differs from raw"


def rollup_rows(dsn: str) -> dict[str, list[tuple]]:
    with _db(dsn) as db:
        return {table: db.execute(f"SELECT * FROM {table} ORDER BY 1, 2, 3").fetchall()
                for table in ("report_play_hours", "report_rule_days", "report_audience_hours")} | {
            "report_watermarks": db.execute("SELECT kiosk_id, timezone, rolled_through FROM report_watermarks"
                                            " ORDER BY 1").fetchall()}


def random_telemetry(rng: random.Random, days: int) -> tuple[list[dict], list[dict]]:
    """One kiosk's plays and samples over `days` days from START, in millisecond steps (as SQLite keeps them).

    Runs of the same playlist (so starts are not every play), gaps up to a day and a half,
    plays close to midnight, unfinished ones and ones still on screen.
    """
    plays, samples = [], []
    moment = START + dt.timedelta(minutes=rng.randrange(0, 600))
    playlist, rule = PLAYLISTS[0]
    while moment < START + dt.timedelta(days=days):
        if rng.random() < 0.3:
            playlist, rule = rng.choice(PLAYLISTS)
        length = dt.timedelta(milliseconds=rng.randrange(2_000, 40_000))
        changes = {"playlist": playlist, "rule": rule, "ended_at": local_text(moment + length),
                   "planned_s": rng.choice((8.0, 15.0, 30.0))}
        if rng.random() < 0.1:
            changes["outcome"] = "unfinished"
        if rng.random() < 0.05:
            changes.update(ended_at=None, outcome=None)  # still on screen when sent
        if playlist is None:
            changes.update(kind="fallback", item="(built-in)")
        plays.append(make_play(len(plays) + 1, moment, **changes))
        if rng.random() < 0.5:
            at = moment + dt.timedelta(milliseconds=rng.randrange(0, 2_000))
            segment = rng.choice(("teen/school_uniform", "adult/casual", None))
            samples.append(make_sample(len(samples) + 1, at, dominant_segment=segment,
                                       group_size=0 if segment is None else rng.randrange(1, 4),
                                       signal=rng.choice(("ok", "ok", "ok", "no_signal"))))
        draw = rng.random()  # mostly a loop running on; sometimes a quiet hour; now and then a night or a day off
        gap = rng.randrange(1, 120) if draw < 0.7 else rng.randrange(600, 7200) if draw < 0.95 else rng.randrange(20_000, 130_000)
        moment += length + dt.timedelta(milliseconds=rng.randrange(0, 1_000), seconds=gap)
    return plays, samples


def completed(play: dict) -> dict:
    """The play as it is resent once it ended."""
    started = dt.datetime.fromisoformat(play["started_at"])
    return {**play, "ended_at": local_text(started + dt.timedelta(seconds=11, milliseconds=250)), "outcome": "played"}


@pytest.fixture
def fleet(live_server):
    """Four stores in four zones (two in group 'two-zones'), five kiosks; their telemetry, not yet sent."""
    dsn = live_server.dsn
    rng = random.Random(14)
    kiosks = []
    store_ids = {}
    for code, zone, offsets in STORES:
        store_ids[code] = make_store(dsn, code)
        with _db(dsn) as db:
            db.execute("UPDATE stores SET timezone = %s WHERE store_id = %s", (zone, store_ids[code]))
        for offset_s in offsets:
            kiosks.append((make_kiosk(dsn, store_ids[code]), offset_s, *random_telemetry(rng, 11)))
    make_group(dsn, "two-zones", stores=(store_ids["seoul-1"], store_ids["ny-2"]))
    return kiosks, store_ids


def test_report_equals_raw_through_late_and_resent_plays(live_server, api, fleet):
    kiosks, _ = fleet
    dsn = live_server.dsn
    telemetry = Telemetry(live_server)
    rng = random.Random(7)
    late: list[tuple] = []
    # Given telemetry where a sixth of the plays and samples are held back (a kiosk offline)
    for kiosk, offset_s, plays, samples in kiosks:
        held_plays = [play for play in plays if rng.random() < 0.17]
        held_samples = [sample for sample in samples if rng.random() < 0.17]
        sent_plays = [play for play in plays if play not in held_plays]
        sent_samples = [sample for sample in samples if sample not in held_samples]
        telemetry.post(kiosk, offset_s, sent_plays, sent_samples)
        late.append((kiosk, offset_s, held_plays, held_samples,
                     [completed(play) for play in sent_plays if play["ended_at"] is None]))
    assert_same_as_raw(api, dsn)

    # When the job rolls up the days closed on 2026-03-09 06:00 UTC
    first = rollup(dsn, NOW)
    assert first.kiosks == len(kiosks) and first.play_rows > 0 and first.audience_rows > 0
    with _db(dsn) as db:
        zones = dict(db.execute("SELECT s.code, max(w.rolled_through) FROM report_watermarks w"
                                " JOIN kiosks k USING (kiosk_id) JOIN stores s USING (store_id) GROUP BY s.code"))
    # 06:00 UTC is 02:00 in New York (summer time since 03-08): its 03-08 ended 2 h ago, not yet 3.
    assert zones == {"seoul-1": dt.date(2026, 3, 8), "ny-2": dt.date(2026, 3, 7), "utc-3": dt.date(2026, 3, 8),
                     "kiritimati-4": dt.date(2026, 3, 8)}
    assert_same_as_raw(api, dsn)
    rolled = report(api)

    # And the held-back plays arrive, in rolled-up days and open ones, and the plays that
    # were on screen are resent with their end
    for index, (kiosk, offset_s, held_plays, held_samples, resent) in enumerate(late):
        # One kiosk's clock was moved two zones west meanwhile: its late rows come with
        # an offset it never used before (the report must read further back for them).
        telemetry.post(kiosk, offset_s - 7200 if index == 1 else offset_s, held_plays + resent, held_samples)
    with _db(dsn) as db:
        dirty = db.execute("SELECT count(*) FROM report_dirty_days d JOIN report_watermarks w USING (kiosk_id)"
                           " WHERE d.day <= w.rolled_through").fetchone()[0]
    assert dirty > 0  # late days inside the rollup, not yet taken in
    # Then the report has the late rows at once, before the job runs again
    assert report(api)["totals"] != rolled["totals"]
    assert_same_as_raw(api, dsn)

    # And after the job, and the job run again changes nothing
    second = rollup(dsn, NOW)
    assert second.dirty_days >= dirty
    assert_same_as_raw(api, dsn)
    before = rollup_rows(dsn)
    third = rollup(dsn, NOW)
    assert (third.kiosks, third.dirty_days, third.play_rows) == (0, 0, 0)
    assert rollup_rows(dsn) == before

    # And later days close
    rollup(dsn, dt.datetime(2026, 3, 16, tzinfo=dt.UTC))
    assert_same_as_raw(api, dsn)
    with _db(dsn) as db:
        assert db.execute("SELECT count(*) FROM report_dirty_days").fetchone()[0] == 0
        raw_plays = db.execute("SELECT count(*) FROM plays").fetchone()[0]
        rolled_plays = db.execute("SELECT sum(plays) FROM report_play_hours").fetchone()[0]
    assert rolled_plays == raw_plays == report(api)["totals"]["plays"]  # every day rolled up by now


def rule_hits(api, **query) -> dict[str, tuple[int, int]]:
    return {row["rule"]: (row["plays"], row["starts"]) for row in report(api, **query)["rules"]}


def test_a_late_play_before_midnight_makes_the_next_days_first_play_a_start(live_server, api):
    dsn = live_server.dsn
    store = make_store(dsn, "seoul-9")
    with _db(dsn) as db:
        db.execute("UPDATE stores SET timezone = 'Asia/Seoul' WHERE store_id = %s", (store,))
    kiosk = make_kiosk(dsn, store)
    telemetry = Telemetry(live_server)
    offset_s = 9 * 3600
    evening, after_midnight = dt.datetime(2026, 3, 3, 23, 59, 40), dt.datetime(2026, 3, 4, 0, 0, 5)
    # Given a loop that runs on past midnight: the play after midnight is no start
    monday_after = dt.datetime(2026, 3, 9, 10)  # after four days off: the loop goes on, no start
    telemetry.post(kiosk, offset_s, [make_play(1, evening, playlist="snacks", rule="teens"),
                                     make_play(3, after_midnight, playlist="snacks", rule="teens"),
                                     make_play(4, monday_after, playlist="snacks", rule="teens")])
    assert rule_hits(api, **{"from": "2026-03-04"}) == {"teens": (2, 0)}
    rollup(dsn, dt.datetime(2026, 3, 10, tzinfo=dt.UTC))
    assert rule_hits(api, **{"from": "2026-03-04"}) == {"teens": (2, 0)}
    # When a play of another playlist, sent late, turns out to have run in between
    telemetry.post(kiosk, offset_s, [make_play(2, evening + dt.timedelta(seconds=15), playlist="main", rule=None)])
    # Then the next day's first play is a start: before the job runs and after
    assert rule_hits(api, **{"from": "2026-03-04"}) == {"teens": (2, 1)}
    assert rule_hits(api, to="2026-03-03") == {"teens": (1, 1), "(default playlist)": (1, 1)}
    rollup(dsn, dt.datetime(2026, 3, 10, tzinfo=dt.UTC))
    assert rule_hits(api, **{"from": "2026-03-04"}) == {"teens": (2, 1)}
    assert rule_hits(api) == {"teens": (3, 2), "(default playlist)": (1, 1)}
    # And a late play on the Monday has the job start there: the play before the Monday's
    # first one is four days back, looked up beyond what it re-reads (and the report too)
    telemetry.post(kiosk, offset_s, [make_play(5, monday_after + dt.timedelta(hours=2), playlist="snacks", rule="teens")])
    assert rule_hits(api, **{"from": "2026-03-09"}) == {"teens": (2, 0)}
    rollup(dsn, dt.datetime(2026, 3, 10, tzinfo=dt.UTC))
    assert rule_hits(api, **{"from": "2026-03-09"}) == {"teens": (2, 0)}
    with _db(dsn) as db:
        assert db.execute("SELECT day, label, plays, starts FROM report_rule_days ORDER BY day, label").fetchall() == [
            (dt.date(2026, 3, 3), "(default playlist)", 1, 1), (dt.date(2026, 3, 3), "teens", 1, 1),
            (dt.date(2026, 3, 4), "teens", 1, 1), (dt.date(2026, 3, 9), "teens", 2, 0)]


def test_a_store_that_changes_zone_is_read_raw_until_rolled_up_again(live_server, api, fleet):
    kiosks, store_ids = fleet
    dsn = live_server.dsn
    telemetry = Telemetry(live_server)
    for kiosk, offset_s, plays, samples in kiosks:
        telemetry.post(kiosk, offset_s, plays, samples)
    rollup(dsn, dt.datetime(2026, 3, 10, tzinfo=dt.UTC))
    with _db(dsn) as db:
        db.execute("UPDATE stores SET timezone = 'Europe/Lisbon' WHERE store_id = %s", (store_ids["seoul-1"],))
    assert_same_as_raw(api, dsn)
    rollup(dsn, dt.datetime(2026, 3, 10, tzinfo=dt.UTC))
    with _db(dsn) as db:
        zones = {zone for (zone,) in db.execute(
            "SELECT w.timezone FROM report_watermarks w JOIN kiosks k USING (kiosk_id) WHERE k.store_id = %s",
            (store_ids["seoul-1"],))}
    assert zones == {"Europe/Lisbon"}
    assert_same_as_raw(api, dsn)


def test_one_run_at_a_time(pg_dsn):
    dsn = pg_dsn
    with _db(dsn) as holder, holder.transaction():
        holder.execute("SELECT pg_advisory_xact_lock(hashtext('signage report rollup'))")
        assert rollup(dsn, dt.datetime(2026, 3, 10, tzinfo=dt.UTC)) is None
    assert rollup(dsn, dt.datetime(2026, 3, 10, tzinfo=dt.UTC)) is not None


def test_the_periodic_task_logs_a_failed_round_and_tries_again(pg_dsn, caplog):
    from psycopg_pool import AsyncConnectionPool

    dsn = pg_dsn
    store = make_store(dsn)
    make_kiosk(dsn, store)
    with _db(dsn) as db:
        db.execute("ALTER TABLE report_watermarks RENAME TO report_watermarks_away")

    async def run() -> int:
        async with AsyncConnectionPool(dsn, min_size=1, max_size=2, kwargs={"autocommit": True}) as pool:
            task = asyncio.create_task(serve_rollups(pool, dt.timedelta(seconds=0.05)))
            try:
                for _ in range(200):
                    await asyncio.sleep(0.05)
                    failures = [r for r in caplog.records if r.name == "signage.server.rollup" and r.levelno == logging.ERROR]
                    if len(failures) >= 2:
                        break
                assert not task.done()  # still running after failed rounds
                async with pool.connection() as db:
                    await db.execute("ALTER TABLE report_watermarks_away RENAME TO report_watermarks")
                for _ in range(200):
                    await asyncio.sleep(0.05)
                    async with pool.connection() as db:
                        count = (await (await db.execute("SELECT count(*) FROM report_watermarks")).fetchone())[0]
                    if count:
                        return count
                return 0
            finally:
                task.cancel()

    with caplog.at_level(logging.INFO, logger="signage.server.rollup"):
        assert asyncio.run(run()) == 1
    assert any("the run failed" in r.getMessage() for r in caplog.records)


def test_the_server_rolls_up_by_itself(pg_dsn, tmp_path):
    from signage.server.app import ServerSettings
    from tests.server.conftest import free_port, start_server_thread

    store = make_store(pg_dsn)
    kiosk = make_kiosk(pg_dsn, store)
    with _db(pg_dsn) as db:
        db.execute("INSERT INTO plays (kiosk_id, play_id, started_at, ended_at, utc_offset_s, item, kind, planned_s,"
                   " outcome, reason, signal, group_size, confidence, counts_by_age_group, counts_by_attire)"
                   " VALUES (%s, 1, '2026-03-02 10:00', '2026-03-02 10:00:08', 0, 'x', 'image', 8, 'played', 'r',"
                   " 'ok', 0, 0, '{}', '{}')", (kiosk.kiosk_id,))
    settings = ServerSettings(dsn=pg_dsn, content_dir=tmp_path / "content", pool_min=1, pool_max=2,
                              rollup_interval_s=0.2)
    server, thread = start_server_thread(settings, free_port())
    try:
        for _ in range(100):
            with _db(pg_dsn) as db:
                row = db.execute("SELECT sum(plays) FROM report_play_hours").fetchone()
            if row[0]:
                break
            thread.join(0.1)
        assert row[0] == 1
    finally:
        server.should_exit = True
        thread.join(10)


def test_the_cli_runs_the_job(pg_dsn, capsys):
    from signage.cli import main

    make_kiosk(pg_dsn, make_store(pg_dsn))
    assert main(["server", "rollup", "--dsn", pg_dsn]) == 0
    assert "1 kiosk(s) recomputed" in capsys.readouterr().out
    assert main(["server", "rollup", "--dsn", pg_dsn]) == 0
    assert "0 kiosk(s) recomputed" in capsys.readouterr().out


def test_a_play_resent_with_its_end_counts_in_its_rolled_up_day(live_server, api):
    dsn = live_server.dsn
    kiosk = make_kiosk(dsn, make_store(dsn, "seoul-8"))
    telemetry = Telemetry(live_server)
    on_screen = make_play(1, dt.datetime(2026, 3, 3, 10), ended_at=None, outcome=None)  # 0 s while on screen
    telemetry.post(kiosk, 0, [on_screen, make_play(2, dt.datetime(2026, 3, 5, 10))])  # 8 s
    rollup(dsn, dt.datetime(2026, 3, 10, tzinfo=dt.UTC))
    assert report(api)["totals"]["seconds"] == 8.0
    # When the first play is resent with its end, 12 s later (the kiosk was offline)
    telemetry.post(kiosk, 0, [{**on_screen, "ended_at": local_text(dt.datetime(2026, 3, 3, 10, 0, 12)),
                               "outcome": "played"}])
    # Then its seconds count at once, and after the job from the rollup
    assert report(api)["totals"]["seconds"] == 20.0
    assert report(api, to="2026-03-03")["totals"]["seconds"] == 12.0
    rollup(dsn, dt.datetime(2026, 3, 10, tzinfo=dt.UTC))
    assert report(api)["totals"]["seconds"] == 20.0
    with _db(dsn) as db:
        assert db.execute("SELECT day, plays, seconds FROM report_play_hours ORDER BY day").fetchall() == [
            (dt.date(2026, 3, 3), 1, 12.0), (dt.date(2026, 3, 5), 1, 8.0)]
