"""The week view: seven days side by side, one row per hour; the day headers carry each day's
holiday or important day and the campaigns running on it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette
from PySide6.QtWidgets import QHeaderView, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTableView, QWidget

from kurum_masaustu.rules.timeutil import to_local, today_local
from kurum_masaustu.services.posts import CalendarEntry, DayPost, group_by_post
from kurum_masaustu.ui.calendar_grid import (
    CAMPAIGNS_ROLE,
    CHIP_HEIGHT,
    DATE_ROLE,
    HOUR_ROLE,
    MARK_ROLE,
    POSTS_ROLE,
    PostGridView,
    chip_rect,
    entry_line,
    paint_campaign_bands,
    paint_chip,
    qdate,
)

if TYPE_CHECKING:
    from kurum_masaustu.rules.days import DayEvent
    from kurum_masaustu.ui.calendar_pane import DayMark

HOURS = 24
#: The best-time hint of an hour (None: not one of the day's good hours).
BEST_ROLE = Qt.ItemDataRole.UserRole + 10
HOUR_ROW_HEIGHT = 2 * CHIP_HEIGHT + 6
HEADER_HEIGHT = 46
WORK_START, WORK_END = 8, 18


def week_start(day: date) -> date:
    """The Monday of ``day``'s week (weeks start on Monday in Türkiye)."""
    return day - timedelta(days=day.weekday())


class WeekModel(QAbstractTableModel):
    """Seven columns (Monday … Sunday) × 24 rows (00:00 … 23:00)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.start = week_start(today_local())
        self._cells: dict[tuple[date, int], list[DayPost]] = {}
        self._marks: dict[date, DayMark | None] = {}
        self._events: dict[date, list[DayEvent]] = {}
        self._campaigns: dict[date, list[tuple[str, str]]] = {}
        self._best: dict[int, dict[int, str]] = {}

    def set_best_hours(self, best: dict[int, dict[int, str]]) -> None:
        """Good hours to post per weekday, each with the hint's explanation (own data or defaults)."""
        self._best = best
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(HOURS - 1, 6))

    def best_hint(self, day: date, hour: int) -> str | None:
        return self._best.get(day.weekday(), {}).get(hour)

    @property
    def days(self) -> list[date]:
        return [self.start + timedelta(days=i) for i in range(7)]

    def set_week(self, start: date, entries: Sequence[CalendarEntry]) -> None:
        self.beginResetModel()
        self.start = week_start(start)
        grouped: dict[tuple[date, int], list[CalendarEntry]] = defaultdict(list)
        for entry in entries:
            local = to_local(entry.at)
            grouped[(local.date(), local.hour)].append(entry)
        self._cells = {key: group_by_post(items) for key, items in grouped.items()}
        self.endResetModel()

    def set_day_events(self, events: Sequence[DayEvent]) -> None:
        from kurum_masaustu.ui.calendar_pane import day_mark

        by_day: dict[date, list[DayEvent]] = defaultdict(list)
        for day in self.days:
            by_day[day] = [e for e in events if e.covers(day)]
        self._events = dict(by_day)
        self._marks = {day: day_mark(day, items) for day, items in by_day.items()}
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 6)

    def set_campaigns(self, by_day: dict[date, list[tuple[str, str]]]) -> None:
        self._campaigns = by_day
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 6)

    def events_on(self, day: date) -> list[DayEvent]:
        return self._events.get(day, [])

    def posts_at(self, day: date, hour: int) -> list[DayPost]:
        return self._cells.get((day, hour), [])

    def index_of(self, day: date, hour: int) -> QModelIndex:
        column = (day - self.start).days
        if not 0 <= column < 7:
            return QModelIndex()
        return self.index(hour, column)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else HOURS

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        day = self.start + timedelta(days=index.column())
        hour = index.row()
        if role == DATE_ROLE:
            return day
        if role == HOUR_ROLE:
            return hour
        if role == POSTS_ROLE:
            return self.posts_at(day, hour)
        if role == BEST_ROLE:
            return self.best_hint(day, hour)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [entry_line(p) for p in self.posts_at(day, hour)]
            hint = self.best_hint(day, hour)
            return "\n".join([*lines, *([hint] if hint else [])]) or None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            when = QLocale().toString(qdate(day), QLocale.FormatType.LongFormat)
            return ", ".join([f"{when} {hour:02d}:00", *(entry_line(p) for p in self.posts_at(day, hour))])
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Vertical:
            return f"{section:02d}:00" if role == Qt.ItemDataRole.DisplayRole else None
        day = self.start + timedelta(days=section)
        if role == Qt.ItemDataRole.DisplayRole:
            return QLocale().toString(qdate(day), "ddd d MMM")
        if role == DATE_ROLE:
            return day
        if role == MARK_ROLE:
            return self._marks.get(day)
        if role == CAMPAIGNS_ROLE:
            return self._campaigns.get(day, [])
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [e.name for e in self._events.get(day, []) if not e.hidden]
            lines += [name for name, _colour in self._campaigns.get(day, [])]
            return "\n".join(lines) or None
        return None


