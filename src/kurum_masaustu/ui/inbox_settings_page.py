"""The settings dialog's inbox page: business hours and working days, the response target of the
response clock, the crisis spike rule (window, minimum count, ratio) and the notifications."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kurum_masaustu.rules import inbox_settings as rules
from kurum_masaustu.rules.inbox_settings import InboxSettings
from kurum_masaustu.settings import Settings


def problem_text(code: str) -> str:
    return {
        "hours_order": QCoreApplication.translate("InboxSettings", "Business hours must end after they start."),
        "no_weekday": QCoreApplication.translate("InboxSettings", "Choose at least one working day."),
        "target_range": QCoreApplication.translate(
            "InboxSettings", "The response target must be between 15 minutes and 7 days."
        ),
        "window_range": QCoreApplication.translate(
            "InboxSettings", "The spike window must be between 15 minutes and 24 hours."
        ),
        "min_count_range": QCoreApplication.translate(
            "InboxSettings", "A spike needs between 2 and 1000 negative messages."
        ),
        "ratio_range": QCoreApplication.translate("InboxSettings", "The spike ratio must be between 1.5× and 50×."),
    }.get(code, code)


class InboxSettingsPage(QWidget):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inboxSettingsPage")
        current = settings.inbox()
        layout = QVBoxLayout(self)

        office = QGroupBox(self.tr("Business hours"))
        form = QFormLayout(office)
        self.hours_start = QSpinBox()
        self.hours_end = QSpinBox()
        for box, value, top in ((self.hours_start, current.start_hour, 23), (self.hours_end, current.end_hour, 24)):
            box.setRange(0, top)
            box.setSuffix(":00")
            box.setValue(value)
        self.hours_start.setAccessibleName(self.tr("Business hours start"))
        self.hours_end.setAccessibleName(self.tr("Business hours end"))
        hours = QHBoxLayout()
        hours.addWidget(self.hours_start)
        hours.addWidget(QLabel("–"))
        hours.addWidget(self.hours_end)
        hours.addStretch(1)
        form.addRow(self.tr("Hours:"), hours)
        days = QHBoxLayout()
        self.day_checks: list[QCheckBox] = []
        locale = QLocale()
        for day in range(7):
            # QLocale counts Monday as 1.
            check = QCheckBox(locale.dayName(day + 1, QLocale.FormatType.ShortFormat))
            check.setChecked(day in current.weekdays)
            self.day_checks.append(check)
            days.addWidget(check)
        days.addStretch(1)
        form.addRow(self.tr("Working days:"), days)
        form.addRow(QLabel(self.tr("Public holidays and the afternoons of arife days and 28 Ekim are always closed.")))
        self.target = QSpinBox()
        self.target.setRange(1, 99_999)
        self.target.setSuffix(self.tr(" min"))
        self.target.setValue(current.target_minutes)
        self.target.setAccessibleName(self.tr("Response target"))
        self.target.setToolTip(
            self.tr("Business time within which a message should be answered; later ones are overdue.")
        )
        form.addRow(self.tr("Response target:"), self.target)
        layout.addWidget(office)

        crisis = QGroupBox(self.tr("Crisis warning"))
        crisis_form = QFormLayout(crisis)
        self.spike_window = QSpinBox()
        self.spike_window.setRange(1, 99_999)
        self.spike_window.setSuffix(self.tr(" min"))
        self.spike_window.setValue(current.spike_window_minutes)
        self.spike_window.setAccessibleName(self.tr("Spike window"))
        crisis_form.addRow(self.tr("Look at the last:"), self.spike_window)
        self.min_count = QSpinBox()
        self.min_count.setRange(1, 99_999)
        self.min_count.setValue(current.spike_min_count)
        self.min_count.setAccessibleName(self.tr("Minimum negative messages"))
        crisis_form.addRow(self.tr("At least this many negative messages:"), self.min_count)
        self.ratio = QDoubleSpinBox()
        self.ratio.setRange(0.1, 999.0)
        self.ratio.setDecimals(1)
        self.ratio.setSingleStep(0.5)
        self.ratio.setSuffix("×")
        self.ratio.setValue(current.spike_ratio)
        self.ratio.setAccessibleName(self.tr("Spike ratio"))
        crisis_form.addRow(self.tr("And this many times the usual (last 7 days):"), self.ratio)
        layout.addWidget(crisis)

        notices = QGroupBox(self.tr("Notifications"))
        notices_layout = QVBoxLayout(notices)
        self.notify_messages = QCheckBox(self.tr("Tell me about new messages while the window is in the background"))
        self.notify_messages.setChecked(settings.notify_new_messages)
        self.notify_outside = QCheckBox(self.tr("Also outside business hours"))
        self.notify_outside.setChecked(settings.notify_outside_hours)
        self.notify_outside.setEnabled(settings.notify_new_messages)
        self.notify_messages.toggled.connect(self.notify_outside.setEnabled)
        self.notify_failures = QCheckBox(self.tr("Tell me when a post could not be published"))
        self.notify_failures.setChecked(settings.notify_failures)
        notices_layout.addWidget(self.notify_messages)
        outside_row = QHBoxLayout()
        outside_row.addSpacing(24)  # under the choice it depends on
        outside_row.addWidget(self.notify_outside)
        notices_layout.addLayout(outside_row)
        notices_layout.addWidget(self.notify_failures)
        hint = QLabel(
            self.tr(
                "Notifications give counts and kinds only, never a citizen's words or name. "
                "A sudden rise of negative messages is told at any hour."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #57606a;")
        notices_layout.addWidget(hint)
        layout.addWidget(notices)
        layout.addStretch(1)

    def values(self) -> InboxSettings:
        return InboxSettings(
            self.hours_start.value(),
            self.hours_end.value(),
            frozenset(day for day, check in enumerate(self.day_checks) if check.isChecked()),
            self.target.value(),
            self.spike_window.value(),
            self.min_count.value(),
            round(self.ratio.value(), 1),
        )

    def problems(self) -> list[str]:
        """What is wrong, said in the user's language (empty: the values can be saved)."""
        return [problem_text(code) for code in rules.problems(self.values())]

    def store(self, settings: Settings) -> None:
        values = self.values()
        settings.business_hours_start = values.start_hour
        settings.business_hours_end = values.end_hour
        settings.business_weekdays = sorted(values.weekdays)
        settings.response_target_minutes = values.target_minutes
        settings.spike_window_minutes = values.spike_window_minutes
        settings.spike_min_count = values.spike_min_count
        settings.spike_ratio = values.spike_ratio
        settings.notify_new_messages = self.notify_messages.isChecked()
        settings.notify_outside_hours = self.notify_outside.isChecked()
        settings.notify_failures = self.notify_failures.isChecked()
