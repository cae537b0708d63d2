"""Limits that make hostile or broken input files cheap to refuse.

A kiosk reads files other people wrote: a rules file from a marketer's laptop, a
folder's `content.yaml`, a config copied from another store. None of them may cost the
machine more than a bounded amount of memory and time before it is refused:

* **size first**: a file larger than its limit is refused from its size on disk,
  before a byte is parsed (`read_text_limited`);
* **no YAML aliases**: `&anchor` / `*alias` let 500 bytes expand into gigabytes
  ("billion laughs"). None of our formats needs them, so any alias is refused while
  the parser streams events, before a node tree is built (`refuse_yaml_aliases`);
* **short echoes**: an error quotes at most `ECHO_CHARS` of a bad value (`shorten`),
  and a problem line is cut at `MAX_ERROR_LINE_CHARS` (`clip_line`), so a 700 MB value
  never becomes a 700 MB error line;
* **UTF-8 file names**: a name that is not valid UTF-8 (Linux hands it to Python as
  text with surrogate escapes) is refused with one line (`refuse_non_utf8_path`) before
  it reaches OpenCV, whose Python binding crashes the process (SIGSEGV) on such a
  string, or SQLite and Qt, which cannot store or open it faithfully; `printable_path`
  writes such a name with `\\xNN` escapes so the line itself can always be printed.

The limits (documented in the README, "Limits on input files"):
"""

from __future__ import annotations

import os
from pathlib import Path

import yaml

from foundation.errors import SignageError

MAX_YAML_BYTES = 2 * 1024 * 1024  # rules, playlists, config, content.yaml: 2 MiB (a 1000-rule book is ~0.3 MiB)
ECHO_CHARS = 80  # at most this much of a bad value is quoted in an error
# A problem line longer than this is cut: long enough for a field path, a value cut by
# `shorten` and a list of suggestions, far too short to carry a swallowed file.
MAX_ERROR_LINE_CHARS = 400

_Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class InputLimitError(SignageError):
    """A file or value is over a documented limit, or uses a refused YAML feature."""


def shorten(value: object, limit: int = ECHO_CHARS) -> str:
    """`repr(value)`, cut to `limit` characters with an ellipsis and the full length."""
    text = repr(value)
    if len(text) <= limit:
        return text
    return f"{text[:limit]}... ({len(text)} characters)"


def clip_line(text: str, limit: int = MAX_ERROR_LINE_CHARS) -> str:
    """`text` on one line, cut to `limit` characters with an ellipsis and the full length."""
    text = " ".join(text.split()) if ("\n" in text or "\r" in text) else text
    if len(text) <= limit:
        return text
    return f"{text[:limit]}... ({len(text):,} characters)"


def printable_path(path: str | os.PathLike) -> str:
    """The path as text that always prints: bytes that are not UTF-8 become `\\xNN` escapes.

    `caf\\xe9.mp4` for a Latin-1 `café.mp4`; a valid UTF-8 path comes back unchanged.
    """
    text = os.fspath(path)
    if isinstance(text, bytes):
        return text.decode("utf-8", "backslashreplace")
    try:
        return os.fsencode(text).decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a lone surrogate that no file name decoded into
        return text.encode("utf-8", "backslashreplace").decode("ascii")


def is_utf8_path(path: str | os.PathLike) -> bool:
    """Whether the whole path is valid UTF-8 (every folder name and the file name)."""
    text = os.fspath(path)
    try:
        if isinstance(text, bytes):
            text.decode("utf-8")
        else:
            text.encode("utf-8")
    except UnicodeError:
        return False
    return True


def refuse_non_utf8_path(path: str | os.PathLike, what: str = "file") -> None:
    """InputLimitError naming the path (printable) when it is not valid UTF-8.

    Called before a path is handed to OpenCV, SQLite or Qt (see the module docstring).
    """
    if not is_utf8_path(path):
        raise InputLimitError(
            f"{printable_path(path)}: the {what} name is not valid UTF-8 (written in another encoding,"
            " such as Latin-1); rename it, for example with `convmv -f latin1 -t utf8 --notest`"
        )


def read_text_limited(path: str | Path, max_bytes: int = MAX_YAML_BYTES, *, what: str = "file") -> str:
    """The UTF-8 text of `path`, refused from its size before reading when over `max_bytes`.

    Raises InputLimitError (too large, or not UTF-8, naming the byte offset) and lets
    OSError through for the caller to word (missing, unreadable).
    """
    path = Path(path)
    size = path.stat().st_size
    shown = printable_path(path)
    if size > max_bytes:
        raise InputLimitError(f"{shown}: {what} is {size:,} bytes, more than the limit of {max_bytes:,} bytes")
    with path.open("rb") as stream:
        data = stream.read(max_bytes + 1)  # the file may have grown since stat()
    if len(data) > max_bytes:
        raise InputLimitError(f"{shown}: {what} is more than the limit of {max_bytes:,} bytes")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InputLimitError(
            f"{shown}: line {line}: not UTF-8 text (byte 0x{data[error.start]:02x} at offset {error.start});"
            " save the file as UTF-8"
        ) from None


def refuse_yaml_aliases(text: str, source: str, max_bytes: int = MAX_YAML_BYTES) -> None:
    """Refuse YAML text that is over `max_bytes` or uses an anchor or alias.

    Streams the parser's events only (no node tree, no Python objects), so a
    "billion laughs" document costs its own size and no more. Syntax errors are left to
    the real load that follows, which reports them with their line.
    """
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        raise InputLimitError(f"{source}: {size:,} bytes, more than the limit of {max_bytes:,} bytes")
    try:
        for event in yaml.parse(text, Loader=_Parser):
            anchor = getattr(event, "anchor", None)
            if isinstance(event, yaml.AliasEvent) or anchor is not None:
                mark = event.start_mark
                where = f"line {mark.line + 1}: " if mark is not None else ""
                raise InputLimitError(
                    f"{source}: {where}YAML anchors and aliases (&{shorten(anchor, 20)[1:-1]}) are not allowed"
                    " (they can expand a small file into gigabytes); write the values out"
                )
    except yaml.YAMLError:
        return
