"""The player's own texts in Korean and English, drawn with real glyphs; its records in English.

What a shopper or the operator reads on the screen (the F1 overlay, the F2 aiming
picture, the built-in slide) follows `ui.language` or the locale. What machines and a
chain's head office read (the trace, proof of play, the log) stays English. The Korean
text must be drawn with a Korean font (fonts-noto-cjk, installed by the bootstrap), not
as the missing-glyph box: `glyph_runs` says which font draws each character.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QImage, QPainter, QTextLayout

from audience.types import AgeGroup, Attire
from content.catalog import ContentLibrary
from foundation import i18n
from foundation.db import open_database
from playlists.proof_of_play import ProofOfPlay
from playlists.rulebook import seed_if_new
from playlists.stability import StabilitySettings
from playlists.store import PlaylistStore
from signage.config import SignageConfig, UiSettings
from signage.i18n_qt import install_qt_translator, uninstall_qt_translator
from signage.player.aim import AimFace, AimView, paint_aim
from signage.player.settings import PlayerSettings
from signage.player.trace import read_trace
from signage.player.window import PlayerWindow
from tests.audience.builders import make_visitor

HANGUL = re.compile(r"[\uac00-\ud7a3]")


def glyph_runs(text: str, font: QFont) -> list[tuple[str, list[int], bool]]:
    """How Qt draws `text` in `font`: (font family, glyph indexes, whether that font has 한)
    for each run of glyphs from one font. Glyph 0 is the missing-glyph box."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return [
        (run.rawFont().familyName(), list(run.glyphIndexes()), run.rawFont().supportsCharacter("한"))
        for run in layout.glyphRuns()
    ]


def assert_drawn_in_korean(text: str, font: QFont) -> None:
    """Every character of `text` has a real glyph, and its Korean ones come from a font that has Korean."""
    assert HANGUL.search(text), f"no Korean in {text!r}"
    runs = glyph_runs(text, font)
    assert runs and all(0 not in glyphs for _family, glyphs, _korean in runs), f"missing glyphs in {text!r}: {runs}"
    korean_runs = [family for family, _glyphs, has_korean in runs if has_korean]
    assert korean_runs, f"no font with Korean drew {text!r}: {runs}"


@pytest.fixture
def korean(qapp):
    """The process speaks Korean through Qt's translator; English again afterwards."""
    install_qt_translator(qapp, "ko")
    yield
    uninstall_qt_translator(qapp)


@pytest.fixture
def window(qtbot):
    """The real player window, offscreen."""
    window = PlayerWindow(PlayerSettings(camera="none", fullscreen=False))
    qtbot.addWidget(window)
    window.show_on_screen()
    window.resize(1280, 720)
    qtbot.waitExposed(window)
    yield window
    window.close()


def test_a_missing_glyph_is_caught_by_the_check(qapp):
    # The check itself can fail: a character no installed font has is glyph 0.
    runs = glyph_runs("\U000f0001", QFont("DejaVu Sans", 10))
    assert any(0 in glyphs for _family, glyphs, _korean in runs)
    with pytest.raises(AssertionError, match="missing glyphs"):
        assert_drawn_in_korean("한 \U000f0001", QFont("DejaVu Sans", 10))


def test_the_f1_overlay_speaks_korean_in_korean_glyphs(qtbot, korean, window):
    window.overlay_source = lambda: ["decision: brand_loop"]
    window.toggle_overlay()
    text = window.overlay.text()
    assert text.startswith("화면: 초당 새 프레임 ")
    assert_drawn_in_korean(text.splitlines()[0], window.overlay.font())
    # The overlay's font is the monospaced one of its style sheet; the Korean comes from the fallback.
    assert "DejaVu Sans Mono" in {family for family, _glyphs, _korean in glyph_runs(text, window.overlay.font())}


def test_the_f1_overlay_in_english(qtbot, window):
    window.overlay_source = list
    window.toggle_overlay()
    assert re.fullmatch(r"screen: \d+\.\d new frames/s", window.overlay.text())


