"""The playlist store: CRUD, a version with who/when/what for every change, history,
restore, the revision counter, concurrent edits and atomic imports — on real SQLite."""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading

import pytest
from sqlite_utils import Database

from audience.types import AgeGroup, Attire
from foundation.db import open_database
from playlists.codec import RuleDocument, rule_to_dict
from playlists.model import LoopPolicy, PlaylistItem, RuleOrigin
from playlists.store import ChangeAction, EntryKind, PlaylistStore
from foundation.errors import ConflictError, InUseError, NotFoundError, ValidationError
from tests.playlists.builders import make_playlist, make_rule

START = dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.UTC)


class TickingClock:
    """UTC time that moves one minute every time the store asks for it."""

    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> dt.datetime:
        self.now += dt.timedelta(minutes=1)
        return self.now


@pytest.fixture
def store() -> PlaylistStore:
    """A store on an in-memory database with the playlists `brand` and `snacks`."""
    store = PlaylistStore(Database(memory=True), utc_now=TickingClock())
    store.save_playlist(make_playlist("brand", "brand_welcome"), "setup")
    store.save_playlist(make_playlist("snacks", "snacks_chips", "snacks_candy"), "setup")
    return store


def teen_rule(**changes):
    """The after-school rule, with `changes` to Rule fields."""
    rule = make_rule(
        "students_after_school", "snacks", priority=50, age_groups=(AgeGroup.TEEN,),
        attire=(Attire.SCHOOL_UNIFORM,), weekdays=(0, 1, 2, 3, 4), time_windows=("15:00-18:00",),
    )
    return dataclasses.replace(rule, **changes)


# ------------------------------------------------------------------ CRUD


def test_a_saved_rule_reads_back_equal(store):
    rule = teen_rule(max_plays_per_hour=12, note="after school", learned_metrics={"lift": 2.5})
    assert store.save_rule(rule, "alice") == 1
    assert store.rule(rule.name) == rule
    assert store.rules() == (rule,)
    assert store.rule_with_version(rule.name).version == 1


def test_playlists_read_back_by_name(store):
    playlist = dataclasses.replace(
        make_playlist("morning", "coffee"), items=(PlaylistItem("coffee"), PlaylistItem("news", 6.0)),
        loop=LoopPolicy.ONCE, note="commuters",
    )
    store.save_playlist(playlist, "alice")
    assert store.playlist("morning") == playlist
    assert [p.name for p in store.playlists()] == ["brand", "morning", "snacks"]


def test_a_rule_needs_an_existing_playlist(store):
    with pytest.raises(NotFoundError, match="no playlist named 'snackz'.*did you mean 'snacks'"):
        store.save_rule(teen_rule(playlist="snackz"), "alice")
    assert store.rules() == ()


def test_an_invalid_rule_is_refused_naming_every_field(store):
    bad = teen_rule(weight=0.0, cooldown_s=-1.0)
    with pytest.raises(ValidationError) as error:
        store.save_rule(bad, "alice")
    assert error.value.problems == (
        "rule 'students_after_school': weight: must be above 0, got 0",
        "rule 'students_after_school': cooldown_s: must be at least 0, got -1",
    )


def test_unknown_names_suggest_close_ones(store):
    store.save_rule(teen_rule(), "alice")
    with pytest.raises(NotFoundError, match="no rule named 'students_after_scool' \\(did you mean 'students_after_school'\\?\\)"):
        store.rule("students_after_scool")
    with pytest.raises(NotFoundError, match="no playlist named 'snack' \\(did you mean 'snacks'\\?\\)"):
        store.playlist("snack")


def test_create_refuses_an_existing_name_and_edit_a_missing_one(store):
    store.save_rule(teen_rule(), "alice", action="create")
    with pytest.raises(ConflictError, match="already exists"):
        store.save_rule(teen_rule(priority=1), "bob", action="create")
    with pytest.raises(NotFoundError, match="no rule named 'other'"):
        store.save_rule(teen_rule(name="other"), "bob", action="edit")


def test_default_playlist_must_exist(store):
    assert store.default_playlist() is None
    store.set_default_playlist("brand", "alice")
    assert store.default_playlist() == "brand"
    with pytest.raises(NotFoundError, match="'brnd'.*did you mean 'brand'"):
        store.set_default_playlist("brnd", "alice")
    assert store.default_playlist() == "brand"


