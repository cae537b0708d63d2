"""The kiosk player on the real window (offscreen): order, switches, guardrail, proof of
play, broken media, a lost camera and rule changes while it runs.

Real parts throughout: the sample ads drawn by `content.samples`, a real SQLite file,
QtMultimedia decoding the videos, the real `PlayerWindow`. Only the audience is fed by
the test (snapshots built like the engine builds them) so each case is exact; the
camera-loss case runs the real audience worker on a camera that does not exist.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import shutil
from pathlib import Path

import pytest

from audience.engine import build_snapshot
from audience.types import AgeGroup, Attire, SignalState, TimeContext
from content.catalog import ContentLibrary
from foundation.db import open_database
from content.samples import build_sample_content
from playlists.proof_of_play import PlayOutcome, ProofOfPlay
from playlists.decision import DecisionSettings
from playlists.stability import StabilitySettings
from playlists.store import PlaylistStore
from playlists.yaml_io import parse_document
from signage.config import SignageConfig
from signage.player.controller import PlayerController
from signage.player.settings import PlayerSettings
from signage.player.window import PlayerWindow
from tests.audience.builders import make_visitor

RULES = """\
default_playlist: brand
playlists:
  - name: brand
    items: [{content: brand_welcome, duration_s: 0.4}, {content: drinks_coffee, duration_s: 0.4},
            {content: seniors_tea, duration_s: 0.4}]
  - name: snacks
    items: [{content: snacks_chips, duration_s: 0.6}, {content: drinks_energy, duration_s: 0.6}]
  - name: drinks
    items: [{content: beer_promo, duration_s: 5}, {content: lunch_bento, duration_s: 5}]
rules:
  - name: students
    playlist: snacks
    priority: 50
    when: {age_groups: [teen]}
  - name: adults
    playlist: drinks
    priority: 30
    when: {age_groups: [adult]}
"""

FAST = StabilitySettings(min_display_s=2.0, confirm_s=0.3, confirm_share=0.6)
# The live player decides on the wall clock, so the holdout's arms (seeded by the local
# time) differ from run to run: these tests of targeting play with it off (the holdout is
# tested on fake clocks, tests/playlists/test_holdout.py).
NO_HOLDOUT = DecisionSettings(holdout_share=0.0)


@pytest.fixture(scope="module")
def media(tmp_path_factory) -> Path:
    """The sample ads, drawn once for the module."""
    folder = tmp_path_factory.mktemp("media")
    build_sample_content(folder, ContentLibrary(open_database(folder / "scratch.db")))
    return folder


@pytest.fixture
def db_path(tmp_path, media) -> Path:
    """A database with the sample catalog and the test's rules."""
    path = tmp_path / "signage.db"
    db = open_database(path)
    library = ContentLibrary(db)
    build_sample_content(media, library)
    PlaylistStore(db).replace_all(parse_document(RULES, "test", known_content=library.items_by_name()), author="test")
    db.close()
    return path


class Player:
    """A controller on a real window, with the audience fed by the test."""

    def __init__(self, qtbot, db_path: Path, stability: StabilitySettings = FAST, **player) -> None:
        self.db = open_database(db_path)
        settings = PlayerSettings(camera="none", fullscreen=False, **player)
        self.config = SignageConfig(decision=NO_HOLDOUT, stability=stability, player=settings)
        self.window = PlayerWindow(settings)
        qtbot.addWidget(self.window)
        self.window.show_on_screen()
        from foundation.clock import SystemClock

        self.controller = PlayerController(self.db, self.config, self.window.surface, SystemClock())
        self.window.overlay_source = self.controller.overlay_lines
        self.proof = ProofOfPlay(self.db)
        self.qtbot = qtbot

    def see(self, *visitors, signal: SignalState = SignalState.OK) -> None:
        """One snapshot of `visitors` now."""
        snapshot = build_snapshot(0.0, TimeContext.of(dt.datetime.now()), signal, tuple(visitors), 0)
        self.controller.on_snapshot(snapshot)

    def keep_seeing(self, *visitors, seconds: float, signal: SignalState = SignalState.OK) -> None:
        """Snapshots every 0.1 s for `seconds` (the engine sends one every 0.5 s; faster is fine)."""
        for _ in range(int(seconds / 0.1)):
            self.see(*visitors, signal=signal)
            self.qtbot.wait(100)

    def plays(self):
        return self.proof.plays()

    def close(self) -> None:
        self.controller.finish()
        self.window.close()
        self.db.close()


@pytest.fixture
def player(qtbot, db_path):
    made = []

    def make(**options) -> Player:
        made.append(Player(qtbot, db_path, **options))
        return made[-1]

    yield make
    for p in made:
        p.close()


TEEN = make_visitor(1, AgeGroup.TEEN, age_confidence=0.9, attire=Attire.SCHOOL_UNIFORM, attire_confidence=0.8)
ADULT = make_visitor(2, AgeGroup.ADULT, age_confidence=0.95, attire=Attire.CASUAL, attire_confidence=0.8)


