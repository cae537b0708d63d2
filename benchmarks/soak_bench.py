"""Memory soak of the kiosk player at a real playlist's pace, for hours.

    .venv/bin/python benchmarks/soak_bench.py [--hours 2] [--warmup-min 15] [--interval-s 30] [--out /tmp/soak]
    .venv/bin/python benchmarks/soak_bench.py --report /tmp/soak/rss.csv   # a run in progress, or done

Runs the real product path, `signage play --headless`, as a subprocess on a fresh
database that the player seeds itself (the sample content and the seed rules, whose items
keep their real display times: nothing is sped up). The audience engine is on: the camera
is an MJPEG stream over HTTP served by this script, looping a recorded clip (default:
the demo's 24 s walk-in clip, one commuter in a suit in view for 14 s) at `--camera-fps`,
so the player reads it as it would a network camera (reconnects included). A stream is
used because a video file given as a camera ends instead of looping.

Every `--interval-s` the player's VmRSS and VmHWM (/proc/PID/status), PSS
(/proc/PID/smaps_rollup) and CPU time are appended to OUT/rss.csv; OUT/run.json records the
command, the commit and the database. At the end (or with `--report CSV` at any time) a
table shows the RSS at start, after the warm-up and at the end, the peak, and the
least-squares growth in MB/h after the warm-up with a 95% interval, widened for the
readings' autocorrelation (the RSS swings within each playlist cycle, so successive
readings are not independent), against the goal of under 5 MB/h; and the plays and
proof-of-play rows in the player's own database, showing the pace was real.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import http.server
import itertools
import json
import math
import os
import signal
import socketserver
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.report import print_table

ROOT = Path(__file__).resolve().parent.parent
GOAL_MB_PER_H = 5.0
CSV_FIELDS = ("elapsed_s", "wall_time", "rss_mb", "hwm_mb", "pss_mb", "cpu_s", "threads")


# -- the camera: a recorded clip looped as an MJPEG stream -----------------------------------


def find_clip(explicit: str | None) -> Path:
    """The clip the camera loops: --clip, else the demo's 24 s walk-in clip (a commuter in a suit).

    The demo clip is the default because the engine finds its visitor (tracking, age and
    attire all run, one visit every 24 s); in the shared long clip of people walking in
    (intel_one-by-one-person-detection.mp4) the camera is behind them and the engine saw
    nobody in 3 minutes, which would leave most of the engine idle."""
    if explicit:
        return Path(explicit)
    from signage.cli_audience import ensure_demo_clip

    return Path(ensure_demo_clip(24.0, outfit="suit", visitors="one"))


class MjpegCamera:
    """Serves `clip` as multipart/x-mixed-replace JPEG frames at `fps`, looping forever.

    Each connection gets its own decoder starting at the clip's first frame, the way a
    network camera's stream starts wherever it is when the player (re)connects."""

    def __init__(self, clip: Path, fps: float) -> None:
        import cv2

        self.clip = clip
        self.fps = fps
        self.frames_sent = 0
        self.connections = 0
        camera = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                camera.connections += 1
                self.send_response(200)
                self.send_header("Content-Type", "multipart/x-mixed-replace; boundary=frame")
                self.end_headers()
                capture = cv2.VideoCapture(str(camera.clip))
                next_s = time.monotonic()
                try:
                    while True:
                        ok, image = capture.read()
                        if not ok:  # end of the clip: start it again
                            capture.release()
                            capture = cv2.VideoCapture(str(camera.clip))
                            ok, image = capture.read()
                            if not ok:
                                return
                        data = cv2.imencode(".jpg", image)[1].tobytes()
                        head = f"--frame\r\nContent-Type: image/jpeg\r\nContent-Length: {len(data)}\r\n\r\n"
                        self.wfile.write(head.encode() + data + b"\r\n")
                        camera.frames_sent += 1
                        next_s += 1.0 / camera.fps
                        time.sleep(max(0.0, next_s - time.monotonic()))
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the player disconnected (it stops, or reconnects)
                finally:
                    capture.release()

            def log_message(self, *args) -> None:
                pass  # one line per request would only be noise

        self._server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/stream.mjpg"
        self._thread = threading.Thread(target=self._server.serve_forever, name="mjpeg-camera", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()


# -- sampling ------------------------------------------------------------------------------


def read_sample(pid: int) -> dict | None:
    """RSS, peak RSS, PSS (MB), CPU time (s) and threads of process `pid`; None once it is gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
        stat = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return None
    fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)

    def kb(name: str) -> float:
        return int(fields[name].split()[0]) / 1024 if name in fields else float("nan")

    pss = float("nan")
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                pss = int(line.split()[1]) / 1024
                break
    except OSError:
        pass  # an older kernel: RSS only
    # utime and stime are fields 14 and 15; the command name (field 2) may hold spaces.
    after_name = stat.rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    cpu_s = (int(after_name[11]) + int(after_name[12])) / ticks
    return {
        "rss_mb": kb("VmRSS"), "hwm_mb": kb("VmHWM"), "pss_mb": pss,
        "cpu_s": cpu_s, "threads": int(fields.get("Threads", "0").strip() or 0),
    }  # fmt: skip


def commit_of(tree: Path) -> str:
    """The git commit of the tree the player runs from, or 'unknown'."""
    try:
        result = subprocess.run(
            ["git", "-C", str(tree), "rev-parse", "HEAD"], capture_output=True, text=True, timeout=10, check=False
        )
    except OSError:
        return "unknown"
    commit = result.stdout.strip() or "unknown"
    status = subprocess.run(
        ["git", "-C", str(tree), "status", "--short", "--untracked-files=no"],
        capture_output=True, text=True, timeout=30, check=False,
    )  # fmt: skip
    changed = len(status.stdout.splitlines())
    # Others edit the tree while a soak runs: say that the code was not exactly the commit.
    return f"{commit} + {changed} uncommitted file(s)" if changed else commit


def run_soak(args: argparse.Namespace) -> Path:
    """Start the camera and the player, sample until the player ends; returns the CSV path."""
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    csv_path = out / "rss.csv"
    db_path = out / "signage.db"
    for stale in (csv_path, db_path, Path(f"{db_path}-wal"), Path(f"{db_path}-shm")):
        stale.unlink(missing_ok=True)
    clip = find_clip(args.clip)
    camera = MjpegCamera(clip, args.camera_fps)
    camera.start()
    config = out / "config.yaml"
    # Only the camera differs from the built-in defaults (fullscreen on the offscreen screen).
    config.write_text(f"player:\n  camera: {camera.url}\n")
    signage = Path(sys.executable).parent / "signage"
    duration_s = args.hours * 3600
    command = [
        str(signage), "play", "--headless", "--db", str(db_path), "--config", str(config),
        "--duration-s", f"{duration_s:.0f}",
    ]  # fmt: skip
    from audience.models.registry import models_dir

    # A private data folder for the seeded media, but the installed models: the engine
    # runs its real networks, not the fallbacks.
    env = dict(
        os.environ, SIGNAGE_DATA_DIR=str(out / "data"), SIGNAGE_MODELS_DIR=str(models_dir()),
        QT_QPA_PLATFORM="offscreen",
    )  # fmt: skip
    import signage as signage_package

    tree = Path(signage_package.__file__).resolve().parent.parent
    meta = {
        "command": command,
        "code": str(tree),
        "commit": args.commit or commit_of(tree),
        "pythonpath": env.get("PYTHONPATH", ""),
        "database": str(db_path),
        "clip": str(clip),
        "camera_fps": args.camera_fps,
        "hours": args.hours,
        "warmup_min": args.warmup_min,
        "interval_s": args.interval_s,
        "started": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "expected_end": (dt.datetime.now().astimezone() + dt.timedelta(seconds=duration_s)).isoformat(
            timespec="seconds"
        ),
    }
    log_file = (out / "player.log").open("w")
    player = subprocess.Popen(command, env=env, stdout=log_file, stderr=subprocess.STDOUT, cwd=out)
    meta["pid"] = player.pid
    (out / "run.json").write_text(json.dumps(meta, indent=2) + "\n")
    print(f"soak: player pid {player.pid}, {args.hours:g} h, sampling every {args.interval_s:g} s into {csv_path}")
    print(f"soak: code {tree}, commit {meta['commit']}, camera {camera.url} looping {clip.name}")
    print(f"soak: expected end {meta['expected_end']}", flush=True)

    def stop_player(signum, frame) -> None:
        raise SystemExit(f"soak: stopped by signal {signum}")

    signal.signal(signal.SIGTERM, stop_player)
    start = time.monotonic()
    try:
        with csv_path.open("w", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=CSV_FIELDS)
            writer.writeheader()
            next_s = start
            while player.poll() is None:
                sample = read_sample(player.pid)
                if sample is not None:
                    writer.writerow({
                        "elapsed_s": f"{time.monotonic() - start:.1f}",
                        "wall_time": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
                        **{key: f"{value:.2f}" if isinstance(value, float) else value for key, value in sample.items()},
                    })  # fmt: skip
                    handle.flush()
                next_s += args.interval_s
                while player.poll() is None and time.monotonic() < next_s:
                    time.sleep(min(1.0, max(0.0, next_s - time.monotonic())))
    finally:
        if player.poll() is None:
            player.terminate()
            try:
                player.wait(30)
            except subprocess.TimeoutExpired:
                player.kill()
        camera.stop()
        log_file.close()
    print(f"soak: player exited with {player.returncode}; camera sent {camera.frames_sent} frames "
          f"over {camera.connections} connection(s)")  # fmt: skip
    return csv_path


# -- the report ----------------------------------------------------------------------------


def fit_slope(xs: list[float], ys: list[float]) -> tuple[float, float, float]:
    """(slope, half-width of its 95% interval, lag-1 autocorrelation of the residuals).

    Ordinary least squares; the standard error is widened by sqrt((1 + r) / (1 - r)) for
    residuals with lag-1 autocorrelation r > 0 (an AR(1) approximation), because readings
    30 s apart within one playlist cycle are not independent and the plain interval
    would be too narrow."""
    n = len(xs)
    mean_x, mean_y = statistics.fmean(xs), statistics.fmean(ys)
    sxx = sum((x - mean_x) ** 2 for x in xs)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys)) / sxx
    residuals = [y - mean_y - slope * (x - mean_x) for x, y in zip(xs, ys)]
    variance = sum(r * r for r in residuals) / (n - 2)
    lag1 = sum(a * b for a, b in itertools.pairwise(residuals)) / (sum(r * r for r in residuals) or 1.0)
    lag1 = min(max(lag1, 0.0), 0.95)
    standard_error = math.sqrt(variance / sxx) * math.sqrt((1 + lag1) / (1 - lag1))
    return slope, 1.96 * standard_error, lag1


def count_plays(db_path: Path) -> dict | None:
    """Rows in the player's proof-of-play tables, and the plays by outcome; None without the database."""
    if not db_path.exists():
        return None
    db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=10)
    try:
        counts = {table: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                  for table in ("plays", "audience_samples", "player_events")}  # fmt: skip
        counts["outcomes"] = dict(db.execute("SELECT coalesce(outcome, 'open'), count(*) FROM plays GROUP BY 1"))
        counts["kinds"] = dict(db.execute("SELECT kind, count(*) FROM plays GROUP BY 1"))
        counts["playlists"] = dict(db.execute("SELECT coalesce(playlist, '-'), count(*) FROM plays GROUP BY 1"))
        counts["span"] = db.execute("SELECT min(started_at), max(started_at) FROM plays").fetchone()
        counts["signals"] = dict(db.execute("SELECT signal, count(*) FROM audience_samples GROUP BY 1"))
    finally:
        db.close()
    return counts


