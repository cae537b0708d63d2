"""What the commands share: the help style, the shared options, the language, and the
words for failures of the machine.

* **Help style**: every parser gets `description=` (one or two sentences),
  `epilog=examples("signage ...")` and `formatter_class=HelpFormatter`.
* **Shared options**, one wording and one default everywhere: `add_db_option` (`--db`),
  `add_config_option` (`--config`), `add_author_option` (`--author`, default
  $SIGNAGE_AUTHOR or the login name: `author_of`), `add_start_option` (`--start`, a
  recording's local start time, default now: `start_time_of`) and `add_period_options`
  (`--from`/`--to`, a report's period: `period_of`). `-v`, `-q` and `--lang` are added to
  every parser by `add_global_options_everywhere`, so they work before or after the command.
* **Language**: `--lang` beats the config's `ui.language`, which beats the system
  locale. `signage.cli.main` sets `--lang` or the locale's; a command that loads its config
  calls `apply_language(args, config)` (or loads it with `load_config_of(args)`).

`signage.cli.main` turns a full disk, a read-only or locked database and a closed
standard output into one line (or, for the pipe, a quiet exit) with the helpers here;
any other exception is a bug and keeps its traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import errno
import getpass
import os
import select
import sqlite3
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Wraps a description's paragraphs to the terminal but keeps its indented lines (and
    the examples of `examples`) as they are written; shows each option's default where its
    help says `%(default)s`."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        lines: list[str] = []
        paragraph: list[str] = []

        def flush() -> None:
            if paragraph:
                lines.append(textwrap.fill(
                    " ".join(paragraph), width, initial_indent=indent, subsequent_indent=indent,
                    break_on_hyphens=False, break_long_words=False,
                ))
                paragraph.clear()

        for line in textwrap.dedent(text).strip("\n").splitlines():
            if line.strip() and not line[0].isspace():
                paragraph.append(line.strip())  # prose: joined, then wrapped
                continue
            flush()
            lines.append(indent + line if line.strip() else "")  # an example or a blank line: as written
        flush()
        return "\n".join(lines)


def examples(*lines: str) -> str:
    """An `epilog` of example command lines: `add_parser(..., epilog=examples("signage x"),
    formatter_class=HelpFormatter)`. A line starting with '#' is a comment above the next."""
    return "examples:\n" + "\n".join(f"  {line}" for line in lines)


def add_parser(
    sub: argparse._SubParsersAction, name: str, help: str, description: str, *example_lines: str, **options
) -> argparse.ArgumentParser:
    """`sub.add_parser` in the house help style: a short `help` for the list of commands,
    a `description` of full sentences, and the example command lines as the epilog."""
    return sub.add_parser(
        name, help=help, description=description, epilog=examples(*example_lines) if example_lines else None,
        formatter_class=HelpFormatter, **options,
    )


def attach_examples(parser: argparse.ArgumentParser, table: dict[str, tuple[str, ...]]) -> None:
    """Give the subcommands of `parser` their examples from `table`: keys are the
    subcommand's path below `parser` ("" for `parser` itself, "stores list"), values its
    example lines. For a group of many small commands (`fleet`, `server`), where a table
    reads better than an epilog in each call. A key that names no subcommand is an error,
    so the table cannot drift from the parsers."""
    for path, lines in table.items():
        target = parser
        for name in path.split():
            children = {
                child_name: child
                for action in target._actions if isinstance(action, argparse._SubParsersAction)
                for child_name, child in action.choices.items()
            }
            if name not in children:
                raise KeyError(f"{parser.prog}: no subcommand {path!r} to give examples to")
            target = children[name]
        target.epilog = examples(*lines)
        target.formatter_class = HelpFormatter


# -- tables that line up in Korean too ------------------------------------------------


def display_width(text: str) -> int:
    """Columns `text` takes in a terminal: Hangul and other wide characters take two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(char) in ("W", "F") else 1 for char in text)


def pad(text: str, width: int, right: bool = False) -> str:
    """`text` padded with spaces to `width` terminal columns (on the left when `right`)."""
    space = " " * max(0, width - display_width(text))
    return space + text if right else text + space


