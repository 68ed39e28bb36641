"""Crash handling: a failing slot is logged and reported, and the app keeps running."""

from __future__ import annotations

import asyncio
import os
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from kurum_masaustu import crash
from kurum_masaustu.crash import (
    FAULTS_FILE_NAME,
    PREVIOUS_FAULTS_FILE_NAME,
    CrashReporter,
    disable_faulthandler,
    enable_faulthandler,
    install_excepthook,
    uninstall_excepthook,
)
from kurum_masaustu.logging_setup import LOG_FILE_NAME, setup_logging, teardown_logging
from kurum_masaustu.paths import Profile

SRC = Path(__file__).resolve().parents[1] / "src"


class FailingWindow(QMainWindow):
    """A real window whose slot raises."""

    def __init__(self) -> None:
        super().__init__()
        self.button = QPushButton("Publish", self)
        self.setCentralWidget(self.button)
        self.ticks = 0

    def publish_now(self) -> None:
        raise RuntimeError("yayın başarısız access_token=tok-in-crash-123")

    def tick(self) -> None:
        self.ticks += 1


@pytest.fixture
def reporter(profile: Profile) -> Iterator[CrashReporter]:
    setup_logging(profile.log_dir)
    reporter = CrashReporter(profile.log_dir)
    install_excepthook(reporter)
    yield reporter
    uninstall_excepthook()
    reporter.close_dialog()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert _crash_dialogs() == []
    teardown_logging()


def _log_text(profile: Profile) -> str:
    return (profile.log_dir / LOG_FILE_NAME).read_text(encoding="utf-8")


def _crash_dialogs() -> list[QMessageBox]:
    """Crash dialogs that exist (a dialog is a window, so listed even when it has a parent)."""
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.objectName() == "crashDialog"]


@pytest.mark.qt_no_exception_capture
def test_failing_slot_is_logged_shown_and_app_survives(qtbot: QtBot, reporter: CrashReporter, profile: Profile) -> None:
    db_path = profile.root / "work.sqlite3"
    with sqlite3.connect(db_path) as db:
        db.execute("CREATE TABLE drafts (id INTEGER PRIMARY KEY, body TEXT)")
        db.execute("INSERT INTO drafts (body) VALUES (?)", ("Kaydedilmiş taslak: Cumhuriyet Bayramı",))
    db.close()

    window = FailingWindow()
    qtbot.addWidget(window)
    window.show()
    reporter.set_main_window(window)

    with qtbot.waitSignal(reporter.crashed, timeout=3000) as crashed:
        QTimer.singleShot(0, window.publish_now)
    qtbot.waitUntil(lambda: reporter.last_dialog is not None and reporter.last_dialog.isVisible(), timeout=3000)

    # Logged with the full traceback, redacted.
    log = _log_text(profile)
    assert "ERROR    kurum_masaustu.crash" in log
    assert "Traceback (most recent call last)" in log
    assert "in publish_now" in log
    assert "RuntimeError: yayın başarısız access_token=***" in log
    assert "tok-in-crash-123" not in log
    assert "tok-in-crash-123" not in crashed.args[0]

    # One non-blocking dialog, parented to the main window.
    box = reporter.last_dialog
    assert box is not None
    assert box.parentWidget() is window
    assert box.windowTitle() == "Unexpected error"
    assert box.text() == ("Something went wrong. Your saved work is safe; the details were written to the log file.")
    assert str(profile.log_dir / LOG_FILE_NAME) in box.informativeText()
    assert "in publish_now" in box.detailedText()
    assert "tok-in-crash-123" not in box.detailedText()
    assert box.isVisible()

    # The app keeps running: the event loop still delivers timers and the window is alive.
    QTimer.singleShot(10, window.tick)
    qtbot.waitUntil(lambda: window.ticks == 1, timeout=2000)
    assert window.isVisible()

    # Saved work is intact (and nothing but the log was written by the crash handler).
    with sqlite3.connect(db_path) as db:
        rows = db.execute("SELECT body FROM drafts").fetchall()
    db.close()
    assert rows == [("Kaydedilmiş taslak: Cumhuriyet Bayramı",)]
    assert sorted(p.name for p in profile.log_dir.iterdir()) == [LOG_FILE_NAME]


@pytest.mark.qt_no_exception_capture
def test_burst_of_errors_reuses_one_dialog(qtbot: QtBot, reporter: CrashReporter) -> None:
    window = FailingWindow()
    qtbot.addWidget(window)
    reporter.set_main_window(window)
    for _ in range(30):
        QTimer.singleShot(0, window.publish_now)
    qtbot.waitUntil(lambda: reporter.burst_count == 30, timeout=3000)
    assert len(_crash_dialogs()) == 1
    assert len(window.findChildren(QMessageBox)) == 1
    box = reporter.last_dialog
    assert box is not None
    assert "30 error(s) occurred in total." in box.informativeText()

    # After the user closed it, the next error opens it again with a fresh count.
    box.close()
    QTimer.singleShot(0, window.publish_now)
    qtbot.waitUntil(lambda: box.isVisible(), timeout=3000)
    assert reporter.burst_count == 1
    assert reporter.last_dialog is box


