"""The kiosk on a bare X server (Xvfb, no window manager), as on an `xinit`/`startx` kiosk.

Each test starts its own Xvfb and the real `signage play` as a subprocess, and looks at
the screen with the X tools an operator would use (xwininfo, xset, a screenshot).
"""

from __future__ import annotations

import re
import signal
import subprocess
import time
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from tests.signage.kiosk_support import (
    SCREEN_H,
    SCREEN_W,
    close_like_a_window_manager,
    copy_database,
    grab_screen,
    last_play,
    require,
    seeded_once,
    start_player,
    start_xvfb,
    stop_process,
    wait_for_log,
    wait_for_window,
    write_config,
)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    """One database seeded with the sample ads and rules, copied by each test."""
    return seeded_once(tmp_path_factory)


@pytest.fixture
def xserver():
    """A fresh Xvfb for each test: screen saver and DPMS settings start from the defaults."""
    x = start_xvfb()
    yield x
    stop_process(x.process)


@pytest.fixture
def player_on(seeded, xserver, tmp_path):
    """Start the real player on the test's X server; stopped after the test."""
    started = []

    def start(*args: str, env: dict[str, str] | None = None, **player_keys) -> tuple[subprocess.Popen, Path, Path]:
        db_path = copy_database(seeded[0], tmp_path / "signage.db")
        config = write_config(tmp_path / "config.yaml", **player_keys)
        log_path = tmp_path / "player.log"
        player = start_player(db_path, config, seeded[1], xserver.env(**(env or {})), *args, stderr_path=log_path)
        started.append(player)
        return player, db_path, log_path

    yield start
    for player in started:
        stop_process(player)


def _xset_q(xserver) -> str:
    return xserver.run(require("xset"), "q")


@pytest.mark.slow
def test_on_bare_x_the_player_covers_the_screen_with_a_picture_and_keeps_it_awake(xserver, player_on, tmp_path):
    # Given a bare X server whose screen saver blanks after the default ten minutes
    before = _xset_q(xserver)
    assert re.search(r"timeout:\s+600\b", before), before
    # When the player starts full screen, with no window manager to size its window
    player, _db, log_path = player_on()
    _window, geometry = wait_for_window(xserver, player)
    # Then its window is the whole screen (it was 1x1+0+0: a black screen for the whole run)
    assert geometry == (SCREEN_W, SCREEN_H, 0, 0)
    wait_for_log(log_path, "screen blanking prevented", player)
    time.sleep(1.0)  # the first item's first picture
    shot = np.asarray(Image.open(grab_screen(xserver, tmp_path / "bare-x.png")).convert("RGB")).astype(int)
    assert shot.shape == (SCREEN_H, SCREEN_W, 3)
    # ...showing a picture: most of the screen is neither black nor one flat colour
    lit = shot.max(axis=2) > 40
    assert lit.mean() > 0.5, f"only {lit.mean():.0%} of the screen is lit"
    assert len(np.unique(shot.reshape(-1, 3)[::97], axis=0)) > 50
    # ...and the X server will not blank it: screen saver off, DPMS off
    after = _xset_q(xserver)
    assert re.search(r"timeout:\s+0\b", after) and re.search(r"prefer blanking:\s+no\b", after), after
    # (Xvfb has no DPMS extension at all; on a real X server `xset -dpms` turns it off)
    assert "DPMS is Disabled" in after or "Server does not have the DPMS Extension" in after, after


def test_without_xset_the_warning_names_the_debian_package(player_on, tmp_path):
    # Given a machine without xset (x11-xserver-utils not installed): a PATH without it
    empty_bin = tmp_path / "bin"
    empty_bin.mkdir()
    # When the player starts on X
    player, _db, log_path = player_on(env={"PATH": str(empty_bin)})
    # Then it says what to install (it used to say only "set it in the display settings")
    wait_for_log(log_path, "x11-xserver-utils", player)
    assert "screen blanking prevented" not in log_path.read_text()


def _ctrl_q(xserver, window_id, player):
    xserver.run(require("xdotool"), "key", "ctrl+q")


def _wm_close(xserver, window_id, player):
    close_like_a_window_manager(xserver, window_id)


def _sigterm(xserver, window_id, player):
    player.send_signal(signal.SIGTERM)


def _sigint(xserver, window_id, player):
    player.send_signal(signal.SIGINT)


@pytest.mark.slow
@pytest.mark.parametrize(
    "stop", [_ctrl_q, _wm_close, _sigterm, _sigint], ids=["ctrl+q", "window-manager-close", "SIGTERM", "SIGINT"]
)
def test_every_way_of_asking_ends_the_run_cleanly(xserver, player_on, stop):
    # Given the player running full screen on a bare X server
    player, db_path, log_path = player_on()
    window_id, geometry = wait_for_window(xserver, player)
    assert geometry == (SCREEN_W, SCREEN_H, 0, 0)
    wait_for_log(log_path, "screen blanking prevented", player)  # the event loop runs
    # When it is asked to stop
    asked = time.monotonic()
    stop(xserver, window_id, player)
    # Then it exits with 0 within a few seconds (after Ctrl+Q it used to wait for ever)
    try:
        code = player.wait(timeout=8)
    except subprocess.TimeoutExpired:
        pytest.fail(f"still running 8 s after {stop.__name__[1:]}:\n{log_path.read_text()}")
    assert code == 0, log_path.read_text()
    assert time.monotonic() - asked < 8
    # ...and the item that was on screen is logged as unfinished, not lost
    item, outcome = last_play(db_path)
    assert outcome == "unfinished", (item, outcome)
