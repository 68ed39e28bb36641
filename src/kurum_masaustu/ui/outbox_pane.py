"""Outbox pane: waiting, sending, published (with links) and failed deliveries; retry, cancel;
and the deliveries waiting for the person: an uncertain one (published? paste its link, or send
it again) and one that would have gone out too late (publish now, or keep as a draft)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import QColor, QDesktopServices, QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kurum_masaustu.domain import DeliveryState, Platform
from kurum_masaustu.rules.missed_slot import late_by
from kurum_masaustu.rules.permalinks import PermalinkError, Understood
from kurum_masaustu.rules.timeutil import to_local
from kurum_masaustu.services.outbox import OutboxRow, OutboxService
from kurum_masaustu.ui.labels import STATE_SYMBOLS, channel_label, delivery_state_name, platform_name
from kurum_masaustu.ui.permalink_dialog import PermalinkDialog, refusal_text
from kurum_masaustu.ui.tasks import alive, in_thread, spawn

COLUMNS = ("state", "when", "channel", "title", "result")


def error_text(code: str | None) -> str:
    """The person's words for what went wrong (the platform's own text follows the code)."""
    if not code:
        return ""
    kind, _, detail = code.partition(": ")
    known = {
        "auth_expired": QCoreApplication.translate("Outbox", "The channel must be reconnected"),
        "rate_limited": QCoreApplication.translate("Outbox", "Waiting for the platform's rate limit"),
        "transient": QCoreApplication.translate("Outbox", "Temporary problem; will retry"),
        "gave_up": QCoreApplication.translate("Outbox", "Gave up after repeated failures"),
        "missed_slot": QCoreApplication.translate("Outbox", "Its time passed before it could be sent"),
        "validation": QCoreApplication.translate("Outbox", "The platform refused the post"),
        "uncertain": QCoreApplication.translate(
            "Outbox", "The platform cannot show whether it went out: check the channel"
        ),
    }
    text = known.get(kind, kind)
    if kind == "missed_slot":  # the row says how late, in the person's language
        return text
    return f"{text}: {detail}" if detail else text


class OutboxModel(QAbstractTableModel):
    def __init__(self, service: OutboxService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._rows: list[OutboxRow] = []

    def reload(self) -> None:
        self.set_rows(self.read_rows())

    def read_rows(self) -> list[OutboxRow]:
        """The rows as they are now (safe in a worker thread; :meth:`set_rows` shows them)."""
        return self._service.rows(datetime.now(UTC))

    def set_rows(self, rows: list[OutboxRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def late_text(self, scheduled_at: datetime, now: datetime) -> str:
        """ "3 saat gecikti": how late a delivery is, in the largest whole unit."""
        unit, amount = late_by(scheduled_at, now)
        if unit == "minutes":
            return self.tr("%n minute(s) late", "", amount)
        if unit == "hours":
            return self.tr("%n hour(s) late", "", amount)
        return self.tr("%n day(s) late", "", amount)

    def row(self, index: QModelIndex) -> OutboxRow:
        return self._rows[index.row()]

    def rows(self) -> list[OutboxRow]:
        return list(self._rows)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "state":
                return f"{STATE_SYMBOLS[row.state]} {delivery_state_name(row.state)}"
            if column == "when":
                moment = row.published_at or row.scheduled_at
                return f"{to_local(moment):%d.%m.%Y %H:%M}" if moment else ""
            if column == "channel":
                return channel_label(row.channel_name, row.platform)
            if column == "title":
                return row.title
            if row.state == DeliveryState.PUBLISHED:
                return row.permalink
            if row.platform == Platform.MANUAL:
                return QCoreApplication.translate("Outbox", "To be posted by hand")
            if row.state == DeliveryState.MISSED and row.scheduled_at is not None:
                question = QCoreApplication.translate("Outbox", "publish now, or keep it as a draft?")
                return f"{self.late_text(row.scheduled_at, datetime.now(UTC))} · {question}"
            return error_text(row.last_error)
        if role == Qt.ItemDataRole.ForegroundRole and row.state == DeliveryState.FAILED:
            return QColor("#b42318")
        if role == Qt.ItemDataRole.ForegroundRole and row.state in (DeliveryState.UNCERTAIN, DeliveryState.MISSED):
            return QColor("#9a6700")
        if role == Qt.ItemDataRole.ToolTipRole and column == "result" and row.last_error:
            return error_text(row.last_error)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        titles = {
            "state": self.tr("State"),
            "when": self.tr("Time"),
            "channel": self.tr("Channel"),
            "title": self.tr("Post"),
            "result": self.tr("Link or problem"),
        }
        return titles[COLUMNS[section]]


class OutboxPane(QWidget):
    changed = Signal()

    def __init__(self, service: OutboxService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outboxPane")
        self._service = service
        self.model = OutboxModel(service, self)
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Outbox deliveries"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((130, 115, 150, 260)):
            self.table.setColumnWidth(column, width)
        self.retry_button = QPushButton(self.tr("Retry"))
        self.cancel_button = QPushButton(self.tr("Cancel delivery"))
        self.open_button = QPushButton(self.tr("Open link"))
        self.copy_button = QPushButton(self.tr("Copy text"))
        self.copy_button.setToolTip(self.tr("Copy the text to post it by hand"))
        self.posted_button = QPushButton(self.tr("Mark as posted…"))
        self.confirm_button = QPushButton(self.tr("It was published: paste link…"))
        self.confirm_button.setToolTip(self.tr("You found the post on the channel: record its link"))
        self.again_button = QPushButton(self.tr("It was not published: send again"))
        self.again_button.setToolTip(self.tr("The post is not on the channel: send it again now"))
        self.publish_late_button = QPushButton(self.tr("Publish now"))
        self.publish_late_button.setToolTip(self.tr("Its time has passed: publish it late anyway"))
        self.keep_draft_button = QPushButton(self.tr("Keep as draft"))
        self.keep_draft_button.setToolTip(self.tr("Do not publish it; reschedule it from the calendar"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.posted_button)
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(self.again_button)
        buttons.addWidget(self.publish_late_button)
        buttons.addWidget(self.keep_draft_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.retry_button.clicked.connect(self._retry)
        self.cancel_button.clicked.connect(self._cancel)
        self.open_button.clicked.connect(self._open)
        self.copy_button.clicked.connect(self._copy)
        self.posted_button.clicked.connect(self._ask_posted)
        self.confirm_button.clicked.connect(self._ask_confirm)
        self.again_button.clicked.connect(self._ask_send_again)
        self.publish_late_button.clicked.connect(lambda: self._settle_missed(publish=True))
        self.keep_draft_button.clicked.connect(lambda: self._settle_missed(publish=False))
        self.table.activated.connect(lambda _index: self._open())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self._loaded = False  # loaded when first shown: it starts behind the inbox tab
        self._reading = 0  # the newest background read (an older one that ends later is dropped)
        self._update_buttons()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.load_when_seen()

    def load_when_seen(self) -> None:
        """Read the queue the first time the pane can be seen. Behind another tab of the window
        it counts as shown but covers nothing: wait until its tab is opened (the window calls
        this again then)."""
        if not self._loaded:
            QTimer.singleShot(0, self._load_if_seen)

    def _load_if_seen(self) -> None:
        if not self._loaded and self.isVisible() and not self.visibleRegion().isEmpty():
            self.reload()

    def reload(self) -> None:
        self._loaded = True
        self.model.reload()
        self._update_buttons()

    def queue_changed(self) -> None:
        """The outbox worked on its own: read the queue in a worker if the pane is in sight,
        else when its tab is next opened (nothing is read for a pane nobody sees)."""
        if self.isVisible() and not self.visibleRegion().isEmpty():
            self._reading += 1
            spawn(self._read_in_background(self._reading))
        else:
            self._loaded = False

    async def _read_in_background(self, reading: int) -> None:
        rows = await in_thread(self.model.read_rows)
        if not alive(self) or reading != self._reading:
            return  # closed, or a newer read is on its way
        self._loaded = True
        self.model.set_rows(rows)
        self._update_buttons()

    def _current(self) -> OutboxRow | None:
        index = self.table.currentIndex()
        return self.model.row(index) if index.isValid() else None

    def _update_buttons(self) -> None:
        row = self._current()
        self.retry_button.setEnabled(row is not None and row.state == DeliveryState.FAILED)
        self.cancel_button.setEnabled(row is not None and row.state in (DeliveryState.SCHEDULED, DeliveryState.FAILED))
        self.open_button.setEnabled(row is not None and bool(row.permalink))
        manual = row is not None and row.platform == Platform.MANUAL and row.state != DeliveryState.PUBLISHED
        self.copy_button.setVisible(manual)
        self.posted_button.setVisible(manual)
        uncertain = row is not None and row.state == DeliveryState.UNCERTAIN
        self.confirm_button.setVisible(uncertain)
        self.again_button.setVisible(uncertain)
        missed = row is not None and row.state == DeliveryState.MISSED
        self.publish_late_button.setVisible(missed)
        self.keep_draft_button.setVisible(missed)

    def _retry(self) -> None:
        row = self._current()
        if row is not None and self._service.retry(row.delivery_id, datetime.now(UTC)):
            self.reload()
            self.changed.emit()

    def _cancel(self) -> None:
        row = self._current()
        if row is not None and self._service.cancel(row.delivery_id):
            self.reload()
            self.changed.emit()

    def _copy(self) -> None:
        row = self._current()
        text = self._service.manual_text(row.delivery_id) if row is not None else None
        if text is not None:
            QGuiApplication.clipboard().setText(text)

    def _ask_posted(self) -> None:
        row = self._current()
        if row is not None:
            title = self.tr("Posted by hand")
            self._ask_link(row, title, self.tr("Paste the link of the post you published:"), self.mark_posted)

    def mark_posted(self, delivery_id: int, link: str) -> Understood | None:
        return self._record_link(self.tr("Posted by hand"), self._service.mark_posted_by_hand, delivery_id, link)

    def _ask_link(self, row: OutboxRow, title: str, prompt: str, record: Callable[[int, str], object]) -> None:
        """The link dialog, saying what it understood while the person pastes."""
        dialog = PermalinkDialog(
            title,
            prompt,
            lambda text: self._service.understand_link(row.delivery_id, text),
            platform_name(row.platform),
            self,
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            record(row.delivery_id, dialog.link())

    def _record_link(
        self, title: str, record: Callable[[int, str, datetime], Understood | None], delivery_id: int, link: str
    ) -> Understood | None:
        """Store the link the person pasted and the post id read from it; a Turkish message (and
        nothing changed) if it cannot be the channel's post."""
        try:
            done = record(delivery_id, link, datetime.now(UTC))
        except PermalinkError as refused:
            row = next((r for r in self.model.rows() if r.delivery_id == delivery_id), None)
            platform = platform_name(row.platform) if row is not None else ""
            QMessageBox.warning(self, title, refusal_text(refused, platform))
            return None
        if done is not None:
            self.reload()
            self.changed.emit()
        return done

    def _ask_confirm(self) -> None:
        row = self._current()
        if row is not None:
            prompt = self.tr("Paste the link of the post on %1:").replace("%1", row.channel_name)
            self._ask_link(row, self.tr("It was published"), prompt, self.confirm_published)

    def confirm_published(self, delivery_id: int, link: str) -> Understood | None:
        """The person found an uncertain delivery's post: record where it is (and its id)."""
        return self._record_link(self.tr("It was published"), self._service.confirm_published, delivery_id, link)

    def _ask_send_again(self) -> None:
        row = self._current()
        if row is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Send again"),
            self.tr("Send this post to %1 again? Do it only if you looked and it is not on the channel.").replace(
                "%1", row.channel_name
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.send_again(row.delivery_id)

    def send_again(self, delivery_id: int) -> bool:
        """The person looked and an uncertain delivery is not on the platform: queue it again."""
        done = self._service.send_again(delivery_id, datetime.now(UTC))
        if done:
            self.reload()
            self.changed.emit()
        return done

    def _settle_missed(self, *, publish: bool) -> bool:
        """The person's answer for a delivery whose time passed: publish now, or keep as draft."""
        row = self._current()
        if row is None:
            return False
        if publish:
            done = self._service.publish_missed(row.delivery_id, datetime.now(UTC))
        else:
            done = self._service.keep_missed_as_draft(row.delivery_id)
        if done:
            self.reload()
            self.changed.emit()
        return done

    def _open(self) -> None:
        row = self._current()
        if row is not None and row.permalink:
            QDesktopServices.openUrl(QUrl(row.permalink))
