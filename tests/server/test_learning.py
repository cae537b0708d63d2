"""Chain-wide learning on a real PostgreSQL: the learner's queries unchanged, the same counts as
SQLite for the same purchases, suggestions per store group, and bad input.

The purchases are real: the first two weeks of Dunnhumby's Complete Journey (35,176 lines,
3,301 baskets of 142 stores), imported once per module into PostgreSQL (a template
database each test copies) and into SQLite by the kiosk's own importer.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt

import numpy as np
import psycopg
import pytest

from foundation.db import open_database
from foundation.errors import DataError, NotFoundError
from playlists import learning as kiosk_learning
from playlists import purchases as kiosk_purchases
from playlists.codec import playlist_to_dict
from playlists.model import Playlist, PlaylistItem, RuleOrigin
from playlists.yaml_io import parse_document
from signage.server import learning
from tests.server.builders import make_group, make_store
from tests.server.conftest import copied_database, database_name

pytestmark = pytest.mark.postgres

WEEKS = 2
# Two weeks of one data set hold fewer baskets per context than a year of a chain: smaller
# thresholds, so that groups of half the stores still have findings to compare.
SMALL = kiosk_learning.LearningSettings(min_context_baskets=60, min_category_baskets=8, min_support=0.0005,
                                        min_lift=1.2)


# ---- fixtures -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sqlite_journey(tmp_path_factory):
    """The same weeks in the kiosk's SQLite, by the kiosk's importer."""
    path = tmp_path_factory.mktemp("kiosk") / "signage.db"
    db = open_database(path)
    kiosk_purchases.import_complete_journey(db, weeks=WEEKS)
    return path


@pytest.fixture(scope="module")
def journey_template(pg_cluster):
    """A migrated database holding the weeks in PostgreSQL; tests copy it. (template name, import report)"""
    with copied_database(pg_cluster, "learning_journey") as dsn:
        with psycopg.connect(dsn, autocommit=True) as conn:
            report = learning.import_complete_journey(conn, actor="cli:test", weeks=WEEKS)
        yield database_name(dsn), report


@pytest.fixture
def journey_dsn(pg_cluster, journey_template):
    """A fresh database with the weeks imported, for this test alone."""
    with copied_database(pg_cluster, "learning_test", journey_template[0]) as dsn:
        yield dsn


def connect(dsn: str) -> psycopg.Connection:
    return psycopg.connect(dsn, autocommit=True)


def store_ids(dsn: str, codes) -> tuple[int, ...]:
    with connect(dsn) as conn:
        rows = conn.execute("SELECT store_id FROM stores WHERE code = ANY(%s) ORDER BY code", (list(codes),)).fetchall()
    return tuple(row[0] for row in rows)


def give_content_for_every_category(dsn: str, group_id: int) -> None:
    """A library item and a playlist for the tag of every category the history holds, as the group's release.

    The learner then matches every finding it can (only the camera's limits and the
    minors' guard stop one), so what a group is suggested depends on its stores alone.
    """
    with connect(dsn) as conn:
        categories = [row[0] for row in conn.execute("SELECT DISTINCT category FROM basket_categories")]
        tags = sorted({kiosk_learning.category_tag(c, SMALL) for c in categories})
        content = []
        for tag in tags:
            item = {"name": f"ad_{tag}", "kind": "text", "title": tag, "duration_s": 8.0, "sha256": None,
                    "tags": [tag], "age_restricted": tag == "alcohol", "text": {"body": tag}}
            conn.execute(
                "INSERT INTO library_items (name, kind, title, duration_s, tags, age_restricted, text, updated_by)"
                " VALUES (%(name)s, 'text', %(title)s, 8.0, %(tags_json)s, %(age_restricted)s, %(text_json)s, 'test')"
                " ON CONFLICT (name) DO NOTHING",
                {**item, "tags_json": psycopg.types.json.Jsonb(item["tags"]),
                 "text_json": psycopg.types.json.Jsonb(item["text"])},
            )
            content.append(item)
        playlists = [Playlist(f"pl_{tag}", (PlaylistItem(f"ad_{tag}"),)) for tag in tags]
        document = {"default_playlist": playlists[0].name, "playlists": [playlist_to_dict(p) for p in playlists],
                    "rules": []}
        version = conn.execute("SELECT coalesce(max(version), 0) + 1 FROM releases WHERE group_id = %s",
                               (group_id,)).fetchone()[0]
        release_id = conn.execute(
            "INSERT INTO releases (group_id, version, document, document_yaml, content, etag, created_by)"
            " VALUES (%s, %s, %s, '', %s, %s, 'user:test') RETURNING release_id",
            (group_id, version, psycopg.types.json.Jsonb(document), psycopg.types.json.Jsonb(content),
             f'"release-{group_id}-{version}"'),
        ).fetchone()[0]
        conn.execute("UPDATE store_groups SET current_release_id = %s WHERE group_id = %s", (release_id, group_id))


def assert_same_counts(ours: kiosk_learning.Counts, theirs: kiosk_learning.Counts) -> None:
    assert ours.categories == theirs.categories
    assert ours.segments == theirs.segments
    assert ours.total_baskets == theirs.total_baskets
    assert ours.age_bands == theirs.age_bands
    for field in ("baskets", "with_category", "segment_baskets", "segment_with_category"):
        # Shares of age bands are summed in the order the rows come: equal up to rounding.
        np.testing.assert_allclose(getattr(ours, field), getattr(theirs, field), rtol=1e-12, atol=0, err_msg=field)


# ---- the queries ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["BASKET_QUERY", "CATEGORY_QUERY"])
def test_the_learners_queries_run_with_only_their_placeholders_changed(name):
    kiosk_text = getattr(kiosk_learning, name)
    assert getattr(learning, name) is kiosk_text  # the very text, not a copy that could drift
    with_marks = kiosk_text.format(sources="?, ?, ?")
    converted = learning.for_psycopg(with_marks)
    assert converted.count("%s") == with_marks.count("?") == 5
    assert "?" not in converted
    assert converted.replace("%s", "?") == with_marks


def test_placeholder_conversion_refuses_quoted_text():
    with pytest.raises(ValueError, match="quoted"):
        learning.for_psycopg("SELECT * FROM baskets WHERE segment = '?'")
    assert learning.for_psycopg("SELECT 100 % 7, ?") == "SELECT 100 %% 7, %s"


# ---- imports --------------------------------------------------------------------------------


def test_complete_journey_import_holds_what_sqlite_holds_with_each_baskets_store(journey_template, journey_dsn,
                                                                                 sqlite_journey):
    _, report = journey_template
    kiosk = open_database(sqlite_journey)
    expected = {table: kiosk.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
                for table in ("purchase_lines", "baskets", "basket_categories")}
    assert expected == {"purchase_lines": 35_176, "baskets": 3_301, "basket_categories": 25_247}
    assert (report.lines, report.baskets, report.basket_categories) == tuple(expected.values())
    assert len(report.sources) == report.stores_created == 142
    assert report.lines_without_category == kiosk.execute(
        "SELECT COUNT(*) FROM purchase_lines WHERE category = ''").fetchone()[0] == 76
    with connect(journey_dsn) as conn:
        for table, count in expected.items():
            assert conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == count, table
        # The same lines, keys and values (the kiosk's have one source; ours one per store).
        ours = conn.execute("SELECT line_key, basket_id, ts, product, category, quantity, amount FROM purchase_lines"
                            " ORDER BY line_key").fetchall()
        theirs = kiosk.execute("SELECT line_key, basket_id, ts, product, category, quantity, amount FROM purchase_lines"
                               " ORDER BY line_key").fetchall()
        assert [(k, b, t.strftime("%Y-%m-%d %H:%M:%S"), p, c, q, a) for k, b, t, p, c, q, a in ours] == [
            tuple(row) for row in theirs]
        # The data's first basket: household 900 at store 330 on 2017-01-01 11:53 (a Sunday).
        assert conn.execute("SELECT source, day, hour, weekday, customer FROM baskets WHERE basket_id = '31198570044'"
                            ).fetchone() == ("cj-store-330", dt.date(2017, 1, 1), 11, 6, "900")
        assert conn.execute("SELECT COUNT(*) FROM stores WHERE code LIKE 'cj-store-%'").fetchone()[0] == 142
        sums = conn.execute("SELECT SUM(lines), SUM(baskets) FROM purchase_imports").fetchone()
        assert sums == (35_176, 3_301)
        assert conn.execute("SELECT action, detail->>'lines' FROM audit_log").fetchall() == [
            ("purchases.import", "35176")]


def test_importing_again_replaces_the_history_instead_of_adding_to_it(journey_dsn):
    with connect(journey_dsn) as conn:
        # The data's week 1 ends at 05:00 on Monday 2 January.
        first_week = conn.execute(
            "SELECT source, basket_id, day, hour FROM baskets b WHERE EXISTS (SELECT 1 FROM purchase_lines l"
            " WHERE l.basket_id = b.basket_id AND l.ts < '2017-01-02 05:00') ORDER BY basket_id").fetchall()
        report = learning.import_complete_journey(conn, actor="cli:test", weeks=1)
        assert len(report.sources_replaced) == 142 and report.stores_created == 0
        # Exactly the first week's baskets are left: none of the second week's, none twice.
        assert conn.execute("SELECT source, basket_id, day, hour FROM baskets ORDER BY basket_id").fetchall() == first_week
        assert len(first_week) == report.baskets == 382
        assert conn.execute("SELECT COUNT(*) FROM purchase_lines").fetchone()[0] == report.lines == 3_722
        assert conn.execute("SELECT COUNT(*) FROM purchase_imports").fetchone()[0] == len(report.sources) == 108


def test_a_stores_own_sqlite_history_is_imported_under_its_code_with_the_same_counts(journey_dsn, sqlite_journey):
    make_store(journey_dsn, "seoul-001")
    with connect(journey_dsn) as conn:
        report = learning.import_sqlite_purchases(conn, sqlite_journey, "seoul-001", actor="cli:test")
        assert (report.lines, report.baskets, report.basket_categories) == (35_176, 3_301, 25_247)
        ours = learning.count_baskets(conn, ["seoul-001"])
        again = learning.import_sqlite_purchases(conn, sqlite_journey, "seoul-001", actor="cli:test")
        assert again.sources_replaced == ("seoul-001",)
        assert conn.execute("SELECT COUNT(*) FROM baskets WHERE source = 'seoul-001'").fetchone()[0] == 3_301
    theirs = kiosk_learning.count_baskets(open_database(sqlite_journey), ["completejourney"])
    assert_same_counts(ours, theirs)


def test_a_bad_sqlite_import_says_what_is_wrong_and_writes_nothing(journey_dsn, sqlite_journey, tmp_path):
    not_sqlite = tmp_path / "notes.db"
    not_sqlite.write_text("not a database")
    empty = tmp_path / "empty.db"
    open_database(empty).execute("CREATE TABLE t (x)")
    make_store(journey_dsn, "busan-002")
    with connect(journey_dsn) as conn:
        with pytest.raises(NotFoundError, match="no store 'busan-02' .*busan-002"):
            learning.import_sqlite_purchases(conn, sqlite_journey, "busan-02", actor="cli:test")
        with pytest.raises(DataError, match="notes.db: not a SQLite database"):
            learning.import_sqlite_purchases(conn, not_sqlite, "busan-002", actor="cli:test")
        with pytest.raises(DataError, match="empty.db: no purchase history"):
            learning.import_sqlite_purchases(conn, empty, "busan-002", actor="cli:test")
        with pytest.raises(NotFoundError, match="no purchase source 'completejourny'.*completejourney"):
            learning.import_sqlite_purchases(conn, sqlite_journey, "busan-002", source="completejourny", actor="cli:test")
        with pytest.raises(DataError, match="holds a completejourney import"):
            learning.import_sqlite_purchases(conn, sqlite_journey, "cj-store-367", actor="cli:test")
        assert conn.execute("SELECT COUNT(*) FROM baskets WHERE source = 'busan-002'").fetchone()[0] == 0
        assert conn.execute("SELECT COUNT(*) FROM purchase_imports WHERE source = 'busan-002'").fetchone()[0] == 0


# ---- counting -------------------------------------------------------------------------------


def test_postgres_counts_what_sqlite_counts_for_the_same_purchases(journey_dsn, sqlite_journey):
    kiosk = open_database(sqlite_journey)
    with connect(journey_dsn) as conn:
        assert_same_counts(learning.count_baskets(conn), kiosk_learning.count_baskets(kiosk, ["completejourney"]))
        # The day range too: [Jan 5, Jan 10) of 2017.
        days = (dt.date(2017, 1, 5), dt.date(2017, 1, 10))
        ours = learning.count_baskets(conn, None, *days)
        theirs = kiosk_learning.count_baskets(kiosk, ["completejourney"], *days)
        assert_same_counts(ours, theirs)
        assert 0 < ours.total_baskets < 3_301
    # ... and so the learner finds the same things with the same numbers.
    ours_found = kiosk_learning.findings_from_counts(ours, SMALL)
    theirs_found = kiosk_learning.findings_from_counts(theirs, SMALL)
    assert [(f.context, f.category) for f in ours_found] == [(f.context, f.category) for f in theirs_found]
    for a, b in zip(ours_found, theirs_found):
        assert a.lift == pytest.approx(b.lift, rel=1e-12) and a.support == pytest.approx(b.support, rel=1e-12)


def test_counting_without_any_history_is_a_clear_error(pg_dsn):
    with connect(pg_dsn) as conn, pytest.raises(DataError, match="no purchase history in PostgreSQL"):
        learning.count_baskets(conn)


# ---- suggestions per group ------------------------------------------------------------------


def _two_groups(dsn: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Groups east and west of the 142 stores, alternating by code, each with content for every category."""
    with connect(dsn) as conn:
        codes = [row[0] for row in conn.execute("SELECT code FROM stores ORDER BY code")]
    east, west = tuple(codes[0::2]), tuple(codes[1::2])
    for name, codes_of in (("east", east), ("west", west)):
        give_content_for_every_category(dsn, make_group(dsn, name, stores=store_ids(dsn, codes_of)))
    return east, west


def test_groups_of_different_stores_get_different_suggestions_with_the_learners_numbers(journey_dsn):
    east, west = _two_groups(journey_dsn)
    with connect(journey_dsn) as conn:
        runs = {name: learning.learn_for_group(conn, name, settings=SMALL, actor="user:eddie") for name in ("east", "west")}
        assert runs["east"].stores == east and runs["west"].stores == west
        stored = {name: learning.group_suggestions(conn, name) for name in runs}
        # What the learner says for the same stores and the same release, from its own functions.
        for name, codes in (("east", east), ("west", west)):
            counts = learning.count_baskets(conn, codes)
            findings = kiosk_learning.findings_from_counts(counts, SMALL)
            group_id = conn.execute("SELECT group_id FROM store_groups WHERE name = %s", (name,)).fetchone()[0]
            _, document, content = learning._group_catalog(conn, group_id)
            expected = kiosk_learning.suggest_rules(findings, document.playlists, content, SMALL)
            assert runs[name].baskets == counts.total_baskets
            assert runs[name].findings == tuple(findings)
            assert runs[name].suggestions == tuple(expected)
    assert sum(runs[name].baskets for name in runs) == 3_301
    for name in runs:
        assert stored[name], f"group {name} got no suggestion"
        made = {s.rule.name: s for s in runs[name].suggestions if s.rule}
        assert {s.name for s in stored[name]} == set(made)
        for suggestion in stored[name]:
            finding = made[suggestion.name].finding
            assert (suggestion.support, suggestion.confidence, suggestion.lift, suggestion.lift_lower_95,
                    suggestion.baskets) == (finding.support, finding.confidence, finding.lift, finding.lift_lower,
                                            finding.context_baskets)
            assert suggestion.state == "suggested" and not suggestion.rule.enabled
            assert suggestion.rule.origin is RuleOrigin.LEARNED
    east_rules = {(s.name, round(s.lift, 9)) for s in stored["east"]}
    west_rules = {(s.name, round(s.lift, 9)) for s in stored["west"]}
    assert east_rules != west_rules


def test_relearning_keeps_accepted_and_rejected_suggestions_and_drops_stale_ones(journey_dsn):
    _two_groups(journey_dsn)
    with connect(journey_dsn) as conn:
        learning.learn_for_group(conn, "east", settings=SMALL, actor="user:eddie")
        first = learning.group_suggestions(conn, "east")
        assert len(first) >= 3
        accepted, rejected = first[0].name, first[1].name
        learning.set_suggestion_state(conn, "east", accepted, "accepted", actor="user:eddie")
        learning.set_suggestion_state(conn, "east", rejected, "rejected", actor="user:eddie")
        # The first week only: other numbers, some suggestions no longer supported.
        run = learning.learn_for_group(conn, "east", dt.date(2017, 1, 1), dt.date(2017, 1, 8), SMALL, actor="user:eddie")
        again = {s.name: s for s in learning.group_suggestions(conn, "east")}
        assert again[accepted].state == "accepted"
        assert again[rejected].state == "rejected"
        assert rejected in run.skipped_rejected or rejected not in {s.rule.name for s in run.suggestions if s.rule}
        assert accepted not in run.removed_stale and rejected not in run.removed_stale
        for name in run.removed_stale:
            assert name not in again
        suggested_now = {s.rule.name for s in run.suggestions if s.rule}
        assert {n for n, s in again.items() if s.state == "suggested"} == suggested_now - {rejected}
        actions = [row[0] for row in conn.execute("SELECT action FROM audit_log WHERE target = 'group:east' ORDER BY audit_id")]
        assert actions == ["learning.run", "suggestion.accepted", "suggestion.rejected", "learning.run"]


def test_accepted_suggestions_render_as_the_groups_release_with_enabled_rules(journey_dsn):
    _two_groups(journey_dsn)
    with connect(journey_dsn) as conn:
        learning.learn_for_group(conn, "west", settings=SMALL, actor="user:eddie")
        chosen = learning.group_suggestions(conn, "west")[:2]
        for suggestion in chosen:
            learning.set_suggestion_state(conn, "west", suggestion.name, "accepted", actor="user:eddie")
        text = learning.release_document_yaml(conn, "west")
        library = [row[0] for row in conn.execute("SELECT name FROM library_items")]
    assert text.startswith("# store group west: release 1 with 2 accepted suggestion(s): 2 added")
    document = parse_document(text, "west.yaml", known_content=library)  # what the release endpoint checks
    rules = {rule.name: rule for rule in document.rules}
    assert set(rules) == {s.name for s in chosen}
    for suggestion in chosen:
        rule = rules[suggestion.name]
        assert rule.enabled and rule.origin is RuleOrigin.LEARNED
        assert rule == dataclasses.replace(suggestion.rule, enabled=True)
        assert rule.learned_metrics["lift"] == round(suggestion.lift, 3)
    assert len(document.playlists) > 100  # the release's own playlists, kept


# ---- bad input ------------------------------------------------------------------------------


def test_bad_learning_requests_are_clear_errors(journey_dsn):
    make_group(journey_dsn, "seoul")  # no stores
    make_group(journey_dsn, "busan", stores=(make_store(journey_dsn, "busan-001"), make_store(journey_dsn, "busan-002")))
    make_group(journey_dsn, "chain", stores=store_ids(journey_dsn, ["cj-store-367"]))
    with connect(journey_dsn) as conn:
        with pytest.raises(NotFoundError, match="no store group 'seol'.*seoul"):
            learning.learn_for_group(conn, "seol", actor="user:eddie")
        with pytest.raises(DataError, match="store group 'seoul' has no stores"):
            learning.learn_for_group(conn, "seoul", actor="user:eddie")
        with pytest.raises(DataError, match=r"'busan': none of its 2 stores \(busan-001, busan-002\) has purchase history"):
            learning.learn_for_group(conn, "busan", actor="user:eddie")
        first, last = conn.execute("SELECT MIN(day), MAX(day) FROM baskets WHERE source = 'cj-store-367'").fetchone()
        with pytest.raises(DataError, match=f"no baskets from 2020-01-01 until the end .*runs from {first} to {last}"):
            learning.learn_for_group(conn, "chain", dt.date(2020, 1, 1), actor="user:eddie")
        with pytest.raises(DataError, match="from 2017-02-01 must be before until 2017-01-01"):
            learning.learn_for_group(conn, "chain", dt.date(2017, 2, 1), dt.date(2017, 1, 1), actor="user:eddie")
        with pytest.raises(NotFoundError, match="no store group 'nowhere'"):
            learning.group_suggestions(conn, "nowhere")
        with pytest.raises(NotFoundError, match="has no suggestion 'learned_x'"):
            learning.set_suggestion_state(conn, "chain", "learned_x", "accepted", actor="user:eddie")
        with pytest.raises(DataError, match="unknown suggestion state 'approved'"):
            learning.set_suggestion_state(conn, "chain", "learned_x", "approved", actor="user:eddie")
        # Nothing was stored by the refusals.
        assert conn.execute("SELECT COUNT(*) FROM learning_runs").fetchone()[0] == 0
        assert conn.execute("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'learning%%'").fetchone()[0] == 0


def test_a_group_without_a_release_gets_findings_with_the_reason_they_are_no_rule(journey_dsn):
    make_group(journey_dsn, "chain", stores=store_ids(journey_dsn, [f"cj-store-{n}" for n in (367, 406, 343, 361)]))
    with connect(journey_dsn) as conn:
        run = learning.learn_for_group(conn, "chain", settings=dataclasses.replace(SMALL, min_context_baskets=20,
                                                                                 min_category_baskets=4),
                                       actor="user:eddie")
        assert run.findings and run.release_version is None
        assert all(s.rule is None for s in run.suggestions)
        assert {s.problem.split(" '")[0] for s in run.suggestions} <= {
            "no playlist has content tagged", "the camera cannot see this segment (no attire assumption for it)"}
        stored = conn.execute("SELECT COUNT(*), COUNT(*) FILTER (WHERE problem <> '') FROM learning_findings"
                              " WHERE run_id = %s", (run.run_id,)).fetchone()
        assert stored[0] == len(run.findings) and stored[1] == len(run.suggestions)
        assert learning.group_suggestions(conn, "chain") == ()


# ---- over HTTP ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def journey_server(pg_cluster, journey_template, tmp_path_factory):
    """The real server on loopback over a database holding the weeks (one per module: a server
    takes seconds to start); (server, admin client). The tests use groups of their own."""
    from signage.server.app import ServerSettings
    from tests.server.conftest import (
        ADMIN_NAME,
        ADMIN_PASSWORD,
        LiveServer,
        free_port,
        make_admin,
        start_server_thread,
    )

    with copied_database(pg_cluster, "learning_http", journey_template[0]) as dsn:
        settings = ServerSettings(dsn=dsn, content_dir=tmp_path_factory.mktemp("content"), pool_min=1, pool_max=4)
        make_admin(dsn)
        port = free_port()
        server, thread = start_server_thread(settings, port)
        url = f"http://127.0.0.1:{port}"
        try:
            live = LiveServer(url=url, settings=settings, admin_token="", dsn=dsn)
            with live.client() as anonymous:
                live.admin_token = anonymous.post("/login", json={"name": ADMIN_NAME, "password": ADMIN_PASSWORD}).json()["token"]
            with live.client(live.admin_token) as admin:
                yield live, admin
        finally:
            server.should_exit = True
            thread.join(timeout=10)


SMALL_BODY = {"min_context_baskets": SMALL.min_context_baskets, "min_category_baskets": SMALL.min_category_baskets,
              "min_support": SMALL.min_support, "min_lift": SMALL.min_lift}


def test_an_editor_learns_for_a_group_accepts_a_suggestion_and_releases_it_over_http(journey_server):
    from tests.server.people_helpers import error_of, sign_in

    live, admin = journey_server
    editor, viewer = sign_in(live, admin, "eddie", "editor"), sign_in(live, admin, "vera", "viewer")
    assert admin.post("/groups", json={"name": "chain", "kind": "chain"}).status_code == 201
    with connect(live.dsn) as conn:
        codes = [row[0] for row in conn.execute("SELECT code FROM stores ORDER BY code")]
    assert admin.post("/groups/chain/stores", json={"stores": codes}).status_code == 200

    # No release yet: the findings come back with why none is a rule.
    first = editor.post("/learning/run", json={"group": "chain", **SMALL_BODY})
    assert first.status_code == 200, first.text
    run = first.json()
    assert run["baskets"] == 3_301 and len(run["stores"]) == 142 and run["suggestions"] == []
    wanted = [s["problem"].split("'")[1] for s in run["not_suggested"]
              if s["problem"].startswith("no playlist has content tagged")]
    tags = list(dict.fromkeys(wanted))[:3]
    assert tags, run["not_suggested"][:3]

    # The editor makes content for those tags and a release; learning again suggests rules.
    for tag in tags:
        reply = editor.post("/library", json={"name": f"ad_{tag}", "kind": "text", "title": tag, "duration_s": 6.0,
                                              "tags": [tag], "text": {"body": tag, "background": "#000000",
                                                                      "foreground": "#ffffff"}})
        assert reply.status_code == 201, reply.text
    playlists = "\n".join(f"- name: pl_{tag}\n  items: [ad_{tag}]" for tag in tags)
    release = editor.post("/groups/chain/releases", json={
        "document_yaml": f"default_playlist: pl_{tags[0]}\nplaylists:\n{playlists}\nrules: []\n", "note": "ads"})
    assert release.status_code == 201, release.text
    second = editor.post("/learning/run", json={"group": "chain", "from": "2017-01-01", "until": "2017-01-15",
                                                **SMALL_BODY}).json()
    assert second["release_version"] == 1 and second["suggestions"]
    assert {s["playlist"] for s in second["suggestions"]} <= {f"pl_{tag}" for tag in tags}

    listed = viewer.get("/groups/chain/suggestions").json()
    assert listed["latest_run"]["run_id"] == second["run_id"] and listed["latest_run"]["run_by"] == "user:eddie"
    assert {s["name"] for s in listed["suggestions"]} == {s["name"] for s in second["suggestions"]}
    best = listed["suggestions"][0]
    assert best["state"] == "suggested" and best["lift"] >= SMALL.min_lift and best["rule"]["enabled"] is False
    assert {"support", "confidence", "lift", "lift_lower_95", "baskets", "baskets_with_category"} <= set(best)

    accepted = editor.patch(f"/groups/chain/suggestions/{best['name']}", json={"state": "accepted"})
    assert accepted.status_code == 200 and accepted.json()["state"] == "accepted"
    assert [s["name"] for s in viewer.get("/groups/chain/suggestions", params={"state": "accepted"}).json()["suggestions"]] == [best["name"]]
    document = viewer.get("/groups/chain/suggestions/document")
    assert document.status_code == 200 and document.headers["content-type"].startswith("application/yaml")
    released = editor.post("/groups/chain/releases", json={"document_yaml": document.text, "note": "learned"})
    assert released.status_code == 201, released.text
    assert released.json()["version"] == 2
    stored = admin.get("/groups/chain/releases").json()
    with connect(live.dsn) as conn:
        rules = conn.execute("SELECT document->'rules' FROM releases WHERE version = 2").fetchone()[0]
    assert [(r["name"], r["enabled"], r["origin"]) for r in rules] == [(best["name"], True, "learned")]
    assert stored

    # Roles: a viewer reads but does not learn or decide.
    assert error_of(viewer.post("/learning/run", json={"group": "chain"})) == (403, "forbidden")
    assert error_of(viewer.patch(f"/groups/chain/suggestions/{best['name']}", json={"state": "rejected"})) == (
        403, "forbidden")


def test_bad_learning_requests_over_http_are_clear_4xx(journey_server):
    from tests.server.people_helpers import error_of

    live, admin = journey_server
    assert admin.post("/groups", json={"name": "empty", "kind": "tag"}).status_code == 201
    assert admin.post("/stores", json={"code": "new-store", "name": "New"}).status_code == 201
    assert admin.post("/groups", json={"name": "fresh", "kind": "region"}).status_code == 201
    assert admin.post("/groups/fresh/stores", json={"stores": ["new-store"]}).status_code == 200
    cases = [
        ({"group": "nowhere"}, (404, "not_found"), "no store group 'nowhere'"),
        ({"group": "empty"}, (422, "cannot_learn"), "has no stores"),
        ({"group": "fresh"}, (422, "cannot_learn"), "has purchase history"),
        ({"group": "fresh", "from": "2017-13-01"}, (400, "bad_request"), "from: expected a date"),
        ({"group": "fresh", "from": "2017-02-01", "until": "2017-01-01"}, (422, "cannot_learn"), "must be before"),
        ({"group": "fresh", "min_lift": -1.0}, (400, "bad_request"), "min_lift"),
        ({"group": "fresh", "colour": "red"}, (400, "bad_request"), "colour"),
        ({"group": 5}, (400, "bad_request"), "group"),
    ]
    for body, expected, words in cases:
        reply = admin.post("/learning/run", json=body)
        assert error_of(reply) == expected, (body, reply.text)
        assert words in reply.json()["error"]["reason"], (body, reply.text)
    assert error_of(admin.get("/groups/nowhere/suggestions")) == (404, "not_found")
    assert error_of(admin.get("/groups/empty/suggestions", params={"state": "maybe"})) == (400, "bad_request")
    assert error_of(admin.patch("/groups/empty/suggestions/learned_x", json={"state": "accepted"})) == (404, "not_found")
    assert error_of(admin.patch("/groups/empty/suggestions/learned_x", json={"state": "approved"})) == (400, "bad_request")
    assert admin.get("/groups/empty/suggestions").json() == {"group": "empty", "latest_run": None, "suggestions": []}
    with connect(live.dsn) as conn:  # nothing stored by the refusals
        assert conn.execute("SELECT COUNT(*) FROM learning_runs JOIN store_groups USING (group_id)"
                            " WHERE name IN ('empty', 'fresh')").fetchone()[0] == 0


# ---- the command line -----------------------------------------------------------------------


def _server_cli() -> argparse.ArgumentParser:
    from signage.server import cli_learning

    parser = argparse.ArgumentParser(prog="signage server")
    actions = parser.add_subparsers(dest="server_command", required=True)
    cli_learning.add_parser(actions)
    return parser


def test_the_command_line_imports_lists_history_and_learns_for_a_group(journey_dsn, sqlite_journey, capsys):
    _two_groups(journey_dsn)
    parser = _server_cli()
    args = parser.parse_args(["purchases", "list", "--dsn", journey_dsn])
    assert args.handler(args) == 0
    listed = capsys.readouterr().out
    assert "cj-store-330" in listed and "142 stores, 35,176 lines, 3,301 baskets" in listed
    args = parser.parse_args(["learn", "east", "--dsn", journey_dsn, "--min-context-baskets", "60",
                              "--min-category-baskets", "8", "--min-support", "0.0005", "--min-lift", "1.2"])
    assert args.handler(args) == 0
    learned = capsys.readouterr().out
    assert learned.startswith("group east: ") and "suggested rules" in learned
    with connect(journey_dsn) as conn:
        assert conn.execute("SELECT run_by FROM learning_runs").fetchone()[0].startswith("cli:")
    args = parser.parse_args(["learn", "east", "--dsn", journey_dsn, "--from", "2017-1-1"])
    with pytest.raises(DataError, match="--from: expected a date YYYY-MM-DD, got '2017-1-1'"):
        args.handler(args)
    make_store(journey_dsn, "daegu-003")
    args = parser.parse_args(["purchases", "import-sqlite", str(sqlite_journey), "--store", "daegu-003",
                              "--dsn", journey_dsn])
    assert args.handler(args) == 0
    assert "as store daegu-003 in " in capsys.readouterr().out
    with connect(journey_dsn) as conn:
        assert conn.execute("SELECT kind, lines, baskets, imported_by LIKE 'cli:%%' FROM purchase_imports"
                            " WHERE source = 'daegu-003'").fetchone() == ("sqlite", 35_176, 3_301, True)


def test_every_learning_command_and_option_has_help_text():
    parser = _server_cli()
    seen = 0
    pending = [parser]
    while pending:
        current = pending.pop()
        for action in current._actions:
            if isinstance(action, argparse._SubParsersAction):
                for choice in action._choices_actions:
                    assert choice.help, f"{current.prog} {choice.dest}: no help"
                pending.extend(action.choices.values())
            elif action.dest != "help":
                assert action.help, f"{current.prog} {action.dest}: no help"
                seen += 1
    assert seen >= 12
