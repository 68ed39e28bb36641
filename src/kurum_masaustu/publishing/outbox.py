"""The outbox: every due delivery reaches its platform exactly once.

The rules that make it crash-safe:

1. Before a request that may create a post, the delivery is marked ``publishing`` with
   ``sending_since`` and that is **committed**.
2. The outcome is applied and committed in a second transaction.
3. A delivery found with ``sending_since`` set (the app crashed, or the answer was lost) is
   first looked up on the platform (:meth:`Adapter.find_published`); only if the platform
   does not have it is it sent again, with the same idempotency key. A platform that cannot
   tell (:class:`Unknown`, e.g. a Telegram channel without a discussion group) leaves it
   ``uncertain`` for the person to check: it is never sent again on a guess.

The worker is plain asyncio (no Qt): the GUI runs it on the qasync loop, ``kurum-masaustu
sync`` runs it with ``asyncio.run``. Database calls are short and indexed.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import random
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import cast

from sqlalchemy import BindParameter, Table, bindparam, func, insert, or_, select, update
from sqlalchemy.orm import Session, joinedload, sessionmaker

from kurum_masaustu.domain import DeliveryState, Platform, PostKind
from kurum_masaustu.platforms.base import (
    ActionOutcome,
    Adapter,
    AuthExpired,
    Done,
    MediaFile,
    Outcome,
    Poll,
    Published,
    PublishRequest,
    RateLimited,
    Rejected,
    Transient,
    Unknown,
)
from kurum_masaustu.publishing.backoff import MAX_ATTEMPTS, retry_delay
from kurum_masaustu.publishing.pause import PauseSwitch
from kurum_masaustu.rules.missed_slot import DEFAULT_POLICY, GRACE, MissedSlotPolicy, SlotDecision, decide
from kurum_masaustu.store.models import AuditEntry, Channel, Delivery, MediaAsset, PostMedia

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class MediaRef:
    """A post's media file as stored (the resolver makes the platform's variant of it)."""

    relative_path: str
    mime_type: str
    alt_text: str
    width: int | None
    height: int | None
    #: Where the subject is (fractions of width and height): the variants are cropped around it.
    focal: tuple[float, float] = (0.5, 0.5)
    placement: str = "feed"  # the variant to prepare: "feed", or "story" for a story's 9:16 picture


def variant_focal(ref: MediaRef, platform: Platform) -> tuple[float, float] | None:
    """Where the focal point lands in ``platform``'s variant of the picture (None: none was set).

    A variant cropped around the focal point (``media.specs.crop_box``) has it elsewhere than the
    source; one that keeps the shape (Mastodon's) has it at the same fractions.
    """
    from kurum_masaustu.media.specs import crop_box, image_spec
    from kurum_masaustu.rules.focus import CENTRE, focal_in_crop

    if ref.focal == CENTRE:
        return None
    spec = image_spec(platform, ref.placement)
    if not spec.crops or not ref.width or not ref.height:
        return ref.focal
    box = crop_box(ref.width, ref.height, spec.min_ratio, spec.max_ratio, ref.focal)
    return focal_in_crop(ref.focal, box, ref.width, ref.height)


#: A handed-over post is looked up on the platform this long after its time, every so often,
#: for so long (then it stays "handed to platform": the person checks it there).
CONFIRM_AFTER = timedelta(minutes=2)
CONFIRM_EVERY = timedelta(minutes=10)
CONFIRM_FOR = timedelta(days=3)

#: Builds the adapter for a channel (with its client and secrets); None if it cannot be built.
AdapterFactory = Callable[[Channel], Awaitable[Adapter | None]]
#: The file to upload for one platform (prepared off the event loop). Raises ValueError with a
#: ``code`` and ``message`` (media.MediaError) when the file cannot be used.
MediaResolver = Callable[[MediaRef, Platform], Awaitable[MediaFile]]
#: Stores what a channel's adapter renewed (a refreshed session) in the keyring; called after
#: every call to the platform (``AdapterFactory.save_renewed_secrets``).
SecretSaver = Callable[[int], Awaitable[object]]


#: A delivery with what publishing it reads, in one query (not three lazy loads per delivery).
_WITH_POST_AND_CHANNEL = (joinedload(Delivery.post), joinedload(Delivery.channel))
#: The statements the queue runs per delivery, built once: Core on the tables, with bound
#: parameters, so that a delivery costs neither the ORM's unit of work nor building the statement
#: and its cache key anew (together most of the queue's own cost per delivery; see
#: ``benchmarks/publishing.py``).
_DELIVERIES = cast(Table, Delivery.__table__)
_MEDIA_ASSETS = cast(Table, MediaAsset.__table__)
_POST_MEDIA = cast(Table, PostMedia.__table__)
_LOAD_FOR_PUBLISHING = select(Delivery).options(*_WITH_POST_AND_CHANNEL).where(Delivery.id == bindparam("delivery_id"))
_MEDIA_OF_POST = (
    select(
        _MEDIA_ASSETS.c.sha256,
        _MEDIA_ASSETS.c.mime_type,
        _MEDIA_ASSETS.c.alt_text,
        _MEDIA_ASSETS.c.width,
        _MEDIA_ASSETS.c.height,
        _MEDIA_ASSETS.c.focal_x,
        _MEDIA_ASSETS.c.focal_y,
    )
    .select_from(_MEDIA_ASSETS.join(_POST_MEDIA, _POST_MEDIA.c.media_id == _MEDIA_ASSETS.c.id))
    .where(_POST_MEDIA.c.post_id == bindparam("post_id"))
    .order_by(_POST_MEDIA.c.position)
)


def _new(column: str) -> BindParameter[object]:
    """A delivery column's new value, bound as ``new_<column>`` with the column's type."""
    return bindparam(f"new_{column}", type_=_DELIVERIES.c[column].type)


_UPDATE_DELIVERY = update(_DELIVERIES).where(_DELIVERIES.c.id == bindparam("delivery_id"))
#: Rule 1: the delivery is in flight (committed before the request).
_MARK_IN_FLIGHT = _UPDATE_DELIVERY.values(
    state=_new("state"), sending_since=_new("sending_since"), attempts=_DELIVERIES.c.attempts + 1
)
#: Rule 2 for a single post published or handed over.
_MARK_PUBLISHED = _UPDATE_DELIVERY.values(
    state=_new("state"),
    remote_id=_new("remote_id"),
    permalink=_new("permalink"),
    published_at=_new("published_at"),
    sending_since=None,
    next_attempt_at=None,
    last_error=None,
)
_ADD_AUDIT_ENTRY = insert(cast(Table, AuditEntry.__table__))


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass
class RunSummary:
    published: int = 0
    handed_off: int = 0
    reconciled: int = 0
    retried: int = 0
    uncertain: int = 0  # waiting for the person: the platform cannot tell whether they went out
    missed: int = 0  # waiting for the person: they would have gone out too late (rules/missed_slot.py)
    dropped: int = 0  # turned back into drafts this run (missed-slot policy "drop")
    taken_back: int = 0  # taken back from a platform's scheduler because publishing is paused
    failed: int = 0
    waiting: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.failed == 0 and not self.errors


class Outbox:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        adapter_for: AdapterFactory,
        media_file: MediaResolver,
        *,
        clock: Callable[[], datetime] = utcnow,
        rng: random.Random | None = None,
        actor: str = "outbox",
        save_secrets: SecretSaver | None = None,
        missed_policy: Callable[[], MissedSlotPolicy] = lambda: DEFAULT_POLICY,
        missed_grace: timedelta = GRACE,
    ) -> None:
        self._missed_policy = missed_policy
        self._missed_grace = missed_grace
        self._sessions = sessions
        self._adapter_for = adapter_for
        self._save_secrets = save_secrets
        self._media_file = media_file
        self._clock = clock
        self._rng = rng or random.Random()
        self._actor = actor
        self._not_before: dict[int, datetime] = {}  # channel id → rate limited until
        self.switch = PauseSwitch(sessions, clock=clock, actor=actor)

    # -- pausing (kept in publishing.pause; here for the outbox's callers) -------------------
    def pause(self, reason: str, until: datetime | None = None, mode: str = "manual") -> None:
        self.switch.pause(reason, until, mode)

    def resume(self) -> None:
        self.switch.resume()

    def paused(self) -> dict[str, str | None] | None:
        return self.switch.paused()

    # -- taking back what a platform's scheduler holds --------------------------------------
    def handed_off_ids(self, post_id: int | None = None) -> list[int]:
        """Deliveries a platform holds in its own scheduler (of one post, or all not yet due)."""
        with self._sessions() as session:
            stmt = select(Delivery.id).where(Delivery.state == DeliveryState.HANDED_OFF)
            if post_id is not None:
                stmt = stmt.where(Delivery.post_id == post_id)
            else:
                stmt = stmt.where(Delivery.scheduled_at > self._clock())
            return list(session.scalars(stmt.order_by(Delivery.id)))

    async def take_back(self, delivery_id: int, *, as_draft: bool = False) -> ActionOutcome | None:
        """Cancel a post handed to the platform's scheduler, so that edits and pauses apply again.

        On success the delivery is scheduled here again (with a new idempotency key: the old one
        names the cancelled post) and will be published, or handed over again, at its time;
        ``as_draft`` makes it a draft instead (taken back to be edited: it must not be handed
        over again before the person schedules it anew). A
        post the platform already published stays as it is (``Rejected`` with its reason).
        Returns None when the delivery is not (or no longer) held by the platform.
        """
        with self._sessions() as session:
            delivery = session.get(Delivery, delivery_id)
            if delivery is None or delivery.state != DeliveryState.HANDED_OFF or not delivery.remote_id:
                return None
            channel = delivery.channel
            remote_id = delivery.remote_id
        adapter = await self._adapter_for(channel)
        if adapter is None:
            return Transient("the channel's adapter could not be built")
        outcome = await adapter.delete(remote_id)
        with self._sessions.begin() as session:
            delivery = session.get(Delivery, delivery_id)
            if delivery is None:
                return outcome
            if isinstance(outcome, Done):
                delivery.state = DeliveryState.DRAFT if as_draft else DeliveryState.SCHEDULED
                delivery.remote_id = None
                delivery.permalink = None
                delivery.last_error = None
                delivery.idempotency_key = uuid.uuid4().hex
                action = "delivery.taken_back"
            else:
                if isinstance(outcome, Rejected):
                    delivery.last_error = f"{outcome.code}: {outcome.platform_message}"
                action = "delivery.take_back_failed"
            session.add(
                AuditEntry(
                    actor=self._actor,
                    action=action,
                    entity="delivery",
                    entity_id=delivery_id,
                    detail={"remote_id": remote_id, "outcome": type(outcome).__name__},
                )
            )
        return outcome

    async def _take_back_all(self, summary: RunSummary) -> None:
        """Publishing is paused: what platforms hold for later is taken back (stays scheduled)."""
        for delivery_id in self.handed_off_ids():
            outcome = await self.take_back(delivery_id)
            if isinstance(outcome, Done):
                summary.taken_back += 1
            elif outcome is not None:
                summary.errors.append(f"delivery {delivery_id}: not taken back from the platform ({outcome})")

    # -- the work --------------------------------------------------------------------------
    async def run_once(self) -> RunSummary:
        """Reconcile in-flight deliveries, then publish everything due. Never raises for a
        platform's answer; an adapter that cannot be built counts as an error."""
        summary = RunSummary()
        if self.paused() is not None:
            await self._take_back_all(summary)
            summary.waiting = len(self._due_ids(self._clock()))
        else:
            for delivery_id in self._in_flight_ids(self._clock()):
                await self._reconcile(delivery_id, summary)
            for delivery_id in self._due_ids(self._clock()):
                await self._publish(delivery_id, summary)
            for delivery_id in self._handed_off_past_ids(self._clock()):
                await self._confirm_handed_off(delivery_id, summary)
            for delivery_id in self._unstable_id_ids(self._clock()):
                await self._stabilise_id(delivery_id)
        summary.uncertain = self._count(DeliveryState.UNCERTAIN)
        summary.missed = self._count(DeliveryState.MISSED)
        return summary

    # -- late deliveries ---------------------------------------------------------------------
    def _late(self, session: Session, delivery: Delivery, now: datetime, summary: RunSummary) -> bool:
        """The missed-slot policy, checked just before a delivery is sent: True when it must not
        go out now (parked for the person, or dropped back to a draft), whatever held it."""
        if delivery.scheduled_at is None:
            return False
        policy = self._missed_policy()
        decision = decide(
            delivery.scheduled_at,
            now,
            policy,
            grace=self._missed_grace,
            approved_at=delivery.late_approved_at,
            partly_out=bool(delivery.thread_remote_ids),
        )
        if decision is SlotDecision.PUBLISH:
            return False
        late = int((now - delivery.scheduled_at).total_seconds() // 60)
        held_by = delivery.last_error
        if decision is SlotDecision.ASK:
            delivery.state, action = DeliveryState.MISSED, "delivery.missed"
        else:
            delivery.state, action = DeliveryState.DRAFT, "delivery.missed_dropped"
            summary.dropped += 1
        delivery.last_error = f"missed_slot: {late} minutes late"
        delivery.next_attempt_at = None
        session.add(
            AuditEntry(
                actor=self._actor,
                action=action,
                entity="delivery",
                entity_id=delivery.id,
                detail={"late_minutes": late, "policy": policy.value, "held_by": held_by},
            )
        )
        log.info("delivery %s: %s minutes late; missed-slot policy %s", delivery.id, late, policy.value)
        return True

    def _count(self, state: DeliveryState) -> int:
        with self._sessions() as session:
            return session.scalar(select(func.count()).select_from(Delivery).where(Delivery.state == state)) or 0

    def _handed_off_past_ids(self, now: datetime) -> list[int]:
        """Handed-over deliveries whose time has passed, to be looked up on the platform."""
        with self._sessions() as session:
            stmt = (
                select(Delivery.id)
                .join(Channel, Delivery.channel_id == Channel.id)
                .where(
                    Delivery.state == DeliveryState.HANDED_OFF,
                    Delivery.scheduled_at <= now - CONFIRM_AFTER,
                    Delivery.scheduled_at >= now - CONFIRM_FOR,
                    or_(Delivery.next_attempt_at.is_(None), Delivery.next_attempt_at <= now),
                    Channel.auth_problem.is_(None),
                )
                .order_by(Delivery.scheduled_at, Delivery.id)
            )
            return list(session.scalars(stmt))

    async def _confirm_handed_off(self, delivery_id: int, summary: RunSummary) -> None:
        """The platform's scheduler should have published it: find the post for its link."""
        with self._sessions() as session:
            delivery = session.get(Delivery, delivery_id)
            if delivery is None or delivery.scheduled_at is None:
                return
            channel = delivery.channel
            request, refs = self._request(session, delivery)
            since = delivery.scheduled_at - timedelta(minutes=5)
        adapter = await self._adapter_for(channel)
        if adapter is None:
            return
        with contextlib.suppress(ValueError):  # compared by the number of media only
            request = await self._with_media(request, refs, channel.platform)
        found = await adapter.find_published(request, since)
        await self._renewed(channel.id)
        now = self._clock()
        with self._sessions.begin() as session:
            delivery = session.get(Delivery, delivery_id)
            if delivery is None or delivery.state != DeliveryState.HANDED_OFF:
                return
            if isinstance(found, Published) and not found.scheduled:
                delivery.state = DeliveryState.PUBLISHED
                delivery.remote_id = found.remote_id
                delivery.permalink = found.permalink
                delivery.published_at = delivery.scheduled_at
                delivery.next_attempt_at = None
                summary.reconciled += 1
                session.add(
                    AuditEntry(
                        actor=self._actor,
                        action="delivery.confirmed",
                        entity="delivery",
                        entity_id=delivery_id,
                        detail={"permalink": found.permalink},
                    )
                )
            else:  # not out yet (platforms' schedulers run late), or the platform did not answer
                delivery.next_attempt_at = now + CONFIRM_EVERY

    def _unstable_id_ids(self, now: datetime) -> list[int]:
        """Published deliveries whose remote id was read from a pasted link in a form that may
        not last (a Bluesky AT-URI under a handle), recent enough to settle."""
        with self._sessions() as session:
            stmt = (
                select(Delivery.id)
                .join(Channel, Delivery.channel_id == Channel.id)
                .where(
                    Delivery.state == DeliveryState.PUBLISHED,
                    Delivery.remote_id.like("at://%"),
                    Delivery.remote_id.not_like("at://did:%"),
                    Delivery.published_at >= now - CONFIRM_FOR,
                    or_(Delivery.next_attempt_at.is_(None), Delivery.next_attempt_at <= now),
                    Channel.auth_problem.is_(None),
                )
                .order_by(Delivery.id)
            )
            return list(session.scalars(stmt))

    async def _stabilise_id(self, delivery_id: int) -> None:
        """Ask the channel's adapter for the lasting form of the id (the DID for a handle); if it
        cannot say now, ask again later."""
        with self._sessions() as session:
            delivery = session.get(Delivery, delivery_id)
            if delivery is None or delivery.remote_id is None:
                return
            channel, remote_id = delivery.channel, delivery.remote_id
        adapter = await self._adapter_for(channel)
        stable = await adapter.stable_id(remote_id) if adapter is not None else None
        with self._sessions.begin() as session:
            delivery = session.get(Delivery, delivery_id)
            if delivery is None or delivery.remote_id != remote_id:
                return
            if stable is None:
                delivery.next_attempt_at = self._clock() + CONFIRM_EVERY
                return
            delivery.remote_id = stable
            delivery.next_attempt_at = None
            session.add(
                AuditEntry(
                    actor=self._actor,
                    action="delivery.remote_id_settled",
                    entity="delivery",
                    entity_id=delivery_id,
                    detail={"from": remote_id, "to": stable},
                )
            )

    def _in_flight_ids(self, now: datetime) -> list[int]:
        """Deliveries a request may have left on the platform, due for a look-up."""
        with self._sessions() as session:
            stmt = (
                select(Delivery.id, Delivery.channel_id)
                .join(Channel, Delivery.channel_id == Channel.id)
                .where(
                    Delivery.state == DeliveryState.PUBLISHING,
                    or_(Delivery.next_attempt_at.is_(None), Delivery.next_attempt_at <= now),
                    Channel.auth_problem.is_(None),
                )
                .order_by(Delivery.id)
            )
            return [
                delivery_id
                for delivery_id, channel_id in session.execute(stmt)
                if self._not_before.get(channel_id, now) <= now
            ]

    def _due_ids(self, now: datetime) -> list[int]:
        """Scheduled deliveries whose time has come, and those to hand to the platform's own
        scheduler now (inside the platform's window; otherwise they wait for their time)."""
        from kurum_masaustu.rules.kinds import hand_off_window

        with self._sessions() as session:
            stmt = (
                select(Delivery.id, Delivery.scheduled_at, Delivery.native_schedule, Channel.platform)
                .join(Channel, Delivery.channel_id == Channel.id)
                .where(
                    Delivery.state == DeliveryState.SCHEDULED,
                    or_(Delivery.scheduled_at <= now, Delivery.native_schedule),
                    or_(Delivery.next_attempt_at.is_(None), Delivery.next_attempt_at <= now),
                    Channel.enabled,
                    Channel.auth_problem.is_(None),
                    Channel.platform != Platform.MANUAL,  # the person posts these by hand
                )
                .order_by(Delivery.scheduled_at, Delivery.id)
            )
            return [
                delivery_id
                for delivery_id, at, native, platform in session.execute(stmt)
                if at is not None and (at <= now or (native and hand_off_window(platform, at, now) == "now"))
            ]

    def _request(self, session: Session, delivery: Delivery) -> tuple[PublishRequest, list[MediaRef]]:
        """The request without its media, and the media still to be prepared for the platform.

        A thread's request is its next part: a reply to the part published before it (media go
        with the first part only; each part has its own idempotency key). A poll carries its
        options; a link goes as the post's link card. A delivery handed to the platform's own
        scheduler carries its time.
        """
        from kurum_masaustu.rules.kinds import hand_off_window, supports_hand_off, thread_parts
        from kurum_masaustu.rules.text import THREAD_PLATFORMS

        post = delivery.post
        platform = delivery.channel.platform
        refs = [
            MediaRef(MediaAsset.path_for(sha256, mime), mime, alt, width, height, (focal_x, focal_y))
            for sha256, mime, alt, width, height, focal_x, focal_y in session.execute(
                _MEDIA_OF_POST, {"post_id": post.id}
            )
        ]
        if post.kind == PostKind.STORY:
            refs = [dataclasses.replace(ref, placement="story") for ref in refs]
        text = delivery.text
        key = delivery.idempotency_key
        reply_to: str | None = None
        kind = post.kind
        if kind == PostKind.THREAD:
            done = list(delivery.thread_remote_ids or [])
            parts = thread_parts(platform, text) if platform in THREAD_PLATFORMS else [text.strip()]
            index = min(len(done), max(len(parts) - 1, 0))
            text = parts[index] if parts else text
            if index > 0:
                reply_to = done[index - 1]
                key = f"{key}-{index + 1}"
                refs = []
            kind = PostKind.TEXT
        poll = None
        if kind == PostKind.POLL and post.poll:
            raw = post.poll
            poll = Poll(
                tuple(str(o).strip() for o in raw.get("options", []) if str(o).strip()),
                int(raw.get("minutes", 24 * 60)),
                bool(raw.get("multiple", False)),
            )
        scheduled_at = None
        if (
            delivery.native_schedule
            and delivery.scheduled_at is not None
            and supports_hand_off(platform, post.kind)
            and hand_off_window(platform, delivery.scheduled_at, self._clock()) == "now"
        ):
            scheduled_at = delivery.scheduled_at
        request = PublishRequest(
            text=text,
            idempotency_key=key,
            kind=kind if refs or kind == PostKind.POLL else PostKind.TEXT,
            poll=poll,
            reply_to=reply_to,
            link=post.link if post.link and reply_to is None and poll is None else None,
            scheduled_at=scheduled_at,
        )
        return request, refs

    async def _with_media(self, request: PublishRequest, refs: list[MediaRef], platform: Platform) -> PublishRequest:
        if not refs:
            return request
        files = [await self._media_file(ref, platform) for ref in refs]
        return dataclasses.replace(request, media=tuple(files))

    async def _reconcile(self, delivery_id: int, summary: RunSummary) -> None:
        """A delivery left in flight: ask the platform before anything is resent."""
        with self._sessions() as session:
            delivery = session.get(Delivery, delivery_id)
            if delivery is None:
                return
            channel = delivery.channel
            request, refs = self._request(session, delivery)
            since = (delivery.sending_since or self._clock()) - timedelta(minutes=5)
        adapter = await self._adapter_for(channel)
        if adapter is None:
            summary.errors.append(f"channel {channel.id}: no adapter")
            return
        try:
            request = await self._with_media(request, refs, channel.platform)
        except ValueError as exc:
            log.info("delivery %s: media unusable while reconciling (%s)", delivery_id, exc)
        found = await adapter.find_published(request, since)
        await self._renewed(channel.id)
        if isinstance(found, Transient):
            log.info("delivery %s: platform unreachable while reconciling (%s)", delivery_id, found.detail)
            return
        if isinstance(found, AuthExpired | RateLimited):
            # The platform did not say whether it has the post: keep it in flight, record why.
            self._hold_channel(channel.id, found)
            return
        if isinstance(found, Published):
            self._apply(delivery_id, found, summary, reconciled=True)
            return
        if isinstance(found, Unknown):
            self._park_uncertain(delivery_id, found, summary)
            return
        with self._sessions.begin() as session:  # the platform does not have it: send again
            delivery = session.get(Delivery, delivery_id)
            if delivery is not None and delivery.state == DeliveryState.PUBLISHING:
                delivery.state = DeliveryState.SCHEDULED
                delivery.sending_since = None
        log.info("delivery %s: not on the platform after an interrupted send; it will be sent again", delivery_id)

    def _park_uncertain(self, delivery_id: int, outcome: Unknown, summary: RunSummary) -> None:
        """The platform cannot show whether the post went out: never guess (a resend could post
        twice), wait for the person to look and say (``OutboxService.confirm_published`` or
        ``send_again``). ``sending_since`` stays: it is when the request went."""
        with self._sessions.begin() as session:
            delivery = session.get(Delivery, delivery_id)
            if delivery is None or delivery.state != DeliveryState.PUBLISHING:
                return
            delivery.state = DeliveryState.UNCERTAIN
            delivery.next_attempt_at = None
            delivery.last_error = f"uncertain: {outcome.detail}"
            session.add(
                AuditEntry(
                    actor=self._actor,
                    action="delivery.uncertain",
                    entity="delivery",
                    entity_id=delivery_id,
                    detail={"delivery": delivery_id, "channel": delivery.channel_id, "reason": outcome.detail},
                )
            )
        log.warning("delivery %s: the platform cannot tell whether it went out; the person is asked", delivery_id)

    def _hold_channel(self, channel_id: int, outcome: AuthExpired | RateLimited) -> None:
        if isinstance(outcome, RateLimited):
            self._not_before[channel_id] = outcome.until
            return
        with self._sessions.begin() as session:
            channel = session.get(Channel, channel_id)
            if channel is not None:
                channel.auth_problem = outcome.detail or "auth_expired"

    async def _publish(self, delivery_id: int, summary: RunSummary) -> None:
        """Publish one delivery; a thread part after part, each reply sent once the part
        before it is recorded as published."""
        while await self._publish_step(delivery_id, summary):
            pass

    async def _publish_step(self, delivery_id: int, summary: RunSummary) -> bool:
        """One request; True when a thread has more parts to send now."""
        now = self._clock()
        with self._sessions.begin() as session:
            delivery = session.execute(_LOAD_FOR_PUBLISHING, {"delivery_id": delivery_id}).scalar_one_or_none()
            if delivery is None or delivery.state != DeliveryState.SCHEDULED:
                return False
            channel = delivery.channel
            blocked_until = self._not_before.get(channel.id)
            if blocked_until is not None and blocked_until > now:
                summary.waiting += 1
                return False
            if self._late(session, delivery, now, summary):
                return False
            request, refs = self._request(session, delivery)
            single = delivery.post.kind != PostKind.THREAD
            # Rule 1: committed before the request. One UPDATE, not the ORM's unit of work (which
            # would weigh the post and channel loaded with it): the queue's cost per delivery.
            session.connection().execute(
                _MARK_IN_FLIGHT,
                {"delivery_id": delivery_id, "new_state": DeliveryState.PUBLISHING, "new_sending_since": now},
            )
        adapter = await self._adapter_for(channel)
        if adapter is None:
            self._apply(delivery_id, Transient("the channel's adapter could not be built"), summary)
            summary.errors.append(f"channel {channel.id}: no adapter")
            return False
        try:
            request = await self._with_media(request, refs, channel.platform)
        except ValueError as exc:  # the file cannot be used on this platform: nothing was sent
            message = getattr(exc, "message", str(exc))
            self._apply(delivery_id, Rejected(f"media_{getattr(exc, 'code', 'invalid')}", message), summary)
            return False
        outcome = await adapter.publish(request)
        await self._renewed(channel.id)
        if single and isinstance(outcome, Published):
            self._record_published(delivery_id, channel.id, outcome, summary)
            return False
        return self._apply(delivery_id, outcome, summary)

    def _record_published(self, delivery_id: int, channel_id: int, outcome: Published, summary: RunSummary) -> None:
        """Rule 2 for the usual case, a single post published or handed over: what :meth:`_apply`
        does for it, as one UPDATE and one INSERT (the ORM's unit of work is most of the queue's
        cost per delivery)."""
        now = self._clock()
        with self._sessions.begin() as session:
            connection = session.connection()
            connection.execute(
                _MARK_PUBLISHED,
                {
                    "delivery_id": delivery_id,
                    "new_state": DeliveryState.HANDED_OFF if outcome.scheduled else DeliveryState.PUBLISHED,
                    "new_remote_id": outcome.remote_id,
                    "new_permalink": outcome.permalink,
                    "new_published_at": None if outcome.scheduled else now,
                },
            )
            connection.execute(
                _ADD_AUDIT_ENTRY,
                {
                    "actor": self._actor,
                    "action": "delivery.published",
                    "entity": "delivery",
                    "entity_id": delivery_id,
                    "detail": {"delivery": delivery_id, "channel": channel_id, "permalink": outcome.permalink},
                },
            )
        if outcome.scheduled:
            summary.handed_off += 1
        else:
            summary.published += 1

    async def _renewed(self, channel_id: int) -> None:
        """A call may have renewed the session (X's refresh token is single-use): keep it."""
        if self._save_secrets is not None:
            await self._save_secrets(channel_id)

    def _apply(self, delivery_id: int, outcome: Outcome, summary: RunSummary, *, reconciled: bool = False) -> bool:
        """Rule 2: record the outcome (and what follows from it) in one transaction. True when
        the outcome published a thread part and more parts follow."""
        now = self._clock()
        more = False
        with self._sessions.begin() as session:
            delivery = session.get(Delivery, delivery_id, options=_WITH_POST_AND_CHANNEL)
            if delivery is None:
                return False
            channel = delivery.channel
            detail: dict[str, object] = {"delivery": delivery.id, "channel": channel.id}
            remaining = self._thread_remaining(delivery, outcome)
            if isinstance(outcome, Published) and remaining > 0:
                # A thread part: recorded (committed) before the next part answers it.
                delivery.thread_remote_ids = [*(delivery.thread_remote_ids or []), outcome.remote_id]
                if delivery.remote_id is None:
                    delivery.remote_id = outcome.remote_id
                    delivery.permalink = outcome.permalink
                delivery.state = DeliveryState.SCHEDULED
                delivery.sending_since = None
                delivery.next_attempt_at = None
                delivery.last_error = None
                action = "delivery.thread_part"
                detail["part"] = len(delivery.thread_remote_ids)
                detail["permalink"] = outcome.permalink
                more = True
            elif isinstance(outcome, Published):
                if delivery.post.kind == PostKind.THREAD:
                    delivery.thread_remote_ids = [*(delivery.thread_remote_ids or []), outcome.remote_id]
                    if delivery.remote_id is not None:  # the thread is known by its first part
                        outcome = Published(delivery.remote_id, delivery.permalink or outcome.permalink)
                delivery.state = DeliveryState.HANDED_OFF if outcome.scheduled else DeliveryState.PUBLISHED
                delivery.remote_id = outcome.remote_id
                delivery.permalink = outcome.permalink
                delivery.published_at = None if outcome.scheduled else now
                delivery.sending_since = None
                delivery.next_attempt_at = None
                delivery.last_error = None
                if reconciled:
                    summary.reconciled += 1
                elif outcome.scheduled:
                    summary.handed_off += 1
                else:
                    summary.published += 1
                action = "delivery.reconciled" if reconciled else "delivery.published"
                detail["permalink"] = outcome.permalink
            elif isinstance(outcome, Rejected):
                delivery.state = DeliveryState.FAILED
                delivery.sending_since = None
                delivery.last_error = f"{outcome.code}: {outcome.platform_message}"
                summary.failed += 1
                action = "delivery.rejected"
                detail["code"] = outcome.code
            elif isinstance(outcome, AuthExpired):
                delivery.state = DeliveryState.SCHEDULED
                delivery.sending_since = None  # the platform answered: nothing was created
                delivery.last_error = "auth_expired"
                channel.auth_problem = outcome.detail or "auth_expired"
                summary.waiting += 1
                action = "channel.auth_expired"
            elif isinstance(outcome, RateLimited):
                delivery.state = DeliveryState.SCHEDULED
                delivery.sending_since = None
                delivery.next_attempt_at = outcome.until
                delivery.last_error = "rate_limited"
                self._not_before[channel.id] = outcome.until
                summary.waiting += 1
                action = "delivery.rate_limited"
            else:
                # Transient: the request may or may not have reached the platform, so
                # sending_since stays set and the next attempt reconciles first.
                if delivery.attempts >= MAX_ATTEMPTS:
                    delivery.state = DeliveryState.FAILED
                    delivery.last_error = f"gave_up: {outcome.detail}"
                    summary.failed += 1
                    action = "delivery.gave_up"
                else:
                    delivery.state = DeliveryState.PUBLISHING
                    delay = (
                        timedelta(seconds=outcome.retry_after_seconds)
                        if outcome.retry_after_seconds
                        else retry_delay(delivery.attempts, self._rng)
                    )
                    delivery.next_attempt_at = now + delay
                    delivery.last_error = f"transient: {outcome.detail}"
                    summary.retried += 1
                    action = "delivery.retry"
            session.add(
                AuditEntry(actor=self._actor, action=action, entity="delivery", entity_id=delivery.id, detail=detail)
            )
        return more

    @staticmethod
    def _thread_remaining(delivery: Delivery, outcome: Outcome) -> int:
        """Parts of a thread still to send after the one this outcome published (0 otherwise)."""
        if delivery.post.kind != PostKind.THREAD or not isinstance(outcome, Published) or outcome.scheduled:
            return 0
        from kurum_masaustu.rules.kinds import thread_parts
        from kurum_masaustu.rules.text import THREAD_PLATFORMS

        if delivery.channel.platform not in THREAD_PLATFORMS:
            return 0
        parts = thread_parts(delivery.channel.platform, delivery.text)
        return max(0, len(parts) - len(delivery.thread_remote_ids or []) - 1)
