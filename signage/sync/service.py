"""`signage sync run`: the kiosk's link to the central server, a process beside the player.

Three tasks, each on its own interval from the `sync:` settings, on an injected clock
(`foundation.clock`), so tests drive rounds without waiting:

* **heartbeat** (`heartbeat_s`, 60 s): the player's status (its own endpoint on
  127.0.0.1), the running release, the spool's counts, the last error and the results of
  commands carried out; the answer gives the server's time (the clock skew is recorded
  and logged when large), the server's next batch `seq`, and remote commands: reload,
  restart and screenshot, carried out through the player's control endpoint and
  acknowledged in the next heartbeat (sent soon after, not a whole interval later);
* **release** (`release_poll_s`, 60 s): `If-None-Match` with the running release's ETag;
  a new release is checked, its content fetched and applied (`signage.sync.apply`); one
  that fails the checks is refused, the old one stays, and the refusal stays in
  `last_error` while the server offers it (it is not fetched again and again);
* **push** (`push_s`, 10 s): new finished plays and audience samples into the spool,
  then batches to the server until the spool is empty (`signage.sync.spool`).

Every failure (the server down or slow, an answer that is not JSON or not the contract's
shape, a refused release, content with the wrong hash) is one log line, counted by kind
(`counters`), and the task is tried again after a backoff (5 s doubling to
`backoff_max_s`, with jitter); nothing a task does can end the service or lose a
spooled row. The player never waits for any of it: it only reads its database.
"""

from __future__ import annotations

import collections
import datetime as dt
import logging
import os
import random
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass

import httpx
from sqlite_utils import Database

from foundation.clock import Clock
from foundation.db import open_database
from foundation.errors import SignageError
from signage.player.status import CONTROL_TOKEN_HEADER, read_control_token
from signage.sync.apply import (
    DownloadPaused,
    ReleaseRefused,
    apply_release,
    fetch_content,
    parse_release,
    prune_content,
    running_release,
)
from signage.sync.client import BadAnswer, FleetClient, ServerRefused, SyncError
from signage.sync.identity import KioskIdentity, SyncPaths
from signage.sync.settings import SyncSettings
from signage.sync.spool import Spool

log = logging.getLogger(__name__)

TASKS = ("heartbeat", "release", "push")
FIRST_RETRY_S = 5.0
JITTER_SHARE = 0.2
MAX_BATCHES_PER_ROUND = 50  # a kiosk back after a day offline catches up over a few rounds
DOWNLOAD_PAUSE_S = 1.0  # a paused download goes on this soon (after the other tasks that are due)
ACK_SOON_S = 5.0  # after carrying out commands, the next heartbeat (with the acks) comes this soon
SKEW_WARNING_S = 60.0  # a kiosk clock off by more than this is logged (the server refuses records 5 min ahead)
# Batches the server refuses for good: anything but these (retried) is set aside.
_RETRIED_REFUSALS = {"database_unavailable", "unauthorised", "forbidden"}


class PlayerUnavailable(SignageError):
    """The player's status or control endpoint did not answer as it should."""


