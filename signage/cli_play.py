"""`signage play` (the kiosk player, live or replaying a clip) and `signage demo`."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import sys
from pathlib import Path
from typing import TextIO

from signage.cli_common import (
    HelpFormatter,
    add_config_option,
    add_db_option,
    add_start_option,
    examples,
    load_config_of,
    start_time_of,
)

DEMO_CLIP_S = 24.0  # one visitor in view 2-16 s, then long enough for the store's loop to come back


@dataclasses.dataclass(frozen=True)
class DemoScene:
    """One part of the seed's story: who walks in, and when."""

    name: str
    title: str
    start: str  # local time the clip starts at
    outfit: str  # what the visitor wears (audience.demo.OUTFITS)


# Monday 23 November 2026. The visitor is the same photo each time; only the clothes and
# the hour differ, and the real pose, clothing, age networks and seed rules do the rest.
DEMO_SCENES = (
    DemoScene("morning", "a weekday morning, a commuter in a suit", "2026-11-23 08:10", "suit"),
    DemoScene("afternoon", "after school, a student in the school's uniform", "2026-11-23 16:10", "school_uniform"),
    DemoScene("evening", "an evening, a shopper in casual clothes", "2026-11-23 19:30", "casual"),
)
# The demo store describes its school's uniform, as a store near a school would in its
# config (README, "Attire"): without it, formal clothes count as a uniform only on a
# face the age network takes for a child or a teen, and the demo's face is an adult's.
DEMO_STORE_CONFIG = {
    "attire": {
        "profiles": [
            {"name": "demo_school", "attire": "school_uniform", "colours": {"outer": "maroon", "inner": "white", "accent": "navy"}}
        ]
    }
}


def register(commands: argparse._SubParsersAction) -> None:
    """Add the `play` and `demo` commands."""
    play = commands.add_parser(
        "play",
        help="run the kiosk player (fullscreen), or replay a recorded clip headless",
        description="Run the player: live on the configured camera (full screen, proof of play, the "
        "operator overlay on F1), or replaying --video on the clip's own clock, headless if asked, with "
        "the decision trace written to --trace.",
        epilog=examples(
            "signage play                                      # live, on player.camera of the config",
            "signage play --windowed --overlay                 # in a window, with the operator overlay",
            "signage play --video walk-in.mp4 --start '2026-11-23 16:05' --headless --trace trace.jsonl",
        ),
        formatter_class=HelpFormatter,
    )
    add_db_option(play)
    add_config_option(play)
    play.add_argument("--camera", help="audience source for a live run: camera index, rtsp/http URL, or none")
    play.add_argument("--video", type=Path, help="replay this recorded clip instead of a live camera")
    add_start_option(play)
    play.add_argument("--trace", type=Path, help="write the decision trace (JSON lines) to this file")
    play.add_argument("--headless", action="store_true", help="offscreen window: no display needed")
    play.add_argument("--realtime", action="store_true", help="replay at the clip's own speed (to watch it)")
    play.add_argument("--windowed", action="store_true", help="a 1280x720 window instead of full screen")
    play.add_argument("--screen", type=int, help="screen number for the window (overrides player.screen)")
    play.add_argument("--rotation", type=int, choices=(0, 90, 180, 270), help="rotate the picture (portrait)")
    play.add_argument("--overlay", action="store_true", help="start with the operator overlay shown")
    play.add_argument(
        "--aim",
        action="store_true",
        help="start with the aiming picture shown (F2): the camera's face boxes, ids and labels, no camera pixels, nothing stored",
    )
    play.add_argument("--duration-s", type=float, help="live: stop after this many seconds")
    # `operator_log`: a kiosk's journal gets every switch, reload, camera change and
    # failure at INFO by default (signage.cli sets the levels; -q for fewer).
    play.set_defaults(handler=_play, operator_log=True)

    demo = commands.add_parser(
        "demo",
        help="the built-in demo: sample ads, seed rules and three walk-in clips, played in the player",
        description=(
            "Build the sample content, the seed rules and three walk-in clips from a photo that ships with "
            "scikit-image (nothing is downloaded, no camera), then replay them in the player: a commuter in a "
            "suit on a weekday morning, a student in the school's uniform after school, a shopper in the "
            "evening. On the screen when there is one, else headless. Prints how the playlist changes as each "
            "visitor arrives and leaves."
        ),
        epilog=examples("signage demo", "signage demo --headless --scene afternoon"),
        formatter_class=HelpFormatter,
    )
    demo.add_argument("--db", type=Path, help="demo database (default: demo/signage.db in the data folder)")
    demo.add_argument("--headless", action="store_true", help="do not open a window even if there is a display")
    demo.add_argument(
        "--trace-dir", type=Path, help="folder for the scenes' traces, SCENE.jsonl (default: beside the demo database)"
    )
    demo.add_argument(
        "--scene", choices=["all", *(scene.name for scene in DEMO_SCENES)], default="all",
        help="replay one scene only (default: all three)",
    )
    demo.set_defaults(handler=_demo)


