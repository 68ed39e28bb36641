"""The one interface every platform adapter implements, and the outcomes it reports.

Adapters speak HTTP through an injected ``httpx.AsyncClient`` (real network, a sandbox
transport, or a loopback test server) and never import Qt. They never raise for a platform's
answer: every call returns an :class:`Outcome` the outbox understands. Only programming
errors raise.
"""

from __future__ import annotations

import abc
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kurum_masaustu.domain import InboxKind, Platform, PostKind

if TYPE_CHECKING:  # adapters get a client; importing httpx here would slow the first paint
    import httpx


# -- what we ask -----------------------------------------------------------------------------
@dataclass(frozen=True)
class MediaFile:
    """A prepared file to upload (already the platform's variant, metadata stripped)."""

    path: Path
    mime_type: str
    alt_text: str = ""
    width: int | None = None
    height: int | None = None
    #: Where the subject is in this file (fractions of width and height, (0, 0) top left); None
    #: when the person set none (the centre). Only platforms with a focus field use it (Mastodon).
    focal: tuple[float, float] | None = None


@dataclass(frozen=True)
class Poll:
    options: tuple[str, ...]
    duration_minutes: int
    multiple: bool = False


@dataclass(frozen=True)
class PublishRequest:
    """One delivery as the platform should receive it.

    ``idempotency_key`` is stable for the delivery across retries and restarts: platforms that
    support it (Mastodon's ``Idempotency-Key``, Bluesky's client-chosen ``rkey``) get it, the
    others use it to recognise their own post when reconciling.
    """

    text: str
    idempotency_key: str
    kind: PostKind = PostKind.TEXT
    media: tuple[MediaFile, ...] = ()
    poll: Poll | None = None
    reply_to: str | None = None
    link: str | None = None
    language: str = "tr"
    scheduled_at: datetime | None = None  # only for platforms with native scheduling


# -- what we get back ------------------------------------------------------------------------
@dataclass(frozen=True)
class Published:
    remote_id: str
    permalink: str
    scheduled: bool = False  # handed to the platform's own scheduler


@dataclass(frozen=True)
class AuthExpired:
    detail: str


@dataclass(frozen=True)
class RateLimited:
    until: datetime
    detail: str = ""


@dataclass(frozen=True)
class Rejected:
    """A permanent refusal: retrying the same request cannot succeed.

    ``code`` is ours (stable, for the UI's Turkish message); ``platform_message`` is what the
    platform said, kept for the person and the log.
    """

    code: str
    platform_message: str
    data: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Transient:
    """Worth retrying later (network error, 5xx, timeout, processing not finished)."""

    detail: str
    retry_after_seconds: float | None = None


@dataclass(frozen=True)
class Unknown:
    """The platform cannot tell whether a post exists (a look-up that cannot see it).

    Only :meth:`Adapter.find_published` returns it: the delivery is then neither sent again
    nor counted as published, and the person is asked to check.
    """

    detail: str


@dataclass(frozen=True)
class Done:
    """Success of a call that has nothing to return (delete, hide)."""


Outcome = Published | AuthExpired | RateLimited | Rejected | Transient
ActionOutcome = Done | AuthExpired | RateLimited | Rejected | Transient


@dataclass(frozen=True)
class AccountInfo:
    remote_id: str
    handle: str
    display_name: str
    token_expires_at: datetime | None = None


@dataclass(frozen=True)
class RemoteItem:
    """A comment, reply, mention or direct message as the platform gave it."""

    remote_id: str
    kind: InboxKind
    author_name: str
    author_handle: str
    text: str
    created_at: datetime
    parent_remote_id: str | None = None
    post_remote_id: str | None = None
    edited: bool = False
    deleted: bool = False


@dataclass(frozen=True)
class InboxPage:
    items: tuple[RemoteItem, ...]
    cursor: str | None  # give back next time; None: nothing new was seen


@dataclass(frozen=True)
class Metrics:
    values: Mapping[str, int]


# -- the interface ---------------------------------------------------------------------------
class Adapter(abc.ABC):
    """One channel on one platform.

    ``settings`` are the channel's non-secret settings (base URL, page id…); ``secrets`` come
    from the keyring and are held only in memory, never logged.
    """

    platform: Platform

    def __init__(self, client: httpx.AsyncClient, settings: Mapping[str, Any], secrets: Mapping[str, str]) -> None:
        self.client = client
        self.settings = dict(settings)
        self._secrets = dict(secrets)

    @abc.abstractmethod
    async def verify(self) -> AccountInfo | AuthExpired | RateLimited | Rejected | Transient:
        """Check the credentials and return who we are posting as."""

    @abc.abstractmethod
    async def publish(self, request: PublishRequest) -> Outcome:
        """Publish (or hand to the platform's scheduler) one delivery."""

    @abc.abstractmethod
    async def find_published(
        self, request: PublishRequest, since: datetime
    ) -> Published | AuthExpired | RateLimited | Transient | Unknown | None:
        """After a crash: the post this request already created, if the platform has it.

        None means the platform answered and does not have it (it may be sent again);
        :class:`Unknown`, that the platform cannot show whether it has it.
        """

    @abc.abstractmethod
    async def delete(self, remote_id: str) -> ActionOutcome:
        """Remove a published post."""

    async def fetch_inbox(self, cursor: str | None) -> InboxPage | AuthExpired | RateLimited | Transient:
        """New comments, replies, mentions and messages since ``cursor``."""
        return InboxPage((), cursor)

    async def reply(self, parent_remote_id: str, text: str, idempotency_key: str) -> Outcome:
        return Rejected("unsupported", "replies are not supported on this platform")

    async def hide(self, remote_id: str) -> ActionOutcome:
        return Rejected("unsupported", "hiding comments is not supported on this platform")

    async def delete_comment(self, remote_id: str) -> ActionOutcome:
        """Delete a citizen's comment under our post (moderation; where the platform allows it)."""
        return Rejected("unsupported", "deleting others' comments is not supported on this platform")

    async def metrics(self, remote_ids: Sequence[str]) -> Mapping[str, Metrics] | Transient:
        return {}

    async def stable_id(self, remote_id: str) -> str | None:
        """The lasting form of a remote id read from a pasted link, if it has a better one
        (Bluesky: the AT-URI under the account's DID instead of its handle); None: keep it as it
        is for now (already stable, or the platform could not say)."""
        return None

    def updated_secrets(self) -> Mapping[str, str] | None:
        """The complete secrets after a token refresh, for the caller to store in the keyring.

        Safe to call repeatedly: returns the same set until the next renewal (None if nothing
        was renewed since the adapter was built).
        """
        return None
