"""Screenshots of every editor tab and of the player for the README, on a real X screen (Xvfb).

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python scripts/editor_screenshots.py

Builds a demo database the way a store would fill one: the seed rules and sample ads,
the Complete Journey purchase history learned into suggestions, and a headless replay of
the walk-in clip for proof of play and audience samples. Then `signage editor
--screenshots` saves one PNG per tab in docs/screenshots/, in English and Korean; last, the player replays the clip in its
window with the operator overlay and one frame is saved. Nothing here shows a real
person: the clip is the public-domain astronaut photo.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
SIGNAGE = [sys.executable, "-m", "signage.cli"]


def build_database(folder: Path) -> Path:
    """A database with rules, suggestions, plays and audience samples."""
    db = folder / "signage.db"
    env = {**os.environ, "SIGNAGE_DATA_DIR": str(folder), "QT_QPA_PLATFORM": "offscreen"}

    def run(*args: str) -> None:
        subprocess.run([*SIGNAGE, *args], check=True, env=env, cwd=ROOT)

    run("rules", "seed", "--db", str(db))
    run("purchases", "import-completejourney", "--db", str(db))
    run("rules", "learn", "--db", str(db), "--top", "0")
    from signage.cli_audience import ensure_demo_clip

    clip = ensure_demo_clip(40)
    for start in ("2026-11-23 08:05", "2026-11-23 12:30", "2026-11-23 16:10", "2026-11-23 18:05"):
        run("play", "--headless", "--db", str(db), "--video", str(clip), "--start", start)
    return db


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = build_database(Path(tmp))
        # Every tab, in English and Korean, by the editor's own `--screenshots` (offscreen).
        for language in ("en", "ko"):
            subprocess.run([*SIGNAGE, "--lang", language, "editor", "--db", str(db), "--screenshots", str(OUT)],
                           check=True, cwd=ROOT)
        player_screenshot(db)


def player_screenshot(db: Path) -> None:
    """The player in a 1280x720 window, 10 s into the paced walk-in replay, overlay shown."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from signage.cli_audience import ensure_demo_clip
    from signage.config import SignageConfig
    from signage.player.app import PlayOptions, run_player
    from signage.player.settings import PlayerSettings
    from signage.player.window import PlayerWindow

    path = OUT / "player-overlay.png"

    def grab() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, PlayerWindow) and widget.isVisible():
                widget.grab().save(str(path))
                print(f"wrote {path.relative_to(ROOT)}")

    QTimer.singleShot(10_000, grab)
    options = PlayOptions(
        db_path=db, video=ensure_demo_clip(40), start=dt.datetime(2026, 11, 23, 18, 5), pace_realtime=True,
        show_overlay=True,
    )
    run_player(options, SignageConfig(player=PlayerSettings(camera="none", fullscreen=False)))


if __name__ == "__main__":
    main()
