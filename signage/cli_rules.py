"""`signage rules ...` and `signage playlists ...`: targeting rules and playlists.

Every command reads and writes the signage database (`--db`, default `$SIGNAGE_DB` or
`signage.db` in the data folder); every change is recorded with its author (`--author`,
default `$USER`) in the history, and `--expected-version N` refuses a change when someone
else changed the rule or playlist since you looked at version N.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from signage.cli_common import add_db_option, open_db
from foundation.errors import DataError, ValidationError

# Rule fields as `rules add/edit` options, for messages about what was given on the command line.
_OPTION_OF_FIELD = {
    "when.age_groups": "--age-group",
    "when.attire": "--attire",
    "when.genders": "--gender",
    "when.company": "--company",
    "when.time": "--time",
    "when.weekdays": "--weekdays",
    "when.min_group_size": "--min-group-size",
    "when.max_group_size": "--max-group-size",
    "when.min_dwell_s": "--min-dwell-s",
    "when.dates.from": "--from",
    "when.dates.until": "--until",
    "when.dates": "--from/--until",
    "name": "--name",
    "playlist": "--playlist",
    "priority": "--priority",
    "weight": "--weight",
    "cooldown_s": "--cooldown-s",
    "max_plays_per_hour": "--max-plays-per-hour",
    "note": "--note",
    "items": "--items",
    "loop": "--loop",
}


def register(commands: argparse._SubParsersAction) -> None:
    """Add the `rules` and `playlists` command groups."""
    _register_rules(commands)
    _register_playlists(commands)


def _register_rules(commands: argparse._SubParsersAction) -> None:
    rules = commands.add_parser("rules", help="targeting rules: what plays for whom and when", description=__doc__)
    sub = rules.add_subparsers(dest="rules_command", metavar="SUBCOMMAND", title="subcommands")
    sub.required = True

    listing = sub.add_parser("list", help="table of all rules: conditions in words, playlist, priority, state")
    add_db_option(listing)
    listing.set_defaults(handler=_rules_list)

    show = sub.add_parser("show", help="one rule as YAML, with its version")
    show.add_argument("name", help="rule name")
    add_db_option(show)
    show.set_defaults(handler=_rules_show)

    add = sub.add_parser(
        "add",
        help="create a rule",
        description="Create a rule. List options take a comma list or repeat: --age-group teen,young_adult.",
    )
    add.add_argument("--name", required=True, help="rule name (unique)")
    add.add_argument("--playlist", required=True, help="playlist the rule plays")
    _add_rule_options(add, editing=False)
    add_db_option(add)
    _add_author(add)
    add.set_defaults(handler=_rules_add)

    edit = sub.add_parser(
        "edit",
        help="change a rule: only the options given change",
        description="Change a rule; only the options given change. 'any' clears a list condition "
        "(--age-group any), 'none' clears a limit (--max-group-size none, --until none). "
        "Editing a learned rule makes it learned_edited: re-learning will not overwrite it.",
    )
    edit.add_argument("name", help="rule name")
    edit.add_argument("--playlist", help="playlist the rule plays")
    _add_rule_options(edit, editing=True)
    add_db_option(edit)
    _add_author(edit)
    _add_expected_version(edit)
    edit.set_defaults(handler=_rules_edit)

    for name, enabled, text in (("enable", True, "switch a rule on"), ("disable", False, "switch a rule off (it stays stored)")):
        toggle = sub.add_parser(name, help=text)
        toggle.add_argument("name", help="rule name")
        add_db_option(toggle)
        _add_author(toggle)
        _add_expected_version(toggle)
        toggle.set_defaults(handler=functools.partial(_rules_toggle, enabled=enabled))

    _add_versioned_commands(
        sub, "rule", "rules", "delete a rule (its history stays; `restore` brings it back)", _rules_delete
    )

    import_ = sub.add_parser(
        "import",
        help="replace all rules and playlists with a YAML file's, atomically",
        description="Replace the rules and playlists with the file's in one transaction: a file with any "
        "problem changes nothing, and every problem is listed. A file without a playlists: (or rules:) "
        "section keeps the stored playlists (or rules). Comments in the file are not stored.",
    )
    import_.add_argument("file", type=Path, help="YAML file (the format `rules export` writes)")
    import_.add_argument(
        "--expected-revision", type=int,
        help="refuse when the store changed since this revision (printed in the header of `rules export`)",
    )
    add_db_option(import_)
    _add_author(import_)
    import_.set_defaults(handler=_rules_import)

    export = sub.add_parser("export", help="write all rules and playlists as YAML")
    export.add_argument("file", nargs="?", type=Path, help="file to write (default: standard output)")
    add_db_option(export)
    export.set_defaults(handler=_rules_export)

    validate = sub.add_parser("validate", help="check a YAML rules file without changing anything; lists every problem")
    validate.add_argument("file", type=Path, help="YAML file to check")
    add_db_option(validate)
    validate.set_defaults(handler=_rules_validate)

    # `simulate` is registered by signage/cli_simulate.py (the decision engine's command).
    from signage import cli_learn, cli_simulate

    cli_simulate.register(sub)
    cli_learn.register(sub)


def _register_playlists(commands: argparse._SubParsersAction) -> None:
    playlists = commands.add_parser("playlists", help="playlists: ordered content the rules play", description=__doc__)
    sub = playlists.add_subparsers(dest="playlists_command", metavar="SUBCOMMAND", title="subcommands")
    sub.required = True

    listing = sub.add_parser("list", help="table of all playlists, the rules using them and the default")
    add_db_option(listing)
    listing.set_defaults(handler=_playlists_list)

    show = sub.add_parser("show", help="one playlist as YAML, with its version")
    show.add_argument("name", help="playlist name")
    add_db_option(show)
    show.set_defaults(handler=_playlists_show)

    add = sub.add_parser("add", help="create a playlist")
    add.add_argument("name", help="playlist name (unique)")
    add.add_argument("--items", required=True, help="content names in order, comma-separated; NAME:SECONDS sets a display time (a,b:6,c)")
    add.add_argument("--loop", choices=("loop", "once"), default="loop", help="after the last item: start again (loop) or let the rules pick again (once)")
    add.add_argument("--note", help="free text for the team")
    add_db_option(add)
    _add_author(add)
    add.set_defaults(handler=_playlists_add)

    edit = sub.add_parser("edit", help="change a playlist: only the options given change")
    edit.add_argument("name", help="playlist name")
    edit.add_argument("--items", help="new content list, comma-separated; NAME:SECONDS sets a display time")
    edit.add_argument("--loop", choices=("loop", "once"), help="after the last item: loop or once")
    edit.add_argument("--note", help="free text for the team ('' clears it)")
    add_db_option(edit)
    _add_author(edit)
    _add_expected_version(edit)
    edit.set_defaults(handler=_playlists_edit)

    _add_versioned_commands(
        sub, "playlist", "playlists", "delete a playlist (refused while a rule or the default uses it)", _playlists_delete
    )

    default = sub.add_parser("set-default", help="the playlist that plays when no rule matches")
    default.add_argument("name", help="playlist name")
    add_db_option(default)
    _add_author(default)
    default.set_defaults(handler=_playlists_set_default)


# --------------------------------------------------------------------------------------
# Shared options


def _add_author(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--author", help="who makes the change, for the history (default: $USER, else 'cli')")


def _add_expected_version(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--expected-version", type=int, metavar="N",
        help="refuse (exit 5) unless the stored version is still N: nobody changed it since you looked",
    )


def _add_rule_options(parser: argparse.ArgumentParser, editing: bool) -> None:
    # SUPPRESS: an option not given is absent from the namespace (see _apply_rule_options).
    parser = _SuppressedDefaults(parser)
    clear_list = " ('any' clears it)" if editing else ""
    clear_limit = " ('none' clears it)" if editing else ""
    parser.add_argument("--age-group", action="append", help=f"age groups, e.g. teen,young_adult (repeatable){clear_list}")
    parser.add_argument("--attire", action="append", help=f"attire, e.g. school_uniform,business (repeatable){clear_list}")
    parser.add_argument("--gender", action="append", help=f"genders (matches only when gender targeting is on){clear_list}")
    parser.add_argument(
        "--company", action="append",
        help=f"who the visitors are with: alone, adult_with_child, teens, adults (repeatable){clear_list}",
    )
    parser.add_argument("--time", action="append", metavar="HH:MM-HH:MM", help=f"daily time window, e.g. 15:00-18:00 (repeatable){clear_list}")
    parser.add_argument("--weekdays", help=f"days, e.g. mon-fri or sat,sun{clear_list}")
    parser.add_argument("--min-group-size", type=int, help="at least this many visitors in front of the screen")
    parser.add_argument("--max-group-size", type=_int_or_none if editing else int, help=f"at most this many visitors{clear_limit}")
    parser.add_argument("--min-dwell-s", type=float, help="the longest-staying visitor has been there this many seconds")
    parser.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help=f"first day the rule applies{clear_limit}")
    parser.add_argument("--until", dest="date_until", metavar="YYYY-MM-DD", help=f"last day the rule applies{clear_limit}")
    parser.add_argument("--priority", type=int, help="higher wins over lower; a higher rule may interrupt a lower one (default 0)")
    parser.add_argument("--weight", type=float, help="share among matching rules of the same priority (default 1)")
    parser.add_argument("--cooldown-s", type=float, help="seconds the rule rests after it starts its playlist (default 0)")
    parser.add_argument(
        "--max-plays-per-hour", type=_int_or_none if editing else int, help=f"at most this many starts an hour{clear_limit}"
    )
    parser.add_argument("--note", help="free text for the team")
    if editing:
        state = _SuppressedDefaults(parser.add_mutually_exclusive_group())
        state.add_argument("--enabled", dest="enabled", action="store_const", const=True, help="switch the rule on")
        state.add_argument("--disabled", dest="enabled", action="store_const", const=False, help="switch the rule off")
    else:
        parser.add_argument("--disabled", dest="enabled", action="store_const", const=False, help="create it switched off")


class _SuppressedDefaults:
    """Adds arguments to a parser (or group) with default=argparse.SUPPRESS."""

    def __init__(self, parser) -> None:
        self._parser = parser

    def add_argument(self, *names, **options):
        return self._parser.add_argument(*names, default=argparse.SUPPRESS, **options)

    def add_mutually_exclusive_group(self):
        return self._parser.add_mutually_exclusive_group()


def _int_or_none(text: str) -> int | None:
    if text.strip().lower() == "none":
        return None
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number or 'none', got {text!r}") from None


def _add_versioned_commands(sub, kind: str, group: str, delete_help: str, delete_handler) -> None:
    """`delete`, `history` and `restore`, which rules and playlists share."""
    delete = sub.add_parser("delete", help=delete_help)
    delete.add_argument("name", help=f"{kind} name")
    add_db_option(delete)
    _add_author(delete)
    _add_expected_version(delete)
    delete.set_defaults(handler=delete_handler)

    history = sub.add_parser("history", help=f"every version of a {kind}: when, who, what changed")
    history.add_argument("name", help=f"{kind} name (deleted {group} too)")
    add_db_option(history)
    history.set_defaults(handler=functools.partial(_history, kind=kind))

    restore = sub.add_parser("restore", help=f"make an earlier version of a {kind} current again (as a new version)")
    restore.add_argument("name", help=f"{kind} name (deleted {group} too)")
    restore.add_argument("version", type=int, help=f"version to restore (see `{group} history`)")
    add_db_option(restore)
    _add_author(restore)
    _add_expected_version(restore)
    restore.set_defaults(handler=functools.partial(_restore, kind=kind))


def _author(args: argparse.Namespace) -> str:
    return args.author or os.environ.get("USER") or "cli"


@contextlib.contextmanager
def _open_store(args: argparse.Namespace) -> Iterator:
    from playlists.store import PlaylistStore

    db = open_db(args.db)
    try:
        yield PlaylistStore(db)
    finally:
        db.conn.close()


def _listing_problems(handler: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """Several problems go to stderr one per line, then one summary error line."""

    @functools.wraps(handler)
    def run(args: argparse.Namespace) -> int:
        try:
            return handler(args)
        except ValidationError as error:
            if len(error.problems) <= 1:
                raise
            for problem in error.problems:
                print(problem, file=sys.stderr)
            raise ValidationError(f"{len(error.problems)} problems; nothing was changed") from None

    return run


# --------------------------------------------------------------------------------------
# rules


def _rules_list(args: argparse.Namespace) -> int:
    with _open_store(args) as store:
        rules = sorted(store.rules(), key=lambda r: (-r.priority, r.name))
    if not rules:
        print("no rules yet: `signage rules add --help` or `signage rules import FILE`")
        return 0
    rows = [
        (r.name, r.conditions.describe(), r.playlist, str(r.priority), "yes" if r.enabled else "no", r.origin.value)
        for r in rules
    ]
    print(_table(("NAME", "CONDITIONS", "PLAYLIST", "PRIORITY", "ENABLED", "ORIGIN"), rows))
    return 0


def _rules_show(args: argparse.Namespace) -> int:
    from playlists.yaml_io import dump_rule

    with _open_store(args) as store:
        stored = store.rule_with_version(args.name)
        last = store.history("rule", args.name)[-1]
    print(f"# rule {args.name}, version {stored.version} ({last.action.value} by {last.author}, {last.changed_at})")
    print(dump_rule(stored.value), end="")
    return 0


@_listing_problems
def _rules_add(args: argparse.Namespace) -> int:
    data = {"name": args.name, "playlist": args.playlist}
    _apply_rule_options(data, args)
    rule = _decode_rule(data)
    with _open_store(args) as store:
        version = store.save_rule(rule, _author(args), action="create")
    print(f"rule {rule.name!r} created (version {version}): {rule.conditions.describe()} -> {rule.playlist}")
    return 0


@_listing_problems
def _rules_edit(args: argparse.Namespace) -> int:
    from playlists.codec import rule_to_dict

    with _open_store(args) as store:
        stored = store.rule_with_version(args.name)
        data = rule_to_dict(stored.value)
        if args.playlist is not None:
            data["playlist"] = args.playlist
        if not _apply_rule_options(data, args) and args.playlist is None:
            raise ValidationError("rules edit: nothing to change: give at least one option (see --help)")
        rule = _decode_rule(data)
        expected = stored.version if args.expected_version is None else args.expected_version
        version = store.save_rule(rule, _author(args), action="edit", expected_version=expected)
        saved = store.rule(rule.name)
    if version == stored.version:
        print(f"rule {rule.name!r} unchanged (version {version})")
    else:
        origin = f"; origin is now {saved.origin.value}" if saved.origin != stored.value.origin else ""
        print(f"rule {rule.name!r} changed (version {version}): {saved.conditions.describe()} -> {saved.playlist}{origin}")
    return 0


def _rules_toggle(args: argparse.Namespace, enabled: bool) -> int:
    with _open_store(args) as store:
        before = store.version_of("rule", args.name)
        version = store.set_rule_enabled(args.name, enabled, _author(args), args.expected_version)
    state = "enabled" if enabled else "disabled"
    print(f"rule {args.name!r} {'already ' if version == before else ''}{state} (version {version})")
    return 0


def _rules_delete(args: argparse.Namespace) -> int:
    with _open_store(args) as store:
        version = store.delete_rule(args.name, _author(args), args.expected_version)
    print(f"rule {args.name!r} deleted (version {version}; `signage rules restore {args.name} {version - 1}` brings it back)")
    return 0


def _history(args: argparse.Namespace, kind: str) -> int:
    from playlists.codec import describe_change

    with _open_store(args) as store:
        entries = store.history(kind, args.name)
    rows, previous = [], None
    for entry in entries:
        summary = describe_change(kind, previous, entry.document)
        if entry.detail:
            summary += f" ({entry.detail})"
        rows.append((str(entry.version), entry.changed_at, entry.author, entry.action.value, summary))
        previous = entry.document
    print(_table(("VERSION", "WHEN (UTC)", "WHO", "ACTION", "WHAT"), rows))
    return 0


def _restore(args: argparse.Namespace, kind: str) -> int:
    with _open_store(args) as store:
        before = store.version_of(kind, args.name)
        version = store.restore(kind, args.name, args.version, _author(args), args.expected_version)
    if version == before:
        print(f"{kind} {args.name!r} is already as in version {args.version} (version {version} unchanged)")
    else:
        print(f"{kind} {args.name!r} restored from version {args.version} as version {version}")
    return 0


@_listing_problems
def _rules_import(args: argparse.Namespace) -> int:
    from playlists.yaml_io import parse_document

    text = _read_text(args.file)
    with _open_store(args) as store:
        try:
            document = parse_document(text, str(args.file), store=store, known_content=_catalog_names(store.db))
        except ValidationError as error:
            _print_problems(error.problems)
            raise ValidationError(f"{args.file}: {_count(len(error.problems), 'problem')}; nothing was imported") from None
        summary = store.replace_all(document, _author(args), source=args.file.name, expected_revision=args.expected_revision)
    if not summary.changed:
        print(f"{args.file}: nothing to change (revision {summary.revision})")
        return 0
    print(f"{args.file}: imported (revision {summary.revision})")
    for kind in ("playlists", "rules"):
        added, changed, removed = (getattr(summary, f"{kind}_{what}") for what in ("added", "changed", "removed"))
        if getattr(document, kind) is None:
            print(f"  {kind}: kept (not in the file)")
            continue
        print(f"  {kind}: {len(added)} added, {len(changed)} changed, {len(removed)} removed")
        for sign, names in (("+", added), ("~", changed), ("-", removed)):
            for name in names:
                print(f"    {sign} {name}")
    if summary.default_before != summary.default_after:
        print(f"  default playlist: {summary.default_before or '-'} -> {summary.default_after}")
    return 0


def _catalog_names(db) -> set[str] | None:
    """Names in the media catalog, to check playlist items against; None while it is empty
    (rules may be written before the content is imported)."""
    from content.catalog import ContentLibrary

    names = set(ContentLibrary(db).items_by_name())
    return names or None


def _rules_export(args: argparse.Namespace) -> int:
    import datetime as dt

    from playlists.yaml_io import dump_document

    with _open_store(args) as store:
        document = store.document()
        revision = store.revision()
    exported_at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    header = (
        f"signage rules and playlists, revision {revision}, exported {exported_at}\n"
        f"`signage rules import` of this file replaces all rules and playlists "
        f"(add --expected-revision {revision} to refuse if they changed meanwhile).\n"
        "Comments are not kept by import and export."
    )
    text = dump_document(document, header=header)
    if args.file is None:
        sys.stdout.write(text)
        return 0
    partial = args.file.with_name(args.file.name + ".partial")
    try:
        args.file.parent.mkdir(parents=True, exist_ok=True)
        partial.write_text(text, encoding="utf-8")
        partial.replace(args.file)  # never leave a half-written file under the real name
    except OSError as error:
        raise DataError(f"{args.file}: cannot write ({error.strerror})") from None
    print(f"{args.file}: {_count(len(document.playlists), 'playlist')}, {_count(len(document.rules), 'rule')} (revision {revision})")
    return 0


def _rules_validate(args: argparse.Namespace) -> int:
    from foundation.db import open_database
    from playlists.store import PlaylistStore
    from playlists.yaml_io import validate_document
    from foundation.paths import database_path

    text = _read_text(args.file)
    db_path = args.db or database_path()
    stored = None
    if db_path.exists():  # check references against the store; never create a database just to validate
        db = open_database(db_path)
        try:
            stored = PlaylistStore(db).stored_names()
            known_content = _catalog_names(db)
        finally:
            db.conn.close()
    else:
        known_content = None
    problems = validate_document(text, str(args.file), store=stored, known_content=known_content)
    if problems:
        _print_problems(problems)
        raise ValidationError(f"{args.file}: {_count(len(problems), 'problem')}")
    print(f"{args.file}: OK")
    return 0


def _read_text(path: Path) -> str:
    from playlists.yaml_io import read_document_file

    return read_document_file(path)  # refused from its size before it is read (foundation.limits)


def _apply_rule_options(data: dict, args: argparse.Namespace) -> bool:
    """Write the given options into a rule dict (codec shape); returns whether any was given.

    Rule options default to argparse.SUPPRESS, so an option is given exactly when its
    name is in `args` (`--max-group-size none` gives None, which means: clear it).
    """
    given = {name: value for name, value in vars(args).items() if name in _RULE_OPTIONS}
    when = data.setdefault("when", {})
    lists = (("age_group", "age_groups"), ("attire", "attire"), ("gender", "genders"), ("company", "company"),
             ("time", "time"))
    for option, key in lists:
        if option in given:
            parts = [part.strip() for value in given[option] for part in value.split(",") if part.strip()]
            if parts in ([], ["any"]):
                when.pop(key, None)
            else:
                when[key] = parts
    if "weekdays" in given:
        if given["weekdays"].strip().lower() in ("any", ""):
            when.pop("weekdays", None)
        else:
            when["weekdays"] = given["weekdays"]
    for key in ("min_group_size", "max_group_size", "min_dwell_s"):
        if key in given:
            if given[key] is None:
                when.pop(key, None)
            else:
                when[key] = given[key]
    dates = when.setdefault("dates", {})
    for option, key in (("date_from", "from"), ("date_until", "until")):
        if option in given:
            if given[option].strip().lower() == "none":
                dates.pop(key, None)
            else:
                dates[key] = given[option]
    if not dates:
        when.pop("dates")
    if not when:
        data.pop("when")
    for key in ("priority", "weight", "cooldown_s", "note", "enabled", "max_plays_per_hour"):
        if key in given:
            if given[key] is None:
                data.pop(key, None)
            else:
                data[key] = given[key]
    return bool(given)


_RULE_OPTIONS = frozenset({
    "age_group", "attire", "gender", "company", "time", "weekdays", "min_group_size", "max_group_size", "min_dwell_s",
    "date_from", "date_until", "priority", "weight", "cooldown_s", "max_plays_per_hour", "note", "enabled",
})


def _decode_rule(data: dict):
    from playlists.codec import decode_rule

    return _decode(decode_rule, data, "rule")


def _decode(decode, data: dict, what: str):
    from playlists.codec import format_path

    problems = []
    value = decode(data, (), problems)
    if problems:
        lines = []
        for problem in problems:
            field_name = format_path(problem.path)
            option = _OPTION_OF_FIELD.get(field_name, field_name)
            lines.append(f"{what} {data.get('name')!r}: {option}: {problem.message}" if option else f"{what}: {problem.message}")
        raise ValidationError(lines)
    return value


# --------------------------------------------------------------------------------------
# playlists


def _playlists_list(args: argparse.Namespace) -> int:
    with _open_store(args) as store:
        snapshot = store.snapshot()
    if not snapshot.playlists:
        print("no playlists yet: `signage playlists add NAME --items a,b,c`")
        return 0
    users: dict[str, list[str]] = {}
    for rule in snapshot.rules:
        users.setdefault(rule.playlist, []).append(rule.name)
    rows = []
    for name, playlist in snapshot.playlists.items():
        items = ", ".join(i.content if i.duration_s is None else f"{i.content}:{i.duration_s:g}" for i in playlist.items)
        used = ", ".join(users.get(name, [])) or "-"
        marker = " (default)" if name == snapshot.default_playlist else ""
        rows.append((name + marker, items, playlist.loop.value, used))
    print(_table(("NAME", "ITEMS", "LOOP", "USED BY RULES"), rows))
    return 0


def _playlists_show(args: argparse.Namespace) -> int:
    from playlists.yaml_io import dump_playlist

    with _open_store(args) as store:
        stored = store.playlist_with_version(args.name)
        last = store.history("playlist", args.name)[-1]
        default = store.default_playlist() == args.name
    note = ", the default playlist" if default else ""
    print(f"# playlist {args.name}, version {stored.version} ({last.action.value} by {last.author}, {last.changed_at}){note}")
    print(dump_playlist(stored.value), end="")
    return 0


@_listing_problems
def _playlists_add(args: argparse.Namespace) -> int:
    from playlists.codec import decode_playlist

    data = {"name": args.name, "loop": args.loop, "items": _parse_items(args.items)}
    if args.note:
        data["note"] = args.note
    playlist = _decode(decode_playlist, data, "playlist")
    with _open_store(args) as store:
        version = store.save_playlist(playlist, _author(args), action="create")
    print(f"playlist {playlist.name!r} created (version {version}, {_count(len(playlist.items), 'item')})")
    return 0


@_listing_problems
def _playlists_edit(args: argparse.Namespace) -> int:
    from playlists.codec import decode_playlist, playlist_to_dict

    if args.items is None and args.loop is None and args.note is None:
        raise ValidationError("playlists edit: nothing to change: give --items, --loop or --note")
    with _open_store(args) as store:
        stored = store.playlist_with_version(args.name)
        data = playlist_to_dict(stored.value)
        if args.items is not None:
            data["items"] = _parse_items(args.items)
        if args.loop is not None:
            data["loop"] = args.loop
        if args.note is not None:
            data["note"] = args.note
        playlist = _decode(decode_playlist, data, "playlist")
        expected = stored.version if args.expected_version is None else args.expected_version
        version = store.save_playlist(playlist, _author(args), action="edit", expected_version=expected)
    word = "unchanged" if version == stored.version else "changed"
    print(f"playlist {playlist.name!r} {word} (version {version})")
    return 0


def _playlists_delete(args: argparse.Namespace) -> int:
    with _open_store(args) as store:
        version = store.delete_playlist(args.name, _author(args), args.expected_version)
    print(f"playlist {args.name!r} deleted (version {version}; `signage playlists restore {args.name} {version - 1}` brings it back)")
    return 0


def _playlists_set_default(args: argparse.Namespace) -> int:
    with _open_store(args) as store:
        before = store.default_playlist()
        store.set_default_playlist(args.name, _author(args))
    print(f"default playlist: {args.name}" + ("" if before in (None, args.name) else f" (was {before})"))
    return 0


def _parse_items(text: str) -> list:
    """'a,b:6,c' -> ['a', {'content': 'b', 'duration_s': 6.0}, 'c'] (the codec's item shapes)."""
    items: list = []
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        if ":" in part:
            content, _, seconds = part.rpartition(":")
            try:
                items.append({"content": content.strip(), "duration_s": float(seconds)})
            except ValueError:
                raise ValidationError(f"--items: {part!r}: after ':' comes the display time in seconds, like {content}:6") from None
        else:
            items.append(part)
    return items


# --------------------------------------------------------------------------------------
# Output


def _table(headers: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    """Left-aligned columns, two spaces apart; the last column is not padded."""
    widths = [max(len(str(row[i])) for row in [headers, *rows]) for i in range(len(headers))]
    lines = []
    for row in [headers, *rows]:
        cells = [str(cell).ljust(width) for cell, width in zip(row[:-1], widths)] + [str(row[-1])]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def _print_problems(problems) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
