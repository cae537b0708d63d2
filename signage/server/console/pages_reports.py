"""The console's reports: plays, minutes, audience mix and rule hits across stores, with charts and CSV.

- `GET /reports?group&store&from&to` (viewer): every table of `signage.server.reports`
  for the filter (a GET form, so a report is a link to share), each with a chart drawn
  on the server as inline SVG (bars, stacked shares, a weekday x hour heat-map). Every
  chart has a `<title>` and `<desc>`, every bar its own `<title>`, and the same numbers
  follow in a table: a screen reader reads the table, a phone scrolls it.
- `GET /reports/{table}.csv?...` (viewer): one table as CSV with the same filter (the
  links under each table carry it), formula-looking text made inert.

A bad filter (an unknown group or store, a date like 2026-13-40) is a 400 page with the
form kept and one sentence next to the field. Times are each store's own time zone.
"""

from __future__ import annotations

import math
import urllib.parse
from dataclasses import dataclass, field

import psycopg
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from playlists.reports import NO_SIGNAL, NOBODY
from signage.server import reports, routes_reports
from signage.server.console.web import page_person, render, tr, tr_noop
from signage.server.console.words import segment_key_words, weekday_words
from signage.server.deps import Person, connection
from signage.server.reports import (
    WEEKDAY_LABELS,
    Report,
    ReportFilter,
    ReportFilterError,
)

__all__ = ["Chart", "router"]

router = APIRouter()

# Segment colours (colour-blind-safe Okabe-Ito order); "nobody" and "no signal" are greys.
_PALETTE = ("#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#8c6bb1")
_GREYS = {NOBODY: "#c9ced6", NO_SIGNAL: "#7d8591"}
_OTHER = "(other segments)"
# The report's own segments (not an audience key), in words where shown.
_SPECIAL_SEGMENTS = {
    NOBODY: tr_noop("console.reports", "nobody there"),
    NO_SIGNAL: tr_noop("console.reports", "no camera signal"),
    _OTHER: tr_noop("console.reports", "other audiences"),
}


def segment_text(segment: str | None) -> str:
    """A dominant segment as people read it: 'teens in school uniform', 'nobody there' ('' for none)."""
    if not segment:
        return ""
    if segment in _SPECIAL_SEGMENTS:
        return tr("console.reports", _SPECIAL_SEGMENTS[segment])
    return segment_key_words(segment)


def where_text(filter: ReportFilter) -> str:
    """'the stores of group seoul, from 2026-03-02 to 2026-03-08' (as ReportFilter.describe, in the request's language)."""
    if filter.store:
        where = tr("console.reports", "store {store}", store=filter.store)
    elif filter.group:
        where = tr("console.reports", "the stores of group {group}", group=filter.group)
    else:
        where = tr("console.reports", "every store")
    if filter.from_day and filter.to_day:
        return tr("console.reports", "{where}, from {start} to {end}", where=where, start=filter.from_day, end=filter.to_day)
    if filter.from_day:
        return tr("console.reports", "{where}, from {start} on", where=where, start=filter.from_day)
    if filter.to_day:
        return tr("console.reports", "{where}, up to {end}", where=where, end=filter.to_day)
    return tr("console.reports", "{where}, over all the telemetry", where=where)
_MAX_SEGMENTS = len(_PALETTE)  # a legend longer than this is noise: the rest are "other"
_MAX_RULE_BARS = 15


# ---- charts: geometry here, markup in templates/report_charts.html ------------------------------


@dataclass(frozen=True)
class Shape:
    """A rectangle of a chart, with its own tooltip (`<title>`)."""

    x: float
    y: float
    width: float
    height: float
    title: str
    fill: str = "#1f5fbf"


@dataclass(frozen=True)
class Label:
    """A text of a chart (an axis tick, a bar's name)."""

    x: float
    y: float
    text: str
    anchor: str = "middle"  # start | middle | end
    css: str = "tick"


@dataclass
class Chart:
    """An SVG chart: its size in user units (it scales to the page), what it shows in words, its parts."""

    id: str
    title: str
    desc: str
    width: int
    height: int
    shapes: list[Shape] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)
    lines: list[tuple[float, float, float, float]] = field(default_factory=list)  # gridlines x1, y1, x2, y2
    legend: list[tuple[str, str]] = field(default_factory=list)  # (colour, text)
    kind: str = "columns"  # columns | bars | heat: how the page lays it out on a phone (reports.css)


