"""Inbox pane: every citizen's message, newest first, fetched a page at a time."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QDateTime,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTime,
    QTimer,
)
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kurum_masaustu.domain import InboxCategory, InboxStatus
from kurum_masaustu.rules.timeutil import to_local
from kurum_masaustu.services.inbox import InboxFilter, InboxRow, InboxService, PageCursor
from kurum_masaustu.ui.labels import (
    channel_label,
    inbox_category_name,
    inbox_kind_name,
    inbox_status_name,
)

PAGE_SIZE = 200
COLUMNS = ("received", "channel", "author", "kind", "category", "status", "text")


class InboxModel(QAbstractTableModel):
    """Rows arrive in pages through ``fetchMore`` (keyset paging), never all at once."""

    def __init__(self, inbox: InboxService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._inbox = inbox
        self._rows: list[InboxRow] = []
        self._exhausted = False
        self.filter = InboxFilter()

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = []
        self._exhausted = False
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> bool:
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> None:
        if parent.isValid() or self._exhausted:
            return
        last = self._rows[-1] if self._rows else None
        cursor = PageCursor(last.received_at, last.id) if last else None
        page = self._inbox.find(self.filter, cursor, PAGE_SIZE)
        if len(page) < PAGE_SIZE:
            self._exhausted = True
        if page:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()

    def row(self, index: QModelIndex) -> InboxRow:
        return self._rows[index.row()]

    def reload_row(self, position: int) -> None:
        """Re-read one row after a change (a correction), keeping the list where it is."""
        current = self._rows[position]
        fresh = self._inbox.get(current.id)
        if fresh is not None:
            self._rows[position] = fresh
            self.dataChanged.emit(self.index(position, 0), self.index(position, len(COLUMNS) - 1))

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == "text":
            return None  # the full text is in the reading pane, as plain text
        if role == Qt.ItemDataRole.FontRole and row.status == InboxStatus.NEW:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and column == "category":
            if row.category in (InboxCategory.ABUSE, InboxCategory.SPAM):
                return QColor("#8c8c8c")
            if row.negative or row.category == InboxCategory.COMPLAINT:
                return QColor("#b42318")
        return None

    @staticmethod
    def _display(row: InboxRow, column: str) -> str:
        if column == "received":
            local = to_local(row.received_at)
            pattern = "dd.MM HH:mm" if local.year == to_local(datetime.now(UTC)).year else "dd.MM.yyyy HH:mm"
            moment = QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
            return QLocale().toString(moment, pattern)
        if column == "channel":
            return channel_label(row.channel_name, row.platform)
        if column == "author":
            return row.author_name or row.author_handle
        if column == "kind":
            return inbox_kind_name(row.kind)
        if column == "category":
            return inbox_category_name(row.category)
        if column == "status":
            return inbox_status_name(row.status)
        # One line in the table; citizen text is plain data, never markup.
        return " ".join(row.text.split())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        titles = {
            "received": self.tr("Received"),
            "channel": self.tr("Channel"),
            "author": self.tr("From"),
            "kind": self.tr("Type"),
            "category": self.tr("Category"),
            "status": self.tr("Status"),
            "text": self.tr("Message"),
        }
        return titles[COLUMNS[section]]


class InboxPane(QWidget):
    def __init__(self, inbox: InboxService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inboxPane")
        self._inbox = inbox
        self.model = InboxModel(inbox, self)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search messages (e.g. cop, su, istanbul)…"))
        self.search_edit.setAccessibleName(self.tr("Search messages"))
        self.search_edit.setClearButtonEnabled(True)
        self.unanswered_check = QCheckBox(self.tr("Unanswered"))
        self.category_filter = QComboBox()
        self.category_filter.setAccessibleName(self.tr("Category filter"))
        self.category_filter.addItem(self.tr("All categories"), None)
        for category in InboxCategory:
            self.category_filter.addItem(inbox_category_name(category), category)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(200)
        self._search_timer.timeout.connect(self.apply_filter)
        self.search_edit.textChanged.connect(self._search_timer.start)
        self.unanswered_check.toggled.connect(self.apply_filter)
        self.category_filter.currentIndexChanged.connect(self.apply_filter)
        filters = QHBoxLayout()
        filters.addWidget(self.search_edit, 1)
        filters.addWidget(self.unanswered_check)
        filters.addWidget(self.category_filter)
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Inbox messages"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(22)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((88, 140, 115, 88, 75, 75)):
            self.table.setColumnWidth(column, width)

        self.reader_label = QLabel(self.tr("Message"))
        self.reader_label.setTextFormat(Qt.TextFormat.PlainText)  # author names come from citizens
        self.reader = QPlainTextEdit()  # plain text: citizen text is never interpreted as markup
        self.reader.setReadOnly(True)
        self.reader.setAccessibleName(self.tr("Selected message"))
        self.reasons_label = QLabel()
        self.reasons_label.setTextFormat(Qt.TextFormat.PlainText)
        self.reasons_label.setWordWrap(True)
        self.reasons_label.setStyleSheet("color: #57606a;")
        self.correct_combo = QComboBox()
        self.correct_combo.setAccessibleName(self.tr("Correct the category"))
        for category in InboxCategory:
            self.correct_combo.addItem(inbox_category_name(category), category)
        self.correct_combo.activated.connect(self._correct_category)
        correction = QHBoxLayout()
        correction.addWidget(QLabel(self.tr("Category:")))
        correction.addWidget(self.correct_combo, 1)
        reader_box = QWidget()
        reader_layout = QVBoxLayout(reader_box)
        reader_layout.setContentsMargins(0, 0, 0, 0)
        reader_layout.addWidget(self.reader_label)
        reader_layout.addWidget(self.reader)
        reader_layout.addWidget(self.reasons_label)
        reader_layout.addLayout(correction)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(reader_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([780, 200])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(filters)
        layout.addWidget(splitter)
        self.table.selectionModel().currentRowChanged.connect(self._show_row)
        self.model.reload()
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, 0))  # the newest message, ready to read

    def _show_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            self.reader.clear()
            return
        row = self.model.row(current)
        self.reader_label.setText(f"{row.author_name} ({row.author_handle}) — {inbox_kind_name(row.kind)}")
        self.reader.setPlainText(row.text)
        why = ", ".join(row.reasons) if row.reasons else self.tr("no rule matched")
        note = (
            self.tr("(corrected by you)") if row.category_corrected else self.tr("Why: {reasons}").format(reasons=why)
        )
        self.reasons_label.setText(note)
        index = self.correct_combo.findData(row.category or InboxCategory.OTHER)
        self.correct_combo.setCurrentIndex(max(0, index))

    def apply_filter(self) -> None:
        """Show what the search box and the filters ask for (SQL does the work, a page at a time)."""
        self._search_timer.stop()
        self.model.filter = InboxFilter(
            unanswered=self.unanswered_check.isChecked(),
            category=InboxCategory(chosen) if (chosen := self.category_filter.currentData()) else None,
            text=self.search_edit.text(),
        )
        self.model.reload()
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, 0))
        else:
            self.reader.clear()
            self.reader_label.setText(self.tr("No messages match."))
            self.reasons_label.clear()

    def _correct_category(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            return
        row = self.model.row(index)
        category = InboxCategory(self.correct_combo.currentData())  # Qt hands back the enum's string
        if category != row.category and self._inbox.set_category(row.id, category):
            self.model.reload_row(index.row())
            self._show_row(self.table.currentIndex(), index)
