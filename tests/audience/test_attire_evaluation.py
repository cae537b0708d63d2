"""Tests of audience.attire_evaluation: labels files, the product's class names, the report.

The real check runs the whole path on the Clothing Co-Parsing photos of the shared test
data (`$SIGNAGE_TEST_DATA`, default `../shared/data` beside the repository).
"""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from audience.attire import ProfileAttireClassifier
from audience.attire_evaluation import (
    DEFAULT_LABEL_MAP,
    evaluate_attire,
    format_report,
    read_attire_labels,
)
from audience.types import Attire, FaceDetection
from foundation.errors import DataError
from tests.audience.test_attire import FACE, FRAME_SHAPE, NAVY, draw_person
from tests.conftest import shared_data_dir


@pytest.fixture(scope="module")
def ccp_labels() -> Path:
    """The CCP labels CSV of the shared test data; a missing folder fails, never skips."""
    labels = shared_data_dir() / "attire" / "ccp" / "labels.csv"
    if not labels.is_file():
        pytest.fail(f"{labels}: attire test data missing (set SIGNAGE_TEST_DATA to the shared data folder)")
    return labels


def test_a_row_with_an_unknown_label_is_left_out_with_its_line(tmp_path):
    path = tmp_path / "labels.csv"
    path.write_text("filename,attire_label\na.jpg,casual\nb.jpg,tuxedo\n,business\n")

    rows, problems = read_attire_labels(path)

    assert [(r.filename, r.label) for r in rows] == [("a.jpg", Attire.CASUAL)]
    assert problems[0].startswith(f"{path}:3: label 'tuxedo' is not an attire class")
    assert problems[1] == f"{path}:4: no filename"


def test_the_products_own_class_names_are_labels(tmp_path):
    path = tmp_path / "labels.csv"
    names = ("school_uniform", "business", "workwear", "casual")
    path.write_text("filename,attire_label\n" + "".join(f"{n}.jpg,{n}\n" for n in names))

    rows, problems = read_attire_labels(path)

    assert [r.label for r in rows] == [Attire(n) for n in names] and problems == []
    assert DEFAULT_LABEL_MAP["suit_or_tie"] is Attire.BUSINESS  # the shared data's labels still work


def test_labels_without_the_label_column_are_a_data_error(tmp_path):
    path = tmp_path / "labels.csv"
    path.write_text("filename,label\na.jpg,casual\n")
    with pytest.raises(DataError, match="missing column attire_label"):
        read_attire_labels(path)


@pytest.mark.parametrize(
    "content, message",
    [(b"filename,attire_label\n\xff\xfe,casual\n", "not a UTF-8 CSV"), (b"", "missing column")],
)
def test_a_labels_file_that_is_not_a_csv_is_one_data_error(tmp_path, content, message):
    path = tmp_path / "labels.csv"
    path.write_bytes(content)
    with pytest.raises(DataError, match=message):
        read_attire_labels(path)


def test_a_missing_labels_file_is_a_data_error(tmp_path):
    with pytest.raises(DataError, match="cannot read labels"):
        read_attire_labels(tmp_path / "nope.csv")


class DrawnFaceDetector:
    """Stands in for a face detector on drawn frames (real detectors ignore a drawn oval)."""

    def detect(self, image_bgr: np.ndarray) -> list[FaceDetection]:
        plain_wall = float(image_bgr.std()) < 10.0
        return [] if plain_wall else [FaceDetection(xyxy=FACE, score=0.9)]


def test_evaluation_counts_missing_faces_torsos_and_unreadable_images_and_scores_the_rest(tmp_path):
    # Given drawn photos: a suit, a T-shirt, a T-shirt cut off below the chin, an empty
    # wall, a blazer, and a listed file that is not an image
    frames = {
        "suit.png": ("business", draw_person(jacket=NAVY)),
        "tee.png": ("casual", draw_person(top=(185, 40, 45))),
        "close.png": ("casual", draw_person(top=(185, 40, 45))[:300]),
        "wall.png": ("casual", np.full(FRAME_SHAPE, 180, np.uint8)),
        "blazer.png": ("blazer_no_suit_tag", draw_person(top=(28, 28, 32))),
    }
    for name, (_, image) in frames.items():
        cv2.imwrite(str(tmp_path / name), image)
    (tmp_path / "broken.png").write_bytes(b"not a png")
    rows = "".join(f"{name},{label}\n" for name, (label, _) in frames.items())
    (tmp_path / "labels.csv").write_text("filename,attire_label\n" + rows + "broken.png,casual\nmissing.png,casual\n")

    # When they are evaluated
    report = evaluate_attire(tmp_path / "labels.csv", ProfileAttireClassifier(), DrawnFaceDetector())

    # Then the wall has no face, the close-up no torso, blazers stand apart, bad files are lines
    assert (report.images, report.no_face, report.no_torso) == (5, 1, 1)
    assert report.confusion == {"business": {"business": 1}, "casual": {"casual": 1, "unknown": 1}}
    business, casual = report.metrics(Attire.BUSINESS), report.metrics(Attire.CASUAL)
    assert (business.precision, business.recall, business.f1) == (1.0, 1.0, 1.0)
    assert (casual.precision, casual.recall, casual.support) == (1.0, 0.5, 2)
    assert casual.f1 == pytest.approx(2 / 3)
    assert report.macro_f1 == pytest.approx((1.0 + 2 / 3) / 2)
    assert report.separate == {"blazer (ambiguous)": {"casual": 1}}
    assert report.metrics(Attire.WORKWEAR).precision is None
    assert [p.split(": ", 1)[0] for p in report.problems] == [f"{tmp_path / 'labels.csv'}:7", f"{tmp_path / 'labels.csv'}:8"]
    table = format_report(report)
    assert "1 without a face, 1 without a visible torso" in table
    assert "blazer (ambiguous): 1 image -> casual 1" in table
    assert "macro-F1" in table and "broken.png: cannot read the image" in table


def test_tuning_and_held_out_splits_partition_the_rows(ccp_labels):
    everything, _ = read_attire_labels(ccp_labels)
    tuning, _ = read_attire_labels(ccp_labels, split="tuning")
    held_out, _ = read_attire_labels(ccp_labels, split="held_out")
    assert sorted(r.line for r in tuning + held_out) == sorted(r.line for r in everything)
    assert not {r.line for r in tuning} & {r.line for r in held_out}
    assert tuning[0] == everything[0] and held_out[0] == everything[1]