def _play(args: argparse.Namespace) -> int:
    from foundation.paths import media_dir
    from signage.player.app import PlayOptions, route_qt_messages, run_player

    route_qt_messages()
    config = load_config_of(args)  # and its ui.language, for the player's own texts
    changes = {}
    if args.windowed:
        changes["fullscreen"] = False
    if args.screen is not None:
        changes["screen"] = args.screen
    if args.rotation is not None:
        changes["rotation_deg"] = args.rotation
    if changes:
        config = dataclasses.replace(config, player=dataclasses.replace(config.player, **changes))
    start = start_time_of(args) if args.start else None  # None: the player starts its clock now
    options = PlayOptions(
        db_path=args.db,
        video=args.video,
        start=start,
        trace=args.trace,
        headless=args.headless,
        pace_realtime=args.realtime,
        camera=args.camera,
        duration_s=args.duration_s,
        seed_media_dir=media_dir(),
        show_overlay=args.overlay,
        show_aim=args.aim,
        language=getattr(args, "lang", None),  # --lang; None: ui.language, else the locale
    )
    report = run_player(options, config)
    if args.video is not None or args.headless:
        print(describe_report(report))
    return 0


def _demo(args: argparse.Namespace) -> int:
    from audience.engine import AudienceConfig
    from foundation.clock import parse_local_time
    from foundation.paths import data_dir
    from signage.cli_audience import ensure_demo_clip
    from signage.config import SignageConfig
    from signage.player.app import (
        PlayOptions,
        route_qt_messages,
        run_player,
        use_offscreen_if_needed,
    )
    from signage.player.settings import PlayerSettings

    folder = data_dir() / "demo"
    folder.mkdir(parents=True, exist_ok=True)
    db_path = args.db or folder / "signage.db"
    trace_dir = args.trace_dir or folder
    scenes = [scene for scene in DEMO_SCENES if args.scene in ("all", scene.name)]
    print(f"signage demo: building the walk-in clips and the sample content in {folder} (first run only)", flush=True)
    clips = {scene.name: ensure_demo_clip(DEMO_CLIP_S, outfit=scene.outfit, visitors="one") for scene in scenes}
    offscreen = use_offscreen_if_needed(args.headless)
    route_qt_messages()
    where = "headless (no display)" if offscreen else "in a window"
    # The demo shows the product as installed: built-in defaults but the store's uniform,
    # windowed with the overlay.
    config = SignageConfig(
        audience=AudienceConfig.from_dict(DEMO_STORE_CONFIG, "signage demo"),
        # No status endpoint: the store's own player may hold the port on this machine.
        player=PlayerSettings(camera="none", fullscreen=False, status_port=0),
    )
    proof_path = folder / "proof-of-play.db"
    for stale in folder.glob("proof-of-play.db*"):  # each demo run starts its own log
        stale.unlink()
    for scene in scenes:
        start = parse_local_time(scene.start)
        trace_path = trace_dir / f"{scene.name}.jsonl"
        print(
            f"\nscene: {scene.title}, {start:%a %H:%M} ({clips[scene.name].name}, {DEMO_CLIP_S:g} s, {where})",
            flush=True,
        )
        options = PlayOptions(
            db_path=db_path,
            video=clips[scene.name],
            start=start,
            trace=trace_path,
            headless=offscreen,
            pace_realtime=not offscreen,
            seed_media_dir=folder / "media",
            show_overlay=True,
            # A replay keeps its proof of play apart from any store's: the demo's own file.
            proof_db=proof_path,
            # The timeline is printed as the trace is written, while the scene plays.
            trace_listener=TimelinePrinter(),
            language=getattr(args, "lang", None),
        )
        report = run_player(options, config)
        print(describe_report(report))
    print(f"\ntraces: {trace_dir}   proof of play: signage report plays --db {proof_path}")
    return 0