@pytest.mark.qt_no_exception_capture
def test_dialog_without_main_window(qtbot: QtBot, reporter: CrashReporter) -> None:
    QTimer.singleShot(0, lambda: 1 / 0)
    qtbot.waitUntil(lambda: len(_crash_dialogs()) == 1, timeout=3000)
    box = _crash_dialogs()[0]
    assert box is reporter.last_dialog
    assert box.parentWidget() is None
    assert "ZeroDivisionError" in box.detailedText()


@pytest.mark.qt_no_exception_capture
def test_worker_thread_exception(qtbot: QtBot, reporter: CrashReporter, profile: Profile) -> None:
    def work() -> None:
        raise OSError("disk full while exporting")

    thread = threading.Thread(target=work, name="export-worker")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: reporter.last_dialog is not None and reporter.last_dialog.isVisible(), timeout=3000)
    log = _log_text(profile)
    assert "in thread export-worker" in log
    assert "OSError: disk full while exporting" in log


@pytest.mark.qt_no_exception_capture
def test_keyboard_interrupt_goes_to_the_previous_hook(
    qtbot: QtBot, profile: Profile, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[type[BaseException]] = []
    monkeypatch.setattr(sys, "excepthook", lambda t, v, tb: seen.append(t))
    reporter = CrashReporter(profile.log_dir)
    install_excepthook(reporter)
    try:
        try:
            raise KeyboardInterrupt
        except KeyboardInterrupt as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)
    finally:
        uninstall_excepthook()
    assert seen == [KeyboardInterrupt]
    assert reporter.last_dialog is None


@pytest.mark.qt_no_exception_capture
def test_event_loop_exception_handler(
    qtbot: QtBot, qapp: QApplication, reporter: CrashReporter, profile: Profile
) -> None:
    import qasync

    loop = qasync.QEventLoop(qapp)
    install_excepthook(reporter, loop=loop)
    try:

        def callback() -> None:
            raise LookupError("kanal bulunamadı")

        async def main() -> None:
            loop.call_soon(callback)
            await asyncio.sleep(0.05)

        loop.run_until_complete(main())
        reporter.handle_loop_exception(loop, {"message": "Task was destroyed but it is pending!"})
        reporter.handle_loop_exception(loop, {"message": "cancelled", "exception": asyncio.CancelledError()})
    finally:
        loop.close()
        asyncio.set_event_loop(None)

    qtbot.waitUntil(lambda: reporter.last_dialog is not None and reporter.last_dialog.isVisible(), timeout=3000)
    assert reporter.burst_count == 1  # the message-only and cancelled contexts show nothing
    log = _log_text(profile)
    assert "in the event loop" in log
    assert "LookupError: kanal bulunamadı" in log
    assert "Task was destroyed but it is pending!" in log


def test_no_qapplication_logs_and_prints(tmp_path: Path) -> None:
    """Before a QApplication exists, an uncaught error is only logged and printed."""
    log_dir = tmp_path / "logs"
    code = f"""
import sys
from pathlib import Path
from kurum_masaustu.logging_setup import setup_logging
from kurum_masaustu.crash import CrashReporter, install_excepthook
log_dir = Path({str(log_dir)!r})
setup_logging(log_dir)
install_excepthook(CrashReporter(log_dir))
def start():
    raise ValueError("profile broken password=pw-startup-1")
start()
"""
    result = _run_python(code)
    assert result.returncode == 1
    assert "ValueError: profile broken password=***" in result.stderr
    assert "pw-startup-1" not in result.stderr
    log = (log_dir / LOG_FILE_NAME).read_text(encoding="utf-8")
    assert "in start" in log
    assert "pw-startup-1" not in log


def test_faulthandler_writes_faults_log_and_reports_it_next_time(tmp_path: Path) -> None:
    log_dir = tmp_path / "logs"
    code = f"""
import faulthandler
from pathlib import Path
from kurum_masaustu.crash import enable_faulthandler
enable_faulthandler(Path({str(log_dir)!r}))
faulthandler._sigsegv()
"""
    result = _run_python(code)
    assert result.returncode != 0
    faults = (log_dir / FAULTS_FILE_NAME).read_text(encoding="utf-8")
    assert "Fatal Python error" in faults

    try:
        previous = enable_faulthandler(log_dir)
        assert previous is not None
        assert "Fatal Python error" in previous
        assert (log_dir / PREVIOUS_FAULTS_FILE_NAME).is_file()
        assert crash._fault_file is not None
        assert not crash._fault_file.closed  # kept open for a later fault
        assert (log_dir / FAULTS_FILE_NAME).read_text(encoding="utf-8") == ""
    finally:
        disable_faulthandler()
    assert crash._fault_file is None
    assert enable_faulthandler(log_dir) is None
    disable_faulthandler()


def _run_python(code: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(SRC) + os.pathsep + env.get("PYTHONPATH", "")
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.pop("PYTHONFAULTHANDLER", None)
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
        check=False,
    )
