"""Posts and their per-channel deliveries: saving from the composer, reading for the calendar."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import TYPE_CHECKING, NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from kurum_masaustu.domain import Category, DeliveryState, Platform, PostKind
from kurum_masaustu.rules.timeutil import local_to_utc, to_local

if TYPE_CHECKING:
    from kurum_masaustu.rules.hashtags import TagSet

from kurum_masaustu.store.models import AuditEntry, Campaign, Channel, Delivery, HashtagSet, MediaAsset, Post, PostMedia


class PostValidationError(ValueError):
    """The draft cannot be saved as asked; ``code`` names the problem for the UI."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class ChannelInfo:
    id: int
    platform: Platform
    display_name: str
    handle: str
    color: str


@dataclass
class PostDraft:
    """What the composer edits. ``id`` is None until first saved."""

    body: str
    channel_ids: list[int]
    title: str = ""
    scheduled_at: datetime | None = None
    schedule: bool = False  # False: keep as draft; True: hand to the outbox at scheduled_at
    category: Category = Category.ANNOUNCEMENT
    kind: PostKind = PostKind.TEXT
    media_ids: list[int] = field(default_factory=list)
    overrides: dict[int, str] = field(default_factory=dict)
    source_reference: str = ""  # where the post's facts and figures come from (checklist)
    id: int | None = None
    link: str = ""  # shown as a link card where the platform makes one
    poll: PollDraft | None = None  # for kind POLL; the question is the text
    hand_off: set[int] = field(default_factory=set)  # channels whose own scheduler gets the post
    #: The campaign the post belongs to; None keeps what the post has (a new post: none).
    campaign_id: int | None = None


@dataclass(frozen=True)
class PollDraft:
    options: tuple[str, ...]
    minutes: int = 24 * 60
    multiple: bool = False

    def to_json(self) -> dict[str, object]:
        return {"options": list(self.options), "minutes": self.minutes, "multiple": self.multiple}

    @classmethod
    def from_json(cls, raw: object) -> PollDraft | None:
        """Lenient: a stored poll that is not the expected shape reads as no poll."""
        if not isinstance(raw, dict):
            return None
        options = raw.get("options")
        minutes = raw.get("minutes")
        if not isinstance(options, list) or not isinstance(minutes, int):
            return None
        return cls(tuple(str(o) for o in options), minutes, bool(raw.get("multiple", False)))


@dataclass(frozen=True)
class DeliveryStatus:
    """One channel's delivery of the open post, as the composer shows it."""

    channel_id: int
    state: DeliveryState
    permalink: str | None
    last_error: str | None
    hand_off: bool
    thread_published: int  # parts of a thread already on the platform


class CalendarEntry(NamedTuple):
    """One delivery placed on the calendar (at its publish time, else its planned time).

    A named tuple rather than a dataclass: a month holds thousands, and a tuple is made several
    times faster (``benchmarks/calendar_month.py``)."""

    post_id: int
    delivery_id: int
    title: str
    at: datetime
    state: DeliveryState
    channel_name: str
    platform: Platform
    color: str
    category: Category
    channel_id: int = 0
    campaign_id: int | None = None


#: Which state a post shows when its channels differ: the one that needs attention first.
STATE_PRIORITY = (
    DeliveryState.FAILED,
    DeliveryState.UNCERTAIN,
    DeliveryState.MISSED,
    DeliveryState.PUBLISHING,
    DeliveryState.SCHEDULED,
    DeliveryState.HANDED_OFF,
    DeliveryState.DRAFT,
    DeliveryState.PUBLISHED,
    DeliveryState.CANCELLED,
)


@dataclass(frozen=True)
class DayPost:
    """One post on one calendar day, however many channels it goes to."""

    post_id: int
    title: str
    at: datetime
    states: tuple[DeliveryState, ...]
    colors: tuple[str, ...]
    channel_names: tuple[str, ...]

    @property
    def state(self) -> DeliveryState:
        return min(self.states, key=STATE_PRIORITY.index)


def group_by_post(entries: Sequence[CalendarEntry]) -> list[DayPost]:
    """Merge one day's deliveries into one item per post, earliest first."""
    grouped: dict[int, list[CalendarEntry]] = {}
    for entry in entries:
        grouped.setdefault(entry.post_id, []).append(entry)
    posts = [
        DayPost(
            post_id=post_id,
            title=items[0].title,
            at=min(e.at for e in items),
            states=tuple(e.state for e in items),
            colors=tuple(e.color for e in items),
            channel_names=tuple(e.channel_name for e in items),
        )
        for post_id, items in grouped.items()
    ]
    return sorted(posts, key=lambda p: (p.at, p.post_id))