def table(headers: tuple[str, ...], rows: list[tuple[str, ...]], right_aligned: frozenset[int] = frozenset()) -> str:
    """Columns two spaces apart, lined up in terminal columns (Korean headers take two per
    character); the last column is not padded; the columns in `right_aligned` align right."""
    every = [tuple(str(cell) for cell in row) for row in (headers, *rows)]
    widths = [max(display_width(row[i]) for row in every) for i in range(len(headers))]
    lines = []
    for row in every:
        cells = [pad(cell, width, i in right_aligned) for i, (cell, width) in enumerate(zip(row[:-1], widths))]
        last = pad(row[-1], widths[-1], True) if len(row) - 1 in right_aligned else row[-1]
        lines.append("  ".join([*cells, last]).rstrip())
    return "\n".join(lines)


# -- shared options: one wording and one default everywhere ---------------------------

AUTHOR_HELP = "who makes the change, for the version history (default: $SIGNAGE_AUTHOR, else your login name)"
CONFIG_HELP = "config file (default: $SIGNAGE_CONFIG, else ~/.config/signage/config.yaml; see `signage config path`)"
START_HELP = (
    "local time a recorded video starts at, 'YYYY-MM-DD HH:MM' (default: now; a live camera runs on the clock)"
)


def add_author_option(parser: argparse.ArgumentParser) -> None:
    """`--author NAME`: who makes a change, for the history (`author_of` reads it)."""
    parser.add_argument("--author", metavar="NAME", help=AUTHOR_HELP)


def default_author() -> str:
    """The name recorded when --author is left out: $SIGNAGE_AUTHOR, else the login name
    (as the editor records it), else 'cli'."""
    if os.environ.get("SIGNAGE_AUTHOR"):
        return os.environ["SIGNAGE_AUTHOR"]
    try:
        return getpass.getuser() or "cli"
    except (KeyError, OSError):  # no login name and no passwd entry (a bare container)
        return "cli"


def author_of(args: argparse.Namespace) -> str:
    """The command's --author, else `default_author()`."""
    return getattr(args, "author", None) or default_author()


def add_config_option(parser: argparse.ArgumentParser) -> None:
    """`--config PATH`: the config file (`load_config_of` reads it and applies its language)."""
    parser.add_argument("--config", type=Path, metavar="PATH", help=CONFIG_HELP)


def load_config_of(args: argparse.Namespace):
    """The command's config (`--config`, else the usual file, else the defaults), with its
    `ui.language` applied unless --lang was given."""
    from signage.config import load_config

    config = load_config(getattr(args, "config", None))
    apply_language(args, config)
    return config


def add_start_option(parser: argparse.ArgumentParser) -> None:
    """`--start TIME`: the local time a recorded video starts at (`start_time_of` reads it)."""
    parser.add_argument("--start", metavar="TIME", help=START_HELP)


def start_time_of(args: argparse.Namespace) -> dt.datetime:
    """--start as a local time; now (to the second) when it is left out.

    The command line is the one place that may read the wall clock: everything it starts
    runs on the clock made from this time.
    """
    from foundation.errors import ConfigError

    text = getattr(args, "start", None)
    if not text:
        return dt.datetime.now().replace(microsecond=0)
    return _local_time(text, "--start", ConfigError)


def add_period_options(parser: argparse.ArgumentParser, counted: str = "plays") -> None:
    """`--from TIME` and `--to TIME`: a report's period, over the `counted` things' start
    times (`period_of` reads them). --to is exclusive; a date alone means midnight."""
    parser.add_argument(
        "--from", dest="start", metavar="TIME",
        help=f"'YYYY-MM-DD[ HH:MM]': first start time of the {counted} to include (default: the first)",
    )
    parser.add_argument(
        "--to", dest="end", metavar="TIME",
        help=f"'YYYY-MM-DD[ HH:MM]': only {counted} that started before this time (exclusive; default: no limit)",
    )


