"""Help for every command: a description of its own, real examples, one style for the
shared options, and -v, -q and --lang before or after the command."""

from __future__ import annotations

import argparse
import re
import shlex

import pytest

from signage import cli_common
from signage.cli import build_parser, main


def walk(parser: argparse.ArgumentParser, path: tuple[str, ...] = ("signage",), parent=None):
    """(path, parser, parent parser) for `parser` and every subcommand below it."""
    yield path, parser, parent
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                yield from walk(child, (*path, name), parser)


def is_leaf(parser: argparse.ArgumentParser) -> bool:
    return not any(isinstance(action, argparse._SubParsersAction) for action in parser._actions)


def example_lines(parser: argparse.ArgumentParser) -> list[str]:
    """The command lines of a parser's `examples:` epilog (comments left out)."""
    epilog = parser.epilog or ""
    if "examples:" not in epilog:
        return []
    lines = epilog.split("examples:", 1)[1].splitlines()
    return [line.strip() for line in lines if line.strip() and not line.strip().startswith("#")]


PARSERS = list(walk(build_parser()))
IDS = [" ".join(path) for path, _, _ in PARSERS]


@pytest.mark.parametrize(("path", "parser", "parent"), PARSERS, ids=IDS)
def test_every_command_has_a_description_of_its_own(path, parser, parent):
    description = (parser.description or "").strip()
    assert len(description) >= 20, f"{' '.join(path)}: no description"
    assert description[0].isupper() or description[0] == "`", f"{' '.join(path)}: a description is sentences"
    if parent is not None:
        # The issue: `rules simulate` described its neighbours with the module's docstring.
        assert description != (parent.description or "").strip(), f"{' '.join(path)}: its parent's description"


@pytest.mark.parametrize(
    ("path", "parser"), [(path, parser) for path, parser, _ in PARSERS if is_leaf(parser)],
    ids=[name for name, (_, parser, _) in zip(IDS, PARSERS) if is_leaf(parser)],
)
def test_every_leaf_command_has_an_example_of_itself_that_parses(path, parser):
    command = " ".join(path)
    lines = example_lines(parser)
    assert any(line == command or line.startswith(command + " ") for line in lines), (
        f"{command}: no example starting with {command!r} in {parser.epilog!r}"
    )
    for line in lines:
        # What a shell would run first: up to a pipe or a `&&`, without the comment.
        words = shlex.split(re.split(r"\s(?:\||&&)\s", line)[0], comments=True)
        if words[:1] != ["signage"]:
            continue
        try:
            build_parser().parse_args(words[1:])
        except SystemExit as exit_info:  # argparse refused it: the example is wrong
            pytest.fail(f"{command}: the example {line!r} does not parse (exit {exit_info.code})")


def test_rules_and_playlists_say_different_things(capsys):
    texts = []
    for group in ("rules", "playlists"):
        with pytest.raises(SystemExit):
            main([group, "--help"])
        texts.append(capsys.readouterr().out)
    assert texts[0] != texts[1]
    assert "Targeting rules say which playlist plays" in texts[0]
    assert "Playlists are the ordered content items" in texts[1]


@pytest.mark.parametrize(
    ("command", "says", "does_not_say"),
    [
        ("simulate", "prints the decision the player would make", "`signage rules seed`"),
        ("learn", "Count the imported purchase history", "`signage rules learn | suggestions"),
    ],
)
def test_simulate_and_learn_describe_themselves(command, says, does_not_say, capsys):
    with pytest.raises(SystemExit):
        main(["rules", command, "--help"])
    raw = capsys.readouterr().out
    out = " ".join(raw.split())  # the description is wrapped to the terminal
    assert says in out and does_not_say not in out
    assert f"examples:\n  signage rules {command} " in raw  # each example on a line of its own


def options_named(option: str):
    """(command path, action) of every `option` in the parser tree."""
    for path, parser, _ in PARSERS:
        for action in parser._actions:
            if option in action.option_strings:
                yield " ".join(path), action


@pytest.mark.parametrize("option", ["--author", "--config", "--db", "--start", "--lang", "-v", "-q"])
def test_a_shared_option_has_one_wording_everywhere(option):
    helps: dict[str, list[str]] = {}
    for path, action in options_named(option):
        if option == "--db" and path == "signage demo":
            continue  # the demo's own database (demo/signage.db), on purpose not the kiosk's
        helps.setdefault(action.help, []).append(path)
    assert len(helps) == 1, f"{option} has {len(helps)} wordings: {helps}"
    assert sum(len(paths) for paths in helps.values()) >= 2


