"""When to remind the person of a backup: none yet, or the last one older than 30 days. Pure rule."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

#: Remind after this many days without a backup.
REMIND_AFTER_DAYS = 30


def parse_backup_time(text: str) -> datetime | None:
    """The stored ISO time (aware, UTC); None for "" or a value a hand edit broke."""
    try:
        when = datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return None
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)


def backup_due(last_backup_at: str, now: datetime, days: int = REMIND_AFTER_DAYS) -> bool:
    """True if there was never a backup or the last is ``days`` old or older (``now`` is aware)."""
    last = parse_backup_time(last_backup_at)
    return last is None or now - last >= timedelta(days=days)
