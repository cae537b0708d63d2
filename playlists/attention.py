"""Attention per play: how many visitors could see an item, how many looked, for how long.

`AttentionMeter` is fed every audience snapshot while one item is on screen and, at the
item's end, gives its `PlayAttention` (counts and summed seconds, nothing per visitor):

- *opportunities to see*: distinct visitors present in a snapshot during the play;
- *viewers*: those of them whose face was toward the screen (the camera sits beside it)
  for at least `VIEWER_MIN_ATTENTION_S` during the play;
- *attention seconds*: the frontal seconds gained during the play, summed over visitors;
- *dwell seconds*: the seconds visitors were present during the play, summed.

The audience engine gives each visitor's *cumulative* `attention_s` and `dwell_s` since
their track began (`audience.tracking`: the time between two detections counts as
attention when the face was frontal at the latest sample). A play's share is therefore
the difference of those totals between snapshots, and a play boundary falls between two
snapshots (one every 0.5 s live), so both sides estimate their part of that interval:

- the play that starts: a visitor who was already there keeps only the part inside the
  play. Against the last snapshot before the start (the meter's reference) the gain up to
  the play's first snapshot is split in proportion to the time on each side of the
  start; a visitor with no reference counts at most the seconds since the start;
- the play that ends: a visitor in its last snapshot is taken to stay until the end,
  looking as they did in their last interval, for at most `MAX_EXTRAPOLATION_S` (a
  longer silence is time nobody measured).

A visitor the tracker loses and finds again under a new track counts as two
opportunities; one who leaves between two snapshots is counted until the last one.

Privacy: track ids and per-visitor seconds live in this object's memory only, and are
forgotten when the play closes; only the totals leave it, and nothing here logs.
"""

from __future__ import annotations

from dataclasses import dataclass

from audience.types import AudienceSnapshot, SignalState
from playlists.proof_of_play import PlayAttention

VIEWER_MIN_ATTENTION_S = 1.0  # frontal seconds during a play that make a visitor a viewer
# A play's end carries its visitors' last state forward at most this long: two snapshot
# ticks of the audience engine (`snapshot.tick_s`, 0.5 s by default).
MAX_EXTRAPOLATION_S = 1.0

# Sums of frame intervals miss a round number by the last bits of a float (ten 0.1 s
# steps make 0.9999999999999999): a second of attention must count as one.
_SECONDS_TOLERANCE = 1e-9
_NEVER = float("-inf")  # a track's previous snapshot before this meter saw it


@dataclass(slots=True)
class _Track:
    """One visitor during one play (memory only): their totals at the last snapshot, and their gains."""

    dwell_s: float  # the engine's cumulative dwell at the last snapshot that had them
    attention_s: float  # the engine's cumulative frontal seconds then
    seen_at_s: float  # when that snapshot was taken (the core's timeline)
    present: bool = False  # seen in a snapshot during the play: an opportunity to see
    looking_share: float = 0.0  # attention gained per second of dwell in their last interval (0..1)
    play_dwell_s: float = 0.0
    play_attention_s: float = 0.0


