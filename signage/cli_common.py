"""What the commands share: the `--db` option, and the words for failures of the machine.

`signage.cli.main` turns a full disk, a read-only or locked database and a closed
standard output into one line (or, for the pipe, a quiet exit) with the helpers here;
any other exception is a bug and keeps its traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import os
import select
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Keeps the line breaks of a description and of the examples (`examples`), and shows
    each option's default where its help says `%(default)s`."""


def examples(*lines: str) -> str:
    """An `epilog` of example command lines: `add_parser(..., epilog=examples("signage x"),
    formatter_class=HelpFormatter)`. A line starting with '#' is a comment above the next."""
    return "examples:\n" + "\n".join(f"  {line}" for line in lines)


def add_db_option(parser: argparse.ArgumentParser) -> None:
    """`--db PATH`, defaulting to `foundation.paths.database_path()`."""
    from foundation.paths import database_path

    parser.add_argument(
        "--db", type=Path, help="signage database file (default: $SIGNAGE_DB, else signage.db in the data folder)"
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
