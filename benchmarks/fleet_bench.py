"""The central server under a fleet: 10,000 simulated kiosks for 10 minutes, on this machine.

    .venv/bin/python benchmarks/fleet_bench.py                      # 10,000 kiosks, 10 min (~15 min)
    .venv/bin/python benchmarks/fleet_bench.py --kiosks 100 --minutes 1
    .venv/bin/python benchmarks/fleet_bench.py --kiosks 20 --minutes 0.2 --speed 10   # the test's run

Everything is real and on loopback: a throwaway PostgreSQL (signage/server/cluster.py,
with pg_stat_statements), the server as its own process tree (uvicorn `--workers`,
`signage.server.app:app_from_environment`, started as `signage server run` starts it),
and the kiosks in `--client-processes` processes of asyncio + aiohttp clients
(benchmarks/fleet_sim.py: each kiosk keeps its own spool and batch sequence exactly as
`signage sync` does).

What happens, in the run's own time (fractions of `--minutes`):
- seeding, before the clock starts: stores, groups (a chain group holding every store,
  regions, a one-store canary group), a text-slide library, release 1 rolled out, an
  editor account, and N kiosks created and enrolled through the API (POST /kiosks, then
  POST /enrol with the one-time code: each kiosk's token is its own);
- 0 ... poll interval: the kiosks start, jittered over their intervals;
- 30 %: an editor makes release 2 and rolls it out (canary to one store, then all); the
  time until 99 % of the kiosks run it is counted client-side: a kiosk runs a release
  from the moment its poll returns that release's ETag (the sync client applies it
  then); the kiosk that is offline is left out of the share;
- 50 %: the server's whole process tree is SIGKILLed and started again; batches whose
  replies were lost come back as 409 duplicate_batch, which counts as delivered;
- 65 %: the kiosk that was offline for a simulated day (8,640 intervals of 10 s of
  records, dated over the 24 h before the run) comes back and sends its spool in
  batches of at most 1,000 records (SyncSettings.batch_max_records);
- 100 %: the kiosks stop recording and send what is left in their spools (at most
  `--drain-s`, retrying at the first backoff step rather than the sync client's
  doubling, so a kiosk deep in backoff does not outlast the drain); a kiosk that has not
  polled since the rollout polls on until it has (a short run); then every play and
  audience sample they recorded is looked up in PostgreSQL by (kiosk_id, play_id).

The kiosks of one process share one pool of `--connections` connections, as a reverse
proxy's upstream pool would; a request waits for a free one within its 30 s timeout
(SyncSettings.request_timeout_s), so when the server falls behind the wait shows in the
latencies and, past 30 s, as TimeoutError and a retry of the same batch.

Measured: requests per second (offered and achieved, overall and in the steady window
between the first poll round and the rollout), p50/p99 latency per endpoint as a kiosk
sees it (queueing in its connection pool included), how late pushes started against
their schedule (whether the clients kept up), rows ingested, CPU of each part (API
workers, PostgreSQL, clients, this process) in the steady window from /proc, and the
statements PostgreSQL spent its time on (pg_stat_statements). The last line reads
`kiosks N, plays sent S, stored T, lost L, duplicated D`.

`--speed F` divides every interval (poll, push, backoff) by F, for short runs in tests;
the offline day stays 8,640 intervals of 10 s.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import httpx
import psycopg
from fleet_sim import KioskSpec, OfflinePlan, SimPlan, run_kiosks

from benchmarks.report import print_table
from signage.server.app import ServerSettings
from signage.server.auth import hash_password
from signage.server.cluster import ThrowawayCluster
from signage.server.db import prepare_database

ROOT = Path(__file__).resolve().parent.parent
ADMIN = ("bench-admin", "bench admin password 13")
EDITOR = ("bench-editor", "bench editor password 13")
CLK_TCK = os.sysconf("SC_CLK_TCK")

ROLLOUT_AT, KILL_AT, BACK_AT = 0.30, 0.50, 0.65
LATE_WINDOW = (0.80, 0.97)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kiosks", type=int, default=10_000, help="simulated kiosks (default 10,000)")
    parser.add_argument("--minutes", type=float, default=10.0, help="length of the run, minutes (default 10)")
    parser.add_argument("--speed", type=float, default=1.0,
                        help="divide the poll (60 s), push (10 s) and backoff intervals by this (default 1: real)")
    parser.add_argument("--workers", type=int, default=2, help="uvicorn worker processes of the server (default 2)")
    parser.add_argument("--client-processes", type=int, default=2, help="processes running the kiosks (default 2)")
    parser.add_argument("--connections", type=int, default=128,
                        help="connections each client process keeps to the server (default 128)")
    parser.add_argument("--pool-max", type=int, default=10, help="PostgreSQL connections per API worker (default 10)")
    parser.add_argument("--stores", type=int, default=0, help="stores (default: one per 100 kiosks, 2 to 100)")
    parser.add_argument("--drain-s", type=float, default=180.0,
                        help="after the run, at most this long for the kiosks to empty their spools (default 180)")
    parser.add_argument("--no-kill", action="store_true", help="leave out the SIGKILL and restart of the server")
    parser.add_argument("--work", help="folder for PostgreSQL, logs and content (default: a new temporary one)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder (PostgreSQL's data, server.log)")
    parser.add_argument("--seed", type=int, default=13, help="random seed of the simulated kiosks")
    options = parser.parse_args(argv)
    if options.kiosks < 2:
        parser.error("--kiosks: at least 2 (one of them is the offline kiosk)")
    if options.minutes <= 0 or options.speed <= 0:
        parser.error("--minutes and --speed must be above 0")
    return options


# -- the machine and its processes ------------------------------------------------------------


def ram_gib() -> float:
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            return int(line.split()[1]) / 1024 / 1024
    return float("nan")


def _process_table() -> dict[int, tuple[int, int, float]]:
    """pid -> (ppid, process group, CPU seconds used) of every process."""
    table = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            text = (entry / "stat").read_text()
        except OSError:
            continue  # gone meanwhile
        fields = text[text.rindex(")") + 2:].split()
        table[int(entry.name)] = (int(fields[1]), int(fields[2]), (int(fields[11]) + int(fields[12])) / CLK_TCK)
    return table


def _descendants(table: dict, root: int) -> set[int]:
    found, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        for pid, (ppid, _, _) in table.items():
            if ppid == parent and pid not in found:
                found.add(pid)
                frontier.append(pid)
    return found


def _machine_busy_s() -> tuple[float, float]:
    """(busy CPU seconds of all cores, wall-clock seconds of all cores) since boot."""
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = values[3] + values[4]
    return (sum(values[:8]) - idle) / CLK_TCK, sum(values[:8]) / CLK_TCK


class CpuMeter:
    """CPU seconds of each part of the benchmark, read from /proc at a moment."""

    def __init__(self, postmaster_pid: int, client_pids: list[int]) -> None:
        self.postmaster_pid = postmaster_pid
        self.client_pids = client_pids

    def sample(self, server_pid: int) -> dict:
        table = _process_table()
        server = _descendants(table, server_pid) if server_pid in table else set()
        postgres = _descendants(table, self.postmaster_pid)
        clients = set().union(*(_descendants(table, pid) for pid in self.client_pids if pid in table))
        busy, total = _machine_busy_s()
        return {
            "wall": time.monotonic(),
            "API workers": sum(table[p][2] for p in server),
            "PostgreSQL": sum(table[p][2] for p in postgres),
            "clients": sum(table[p][2] for p in clients),
            "benchmark": table.get(os.getpid(), (0, 0, 0.0))[2],
            "machine": busy, "machine_total": total,
        }


def cpu_shares(first: dict, last: dict) -> dict:
    """Each part's CPU between two samples, in % of one core; `machine` in % of all cores."""
    wall = last["wall"] - first["wall"]
    shares = {name: 100 * (last[name] - first[name]) / wall
              for name in ("API workers", "PostgreSQL", "clients", "benchmark")}
    shares["machine"] = 100 * (last["machine"] - first["machine"]) / (last["machine_total"] - first["machine_total"])
    shares["other processes"] = (shares["machine"] * (os.cpu_count() or 1)
                                 - sum(shares[n] for n in ("API workers", "PostgreSQL", "clients", "benchmark")))
    return shares


