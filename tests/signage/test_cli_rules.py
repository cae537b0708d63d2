"""`signage rules ...` and `signage playlists ...` end to end, on a real database file."""

from __future__ import annotations

import re
import textwrap

import pytest

from signage.cli import main
from tests.playlists.test_yaml_io import EXAMPLE


@pytest.fixture
def db(tmp_path, monkeypatch):
    """A fresh database file; $SIGNAGE_AUTHOR is 'tester' so default authors are predictable."""
    monkeypatch.setenv("SIGNAGE_AUTHOR", "tester")
    return tmp_path / "signage.db"


@pytest.fixture
def run(db, capsys):
    """Run `signage ARGS --db DB`; returns (exit code, stdout, stderr)."""

    def run(*args: str) -> tuple[int, str, str]:
        code = main([*args, "--db", str(db)])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


@pytest.fixture
def imported(run, tmp_path):
    """The documented example imported by alice."""
    path = tmp_path / "rules.yaml"
    path.write_text(EXAMPLE)
    assert run("rules", "import", str(path), "--author", "alice")[0] == 0
    return path


def write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text))
    return path


# ------------------------------------------------------------------ import, export, validate


def test_import_reports_what_changed(run, tmp_path):
    path = write(tmp_path, "rules.yaml", EXAMPLE)
    code, out, _ = run("rules", "import", str(path))
    assert code == 0
    assert "playlists: 2 added, 0 changed, 0 removed" in out
    assert "rules: 1 added, 0 changed, 0 removed" in out
    assert "+ students_after_school" in out and "default playlist: - -> brand_loop" in out


def test_export_then_import_changes_nothing(run, imported, tmp_path):
    out_path = tmp_path / "exported.yaml"
    code, out, _ = run("rules", "export", str(out_path))
    assert code == 0 and "2 playlists, 1 rule" in out
    text = out_path.read_text()
    assert text.startswith("# signage rules and playlists, revision 4")
    assert "Comments are not kept" in text

    code, out, _ = run("rules", "import", str(out_path))
    assert code == 0 and "nothing to change (revision 4)" in out


def test_export_to_stdout_is_the_yaml(run, imported):
    code, out, _ = run("rules", "export")
    assert code == 0
    assert "- name: students_after_school\n  playlist: after_school_snacks\n  priority: 50\n" in out


def test_a_bad_import_lists_every_problem_and_changes_nothing(run, imported, tmp_path):
    before = run("rules", "export")[1]
    bad = write(
        tmp_path, "bad.yaml",
        """\
        playlists:
          - name: snacks
            items: [chips]
        rules:
          - name: students
            playlist: snacks
            when:
              age_groups: [teenager]
          - name: commuters
            playlist: news
            colour: blue
        """,
    )
    code, out, err = run("rules", "import", str(bad))
    assert code != 0 and out == ""
    assert err.splitlines() == [
        f"{bad}:1: playlists: leaves out playlist 'brand_loop', the stored default playlist (add it, or set default_playlist)",
        f"{bad}:8: rules[0].when.age_groups: unknown age group 'teenager' (known: child, teen, young_adult, adult, middle_aged, senior)",
        f"{bad}:10: rules[1].playlist: no playlist named 'news' in this document",
        f"{bad}:11: rules[1]: unknown key 'colour' (known: name, playlist, priority, when, weight, cooldown_s, "
        "max_plays_per_hour, enabled, note, origin, learned_metrics)",
        f"signage: error: {bad}: 4 problems; nothing was imported",
    ]
    assert without_export_time(run("rules", "export")[1]) == without_export_time(before)


def without_export_time(exported: str) -> str:
    """An export without the second it was made at (two exports may straddle a second)."""
    return re.sub(r"exported \S+", "exported <time>", exported, count=1)


def test_a_yaml_syntax_error_names_the_line(run, tmp_path):
    bad = write(tmp_path, "broken.yaml", "rules:\n  - name: a\n    playlist: [b\n")
    code, _, err = run("rules", "import", str(bad))
    assert code != 0 and err.startswith(f"{bad}:4: YAML syntax:")


def test_validate_checks_without_changing_or_creating_anything(run, db, tmp_path):
    good = write(tmp_path, "good.yaml", EXAMPLE)
    code, out, _ = run("rules", "validate", str(good))
    assert code == 0 and out.strip() == f"{good}: OK"
    assert not db.exists()

    bad = write(tmp_path, "bad.yaml", "rules:\n- {name: a, playlist: p, priority: high}\n")
    code, _, err = run("rules", "validate", str(bad))
    assert code != 0
    assert err.splitlines() == [
        f"{bad}:2: rules[0].priority: expected a whole number, got 'high'",
        f"signage: error: {bad}: 1 problem",
    ]


