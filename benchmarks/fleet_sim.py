"""Simulated kiosks for the fleet benchmark: asyncio clients of the central server's kiosk API.

`run_kiosks(plan, kiosks, reply)` is the entry point of one client process
(multiprocessing): it runs every kiosk given to it in one asyncio loop over one aiohttp
session (a shared connection pool, as a reverse proxy in front of the server would hold
its upstream connections), and sends its measures back through `reply` when done.

Each simulated kiosk does what `signage sync` does (docs/fleet-api.md, "Kiosk endpoints"):

- It polls `GET /kiosk/release` with `If-None-Match` every `poll_s` (first poll at a random
  point of the first interval: a fleet does not start in step).
- Every `push_s` it records a few plays and one audience sample into its own spool, and
  sends the spool as a telemetry batch. A batch is formed when it is first sent, takes
  at most `batch_max_records` records, and its `seq` is fixed then: until the server
  answers 2xx or 409 `duplicate_batch` (both mean "stored"), the same bytes are sent again.
  Records that arrive meanwhile wait for the next batch, so after an outage the spool
  goes out in few big batches, not thousands of small ones.
- After a failure (refused connection, timeout, 5xx) it backs off as the sync client does:
  `backoff_first_s`, doubling up to `backoff_max_s`, with up to 20 % random jitter.

One kiosk may be `offline`: it starts with a simulated day of records already in its
spool (8,640 intervals of 10 s, dated over the 24 h before the run), keeps recording
while offline, and sends nothing until `back_at_wall`; the time it takes to empty its
spool after that is the catch-up time.

Times: requests are timed with the loop's monotonic clock; events that another process
must compare (a release first seen, a catch-up) are wall times (`time.time()`, one machine).
"""

from __future__ import annotations

import array
import asyncio
import collections
import json
import random
import time
from dataclasses import dataclass, field

__all__ = ["ENDPOINTS", "KioskSpec", "OfflinePlan", "SimPlan", "run_kiosks"]

ENDPOINTS = ("release", "telemetry")
DAY_TICKS = 8640  # intervals of 10 s in a day
_STATUS_STORED = {200, 201}


@dataclass(frozen=True)
class KioskSpec:
    """One enrolled kiosk: its id and token."""

    kiosk_id: int
    token: str


@dataclass(frozen=True)
class OfflinePlan:
    """The kiosk that was offline for a day, and when it comes back (wall time)."""

    kiosk_id: int
    back_at_wall: float
    day_ticks: int = DAY_TICKS
    day_tick_s: float = 10.0  # the simulated day's records are this far apart, whatever push_s is


@dataclass(frozen=True)
class SimPlan:
    """How the simulated kiosks behave; every process of a run gets the same plan."""

    api_url: str  # http://127.0.0.1:PORT/api/v1
    start_wall: float  # kiosks start (with their jitter) at this wall time
    run_s: float  # they record and poll until start_wall + run_s
    drain_s: float  # then keep sending until their spools are empty, at most this long
    poll_s: float = 60.0
    push_s: float = 10.0
    batch_max_records: int = 1000  # SyncSettings.batch_max_records
    backoff_first_s: float = 5.0
    backoff_max_s: float = 300.0  # SyncSettings.backoff_max_s
    connect_timeout_s: float = 5.0
    request_timeout_s: float = 30.0
    connections: int = 128  # the process's connection pool to the server (as a proxy's upstream pool)
    utc_offset_s: int = 32400  # the kiosks' local time is UTC+9
    seed: int = 13
    offline: OfflinePlan | None = None


@dataclass
class _Measures:
    """What one process measured; sent back to the benchmark as plain lists and dicts."""

    latency_s: dict = field(default_factory=lambda: {name: array.array("d") for name in ENDPOINTS})
    statuses: dict = field(default_factory=lambda: {name: collections.Counter() for name in ENDPOINTS})
    # Requests answered (any HTTP status) per tenth of a second of the run, for the achieved rate over time.
    answered_per_s: collections.Counter = field(default_factory=collections.Counter)
    # How late a push started against its schedule (only pushes not delayed by a backoff).
    push_lag_s: array.array = field(default_factory=lambda: array.array("d"))
    # How late the process's event loop ran a 0.25 s timer: the client's own CPU falling behind.
    loop_lag_s: array.array = field(default_factory=lambda: array.array("d"))
    answered_http: int = 0  # requests that got an HTTP answer (any status)
    bytes_sent: int = 0


