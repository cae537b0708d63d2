"""Files holding purchases or proof of play are readable by their owner only, and
onnxruntime keeps no telemetry (device id, event queue) on disk."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

from audience.models.registry import models_dir

SIGNAGE = str(Path(sys.executable).with_name("signage"))
ROOT = Path(__file__).resolve().parents[2]
TILL_CSV = (
    "receipt,trans_time,product,category,quantity,amount,customer\n"
    "r1,2026-11-23 16:05,chips,BAG SNACKS,1,2.49,c-1001\n"
    "r2,2026-11-24 08:10,coffee,COFFEE,1,2.10,c-1002\n"
)


def umask_022() -> None:
    os.umask(0o022)  # the usual default: new files 0644, folders 0755


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_audience_analyze_leaves_no_onnxruntime_telemetry_in_home(tmp_path, shared_data):
    # Found: onnxruntime kept a device id and a telemetry queue in
    # ~/.cache/Microsoft/DeveloperTools/.onnxruntime because telemetry was never disabled.
    home = tmp_path / "home"
    home.mkdir()
    env = {key: value for key, value in os.environ.items()
           if not key.startswith("XDG_") and key not in ("ORT_DISABLE_TELEMETRY", "SIGNAGE_DATA_DIR")}
    env.update(HOME=str(home), SIGNAGE_MODELS_DIR=str(models_dir()))  # the installed networks, a fresh home
    clip = shared_data / "video" / "intel_preview_face-demographics-walking-and-pause.gif"

    result = subprocess.run(
        [SIGNAGE, "audience", "analyze", str(clip), "--max-frames", "6", "--no-progress"],
        check=False, capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300,
    )

    assert result.returncode == 0, result.stderr
    assert "visitor 1:" in result.stdout  # the networks ran: onnxruntime sessions were made
    left = sorted(str(path.relative_to(home)) for path in home.rglob("*"))
    assert not any("Microsoft" in path or "onnxruntime" in path for path in left), left


def test_a_write_command_under_umask_022_makes_an_owner_only_database_and_folder(tmp_path):
    # Found: the database (purchases with customer ids) was world-readable (0644).
    till = tmp_path / "till.csv"
    till.write_text(TILL_CSV)
    database = tmp_path / "kiosk" / "signage.db"

    result = subprocess.run(
        [SIGNAGE, "purchases", "import-csv", str(till), "--source", "store_4",
         "--map", "timestamp=trans_time,basket_id=receipt", "--db", str(database)],
        check=False, capture_output=True, text=True, cwd=tmp_path, timeout=120, preexec_fn=umask_022,
    )

    assert result.returncode == 0, result.stderr
    assert oct(mode_of(database)) == "0o600"
    assert oct(mode_of(database.parent)) == "0o700"
    assert {path.name: oct(mode_of(path) & 0o077) for path in database.parent.iterdir()} == {"signage.db": "0o0"}


def test_the_wal_and_shm_of_a_writer_under_umask_022_are_owner_only(tmp_path):
    # The -wal and -shm hold the latest rows until a checkpoint; a writer that dies leaves them.
    database = tmp_path / "signage.db"
    writer = textwrap.dedent(
        f"""
        import datetime as dt, os
        from foundation.db import open_database
        from playlists.proof_of_play import ProofOfPlay
        ProofOfPlay(open_database({str(database)!r})).record_event(dt.datetime(2026, 12, 1, 9), "started", "hello")
        os._exit(0)  # killed: nothing closed, nothing checkpointed
        """
    )

    subprocess.run([sys.executable, "-c", writer], check=True, cwd=ROOT, timeout=60, preexec_fn=umask_022)

    files = {path.name: oct(mode_of(path)) for path in tmp_path.iterdir()}
    assert files == {"signage.db": "0o600", "signage.db-wal": "0o600", "signage.db-shm": "0o600"}
