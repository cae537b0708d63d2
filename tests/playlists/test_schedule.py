"""The player's timeline: items in order, switches, failures, play-once, the fallback slide."""

from __future__ import annotations

import dataclasses

from audience.types import AgeGroup
from content.model import ContentKind
from playlists.decision import AudienceView, decide
from playlists.model import LoopPolicy, Playlist, PlaylistItem
from playlists.schedule import (
    FALLBACK_NAME,
    ItemEnded,
    ItemStarted,
    PlaylistSchedule,
    ScheduleSettings,
)
from playlists.stability import StabilitySettings
from tests.playlists.builders import (
    MONDAY_1610,
    audience,
    make_book,
    make_content,
    make_rule,
)

FAST = ScheduleSettings(stability=StabilitySettings(min_display_s=2.0, confirm_s=1.0, confirm_share=0.6))


def book(loop: LoopPolicy = LoopPolicy.LOOP, video_s: float | None = None):
    brand = Playlist("brand", (PlaylistItem("a", 3.0), PlaylistItem("b", 2.0), PlaylistItem("c", 1.0)))
    snacks = Playlist("snacks", (PlaylistItem("chips", 4.0), PlaylistItem("candy", 4.0)), loop=loop)
    base = make_book(make_rule("students", "snacks", priority=50, age_groups=(AgeGroup.TEEN,)), extra_playlists=(brand, snacks))
    content = dict(base.content)
    if video_s is not None:
        content["b"] = dataclasses.replace(make_content("b", duration_s=video_s), kind=ContentKind.VIDEO)
    return dataclasses.replace(base, content=content)


class Feed:
    """A schedule on a rule book, with the audience a test sets."""

    def __init__(self, rule_book, settings: ScheduleSettings = FAST) -> None:
        self.book = rule_book
        self.who = AudienceView.nobody()
        self.events: list = []
        self.schedule = PlaylistSchedule(self.decide, 0.0, settings)
        self.events += self.schedule.start()

    def decide(self, now_s: float):
        return decide(self.book, self.who, MONDAY_1610)

    def run(self, until_s: float, step_s: float = 0.5) -> None:
        """Offer a decision every `step_s` up to `until_s` (as snapshots would)."""
        now = self.last_s + step_s
        while now <= until_s + 1e-9:
            self.events += self.schedule.offer(self.decide(now), now)
            self.last_s = now
            now += step_s

    last_s = 0.0

    def started(self) -> list[tuple[float, str, str]]:
        return [(round(e.entry.started_s, 3), e.entry.decision.playlist if e.entry.decision else None, e.entry.name)
                for e in self.events if isinstance(e, ItemStarted)]

    def ended(self) -> list[tuple[str, str]]:
        return [(e.entry.name, e.outcome.value) for e in self.events if isinstance(e, ItemEnded)]


def test_items_play_in_order_for_their_durations_and_loop():
    feed = Feed(book())
    feed.run(7.0)
    assert feed.started() == [(0.0, "brand", "a"), (3.0, "brand", "b"), (5.0, "brand", "c"), (6.0, "brand", "a")]
    assert feed.ended() == [("a", "played"), ("b", "played"), ("c", "played")]


def test_a_confirmed_audience_interrupts_the_default_and_the_item_is_logged_as_interrupted():
    feed = Feed(book())
    feed.run(1.0)
    feed.who = audience(AgeGroup.TEEN)
    feed.run(4.0)
    starts = feed.started()
    assert starts[0] == (0.0, "brand", "a")
    switch_s, playlist, item = starts[1]
    assert (playlist, item) == ("snacks", "chips")
    assert 1.5 <= switch_s <= 2.5  # confirmed within the confirmation window, not on the first snapshot
    assert feed.ended()[0] == ("a", "interrupted")
    started = next(e for e in feed.events if isinstance(e, ItemStarted) and e.entry.name == "chips")
    assert started.switch is not None and "default playlist yields" in started.switch.reason


