"""Replies to citizens reach their platform exactly once, by the outbox's rules.

1. Before the request, the reply is marked ``sending`` with ``sending_since`` and ``attempts``
   and that is **committed**.
2. The outcome is applied and committed in a second transaction (sent: the item is answered).
3. A reply found ``sending`` (the app stopped, or the answer was lost) is never simply sent
   again. What happens depends on what the platform can tell:

   * **Mastodon and Bluesky** take our idempotency key (``Idempotency-Key``; the record key
     derived from it): sending again with the same key returns the reply already made
     (Mastodon keeps the key an hour: a reply in flight for longer becomes uncertain);
   * **X** lists the account's posts: :meth:`Adapter.find_published` finds the reply by its text
     under the same parent, and only if it is not there is it sent again;
   * **Facebook, Instagram, LinkedIn and Telegram** keep no key and cannot list our comments
     reliably: the reply becomes ``uncertain`` and the person looks on the platform, then marks
     it sent or sends it again (:meth:`ReplySender.confirm`). Nothing is sent twice on a guess.

Replies are sent while publishing is paused (crisis, mourning): the pause holds scheduled
posts; an answer the person wrote and sent to one citizen is not held.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, sessionmaker

from kurum_masaustu.domain import InboxStatus, Platform, ReplyState
from kurum_masaustu.platforms.base import (
    AuthExpired,
    Outcome,
    Published,
    PublishRequest,
    RateLimited,
    Rejected,
    Transient,
)
from kurum_masaustu.publishing.backoff import MAX_ATTEMPTS, retry_delay
from kurum_masaustu.publishing.outbox import AdapterFactory, SecretSaver, utcnow
from kurum_masaustu.store.models import AuditEntry, Channel, InboxItem, Reply

log = logging.getLogger(__name__)

#: The request carries our key and the platform answers a repeat with the first reply.
RESEND_WITH_KEY = frozenset({Platform.MASTODON, Platform.BLUESKY})
#: Mastodon keeps an Idempotency-Key for an hour; later, a repeat could post a second reply.
MASTODON_KEY_KEPT = timedelta(minutes=50)
#: The platform lists our posts: a lost reply is looked up before it is sent again.
LOOK_UP = frozenset({Platform.X})


@dataclass
class ReplySummary:
    sent: int = 0
    reconciled: int = 0
    retried: int = 0
    failed: int = 0
    uncertain: int = 0
    waiting: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.sent or self.reconciled or self.failed or self.uncertain or self.retried)


@dataclass(frozen=True)
class _Job:
    reply_id: int
    item_id: int
    channel: Channel
    parent_remote_id: str
    text: str
    key: str
    since: datetime | None


class ReplySender:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        adapter_for: AdapterFactory,
        *,
        clock: Callable[[], datetime] = utcnow,
        rng: random.Random | None = None,
        actor: str = "outbox",
        save_secrets: SecretSaver | None = None,
    ) -> None:
        self._sessions = sessions
        self._adapter_for = adapter_for
        self._save_secrets = save_secrets
        self._clock = clock
        self._rng = rng or random.Random()
        self._actor = actor

    # -- the person's side ---------------------------------------------------------------------
    def queue(self, item_id: int, text: str, *, reply_id: int | None = None, actor: str = "kullanıcı") -> int:
        """Queue a reply (a new one, or the draft ``reply_id``); sent on the next run.

        Raises ValueError for an empty text or an item that is gone.
        """
        if not text.strip():
            raise ValueError("empty")
        with self._sessions.begin() as session:
            item = session.get(InboxItem, item_id)
            if item is None:
                raise ValueError("no_item")
            reply = session.get(Reply, reply_id) if reply_id is not None else None
            if reply is None or reply.inbox_item_id != item_id or reply.state != ReplyState.DRAFT:
                reply = Reply(inbox_item_id=item_id)
                session.add(reply)
            reply.text = text
            reply.state = ReplyState.QUEUED
            reply.created_at = self._clock()
            session.flush()
            session.add(
                AuditEntry(
                    actor=actor,
                    action="reply.queued",
                    entity="inbox_item",
                    entity_id=item_id,
                    detail={"reply": reply.id},
                )
            )
            return reply.id

    def confirm(self, reply_id: int, *, arrived: bool, actor: str = "kullanıcı") -> None:
        """The person looked on the platform: the uncertain reply arrived, or is to be sent again."""
        with self._sessions.begin() as session:
            reply = session.get(Reply, reply_id)
            if reply is None or reply.state != ReplyState.UNCERTAIN:
                return
            reply.sending_since = None
            if arrived:
                reply.state = ReplyState.SENT
                reply.sent_at = reply.sent_at or self._clock()
                _answered(reply.item)
            else:
                reply.state = ReplyState.QUEUED
                reply.next_attempt_at = None
            session.add(
                AuditEntry(
                    actor=actor,
                    action="reply.confirmed_sent" if arrived else "reply.send_again",
                    entity="inbox_item",
                    entity_id=reply.inbox_item_id,
                    detail={"reply": reply.id},
                )
            )

    # -- the work --------------------------------------------------------------------------
    async def run_once(self) -> ReplySummary:
        summary = ReplySummary()
        now = self._clock()
        for job in self._jobs(ReplyState.SENDING, now):
            await self._reconcile(job, summary)
        for job in self._jobs(ReplyState.QUEUED, now):
            await self._send(job, summary)
        return summary

    def _jobs(self, state: ReplyState, now: datetime) -> list[_Job]:
        stmt = (
            select(Reply, InboxItem.remote_id, Channel)
            .join(InboxItem, Reply.inbox_item_id == InboxItem.id)
            .join(Channel, InboxItem.channel_id == Channel.id)
            .where(
                Reply.state == state,
                or_(Reply.next_attempt_at.is_(None), Reply.next_attempt_at <= now),
                Channel.enabled,
                Channel.auth_problem.is_(None),
                Channel.platform != Platform.MANUAL,
            )
            .order_by(Reply.id)
        )
        with self._sessions() as session:
            return [
                _Job(
                    reply.id,
                    reply.inbox_item_id,
                    channel,
                    remote_id,
                    reply.text,
                    reply.idempotency_key,
                    reply.sending_since,
                )
                for reply, remote_id, channel in session.execute(stmt)
            ]

    async def _send(self, job: _Job, summary: ReplySummary) -> None:
        with self._sessions.begin() as session:  # rule 1: committed before the request
            reply = session.get(Reply, job.reply_id)
            if reply is None or reply.state != ReplyState.QUEUED:
                return
            reply.state = ReplyState.SENDING
            reply.sending_since = self._clock()
            reply.attempts += 1
        adapter = await self._adapter_for(job.channel)
        if adapter is None:
            summary.errors.append(f"channel {job.channel.id}: no adapter")
            self._apply(job, Transient("the channel's adapter could not be built"), summary)
            return
        outcome = await adapter.reply(job.parent_remote_id, job.text, job.key)
        await self._renewed(job.channel.id)
        self._apply(job, outcome, summary)

    async def _renewed(self, channel_id: int) -> None:
        """Keep a session the call renewed (see ``Outbox``)."""
        if self._save_secrets is not None:
            await self._save_secrets(channel_id)

    async def _reconcile(self, job: _Job, summary: ReplySummary) -> None:
        platform = job.channel.platform
        key_expired = (
            platform == Platform.MASTODON and job.since is not None and self._clock() - job.since > MASTODON_KEY_KEPT
        )
        if platform not in RESEND_WITH_KEY | LOOK_UP or key_expired:
            self._uncertain(job, summary)
            return
        adapter = await self._adapter_for(job.channel)
        if adapter is None:
            summary.errors.append(f"channel {job.channel.id}: no adapter")
            return
        if platform in LOOK_UP:
            since = (job.since or self._clock()) - timedelta(minutes=5)
            request = PublishRequest(text=job.text, idempotency_key=job.key, reply_to=job.parent_remote_id)
            found = await adapter.find_published(request, since)
            await self._renewed(job.channel.id)
            if isinstance(found, Published):
                self._apply(job, found, summary, reconciled=True)
                return
            if found is not None:  # the platform did not answer whether it has it: ask again later
                log.info("reply %s: not reconciled yet (%s)", job.reply_id, type(found).__name__)
                self._later(job, found)
                return
        with self._sessions.begin() as session:  # safe to send (again) with the same key
            reply = session.get(Reply, job.reply_id)
            if reply is None or reply.state != ReplyState.SENDING:
                return
            reply.attempts += 1
        outcome = await adapter.reply(job.parent_remote_id, job.text, job.key)
        await self._renewed(job.channel.id)
        self._apply(job, outcome, summary, reconciled=True)

    def _later(self, job: _Job, outcome: object) -> None:
        with self._sessions.begin() as session:
            reply = session.get(Reply, job.reply_id)
            if reply is None:
                return
            if isinstance(outcome, RateLimited):
                reply.next_attempt_at = outcome.until
            else:
                reply.next_attempt_at = self._clock() + retry_delay(max(1, reply.attempts), self._rng)
            channel = session.get(Channel, job.channel.id)
            if isinstance(outcome, AuthExpired) and channel is not None:
                channel.auth_problem = outcome.detail or "auth_expired"

    def _uncertain(self, job: _Job, summary: ReplySummary) -> None:
        with self._sessions.begin() as session:
            reply = session.get(Reply, job.reply_id)
            if reply is None or reply.state != ReplyState.SENDING:
                return
            reply.state = ReplyState.UNCERTAIN
            reply.last_error = "uncertain"
            session.add(
                AuditEntry(
                    actor=self._actor,
                    action="reply.uncertain",
                    entity="inbox_item",
                    entity_id=job.item_id,
                    detail={"reply": job.reply_id, "platform": job.channel.platform.value},
                )
            )
        summary.uncertain += 1

    def _apply(self, job: _Job, outcome: Outcome, summary: ReplySummary, *, reconciled: bool = False) -> None:
        """Rule 2: the outcome, in one transaction."""
        now = self._clock()
        with self._sessions.begin() as session:
            reply = session.get(Reply, job.reply_id)
            if reply is None:
                return
            detail: dict[str, object] = {"reply": reply.id, "channel": job.channel.id}
            if isinstance(outcome, Published):
                reply.state = ReplyState.SENT
                reply.remote_id = outcome.remote_id
                reply.sent_at = now
                reply.sending_since = None
                reply.next_attempt_at = None
                reply.last_error = None
                _answered(reply.item)
                detail["permalink"] = outcome.permalink
                action = "reply.reconciled" if reconciled else "reply.sent"
                if reconciled:
                    summary.reconciled += 1
                else:
                    summary.sent += 1
            elif isinstance(outcome, Rejected):
                reply.state = ReplyState.FAILED
                reply.sending_since = None
                reply.last_error = f"{outcome.code}: {outcome.platform_message}"
                detail["code"] = outcome.code
                action = "reply.rejected"
                summary.failed += 1
            elif isinstance(outcome, AuthExpired | RateLimited):
                # The platform answered: nothing was created. Back to the queue.
                reply.state = ReplyState.QUEUED
                reply.sending_since = None
                if isinstance(outcome, RateLimited):
                    reply.next_attempt_at = outcome.until
                    reply.last_error = "rate_limited"
                    action = "reply.rate_limited"
                else:
                    reply.last_error = "auth_expired"
                    channel = session.get(Channel, job.channel.id)
                    if channel is not None:
                        channel.auth_problem = outcome.detail or "auth_expired"
                    action = "channel.auth_expired"
                summary.waiting += 1
            else:
                # Transient: it may have reached the platform; stays "sending" and is reconciled.
                if reply.attempts >= MAX_ATTEMPTS:
                    reply.state = ReplyState.FAILED
                    reply.last_error = f"gave_up: {outcome.detail}"
                    action = "reply.gave_up"
                    summary.failed += 1
                else:
                    reply.state = ReplyState.SENDING
                    delay = (
                        timedelta(seconds=outcome.retry_after_seconds)
                        if outcome.retry_after_seconds
                        else retry_delay(reply.attempts, self._rng)
                    )
                    reply.next_attempt_at = now + delay
                    reply.last_error = f"transient: {outcome.detail}"
                    action = "reply.retry"
                    summary.retried += 1
            session.add(
                AuditEntry(actor=self._actor, action=action, entity="inbox_item", entity_id=job.item_id, detail=detail)
            )


def _answered(item: InboxItem) -> None:
    if item.status in (InboxStatus.NEW, InboxStatus.READ):
        item.status = InboxStatus.ANSWERED
