"""Choose a template and fill its fields; the filled text goes to the composer."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from kurum_masaustu.rules.templates import FieldSpec, fill
from kurum_masaustu.services.templates import TemplateRecord


class TemplateDialog(QDialog):
    def __init__(self, templates: list[TemplateRecord], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Write from a template"))
        self.resize(560, 560)
        self._templates = templates
        self.inputs: dict[str, QLineEdit] = {}
        self.chooser = QComboBox()
        self.chooser.setAccessibleName(self.tr("Template"))
        for template in templates:
            self.chooser.addItem(template.name, template.key)
        self.note = QLabel()
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #57606a;")
        self.form_box = QWidget()
        self.form = QFormLayout(self.form_box)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName(self.tr("Filled text"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.chooser)
        layout.addWidget(self.note)
        layout.addWidget(self.form_box)
        layout.addWidget(QLabel(self.tr("Text:")))
        layout.addWidget(self.preview, 1)
        layout.addWidget(buttons)
        self.chooser.currentIndexChanged.connect(self._show_template)
        self._show_template()

    def current(self) -> TemplateRecord | None:
        index = self.chooser.currentIndex()
        return self._templates[index] if 0 <= index < len(self._templates) else None

    def _show_template(self) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.inputs = {}
        template = self.current()
        if template is None:
            return
        self.note.setText(template.note or "")
        self.note.setVisible(bool(template.note))
        for spec in template.fields:
            edit = QLineEdit()
            edit.setPlaceholderText(spec.hint or spec.example)
            edit.setAccessibleName(spec.label)
            edit.textChanged.connect(self._update_preview)
            self.form.addRow(spec.label + ("" if spec.required else " " + self.tr("(optional)")), edit)
            self.inputs[spec.name] = edit
        self._update_preview()

    def values(self) -> dict[str, str]:
        return {name: edit.text().strip() for name, edit in self.inputs.items() if edit.text().strip()}

    def filled(self) -> tuple[str, tuple[FieldSpec, ...]]:
        """The text (fields left empty keep their ``{placeholder}``) and the template's fields."""
        template = self.current()
        if template is None:
            return "", ()
        return fill(template.body, self.values(), template.fields).text, template.fields

    def _update_preview(self) -> None:
        self.preview.setPlainText(self.filled()[0])
