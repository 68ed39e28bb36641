"""The banner shown while all publishing is paused (crisis, national mourning)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class PauseBanner(QFrame):
    resume_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pauseBanner")
        self.setStyleSheet("#pauseBanner { background: #fff4e5; border: 1px solid #f0b35b; border-radius: 4px; }")
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.resume_button = QPushButton(self.tr("Resume publishing"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.resume_button)
        self.resume_button.clicked.connect(self.resume_requested)
        self.hide()

    def show_pause(self, reason: str, until: str | None) -> None:
        text = self.tr("All publishing is paused: {reason}").format(reason=reason)
        if until:
            text += " " + self.tr("(until {until})").format(until=until)
        self.label.setText(text)
        self.show()
