"""The institution's own days: local liberation day, festivals, extra days off, national mourning.

They are kept in the profile and show like the built-in days: in every view, in reminders
("… için planlanmış içerik yok") and in the composer's tone checks (a mourning day flags
celebratory wording).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
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
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from kurum_masaustu.rules.days import CustomDay, DayCategory, Tone
from kurum_masaustu.rules.timeutil import today_local
from kurum_masaustu.services.planning import PlanningService
from kurum_masaustu.ui.calendar_grid import pydate, qdate


def tone_name(tone: Tone) -> str:
    return {
        Tone.COMMEMORATION: QCoreApplication.translate("Days", "Commemoration (no celebration, no emoji)"),
        Tone.CELEBRATION: QCoreApplication.translate("Days", "Celebration"),
        Tone.RELIGIOUS_GREETING: QCoreApplication.translate("Days", "Religious greeting"),
        Tone.AWARENESS: QCoreApplication.translate("Days", "Awareness"),
        Tone.INFORMATION: QCoreApplication.translate("Days", "Information"),
    }[tone]


def day_category_name(category: DayCategory) -> str:
    return {
        DayCategory.NATIONAL: QCoreApplication.translate("Days", "National"),
        DayCategory.RELIGIOUS: QCoreApplication.translate("Days", "Religious"),
        DayCategory.INTERNATIONAL: QCoreApplication.translate("Days", "International"),
        DayCategory.LOCAL_GOVERNMENT: QCoreApplication.translate("Days", "Local"),
        DayCategory.PUBLIC_HOLIDAY: QCoreApplication.translate("Days", "Public holiday"),
    }[category]


class DaysDialog(QDialog):
    def __init__(self, planning: PlanningService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Our own days"))
        self.setObjectName("daysDialog")
        self._planning = planning
        self._key: str | None = None
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Our own days"))
        self.kind_combo = QComboBox()
        self.kind_combo.setAccessibleName(self.tr("Start from"))
        kinds = (
            (self.tr("New day…"), None),
            (self.tr("Local liberation day"), "liberation"),
            (self.tr("National mourning (milli yas)"), "mourning"),
            (self.tr("Local festival"), "festival"),
            (self.tr("Extra day off"), "day_off"),
        )
        for text, value in kinds:
            self.kind_combo.addItem(text, value)
        self.delete_button = QPushButton(self.tr("Delete"))

        self.name_edit = QLineEdit()
        self.yearly_radio = QRadioButton(self.tr("Every year on"))
        self.once_radio = QRadioButton(self.tr("Once, from"))
        group = QButtonGroup(self)
        group.addButton(self.yearly_radio)
        group.addButton(self.once_radio)
        self.yearly_edit = QDateEdit()
        self.yearly_edit.setDisplayFormat("d MMMM")
        self.start_edit = QDateEdit()
        self.end_edit = QDateEdit()
        for edit in (self.start_edit, self.end_edit):
            edit.setDisplayFormat("dd.MM.yyyy")
            edit.setCalendarPopup(True)
        self.category_combo = QComboBox()
        for category in DayCategory:
            if category is not DayCategory.PUBLIC_HOLIDAY:
                self.category_combo.addItem(day_category_name(category), category.value)
        self.tone_combo = QComboBox()
        for tone in Tone:
            self.tone_combo.addItem(tone_name(tone), tone.value)
        self.day_off_check = QCheckBox(self.tr("Offices are closed (a day off)"))
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setStyleSheet("color: #b42318;")
        self.save_button = QPushButton(self.tr("Save day"))

        when = QVBoxLayout()
        yearly = QHBoxLayout()
        yearly.addWidget(self.yearly_radio)
        yearly.addWidget(self.yearly_edit)
        yearly.addStretch(1)
        once = QHBoxLayout()
        once.addWidget(self.once_radio)
        once.addWidget(self.start_edit)
        once.addWidget(QLabel("–"))
        once.addWidget(self.end_edit)
        once.addStretch(1)
        when.addLayout(yearly)
        when.addLayout(once)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow(self.tr("When"), when)
        form.addRow(self.tr("Kind"), self.category_combo)
        form.addRow(self.tr("Tone"), self.tone_combo)
        form.addRow("", self.day_off_check)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(self.message)
        right.addStretch(1)
        right.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addWidget(self.kind_combo)
        left.addWidget(self.delete_button)
        body = QHBoxLayout()
        body.addLayout(left, 2)
        body.addLayout(right, 3)
        note = QLabel(
            self.tr(
                "These days show in the calendar like the built-in ones, remind you when nothing is planned, "
                "and set the tone checks of the composer."
            )
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(body)
        layout.addWidget(buttons)

        self.list.currentItemChanged.connect(self._chosen)
        self.kind_combo.activated.connect(self._start_kind)
        self.delete_button.clicked.connect(self._delete)
        self.save_button.clicked.connect(self.save)
        self.yearly_radio.toggled.connect(self._when_changed)
        self.resize(760, 420)
        self._reload()
        if self.list.count():
            self.list.setCurrentRow(0)
        else:
            self._start_kind(1)

    def _reload(self, select: str | None = None) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for day in self._planning.custom_days():
            if day.rule is not None:
                month, dom = (int(part) for part in day.rule.split(":", 1)[1].split("-"))
                when = QLocale().toString(QDate(2000, month, dom), "d MMMM")
            else:
                assert day.start is not None
                when = f"{day.start:%d.%m.%Y}" + (f" – {day.end:%d.%m.%Y}" if day.end and day.end != day.start else "")
            item = QListWidgetItem(f"{day.name}  ·  {when}")
            item.setData(Qt.ItemDataRole.UserRole, day)
            self.list.addItem(item)
            if day.key == select:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self.delete_button.setEnabled(self._key is not None)

    def _when_changed(self) -> None:
        yearly = self.yearly_radio.isChecked()
        self.yearly_edit.setEnabled(yearly)
        self.start_edit.setEnabled(not yearly)
        self.end_edit.setEnabled(not yearly)

    def _fill(self, day: CustomDay, key: str | None) -> None:
        self._key = key
        self.name_edit.setText(day.name)
        today = today_local()
        if day.rule is not None and day.rule.startswith("fixed:"):
            month, dom = (int(part) for part in day.rule.split(":", 1)[1].split("-"))
            self.yearly_radio.setChecked(True)
            self.yearly_edit.setDate(QDate(today.year, month, dom))
            self.start_edit.setDate(qdate(today))
            self.end_edit.setDate(qdate(today))
        else:
            self.once_radio.setChecked(True)
            start = day.start or today
            self.start_edit.setDate(qdate(start))
            self.end_edit.setDate(qdate(day.end or start))
            self.yearly_edit.setDate(qdate(start))
        self._when_changed()
        self.category_combo.setCurrentIndex(max(0, self.category_combo.findData(day.category.value)))
        self.tone_combo.setCurrentIndex(max(0, self.tone_combo.findData(day.tone.value)))
        self.day_off_check.setChecked(day.day_off)
        self.message.clear()
        self.delete_button.setEnabled(key is not None)

    def _chosen(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if item is not None:
            day: CustomDay = item.data(Qt.ItemDataRole.UserRole)
            self._fill(day, day.key)

    def _start_kind(self, index: int) -> None:
        kind = self.kind_combo.itemData(index)
        self.kind_combo.setCurrentIndex(0)
        today = today_local()
        templates = {
            None: CustomDay(key="new", name="", start=today),
            "liberation": CustomDay(
                key="new",
                name=self.tr("Liberation of our city"),
                category=DayCategory.NATIONAL,
                tone=Tone.CELEBRATION,
                rule=f"fixed:{today:%m-%d}",
            ),
            "mourning": CustomDay.national_mourning("new", today, name=self.tr("National mourning")),
            "festival": CustomDay(key="new", name=self.tr("Festival"), tone=Tone.CELEBRATION, start=today),
            "day_off": CustomDay(key="new", name=self.tr("Extra day off"), start=today, day_off=True),
        }
        self.list.clearSelection()
        self._fill(templates[kind], None)
        self.name_edit.setFocus()
        self.name_edit.selectAll()

    def save(self) -> str | None:
        name = self.name_edit.text().strip()
        if not name:
            self.message.setText(self.tr("Give the day a name."))
            return None
        common = {
            "key": self._key or self._planning.new_day_key(name),
            "name": name,
            "category": DayCategory(self.category_combo.currentData()),
            "tone": Tone(self.tone_combo.currentData()),
            "day_off": self.day_off_check.isChecked(),
        }
        try:
            if self.yearly_radio.isChecked():
                when = pydate(self.yearly_edit.date())
                day = CustomDay(rule=f"fixed:{when:%m-%d}", **common)  # type: ignore[arg-type]
            else:
                day = CustomDay(start=pydate(self.start_edit.date()), end=pydate(self.end_edit.date()), **common)  # type: ignore[arg-type]
        except ValueError:
            self.message.setText(self.tr("The day ends before it starts."))
            return None
        key = self._planning.save_custom_day(day)
        self._key = key
        self._reload(select=key)
        self.message.clear()
        return key

    def _delete(self) -> None:
        if self._key is not None:
            self._planning.delete_custom_day(self._key)
            self._key = None
            self._reload()
            self._start_kind(0)
