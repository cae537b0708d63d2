"""Group composition: the camera's company of a group, the `company:` rule condition, its
matching and explanation, its YAML form, and `signage rules simulate --company`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from audience.types import (
    AgeGroup,
    Attire,
    AudienceSnapshot,
    Company,
    Segment,
    SignalState,
    TimeContext,
    company_of,
)
from foundation.db import open_database
from foundation.errors import ValidationError
from playlists.codec import conditions_to_dict, rule_from_dict, rule_to_dict
from playlists.decision import COMPANY, WON, AudienceView, SimulatedAudience, decide
from playlists.model import Conditions
from playlists.store import PlaylistStore
from playlists.yaml_io import dump_rule, parse_document
from signage.cli import main
from tests.audience.builders import make_visitor
from tests.playlists.builders import MONDAY_1610, audience, make_book, make_playlist, make_rule

ADULT, TEEN, CHILD, SENIOR = AgeGroup.ADULT, AgeGroup.TEEN, AgeGroup.CHILD, AgeGroup.SENIOR


def snapshot_of(*age_groups: AgeGroup | None, signal: SignalState = SignalState.OK) -> AudienceSnapshot:
    """A confident snapshot of visitors of these age groups, the first one's segment dominant."""
    visitors = tuple(make_visitor(track_id=i, age_group=g) for i, g in enumerate(age_groups, start=1))
    first = visitors[0] if visitors else None
    return AudienceSnapshot(
        ts=0.0, time=TimeContext.of(MONDAY_1610), signal=signal, visitors=visitors,
        counts_by_age_group={}, counts_by_attire={},
        dominant_segment=Segment(first.age_group, first.attire) if first else None,
        confidence=0.8 if visitors else 1.0, frames_dropped=0,
    )


# ---- the company of a group ---------------------------------------------------------------


@pytest.mark.parametrize(
    "groups, expected",
    [
        ((ADULT,), Company.ALONE),
        ((None,), Company.ALONE),  # one visitor is alone whatever their age
        ((ADULT, CHILD), Company.ADULT_WITH_CHILD),
        ((SENIOR, TEEN, TEEN), Company.ADULT_WITH_CHILD),
        ((TEEN, TEEN), Company.TEENS),
        ((TEEN, CHILD, TEEN), Company.TEENS),
        ((ADULT, SENIOR), Company.ADULTS),
        # An adult and a child are that whoever else comes; otherwise an unknown age leaves it open.
        ((ADULT, TEEN, None), Company.ADULT_WITH_CHILD),
        ((ADULT, ADULT, None), None),
        ((TEEN, None), None),
        ((), None),
    ],
)
def test_the_company_of_a_group_follows_its_age_groups(groups, expected):
    assert company_of(groups) is expected


def test_the_decisions_audience_carries_the_company():
    snapshot = snapshot_of(ADULT, CHILD)
    assert AudienceView.from_snapshot(snapshot).company is Company.ADULT_WITH_CHILD
    assert AudienceView.from_snapshot(snapshot_of(ADULT)).company is Company.ALONE
    # The camera lost: nobody knows who is with whom.
    assert AudienceView.from_snapshot(snapshot_of(ADULT, signal=SignalState.NO_SIGNAL)).company is None
    assert AudienceView.from_snapshot(snapshot_of()).company is None


def test_the_company_is_not_part_of_the_snapshot_trace():
    # The decision trace (and its golden file) stays as it was: only counts and segments.
    assert "company" not in snapshot_of(ADULT, CHILD).to_dict()


def test_a_described_adult_with_a_child_brings_the_minors_guardrail():
    view = AudienceView.hypothetical(ADULT, Attire.CASUAL, 2, company=Company.ADULT_WITH_CHILD)
    assert view.company is Company.ADULT_WITH_CHILD
    assert view.minors_likely and "with a child" in view.minors_reason
    assert AudienceView.hypothetical(ADULT).company is Company.ALONE
    assert AudienceView.hypothetical(ADULT, group_size=3).company is None
    simulated = SimulatedAudience(ADULT, Attire.CASUAL, 2, company=Company.ADULTS).view()
    assert simulated.company is Company.ADULTS and not simulated.minors_likely


