"""A small real HTTP server answering the kiosk endpoints of docs/fleet-api.md, for the sync tests.

It keeps what the contract says the real server keeps (batches by seq, plays unique by
play_id, commands until acknowledged, screenshots) and can misbehave on purpose: answer
slowly, answer garbage, answer the wrong shape, go down. The tests against the real
server (tests/sync/test_sync_with_server.py) use the real one; this one stays for the
ways a server can go wrong that the real one never does on purpose.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import socket
import threading
import time
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

API = "/api/v1"


class ContractServer:
    """The kiosk side of the contract on 127.0.0.1:`port` (0: a free port)."""

    def __init__(self, port: int = 0, token: str = "kiosk-token-7f3a9c", ssl_context=None) -> None:
        self.token = token
        self.ssl_context = ssl_context  # an ssl.SSLContext (server side): serve HTTPS
        self.kiosk_id = "kiosk-1"
        self.enrol_codes = {"ENROL-CODE-1"}
        self.release: dict | None = None
        self.content: dict[str, bytes] = {}  # sha256 -> bytes
        self.serve_instead: dict[str, bytes] = {}  # sha256 -> other bytes (a wrong file)
        self.cut_content_after: int | None = None  # close the connection after this many bytes (once)
        self.on_content = None  # called before each content answer
        self.batches: dict[int, dict] = {}
        self.plays: dict[int, dict] = {}
        self.audience: list[dict] = []
        self.heartbeats: list[dict] = []
        self.commands: list[dict] = []  # pending until acked
        self.acks: list[dict] = []
        self.screenshots: dict[str, bytes] = {}
        self.requests: list[tuple[str, str, dict]] = []
        self.mode: str | None = None  # None, "garbage", "wrong_shape", "slow", "500", "html"
        self.slow_s = 3.0
        self.server_time_shift_s = 0.0
        self.lock = threading.Lock()
        self.connections: list = []  # open client sockets: closed when the server goes down
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self.port = port
        self.start()

    # -- lifecycle -----------------------------------------------------------------------

    def start(self) -> None:
        """Serve (again, on the same port after `stop`)."""
        owner = self

        class Handler(_Handler):
            server_owner = owner

        self._server = _QuietServer(("127.0.0.1", self.port), Handler)
        if self.ssl_context is not None:
            self._server.socket = self.ssl_context.wrap_socket(self._server.socket, server_side=True)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        name="contract-server", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Go down: the port is closed (connections are refused)."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._thread.join(5)
            self._server = None
        for connection in self.connections:  # kept-alive connections die with the server
            try:
                connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        self.connections.clear()

    @property
    def url(self) -> str:
        return f"{'https' if self.ssl_context is not None else 'http'}://127.0.0.1:{self.port}"

    # -- what the tests set up ---------------------------------------------------------

    def publish(self, release_id: int, document: dict, items: list[dict], files: dict[str, bytes]) -> dict:
        """Put out a release: `items` as the contract's content entries, `files` name -> bytes."""
        content = []
        for item in items:
            entry = {"tags": [], "valid_from": None, "valid_until": None, "age_restricted": False, "text": None,
                     "sha256": None, "size_bytes": None, "extension": None, **item}
            if item["name"] in files:
                data = files[item["name"]]
                sha = hashlib.sha256(data).hexdigest()
                self.content[sha] = data
                entry.update(sha256=sha, size_bytes=len(data))
            content.append(entry)
        body = {"release_id": release_id, "group": "seoul", "version": release_id, "created_at": "2026-12-01T10:00:00+00:00",
                "document": document, "content": content}
        etag = '"' + hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest() + '"'
        body["etag"] = etag
        self.release = body
        return body

    def next_seq(self) -> int:
        return max(self.batches, default=0) + 1


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:  # a client that hung up (a timeout test)
        pass


