"""Calendar pane: month, week and agenda views of planned and published posts, with filters."""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QKeySequence, QPainter, QPalette, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kurum_masaustu.domain import DeliveryState
from kurum_masaustu.rules.goals import (
    Goal,
    GoalKind,
    ReplyCounts,
    ReplyScope,
    period_bounds,
    progress,
    reply_progress,
)
from kurum_masaustu.rules.plan_filter import PlanFilter
from kurum_masaustu.rules.timeutil import ISTANBUL, add_months, local_day_bounds, month_grid, to_local, today_local
from kurum_masaustu.services.planning import CampaignInfo, PlanningService, bands
from kurum_masaustu.services.posts import CalendarEntry, DayPost, PostService, group_by_post
from kurum_masaustu.ui.agenda_view import AGENDA_DAYS, AgendaView
from kurum_masaustu.ui.calendar_filters import FilterBar
from kurum_masaustu.ui.calendar_grid import (
    CAMPAIGNS_ROLE,
    CHIP_HEIGHT,
    DATE_ROLE,
    DAY_HEADER_HEIGHT,
    MARK_ROLE,
    POST_MIME,
    POSTS_ROLE,
    PostGridView,
    chip_rect,
    entry_line,
    paint_campaign_bands,
    paint_chip,
    qdate,
)
from kurum_masaustu.ui.elided_label import ElidedLabel
from kurum_masaustu.ui.labels import STATE_SYMBOLS, delivery_state_name
from kurum_masaustu.ui.plan_dialogs import goal_text, reply_goal_text
from kurum_masaustu.ui.tasks import alive, in_thread, pause, spawn
from kurum_masaustu.ui.week_view import WeekModel, WeekView, week_start

if TYPE_CHECKING:
    from pathlib import Path

    from kurum_masaustu.media.library import MediaLibrary
    from kurum_masaustu.rules.days import DayEvent

__all__ = ["MARK_ROLE", "POSTS_ROLE", "POST_MIME", "CalendarPane", "DayMark", "MonthModel", "MonthView"]

REMINDER_DAYS = 14
#: Seconds after a month is shown before its neighbours are read ahead.
PREFETCH_DELAY_S = 0.5
MONTH, WEEK, AGENDA = "month", "week", "agenda"


@dataclass(frozen=True)
class MonthData:
    """One month of the grid, grouped for painting: made off the UI thread when prefetched."""

    month: date
    entries: dict[date, list[CalendarEntry]]
    posts: dict[date, list[DayPost]]
    #: Deliveries in the month itself (not the neighbouring days the grid shows).
    in_month: list[CalendarEntry]
    #: Every delivery of the grid, whatever the filter (goals count the whole plan).
    unfiltered: Sequence[CalendarEntry] = ()
    #: The month's deliveries planned (scheduled or held by the platform) and published.
    planned: int = 0
    published: int = 0


def build_month_data(
    month: date, entries: Sequence[CalendarEntry], unfiltered: Sequence[CalendarEntry] | None = None
) -> MonthData:
    month = month.replace(day=1)
    grouped: dict[date, list[CalendarEntry]] = defaultdict(list)
    for entry in entries:
        grouped[to_local(entry.at).date()].append(entry)
    in_month = [e for day, items in grouped.items() if day.month == month.month for e in items]
    planned, published = count_states(in_month)
    return MonthData(
        month,
        dict(grouped),
        {day: group_by_post(items) for day, items in grouped.items()},
        in_month,
        entries if unfiltered is None else unfiltered,
        planned,
        published,
    )


def count_states(entries: Sequence[CalendarEntry]) -> tuple[int, int]:
    """Deliveries planned (scheduled or held by the platform) and published."""
    planned = published = 0
    for entry in entries:
        if entry.state is DeliveryState.PUBLISHED:
            published += 1
        elif entry.state is DeliveryState.SCHEDULED or entry.state is DeliveryState.HANDED_OFF:
            planned += 1
    return planned, published


