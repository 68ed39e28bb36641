"""Write a reply to a citizen: start from a polite template (its fields filled from the item),
edit, and see the tone check's warnings before the reply is queued."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kurum_masaustu.rules.inbox import ToneKind, ToneWarning, tone_check
from kurum_masaustu.rules.templates import fill
from kurum_masaustu.services.templates import TemplateRecord


def tone_kind_name(kind: ToneKind) -> str:
    from PySide6.QtCore import QCoreApplication

    names = {
        ToneKind.DEFENSIVE: QCoreApplication.translate("ReplyDialog", "Defensive"),
        ToneKind.DISMISSIVE: QCoreApplication.translate("ReplyDialog", "Dismissive"),
        ToneKind.AGGRESSIVE: QCoreApplication.translate("ReplyDialog", "Aggressive"),
        ToneKind.SHOUTING: QCoreApplication.translate("ReplyDialog", "Shouting"),
        ToneKind.EXCLAMATION: QCoreApplication.translate("ReplyDialog", "Exclamation marks"),
        ToneKind.PERSONAL_DATA: QCoreApplication.translate("ReplyDialog", "Personal data"),
    }
    return names[kind]


class ReplyDialog(QDialog):
    """``known`` fills template fields the app knows (ad, basvuru_no, birim); ``accepted_action``
    is "queue" or "draft" once the dialog is accepted."""

    def __init__(
        self,
        templates: Sequence[TemplateRecord],
        known: Mapping[str, str],
        *,
        category: str | None = None,
        draft: str = "",
        citizen_text: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reply to the citizen"))
        self.resize(620, 640)
        self._templates = list(templates)
        self._known = dict(known)
        self.accepted_action = ""
        self.inputs: dict[str, QLineEdit] = {}

        self.quoted = QPlainTextEdit()  # the citizen's words: plain text, read-only
        self.quoted.setReadOnly(True)
        self.quoted.setPlainText(citizen_text)
        self.quoted.setMaximumHeight(70)
        self.quoted.setAccessibleName(self.tr("The citizen's message"))
        self.chooser = QComboBox()
        self.chooser.setAccessibleName(self.tr("Reply template"))
        self.chooser.addItem(self.tr("(no template)"), "")
        for template in self._templates:
            self.chooser.addItem(template.name, template.key)
        self.note = QLabel()
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #57606a;")
        self.form_box = QWidget()
        self.form = QFormLayout(self.form_box)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.use_button = QPushButton(self.tr("Use this template"))
        self.use_button.clicked.connect(self.use_template)
        self.editor = QPlainTextEdit()
        self.editor.setAccessibleName(self.tr("Reply text"))
        self.editor.setPlaceholderText(self.tr("Write the reply, or start from a template above."))
        self.editor.setPlainText(draft)
        self.warnings_label = QLabel()
        self.warnings_label.setTextFormat(Qt.TextFormat.PlainText)
        self.warnings_label.setWordWrap(True)
        self.warnings_label.setObjectName("toneWarnings")

        buttons = QDialogButtonBox()
        self.queue_button = buttons.addButton(self.tr("Send (queue)"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.draft_button = buttons.addButton(self.tr("Save draft"), QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.queue_button.clicked.connect(self._queue)
        self.draft_button.clicked.connect(self._draft)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Message:")))
        layout.addWidget(self.quoted)
        layout.addWidget(QLabel(self.tr("Template:")))
        layout.addWidget(self.chooser)
        layout.addWidget(self.note)
        layout.addWidget(self.form_box)
        layout.addWidget(self.use_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(QLabel(self.tr("Reply:")))
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.warnings_label)
        layout.addWidget(buttons)

        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(150)
        self._check_timer.timeout.connect(self.check_tone)
        self.editor.textChanged.connect(self._check_timer.start)
        self.chooser.currentIndexChanged.connect(self._show_template)
        preferred = next((t.key for t in self._templates if category and t.category == category), "")
        if preferred:
            self.chooser.setCurrentIndex(self.chooser.findData(preferred))
        self._show_template()
        if not draft and preferred:
            self.use_template()
        self.check_tone()

    def current(self) -> TemplateRecord | None:
        key = self.chooser.currentData()
        return next((t for t in self._templates if t.key == key), None)

    def _show_template(self) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.inputs = {}
        template = self.current()
        self.note.setText(template.note if template else "")
        self.note.setVisible(bool(template and template.note))
        self.use_button.setEnabled(template is not None)
        if template is None:
            return
        for spec in template.fields:
            edit = QLineEdit(self._known.get(spec.name, ""))
            edit.setPlaceholderText(spec.hint or spec.example)
            edit.setAccessibleName(spec.label)
            self.form.addRow(spec.label, edit)
            self.inputs[spec.name] = edit

    def values(self) -> dict[str, str]:
        return {name: edit.text().strip() for name, edit in self.inputs.items() if edit.text().strip()}

    def use_template(self) -> None:
        """Put the template, filled with the fields' values, into the editor."""
        template = self.current()
        if template is not None:
            self.editor.setPlainText(fill(template.body, self.values(), template.fields).text)

    def text(self) -> str:
        return self.editor.toPlainText().strip()

    def warnings(self) -> list[ToneWarning]:
        return tone_check(self.editor.toPlainText())

    def check_tone(self) -> None:
        self._check_timer.stop()
        found = self.warnings()
        if not found:
            ok = bool(self.text())
            self.warnings_label.setText(self.tr("Tone check: no problems found.") if ok else "")
            self.warnings_label.setStyleSheet("color: #1a7f37;")
            return
        lines = [
            self.tr("Tone check — {kind}: “{excerpt}”. {hint}").format(
                kind=tone_kind_name(w.kind), excerpt=w.excerpt[:60], hint=w.message
            )
            for w in found[:6]
        ]
        self.warnings_label.setText("\n".join(lines))
        self.warnings_label.setStyleSheet("color: #b42318;")

    def _unfilled(self) -> bool:
        return "{" in self.text() and "}" in self.text()

    def _queue(self) -> None:
        if not self.text():
            QMessageBox.warning(self, self.windowTitle(), self.tr("The reply is empty."))
            return
        if self._unfilled():
            QMessageBox.warning(
                self, self.windowTitle(), self.tr("The reply still has a field in braces {…} to fill in.")
            )
            return
        found = self.warnings()
        if found:
            answer = QMessageBox.question(
                self,
                self.windowTitle(),
                self.tr("The tone check found %n problem(s). Send the reply anyway?", "", len(found)),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.accepted_action = "queue"
        self.accept()

    def _draft(self) -> None:
        self.accepted_action = "draft"
        self.accept()
