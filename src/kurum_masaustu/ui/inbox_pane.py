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
)
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kurum_masaustu.domain import InboxCategory, InboxStatus
from kurum_masaustu.rules.timeutil import to_local
from kurum_masaustu.services.inbox import InboxRow, InboxService, PageCursor
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
        page = self._inbox.page(cursor, PAGE_SIZE)
        if len(page) < PAGE_SIZE:
            self._exhausted = True
        if page:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()

    def row(self, index: QModelIndex) -> InboxRow:
        return self._rows[index.row()]

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
        self.model = InboxModel(inbox, self)
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
        reader_box = QWidget()
        reader_layout = QVBoxLayout(reader_box)
        reader_layout.setContentsMargins(0, 0, 0, 0)
        reader_layout.addWidget(self.reader_label)
        reader_layout.addWidget(self.reader)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(reader_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([780, 200])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
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
