"""Rules and playlists as a YAML document a marketer can read, edit and keep in git.

```yaml
default_playlist: brand_loop
playlists:
- name: after_school_snacks
  loop: loop                       # loop | once
  items:
  - snacks_chips                   # short form: the content name
  - {content: snacks_candy, duration_s: 6.0}
rules:
- name: students_after_school
  playlist: after_school_snacks
  priority: 50
  when:                            # leave out what does not matter: empty means "any"
    age_groups: [teen]
    attire: [school_uniform]
    company: [teens]                        # alone | adult_with_child | teens | adults
    weekdays: [mon, tue, wed, thu, fri]     # or "mon-fri", "sat,sun", "fri-mon"
    time: ['15:00-18:00']                   # '22:00-02:00' runs past midnight
    min_group_size: 1
    dates: {from: 2026-11-01, until: 2026-12-31}
  weight: 1.0
  cooldown_s: 0.0
  max_plays_per_hour: 12
  enabled: true
  note: Snacks for students after school
  origin: manual                   # manual | learned | learned_edited
```

The fields and their checks are those of `playlists.codec` (this module only adds YAML
and line numbers). `parse_document` checks everything and reports every problem at once,
each on one line naming the file, the line and the field:

    rules.yaml:14: rules[1].when.age_groups: unknown age group 'teenager' (known: child, ...)

Line numbers come from composing the YAML node tree (`yaml.compose`) and remembering
where each value and key starts while turning nodes into plain data. Keys are read as
written (so a key `on:` is not the boolean true).

Hostile documents are refused before a node is built (`foundation.limits`): more than
`MAX_YAML_BYTES` (2 MiB), or any anchor or alias (`&a` / `*a`: 500 bytes of them expand
into gigabytes). Every problem line is cut at `MAX_ERROR_LINE_CHARS`, so a huge value
is never echoed whole. `read_document_file` reads a file refused from its size first.

`dump_document` writes the same format; `parse_document(dump_document(d)) == d`.
Comments are not kept: a file exported from the store has none except its header.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from typing import TYPE_CHECKING

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from playlists.codec import (
    FieldPath,
    Problem,
    RuleDocument,
    StoredNames,
    decode_document,
    playlist_to_dict,
    rule_to_dict,
)
from playlists.model import Playlist, Rule
from foundation.errors import DataError, ValidationError
from foundation.limits import MAX_YAML_BYTES, InputLimitError, clip_line, read_text_limited, refuse_yaml_aliases

if TYPE_CHECKING:
    from playlists.store import PlaylistStore

# libyaml when PyYAML was built with it: composing 10,000 rules takes about 20 s in pure
# Python and about 1 s in C. Both give nodes with their line numbers.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BaseDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

__all__ = [
    "RuleDocument",
    "dump_document",
    "dump_playlist",
    "dump_rule",
    "parse_document",
    "read_document_file",
    "validate_document",
]


def read_document_file(path: str | os.PathLike) -> str:
    """The text of a rules file, refused from its size before it is read (over `MAX_YAML_BYTES`).

    DataError (one line naming the file) when it is missing, unreadable, too large or
    not UTF-8; the text then goes to `parse_document` or `validate_document`.
    """
    try:
        return read_text_limited(path, MAX_YAML_BYTES, what="the rules file")
    except FileNotFoundError:
        raise DataError(f"{path}: file not found") from None
    except InputLimitError as error:
        raise DataError(str(error)) from None
    except OSError as error:
        raise DataError(f"{path}: cannot read ({error.strerror or error})") from None


def parse_document(
    text: str,
    source_name: str = "<document>",
    store: PlaylistStore | StoredNames | None = None,
    known_content: Iterable[str] | None = None,
) -> RuleDocument:
    """Read and check a rules document; ValidationError lists every problem, one per line.

    `store` (a PlaylistStore, or its `stored_names()`) lets a document without a
    `playlists:` section refer to the store's playlists, and catches a `playlists:`
    section that would strand stored rules. `known_content` (catalog names) checks
    every playlist item.
    """
    document, problems = _parse(text, source_name, store, known_content)
    if problems:
        raise ValidationError(problems)
    return document


def validate_document(
    text: str,
    source_name: str = "<document>",
    store: PlaylistStore | StoredNames | None = None,
    known_content: Iterable[str] | None = None,
) -> list[str]:
    """Every problem of a rules document as `file:line: field: message` lines (empty: valid)."""
    return _parse(text, source_name, store, known_content)[1]


def _parse(text, source_name, store, known_content) -> tuple[RuleDocument, list[str]]:
    try:
        # Before the loader builds a node: the size, and anchors and aliases while streaming events.
        refuse_yaml_aliases(text, source_name, MAX_YAML_BYTES)
    except InputLimitError as error:
        return RuleDocument(), [clip_line(str(error))]
    try:
        loader = _Loader(text)  # the pure-Python loader checks the characters already
    except yaml.reader.ReaderError as error:
        return RuleDocument(), [_reader_problem(error, text, source_name)]
    try:
        try:
            root = loader.get_single_node()
        except yaml.MarkedYAMLError as error:
            return RuleDocument(), [_syntax_problem(error, source_name)]
        except yaml.reader.ReaderError as error:
            return RuleDocument(), [_reader_problem(error, text, source_name)]
        if root is None:
            return RuleDocument(), [
                f"{source_name}:1: the document is empty (expected default_playlist, playlists and rules; "
                "write `playlists: []` and `rules: []` to mean none)"
            ]
        reader = _NodeReader(loader)
        data = reader.plain(root, ())
    finally:
        loader.dispose()

    problems: list[Problem] = list(reader.problems)
    stored = store.stored_names() if hasattr(store, "stored_names") else store
    content = None if known_content is None else frozenset(known_content)
    document = decode_document(data, problems, stored, content)
    lines = sorted(
        ((reader.line_of(problem), index, problem) for index, problem in enumerate(problems)),
        key=lambda entry: entry[:2],
    )
    return document, [clip_line(f"{source_name}:{line}: {problem}") for line, _, problem in lines]


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _reader_problem(error: yaml.reader.ReaderError, text: str, source_name: str) -> str:
    line = text.count("\n", 0, error.position) + 1
    return f"{source_name}:{line}: character #x{error.character:04x} is not allowed in YAML ({error.reason})"


def _syntax_problem(error: yaml.MarkedYAMLError, source_name: str) -> str:
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else 1
    if error.context and str(error.problem).startswith("but "):  # "expected a single document ... but found another"
        return f"{source_name}:{line}: YAML syntax: {error.context} {error.problem}"
    context = f" ({error.context})" if error.context else ""
    return f"{source_name}:{line}: YAML syntax: {error.problem}{context}"


class _NodeReader:
    """Turns a node tree into plain dicts, lists and scalars, remembering each path's line."""

    def __init__(self, loader: yaml.SafeLoader | yaml.CSafeLoader) -> None:
        self.loader = loader
        self.value_lines: dict[FieldPath, int] = {}
        self.key_lines: dict[FieldPath, int] = {}
        self.problems: list[Problem] = []
        self._open: set[int] = set()  # nodes being read, to stop at recursive aliases

    def plain(self, node: Node, path: FieldPath) -> object:
        self.value_lines[path] = node.start_mark.line + 1
        if id(node) in self._open:
            self.problems.append(Problem(path, "an alias refers to its own parent (recursive YAML)"))
            return None
        if isinstance(node, ScalarNode):
            if _has_surrogate(node.value):
                # A "\udce9" escape makes a lone surrogate, which SQLite cannot store.
                self.problems.append(Problem(path, "not valid Unicode text (a \\ud800-\\udfff escape)"))
                return None
            try:
                return self.loader.construct_object(node, deep=True)
            except (ValueError, OverflowError, yaml.YAMLError):
                # For example `from: 2026-13-45`, which YAML resolves as a date: keep the
                # text, and the field's own check says what is wrong with it.
                return node.value
        self._open.add(id(node))
        try:
            if isinstance(node, SequenceNode):
                return [self.plain(child, path + (index,)) for index, child in enumerate(node.value)]
            if isinstance(node, MappingNode):
                return self._mapping(node, path)
            return None
        finally:
            self._open.discard(id(node))

    def _mapping(self, node: MappingNode, path: FieldPath) -> dict:
        result: dict = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if not isinstance(key_node, ScalarNode):
                self.value_lines.setdefault(path + ("?",), line)
                self.problems.append(Problem(path, "a key must be plain text", at=path + ("?",)))
                continue
            key = key_node.value
            child = path + (key,)
            if key in first_line:
                self.key_lines[child + ("repeat",)] = line
                self.problems.append(
                    Problem(path, f"key {key!r} appears twice (first on line {first_line[key]})", at=child + ("repeat",), on_key=True)
                )
                continue
            first_line[key] = line
            self.key_lines[child] = line
            result[key] = self.plain(value_node, child)
        return result

    def line_of(self, problem: Problem) -> int:
        """The line of the most precise known part of the problem's location."""
        where = problem.location
        if problem.on_key and where in self.key_lines:
            return self.key_lines[where]
        while where:
            if where in self.value_lines:
                return self.value_lines[where]
            where = where[:-1]
        return self.value_lines.get((), 1)


