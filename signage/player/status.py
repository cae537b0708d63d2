"""What the player is doing, for the operator at another terminal and for Prometheus.

A small HTTP server on 127.0.0.1 (the port is `player.status_port`, 8787 by default; 0
turns it off) that `signage status` reads:

* `GET /status`: the status dict below, as JSON;
* `GET /metrics`: the same numbers as Prometheus text metrics (exposition format 0.0.4);
* any other path is 404. A provider that raises gives 500 with one line of text, and
  the server goes on serving the next request;
* with a `ControlRequests` (the live player): `POST /control/reload` (read the rules and
  content again now), `POST /control/restart` (end the run with the daily restart's
  exit code 75, so the unit starts a fresh player) and `GET /control/screenshot` (a PNG
  of the ad surface alone: never the aiming picture, never a camera frame). These are
  what `signage sync` carries out for the server's remote commands. Each needs the
  header `X-Signage-Control-Token` with the token the player writes at its start into
  `player-control.token` (0600) beside its database: a web page on the kiosk cannot
  read that file, and a custom header makes a browser ask first (a CORS preflight,
  OPTIONS) which this server never answers; a request with an `Origin` is refused too.
  The actions run on the GUI thread (`ControlRequests.serve`), the request waits for
  them (at most `CONTROL_WAIT_S`).

It listens on the loopback address only and answers only requests whose `Host` is that
address or `localhost` (a web page in a browser on the kiosk cannot read it through a
DNS name that points at 127.0.0.1). Nothing in it is ever a frame, a crop or a face:
names, counts, times and the audience summary the trace already holds.

The status dict (the application fills it, this module only reads it; times are ISO
8601 local time with the UTC offset, durations in seconds):

=================  ============  ============================================================
key                type          meaning
=================  ============  ============================================================
started_at         str           when the player started
uptime_s           float         seconds since `started_at`
mode               str           "live" (a camera or none) or "replay" (a recorded clip)
playing            dict | None   what is on screen: `playlist` (None: the built-in slide),
                                 `item`, `rule` (None: the default playlist), `since` (ISO),
                                 `reason` (why it was chosen)
last_decision      dict | None   the newest decision: `at` (ISO), `playlist`, `rule`, `reason`,
                                 `audience` {`signal`, `group_size`, `dominant_segment`,
                                 `confidence`} (the trace's audience summary, no pixels)
rules_revision     int | None    revision of the rule book in force
counts             dict          `decisions`, `switches`, `plays_by_outcome` {outcome: count},
                                 `rule_reloads`, since the start
camera             dict | None   `state` ("starting", "ok", "no signal", "stopped", "failed"),
                                 `detail` (the source, or why not), `engine_fps`,
                                 `frames_dropped`; None when the player runs without a camera
database           dict          `state` ("ok" while it can be written, else a word for why
                                 not), `reason` (one line, None when ok),
                                 `proof_of_play_pending` (rows waiting in memory to be written)
disk_free_bytes    int | None    free space on the file system of the database's folder
last_errors        list          [{`at` (ISO), `message` (one line)}], at most `LAST_ERRORS`,
                                 newest last
=================  ============  ============================================================

`render_metrics` turns it into metrics (`signage_uptime_seconds`, `signage_decisions_total`,
`signage_plays_total{outcome=...}`, `signage_camera_up`, `signage_info{...} 1`, ...);
a value that is missing or None gives no sample (a player without a camera has no
camera samples, rather than a camera that looks down).
"""

from __future__ import annotations

import collections
import datetime as dt
import hmac
import ipaddress
import json
import logging
import math
import os
import queue
import secrets
import shutil
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from foundation.errors import ConfigError

log = logging.getLogger(__name__)

LAST_ERRORS = 10  # how many of the last warnings and errors the status keeps
METRICS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
_MESSAGE_CHARS = 300  # one error line in the status, at most
CONTROL_TOKEN_HEADER = "X-Signage-Control-Token"
CONTROL_TOKEN_FILE = "player-control.token"
CONTROL_WAIT_S = 10.0  # a control request waits this long for the GUI thread
CONTROL_PATHS = {("POST", "/control/reload"): "reload", ("POST", "/control/restart"): "restart",
                 ("GET", "/control/screenshot"): "screenshot"}


