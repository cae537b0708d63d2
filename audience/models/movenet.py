"""Run MoveNet SinglePose Lightning (converted by `tfjs_graph`) on person boxes of a frame.

The model's contract (TF Hub movenet/singlepose/lightning/4, as packaged in npm
@vladmandic/human 3.3.6 `models/movenet-lightning.json`):

- input `input:0`: int32 [1, 192, 192, 3], RGB, 0..255; the graph subtracts its own mean
  and divides by its own std (nodes `StatefulPartitionedCall/sub`, `truediv_1`, `sub_1`),
  so nothing is normalised here;
- output `Identity:0`: float32 [1, 1, 17, 3], (y, x, score) per keypoint in COCO order
  (`KEYPOINT_NAMES`), y and x in 0..1 of the input image.

The human library pads the whole image to a square with zeros (black) before resizing, so
the person is not stretched (src/body/movenetfix.ts `padInput`); the same is done here for
each person box: the box is made square around its centre (the short side grows), pixels
outside the frame are black, and the square is resized to 192x192.

The graph is batch 1: its keypoint decoding reshapes with constant shapes and gathers with
constant batch index 0, so boxes are run one after the other.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import cv2
import numpy as np

MOVENET_INPUT_SIZE_PX = 192
MOVENET_INPUT_NAME = "input:0"
MOVENET_OUTPUT_NAME = "Identity:0"

KEYPOINT_NAMES = (
    "nose", "left_eye", "right_eye", "left_ear", "right_ear",
    "left_shoulder", "right_shoulder", "left_elbow", "right_elbow",
    "left_wrist", "right_wrist", "left_hip", "right_hip",
    "left_knee", "right_knee", "left_ankle", "right_ankle",
)
"""MoveNet's 17 keypoints, in its output order (COCO's)."""


@dataclass(frozen=True)
class SquareCrop:
    """The square of the frame (frame pixels, may reach outside it) fed to the model."""

    x0_px: float
    y0_px: float
    side_px: float

    def to_frame(self, x_normalised: np.ndarray, y_normalised: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Frame pixel coordinates of points given in 0..1 of the crop."""
        return self.x0_px + x_normalised * self.side_px, self.y0_px + y_normalised * self.side_px


@dataclass(frozen=True)
class BodyPose:
    """MoveNet's 17 keypoints of one person box, in frame pixels (`KEYPOINT_NAMES` order)."""

    xy_px: np.ndarray  # float32 [17, 2]: x, y in frame pixels (pixel corners at integers)
    score: np.ndarray  # float32 [17]: MoveNet's confidence 0..1 per keypoint

    def keypoint(self, name: str) -> tuple[float, float, float]:
        """(x_px, y_px, score) of the keypoint called `name`."""
        index = KEYPOINT_NAMES.index(name)
        return float(self.xy_px[index, 0]), float(self.xy_px[index, 1]), float(self.score[index])


def square_crop(box_xyxy: Sequence[float]) -> SquareCrop:
    """The square around the centre of box (x0, y0, x1, y1) whose side is the box's longer side."""
    x0, y0, x1, y1 = (float(v) for v in box_xyxy)
    side = max(x1 - x0, y1 - y0, 1.0)
    return SquareCrop((x0 + x1) / 2 - side / 2, (y0 + y1) / 2 - side / 2, side)


def movenet_input(frame_bgr: np.ndarray, box_xyxy: Sequence[float]) -> tuple[np.ndarray, SquareCrop]:
    """MoveNet's input tensor (int32 [1, 192, 192, 3], RGB) for one box, and the crop it shows."""
    crop = square_crop(box_xyxy)
    size = MOVENET_INPUT_SIZE_PX
    scale = size / crop.side_px
    # One affine warp does crop, black padding outside the frame and resize; for a box
    # much larger than 192 px it would alias, so such a box is first shrunk with area
    # averaging (what cv2.INTER_AREA is for).
    source = frame_bgr
    x0, y0 = crop.x0_px, crop.y0_px
    if scale < 0.5:
        factor = scale * 2.0  # shrink to twice the target, the warp does the last halving
        source = cv2.resize(frame_bgr, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA)
        scale_x = source.shape[1] / frame_bgr.shape[1]
        scale_y = source.shape[0] / frame_bgr.shape[0]
        x0, y0 = x0 * scale_x, y0 * scale_y
        matrix = np.array([[scale / scale_x, 0, 0], [0, scale / scale_y, 0]], dtype=np.float64)
    else:
        matrix = np.array([[scale, 0, 0], [0, scale, 0]], dtype=np.float64)
    # Pixel centres: output pixel (i + 0.5) looks at crop point (i + 0.5) / scale.
    matrix[0, 2] = -x0 * matrix[0, 0] + 0.5 * matrix[0, 0] - 0.5
    matrix[1, 2] = -y0 * matrix[1, 1] + 0.5 * matrix[1, 1] - 0.5
    patch = cv2.warpAffine(
        source, matrix, (size, size), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=(0, 0, 0)
    )
    rgb = cv2.cvtColor(patch, cv2.COLOR_BGR2RGB)
    return rgb.astype(np.int32)[np.newaxis], crop


def estimate_poses(session, frame_bgr: np.ndarray, boxes_xyxy: Sequence[Sequence[float]]) -> list[BodyPose]:
    """One BodyPose per person box (x0, y0, x1, y1 in frame pixels), in the boxes' order.

    `session` is an onnxruntime.InferenceSession of the converted MoveNet Lightning."""
    poses = []
    for box in boxes_xyxy:
        tensor, crop = movenet_input(frame_bgr, box)
        (output,) = session.run([MOVENET_OUTPUT_NAME], {MOVENET_INPUT_NAME: tensor})
        keypoints = output.reshape(17, 3)
        x_px, y_px = crop.to_frame(keypoints[:, 1], keypoints[:, 0])
        poses.append(BodyPose(np.stack([x_px, y_px], axis=1).astype(np.float32), keypoints[:, 2].astype(np.float32)))
    return poses


# libfacedetection's face box on scikit-image's untouched astronaut photo (512 x 512).
_ASTRONAUT_FACE_XYXY = (178.0, 63.0, 267.0, 175.0)


def reference_check(session) -> str:
    """What MoveNet finds on scikit-image's astronaut; ModelError unless the nose and eyes
    lie in her face box and both shoulders below it (a wrong layout or resize moves them)."""
    from skimage import data

    from foundation.errors import ModelError

    frame_bgr = cv2.cvtColor(data.astronaut(), cv2.COLOR_RGB2BGR)
    pose = estimate_poses(session, frame_bgr, [(0.0, 0.0, 512.0, 512.0)])[0]
    x1, y1, x2, y2 = _ASTRONAUT_FACE_XYXY
    problems = []
    for name in ("nose", "left_eye", "right_eye"):
        x, y, score = pose.keypoint(name)
        if not (x1 <= x <= x2 and y1 <= y <= y2 and score > 0.3):
            problems.append(f"{name} at ({x:.0f}, {y:.0f}) score {score:.2f}")
    for name in ("left_shoulder", "right_shoulder"):
        x, y, score = pose.keypoint(name)
        if not (y > y2 and score > 0.3):
            problems.append(f"{name} at ({x:.0f}, {y:.0f}) score {score:.2f}")
    if problems:
        raise ModelError(f"MoveNet reference check on the astronaut photo: {'; '.join(problems)}")
    nose = pose.keypoint("nose")
    return f"astronaut -> nose ({nose[0]:.0f}, {nose[1]:.0f}), shoulders found"