class Timeline:
    """The demo's readable timeline (audience changes, switches, items, events), built
    one trace record at a time, so it can be printed while the replay runs."""

    def __init__(self) -> None:
        self._last_audience: tuple | None = None

    def line(self, record: dict) -> str | None:
        """The timeline line for one trace record, or None when it adds nothing."""
        kind = record.get("type")
        if kind == "decision":
            audience = record["audience"]
            who = (audience.get("signal"), audience.get("group_size"), audience.get("dominant_segment"))
            if who == self._last_audience:  # a change of who is there, not of the confidence
                return None
            self._last_audience = who
            return f"{record['ts']:7.1f} s  audience: {audience_words(audience)}"
        if kind == "play":
            marker = "->" if record.get("switch") else "  "
            rule = f"rule {record['rule']}" if record.get("rule") else "default playlist"
            if record.get("arm") == "control":
                rule += (
                    f"; holdout control for rule {record['arm_rule']},"
                    f" which would have shown {record['other_playlist'] or '(nothing)'}"
                )
            why = f"  [{record['switch']}]" if record.get("switch") else ""
            return f"{record['ts']:7.1f} s  {marker} {record['playlist'] or '(fallback)'} / {record['item']} ({rule}){why}"
        if kind == "event":
            return f"{record['ts']:7.1f} s  {record['kind']}: {record['message']}"
        return None


class TimelinePrinter:
    """A `TraceWriter` listener that prints each timeline line as its record is written,
    flushed at once (a pipe or the journal sees it then, not when the replay ends)."""

    def __init__(self, stream: TextIO | None = None) -> None:
        """`stream`: where the lines go (default: stdout as it is when a line is printed)."""
        self._timeline = Timeline()
        self._stream = stream

    def __call__(self, record: dict) -> None:
        """Print the line for `record`, if it has one."""
        line = self._timeline.line(record)
        if line is not None:
            print(line, file=self._stream or sys.stdout, flush=True)


def describe_trace(lines: list[dict], start: dt.datetime) -> str:
    """The trace as a readable timeline: audience changes, switches and items."""
    timeline = Timeline()
    return "\n".join(text for text in map(timeline.line, lines) if text is not None)


def audience_words(audience: dict) -> str:
    """An audience summary (a trace's or the status's: signal, group_size,
    dominant_segment, confidence) in words: "1 person, mostly adult/casual (confidence 0.73)"."""
    if audience.get("signal") != "ok":
        return "no camera signal"
    size = audience.get("group_size", 0)
    if size == 0:
        return "nobody"
    people = "1 person" if size == 1 else f"{size} people"
    return f"{people}, mostly {audience.get('dominant_segment')} (confidence {audience.get('confidence', 0):.2f})"


def describe_report(report: dict) -> str:
    """The final report in a few lines."""
    plays = ", ".join(f"{name} {count}" for name, count in report.get("plays_by_playlist", {}).items())
    seconds = ", ".join(f"{name} {value:.1f} s" for name, value in report.get("seconds_by_playlist", {}).items())
    outcomes = ", ".join(f"{name} {count}" for name, count in report.get("outcomes", {}).items())
    lines = [
        (
            f"report: {report.get('decisions', 0)} decisions, {report.get('switches', 0)} switches, "
            f"{report.get('length_s', report.get('ended_s', 0)):.1f} s of timeline"
        ),
        f"  plays by playlist: {plays or 'none'}",
        f"  time by playlist: {seconds or 'none'}",
        f"  outcomes: {outcomes or 'none'}",
    ]
    if "frames_analysed" in report:
        lines.append(f"  audience: {report['frames_analysed']} frames analysed, {report['visitors_seen']} visitors seen")
    for failure in report.get("failures", []):
        lines.append(f"  failed: {failure}")
    return "\n".join(lines)
