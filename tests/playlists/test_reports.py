"""Reports over proof of play, on a real SQLite file filled through `ProofOfPlay` (exact numbers).

The log below is one Monday of a store (and a play before midnight, and a Saturday sample):

    08:00:00     brand_loop (default)        8 s played    (continues Sunday's last play)
    08:00:08     brand_loop (default)      2.5 s interrupted
    08:00:10.5   commuter_finance          8 s played    rule commuters_morning
    08:00:18.5   commuter_finance          8 s played    rule commuters_morning
    09:59:59.75  brand_loop (default)      5.5 s played    (ends at 10:00:05.25, counts at 9)
    16:10        after_school_snacks       unfinished, noticed 2 h later: capped at its planned 8 s
    16:20        the built-in slide        10 s played   (nothing was playable)
    16:30        after_school_snacks       still on screen: 0 s
"""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from audience.types import AgeGroup, Attire
from foundation.db import open_database
from playlists.proof_of_play import AudienceSummary, PlayOutcome, ProofOfPlay
from playlists.reports import (
    HOUR_MIX_COLUMNS,
    HOUR_PLAYS_COLUMNS,
    RULE_HITS_COLUMNS,
    AudienceCell,
    HourPlays,
    RuleHits,
    TypicalAudience,
    audience_mix,
    audience_mix_by_hour,
    dominant_by_weekday_hour,
    last_sample_at,
    play_span,
    plays_per_hour,
    plays_per_playlist,
    rule_hits,
    typical_audience_by_hour,
    write_csv,
)

SUNDAY = dt.datetime(2026, 11, 22)
MONDAY = dt.datetime(2026, 11, 23)
TUESDAY = MONDAY + dt.timedelta(days=1)
SATURDAY = dt.datetime(2026, 11, 28)
NEXT_MONDAY = dt.datetime(2026, 11, 30)


def at(day: dt.datetime, clock: str) -> dt.datetime:
    """`day` at 'HH:MM[:SS[.ffffff]]'."""
    return dt.datetime.combine(day.date(), dt.time.fromisoformat(clock))


def people(segment: str, group_size: int) -> AudienceSummary:
    """A sample of `group_size` people, mostly `segment`."""
    age, attire = segment.split("/")
    return AudienceSummary("ok", group_size, segment, 0.7, {age: group_size}, {attire: group_size})


NOBODY = AudienceSummary("ok", 0, None, 0.0, {}, {})
LOST = AudienceSummary("no_signal", 0, None, 0.0, {}, {})


def play(
    log: ProofOfPlay, start: dt.datetime, seconds: float | None, playlist: str | None, rule: str | None = None,
    outcome: PlayOutcome = PlayOutcome.PLAYED, planned_s: float = 8.0,
) -> None:
    """Log one item: on screen from `start` for `seconds` (None: still on screen)."""
    play_id = log.item_started(
        started_at=start, playlist=playlist, item=f"{playlist}_item", kind="fallback" if playlist is None else "image",
        rule=rule, planned_s=planned_s, reason="test", audience=NOBODY,
    )
    if seconds is not None:
        log.item_ended(play_id, ended_at=start + dt.timedelta(seconds=seconds), outcome=outcome)


@pytest.fixture
def db(tmp_path):
    """The Monday of the module docstring, and audience samples on Monday and Saturday."""
    database = open_database(tmp_path / "signage.db")
    log = ProofOfPlay(database)
    play(log, at(SUNDAY, "23:59:59"), 4.0, "brand_loop")
    play(log, at(MONDAY, "08:00"), 8.0, "brand_loop")
    play(log, at(MONDAY, "08:00:08"), 2.5, "brand_loop", outcome=PlayOutcome.INTERRUPTED)
    play(log, at(MONDAY, "08:00:10.5"), 8.0, "commuter_finance", "commuters_morning")
    play(log, at(MONDAY, "08:00:18.5"), 8.0, "commuter_finance", "commuters_morning")
    play(log, at(MONDAY, "09:59:59.75"), 5.5, "brand_loop")
    play(log, at(MONDAY, "16:10"), 7200.0, "after_school_snacks", "students_after_school", PlayOutcome.UNFINISHED)
    play(log, at(MONDAY, "16:20"), 10.0, None, planned_s=10.0)
    play(log, at(MONDAY, "16:30"), None, "after_school_snacks", "students_after_school")
    for clock, summary in [
        ("08:00", people("adult/business", 1)), ("08:01", NOBODY), ("08:02", NOBODY),
        ("16:00", people("teen/school_uniform", 4)), ("16:01", people("teen/school_uniform", 3)),
        ("16:02", people("teen/school_uniform", 2)), ("16:03", people("adult/casual", 1)),
        ("16:04", NOBODY), ("16:05", LOST),
    ]:
        log.record_audience(at(MONDAY, clock), summary)
    log.record_audience(at(SATURDAY, "16:00"), people("adult/casual", 2))
    yield database
    database.close()


def test_plays_count_in_the_hour_they_started_with_their_seconds_on_screen(db):
    rows = plays_per_hour(db, MONDAY, TUESDAY)
    assert [row.hour for row in rows] == list(range(24))
    assert {row for row in rows if row.plays} == {(8, 4, 26.5), (9, 1, 5.5), (16, 3, 18.0)}
    # The same plays and seconds as the log's own records (PlayRecord.shown_s).
    records = ProofOfPlay(db).plays(MONDAY, TUESDAY)
    assert sum(row.plays for row in rows) == len(records) == 8
    assert sum(row.seconds for row in rows) == pytest.approx(sum(r.shown_s or 0.0 for r in records), abs=1e-6)


