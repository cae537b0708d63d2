"""`signage audience ...`: analyse video, calibrate age, evaluate attire, make the demo clip."""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
from pathlib import Path

from foundation.errors import ConfigError, DataError
from signage.cli_common import (
    add_config_option,
    add_start_option,
    attach_examples,
    start_time_of,
)

DEMO_SOURCE = "demo"


def register(commands: argparse._SubParsersAction) -> None:
    """Add the `audience` command group."""
    audience = commands.add_parser(
        "audience", help="analyse who is in front of the screen",
        description="The audience engine on its own: who is in front of a camera, a video, a stream or an "
        "image folder (age group, attire, gender, dwell, attention) as JSON lines, and the tools that "
        "calibrate and check its age and attire estimates on labelled photos. Nothing is stored but "
        "the numbers.",
    )
    sub = audience.add_subparsers(dest="audience_command", metavar="SUBCOMMAND", title="subcommands")
    sub.required = True

    analyze = sub.add_parser(
        "analyze",
        help="run the audience engine on a camera, video, stream or image folder",
        description="Writes one audience snapshot per tick and a run summary. Frames are never stored; "
        "only --annotate writes pixels, to the file you name.",
    )
    analyze.add_argument(
        "source",
        help="camera index (0), video file (MP4/AVI/MOV/GIF), rtsp:// or http(s):// URL, image folder, "
        f"or '{DEMO_SOURCE}' for the built-in walk-in clip",
    )
    analyze.add_argument("--jsonl", type=Path, help="write snapshots and the summary as JSON lines to this file ('-' = stdout)")
    analyze.add_argument("--annotate", type=Path, metavar="OUT.mp4", help="also write a video with boxes and labels")
    add_config_option(analyze)
    add_start_option(analyze)
    analyze.add_argument("--detector", help="face detector type, overriding the config (libfacedetection, onnx-yunet, insightface, dlib-hog)")
    analyze.add_argument("--detector-model", type=Path, help="model file or folder for onnx-yunet / insightface")
    analyze.add_argument("--max-frames", type=int, help="stop after this many frames")
    analyze.add_argument("--no-progress", action="store_true", help="no progress bar")
    analyze.set_defaults(handler=_analyze)

    calibrate = sub.add_parser(
        "calibrate",
        help="fit the age calibration from labelled face photos",
        description="LABELS.csv has columns filename and age_group (bins like 10-19) or age (years); "
        "images are read relative to the CSV. Writes a JSON file to use as age.calibration_path.",
    )
    calibrate.add_argument("labels", type=Path, help="labels CSV (e.g. ../shared/data/faces/fairface/labels.csv)")
    calibrate.add_argument("--out", type=Path, required=True, help="calibration JSON to write")
    add_config_option(calibrate)  # age boundaries, detector
    calibrate.add_argument("--no-progress", action="store_true", help="no progress bar")
    calibrate.set_defaults(handler=_calibrate)

    evaluate_age = sub.add_parser(
        "evaluate-age",
        help="age-group confusion matrix, teen recall/precision and gender accuracy on labelled faces",
        description="Estimate the age group and gender of every labelled face photo and print the confusion "
        "matrix of age groups, the recall and precision of teens (what the minors guardrail relies on) "
        "and the gender accuracy.",
    )
    evaluate_age.add_argument("labels", type=Path, help="labels CSV with filename, age_group or age, and gender")
    add_config_option(evaluate_age)  # calibration, boundaries, detector
    evaluate_age.add_argument("--no-progress", action="store_true", help="no progress bar")
    evaluate_age.set_defaults(handler=_evaluate_age)

    evaluate_attire = sub.add_parser(
        "evaluate-attire",
        help="per-class precision and recall of the attire classifier on labelled photos",
        description="Classify the attire of every labelled photo and print each class's precision and "
        "recall and the confusion matrix; --split scores the tuning or the held-out half only.",
    )
    evaluate_attire.add_argument("labels", type=Path, help="labels CSV with filename and attire_label")
    add_config_option(evaluate_attire)  # attire profiles or model
    evaluate_attire.add_argument(
        "--split",
        choices=("all", "tuning", "held_out"),
        default="all",
        help="rows to score: all, the even data rows (tuning) or the odd ones (held_out)",
    )
    evaluate_attire.set_defaults(handler=_evaluate_attire)

    fit_attire = sub.add_parser(
        "fit-attire",
        help="fit the attire head (business, casual, workwear) on labelled photos",
        description="Runs the pose and clothing networks on every labelled photo (labels CSV with filename "
        "and attire_label; the product's class names or the shared data's) and fits the small head that "
        "turns their evidence into business, casual and workwear. Use it as audience.attire.head_path.",
    )
    fit_attire.add_argument("labels", type=Path, nargs="+", help="labels CSV files (images relative to each)")
    fit_attire.add_argument("--out", type=Path, required=True, help="head JSON to write")
    fit_attire.add_argument(
        "--split", choices=("all", "tuning", "held_out"), default="all",
        help="rows to fit on: all, the even data rows (tuning) or the odd ones (held_out)",
    )
    add_config_option(fit_attire)  # detector, attire profiles
    fit_attire.add_argument("--no-progress", action="store_true", help="no progress bar")
    fit_attire.set_defaults(handler=_fit_attire)

    demo_clip = sub.add_parser(
        "demo-clip", help="write the built-in walk-in demo clip (made from packaged photos)",
        description="Write the walk-in clip `audience analyze demo` uses: visitors made from photos that "
        "ship with scikit-image walk up to the screen and leave. Nothing is downloaded.",
    )
    demo_clip.add_argument("out", type=Path, help="MP4 file to write")
    demo_clip.set_defaults(handler=_demo_clip)

    attach_examples(audience, {
        "": ("signage audience analyze demo --jsonl - --start '2026-11-23 16:05'",),
        "analyze": (
            "signage audience analyze demo --jsonl snapshots.jsonl --start '2026-11-23 16:05'",
            "signage audience analyze 0 --jsonl -                 # the first camera, live",
            "signage audience analyze walk-in.mp4 --annotate boxes.mp4 --max-frames 300",
        ),
        "calibrate": ("signage audience calibrate ../shared/data/faces/fairface/labels.csv --out age-calibration.json",),
        "evaluate-age": ("signage audience evaluate-age ../shared/data/faces/fairface/labels.csv",),
        "evaluate-attire": ("signage audience evaluate-attire attire/labels.csv --split held_out",),
        "fit-attire": ("signage audience fit-attire ccp/labels.csv workwear/labels.csv --split tuning --out head.json",),
        "demo-clip": ("signage audience demo-clip walk-in.mp4",),
    })


