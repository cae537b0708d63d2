"""The `signage` command: one entry point, subcommands per part of the system.

Every expected failure is a `SignageError`; `main` turns it into one line on stderr
and the error's exit code. Failures of the machine are one line too (a full disk, a
read-only or locked database: `cli_common` words them, naming the file), and a reader
of standard output that went away (`signage report plays | head`) is a quiet exit.
Anything else is a bug and keeps its traceback. Each subcommand module adds its
parsers with `register`.
"""

from __future__ import annotations

import argparse
import logging
import os
import sqlite3
import sys

from foundation.errors import DataError, SignageError
from signage import __version__, cli_common


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser (also used by the test that checks every help text)."""
    from signage import (
        cli_audience,
        cli_config,
        cli_content,
        cli_editor,
        cli_experiment,
        cli_fleet,
        cli_kiosk,
        cli_models,
        cli_play,
        cli_purchases,
        cli_report,
        cli_rules,
        cli_server,
        cli_status,
        cli_sync,
    )

    parser = argparse.ArgumentParser(
        prog="signage",
        description="Personalized digital signage: the kiosk player and the audience it sees, the content "
        "library, playlists and targeting rules, rules learned from purchases, reports, and a chain's "
        "central server. Each command has its own --help with examples.",
        epilog=cli_common.examples(
            "signage demo --headless                 # the player on sample ads, seed rules and walk-in clips",
            "signage rules list                      # the targeting rules, in words",
            'signage rules simulate --age-group teen --attire school_uniform --at "2026-11-23 16:10"',
            "signage --lang ko rules suggestions     # the learned suggestions, in Korean",
            "signage report plays --from 2026-11-23 --to 2026-11-24",
        ),
        formatter_class=cli_common.HelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"signage {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    commands.required = True
    cli_audience.register(commands)
    cli_config.register(commands)
    cli_content.register(commands)
    cli_editor.register(commands)
    cli_experiment.register(commands)
    cli_fleet.register(commands)
    cli_kiosk.register(commands)
    cli_models.register(commands)
    cli_play.register(commands)
    cli_purchases.register(commands)
    cli_report.register(commands)
    cli_rules.register(commands)
    cli_server.register(commands)
    cli_status.register(commands)
    cli_sync.register(commands)
    # -v, -q and --lang on every parser: they work before or after the command.
    cli_common.add_global_options_everywhere(parser)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; returns the process exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    cli_common.merge_global_counts(args)
    _configure_logging(args)
    _quiet_libraries(args.verbose)
    try:
        # --lang, else the config's ui.language, else the system locale (a command that loads
        # another config later applies its language: cli_common.apply_language). A bad --lang:
        # one line, exit 2.
        cli_common.set_language_from(args)
        with cli_common.standard_output_named():
            code = int(args.handler(args) or 0)
        return code
    except SignageError as error:
        print(f"signage: error: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("signage: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        if not cli_common.stdout_is_a_closed_pipe():
            raise  # another pipe (a child process): not the reader of our output leaving
        return cli_common.quiet_exit_on_closed_stdout()  # `signage ... | head`: no message
    except sqlite3.DatabaseError as error:  # full, read-only, locked, damaged; others are bugs
        message = cli_common.database_error_message(error, args)
        if message is None:
            raise
        print(f"signage: error: {message}", file=sys.stderr)
        return DataError.exit_code
    except OSError as error:  # disk full, read-only, not permitted; others are bugs
        message = cli_common.os_error_message(error, args)
        if message is None:
            raise
        print(f"signage: error: {message}", file=sys.stderr)
        return DataError.exit_code


# The project's own loggers: what an `operator_log` command logs at INFO by default.
_OPERATOR_LOGGERS = ("signage", "playlists", "audience", "content", "foundation")


def _configure_logging(args: argparse.Namespace) -> None:
    """Log lines go to stderr with a timestamp (the journal, for the kiosk's unit).

    WARNING by default, -v INFO, -vv DEBUG, -q errors only. A command that sets
    `operator_log` (`signage play`) also logs the project's own INFO lines by default:
    every switch, reload, camera change and failure, so a live run tells the journal
    what it does; -q takes it back to warnings, -qq to errors. Third-party libraries
    stay at the general level (their INFO lines say nothing to an operator).
    """
    verbosity = args.verbose - args.quiet
    by_verbosity = {-1: logging.ERROR, 0: logging.WARNING, 1: logging.INFO, 2: logging.DEBUG}
    general = own = by_verbosity[max(-1, min(verbosity, 2))]
    if getattr(args, "operator_log", False) and verbosity <= 0:
        # One step more for the project's own lines: INFO by default, -q warnings, -qq errors.
        own = by_verbosity[max(-1, verbosity + 1)]
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(_LevelByLogger(general, own, _OPERATOR_LOGGERS))
    # The levels live on this handler, not on the loggers: a no-op where logging is
    # set up already (the tests run main() in-process), and nothing to undo.
    logging.basicConfig(level=min(general, own), handlers=[handler])


class _LevelByLogger(logging.Filter):
    """Lets through records at `general` and above, and the project's own at `own` and above."""

    def __init__(self, general: int, own: int, own_names: tuple[str, ...]) -> None:
        super().__init__()
        self.general, self.own = general, own
        self.prefixes = tuple(name + "." for name in own_names)
        self.names = own_names

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= self.general:
            return True
        return record.levelno >= self.own and (record.name in self.names or record.name.startswith(self.prefixes))


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
