"""Where `signage sync` keeps its files, and the kiosk's identity (server, id, token).

Everything sits beside the kiosk's database (`foundation.paths.database_path()`, or
`--db`), in the kiosk's data folder:

* `sync-identity.json` (0600): the server's address, the kiosk's id and its token, as
  `signage sync enrol` got them. The token is a password: never logged or printed;
* `sync.db`: the sync service's own SQLite file (the spool of records not yet
  acknowledged, the batch sequence, pending command acks), so the player's database is
  only read on the way out;
* `synced-content/`: the content files of the releases, named by their sha256;
* `player-control.token` (0600): written by the player at its start, read here to use
  the player's control endpoint (`signage.player.status`).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from foundation.errors import ConfigError
from signage.player.status import control_token_path

IDENTITY_FILE = "sync-identity.json"
SPOOL_FILE = "sync.db"
CONTENT_FOLDER = "synced-content"


@dataclass(frozen=True)
class SyncPaths:
    """The files of the sync service for the kiosk database at `database`."""

    database: Path

    @property
    def folder(self) -> Path:
        """The kiosk's data folder (the database's)."""
        return self.database.parent

    @property
    def identity(self) -> Path:
        """The enrolment: server, kiosk id, token (0600)."""
        return self.folder / IDENTITY_FILE

    @property
    def spool(self) -> Path:
        """The sync service's own SQLite file."""
        return self.folder / SPOOL_FILE

    @property
    def content(self) -> Path:
        """Downloaded content, by sha256."""
        return self.folder / CONTENT_FOLDER

    @property
    def control_token(self) -> Path:
        """The player's control token (written by the player)."""
        return control_token_path(self.database)


@dataclass(frozen=True)
class KioskIdentity:
    """Who this kiosk is to the server. `repr` hides the token."""

    server_url: str
    kiosk_id: str
    token: str

    def __repr__(self) -> str:
        return f"KioskIdentity(server_url={self.server_url!r}, kiosk_id={self.kiosk_id!r}, token=<hidden>)"


def save_identity(path: Path, identity: KioskIdentity) -> None:
    """Write the identity file owner-only (0600), atomically (a temporary file, then rename)."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    temporary = path.with_name(f".{path.name}.new-{os.getpid()}")
    data = json.dumps(
        {"server_url": identity.server_url, "kiosk_id": identity.kiosk_id, "token": identity.token}, indent=2
    ).encode("utf-8")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.fchmod(descriptor, 0o600)  # exact, whatever the umask
        os.write(descriptor, data)
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
    os.replace(temporary, path)


def load_identity(path: Path) -> KioskIdentity:
    """Read the identity file; ConfigError (one line naming it) when missing or broken."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: this kiosk is not enrolled: run `signage sync enrol --server URL --code CODE`") from None
    except (OSError, ValueError) as error:
        raise ConfigError(f"{path}: cannot read the kiosk's identity ({getattr(error, 'strerror', None) or error})") from None
    if not isinstance(data, dict) or not all(isinstance(data.get(key), str) and data[key]
                                             for key in ("server_url", "kiosk_id", "token")):
        raise ConfigError(f"{path}: expected server_url, kiosk_id and token: enrol the kiosk again")
    return KioskIdentity(data["server_url"], data["kiosk_id"], data["token"])
