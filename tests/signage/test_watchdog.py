"""The player's watchdogs: sd_notify to systemd, and its own thread that ends a hung player.

The hang is real: a helper process stops the player's GUI thread alone with ptrace
(PTRACE_SEIZE + PTRACE_INTERRUPT stop one thread, where SIGSTOP would stop them all),
while it waits in the event loop. Nothing in the player knows about the test.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from audience.engine import AudienceConfig, AudienceEngine
from audience.sources import open_source
from foundation.clock import VideoClock
from signage.player.audience_worker import AudienceWorker
from signage.player.watchdog import (
    EXIT_SOFTWARE,
    Watchdog,
    sd_notify,
    systemd_watchdog_s,
)
from tests.signage.kiosk_support import (
    copy_database,
    seeded_once,
    start_player,
    stop_process,
    wait_for_log,
    write_config,
)


class FakeMonotonic:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now_s = 1000.0

    def __call__(self) -> float:
        return self.now_s


class NotifySocket:
    """A real AF_UNIX datagram socket, as systemd's NOTIFY_SOCKET."""

    def __init__(self, path: Path | None = None, abstract: str | None = None) -> None:
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        if abstract is not None:
            self.sock.bind("\0" + abstract)
            self.address = "@" + abstract
        else:
            self.sock.bind(str(path))
            self.address = str(path)
        self.sock.settimeout(0.2)
        self.messages: list[str] = []

    def receive(self, until: str | None = None, timeout_s: float = 1.0) -> list[str]:
        """Collect messages for `timeout_s` (or until one equals `until`)."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            try:
                message = self.sock.recv(4096).decode()
            except TimeoutError:
                continue
            self.messages.append(message)
            if message == until:
                break
        return self.messages

    def close(self) -> None:
        self.sock.close()


@pytest.fixture
def notify_socket(tmp_path):
    sock = NotifySocket(tmp_path / "notify")
    yield sock
    sock.close()


# -- sd_notify ------------------------------------------------------------------------


def test_sd_notify_sends_one_datagram_to_the_notify_socket(notify_socket):
    assert sd_notify("READY=1", {"NOTIFY_SOCKET": notify_socket.address})
    assert notify_socket.receive(until="READY=1") == ["READY=1"]


def test_sd_notify_reaches_an_abstract_socket():
    sock = NotifySocket(abstract=f"signage-test-{os.getpid()}")
    try:
        assert sd_notify("WATCHDOG=1", {"NOTIFY_SOCKET": sock.address})
        assert sock.receive(until="WATCHDOG=1") == ["WATCHDOG=1"]
    finally:
        sock.close()


def test_sd_notify_without_systemd_or_with_a_dead_socket_does_nothing(tmp_path):
    assert not sd_notify("READY=1", {})
    assert not sd_notify("READY=1", {"NOTIFY_SOCKET": str(tmp_path / "nobody-listens")})


def test_sd_notify_never_blocks_on_a_receiver_that_does_not_read(notify_socket):
    # the GUI thread sends these: a full queue (about ten datagrams) must not stop it
    started = time.monotonic()
    sent = [sd_notify("WATCHDOG=1", {"NOTIFY_SOCKET": notify_socket.address}) for _ in range(200)]
    assert time.monotonic() - started < 2.0
    assert sent[0] and not sent[-1]


def test_the_systemd_watchdog_timeout_is_for_this_process_only():
    assert systemd_watchdog_s({"WATCHDOG_USEC": "3000000"}) == 3.0
    assert systemd_watchdog_s({"WATCHDOG_USEC": "3000000", "WATCHDOG_PID": str(os.getpid())}) == 3.0
    assert systemd_watchdog_s({"WATCHDOG_USEC": "3000000", "WATCHDOG_PID": "1"}) is None  # inherited: not ours
    assert systemd_watchdog_s({}) is None and systemd_watchdog_s({"WATCHDOG_USEC": "soon"}) is None


# -- the watchdog on a fake clock ------------------------------------------------------


def test_a_gui_that_stops_beating_is_reported_hung():
    clock = FakeMonotonic()
    watchdog = Watchdog(30.0, environ={}, monotonic=clock)
    watchdog.beat()
    clock.now_s += 29.0
    assert watchdog.check() is None
    clock.now_s += 2.0
    assert "GUI thread" in watchdog.check() and "31 s" in watchdog.check()


def test_a_silent_engine_stops_the_systemd_pings_and_is_reported_hung(notify_socket):
    clock = FakeMonotonic()
    engine = {"alive_s": clock.now_s, "running": True}
    watchdog = Watchdog(
        30.0,
        engine_alive_s=lambda: engine["alive_s"] if engine["running"] else None,
        engine_timeout_s=60.0,
        environ={"NOTIFY_SOCKET": notify_socket.address, "WATCHDOG_USEC": "6000000"},
        monotonic=clock,
    )
    assert watchdog.beat_interval_s == 1.0  # a third of 6 s is longer than a second
    watchdog.beat()
    assert notify_socket.receive(until="WATCHDOG=1") == ["WATCHDOG=1"]
    # the GUI goes on beating, the engine says nothing for 61 s
    notify_socket.messages.clear()
    for _ in range(61):
        clock.now_s += 1.0
        watchdog.beat()
        notify_socket.receive(until="WATCHDOG=1", timeout_s=0.05)
    assert notify_socket.messages.count("WATCHDOG=1") == 60  # not the last one
    assert "audience engine" in watchdog.check()
    # an engine that has stopped (and the player plays time-only rules) is not hung
    engine["running"] = False
    assert watchdog.check() is None


def test_the_watchdog_thread_calls_on_hung_once():
    reasons = []
    watchdog = Watchdog(0.2, environ={}, on_hung=reasons.append)
    watchdog.start()
    time.sleep(0.8)
    watchdog.stop()
    assert len(reasons) == 1 and "GUI thread" in reasons[0]


def test_the_audience_worker_shows_signs_of_life(qtbot, shared_data):
    path = shared_data / "video" / "intel_preview_face-demographics-walking-and-pause.gif"
    worker = AudienceWorker(
        lambda: AudienceEngine(AudienceConfig(), VideoClock(dt.datetime(2026, 11, 23, 16, 5))),
        lambda: open_source(str(path)),
        source_name=path.name,
        latest_only=False,
    )
    assert worker.last_alive_s is None
    before = time.monotonic()
    seen = []

    def on_snapshot() -> None:
        seen.append(worker.last_alive_s)
        worker.take()  # the next batch is signalled only once this one is taken

    worker.snapshot_ready.connect(on_snapshot)
    with qtbot.waitSignal(worker.finished, timeout=30_000):
        worker.start()
    worker.take()
    assert worker.stop(timeout_s=2.0)
    assert len(seen) >= 2 and before <= seen[0] < seen[-1] <= worker.last_alive_s <= time.monotonic()


def test_an_exception_in_a_qt_slot_ends_the_run_with_exit_code_70(qtbot, tmp_path):
    from PySide6.QtCore import QTimer

    from signage.config import SignageConfig
    from signage.player.app import PlayOptions, run_player
    from signage.player.settings import PlayerSettings
    from signage.player.watchdog import PlayerFailed

    def broken_slot() -> None:
        raise RuntimeError("a bug in a slot")

    # PySide6 used to print this and carry on, with the player's timers possibly never re-armed
    QTimer.singleShot(300, broken_slot)  # fires inside the player's event loop
    started = time.monotonic()
    with pytest.raises(PlayerFailed, match="RuntimeError: a bug in a slot") as raised:
        run_player(
            PlayOptions(db_path=tmp_path / "signage.db", duration_s=20.0, headless=True),
            SignageConfig(player=PlayerSettings(camera="none")),
        )
    assert raised.value.exit_code == EXIT_SOFTWARE == 70
    assert time.monotonic() - started < 10


# -- the real player under a fake systemd ----------------------------------------------

# Stops one thread of another process in a ptrace-stop while it waits in poll/ppoll, i.e.
# inside Qt's event loop, where it does not hold Python's GIL (a thread stopped with the GIL
# would freeze every Python thread, and only systemd's watchdog could see that).
_FREEZE_GUI_THREAD = r"""
import ctypes, os, sys, time
POLLS = {"x86_64": {"7", "271"}, "aarch64": {"73"}}[os.uname().machine]
libc = ctypes.CDLL(None, use_errno=True)
libc.ptrace.argtypes = [ctypes.c_long, ctypes.c_long, ctypes.c_void_p, ctypes.c_void_p]
SEIZE, INTERRUPT, CONT, WALL = 0x4206, 0x4207, 7, 0x40000000
tid = int(sys.argv[1])
if libc.ptrace(SEIZE, tid, None, None) != 0:
    sys.exit("ptrace: " + os.strerror(ctypes.get_errno()))
