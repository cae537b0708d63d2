"""Importing into the library folder: copies, name clashes, the same file twice, broken files."""

from __future__ import annotations

import pytest

from content.catalog import ContentLibrary, file_sha256
from content.model import ContentKind
from content.probe import probe_media
from foundation.db import open_database
from foundation.errors import DataError, MediaError
from foundation.paths import library_dir
from tests.content.builders import cut_file, write_image, write_video


@pytest.fixture
def library(tmp_path) -> ContentLibrary:
    return ContentLibrary(open_database(tmp_path / "signage.db"))


@pytest.fixture
def folder(tmp_path):
    return tmp_path / "data" / "library"


def test_the_library_folder_is_in_the_data_folder_unless_set(tmp_path, monkeypatch):
    monkeypatch.delenv("SIGNAGE_LIBRARY_DIR", raising=False)
    monkeypatch.setenv("SIGNAGE_DATA_DIR", str(tmp_path / "data"))
    assert library_dir() == tmp_path / "data" / "library"
    monkeypatch.setenv("SIGNAGE_LIBRARY_DIR", str(tmp_path / "ads"))
    assert library_dir() == tmp_path / "ads"


def test_an_imported_file_is_copied_and_survives_its_original(tmp_path, library, folder):
    original = write_video(tmp_path / "downloads" / "Store Loop.mp4", frame_count=50)
    digest = file_sha256(original)

    result = library.import_file(original, folder, tags="brand", valid_until="2026-12-31")

    copy = folder / "Store Loop.mp4"
    assert result.copied_to == copy and not result.reused
    assert result.item.name == "store_loop" and result.item.path == str(copy)
    assert result.item.tags == ("brand",) and result.item.valid_until.isoformat() == "2026-12-31"
    assert file_sha256(copy) == digest
    assert result.item.size_bytes == copy.stat().st_size and result.item.mtime_ns == copy.stat().st_mtime_ns
    original.unlink()
    # It still probes (and so plays): the catalog points at the copy.
    info = probe_media(library.item("store_loop").path)
    assert info.kind is ContentKind.VIDEO and info.duration_s == 2.0
    assert library.refresh("store_loop") == result.item  # unchanged on disk: nothing to re-probe
    assert [path.name for path in folder.iterdir()] == ["Store Loop.mp4"]  # no partial file left


def test_the_same_file_twice_is_reused_and_a_name_clash_gets_a_new_name(tmp_path, library, folder):
    first = write_image(tmp_path / "a" / "chips.png", seed=1)
    twin = tmp_path / "b" / "chips.png"
    twin.parent.mkdir()
    twin.write_bytes(first.read_bytes())
    different = write_image(tmp_path / "c" / "chips.png", seed=2)

    one = library.import_file(first, folder)
    again = library.import_file(twin, folder)
    other = library.import_file(different, folder)

    assert again.reused and again.copied_to is None and again.item == one.item
    assert other.item.name == "chips_2" and other.copied_to == folder / "chips-2.png"
    assert (folder / "chips.png").read_bytes() == first.read_bytes()  # never overwritten
    assert sorted(path.name for path in folder.iterdir()) == ["chips-2.png", "chips.png"]
    assert [item.name for item in library.items()] == ["chips", "chips_2"]


def test_a_removed_items_copy_is_catalogued_again_without_copying(tmp_path, library, folder):
    original = write_image(tmp_path / "tea.png")
    library.import_file(original, folder)
    library.remove("tea")

    result = library.import_file(original, folder, title="Green tea")

    assert result.copied_to is None and not result.reused
    assert result.item.path == str(folder / "tea.png") and result.item.title == "Green tea"
    assert [path.name for path in folder.iterdir()] == ["tea.png"]


def test_a_broken_file_is_refused_by_its_name_and_nothing_is_copied(tmp_path, library, folder):
    cut = cut_file(write_video(tmp_path / "cut.mp4", frame_count=50))
    with pytest.raises(MediaError) as error:
        library.import_file(cut, folder)
    assert error.value.path == str(cut) and error.value.reason.startswith("truncated")
    assert not folder.exists() and library.items() == []


def test_a_refused_setting_leaves_no_copy_behind(tmp_path, library, folder):
    video = write_video(tmp_path / "loop.mp4")
    with pytest.raises(DataError, match="a video plays for its own length"):
        library.import_file(video, folder, duration_s=5)
    library.add_text("promo", "Promo")
    with pytest.raises(DataError, match="content item 'promo' already exists"):
        library.import_file(write_image(tmp_path / "promo.png"), folder, name="promo")
    with pytest.raises(DataError, match="valid_from: expected a date"):
        library.import_file(write_image(tmp_path / "x.png"), folder, valid_from="2026-02-30")
    assert [path.name for path in folder.iterdir()] == [] and [i.name for i in library.items()] == ["promo"]