class MonthModel(QAbstractTableModel):
    """6 × 7 days of one month; each cell holds that day's calendar entries."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._days: list[date] = []
        self._entries: dict[date, list[CalendarEntry]] = {}
        self._posts: dict[date, list[DayPost]] = {}
        self._marks: dict[date, list[DayEvent]] = {}
        self._campaigns: dict[date, list[tuple[str, str]]] = {}
        self.month = today_local().replace(day=1)
        self.in_month: list[CalendarEntry] = []
        self.unfiltered: Sequence[CalendarEntry] = []
        self.counts = (0, 0)
        self._day_marks: dict[date, DayMark | None] = {}

    def set_campaigns(self, by_day: dict[date, list[tuple[str, str]]]) -> None:
        """The campaigns running on each day, as (name, colour): bands along the cells' bottom."""
        self._campaigns = by_day
        if self._days:
            self.dataChanged.emit(self.index(0, 0), self.index(5, 6))

    def campaigns_on(self, day: date) -> list[tuple[str, str]]:
        return self._campaigns.get(day, [])

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
        self._day_marks = {day: day_mark(day, items) for day, items in self._marks.items()}
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

    def mark_on(self, day: date) -> DayMark | None:
        return self._day_marks.get(day)

    def set_month(self, month: date, entries: Sequence[CalendarEntry]) -> None:
        self.set_data(build_month_data(month, entries))

    def set_data(self, data: MonthData) -> None:
        self.beginResetModel()
        self.month = data.month
        self._days = month_grid(self.month.year, self.month.month)
        self._entries = data.entries
        self._posts = data.posts
        self.in_month = data.in_month
        self.unfiltered = data.unfiltered
        self.counts = (data.planned, data.published)
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
            return self.mark_on(day)
        if role == CAMPAIGNS_ROLE:
            return self._campaigns.get(day, [])
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
            lines += [name for name, _colour in self._campaigns.get(day, [])]
            lines += [entry_line(e, with_channel=True) for e in entries]
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


