"""The marketer-facing CLI in Korean and English: `--lang`, the config's `ui.language` and
the system locale choose; what is stored (the decision's reason, CSV columns) stays English."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import shutil
from pathlib import Path

import pytest

from audience.types import AgeGroup, Attire
from content.catalog import ContentLibrary
from foundation import i18n
from foundation.db import open_database
from playlists.decision import SimulatedAudience
from playlists.playback import simulate_decision
from playlists.proof_of_play import AudienceSummary, PlayOutcome, ProofOfPlay
from playlists.rulebook import load_rulebook
from playlists.store import PlaylistStore
from signage.cli import main

HANGUL = re.compile(r"[가-힣]")
SIMULATE = ["rules", "simulate"]
AUDIENCES = {
    "students after school": ["--age-group", "teen", "--attire", "school_uniform", "--group-size", "3",
                              "--at", "2026-11-23 16:10"],
    "an adult with a child in the evening": ["--age-group", "adult", "--group-size", "2", "--company",
                                             "adult_with_child", "--at", "2026-11-23 19:00"],
    "a lost camera at lunch": ["--no-signal", "--at", "2026-11-24 12:00"],
    "an uncertain senior": ["--age-group", "senior", "--confidence", "0.1", "--at", "2026-11-24 10:00"],
    "nobody at night": ["--group-size", "0", "--at", "2026-11-24 23:30"],
    "one commuter in the morning": ["--age-group", "adult", "--attire", "business", "--at", "2026-11-24 08:00"],
}


@pytest.fixture(autouse=True)
def english_afterwards():
    """`main` sets the process's language: leave English for the next test."""
    yield
    i18n.set_language("en")


@pytest.fixture(scope="module")
def seeded(tmp_path_factory) -> Path:
    """A data folder with a seeded database and the sample media, made once (seeding draws
    the sample media: seconds), copied by `installation` for each test."""
    folder = tmp_path_factory.mktemp("seeded")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SIGNAGE_DATA_DIR", str(folder))
        patch.setenv("SIGNAGE_DB", str(folder / "signage.db"))
        patch.setenv("SIGNAGE_CONFIG", str(folder / "no-config.yaml"))
        assert main(["rules", "seed", "--lang", "en"]) == 0
    return folder


@pytest.fixture
def installation(seeded: Path, tmp_path: Path, monkeypatch, capsys) -> Path:
    """A copy of the seeded database (its media stay in `seeded`); an English system
    locale; no config file unless a test writes one."""
    shutil.copyfile(seeded / "signage.db", tmp_path / "signage.db")
    monkeypatch.setenv("SIGNAGE_DATA_DIR", str(seeded))
    monkeypatch.setenv("SIGNAGE_DB", str(tmp_path / "signage.db"))
    monkeypatch.setenv("SIGNAGE_CONFIG", str(tmp_path / "config.yaml"))
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    capsys.readouterr()
    return tmp_path


def identifiers(db_path: Path) -> set[str]:
    """What a marketer typed and the output repeats as it is: rule, playlist and item names."""
    db = open_database(db_path)
    try:
        store = PlaylistStore(db)
        names = {rule.name for rule in store.rules()} | {playlist.name for playlist in store.playlists()}
        names |= set(ContentLibrary(db).items_by_name())
    finally:
        db.conn.close()
    return names


def english_left(text: str, names: set[str]) -> list[str]:
    """The English words of `text` once the identifiers, numbers and times are taken out."""
    for name in sorted(names, key=len, reverse=True):  # longest first: `school_uniform` in `..._school_uniform`
        text = text.replace(name, " ")
    return re.findall(r"[A-Za-z]{2,}", text)


def simulate(capsys, *argv: str) -> str:
    assert main([*SIMULATE, *argv]) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("audience", AUDIENCES, ids=list(AUDIENCES))
def test_simulate_with_lang_ko_speaks_korean_only(installation, capsys, audience):
    out = simulate(capsys, *AUDIENCES[audience], "--lang", "ko")
    assert HANGUL.search(out), out
    assert english_left(out, identifiers(installation / "signage.db")) == [], out


