"""Building the rule book a decision reads, and seeding a fresh install.

`load_rulebook` reads the store and the catalog into one immutable `RuleBook`: the
player builds a new one whenever the store's revision changes and swaps it in one
assignment, so a decision never sees half of an edit.
"""

from __future__ import annotations

import logging
from pathlib import Path

from content.catalog import ContentLibrary
from content.samples import build_sample_content
from foundation.db import read_transaction
from playlists.decision import RuleBook
from playlists.seed import SEED_YAML
from playlists.store import PlaylistStore
from playlists.yaml_io import parse_document

log = logging.getLogger(__name__)

SEED_AUTHOR = "signage (seed)"


def load_rulebook(store: PlaylistStore, library: ContentLibrary) -> RuleBook:
    """Rules, playlists and default playlist at one revision, with the whole catalog.

    Both are read in one read transaction (one WAL snapshot) when they share a
    database, so an edit committed between the two reads cannot pair new rules with an
    old catalog.
    """
    with read_transaction(store.db):
        snapshot = store.snapshot()
        content = library.items_by_name()
    return RuleBook(
        rules=snapshot.rules,
        playlists=snapshot.playlists,
        content=content,
        default_playlist=snapshot.default_playlist,
        revision=snapshot.revision,
    )


def seed_if_new(store: PlaylistStore, library: ContentLibrary, media_folder: Path, *, asked: bool = False) -> bool:
    """On a database this process just created, add the sample content and the seed rules.

    Returns True when it seeded. Only a database `foundation.db.open_database` created
    new in this open is seeded, never one that existed before (even with no rules: a
    store whose rules were all deleted on purpose, or one that only has content) and
    never the new one that replaced a damaged database moved aside: its rules are in the
    moved file, and sample ads in their place would hide that. Either way it says so.

    `asked`: the user asked for the seed (`signage rules seed`): an existing database
    whose rules and playlists were never changed is seeded too (still never one that
    replaced a damaged database in this open, nor a store with any history).
    """
    from foundation.db import database_origin

    if store.revision() > 0:
        return False
    origin = database_origin(store.db)
    where = "the database" if origin is None or origin.path is None else str(origin.path)
    if origin is not None and origin.moved_aside is not None:
        log.warning("%s is new in place of a damaged database (moved aside to %s): not seeding the sample "
                    "ads into it; whatever it held is in the moved file", where, origin.moved_aside)
        return False
    if not asked and (origin is None or not origin.created):
        log.info("%s existed before: not seeding the sample content and rules into it "
                 "(`signage rules seed` does, `signage rules import` loads rules)", where)
        return False
    build_sample_content(media_folder, library)
    document = parse_document(SEED_YAML, "playlists/seed.py", known_content=library.items_by_name())
    store.replace_all(document, author=SEED_AUTHOR, source="seed")
    log.info("%s: seeded the sample content into %s and the convenience-store rules", where, media_folder)
    return True