class PlayerControl:
    """The player's status and control endpoint on 127.0.0.1 (`signage.player.status`)."""

    def __init__(self, port: int, token_file, timeout_s: float) -> None:
        self.port = port
        self.token_file = token_file
        # No proxy from the environment: a question to this machine must not go elsewhere.
        self._http = httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=timeout_s, trust_env=False)

    def close(self) -> None:
        """Close the connections."""
        self._http.close()

    def status(self) -> dict | None:
        """The player's status dict, or None when no player answers (it is down, or off)."""
        if not self.port:
            return None
        try:
            response = self._http.get("/status")
            data = response.json() if response.status_code == 200 else None
        except (httpx.HTTPError, ValueError):
            return None
        return data if isinstance(data, dict) else None

    def reload(self) -> str:
        """Ask the player to read its rules and content again; its answer."""
        return self._control("POST", "/control/reload").text.strip()

    def restart(self) -> str:
        """Ask the player to end its run for a fresh one (exit 75); its answer."""
        return self._control("POST", "/control/restart").text.strip()

    def screenshot(self) -> bytes:
        """A PNG of the player's ad surface."""
        response = self._control("GET", "/control/screenshot")
        if not response.content.startswith(b"\x89PNG\r\n\x1a\n"):
            raise PlayerUnavailable("the player's screenshot is not a PNG")
        return response.content

    def _control(self, method: str, path: str) -> httpx.Response:
        if not self.port:
            raise PlayerUnavailable("the player's status endpoint is off (player.status_port: 0)")
        token = read_control_token(self.token_file)
        if token is None:
            raise PlayerUnavailable(f"{self.token_file}: no control token: is the player running?")
        try:
            response = self._http.request(method, path, headers={CONTROL_TOKEN_HEADER: token})
        except httpx.HTTPError as error:
            raise PlayerUnavailable(f"the player does not answer on 127.0.0.1:{self.port} ({error})") from None
        if response.status_code >= 300:
            raise PlayerUnavailable(f"the player answered {response.status_code}: {response.text.strip()[:200]}")
        return response


@dataclass
class _Task:
    interval_s: float
    due_s: float = 0.0
    failures: int = 0  # in a row
    logged: str | None = None  # the failure last logged at WARNING


