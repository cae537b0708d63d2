"""Reports across stores: plays, minutes on screen, audience mix and rule hits, from the kiosks' telemetry.

The kiosk's own reports (`playlists.reports`) say what one store sees; these say the
same for many stores at once, with the same definitions, so a number means the same on
the console as on the kiosk PC:

- A play counts in the hour it *started*; its seconds on screen are those of
  `PlayRecord.shown_s`: 0 while it is still on screen (no `ended_at`), never negative,
  and an unfinished play at most its planned time.
- A play without a rule is the default playlist's (`DEFAULT_PLAYLIST`); one without a
  playlist is the player's built-in slide (`NOTHING_PLAYABLE`).
- A *playlist start* is a play whose previous play *on the same kiosk* (before the period
  too) came from another playlist or rule.
- An audience sample is labelled by its dominant segment ("teen/school_uniform"), or
  `NOBODY` / `NO_SIGNAL`, so the shares of an hour add up to 1.

**Times are the store's.** The kiosk sends naive local times and its UTC offset; a row
here is put in the store's own time zone (`stores.timezone`): UTC = local - offset, then
the store's zone. A kiosk whose clock runs in its store's zone gets the hours its own
reports show; one set to another zone is still counted in its store's hours, so stores
compare hour for hour. A date range is of the store's local dates, `to` included.

**SQL, one snapshot.** Every table is one GROUP BY in PostgreSQL over the chosen stores
(a group's, one store, or all), read in one REPEATABLE READ transaction so the tables
agree with each other while kiosks keep posting. The raw `started_at` / `at` columns
(indexed) bound the scan first with two days of margin (a kiosk's offset and a store's
zone are each at most 18 h from UTC); the exact range is then taken on the store's time.

**Rolled-up days and raw days.** A kiosk's closed days are summed once by the rollup
(signage/server/rollup.py: per kiosk, store-local day and hour; per day and rule label
with its playlist starts; per day, hour and segment): the report reads those rows for
each kiosk's days up to its watermark and before its first day that late telemetry
changed (`report_dirty_days`), and the raw rows for every later day, from that day's
store-local midnight in UTC plus the kiosk's smallest UTC offset (the previous play of a
kiosk is looked up in the raw rows when it falls before that). Both parts are in the
same snapshot and add up to exactly what the raw rows alone give;
tests/server/test_report_rollup.py checks that for random telemetry, late and resent
plays, before and after the rollup job.

Measured on this 2-core machine while others ran (load about 3): 20 stores, 1 M plays and
1 M audience samples over 7.5 days, from the raw rows alone: every store 7-8 s, 10 stores
3.4 s, two days of all stores 4 s, one store's day 0.2 s; the rule hits were half of it
(sorting each kiosk's plays by time for LAG), converting to the store's time most of the
rest (about 1.7 us a row). The whole chain's report of 28 days over 1 M plays (10,000
kiosks, 500 stores, benchmarks/console_bench.py) took 8.8 s from the raw rows; with the
rollup 2.8 s median through HTTP with the page (3.1 s the slowest) just before
yesterday closes (27 h of plays still raw), 2.4 s just after (minutes of them); one region
0.15-0.27 s, one store 0.06-0.07 s; the machine loaded by other work. What is left is in
two parts: the raw rows of the open days (LAG and the zone conversion as before), and
adding up the rollup rows (this benchmark has about one play per kiosk and hour, so
there are as many of them as plays; a real kiosk plays dozens an hour). A chain of 10-20 M plays a day still reads its open day
raw: rolling up closed hours as well is the next step if that is too slow.

`csv_text` writes any table as CSV (RFC 4180: a header, CRLF, quotes where needed), with
text cells that a spreadsheet would run as a formula (= + - @, tab, CR) made inert.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

import psycopg

from playlists.reports import (
    AUDIENCE_MIX_COLUMNS,
    DEFAULT_PLAYLIST,
    HOUR_PLAYS_COLUMNS,
    NO_SIGNAL,
    NOBODY,
    NOT_PEOPLE,
    NOTHING_PLAYABLE,
    RULE_HITS_COLUMNS,
    AudienceCell,
    HourPlays,
    RuleHits,
    dominant_by_weekday_hour,
    write_csv,
)
from signage.server.api_common import fetch_group, fetch_store
from signage.server.errors import ApiError
from signage.server.telemetry import MAX_UTC_OFFSET_S

log = logging.getLogger(__name__)

__all__ = [
    "TABLES",
    "GroupTotals",
    "MixShare",
    "Report",
    "ReportFilter",
    "ReportFilterError",
    "StoreTotals",
    "build_report",
    "check_table",
    "csv_filename",
    "csv_text",
    "parse_filter",
    "playlist_starts_sql",
    "report_json",
    "table",
]

WEEKDAY_LABELS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MARGIN = dt.timedelta(days=2)  # kiosk offset (<= 18 h) + store zone (<= 14 h), rounded up
_SORT_WORK_MEM = "64MB"  # for the report's queries only (SET LOCAL)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class StoreTotals(NamedTuple):
    """One store over the period."""

    store: str  # the store's code
    name: str
    timezone: str
    kiosks: int  # kiosks that reported a play or a sample in the period
    plays: int
    seconds: float  # on screen, to the millisecond
    samples: int  # audience samples
    samples_with_people: int  # of those, with camera signal and somebody there


class GroupTotals(NamedTuple):
    """One store group over the period (its chosen stores together)."""

    group: str
    stores: int
    plays: int
    seconds: float
    samples: int
    samples_with_people: int


class MixShare(NamedTuple):
    """The samples of one segment at one hour of the day (or one weekday), and their share of it."""

    at: int  # hour 0..23, or weekday 0 = Monday .. 6
    dominant_segment: str
    samples: int
    share: float  # of the hour's (weekday's) samples, 0..1


STORE_COLUMNS = StoreTotals._fields
GROUP_COLUMNS = GroupTotals._fields


@dataclass(frozen=True)
class ReportFilter:
    """Which stores and days: a group's stores, one store, or all; store-local dates [from_day, to_day]."""

    group: str | None = None
    store: str | None = None
    from_day: dt.date | None = None
    to_day: dt.date | None = None  # included
    group_id: int | None = None
    store_id: int | None = None

    def query(self) -> dict[str, str]:
        """The filter as query parameters (for links: the CSV of the same numbers)."""
        values = {"group": self.group, "store": self.store,
                  "from": self.from_day.isoformat() if self.from_day else None,
                  "to": self.to_day.isoformat() if self.to_day else None}
        return {key: value for key, value in values.items() if value}

    def describe(self) -> str:
        """'stores of group seoul, from 2026-03-02 to 2026-03-08' (for the page and logs)."""
        where = f"store {self.store}" if self.store else f"the stores of group {self.group}" if self.group else "every store"
        if self.from_day and self.to_day:
            when = f"from {self.from_day} to {self.to_day}"
        elif self.from_day:
            when = f"from {self.from_day} on"
        elif self.to_day:
            when = f"up to {self.to_day}"
        else:
            when = "over all the telemetry"
        return f"{where}, {when}"


