"""The player's timeline: which item is on screen, when it ends, what comes next.

`PlaylistSchedule` is the deterministic heart of the kiosk player, kept free of Qt so
that the live player and the headless replay run the same logic and tests can drive it
with plain numbers. It owns the `PlaylistSwitcher` (when a new decision may replace the
playing one) and walks the chosen playlist item by item:

* every call passes `now_s` (monotonic seconds in the live player, the video's own
  timestamps in a replay), so the same decisions at the same times always give the same
  timeline;
* each call returns the events it caused (`ItemStarted`, `ItemEnded`), in order: the
  player turns them into pictures on screen, proof-of-play rows and trace lines;
* images and text slides end by time (`advance_to`); videos end when the media says so
  (`item_done`), with their probed duration plus `video_grace_s` as a backstop, or
  exactly at their duration when `videos_end_by_time` (a replay has no real media
  clock);
* an item that fails (unreadable, stalled) ends as FAILED and is skipped for
  `failure_retry_s`; a playlist with nothing left to show asks for a fresh decision,
  and when that has nothing either, a built-in fallback slide plays. The screen is never
  left without an item.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from content.model import ContentItem, ContentKind, TextSlide
from playlists.decision import Decision, PlayableItem
from playlists.model import LoopPolicy
from playlists.proof_of_play import PlayOutcome
from playlists.stability import (
    PlaylistSwitcher,
    StabilitySettings,
    SwitchOrder,
    SwitchTiming,
)

log = logging.getLogger(__name__)

FALLBACK_NAME = "(fallback)"


def fallback_item(title: str = "Welcome", body: str = "", duration_s: float = 10.0) -> PlayableItem:
    """The built-in slide shown when nothing of any playlist can be played."""
    content = ContentItem(
        name=FALLBACK_NAME,
        kind=ContentKind.TEXT,
        title=title,
        duration_s=duration_s,
        text=TextSlide(body=body, background="#202020", foreground="#ffffff"),
    )
    return PlayableItem(content, duration_s)


@dataclass(frozen=True)
class ScheduleSettings:
    """How the timeline treats media (`player:` in the config file sets these)."""

    stability: StabilitySettings = field(default_factory=StabilitySettings)
    videos_end_by_time: bool = False  # True in a replay: a video ends exactly at its probed duration
    video_grace_s: float = 5.0  # live: a video that has not ended this long after its duration is ended
    failure_retry_s: float = 300.0  # a failed item is skipped this long before it is tried again
    fallback_title: str = "Welcome"
    fallback_body: str = ""


@dataclass(frozen=True)
class ScheduledItem:
    """One item on the timeline: what, from which decision, and since when."""

    sequence: int  # 1, 2, 3 ... in the order items started
    item: PlayableItem
    decision: Decision | None  # None for the fallback slide
    index: int  # position in the decision's items (-1 for the fallback)
    started_s: float

    @property
    def name(self) -> str:
        """The content item's catalog name."""
        return self.item.content.name

    @property
    def is_fallback(self) -> bool:
        """True for the built-in slide."""
        return self.decision is None


@dataclass(frozen=True)
class ItemStarted:
    """An item went on screen at `entry.started_s`; `switch` is set when it began a new decision."""

    entry: ScheduledItem
    switch: SwitchOrder | None = None


@dataclass(frozen=True)
class ItemEnded:
    """An item left the screen."""

    entry: ScheduledItem
    ended_s: float
    outcome: PlayOutcome
    error: str | None = None


Event = ItemStarted | ItemEnded


