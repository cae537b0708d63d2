"""Audience engine benchmark: throughput, latency, memory, time to first age group, accuracy.

    .venv/bin/python benchmarks/audience_bench.py            # everything, prints a table
    .venv/bin/python benchmarks/audience_bench.py --only speed

Each speed scenario runs in its own subprocess so that its peak memory (ru_maxrss) is
its own. Needs the shared test data ($SIGNAGE_TEST_DATA, default ../shared/data).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from report import print_table


def data_dir() -> Path:
    path = Path(os.environ.get("SIGNAGE_TEST_DATA", "../shared/data"))
    return path if path.is_absolute() else (ROOT / path).resolve()


# -- scenarios (each runs inside a fresh subprocess) ---------------------------------------


def make_720p_clip(out: Path, repeats: int = 3) -> Path:
    """The 1080p crowd clip (up to 8 faces) scaled to 1280x720, played `repeats` times."""
    import cv2

    source = data_dir() / "video" / "facenet_pytorch_video.mp4"
    writer = None
    for _ in range(repeats):
        capture = cv2.VideoCapture(str(source))
        while True:
            ok, frame = capture.read()
            if not ok:
                break
            frame = cv2.resize(frame, (1280, 720), interpolation=cv2.INTER_AREA)
            if writer is None:
                # 30 fps: the camera rate the 720p target is stated for.
                writer = cv2.VideoWriter(str(out), cv2.VideoWriter_fourcc(*"mp4v"), 30.0, (1280, 720))
            writer.write(frame)
        capture.release()
    writer.release()
    return out


def scenario_throughput(path: str) -> dict:
    """Run the whole pipeline (decode + analysis) on a file; frames per second and latency."""
    import datetime as dt

    from audience.engine import AudienceConfig, AudienceEngine
    from audience.runner import run_analysis
    from audience.sources import open_source
    from signage.clock import VideoClock

    engine = AudienceEngine(AudienceConfig(), VideoClock(dt.datetime(2026, 11, 23, 16, 0)))
    with open_source(path) as source:
        fps = source.fps
        summary = run_analysis(engine, source, lambda snapshot: None)
    return {
        "frames": summary.frames,
        "source_fps": fps,
        "throughput_fps": summary.throughput_fps,
        "p95_latency_ms": summary.p95_latency_ms,
        "visitors": len(summary.visitors),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0,
    }


def scenario_first_age_group(path: str) -> dict:
    """Seconds from a face's first detectable frame to the first snapshot giving its age group.

    Ground truth for "first detectable frame": the detector run on every frame (the
    engine itself only detects every detect_interval_s). Each new face position is
    matched to the engine track that later covers it.
    """
    import datetime as dt

    import numpy as np

    from audience.detection import DetectorConfig, create_detector
    from audience.engine import AudienceConfig, AudienceEngine
    from audience.sources import open_source
    from audience.tracking import iou
    from signage.clock import VideoClock

    detector = create_detector(DetectorConfig())
    engine = AudienceEngine(AudienceConfig(), VideoClock(dt.datetime(2026, 11, 23, 16, 0)))
    first_detectable: list[tuple[float, np.ndarray]] = []  # (ts, box) of faces not seen before
    seen_boxes: list[np.ndarray] = []
    first_aged: dict[int, float] = {}
    track_boxes: dict[int, list[tuple[float, np.ndarray]]] = {}
    with open_source(path) as source:
        while (frame := source.read()) is not None:
            for face in detector.detect(frame.image):
                box = np.asarray(face.xyxy)
                if not any(iou(box, previous) > 0.1 for previous in seen_boxes):
                    first_detectable.append((frame.ts, box))
                seen_boxes = [b for b in seen_boxes if iou(b, box) <= 0.1] + [box]
            snapshot = engine.process(frame)
            for track in engine.tracker.tracks.values():
                track_boxes.setdefault(track.track_id, []).append((frame.ts, track.xyxy.copy()))
            if snapshot is not None:
                for visitor in snapshot.visitors:
                    if visitor.age_group is not None:
                        first_aged.setdefault(visitor.track_id, snapshot.ts)
    delays = []
    for ts, box in first_detectable:
        candidates = [
            track_id
            for track_id, history in track_boxes.items()
            if any(abs(t - ts) <= 0.5 and iou(b, box) > 0.2 for t, b in history)
        ]
        aged = [first_aged[c] for c in candidates if c in first_aged]
        if aged:
            delays.append(max(0.0, min(aged) - ts))
    return {
        "faces": len(first_detectable),
        "aged": len(delays),
        "median_s": float(np.median(delays)) if delays else None,
        "max_s": float(np.max(delays)) if delays else None,
    }


def run_in_subprocess(name: str, *args: str) -> dict:
    result = subprocess.run(
        [sys.executable, __file__, "--scenario", name, *args], capture_output=True, text=True, cwd=ROOT
    )
    if result.returncode != 0:
        raise SystemExit(f"scenario {name} failed:\n{result.stderr[-2000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


# -- accuracy ------------------------------------------------------------------------------


def accuracy() -> tuple[list[tuple[str, str, str, bool | None]], str]:
    """FairFace: 5-fold cross-validated age-group metrics, gender accuracy, and the confusion matrix.

    The shipped calibration was fitted on these 540 faces, so scoring it on them would
    flatter it: the age-group figures come from cross-validation (each face scored by a
    calibration fitted without it), the same procedure `signage audience calibrate` runs.
    """

    from audience.age_gender import AgeGenderEstimator
    from audience.calibration_fit import (
        FitOptions,
        compute_face_features,
        cross_validate,
        format_age_report,
        gender_accuracy,
    )
    from audience.detection import DetectorConfig, create_detector

    labels_csv = data_dir() / "faces" / "fairface" / "labels.csv"
    estimator = AgeGenderEstimator()
    faces = compute_face_features(labels_csv, estimator, create_detector(DetectorConfig()))
    options = FitOptions(age_values_years=tuple(float(v) for v in estimator.manifest.age_values_years))
    metrics = cross_validate(faces.features, faces.labels, folds=5, seed=0, options=options)
    calibrated, raw = metrics["calibrated"], metrics["uncalibrated"]
    gender_all, counted = gender_accuracy(faces)
    gender_10_plus, counted_10_plus = gender_accuracy(faces, leave_out_labels=("0-2", "3-9"))
    rows = [
        ("FairFace faces with a detected face", f"{len(faces.labels)} of {len(faces.labels) + len(faces.problems)}", "", None),
        ("teen recall (5-fold CV; as shipped)", f"{calibrated['teen_recall']:.2f} ({raw['teen_recall']:.2f})", ">= 0.60", calibrated["teen_recall"] >= 0.6),
        ("teen precision (5-fold CV; as shipped)", f"{calibrated['teen_precision']:.2f} ({raw['teen_precision']:.2f})", ">= 0.60", calibrated["teen_precision"] >= 0.6),
        ("age-group accuracy (5-fold CV; as shipped)", f"{calibrated['group_accuracy']:.2f} ({raw['group_accuracy']:.2f})", "", None),
        ("age error, distance to the labelled bin (lower bound of MAE)", f"{calibrated['age_mae_years']:.1f} years", "MAE <= 5", None),
        ("gender accuracy, all 540", f"{gender_all:.3f} on {counted}", ">= 0.95", gender_all >= 0.95),
        ("gender accuracy, age 10+", f"{gender_10_plus:.3f} on {counted_10_plus}", ">= 0.95", gender_10_plus >= 0.95),
    ]
    details = format_age_report(calibrated, "FairFace, calibrated, 5-fold cross-validated")
    details += "\n\n" + format_age_report(raw, "FairFace, network as shipped (summed probabilities)")
    return rows, details


# -- table ---------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", choices=["speed", "latency", "accuracy"], help="run one group")
    parser.add_argument("--scenario", help=argparse.SUPPRESS)
    parser.add_argument("args", nargs="*", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.scenario:
        result = {"throughput": scenario_throughput, "first_age_group": scenario_first_age_group}[options.scenario](
            *options.args
        )
        print(json.dumps(result))
        return

    rows: list[tuple[str, str, str, str]] = []  # (measure, value, target, verdict)

    def add(measure: str, value: str, target: str = "", ok: bool | None = None) -> None:
        verdict = "" if ok is None else ("met" if ok else "MISSED")
        rows.append((measure, value, target, verdict))
        print(f"  {measure}: {value}", file=sys.stderr)

    videos = data_dir() / "video"
    if options.only in (None, "speed"):
        with tempfile.TemporaryDirectory() as tmp:
            clip = make_720p_clip(Path(tmp) / "crowd-720p.mp4")
            result = run_in_subprocess("throughput", str(clip))
        add("720p30, up to 8 faces: throughput", f"{result['throughput_fps']:.1f} fps", ">= 30 fps", result["throughput_fps"] >= 30)
        add("720p30: p95 latency per frame", f"{result['p95_latency_ms']:.1f} ms")
        add("720p30: peak memory (RSS)", f"{result['peak_rss_mb']:.0f} MB", "< 400 MB", result["peak_rss_mb"] < 400)
        result = run_in_subprocess("throughput", str(videos / "facenet_pytorch_video.mp4"))
        add("1080p25 crowd clip: throughput", f"{result['throughput_fps']:.1f} fps", ">= 25 fps", result["throughput_fps"] >= 25)
        add("1080p25: p95 latency per frame", f"{result['p95_latency_ms']:.1f} ms")
        add("1080p25: peak memory (RSS)", f"{result['peak_rss_mb']:.0f} MB", "< 400 MB", result["peak_rss_mb"] < 400)
        result = run_in_subprocess("throughput", str(videos / "intel_one-by-one-person-detection.mp4"))
        add("432p10 139 s soak clip: throughput", f"{result['throughput_fps']:.1f} fps", ">= 10 fps", result["throughput_fps"] >= 10)
        add("soak clip: peak memory (RSS)", f"{result['peak_rss_mb']:.0f} MB", "< 400 MB", result["peak_rss_mb"] < 400)
    if options.only in (None, "latency"):
        for name in ("intel_preview_face-demographics-walking-and-pause.gif", "facenet_pytorch_video.mp4"):
            result = run_in_subprocess("first_age_group", str(videos / name))
            if result["median_s"] is None:
                add(f"first age group, {name}", "no face aged", "<= 0.5 s", False)
                continue
            add(
                f"first face frame -> age group ({name}, {result['aged']}/{result['faces']} faces)",
                f"median {result['median_s']:.2f} s, max {result['max_s']:.2f} s",
                "<= 0.5 s",
                result["max_s"] <= 0.5,
            )
    details = ""
    if options.only in (None, "accuracy"):
        accuracy_rows, details = accuracy()
        for measure, value, target, ok in accuracy_rows:
            add(measure, value, target, ok)

    print_table("Audience engine benchmark", rows)
    if details:
        print("\n" + details)


if __name__ == "__main__":
    main()
