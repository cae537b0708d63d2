"""`signage purchases export-parquet` and `signage rules learn --engine spark --receipts PATH` end to end.

The Spark run starts its own JVM, as a user's command does: its output (and Spark's
log) must not reach the terminal, so these tests capture file descriptors 1 and 2.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from signage.cli import main
from tests.playlists.test_learning import MONDAY, write_history

NAME = "learned_adult_afternoon_weekday_after_school_snacks"


@pytest.fixture
def installation(tmp_path: Path, monkeypatch, capfd) -> Path:
    """A seeded database (sample content, seed rules) with a small known purchase history."""
    monkeypatch.setenv("SIGNAGE_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("SIGNAGE_DB", raising=False)
    config = tmp_path / "config.yaml"
    config.write_text("learning:\n  min_context_baskets: 100\n  min_category_baskets: 10\n  min_support: 0.0\n")
    monkeypatch.setenv("SIGNAGE_CONFIG", str(config))
    assert main(["rules", "seed"]) == 0
    write_history(tmp_path / "pos.csv", [("35-44", "15:00", MONDAY, 400, 200), ("55-64", "15:30", MONDAY, 600, 30)])
    assert main(["purchases", "import-csv", str(tmp_path / "pos.csv")]) == 0
    capfd.readouterr()
    return tmp_path


def test_learning_on_spark_prints_and_suggests_what_sqlite_does(installation, capfd):
    receipts = installation / "receipts.parquet"
    assert main(["purchases", "export-parquet", str(receipts)]) == 0
    assert capfd.readouterr().out == f"wrote 1,230 lines of 1,000 baskets (pos.csv) to {receipts}\n"
    assert main(["rules", "learn", "--dry-run"]) == 0
    on_sqlite = capfd.readouterr()
    assert main(["rules", "learn", "--engine", "spark", "--receipts", str(receipts)]) == 0
    on_spark = capfd.readouterr()
    assert on_spark.err == ""  # no JVM banner, no Spark log line, no progress bar
    learned, applied = on_spark.out.split("\nRules: ")
    assert learned + "\n" == on_sqlite.out.removesuffix("--dry-run: no rule changed.\n")
    assert f"{NAME}: after_school_snacks" in learned and applied.startswith("1 added (switched off)")
    assert main(["rules", "suggestions"]) == 0
    assert f"{NAME} [suggested]" in capfd.readouterr().out


def test_receipts_and_engine_go_together(installation, capfd):
    assert main(["rules", "learn", "--receipts", str(installation / "r.parquet")]) == 2
    assert capfd.readouterr().err == "signage: error: --receipts is read by the Spark engine only: add --engine spark\n"
    assert main(["rules", "learn", "--engine", "spark"]) == 2
    assert capfd.readouterr().err == (
        "signage: error: --engine spark needs --receipts PATH, a Parquet file or folder of receipts\n"
    )


def test_a_malformed_receipts_file_is_one_line_before_spark_starts(installation, capfd):
    receipts = installation / "receipts.parquet"
    receipts.write_text("timestamp,basket_id\n")
    assert main(["rules", "learn", "--engine", "spark", "--receipts", str(receipts)]) == 2
    captured = capfd.readouterr()
    assert captured.out == ""
    assert captured.err == (
        f"signage: error: {receipts}: not a Parquet file (it does not start with Parquet's PAR1 mark)\n"
    )


def test_exporting_into_a_folder_or_an_unknown_source_is_refused(installation, capfd):
    assert main(["purchases", "export-parquet", str(installation)]) == 2
    assert "is a folder: name the Parquet file to write" in capfd.readouterr().err
    assert main(["purchases", "export-parquet", str(installation / "r.parquet"), "--source", "pos"]) == 2
    assert "no purchase source 'pos'" in capfd.readouterr().err
    assert not (installation / "r.parquet").exists()


def test_without_java_the_command_says_what_to_install(installation, tmp_path):
    receipts = installation / "receipts.parquet"
    assert main(["purchases", "export-parquet", str(receipts)]) == 0
    empty = tmp_path / "no-java"
    empty.mkdir()
    env = {"PATH": str(empty), "SIGNAGE_DATA_DIR": str(installation), "SIGNAGE_CONFIG": str(installation / "config.yaml"),
           "HOME": str(installation)}
    result = subprocess.run(
        [sys.executable, "-c", "import sys; from signage.cli import main; sys.exit(main())",
         "rules", "learn", "--engine", "spark", "--receipts", str(receipts)],
        check=False, capture_output=True, text=True, env=env, cwd=Path(__file__).resolve().parents[2], timeout=120,
    )
    assert result.returncode == 4, result.stderr
    assert result.stderr == (
        "signage: error: Spark needs Java 17 or later and no `java` is on PATH: install Debian's default-jre-headless"
        " (apt-get install default-jre-headless) or set JAVA_HOME\n"
    )
