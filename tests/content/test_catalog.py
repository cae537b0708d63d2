"""The catalog: adding, reading, changing and removing items in a real SQLite database."""

from __future__ import annotations

import datetime as dt
import os

import pytest
from sqlite_utils import Database

from content.catalog import MIGRATIONS, ContentLibrary, normalise_tags, slugify
from foundation.db import migrate, open_database
from content.model import ContentKind, TextSlide
from foundation.errors import DataError, MediaError
from tests.content.builders import cut_file, write_image, write_video


@pytest.fixture
def library() -> ContentLibrary:
    return ContentLibrary(Database(memory=True))


def test_migrations_run_once_and_keep_the_data(tmp_path):
    db = open_database(tmp_path / "signage.db")
    ContentLibrary(db).add_text("hours", "Open late")

    again = ContentLibrary(open_database(tmp_path / "signage.db"))

    assert migrate(again.db, "content", MIGRATIONS) == 0
    rows = again.db.execute("SELECT number FROM schema_migrations WHERE component = 'content'").fetchall()
    assert rows == [(1,)]
    assert [item.name for item in again.items()] == ["hours"]


def test_an_image_gets_defaults_from_its_file(tmp_path, library):
    path = write_image(tmp_path / "Summer Sale-2026.png", size_px=(320, 240))

    item = library.add_file(path)

    assert item.name == "summer_sale_2026"
    assert item.title == "Summer Sale 2026"
    assert item.kind is ContentKind.IMAGE and item.duration_s == 8.0
    assert (item.width_px, item.height_px) == (320, 240)
    assert item.size_bytes == path.stat().st_size and item.mtime_ns == path.stat().st_mtime_ns
    assert library.item("summer_sale_2026") == item


def test_a_relative_path_is_stored_absolute(tmp_path, library, monkeypatch):
    write_image(tmp_path / "ads" / "chips.png")
    monkeypatch.chdir(tmp_path)

    item = library.add_file("ads/chips.png")

    assert item.path == str(tmp_path / "ads" / "chips.png")


def test_all_settings_round_trip(tmp_path, library):
    path = write_image(tmp_path / "beer.jpg")

    library.add_file(
        path,
        name="beer_promo",
        title="Craft beer",
        tags=["Alcohol", "Craft Beer", "alcohol"],
        duration_s=12,
        valid_from="2026-12-01",
        valid_until=dt.date(2026, 12, 31),
        age_restricted=True,
    )
    item = library.item("beer_promo")

    assert item.tags == ("alcohol", "craft_beer")
    assert item.duration_s == 12.0
    assert (item.valid_from, item.valid_until) == (dt.date(2026, 12, 1), dt.date(2026, 12, 31))
    assert item.age_restricted is True
    assert item.valid_on(dt.date(2026, 12, 24)) and not item.valid_on(dt.date(2027, 1, 1))


def test_a_video_plays_its_probed_length(tmp_path, library):
    path = write_video(tmp_path / "loop.mp4", frame_count=50, fps=25.0)

    item = library.add_file(path, tags="brand")

    assert item.kind is ContentKind.VIDEO and item.duration_s == pytest.approx(2.0)
    with pytest.raises(DataError, match=r"loop\.mp4: duration_s: a video plays for its own length \(2\.0 s\)"):
        library.add_file(path, name="loop_short", duration_s=1.0)


def test_broken_media_are_not_added(tmp_path, library):
    path = cut_file(write_video(tmp_path / "cut.mp4", frame_count=50))

    with pytest.raises(MediaError, match="truncated"):
        library.add_file(path)
    assert library.items() == []


def test_names_are_unique_unless_replaced(tmp_path, library):
    first = write_image(tmp_path / "chips.png", seed=1)
    second = write_image(tmp_path / "other" / "chips.png", size_px=(64, 48), seed=2)
    library.add_file(first, tags=["snacks"])

    with pytest.raises(DataError, match=r"content item 'chips' already exists"):
        library.add_file(second)
    replaced = library.add_file(second, replace=True)

    assert library.item("chips") == replaced and replaced.width_px == 64 and replaced.tags == ()


def test_one_file_is_one_item(tmp_path, library):
    path = write_image(tmp_path / "chips.png")
    library.add_file(path)

    with pytest.raises(DataError, match=r"chips\.png: already in the catalog as 'chips'"):
        library.add_file(path, name="chips_again")


def test_a_failed_replace_leaves_the_item_as_it_was(tmp_path, library):
    # Replacing "candy" with a file that already belongs to "chips" fails after the
    # old "candy" row was deleted inside the transaction: the rollback must restore it.
    library.add_file(write_image(tmp_path / "chips.png", seed=1))
    candy = library.add_file(write_image(tmp_path / "candy.png", seed=2), tags=["sweets"])

    with pytest.raises(DataError, match="already in the catalog as 'chips'"):
        library.add_file(tmp_path / "chips.png", name="candy", replace=True)

    assert library.item("candy") == candy


@pytest.mark.parametrize("bad_name", ["Chips", "chips large", "-chips", "", "x" * 65])
def test_names_must_be_slugs(tmp_path, library, bad_name):
    with pytest.raises(DataError, match="is not a valid name"):
        library.add_file(write_image(tmp_path / "chips.png"), name=bad_name)


