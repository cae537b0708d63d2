"""The YAML rules document: the marketer's format, every problem with file:line: field, round trips."""

from __future__ import annotations

import datetime as dt
import textwrap

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlite_utils import Database

from audience.types import AgeGroup, Attire, Gender
from playlists.codec import RuleDocument, StoredNames, describe_change, rule_to_dict
from playlists.model import (
    Conditions,
    LoopPolicy,
    Playlist,
    PlaylistItem,
    Rule,
    RuleOrigin,
    TimeWindow,
)
from playlists.store import PlaylistStore
from playlists.yaml_io import (
    dump_document,
    dump_rule,
    parse_document,
    validate_document,
)
from foundation.errors import ValidationError
from tests.playlists.builders import make_playlist, make_rule

EXAMPLE = """\
default_playlist: brand_loop
playlists:
  - name: after_school_snacks
    loop: loop            # loop | once
    items:
      - snacks_chips                  # short form: content name
      - {content: snacks_candy, duration_s: 6}
  - name: brand_loop
    items: [brand_welcome]
rules:
  - name: students_after_school
    playlist: after_school_snacks
    priority: 50
    when:
      age_groups: [teen]
      attire: [school_uniform]
      weekdays: [mon, tue, wed, thu, fri]     # or "mon-fri"
      time: ["15:00-18:00"]
      min_group_size: 1
      min_dwell_s: 0
      dates: {from: 2026-11-01, until: 2026-12-31}
    weight: 1
    cooldown_s: 0
    max_plays_per_hour: 12
    enabled: true
    note: Snacks for students after school
    origin: manual
"""


def problems_of(text: str, **options) -> list[str]:
    """The problems of a document written with leading indentation removed, as rules.yaml."""
    return validate_document(textwrap.dedent(text), "rules.yaml", **options)


def test_the_documented_example_reads_as_intended():
    document = parse_document(EXAMPLE, "rules.yaml")
    assert document.default_playlist == "brand_loop"
    snacks, brand = document.playlists
    assert snacks == Playlist(
        "after_school_snacks", (PlaylistItem("snacks_chips"), PlaylistItem("snacks_candy", 6.0)), LoopPolicy.LOOP
    )
    assert brand.items == (PlaylistItem("brand_welcome"),)
    (rule,) = document.rules
    assert rule == Rule(
        name="students_after_school",
        playlist="after_school_snacks",
        priority=50,
        conditions=Conditions(
            age_groups=(AgeGroup.TEEN,), attire=(Attire.SCHOOL_UNIFORM,), weekdays=(0, 1, 2, 3, 4),
            time_windows=(TimeWindow("15:00", "18:00"),), min_group_size=1,
            date_from=dt.date(2026, 11, 1), date_until=dt.date(2026, 12, 31),
        ),
        max_plays_per_hour=12,
        note="Snacks for students after school",
    )


def test_the_example_round_trips_and_the_dump_is_readable():
    document = parse_document(EXAMPLE, "rules.yaml")
    text = dump_document(document, header="exported for the test")
    assert parse_document(text, "again.yaml") == document
    assert text.startswith("# exported for the test\n")
    assert "  - {content: snacks_candy, duration_s: 6.0}" in text or "- {content: snacks_candy, duration_s: 6.0}" in text
    assert "    weekdays: [mon, tue, wed, thu, fri]" in text
    assert "    dates: {from: 2026-11-01, until: 2026-12-31}" in text


@pytest.mark.parametrize(
    "weekdays, expected",
    [
        ("mon-fri", (0, 1, 2, 3, 4)),
        ('"sat,sun"', (5, 6)),
        ("fri-mon", (4, 5, 6, 0)),
        ("[mon, wed-thu]", (0, 2, 3)),
        ("[Monday, sunday]", (0, 6)),
    ],
)
def test_weekday_forms(weekdays, expected):
    document = parse_document(f"rules:\n- {{name: r, playlist: p, when: {{weekdays: {weekdays}}}}}\n", "w.yaml")
    assert document.rules[0].conditions.weekdays == expected


