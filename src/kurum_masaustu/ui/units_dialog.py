"""Edit the municipal units messages are routed to: name, e-mail, phone and the keywords that
suggest a unit for a message. Deleting a unit with messages asks where they go."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kurum_masaustu.rules.units import clean_card, parse_keywords
from kurum_masaustu.services.units import UnitError, UnitService


class UnitsDialog(QDialog):
    def __init__(self, units: UnitService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unitsDialog")
        self.setWindowTitle(self.tr("Units and contacts"))
        self.resize(680, 440)
        self._units = units
        self.changed = False
        self.unit_list = QListWidget()
        self.unit_list.setAccessibleName(self.tr("Units"))
        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName(self.tr("Unit name"))
        self.email_edit = QLineEdit()
        self.email_edit.setAccessibleName(self.tr("E-mail"))
        self.email_edit.setPlaceholderText("fen@belediye.bel.tr")
        self.phone_edit = QLineEdit()
        self.phone_edit.setAccessibleName(self.tr("Phone"))
        self.keywords_edit = QPlainTextEdit()
        self.keywords_edit.setAccessibleName(self.tr("Keywords"))
        self.keywords_edit.setPlaceholderText(self.tr("asfalt, çukur, kaldırım"))
        hint = QLabel(self.tr("Comma-separated. A message that mentions one of these words suggests this unit."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #57606a;")
        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.name_edit)
        form.addRow(self.tr("E-mail:"), self.email_edit)
        form.addRow(self.tr("Phone:"), self.phone_edit)
        form.addRow(self.tr("Keywords:"), self.keywords_edit)
        form.addRow(hint)
        self.new_button = QPushButton(self.tr("New unit"))
        self.save_button = QPushButton(self.tr("Save unit"))
        self.delete_button = QPushButton(self.tr("Delete unit…"))
        row = QHBoxLayout()
        for button in (self.new_button, self.save_button, self.delete_button):
            row.addWidget(button)
        row.addStretch(1)
        right = QVBoxLayout()
        right.addLayout(form, 1)
        right.addLayout(row)
        body = QHBoxLayout()
        body.addWidget(self.unit_list, 1)
        body.addLayout(right, 2)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)
        self.new_button.clicked.connect(self.new_unit)
        self.save_button.clicked.connect(self.save_unit)
        self.delete_button.clicked.connect(self.delete_unit)
        self.unit_list.currentItemChanged.connect(self._show)
        self._reload()

    def _reload(self, select: int | None = None) -> None:
        self.unit_list.blockSignals(True)
        self.unit_list.clear()
        for unit in self._units.units():
            item = QListWidgetItem(unit.name)
            item.setData(Qt.ItemDataRole.UserRole, unit.id)
            self.unit_list.addItem(item)
            if unit.id == select:
                self.unit_list.setCurrentItem(item)
        self.unit_list.blockSignals(False)
        if self.unit_list.currentItem() is None and self.unit_list.count():
            self.unit_list.setCurrentRow(0)
        self._show()

    def current_id(self) -> int | None:
        item = self.unit_list.currentItem()
        return int(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def _show(self) -> None:
        unit_id = self.current_id()
        unit = next((u for u in self._units.units() if u.id == unit_id), None)
        self.name_edit.setText(unit.name if unit else "")
        self.email_edit.setText(unit.email if unit else "")
        self.phone_edit.setText(unit.phone if unit else "")
        self.keywords_edit.setPlainText(", ".join(unit.keywords) if unit else "")
        self.delete_button.setEnabled(unit is not None)

    def new_unit(self) -> None:
        self.unit_list.setCurrentRow(-1)
        self.unit_list.clearSelection()
        for edit in (self.name_edit, self.email_edit, self.phone_edit):
            edit.clear()
        self.keywords_edit.clear()
        self.delete_button.setEnabled(False)
        self.name_edit.setFocus()

    def save_unit(self) -> bool:
        card = clean_card(
            self.name_edit.text(),
            self.email_edit.text(),
            self.phone_edit.text(),
            parse_keywords(self.keywords_edit.toPlainText()),
        )
        try:
            unit_id = self._units.save(self.current_id(), card)
        except UnitError as exc:
            QMessageBox.warning(self, self.windowTitle(), "\n".join(self._problem(code) for code in exc.codes))
            return False
        self.changed = True
        self._reload(select=unit_id)
        return True

    def delete_unit(self) -> None:
        unit_id = self.current_id()
        if unit_id is None:
            return
        name = self.name_edit.text()
        count = self._units.assigned_count(unit_id)
        try:
            if count == 0:
                answer = QMessageBox.question(
                    self, self.windowTitle(), self.tr("Delete the unit “{unit}”?").format(unit=name)
                )
                if answer != QMessageBox.StandardButton.Yes:
                    return
                self._units.delete(unit_id)
            else:
                others = [u for u in self._units.units() if u.id != unit_id]
                nobody = self.tr("Nobody (unassigned)")
                choices = [u.name for u in others] + [nobody]
                chosen, ok = QInputDialog.getItem(
                    self,
                    self.windowTitle(),
                    self.tr(
                        "Messages assigned to “{unit}”: {count}. The unit can only be deleted if they "
                        "move. Move them to:"
                    ).format(count=count, unit=name),
                    choices,
                    0,
                    False,
                )
                if not ok:
                    return
                target = next((u.id for u in others if u.name == chosen), None)
                self._units.delete(unit_id, move_to=target, move=True)
        except UnitError as exc:
            QMessageBox.warning(self, self.windowTitle(), "\n".join(self._problem(code) for code in exc.codes))
            self._reload()
            return
        self.changed = True
        self._reload()

    def _problem(self, code: str) -> str:
        return {
            "empty_name": self.tr("Please give the unit a name."),
            "long_name": self.tr("The unit's name is too long (at most 200 characters)."),
            "duplicate_name": self.tr("There is already a unit with this name."),
            "bad_email": self.tr("The e-mail address does not look right (for example: fen@belediye.bel.tr)."),
            "bad_phone": self.tr("The phone number needs at least three digits (at most 50 characters)."),
            "no_unit": self.tr("The unit no longer exists."),
            "in_use": self.tr("Messages are assigned to this unit; move them first."),
        }.get(code, code)