for attempt in range(500):
    libc.ptrace(INTERRUPT, tid, None, None)
    os.waitpid(tid, WALL)
    if open(f"/proc/{tid}/syscall").read().split()[0] in POLLS:
        print("frozen", flush=True)
        break
    libc.ptrace(CONT, tid, None, None)
    time.sleep(0.003)
else:
    sys.exit("the GUI thread was never seen waiting in its event loop")
while True:  # keep it stopped until the process ends
    try:
        _, status = os.waitpid(tid, WALL)
    except ChildProcessError:
        break
    if os.WIFEXITED(status) or os.WIFSIGNALED(status):
        break
"""


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    return seeded_once(tmp_path_factory)


def _start_headless_player(seeded, tmp_path, notify_address: str, **player_keys):
    db_path = copy_database(seeded[0], tmp_path / "signage.db")
    config = write_config(tmp_path / "config.yaml", **player_keys)
    log_path = tmp_path / "player.log"
    env = {**os.environ, "NOTIFY_SOCKET": notify_address, "WATCHDOG_USEC": "3000000"}
    env.pop("WATCHDOG_PID", None)
    player = start_player(db_path, config, seeded[1], env, "--headless", stderr_path=log_path)
    return player, log_path


@pytest.mark.slow
def test_the_player_tells_systemd_ready_alive_and_stopping(seeded, tmp_path, notify_socket):
    player, log_path = _start_headless_player(seeded, tmp_path, notify_socket.address)
    try:
        assert "READY=1" in notify_socket.receive(until="READY=1", timeout_s=60), log_path.read_text()
        notify_socket.messages.clear()
        # WatchdogSec=3: a ping at least every 1.5 s (it beats every second)
        assert notify_socket.receive(timeout_s=3.5).count("WATCHDOG=1") >= 3
        player.send_signal(signal.SIGTERM)
        assert player.wait(timeout=10) == 0, log_path.read_text()
        assert notify_socket.receive(until="STOPPING=1", timeout_s=1.0)[-1] == "STOPPING=1"
    finally:
        stop_process(player)


@pytest.mark.slow
@pytest.mark.skipif(platform.system() != "Linux", reason="ptrace and /proc are Linux's")
def test_a_hung_gui_thread_ends_the_player_with_exit_code_70(seeded, tmp_path, notify_socket):
    # Given the real player, its own watchdog at 5 s and systemd's pings flowing
    player, log_path = _start_headless_player(seeded, tmp_path, notify_socket.address, watchdog_s=5)
    freezer = None
    try:
        assert "READY=1" in notify_socket.receive(until="READY=1", timeout_s=60), log_path.read_text()
        wait_for_log(log_path, "told systemd the player is ready", player)
        assert "WATCHDOG=1" in notify_socket.receive(until="WATCHDOG=1", timeout_s=3)
        # When its GUI thread stops (in the event loop) and nothing else does
        freezer = subprocess.Popen(
            [sys.executable, "-c", _FREEZE_GUI_THREAD, str(player.pid)], stdout=subprocess.PIPE, text=True
        )
        assert freezer.stdout.readline().strip() == "frozen", "could not stop the GUI thread"
        frozen_at = time.monotonic()
        notify_socket.receive(timeout_s=0.3)  # a ping already on its way
        notify_socket.messages.clear()
        # Then systemd hears no more pings, and the player ends itself with 70 (restarted)
        code = player.wait(timeout=5 + 10)
        waited_s = time.monotonic() - frozen_at
        assert code == EXIT_SOFTWARE, log_path.read_text()
        assert 4.0 < waited_s < 5 + 3, waited_s
        assert "WATCHDOG=1" not in notify_socket.receive(timeout_s=0.2)
        log = log_path.read_text()
        assert "watchdog: the GUI thread has not run its event loop" in log and "exiting with code 70" in log
        assert "Current thread" in log or "Thread 0x" in log  # where each thread was, for the journal
    finally:
        stop_process(player)
        if freezer is not None:
            freezer.wait(timeout=10)
