"""Stability: no flapping on noisy snapshots, minimum display time, priorities, guardrail first."""

from __future__ import annotations

from audience.types import AgeGroup, Attire
from playlists.decision import AudienceView, decide
from playlists.model import Playlist, PlaylistItem
from playlists.stability import PlaylistSwitcher, StabilitySettings, SwitchTiming
from tests.playlists.builders import MONDAY_1610, audience, make_book, make_rule

SETTINGS = StabilitySettings(min_display_s=10.0, confirm_s=1.0, confirm_share=0.6)  # two of the last three
SETTINGS_DEFAULT = StabilitySettings()  # three of the last four


def book():
    drinks = Playlist("evening_drinks", (PlaylistItem("beer_promo"), PlaylistItem("snacks_chips")))
    return make_book(
        make_rule("students", "snacks", priority=50, age_groups=(AgeGroup.TEEN,)),
        make_rule("commuters", "finance", priority=40, attire=(Attire.BUSINESS,)),
        make_rule("lunch", "lunch", priority=40, age_groups=(AgeGroup.SENIOR,)),
        make_rule("drinks", "evening_drinks", priority=20, age_groups=(AgeGroup.ADULT,)),
        extra_playlists=(drinks,),
    )


def at(who):
    return decide(book(), who, MONDAY_1610)


NOBODY = AudienceView.nobody()
TEENS = audience(AgeGroup.TEEN)
SUITS = audience(AgeGroup.ADULT, Attire.BUSINESS)
SENIORS = audience(AgeGroup.SENIOR)
ADULTS = audience(AgeGroup.ADULT)


def feed(switcher, who, start_s, end_s, step_s=0.5):
    """Offer the decision for `who` every `step_s` from `start_s` to `end_s`; the orders given."""
    orders = []
    steps = int(round((end_s - start_s) / step_s))
    for i in range(steps + 1):
        order = switcher.offer(at(who), start_s + i * step_s)
        if order is not None:
            orders.append((start_s + i * step_s, order))
    return orders


def test_one_noisy_snapshot_never_switches():
    switcher = PlaylistSwitcher(at(NOBODY), 0.0, SETTINGS)
    assert feed(switcher, NOBODY, 0.5, 3.0) == []
    assert switcher.offer(at(TEENS), 3.5) is None  # a flicker
    assert feed(switcher, NOBODY, 4.0, 6.0) == []
    assert switcher.current.playlist == "brand"


def test_the_default_yields_as_soon_as_a_decision_is_confirmed():
    switcher = PlaylistSwitcher(at(NOBODY), 0.0, SETTINGS)
    feed(switcher, NOBODY, 0.5, 2.0)
    assert switcher.offer(at(TEENS), 2.5) is None
    order = switcher.offer(at(TEENS), 3.0)  # two of the last three snapshots
    assert order is not None and order.timing is SwitchTiming.NOW and order.decision.playlist == "snacks"
    assert "default playlist yields" in order.reason


def test_minimum_display_time_then_lower_priority_waits_for_the_item_end():
    switcher = PlaylistSwitcher(at(TEENS), 0.0, SETTINGS)
    assert feed(switcher, SUITS, 0.5, 9.5) == []  # confirmed at once, but shown less than 10 s
    order = switcher.offer(at(SUITS), 10.0)
    assert order.timing is SwitchTiming.AFTER_ITEM and switcher.current.playlist == "snacks"
    assert switcher.queued is order
    switched = switcher.item_ended(10.2)
    assert switched.decision.playlist == "finance" and switcher.current.playlist == "finance"
    assert switcher.item_ended(20.0) is None


def test_a_higher_priority_rule_interrupts_after_the_minimum_display_time():
    switcher = PlaylistSwitcher(at(SUITS), 0.0, SETTINGS)
    feed(switcher, SUITS, 0.5, 8.5)
    assert feed(switcher, TEENS, 9.0, 9.5) == []  # one of three, then too early
    orders = feed(switcher, TEENS, 10.0, 10.0)
    assert orders and orders[0][1].timing is SwitchTiming.NOW
    assert "higher-priority rule interrupts" in orders[0][1].reason


def test_a_queued_switch_is_dropped_when_the_audience_comes_back():
    switcher = PlaylistSwitcher(at(TEENS), 0.0, SETTINGS)
    feed(switcher, TEENS, 0.5, 10.0)
    feed(switcher, SUITS, 10.5, 11.5)
    assert switcher.queued is not None
    switcher.offer(at(TEENS), 12.0)
    assert switcher.queued is None and switcher.item_ended(12.2) is None


def test_a_queued_switch_needs_the_audience_still_there_when_the_item_ends():
    switcher = PlaylistSwitcher(at(TEENS), 0.0, SETTINGS)
    feed(switcher, TEENS, 0.5, 10.0)
    feed(switcher, SUITS, 10.5, 11.0)
    feed(switcher, SENIORS, 11.5, 12.5)  # another AFTER_ITEM candidate replaces the first
    assert switcher.queued.decision.playlist == "lunch"
    feed(switcher, NOBODY, 13.0, 14.0)  # nobody: the default does not interrupt a rule ...
    assert switcher.item_ended(14.2).decision.playlist == "brand"  # ... it waits for the item end


def test_guardrail_acts_at_once_whatever_the_display_time():
    switcher = PlaylistSwitcher(at(ADULTS), 0.0, SETTINGS)
    assert "beer_promo" in [i.content.name for i in switcher.current.items]
    order = switcher.offer(at(TEENS), 0.2)  # a teen walks in 0.2 s after the drinks started
    assert order.timing is SwitchTiming.NOW and "minors guardrail" in order.reason
    assert all(not item.content.age_restricted for item in switcher.current.items)


def test_no_flapping_on_a_noisy_stream_of_snapshots():
    # Given an audience that is really "teens" for 60 s at two snapshots a second, where
    # every fifth snapshot is misread as another segment, and once two in a row are.
    noise = [SUITS, SENIORS, ADULTS, NOBODY]
    switcher = PlaylistSwitcher(at(NOBODY), 0.0, SETTINGS_DEFAULT)
    switches = []
    for step in range(1, 121):
        now = step * 0.5
        misread = step % 5 == 0 or step in (61, 62)
        who = noise[step % 4] if misread else TEENS
        order = switcher.offer(at(who), now)
        if order is not None and order.timing is SwitchTiming.NOW:
            switches.append((now, order.decision.playlist))
        if step % 16 == 0:  # an 8 s item ends
            order = switcher.item_ended(now)
            if order is not None:
                switches.append((now, order.decision.playlist))
    # Then the player switches to the teens' playlist once, within 2 s, and stays there.
    assert [playlist for _, playlist in switches] == ["snacks"]
    assert switches[0][0] <= 2.0


def test_a_burst_of_two_misread_snapshots_does_not_switch():
    switcher = PlaylistSwitcher(at(TEENS), 0.0, SETTINGS_DEFAULT)
    feed(switcher, TEENS, 0.5, 20.0)
    assert feed(switcher, SUITS, 20.5, 21.0) == []
    assert feed(switcher, TEENS, 21.5, 25.0) == []
    assert switcher.item_ended(25.0) is None and switcher.current.playlist == "snacks"