class StatusServer:
    """Serves `provider()` as /status (JSON) and /metrics (Prometheus) on the loopback
    address, from a daemon thread. `start()`, `stop(timeout_s)`.

    `provider` is called on the server's threads, one call per request, possibly two at
    once: it must be thread-safe (return a copy of a dict that the GUI thread replaces
    whole, never one it changes in place) and quick.
    """

    def __init__(
        self,
        provider: Callable[[], dict],
        port: int,
        host: str = "127.0.0.1",
        control: ControlRequests | None = None,
        control_token: str | None = None,
    ) -> None:
        """`port` 0 picks a free port (see `port` after `start()`). `host` must be a
        loopback address: the status is for this machine only. `control` (with its
        `control_token`) serves the /control/ paths; without it they are 404."""
        try:
            loopback = ipaddress.IPv4Address(host).is_loopback
        except ValueError:
            loopback = False
        if not loopback:
            raise ConfigError(f"status endpoint: {host!r} is not an IPv4 loopback address (127.0.0.1): refused")
        if not 0 <= port <= 65535:
            raise ConfigError(f"player.status_port: expected 0 to 65535, got {port}")
        if control is not None and not control_token:
            raise ValueError("a control endpoint needs its token")
        self.provider = provider
        self.control = control
        self.control_token = control_token
        self.host = host
        self.port = port
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Bind and serve on a daemon thread. Raises ConfigError (one line naming the
        address) when the port cannot be had, e.g. another player holds it."""
        if self._thread is not None and self._thread.is_alive():
            raise RuntimeError("status server already running")
        try:
            server = _Server((self.host, self.port), _Handler)
        except OSError as error:
            raise ConfigError(
                f"player.status_port: cannot listen on {self.host}:{self.port} ({error.strerror or error})"
            ) from None
        server.provider = self.provider
        server.control = self.control
        server.control_token = self.control_token
        self.port = server.server_address[1]
        server.allowed_hosts = {self.host, "localhost", f"{self.host}:{self.port}", f"localhost:{self.port}"}
        self._server = server
        # poll_interval bounds how long stop() waits for the serving loop to notice.
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.2}, name="status-http", daemon=True
        )
        self._thread.start()
        log.info("status: http://%s:%s/status and /metrics", self.host, self.port)

    def stop(self, timeout_s: float = 2.0) -> bool:
        """Stop serving and close the socket; True when the thread ended within `timeout_s`."""
        server, thread = self._server, self._thread
        if server is None or thread is None:
            return True
        if thread.is_alive():
            server.shutdown()  # returns once serve_forever's loop has ended (within poll_interval)
        server.server_close()
        thread.join(timeout_s)
        self._server = None
        if thread.is_alive():
            log.warning("status server still running after %.1f s", timeout_s)
            return False
        return True

    @property
    def url(self) -> str:
        """The base address, e.g. http://127.0.0.1:8787."""
        return f"http://{self.host}:{self.port}"


class _Server(ThreadingHTTPServer):
    """The HTTP server with what its handlers need: the provider and the allowed hosts."""

    daemon_threads = True  # a stuck client never keeps the player from exiting
    provider: Callable[[], dict]
    allowed_hosts: set[str]
    last_failure: str | None = None
    control: ControlRequests | None = None
    control_token: str | None = None


