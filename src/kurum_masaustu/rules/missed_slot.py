"""The missed-slot policy: what happens to a post whose time passed while nothing could send it.

A delivery *missed its slot* when no outbox ran between its time and now (the app was closed or
offline, and no scheduled ``sync`` ran) and it is now more than a grace period late. A delivery
that fell due while an outbox was running is never "missed": it is only waiting for its
platform (a rate limit, a retry). A pause (crisis, mourning) keeps the outbox running without
publishing, so what falls due during a pause is the pause's own review on resume, not this rule.

The person chooses the policy: publish late, ask (the default), or drop (back to a draft, nothing
lost). Pure: no I/O, no clock.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum
from typing import Final


class MissedSlotPolicy(StrEnum):
    PUBLISH_LATE = "publish_late"
    ASK = "ask"
    DROP = "drop"


class SlotDecision(StrEnum):
    PUBLISH = "publish"  # on time, or late under "publish late"
    ASK = "ask"  # park it for the person (publish now, or keep as a draft)
    DROP = "drop"  # back to a draft


DEFAULT_POLICY: Final = MissedSlotPolicy.ASK
#: How late a post may go out without counting as missed (the window's outbox runs every minute).
GRACE: Final = timedelta(minutes=15)


def parse_policy(value: object) -> MissedSlotPolicy:
    """The stored setting; anything unknown reads as the default (ask)."""
    try:
        return MissedSlotPolicy(str(value))
    except ValueError:
        return DEFAULT_POLICY


def grace_for(sync_interval_minutes: int | None) -> timedelta:
    """With a scheduled ``sync`` every N minutes (IT policy) a post may wait that long by design."""
    if not sync_interval_minutes:
        return GRACE
    return GRACE + timedelta(minutes=sync_interval_minutes)


def decide(
    scheduled_at: datetime,
    now: datetime,
    policy: MissedSlotPolicy,
    *,
    last_run: datetime | None,
    grace: timedelta = GRACE,
) -> SlotDecision:
    """What to do with a due delivery the outbox sees now; ``last_run`` is when an outbox last
    finished a run on this profile (None: never)."""
    if last_run is not None and scheduled_at <= last_run:
        return SlotDecision.PUBLISH  # it fell due while an outbox ran: it only waits for its platform
    if now - scheduled_at <= grace:
        return SlotDecision.PUBLISH
    return {
        MissedSlotPolicy.PUBLISH_LATE: SlotDecision.PUBLISH,
        MissedSlotPolicy.ASK: SlotDecision.ASK,
        MissedSlotPolicy.DROP: SlotDecision.DROP,
    }[policy]


def late_by(scheduled_at: datetime, now: datetime) -> tuple[str, int]:
    """How late, in the largest whole unit for a person ("3 hours", "2 days"): (unit, amount)
    with unit "minutes", "hours" or "days"; at least one minute."""
    minutes = max(1, int((now - scheduled_at).total_seconds() // 60))
    if minutes < 60:
        return "minutes", minutes
    if minutes < 48 * 60:
        return "hours", minutes // 60
    return "days", minutes // (24 * 60)
