"""The real player on a database a shop floor damaged: it starts, plays and keeps its records.

Each case is `signage play` as a subprocess (offscreen, no camera) on a real SQLite file,
the way systemd starts it on a kiosk. Before issue 12 each of these was a traceback and
exit 1 (read-only, immutable, corrupted), or a silent re-seed (zero bytes).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from foundation.db import open_database
from playlists.proof_of_play import ProofOfPlay
from tests.foundation.disk import Freezer

pytestmark = pytest.mark.slow  # each case starts the real player (a few seconds)

SIGNAGE = [sys.executable, "-m", "signage.cli"]


@pytest.fixture
def kiosk(tmp_path):
    """A kiosk user's folders: data, config (no camera, no status port) and a player runner."""
    data = tmp_path / "data"
    data.mkdir()
    config = tmp_path / "config.yaml"
    config.write_text("player:\n  camera: none\n  status_port: 0\n  reload_check_s: 0.5\n")
    env = {
        **os.environ,
        "SIGNAGE_DATA_DIR": str(data),
        "SIGNAGE_CONFIG": str(config),
        "QT_QPA_PLATFORM": "offscreen",
    }

    def play(db: Path, seconds: float, **popen) -> subprocess.Popen:
        return subprocess.Popen(
            [*SIGNAGE, "play", "--headless", "--db", str(db), "--duration-s", str(seconds)],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **popen,
        )

    return data, play


def finished(process: subprocess.Popen, timeout_s: float = 90.0) -> tuple[int, str]:
    _, stderr = process.communicate(timeout=timeout_s)
    return process.returncode, stderr


def seeded_database(kiosk, seconds: float = 2.0) -> Path:
    """A database the player made and seeded on its first start (the sample ads and rules)."""
    data, play = kiosk
    db = data / "signage.db"
    code, stderr = finished(play(db, seconds))
    assert code == 0, stderr
    return db


def plays(db: Path) -> list:
    database = open_database(db)
    try:
        return ProofOfPlay(database).plays()
    finally:
        database.close()


def test_a_corrupted_database_is_moved_aside_and_the_player_plays(kiosk):
    data, play = kiosk
    db = data / "signage.db"
    db.write_bytes(b"SQLite format 3\x00" + os.urandom(8192))  # a header, then garbage
    code, stderr = finished(play(db, 3))
    assert code == 0, stderr
    aside = list(data.glob("signage.db.damaged-*"))
    assert len(aside) == 1 and aside[0].stat().st_size == 8192 + 16  # kept, byte for byte
    assert "damaged" in stderr and str(aside[0].name) in stderr
    # Never re-seeded behind the operator's back: the new database is empty, the
    # built-in slide played, and it was logged.
    records = plays(db)
    assert records and {r.kind for r in records} == {"fallback"}


def test_a_zero_byte_database_is_not_silently_reseeded(kiosk):
    data, play = kiosk
    db = data / "signage.db"
    db.write_bytes(b"")
    code, stderr = finished(play(db, 3))
    assert code == 0, stderr
    assert list(data.glob("signage.db.damaged-*")), "the empty file was not kept"
    assert "empty" in stderr or "damaged" in stderr
    assert {r.kind for r in plays(db)} == {"fallback"}


def test_an_immutable_database_plays_its_rules_and_says_why(kiosk):
    db = seeded_database(kiosk)
    before = len(plays(db))
    _, play = kiosk
    freezer = Freezer()
    freezer.freeze(db, *[p for p in (Path(f"{db}-wal"), Path(f"{db}-shm")) if p.exists()])
    try:
        code, stderr = finished(play(db, 3))
    finally:
        freezer.thaw()
    assert code == 0, stderr
    assert "read-only" in stderr
    assert "proof-of-play record(s) could not be written" in stderr  # said at exit, not silently lost
    assert len(plays(db)) == before  # nothing changed in the file
    assert "Traceback" not in stderr


def test_a_database_that_turns_read_only_while_playing_loses_no_proof_of_play(kiosk):
    db = seeded_database(kiosk)
    before = len(plays(db))
    _, play = kiosk
    player = play(db, 16)
    freezer = Freezer()
    try:
        time.sleep(5.0)  # playing, writing proof of play (the first item ends about 8 s in)
        freezer.freeze(db)  # the database file, as a remount read-only would
        time.sleep(8.0)
        freezer.thaw()
        code, stderr = finished(player)
    finally:
        freezer.thaw()
        if player.poll() is None:
            player.send_signal(signal.SIGTERM)
    assert code == 0, stderr
    assert "kept in memory" in stderr and "flushed" in stderr  # said once each way
    records = plays(db)[before:]
    assert len(records) >= 2
    # Every item of the run is there, back to back: none was lost while the file was frozen.
    for earlier, later in zip(records, records[1:], strict=False):
        assert earlier.ended_at is not None and abs((later.started_at - earlier.ended_at).total_seconds()) < 0.5
    assert "Traceback" not in stderr


def test_a_missing_folder_that_cannot_be_made_plays_the_built_in_slide(kiosk, tmp_path):
    _, play = kiosk
    blocked = tmp_path / "blocked"
    blocked.mkdir()
    freezer = Freezer()
    freezer.freeze(blocked)
    try:
        code, stderr = finished(play(blocked / "sub" / "signage.db", 3))
    finally:
        freezer.thaw()
    assert code == 0, stderr
    assert "Traceback" not in stderr
    assert "cannot create the database folder" in stderr and "blocked" in stderr  # says what and where
