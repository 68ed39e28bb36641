"""A channel's health as the person should see it: connected, expiring soon, or needs reconnecting.

Pure rule (no Qt, no I/O). Only the expiry time is stored with the channel, never the token.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum

#: Warn this many days before a token expires (the status bar and the channel manager).
WARN_DAYS = 7
#: ``Channel.auth_problem`` of a channel IT defined that has never been connected (no secret yet).
#: Like a refused token, it keeps the outbox, the replies and the inbox away until a connect
#: clears it; the person sees "awaiting connection" instead of "reconnect".
AWAITING_CONNECTION = "awaiting_connection"


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
    #: Why it needs (re)connecting: "expired" (the date passed), "refused" (the platform said so)
    #: or "awaiting" (never connected: a preset channel of the IT policy).
    reason: str | None = None

    @property
    def awaiting(self) -> bool:
        return self.reason == "awaiting"


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
    if auth_problem == AWAITING_CONNECTION:
        return ChannelHealth(HealthState.NEEDS_RECONNECT, None, "awaiting")
    if token_expires_at is not None and token_expires_at <= now:
        return ChannelHealth(HealthState.NEEDS_RECONNECT, 0, "expired")
    if auth_problem:
        return ChannelHealth(HealthState.NEEDS_RECONNECT, days_left, "refused")
    if days_left is not None and days_left < warn_days:
        return ChannelHealth(HealthState.EXPIRING, days_left)
    return ChannelHealth(HealthState.CONNECTED, days_left)
