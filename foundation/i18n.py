"""Korean and English: one catalogue for the Qt windows, the CLI and the console.

The catalogue is Qt Linguist's `.ts` files in `foundation/locale/<language>/<area>.ts`
(areas: `cli`, `editor`, `player`, `console`), written by `scripts/i18n update` from the
source and translated in Linguist or by hand. `scripts/i18n release` builds
`foundation/locale/signage_<language>.qm` from them with PySide6's `pyside6-lrelease`.

* **In a Qt process** (the editor, the player) `install_qt_translator` loads that `.qm`
  into a `QTranslator` and makes `tr` go through `QCoreApplication.translate`, so Qt's
  own translation system translates every string on screen.
* **Everywhere else** (the CLI, the console's pages, a library's explanation) `tr` reads
  the same `.ts` files directly: XML, parsed once per language.

A string is marked by calling `tr("context", "Source text")` (or `tr_noop` for a table
of texts translated later) with literal arguments, so the extractor finds it. Fields are
named (`tr("cli.rules", "Rule {name} wins", name=rule)`), because Korean puts them in
another order. A count goes in `n` and `%n` (`tr("cli", "%n people", n=3)`): English
has two forms ("1 person", "3 people"), Korean one ("3명"), as Qt's numerus forms do.
A missing translation shows the English source; a test fails on any.

A server answering many people at once gives each request its own language with
`SCOPED_LANGUAGE.set(...)` (a context variable, so it holds for that request's task or
thread only); `tr` then speaks it, wherever the sentence is built (the console's pages,
a rule's explanation, a segment's words).

This module imports no Qt: the Qt side plugs itself in with `set_backend`.
"""

from __future__ import annotations

import contextlib
import contextvars
import os
import threading
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable, Mapping
from pathlib import Path

from foundation.errors import ConfigError

LANGUAGES = ("en", "ko")
LANGUAGE_NAMES = {"en": "English", "ko": "한국어"}
AREAS = ("cli", "editor", "player", "console")
LOCALE_DIR = Path(__file__).resolve().parent / "locale"

# Qt's numerus forms per language: which form a count takes (CLDR's rules, as Qt's).
_PLURAL_FORM: dict[str, Callable[[int], int]] = {
    "en": lambda n: 0 if n == 1 else 1,
    "ko": lambda n: 0,  # Korean has one form: the counter word does the work
}
PLURAL_FORMS = {"en": 2, "ko": 1}

# (context, source, n is given) -> translated text; installed by the Qt side.
Backend = Callable[[str, str, "int | None"], str]


def check_language(value: object, where: str = "language") -> str:
    """`value` as a supported language code; a ConfigError naming `where` otherwise."""
    text = str(value).strip().lower() if value is not None else ""
    code = text.replace("-", "_").split("_")[0].split(".")[0]
    if code not in LANGUAGES:
        raise ConfigError(f"{where}: unknown language {value!r} (known: {', '.join(LANGUAGES)})")
    return code


def language_from_locale(environ: Mapping[str, str] | None = None) -> str:
    """The system locale's language when it is one we have, else English.

    POSIX order: LC_ALL, then LC_MESSAGES, then LANG (`ko_KR.UTF-8` is Korean;
    `C`, `POSIX` and unset are English). LANGUAGE, gettext's list, is read first when
    set, as gettext does.
    """
    environ = os.environ if environ is None else environ
    candidates = [part for part in environ.get("LANGUAGE", "").split(":") if part]
    for key in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if environ.get(key):
            candidates.append(environ[key])
            break
    for candidate in candidates:
        code = candidate.replace("-", "_").split("_")[0].split(".")[0].lower()
        if code in LANGUAGES:
            return code
    return "en"


def resolve_language(
    explicit: str | None = None, configured: str | None = None, environ: Mapping[str, str] | None = None
) -> str:
    """The language to speak: `--lang`, else the config's `ui.language` (unless `auto`),
    else the system locale. An unknown explicit or configured language is an error."""
    if explicit:
        return check_language(explicit, "--lang")
    if configured and configured != "auto":
        return check_language(configured, "ui.language")
    return language_from_locale(environ)


