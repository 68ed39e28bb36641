"""File → Back up…: the save dialog, the backup in a worker thread behind a cancellable progress
dialog, the result, and the status-bar reminder when the last backup is 30 days old.

The work itself is :mod:`kurum_masaustu.services.backup`; this module only asks and tells.
"""

from __future__ import annotations

import logging
import threading
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QToolButton, QWidget

from kurum_masaustu.paths import Profile
from kurum_masaustu.rules.backup_age import backup_due, parse_backup_time
from kurum_masaustu.rules.timeutil import to_local
from kurum_masaustu.services.backup import (
    BackupCancelledError,
    BackupError,
    BackupResult,
    suggested_name,
    write_backup,
)
from kurum_masaustu.settings import Settings
from kurum_masaustu.ui.tasks import alive, in_thread

log = logging.getLogger(__name__)

_STEPS = 1000


def size_text(size: int) -> str:
    """``23.9 MB`` in the interface language's number format."""
    from PySide6.QtCore import QLocale

    return QLocale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeSIFormat)


def backup_error_text(exc: BackupError) -> str:
    """Why the backup could not be written, in the person's words (nothing was lost)."""
    texts = {
        "no_space": QCoreApplication.translate(
            "Backup", "There is not enough free space on the chosen disk. No backup file was left behind."
        ),
        "read_only": QCoreApplication.translate(
            "Backup",
            "The chosen folder cannot be written to (it is read-only or you lack permission). "
            "Choose another folder, for example on a USB stick.",
        ),
        "no_profile": QCoreApplication.translate("Backup", "This profile has no database to back up yet."),
        "newer": QCoreApplication.translate(
            "Backup", "The database was written by a newer version of Kurum Masaüstü; it was not backed up."
        ),
        "not_ours": QCoreApplication.translate(
            "Backup", "The profile's database is not a Kurum Masaüstü database; it was not backed up."
        ),
        "read_failed": QCoreApplication.translate("Backup", "The profile's database could not be read."),
    }
    text = texts.get(
        exc.code,
        QCoreApplication.translate("Backup", "The backup could not be written. No backup file was left behind."),
    )
    where = str(exc.path) if exc.path else ""
    return f"{text}\n\n{where} {exc.detail}".rstrip()


def last_backup_text(last_backup_at: str) -> str:
    """``26.11.2026 17:05`` or "Never"."""
    when = parse_backup_time(last_backup_at)
    if when is None:
        return QCoreApplication.translate("Backup", "Never")
    return to_local(when).strftime("%d.%m.%Y %H:%M")


def remember_backup(settings: Settings, settings_file: Path, now: datetime) -> None:
    """Store the time of the backup in the profile's settings (the file and the live object)."""
    stamp = now.astimezone(UTC).isoformat(timespec="seconds")
    settings.last_backup_at = stamp
    stored = Settings.load(settings_file)
    stored.last_backup_at = stamp
    try:
        stored.save(settings_file)
    except OSError as exc:  # the backup exists; only the reminder will come back
        log.warning("last backup time not saved to %s: %s", settings_file, exc)


def ask_backup_path(parent: QWidget) -> Path | None:
    """The save dialog, suggesting ``kurum-masaustu-yedek-YYYY-MM-DD.zip`` in the Documents folder."""
    from PySide6.QtCore import QStandardPaths

    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
    chosen, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("Backup", "Back up"),
        str(Path(folder) / suggested_name()),
        QCoreApplication.translate("Backup", "Backup files (*.zip)"),
    )
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == ".zip" else path.with_name(path.name + ".zip")


class BackupProgress(QProgressDialog):
    """Progress of a running backup; Cancel stops it between chunks (no file is left)."""

    def __init__(self, parent: QWidget | None, target: Path) -> None:
        super().__init__(
            QCoreApplication.translate("Backup", "Writing the backup to {name}…").format(name=target.name),
            QCoreApplication.translate("Backup", "Cancel"),
            0,
            _STEPS,
            parent,
        )
        self.setObjectName("backupProgress")
        self.setWindowTitle(QCoreApplication.translate("Backup", "Back up"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(0)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumWidth(420)
        self.stop = threading.Event()
        self.canceled.connect(self.stop.set)
        self._done = self._total = 0
        self._timer = QTimer(self)
        self._timer.setInterval(100)
        self._timer.timeout.connect(self._show)
        self._timer.start()

    def report(self, done: int, total: int) -> None:
        """Called from the worker thread: only stores the figures (the timer shows them)."""
        self._done, self._total = done, total

    def _show(self) -> None:
        if self.wasCanceled():  # Esc or a close also cancel, without the signal
            self.stop.set()
        if self._total and not self.stop.is_set():
            self.setValue(min(_STEPS - 1, int(_STEPS * self._done / self._total)))
            self.setLabelText(
                QCoreApplication.translate("Backup", "Writing the backup… {done} of {total}").format(
                    done=size_text(self._done), total=size_text(self._total)
                )
            )

    def finish(self) -> None:
        self._timer.stop()
        self.close()


async def run_backup(parent: QWidget, profile: Profile, settings: Settings, target: Path) -> BackupResult | None:
    """Write the backup in a worker thread behind a progress dialog; tell the person how it went.

    Returns the result, or None if it was cancelled or failed (then nothing was written).
    """
    dialog = BackupProgress(parent, target)
    dialog.show()
    try:
        result = await in_thread(write_backup, profile, target, dialog.report, dialog.stop.is_set)
    except BackupCancelledError:
        log.info("backup cancelled")
        if alive(parent):
            QMessageBox.information(
                parent,
                QCoreApplication.translate("Backup", "Back up"),
                QCoreApplication.translate("Backup", "The backup was cancelled; no file was written."),
            )
        return None
    except BackupError as exc:
        log.warning("backup to %s failed: %s", target, exc)
        if alive(parent):
            QMessageBox.warning(parent, QCoreApplication.translate("Backup", "Back up"), backup_error_text(exc))
        return None
    finally:
        if alive(dialog):
            dialog.finish()
            dialog.deleteLater()
    remember_backup(settings, profile.settings_file, datetime.now(UTC))
    if alive(parent):
        QMessageBox.information(
            parent,
            QCoreApplication.translate("Backup", "Back up"),
            QCoreApplication.translate(
                "Backup",
                "The backup was written to {path} ({size}, {count} files). Keep it on a USB stick or a "
                "network share. Account tokens are not in it: after a restore, reconnect the channels.",
            ).format(path=result.path, size=size_text(result.size), count=result.files),
        )
    return result


class BackupHint(QToolButton):
    """A quiet status-bar reminder, shown only when the last backup is 30 days old (or there is none).

    Clicking it starts File → Back up…; it is never a modal nag.
    """

    requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupHint")
        self.setAutoRaise(True)
        self.setStyleSheet("color: #57606a;")
        self.setAccessibleName(QCoreApplication.translate("Backup", "Backup reminder"))
        self.clicked.connect(self.requested)
        self.hide()

    def update_for(self, last_backup_at: str, now: datetime) -> None:
        if not backup_due(last_backup_at, now):
            self.hide()
            return
        last = parse_backup_time(last_backup_at)
        if last is None:
            self.setText(QCoreApplication.translate("Backup", "No backup yet — back up now"))
        else:
            days = (now - last).days
            self.setText(self.tr("Last backup %n day(s) ago — back up now", "", days))
        self.setToolTip(
            QCoreApplication.translate(
                "Backup", "Last backup: {when}. File → Back up… writes one .zip for a USB stick or a network share."
            ).format(when=last_backup_text(last_backup_at))
        )
        self.show()
