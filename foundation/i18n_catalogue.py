"""Keeping the catalogue in step with the source: `scripts/i18n update|todo|fill|release|check`.

**Why our own extractor.** PySide6's `pyside6-lupdate` reads Python, but only marks a
count (a numerus message) for `self.tr(...)`, not for a plain function, and does not
read Jinja templates (checked with PySide6 6.11). This module finds every
`tr("context", "text"[, n=...])` and `tr_noop("context", "text")` call with `ast` in
the Python source, and with a pattern in the console's templates, and writes Qt
Linguist's own `.ts` format, which Linguist opens and `pyside6-lrelease` compiles.

Files: `foundation/locale/<language>/<area>.ts`, the area by where the call is (the
editor, the player, the console's pages and templates, everything else is `cli`). Line
numbers are left out of the locations, so moving code does not rewrite the catalogue.
English is a catalogue too: its plain messages are their own source, filled in by
`update`; its counts need the singular and plural written ("%n person", "%n people").
"""

from __future__ import annotations

import ast
import contextlib
import fcntl
import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from foundation.i18n import AREAS, LANGUAGES, LOCALE_DIR, PLURAL_FORMS, qm_path

ROOT = LOCALE_DIR.parent.parent
SOURCE_PACKAGES = ("foundation", "audience", "content", "playlists", "signage")
TEMPLATE_DIRS = ("signage/server/console/templates", "signage/server/console/static")
QT_LANGUAGE = {"en": "en_US", "ko": "ko_KR"}
_FIELD = re.compile(r"(?<!\{)\{([A-Za-z_][A-Za-z0-9_]*)(?:[:!][^{}]*)?\}(?!\})")


@dataclass
class Message:
    """One translatable text as the source has it."""

    context: str
    source: str
    numerus: bool
    locations: set[str] = field(default_factory=set)


class ExtractionError(Exception):
    """A marked call the extractor cannot read (an f-string, a variable)."""


def area_of(relative: str) -> str:
    """Which `.ts` file a source file's texts go to."""
    if relative.startswith("signage/editor/"):
        return "editor"
    if relative.startswith("signage/player/"):
        return "player"
    if relative.startswith("signage/server/console/"):
        return "console"
    return "cli"


def extract(root: Path = ROOT) -> dict[str, dict[tuple[str, str], Message]]:
    """area -> (context, source) -> Message, for the whole source tree."""
    found: dict[str, dict[tuple[str, str], Message]] = {area: {} for area in AREAS}
    problems: list[str] = []
    for package in SOURCE_PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            relative = path.relative_to(root).as_posix()
            for context, source, numerus, line in _python_calls(path, problems):
                _add(found[area_of(relative)], context, source, numerus, relative, line, problems)
    for folder in TEMPLATE_DIRS:
        for path in sorted((root / folder).rglob("*")):
            if path.suffix not in (".html", ".js"):
                continue
            relative = path.relative_to(root).as_posix()
            for context, source, numerus, line in template_calls(path):
                _add(found[area_of(relative)], context, source, numerus, relative, line, problems)
    if problems:
        raise ExtractionError("\n".join(problems))
    return found


def _add(messages, context, source, numerus, relative, line, problems) -> None:
    key = (context, source)
    message = messages.setdefault(key, Message(context, source, numerus))
    if message.numerus != numerus:
        problems.append(f"{relative}:{line}: {source!r} is used with and without a count in {context!r}")
    message.locations.add(relative)


