"""Installing Qt translators: Qt's own strings and ours, Turkish by default."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from kurum_masaustu.paths import translations_dir

log = logging.getLogger(__name__)


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load Qt's and the app's translations for ``language``; returns them (keep them alive).

    English is the source language; its translation file only adds the plural forms.
    """
    QLocale.setDefault(
        QLocale(
            QLocale.Language.Turkish if language == "tr" else QLocale.Language.English,
            QLocale.Country.Turkey if language == "tr" else QLocale.Country.UnitedKingdom,
        )
    )
    installed: list[QTranslator] = []
    qt_translator = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if language != "en" and qt_translator.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt_translator)
        installed.append(qt_translator)
    folder = translations_dir()
    app_translator = QTranslator(app)
    if folder is not None and app_translator.load(f"kurum_masaustu_{language}", str(folder)):
        app.installTranslator(app_translator)
        installed.append(app_translator)
    else:
        log.error("translation %r not found (looked in %s); the interface stays in English", language, folder)
    return installed
