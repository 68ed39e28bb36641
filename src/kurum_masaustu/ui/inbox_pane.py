"""Inbox pane: every citizen's message, newest first, fetched a page at a time."""

from __future__ import annotations

import contextlib
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

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
    Signal,
)
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kurum_masaustu.domain import InboxCategory, InboxKind, InboxStatus, ReplyState
from kurum_masaustu.rules.routing import minimise, reference_number
from kurum_masaustu.rules.timeutil import to_local
from kurum_masaustu.services.conversation import Conversation, ConversationService, HistoryEntry, ReplyFigures
from kurum_masaustu.services.inbox import OPEN_STATUSES, InboxFilter, InboxRow, InboxService, PageCursor
from kurum_masaustu.ui.labels import (
    channel_label,
    inbox_category_name,
    inbox_kind_name,
    inbox_status_name,
    platform_name,
)

if TYPE_CHECKING:
    from kurum_masaustu.services.templates import TemplateRecord

PAGE_SIZE = 200
COLUMNS = ("received", "channel", "author", "kind", "category", "status", "waiting", "text")
OVERDUE_BACKGROUND = QColor("#fdecea")
OVERDUE_TEXT = QColor("#b42318")


def duration_text(span: timedelta) -> str:
    """ "2 sa 05 dk" style (hours and minutes of business time), translated."""
    from PySide6.QtCore import QCoreApplication

    minutes = int(span.total_seconds() // 60)
    hours, minutes = divmod(minutes, 60)
    if hours:
        return QCoreApplication.translate("InboxPane", "{h} h {m:02d} min").format(h=hours, m=minutes)
    return QCoreApplication.translate("InboxPane", "{m} min").format(m=minutes)


class InboxModel(QAbstractTableModel):
    """Rows arrive in pages through ``fetchMore`` (keyset paging), never all at once."""

    def __init__(self, inbox: InboxService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._inbox = inbox
        self._rows: list[InboxRow] = []
        self._exhausted = False
        self.filter = InboxFilter()
        self._waited: dict[int, timedelta] = {}
        self._cutoff: datetime | None = None
        self._now = datetime.now(UTC)

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = []
        self._exhausted = False
        self._refresh_clock()
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def _refresh_clock(self) -> None:
        """Clocks need the business hours; until a worker has built them (holiday table), the
        list shows no clocks rather than read the table on the UI thread."""
        self._waited = {}
        self._now = self._inbox.now()
        self._cutoff = self._inbox.overdue_cutoff() if self._inbox.hours_ready() else None

    def tick(self) -> None:
        """The response clocks moved on (called every minute)."""
        self._refresh_clock()
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(COLUMNS) - 1))

    def is_overdue(self, row: InboxRow) -> bool:
        """Unanswered and waiting longer than the service level in business hours."""
        return (
            row.status in OPEN_STATUSES
            and not row.deleted
            and self._cutoff is not None
            and row.received_at <= self._cutoff
        )

    def waited(self, row: InboxRow) -> timedelta:
        found = self._waited.get(row.id)
        if found is None:
            found = self._inbox.hours.business_time(row.received_at, self._now)
            self._waited[row.id] = found
        return found

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
            self._waited.pop(fresh.id, None)
            self.dataChanged.emit(self.index(position, 0), self.index(position, len(COLUMNS) - 1))

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "waiting":
                if row.status not in OPEN_STATUSES or row.deleted:
                    return "—"
                return duration_text(self.waited(row)) if self._inbox.hours_ready() else ""
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == "text":
            return None  # the full text is in the reading pane, as plain text
        if role == Qt.ItemDataRole.ToolTipRole and column == "waiting" and self.is_overdue(row):
            return self.tr("Overdue: waiting longer than the response time in business hours")
        if role == Qt.ItemDataRole.BackgroundRole and self.is_overdue(row):
            return OVERDUE_BACKGROUND
        if role == Qt.ItemDataRole.ForegroundRole and column == "waiting" and self.is_overdue(row):
            return OVERDUE_TEXT
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
            "waiting": self.tr("Waiting"),
            "text": self.tr("Message"),
        }
        return titles[COLUMNS[section]]


