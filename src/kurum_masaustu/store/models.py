"""The database schema as typed SQLAlchemy 2 models.

Tokens and passwords are never columns here: they live in the OS keyring
(:mod:`kurum_masaustu.credentials`), keyed by the channel id.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    Boolean,
    Connection,
    Date,
    Enum,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    event,
    false,
    inspect,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, Mapper, mapped_column, relationship

from kurum_masaustu.domain import (
    Category,
    DeliveryState,
    HashtagSetKind,
    InboxCategory,
    InboxKind,
    InboxStatus,
    MediaType,
    Platform,
    PostKind,
    ReplyState,
)
from kurum_masaustu.store.search import search_document
from kurum_masaustu.store.types import JSONText, UTCDateTime, utcnow

# Stable constraint names keep migrations portable (SQLite batch mode, PostgreSQL).
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def _enum(cls: type[StrEnum]) -> Enum:
    """Store an enum by its value as a short string (readable, no native enum types)."""
    return Enum(
        cls,
        native_enum=False,
        create_constraint=False,
        length=32,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Channel(Base):
    """One account of the institution on one platform."""

    __tablename__ = "channels"

    id: Mapped[int] = mapped_column(primary_key=True)
    platform: Mapped[Platform] = mapped_column(_enum(Platform))
    display_name: Mapped[str] = mapped_column(String(200))
    handle: Mapped[str] = mapped_column(String(200), default="")
    color: Mapped[str] = mapped_column(String(9), default="#1f6feb")
    # Non-secret settings only (API base URL, page id, app id…).
    settings: Mapped[dict[str, Any]] = mapped_column(JSONText, default=dict)
    sandbox: Mapped[bool] = mapped_column(Boolean, default=False)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Publishing health: set when the platform refused our token; cleared by a reconnect.
    auth_problem: Mapped[str | None] = mapped_column(Text)
    token_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Opaque position in the platform's inbox feeds (the adapter's own format).
    inbox_cursor: Mapped[str | None] = mapped_column(Text)

    deliveries: Mapped[list[Delivery]] = relationship(back_populates="channel")


class Campaign(Base):
    __tablename__ = "campaigns"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    goal: Mapped[str] = mapped_column(Text, default="")
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    hashtags: Mapped[list[str]] = mapped_column(JSONText, default=list)
    color: Mapped[str] = mapped_column(String(9), default="#8250df")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # -- since revision 0007 ------------------------------------------------------------------
    # Presets for a post started in the campaign: its channels and template (hashtags above).
    channel_ids: Mapped[list[int]] = mapped_column(JSONText, default=list, server_default="[]")
    template_key: Mapped[str | None] = mapped_column(String(100))

    posts: Mapped[list[Post]] = relationship(back_populates="campaign")


class PlanGoal(Base):
    """A target of the content strategy: ``target`` posts per week or month, of one category,
    campaign or channel (any of them may be left open)."""

    __tablename__ = "plan_goals"

    id: Mapped[int] = mapped_column(primary_key=True)
    period: Mapped[str] = mapped_column(String(8))  # week | month
    #: "posts" (target: posts) or "reply_time" (target: % of messages answered within the response target).
    kind: Mapped[str] = mapped_column(String(16), default="posts", server_default="posts")
    target: Mapped[int] = mapped_column(Integer)
    category: Mapped[Category | None] = mapped_column(_enum(Category))
    campaign_id: Mapped[int | None] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"))
    channel_id: Mapped[int | None] = mapped_column(ForeignKey("channels.id", ondelete="CASCADE"))
    #: A reply-time goal of the messages routed to this unit only.
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Recurrence(Base):
    """A post repeated weekly or monthly ("every Monday 09:00, nöbetçi eczaneler"): its text and
    rule. Each occurrence is an ordinary post (linked by :class:`SeriesPost`), editable alone."""

    __tablename__ = "recurrences"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300), default="")
    body: Mapped[str] = mapped_column(Text, default="")
    category: Mapped[Category] = mapped_column(_enum(Category), default=Category.SERVICE)
    campaign_id: Mapped[int | None] = mapped_column(ForeignKey("campaigns.id", ondelete="SET NULL"))
    channel_ids: Mapped[list[int]] = mapped_column(JSONText, default=list)
    # The rule (rules.recurrence.RecurrenceRule): frequency, weekday or day of month, local time.
    frequency: Mapped[str] = mapped_column(String(16))
    weekday: Mapped[int | None] = mapped_column(Integer)
    month_day: Mapped[int | None] = mapped_column(Integer)
    at_time: Mapped[str] = mapped_column(String(5))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    skip_holidays: Mapped[bool] = mapped_column(Boolean, default=True)
    #: Dates (ISO) the person removed from the series.
    exceptions: Mapped[list[str]] = mapped_column(JSONText, default=list)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class SeriesPost(Base):
    """One occurrence of a recurrence: the post made for the date ``occurs_on``."""

    __tablename__ = "series_posts"
    __table_args__ = (Index("ix_series_posts_series_id", "series_id"),)

    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"), primary_key=True)
    series_id: Mapped[int] = mapped_column(ForeignKey("recurrences.id", ondelete="CASCADE"))
    occurs_on: Mapped[date] = mapped_column(Date)


class CustomDayRow(Base):
    """A day the institution adds (local liberation day, festival, extra day off, national
    mourning); read as :class:`kurum_masaustu.rules.days.CustomDay`."""

    __tablename__ = "custom_days"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(100), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(32))
    tone: Mapped[str] = mapped_column(String(32))
    rule: Mapped[str | None] = mapped_column(String(100))
    starts_on: Mapped[date | None] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    day_off: Mapped[bool] = mapped_column(Boolean, default=False)
    hidden: Mapped[bool] = mapped_column(Boolean, default=False)
    theme: Mapped[str] = mapped_column(Text, default="")


class DayCorrectionRow(Base):
    """A change to one day in one year (moved or hidden); read as
    :class:`kurum_masaustu.rules.days.Correction`."""

    __tablename__ = "day_corrections"
    __table_args__ = (UniqueConstraint("key", "year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(100))
    year: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(8))
    starts_on: Mapped[date | None] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)


class DeliveryMetrics(Base):
    """Engagement of a published delivery as the platform last reported it (best-time hints)."""

    __tablename__ = "delivery_metrics"

    delivery_id: Mapped[int] = mapped_column(ForeignKey("deliveries.id", ondelete="CASCADE"), primary_key=True)
    reactions: Mapped[int] = mapped_column(Integer, default=0)
    comments: Mapped[int] = mapped_column(Integer, default=0)
    shares: Mapped[int] = mapped_column(Integer, default=0)
    views: Mapped[int | None] = mapped_column(Integer)
    measured_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Post(Base):
    """One piece of content, delivered to one or more channels."""

    __tablename__ = "posts"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300), default="")
    body: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[PostKind] = mapped_column(_enum(PostKind), default=PostKind.TEXT)
    category: Mapped[Category] = mapped_column(_enum(Category), default=Category.ANNOUNCEMENT)
    source_reference: Mapped[str] = mapped_column(Text, default="")
    campaign_id: Mapped[int | None] = mapped_column(ForeignKey("campaigns.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    # -- since revision 0004 ------------------------------------------------------------------
    # The link shown as a card (platforms that make cards; others append it to the text).
    link: Mapped[str | None] = mapped_column(Text)
    # A poll post's question is the text; here ``{"options": [...], "minutes": int, "multiple": bool}``.
    poll: Mapped[dict[str, Any] | None] = mapped_column(JSONText)

    campaign: Mapped[Campaign | None] = relationship(back_populates="posts")
    deliveries: Mapped[list[Delivery]] = relationship(
        back_populates="post", cascade="all, delete-orphan", order_by="Delivery.id"
    )
    media_links: Mapped[list[PostMedia]] = relationship(
        back_populates="post", cascade="all, delete-orphan", order_by="PostMedia.position"
    )


class Delivery(Base):
    """A post on one channel: its own text, schedule and publishing outcome."""

    __tablename__ = "deliveries"
    __table_args__ = (
        UniqueConstraint("post_id", "channel_id"),
        Index("ix_deliveries_scheduled_at", "scheduled_at"),
        Index("ix_deliveries_state_scheduled_at", "state", "scheduled_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"))
    channel_id: Mapped[int] = mapped_column(ForeignKey("channels.id", ondelete="RESTRICT"))
    text_override: Mapped[str | None] = mapped_column(Text)
    scheduled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    state: Mapped[DeliveryState] = mapped_column(_enum(DeliveryState), default=DeliveryState.DRAFT)
    remote_id: Mapped[str | None] = mapped_column(String(300))
    permalink: Mapped[str | None] = mapped_column(Text)
    last_error: Mapped[str | None] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Stable across retries and restarts: the platform's idempotency key or our own marker.
    idempotency_key: Mapped[str] = mapped_column(String(64), unique=True, default=lambda: uuid.uuid4().hex)
    # Set (and committed) before a request that may create the post; cleared once the outcome
    # is certain. A delivery with it set is reconciled with the platform before any resend.
    sending_since: Mapped[datetime | None] = mapped_column(UTCDateTime)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    # -- since revision 0004 ------------------------------------------------------------------
    # Hand the post to the platform's own scheduler (Mastodon ``scheduled_at``, Facebook
    # ``scheduled_publish_time``) instead of publishing it from this computer at the time.
    native_schedule: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # A thread's parts already on the platform, in order (each next part answers the last one).
    thread_remote_ids: Mapped[list[str]] = mapped_column(JSONText, default=list, server_default="[]")
    # -- since revision 0010 ------------------------------------------------------------------
    # When the person said this delivery may go out late (publish now, send again, retry, publish
    # on resuming): the missed-slot rule (rules/missed_slot.py) counts its lateness from then.
    late_approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    post: Mapped[Post] = relationship(back_populates="deliveries")
    channel: Mapped[Channel] = relationship(back_populates="deliveries")

    @property
    def text(self) -> str:
        """The text this channel gets: its override, else the post's body."""
        return self.text_override if self.text_override is not None else self.post.body