def period_of(args: argparse.Namespace) -> tuple[dt.datetime | None, dt.datetime | None]:
    """--from and --to as local times (either may be None), --to later than --from."""
    from foundation.errors import ValidationError

    start = None if args.start is None else _local_time(args.start, "--from", ValidationError)
    end = None if args.end is None else _local_time(args.end, "--to", ValidationError)
    if start is not None and end is not None and end <= start:
        raise ValidationError(f"--to {args.end!r} must be later than --from {args.start!r}")
    return start, end


def _local_time(text: str, option: str, error_class) -> dt.datetime:
    from foundation.clock import parse_local_time

    try:
        return parse_local_time(text)
    except ValueError as error:
        raise error_class(f"{option}: {error}") from None


# -- -v, -q and --lang, before or after the command -----------------------------------

VERBOSE_HELP = "log more (-v info, -vv debug) to stderr"
QUIET_HELP = "log less: `play` logs its switches, reloads and camera changes unless -q; -qq errors only"
LANG_HELP = "language of the output: en or ko (default: the config's ui.language, else the system locale)"
# After the command, the counts go to their own names (the subcommand's values replace the
# top level's in argparse): `main` adds them up, so `signage -v rules simulate -v` is -vv.
_AFTER = {"verbose": "verbose_after_command", "quiet": "quiet_after_command"}


def add_global_options(parser: argparse.ArgumentParser, top: bool) -> None:
    """-v, -q and --lang on `parser`: with their defaults on the top-level parser, without
    (argparse.SUPPRESS) on a subcommand's, so a subcommand leaves what came before it."""
    group = parser.add_argument_group("global options (before or after the command)")
    if top:
        group.add_argument("-v", "--verbose", action="count", default=0, help=VERBOSE_HELP)
        group.add_argument("-q", "--quiet", action="count", default=0, help=QUIET_HELP)
        group.add_argument("--lang", metavar="LANG", default=None, help=LANG_HELP)
        return
    group.add_argument("-v", "--verbose", dest=_AFTER["verbose"], action="count", default=argparse.SUPPRESS, help=VERBOSE_HELP)
    group.add_argument("-q", "--quiet", dest=_AFTER["quiet"], action="count", default=argparse.SUPPRESS, help=QUIET_HELP)
    group.add_argument("--lang", metavar="LANG", default=argparse.SUPPRESS, help=LANG_HELP)


def add_global_options_everywhere(parser: argparse.ArgumentParser) -> None:
    """`add_global_options` on `parser` (the top level) and every parser below it."""
    add_global_options(parser, top=True)
    for child in subparsers_of(parser):
        _add_below(child)


def _add_below(parser: argparse.ArgumentParser) -> None:
    add_global_options(parser, top=False)
    # One help style everywhere: prose wrapped, examples kept as written.
    parser.formatter_class = HelpFormatter
    for child in subparsers_of(parser):
        _add_below(child)


