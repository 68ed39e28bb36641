"""Bringing citizens' comments, replies, mentions and messages into the inbox, channel by channel.

For every enabled channel (or the ones asked for) with an adapter, :func:`sync_inbox` reads
:meth:`Adapter.fetch_inbox` from the channel's ``inbox_cursor`` until a read brings nothing new,
and for each read, in **one transaction**, upserts the items by ``(channel_id, remote_id)`` and
stores the new cursor. So the cursor never runs ahead of the items it stands for: a crash or a
database error loses nothing, the next run reads the same items again and the upsert makes
that harmless.

What an item goes through:

* **New:** stored with the platform's time as ``received_at``, classified by
  :func:`kurum_masaustu.rules.inbox.classify` (category, tone and the reasons, shown to the
  person). Classification runs in a worker thread: a 50,000-character message takes a third of a
  second and the Qt loop must not wait for it.
* **Seen before, text changed:** the previous text is kept as an :class:`InboxItemRevision`,
  ``edited_at`` is set, and the item is classified again unless the person corrected it
  (``category_corrected``): a correction is never overwritten.
* **Deleted on the platform:** ``deleted_at`` is set and the text kept (the record of what was
  said); it no longer counts as unanswered.
* **Linked:** to its parent item (``parent_remote_id``: an item of the same channel, or, when a
  citizen answers one of our replies, the item that reply answered) and to our delivery
  (``post_remote_id`` equal to the delivery's ``remote_id``; else the parent's delivery). The
  remote ids are kept on the item too.
* **Duplicates** of a remote id within one read are applied in order (the later one wins, an
  edit if the text differs).

Bad input is stored as received, with two exceptions a database cannot hold: NUL characters
become U+FFFD (SQLite's text functions stop at NUL and PostgreSQL refuses it; the replacement
character shows where it was) and unpaired surrogates (from a platform's JSON) become U+FFFD.
Control characters, RTL overrides, emoji-only and 50,000-character messages are kept exactly;
names and handles are cut at 300 characters (their column size). Search finds all of them
(:mod:`kurum_masaustu.store.search`).

Platform answers: ``AuthExpired`` marks the channel (``auth_problem``, as the outbox does) and
skips it; ``RateLimited`` and ``Transient`` skip it; all are reported in the summary and the next
run tries again. A cursor the platform refuses (a ``Rejected`` answer to a read with a cursor) is
reset to None with a log line, and the channel is read again from the platform's newest items;
nothing stored is lost. An adapter that raises is logged and reported; other channels go on.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, sessionmaker

from kurum_masaustu.domain import InboxCategory, Platform
from kurum_masaustu.platforms.base import (
    Adapter,
    AuthExpired,
    InboxPage,
    RateLimited,
    Rejected,
    RemoteItem,
    Transient,
)
from kurum_masaustu.rules.channel_health import AWAITING_CONNECTION
from kurum_masaustu.rules.inbox import Classification, classify
from kurum_masaustu.store.models import AuditEntry, Channel, Delivery, InboxItem, InboxItemRevision, Reply

if TYPE_CHECKING:
    from kurum_masaustu.publishing.outbox import SecretSaver

log = logging.getLogger(__name__)

#: Builds the adapter for a channel (with its client and secrets); None if it cannot be built.
AdapterFactory = Callable[[Channel], Awaitable[Adapter | None]]
Classifier = Callable[[str], Classification]

#: Reads per channel and run: each read already follows the platform's pages (Mastodon up to
#: 400 items, Bluesky up to its page limit), so this only bounds a very long backlog.
MAX_READS = 25
NAME_LIMIT = 300  # author_name, author_handle, remote ids: String(300)
_IN_CHUNK = 500  # remote ids per IN (...) query


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass
class ChannelSync:
    """What one channel's synchronisation did, or why it was skipped."""

    channel_id: int
    channel_name: str
    new: int = 0
    edited: int = 0
    deleted: int = 0
    reads: int = 0
    #: None: done. Otherwise "auth_expired", "rate_limited", "transient", "rejected",
    #: "no_adapter" or "error" (the adapter raised; see the log).
    problem: str | None = None
    detail: str = ""
    retry_after: datetime | None = None
    cursor_reset: bool = False


@dataclass
class InboxSyncSummary:
    channels: list[ChannelSync] = field(default_factory=list)

    @property
    def new(self) -> int:
        return sum(c.new for c in self.channels)

    @property
    def edited(self) -> int:
        return sum(c.edited for c in self.channels)

    @property
    def deleted(self) -> int:
        return sum(c.deleted for c in self.channels)

    @property
    def skipped(self) -> list[ChannelSync]:
        """Channels not read, for any reason (including those without an adapter)."""
        return [c for c in self.channels if c.problem is not None]

    @property
    def failed(self) -> list[ChannelSync]:
        """Channels that could not be read. A channel without an adapter (a manual channel, a
        platform not connected yet) has no inbox to read: it is skipped, not failed."""
        return [c for c in self.channels if c.problem not in (None, "no_adapter")]

    @property
    def ok(self) -> bool:
        return not self.failed


