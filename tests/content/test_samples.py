"""The built-in sample ads: exact names, tags and flags, real files, idempotent builds."""

from __future__ import annotations

import shutil

import pytest

from content.catalog import ContentLibrary
from foundation.db import open_database
from content.model import ContentKind
from content.probe import probe_media
from content.samples import build_sample_content
from tests.content.builders import cut_file

# What other code (rules, playlists, tests) relies on: (name, kind, tags, duration_s, age_restricted).
EXPECTED = [
    ("brand_welcome", ContentKind.IMAGE, ("brand",), 8.0, False),
    ("brand_loop", ContentKind.VIDEO, ("brand",), 6.0, False),
    ("snacks_chips", ContentKind.IMAGE, ("snacks",), 8.0, False),
    ("snacks_candy", ContentKind.VIDEO, ("snacks", "sweets"), 6.0, False),
    ("drinks_energy", ContentKind.IMAGE, ("beverages", "energy_drinks"), 8.0, False),
    ("drinks_coffee", ContentKind.IMAGE, ("beverages", "coffee"), 8.0, False),
    ("finance_markets", ContentKind.VIDEO, ("finance_news",), 6.0, False),
    ("finance_headlines", ContentKind.TEXT, ("finance_news",), 10.0, False),
    ("lunch_bento", ContentKind.IMAGE, ("lunch", "ready_meals"), 8.0, False),
    ("lunch_deals", ContentKind.VIDEO, ("lunch",), 6.0, False),
    ("seniors_tea", ContentKind.IMAGE, ("tea", "health"), 8.0, False),
    ("beer_promo", ContentKind.IMAGE, ("alcohol",), 8.0, True),
]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The samples built once (drawing the clips takes a few seconds) into a real database file."""
    root = tmp_path_factory.mktemp("samples")
    library = ContentLibrary(open_database(root / "signage.db"))
    items = build_sample_content(root / "media", library)
    return root, library, items


def test_the_samples_are_exactly_what_other_code_expects(built):
    _, library, items = built

    described = [(item.name, item.kind, item.tags, item.duration_s, item.age_restricted) for item in items]

    assert described == EXPECTED
    assert library.items_by_name() == {item.name: item for item in items}


def test_sample_files_are_real_media(built):
    root, _, items = built

    for item in items:
        if item.kind is ContentKind.TEXT:
            assert item.path is None and item.text.body
            continue
        info = probe_media(item.path)
        assert info.kind is item.kind and item.path.startswith(str(root / "media"))
        if item.kind is ContentKind.IMAGE:
            assert (info.width_px, info.height_px) == (1920, 1080)
        else:
            assert (info.width_px, info.height_px, info.frame_count, info.fps) == (1280, 720, 150, 25.0)
    assert not [path for path in (root / "media").iterdir() if path.name.startswith(".")]  # no temporary files left


def test_building_again_changes_nothing(built):
    root, library, items = built
    stats = {path.name: path.stat().st_mtime_ns for path in (root / "media").iterdir()}
    changes_before = library.db.conn.total_changes

    again = build_sample_content(root / "media", library)

    assert again == items
    assert {path.name: path.stat().st_mtime_ns for path in (root / "media").iterdir()} == stats
    assert library.db.conn.total_changes == changes_before


def test_a_damaged_sample_is_drawn_again_and_the_rest_kept(built, tmp_path):
    # A copy of the built folder and database, so the shared fixture stays intact.
    root, _, _ = built
    shutil.copytree(root / "media", tmp_path / "media")
    library = ContentLibrary(open_database(tmp_path / "signage.db"))
    build_sample_content(tmp_path / "media", library)  # registers the copies (probed, not drawn)
    stats = {path.name: path.stat().st_mtime_ns for path in (tmp_path / "media").iterdir()}
    cut_file(tmp_path / "media" / "snacks_candy.mp4")
    library.update("beer_promo", age_restricted=False, tags=["beer"])

    items = {item.name: item for item in build_sample_content(tmp_path / "media", library)}

    assert probe_media(tmp_path / "media" / "snacks_candy.mp4").duration_s == pytest.approx(6.0)
    assert items["snacks_candy"].duration_s == pytest.approx(6.0)
    assert (items["beer_promo"].age_restricted, items["beer_promo"].tags) == (True, ("alcohol",))
    unchanged = {name for name, mtime in stats.items() if (tmp_path / "media" / name).stat().st_mtime_ns == mtime}
    assert unchanged == set(stats) - {"snacks_candy.mp4"}