class Translator:
    """The catalogue of one language, read from its `.ts` files."""

    def __init__(self, language: str, locale_dir: Path = LOCALE_DIR) -> None:
        self.language = check_language(language)
        self._messages: dict[tuple[str, str], str | tuple[str, ...]] = {}
        for path in sorted((locale_dir / self.language).glob("*.ts")):
            self._messages.update(read_ts(path))

    def tr(self, context: str, text: str, n: int | None = None, **fields: object) -> str:
        """`text` of `context` in this language, with `%n` and `{fields}` filled in."""
        found = self._messages.get((context, text))
        if isinstance(found, tuple):
            forms = found
            if n is None or not forms:
                translated = forms[0] if forms else text
            else:
                index = min(_PLURAL_FORM[self.language](n), len(forms) - 1)
                translated = forms[index] or text
        else:
            translated = found or text
        return fill(translated, n, fields)

    def __len__(self) -> int:
        return len(self._messages)


def fill(template: str, n: int | None, fields: Mapping[str, object]) -> str:
    """`%n` replaced by the count and `{name}` by the fields (only when there are fields,
    so a text without any may hold braces)."""
    if n is not None:
        template = template.replace("%n", str(n))
    return template.format(**fields) if fields else template


def read_ts(path: Path) -> dict[tuple[str, str], str | tuple[str, ...]]:
    """(context, source) -> translation, or the numerus forms, for the finished messages of
    one `.ts` file (unfinished and obsolete ones are left out: the source shows instead)."""
    messages: dict[tuple[str, str], str | tuple[str, ...]] = {}
    root = ElementTree.parse(path).getroot()
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            if message.get("numerus") == "yes":
                messages[(name, source)] = tuple(form.text or "" for form in translation.iter("numerusform"))
            elif translation.text:
                messages[(name, source)] = translation.text
    return messages


_lock = threading.Lock()
_translators: dict[str, Translator] = {}
_language = "en"
_backend: Backend | None = None
# The language of the request being answered (None: the process's language).
SCOPED_LANGUAGE: contextvars.ContextVar[str | None] = contextvars.ContextVar("signage_scoped_language", default=None)


def translator_for(language: str) -> Translator:
    """The (cached) translator of `language`; the console asks per request."""
    code = check_language(language)
    with _lock:
        if code not in _translators:
            _translators[code] = Translator(code)
        return _translators[code]


def set_language(language: str) -> str:
    """Make `language` the process's language for `tr`; returns its code."""
    global _language
    _language = check_language(language)
    return _language


def current_language() -> str:
    """The process's language (English until `set_language`)."""
    return _language


def set_backend(backend: Backend | None) -> None:
    """Route `tr` through another translator (Qt's), or back to the `.ts` files with None."""
    global _backend
    _backend = backend


def tr(context: str, text: str, n: int | None = None, **fields: object) -> str:
    """`text` in the process's language (or the request's, `SCOPED_LANGUAGE`): see the
    module's docstring for the conventions."""
    scoped = SCOPED_LANGUAGE.get()
    if scoped is not None:
        return translator_for(scoped).tr(context, text, n, **fields)
    if _backend is not None:
        return fill(_backend(context, text, n), n, fields)
    return translator_for(_language).tr(context, text, n, **fields)


@contextlib.contextmanager
def speaking(language: str):
    """Within the block, `tr` speaks `language` in this thread or task only. `speaking("en")`
    around text that is stored (a learned rule's note, a suggestion's sentence in the
    server's database): what is kept stays English, whoever clicked, and is translated
    where it is shown."""
    token = SCOPED_LANGUAGE.set(check_language(language))
    try:
        yield
    finally:
        SCOPED_LANGUAGE.reset(token)


def tr_noop(context: str, text: str) -> str:
    """Marks `text` for the catalogue without translating it (for tables built at import
    time); translate it where it is shown with `tr(context, text)`."""
    del context
    return text


def qm_path(language: str) -> Path:
    """The compiled catalogue Qt loads for `language`."""
    return LOCALE_DIR / f"signage_{check_language(language)}.qm"
