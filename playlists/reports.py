"""Reports over the proof-of-play log: plays by hour, playlist and rule, and who was there.

Every function reads one period [start, end) of naive local times (either bound may be
None: no limit) from the tables `playlists.proof_of_play` writes, aggregating in SQL, and
returns small named tuples (they compare equal to plain tuples, and their `_fields` are
the CSV columns). `write_csv(rows, columns, stream)` exports any of them.

Conventions shared by the reports:

- A play counts in the hour it *started*; its seconds are `PlayRecord.shown_s` (a play
  still on screen counts as a play with 0 s; an unfinished one at most its planned time).
- A play without a rule is the default playlist's, "(default playlist)"; one without a
  playlist is the player's built-in slide shown when nothing was playable.
- A *playlist start* is a play whose previous logged play (before the period too) came
  from another playlist or rule: the item-by-item loop of one decision is one start.
- Audience samples are labelled by their dominant segment ("teen/school_uniform"), or
  "(nobody)" and "(no camera signal)", so shares of an hour add up to 1.
- Attention (`play_attention`) sums the figures of the *measured* plays only (a play
  the camera saw nothing of has none), and divides by the opportunities to see.

The database needs the proof-of-play tables: `ProofOfPlay(db)` creates them.
"""

from __future__ import annotations

import csv
import datetime as dt
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple, TextIO

from sqlite_utils import Database

from audience.types import AgeGroup, Attire
from foundation.db import read_transaction
from foundation.i18n import tr
from playlists.proof_of_play import time_range, time_text

DEFAULT_PLAYLIST = "(default playlist)"  # the rule of a play no rule chose
NOTHING_PLAYABLE = "(nothing playable)"  # the playlist of the player's built-in slide
NOBODY = "(nobody)"  # an audience sample with nobody in front of the screen
NO_SIGNAL = "(no camera signal)"  # an audience sample taken while the camera was lost
NOT_PEOPLE = (NOBODY, NO_SIGNAL)


class HourPlays(NamedTuple):
    """Plays that started in one hour of the day (all days of the period together)."""

    hour: int  # 0..23
    plays: int
    seconds: float  # on screen, to the millisecond


class PlaylistPlays(NamedTuple):
    """Plays of one playlist."""

    playlist: str  # or NOTHING_PLAYABLE
    plays: int
    seconds: float


class RuleHits(NamedTuple):
    """How often one rule put its playlist on screen."""

    rule: str  # or DEFAULT_PLAYLIST / NOTHING_PLAYABLE
    plays: int  # items shown
    starts: int  # times its playlist started (see the module docstring)


class AudienceCell(NamedTuple):
    """Samples of one segment at one weekday and hour."""

    weekday: int  # 0 = Monday .. 6 = Sunday
    hour: int
    dominant_segment: str  # "teen/school_uniform", NOBODY or NO_SIGNAL
    samples: int


class HourMix(NamedTuple):
    """Who was in front of the screen in one hour of the day, as shares of the samples."""

    hour: int
    shares: dict[str, float]  # segment -> share (0..1, adding up to 1), largest first


@dataclass(frozen=True)
class TypicalAudience:
    """Who is usually there at one hour of the day, when anybody is."""

    hour: int
    dominant_segment: str  # the most common dominant segment among samples with people
    group_size: int  # the median size of the groups of that segment (the lower middle value)
    samples: int  # samples with people in that hour (of any segment)

    @property
    def age_group(self) -> AgeGroup | None:
        """The segment's age group (None when unknown)."""
        text = self.dominant_segment.partition("/")[0]
        return AgeGroup(text) if text in {g.value for g in AgeGroup} else None

    @property
    def attire(self) -> Attire:
        """The segment's attire."""
        text = self.dominant_segment.partition("/")[2]
        return Attire(text) if text in {a.value for a in Attire} else Attire.UNKNOWN