def test_the_same_words_in_english(installation, capsys):
    out = simulate(capsys, *AUDIENCES["an adult with a child in the evening"], "--lang", "en")
    assert not HANGUL.search(out)
    assert "Minors guardrail: held back beer_promo because the audience is an adult with a child." in out
    assert "Audience: 2 people, mostly adults (confidence 1.00); company: an adult with a child" in out


def test_one_person_is_a_person_not_1_people(installation, capsys):
    out = simulate(capsys, "--age-group", "adult", "--group-size", "1", "--at", "2026-11-24 20:00", "--lang", "en")
    assert "1 person (adults, confidence 1.00)" in out and "1 people" not in out
    assert "1명 (성인, 신뢰도 1.00)" in simulate(
        capsys, "--age-group", "adult", "--group-size", "1", "--at", "2026-11-24 20:00", "--lang", "ko"
    )


def test_the_system_locale_chooses_when_nothing_else_does(installation, capsys, monkeypatch):
    monkeypatch.setenv("LANG", "ko_KR.UTF-8")
    out = simulate(capsys, *AUDIENCES["students after school"])
    assert "재생: after_school_snacks" in out
    assert english_left(out, identifiers(installation / "signage.db")) == []
    # --lang wins over the locale.
    assert "Plays: after_school_snacks" in simulate(capsys, *AUDIENCES["students after school"], "--lang", "en")


def test_the_config_language_beats_the_locale_and_lang_beats_both(installation, capsys, monkeypatch):
    (installation / "config.yaml").write_text("ui:\n  language: ko\n")
    out = simulate(capsys, *AUDIENCES["a lost camera at lunch"])  # the usual config file ($SIGNAGE_CONFIG)
    assert "재생: lunch_deals" in out
    assert english_left(out, identifiers(installation / "signage.db")) == []
    assert "Plays: lunch_deals" in simulate(capsys, *AUDIENCES["a lost camera at lunch"], "--lang", "en")
    other = installation / "english.yaml"
    other.write_text("ui:\n  language: en\n")
    monkeypatch.setenv("LANG", "ko_KR.UTF-8")
    assert "Plays: lunch_deals" in simulate(capsys, *AUDIENCES["a lost camera at lunch"], "--config", str(other))


def test_lang_works_after_the_command_and_before_it(installation, capsys):
    after = simulate(capsys, *AUDIENCES["students after school"], "--lang", "ko", "-v")
    assert main(["--lang", "ko", *SIMULATE, *AUDIENCES["students after school"]]) == 0
    assert capsys.readouterr().out == after


@pytest.mark.parametrize("argv", [["--lang", "fr", "rules", "list"], ["rules", "list", "--lang", "korean"]])
def test_a_bad_lang_is_one_clear_line_and_exit_2(installation, capsys, argv):
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert "--lang: unknown language" in captured.err and "(known: en, ko)" in captured.err


def test_the_stored_reason_stays_english_while_the_display_is_korean(installation):
    """Proof of play and traces keep `Decision.reason` (the golden replay reads it): only
    what is shown is translated."""
    db = open_database(installation / "signage.db")
    try:
        book = load_rulebook(PlaylistStore(db), ContentLibrary(db))
    finally:
        db.conn.close()
    audience = SimulatedAudience(age_group=AgeGroup.TEEN, attire=Attire.SCHOOL_UNIFORM, group_size=3).view()
    when = dt.datetime(2026, 11, 23, 16, 10)
    english = simulate_decision(book, audience, when)
    i18n.set_language("ko")
    korean = simulate_decision(book, audience, when)
    assert korean.reason == english.reason == (
        "rule 'students_after_school' (priority 60) matched 3 visitors, mostly teen/school_uniform "
        "(confidence 1.00) on Mon 16:10: child/teen, mon-fri, 15:00-18:30"
    )
    assert korean.explain() == english.explain() and not HANGUL.search(korean.explain())
    assert HANGUL.search(korean.explain_words()) and HANGUL.search(korean.reason_words())