def test_a_period_cuts_by_start_time(db):
    rows = plays_per_hour(db, at(MONDAY, "09:00"), at(MONDAY, "16:15"))
    assert {row for row in rows if row.plays} == {HourPlays(9, 1, 5.5), HourPlays(16, 1, 8.0)}


def test_plays_and_time_per_playlist_most_played_first(db):
    assert plays_per_playlist(db, MONDAY, TUESDAY) == [
        ("brand_loop", 3, 16.0),
        ("after_school_snacks", 2, 8.0),
        ("commuter_finance", 2, 16.0),
        ("(nothing playable)", 1, 10.0),
    ]


def test_rule_hits_count_plays_and_playlist_starts(db):
    # Monday's first play continues Sunday's brand loop: not a start of its own.
    assert rule_hits(db, MONDAY, TUESDAY) == [
        RuleHits("(default playlist)", 3, 1),
        RuleHits("commuters_morning", 2, 1),
        RuleHits("students_after_school", 2, 2),
        RuleHits("(nothing playable)", 1, 1),
    ]
    assert rule_hits(db, None, None)[0] == ("(default playlist)", 4, 2)


def test_the_audience_mix_by_weekday_and_hour(db):
    cells = audience_mix(db, MONDAY, NEXT_MONDAY)
    assert cells == [
        AudienceCell(0, 8, "(nobody)", 2),
        AudienceCell(0, 8, "adult/business", 1),
        AudienceCell(0, 16, "teen/school_uniform", 3),
        AudienceCell(0, 16, "(no camera signal)", 1),
        AudienceCell(0, 16, "(nobody)", 1),
        AudienceCell(0, 16, "adult/casual", 1),
        AudienceCell(5, 16, "adult/casual", 1),
    ]
    # Who comes at that time: people win over an empty shop.
    assert {key: cell.dominant_segment for key, cell in dominant_by_weekday_hour(cells).items()} == {
        (0, 8): "adult/business", (0, 16): "teen/school_uniform", (5, 16): "adult/casual",
    }


def test_the_audience_mix_by_hour_is_shares_that_add_up_to_one(db):
    mix = dict(audience_mix_by_hour(db, MONDAY, NEXT_MONDAY))
    assert set(mix) == {8, 16}
    assert mix[8] == pytest.approx({"(nobody)": 2 / 3, "adult/business": 1 / 3})
    assert mix[16] == pytest.approx(
        {"teen/school_uniform": 3 / 7, "adult/casual": 2 / 7, "(no camera signal)": 1 / 7, "(nobody)": 1 / 7}
    )
    assert next(iter(mix[16])) == "teen/school_uniform"  # largest share first


def test_the_typical_audience_of_an_hour_counts_only_samples_with_people(db):
    typical = typical_audience_by_hour(db, MONDAY, None)
    assert typical == {
        8: TypicalAudience(8, "adult/business", 1, 1),
        16: TypicalAudience(16, "teen/school_uniform", 3, 5),  # teens in groups of 4, 3 and 2
    }
    assert (typical[16].age_group, typical[16].attire) == (AgeGroup.TEEN, Attire.SCHOOL_UNIFORM)
    assert TypicalAudience(9, "unknown/casual", 1, 1).age_group is None
    assert typical_audience_by_hour(db, SATURDAY, None) == {16: TypicalAudience(16, "adult/casual", 2, 1)}


def test_the_span_of_plays_and_the_last_sample(db, tmp_path):
    assert play_span(db) == (at(SUNDAY, "23:59:59"), at(MONDAY, "16:30"))
    assert last_sample_at(db) == at(SATURDAY, "16:00")
    empty = open_database(tmp_path / "empty.db")
    ProofOfPlay(empty)
    assert play_span(empty) is None and last_sample_at(empty) is None
    assert sum(row.plays for row in plays_per_hour(empty, None, None)) == 0
    assert plays_per_playlist(empty, None, None) == rule_hits(empty, None, None) == []
    assert audience_mix(empty, None, None) == audience_mix_by_hour(empty, None, None) == []
    empty.close()


def test_every_report_exports_its_rows_as_csv(db):
    stream = io.StringIO()
    assert write_csv(plays_per_hour(db, MONDAY, TUESDAY), HOUR_PLAYS_COLUMNS, stream) == 24
    lines = list(csv.reader(io.StringIO(stream.getvalue())))
    assert lines[0] == ["hour", "plays", "seconds"] and lines[1 + 8] == ["8", "4", "26.5"]

    stream = io.StringIO()
    write_csv(rule_hits(db, MONDAY, TUESDAY), RULE_HITS_COLUMNS, stream)
    assert stream.getvalue().splitlines()[:2] == ["rule,plays,starts", "(default playlist),3,1"]

    stream = io.StringIO()
    write_csv(audience_mix_by_hour(db, MONDAY, NEXT_MONDAY), HOUR_MIX_COLUMNS, stream)
    assert stream.getvalue().splitlines()[1] == "8,(nobody)=0.667;adult/business=0.333"
