"""The editor in Korean and English: the simulator and the reports in plain words, every
column explained, counts in the right form, Korean drawn in Korean glyphs, and
`signage editor --screenshots` (real widgets offscreen on a real seeded database)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDateTime
from PySide6.QtGui import QImage

from foundation import i18n
from playlists.proof_of_play import AudienceSummary, ProofOfPlay
from signage.cli import main
from signage.editor.reports_tab import ReportsTab
from signage.editor.simulator_tab import SimulatorTab
from signage.i18n_qt import install_qt_translator, uninstall_qt_translator
from tests.signage.editor.test_reports_tab import log_play, people
from tests.signage.test_player_language import HANGUL, assert_drawn_in_korean

MONDAY_1610 = dt.datetime(2026, 11, 23, 16, 10)
MONDAY_1805 = dt.datetime(2026, 11, 23, 18, 5)
TODAY = dt.date(2026, 11, 25)


@pytest.fixture
def korean(qapp):
    """The editor speaks Korean through Qt's translator; English again afterwards."""
    install_qt_translator(qapp, "ko")
    yield
    uninstall_qt_translator(qapp)


@pytest.fixture(autouse=True)
def english_afterwards(qapp):
    """Whatever a test switched to, the next one starts in English."""
    yield
    uninstall_qt_translator(qapp)


@pytest.fixture
def logged(editor_context):
    """A Monday of plays and audience samples in the seeded database."""
    log = ProofOfPlay(editor_context.db)
    morning = dt.datetime(2026, 11, 23, 8, 0)
    log_play(log, morning, 8.0, "commuter_finance", "commuters_morning")
    log_play(log, dt.datetime(2026, 11, 23, 16, 10), 8.0, "after_school_snacks", "students_after_school")
    log.record_audience(morning, people("adult/business", 1))
    log.record_audience(morning.replace(hour=16, minute=10), people("teen/school_uniform", 3))
    log.record_audience(morning.replace(hour=16, minute=11), AudienceSummary("ok", 0, None, 0.0, {}, {}))
    return editor_context


def simulator(qtbot, context) -> SimulatorTab:
    tab = SimulatorTab(context, now=lambda: dt.datetime(2026, 11, 25, 9, 41))
    qtbot.addWidget(tab)
    return tab


def choose(tab: SimulatorTab, when: dt.datetime, age_group: str, attire: str, group_size: int,
           minor_present: bool = False) -> None:
    tab.age_combo.setCurrentIndex(tab.age_combo.findData(age_group))
    tab.attire_combo.setCurrentIndex(tab.attire_combo.findData(attire))
    tab.group_spin.setValue(group_size)
    tab.minor_check.setChecked(minor_present)
    tab.when_edit.setDateTime(QDateTime.fromString(f"{when:%Y-%m-%d %H:%M}", "yyyy-MM-dd HH:mm"))


def headers(table) -> list[tuple[str, str]]:
    """(title, tooltip) of every column."""
    return [(table.horizontalHeaderItem(c).text(), table.horizontalHeaderItem(c).toolTip())
            for c in range(table.columnCount())]


# ------------------------------------------------------------------ English


def test_head_counts_take_their_english_form(qtbot, editor_context):
    tab = simulator(qtbot, editor_context)
    texts = {value: tab.group_spin.textFromValue(value) for value in (0, 1, 3)}
    assert texts == {0: "nobody", 1: "1 person", 3: "3 people"}  # never "1 people"
    tab.group_spin.lineEdit().setText("4 people")
    tab.group_spin.interpretText()
    assert tab.group_spin.value() == 4
    choose(tab, MONDAY_1805, "adult", "casual", 2, minor_present=True)  # the beer is held back: one item left
    assert tab.items_total_label.text() == "A loop of 1 item, 8 s."
    choose(tab, MONDAY_1610, "teen", "school_uniform", 3)
    assert tab.items_total_label.text() == "A loop of 3 items, 22 s."


