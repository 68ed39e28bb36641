"""Status bar: online/offline, the outbox's counts, unanswered messages, keyring health."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtNetwork import QNetworkInformation
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from kurum_masaustu.domain import DeliveryState

log = logging.getLogger(__name__)


def _label(name: str) -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setAccessibleName(name)
    label.setContentsMargins(6, 0, 6, 0)
    return label


class AppStatusBar(QStatusBar):
    back_online = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.network_label = _label(self.tr("Connection"))
        self.outbox_label = _label(self.tr("Outbox"))
        self.inbox_label = _label(self.tr("Inbox"))
        self.keyring_label = _label(self.tr("Secure password store"))
        self.keyring_label.hide()
        self.addPermanentWidget(self.keyring_label)
        self.addPermanentWidget(self.inbox_label)
        self.addPermanentWidget(self.outbox_label)
        self.addPermanentWidget(self.network_label)
        self._network: QNetworkInformation | None = None
        self._online: bool | None = None
        self.set_online(None)

    def watch_network(self) -> None:
        """Follow the operating system's view of reachability, where Qt has a backend for it."""
        if not QNetworkInformation.loadBackendByFeatures(QNetworkInformation.Feature.Reachability):
            log.info("no network information backend; connection state unknown")
            return
        info = QNetworkInformation.instance()
        if info is None:
            return
        self._network = info
        info.reachabilityChanged.connect(self._reachability_changed)
        self._reachability_changed(info.reachability())

    def _reachability_changed(self, reachability: QNetworkInformation.Reachability) -> None:
        if reachability == QNetworkInformation.Reachability.Unknown:
            self.set_online(None)
        else:
            self.set_online(reachability == QNetworkInformation.Reachability.Online)

    def online(self) -> bool | None:
        """The last known connection state (None: unknown)."""
        return self._online

    def set_online(self, online: bool | None) -> None:
        changed = online != getattr(self, "_online", None)
        self._online = online
        if changed and online:
            self.back_online.emit()
        if online is None:
            self.network_label.setText(self.tr("● Connection unknown"))
            self.network_label.setStyleSheet("color: #6e7781;")
        elif online:
            self.network_label.setText(self.tr("● Online"))
            self.network_label.setStyleSheet("color: #1a7f37;")
        else:
            self.network_label.setText(self.tr("● Offline — posts wait in the outbox"))
            self.network_label.setStyleSheet("color: #9a6700;")

    def set_outbox_counts(self, counts: dict[DeliveryState, int]) -> None:
        scheduled = counts.get(DeliveryState.SCHEDULED, 0) + counts.get(DeliveryState.PUBLISHING, 0)
        failed = counts.get(DeliveryState.FAILED, 0)
        # Parked for the person: too late to go out on their own, or not known to have gone out.
        asking = counts.get(DeliveryState.MISSED, 0) + counts.get(DeliveryState.UNCERTAIN, 0)
        text = self.tr("Outbox: %n scheduled", "", scheduled)
        if asking:
            text += " · " + self.tr("%n wait(s) for your decision", "", asking)
        if failed:
            text += " · " + self.tr("%n failed", "", failed)
        self.outbox_label.setText(text)
        self.outbox_label.setStyleSheet("color: #b42318;" if failed else "color: #9a6700;" if asking else "")

    def set_unanswered(self, count: int) -> None:
        self.inbox_label.setText(self.tr("Inbox: %n new", "", count))

    def set_keyring_problem(self, reason: str | None) -> None:
        if reason is None:
            self.keyring_label.hide()
            return
        self.keyring_label.setText(self.tr("⚠ No secure password store"))
        explanation = self.tr(
            "Account tokens cannot be stored safely on this computer, so channels cannot be connected. "
            "Ask IT to enable the system password store (Windows Credential Manager, or a Secret Service "
            "such as GNOME Keyring)."
        )
        self.keyring_label.setToolTip(explanation + "\n\n" + reason)
        self.keyring_label.setStyleSheet("color: #b42318;")
        self.keyring_label.show()
