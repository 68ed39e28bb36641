"""Calendar pane: a month grid of planned and published posts, with the chosen day's agenda."""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QDate,
    QLocale,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QDrag,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QMouseEvent,
    QPainter,
    QPalette,
)
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kurum_masaustu.rules.timeutil import add_months, local_day_bounds, month_grid, to_local, today_local
from kurum_masaustu.services.posts import CalendarEntry, DayPost, PostService, group_by_post
from kurum_masaustu.ui.labels import STATE_SYMBOLS, delivery_state_name
from kurum_masaustu.ui.tasks import alive, in_thread, spawn

if TYPE_CHECKING:
    from kurum_masaustu.rules.days import DayEvent

POSTS_ROLE = Qt.ItemDataRole.UserRole + 1
MARK_ROLE = Qt.ItemDataRole.UserRole + 3
POST_MIME = "application/x-kurum-masaustu-post"
REMINDER_DAYS = 14
DATE_ROLE = Qt.ItemDataRole.UserRole + 2
CHIP_HEIGHT = 17
DAY_HEADER_HEIGHT = 18


class MonthModel(QAbstractTableModel):
    """6 × 7 days of one month; each cell holds that day's calendar entries."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._days: list[date] = []
        self._entries: dict[date, list[CalendarEntry]] = {}
        self._posts: dict[date, list[DayPost]] = {}
        self._marks: dict[date, list[DayEvent]] = {}
        self.month = today_local().replace(day=1)

    def set_day_events(self, events: Sequence[DayEvent]) -> None:
        """Holidays and important days, loaded after the first paint (see CalendarPane)."""
        marks: dict[date, list[DayEvent]] = defaultdict(list)
        shown = set(self._days)
        for event in events:
            day = event.span.start
            while day <= event.span.end:
                if day in shown:
                    marks[day].append(event)
                day += timedelta(days=1)
        before, self._marks = self._marks, dict(marks)
        # Only the cells whose marks changed: repainting the whole month for three holidays
        # costs a full pass of the delegate on every month change.
        for position, day in enumerate(self._days):
            if before.get(day) != self._marks.get(day):
                cell = self.index(*divmod(position, 7))
                self.dataChanged.emit(cell, cell)

    @property
    def days(self) -> list[date]:
        return self._days

    def events_on(self, day: date) -> list[DayEvent]:
        return self._marks.get(day, [])

    def set_month(self, month: date, entries: list[CalendarEntry]) -> None:
        self.beginResetModel()
        self.month = month.replace(day=1)
        self._days = month_grid(self.month.year, self.month.month)
        grouped: dict[date, list[CalendarEntry]] = defaultdict(list)
        for entry in entries:
            grouped[to_local(entry.at).date()].append(entry)
        self._entries = dict(grouped)
        self._posts = {day: group_by_post(items) for day, items in grouped.items()}
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or not self._days else 6

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or not self._days else 7

    def day_at(self, index: QModelIndex | QPersistentModelIndex) -> date:
        return self._days[index.row() * 7 + index.column()]

    def index_of(self, day: date) -> QModelIndex:
        if day not in self._days:
            return QModelIndex()
        position = self._days.index(day)
        return self.index(position // 7, position % 7)

    def entries_on(self, day: date) -> list[CalendarEntry]:
        """Every delivery on ``day`` (one per channel)."""
        return self._entries.get(day, [])

    def posts_on(self, day: date) -> list[DayPost]:
        """The posts on ``day`` (one per post, whatever its channels)."""
        return self._posts.get(day, [])

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not self._days:
            return None
        day = self.day_at(index)
        entries = self.entries_on(day)
        if role == DATE_ROLE:
            return day
        if role == POSTS_ROLE:
            return self.posts_on(day)
        if role == Qt.ItemDataRole.DisplayRole:
            return str(day.day)
        if role == MARK_ROLE:
            return day_mark(day, self.events_on(day))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            text = QLocale().toString(qdate(day), QLocale.FormatType.LongFormat)
            for event in self.events_on(day):
                if not event.hidden:
                    text += ", " + event.name
            if entries:
                text += ", " + self.tr("%n post(s)", "", len(self.posts_on(day)))
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [event.name for event in self.events_on(day) if not event.hidden]
            lines += [_entry_line(e, with_channel=True) for e in entries]
            return "\n".join(lines) or None
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QLocale().dayName(section + 1, QLocale.FormatType.ShortFormat)
        return None


@dataclass(frozen=True)
class DayMark:
    """What a day cell says about the day itself: its most important holiday or day."""

    label: str
    day_off: bool
    half_day: bool
    commemoration: bool


def day_mark(day: date, events: Sequence[DayEvent]) -> DayMark | None:
    """Public holidays first, then commemorations, then other single days; a week or a longer
    span is named on its first day only (the tooltip and the agenda list it every day)."""
    visible = [e for e in events if not e.hidden]
    candidates = [e for e in visible if e.day_off or e.span.start == e.span.end or e.span.start == day]
    if not candidates:
        return None

    def rank(event: DayEvent) -> tuple[int, int, int]:
        single = event.span.start == event.span.end
        tier = 0 if event.day_off else 1 if event.tone.value == "anma" else 2
        return (tier, 0 if single else 1, len(event.name))

    best = min(candidates, key=rank)
    return DayMark(
        best.name,
        any(e.day_off and not e.half_day for e in visible),
        any(e.half_day for e in visible),
        best.tone.value == "anma",
    )


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _entry_line(entry: CalendarEntry | DayPost, with_channel: bool = False) -> str:
    text = f"{to_local(entry.at):%H:%M} {STATE_SYMBOLS[entry.state]} {entry.title}"
    if with_channel and isinstance(entry, CalendarEntry):
        text += f" — {entry.channel_name} ({delivery_state_name(entry.state)})"
    return text


class DayDelegate(QStyledItemDelegate):
    """Paints a day: its number, then one coloured chip per delivery, then "+N more"."""

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        model = index.model()
        assert isinstance(model, MonthModel)
        day = model.day_at(index)
        entries: list[DayPost] = index.data(POSTS_ROLE) or []
        rect: QRect = option.rect
        palette: QPalette = option.palette
        painter.save()
        in_month = day.month == model.month.month
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        mark: DayMark | None = index.data(MARK_ROLE)
        background = palette.base().color()
        if day.weekday() >= 5:
            background = background.darker(104)
        if mark is not None and mark.day_off:
            background = QColor("#fdecec")
        if selected:
            background = _blend(palette.highlight().color(), palette.base().color(), 0.25)
        painter.fillRect(rect, background)
        painter.setPen(palette.mid().color())
        painter.drawRect(rect.adjusted(0, 0, -1, -1))

        number_font = QFont(option.font)
        number_font.setBold(day == today_local())
        painter.setFont(number_font)
        color = palette.text().color() if in_month else palette.placeholderText().color()
        if day == today_local() and not selected:
            color = palette.highlight().color()
        painter.setPen(color)
        painter.drawText(
            rect.adjusted(4, 1, -4, 0), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, str(day.day)
        )
        if mark is not None:
            mark_font = QFont(option.font)
            mark_font.setPointSizeF(max(7.0, mark_font.pointSizeF() - 1.5))
            mark_font.setItalic(mark.commemoration)
            painter.setFont(mark_font)
            mark_colour = "#b42318" if mark.day_off or mark.half_day else "#6e3b00" if mark.commemoration else "#1f5fad"
            painter.setPen(QColor(mark_colour) if in_month else palette.placeholderText().color())
            label = ("½ " if mark.half_day and not mark.day_off else "") + mark.label
            area = rect.adjusted(26, 2, -4, 0)
            elided = painter.fontMetrics().elidedText(label, Qt.TextElideMode.ElideRight, area.width())
            painter.drawText(area, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, elided)

        chip_font = QFont(option.font)
        chip_font.setPointSizeF(max(7.0, chip_font.pointSizeF() - 1))
        painter.setFont(chip_font)
        capacity = max(0, (rect.height() - DAY_HEADER_HEIGHT - 2) // CHIP_HEIGHT)
        shown = entries if len(entries) <= capacity else entries[: max(0, capacity - 1)]
        for i, entry in enumerate(shown):
            chip = chip_rect(rect, i)
            alpha = 255 if in_month else 120
            background = QColor("#e7edf5") if entry.state.value == "published" else QColor("#d6e4ff")
            if entry.state.value == "failed":
                background = QColor("#ffd8d3")
            elif entry.state.value == "draft":
                background = QColor("#eeeeee")
            background.setAlpha(alpha)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(background)
            painter.drawRoundedRect(chip, 3, 3)
            stripe_x = chip.left() + 2
            for colour_name in entry.colors[:8]:
                colour = QColor(colour_name)
                colour.setAlpha(alpha)
                painter.setBrush(colour)
                painter.drawRect(QRect(stripe_x, chip.top() + 3, 2, chip.height() - 6))
                stripe_x += 3
            painter.setPen(QColor("#1b1f24") if in_month else QColor("#8c959f"))
            text_rect = chip.adjusted(stripe_x - chip.left() + 3, 0, -2, 0)
            text = painter.fontMetrics().elidedText(_entry_line(entry), Qt.TextElideMode.ElideRight, text_rect.width())
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter, text)
        hidden = len(entries) - len(shown)
        if hidden > 0:
            painter.setPen(palette.text().color())
            more = chip_rect(rect, len(shown))
            painter.drawText(more.adjusted(6, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter, self.tr("+%n more", "", hidden))
        painter.restore()


def _blend(top: QColor, bottom: QColor, amount: float) -> QColor:
    """``amount`` of ``top`` over ``bottom``: a selection tint that stays light whatever the accent
    colour (a dark Windows accent made ``lighter()`` come out black)."""
    return QColor(
        round(top.red() * amount + bottom.red() * (1 - amount)),
        round(top.green() * amount + bottom.green() * (1 - amount)),
        round(top.blue() * amount + bottom.blue() * (1 - amount)),
    )


def chip_rect(cell: QRect, position: int) -> QRect:
    return QRect(
        cell.left() + 3,
        cell.top() + DAY_HEADER_HEIGHT + position * CHIP_HEIGHT,
        cell.width() - 6,
        CHIP_HEIGHT - 2,
    )


class MonthView(QTableView):
    """The grid; knows which chip is under the mouse."""

    entry_clicked = Signal(int)
    entry_double_clicked = Signal(int)
    empty_double_clicked = Signal(object)  # date
    post_dropped = Signal(int, object)  # post id, date

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self._press: tuple[QPoint, int] | None = None

    def entry_at(self, pos: QPoint) -> DayPost | None:
        index = self.indexAt(pos)
        if not index.isValid():
            return None
        entries: list[DayPost] = index.data(POSTS_ROLE) or []
        rect = self.visualRect(index)
        for i, entry in enumerate(entries):
            if chip_rect(rect, i).contains(pos):
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
        mime = QMimeData()
        mime.setData(POST_MIME, QByteArray(str(post_id).encode()))
        drag = QDrag(self)
        drag.setMimeData(mime)
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
        post_id = int(bytes(event.mimeData().data(POST_MIME).data()).decode())
        event.acceptProposedAction()
        self.post_dropped.emit(post_id, index.data(DATE_ROLE))

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        entry = self.entry_at(event.position().toPoint())
        index = self.indexAt(event.position().toPoint())
        if entry is not None:
            self.entry_double_clicked.emit(entry.post_id)
        elif index.isValid():
            self.empty_double_clicked.emit(index.data(DATE_ROLE))
        event.accept()


class CalendarPane(QWidget):
    """Month navigation, the grid and the selected day's agenda (keyboard friendly)."""

    post_selected = Signal(int)
    post_activated = Signal(int)
    post_moved = Signal(int)
    days_loaded = Signal()
    new_post_requested = Signal(object)  # date

    def __init__(self, posts: PostService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendarPane")
        self._posts = posts
        self.model = MonthModel(self)

        self.previous_button = QToolButton()
        self.previous_button.setText("◀")
        self.previous_button.setAccessibleName(self.tr("Previous month"))
        self.previous_button.setToolTip(self.tr("Previous month"))
        self.next_button = QToolButton()
        self.next_button.setText("▶")
        self.next_button.setAccessibleName(self.tr("Next month"))
        self.next_button.setToolTip(self.tr("Next month"))
        self.today_button = QToolButton()
        self.today_button.setText(self.tr("Today"))
        self.today_button.setAccessibleName(self.tr("Go to today"))
        self.month_label = QLabel()
        self.month_label.setTextFormat(Qt.TextFormat.PlainText)
        title_font = self.month_label.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.35)
        title_font.setBold(True)
        self.month_label.setFont(title_font)
        self.reminder_button = QPushButton()
        self.reminder_button.setFlat(True)
        self.reminder_button.setStyleSheet("color: #9a3412; text-align: left;")
        self.reminder_button.setAccessibleName(self.tr("Important day without a post"))
        self.reminder_button.hide()
        self._reminder_day: date | None = None
        self._days_task: asyncio.Future[None] | None = None
        self.message_label = QLabel()
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setStyleSheet("color: #9a3412;")
        self.summary_label = QLabel()
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)

        header = QHBoxLayout()
        header.addWidget(self.previous_button)
        header.addWidget(self.today_button)
        header.addWidget(self.next_button)
        header.addSpacing(8)
        header.addWidget(self.month_label)
        header.addSpacing(12)
        header.addWidget(self.reminder_button)
        header.addWidget(self.message_label)
        header.addStretch(1)
        header.addWidget(self.summary_label)

        self.view = MonthView()
        self.view.setAccessibleName(self.tr("Month calendar"))
        self.view.setModel(self.model)
        self.view.setItemDelegate(DayDelegate(self.view))
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.setShowGrid(False)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)

        self.agenda = QListWidget()
        self.agenda.setAccessibleName(self.tr("Posts of the selected day"))
        self.agenda_label = QLabel()
        self.agenda_label.setTextFormat(Qt.TextFormat.PlainText)
        agenda_box = QWidget()
        agenda_layout = QVBoxLayout(agenda_box)
        agenda_layout.setContentsMargins(0, 0, 0, 0)
        agenda_layout.addWidget(self.agenda_label)
        agenda_layout.addWidget(self.agenda)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(agenda_box)
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(header)
        layout.addWidget(splitter, 1)

        self.previous_button.clicked.connect(lambda: self.show_month(add_months(self.model.month, -1)))
        self.next_button.clicked.connect(lambda: self.show_month(add_months(self.model.month, 1)))
        self.today_button.clicked.connect(self.go_to_today)
        self.view.selectionModel().currentChanged.connect(self._day_changed)
        self.view.entry_clicked.connect(self.post_selected)
        self.view.entry_double_clicked.connect(self.post_activated)
        self.view.empty_double_clicked.connect(self.new_post_requested)
        self.view.post_dropped.connect(self.move_post)
        self.reminder_button.clicked.connect(self._go_to_reminder)
        self.view.activated.connect(self._day_activated)
        self.agenda.currentItemChanged.connect(self._agenda_current)
        self.agenda.itemActivated.connect(self._agenda_activated)

    def selected_day(self) -> date:
        index = self.view.currentIndex()
        return self.model.day_at(index) if index.isValid() else today_local()

    def go_to_today(self) -> None:
        self.show_month(today_local(), select=today_local())

    def show_month(self, month: date, select: date | None = None) -> None:
        """Load and show ``month``; keeps (or sets) the selected day."""
        month = month.replace(day=1)
        grid = month_grid(month.year, month.month)
        start, end = local_day_bounds(grid[0], grid[-1])
        entries = self._posts.calendar_entries(start, end)
        self.model.set_month(month, entries)
        self.month_label.setText(QLocale().toString(qdate(month), "MMMM yyyy"))
        in_month = [e for e in entries if to_local(e.at).month == month.month]
        published = sum(1 for e in in_month if e.state.value == "published")
        planned = sum(1 for e in in_month if e.state.value in ("scheduled", "handed_off"))
        self.summary_label.setText(
            self.tr("This month: {planned} planned, {published} published").format(planned=planned, published=published)
        )
        target = (
            select if select is not None and select in grid else (today_local() if today_local() in grid else month)
        )
        self.view.setCurrentIndex(self.model.index_of(target))
        self._fill_agenda(target)
        self._days_task = spawn(self._load_days(month, grid[0], grid[-1]))

    async def _load_days(self, month: date, first: date, last: date) -> None:
        """Holidays and important days (the data and the holidays package load off the UI thread)."""
        from kurum_masaustu import calendar_data
        from kurum_masaustu.rules.days import missing_plan_reminders

        today = today_local()
        horizon = today + timedelta(days=REMINDER_DAYS)
        shown = await in_thread(calendar_data.days_between, first, last)
        if not alive(self) or self.model.month != month:
            return  # the person has moved on
        self.model.set_day_events(shown)
        self._fill_agenda(self.selected_day())
        self.days_loaded.emit()
        coming = await in_thread(calendar_data.days_between, today, horizon)
        if not alive(self):
            return
        start, end = local_day_bounds(today, horizon)
        planned = self._posts.planned_days(start, end)
        reminders = missing_plan_reminders(today, coming, planned, days_ahead=REMINDER_DAYS)
        if not reminders:
            self.reminder_button.hide()
            self._reminder_day = None
            return
        lines = [
            self.tr("No post planned for {name} ({date})").format(
                name=reminder.event.name, date=QLocale().toString(qdate(reminder.event.span.start), "d MMMM")
            )
            for reminder in reminders
        ]
        self._reminder_day = reminders[0].due
        more = len(reminders) - 1
        self.reminder_button.setText("⚠ " + lines[0] + (" " + self.tr("(+%n more)", "", more) if more else ""))
        self.reminder_button.setToolTip("\n".join(lines))
        self.reminder_button.show()

    async def wait_days(self) -> None:
        if self._days_task is not None:
            await asyncio.shield(self._days_task)

    def _go_to_reminder(self) -> None:
        if self._reminder_day is not None:
            self.show_month(self._reminder_day, select=self._reminder_day)

    def move_post(self, post_id: int, day: date) -> None:
        """A post dropped on another day: its unpublished deliveries move there."""
        result = self._posts.reschedule(post_id, day)
        if result.kept_published and not result.moved:
            self.message_label.setText(self.tr("Published posts cannot be moved."))
        elif result.kept_published:
            self.message_label.setText(
                self.tr("Moved; deliveries already published (or held by the platform) stayed where they were.")
            )
        else:
            self.message_label.clear()
        if result.moved:
            self.refresh(select=day)
            self.post_moved.emit(post_id)

    def refresh(self, select: date | None = None) -> None:
        self.show_month(select.replace(day=1) if select else self.model.month, select or self.selected_day())

    def _day_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._fill_agenda(self.model.day_at(current))

    def _day_activated(self, index: QModelIndex) -> None:
        day = self.model.day_at(index)
        if self.model.posts_on(day):
            self.agenda.setFocus()
            self.agenda.setCurrentRow(0)
        else:
            self.new_post_requested.emit(day)

    def _fill_agenda(self, day: date) -> None:
        self.agenda.clear()
        posts = self.model.posts_on(day)
        self.agenda_label.setText(
            QLocale().toString(qdate(day), QLocale.FormatType.LongFormat)
            + " — "
            + (self.tr("%n post(s)", "", len(posts)) if posts else self.tr("nothing planned"))
        )
        for event in self.model.events_on(day):
            if event.hidden:
                continue
            marker = QListWidgetItem(f"◆ {event.name}")
            marker.setForeground(QColor("#b42318" if event.day_off else "#1f5fad"))
            marker.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.agenda.addItem(marker)
        for post in posts:
            text = (
                f"{to_local(post.at):%H:%M}  {STATE_SYMBOLS[post.state]} {post.title}  ·  "
                f"{', '.join(post.channel_names)}  ·  {delivery_state_name(post.state)}"
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, post.post_id)
            self.agenda.addItem(item)

    def _agenda_activated(self, item: QListWidgetItem) -> None:
        post_id = item.data(Qt.ItemDataRole.UserRole)
        if post_id is not None:
            self.post_activated.emit(post_id)

    def _agenda_current(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if item is not None and item.data(Qt.ItemDataRole.UserRole) is not None:
            self.post_selected.emit(item.data(Qt.ItemDataRole.UserRole))
