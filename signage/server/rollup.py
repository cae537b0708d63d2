"""The reports' rollup: closed store-local days of each kiosk, summed once, kept exact under late data.

A chain of 10,000 kiosks makes 10-20 M plays a day; a report of a month cannot scan them
on every request. `roll_up` sums each kiosk's *closed* days (schema_reports.py): a
store-local day is closed `CLOSE_AFTER` (3 h) after it ended in the store's zone, so the
plays still on screen at midnight have been resent with their end and the kiosks that
were briefly offline have caught up. What comes later still counts, exactly:

- **Dirty days.** Triggers on `plays` and `audience_samples` (schema_reports.py) mark
  each (kiosk, store-local day) whose rows were inserted, completed (`ended_at` filled
  in) or deleted, in the writer's own transaction (`report_dirty_days`), and widen the
  kiosk's range of UTC offsets (`report_kiosk_offsets`), which bounds where in its naive
  times a store-local day's rows can be. Nothing depends on
  play_id order or on which batch brought a row: a kiosk that was offline for a week, a
  resent play, a script writing rows by hand, all mark their days.
- **What the report trusts.** For kiosk k, the rollup holds exactly the raw numbers of
  every day up to `rolled_through(k)` that is *before k's first dirty day*, as long as
  k's store is still in the zone the watermark names. The report (reports.py) reads those
  days from the rollup and every later day of k from the raw rows, in one snapshot; so
  its tables are the raw computation's at any moment, before or after the job runs.
  Why "before the first dirty day" and not "not dirty": a new play changes whether the
  play after it is a *playlist start*, and that play may be the first of a later day.
  With one clock offset per kiosk (the usual case) the next play in the kiosk's order is
  never on an earlier store-local day, so every day before the first dirty one is
  untouched. A kiosk whose offset jumps back by more than the time to midnight (a
  clock moved by hand across days) could reorder plays across days; that is the one
  case this does not cover.
- **The job** (`roll_up`, one transaction, under an advisory lock): per kiosk, it clears
  the dirty marks up to its last closed day, skipping marks that a batch still being
  stored holds locked (that batch's rows are not visible yet; its mark stays and the
  next run takes it), then recomputes every day from the first cleared mark (or the day
  after the watermark) to the last closed day from the raw rows, the same SQL fragments
  as the report, and moves the watermark. A kiosk whose store changed zone, or that has
  no watermark yet, is rolled up from its first play. Running it twice changes nothing.

Cost, measured here (benchmarks/console_bench.py, a loaded 2-core machine): the first
run over 28 days of 1 M plays and 250,000 samples of 10,000 kiosks took 26-32 s; a run
with nothing new 60-90 ms for those 10,000 kiosks; one taking in a late play 5 days back
on each of 100 kiosks 0.15 s. While a run's transaction is
open, a late batch for a day whose mark it cleared waits for it (its mark's row is
locked), so a first run over a long history is best done with `signage server rollup`
before the kiosks post.

`serve_rollups` is the server's periodic task (app.py's lifespan): every
`ROLLUP_INTERVAL` it runs the job on a pooled connection; several uvicorn workers share
the work through the lock (the one that does not get it skips the round), and an error
is logged and retried at the next round, never raised into the server.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import time
from dataclasses import dataclass

import psycopg
import psycopg_pool

# The report's own SQL (a play's seconds, its label, a start, the store's time), so the
# rollup counts exactly what the report would.
from signage.server.reports import (
    LABEL_PARAMETERS,
    _SEGMENT_LABEL,
    _SHOWN_SECONDS,
    _SORT_WORK_MEM,
    _STORE_TIME,
    playlist_starts_sql,
)
from signage.server.telemetry import MAX_UTC_OFFSET_S

log = logging.getLogger(__name__)

__all__ = ["CLOSE_AFTER", "ROLLUP_INTERVAL", "RollupResult", "roll_up", "serve_rollups"]

CLOSE_AFTER = dt.timedelta(hours=3)  # a store-local day is rolled up this long after it ended
ROLLUP_INTERVAL = dt.timedelta(minutes=5)
LOCK_NAME = "signage report rollup"


@dataclass(frozen=True)
class RollupResult:
    """What one run did."""

    kiosks: int  # kiosks whose days were recomputed
    dirty_days: int  # dirty marks cleared
    play_rows: int  # report_play_hours rows written
    audience_rows: int  # report_audience_hours rows written
    seconds: float  # wall time of the run


_TARGETS_SQL = """
    CREATE TEMP TABLE rollup_targets (
        kiosk_id BIGINT PRIMARY KEY, timezone TEXT NOT NULL, first_day DATE, last_day DATE NOT NULL,
        rebuild BOOLEAN NOT NULL
    ) ON COMMIT DROP