class ReportFilterError(ApiError):
    """A filter value that is wrong: a 400 whose reason is one sentence, and the field it is about."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(400, "bad_request", reason, field=field)
        self.field = field  # group | store | from | to


async def parse_filter(db: psycopg.AsyncConnection, group: str | None, store: str | None,
                       from_text: str | None, to_text: str | None) -> ReportFilter:
    """The filter of a request's text values ('' is no filter); 400 with one sentence for a bad one.

    An unknown group or store, a date that is not YYYY-MM-DD, `from` after `to`, or a
    store outside the group chosen: each is a 400 whose reason says what to change.
    """
    group, store = (group or "").strip() or None, (store or "").strip() or None
    from_day, to_day = _day(from_text, "from"), _day(to_text, "to")
    if from_day and to_day and from_day > to_day:
        raise ReportFilterError("to", f"The From date {from_day} is after the To date {to_day}; swap them or pick other dates.")
    group_id = store_id = None
    for field, name in (("group", group), ("store", store)):
        if name is None:
            continue
        try:
            if field == "group":
                group_id = (await fetch_group(db, name))["group_id"]
            else:
                store_id = (await fetch_store(db, name))[0]
        except ApiError as error:  # 404 "no group 'x' (did you mean ...?)"; 400 for text PostgreSQL cannot hold
            raise ReportFilterError(field, f"{error.reason[0].upper()}{error.reason[1:]}; choose one from the list.") from None
    if group_id is not None and store_id is not None:
        inside = await (await db.execute(
            "SELECT 1 FROM group_stores WHERE group_id = %s AND store_id = %s", (group_id, store_id)
        )).fetchone()
        if inside is None:
            raise ReportFilterError("store", f"Store {store!r} is not in group {group!r}; choose one of its stores or all stores.")
    return ReportFilter(group, store, from_day, to_day, group_id, store_id)


def _day(text: str | None, field: str) -> dt.date | None:
    text = (text or "").strip()
    if not text:
        return None
    try:
        if len(text) == 10:  # YYYY-MM-DD only (fromisoformat also takes 20260331)
            return dt.date.fromisoformat(text)
    except ValueError:
        pass
    raise ReportFilterError(field, f"The {field.title()} date {text[:40]!r} is not a date like 2026-03-31; correct it or leave it empty.")


# --------------------------------------------------------------------------------------
# The report


@dataclass(frozen=True)
class Report:
    """Every table of one filter, read from one snapshot."""

    filter: ReportFilter
    stores: tuple[StoreTotals, ...]  # every chosen store, by code (those without telemetry too)
    groups: tuple[GroupTotals, ...]  # the chosen stores' groups, by name
    hours: tuple[HourPlays, ...]  # 24 rows, hours without plays as 0
    rules: tuple[RuleHits, ...]  # the most played first
    cells: tuple[AudienceCell, ...]  # samples by weekday, hour and segment

    @property
    def plays(self) -> int:
        """Plays of all the chosen stores."""
        return sum(row.plays for row in self.stores)

    @property
    def seconds(self) -> float:
        """Seconds on screen of all the chosen stores."""
        return round(sum(row.seconds for row in self.stores), 3)

    @property
    def samples(self) -> int:
        """Audience samples of all the chosen stores."""
        return sum(row.samples for row in self.stores)

    def mix_by_hour(self) -> tuple[MixShare, ...]:
        """The share of each segment among each hour's samples (`audience_mix_by_hour`, all days together)."""
        return _shares((cell.hour, cell.dominant_segment, cell.samples) for cell in self.cells)

    def mix_by_weekday(self) -> tuple[MixShare, ...]:
        """The share of each segment among each weekday's samples (all hours together)."""
        return _shares((cell.weekday, cell.dominant_segment, cell.samples) for cell in self.cells)

    def people_by_weekday_hour(self) -> dict[tuple[int, int], tuple[int, str]]:
        """(weekday, hour) -> (samples with people, the segment seen most there), for the heat-map."""
        people: dict[tuple[int, int], int] = defaultdict(int)
        for cell in self.cells:
            if cell.dominant_segment not in NOT_PEOPLE:
                people[cell.weekday, cell.hour] += cell.samples
        dominant = dominant_by_weekday_hour(self.cells)
        return {key: (people.get(key, 0), cell.dominant_segment) for key, cell in dominant.items()}