HOUR_PLAYS_COLUMNS = HourPlays._fields
PLAYLIST_PLAYS_COLUMNS = PlaylistPlays._fields
RULE_HITS_COLUMNS = RuleHits._fields
AUDIENCE_MIX_COLUMNS = AudienceCell._fields
HOUR_MIX_COLUMNS = HourMix._fields

# Seconds on screen of one play, as `PlayRecord.shown_s` computes them. SQLite's date
# functions keep milliseconds only, so whole seconds come from strftime('%s') and the
# microseconds from the text itself ('YYYY-MM-DD HH:MM:SS.ffffff', see proof_of_play).
_RAW_SECONDS = """
    CASE WHEN ended_at IS NULL THEN 0.0 ELSE MAX(0.0,
        (CAST(strftime('%s', ended_at) AS INTEGER) - CAST(strftime('%s', started_at) AS INTEGER))
        + (CAST(substr(ended_at, 20) AS REAL) - CAST(substr(started_at, 20) AS REAL)))
    END"""
_SHOWN_SECONDS = f"""
    CASE WHEN outcome = 'unfinished' THEN MIN({_RAW_SECONDS}, planned_s) ELSE {_RAW_SECONDS} END"""
_HOUR = "CAST(substr({column}, 12, 2) AS INTEGER)"
_WEEKDAY = "((CAST(strftime('%w', {column}) AS INTEGER) + 6) % 7)"  # SQLite: 0 = Sunday
_RULE_LABEL = (
    f"CASE WHEN rule IS NOT NULL THEN rule WHEN playlist IS NULL THEN '{NOTHING_PLAYABLE}' "
    f"ELSE '{DEFAULT_PLAYLIST}' END"
)
_SEGMENT_LABEL = (
    f"CASE WHEN signal != 'ok' THEN '{NO_SIGNAL}' WHEN group_size = 0 THEN '{NOBODY}' "
    "ELSE COALESCE(dominant_segment, 'unknown/unknown') END"
)


def plays_per_hour(db: Database, start: dt.datetime | None, end: dt.datetime | None) -> list[HourPlays]:
    """Plays and seconds on screen by the hour they started: 24 rows, hours without plays as 0."""
    where, parameters = time_range("started_at", start, end)
    rows = _query(
        db,
        f"SELECT {_HOUR.format(column='started_at')} AS hour, COUNT(*), TOTAL({_SHOWN_SECONDS}) "
        f"FROM plays{where} GROUP BY hour",
        parameters,
    )
    by_hour = {hour: (plays, seconds) for hour, plays, seconds in rows}
    return [HourPlays(hour, *_counted(*by_hour.get(hour, (0, 0.0)))) for hour in range(24)]


def plays_per_playlist(db: Database, start: dt.datetime | None, end: dt.datetime | None) -> list[PlaylistPlays]:
    """Plays and seconds on screen by playlist, the most played first."""
    where, parameters = time_range("started_at", start, end)
    rows = _query(
        db,
        f"SELECT COALESCE(playlist, '{NOTHING_PLAYABLE}') AS name, COUNT(*) AS plays, TOTAL({_SHOWN_SECONDS}) "
        f"FROM plays{where} GROUP BY name ORDER BY plays DESC, name",
        parameters,
    )
    return [PlaylistPlays(name, *_counted(plays, seconds)) for name, plays, seconds in rows]


def rule_hits(db: Database, start: dt.datetime | None, end: dt.datetime | None) -> list[RuleHits]:
    """Plays and playlist starts by rule, the most played first."""
    # The first play of the period is a start only if the play before it (possibly
    # before the period) was another playlist's: read back to the last play before it.
    lower, parameters = "", []
    if start is not None:
        lower = " AND started_at >= COALESCE((SELECT MAX(started_at) FROM plays WHERE started_at < ?), ?)"
        parameters += [time_text(start), time_text(start)]
    upper = ""
    if end is not None:
        upper = " AND started_at < ?"
        parameters.append(time_text(end))
    in_period = ""
    if start is not None:
        in_period = " WHERE started_at >= ?"
        parameters.append(time_text(start))
    rows = _query(
        db,
        f"""
        WITH ordered AS (
            SELECT started_at, {_RULE_LABEL} AS label, playlist, rule,
                LAG(play_id) OVER run AS previous_id,
                LAG(playlist) OVER run AS previous_playlist,
                LAG(rule) OVER run AS previous_rule
            FROM plays WHERE 1{lower}{upper}
            WINDOW run AS (ORDER BY started_at, play_id)
        )
        SELECT label, COUNT(*) AS plays,
            SUM(previous_id IS NULL OR previous_playlist IS NOT playlist OR previous_rule IS NOT rule)
        FROM ordered{in_period} GROUP BY label ORDER BY plays DESC, label
        """,
        parameters,
    )
    return [RuleHits(label, plays, starts) for label, plays, starts in rows]


