"""Fitting the attire head on labelled photos: what `signage audience fit-attire` runs.

Offline only. The head (`audience.attire_network.AttireHead`) is a multinomial logistic
regression on a handful of inputs with a meaning: the clothing network's log
probability of a suit, a Windsor tie, a bow tie, a jersey (T-shirt) and a bulletproof
vest (the nearest ImageNet has to a safety vest), of any formal wear, and the shares of
fluorescent yellow and orange on the torso. Few inputs on purpose: on the shared test
data a head on 68 clothing classes or on the network's 1280 features did no better on
the held-out half, and a head that reads the scene behind a worker (construction sites
in the photos) would not hold in a store.

The regularisation is chosen by cross-validation inside the photos it is fitted on
(`calibration_fit`'s Newton solver and folds), never on the photos it is scored on.
Only numbers are kept: photos are read, classified and forgotten.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from audience.attire_evaluation import DEFAULT_LABEL_MAP, read_image, read_attire_labels
from audience.attire_network import AttireHead, NetworkAttireClassifier, TorsoEvidence, head_inputs
from audience.calibration_fit import FitOptions, _choose_l2, _fit_logistic
from audience.detection import FaceDetector
from audience.types import Attire
from foundation.errors import DataError

# suit, Windsor tie, bow tie, jersey (T-shirt), bulletproof vest
HEAD_IMAGENET_CLASSES = (834, 906, 457, 610, 465)
FORMAL_CLASSES = (834, 906, 457)
HEAD_CLASSES = (Attire.BUSINESS.value, Attire.CASUAL.value, Attire.WORKWEAR.value)
L2_GRID = (0.3, 1.0, 3.0, 10.0)
INNER_FOLDS = 5


@dataclass
class LabelledEvidence:
    """Torso evidence of labelled photos (numbers only), with what was left out."""

    evidence: list[TorsoEvidence]
    labels: list[str]  # Attire values, one per evidence
    sources: list[str]  # "labels.csv:12" per evidence
    problems: list[str]
    no_face: int = 0
    no_torso: int = 0


def collect_evidence(
    labels_csvs: Sequence[Path],
    classifier: NetworkAttireClassifier,
    detector: FaceDetector,
    split: str = "all",
    progress: Callable[[int, int], None] | None = None,
) -> LabelledEvidence:
    """Torso evidence of the largest face of every usable labelled photo.

    Labels outside the head's classes (school uniform: no public photos; ambiguous
    dataset labels) are left out of the fit and counted in `problems`."""
    result = LabelledEvidence([], [], [], [])
    rows_by_file = []
    for labels_csv in labels_csvs:
        rows, problems = read_attire_labels(Path(labels_csv), DEFAULT_LABEL_MAP, split)
        rows_by_file.append((Path(labels_csv), rows))
        result.problems += problems
    total = sum(len(rows) for _, rows in rows_by_file)
    done = 0
    for labels_csv, rows in rows_by_file:
        for row in rows:
            done += 1
            where = f"{labels_csv}:{row.line}"
            if not isinstance(row.label, Attire) or row.label.value not in HEAD_CLASSES:
                result.problems.append(f"{where}: label {row.label} is not fitted by the head (business, casual, workwear)")
            else:
                image = read_image(labels_csv.parent / row.filename)
                faces = detector.detect(image) if image is not None else []
                if image is None:
                    result.problems.append(f"{where}: {row.filename}: cannot read the image")
                elif not faces:
                    result.no_face += 1
                else:
                    face = max(faces, key=lambda f: f.width * f.height)
                    evidence = classifier.evidence_many(image, [face.xyxy])[0]
                    if evidence is None:
                        result.no_torso += 1
                    else:
                        result.evidence.append(evidence)
                        result.labels.append(row.label.value)
                        result.sources.append(where)
            if progress is not None:
                progress(done, total)
    return result


def fit_head(data: LabelledEvidence, fitted_on: dict) -> AttireHead:
    """Fit the head on `data`; the L2 strength by inner cross-validated log-loss.

    `fitted_on` (files, split, licences) is stored in the head as its provenance."""
    present = sorted(set(data.labels), key=HEAD_CLASSES.index)
    if len(present) < 2:
        raise DataError(f"the labels hold {present or 'no'} class(es) of {', '.join(HEAD_CLASSES)}: nothing to fit")
    inputs = head_inputs(data.evidence, HEAD_IMAGENET_CLASSES, FORMAL_CLASSES)
    targets = np.array([present.index(label) for label in data.labels])
    l2 = _choose_l2(inputs, targets, len(present), FitOptions(l2_grid=L2_GRID, inner_folds=INNER_FOLDS))
    weights, bias = _fit_logistic(inputs, targets, len(present), l2)
    counts = {label: data.labels.count(label) for label in present}
    return AttireHead(
        classes=tuple(present),
        imagenet_classes=HEAD_IMAGENET_CLASSES,
        formal_classes=FORMAL_CLASSES,
        mean=np.zeros(inputs.shape[1]),
        scale=np.ones(inputs.shape[1]),
        weights=weights,
        bias=bias,
        fitted_on={
            **fitted_on,
            "photos": len(targets),
            "per_class": counts,
            "no_face": data.no_face,
            "no_torso": data.no_torso,
            "l2": l2,
            "fitted": dt.date.today().isoformat(),
        },
        metrics={},
    )
