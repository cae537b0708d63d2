"""The player's watchdog: systemd's (sd_notify) and its own, so a hung player is restarted.

A kiosk whose GUI thread hangs shows one frozen frame for ever, and nothing fails, so
nothing restarts it. Two watchdogs end such a run:

* **systemd's** (`Type=notify`, `WatchdogSec=` in scripts/kiosk/signage-player.service):
  the player says READY=1 once its event loop runs, WATCHDOG=1 while it is healthy and
  STOPPING=1 when it stops, as datagrams to `$NOTIFY_SOCKET` (the protocol of
  sd_notify(3), a few lines of plain Python: no libsystemd binding). Without a ping for
  `WatchdogSec` systemd kills the player (SIGABRT) and restarts it. This one also catches
  a GUI thread stuck while holding Python's GIL, which no thread of the process can see;
* **its own** (`player.watchdog_s`), for a player started without systemd (the XDG
  autostart's restart loop, a shell): a thread that ends the process with exit code 70
  (EX_SOFTWARE) when the GUI thread has not beaten for `watchdog_s`, or the audience
  engine's thread has shown no sign of life for `engine_timeout_s`. Non-zero on purpose:
  the unit (`Restart=on-failure`) and the restart loop restart on any non-zero exit and
  leave a clean exit (Ctrl+Q, SIGTERM) alone.

"Healthy" means both threads move: the GUI thread calls `beat()` from a Qt timer, so a
beat proves its event loop runs; it pings systemd only while the engine's heartbeat
(`AudienceWorker.last_alive_s`) is recent too. An engine that is not running (no camera,
or it stopped with an error and the player went on with time-only rules) is not hung.
"""

from __future__ import annotations

import faulthandler
import logging
import os
import socket
import sys
import threading
import time
from collections.abc import Callable, Mapping

from foundation.errors import SignageError

log = logging.getLogger(__name__)

EXIT_SOFTWARE = 70  # sysexits.h EX_SOFTWARE: the unit and the restart loop restart on it


class PlayerFailed(SignageError):
    """The player stopped on an error it did not expect (an exception in a Qt slot): the
    run ends with a non-zero exit so that the unit or the restart loop starts it again."""

    exit_code = EXIT_SOFTWARE


def sd_notify(state: str, environ: Mapping[str, str] | None = None) -> bool:
    """Send one sd_notify(3) message (e.g. "READY=1") to `$NOTIFY_SOCKET`.

    Returns True when it was sent, False when the player does not run under systemd
    (no NOTIFY_SOCKET) or the socket refused it (logged; the player goes on). A socket
    name starting with "@" is in the abstract namespace, as systemd may hand out.
    """
    environ = os.environ if environ is None else environ
    address = environ.get("NOTIFY_SOCKET", "")
    if not address:
        return False
    if address.startswith("@"):
        address = "\0" + address[1:]
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sock:
            sock.connect(address)
            # Never wait: this runs on the GUI thread, and a receiver that does not read
            # (its queue holds about ten datagrams) must not freeze the screen.
            sock.send(state.encode("utf-8"), socket.MSG_DONTWAIT)
    except OSError as error:  # BlockingIOError (a full queue) included: this message is lost
        log.warning("sd_notify %s to %s failed: %s", state.split("=")[0], environ.get("NOTIFY_SOCKET"), error)
        return False
    return True


def systemd_watchdog_s(environ: Mapping[str, str] | None = None) -> float | None:
    """systemd's watchdog timeout for this process (`WatchdogSec=`), or None when off.

    systemd sets WATCHDOG_USEC, and WATCHDOG_PID when the variables were meant for one
    process only: a child that inherited them must not ping in its parent's name.
    """
    environ = os.environ if environ is None else environ
    try:
        usec = int(environ.get("WATCHDOG_USEC", "0"))
    except ValueError:
        return None
    pid = environ.get("WATCHDOG_PID")
    if usec <= 0 or (pid and pid != str(os.getpid())):
        return None
    return usec / 1_000_000