# ------------------------------------------------------------------ versions and history


def test_every_change_is_a_version_with_who_when_what(store):
    rule = teen_rule()
    store.save_rule(rule, "alice")
    store.save_rule(dataclasses.replace(rule, priority=60), "bob")
    store.set_rule_enabled(rule.name, False, "carol")
    store.set_rule_enabled(rule.name, True, "dave")
    store.delete_rule(rule.name, "erin")
    store.restore("rule", rule.name, 2, "frank")

    history = store.history(EntryKind.RULE, rule.name)
    assert [(h.version, h.action, h.author) for h in history] == [
        (1, ChangeAction.CREATE, "alice"),
        (2, ChangeAction.EDIT, "bob"),
        (3, ChangeAction.DISABLE, "carol"),
        (4, ChangeAction.ENABLE, "dave"),
        (5, ChangeAction.DELETE, "erin"),
        (6, ChangeAction.RESTORE, "frank"),
    ]
    times = [dt.datetime.fromisoformat(h.changed_at) for h in history]
    assert times == sorted(times) and all(t.utcoffset() == dt.timedelta(0) for t in times)
    assert history[0].document == rule_to_dict(rule)
    assert history[1].document["priority"] == 60
    assert history[2].document["enabled"] is False
    assert history[4].document is None and history[4].deleted
    assert history[5].document == history[1].document and history[5].detail == "from version 2"


def test_a_change_that_changes_nothing_writes_no_version(store):
    store.save_rule(teen_rule(), "alice")
    revision = store.revision()
    assert store.save_rule(teen_rule(), "bob") == 1
    assert store.set_rule_enabled("students_after_school", True, "bob") == 1
    assert store.revision() == revision
    assert len(store.history("rule", "students_after_school")) == 1


def test_restoring_a_deleted_rule_brings_it_back_as_a_new_version(store):
    rule = teen_rule(note="v1")
    store.save_rule(rule, "alice")
    store.delete_rule(rule.name, "bob")
    with pytest.raises(NotFoundError, match="it was deleted"):
        store.rule(rule.name)

    assert store.restore("rule", rule.name, 1, "carol") == 3
    assert store.rule(rule.name) == rule
    assert store.version_of("rule", rule.name) == 3


def test_a_rule_created_again_after_deletion_continues_its_versions(store):
    store.save_rule(teen_rule(), "alice")
    store.delete_rule("students_after_school", "alice")
    assert store.save_rule(teen_rule(priority=5), "alice") == 3
    assert [h.action for h in store.history("rule", "students_after_school")] == [
        ChangeAction.CREATE, ChangeAction.DELETE, ChangeAction.CREATE
    ]


def test_restore_refuses_a_deletion_version_a_missing_version_and_a_missing_playlist(store):
    store.save_rule(teen_rule(), "alice")
    store.delete_rule("students_after_school", "alice")
    with pytest.raises(ValidationError, match="version 2 of rule 'students_after_school' is its deletion"):
        store.restore("rule", "students_after_school", 2, "bob")
    with pytest.raises(NotFoundError, match="has no version 7 \\(versions 1 to 2\\)"):
        store.restore("rule", "students_after_school", 7, "bob")
    store.delete_playlist("snacks", "alice")
    with pytest.raises(NotFoundError, match="restoring rule 'students_after_school'.*'snacks'.*restore or create it first"):
        store.restore("rule", "students_after_school", 1, "bob")


def test_playlist_history_and_restore(store):
    store.save_playlist(make_playlist("snacks", "snacks_chips"), "alice")
    store.restore("playlist", "snacks", 1, "bob")
    assert store.playlist("snacks") == make_playlist("snacks", "snacks_chips", "snacks_candy")
    assert [h.action for h in store.history("playlist", "snacks")] == [
        ChangeAction.CREATE, ChangeAction.EDIT, ChangeAction.RESTORE
    ]


def test_the_default_playlist_setting_has_a_history_too(store):
    store.set_default_playlist("brand", "alice")
    store.set_default_playlist("snacks", "bob")
    store.restore(EntryKind.SETTING, "default_playlist", 1, "carol")
    assert store.default_playlist() == "brand"
    assert [h.author for h in store.history("setting", "default_playlist")] == ["alice", "bob", "carol"]


