"""The built-in demo clip: it plays back, follows its timeline, and the real default face
detector finds the visitors while they stand in front of the camera and nothing when
nobody is there."""

from __future__ import annotations

import numpy as np
import pytest

from audience.demo import DemoClipInfo, build_demo_clip
from audience.detection import DetectorConfig, SlimefaceDetector
from audience.sources import VideoFileSource

DETECT_EVERY = 5  # frames; 60 of the 300 default frames keep the test to a few seconds


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> tuple[DemoClipInfo, list]:
    """The default clip, and (frame, detections) for every DETECT_EVERY-th frame."""
    info = build_demo_clip(tmp_path_factory.mktemp("demo") / "demo.mp4")
    detector = SlimefaceDetector(DetectorConfig())
    detected = []
    with VideoFileSource(info.path) as source:
        while (frame := source.read()) is not None:
            if frame.index % DETECT_EVERY == 0:
                detected.append((frame.index, frame.ts, detector.detect(frame.image)))
        assert not source.truncated
        assert (source.frame_count, source.fps) == (info.frame_count, info.fps)
    return info, detected


def iou(a, b) -> float:
    width = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    height = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = width * height
    return inter / ((a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter)


def test_clip_has_the_default_size_and_timeline(demo):
    info, detected = demo

    assert (info.width, info.height, info.fps, info.frame_count) == (1280, 720, 25.0, 300)
    assert len(detected) == 300 // DETECT_EVERY
    assert [v.label for v in info.visitors] == ["astronaut", "astronaut (mirrored)"]
    for visitor in info.visitors:
        assert 90 <= visitor.face_height_px <= 140
        assert visitor.enter_s < visitor.face_in_view_from_s < visitor.arrive_s
        assert visitor.depart_s < visitor.face_in_view_until_s < visitor.exit_s
        assert visitor.dwell_s >= 3.0
    timeline = [len(info.visitors_in_view(info.frame_ts(i))) for i in range(info.frame_count)]
    assert timeline[0] == 0 and timeline[-1] == 0  # starts and ends with nobody
    assert timeline.count(2) >= 2 * info.fps  # at least two seconds with two people


def test_faces_are_detected_while_visitors_stand_and_not_when_nobody_is_there(demo):
    info, detected = demo
    checked_standing = checked_empty = 0

    for index, ts, faces in detected:
        assert all(face.score >= 0.7 for face in faces)
        if not info.visitors_in_view(ts):
            assert faces == [], f"frame {index}: a face where nobody is"
            checked_empty += 1
        standing = [v for v in info.visitors if v.arrive_s <= ts <= v.depart_s]
        for visitor in standing:
            expected = visitor.face_xyxy_at(ts)
            best = max((iou(face.xyxy, expected) for face in faces), default=0.0)
            assert best >= 0.5, f"frame {index}: {visitor.label} not found near {expected}: {faces}"
            checked_standing += 1
        if len(standing) == 2:
            assert len(faces) == 2, f"frame {index}: two people stand, {len(faces)} faces"

    assert checked_empty >= 8 and checked_standing >= 40  # the checks above did run


def test_same_seed_gives_the_same_clip_and_another_seed_does_not(tmp_path):
    small = dict(width=320, height=180, fps=10, duration_s=4)

    first = build_demo_clip(tmp_path / "a.mp4", seed=0, **small)
    again = build_demo_clip(tmp_path / "b.mp4", seed=0, **small)
    other = build_demo_clip(tmp_path / "c.mp4", seed=1, **small)

    def frames(info):
        with VideoFileSource(info.path) as source:
            return [f.image for f in iter(source.read, None)]

    a, b, c = frames(first), frames(again), frames(other)
    assert len(a) == first.frame_count == 40
    assert all(np.array_equal(x, y) for x, y in zip(a, b))
    assert not np.array_equal(a[0], c[0])  # the shelves differ
    assert first.visitors == again.visitors
    assert not list(tmp_path.glob("*.writing.mp4"))  # the temporary file was moved into place


@pytest.mark.parametrize("outfit", ["suit", "school_uniform", "casual"])
def test_a_dressed_visitor_is_found_and_walks_the_one_visitor_timeline(tmp_path, outfit):
    info = build_demo_clip(tmp_path / "one.mp4", width=640, height=360, duration_s=8, outfit=outfit, visitors="one")

    assert [v.label for v in info.visitors] == ["astronaut"]
    detector = SlimefaceDetector(DetectorConfig())
    with VideoFileSource(info.path) as source:
        frames = {frame.index: frame for frame in iter(source.read, None)}
    middle = frames[int(4.0 * info.fps)]
    faces = detector.detect(middle.image)
    assert len(faces) == 1 and iou(faces[0].xyxy, info.visitors[0].face_xyxy_at(middle.ts)) > 0.5
    assert detector.detect(frames[0].image) == []


def test_an_unknown_outfit_or_plan_is_a_value_error(tmp_path):
    with pytest.raises(ValueError, match="outfit 'toga'"):
        build_demo_clip(tmp_path / "x.mp4", outfit="toga")
    with pytest.raises(ValueError, match="visitors 'crowd'"):
        build_demo_clip(tmp_path / "x.mp4", visitors="crowd")
