"""The "Reports" tab's attention table: real widgets offscreen over a real proof-of-play log."""

from __future__ import annotations

import datetime as dt

import pytest

from playlists import reports
from signage.editor.reports_tab import ReportsTab
from tests.playlists.test_attention import log_attention_plays
from tests.signage.editor.test_reports_tab import MONDAY, TUESDAY, read_csv, table_rows


@pytest.fixture
def tab(qtbot, editor_context) -> ReportsTab:
    """The tab over Monday's plays of `ATTENTION_PLAYS`, today the Wednesday after."""
    log_attention_plays(editor_context.db)
    widget = ReportsTab(editor_context, today=lambda: dt.date(2026, 11, 25))
    qtbot.addWidget(widget)
    return widget


def test_attention_by_rule_by_default_with_its_denominators_and_the_totals(tab):
    assert tab.attention_group() == "rule"
    headers = [tab.attention_table.horizontalHeaderItem(c).text() for c in range(tab.attention_table.columnCount())]
    assert headers == [
        "Rule", "Plays", "Measured", "Opportunities", "Viewers", "Viewer share", "Attention (s)", "Dwell (s)",
    ]
    # Every column says in a tooltip what it counts.
    tips = [tab.attention_table.horizontalHeaderItem(c).toolTip() for c in range(tab.attention_table.columnCount())]
    assert all(tips) and "camera was running" in tips[2] and "at least 1 second" in tips[4]
    # The last 7 days include Tuesday's play still on screen: a play, not measured
    assert table_rows(tab.attention_table) == [
        ["students_after_school", "4", "2", "4", "2", "50%", "1.4", "4.0"],
        [reports.NOTHING_PLAYABLE, "1", "1", "2", "1", "50%", "0.8", "3.0"],
        [reports.DEFAULT_PLAYLIST, "1", "1", "0", "0", "-", "-", "-"],
        ["(all)", "6", "4", "6", "3", "50%", "1.2", "3.7"],
    ]
    assert tab.attention_label.text() == (
        "4 of 6 plays from Thu 2026-11-19 to Wed 2026-11-25 were measured. Opportunities to see: 6; viewers: 3 "
        "(50%). Per opportunity, 1.2 s of attention and 3.7 s of dwell."
    )


def test_grouping_by_item_or_playlist_reads_the_log_again(tab):
    tab.attention_group_box.setCurrentIndex(tab.attention_group_box.findData("item"))
    assert tab.attention_table.horizontalHeaderItem(0).text() == "Ad"
    assert [row[:3] for row in table_rows(tab.attention_table)] == [
        ["snacks_chips", "3", "2"], ["fallback", "1", "1"], ["brand_welcome", "1", "1"], ["snacks_candy", "1", "0"],
        ["(all)", "6", "4"],
    ]
    tab.attention_group_box.setCurrentIndex(tab.attention_group_box.findData("playlist"))
    assert [row[0] for row in table_rows(tab.attention_table)] == ["snacks", reports.NOTHING_PLAYABLE, "brand", "(all)"]


def test_a_period_without_measured_plays_says_so_in_a_sentence(tab):
    tab.set_range(TUESDAY, TUESDAY + dt.timedelta(days=1))
    assert tab.pages.currentWidget() is tab.report_page  # there is a play, only not measured
    assert tab.attention_label.text() == (
        "No measured plays from Tue 2026-11-24 to Tue 2026-11-24: 1 play, none of them with audience snapshots "
        "(attention is measured only while the audience camera runs)."
    )
    assert table_rows(tab.attention_table)[0][:3] == ["students_after_school", "1", "0"]


def test_export_writes_the_rows_shown_with_the_grouping_as_first_column(tab, tmp_path):
    tab.set_range(MONDAY, TUESDAY)
    tab.attention_group_box.setCurrentIndex(tab.attention_group_box.findData("playlist"))
    suggested = []
    tab.choose_csv_path = lambda name: suggested.append(name) or tmp_path / name
    path = tab.export_csv("attention")
    assert suggested == ["attention_by_playlist_2026-11-23_to_2026-11-23.csv"]
    rows = read_csv(path)
    assert rows[0] == ["playlist", *reports.PLAY_ATTENTION_COLUMNS[1:]]
    assert rows[1][:6] == ["snacks", "3", "2", "4", "2", "0.5"]
    assert len(rows) == 1 + 3  # the rows of the table, without its totals line