def test_validate_knows_the_stored_playlists(run, imported, tmp_path):
    rules_only = write(tmp_path, "rules_only.yaml", "rules:\n- {name: a, playlist: brand_loop}\n")
    assert run("rules", "validate", str(rules_only))[0] == 0


def test_a_missing_file_is_one_line(run, tmp_path):
    code, _, err = run("rules", "import", str(tmp_path / "nope.yaml"))
    assert code != 0 and err.strip() == f"signage: error: {tmp_path / 'nope.yaml'}: file not found"


# ------------------------------------------------------------------ rules


def test_list_shows_conditions_in_words(run, imported):
    _, out, _ = run("rules", "list")
    header, row = out.splitlines()
    assert header.split() == ["NAME", "CONDITIONS", "PLAYLIST", "PRIORITY", "ENABLED", "ORIGIN"]
    assert row.startswith("students_after_school  teens in school uniform, on weekdays, 15:00-18:00")
    assert row.split()[-5:] == ["after_school_snacks", "50", "yes", "by", "hand"]


def test_list_of_an_empty_store_says_how_to_start(run):
    assert "No rules yet" in run("rules", "list")[1]


def test_add_show_edit_and_history(run, imported):
    code, out, _ = run(
        "rules", "add", "--name", "commuters", "--playlist", "brand_loop", "--attire", "business",
        "--age-group", "adult", "--age-group", "young_adult,middle_aged", "--time", "07:00-09:30",
        "--weekdays", "mon-fri", "--priority", "30", "--max-plays-per-hour", "6", "--from", "2026-11-01",
        "--author", "alice",
    )
    assert code == 0
    assert out.strip() == (
        "rule 'commuters' created (version 1): adult/young_adult/middle_aged, in business, mon-fri, "
        "07:00-09:30, 2026-11-01 to ... -> brand_loop"
    )

    code, out, _ = run("rules", "show", "commuters")
    assert out.startswith("# rule commuters, version 1 (create by alice, ")
    assert "  age_groups: [adult, young_adult, middle_aged]\n" in out and "max_plays_per_hour: 6\n" in out

    code, out, _ = run("rules", "edit", "commuters", "--priority", "40", "--age-group", "any", "--max-plays-per-hour", "none", "--author", "bob")
    assert code == 0 and out.startswith("rule 'commuters' changed (version 2): in business, mon-fri")
    show = run("rules", "show", "commuters")[1]
    assert "age_groups" not in show and "max_plays_per_hour" not in show and "priority: 40" in show

    code, out, _ = run("rules", "history", "commuters")
    lines = out.splitlines()
    assert lines[0].split() == ["VERSION", "WHEN", "(UTC)", "WHO", "ACTION", "WHAT"]
    assert lines[1].split()[:5] == ["1", lines[1].split()[1], "alice", "create", "created:"]
    assert lines[1].split()[5] == "adult/young_adult/middle_aged,"
    assert lines[2].split()[2:4] == ["bob", "edit"]
    assert lines[2].endswith("priority 30 -> 40; when.age_groups adult,young_adult,middle_aged -> -; max_plays_per_hour 6 -> -")


def test_add_names_the_options_that_are_wrong(run, imported):
    code, _, err = run("rules", "add", "--name", "x", "--playlist", "brand_loop", "--age-group", "teenager", "--time", "7-9")
    assert code != 0
    assert err.splitlines() == [
        "rule 'x': --age-group: unknown age group 'teenager' (known: child, teen, young_adult, adult, middle_aged, senior)",
        "rule 'x': --time: '7' is not a time HH:MM",
        "signage: error: 2 problems; nothing was changed",
    ]


def test_add_refuses_an_unknown_playlist_and_an_existing_name(run, imported):
    code, _, err = run("rules", "add", "--name", "x", "--playlist", "brand_lop")
    assert code != 0 and "no playlist named 'brand_lop' (did you mean 'brand_loop'?)" in err
    code, _, err = run("rules", "add", "--name", "students_after_school", "--playlist", "brand_loop")
    assert code == 5 and "already exists" in err


def test_a_stale_expected_version_is_refused_with_exit_5(run, imported):
    assert run("rules", "edit", "students_after_school", "--priority", "60", "--expected-version", "1", "--author", "bob")[0] == 0
    code, _, err = run("rules", "edit", "students_after_school", "--priority", "70", "--expected-version", "1")
    assert code == 5
    assert "is at version 2 by bob" in err and err.count("\n") == 1
    assert "priority: 60" in run("rules", "show", "students_after_school")[1]


def test_edit_without_options_is_an_error(run, imported):
    code, _, err = run("rules", "edit", "students_after_school")
    assert code != 0 and "nothing to change" in err