"""

# Per kiosk: its last closed day (hi), whether its rollup is void (no watermark, or its
# store's zone changed), and the dirty marks up to hi, cleared unless a batch holds them.
_PLAN_SQL = """
    WITH base AS (
        SELECT k.kiosk_id, s.timezone, w.timezone IS DISTINCT FROM s.timezone AS rebuild, w.rolled_through,
               ((%(now)s::timestamptz AT TIME ZONE s.timezone) - %(close_after)s::interval)::date - 1 AS closed_through
        FROM kiosks k JOIN stores s ON s.store_id = k.store_id
        LEFT JOIN report_watermarks w ON w.kiosk_id = k.kiosk_id
    ), limits AS (
        SELECT kiosk_id, timezone, rebuild,
               CASE WHEN rebuild THEN closed_through ELSE GREATEST(closed_through, rolled_through) END AS last_day,
               CASE WHEN rebuild THEN '-infinity'::date ELSE rolled_through + 1 END AS next_day
        FROM base
    ), cleared AS (
        DELETE FROM report_dirty_days d USING (
            SELECT x.kiosk_id, x.day FROM report_dirty_days x JOIN limits l ON l.kiosk_id = x.kiosk_id
            WHERE x.day <= l.last_day FOR UPDATE OF x SKIP LOCKED
        ) picked
        WHERE d.kiosk_id = picked.kiosk_id AND d.day = picked.day
        RETURNING d.kiosk_id, d.day
    ), targets AS (
        INSERT INTO rollup_targets (kiosk_id, timezone, first_day, last_day, rebuild)
        SELECT l.kiosk_id, l.timezone, LEAST(l.next_day, c.first_day), l.last_day, l.rebuild
        FROM limits l LEFT JOIN (SELECT kiosk_id, min(day) AS first_day FROM cleared GROUP BY kiosk_id) c
             ON c.kiosk_id = l.kiosk_id
    )
    SELECT count(*) FROM cleared
"""

# The kiosks with days to recompute, and where their raw rows lie in naive kiosk time: from
# the store-local midnight of first_day in UTC plus the kiosk's smallest offset, to the end
# of last_day plus its largest (report_kiosk_offsets).
_WORK_SQL = f"""
    CREATE TEMP TABLE rollup_work ON COMMIT DROP AS
    SELECT g.kiosk_id, g.timezone, g.first_day, g.last_day, g.rebuild,
           (g.first_day::timestamp AT TIME ZONE g.timezone) AT TIME ZONE 'UTC'
               + make_interval(secs => COALESCE(o.min_offset_s, {-MAX_UTC_OFFSET_S})) AS scan_from,
           ((g.last_day + 1)::timestamp AT TIME ZONE g.timezone) AT TIME ZONE 'UTC'
               + make_interval(secs => COALESCE(o.max_offset_s, {MAX_UTC_OFFSET_S})) AS scan_until
    FROM rollup_targets g LEFT JOIN report_kiosk_offsets o ON o.kiosk_id = g.kiosk_id
    WHERE g.rebuild OR g.first_day <= g.last_day
"""

_CLEAR_SQL = """
    DELETE FROM {table} r USING rollup_work g
    WHERE r.kiosk_id = g.kiosk_id AND (g.rebuild OR r.day BETWEEN g.first_day AND g.last_day)
"""

# One scan of the plays serves both tables (MATERIALIZED: read once, used twice).
_PLAYS_SQL = f"""
    WITH scan AS MATERIALIZED (
        SELECT g.kiosk_id, g.first_day, g.last_day, t.play_id, t.started_at, t.playlist, t.rule,
               {_STORE_TIME.format(column='started_at', zone='g')} AS local_at,
               {_SHOWN_SECONDS} AS shown_s
        FROM rollup_work g JOIN plays t ON t.kiosk_id = g.kiosk_id
             AND t.started_at >= g.scan_from AND t.started_at < g.scan_until
    ), hours AS (
        INSERT INTO report_play_hours (kiosk_id, day, hour, plays, seconds)
        SELECT kiosk_id, local_at::date, EXTRACT(HOUR FROM local_at)::int, count(*), COALESCE(sum(shown_s), 0.0)
        FROM scan WHERE local_at::date BETWEEN first_day AND last_day
        GROUP BY 1, 2, 3
        RETURNING 1
    )
    -- A start as the report counts it: LAG over the kiosk's scanned plays, and for the
    -- first of them the play before it, looked up in the raw rows.
    {playlist_starts_sql("scan", "first_day, last_day", "o.local_at::date BETWEEN o.first_day AND o.last_day")}
    , rules AS (
        INSERT INTO report_rule_days (kiosk_id, day, label, plays, starts)
        SELECT kiosk_id, local_at::date, label, count(*), count(*) FILTER (WHERE started) FROM hits GROUP BY 1, 2, 3
        RETURNING 1
    )
    SELECT (SELECT count(*) FROM hours), (SELECT count(*) FROM rules)