def nice_step(value: float, steps: int = 4) -> float:
    """A gridline step so that `steps` of it reach `value`: 1, 2, 2.5 or 5 times a power of ten (1 for 0)."""
    if value <= 0:
        return 1.0
    wanted = value / steps
    power = 10 ** math.floor(math.log10(wanted))
    return next(step * power for step in (1, 2, 2.5, 5, 10) if step * power >= wanted * (1 - 1e-9))


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def bar_chart(chart_id: str, title: str, desc: str, bars: list[tuple[str, float, str]], *,
              width: int = 900, height: int = 260) -> Chart:
    """Vertical bars, one per (label, value, tooltip), with 4 gridlines and their values."""
    left, right, top, bottom = 72, 8, 12, 34  # room for the ticks' larger text on a phone
    chart = Chart(chart_id, title, desc, width, height)
    step_value = nice_step(max((value for _, value, _ in bars), default=0))
    if all(float(value).is_integer() for _, value, _ in bars):
        step_value = max(1.0, math.ceil(step_value))  # counts: whole gridlines
    top_value = step_value * 4
    plot_h, plot_w = height - top - bottom, width - left - right
    for step in range(5):
        value = step_value * step
        y = top + plot_h - plot_h * step / 4
        chart.lines.append((left, y, width - right, y))
        chart.labels.append(Label(left - 6, y + 4, _number(value), "end"))
    slot = plot_w / max(len(bars), 1)
    for index, (label, value, tooltip) in enumerate(bars):
        bar_h = plot_h * value / top_value
        x = left + index * slot
        chart.shapes.append(Shape(round(x + slot * 0.12, 2), round(top + plot_h - bar_h, 2), round(slot * 0.76, 2),
                                  round(bar_h, 2), tooltip))
        if label:
            chart.labels.append(Label(round(x + slot / 2, 2), height - 10, label))
    return chart


def horizontal_bar_chart(chart_id: str, title: str, desc: str, bars: list[tuple[str, float, str]], *,
                         width: int = 900) -> Chart:
    """One horizontal bar per (label, value, tooltip): for names too long to stand under a bar."""
    row_h, left, right, top = 26, 260, 70, 6
    chart = Chart(chart_id, title, desc, width, top * 2 + row_h * max(len(bars), 1), kind="bars")
    top_value = max((value for _, value, _ in bars), default=0) or 1.0
    plot_w = width - left - right
    for index, (label, value, tooltip) in enumerate(bars):
        y = top + index * row_h
        bar_w = plot_w * value / top_value
        chart.shapes.append(Shape(left, y + 4, round(bar_w, 2), row_h - 8, tooltip))
        short = label if len(label) <= 34 else label[:33] + "…"
        chart.labels.append(Label(left - 8, y + row_h / 2 + 5, short, "end", "name"))
        chart.labels.append(Label(round(left + bar_w + 6, 2), y + row_h / 2 + 5, _number(value), "start"))
    return chart


def segment_colours(shares: tuple[reports.MixShare, ...]) -> dict[str, str]:
    """A colour for each of the most sampled segments (people first), greys for nobody / no signal."""
    totals: dict[str, int] = {}
    for row in shares:
        totals[row.dominant_segment] = totals.get(row.dominant_segment, 0) + row.samples
    people = sorted((s for s in totals if s not in _GREYS), key=lambda s: (-totals[s], s))
    colours = {segment: _PALETTE[index] for index, segment in enumerate(people[:_MAX_SEGMENTS - 1])}
    if len(people) > _MAX_SEGMENTS - 1:
        colours[_OTHER] = _PALETTE[-1]
    colours.update({segment: colour for segment, colour in _GREYS.items() if segment in totals})
    return colours


