"""The composer's channel rows: each channel chosen or not, the state of its delivery of the open
post (with its link or the reason it failed), and hand-off to the platform's own scheduler where
the platform has one, with the trade-off said once."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QCheckBox, QGridLayout, QGroupBox, QLabel, QPushButton, QWidget

from kurum_masaustu.domain import DeliveryState, PostKind
from kurum_masaustu.services.posts import EDITABLE_STATES, ChannelInfo, DeliveryStatus
from kurum_masaustu.ui.labels import STATE_SYMBOLS, channel_label, delivery_state_name


def dot(colour: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


class ChannelRows(QGroupBox):
    """``toggled`` when a channel is chosen or unchosen; ``hand_off_toggled`` for a hand-off box;
    ``take_back_requested`` from the button shown while platforms hold the open post."""

    toggled = Signal()
    hand_off_toggled = Signal()
    take_back_requested = Signal()
    #: "Add a channel…", offered while there is none.
    add_channel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Channels"), parent)
        self.grid = QGridLayout(self)
        self.checks: dict[int, QCheckBox] = {}
        self.hand_off_checks: dict[int, QCheckBox] = {}
        self.state_labels: dict[int, QLabel] = {}
        self.statuses: dict[int, DeliveryStatus] = {}
        self._channels: dict[int, ChannelInfo] = {}
        self._kind = PostKind.TEXT
        self.no_channels_label = QLabel(
            self.tr("No channels yet: connect the institution's accounts to choose where a post goes.")
        )
        self.no_channels_label.setWordWrap(True)
        self.grid.addWidget(self.no_channels_label, 0, 0, 1, 2)
        self.add_channel_button = QPushButton(self.tr("Add a channel…"))
        self.add_channel_button.clicked.connect(self.add_channel_requested)
        self.grid.addWidget(self.add_channel_button, 0, 2)
        self.grid.setColumnStretch(1, 1)
        self.grid.setVerticalSpacing(0)  # one row per channel: keep the composer's text box tall
        self.grid.setContentsMargins(6, 2, 6, 2)
        self.hand_off_note = QLabel(
            self.tr(
                "Handed to the platform: it goes out at its time even with this computer off. But later edits, "
                "a pause or a mourning/crisis mode do not stop it by themselves: the app must cancel it on the "
                "platform, which it can do only while it runs and is online."
            )
        )
        self.hand_off_note.setWordWrap(True)
        self.hand_off_note.setStyleSheet("color: #57606a;")
        self.grid.addWidget(self.hand_off_note, 999, 0, 1, 3)
        self.hand_off_note.hide()
        self.take_back_button = QPushButton(self.tr("Take back from the platforms"))
        self.take_back_button.setToolTip(
            self.tr("Cancels the scheduled post on the platforms that hold it, so that it can be edited again.")
        )
        self.take_back_button.clicked.connect(self.take_back_requested)
        self.grid.addWidget(self.take_back_button, 1000, 0, 1, 3)
        self.take_back_button.hide()

    def set_channels(self, channels: list[ChannelInfo]) -> None:
        from kurum_masaustu.rules.kinds import supports_hand_off

        for widget in [*self.checks.values(), *self.hand_off_checks.values(), *self.state_labels.values()]:
            widget.deleteLater()
        self.checks.clear()  # the same dicts stay: others hold them
        self.hand_off_checks.clear()
        self.state_labels.clear()
        self.no_channels_label.setVisible(not channels)
        self.add_channel_button.setVisible(not channels)
        self._channels = {channel.id: channel for channel in channels}
        for row, channel in enumerate(channels, 1):
            check = QCheckBox(channel_label(channel.display_name, channel.platform))
            check.setIcon(dot(channel.color))
            check.setAccessibleName(channel.display_name)
            check.toggled.connect(self._toggled)
            state = QLabel()
            state.setTextFormat(Qt.TextFormat.RichText)  # only our words and an escaped link
            state.setOpenExternalLinks(True)
            state.setWordWrap(True)
            state.setAccessibleName(self.tr("State on {channel}").format(channel=channel.display_name))
            self.grid.addWidget(check, row, 0)
            self.grid.addWidget(state, row, 1)
            self.checks[channel.id] = check
            self.state_labels[channel.id] = state
            if supports_hand_off(channel.platform):
                hand_off = QCheckBox(self.tr("Platform schedules it"))
                hand_off.setAccessibleName(
                    self.tr("Hand to {channel}'s own scheduler").format(channel=channel.display_name)
                )
                hand_off.setToolTip(self.hand_off_note.text())
                hand_off.setEnabled(False)
                hand_off.toggled.connect(self._hand_off_toggled)
                self.grid.addWidget(hand_off, row, 2)
                self.hand_off_checks[channel.id] = hand_off
        self.update_hand_off()

    def checked(self) -> list[int]:
        return [cid for cid, check in self.checks.items() if check.isChecked()]

    def _toggled(self) -> None:
        self.update_hand_off()
        self.toggled.emit()

    def _hand_off_toggled(self) -> None:
        self.update_hand_off()
        self.hand_off_toggled.emit()

    # -- hand-off ---------------------------------------------------------------------------
    def set_kind(self, kind: PostKind) -> None:
        self._kind = kind
        self.update_hand_off()

    def update_hand_off(self) -> None:
        """Offered for chosen channels whose platform schedules, for kinds it can hold, while the
        delivery can still be changed."""
        from kurum_masaustu.rules.kinds import supports_hand_off

        for cid, box in self.hand_off_checks.items():
            status = self.statuses.get(cid)
            editable = status is None or status.state in EDITABLE_STATES
            offered = supports_hand_off(self._channels[cid].platform, self._kind)
            box.setEnabled(self.checks[cid].isChecked() and offered and editable)
        self.hand_off_note.setVisible(any(b.isEnabled() and b.isChecked() for b in self.hand_off_checks.values()))

    def hand_off_channels(self) -> set[int]:
        return {cid for cid, box in self.hand_off_checks.items() if box.isEnabled() and box.isChecked()}

    def set_hand_off(self, channel_ids: set[int]) -> None:
        for cid, box in self.hand_off_checks.items():
            box.setChecked(cid in channel_ids)
        self.update_hand_off()

    # -- delivery states ---------------------------------------------------------------------
    def show_statuses(self, statuses: list[DeliveryStatus], can_take_back: bool) -> None:
        self.statuses = {s.channel_id: s for s in statuses}
        for cid, label in self.state_labels.items():
            label.setText(self.status_html(self.statuses.get(cid)))
        self.take_back_button.setVisible(
            can_take_back and any(s.state == DeliveryState.HANDED_OFF for s in self.statuses.values())
        )
        self.update_hand_off()

    def status_html(self, status: DeliveryStatus | None) -> str:
        from kurum_masaustu.ui.outbox_pane import error_text

        if status is None:
            return ""
        state = status.state
        text = html.escape(f"{STATE_SYMBOLS[state]} {delivery_state_name(state)}")
        colour = {
            DeliveryState.FAILED: "#b42318",
            DeliveryState.PUBLISHED: "#1a7f37",
            DeliveryState.HANDED_OFF: "#1a7f37",
        }.get(state, "#57606a")
        if state is DeliveryState.SCHEDULED and status.hand_off:
            text += html.escape(" · " + self.tr("to be handed to the platform"))
        if status.thread_published and state is not DeliveryState.PUBLISHED:
            text += html.escape(" · " + self.tr("%n part(s) out", "", status.thread_published))
        if status.permalink and state in (DeliveryState.PUBLISHED, DeliveryState.HANDED_OFF):
            link_text = html.escape(self.tr("open"))  # not inside the f-string: lupdate would miss it
            text += f' · <a href="{html.escape(status.permalink, quote=True)}">{link_text}</a>'
        if status.last_error and state in (DeliveryState.FAILED, DeliveryState.SCHEDULED, DeliveryState.PUBLISHING):
            text += "<br>" + html.escape(error_text(status.last_error))
        return f'<span style="color:{colour}">{text}</span>'
