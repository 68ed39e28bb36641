"""The calendar's filter bar: channel, category, campaign and state, applied to every view."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QToolButton, QWidget

from kurum_masaustu.domain import Category, DeliveryState
from kurum_masaustu.rules.plan_filter import NO_CAMPAIGN, PlanFilter
from kurum_masaustu.services.posts import ChannelInfo
from kurum_masaustu.ui.labels import category_name, channel_label, delivery_state_name


class FilterBar(QWidget):
    changed = Signal(object)  # PlanFilter

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.channel_combo = self._combo(self.tr("Filter by channel"))
        self.category_combo = self._combo(self.tr("Filter by category"))
        self.campaign_combo = self._combo(self.tr("Filter by campaign"))
        self.state_combo = self._combo(self.tr("Filter by state"))
        self.clear_button = QToolButton()
        self.clear_button.setText(self.tr("Clear filters"))
        self.clear_button.setEnabled(False)
        label = QLabel(self.tr("Show:"))
        label.setBuddy(self.channel_combo)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        for combo in (self.channel_combo, self.category_combo, self.campaign_combo, self.state_combo):
            layout.addWidget(combo)
        layout.addWidget(self.clear_button)


        self.category_combo.addItem(self.tr("All categories"), None)
        for category in Category:
            self.category_combo.addItem(category_name(category), category)
        self.state_combo.addItem(self.tr("All states"), None)
        for state in DeliveryState:
            self.state_combo.addItem(delivery_state_name(state), state)
        self.set_channels([])
        self.set_campaigns([])
        for combo in (self.channel_combo, self.category_combo, self.campaign_combo, self.state_combo):
            combo.currentIndexChanged.connect(self._emit)
        self.clear_button.clicked.connect(self.clear)

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(name)
        combo.setToolTip(name)
        # Narrow in the bar (the window must fit 1366-pixel screens); the list opens at full width.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(11)
        return combo

    @staticmethod
    def _refill(combo: QComboBox, items: Sequence[tuple[str, Any]]) -> None:
        """New choices; the chosen one stays chosen if it is still there."""
        chosen = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for text, value in items:
            combo.addItem(text, value)
        position = combo.findData(chosen) if chosen is not None else 0
        combo.setCurrentIndex(max(0, position))
        combo.blockSignals(False)

    def set_channels(self, channels: Sequence[ChannelInfo]) -> None:
        self._refill(
            self.channel_combo,
            [(self.tr("All channels"), None), *((channel_label(c.display_name, c.platform), c.id) for c in channels)],
        )

    def set_campaigns(self, campaigns: Sequence[tuple[int, str]]) -> None:
        self._refill(
            self.campaign_combo,
            [
                (self.tr("All campaigns"), None),
                (self.tr("Outside campaigns"), NO_CAMPAIGN),
                *((name, campaign_id) for campaign_id, name in campaigns),
            ],
        )

    def current(self) -> PlanFilter:
        # Qt hands enum members back as plain strings: make them members again.
        category = self.category_combo.currentData()
        state = self.state_combo.currentData()
        return PlanFilter(
            channel_id=self.channel_combo.currentData(),
            category=Category(category) if category is not None else None,
            campaign_id=self.campaign_combo.currentData(),
            state=DeliveryState(state) if state is not None else None,
        )

    def clear(self) -> None:
        for combo in (self.channel_combo, self.category_combo, self.campaign_combo, self.state_combo):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self._emit()

    def _emit(self) -> None:
        value = self.current()
        self.clear_button.setEnabled(value.active)
        self.changed.emit(value)