class _Handler(BaseHTTPRequestHandler):
    server_owner: ContractServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args) -> None:  # quiet
        pass

    def setup(self) -> None:
        super().setup()
        self.server_owner.connections.append(self.connection)

    def do_GET(self) -> None:
        self._handle("GET")

    def do_POST(self) -> None:
        self._handle("POST")

    def do_PUT(self) -> None:
        self._handle("PUT")

    def _handle(self, method: str) -> None:
        owner = self.server_owner
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        path = self.path
        owner.requests.append((method, path, dict(self.headers)))
        if owner.mode == "slow":
            time.sleep(owner.slow_s)
        if owner.mode == "garbage":
            return self._send(200, b"\x00\xffnot json at all", "application/json")
        if owner.mode == "html":
            return self._send(502, b"<html><body>Bad Gateway</body></html>", "text/html")
        if owner.mode == "500":
            return self._error(503, "database_unavailable", "PostgreSQL is down")
        if path == f"{API}/enrol" and method == "POST":
            data = json.loads(body)
            if data.get("code") not in owner.enrol_codes:
                return self._error(401, "unauthorised", "unknown or used enrolment code")
            owner.enrol_codes.discard(data["code"])
            return self._json(200, {"kiosk_id": owner.kiosk_id, "token": owner.token})
        if self.headers.get("Authorization") != f"Bearer {owner.token}":
            return self._error(401, "unauthorised", "no token, or an unknown one")
        if owner.mode == "wrong_shape":
            return self._json(200, {"unexpected": [1, 2, 3]} if "release" not in path else ["a", "list"])
        if path == f"{API}/kiosk/release" and method == "GET":
            if owner.release is None:
                return self._send(204, b"", None)
            if self.headers.get("If-None-Match") == owner.release["etag"]:
                return self._send(304, b"", None)
            return self._json(200, owner.release, {"ETag": owner.release["etag"]})
        if path.startswith(f"{API}/kiosk/content/") and method == "GET":
            sha = path.rsplit("/", 1)[1]
            if sha not in owner.content:
                return self._error(404, "not_found", "no such content")
            if owner.on_content is not None:
                owner.on_content()  # e.g. the test's clock moves on: a download that takes long
            data = owner.serve_instead.get(sha, owner.content[sha])
            start = 0
            ranged = self.headers.get("Range")
            if ranged:
                start = int(ranged.removeprefix("bytes=").rstrip("-"))
                if start >= len(data):
                    return self._error(416, "bad_request", "range beyond the file")
            part = data[start:]
            status = 206 if ranged else 200
            cut = owner.cut_content_after
            if cut is not None:
                owner.cut_content_after = None
                self.send_response(status)
                self.send_header("Content-Length", str(len(part)))
                self.send_header("Content-Type", "application/octet-stream")
                self.end_headers()
                self.wfile.write(part[:cut])
                self.wfile.flush()
                self.close_connection = True
                return
            return self._send(status, part, "application/octet-stream")
        if path == f"{API}/kiosk/telemetry" and method == "POST":
            batch = json.loads(body)
            seq = batch["seq"]
            sent_at = dt.datetime.fromisoformat(batch["sent_at"])
            latest = max([dt.datetime.fromisoformat(p["started_at"]) for p in batch["plays"]], default=sent_at)
            if latest > sent_at + dt.timedelta(minutes=5):
                return self._error(422, "from_the_future", f"a play starts {latest} after sent_at {sent_at}")
            with owner.lock:
                expected = owner.next_seq()
                if seq in owner.batches:
                    return self._error(409, "duplicate_batch", f"batch {seq} is stored already")
                if seq != expected:
                    return self._error(409, "sequence_gap", f"expected batch {expected}", next_seq=expected)
                owner.batches[seq] = batch
                stored = 0
                for play in batch["plays"]:
                    if play["play_id"] not in owner.plays:
                        owner.plays[play["play_id"]] = play
                        stored += 1
                owner.audience.extend(batch["audience"])
            return self._json(200, {"stored": {"plays": stored, "audience": len(batch["audience"])},
                                    "next_seq": seq + 1, "server_time": self._now()})
        if path == f"{API}/kiosk/heartbeat" and method == "POST":
            beat = json.loads(body)
            with owner.lock:
                owner.heartbeats.append(beat)
                acked = {str(ack["command_id"]) for ack in beat.get("acked", [])}
                owner.acks.extend(beat.get("acked", []))
                owner.commands = [c for c in owner.commands if str(c["command_id"]) not in acked]
                commands = list(owner.commands)
            return self._json(200, {"server_time": self._now(), "commands": commands, "next_seq": owner.next_seq()})
        if path.startswith(f"{API}/kiosk/commands/") and path.endswith("/screenshot") and method == "PUT":
            command_id = path.split("/")[-2]
            owner.screenshots[command_id] = body
            return self._send(204, b"", None)
        return self._error(404, "not_found", f"no route {method} {path}")

    def _now(self) -> str:
        now = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=self.server_owner.server_time_shift_s)
        return now.isoformat()

    def _json(self, status: int, data, headers: dict | None = None) -> None:
        self._send(status, json.dumps(data).encode(), "application/json", headers)

    def _error(self, status: int, code: str, reason: str, **extra) -> None:
        # Extra fields (next_seq) inside the error object, as signage server puts them.
        self._json(status, {"error": {"code": code, "reason": reason, **extra}})

    def _send(self, status: int, data: bytes, content_type: str | None, headers: dict | None = None) -> None:
        self.send_response(HTTPStatus(status))
        if content_type:
            self.send_header("Content-Type", content_type)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if data:
            self.wfile.write(data)
