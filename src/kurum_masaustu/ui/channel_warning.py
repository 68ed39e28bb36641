"""A status-bar button that appears when a channel needs (re)connecting or its token expires soon.

A preset channel of the IT policy that was never connected counts with the ones to reconnect
(the outbox leaves both alone), but is named for what it is: awaiting connection."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from PySide6.QtWidgets import QToolButton, QWidget

from kurum_masaustu.rules.channel_health import HealthState, channel_health
from kurum_masaustu.services.channels import ChannelRow
from kurum_masaustu.ui.channel_texts import renewal_text


class ChannelWarning(QToolButton):
    """Hidden while every channel is fine; clicking it opens the channel manager."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAutoRaise(True)
        self.setStyleSheet("color: #9a6700;")
        self.setAccessibleName(self.tr("Channel warning"))
        self.hide()

    def texts(self, rows: Iterable[ChannelRow], now: datetime) -> tuple[str, str]:
        """(short text, tooltip) for the channels that need attention; ("", "") when none does."""
        broken: list[ChannelRow] = []
        awaiting: list[ChannelRow] = []
        expiring: list[tuple[ChannelRow, int]] = []
        for row in rows:
            health = channel_health(
                enabled=row.enabled, auth_problem=row.auth_problem, token_expires_at=row.token_expires_at, now=now
            )
            if health.awaiting:
                awaiting.append(row)
            elif health.state == HealthState.NEEDS_RECONNECT:
                broken.append(row)
            elif health.state == HealthState.EXPIRING:
                expiring.append((row, health.days_left or 0))
        if not broken and not awaiting and not expiring:
            return "", ""
        if broken:
            text = self.tr("⚠ %n channel(s) must be reconnected", "", len(broken))
        elif awaiting:
            text = self.tr("⚠ %n channel(s) awaiting connection", "", len(awaiting))
        else:
            text = self.tr("⚠ A channel's token expires in %n day(s)", "", min(days for _row, days in expiring))
        lines = [self.tr("%1: must be reconnected").replace("%1", row.display_name) for row in broken]
        lines += [self.tr("%1: awaiting connection (set up by IT)").replace("%1", row.display_name) for row in awaiting]
        for row, days in expiring:
            line = self.tr("%1: the token expires in %n day(s).", "", days).replace("%1", row.display_name)
            lines.append(f"{line} {renewal_text(row.platform)}")
        if broken or expiring:
            lines.append(self.tr("Open Publishing → Channels… to renew."))
        if awaiting:
            lines.append(self.tr("Open Publishing → Channels… to connect them."))
        return text, "\n".join(lines)

    def show_for(self, rows: Iterable[ChannelRow], now: datetime) -> None:
        text, tooltip = self.texts(rows, now)
        self.setText(text)
        self.setToolTip(tooltip)
        self.setVisible(bool(text))