def _shares(rows: Iterable[tuple[int, str, int]]) -> tuple[MixShare, ...]:
    counts: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for at, segment, samples in rows:
        counts[at][segment] += samples
    result = []
    for at, by_segment in sorted(counts.items()):
        total = sum(by_segment.values())
        for segment, samples in sorted(by_segment.items(), key=lambda pair: (-pair[1], pair[0])):
            result.append(MixShare(at, segment, samples, samples / total))
    return tuple(result)


# Seconds on screen of one play, as PlayRecord.shown_s (see the module docstring).
# Both read a play or sample as `t` (the report and the rollup alike).
_RAW_SECONDS = "GREATEST(0.0, EXTRACT(EPOCH FROM t.ended_at - t.started_at)::float8)"
_SHOWN_SECONDS = f"""CASE WHEN t.ended_at IS NULL THEN 0.0
    WHEN t.outcome = 'unfinished' THEN LEAST({_RAW_SECONDS}, t.planned_s) ELSE {_RAW_SECONDS} END"""
# A kiosk's naive local time in its store's zone: to UTC by the kiosk's offset, then the
# store's zone ({zone}: the alias of the row that carries `timezone`).
_STORE_TIME = "((t.{column} - make_interval(secs => t.utc_offset_s)) AT TIME ZONE 'UTC') AT TIME ZONE {zone}.timezone"
# The labels the SQL gives plays without a rule or playlist and samples without people.
LABEL_PARAMETERS = {"default_playlist": DEFAULT_PLAYLIST, "nothing_playable": NOTHING_PLAYABLE, "no_signal": NO_SIGNAL,
                    "nobody": NOBODY}
