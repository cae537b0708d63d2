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
  so a 700 MB value never becomes a 700 MB error line.

The limits (documented in the README, "Limits on input files"):
"""

from __future__ import annotations

from pathlib import Path

import yaml

from foundation.errors import SignageError

MAX_YAML_BYTES = 2 * 1024 * 1024  # rules, playlists, config, content.yaml: 2 MiB (a 1000-rule book is ~0.3 MiB)
ECHO_CHARS = 80  # at most this much of a bad value is quoted in an error

_Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class InputLimitError(SignageError):
    """A file or value is over a documented limit, or uses a refused YAML feature."""


def shorten(value: object, limit: int = ECHO_CHARS) -> str:
    """`repr(value)`, cut to `limit` characters with an ellipsis and the full length."""
    text = repr(value)
    if len(text) <= limit:
        return text
    return f"{text[:limit]}... ({len(text)} characters)"


def read_text_limited(path: str | Path, max_bytes: int = MAX_YAML_BYTES, *, what: str = "file") -> str:
    """The UTF-8 text of `path`, refused from its size before reading when over `max_bytes`.

    Raises InputLimitError (too large, or not UTF-8, naming the byte offset) and lets
    OSError through for the caller to word (missing, unreadable).
    """
    path = Path(path)
    size = path.stat().st_size
    if size > max_bytes:
        raise InputLimitError(f"{path}: {what} is {size:,} bytes, more than the limit of {max_bytes:,} bytes")
    with path.open("rb") as stream:
        data = stream.read(max_bytes + 1)  # the file may have grown since stat()
    if len(data) > max_bytes:
        raise InputLimitError(f"{path}: {what} is more than the limit of {max_bytes:,} bytes")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InputLimitError(
            f"{path}: line {line}: not UTF-8 text (byte 0x{data[error.start]:02x} at offset {error.start});"
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
