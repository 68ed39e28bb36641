"""Vocabulary shared by every layer: platforms, states and kinds. Pure; no Qt, no I/O."""

from __future__ import annotations

from enum import StrEnum


class Platform(StrEnum):
    FACEBOOK = "facebook"
    INSTAGRAM = "instagram"
    X = "x"
    LINKEDIN = "linkedin"
    MASTODON = "mastodon"
    BLUESKY = "bluesky"
    TELEGRAM = "telegram"
    MANUAL = "manual"


class PostKind(StrEnum):
    TEXT = "text"
    IMAGE = "image"
    CAROUSEL = "carousel"
    VIDEO = "video"
    POLL = "poll"
    STORY = "story"
    REEL = "reel"
    THREAD = "thread"


class DeliveryState(StrEnum):
    """Life of one post on one channel.

    draft → scheduled → publishing → published; publishing may end in failed (retried or
    given up) and a scheduled delivery may be paused or cancelled. ``handed_off`` is a post
    the platform holds with its own schedule (e.g. Mastodon ``scheduled_at``).

    Two states wait for the person: ``uncertain``, a request whose answer was lost on a
    platform that cannot tell whether the post exists (it is never sent again on its own: the
    person records the link, or sends it again); and ``missed``, a delivery that would have gone
    out too late (whatever held it: app closed, offline, paused, a channel to reconnect, a rate
    limit), under the "ask" missed-slot policy (publish now, or not at all).
    """

    DRAFT = "draft"
    SCHEDULED = "scheduled"
    PUBLISHING = "publishing"
    HANDED_OFF = "handed_off"
    PUBLISHED = "published"
    FAILED = "failed"
    CANCELLED = "cancelled"
    UNCERTAIN = "uncertain"
    MISSED = "missed"


#: States the outbox still has to work on.
PENDING_STATES = frozenset({DeliveryState.SCHEDULED, DeliveryState.PUBLISHING})


class Category(StrEnum):
    """What a post is for (seed chapter 1: inform, announce, engage)."""

    ANNOUNCEMENT = "announcement"
    SERVICE = "service"
    EVENT = "event"
    CELEBRATION = "celebration"
    COMMEMORATION = "commemoration"
    AWARENESS = "awareness"
    CRISIS = "crisis"
    ENGAGEMENT = "engagement"


class MediaType(StrEnum):
    IMAGE = "image"
    VIDEO = "video"


class InboxKind(StrEnum):
    COMMENT = "comment"
    REPLY = "reply"
    MENTION = "mention"
    DIRECT_MESSAGE = "direct_message"


class InboxStatus(StrEnum):
    NEW = "new"
    READ = "read"
    ANSWERED = "answered"
    RESOLVED = "resolved"
    HIDDEN = "hidden"


class InboxCategory(StrEnum):
    QUESTION = "question"
    COMPLAINT = "complaint"
    REQUEST = "request"
    PRAISE = "praise"
    SPAM = "spam"
    ABUSE = "abuse"
    OTHER = "other"


class ReplyState(StrEnum):
    """Life of one reply: draft → queued → sending → sent (or failed).

    ``sending`` means a request may have reached the platform (reconciled before anything is
    sent again); ``uncertain`` means the platform cannot tell us whether it arrived and the
    person has to look (and then marks it sent, or sends it again).
    """

    DRAFT = "draft"
    QUEUED = "queued"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"
    UNCERTAIN = "uncertain"


class HashtagSetKind(StrEnum):
    GENERAL = "general"
    LOCAL = "local"
    EVENT = "event"
