"""Hostile inputs to the audience engine's offline sources: an image folder holding a PNG that
declares a million by a million pixels, a 32000 x 32000 one and a name that is not UTF-8,
and labels CSVs with an unbalanced quote. One bad file is one line; the rest is read.
(A video or a labels folder whose name is not UTF-8 crashed OpenCV: they are tested
through the CLI, in a subprocess, in tests/signage/test_cli_hostile.py.)"""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from audience.attire_evaluation import read_attire_labels
from audience.calibration_fit import compute_face_features
from audience.sources import ImageFolderSource, open_source
from foundation.errors import SourceError
from tests.foundation.hostile import (
    non_utf8_name,
    write_black_png,
    write_bytes_at,
    write_png_declaring,
)

UNBALANCED = 'unbalanced quote: a field opened with " on this line'


def write_png(path: Path, level: int) -> Path:
    ok, data = cv2.imencode(".png", np.full((24, 32, 3), level, np.uint8))
    assert ok
    return write_bytes_at(path, data.tobytes())


def test_an_image_folder_skips_images_too_large_or_not_utf8_and_reads_the_rest(tmp_path):
    write_png(tmp_path / "img1.png", 10)
    write_png_declaring(tmp_path / "img2.png", 1_000_000, 1_000_000)  # OpenCV raised on it
    write_black_png(tmp_path / "img3.png", 32_000, 32_000)  # 3 GB of pixels if decoded
    write_png(non_utf8_name(tmp_path, b"img4_caf\xe9"), 40)
    write_png(tmp_path / "img5.png", 50)
    source = ImageFolderSource(tmp_path, fps=1.0)

    with source:
        frames = []
        while (frame := source.read()) is not None:
            frames.append(frame)

    assert [int(frame.image.mean()) for frame in frames] == [10, 50]
    assert [frame.ts for frame in frames] == [0.0, 1.0]  # the skipped images take no time
    assert source.skipped == [
        "img4_caf\\xe9.png: the file name is not valid UTF-8; rename it (for example with `convmv -f latin1 -t utf8 --notest`)",
        (
            "img2.png: 1000000x1000000 pixels (1,000,000 megapixels) is more than the limit of 40 megapixels;"
            " scale it down (an 8K screen shows 33 megapixels)"
        ),
        (
            "img3.png: 32000x32000 pixels (1,024 megapixels) is more than the limit of 40 megapixels;"
            " scale it down (an 8K screen shows 33 megapixels)"
        ),
    ]


def test_a_damaged_header_is_skipped_as_cannot_decode(tmp_path):
    write_png(tmp_path / "a.png", 10)
    (tmp_path / "b.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dXXXX" + bytes(20))
    source = ImageFolderSource(tmp_path)

    with source:
        assert source.read() is not None and source.read() is None

    assert source.skipped == ["b.png: cannot decode (a PNG file must start with its IHDR chunk (damaged file))"]


def test_a_folder_or_video_whose_own_name_is_not_utf8_is_refused_with_a_printable_line(tmp_path):
    folder = Path(non_utf8_name(tmp_path, b"caf\xe9", ""))
    folder.mkdir()
    write_png(folder / "a.png", 10)

    with pytest.raises(SourceError) as error:
        open_source(str(folder))

    assert str(error.value) == (
        f"{tmp_path}/caf\\xe9: the folder name is not valid UTF-8 (written in another encoding, such as Latin-1);"
        " rename it, for example with `convmv -f latin1 -t utf8 --notest`"
    )
    with pytest.raises(SourceError, match=r"caf\\xe9: the folder name is not valid UTF-8"):
        ImageFolderSource(folder).open()


def labels_with_an_unbalanced_quote(path: Path, header: str, rows: list[str]) -> Path:
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def test_attire_labels_with_an_unbalanced_quote_lose_one_row_and_keep_the_split(tmp_path):
    path = labels_with_an_unbalanced_quote(tmp_path / "labels.csv", "filename,attire_label", [
        "a.jpg,casual",        # line 2, data row 0
        '"b.jpg,business',     # 3, row 1: the quote never closes
        "c.jpg,workwear",      # 4, row 2
        "d.jpg,casual",        # 5, row 3
        "e.jpg,business",      # 6, row 4
    ])

    rows, problems = read_attire_labels(path)
    tuning, _ = read_attire_labels(path, split="tuning")
    held_out, held_out_problems = read_attire_labels(path, split="held_out")

    assert [(row.line, row.filename) for row in rows] == [(2, "a.jpg"), (4, "c.jpg"), (5, "d.jpg"), (6, "e.jpg")]
    assert len(problems) == 1 and problems[0].startswith(f"{path}:3: {UNBALANCED}")
    # The bad row still counts as row 1: the even rows tune, the odd ones are held out.
    assert [row.filename for row in tuning] == ["a.jpg", "c.jpg", "e.jpg"]
    assert [row.filename for row in held_out] == ["d.jpg"] and held_out_problems == problems


def test_age_labels_with_an_unbalanced_quote_lose_one_row(tmp_path, age_gender_estimator, face_detector):
    # The photos do not exist: every readable row is a "cannot read the image" problem with
    # its own line, so the test sees which rows were read without running the networks.
    path = labels_with_an_unbalanced_quote(tmp_path / "labels.csv", "filename,age_group", [
        "a.jpg,10-19",      # line 2
        '"b.jpg,20-29',     # 3: the quote never closes
        "c.jpg,30-39",      # 4
        "d.jpg,40-49",      # 5
    ])

    faces = compute_face_features(path, age_gender_estimator, face_detector)

    assert faces.labels == []
    assert [problem.split(": ", 2)[:2] for problem in faces.problems] == [
        [f"{path}:2", "a.jpg"], [f"{path}:3", UNBALANCED.split(": ")[0]], [f"{path}:4", "c.jpg"], [f"{path}:5", "d.jpg"],
    ]
    assert faces.problems[1].startswith(f"{path}:3: {UNBALANCED}")