# -- PostgreSQL and the server ------------------------------------------------------------------


def start_cluster(folder: Path) -> tuple[ThrowawayCluster, str]:
    """A throwaway cluster with pg_stat_statements loaded, and the migrated database's DSN."""
    cluster = ThrowawayCluster(folder)
    cluster.start()
    try:
        with psycopg.connect(cluster.dsn("postgres"), autocommit=True) as db:
            db.execute("ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'")
        cluster.stop()
        cluster.start()
        dsn = cluster.dsn("signage")
        prepare_database(dsn)
        with psycopg.connect(dsn, autocommit=True) as db:
            db.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements")
            db.execute(
                "INSERT INTO users (name, password_hash, role) VALUES (%s, %s, 'admin') ON CONFLICT (name) DO NOTHING",
                (ADMIN[0], hash_password(ADMIN[1])),
            )
    except BaseException:
        cluster.stop()  # a cluster left running would outlive the benchmark
        raise
    return cluster, dsn


def postmaster_pid(cluster: ThrowawayCluster) -> int:
    return int((cluster.data / "postmaster.pid").read_text().splitlines()[0])


class ServerProcess:
    """The API server as its own process tree (its own session, so one killpg ends it all)."""

    def __init__(self, settings: ServerSettings, port: int, workers: int, log_path: Path) -> None:
        self.settings = settings
        self.port = port
        self.workers = workers
        self.log_path = log_path
        self.process: subprocess.Popen | None = None
        self.url = f"http://127.0.0.1:{port}"

    def start(self, timeout_s: float = 60.0) -> float:
        """Start it and wait until /health answers 200; seconds it took."""
        begun = time.monotonic()
        environment = {**os.environ, **self.settings.to_environment(), "PYTHONPATH": str(ROOT)}
        command = [sys.executable, "-m", "uvicorn", "--factory", "signage.server.app:app_from_environment",
                   "--host", "127.0.0.1", "--port", str(self.port), "--workers", str(self.workers),
                   "--log-level", "warning", "--no-access-log"]
        with open(self.log_path, "ab") as log:
            self.process = subprocess.Popen(command, cwd=ROOT, env=environment, stdout=log, stderr=log,
                                            start_new_session=True)
        while True:
            if self.process.poll() is not None:
                raise SystemExit(f"the server exited with {self.process.returncode}: see {self.log_path}")
            try:
                if httpx.get(self.url + "/api/v1/health", timeout=2.0).status_code == 200:
                    return time.monotonic() - begun
            except httpx.HTTPError:
                pass
            if time.monotonic() - begun > timeout_s:
                raise SystemExit(f"the server did not answer /api/v1/health in {timeout_s:.0f} s: see {self.log_path}")
            time.sleep(0.1)

    def kill(self) -> None:
        """SIGKILL the supervisor and every worker at once (a crash, not a shutdown)."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# -- seeding through the people's API ----------------------------------------------------------

TEXT_ITEMS = {
    "text_welcome": "Welcome",
    "text_coffee": "Hot coffee, 1,500 won",
    "text_winter_offer": "Winter offer: two for one",
}


def release_yaml(items: list[str]) -> str:
    lines = ["default_playlist: brand_loop", "playlists:", "- name: brand_loop", "  loop: loop", "  items:"]
    lines += [f"  - {item}" for item in items]
    lines.append("rules: []")
    return "\n".join(lines) + "\n"


def _check(reply: httpx.Response, what: str) -> dict:
    if reply.status_code >= 300:
        raise SystemExit(f"seeding: {what} answered {reply.status_code}: {reply.text[:300]}")
    return reply.json() if reply.content else {}


def login(url: str, name: str, password: str) -> httpx.Client:
    reply = httpx.post(url + "/api/v1/login", json={"name": name, "password": password}, timeout=30)
    token = _check(reply, f"login as {name}")["token"]
    return httpx.Client(base_url=url + "/api/v1", headers={"Authorization": f"Bearer {token}"}, timeout=60)


def publish_release(editor: httpx.Client, items: list[str], note: str) -> dict:
    """A release of the chain group, to the canary store first, then to all; its row and the time of `all`."""
    made = _check(editor.post("/groups/chain/releases", json={"document_yaml": release_yaml(items), "note": note}),
                  "POST /groups/chain/releases")
    _check(editor.post(f"/releases/{made['release_id']}/rollout", json={"stage": "canary", "canary_group": "canary"}),
           "rollout canary")
    _check(editor.post(f"/releases/{made['release_id']}/rollout", json={"stage": "all"}), "rollout all")
    return {**made, "all_wall": time.time()}


def seed(url: str, kiosk_count: int, store_count: int) -> tuple[list[KioskSpec], dict]:
    """Stores, groups, library, release 1 and N enrolled kiosks, all through the API."""
    begun = time.monotonic()
    admin = login(url, *ADMIN)
    _check(admin.post("/users", json={"name": EDITOR[0], "password": EDITOR[1], "role": "editor"}), "POST /users")
    stores = [f"S{number:04d}" for number in range(1, store_count + 1)]
    for code in stores:
        _check(admin.post("/stores", json={"code": code, "name": f"Store {code}", "timezone": "Asia/Seoul"}),
               "POST /stores")
    regions = ["seoul", "busan", "daegu", "incheon"]
    for name in regions:
        _check(admin.post("/groups", json={"name": name, "kind": "region"}), "POST /groups")
    _check(admin.post("/groups", json={"name": "chain", "kind": "chain", "priority": 10}), "POST /groups")
    _check(admin.post("/groups", json={"name": "canary", "kind": "canary"}), "POST /groups")
    _check(admin.post("/groups/chain/stores", json={"stores": stores}), "POST /groups/chain/stores")
    _check(admin.post("/groups/canary/stores", json={"stores": stores[:1]}), "POST /groups/canary/stores")
    for index, name in enumerate(regions):
        members = stores[index::len(regions)]
        if members:
            _check(admin.post(f"/groups/{name}/stores", json={"stores": members}), "POST /groups/REGION/stores")
    editor = login(url, *EDITOR)
    for name, body in TEXT_ITEMS.items():
        _check(editor.post("/library", json={
            "name": name, "kind": "text", "title": body, "duration_s": 8.0, "tags": ["bench"],
            "valid_from": None, "valid_until": None, "age_restricted": False,
            "text": {"body": body, "background": "#202020", "foreground": "#ffffff"}}), "POST /library")
    first = publish_release(editor, ["text_welcome", "text_coffee"], "bench release 1")
    setup_s = time.monotonic() - begun
    kiosks, enrol_s = asyncio.run(_enrol_kiosks(url, admin.headers["Authorization"], stores, kiosk_count))
    admin.close()
    editor.close()
    return kiosks, {"setup_s": setup_s, "enrol_s": enrol_s, "release_1": first}


async def _enrol_kiosks(url: str, admin_auth: str, stores: list[str], count: int,
                        concurrency: int = 32) -> tuple[list[KioskSpec], float]:
    """POST /kiosks then POST /enrol for each kiosk, `concurrency` at a time."""
    import aiohttp

    begun = time.monotonic()
    kiosks: list[KioskSpec | None] = [None] * count
    queue: asyncio.Queue = asyncio.Queue()
    for index in range(count):
        queue.put_nowait(index)

    async def worker(session: aiohttp.ClientSession) -> None:
        while not queue.empty():
            index = queue.get_nowait()
            store = stores[index % len(stores)]
            for attempt in range(5):
                async with session.post(url + "/api/v1/kiosks", headers={"Authorization": admin_auth},
                                        json={"name": f"k{index:05d}", "store": store, "groups": []}) as reply:
                    made = await reply.json()
                    if reply.status == 201 or reply.status == 200:
                        break
                    if reply.status != 409:
                        raise SystemExit(f"seeding: POST /kiosks answered {reply.status}: {made}")
            async with session.post(url + "/api/v1/enrol",
                                    json={"code": made["enrol_code"], "hostname": f"kiosk-{index:05d}"}) as reply:
                enrolled = await reply.json()
                if reply.status >= 300:
                    raise SystemExit(f"seeding: POST /enrol answered {reply.status}: {enrolled}")
            kiosks[index] = KioskSpec(enrolled["kiosk_id"], enrolled["token"])

    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=120)) as session:
        await asyncio.gather(*(worker(session) for _ in range(concurrency)))
    return kiosks, time.monotonic() - begun


# -- the checks in PostgreSQL ---------------------------------------------------------------------


def count_stored(dsn: str, reports: list[dict]) -> dict:
    """Every recorded play and audience sample looked up by (kiosk_id, id), against what the kiosks recorded."""
    recorded = {k["kiosk_id"]: k for report in reports for k in report["kiosks"]}
    with psycopg.connect(dsn, autocommit=True) as db:
        db.execute("CREATE TEMP TABLE sent (kiosk_id BIGINT PRIMARY KEY, plays BIGINT, audience BIGINT)")
        with db.cursor().copy("COPY sent (kiosk_id, plays, audience) FROM STDIN") as copy:
            for kiosk_id, k in recorded.items():
                copy.write_row((kiosk_id, k["plays_recorded"], k["audience_recorded"]))
        result = {}
        for table, id_column, sent_column in (("plays", "play_id", "plays"), ("audience_samples", "sample_id", "audience")):
            # A row matches when its kiosk recorded that id; ids run 1..n per kiosk, so a
            # sent record is stored at most once (the primary key) and each missing one is lost.
            row = db.execute(
                f"SELECT count(*), count(*) FILTER (WHERE s.kiosk_id IS NOT NULL AND t.{id_column} BETWEEN 1 AND s.{sent_column}),"
                f" count(DISTINCT (t.kiosk_id, t.{id_column})) FROM {table} t LEFT JOIN sent s USING (kiosk_id)"
            ).fetchone()
            sent = sum(k[f"{sent_column}_recorded"] for k in recorded.values())
            result[table] = {"sent": sent, "stored": row[0], "matched": row[1], "lost": sent - row[1],
                             "duplicated": row[0] - row[1]}
        result["batches"] = db.execute("SELECT count(*), coalesce(sum(plays), 0) FROM telemetry_batches").fetchone()
    return result


def reset_statements(dsn: str) -> None:
    """Forget the statements of the seeding: the table shows the run's own."""
    with psycopg.connect(dsn, autocommit=True) as db:
        db.execute("SELECT pg_stat_statements_reset()")


