"""Recurring posts: the dates a weekly or monthly rule gives, with holidays and exceptions left out.

"Every Monday 09:00, haftalık nöbetçi eczaneler, until the end of June, not on public holidays"
is a :class:`RecurrenceRule`; :func:`occurrences` lists its dates and the dates it skipped (with
why). A monthly rule on the 29th–31st falls on the month's last day in shorter months. Pure.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from enum import StrEnum

from kurum_masaustu.rules.timeutil import add_months

#: A series longer than this (two years of Mondays) is refused: a typo in the end year would
#: make hundreds of posts.
MAX_OCCURRENCES = 106


class Frequency(StrEnum):
    WEEKLY = "weekly"
    MONTHLY = "monthly"


class RecurrenceError(ValueError):
    """A rule that cannot be used; ``code`` names the problem for the UI."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class RecurrenceRule:
    frequency: Frequency
    at: time
    starts_on: date
    ends_on: date
    #: 0 = Monday … 6 = Sunday (weekly).
    weekday: int | None = None
    #: 1 … 31 (monthly; past the month's end it falls on the last day).
    month_day: int | None = None
    skip_holidays: bool = True
    exceptions: frozenset[date] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        if self.ends_on < self.starts_on:
            raise RecurrenceError("ends_before_start")
        if self.frequency is Frequency.WEEKLY and (self.weekday is None or not 0 <= self.weekday <= 6):
            raise RecurrenceError("weekday")
        if self.frequency is Frequency.MONTHLY and (self.month_day is None or not 1 <= self.month_day <= 31):
            raise RecurrenceError("month_day")


@dataclass(frozen=True)
class Occurrences:
    dates: list[date]
    #: Dates the rule gives but the series leaves out, with the reason (a holiday's name, or
    #: "exception" for one the person removed).
    skipped: list[tuple[date, str]]


EXCEPTION = "exception"


def _candidates(rule: RecurrenceRule) -> list[date]:
    days: list[date] = []
    if rule.frequency is Frequency.WEEKLY:
        assert rule.weekday is not None
        day = rule.starts_on + timedelta(days=(rule.weekday - rule.starts_on.weekday()) % 7)
        while day <= rule.ends_on:
            days.append(day)
            day += timedelta(days=7)
            if len(days) > MAX_OCCURRENCES:
                raise RecurrenceError("too_many")
        return days
    assert rule.month_day is not None
    month = rule.starts_on.replace(day=1)
    while month <= rule.ends_on:
        last = add_months(month, 1) - timedelta(days=1)
        day = month.replace(day=min(rule.month_day, last.day))
        if rule.starts_on <= day <= rule.ends_on:
            days.append(day)
        month = add_months(month, 1)
        if len(days) > MAX_OCCURRENCES:
            raise RecurrenceError("too_many")
    return days


def occurrences(rule: RecurrenceRule, days_off: Mapping[date, str]) -> Occurrences:
    """The rule's dates; ``days_off`` maps full days off (public holidays, the institution's
    extra days off) to their names. Raises :class:`RecurrenceError` ``"empty"`` when nothing is
    left, so that a series is never saved with no post in it."""
    dates: list[date] = []
    skipped: list[tuple[date, str]] = []
    for day in _candidates(rule):
        if day in rule.exceptions:
            skipped.append((day, EXCEPTION))
        elif rule.skip_holidays and day in days_off:
            skipped.append((day, days_off[day]))
        else:
            dates.append(day)
    if not dates:
        raise RecurrenceError("empty")
    return Occurrences(dates, skipped)
