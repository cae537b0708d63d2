"""The Korean and English catalogue: language choice, counts, and a catalogue that is
complete (a missing Korean text fails here) and compiled (`scripts/i18n release`)."""

from __future__ import annotations

import re

import pytest

from foundation import i18n
from foundation import i18n_catalogue as catalogue
from foundation.errors import ConfigError


@pytest.mark.parametrize(
    "environ, expected",
    [
        ({"LANG": "ko_KR.UTF-8"}, "ko"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "en"),  # a language we do not have: English
        ({"LC_ALL": "ko_KR.UTF-8", "LANG": "en_US.UTF-8"}, "ko"),  # LC_ALL wins over LANG
        ({"LC_MESSAGES": "ko_KR", "LANG": "en_US.UTF-8"}, "ko"),
        ({"LANGUAGE": "ko:en", "LANG": "en_US.UTF-8"}, "ko"),  # gettext's list comes first
        ({"LANGUAGE": "fr:ko", "LANG": "en_US.UTF-8"}, "ko"),
    ],
)
def test_the_language_follows_the_system_locale(environ, expected):
    assert i18n.language_from_locale(environ) == expected


def test_lang_wins_over_the_config_which_wins_over_the_locale():
    korean = {"LANG": "ko_KR.UTF-8"}
    assert i18n.resolve_language(None, None, korean) == "ko"
    assert i18n.resolve_language(None, "auto", korean) == "ko"
    assert i18n.resolve_language(None, "en", korean) == "en"
    assert i18n.resolve_language("ko", "en", {}) == "ko"
    assert i18n.resolve_language("ko_KR.UTF-8", None, {}) == "ko"


@pytest.mark.parametrize("bad", ["fr", "", "korean", "12"])
def test_an_unknown_language_is_one_clear_error(bad):
    with pytest.raises(ConfigError, match=r"--lang: unknown language .* \(known: en, ko\)"):
        i18n.resolve_language(bad or " ", None, {})


def _write_ts(path, language, body):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f'<?xml version="1.0" encoding="utf-8"?>\n<TS version="2.1" language="{language}">\n{body}\n</TS>\n',
        encoding="utf-8",
    )


def test_counts_take_the_form_of_their_language(tmp_path):
    people = '<context><name>t</name><message numerus="yes"><source>%n people</source><translation>{}</translation></message>{}</context>'
    _write_ts(tmp_path / "en" / "cli.ts", "en_US", people.format(
        "<numerusform>%n person</numerusform><numerusform>%n people</numerusform>", ""))
    _write_ts(tmp_path / "ko" / "cli.ts", "ko_KR", people.format(
        "<numerusform>%n명</numerusform>",
        '<message><source>Rule {name} wins</source><translation>{name} 규칙이 이깁니다</translation></message>'
        '<message><source>Not yet</source><translation type="unfinished">아직</translation></message>',
    ))
    english, korean = i18n.Translator("en", tmp_path), i18n.Translator("ko", tmp_path)
    assert [english.tr("t", "%n people", n=k) for k in (0, 1, 2)] == ["0 people", "1 person", "2 people"]
    assert [korean.tr("t", "%n people", n=k) for k in (1, 5)] == ["1명", "5명"]
    assert korean.tr("t", "Rule {name} wins", name="beer") == "beer 규칙이 이깁니다"
    # Unfinished and unknown texts show the English source, fields filled in.
    assert korean.tr("t", "Not yet") == "Not yet"
    assert korean.tr("t", "Missing {x}", x=1) == "Missing 1"
    assert english.tr("t", "A {brace} stays", n=None) == "A {brace} stays"  # no fields: no formatting


def test_the_extractor_refuses_a_text_it_cannot_read(tmp_path):
    package = tmp_path / "signage"
    package.mkdir()
    (package / "bad.py").write_text('from foundation.i18n import tr\nname = "x"\ntr("cli", f"Hello {name}")\n')
    for other in catalogue.SOURCE_PACKAGES:
        (tmp_path / other).mkdir(exist_ok=True)
    with pytest.raises(catalogue.ExtractionError, match=r"bad.py:3: tr\(\) needs a literal context and text"):
        catalogue.extract(tmp_path)


