"""Kiosk player benchmarks: switch latency, playback while the audience engine runs, memory.

    .venv/bin/python benchmarks/player_bench.py [--memory-minutes 20] [--skip-memory] [--only switch/playback/memory]

Runs the real player (window offscreen at 1920x1080, QtMultimedia decoding, the real
audience engine) on the sample ads plus a 1080p30 clip drawn here. Gaps between items
are measured by benchmarks/player_gap_bench.py.

* **switch latency**: from the snapshot whose decision the stability rules act on at
  once (a confirmed audience change interrupting the default playlist) to the first
  picture of the new playlist on screen; goal under 300 ms;
* **playback with the engine**: a 1080p30 video playlist on screen while the audience
  engine analyses a 720p clip at its real speed on the other thread; counts the video
  frames painted against the frames in the file (goal: none dropped) and the CPU used;
* **memory**: the playlist cycling continuously through images, slides and videos with
  short display times (accelerated: about 8 times as many item changes per hour as a
  real playlist); RSS growth per hour of this run after a warm-up, goal under 5 MB.
  The RSS swings by about 30 MB within each cycle of the playlist (a 1080p video open
  or not), so the growth is fitted to the RSS read at the same point of every cycle (the
  start of its first item, about 1,000 readings an hour); a fit to readings every 10 s
  is shown too, but that swing makes it uncertain by about +-12 MB per hour over 20
  minutes (one standard error, measured before the surface trimmed its heap).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.*=false")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import cv2
import numpy as np

from benchmarks.report import print_table

FPS_1080P = 30.0
RULES = """\
default_playlist: {default}
playlists:
  - name: brand
    items: [{{content: brand_welcome, duration_s: 60}}]
  - name: snacks
    items: [{{content: snacks_chips, duration_s: 1}}]
  - name: finance
    items: [{{content: finance_markets, duration_s: 1}}, {{content: finance_headlines, duration_s: 1}}]
  - name: hd
    items: [{{content: hd_clip}}, {{content: hd_clip_b}}]
  - name: cycle
    items: [{{content: brand_welcome, duration_s: {image_s}}}, {{content: hd_clip, duration_s: {video_s}}},
            {{content: finance_headlines, duration_s: {image_s}}}, {{content: snacks_candy, duration_s: {video_s}}},
            {{content: drinks_coffee, duration_s: {image_s}}}]
rules:
  - {{name: students, playlist: snacks, priority: 50, when: {{age_groups: [teen]}}}}
  - {{name: suits, playlist: finance, priority: 50, when: {{attire: [business]}}}}
