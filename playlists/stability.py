"""Stability: when the player may act on a new decision.

Decisions are recomputed on every audience snapshot (every 0.5 s), and snapshots are
noisy: a visitor's attire can flicker for a frame, a face can be missed. The
`PlaylistSwitcher` turns that stream into calm switches:

* **no switch on one noisy snapshot**: a different playlist counts only when it was
  decided for at least `confirm_share` of the snapshots of the last `confirm_s`
  seconds (with snapshots every 0.5 s: two of the last three). One flicker cannot
  switch, and one dropout cannot hold back a real change;
* **minimum display time**: a playlist that started plays at least `min_display_s`
  before another replaces it. The default playlist is the exception: it yields at once,
  because a visitor who just walked in will not wait for the brand loop;
* **priority**: a confirmed decision of higher priority interrupts the current item;
  one of equal or lower priority waits for the current item to end;
* **guardrail first**: when the minors guardrail withholds an item of the playlist
  that is playing, the switch is immediate and skips every other rule here.

It keeps no clock of its own: every call passes `now_s` (monotonic seconds), so the
same sequence of decisions and times always gives the same switches.
"""

from __future__ import annotations

import enum
from collections import deque
from dataclasses import dataclass
from typing import ClassVar

from audience.settings import Range, at_least
from playlists.decision import Decision


@dataclass(frozen=True)
class StabilitySettings:
    """How calm switching is (`stability:` in the config file)."""

    min_display_s: float = 10.0  # a started playlist plays at least this long (not the default one)
    confirm_s: float = 1.5  # the window in which a new decision must dominate before it counts
    confirm_share: float = 0.7  # the share of that window's decisions it needs

    RANGES: ClassVar[dict[str, Range]] = {
        "min_display_s": at_least(0),
        "confirm_s": at_least(0),  # 0: the latest decision alone
        # Above 1 nothing could ever switch; at 0 a playlist nobody decided for would count.
        "confirm_share": Range(0, 1, low_open=True),
    }


class SwitchTiming(str, enum.Enum):
    """When the player should switch."""

    NOW = "now"  # interrupt the current item
    AFTER_ITEM = "after_item"  # when the current item ends


@dataclass(frozen=True)
class SwitchOrder:
    """An instruction to the player: play `decision`'s items, now or after the current item."""

    decision: Decision
    timing: SwitchTiming
    reason: str


class PlaylistSwitcher:
    """Decides when a new decision replaces the playing one. Not thread-safe: one owner."""

    def __init__(self, current: Decision, now_s: float, settings: StabilitySettings = StabilitySettings()) -> None:
        self.settings = settings
        self.current = current
        self.started_s = now_s
        self.queued: SwitchOrder | None = None  # an AFTER_ITEM switch waiting for the item to end
        self._recent: deque[tuple[float, str | None]] = deque()  # (time, playlist) of recent decisions
        self._observing_since_s = now_s

    def offer(self, decision: Decision, now_s: float) -> SwitchOrder | None:
        """Consider a fresh decision; returns an order to act on now, or None.

        AFTER_ITEM orders are also kept in `queued` until `item_ended` or a newer offer
        replaces them.
        """
        if decision.audience.minors_likely and any(item.content.age_restricted for item in self.current.items):
            # Guardrail first: a restricted item may be on screen, so act at once,
            # whatever the confirmation, display time and priorities say.
            return self._switch(
                decision, now_s, SwitchTiming.NOW, f"minors guardrail: {decision.audience.minors_reason}"
            )
        self._remember(decision.playlist, now_s)
        if decision.playlist == self.current.playlist:
            self.queued = None
            items_changed = decision.items != self.current.items
            if not items_changed and (decision.arm, decision.holdout_rule) != (
                self.current.arm, self.current.holdout_rule
            ):
                # The same playlist, now as an arm of the holdout (or no longer): nothing
                # changes on screen, but the next item is logged with the new arm.
                self.current = decision
            if items_changed:
                # Same playlist, other items (guardrail lifted, an item's dates, a rule
                # change): take them from the next item on.
                return self._queue(decision, "the playlist's playable items changed")
            return None
        if not self._confirmed(decision.playlist, now_s):
            return None  # not confirmed yet: noisy snapshots must not switch
        playing_default = self.current.rule is None
        if not playing_default and now_s - self.started_s < self.settings.min_display_s:
            return None
        if decision.priority > self.current.priority:
            why = "the default playlist yields" if playing_default else "a higher-priority rule interrupts"
            return self._switch(decision, now_s, SwitchTiming.NOW, why)
        return self._queue(decision, "waits for the current item to end (equal or lower priority)")

    def item_ended(self, now_s: float) -> SwitchOrder | None:
        """The current item ended: returns the queued switch to make now, if any."""
        order, self.queued = self.queued, None
        if order is None:
            return None
        if order.decision.playlist != self.current.playlist and not self._confirmed(order.decision.playlist, now_s):
            return None  # the audience changed back while the item played
        return self._switch(order.decision, now_s, SwitchTiming.NOW, order.reason)

    def restart(self, decision: Decision, now_s: float, reason: str) -> SwitchOrder:
        """Play `decision` now, whatever the rules above say: for the player's own needs
        (a play-once playlist ended, every item of the playlist failed)."""
        return self._switch(decision, now_s, SwitchTiming.NOW, reason)

    def _queue(self, decision: Decision, reason: str) -> SwitchOrder:
        self.queued = SwitchOrder(decision, SwitchTiming.AFTER_ITEM, reason)
        return self.queued

    def _switch(self, decision: Decision, now_s: float, timing: SwitchTiming, reason: str) -> SwitchOrder:
        if decision.playlist != self.current.playlist:
            self.started_s = now_s
        self.current = decision
        self.queued = None
        return SwitchOrder(decision, timing, reason)

    def _remember(self, playlist: str | None, now_s: float) -> None:
        self._recent.append((now_s, playlist))
        while self._recent and self._recent[0][0] < now_s - self.settings.confirm_s - 1e-9:
            self._recent.popleft()

    def _confirmed(self, playlist: str | None, now_s: float) -> bool:
        """Whether `playlist` dominated the decisions of the last `confirm_s` seconds."""
        if now_s - self._observing_since_s < self.settings.confirm_s:
            return False
        votes = sum(1 for _, recent in self._recent if recent == playlist)
        return votes >= self.settings.confirm_share * len(self._recent)