class DayDelegate(QStyledItemDelegate):
    """Paints a day: its number, then one coloured chip per delivery, then "+N more".

    It reads the model directly (not through ``index.data``) and keeps its fonts: a month of
    2,000 posts must paint within two frames (``benchmarks/calendar_month.py``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fonts: dict[str, tuple[QFont, QFont, QFont, QFont]] = {}

    def fonts(self, base: QFont) -> tuple[QFont, QFont, QFont, QFont]:
        """Day number, today's number, day mark, chip text."""
        key = base.key()
        found = self._fonts.get(key)
        if found is None:
            bold = QFont(base)
            bold.setBold(True)
            mark = QFont(base)
            mark.setPointSizeF(max(7.0, mark.pointSizeF() - 1.5))
            chip = QFont(base)
            chip.setPointSizeF(max(7.0, chip.pointSizeF() - 1))
            found = self._fonts[key] = (QFont(base), bold, mark, chip)
        return found

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        model = index.model()
        assert isinstance(model, MonthModel)
        day = model.day_at(index)
        entries = model.posts_on(day)
        today = today_local()
        number_font, today_font, mark_font, chip_font = self.fonts(option.font)
        rect: QRect = option.rect
        palette: QPalette = option.palette
        painter.save()
        in_month = day.month == model.month.month
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        mark = model.mark_on(day)
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

        painter.setFont(today_font if day == today else number_font)
        color = palette.text().color() if in_month else palette.placeholderText().color()
        if day == today and not selected:
            color = palette.highlight().color()
        painter.setPen(color)
        painter.drawText(
            rect.adjusted(4, 1, -4, 0), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, str(day.day)
        )
        if mark is not None:
            if mark.commemoration:
                mark_font = QFont(mark_font)
                mark_font.setItalic(True)
            painter.setFont(mark_font)
            mark_colour = "#b42318" if mark.day_off or mark.half_day else "#6e3b00" if mark.commemoration else "#1f5fad"
            painter.setPen(QColor(mark_colour) if in_month else palette.placeholderText().color())
            label = ("½ " if mark.half_day and not mark.day_off else "") + mark.label
            area = rect.adjusted(26, 2, -4, 0)
            elided = painter.fontMetrics().elidedText(label, Qt.TextElideMode.ElideRight, area.width())
            painter.drawText(area, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, elided)

        painter.setFont(chip_font)
        capacity = max(0, (rect.height() - DAY_HEADER_HEIGHT - 6) // CHIP_HEIGHT)
        if capacity == 1 and len(entries) > 1:
            # Room for one line: the first post with "+N" at its end, not a "+N more" line
            # with no post at all (a small window or a tall inbox leaves the cells this short).
            chip = chip_rect(rect, 0)
            badge = f"+{len(entries) - 1}"
            badge_width = painter.fontMetrics().horizontalAdvance(badge) + 8
            paint_chip(painter, chip.adjusted(0, 0, -badge_width, 0), entries[0], faded=not in_month)
            painter.setPen(palette.text().color())
            painter.drawText(chip.adjusted(chip.width() - badge_width, 0, 0, 0), Qt.AlignmentFlag.AlignCenter, badge)
        else:
            shown = entries if len(entries) <= capacity else entries[: max(0, capacity - 1)]
            for i, entry in enumerate(shown):
                paint_chip(painter, chip_rect(rect, i), entry, faded=not in_month)
            hidden = len(entries) - len(shown)
            if hidden > 0:
                painter.setPen(palette.text().color())
                more = chip_rect(rect, len(shown)).adjusted(6, 0, 0, 0)
                painter.drawText(more, Qt.AlignmentFlag.AlignVCenter, self.tr("+%n more", "", hidden))
        paint_campaign_bands(painter, rect, model.campaigns_on(day))
        painter.restore()


def _blend(top: QColor, bottom: QColor, amount: float) -> QColor:
    """``amount`` of ``top`` over ``bottom``: a selection tint that stays light whatever the accent
    colour (a dark Windows accent made ``lighter()`` come out black)."""
    return QColor(
        round(top.red() * amount + bottom.red() * (1 - amount)),
        round(top.green() * amount + bottom.green() * (1 - amount)),
        round(top.blue() * amount + bottom.blue() * (1 - amount)),
    )


class MonthView(PostGridView):
    """The month grid: a whole-day drop keeps the post's time of day."""


class CalendarPane(QWidget):
    """The month, week and agenda views of the plan, one filter for all of them, the selected
    day's posts, and the reminder of the next important day with nothing planned.

    Keyboard: arrows move between days (hours in the week view), Enter opens the day's first
    post or starts a new one; Ctrl+1/2/3 switch views; Ctrl+PgUp/PgDown go back and forth.
    """

    post_selected = Signal(int)
    post_activated = Signal(int)
    post_moved = Signal(int)
    days_loaded = Signal()
    new_post_requested = Signal(object)  # date, or datetime for an hour of the week view
    #: A post started in a campaign (CampaignInfo): the window fills the composer with its presets.
    campaign_post_requested = Signal(object)

    def __init__(
        self,
        posts: PostService,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("calendarPane")
        self._posts = posts
        self.planning = PlanningService(posts.sessions)
        self._clock = clock
        self._mode = MONTH
        self._anchor = today_local()
        self._filter = PlanFilter()
        #: Months ready to show (the neighbours are loaded in a worker after each month).
        self._month_cache: dict[tuple[date, PlanFilter], MonthData] = {}
        self._generation = 0
        self._best_hours: dict[int, dict[int, str]] | None = None
        #: Campaigns and goals, read once per change of the plan.
        self._plan_cache: tuple[list[CampaignInfo], list[Goal]] | None = None
        #: Reply-time figures of a period for the goals (the window sets it; None: counting, call
        #: :meth:`refresh_goals` when ready).
        #: Counts a reply-time goal's messages of a period and scope (None while a worker counts).
        self.reply_counts: Callable[[date, date, ReplyScope], ReplyCounts | None] | None = None
        self._unit_names: dict[int, str] | None = None
        self._channel_names: dict[int, str] = {}
        self._menu: QMenu | None = None
        #: The days (holidays, important, religious, our own) of the shown range, hidden ones too.
        self._shown_days: list[DayEvent] = []
        self.model = MonthModel(self)
        self.week_model = WeekModel(self)

        self.previous_button = QToolButton()
        self.previous_button.setText("◀")
        self.next_button = QToolButton()
        self.next_button.setText("▶")
        self.today_button = QToolButton()
        self.today_button.setText(self.tr("Today"))
        self.today_button.setAccessibleName(self.tr("Go to today"))
        self.month_label = QLabel()
        self.month_label.setTextFormat(Qt.TextFormat.PlainText)
        title_font = self.month_label.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.35)
        title_font.setBold(True)
        self.month_label.setFont(title_font)
        self.view_buttons = QButtonGroup(self)
        view_box = QHBoxLayout()
        view_box.setSpacing(0)
        for mode, text, key in (
            (MONTH, self.tr("Month"), "Ctrl+1"),
            (WEEK, self.tr("Week"), "Ctrl+2"),
            (AGENDA, self.tr("Agenda"), "Ctrl+3"),
        ):
            button = QToolButton()
            button.setText(text)
            button.setCheckable(True)
            button.setObjectName(f"{mode}ViewButton")
            button.setToolTip(f"{text} ({QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)})")
            button.setChecked(mode == MONTH)
            self.view_buttons.addButton(button)
            view_box.addWidget(button)
            button.clicked.connect(lambda _checked=False, m=mode: self.set_mode(m))
            QShortcut(QKeySequence(key), self, lambda m=mode: self.set_mode(m)).setContext(
                Qt.ShortcutContext.WidgetWithChildrenShortcut
            )
        for key, step in (("Ctrl+PgUp", -1), ("Ctrl+PgDown", 1)):
            QShortcut(QKeySequence(key), self, lambda s=step: self.step(s)).setContext(
                Qt.ShortcutContext.WidgetWithChildrenShortcut
            )
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
        self.summary_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.summary_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.summary_label.setMinimumWidth(1)
        self.filters = FilterBar()
        self.goals_label = ElidedLabel()
        self.goals_label.setAccessibleName(self.tr("Goals of the plan"))
        # Never widen the window: the label takes the room left and the tooltip has every goal.
        self.goals_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.goals_label.setMinimumWidth(1)
        self.goals_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.plan_button = QToolButton()
        self.plan_button.setText(self.tr("Plan"))
        self.plan_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        plan_menu = QMenu(self.plan_button)
        self.campaigns_action = plan_menu.addAction(self.tr("Campaigns…"), self.edit_campaigns)
        self.goals_action = plan_menu.addAction(self.tr("Goals…"), self.edit_goals)
        self.series_action = plan_menu.addAction(self.tr("Recurring post…"), lambda: self.new_series())
        self.days_action = plan_menu.addAction(self.tr("Our own days…"), self.edit_days)
        plan_menu.addSeparator()
        self.import_action = plan_menu.addAction(self.tr("Import a plan (CSV)…"), lambda: self.import_plan())
        #: Where imported images go (the window sets it; the library loads on first use).
        self.media_library: Callable[[], MediaLibrary] | None = None
        self.plan_button.setMenu(plan_menu)

        header = QHBoxLayout()
        header.addWidget(self.previous_button)
        header.addWidget(self.today_button)
        header.addWidget(self.next_button)
        header.addSpacing(8)
        header.addWidget(self.month_label)
        header.addSpacing(12)
        header.addWidget(self.reminder_button)
        header.addWidget(self.message_label)
        header.addWidget(self.goals_label, 1)
        header.addSpacing(8)
        header.addWidget(self.plan_button)
        header.addLayout(view_box)
        second = QHBoxLayout()
        second.addWidget(self.filters)
        second.addWidget(self.summary_label, 1)

        self.view = MonthView()
        self.view.setAccessibleName(self.tr("Month calendar"))
        self.view.setModel(self.model)
        self.view.setItemDelegate(DayDelegate(self.view))
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

        self.week_view = WeekView()
        self.week_view.setAccessibleName(self.tr("Week calendar"))
        self.week_view.setModel(self.week_model)

        self.agenda_view = AgendaView()
        self.agenda_view.setAccessibleName(self.tr("Agenda: the coming days"))

        self.agenda = QListWidget()
        self.agenda.setAccessibleName(self.tr("Posts of the selected day"))
        self.agenda_label = QLabel()
        self.agenda_label.setTextFormat(Qt.TextFormat.PlainText)
        agenda_box = QWidget()
        agenda_layout = QVBoxLayout(agenda_box)
        agenda_layout.setContentsMargins(0, 0, 0, 0)
        agenda_layout.addWidget(self.agenda_label)
        agenda_layout.addWidget(self.agenda)
        self.day_box = agenda_box

        self.stack = QStackedWidget()
        for widget in (self.view, self.week_view, self.agenda_view):
            self.stack.addWidget(widget)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.stack)
        splitter.addWidget(agenda_box)
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(header)
        layout.addLayout(second)
        layout.addWidget(splitter, 1)

        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.today_button.clicked.connect(self.go_to_today)
        self.view.selectionModel().currentChanged.connect(self._day_changed)
        self.week_view.selectionModel().currentChanged.connect(self._hour_changed)
        for grid in (self.view, self.week_view):
            grid.entry_clicked.connect(self.post_selected)
            grid.entry_double_clicked.connect(self.post_activated)
            grid.empty_double_clicked.connect(self._empty_double_clicked)
            grid.post_dropped.connect(self.move_post)
            grid.entry_menu_requested.connect(self._entry_menu)
            grid.day_menu_requested.connect(self._day_menu)
        self.view.activated.connect(self._day_activated)
        self.week_view.activated.connect(self._day_activated)
        self.agenda_view.post_selected.connect(self.post_selected)
        self.agenda_view.post_activated.connect(self.post_activated)
        self.reminder_button.clicked.connect(self._go_to_reminder)
        self.agenda.currentItemChanged.connect(self._agenda_current)
        self.agenda.itemActivated.connect(self._agenda_activated)
        self.filters.changed.connect(self.set_filter)
        self._update_navigation_names()
        self.reload_filter_choices()

    # -- state ----------------------------------------------------------------------------
    @property
    def mode(self) -> str:
        return self._mode

    def selected_day(self) -> date:
        return self._anchor

    def set_mode(self, mode: str) -> None:
        """Show the month, week or agenda view of the selected day."""
        self._mode = mode
        # Load before showing: a view shown empty picks its own current cell (and day).
        self.show_day(self._anchor)
        for button in self.view_buttons.buttons():
            button.setChecked(button.objectName() == f"{mode}ViewButton")
        self.stack.setCurrentWidget({MONTH: self.view, WEEK: self.week_view, AGENDA: self.agenda_view}[mode])
        self.day_box.setVisible(mode != AGENDA)
        self._update_navigation_names()
        if mode == WEEK:
            self.week_view.scroll_to_hour()
        current = self.stack.currentWidget()
        if current is not None:
            current.setFocus()

    def _update_navigation_names(self) -> None:
        names = {
            MONTH: (self.tr("Previous month"), self.tr("Next month")),
            WEEK: (self.tr("Previous week"), self.tr("Next week")),
            AGENDA: (self.tr("Earlier days"), self.tr("Later days")),
        }[self._mode]
        for button, name in zip((self.previous_button, self.next_button), names, strict=True):
            button.setAccessibleName(name)
            button.setToolTip(name)

    def set_filter(self, plan_filter: PlanFilter) -> None:
        self._filter = plan_filter
        self.show_day(self._anchor)

    def reload_filter_choices(self) -> None:
        """Channels and campaigns may have changed: offer the current ones."""
        channels = self._posts.channels()
        self._channel_names = {c.id: c.display_name for c in channels}
        self.filters.set_channels(channels)
        self.filters.set_campaigns(self._posts.campaigns())

    def step(self, direction: int) -> None:
        """Back (-1) or forward (1) by a month, a week or the agenda's length."""
        if self._mode == MONTH:
            self.show_month(add_months(self.model.month, direction))
        elif self._mode == WEEK:
            self.show_day(self._anchor + timedelta(days=7 * direction))
        else:
            self.show_day(self._anchor + timedelta(days=AGENDA_DAYS * direction))

    def go_to_today(self) -> None:
        self.show_day(today_local())

    # -- loading --------------------------------------------------------------------------
    def _entries(self, first: date, last: date) -> list[CalendarEntry]:
        start, end = local_day_bounds(first, last)
        return self._filter.apply(self._posts.calendar_entries(start, end))

    def show_day(self, day: date) -> None:
        """Show ``day`` in the current view (its month, its week, or the agenda from it)."""
        self.show_month(day, select=day)

    def show_month(self, month: date, select: date | None = None) -> None:
        """Load ``month`` into the month view and select a day in it (or ``select``); the week
        and agenda views follow the selected day."""
        month = month.replace(day=1)
        grid = month_grid(month.year, month.month)
        data = self._month_cache.get((month, self._filter)) or self._load_month(month, self._filter)
        self._remember(month, self._filter, data)
        self.model.set_data(data)
        target = (
            select if select is not None and select in grid else (today_local() if today_local() in grid else month)
        )
        self._anchor = target
        selection = self.view.selectionModel()
        selection.blockSignals(True)  # the day's list is filled once, below
        self.view.setCurrentIndex(self.model.index_of(target))
        selection.blockSignals(False)
        if self._mode == WEEK:
            start = week_start(target)
            self.week_model.set_week(start, self._entries(start, start + timedelta(days=6)))
            self._show_best_hours()
            self.week_view.setCurrentIndex(self.week_model.index_of(target, self._selected_hour()))
        elif self._mode == AGENDA:
            self.agenda_view.set_range(target, self._entries(target, target + timedelta(days=AGENDA_DAYS - 1)))
        self._show_title(month)
        self._show_campaigns(grid[0], max(grid[-1], target + timedelta(days=AGENDA_DAYS)))
        self._show_goals(target)
        self._fill_agenda(target)
        last = max(grid[-1], target + timedelta(days=AGENDA_DAYS))
        self._days_task = spawn(self._load_days(month, grid[0], last))
        spawn(self._prefetch(month))

    def _load_month(self, month: date, plan_filter: PlanFilter) -> MonthData:
        """The month's entries, filtered and grouped (safe in a worker thread)."""
        grid = month_grid(month.year, month.month)
        start, end = local_day_bounds(grid[0], grid[-1])
        everything = self._posts.calendar_entries(start, end)
        return build_month_data(month, plan_filter.apply(everything), everything)

    def _remember(self, month: date, plan_filter: PlanFilter, data: MonthData) -> None:
        self._month_cache[(month, plan_filter)] = data
        while len(self._month_cache) > 6:
            del self._month_cache[next(iter(self._month_cache))]

    async def _prefetch(self, month: date) -> None:
        """The months before and after, made ready in a worker so that paging is instant; only
        after a pause, so that at start-up they do not compete with the first paint."""
        generation, plan_filter = self._generation, self._filter
        await pause(PREFETCH_DELAY_S)
        if not alive(self) or generation != self._generation:
            return
        for neighbour in (add_months(month, 1), add_months(month, -1)):
            if (neighbour, plan_filter) in self._month_cache:
                continue
            data = await in_thread(self._load_month, neighbour, plan_filter)
            if not alive(self) or generation != self._generation:
                return  # the plan changed meanwhile: what was read may be stale
            self._remember(neighbour, plan_filter, data)

    def forget_loaded_months(self) -> None:
        """The plan changed: months read before must be read again."""
        self._generation += 1
        self._month_cache.clear()
        self._best_hours = None
        self._plan_cache = None
        self._unit_names = None

    def _show_campaigns(self, first: date, last: date) -> None:
        if self._plan_cache is None:
            self._plan_cache = (self.planning.campaigns(), self.planning.goals())
        campaigns = [c for c in self._plan_cache[0] if c.starts_on <= last and c.ends_on >= first]
        days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
        by_day = bands(campaigns, days)
        self.model.set_campaigns(by_day)
        self.week_model.set_campaigns(by_day)

    def refresh_goals(self) -> None:
        """Show the goals again (reply-time figures were counted or changed)."""
        self._show_goals(self.selected_day())

    def _show_goals(self, day: date) -> None:
        """The goals' progress in the selected day's week and month ("Bu hafta: 2/5 duyuru")."""
        if self._plan_cache is None:
            self._plan_cache = (self.planning.campaigns(), self.planning.goals())
        goals = self._plan_cache[1]
        if not goals:
            self.goals_label.hide()
            return
        reached = iter(progress(goals, self.model.unfiltered, day))  # post goals, in order
        campaigns = {c.id: c.name for c in self._plan_cache[0] if c.id is not None}
        lines: list[str] = []
        missing = False
        for goal in goals:
            if goal.kind is GoalKind.REPLY_TIME:
                first, last = period_bounds(goal.period, day)
                scope = goal.reply_scope
                counts = self.reply_counts(first, last, scope) if self.reply_counts is not None else None
                replies = reply_progress(goal, counts, day) if counts is not None else None
                lines.append(reply_goal_text(replies, goal, self._scope_name(scope)))
                missing = missing or (replies is not None and not replies.met)
                continue
            item = next(reached)
            lines.append(goal_text(item, campaigns, self._channel_names))
            missing = missing or not item.met
        self.goals_label.setText(
            ("⚑ " if missing else "✓ ") + "  ·  ".join(lines[:2]) + (f"  (+{len(lines) - 2})" if len(lines) > 2 else "")
        )
        self.goals_label.setToolTip("\n".join(lines))
        self.goals_label.setStyleSheet("color: #9a3412;" if missing else "color: #166534;")
        self.goals_label.show()

    def _scope_name(self, scope: ReplyScope) -> str:
        """The channel's or unit's name a reply-time goal counts ("" for all messages)."""
        if scope.channel_id is not None:
            return self._channel_names.get(scope.channel_id, "?")
        if scope.unit_id is not None:
            if self._unit_names is None:
                self._unit_names = dict(self.planning.units())
            return self._unit_names.get(scope.unit_id, "?")
        return ""

    def _show_best_hours(self) -> None:
        """Stars on the good hours of each weekday (from our published posts, else defaults)."""
        from kurum_masaustu.rules.best_time import HintSource, best_times

        if self._best_hours is None:
            samples = self.planning.engagement_samples()
            best: dict[int, dict[int, str]] = {}
            for weekday in range(7):
                hints = best_times(samples, weekday)
                own = bool(hints) and hints[0].source is HintSource.OWN
                text = (
                    self.tr("★ A good time to post (from the engagement of your published posts)")
                    if own
                    else self.tr("★ A good time to post (a general suggestion for public institutions)")
                )
                best[weekday] = {hint.hour: text for hint in hints}
            self._best_hours = best
        self.week_model.set_best_hours(self._best_hours)

    def _entry_menu(self, post_id: int, where: QPoint) -> None:
        """A chip's menu: put the post in a campaign or take it out."""
        menu = QMenu(self)
        campaigns = menu.addMenu(self.tr("Campaign"))
        current = self.planning.post_campaign(post_id)
        for campaign_id, name in self._posts.campaigns():
            action = campaigns.addAction(name, partial(self._set_campaign, post_id, campaign_id))
            action.setCheckable(True)
            action.setChecked(campaign_id == current)
        outside = campaigns.addAction(self.tr("Outside campaigns"), partial(self._set_campaign, post_id, None))
        outside.setCheckable(True)
        outside.setChecked(current is None)
        occurrence = self.planning.occurrence(post_id)
        if occurrence is not None:
            series_id, day = occurrence
            menu.addSeparator()
            menu.addAction(self.tr("Remove this date from the series"), partial(self._skip_occurrence, post_id))
            menu.addAction(self.tr("End the series after this date"), partial(self._end_series, series_id, day))
        menu.addAction(self.tr("Open"), lambda: self.post_activated.emit(post_id))
        menu.popup(where)
        self._menu = menu

    def _day_menu(self, day: date, where: QPoint) -> None:
        """A day's menu: correct each of its days for this year (move or hide), or undo that."""
        corrected = {(c.key, c.year) for c in self.planning.corrections()}
        events = [e for e in self._shown_days if e.covers(day) and (not e.hidden or (e.key, day.year) in corrected)]
        if not events:
            return
        menu = QMenu(self)
        for event in events:
            if not event.hidden:
                menu.addAction(
                    self.tr("Correct for this year: {name}…").format(name=event.name),
                    partial(self.correct_day, event, day.year),
                )
            if (event.key, day.year) in corrected:
                menu.addAction(
                    self.tr("Undo this year's correction: {name}").format(name=event.name),
                    partial(self._undo_correction, event.key, day.year),
                )
        menu.popup(where)
        self._menu = menu

    def correct_day(self, event: DayEvent, year: int) -> None:
        from kurum_masaustu.ui.correction_dialog import CorrectionDialog

        dialog = CorrectionDialog(event, year, self)
        if dialog.exec() == CorrectionDialog.DialogCode.Accepted and dialog.correction is not None:
            self.planning.save_correction(dialog.correction)
            self.refresh()

    def _undo_correction(self, key: str, year: int) -> None:
        self.planning.delete_correction(key, year)
        self.refresh()

    def _skip_occurrence(self, post_id: int) -> None:
        if self.planning.skip_occurrence(post_id):
            self.message_label.clear()
            self.refresh()
            self.post_moved.emit(post_id)
        else:
            self.message_label.setText(self.tr("This date has already gone out; it stays."))

    def _end_series(self, series_id: int, day: date) -> None:
        removed = self.planning.end_series(series_id, day)
        self.message_label.setText(self.tr("Series ended: %n later post(s) removed.", "", removed))
        self.refresh()
        self.post_moved.emit(0)

    def _set_campaign(self, post_id: int, campaign_id: int | None) -> None:
        self.planning.set_post_campaign(post_id, campaign_id)
        self.refresh()

    def _selected_hour(self) -> int:
        index = self.week_view.currentIndex()
        return index.row() if index.isValid() else 10

    def _show_title(self, month: date) -> None:
        locale = QLocale()
        if self._mode == MONTH:
            self.month_label.setText(locale.toString(qdate(month), "MMMM yyyy"))
            planned, published = self.model.counts
            caption = self.tr("This month: {planned} planned, {published} published")
        else:
            first = week_start(self._anchor) if self._mode == WEEK else self._anchor
            last = first + timedelta(days=6 if self._mode == WEEK else AGENDA_DAYS - 1)
            self.month_label.setText(
                f"{locale.toString(qdate(first), 'd MMMM')} – {locale.toString(qdate(last), 'd MMMM yyyy')}"
            )
            planned, published = count_states(self._entries(first, last))
            caption = (
                self.tr("This week: {planned} planned, {published} published")
                if self._mode == WEEK
                else self.tr("These days: {planned} planned, {published} published")
            )
        text = caption.format(planned=planned, published=published)
        if self._filter.active:
            text += " · " + self.tr("filtered")
        self.summary_label.setText(text)

    async def _load_days(self, month: date, first: date, last: date) -> None:
        """Holidays and important days (the data and the holidays package load off the UI thread)."""
        from kurum_masaustu import calendar_data
        from kurum_masaustu.rules.days import missing_plan_reminders

        today = today_local()
        horizon = today + timedelta(days=REMINDER_DAYS)
        custom = self.planning.custom_days()
        corrections = self.planning.corrections()
        shown = await in_thread(
            partial(calendar_data.days_between, first, last, custom=custom, corrections=corrections)
        )
        if not alive(self) or self.model.month != month:
            return  # the person has moved on
        self._shown_days = shown
        self.model.set_day_events(shown)
        self.week_model.set_day_events(shown)
        self.agenda_view.set_day_events(shown)
        self._fill_agenda(self.selected_day())
        self.days_loaded.emit()
        coming = await in_thread(
            partial(calendar_data.days_between, today, horizon, custom=custom, corrections=corrections)
        )
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
            self.show_day(self._reminder_day)

    # -- moving and starting posts ----------------------------------------------------------
    def move_post(self, post_id: int, day: date, hour: int | None = None) -> None:
        """A post dropped on another day (month view: its time of day kept) or hour (week
        view): its unpublished deliveries move there; published ones and past slots refuse."""
        result = self._posts.reschedule(post_id, day, hour, now=self._clock())
        if result.in_past:
            self.message_label.setText(self.tr("A post cannot be moved into the past."))
        elif result.kept_published and not result.moved:
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

    def _empty_double_clicked(self, day: date, hour: int | None) -> None:
        if hour is None:
            self.new_post_requested.emit(day)
        else:
            self.new_post_requested.emit(datetime(day.year, day.month, day.day, hour, tzinfo=ISTANBUL))

    def refresh(self, select: date | None = None) -> None:
        """Read the plan again (it changed) and show ``select`` or the selected day."""
        self.forget_loaded_months()
        self.reload_filter_choices()
        self.show_month(select.replace(day=1) if select else self.model.month, select or self.selected_day())

    async def refresh_in_background(self) -> None:
        """:meth:`refresh` for changes the person did not make just now (the outbox published):
        the month is read in a worker while the old one stays on screen, then shown at once.
        A later change, or the person moving elsewhere meanwhile, wins."""
        self.forget_loaded_months()
        generation, month, plan_filter = self._generation, self.model.month, self._filter
        data = await in_thread(self._load_month, month, plan_filter)
        if not alive(self) or generation != self._generation:
            return
        if self.model.month != month or self._filter != plan_filter:
            return  # moved to another month or filter: it was read there
        self._remember(month, plan_filter, data)
        self.show_month(month, self.selected_day())  # publishing changes no channel or campaign

    # -- selection --------------------------------------------------------------------------
    def _day_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._anchor = self.model.day_at(current)
            self._fill_agenda(self._anchor)

    def _hour_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._anchor = current.data(DATE_ROLE)
            self._fill_agenda(self._anchor)

    def _day_activated(self, index: QModelIndex) -> None:
        day: date = index.data(DATE_ROLE)
        if self.model.posts_on(day) or (self._mode == WEEK and self.week_model.posts_at(day, index.row())):
            self.agenda.setFocus()
            self.agenda.setCurrentRow(0)
        else:
            self._empty_double_clicked(day, index.row() if self._mode == WEEK else None)

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
        for name, _colour in self.model.campaigns_on(day):
            marker = QListWidgetItem(f"▬ {name}")
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

    # -- planning dialogs ---------------------------------------------------------------------
    def edit_campaigns(self) -> None:
        from kurum_masaustu.ui.plan_dialogs import CampaignsDialog

        dialog = CampaignsDialog(self.planning, self._posts.channels(), self._template_choices(), self)
        dialog.post_requested.connect(self.campaign_post_requested)
        dialog.exec()
        self.refresh()

    def edit_goals(self) -> None:
        from kurum_masaustu.ui.plan_dialogs import GoalsDialog

        dialog = GoalsDialog(self.planning, self._posts.channels(), self.planning.campaigns(), self)
        dialog.exec()
        self.refresh()

    def edit_days(self) -> None:
        from kurum_masaustu.ui.days_dialog import DaysDialog

        dialog = DaysDialog(self.planning, self)
        dialog.exec()
        self.refresh()

    def new_series(self, day: date | None = None) -> None:
        from kurum_masaustu.ui.recurrence_dialog import RecurrenceDialog

        dialog = RecurrenceDialog(self.planning, self._posts.channels(), day or self._anchor, self)
        if dialog.exec():
            self.refresh()
            self.post_moved.emit(0)  # the outbox has new scheduled posts

    def import_plan(self, path: Path | None = None) -> None:
        from kurum_masaustu.ui.import_dialog import ImportDialog

        media = self.media_library() if self.media_library is not None else None
        dialog = ImportDialog(self._posts.sessions, media, path, self)
        if dialog.exec():
            self.refresh()
            self.post_moved.emit(0)  # the outbox has new scheduled posts

    def _template_choices(self) -> list[tuple[str, str]]:
        from kurum_masaustu.services.templates import TemplateService

        return [(t.key, t.name) for t in TemplateService(self._posts.sessions).list("post")]
