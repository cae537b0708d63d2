"""Scanning a folder of ads: import, rescan, broken files, sidecar and folder tags."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest
from sqlite_utils import Database

from content.catalog import ContentLibrary
from foundation.errors import DataError
from tests.content.builders import cut_file, write_image, write_video


@pytest.fixture
def library() -> ContentLibrary:
    return ContentLibrary(Database(memory=True))


def names(items) -> list[str]:
    return [item.name for item in items]


def rejected_files(report) -> dict[str, str]:
    """{path relative to the scanned folder: reason}."""
    return {Path(path).relative_to(report.folder).as_posix(): reason for path, reason in report.rejected}


def touch_later(path: Path) -> None:
    """Give a rewritten file a modification time clearly after the old one."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))


@pytest.fixture
def ads(tmp_path) -> Path:
    folder = tmp_path / "ads"
    write_image(folder / "welcome.png")
    write_image(folder / "snacks" / "chips.jpg")
    write_video(folder / "snacks" / "candy.mp4", frame_count=50)
    write_image(folder / "drinks" / "energy" / "Red Can.webp")
    return folder


def test_a_folder_is_imported_with_folder_tags(ads, library):
    report = library.scan(ads)

    assert names(report.added) == ["red_can", "candy", "chips", "welcome"]  # by path: drinks/, snacks/, ...
    assert report.updated == report.unchanged == report.removed == report.rejected == ()
    items = library.items_by_name()
    assert items["chips"].tags == ("snacks",)
    assert items["red_can"].tags == ("drinks", "energy") and items["red_can"].title == "Red Can"
    assert items["candy"].duration_s == pytest.approx(2.0) and items["welcome"].duration_s == 8.0
    assert items["welcome"].tags == ()
    assert all(Path(item.path).is_absolute() for item in items.values())


def test_scan_tags_and_image_duration_apply_to_every_file(ads, library):
    library.scan(ads, tags=["store_7"], image_duration_s=5)

    items = library.items_by_name()
    assert all("store_7" in item.tags for item in items.values())
    assert items["chips"].duration_s == 5.0 and items["candy"].duration_s == pytest.approx(2.0)


def test_a_broken_file_is_rejected_and_nothing_else_is_lost(ads, library):
    cut_file(write_video(ads / "snacks" / "cut.mp4", frame_count=50))
    (ads / "notes.txt").write_text("call the supplier")
    (ads / "anim.gif").write_bytes(b"GIF89a" + bytes(32))
    (ads / "empty.png").touch()

    report = library.scan(ads)

    assert sorted(names(report.added)) == ["candy", "chips", "red_can", "welcome"]
    rejected = rejected_files(report)
    assert set(rejected) == {"snacks/cut.mp4", "notes.txt", "anim.gif", "empty.png"}
    assert rejected["snacks/cut.mp4"].startswith("truncated: the MP4 index (moov box) is missing")
    assert rejected["anim.gif"].startswith("unsupported file type .gif")
    assert rejected["empty.png"] == "empty file (0 bytes)"
    assert all("\n" not in reason for reason in rejected.values())


def test_hidden_files_and_folders_are_skipped(ads, library):
    write_image(ads / ".thumbnails" / "welcome.png")
    (ads / ".DS_Store").write_bytes(b"\0\0\0\1Bud1")

    report = library.scan(ads)

    assert len(report.added) == 4 and report.rejected == ()


def test_a_rescan_of_an_unchanged_folder_changes_nothing(ads, library):
    first = library.scan(ads)

    second = library.scan(ads)

    assert second.added == second.updated == second.removed == second.rejected == ()
    assert sorted(second.unchanged, key=lambda item: item.name) == sorted(first.added, key=lambda item: item.name)


def test_a_rescan_picks_up_changed_and_deleted_files(ads, library):
    library.scan(ads)
    write_video(ads / "snacks" / "candy.mp4", frame_count=100, size_px=(320, 240))
    touch_later(ads / "snacks" / "candy.mp4")
    (ads / "welcome.png").unlink()
    write_image(ads / "snacks" / "pretzels.png")

    report = library.scan(ads)

    assert names(report.added) == ["pretzels"]
    assert names(report.updated) == ["candy"]
    assert names(report.removed) == ["welcome"]
    candy = library.item("candy")
    assert candy.duration_s == pytest.approx(4.0) and (candy.width_px, candy.height_px) == (320, 240)
    assert "welcome" not in library.items_by_name()


def test_a_file_that_breaks_is_rejected_and_its_item_kept(ads, library):
    library.scan(ads)
    before = library.item("candy")
    cut_file(ads / "snacks" / "candy.mp4")
    touch_later(ads / "snacks" / "candy.mp4")

    report = library.scan(ads)

    assert list(rejected_files(report)) == ["snacks/candy.mp4"]
    assert library.item("candy") == before and report.removed == ()