def test_history_of_an_unknown_name_suggests_close_ones(store):
    store.save_rule(teen_rule(), "alice")
    store.delete_rule("students_after_school", "alice")
    with pytest.raises(NotFoundError, match="did you mean 'students_after_school'"):
        store.history("rule", "student_after_school")


def test_revision_grows_with_every_change(store):
    revisions = [store.revision()]
    store.save_rule(teen_rule(), "alice")
    revisions.append(store.revision())
    store.set_rule_enabled("students_after_school", False, "alice")
    revisions.append(store.revision())
    store.set_default_playlist("brand", "alice")
    revisions.append(store.revision())
    store.delete_rule("students_after_school", "alice")
    revisions.append(store.revision())
    assert revisions == sorted(set(revisions)) and len(revisions) == 5


def test_editing_a_learned_rule_makes_it_the_marketers(store):
    learned = teen_rule(origin=RuleOrigin.LEARNED, learned_metrics={"lift": 2.0})
    store.save_rule(learned, "learner")
    store.set_rule_enabled(learned.name, False, "alice")
    assert store.rule(learned.name).origin == RuleOrigin.LEARNED  # switching on and off is not editing

    store.save_rule(dataclasses.replace(learned, priority=70), "alice", action="edit")
    edited = store.rule(learned.name)
    assert edited.origin == RuleOrigin.LEARNED_EDITED and edited.learned_metrics == {"lift": 2.0}


# ------------------------------------------------------------------ concurrent editors


def test_a_stale_expected_version_is_a_conflict(store):
    store.save_rule(teen_rule(), "alice")
    seen = store.rule_with_version("students_after_school")
    store.save_rule(dataclasses.replace(seen.value, priority=60), "alice", expected_version=seen.version)

    with pytest.raises(ConflictError, match="at version 2 by alice .*not 1"):
        store.save_rule(dataclasses.replace(seen.value, note="bob's"), "bob", expected_version=seen.version)
    with pytest.raises(ConflictError):
        store.delete_rule("students_after_school", "bob", expected_version=1)
    assert store.rule("students_after_school").priority == 60
    assert store.version_of("rule", "students_after_school") == 2


def test_two_connections_editing_the_same_version_conflict(tmp_path):
    # Given two processes' worth of connections on one database file
    path = tmp_path / "signage.db"
    first = PlaylistStore(open_database(path))
    first.save_playlist(make_playlist("snacks", "chips"), "setup")
    first.save_rule(teen_rule(), "setup")
    second = PlaylistStore(open_database(path))
    version = second.version_of("rule", "students_after_school")

    # When both save an edit based on the same version, from two threads at once
    outcomes: list[str] = []

    def edit(store: PlaylistStore, priority: int) -> None:
        try:
            store.save_rule(teen_rule(priority=priority), f"editor{priority}", expected_version=version)
            outcomes.append("saved")
        except ConflictError:
            outcomes.append("conflict")

    threads = [threading.Thread(target=edit, args=(s, p)) for s, p in ((first, 1), (second, 2))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)

    # Then exactly one wins, and the other learns about it
    assert sorted(outcomes) == ["conflict", "saved"]
    assert first.version_of("rule", "students_after_school") == version + 1


# ------------------------------------------------------------------ deleting playlists


def test_a_playlist_in_use_cannot_be_deleted_and_the_users_are_named(store):
    store.save_rule(teen_rule(), "alice")
    store.save_rule(teen_rule(name="weekend_snacks"), "alice")
    store.set_default_playlist("snacks", "alice")
    with pytest.raises(
        InUseError,
        match="playlist 'snacks' is used by rule 'students_after_school', rule 'weekend_snacks' and the default",
    ):
        store.delete_playlist("snacks", "alice")
    assert "snacks" in store.snapshot().playlists


def test_an_unused_playlist_can_be_deleted_and_restored(store):
    assert store.delete_playlist("snacks", "alice") == 2
    assert "snacks" not in store.snapshot().playlists
    store.restore("playlist", "snacks", 1, "alice")
    assert store.playlist("snacks").items[0].content == "snacks_chips"


# ------------------------------------------------------------------ import


def make_document(*rules, playlists=("brand", "snacks"), default="brand") -> RuleDocument:
    """A document with one-item playlists of the given names."""
    return RuleDocument(default, tuple(make_playlist(name, f"{name}_ad") for name in playlists), tuple(rules))


