"""A recurring post: "every Monday 09:00, haftalık nöbetçi eczaneler, until the end of June".

The dialog previews the dates (and the holidays it skips) before anything is saved; saving makes
one ordinary post per date, so each occurrence can be edited or moved on its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, time, timedelta

from PySide6.QtCore import QLocale, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from kurum_masaustu.domain import Category
from kurum_masaustu.rules.recurrence import EXCEPTION, Frequency, RecurrenceError, RecurrenceRule, occurrences
from kurum_masaustu.rules.timeutil import today_local
from kurum_masaustu.services.planning import PlanningError, PlanningService, SeriesDraft
from kurum_masaustu.services.posts import ChannelInfo
from kurum_masaustu.ui.best_time_hint import best_time_text
from kurum_masaustu.ui.calendar_grid import pydate, qdate
from kurum_masaustu.ui.labels import category_name
from kurum_masaustu.ui.plan_dialogs import channel_checks


class RecurrenceDialog(QDialog):
    def __init__(
        self,
        planning: PlanningService,
        channels: Sequence[ChannelInfo],
        start: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Recurring post"))
        self.setObjectName("recurrenceDialog")
        self._planning = planning
        self._samples = planning.engagement_samples()
        self.series_id: int | None = None
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(self.tr("Title in the calendar (optional)"))
        self.body_edit = QPlainTextEdit()
        self.body_edit.setPlaceholderText(self.tr("The text of every occurrence (each can be edited later)"))
        self.body_edit.setFixedHeight(90)
        self.category_combo = QComboBox()
        for category in Category:
            self.category_combo.addItem(category_name(category), category.value)
        self.category_combo.setCurrentIndex(self.category_combo.findData(Category.SERVICE.value))
        channel_box, self.channel_checks = channel_checks(channels, columns=3)
        self.frequency_combo = QComboBox()
        self.frequency_combo.addItem(self.tr("Every week on"), Frequency.WEEKLY.value)
        self.frequency_combo.addItem(self.tr("Every month on day"), Frequency.MONTHLY.value)
        self.weekday_combo = QComboBox()
        for weekday in range(7):
            self.weekday_combo.addItem(QLocale().dayName(weekday + 1, QLocale.FormatType.LongFormat), weekday)
        self.weekday_combo.setCurrentIndex(start.weekday())
        self.month_day_spin = QSpinBox()
        self.month_day_spin.setRange(1, 31)
        self.month_day_spin.setValue(start.day)
        self.month_day_spin.setAccessibleName(self.tr("Day of the month"))
        self.time_edit = QTimeEdit(QTime(9, 0))
        self.time_edit.setDisplayFormat("HH:mm")
        start = max(start, today_local() + timedelta(days=1))  # a series starts in the future
        self.start_edit = QDateEdit(qdate(start))
        self.end_edit = QDateEdit(qdate(start + timedelta(weeks=12)))
        for edit in (self.start_edit, self.end_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd.MM.yyyy")
        self.skip_check = QCheckBox(self.tr("Skip public holidays and our days off"))
        self.skip_check.setChecked(True)
        self.schedule_check = QCheckBox(self.tr("Schedule them (otherwise they are saved as drafts)"))
        self.schedule_check.setChecked(True)
        self.hint_label = QLabel()
        self.hint_label.setTextFormat(Qt.TextFormat.PlainText)
        self.hint_label.setWordWrap(True)
        self.hint_label.setStyleSheet("color: #1f5fad;")
        self.preview_label = QLabel()
        self.preview_label.setTextFormat(Qt.TextFormat.PlainText)
        self.preview = QListWidget()
        self.preview.setAccessibleName(self.tr("Dates of the series"))
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setStyleSheet("color: #b42318;")
        self.message.setWordWrap(True)

        rule_row = QHBoxLayout()
        rule_row.addWidget(self.frequency_combo)
        rule_row.addWidget(self.weekday_combo)
        rule_row.addWidget(self.month_day_spin)
        rule_row.addWidget(QLabel(self.tr("at")))
        rule_row.addWidget(self.time_edit)
        rule_row.addStretch(1)
        span_row = QHBoxLayout()
        span_row.addWidget(self.start_edit)
        span_row.addWidget(QLabel("–"))
        span_row.addWidget(self.end_edit)
        span_row.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Title"), self.title_edit)
        form.addRow(self.tr("Text"), self.body_edit)
        form.addRow(self.tr("Category"), self.category_combo)
        form.addRow(self.tr("Channels"), channel_box)
        repeat = QVBoxLayout()
        repeat.addLayout(rule_row)
        repeat.addWidget(self.hint_label)
        form.addRow(self.tr("Repeat"), repeat)
        form.addRow(self.tr("From – until"), span_row)
        form.addRow("", self.skip_check)
        form.addRow("", self.schedule_check)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Create posts"))
        self.buttons.accepted.connect(self.create_series)
        self.buttons.rejected.connect(self.reject)
        right = QVBoxLayout()
        right.addWidget(self.preview_label)
        right.addWidget(self.preview, 1)
        body = QHBoxLayout()
        body.addLayout(form, 3)
        body.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

        for signal in (
            self.frequency_combo.currentIndexChanged,
            self.weekday_combo.currentIndexChanged,
            self.month_day_spin.valueChanged,
            self.start_edit.dateChanged,
            self.end_edit.dateChanged,
            self.skip_check.toggled,
        ):
            signal.connect(self.update_preview)
        self.resize(980, 520)
        self.update_preview()

    def rule(self) -> RecurrenceRule:
        frequency = Frequency(self.frequency_combo.currentData())
        at = self.time_edit.time()
        return RecurrenceRule(
            frequency=frequency,
            at=time(at.hour(), at.minute()),
            starts_on=pydate(self.start_edit.date()),
            ends_on=pydate(self.end_edit.date()),
            weekday=self.weekday_combo.currentData() if frequency is Frequency.WEEKLY else None,
            month_day=self.month_day_spin.value() if frequency is Frequency.MONTHLY else None,
            skip_holidays=self.skip_check.isChecked(),
        )

    def _days_off(self, first: date, last: date) -> dict[date, str]:
        from kurum_masaustu import calendar_data

        days: dict[date, str] = {}
        for event in calendar_data.days_between(
            first, last, custom=self._planning.custom_days(), corrections=self._planning.corrections()
        ):
            if event.day_off and not event.half_day and not event.hidden:
                for day in event.span.days():
                    days.setdefault(day, event.name)
        return days

    def _problem(self, code: str) -> str:
        return {
            "ends_before_start": self.tr("The series ends before it starts."),
            "empty": self.tr("These dates give no post: every date falls on a holiday or outside the period."),
            "too_many": self.tr("That is more than two years of posts; choose an earlier end date."),
            "weekday": self.tr("Choose a weekday."),
            "month_day": self.tr("Choose a day of the month."),
            "no_channel": self.tr("Choose at least one channel."),
            "past": self.tr("The first post of the series would be in the past; start later."),
        }.get(code, code)

    def update_preview(self) -> None:
        weekly = self.frequency_combo.currentData() == Frequency.WEEKLY.value
        self.weekday_combo.setVisible(weekly)
        self.month_day_spin.setVisible(not weekly)
        weekday = self.weekday_combo.currentData() if weekly else pydate(self.start_edit.date()).weekday()
        self.hint_label.setText(best_time_text(self._samples, weekday))
        self.preview.clear()
        try:
            rule = self.rule()
            found = occurrences(rule, self._days_off(rule.starts_on, rule.ends_on))
        except RecurrenceError as exc:
            self.preview_label.setText(self.tr("No dates"))
            self.message.setText(self._problem(exc.code))
            self.ok_button.setEnabled(False)
            return
        self.message.clear()
        self.ok_button.setEnabled(True)
        self.preview_label.setText(
            self.tr("%n post(s) will be made", "", len(found.dates))
            + (" · " + self.tr("%n date(s) skipped", "", len(found.skipped)) if found.skipped else "")
        )
        locale = QLocale()
        skipped = dict(found.skipped)
        for day in sorted([*found.dates, *skipped]):
            text = locale.toString(qdate(day), "d MMMM yyyy, dddd")
            item = QListWidgetItem(text)
            if day in skipped:
                reason = self.tr("removed") if skipped[day] == EXCEPTION else skipped[day]
                skipped_word = self.tr("skipped")
                item.setText(f"{text} — {skipped_word}: {reason}")
                item.setForeground(Qt.GlobalColor.gray)
            self.preview.addItem(item)

    def create_series(self) -> None:
        """Save the series and its posts; on a problem say what, and keep everything typed."""
        try:
            rule = self.rule()
            draft = SeriesDraft(
                title=self.title_edit.text(),
                body=self.body_edit.toPlainText(),
                channel_ids=[cid for cid, check in self.channel_checks.items() if check.isChecked()],
                rule=rule,
                category=Category(self.category_combo.currentData()),
                schedule=self.schedule_check.isChecked(),
                days_off=self._days_off(rule.starts_on, rule.ends_on),
            )
            self.series_id, _posts = self._planning.create_series(draft)
        except RecurrenceError as exc:
            self.message.setText(self._problem(exc.code))
            return
        except PlanningError as exc:
            self.message.setText(
                self.tr("Write the text of the post.") if exc.code == "empty" else self._problem(exc.code)
            )
            return
        self.accept()
