"""Player gap benchmark: the time between the last picture of one item and the first of
the next on the media surface, dropped video frames, and CPU use while playing.

    .venv/bin/python benchmarks/player_gap_bench.py                # 5 rounds, about 75 s
    .venv/bin/python benchmarks/player_gap_bench.py --rounds 20    # longer; RSS shows growth

A 1920x1080 `MediaSurface` (offscreen unless QT_QPA_PLATFORM says otherwise) plays the
sample ads as the player does: the next item is prepared 1 s before the current one
ends, images show for 2 s, videos until `video_finished`. Each round plays image, video,
video, so each transition (image->video, video->video, video->image) occurs once a round.

The gap is raw: from the outgoing item's last new picture (for an image, the moment
show_item is called: an image has no later picture) to the incoming item's first. After
a video that includes its last frame's own display time, one frame period (40 ms at
25 fps): a seamless cut between two 25 fps videos measures 40 ms, so the table also
gives the gap beyond that period.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from report import machine, print_table

from content.catalog import ContentLibrary
from foundation.db import open_database
from content.model import ContentItem, ContentKind
from content.samples import VIDEO_FPS, build_sample_content

IMAGE_SHOWN_S = 2.0
PREPARE_AHEAD_S = 1.0
GAP_GOAL_MS = 40.0
SCREEN_PX = (1920, 1080)


@dataclass
class Run:
    """What one playback run recorded."""

    items: list[ContentItem]
    switch_ns: dict[int, int] = field(default_factory=dict)  # token -> when show_item was called
    ready_at_switch: dict[int, bool] = field(default_factory=dict)  # token -> prepared and ready then
    failures: list[str] = field(default_factory=list)
    presented: list[tuple[int | None, int]] = field(default_factory=list)
    wall_s: float = 0.0
    cpu_s: float = 0.0
    rss_start_mb: float = 0.0
    rss_end_mb: float = 0.0
    rss_at_start_mb: list[float] = field(default_factory=list)  # at each item's start, to see growth
    finished: bool = False


def play(items: list[ContentItem]) -> Run:
    """Play `items` once on a full-HD surface, driven like the player drives it."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from signage.player.surface import MediaSurface

    app = QApplication.instance() or QApplication(sys.argv[:1])
    surface = MediaSurface()
    surface.resize(*SCREEN_PX)
    surface.show()
    run = Run(items)
    prepare_timer, advance_timer, give_up = QTimer(), QTimer(), QTimer()
    for timer in (prepare_timer, advance_timer, give_up):
        timer.setSingleShot(True)
    state = {"index": -1}

    def token_of(index: int) -> int:
        return index + 1

    def show(index: int) -> None:
        state["index"] = index
        token = token_of(index)
        run.ready_at_switch[token] = surface.is_ready(token)
        run.switch_ns[token] = time.perf_counter_ns()
        surface.show_item(token, items[index])

    def advance() -> None:
        prepare_timer.stop()
        advance_timer.stop()
        if state["index"] + 1 < len(items):
            show(state["index"] + 1)
        else:
            run.finished = True
            app.quit()

    def prepare_next() -> None:
        following = state["index"] + 1
        if following < len(items):
            surface.prepare(token_of(following), items[following])

    def started(token: int) -> None:
        run.rss_at_start_mb.append(rss_mb())
        item = items[token - 1]
        if item.kind is ContentKind.VIDEO:
            prepare_timer.start(round((item.duration_s - PREPARE_AHEAD_S) * 1000))
        else:
            prepare_timer.start(round((IMAGE_SHOWN_S - PREPARE_AHEAD_S) * 1000))
            advance_timer.start(round(IMAGE_SHOWN_S * 1000))

    def finished(token: int) -> None:
        if token == token_of(state["index"]):
            advance()

    def failed(token: int, reason: str) -> None:
        run.failures.append(reason)
        if token == token_of(state["index"]):
            advance()

    prepare_timer.timeout.connect(prepare_next)
    advance_timer.timeout.connect(advance)
    give_up.timeout.connect(app.quit)
    surface.item_started.connect(started)
    surface.video_finished.connect(finished)
    surface.item_failed.connect(failed)
    expected_s = sum(item.duration_s if item.kind is ContentKind.VIDEO else IMAGE_SHOWN_S for item in items)
    give_up.start(round((expected_s * 2 + 10) * 1000))

    app.processEvents()  # the window is exposed before the clock starts
    run.rss_start_mb = rss_mb()
    wall, cpu = time.perf_counter(), time.process_time()
    QTimer.singleShot(0, lambda: show(0))
    app.exec()
    run.wall_s, run.cpu_s = time.perf_counter() - wall, time.process_time() - cpu
    run.rss_end_mb = rss_mb()
    for timer in (prepare_timer, advance_timer, give_up):
        timer.stop()
    run.presented = list(surface.presented)
    surface.shutdown()
    surface.close()
    return run


