"""Attire from the body: a pose-located torso, a clothing network and high-visibility colour.

`NetworkAttireClassifier` (attire `type: network`, the default once `signage models
install` has run) decides in four steps, for all the faces of a keyframe in one go:

1. **Where is the torso?** MoveNet Lightning (`audience.models.movenet`) finds the body
   keypoints in a box around and below the face. The torso is the box spanned by the
   shoulders and the hips (the shoulders and a torso's usual length when the hips are
   out of view), from just under the chin. When the shoulders are not found, the box
   under the face of `audience.attire.torso_region` is used, and when too little of
   the torso is inside the frame the answer is `unknown`, never a guess.
2. **What does it look like?** EfficientNet-Lite0 (`audience.models.efficientnet_lite`)
   classifies the torso crop over ImageNet's 1000 classes; the clothing ones (suit,
   Windsor tie, jersey, trench coat, lab coat, ...) carry the evidence. The share of
   the torso's pixels in fluorescent yellow or orange (`hi_vis_share`) is measured on
   the same box: ImageNet has no class for a safety vest.
3. **Which class?** A small multinomial logistic head (`AttireHead`, shipped as
   `audience/data/attire_head.json`, fitted by `signage audience fit-attire`) reads the
   log probabilities of the clothing classes and the high-visibility shares and gives
   P(business), P(workwear), P(casual).
4. **School uniform?** No public labelled photos of school uniforms exist, and a
   uniform blazer looks like a suit jacket to any network. The formal share is split
   between business and school uniform by the attire profiles (`audience.attire`):
   the store's own uniform colours against the business colours, matched on the
   pose-located torso. Without the store's colours the audience engine splits it by
   the visitor's age (`audience.engine.split_formal_wear`): formal clothes on a
   teenager are a uniform.

Nothing here writes pixels or features anywhere: crops and the network's features
live in memory for one call.
"""

from __future__ import annotations

import json
import logging
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import cv2
import numpy as np

from audience.attire import (
    AttireConfig,
    ProfileAttireClassifier,
    TorsoFeatures,
    _decide,
    _nominal_torso,
    torso_features_in_box,
    torso_region,
)
from audience.types import Attire, AttireEstimate
from foundation.errors import ConfigError, ModelError

log = logging.getLogger(__name__)

Box = tuple[float, float, float, float]

# The box MoveNet sees, in face heights around the face: a head is about an eighth of
# a standing adult, the hips about four head heights below the top of the head, and
# the shoulders reach about one head height either side of the face centre.
PERSON_BOX_ABOVE_FACE_HEIGHTS = 0.6
PERSON_BOX_BELOW_FACE_HEIGHTS = 4.2
PERSON_BOX_HALF_WIDTH_FACE_HEIGHTS = 2.2
# A keypoint MoveNet is at least this sure of counts as found (its own demos use 0.3).
KEYPOINT_MIN_SCORE = 0.3
# Shoulders closer than this many face widths are a failed pose (a profile view, or the
# keypoints of someone behind), and then the face geometry is used.
MIN_SHOULDER_WIDTH_FACE_WIDTHS = 1.2
# Torso length below the shoulder line, in shoulder widths, when the hips are not found.
TORSO_LENGTH_SHOULDER_WIDTHS = 1.3
# The torso box reaches this far beyond each shoulder (sleeves, a jacket's sides).
TORSO_MARGIN_SHOULDER_WIDTHS = 0.15
# Share of the torso's height and width that must be inside the frame.
MIN_VISIBLE_HEIGHT_FRACTION = 0.6
MIN_VISIBLE_WIDTH_FRACTION = 0.5

# Fluorescent safety colours (EN ISO 20471 yellow-green and orange-red) in OpenCV's HSV
# (hue 0..180): ordinary dyes do not reach this saturation at this brightness. Checked on
# the shared workwear photos (all rows; the head is fitted on the tuning half only): at
# least 10 % of the pose-located torso in these colours on 85 % of the vest photos with a
# face, on 3 % of the ordinary clothes in the same kind of scenes.
CLOTHING_BATCH_CROPS = 4  # torsos per clothing-network call (8 rows with their mirror images)

HI_VIS_YELLOW_HSV = ((22, 110, 110), (45, 255, 255))
HI_VIS_ORANGE_HSV = ((3, 180, 140), (21, 255, 255))

