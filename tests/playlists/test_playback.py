"""The playback core on a fake clock: a whole day of a store, no Qt, no waiting.

The seed rules on a real SQLite file; visitors come and go as a test-owned day of a
convenience store; the core is driven exactly as the Qt controller drives it (snapshots,
timer ends at `due_s`, ticks) and what it shows, logs and traces is checked.
"""

from __future__ import annotations

import datetime as dt

import pytest

from audience.engine import build_snapshot
from audience.types import AgeGroup, Attire, SignalState, TimeContext
from content.catalog import ContentLibrary
from foundation.clock import FakeClock
from foundation.db import open_database
from playlists.decision import DecisionSettings
from playlists.playback import PlaybackCore, PlaybackSettings, PrepareItem, ShowItem
from playlists.proof_of_play import AudienceSummary, PlayOutcome, ProofOfPlay
from playlists.schedule import FALLBACK_NAME, ScheduleSettings
from playlists.seed import SEED_YAML
from playlists.stability import StabilitySettings
from playlists.store import PlaylistStore
from playlists.yaml_io import parse_document
from tests.audience.builders import make_visitor
from tests.playlists.builders import audience, make_book, make_rule

MONDAY = dt.datetime(2026, 11, 23)  # 00:00 on a Monday
SEED_ITEMS = (
    "brand_welcome brand_loop drinks_coffee snacks_chips snacks_candy drinks_energy finance_markets "
    "finance_headlines lunch_bento lunch_deals seniors_tea beer_promo"
).split()

SUIT = make_visitor(1, AgeGroup.ADULT, age_confidence=0.9, attire=Attire.BUSINESS, attire_confidence=0.9)
STUDENT = make_visitor(2, AgeGroup.TEEN, age_confidence=0.9, attire=Attire.SCHOOL_UNIFORM, attire_confidence=0.9)
ADULT = make_visitor(3, AgeGroup.ADULT, age_confidence=0.9, attire=Attire.CASUAL, attire_confidence=0.9)
PARENT = make_visitor(4, AgeGroup.ADULT, age_confidence=0.9, attire=Attire.CASUAL, attire_confidence=0.9)
TEEN = make_visitor(5, AgeGroup.TEEN, age_confidence=0.9, attire=Attire.CASUAL, attire_confidence=0.9)

# Who stands in front of the screen when (local time, from-to): everyone else is nobody.
DAY = (
    ((8, 0), (8, 20), (SUIT,)),
    ((16, 0), (16, 30), (STUDENT,)),
    ((19, 30), (20, 0), (ADULT,)),
    ((20, 0), (20, 10), (ADULT, PARENT, TEEN)),  # adults with a teen: the guardrail withholds beer
)


def visitors_at(when: dt.datetime) -> tuple:
    minute = when.hour * 60 + when.minute
    for (h1, m1), (h2, m2), who in DAY:
        if h1 * 60 + m1 <= minute < h2 * 60 + m2:
            return who
    return ()


@pytest.fixture
def store_db(tmp_path):
    """A real SQLite file with the seed rules over text slides of the seed items."""
    db = open_database(tmp_path / "signage.db")
    library = ContentLibrary(db)
    for name in SEED_ITEMS:
        library.add_text(name, name.replace("_", " "), duration_s=10.0, age_restricted=name.startswith("beer"))
    document = parse_document(SEED_YAML, "seed", known_content=library.items_by_name())
    PlaylistStore(db).replace_all(document, author="test")
    yield db
    db.close()


def see(core: PlaybackCore, clock: FakeClock, *visitors) -> list:
    """One snapshot of `visitors` at the clock's now."""
    now = clock.now_s()
    return core.on_snapshot(build_snapshot(now, TimeContext.of(clock.wall_time(now)), SignalState.OK, visitors, 0))


def drive(core: PlaybackCore, clock: FakeClock, until_s: float, snapshot_every_s: float = 2.0) -> list:
    """Run the core as the Qt controller does: snapshots, item ends at `due_s`, ticks."""
    commands = core.start()
    next_snapshot_s = clock.now_s()
    next_tick_s = clock.now_s()
    while clock.now_s() < until_s:
        due = core.due_s()
        step = min(next_snapshot_s, next_tick_s, due if due is not None else until_s, until_s)
        clock.advance_to(step)
        now = clock.now_s()
        if due is not None and now >= due:
            commands += core.advance()
        if now >= next_snapshot_s:
            who = visitors_at(clock.wall_time(now))
            time = TimeContext.of(clock.wall_time(now))
            commands += core.on_snapshot(build_snapshot(now, time, SignalState.OK, who, 0))
            next_snapshot_s = now + snapshot_every_s
        if now >= next_tick_s:
            commands += core.tick()
            next_tick_s = now + 60.0
    return commands


