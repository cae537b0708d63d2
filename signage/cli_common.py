"""What every command that works on the signage database shares: its `--db` option."""

from __future__ import annotations

import argparse
from pathlib import Path


def add_db_option(parser: argparse.ArgumentParser) -> None:
    """`--db PATH`, defaulting to `foundation.paths.database_path()`."""
    parser.add_argument(
        "--db", type=Path, help="signage database file (default: $SIGNAGE_DB, else signage.db in the data folder)"
    )


def open_db(path: Path | None):
    """The database at `path`, else the installation's (`foundation.paths.database_path()`)."""
    from foundation.db import open_database
    from foundation.paths import database_path

    return open_database(path or database_path())