PACKAGED_HEAD = "attire_head.json"
HEAD_FORMAT = 1


@dataclass(frozen=True)
class TorsoLocation:
    """Where the torso of one visitor is, and how it was found."""

    nominal_xyxy: Box  # the whole torso box, may reach outside the frame
    visible_xyxy: tuple[int, int, int, int]  # the part inside the frame, integer pixels
    source: str  # "pose" (MoveNet's shoulders and hips) or "face" (the box under the face)


@dataclass(frozen=True)
class TorsoEvidence:
    """What the networks and the colour measure say about one torso (numbers, no pixels)."""

    location: TorsoLocation
    class_probabilities: np.ndarray  # the clothing network's 1000 ImageNet probabilities
    features: np.ndarray  # its 1280 pooled features (kept in memory only)
    hi_vis_yellow_share: float  # share of the torso's pixels in fluorescent yellow, 0..1
    hi_vis_orange_share: float
    torso: TorsoFeatures  # colour and structure on the profile grid, for the profiles


def person_box(face_xyxy: Box) -> Box:
    """The box around and below a face that MoveNet is run on (frame pixels)."""
    x1, y1, x2, y2 = face_xyxy
    height = y2 - y1
    centre_x = (x1 + x2) / 2.0
    half = PERSON_BOX_HALF_WIDTH_FACE_HEIGHTS * height
    return centre_x - half, y1 - PERSON_BOX_ABOVE_FACE_HEIGHTS * height, centre_x + half, y2 + PERSON_BOX_BELOW_FACE_HEIGHTS * height


def torso_from_pose(pose, face_xyxy: Box, frame_shape: tuple[int, ...]) -> TorsoLocation | None:
    """The torso spanned by a pose's shoulders and hips, or None when the shoulders are
    not found, implausible, or too much of the torso is outside the frame."""
    left = pose.keypoint("left_shoulder")
    right = pose.keypoint("right_shoulder")
    if min(left[2], right[2]) < KEYPOINT_MIN_SCORE:
        return None
    face_width = face_xyxy[2] - face_xyxy[0]
    face_height = face_xyxy[3] - face_xyxy[1]
    shoulder_width = abs(left[0] - right[0])
    shoulder_y = (left[1] + right[1]) / 2.0
    if shoulder_width < MIN_SHOULDER_WIDTH_FACE_WIDTHS * face_width or shoulder_y <= face_xyxy[1]:
        return None
    margin = TORSO_MARGIN_SHOULDER_WIDTHS * shoulder_width
    hips = [pose.keypoint(name) for name in ("left_hip", "right_hip")]
    found_hips = [hip for hip in hips if hip[2] >= KEYPOINT_MIN_SCORE and hip[1] > shoulder_y]
    if found_hips:
        bottom = sum(hip[1] for hip in found_hips) / len(found_hips)
    else:
        bottom = shoulder_y + TORSO_LENGTH_SHOULDER_WIDTHS * shoulder_width
    # From just under the chin: the collar, lapels and a tie knot are the evidence for
    # business wear, and they sit between the chin and the shoulder line.
    top = min(face_xyxy[3] + 0.1 * face_height, shoulder_y)
    bottom = max(bottom, top + face_height)
    nominal = (min(left[0], right[0]) - margin, top, max(left[0], right[0]) + margin, bottom)
    return _visible(nominal, frame_shape, "pose")


def torso_from_face(face_xyxy: Box, frame_shape: tuple[int, ...], config: AttireConfig) -> TorsoLocation | None:
    """The box under the face (`audience.attire.torso_region`), or None when cut off."""
    region = torso_region(face_xyxy, frame_shape, config.torso)
    if region is None:
        return None
    return TorsoLocation(_nominal_torso(face_xyxy, config.torso), region, "face")


def hi_vis_shares(image_bgr: np.ndarray, box: tuple[int, int, int, int]) -> tuple[float, float]:
    """Shares (0..1) of the box's pixels in fluorescent yellow and in fluorescent orange."""
    x1, y1, x2, y2 = box
    patch = image_bgr[y1:y2, x1:x2]
    # 48 px tall is enough to measure a share and keeps this well under a millisecond.
    if patch.shape[0] > 48:
        scale = 48.0 / patch.shape[0]
        patch = cv2.resize(patch, (max(1, round(patch.shape[1] * scale)), 48), interpolation=cv2.INTER_AREA)
    hsv = cv2.cvtColor(patch, cv2.COLOR_BGR2HSV)
    shares = []
    for low, high in (HI_VIS_YELLOW_HSV, HI_VIS_ORANGE_HSV):
        shares.append(float(cv2.inRange(hsv, np.array(low), np.array(high)).mean() / 255.0))
    return shares[0], shares[1]


