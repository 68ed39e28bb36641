"""A one-line label that ends with "…" when its room is too small, instead of being cut off."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QLabel


class ElidedLabel(QLabel):
    """Plain text, elided at the right to the width it is given; ``text()`` (and the tooltip
    the owner sets) keep the whole text."""

    def __init__(self, text: str = "") -> None:
        super().__init__(text)
        self.setTextFormat(Qt.TextFormat.PlainText)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        area = self.contentsRect()
        shown = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, area.width())
        self.style().drawItemText(
            painter, area, int(self.alignment()), self.palette(), self.isEnabled(), shown, QPalette.ColorRole.WindowText
        )
        painter.end()