def test_text_slides_round_trip(library):
    library.add_text(
        "store_hours", "Open until midnight", "Every day", duration_s=6, tags="brand, info",
        background="#102030", foreground="#ffeecc",
    )

    item = library.item("store_hours")

    assert item.kind is ContentKind.TEXT and item.path is None
    assert item.text == TextSlide(body="Every day", background="#102030", foreground="#ffeecc")
    assert item.duration_s == 6.0 and item.tags == ("brand", "info")


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"background": "red"}, r"background: expected a colour #rrggbb, got 'red'"),
        ({"duration_s": 0}, r"duration_s: expected a positive number of seconds, got 0"),
        ({"title": "  "}, r"title: must not be empty"),
        ({"valid_from": "2026-12-31", "valid_until": "2026-12-01"}, r"valid_from 2026-12-31 is after valid_until"),
        ({"valid_from": "next week"}, r"valid_from: expected a date YYYY-MM-DD, got 'next week'"),
        ({"tags": ["!!"]}, r"tags: '!!' is not a usable tag"),
    ],
)
def test_text_slide_settings_are_checked(library, changes, message):
    arguments = {"name": "promo", "title": "Promo", **changes}

    with pytest.raises(DataError, match=message):
        library.add_text(**arguments)
    assert library.items() == []


def test_items_filter_by_tag(tmp_path, library):
    library.add_file(write_image(tmp_path / "coffee.png"), tags=["beverages", "coffee"])
    library.add_file(write_image(tmp_path / "energy.png"), tags=["Beverages", "energy_drinks"])
    library.add_text("headlines", "Headlines", tags=["finance_news"])

    assert [item.name for item in library.items(tag="beverages")] == ["coffee", "energy"]
    assert [item.name for item in library.items(tag="finance_news")] == ["headlines"]
    assert library.items(tag="alcohol") == []
    assert [item.name for item in library.items()] == ["coffee", "energy", "headlines"]
    assert library.tags() == ["beverages", "coffee", "energy_drinks", "finance_news"]
    assert set(library.items_by_name()) == {"coffee", "energy", "headlines"}


def test_an_unknown_name_suggests_close_ones(library):
    library.add_text("snacks_chips", "Chips")
    library.add_text("snacks_candy", "Candy")

    with pytest.raises(DataError) as error:
        library.item("snack_chips")

    assert str(error.value) == "no content item named 'snack_chips' (did you mean snacks_chips, snacks_candy?)"
    with pytest.raises(DataError, match=r"^no content item named 'zzz'$"):
        library.item("zzz")


def test_update_changes_settings_and_keeps_the_rest(tmp_path, library):
    before = library.add_file(write_image(tmp_path / "chips.png"), tags=["snacks"])

    after = library.update("chips", title="Crunchy chips", tags="snacks,students", valid_until="2026-12-31")

    assert after == library.item("chips")
    assert (after.title, after.tags, after.valid_until) == ("Crunchy chips", ("snacks", "students"), dt.date(2026, 12, 31))
    assert (after.path, after.width_px, after.duration_s) == (before.path, before.width_px, before.duration_s)


def test_update_refuses_what_the_file_decides(tmp_path, library):
    library.add_file(write_video(tmp_path / "loop.mp4"))
    library.add_file(write_image(tmp_path / "chips.png"))

    with pytest.raises(DataError, match=r"cannot change path"):
        library.update("chips", path="/elsewhere.png")
    with pytest.raises(DataError, match="a video plays for its own length"):
        library.update("loop", duration_s=3)
    with pytest.raises(DataError, match="only text slides have text"):
        library.update("chips", text=TextSlide(body="hi"))
    with pytest.raises(DataError, match="no content item named 'chipz'"):
        library.update("chipz", title="x")


def test_a_rejected_update_changes_nothing(tmp_path, library):
    before = library.add_file(write_image(tmp_path / "chips.png"), tags=["snacks"])

    with pytest.raises(DataError):
        library.update("chips", tags=["fine"], valid_from="2027-01-02", valid_until="2027-01-01")

    assert library.item("chips") == before


def test_remove_forgets_the_item_but_keeps_its_file(tmp_path, library):
    path = write_image(tmp_path / "chips.png")
    library.add_file(path, tags=["snacks"])

    removed = library.remove("chips")

    assert removed.name == "chips" and path.exists()
    assert library.items() == [] and library.items(tag="snacks") == []
    assert library.db.execute("SELECT COUNT(*) FROM content_tags").fetchone()[0] == 0
    with pytest.raises(DataError, match="no content item named 'chips'"):
        library.remove("chips")


def test_refresh_reprobes_a_changed_file(tmp_path, library):
    path = write_video(tmp_path / "loop.mp4", frame_count=25)
    library.add_file(path)
    write_video(path, frame_count=75, size_px=(320, 240))
    os.utime(path, ns=(1, 2_000_000_000_000_000_000))  # a distinct mtime even on coarse file systems

    item = library.refresh("loop")

    assert item.duration_s == pytest.approx(3.0) and (item.width_px, item.height_px) == (320, 240)
    assert library.item("loop") == item


def test_the_catalog_is_shared_through_the_database_file(tmp_path):
    path = tmp_path / "signage.db"
    writer = ContentLibrary(open_database(path))
    reader = ContentLibrary(open_database(path))

    writer.add_text("hours", "Open late", tags=["brand"])

    assert [item.name for item in reader.items(tag="brand")] == ["hours"]


def test_slugs_and_tags():
    assert slugify("Crème Brûlée – Large!") == "creme_brulee_large"
    assert slugify("***") == ""
    assert normalise_tags("snacks, Sweets ,snacks,") == ("snacks", "sweets")
    with pytest.raises(DataError):
        normalise_tags(["ok", 3])
