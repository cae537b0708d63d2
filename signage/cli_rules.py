"""`signage rules ...` and `signage playlists ...`: targeting rules and playlists.

Every command reads and writes the signage database (`--db`, default `$SIGNAGE_DB` or
`signage.db` in the data folder); every change is recorded with its author (`--author`,
default $SIGNAGE_AUTHOR, else the login name) in the history, and `--expected-version N` refuses a change when someone
else changed the rule or playlist since you looked at version N.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from foundation.errors import DataError, ValidationError
from foundation.i18n import tr, tr_noop
from signage.cli_common import (
    add_author_option,
    add_db_option,
    add_parser,
    author_of,
    open_db,
    table,
)

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


_RULES_DESCRIPTION = (
    "Targeting rules say which playlist plays for whom and when: an audience (age group, attire, "
    "company, group size), a time (hours, weekdays, dates) and a priority. List, add, change and "
    "switch them here; `rules simulate` shows what would play for an audience, `rules learn` suggests "
    "rules from purchase history. Every change is kept in the history with its author."
)
_PLAYLISTS_DESCRIPTION = (
    "Playlists are the ordered content items a rule plays (with display times), and the default "
    "playlist plays when no rule matches. A playlist used by a rule or as the default cannot be "
    "deleted; every change is kept in the history with its author."
)


def _register_rules(commands: argparse._SubParsersAction) -> None:
    rules = add_parser(
        commands, "rules", "targeting rules: what plays for whom and when", _RULES_DESCRIPTION,
        "signage rules list",
        'signage rules simulate --age-group teen --attire school_uniform --at "2026-11-23 16:10"',
        "signage rules learn --dry-run",
    )
    sub = rules.add_subparsers(dest="rules_command", metavar="SUBCOMMAND", title="subcommands")
    sub.required = True

    listing = add_parser(
        sub, "list", "table of the store's rules: conditions in words, playlist, priority, state",
        "Print the store's rules, highest priority first: its conditions in words, the playlist it plays, its "
        "priority, whether it is switched on, and where it came from (written by hand or learned). Learned "
        "suggestions nobody has accepted yet are counted at the end, not listed (see `rules suggestions`); "
        "--all lists them too.",
        "signage rules list", "signage rules list --all",
    )
    add_db_option(listing)
    listing.add_argument("--all", action="store_true", help="also list the suggestions waiting for a decision")
    listing.set_defaults(handler=_rules_list)

    show = add_parser(
        sub, "show", "one rule as YAML, with its version",
        "Print one rule in the YAML of `rules export`, after a line with its version, who changed it "
        "last and when. Use the version with --expected-version when you change it.",
        "signage rules show students_after_school",
    )
    show.add_argument("name", help="rule name")
    add_db_option(show)
    show.set_defaults(handler=_rules_show)

    add = add_parser(
        sub, "add", "create a rule",
        "Create a rule: a name, the playlist it plays and its conditions; a condition left out matches "
        "everyone. List options take a comma list or repeat: --age-group teen,young_adult.",
        "signage rules add --name teens_weekend --playlist after_school_snacks --age-group teen "
        "--weekdays sat,sun --priority 55",
        "signage rules add --name morning_coffee --playlist brand_loop --time 07:00-10:00 --disabled",
    )
    add.add_argument("--name", required=True, help="rule name (unique)")
    add.add_argument("--playlist", required=True, help="playlist the rule plays")
    _add_rule_options(add, editing=False)
    add_db_option(add)
    add_author_option(add)
    add.set_defaults(handler=_rules_add)

    edit = add_parser(
        sub, "edit", "change a rule: only the options given change",
        "Change a rule; only the options given change. 'any' clears a list condition "
        "(--age-group any), 'none' clears a limit (--max-group-size none, --until none). "
        "Editing a learned rule makes it learned_edited: re-learning will not overwrite it.",
        "signage rules edit students_after_school --time 15:00-19:00",
        "signage rules edit evening_adults --priority 35 --expected-version 1",
    )
    edit.add_argument("name", help="rule name")
    edit.add_argument("--playlist", help="playlist the rule plays")
    _add_rule_options(edit, editing=True)
    add_db_option(edit)
    add_author_option(edit)
    _add_expected_version(edit)
    edit.set_defaults(handler=_rules_edit)

    toggles = (
        ("enable", True, "switch a rule on",
         ("Switch a rule on: it plays whenever it matches and wins. For a learned suggestion, "
          "`rules accept` does the same.")),
        ("disable", False, "switch a rule off (it stays stored)",
         "Switch a rule off: it never plays, and stays stored with its history until it is switched on again."),
    )
    for name, enabled, text, description in toggles:
        toggle = add_parser(sub, name, text, description, f"signage rules {name} evening_adults")
        toggle.add_argument("name", help="rule name")
        add_db_option(toggle)
        add_author_option(toggle)
        _add_expected_version(toggle)
        toggle.set_defaults(handler=functools.partial(_rules_toggle, enabled=enabled))

    _add_versioned_commands(
        sub, "rule", "rules", "delete a rule (its history stays; `restore` brings it back)",
        "Delete a rule. Its history stays, so `rules restore NAME VERSION` brings it back.",
        "evening_adults", _rules_delete,
    )

    import_ = add_parser(
        sub, "import", "replace all rules and playlists with a YAML file's, atomically",
        "Replace the rules and playlists with the file's in one transaction: a file with any "
        "problem changes nothing, and every problem is listed. A file without a playlists: (or rules:) "
        "section keeps the stored playlists (or rules). Comments in the file are not stored.",
        "signage rules import rules.yaml",
        "signage rules import rules.yaml --expected-revision 12",
    )
    import_.add_argument("file", type=Path, help="YAML file (the format `rules export` writes)")
    import_.add_argument(
        "--expected-revision", type=int,
        help="refuse when the store changed since this revision (printed in the header of `rules export`)",
    )
    add_db_option(import_)
    add_author_option(import_)
    import_.set_defaults(handler=_rules_import)

    export = add_parser(
        sub, "export", "write all rules and playlists as YAML",
        "Write every rule and playlist, and the default playlist, as one YAML document: to edit in a text "
        "editor and `rules import` again, to keep as a backup, or to push to a chain (`fleet release push`).",
        "signage rules export rules.yaml",
        "signage rules export | less",
    )
    export.add_argument("file", nargs="?", type=Path, help="file to write (default: standard output)")
    add_db_option(export)
    export.set_defaults(handler=_rules_export)

    validate = add_parser(
        sub, "validate", "check a YAML rules file without changing anything; lists every problem",
        "Check a rules file as `rules import` would, against the stored playlists and the content library "
        "when the database exists, and list every problem; nothing is changed.",
        "signage rules validate rules.yaml",
    )
    validate.add_argument("file", type=Path, help="YAML file to check")
    add_db_option(validate)
    validate.set_defaults(handler=_rules_validate)

    # `simulate` and `seed` come from signage/cli_simulate.py, the learning commands from cli_learn.py.
    from signage import cli_learn, cli_simulate

    cli_simulate.register(sub)
    cli_learn.register(sub)


def _register_playlists(commands: argparse._SubParsersAction) -> None:
    playlists = add_parser(
        commands, "playlists", "playlists: ordered content the rules play", _PLAYLISTS_DESCRIPTION,
        "signage playlists list",
        "signage playlists add weekend_treats --items snacks_candy,drinks_energy:6",
    )
    sub = playlists.add_subparsers(dest="playlists_command", metavar="SUBCOMMAND", title="subcommands")
    sub.required = True

    listing = add_parser(
        sub, "list", "table of all playlists, the rules using them and the default",
        "Print every playlist: its items (with display times where set), whether it loops, and the rules "
        "that play it; the default playlist is marked.",
        "signage playlists list",
    )
    add_db_option(listing)
    listing.set_defaults(handler=_playlists_list)

    show = add_parser(
        sub, "show", "one playlist as YAML, with its version",
        "Print one playlist in the YAML of `rules export`, after a line with its version, who changed it "
        "last and when.",
        "signage playlists show after_school_snacks",
    )
    show.add_argument("name", help="playlist name")
    add_db_option(show)
    show.set_defaults(handler=_playlists_show)

    add = add_parser(
        sub, "add", "create a playlist",
        "Create a playlist from content items of the library, in order; NAME:SECONDS sets an item's "
        "display time. A rule then plays it (`rules add --playlist NAME`).",
        "signage playlists add weekend_treats --items snacks_candy,drinks_energy:6",
        "signage playlists add store_news --items brand_welcome --loop once --note 'for the opening week'",
    )
    add.add_argument("name", help="playlist name (unique)")
    add.add_argument("--items", required=True, help="content names in order, comma-separated; NAME:SECONDS sets a display time (a,b:6,c)")
    add.add_argument("--loop", choices=("loop", "once"), default="loop", help="after the last item: start again (loop) or let the rules pick again (once)")
    add.add_argument("--note", help="free text for the team")
    add_db_option(add)
    add_author_option(add)
    add.set_defaults(handler=_playlists_add)

    edit = add_parser(
        sub, "edit", "change a playlist: only the options given change",
        "Change a playlist's items, loop or note; only the options given change. --items replaces the "
        "whole list.",
        "signage playlists edit after_school_snacks --items snacks_chips:8,snacks_candy,drinks_energy",
        "signage playlists edit brand_loop --note ''",
    )
    edit.add_argument("name", help="playlist name")
    edit.add_argument("--items", help="new content list, comma-separated; NAME:SECONDS sets a display time")
    edit.add_argument("--loop", choices=("loop", "once"), help="after the last item: loop or once")
    edit.add_argument("--note", help="free text for the team ('' clears it)")
    add_db_option(edit)
    add_author_option(edit)
    _add_expected_version(edit)
    edit.set_defaults(handler=_playlists_edit)

    _add_versioned_commands(
        sub, "playlist", "playlists", "delete a playlist (refused while a rule or the default uses it)",
        "Delete a playlist; refused while a rule plays it or it is the default. Its history stays, so "
        "`playlists restore NAME VERSION` brings it back.",
        "seniors_morning", _playlists_delete,
    )

    default = add_parser(
        sub, "set-default", "the playlist that plays when no rule matches",
        "Make a playlist the default: it plays when no rule matches (nobody there, an audience no rule "
        "targets, a lost camera).",
        "signage playlists set-default brand_loop",
    )
    default.add_argument("name", help="playlist name")
    add_db_option(default)
    add_author_option(default)
    default.set_defaults(handler=_playlists_set_default)


# --------------------------------------------------------------------------------------
# Shared options


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


def _add_versioned_commands(
    sub, kind: str, group: str, delete_help: str, delete_description: str, example: str, delete_handler
) -> None:
    """`delete`, `history` and `restore`, which rules and playlists share (`example`: a stored name)."""
    delete = add_parser(sub, "delete", delete_help, delete_description, f"signage {group} delete {example}")
    delete.add_argument("name", help=f"{kind} name")
    add_db_option(delete)
    add_author_option(delete)
    _add_expected_version(delete)
    delete.set_defaults(handler=delete_handler)

    history = add_parser(
        sub, "history", f"every version of a {kind}: when, who, what changed",
        f"Print every version of a {kind}, deleted ones too: when (UTC), who, the action and what changed.",
        f"signage {group} history {example}",
    )
    history.add_argument("name", help=f"{kind} name (deleted {group} too)")
    add_db_option(history)
    history.set_defaults(handler=functools.partial(_history, kind=kind))

    restore = add_parser(
        sub, "restore", f"make an earlier version of a {kind} current again (as a new version)",
        f"Make an earlier version of a {kind} current again, as a new version (the history keeps every "
        f"one); this also brings back a deleted {kind}. `{group} history` lists the versions.",
        f"signage {group} restore {example} 1",
    )
    restore.add_argument("name", help=f"{kind} name (deleted {group} too)")
    restore.add_argument("version", type=int, help=f"version to restore (see `{group} history`)")
    add_db_option(restore)
    add_author_option(restore)
    _add_expected_version(restore)
    restore.set_defaults(handler=functools.partial(_restore, kind=kind))


def _author(args: argparse.Namespace) -> str:
    return author_of(args)


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


_RULE_HEADERS = (
    tr_noop("cli.rules", "NAME"), tr_noop("cli.rules", "CONDITIONS"), tr_noop("cli.rules", "PLAYLIST"),
    tr_noop("cli.rules", "PRIORITY"), tr_noop("cli.rules", "ENABLED"), tr_noop("cli.rules", "ORIGIN"),
)
_ORIGIN_WORDS = {
    "manual": tr_noop("cli.rules", "by hand"),
    "learned": tr_noop("cli.rules", "learned"),
    "learned_edited": tr_noop("cli.rules", "learned, edited"),
}


def _rules_list(args: argparse.Namespace) -> int:
    from playlists.decision import display_conditions

    from playlists.learning import waiting_for_decision

    with _open_store(args) as store:
        everything = sorted(store.rules(), key=lambda r: (-r.priority, r.name))
    # As in the editor: suggestions wait on their own list until someone accepts them.
    waiting = [r for r in everything if waiting_for_decision(r)]
    rules = everything if args.all else [r for r in everything if not waiting_for_decision(r)]
    if not rules:
        print(tr("cli.rules", "No rules yet: `signage rules add --help` or `signage rules import FILE`."))
        if waiting:
            print(tr("cli.rules", "%n suggestions wait for a decision: `signage rules suggestions`.", n=len(waiting)))
        return 0
    rows = [
        (
            r.name, display_conditions(r), r.playlist, str(r.priority),
            tr("cli.rules", "yes") if r.enabled else tr("cli.rules", "no"),
            tr("cli.rules", _ORIGIN_WORDS[r.origin.value]) if r.origin.value in _ORIGIN_WORDS else r.origin.value,
        )
        for r in rules
    ]
    print(table(tuple(tr("cli.rules", header) for header in _RULE_HEADERS), rows))
    if waiting and not args.all:
        print(tr("cli.rules", "%n suggestions wait for a decision: `signage rules suggestions`.", n=len(waiting)))
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
    print(tr("cli.rules", "rule {name} created (version {version}): {conditions} -> {playlist}", name=repr(rule.name),
             version=version, conditions=rule.conditions.describe(), playlist=rule.playlist))
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
        print(tr("cli.rules", "rule {name} unchanged (version {version})", name=repr(rule.name), version=version))
    else:
        fields = {"name": repr(rule.name), "version": version, "conditions": saved.conditions.describe(),
                  "playlist": saved.playlist}
        if saved.origin != stored.value.origin:
            print(tr("cli.rules", "rule {name} changed (version {version}): {conditions} -> {playlist}; origin is now "
                     "{origin}", origin=saved.origin.value, **fields))
        else:
            print(tr("cli.rules", "rule {name} changed (version {version}): {conditions} -> {playlist}", **fields))
    return 0


def _rules_toggle(args: argparse.Namespace, enabled: bool) -> int:
    with _open_store(args) as store:
        before = store.version_of("rule", args.name)
        version = store.set_rule_enabled(args.name, enabled, _author(args), args.expected_version)
    fields = {"name": repr(args.name), "version": version}
    if version == before:
        print(tr("cli.rules", "rule {name} already enabled (version {version})", **fields) if enabled
              else tr("cli.rules", "rule {name} already disabled (version {version})", **fields))
    else:
        print(tr("cli.rules", "rule {name} enabled (version {version})", **fields) if enabled
              else tr("cli.rules", "rule {name} disabled (version {version})", **fields))
    return 0


def _rules_delete(args: argparse.Namespace) -> int:
    with _open_store(args) as store:
        version = store.delete_rule(args.name, _author(args), args.expected_version)
    print(tr("cli.rules", "rule {name} deleted (version {version}; `signage rules restore {plain} {previous}` brings it back)",
             name=repr(args.name), version=version, plain=args.name, previous=version - 1))
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
    print(table(("VERSION", "WHEN (UTC)", "WHO", "ACTION", "WHAT"), rows))
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
    from foundation.paths import database_path
    from playlists.store import PlaylistStore
    from playlists.yaml_io import validate_document

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
    print(table(("NAME", "ITEMS", "LOOP", "USED BY RULES"), rows))
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
    print(tr("cli.rules", "playlist {name} created (version {version}, {items})", name=repr(playlist.name),
             version=version, items=tr("cli.rules", "%n items", n=len(playlist.items))))
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
    if version == stored.version:
        print(tr("cli.rules", "playlist {name} unchanged (version {version})", name=repr(playlist.name), version=version))
    else:
        print(tr("cli.rules", "playlist {name} changed (version {version})", name=repr(playlist.name), version=version))
    return 0


def _playlists_delete(args: argparse.Namespace) -> int:
    with _open_store(args) as store:
        version = store.delete_playlist(args.name, _author(args), args.expected_version)
    print(tr("cli.rules", "playlist {name} deleted (version {version}; `signage playlists restore {plain} {previous}` "
             "brings it back)", name=repr(args.name), version=version, plain=args.name, previous=version - 1))
    return 0


def _playlists_set_default(args: argparse.Namespace) -> int:
    with _open_store(args) as store:
        before = store.default_playlist()
        store.set_default_playlist(args.name, _author(args))
    if before in (None, args.name):
        print(tr("cli.rules", "default playlist: {name}", name=args.name))
    else:
        print(tr("cli.rules", "default playlist: {name} (was {before})", name=args.name, before=before))
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


def _print_problems(problems) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