class _Handler(BaseHTTPRequestHandler):
    """GET /status and /metrics; everything else 404."""

    server: _Server
    server_version = "signage-status"
    sys_version = ""  # the Server header names no Python version
    timeout = 5.0  # a client that connects and sends nothing does not hold a thread for long

    def do_GET(self) -> None:  # the name http.server calls
        """Answer one GET."""
        if self._refused_host():
            return
        path = urlsplit(self.path).path
        if path.startswith("/control/"):
            self._control("GET", path)
            return
        if path not in ("/status", "/metrics"):
            self._reply(HTTPStatus.NOT_FOUND, "text/plain; charset=utf-8", "not found: try /status or /metrics\n")
            return
        try:
            status = self.server.provider()
            if path == "/status":
                body, kind = json.dumps(status, ensure_ascii=False, default=str) + "\n", "application/json"
            else:
                body, kind = render_metrics(status), METRICS_CONTENT_TYPE
        # Broad on purpose: this is the top of a request. A provider (or a value in its
        # dict) that fails must cost this one request, never the server or the player.
        except Exception as error:  # noqa: BLE001 - the top of a request handler (see above)
            message = _one_line(f"{type(error).__name__}: {error}")
            if message != self.server.last_failure:  # once per new failure, not per scrape
                log.warning("status: the provider failed: %s", message)
                self.server.last_failure = message
            self._reply(HTTPStatus.INTERNAL_SERVER_ERROR, "text/plain; charset=utf-8", f"status unavailable: {message}\n")
            return
        self.server.last_failure = None
        self._reply(HTTPStatus.OK, kind, body)

    def do_POST(self) -> None:  # the name http.server calls
        """Answer one POST: only the control paths have one."""
        if self._refused_host():
            return
        self._control("POST", urlsplit(self.path).path)

    def _refused_host(self) -> bool:
        """Answer 403 and say True when the request's Host is not this machine's loopback name."""
        host = (self.headers.get("Host") or "").strip().lower()
        if host and host not in self.server.allowed_hosts:
            self._reply(HTTPStatus.FORBIDDEN, "text/plain; charset=utf-8", f"host {host!r} not allowed\n")
            return True
        return False

    def _control(self, method: str, path: str) -> None:
        """A control request: the token checked, the action run on the GUI thread."""
        control, token = self.server.control, self.server.control_token
        action = CONTROL_PATHS.get((method, path))
        if control is None or action is None:
            self._reply(HTTPStatus.NOT_FOUND, "text/plain; charset=utf-8", "not found\n")
            return
        given = self.headers.get(CONTROL_TOKEN_HEADER) or ""
        if self.headers.get("Origin") is not None:  # a browser's request: never a program of this kiosk
            self._reply(HTTPStatus.FORBIDDEN, "text/plain; charset=utf-8", "requests from web pages are refused\n")
            return
        if not hmac.compare_digest(given.encode("utf-8", "replace"), token.encode("utf-8")):
            log.warning("control: %s %s refused: %s", method, path, "no token" if not given else "wrong token")
            self._reply(HTTPStatus.FORBIDDEN, "text/plain; charset=utf-8",
                        f"the {CONTROL_TOKEN_HEADER} header is missing or wrong\n")
            return
        result = control.ask(action, CONTROL_WAIT_S)
        self._reply_bytes(HTTPStatus(result.status), result.content_type, result.body)

    def _reply(self, code: HTTPStatus, content_type: str, body: str) -> None:
        self._reply_bytes(code, content_type, body.encode("utf-8"))

    def _reply_bytes(self, code: HTTPStatus, content_type: str, data: bytes) -> None:
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args) -> None:  # http.server's signature
        """Requests go to the debug log, not to stderr (a scrape every 15 s is no news)."""
        log.debug("status: %s " + format, self.address_string(), *args)


# -- the control endpoint ---------------------------------------------------------------


@dataclass(frozen=True)
class ControlResult:
    """What a control action answers: an HTTP status, a content type and the body."""

    status: int
    content_type: str
    body: bytes

    @classmethod
    def text(cls, status: int, message: str) -> ControlResult:
        """A one-line text answer."""
        return cls(status, "text/plain; charset=utf-8", (message.rstrip("\n") + "\n").encode("utf-8"))


