"""Pausing all publishing (crisis, national mourning, by hand): a reason and, if wanted, the
moment the pause ends by itself (e.g. the end of the declared mourning)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QDateTime, Qt, QTimeZone
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kurum_masaustu.rules.timeutil import ISTANBUL


class PauseDialog(QDialog):
    def __init__(
        self,
        mode: str,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pauseDialog")
        self._clock = clock
        titles = {
            "crisis": self.tr("Crisis mode"),
            "mourning": self.tr("National mourning"),
            "manual": self.tr("Pause all publishing"),
        }
        self.setWindowTitle(titles.get(mode, titles["manual"]))
        self._default_reason = {"crisis": self.tr("Crisis"), "mourning": self.tr("National mourning")}.get(
            mode, self.tr("Paused by the user")
        )
        explanation = QLabel(
            self.tr(
                "Every scheduled post stops at once and nothing is published until the pause ends. "
                "Resuming by hand, you review what fell due meanwhile; at an automatic end it goes out as planned."
            )
        )
        explanation.setWordWrap(True)
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(self._default_reason)
        self.until_check = QCheckBox(self.tr("End the pause automatically at"))
        self.until_edit = QDateTimeEdit()
        self.until_edit.setDisplayFormat("dd.MM.yyyy HH:mm")
        self.until_edit.setCalendarPopup(True)
        self.until_edit.setTimeZone(QTimeZone(b"Europe/Istanbul"))
        # Mourning is declared in days (ends at midnight); a crisis is reviewed the next morning.
        local_now = clock().astimezone(ISTANBUL)
        if mode == "mourning":
            suggested = (local_now + timedelta(days=3)).replace(hour=0, minute=0, second=0, microsecond=0)
        else:
            suggested = (local_now + timedelta(days=1)).replace(hour=9, minute=0, second=0, microsecond=0)
        self.until_edit.setDateTime(
            QDateTime.fromSecsSinceEpoch(int(suggested.timestamp()), QTimeZone(b"Europe/Istanbul"))
        )
        self.until_edit.setEnabled(False)
        self.until_check.toggled.connect(self.until_edit.setEnabled)
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setStyleSheet("color: #b42318;")
        form = QFormLayout()
        form.addRow(self.tr("Reason"), self.reason_edit)
        form.addRow(self.until_check, self.until_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setText(self.tr("Pause publishing"))
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(520, 200)

    def reason(self) -> str:
        return self.reason_edit.text().strip() or self._default_reason

    def until(self) -> datetime | None:
        if not self.until_check.isChecked():
            return None
        return datetime.fromtimestamp(self.until_edit.dateTime().toSecsSinceEpoch(), UTC)

    def try_accept(self) -> None:
        until = self.until()
        if until is not None and until <= self._clock():
            self.message.setText(self.tr("The end of the pause must be in the future."))
            return
        self.accept()