def test_a_whole_day_of_decisions_on_a_fake_clock(store_db):
    clock = FakeClock(0.0, start=MONDAY)
    trace: list[dict] = []
    core = PlaybackCore(store_db, PlaybackSettings(), clock, trace=trace.append)

    commands = drive(core, clock, until_s=24 * 3600.0)
    report = core.finish()

    # The screen was never empty: the items shown add up to the whole day.
    assert report["length_s"] == pytest.approx(24 * 3600.0)
    assert sum(report["seconds_by_playlist"].values()) == pytest.approx(24 * 3600.0, abs=0.01)
    assert FALLBACK_NAME not in {c.content.name for c in commands if isinstance(c, ShowItem)}

    # What played when, hour by hour, is the store's story.
    plays = [line for line in trace if line["type"] == "play"]

    def playlists_between(start: tuple[int, int], end: tuple[int, int]) -> set[str]:
        low, high = MONDAY.replace(hour=start[0], minute=start[1]), MONDAY.replace(hour=end[0], minute=end[1])
        return {p["playlist"] for p in plays if low <= dt.datetime.fromisoformat(p["local_time"]) < high}

    assert playlists_between((0, 0), (7, 59)) == {"brand_loop"}
    assert "commuter_finance" in playlists_between((8, 0), (8, 21))
    assert "after_school_snacks" in playlists_between((16, 0), (16, 31))
    assert "evening_drinks" in playlists_between((19, 30), (20, 0))
    # With a teen there, the beer promotion never starts; the guardrail says why.
    def items_between(start: tuple[int, int], end: tuple[int, int]) -> set[str]:
        low, high = MONDAY.replace(hour=start[0], minute=start[1]), MONDAY.replace(hour=end[0], minute=end[1])
        return {p["item"] for p in plays if low <= dt.datetime.fromisoformat(p["local_time"]) < high}

    assert "beer_promo" in items_between((19, 30), (20, 0))
    # (An item due at the very second the teen arrives starts, and leaves within that second.)
    ends = [line for line in trace if line["type"] == "end"]
    shown_while_teen_there = [
        end["shown_s"] for play, end in zip(plays, ends, strict=True)
        if play["item"] == "beer_promo" and MONDAY.replace(hour=20) <= dt.datetime.fromisoformat(play["local_time"])
        < MONDAY.replace(hour=20, minute=10)
    ]
    assert sum(shown_while_teen_there) == 0.0
    withheld = [d for d in trace if d["type"] == "decision" and d["guardrail_withheld"]]
    assert withheld and all(d["local_time"][11:15] == "20:0" for d in withheld)
    assert playlists_between((21, 0), (23, 59)) == {"brand_loop"}

    # Proof of play on the real file is what the trace says, item by item, all closed.
    logged = ProofOfPlay(store_db).plays()
    assert [r.item for r in logged] == [p["item"] for p in plays]
    assert all(r.ended_at is not None and r.ended_at >= r.started_at for r in logged)
    assert logged[-1].outcome is PlayOutcome.UNFINISHED
    assert report["switches"] >= 6
    # Every shown item was prepared ahead, except the first and those a switch brought in.
    shown = [c for c in commands if isinstance(c, ShowItem)]
    prepared = {c.token for c in commands if isinstance(c, PrepareItem)}
    assert sum(c.token in prepared for c in shown) > 0.8 * len(shown)


def test_the_same_inputs_give_the_same_trace(store_db, tmp_path):
    traces = []
    for _ in range(2):
        clock = FakeClock(15 * 3600.0, start=MONDAY)
        trace: list[dict] = []
        core = PlaybackCore(store_db, PlaybackSettings(), clock, trace=trace.append, proof=ProofOfPlay(open_database(None)))
        drive(core, clock, until_s=17 * 3600.0)
        core.finish()
        traces.append(trace)
    assert traces[0] == traces[1]
    assert ProofOfPlay(store_db).plays() == []  # both runs logged into their own proof of play


def test_a_stale_audience_is_no_signal_and_time_rules_still_change(store_db):
    # A live kiosk whose camera stopped at 07:00: the morning rules for suits must not
    # fire on the last snapshot, and the day still goes on.
    clock = FakeClock(7 * 3600.0, start=MONDAY)
    core = PlaybackCore(store_db, PlaybackSettings(), clock)
    core.start()
    see(core, clock, SUIT)
    assert core.decision.playlist == "commuter_finance"
    clock.advance_to(clock.now_s() + 10.0)
    core.tick()
    assert core.decision.playlist == "brand_loop"
    assert "no camera signal" in core.decision.reason or core.decision.rule is None


def test_a_file_that_fails_while_prepared_is_skipped_without_showing_it(store_db):
    clock = FakeClock(3 * 3600.0, start=MONDAY)
    core = PlaybackCore(store_db, PlaybackSettings(), clock)
    first = core.start()
    prepare = next(c for c in first if isinstance(c, PrepareItem))
    assert core.media_failed(prepare.token, "unreadable") == []  # remembered, nothing to do yet
    clock.advance_to(core.due_s())
    commands = core.advance()
    shown = [c.content.name for c in commands if isinstance(c, ShowItem)]
    assert prepare.content.name not in shown and shown  # skipped straight to the next item
    assert core.stats.outcomes["failed"] == 1
    assert any("unreadable" in e for _, e in core.errors)


