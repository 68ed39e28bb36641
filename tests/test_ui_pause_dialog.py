"""Pausing with an automatic end: the dialog asks for a future end, the window ends the pause then."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QDateTime, QTimeZone
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from kurum_masaustu.app import Services
from kurum_masaustu.rules.timeutil import ISTANBUL
from kurum_masaustu.ui.main_window import MainWindow
from kurum_masaustu.ui.pause_dialog import PauseDialog

NOW = datetime(2026, 12, 3, 8, 0, tzinfo=UTC)  # 11:00 in Istanbul


def _set_until(dialog: PauseDialog, local: datetime) -> None:
    dialog.until_check.setChecked(True)
    dialog.until_edit.setDateTime(QDateTime.fromSecsSinceEpoch(int(local.timestamp()), QTimeZone(b"Europe/Istanbul")))


def test_mourning_suggests_an_end_at_midnight_and_refuses_an_end_in_the_past(qtbot: QtBot) -> None:
    dialog = PauseDialog("mourning", clock=lambda: NOW)
    qtbot.addWidget(dialog)
    assert dialog.until() is None  # no automatic end unless asked
    dialog.until_check.setChecked(True)
    assert dialog.until() == datetime(2026, 12, 6, 0, 0, tzinfo=ISTANBUL)  # three days, ends at midnight
    assert dialog.reason() == dialog.tr("National mourning")
    _set_until(dialog, datetime(2026, 12, 3, 10, 0, tzinfo=ISTANBUL))  # an hour ago
    dialog.try_accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.message.text() == dialog.tr("The end of the pause must be in the future.")
    _set_until(dialog, datetime(2026, 12, 5, 18, 30, tzinfo=ISTANBUL))
    dialog.reason_edit.setText("Millî yas: deprem")
    dialog.try_accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.until() == datetime(2026, 12, 5, 15, 30, tzinfo=UTC)
    assert dialog.reason() == "Millî yas: deprem"


@pytest.fixture
def window(qtbot: QtBot, qloop: asyncio.AbstractEventLoop, services: Services) -> MainWindow:
    win = MainWindow(services)
    qtbot.addWidget(win)
    win.show()
    return win


def test_a_pause_with_an_end_ends_by_itself_and_the_banner_goes(
    window: MainWindow, qtbot: QtBot, services: Services
) -> None:
    window.pause_publishing("Kriz", until=datetime.now(UTC) + timedelta(seconds=1), mode="crisis")
    assert not window.pause_banner.isHidden()
    assert "Kriz" in window.pause_banner.label.text()
    qtbot.waitUntil(lambda: window.pause_banner.isHidden(), timeout=6000)
    assert services.pause.paused() is None
    assert window.crisis_action.isEnabled()