def stacked_share_chart(chart_id: str, title: str, desc: str, shares: tuple[reports.MixShare, ...],
                        slots: list[tuple[int, str]], *, width: int = 900, height: int = 260,
                        every_other_label: bool = False) -> Chart:
    """One 100% bar per slot (hour or weekday), split by segment share; a legend of the colours."""
    left, right, top, bottom = 64, 8, 12, 34
    chart = Chart(chart_id, title, desc, width, height)
    colours = segment_colours(shares)
    plot_h, plot_w = height - top - bottom, width - left - right
    for step in range(5):
        y = top + plot_h - plot_h * step / 4
        chart.lines.append((left, y, width - right, y))
        chart.labels.append(Label(left - 6, y + 4, f"{step * 25}%", "end"))
    by_slot: dict[int, list[reports.MixShare]] = {}
    for row in shares:
        by_slot.setdefault(row.at, []).append(row)
    slot_w = plot_w / max(len(slots), 1)
    for index, (at, label) in enumerate(slots):
        x = left + index * slot_w
        if not (every_other_label and index % 2):
            chart.labels.append(Label(round(x + slot_w / 2, 2), height - 10, label))
        rows = by_slot.get(at, [])
        total = sum(row.samples for row in rows)
        merged: dict[str, int] = {}
        for row in rows:
            key = row.dominant_segment if row.dominant_segment in colours else _OTHER
            merged[key] = merged.get(key, 0) + row.samples
        y = top + plot_h
        for segment in colours:  # the legend's order, bottom up
            samples = merged.get(segment, 0)
            if not samples:
                continue
            part = plot_h * samples / total
            y -= part
            chart.shapes.append(Shape(round(x + slot_w * 0.1, 2), round(y, 2), round(slot_w * 0.8, 2), round(part, 2),
                                      tr("console.reports", "{slot}: {segment} {share} ({samples} of {total} samples)",
                                         slot=label, segment=segment_text(segment), share=f"{samples / total:.0%}",
                                         samples=f"{samples:,}", total=f"{total:,}"),
                                      colours[segment]))
    chart.legend = [(colour, segment_text(segment)) for segment, colour in colours.items()]
    return chart


def heat_map(chart_id: str, title: str, desc: str, cells: dict[tuple[int, int], tuple[int, str]], *,
             width: int = 900) -> Chart:
    """Weekdays down, hours across; a cell's shade is its samples with people (white: none)."""
    left, top, cell_h = 60, 28, 30
    cell_w = (width - left - 4) / 24
    chart = Chart(chart_id, title, desc, width, top + cell_h * 7 + 4, kind="heat")
    most = max((people for people, _ in cells.values()), default=0)
    for hour in range(0, 24, 2):
        chart.labels.append(Label(round(left + hour * cell_w + cell_w / 2, 2), 20, f"{hour:02d}"))
    for weekday in range(len(WEEKDAY_LABELS)):
        name = weekday_words(weekday)
        y = top + weekday * cell_h
        chart.labels.append(Label(left - 6, y + cell_h / 2 + 5, name, "end"))
        for hour in range(24):
            people, segment = cells.get((weekday, hour), (0, ""))
            shade = people / most if most else 0.0
            slot = f"{name} {hour:02d}:00"
            if people:
                text = tr("console.reports", "{slot}: {count} samples with people, mostly {segment}", slot=slot,
                          count=f"{people:,}", segment=segment_text(segment))
            elif segment:
                text = tr("console.reports", "{slot}: nobody seen ({segment})", slot=slot, segment=segment_text(segment))
            else:
                text = tr("console.reports", "{slot}: nobody seen (no samples)", slot=slot)
            chart.shapes.append(Shape(round(left + hour * cell_w + 1, 2), y + 1, round(cell_w - 2, 2), cell_h - 2, text,
                                      _blend(shade)))
    return chart


def _blend(share: float) -> str:
    """From near-white (#f4f6f9) to the console's deep blue (#17324d) as `share` goes 0 -> 1."""
    low, high = (0xF4, 0xF6, 0xF9), (0x17, 0x32, 0x4D)
    return "#" + "".join(f"{round(a + (b - a) * share):02x}" for a, b in zip(low, high, strict=True))


# ---- the page -------------------------------------------------------------------------------------


def _minutes(seconds: float) -> str:
    return f"{seconds / 60:,.1f}"