def test_a_file_already_in_the_folder_is_catalogued_where_it_is(library, folder):
    inside = write_image(folder / "hours.png")
    result = library.import_file(inside, folder)
    assert result.copied_to is None and result.item.path == str(inside)
    assert [path.name for path in folder.iterdir()] == ["hours.png"]


# ---- failures while copying: nothing is left behind ------------------------------------


def test_a_copy_that_fails_midway_leaves_no_partial_file(tmp_path, library, folder):
    """Disk full during the copy (a file-size limit gives EFBIG, as a full disk gives ENOSPC)."""
    resource = pytest.importorskip("resource")
    import signal

    big = write_image(tmp_path / "src" / "big.png", (800, 800))
    folder.mkdir(parents=True)
    old_handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    old_limit = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (big.stat().st_size // 2, old_limit[1]))
    try:
        with pytest.raises(MediaError) as error:
            library.import_file(big, folder)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, old_limit)
        signal.signal(signal.SIGXFSZ, old_handler)
    assert error.value.path == str(big) and "cannot copy it into the library folder" in error.value.reason
    assert "\n" not in str(error.value)
    assert list(folder.iterdir()) == [] and library.items() == []


def test_a_disk_full_at_the_last_flush_leaves_no_partial_file(tmp_path, library, folder, monkeypatch):
    image = write_image(tmp_path / "tea.png")

    def full(_fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("content.catalog.os.fsync", full)
    with pytest.raises(MediaError, match="No space left on device"):
        library.import_file(image, folder)
    assert list(folder.iterdir()) == [] and library.items() == []


def _no_hard_links(monkeypatch):
    """A library folder on exFAT or an SMB share: os.link is refused."""

    def refused(_source, _target):
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr("content.catalog.os.link", refused)


def test_without_hard_links_the_copy_is_moved_into_a_reserved_name(tmp_path, library, folder, monkeypatch):
    _no_hard_links(monkeypatch)
    first = write_image(tmp_path / "a" / "chips.png", seed=1)
    second = write_image(tmp_path / "b" / "chips.png", seed=2)

    one = library.import_file(first, folder)
    two = library.import_file(second, folder)

    assert one.copied_to == folder / "chips.png" and two.copied_to == folder / "chips-2.png"
    assert (folder / "chips.png").read_bytes() == first.read_bytes()  # never overwritten
    assert (folder / "chips-2.png").read_bytes() == second.read_bytes()
    assert sorted(path.name for path in folder.iterdir()) == ["chips-2.png", "chips.png"]  # no partial file


def test_without_hard_links_a_failed_move_leaves_nothing_and_is_a_media_error(tmp_path, library, folder, monkeypatch):
    _no_hard_links(monkeypatch)
    image = write_image(tmp_path / "chips.png")

    def full(_source, _target):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("content.catalog.os.replace", full)
    with pytest.raises(MediaError) as error:
        library.import_file(image, folder)
    assert error.value.path == str(image) and "No space left on device" in error.value.reason
    assert list(folder.iterdir()) == [] and library.items() == []  # neither the reservation nor the partial


# ---- file names with no letters a catalog name can use ---------------------------------


def test_a_korean_file_name_gets_a_generated_name_and_keeps_its_title(tmp_path, library, folder):
    image = write_image(tmp_path / "downloads" / "과자 할인.png")
    expected = "image_" + file_sha256(image)[:8]

    result = library.import_file(image, folder)

    assert result.item.name == expected and result.item.title == "과자 할인"
    assert result.copied_to == folder / "과자 할인.png" and result.item.path == str(folder / "과자 할인.png")
    assert library.import_file(image, folder).reused  # the same file again: its item
    in_place = write_image(tmp_path / "elsewhere" / "라면.png", seed=3)
    assert library.add_file(in_place).name == "image_" + file_sha256(in_place)[:8]


def test_a_file_name_the_folder_refuses_becomes_the_generated_one(tmp_path, library, folder, monkeypatch):
    """A file system that takes no Korean file names (or a name over 255 bytes)."""
    import os

    real_link = os.link

    def ascii_only(source, target):
        if not str(target).isascii():
            raise OSError(84, "Invalid or incomplete multibyte or wide character")
        return real_link(source, target)

    monkeypatch.setattr("content.catalog.os.link", ascii_only)
    video = write_video(tmp_path / "과자 광고.mp4")
    digest = file_sha256(video)

    result = library.import_file(video, folder)

    name = "video_" + digest[:8]
    assert result.item.name == name and result.item.title == "과자 광고"
    assert result.copied_to == folder / f"{name}.mp4" and file_sha256(result.copied_to) == digest
    assert [path.name for path in folder.iterdir()] == [f"{name}.mp4"]
