"""The "Reports" tab: what the player showed and who was there, for a chosen period.

Charts and tables over the proof-of-play log (`playlists.reports`): plays per hour, plays
and time per playlist, the audience mix by hour and the segment seen most by weekday and
hour, how often each rule put its playlist on screen, and how much the plays were seen
(attention per rule, playlist or item, with the plays measured and the opportunities to
see the figures divide by). Every report has an "Export CSV…" button that writes the very
rows the chart or table shows. Every text is in the editor's language; segments are in
words ("teens in school uniform"), numbers and day names as the locale writes them.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QDate, QLocale, QMargins, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from foundation.i18n import tr, tr_noop
from playlists import reports
from playlists.proof_of_play import ProofOfPlay
from playlists.words import segment_key_words
from signage.editor.context import EditorContext

log = logging.getLogger(__name__)

EMPTY_TEXT = tr_noop("editor.reports", "No plays logged in this period. The player logs every item it shows.")
DEFAULT_DAYS = 7


@dataclass(frozen=True)
class Report:
    """One exportable report: its title, what it shows, the function that reads it and its CSV columns.

    `title` and `explanation` are catalogue sources (`tr_noop`): shown through `tr`.
    """

    title: str
    explanation: str
    read: Callable  # (db, start, end) -> rows; (db, start, end, by) when `grouped`
    columns: Sequence[str]
    grouped: bool = False  # the marketer picks what the rows are (the first column): rule, playlist or item


REPORTS = {
    "plays_per_hour": Report(
        tr_noop("editor.reports", "Plays per hour"),
        tr_noop("editor.reports", "How many ads the screen showed in each hour of the day, over the whole period."),
        reports.plays_per_hour, reports.HOUR_PLAYS_COLUMNS,
    ),
    "plays_per_playlist": Report(
        tr_noop("editor.reports", "Plays and time per playlist"),
        tr_noop("editor.reports", "How many ads of each playlist were shown, and for how long in all."),
        reports.plays_per_playlist, reports.PLAYLIST_PLAYS_COLUMNS,
    ),
    "audience_mix_by_hour": Report(
        tr_noop("editor.reports", "Who was there, by hour"),
        tr_noop(
            "editor.reports",
            "For each hour, the share of the camera's audience samples in which each group was the largest in "
            "front of the screen.",
        ),
        reports.audience_mix_by_hour, reports.HOUR_MIX_COLUMNS,
    ),
    "audience_mix": Report(
        tr_noop("editor.reports", "Who was there most, by weekday and hour"),
        tr_noop("editor.reports", "The group seen most often at each hour of each weekday; point at a cell for the count."),
        reports.audience_mix, reports.AUDIENCE_MIX_COLUMNS,
    ),
    "rule_hits": Report(
        tr_noop("editor.reports", "How often each rule played"),
        tr_noop(
            "editor.reports",
            "How many ads each rule put on screen, and how many times its playlist started from the beginning.",
        ),
        reports.rule_hits, reports.RULE_HITS_COLUMNS,
    ),
    "attention": Report(
        tr_noop("editor.reports", "Attention: who could see it, who looked"),
        tr_noop(
            "editor.reports",
            "How much the ads were seen: how many people stood in front of the screen while an ad played "
            "(opportunities to see), how many of them looked at it, and for how long.",
        ),
        reports.play_attention, reports.PLAY_ATTENTION_COLUMNS, grouped=True,
    ),
}
# What the attention table's rows are, with the first column's title; the first is the default.
ATTENTION_GROUPS = {
    "rule": (tr_noop("editor.reports", "By rule"), tr_noop("editor.reports", "Rule")),
    "playlist": (tr_noop("editor.reports", "By playlist"), tr_noop("editor.reports", "Playlist")),
    "item": (tr_noop("editor.reports", "By ad"), tr_noop("editor.reports", "Ad")),
}
ATTENTION_HEADERS = (
    (tr_noop("editor.reports", "Plays"), tr_noop("editor.reports", "How many times an ad was shown in the period.")),
    (tr_noop("editor.reports", "Measured"), tr_noop(
        "editor.reports",
        "Plays during which the audience camera was running. The other figures count these plays only: a play "
        "nobody measured is not a play nobody saw.",
    )),
    (tr_noop("editor.reports", "Opportunities"), tr_noop(
        "editor.reports",
        "Opportunities to see: the people in front of the screen while a measured play was on, added up over "
        "the plays (one person during two plays counts twice).",
    )),
    (tr_noop("editor.reports", "Viewers"), tr_noop(
        "editor.reports", "Of those people, how many faced the screen for at least 1 second during the play.",
    )),
    (tr_noop("editor.reports", "Viewer share"), tr_noop(
        "editor.reports", "Viewers out of opportunities: 50% means half of the people who could see it looked at it.",
    )),
    (tr_noop("editor.reports", "Attention (s)"), tr_noop(
        "editor.reports", "Attention: seconds a person faced the screen during a play, on average per opportunity.",
    )),
    (tr_noop("editor.reports", "Dwell (s)"), tr_noop(
        "editor.reports", "Dwell: seconds a person stood in front of the screen during a play, on average per opportunity.",
    )),
)
# The names the log gives to what is not a rule or a playlist, in words.
_SPECIAL_NAMES = {
    reports.DEFAULT_PLAYLIST: tr_noop("editor.reports", "(default playlist)"),
    reports.NOTHING_PLAYABLE: tr_noop("editor.reports", "(nothing playable)"),
    reports.ALL_PLAYS: tr_noop("editor.reports", "(all)"),
    reports.NOBODY: tr_noop("editor.reports", "(nobody)"),
    reports.NO_SIGNAL: tr_noop("editor.reports", "(no camera signal)"),
}


class ReportsTab(QWidget):
    """Charts of the proof-of-play log for a period, each exportable as CSV."""

    @property
    def TITLE(self) -> str:
        """The tab's name, in the editor's language (read when the window is built)."""
        return tr("editor.reports", "Reports")

    def __init__(
        self,
        context: EditorContext,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        # `today` only sets the default period (the last 7 days); tests pass a fixed one.
        super().__init__(parent)
        self.context = context
        self._today = today
        # The log's tables, created as the player would on a database it never used.
        ProofOfPlay(context.db)
        self.rows: dict[str, list] = {name: [] for name in REPORTS}

        layout = QVBoxLayout(self)
        layout.addLayout(self._build_period_bar())
        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status_label)

        self.pages = QStackedWidget(self)
        self.empty_label = QLabel(tr("editor.reports", EMPTY_TEXT), self.pages)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.pages.addWidget(self.empty_label)
        scroll = QScrollArea(self.pages)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._build_reports())
        self.pages.addWidget(scroll)
        self.report_page = scroll
        layout.addWidget(self.pages, 1)
        self.show_last_days(DEFAULT_DAYS)

    # ----------------------------------------------------------------------------------
    # The tab contract

    def refresh(self) -> None:
        """Read every report for the chosen period again (new plays arrive while the player runs)."""
        start, end = self.period()
        db = self.context.db
        for name, report in REPORTS.items():
            grouping = (self.attention_group(),) if report.grouped else ()
            self.rows[name] = report.read(db, start, end, *grouping)
        plays = sum(row.plays for row in self.rows["plays_per_hour"])
        seconds = sum(row.seconds for row in self.rows["plays_per_hour"])
        samples = sum(cell.samples for cell in self.rows["audience_mix"])
        last_day = end.date() - dt.timedelta(days=1)
        # Two sentences, one count each: a translator can then put each count where it belongs.
        self.summary_label.setText(" ".join((
            tr("editor.reports", "From {start} to {end}: %n plays, {duration} on screen.", n=plays,
               start=_day(start.date()), end=_day(last_day), duration=_duration(seconds)),
            tr("editor.reports", "The camera logged %n audience samples.", n=samples),
        )))
        if not plays:
            self.pages.setCurrentWidget(self.empty_label)
            return
        self.pages.setCurrentWidget(self.report_page)
        self._show_plays_per_hour()
        self._show_plays_per_playlist()
        self._show_audience_mix()
        self._show_rule_hits()
        self._show_attention()

    def has_unsaved_changes(self) -> bool:
        """Reports only read."""
        return False

    # ----------------------------------------------------------------------------------
    # The period

    def period(self) -> tuple[dt.datetime, dt.datetime]:
        """[start, end): from the first chosen day's midnight to the midnight after the last."""
        first = self.from_edit.date().toPython()
        last = max(self.to_edit.date().toPython(), first)
        return dt.datetime.combine(first, dt.time()), dt.datetime.combine(last + dt.timedelta(days=1), dt.time())

    def set_range(self, start: dt.date, end: dt.date) -> None:
        """Show the days from `start` up to `end` (exclusive: (Mon, Tue) is that Monday)."""
        last = max(end - dt.timedelta(days=1), start)
        for edit in (self.from_edit, self.to_edit):
            edit.blockSignals(True)
        self.to_edit.setMinimumDate(_qdate(start))
        self.from_edit.setDate(_qdate(start))
        self.to_edit.setDate(_qdate(last))
        for edit in (self.from_edit, self.to_edit):
            edit.blockSignals(False)
        self.refresh()

    def show_last_days(self, days: int = DEFAULT_DAYS) -> None:
        """The last `days` days, today included."""
        today = self._today()
        self.set_range(today - dt.timedelta(days=days - 1), today + dt.timedelta(days=1))

    def show_from_first_play(self) -> None:
        """Everything logged: from the first play's day to today (or the last play's day, if later)."""
        span = reports.play_span(self.context.db)
        if span is None:
            self.status_label.setText(tr("editor.reports", "Nothing is logged yet: the player logs every item it shows."))
            return
        first, last = span
        self.set_range(first.date(), max(self._today(), last.date()) + dt.timedelta(days=1))

    def _build_period_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        bar.addWidget(QLabel(tr("editor.reports", "From"), self))
        self.from_edit = QDateEdit(self)
        self.to_edit = QDateEdit(self)
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setLocale(QLocale())  # day names in the editor's language
            edit.setDisplayFormat("ddd yyyy-MM-dd")
        self.from_edit.setToolTip(tr("editor.reports", "The first day of the period."))
        self.to_edit.setToolTip(tr("editor.reports", "The last day of the period (included)."))
        bar.addWidget(self.from_edit)
        bar.addWidget(QLabel(tr("editor.reports", "through"), self))
        bar.addWidget(self.to_edit)
        self.last_days_button = QPushButton(tr("editor.reports", "Last %n days", n=DEFAULT_DAYS), self)
        self.last_days_button.clicked.connect(lambda: self.show_last_days(DEFAULT_DAYS))
        bar.addWidget(self.last_days_button)
        self.first_play_button = QPushButton(tr("editor.reports", "From the first play"), self)
        self.first_play_button.clicked.connect(self.show_from_first_play)
        bar.addWidget(self.first_play_button)
        bar.addStretch(1)
        self.from_edit.dateChanged.connect(self._from_changed)
        self.to_edit.dateChanged.connect(lambda _date: self.refresh())
        return bar

    def _from_changed(self, date: QDate) -> None:
        # The last day cannot come before the first: Qt moves it along (one refresh, not two).
        self.to_edit.blockSignals(True)
        self.to_edit.setMinimumDate(date)
        self.to_edit.blockSignals(False)
        self.refresh()

    # ----------------------------------------------------------------------------------
    # The reports

    def _build_reports(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.export_buttons: dict[str, QPushButton] = {}

        self.hour_chart, hour_view = _chart()
        layout.addWidget(self._section("plays_per_hour", [hour_view]))

        self.playlist_plays_chart, plays_view = _chart()
        self.playlist_time_chart, time_view = _chart()
        pair = QWidget(page)
        pair_layout = QHBoxLayout(pair)
        pair_layout.setContentsMargins(0, 0, 0, 0)
        pair_layout.addWidget(plays_view)
        pair_layout.addWidget(time_view)
        layout.addWidget(self._section("plays_per_playlist", [pair]))

        self.mix_chart, mix_view = _chart()
        layout.addWidget(self._section("audience_mix_by_hour", [mix_view]))
        # Hours down, weekdays across: seven columns of words fit a window, 24 would not.
        self.weekday_table = _table(page, [(weekday_name(day), "") for day in range(7)])
        self.weekday_table.setRowCount(24)
        self.weekday_table.setVerticalHeaderLabels([f"{hour:02d}:00" for hour in range(24)])
        self.weekday_table.verticalHeader().setVisible(True)
        self.weekday_table.setWordWrap(True)
        self.weekday_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self._section("audience_mix", [self.weekday_table]))

        self.rule_table = _table(page, [
            (tr("editor.reports", "Rule"), tr("editor.reports", "The rule that put the playlist on screen.")),
            (tr("editor.reports", "Items shown"), tr("editor.reports", "How many ads it put on screen.")),
            (tr("editor.reports", "Playlist starts"),
             tr("editor.reports", "How many times its playlist started from the first ad.")),
        ])
        self.rule_table.setMinimumHeight(200)
        self.rule_chart, rule_view = _chart()
        pair = QWidget(page)
        pair_layout = QHBoxLayout(pair)
        pair_layout.setContentsMargins(0, 0, 0, 0)
        pair_layout.addWidget(self.rule_table, 1)
        pair_layout.addWidget(rule_view, 1)
        layout.addWidget(self._section("rule_hits", [pair]))

        self.attention_group_box = QComboBox(page)
        for group, (label, _column) in ATTENTION_GROUPS.items():
            self.attention_group_box.addItem(tr("editor.reports", label), group)
        self.attention_group_box.setToolTip(tr("editor.reports", "What each row of the table is: a rule, a playlist or an ad."))
        self.attention_group_box.currentIndexChanged.connect(lambda _index: self._attention_group_changed())
        choice = QWidget(page)
        choice_layout = QHBoxLayout(choice)
        choice_layout.setContentsMargins(0, 0, 0, 0)
        choice_layout.addWidget(self.attention_group_box)
        choice_layout.addStretch(1)
        self.attention_label = QLabel(page)
        self.attention_label.setWordWrap(True)
        self.attention_table = _table(page, [
            ("", ""), *((tr("editor.reports", header), tr("editor.reports", tip)) for header, tip in ATTENTION_HEADERS)
        ])
        self.attention_table.setMinimumHeight(200)
        layout.addWidget(self._section("attention", [choice, self.attention_label, self.attention_table]))
        layout.addStretch(1)
        return page

    def _section(self, name: str, widgets: list[QWidget]) -> QGroupBox:
        box = QGroupBox(tr("editor.reports", REPORTS[name].title))
        layout = QVBoxLayout(box)
        explanation = QLabel(tr("editor.reports", REPORTS[name].explanation), box)
        explanation.setWordWrap(True)
        layout.addWidget(explanation)
        for widget in widgets:
            layout.addWidget(widget)
        button = QPushButton(tr("editor.reports", "Export CSV…"), box)
        button.setToolTip(tr("editor.reports", "Save the rows of this report in a file a spreadsheet opens."))
        button.clicked.connect(lambda _checked=False, n=name: self.export_csv(n))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(button)
        layout.addLayout(row)
        self.export_buttons[name] = button
        return box

    def _show_plays_per_hour(self) -> None:
        rows = self.rows["plays_per_hour"]
        plays = QBarSet(tr("editor.reports", "Items shown"))
        plays.append([float(row.plays) for row in rows])
        series = QBarSeries()
        series.append(plays)
        _bars(self.hour_chart, series, [f"{row.hour:02d}" for row in rows],
              tr("editor.reports", "Items shown per hour of the day"))

    def _show_plays_per_playlist(self) -> None:
        # A horizontal bar chart draws its first category at the bottom: the most played goes on top.
        rows = list(reversed(self.rows["plays_per_playlist"]))
        names = [name_words(row.playlist) for row in rows]
        plays = QBarSet(tr("editor.reports", "Items shown"))
        plays.append([float(row.plays) for row in rows])
        series = QHorizontalBarSeries()
        series.append(plays)
        _bars(self.playlist_plays_chart, series, names, tr("editor.reports", "Items shown per playlist"), horizontal=True)
        minutes = QBarSet(tr("editor.reports", "Minutes on screen"))
        minutes.append([row.seconds / 60.0 for row in rows])
        series = QHorizontalBarSeries()
        series.append(minutes)
        _bars(self.playlist_time_chart, series, names, tr("editor.reports", "Minutes on screen per playlist"),
              horizontal=True)

    def _show_audience_mix(self) -> None:
        mix = self.rows["audience_mix_by_hour"]
        segments = sorted({segment for row in mix for segment in row.shares}, key=_segment_order)
        series = QStackedBarSeries()
        for segment in segments:
            bar_set = QBarSet(segment_label(segment))
            bar_set.append([100.0 * row.shares.get(segment, 0.0) for row in mix])
            series.append(bar_set)
        _bars(self.mix_chart, series, [f"{row.hour:02d}" for row in mix],
              tr("editor.reports", "Share of audience samples (%)"))
        if mix:
            self.mix_chart.axes(Qt.Orientation.Vertical)[0].setRange(0.0, 100.0)

        self.weekday_table.clearContents()
        cells = self.rows["audience_mix"]
        totals: dict[tuple[int, int], int] = {}
        for cell in cells:
            totals[cell.weekday, cell.hour] = totals.get((cell.weekday, cell.hour), 0) + cell.samples
        for (weekday, hour), cell in reports.dominant_by_weekday_hour(cells).items():
            who = segment_label(cell.dominant_segment)
            item = QTableWidgetItem(who)
            item.setToolTip(tr(
                "editor.reports", "{day} {hours}: {who} in {count} of %n audience samples",
                n=totals[weekday, hour], day=weekday_name(weekday), hours=f"{hour:02d}:00-{hour:02d}:59",
                who=who, count=cell.samples,
            ))
            self.weekday_table.setItem(hour, weekday, item)
        # Rows keep one height: fitted to their contents, the filled hours grew taller than
        # the empty ones (the stretched columns' widths are not known yet when it measures).
        _fit_height(self.weekday_table)

    def _show_rule_hits(self) -> None:
        rows = self.rows["rule_hits"]
        self.rule_table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            for column, value in enumerate((name_words(row.rule), _count(row.plays), _count(row.starts))):
                item = QTableWidgetItem(value)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.rule_table.setItem(index, column, item)
        ordered = list(reversed(rows))
        plays = QBarSet(tr("editor.reports", "Items shown"))
        plays.append([float(row.plays) for row in ordered])
        starts = QBarSet(tr("editor.reports", "Playlist starts"))
        starts.append([float(row.starts) for row in ordered])
        series = QHorizontalBarSeries()
        series.append(plays)
        series.append(starts)
        _bars(self.rule_chart, series, [name_words(row.rule) for row in ordered],
              tr("editor.reports", "Items shown and playlist starts per rule"), horizontal=True)

    def attention_group(self) -> str:
        """What the attention table's rows are: "rule", "playlist" or "item"."""
        return self.attention_group_box.currentData()

    def _attention_group_changed(self) -> None:
        start, end = self.period()
        self.rows["attention"] = reports.play_attention(self.context.db, start, end, self.attention_group())
        self._show_attention()

    def _show_attention(self) -> None:
        rows = self.rows["attention"]
        start, end = self.period()
        last_day = end.date() - dt.timedelta(days=1)
        total = reports.total_attention(rows)
        self.attention_label.setText(attention_sentence(total, start.date(), last_day))
        header = self.attention_table.horizontalHeaderItem(0)
        header.setText(tr("editor.reports", ATTENTION_GROUPS[self.attention_group()][1]))
        header.setToolTip(tr("editor.reports", "What the row counts; the last row, (all), adds up every play."))
        shown = [*rows, total] if rows else []
        self.attention_table.setRowCount(len(shown))
        for index, row in enumerate(shown):
            for column, value in enumerate(attention_cells(row)):
                item = QTableWidgetItem(value)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if row is total:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.attention_table.setItem(index, column, item)

    # ----------------------------------------------------------------------------------
    # CSV export

    def choose_csv_path(self, suggested_name: str) -> Path | None:
        """Ask where to save a CSV file (None: cancelled). Tests replace this method."""
        path, _filter = QFileDialog.getSaveFileName(
            self, tr("editor.reports", "Export CSV"), str(Path.home() / suggested_name),
            tr("editor.reports", "CSV files (*.csv)"),
        )
        return Path(path) if path else None

    def export_csv(self, name: str) -> Path | None:
        """Write report `name`'s rows (as shown) to a CSV file the marketer picks; returns the path."""
        start, end = self.period()
        last_day = end.date() - dt.timedelta(days=1)
        columns = REPORTS[name].columns
        if REPORTS[name].grouped:  # the first column says what the rows are
            columns = (self.attention_group(), *columns[1:])
            name_in_file = f"{name}_by_{self.attention_group()}"
        else:
            name_in_file = name
        path = self.choose_csv_path(f"{name_in_file}_{start:%Y-%m-%d}_to_{last_day:%Y-%m-%d}.csv")
        if path is None:
            return None
        rows = self.rows[name]
        try:
            with open(path, "w", newline="", encoding="utf-8") as stream:
                count = reports.write_csv(rows, columns, stream)
        except OSError as error:
            self.status_label.setText(
                tr("editor.reports", "Could not export {path}: {error}.", path=path, error=error.strerror or error)
            )
            return None
        log.info("exported %s (%d rows) to %s", name, count, path)
        self.status_label.setText(tr("editor.reports", "Exported %n rows to {path}.", n=count, path=path))
        return path


