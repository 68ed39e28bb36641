"""The tray icon and its notifications (toasts on Windows), and the taskbar button's flash.

What a notification says is decided in :mod:`kurum_masaustu.rules.notifications` and worded
here: counts and kinds only, never a citizen's words or name. Where the desktop has no tray (some
Linux desktops, offscreen tests) the taskbar button still flashes and the log says what would
have been shown.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon, QWidget

from kurum_masaustu.domain import InboxCategory
from kurum_masaustu.rules.notifications import FailureNotice, MessageNotice

log = logging.getLogger(__name__)

# How long a notification stays up (ms); Windows may keep it in the action centre afterwards.
SHOWN_MS = 15_000


class TrayNotifier(QObject):
    """The app's tray icon (open, new post, quit) and the notifications it shows."""

    #: The icon or a notification was clicked: bring the window forward.
    open_requested = Signal()
    new_post_requested = Signal()
    quit_requested = Signal()

    def __init__(self, icon: QIcon, tooltip: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        #: Every notification said (title, body), newest last: what the person was told.
        self.shown: list[tuple[str, str]] = []
        self._tray: QSystemTrayIcon | None = None
        if not QSystemTrayIcon.isSystemTrayAvailable():
            log.info("no system tray on this desktop: notifications flash the taskbar button only")
            return
        tray = QSystemTrayIcon(icon, self)
        tray.setToolTip(tooltip)
        menu = QMenu()
        open_action = QAction(self.tr("Open Kurum Masaüstü"), menu)
        open_action.triggered.connect(self.open_requested)
        new_action = QAction(self.tr("New post"), menu)
        new_action.triggered.connect(self.new_post_requested)
        quit_action = QAction(self.tr("Quit"), menu)
        quit_action.triggered.connect(self.quit_requested)
        menu.addActions([open_action, new_action])
        menu.addSeparator()
        menu.addAction(quit_action)
        self._menu = menu  # the tray does not own its menu
        tray.setContextMenu(menu)
        tray.activated.connect(self._activated)
        tray.messageClicked.connect(self.open_requested)
        tray.show()
        self._tray = tray

    @property
    def has_tray(self) -> bool:
        return self._tray is not None

    def notify(self, title: str, body: str, *, warning: bool = False, window: QWidget | None = None) -> None:
        """Show a notification and flash the window's taskbar button until it is looked at."""
        self.shown.append((title, body))
        log.info("notification: %s", title)
        if self._tray is not None and QSystemTrayIcon.supportsMessages():
            icon = QSystemTrayIcon.MessageIcon.Warning if warning else QSystemTrayIcon.MessageIcon.Information
            self._tray.showMessage(title, body, icon, SHOWN_MS)
        if window is not None:
            QApplication.alert(window)

    # -- the words (methods: lupdate reads plural forms from self.tr only) -----------------------
    def message_text(self, notice: MessageNotice) -> tuple[str, str]:
        total = notice.total
        title = self.tr("%n new message(s)", "", total)
        parts = [self._category_count(category, count) for category, count in notice.named]
        body = " · ".join(parts) + ("\n" if parts else "")
        body += self.tr("Open the inbox to read and answer them.")
        return title, body

    def _category_count(self, category: InboxCategory, count: int) -> str:
        if category is InboxCategory.COMPLAINT:
            return self.tr("%n complaint(s)", "", count)
        if category is InboxCategory.ABUSE:
            return self.tr("%n abusive message(s) to hide or delete", "", count)
        if category is InboxCategory.QUESTION:
            return self.tr("%n question(s)", "", count)
        if category is InboxCategory.REQUEST:
            return self.tr("%n request(s)", "", count)
        return str(count)

    def failure_text(self, notice: FailureNotice) -> tuple[str, str]:
        failed = notice.failed
        return (
            self.tr("%n post(s) could not be published", "", failed),
            self.tr("The outbox shows why; fix it there and try again."),
        )

    def crisis_text(self, count: int, hours: float, where: str) -> tuple[str, str]:
        title = self.tr("Negative messages are rising quickly")
        body = self.tr("%n negative message(s) in the last {hours} h ({where}). Open the crisis plan.", "", count)
        return title, body.format(hours=f"{hours:g}", where=where)

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            self.open_requested.emit()

    def hide(self) -> None:
        if self._tray is not None:
            self._tray.hide()