def test_the_extractor_reads_python_and_templates(tmp_path):
    for other in catalogue.SOURCE_PACKAGES:
        (tmp_path / other).mkdir(exist_ok=True)
    (tmp_path / "signage" / "editor").mkdir()
    (tmp_path / "signage" / "editor" / "tab.py").write_text(
        'tr("editor.x", "Save")\ntr("editor.x", "%n rules", n=2)\nLABEL = tr_noop("editor.x", "Later")\n'
        'tr("editor.x", "Two " "parts")\n'
    )
    templates = tmp_path / "signage" / "server" / "console" / "templates"
    templates.mkdir(parents=True)
    (templates / "page.html").write_text('<h1>{{ tr("console.page", "Kiosks") }}</h1> {{ tr(\'console.page\', "%n kiosks", n=count) }}')
    found = catalogue.extract(tmp_path)
    assert set(found["editor"]) == {("editor.x", "Save"), ("editor.x", "%n rules"), ("editor.x", "Later"), ("editor.x", "Two parts")}
    assert found["editor"][("editor.x", "%n rules")].numerus
    assert set(found["console"]) == {("console.page", "Kiosks"), ("console.page", "%n kiosks")}
    assert found["console"][("console.page", "%n kiosks")].numerus
    assert not found["cli"] and not found["player"]


def _fields(text: str) -> set[str]:
    return set(re.findall(r"\{([A-Za-z_][A-Za-z0-9_]*)", text))


@pytest.mark.parametrize("language", i18n.LANGUAGES)
def test_every_text_of_the_source_is_translated(language):
    """Fails on a text added to the source without its Korean (or its English plural):
    run `scripts/i18n update`, `scripts/i18n todo ko`, fill them in, `scripts/i18n release`."""
    found = catalogue.extract()
    missing, wrong = [], []
    for area in i18n.AREAS:
        entries = catalogue.read_entries(catalogue.ts_path(language, area))
        for key, message in found[area].items():
            value = entries.get(key)
            if not value:
                missing.append(f"{area}: {key[0]}: {key[1]!r}")
                continue
            forms = value if isinstance(value, list) else [value]
            if message.numerus and len(forms) != i18n.PLURAL_FORMS[language]:
                wrong.append(f"{key}: {len(forms)} forms, {language} has {i18n.PLURAL_FORMS[language]}")
            for form in forms:
                if _fields(form) != _fields(message.source):
                    wrong.append(f"{key}: fields {_fields(form)} in {form!r}")
                if ("%n" in message.source) != ("%n" in form):
                    wrong.append(f"{key}: %n in {form!r}")
        stale = set(entries) - set(found[area])
        assert not stale, f"{language}/{area}.ts holds texts the source no longer has: run scripts/i18n update: {sorted(stale)[:5]}"
    assert not missing, f"{len(missing)} texts have no {language} translation, e.g. " + "; ".join(missing[:8])
    assert not wrong, "; ".join(wrong[:8])


def test_the_compiled_catalogues_are_current(tmp_path):
    """The .qm files Qt loads are built from today's .ts files (`scripts/i18n release`)."""
    for built in catalogue.release(out_dir=tmp_path):
        shipped = i18n.qm_path(built.stem.split("_")[-1])
        assert shipped.exists(), f"{shipped} missing: run scripts/i18n release"
        assert shipped.read_bytes() == built.read_bytes(), f"{shipped.name} is older than the .ts files: run scripts/i18n release"


def test_qt_translates_through_its_translator(qapp):
    """The editor and player go through QTranslator: a Korean count and a field."""
    from signage.i18n_qt import install_qt_translator, uninstall_qt_translator

    korean = i18n.Translator("ko")
    numerus = [key for key, value in korean._messages.items() if isinstance(value, tuple)]  # noqa: SLF001
    assert numerus, "the Korean catalogue has no count to try"
    context, source = numerus[0]
    install_qt_translator(qapp, "ko")
    try:
        assert i18n._backend is not None  # noqa: SLF001 - Qt's translator is in use
        assert i18n.tr(context, source, n=7) == korean.tr(context, source, n=7)
        assert i18n.tr(context, source, n=7) != i18n.Translator("en").tr(context, source, n=7)
    finally:
        uninstall_qt_translator(qapp)
    assert i18n.tr(context, source, n=1) == i18n.Translator("en").tr(context, source, n=1)


def test_a_request_speaks_its_own_language_without_changing_the_process():
    """The console sets SCOPED_LANGUAGE per request: a library's words follow it there only."""
    import contextvars
    import threading

    from playlists.words import people_words, segment_words

    def korean_request() -> tuple[str, str]:
        i18n.SCOPED_LANGUAGE.set("ko")
        return segment_words("young_adult", "casual"), people_words(3)

    answers = {}
    thread = threading.Thread(target=lambda: answers.update(ko=contextvars.copy_context().run(korean_request)))
    thread.start()
    thread.join()
    assert answers["ko"] == (i18n.Translator("ko").tr("words", "{who} in casual clothes", who=i18n.Translator("ko").tr("words", "young adults")), "3명")
    assert answers["ko"][0] != "young adults in casual clothes"
    # This thread, the process, still speaks English.
    assert i18n.current_language() == "en"
    assert segment_words("young_adult", "casual") == "young adults in casual clothes"
    assert people_words(1) == "1 person"
