"""The "Reports" tab: real widgets offscreen over a real proof-of-play log.

The fast tests log a few plays through `ProofOfPlay`; the slow one fills a fresh database
the way a store does, by a headless replay of a shared clip through the whole player.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCharts import QChart
from PySide6.QtCore import Qt

from foundation.db import open_database
from playlists import reports
from playlists.proof_of_play import AudienceSummary, PlayOutcome, ProofOfPlay
from signage.config import SignageConfig
from signage.editor.context import EditorContext
from signage.editor.reports_tab import EMPTY_TEXT, ReportsTab
from signage.player.app import PlayOptions, run_player
from signage.player.settings import PlayerSettings
from signage.player.trace import read_trace

MONDAY = dt.date(2026, 11, 23)
TUESDAY = dt.date(2026, 11, 24)
CLIP = "video/face_recognition_short_hamilton_clip.mp4"
REPLAY_START = dt.datetime(2026, 11, 23, 18, 5)  # as tests/signage/test_replay.py


def bars(chart: QChart) -> dict[str, list[float]]:
    """The values of each bar set of the chart's one series, by label."""
    (series,) = chart.series()
    return {bar_set.label(): [bar_set.at(i) for i in range(bar_set.count())] for bar_set in series.barSets()}


def categories(chart: QChart, orientation: Qt.Orientation = Qt.Orientation.Horizontal) -> list[str]:
    """The category axis labels (along x for vertical bars, along y for horizontal ones)."""
    return chart.axes(orientation)[0].categories()


def table_rows(table) -> list[list[str]]:
    return [[table.item(row, column).text() for column in range(table.columnCount())] for row in range(table.rowCount())]


def read_csv(path: Path) -> list[list[str]]:
    with open(path, newline="", encoding="utf-8") as stream:
        return list(csv.reader(stream))


def people(segment: str, group_size: int) -> AudienceSummary:
    """An audience of `group_size` people, mostly `segment`."""
    age, attire = segment.split("/")
    return AudienceSummary("ok", group_size, segment, 0.7, {age: group_size}, {attire: group_size})


def log_play(log: ProofOfPlay, start: dt.datetime, seconds: float, playlist: str, rule: str | None) -> None:
    play_id = log.item_started(
        started_at=start, playlist=playlist, item=f"{playlist}_item", kind="image", rule=rule, planned_s=8.0,
        reason="test", audience=people("adult/casual", 1),
    )
    log.item_ended(play_id, ended_at=start + dt.timedelta(seconds=seconds), outcome=PlayOutcome.PLAYED)


@pytest.fixture
def logged(editor_context) -> EditorContext:
    """The seeded database with a Monday morning and afternoon of plays and audience samples."""
    log = ProofOfPlay(editor_context.db)
    morning = dt.datetime(2026, 11, 23, 8, 0)
    log_play(log, morning, 8.0, "brand_loop", None)
    log_play(log, morning + dt.timedelta(seconds=8), 8.0, "commuter_finance", "commuters_morning")
    log_play(log, morning + dt.timedelta(seconds=16), 6.0, "commuter_finance", "commuters_morning")
    log_play(log, dt.datetime(2026, 11, 23, 16, 10), 8.0, "after_school_snacks", "students_after_school")
    log.record_audience(morning, people("adult/business", 1))
    log.record_audience(morning.replace(hour=16, minute=10), people("teen/school_uniform", 3))
    log.record_audience(morning.replace(hour=16, minute=11), people("teen/school_uniform", 2))
    log.record_audience(morning.replace(hour=16, minute=12), AudienceSummary("ok", 0, None, 0.0, {}, {}))
    return editor_context


@pytest.fixture
def tab(qtbot, logged) -> ReportsTab:
    """The tab with today on the Wednesday after the logged Monday (so the last 7 days hold it)."""
    widget = ReportsTab(logged, today=lambda: dt.date(2026, 11, 25))
    qtbot.addWidget(widget)
    return widget