def test_rule_changes_by_another_program_are_picked_up_in_one_piece(store_db, tmp_path):
    clock = FakeClock(16 * 3600.0, start=MONDAY)
    core = PlaybackCore(store_db, PlaybackSettings(), clock)
    core.start()
    see(core, clock, STUDENT)
    assert core.decision.rule == "students_after_school"

    other = open_database(tmp_path / "signage.db")  # the editor, on its own connection
    PlaylistStore(other).set_rule_enabled("students_after_school", False, author="marketer")
    other.close()
    clock.advance_to(clock.now_s() + 2.5)  # past reload_check_s (2 s), the audience still fresh (3 s)
    core.tick()
    assert core.stats.rule_reloads == 1
    assert core.decision.rule == "school_uniform"
    assert core.status()["rules_revision"] == core.book.revision


def test_a_broken_database_under_the_core_never_stops_playback(store_db):
    clock = FakeClock(0.0, start=MONDAY)
    core = PlaybackCore(store_db, PlaybackSettings(), clock)
    core.start()
    store_db.conn.execute("DROP TABLE plays")  # proof of play cannot be written any more
    clock.advance_to(core.due_s())
    commands = core.advance()
    assert any(isinstance(c, ShowItem) for c in commands)
    status = core.status()
    assert status["database"]["proof_of_play_pending"] >= 1  # kept in memory, not lost
    assert status["database"]["proof_of_play_failing"]  # and said


def test_no_database_plays_the_built_in_slide_then_the_rules_once_attached(store_db):
    clock = FakeClock(8 * 3600.0, start=MONDAY)
    core = PlaybackCore(None, PlaybackSettings(), clock)
    assert [c.content.name for c in core.start() if isinstance(c, ShowItem)] == [FALLBACK_NAME]
    clock.advance_to(clock.now_s() + 1)
    commands = core.attach_database(store_db)
    assert [c.content.name for c in commands if isinstance(c, ShowItem)] == ["brand_welcome"]


def test_the_status_says_what_plays_since_when_and_why(store_db):
    clock = FakeClock(8 * 3600.0, start=MONDAY)
    core = PlaybackCore(store_db, PlaybackSettings(), clock)
    core.start()
    clock.advance_to(clock.now_s() + 4)
    see(core, clock, SUIT)
    status = core.status()
    assert status["playing"]["playlist"] == "commuter_finance"
    assert status["playing"]["since"] == "2026-11-23T08:00:04"
    assert status["last_decision"]["rule"] == "commuters_morning"
    assert status["uptime_s"] == 4.0
    assert status["counts"]["switches"] == 1  # from the first decision to the commuters


def test_simulators_decide_on_the_core_with_the_same_answer_as_decide():
    from playlists.decision import decide

    book = make_book(make_rule("teens", "snacks", 50, age_groups=(AgeGroup.TEEN,)))
    when = MONDAY.replace(hour=16)
    core = PlaybackCore(None, PlaybackSettings(decision=DecisionSettings()), FakeClock(0.0, start=when), book=book)
    for viewer in (audience(AgeGroup.TEEN), audience(AgeGroup.ADULT)):
        assert core.decide_for(viewer, when) == decide(book, viewer, when)
    assert core.proof is None  # a simulation logs nothing


def test_a_replay_clock_moves_with_the_snapshots_only(store_db):
    from foundation.clock import VideoClock

    clock = VideoClock(MONDAY.replace(hour=18))
    settings = PlaybackSettings(schedule=ScheduleSettings(StabilitySettings(), videos_end_by_time=True), replay=True)
    core = PlaybackCore(store_db, settings, clock, proof=ProofOfPlay(open_database(None)))
    core.start()
    core.on_snapshot(build_snapshot(2.5, TimeContext.of(clock.wall_time(2.5)), SignalState.OK, (ADULT,), 0))
    assert clock.now_s() == 2.5
    report = core.finish(9.0)
    assert report["ended_s"] == 9.0 and report["length_s"] == 9.0


def test_proof_of_play_rows_from_an_earlier_run_are_closed_at_start(store_db):
    ProofOfPlay(store_db).item_started(
        started_at=MONDAY, playlist="brand_loop", item="brand_welcome", kind="text", rule=None, planned_s=10.0,
        reason="a run that was killed", audience=AudienceSummary.from_snapshot(None),
    )
    PlaybackCore(store_db, PlaybackSettings(), FakeClock(60.0, start=MONDAY))
    first = ProofOfPlay(store_db).plays()[0]
    assert first.outcome is PlayOutcome.UNFINISHED and first.ended_at == MONDAY.replace(minute=1)
