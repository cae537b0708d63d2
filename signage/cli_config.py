"""`signage config ...`: where the config file is and whether it is valid."""

from __future__ import annotations

import argparse
from pathlib import Path

from signage.config import default_config_path, load_config


def register(commands: argparse._SubParsersAction) -> None:
    """Add the `config` command group."""
    config = commands.add_parser("config", help="show or check the config file", description=__doc__)
    sub = config.add_subparsers(dest="config_command", metavar="SUBCOMMAND", title="subcommands")
    sub.required = True

    path = sub.add_parser("path", help="print the path the config file is read from")
    path.set_defaults(handler=_path)

    validate = sub.add_parser("validate", help="check a config file; prints OK or the first problem")
    validate.add_argument(
        "file", nargs="?", type=Path, help="config file to check (default: the one `config path` prints)"
    )
    validate.set_defaults(handler=_validate)


def _path(args: argparse.Namespace) -> int:
    print(default_config_path())
    return 0


def _validate(args: argparse.Namespace) -> int:
    config = load_config(args.file, required=True)
    print(f"{config.source}: OK")
    return 0