def report(csv_path: Path, warmup_min: float | None = None) -> None:
    """Print the soak's table from its CSV (and run.json and database beside it)."""
    meta_path = csv_path.parent / "run.json"
    meta = json.loads(meta_path.read_text()) if meta_path.exists() else {}
    warmup_min = warmup_min if warmup_min is not None else meta.get("warmup_min", 15.0)
    with csv_path.open(newline="") as handle:
        rows = [{key: float(value) for key, value in row.items() if key != "wall_time"} for row in csv.DictReader(handle)]
    # The reading at 0 s is of a player still importing (a few MB), not of one running.
    rows = [row for row in rows if row["elapsed_s"] >= 20.0]
    if len(rows) < 2:
        raise SystemExit(f"{csv_path}: {len(rows)} sample(s), too few to report")
    hours = [row["elapsed_s"] / 3600 for row in rows]
    rss = [row["rss_mb"] for row in rows]
    after = [i for i, h in enumerate(hours) if h * 60 >= warmup_min]
    table = [
        ("run", f"{hours[-1]:.2f} h of {meta.get('hours', '?')} h, {len(rows)} samples", "", ""),
        ("warm-up excluded", f"first {warmup_min:g} min ({len(rows) - len(after)} samples)", "", ""),
        (f"RSS at start ({hours[0] * 3600:.0f} s)", f"{rss[0]:.1f} MB", "", ""),
        ("RSS after warm-up", f"{rss[after[0]]:.1f} MB" if after else "not reached", "", ""),
        ("RSS at end", f"{rss[-1]:.1f} MB", "", ""),
        ("RSS peak (VmHWM)", f"{max(row['hwm_mb'] for row in rows):.1f} MB", "", ""),
    ]
    cpu_h = (rows[-1]["cpu_s"] - rows[0]["cpu_s"]) / 3600
    table.append(("player CPU, mean", f"{100 * cpu_h / (hours[-1] - hours[0]):.0f}% of one core", "", ""))
    if len(after) >= 10:
        xs = [hours[i] for i in after]
        for label, key in (("RSS", "rss_mb"), ("PSS", "pss_mb")):
            ys = [rows[i][key] for i in after]
            if any(math.isnan(y) for y in ys):
                continue
            slope, half, lag1 = fit_slope(xs, ys)
            if label == "RSS":
                verdict = "met" if slope + half < GOAL_MB_PER_H else ("not shown" if slope < GOAL_MB_PER_H else "MISSED")
                target = f"< {GOAL_MB_PER_H:g} MB/h"
            else:
                verdict, target = "", "(for comparison)"
            value = f"{slope:+.2f} MB/h +- {half:.2f} (95%, lag-1 r {lag1:.2f}), over {xs[-1] - xs[0]:.2f} h"
            table.append((f"{label} growth after warm-up", value, target, verdict))
    else:
        table.append(("RSS growth after warm-up", f"needs 10 samples after the warm-up, has {len(after)}", "", ""))
    plays = count_plays(Path(meta["database"])) if meta.get("database") else None
    if plays is not None:
        span = hours[-1]  # since the player started (the first reading is at about 0 s)
        outcomes = ", ".join(f"{k} {v}" for k, v in sorted(plays["outcomes"].items()))
        kinds = ", ".join(f"{k} {v}" for k, v in sorted(plays["kinds"].items()))
        table.append(("plays (proof of play)", f"{plays['plays']} ({plays['plays'] / span:.0f}/h): {outcomes}", "", ""))
        table.append(("plays by kind", kinds, "", ""))
        table.append(("plays by playlist", ", ".join(f"{k} {v}" for k, v in sorted(plays["playlists"].items())), "", ""))
        signals = ", ".join(f"{k} {v}" for k, v in sorted(plays["signals"].items()))
        table.append(("audience samples", f"{plays['audience_samples']} ({signals})", "", ""))
        table.append(("player events", str(plays["player_events"]), "", ""))
    title = f"Player memory soak ({csv_path}, commit {meta.get('commit', '?')})"
    print_table(title, table)


