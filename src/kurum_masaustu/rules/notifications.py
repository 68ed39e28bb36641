"""When the app tells the person, outside its window, what happened (pure: no Qt, no I/O).

A desktop notification (a Windows toast through the tray icon) says how many messages came in and
which kinds need the person, or that posts could not be published; never a citizen's words or
name: a toast can appear on a projector in a council meeting. Nothing is shown while the person
is looking at the window (the inbox already shows it), and messages outside business hours wait
for the morning unless the person asked otherwise. Spam is never announced; abuse is (it is to be
hidden or deleted). A crisis spike is announced at any hour.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from kurum_masaustu.domain import InboxCategory

#: The kinds a notification names, in this order (the rest only count in the total).
NAMED = (InboxCategory.COMPLAINT, InboxCategory.ABUSE, InboxCategory.QUESTION, InboxCategory.REQUEST)
#: Kinds that make the notification a warning rather than information.
URGENT = frozenset({InboxCategory.COMPLAINT, InboxCategory.ABUSE})


@dataclass(frozen=True)
class NotificationSettings:
    new_messages: bool = True
    outside_hours: bool = False
    failures: bool = True


@dataclass(frozen=True)
class MessageNotice:
    """New messages: how many, and the named kinds among them with their counts."""

    total: int
    named: tuple[tuple[InboxCategory, int], ...]

    @property
    def urgent(self) -> bool:
        return any(category in URGENT for category, _count in self.named)


@dataclass(frozen=True)
class FailureNotice:
    failed: int


def message_notice(
    categories: Iterable[InboxCategory | None],
    *,
    looking: bool,
    in_hours: bool,
    settings: NotificationSettings,
) -> MessageNotice | None:
    """What to say about messages that just arrived (their categories; None: not classified)."""
    if looking or not settings.new_messages or not (in_hours or settings.outside_hours):
        return None
    counted: list[InboxCategory | None] = [category for category in categories if category is not InboxCategory.SPAM]
    if not counted:
        return None
    counts: Counter[InboxCategory | None] = Counter(counted)
    named = tuple((category, counts[category]) for category in NAMED if counts[category])
    return MessageNotice(len(counted), named)


def failure_notice(failed: int, *, looking: bool, settings: NotificationSettings) -> FailureNotice | None:
    """What to say when an outbox run left deliveries failed (at any hour: a post did not go out)."""
    if failed <= 0 or looking or not settings.failures:
        return None
    return FailureNotice(failed)


def crisis_notice(new_spike: bool, *, looking: bool, settings: NotificationSettings) -> bool:
    """A new negative spike is announced at any hour, unless the person turned messages off."""
    return new_spike and not looking and settings.new_messages