def charts(report: Report) -> dict[str, Chart]:
    """The page's charts, by section."""
    where = where_text(report.filter)
    hours = bar_chart(
        "chart-hours", tr("console.reports", "Plays by hour of day"),
        tr("console.reports", "Plays that started in each hour, {where}.", where=where),
        # Every second hour under the bars: 24 labels do not fit a phone; the tooltips say each.
        [(f"{row.hour:02d}" if row.hour % 2 == 0 else "", row.plays,
          tr("console.reports", "{slot}: {plays} plays, {minutes} minutes on screen",
             slot=f"{row.hour:02d}:00-{row.hour:02d}:59", plays=f"{row.plays:,}", minutes=_minutes(row.seconds)))
         for row in report.hours],
    )
    rules = horizontal_bar_chart(
        "chart-rules", tr("console.reports", "Rule hits"), tr("console.reports", "Items each rule put on screen, {where}.",
                                                               where=where),
        [(row.rule, row.plays, tr("console.reports", "{rule}: {plays} plays, {starts} starts", rule=row.rule,
                                  plays=f"{row.plays:,}", starts=f"{row.starts:,}"))
         for row in report.rules[:_MAX_RULE_BARS]],
    )
    stores = horizontal_bar_chart(
        "chart-stores", tr("console.reports", "Minutes on screen per store"),
        tr("console.reports", "Minutes on screen in each store, {where}.", where=where),
        [(f"{row.store} ({row.name})" if row.name != row.store else row.store, round(row.seconds / 60, 1),
          tr("console.reports", "{store}: {plays} plays, {minutes} minutes", store=row.store, plays=f"{row.plays:,}",
             minutes=_minutes(row.seconds))) for row in report.stores if row.plays],
    )
    by_hour = stacked_share_chart(
        "chart-audience-hour", tr("console.reports", "Audience mix by hour of day"),
        tr("console.reports", "Who was in front of the screens in each hour, {where}.", where=where),
        report.mix_by_hour(), [(hour, f"{hour:02d}") for hour in range(24)], every_other_label=True,
    )
    by_weekday = stacked_share_chart(
        "chart-audience-weekday", tr("console.reports", "Audience mix by weekday"),
        tr("console.reports", "Who was in front of the screens on each weekday, {where}.", where=where),
        report.mix_by_weekday(), [(day, weekday_words(day)) for day in range(len(WEEKDAY_LABELS))], height=240,
    )
    heat = heat_map(
        "chart-heat", tr("console.reports", "Samples with people by weekday and hour"),
        tr("console.reports", "How often somebody was in front of the screens, by weekday and hour, {where}; darker is more.",
           where=where),
        report.people_by_weekday_hour(),
    )
    return {"hours": hours, "rules": rules, "stores": stores, "audience_hour": by_hour,
            "audience_weekday": by_weekday, "heat": heat}


async def _choices(db: psycopg.AsyncConnection) -> tuple[list[str], list[dict]]:
    """Every group's name, and every store with the groups it is in (the form's lists)."""
    groups = [row[0] for row in await (await db.execute("SELECT name FROM store_groups ORDER BY name")).fetchall()]
    stores = await (await db.execute(
        "SELECT s.code, s.name, s.timezone, coalesce(array_agg(g.name ORDER BY g.name) FILTER (WHERE g.name IS NOT NULL),"
        " '{}') FROM stores s LEFT JOIN group_stores gs USING (store_id) LEFT JOIN store_groups g USING (group_id)"
        " GROUP BY s.store_id ORDER BY s.code"
    )).fetchall()
    return groups, [{"code": code, "name": name, "timezone": zone, "groups": list(member)}
                    for code, name, zone, member in stores]


def csv_links(filter: ReportFilter) -> dict[str, str]:
    """The CSV download of every table, with the page's filter."""
    query = urllib.parse.urlencode(filter.query())
    return {name: f"/reports/{name}.csv" + (f"?{query}" if query else "") for name in reports.TABLES}


@router.get("/reports")
async def reports_page(request: Request, group: str | None = None, store: str | None = None,
                       from_: str | None = Query(None, alias="from"), to: str | None = None,
                       person: Person = Depends(page_person("viewer")),
                       db: psycopg.AsyncConnection = Depends(connection)) -> Response:
    """The reports of the filter, or the form with the problem (400) when a filter value is wrong."""
    groups, stores = await _choices(db)
    asked = {"group": group or "", "store": store or "", "from": from_ or "", "to": to or ""}
    try:
        filter = await reports.parse_filter(db, group, store, from_, to)
    except ReportFilterError as error:
        return render(request, "reports.html", person, status_code=error.status, asked=asked, groups=groups,
                      stores=stores, problem=error.reason, problem_field=error.field, report=None)
    report = await reports.build_report(db, filter)
    hour_mix, weekday_mix = report.mix_by_hour(), report.mix_by_weekday()
    return render(request, "reports.html", person, asked=asked, groups=groups, stores=stores, problem=None,
                  problem_field=None, report=report, charts=charts(report), csv=csv_links(filter),
                  hour_mix=hour_mix, weekday_mix=weekday_mix, heat_rows=reports.table(report, "people-by-weekday-hour")[1],
                  weekdays=[weekday_words(day) for day in range(len(WEEKDAY_LABELS))], minutes=_minutes,
                  where=where_text(filter), segment_text=segment_text)


@router.get("/reports/{name}.csv")
async def report_csv(name: str, group: str | None = None, store: str | None = None,
                     from_: str | None = Query(None, alias="from"), to: str | None = None, person: Person = Depends(page_person("viewer")),
                     db: psycopg.AsyncConnection = Depends(connection)) -> Response:
    """One table of the report as CSV, with the page's filter (a bad one: the 400 page)."""
    return await routes_reports.report_csv(name, group, store, from_, to, person, db)
