"""One inbox item in its context: the post it is on, its thread with our replies, earlier
messages from the same person, its history (audit log), and its response-time clock.

Each read is bounded and served by an index (parent, author handle, audit entity), so it stays
fast in an inbox of a million items.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session, sessionmaker

from kurum_masaustu.domain import InboxCategory, InboxStatus, Platform, ReplyState
from kurum_masaustu.rules.goals import ALL_MESSAGES, ReplyCounts, ReplyScope
from kurum_masaustu.rules.timeutil import ISTANBUL
from kurum_masaustu.services.inbox import BusinessHours
from kurum_masaustu.store.models import AuditEntry, Delivery, InboxItem, Reply

#: Bounds on what one conversation reads.
MAX_THREAD = 300
MAX_DEPTH = 30
EARLIER_LIMIT = 20
HISTORY_LIMIT = 200


@dataclass(frozen=True)
class PostContext:
    """Our post the item is under (None fields: the post was not published from this app)."""

    text: str | None
    permalink: str | None
    published_at: datetime | None
    remote_id: str | None


@dataclass(frozen=True)
class ThreadEntry:
    """A message of the thread (a citizen's item, or our reply), in reading order."""

    at: datetime
    author: str
    text: str
    depth: int
    item_id: int | None  # None: our reply
    reply_state: ReplyState | None = None
    deleted: bool = False
    selected: bool = False

    @property
    def ours(self) -> bool:
        return self.item_id is None


@dataclass(frozen=True)
class EarlierMessage:
    item_id: int
    at: datetime
    text: str
    status: InboxStatus


@dataclass(frozen=True)
class Conversation:
    item_id: int
    author_name: str
    author_handle: str
    platform: Platform
    post: PostContext | None
    thread: tuple[ThreadEntry, ...]
    earlier: tuple[EarlierMessage, ...]
    truncated: bool = False


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime
    actor: str
    action: str
    detail: dict[str, Any]


@dataclass(frozen=True)
class ResponseClock:
    """Business time an item waited (until now, or until our first reply was sent)."""

    waited: timedelta
    answered: bool
    overdue: bool


@dataclass(frozen=True)
class ReplyRow:
    id: int
    text: str
    state: ReplyState
    created_at: datetime
    sent_at: datetime | None
    last_error: str | None


@dataclass(frozen=True)
class ReplyFigures:
    """How fast citizens were answered in a period (business time to our first sent reply).

    Spam and abuse are not counted (they are not answered); ``median`` is None without answers.
    ``waiting``: unanswered and still inside the target. The share "within the target" is of the
    others (answered, or unanswered past the target: late either way), the same share a
    reply-time goal counts.
    """

    received: int
    answered: int
    median: timedelta | None
    within_target: int
    waiting: int = 0

    @property
    def answered_share(self) -> float:
        return self.answered / self.received if self.received else 0.0

    @property
    def counts(self) -> ReplyCounts:
        return ReplyCounts(self.received, self.within_target, self.waiting)

    @property
    def within_target_share(self) -> float:
        decided = self.counts.decided
        return self.within_target / decided if decided else 0.0


def utcnow() -> datetime:
    return datetime.now(UTC)


class ConversationService:
    def __init__(self, sessions: sessionmaker[Session], *, clock: Callable[[], datetime] = utcnow) -> None:
        self._sessions = sessions
        self._clock = clock

    def conversation(self, item_id: int) -> Conversation | None:
        with self._sessions() as session:
            item = session.get(InboxItem, item_id)
            if item is None:
                return None
            root = item
            seen = {item.id}
            for _ in range(MAX_DEPTH):
                if root.parent_id is None or root.parent_id in seen:
                    break
                parent = session.get(InboxItem, root.parent_id)
                if parent is None:
                    break
                seen.add(parent.id)
                root = parent
            thread, truncated = self._thread(session, root, item.id)
            return Conversation(
                item.id,
                item.author_name,
                item.author_handle,
                item.platform,
                self._post(session, item),
                tuple(thread),
                tuple(self._earlier(session, item)),
                truncated,
            )

    @staticmethod
    def _post(session: Session, item: InboxItem) -> PostContext | None:
        delivery_id = item.delivery_id
        if delivery_id is None and item.parent_id is not None:
            parent = session.get(InboxItem, item.parent_id)
            delivery_id = parent.delivery_id if parent is not None else None
        if delivery_id is not None:
            delivery = session.get(Delivery, delivery_id)
            if delivery is not None:
                return PostContext(delivery.text, delivery.permalink, delivery.published_at, delivery.remote_id)
        if item.post_remote_id:
            return PostContext(None, None, None, item.post_remote_id)
        return None

    @staticmethod
    def _thread(session: Session, root: InboxItem, selected: int) -> tuple[list[ThreadEntry], bool]:
        """Depth first, each level oldest first; our replies under the item they answer."""
        entries: list[ThreadEntry] = []
        truncated = False
        stack: list[tuple[InboxItem, int]] = [(root, 0)]
        visited: set[int] = set()
        while stack:
            node, depth = stack.pop()
            if node.id in visited:
                continue
            visited.add(node.id)
            if len(entries) >= MAX_THREAD:
                truncated = True
                break
            entries.append(
                ThreadEntry(
                    node.received_at,
                    node.author_name or node.author_handle,
                    node.text,
                    depth,
                    node.id,
                    deleted=node.deleted_at is not None,
                    selected=node.id == selected,
                )
            )
            replies = session.scalars(select(Reply).where(Reply.inbox_item_id == node.id).order_by(Reply.id)).all()
            for reply in replies:
                if reply.state == ReplyState.DRAFT:
                    continue
                entries.append(
                    ThreadEntry(reply.sent_at or reply.created_at, "", reply.text, depth + 1, None, reply.state)
                )
            children = session.scalars(
                select(InboxItem)
                .where(InboxItem.parent_id == node.id)
                .order_by(InboxItem.received_at.desc(), InboxItem.id.desc())
                .limit(MAX_THREAD)
            ).all()
            if depth + 1 < MAX_DEPTH:
                stack.extend((child, depth + 1) for child in children)
        return entries, truncated

    @staticmethod
    def _earlier(session: Session, item: InboxItem) -> list[EarlierMessage]:
        """The same person's earlier messages on the same platform, newest first."""
        if not item.author_handle:
            return []
        stmt = (
            select(InboxItem.id, InboxItem.received_at, InboxItem.text, InboxItem.status)
            .where(
                InboxItem.author_handle == item.author_handle,
                InboxItem.received_at <= item.received_at,
                InboxItem.id != item.id,
                InboxItem.platform == item.platform,
            )
            .order_by(InboxItem.received_at.desc())
            .limit(EARLIER_LIMIT)
        )
        return [EarlierMessage(*row) for row in session.execute(stmt)]

    def history(self, item_id: int) -> list[HistoryEntry]:
        """What was done with the item (routing, notes, replies, moderation), oldest first."""
        stmt = (
            select(AuditEntry.at, AuditEntry.actor, AuditEntry.action, AuditEntry.detail)
            .where(AuditEntry.entity == "inbox_item", AuditEntry.entity_id == item_id)
            .order_by(AuditEntry.at, AuditEntry.id)
            .limit(HISTORY_LIMIT)
        )
        with self._sessions() as session:
            return [
                HistoryEntry(at, actor, action, dict(detail or {}))
                for at, actor, action, detail in session.execute(stmt)
            ]

    def reply_figures(
        self,
        since: datetime,
        until: datetime,
        hours: BusinessHours,
        target: timedelta,
        scope: ReplyScope = ALL_MESSAGES,
    ) -> ReplyFigures:
        """Reply-time figures for items received in ``[since, until)`` (the goals' "yanıt süresi"),
        of all items or of ``scope``'s channel or unit (the unit the item is routed to)."""
        first_sent = (
            select(InboxItem.received_at, func.min(Reply.sent_at))
            .outerjoin(Reply, and_(Reply.inbox_item_id == InboxItem.id, Reply.sent_at.is_not(None)))
            .where(
                InboxItem.received_at >= since,
                InboxItem.received_at < until,
                InboxItem.category.is_(None) | InboxItem.category.not_in((InboxCategory.SPAM, InboxCategory.ABUSE)),
            )
            .group_by(InboxItem.id)
        )
        if scope.channel_id is not None:
            first_sent = first_sent.where(InboxItem.channel_id == scope.channel_id)
        if scope.unit_id is not None:
            first_sent = first_sent.where(InboxItem.unit_id == scope.unit_id)
        waits: list[timedelta] = []
        received = waiting = 0
        now = self._clock()
        with self._sessions() as session:
            for received_at, sent_at in session.execute(first_sent):
                received += 1
                if sent_at is not None:
                    waits.append(hours.business_time(received_at, _aware(sent_at)))
                elif hours.business_time(received_at, now) <= target:
                    waiting += 1
        waits.sort()
        median = None
        if waits:
            middle = len(waits) // 2
            median = waits[middle] if len(waits) % 2 else (waits[middle - 1] + waits[middle]) / 2
        return ReplyFigures(received, len(waits), median, sum(1 for wait in waits if wait <= target), waiting)

    def goal_counts(
        self, first: date, last: date, hours: BusinessHours, target: timedelta, scope: ReplyScope = ALL_MESSAGES
    ) -> ReplyCounts:
        """The reply-time goal's figures for the Istanbul days ``first`` … ``last`` (so far), of
        the goal's scope (all messages, one channel's or one unit's)."""
        since = datetime.combine(first, time(0), tzinfo=ISTANBUL).astimezone(UTC)
        until = min(self._clock(), datetime.combine(last + timedelta(days=1), time(0), tzinfo=ISTANBUL).astimezone(UTC))
        return self.reply_figures(since, until, hours, target, scope).counts

    def replies(self, item_id: int) -> list[ReplyRow]:
        stmt = select(Reply).where(Reply.inbox_item_id == item_id).order_by(Reply.id)
        with self._sessions() as session:
            return [
                ReplyRow(r.id, r.text, r.state, r.created_at, r.sent_at, r.last_error) for r in session.scalars(stmt)
            ]

    def save_draft(self, item_id: int, text: str) -> int | None:
        """Keep a reply being written (one draft per item); None if the item is gone."""
        with self._sessions.begin() as session:
            if session.get(InboxItem, item_id) is None:
                return None
            draft = session.scalars(
                select(Reply).where(Reply.inbox_item_id == item_id, Reply.state == ReplyState.DRAFT).limit(1)
            ).first()
            if draft is None:
                draft = Reply(inbox_item_id=item_id, state=ReplyState.DRAFT, text=text)
                session.add(draft)
            draft.text = text
            session.flush()
            return draft.id

    def clock(self, item_id: int, hours: BusinessHours, sla: timedelta) -> ResponseClock | None:
        """The response clock: business time from arrival to our first sent reply (or now)."""
        with self._sessions() as session:
            found = session.execute(
                select(InboxItem.received_at, InboxItem.status).where(InboxItem.id == item_id)
            ).first()
            if found is None:
                return None
            received_at, status = found
            first_sent = session.scalar(
                select(Reply.sent_at)
                .where(Reply.inbox_item_id == item_id, Reply.sent_at.is_not(None))
                .order_by(Reply.sent_at)
                .limit(1)
            )
        answered = first_sent is not None or status not in (InboxStatus.NEW, InboxStatus.READ)
        until = first_sent or self._clock()
        waited = hours.business_time(received_at, until)
        return ResponseClock(waited, answered, waited >= sla and first_sent is None and not answered)


def _aware(moment: datetime) -> datetime:
    """``min()`` over a column comes back as stored text or a naive datetime on SQLite."""
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