# -- records --------------------------------------------------------------------------------

_ITEMS = (("text_welcome", "text", 8.0), ("snacks_chips", "image", 8.0), ("coffee_morning", "image", 6.0),
          ("drinks_evening", "video", 15.0))
_SEGMENTS = ("adult/casual", "young_adult/business", "teen/school_uniform", "senior/casual", None)


_second_texts: dict[int, str] = {}


def _local_text(wall: float, utc_offset_s: int) -> str:
    """The kiosk's naive local time as its SQLite stores it ('YYYY-MM-DD HH:MM:SS.ffffff').

    Formatting a datetime was the simulator's largest cost after aiohttp (a third of a
    push's CPU); thousands of kiosks share each second, so its text is kept."""
    local = wall + utc_offset_s
    second = int(local // 1)
    text = _second_texts.get(second)
    if text is None:
        if len(_second_texts) > 100_000:
            _second_texts.clear()
        text = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(second))
        _second_texts[second] = text
    return f"{text}.{min(999_999, int((local - second) * 1_000_000)):06d}"


def _counts(rng: random.Random, size: int) -> tuple[dict, dict]:
    if size == 0:
        return {}, {}
    return {"adult": size}, {"casual": max(0, size - 1), "business": min(1, size)}


class _Kiosk:
    """One simulated kiosk's spool, sequence and release state."""

    __slots__ = (
        "audience",
        "audience_acked",
        "audience_recorded",
        "batches_acked",
        "biggest_body",
        "catch_up",
        "duplicates",
        "etag",
        "gaps",
        "headers",
        "inflight",
        "last_poll_wall",
        "next_play_id",
        "next_sample_id",
        "next_seq",
        "next_tick_wall",
        "plays",
        "plays_acked",
        "plays_recorded",
        "releases_seen",
        "rng",
        "spec",
        "ticks_done",
    )

    def __init__(self, spec: KioskSpec, seed: int) -> None:
        self.spec = spec
        self.headers = {"Authorization": f"Bearer {spec.token}"}
        self.rng = random.Random(seed * 1_000_003 + spec.kiosk_id)
        self.next_play_id = 1
        self.next_sample_id = 1
        self.next_seq = 1
        self.plays: collections.deque = collections.deque()
        self.audience: collections.deque = collections.deque()
        self.inflight: tuple[int, bytes, int, int] | None = None  # seq, body, plays, audience
        self.plays_recorded = self.plays_acked = 0
        self.audience_recorded = self.audience_acked = 0
        self.batches_acked = self.duplicates = self.gaps = 0
        self.etag: str | None = None
        self.releases_seen: list[tuple[float, str]] = []  # (wall time, ETag) of every 200
        self.next_tick_wall = 0.0
        self.ticks_done = 0
        self.catch_up: dict | None = None
        self.biggest_body = 0
        self.last_poll_wall = 0.0  # when the last poll the server answered was sent

    def record_tick(self, end_wall: float, tick_s: float, utc_offset_s: int) -> None:
        """What the player recorded in the `tick_s` before `end_wall`: 1-3 plays, one audience sample."""
        rng = self.rng
        start = end_wall - tick_s
        for index in range(rng.randint(1, 3)):
            item, kind, planned = _ITEMS[rng.randrange(len(_ITEMS))]
            began = start + index * tick_s / 3
            size = rng.randint(0, 3)
            by_age, by_attire = _counts(rng, size)
            self.plays.append({
                "play_id": self.next_play_id,
                "started_at": _local_text(began, utc_offset_s),
                "ended_at": _local_text(began + min(planned, tick_s / 3), utc_offset_s),
                "playlist": "brand_loop", "item": item, "kind": kind,
                "rule": "evening_drinks" if item == "drinks_evening" else None,
                "planned_s": planned, "outcome": "played", "error": None,
                "reason": "rule evening_drinks matched" if item == "drinks_evening" else "default playlist",
                "signal": "ok", "group_size": size,
                "dominant_segment": _SEGMENTS[rng.randrange(len(_SEGMENTS))] if size else None,
                "confidence": round(rng.random(), 3), "counts_by_age_group": by_age, "counts_by_attire": by_attire,
            })
            self.next_play_id += 1
            self.plays_recorded += 1
        size = rng.randint(0, 3)
        by_age, by_attire = _counts(rng, size)
        self.audience.append({
            "sample_id": self.next_sample_id, "at": _local_text(end_wall, utc_offset_s), "signal": "ok",
            "group_size": size, "dominant_segment": _SEGMENTS[0] if size else None,
            "confidence": round(rng.random(), 3), "counts_by_age_group": by_age, "counts_by_attire": by_attire,
        })
        self.next_sample_id += 1
        self.audience_recorded += 1

    def form_batch(self, max_records: int, utc_offset_s: int) -> None:
        """Take the oldest spooled records (plays first: they are never dropped) into the next batch."""
        plays = [self.plays.popleft() for _ in range(min(len(self.plays), max_records))]
        room = max_records - len(plays)
        audience = [self.audience.popleft() for _ in range(min(len(self.audience), room))]
        body = json.dumps({"seq": self.next_seq, "sent_at": _local_text(time.time(), utc_offset_s),
                           "utc_offset_s": utc_offset_s, "plays": plays, "audience": audience},
                          separators=(",", ":")).encode()
        self.biggest_body = max(self.biggest_body, len(body))
        self.inflight = (self.next_seq, body, len(plays), len(audience))
        self.next_seq += 1

    @property
    def spooled(self) -> bool:
        return bool(self.inflight or self.plays or self.audience)


