"""`signage config ...`: where the config file is and whether it is valid."""

from __future__ import annotations

import argparse
from pathlib import Path

from signage.cli_common import add_parser
from signage.config import default_config_path, load_config


def register(commands: argparse._SubParsersAction) -> None:
    """Add the `config` command group."""
    config = add_parser(
        commands, "config", "show or check the config file",
        "The config file holds the kiosk's settings in sections (audience, decision, stability, learning, "
        "player, sync, ui). These commands say where it is read from and check it: every problem names "
        "the file and the key.",
        "signage config path",
        "signage config validate",
    )
    sub = config.add_subparsers(dest="config_command", metavar="SUBCOMMAND", title="subcommands")
    sub.required = True

    path = add_parser(
        sub, "path", "print the path the config file is read from",
        "Print the config file every command reads when --config is left out: $SIGNAGE_CONFIG, else "
        "~/.config/signage/config.yaml (it need not exist: then the defaults apply).",
        "signage config path",
    )
    path.set_defaults(handler=_path)

    validate = add_parser(
        sub, "validate", "check a config file; prints OK or the first problem",
        "Read and check a config file as every command would, and print OK or its first problem, "
        "naming the file and the key (an unknown key, a wrong type, a number out of range).",
        "signage config validate",
        "signage config validate kiosk.yaml",
    )
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
