"""A throwaway PostgreSQL cluster: initdb into a folder, start it on loopback, stop it.

For the tests, the fleet benchmark and `signage server dev-db`; a production server uses
a PostgreSQL run by the operating system (README: "The central server"). It needs
Debian's `postgresql` package (the binaries under /usr/lib/postgresql/VERSION/bin).

PostgreSQL refuses to run as root. Run as root (CI, this machine), the cluster belongs
to the `postgres` system user the Debian package creates, and every command runs as
that user through `runuser`; its folder is made readable to it.

    with ThrowawayCluster(tmp_path / "pg") as cluster:
        dsn = cluster.dsn("signage")     # database created on first use

The server listens on 127.0.0.1 only, on a free port, with `trust` authentication for
local connections: a throwaway cluster holds no data worth a password. fsync is off
(losing the cluster in a power cut loses nothing of value); the benchmark that measures
a restart of the *API server* does not restart PostgreSQL.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

from foundation.errors import SignageError

__all__ = ["ClusterError", "ThrowawayCluster", "postgres_bin_dir"]


class ClusterError(SignageError):
    """PostgreSQL's binaries are missing, or the cluster would not start."""


def postgres_bin_dir() -> Path:
    """The newest /usr/lib/postgresql/*/bin with initdb and pg_ctl, or $SIGNAGE_PG_BIN."""
    if os.environ.get("SIGNAGE_PG_BIN"):
        return Path(os.environ["SIGNAGE_PG_BIN"])
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("initdb")
    if on_path:
        return Path(on_path).parent
    raise ClusterError(
        "PostgreSQL is not installed: install Debian's postgresql package (scripts/bootstrap does) "
        "or set SIGNAGE_PG_BIN to the folder holding initdb and pg_ctl"
    )


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class ThrowawayCluster:
    """One PostgreSQL cluster in `folder`, on 127.0.0.1:`port` while started."""

    def __init__(self, folder: str | os.PathLike, port: int | None = None, *, fsync: bool = False) -> None:
        self.folder = Path(folder).resolve()
        self.data = self.folder / "data"
        self.port = port or _free_port()
        self.fsync = fsync
        self.bin = postgres_bin_dir()
        self._as_postgres = os.geteuid() == 0
        self._started = False

    # ---------------------------------------------------------------------------------
    def _command(self, program: str, *args: str) -> list[str]:
        command = [str(self.bin / program), *args]
        return ["runuser", "-u", "postgres", "--", *command] if self._as_postgres else command

    def _run(self, program: str, *args: str, timeout_s: float = 120) -> str:
        result = subprocess.run(
            self._command(program, *args), capture_output=True, text=True, timeout=timeout_s, cwd="/"
        )
        if result.returncode != 0:
            detail = (result.stderr or result.stdout).strip().splitlines()
            raise ClusterError(f"{program} failed: {detail[-1] if detail else 'exit ' + str(result.returncode)}")
        return result.stdout

    def start(self) -> ThrowawayCluster:
        """initdb (the first time) and start the server; wait until it takes connections."""
        self.folder.mkdir(parents=True, exist_ok=True)
        if self._as_postgres:
            # The postgres user must reach the folder (tmp_path's parents are root's 0700).
            for parent in [self.folder, *self.folder.parents]:
                if parent == Path("/"):
                    break
                mode = parent.stat().st_mode
                if not mode & 0o001:
                    os.chmod(parent, mode | 0o001)
            shutil.chown(self.folder, "postgres", "postgres")
        if not (self.data / "PG_VERSION").exists():
            self._run("initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                      "--locale=C.UTF-8", "--no-sync")
        options = f"-c listen_addresses=127.0.0.1 -c port={self.port} -c unix_socket_directories={self.folder}"
        options += " -c max_connections=200 -c shared_buffers=256MB"
        if not self.fsync:
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.folder / "server.log"), "-o", options,
                  "-w", "-t", "60", "start")
        self._started = True
        deadline = time.monotonic() + 30
        while subprocess.run(self._command("pg_isready", "-h", "127.0.0.1", "-p", str(self.port)),
                             capture_output=True).returncode != 0:
            if time.monotonic() > deadline:
                raise ClusterError(f"PostgreSQL did not start: see {self.folder / 'server.log'}")
            time.sleep(0.1)
        return self

    def create_database(self, name: str) -> None:
        """CREATE DATABASE `name` unless it exists."""
        exists = self._run("psql", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "-tAc",
                           f"SELECT 1 FROM pg_database WHERE datname = '{name}'")
        if exists.strip() != "1":
            self._run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", name)

    def dsn(self, database: str = "signage") -> str:
        """A libpq connection string to `database` (created on first use)."""
        self.create_database(database)
        return f"host=127.0.0.1 port={self.port} user=postgres dbname={database}"

    def stop(self) -> None:
        """Stop the server (fast shutdown); the folder stays for a later start."""
        if self._started:
            try:
                self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")
            finally:
                self._started = False

    def __enter__(self) -> ThrowawayCluster:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
