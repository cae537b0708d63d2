"""The `signage` command: one entry point, subcommands per part of the system.

Every expected failure is a `SignageError`; `main` turns it into one line on stderr
and the error's exit code. Each subcommand module adds its parsers with `register`.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys

from signage import __version__
from foundation.errors import SignageError


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser (also used by the test that checks every help text)."""
    from signage import (
        cli_audience,
        cli_config,
        cli_content,
        cli_editor,
        cli_models,
        cli_play,
        cli_purchases,
        cli_report,
        cli_rules,
    )

    parser = argparse.ArgumentParser(
        prog="signage",
        description="Personalized digital signage: audience analysis, playlists and rules, kiosk player.",
    )
    parser.add_argument("--version", action="version", version=f"signage {__version__}")
    parser.add_argument(
        "-v", "--verbose", action="count", default=0, help="log more (-v info, -vv debug) to stderr"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    commands.required = True
    cli_audience.register(commands)
    cli_config.register(commands)
    cli_content.register(commands)
    cli_editor.register(commands)
    cli_models.register(commands)
    cli_play.register(commands)
    cli_purchases.register(commands)
    cli_report.register(commands)
    cli_rules.register(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; returns the process exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=[logging.WARNING, logging.INFO, logging.DEBUG][min(args.verbose, 2)],
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    _quiet_libraries(args.verbose)
    try:
        return int(args.handler(args) or 0)
    except SignageError as error:
        print(f"signage: error: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("signage: interrupted", file=sys.stderr)
        return 130


def _quiet_libraries(verbose: int) -> None:
    """OpenCV and QtMultimedia print their own warnings (two lines for a missing camera,
    FFmpeg's dump of every file) around our one-line messages: keep only errors unless
    -vv asks for more."""
    if verbose >= 2:
        return
    os.environ.setdefault("OPENCV_LOG_LEVEL", "ERROR")  # read when cv2 loads
    # FFmpeg's own lines ("moov atom not found") repeat what our one-line errors say.
    os.environ.setdefault("OPENCV_FFMPEG_LOGLEVEL", "-8")  # AV_LOG_QUIET
    # QtMultimedia prints what it could not load (VA-API, PipeWire: not needed) and
    # FFmpeg's stream dump for every file it opens; Qt reads this when it first logs.
    os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.*=false")
    if "cv2" in sys.modules:  # already loaded (tests, or an earlier import)
        cv2 = sys.modules["cv2"]
        cv2.utils.logging.setLogLevel(cv2.utils.logging.LOG_LEVEL_ERROR)


if __name__ == "__main__":
    sys.exit(main())
