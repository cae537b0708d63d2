"""The tracker keeps ids across frames, survives short gaps and measures dwell."""

import numpy as np
import pytest

from audience.tracking import Tracker, TrackerConfig, iou
from tests.audience.builders import make_detection, make_face_attributes


def walk(tracker: Tracker, positions_by_ts: dict[float, list[tuple[float, float]]]):
    """Feed detections at each timestamp; returns {ts: [track ids in detection order]}."""
    ids = {}
    for ts, positions in sorted(positions_by_ts.items()):
        pairs = tracker.update(ts, [make_detection(x, y) for x, y in positions])
        ids[ts] = [track.track_id for track, _ in pairs]
    return ids


def test_iou_of_identical_disjoint_and_half_overlapping_boxes():
    box = np.array([0, 0, 10, 10], dtype=float)
    assert iou(box, box) == 1.0
    assert iou(box, np.array([20, 20, 30, 30], dtype=float)) == 0.0
    assert abs(iou(box, np.array([5, 0, 15, 10], dtype=float)) - 1 / 3) < 1e-9


def test_two_walkers_keep_their_ids_while_moving():
    tracker = Tracker(TrackerConfig())
    frames = {round(0.1 * i, 1): [(100 + 15 * i, 200), (600 - 15 * i, 210)] for i in range(10)}
    ids = walk(tracker, frames)
    assert all(track_ids == [1, 2] for track_ids in ids.values())


def test_fast_walker_without_overlap_between_detections_keeps_id():
    tracker = Tracker(TrackerConfig())
    # 50 px per detection with an 80 px box (6 face widths a second): IoU 0.23 < iou_min.
    frames = {round(0.1 * i, 1): [(100 + 50 * i, 200)] for i in range(6)}
    ids = walk(tracker, frames)
    assert {track_id for track_ids in ids.values() for track_id in track_ids} == {1}


def test_short_occlusion_keeps_id_and_long_absence_ends_the_visit():
    config = TrackerConfig(max_missing_s=1.0)
    tracker = Tracker(config)
    walk(tracker, {0.0: [(100, 100)], 0.1: [(102, 100)]})
    tracker.update(0.5, [])  # occluded
    tracker.update(0.9, [])
    assert tracker.update(1.0, [make_detection(104, 100)])[0][0].track_id == 1
    tracker.update(2.5, [])  # gone for 1.5 s > max_missing_s
    assert tracker.tracks == {}
    assert [t.track_id for t in tracker.finished] == [1]
    assert tracker.finished[0].dwell_s == 1.0


def test_single_flicker_never_becomes_a_visitor():
    tracker = Tracker(TrackerConfig(min_hits=2, max_missing_s=0.5))
    tracker.update(0.0, [make_detection(300, 300)])
    assert tracker.confirmed() == []
    tracker.update(1.0, [])
    assert tracker.finished == []


def test_prediction_moves_boxes_between_detections():
    tracker = Tracker(TrackerConfig())
    walk(tracker, {0.0: [(100, 100)], 0.1: [(110, 100)], 0.2: [(120, 100)]})
    tracker.predict(0.3)
    x1 = tracker.tracks[1].xyxy[0]
    assert 125 < x1 < 135  # about 100 px/s, extrapolated 0.1 s


def test_missed_faces_keep_their_size_and_stop_half_a_second_after_the_last_detection():
    # Given a visitor walking right and growing (approaching: corners move apart), whose
    # face is then missed for 1.4 s while the engine predicts at every frame (25 fps).
    tracker = Tracker(TrackerConfig())
    for step in range(4):
        size = 80.0 + 20.0 * step
        tracker.update(step * 0.1, [make_detection(100.0 + 30.0 * step - size / 2, 100.0 - size / 2, size=size)])
    last_detected = tracker.tracks[1].detected_xyxy.copy()
    boxes = []
    for frame in range(1, 36):
        tracker.predict(0.3 + frame * 0.04)
        boxes.append(tracker.tracks[1].xyxy.copy())
    # Then every predicted box keeps the last detected size (never inside out) ...
    for box in boxes:
        assert box[2] - box[0] == pytest.approx(last_detected[2] - last_detected[0])
        assert box[3] - box[1] == pytest.approx(last_detected[3] - last_detected[1])
    # ... and moves for half a second at the walking speed, then stays put.
    shift_px = boxes[-1][0] - last_detected[0]
    assert 0.5 * 250 < shift_px <= 0.5 * 400
    assert np.array_equal(boxes[-1], boxes[-10])


def test_age_evidence_is_weighted_towards_frontal_faces():
    tracker = Tracker(TrackerConfig())
    track, detection = tracker.update(0.0, [make_detection(0, 0)])[0]
    tracker.add_face_sample(track, detection, make_face_attributes(age_years=16, frontal=1.0))
    tracker.add_face_sample(track, detection, make_face_attributes(age_years=40, frontal=0.1))
    mean_age = float(track.mean_age_probabilities() @ np.arange(81))
    assert 16 < mean_age < 21


def test_attention_accrues_only_while_the_face_is_frontal():
    tracker = Tracker(TrackerConfig(attention_min_frontal=0.5))
    track, detection = tracker.update(0.0, [make_detection(0, 0)])[0]
    tracker.add_face_sample(track, detection, make_face_attributes(frontal=0.9))
    tracker.update(1.0, [make_detection(0, 0)])  # +1 s looking
    tracker.add_face_sample(track, detection, make_face_attributes(frontal=0.1))
    tracker.update(2.0, [make_detection(0, 0)])  # +1 s looking away
    assert track.attention_s == 1.0
    assert track.dwell_s == 2.0