def _literal(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _python_calls(path: Path, problems: list[str]):
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
        if name not in ("tr", "tr_noop") or len(node.args) < 2:
            continue
        context, source = _literal(node.args[0]), _literal(node.args[1])
        if context is None or source is None:
            # tr("ctx", TEXTS[key]) translates a text marked with tr_noop: fine. An f-string
            # or a computed context can never be in the catalogue.
            if isinstance(node.args[1], ast.JoinedStr) or (source is not None and context is None):
                problems.append(
                    f"{path}:{node.lineno}: {name}() needs a literal context and text (no f-string or variable)"
                )
            continue
        numerus = len(node.args) >= 3 or any(keyword.arg == "n" for keyword in node.keywords)
        yield context, source, numerus, node.lineno


# {{ tr("console.fleet", "Kiosks") }}, tr('ctx', 'text', n=count), also in the console's JS.
_TEMPLATE_CALL = re.compile(
    r"""\btr\(\s*(?P<q1>["'])(?P<context>[^"']+)(?P=q1)\s*,\s*(?P<q2>["'])(?P<source>(?:\\.|(?!(?P=q2)).)*)(?P=q2)(?P<rest>[^)]*)\)""",
    re.DOTALL,
)


def template_calls(path: Path):
    """(context, source, is a count, line) of every marked text of a template or script."""
    text = path.read_text(encoding="utf-8")
    for match in _TEMPLATE_CALL.finditer(text):
        source = match["source"].replace("\\" + match["q2"], match["q2"])
        numerus = re.search(r"\bn\s*[=:]", match["rest"]) is not None  # n=count (Jinja), {n: count} (JS)
        yield match["context"], source, numerus, text.count("\n", 0, match.start()) + 1


@contextlib.contextmanager
def _locked():
    """One writer of the `.ts` files at a time (two people running `update` and `fill`)."""
    LOCALE_DIR.mkdir(parents=True, exist_ok=True)
    with open(LOCALE_DIR / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def ts_path(language: str, area: str) -> Path:
    return LOCALE_DIR / language / f"{area}.ts"


def read_entries(path: Path) -> dict[tuple[str, str], str | list[str] | None]:
    """(context, source) -> the finished translation (text or forms), None when unfinished."""
    entries: dict[tuple[str, str], str | list[str] | None] = {}
    if not path.exists():
        return entries
    for context in ElementTree.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "obsolete", "vanished"):
                entries[(name, source)] = None
            elif message.get("numerus") == "yes":
                entries[(name, source)] = [form.text or "" for form in translation.iter("numerusform")]
            else:
                entries[(name, source)] = translation.text or None
    return entries


def write_ts(path: Path, language: str, messages: dict[tuple[str, str], Message], entries) -> None:
    """Qt Linguist's format, sorted by context and source so a diff shows what changed."""
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>", f'<TS version="2.1" language="{QT_LANGUAGE[language]}" sourcelanguage="en_US">']
    by_context: dict[str, list[Message]] = {}
    for message in messages.values():
        by_context.setdefault(message.context, []).append(message)
    for context in sorted(by_context):
        lines += ["<context>", f"    <name>{escape(context)}</name>"]
        for message in sorted(by_context[context], key=lambda m: m.source):
            translation = entries.get((message.context, message.source))
            numerus = ' numerus="yes"' if message.numerus else ""
            lines.append(f"    <message{numerus}>")
            for location in sorted(message.locations):
                lines.append(f'        <location filename="../../../{escape(location)}"/>')
            lines.append(f"        <source>{escape(message.source)}</source>")
            if message.numerus:
                forms = translation if isinstance(translation, list) else None
                finished = forms is not None and len(forms) == PLURAL_FORMS[language] and all(forms)
                state = "" if finished else ' type="unfinished"'
                lines.append(f"        <translation{state}>")
                for index in range(PLURAL_FORMS[language]):
                    text = forms[index] if forms and index < len(forms) else ""
                    lines.append(f"            <numerusform>{escape(text)}</numerusform>")
                lines.append("        </translation>")
            else:
                text = translation if isinstance(translation, str) else None
                if text is None and language == "en":
                    text = message.source  # English speaks its own source
                state = "" if text else ' type="unfinished"'
                lines.append(f"        <translation{state}>{escape(text or '')}</translation>")
            lines.append("    </message>")
        lines.append("</context>")
    lines.append("</TS>")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def update(root: Path = ROOT) -> dict[str, int]:
    """Rewrite every `.ts` from the source, keeping the translations it has; returns the
    number of unfinished messages per language."""
    found = extract(root)
    unfinished = {language: 0 for language in LANGUAGES}
    with _locked():
        return _update(found, unfinished)


def _update(found, unfinished) -> dict[str, int]:
    for language in LANGUAGES:
        known: dict = {}
        for area in AREAS:  # a text that moved to another area keeps its translation
            known.update({key: value for key, value in read_entries(ts_path(language, area)).items() if value})
        for area in AREAS:
            write_ts(ts_path(language, area), language, found[area], known)
            unfinished[language] += sum(1 for value in read_entries(ts_path(language, area)).values() if value is None)
    return unfinished


def todo(language: str, area: str | None = None) -> dict[str, dict[str, str | list[str]]]:
    """The unfinished messages as {context: {source: "" or ["", ...]}}, to fill in."""
    result: dict[str, dict[str, str | list[str]]] = {}
    found = extract()
    for each in (area,) if area else AREAS:
        entries = read_entries(ts_path(language, each))
        for key, message in found[each].items():
            if entries.get(key) is None:
                blank: str | list[str] = [""] * PLURAL_FORMS[language] if message.numerus else ""
                result.setdefault(key[0], {})[key[1]] = blank
    return result


def fill(language: str, translations: dict[str, dict[str, str | list[str]]]) -> int:
    """Write translations ({context: {source: text or forms}}) into whichever area holds
    each message; returns how many were written. Unknown messages are an error."""
    found = extract()
    wanted = {(context, source): value for context, texts in translations.items() for source, value in texts.items()}
    written = 0
    placed: set[tuple[str, str]] = set()
    with _locked():
        written = _fill(language, found, wanted, placed)
    missing = [key for key in wanted if key not in placed and wanted[key]]
    if missing:
        raise ExtractionError("not in the source: " + "; ".join(f"{c!r} {s!r}" for c, s in missing[:10]))
    return written


def _fill(language, found, wanted, placed) -> int:
    written = 0
    for area in AREAS:
        path = ts_path(language, area)
        entries = {key: value for key, value in read_entries(path).items() if value}
        for key in found[area]:
            if key in wanted and wanted[key]:
                entries[key] = wanted[key]
                placed.add(key)
                written += 1
        write_ts(path, language, found[area], entries)
    return written


def release(language: str | None = None, out_dir: Path | None = None) -> list[Path]:
    """Compile each language's `.ts` files into one `.qm` with `pyside6-lrelease` (into
    `foundation/locale/`, or `out_dir`)."""
    tool = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent)) or shutil.which("pyside6-lrelease")
    if tool is None:
        raise ExtractionError("pyside6-lrelease not found (it comes with PySide6)")
    built = []
    with _locked():
        for each in (language,) if language else LANGUAGES:
            built.append(_release_one(tool, each, out_dir))
    return built


