"""`signage server`: init, run (a real uvicorn with two workers), user add/list, kiosk add."""

from __future__ import annotations

import argparse
import io
import itertools
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import psycopg
import pytest

from signage.cli import build_parser, main
from signage.server.auth import token_digest
from tests.server.conftest import free_port
from tests.signage.test_cli import iter_parsers

pytestmark = pytest.mark.postgres

ROOT = Path(__file__).resolve().parents[2]
_numbers = itertools.count(1)


@pytest.fixture
def empty_dsn(pg_cluster) -> str:
    """A database with no tables yet."""
    return pg_cluster.dsn(f"cli_{os.getpid()}_{next(_numbers)}")


def _stdin(monkeypatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))


def test_every_server_command_and_option_has_help_text():
    parsers = [(path, sub) for path, sub in iter_parsers(build_parser()) if path.startswith("signage server")]
    assert {path for path, _ in parsers} >= {
        "signage server", "signage server init", "signage server run", "signage server user", "signage server user add",
        "signage server user list", "signage server kiosk", "signage server kiosk add"}
    missing = []
    for path, sub in parsers:
        for action in sub._actions:
            if isinstance(action, argparse._SubParsersAction):  # as tests/signage/test_cli.py checks them
                missing += [f"{path} {choice.dest}" for choice in action._choices_actions if not choice.help]
            elif action.dest != "help" and not action.help:
                missing.append(f"{path} {'/'.join(action.option_strings) or action.dest}")
    assert missing == []


def test_init_then_users_and_a_kiosk(empty_dsn, monkeypatch, capsys):
    assert main(["server", "init", "--dsn", empty_dsn]) == 0
    assert "migration(s) run" in capsys.readouterr().out
    monkeypatch.setenv("SIGNAGE_SERVER_DSN", empty_dsn)
    assert main(["server", "init"]) == 0
    assert "already up to date" in capsys.readouterr().out

    _stdin(monkeypatch, "a long enough password\n")
    assert main(["server", "user", "add", "alice", "--role", "admin", "--password-stdin"]) == 0
    assert capsys.readouterr().out.strip() == "user alice added (admin)"
    _stdin(monkeypatch, "a long enough password\n")
    assert main(["server", "user", "add", "alice", "--role", "viewer", "--password-stdin"]) != 0
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "alice" in err and "exists" in err
    _stdin(monkeypatch, "short\n")
    assert main(["server", "user", "add", "bob", "--role", "viewer", "--password-stdin"]) != 0
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "12 characters" in err
    _stdin(monkeypatch, "")
    assert main(["server", "user", "add", "bob", "--role", "viewer", "--password-stdin"]) != 0
    assert "no password" in capsys.readouterr().err
    _stdin(monkeypatch, "")  # not a terminal, and no --password-stdin: refuse rather than hang
    assert main(["server", "user", "add", "bob", "--role", "viewer"]) != 0
    assert "--password-stdin" in capsys.readouterr().err
    assert main(["server", "user", "list"]) == 0
    out = capsys.readouterr().out
    assert "alice" in out and "admin" in out and "bob" not in out

    with psycopg.connect(empty_dsn, autocommit=True) as db:
        db.execute("INSERT INTO stores (code, name) VALUES ('seoul-01', 'Seoul 1')")
        db.execute("INSERT INTO store_groups (name, kind) VALUES ('seoul', 'region')")
    assert main(["server", "kiosk", "add", "front", "--store", "seoul-01", "--group", "seoul"]) == 0
    out = capsys.readouterr().out
    code = out.strip().splitlines()[-1].rsplit(" ", 1)[-1]
    with psycopg.connect(empty_dsn) as db:
        stored = db.execute("SELECT name, enrol_code_sha256 FROM kiosks").fetchone()
        member = db.execute("SELECT count(*) FROM group_stores").fetchone()[0]
        audit = [row[0] for row in db.execute("SELECT action FROM audit_log ORDER BY audit_id")]
    assert stored[0] == "front" and bytes(stored[1]) == token_digest(code) and member == 1
    assert audit == ["user.create", "kiosk.create"]
    assert main(["server", "kiosk", "add", "back", "--store", "seoul-1"]) != 0
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "seoul-01" in err  # did you mean


def test_without_a_database_the_errors_are_one_line(monkeypatch, capsys):
    monkeypatch.delenv("SIGNAGE_SERVER_DSN", raising=False)
    assert main(["server", "init"]) != 0
    assert "--dsn" in capsys.readouterr().err
    port = free_port()  # nothing listens there
    assert main(["server", "user", "list", "--dsn", f"host=127.0.0.1 port={port} dbname=x connect_timeout=2"]) != 0
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "PostgreSQL" in err


def test_run_serves_with_two_workers_until_stopped(empty_dsn, tmp_path):
    port = free_port()
    environment = {**os.environ, "SIGNAGE_SERVER_DSN": empty_dsn}
    command = [sys.executable, "-m", "signage.cli", "server", "run", "--port", str(port), "--workers", "2",
               "--content-dir", str(tmp_path / "content")]
    process = subprocess.Popen(command, cwd=ROOT, env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               start_new_session=True)
    try:
        deadline = time.monotonic() + 40
        while True:
            try:
                reply = httpx.get(f"http://127.0.0.1:{port}/api/v1/health", timeout=2)
                if reply.status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert process.poll() is None, process.stdout.read().decode(errors="replace")[-2000:]
            assert time.monotonic() < deadline, "signage server run did not answer /health"
            time.sleep(0.2)
        assert reply.json() == {"ok": True, "database": "ok"}
        assert httpx.get(f"http://127.0.0.1:{port}/api/v1/stores", timeout=5).status_code == 401
        assert (tmp_path / "content").is_dir()
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    assert process.returncode == 0


def test_run_refuses_bad_numbers_before_starting(capsys):
    assert main(["server", "run", "--dsn", "host=x", "--port", "70000"]) != 0
    assert "--port" in capsys.readouterr().err
    assert main(["server", "run", "--dsn", "host=x", "--workers", "0"]) != 0
    assert "--workers" in capsys.readouterr().err
