"""`signage content ...`: the media library (add, list, show, remove, scan, samples).

`content add` copies the file into the library folder (`foundation.paths.library_dir()`,
data_dir()/library) and catalogs the copy, so the original may be moved or deleted;
`--in-place` catalogs the file where it is. `content scan` catalogs a folder's files
where they are: it is for a folder the store maintains (a shared drive, a synced folder).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from signage.cli_common import HelpFormatter, add_db_option, examples, open_db

GROUP_DESCRIPTION = (
    "The media library: the images, videos and text slides the player can show, with their tags, "
    "the dates they may be shown and whether they are for adults only. Playlists refer to items by name."
)


def register(commands: argparse._SubParsersAction) -> None:
    """Add the `content` command group."""
    content = commands.add_parser(
        "content",
        help="manage the media library",
        description=GROUP_DESCRIPTION,
        epilog=examples(
            "signage content add summer_sale.png --tags snacks,summer",
            "signage content list --tag snacks",
            "signage content show beer_promo",
        ),
        formatter_class=HelpFormatter,
    )
    sub = content.add_subparsers(dest="content_command", metavar="SUBCOMMAND", title="subcommands")
    sub.required = True

    add = sub.add_parser(
        "add",
        help="add an image (PNG, JPEG, WebP) or video (MP4, WebM, MOV, AVI) to the library",
        description="Check a media file (fully decoded, or for a video its first and last frames), copy it into "
        "the library folder ($SIGNAGE_LIBRARY_DIR, else library in the data folder) and add the copy to the "
        "catalog, so the original may be moved or deleted. A file already in the library (the same bytes) is "
        "not copied twice; a file name already in the folder gets a new one (chips-2.png), nothing is overwritten.",
        epilog=examples(
            "signage content add summer_sale.png --tags snacks,summer --valid-until 2026-12-31",
            "# beer: for adults only, never shown while minors may be present",
            "signage content add beer.mp4 --name beer_video --tags alcohol --age-restricted",
            "# keep the file where it is (a folder you maintain yourself)",
            "signage content add /srv/ads/chips.png --in-place",
        ),
        formatter_class=HelpFormatter,
    )
    add.add_argument("file", type=Path, help="the media file")
    _add_settings_options(add, with_name=True)
    add.add_argument("--replace", action="store_true", help="overwrite an existing item of the same name")
    add.add_argument(
        "--in-place",
        action="store_true",
        help="catalog the file where it is instead of copying it (it must then stay there)",
    )
    add.set_defaults(handler=_add)

    add_text = sub.add_parser(
        "add-text",
        help="add a text slide the player renders from title and body",
        description="Add a slide of text (a headline and a body in two colours) that the player draws itself: "
        "opening hours, a notice, a price. No file is needed.",
        epilog=examples(
            'signage content add-text store_hours --title "Open late" --body "6 am to midnight"',
            'signage content add-text rain_notice --title "Umbrellas at the till" --tags weather --duration-s 6',
        ),
        formatter_class=HelpFormatter,
    )
    add_text.add_argument("name", help="catalog name: lower-case letters, digits and _ (e.g. store_hours)")
    add_text.add_argument("--title", required=True, help="the slide's headline")
    add_text.add_argument("--body", default="", help="the slide's text under the headline")
    add_text.add_argument("--background", default="#202020", help="background colour #rrggbb (default %(default)s)")
    add_text.add_argument("--foreground", default="#ffffff", help="text colour #rrggbb (default %(default)s)")
    add_text.add_argument("--duration-s", type=float, default=10.0, help="display time in seconds (default %(default)g)")
    add_text.add_argument("--tags", default="", help="comma-separated tags, e.g. finance_news,morning")
    add_text.add_argument("--valid-from", help="first day it may be shown, YYYY-MM-DD (inclusive)")
    add_text.add_argument("--valid-until", help="last day it may be shown, YYYY-MM-DD (inclusive)")
    add_text.add_argument(
        "--age-restricted", action="store_true", help="never show while minors may be present (alcohol, tobacco)"
    )
    add_text.add_argument("--replace", action="store_true", help="overwrite an existing item of the same name")
    add_db_option(add_text)
    add_text.set_defaults(handler=_add_text)

    listing = sub.add_parser(
        "list",
        help="list the library as a table",
        description="List every item of the library (or those with one tag): kind, length, size, tags, "
        "the dates it may be shown, whether it is for adults only, and its title.",
        epilog=examples("signage content list", "signage content list --tag alcohol"),
        formatter_class=HelpFormatter,
    )
    listing.add_argument("--tag", help="only items with this tag")
    add_db_option(listing)
    listing.set_defaults(handler=_list)

    show = sub.add_parser(
        "show",
        help="show everything the catalog knows about one item",
        description="Show one item in full: its file, size, length, tags, dates, the adults-only flag and, "
        "for a text slide, its text and colours.",
        epilog=examples("signage content show beer_promo"),
        formatter_class=HelpFormatter,
    )
    show.add_argument("name", help="catalog name of the item")
    add_db_option(show)
    show.set_defaults(handler=_show)

    remove = sub.add_parser(
        "remove",
        help="remove an item from the catalog (its file stays)",
        description="Remove an item from the catalog. It is refused while playlists list the item (they are "
        "named) unless --force is given. The file is kept; importing it again reuses it.",
        epilog=examples(
            "# the slide of the add-text example (no playlist lists it)",
            "signage content remove store_hours",
            "# in use: evening_drinks skips it from then on",
            "signage content remove beer_promo --force",
        ),
        formatter_class=HelpFormatter,
    )
    remove.add_argument("name", help="catalog name of the item")
    remove.add_argument(
        "--force", action="store_true", help="remove it even while playlists list it (they skip it from then on)"
    )
    add_db_option(remove)
    remove.set_defaults(handler=_remove)

    scan = sub.add_parser(
        "scan",
        help="import every media file under a folder; rescans pick up changed and deleted files",
        description="Catalog every media file under a folder where it is (nothing is copied: the folder is "
        "the store's, kept up to date by hand or by a sync). Subfolder names become tags (snacks/chips.png "
        "is tagged snacks). An optional content.yaml in the folder maps file paths to name, title, tags, "
        "duration_s (images), valid_from, valid_until and age_restricted. A file that cannot be used is "
        "listed with its reason; the rest is imported. Exits non-zero only when the folder or its "
        "content.yaml cannot be used.",
        epilog=examples("signage content scan /srv/ads", "signage content scan /srv/ads --tags winter --image-duration-s 6"),
        formatter_class=HelpFormatter,
    )
    scan.add_argument("folder", type=Path, help="the folder of ads")
    scan.add_argument("--tags", default="", help="comma-separated tags to give every file of this scan")
    scan.add_argument(
        "--image-duration-s",
        type=float,
        default=8.0,
        help="display time of images content.yaml gives none (default %(default)g)",
    )
    add_db_option(scan)
    scan.set_defaults(handler=_scan)

    samples = sub.add_parser(
        "samples",
        help="draw the built-in sample ads and add them to the library",
        description="Draws 8 images and videos and registers them and a text slide (brand_welcome, snacks_chips, "
        "beer_promo, ...). Nothing is downloaded; running it again changes nothing.",
        epilog=examples("signage content samples", "signage content samples --folder /tmp/sample_ads"),
        formatter_class=HelpFormatter,
    )
    samples.add_argument("--folder", type=Path, help="where to draw the files (default: the media folder in the data folder)")
    add_db_option(samples)
    samples.set_defaults(handler=_samples)


def _add_settings_options(parser: argparse.ArgumentParser, with_name: bool) -> None:
    if with_name:
        parser.add_argument("--name", help="catalog name (default: from the file name, e.g. chips_large)")
    parser.add_argument("--title", help="title shown in the editor (default: from the file name)")
    parser.add_argument("--tags", default="", help="comma-separated tags, e.g. snacks,sweets")
    parser.add_argument(
        "--duration-s", type=float, help="display time of an image in seconds (default 8; a video plays its own length)"
    )
    parser.add_argument("--valid-from", help="first day it may be shown, YYYY-MM-DD (inclusive)")
    parser.add_argument("--valid-until", help="last day it may be shown, YYYY-MM-DD (inclusive)")
    parser.add_argument(
        "--age-restricted", action="store_true", help="never show while minors may be present (alcohol, tobacco)"
    )
    add_db_option(parser)


def _library(args: argparse.Namespace):
    from content.catalog import ContentLibrary

    return ContentLibrary(open_db(args.db))


def _date(value: str | None, option: str):
    """The option's date, or a one-line DataError naming the option."""
    from content.catalog import parse_date

    return parse_date(value, option)


