"""`signage editor`: the rule editor window for marketers."""

from __future__ import annotations

import argparse
from pathlib import Path

from signage.cli_common import add_db_option


def register(commands: argparse._SubParsersAction) -> None:
    """Add the `editor` command."""
    editor = commands.add_parser(
        "editor",
        help="open the rule editor: rules, suggestions, playlists, what would play, reports",
        description="The marketer's window onto the same database the player uses (safe while it runs).",
    )
    add_db_option(editor)
    editor.add_argument("--config", type=Path, help="config file (decision settings; default: `signage config path`)")
    editor.add_argument("--author", help="name recorded in the version history (default: $SIGNAGE_AUTHOR or login)")
    editor.set_defaults(handler=_editor)


def _editor(args: argparse.Namespace) -> int:
    from PySide6.QtWidgets import QApplication

    from playlists.rulebook import seed_if_new
    from signage.cli_common import open_db
    from signage.config import load_config
    from signage.editor.context import EditorContext
    from signage.editor.window import EditorWindow
    from foundation.paths import media_dir
    from signage.player.app import route_qt_messages

    config = load_config(args.config)
    route_qt_messages()
    app = QApplication.instance() or QApplication(["signage editor"])
    context = EditorContext(open_db(args.db), config, args.author or "")
    seed_if_new(context.store, context.library, media_dir())
    window = EditorWindow(context)
    window.show()
    return app.exec()
