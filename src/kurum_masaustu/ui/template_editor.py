"""Editing templates: the person's own are created, edited, copied and deleted; shipped ones are
read-only but can be copied (and one changed in an earlier version can go back to the shipped
text). The fields follow the body's ``{placeholders}``; each gets a label, kind, hint, example."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kurum_masaustu.rules.templates import FieldKind, FieldSpec, TemplateProblem, TemplateProblemCode, parse_fields
from kurum_masaustu.services.templates import TemplateError, TemplateRecord, TemplateService

COLUMNS = ("name", "label", "kind", "required", "hint", "example")


def field_kind_label(kind: FieldKind) -> str:
    names = {
        FieldKind.TEXT: QCoreApplication.translate("Templates", "Text"),
        FieldKind.DATE: QCoreApplication.translate("Templates", "Date"),
        FieldKind.TIME: QCoreApplication.translate("Templates", "Time"),
        FieldKind.URL: QCoreApplication.translate("Templates", "Web address"),
        FieldKind.PHONE: QCoreApplication.translate("Templates", "Phone"),
        FieldKind.LIST: QCoreApplication.translate("Templates", "List"),
        FieldKind.NUMBER: QCoreApplication.translate("Templates", "Number"),
    }
    return names[kind]


def template_problem_message(problem: TemplateProblem) -> str:
    messages = {
        TemplateProblemCode.EMPTY_FIELD_NAME: QCoreApplication.translate(
            "Templates", "“{{}}” has no field name inside."
        ),
        TemplateProblemCode.INVALID_FIELD_NAME: QCoreApplication.translate(
            "Templates", "A field name may hold letters, digits and “_” only, no spaces ({field})."
        ),
        TemplateProblemCode.UNCLOSED_BRACE: QCoreApplication.translate(
            "Templates", "A “{{” is not closed (write “{{{{” for a brace in the text)."
        ),
        TemplateProblemCode.STRAY_CLOSING_BRACE: QCoreApplication.translate(
            "Templates", "A “}}” has no opening brace (write “}}}}” for a brace in the text)."
        ),
        TemplateProblemCode.TOO_MANY_FIELDS: QCoreApplication.translate("Templates", "Too many fields."),
        TemplateProblemCode.EMPTY_LABEL: QCoreApplication.translate(
            "Templates", "The field {field} needs a label (what the person is asked)."
        ),
        TemplateProblemCode.INVALID_EXAMPLE: QCoreApplication.translate(
            "Templates", "The example of {field} does not fit its kind."
        ),
    }
    text = messages.get(problem.code, QCoreApplication.translate("Templates", "The field {field} is not right."))
    return text.format(field=problem.field)


class TemplateEditorDialog(QDialog):
    def __init__(self, service: TemplateService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Templates"))
        self.resize(900, 600)
        self._service = service
        self._records: list[TemplateRecord] = []
        self._loading = False

        self.purpose_combo = QComboBox()
        self.purpose_combo.setAccessibleName(self.tr("Kind of templates"))
        self.purpose_combo.addItem(self.tr("Announcement templates"), "post")
        self.purpose_combo.addItem(self.tr("Reply templates"), "reply")
        self.template_list = QListWidget()
        self.template_list.setAccessibleName(self.tr("Templates"))
        self.new_button = QPushButton(self.tr("New"))
        self.copy_button = QPushButton(self.tr("Copy"))
        self.delete_button = QPushButton(self.tr("Delete"))
        left_buttons = QHBoxLayout()
        for button in (self.new_button, self.copy_button, self.delete_button):
            left_buttons.addWidget(button)
        left = QVBoxLayout()
        left.addWidget(self.purpose_combo)
        left.addWidget(self.template_list, 1)
        left.addLayout(left_buttons)

        self.state_label = QLabel()
        self.state_label.setTextFormat(Qt.TextFormat.PlainText)
        self.state_label.setWordWrap(True)
        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName(self.tr("Template name"))
        self.body_edit = QPlainTextEdit()
        self.body_edit.setAccessibleName(self.tr("Template text"))
        self.body_edit.setPlaceholderText(self.tr("The text; a field is written {like_this}."))
        self.fields_table = QTableWidget(0, len(COLUMNS))
        self.fields_table.setAccessibleName(self.tr("Fields"))
        self.fields_table.setHorizontalHeaderLabels(
            [
                self.tr("Field"),
                self.tr("Label"),
                self.tr("Kind"),
                self.tr("Required"),
                self.tr("Hint"),
                self.tr("Example"),
            ]
        )
        self.fields_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.fields_table.verticalHeader().hide()
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.reset_button = QPushButton(self.tr("Back to the shipped text"))
        self.save_button = QPushButton(self.tr("Save"))
        right_buttons = QHBoxLayout()
        right_buttons.addWidget(self.reset_button)
        right_buttons.addStretch(1)
        right_buttons.addWidget(self.save_button)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name_edit)
        right = QVBoxLayout()
        right.addWidget(self.state_label)
        right.addLayout(form)
        right.addWidget(self.body_edit, 2)
        right.addWidget(QLabel(self.tr("Fields")))
        right.addWidget(self.fields_table, 1)
        right.addWidget(self.message)
        right.addLayout(right_buttons)

        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(right, 3)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(close)

        self.purpose_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.template_list.currentRowChanged.connect(lambda _row: self._show(self.current()))
        self.body_edit.textChanged.connect(self._sync_fields)
        self.new_button.clicked.connect(lambda: self.new_template())
        self.copy_button.clicked.connect(lambda: self.copy_current())
        self.delete_button.clicked.connect(lambda: self.delete_current())
        self.reset_button.clicked.connect(lambda: self.reset_current())
        self.save_button.clicked.connect(lambda: self.save_current())
        self.reload()

    # -- listing ----------------------------------------------------------------------------
    def purpose(self) -> str:
        return str(self.purpose_combo.currentData())

    def reload(self, select_key: str | None = None) -> None:
        self._records = self._service.list(self.purpose())  # type: ignore[arg-type]
        self.template_list.blockSignals(True)
        self.template_list.clear()
        for record in self._records:
            mark = self.tr(" (shipped)") if record.built_in else (self.tr(" (changed)") if record.modified else "")
            self.template_list.addItem(QListWidgetItem(record.name + mark))
        row = next((i for i, r in enumerate(self._records) if r.key == select_key), 0 if self._records else -1)
        self.template_list.setCurrentRow(row)
        self.template_list.blockSignals(False)
        self._show(self.current())

    def current(self) -> TemplateRecord | None:
        row = self.template_list.currentRow()
        return self._records[row] if 0 <= row < len(self._records) else None

    def _show(self, record: TemplateRecord | None) -> None:
        self._loading = True
        editable = record is not None and not record.built_in
        self.name_edit.setText(record.name if record else "")
        self.body_edit.setPlainText(record.body if record else "")
        self._fill_fields(record.fields if record else (), editable)
        self._loading = False
        self.name_edit.setReadOnly(not editable)
        self.body_edit.setReadOnly(not editable)
        self.save_button.setEnabled(editable)
        self.copy_button.setEnabled(record is not None)
        self.delete_button.setEnabled(record is not None and not record.shipped)
        self.reset_button.setVisible(record is not None and record.modified)
        if record is None:
            self.state_label.setText(self.tr("No templates yet: make one with “New”."))
        elif record.built_in:
            self.state_label.setText(
                self.tr("A shipped template: it cannot be changed here. Copy it to make your own version.")
            )
        elif record.modified:
            self.state_label.setText(self.tr("A shipped template you changed; it can go back to the shipped text."))
        else:
            self.state_label.setText(self.tr("Your own template."))
        self.message.clear()

    # -- fields -----------------------------------------------------------------------------
    def _fill_fields(self, specs: tuple[FieldSpec, ...] | list[FieldSpec], editable: bool) -> None:
        self.fields_table.setRowCount(0)
        for spec in specs:
            self._add_field_row(spec, editable)

    def _add_field_row(self, spec: FieldSpec, editable: bool) -> None:
        row = self.fields_table.rowCount()
        self.fields_table.insertRow(row)
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        name = QTableWidgetItem(spec.name)
        name.setFlags(flags)
        self.fields_table.setItem(row, 0, name)
        for column, value in ((1, spec.label), (4, spec.hint), (5, spec.example)):
            item = QTableWidgetItem(value)
            item.setFlags(flags | Qt.ItemFlag.ItemIsEditable if editable else flags)
            self.fields_table.setItem(row, column, item)
        kind = QComboBox()
        for option in FieldKind:
            kind.addItem(field_kind_label(option), option)
        kind.setCurrentIndex(kind.findData(spec.kind))
        kind.setEnabled(editable)
        self.fields_table.setCellWidget(row, 2, kind)
        required = QCheckBox()
        required.setChecked(spec.required)
        required.setEnabled(editable)
        self.fields_table.setCellWidget(row, 3, required)

    def field_specs(self) -> list[FieldSpec]:
        specs = []
        for row in range(self.fields_table.rowCount()):

            def text(column: int, row: int = row) -> str:
                item = self.fields_table.item(row, column)
                return item.text() if item is not None else ""

            kind = self.fields_table.cellWidget(row, 2)
            required = self.fields_table.cellWidget(row, 3)
            assert isinstance(kind, QComboBox)
            assert isinstance(required, QCheckBox)
            specs.append(
                FieldSpec(text(0), text(1), FieldKind(kind.currentData()), required.isChecked(), text(4), text(5))
            )
        return specs

    def _sync_fields(self) -> None:
        """Rows follow the body's fields: new ones get a default label, removed ones go."""
        if self._loading or self.body_edit.isReadOnly():
            return
        from kurum_masaustu.rules.templates import default_label

        try:
            names = parse_fields(self.body_edit.toPlainText())
        except ValueError:
            return
        known = {spec.name: spec for spec in self.field_specs()}
        wanted = [known.get(name, FieldSpec(name, default_label(name))) for name in names]
        if [s.name for s in wanted] != list(known):
            self._fill_fields(wanted, True)

    # -- actions ----------------------------------------------------------------------------
    def save_current(self) -> TemplateRecord | None:
        record = self.current()
        if record is None or record.built_in:
            return None
        try:
            saved = self._service.save(
                record.key, self.name_edit.text(), self.body_edit.toPlainText(), self.field_specs()
            )
        except TemplateError as exc:
            self._show_error(exc)
            return None
        self.reload(saved.key)
        self.message.setStyleSheet("color: #1a7f37;")
        self.message.setText(self.tr("Saved."))
        return saved

    def _show_error(self, exc: TemplateError) -> None:
        messages = {
            "empty_name": self.tr("Give the template a name."),
            "empty_body": self.tr("Write the template's text."),
        }
        if exc.code == "invalid_body" and exc.problems:
            text = "\n".join(template_problem_message(p) for p in exc.problems if isinstance(p, TemplateProblem))
        else:
            text = messages.get(exc.code, self.tr("The template could not be saved."))
        self.message.setStyleSheet("color: #b42318;")
        self.message.setText(text)

    def _create(self, name: str, body: str, fields: list[FieldSpec]) -> TemplateRecord:
        key = self._service.suggest_key(name)
        return self._service.save(key, name, body, fields, purpose=self.purpose())  # type: ignore[arg-type]

    def new_template(self) -> TemplateRecord:
        record = self._create(self.tr("New template"), self.tr("Text with a {field}."), [])
        self.reload(record.key)
        self.name_edit.setFocus()
        self.name_edit.selectAll()
        return record

    def copy_current(self) -> TemplateRecord | None:
        record = self.current()
        if record is None:
            return None
        copy = self._create(self.tr("{name} (copy)").format(name=record.name), record.body, list(record.fields))
        self.reload(copy.key)
        return copy

    def delete_current(self, confirm: bool = True) -> bool:
        record = self.current()
        if record is None or record.shipped:
            return False
        if confirm:
            answer = QMessageBox.question(
                self, self.tr("Delete template"), self.tr("Delete the template “{name}”?").format(name=record.name)
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        self._service.delete(record.key)
        self.reload()
        return True

    def reset_current(self) -> None:
        record = self.current()
        if record is not None and record.modified:
            self.reload(self._service.reset(record.key).key)
