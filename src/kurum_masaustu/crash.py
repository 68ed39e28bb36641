"""Crash handling in two layers.

Layer 1 (installed right after logging, before Qt): :func:`install_excepthook` routes every
unhandled exception (main thread, Qt slots, other threads) into :class:`CrashReporter`, which
logs the full traceback at ERROR on ``kurum_masaustu.crash`` and prints it to stderr;
:func:`enable_faulthandler` makes hard crashes (segfaults in C code) leave a Python stack in
``<log_dir>/faults.log``.

Layer 2 (once a QApplication and the main window exist): the same reporter also shows one
non-blocking message box, parented to the main window, and emits ``crashed`` so the window
can roll back its database session. The app keeps running. It is also the qasync loop's
exception handler (``loop.set_exception_handler(reporter.handle_loop_exception)``).

Nothing but the log (and ``faults.log``) is written to disk, and the text shown or logged
passes through :func:`kurum_masaustu.logging_setup.redact`.
"""

from __future__ import annotations

import asyncio
import contextlib
import faulthandler
import logging
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from kurum_masaustu.logging_setup import LOG_FILE_NAME, redact, ring_buffer

logger = logging.getLogger("kurum_masaustu.crash")

FAULTS_FILE_NAME = "faults.log"
PREVIOUS_FAULTS_FILE_NAME = "faults.previous.log"
_RECENT_LOG_LINES = 60
_MAX_DETAILS_CHARS = 60_000
ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], Any]


def _is_valid(obj: QObject | None) -> bool:
    """True if ``obj`` is set and its C++ object still exists."""
    if obj is None:
        return False
    import shiboken6

    return bool(shiboken6.isValid(obj))


