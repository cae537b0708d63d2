"""The console's pages at a chain's scale: 10,000 kiosks and millions of plays, on this machine.

    .venv/bin/python benchmarks/console_bench.py                       # 10,000 kiosks, 3 M plays (~5 min)
    .venv/bin/python benchmarks/console_bench.py --kiosks 1000 --plays 200000

Everything is real and on loopback: a throwaway PostgreSQL (signage/server/cluster.py),
the server as its own process (uvicorn over `signage.server.app:app_from_environment`,
as `signage server run` starts it) and an httpx client signed in through the console's
own sign-in form, as a browser is.

Seeded in SQL before the clock starts (generate_series, so seeding is not what is
measured): `--stores` stores in 20 regions and a chain group; `--kiosks` kiosks spread
over them, each with a heartbeat as `signage sync` sends it (what plays, camera state and
fps, recent errors; 2 % of them silent for an hour); `--plays` plays over the last 28
days, 40 % chosen by a rule, and one audience sample per four plays.

Then the reports' rollup runs once over every closed day (signage/server/rollup.py, as
`signage server rollup` or the server's periodic task runs it), timed as its own row: the
reports read the rolled-up days and the raw rows of the rest (today, and yesterday until
3 h after it ended).

Measured, each page fetched `--repeats` times (the first fetch apart: PostgreSQL's cache
is warm after it): the median and the slowest time to the last byte, and the page's size.
Targets: a page a person waits for in under 1 s (median), the whole chain's report of
four weeks in under 3 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from report import print_table

PASSWORD = "console benchmark password"
PAGE_TARGET_S = 1.0
CHAIN_REPORT_TARGET_S = 3.0


def seed(dsn: str, stores: int, kiosks: int, plays: int) -> None:
    """Stores, groups, kiosks with heartbeats, plays and audience samples, all in SQL."""
    import psycopg

    from signage.server.auth import hash_password

    with psycopg.connect(dsn, autocommit=True) as db:
        db.execute("INSERT INTO users (name, password_hash, role) VALUES ('bench', %s, 'admin')", (hash_password(PASSWORD),))
        db.execute("INSERT INTO stores (code, name, timezone) SELECT 'store-' || i, 'Store ' || i, 'Asia/Seoul'"
                   " FROM generate_series(1, %s) i", (stores,))
        db.execute("INSERT INTO store_groups (name, kind, priority) VALUES ('chain', 'chain', 0)")
        db.execute("INSERT INTO store_groups (name, kind, priority) SELECT 'region-' || r, 'region', 10"
                   " FROM generate_series(1, 20) r")
        db.execute("INSERT INTO group_stores SELECT g.group_id, s.store_id FROM store_groups g, stores s WHERE g.name = 'chain'")
        db.execute("INSERT INTO group_stores SELECT g.group_id, s.store_id FROM stores s"
                   " JOIN store_groups g ON g.name = 'region-' || (1 + s.store_id % 20)")
        # Enrolled kiosks (a token each), so the 2 % quiet for an hour are silent, as the fleet page decides.
        db.execute("INSERT INTO kiosks (name, store_id, enrolled_at, token_sha256)"
                   " SELECT 'screen-' || k, 1 + k %% %s, now(), sha256(('bench-token-' || k)::bytea)"
                   " FROM generate_series(0, %s - 1) k", (stores, kiosks))
        # A heartbeat as the sync service sends it (the player's status dict, docs/fleet-api.md).
        db.execute(
            """INSERT INTO kiosk_state (kiosk_id, last_seq, last_seen_at, clock_skew_s, utc_offset_s, status, sync)
               SELECT kiosk_id, 100,
                      CASE WHEN kiosk_id % 50 = 0 THEN now() - interval '1 hour' ELSE now() - random() * interval '30 s' END,
                      random() - 0.5, 32400,
                      jsonb_build_object(
                        'started_at', '2026-12-01T08:00:00+09:00', 'uptime_s', 3600, 'mode', 'live',
                        'playing', jsonb_build_object('playlist', 'after_school_snacks', 'item', 'snacks_chips',
                                                      'rule', 'school_uniform', 'since', '2026-12-01T16:10:00+09:00',
                                                      'reason', 'rule school_uniform matched'),
                        'camera', jsonb_build_object('state', 'ok', 'detail', '/dev/video0', 'engine_fps', 7.5 + random(),
                                                     'frames_dropped', 12),
                        'database', jsonb_build_object('state', 'ok', 'reason', null, 'proof_of_play_pending', 0),
                        'counts', jsonb_build_object('decisions', 900, 'switches', 40, 'rule_reloads', 1,
                                                     'plays_by_outcome', jsonb_build_object('played', 400)),
                        'rules_revision', 3, 'disk_free_bytes', 20000000000,
                        'last_errors', CASE WHEN kiosk_id % 7 = 0 THEN jsonb_build_array(jsonb_build_object(
                            'at', '2026-12-01T15:00:00+09:00', 'message', 'camera: no frame for 5 s; reopening'))
                          ELSE '[]'::jsonb END),
                      jsonb_build_object('spooled_plays', 0, 'spooled_audience', 0, 'dropped_audience', 0, 'last_error', null)
               FROM kiosks""")
        db.execute(
            """INSERT INTO plays (kiosk_id, play_id, started_at, ended_at, utc_offset_s, playlist, item, kind, rule,
                                  planned_s, outcome, reason, signal, group_size, dominant_segment, confidence,
                                  counts_by_age_group, counts_by_attire)
               SELECT 1 + p %% %(kiosks)s, p, t, t + interval '15 s', 32400,
                      (ARRAY['brand_loop', 'after_school_snacks', 'commuter_finance', 'evening_drinks'])[1 + p %% 4],
                      'item-' || (p %% 12), 'video',
                      CASE WHEN p %% 5 < 2 THEN (ARRAY['school_uniform', 'commuters_morning'])[1 + p %% 2] END,
                      15, 'played', 'bench', 'ok', 1 + p %% 3,
                      (ARRAY['teen/school_uniform', 'adult/business', 'young_adult/casual'])[1 + p %% 3], 0.7,
                      jsonb_build_object('teen', p %% 2, 'adult', 1), jsonb_build_object('casual', 1)
               FROM (SELECT p, localtimestamp - (p %% (28 * 86400)) * interval '1 s' AS t
                     FROM generate_series(1, %(plays)s) p) g""",
            {"kiosks": kiosks, "plays": plays})
        db.execute(
            """INSERT INTO audience_samples (kiosk_id, sample_id, at, utc_offset_s, signal, group_size, dominant_segment,
                                             confidence, counts_by_age_group, counts_by_attire)
               SELECT 1 + s %% %(kiosks)s, s, localtimestamp - (s * 4 %% (28 * 86400)) * interval '1 s', 32400, 'ok',
                      1 + s %% 3, (ARRAY['teen/school_uniform', 'adult/business', 'young_adult/casual'])[1 + s %% 3], 0.7,
                      jsonb_build_object('teen', s %% 2, 'adult', 1), jsonb_build_object('casual', 1)
               FROM generate_series(1, %(samples)s) s""",
            {"kiosks": kiosks, "samples": plays // 4})
        db.execute("ANALYZE")


def roll_up(dsn: str):
    """The reports' rollup of every closed day, as `signage server rollup` runs it; its RollupResult."""
    import asyncio
    import datetime as dt

    import psycopg

    from signage.server import rollup

    async def run():
        async with await psycopg.AsyncConnection.connect(dsn, autocommit=True) as db:
            return await rollup.roll_up(db, dt.datetime.now(dt.UTC))

    result = asyncio.run(run())
    with psycopg.connect(dsn, autocommit=True) as db:
        db.execute("ANALYZE")  # as after seeding: the planner knows the new tables' sizes (autovacuum would)
    return result


