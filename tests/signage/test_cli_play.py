"""`signage play` and `signage demo` from the command line (headless)."""

from __future__ import annotations

import pytest

from signage.cli import main
from signage.player.trace import read_trace


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    """A fresh installation: nothing in the data folder."""
    monkeypatch.setenv("SIGNAGE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SIGNAGE_CONFIG", str(tmp_path / "no-config.yaml"))
    return tmp_path / "data"


@pytest.mark.slow
def test_play_headless_replays_a_clip_on_a_fresh_install(data_dir, shared_data, tmp_path, capsys):
    trace = tmp_path / "trace.jsonl"
    clip = shared_data / "video" / "intel_preview_face-demographics-walking-and-pause.gif"
    code = main(["play", "--headless", "--video", str(clip), "--start", "2026-11-23 09:30", "--trace", str(trace)])
    assert code == 0
    out = capsys.readouterr().out
    assert out.startswith("report: ") and "plays by playlist" in out
    lines = read_trace(trace)
    assert lines[0]["type"] == "play" and lines[0]["playlist"] == "brand_loop"  # seeded on first use
    assert lines[-1]["type"] == "report"
    assert (data_dir / "media" / "brand_welcome.png").is_file()


def test_play_names_a_missing_clip_in_one_line(data_dir, tmp_path, capsys):
    code = main(["play", "--headless", "--video", str(tmp_path / "gone.mp4")])
    err = capsys.readouterr().err.strip()
    assert code == 3 and err.count("\n") == 0 and "gone.mp4: no such video file" in err


def test_play_rejects_a_bad_start_time(data_dir, capsys):
    code = main(["play", "--headless", "--video", "x.mp4", "--start", "teatime"])
    err = capsys.readouterr().err.strip()
    assert code != 0 and "--start" in err and "teatime" in err


@pytest.mark.slow
def test_demo_tells_the_seeds_story_through_the_real_models(data_dir, tmp_path, capsys):
    # Given the three scenes: a suit on a weekday morning, the school's uniform after
    # school, casual clothes in the evening (the same photo each time, clothes drawn)
    code = main(["demo", "--headless", "--trace-dir", str(tmp_path)])

    # Then each visitor gets the playlist the seed rules promise, and the loop comes back
    assert code == 0
    out = capsys.readouterr().out
    expected = {
        "morning": ("business", ["commuter_finance", "brand_loop"], "commuters_morning"),
        "afternoon": ("school_uniform", ["after_school_snacks"], "school_uniform"),
        "evening": ("casual", ["evening_drinks", "brand_loop"], "evening_adults"),
    }
    for scene, (attire, switches, rule) in expected.items():
        lines = read_trace(tmp_path / f"{scene}.jsonl")
        played = [line for line in lines if line["type"] == "play"]
        arms = {line["arm"] for line in played if line.get("arm_rule") == rule}
        assert len(arms) == 1, (scene, arms)  # the visitor's run of wins has one holdout arm
        if arms == {"control"}:
            # The holdout put this visitor in the control arm: what plays without
            # targeting (here the loop, already on screen), never the rule's playlist.
            assert all(line["playlist"] != switches[0] for line in played), scene
            assert {line["other_playlist"] for line in played if line.get("arm")} == {switches[0]}, scene
            continue
        assert [line["playlist"] for line in played if line["switch"]] == switches, scene
        assert {line["rule"] for line in played if line["playlist"] == switches[0]} == {rule}, scene
    for scene, (attire, _, _) in expected.items():
        lines = read_trace(tmp_path / f"{scene}.jsonl")
        segments = {line["audience"]["dominant_segment"] for line in lines if line["type"] == "decision"}
        assert any(segment and segment.endswith("/" + attire) for segment in segments), (scene, segments)
    assert out.count("audience: nobody") >= 3 and "1 person" in out