_RULE_LABEL = ("CASE WHEN o.rule IS NOT NULL THEN o.rule WHEN o.playlist IS NULL THEN %(nothing_playable)s"
               " ELSE %(default_playlist)s END")
_ROLLED_DAYS = "r.day >= COALESCE(%(from_day)s::date, '-infinity') AND r.day <= COALESCE(%(to_day)s::date, 'infinity')"
_SEGMENT_LABEL = ("CASE WHEN signal <> 'ok' THEN %(no_signal)s WHEN group_size = 0 THEN %(nobody)s"
                  " ELSE COALESCE(dominant_segment, 'unknown/unknown') END")


def _scoped(filter: ReportFilter) -> tuple[str, dict]:
    """The CTEs of the chosen stores, their kiosks' rollup marks, their raw plays and samples, and their parameters."""
    chosen, bounds = ["true"], {"plays": ["true"], "samples": ["true"]}
    exact = ["true"]
    values: dict[str, object] = {}
    if filter.store_id is not None:
        chosen.append("s.store_id = %(store_id)s")
        values["store_id"] = filter.store_id
    if filter.group_id is not None:
        chosen.append("s.store_id IN (SELECT store_id FROM group_stores WHERE group_id = %(group_id)s)")
        values["group_id"] = filter.group_id
    if filter.from_day is not None:
        values["from"] = dt.datetime.combine(filter.from_day, dt.time())
        values["coarse_from"] = values["from"] - _MARGIN
        bounds["plays"].append("t.started_at >= %(coarse_from)s")
        bounds["samples"].append("t.at >= %(coarse_from)s")
        exact.append("local_at >= %(from)s")
    if filter.to_day is not None:
        values["until"] = dt.datetime.combine(filter.to_day + dt.timedelta(days=1), dt.time())
        values["coarse_until"] = values["until"] + _MARGIN
        bounds["plays"].append("t.started_at < %(coarse_until)s")
        bounds["samples"].append("t.at < %(coarse_until)s")
        exact.append("local_at < %(until)s")
    values.update(from_day=filter.from_day, to_day=filter.to_day)  # the rollup's days are store-local already
    # marks: each chosen kiosk's last day the rollup holds exactly (rollup.py): up to its
    # watermark and before its first dirty day, while its store keeps the zone rolled up
    # in; -infinity (all raw) otherwise. The raw rows of a kiosk are read from its first
    # day after that: its store-local midnight in UTC plus the kiosk's smallest offset.
    sql = f"""
    WITH chosen AS (
        SELECT s.store_id, s.code, s.name, s.timezone FROM stores s WHERE {' AND '.join(chosen)}
    ), marks AS NOT MATERIALIZED (
        SELECT k.kiosk_id, c.store_id, c.timezone, m.rolled_through,
               ((m.rolled_through + 1)::timestamp AT TIME ZONE c.timezone) AT TIME ZONE 'UTC'
                   + make_interval(secs => COALESCE(o.min_offset_s, {-MAX_UTC_OFFSET_S})) AS raw_from
        FROM kiosks k JOIN chosen c ON c.store_id = k.store_id
        LEFT JOIN report_watermarks w ON w.kiosk_id = k.kiosk_id
        LEFT JOIN report_kiosk_offsets o ON o.kiosk_id = k.kiosk_id
        LEFT JOIN (SELECT kiosk_id, min(day) AS day FROM report_dirty_days GROUP BY kiosk_id) d
             ON d.kiosk_id = k.kiosk_id,
        LATERAL (SELECT CASE WHEN w.timezone = c.timezone THEN LEAST(w.rolled_through, d.day - 1)
                 ELSE '-infinity'::date END AS rolled_through) m
    ), scoped_plays AS (
        SELECT c.store_id, t.kiosk_id, t.play_id, t.started_at, t.playlist, t.rule, c.rolled_through,
               {_STORE_TIME.format(column='started_at', zone='c')} AS local_at, {_SHOWN_SECONDS} AS shown_s
        FROM marks c JOIN plays t ON t.kiosk_id = c.kiosk_id AND t.started_at >= c.raw_from
        -- The earliest raw day of any chosen kiosk bounds the scan (plays_started_at): few
        -- kiosks are looked up one by one (plays_by_kiosk_time), many read in one range.
        WHERE t.started_at >= (SELECT min(raw_from) FROM marks) AND {' AND '.join(bounds['plays'])}
    ), samples_in AS (
        SELECT * FROM (
            SELECT c.store_id, t.kiosk_id, t.signal, t.group_size, t.dominant_segment, c.rolled_through,
                   {_STORE_TIME.format(column='at', zone='c')} AS local_at
            FROM marks c JOIN audience_samples t ON t.kiosk_id = c.kiosk_id AND t.at >= c.raw_from
            WHERE t.at >= (SELECT min(raw_from) FROM marks) AND {' AND '.join(bounds['samples'])}
        ) scoped WHERE {' AND '.join(exact)} AND local_at::date > rolled_through
    ), rolled_rules AS (
        SELECT r.* FROM marks c JOIN report_rule_days r ON r.kiosk_id = c.kiosk_id
        WHERE r.day <= c.rolled_through AND {_ROLLED_DAYS}
    )"""
    values.update(LABEL_PARAMETERS)
    return sql, values


