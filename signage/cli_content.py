"""`signage content ...`: the media library (add, list, show, remove, scan, samples)."""

from __future__ import annotations

import argparse


def register(commands: argparse._SubParsersAction) -> None:
    """Add the `content` command group."""
    content = commands.add_parser("content", help="manage the media library", description=__doc__)
    sub = content.add_subparsers(dest="content_command", metavar="SUBCOMMAND", title="subcommands")
    sub.required = True
