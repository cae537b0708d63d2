"""Headless replay: a shared clip through the whole player gives a golden decision trace.

The trace is owned by this test. After a deliberate change of behaviour (rules, the
engine, the timeline), look at the difference, then update it with:

    SIGNAGE_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/signage/test_replay.py
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from foundation.db import open_database
from playlists.proof_of_play import ProofOfPlay
from signage.config import SignageConfig
from signage.player.app import PlayOptions, run_player
from signage.player.settings import PlayerSettings
from signage.player.trace import read_trace

GOLDEN = Path(__file__).parent / "golden" / "replay_hamilton_1805.jsonl"
CLIP = "video/face_recognition_short_hamilton_clip.mp4"
START = dt.datetime(2026, 11, 23, 18, 5)  # a Monday evening: the evening rule for adults applies


def replay(shared_data: Path, folder: Path, media: Path) -> list[dict]:
    trace = folder / "trace.jsonl"
    config = SignageConfig(player=PlayerSettings(camera="none", fullscreen=False))
    options = PlayOptions(
        db_path=folder / "signage.db", video=shared_data / CLIP, start=START, trace=trace, headless=True,
        seed_media_dir=media, proof_db=folder / "replay-proof.db",
    )
    report = run_player(options, config)
    assert report["frames_analysed"] > 200
    return read_trace(trace)


@pytest.mark.slow
def test_replay_of_a_shared_clip_matches_the_golden_trace(qapp, shared_data, tmp_path):
    media = tmp_path / "media"
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    first = replay(shared_data, tmp_path / "one", media)
    second = replay(shared_data, tmp_path / "two", media)
    assert first == second, "the same clip and start gave two different traces"
    if os.environ.get("SIGNAGE_UPDATE_GOLDEN"):
        GOLDEN.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in first))
    golden = read_trace(GOLDEN)
    assert first == golden, "trace differs from the golden file (see the module docstring to update it)"
    kinds = {line["type"] for line in first}
    assert {"decision", "play", "end", "report"} <= kinds
    # What the trace says was played is what the replay's own proof of play logged,
    # and the store's proof of play has none of it: a replay is not a day in the store.
    plays = ProofOfPlay(open_database(tmp_path / "one" / "replay-proof.db")).plays()
    assert [r.item for r in plays] == [line["item"] for line in first if line["type"] == "play"]
    assert ProofOfPlay(open_database(tmp_path / "one" / "signage.db")).plays() == []

    # Privacy: the trace holds counts and segments, never pixels or per-person data.
    for line in first:
        if line["type"] == "decision":
            assert set(line["audience"]) == {
                "signal", "group_size", "dominant_segment", "confidence", "counts_by_age_group", "counts_by_attire",
            }
    text = json.dumps(first)
    assert "xyxy" not in text and "track_id" not in text and "embedding" not in text


def test_a_finished_run_leaves_no_window_for_the_cycle_collector(qapp, shared_data, tmp_path, monkeypatch):
    # A window kept alive by a reference cycle is destroyed later by Python's cycle
    # collector, at whatever allocation triggers it, tearing a widget tree down in no
    # fixed order: that segfaulted a later test's window in CI. It must die with the run.
    import gc
    import weakref

    from signage.player import window as window_module

    made = []
    original = window_module.PlayerWindow.__init__

    def remember(self, *args, **kwargs):
        original(self, *args, **kwargs)
        made.append(weakref.ref(self))

    monkeypatch.setattr(window_module.PlayerWindow, "__init__", remember)
    clip = shared_data / "video" / "intel_preview_face-demographics-walking-and-pause.gif"
    options = PlayOptions(db_path=tmp_path / "signage.db", video=clip, start=START, headless=True)
    gc.disable()  # only reference counting may free it
    try:
        run_player(options, SignageConfig(player=PlayerSettings(camera="none", fullscreen=False)))
        assert len(made) == 1
        assert made[0]() is None, "the player's window outlived its run (a reference cycle)"
    finally:
        gc.enable()