def test_plays_the_playlist_in_order_and_logs_each_item(qtbot, player):
    p = player()
    p.keep_seeing(seconds=0.1)  # nobody there
    qtbot.waitUntil(lambda: len(p.plays()) >= 5, timeout=5000)
    plays = p.plays()
    assert [r.item for r in plays[:5]] == ["brand_welcome", "drinks_coffee", "seniors_tea", "brand_welcome", "drinks_coffee"]
    finished = [r for r in plays if r.ended_at is not None]
    assert all(r.outcome is PlayOutcome.PLAYED and r.playlist == "brand" and r.rule is None for r in finished[:3])
    for record in finished[:3]:
        assert record.shown_s == pytest.approx(0.4, abs=0.15)
    assert p.window.surface.frames_painted >= 4


def test_switches_on_a_snapshot_and_logs_the_rule_and_audience(qtbot, player):
    p = player()
    p.keep_seeing(TEEN, seconds=0.8)
    qtbot.waitUntil(lambda: any(r.playlist == "snacks" for r in p.plays()), timeout=3000)
    record = next(r for r in p.plays() if r.playlist == "snacks")
    assert record.item == "snacks_chips" and record.rule == "students"
    assert record.audience.group_size == 1 and record.audience.dominant_segment == "teen/school_uniform"
    assert "students" in record.reason
    interrupted = [r for r in p.plays() if r.outcome is PlayOutcome.INTERRUPTED]
    assert interrupted and interrupted[0].playlist == "brand"  # the default yielded at once


def test_honours_the_minimum_display_time(qtbot, player):
    p = player()
    p.keep_seeing(TEEN, seconds=0.6)
    qtbot.waitUntil(lambda: any(r.playlist == "snacks" for r in p.plays()), timeout=3000)
    started = next(r for r in p.plays() if r.playlist == "snacks").started_at
    p.keep_seeing(seconds=3.2)  # the teen left: back to the default, but not before 2 s
    back = [r for r in p.plays() if r.playlist == "brand" and r.started_at > started]
    assert back, "never went back to the default playlist"
    assert (back[0].started_at - started).total_seconds() >= FAST.min_display_s - 0.05


def test_the_minors_guardrail_cuts_the_restricted_item_at_once(qtbot, player):
    p = player()
    p.keep_seeing(ADULT, seconds=0.6)
    qtbot.waitUntil(lambda: any(r.item == "beer_promo" for r in p.plays()), timeout=3000)
    beer = next(r for r in p.plays() if r.item == "beer_promo")
    p.see(ADULT, TEEN)  # one snapshot with a likely minor: no confirmation, no minimum display
    qtbot.waitUntil(lambda: p.proof.plays()[-1].item != "beer_promo", timeout=1000)
    beer = next(r for r in p.plays() if r.play_id == beer.play_id)
    assert beer.outcome is PlayOutcome.INTERRUPTED
    assert beer.shown_s < FAST.min_display_s
    p.keep_seeing(ADULT, TEEN, seconds=1.0)
    later = [r for r in p.plays() if r.started_at > beer.started_at]
    assert later and all(r.item != "beer_promo" for r in later)
    assert p.controller.decision.guardrail_fired or p.controller.decision.playlist == "snacks"


def test_survives_a_broken_and_a_missing_media_file(qtbot, player, db_path, tmp_path):
    broken = tmp_path / "broken.mp4"
    broken.write_bytes(os.urandom(40_000))
    gone = tmp_path / "gone.png"
    shutil.copy(ContentLibrary(open_database(db_path)).item("brand_welcome").path, gone)
    db = open_database(db_path)
    library = ContentLibrary(db)
    # Catalog entries that look fine, then the files go bad behind the catalog's back.
    library.add_file(str(gone), name="gone_poster")
    good_video = library.item("snacks_candy").path
    shutil.copy(good_video, broken)
    library.add_file(str(broken), name="broken_clip")
    broken.write_bytes(os.urandom(40_000))
    gone.unlink()
    document = parse_document(
        RULES.replace(
            "{content: drinks_coffee, duration_s: 0.4}",
            "{content: broken_clip}, {content: gone_poster, duration_s: 0.4}, {content: drinks_coffee, duration_s: 0.4}",
        ),
        "test",
        known_content=library.items_by_name(),
    )
    PlaylistStore(db).replace_all(document, author="test")
    db.close()
    p = player()
    p.keep_seeing(seconds=0.1)
    qtbot.waitUntil(lambda: sum(r.item == "brand_welcome" for r in p.plays()) >= 2, timeout=8000)
    by_item = {r.item: r for r in p.plays()}
    assert by_item["broken_clip"].outcome is PlayOutcome.FAILED and "broken.mp4" in by_item["broken_clip"].error
    assert by_item["gone_poster"].outcome is PlayOutcome.FAILED and "gone.png" in by_item["gone_poster"].error
    assert by_item["drinks_coffee"].outcome is PlayOutcome.PLAYED
    kinds = [kind for _, kind, _ in p.proof.events()]
    assert kinds.count("media_failed") >= 2
    # On the next loop the failed items are skipped without being tried again.
    second_loop = [r.item for r in p.plays()][4:]
    assert "broken_clip" not in second_loop and "gone_poster" not in second_loop


