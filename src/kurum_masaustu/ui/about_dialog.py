"""About: version, licence, and the third-party notices of everything this copy carries."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kurum_masaustu import __version__


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About Kurum Masaüstü"))
        self.resize(720, 560)
        self.tabs = QTabWidget()

        about = QLabel(
            self.tr(
                "Kurum Masaüstü {version}\n\nThe social media desk of a public institution: plan, write, "
                "publish and answer citizens from one window. Citizens' messages and account tokens stay "
                "on this computer.\n\nLicence: GNU GPL version 3 or later. The components it carries and "
                "their licences are listed under “Third-party notices”."
            ).format(version=__version__)
        )
        about.setTextFormat(Qt.TextFormat.PlainText)
        about.setWordWrap(True)
        about.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        about.setContentsMargins(12, 12, 12, 12)
        self.tabs.addTab(about, self.tr("About"))

        notices_page = QWidget()
        notices_layout = QVBoxLayout(notices_page)
        self.notices_source = QLabel()
        self.notices_source.setTextFormat(Qt.TextFormat.PlainText)
        self.notices_source.setWordWrap(True)
        self.notices_source.setStyleSheet("color: #57606a;")
        self.notices = QPlainTextEdit()
        self.notices.setReadOnly(True)
        self.notices.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.notices.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.notices.setAccessibleName(self.tr("Third-party notices"))
        notices_layout.addWidget(self.notices_source)
        notices_layout.addWidget(self.notices, 1)
        self.tabs.addTab(notices_page, self.tr("Third-party notices"))
        self._loaded = False
        self.tabs.currentChanged.connect(self._on_tab)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)

    def _on_tab(self, index: int) -> None:
        if index == 1:
            self.load_notices()

    def load_notices(self) -> None:
        """Read (or generate) the notices on first view: ~0.2 MB of text, not needed before."""
        if self._loaded:
            return
        from kurum_masaustu.notices import notices_text

        try:
            text, source = notices_text()
        except OSError as exc:
            text = ""
            self.notices_source.setText(self.tr("The notices could not be read: {reason}").format(reason=exc))
        else:
            self.notices_source.setText(
                self.tr("From: {source}").format(source=source)
                if source is not None
                else self.tr("Generated from the Python packages installed with this copy.")
            )
        self.notices.setPlainText(text)
        self._loaded = True

    def show_notices(self) -> None:
        self.tabs.setCurrentIndex(1)
