"""The agenda view: the coming days as a list — each day with its holidays and important days,
then its posts in time order. Days with nothing on them are left out."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from kurum_masaustu.rules.timeutil import to_local
from kurum_masaustu.services.posts import CalendarEntry, group_by_post
from kurum_masaustu.ui.calendar_grid import qdate
from kurum_masaustu.ui.labels import STATE_SYMBOLS, delivery_state_name

if TYPE_CHECKING:
    from kurum_masaustu.rules.days import DayEvent

AGENDA_DAYS = 30
POST_ID_ROLE = Qt.ItemDataRole.UserRole
DAY_ROLE = Qt.ItemDataRole.UserRole + 1


class AgendaView(QTreeWidget):
    """Days as top-level rows, their events and posts below; Enter or double-click opens a post."""

    post_selected = Signal(int)
    post_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(4)
        self.setHeaderLabels([self.tr("Time"), self.tr("Post"), self.tr("Channels"), self.tr("State")])
        self.setRootIsDecorated(False)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(2, 260)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(False)
        self.start = date.today()
        self._entries: list[CalendarEntry] = []
        self._events: list[DayEvent] = []
        self.currentItemChanged.connect(self._current)
        self.itemActivated.connect(self._activated)

    @property
    def last(self) -> date:
        return self.start + timedelta(days=AGENDA_DAYS - 1)

    def set_range(self, start: date, entries: Sequence[CalendarEntry]) -> None:
        self.start = start
        self._entries = list(entries)
        self._fill()

    def set_day_events(self, events: Sequence[DayEvent]) -> None:
        self._events = [e for e in events if not e.hidden and e.span.overlaps(self.start, self.last)]
        self._fill()

    def day_rows(self) -> list[date]:
        items = (self.topLevelItem(i) for i in range(self.topLevelItemCount()))
        return [item.data(0, DAY_ROLE) for item in items if item is not None and item.data(0, DAY_ROLE) is not None]

    def _fill(self) -> None:
        self.clear()
        by_day: dict[date, list[CalendarEntry]] = defaultdict(list)
        for entry in self._entries:
            by_day[to_local(entry.at).date()].append(entry)
        bold = QFont(self.font())
        bold.setBold(True)
        for offset in range(AGENDA_DAYS):
            day = self.start + timedelta(days=offset)
            events = [e for e in self._events if e.covers(day)]
            posts = group_by_post(by_day.get(day, []))
            if not events and not posts:
                continue
            header = QTreeWidgetItem([QLocale().toString(qdate(day), "d MMMM yyyy, dddd")])
            header.setFirstColumnSpanned(True)
            header.setFont(0, bold)
            header.setData(0, DAY_ROLE, day)
            header.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.addTopLevelItem(header)
            header.setFirstColumnSpanned(True)
            for event in events:
                marker = QTreeWidgetItem(["", "◆ " + event.name])
                marker.setForeground(
                    1, QColor("#b42318" if event.day_off else "#6e3b00" if event.tone.value == "anma" else "#1f5fad")
                )
                marker.setFlags(Qt.ItemFlag.ItemIsEnabled)
                header.addChild(marker)
            for post in posts:
                item = QTreeWidgetItem(
                    [
                        f"{to_local(post.at):%H:%M}",
                        f"{STATE_SYMBOLS[post.state]} {post.title}",
                        ", ".join(post.channel_names),
                        delivery_state_name(post.state),
                    ]
                )
                item.setData(0, POST_ID_ROLE, post.post_id)
                header.addChild(item)
            header.setExpanded(True)
        if self.topLevelItemCount() == 0:
            empty = QTreeWidgetItem([self.tr("Nothing planned in these days.")])
            empty.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.addTopLevelItem(empty)
            empty.setFirstColumnSpanned(True)

    def _current(self, item: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        if item is not None and item.data(0, POST_ID_ROLE) is not None:
            self.post_selected.emit(item.data(0, POST_ID_ROLE))

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        if item.data(0, POST_ID_ROLE) is not None:
            self.post_activated.emit(item.data(0, POST_ID_ROLE))
