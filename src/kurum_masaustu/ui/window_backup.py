"""The main window's backup: File → Back up… and the quiet reminder in the status bar."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from kurum_masaustu.ui.tasks import alive, spawn

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from kurum_masaustu.ui.backup_dialog import BackupHint
    from kurum_masaustu.ui.main_window import MainWindow


class WindowBackup(QObject):
    """Backs the window's profile up on request, and reminds when the last backup is old."""

    def __init__(self, window: MainWindow, action: QAction) -> None:
        super().__init__(window)
        self.window = window
        self.action = action
        self.hint: BackupHint | None = None  # made after the first paint
        action.triggered.connect(self.back_up)

    def show_hint(self) -> None:
        """The quiet reminder in the status bar when the last backup is 30 days old (or none yet)."""
        from kurum_masaustu.ui.backup_dialog import BackupHint

        window = self.window
        if window.demo:
            return  # a throwaway training profile: nothing to keep
        if not window.services.settings.last_backup_at and not window.services.posts.has_any():
            return  # a new, still empty profile: nothing to back up yet
        if self.hint is None:
            self.hint = BackupHint()
            self.hint.requested.connect(self.back_up)
            window.status.addPermanentWidget(self.hint)
        self.hint.update_for(window.services.settings.last_backup_at, datetime.now(UTC))

    def back_up(self) -> None:
        """File → Back up…: ask where, then write the backup in a worker thread."""
        from kurum_masaustu.ui.backup_dialog import ask_backup_path

        target = ask_backup_path(self.window)
        if target is not None:
            spawn(self.write_backup(target))

    async def write_backup(self, target: Path) -> None:
        from kurum_masaustu.ui.backup_dialog import run_backup

        window = self.window
        self.action.setEnabled(False)
        try:
            await run_backup(window, window.services.profile, window.services.settings, target)
        finally:
            if alive(window):
                self.action.setEnabled(True)
                self.show_hint()
