"""`signage editor`: the rule editor window for marketers, in English or Korean.

The editor speaks the language of `--lang` (the global option), else the config's
`ui.language`, else the system locale (`foundation.i18n.resolve_language`), through Qt's
own translator. `--screenshots DIR` opens it offscreen instead, saves a picture of every
tab and quits: the README's pictures are made that way, in each language.
"""

from __future__ import annotations

import argparse
import logging
import os
from pathlib import Path

from signage.cli_common import (
    HelpFormatter,
    add_author_option,
    add_config_option,
    add_db_option,
    author_of,
    examples,
)

log = logging.getLogger(__name__)

# The audience and time the simulator shows in a screenshot: students after school on a
# weekday, the seed rules' clearest case (a picture of "now" would change by the hour).
SCREENSHOT_AUDIENCE = {"age_group": "teen", "attire": "school_uniform", "group_size": 3}
SCREENSHOT_QUICK_TIME = "Weekday 16:10"


def register(commands: argparse._SubParsersAction) -> None:
    """Add the `editor` command."""
    editor = commands.add_parser(
        "editor",
        help="open the rule editor: rules, suggestions, playlists, what would play, reports",
        description=(
            "Open the marketer's window onto the same database the player uses (safe while it runs): "
            "rules, suggestions, playlists and content, what would play for whom, and reports. It speaks "
            "the language of --lang, else the config's ui.language, else the system's."
        ),
        epilog=examples(
            "signage editor",
            "# in Korean, on another database",
            "signage --lang ko editor --db /srv/signage/signage.db",
            "# a picture of every tab, for documentation (no window opens)",
            "signage editor --screenshots docs/screenshots",
        ),
        formatter_class=HelpFormatter,
    )
    add_db_option(editor)
    add_config_option(editor)
    add_author_option(editor)
    editor.add_argument(
        "--screenshots", type=Path, metavar="DIR",
        help="open the editor offscreen, save every tab as DIR/editor-LANG-N-TAB.png and quit",
    )
    editor.set_defaults(handler=_editor)


def _editor(args: argparse.Namespace) -> int:
    from foundation.i18n import resolve_language
    from signage.config import load_config

    config = load_config(args.config)
    # The global --lang of the CLI, when it has one; the config; the locale.
    language = resolve_language(getattr(args, "lang", None), config.ui.language)
    if args.screenshots is not None and not _has_application():
        # No window may open: the pictures are drawn by Qt's offscreen platform.
        os.environ["QT_QPA_PLATFORM"] = "offscreen"

    from PySide6.QtWidgets import QApplication

    from foundation.paths import media_dir
    from playlists.rulebook import seed_if_new
    from signage.cli_common import open_db
    from signage.editor.context import EditorContext
    from signage.editor.window import EditorWindow
    from signage.i18n_qt import install_qt_translator
    from signage.player.app import route_qt_messages

    route_qt_messages()
    app = QApplication.instance() or QApplication(["signage editor"])
    # Before any widget is made: every tab reads its texts when it is built.
    install_qt_translator(app, language)
    context = EditorContext(open_db(args.db), config, author_of(args))
    seed_if_new(context.store, context.library, media_dir())
    window = EditorWindow(context)
    if args.screenshots is not None:
        try:
            paths = save_screenshots(window, args.screenshots, language)
        finally:
            window.close()
            context.db.close()
        for path in paths:
            print(path)
        return 0
    window.show()
    return app.exec()


def _has_application() -> bool:
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() is not None


def tab_slug(tab) -> str:
    """A tab's name in a file name, the same in every language: 'rules', 'simulator'."""
    return type(tab).__name__.removesuffix("Tab").lower() or "tab"


def save_screenshots(window, folder: Path, language: str) -> list[Path]:
    """Show `window` (offscreen), grab each tab into `folder`/editor-<language>-<n>-<tab>.png.

    A tab that scrolls (the reports) also gets its whole page, `...-<tab>-whole.png`. The
    simulator is set to students after school on the day of the latest logged audience
    (else a weekday), and the reports to everything logged, so the pictures show
    something telling whatever the date.
    """
    from PySide6.QtWidgets import QApplication, QScrollArea

    from foundation.errors import DataError

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)  # an OSError becomes one line in signage.cli.main
    window.show()
    _stage_for_screenshots(window)
    paths = []

    def save(picture, name: str) -> None:
        path = folder / name
        if not picture.save(str(path), "PNG"):
            raise DataError(f"{path}: could not write the screenshot")
        log.info("screenshot %s (%sx%s)", path, picture.width(), picture.height())
        paths.append(path)

    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        for _ in range(3):  # layouts, then charts, settle over a few event loop turns
            QApplication.processEvents()
        tab = window.tabs.widget(index)
        stem = f"editor-{language}-{index + 1}-{tab_slug(tab)}"
        save(window.grab(), f"{stem}.png")
        for scroll in tab.findChildren(QScrollArea):
            page = scroll.widget()
            if scroll.isVisible() and page is not None and page.height() > scroll.viewport().height():
                save(page.grab(), f"{stem}-whole.png")
                break
    return paths


def _stage_for_screenshots(window) -> None:
    import datetime as dt

    from playlists.reports import last_sample_at

    simulator = getattr(window, "simulator", None)
    if simulator is not None:
        combos = {"age_group": simulator.age_combo, "attire": simulator.attire_combo}
        for key, combo in combos.items():
            combo.setCurrentIndex(max(0, combo.findData(SCREENSHOT_AUDIENCE[key])))
        simulator.group_spin.setValue(SCREENSHOT_AUDIENCE["group_size"])
        latest = last_sample_at(window.context.db)
        if latest is not None:
            simulator.set_when(dt.datetime.combine(latest.date(), dt.time(16, 10)))
        elif (button := simulator.quick_buttons.get(SCREENSHOT_QUICK_TIME)) is not None:
            button.click()
    reports = getattr(window, "reports", None)
    if reports is not None and hasattr(reports, "show_from_first_play"):
        reports.show_from_first_play()