class SyncService:
    """The three tasks of one kiosk (see the module docstring). Not thread-safe: one thread runs it."""

    def __init__(
        self,
        settings: SyncSettings,
        paths: SyncPaths,
        identity: KioskIdentity,
        clock: Clock,
        *,
        player_status_port: int,
        transport: httpx.BaseTransport | None = None,
        rng: random.Random | None = None,
    ) -> None:
        self.settings = settings
        self.paths = paths
        self.clock = clock
        self.rng = rng or random.Random()
        self.spool = Spool(paths.spool, settings.spool_max_bytes)
        self.client = FleetClient(settings.server_url or identity.server_url, identity.token, settings, transport)
        self.player = PlayerControl(player_status_port, paths.control_token, settings.status_timeout_s)
        self.counters: collections.Counter[str] = collections.Counter()
        self.errors: dict[str, tuple[float, str]] = {}  # task -> (when, message) of its latest failure
        self.skew_s: float | None = None
        self._kiosk_db: Database | None = None
        self._kiosk_db_file: tuple[int, int] | None = None  # (device, inode) of the file opened
        now = clock.now_s()
        self.tasks = {
            "heartbeat": _Task(settings.heartbeat_s, now),
            "release": _Task(settings.release_poll_s, now),
            "push": _Task(settings.push_s, now),
        }
        self._steps: dict[str, Callable[[], str | None]] = {
            "heartbeat": self.heartbeat, "release": self.pull_release, "push": self.push,
        }

    def close(self) -> None:
        """Close the connections and files."""
        self.client.close()
        self.player.close()
        self.spool.close()
        if self._kiosk_db is not None:
            self._kiosk_db.conn.close()

    # -- running -----------------------------------------------------------------------

    def run_once(self) -> None:
        """Every task once, now (`signage sync once`, and the tests)."""
        for name in TASKS:
            self._run(name)

    def run_due(self) -> float:
        """The tasks that are due; returns the seconds until the next one is."""
        for name in TASKS:
            if self.clock.now_s() >= self.tasks[name].due_s:
                self._run(name)
        return max(0.0, min(task.due_s for task in self.tasks.values()) - self.clock.now_s())

    def run_forever(self, stop: threading.Event) -> None:
        """Run the tasks as they come due until `stop` is set."""
        log.info("sync: kiosk service for %s started (release every %.0f s, push every %.0f s, heartbeat every %.0f s)",
                 self.client.server_url, self.settings.release_poll_s, self.settings.push_s, self.settings.heartbeat_s)
        while not stop.is_set():
            stop.wait(min(self.run_due(), 60.0))
        log.info("sync: stopped")

    def _run(self, name: str) -> None:
        task = self.tasks[name]
        now = self.clock.now_s()
        due_before = task.due_s
        try:
            standing = self._steps[name]()
        except (SyncError, PlayerUnavailable) as error:
            self._failed(name, task, now, error.kind if isinstance(error, SyncError) else "player", str(error))
        except (SignageError, sqlite3.Error, OSError) as error:
            # The kiosk's own side: a full disk, a locked or damaged database.
            self._failed(name, task, now, "local", f"{name}: {type(error).__name__}: {error}")
        # Broad on purpose: this is the top of the service's only thread, and a bug in one
        # task must cost that round, never the service (logged with its traceback, counted).
        except Exception as error:
            log.exception("sync: %s failed on an unexpected error", name)
            self._failed(name, task, now, "bug", f"{name}: {type(error).__name__}: {error}", logged=True)
        else:
            # A step that went through may still leave a standing problem (a refused
            # release the server keeps offering, a batch set aside): it stays the error.
            # Its message names what it is about, as every error's does.
            if standing:
                self.errors.pop(name, None)
                self.errors[name] = (now, standing)
            else:
                self.errors.pop(name, None)
            if task.failures:
                log.info("sync: %s works again (after %d failure(s))", name, task.failures)
            task.failures, task.logged = 0, None
            if task.due_s == due_before:  # the step did not ask for its next round itself
                task.due_s = now + task.interval_s

    def _failed(self, name: str, task: _Task, now: float, kind: str, message: str, logged: bool = False) -> None:
        self.counters[kind] += 1
        self.errors.pop(name, None)  # to the end: the newest of equal times is the last one
        self.errors[name] = (now, message)
        task.failures += 1
        backoff = min(self.settings.backoff_max_s, FIRST_RETRY_S * 2 ** (task.failures - 1))
        task.due_s = now + backoff * (1 + self.rng.uniform(0, JITTER_SHARE))
        if logged:
            return
        # One line per change of state (a new failure, a different one) and then every
        # tenth, not one per retry: a server down for a day would be 900 lines otherwise.
        # The message names what failed (heartbeat, release 17, content x, ...).
        level = logging.WARNING if (task.failures == 1 or message != task.logged or task.failures % 10 == 0) \
            else logging.DEBUG
        task.logged = message
        log.log(level, "sync: %s (%s, failure %d in a row; again in %.0f s)", message, kind, task.failures,
                task.due_s - now)

    @property
    def last_error(self) -> str | None:
        """The newest failure of a task whose latest round failed (None: all is well)."""
        if not self.errors:
            return None
        _, message = max(reversed(list(self.errors.values())), key=lambda entry: entry[0])
        return message

    def kiosk_db(self) -> Database:
        """The kiosk's database (the player's file), opened again when the file at its path
        is another one: the player moved a damaged database aside and started a new one,
        and an open connection would go on writing releases into the one moved aside."""
        file_id = _file_id(self.paths.database)
        if self._kiosk_db is not None and file_id != self._kiosk_db_file:
            log.info("sync: %s is a new file: opening it again", self.paths.database)
            self._kiosk_db.conn.close()
            self._kiosk_db = None
        if self._kiosk_db is None:
            self._kiosk_db = open_database(self.paths.database)
            self._kiosk_db_file = _file_id(self.paths.database)
        return self._kiosk_db

    def _local_now(self) -> dt.datetime:
        return self.clock.wall_time(self.clock.now_s()).replace(tzinfo=None)

    # -- heartbeat ---------------------------------------------------------------------

    def heartbeat(self) -> None:
        """Send the status; take the server's time, sequence and commands."""
        local = self._local_now()
        acks = self.spool.unacked()
        counts = self.spool.counts()
        running = running_release(self.kiosk_db())
        body = {
            "sent_at": _local_text(local),
            "utc_offset_s": utc_offset_s(local),
            "release_id": running["release_id"] if running else None,
            "status": self.player.status(),
            "acked": acks,
            "sync": {
                "spooled_plays": counts.spooled_plays,
                "spooled_audience": counts.spooled_audience,
                "dropped_audience": counts.dropped_audience,
                "last_error": self.last_error,
            },
        }
        reply = self.client.heartbeat(body)
        if acks:
            self.spool.acked([ack["command_id"] for ack in acks])
        self._take_server_time(reply.get("server_time"), local)
        next_seq = reply.get("next_seq")
        if next_seq is not None:
            if not isinstance(next_seq, int) or isinstance(next_seq, bool) or next_seq < 1:
                raise BadAnswer(f"heartbeat: next_seq is not a whole number >= 1 ({next_seq!r})")
            self.spool.adopt_server_seq(next_seq)
        commands = reply.get("commands", [])
        if not isinstance(commands, list) or not all(
            isinstance(c, dict) and isinstance(c.get("command_id"), (int, str)) and isinstance(c.get("kind"), str)
            for c in commands
        ):
            raise BadAnswer("heartbeat: commands is not a list of {command_id, kind}")
        carried_out = sum(self._carry_out(command) for command in commands)
        if carried_out:
            task = self.tasks["heartbeat"]
            task.due_s = self.clock.now_s() + min(ACK_SOON_S, task.interval_s)

    def _take_server_time(self, server_time: object, local: dt.datetime) -> None:
        if not isinstance(server_time, str):
            raise BadAnswer("heartbeat: no server_time")
        try:
            server = dt.datetime.fromisoformat(server_time)
        except ValueError:
            raise BadAnswer(f"heartbeat: server_time is not an ISO 8601 time ({server_time[:40]!r})") from None
        if server.tzinfo is None:
            raise BadAnswer("heartbeat: server_time has no UTC offset")
        skew_s = (server - local.astimezone()).total_seconds()
        was_large = self.skew_s is not None and abs(self.skew_s) > SKEW_WARNING_S
        self.skew_s = skew_s
        self.spool.set_state("clock_skew_s", f"{skew_s:.3f}")
        if abs(skew_s) > SKEW_WARNING_S and not was_large:
            log.warning("sync: this kiosk's clock is %.0f s %s the server's (records more than 5 minutes ahead are "
                        "refused): check its time synchronisation", abs(skew_s), "behind" if skew_s > 0 else "ahead of")
        elif was_large and abs(skew_s) <= SKEW_WARNING_S:
            log.info("sync: the kiosk's clock agrees with the server's again (%.1f s)", skew_s)

    def _carry_out(self, command: dict) -> bool:
        """Carry out one remote command (once); True when it was new."""
        command_id, kind = command["command_id"], command["kind"]
        if self.spool.command_seen(str(command_id)):
            return False
        try:
            if kind == "reload":
                result, detail = "done", self.player.reload()
            elif kind == "restart":
                result, detail = "done", self.player.restart()
            elif kind == "screenshot":
                png = self.player.screenshot()
                self.client.put_screenshot(command_id, png)
                result, detail = "done", f"PNG of {len(png)} bytes uploaded"
            else:
                result, detail = "failed", f"unknown command {kind!r} (known: reload, restart, screenshot)"
        except (PlayerUnavailable, SyncError) as error:
            result, detail = "failed", str(error)
        log.info("sync: command %s (%s): %s: %s", command_id, kind, result, detail)
        self.spool.record_command(str(command_id), kind, result, detail[:500], self._local_now())
        return True

    # -- release -----------------------------------------------------------------------

    def pull_release(self) -> str | None:
        """Ask for the current release; check, fetch and apply a new one. Returns the
        refusal that stands when the server still offers a release refused before."""
        db = self.kiosk_db()
        running = running_release(db)
        refused = self.spool.state("refused_etag")
        answer = self.client.release(refused or (running["etag"] if running else None))
        if answer.state == "unchanged":
            return self._refusal() if refused else None
        if answer.state == "none":
            if self.spool.state("no_release") != "1":
                log.info("sync: no release is out for this kiosk's groups; keeping what it plays")
                self.spool.set_state("no_release", 1)
            return None
        self.spool.set_state("no_release", 0)
        if refused and answer.etag == refused:
            return self._refusal()
        if running and answer.etag == running["etag"]:
            self.spool.set_state("refused_etag", "")
            return None  # back to the one it runs (a rollback past a refused one)
        try:
            release = parse_release(answer.release, answer.etag)
            probes: dict = {}
            until_s = self.clock.now_s() + self.settings.download_slice_s
            files = fetch_content(self.client, release, self.paths.content, probes,
                                  stop=lambda: self.clock.now_s() >= until_s)
            apply_release(db, release, files, self._local_now(), probes)
        except DownloadPaused as progress:
            # Not a failure: the other tasks get their turn, then the download goes on.
            log.info("sync: %s: downloading, %s", release.label, progress)
            self.tasks["release"].due_s = self.clock.now_s() + DOWNLOAD_PAUSE_S
            return None
        except ReleaseRefused as error:
            self.spool.set_state("refused_etag", answer.etag or "")
            self.spool.set_state("refused_reason", str(error))
            raise
        self.spool.set_state("refused_etag", "")
        removed = prune_content(db, self.paths.content)
        if removed:
            log.info("sync: %d content file(s) no release uses any more deleted", removed)
        return None

    def _refusal(self) -> str:
        """The server still offers the release refused before: its refusal stands."""
        return self.spool.state("refused_reason") or "release refused"

    # -- push --------------------------------------------------------------------------

    def push(self) -> str | None:
        """Spool what the player logged; send batches until the spool is empty. Returns
        the standing problem when a batch had to be set aside this round."""
        self.spool.take_from(self.paths.database)
        gaps = 0
        set_aside = None
        for _ in range(MAX_BATCHES_PER_ROUND):
            local = self._local_now()
            batch = self.spool.form_batch(local, utc_offset_s(local), self.settings.batch_max_records)
            if batch is None:
                break
            try:
                # A batch resent after a failure goes with the time it is sent now (the
                # server measures the clock skew from it), its records unchanged.
                reply = self.client.telemetry(self.spool.stamped_body(batch, local, utc_offset_s(local)))
            except ServerRefused as error:
                if error.status == 409 and error.code == "duplicate_batch":
                    log.info("telemetry: batch %d was stored before: delivered", batch.seq)
                    self.spool.delivered(batch.seq)
                    continue
                next_seq = error.next_seq
                if error.status == 409 and error.code == "sequence_gap" and next_seq is not None and gaps < 3:
                    gaps += 1
                    self.spool.renumber(next_seq)
                    continue
                if error.code == "from_the_future":
                    # Not stored: the clock jumped back after the records were made. Sent
                    # again (with a fresh sent_at) once the clock has passed them (retried).
                    raise
                if 400 <= error.status < 500 and error.code not in _RETRIED_REFUSALS:
                    self.spool.set_aside(batch.seq, str(error), local)
                    self.counters["batch_set_aside"] += 1
                    set_aside = f"batch {batch.seq} set aside (kept in sync.db, not resent): {error}"
                    continue
                raise
            stored = reply.get("stored")
            if not isinstance(stored, dict):
                raise BadAnswer(f"telemetry: batch {batch.seq}: the answer has no 'stored' counts (resent next round)")
            self.spool.delivered(batch.seq)
            log.debug("telemetry: batch %d delivered (%d plays, %d audience samples)", batch.seq, batch.plays,
                      batch.audience)
        return set_aside


def utc_offset_s(local: dt.datetime) -> int:
    """The machine's UTC offset at the naive local time `local`, in seconds."""
    offset = local.astimezone().utcoffset()
    return int(offset.total_seconds()) if offset is not None else 0


def _file_id(path) -> tuple[int, int] | None:
    """(device, inode) of the file at `path`, None when there is none."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


def _local_text(when: dt.datetime) -> str:
    return when.isoformat(sep=" ", timespec="microseconds")
