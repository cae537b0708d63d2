"""Rules benchmark: decision time over 1,000 rules, loading 10,000 rules.

    .venv/bin/python benchmarks/rules_bench.py          # prints a table

Rules are generated with a seeded generator: random audience and time conditions over
the real condition space, priorities 0-99, a quarter disabled. Decision time is the
median and p99 over many (audience, time) pairs: random audiences at a new minute each
time (the rules' time conditions are worked out again every time), and the worst case
for the audience checks (every rule is in its hours and none matches).
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from report import print_table

from audience.types import AgeGroup, Attire
from content.model import ContentItem, ContentKind
from playlists.decision import Arm, AudienceView, RuleBook, decide, with_arm
from playlists.model import Conditions, Playlist, PlaylistItem, Rule, TimeWindow


def synthetic_rules(count: int, seed: int = 0, playlists: int = 50) -> list[Rule]:
    """`count` varied rules over `playlists` playlists."""
    rng = random.Random(seed)
    rules = []
    for i in range(count):
        start = rng.randrange(0, 22 * 60, 15)
        window = TimeWindow(f"{start // 60:02d}:{start % 60:02d}", f"{(start + 120) // 60:02d}:{(start + 120) % 60:02d}")
        conditions = Conditions(
            age_groups=tuple(rng.sample(list(AgeGroup), rng.randint(0, 2))),
            attire=tuple(rng.sample([a for a in Attire if a is not Attire.UNKNOWN], rng.randint(0, 1))),
            min_group_size=rng.choice([0, 0, 1, 2]),
            min_dwell_s=rng.choice([0.0, 0.0, 3.0]),
            time_windows=(window,) if rng.random() < 0.7 else (),
            weekdays=tuple(sorted(rng.sample(range(7), rng.randint(0, 5)))),
        )
        rules.append(
            Rule(
                name=f"rule{i:05d}",
                playlist=f"playlist{rng.randrange(playlists)}",
                conditions=conditions,
                priority=rng.randrange(100),
                weight=rng.choice([1.0, 2.0]),
                enabled=rng.random() > 0.25,
            )
        )
    return rules


def synthetic_book(rules: list[Rule], playlists: int = 50) -> RuleBook:
    content = {
        f"ad{i}": ContentItem(f"ad{i}", ContentKind.IMAGE, f"ad {i}", 8.0, f"/media/ad{i}.png", age_restricted=i % 10 == 0)
        for i in range(100)
    }
    lists = {
        f"playlist{p}": Playlist(f"playlist{p}", tuple(PlaylistItem(f"ad{(p * 3 + k) % 100}") for k in range(3)))
        for p in range(playlists)
    }
    lists["default"] = Playlist("default", (PlaylistItem("ad1"),))
    return RuleBook(tuple(rules), lists, content, "default")


def time_decisions(book: RuleBook, cases: list[tuple[AudienceView, dt.datetime]], repeats: int = 3) -> list[float]:
    """Milliseconds per decision, one sample per case and repeat."""
    samples = []
    for _ in range(repeats):
        for who, when in cases:
            started = time.perf_counter()
            decide(book, who, when)
            samples.append((time.perf_counter() - started) * 1000.0)
    return samples


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    rows: list[tuple[str, str, str, str]] = []
    rng = random.Random(1)

    book = synthetic_book(synthetic_rules(1000))
    typical = [
        (
            AudienceView.hypothetical(rng.choice(list(AgeGroup)), rng.choice(list(Attire)), rng.randint(0, 4), rng.uniform(0, 10)),
            dt.datetime(2026, 11, 23) + dt.timedelta(minutes=rng.randrange(7 * 24 * 60)),
        )
        for _ in range(2000)
    ]
    samples = time_decisions(book, typical)
    median, p99 = statistics.median(samples), percentile(samples, 0.99)
    rows.append(("decision, 1,000 rules, random audiences, a new minute each time", f"median {median:.3f} ms, p99 {p99:.3f} ms", "< 1 ms", "met" if p99 < 1 else "MISSED"))

    # Worst case: every rule enabled and inside its hours, none matches the audience (a
    # child, and the rules name adults), so every rule's audience conditions are checked.
    nothing = [
        Rule(
            f"rule{i:05d}",
            "playlist1",
            Conditions(age_groups=(AgeGroup.ADULT,), time_windows=(TimeWindow("08:00", "20:00"),)),
            priority=i % 100,
        )
        for i in range(1000)
    ]
    worst_book = synthetic_book(nothing)
    worst = [(AudienceView.hypothetical(AgeGroup.CHILD), dt.datetime(2026, 11, 23, 10, 0))] * 2000
    samples = time_decisions(worst_book, worst)
    median, p99 = statistics.median(samples), percentile(samples, 0.99)
    rows.append(("decision, 1,000 rules, all in their hours, none matches", f"median {median:.3f} ms, p99 {p99:.3f} ms", "< 1 ms", "met" if p99 < 1 else "MISSED"))

    # The holdout: a targeted win in the control arm is decided a second time without
    # audience targeting (`with_arm`), so such a decision costs about two.
    targeted = [(who, when) for who, when in typical if decide(book, who, when).rule in book.targeted_rules]
    samples = []
    for _ in range(3):
        for who, when in targeted:
            started = time.perf_counter()
            with_arm(decide(book, who, when), Arm.CONTROL)
            samples.append((time.perf_counter() - started) * 1000.0)
    median, p99 = statistics.median(samples), percentile(samples, 0.99)
    rows.append((f"decision in the holdout's control arm, 1,000 rules ({len(targeted)} targeted wins)", f"median {median:.3f} ms, p99 {p99:.3f} ms", "< 1 ms", "met" if p99 < 1 else "MISSED"))

    rows.extend(load_rows())

    print_table("Rules benchmark", rows)


def load_rows() -> list[tuple[str, str, str, str]]:
    """Loading 10,000 rules from the SQLite store and from YAML."""
    from foundation.db import open_database
    from playlists.store import PlaylistStore
    from playlists.yaml_io import RuleDocument, dump_document, parse_document

    rules = synthetic_rules(10_000)
    playlists = tuple(synthetic_book([]).playlists.values())
    document = RuleDocument(default_playlist="default", playlists=playlists, rules=tuple(rules))
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "bench.db")
        store = PlaylistStore(db)
        started = time.perf_counter()
        store.replace_all(document, author="bench")
        import_s = time.perf_counter() - started
        started = time.perf_counter()
        loaded = store.rules()
        book = RuleBook(tuple(loaded), {p.name: p for p in store.playlists()}, synthetic_book([]).content, "default")
        load_s = time.perf_counter() - started
        assert len(book.rules) == 10_000
        rows.append(("load 10,000 rules from SQLite and compile them", f"{load_s * 1000:.0f} ms", "< 1 s", "met" if load_s < 1 else "MISSED"))
        rows.append(("import 10,000 rules into SQLite (one transaction, with history)", f"{import_s * 1000:.0f} ms", "", ""))
    # A rules file is refused over 2 MiB (foundation.limits), about 9,000 of these rules:
    # parse the largest round number under it.
    text = dump_document(RuleDocument(default_playlist="default", playlists=playlists, rules=tuple(rules[:8000])))
    started = time.perf_counter()
    parse_document(text, "bench.yaml")
    parse_s = time.perf_counter() - started
    rows.append((f"parse and validate 8,000 rules from YAML ({len(text.encode()) / 2**20:.1f} MiB; 2 MiB at most)", f"{parse_s * 1000:.0f} ms", "", ""))
    return rows


if __name__ == "__main__":
    main()