def test_back_to_the_default_waits_for_min_display_and_the_item_end():
    feed = Feed(book())
    feed.who = audience(AgeGroup.TEEN)
    feed.run(2.0)
    assert feed.started()[-1][1] == "snacks"
    switched_s = feed.started()[-1][0]
    feed.who = AudienceView.nobody()
    feed.run(20.0)
    back = [s for s in feed.started() if s[1] == "brand" and s[0] > switched_s]
    assert back, "never went back to the default"
    # chips plays 4 s from the switch: the default (lower priority) waits for its end.
    assert back[0][0] == switched_s + 4.0
    assert ("chips", "played") in feed.ended()


def test_a_failed_item_is_skipped_now_and_on_the_next_loop():
    feed = Feed(book())
    current = feed.schedule.current
    feed.events += feed.schedule.item_failed(0.2, current.sequence, "a.png: cannot decode")
    feed.run(9.0)
    names = [name for _, _, name in feed.started()]
    assert names[:2] == ["a", "b"]
    assert names[2:] == ["c", "b", "c", "b", "c"][: len(names) - 2]  # "a" stays out while it is in retry
    assert ("a", "failed") in feed.ended()


def test_a_playlist_that_fails_completely_shows_the_fallback_slide_never_nothing():
    feed = Feed(book())
    for _ in range(3):
        entry = feed.schedule.current
        feed.events += feed.schedule.item_failed(0.1, entry.sequence, f"{entry.name}: broken")
    assert feed.schedule.current.name == FALLBACK_NAME
    assert feed.schedule.current.item.content.kind is ContentKind.TEXT


def test_a_play_once_playlist_ends_with_a_fresh_decision():
    feed = Feed(book(loop=LoopPolicy.ONCE))
    feed.who = audience(AgeGroup.TEEN)
    feed.run(2.0)
    switched_s = feed.started()[-1][0]
    feed.run(switched_s + 8.5)
    snacks = [name for s, p, name in feed.started() if p == "snacks"]
    # chips, candy, then decided again: the teens are still there, so snacks again from the top.
    assert snacks[:3] == ["chips", "candy", "chips"]


def test_stale_media_notices_are_ignored():
    feed = Feed(book())
    old = feed.schedule.current.sequence
    feed.run(3.5)
    assert feed.schedule.item_done(3.6, old) == []
    assert feed.schedule.item_failed(3.6, old, "late") == []


def test_live_videos_end_by_their_media_with_a_backstop_replays_by_duration():
    live = Feed(book(video_s=2.0))
    live.run(3.0)  # a ends at 3 s, the video b starts
    assert live.schedule.current.name == "b"
    assert live.schedule.due_s() == 3.0 + 2.0 + FAST.video_grace_s  # the backstop, not the duration
    live.events += live.schedule.item_done(5.04, live.schedule.current.sequence)
    assert live.schedule.current.name == "c" and live.schedule.current.started_s == 5.04

    replay = Feed(book(video_s=2.0), dataclasses.replace(FAST, videos_end_by_time=True))
    replay.run(5.0)
    assert replay.started()[-1] == (5.0, "brand", "c")


def test_upcoming_is_the_next_item_or_the_queued_playlist():
    feed = Feed(book())
    assert feed.schedule.upcoming().content.name == "b"
    feed.who = audience(AgeGroup.TEEN)
    feed.run(2.0)
    assert feed.schedule.current.name == "chips"
    assert feed.schedule.upcoming().content.name == "candy"


def test_the_same_decisions_at_the_same_times_give_the_same_timeline():
    def timeline():
        feed = Feed(book())
        feed.run(2.0)
        feed.who = audience(AgeGroup.TEEN)
        feed.run(9.0)
        feed.who = AudienceView.nobody()
        feed.run(30.0)
        return feed.started(), feed.ended()

    assert timeline() == timeline()