class PlaylistSchedule:
    """The timeline of the player. Not thread-safe: the player's GUI thread owns it."""

    def __init__(
        self,
        decide_now: Callable[[float], Decision],
        now_s: float,
        settings: ScheduleSettings = ScheduleSettings(),
    ) -> None:
        """`decide_now(now_s)` gives a fresh decision (used at start, when a play-once
        playlist ends and when a playlist has nothing left to show)."""
        self.settings = settings
        self._decide_now = decide_now
        first = decide_now(now_s)
        self.switcher = PlaylistSwitcher(first, now_s, settings.stability)
        self.current: ScheduledItem | None = None
        self._sequence = 0
        self._failed_until_s: dict[str, float] = {}  # content name -> skip until
        self._started_events = self._start(first, 0, now_s, None)

    def start(self) -> list[Event]:
        """The events of the first item (call once, after construction)."""
        events, self._started_events = self._started_events, []
        return events

    # -- what the player calls -------------------------------------------------------

    @property
    def decision(self) -> Decision:
        """The decision being played."""
        return self.switcher.current

    def due_s(self) -> float | None:
        """When the current item ends by time (None: never, e.g. no item)."""
        entry = self.current
        if entry is None:
            return None
        end_s = entry.started_s + entry.item.duration_s
        if self._ends_by_media(entry):
            end_s += self.settings.video_grace_s
        return end_s

    def advance_to(self, now_s: float) -> list[Event]:
        """End every item whose time is up by `now_s`, starting the next ones."""
        events: list[Event] = []
        for _ in range(10_000):  # a bound instead of `while True`: zero-length items cannot spin forever
            due = self.due_s()
            if due is None or due > now_s + 1e-9:
                break
            events += self._end_current(due, PlayOutcome.PLAYED)
        return events

    def item_done(self, now_s: float, sequence: int) -> list[Event]:
        """The media of item `sequence` reached its end (videos); stale notices are ignored."""
        if self.current is None or self.current.sequence != sequence:
            return []
        return self._end_current(now_s, PlayOutcome.PLAYED)

    def item_failed(self, now_s: float, sequence: int, error: str) -> list[Event]:
        """Item `sequence` could not be shown: skip it (and skip it for a while)."""
        if self.current is None or self.current.sequence != sequence:
            return []
        if not self.current.is_fallback:
            self._failed_until_s[self.current.name] = now_s + self.settings.failure_retry_s
        log.warning("skipping %s: %s", self.current.name, error)
        return self._end_current(now_s, PlayOutcome.FAILED, error)

    def offer(self, decision: Decision, now_s: float) -> list[Event]:
        """A fresh decision: switch now, later, or not at all (see `PlaylistSwitcher`)."""
        events = self.advance_to(now_s)
        order = self.switcher.offer(decision, now_s)
        if order is not None and order.timing is SwitchTiming.NOW:
            events += self._interrupt(order, now_s)
        elif self.current is not None and self.current.is_fallback and self.switcher.queued is not None:
            # The fallback slide is not worth waiting for.
            order = self.switcher.item_ended(now_s)
            if order is not None:
                events += self._interrupt(order, now_s)
        return events

    def restart(self, decision: Decision, now_s: float, reason: str) -> list[Event]:
        """Play `decision` from its first item now, whatever the stability rules say (the
        player's own needs: the rules could be read at last after the built-in slide)."""
        events = self.advance_to(now_s)
        return events + self._interrupt(self.switcher.restart(decision, now_s, reason), now_s)

    def upcoming(self) -> PlayableItem | None:
        """The item that will most likely follow the current one (to prepare it ahead)."""
        queued = self.switcher.queued
        if queued is not None and queued.decision.playlist != self.decision.playlist:
            return next((item for item in queued.decision.items if self._usable(item)), None)
        if self.current is None or self.current.is_fallback:
            return None
        decision = queued.decision if queued is not None else self.decision
        position = self._next_index(decision)
        if position is None:
            return None
        return decision.items[position]

    # -- inside ----------------------------------------------------------------------

    def _ends_by_media(self, entry: ScheduledItem) -> bool:
        content = entry.item.content
        return (
            not self.settings.videos_end_by_time
            and content.kind is ContentKind.VIDEO
            and abs(entry.item.duration_s - content.duration_s) < 0.05  # no playlist override
        )

    def _interrupt(self, order: SwitchOrder, now_s: float) -> list[Event]:
        events: list[Event] = []
        if self.current is not None:
            events.append(ItemEnded(self.current, now_s, PlayOutcome.INTERRUPTED))
            self.current = None
        return events + self._start(order.decision, 0, now_s, order)

    def _end_current(self, now_s: float, outcome: PlayOutcome, error: str | None = None) -> list[Event]:
        entry = self.current
        events: list[Event] = []
        if entry is not None:
            events.append(ItemEnded(entry, now_s, outcome, error))
            self.current = None
        order = self.switcher.item_ended(now_s)
        if order is not None:
            if order.decision.playlist == self.decision.playlist and entry is not None and not entry.is_fallback:
                # Same playlist, new items: carry on after the item that just ended.
                return events + self._start(order.decision, self._next_index(order.decision, entry) or 0, now_s, order)
            return events + self._start(order.decision, 0, now_s, order)
        decision = self.decision
        position = None if entry is None or entry.is_fallback else self._next_index(decision, entry)
        if position is None:
            # A play-once playlist is done, nothing is left to show, or the fallback
            # slide ended: decide again.
            fresh = self._decide_now(now_s)
            order = self.switcher.restart(fresh, now_s, "the playlist ended; decided again")
            return events + self._start(fresh, 0, now_s, order)
        return events + self._start(decision, position, now_s, None)

    def _next_index(self, decision: Decision, after: ScheduledItem | None = None) -> int | None:
        """Index of the item after `after` (default: the current one), None when the
        playlist is done (play-once) or has nothing playable."""
        after = after or self.current
        items = decision.items
        if not items:
            return None
        start = 0
        if after is not None and not after.is_fallback:
            if after.decision is decision or (after.decision is not None and after.decision.items == items):
                start = after.index + 1
            else:
                names = [i.content.name for i in items]
                start = names.index(after.name) + 1 if after.name in names else 0
        loop = self._loops(decision)
        for offset in range(len(items)):
            position = start + offset
            if position >= len(items):
                if not loop:
                    return None
                position %= len(items)
            if self._usable(items[position]):
                return position
        return None

    def _usable(self, item: PlayableItem) -> bool:
        """False while the item is skipped after a failure."""
        return item.content.name not in self._failed_until_s

    def _loops(self, decision: Decision) -> bool:
        book = decision.book
        playlist = book.playlists.get(decision.playlist) if (book is not None and decision.playlist) else None
        return playlist is None or playlist.loop is LoopPolicy.LOOP

    def _start(self, decision: Decision, position: int, now_s: float, order: SwitchOrder | None) -> list[Event]:
        """Start the first usable item of `decision` from `position`, else the fallback."""
        self._forget_expired_failures(now_s)
        items = decision.items
        for offset in range(len(items)):
            index = position + offset
            if index >= len(items):
                index %= len(items)
            if self._usable(items[index]):
                return [self._put_on_screen(items[index], decision, index, now_s, order)]
        settings = self.settings
        item = fallback_item(settings.fallback_title, settings.fallback_body)
        if items:
            log.warning("nothing of playlist %s can be shown now; showing the fallback slide", decision.playlist)
        return [self._put_on_screen(item, None, -1, now_s, order)]

    def _put_on_screen(
        self, item: PlayableItem, decision: Decision | None, index: int, now_s: float, order: SwitchOrder | None
    ) -> ItemStarted:
        self._sequence += 1
        if item.duration_s <= 0:
            item = dataclasses.replace(item, duration_s=0.1)  # a zero-length item would spin the timeline
        self.current = ScheduledItem(self._sequence, item, decision, index, now_s)
        return ItemStarted(self.current, order)

    def _forget_expired_failures(self, now_s: float) -> None:
        for name, until in list(self._failed_until_s.items()):
            if now_s >= until:
                del self._failed_until_s[name]
