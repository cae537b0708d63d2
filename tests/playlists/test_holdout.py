"""The randomised holdout: a share of a targeted rule's wins plays what would play without targeting.

Pure decisions first (`decide(targeting=False)`, `with_arm`), then the seeded draw
(`HoldoutDraw`), then the playback core on a fake clock writing both arms into proof of
play on a real SQLite file.
"""

from __future__ import annotations

import datetime as dt

import pytest

from audience.types import AgeGroup, Attire
from foundation.clock import FakeClock
from foundation.errors import ConfigError
from playlists.decision import (
    AGE,
    HELD_OUT,
    WON,
    Arm,
    AudienceView,
    DecisionSettings,
    decide,
    with_arm,
)
from playlists.holdout import HoldoutDraw
from playlists.playback import PlaybackCore, PlaybackSettings
from playlists.proof_of_play import ProofOfPlay
from signage.config import load_config
from tests.playlists.builders import MONDAY_1610, audience, make_book, make_playlist, make_rule
from tests.playlists.test_playback import MONDAY, STUDENT, drive, store_db  # noqa: F401 (a fixture)

STUDENTS = make_rule("students", "snacks", priority=60, age_groups=(AgeGroup.TEEN,))
AFTERNOON = make_rule("afternoon", "coffee", priority=10, time_windows=("14:00-18:00",))
BOOK = make_book(STUDENTS, AFTERNOON)
TEEN = audience(AgeGroup.TEEN, Attire.SCHOOL_UNIFORM)


# -- the decision in each arm ---------------------------------------------------------


def test_without_targeting_audience_rules_are_set_aside():
    # Given a teen in front of the screen on a Monday afternoon
    # When the decision is made with and without audience targeting
    targeted = decide(BOOK, TEEN, MONDAY_1610)
    untargeted = decide(BOOK, TEEN, MONDAY_1610, targeting=False)
    # Then the audience rule wins only with targeting; the time-only rule takes its place
    assert (targeted.rule, targeted.playlist) == ("students", "snacks")
    assert (untargeted.rule, untargeted.playlist) == ("afternoon", "coffee")


def test_the_targeted_arm_keeps_the_rule_and_names_what_the_control_would_show():
    decision = with_arm(decide(BOOK, TEEN, MONDAY_1610), Arm.TARGETED)
    assert (decision.arm, decision.rule, decision.playlist) == (Arm.TARGETED, "students", "snacks")
    assert (decision.holdout_rule, decision.other_playlist) == ("students", "coffee")
    assert "holdout: the targeted arm for rule 'students'" in decision.explain()


def test_the_control_arm_plays_the_untargeted_choice_and_says_why():
    seniors = make_rule("seniors", "tea", priority=70, age_groups=(AgeGroup.SENIOR,))
    decision = with_arm(decide(make_book(STUDENTS, AFTERNOON, seniors), TEEN, MONDAY_1610), Arm.CONTROL)
    assert (decision.arm, decision.rule, decision.playlist) == (Arm.CONTROL, "afternoon", "coffee")
    assert (decision.holdout_rule, decision.other_playlist) == ("students", "snacks")
    assert decision.reason.startswith("holdout control for rule 'students' (which would have played 'snacks'): ")
    # The matching audience rule is held out; one that never matched says why, as usual.
    codes = {rule.name: code for rule, code in decision.considered}
    assert codes == {"students": HELD_OUT, "afternoon": WON, "seniors": AGE}
    assert "holdout's control arm" in decision.explain()


def test_the_control_arm_falls_back_to_the_default_playlist_when_no_time_rule_fits():
    evening = dt.datetime(2026, 11, 23, 20, 0)
    decision = with_arm(decide(BOOK, TEEN, evening), Arm.CONTROL)
    assert (decision.rule, decision.playlist, decision.other_playlist) == (None, "brand", "snacks")
    assert "default playlist 'brand'" in decision.reason


def test_a_decision_no_targeted_rule_won_has_no_arm():
    nobody = decide(BOOK, AudienceView.nobody(), MONDAY_1610)
    assert nobody.rule == "afternoon"
    assert with_arm(nobody, Arm.CONTROL) is nobody
    assert nobody.arm is None