async def sync_inbox(
    sessions: sessionmaker[Session],
    adapter_for: AdapterFactory,
    *,
    channels: Iterable[int] | None = None,
    clock: Callable[[], datetime] = utcnow,
    classifier: Classifier = classify,
    max_reads: int = MAX_READS,
    save_secrets: SecretSaver | None = None,
) -> InboxSyncSummary:
    """Read every enabled channel's inbox (or only ``channels``, by id) into the database.

    ``save_secrets`` stores a session the adapter renewed while reading (see the outbox)."""
    wanted = None if channels is None else set(channels)
    with sessions() as session:
        stmt = (
            select(Channel)
            .where(
                Channel.enabled.is_(True),
                or_(Channel.auth_problem.is_(None), Channel.auth_problem != AWAITING_CONNECTION),
            )
            .order_by(Channel.id)
        )  # a preset channel never connected has no token to read with
        if wanted is not None:
            stmt = stmt.where(Channel.id.in_(wanted))
        found = list(session.scalars(stmt))
        session.expunge_all()  # plain objects for the adapter factory, outside any session
    summary = InboxSyncSummary()
    for channel in found:
        result = ChannelSync(channel.id, channel.display_name)
        summary.channels.append(result)
        try:
            await _sync_channel(sessions, adapter_for, channel, result, clock, classifier, max_reads, save_secrets)
        except Exception as exc:  # an adapter's bug must not stop the other channels
            log.exception("inbox sync of channel %s failed", channel.id)
            result.problem, result.detail = "error", f"{type(exc).__name__}: {exc}"
    return summary


async def _sync_channel(
    sessions: sessionmaker[Session],
    adapter_for: AdapterFactory,
    channel: Channel,
    result: ChannelSync,
    clock: Callable[[], datetime],
    classifier: Classifier,
    max_reads: int,
    save_secrets: SecretSaver | None = None,
) -> None:
    adapter = await adapter_for(channel)
    if adapter is None:
        result.problem, result.detail = "no_adapter", "the channel's adapter could not be built"
        return
    cursor = channel.inbox_cursor
    for _ in range(max_reads):
        got: object = await adapter.fetch_inbox(cursor)
        result.reads += 1
        if save_secrets is not None:
            await save_secrets(channel.id)
        if isinstance(got, Rejected) and cursor is not None and not result.cursor_reset:
            log.warning(
                "channel %s: the platform refused the inbox cursor (%s: %s); reading from its newest items again",
                channel.id,
                got.code,
                got.platform_message,
            )
            _reset_cursor(sessions, channel.id, got, clock)
            result.cursor_reset = True
            cursor = None
            continue
        if not isinstance(got, InboxPage):
            _skip(sessions, channel.id, got, result)
            return
        new_cursor = got.cursor if got.cursor is not None else cursor
        if got.items or new_cursor != cursor:
            await _apply(sessions, channel, got.items, new_cursor, result, clock, classifier)
        if not got.items or new_cursor == cursor:
            return
        cursor = new_cursor


def _skip(sessions: sessionmaker[Session], channel_id: int, got: object, result: ChannelSync) -> None:
    if isinstance(got, AuthExpired):
        result.problem, result.detail = "auth_expired", got.detail
        with sessions.begin() as session:
            channel = session.get(Channel, channel_id)
            if channel is not None:
                channel.auth_problem = got.detail or "auth_expired"
    elif isinstance(got, RateLimited):
        result.problem, result.detail, result.retry_after = "rate_limited", got.detail, got.until
    elif isinstance(got, Transient):
        result.problem, result.detail = "transient", got.detail
    elif isinstance(got, Rejected):
        result.problem, result.detail = "rejected", f"{got.code}: {got.platform_message}"
    else:
        result.problem, result.detail = "error", f"unexpected answer from fetch_inbox: {type(got).__name__}"
    log.info("inbox sync of channel %s skipped: %s %s", channel_id, result.problem, result.detail)


def _reset_cursor(
    sessions: sessionmaker[Session], channel_id: int, refusal: Rejected, clock: Callable[[], datetime]
) -> None:
    with sessions.begin() as session:
        channel = session.get(Channel, channel_id)
        if channel is None:
            return
        old = channel.inbox_cursor
        channel.inbox_cursor = None
        session.add(
            AuditEntry(
                at=clock(),
                actor="inbox",
                action="inbox.cursor_reset",
                entity="channel",
                entity_id=channel_id,
                detail={"cursor": (old or "")[:200], "code": refusal.code, "message": refusal.platform_message[:500]},
            )
        )


