"""`signage content ...` end to end, on real files and a real database file."""

from __future__ import annotations

import pytest

from signage.cli import main
from tests.content.builders import cut_file, write_image, write_video


@pytest.fixture
def db(tmp_path):
    return str(tmp_path / "signage.db")


@pytest.fixture(autouse=True)
def library(tmp_path, monkeypatch):
    """The library folder `content add` copies into: the test's own."""
    folder = tmp_path / "library"
    monkeypatch.setenv("SIGNAGE_LIBRARY_DIR", str(folder))
    return folder


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["content", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_add_list_show_remove(tmp_path, db, capsys, library):
    image = write_image(tmp_path / "Beer Promo.png", size_px=(320, 240))
    video = write_video(tmp_path / "loop.mp4", frame_count=50)

    code, out, _ = run(
        capsys, "add", str(image), "--tags", "alcohol, craft", "--age-restricted", "--valid-until", "2026-12-31",
        "--duration-s", "12", "--db", db,
    )
    assert code == 0 and out.startswith("added beer_promo: image, 320x240, 12 s, tags alcohol,craft, age restricted")
    assert run(capsys, "add", str(video), "--name", "brand_loop", "--title", "Store loop", "--db", db)[0] == 0
    assert run(capsys, "add-text", "hours", "--title", "Open late", "--body", "6 am to midnight", "--db", db)[0] == 0

    code, out, _ = run(capsys, "list", "--db", db)
    lines = out.splitlines()
    assert code == 0 and lines[0].split() == ["NAME", "KIND", "SECONDS", "SIZE", "TAGS", "VALID", "18+", "TITLE"]
    assert lines[1].split() == ["beer_promo", "image", "12", "320x240", "alcohol,craft", "until", "2026-12-31", "yes", "Beer", "Promo"]
    assert lines[2].split() == ["brand_loop", "video", "2", "160x120", "-", "always", "Store", "loop"]
    assert lines[3].split()[:3] == ["hours", "text", "10"] and lines[-1] == "3 items"

    code, out, _ = run(capsys, "list", "--tag", "alcohol", "--db", db)
    assert [line.split()[0] for line in out.splitlines()[1:-1]] == ["beer_promo"]

    code, out, _ = run(capsys, "show", "beer_promo", "--db", db)
    copy = library / "Beer Promo.png"
    assert code == 0 and f"file            {copy}" in out and "age restricted  yes" in out

    code, out, _ = run(capsys, "remove", "beer_promo", "--db", db)
    assert code == 0 and out.startswith("removed beer_promo") and image.exists() and copy.exists()
    assert run(capsys, "list", "--tag", "alcohol", "--db", db)[1] == "no content items tagged alcohol\n"


def test_errors_are_one_line_and_nonzero(tmp_path, db, capsys):
    run(capsys, "add-text", "snacks_chips", "--title", "Chips", "--db", db)
    cut = cut_file(write_video(tmp_path / "cut.mp4", frame_count=50))
    notes = tmp_path / "notes.txt"
    notes.write_text("hello")

    cases = [
        (("show", "snack_chips"), "no content item named 'snack_chips' (did you mean snacks_chips?)"),
        (("remove", "nope"), "no content item named 'nope'"),
        (("add", str(cut)), f"{cut}: truncated"),
        (("add", str(notes)), f"{notes}: unsupported file type .txt"),
        (("add", str(tmp_path / "gone.png")), "gone.png: no such file"),
        (("add-text", "Bad Name", "--title", "x"), "'Bad Name' is not a valid name"),
        (("add-text", "promo", "--title", "x", "--valid-from", "2026-13-01"), "--valid-from: expected a date YYYY-MM-DD"),
        (("add-text", "promo", "--title", "x", "--background", "blue"), "background: expected a colour #rrggbb"),
        (("add-text", "snacks_chips", "--title", "x"), "content item 'snacks_chips' already exists"),
        (("scan", str(tmp_path / "missing")), "missing: no such folder"),
    ]
    for argv, expected in cases:
        code, _, err = run(capsys, *argv, "--db", db)
        assert code == 2, argv
        assert err.startswith("signage: error: ") and err.count("\n") == 1, err
        assert expected in err, (argv, err)


def test_scan_reports_each_file_and_exits_zero_with_rejections(tmp_path, db, capsys):
    ads = tmp_path / "ads"
    write_image(ads / "snacks" / "chips.png")
    write_video(ads / "brand" / "loop.mp4")
    cut_file(write_video(ads / "broken.mp4", frame_count=50))
    (ads / "content.yaml").write_text("snacks/chips.png: {tags: [salty], title: Chips}\n")

    code, out, _ = run(capsys, "scan", str(ads), "--db", db)

    assert code == 0
    assert "added loop (brand/loop.mp4)" in out and "added chips (snacks/chips.png)" in out
    assert "rejected broken.mp4: truncated: the MP4 index (moov box) is missing" in out
    assert out.splitlines()[-1] == f"{ads}: 2 added, 0 updated, 0 unchanged, 0 removed, 1 rejected"

    (ads / "brand" / "loop.mp4").unlink()
    code, out, _ = run(capsys, "scan", str(ads), "--db", db)
    assert code == 0 and "removed loop (brand/loop.mp4)" in out
    assert out.splitlines()[-1] == f"{ads}: 0 added, 0 updated, 1 unchanged, 1 removed, 1 rejected"


def test_scan_stops_on_an_unusable_sidecar(tmp_path, db, capsys):
    write_image(tmp_path / "chips.png")
    (tmp_path / "content.yaml").write_text("chips.png: [unclosed\n")

    code, out, err = run(capsys, "scan", str(tmp_path), "--db", db)

    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "content.yaml: not valid YAML at line" in err


def test_samples_are_built_into_the_media_folder_and_registered(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("SIGNAGE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("SIGNAGE_DB", raising=False)

    code, out, _ = run(capsys, "samples")

    assert code == 0 and out.splitlines()[-1] == f"12 sample items in the library (files in {tmp_path / 'data' / 'media'})"
    assert (tmp_path / "data" / "media" / "brand_loop.mp4").is_file() and (tmp_path / "data" / "signage.db").is_file()
    code, out, _ = run(capsys, "list", "--tag", "alcohol")
    assert out.splitlines()[1].split()[0] == "beer_promo" and " yes " in out.splitlines()[1]


def test_add_copies_into_the_library_and_the_original_may_go(tmp_path, db, capsys, library):
    from content.catalog import ContentLibrary
    from content.probe import probe_media
    from foundation.db import open_database

    original = write_video(tmp_path / "ads" / "loop.mp4", frame_count=50)
    code, out, _ = run(capsys, "add", str(original), "--db", db)
    assert code == 0 and out.splitlines() == [
        "added loop: video, 160x120, 2 s", f"  copied to {library / 'loop.mp4'}"
    ]
    original.unlink()
    item = ContentLibrary(open_database(db)).item("loop")
    assert item.path == str(library / "loop.mp4") and probe_media(item.path).duration_s == 2.0

    # The same bytes again (from another place): reused, not copied twice.
    again = write_video(tmp_path / "elsewhere" / "loop.mp4", frame_count=50)
    code, out, _ = run(capsys, "add", str(again), "--db", db)
    assert code == 0 and out == f"already in the library as loop ({library / 'loop.mp4'}): nothing added\n"
    # Another file of the same name: a new file name and a new item name, nothing overwritten.
    other = write_video(tmp_path / "other" / "loop.mp4", frame_count=75)
    code, out, _ = run(capsys, "add", str(other), "--db", db)
    assert code == 0 and out.startswith("added loop_2: video, 160x120, 3 s")
    assert sorted(path.name for path in library.iterdir()) == ["loop-2.mp4", "loop.mp4"]


def test_add_in_place_keeps_the_file_where_it_is(tmp_path, db, capsys, library):
    image = write_image(tmp_path / "chips.png")
    code, out, _ = run(capsys, "add", str(image), "--in-place", "--db", db)
    assert code == 0 and f"the catalog uses {image} where it is" in out
    assert not library.exists()


def test_a_broken_file_is_not_copied(tmp_path, db, capsys, library):
    cut = cut_file(write_video(tmp_path / "cut.mp4", frame_count=50))
    code, _, err = run(capsys, "add", str(cut), "--db", db)
    assert code == 2 and f"{cut}: truncated" in err
    assert not library.exists() or list(library.iterdir()) == []


def test_every_content_command_has_a_description_and_an_example(capsys):
    from signage.cli import build_parser

    parser = build_parser()
    for command in ("add", "add-text", "list", "show", "remove", "scan", "samples"):
        with pytest.raises(SystemExit):
            parser.parse_args(["content", command, "--help"])
        out = capsys.readouterr().out
        examples = out.split("examples:\n", 1)[1]
        assert any(line.strip().startswith(f"signage content {command} ") for line in examples.splitlines()), command
        description = out.split("\n\n")[1]
        assert description[0].isupper() and description.rstrip().endswith("."), (command, description)
    with pytest.raises(SystemExit):
        parser.parse_args(["content", "add", "--help"])
    assert "--in-place" in capsys.readouterr().out


def test_add_a_korean_named_file_without_name_gets_a_generated_name(tmp_path, db, capsys, library):
    from content.catalog import ContentLibrary, file_sha256
    from foundation.db import open_database

    image = write_image(tmp_path / "ads" / "과자 할인.png")
    name = "image_" + file_sha256(image)[:8]

    code, out, err = run(capsys, "add", str(image), "--db", db)

    assert (code, err) == (0, "")
    assert out.splitlines() == [f"added {name}: image, 320x240, 8 s", f"  copied to {library / '과자 할인.png'}"]
    item = ContentLibrary(open_database(db)).item(name)
    assert item.title == "과자 할인" and item.path == str(library / "과자 할인.png")
    in_place = write_image(tmp_path / "ads" / "라면.png", seed=4)
    code, out, _ = run(capsys, "add", str(in_place), "--in-place", "--db", db)
    assert code == 0 and out.startswith(f"added image_{file_sha256(in_place)[:8]}: image")