def audience_mix(db: Database, start: dt.datetime | None, end: dt.datetime | None) -> list[AudienceCell]:
    """Audience samples by weekday, hour and segment; in each cell the most sampled segment first."""
    where, parameters = time_range("at", start, end)
    rows = _query(
        db,
        f"SELECT {_WEEKDAY.format(column='at')} AS weekday, {_HOUR.format(column='at')} AS hour, "
        f"{_SEGMENT_LABEL} AS segment, COUNT(*) AS samples FROM audience_samples{where} "
        "GROUP BY weekday, hour, segment ORDER BY weekday, hour, samples DESC, segment",
        parameters,
    )
    return [AudienceCell(*row) for row in rows]


def audience_mix_by_hour(db: Database, start: dt.datetime | None, end: dt.datetime | None) -> list[HourMix]:
    """The share of each segment among the samples of each hour of the day (hours with samples only)."""
    where, parameters = time_range("at", start, end)
    rows = _query(
        db,
        f"SELECT {_HOUR.format(column='at')} AS hour, {_SEGMENT_LABEL} AS segment, COUNT(*) AS samples "
        f"FROM audience_samples{where} GROUP BY hour, segment ORDER BY hour, samples DESC, segment",
        parameters,
    )
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    for hour, segment, samples in rows:
        counts[hour][segment] = samples
    return [
        HourMix(hour, {segment: samples / sum(by_segment.values()) for segment, samples in by_segment.items()})
        for hour, by_segment in sorted(counts.items())
    ]


def dominant_by_weekday_hour(cells: Iterable[AudienceCell]) -> dict[tuple[int, int], AudienceCell]:
    """The segment seen most at each (weekday, hour) of `audience_mix`'s rows.

    Samples with people win over "(nobody)" and "(no camera signal)": the question is who
    comes at that time. A cell where nobody ever came keeps the most sampled of those two.
    """
    by_cell: dict[tuple[int, int], list[AudienceCell]] = defaultdict(list)
    for cell in cells:
        by_cell[cell.weekday, cell.hour].append(cell)
    return {
        key: min(group, key=lambda c: (c.dominant_segment in NOT_PEOPLE, -c.samples, c.dominant_segment))
        for key, group in by_cell.items()
    }


def typical_audience_by_hour(
    db: Database, start: dt.datetime | None, end: dt.datetime | None
) -> dict[int, TypicalAudience]:
    """For each hour of the day with samples of people: the most common segment and its median group size.

    Only samples with signal and somebody there count; a tie between segments goes to the
    alphabetically first, so the answer does not depend on the order of the rows.
    """
    where, parameters = time_range("at", start, end)
    condition = " AND ".join(filter(None, [where.removeprefix(" WHERE "), "signal = 'ok'", "group_size > 0"]))
    rows = _query(
        db,
        f"SELECT {_HOUR.format(column='at')} AS hour, COALESCE(dominant_segment, 'unknown/unknown'), group_size, "
        f"COUNT(*) FROM audience_samples WHERE {condition} GROUP BY 1, 2, 3",
        parameters,
    )
    segments: dict[int, Counter] = defaultdict(Counter)
    sizes: dict[tuple[int, str], list[int]] = defaultdict(list)
    for hour, segment, group_size, samples in rows:
        segments[hour][segment] += samples
        sizes[hour, segment].extend([group_size] * samples)
    typical = {}
    for hour, counter in segments.items():
        segment = min(counter, key=lambda name: (-counter[name], name))
        typical[hour] = TypicalAudience(hour, segment, statistics.median_low(sizes[hour, segment]), counter.total())
    return typical