# Each scan groups finely (a kiosk's plays by hour, its samples by weekday, hour and
# segment) and Python adds the groups up into the tables: one pass over the raw plays
# (grouping sets: by kiosk and hour, and by rule label with the starts) and one over the
# samples serve every table. With one query per table (the plays read three times, the
# samples twice) the report of 1 M plays and 1 M samples took 10.5 s instead of 8.
_STORES_SQL = """
    SELECT store_id, code, name, timezone FROM chosen ORDER BY code COLLATE "C"
"""

# A start: the kiosk's previous play came from another playlist or rule. LAG runs over the
# scan (contiguous per kiosk in its own order); the first play of a kiosk in the scan looks
# up the play before it (possibly before the period), as the kiosk's report does.
def playlist_starts_sql(scan: str, carried: str, where: str) -> str:
    """CTEs `ordered` and `hits` (a play's kiosk, local time, rule label, `started`) over CTE `scan`.

    `scan` holds a contiguous stretch of each kiosk's plays (kiosk_id, play_id, started_at,
    playlist, rule, local_at and the `carried` columns); `where` picks the hits counted
    (on `o.`). The report and the rollup (rollup.py) count starts with this one SQL.
    """
    return f"""
    , ordered AS (
        SELECT kiosk_id, play_id, started_at, playlist, rule, local_at, {carried},
               LAG(play_id) OVER run AS previous_id, LAG(playlist) OVER run AS previous_playlist,
               LAG(rule) OVER run AS previous_rule
        FROM {scan} WINDOW run AS (PARTITION BY kiosk_id ORDER BY started_at, play_id)
    ), hits AS (
        SELECT o.kiosk_id, o.local_at, {", ".join("o." + name.strip() for name in carried.split(","))},
               {_RULE_LABEL} AS label,
               CASE WHEN o.previous_id IS NOT NULL
                    THEN o.previous_playlist IS DISTINCT FROM o.playlist OR o.previous_rule IS DISTINCT FROM o.rule
                    ELSE before.play_id IS NULL OR before.playlist IS DISTINCT FROM o.playlist
                         OR before.rule IS DISTINCT FROM o.rule END AS started
        FROM ordered o LEFT JOIN LATERAL (
            SELECT q.play_id, q.playlist, q.rule FROM plays q
            WHERE o.previous_id IS NULL AND q.kiosk_id = o.kiosk_id
              AND (q.started_at, q.play_id) < (o.started_at, o.play_id)
            ORDER BY q.started_at DESC, q.play_id DESC LIMIT 1
        ) before ON true
        WHERE {where}
    )"""