class AttentionMeter:
    """Attention of one play, from the snapshots taken while it is on screen.

    `observe` every snapshot; one taken before `started_s` (the last one before the
    item went on screen) only sets the reference its visitors' gains are measured from.
    `close` gives the totals and forgets every track; a meter that observed no snapshot
    with a camera signal from `started_s` on gives None: not measured (the camera was
    lost, or the item was on screen between two snapshots), which is not "nobody there".
    """

    def __init__(self, started_s: float, *, viewer_min_attention_s: float = VIEWER_MIN_ATTENTION_S) -> None:
        """A meter for a play that went on screen at `started_s` (seconds on the caller's timeline)."""
        self.started_s = float(started_s)
        self.viewer_min_attention_s = float(viewer_min_attention_s)
        self._tracks: dict[int, _Track] = {}
        self._measured = False
        self._last_ok_s: float | None = None  # the latest snapshot with a camera signal, if it was the latest
        self._closed = False

    def __repr__(self) -> str:
        # Never the tracks: a repr ends up in logs and tracebacks.
        return f"AttentionMeter(started_s={self.started_s}, visitors={len(self._tracks)}, measured={self._measured})"

    @property
    def measured(self) -> bool:
        """Whether a snapshot with a camera signal was observed during the play."""
        return self._measured

    def observe(self, snapshot: AudienceSnapshot, at_s: float) -> None:
        """Take in `snapshot`, taken at `at_s` on the same timeline as `started_s`.

        A snapshot without a camera signal carries no visitors and measures nothing; the
        visitors' totals it would have updated stay as they were, so the next snapshot
        with a signal gets the whole gain since.
        """
        if self._closed:
            raise RuntimeError("this play's attention is already closed")
        if snapshot.signal is not SignalState.OK:
            self._last_ok_s = None  # nobody is known to be there now
            return
        at_s = float(at_s)
        during_play = at_s >= self.started_s
        self._measured = self._measured or during_play
        self._last_ok_s = at_s
        for visitor in snapshot.visitors:
            track = self._tracks.get(visitor.track_id)
            if track is None:
                track = self._tracks[visitor.track_id] = _Track(0.0, 0.0, _NEVER)
            dwell_gain_s = max(0.0, visitor.dwell_s - track.dwell_s)
            attention_gain_s = max(0.0, visitor.attention_s - track.attention_s)
            if during_play:
                track.present = True
                track.play_dwell_s += self._in_play(dwell_gain_s, track.seen_at_s, at_s)
                track.play_attention_s += self._in_play(attention_gain_s, track.seen_at_s, at_s)
            if dwell_gain_s > 0:
                track.looking_share = min(1.0, attention_gain_s / dwell_gain_s)
            track.dwell_s = visitor.dwell_s
            track.attention_s = visitor.attention_s
            track.seen_at_s = at_s

    def close(self, ended_s: float | None = None) -> PlayAttention | None:
        """The play's totals (None: not measured); the tracks are forgotten.

        With `ended_s`, the visitors of the last snapshot count up to the end (see the
        module docstring).
        """
        self._closed = True
        present = [track for track in self._tracks.values() if track.present]
        self._tracks.clear()
        if not self._measured:
            return None
        if ended_s is not None and self._last_ok_s is not None:
            gap_s = min(float(ended_s), self._last_ok_s + MAX_EXTRAPOLATION_S) - self._last_ok_s
            for track in present:
                if gap_s > 0 and track.seen_at_s == self._last_ok_s:
                    track.play_dwell_s += gap_s
                    track.play_attention_s += gap_s * track.looking_share
        threshold = self.viewer_min_attention_s - _SECONDS_TOLERANCE
        return PlayAttention(
            opportunities=len(present),
            viewers=sum(1 for track in present if track.play_attention_s >= threshold),
            attention_total_s=round(sum(track.play_attention_s for track in present), 3),
            dwell_total_s=round(sum(track.play_dwell_s for track in present), 3),
        )

    def _in_play(self, gain_s: float, previous_s: float, at_s: float) -> float:
        """The part of a visitor's gain between their previous snapshot and `at_s` inside the play.

        From a reference before the start, the gain is split in proportion to time (the
        engine gives totals, not when within the interval they grew); with no reference
        (a visitor new to this meter) at most the seconds since the start count. Between
        two snapshots of the play the engine's difference counts as it is: the live
        player reads its own clock when a snapshot arrives, and a snapshot delivered late
        must not cut the next one's gain. (A total that went down, a new track under an
        old id, has already become a gain of 0.)
        """
        if previous_s >= self.started_s:
            return gain_s
        since_start_s = max(0.0, at_s - self.started_s)
        if previous_s == _NEVER:
            return min(gain_s, since_start_s)
        return min(gain_s * since_start_s / (at_s - previous_s), since_start_s)