def test_an_emptied_folder_is_an_error_and_removes_nothing(ads, library):
    # Like a USB drive that is not mounted: the mount point is there, the files are not.
    first = library.scan(ads)
    for path in sorted(ads.rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()

    with pytest.raises(DataError, match=r"the folder is empty, but 4 catalog item\(s\) come from it; nothing was removed"):
        library.scan(ads)

    assert len(library.items()) == len(first.added)


def test_a_replaced_file_keeps_its_name(ads, library):
    library.scan(ads)
    (ads / "snacks" / "chips.jpg").unlink()
    write_image(ads / "snacks" / "chips.png")

    report = library.scan(ads)

    assert names(report.removed) == ["chips"] and names(report.added) == ["chips"]
    assert library.item("chips").path.endswith("chips.png")


def test_files_with_the_same_stem_get_distinct_names(tmp_path, library):
    write_video(tmp_path / "promo.mp4")
    write_image(tmp_path / "promo.png")
    write_image(tmp_path / "snacks" / "promo.png")

    report = library.scan(tmp_path)

    assert names(report.added) == ["promo", "promo_png", "snacks_promo"]


def test_a_scan_leaves_items_outside_the_folder_alone(ads, tmp_path, library):
    elsewhere = library.add_file(write_image(tmp_path / "other" / "poster.png"))
    library.add_text("hours", "Open late")

    report = library.scan(ads)

    assert report.removed == ()
    assert library.item("poster") == elsewhere and library.find("hours") is not None


SIDECAR = """\
welcome.png:
  name: brand_welcome
  title: Welcome to the store
  tags: [brand]
  duration_s: 12
snacks/chips.jpg:
  tags: [salty, Students]
  valid_from: 2026-12-01
  valid_until: "2026-12-31"
drinks/energy/Red Can.webp:
  age_restricted: true
"""


def test_the_sidecar_sets_names_titles_tags_dates_and_flags(ads, library):
    (ads / "content.yaml").write_text(SIDECAR)

    report = library.scan(ads)

    assert report.rejected == ()
    items = library.items_by_name()
    assert set(items) == {"brand_welcome", "chips", "candy", "red_can"}
    welcome = items["brand_welcome"]
    assert (welcome.title, welcome.tags, welcome.duration_s) == ("Welcome to the store", ("brand",), 12.0)
    chips = items["chips"]
    assert chips.tags == ("snacks", "salty", "students")
    assert (chips.valid_from, chips.valid_until) == (dt.date(2026, 12, 1), dt.date(2026, 12, 31))
    assert items["red_can"].age_restricted is True


def test_sidecar_changes_apply_on_rescan_and_manual_edits_survive_otherwise(ads, library):
    sidecar = ads / "content.yaml"
    sidecar.write_text(SIDECAR)
    library.scan(ads)
    library.update("chips", title="Chips, hand edited")
    library.update("brand_welcome", tags=["brand", "hand_edited"])

    unchanged = library.scan(ads)
    assert unchanged.updated == ()
    assert library.item("chips").title == "Chips, hand edited"

    sidecar.write_text(SIDECAR.replace("tags: [brand]", "tags: [brand, morning]"))
    report = library.scan(ads)

    assert names(report.updated) == ["brand_welcome"]
    assert library.item("brand_welcome").tags == ("brand", "morning")  # the sidecar changed tags: it wins
    assert library.item("chips").title == "Chips, hand edited"  # nothing changed the title: the edit stays


@pytest.mark.parametrize(
    ("entry", "reason"),
    [
        ("tag: [snacks]", r"content\.yaml: snacks/chips\.jpg: unknown key 'tag' \(did you mean tags\?"),
        ("tags: snacks", r"content\.yaml: snacks/chips\.jpg: tags: expected a list of tags"),
        ("duration_s: -3", r"content\.yaml: snacks/chips\.jpg: duration_s: expected a positive number"),
        ("duration_s: long", r"content\.yaml: snacks/chips\.jpg: duration_s: expected a positive number"),
        ("age_restricted: 'yes'", r"content\.yaml: snacks/chips\.jpg: age_restricted: expected true or false"),
        ("valid_from: 2026-02-30", r"content\.yaml: snacks/chips\.jpg: valid_from: expected a date YYYY-MM-DD"),
        ("name: Big Chips", r"content\.yaml: snacks/chips\.jpg: name: 'Big Chips' is not a valid name"),
    ],
)
def test_a_bad_sidecar_entry_rejects_only_its_file(ads, library, entry, reason):
    (ads / "content.yaml").write_text(f"snacks/chips.jpg:\n  {entry}\n")

    report = library.scan(ads)

    rejected = rejected_files(report)
    assert list(rejected) == ["snacks/chips.jpg"]
    assert re.match(reason, rejected["snacks/chips.jpg"]), rejected["snacks/chips.jpg"]
    assert sorted(names(report.added)) == ["candy", "red_can", "welcome"]


def test_a_sidecar_duration_for_a_video_is_rejected(ads, library):
    (ads / "content.yaml").write_text("snacks/candy.mp4: {duration_s: 4}\n")

    report = library.scan(ads)

    assert rejected_files(report) == {
        "snacks/candy.mp4": "content.yaml: snacks/candy.mp4: duration_s: a video plays for its own length;"
        " set a shorter time on the playlist entry instead"
    }


def test_a_sidecar_entry_without_a_file_is_reported(ads, library):
    (ads / "content.yaml").write_text("snacks/chps.jpg: {age_restricted: true}\n")

    report = library.scan(ads)

    assert rejected_files(report) == {
        "snacks/chps.jpg": "content.yaml: snacks/chps.jpg: listed, but there is no such media file in the folder"
    }
    assert len(report.added) == 4


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("welcome.png: [unclosed\n", r"content\.yaml: not valid YAML at line \d+"),
        ("- welcome.png\n- chips.jpg\n", r"content\.yaml: expected a mapping of file names to settings"),
    ],
)
def test_an_unusable_sidecar_stops_the_scan(ads, library, text, message):
    (ads / "content.yaml").write_text(text)

    with pytest.raises(DataError, match=message) as error:
        library.scan(ads)

    assert "\n" not in str(error.value)
    assert library.items() == []


def test_an_unusable_folder_is_an_error(tmp_path, library):
    with pytest.raises(DataError, match=r"nowhere: no such folder"):
        library.scan(tmp_path / "nowhere")
    write_image(tmp_path / "poster.png")
    with pytest.raises(DataError, match=r"poster\.png: not a folder"):
        library.scan(tmp_path / "poster.png")