def test_segments_are_in_words_in_the_pickers_and_the_day(qtbot, editor_context):
    tab = simulator(qtbot, editor_context)
    ages = [tab.age_combo.itemText(i) for i in range(tab.age_combo.count())]
    assert "young adults (about 20-29)" in ages and not any("_" in text for text in ages)
    attire = [tab.attire_combo.itemText(i) for i in range(tab.attire_combo.count())]
    assert "school uniform" in attire and "casual clothes" in attire
    choose(tab, MONDAY_1610, "teen", "school_uniform", 3)
    audiences = {tab.day_table.item(row, 1).text() for row in range(tab.day_table.rowCount())}
    assert audiences == {"3 people, mostly teens in school uniform"}


def test_every_column_and_input_of_the_simulator_says_what_it_is(qtbot, editor_context):
    tab = simulator(qtbot, editor_context)
    for table in (tab.items_table, tab.lost_table, tab.day_table):
        assert all(title and tip for title, tip in headers(table)), headers(table)
    for field in (tab.age_combo, tab.attire_combo, tab.group_spin, tab.dwell_spin, tab.company_combo, tab.when_edit):
        assert field.toolTip(), field
    assert "under 18" in tab.guardrail_label.toolTip()


def test_every_column_of_the_reports_says_what_it_is(qtbot, logged):
    tab = ReportsTab(logged, today=lambda: TODAY)
    qtbot.addWidget(tab)
    assert all(title and tip for title, tip in headers(tab.rule_table))
    attention = dict(headers(tab.attention_table))
    assert set(attention) == {"Rule", "Plays", "Measured", "Opportunities", "Viewers", "Viewer share",
                              "Attention (s)", "Dwell (s)"}
    assert all(attention.values())
    assert "faced the screen" in attention["Attention (s)"] and "stood in front" in attention["Dwell (s)"]


def test_one_row_exported_is_said_in_the_singular(qtbot, logged, tmp_path):
    tab = ReportsTab(logged, today=lambda: TODAY)
    qtbot.addWidget(tab)
    tab.set_range(dt.date(2026, 11, 23), dt.date(2026, 11, 24))
    tab.attention_group_box.setCurrentIndex(tab.attention_group_box.findData("playlist"))
    tab.choose_csv_path = lambda name: tmp_path / name
    tab.export_csv("plays_per_playlist")
    assert tab.status_label.text().startswith("Exported 2 rows to ")
    tab.choose_csv_path = lambda name: tmp_path / "one.csv"
    tab.rows["plays_per_playlist"] = tab.rows["plays_per_playlist"][:1]
    tab.export_csv("plays_per_playlist")
    assert tab.status_label.text() == f"Exported 1 row to {tmp_path / 'one.csv'}."


# ------------------------------------------------------------------ Korean


def test_the_simulator_in_korean(qtbot, korean, editor_context):
    tab = simulator(qtbot, editor_context)
    choose(tab, MONDAY_1610, "teen", "school_uniform", 3)
    assert tab.TITLE == "재생 미리보기"
    assert tab.playlist_label.text() == "재생: after_school_snacks"  # a playlist's name stays as its author wrote it
    assert tab.group_spin.text() == "3명" and tab.group_spin.textFromValue(1) == "1명"
    assert tab.items_total_label.text() == "항목 3개를 반복합니다. 한 바퀴 22초."
    assert tab.quick_buttons["Saturday 11:00"].text() == "토요일 11:00"
    for table in (tab.items_table, tab.lost_table, tab.day_table):
        assert all(HANGUL.search(title) and HANGUL.search(tip) for title, tip in headers(table)), headers(table)
    # The day's name in the picker is Korean (Qt's locale), the date year-month-day.
    assert tab.when_edit.text().startswith("월 2026-11-23")
    assert tab.day_note.text().startswith("월요일 2026-11-23, 시간대별.")
    assert_drawn_in_korean(tab.playlist_label.text(), tab.playlist_label.font())
    assert_drawn_in_korean(tab.items_total_label.text(), tab.items_total_label.font())


