"""Injected time.

Nothing in the project reads the wall clock directly. Live sources use `SystemClock`;
a recorded video runs on its own timestamps mapped onto a chosen start time by
`VideoClock`, so a replay gives the same decisions every time.
"""

from __future__ import annotations

import datetime as dt
import time
from typing import Protocol


class Clock(Protocol):
    """Gives the local wall time that a media timestamp (seconds) corresponds to."""

    def wall_time(self, ts: float) -> dt.datetime:
        """Return the local date and time for the source timestamp `ts` (seconds)."""
        ...

    def monotonic_s(self) -> float:
        """Return a monotonic reading in seconds, for measuring intervals."""
        ...


class SystemClock:
    """The machine's clock, for live cameras and streams."""

    def wall_time(self, ts: float) -> dt.datetime:
        """Live timestamps are already wall time in seconds since the epoch."""
        return dt.datetime.fromtimestamp(ts)

    def monotonic_s(self) -> float:
        """Return `time.monotonic()`."""
        return time.monotonic()


class VideoClock:
    """Maps a recorded video's own timestamps onto a chosen local start time."""

    def __init__(self, start: dt.datetime) -> None:
        self.start = start
        self._monotonic_s = 0.0

    def wall_time(self, ts: float) -> dt.datetime:
        """Return `start + ts` seconds."""
        return self.start + dt.timedelta(seconds=ts)

    def monotonic_s(self) -> float:
        """The replay has no real-time component: report the last timestamp advanced to."""
        return self._monotonic_s

    def advance_to(self, ts: float) -> None:
        """Move the replay clock to the media timestamp `ts` (seconds)."""
        self._monotonic_s = max(self._monotonic_s, ts)


class FakeClock:
    """A settable clock for tests: `now_s` is both the wall time (epoch s) and monotonic."""

    def __init__(self, now_s: float = 0.0) -> None:
        self.now_s = now_s

    def wall_time(self, ts: float) -> dt.datetime:
        """Treat `ts` as seconds since the epoch, in local time."""
        return dt.datetime.fromtimestamp(ts)

    def monotonic_s(self) -> float:
        """Return the settable reading."""
        return self.now_s

    def sleep(self, seconds: float) -> None:
        """Advance instead of waiting."""
        self.now_s += seconds


def parse_local_time(text: str) -> dt.datetime:
    """Parse 'YYYY-MM-DD HH:MM[:SS]' (or ISO 8601) as a naive local time.

    Raises ValueError naming the text when it cannot be parsed.
    """
    try:
        return dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"cannot read time {text!r}: use 'YYYY-MM-DD HH:MM'") from None