# -- applying one read ---------------------------------------------------------------------------
def clean_text(value: str) -> str:
    """What the database can hold of a platform's text: NUL and unpaired surrogates become U+FFFD."""
    if "\x00" in value:
        value = value.replace("\x00", "\ufffd")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        # A pair given as two code points is joined, a lone surrogate replaced.
        value = value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return value


def _name(value: str) -> str:
    return clean_text(value)[:NAME_LIMIT]


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


@dataclass(frozen=True)
class _Incoming:
    remote_id: str
    item: RemoteItem
    text: str


async def _apply(
    sessions: sessionmaker[Session],
    channel: Channel,
    items: Sequence[RemoteItem],
    cursor: str | None,
    result: ChannelSync,
    clock: Callable[[], datetime],
    classifier: Classifier,
) -> None:
    incoming = [
        _Incoming(clean_text(item.remote_id), item, clean_text(item.text))
        for item in items
        if item.remote_id and item.remote_id.strip()
    ]
    # 1. Which texts need classifying (read in order, as step 2 applies them): a new item's,
    #    and the changed text of an item the person has not corrected.
    known = _known(sessions, channel.id, [entry.remote_id for entry in incoming])
    to_classify: set[str] = set()
    for entry in incoming:
        previous, corrected = known.get(entry.remote_id, (None, False))
        if previous is None:
            if entry.text or not entry.item.deleted:
                to_classify.add(entry.text)
                known[entry.remote_id] = (entry.text, False)
        elif not entry.item.deleted and entry.text != previous:
            if not corrected:
                to_classify.add(entry.text)
            known[entry.remote_id] = (entry.text, corrected)
    decided = await asyncio.to_thread(_classify_all, classifier, sorted(to_classify)) if to_classify else {}
    # 2. One transaction: the items, their links and the cursor. In a worker thread: a page of
    #    a few hundred items takes the ORM long enough to stall the window's event loop.
    now = clock()

    def write() -> None:
        with sessions.begin() as session:
            rows = _load(session, channel.id, [entry.remote_id for entry in incoming])
            touched: list[InboxItem] = []
            for entry in incoming:
                row = rows.get(entry.remote_id)
                if row is None:
                    if entry.item.deleted and not entry.text:
                        continue  # deleted before we ever saw it: nothing to keep
                    row = _new_item(channel, entry, decided, now)
                    session.add(row)
                    rows[entry.remote_id] = row
                    result.new += 1
                else:
                    _update_item(session, row, entry, decided, now, result)
                touched.append(row)
            session.flush()
            _link(session, channel.id, touched, rows)
            stored = session.get(Channel, channel.id)
            if stored is not None:
                stored.inbox_cursor = cursor

    await asyncio.get_event_loop().run_in_executor(None, write)  # as the sandbox's save: qasync-safe


def _classify_all(classifier: Classifier, texts: Sequence[str]) -> dict[str, Classification]:
    return {text: classifier(text) for text in texts}


def _known(
    sessions: sessionmaker[Session], channel_id: int, remote_ids: Sequence[str]
) -> dict[str, tuple[str | None, bool]]:
    """Text and correction flag of the items already stored, by remote id."""
    found: dict[str, tuple[str | None, bool]] = {}
    with sessions() as session:
        for chunk in _chunks(list(dict.fromkeys(remote_ids))):
            stmt = select(InboxItem.remote_id, InboxItem.text, InboxItem.category_corrected).where(
                InboxItem.channel_id == channel_id, InboxItem.remote_id.in_(chunk)
            )
            for remote_id, text, corrected in session.execute(stmt):
                found[remote_id] = (text, corrected)
    return found


def _load(session: Session, channel_id: int, remote_ids: Sequence[str]) -> dict[str, InboxItem]:
    rows: dict[str, InboxItem] = {}
    for chunk in _chunks(list(dict.fromkeys(remote_ids))):
        stmt = select(InboxItem).where(InboxItem.channel_id == channel_id, InboxItem.remote_id.in_(chunk))
        rows.update((item.remote_id, item) for item in session.scalars(stmt))
    return rows


def _classification(row: InboxItem, verdict: Classification | None) -> None:
    if verdict is None or row.category_corrected:
        return
    row.category = InboxCategory(verdict.category)
    row.negative = verdict.negative
    row.classification_reasons = list(verdict.reasons)


