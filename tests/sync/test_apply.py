"""A release checked, its content fetched by hash, applied in one transaction, and played."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from audience.types import AgeGroup, Attire
from content.catalog import ContentLibrary
from foundation.clock import FakeClock
from foundation.db import (
    DatabaseWriteError,
    combined_write_transaction,
    open_database,
    write_transaction,
)
from playlists.decision import AudienceView
from playlists.playback import (
    PlaybackCore,
    PlaybackSettings,
    read_rulebook,
    simulate_decision,
)
from playlists.store import PlaylistStore
from signage.sync.apply import (
    ReleaseRefused,
    apply_release,
    fetch_content,
    parse_release,
    running_release,
)
from signage.sync.client import ContentRefused, FleetClient
from tests.sync.builders import document, image_item, png_bytes, teen_rule, text_item
from tests.sync.conftest import TEST_SETTINGS

NOW = dt.datetime(2026, 12, 1, 15, 30)
TEEN_AUDIENCE = AudienceView.hypothetical(AgeGroup.TEEN, Attire.SCHOOL_UNIFORM, 2, 5.0)
ADULT_AUDIENCE = AudienceView.hypothetical(AgeGroup.ADULT, Attire.CASUAL, 1, 5.0)


def _release_one(fleet) -> dict:
    return fleet.publish(
        1,
        document("brand", {"brand": ["brand_welcome", "brand_slide"], "snacks": ["snacks_chips"]},
                 [teen_rule("snacks")]),
        [image_item("brand_welcome"), text_item("brand_slide"), image_item("snacks_chips", duration_s=6.0,
                                                                           tags=["Snacks"])],
        {"brand_welcome": png_bytes(1), "snacks_chips": png_bytes(2)},
    )


def _pull(fleet, kiosk):
    client = FleetClient(fleet.url, fleet.token, TEST_SETTINGS)
    try:
        answer = client.release(None)
        release = parse_release(answer.release, answer.etag)
        return release, fetch_content(client, release, kiosk.content)
    finally:
        client.close()


def _state(db) -> tuple:
    """Everything a release touches, to compare before and after."""
    tables = ("content_items", "content_tags", "rules", "playlists", "playlists_settings", "playlists_history",
              "sync_releases")
    return tuple(tuple(db.conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()) for table in tables)


def test_a_release_is_applied_with_its_content_by_hash_and_decides_on_the_kiosk(fleet, kiosk):
    _release_one(fleet)
    release, files = _pull(fleet, kiosk)
    db = open_database(kiosk.database)
    summary = apply_release(db, release, files, NOW)

    items = ContentLibrary(db).items_by_name()
    chips = items["snacks_chips"]
    assert chips.path == str(kiosk.content / f"{hashlib.sha256(png_bytes(2)).hexdigest()}.png")
    assert chips.duration_s == 6.0 and chips.tags == ("snacks",) and chips.width_px == 64
    assert items["brand_slide"].text.body == "Hello" and items["brand_slide"].path is None
    assert summary.content_added == ("brand_slide", "brand_welcome", "snacks_chips")
    assert PlaylistStore(db).default_playlist() == "brand"
    assert running_release(db)["release_id"] == 1
    # The release's rule decides on the kiosk, from the synced SQLite
    book = read_rulebook(db)
    assert simulate_decision(book, TEEN_AUDIENCE, NOW).playlist == "snacks"
    assert simulate_decision(book, ADULT_AUDIENCE, NOW).playlist == "brand"


def test_a_content_only_release_is_picked_up_by_the_running_player(fleet, kiosk):
    _release_one(fleet)
    release, files = _pull(fleet, kiosk)
    db = open_database(kiosk.database)
    apply_release(db, release, files, NOW)
    # The player: its own connection, its playback core on a fake clock
    player_db = open_database(kiosk.database)
    core = PlaybackCore(player_db, PlaybackSettings(), FakeClock(0.0, start=NOW))
    core.start()
    revision = core.book.revision

    # Release 2: the same rules, a new picture under the same name
    body = fleet.release
    fleet.publish(2, body["document"], [image_item("brand_welcome"), text_item("brand_slide"),
                                        image_item("snacks_chips", duration_s=6.0, tags=["Snacks"])],
                  {"brand_welcome": png_bytes(1), "snacks_chips": png_bytes(99)})
    release, files = _pull(fleet, kiosk)
    summary = apply_release(db, release, files, NOW)
    assert summary.content_changed == ("snacks_chips",) and not summary.rules.changed

    reloads = core.stats.rule_reloads
    core.reload_if_changed()
    assert core.stats.rule_reloads == reloads + 1
    assert core.book.revision == revision  # no rule changed ...
    assert core.book.content["snacks_chips"].path == str(files["snacks_chips"])  # ... but the picture did
    core.finish()


def test_a_failure_midway_leaves_the_old_release_in_force(fleet, kiosk):
    _release_one(fleet)
    release, files = _pull(fleet, kiosk)
    db = open_database(kiosk.database)
    apply_release(db, release, files, NOW)
    before = _state(db)

    # lunch_a is written first; the catalog's own check refuses lunch_b's title (a lone
    # surrogate, which SQLite cannot store) only then, inside the transaction
    fleet.publish(2, document("lunch", {"lunch": ["lunch_a", "lunch_b", "lunch_c"]}),
                  [image_item("lunch_a"), text_item("lunch_b", body="ok") | {"title": "Lunch \ud800"},
                   image_item("lunch_c")], {"lunch_a": png_bytes(5), "lunch_c": png_bytes(6)})
    release, files = _pull(fleet, kiosk)
    with pytest.raises(ReleaseRefused, match="lunch_b.*Unicode"):
        apply_release(db, release, files, NOW)
    assert _state(db) == before
    assert running_release(db)["release_id"] == 1


def test_a_file_gone_before_the_apply_refuses_the_release(fleet, kiosk):
    _release_one(fleet)
    release, files = _pull(fleet, kiosk)
    db = open_database(kiosk.database)
    apply_release(db, release, files, NOW)
    before = _state(db)
    fleet.publish(2, document("lunch", {"lunch": ["lunch_a", "lunch_b"]}),
                  [image_item("lunch_a"), image_item("lunch_b")], {"lunch_a": png_bytes(5), "lunch_b": png_bytes(6)})
    release, files = _pull(fleet, kiosk)
    files["lunch_b"].unlink()
    with pytest.raises(ReleaseRefused, match="lunch_b"):
        apply_release(db, release, files, NOW)
    assert _state(db) == before


def test_a_full_disk_midway_leaves_the_old_release_in_force(fleet, kiosk):
    _release_one(fleet)
    release, files = _pull(fleet, kiosk)
    db = open_database(kiosk.database)
    apply_release(db, release, files, NOW)
    before = _state(db)

    fleet.publish(2, document("news", {"news": [f"news_{n}" for n in range(40)]}),
                  [text_item(f"news_{n}", body="x" * 300) for n in range(40)], {})
    release, files = _pull(fleet, kiosk)
    pages = db.conn.execute("PRAGMA page_count").fetchone()[0]
    db.conn.execute(f"PRAGMA max_page_count = {pages + 2}")  # room for a few rows, not for 40
    with pytest.raises(DatabaseWriteError) as raised:
        apply_release(db, release, files, NOW)
    assert raised.value.kind == "full"
    db.conn.execute("PRAGMA max_page_count = 1073741823")
    assert _state(db) == before


def test_an_invalid_release_is_refused_with_every_problem_and_nothing_changes(fleet, kiosk):
    db = open_database(kiosk.database)
    PlaylistStore(db)
    body = {
        "release_id": 3, "group": "seoul", "version": 3, "etag": '"x"',
        "document": {"default_playlist": "nowhere", "playlists": [{"name": "p", "items": ["missing_ad"]}],
                     "rules": [{"name": "r", "playlist": "ghost", "priority": 1}]},
        "content": [{"name": "Bad Name", "kind": "image", "title": "t", "duration_s": 8, "sha256": "12",
                     "size_bytes": 3, "extension": ".png"},
                    {"name": "clip", "kind": "movie", "title": "t", "duration_s": -1}],
    }
    with pytest.raises(ReleaseRefused) as raised:
        parse_release(body, None)
    problems = "\n".join(raised.value.problems)
    for expected in ("content[0].name", "content[0] (?).sha256", "content[1] (clip).kind", "duration_s",
                     "unknown content 'missing_ad'", "no playlist named 'ghost'", "no playlist named 'nowhere'"):
        assert expected in problems
    assert "\n" not in str(raised.value)
    assert running_release(db) is None


def test_content_whose_bytes_do_not_match_its_hash_is_refused(fleet, kiosk):
    body = _release_one(fleet)
    sha = next(item["sha256"] for item in body["content"] if item["name"] == "snacks_chips")
    fleet.serve_instead[sha] = png_bytes(77)  # a different picture, same length class
    with pytest.raises(ContentRefused, match="snacks_chips.*refused"):
        _pull(fleet, kiosk)
    assert not list(kiosk.content.glob("*.part"))  # the bad bytes are not kept
    assert not (kiosk.content / f"{sha}.png").exists()


def test_a_broken_download_is_resumed_with_a_range(fleet, kiosk):
    body = _release_one(fleet)
    fleet.cut_content_after = 500
    with pytest.raises(Exception, match="broke off|timed out"):
        _pull(fleet, kiosk)
    part = next(kiosk.content.glob("*.part"))
    assert part.stat().st_size == 500
    _, files = _pull(fleet, kiosk)
    ranges = [headers.get("Range") for method, path, headers in fleet.requests if "/kiosk/content/" in path]
    assert "bytes=500-" in ranges
    for item in body["content"]:
        if item["sha256"]:
            assert hashlib.sha256(files[item["name"]].read_bytes()).hexdigest() == item["sha256"]


def test_writers_join_a_combined_transaction_and_still_refuse_to_nest_outside_one(tmp_path):
    db = open_database(tmp_path / "x.db")
    db.conn.execute("CREATE TABLE t (n INTEGER)")
    with write_transaction(db), pytest.raises(RuntimeError, match="already open"), write_transaction(db):
        pass
    with pytest.raises(ValueError), combined_write_transaction(db):
        with write_transaction(db) as connection:
            connection.execute("INSERT INTO t VALUES (1)")
        with write_transaction(db) as connection:
            connection.execute("INSERT INTO t VALUES (2)")
        raise ValueError("midway")
    assert db.conn.execute("SELECT count(*) FROM t").fetchone()[0] == 0
    with combined_write_transaction(db):
        with write_transaction(db) as connection:
            connection.execute("INSERT INTO t VALUES (1)")
        with write_transaction(db) as connection:
            connection.execute("INSERT INTO t VALUES (2)")
    assert db.conn.execute("SELECT count(*) FROM t").fetchone()[0] == 2
    assert not db.conn.in_transaction
    # The block is over: no joining any more
    with pytest.raises(RuntimeError, match="already open"), write_transaction(db), write_transaction(db):
        pass


def test_a_release_whose_content_does_not_fit_on_the_disk_is_not_fetched(fleet, kiosk, monkeypatch):
    import shutil as shutil_module

    import signage.sync.apply as apply_module
    from signage.sync.apply import NoRoom

    _release_one(fleet)
    # A disk whose free space does not move while the test runs (the real one does, when
    # other programs write), with the reserve set to a little more than what is left
    # once the content is fetched.
    real = shutil_module.disk_usage(kiosk.folder.parent)
    monkeypatch.setattr(apply_module.shutil, "disk_usage", lambda path: real)
    monkeypatch.setattr(apply_module, "KEEP_FREE_BYTES", real.free - 100)
    with pytest.raises(NoRoom, match="MB free"):
        _pull(fleet, kiosk)
    assert not [r for r in fleet.requests if "/kiosk/content/" in r[1]]