@dataclass(frozen=True)
class MediaInfo:
    id: int
    relative_path: str
    original_name: str
    mime_type: str
    width: int | None
    height: int | None
    size_bytes: int
    alt_text: str
    focal_x: float = 0.5
    focal_y: float = 0.5
    shows_people: bool | None = None
    people_consent: bool = False
    shows_children: bool = False
    children_consent: bool = False
    children_blurred: bool = False
    consent_note: str = ""

    @property
    def is_image(self) -> bool:
        return self.mime_type.startswith("image/")


@dataclass(frozen=True)
class RescheduleResult:
    moved: int
    kept_published: int
    #: Nothing moved: the new slot (for at least one delivery) is already past.
    in_past: bool = False


#: Deliveries the person can still change; published ones are history.
#: Deliveries a move in the calendar leaves where they are: out, with the platform, or in flight
#: (an uncertain one may be out: only the person can say).
_GONE_OUT = frozenset(
    {DeliveryState.PUBLISHED, DeliveryState.HANDED_OFF, DeliveryState.PUBLISHING, DeliveryState.UNCERTAIN}
)
EDITABLE_STATES = frozenset({DeliveryState.DRAFT, DeliveryState.SCHEDULED, DeliveryState.FAILED})


def derive_title(body: str, limit: int = 60) -> str:
    """A short title from the first line of the text, cut at a word boundary."""
    first = body.strip().splitlines()[0].strip() if body.strip() else ""
    if len(first) <= limit:
        return first
    cut = first[:limit].rsplit(" ", 1)[0]
    return cut + "…"