class ControlRequests:
    """Control actions asked for on the server's threads, carried out on the GUI thread.

    `actions` maps "reload", "restart" and "screenshot" to callables returning a
    `ControlResult`; they run only inside `serve()`, which the GUI thread calls on a
    timer. `ask` (a server thread) queues one and waits for its result.
    """

    def __init__(self, actions: dict[str, Callable[[], ControlResult]]) -> None:
        self.actions = actions
        self._queue: queue.Queue[tuple[str, queue.Queue]] = queue.Queue()

    def ask(self, action: str, timeout_s: float) -> ControlResult:
        """Queue `action` and wait for the GUI thread to carry it out (503 after `timeout_s`)."""
        answer: queue.Queue[ControlResult] = queue.Queue(maxsize=1)
        self._queue.put((action, answer))
        try:
            return answer.get(timeout=timeout_s)
        except queue.Empty:
            return ControlResult.text(503, f"the player did not carry out {action} within {timeout_s:.0f} s")

    def serve(self) -> int:
        """On the GUI thread: carry out every queued action; returns how many."""
        done = 0
        while True:
            try:
                action, answer = self._queue.get_nowait()
            except queue.Empty:
                return done
            handler = self.actions.get(action)
            try:
                result = handler() if handler is not None else ControlResult.text(404, f"no action {action}")
            # Broad on purpose: an action that fails answers 500 and the player plays on.
            except Exception as error:  # noqa: BLE001 - the top of a control action (see above)
                log.warning("control: %s failed: %s", action, _one_line(f"{type(error).__name__}: {error}"))
                result = ControlResult.text(500, f"{action} failed: {_one_line(str(error))}")
            answer.put(result)
            done += 1


def control_token_path(database: str | Path) -> Path:
    """Where the player keeps its control token: beside its database."""
    return Path(database).parent / CONTROL_TOKEN_FILE


def write_control_token(path: Path) -> str:
    """A new random control token, written owner-only (0600) to `path`; returns it."""
    token = secrets.token_urlsafe(32)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    temporary = path.with_name(f".{path.name}.new-{os.getpid()}")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.fchmod(descriptor, 0o600)  # exact, whatever the umask
        os.write(descriptor, token.encode("ascii"))
    finally:
        os.close(descriptor)
    os.replace(temporary, path)
    return token


def read_control_token(path: Path) -> str | None:
    """The player's control token, or None when there is none (no player has started)."""
    try:
        return path.read_text(encoding="ascii").strip() or None
    except (OSError, UnicodeDecodeError):
        return None


# -- Prometheus text ------------------------------------------------------------------


def render_metrics(status: dict) -> str:
    """The status dict as Prometheus text exposition (version 0.0.4): for each metric a
    `# HELP` and a `# TYPE` line, then its samples."""
    counts = status.get("counts") or {}
    camera = status.get("camera")
    database = status.get("database") or {}
    playing = status.get("playing") or {}
    out: list[str] = []

    def family(name: str, kind: str, help_text: str, samples: Iterable[tuple[dict, object]]) -> None:
        out.append(f"# HELP {name} {_escape_help(help_text)}")
        out.append(f"# TYPE {name} {kind}")
        for labels, value in samples:
            number = _number(value)
            if number is None:
                continue
            label_text = ",".join(f'{key}="{_escape_label(val)}"' for key, val in labels.items())
            out.append(f"{name}{{{label_text}}} {number}" if label_text else f"{name} {number}")

    def one(value: object) -> list[tuple[dict, object]]:
        return [({}, value)]

    family("signage_uptime_seconds", "gauge", "Seconds since the player started.", one(status.get("uptime_s")))
    family("signage_decisions_total", "counter", "Decisions made since the start.", one(counts.get("decisions")))
    family("signage_switches_total", "counter", "Playlist switches since the start.", one(counts.get("switches")))
    family(
        "signage_plays_total",
        "counter",
        "Items that left the screen since the start, by outcome.",
        [({"outcome": outcome}, n) for outcome, n in sorted((counts.get("plays_by_outcome") or {}).items())],
    )
    family("signage_rule_reloads_total", "counter", "Rule book reloads since the start.", one(counts.get("rule_reloads")))
    family(
        "signage_rules_revision", "gauge", "Revision of the rule book in force.", one(status.get("rules_revision"))
    )
    if camera is not None:
        camera_up = camera.get("state") == "ok"
    else:
        camera_up = None
    family("signage_camera_up", "gauge", "1 while the camera gives frames (no sample without a camera).", one(camera_up))
    family(
        "signage_engine_fps",
        "gauge",
        "Frames per second the audience engine analyses.",
        one(camera.get("engine_fps") if camera else None),
    )
    family(
        "signage_frames_dropped_total",
        "counter",
        "Camera frames dropped because the engine was busy.",
        one(camera.get("frames_dropped") if camera else None),
    )
    database_up = database.get("state") == "ok" if database.get("state") is not None else None
    family("signage_database_up", "gauge", "1 while the database can be written.", one(database_up))
    family(
        "signage_proof_of_play_pending",
        "gauge",
        "Proof-of-play rows waiting in memory for the database.",
        one(database.get("proof_of_play_pending")),
    )
    family(
        "signage_disk_free_bytes",
        "gauge",
        "Free bytes on the file system of the database.",
        one(status.get("disk_free_bytes")),
    )
    family(
        "signage_info",
        "gauge",
        "What plays now (the labels); the value is always 1.",
        [
            (
                {
                    "mode": status.get("mode") or "",
                    "playlist": playing.get("playlist") or "",
                    "item": playing.get("item") or "",
                    "rule": playing.get("rule") or "",
                },
                1,
            )
        ],
    )
    return "\n".join(out) + "\n"


