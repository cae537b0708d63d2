"""The kiosk's HTTP client of the central server (docs/fleet-api.md, "Kiosk endpoints").

`FleetClient` makes one request per call and turns every way it can go wrong into one
`SyncError` with a one-line message and a `kind` the service counts:

* `unreachable`: no connection, a reset, a timeout (the server is down or slow);
* `refused`: a 4xx or 5xx with the contract's error body (`code`, `reason`), kept on the
  error so the service can act on `duplicate_batch`, `sequence_gap` and `next_seq`;
* `bad_answer`: a 2xx that is not what the contract says (not JSON, a wrong shape).

The kiosk token goes in the Authorization header only: no message, log line or error
ever contains it (httpx's own log names the method, URL and status, not the headers).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import httpx

from foundation.errors import SignageError
from foundation.limits import shorten
from signage.sync.settings import SyncSettings, tls_context

log = logging.getLogger(__name__)

API = "/api/v1"
MAX_JSON_ANSWER_BYTES = 16 * 1024 * 1024  # a release with thousands of items stays far below
MAX_CONTENT_BYTES = 2 * 1024 ** 3  # the server's limit for one content file (2 GiB)


class SyncError(SignageError):
    """Something between the kiosk and the server went wrong; one line, with a `kind`."""

    kind = "sync"


class ServerUnreachable(SyncError):
    """No answer: no connection, a reset, or a timeout."""

    kind = "unreachable"


class BadAnswer(SyncError):
    """The server answered, but not what the contract says (not JSON, a wrong shape)."""

    kind = "bad_answer"


class ServerRefused(SyncError):
    """A 4xx or 5xx answer; `status`, `code` and `reason` from the contract's error body,
    `body` the whole parsed body (e.g. `next_seq` of a `sequence_gap`)."""

    kind = "refused"

    def __init__(self, what: str, status: int, code: str, reason: str, body: dict) -> None:
        self.status, self.code, self.reason, self.body = status, code, reason, body
        super().__init__(f"{what}: the server refused it: {status} {code}: {reason}")

    @property
    def next_seq(self) -> int | None:
        """The `next_seq` of a sequence_gap or duplicate_batch refusal: in the error object
        (as `signage server` puts it) or beside it."""
        error = self.body.get("error") if isinstance(self.body.get("error"), dict) else {}
        value = error.get("next_seq", self.body.get("next_seq"))
        return value if isinstance(value, int) and not isinstance(value, bool) and value >= 1 else None


class ContentRefused(SyncError):
    """A content file that cannot be used: its bytes do not match the sha256 the release
    names, or it is larger than the release says."""

    kind = "hash_mismatch"


@dataclass(frozen=True)
class ReleaseAnswer:
    """What `GET /kiosk/release` said: `state` "new" (with `release` and `etag`),
    "unchanged" (304) or "none" (204: no release is out for the kiosk's groups)."""

    state: str
    release: dict | None = None
    etag: str | None = None


def timeouts(settings: SyncSettings) -> httpx.Timeout:
    """httpx timeouts from the settings: connect, and every read/write/pool wait."""
    return httpx.Timeout(settings.request_timeout_s, connect=settings.connect_timeout_s)


def enrol(server_url: str, code: str, hostname: str, settings: SyncSettings,
          transport: httpx.BaseTransport | None = None) -> tuple[str, str, int | None]:
    """Trade a one-time enrolment code for the kiosk's id and token (`POST /enrol`);
    returns (kiosk_id, token, next_seq): the server's next telemetry batch, when it says."""
    with httpx.Client(base_url=server_url.rstrip("/") + API, timeout=timeouts(settings), verify=tls_context(settings),
                      transport=transport) as http:
        answer = _json(_send(http, "enrolment", "POST", "/enrol", json={"code": code, "hostname": hostname}),
                       "enrolment")
    kiosk_id, token = answer.get("kiosk_id"), answer.get("token")
    if not isinstance(kiosk_id, (str, int)) or isinstance(kiosk_id, bool) or not isinstance(token, str) or not token:
        raise BadAnswer("enrolment: the answer has no kiosk_id and token")
    next_seq = answer.get("next_seq")
    if not isinstance(next_seq, int) or isinstance(next_seq, bool) or next_seq < 1:
        next_seq = None
    return str(kiosk_id), token, next_seq


class FleetClient:
    """The kiosk endpoints of one server, with the kiosk's token. `close()` when done."""

    def __init__(self, server_url: str, token: str, settings: SyncSettings,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.server_url = server_url.rstrip("/")
        self._http = httpx.Client(
            base_url=self.server_url + API,
            headers={"Authorization": f"Bearer {token}"},
            timeout=timeouts(settings),
            verify=tls_context(settings),  # sync.ca_file, or the default bundle
            transport=transport,
        )

    def close(self) -> None:
        """Close the connections."""
        self._http.close()

    def release(self, etag: str | None) -> ReleaseAnswer:
        """The current release for the kiosk's groups, unless it is still `etag`."""
        headers = {"If-None-Match": etag} if etag else {}
        response = _send(self._http, "release", "GET", "/kiosk/release", headers=headers)
        if response.status_code == 304:
            return ReleaseAnswer("unchanged", etag=etag)
        if response.status_code == 204:
            return ReleaseAnswer("none")
        if response.status_code != 200:
            raise BadAnswer(f"release: unexpected status {response.status_code}")
        release = _json(response, "release")
        return ReleaseAnswer("new", release, response.headers.get("ETag") or release.get("etag"))

    def download(self, sha256: str, part: Path, size_bytes: int | None,
                 stop: Callable[[], bool] | None = None) -> bool:
        """Fetch the content `sha256` into the file `part`, resuming what it already holds
        (`Range: bytes=N-`); True when it is complete. `stop()` is asked after each
        piece: True ends this download early (False returned), to be resumed later.
        Raises ContentRefused when more bytes come than `size_bytes`; the caller checks
        the hash of the finished file."""
        have = part.stat().st_size if part.exists() else 0
        limit = size_bytes if size_bytes is not None else MAX_CONTENT_BYTES
        if have > limit:
            part.unlink()
            have = 0
        if size_bytes is not None and have == size_bytes:
            return True
        headers = {"Range": f"bytes={have}-"} if have else {}
        what = f"content {sha256[:12]}"
        try:
            with self._http.stream("GET", f"/kiosk/content/{sha256}", headers=headers) as response:
                if response.status_code == 416 and have:
                    # The part holds more than the file (or a different file): start again.
                    part.unlink()
                    raise BadAnswer(f"{what}: the resumed range was refused (416); starting over next time")
                if response.status_code >= 400:
                    response.read()
                    raise _refusal(what, response)
                if response.status_code not in (200, 206):
                    raise BadAnswer(f"{what}: unexpected status {response.status_code}")
                mode = "ab" if response.status_code == 206 else "wb"  # 200: the server sent it all again
                if response.status_code == 200:
                    have = 0
                descriptor = os.open(part, os.O_WRONLY | os.O_CREAT | (os.O_APPEND if mode == "ab" else os.O_TRUNC), 0o600)
                with os.fdopen(descriptor, mode) as out:
                    for chunk in response.iter_bytes():  # as it arrives: a break keeps all before it
                        have += len(chunk)
                        if have > limit:
                            raise ContentRefused(
                                f"{what}: the server sends more than the {limit} bytes the release names: refused")
                        out.write(chunk)
                        if stop is not None and stop() and (size_bytes is None or have < size_bytes):
                            return False
        except httpx.TimeoutException:
            raise ServerUnreachable(f"{what}: the download timed out (kept {_size(part)} bytes to resume)") from None
        except httpx.TransportError as error:
            raise ServerUnreachable(f"{what}: the download broke off ({_reason(error)}; kept {_size(part)} bytes)") from None
        return True

    def telemetry(self, body: bytes) -> dict:
        """Send one telemetry batch (its JSON, exactly as formed); the server's answer."""
        return _json(_send(self._http, "telemetry", "POST", "/kiosk/telemetry", content=body,
                           headers={"Content-Type": "application/json"}), "telemetry")

    def heartbeat(self, body: dict) -> dict:
        """Send a heartbeat; the server's answer (time, commands, next_seq)."""
        return _json(_send(self._http, "heartbeat", "POST", "/kiosk/heartbeat", json=body), "heartbeat")

    def put_screenshot(self, command_id: str | int, png: bytes) -> None:
        """Upload the screenshot a command asked for."""
        _send(self._http, "screenshot upload", "PUT", f"/kiosk/commands/{command_id}/screenshot", content=png,
              headers={"Content-Type": "image/png"})


def sha256_of_file(path: Path) -> str:
    """The hex SHA-256 of a file, read in chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _send(http: httpx.Client, what: str, method: str, path: str, **kwargs) -> httpx.Response:
    """One request; every failure a SyncError naming `what`."""
    try:
        response = http.request(method, path, **kwargs)
    except httpx.TimeoutException:
        raise ServerUnreachable(f"{what}: the server did not answer in time ({http.base_url.host})") from None
    except httpx.TransportError as error:
        raise ServerUnreachable(f"{what}: cannot reach the server at {http.base_url.host} ({_reason(error)})") from None
    if response.status_code >= 400:
        raise _refusal(what, response)
    return response


def _refusal(what: str, response: httpx.Response) -> ServerRefused:
    """The contract's error body of a 4xx/5xx, or its first words when it has none."""
    body: dict = {}
    try:
        parsed = json.loads(response.content[:MAX_JSON_ANSWER_BYTES])
        body = parsed if isinstance(parsed, dict) else {}
    except (ValueError, UnicodeDecodeError):
        pass
    error = body.get("error") if isinstance(body.get("error"), dict) else {}
    code = error.get("code") if isinstance(error.get("code"), str) else "error"
    reason = error.get("reason") if isinstance(error.get("reason"), str) else ""
    if not reason:
        reason = shorten(response.content[:200].decode("utf-8", "replace").strip() or response.reason_phrase)
    # The reason of a refused release lists every problem, one per line: one line here.
    reason = " | ".join(line.strip() for line in reason.splitlines() if line.strip())
    return ServerRefused(what, response.status_code, code, reason, body)


def _json(response: httpx.Response, what: str) -> dict:
    """The answer's JSON object; BadAnswer for anything else."""
    if len(response.content) > MAX_JSON_ANSWER_BYTES:
        raise BadAnswer(f"{what}: the answer is over {MAX_JSON_ANSWER_BYTES} bytes")
    try:
        data = json.loads(response.content)
    except (ValueError, UnicodeDecodeError):
        start = response.content[:40].decode("utf-8", "replace")
        raise BadAnswer(f"{what}: the answer is not JSON (it starts {shorten(start)})") from None
    if not isinstance(data, dict):
        raise BadAnswer(f"{what}: the answer is not a JSON object (got {type(data).__name__})")
    return data


def _reason(error: Exception) -> str:
    text = " ".join(str(error).split()) or type(error).__name__
    return text[:200]


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
