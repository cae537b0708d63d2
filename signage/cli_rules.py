"""`signage rules ...` and `signage playlists ...`: targeting rules and playlists."""

from __future__ import annotations

import argparse


def register(commands: argparse._SubParsersAction) -> None:
    """Add the `rules` and `playlists` command groups."""
    rules = commands.add_parser("rules", help="targeting rules: what plays for whom and when", description=__doc__)
    sub = rules.add_subparsers(dest="rules_command", metavar="SUBCOMMAND", title="subcommands")
    sub.required = True
