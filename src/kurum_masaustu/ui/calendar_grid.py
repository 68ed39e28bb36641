"""What the month and week grids share: post chips, and a table view that drags them.

A chip is one post in a cell: channel colour stripes, time, state symbol and title. Pressing a
chip selects the post, double-clicking opens it, dragging it onto another cell moves it; the
concrete view says which day (and hour) a cell stands for.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QByteArray, QDate, QMimeData, QModelIndex, QPoint, QRect, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QDrag,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QMouseEvent,
    QPainter,
)
from PySide6.QtWidgets import QApplication, QTableView, QWidget

from kurum_masaustu.rules.timeutil import to_local
from kurum_masaustu.services.posts import CalendarEntry, DayPost
from kurum_masaustu.ui.labels import STATE_SYMBOLS, delivery_state_name

POSTS_ROLE = Qt.ItemDataRole.UserRole + 1
DATE_ROLE = Qt.ItemDataRole.UserRole + 2
MARK_ROLE = Qt.ItemDataRole.UserRole + 3
#: The hour a week cell stands for (None: the whole day).
HOUR_ROLE = Qt.ItemDataRole.UserRole + 4
#: The campaigns running on a day: [(name, colour)].
CAMPAIGNS_ROLE = Qt.ItemDataRole.UserRole + 5
POST_MIME = "application/x-kurum-masaustu-post"
CHIP_HEIGHT = 17
DAY_HEADER_HEIGHT = 18

_CHIP_BACKGROUNDS = {
    "published": "#e7edf5",
    "failed": "#ffd8d3",
    "draft": "#eeeeee",
}


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def entry_line(entry: CalendarEntry | DayPost, with_channel: bool = False) -> str:
    text = f"{to_local(entry.at):%H:%M} {STATE_SYMBOLS[entry.state]} {entry.title}"
    if with_channel and isinstance(entry, CalendarEntry):
        text += f" — {entry.channel_name} ({delivery_state_name(entry.state)})"
    return text


def chip_rect(cell: QRect, position: int, top: int = DAY_HEADER_HEIGHT) -> QRect:
    return QRect(cell.left() + 3, cell.top() + top + position * CHIP_HEIGHT, cell.width() - 6, CHIP_HEIGHT - 2)


def paint_chip(painter: QPainter, chip: QRect, post: DayPost, faded: bool = False) -> None:
    """One post: a rounded chip tinted by state, a stripe per channel colour, its line of text."""
    alpha = 120 if faded else 255
    background = QColor(_CHIP_BACKGROUNDS.get(post.state.value, "#d6e4ff"))
    background.setAlpha(alpha)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(background)
    painter.drawRoundedRect(chip, 3, 3)
    stripe_x = chip.left() + 2
    for colour_name in post.colors[:8]:
        colour = QColor(colour_name)
        colour.setAlpha(alpha)
        painter.setBrush(colour)
        painter.drawRect(QRect(stripe_x, chip.top() + 3, 2, chip.height() - 6))
        stripe_x += 3
    painter.setPen(QColor("#8c959f") if faded else QColor("#1b1f24"))
    text_rect = chip.adjusted(stripe_x - chip.left() + 3, 0, -2, 0)
    text = painter.fontMetrics().elidedText(entry_line(post), Qt.TextElideMode.ElideRight, text_rect.width())
    painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter, text)


def paint_campaign_bands(painter: QPainter, cell: QRect, campaigns: list[tuple[str, str]]) -> None:
    """A thin band per running campaign along the cell's bottom edge (its colour; name in tooltip)."""
    for i, (_name, colour) in enumerate(campaigns[:3]):
        band = QColor(colour)
        band.setAlpha(200)
        painter.fillRect(QRect(cell.left() + 1, cell.bottom() - 4 - 4 * i, cell.width() - 2, 3), band)


def post_mime(post_id: int) -> QMimeData:
    mime = QMimeData()
    mime.setData(POST_MIME, QByteArray(str(post_id).encode()))
    return mime


class PostGridView(QTableView):
    """A table of cells holding post chips (``POSTS_ROLE``); chips can be dragged to other cells."""

    entry_clicked = Signal(int)
    entry_double_clicked = Signal(int)
    #: A double-click on an empty part of a cell: day, hour (None for a whole-day cell).
    empty_double_clicked = Signal(object, object)
    #: A post dropped on a cell: post id, day, hour (None: keep its time of day).
    post_dropped = Signal(int, object, object)
    #: The context menu asked on a chip: post id, global position.
    entry_menu_requested = Signal(int, object)
    #: The context menu asked on a cell outside the chips: day, global position.
    day_menu_requested = Signal(object, object)

    #: Where the first chip starts inside a cell.
    chip_top = DAY_HEADER_HEIGHT

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.setShowGrid(False)
        self._press: tuple[QPoint, int] | None = None

    def slot_of(self, index: QModelIndex) -> tuple[date, int | None]:
        return index.data(DATE_ROLE), index.data(HOUR_ROLE)

    def entry_at(self, pos: QPoint) -> DayPost | None:
        index = self.indexAt(pos)
        if not index.isValid():
            return None
        entries: list[DayPost] = index.data(POSTS_ROLE) or []
        rect = self.visualRect(index)
        for i, entry in enumerate(entries):
            if chip_rect(rect, i, self.chip_top).contains(pos):
                return entry
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        super().mousePressEvent(event)
        entry = self.entry_at(event.position().toPoint())
        self._press = (event.position().toPoint(), entry.post_id) if entry is not None else None
        if entry is not None:
            self.entry_clicked.emit(entry.post_id)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is None or not event.buttons() & Qt.MouseButton.LeftButton:
            super().mouseMoveEvent(event)
            return
        start, post_id = self._press
        if (event.position().toPoint() - start).manhattanLength() < QApplication.startDragDistance():
            return
        self._press = None
        drag = QDrag(self)
        drag.setMimeData(post_mime(post_id))
        drag.exec(Qt.DropAction.MoveAction)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(POST_MIME):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.mimeData().hasFormat(POST_MIME) and self.indexAt(event.position().toPoint()).isValid():
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        index = self.indexAt(event.position().toPoint())
        if not event.mimeData().hasFormat(POST_MIME) or not index.isValid():
            event.ignore()
            return
        try:
            post_id = int(bytes(event.mimeData().data(POST_MIME).data()).decode())
        except ValueError:
            event.ignore()
            return
        event.acceptProposedAction()
        day, hour = self.slot_of(index)
        self.post_dropped.emit(post_id, day, hour)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        entry = self.entry_at(event.pos())
        if entry is not None:
            self.entry_clicked.emit(entry.post_id)
            self.entry_menu_requested.emit(entry.post_id, event.globalPos())
            event.accept()
            return
        index = self.indexAt(event.pos())
        if index.isValid():
            day, _hour = self.slot_of(index)
            self.day_menu_requested.emit(day, event.globalPos())
            event.accept()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        entry = self.entry_at(event.position().toPoint())
        index = self.indexAt(event.position().toPoint())
        if entry is not None:
            self.entry_double_clicked.emit(entry.post_id)
        elif index.isValid():
            day, hour = self.slot_of(index)
            self.empty_double_clicked.emit(day, hour)
        event.accept()