def weekday_name(weekday: int) -> str:
    """Monday for 0 ... Sunday for 6, in the editor's language (Qt's locale data)."""
    return QLocale().dayName(weekday + 1, QLocale.FormatType.LongFormat)


def name_words(name: str) -> str:
    """A rule's or playlist's name as the marketer gave it; the log's own names in words."""
    return tr("editor.reports", _SPECIAL_NAMES[name]) if name in _SPECIAL_NAMES else name


def segment_label(segment: str) -> str:
    """'teens in school uniform' for the log's 'teen/school_uniform'; '(nobody)' in words too."""
    return name_words(segment) if segment in _SPECIAL_NAMES else segment_key_words(segment)


def attention_sentence(total: reports.PlayAttentionRow, first_day: dt.date, last_day: dt.date) -> str:
    """The attention table's totals in plain words, in the editor's language."""
    start, end = _day(first_day), _day(last_day)
    if not total.plays:
        return tr("editor.reports", "No plays from {start} to {end}.", start=start, end=end)
    if not total.plays_measured:
        return tr(
            "editor.reports",
            "No measured plays from {start} to {end}: %n plays, none of them with audience snapshots "
            "(attention is measured only while the audience camera runs).",
            n=total.plays, start=start, end=end,
        )
    share = "-" if total.viewer_share is None else _percent(total.viewer_share)
    # Whole sentences, one count each (a translator reorders a sentence, never glues pieces).
    return " ".join((
        tr("editor.reports", "{measured} of %n plays from {start} to {end} were measured.",
           n=total.plays, measured=_count(total.plays_measured), start=start, end=end),
        tr("editor.reports", "Opportunities to see: {opportunities}; viewers: {viewers} ({share}).",
           opportunities=_count(total.opportunities), viewers=_count(total.viewers), share=share),
        tr("editor.reports", "Per opportunity, {attention} s of attention and {dwell} s of dwell.",
           attention=_decimal(total.attention_per_opportunity_s), dwell=_decimal(total.dwell_per_opportunity_s)),
    ))


