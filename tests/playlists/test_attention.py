"""Attention per play: the meter on hand-made snapshots, then the playback core writing it.

A visitor's `dwell_s` and `attention_s` in a snapshot are the audience engine's totals
since their track began; the meter turns them into what one play got. The core tests
drive a `PlaybackCore` on a `FakeClock` over a real SQLite file, as
tests/playlists/test_playback.py does, and read the attention back from proof of play.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from audience.engine import build_snapshot
from audience.types import AgeGroup, SignalState, TimeContext, Visitor
from content.catalog import ContentLibrary
from foundation.clock import FakeClock
from foundation.db import open_database
from playlists import reports
from playlists.attention import (
    MAX_EXTRAPOLATION_S,
    VIEWER_MIN_ATTENTION_S,
    AttentionMeter,
)
from playlists.playback import PlaybackCore, PlaybackSettings
from playlists.proof_of_play import (
    AudienceSummary,
    PlayAttention,
    PlayOutcome,
    ProofOfPlay,
)
from playlists.store import PlaylistStore
from playlists.yaml_io import parse_document
from tests.audience.builders import make_visitor
from tests.playlists.test_playback import MONDAY, store_db, visitors_at  # noqa: F401 (store_db: its fixture)

MONDAY_0900 = dt.datetime(2026, 11, 23, 9, 0)


def visitor(track_id: int, dwell_s: float, attention_s: float, age_group: AgeGroup = AgeGroup.ADULT) -> Visitor:
    """A visitor whose track has been there `dwell_s` seconds, `attention_s` of them facing the screen."""
    return dataclasses.replace(make_visitor(track_id, age_group), dwell_s=dwell_s, attention_s=attention_s)


def snapshot(ts: float, *visitors: Visitor, signal: SignalState = SignalState.OK):
    return build_snapshot(ts, TimeContext.of(MONDAY_0900 + dt.timedelta(seconds=ts)), signal, visitors, 0)


def measure(started_s: float, *observations: tuple) -> PlayAttention | None:
    """A play that started at `started_s`, fed (time, visitors...) snapshots, then closed."""
    meter = AttentionMeter(started_s)
    for ts, *visitors in observations:
        meter.observe(snapshot(ts, *visitors), ts)
    return meter.close()


# -- the meter ---------------------------------------------------------------------------


def test_a_visitor_arriving_mid_play_counts_from_their_arrival():
    # Given a play from 0 s: nobody at 2 s, a visitor who arrived 1 s before the snapshot at 4 s
    attention = measure(
        0.0,
        (2.0,),
        (4.0, visitor(7, dwell_s=1.0, attention_s=0.5)),
        (6.0, visitor(7, dwell_s=3.0, attention_s=2.5)),
    )
    # Then their whole track lies inside the play
    assert attention == PlayAttention(opportunities=1, viewers=1, attention_total_s=2.5, dwell_total_s=3.0)


def test_a_visitor_already_there_keeps_only_the_part_inside_the_play():
    # Given a visitor seen 1 s before the play started (10 s there, 8 s of it looking)
    meter = AttentionMeter(10.0)
    meter.observe(snapshot(9.0, visitor(3, dwell_s=10.0, attention_s=8.0)), 9.0)
    # When the first snapshot of the play, 1 s after its start, has them 2 s further
    meter.observe(snapshot(11.0, visitor(3, dwell_s=12.0, attention_s=10.0)), 11.0)
    # ... and they then look away for 2 s
    meter.observe(snapshot(13.0, visitor(3, dwell_s=14.0, attention_s=10.0)), 13.0)
    # Then half of the first gain is the play's (1 s before its start, 1 s after), all of the next
    assert meter.close() == PlayAttention(opportunities=1, viewers=1, attention_total_s=1.0, dwell_total_s=3.0)


def test_without_a_reference_a_visitor_counts_at_most_the_time_since_the_start():
    # Given a visitor first seen 2 s into the play, though there for 30 s
    attention = measure(100.0, (102.0, visitor(1, dwell_s=30.0, attention_s=20.0)))
    assert attention == PlayAttention(opportunities=1, viewers=1, attention_total_s=2.0, dwell_total_s=2.0)


def test_a_visitor_who_leaves_counts_only_while_there():
    attention = measure(
        0.0,
        (1.0, visitor(1, dwell_s=1.0, attention_s=0.0)),
        (2.0, visitor(1, dwell_s=2.0, attention_s=0.4)),
        (3.0,),  # gone
        (4.0,),
    )
    # An opportunity to see who looked only 0.4 s: not a viewer
    assert attention == PlayAttention(opportunities=1, viewers=0, attention_total_s=0.4, dwell_total_s=2.0)


def test_two_visitors_one_looking_one_looking_away():
    frames = [(0.1 * step, visitor(1, 0.1 * step, 0.1 * step), visitor(2, 0.1 * step, 0.0)) for step in range(1, 11)]
    attention = measure(0.0, *frames)
    # Ten 0.1 s steps are one second of attention (floats add up to 0.9999999999999999)
    assert attention.opportunities == 2 and attention.viewers == 1
    assert attention.attention_total_s == pytest.approx(1.0) and attention.dwell_total_s == pytest.approx(2.0)
    assert VIEWER_MIN_ATTENTION_S == 1.0


def test_just_under_a_second_of_attention_is_not_a_viewer():
    attention = measure(0.0, (5.0, visitor(1, dwell_s=5.0, attention_s=0.99)))
    assert attention.opportunities == 1 and attention.viewers == 0


def test_the_end_carries_the_last_snapshot_forward_for_at_most_a_second():
    def closed_at(ended_s: float, *last: tuple) -> PlayAttention:
        meter = AttentionMeter(0.0)
        meter.observe(snapshot(8.0, visitor(1, 8.0, 7.0), visitor(2, 8.0, 0.0)), 8.0)
        meter.observe(snapshot(9.0, visitor(1, 9.0, 8.0), visitor(2, 9.0, 0.5)), 9.0)
        for ts, *visitors in last:
            meter.observe(snapshot(ts, *visitors), ts)
        return meter.close(ended_s)

    # Ended 0.5 s after the last snapshot: both stay; one was looking (1 s per s), one half of the time
    assert closed_at(9.5) == PlayAttention(2, 1, 8.0 + 0.5 + 0.5 + 0.25, 18.0 + 1.0)
    # The camera silent for longer: at most MAX_EXTRAPOLATION_S is carried forward (which
    # gives visitor 2 the second of attention that makes a viewer)
    assert closed_at(30.0) == PlayAttention(2, 2, 8.0 + 0.5 + 1.0 + 0.5, 18.0 + 2.0)
    # Visitor 2 gone from the last snapshot: only visitor 1 is carried forward
    assert closed_at(9.75, (9.5, visitor(1, 9.5, 8.5))).dwell_total_s == 9.5 + 9.0 + 0.25
    # The last snapshot without a camera signal: nobody is known to be there
    no_signal = build_snapshot(9.5, TimeContext.of(MONDAY_0900), SignalState.NO_SIGNAL, (), 0)
    meter = AttentionMeter(0.0)
    meter.observe(snapshot(9.0, visitor(1, 9.0, 9.0)), 9.0)
    meter.observe(no_signal, 9.5)
    assert meter.close(10.0) == PlayAttention(1, 1, 9.0, 9.0)
    assert MAX_EXTRAPOLATION_S == 1.0


def test_no_snapshot_is_not_measured_and_nobody_there_is_zero():
    # No snapshot while on screen (the camera lost, or a play shorter than a snapshot interval)
    assert measure(0.0) is None
    # Only snapshots without a camera signal: not measured either
    meter = AttentionMeter(0.0)
    meter.observe(snapshot(1.0, signal=SignalState.NO_SIGNAL), 1.0)
    assert meter.measured is False and meter.close() is None
    # A snapshot before the play's start is a reference, not a measurement
    meter = AttentionMeter(10.0)
    meter.observe(snapshot(9.0, visitor(1, 5.0, 5.0)), 9.0)
    assert meter.close() is None
    # Nobody in front of a working camera: measured, zero opportunities
    assert measure(0.0, (1.0,), (2.0,)) == PlayAttention(0, 0, 0.0, 0.0)


def test_a_camera_lost_mid_play_keeps_the_gain_for_the_next_snapshot_with_signal():
    meter = AttentionMeter(0.0)
    meter.observe(snapshot(1.0, visitor(1, dwell_s=1.0, attention_s=1.0)), 1.0)
    meter.observe(snapshot(2.0, signal=SignalState.NO_SIGNAL), 2.0)
    meter.observe(snapshot(3.0, visitor(1, dwell_s=3.0, attention_s=2.0)), 3.0)
    assert meter.close() == PlayAttention(opportunities=1, viewers=1, attention_total_s=2.0, dwell_total_s=3.0)


def test_a_total_that_goes_down_is_never_negative_attention():
    # A track id the engine reused for a new visitor: their totals start again from 0
    attention = measure(0.0, (4.0, visitor(1, 4.0, 4.0)), (5.0, visitor(1, 0.5, 0.2)))
    assert attention == PlayAttention(opportunities=1, viewers=1, attention_total_s=4.0, dwell_total_s=4.0)


def test_track_ids_are_forgotten_at_the_end_and_never_in_the_repr():
    meter = AttentionMeter(0.0)
    meter.observe(snapshot(1.0, visitor(424242, 1.0, 1.0)), 1.0)
    assert "424242" not in repr(meter)
    assert meter.close().opportunities == 1
    assert "visitors=0" in repr(meter)
    with pytest.raises(RuntimeError):
        meter.observe(snapshot(2.0), 2.0)  # a closed play takes no more snapshots


# -- the playback core writes it into proof of play ----------------------------------------

RULES = """\
default_playlist: brand
playlists:
  - name: brand
    items: [{content: brand_welcome, duration_s: 10}, {content: brand_loop, duration_s: 10}]
  - name: students
    items: [{content: snacks_chips, duration_s: 10}]