def draw_aim(view: AimView | None) -> QImage:
    image = QImage(480, 270, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    paint_aim(painter, QRectF(image.rect()), view)
    painter.end()
    return image


def test_the_aiming_picture_captions_in_korean_and_english(qapp):
    view = AimView(640, 480, (AimFace(7, (100.0, 100.0, 300.0, 340.0), "adults, casual clothes"),))
    english = draw_aim(view)
    assert i18n.tr("player", "aim: %n faces ({width}x{height})", n=1, width=640, height=480) == "aim: 1 face (640x480)"
    install_qt_translator(qapp, "ko")
    try:
        caption = i18n.tr("player", "aim: %n faces ({width}x{height})", n=1, width=640, height=480)
        assert caption == "조준: 얼굴 1개 (640x480)"
        assert i18n.tr("player", "aim: the camera has no signal") == "조준: 카메라 신호가 없습니다"
        korean_picture = draw_aim(view)
        assert_drawn_in_korean(caption, QFont("DejaVu Sans", 10))  # the aiming picture's font
    finally:
        uninstall_qt_translator(qapp)
    assert korean_picture != english  # the caption is drawn in the other language


def test_the_aiming_labels_name_the_segment_in_words(korean):
    from signage.player.audience_worker import _aim_label

    label = _aim_label(make_visitor(age_group=AgeGroup.TEEN, attire=Attire.SCHOOL_UNIFORM))
    assert label == f"{i18n.tr('words', 'teens')}, {i18n.tr('words', 'school uniform')}"
    assert "/" not in label and "teen" not in label
    assert _aim_label(make_visitor(age_group=None, attire=Attire.UNKNOWN)) == "?, ?"


def test_the_built_in_slide_says_welcome_in_the_screen_language(qapp):
    settings = PlayerSettings(camera="none")
    stability = StabilitySettings()
    assert settings.schedule(stability).fallback_title == "Welcome"
    install_qt_translator(qapp, "ko")
    try:
        assert settings.schedule(stability).fallback_title == "어서 오세요"
        own = PlayerSettings(camera="none", fallback_title="Corner Store")
        assert own.schedule(stability).fallback_title == "Corner Store"  # the operator's own title, as written
        assert_drawn_in_korean("어서 오세요", QFont())
    finally:
        uninstall_qt_translator(qapp)


@pytest.fixture
def db_path(tmp_path):
    """A database with the sample content and the seed rules."""
    path = tmp_path / "signage.db"
    db = open_database(path)
    seed_if_new(PlaylistStore(db), ContentLibrary(db), tmp_path / "media")
    db.close()
    return path


def test_a_korean_run_keeps_its_records_in_english_and_gives_the_language_back(qtbot, qapp, db_path, tmp_path):
    from signage.player.app import PlayOptions, run_player

    config = SignageConfig(
        player=PlayerSettings(camera="none", fullscreen=False, status_port=0), ui=UiSettings(language="ko"),
    )
    trace = tmp_path / "trace.jsonl"
    seen = []
    run_player(
        PlayOptions(db_path=db_path, duration_s=1.5, headless=True, trace=trace, show_overlay=True,
                    trace_listener=lambda record: seen.append(i18n.current_language())),
        config,
    )
    assert seen and set(seen) == {"ko"}  # the run spoke Korean ...
    assert i18n.current_language() == "en"  # ... and the tests' application speaks English again
    records = read_trace(trace)
    plays = ProofOfPlay(open_database(db_path)).plays()
    assert records and plays
    assert not any(HANGUL.search(str(record)) for record in records)
    assert not any(HANGUL.search(play.reason) for play in plays)


def test_the_language_of_a_run_is_lang_else_the_config_else_the_locale(qtbot, db_path, monkeypatch, tmp_path):
    from signage.player.app import PlayOptions, run_player

    spoken = []
    listener = lambda record: spoken.append(i18n.current_language())
    monkeypatch.setenv("LANG", "ko_KR.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.delenv("LANGUAGE", raising=False)
    base = PlayerSettings(camera="none", fullscreen=False, status_port=0)
    for options_language, configured, expected in ((None, "auto", "ko"), (None, "en", "en"), ("ko", "en", "ko")):
        spoken.clear()
        run_player(
            PlayOptions(db_path=db_path, duration_s=1.0, headless=True, language=options_language,
                        trace=tmp_path / "trace.jsonl", trace_listener=listener),
            SignageConfig(player=base, ui=UiSettings(language=configured)),
        )
        assert spoken and set(spoken) == {expected}, (options_language, configured)


@pytest.fixture
def speak():
    """Switch the process's language (the catalogue's .ts files, no Qt); English afterwards."""
    yield i18n.set_language
    i18n.set_language("en")


def test_the_sample_ads_are_drawn_in_the_language_spoken_and_again_when_it_changes(tmp_path, speak):
    from content.samples import build_sample_content

    library = ContentLibrary(open_database(tmp_path / "s.db"))
    folder = tmp_path / "media"
    build_sample_content(folder, library)
    english_png = (folder / "snacks_chips.png").read_bytes()
    assert library.find("snacks_chips").title == "Crunchy Chips"

    speak("ko")
    items = {item.name: item for item in build_sample_content(folder, library)}
    assert items["snacks_chips"].title == "바삭한 감자칩"
    assert items["finance_headlines"].text.body.startswith("예시 헤드라인입니다.")
    korean_png = (folder / "snacks_chips.png").read_bytes()
    assert korean_png != english_png  # drawn again, in Korean
    mtime = (folder / "snacks_chips.png").stat().st_mtime_ns
    build_sample_content(folder, library)  # the same language again: nothing is drawn
    assert (folder / "snacks_chips.png").stat().st_mtime_ns == mtime

    speak("en")
    build_sample_content(folder, library)
    assert library.find("snacks_chips").title == "Crunchy Chips"


def test_the_sample_ads_draw_hangul_not_missing_glyphs(speak):
    import dataclasses

    import numpy as np

    from content.samples import IMAGE_SIZE_PX, SAMPLES, draw_sample_frame, in_language

    speak("ko")
    spec = in_language(next(spec for spec in SAMPLES if spec.name == "snacks_chips"))
    unknown = dataclasses.replace(spec, title="\U000f0001" * len(spec.title))  # no font has these
    other = dataclasses.replace(spec, title="수제 맥주 한잔")

    def title_band(sample) -> np.ndarray:
        frame = draw_sample_frame(sample, IMAGE_SIZE_PX, None)
        return frame[int(IMAGE_SIZE_PX[1] * 0.40):int(IMAGE_SIZE_PX[1] * 0.62)]

    korean, boxes, another = title_band(spec), title_band(unknown), title_band(other)
    background = title_band(dataclasses.replace(spec, title=" "))
    assert np.abs(korean.astype(int) - background).sum() > 0  # something is drawn ...
    assert not np.array_equal(korean, boxes)  # ... and it is not the missing-glyph boxes
    assert not np.array_equal(korean, another)  # different words, different glyphs
