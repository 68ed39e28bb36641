"""The outbox as the person sees it: what waits, what is being sent, what went out, what failed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import case, select
from sqlalchemy.orm import Session, sessionmaker

from kurum_masaustu.domain import DeliveryState, Platform
from kurum_masaustu.store.models import AuditEntry, Channel, Delivery, Post

#: The outbox lists what is still to happen, plus recent results.
SHOWN_STATES = (
    DeliveryState.FAILED,
    DeliveryState.PUBLISHING,
    DeliveryState.SCHEDULED,
    DeliveryState.HANDED_OFF,
    DeliveryState.PUBLISHED,
)


@dataclass(frozen=True)
class OutboxRow:
    delivery_id: int
    post_id: int
    title: str
    channel_name: str
    platform: Platform
    state: DeliveryState
    scheduled_at: datetime | None
    published_at: datetime | None
    permalink: str | None
    last_error: str | None
    attempts: int


class OutboxService:
    def __init__(self, sessions: sessionmaker[Session], actor: str = "kullanıcı") -> None:
        self._sessions = sessions
        self._actor = actor

    def rows(self, now: datetime, published_days: int = 7, limit: int = 500) -> list[OutboxRow]:
        """Failed first, then in flight, waiting (soonest first), then the last days' results."""
        order = case({state: index for index, state in enumerate(SHOWN_STATES)}, value=Delivery.state)
        stmt = (
            select(Delivery, Post.title, Channel.display_name, Channel.platform)
            .join(Post, Delivery.post_id == Post.id)
            .join(Channel, Delivery.channel_id == Channel.id)
            .where(Delivery.state.in_(SHOWN_STATES))
            .where(
                (Delivery.state != DeliveryState.PUBLISHED)
                | (Delivery.published_at >= now - timedelta(days=published_days))
            )
            .order_by(order, Delivery.scheduled_at, Delivery.id)
            .limit(limit)
        )
        with self._sessions() as session:
            return [
                OutboxRow(
                    d.id,
                    d.post_id,
                    title,
                    channel_name,
                    platform,
                    d.state,
                    d.scheduled_at,
                    d.published_at,
                    d.permalink,
                    d.last_error,
                    d.attempts,
                )
                for d, title, channel_name, platform in session.execute(stmt)
            ]

    def fell_due_between(self, since: datetime, until: datetime) -> list[OutboxRow]:
        """Deliveries that became due while publishing was paused (for the review on resume)."""
        return [
            row
            for row in self.rows(until, published_days=0, limit=2000)
            if row.state == DeliveryState.SCHEDULED
            and row.scheduled_at is not None
            and since <= row.scheduled_at <= until
            and row.platform != Platform.MANUAL
        ]

    def hold_as_drafts(self, delivery_ids: list[int]) -> int:
        """Turn deliveries back into drafts so nothing goes out until the person reschedules."""
        held = 0
        with self._sessions.begin() as session:
            for delivery_id in delivery_ids:
                delivery = session.get(Delivery, delivery_id)
                if delivery is not None and delivery.state == DeliveryState.SCHEDULED:
                    delivery.state = DeliveryState.DRAFT
                    held += 1
            session.add(AuditEntry(actor=self._actor, action="delivery.held_after_pause", detail={"ids": delivery_ids}))
        return held

    def retry(self, delivery_id: int) -> bool:
        """A failed delivery goes back to the queue with fresh attempts."""
        with self._sessions.begin() as session:
            delivery = session.get(Delivery, delivery_id)
            if delivery is None or delivery.state != DeliveryState.FAILED:
                return False
            delivery.state = DeliveryState.SCHEDULED
            delivery.attempts = 0
            delivery.next_attempt_at = None
            delivery.last_error = None
            session.add(
                AuditEntry(actor=self._actor, action="delivery.retry", entity="delivery", entity_id=delivery_id)
            )
            return True

    def manual_text(self, delivery_id: int) -> str | None:
        """The text to paste when posting by hand (the channel's own text if it has one)."""
        with self._sessions() as session:
            delivery = session.get(Delivery, delivery_id)
            return delivery.text if delivery is not None else None

    def mark_posted_by_hand(self, delivery_id: int, link: str, now: datetime) -> bool:
        """A manual channel's delivery was posted by the person; ``link`` is where it is."""
        link = link.strip()
        if not (link.startswith("https://") or link.startswith("http://")) or " " in link:
            raise ValueError("invalid_link")
        with self._sessions.begin() as session:
            delivery = session.get(Delivery, delivery_id)
            if delivery is None or delivery.state in (DeliveryState.PUBLISHED, DeliveryState.CANCELLED):
                return False
            if delivery.channel.platform != Platform.MANUAL:
                return False
            delivery.state = DeliveryState.PUBLISHED
            delivery.permalink = link
            delivery.published_at = now
            delivery.last_error = None
            session.add(
                AuditEntry(
                    actor=self._actor,
                    action="delivery.posted_by_hand",
                    entity="delivery",
                    entity_id=delivery_id,
                    detail={"permalink": link},
                )
            )
            return True

    def cancel(self, delivery_id: int) -> bool:
        """Stop a waiting or failed delivery; published ones and those in flight cannot be cancelled."""
        with self._sessions.begin() as session:
            delivery = session.get(Delivery, delivery_id)
            if delivery is None or delivery.state not in (DeliveryState.SCHEDULED, DeliveryState.FAILED):
                return False
            delivery.state = DeliveryState.CANCELLED
            session.add(
                AuditEntry(actor=self._actor, action="delivery.cancel", entity="delivery", entity_id=delivery_id)
            )
            return True
