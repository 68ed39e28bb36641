"""The outbox as the person sees it: what waits, what is being sent, what went out, what failed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import case, select
from sqlalchemy.orm import Session, sessionmaker

from kurum_masaustu.domain import DeliveryState, Platform
from kurum_masaustu.publishing.registry import support_for
from kurum_masaustu.rules.permalinks import ChannelIdentity, PermalinkError, Understood, host_of, understand
from kurum_masaustu.store.models import AuditEntry, Channel, Delivery, Post

#: The outbox lists what is still to happen, plus recent results.
SHOWN_STATES = (
    DeliveryState.UNCERTAIN,
    DeliveryState.MISSED,
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

    def approve_late(self, delivery_ids: list[int], now: datetime) -> int:
        """The person chose to publish what fell due during a pause: it may go out late now
        (the missed-slot rule counts its lateness from ``now``)."""
        approved = 0
        with self._sessions.begin() as session:
            for delivery_id in delivery_ids:
                delivery = session.get(Delivery, delivery_id)
                if delivery is not None and delivery.state == DeliveryState.SCHEDULED:
                    delivery.late_approved_at = now
                    approved += 1
            session.add(
                AuditEntry(actor=self._actor, action="delivery.publish_after_pause", detail={"ids": delivery_ids})
            )
        return approved

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

    def retry(self, delivery_id: int, now: datetime) -> bool:
        """A failed delivery goes back to the queue with fresh attempts (late or not: the person
        asked for it now)."""
        with self._sessions.begin() as session:
            delivery = session.get(Delivery, delivery_id)
            if delivery is None or delivery.state != DeliveryState.FAILED:
                return False
            delivery.state = DeliveryState.SCHEDULED
            delivery.attempts = 0
            delivery.next_attempt_at = None
            delivery.last_error = None
            delivery.late_approved_at = now
            _audit(session, self._actor, "delivery.retry", delivery_id)
            return True

    def manual_text(self, delivery_id: int) -> str | None:
        """The text to paste when posting by hand (the channel's own text if it has one)."""
        with self._sessions() as session:
            delivery = session.get(Delivery, delivery_id)
            return delivery.text if delivery is not None else None

    def understand_link(self, delivery_id: int, link: str) -> Understood:
        """What a pasted link says for this delivery's channel (shown before it is recorded);
        raises :class:`PermalinkError` for a link that cannot be the channel's post."""
        with self._sessions() as session:
            delivery = session.get(Delivery, delivery_id)
            if delivery is None:
                raise PermalinkError("not_a_post")
            return understand(link, channel_identity(delivery.channel))

    def mark_posted_by_hand(self, delivery_id: int, link: str, now: datetime) -> Understood | None:
        """A manual channel's delivery was posted by the person; ``link`` is where it is."""
        return self._published_at(
            delivery_id,
            link,
            now,
            "delivery.posted_by_hand",
            lambda d: (
                d.channel.platform == Platform.MANUAL
                and d.state not in (DeliveryState.PUBLISHED, DeliveryState.CANCELLED)
            ),
        )

    def confirm_published(self, delivery_id: int, link: str, now: datetime) -> Understood | None:
        """An uncertain delivery: the person found the post on the platform at ``link``."""
        return self._published_at(
            delivery_id, link, now, "delivery.confirmed_published", lambda d: d.state == DeliveryState.UNCERTAIN
        )

    def _published_at(
        self, delivery_id: int, link: str, now: datetime, action: str, allowed: Callable[[Delivery], bool]
    ) -> Understood | None:
        """Record a post the person saw on the platform (published when it was sent, if known),
        with the post's id read from the link where the link gives one. None: not allowed now;
        :class:`PermalinkError` (nothing changed): not this channel's post."""
        with self._sessions.begin() as session:
            delivery = session.get(Delivery, delivery_id)
            if delivery is None or not allowed(delivery):
                return None
            found = understand(link, channel_identity(delivery.channel))
            delivery.state = DeliveryState.PUBLISHED
            delivery.permalink = found.link
            if found.remote_id is not None:
                delivery.remote_id = found.remote_id
            delivery.published_at = delivery.sending_since or now
            delivery.sending_since = None
            delivery.last_error = None
            detail: dict[str, object] = {"permalink": found.link, "remote_id": found.remote_id, "note": found.note}
            _audit(session, self._actor, action, delivery_id, detail)
            return found

    def send_again(self, delivery_id: int, now: datetime) -> bool:
        """An uncertain delivery: the person looked and it is not on the platform; the outbox
        sends it at its next run (late or not: the person asked for it ``now``)."""
        with self._sessions.begin() as session:
            delivery = session.get(Delivery, delivery_id)
            if delivery is None or delivery.state != DeliveryState.UNCERTAIN:
                return False
            delivery.state = DeliveryState.SCHEDULED
            delivery.sending_since = None
            delivery.next_attempt_at = now
            delivery.last_error = None
            delivery.late_approved_at = now
            _audit(session, self._actor, "delivery.send_again", delivery_id)
            return True

    def publish_missed(self, delivery_id: int, now: datetime) -> bool:
        """A delivery that would have gone out too late: publish it now after all."""
        with self._sessions.begin() as session:
            delivery = session.get(Delivery, delivery_id)
            if delivery is None or delivery.state != DeliveryState.MISSED:
                return False
            delivery.state = DeliveryState.SCHEDULED
            delivery.next_attempt_at = now
            delivery.late_approved_at = now
            delivery.last_error = None
            _audit(session, self._actor, "delivery.publish_late", delivery_id)
            return True

    def keep_missed_as_draft(self, delivery_id: int) -> bool:
        """A delivery whose time passed: not published; it goes back to a draft to reschedule."""
        with self._sessions.begin() as session:
            delivery = session.get(Delivery, delivery_id)
            if delivery is None or delivery.state != DeliveryState.MISSED:
                return False
            delivery.state = DeliveryState.DRAFT
            _audit(session, self._actor, "delivery.missed_kept_as_draft", delivery_id)
            return True

    def cancel(self, delivery_id: int) -> bool:
        """Stop a waiting or failed delivery; published ones and those in flight cannot be cancelled."""
        with self._sessions.begin() as session:
            delivery = session.get(Delivery, delivery_id)
            if delivery is None or delivery.state not in (DeliveryState.SCHEDULED, DeliveryState.FAILED):
                return False
            delivery.state = DeliveryState.CANCELLED
            _audit(session, self._actor, "delivery.cancel", delivery_id)
            return True


def channel_identity(channel: Channel) -> ChannelIdentity:
    """What a link is checked against: the channel's handle, ids and hosts (its instance, a
    configured app address, the sandbox's)."""
    settings = dict(channel.settings or {})
    hosts = {host_of(settings.get(name)) for name in ("base_url", "app_url")}
    support = support_for(channel.platform)
    if channel.sandbox and support is not None:  # as the adapter factory builds a sandbox channel
        settings.update({k: v for k, v in support.sandbox_settings.items() if k not in settings})
        hosts.add(host_of(support.sandbox_base_url))
        hosts.update(host_of(value) for value in support.sandbox_settings.values())
    return ChannelIdentity(
        channel.platform, channel.handle or "", settings, frozenset(h for h in hosts if h is not None)
    )


def _audit(
    session: Session, actor: str, action: str, delivery_id: int, detail: dict[str, object] | None = None
) -> None:
    session.add(AuditEntry(actor=actor, action=action, entity="delivery", entity_id=delivery_id, detail=detail))
