"""The main window in each shipped language; Turkish is complete and the default."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kurum_masaustu.app import Services
from kurum_masaustu.i18n import install_translators
from kurum_masaustu.settings import Settings
from kurum_masaustu.ui.main_window import MainWindow


@pytest.fixture
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    translators = install_translators(qapp, request.param)
    yield request.param
    for translator in translators:
        QCoreApplication.removeTranslator(translator)
    QLocale.setDefault(QLocale.c())


def _texts(window: MainWindow) -> dict[str, str]:
    return {
        "schedule": window.composer.schedule_button.text(),
        "save": window.composer.save_button.text(),
        "composer": window.composer_dock.windowTitle(),
        "inbox": window.inbox_dock.windowTitle(),
        "file_menu": window.menuBar().actions()[0].text(),
        "today": window.calendar.today_button.text(),
    }


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("tr", {"schedule": "Zamanla", "save": "Taslak olarak kaydet", "inbox": "Gelen kutusu", "today": "Bugün"}),
        ("en", {"schedule": "Schedule", "save": "Save draft", "inbox": "Inbox", "today": "Today"}),
    ],
    indirect=["language"],
)
def test_main_window_speaks_the_chosen_language(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, services: Services, language: str, expected: dict[str, str]
) -> None:
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    texts = _texts(window)
    for key, value in expected.items():
        assert texts[key] == value
    if language == "tr":
        assert texts["file_menu"].replace("&", "") == "Dosya"
        assert window.calendar.summary_label.text().startswith("Bu ay")
        assert window.calendar.month_label.text().split()[0] in {
            "Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran",
            "Temmuz", "Ağustos", "Eylül", "Ekim", "Kasım", "Aralık",
        }  # fmt: skip
    else:
        assert window.composer.counter_label.text() == "0 characters"


def test_turkish_is_the_default_language() -> None:
    assert Settings().language == "tr"