def attention_cells(row: reports.PlayAttentionRow) -> tuple[str, ...]:
    """A row as the table shows it: counts, the share in %, seconds to 0.1 ('-': none), in the locale's digits."""
    return (
        name_words(row.name), _count(row.plays), _count(row.plays_measured), _count(row.opportunities),
        _count(row.viewers),
        "-" if row.viewer_share is None else _percent(row.viewer_share),
        _decimal(row.attention_per_opportunity_s), _decimal(row.dwell_per_opportunity_s),
    )


def _day(day: dt.date) -> str:
    """'Thu 2026-11-19' ('목 2026-11-19'): the day's short name in the editor's language."""
    return QLocale().toString(_qdate(day), "ddd yyyy-MM-dd")


def _count(number: int) -> str:
    return QLocale().toString(int(number))


def _percent(share: float) -> str:
    return f"{QLocale().toString(round(100 * share))}%"


def _decimal(value: float | None) -> str:
    return "-" if value is None else QLocale().toString(float(value), "f", 1)


def _chart() -> tuple[QChart, QChartView]:
    chart = QChart()
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(280)
    return chart, view


def _bars(chart: QChart, series, categories: list[str], title: str, horizontal: bool = False) -> None:
    """Replace the chart's series and axes by `series` over `categories`."""
    chart.removeAllSeries()
    for axis in chart.axes():
        chart.removeAxis(axis)
        axis.deleteLater()  # removeAxis hands the axis back to us
    chart.setTitle(title)
    chart.addSeries(series)
    category_axis = QBarCategoryAxis()
    category_axis.append(categories)
    value_axis = QValueAxis()
    value_axis.setLabelFormat("%g")
    highest = max((bar_set.at(i) for bar_set in series.barSets() for i in range(bar_set.count())), default=0.0)
    if isinstance(series, QStackedBarSeries):
        highest = 100.0
    value_axis.setRange(0.0, max(highest, 1.0))
    value_axis.applyNiceNumbers()
    category_side, value_side = (
        (Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignBottom) if horizontal
        else (Qt.AlignmentFlag.AlignBottom, Qt.AlignmentFlag.AlignLeft)
    )
    chart.addAxis(category_axis, category_side)
    chart.addAxis(value_axis, value_side)
    series.attachAxis(category_axis)
    series.attachAxis(value_axis)
    chart.legend().setVisible(len(series.barSets()) > 1 or isinstance(series, QStackedBarSeries))


