"""A channel's health as the person should see it: connected, expiring soon, or needs reconnecting.

Pure rule (no Qt, no I/O). Only the expiry time is stored with the channel, never the token.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum

#: Warn this many days before a token expires (the status bar and the channel manager).
WARN_DAYS = 7


class HealthState(Enum):
    CONNECTED = "connected"
    EXPIRING = "expiring"
    NEEDS_RECONNECT = "needs_reconnect"
    DISABLED = "disabled"


@dataclass(frozen=True)
class ChannelHealth:
    state: HealthState
    #: Whole days left before the token expires (0: it expires today); None when no expiry is known.
    days_left: int | None = None
    #: Why it needs reconnecting: "expired" (the date passed) or "refused" (the platform said so).
    reason: str | None = None


def channel_health(
    *,
    enabled: bool,
    auth_problem: str | None,
    token_expires_at: datetime | None,
    now: datetime,
    warn_days: int = WARN_DAYS,
) -> ChannelHealth:
    """``now`` and ``token_expires_at`` are aware datetimes."""
    days_left = None
    if token_expires_at is not None:
        remaining = token_expires_at - now
        days_left = max(0, remaining.days)
    if not enabled:  # removed, kept for its history: nothing to renew
        return ChannelHealth(HealthState.DISABLED, days_left)
    if token_expires_at is not None and token_expires_at <= now:
        return ChannelHealth(HealthState.NEEDS_RECONNECT, 0, "expired")
    if auth_problem:
        return ChannelHealth(HealthState.NEEDS_RECONNECT, days_left, "refused")
    if days_left is not None and days_left < warn_days:
        return ChannelHealth(HealthState.EXPIRING, days_left)
    return ChannelHealth(HealthState.CONNECTED, days_left)