def test_replace_all_adds_changes_and_removes(store):
    store.save_rule(teen_rule(), "alice")
    store.save_rule(make_rule("old_rule", "brand"), "alice")

    summary = store.replace_all(
        make_document(teen_rule(priority=99, playlist="news"), make_rule("new_rule", "news"), playlists=("brand", "news")),
        "importer", source="rules.yaml",
    )

    assert summary.rules_added == ("new_rule",) and summary.rules_changed == ("students_after_school",)
    assert summary.rules_removed == ("old_rule",)
    assert summary.playlists_added == ("news",) and summary.playlists_removed == ("snacks",)
    assert summary.playlists_changed == ("brand",)  # its item changed
    assert (summary.default_before, summary.default_after) == (None, "brand")
    assert summary.revision == store.revision()
    assert [r.name for r in store.rules()] == ["new_rule", "students_after_school"]
    removed = store.history("rule", "old_rule")[-1]
    assert (removed.action, removed.document, removed.author, removed.detail) == (
        ChangeAction.IMPORT, None, "importer", "rules.yaml"
    )


def test_importing_the_same_document_twice_changes_nothing_the_second_time(store):
    document = make_document(teen_rule())
    store.replace_all(document, "alice")
    revision = store.revision()
    summary = store.replace_all(document, "alice")
    assert not summary.changed and store.revision() == revision


def test_a_bad_import_changes_nothing(store):
    store.save_rule(teen_rule(), "alice")
    before = store.snapshot()
    history_before = store.history("rule", "students_after_school")

    # the new playlists leave out "snacks", which the document's rule needs
    bad = make_document(teen_rule(priority=1), make_rule("other", "brand"), playlists=("brand",))
    with pytest.raises(ValidationError, match="rule 'students_after_school': no playlist named 'snacks'"):
        store.replace_all(bad, "mallory")

    assert store.snapshot() == before
    assert store.history("rule", "students_after_school") == history_before


def test_an_import_failing_halfway_through_is_rolled_back(store):
    # Given a document whose last rule is invalid (weight 0): validated before writing,
    # and even a failure inside the transaction must leave nothing behind.
    store.save_rule(teen_rule(), "alice")
    before = store.snapshot()
    with pytest.raises(ValidationError, match="weight"):
        store.replace_all(make_document(make_rule("a", "brand"), teen_rule(weight=0.0)), "mallory")
    with pytest.raises(ValidationError, match="'a' appears more than once"):
        store.replace_all(make_document(make_rule("a", "brand"), make_rule("a", "snacks")), "mallory")
    assert store.snapshot() == before


def test_a_rules_only_document_keeps_the_playlists(store):
    store.set_default_playlist("brand", "alice")
    store.replace_all(RuleDocument(rules=(teen_rule(),)), "alice")
    assert [p.name for p in store.playlists()] == ["brand", "snacks"] and store.default_playlist() == "brand"
    assert [r.name for r in store.rules()] == ["students_after_school"]


def test_import_refuses_a_store_that_moved_past_the_expected_revision(store):
    revision = store.revision()
    store.save_rule(teen_rule(), "alice")
    with pytest.raises(ConflictError, match=f"since revision {revision}"):
        store.replace_all(make_document(), "bob", expected_revision=revision)
    assert store.rules() == (teen_rule(),)


def test_snapshot_and_document_hold_everything(store):
    store.save_rule(teen_rule(), "alice")
    store.save_rule(make_rule("brand_always", "brand", priority=1), "alice")
    store.set_default_playlist("brand", "alice")
    snapshot = store.snapshot()
    assert snapshot.revision == store.revision() and snapshot.default_playlist == "brand"
    document = store.document()
    assert [r.name for r in document.rules] == ["students_after_school", "brand_always"]  # by priority
    assert PlaylistStore(Database(memory=True)).replace_all(document, "copy").rules_added == (
        "brand_always", "students_after_school"
    )


def test_migrations_run_once_per_database(tmp_path):
    path = tmp_path / "signage.db"
    PlaylistStore(open_database(path)).save_playlist(make_playlist("brand", "x"), "alice")
    reopened = PlaylistStore(open_database(path))
    assert [p.name for p in reopened.playlists()] == ["brand"]


def test_changes_need_an_author(store):
    with pytest.raises(ValidationError, match="author"):
        store.save_rule(teen_rule(), "  ")
    assert store.rules() == ()
