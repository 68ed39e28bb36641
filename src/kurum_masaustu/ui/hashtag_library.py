"""Editing the hashtag library: sets added, renamed, deleted and reordered; each set's kind, dates
(event sets) and tags, sorted the Turkish way on request. Edits are saved when another set is
chosen or the dialog closes; a set that cannot be saved keeps what was typed and says why."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
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

from kurum_masaustu.domain import HashtagSetKind
from kurum_masaustu.rules.timeutil import today_local
from kurum_masaustu.services.hashtags import HashtagLibrary, HashtagSetError, HashtagSetRecord


def kind_label(kind: HashtagSetKind) -> str:
    from PySide6.QtCore import QCoreApplication

    names = {
        HashtagSetKind.GENERAL: QCoreApplication.translate("Hashtags", "General"),
        HashtagSetKind.LOCAL: QCoreApplication.translate("Hashtags", "Local"),
        HashtagSetKind.EVENT: QCoreApplication.translate("Hashtags", "Event (with dates)"),
    }
    return names[kind]


class HashtagLibraryDialog(QDialog):
    def __init__(self, library: HashtagLibrary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Hashtag library"))
        self.resize(720, 480)
        self._library = library
        self._sets: list[HashtagSetRecord] = []
        self._shown: int | None = None  # id of the set in the editor
        self._dirty = False

        self.set_list = QListWidget()
        self.set_list.setAccessibleName(self.tr("Hashtag sets"))
        self.add_button = QPushButton(self.tr("New set…"))
        self.rename_button = QPushButton(self.tr("Rename…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.up_button = QPushButton(self.tr("Move up"))
        self.down_button = QPushButton(self.tr("Move down"))
        list_buttons = QHBoxLayout()
        for button in (self.add_button, self.rename_button, self.delete_button):
            list_buttons.addWidget(button)
        order_buttons = QHBoxLayout()
        order_buttons.addWidget(self.up_button)
        order_buttons.addWidget(self.down_button)
        left = QVBoxLayout()
        left.addWidget(self.set_list, 1)
        left.addLayout(list_buttons)
        left.addLayout(order_buttons)

        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName(self.tr("Set name"))
        self.kind_combo = QComboBox()
        self.kind_combo.setAccessibleName(self.tr("Kind of set"))
        for kind in HashtagSetKind:
            self.kind_combo.addItem(kind_label(kind), kind)
        self.starts_edit = QDateEdit()
        self.ends_edit = QDateEdit()
        for edit, name in ((self.starts_edit, self.tr("From")), (self.ends_edit, self.tr("Until"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd.MM.yyyy")
            edit.setAccessibleName(name)
        dates = QHBoxLayout()
        dates.addWidget(self.starts_edit)
        dates.addWidget(QLabel("–"))
        dates.addWidget(self.ends_edit)
        dates.addStretch(1)
        self.dates_row = QWidget()
        self.dates_row.setLayout(dates)
        dates.setContentsMargins(0, 0, 0, 0)
        self.tags_edit = QPlainTextEdit()
        self.tags_edit.setAccessibleName(self.tr("Tags"))
        self.tags_edit.setPlaceholderText(self.tr("One tag per line, or separated by spaces; “#” is optional."))
        self.sort_button = QPushButton(self.tr("Sort A–Z (Turkish)"))
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow(self.tr("Kind"), self.kind_combo)
        form.addRow(self.tr("Dates"), self.dates_row)
        form.addRow(self.tr("Tags"), self.tags_edit)
        sort_row = QHBoxLayout()
        sort_row.addStretch(1)
        sort_row.addWidget(self.sort_button)
        right = QVBoxLayout()
        right.addLayout(form, 1)
        right.addLayout(sort_row)
        right.addWidget(self.message)
        self.editor = QWidget()
        self.editor.setLayout(right)

        body = QHBoxLayout()
        body.addLayout(left, 2)
        body.addWidget(self.editor, 3)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)

        self.set_list.currentRowChanged.connect(self._row_changed)
        self.add_button.clicked.connect(lambda: self.add_set())
        self.rename_button.clicked.connect(lambda: self.rename_current())
        self.delete_button.clicked.connect(lambda: self.delete_current())
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.sort_button.clicked.connect(self.sort_tags)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        for signal in (
            self.name_edit.textChanged,
            self.tags_edit.textChanged,
            self.kind_combo.currentIndexChanged,
            self.starts_edit.dateChanged,
            self.ends_edit.dateChanged,
        ):
            signal.connect(self._mark_dirty)
        self.reload()

    # -- the list ---------------------------------------------------------------------------
    def reload(self, select_id: int | None = None) -> None:
        self._sets = self._library.list()
        self.set_list.blockSignals(True)
        self.set_list.clear()
        for record in self._sets:
            item = QListWidgetItem(f"{record.name} · {kind_label(record.kind)}")
            item.setToolTip(" ".join("#" + t for t in record.tags))
            self.set_list.addItem(item)
        row = next((i for i, r in enumerate(self._sets) if r.id == select_id), 0 if self._sets else -1)
        self.set_list.setCurrentRow(row)
        self.set_list.blockSignals(False)
        self._show(self._sets[row] if row >= 0 else None)

    def current(self) -> HashtagSetRecord | None:
        row = self.set_list.currentRow()
        return self._sets[row] if 0 <= row < len(self._sets) else None

    def _row_changed(self, row: int) -> None:
        chosen = self._sets[row] if 0 <= row < len(self._sets) else None
        if not self.commit():
            # Keep the person on the set that could not be saved, with what they typed.
            index = next((i for i, r in enumerate(self._sets) if r.id == self._shown), -1)
            self.set_list.blockSignals(True)
            self.set_list.setCurrentRow(index)
            self.set_list.blockSignals(False)
            return
        self.reload(chosen.id if chosen else None)

    def _show(self, record: HashtagSetRecord | None) -> None:
        self._shown = record.id if record else None
        self.editor.setEnabled(record is not None)
        for button in (self.rename_button, self.delete_button, self.up_button, self.down_button):
            button.setEnabled(record is not None)
        today = today_local()
        self.name_edit.setText(record.name if record else "")
        self.kind_combo.setCurrentIndex(
            max(self.kind_combo.findData(record.kind if record else HashtagSetKind.GENERAL), 0)
        )
        self._set_date(self.starts_edit, record.starts_on if record and record.starts_on else today)
        self._set_date(self.ends_edit, record.ends_on if record and record.ends_on else today)
        self.tags_edit.setPlainText("\n".join("#" + t for t in record.tags) if record else "")
        self.message.clear()
        self._kind_changed()
        self._dirty = False

    @staticmethod
    def _set_date(edit: QDateEdit, day: date) -> None:
        edit.setDate(QDate(day.year, day.month, day.day))

    @staticmethod
    def _date(edit: QDateEdit) -> date:
        value = edit.date()
        return date(value.year(), value.month(), value.day())

    def _kind_changed(self) -> None:
        self.dates_row.setEnabled(self.kind_combo.currentData() == HashtagSetKind.EVENT)

    def _mark_dirty(self) -> None:
        self._dirty = True

    # -- editing ----------------------------------------------------------------------------
    def commit(self) -> bool:
        """Save the set in the editor if it changed; on bad input say why and keep it open."""
        if self._shown is None or not self._dirty:
            return True
        event = self.kind_combo.currentData() == HashtagSetKind.EVENT
        try:
            self._library.save(
                self._shown,
                self.name_edit.text(),
                HashtagSetKind(self.kind_combo.currentData()),
                self.tags_edit.toPlainText(),
                self._date(self.starts_edit) if event else None,
                self._date(self.ends_edit) if event else None,
            )
        except HashtagSetError as exc:
            self._show_error(exc)
            return False
        self._dirty = False
        return True

    def _show_error(self, exc: HashtagSetError) -> None:
        messages = {
            "empty_name": self.tr("Give the set a name."),
            "no_tags": self.tr("Write at least one tag."),
            "invalid_tags": self.tr("These cannot be hashtags (a tag needs a letter and no hyphen): {tags}"),
            "dates": self.tr("The end date is before the start date."),
            "not_found": self.tr("This set was deleted meanwhile."),
        }
        self.message.setStyleSheet("color: #b42318;")
        self.message.setText(messages.get(exc.code, self.tr("The set could not be saved.")).format(tags=exc.detail))

    def sort_tags(self) -> None:
        from kurum_masaustu.rules.hashtags import parse_tags, sort_tags

        valid, invalid = parse_tags(self.tags_edit.toPlainText())
        cursor = self.tags_edit.textCursor()
        cursor.select(cursor.SelectionType.Document)
        cursor.insertText("\n".join(["#" + t for t in sort_tags(valid)] + invalid))  # undoable

    def add_set(self, name: str | None = None) -> bool:
        if not self.commit():
            return False
        if name is None:
            name, ok = QInputDialog.getText(self, self.tr("New set"), self.tr("Name of the new set:"))
            if not ok:
                return False
        if not name.strip():
            return False
        placeholder = self.tr("NewTag")
        record = self._library.save(None, name, HashtagSetKind.GENERAL, placeholder)
        self.reload(record.id)
        self.tags_edit.setFocus()
        self.tags_edit.selectAll()
        return True

    def rename_current(self, name: str | None = None) -> bool:
        record = self.current()
        if record is None:
            return False
        if name is None:
            name, ok = QInputDialog.getText(self, self.tr("Rename set"), self.tr("New name:"), text=record.name)
            if not ok:
                return False
        self.name_edit.setText(name)
        if not self.commit():
            return False
        self.reload(record.id)
        return True

    def delete_current(self, confirm: bool = True) -> bool:
        record = self.current()
        if record is None:
            return False
        if confirm:
            answer = QMessageBox.question(
                self, self.tr("Delete set"), self.tr("Delete the set “{name}”?").format(name=record.name)
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        self._dirty = False
        self._library.delete(record.id)
        self.reload()
        return True

    def move_current(self, step: int) -> bool:
        record = self.current()
        if record is None or not self.commit():
            return False
        moved = self._library.move(record.id, step)
        self.reload(record.id)
        return moved

    def done(self, result: int) -> None:
        if self.commit():
            super().done(result)