class CrashReporter(QObject):
    """Logs unhandled exceptions and shows one reusable, non-blocking error dialog.

    ``crashed(str)`` carries the (redacted) traceback text. It is emitted on the failing thread;
    receivers living on the GUI thread get it queued there (Qt's automatic connection).
    """

    crashed = Signal(str)
    _show_requested = Signal(str)

    def __init__(self, log_dir: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log_dir = log_dir
        self.main_window: QWidget | None = None
        self.last_dialog: QMessageBox | None = None
        self.burst_count = 0  # errors shown in the currently open dialog
        self._reporting = threading.local()
        # Queued even on the GUI thread: the dialog is built after the failing slot has
        # unwound, and a worker thread never touches widgets.
        self._show_requested.connect(self._show_dialog, Qt.ConnectionType.QueuedConnection)

    @property
    def log_file(self) -> Path | None:
        """The log file named in the dialog."""
        return None if self.log_dir is None else self.log_dir / LOG_FILE_NAME

    def set_main_window(self, window: QWidget | None) -> None:
        """Parent future dialogs to ``window`` (None: no parent)."""
        self.main_window = window

    # ---------------------------------------------------------------- entry points

    def report(
        self,
        exc_type: type[BaseException],
        exc_value: BaseException,
        exc_tb: TracebackType | None,
        where: str = "",
    ) -> None:
        """Handle one unhandled exception (the ``sys.excepthook`` signature, plus a location)."""
        if getattr(self._reporting, "active", False):
            # An error while reporting an error: never recurse; stderr is the last resort.
            _print_stderr(redact("".join(traceback.format_exception(exc_type, exc_value, exc_tb))))
            return
        self._reporting.active = True
        try:
            self._report(exc_type, exc_value, exc_tb, where)
        except Exception:
            _print_stderr(redact(traceback.format_exc()))
        finally:
            self._reporting.active = False

    def excepthook(
        self,
        exc_type: type[BaseException],
        exc_value: BaseException,
        exc_tb: TracebackType | None,
    ) -> None:
        """``sys.excepthook``: PySide6 also calls it for exceptions raised in Qt slots."""
        self.report(exc_type, exc_value, exc_tb)

    def threading_excepthook(self, args: threading.ExceptHookArgs) -> None:
        """``threading.excepthook``: an exception that ended a worker thread."""
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        name = args.thread.name if args.thread is not None else "?"
        self.report(args.exc_type, args.exc_value, args.exc_traceback, where=f"in thread {name}")

    def handle_loop_exception(self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        """An asyncio exception handler for the qasync loop."""
        exc = context.get("exception")
        message = str(context.get("message") or "Unhandled exception in the event loop")
        if isinstance(exc, asyncio.CancelledError):
            logger.debug("Cancelled in the event loop: %s", message)
            return
        if not isinstance(exc, BaseException):
            # No exception object ("Task was destroyed but it is pending!"): log, no dialog.
            details = {k: v for k, v in context.items() if k != "message"}
            logger.error("Event loop: %s %s", message, details or "")
            return
        self.report(type(exc), exc, exc.__traceback__, where=f"in the event loop ({message})")

    # ---------------------------------------------------------------- internals

    def _report(
        self,
        exc_type: type[BaseException],
        exc_value: BaseException,
        exc_tb: TracebackType | None,
        where: str,
    ) -> None:
        ring = ring_buffer()
        recent = ring.text(_RECENT_LOG_LINES) if ring is not None else ""
        logger.error(
            "Unhandled exception%s: %s",
            f" {where}" if where else "",
            exc_type.__name__,
            exc_info=(exc_type, exc_value, exc_tb),
        )
        details = redact("".join(traceback.format_exception(exc_type, exc_value, exc_tb)))
        _print_stderr(details)
        if recent:
            details = f"{details}\n--- recent log ---\n{recent}"
        if len(details) > _MAX_DETAILS_CHARS:
            details = details[:_MAX_DETAILS_CHARS] + "\n…"
        self.crashed.emit(details)
        if isinstance(QApplication.instance(), QApplication):
            self._show_requested.emit(details)

    @Slot(str)
    def _show_dialog(self, details: str) -> None:
        """Show the error dialog, or update the one already open during a burst of errors."""
        try:
            box = self.last_dialog
            if box is not None and not _is_valid(box):
                box = self.last_dialog = None
            parent = self.main_window if _is_valid(self.main_window) else None
            if box is not None and box.parentWidget() is not parent:
                box.close()
                box.deleteLater()
                box = self.last_dialog = None
            if box is not None and box.isVisible():
                self.burst_count += 1
                box.setInformativeText(self._informative_text())
                box.setDetailedText(details)
                return
            self.burst_count = 1
            if box is None:
                box = QMessageBox(parent)
                box.setObjectName("crashDialog")
                box.setIcon(QMessageBox.Icon.Critical)
                box.setTextFormat(Qt.TextFormat.PlainText)  # also applies to the informative text
                box.setStandardButtons(QMessageBox.StandardButton.Close)
                box.setWindowTitle(self.tr("Unexpected error"))
                box.setText(
                    self.tr("Something went wrong. Your saved work is safe; the details were written to the log file.")
                )
                self.last_dialog = box
            box.setInformativeText(self._informative_text())
            box.setDetailedText(details)
            box.open()
        except Exception:
            _print_stderr(redact(traceback.format_exc()))

    def _informative_text(self) -> str:
        parts: list[str] = []
        if self.log_file is not None:
            parts.append(self.tr("Log file: {path}").format(path=str(self.log_file)))
        if self.burst_count > 1:
            parts.append(self.tr("%n error(s) occurred in total.", None, self.burst_count))
        return "\n".join(parts)

    def close_dialog(self) -> None:
        """Close and delete the dialog, if any (tests and shutdown)."""
        box, self.last_dialog = self.last_dialog, None
        if _is_valid(box):
            assert box is not None
            box.close()
            box.deleteLater()


def _print_stderr(text: str) -> None:
    """Print to stderr if there is one (a windowed exe has none)."""
    stream = sys.stderr
    if stream is None:
        return
    with contextlib.suppress(Exception):
        stream.write(text if text.endswith("\n") else text + "\n")
        stream.flush()


# -------------------------------------------------------------------- hooks

_installed: CrashReporter | None = None
_previous_hooks: tuple[ExceptHook, Callable[[threading.ExceptHookArgs], Any]] | None = None


def install_excepthook(reporter: CrashReporter, loop: asyncio.AbstractEventLoop | None = None) -> None:
    """Send unhandled exceptions to ``reporter`` (sys, threading and, if given, the asyncio loop).

    Ctrl+C (KeyboardInterrupt) and SystemExit still go to Python's default hook. Installing
    again replaces the previous reporter; :func:`uninstall_excepthook` restores the originals.
    """
    global _installed, _previous_hooks
    if _previous_hooks is None:
        _previous_hooks = (sys.excepthook, threading.excepthook)
    previous_sys_hook = _previous_hooks[0]

    def hook(exc_type: type[BaseException], exc_value: BaseException, exc_tb: TracebackType | None) -> None:
        if issubclass(exc_type, (KeyboardInterrupt, SystemExit)):
            previous_sys_hook(exc_type, exc_value, exc_tb)
            return
        reporter.excepthook(exc_type, exc_value, exc_tb)

    sys.excepthook = hook
    threading.excepthook = reporter.threading_excepthook
    if loop is not None:
        loop.set_exception_handler(reporter.handle_loop_exception)
    _installed = reporter


def uninstall_excepthook() -> None:
    """Restore the hooks that were active before :func:`install_excepthook`."""
    global _installed, _previous_hooks
    if _previous_hooks is not None:
        sys.excepthook, threading.excepthook = _previous_hooks
    _previous_hooks = None
    _installed = None


def installed_reporter() -> CrashReporter | None:
    """The reporter currently receiving unhandled exceptions, if any."""
    return _installed


# -------------------------------------------------------------------- faulthandler

_fault_file: IO[str] | None = None
_fault_was_enabled = False


def enable_faulthandler(log_dir: Path) -> str | None:
    """Dump Python stacks of hard crashes to ``<log_dir>/faults.log`` (the file stays open).

    Returns the text a previous run left in ``faults.log`` (it is then kept as
    ``faults.previous.log``) so the app can mention it at startup; None if there was none.
    """
    global _fault_file, _fault_was_enabled
    disable_faulthandler()
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / FAULTS_FILE_NAME
    previous: str | None = None
    try:
        if path.is_file() and path.stat().st_size > 0:
            previous = path.read_text(encoding="utf-8", errors="replace")
            path.replace(log_dir / PREVIOUS_FAULTS_FILE_NAME)
    except OSError:
        logger.warning("Could not read the previous fault log %s", path, exc_info=True)
    _fault_was_enabled = faulthandler.is_enabled()
    _fault_file = path.open("w", encoding="utf-8")
    faulthandler.enable(file=_fault_file, all_threads=True)
    if previous:
        logger.warning("The previous run ended with a fatal error; see %s", PREVIOUS_FAULTS_FILE_NAME)
    return previous


def disable_faulthandler() -> None:
    """Stop writing to ``faults.log`` and close it (re-enabling stderr output if it was on)."""
    global _fault_file
    if _fault_file is None:
        return
    faulthandler.disable()
    _fault_file.close()
    _fault_file = None
    if _fault_was_enabled and sys.__stderr__ is not None:
        with contextlib.suppress(ValueError, OSError, AttributeError):
            faulthandler.enable(file=sys.__stderr__, all_threads=True)