# ---- the rule condition -----------------------------------------------------------------


FAMILY_RULE = make_rule("families", "family_snacks", priority=30, company=(Company.ADULT_WITH_CHILD,))


def test_a_company_rule_matches_only_that_company_and_says_why_not():
    book = make_book(FAMILY_RULE)
    # Given an adult with a child, then an adult alone
    family = AudienceView.from_snapshot(snapshot_of(ADULT, CHILD))
    alone = AudienceView.from_snapshot(snapshot_of(ADULT))
    # When deciding for each
    chosen, other = decide(book, family, MONDAY_1610), decide(book, alone, MONDAY_1610)
    # Then the rule plays for the family only, and the explanation says what it wanted
    assert chosen.rule == "families" and dict((r.name, c) for r, c in chosen.considered)["families"] == WON
    assert other.rule is None
    assert dict((r.name, c) for r, c in other.considered)["families"] == COMPANY
    assert "families (priority 30): wants an adult with a child, the audience is alone" in other.explain()
    assert "an adult with a child" in chosen.reason
    assert "company: an adult with a child" in chosen.explain()


def test_an_adult_with_a_child_matches_when_the_childs_face_is_the_dominant_segment():
    # Given a learned-style rule: an adult (by age) with a child (by company)
    rule = make_rule("parents", "snacks", priority=30, age_groups=(ADULT,), company=(Company.ADULT_WITH_CHILD,))
    book = make_book(rule)
    # When the child (or two children) dominate the snapshot, an adult being there too
    for groups in ((CHILD, ADULT), (CHILD, CHILD, ADULT)):
        view = AudienceView.from_snapshot(snapshot_of(*groups))
        assert view.age_group is CHILD and view.company is Company.ADULT_WITH_CHILD
        # Then the rule holds: the adult it asks for is in the group
        assert decide(book, view, MONDAY_1610).rule == "parents", groups
    # while a rule with no company condition still reads the dominant segment only
    adults = make_book(make_rule("adults", "snacks", priority=30, age_groups=(ADULT,)))
    assert decide(adults, AudienceView.from_snapshot(snapshot_of(CHILD, ADULT)), MONDAY_1610).rule is None


def test_an_unknown_company_never_matches_a_company_rule():
    book = make_book(FAMILY_RULE)
    unknown = audience(ADULT, group_size=3)  # a group whose company is not given
    decision = decide(book, unknown, MONDAY_1610)
    assert decision.rule is None
    assert "wants an adult with a child, the audience is company not known" in decision.explain()
    assert decide(book, AudienceView.nobody(), MONDAY_1610).rule is None


def test_a_company_condition_makes_a_rule_targeted():
    assert Conditions(company=(Company.TEENS,)).uses_audience
    assert make_book(FAMILY_RULE).targeted_rules == frozenset({"families"})
    assert Conditions(company=(Company.TEENS, Company.ALONE)).describe() == "a group of teens or alone"


# ---- the YAML form ----------------------------------------------------------------------


def test_the_condition_round_trips_through_the_codec_and_yaml():
    rule = rule_from_dict({"name": "r", "playlist": "p", "when": {"company": ["adult_with_child", "teens"]}})
    assert rule.conditions.company == (Company.ADULT_WITH_CHILD, Company.TEENS)
    assert rule_from_dict(rule_to_dict(rule)) == rule
    assert "company: [adult_with_child, teens]" in dump_rule(rule)
    assert rule_from_dict({"name": "r", "playlist": "p", "when": {"company": "alone, adults"}}).conditions.company == (
        Company.ALONE, Company.ADULTS,
    )


