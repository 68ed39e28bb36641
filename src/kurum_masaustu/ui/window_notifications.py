"""The main window's announcements: the tray, and what it says about messages, failures and spikes.

Each announcement remembers which dock it is about, so clicking it brings that dock forward.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDockWidget

from kurum_masaustu import APP_NAME
from kurum_masaustu.ui.tasks import alive, in_thread

if TYPE_CHECKING:
    from kurum_masaustu.ui.main_window import MainWindow
    from kurum_masaustu.ui.tray import TrayNotifier


class WindowNotifications(QObject):
    """The tray notifier of a main window (made after the first paint) and its announcements."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.notifier: TrayNotifier | None = None
        self._notifying = self._notify_again = False
        self._inbox_seen: int | None = None
        self.notice_target: QDockWidget = window.inbox_dock

    def start(self) -> None:
        from kurum_masaustu.ui.tray import TrayNotifier

        window = self.window
        self.notifier = TrayNotifier(window.windowIcon(), APP_NAME, window)
        self.notifier.open_requested.connect(self.come_forward)
        self.notifier.new_post_requested.connect(self._new_post_from_tray)
        self.notifier.quit_requested.connect(window.close)
        # Messages stored so far are known; those stored from now on are announced.
        self._inbox_seen = window.services.inbox.arrived_after(None)[0]
        self.notice_target = window.inbox_dock

    def _new_post_from_tray(self) -> None:
        from kurum_masaustu.rules.timeutil import today_local

        self.notice_target = self.window.composer_dock
        self.come_forward()
        self.window.new_post_on(today_local())

    def looking(self) -> bool:
        """The person has the window in front of them (then nothing needs announcing)."""
        return self.window.isActiveWindow() and not self.window.isMinimized()

    async def notify_new_messages(self) -> None:
        """Announce the messages stored since the last look (one round at a time: a sync that
        ends meanwhile makes the running round look once more, so nothing is announced twice)."""
        if self.notifier is None:
            return
        if self._notifying:
            self._notify_again = True
            return
        self._notifying = True
        try:
            while True:
                self._notify_again = False
                await self._announce_new_messages()
                if not self._notify_again or not alive(self.window):
                    break
        finally:
            self._notifying = False

    async def _announce_new_messages(self) -> None:
        from kurum_masaustu.rules.notifications import message_notice

        assert self.notifier is not None
        window = self.window
        newest, categories = await in_thread(window.services.inbox.arrived_after, self._inbox_seen)
        if not alive(window):
            return
        self._inbox_seen = max(newest, self._inbox_seen or 0)
        inbox = window.services.inbox
        notice = message_notice(
            categories,
            looking=self.looking(),
            in_hours=inbox.hours.is_open(inbox.now()),
            settings=window.services.settings.notifications(),
        )
        if notice is not None:
            title, body = self.notifier.message_text(notice)
            self.notice_target = window.inbox_dock
            self.notifier.notify(title, body, warning=notice.urgent, window=window)

    def notify_failures(self, failed: int) -> None:
        from kurum_masaustu.rules.notifications import failure_notice

        window = self.window
        notice = failure_notice(failed, looking=self.looking(), settings=window.services.settings.notifications())
        if notice is not None and self.notifier is not None:
            title, body = self.notifier.failure_text(notice)
            self.notice_target = window.outbox_dock
            self.notifier.notify(title, body, warning=True, window=window)

    def notify_crisis(self, count: int, hours: float, where: str) -> None:
        from kurum_masaustu.rules.notifications import crisis_notice

        window = self.window
        settings = window.services.settings.notifications()
        if self.notifier is not None and crisis_notice(True, looking=self.looking(), settings=settings):
            title, body = self.notifier.crisis_text(count, hours, where)
            self.notice_target = window.inbox_dock
            self.notifier.notify(title, body, warning=True, window=window)

    def come_forward(self) -> None:
        """From the tray or a notification: the window in front, showing what was announced."""
        window = self.window
        if window.isMinimized():
            window.showNormal()
        window.show()
        window.raise_()
        window.activateWindow()
        self.notice_target.show()
        self.notice_target.raise_()

    def hide(self) -> None:
        """The window closes: the tray icon goes with it."""
        if self.notifier is not None:
            self.notifier.hide()