def _number(value: object) -> str | None:
    """A sample value in the exposition's syntax; None for no sample."""
    if value is None or isinstance(value, str):
        return None
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        if math.isinf(value):
            return "+Inf" if value > 0 else "-Inf"
        return repr(value)
    return None


def _escape_label(value: object) -> str:
    """A label value as the exposition format wants it: backslash, double quote and
    line feed escaped."""
    return str(value).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def _escape_help(text: str) -> str:
    """HELP text: backslash and line feed escaped."""
    return text.replace("\\", "\\\\").replace("\n", "\\n")


# -- helpers for the application that fills the status -------------------------------


def disk_free_bytes(path: str | Path) -> int | None:
    """Free bytes (for an unprivileged user) on the file system holding `path`, a file
    or a folder; for a path that does not exist yet, its nearest existing parent's.
    None when it cannot be read."""
    path = Path(path)
    for candidate in (path, *path.parents):
        try:
            if candidate.exists():
                return shutil.disk_usage(candidate).free
        except OSError:
            return None
    return None


class RecentErrors(logging.Handler):
    """Keeps the last `capacity` warnings and errors logged, for the status's
    `last_errors`. Attach it to the application's loggers (`install`); `entries()` is
    safe to call from any thread."""

    def __init__(self, capacity: int = LAST_ERRORS, level: int = logging.WARNING) -> None:
        super().__init__(level)
        self._entries: collections.deque[dict] = collections.deque(maxlen=capacity)

    def install(self, logger_names: Iterable[str] = ("signage", "playlists", "audience", "content", "foundation")) -> None:
        """Attach to these loggers (their records still go on to the root's handlers)."""
        for name in logger_names:
            logging.getLogger(name).addHandler(self)

    def uninstall(self, logger_names: Iterable[str] = ("signage", "playlists", "audience", "content", "foundation")) -> None:
        """Detach from the loggers `install` attached to."""
        for name in logger_names:
            logging.getLogger(name).removeHandler(self)

    def emit(self, record: logging.LogRecord) -> None:
        """Keep the record's time and its first line (the handler's lock is held)."""
        try:
            message = _one_line(record.getMessage())
        except Exception:  # noqa: BLE001 - logging's own contract: report, never raise
            self.handleError(record)
            return
        at = dt.datetime.fromtimestamp(record.created).astimezone().isoformat(timespec="seconds")
        self._entries.append({"at": at, "message": message})

    def entries(self) -> list[dict]:
        """The kept errors, oldest first (copies)."""
        with self.lock:
            return [dict(entry) for entry in self._entries]


def _one_line(text: str) -> str:
    lines = str(text).strip().splitlines()
    line = lines[0] if lines else ""
    return line if len(line) <= _MESSAGE_CHARS else line[: _MESSAGE_CHARS - 1] + "…"