def start_server(dsn: str, content_dir: Path, port: int) -> subprocess.Popen:
    """The server in its own process, as `signage server run` starts it (one worker)."""
    from signage.server.app import ServerSettings

    env = {**os.environ, **ServerSettings(dsn=dsn, content_dir=content_dir).to_environment()}
    process = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "--factory", "signage.server.app:app_from_environment",
         "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"],
        env=env, cwd=ROOT,
    )
    import httpx

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/v1/health", timeout=2).status_code == 200:
                return process
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    process.kill()
    raise RuntimeError("the server did not start")


def measure(client, path: str, repeats: int) -> tuple[float, float, float, int, int]:
    """(first, median, slowest) seconds to the last byte, the status and the size of `path`."""
    times, status, size = [], 0, 0
    for _ in range(repeats + 1):
        started = time.perf_counter()
        reply = client.get(path)
        times.append(time.perf_counter() - started)
        status, size = reply.status_code, len(reply.content)
    return times[0], statistics.median(times[1:]), max(times[1:]), status, size


PAGES = (  # (what, path under /console, target seconds)
    ("fleet, every kiosk", "/fleet", PAGE_TARGET_S),
    ("fleet, one region", "/fleet?group=region-3", PAGE_TARGET_S),
    ("fleet, page 10", "/fleet?page=10", PAGE_TARGET_S),
    ("fleet, search", "/fleet?q=screen-77", PAGE_TARGET_S),
    ("fleet, silent only", "/fleet?state=silent", PAGE_TARGET_S),
    ("one kiosk", "/kiosks/77", PAGE_TARGET_S),
    ("releases", "/releases", PAGE_TARGET_S),
    ("content", "/content", PAGE_TARGET_S),
    ("report, whole chain, 28 days", "/reports", CHAIN_REPORT_TARGET_S),
    ("report, one region, 28 days", "/reports?group=region-3", PAGE_TARGET_S),
    ("report, one store, 28 days", "/reports?store=store-5", PAGE_TARGET_S),
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stores", type=int, default=500)
    parser.add_argument("--kiosks", type=int, default=10_000)
    parser.add_argument("--plays", type=int, default=3_000_000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()

    import httpx

    from signage.server.cluster import ThrowawayCluster
    from signage.server.db import prepare_database
    from tests.server.conftest import free_port

    with tempfile.TemporaryDirectory(prefix="signage-console-bench-") as folder:
        os.chmod(folder, 0o755)  # the cluster runs as the postgres user when we are root
        cluster = ThrowawayCluster(Path(folder) / "pg").start()
        try:
            dsn = cluster.dsn("signage")
            prepare_database(dsn)
            started = time.perf_counter()
            seed(dsn, args.stores, args.kiosks, args.plays)
            seeded_s = time.perf_counter() - started
            started = time.perf_counter()
            rolled = roll_up(dsn)
            rollup_s = time.perf_counter() - started
            port = free_port()
            server = start_server(dsn, Path(folder) / "content", port)
            try:
                with httpx.Client(base_url=f"http://127.0.0.1:{port}/console", timeout=120) as client:
                    reply = client.post("/login", data={"name": "bench", "password": PASSWORD, "next": "/console/fleet"})
                    if reply.status_code != 303:
                        raise RuntimeError(f"sign-in failed: {reply.status_code}")
                    rows = [("seeding (not a target)", f"{seeded_s:.0f} s", "", ""),
                            ("rollup of the closed days (signage server rollup)",
                             (f"{rollup_s:.1f} s: {rolled.kiosks:,} kiosks, {rolled.play_rows:,} play-hour rows,"
                              f" {rolled.audience_rows:,} audience rows"), "", "")]
                    for what, path, target_s in PAGES:
                        first, median, slowest, status, size = measure(client, path, args.repeats)
                        verdict = "FAILED (status %d)" % status if status != 200 else ("met" if median < target_s else "MISSED")
                        rows.append((f"{what} ({path})", f"{median * 1000:.0f} ms median, {slowest * 1000:.0f} ms max,"
                                     f" first {first * 1000:.0f} ms, {size / 1024:.0f} KiB", f"< {target_s:g} s", verdict))
            finally:
                server.terminate()
                server.wait(timeout=20)
        finally:
            cluster.stop()
    print_table(f"Console pages: {args.kiosks:,} kiosks, {args.stores} stores, {args.plays:,} plays", rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
