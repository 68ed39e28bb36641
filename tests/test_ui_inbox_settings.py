"""The inbox's settings: business hours, working days, response target and the spike rule,
kept in the profile, refused in Turkish when they cannot work, in effect without a restart."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from kurum_masaustu.app import Services
from kurum_masaustu.i18n import install_translators
from kurum_masaustu.rules.inbox_settings import InboxSettings, problems
from kurum_masaustu.rules.policy import Policy
from kurum_masaustu.settings import Settings
from kurum_masaustu.ui.settings_dialog import SettingsDialog

SCREENSHOTS = os.environ.get("KURUM_SCREENSHOT_DIR")


def test_values_that_cannot_work_are_named() -> None:
    assert problems(InboxSettings()) == []
    assert problems(InboxSettings(start_hour=17, end_hour=9)) == ["hours_order"]
    assert problems(InboxSettings(weekdays=frozenset())) == ["no_weekday"]
    assert problems(InboxSettings(target_minutes=5)) == ["target_range"]
    assert problems(InboxSettings(spike_window_minutes=3000, spike_min_count=1, spike_ratio=1.0)) == [
        "window_range",
        "min_count_range",
        "ratio_range",
    ]


def test_a_hand_broken_settings_file_gives_the_default_inbox_settings(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"business_weekdays": [0, "pazar"], "spike_ratio": 4}), encoding="utf-8")
    loaded = Settings.load(path)
    assert loaded.spike_ratio == 4.0  # a whole number written by hand still counts
    assert loaded.inbox() == InboxSettings()  # "pazar" is not a weekday: defaults, not a crash
    path.write_text(json.dumps({"business_weekdays": [5, 6], "spike_window_minutes": 60}), encoding="utf-8")
    office = Settings.load(path).inbox()
    assert office.weekdays == frozenset({5, 6})
    assert office.spike_rule().window == timedelta(hours=1)


def _dialog(qtbot: QtBot, tmp_path: Path, settings: Settings) -> SettingsDialog:
    settings.save(tmp_path / "settings.json")
    dialog = SettingsDialog(settings, tmp_path / "settings.json", Policy())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_inbox_page_saves_to_the_profile(qtbot: QtBot, tmp_path: Path) -> None:
    settings = Settings()
    dialog = _dialog(qtbot, tmp_path, settings)
    page = dialog.inbox_page
    dialog.tabs.setCurrentWidget(page)
    page.hours_start.setValue(9)
    page.hours_end.setValue(18)
    page.day_checks[4].setChecked(False)  # Friday off
    page.day_checks[5].setChecked(True)  # Saturday on
    page.target.setValue(120)
    page.spike_window.setValue(60)
    page.min_count.setValue(10)
    page.ratio.setValue(2.5)
    if SCREENSHOTS:
        dialog.grab().save(str(Path(SCREENSHOTS) / "settings-inbox.png"))
    dialog.save()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    stored = Settings.load(tmp_path / "settings.json").inbox()
    assert stored == InboxSettings(9, 18, frozenset({0, 1, 2, 3, 5}), 120, 60, 10, 2.5)
    assert settings.inbox() == stored  # the running app's settings object too


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda p: [c.setChecked(False) for c in p.day_checks], "Choose at least one working day."),
        (lambda p: (p.hours_start.setValue(17), p.hours_end.setValue(8)), "Business hours must end after they start."),
        (lambda p: p.spike_window.setValue(5), "The spike window must be between 15 minutes and 24 hours."),
        (lambda p: p.target.setValue(10), "The response target must be between 15 minutes and 7 days."),
    ],
)
def test_bad_values_are_refused_and_nothing_is_written(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: object, message: str
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    dialog = _dialog(qtbot, tmp_path, Settings())
    dialog.tabs.setCurrentIndex(0)
    change(dialog.inbox_page)  # type: ignore[operator]
    dialog.save()
    assert warnings
    assert message in warnings[0]
    assert dialog.isVisible()
    assert dialog.tabs.currentWidget() is dialog.inbox_page
    assert Settings.load(tmp_path / "settings.json").inbox() == InboxSettings()


def test_bad_values_are_said_in_turkish(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    translators = install_translators(qapp, "tr")
    try:
        dialog = _dialog(qtbot, tmp_path, Settings())
        assert dialog.tabs.tabText(1) == "Gelen kutusu"
        if SCREENSHOTS:
            dialog.tabs.setCurrentIndex(1)
            dialog.grab().save(str(Path(SCREENSHOTS) / "settings-inbox-tr.png"))
        for check in dialog.inbox_page.day_checks:
            check.setChecked(False)
        dialog.save()
    finally:
        for translator in translators:
            QCoreApplication.removeTranslator(translator)
        QLocale.setDefault(QLocale.c())
    assert warnings == ["En az bir çalışma günü seçin."]


def test_saved_settings_apply_without_restart(services: Services) -> None:
    """The response clock and the crisis rule follow the settings as soon as they are applied."""
    now = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)  # a Wednesday, 15:00 in Istanbul
    services.inbox._clock = lambda: now
    assert services.inbox.sla == timedelta(hours=4)
    before = services.inbox.overdue_cutoff()
    assert before == now - timedelta(hours=4)
    services.settings.response_target_minutes = 60
    services.settings.business_hours_end = 14  # closed at 14:00: the last hour of business was 13–14
    services.settings.spike_min_count = 12
    services.apply_inbox_settings()
    assert services.inbox.sla == timedelta(hours=1)
    assert services.inbox.overdue_cutoff() == datetime(2026, 11, 25, 10, 0, tzinfo=UTC)  # 13:00 Istanbul
    assert services.spike_rule().min_count == 12