# (store, kiosk, hour, NULL, plays, seconds, starts) rows and (NULL, NULL, NULL, label, plays, seconds, starts) rows.
_PLAYS_SQL = playlist_starts_sql(
    "scoped_plays", "store_id, rolled_through, shown_s", "{exact} AND o.local_at::date > o.rolled_through") + """
    SELECT store_id, kiosk_id, EXTRACT(HOUR FROM local_at)::int AS hour, label, COUNT(*),
           COALESCE(SUM(shown_s), 0.0), COUNT(*) FILTER (WHERE started)
    FROM hits GROUP BY GROUPING SETS ((store_id, kiosk_id, hour), (label))
    UNION ALL
    SELECT NULL, NULL, NULL, label, SUM(plays), 0.0, SUM(starts) FROM rolled_rules GROUP BY label
"""

_SAMPLES_SQL = f"""
    SELECT store_id, kiosk_id, (EXTRACT(ISODOW FROM local_at)::int - 1) AS weekday, EXTRACT(HOUR FROM local_at)::int AS hour,
           {_SEGMENT_LABEL} AS segment, COUNT(*) AS samples
    FROM samples_in GROUP BY store_id, kiosk_id, weekday, hour, segment
"""

# The rolled-up days: each table's rows summed per kiosk (its store's totals) and per hour
# (or weekday, hour and segment) in one pass; a month of a chain is a million rows or
# more here, which PostgreSQL adds up faster than Python could read them.
_ROLLED_PLAYS_SQL = f"""
    SELECT c.store_id, r.kiosk_id, r.hour, SUM(r.plays), SUM(r.seconds)
    FROM marks c JOIN report_play_hours r ON r.kiosk_id = c.kiosk_id
    WHERE r.day <= c.rolled_through AND {_ROLLED_DAYS}
    GROUP BY GROUPING SETS ((c.store_id, r.kiosk_id), (r.hour))
"""

_ROLLED_SAMPLES_SQL = f"""
    SELECT c.store_id, r.kiosk_id, r.weekday, r.hour, r.segment, SUM(r.samples),
           COALESCE(SUM(r.samples) FILTER (WHERE r.segment NOT IN (%(nobody)s, %(no_signal)s)), 0)
    FROM marks c JOIN report_audience_hours r ON r.kiosk_id = c.kiosk_id
    WHERE r.day <= c.rolled_through AND {_ROLLED_DAYS}
    GROUP BY GROUPING SETS ((c.store_id, r.kiosk_id), (r.weekday, r.hour, r.segment))
"""