def test_the_reports_in_korean(qtbot, korean, logged):
    tab = ReportsTab(logged, today=lambda: TODAY)
    qtbot.addWidget(tab)
    assert tab.TITLE == "보고서"
    assert tab.summary_label.text() == (
        "목 2026-11-19부터 수 2026-11-25까지: 재생 2회, 화면에 나온 시간 16초. 카메라가 방문객 기록을 3건 남겼습니다."
    )
    assert tab.weekday_table.horizontalHeaderItem(0).text() == "월요일"
    assert tab.last_days_button.text() == "최근 7일"
    attention = headers(tab.attention_table)
    assert [title for title, _tip in attention][:3] == ["규칙", "재생", "측정된 재생"]
    assert all(HANGUL.search(tip) for _title, tip in attention)
    assert tab.rule_table.item(0, 0).text() in {"commuters_morning", "students_after_school"}
    assert_drawn_in_korean(tab.summary_label.text(), tab.summary_label.font())


# ------------------------------------------------------------------ the command


@pytest.fixture
def installation(tmp_path, monkeypatch):
    """No config file, no real data folder, an English locale."""
    monkeypatch.setenv("SIGNAGE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SIGNAGE_CONFIG", str(tmp_path / "no-config.yaml"))
    for name in ("SIGNAGE_DB", "LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    return tmp_path


def screenshots(folder) -> dict[str, QImage]:
    return {path.name: QImage(str(path)) for path in sorted(folder.glob("*.png"))}


def test_screenshots_of_every_tab_in_korean(qtbot, installation, editor_db_path, capsys):
    folder = installation / "shots"
    assert main(["--lang", "ko", "editor", "--db", str(editor_db_path), "--screenshots", str(folder)]) == 0
    pictures = screenshots(folder)
    names = list(pictures)
    assert len(names) >= 5 and all(name.startswith("editor-ko-") for name in names), names
    tabs = [name for name in names if not name.endswith("-whole.png")]
    slugs = [name.removesuffix(".png").split("-", 3)[3] for name in tabs]
    assert {"rules", "simulator", "reports"} <= set(slugs) and len(set(slugs)) == len(slugs), slugs
    assert sorted(int(name.split("-")[2]) for name in tabs) == list(range(1, len(tabs) + 1))
    assert sorted(line for line in capsys.readouterr().out.splitlines() if line.endswith(".png")) == [
        str(folder / name) for name in names
    ]
    for name in tabs:
        image = pictures[name]
        # A real picture of the whole window (1280x800 at the offscreen screen's scale), not a blank one.
        assert not image.isNull() and image.width() >= 1280 and image.height() >= 800, name
        assert len({image.pixel(x, y) for x in range(0, image.width(), 37) for y in range(0, image.height(), 23)}) > 8
    assert i18n.current_language() == "ko"


def test_screenshots_follow_the_config_and_differ_by_language(qtbot, installation, editor_db_path):
    config = installation / "config.yaml"
    config.write_text("ui:\n  language: ko\n", encoding="utf-8")
    assert main(["editor", "--db", str(editor_db_path), "--config", str(config), "--screenshots",
                 str(installation / "ko")]) == 0
    assert main(["--lang", "en", "editor", "--db", str(editor_db_path), "--config", str(config), "--screenshots",
                 str(installation / "en")]) == 0
    korean, english = screenshots(installation / "ko"), screenshots(installation / "en")
    assert len(korean) == len(english) >= 5
    for (ko_name, ko_image), (en_name, en_image) in zip(korean.items(), english.items(), strict=True):
        assert ko_name.replace("-ko-", "-en-") == en_name
        assert ko_image.size() == en_image.size() and ko_image != en_image, ko_name


def test_the_system_locale_picks_korean_without_lang_or_config(qtbot, installation, editor_db_path, monkeypatch):
    monkeypatch.setenv("LANG", "ko_KR.UTF-8")
    assert main(["editor", "--db", str(editor_db_path), "--screenshots", str(installation / "shots")]) == 0
    assert all(name.startswith("editor-ko-") for name in screenshots(installation / "shots"))


def test_a_folder_that_cannot_be_made_is_one_line(qtbot, installation, editor_db_path, capsys):
    blocker = installation / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    assert main(["editor", "--db", str(editor_db_path), "--screenshots", str(blocker / "shots")]) != 0
    error = capsys.readouterr().err.strip()
    assert len(error.splitlines()) == 1 and "a-file" in error
