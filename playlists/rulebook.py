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


def seed_if_new(store: PlaylistStore, library: ContentLibrary, media_folder: Path) -> bool:
    """On a store that was never changed, add the sample content and the seed rules.

    Returns True when it seeded. A store with any history (even one whose rules were all
    deleted on purpose) is left alone.
    """
    if store.revision() > 0:
        return False
    build_sample_content(media_folder, library)
    document = parse_document(SEED_YAML, "playlists/seed.py", known_content=library.items_by_name())
    store.replace_all(document, author=SEED_AUTHOR, source="seed")
    log.info("seeded sample content into %s and the convenience-store rules", media_folder)
    return True
