"""Hostile files through the real CLI, each in its own `signage` process (they crashed or
exhausted the process before): a bounded address space (RLIMIT_AS) where the problem was
memory, a timeout everywhere, and output that must decode as UTF-8 (a file name that is
not UTF-8 is printed with \\xNN escapes)."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.content.builders import write_image, write_video
from tests.foundation.hostile import (
    billion_laughs,
    non_utf8_name,
    write_black_png,
    write_bytes_at,
    write_png_declaring,
)

ROOT = Path(__file__).resolve().parents[2]
# The CLI with OpenCV and SQLite maps about 0.7 GB of address space; the billion laughs
# grew by 90 MB/s past any limit, and the 32000 x 32000 PNG needed 8 GB.
MEMORY_LIMIT_BYTES = 1536 * 1024 * 1024
NOT_UTF8_HINT = "rename it, for example with `convmv -f latin1 -t utf8 --notest`"


def run_signage(
    tmp_path: Path, *argv: str, memory_limit: int | None = MEMORY_LIMIT_BYTES, timeout_s: float = 120
) -> tuple[subprocess.CompletedProcess, float]:
    """`signage ARGV` as its own process in a private data folder; (result, seconds it took).

    stdout and stderr are decoded as strict UTF-8: a surrogate escape printed raw would
    fail here."""

    def limit_memory() -> None:
        if memory_limit is not None:
            resource.setrlimit(resource.RLIMIT_AS, (memory_limit, memory_limit))

    env = dict(
        os.environ,
        SIGNAGE_DATA_DIR=str(tmp_path / "data"),
        XDG_CACHE_HOME=str(tmp_path / "cache"),
        QT_QPA_PLATFORM="offscreen",
    )
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "signage.cli", *argv],
        check=False, capture_output=True, cwd=ROOT, env=env, timeout=timeout_s, preexec_fn=limit_memory,
    )
    elapsed_s = time.monotonic() - started
    result.stdout = result.stdout.decode("utf-8")
    result.stderr = result.stderr.decode("utf-8")
    return result, elapsed_s


def assert_one_line_error(result: subprocess.CompletedProcess, exit_code: int) -> str:
    """The last stderr line is the error; nothing is a traceback."""
    assert result.returncode == exit_code, (result.returncode, result.stdout, result.stderr[-2000:])
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("signage: error: ") and len(last) < 500, last[:500]
    return last


# ------------------------------------------------------------------ YAML


def test_rules_validate_and_import_refuse_a_billion_laughs_at_once(tmp_path):
    rules = tmp_path / "laughs.yaml"
    rules.write_text(billion_laughs(9), encoding="utf-8")
    assert rules.stat().st_size < 600
    db = str(tmp_path / "signage.db")

    for argv in (("rules", "validate", str(rules)), ("rules", "import", str(rules), "--db", db)):
        result, elapsed_s = run_signage(tmp_path, *argv)

        assert result.returncode == 2, (argv, result.stderr[-2000:])
        assert "Traceback" not in result.stderr
        output = result.stdout + result.stderr
        assert "YAML anchors and aliases (&a0) are not allowed" in output and len(output) < 2000
        assert elapsed_s < 30, elapsed_s  # seconds of start-up; it used to grow until the machine ran out
    assert "nothing was imported" in result.stderr


def test_an_oversized_rules_file_is_refused_from_its_size(tmp_path):
    rules = tmp_path / "big.yaml"
    rule = "- {name: r%d, playlist: p, when: {age_groups: [teen]}, note: %s}\n"
    rules.write_text(
        "default_playlist: p\nplaylists:\n- {name: p, items: [a]}\nrules:\n"
        + "".join(rule % (index, "x" * 60) for index in range(110_000)),
        encoding="utf-8",
    )
    assert rules.stat().st_size > 10_000_000  # took 53 s and 930 MB to validate

    result, elapsed_s = run_signage(tmp_path, "rules", "validate", str(rules))

    last = assert_one_line_error(result, 2)
    assert last == f"signage: error: {rules}: the rules file is {rules.stat().st_size:,} bytes, more than the limit of 2,097,152 bytes"
    assert elapsed_s < 30, elapsed_s


def test_content_scan_with_aliases_in_content_yaml_is_one_short_line(tmp_path):
    folder = tmp_path / "ads"
    write_image(folder / "welcome.png")
    # The last list as a file's settings: the message quoted 9**9 strings, 722 MB on one line.
    (folder / "content.yaml").write_text(billion_laughs(9) + "welcome.png: *a8\n", encoding="utf-8")

    result, elapsed_s = run_signage(tmp_path, "content", "scan", str(folder), "--db", str(tmp_path / "signage.db"))

    last = assert_one_line_error(result, 2)
    assert last == (
        f"signage: error: {folder / 'content.yaml'}: line 1: YAML anchors and aliases (&a0) are not allowed"
        " (they can expand a small file into gigabytes); write the values out"
    )
    assert elapsed_s < 30, elapsed_s


# ------------------------------------------------------------------ file names that are not UTF-8


@pytest.fixture
def latin1_folder(tmp_path) -> Path:
    """ads/ with welcome.png, and café.png and café.mp4 named in Latin-1."""
    folder = tmp_path / "ads"
    write_image(folder / "welcome.png")
    write_bytes_at(non_utf8_name(folder, suffix=".png"), write_image(tmp_path / "src.png").read_bytes())
    write_bytes_at(non_utf8_name(folder, suffix=".mp4"), write_video(tmp_path / "src.mp4", frame_count=25).read_bytes())
    return folder


def test_content_scan_rejects_non_utf8_names_and_every_later_scan_still_works(tmp_path, latin1_folder):
    db = str(tmp_path / "signage.db")

    first, _ = run_signage(tmp_path, "content", "scan", str(latin1_folder), "--db", db)
    second, _ = run_signage(tmp_path, "content", "scan", str(latin1_folder), "--db", db)

    assert first.returncode == 0, (first.returncode, first.stderr[-2000:])  # was a segfault (139)
    lines = first.stdout.splitlines()
    assert "added welcome (welcome.png)" in lines
    assert "rejected caf\\xe9.mp4: the file name is not valid UTF-8; rename it (for example with `convmv -f latin1 -t utf8 --notest`)" in lines
    assert "rejected caf\\xe9.png: the file name is not valid UTF-8; rename it (for example with `convmv -f latin1 -t utf8 --notest`)" in lines
    assert lines[-1] == f"{latin1_folder}: 1 added, 0 updated, 0 unchanged, 0 removed, 2 rejected"
    assert second.returncode == 0, second.stderr[-2000:]
    assert second.stdout.splitlines()[-1] == f"{latin1_folder}: 0 added, 0 updated, 1 unchanged, 0 removed, 2 rejected"


@pytest.mark.parametrize("suffix", [".mp4", ".png"])
def test_content_add_refuses_a_non_utf8_name_in_one_line(tmp_path, latin1_folder, suffix):
    path = non_utf8_name(latin1_folder, suffix=suffix)

    result, _ = run_signage(tmp_path, "content", "add", os.fsencode(path).decode("utf-8", "surrogateescape"),
                            "--db", str(tmp_path / "signage.db"))

    last = assert_one_line_error(result, 2)
    assert last == (
        f"signage: error: {latin1_folder}/caf\\xe9{suffix}: the file name is not valid UTF-8 (written in another"
        f" encoding, such as Latin-1); {NOT_UTF8_HINT}"
    )


def test_audience_analyze_refuses_a_non_utf8_video_in_one_line(tmp_path, latin1_folder):
    result, _ = run_signage(tmp_path, "audience", "analyze", str(non_utf8_name(latin1_folder, suffix=".mp4")),
                            "--no-progress", memory_limit=None)

    last = assert_one_line_error(result, 3)
    assert last == (
        f"signage: error: {latin1_folder}/caf\\xe9.mp4: the file name is not valid UTF-8 (written in another"
        f" encoding, such as Latin-1); {NOT_UTF8_HINT}"
    )


@pytest.mark.slow  # the player starts Qt and the engine's models before the clip is opened
def test_play_video_refuses_a_non_utf8_clip_in_one_line(tmp_path, latin1_folder):
    result, _ = run_signage(
        tmp_path, "play", "--video", str(non_utf8_name(latin1_folder, suffix=".mp4")), "--headless",
        "--db", str(tmp_path / "signage.db"), memory_limit=None, timeout_s=300,
    )

    last = assert_one_line_error(result, 3)  # was a segfault (139)
    assert last == (
        f"signage: error: {latin1_folder}/caf\\xe9.mp4: the video file name is not valid UTF-8 (written in another"
        f" encoding, such as Latin-1); {NOT_UTF8_HINT}"
    )


def test_audience_calibrate_refuses_labels_in_a_non_utf8_folder_in_one_line(tmp_path):
    # The photos are read by OpenCV by name (cv2.imread), which crashed on such a path.
    folder = Path(non_utf8_name(tmp_path, b"caf\xe9", ""))
    folder.mkdir()
    (folder / "labels.csv").write_text("filename,age_group\na.jpg,10-19\n", encoding="utf-8")
    write_image(folder / "a.jpg")

    result, _ = run_signage(tmp_path, "audience", "calibrate", str(folder / "labels.csv"), "--out",
                            str(tmp_path / "calibration.json"), "--no-progress", memory_limit=None)

    last = assert_one_line_error(result, 2)  # was a segfault (139)
    assert last == (
        f"signage: error: {tmp_path}/caf\\xe9/labels.csv: the path is not valid UTF-8; rename it"
        " (for example with `convmv -f latin1 -t utf8 --notest`)"
    )


# ------------------------------------------------------------------ images too large to show


def test_content_add_refuses_a_32000_pixel_png_from_its_header_in_bounded_memory(tmp_path):
    huge = write_black_png(tmp_path / "huge.png", 32_000, 32_000)  # 3 MB on disk, 3 GB decoded

    result, elapsed_s = run_signage(tmp_path, "content", "add", str(huge), "--db", str(tmp_path / "signage.db"))

    last = assert_one_line_error(result, 2)
    assert last == (
        f"signage: error: {huge}: 32000x32000 pixels (1,024 megapixels) is more than the limit of 40 megapixels;"
        " scale it down (an 8K screen shows 33 megapixels)"
    )
    assert elapsed_s < 30, elapsed_s  # 76 s and 8.2 GB, then accepted


def test_audience_analyze_of_an_image_folder_skips_a_bomb_and_goes_on(tmp_path):
    folder = tmp_path / "frames"
    write_image(folder / "img1.png", seed=1)
    write_png_declaring(folder / "img2.png", 1_000_000, 1_000_000)
    write_bytes_at(non_utf8_name(folder, b"img3_caf\xe9"), write_image(tmp_path / "src.png").read_bytes())
    write_image(folder / "img4.png", seed=4)

    result, _ = run_signage(tmp_path, "audience", "analyze", str(folder), "--no-progress", memory_limit=None)

    assert result.returncode == 0, (result.returncode, result.stderr[-2000:])  # was a cv2.error traceback
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"{folder}: 2 frames (1.0 s)")
    assert "  skipped img2.png: 1000000x1000000 pixels (1,000,000 megapixels) is more than the limit of 40 megapixels; scale it down (an 8K screen shows 33 megapixels)" in lines
    assert "  skipped img3_caf\\xe9.png: the file name is not valid UTF-8; rename it (for example with `convmv -f latin1 -t utf8 --notest`)" in lines
