"""File → Back up… in the window: worker thread, progress dialog, cancel, the Settings line and the hint."""

from __future__ import annotations

import asyncio
import threading
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from kurum_masaustu.app import Services
from kurum_masaustu.demo.seed import seed_demo_profile
from kurum_masaustu.rules.policy import Policy
from kurum_masaustu.services import backup as backup_service
from kurum_masaustu.settings import Settings
from kurum_masaustu.ui import backup_dialog
from kurum_masaustu.ui.backup_dialog import BackupProgress
from kurum_masaustu.ui.main_window import MainWindow
from kurum_masaustu.ui.settings_dialog import SettingsDialog


@pytest.fixture
def window(qtbot: QtBot, qloop: asyncio.AbstractEventLoop, services: Services) -> MainWindow:
    seed_demo_profile(services.profile)
    win = MainWindow(services)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


class _HeldWorker:
    """Holds the real ``write_backup`` in its worker thread until released (a slow USB stick)."""

    def __init__(self) -> None:
        self.started = threading.Event()
        self.release = threading.Event()
        self.thread: str | None = None

    def __call__(self, *args: Any) -> Any:
        self.thread = threading.current_thread().name
        self.started.set()
        assert self.release.wait(10)
        return backup_service.write_backup(*args)


def _patch(monkeypatch: pytest.MonkeyPatch, target: Path, worker: Callable[..., Any]) -> tuple[list[str], list[str]]:
    told: list[str] = []
    warned: list[str] = []
    monkeypatch.setattr(backup_dialog, "ask_backup_path", lambda _parent: target)
    monkeypatch.setattr(backup_dialog, "write_backup", worker)
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
    return told, warned


def test_the_file_menu_writes_a_backup_through_the_worker_with_progress(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "kurum-masaustu-yedek-2026-11-26.zip"
    worker = _HeldWorker()
    told, warned = _patch(monkeypatch, target, worker)
    window._show_backup_hint()
    assert window.backup_hint is not None
    assert not window.backup_hint.isHidden()

    window.backup_action.trigger()
    qtbot.waitUntil(worker.started.is_set)
    dialog = window.findChild(BackupProgress, "backupProgress")
    assert dialog is not None
    assert dialog.isVisible()
    assert not window.backup_action.isEnabled()  # no second backup meanwhile
    assert worker.thread != threading.main_thread().name
    window.calendar.go_to_today()  # the window still answers while the backup runs
    worker.release.set()

    qtbot.waitUntil(lambda: bool(told), timeout=20000)
    assert warned == []
    assert str(target) in told[0]
    with zipfile.ZipFile(target) as archive:
        assert "kurum.sqlite3" in archive.namelist()
    backup_service.verify_backup(target)
    assert window.backup_action.isEnabled()
    assert window.findChild(BackupProgress, "backupProgress") is None or not dialog.isVisible()
    stored = Settings.load(window.services.profile.settings_file)
    assert stored.last_backup_at == window.services.settings.last_backup_at != ""
    assert window.backup_hint.isHidden()  # the reminder went away


def test_cancel_in_the_progress_dialog_leaves_no_file(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "yedek.zip"
    worker = _HeldWorker()
    told, _warned = _patch(monkeypatch, target, worker)
    window.backup_action.trigger()
    qtbot.waitUntil(worker.started.is_set)
    dialog = window.findChild(BackupProgress, "backupProgress")
    assert dialog is not None
    cancel = dialog.findChild(QPushButton)
    assert cancel is not None
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.stop.is_set)
    worker.release.set()
    qtbot.waitUntil(lambda: bool(told), timeout=20000)
    assert "durduruldu" in told[0] or "cancelled" in told[0]
    assert list(tmp_path.glob("*.zip")) == []
    assert list(tmp_path.glob(".yedek.zip.*")) == []
    assert window.services.settings.last_backup_at == ""


def test_a_folder_that_cannot_be_written_is_explained_and_nothing_is_lost(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "yok" / "yedek.zip"  # the USB stick was pulled out
    told, warned = _patch(monkeypatch, target, backup_service.write_backup)
    window.backup_action.trigger()
    qtbot.waitUntil(lambda: bool(warned), timeout=20000)
    assert told == []
    assert not target.exists()
    assert window.services.settings.last_backup_at == ""


def test_settings_show_the_last_backup(qtbot: QtBot, tmp_path: Path) -> None:
    settings = Settings(last_backup_at=datetime(2026, 11, 20, 9, 30, tzinfo=UTC).isoformat())
    dialog = SettingsDialog(settings, tmp_path / "settings.json", Policy())
    qtbot.addWidget(dialog)
    assert dialog.last_backup_label.text().startswith("20.11.2026")
    never = SettingsDialog(Settings(), tmp_path / "settings.json", Policy())
    qtbot.addWidget(never)
    assert never.last_backup_label.text() in ("Never", "Hiç alınmadı")


def test_the_hint_stays_away_for_a_recent_backup(window: MainWindow) -> None:
    window.services.settings.last_backup_at = (datetime.now(UTC) - timedelta(days=3)).isoformat()
    window._show_backup_hint()
    assert window.backup_hint is not None
    assert window.backup_hint.isHidden()
    window.services.settings.last_backup_at = (datetime.now(UTC) - timedelta(days=31)).isoformat()
    window._show_backup_hint()
    assert not window.backup_hint.isHidden()


def test_no_reminder_for_a_new_empty_profile_or_the_demo(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, services: Services
) -> None:
    empty = MainWindow(services)
    qtbot.addWidget(empty)
    empty._show_backup_hint()
    assert empty.backup_hint is None or empty.backup_hint.isHidden()  # nothing made yet: nothing to keep
    seed_demo_profile(services.profile)
    demo = MainWindow(services, demo=True)
    qtbot.addWidget(demo)
    demo._show_backup_hint()
    assert demo.backup_hint is None or demo.backup_hint.isHidden()  # a throwaway training profile
    work = MainWindow(services)
    qtbot.addWidget(work)
    work._show_backup_hint()
    assert work.backup_hint is not None
    assert not work.backup_hint.isHidden()  # posts and never a backup: remind
