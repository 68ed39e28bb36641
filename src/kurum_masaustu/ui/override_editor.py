"""Per-channel text: one main text, and per chosen channel an optional text of its own with its
own counter and problems; "back to the main text" drops it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kurum_masaustu.services.posts import ChannelInfo
from kurum_masaustu.ui.labels import channel_label
from kurum_masaustu.ui.previews import ChannelCheck, Note, any_message, counter_text

if TYPE_CHECKING:
    from kurum_masaustu.rules.text import Problem

#: Checks one channel's text (the composer's check with the post's kind, media and link).
Checker = Callable[[ChannelInfo, str], ChannelCheck]


class OverrideEditor(QWidget):
    """Emits ``changed`` when a channel's own text is added, edited or dropped."""

    changed = Signal()

    def __init__(self, main_text: Callable[[], str], checker: Checker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._main_text = main_text
        self._checker = checker
        self._channels: list[ChannelInfo] = []
        self.overrides: dict[int, str] = {}
        self._loading = False

        self.channel_list = QListWidget()
        self.channel_list.setAccessibleName(self.tr("Channels"))
        self.channel_list.setMaximumWidth(170)
        self.status_label = QLabel()
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.setWordWrap(True)
        self.editor = QPlainTextEdit()
        self.editor.setAccessibleName(self.tr("This channel's text"))
        self.editor.setTabChangesFocus(True)
        self.own_button = QPushButton(self.tr("Write a text for this channel"))
        self.reset_button = QPushButton(self.tr("Back to the main text"))
        self.counter_label = QLabel()
        self.counter_label.setTextFormat(Qt.TextFormat.PlainText)
        self.problems_label = QLabel()
        self.problems_label.setTextFormat(Qt.TextFormat.PlainText)
        self.problems_label.setWordWrap(True)
        self.empty_label = QLabel(self.tr("Choose channels first; then each can get a text of its own."))
        self.empty_label.setWordWrap(True)

        buttons = QHBoxLayout()
        buttons.addWidget(self.own_button)
        buttons.addWidget(self.reset_button)
        buttons.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.status_label)
        right.addWidget(self.editor, 1)
        right.addWidget(self.counter_label)
        right.addWidget(self.problems_label)
        right.addLayout(buttons)
        self._right = QWidget()
        self._right.setLayout(right)
        right.setContentsMargins(0, 0, 0, 0)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.channel_list)
        layout.addWidget(self._right, 1)
        layout.addWidget(self.empty_label)

        self.channel_list.currentRowChanged.connect(lambda _row: self._show_current())
        self.editor.textChanged.connect(self._edited)
        self.own_button.clicked.connect(self.write_own)
        self.reset_button.clicked.connect(self.reset_current)
        self.set_channels([])

    def set_channels(self, channels: list[ChannelInfo]) -> None:
        """The chosen channels; a channel's text stays kept while it is unchosen (until saved)."""
        current = self.current_channel()
        self._channels = channels
        self.channel_list.blockSignals(True)
        self.channel_list.clear()
        for channel in channels:
            self.channel_list.addItem(QListWidgetItem(self._item_text(channel)))
        row = next((i for i, c in enumerate(channels) if current and c.id == current.id), 0)
        self.channel_list.setCurrentRow(row if channels else -1)
        self.channel_list.blockSignals(False)
        self.empty_label.setVisible(not channels)
        self.channel_list.setVisible(bool(channels))
        self._right.setVisible(bool(channels))
        self._show_current()

    def set_overrides(self, overrides: dict[int, str]) -> None:
        self.overrides = dict(overrides)
        self.set_channels(self._channels)

    def current_channel(self) -> ChannelInfo | None:
        row = self.channel_list.currentRow()
        return self._channels[row] if 0 <= row < len(self._channels) else None

    def select(self, channel_id: int) -> None:
        for row, channel in enumerate(self._channels):
            if channel.id == channel_id:
                self.channel_list.setCurrentRow(row)

    def _item_text(self, channel: ChannelInfo) -> str:
        mark = "✎ " if channel.id in self.overrides else ""
        return mark + channel_label(channel.display_name, channel.platform)

    def text_for(self, channel_id: int) -> str:
        """What the channel gets: its own text, else the main text."""
        return self.overrides.get(channel_id, self._main_text())

    def write_own(self) -> None:
        channel = self.current_channel()
        if channel is None or channel.id in self.overrides:
            return
        self.overrides[channel.id] = self._main_text()
        self._refresh_item(channel)
        self._show_current()
        self.editor.setFocus()
        self.changed.emit()

    def reset_current(self) -> None:
        channel = self.current_channel()
        if channel is None or channel.id not in self.overrides:
            return
        del self.overrides[channel.id]
        self._refresh_item(channel)
        self._show_current()
        self.changed.emit()

    def _refresh_item(self, channel: ChannelInfo) -> None:
        row = next(i for i, c in enumerate(self._channels) if c.id == channel.id)
        item = self.channel_list.item(row)
        if item is not None:
            item.setText(self._item_text(channel))

    def _show_current(self) -> None:
        channel = self.current_channel()
        own = channel is not None and channel.id in self.overrides
        self._loading = True
        self.editor.setPlainText(self.text_for(channel.id) if channel else "")
        self._loading = False
        self.editor.setReadOnly(not own)
        self.editor.setStyleSheet("" if own else "color: #57606a;")
        self.own_button.setVisible(not own)
        self.reset_button.setVisible(own)
        if channel is None:
            self.status_label.clear()
        elif own:
            self.status_label.setText(
                self.tr("This channel gets its own text (changes to the main text do not reach it).")
            )
        else:
            self.status_label.setText(self.tr("This channel gets the main text."))
        self.refresh_checks()

    def _edited(self) -> None:
        if self._loading:
            return
        channel = self.current_channel()
        if channel is None or channel.id not in self.overrides:
            return
        self.overrides[channel.id] = self.editor.toPlainText()
        self.refresh_checks()
        self.changed.emit()

    def refresh_checks(self) -> None:
        """The selected channel's counter and problems (also when the main text changed)."""
        channel = self.current_channel()
        if channel is None:
            self.counter_label.clear()
            self.problems_label.clear()
            return
        if channel.id not in self.overrides and self.editor.toPlainText() != self._main_text():
            self._loading = True
            self.editor.setPlainText(self._main_text())
            self._loading = False
        result = self._checker(channel, self.text_for(channel.id))
        self.counter_label.setText(counter_text(result.counts))
        blocking = result.blocking
        found: list[Problem | Note] = [*result.notes, *result.problems]
        lines = [("✖ " if p in blocking else "⚠ ") + any_message(p) for p in found]
        self.problems_label.setText("\n".join(lines))
        self.problems_label.setStyleSheet("color: #b42318;" if blocking else "color: #9a6700;")
        self.counter_label.setStyleSheet("color: #b42318; font-weight: bold;" if blocking else "color: #57606a;")