def _segment_order(segment: str) -> tuple[bool, str]:
    # People first, then "(nobody)" and "(no camera signal)" on top of the stacks.
    return (segment in reports.NOT_PEOPLE, segment)


def _duration(seconds: float) -> str:
    """'1 h 02 min', '3 min 20 s', '8 s' (Korean '1시간 02분')."""
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return tr("editor.reports", "{hours} h {minutes} min", hours=_count(hours), minutes=f"{minutes:02d}")
    if minutes:
        return tr("editor.reports", "{minutes} min {seconds} s", minutes=minutes, seconds=f"{secs:02d}")
    return tr("editor.reports", "{seconds} s", seconds=secs)


def _fit_height(table: QTableWidget) -> None:
    """As tall as its rows (seven weekdays need no scrolling of their own inside the page)."""
    height = table.horizontalHeader().sizeHint().height() + table.horizontalScrollBar().sizeHint().height()
    height += sum(table.rowHeight(row) for row in range(table.rowCount())) + 2 * table.frameWidth()
    table.setFixedHeight(height)


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _table(parent: QWidget, headers: list[tuple[str, str]]) -> QTableWidget:
    """A read-only table; `headers` are (title, tooltip) pairs: every column says what it is."""
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels([title for title, _tip in headers])
    for column, (_title, tip) in enumerate(headers):
        if tip:
            table.horizontalHeaderItem(column).setToolTip(tip)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table