def test_the_last_seven_days_by_default_with_a_chart_per_report(tab, logged):
    assert tab.period() == (dt.datetime(2026, 11, 19), dt.datetime(2026, 11, 26))
    assert tab.pages.currentWidget() is tab.report_page
    assert tab.summary_label.text() == (
        "From Thu 2026-11-19 to Wed 2026-11-25: 4 plays, 30 s on screen. The camera logged 4 audience samples."
    )
    hourly = bars(tab.hour_chart)["Items shown"]
    assert len(hourly) == 24 and hourly[8] == 3.0 and hourly[16] == 1.0 and sum(hourly) == 4.0
    # Horizontal bars draw the first category at the bottom: the most played is last.
    assert categories(tab.playlist_plays_chart, Qt.Orientation.Vertical)[-1] == "commuter_finance"
    assert bars(tab.playlist_plays_chart)["Items shown"][-1] == 2.0
    assert bars(tab.playlist_time_chart)["Minutes on screen"][-1] == pytest.approx(14.0 / 60.0)
    mix = bars(tab.mix_chart)
    assert categories(tab.mix_chart) == ["08", "16"]
    # Segments in words, in the legend and the weekday table (hours down, weekdays across).
    assert mix["teens in school uniform"] == pytest.approx([0.0, 200.0 / 3.0])
    assert mix["adults in business suits"] == [100.0, 0.0]
    assert tab.weekday_table.item(16, 0).text() == "teens in school uniform"  # Monday, 16:00
    assert tab.weekday_table.item(16, 0).toolTip() == (
        "Monday 16:00-16:59: teens in school uniform in 2 of 3 audience samples"
    )
    assert tab.weekday_table.horizontalHeaderItem(0).text() == "Monday" and tab.weekday_table.item(0, 16) is None
    assert table_rows(tab.rule_table) == [
        ["commuters_morning", "2", "1"], ["(default playlist)", "1", "1"], ["students_after_school", "1", "1"],
    ]
    assert tab.TITLE == "Reports" and tab.has_unsaved_changes() is False


def test_a_period_without_plays_says_so(tab):
    tab.set_range(dt.date(2026, 12, 1), dt.date(2026, 12, 8))
    assert tab.pages.currentWidget() is tab.empty_label
    assert tab.empty_label.text() == EMPTY_TEXT == (
        "No plays logged in this period. The player logs every item it shows."
    )
    tab.set_range(MONDAY, TUESDAY)
    assert tab.pages.currentWidget() is tab.report_page


def test_the_dates_pick_the_period_and_from_the_first_play_reaches_back(tab, qtbot):
    tab.to_edit.setDate(tab.to_edit.date().addDays(-5))  # through Thursday 2026-11-20: before the plays
    assert tab.pages.currentWidget() is tab.empty_label
    qtbot.mouseClick(tab.first_play_button, Qt.MouseButton.LeftButton)
    assert tab.period() == (dt.datetime(2026, 11, 23), dt.datetime(2026, 11, 26))
    assert tab.pages.currentWidget() is tab.report_page
    tab.from_edit.setDate(tab.from_edit.date().addDays(10))  # the last day follows the first
    assert tab.period()[0] == tab.period()[1] - dt.timedelta(days=1) == dt.datetime(2026, 12, 3)


@pytest.mark.parametrize("name", ["plays_per_hour", "plays_per_playlist", "audience_mix_by_hour", "audience_mix",
                                  "rule_hits"])
def test_every_report_exports_the_rows_it_shows(tab, logged, tmp_path, monkeypatch, qtbot, name):
    asked = []
    target = tmp_path / "export.csv"
    monkeypatch.setattr(tab, "choose_csv_path", lambda suggested: asked.append(suggested) or target)
    qtbot.mouseClick(tab.export_buttons[name], Qt.MouseButton.LeftButton)
    assert asked == [f"{name}_2026-11-19_to_2026-11-25.csv"]
    start, end = tab.period()
    rows = getattr(reports, name)(logged.db, start, end)
    lines = read_csv(target)
    assert len(lines) == 1 + len(rows) > 1
    assert lines[0] == list(rows[0]._fields)
    assert f"Exported {len(rows)} row" in tab.status_label.text()