@pytest.fixture
def plays_db(installation: Path) -> Path:
    """Two plays on Monday: students saw the snacks, then the camera lost them."""
    db = open_database(installation / "signage.db")
    log = ProofOfPlay(db)
    students = AudienceSummary("ok", 2, "teen/school_uniform", 0.75, {"teen": 2}, {"school_uniform": 2})
    monday = dt.datetime(2026, 11, 23, 9, 0)
    first = log.item_started(started_at=monday, playlist="after_school_snacks", item="snacks_chips", kind="image",
                             rule="students_after_school", planned_s=8.0, reason="a reason", audience=students)
    log.item_ended(first, ended_at=monday + dt.timedelta(seconds=8), outcome=PlayOutcome.PLAYED)
    second = log.item_started(started_at=monday + dt.timedelta(seconds=8), playlist="brand_loop",
                              item="brand_welcome", kind="image", rule=None, planned_s=8.0, reason="a reason",
                              audience=AudienceSummary.from_snapshot(None))
    log.item_ended(second, ended_at=monday + dt.timedelta(seconds=11), outcome=PlayOutcome.INTERRUPTED)
    db.conn.close()
    return installation / "signage.db"


def test_report_plays_in_korean_keeps_its_csv_english(plays_db, capsys):
    assert main(["report", "plays", "--lang", "ko"]) == 0
    out = capsys.readouterr().out
    header, students, lost, totals = out.splitlines()
    # Columns are at least two spaces apart; a Korean title may hold one ("재생 목록").
    assert re.split(r"\s{2,}", header.strip()) == ["시작", "표시(초)", "재생 목록", "항목", "규칙", "결과", "시청자"]
    assert "재생 완료" in students and "2명, 주로 교복 차림의 청소년 (신뢰도 0.75)" in students
    assert "(기본)" in lost and "중단됨" in lost and "카메라 신호 없음" in lost
    assert totals == "재생 2회: 재생 완료 1회, 중단 1회"
    # The columns line up in terminal columns (a Hangul character takes two).
    assert students.index("after_school_snacks") == lost.index("brand_loop")
    assert main(["report", "plays", "--csv", "--lang", "ko"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows[0]["playlist"] == "after_school_snacks" and rows[0]["outcome"] == "played"


def test_report_plays_in_english_counts_one_play(plays_db, capsys):
    assert main(["report", "plays", "--from", "2026-11-23 09:00:05", "--lang", "en"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "1 play: 1 interrupted"


def test_report_attention_says_its_sentence_in_korean(plays_db, capsys):
    assert main(["report", "attention", "--from", "2026-11-23", "--to", "2026-11-24", "--lang", "ko"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("2026-11-23 00:00부터 2026-11-24 00:00까지 측정된 재생이 없습니다: 재생 2회")


def test_learn_and_suggestions_speak_korean(installation, capsys, monkeypatch):
    from tests.playlists.test_learning import MONDAY, write_history

    (installation / "config.yaml").write_text(
        "learning:\n  min_context_baskets: 100\n  min_category_baskets: 10\n  min_support: 0.0\nui:\n  language: ko\n"
    )
    write_history(installation / "pos.csv", [("35-44", "15:00", MONDAY, 400, 200), ("55-64", "15:30", MONDAY, 600, 30)])
    assert main(["purchases", "import-csv", str(installation / "pos.csv")]) == 0
    capsys.readouterr()
    assert main(["rules", "learn"]) == 0
    out = capsys.readouterr().out
    assert "장바구니 1000개, 카테고리 2개" in out
    assert "제안된 규칙 1개:" in out
    assert "`signage rules suggestions`로 검토한 뒤" in out
    assert main(["rules", "suggestions"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("learned_adult_afternoon_weekday_after_school_snacks")
    assert all(HANGUL.search(line) for line in lines[1:]), lines
    assert main(["rules", "accept", "learned_adult_afternoon_weekday_after_school_snacks"]) == 0
    assert capsys.readouterr().out.startswith("learned_adult_afternoon_weekday_after_school_snacks을(를) 수락했습니다")