def test_a_rule_without_conditions_always_applies_and_defaults_fill_in():
    (rule,) = parse_document("rules:\n- {name: r, playlist: p}\n").rules
    assert rule == Rule("r", "p")
    assert dump_rule(rule) == "name: r\nplaylist: p\npriority: 0\nweight: 1.0\ncooldown_s: 0.0\nenabled: true\norigin: manual\n"


# ------------------------------------------------------------------ problems: file:line: field: message


def test_an_unknown_age_group_names_file_line_field_and_the_known_groups():
    assert problems_of(
        """\
        rules:
          - name: students
            playlist: snacks
            when:
              age_groups: [teen, teenager]
        """
    ) == [
        "rules.yaml:5: rules[0].when.age_groups: unknown age group 'teenager' "
        "(known: child, teen, young_adult, adult, middle_aged, senior)"
    ]


def test_every_problem_is_listed_in_line_order():
    problems = problems_of(
        """\
        default_playlist: brand_lop
        playlists:
          - name: snacks
            loop: forever
            items: []
          - name: snacks
            items: [chips]
            colour: red
        rules:
          - name: r1
            playlist: snackz
          - name: r2
            playlist: snacks
            priority: high
            when:
              weekdays: mon-fry
              time: ["25:00-18:00"]
              dates: {from: 2026-13-01}
              age_group: [teen]
            weight: -1
            enabled: maybe
            origin: robot
          - name: r2
            playlist: snacks
        """
    )
    assert problems == [
        "rules.yaml:1: default_playlist: no playlist named 'brand_lop' in this document",
        "rules.yaml:4: playlists[0].loop: unknown loop policy 'forever' (known: loop, once)",
        "rules.yaml:5: playlists[0].items: a playlist needs at least one item",
        "rules.yaml:6: playlists[1].name: 'snacks' is already the name of playlists[0]",
        "rules.yaml:8: playlists[1]: unknown key 'colour' (known: name, loop, items, note)",
        "rules.yaml:11: rules[0].playlist: no playlist named 'snackz' in this document (did you mean 'snacks'?)",
        # rules[1] uses 'snacks', which has problems of its own: no second complaint about it
        "rules.yaml:14: rules[1].priority: expected a whole number, got 'high'",
        "rules.yaml:16: rules[1].when.weekdays: 'mon-fry' is not a weekday or range like mon-fri "
        "(days: mon, tue, wed, thu, fri, sat, sun)",
        "rules.yaml:17: rules[1].when.time: '25:00' is not a time between 00:00 and 24:00",
        "rules.yaml:18: rules[1].when.dates.from: '2026-13-01' is not a date like 2026-11-01 (month must be in 1..12)",
        "rules.yaml:19: rules[1].when: unknown key 'age_group' (did you mean 'age_groups'? known: age_groups, "
        "attire, genders, company, weekdays, time, min_group_size, max_group_size, min_dwell_s, dates)",
        "rules.yaml:20: rules[1].weight: must be above 0, got -1",
        "rules.yaml:21: rules[1].enabled: expected true or false, got 'maybe'",
        "rules.yaml:22: rules[1].origin: unknown origin 'robot' (known: manual, learned, learned_edited)",
        "rules.yaml:23: rules[2].name: 'r2' is already the name of rules[1]",
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        # The wording after "YAML syntax:" is PyYAML's (libyaml's when it is built in).
        ("rules: [unclosed\n", "rules.yaml:2: YAML syntax: "),
        ("rules:\n  - name: a\n   playlist: b\n", "rules.yaml:3: YAML syntax: "),
        ("a: 1\n---\nb: 2\n", "rules.yaml:2: YAML syntax: "),
        ("", "rules.yaml:1: the document is empty"),
        ("- a\n- b\n", "rules.yaml:1: expected a document with keys default_playlist, playlists, rules, got a list"),
        ("rule: []\n", "rules.yaml:1: unknown key 'rule' (did you mean 'rules'? known: default_playlist, playlists, rules)"),
        ("rules:\n- {name: a, playlist: b}\nrules: []\n", "rules.yaml:3: key 'rules' appears twice (first on line 1)"),
        ("rules:\n- {playlist: b}\n", "rules.yaml:2: rules[0]: missing name"),
        ("rules:\n- {name: ' a', playlist: b}\n", "rules.yaml:2: rules[0].name: ' a' is not usable as a name"),
        ("rules:\n- {name: 1_000, playlist: b}\n", "rules.yaml:2: rules[0].name: expected a name, got 1000 (put it in quotes to make it text)"),
        ("rules:\n- name: a\n  playlist: b\n  when:\n    dates: {from: 2026-12-01, until: 2026-11-01}\n",
         "rules.yaml:5: rules[0].when.dates.until: 2026-11-01 is before from 2026-12-01"),
        ("rules:\n- name: a\n  playlist: b\n  when: {min_group_size: 3, max_group_size: 2}\n",
         "rules.yaml:4: rules[0].when.max_group_size: 2 is below min_group_size 3"),
        ("rules:\n- name: a\n  playlist: b\n  when:\n    genders: [female, female]\n",
         "rules.yaml:5: rules[0].when.genders: 'female' is listed twice"),
        ("playlists:\n- name: p\n  items:\n  - chips\n  - {content: candy, duration_s: 0}\n",
         "rules.yaml:5: playlists[0].items[1].duration_s: must be above 0, got 0"),
        ("playlists:\n- name: p\n  items:\n  - {duration_s: 3}\n", "rules.yaml:4: playlists[0].items[0]: missing content"),
        ("x: \"\x01\"\n", "rules.yaml:1: character #x0001 is not allowed in YAML"),
    ],
)
def test_each_bad_input_has_its_message(text, expected):
    problems = validate_document(text, "rules.yaml")
    assert len(problems) == 1 and problems[0].startswith(expected), problems