def test_a_cancelled_or_failed_export_writes_nothing(tab, tmp_path, monkeypatch):
    monkeypatch.setattr(tab, "choose_csv_path", lambda suggested: None)
    assert tab.export_csv("rule_hits") is None
    monkeypatch.setattr(tab, "choose_csv_path", lambda suggested: tmp_path / "no-such-folder" / "x.csv")
    assert tab.export_csv("rule_hits") is None
    assert tab.status_label.text().startswith("Could not export")


# ------------------------------------------------------------------ a real replay


@pytest.fixture(scope="module")
def replayed(qapp, shared_data, tmp_path_factory) -> tuple[Path, list[dict]]:
    """A fresh database filled by a headless replay of the shared clip, and the run's trace.

    A replay logs into its own proof of play; here it is asked to use the same file
    (`proof_db`), as a test bench replaying a day for the reports would.
    """
    folder = tmp_path_factory.mktemp("replay")
    options = PlayOptions(
        db_path=folder / "signage.db", video=shared_data / CLIP, start=REPLAY_START, trace=folder / "trace.jsonl",
        headless=True, seed_media_dir=folder / "media", proof_db=folder / "signage.db",
    )
    run_player(options, SignageConfig(player=PlayerSettings(camera="none", fullscreen=False)))
    return folder / "signage.db", read_trace(folder / "trace.jsonl")


@pytest.mark.slow
def test_the_reports_of_a_replayed_clip(qtbot, replayed, tmp_path, monkeypatch):
    db_path, trace = replayed
    context = EditorContext(open_database(db_path), author="tester")
    try:
        tab = ReportsTab(context, today=lambda: dt.date(2026, 12, 31))
        qtbot.addWidget(tab)
        tab.set_range(MONDAY, TUESDAY)
        start, end = tab.period()
        records = ProofOfPlay(context.db).plays(start, end)
        assert records, "the replay logged no plays"
        assert tab.pages.currentWidget() is tab.report_page

        # Plays per hour: the chart, the report and the log agree.
        per_hour = reports.plays_per_hour(context.db, start, end)
        assert bars(tab.hour_chart)["Items shown"] == [float(row.plays) for row in per_hour]
        assert per_hour[18].plays == len(records) == sum(row.plays for row in per_hour)
        assert per_hour[18].seconds == pytest.approx(sum(r.shown_s or 0.0 for r in records), abs=1e-3)

        # Per playlist: the same counts as the log, most played on top.
        per_playlist = reports.plays_per_playlist(context.db, start, end)
        by_playlist = {row.playlist: row.plays for row in per_playlist}
        assert by_playlist == {p: sum(1 for r in records if r.playlist == p) for p in {r.playlist for r in records}}
        assert bars(tab.playlist_plays_chart)["Items shown"] == [float(row.plays) for row in reversed(per_playlist)]
        assert categories(tab.playlist_plays_chart, Qt.Orientation.Vertical) == [
            row.playlist for row in reversed(per_playlist)
        ]

        # The rules in the trace are the rules in the table.
        traced = {line["rule"] or "(default playlist)" for line in trace if line["type"] == "play"}
        assert {row[0] for row in table_rows(tab.rule_table)} == traced
        hits = reports.rule_hits(context.db, start, end)
        assert table_rows(tab.rule_table) == [[row.rule, str(row.plays), str(row.starts)] for row in hits]

        # The audience samples the player took while it ran.
        samples = ProofOfPlay(context.db).audience_samples(start, end)
        assert samples and sum(cell.samples for cell in reports.audience_mix(context.db, start, end)) == len(samples)
        assert categories(tab.mix_chart) == ["18"]

        target = tmp_path / "rule_hits.csv"
        monkeypatch.setattr(tab, "choose_csv_path", lambda suggested: target)
        tab.export_csv("rule_hits")
        assert read_csv(target) == [["rule", "plays", "starts"]] + [[r.rule, str(r.plays), str(r.starts)] for r in hits]

        tab.set_range(dt.date(2026, 11, 24), dt.date(2026, 11, 25))
        assert tab.pages.currentWidget() is tab.empty_label
    finally:
        context.db.close()
