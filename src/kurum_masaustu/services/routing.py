"""Routing inbox items to municipal units: suggest, assign, note, hand off by e-mail draft or as
a Beyaz Masa / CİMER note, and moderation (hide on the platform). Every step is an audit entry
on the item (its history)."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kurum_masaustu.domain import InboxKind, InboxStatus
from kurum_masaustu.platforms.base import Adapter, Done, Rejected
from kurum_masaustu.rules.routing import (
    Handoff,
    UnitKeywords,
    forward_mail,
    mailto_url,
    minimise,
    official_note,
    reference_number,
    suggest_units,
)
from kurum_masaustu.store.models import AuditEntry, Channel, InboxItem, Unit

log = logging.getLogger(__name__)


class RoutingError(ValueError):
    """``code``: "no_item", "no_unit", "no_email", "write_failed"."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail


@dataclass(frozen=True)
class UnitRow:
    id: int
    name: str
    email: str
    phone: str
    keywords: tuple[str, ...]


@dataclass(frozen=True)
class MailDraft:
    url: str
    subject: str
    body: str
    removed: tuple[str, ...]


def utcnow() -> datetime:
    return datetime.now(UTC)


class RoutingService:
    def __init__(
        self, sessions: sessionmaker[Session], *, actor: str = "kullanıcı", clock: Callable[[], datetime] = utcnow
    ) -> None:
        self._sessions = sessions
        self._actor = actor
        self._clock = clock

    @property
    def sessions(self) -> sessionmaker[Session]:
        return self._sessions

    def units(self) -> list[UnitRow]:
        with self._sessions() as session:
            return [
                UnitRow(u.id, u.name, u.email, u.phone, tuple(u.keywords or ()))
                for u in session.scalars(select(Unit).order_by(Unit.name))
            ]

    def suggest(self, item_id: int) -> list[int]:
        """Units whose keywords the message mentions, most mentions first."""
        with self._sessions() as session:
            text = session.scalar(select(InboxItem.text).where(InboxItem.id == item_id)) or ""
        return suggest_units(text, [UnitKeywords(u.id, u.name, u.keywords) for u in self.units()])

    def _audit(self, session: Session, item_id: int, action: str, detail: dict[str, object]) -> None:
        session.add(AuditEntry(actor=self._actor, action=action, entity="inbox_item", entity_id=item_id, detail=detail))

    def _item_and_unit(self, session: Session, item_id: int, unit_id: int | None) -> tuple[InboxItem, Unit | None]:
        item = session.get(InboxItem, item_id)
        if item is None:
            raise RoutingError("no_item", str(item_id))
        unit = session.get(Unit, unit_id) if unit_id is not None else None
        if unit_id is not None and unit is None:
            raise RoutingError("no_unit", str(unit_id))
        return item, unit

    def assign(self, item_id: int, unit_id: int | None) -> None:
        """Give the item to a unit (None: to nobody)."""
        with self._sessions.begin() as session:
            item, unit = self._item_and_unit(session, item_id, unit_id)
            if item.unit_id == unit_id:
                return
            item.unit_id = unit_id
            self._audit(session, item_id, "inbox.assigned", {"unit": unit.name if unit else ""})

    def note(self, item_id: int, text: str) -> None:
        """An internal note on the item (never sent anywhere)."""
        if not text.strip():
            return
        with self._sessions.begin() as session:
            self._item_and_unit(session, item_id, None)
            self._audit(session, item_id, "inbox.note", {"note": text.strip()})

    def _handoff(self, item: InboxItem, unit: Unit, note: str, channel_name: str) -> Handoff:
        category = item.category.value if item.category else "other"
        return Handoff(
            reference_number(item.id, item.received_at),
            unit.name,
            item.received_at,
            channel_name,
            _CATEGORY_TR.get(category, category),
            item.text,
            note,
        )

    def preview(self, item_id: int, unit_id: int, note: str = "") -> tuple[str, str] | None:
        """Subject and body the unit would get (nothing recorded); None if item or unit is gone."""
        with self._sessions() as session:
            try:
                item, unit = self._item_and_unit(session, item_id, unit_id)
            except RoutingError:
                return None
            assert unit is not None
            channel = session.get(Channel, item.channel_id)
            return forward_mail(self._handoff(item, unit, note, channel.display_name if channel else ""))

    def forward(self, item_id: int, unit_id: int, note: str = "") -> MailDraft:
        """The e-mail draft to the unit (assigning the item to it); recorded in the history."""
        with self._sessions.begin() as session:
            item, unit = self._item_and_unit(session, item_id, unit_id)
            assert unit is not None
            if not unit.email.strip():
                raise RoutingError("no_email", unit.name)
            channel = session.get(Channel, item.channel_id)
            handoff = self._handoff(item, unit, note, channel.display_name if channel else "")
            subject, body = forward_mail(handoff)
            removed = minimise(item.text).removed
            if item.unit_id != unit.id:
                item.unit_id = unit.id
                self._audit(session, item_id, "inbox.assigned", {"unit": unit.name})
            self._audit(
                session,
                item_id,
                "inbox.forwarded",
                {"unit": unit.name, "to": unit.email, "reference": handoff.reference, "removed": list(removed)},
            )
            return MailDraft(mailto_url(unit.email, subject, body), subject, body, removed)

    def export(self, item_id: int, unit_id: int, path: Path, note: str = "") -> str:
        """Write the Beyaz Masa / CİMER note to ``path`` (UTF-8); returns its text."""
        from kurum_masaustu.services.inbox import turkish_business_hours

        with self._sessions() as session:
            item, unit = self._item_and_unit(session, item_id, unit_id)
            assert unit is not None
            channel = session.get(Channel, item.channel_id)
            handoff = self._handoff(item, unit, note, channel.display_name if channel else "")
        year = item.received_at.year
        closed = turkish_business_hours(range(year, year + 2)).holidays
        text = official_note(handoff, closed)
        try:
            path.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise RoutingError("write_failed", str(exc)) from exc
        with self._sessions.begin() as session:
            self._audit(
                session,
                item_id,
                "inbox.exported",
                {"unit": unit.name, "file": path.name, "reference": handoff.reference},
            )
        return text

    async def hide(
        self, item_id: int, reason: str, adapter_for: Callable[[Channel], Awaitable[Adapter | None]]
    ) -> str | None:
        """Hide the comment on its platform, with the reason in the audit log.

        Returns None when hidden, else a problem code ("unsupported", "no_adapter", the platform's
        refusal code, or "transient"); the attempt is recorded either way.
        """
        return await self._moderate(item_id, reason, adapter_for, delete=False)

    async def delete_comment(
        self, item_id: int, reason: str, adapter_for: Callable[[Channel], Awaitable[Adapter | None]]
    ) -> str | None:
        """Delete a citizen's comment on its platform (Facebook, Instagram, Telegram and LinkedIn allow it),
        with the reason in the audit log. The text stays here, marked deleted; a private message
        is never deleted ("not_a_comment"). Returns None when deleted, else a problem code."""
        with self._sessions() as session:
            item, _ = self._item_and_unit(session, item_id, None)
            if item.kind is InboxKind.DIRECT_MESSAGE:
                return "not_a_comment"
        return await self._moderate(item_id, reason, adapter_for, delete=True)

    async def _moderate(
        self, item_id: int, reason: str, adapter_for: Callable[[Channel], Awaitable[Adapter | None]], *, delete: bool
    ) -> str | None:
        with self._sessions() as session:
            item, _ = self._item_and_unit(session, item_id, None)
            channel = session.get(Channel, item.channel_id)
            remote_id = item.remote_id
        adapter = await adapter_for(channel) if channel is not None else None
        problem: str | None
        if adapter is None:
            problem = "no_adapter"
        else:
            outcome = await (adapter.delete_comment(remote_id) if delete else adapter.hide(remote_id))
            if isinstance(outcome, Done):
                problem = None
            elif isinstance(outcome, Rejected):
                problem = outcome.code
            else:
                problem = "transient"
        action = "inbox.deleted" if delete else "inbox.hidden"
        with self._sessions.begin() as session:
            stored = session.get(InboxItem, item_id)
            if stored is None:
                return "no_item"
            if problem is not None:
                failed = "inbox.delete_failed" if delete else "inbox.hide_failed"
                self._audit(session, item_id, failed, {"reason": reason, "problem": problem})
            elif delete:
                stored.deleted_at = stored.deleted_at or self._clock()
                self._audit(session, item_id, action, {"reason": reason})
            else:
                stored.status = InboxStatus.HIDDEN
                self._audit(session, item_id, action, {"reason": reason})
        return problem


_CATEGORY_TR = {
    "question": "Soru",
    "complaint": "Şikâyet",
    "request": "Talep",
    "praise": "Teşekkür",
    "spam": "İstenmeyen",
    "abuse": "Hakaret",
    "other": "Diğer",
}
