"""Hostile files in the media library: names that are not UTF-8, images declaring more pixels
than a kiosk can show, and content.yaml files built to cost memory. Each is refused with
one line naming it, and a scan imports the rest. (Videos with such names crashed OpenCV,
so they are tested through the CLI, in a subprocess: tests/signage/test_cli_hostile.py.)"""

from __future__ import annotations

import time
from pathlib import Path

import cv2
import numpy as np
import pytest

from content.catalog import ContentLibrary
from foundation.db import open_database
from foundation.errors import DataError, MediaError
from foundation.limits import MAX_ERROR_LINE_CHARS, MAX_YAML_BYTES
from tests.content.builders import write_image
from tests.foundation.hostile import (
    billion_laughs,
    non_utf8_name,
    write_bytes_at,
    write_png_declaring,
)

NOT_UTF8 = "the file name is not valid UTF-8; rename it (for example with `convmv -f latin1 -t utf8 --notest`)"
TOO_LARGE = (
    "1000000x1000000 pixels (1,000,000 megapixels) is more than the limit of 40 megapixels;"
    " scale it down (an 8K screen shows 33 megapixels)"
)


@pytest.fixture
def library(tmp_path) -> ContentLibrary:
    return ContentLibrary(open_database(tmp_path / "signage.db"))


def png_bytes(size_px: tuple[int, int] = (64, 48)) -> bytes:
    ok, data = cv2.imencode(".png", np.full((size_px[1], size_px[0], 3), 120, np.uint8))
    assert ok
    return data.tobytes()


def rejected_files(report) -> dict[str, str]:
    return {Path(path).relative_to(report.folder).as_posix(): reason for path, reason in report.rejected}


def test_a_non_utf8_image_name_is_rejected_alone_and_every_later_scan_still_works(tmp_path, library):
    folder = tmp_path / "ads"
    write_image(folder / "welcome.png")
    latin1 = write_bytes_at(non_utf8_name(folder), png_bytes())

    first = library.scan(folder)
    again = library.scan(folder)

    assert [item.name for item in first.added] == ["welcome"]
    assert first.rejected == ((latin1, NOT_UTF8),)
    assert [item.name for item in again.unchanged] == ["welcome"] and again.rejected == first.rejected
    assert [item.name for item in library.items()] == ["welcome"]


def test_adding_a_non_utf8_image_name_is_one_printable_line(tmp_path, library):
    latin1 = write_bytes_at(non_utf8_name(tmp_path), png_bytes())

    with pytest.raises(MediaError) as error:
        library.add_file(latin1)

    assert error.value.path == f"{tmp_path}/caf\\xe9.png"
    assert str(error.value).encode("utf-8")  # printable: \xNN escapes, no surrogates
    assert "not valid UTF-8" in error.value.reason and library.items() == []


def test_a_folder_whose_own_name_is_not_utf8_is_refused_once(tmp_path, library):
    folder = non_utf8_name(tmp_path, b"caf\xe9", "")
    (Path(folder)).mkdir()
    write_image(folder / "welcome.png")

    with pytest.raises(DataError, match=r"caf\\xe9: the folder's name is not valid UTF-8; rename it"):
        library.scan(folder)


def test_an_image_declaring_a_million_by_a_million_pixels_is_refused_from_its_header(tmp_path, library):
    bomb = write_png_declaring(tmp_path / "bomb.png", 1_000_000, 1_000_000)

    with pytest.raises(MediaError) as error:
        library.add_file(bomb)

    assert error.value.reason == TOO_LARGE


def test_a_scan_with_a_too_large_image_imports_the_rest(tmp_path, library):
    folder = tmp_path / "ads"
    write_image(folder / "a.png")
    write_png_declaring(folder / "b.png", 1_000_000, 1_000_000)
    write_image(folder / "c.jpg")

    report = library.scan(folder)

    assert [item.name for item in report.added] == ["a", "c"]
    assert rejected_files(report) == {"b.png": TOO_LARGE}