def test_parse_raises_one_validation_error_holding_every_problem():
    with pytest.raises(ValidationError) as error:
        parse_document("rules:\n- {name: a}\n- {name: b, playlist: p, priority: x}\n", "r.yaml")
    assert error.value.problems == (
        "r.yaml:2: rules[0]: missing playlist",
        "r.yaml:3: rules[1].priority: expected a whole number, got 'x'",
    )


def test_a_rules_only_document_may_use_the_stores_playlists():
    stored = StoredNames(playlists=frozenset({"snacks", "brand"}))
    assert problems_of("rules:\n- {name: a, playlist: snacks}\n", store=stored) == []
    assert problems_of("rules:\n- {name: a, playlist: snackz}\n", store=stored) == [
        "rules.yaml:2: rules[0].playlist: no playlist named 'snackz' in this document or the database (did you mean 'snacks'?)"
    ]


def test_a_playlists_section_must_keep_what_stored_rules_need():
    store = PlaylistStore(Database(memory=True))
    store.save_playlist(make_playlist("snacks", "chips"), "a")
    store.save_rule(make_rule("students", "snacks"), "a")
    assert problems_of("playlists:\n- {name: other, items: [x]}\n", store=store) == [
        "rules.yaml:1: playlists: leaves out playlist 'snacks', which the stored rule 'students' plays "
        "(add it, or add a rules: section)"
    ]


def test_known_content_checks_every_item():
    problems = problems_of(
        "playlists:\n- name: p\n  items:\n  - snacks_chips\n  - snacks_chipz\n",
        known_content={"snacks_chips", "snacks_candy"},
    )
    assert problems == ["rules.yaml:5: playlists[0].items: unknown content 'snacks_chipz' in the catalog (did you mean 'snacks_chips' or 'snacks_candy'?)"]


def test_keys_are_read_as_written():
    # YAML 1.1 reads a bare `on` as true; a key is still the word the marketer wrote.
    assert problems_of("rules:\n- {name: a, playlist: p, on: 1}\n")[0].startswith("rules.yaml:2: rules[0]: unknown key 'on'")


def test_a_recursive_alias_is_a_problem_not_a_crash():
    # Refused as every anchor is, before a node is built (foundation.limits).
    assert problems_of("rules: &r [*r]\n") == [
        "rules.yaml: line 1: YAML anchors and aliases (&r) are not allowed (they can expand a small file into"
        " gigabytes); write the values out"
    ]


# ------------------------------------------------------------------ round trips


# Printable words (letters, digits, punctuation, symbols: YAML's `-`, `:`, `&`, `*`, `#`, and
# words like `null`, `yes` or `2026-01-01` that must be quoted), sometimes two with a space.
WORDS = st.text(st.characters(whitelist_categories=("L", "N", "P", "S")), min_size=1, max_size=12)
NAMES = WORDS | st.tuples(WORDS, WORDS).map(" ".join)
FINITE = {"allow_nan": False, "allow_infinity": False}