def test_a_rule_without_company_writes_and_reads_as_before():
    old = "rules:\n- name: r\n  playlist: p\n  when:\n    age_groups: [teen]\n"
    [rule] = parse_document(old, "rules.yaml").rules
    assert rule.conditions.company == ()
    assert "company" not in conditions_to_dict(rule.conditions)
    assert "company" not in dump_rule(rule)


@pytest.mark.parametrize(
    "value, message",
    [
        ("[kids]", "rules.yaml:5: rules[0].when.company: unknown company 'kids' (known: alone, adult_with_child, teens, adults)"),
        ("[teens, teens]", "rules.yaml:5: rules[0].when.company: 'teens' is listed twice"),
        ("5", "rules.yaml:5: rules[0].when.company: expected a list, got 5"),
        ("[{a: 1}]", "rules.yaml:5: rules[0].when.company: unknown company {'a': 1} (known: alone, adult_with_child, teens, adults)"),
    ],
)
def test_every_bad_company_is_one_line_naming_the_field(value, message):
    text = f"rules:\n- name: r\n  playlist: p\n  when:\n    company: {value}\n"
    with pytest.raises(ValidationError) as raised:
        parse_document(text, "rules.yaml")
    assert raised.value.problems == (message,)


# ---- signage rules simulate --company ---------------------------------------------------------


@pytest.fixture
def installation(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setenv("SIGNAGE_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("SIGNAGE_DB", raising=False)
    monkeypatch.setenv("SIGNAGE_CONFIG", str(tmp_path / "no-config.yaml"))
    return tmp_path


def test_simulate_takes_the_company_and_the_guardrail_follows_it(installation, capsys):
    argv = ["rules", "simulate", "--age-group", "adult", "--group-size", "2", "--at", "2026-11-23 19:10"]
    # The seed's evening playlist has a beer ad: held back once a child is with the adult.
    assert main(argv + ["--company", "adult_with_child"]) == 0
    out = capsys.readouterr().out
    assert "company: an adult with a child" in out
    assert "Minors guardrail: held back beer_promo because the audience is an adult with a child." in out
    assert main(argv + ["--company", "adults"]) == 0
    out = capsys.readouterr().out
    assert "company: a group of adults" in out and "minors guardrail" not in out.lower()


def test_simulate_refuses_an_unknown_company_in_one_line(installation, capsys):
    with pytest.raises(SystemExit) as raised:
        main(["rules", "simulate", "--company", "family"])
    assert raised.value.code != 0
    assert "--company: invalid choice: 'family'" in capsys.readouterr().err


@pytest.mark.parametrize(("company", "size", "needs"), [
    ("alone", "3", "needs a group size of 1, got 3"),
    ("teens", "1", "needs a group size of 2 or more, got 1"),
])
def test_simulate_refuses_a_company_that_does_not_fit_the_group_in_one_line(installation, capsys, company, size, needs):
    code = main(["rules", "simulate", "--company", company, "--group-size", size, "--at", "2026-11-23 16:10"])
    err = capsys.readouterr().err.strip()
    assert code != 0 and err.count("\n") == 0
    assert f"--company --group-size: company {company} {needs}" in err


def test_rules_add_takes_the_company_and_names_the_option_when_it_is_wrong(installation, capsys):
    db = str(installation / "rules.db")
    database = open_database(db)
    PlaylistStore(database).save_playlist(make_playlist("evening_drinks", "brand_welcome"), "test")
    database.close()
    assert main(["rules", "add", "--db", db, "--name", "families", "--playlist", "evening_drinks",
                 "--company", "adult_with_child"]) == 0
    assert "an adult with a child -> evening_drinks" in capsys.readouterr().out
    assert main(["rules", "add", "--db", db, "--name", "f2", "--playlist", "evening_drinks", "--company", "family"]) != 0
    err = capsys.readouterr().err.strip()
    assert err == ("signage: error: rule 'f2': --company: unknown company 'family' "
                   "(known: alone, adult_with_child, teens, adults)")
