"""Reading the inbox a page at a time (it may hold a million items)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select, tuple_
from sqlalchemy.orm import Session, sessionmaker

from kurum_masaustu.domain import InboxCategory, InboxKind, InboxStatus, Platform
from kurum_masaustu.store.models import Channel, InboxItem


@dataclass(frozen=True)
class InboxRow:
    id: int
    received_at: datetime
    platform: Platform
    channel_name: str
    author_name: str
    author_handle: str
    kind: InboxKind
    status: InboxStatus
    category: InboxCategory | None
    negative: bool
    text: str


@dataclass(frozen=True)
class PageCursor:
    """Keyset position: the last row of the previous page (newest first)."""

    received_at: datetime
    id: int


class InboxService:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def count(self) -> int:
        with self._sessions() as session:
            return session.scalar(select(func.count()).select_from(InboxItem)) or 0

    def page(self, after: PageCursor | None, limit: int) -> list[InboxRow]:
        """Up to ``limit`` items, newest first, after ``after`` (keyset paging: no OFFSET scans)."""
        stmt = (
            select(InboxItem, Channel.display_name)
            .join(Channel, InboxItem.channel_id == Channel.id)
            .order_by(InboxItem.received_at.desc(), InboxItem.id.desc())
            .limit(limit)
        )
        if after is not None:
            stmt = stmt.where(tuple_(InboxItem.received_at, InboxItem.id) < tuple_(after.received_at, after.id))
        with self._sessions() as session:
            return [
                InboxRow(
                    id=item.id,
                    received_at=item.received_at,
                    platform=item.platform,
                    channel_name=channel_name,
                    author_name=item.author_name,
                    author_handle=item.author_handle,
                    kind=item.kind,
                    status=item.status,
                    category=item.category,
                    negative=item.negative,
                    text=item.text,
                )
                for item, channel_name in session.execute(stmt)
            ]

    def unanswered_count(self) -> int:
        with self._sessions() as session:
            stmt = select(func.count()).select_from(InboxItem).where(InboxItem.status == InboxStatus.NEW)
            return session.scalar(stmt) or 0
