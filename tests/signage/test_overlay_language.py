"""The F1 overlay's lines (`PlaybackCore.overlay_lines`) in the operator's language.

The core runs the seed rules on a real SQLite file and a fake clock through a day's
visitors; the overlay is read in Korean and in English, and the trace it was built
from stays English whichever language the overlay speaks.
"""

from __future__ import annotations

import re

from foundation import i18n
from foundation.clock import FakeClock
from playlists.playback import PlaybackCore, PlaybackSettings
from tests.playlists.test_playback import MONDAY, drive, store_db  # noqa: F401 (store_db: a fixture)

HANGUL = re.compile(r"[\uac00-\ud7a3]")
# English sentence fragments of the overlay (field values such as rule names may stay).
ENGLISH = (
    "audience:", "decision:", "playing:", "rules revision", "minors guardrail withheld",
    "confidence", "mostly", "person", "people", "Rule ", "matched", "priority", "next:",
)


def core_at(store_db, hour: int, minute: int, trace: list | None = None) -> PlaybackCore:  # noqa: F811
    """A core driven from midnight to `hour:minute` of the test day."""
    clock = FakeClock(0.0, start=MONDAY)
    core = PlaybackCore(store_db, PlaybackSettings(), clock, trace=(trace if trace is not None else []).append)
    drive(core, clock, until_s=hour * 3600.0 + minute * 60.0)
    return core


def test_the_overlay_speaks_korean(store_db):  # noqa: F811
    i18n.set_language("ko")
    trace: list[dict] = []
    for core in (core_at(store_db, 16, 10, trace), core_at(store_db, 20, 5)):  # a student; adults with a teen
        lines = core.overlay_lines()
        assert len(lines) >= 4, lines
        for line in lines:
            assert HANGUL.search(line), f"no Korean in {line!r}"
            for fragment in ENGLISH:
                assert fragment not in line, f"English {fragment!r} in {line!r}"
    # What machines read stays English.
    reasons = [record["reason"] for record in trace if record.get("type") == "decision" and record.get("reason")]
    assert reasons and all(not HANGUL.search(reason) for reason in reasons)
    assert not HANGUL.search(str(core.status()))


def test_the_overlay_in_english(store_db):  # noqa: F811
    lines = core_at(store_db, 16, 10).overlay_lines()
    text = "\n".join(lines)
    assert not HANGUL.search(text)
    assert lines[0] == "audience: 1 person (teens in school uniform, confidence 0.90)", lines[0]
    assert lines[1].startswith("decision: ") and "Rule " in lines[1]
    assert any(line.startswith("playing: ") and "(rule " in line for line in lines)
    assert re.fullmatch(r"rules revision \d+, \d+ rules", lines[-1]), lines[-1]
    guarded = core_at(store_db, 20, 5).overlay_lines()
    assert any(line.startswith("minors guardrail withheld: beer_promo") for line in guarded), guarded


def test_signage_play_passes_its_lang_to_the_player(tmp_path, monkeypatch):
    """`signage play --lang ko` reaches `PlayOptions.language`; without it, None (the config's)."""
    from signage.cli import main
    from signage.player import app

    monkeypatch.setenv("SIGNAGE_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("SIGNAGE_CONFIG", str(tmp_path / "no-config.yaml"))
    seen = []
    monkeypatch.setattr(app, "run_player", lambda options, config: seen.append(options) or {})
    monkeypatch.setattr("signage.cli_play.describe_report", lambda report: "")
    assert main(["play", "--lang", "ko", "--headless", "--video", str(tmp_path / "clip.mp4")]) == 0
    assert main(["--lang", "ko", "play", "--headless", "--video", str(tmp_path / "clip.mp4")]) == 0
    assert main(["play", "--headless", "--video", str(tmp_path / "clip.mp4")]) == 0
    assert [options.language for options in seen] == ["ko", "ko", None]