def test_the_author_and_start_defaults_are_the_same_everywhere():
    (author_help,) = {action.help for _, action in options_named("--author")}
    assert "$SIGNAGE_AUTHOR, else your login name" in author_help
    starts = [path for path, _ in options_named("--start")]
    assert {"signage play", "signage audience analyze"} <= set(starts)
    (start_help,) = {action.help for _, action in options_named("--start")}
    assert "(default: now" in start_help  # `audience analyze` said "today 16:00", `play` "now"


def test_the_report_periods_read_alike():
    periods = [(path, action) for path, action in options_named("--to") if action.dest == "end"]
    assert {path for path, _ in periods} >= {"signage report plays", "signage report attention", "signage report uplift"}
    for path, action in periods:
        assert action.help.endswith("(exclusive; default: no limit)"), path


def test_the_default_author_is_signage_author_else_the_login_name(monkeypatch):
    monkeypatch.setenv("SIGNAGE_AUTHOR", "minji")
    assert cli_common.author_of(argparse.Namespace(author=None)) == "minji"
    assert cli_common.author_of(argparse.Namespace(author="jisoo")) == "jisoo"
    monkeypatch.delenv("SIGNAGE_AUTHOR")
    monkeypatch.setenv("LOGNAME", "operator")  # what getpass.getuser() reads first
    assert cli_common.author_of(argparse.Namespace()) == "operator"


@pytest.mark.parametrize(
    ("argv", "verbose", "quiet", "lang"),
    [
        (["rules", "simulate", "-v"], 1, 0, None),
        (["-v", "rules", "simulate", "-v"], 2, 0, None),
        (["rules", "simulate", "--lang", "ko", "-v"], 1, 0, "ko"),
        (["--lang", "en", "-q", "report", "plays", "-q"], 0, 2, "en"),
        (["rules", "list"], 0, 0, None),
    ],
)
def test_v_q_and_lang_work_before_or_after_the_command(argv, verbose, quiet, lang):
    args = build_parser().parse_args(argv)
    cli_common.merge_global_counts(args)
    assert (args.verbose, args.quiet, args.lang) == (verbose, quiet, lang)


# --------------------------------------------------------------------------------------
# Some examples, run as written (modulo the database, which $SIGNAGE_DB points at)


def example_of(path: str, starting: str = "") -> list[str]:
    """The first example of `signage PATH` that starts with `signage PATH STARTING`, as argv."""
    parser = next(parser for found, parser, _ in PARSERS if " ".join(found) == f"signage {path}")
    prefix = f"signage {path} {starting}".strip()
    line = next(line for line in example_lines(parser) if line.startswith(prefix))
    return shlex.split(line, comments=True)[1:]


@pytest.fixture
def installation(tmp_path, monkeypatch):
    monkeypatch.setenv("SIGNAGE_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("SIGNAGE_DB", str(tmp_path / "signage.db"))
    monkeypatch.setenv("SIGNAGE_CONFIG", str(tmp_path / "no-config.yaml"))
    monkeypatch.setenv("SIGNAGE_AUTHOR", "tester")
    return tmp_path


def test_the_examples_run_on_a_fresh_database(installation, capsys):
    assert main(example_of("rules seed")) == 0
    assert "Seeded: 8 rules, 6 playlists." in capsys.readouterr().out
    assert main(example_of("rules simulate")) == 0
    assert "Plays: after_school_snacks" in capsys.readouterr().out
    assert main(example_of("rules list")) == 0
    assert "students_after_school" in capsys.readouterr().out
    assert main(example_of("rules show")) == 0
    assert "# rule students_after_school, version 1" in capsys.readouterr().out
    assert main(example_of("rules edit", "students_after_school")) == 0
    assert "changed (version 2)" in capsys.readouterr().out
    assert main(example_of("rules history")) == 0
    assert main(example_of("rules disable")) == 0 and main(example_of("rules enable")) == 0
    assert main(example_of("playlists add")) == 0
    assert "playlist 'weekend_treats' created" in capsys.readouterr().out
    assert main(example_of("rules add", "--name teens_weekend")) == 0
    assert main(example_of("playlists list")) == 0
    assert "teens_weekend" in capsys.readouterr().out
    assert main(example_of("report plays")) == 0
    assert capsys.readouterr().out == "0 plays\n"
    assert main(example_of("rules suggestions")) == 0
    assert "No learned rules yet" in capsys.readouterr().out
    assert main(example_of("config path")) == 0
    assert capsys.readouterr().out.strip() == str(installation / "no-config.yaml")
