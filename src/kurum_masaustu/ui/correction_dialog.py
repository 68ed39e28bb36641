"""Correct one day for one year: move it to other dates (the official date differs this year,
the town holds it a day later) or hide it this year. Stored in the profile as a
:class:`kurum_masaustu.rules.days.Correction`; other years keep the rule."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from kurum_masaustu.rules.days import Correction, CorrectionAction

if TYPE_CHECKING:
    from kurum_masaustu.rules.days import DayEvent


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class CorrectionDialog(QDialog):
    """Move or hide ``event`` in ``year``; :attr:`correction` is set when accepted."""

    def __init__(self, event: DayEvent, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._event = event
        self._year = year
        self.correction: Correction | None = None
        self.setWindowTitle(self.tr("Correct for this year"))
        intro = QLabel(
            self.tr("{name} in {year}: the change applies to this year only.").format(name=event.name, year=year)
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        self.move_radio = QRadioButton(self.tr("Move to another date"))
        self.hide_radio = QRadioButton(self.tr("Hide this year"))
        self.move_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.move_radio)
        group.addButton(self.hide_radio)
        self.start_edit = QDateEdit()
        self.start_edit.setCalendarPopup(True)
        self.start_edit.setDisplayFormat("dd.MM.yyyy")
        self.start_edit.setDateRange(QDate(year, 1, 1), QDate(year, 12, 31))
        start = event.start if event.start.year == year else date(year, 1, 1)
        self.start_edit.setDate(_qdate(start))
        self.start_edit.setAccessibleName(self.tr("New date"))
        self.length_label = QLabel()
        self.length_label.setTextFormat(Qt.TextFormat.PlainText)
        days = (event.end - event.start).days + 1
        if days > 1:
            self.length_label.setText(self.tr("Lasts %n day(s) from this date, as before.", "", days))
        self.move_radio.toggled.connect(self.start_edit.setEnabled)
        form = QFormLayout()
        form.addRow(self.move_radio)
        form.addRow(self.tr("New date"), self.start_edit)
        form.addRow("", self.length_label)
        form.addRow(self.hide_radio)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def accept(self) -> None:
        if self.hide_radio.isChecked():
            self.correction = Correction(key=self._event.key, year=self._year, action=CorrectionAction.HIDE)
        else:
            start = _pydate(self.start_edit.date())
            length = (self._event.end - self._event.start).days
            self.correction = Correction(
                key=self._event.key,
                year=self._year,
                action=CorrectionAction.MOVE,
                start=start,
                end=start + timedelta(days=length) if length else None,
            )
        super().accept()