def _config(args: argparse.Namespace):
    from signage.config import load_config

    config = load_config(getattr(args, "config", None)).audience
    if getattr(args, "detector", None) or getattr(args, "detector_model", None):
        detector = config.detector
        if args.detector:
            detector = dataclasses.replace(detector, type=args.detector)
        if args.detector_model:
            detector = dataclasses.replace(detector, model_path=str(args.detector_model))
        config = dataclasses.replace(config, detector=detector)
    return config


def demo_clip_path(duration_s: float = 12, outfit: str = "flight_suit", visitors: str = "pair") -> Path:
    """Where a built-in walk-in clip is cached ($XDG_CACHE_HOME/signage)."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    name = "demo-walk-in"
    if duration_s != 12:
        name += f"-{duration_s:g}s"
    if (outfit, visitors) != ("flight_suit", "pair"):
        name += f"-{visitors}-{outfit}"
    return base / "signage" / f"{name}.mp4"


def ensure_demo_clip(duration_s: float = 12, outfit: str = "flight_suit", visitors: str = "pair") -> Path:
    """Build a demo clip once; later runs reuse it (it is deterministic).

    Other durations than 12 s stretch the same timeline (`signage demo` uses 24 s, so
    the playlist has time to change back after the visitor leaves)."""
    from audience.demo import build_demo_clip

    path = demo_clip_path(duration_s, outfit, visitors)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".partial.mp4")
        build_demo_clip(partial, duration_s=duration_s, outfit=outfit, visitors=visitors)
        partial.replace(path)
    return path


def _analyze(args: argparse.Namespace) -> int:
    from audience.annotate import AnnotatedVideoWriter
    from audience.engine import AudienceEngine
    from audience.runner import run_analysis
    from audience.sources import open_source
    from foundation.clock import SystemClock, VideoClock

    config = _config(args)
    spec = str(ensure_demo_clip()) if args.source == DEMO_SOURCE else args.source
    start = start_time_of(args)  # the recording's start on its own clock (default: now)
    source = open_source(spec)
    clock = SystemClock() if source.is_live else VideoClock(start)
    engine = AudienceEngine(config, clock)
    out = _open_jsonl(args.jsonl)
    annotate = AnnotatedVideoWriter(args.annotate, source.fps or 25.0) if args.annotate else None
    progress = _progress_bar(source, args.no_progress)

    def on_snapshot(snapshot) -> None:
        if out is not None:
            out.write(json.dumps(snapshot.to_dict()) + "\n")

    def on_frame(frame, engine_) -> None:
        if annotate is not None:
            annotate(frame, engine_)
        if progress is not None:
            progress.update(1)

    try:
        with source:
            summary = run_analysis(engine, source, on_snapshot, on_frame=on_frame, max_frames=args.max_frames)
    finally:
        if progress is not None:
            progress.close()
        if annotate is not None:
            annotate.close()
    if out is not None:
        out.write(json.dumps(summary.to_dict()) + "\n")
        if out is not sys.stdout:
            out.close()
    _print_summary(summary, args)
    return 0


def _open_jsonl(path: Path | None):
    if path is None:
        return None
    if str(path) == "-":
        return sys.stdout
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return path.open("w", encoding="utf-8")
    except OSError as error:
        raise ConfigError(f"{path}: cannot write the JSONL output ({error.strerror})") from None


def _progress_bar(source, disabled: bool):
    if disabled or source.is_live:
        return None
    from signage.progress import progress_bar

    return progress_bar(Path(source.name).name, "frame", total=source.frame_count)  # None off a terminal


def _print_summary(summary, args: argparse.Namespace) -> None:
    stream = sys.stderr if args.jsonl and str(args.jsonl) == "-" else sys.stdout
    print(
        f"{summary.source}: {summary.frames} frames ({summary.source_duration_s:.1f} s) in {summary.wall_s:.1f} s "
        f"= {summary.throughput_fps:.1f} fps, p95 {summary.p95_latency_ms:.0f} ms/frame, "
        f"{summary.frames_dropped} dropped, {len(summary.visitors)} visitors",
        file=stream,
    )
    if summary.truncated:
        print(f"{summary.source}: warning: the video ends early (truncated or corrupt); analysed what could be read", file=stream)
    for line in summary.skipped:  # an image folder's files that were left out, each with its reason
        print(f"  skipped {line}", file=stream)
    for visitor in summary.visitors:
        group = visitor.age_group.value if visitor.age_group else "unknown age"
        print(
            f"  visitor {visitor.track_id}: {group} ({visitor.age_group_confidence:.2f}), "
            f"{visitor.gender.value}, {visitor.attire.value}, dwell {visitor.dwell_s:.1f} s, "
            f"attention {visitor.attention_s:.1f} s",
            file=stream,
        )


def _age_pipeline(config):
    """(age/gender estimator, face detector) as configured: what the engine itself uses."""
    from audience.detection import create_detector
    from audience.engine import open_age_gender_model

    return open_age_gender_model(config.age), create_detector(config.detector)


def _row_progress(labels: Path, disabled: bool = False):
    """A `progress(done, total)` callback over the rows of a labels file, and its close."""
    if disabled:
        return None, lambda: None
    from signage.progress import progress_callback

    return progress_callback(labels.name, "face")


def _calibrate(args: argparse.Namespace) -> int:
    from audience.calibration_fit import (
        FitOptions,
        calibrate_from_csv,
        format_age_report,
    )

    config = _config(args)
    estimator, detector = _age_pipeline(config)
    progress, close = _row_progress(args.labels, args.no_progress)
    try:
        report = calibrate_from_csv(
            args.labels, args.out, estimator, detector, progress, FitOptions(boundaries=config.age.boundaries)
        )
    finally:
        close()
    print(f"{args.out}: age calibration fitted on {report['faces_used']} faces ({report['faces_skipped']} skipped)")
    _print_skipped(report["problems"])
    metrics = report["metrics"]
    folds = metrics["folds"]
    print(format_age_report(metrics["calibrated"], f"calibrated, {folds}-fold cross-validated"))
    print(format_age_report(metrics["uncalibrated"], "network as shipped"))
    print(f"use it: set audience.age.calibration_path: {args.out.resolve()} in the config file")
    return 0


def _evaluate_age(args: argparse.Namespace) -> int:
    from audience.calibration_fit import (
        compute_face_features,
        evaluate,
        format_age_report,
        gender_accuracy,
    )
    from audience.engine import load_calibration

    config = _config(args)
    estimator, detector = _age_pipeline(config)
    calibration = load_calibration(config.age, estimator)
    progress, close = _row_progress(args.labels, args.no_progress)
    try:
        faces = compute_face_features(args.labels, estimator, detector, progress)
    finally:
        close()
    if not faces.labels:
        raise DataError(f"{args.labels}: no usable faces ({len(faces.problems)} rows skipped)")
    source = config.age.calibration_path or "the calibration shipped with signage"
    print(format_age_report(evaluate(calibration, faces.features, faces.labels), f"{args.labels} with {source}"))
    accuracy, counted = gender_accuracy(faces)
    if accuracy is not None:
        print(f"  gender accuracy {accuracy:.3f} on {counted} faces with a gender label")
    _print_skipped(faces.problems)
    return 0


def _print_skipped(problems: list[str], most: int = 10) -> None:
    """One line per skipped row (the first `most`), then how many more."""
    if problems:
        print(f"  {len(problems)} rows skipped:")
    for problem in problems[:most]:
        print(f"    {problem}")
    if len(problems) > most:
        print(f"    ... and {len(problems) - most} more")


def _evaluate_attire(args: argparse.Namespace) -> int:
    from audience.attire import create_attire_classifier
    from audience.attire_evaluation import evaluate_attire, format_report
    from audience.detection import create_detector

    config = _config(args)
    report = evaluate_attire(
        args.labels, create_attire_classifier(config.attire), create_detector(config.detector), split=args.split
    )
    print(format_report(report))
    return 0


def _fit_attire(args: argparse.Namespace) -> int:
    from audience.attire_fit import collect_evidence, fit_head
    from audience.attire_network import open_network_classifier
    from audience.detection import create_detector

    config = _config(args)
    classifier = open_network_classifier(config.attire, head=None)
    progress, close = _row_progress(args.labels[0], args.no_progress)
    try:
        data = collect_evidence(args.labels, classifier, create_detector(config.detector), args.split, progress)
    finally:
        close()
    head = fit_head(data, {"labels": [str(path) for path in args.labels], "split": args.split})
    try:
        head.save(args.out)
    except OSError as error:
        raise DataError(f"{args.out}: cannot write the head ({error.strerror})") from None
    counts = ", ".join(f"{name} {count}" for name, count in head.fitted_on["per_class"].items())
    print(f"{args.out}: attire head fitted on {len(data.labels)} photos ({counts}); "
          f"{data.no_face} without a face, {data.no_torso} without a visible torso")
    _print_skipped(data.problems)
    print(f"use it: set audience.attire.head_path: {args.out.resolve()} in the config file")
    return 0


def _demo_clip(args: argparse.Namespace) -> int:
    from audience.demo import build_demo_clip

    info = build_demo_clip(args.out)
    print(f"{args.out}: demo clip written ({info})")
    return 0
