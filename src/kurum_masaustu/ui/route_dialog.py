"""Route a message to a municipal unit: assign, add an internal note, open an e-mail draft to
the unit, or save a Beyaz Masa / CİMER note. Personal data is taken out of what leaves the app."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kurum_masaustu.services.routing import RoutingError, RoutingService, UnitRow


def _open_url(url: str) -> bool:
    return QDesktopServices.openUrl(QUrl(url))


class RouteDialog(QDialog):
    """``open_url`` and ``save_path`` are the desktop's (tests give their own)."""

    def __init__(
        self,
        routing: RoutingService,
        item_id: int,
        reference: str,
        current_unit: int | None,
        *,
        open_url: Callable[[str], bool] = _open_url,
        save_path: Callable[[QWidget, str], str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Route to a unit — {reference}").format(reference=reference))
        self.resize(560, 560)
        self._routing = routing
        self._item_id = item_id
        self._reference = reference
        self._open_url = open_url
        self._save_path = save_path or self._ask_path
        self.changed = False
        self.units_changed = False
        self.unit_combo = QComboBox()
        self.unit_combo.setAccessibleName(self.tr("Unit"))
        self.edit_units_button = QPushButton(self.tr("Edit units…"))
        self.edit_units_button.setToolTip(self.tr("Names, e-mail addresses, phones and keywords of the units"))
        self.edit_units_button.clicked.connect(self.edit_units)
        self._units = self._fill_units(current_unit)
        self.contact_label = QLabel()
        self.contact_label.setTextFormat(Qt.TextFormat.PlainText)
        self.contact_label.setStyleSheet("color: #57606a;")
        self.note_edit = QPlainTextEdit()
        self.note_edit.setAccessibleName(self.tr("Internal note"))
        self.note_edit.setPlaceholderText(self.tr("Internal note (stays in the app; also sent to the unit)"))
        self.note_edit.setMaximumHeight(80)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName(self.tr("What the unit receives"))
        self.kvkk_label = QLabel(
            self.tr("Personal data (T.C. kimlik no, phone, IBAN, e-mail) is taken out; the name stays here.")
        )
        self.kvkk_label.setWordWrap(True)
        self.kvkk_label.setStyleSheet("color: #57606a;")
        self.assign_button = QPushButton(self.tr("Assign"))
        self.mail_button = QPushButton(self.tr("E-mail draft…"))
        self.export_button = QPushButton(self.tr("Beyaz Masa / CİMER file…"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.assign_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.mail_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.assign_button.clicked.connect(self.assign)
        self.mail_button.clicked.connect(self.mail)
        self.export_button.clicked.connect(self.export)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Unit:")))
        unit_row = QHBoxLayout()
        unit_row.addWidget(self.unit_combo, 1)
        unit_row.addWidget(self.edit_units_button)
        layout.addLayout(unit_row)
        layout.addWidget(self.contact_label)
        layout.addWidget(self.note_edit)
        layout.addWidget(QLabel(self.tr("E-mail to the unit (preview):")))
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.kvkk_label)
        layout.addWidget(buttons)
        self.unit_combo.currentIndexChanged.connect(self._update)
        self.note_edit.textChanged.connect(self._update)
        self._update()

    def _fill_units(self, current_unit: int | None) -> dict[int, UnitRow]:
        suggested = self._routing.suggest(self._item_id)
        units = {unit.id: unit for unit in self._routing.units()}
        self.unit_combo.blockSignals(True)
        self.unit_combo.clear()
        order = [u for u in suggested if u in units] + [u for u in units if u not in suggested]
        for unit_id in order:
            label = units[unit_id].name
            if unit_id in suggested:
                label = self.tr("{unit} (suggested)").format(unit=label)
            self.unit_combo.addItem(label, unit_id)
        if current_unit is not None and current_unit in units:
            self.unit_combo.setCurrentIndex(self.unit_combo.findData(current_unit))
        self.unit_combo.blockSignals(False)
        return units

    def edit_units(self) -> None:
        """The units dialog; the list here is read again afterwards (suggestions included)."""
        from kurum_masaustu.services.units import UnitService
        from kurum_masaustu.ui.units_dialog import UnitsDialog

        dialog = UnitsDialog(UnitService(self._routing.sessions), self)
        self.last_dialog = dialog
        dialog.exec()
        if dialog.changed:
            self.units_changed = True
            self._units = self._fill_units(self.unit_id())
            self._update()

    def unit_id(self) -> int | None:
        data = self.unit_combo.currentData()
        return int(data) if data is not None else None

    def _update(self) -> None:
        unit_id = self.unit_id()
        unit = self._units.get(unit_id) if unit_id is not None else None
        for button in (self.assign_button, self.mail_button, self.export_button):
            button.setEnabled(unit is not None)
        if unit is None:
            self.contact_label.setText(self.tr("No units yet."))
            self.preview.clear()
            return
        self.contact_label.setText(
            " · ".join(part for part in (unit.email or self.tr("no e-mail address"), unit.phone) if part)
        )
        self.mail_button.setEnabled(bool(unit.email))
        preview = self._routing.preview(self._item_id, unit.id, self.note_edit.toPlainText())
        if preview is not None:
            self.preview.setPlainText(f"{preview[0]}\n\n{preview[1]}")

    def _note(self) -> str:
        return self.note_edit.toPlainText().strip()

    def assign(self) -> None:
        unit_id = self.unit_id()
        if unit_id is None:
            return
        self._routing.assign(self._item_id, unit_id)
        self._routing.note(self._item_id, self._note())
        self.changed = True
        self.accept()

    def mail(self) -> None:
        unit_id = self.unit_id()
        if unit_id is None:
            return
        try:
            draft = self._routing.forward(self._item_id, unit_id, self._note())
        except RoutingError as exc:
            QMessageBox.warning(self, self.windowTitle(), self._problem(exc))
            return
        self._routing.note(self._item_id, self._note())
        self.changed = True
        if not self._open_url(draft.url):
            QMessageBox.information(
                self,
                self.windowTitle(),
                self.tr("No e-mail program opened. The text is below; copy it into your e-mail."),
            )
            self.preview.setPlainText(f"{draft.subject}\n\n{draft.body}")
            return
        self.accept()

    def export(self) -> None:
        unit_id = self.unit_id()
        if unit_id is None:
            return
        chosen = self._save_path(self, f"{self._reference}.txt")
        if not chosen:
            return
        try:
            self._routing.export(self._item_id, unit_id, Path(chosen), self._note())
        except RoutingError as exc:
            QMessageBox.warning(self, self.windowTitle(), self._problem(exc))
            return
        self.changed = True
        self.accept()

    def _ask_path(self, parent: QWidget, name: str) -> str:
        path, _ = QFileDialog.getSaveFileName(
            parent, self.tr("Save the Beyaz Masa / CİMER note"), str(Path.home() / name), self.tr("Text (*.txt)")
        )
        return path

    def _problem(self, exc: RoutingError) -> str:
        messages = {
            "no_email": self.tr("The unit has no e-mail address. Add one in the unit's contacts."),
            "no_item": self.tr("The message is no longer in the inbox."),
            "no_unit": self.tr("The unit no longer exists."),
            "write_failed": self.tr("The file could not be written: {detail}"),
        }
        return messages.get(exc.code, exc.code).format(detail=exc.detail)