"""


def rss_mb() -> float:
    """Resident memory of this process (Linux)."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def write_hd_clip(path: Path, seconds: float, seed: int) -> None:
    """A 1920x1080 30 fps clip with a moving pattern (every frame differs)."""
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"mp4v"), FPS_1080P, (1920, 1080))
    rng = np.random.default_rng(seed)
    base = rng.integers(0, 255, (1080 // 8, 1920 // 8, 3), dtype=np.uint8)
    base = cv2.resize(base, (1920, 1080), interpolation=cv2.INTER_LINEAR)
    for index in range(int(seconds * FPS_1080P)):
        frame = np.roll(base, index * 12, axis=1)
        cv2.putText(frame, f"{index:04d}", (80, 200), cv2.FONT_HERSHEY_SIMPLEX, 5, (255, 255, 255), 10)
        writer.write(frame)
    writer.release()


def make_database(folder: Path, default: str, image_s: float = 0.3, video_s: float = 1.5) -> Path:
    """Sample ads, two 1080p30 clips and the benchmark's rules (playing `default` when
    no rule matches) in a fresh database in `folder`/`default`."""
    from content.catalog import ContentLibrary
    from foundation.db import open_database
    from content.samples import build_sample_content
    from playlists.store import PlaylistStore
    from playlists.yaml_io import parse_document

    (folder / default).mkdir()
    db_path = folder / default / "signage.db"
    db = open_database(db_path)
    library = ContentLibrary(db)
    build_sample_content(folder / "media", library)
    for name, seed in (("hd_clip", 1), ("hd_clip_b", 2)):
        clip = folder / f"{name}.mp4"
        if not clip.exists():
            write_hd_clip(clip, 8.0, seed)
        library.add_file(str(clip), name=name)
    text = RULES.format(default=default, image_s=image_s, video_s=video_s)
    PlaylistStore(db).replace_all(parse_document(text, "bench", known_content=library.items_by_name()), author="bench")
    db.close()
    return db_path


class Bench:
    """A live player on a 1920x1080 offscreen window, the audience fed by the caller."""

    def __init__(self, db_path: Path, stability=None, **player) -> None:
        from foundation.db import open_database
        from playlists.stability import StabilitySettings
        from signage.config import SignageConfig
        from foundation.clock import SystemClock
        from signage.player.controller import PlayerController
        from signage.player.settings import PlayerSettings
        from signage.player.window import PlayerWindow

        settings = PlayerSettings(camera="none", fullscreen=False, **player)
        stability = stability or StabilitySettings(min_display_s=1.0, confirm_s=0.5, confirm_share=0.6)
        self.config = SignageConfig(stability=stability, player=settings)
        self.db = open_database(db_path)
        self.window = PlayerWindow(settings)
        self.window.resize(1920, 1080)
        self.window.show()
        self.controller = PlayerController(self.db, self.config, self.window.surface, SystemClock())

    def close(self) -> None:
        self.controller.finish()
        self.window.close()
        self.db.close()


def wait(app, seconds: float) -> None:
    """Run the event loop for `seconds`."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.001)


def snapshot_of(*visitors):
    from audience.engine import build_snapshot
    from audience.types import SignalState, TimeContext

    return build_snapshot(0.0, TimeContext.of(dt.datetime.now()), SignalState.OK, tuple(visitors), 0)


def bench_switch_latency(app, db_path: Path, switches: int = 12) -> list[dict]:
    """Latency from the acting snapshot to the new playlist's first picture."""
    from audience.types import AgeGroup, Attire, Gender, Visitor

    def visitor(age_group, attire):
        return Visitor(
            track_id=1, xyxy=(0, 0, 80, 80), first_seen_ts=0, last_seen_ts=3, dwell_s=3, attention_s=1,
            age_group=age_group, age_group_confidence=0.9, age_group_probabilities={age_group.value: 0.9},
            age_years=40.0, gender=Gender.MALE, gender_confidence=0.8, attire=attire, attire_confidence=0.9,
            face_samples=5,
        )

    teen = visitor(AgeGroup.TEEN, Attire.SCHOOL_UNIFORM)
    suit = visitor(AgeGroup.ADULT, Attire.BUSINESS)
    bench = Bench(db_path)
    results = {"image first (snacks)": [], "video first (finance)": []}
    surface = bench.window.surface
    for index in range(switches):
        who, kind = (teen, "image first (snacks)") if index % 2 == 0 else (suit, "video first (finance)")
        # Nobody for a while: back on the default playlist.
        for _ in range(30):
            bench.controller.on_snapshot(snapshot_of())
            wait(app, 0.1)
        before = len(bench.controller.switched_at)
        for _ in range(20):
            bench.controller.on_snapshot(snapshot_of(who))
            wait(app, 0.1)
            if len(bench.controller.switched_at) > before:
                break
        decided_ns, token = bench.controller.switched_at[before]
        wait(app, 0.5)
        shown = [ns for t, ns in list(surface.presented) if t == token]
        if shown:
            results[kind].append((shown[0] - decided_ns) / 1e6)
    bench.close()
    rows = []
    for kind, values in results.items():
        value = f"median {statistics.median(values):.1f} ms, max {max(values):.1f} ms (n={len(values)})" if values else "none measured"
        rows.append((f"switch to a playlist, {kind}", value, "< 300 ms", _verdict(bool(values) and max(values) < 300)))
    return rows


def _verdict(met: bool) -> str:
    return "met" if met else "MISSED"


def bench_playback_with_engine(app, db_path: Path, seconds: float = 40.0) -> list[dict]:
    """1080p30 videos on screen while the engine analyses a 720p clip in real time."""
    from audience.engine import AudienceEngine
    from audience.sources import open_source
    from signage.cli_audience import ensure_demo_clip
    from foundation.clock import VideoClock
    from signage.player.audience_worker import AudienceWorker

    clip = ensure_demo_clip(40)
    bench = Bench(db_path)  # its default playlist is the two HD clips
    start = dt.datetime(2026, 11, 23, 12, 0)
    worker = AudienceWorker(
        lambda: AudienceEngine(bench.config.audience, VideoClock(start)),
        lambda: open_source(str(clip)),
        source_name=clip.name,
        latest_only=True,
        pace_realtime=True,
    )
    frames = []
    # The snapshots are counted, not acted on: the HD playlist must keep playing.
    worker.snapshot_ready.connect(lambda: frames.extend(worker.take()))
    worker.start()
    # Count from the first snapshot on: loading the models is start-up, not steady playback.
    while not frames and worker.is_running:
        wait(app, 0.05)
    engine_ready_ns = time.perf_counter_ns()
    cpu0, wall0 = time.process_time(), time.perf_counter()
    wait(app, seconds)
    cpu = time.process_time() - cpu0
    wall = time.perf_counter() - wall0
    worker.stop()
    status = worker.status
    surface = bench.window.surface
    presented = list(surface.presented)
    from playlists.proof_of_play import ProofOfPlay

    plays = [p for p in ProofOfPlay(bench.db).plays() if p.item.startswith("hd_clip") and p.outcome is not None]
    bench.close()
    painted_by_token: dict[int, int] = {}
    first_ns: dict[int, int] = {}
    for token, ns in presented:
        painted_by_token[token] = painted_by_token.get(token, 0) + 1
        first_ns.setdefault(token, ns)
    # Complete video plays that started once the engine was running: those with more
    # than a second of frames, all but the last (cut off by the end of the run).
    counts = [(t, c) for t, c in sorted(painted_by_token.items()) if first_ns[t] >= engine_ready_ns]
    complete = [count for _, count in counts if count > FPS_1080P][:-1] if len(counts) > 1 else []
    expected = int(8.0 * FPS_1080P)
    dropped = sum(max(0, expected - count) for count in complete)
    played = sum(1 for p in plays if p.outcome.value == "played")
    return [
        ("1080p30 clips played through (proof of play: played)", f"{len(complete)} ({played})", "", ""),
        (f"frames painted per play (file has {expected})", ", ".join(str(c) for c in complete) or "-", "", ""),
        ("dropped video frames", str(dropped), "0", _verdict(bool(complete) and dropped == 0)),
        ("audience engine on the 720p25 clip, paced", f"{status.analysis_fps:.1f} fps, {len(frames)} snapshots", "25 fps", _verdict(status.analysis_fps >= 24)),
        ("process CPU (player + engine)", f"{100 * cpu / wall:.0f}% of one core, {100 * cpu / wall / os.cpu_count():.0f}% of the machine", "", ""),
    ]


def bench_memory(app, db_path: Path, minutes: float, warm_up_s: float = 120.0) -> list[dict]:
    """RSS while the cycle playlist loops (accelerated item changes)."""
    bench = Bench(db_path)  # its default playlist is the cycle
    samples = []
    cycle_starts = []  # (s, RSS) when the cycle's first item starts

    def on_started(_token: int) -> None:
        current = bench.controller.schedule.current
        if current is not None and current.name == "brand_welcome":
            cycle_starts.append((time.perf_counter() - start, rss_mb()))

    bench.window.surface.item_started.connect(on_started)
    start = time.perf_counter()
    next_sample = start
    end = start + minutes * 60
    while time.perf_counter() < end:
        bench.controller.on_snapshot(snapshot_of())
        wait(app, 0.5)
        if time.perf_counter() >= next_sample:
            samples.append((time.perf_counter() - start, rss_mb()))
            next_sample += 10.0
    items = bench.controller.stats.outcomes.get("played", 0)
    failures = bench.controller.stats.outcomes.get("failed", 0)
    bench.window.surface.item_started.disconnect(on_started)
    bench.close()
    warm = [(t, m) for t, m in samples if t >= warm_up_s] or samples
    warm_cycles = [(t, m) for t, m in cycle_starts if t >= warm_up_s]
    slope, slope_all = _mb_per_hour(warm_cycles), _mb_per_hour(warm)
    low, high = min(m for _, m in warm), max(m for _, m in warm)
    return [
        ("run", f"{minutes:g} min, {items} items played, {failures} failed", "", ""),
        ("item changes per hour (a real playlist: about 500)", f"{items / (minutes / 60):.0f}", "", ""),
        (f"RSS after the {warm_up_s / 60:g} min warm-up / at the end", f"{warm[0][1]:.1f} MB / {samples[-1][1]:.1f} MB", "", ""),
        ("RSS range after the warm-up (every 10 s)", f"{low:.1f} - {high:.1f} MB", "", ""),
        ("RSS growth, fit to every 10 s (+-12 MB/h: the swing)", f"{slope_all:+.2f} MB per hour", "", ""),
        (
            f"RSS growth, fit at each cycle's start (n={len(warm_cycles)})",
            f"{slope:+.2f} MB per hour",
            "< 5 MB per hour",
            _verdict(slope < 5),
        ),
    ]


def _mb_per_hour(samples: list[tuple[float, float]]) -> float:
    """Slope of a least-squares line through (seconds, MB) samples, in MB per hour."""
    if len(samples) < 3:
        return float("nan")
    times = np.array([t for t, _ in samples]) / 3600.0
    return float(np.polyfit(times, np.array([m for _, m in samples]), 1)[0])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--memory-minutes", type=float, default=20.0, help="length of the memory run")
    parser.add_argument("--skip-memory", action="store_true", help="skip the memory run")
    parser.add_argument("--only", choices=("switch", "playback", "memory"), help="run one benchmark")
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if args.only in (None, "switch"):
            print_table(
                "switch latency (snapshot acted on -> first picture of the new playlist)",
                bench_switch_latency(app, make_database(folder, "brand")),
            )
        if args.only in (None, "playback"):
            print_table(
                "playback while the audience engine runs", bench_playback_with_engine(app, make_database(folder, "hd"))
            )
        if args.only == "memory" or (args.only is None and not args.skip_memory):
            print_table(
                f"memory over {args.memory_minutes:g} min of continuous cycling",
                bench_memory(app, make_database(folder, "cycle"), args.memory_minutes),
            )


if __name__ == "__main__":
    main()