def test_content_yaml_with_aliases_is_refused_before_it_is_parsed(tmp_path, library):
    folder = tmp_path / "ads"
    write_image(folder / "welcome.png")
    # The laughs' last list as a file's settings: the old message quoted all of it.
    (folder / "content.yaml").write_text(billion_laughs(5) + "welcome.png: *a4\n", encoding="utf-8")

    with pytest.raises(DataError) as error:
        library.scan(folder)

    assert str(error.value) == (
        f"{folder / 'content.yaml'}: line 1: YAML anchors and aliases (&a0) are not allowed (they can expand a"
        " small file into gigabytes); write the values out"
    )
    assert library.items() == []  # a sidecar that cannot be read stops the scan: it may restrict ads


def test_an_oversized_content_yaml_is_refused_from_its_size(tmp_path, library):
    folder = tmp_path / "ads"
    write_image(folder / "welcome.png")
    (folder / "content.yaml").write_text("# padding\n" * (MAX_YAML_BYTES // 10 + 1), encoding="utf-8")

    with pytest.raises(DataError, match=r"content\.yaml: the file is [\d,]+ bytes, more than the limit of 2,097,152"):
        library.scan(folder)


def test_content_yaml_errors_never_echo_a_huge_value(tmp_path, library):
    folder = tmp_path / "ads"
    write_image(folder / "a.png")
    write_image(folder / "b.png")
    huge_list = "[" + ", ".join(["snack"] * 5_000) + "]"  # 35 KB, echoed whole before
    (folder / "content.yaml").write_text(f"a.png: {huge_list}\nb.png: {{title: {huge_list}}}\n", encoding="utf-8")

    report = library.scan(folder)

    reasons = rejected_files(report)
    assert set(reasons) == {"a.png", "b.png"}
    assert all(len(reason) <= MAX_ERROR_LINE_CHARS + 40 for reason in reasons.values()), [len(r) for r in reasons.values()]
    assert reasons["a.png"].startswith("content.yaml: a.png: expected a mapping of settings")
    assert reasons["b.png"].startswith("content.yaml: b.png: title: expected text, got ['snack', 'snack'")


def test_a_surrogate_escape_in_a_title_rejects_that_file_only(tmp_path, library):
    folder = tmp_path / "ads"
    write_image(folder / "a.png")
    write_image(folder / "b.png")
    # Valid YAML for PyYAML's loader, and text SQLite cannot store: it rolled back the whole scan.
    (folder / "content.yaml").write_text('a.png: {title: "caf\\udce9"}\n', encoding="utf-8")

    report = library.scan(folder)

    assert [item.name for item in report.added] == ["b"]
    assert rejected_files(report) == {"a.png": "content item a: title: not valid Unicode text (character \\udce9)"}


def test_an_item_the_database_refuses_is_rejected_alone_and_the_scan_is_kept(tmp_path, library):
    folder = tmp_path / "ads"
    for name in ("a.png", "b.png", "c.png"):
        write_image(folder / name)
    # Another writer taking the name `b` between probing and writing, as the database sees it.
    library.db.conn.execute(
        "CREATE TRIGGER taken BEFORE INSERT ON content_items WHEN NEW.name = 'b'"
        " BEGIN SELECT RAISE(ABORT, 'name b was just taken by another writer'); END"
    )

    report = library.scan(folder)

    assert [item.name for item in report.added] == ["a", "c"]
    assert rejected_files(report) == {"b.png": "content item 'b': cannot store it (name b was just taken by another writer)"}
    assert [item.name for item in library.items()] == ["a", "c"]
    assert library.db.conn.execute("SELECT COUNT(*) FROM content_tags WHERE name = 'b'").fetchone()[0] == 0


def test_refusals_cost_milliseconds(tmp_path, library):
    bomb = write_png_declaring(tmp_path / "bomb.png", 1_000_000, 1_000_000)
    latin1 = write_bytes_at(non_utf8_name(tmp_path), png_bytes())
    started = time.perf_counter()

    for path in (bomb, latin1):
        with pytest.raises(MediaError):
            library.add_file(path)

    assert time.perf_counter() - started < 0.5