def subparsers_of(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    """The parsers of `parser`'s subcommands, in the order they were added."""
    children: list[argparse.ArgumentParser] = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                if child not in children:  # an alias names the same parser twice
                    children.append(child)
    return children


def merge_global_counts(args: argparse.Namespace) -> None:
    """Add the -v and -q given after the command to those given before it."""
    for name, after in _AFTER.items():
        setattr(args, name, getattr(args, name, 0) + getattr(args, after, 0))
        if hasattr(args, after):
            delattr(args, after)


def set_language_from(args: argparse.Namespace, environ=None) -> str:
    """Speak --lang, else the config file's `ui.language`, else the system locale. A bad
    --lang is a ConfigError (exit 2).

    Every command speaks the config's language, also one that reads nothing else of the
    config (`report plays`): the file (--config, else the usual one) is read here for its
    language only. A config that cannot be read is left to the commands that use it to
    report; the others speak the locale's language.
    """
    from foundation.errors import ConfigError
    from foundation.i18n import resolve_language, set_language

    explicit = getattr(args, "lang", None)
    configured = None
    if not explicit:
        from signage.config import load_config

        try:
            configured = load_config(getattr(args, "config", None)).ui.language
        except (ConfigError, OSError):  # reported by the command that reads the config, if any
            configured = None
    return set_language(resolve_language(explicit, configured, environ))


def apply_language(args: argparse.Namespace, config) -> str:
    """Speak the language of `config.ui.language` unless --lang was given; returns the
    language now spoken. Call it where a command loads its config."""
    from foundation.i18n import current_language, resolve_language, set_language

    if getattr(args, "lang", None):
        return current_language()
    configured = getattr(getattr(config, "ui", None), "language", None)
    if configured in (None, "auto"):
        return current_language()
    return set_language(resolve_language(None, configured))


def add_db_option(parser: argparse.ArgumentParser) -> None:
    """`--db PATH`, defaulting to `foundation.paths.database_path()`."""
    from foundation.paths import database_path

    parser.add_argument(
        "--db", type=Path, metavar="PATH", help="signage database file (default: $SIGNAGE_DB, else signage.db in the data folder)"
    )
    # So that an error can name the file the command used when --db was left out.
    parser.set_defaults(db_default=database_path)


def open_db(path: Path | None):
    """The database at `path`, else the installation's (`foundation.paths.database_path()`)."""
    from foundation.db import open_database
    from foundation.paths import database_path

    return open_database(path or database_path())


def database_path_of(args: argparse.Namespace) -> Path | None:
    """The database file the command works on: its --db, else the default of a command
    that has `add_db_option`; None when the command does not say (e.g. the demo's own)."""
    if getattr(args, "db", None):
        return Path(args.db)
    default = getattr(args, "db_default", None)
    return Path(default()) if default is not None else None


# -- failures of the machine, in words -------------------------------------------------

# SQLite's primary result codes that come from the machine or another program, not from
# a bug, with what to do (https://sqlite.org/rescode.html). "no such table" (SQLITE_ERROR)
# and the like are bugs and are not listed: they keep their traceback.
_DATABASE_ADVICE = {
    3: "check the file's permissions",  # SQLITE_PERM
    5: "another program (the player, the editor, an import) is writing to it; try again when it is done",  # BUSY
    6: "another program (the player, the editor, an import) is writing to it; try again when it is done",  # LOCKED
    8: "make the file, its folder and its -wal and -shm files writable (and the disk not read-only)",  # READONLY
    10: "check the disk (a disk I/O error)",  # SQLITE_IOERR
    11: "the file is damaged: restore it from a backup",  # SQLITE_CORRUPT
    13: "free disk space, then run the command again",  # SQLITE_FULL
    14: "check that the file's folder exists and is writable",  # SQLITE_CANTOPEN
    15: "another program holds a lock on it; try again when it is done",  # SQLITE_PROTOCOL
    26: "it is not a signage database: check --db",  # SQLITE_NOTADB
}

# Errors of the file system that a user or the machine causes, not a bug: full, read-only,
# not allowed, a failing disk. These are reported with or without a file name.
_WRITE_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS, errno.EIO, errno.EACCES, errno.EPERM}
# Errors about a path the user gave: reported only when the error names the file.
_PATH_ERRNOS = {
    errno.ENOENT, errno.ENOTDIR, errno.EISDIR, errno.ENAMETOOLONG, errno.ELOOP,
    errno.ENXIO, errno.ENODEV, errno.ETXTBSY, errno.EBUSY,
}

# Options whose value is a file the command writes. A write to an open stream that fails
# (`--jsonl /dev/full`) raises an OSError without a file name: the message then names the
# output files the command line gave. A new output option is added here.
OUTPUT_OPTIONS = ("jsonl", "trace", "trace_dir", "annotate", "out", "csv")


def database_error_message(error: sqlite3.DatabaseError, args: argparse.Namespace) -> str | None:
    """One line for an SQLite error the machine caused (full, read-only, locked, damaged):
    the database file, SQLite's words and what to do; None for any other (a bug)."""
    code = getattr(error, "sqlite_errorcode", None)
    if code is None or (code & 0xFF) not in _DATABASE_ADVICE:
        return None
    path = database_path_of(args)
    where = str(path) if path is not None else "the signage database"
    return f"{where}: {error}: {_DATABASE_ADVICE[code & 0xFF]}"