def _release_one(tool: str, each: str, out_dir: Path | None) -> Path:
    sources = [str(ts_path(each, area)) for area in AREAS]
    target = qm_path(each) if out_dir is None else out_dir / qm_path(each).name
    subprocess.run([tool, "-silent", *sources, "-qm", str(target)], check=True)
    return target


def main(argv: list[str] | None = None) -> int:
    """`scripts/i18n`: update | todo LANG [AREA] | fill LANG FILE.json | release | check."""
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0] not in ("update", "todo", "fill", "release", "check"):
        print(main.__doc__, file=sys.stderr)
        return 2
    command, rest = argv[0], argv[1:]
    try:
        if command == "update":
            for language, count in update().items():
                print(f"{language}: {count} unfinished")
        elif command == "todo":
            print(json.dumps(todo(rest[0], rest[1] if len(rest) > 1 else None), ensure_ascii=False, indent=1))
        elif command == "fill":
            count = fill(rest[0], json.loads(Path(rest[1]).read_text(encoding="utf-8")))
            print(f"{rest[0]}: {count} translations written")
        elif command == "release":
            for path in release():
                print(f"built {path.relative_to(ROOT)}")
        elif command == "check":
            counts = update()
            release()
            if any(counts.values()):
                print("unfinished: " + ", ".join(f"{k} {v}" for k, v in counts.items()), file=sys.stderr)
                return 1
    except ExtractionError as error:
        print(f"i18n: {error}", file=sys.stderr)
        return 1
    return 0