def last_sample_at(db: Database) -> dt.datetime | None:
    """When the latest audience sample was taken (None: no samples)."""
    ((at,),) = _query(db, "SELECT MAX(at) FROM audience_samples", [])
    return None if at is None else dt.datetime.fromisoformat(at)


def play_span(db: Database) -> tuple[dt.datetime, dt.datetime] | None:
    """When the first and the last logged plays started (None: nothing logged)."""
    ((first, last),) = _query(db, "SELECT MIN(started_at), MAX(started_at) FROM plays", [])
    return None if first is None else (dt.datetime.fromisoformat(first), dt.datetime.fromisoformat(last))


def write_csv(rows: Iterable[Sequence], columns: Sequence[str], stream: TextIO) -> int:
    """Write a header of `columns` and one CSV line per row to `stream`; returns the rows written.

    Open a file with `newline=""`. Seconds and shares keep their value as is; a dict (the
    shares of `audience_mix_by_hour`) is written as "teen/casual=0.500;(nobody)=0.500".
    """
    writer = csv.writer(stream)
    writer.writerow(columns)
    count = 0
    for row in rows:
        writer.writerow([_csv_cell(value) for value in row])
        count += 1
    return count


class PlayAttentionRow(NamedTuple):
    """How much the plays of one item, playlist or rule were seen, with the denominators.

    `plays_measured` are the plays with attention figures (the camera gave snapshots
    while they were on screen); the other figures are sums over those plays only, and
    the shares and means divide by them: a play nobody measured is not a play nobody saw.
    """

    name: str  # the item, playlist (or NOTHING_PLAYABLE) or rule (or DEFAULT_PLAYLIST / NOTHING_PLAYABLE)
    plays: int  # plays that started in the period
    plays_measured: int
    opportunities: int  # visitors present during a measured play, summed over plays
    viewers: int  # of those, faces toward the screen for at least 1 s during the play
    viewer_share: float | None  # viewers / opportunities (None: no opportunities)
    attention_s: float  # frontal seconds during the measured plays, summed over visitors
    attention_per_opportunity_s: float | None  # attention_s / opportunities
    dwell_s: float  # seconds visitors were present during the measured plays, summed
    dwell_per_opportunity_s: float | None  # dwell_s / opportunities


PLAY_ATTENTION_COLUMNS = PlayAttentionRow._fields
ATTENTION_GROUPINGS = ("item", "playlist", "rule")  # what `play_attention` can group by
ALL_PLAYS = "(all)"  # the name of `total_attention`'s row

_ATTENTION_GROUP_LABEL = {
    "item": "item",
    "playlist": f"COALESCE(playlist, '{NOTHING_PLAYABLE}')",
    "rule": _RULE_LABEL,
}


def play_attention(
    db: Database, start: dt.datetime | None, end: dt.datetime | None, by: str = "item"
) -> list[PlayAttentionRow]:
    """Attention per item, playlist or rule (`by`) of the plays that started in the period.

    The most seen first (opportunities, then plays). Plays still on screen, failed or
    without a camera count in `plays` but not in `plays_measured`.
    """
    if by not in _ATTENTION_GROUP_LABEL:
        raise ValueError(f"attention can be grouped by {', '.join(ATTENTION_GROUPINGS)}, not {by!r}")
    where, parameters = time_range("started_at", start, end)
    rows = _query(
        db,
        f"SELECT {_ATTENTION_GROUP_LABEL[by]} AS name, COUNT(*) AS plays, COUNT(opportunities), "
        "TOTAL(opportunities) AS seen, TOTAL(viewers), TOTAL(attention_total_s), TOTAL(dwell_total_s) "
        f"FROM plays{where} GROUP BY name ORDER BY seen DESC, plays DESC, name",
        parameters,
    )
    return [_attention_row(*row) for row in rows]