class Watchdog:
    """Ends the process when the GUI thread stops beating or the engine stops living.

    `start()` starts the checking thread, `beat()` is called on the GUI thread (from a
    timer, every `beat_interval_s`), `stop()` ends the thread and tells systemd the
    player is stopping. `engine_alive_s` returns the engine thread's last sign of life
    (time.monotonic()) or None when no engine runs. `timeout_s` 0 turns the process's
    own watchdog off (systemd's still gets its pings).
    """

    def __init__(
        self,
        timeout_s: float,
        *,
        engine_alive_s: Callable[[], float | None] | None = None,
        engine_timeout_s: float | None = None,
        environ: Mapping[str, str] | None = None,
        monotonic: Callable[[], float] = time.monotonic,
        on_hung: Callable[[str], None] | None = None,
    ) -> None:
        """`on_hung(reason)` ends the process (default: log, dump every thread's stack to
        stderr, `os._exit(EXIT_SOFTWARE)`); a test passes its own with a fake `monotonic`."""
        self.timeout_s = timeout_s
        self._engine_alive_s = engine_alive_s
        self.engine_timeout_s = engine_timeout_s if engine_timeout_s is not None else timeout_s
        self._environ = os.environ if environ is None else environ
        self._monotonic = monotonic
        self._on_hung = on_hung or _exit_hung
        self.systemd_timeout_s = systemd_watchdog_s(self._environ)
        self._last_beat_s = monotonic()
        self._engine_stale_logged = False
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def beat_interval_s(self) -> float:
        """How often the GUI should call `beat()`: a second, or a third of systemd's
        timeout when that is shorter (systemd advises pinging at half of it at least)."""
        interval = 1.0
        if self.systemd_timeout_s:
            interval = min(interval, self.systemd_timeout_s / 3)
        return interval

    def start(self) -> None:
        """Start checking (the process's own watchdog; nothing when `timeout_s` is 0)."""
        self._last_beat_s = self._monotonic()
        if self.timeout_s > 0 and self._thread is None:
            self._stop.clear()
            self._thread = threading.Thread(target=self._watch, name="player watchdog", daemon=True)
            self._thread.start()

    def ready(self) -> None:
        """Tell systemd the player is up (the window shows, the event loop runs)."""
        if sd_notify("READY=1", self._environ):
            log.info("told systemd the player is ready (watchdog %s)", _seconds(self.systemd_timeout_s))

    def beat(self) -> None:
        """The GUI thread is alive: note it, and ping systemd if the engine is alive too."""
        now = self._monotonic()
        self._last_beat_s = now
        stale = self.engine_stale_s(now)
        if stale is not None:
            if not self._engine_stale_logged:
                log.error("audience engine: no sign of life for %.0f s; no more watchdog pings", stale)
                self._engine_stale_logged = True
            return
        self._engine_stale_logged = False
        if self.systemd_timeout_s:
            sd_notify("WATCHDOG=1", self._environ)

    def engine_stale_s(self, now: float | None = None) -> float | None:
        """Seconds the running engine has shown no sign of life, when over its limit."""
        if self._engine_alive_s is None:
            return None
        alive_s = self._engine_alive_s()
        if alive_s is None:
            return None
        now = self._monotonic() if now is None else now
        silent_s = now - alive_s
        return silent_s if silent_s > self.engine_timeout_s else None

    def check(self) -> str | None:
        """Why the player counts as hung now, or None (the thread calls this)."""
        now = self._monotonic()
        silent_s = now - self._last_beat_s
        if silent_s > self.timeout_s:
            return f"the GUI thread has not run its event loop for {silent_s:.0f} s (player.watchdog_s {self.timeout_s:g})"
        stale = self.engine_stale_s(now)
        if stale is not None:
            return (
                f"the audience engine's thread has shown no sign of life for {stale:.0f} s "
                f"(limit {self.engine_timeout_s:g} s)"
            )
        return None

    def stop(self) -> None:
        """Stop checking and tell systemd the player is stopping (a clean stop)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(5.0)
            self._thread = None
        sd_notify("STOPPING=1", self._environ)

    def _watch(self) -> None:
        # Checked a few times per timeout: the exit comes at most a quarter late.
        interval_s = min(1.0, max(self.timeout_s / 4, 0.05))
        while not self._stop.wait(interval_s):
            reason = self.check()
            if reason is not None:
                self._on_hung(reason)
                return


def _exit_hung(reason: str) -> None:
    """End the process at once: the hung thread cannot be asked to clean up."""
    log.critical("watchdog: %s; exiting with code %s so that it is restarted", reason, EXIT_SOFTWARE)
    # Where each thread is stuck, for the journal: the one thing worth knowing afterwards.
    try:
        faulthandler.dump_traceback(file=sys.stderr, all_threads=True)
    except (OSError, ValueError, RuntimeError):  # stderr closed or not a real file
        pass
    for handler in logging.getLogger().handlers:
        try:
            handler.flush()
        except (OSError, ValueError):
            pass
    os._exit(EXIT_SOFTWARE)


def _seconds(value: float | None) -> str:
    return "off" if not value else f"{value:g} s"