# -- the loops ------------------------------------------------------------------------------


class _Fleet:
    def __init__(self, plan: SimPlan, kiosks: list[KioskSpec], rollout_wall=None) -> None:
        self.plan = plan
        self.rollout_wall = rollout_wall  # a shared double: when the benchmark rolled out (0 until then)
        self.kiosks = [_Kiosk(spec, plan.seed) for spec in kiosks]
        self.measures = _Measures()
        self.stop_wall = plan.start_wall + plan.run_s
        self.drain_deadline_wall = self.stop_wall + plan.drain_s
        self.session = None
        self.loop = None

    def _backoff(self, kiosk: _Kiosk, failures: int) -> float:
        if time.time() >= self.stop_wall:
            # The drain after the run is the benchmark's, not the sync client's: every
            # kiosk retries at the first step, so the spools are empty within --drain-s.
            failures = 1
        delay = min(self.plan.backoff_first_s * 2 ** (failures - 1), self.plan.backoff_max_s)
        return delay * (1 + 0.2 * kiosk.rng.random())

    async def _request(self, endpoint: str, method: str, url: str, **kwargs) -> tuple[int | str, bytes, dict]:
        """One request: (status or the error's class name, body, headers); timed and counted."""
        import aiohttp

        begun = self.loop.time()
        try:
            async with self.session.request(method, url, **kwargs) as reply:
                body = await reply.read()
                status: int | str = reply.status
                headers = reply.headers
        except (TimeoutError, aiohttp.ClientError, OSError) as error:
            status, body, headers = type(error).__name__, b"", {}
        elapsed = self.loop.time() - begun
        measures = self.measures
        measures.statuses[endpoint][status] += 1
        if isinstance(status, int):
            measures.answered_per_s[int(10 * (time.time() - self.plan.start_wall))] += 1
            measures.answered_http += 1
            measures.latency_s[endpoint].append(elapsed)
        return status, body, headers

    async def push_loop(self, kiosk: _Kiosk) -> None:
        plan = self.plan
        offline = plan.offline if plan.offline and plan.offline.kiosk_id == kiosk.spec.kiosk_id else None
        kiosk.next_tick_wall = plan.start_wall + kiosk.rng.random() * plan.push_s
        if offline:
            # The day it was offline: its records are dated over the 24 h before the run.
            day_end = plan.start_wall
            for tick in range(offline.day_ticks):
                kiosk.record_tick(day_end - (offline.day_ticks - 1 - tick) * offline.day_tick_s,
                                  offline.day_tick_s, plan.utc_offset_s)
            day = {"plays": kiosk.plays_recorded, "audience": kiosk.audience_recorded}
        url = plan.api_url + "/kiosk/telemetry"
        headers = {**kiosk.headers, "Content-Type": "application/json"}
        failures = 0
        wake_wall = kiosk.next_tick_wall
        while True:
            await self._sleep_until(wake_wall)
            now = time.time()
            if not failures and now < self.stop_wall and not offline:
                self.measures.push_lag_s.append(max(0.0, now - kiosk.next_tick_wall))
            # Record every interval that has passed (several after a backoff), up to the end of the run.
            while kiosk.next_tick_wall <= min(now, self.stop_wall):
                kiosk.record_tick(kiosk.next_tick_wall, plan.push_s, plan.utc_offset_s)
                kiosk.ticks_done += 1
                kiosk.next_tick_wall += plan.push_s
            if offline and now < offline.back_at_wall:
                wake_wall = offline.back_at_wall
                continue
            if offline and kiosk.catch_up is None:
                kiosk.catch_up = {"back_wall": now, "day_plays": day["plays"], "day_audience": day["audience"],
                                  "spooled_plays": len(kiosk.plays), "spooled_audience": len(kiosk.audience),
                                  "batches": 0}
            # Send until the spool is empty (a catch-up sends its batches back to back).
            while kiosk.spooled:
                if kiosk.inflight is None:
                    kiosk.form_batch(plan.batch_max_records, plan.utc_offset_s)
                _, body, n_plays, n_audience = kiosk.inflight
                status, reply, _ = await self._request("telemetry", "POST", url, data=body, headers=headers)
                self.measures.bytes_sent += len(body)
                stored = status in _STATUS_STORED
                if status == 409:
                    code = _error_code(reply)
                    if code == "duplicate_batch":
                        kiosk.duplicates += 1  # stored before: its reply was lost (a restart)
                        stored = True
                    elif code == "sequence_gap":
                        kiosk.gaps += 1  # the server lost batches; renumber from where it is
                        next_seq = _error_field(reply, "next_seq")
                        if isinstance(next_seq, int):
                            kiosk.next_seq = next_seq
                            kiosk.inflight = None
                            kiosk.plays.extendleft(reversed(json.loads(body)["plays"]))
                            kiosk.audience.extendleft(reversed(json.loads(body)["audience"]))
                            continue
                if stored:
                    kiosk.inflight = None
                    kiosk.plays_acked += n_plays
                    kiosk.audience_acked += n_audience
                    kiosk.batches_acked += 1
                    failures = 0
                    if kiosk.catch_up is not None and "done_wall" not in kiosk.catch_up:
                        kiosk.catch_up["batches"] += 1
                    continue
                failures += 1
                break
            if offline and kiosk.catch_up is not None and not kiosk.spooled and "done_wall" not in kiosk.catch_up:
                kiosk.catch_up["done_wall"] = time.time()
                offline = None  # from now on an ordinary kiosk
            now = time.time()
            if now >= self.stop_wall and not kiosk.spooled:
                return
            if now >= self.drain_deadline_wall:
                return
            if failures:
                wake_wall = now + self._backoff(kiosk, failures)
            elif now >= self.stop_wall:
                wake_wall = now
            else:
                wake_wall = kiosk.next_tick_wall

    async def poll_loop(self, kiosk: _Kiosk) -> None:
        plan = self.plan
        url = plan.api_url + "/kiosk/release"
        wake_wall = plan.start_wall + kiosk.rng.random() * plan.poll_s
        if plan.offline and plan.offline.kiosk_id == kiosk.spec.kiosk_id:
            wake_wall = max(wake_wall, plan.offline.back_at_wall)
        failures = 0
        while True:
            await self._sleep_until(wake_wall)
            now = time.time()
            if now >= self.stop_wall and (now >= self.drain_deadline_wall or self._polled_since_rollout(kiosk)):
                return
            headers = dict(kiosk.headers)
            if kiosk.etag:
                headers["If-None-Match"] = kiosk.etag
            sent_wall = time.time()
            status, _, reply_headers = await self._request("release", "GET", url, headers=headers)
            if isinstance(status, int):
                kiosk.last_poll_wall = sent_wall
            if status == 200:
                kiosk.etag = reply_headers.get("ETag")
                kiosk.releases_seen.append((time.time(), kiosk.etag))
            if isinstance(status, int) and status < 500:
                failures = 0
                wake_wall += plan.poll_s
                wake_wall = max(wake_wall, time.time())
            else:
                failures += 1
                wake_wall = time.time() + self._backoff(kiosk, failures)

    async def _sleep_until(self, wake_wall: float) -> None:
        """Sleep until `wake_wall`; a wait that would pass the end of the run or of the drain wakes there."""
        now = time.time()
        if wake_wall > now:
            cut = self.stop_wall if now < self.stop_wall else self.drain_deadline_wall
            await asyncio.sleep(max(0.0, min(wake_wall, cut) - now))

    def _polled_since_rollout(self, kiosk: _Kiosk) -> bool:
        """Whether the kiosk's last answered poll was sent after the rollout (so it runs what is out).

        A run shorter than the rollout plus a poll round polls on past its end (only polls;
        nothing more is recorded) until every kiosk has seen the rollout through."""
        if self.rollout_wall is None:
            return True  # nobody rolls out: nothing to wait for
        rollout = self.rollout_wall.value
        return 0.0 < rollout < kiosk.last_poll_wall

    async def loop_lag(self) -> None:
        """Every 0.25 s, how late the loop woke (the clients' own saturation, server latency aside)."""
        period = 0.25
        while time.time() < self.stop_wall:
            begun = self.loop.time()
            await asyncio.sleep(period)
            self.measures.loop_lag_s.append(max(0.0, self.loop.time() - begun - period))

    async def run(self) -> None:
        import aiohttp

        self.loop = asyncio.get_running_loop()
        # sock_connect, not connect: aiohttp's `connect` also counts the wait for a free
        # connection of the pool, which would turn a busy server into refused connections.
        # A request waits for the pool within its total time, as behind a proxy's upstream pool.
        timeout = aiohttp.ClientTimeout(total=self.plan.request_timeout_s, sock_connect=self.plan.connect_timeout_s)
        connector = aiohttp.TCPConnector(limit=self.plan.connections, keepalive_timeout=30)
        async with aiohttp.ClientSession(timeout=timeout, connector=connector) as session:
            self.session = session
            tasks = [self.loop.create_task(loop(kiosk)) for kiosk in self.kiosks
                     for loop in (self.push_loop, self.poll_loop)]
            tasks.append(self.loop.create_task(self.loop_lag()))
            await asyncio.gather(*tasks)

    def report(self, cpu_s: float) -> dict:
        measures = self.measures
        return {
            "latency_s": {name: list(values) for name, values in measures.latency_s.items()},
            "statuses": {name: dict(counter) for name, counter in measures.statuses.items()},
            "answered_per_ds": dict(measures.answered_per_s),
            "answered_http": measures.answered_http,
            "push_lag_s": list(measures.push_lag_s),
            "loop_lag_s": list(measures.loop_lag_s),
            "bytes_sent": measures.bytes_sent,
            "cpu_s": cpu_s,
            "kiosks": [
                {"kiosk_id": k.spec.kiosk_id, "plays_recorded": k.plays_recorded, "plays_acked": k.plays_acked,
                 "audience_recorded": k.audience_recorded, "audience_acked": k.audience_acked,
                 "batches_acked": k.batches_acked, "last_seq": k.next_seq - 1, "duplicates": k.duplicates,
                 "gaps": k.gaps, "spooled": k.spooled, "releases_seen": k.releases_seen,
                 "catch_up": k.catch_up, "biggest_body": k.biggest_body}
                for k in self.kiosks
            ],
        }


def _error_body(reply: bytes) -> dict:
    try:
        body = json.loads(reply)
    except ValueError:
        return {}
    error = body.get("error") if isinstance(body, dict) else None
    return error if isinstance(error, dict) else {}


def _error_code(reply: bytes) -> str | None:
    return _error_body(reply).get("code")


def _error_field(reply: bytes, name: str):
    return _error_body(reply).get(name)


def run_kiosks(plan: SimPlan, kiosks: list[KioskSpec], reply, rollout_wall=None) -> None:
    """One client process: run `kiosks` to the end of the plan, send the measures through `reply`.

    `rollout_wall` (a multiprocessing.Value('d')) is set by the benchmark when it rolls a
    release out; polls go on after the run until each kiosk has polled once since then."""
    try:
        import uvloop

        uvloop.install()
    except ImportError:
        pass  # the standard loop works too, with more CPU per request
    fleet = _Fleet(plan, kiosks, rollout_wall)
    cpu_before = time.process_time()
    asyncio.run(fleet.run())
    reply.send(fleet.report(time.process_time() - cpu_before))
    reply.close()