def total_attention(rows: Iterable[PlayAttentionRow]) -> PlayAttentionRow:
    """The sum of `play_attention`'s rows, named ALL_PLAYS (the shares recomputed, not averaged)."""
    rows = list(rows)
    return _attention_row(
        ALL_PLAYS,
        sum(row.plays for row in rows),
        sum(row.plays_measured for row in rows),
        sum(row.opportunities for row in rows),
        sum(row.viewers for row in rows),
        sum(row.attention_s for row in rows),
        sum(row.dwell_s for row in rows),
    )


def attention_summary(total: PlayAttentionRow, period: str) -> str:
    """`total_attention`'s row in plain words, in the reader's language: one sentence, also
    when nothing was measured. `period` names the time range ("from 2026-11-23 00:00 to
    2026-11-24 00:00").
    """
    if not total.plays:
        return tr("reports", "No plays {period}.", period=period)
    plays = tr("reports", "%n plays", n=total.plays)
    if not total.plays_measured:
        return tr(
            "reports", "No measured plays {period}: {plays}, none of them with audience snapshots (attention is "
            "measured only while the audience camera runs).", period=period, plays=plays,
        )
    share = "" if total.viewer_share is None else f" ({100 * total.viewer_share:.0f}%)"
    return tr(
        "reports", "{measured} of {plays} {period} measured: {opportunities} to see, {viewers}{share}; per "
        "opportunity {attention} of attention and {dwell} of dwell.",
        measured=total.plays_measured, plays=plays, period=period,
        opportunities=tr("reports", "%n opportunities", n=total.opportunities),
        viewers=tr("reports", "%n viewers", n=total.viewers), share=share,
        attention=_seconds_words(total.attention_per_opportunity_s),
        dwell=_seconds_words(total.dwell_per_opportunity_s),
    )


def attention_cells(row: PlayAttentionRow) -> tuple[str, ...]:
    """A row as a table shows it: counts, the share in %, seconds per opportunity to 0.1 s ('-': none)."""
    return (
        row.name, str(row.plays), str(row.plays_measured), str(row.opportunities), str(row.viewers),
        "-" if row.viewer_share is None else f"{100 * row.viewer_share:.0f}%",
        "-" if row.attention_per_opportunity_s is None else f"{row.attention_per_opportunity_s:.1f}",
        "-" if row.dwell_per_opportunity_s is None else f"{row.dwell_per_opportunity_s:.1f}",
    )


# --------------------------------------------------------------------------------------
# Internals


def _query(db: Database, sql: str, parameters: list) -> list[tuple]:
    with read_transaction(db) as connection:
        return connection.execute(sql, parameters).fetchall()


def _counted(plays: int, seconds: float) -> tuple[int, float]:
    # Milliseconds: a sum of microsecond differences has float noise in its last digits.
    return int(plays), round(float(seconds), 3)


def _csv_cell(value) -> str | int | float:
    if isinstance(value, Mapping):
        return ";".join(f"{key}={share:.3f}" for key, share in value.items())
    return value


def _attention_row(
    name: str, plays: int, measured: int, opportunities: float, viewers: float, attention_s: float, dwell_s: float
) -> PlayAttentionRow:
    opportunities, viewers = int(opportunities), int(viewers)

    def per_opportunity(value: float, digits: int) -> float | None:
        return round(value / opportunities, digits) if opportunities else None

    return PlayAttentionRow(
        name, int(plays), int(measured), opportunities, viewers, per_opportunity(viewers, 3),
        round(float(attention_s), 3), per_opportunity(attention_s, 3), round(float(dwell_s), 3),
        per_opportunity(dwell_s, 3),
    )


def _seconds_words(seconds: float | None) -> str:
    return "-" if seconds is None else tr("reports", "{seconds} s", seconds=f"{seconds:.1f}")
