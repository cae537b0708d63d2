"""The `sync:` section of the config file: how `signage sync` talks to the central server."""

from __future__ import annotations

import os
import ssl
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from audience.settings import POSITIVE, Range, between, check_ranges
from foundation.errors import ConfigError

MIB = 1024 * 1024


@dataclass(frozen=True)
class SyncSettings:
    """How the kiosk's sync service runs (`sync:` in the config file). Units in the names.

    Every numeric field declares its accepted range in `RANGES`.
    """

    # The central server, e.g. https://signage.example.com. Empty: the address given to
    # `signage sync enrol --server` (kept in the kiosk's identity file). When set, it
    # wins over the enrolled one (a server moved to a new name keeps its kiosks).
    server_url: str = ""
    release_poll_s: float = 60.0  # how often the current release is asked for (If-None-Match)
    push_s: float = 10.0  # how often proof of play and audience samples are sent
    heartbeat_s: float = 60.0  # how often the status goes to the server (and commands come back)
    # The local spool of records the server has not acknowledged yet, at most (bytes of
    # their JSON): a record is about 300 bytes (measured: 298 on average), so a day of one
    # play and one audience sample every 10 s takes 5.1 MB and 256 MiB hold about seven
    # weeks of an unreachable server. Over it, the oldest audience samples are dropped
    # (and counted); proof of play is never dropped.
    spool_max_bytes: int = 256 * MIB
    batch_max_records: int = 1000  # plays plus audience samples in one telemetry batch
    connect_timeout_s: float = 5.0  # a server that does not accept the connection this long is down
    request_timeout_s: float = 30.0  # a request with no progress this long has failed (per read)
    # After a failure the task is retried after its backoff: 5 s, doubling up to this
    # (with up to 20 % random jitter, so a fleet does not come back in one wave).
    backoff_max_s: float = 300.0
    status_timeout_s: float = 2.0  # the player's local status and control endpoint
    # A content download runs at most this long per round, then the heartbeat and proof
    # of play go out and it resumes (Range): a large video over a slow line never keeps
    # the kiosk silent long enough to look offline (5 minutes on the server).
    download_slice_s: float = 20.0
    # The certificates the server's TLS certificate is checked against: a PEM file (an
    # absolute path, ~ allowed), e.g. a chain's private CA. Empty: the bundle httpx ships
    # (certifi's public CAs), not the machine's store. When set, only this file is trusted.
    ca_file: str = ""

    RANGES: ClassVar[dict[str, Range]] = {
        # Below a second a fleet of thousands would flood the server; above a day is off.
        "release_poll_s": between(1, 86400),
        "push_s": between(1, 86400),
        "heartbeat_s": between(1, 86400),
        # One batch must fit (8 MiB JSON limit of the server); 64 GiB is more than a kiosk disk.
        "spool_max_bytes": between(1 * MIB, 64 * 1024 * MIB),
        # The server refuses JSON bodies over 8 MiB: 10,000 records of ~500 bytes stay under it.
        "batch_max_records": between(1, 10_000),
        "connect_timeout_s": POSITIVE,
        "request_timeout_s": POSITIVE,
        "backoff_max_s": between(1, 86400),
        "status_timeout_s": POSITIVE,
        "download_slice_s": between(1, 3600),
    }

    def __post_init__(self) -> None:
        """A `ca_file` that cannot be used is a config error now, not a TLS failure later."""
        if self.ca_file:
            tls_context(self)

    def check(self, where: str) -> None:
        """Raise ConfigError naming the key of the first value out of its range."""
        check_ranges(self, where)


def tls_context(settings: SyncSettings) -> ssl.SSLContext | bool:
    """httpx's `verify` for the server: an SSL context trusting `ca_file` only, or True (the
    default bundle) when it is empty. ConfigError (one line, naming the key) when the file
    is missing, unreadable or holds no certificate."""
    if not settings.ca_file:
        return True
    path = Path(os.path.expanduser(settings.ca_file))
    if not path.is_absolute():
        # The service runs from wherever systemd starts it: a relative path would depend on that.
        raise ConfigError(f"ca_file: expected an absolute path to a PEM file, got {settings.ca_file!r}")
    try:
        text = path.read_text(encoding="ascii", errors="replace")
    except OSError as error:
        raise ConfigError(f"ca_file: {path}: cannot read ({error.strerror or error})") from None
    if "-----BEGIN CERTIFICATE-----" not in text:
        raise ConfigError(f"ca_file: {path}: no PEM certificate in it (expected -----BEGIN CERTIFICATE-----)")
    try:
        return ssl.create_default_context(cafile=str(path))
    except (ssl.SSLError, ValueError) as error:
        raise ConfigError(f"ca_file: {path}: not a usable PEM certificate bundle ({error})") from None