def main(argv: list[str] | None = None) -> int:
    """Run a soak (and report it), or report a CSV with --report."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--hours", type=float, default=2.0, help="how long the player runs (default 2)")
    parser.add_argument("--warmup-min", type=float, default=None, help="minutes left out of the fit (default 15)")
    parser.add_argument("--interval-s", type=float, default=30.0, help="seconds between samples (default 30)")
    parser.add_argument("--out", default="/tmp/soak", help="folder for rss.csv, run.json, the database, the log")
    parser.add_argument("--clip", help="the clip the camera loops (default: the shared long clip)")
    parser.add_argument("--camera-fps", type=float, default=10.0, help="frames a second the camera sends (default 10)")
    parser.add_argument(
        "--commit", help="what the code is, for run.json (default: git rev-parse of the tree; give it for a copy "
        "made with git archive, which has no .git)",
    )
    parser.add_argument("--report", type=Path, metavar="CSV", help="only print the table of this run's CSV")
    args = parser.parse_args(argv)
    if args.report:
        report(args.report, args.warmup_min)
        return 0
    if args.warmup_min is None:
        args.warmup_min = 15.0
    csv_path = run_soak(args)
    report(csv_path, args.warmup_min)
    return 0


if __name__ == "__main__":
    sys.exit(main())