def _add(args: argparse.Namespace) -> int:
    from foundation.paths import library_dir

    library = _library(args)
    settings = dict(
        name=args.name,
        title=args.title,
        tags=args.tags,
        duration_s=args.duration_s,
        valid_from=_date(args.valid_from, "--valid-from"),
        valid_until=_date(args.valid_until, "--valid-until"),
        age_restricted=args.age_restricted,
        replace=args.replace,
    )
    if args.in_place:
        item = library.add_file(args.file, **settings)
        print(f"added {item.name}: {_summary(item)}")
        print(f"  the catalog uses {item.path} where it is: keep the file there")
        return 0
    result = library.import_file(args.file, library_dir(), **settings)
    item = result.item
    if result.reused:
        print(f"already in the library as {item.name} ({item.path}): nothing added")
        return 0
    print(f"added {item.name}: {_summary(item)}")
    if result.copied_to is not None:
        print(f"  copied to {result.copied_to}")
    return 0


def _add_text(args: argparse.Namespace) -> int:
    library = _library(args)
    item = library.add_text(
        args.name,
        args.title,
        args.body,
        duration_s=args.duration_s,
        tags=args.tags,
        background=args.background,
        foreground=args.foreground,
        valid_from=_date(args.valid_from, "--valid-from"),
        valid_until=_date(args.valid_until, "--valid-until"),
        age_restricted=args.age_restricted,
        replace=args.replace,
    )
    print(f"added {item.name}: {_summary(item)}")
    return 0