# --------------------------------------------------------------------------------------
# Writing


class _Flow(list):
    """A list written on one line: `[teen, young_adult]`."""


class _FlowMapping(dict):
    """A mapping written on one line: `{content: snacks_candy, duration_s: 6.0}`."""


class _Dumper(_BaseDumper):
    def ignore_aliases(self, data: object) -> bool:
        return True  # never write &anchors: a marketer should see every value where it applies


# PyYAML reads these as line breaks (or drops a BOM) inside plain and single-quoted text, so
# "a\x85b" would come back as "a b": text holding one is written double-quoted, where
# they are escaped.
_BREAKING_CHARACTERS = ("\x85", "\u2028", "\u2029", "\ufeff")


def _represent_text(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    style = '"' if any(character in data for character in _BREAKING_CHARACTERS) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(str, _represent_text)
_Dumper.add_representer(_Flow, lambda dumper, data: dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True))
_Dumper.add_representer(
    _FlowMapping, lambda dumper, data: dumper.represent_mapping("tag:yaml.org,2002:map", data.items(), flow_style=True)
)


def dump_document(document: RuleDocument, header: str = "") -> str:
    """The document as YAML (`header` lines become comments at the top).

    Entries are separated by blank lines; sections that are None are left out, an empty
    section is written `rules: []`. Comments of an imported file are not kept.
    """
    parts = [f"# {line}".rstrip() + "\n" for line in header.splitlines()]
    body = []
    if document.default_playlist is not None:
        body.append(_dump({"default_playlist": document.default_playlist}))
    for section, entries, shape in (
        ("playlists", document.playlists, _playlist_shape),
        ("rules", document.rules, _rule_shape),
    ):
        if entries is None:
            continue
        if not entries:
            body.append(f"{section}: []\n")
            continue
        # Each entry is dumped on its own (a one-item list at column 0, valid YAML under the
        # key) so blank lines can separate them without touching any scalar's text.
        body.append(f"{section}:\n" + "\n".join(_dump([shape(entry)]) for entry in entries))
    if not body:
        body.append("{}\n")  # nothing to change; an empty file would be refused
    return "".join(parts) + "\n".join(body)


def dump_rule(rule: Rule) -> str:
    """One rule as YAML (the mapping of a `rules:` entry)."""
    return _dump(_rule_shape(rule))


def dump_playlist(playlist: Playlist) -> str:
    """One playlist as YAML (the mapping of a `playlists:` entry)."""
    return _dump(_playlist_shape(playlist))


def _dump(data: object) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False)


def _rule_shape(rule: Rule) -> dict:
    data = rule_to_dict(rule)
    when = data.get("when")
    if when:
        for key, value in when.items():
            if isinstance(value, list):
                when[key] = _Flow(value)
        if "dates" in when:  # real dates: written unquoted, as a marketer would type them
            when["dates"] = _FlowMapping({k: dt.date.fromisoformat(v) for k, v in when["dates"].items()})
    return data


def _playlist_shape(playlist: Playlist) -> dict:
    data = playlist_to_dict(playlist)
    data["items"] = [_FlowMapping(item) if isinstance(item, dict) else item for item in data["items"]]
    return data
