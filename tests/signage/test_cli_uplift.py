"""`signage report uplift` end to end: plays and receipts in a real database file."""

from __future__ import annotations

import datetime as dt

import pytest

from signage.cli import main
from tests.playlists.test_uplift import Shop, at, hand_case


@pytest.fixture
def shop(tmp_path, monkeypatch):
    # No config file of the machine's user: the built-in learning settings.
    monkeypatch.setenv("SIGNAGE_CONFIG", str(tmp_path / "no-config.yaml"))
    shop = Shop(tmp_path / "signage.db")
    yield shop
    shop.db.conn.close()


@pytest.fixture
def run(shop, capsys):
    """Run `signage report uplift ARGS --db DB`; returns (exit code, stdout, stderr)."""

    def run(*args: str) -> tuple[int, str, str]:
        code = main(["report", "uplift", *args, "--db", str(shop.path)])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


def busy_morning(shop: Shop, tmp_path) -> None:
    """30 targeted and 30 control exposures of students, each followed by two receipts."""
    receipts = []
    for number in range(60):
        start = at("08:00") + dt.timedelta(minutes=12 * number)
        shop.play(start, "control" if number % 2 else "targeted")
        bought = ["SNACKS"] if number % 3 == 0 else ["BREAD"]  # 10 of 30 in each arm
        receipts += [(start + dt.timedelta(minutes=1), bought), (start + dt.timedelta(minutes=4), ["DAIRY"])]
    shop.receipts(tmp_path, receipts)


def test_plain_words_first_then_the_table(shop, tmp_path, run):
    busy_morning(shop, tmp_path)
    config = tmp_path / "config.yaml"
    config.write_text("decision:\n  holdout_share: 0.5\n", encoding="utf-8")  # as busy_morning draws
    code, out, err = run("--config", str(config))
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0].startswith("Uplift of targeting between 2026-11-23 08:00 and 2026-11-23 19:48")
    assert lines[2].startswith(
        "students (Students after school): SNACKS bought in 16.7% of receipts within 10 minutes after the"
        " targeted ad, 16.7% after the control; +0% ("
    )
    assert ", 1 day; about " in lines[2] and lines[2].endswith("more days to be sure of +5%")
    header = lines.index(next(line for line in lines if line.startswith("RULE")))
    targeted, control = lines[header + 1].split(), lines[header + 2].split()
    assert targeted[:6] == ["students", "SNACKS", "targeted", "30", "60", "10"]
    assert control[:4] == ["control", "30", "60", "10"]
    assert "16.7% (10/60)" in lines[header + 1]
    assert lines[-1] == "60 exposures, 120 receipts read, 120 of them within the window of an exposure"


def test_arms_far_from_the_configured_holdout_share_are_reported_beside_the_numbers(shop, tmp_path, run):
    busy_morning(shop, tmp_path)  # half the exposures in the control arm
    code, out, _ = run()  # the default holdout_share: 10%
    assert code == 0
    assert out.splitlines()[1].startswith(
        "! rule students: 30 of 60 exposures (50.0%) are in the control arm where the holdout draws 10%"
    )
    assert "students (Students after school): SNACKS bought in 16.7%" in out


def test_too_few_exposures_are_reported_as_a_sentence_and_the_command_succeeds(shop, tmp_path, run):
    hand_case(shop, tmp_path)
    code, out, err = run()
    assert code == 0 and err == ""
    assert ("students (Students after school): SNACKS: only 2 targeted exposures so far (30 needed in each arm):"
            " about 14 more days at this pace") in out.splitlines()
    assert "60.0% (3/5)" in out  # the counts are still in the table


def test_the_window_and_the_category_are_options(shop, tmp_path, run):
    hand_case(shop, tmp_path)
    code, out, _ = run("--window-min", "1", "--category", "BREAD")
    assert code == 0
    assert "BREAD (not advertised by this rule)" in out
    assert "within 1 minutes after" in out.splitlines()[0]
    # 1 minute: only 11:31 (bread, control 11:30) and 10:31 (snacks, targeted 10:30) count
    assert "0.0% (0/1)" in out and "100.0% (1/1)" in out


def test_the_config_maps_categories_to_tags(shop, tmp_path, run):
    hand_case(shop, tmp_path)
    shop.receipts(tmp_path, [(at("10:06"), ["CHIPS"]), (at("11:03"), ["CHIPS"])], source="other")
    code, out, err = run("--source", "other")
    assert code == 2 and out == ""
    assert err.strip() == (
        "signage: error: rule students: no purchase category maps to a tag of its playlist snacks (snacks): map"
        " categories to them in learning.category_tags in the config (e.g. 'CHIPS': snacks); categories in the"
        " receipts: CHIPS."
    )
    config = tmp_path / "config.yaml"
    config.write_text("learning:\n  category_tags:\n    CHIPS: snacks\n", encoding="utf-8")
    code, out, err = run("--source", "other", "--config", str(config))
    assert code == 0 and err == ""
    assert "students (Students after school): CHIPS: only 2 targeted exposures" in out


def test_nothing_to_report_fails_with_the_reason(shop, tmp_path, run):
    shop.play(at("10:00"))
    code, out, err = run()
    assert code == 2 and out == ""
    assert err == (
        "signage: error: no holdout exposures between 2026-11-23 10:00 and 2026-11-23 10:00 (1 play, no holdout"
        " run drawn): is decision.holdout_share 0, or did no targeted rule win?\n"
    )
    shop.play(at("10:30"), "targeted")
    code, _, err = run("--from", "2026-11-23")
    assert code == 2 and err.startswith("signage: error: no receipts imported: import the till's receipts")


def test_receipts_that_do_not_overlap_name_both_ranges(shop, tmp_path, run):
    shop.play(at("10:00"), "targeted")
    shop.receipts(tmp_path, [(at("10:00", day=-7), ["SNACKS"])])
    code, _, err = run()
    assert code == 2
    assert "the receipts (2026-11-16 to 2026-11-16) do not overlap the holdout exposures (2026-11-23 to" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--from", "2026-11-24", "--to", "2026-11-23"), "--to '2026-11-23' must be later than --from '2026-11-24'"),
        (("--from", "yesterday"), "--from: cannot read time 'yesterday': use 'YYYY-MM-DD HH:MM'"),
        (("--window-min", "0"), "--window-min '0': expected minutes above 0 and at most 1440, e.g. 10"),
        (("--window-min", "ten"), "--window-min 'ten': expected minutes above 0 and at most 1440, e.g. 10"),
        (("--category", "SNAKS"), "hold category 'SNAKS' (did you mean 'SNACKS'?)"),
        (("--source", "tll"), "no receipts imported into purchase source 'tll' (did you mean 'till'?)."),
    ],
)
def test_bad_options_fail_with_one_line_naming_them(shop, tmp_path, run, args, message):
    hand_case(shop, tmp_path)
    code, out, err = run(*args)
    assert code == 2 and out == ""
    assert len(err.splitlines()) == 1 and message in err


def test_a_database_that_does_not_exist_is_not_created(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("SIGNAGE_CONFIG", str(tmp_path / "no-config.yaml"))
    missing = tmp_path / "typo.db"
    code = main(["report", "uplift", "--db", str(missing)])
    assert code == 2
    assert capsys.readouterr().err.strip() == (
        f"signage: error: {missing}: no signage database there (give --db, or set $SIGNAGE_DB)"
    )
    assert not missing.exists()