class MediaAsset(Base):
    """A file in the profile's content-addressed media folder (named by its SHA-256)."""

    __tablename__ = "media_assets"

    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    original_name: Mapped[str] = mapped_column(String(500))
    media_type: Mapped[MediaType] = mapped_column(_enum(MediaType))
    mime_type: Mapped[str] = mapped_column(String(100))
    size_bytes: Mapped[int] = mapped_column(Integer)
    width: Mapped[int | None] = mapped_column(Integer)
    height: Mapped[int | None] = mapped_column(Integer)
    duration_ms: Mapped[int | None] = mapped_column(Integer)
    alt_text: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    #: Where the picture's subject is (fractions of width and height): crops keep it in view.
    focal_x: Mapped[float] = mapped_column(Float, default=0.5, server_default="0.5")
    focal_y: Mapped[float] = mapped_column(Float, default=0.5, server_default="0.5")
    #: Consent (KVKK): None until the person has said whether recognisable people appear.
    shows_people: Mapped[bool | None] = mapped_column(Boolean)
    people_consent: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    shows_children: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    children_consent: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    children_blurred: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    consent_note: Mapped[str] = mapped_column(Text, default="", server_default="")

    @property
    def relative_path(self) -> str:
        """Path inside the media folder: ``ab/abcdef….ext``."""
        return self.path_for(self.sha256, self.mime_type)

    @staticmethod
    def path_for(sha256: str, mime_type: str) -> str:
        """:attr:`relative_path` from the two columns (for queries that read columns, not rows)."""
        return f"{sha256[:2]}/{sha256}{_extension(mime_type)}"