def test_a_lost_camera_falls_back_to_time_only_rules(qtbot, player):
    p = player(audience_stale_s=0.5)
    p.keep_seeing(TEEN, seconds=0.6)
    qtbot.waitUntil(lambda: any(r.playlist == "snacks" for r in p.plays()), timeout=3000)
    # The camera goes: the engine sends NO_SIGNAL snapshots while it reconnects.
    p.keep_seeing(signal=SignalState.NO_SIGNAL, seconds=2.5)
    assert p.controller.decision.playlist == "brand" and not p.controller.decision.audience_used
    qtbot.waitUntil(lambda: p.plays()[-1].playlist == "brand", timeout=3000)
    assert p.plays()[-1].audience.signal == "no_signal"
    # Then the engine stops sending anything at all: the audience goes stale, same result.
    qtbot.wait(800)
    p.controller.tick()
    assert p.controller.decision.audience.signal_ok is False


def test_the_real_audience_worker_on_a_missing_camera_keeps_the_screen_playing(qtbot, db_path):
    from signage.player.app import PlayOptions, run_player

    config = SignageConfig(decision=NO_HOLDOUT, stability=FAST, player=PlayerSettings(camera="97", fullscreen=False))
    report = run_player(PlayOptions(db_path=db_path, duration_s=2.5, headless=True), config)
    assert report["plays_by_playlist"].get("brand", 0) >= 3
    assert report["outcomes"].get("failed", 0) == 0
    plays = ProofOfPlay(open_database(db_path)).plays()
    assert all(r.audience.signal == "no_signal" for r in plays)


def test_a_finished_live_run_with_its_endpoints_leaves_no_window_for_the_cycle_collector(qtbot, db_path, monkeypatch):
    # A live run also has the status server and its control endpoint, which hold the
    # run's bound methods. A window kept alive by such a cycle is destroyed later by the
    # cycle collector, in no fixed order: that segfaulted the next test's window in CI.
    import gc
    import socket
    import weakref

    from signage.player import window as window_module
    from signage.player.app import PlayOptions, run_player

    made = []
    original = window_module.PlayerWindow.__init__

    def remember(self, *args, **kwargs):
        original(self, *args, **kwargs)
        made.append(weakref.ref(self))

    monkeypatch.setattr(window_module.PlayerWindow, "__init__", remember)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = SignageConfig(
        decision=NO_HOLDOUT, stability=FAST, player=PlayerSettings(camera="none", fullscreen=False, status_port=port)
    )
    gc.disable()  # only reference counting may free it
    try:
        run_player(PlayOptions(db_path=db_path, duration_s=1.5, headless=True), config)
        assert len(made) == 1
        assert made[0]() is None, "the player's window outlived its run (a reference cycle)"
    finally:
        gc.enable()


def test_picks_up_a_rule_change_while_running(qtbot, player, db_path):
    p = player(reload_check_s=0.2)
    p.keep_seeing(TEEN, seconds=0.6)
    qtbot.waitUntil(lambda: any(r.playlist == "snacks" for r in p.plays()), timeout=3000)
    # Another program (the CLI, the editor) disables the students rule on its own connection.
    other = open_database(db_path)
    store = PlaylistStore(other)
    store.set_rule_enabled("students", False, author="marketer")
    other.close()
    qtbot.waitUntil(lambda: p.controller.stats.rule_reloads >= 1, timeout=3000)
    p.keep_seeing(TEEN, seconds=3.0)
    assert p.controller.decision.playlist == "brand"
    assert p.plays()[-1].playlist == "brand"
    assert "rules_reloaded" in [kind for _, kind, _ in p.proof.events()]


def test_the_overlay_toggles_and_shows_the_decision(qtbot, player):
    from PySide6.QtCore import Qt

    p = player()
    p.see(TEEN)
    assert not p.window.overlay.isVisible()
    qtbot.keyClick(p.window, Qt.Key.Key_F1)
    assert p.window.overlay.isVisible()
    text = p.window.overlay.text()
    assert "decision:" in text and "audience: 1 person" in text and "frames/s" in text
    qtbot.keyClick(p.window, Qt.Key.Key_F1)
    assert not p.window.overlay.isVisible()


def test_no_timer_keeps_running_after_the_player_closes(qtbot, db_path):
    from PySide6.QtCore import QTimer

    p = Player(qtbot, db_path)
    p.see()
    qtbot.wait(300)
    p.close()
    running = [t for t in p.controller.findChildren(QTimer) + p.window.findChildren(QTimer) if t.isActive()]
    assert running == [], _debug_timers(running)


def test_rotation_is_validated_in_the_config():
    from foundation.errors import ConfigError

    with pytest.raises(ConfigError, match="rotation_deg"):
        dataclasses.replace(PlayerSettings(), rotation_deg=45).check("player")


def _debug_timers(objects):
    return [(t.parent().__class__.__name__, t.interval(), t.isSingleShot()) for t in objects]