"""

_AUDIENCE_HOURS_SQL = f"""
    WITH scan AS (
        SELECT g.kiosk_id, g.first_day, g.last_day, t.signal, t.group_size, t.dominant_segment,
               {_STORE_TIME.format(column='at', zone='g')} AS local_at
        FROM rollup_work g JOIN audience_samples t ON t.kiosk_id = g.kiosk_id
             AND t.at >= g.scan_from AND t.at < g.scan_until
    )
    INSERT INTO report_audience_hours (kiosk_id, day, weekday, hour, segment, samples)
    SELECT kiosk_id, local_at::date, EXTRACT(ISODOW FROM local_at)::int - 1, EXTRACT(HOUR FROM local_at)::int,
           {_SEGMENT_LABEL}, count(*)
    FROM scan WHERE local_at::date BETWEEN first_day AND last_day
    GROUP BY 1, 2, 3, 4, 5
"""

_WATERMARK_SQL = """
    INSERT INTO report_watermarks (kiosk_id, timezone, rolled_through, rolled_at)
    SELECT kiosk_id, timezone, last_day, %(now)s FROM rollup_targets
    ON CONFLICT (kiosk_id) DO UPDATE SET timezone = EXCLUDED.timezone, rolled_through = EXCLUDED.rolled_through,
        rolled_at = EXCLUDED.rolled_at
    WHERE (report_watermarks.timezone, report_watermarks.rolled_through)
          IS DISTINCT FROM (EXCLUDED.timezone, EXCLUDED.rolled_through)
"""


async def roll_up(db: psycopg.AsyncConnection, now: dt.datetime,
                  close_after: dt.timedelta = CLOSE_AFTER) -> RollupResult | None:
    """Bring the rollup up to the days closed at `now` (aware); None when another run holds the lock.

    One transaction in READ COMMITTED (each statement sees what was committed before it,
    so the recomputation sees every batch whose mark it cleared). `db` is an autocommit
    connection (the pool's).
    """
    started = time.perf_counter()
    async with db.transaction():
        await db.execute("SET TRANSACTION ISOLATION LEVEL READ COMMITTED")
        locked = await (await db.execute("SELECT pg_try_advisory_xact_lock(hashtext(%s))", (LOCK_NAME,))).fetchone()
        if not locked[0]:
            log.debug("rollup: another run holds the lock; skipped")
            return None
        await db.execute(f"SET LOCAL work_mem = '{_SORT_WORK_MEM}'")
        await db.execute("SET LOCAL jit = off")  # as the report: the LATERAL look-up's cost would JIT-compile it
        await db.execute(_TARGETS_SQL)
        dirty_days = (await (await db.execute(_PLAN_SQL, {"now": now, "close_after": close_after})).fetchone())[0]
        await db.execute(_WORK_SQL)
        await db.execute("ANALYZE rollup_work")  # a temp table has no statistics: the join plans need its size
        kiosks = (await (await db.execute("SELECT count(*) FROM rollup_work")).fetchone())[0]
        for table in ("report_play_hours", "report_rule_days", "report_audience_hours"):
            await db.execute(_CLEAR_SQL.format(table=table))
        play_rows, _ = await (await db.execute(_PLAYS_SQL, LABEL_PARAMETERS)).fetchone()
        audience_rows = (await db.execute(_AUDIENCE_HOURS_SQL, LABEL_PARAMETERS)).rowcount
        await db.execute(_WATERMARK_SQL, {"now": now})
    result = RollupResult(kiosks, dirty_days, play_rows, audience_rows, round(time.perf_counter() - started, 3))
    if kiosks:
        log.info("rollup: %d kiosk(s) recomputed, %d dirty day(s) cleared, %d play rows, %d audience rows in %.1f s",
                 result.kiosks, result.dirty_days, result.play_rows, result.audience_rows, result.seconds)
    return result


async def serve_rollups(pool: psycopg_pool.AsyncConnectionPool, interval: dt.timedelta = ROLLUP_INTERVAL,
                        clock=None) -> None:
    """Run `roll_up` every `interval` until cancelled (the server's lifespan starts and cancels it).

    `clock` returns the aware time now (default: UTC now); a failure of one round is
    logged and the next round tries again.
    """
    clock = clock or (lambda: dt.datetime.now(dt.UTC))
    while True:
        try:
            async with pool.connection(timeout=30.0) as db:
                await roll_up(db, clock())
        except asyncio.CancelledError:
            raise
        except (psycopg.OperationalError, psycopg_pool.PoolTimeout) as error:
            log.warning("rollup: PostgreSQL is not reachable (%s); trying again in %d s",
                        str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__,
                        interval.total_seconds())
        except Exception:  # the server must outlive any failure of a round: logged, tried again next round
            log.exception("rollup: the run failed; trying again in %d s", interval.total_seconds())
        await asyncio.sleep(interval.total_seconds())