def os_error_message(error: OSError, args: argparse.Namespace) -> str | None:
    """One line for a file-system error the machine or the user caused (disk full,
    read-only, permission, missing path): the file and the reason; None for others."""
    reason = error.strerror or str(error)
    if error.filename is not None:
        if error.errno not in _WRITE_ERRNOS | _PATH_ERRNOS:
            return None
        names = _file_name(error.filename)
        if error.filename2 is not None:
            names += f" -> {_file_name(error.filename2)}"
        return f"{names}: {reason}"
    if error.errno not in _WRITE_ERRNOS:
        return None
    given = (getattr(args, name, None) for name in OUTPUT_OPTIONS)
    outputs = [str(value) for value in given if value is not None and str(value) != "-"]  # "-": stdout
    if len(outputs) == 1:
        return f"{outputs[0]}: cannot write ({reason})"
    if outputs:
        return f"cannot write one of {', '.join(outputs)} ({reason})"
    return f"cannot write ({reason})"


def _file_name(name: object) -> str:
    """An OSError's file name as text (it may be bytes, or a descriptor number)."""
    return os.fsdecode(name) if isinstance(name, (str, bytes)) else str(name)


@contextlib.contextmanager
def standard_output_named() -> Iterator[None]:
    """Run the block with write errors on stdout naming "standard output", then flush it.

    An OSError from writing to an open stream carries no file name (`rules list >
    /dev/full`), so stdout is wrapped for the command's run. The flush at the end happens
    here, not at interpreter exit: a full disk or a closed pipe behind a buffered stdout
    then reaches `main`'s handlers (one line, or the quiet exit) instead of Python's
    "Exception ignored" lines and exit code 120.
    """
    original = sys.stdout
    if original is None:  # no stdout at all (pythonw): nothing to name
        yield
        return
    sys.stdout = _NamedStream(original, "standard output")
    try:
        yield
        sys.stdout.flush()
    finally:
        sys.stdout = original


class _NamedStream:
    """A text stream whose OSErrors name it; everything else is the stream's own."""

    def __init__(self, stream: TextIO, name: str) -> None:
        self._stream = stream
        self._name = name

    def write(self, text: str) -> int:
        """Write to the stream; an OSError names the stream."""
        try:
            return self._stream.write(text)
        except OSError as error:
            raise self._named(error) from None

    def flush(self) -> None:
        """Flush the stream; an OSError names the stream."""
        try:
            self._stream.flush()
        except OSError as error:
            raise self._named(error) from None

    def __getattr__(self, attribute: str):
        return getattr(self._stream, attribute)

    def _named(self, error: OSError) -> OSError:
        if error.filename is not None:
            return error
        # OSError(EPIPE, ...) is a BrokenPipeError again, so a closed pipe stays quiet.
        return OSError(error.errno, error.strerror, self._name)


def stdout_is_a_closed_pipe() -> bool:
    """Whether standard output is a pipe whose reader has gone (`signage ... | head`).

    poll() reports POLLERR on the write end of a pipe without readers; a BrokenPipeError
    from another pipe (a child process) leaves stdout writable and is not this case.
    """
    try:
        poller = select.poll()
        poller.register(sys.stdout.fileno(), select.POLLOUT)
        return any(events & (select.POLLERR | select.POLLHUP) for _, events in poller.poll(0))
    except (AttributeError, OSError, ValueError):  # no real stdout (tests capture it): assume it is
        return True


def quiet_exit_on_closed_stdout() -> int:
    """Leave quietly after the reader of standard output went away; returns the exit code.

    The recipe of the Python docs (signal module, "Note on SIGPIPE"): point stdout at
    /dev/null, so the interpreter's final flush of what is still buffered does not raise
    again and print "Exception ignored ... BrokenPipeError". The exit code is 141
    (128 + SIGPIPE), what a shell reports for a C program killed by the closed pipe, so a
    script with `set -o pipefail` sees the same as with `cat` or `grep`.
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (AttributeError, OSError, ValueError):  # stdout is not a file descriptor (tests)
        pass
    return 128 + 13  # SIGPIPE is 13 on Linux and the BSDs
