"""Helpers for the kiosk tests: a real X server (Xvfb, no window manager), a seeded database,
and the real `signage play` as a subprocess.

Xvfb, xwininfo (x11-utils), xset (x11-xserver-utils) and xdotool are installed by
scripts/bootstrap; a test that needs one fails (never skips) with the package to install.
"""

from __future__ import annotations

import ctypes
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SIGNAGE = str(Path(sys.executable).parent / "signage")
SCREEN_W, SCREEN_H = 1280, 720
_PACKAGES = {"Xvfb": "xvfb", "xwininfo": "x11-utils", "xset": "x11-xserver-utils", "xdotool": "xdotool"}


def require(tool: str) -> str:
    """The path of `tool`, or fail the test naming the Debian package that has it."""
    path = shutil.which(tool)
    if path is None:
        pytest.fail(
            f"{tool} is not installed: run scripts/bootstrap (it installs the Debian package {_PACKAGES[tool]})",
            pytrace=False,
        )
    return path


@dataclass
class XServer:
    """A running Xvfb: `display` is ":N"."""

    display: str
    process: subprocess.Popen

    def env(self, **extra: str) -> dict[str, str]:
        """The environment of a program on this display (and no other platform)."""
        env = {key: value for key, value in os.environ.items() if key not in ("WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
        env.update(DISPLAY=self.display, **extra)
        return env

    def run(self, *args: str, timeout_s: float = 10.0) -> str:
        """Run an X client on this display; its stdout."""
        result = subprocess.run(args, env=self.env(), capture_output=True, text=True, timeout=timeout_s, check=False)
        assert result.returncode == 0, f"{' '.join(args)}: {result.stderr.strip()}"
        return result.stdout


def start_xvfb(width: int = SCREEN_W, height: int = SCREEN_H) -> XServer:
    """Start Xvfb on a free display (it picks the number and tells it through -displayfd)."""
    xvfb = require("Xvfb")
    read_fd, write_fd = os.pipe()
    process = subprocess.Popen(
        [xvfb, "-displayfd", str(write_fd), "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        number = pipe.readline().strip()  # written once the server accepts clients
    if not number:
        process.kill()
        pytest.fail("Xvfb did not start", pytrace=False)
    return XServer(f":{number}", process)


def stop_process(process: subprocess.Popen, timeout_s: float = 5.0) -> None:
    """End a process this test started (SIGTERM, then SIGKILL)."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout_s)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout_s)


def seed_database(folder: Path) -> tuple[Path, Path]:
    """A database seeded with the sample ads and rules (drawn into `folder/data/media`)
    by the real player; returns (database, data folder)."""
    db_path, data_dir = folder / "seeded.db", folder / "data"
    config = write_config(folder / "seed-config.yaml")
    result = subprocess.run(
        [SIGNAGE, "play", "--headless", "--duration-s", "0.2", "--db", str(db_path), "--config", str(config)],
        env={**os.environ, "SIGNAGE_DATA_DIR": str(data_dir), "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return db_path, data_dir


_SEEDED: dict[str, tuple[Path, Path]] = {}


def seeded_once(tmp_path_factory) -> tuple[Path, Path]:
    """`seed_database` once per test session (drawing the sample ads takes seconds);
    each test copies the database."""
    key = str(tmp_path_factory.getbasetemp())
    if key not in _SEEDED:
        _SEEDED[key] = seed_database(tmp_path_factory.mktemp("kiosk-seed"))
    return _SEEDED[key]


def copy_database(source: Path, target: Path) -> Path:
    """A copy of a SQLite database (through the backup API: the WAL's pages come along)."""
    with sqlite3.connect(source) as from_db, sqlite3.connect(target) as to_db:
        from_db.backup(to_db)
    return target


def write_config(path: Path, **player: object) -> Path:
    """A config file: no camera (time-only rules), plus `player` keys."""
    lines = ["player:", "  camera: none"] + [f"  {key}: {value}" for key, value in player.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def start_player(
    db_path: Path, config: Path, data_dir: Path, env: dict[str, str], *args: str, stderr_path: Path | None = None
) -> subprocess.Popen:
    """`signage -v play` on `db_path` as a subprocess; its log goes to `stderr_path`."""
    log = open(stderr_path, "w", encoding="utf-8") if stderr_path else subprocess.DEVNULL  # noqa: SIM115
    try:
        return subprocess.Popen(
            [SIGNAGE, "-v", "play", "--db", str(db_path), "--config", str(config), *args],
            env={**env, "SIGNAGE_DATA_DIR": str(data_dir)},
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
    finally:
        if stderr_path:
            log.close()


_WINDOW_LINE = re.compile(r'^\s*(0x[0-9a-f]+) "signage player": \(.*?\)\s+(\d+)x(\d+)\+(-?\d+)\+(-?\d+)', re.MULTILINE)


def player_windows(x: XServer) -> list[tuple[str, tuple[int, int, int, int]]]:
    """(id, (width, height, x, y)) of each mapped player window, from `xwininfo -root -tree`.

    xwininfo walks the tree one request at a time, so a window that goes away meanwhile
    (Qt makes and drops helper windows while the player starts) fails its query with
    "Bad Window" / "Bad Drawable": that is the tree changing, not an error, and the walk
    is tried again (seen once in CI).
    """
    for attempt in range(5):
        result = subprocess.run([require("xwininfo"), "-root", "-tree"], env=x.env(), capture_output=True,
                                text=True, timeout=10.0, check=False)
        if result.returncode == 0:
            break
        vanished = "Bad Window" in result.stderr or "Bad Drawable" in result.stderr
        assert vanished and attempt < 4, f"xwininfo -root -tree: {result.stderr.strip()}"
        time.sleep(0.05)
    tree = result.stdout
    return [(m.group(1), tuple(int(v) for v in m.groups()[1:])) for m in _WINDOW_LINE.finditer(tree)]


def wait_for_window(x: XServer, player: subprocess.Popen, timeout_s: float = 60.0) -> tuple[str, tuple]:
    """The player's top-level window once it has been shown at a size other than 1x1
    (or its last geometry after `timeout_s`)."""
    deadline = time.monotonic() + timeout_s
    seen: list = []
    while time.monotonic() < deadline:
        assert player.poll() is None, f"the player exited with {player.returncode} before its window showed"
        seen = player_windows(x)
        if seen and seen[0][1][:2] != (1, 1):
            return seen[0]
        time.sleep(0.2)
    return seen[0] if seen else ("", (0, 0, 0, 0))


def wait_for_log(path: Path, text: str, player: subprocess.Popen, timeout_s: float = 30.0) -> None:
    """Wait until the player's log has `text`."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if text in path.read_text(encoding="utf-8", errors="replace"):
            return
        assert player.poll() is None, f"the player exited with {player.returncode}:\n{path.read_text()}"
        time.sleep(0.1)
    pytest.fail(f"no {text!r} in the player's log after {timeout_s} s:\n{path.read_text()}")


def last_play(db_path: Path) -> tuple[str, str | None]:
    """(item, outcome) of the last proof-of-play row."""
    with sqlite3.connect(db_path) as db:
        row = db.execute("SELECT item, outcome FROM plays ORDER BY play_id DESC LIMIT 1").fetchone()
    assert row is not None, "no proof of play written"
    return row


def grab_screen(x: XServer, path: Path) -> Path:
    """A screenshot of the whole X screen (the root window), taken by another process."""
    code = (
        "import sys\n"
        "from PySide6.QtGui import QGuiApplication\n"
        "app = QGuiApplication(['grab'])\n"
        "assert app.primaryScreen().grabWindow(0).save(sys.argv[1])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(path)],
        env=x.env(QT_QPA_PLATFORM="xcb"),
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return path


class _ClientMessage(ctypes.Structure):
    _fields_ = [
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("window", ctypes.c_ulong),
        ("message_type", ctypes.c_ulong),
        ("format", ctypes.c_int),
        ("data", ctypes.c_long * 5),
    ]


class _XEvent(ctypes.Union):
    _fields_ = [("xclient", _ClientMessage), ("pad", ctypes.c_long * 24)]


def close_like_a_window_manager(x: XServer, window_id: str) -> None:
    """Send the window WM_DELETE_WINDOW, as a window manager's close button does (ICCCM 4.2.8.1)."""
    xlib = ctypes.CDLL("libX11.so.6")
    xlib.XOpenDisplay.restype = ctypes.c_void_p
    xlib.XOpenDisplay.argtypes = [ctypes.c_char_p]
    xlib.XInternAtom.restype = ctypes.c_ulong
    xlib.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    xlib.XSendEvent.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_long, ctypes.c_void_p]
    xlib.XFlush.argtypes = [ctypes.c_void_p]
    xlib.XCloseDisplay.argtypes = [ctypes.c_void_p]
    display = xlib.XOpenDisplay(x.display.encode())
    assert display, f"cannot open display {x.display}"
    try:
        event = _XEvent()
        event.xclient.type = 33  # ClientMessage
        event.xclient.window = int(window_id, 16)
        event.xclient.message_type = xlib.XInternAtom(display, b"WM_PROTOCOLS", 0)
        event.xclient.format = 32
        event.xclient.data[0] = xlib.XInternAtom(display, b"WM_DELETE_WINDOW", 0)
        event.xclient.data[1] = 0  # CurrentTime
        assert xlib.XSendEvent(display, event.xclient.window, 0, 0, ctypes.byref(event))
        xlib.XFlush(display)
    finally:
        xlib.XCloseDisplay(display)
