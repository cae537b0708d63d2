"""Scoring an attire classifier on labelled photos: what `signage audience evaluate-attire` runs.

Offline only: the kiosk never imports this. A labels CSV has a `filename` column (paths
relative to the CSV) and an `attire_label` column holding either the product's own class
names (`school_uniform`, `business`, `workwear`, `casual`) or a dataset's labels that
`label_map` translates (the Clothing Co-Parsing labels of the shared test data are known
by default). A row that cannot be used (an unknown label, an unreadable image, no face)
is one line naming the file's line and is left out; only a missing file or column stops.

Fixed split of a labels CSV for honest tuning: data rows 0, 2, 4, ... tune, rows 1, 3,
5, ... are held out. Anything tuned on a labels file must be tuned with split="tuning"
and reported with split="held_out".
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import cv2

from audience.attire import AttireClassifier
from audience.detection import FaceDetector
from audience.types import Attire
from foundation.csv_rows import CsvHeaderError, CsvProblem, csv_records
from foundation.errors import DataError
from foundation.limits import shorten

# The labels of the shared test data's Clothing Co-Parsing photos. Blazers without a
# suit tag are neither business nor casual: CCP's blazers are mostly fashion blazers over
# casual clothes, some are suit jackets whose suit tag is missing, and a store would file
# them either way. Scoring them as either class would tune to a guess, so they are
# classified and reported separately, never in precision or recall.
DATASET_LABELS: dict[str, Attire | str] = {
    "suit_or_tie": Attire.BUSINESS,
    "blazer_no_suit_tag": "blazer (ambiguous)",
}
# The product's own names always work, so a store can label its photos in them.
PRODUCT_LABELS: dict[str, Attire | str] = {a.value: a for a in Attire if a is not Attire.UNKNOWN}
DEFAULT_LABEL_MAP: dict[str, Attire | str] = {**PRODUCT_LABELS, **DATASET_LABELS}

SPLITS = ("all", "tuning", "held_out")


@dataclass(frozen=True)
class ClassMetrics:
    """Precision, recall and F1 of one attire class."""

    attire: Attire
    support: int  # images (with a face) whose label maps to this class
    predicted: int  # images predicted as this class
    true_positives: int

    @property
    def precision(self) -> float | None:
        """Share of the predictions of this class that were right; None with no predictions."""
        return self.true_positives / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        """Share of this class's images found; None with no support."""
        return self.true_positives / self.support if self.support else None

    @property
    def f1(self) -> float | None:
        """Harmonic mean of precision and recall (0 when either is 0); None with no support."""
        if not self.support:
            return None
        if not self.true_positives:
            return 0.0
        return 2 * self.true_positives / (self.support + self.predicted)


@dataclass(frozen=True)
class AttireReport:
    """Result of `evaluate_attire`."""

    labels_csv: str
    split: str
    images: int  # rows evaluated
    no_face: int  # images where the detector found no face (not in the confusion matrix)
    no_torso: int  # images whose torso was not visible (predicted unknown)
    # Attire classes that occur as a label or a prediction; `unknown` predictions count
    # against recall and appear as a column of the confusion matrix.
    classes: tuple[ClassMetrics, ...]
    # label -> prediction -> images, over scored images with a face; values are Attire values
    confusion: dict[str, dict[str, int]]
    # dataset labels reported separately (e.g. "blazer (ambiguous)") -> prediction -> images
    separate: dict[str, dict[str, int]]
    problems: tuple[str, ...] = ()  # one line per row left out: "labels.csv:12: ..."

    def metrics(self, attire: Attire) -> ClassMetrics:
        """Metrics of `attire` (zero counts when it never occurred)."""
        for item in self.classes:
            if item.attire is attire:
                return item
        return ClassMetrics(attire, 0, 0, 0)

    @property
    def macro_f1(self) -> float | None:
        """Mean F1 over the classes that have labelled images; None when none has."""
        scores = [item.f1 for item in self.classes if item.f1 is not None]
        return sum(scores) / len(scores) if scores else None


@dataclass(frozen=True)
class LabelledPhoto:
    """One usable row of a labels CSV."""

    line: int
    filename: str
    label: Attire | str  # an Attire, or the name a separately reported label goes under


def read_attire_labels(
    labels_csv: Path, label_map: dict[str, Attire | str] = DEFAULT_LABEL_MAP, split: str = "all"
) -> tuple[list[LabelledPhoto], list[str]]:
    """(usable rows, one problem line per row left out) of a labels CSV.

    Raises DataError naming the file for a missing or unreadable file, a missing column
    or an unknown split; a row with an unknown label is a problem line, not an error."""
    labels_csv = Path(labels_csv)
    if split not in SPLITS:
        raise DataError(f"{labels_csv}: unknown split {split!r} (choose from {', '.join(SPLITS)})")
    rows, problems = [], []
    try:
        with labels_csv.open(newline="", encoding="utf-8") as handle:
            # An unbalanced quote costs its own row, named by the line it opened on
            # (foundation.csv_rows); csv.DictReader let it swallow the rows after it.
            header, records = csv_records(handle)
            missing = {"filename", "attire_label"} - set(header or ())
            if missing:
                raise DataError(f"{labels_csv}: missing column {sorted(missing)[0]} (needs filename, attire_label)")
            # A problem line still counts as a data row, so the tuning/held-out split of
            # the rows after it stays as it is in a file without the problem.
            for index, record in enumerate(records):
                if split != "all" and (index % 2 == 0) != (split == "tuning"):
                    continue
                if isinstance(record, CsvProblem):
                    problems.append(f"{labels_csv}:{record.line}: {record.reason}")
                    continue
                line, row = record
                where = f"{labels_csv}:{line}"
                label = (row.get("attire_label") or "").strip()
                filename = (row.get("filename") or "").strip()
                if not filename:
                    problems.append(f"{where}: no filename")
                elif label not in label_map:
                    problems.append(
                        f"{where}: label {shorten(label)} is not an attire class (known: {', '.join(label_map)})"
                    )
                else:
                    rows.append(LabelledPhoto(line, filename, label_map[label]))
    except OSError as error:
        raise DataError(f"{labels_csv}: cannot read labels ({error.strerror})") from None
    except CsvHeaderError as error:
        raise DataError(f"{labels_csv}:{error.line}: header: {error.reason}") from None
    except UnicodeDecodeError as error:
        raise DataError(f"{labels_csv}: not a UTF-8 CSV file ({error})") from None
    return rows, problems


