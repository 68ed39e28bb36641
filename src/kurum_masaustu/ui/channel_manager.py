"""The channel manager ("Kanallar…"): every account with its health, and what can be done to it.

Add, test (on the async loop, with progress and Cancel), reconnect, rename and remove (after a
question; its secrets leave the keyring). A token that expires within a week is shown with how to
renew it; an expired or refused one as "needs reconnecting". A preset channel of the IT policy
shows "awaiting connection" until the person connects it (its ids filled in and locked); while the
policy names it, it cannot be renamed or removed ("defined by IT management").
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QColor, QDesktopServices, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kurum_masaustu.domain import Platform
from kurum_masaustu.rules.channel_health import ChannelHealth, HealthState, channel_health
from kurum_masaustu.rules.policy import PresetChannel
from kurum_masaustu.rules.presets import ID_FIELDS, locked_fields
from kurum_masaustu.rules.timeutil import to_local
from kurum_masaustu.services.channels import ChannelError, ChannelRow, ChannelService
from kurum_masaustu.services.connect import OAUTH_PLATFORMS, ConnectError, ConnectService
from kurum_masaustu.ui.channel_texts import connect_error_text, health_text, managed_text, renewal_text, step_text
from kurum_masaustu.ui.connect_dialog import ConnectDialog, ask
from kurum_masaustu.ui.labels import platform_name
from kurum_masaustu.ui.tasks import alive, in_thread, spawn

COLOURS = {
    HealthState.CONNECTED: "#1a7f37",
    HealthState.EXPIRING: "#9a6700",
    HealthState.NEEDS_RECONNECT: "#b42318",
    HealthState.DISABLED: "#6e7781",
}
AWAITING_COLOUR = "#9a6700"


def _item(text: str) -> QStandardItem:
    item = QStandardItem(text)  # plain text, never rich text
    item.setEditable(False)
    return item


class ChannelManagerDialog(QDialog):
    changed = Signal()

    def __init__(
        self,
        channels: ChannelService,
        connect: ConnectService,
        *,
        open_url: Callable[[str], bool] = lambda url: QDesktopServices.openUrl(QUrl(url)),
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("channelManager")
        self.setWindowTitle(self.tr("Channels"))
        self.resize(860, 480)
        self._channels = channels
        self._connect = connect
        self._open_url = open_url
        self._clock = clock
        self._rows: list[ChannelRow] = []
        #: Channel id → its preset, for the channels the IT policy defines.
        self._managed: dict[int, PresetChannel] = {}
        self._task: asyncio.Task[Any] | None = None
        self.connect_dialog: ConnectDialog | None = None

        self.model = QStandardItemModel(0, 4, self)
        self.model.setHorizontalHeaderLabels(
            [self.tr("Platform"), self.tr("Name"), self.tr("Account"), self.tr("State")]
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Channels"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.table.doubleClicked.connect(lambda *_: self.reconnect())

        self.detail = QLabel()
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setWordWrap(True)
        self.detail.setAccessibleName(self.tr("Details"))
        self.detail.setMinimumHeight(48)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        self.add_button = QPushButton(self.tr("&Add…"))
        self.test_button = QPushButton(self.tr("&Test"))
        self.reconnect_button = QPushButton(self.tr("&Reconnect…"))
        self.rename_button = QPushButton(self.tr("Re&name…"))
        self.remove_button = QPushButton(self.tr("Re&move…"))
        self.close_button = QPushButton(self.tr("Close"))
        self.add_button.clicked.connect(self.add)
        self.test_button.clicked.connect(self.test)
        self.reconnect_button.clicked.connect(self.reconnect)
        self.rename_button.clicked.connect(self.rename)
        self.remove_button.clicked.connect(self.remove)
        self.close_button.clicked.connect(self.accept)
        actions = QHBoxLayout()
        for button in (
            self.add_button,
            self.test_button,
            self.reconnect_button,
            self.rename_button,
            self.remove_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.close_button)

        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(8)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Result"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel_test)
        running = QHBoxLayout()
        running.addWidget(self.progress, 1)
        running.addWidget(self.cancel_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addLayout(running)
        layout.addWidget(self.status)
        layout.addLayout(actions)
        self._show_running(False)
        self.reload()

    # -- list ---------------------------------------------------------------------------------
    def health(self, row: ChannelRow) -> ChannelHealth:
        return channel_health(
            enabled=row.enabled, auth_problem=row.auth_problem, token_expires_at=row.token_expires_at, now=self._clock()
        )

    def reload(self, select: int | None = None) -> None:
        current = select if select is not None else self.selected_id()
        self._rows = self._channels.list()
        self._managed = self._channels.managed()
        self.model.removeRows(0, self.model.rowCount())
        for row in self._rows:
            health = self.health(row)
            state = _item(self._state_text(row, health))
            state.setForeground(QColor(AWAITING_COLOUR if health.awaiting else COLOURS[health.state]))
            account = row.handle or str(row.settings.get(ID_FIELDS.get(row.platform.value, ""), ""))
            items = [_item(platform_name(row.platform)), _item(row.display_name), _item(account), state]
            if row.id in self._managed:
                for item in items:
                    item.setToolTip(managed_text())
            items[0].setData(row.id, Qt.ItemDataRole.UserRole)
            self.model.appendRow(items)
        ids = [row.id for row in self._rows]
        if current in ids:
            self.table.selectRow(ids.index(current))
        elif ids:
            self.table.selectRow(0)
        self._selection_changed()

    def selected(self) -> ChannelRow | None:
        indexes = self.table.selectionModel().selectedRows()
        return self._rows[indexes[0].row()] if indexes else None

    def selected_id(self) -> int | None:
        row = self.selected()
        return row.id if row else None

    def managed(self, row: ChannelRow) -> bool:
        """Defined by the IT policy: not to be renamed or removed here."""
        return row.id in self._managed

    def _state_text(self, row: ChannelRow, health: ChannelHealth) -> str:
        text = health_text(health, row.sandbox, row.platform == Platform.MANUAL)
        if not self.managed(row):
            return text
        return text + " · " + self.tr("managed by IT")

    def _selection_changed(self) -> None:
        row = self.selected()
        manual = row is not None and row.platform == Platform.MANUAL
        busy = self._task is not None and not self._task.done()
        awaiting = row is not None and row.awaiting_connection
        managed = row is not None and self.managed(row)
        self.test_button.setEnabled(row is not None and not manual and row.enabled and not awaiting and not busy)
        self.reconnect_button.setEnabled(row is not None and not manual and row.enabled and not busy)
        self.reconnect_button.setText(self.tr("&Connect…") if awaiting else self.tr("&Reconnect…"))
        self.rename_button.setEnabled(row is not None and not managed and not busy)
        self.remove_button.setEnabled(row is not None and not managed and not busy)
        why = managed_text() if managed else ""
        self.rename_button.setToolTip(why)
        self.remove_button.setToolTip(why)
        self.detail.setText(self._detail(row) if row else self.tr("No channel yet: add the institution's accounts."))

    def _detail(self, row: ChannelRow) -> str:
        health = self.health(row)
        state = self._state_text(row, health)
        lines = [f"{platform_name(row.platform)} · {row.display_name} · {state}"]
        if row.base_url:
            lines.append(self.tr("Server: %1").replace("%1", row.base_url))
        if row.token_expires_at is not None:
            when = f"{to_local(row.token_expires_at):%d.%m.%Y %H:%M}"
            lines.append(self.tr("The token is valid until %1.").replace("%1", when))
        if self.managed(row):
            lines.append(
                self.tr("%1: it cannot be renamed or removed here; its IDs are set by IT.").replace(
                    "%1", managed_text()
                )
            )
        if health.awaiting:
            lines.append(self.tr("Not connected yet: choose Connect… and enter its token or sign in."))
        elif health.state in (HealthState.EXPIRING, HealthState.NEEDS_RECONNECT):
            lines.append(renewal_text(row.platform))
        if row.sandbox:
            lines.append(self.tr("Sandbox channel: what it publishes stays on this computer."))
        return "\n".join(lines)

    # -- actions ------------------------------------------------------------------------------
    def add(self) -> None:
        self._open_connect(None)

    def reconnect(self) -> None:
        row = self.selected()
        if row is not None and row.platform != Platform.MANUAL and row.enabled:
            self._open_connect(row)

    def _open_connect(self, row: ChannelRow | None) -> None:
        settings: dict[str, Any] = {}
        locked: frozenset[str] = frozenset()
        if row is not None:
            channel = self._channels.get(row.id)
            settings = dict(channel.settings or {}) if channel is not None else {}
            preset = self._managed.get(row.id)
            if preset is not None:
                locked = locked_fields(preset, self._channels.policy().get("app_ids", {}))
        dialog = ConnectDialog(
            self._connect,
            self._channels,
            channel_id=row.id if row else None,
            platform=row.platform if row else None,
            sandbox=row.sandbox if row else False,
            settings=settings,
            handle=row.handle if row else "",
            locked=locked,
            awaiting=row is not None and row.awaiting_connection,
            open_url=self._open_url,
            parent=self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished_connecting.connect(self._connected)
        self.connect_dialog = dialog
        token = id(dialog)
        dialog.destroyed.connect(lambda: self._connect_dialog_gone(token))
        dialog.open()

    def _connect_dialog_gone(self, token: int) -> None:
        # A dialog closed just before another opened is destroyed later (deleteLater): only
        # forget the one that is gone, not the new one.
        if self.connect_dialog is not None and id(self.connect_dialog) == token:
            self.connect_dialog = None

    def _connected(self, channel_id: int) -> None:
        self.reload(select=channel_id)
        self.status.setStyleSheet("color: #1a7f37;")
        self.status.setText(self.tr("Connected and saved."))
        self.changed.emit()

    def test(self) -> None:
        row = self.selected()
        if row is None or row.platform == Platform.MANUAL or (self._task is not None and not self._task.done()):
            return
        self._task = spawn(self._test(row.id))

    def cancel_test(self) -> None:
        if self._task is not None and not self._task.done():
            self._task.cancel()

    def _show_running(self, running: bool) -> None:
        self.progress.setVisible(running)
        self.cancel_button.setVisible(running)
        self.add_button.setEnabled(not running)

    async def _test(self, channel_id: int) -> None:
        self._show_running(True)
        self._selection_changed()
        self.status.setStyleSheet("")
        self.status.setText(step_text("verifying"))
        try:
            account = await self._connect.test(channel_id, on_step=self._show_step)
        except ConnectError as exc:
            message, colour = connect_error_text(exc.code, exc.detail, exc.platform_code), "#b42318"
        except asyncio.CancelledError:
            message, colour = self.tr("The test was cancelled."), "#6e7781"
        else:
            text = self.tr("The connection works: %1 (%2).")
            message, colour = text.replace("%1", account.display_name).replace("%2", account.handle), "#1a7f37"
        if not alive(self):
            return
        self._task = None
        self._show_running(False)
        self.status.setStyleSheet(f"color: {colour};")
        self.status.setText(message)
        self.reload(select=channel_id)
        self.changed.emit()

    def _show_step(self, step: str) -> None:
        if alive(self):
            self.status.setText(step_text(step))

    def _refuse_managed(self) -> None:
        self.status.setStyleSheet("color: #b42318;")
        self.status.setText(connect_error_text("managed"))

    def rename(self) -> None:
        row = self.selected()
        if row is None:
            return
        if self.managed(row):
            self._refuse_managed()
            return
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Rename the channel"))
        dialog.setLabelText(self.tr("Name shown in Kurum Masaüstü:"))
        dialog.setTextValue(row.display_name)
        dialog.textValueSelected.connect(lambda name: self._renamed(row.id, name))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _renamed(self, channel_id: int, name: str) -> None:
        try:
            self._channels.rename(channel_id, name)
        except ChannelError as exc:
            self.status.setStyleSheet("color: #b42318;")
            code, detail = ("managed", "") if exc.code == "managed" else ("missing", "display_name")
            self.status.setText(connect_error_text(code, detail))
            return
        self.status.clear()
        self.reload(select=channel_id)
        self.changed.emit()

    def remove(self) -> None:
        row = self.selected()
        if row is not None and self.managed(row):
            self._refuse_managed()
        elif row is not None:
            self._task = spawn(self._remove(row))

    async def _remove(self, row: ChannelRow) -> None:
        question = self.tr(
            "Remove “%1”? Its token is deleted from the secure password store. Posts it already published "
            "stay in the history."
        ).replace("%1", row.display_name)
        if not await ask(self, self.tr("Remove the channel"), question, self.tr("Remove"), self.tr("Keep")):
            self._task = None
            return
        revoked = False
        if row.platform in OAUTH_PLATFORMS and row.enabled:
            self.status.setStyleSheet("")
            self.status.setText(self.tr("Withdrawing Kurum Masaüstü's access on the platform…"))
            revoked = await self._connect.revoke(row.id)
        try:
            deleted = await in_thread(self._channels.remove, row.id)
            if deleted and row.sandbox:
                await in_thread(self._connect.discard_sandbox, row.id)
        except ChannelError as exc:
            code = exc.code if exc.code in ("no_keyring", "managed") else "refused"
            message, colour = connect_error_text(code, "" if code == "managed" else exc.detail), "#b42318"
        else:
            message = self.tr("Removed.") if deleted else self.tr("Removed; kept switched off for its published posts.")
            colour = "#1a7f37"
            if row.platform in OAUTH_PLATFORMS and row.enabled and not revoked:
                message += " " + self.tr(
                    "The platform could not be reached to withdraw the access: remove Kurum Masaüstü in the "
                    "account's settings there (authorized apps)."
                )
                colour = "#9a6700"
        self._task = None
        if not alive(self):
            return
        self.status.setStyleSheet(f"color: {colour};")
        self.status.setText(message)
        self.reload()
        self.changed.emit()