class InboxPane(QWidget):
    """The inbox list, and beside it the selected message in its conversation, with actions.

    ``templates`` gives the reply templates; ``replies_queued`` asks the window to send soon.
    """

    replies_queued = Signal()
    item_changed = Signal(int)
    hours_loaded = Signal()
    figures_ready = Signal(object)

    def __init__(
        self,
        inbox: InboxService,
        parent: QWidget | None = None,
        *,
        templates: Callable[[], list[TemplateRecord]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("inboxPane")
        self._inbox = inbox
        self._templates = templates or (lambda: [])
        #: Hides an item on its platform with a reason (the window sets it; None: no network here).
        self.hide_with: Callable[[int, str], Awaitable[str | None]] | None = None
        #: Deletes a comment on its platform with a reason (the window sets it).
        self.delete_with: Callable[[int, str], Awaitable[str | None]] | None = None
        self.last_dialog: QDialog | None = None  # the open dialog (tests drive it)
        self._uncertain_id: int | None = None
        self.conversations = ConversationService(inbox.sessions, clock=inbox.now)
        self.model = InboxModel(inbox, self)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search messages (e.g. cop, su, istanbul)…"))
        self.search_edit.setAccessibleName(self.tr("Search messages"))
        self.search_edit.setClearButtonEnabled(True)
        self.unanswered_check = QCheckBox(self.tr("Unanswered"))
        self.overdue_check = QCheckBox(self.tr("Overdue"))
        self.negative_check = QCheckBox(self.tr("Negative"))
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
        self.overdue_check.toggled.connect(self.apply_filter)
        self.negative_check.toggled.connect(self.apply_filter)
        self.category_filter.currentIndexChanged.connect(self.apply_filter)
        filters = QHBoxLayout()
        filters.addWidget(self.search_edit, 1)
        filters.addWidget(self.unanswered_check)
        filters.addWidget(self.overdue_check)
        filters.addWidget(self.negative_check)
        filters.addWidget(self.category_filter)
        more_filters = self._more_filters()
        self.figures_label = QLabel()
        self.figures_label.setTextFormat(Qt.TextFormat.PlainText)
        self.figures_label.setStyleSheet("color: #57606a;")
        self.figures_label.setToolTip(
            self.tr("This week's messages: answered, median business time to our first reply, share within the target")
        )

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
        for column, width in enumerate((88, 140, 115, 88, 75, 75, 96)):
            self.table.setColumnWidth(column, width)

        self.reader_label = QLabel(self.tr("Message"))
        self.reader_label.setTextFormat(Qt.TextFormat.PlainText)  # author names come from citizens
        self.clock_label = QLabel()
        self.clock_label.setTextFormat(Qt.TextFormat.PlainText)
        self.reader = QPlainTextEdit()  # plain text: citizen text is never interpreted as markup
        self.reader.setReadOnly(True)
        self.reader.setAccessibleName(self.tr("Selected message"))
        self.reader.setPlaceholderText(
            self.tr(
                "Choose a message to read it here. Comments, mentions and private messages of the "
                "connected channels gather in this inbox (Publishing → Channels… to connect one)."
            )
        )
        self.thread_view = self._plain_view(self.tr("Conversation"))
        self.earlier_view = self._plain_view(self.tr("Earlier messages from this person"))
        self.history_view = self._plain_view(self.tr("History"))
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.reader, self.tr("Message"))
        self.tabs.addTab(self.thread_view, self.tr("Conversation"))
        self.tabs.addTab(self.earlier_view, self.tr("Same person"))
        self.tabs.addTab(self.history_view, self.tr("History"))
        #: The item whose conversation/history the tabs show, and which tabs are filled for it:
        #: a tab is read from the store when it is opened, not for every row passed over.
        self._context_item: int | None = None
        self._context_filled: set[QWidget] = set()
        self.tabs.currentChanged.connect(lambda _index: self._fill_context_tab())
        self.privacy_label = QLabel()
        self.privacy_label.setTextFormat(Qt.TextFormat.PlainText)
        self.privacy_label.setWordWrap(True)
        self.privacy_label.setStyleSheet("color: #9a6700;")
        self.privacy_label.hide()
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
        self.reply_button = QPushButton(self.tr("Reply…"))
        self.reply_button.setToolTip(self.tr("Write a reply from a template; it is sent through the outbox"))
        self.reply_button.clicked.connect(self.open_reply)
        self.route_button = QPushButton(self.tr("Route…"))
        self.route_button.setToolTip(self.tr("Give the message to a unit: e-mail draft or Beyaz Masa / CİMER note"))
        self.route_button.clicked.connect(self.open_route)
        self.hide_button = QPushButton(self.tr("Hide…"))
        self.hide_button.setToolTip(self.tr("Hide the comment on the platform (where it allows), with a reason"))
        self.hide_button.clicked.connect(self.ask_hide)
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.setToolTip(
            self.tr("Delete the comment on the platform (Facebook, Instagram, Telegram), with a reason")
        )
        self.delete_button.clicked.connect(self.ask_delete)
        self.resolve_button = QPushButton(self.tr("Resolved"))
        self.resolve_button.setToolTip(self.tr("Mark the message resolved"))
        self.resolve_button.clicked.connect(self.mark_resolved)
        self.actions_row = QHBoxLayout()
        self.actions_row.addWidget(self.reply_button)
        self.actions_row.addWidget(self.route_button)
        self.actions_row.addWidget(self.hide_button)
        self.actions_row.addWidget(self.delete_button)
        self.actions_row.addWidget(self.resolve_button)
        self.actions_row.addStretch(1)
        # A reply the platform could not confirm (Facebook, Instagram, LinkedIn, Telegram after a
        # lost answer): the person looks on the platform and says what happened.
        self.uncertain_label = QLabel(self.tr("A reply may have been sent: check on the platform."))
        self.uncertain_label.setStyleSheet("color: #9a6700;")
        self.arrived_button = QPushButton(self.tr("It arrived"))
        self.arrived_button.clicked.connect(lambda: self.confirm_uncertain(arrived=True))
        self.send_again_button = QPushButton(self.tr("Send again"))
        self.send_again_button.clicked.connect(lambda: self.confirm_uncertain(arrived=False))
        self.uncertain_row = QWidget()
        uncertain_layout = QHBoxLayout(self.uncertain_row)
        uncertain_layout.setContentsMargins(0, 0, 0, 0)
        uncertain_layout.addWidget(self.uncertain_label, 1)
        uncertain_layout.addWidget(self.arrived_button)
        uncertain_layout.addWidget(self.send_again_button)
        self.uncertain_row.hide()
        reader_box = QWidget()
        reader_layout = QVBoxLayout(reader_box)
        reader_layout.setContentsMargins(0, 0, 0, 0)
        reader_layout.addWidget(self.reader_label)
        reader_layout.addWidget(self.clock_label)
        reader_layout.addWidget(self.tabs, 1)
        reader_layout.addWidget(self.privacy_label)
        reader_layout.addWidget(self.uncertain_row)
        reader_layout.addWidget(self.reasons_label)
        reader_layout.addLayout(correction)
        reader_layout.addLayout(self.actions_row)

        list_box = QWidget()
        list_layout = QVBoxLayout(list_box)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.setSpacing(2)
        list_layout.addWidget(self.table, 1)
        list_layout.addWidget(self.figures_label)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(list_box)
        splitter.addWidget(reader_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([700, 380])
        self.above = QVBoxLayout()  # the crisis banner goes here
        self.above.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(self.above)
        layout.addLayout(filters)
        layout.addLayout(more_filters)
        layout.addWidget(splitter)
        self.table.selectionModel().currentRowChanged.connect(self._show_row)
        self._clock_timer = QTimer(self)
        self._clock_timer.setInterval(60_000)
        self._clock_timer.timeout.connect(self._tick)
        self._clock_timer.start()
        self.hours_loaded.connect(self._tick)
        self.figures_ready.connect(self.show_figures)
        self._ticks = 0
        if not inbox.hours_ready():
            import threading

            def build() -> None:
                _ = inbox.hours  # reads the holiday table once, off the UI thread
                with contextlib.suppress(RuntimeError):  # the pane was closed meanwhile
                    self.hours_loaded.emit()

            threading.Thread(target=build, name="business-hours", daemon=True).start()
        self.model.reload()
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, 0))  # the newest message, ready to read
        else:
            self._set_actions_enabled(False)

    def _more_filters(self) -> QHBoxLayout:
        """Channel, type, unit and period (the service filters each with an index)."""
        from sqlalchemy import select

        from kurum_masaustu.store.models import Unit

        self.channel_filter = QComboBox()
        self.channel_filter.setAccessibleName(self.tr("Channel filter"))
        self.channel_filter.addItem(self.tr("All channels"), None)
        self.kind_filter = QComboBox()
        self.kind_filter.setAccessibleName(self.tr("Type filter"))
        self.kind_filter.addItem(self.tr("All types"), None)
        for kind in InboxKind:
            self.kind_filter.addItem(inbox_kind_name(kind), kind)
        self.unit_filter = QComboBox()
        self.unit_filter.setAccessibleName(self.tr("Unit filter"))
        self.unit_filter.addItem(self.tr("All units"), None)
        self.period_filter = QComboBox()
        self.period_filter.setAccessibleName(self.tr("Period filter"))
        for label, days in (
            (self.tr("Any time"), None),
            (self.tr("Today"), 0),
            (self.tr("Last 7 days"), 7),
            (self.tr("Last 30 days"), 30),
        ):
            self.period_filter.addItem(label, days)
        self.reload_channels()
        with self._inbox.sessions() as session:
            for unit_id, name in session.execute(select(Unit.id, Unit.name).order_by(Unit.name)):
                self.unit_filter.addItem(name, unit_id)
        row = QHBoxLayout()
        for combo in (self.channel_filter, self.kind_filter, self.unit_filter, self.period_filter):
            combo.currentIndexChanged.connect(self.apply_filter)
            row.addWidget(combo, 1)
        return row

    def reload_channels(self) -> None:
        """The channel filter offers the profile's channels (added, renamed or removed ones too);
        the chosen one stays chosen while it exists."""
        from sqlalchemy import select

        from kurum_masaustu.store.models import Channel

        chosen = self.channel_filter.currentData()
        self.channel_filter.blockSignals(True)
        while self.channel_filter.count() > 1:
            self.channel_filter.removeItem(1)
        with self._inbox.sessions() as session:
            for channel_id, name, platform in session.execute(
                select(Channel.id, Channel.display_name, Channel.platform).order_by(Channel.id)
            ):
                self.channel_filter.addItem(channel_label(name, platform), channel_id)
        self.channel_filter.setCurrentIndex(max(0, self.channel_filter.findData(chosen)))
        self.channel_filter.blockSignals(False)
        if self.channel_filter.currentData() != chosen:
            self.apply_filter()  # the chosen channel is gone: show all

    def _received_from(self) -> datetime | None:
        days = self.period_filter.currentData()
        if days is None:
            return None
        from kurum_masaustu.rules.timeutil import ISTANBUL

        today = self._inbox.now().astimezone(ISTANBUL).date() - timedelta(days=int(days))
        return datetime.combine(today, datetime.min.time(), tzinfo=ISTANBUL)

    @staticmethod
    def _plain_view(name: str) -> QPlainTextEdit:
        view = QPlainTextEdit()
        view.setReadOnly(True)
        view.setAccessibleName(name)
        view.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        return view

    def _set_actions_enabled(self, enabled: bool) -> None:
        for button in (
            self.reply_button,
            self.route_button,
            self.hide_button,
            self.delete_button,
            self.resolve_button,
            self.correct_combo,
        ):
            button.setEnabled(enabled)

    def current_row(self) -> InboxRow | None:
        index = self.table.currentIndex()
        return self.model.row(index) if index.isValid() else None

    def _tick(self) -> None:
        if self._ticks % 5 == 0 and self._inbox.hours_ready():
            self.refresh_figures()
        self._ticks += 1
        self.model.tick()
        row = self.current_row()
        if row is not None:
            self._show_clock(row)

    def refresh_figures(self, *, wait: bool = False) -> None:
        """This week's reply-time figures, read in a worker thread (``wait``: here, for tests)."""
        import threading

        from kurum_masaustu.rules.timeutil import ISTANBUL

        inbox, conversations = self._inbox, self.conversations
        now = inbox.now()
        today = now.astimezone(ISTANBUL).date()
        monday = datetime.combine(today - timedelta(days=today.weekday()), datetime.min.time(), tzinfo=ISTANBUL)

        def work() -> None:
            figures = conversations.reply_figures(monday, now, inbox.hours, inbox.sla)
            with contextlib.suppress(RuntimeError):  # the pane was closed meanwhile
                self.figures_ready.emit(figures)

        if wait:
            work()
        else:
            threading.Thread(target=work, name="reply-figures", daemon=True).start()

    def show_figures(self, figures: ReplyFigures) -> None:
        if not figures.received:
            self.figures_label.setText(self.tr("This week: no messages yet"))
            return
        median = duration_text(figures.median) if figures.median is not None else "—"
        self.figures_label.setText(
            self.tr("This week: {answered}/{received} answered · median {median} · {share}% in time ({target})").format(
                answered=figures.answered,
                received=figures.received,
                median=median,
                share=figures.counts.percent,
                target=duration_text(self._inbox.sla),
            )
        )
        self.figures_label.setToolTip(
            self.tr(
                "In time: answered within {target} of business hours. Counted among the messages whose time "
                "is up (answered, or still unanswered after {target}: late); the {waiting} still within "
                "{target} are not counted yet. A reply-time goal counts the same way."
            ).format(target=duration_text(self._inbox.sla), waiting=figures.waiting)
        )

    def _show_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            self._clear_reader()
            return
        self._set_actions_enabled(True)
        row = self.model.row(current)
        # A private message is never deleted for its sender; one already deleted needs nothing.
        self.delete_button.setEnabled(row.kind is not InboxKind.DIRECT_MESSAGE and not row.deleted)
        reference = reference_number(row.id, row.received_at)
        self.reader_label.setText(
            f"{row.author_name} ({row.author_handle}) — {inbox_kind_name(row.kind)} — {reference}"
        )
        self.reader.setPlainText(row.text)
        why = ", ".join(row.reasons) if row.reasons else self.tr("no rule matched")
        note = (
            self.tr("(corrected by you)") if row.category_corrected else self.tr("Why: {reasons}").format(reasons=why)
        )
        self.reasons_label.setText(note)
        index = self.correct_combo.findData(row.category or InboxCategory.OTHER)
        self.correct_combo.setCurrentIndex(max(0, index))
        self._show_clock(row)
        self._show_context(row)
        self._show_privacy(row)
        uncertain = [r for r in self.conversations.replies(row.id) if r.state == ReplyState.UNCERTAIN]
        self._uncertain_id = uncertain[-1].id if uncertain else None
        self.uncertain_row.setVisible(bool(uncertain))

    def confirm_uncertain(self, *, arrived: bool) -> None:
        from kurum_masaustu.publishing.replies import ReplySender

        if self._uncertain_id is None:
            return
        ReplySender(self._inbox.sessions, _no_adapter).confirm(self._uncertain_id, arrived=arrived)
        if not arrived:
            self.replies_queued.emit()
        self.refresh_current()

    def _show_privacy(self, row: InboxRow) -> None:
        """A citizen posted personal data publicly: suggest a private message (and hiding)."""
        removed = minimise(row.text).removed
        if not removed or row.kind.value == "direct_message":
            self.privacy_label.hide()
            return
        names = {
            "tc_kimlik": self.tr("T.C. kimlik no"),
            "telefon": self.tr("phone number"),
            "iban": self.tr("IBAN"),
            "e_posta": self.tr("e-mail address"),
        }
        found = ", ".join(dict.fromkeys(names[kind] for kind in removed))
        self.privacy_label.setText(
            self.tr(
                "Personal data in a public message ({found}): continue in a private message, and consider hiding it."
            ).format(found=found)
        )
        self.privacy_label.show()

    def _clear_reader(self) -> None:
        for view in (self.reader, self.thread_view, self.earlier_view, self.history_view):
            view.clear()
        self._context_item = None
        self.clock_label.clear()
        self.reasons_label.clear()
        self.uncertain_row.hide()
        self._set_actions_enabled(False)

    def _show_clock(self, row: InboxRow) -> None:
        if not self._inbox.hours_ready():
            self.clock_label.clear()
            return
        clock = self.conversations.clock(row.id, self._inbox.hours, self._inbox.sla)
        if clock is None:
            self.clock_label.clear()
            return
        waited = duration_text(clock.waited)
        if clock.answered:
            text = self.tr("Answered after {time} of business hours").format(time=waited)
            color = "#57606a"
        elif clock.overdue:
            text = self.tr("Overdue: waiting {time} of business hours (target {target})").format(
                time=waited, target=duration_text(self._inbox.sla)
            )
            color = OVERDUE_TEXT.name()
        else:
            text = self.tr("Waiting {time} of business hours (target {target})").format(
                time=waited, target=duration_text(self._inbox.sla)
            )
            color = "#57606a"
        self.clock_label.setText(text)
        self.clock_label.setStyleSheet(f"color: {color};")

    def _show_context(self, row: InboxRow) -> None:
        self._context_item = row.id
        self._context_filled = set()
        self._fill_context_tab()

    def _fill_context_tab(self) -> None:
        view = self.tabs.currentWidget()
        item_id = self._context_item
        if item_id is None or view in self._context_filled:
            return
        if view is self.thread_view or view is self.earlier_view:
            conversation = self.conversations.conversation(item_id)
            self.thread_view.setPlainText(self.thread_text(conversation) if conversation else "")
            self.earlier_view.setPlainText(self.earlier_text(conversation) if conversation else "")
            self._context_filled |= {self.thread_view, self.earlier_view}
        elif view is self.history_view:
            self.history_view.setPlainText(self.history_text(self.conversations.history(item_id)))
            self._context_filled.add(self.history_view)

    @staticmethod
    def _when(moment: datetime) -> str:
        local = to_local(moment)
        return f"{local:%d.%m.%Y %H:%M}"

    def thread_text(self, conversation: Conversation) -> str:
        """The post and the thread as plain text (citizen text is never markup)."""
        lines: list[str] = []
        post = conversation.post
        if post is not None:
            lines.append(self.tr("— Our post —"))
            if post.text is not None:
                lines.append(post.text)
                if post.published_at is not None:
                    lines.append(self.tr("(published {when})").format(when=self._when(post.published_at)))
            else:
                lines.append(self.tr("(a post not published from this app; id {id})").format(id=post.remote_id))
            lines.append("")
        lines.append(self.tr("— Thread —"))
        for entry in conversation.thread:
            indent = "    " * entry.depth
            marker = "▶ " if entry.selected else ""
            if entry.ours:
                state = "" if entry.reply_state == ReplyState.SENT else f" [{reply_state_name(entry.reply_state)}]"
                head = self.tr("Us") + state
            else:
                head = entry.author + (" " + self.tr("(deleted on the platform)") if entry.deleted else "")
            lines.append(f"{indent}{marker}{self._when(entry.at)} {head}:")
            lines.extend(f"{indent}    {line}" for line in entry.text.splitlines() or [""])
        if conversation.truncated:
            lines.append(self.tr("(the thread is longer; only its beginning is shown)"))
        return "\n".join(lines)

    def earlier_text(self, conversation: Conversation) -> str:
        if not conversation.earlier:
            return self.tr("No earlier messages from {who}.").format(
                who=conversation.author_name or conversation.author_handle
            )
        lines = []
        for message in conversation.earlier:
            lines.append(f"{self._when(message.at)} — {inbox_status_name(message.status)}")
            lines.extend(f"    {line}" for line in message.text.splitlines() or [""])
        return "\n".join(lines)

    def history_text(self, entries: list[HistoryEntry]) -> str:
        if not entries:
            return self.tr("Nothing done yet.")
        return "\n".join(
            f"{self._when(entry.at)} {entry.actor}: {history_action_name(entry.action, entry.detail)}"
            for entry in entries
        )

    def apply_filter(self) -> None:
        """Show what the search box and the filters ask for (SQL does the work, a page at a time)."""
        self._search_timer.stop()
        self.model.filter = InboxFilter(
            unanswered=self.unanswered_check.isChecked(),
            overdue=self.overdue_check.isChecked(),
            negative=True if self.negative_check.isChecked() else None,
            category=InboxCategory(chosen) if (chosen := self.category_filter.currentData()) else None,
            channel_id=self.channel_filter.currentData(),
            kind=InboxKind(kind) if (kind := self.kind_filter.currentData()) else None,
            unit_id=self.unit_filter.currentData(),
            received_from=self._received_from(),
            text=self.search_edit.text(),
        )
        self.model.reload()
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, 0))
        else:
            self._clear_reader()
            self.reader_label.setText(self.tr("No messages match."))

    def show_negative(self) -> None:
        """The crisis banner's "show the messages": negative ones, newest first."""
        self.search_edit.clear()
        self.category_filter.setCurrentIndex(0)
        for combo in (self.channel_filter, self.kind_filter, self.unit_filter, self.period_filter):
            combo.setCurrentIndex(0)
        self.unanswered_check.setChecked(False)
        self.overdue_check.setChecked(False)
        self.negative_check.setChecked(True)
        self.apply_filter()

    def refresh_current(self) -> None:
        """Re-read the selected item after a change (reply, routing, status)."""
        index = self.table.currentIndex()
        if index.isValid():
            self.model.reload_row(index.row())
            self._show_row(self.table.currentIndex(), index)
            self.item_changed.emit(self.model.row(index).id)

    def _correct_category(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            return
        row = self.model.row(index)
        category = InboxCategory(self.correct_combo.currentData())  # Qt hands back the enum's string
        if category != row.category and self._inbox.set_category(row.id, category):
            self.model.reload_row(index.row())
            self._show_row(self.table.currentIndex(), index)

    # -- actions ------------------------------------------------------------------------------
    def reply_fields(self, row: InboxRow) -> dict[str, str]:
        """What the app knows for a template's fields."""
        known = {"basvuru_no": reference_number(row.id, row.received_at)}
        first = (row.author_name or "").split()
        if first:
            known["ad"] = first[0]
        unit = self.unit_name(row.unit_id)
        if unit:
            known["birim"] = unit
        return known

    def unit_name(self, unit_id: int | None) -> str:
        if unit_id is None:
            return ""
        from kurum_masaustu.store.models import Unit

        with self._inbox.sessions() as session:
            unit = session.get(Unit, unit_id)
            return unit.name if unit is not None else ""

    def open_reply(self) -> None:
        from kurum_masaustu.ui.reply_dialog import ReplyDialog

        row = self.current_row()
        if row is None:
            return
        drafts = [r for r in self.conversations.replies(row.id) if r.state == ReplyState.DRAFT]
        dialog = ReplyDialog(
            self._templates(),
            self.reply_fields(row),
            category=row.category.value if row.category else None,
            draft=drafts[-1].text if drafts else "",
            citizen_text=row.text,
            parent=self,
        )
        self.last_dialog = dialog
        if dialog.exec() != ReplyDialog.DialogCode.Accepted:
            return
        self.finish_reply(row, dialog.accepted_action, dialog.text(), drafts[-1].id if drafts else None)

    def finish_reply(self, row: InboxRow, action: str, text: str, draft_id: int | None) -> None:
        from kurum_masaustu.publishing.replies import ReplySender

        if action == "draft":
            self.conversations.save_draft(row.id, text)
        elif action == "queue":
            try:
                ReplySender(self._inbox.sessions, _no_adapter).queue(row.id, text, reply_id=draft_id)
            except ValueError:
                QMessageBox.warning(
                    self,
                    self.tr("Reply"),
                    self.tr("The reply could not be queued: it is empty or the message is gone."),
                )
                return
            self.replies_queued.emit()
        self.refresh_current()

    def open_route(self) -> None:
        from kurum_masaustu.services.routing import RoutingService
        from kurum_masaustu.ui.route_dialog import RouteDialog

        row = self.current_row()
        if row is None:
            return
        dialog = RouteDialog(
            RoutingService(self._inbox.sessions),
            row.id,
            reference_number(row.id, row.received_at),
            row.unit_id,
            parent=self,
        )
        self.last_dialog = dialog
        dialog.exec()
        if dialog.units_changed:
            self.reload_units()
        elif dialog.changed:
            self.refresh_current()

    def reload_units(self) -> None:
        """The unit filter after units were added, renamed or deleted (the choice kept if it still exists)."""
        from sqlalchemy import select

        from kurum_masaustu.store.models import Unit

        chosen = self.unit_filter.currentData()
        self.unit_filter.blockSignals(True)
        while self.unit_filter.count() > 1:
            self.unit_filter.removeItem(1)
        with self._inbox.sessions() as session:
            for unit_id, name in session.execute(select(Unit.id, Unit.name).order_by(Unit.name)):
                self.unit_filter.addItem(name, unit_id)
        self.unit_filter.setCurrentIndex(max(0, self.unit_filter.findData(chosen)))
        self.unit_filter.blockSignals(False)
        self.apply_filter()  # rows show the units' names

    def hide_reasons(self) -> list[str]:
        return [
            self.tr("Abuse or insult"),
            self.tr("Personal data posted publicly (KVKK)"),
            self.tr("Spam or advertising"),
        ]

    def ask_hide(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        from kurum_masaustu.ui.tasks import spawn

        row = self.current_row()
        if row is None:
            return
        reason, ok = QInputDialog.getItem(
            self, self.tr("Hide the comment"), self.tr("Reason (kept in the audit log):"), self.hide_reasons(), 0, True
        )
        if ok and reason.strip():
            spawn(self.hide_current(reason.strip()))

    async def hide_current(self, reason: str) -> str | None:
        """Hide the selected item on its platform; the outcome shows in its history."""
        row = self.current_row()
        if row is None:
            return "no_item"
        if self.hide_with is None:
            problem: str | None = "no_adapter"
        else:
            problem = await self.hide_with(row.id, reason)
        self.refresh_current()
        if problem is not None:
            messages = {
                "unsupported": self.tr("This platform does not let us hide comments. Answer, or report it there."),
                "no_adapter": self.tr("The channel is not connected, so nothing was hidden."),
                "transient": self.tr("The platform could not be reached. Try again later."),
            }
            QMessageBox.information(
                self,
                self.tr("Hide the comment"),
                messages.get(problem, self.tr("The platform refused to hide it ({code}).").format(code=problem)),
            )
        return problem

    def ask_delete(self) -> None:
        """A reason, then a confirmation naming what cannot be undone; then the platform deletes it."""
        from PySide6.QtWidgets import QInputDialog

        from kurum_masaustu.ui.tasks import spawn

        row = self.current_row()
        if row is None:
            return
        title = self.tr("Delete the comment")
        reason, ok = QInputDialog.getItem(
            self, title, self.tr("Reason (kept in the audit log):"), self.hide_reasons(), 0, True
        )
        if not ok or not reason.strip():
            return
        answer = QMessageBox.question(
            self,
            title,
            self.tr(
                "Delete {author}'s comment on {platform}? Nobody will see it there any more and this cannot be "
                "undone. The text stays here, marked deleted, with your reason."
            ).format(author=row.author_name or row.author_handle, platform=platform_name(row.platform)),
        )
        if answer == QMessageBox.StandardButton.Yes:
            spawn(self.delete_current(reason.strip()))

    async def delete_current(self, reason: str) -> str | None:
        """Delete the selected comment on its platform; the outcome shows in its history."""
        row = self.current_row()
        if row is None:
            return "no_item"
        problem = "no_adapter" if self.delete_with is None else await self.delete_with(row.id, reason)
        self.refresh_current()
        if problem is not None:
            messages = {
                "unsupported": self.tr(
                    "This platform does not let us delete others' comments. Hide it if you can, or report it there."
                ),
                "not_a_comment": self.tr("A private message cannot be deleted for the person who sent it."),
                "forbidden": self.tr(
                    "The platform refused: a page may delete only comments on its own posts, and the account "
                    "needs the page's admin role. Nothing was deleted."
                ),
                "no_adapter": self.tr("The channel is not connected, so nothing was deleted."),
                "transient": self.tr("The platform could not be reached. Try again later."),
            }
            QMessageBox.information(
                self,
                self.tr("Delete the comment"),
                messages.get(problem, self.tr("The platform refused to delete it ({code}).").format(code=problem)),
            )
        return problem

    def mark_resolved(self) -> None:
        row = self.current_row()
        if row is not None and self._inbox.set_status(row.id, InboxStatus.RESOLVED):
            self.refresh_current()


async def _no_adapter(_channel: object) -> None:
    """Queueing needs no platform; the runner sends with the real adapters."""
    return None


def reply_state_name(state: ReplyState | None) -> str:
    from PySide6.QtCore import QCoreApplication

    names = {
        ReplyState.DRAFT: QCoreApplication.translate("InboxPane", "draft"),
        ReplyState.QUEUED: QCoreApplication.translate("InboxPane", "queued"),
        ReplyState.SENDING: QCoreApplication.translate("InboxPane", "sending"),
        ReplyState.SENT: QCoreApplication.translate("InboxPane", "sent"),
        ReplyState.FAILED: QCoreApplication.translate("InboxPane", "failed"),
        ReplyState.UNCERTAIN: QCoreApplication.translate("InboxPane", "check on the platform"),
    }
    return names.get(state, "") if state is not None else ""


def history_action_name(action: str, detail: dict[str, Any]) -> str:
    """A history line in the person's language (unknown actions shown as recorded)."""
    from PySide6.QtCore import QCoreApplication

    def tr(text: str) -> str:
        return QCoreApplication.translate("InboxPane", text)

    names = {
        "inbox.category_corrected": tr("category corrected"),
        "inbox.status": tr("status changed"),
        "reply.queued": tr("reply queued"),
        "reply.sent": tr("reply sent"),
        "reply.reconciled": tr("reply confirmed on the platform"),
        "reply.retry": tr("reply will be retried"),
        "reply.rejected": tr("reply refused by the platform"),
        "reply.gave_up": tr("reply failed"),
        "reply.uncertain": tr("reply may have been sent: check on the platform"),
        "reply.confirmed_sent": tr("reply marked as arrived"),
        "reply.send_again": tr("reply to be sent again"),
        "reply.rate_limited": tr("reply waits for the platform's limit"),
        "inbox.assigned": tr("assigned to a unit"),
        "inbox.note": tr("internal note"),
        "inbox.forwarded": tr("forwarded by e-mail"),
        "inbox.exported": tr("exported for Beyaz Masa / CİMER"),
        "inbox.hidden": tr("hidden on the platform"),
        "inbox.hide_failed": tr("hiding failed"),
        "inbox.deleted": tr("deleted on the platform"),
        "inbox.delete_failed": tr("deleting failed"),
    }
    text = names.get(action, action)
    extra = detail.get("unit") or detail.get("note") or detail.get("reason") or detail.get("to")
    return f"{text} ({extra})" if isinstance(extra, str) and extra else text