def test_editing_a_learned_rule_makes_it_learned_edited(run, imported, tmp_path):
    learned = write(
        tmp_path, "learned.yaml",
        "rules:\n- {name: chips_with_soda, playlist: brand_loop, origin: learned, learned_metrics: {lift: 2.4}}\n",
    )
    assert run("rules", "import", str(learned))[0] == 0
    code, out, _ = run("rules", "edit", "chips_with_soda", "--priority", "5")
    assert code == 0 and "origin is now learned_edited" in out
    show = run("rules", "show", "chips_with_soda")[1]
    assert "origin: learned_edited" in show and "lift: 2.4" in show


def test_disable_enable_delete_and_restore(run, imported):
    assert run("rules", "disable", "students_after_school")[1].strip() == "rule 'students_after_school' disabled (version 2)"
    assert "already disabled" in run("rules", "disable", "students_after_school")[1]
    assert run("rules", "list")[1].splitlines()[1].split()[-3] == "no"
    assert run("rules", "enable", "students_after_school")[0] == 0

    code, out, _ = run("rules", "delete", "students_after_school")
    assert code == 0 and "deleted (version 4" in out
    assert "No rules yet" in run("rules", "list")[1]
    code, _, err = run("rules", "show", "students_after_school")
    assert code != 0 and "it was deleted" in err

    code, out, _ = run("rules", "restore", "students_after_school", "2")
    assert code == 0 and out.strip() == "rule 'students_after_school' restored from version 2 as version 5"
    assert "enabled: false" in run("rules", "show", "students_after_school")[1]
    history = run("rules", "history", "students_after_school")[1]
    assert [line.split()[3] for line in history.splitlines()[1:]] == ["import", "disable", "enable", "delete", "restore"]
    assert "(from version 2)" in history.splitlines()[-1] and "tester" in history.splitlines()[-1]


def test_an_unknown_rule_name_suggests_close_ones(run, imported):
    code, _, err = run("rules", "enable", "students_after_scool")
    assert code != 0
    assert err.strip() == "signage: error: no rule named 'students_after_scool' (did you mean 'students_after_school'?)"


# ------------------------------------------------------------------ playlists


def test_playlists_add_list_show_edit(run, imported):
    code, out, _ = run("playlists", "add", "morning", "--items", "coffee, news:6,weather", "--loop", "once")
    assert code == 0 and out.strip() == "playlist 'morning' created (version 1, 3 items)"

    lines = run("playlists", "list")[1].splitlines()
    assert lines[0].split() == ["NAME", "ITEMS", "LOOP", "USED", "BY", "RULES"]
    assert lines[1].split() == ["after_school_snacks", "snacks_chips,", "snacks_candy:6", "loop", "students_after_school"]
    assert lines[2].split() == ["brand_loop", "(default)", "brand_welcome", "loop", "-"]
    assert lines[3].split() == ["morning", "coffee,", "news:6,", "weather", "once", "-"]

    show = run("playlists", "show", "morning")[1]
    assert show.startswith("# playlist morning, version 1 (create by tester,")
    assert "- {content: news, duration_s: 6.0}" in show and "loop: once" in show

    code, out, _ = run("playlists", "edit", "morning", "--items", "coffee", "--loop", "loop")
    assert code == 0 and out.strip() == "playlist 'morning' changed (version 2)"
    assert "news" not in run("playlists", "show", "morning")[1]


def test_playlists_items_syntax_errors_name_the_option(run):
    code, _, err = run("playlists", "add", "p", "--items", "a,b:soon")
    assert code != 0 and "--items: 'b:soon': after ':' comes the display time in seconds" in err
    code, _, err = run("playlists", "add", "p", "--items", "a,b:0")
    assert code != 0 and "playlist 'p': items[1].duration_s: must be above 0" in err


def test_a_playlist_in_use_cannot_be_deleted(run, imported):
    code, _, err = run("playlists", "delete", "after_school_snacks")
    assert code != 0
    assert err.strip() == (
        "signage: error: playlist 'after_school_snacks' is used by rule 'students_after_school': "
        "change or delete those first"
    )
    code, _, err = run("playlists", "delete", "brand_loop")
    assert code != 0 and "the default playlist setting" in err


def test_playlists_set_default_delete_history_restore(run, imported):
    assert run("playlists", "add", "morning", "--items", "coffee")[0] == 0
    code, out, _ = run("playlists", "set-default", "morning")
    assert code == 0 and out.strip() == "default playlist: morning (was brand_loop)"
    assert run("playlists", "delete", "brand_loop")[0] == 0
    history = run("playlists", "history", "brand_loop")[1].splitlines()
    assert [line.split()[3] for line in history[1:]] == ["import", "delete"]
    code, out, _ = run("playlists", "restore", "brand_loop", "1")
    assert code == 0 and "restored from version 1 as version 3" in out