def _extension(mime_type: str) -> str:
    return {
        "image/jpeg": ".jpg",
        "image/png": ".png",
        "image/webp": ".webp",
        "image/gif": ".gif",
        "image/heic": ".heic",
        "video/mp4": ".mp4",
        "video/quicktime": ".mov",
    }.get(mime_type, ".bin")


class PostMedia(Base):
    __tablename__ = "post_media"

    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"), primary_key=True)
    media_id: Mapped[int] = mapped_column(ForeignKey("media_assets.id", ondelete="RESTRICT"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    post: Mapped[Post] = relationship(back_populates="media_links")
    media: Mapped[MediaAsset] = relationship()


class HashtagSet(Base):
    __tablename__ = "hashtag_sets"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[HashtagSetKind] = mapped_column(_enum(HashtagSetKind))
    tags: Mapped[list[str]] = mapped_column(JSONText, default=list)
    starts_on: Mapped[date | None] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    position: Mapped[int] = mapped_column(Integer, default=0, server_default="0")  # since 0004


class Template(Base):
    """A reusable text with named ``{fields}`` (announcements, replies)."""

    __tablename__ = "templates"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(100), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    purpose: Mapped[str] = mapped_column(String(32), default="post")  # post | reply
    body: Mapped[str] = mapped_column(Text)
    fields: Mapped[list[str]] = mapped_column(JSONText, default=list)
    built_in: Mapped[bool] = mapped_column(Boolean, default=False)


class Unit(Base):
    """A municipal department that citizens' messages are routed to."""

    __tablename__ = "units"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    email: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    keywords: Mapped[list[str]] = mapped_column(JSONText, default=list)


#: Items still waiting for an answer (the service's filter and the partial index on them).
#: Written out literally (not as bound parameters) so that SQLite can use the partial index.
OPEN_ITEMS_SQL = "status IN ('new', 'read') AND deleted_at IS NULL"


class InboxItem(Base):
    """A citizen's comment, reply, mention or direct message, as received.

    ``text`` is the current text on the platform (earlier texts are in :class:`InboxItemRevision`);
    an item deleted on the platform keeps its text and gets ``deleted_at``. ``search_text`` is the
    Turkish-normalised copy of author and text that the full-text index reads (see
    :mod:`kurum_masaustu.store.search`); the ORM keeps it current, raw SQL writers fill it with
    :func:`~kurum_masaustu.store.search.search_document`.
    """

    __tablename__ = "inbox_items"
    __table_args__ = (
        UniqueConstraint("channel_id", "remote_id"),
        Index("ix_inbox_items_received_at", "received_at"),
        Index("ix_inbox_items_status_received_at", "status", "received_at"),
        # Filters of the inbox list, each in list order (newest first) and covering the other
        # filters' columns, so that combined filters are checked without reading the rows.
        Index(
            "ix_inbox_items_channel_id_received_at",
            "channel_id",
            "received_at",
            "id",
            "category",
            "unit_id",
            "kind",
            "negative",
            "status",
        ),
        Index(
            "ix_inbox_items_category_received_at",
            "category",
            "received_at",
            "id",
            "channel_id",
            "unit_id",
            "kind",
            "negative",
            "status",
        ),
        Index(
            "ix_inbox_items_unit_id_received_at",
            "unit_id",
            "received_at",
            "id",
            "category",
            "channel_id",
            "kind",
            "negative",
            "status",
        ),
        Index("ix_inbox_items_author_handle_received_at", "author_handle", "received_at"),
        Index("ix_inbox_items_parent_id", "parent_id"),
        Index("ix_inbox_items_delivery_id", "delivery_id"),
        # Unanswered items only: small, in list order, covering what the filter chips count.
        Index(
            "ix_inbox_items_open",
            "received_at",
            "id",
            "category",
            "negative",
            "channel_id",
            "kind",
            "unit_id",
            "status",
            "deleted_at",
            # (Migration 0003 makes it partial on PostgreSQL too; naming postgresql_where here would
            # import the PostgreSQL dialect at every start, ≈ 20 ms.)
            sqlite_where=text(OPEN_ITEMS_SQL),
        ),
        # The same items in chip order: the chips' GROUP BY streams through it without sorting.
        Index(
            "ix_inbox_items_open_counts",
            "category",
            "negative",
            "kind",
            "channel_id",
            "unit_id",
            "received_at",
            "status",
            "deleted_at",
            sqlite_where=text(OPEN_ITEMS_SQL),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    channel_id: Mapped[int] = mapped_column(ForeignKey("channels.id", ondelete="RESTRICT"))
    platform: Mapped[Platform] = mapped_column(_enum(Platform))
    remote_id: Mapped[str] = mapped_column(String(300))
    author_name: Mapped[str] = mapped_column(String(300), default="")
    author_handle: Mapped[str] = mapped_column(String(300), default="")
    text: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[InboxKind] = mapped_column(_enum(InboxKind))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("inbox_items.id", ondelete="SET NULL"))
    delivery_id: Mapped[int | None] = mapped_column(ForeignKey("deliveries.id", ondelete="SET NULL"))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)
    status: Mapped[InboxStatus] = mapped_column(_enum(InboxStatus), default=InboxStatus.NEW)
    category: Mapped[InboxCategory | None] = mapped_column(_enum(InboxCategory))
    negative: Mapped[bool] = mapped_column(Boolean, default=False)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id", ondelete="SET NULL"))
    # -- since revision 0003 ------------------------------------------------------------------
    # What the platform said the item answers and sits under (kept for linking and display).
    parent_remote_id: Mapped[str | None] = mapped_column(String(300))
    post_remote_id: Mapped[str | None] = mapped_column(String(300))
    # Edited on the platform (the earlier texts are revisions); deleted on the platform.
    edited_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Why the rules chose ``category`` and ``negative`` (rules.inbox.classify's reasons).
    classification_reasons: Mapped[list[str]] = mapped_column(JSONText, default=list, server_default="[]")
    # The person corrected category or tone: synchronisation never changes them again.
    category_corrected: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    search_text: Mapped[str | None] = mapped_column(Text)

    channel: Mapped[Channel] = relationship()
    parent: Mapped[InboxItem | None] = relationship(remote_side=[id])
    replies: Mapped[list[Reply]] = relationship(back_populates="item", cascade="all, delete-orphan")
    revisions: Mapped[list[InboxItemRevision]] = relationship(
        back_populates="item",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="InboxItemRevision.id",
    )


class InboxItemRevision(Base):
    """An earlier text of an inbox item, kept when the citizen edited it on the platform."""

    __tablename__ = "inbox_item_revisions"
    __table_args__ = (Index("ix_inbox_item_revisions_inbox_item_id", "inbox_item_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    inbox_item_id: Mapped[int] = mapped_column(ForeignKey("inbox_items.id", ondelete="CASCADE"))
    text: Mapped[str] = mapped_column(Text)
    # When we saw the text replaced (platforms do not tell every edit's time).
    replaced_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    item: Mapped[InboxItem] = relationship(back_populates="revisions")


_SEARCHED_FIELDS = ("author_name", "author_handle", "text")


@event.listens_for(InboxItem, "before_insert")
def _search_text_on_insert(_mapper: Mapper[InboxItem], _connection: Connection, item: InboxItem) -> None:
    item.search_text = search_document(item.author_name or "", item.author_handle or "", item.text or "")


@event.listens_for(InboxItem, "before_update")
def _search_text_on_update(_mapper: Mapper[InboxItem], _connection: Connection, item: InboxItem) -> None:
    state = inspect(item)
    if any(state.attrs[name].history.has_changes() for name in _SEARCHED_FIELDS):
        item.search_text = search_document(item.author_name or "", item.author_handle or "", item.text or "")


class Reply(Base):
    """Our answer to an inbox item; sent exactly once (``publishing.replies``, the outbox's rules:
    ``sending_since`` committed before the request, the outcome in a second transaction)."""

    __tablename__ = "replies"
    __table_args__ = (
        Index("ix_replies_inbox_item_id", "inbox_item_id"),
        Index("ix_replies_state", "state"),
        Index("ix_replies_remote_id", "remote_id"),  # a citizen answering our reply links to the thread
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    inbox_item_id: Mapped[int] = mapped_column(ForeignKey("inbox_items.id", ondelete="CASCADE"))
    text: Mapped[str] = mapped_column(Text)
    state: Mapped[ReplyState] = mapped_column(_enum(ReplyState), default=ReplyState.DRAFT)
    remote_id: Mapped[str | None] = mapped_column(String(300))
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # -- since revision 0006 ------------------------------------------------------------------
    idempotency_key: Mapped[str] = mapped_column(String(64), unique=True, default=lambda: uuid.uuid4().hex)
    sending_since: Mapped[datetime | None] = mapped_column(UTCDateTime)  # a request may be on its way
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    item: Mapped[InboxItem] = relationship(back_populates="replies")


class AppFlag(Base):
    """Small profile-wide switches that must survive restarts (e.g. publishing paused)."""

    __tablename__ = "app_flags"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[dict[str, Any]] = mapped_column(JSONText, default=dict)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class SpellingWord(Base):
    """A word of the institution's own (a mahalle, an institution, a person's name) that the
    spelling check accepts. ``kind``: ``mahalle``, ``kurum`` or ``diger``."""

    __tablename__ = "spelling_words"

    id: Mapped[int] = mapped_column(primary_key=True)
    word: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(32), default="diger")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class AuditEntry(Base):
    """Who did what, when: the institution's record of its official accounts."""

    __tablename__ = "audit_log"
    __table_args__ = (
        Index("ix_audit_log_at", "at"),
        Index("ix_audit_log_entity_entity_id", "entity", "entity_id", "at"),  # one item's history
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(100))
    entity: Mapped[str] = mapped_column(String(100), default="")
    entity_id: Mapped[int | None] = mapped_column(Integer)
    detail: Mapped[dict[str, Any]] = mapped_column(JSONText, default=dict)