@st.composite
def time_windows(draw) -> TimeWindow:
    start, end = draw(st.lists(st.integers(0, 24 * 60), min_size=2, max_size=2, unique=True))
    return TimeWindow(f"{start // 60:02d}:{start % 60:02d}", f"{end // 60:02d}:{end % 60:02d}")


@st.composite
def conditions(draw) -> Conditions:
    min_group_size = draw(st.integers(0, 20))
    dates = sorted(draw(st.lists(st.dates(), max_size=2)))
    date_from = dates[0] if dates and draw(st.booleans()) else None
    date_until = dates[-1] if dates and draw(st.booleans()) else None
    return Conditions(
        age_groups=tuple(draw(st.lists(st.sampled_from(AgeGroup), unique=True))),
        attire=tuple(draw(st.lists(st.sampled_from(Attire), unique=True))),
        genders=tuple(draw(st.lists(st.sampled_from(Gender), unique=True))),
        min_group_size=min_group_size,
        max_group_size=draw(st.none() | st.integers(max(min_group_size, 1), 50)),
        min_dwell_s=draw(st.floats(min_value=0, **FINITE)),
        time_windows=tuple(draw(st.lists(time_windows(), unique=True, max_size=3))),
        weekdays=tuple(draw(st.lists(st.integers(0, 6), unique=True))),
        date_from=date_from,
        date_until=date_until,
    )


@st.composite
def rules(draw, playlist_names: list[str]) -> Rule:
    return Rule(
        name=draw(NAMES),
        playlist=draw(st.sampled_from(playlist_names)),
        conditions=draw(conditions()),
        priority=draw(st.integers(-(10**6), 10**6)),
        weight=draw(st.floats(min_value=0, exclude_min=True, **FINITE)),
        cooldown_s=draw(st.floats(min_value=0, **FINITE)),
        max_plays_per_hour=draw(st.none() | st.integers(1, 1000)),
        enabled=draw(st.booleans()),
        note=draw(st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)),
        origin=draw(st.sampled_from(RuleOrigin)),
        learned_metrics=draw(st.dictionaries(NAMES, st.floats(**FINITE), max_size=3)),
    )


@st.composite
def playlists(draw, name: str) -> Playlist:
    items = draw(
        st.lists(
            st.builds(PlaylistItem, NAMES, st.none() | st.floats(min_value=0, exclude_min=True, **FINITE)),
            min_size=1, max_size=4,
        )
    )
    return Playlist(name, tuple(items), draw(st.sampled_from(LoopPolicy)), draw(st.text(max_size=30)))


@st.composite
def documents(draw) -> RuleDocument:
    names = draw(st.lists(NAMES, min_size=1, max_size=3, unique=True))
    rule_list = draw(st.lists(rules(names), max_size=4, unique_by=lambda r: r.name))
    return RuleDocument(
        default_playlist=draw(st.none() | st.sampled_from(names)),
        playlists=tuple(draw(playlists(name)) for name in names),
        rules=tuple(rule_list),
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_parse_of_dump_gives_the_document_back(document):
    assert parse_document(dump_document(document), "generated.yaml") == document


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_the_store_keeps_a_generated_document_as_it_was(document):
    store = PlaylistStore(Database(memory=True))
    store.replace_all(document, "hypothesis")
    assert store.rules() == tuple(sorted(document.rules, key=lambda r: r.name))
    assert store.playlists() == tuple(sorted(document.playlists, key=lambda p: p.name))
    assert store.default_playlist() == document.default_playlist


def test_describe_change_names_what_changed():
    before = rule_to_dict(make_rule("r", "p", priority=40, age_groups=(AgeGroup.TEEN,)))
    after = rule_to_dict(make_rule("r", "p", priority=50, time_windows=("15:00-18:00",)))
    assert describe_change("rule", before, after) == (
        "priority 40 -> 50; when.age_groups teen -> -; when.time - -> 15:00-18:00"
    )
    assert describe_change("rule", None, before) == "created: teen -> p (priority 40)"
    assert describe_change("rule", before, None) == "deleted"