rules:
  - name: students_any_time
    playlist: students
    priority: 50
    when: {age_groups: [teen]}
"""


@pytest.fixture
def small_db(tmp_path):
    """A real SQLite file with three text slides, a default playlist and a rule for teens."""
    db = open_database(tmp_path / "signage.db")
    library = ContentLibrary(db)
    for name in ("brand_welcome", "brand_loop", "snacks_chips"):
        library.add_text(name, name.replace("_", " "), duration_s=10.0)
    PlaylistStore(db).replace_all(parse_document(RULES, "test", known_content=library.items_by_name()), author="test")
    yield db
    db.close()


def run_core(core: PlaybackCore, clock: FakeClock, until_s: float, visitors_at, every_s: float = 1.0) -> None:
    """Snapshots every `every_s` (of `visitors_at(t)`; None: no snapshot), item ends at `due_s`."""
    core.start()
    next_snapshot_s = clock.now_s()
    while clock.now_s() < until_s:
        due = core.due_s()
        clock.advance_to(min(next_snapshot_s, due if due is not None else until_s, until_s))
        now = clock.now_s()
        if due is not None and now >= due:
            core.advance()
        if now >= next_snapshot_s:
            who = visitors_at(now)
            if who is not None:
                core.on_snapshot(snapshot(now, *who))
            next_snapshot_s = now + every_s


def test_the_core_writes_each_plays_attention_into_proof_of_play(small_db):
    # Given an adult who arrives 5 s after the player starts and looks at the screen from 12 s
    # to 25 s, and then leaves at 25 s; the camera is lost from 30 s on
    def adult_at(t: float):
        if t >= 30.0:
            return None
        if 5.0 <= t < 25.0:
            return (visitor(9, dwell_s=t - 5.0, attention_s=min(max(0.0, t - 12.0), 13.0)),)
        return ()

    clock = FakeClock(0.0, start=MONDAY_0900)
    trace: list[dict] = []
    core = PlaybackCore(small_db, PlaybackSettings(), clock, trace=trace.append)
    run_core(core, clock, 35.0, adult_at)
    core.finish()

    # Then every play of the default loop has its own share of the visit
    plays = ProofOfPlay(small_db).plays()
    assert [(p.item, p.started_at.second) for p in plays] == [
        ("brand_welcome", 0), ("brand_loop", 10), ("brand_welcome", 20), ("brand_loop", 30),
    ]
    first, second, third, fourth = (p.attention for p in plays)
    # 0-10 s: there from 5 s; the snapshot at 10 s comes after the item's end, so the last
    # second is carried forward from the snapshot at 9 s
    assert first == PlayAttention(opportunities=1, viewers=0, attention_total_s=0.0, dwell_total_s=5.0)
    # 10-20 s: there throughout, looking from 12 s: exactly what happened
    assert second == PlayAttention(opportunities=1, viewers=1, attention_total_s=8.0, dwell_total_s=10.0)
    # 20-30 s: there until 25 s, looking all along; last seen at 24 s, so 4 s (leaving is not extrapolated)
    assert third == PlayAttention(opportunities=1, viewers=1, attention_total_s=4.0, dwell_total_s=4.0)
    # 30-35 s: no snapshot at all: not measured, which is not "nobody"
    assert fourth is None
    assert [p.outcome for p in plays] == [PlayOutcome.PLAYED] * 3 + [PlayOutcome.UNFINISHED]
    # And the trace lines say nothing about attention (the golden traces stay as they are)
    assert all(set(line) <= {"type", "ts", "local_time", "audience", "playlist", "rule", "reason",
                             "guardrail_withheld", "playing", "item", "kind", "planned_s", "switch", "shown_s",
                             "outcome", "error", "ended_s", "length_s", "decisions", "switches",
                             "plays_by_playlist", "seconds_by_playlist", "outcomes", "failures", "rule_reloads",
                             "message", "arm", "arm_rule", "other_playlist"} for line in trace)


def test_a_switch_shares_a_visit_between_plays_and_counts_no_second_twice(small_db):
    # Given a teen who arrives at 3 s, looking at the screen all along: the teen rule's
    # playlist interrupts the default one on the next snapshot
    def teen_at(t: float):
        return (visitor(4, dwell_s=t - 3.0, attention_s=t - 3.0, age_group=AgeGroup.TEEN),) if t >= 3.0 else ()

    clock = FakeClock(0.0, start=MONDAY_0900)
    core = PlaybackCore(small_db, PlaybackSettings(), clock)
    run_core(core, clock, 30.0, teen_at)
    core.finish()

    plays = ProofOfPlay(small_db).plays()
    assert [(p.playlist, p.started_at.second, p.outcome) for p in plays] == [
        ("brand", 0, PlayOutcome.INTERRUPTED), ("students", 4, PlayOutcome.PLAYED),
        ("students", 14, PlayOutcome.PLAYED), ("students", 24, PlayOutcome.UNFINISHED),
    ]
    # The interrupted play had the teen for its last second; the switch's own snapshot makes
    # the teen an opportunity of the new play from its first instant
    assert [p.attention for p in plays] == [
        PlayAttention(1, 1, 1.0, 1.0), PlayAttention(1, 1, 10.0, 10.0), PlayAttention(1, 1, 10.0, 10.0),
        PlayAttention(1, 1, 6.0, 6.0),
    ]
    # The 27 s of the visit are shared out between the plays, none counted twice
    assert sum(p.attention.dwell_total_s for p in plays) == pytest.approx(30.0 - 3.0)


def test_an_evening_of_the_seed_rules_shares_out_every_visitors_seconds(store_db):  # noqa: F811 (the fixture)
    # Given the evening of tests/playlists/test_playback.py's store on the seed rules (an
    # adult from 19:30, joined by a parent and a teen at 20:00: switches, the guardrail),
    # snapshots every 0.5 s as live, faces toward the screen two snapshots in three
    start_s, end_s = 19 * 3600.0 + 25 * 60, 20 * 3600.0 + 15 * 60
    clock = FakeClock(start_s, start=MONDAY)
    core = PlaybackCore(store_db, PlaybackSettings(), clock)
    arrived: dict[int, float] = {}

    def evening_at(t: float):
        who = visitors_at(clock.wall_time(t))
        for track_id in set(arrived) - {v.track_id for v in who}:
            del arrived[track_id]
        shown = []
        for v in who:
            first_s = arrived.setdefault(v.track_id, t)
            looked_s = 0.5 * sum(1 for step in range(round((t - first_s) / 0.5)) if step % 3 != 2)
            shown.append(dataclasses.replace(v, dwell_s=t - first_s, attention_s=looked_s))
        return tuple(shown)

    run_core(core, clock, end_s, evening_at, every_s=0.5)
    core.finish()

    plays = ProofOfPlay(store_db).plays()
    assert len({p.playlist for p in plays}) >= 2 and all(p.attention is not None for p in plays)
    # Then the seconds the engine gave the three visitors (40 min, 10 min, 10 min, less the
    # half second before each one's first snapshot) are shared out between the plays
    engine_dwell_s = (40 * 60 - 0.5) + 2 * (10 * 60 - 0.5)
    dwell_s = sum(p.attention.dwell_total_s for p in plays)
    attention_s = sum(p.attention.attention_total_s for p in plays)
    # (one snapshot interval may be carried forward past each departure and the run's end)
    assert engine_dwell_s <= dwell_s <= engine_dwell_s + 4 * 0.5
    assert attention_s == pytest.approx(2 / 3 * engine_dwell_s, rel=0.005)
    # A play on screen while someone was there counts them, one while nobody was counts nobody
    arrive, leave = MONDAY.replace(hour=19, minute=30), MONDAY.replace(hour=20, minute=10)
    while_there = [p for p in plays if arrive <= p.started_at and p.ended_at <= leave]
    while_away = [p for p in plays if p.ended_at < arrive or p.started_at > leave]
    assert while_there and all(p.attention.opportunities >= 1 for p in while_there)
    assert while_away and all(p.attention == PlayAttention(0, 0, 0.0, 0.0) for p in while_away)
    assert all(p.attention.viewers <= p.attention.opportunities for p in plays)


def test_a_failed_play_is_not_measured(small_db):
    clock = FakeClock(0.0, start=MONDAY_0900)
    core = PlaybackCore(small_db, PlaybackSettings(), clock)
    (show,) = [c for c in core.start() if type(c).__name__ == "ShowItem"]
    clock.advance_to(0.5)
    core.on_snapshot(snapshot(0.5, visitor(1, 1.0, 1.0)))
    clock.advance_to(1.0)
    core.media_failed(show.token, "cannot decode")
    core.finish(2.0)

    failed = ProofOfPlay(small_db).plays()[0]
    assert failed.outcome is PlayOutcome.FAILED and failed.attention is None


# -- the report: attention per item, playlist and rule, in SQL -----------------------------

# (minute after 09:00 Monday, playlist, item, rule, attention; None: not measured). The
# editor's and the CLI's tests log the same plays.
ATTENTION_PLAYS = (
    (0, "snacks", "snacks_chips", "students_after_school", PlayAttention(3, 2, 5.0, 12.0)),
    (1, "snacks", "snacks_chips", "students_after_school", PlayAttention(1, 0, 0.5, 4.0)),
    (2, "snacks", "snacks_candy", "students_after_school", None),  # the camera was lost
    (3, "brand", "brand_welcome", None, PlayAttention(0, 0, 0.0, 0.0)),  # nobody there
    (4, None, "fallback", None, PlayAttention(2, 1, 1.5, 6.0)),  # the built-in slide
)


def log_attention_plays(db) -> None:
    """The plays of ATTENTION_PLAYS, each 8 s long, and one on Tuesday still on screen."""
    log = ProofOfPlay(db)
    for minute, playlist, item, rule, attention in ATTENTION_PLAYS:
        started = MONDAY_0900 + dt.timedelta(minutes=minute)
        play_id = log.item_started(
            started_at=started, playlist=playlist, item=item, kind="image", rule=rule, planned_s=8.0,
            reason="test", audience=AudienceSummary.from_snapshot(None),
        )
        log.item_ended(play_id, ended_at=started + dt.timedelta(seconds=8), outcome=PlayOutcome.PLAYED,
                       attention=attention)
    log.item_started(
        started_at=MONDAY_0900 + dt.timedelta(days=1), playlist="snacks", item="snacks_chips", kind="image",
        rule="students_after_school", planned_s=8.0, reason="test", audience=AudienceSummary.from_snapshot(None),
    )


@pytest.fixture
def attention_db(tmp_path):
    db = open_database(tmp_path / "attention.db")
    log_attention_plays(db)
    yield db
    db.close()


def test_attention_per_item_with_its_denominators(attention_db):
    rows = reports.play_attention(attention_db, MONDAY_0900, MONDAY_0900 + dt.timedelta(days=1), by="item")
    assert rows == [
        # name, plays, measured, opportunities, viewers, share, attention, per opportunity, dwell, per opportunity
        ("snacks_chips", 2, 2, 4, 2, 0.5, 5.5, 1.375, 16.0, 4.0),
        ("fallback", 1, 1, 2, 1, 0.5, 1.5, 0.75, 6.0, 3.0),
        ("brand_welcome", 1, 1, 0, 0, None, 0.0, None, 0.0, None),  # measured, nobody: no share to give
        ("snacks_candy", 1, 0, 0, 0, None, 0.0, None, 0.0, None),  # not measured
    ]
    assert rows[0]._fields == reports.PLAY_ATTENTION_COLUMNS


def test_attention_per_playlist_and_rule_and_the_totals(attention_db):
    by_playlist = reports.play_attention(attention_db, None, None, by="playlist")
    assert [(row.name, row.plays, row.plays_measured, row.opportunities, row.viewers) for row in by_playlist] == [
        ("snacks", 4, 2, 4, 2), (reports.NOTHING_PLAYABLE, 1, 1, 2, 1), ("brand", 1, 1, 0, 0),
    ]
    by_rule = reports.play_attention(attention_db, None, MONDAY_0900 + dt.timedelta(days=1), by="rule")
    assert [(row.name, row.plays, row.plays_measured) for row in by_rule] == [
        ("students_after_school", 3, 2), (reports.NOTHING_PLAYABLE, 1, 1), (reports.DEFAULT_PLAYLIST, 1, 1),
    ]
    total = reports.total_attention(by_rule)
    # The share of the totals is recomputed from the sums, not averaged over rows
    assert total == (reports.ALL_PLAYS, 5, 4, 6, 3, 0.5, 7.0, 1.167, 22.0, 3.667)
    assert reports.attention_summary(total, "on Monday") == (
        "4 of 5 plays on Monday measured: 6 opportunities to see, 3 viewers (50%); per opportunity "
        "1.2 s of attention and 3.7 s of dwell."
    )


def test_attention_of_a_period_without_measured_plays_is_a_sentence(attention_db):
    tuesday = reports.play_attention(attention_db, MONDAY_0900 + dt.timedelta(days=1), None, by="item")
    assert [(row.name, row.plays, row.plays_measured) for row in tuesday] == [("snacks_chips", 1, 0)]
    assert reports.attention_summary(reports.total_attention(tuesday), "on Tuesday") == (
        "No measured plays on Tuesday: 1 play, none of them with audience snapshots (attention is measured "
        "only while the audience camera runs)."
    )
    assert reports.attention_summary(reports.total_attention([]), "in December") == "No plays in December."
    with pytest.raises(ValueError, match="'day'"):
        reports.play_attention(attention_db, None, None, by="day")