def rss_mb() -> float:
    """This process's resident memory now (Linux), in MB."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def sequence(samples: dict[str, ContentItem], rounds: int) -> list[ContentItem]:
    """Rounds of image, video, video, and a last image: each transition `rounds` times."""
    images = [samples[name] for name in ("brand_welcome", "snacks_chips", "drinks_energy", "lunch_bento", "seniors_tea")]
    videos = [samples[name] for name in ("brand_loop", "snacks_candy", "finance_markets", "lunch_deals")]
    items = []
    for k in range(rounds):
        items += [images[k % len(images)], videos[(2 * k) % len(videos)], videos[(2 * k + 1) % len(videos)]]
    return [*items, images[rounds % len(images)]]


def gaps_ms(run: Run) -> dict[str, list[tuple[float, float]]]:
    """Per transition: (raw gap, switch latency) in ms, from the surface's `presented` log."""
    by_token: dict[int, list[int]] = {}
    for token, ns in run.presented:
        if token is not None:
            by_token.setdefault(token, []).append(ns)
    result: dict[str, list[tuple[float, float]]] = {}
    for index in range(1, len(run.items)):
        outgoing, incoming = index, index + 1  # tokens
        if incoming not in by_token or outgoing not in by_token:
            continue  # a failed item: counted among the failures
        first_in = by_token[incoming][0]
        switch = run.switch_ns[incoming]
        out_kind = run.items[outgoing - 1].kind
        end_out = by_token[outgoing][-1] if out_kind is ContentKind.VIDEO else switch
        name = f"{out_kind.value}->{run.items[incoming - 1].kind.value}"
        result.setdefault(name, []).append(((first_in - end_out) / 1e6, (first_in - switch) / 1e6))
    return result


def main() -> None:
    """Build the samples, play the sequence, print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5, help="image, video, video rounds to play (default 5)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="signage-gap-bench-") as folder:
        library = ContentLibrary(open_database(Path(folder) / "db.sqlite"))
        samples = {item.name: item for item in build_sample_content(Path(folder) / "media", library)}
        run = play(sequence(samples, args.rounds))

    rows: list[tuple[str, str, str, str]] = []
    frame_ms = 1000.0 / VIDEO_FPS
    for name, values in sorted(gaps_ms(run).items()):
        raw = [gap for gap, _ in values]
        latency = [switch for _, switch in values]
        median, worst = statistics.median(raw), max(raw)
        rows.append((f"{name} gap, n={len(raw)}", f"median {median:.1f} ms, max {worst:.1f} ms",
                     f"< {GAP_GOAL_MS:.0f} ms", "met" if worst < GAP_GOAL_MS else "MISSED"))
        if name.startswith("video"):
            beyond = [gap - frame_ms for gap in raw]
            rows.append((f"{name} gap beyond the last frame's {frame_ms:.0f} ms", f"median {statistics.median(beyond):.1f} ms, max {max(beyond):.1f} ms", "", ""))
        rows.append((f"{name} show_item to first picture", f"median {statistics.median(latency):.2f} ms, max {max(latency):.2f} ms", "", ""))

    video_tokens = [index + 1 for index, item in enumerate(run.items) if item.kind is ContentKind.VIDEO]
    painted = {token: sum(1 for t, _ in run.presented if t == token) for token in video_tokens}
    expected = {token: round(run.items[token - 1].duration_s * VIDEO_FPS) for token in video_tokens}
    dropped = {token: expected[token] - painted[token] for token in video_tokens}
    rows.append((f"video frames expected / painted / dropped ({len(video_tokens)} clips)",
                 f"{sum(expected.values())} / {sum(painted.values())} / {sum(dropped.values())} (worst clip {max(dropped.values())})",
                 "0 dropped", "met" if sum(dropped.values()) == 0 else "MISSED"))
    ready = sum(run.ready_at_switch.get(token, False) for token in range(2, len(run.items) + 1))
    rows.append(("switches to a prepared, ready item", f"{ready} of {len(run.items) - 1}", "all", "met" if ready == len(run.items) - 1 else "MISSED"))
    rows.append(("process CPU during playback (% of one core)", f"{100 * run.cpu_s / run.wall_s:.0f} % over {run.wall_s:.1f} s", "", ""))
    per_round = run.rss_at_start_mb[::3]  # at each round's first item
    middle = len(per_round) // 2
    rows.append(("resident memory: before; rounds 1, middle, last; after",
                 f"{run.rss_start_mb:.0f}; {per_round[0]:.0f}, {per_round[middle]:.0f}, {per_round[-1]:.0f}; {run.rss_end_mb:.0f} MB"
                 if per_round else "n/a", "", ""))
    rows.append(("failures", str(len(run.failures)) + ("" if run.finished else ", did NOT finish"), "0", "met" if not run.failures and run.finished else "MISSED"))
    print_table(f"Player gap benchmark ({SCREEN_PX[0]}x{SCREEN_PX[1]}, {os.environ['QT_QPA_PLATFORM']})", rows)
    for failure in run.failures:
        print(f"failure: {failure}")
    if not run.finished:
        print(f"the run did not finish on {machine()}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
