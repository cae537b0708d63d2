"""Injected time: one idea of "now" for the whole project.

Nothing in the project reads the wall clock directly: a `Clock` is passed in. A clock
has a timeline of seconds that never goes backwards (`now_s()`) and maps any reading
on it to the local wall time it stands for (`wall_time(ts)`). The audience engine
stamps frames with readings of it, the playback core schedules items on it, and rules
see the wall time:

* `SystemClock`: the machine. Its timeline is monotonic but starts at the epoch time
  of its creation, so frame stamps read like epoch seconds; `wall_time` follows clock
  changes and daylight saving (it is "now, minus how long ago the reading was"), and an
  NTP step never stretches or shortens an item on screen.
* `VideoClock`: a recorded video's own timestamps mapped onto a chosen start time, so a
  replay gives the same decisions every time; it moves only when told (`advance_to`).
* `FakeClock`: a settable clock for tests and simulations.
"""

from __future__ import annotations

import datetime as dt
import time
from typing import Protocol


class Clock(Protocol):
    """A timeline of seconds (`now_s`) and the local wall time of each reading on it."""

    def now_s(self) -> float:
        """The current reading in seconds; never smaller than an earlier reading."""
        ...

    def wall_time(self, ts: float) -> dt.datetime:
        """The local date and time the reading `ts` stands for."""
        ...


class SystemClock:
    """The machine's clock, for live cameras, streams and the live player."""

    def __init__(self) -> None:
        self._epoch_at_start_s = time.time()
        self._monotonic_at_start_s = time.monotonic()

    def now_s(self) -> float:
        """Monotonic seconds, starting at the epoch time this clock was made."""
        return self._epoch_at_start_s + (time.monotonic() - self._monotonic_at_start_s)

    def wall_time(self, ts: float) -> dt.datetime:
        """Now in local time, minus how long ago the reading `ts` was."""
        return dt.datetime.now() - dt.timedelta(seconds=self.now_s() - ts)


class VideoClock:
    """Maps a recorded video's own timestamps onto a chosen local start time."""

    def __init__(self, start: dt.datetime) -> None:
        self.start = start
        self._now_s = 0.0

    def now_s(self) -> float:
        """The latest timestamp advanced to (a replay has no real-time component)."""
        return self._now_s

    def wall_time(self, ts: float) -> dt.datetime:
        """Return `start + ts` seconds."""
        return self.start + dt.timedelta(seconds=ts)

    def advance_to(self, ts: float) -> float:
        """Move the replay clock to the media timestamp `ts` (never backwards); returns now."""
        self._now_s = max(self._now_s, ts)
        return self._now_s


class FakeClock:
    """A settable clock for tests and simulations.

    With `start` (a local datetime) reading 0 is `start`; without, readings are epoch
    seconds in local time.
    """

    def __init__(self, now_s: float = 0.0, start: dt.datetime | None = None) -> None:
        self._now_s = now_s
        self.start = start

    def now_s(self) -> float:
        """The settable reading."""
        return self._now_s

    def wall_time(self, ts: float) -> dt.datetime:
        """`start + ts`, or `ts` as epoch seconds in local time."""
        if self.start is not None:
            return self.start + dt.timedelta(seconds=ts)
        return dt.datetime.fromtimestamp(ts)

    def set(self, now_s: float) -> None:
        """Jump to `now_s` (tests may also go backwards on purpose)."""
        self._now_s = now_s

    def advance_to(self, ts: float) -> float:
        """Move forward to `ts` (never backwards); returns now."""
        self._now_s = max(self._now_s, ts)
        return self._now_s

    def sleep(self, seconds: float) -> None:
        """Advance instead of waiting."""
        self._now_s += seconds


def parse_local_time(text: str) -> dt.datetime:
    """Parse 'YYYY-MM-DD HH:MM[:SS]' (or ISO 8601) as a naive local time.

    Raises ValueError naming the text when it cannot be parsed.
    """
    try:
        return dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"cannot read time {text!r}: use 'YYYY-MM-DD HH:MM'") from None
