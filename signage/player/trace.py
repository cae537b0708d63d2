"""The decision trace: one JSON object per line, in the order things happened.

Written by a headless replay (and by the live player when asked). Lines carry only the
timeline's own time (`ts`, seconds of the video or of the run) and the local time it
maps to, never the machine's wall clock, so the same clip and start time give the same
file byte for byte. Kinds of line:

* `decision`: a decision on one snapshot: the audience summary (counts and segments,
  never pixels), the playlist, the rule, the reason, what the guardrail withheld, and
  the playlist playing at that moment;
* `play` / `end`: an item went on / left the screen (with the outcome);
* `event`: rules reloaded, a file failed;
* `report`: the last line: plays and seconds per playlist, switches, outcomes.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import IO


class TraceWriter:
    """Appends trace lines to a file (or any text stream), flushing each one.

    `listener`, when given, is called with each record right after its line is written
    (on the thread that wrote it): `signage demo` prints its timeline from it as the
    replay goes, instead of reading the file when the replay has ended.
    """

    def __init__(self, target: str | Path | IO[str], listener: Callable[[dict], None] | None = None) -> None:
        """`target`: a path (truncated and written) or an open text stream."""
        if isinstance(target, (str, Path)):
            self._stream: IO[str] = open(target, "w", encoding="utf-8")  # noqa: SIM115 - closed by close()
            self._owned = True
        else:
            self._stream = target
            self._owned = False
        self.lines = 0
        self._listener = listener

    def write(self, record: dict) -> None:
        """Write one line (keys in the order given)."""
        self._stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        self._stream.flush()
        self.lines += 1
        if self._listener is not None:
            self._listener(record)

    def close(self) -> None:
        """Close the file (not a stream that was passed in)."""
        if self._owned:
            self._stream.close()


def read_trace(path: str | Path) -> list[dict]:
    """The lines of a trace file as dicts."""
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
