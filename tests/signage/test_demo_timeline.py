"""`signage demo` prints its timeline as the trace is written, not when the replay ends."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from signage.cli_play import TimelinePrinter, describe_trace
from signage.player.trace import TraceWriter, read_trace

SIGNAGE = str(Path(sys.executable).with_name("signage"))


def decision(ts: float, size: int, segment: str | None, confidence: float = 0.0) -> dict:
    audience = {"signal": "ok", "group_size": size, "dominant_segment": segment, "confidence": confidence}
    return {"type": "decision", "ts": ts, "audience": audience, "playlist": "x", "rule": None}


def play(ts: float, playlist: str, item: str, rule: str | None, switch: str | None) -> dict:
    return {"type": "play", "ts": ts, "playlist": playlist, "item": item, "rule": rule, "switch": switch}


# A morning scene as the README shows it.
MORNING = [
    play(0.0, "brand_loop", "brand_welcome", None, None),
    decision(0.5, 0, None),
    decision(2.9, 1, "young_adult/business", 0.67),
    decision(3.4, 1, "young_adult/business", 0.71),  # the same people: no new line
    play(3.5, "commuter_finance", "finance_markets", "commuters_morning", "the default playlist yields"),
    {"type": "event", "ts": 9.0, "kind": "rules_reloaded", "message": "3 rules"},
    decision(16.8, 0, None),
    play(19.5, "brand_loop", "brand_welcome", None, "waits for the current item to end ..."),
    {"type": "report", "ts": 24.0, "plays_by_playlist": {}},
]
MORNING_TIMELINE = [
    "    0.0 s     brand_loop / brand_welcome (default playlist)",
    "    0.5 s  audience: nobody",
    "    2.9 s  audience: 1 person, mostly young_adult/business (confidence 0.67)",
    "    3.5 s  -> commuter_finance / finance_markets (rule commuters_morning)  [the default playlist yields]",
    "    9.0 s  rules_reloaded: 3 rules",
    "   16.8 s  audience: nobody",
    "   19.5 s  -> brand_loop / brand_welcome (default playlist)  [waits for the current item to end ...]",
]


class FlushCounting(io.StringIO):
    """A stream that counts its flushes."""

    flushes = 0

    def flush(self) -> None:
        self.flushes += 1
        super().flush()


def test_the_trace_writer_hands_each_record_to_its_listener_after_writing_it(tmp_path):
    path = tmp_path / "trace.jsonl"
    heard: list[tuple[dict, int]] = []
    writer = TraceWriter(path, listener=lambda record: heard.append((record, len(read_trace(path)))))
    for record in MORNING:
        writer.write(record)
    writer.close()

    assert [record for record, _ in heard] == MORNING
    assert [lines_on_disk for _, lines_on_disk in heard] == list(range(1, len(MORNING) + 1))


def test_the_printer_prints_and_flushes_each_line_as_its_record_comes():
    stream = FlushCounting()
    printer = TimelinePrinter(stream)
    printed_after_each = []
    for record in MORNING:
        printer(record)
        printed_after_each.append(stream.getvalue().count("\n"))

    # One line per record that changes something, at once, flushed
    assert printed_after_each == [1, 2, 3, 3, 4, 5, 6, 7, 7]
    assert stream.getvalue().splitlines() == MORNING_TIMELINE
    assert stream.flushes >= len(MORNING_TIMELINE)
    # ... the same text as the whole-trace description
    assert describe_trace(MORNING, None) == "\n".join(MORNING_TIMELINE)


@pytest.mark.slow
def test_signage_demo_prints_the_timeline_while_the_scene_plays(tmp_path):
    env = dict(os.environ, SIGNAGE_DATA_DIR=str(tmp_path / "data"), SIGNAGE_CONFIG=str(tmp_path / "none.yaml"))
    args = [SIGNAGE, "demo", "--headless", "--scene", "morning", "--trace-dir", str(tmp_path)]
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    arrived: list[tuple[float, str]] = []
    for line in process.stdout:  # a pipe: only what the demo flushed arrives before it ends
        arrived.append((time.monotonic(), line.rstrip("\n")))
    assert process.wait(timeout=300) == 0, process.stderr.read()

    timeline = [(at, text) for at, text in arrived if " s  " in text and text.lstrip()[0].isdigit()]
    report_at = next(at for at, text in arrived if text.startswith("report: "))
    first_audience_at = next(at for at, text in timeline if "audience: 1 person" in text)
    # The visitor arrives about 3 s into the 24 s clip: that line is out long before the end.
    assert report_at - first_audience_at > 5.0, arrived
    trace = read_trace(tmp_path / "morning.jsonl")
    assert [text for _, text in timeline] == describe_trace(trace, None).splitlines()
    assert trace[-1]["type"] == "report"  # the trace file is whole, as before


def test_a_play_in_the_holdouts_control_arm_says_what_the_rule_would_have_shown():
    held_out = play(7.0, "brand_loop", "brand_loop", None, None)
    held_out.update(arm="control", arm_rule="evening_adults", other_playlist="evening_drinks")
    targeted = play(9.0, "evening_drinks", "beer_promo", "evening_adults", "the default playlist yields")
    targeted.update(arm="targeted", arm_rule="evening_adults", other_playlist="brand_loop")
    assert describe_trace([held_out, targeted], None).splitlines() == [
        "    7.0 s     brand_loop / brand_loop (default playlist; holdout control for rule evening_adults,"
        " which would have shown evening_drinks)",
        "    9.0 s  -> evening_drinks / beer_promo (rule evening_adults)  [the default playlist yields]",
    ]