def test_the_minors_guardrail_holds_in_the_control_arm():
    # Given a control alternative whose playlist holds a beer promotion
    drinks = make_rule("drinks", "evening_drinks", priority=10, time_windows=("14:00-18:00",))
    book = make_book(STUDENTS, drinks, extra_playlists=(make_playlist("evening_drinks", "beer_promo", "chips"),))
    # When a teen's decision is put in the control arm
    decision = with_arm(decide(book, TEEN, MONDAY_1610), Arm.CONTROL)
    # Then the beer is withheld there too
    assert decision.playlist == "evening_drinks"
    assert [item.content.name for item in decision.items] == ["chips"]
    assert decision.withheld == ("beer_promo",)


# -- the seeded draw ------------------------------------------------------------------


def test_the_draw_is_reproducible_and_near_its_share():
    start = dt.datetime(2026, 11, 23, 8, 0)
    times = [start + dt.timedelta(minutes=5 * i) for i in range(4000)]  # 4,000 separate runs
    first = [HoldoutDraw(0.1, seed=7).arm("students", when) for when in times]
    again = [HoldoutDraw(0.1, seed=7).arm("students", when) for when in times]
    other_seed = [HoldoutDraw(0.1, seed=8).arm("students", when) for when in times]
    assert first == again
    assert first != other_seed
    share = first.count(Arm.CONTROL) / len(first)
    assert 0.085 < share < 0.115  # binomial(4000, 0.1): sd 0.0047


def test_a_run_of_wins_keeps_its_arm_and_a_new_run_draws_again():
    draw = HoldoutDraw(0.5, seed=1)
    start = dt.datetime(2026, 11, 23, 16, 0)
    arms = {draw.arm("students", start + dt.timedelta(seconds=s)) for s in range(0, 600, 10)}
    assert len(arms) == 1  # ten minutes of wins 10 s apart: one run, one arm
    # A pause longer than 30 s or another rule starts a new run: over many, both arms appear.
    later = [draw.arm("students", start + dt.timedelta(minutes=20 + 2 * i)) for i in range(40)]
    assert set(later) == {Arm.TARGETED, Arm.CONTROL}


def test_shares_of_zero_and_one_and_out_of_range():
    when = dt.datetime(2026, 11, 23, 16, 0)
    assert HoldoutDraw(0.0).arm("students", when) is Arm.TARGETED
    assert HoldoutDraw(1.0).arm("students", when) is Arm.CONTROL
    with pytest.raises(ValueError, match="between 0 and 1"):
        HoldoutDraw(1.5)


def test_the_config_file_sets_the_share_and_refuses_one_out_of_range(tmp_path):
    path = tmp_path / "signage.yaml"
    path.write_text("decision: {holdout_share: 0.2, holdout_seed: 42}\n")
    config = load_config(path)
    assert (config.decision.holdout_share, config.decision.holdout_seed) == (0.2, 42)
    path.write_text("decision: {holdout_share: 1.5}\n")
    with pytest.raises(ConfigError, match="holdout_share"):
        load_config(path)


# -- the playback core writes both arms into proof of play ------------------------------


def _core(db, share: float) -> tuple[PlaybackCore, FakeClock]:
    clock = FakeClock(0.0, start=MONDAY + dt.timedelta(hours=15, minutes=55))
    settings = PlaybackSettings(decision=DecisionSettings(holdout_share=share, holdout_seed=3))
    return PlaybackCore(db, settings, clock), clock


def test_every_targeted_win_in_the_control_arm_is_logged_with_what_the_rule_would_have_shown(store_db):
    # Given a holdout of 100 % and a student in front of the screen from 16:00 to 16:30
    core, clock = _core(store_db, 1.0)
    drive(core, clock, until_s=40 * 60)
    core.finish()
    plays = ProofOfPlay(store_db).plays()
    student_plays = [p for p in plays if dt.time(16, 0, 5) <= p.started_at.time() < dt.time(16, 30)]
    # Then the snacks the rule chose never played; every play while she was there is the control
    assert student_plays
    assert all(p.playlist != "after_school_snacks" for p in student_plays)
    assert {(p.arm, p.arm_rule, p.other_playlist) for p in student_plays} == {
        ("control", "students_after_school", "after_school_snacks")
    }
    assert all(p.reason.startswith("holdout control for rule 'students_after_school'") for p in student_plays)
    # and nobody's plays before she came have no arm
    assert all(p.arm is None for p in plays if p.started_at.time() < dt.time(16, 0))


def test_without_a_holdout_nothing_is_held_out(store_db):
    core, clock = _core(store_db, 0.0)
    drive(core, clock, until_s=40 * 60)
    core.finish()
    plays = ProofOfPlay(store_db).plays()
    assert {p.playlist for p in plays if dt.time(16, 1) <= p.started_at.time() < dt.time(16, 30)} == {
        "after_school_snacks"
    }
    assert all(p.arm is None for p in plays)


