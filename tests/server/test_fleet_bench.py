"""The fleet benchmark, run tiny for real: its own PostgreSQL, the server as a process tree, 20 kiosks.

20 kiosks for 12 s at ten times the real pace (a push every second, a poll every 6 s),
with the rollout, the server's SIGKILL and restart, and the day-offline kiosk's catch-up
all inside. The counts of the last line come from PostgreSQL, so a server that lost or
duplicated a play (or a client that gave up on a batch) fails this test.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LAST_LINE = re.compile(r"^kiosks (\d+), plays sent (\d+), stored (\d+), lost (\d+), duplicated (\d+)$")

pytestmark = [pytest.mark.slow, pytest.mark.postgres]


def test_a_tiny_fleet_run_loses_and_duplicates_nothing_across_a_server_kill():
    # Given the benchmark at 20 kiosks, 0.2 min, ten times the real pace. It makes (and
    # removes) its own work folder under /tmp: not under pytest's tmp_path, whose parent
    # another pytest run may reset to mode 0700, shutting out the postgres user mid-run.
    command = [sys.executable, str(ROOT / "benchmarks" / "fleet_bench.py"), "--kiosks", "20", "--minutes", "0.2",
               "--speed", "10", "--drain-s", "60", "--client-processes", "1", "--workers", "2"]

    # When it runs to the end
    result = subprocess.run(command, check=False, cwd=ROOT, capture_output=True, text=True, timeout=300)

    # Then it succeeded, its table shows the kill, the rollout and the catch-up, and its
    # last line counts every play sent as stored once
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    lines = result.stdout.strip().splitlines()
    match = LAST_LINE.match(lines[-1])
    assert match, lines[-1]
    kiosks, sent, stored, lost, duplicated = map(int, match.groups())
    assert kiosks == 20
    assert lost == 0 and duplicated == 0
    # The offline kiosk alone brings a day: 8,640 intervals of 1 to 3 plays.
    assert sent > 8640 and stored == sent
    table = result.stdout
    assert "server SIGKILL at" in table
    assert re.search(r"rollout: 99 % of kiosks run release 2 after +\| \d+\.\d s", table), table
    assert re.search(r"offline day: catch-up +\| \d+\.\d s for \d", table), table
    assert re.search(r"kiosks with records still spooled at the end +\| 0 ", table), table