def _visible(nominal: Box, frame_shape: tuple[int, ...], source: str) -> TorsoLocation | None:
    height_px, width_px = frame_shape[:2]
    x1, y1 = max(0, int(round(nominal[0]))), max(0, int(round(nominal[1])))
    x2, y2 = min(width_px, int(round(nominal[2]))), min(height_px, int(round(nominal[3])))
    if x2 - x1 < 8 or y2 - y1 < 8:
        return None
    if (y2 - y1) < MIN_VISIBLE_HEIGHT_FRACTION * (nominal[3] - nominal[1]):
        return None
    if (x2 - x1) < MIN_VISIBLE_WIDTH_FRACTION * (nominal[2] - nominal[0]):
        return None
    return TorsoLocation(nominal, (x1, y1, x2, y2), source)


# --------------------------------------------------------------------------------------
# The head


@dataclass(frozen=True)
class AttireHead:
    """Multinomial logistic regression from torso evidence to business/workwear/casual.

    Inputs, in order (`input_names`): log P(class) of each ImageNet class in
    `imagenet_classes`, then log P(any of `formal_classes`), then the shares of the
    torso in fluorescent yellow and in fluorescent orange. (One input for both colours
    was tried: on the shared data it let orange clothes pass for vests, and workwear F1
    fell from 0.86 to 0.81 on the held-out half.) Each input is standardised with `mean`/`scale` before
    the weights. `fitted_on` and `metrics` record what it was fitted and scored on.
    """

    classes: tuple[str, ...]  # Attire values, in the order of the rows of `weights`
    imagenet_classes: tuple[int, ...]
    formal_classes: tuple[int, ...]
    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray  # classes x inputs
    bias: np.ndarray  # classes
    fitted_on: dict
    metrics: dict

    @property
    def input_names(self) -> list[str]:
        """Readable name of every input, in order."""
        return [f"log_p_{index}" for index in self.imagenet_classes] + ["log_p_formal", "hi_vis_yellow", "hi_vis_orange"]

    def inputs(self, evidence: Sequence[TorsoEvidence]) -> np.ndarray:
        """The N x inputs matrix (before standardisation) of some torsos."""
        return head_inputs(evidence, self.imagenet_classes, self.formal_classes)

    def probabilities(self, inputs: np.ndarray) -> np.ndarray:
        """N x classes probabilities for N x inputs raw inputs."""
        logits = ((inputs - self.mean) / self.scale) @ self.weights.T + self.bias
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        return exp / exp.sum(axis=1, keepdims=True)

    def to_dict(self) -> dict:
        """JSON-ready form."""
        return {
            "format": HEAD_FORMAT,
            "classes": list(self.classes),
            "imagenet_classes": list(self.imagenet_classes),
            "formal_classes": list(self.formal_classes),
            "mean": self.mean.tolist(),
            "scale": self.scale.tolist(),
            "weights": self.weights.tolist(),
            "bias": self.bias.tolist(),
            "fitted_on": self.fitted_on,
            "metrics": self.metrics,
        }

    def save(self, path: Path) -> None:
        """Write the head as JSON."""
        Path(path).write_text(json.dumps(self.to_dict(), indent=1) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> AttireHead:
        """Read a head written by `save`; any problem is a ConfigError naming the file."""
        path = Path(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("format") != HEAD_FORMAT:
                raise ValueError(f"format {data.get('format')!r}, expected {HEAD_FORMAT}")
            classes = tuple(str(c) for c in data["classes"])
            for name in classes:
                Attire(name)
            head = cls(
                classes=classes,
                imagenet_classes=tuple(int(i) for i in data["imagenet_classes"]),
                formal_classes=tuple(int(i) for i in data["formal_classes"]),
                mean=np.asarray(data["mean"], dtype=np.float64),
                scale=np.asarray(data["scale"], dtype=np.float64),
                weights=np.asarray(data["weights"], dtype=np.float64),
                bias=np.asarray(data["bias"], dtype=np.float64),
                fitted_on=dict(data.get("fitted_on") or {}),
                metrics=dict(data.get("metrics") or {}),
            )
        except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError) as error:
            raise ConfigError(f"{path}: not an attire head file ({error})") from None
        inputs = len(head.imagenet_classes) + 3
        if head.weights.shape != (len(classes), inputs) or head.bias.shape != (len(classes),) or head.mean.shape != (
            inputs,
        ) or head.scale.shape != (inputs,):
            raise ConfigError(f"{path}: attire head arrays do not fit {len(classes)} classes x {inputs} inputs")
        if not all(0 <= i < 1000 for i in (*head.imagenet_classes, *head.formal_classes)):
            raise ConfigError(f"{path}: ImageNet class numbers must be 0..999")
        return head


def head_inputs(evidence: Sequence[TorsoEvidence], imagenet_classes: Sequence[int], formal_classes: Sequence[int]) -> np.ndarray:
    """Raw head inputs of some torsos (see `AttireHead`)."""
    rows = []
    for item in evidence:
        probabilities = np.maximum(item.class_probabilities, 1e-7)
        formal = max(float(item.class_probabilities[list(formal_classes)].sum()), 1e-7)
        rows.append(
            np.concatenate(
                [np.log(probabilities[list(imagenet_classes)]), [math.log(formal), item.hi_vis_yellow_share, item.hi_vis_orange_share]]
            )
        )
    return np.array(rows, dtype=np.float64).reshape(len(rows), len(imagenet_classes) + 3)


def packaged_head_path() -> Path:
    """The head shipped with signage (fitted on the shared test data's halves; see its `fitted_on`)."""
    return Path(__file__).resolve().parent / "data" / PACKAGED_HEAD


# --------------------------------------------------------------------------------------
# The classifier


class NetworkAttireClassifier:
    """Pose-located torso, clothing network and high-visibility colour (module docstring)."""

    def __init__(self, config: AttireConfig, pose_session, clothing_session, head: AttireHead) -> None:
        self.config = config
        self.pose_session = pose_session
        self.clothing_session = clothing_session
        self.head = head
        self._profiles = ProfileAttireClassifier(config)
        # Only the store's own uniform colours split formal wear here: the generic built-in
        # school profile (a dark blazer over a white shirt) is a business suit as well, so
        # without the store's colours the split is left to the visitor's age (engine).
        own = {p.name for p in config.profiles}
        school = [
            p for p in self._profiles.profiles
            if p.attire is Attire.SCHOOL_UNIFORM and not p.is_fallback and p.name in own
        ]
        business = [p for p in self._profiles.profiles if p.attire is Attire.BUSINESS and not p.is_fallback]
        self._school_profiles, self._business_profiles = school, business
        self._clothing_input = clothing_session.get_inputs()[0].name

    def classify(self, image_bgr: np.ndarray, face_xyxy: Box) -> AttireEstimate:
        """Attire of the visitor whose face is at `face_xyxy`."""
        return self.classify_many(image_bgr, [face_xyxy])[0]

    def classify_many(self, image_bgr: np.ndarray, faces_xyxy: Sequence[Box]) -> list[AttireEstimate]:
        """Attire of several visitors of one frame: one pose call each, one clothing batch."""
        evidence = self.evidence_many(image_bgr, faces_xyxy)
        found = [item for item in evidence if item is not None]
        probabilities = iter(self.head.probabilities(self.head.inputs(found)) if found else [])
        estimates = []
        for item in evidence:
            if item is None:
                estimates.append(AttireEstimate(Attire.UNKNOWN, 0.0, {}))
                continue
            scores = dict(zip(self.head.classes, (float(p) for p in next(probabilities))))
            estimates.append(_decide(self._split_formal(scores, item.torso), self.config.min_confidence))
        return estimates

    def evidence_many(self, image_bgr: np.ndarray, faces_xyxy: Sequence[Box]) -> list[TorsoEvidence | None]:
        """What the networks and colours say about each visitor's torso (None: not visible)."""
        from audience.models.movenet import estimate_poses

        poses = estimate_poses(self.pose_session, image_bgr, [person_box(face) for face in faces_xyxy])
        locations = []
        for face, pose in zip(faces_xyxy, poses):
            location = torso_from_pose(pose, face, image_bgr.shape)
            if location is None:
                location = torso_from_face(face, image_bgr.shape, self.config)
            locations.append(location)
        found = [location for location in locations if location is not None]
        if not found:
            return [None] * len(locations)
        crops = []
        for location in found:
            x1, y1, x2, y2 = location.visible_xyxy
            crops.append(cv2.cvtColor(image_bgr[y1:y2, x1:x2], cv2.COLOR_BGR2RGB))
        # Stretched rather than centre-cut: a torso is taller than wide, and the collar
        # at its top is the evidence a centre crop would cut away.
        probabilities, features = self._classify_crops(crops)
        results: list[TorsoEvidence | None] = []
        index = 0
        for location in locations:
            if location is None:
                results.append(None)
                continue
            torso = torso_features_in_box(image_bgr, location.nominal_xyxy, location.visible_xyxy)
            yellow, orange = hi_vis_shares(image_bgr, location.visible_xyxy)
            results.append(TorsoEvidence(location, probabilities[index], features[index], yellow, orange, torso))
            index += 1
        return results

    def _classify_crops(self, crops: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
        """ImageNet probabilities and pooled features of each torso crop, mirror-averaged.

        Each crop is also run mirrored and the two averaged: a jacket is symmetric, the
        network is not quite, and the average is steadier for one more batch row. At
        most `CLOTHING_BATCH_CROPS` crops go in one call: onnxruntime keeps the memory
        of its largest batch, and 16 rows of 224 x 224 held about 150 MB more than 8."""
        from audience.models.efficientnet_lite import input_tensor, softmax

        probabilities, features = [], []
        for start in range(0, len(crops), CLOTHING_BATCH_CROPS):
            chunk = crops[start : start + CLOTHING_BATCH_CROPS]
            batch = input_tensor(chunk + [crop[:, ::-1] for crop in chunk], center_crop_fraction=None)
            logits, pooled = self.clothing_session.run(["logits", "features"], {self._clothing_input: batch})
            count = len(chunk)
            probabilities.append((softmax(logits[:count]) + softmax(logits[count:])) / 2.0)
            features.append((pooled[:count] + pooled[count:]) / 2.0)
        return np.concatenate(probabilities), np.concatenate(features)

    def _split_formal(self, scores: dict[str, float], torso: TorsoFeatures) -> dict[str, float]:
        """Business probability shared with school uniform by the store's uniform colours.

        The share of school uniform is the best store uniform profile's weighted match
        over it plus the best business profile's: a maroon blazer described by the store
        takes most of it, a charcoal suit little. Without a store profile all of it stays
        business here, and the engine splits it by the visitor's age."""
        formal = scores.get(Attire.BUSINESS.value, 0.0)
        if not self._school_profiles or formal <= 0:
            return {**scores, Attire.SCHOOL_UNIFORM.value: 0.0}
        matches = self._profiles.profile_matches(torso)
        school = max(p.weight * matches[p.name] for p in self._school_profiles)
        business = max((p.weight * matches[p.name] for p in self._business_profiles), default=0.0)
        # A torso neither profile matches (a grey suit) keeps the network's word: business.
        share = school / (school + business) if school + business > 0.05 else 0.0
        return {
            **scores,
            Attire.BUSINESS.value: formal * (1.0 - share),
            Attire.SCHOOL_UNIFORM.value: formal * share,
        }


def open_network_classifier(config: AttireConfig, head: AttireHead | None) -> NetworkAttireClassifier:
    """The classifier on the installed pose and clothing models; ModelError (naming
    `signage models install`) when one is missing or damaged. `head` may be None for
    `evidence_many` alone (fitting a head)."""
    from audience.models.registry import installed_model, open_session

    pose = installed_model("movenet-lightning")
    clothing = installed_model("efficientnet-lite0")
    # Two threads for the clothing batch: it is the one large call of a keyframe.
    return NetworkAttireClassifier(config, open_session(pose), open_session(clothing, threads=2), head)


def create_network_classifier(config: AttireConfig, quiet: bool = False) -> NetworkAttireClassifier | None:
    """The network classifier with its head, or None when a model is not installed or
    damaged (the caller falls back to the colour profiles; one warning line says what to run)."""
    head = AttireHead.load(Path(config.head_path) if config.head_path else packaged_head_path())
    try:
        return open_network_classifier(config, head)
    except ModelError as error:  # not installed, or damaged: a kiosk keeps running
        (log.debug if quiet else log.warning)("attire: %s; using the colour profiles until then", error)
        return None