class WeekHeader(QHeaderView):
    """Day headers in two lines: the day, then its holiday or important day; campaign bands below."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.setFixedHeight(HEADER_HEIGHT)

    def paintSection(self, painter: QPainter, rect: QRect, section: int) -> None:
        model = self.model()
        if model is None or not rect.isValid():
            return
        palette = self.palette()
        day: date = model.headerData(section, Qt.Orientation.Horizontal, DATE_ROLE)
        mark: DayMark | None = model.headerData(section, Qt.Orientation.Horizontal, MARK_ROLE)
        painter.save()
        background = palette.button().color()
        if mark is not None and mark.day_off and not mark.half_day:
            background = QColor("#fdecec")
        painter.fillRect(rect, background)
        painter.setPen(palette.mid().color())
        painter.drawLine(rect.topRight(), rect.bottomRight())
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        font = QFont(self.font())
        font.setBold(day == today_local())
        painter.setFont(font)
        painter.setPen(palette.highlight().color() if day == today_local() else palette.buttonText().color())
        title = model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        painter.drawText(rect.adjusted(4, 3, -4, 0), Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, title)
        if mark is not None:
            small = QFont(self.font())
            small.setPointSizeF(max(7.0, small.pointSizeF() - 1.5))
            small.setItalic(mark.commemoration)
            painter.setFont(small)
            colour = "#b42318" if mark.day_off or mark.half_day else "#6e3b00" if mark.commemoration else "#1f5fad"
            painter.setPen(QColor(colour))
            label = ("½ " if mark.half_day and not mark.day_off else "") + mark.label
            area = rect.adjusted(4, 22, -4, -6)
            elided = painter.fontMetrics().elidedText(label, Qt.TextElideMode.ElideRight, area.width())
            painter.drawText(area, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, elided)
        paint_campaign_bands(painter, rect, model.headerData(section, Qt.Orientation.Horizontal, CAMPAIGNS_ROLE) or [])
        painter.restore()


class WeekDelegate(QStyledItemDelegate):
    """An hour of a day: its posts as chips; office hours on working days are lighter."""

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        rect: QRect = option.rect
        palette: QPalette = option.palette
        day: date = index.data(DATE_ROLE)
        hour: int = index.data(HOUR_ROLE)
        painter.save()
        background = palette.base().color()
        if day.weekday() >= 5 or not WORK_START <= hour < WORK_END:
            background = background.darker(104)
        painter.fillRect(rect, background)
        if option.state & QStyle.StateFlag.State_Selected:
            highlight = palette.highlight().color()
            highlight.setAlpha(60)
            painter.fillRect(rect, highlight)
        painter.setPen(palette.mid().color())
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        painter.drawLine(rect.topRight(), rect.bottomRight())
        posts: list[DayPost] = index.data(POSTS_ROLE) or []
        if index.data(BEST_ROLE):
            painter.setPen(QColor("#b7791f"))
            painter.drawText(rect.adjusted(0, 1, -4, 0), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, "★")
        font = QFont(option.font)
        font.setPointSizeF(max(7.0, font.pointSizeF() - 1))
        painter.setFont(font)
        capacity = max(1, (rect.height() - 2) // CHIP_HEIGHT)
        shown = posts if len(posts) <= capacity else posts[: capacity - 1]
        for i, post in enumerate(shown):
            paint_chip(painter, chip_rect(rect, i, WeekView.chip_top), post)
        hidden = len(posts) - len(shown)
        if hidden:
            painter.setPen(palette.text().color())
            more = chip_rect(rect, len(shown), WeekView.chip_top)
            painter.drawText(more.adjusted(6, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter, self.tr("+%n more", "", hidden))
        painter.restore()


class WeekView(PostGridView):
    """Drag a chip to another hour or day; double-click an empty hour to start a post there."""

    chip_top = 2

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHorizontalHeader(WeekHeader(self))
        self.setItemDelegate(WeekDelegate(self))
        vertical = self.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(HOUR_ROW_HEIGHT)
        vertical.setDefaultAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.setVerticalScrollMode(QTableView.ScrollMode.ScrollPerPixel)

    def scroll_to_hour(self, hour: int = WORK_START) -> None:
        """Show ``hour`` at the top (office hours first)."""
        self.verticalScrollBar().setValue(hour * HOUR_ROW_HEIGHT)