def evaluate_attire(
    labels_csv: Path,
    classifier: AttireClassifier,
    detector: FaceDetector,
    label_map: dict[str, Attire | str] = DEFAULT_LABEL_MAP,
    split: str = "all",
    images_dir: Path | None = None,
) -> AttireReport:
    """Classify the attire of every labelled photo and compare with its label.

    Each photo shows one person: the largest detected face is theirs (a smaller one is a
    passer-by behind them). `label_map` maps labels to an Attire, or to a name under
    which that label's predictions are reported separately and not scored. Images are
    read from `images_dir` (default: the CSV's folder) and never written.
    """
    labels_csv = Path(labels_csv)
    folder = Path(images_dir) if images_dir is not None else labels_csv.parent
    rows, problems = read_attire_labels(labels_csv, label_map, split)
    confusion: dict[str, dict[str, int]] = {}
    separate: dict[str, dict[str, int]] = {}
    no_face = no_torso = 0
    for photo in rows:
        image = read_image(folder / photo.filename)
        if image is None:
            problems.append(f"{labels_csv}:{photo.line}: {photo.filename}: cannot read the image")
            continue
        faces = detector.detect(image)
        if not faces:
            no_face += 1
            continue
        face = max(faces, key=lambda f: f.width * f.height)
        estimate = classifier.classify(image, face.xyxy)
        if estimate.attire is Attire.UNKNOWN and not estimate.scores:
            no_torso += 1
        table = confusion if isinstance(photo.label, Attire) else separate
        key = photo.label.value if isinstance(photo.label, Attire) else photo.label
        row = table.setdefault(key, {})
        row[estimate.attire.value] = row.get(estimate.attire.value, 0) + 1
    classes = []
    for attire in (a for a in Attire if a is not Attire.UNKNOWN):
        support = sum(confusion.get(attire.value, {}).values())
        predicted = sum(row.get(attire.value, 0) for row in confusion.values())
        if support or predicted:
            hits = confusion.get(attire.value, {}).get(attire.value, 0)
            classes.append(ClassMetrics(attire, support, predicted, hits))
    images = len(rows) - sum(1 for p in problems if ": cannot read the image" in p)
    return AttireReport(
        str(labels_csv), split, images, no_face, no_torso, tuple(classes), confusion, separate, tuple(problems)
    )


def read_image(path: Path):
    """The image as BGR, or None. Read through numpy so that a name that is not valid
    UTF-8 reaches OpenCV as bytes it never has to decode."""
    import numpy as np

    try:
        data = np.fromfile(path, dtype=np.uint8)
    except OSError:
        return None
    if data.size == 0:
        return None
    return cv2.imdecode(data, cv2.IMREAD_COLOR)


def format_report(report: AttireReport) -> str:
    """A plain-text table of per-class metrics, macro-F1, the confusion matrix and the rows left out."""

    def number(value: float | None) -> str:
        return "-" if value is None else f"{value:.2f}"

    lines = [
        f"{report.labels_csv} (split: {report.split}): {report.images} images, "
        f"{report.no_face} without a face, {report.no_torso} without a visible torso",
        "",
        f"{'class':<16}{'precision':>10}{'recall':>8}{'F1':>6}{'support':>9}{'predicted':>11}",
    ]
    for item in report.classes:
        lines.append(
            f"{item.attire.value:<16}{number(item.precision):>10}{number(item.recall):>8}{number(item.f1):>6}"
            f"{item.support:>9}{item.predicted:>11}"
        )
    lines.append(f"{'macro-F1':<16}{number(report.macro_f1):>24}")
    columns = [item.attire.value for item in report.classes]
    if any(Attire.UNKNOWN.value in row for row in [*report.confusion.values(), *report.separate.values()]):
        columns.append(Attire.UNKNOWN.value)
    lines += ["", "confusion (rows: label, columns: prediction)", f"{'':<16}" + "".join(f"{c:>16}" for c in columns)]
    for item in report.classes:
        if item.support:
            row = report.confusion.get(item.attire.value, {})
            lines.append(f"{item.attire.value:<16}" + "".join(f"{row.get(c, 0):>16}" for c in columns))
    if report.separate:
        lines += ["", "reported separately (not scored):"]
        for label, row in report.separate.items():
            counts = ", ".join(f"{name} {count}" for name, count in sorted(row.items(), key=lambda kv: -kv[1]))
            total = sum(row.values())
            lines.append(f"  {label}: {total} image{'' if total == 1 else 's'} -> {counts}")
    if report.problems:
        lines += ["", f"rows left out ({len(report.problems)}):"]
        lines += [f"  {problem}" for problem in report.problems[:20]]
        if len(report.problems) > 20:
            lines.append(f"  ... and {len(report.problems) - 20} more")
    return "\n".join(lines)