def test_a_replay_draws_the_same_arms(store_db, tmp_path):
    traces = []
    for _ in range(2):
        lines: list[dict] = []
        clock = FakeClock(0.0, start=MONDAY + dt.timedelta(hours=15, minutes=55))
        settings = PlaybackSettings(decision=DecisionSettings(holdout_share=0.5, holdout_seed=11))
        core = PlaybackCore(None, settings, clock, trace=lines.append, book=PlaybackCore(store_db, settings, clock).book)
        drive(core, clock, until_s=40 * 60)
        traces.append([(line.get("arm"), line.get("playlist")) for line in lines if line["type"] == "play"])
    assert traces[0] == traces[1]
    assert any(arm is not None for arm, _ in traces[0])


def test_a_held_out_rule_rests_after_its_run_like_a_played_one(store_db):
    # (A control run is counted as started once it has held for the stability rules'
    # confirm_s, as a targeted run is counted when the screen switches to it.)
    # Given the students rule with a ten-minute cooldown and a holdout of 100 %
    core, clock = _core(store_db, 1.0)
    rule = next(r for r in core.book.rules if r.name == "students_after_school")
    assert STUDENT.age_group is AgeGroup.TEEN and rule.cooldown_s == 0
    from dataclasses import replace

    from playlists.decision import RuleBook

    rested = replace(rule, cooldown_s=600.0)
    book = core.book
    core.book = RuleBook(
        tuple(rested if r.name == rule.name else r for r in book.rules), book.playlists, book.content,
        book.default_playlist, book.revision,
    )
    # When the student stays for half an hour
    drive(core, clock, until_s=40 * 60)
    core.finish()
    log = ProofOfPlay(store_db)
    runs = [r for r in log.holdout_runs() if r.rule == "students_after_school"]
    # Then the rule rests for ten minutes after each (held-out) start, as a played rule
    # would, and the uniform rule wins meanwhile; without its usage the held-out rule
    # would win every decision of the half hour.
    starts = [r.started_at for r in runs]
    assert {r.arm for r in runs} == {"control"} and 2 <= len(starts) <= 4
    gaps = [(b - a).total_seconds() for a, b in zip(starts, starts[1:])]
    assert all(gap >= 600 for gap in gaps), gaps
    assert any(r.rule == "school_uniform" for r in log.holdout_runs())


def test_every_run_is_logged_as_drawn_even_when_the_screen_does_not_change(store_db):
    # Given visitors who stay only 2-6 s (often gone before the loop's next item starts)
    # and a holdout of one half
    import random

    from audience.engine import build_snapshot
    from audience.types import SignalState, TimeContext

    clock = FakeClock(0.0, start=MONDAY + dt.timedelta(hours=16))
    trace: list[dict] = []
    settings = PlaybackSettings(decision=DecisionSettings(holdout_share=0.5, holdout_seed=1))
    core = PlaybackCore(store_db, settings, clock, trace=trace.append)
    rng = random.Random(2)
    visits, t = [], 5.0
    while t < 3600:
        visits.append((t, t + rng.uniform(2, 6)))
        t += rng.uniform(60, 180)
    core.start()
    now = 0.0
    while now < 3600:
        now += 0.5
        clock.advance_to(now)
        due = core.due_s()
        if due is not None and now >= due:
            core.advance()
        who = (STUDENT,) if any(a <= now < b for a, b in visits) else ()
        core.on_snapshot(build_snapshot(now, TimeContext.of(clock.wall_time(now)), SignalState.OK, who, 0))
    core.finish()
    # When the runs drawn (the decisions' arms) are compared with the runs logged
    drawn, last = [], None
    for line in trace:
        if line["type"] == "decision" and "arm" in line:
            when = dt.datetime.fromisoformat(line["local_time"])
            key = (line["arm_rule"], line["arm"])
            if last is None or last[0] != key or (when - last[1]).total_seconds() > 30:
                drawn.append((when, key))
            last = (key, when)
    runs = ProofOfPlay(store_db).holdout_runs()
    # Then each drawn run is logged once, in either arm, with what it showed and the other
    assert [(r.started_at, (r.rule, r.arm)) for r in runs] == drawn
    assert {r.arm for r in runs} == {"targeted", "control"}
    assert all(r.group_size == 1 for r in runs)
    control = [r for r in runs if r.arm == "control"]
    assert {(r.playlist, r.other_playlist) for r in control} == {("brand_loop", "after_school_snacks")}
