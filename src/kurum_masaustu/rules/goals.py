"""Goals of the content strategy and the plan's progress against them ("bu hafta 2/5 duyuru").

A goal asks for ``target`` posts per week or month, optionally of one category, one campaign or
on one channel. Progress counts distinct posts whose calendar slot falls in the period (Istanbul
days; weeks start on Monday) and that are planned or out: drafts, failures and cancellations do
not count toward a goal.

A reply-time goal ("yanıt süresi") asks that ``target`` per cent of the citizens' messages
received in the period be answered within the response target (business time, the inbox's
settings). Spam and abuse are not counted; a message not yet answered counts as not in time,
so the share is what citizens have seen so far. It counts the whole inbox, or only the messages
of one channel, or only those routed to one unit ("Fen İşleri"): its :class:`ReplyScope`.
Pure: no Qt, no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Protocol

from kurum_masaustu.domain import Category, DeliveryState
from kurum_masaustu.rules.timeutil import add_months, to_local

#: Deliveries that count toward a goal: planned (the outbox or the platform holds them) or out.
COUNTED_STATES = frozenset(
    {DeliveryState.SCHEDULED, DeliveryState.HANDED_OFF, DeliveryState.PUBLISHING, DeliveryState.PUBLISHED}
)


class Period(StrEnum):
    WEEK = "week"
    MONTH = "month"


class GoalKind(StrEnum):
    POSTS = "posts"
    REPLY_TIME = "reply_time"


@dataclass(frozen=True)
class ReplyScope:
    """Which messages a reply-time goal counts: all (both None), one channel's, or one unit's."""

    channel_id: int | None = None
    unit_id: int | None = None


#: Every message of the inbox (a goal not limited to a channel or unit).
ALL_MESSAGES = ReplyScope()


@dataclass(frozen=True)
class Goal:
    period: Period
    target: int
    category: Category | None = None
    campaign_id: int | None = None
    channel_id: int | None = None
    id: int | None = None
    kind: GoalKind = GoalKind.POSTS
    #: A reply-time goal of the messages routed to this unit only.
    unit_id: int | None = None

    def __post_init__(self) -> None:
        if self.target < 1:
            raise ValueError("a goal needs a target of at least one post")
        if self.kind is GoalKind.REPLY_TIME and (
            self.target > 100
            or (self.category, self.campaign_id) != (None, None)
            or (self.channel_id is not None and self.unit_id is not None)
        ):
            raise ValueError("a reply-time goal is a share of 1–100 % of all messages, one channel's or one unit's")
        if self.kind is GoalKind.POSTS and self.unit_id is not None:
            raise ValueError("a post goal counts posts, not the messages of a unit")

    @property
    def reply_scope(self) -> ReplyScope:
        """The messages a reply-time goal counts."""
        return ReplyScope(self.channel_id, self.unit_id)


class Countable(Protocol):
    @property
    def post_id(self) -> int: ...

    @property
    def at(self) -> datetime: ...

    @property
    def state(self) -> DeliveryState: ...

    @property
    def category(self) -> Category: ...

    @property
    def campaign_id(self) -> int | None: ...

    @property
    def channel_id(self) -> int: ...


@dataclass(frozen=True)
class Progress:
    goal: Goal
    first: date
    last: date
    #: Posts planned or out in the period (what the goal counts).
    planned: int
    #: Of those, posts already published.
    published: int

    @property
    def missing(self) -> int:
        return max(0, self.goal.target - self.planned)

    @property
    def met(self) -> bool:
        return self.missing == 0


def period_bounds(period: Period, day: date) -> tuple[date, date]:
    """The week (Monday … Sunday) or calendar month holding ``day``."""
    if period is Period.WEEK:
        first = day - timedelta(days=day.weekday())
        return first, first + timedelta(days=6)
    first = day.replace(day=1)
    return first, add_months(first, 1) - timedelta(days=1)


def _matches(goal: Goal, entry: Countable) -> bool:
    return (
        entry.state in COUNTED_STATES
        and (goal.category is None or entry.category == goal.category)
        and (goal.campaign_id is None or entry.campaign_id == goal.campaign_id)
        and (goal.channel_id is None or entry.channel_id == goal.channel_id)
    )


def progress(goals: Sequence[Goal], entries: Iterable[Countable], day: date) -> list[Progress]:
    """Each goal's progress in its period around ``day``. ``entries`` must cover the periods
    (the month holding ``day``, and the whole week holding it)."""
    by_day: list[tuple[date, Countable]] = [(to_local(e.at).date(), e) for e in entries]
    result = []
    for goal in goals:
        if goal.kind is not GoalKind.POSTS:
            continue
        first, last = period_bounds(goal.period, day)
        planned: set[int] = set()
        published: set[int] = set()
        for local_day, entry in by_day:
            if first <= local_day <= last and _matches(goal, entry):
                planned.add(entry.post_id)
                if entry.state is DeliveryState.PUBLISHED:
                    published.add(entry.post_id)
        result.append(Progress(goal, first, last, len(planned), len(published)))
    return result


@dataclass(frozen=True)
class ReplyCounts:
    """Messages received in a period (spam and abuse left out), those answered in time, and those
    still waiting inside the response target (not yet on time or late, so left out of the share)."""

    received: int
    within_target: int
    waiting: int = 0

    @property
    def decided(self) -> int:
        """Answered, or unanswered past the target: the messages the share is about."""
        return self.received - self.waiting

    @property
    def percent(self) -> int:
        """Answered within the target, in whole per cent of the decided ones (100 when none)."""
        return self.within_target * 100 // self.decided if self.decided else 100


@dataclass(frozen=True)
class ReplyProgress:
    goal: Goal
    first: date
    last: date
    counts: ReplyCounts

    @property
    def percent(self) -> int:
        return self.counts.percent

    @property
    def met(self) -> bool:
        return self.percent >= self.goal.target


def reply_progress(goal: Goal, counts: ReplyCounts, day: date) -> ReplyProgress:
    """A reply-time goal's progress; ``counts`` cover its period around ``day``."""
    first, last = period_bounds(goal.period, day)
    return ReplyProgress(goal, first, last, counts)
