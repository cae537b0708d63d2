"""Qt's side of the catalogue: the editor and the player translate through `QTranslator`.

`install_qt_translator(app, language)` loads `foundation/locale/signage_<language>.qm`
(built from the `.ts` files by `scripts/i18n release`) and Qt's own `qtbase_<language>.qm`
(the texts of Qt's dialogs: OK, Cancel), sets the default `QLocale`, and routes
`foundation.i18n.tr` through `QCoreApplication.translate`, so every text on screen,
ours and Qt's, is translated by Qt.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from foundation import i18n

log = logging.getLogger(__name__)

_QT_LOCALES = {"en": QLocale.Language.English, "ko": QLocale.Language.Korean}


def _qt_translate(context: str, text: str, n: int | None) -> str:
    return QCoreApplication.translate(context, text, None, -1 if n is None else n)


def install_qt_translator(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Translate `app` into `language`; returns the installed translators (kept by `app`)."""
    language = i18n.set_language(language)
    for old in getattr(app, "_signage_translators", []):
        app.removeTranslator(old)
    installed: list[QTranslator] = []
    ours = QTranslator(app)
    if ours.load(str(i18n.qm_path(language))):
        app.installTranslator(ours)
        installed.append(ours)
    else:  # a checkout without `scripts/i18n release`: the .ts files still translate
        log.warning("no compiled catalogue %s; translating from the .ts files", i18n.qm_path(language))
    qt_own = QTranslator(app)
    if language != "en" and qt_own.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
        installed.append(qt_own)
    QLocale.setDefault(QLocale(_QT_LOCALES[language]))
    app._signage_translators = installed  # noqa: SLF001 - kept alive with the app
    i18n.set_backend(_qt_translate if ours in installed else None)
    return installed


def uninstall_qt_translator(app: QCoreApplication) -> None:
    """Back to English from the `.ts` files (tests switch languages in one process)."""
    for old in getattr(app, "_signage_translators", []):
        app.removeTranslator(old)
    app._signage_translators = []  # noqa: SLF001
    i18n.set_backend(None)
    i18n.set_language("en")
    QLocale.setDefault(QLocale(QLocale.Language.English))