def _list(args: argparse.Namespace) -> int:
    items = _library(args).items(tag=args.tag)
    if not items:
        print(f"no content items tagged {args.tag}" if args.tag else "no content items (add some: signage content add FILE)")
        return 0
    header = ("NAME", "KIND", "SECONDS", "SIZE", "TAGS", "VALID", "18+", "TITLE")
    rows = [
        (
            item.name,
            item.kind.value,
            f"{item.duration_s:g}",
            f"{item.width_px}x{item.height_px}" if item.width_px else "-",
            ",".join(item.tags) or "-",
            item.validity(),
            "yes" if item.age_restricted else "",
            item.title,
        )
        for item in items
    ]
    widths = [max(len(row[column]) for row in (header, *rows)) for column in range(len(header) - 1)]
    for row in (header, *rows):
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths)) + "  " + row[-1])
    print(f"{len(items)} item{'s' if len(items) != 1 else ''}")
    return 0


def _show(args: argparse.Namespace) -> int:
    item = _library(args).item(args.name)
    lines = [
        ("name", item.name),
        ("kind", item.kind.value),
        ("title", item.title),
        ("duration", f"{item.duration_s:g} s"),
        ("tags", ", ".join(item.tags) or "-"),
        ("valid", item.validity()),
        ("age restricted", "yes" if item.age_restricted else "no"),
    ]
    if item.path is not None:
        lines += [
            ("file", item.path),
            ("size", f"{item.width_px}x{item.height_px} px, {item.size_bytes} bytes"),
        ]
    if item.text is not None:
        lines += [
            ("body", item.text.body or "-"),
            ("colours", f"{item.text.foreground} on {item.text.background}"),
        ]
    width = max(len(key) for key, _ in lines)
    for key, value in lines:
        print(f"{key.ljust(width)}  {value}")
    return 0


def _remove(args: argparse.Namespace) -> int:
    from playlists.store import PlaylistStore
    from foundation.errors import InUseError

    library = _library(args)
    library.item(args.name)  # an unknown name fails here, with suggestions
    users = [p.name for p in PlaylistStore(library.db).playlists() if any(i.content == args.name for i in p.items)]
    if users and not args.force:
        raise InUseError(
            f"content {args.name!r} is in playlist{'s' if len(users) > 1 else ''} {', '.join(users)}: "
            "take it out of them first, or remove it with --force (they then skip it)"
        )
    item = library.remove(args.name)
    print(f"removed {item.name}" + (f" (the file {item.path} is kept)" if item.path else ""))
    if users:
        print(f"  playlists that listed it skip it from now on: {', '.join(users)}")
    return 0


def _scan(args: argparse.Namespace) -> int:
    from foundation.limits import printable_path

    library = _library(args)
    report = library.scan(args.folder, tags=args.tags, image_duration_s=args.image_duration_s)

    def where(path: str | Path) -> str:
        # printable: a file name that is not UTF-8 is listed with \xNN escapes (printing
        # its surrogate escapes would end the command with UnicodeEncodeError)
        try:
            return printable_path(Path(path).relative_to(report.folder).as_posix())
        except ValueError:
            return printable_path(path)

    for verb, items in (("added", report.added), ("updated", report.updated), ("removed", report.removed)):
        for item in items:
            print(f"{verb} {item.name} ({where(item.path)})")
    for path, reason in report.rejected:
        print(f"rejected {where(path)}: {reason}")
    print(
        f"{report.folder}: {len(report.added)} added, {len(report.updated)} updated, {len(report.unchanged)} unchanged, "
        f"{len(report.removed)} removed, {len(report.rejected)} rejected"
    )
    return 0


def _samples(args: argparse.Namespace) -> int:
    from content.samples import build_sample_content
    from foundation.paths import media_dir

    folder = args.folder or media_dir()
    items = build_sample_content(folder, _library(args))
    for item in items:
        print(f"{item.name}: {_summary(item)}")
    print(f"{len(items)} sample items in the library (files in {folder})")
    return 0


def _summary(item) -> str:
    size = f", {item.width_px}x{item.height_px}" if item.width_px else ""
    tags = f", tags {','.join(item.tags)}" if item.tags else ""
    restricted = ", age restricted" if item.age_restricted else ""
    return f"{item.kind.value}{size}, {item.duration_s:g} s{tags}{restricted}"