async def build_report(db: psycopg.AsyncConnection, filter: ReportFilter) -> Report:
    """Every table of the report for `filter`, read in one REPEATABLE READ snapshot."""
    scoped, values = _scoped(filter)
    exact = " AND ".join(
        condition for condition, wanted in (("o.local_at >= %(from)s", "from"), ("o.local_at < %(until)s", "until"))
        if wanted in values
    ) or "true"
    async with db.transaction():
        await db.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        # The rule hits sort a kiosk's plays by time: in memory rather than on disk (4 MB by default).
        await db.execute(f"SET LOCAL work_mem = '{_SORT_WORK_MEM}'")
        # The LATERAL look-up makes the planner's cost high enough to JIT-compile the query:
        # 0.85 s of compiling per query, more than the whole query takes for a month of a store.
        await db.execute("SET LOCAL jit = off")
        store_rows = await (await db.execute(scoped + _STORES_SQL, values)).fetchall()
        play_rows = await (await db.execute(scoped + _PLAYS_SQL.format(exact=exact), values)).fetchall()
        sample_rows = await (await db.execute(scoped + _SAMPLES_SQL, values)).fetchall()
        rolled_play_rows = await (await db.execute(scoped + _ROLLED_PLAYS_SQL, values)).fetchall()
        rolled_sample_rows = await (await db.execute(scoped + _ROLLED_SAMPLES_SQL, values)).fetchall()
        store_ids = [row[0] for row in store_rows]
        membership = await (await db.execute(
            "SELECT g.name, gs.store_id FROM group_stores gs JOIN store_groups g USING (group_id)"
            " WHERE gs.store_id = ANY(%s) AND (%s::bigint IS NULL OR g.group_id = %s)",
            (store_ids, filter.group_id, filter.group_id),
        )).fetchall()
    kiosks: dict[int, set[int]] = defaultdict(set)
    play_totals: dict[int, list] = defaultdict(lambda: [0, 0.0])
    by_hour: dict[int, list] = defaultdict(lambda: [0, 0.0])
    rule_rows = []
    for store_id, kiosk_id, hour, label, count, seconds, starts in play_rows:
        if label is not None:  # a rule label's plays and starts
            rule_rows.append((label, count, starts))
            continue
        kiosks[store_id].add(kiosk_id)
        for totals in (play_totals[store_id], by_hour[hour]):
            totals[0] += count
            totals[1] += seconds
    for store_id, kiosk_id, hour, count, seconds in rolled_play_rows:
        if hour is None:  # a kiosk's sums (grouping set store, kiosk)
            kiosks[store_id].add(kiosk_id)
        totals = play_totals[store_id] if hour is None else by_hour[hour]
        totals[0] += count
        totals[1] += seconds
    samples: dict[int, list] = defaultdict(lambda: [0, 0])
    cells: dict[tuple[int, int, str], int] = defaultdict(int)
    for store_id, kiosk_id, weekday, hour, segment, count in sample_rows:
        kiosks[store_id].add(kiosk_id)
        samples[store_id][0] += count
        if segment not in NOT_PEOPLE:
            samples[store_id][1] += count
        cells[weekday, hour, segment] += count
    for store_id, kiosk_id, weekday, hour, segment, count, with_people in rolled_sample_rows:
        if segment is None:  # a kiosk's sums (grouping set store, kiosk)
            kiosks[store_id].add(kiosk_id)
            samples[store_id][0] += count
            samples[store_id][1] += with_people
        else:
            cells[weekday, hour, segment] += count
    stores = tuple(
        StoreTotals(code, name, zone, len(kiosks[store_id]), play_totals[store_id][0], round(play_totals[store_id][1], 3),
                    *samples[store_id])
        for store_id, code, name, zone in store_rows
    )
    report = Report(
        filter=filter,
        stores=stores,
        groups=_group_totals(membership, dict(zip(store_ids, stores, strict=True))),
        hours=tuple(HourPlays(hour, by_hour[hour][0], round(by_hour[hour][1], 3)) for hour in range(24)),
        rules=_rule_hits(rule_rows),
        # The kiosk's order: weekday, hour, the most sampled segment first, then by name.
        cells=tuple(AudienceCell(weekday, hour, segment, count) for (weekday, hour, segment), count
                    in sorted(cells.items(), key=lambda item: (item[0][0], item[0][1], -item[1], item[0][2]))),
    )
    log.debug("report for %s: %d plays, %d samples", filter.describe(), report.plays, report.samples)
    return report


def _rule_hits(rows: Iterable[tuple[str, int, int]]) -> tuple[RuleHits, ...]:
    """The raw and rolled-up rows of each label added up, the most played first, then by label (as COLLATE "C")."""
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for label, plays, starts in rows:
        totals[label][0] += int(plays)
        totals[label][1] += int(starts)
    # Python orders str by code point, as PostgreSQL's "C" collation orders UTF-8 bytes.
    return tuple(RuleHits(label, plays, starts)
                 for label, (plays, starts) in sorted(totals.items(), key=lambda item: (-item[1][0], item[0])))


