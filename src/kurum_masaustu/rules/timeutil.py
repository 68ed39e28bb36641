"""Time rules: the store keeps UTC, people see Europe/Istanbul."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

ISTANBUL = ZoneInfo("Europe/Istanbul")


def to_local(moment: datetime) -> datetime:
    """An aware datetime as Istanbul wall-clock time."""
    return moment.astimezone(ISTANBUL)


def local_to_utc(day: date, at: time) -> datetime:
    """Istanbul wall-clock ``day`` + ``at`` as an aware UTC datetime."""
    return datetime.combine(day, at, tzinfo=ISTANBUL).astimezone(UTC)


def local_day_bounds(first: date, last: date) -> tuple[datetime, datetime]:
    """UTC instants ``[start of first, start of the day after last)`` in Istanbul time."""
    return local_to_utc(first, time()), local_to_utc(last + timedelta(days=1), time())


def month_grid(year: int, month: int) -> list[date]:
    """The 42 days (6 weeks, Monday first, as in Türkiye) shown for a month."""
    first = date(year, month, 1)
    start = first - timedelta(days=first.weekday())
    return [start + timedelta(days=i) for i in range(42)]


def add_months(day: date, months: int) -> date:
    """First day of the month ``months`` away from ``day``'s month."""
    index = day.year * 12 + (day.month - 1) + months
    return date(index // 12, index % 12 + 1, 1)


def today_local() -> date:
    """Today's date in Türkiye, whatever the machine's time zone."""
    return datetime.now(UTC).astimezone(ISTANBUL).date()