def _new_item(channel: Channel, entry: _Incoming, decided: dict[str, Classification], now: datetime) -> InboxItem:
    item = entry.item
    row = InboxItem(
        channel_id=channel.id,
        platform=Platform(channel.platform),
        remote_id=entry.remote_id,
        author_name=_name(item.author_name),
        author_handle=_name(item.author_handle),
        text=entry.text,
        kind=item.kind,
        received_at=_aware(item.created_at),
        parent_remote_id=_name(item.parent_remote_id) if item.parent_remote_id else None,
        post_remote_id=_name(item.post_remote_id) if item.post_remote_id else None,
        edited_at=now if item.edited else None,
        deleted_at=now if item.deleted else None,
        classification_reasons=[],
        category_corrected=False,
    )
    _classification(row, decided.get(entry.text))
    return row


def _update_item(
    session: Session,
    row: InboxItem,
    entry: _Incoming,
    decided: dict[str, Classification],
    now: datetime,
    result: ChannelSync,
) -> None:
    item = entry.item
    if item.deleted:
        if row.deleted_at is None:
            row.deleted_at = now
            result.deleted += 1
        return  # the text we have is the record; a deletion notice's text is not
    if entry.text != row.text:
        session.add(InboxItemRevision(item=row, text=row.text, replaced_at=now))  # row may be new in this read
        row.text = entry.text
        row.edited_at = now
        result.edited += 1
        _classification(row, decided.get(entry.text))
    elif item.edited and row.edited_at is None:
        row.edited_at = now  # edited on the platform before we first saw it
    for attribute, value in (("author_name", _name(item.author_name)), ("author_handle", _name(item.author_handle))):
        if value and value != getattr(row, attribute):
            setattr(row, attribute, value)
    if item.parent_remote_id and not row.parent_remote_id:
        row.parent_remote_id = _name(item.parent_remote_id)
    if item.post_remote_id and not row.post_remote_id:
        row.post_remote_id = _name(item.post_remote_id)


def _link(session: Session, channel_id: int, touched: Sequence[InboxItem], rows: dict[str, InboxItem]) -> None:
    """Deliveries and parents of the items of one read (their ids are known after the flush)."""
    unlinked = [row for row in touched if row.delivery_id is None or row.parent_id is None]
    if not unlinked:
        return
    # Our posts: the delivery whose remote id the item names as its post (or as its parent).
    named = sorted({rid for row in unlinked for rid in (row.post_remote_id, row.parent_remote_id) if rid})
    deliveries: dict[str, int] = {}
    for chunk in _chunks(named):
        stmt = select(Delivery.remote_id, Delivery.id).where(
            Delivery.channel_id == channel_id, Delivery.remote_id.in_(chunk)
        )
        deliveries.update((str(remote_id), delivery_id) for remote_id, delivery_id in session.execute(stmt))
    for row in unlinked:
        if row.delivery_id is None:
            row.delivery_id = deliveries.get(row.post_remote_id or "") or deliveries.get(row.parent_remote_id or "")
    # Parents: an item of this read, an item stored before, or (a citizen answering one of our
    # replies) the item that reply answered. Children inherit their parent's delivery.
    parent_ids = sorted({row.parent_remote_id for row in unlinked if row.parent_remote_id} - rows.keys())
    stored: dict[str, tuple[int, int | None]] = {}
    for chunk in _chunks(parent_ids):
        items = select(InboxItem.remote_id, InboxItem.id, InboxItem.delivery_id).where(
            InboxItem.channel_id == channel_id, InboxItem.remote_id.in_(chunk)
        )
        stored.update((remote_id, (item_id, delivery_id)) for remote_id, item_id, delivery_id in session.execute(items))
        ours = (
            select(Reply.remote_id, InboxItem.id, InboxItem.delivery_id)
            .join(InboxItem, InboxItem.id == Reply.inbox_item_id)
            .where(InboxItem.channel_id == channel_id, Reply.remote_id.in_(chunk))
        )
        for remote_id, item_id, delivery_id in session.execute(ours):
            stored.setdefault(str(remote_id), (item_id, delivery_id))
    for row in unlinked:
        if not row.parent_remote_id:
            continue
        live = rows.get(row.parent_remote_id)
        parent = (live.id, live.delivery_id) if live is not None else stored.get(row.parent_remote_id)
        if parent is None or parent[0] == row.id:
            continue
        if row.parent_id is None:
            row.parent_id = parent[0]
        if row.delivery_id is None:
            row.delivery_id = parent[1]


def _chunks(values: Sequence[str]) -> Iterable[Sequence[str]]:
    for start in range(0, len(values), _IN_CHUNK):
        yield values[start : start + _IN_CHUNK]