def _group_totals(membership: Sequence[tuple[str, int]], stores: dict[int, StoreTotals]) -> tuple[GroupTotals, ...]:
    members: dict[str, list[StoreTotals]] = defaultdict(list)
    for group, store_id in membership:
        members[group].append(stores[store_id])
    return tuple(
        GroupTotals(group, len(rows), sum(r.plays for r in rows), round(sum(r.seconds for r in rows), 3),
                    sum(r.samples for r in rows), sum(r.samples_with_people for r in rows))
        for group, rows in sorted(members.items())
    )


# --------------------------------------------------------------------------------------
# Tables for CSV and JSON


def _hour_rows(report: Report) -> list[tuple]:
    return [(*row, round(row.seconds / 60, 3)) for row in report.hours]


def _heat_rows(report: Report) -> list[tuple]:
    cells = report.people_by_weekday_hour()
    return [(weekday, hour, *cells[weekday, hour]) for weekday, hour in sorted(cells)]


# name -> (columns, rows of a report): what the CSV links and the JSON API give.
TABLES: dict[str, tuple[tuple[str, ...], object]] = {
    "stores": ((*STORE_COLUMNS, "minutes"), lambda r: [(*row, round(row.seconds / 60, 3)) for row in r.stores]),
    "groups": ((*GROUP_COLUMNS, "minutes"), lambda r: [(*row, round(row.seconds / 60, 3)) for row in r.groups]),
    "hours": ((*HOUR_PLAYS_COLUMNS, "minutes"), _hour_rows),
    "rules": (RULE_HITS_COLUMNS, lambda r: list(r.rules)),
    "audience-by-hour": (("hour", "dominant_segment", "samples", "share"), lambda r: list(r.mix_by_hour())),
    "audience-by-weekday": (("weekday", "dominant_segment", "samples", "share"), lambda r: list(r.mix_by_weekday())),
    "audience-cells": (AUDIENCE_MIX_COLUMNS, lambda r: list(r.cells)),
    "people-by-weekday-hour": (("weekday", "hour", "samples_with_people", "dominant_segment"), _heat_rows),
}


def check_table(name: str) -> None:
    """404 naming the tables when `name` is not one of `TABLES`."""
    if name not in TABLES:
        raise ApiError(404, "not_found", f"There is no report table {name[:60]!r}; the tables are {', '.join(TABLES)}.")


def table(report: Report, name: str) -> tuple[tuple[str, ...], list[tuple]]:
    """(columns, rows) of one of `TABLES` (404 for another name)."""
    check_table(name)
    columns, rows = TABLES[name]
    return columns, rows(report)


def csv_filename(name: str, filter: ReportFilter) -> str:
    """'signage-hours-group-seoul-2026-03-02-to-2026-03-08.csv': what a download is saved as (ASCII, no quotes)."""
    parts = ["signage", name]
    if filter.group:
        parts += ["group", filter.group]
    if filter.store:
        parts += ["store", filter.store]
    if filter.from_day or filter.to_day:
        parts += [str(filter.from_day or "start"), "to", str(filter.to_day or "now")]
    text = "-".join(parts)
    return "".join(ch if ch.isascii() and (ch.isalnum() or ch in "-_.") else "_" for ch in text) + ".csv"


def csv_text(columns: Sequence[str], rows: Iterable[Sequence]) -> str:
    """The rows as CSV (RFC 4180, CRLF), text cells a spreadsheet would take for a formula prefixed with '."""
    stream = io.StringIO()
    write_csv(([_inert(value) for value in row] for row in rows), columns, stream)
    return stream.getvalue()


def _inert(value: object) -> object:
    # A cell like "=HYPERLINK(...)" or "@SUM(...)" runs in Excel and LibreOffice when the
    # file is opened; a leading apostrophe makes it text (OWASP's advice). Numbers stay
    # numbers: -3 is not text and is written as it is.
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def report_json(report: Report) -> dict:
    """The report as `GET /api/v1/reports` answers it: the filter, totals, and every table as rows of objects."""
    return {
        "filter": {**report.filter.query(), "times": "each store's own time zone; to is included"},
        "totals": {"plays": report.plays, "seconds": report.seconds, "samples": report.samples},
        **{name.replace("-", "_"): [dict(zip(columns, row, strict=True)) for row in rows(report)]
           for name, (columns, rows) in TABLES.items()},
    }
