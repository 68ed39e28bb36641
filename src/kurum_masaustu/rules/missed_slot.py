"""The missed-slot policy: what happens to a post that would go out later than it may.

The rule is about lateness itself, whatever held the post: the app was closed, the computer was
offline, publishing was paused, the channel's token expired or the channel was never connected
(an IT preset), the platform's rate limit or back-off after errors. When the outbox is about to
send a delivery more than the allowed lateness after its time (:data:`GRACE`, plus the IT
policy's scheduled-sync interval: :func:`grace_for`), the person's policy applies: publish late,
ask (the default: parked as ``missed`` until they say "publish now" or "keep as a draft"), or
drop (back to a draft, nothing lost). "Yarın 09:00–17:00 su kesintisi" must not appear a day late
just because a token was renewed then.

Three cases are decided on purpose:

* **Retries.** A retry chain that began on time (a transient error, then back-off) goes on
  retrying up to the same limit, measured from the post's time, and then asks before sending
  later: the person cares when citizens see the post, not why it is late. Before any resend the
  outbox first looks the post up on the platform (it may have gone out at the first attempt):
  what is found is recorded as published (it went out when it was sent), never asked about.
* **The person said yes.** Once they said a late delivery may go out ("publish now", "send
  again", "retry", publishing on resuming a pause) its lateness counts from that moment
  (``approved_at``): it is not asked about again unless it is held past the limit once more.
* **A thread already partly out** is finished, whatever the time (half a thread is worse).

Pure: no I/O, no clock.
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
#: How late a post may go out without asking (the window's outbox runs every minute).
GRACE: Final = timedelta(minutes=15)


#: What each policy does with a delivery past the limit.
_WHEN_LATE: Final = {
    MissedSlotPolicy.PUBLISH_LATE: SlotDecision.PUBLISH,
    MissedSlotPolicy.ASK: SlotDecision.ASK,
    MissedSlotPolicy.DROP: SlotDecision.DROP,
}


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
    due_at: datetime,
    now: datetime,
    policy: MissedSlotPolicy,
    *,
    grace: timedelta = GRACE,
    approved_at: datetime | None = None,
    partly_out: bool = False,
) -> SlotDecision:
    """What to do with a delivery the outbox is about to send ``now``: ``due_at`` is its time,
    ``approved_at`` when the person last said it may go out late (None: never), ``partly_out``
    that some of it (a thread's first parts) is already on the platform."""
    if partly_out:
        return SlotDecision.PUBLISH
    since = due_at if approved_at is None else max(due_at, approved_at)
    if now - since <= grace:
        return SlotDecision.PUBLISH
    return _WHEN_LATE[policy]


def late_by(scheduled_at: datetime, now: datetime) -> tuple[str, int]:
    """How late, in the largest whole unit for a person ("3 hours", "2 days"): (unit, amount)
    with unit "minutes", "hours" or "days"; at least one minute."""
    minutes = max(1, int((now - scheduled_at).total_seconds() // 60))
    if minutes < 60:
        return "minutes", minutes
    if minutes < 48 * 60:
        return "hours", minutes // 60
    return "days", minutes // (24 * 60)