def top_statements(dsn: str, limit: int = 12) -> list[tuple]:
    """(calls, total ms, mean ms, rows, query) of the statements PostgreSQL spent most time on."""
    with psycopg.connect(dsn, autocommit=True) as db:
        return db.execute(
            "SELECT calls, total_exec_time, mean_exec_time, rows, regexp_replace(query, '\\s+', ' ', 'g')"
            " FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())"
            " ORDER BY total_exec_time DESC LIMIT %s", (limit,)
        ).fetchall()


def pg_database_counters(dsn: str) -> dict:
    with psycopg.connect(dsn, autocommit=True) as db:
        row = db.execute("SELECT xact_commit, tup_inserted, blks_hit, blks_read FROM pg_stat_database"
                         " WHERE datname = current_database()").fetchone()
    return {"xact_commit": row[0], "tup_inserted": row[1], "blks_hit": row[2], "blks_read": row[3]}


def new_release_etag(dsn: str, release_id: int) -> str:
    with psycopg.connect(dsn, autocommit=True) as db:
        return db.execute("SELECT etag FROM releases WHERE release_id = %s", (release_id,)).fetchone()[0]


# -- the run ---------------------------------------------------------------------------------------


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile (`share` in 0..1) of `values`; NaN when empty."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def run(options: argparse.Namespace) -> int:
    work = Path(options.work) if options.work else Path(tempfile.mkdtemp(prefix="fleet-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    speed = options.speed
    run_s = options.minutes * 60
    poll_s, push_s = 60.0 / speed, 10.0 / speed
    store_count = options.stores or max(2, min(100, options.kiosks // 100))
    try:
        cluster, dsn = start_cluster(work / "pg")
    except BaseException:
        if not options.work:
            shutil.rmtree(work, ignore_errors=True)
        raise
    server = None
    try:
        settings = ServerSettings(dsn=dsn, content_dir=work / "content", pool_min=2, pool_max=options.pool_max)
        server = ServerProcess(settings, free_port(), options.workers, work / "server.log")
        server.start()
        print(f"fleet bench: PostgreSQL on port {cluster.port}, server {server.url} ({options.workers} workers);"
              f" seeding {options.kiosks:,} kiosks in {store_count} stores ...", file=sys.stderr, flush=True)
        kiosks, seeding = seed(server.url, options.kiosks, store_count)
        print(f"fleet bench: seeded in {seeding['setup_s'] + seeding['enrol_s']:.0f} s; running for"
              f" {run_s:.0f} s ...", file=sys.stderr, flush=True)

        reset_statements(dsn)
        start_wall = time.time() + 2.0
        offline = OfflinePlan(kiosk_id=kiosks[0].kiosk_id, back_at_wall=start_wall + BACK_AT * run_s)
        plan = SimPlan(api_url=server.url + "/api/v1", start_wall=start_wall, run_s=run_s, drain_s=options.drain_s,
                       poll_s=poll_s, push_s=push_s, backoff_first_s=5.0 / speed, backoff_max_s=300.0 / speed,
                       connections=options.connections, seed=options.seed, offline=offline)
        context = multiprocessing.get_context("spawn")
        rollout_wall = context.Value("d", 0.0, lock=False)
        pipes, processes = [], []
        for index in range(options.client_processes):
            receiver, sender = context.Pipe(duplex=False)
            process = context.Process(target=run_kiosks, args=(plan, kiosks[index::options.client_processes], sender, rollout_wall),
                                      name=f"kiosks-{index}")
            process.start()
            sender.close()
            pipes.append(receiver)
            processes.append(process)
        meter = CpuMeter(postmaster_pid(cluster), [p.pid for p in processes])

        events = {}
        steady_from, steady_until = start_wall + min(poll_s, 0.15 * run_s), start_wall + ROLLOUT_AT * run_s

        def wait_until(wall: float) -> None:
            time.sleep(max(0.0, wall - time.time()))

        wait_until(steady_from)
        cpu_first, pg_first = meter.sample(server.process.pid), pg_database_counters(dsn)
        wait_until(steady_until)
        cpu_last, pg_last = meter.sample(server.process.pid), pg_database_counters(dsn)
        events["steady"] = {"from": steady_from, "until": time.time()}
        editor = login(server.url, *EDITOR)
        events["rollout"] = publish_release(editor, ["text_welcome", "text_coffee", "text_winter_offer"],
                                            "bench release 2")
        rollout_wall.value = events["rollout"]["all_wall"]
        editor.close()
        if not options.no_kill:
            wait_until(start_wall + KILL_AT * run_s)
            killed_wall = time.time()
            server.kill()
            restart_s = server.start()
            events["kill"] = {"at": killed_wall, "down_s": time.time() - killed_wall, "restart_s": restart_s}
        # A second window after the kill, the catch-up and the rollout: the fleet as it runs on.
        late_from, late_until = start_wall + LATE_WINDOW[0] * run_s, start_wall + LATE_WINDOW[1] * run_s
        wait_until(late_from)
        late_cpu_first, late_pg_first = meter.sample(server.process.pid), pg_database_counters(dsn)
        wait_until(late_until)
        late_cpu_last, late_pg_last = meter.sample(server.process.pid), pg_database_counters(dsn)
        events["late"] = {"from": late_from, "until": time.time()}
        reports = [pipe.recv() for pipe in pipes]
        for process in processes:
            process.join()
        ended_wall = time.time()
        statements = top_statements(dsn)
        stored = count_stored(dsn, reports)
        stored["statements"] = statements
        etag = new_release_etag(dsn, events["rollout"]["release_id"])
        windows = {
            "steady": {"cpu": cpu_shares(cpu_first, cpu_last),
                       "pg": (pg_first, pg_last, cpu_last["wall"] - cpu_first["wall"]), **events["steady"]},
            "late": {"cpu": cpu_shares(late_cpu_first, late_cpu_last),
                     "pg": (late_pg_first, late_pg_last, late_cpu_last["wall"] - late_cpu_first["wall"]), **events["late"]},
        }
        print_results(options, plan, seeding, events, reports, stored, etag, windows, ended_wall, store_count)
        plays = stored["plays"]
        return 0 if plays["lost"] == 0 and plays["duplicated"] == 0 else 1
    finally:
        if server:
            server.stop()
        cluster.stop()
        if not options.keep and not options.work:
            shutil.rmtree(work, ignore_errors=True)
        elif options.keep:
            print(f"fleet bench: work folder kept: {work}", file=sys.stderr)


def statement_label(query: str) -> str:
    """A short name of a statement: what it does to which table."""
    import re

    if "telemetry_batches" in query and "kiosk_state" in query:
        return "a telemetry batch (one statement: state, batch, plays, audience)"
    words = query.split()
    verb = words[0].upper() if words else "?"
    tables = re.findall(r"\b(?:FROM|INTO|UPDATE|JOIN)\s+([a-z_]+)", query, flags=re.IGNORECASE)
    seen = list(dict.fromkeys(t for t in tables if t.lower() not in ("unnest", "state", "batch", "select")))
    label = f"{verb} {', '.join(seen[:4])}" if seen else query[:40]
    return label[:60]


def print_results(options, plan: SimPlan, seeding: dict, events: dict, reports: list[dict], stored: dict, etag: str,
                  windows: dict, ended_wall: float, store_count: int) -> None:
    """The settings, the table, and the last line with the counts."""
    n = options.kiosks
    cores = os.cpu_count() or 1
    offered = n / plan.poll_s + n / plan.push_s
    rows: list[tuple[str, str, str, str]] = []

    def row(measure: str, value: str, target: str = "", verdict: str = "") -> None:
        rows.append((measure, value, target, verdict))

    answered_per_ds: dict[int, int] = {}
    for report in reports:
        for tenth, count in report["answered_per_ds"].items():
            answered_per_ds[tenth] = answered_per_ds.get(tenth, 0) + count
    total_answered = sum(report["answered_http"] for report in reports)
    for window in windows.values():
        first = math.ceil(10 * (window["from"] - plan.start_wall))
        last = int(10 * (window["until"] - plan.start_wall))
        count = sum(answered_per_ds.get(t, 0) for t in range(first, last))
        window["rate"] = count / ((last - first) / 10) if last > first else float("nan")

    enrol_rate = 2 * n / seeding["enrol_s"]
    row("seeding", (f"setup {seeding['setup_s']:.1f} s; {n:,} kiosks created + enrolled through the API"
                    f" in {seeding['enrol_s']:.1f} s ({enrol_rate:.0f} req/s)"))
    row("requests offered", f"{offered:,.0f} req/s ({n / plan.poll_s:,.0f} polls + {n / plan.push_s:,.0f} pushes)")
    for name, window in windows.items():
        span = f"{window['from'] - plan.start_wall:.0f}-{window['until'] - plan.start_wall:.0f} s"
        row(f"requests answered, {name} window", f"{window['rate']:,.0f} req/s ({span})", f"{offered:,.0f} req/s",
            "kept up" if window["rate"] >= 0.97 * offered else "fell behind")
    whole = ended_wall - plan.start_wall
    row("requests answered, whole run",
        f"{total_answered:,} in {whole:.0f} s incl. drain ({total_answered / whole:,.0f} req/s)")
    minutes: dict[int, int] = {}
    for tenth, count in answered_per_ds.items():
        minutes[tenth // 600] = minutes.get(tenth // 600, 0) + count
    per_minute = " ".join(f"{minutes.get(m, 0) / 60:,.0f}" for m in range(max(minutes, default=-1) + 1))
    row("requests answered per minute of the run", per_minute + " req/s")
    for endpoint, label in (("release", "GET /kiosk/release"), ("telemetry", "POST /kiosk/telemetry")):
        latencies = [v for report in reports for v in report["latency_s"][endpoint]]
        statuses: dict = {}
        for report in reports:
            for status, count in report["statuses"][endpoint].items():
                statuses[status] = statuses.get(status, 0) + count
        ordered = sorted(statuses.items(), key=lambda item: (-item[1], str(item[0])))
        row(f"{label} p50 / p99", (f"{1000 * percentile(latencies, 0.5):.1f} / {1000 * percentile(latencies, 0.99):.1f} ms"
                                   f" over {len(latencies):,}"))
        row(f"{label} answers and errors", ", ".join(f"{status}: {count:,}" for status, count in ordered))
    lags = [v for report in reports for v in report["push_lag_s"]]
    late = sum(1 for v in lags if v > 1.0) / len(lags) if lags else float("nan")
    row("push start behind schedule p50 / p99 (server latency included)",
        f"{1000 * percentile(lags, 0.5):.0f} / {1000 * percentile(lags, 0.99):.0f} ms; {100 * late:.2f} % over 1 s",
        "", "on time" if late < 0.01 else "behind")
    loop_lags = [v for report in reports for v in report["loop_lag_s"]]
    row("client event loop lag p50 / p99 (the clients' own CPU)",
        f"{1000 * percentile(loop_lags, 0.5):.0f} / {1000 * percentile(loop_lags, 0.99):.0f} ms", "< 100 ms",
        "clients kept up" if percentile(loop_lags, 0.99) < 0.1 else "clients fell behind")
    client_cpu = sum(report["cpu_s"] for report in reports)
    row("client processes CPU, whole run", f"{client_cpu:.0f} s in {options.client_processes} processes")
    window_names = " / ".join(windows)
    for name in ("API workers", "PostgreSQL", "clients", "benchmark", "other processes"):
        shares = " / ".join(f"{w['cpu'][name]:.0f} %" for w in windows.values())
        row(f"CPU: {name}", f"{shares} of a core ({window_names} window)")
    row("CPU: machine", " / ".join(f"{w['cpu']['machine']:.0f} %" for w in windows.values()) + f" of {cores} cores")
    for name, window in windows.items():
        if not window["rate"] > 0:
            continue
        per_request = {part: 10 * window["cpu"][part] / window["rate"] for part in ("API workers", "PostgreSQL", "clients")}
        server_ms = per_request["API workers"] + per_request["PostgreSQL"]
        row(f"CPU per request answered, {name} window", ", ".join(f"{part} {ms:.2f} ms" for part, ms in per_request.items()))
        alone = cores * 1000 / server_ms
        shared = cores * 1000 / (server_ms + per_request["clients"])
        row(f"these cores at that cost ({name})",
            f"{alone:,.0f} req/s for API + PostgreSQL alone, {shared:,.0f} with the clients on the same cores",
            f"{offered:,.0f} req/s")
        pg_first, pg_last, pg_wall = window["pg"]
        commits = (pg_last["xact_commit"] - pg_first["xact_commit"]) / pg_wall
        inserted = (pg_last["tup_inserted"] - pg_first["tup_inserted"]) / pg_wall
        row(f"PostgreSQL, {name} window", f"{commits:,.0f} commits/s, {inserted:,.0f} rows inserted/s")

    plays, audience = stored["plays"], stored["audience_samples"]
    batches = stored["batches"][0]
    row("rows ingested", (f"{plays['stored']:,} plays, {audience['stored']:,} audience samples, {batches:,} batches"
                          f" ({plays['stored'] / plan.run_s:,.0f} plays/s over the run,"
                          f" {plays['stored'] / max(batches, 1):.1f} plays a batch)"))
    kiosk_rows = [k for report in reports for k in report["kiosks"]]
    duplicates = sum(k["duplicates"] for k in kiosk_rows)
    gaps = sum(k["gaps"] for k in kiosk_rows)
    still = sum(1 for k in kiosk_rows if k["spooled"])
    row("batches resent, answered 409 duplicate_batch", f"{duplicates:,} (sequence_gap: {gaps:,})")
    row("kiosks with records still spooled at the end", f"{still:,}", "0", "ok" if still == 0 else "FAILED")
    for label, counts in (("plays", plays), ("audience", audience)):
        row(f"{label}: sent / stored / lost / duplicated",
            f"{counts['sent']:,} / {counts['stored']:,} / {counts['lost']:,} / {counts['duplicated']:,}",
            "lost 0, dup 0", "ok" if counts["lost"] == 0 and counts["duplicated"] == 0 else "FAILED")
    if "kill" in events:
        kill = events["kill"]
        row("server SIGKILL at", f"{kill['at'] - plan.start_wall:.0f} s; back (health 200) after {kill['down_s']:.1f} s")
    offline_id = plan.offline.kiosk_id
    delays = []
    for k in kiosk_rows:
        if k["kiosk_id"] == offline_id:
            continue
        seen = [wall for wall, tag in k["releases_seen"] if tag == etag]
        delays.append(max(0.0, seen[0] - events["rollout"]["all_wall"]) if seen else math.inf)
    reached = sum(1 for d in delays if d < math.inf) / len(delays)
    p99 = percentile(delays, 0.99)
    p99_text = f"{p99:.1f} s" if p99 < math.inf else "not reached"
    row("rollout: 99 % of kiosks run release 2 after",
        (f"{p99_text} (median {percentile(delays, 0.5):.1f} s; {100 * reached:.1f} % reached it;"
         " counted when a poll returns its ETag)"),
        f"~{plan.poll_s:.0f} s (one poll)", "ok" if p99 <= plan.poll_s * 1.5 else "slow")
    offline_row = next(k for k in kiosk_rows if k["kiosk_id"] == offline_id)
    catch = offline_row["catch_up"]
    if catch and "done_wall" in catch:
        biggest_mib = offline_row["biggest_body"] / 1024 / 1024
        row("offline day: catch-up",
            (f"{catch['done_wall'] - catch['back_wall']:.1f} s for {catch['spooled_plays']:,} plays +"
             f" {catch['spooled_audience']:,} audience samples in {catch['batches']} batches"
             f" (largest {biggest_mib:.2f} MiB)"),
            "< 8 MiB a batch", "ok" if biggest_mib < 8 else "too big")
    else:
        row("offline day: catch-up", "not finished", "", "FAILED")
    by_label: dict[str, list] = {}
    for calls, total_ms, _, _, query in stored["statements"]:
        totals = by_label.setdefault(statement_label(query), [0, 0.0])
        totals[0] += calls
        totals[1] += total_ms
    for label, (calls, total_ms) in sorted(by_label.items(), key=lambda item: -item[1][1])[:4]:
        row(f"PostgreSQL time: {label}", f"{total_ms / 1000:.1f} s in {calls:,} calls ({total_ms / max(calls, 1):.2f} ms each)")
    print(f"\nsettings: {n:,} kiosks in {store_count} stores, {options.minutes:g} min, poll every {plan.poll_s:g} s,"
          f" push every {plan.push_s:g} s (speed x{options.speed:g}), {options.workers} API workers"
          f" (pool of {options.pool_max} connections each), {options.client_processes} client processes"
          f" ({options.connections} connections each), batches of at most {plan.batch_max_records} records;"
          f" RAM {ram_gib():.1f} GiB")
    print_table("Fleet benchmark", rows)
    print(f"kiosks {n}, plays sent {plays['sent']}, stored {plays['stored']}, lost {plays['lost']},"
          f" duplicated {plays['duplicated']}")


def main(argv: list[str] | None = None) -> int:
    return run(parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