class PostService:
    def __init__(self, sessions: sessionmaker[Session], actor: str = "kullanıcı") -> None:
        self._sessions = sessions
        self._actor = actor

    @property
    def sessions(self) -> sessionmaker[Session]:
        return self._sessions

    def has_any(self) -> bool:
        """Whether the profile holds any post yet (a new profile has nothing to back up)."""
        with self._sessions() as session:
            return session.scalar(select(Post.id).limit(1)) is not None

    def channels(self) -> list[ChannelInfo]:
        with self._sessions() as session:
            rows = session.scalars(select(Channel).where(Channel.enabled).order_by(Channel.id))
            return [ChannelInfo(c.id, c.platform, c.display_name, c.handle, c.color) for c in rows]

    def save(self, draft: PostDraft) -> int:
        """Create or update a post and its deliveries; returns the post id.

        Published deliveries are never changed. A scheduled save needs a time and at least
        one channel.
        """
        if not draft.body.strip() and not draft.media_ids:
            raise PostValidationError("empty")
        if draft.schedule and draft.scheduled_at is None:
            raise PostValidationError("no_time")
        if draft.schedule and not draft.channel_ids:
            raise PostValidationError("no_channel")
        state = DeliveryState.SCHEDULED if draft.schedule else DeliveryState.DRAFT
        with self._sessions.begin() as session:
            post = session.get(Post, draft.id) if draft.id is not None else None
            created = post is None
            if post is None:
                post = Post()
                session.add(post)
            post.body = draft.body
            post.title = draft.title.strip() or derive_title(draft.body)
            post.category = draft.category
            if draft.campaign_id is not None:
                post.campaign_id = draft.campaign_id
            post.kind = draft.kind
            post.source_reference = draft.source_reference.strip()
            post.link = draft.link.strip() or None
            post.poll = draft.poll.to_json() if draft.kind == PostKind.POLL and draft.poll is not None else None
            self._sync_deliveries(session, post, draft, state)
            self._sync_media(session, post, draft.media_ids)
            session.flush()
            session.add(
                AuditEntry(
                    actor=self._actor,
                    action="post.create" if created else "post.update",
                    entity="post",
                    entity_id=post.id,
                    detail={"state": state.value, "channels": sorted(draft.channel_ids)},
                )
            )
            return post.id

    @staticmethod
    def _sync_deliveries(session: Session, post: Post, draft: PostDraft, state: DeliveryState) -> None:
        existing = {d.channel_id: d for d in post.deliveries}
        wanted = set(draft.channel_ids)
        for channel_id, old in existing.items():
            if channel_id not in wanted and old.state in EDITABLE_STATES:
                post.deliveries.remove(old)
        for channel_id in draft.channel_ids:
            delivery = existing.get(channel_id)
            if delivery is None:
                delivery = Delivery(channel_id=channel_id)
                post.deliveries.append(delivery)
            elif delivery.state not in EDITABLE_STATES:
                continue
            delivery.scheduled_at = draft.scheduled_at
            delivery.state = state
            delivery.text_override = draft.overrides.get(channel_id)
            delivery.native_schedule = channel_id in draft.hand_off
            delivery.last_error = None

    @staticmethod
    def _sync_media(session: Session, post: Post, media_ids: Sequence[int]) -> None:
        post.media_links.clear()
        session.flush()
        for position, media_id in enumerate(media_ids):
            post.media_links.append(PostMedia(media_id=media_id, position=position))

    def load(self, post_id: int) -> PostDraft | None:
        with self._sessions() as session:
            post = session.get(
                Post,
                post_id,
                options=[selectinload(Post.deliveries), selectinload(Post.media_links)],
            )
            if post is None:
                return None
            times = [d.scheduled_at for d in post.deliveries if d.scheduled_at is not None]
            return PostDraft(
                id=post.id,
                title=post.title,
                body=post.body,
                channel_ids=[d.channel_id for d in post.deliveries],
                scheduled_at=min(times) if times else None,
                schedule=any(d.state == DeliveryState.SCHEDULED for d in post.deliveries),
                category=post.category,
                campaign_id=post.campaign_id,
                kind=post.kind,
                media_ids=[link.media_id for link in post.media_links],
                overrides={d.channel_id: d.text_override for d in post.deliveries if d.text_override is not None},
                source_reference=post.source_reference or "",
                link=post.link or "",
                poll=PollDraft.from_json(post.poll),
                hand_off={d.channel_id for d in post.deliveries if d.native_schedule},
            )

    def delivery_statuses(self, post_id: int) -> list[DeliveryStatus]:
        """Each channel's delivery of the post: state, link once published, reason when failed."""
        with self._sessions() as session:
            rows = session.scalars(select(Delivery).where(Delivery.post_id == post_id).order_by(Delivery.id))
            return [
                DeliveryStatus(
                    d.channel_id,
                    d.state,
                    d.permalink,
                    d.last_error,
                    d.native_schedule,
                    len(d.thread_remote_ids or []),
                )
                for d in rows
            ]

    def delivery_states(self, post_id: int) -> dict[int, DeliveryState]:
        with self._sessions() as session:
            rows = session.execute(select(Delivery.channel_id, Delivery.state).where(Delivery.post_id == post_id))
            return {channel_id: state for channel_id, state in rows}

    def calendar_entries(self, start: datetime, end: datetime) -> list[CalendarEntry]:
        """Deliveries whose calendar slot (``scheduled_at``) falls in ``[start, end)``.

        A delivery keeps its slot after publishing; ``published_at`` records when it went out.
        Channels are read once and joined here; the rows come through SQLAlchemy Core (not the
        ORM) and enums are looked up once per value: a month of 4,000 deliveries loads in a few
        milliseconds instead of ~80.
        """
        stmt = (
            select(
                Delivery.post_id,
                Delivery.id,
                Post.title,
                Post.body,
                Delivery.scheduled_at,
                Delivery.state,
                Delivery.channel_id,
                Post.category,
                Post.campaign_id,
            )
            .join(Post, Delivery.post_id == Post.id)
            .where(Delivery.scheduled_at >= start, Delivery.scheduled_at < end)
            .order_by(Delivery.scheduled_at, Delivery.id)
        )
        with self._sessions() as session:
            channels = {
                channel_id: (name, platform, color)
                for channel_id, name, platform, color in session.execute(
                    select(Channel.id, Channel.display_name, Channel.platform, Channel.color)
                )
            }
            rows = session.connection().execute(stmt).all()
        entries = []
        for post_id, delivery_id, title, body, at, state, channel_id, category, campaign_id in rows:
            name, platform, color = channels[channel_id]
            entries.append(
                CalendarEntry(
                    post_id,
                    delivery_id,
                    title or derive_title(body),
                    at or start,  # never None: the WHERE clause requires a slot
                    state,
                    name,
                    platform,
                    color,
                    category,
                    channel_id,
                    campaign_id,
                )
            )
        return entries

    def media_for_post(self, post_id: int) -> list[MediaInfo]:
        stmt = (
            select(MediaAsset)
            .join(PostMedia, PostMedia.media_id == MediaAsset.id)
            .where(PostMedia.post_id == post_id)
            .order_by(PostMedia.position)
        )
        with self._sessions() as session:
            return [media_info(m) for m in session.scalars(stmt)]

    def media(self, media_ids: Sequence[int]) -> list[MediaInfo]:
        with self._sessions() as session:
            found = {m.id: m for m in session.scalars(select(MediaAsset).where(MediaAsset.id.in_(media_ids)))}
            return [media_info(found[i]) for i in media_ids if i in found]

    def latest_post_with_media(self, until: datetime) -> int | None:
        """The post with media whose calendar slot is the latest one not after ``until``."""
        stmt = (
            select(Delivery.post_id)
            .join(PostMedia, PostMedia.post_id == Delivery.post_id)
            .where(Delivery.scheduled_at <= until)
            .order_by(Delivery.scheduled_at.desc())
            .limit(1)
        )
        with self._sessions() as session:
            return session.scalar(stmt)

    def tag_sets(self) -> list[TagSet]:
        """The profile's hashtag library, in the person's order (tags without "#")."""
        from kurum_masaustu.rules.hashtags import TagSet

        with self._sessions() as session:
            return [
                TagSet(h.name, h.kind.value, tuple(t.lstrip("#") for t in h.tags), h.starts_on, h.ends_on)
                for h in session.scalars(select(HashtagSet).order_by(HashtagSet.position, HashtagSet.id))
            ]

    def record(self, post_id: int, action: str, detail: dict[str, object]) -> None:
        """An entry in the audit log about a post (e.g. a warning the person chose to override)."""
        with self._sessions.begin() as session:
            session.add(AuditEntry(actor=self._actor, action=action, entity="post", entity_id=post_id, detail=detail))

    def planned_days(self, start: datetime, end: datetime) -> set[date]:
        """Istanbul dates in ``[start, end)`` that have a post planned or published."""
        stmt = select(Delivery.scheduled_at).where(
            Delivery.scheduled_at >= start,
            Delivery.scheduled_at < end,
            Delivery.state != DeliveryState.CANCELLED,
        )
        with self._sessions() as session:
            return {to_local(at).date() for at in session.scalars(stmt) if at is not None}

    def reschedule(
        self, post_id: int, day: date, hour: int | None = None, *, now: datetime | None = None
    ) -> RescheduleResult:
        """Move every delivery of the post that has not gone out to ``day``, keeping its local
        time of day (or, with ``hour``, its minutes within that hour). Published deliveries (and
        those the platform already holds) stay put. With ``now``, a move that would put a
        delivery in the past moves nothing (``in_past``)."""
        moved: list[int] = []
        kept: list[int] = []
        with self._sessions.begin() as session:
            post = session.get(Post, post_id, options=[selectinload(Post.deliveries)])
            if post is None:
                return RescheduleResult(0, 0)
            targets: dict[int, datetime] = {}
            for delivery in post.deliveries:
                if delivery.state in _GONE_OUT:
                    kept.append(delivery.id)
                    continue
                old = to_local(delivery.scheduled_at).time() if delivery.scheduled_at is not None else time(10, 0)
                new = old.replace(hour=hour) if hour is not None else old
                targets[delivery.id] = local_to_utc(day, new)
            if now is not None and any(target < now for target in targets.values()):
                return RescheduleResult(0, len(kept), in_past=True)
            for delivery in post.deliveries:
                if delivery.id in targets:
                    delivery.scheduled_at = targets[delivery.id]
                    delivery.next_attempt_at = None
                    if delivery.state == DeliveryState.MISSED:  # a new time answers the question
                        delivery.state = DeliveryState.SCHEDULED
                    moved.append(delivery.id)
            if moved:
                session.add(
                    AuditEntry(
                        actor=self._actor,
                        action="post.reschedule",
                        entity="post",
                        entity_id=post_id,
                        detail={"day": day.isoformat(), "hour": hour, "moved": moved, "kept": kept},
                    )
                )
        return RescheduleResult(len(moved), len(kept))

    def campaigns(self) -> list[tuple[int, str]]:
        """Every campaign's id and name, newest first (the calendar's filter offers them)."""
        with self._sessions() as session:
            rows = session.execute(select(Campaign.id, Campaign.name).order_by(Campaign.starts_on.desc(), Campaign.id))
            return [(campaign_id, name) for campaign_id, name in rows]

    def outbox_counts(self) -> dict[DeliveryState, int]:
        with self._sessions() as session:
            rows = session.execute(select(Delivery.state, func.count()).group_by(Delivery.state))
            return {state: count for state, count in rows}


def media_info(asset: MediaAsset) -> MediaInfo:
    return MediaInfo(
        id=asset.id,
        relative_path=asset.relative_path,
        original_name=asset.original_name,
        mime_type=asset.mime_type,
        width=asset.width,
        height=asset.height,
        size_bytes=asset.size_bytes,
        alt_text=asset.alt_text,
        focal_x=asset.focal_x if asset.focal_x is not None else 0.5,
        focal_y=asset.focal_y if asset.focal_y is not None else 0.5,
        shows_people=asset.shows_people,
        people_consent=bool(asset.people_consent),
        shows_children=bool(asset.shows_children),
        children_consent=bool(asset.children_consent),
        children_blurred=bool(asset.children_blurred),
        consent_note=asset.consent_note or "",
    )
