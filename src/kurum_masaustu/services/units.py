"""Editing the municipal units messages are routed to (the ``units`` table). Deleting a unit
that messages are assigned to moves them first (to another unit or to nobody), each move in
the item's history, so no assignment disappears unsaid."""

from __future__ import annotations

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session, sessionmaker

from kurum_masaustu.rules.units import UnitCard, card_problems
from kurum_masaustu.services.routing import RoutingService, UnitRow
from kurum_masaustu.store.models import AuditEntry, InboxItem, Unit


class UnitError(ValueError):
    """``codes``: the problems of the card (rules/units.py), or "no_unit", "in_use"."""

    def __init__(self, codes: list[str], count: int = 0) -> None:
        super().__init__(", ".join(codes))
        self.codes = codes
        self.count = count


class UnitService:
    def __init__(self, sessions: sessionmaker[Session], *, actor: str = "kullanıcı") -> None:
        self._sessions = sessions
        self._actor = actor

    def units(self) -> list[UnitRow]:
        return RoutingService(self._sessions).units()

    def save(self, unit_id: int | None, card: UnitCard) -> int:
        """Add (``unit_id`` None) or change a unit; returns its id. Refuses a bad card."""
        with self._sessions.begin() as session:
            others = session.scalars(select(Unit.name).where(Unit.id != (unit_id or -1))).all()
            problems = card_problems(card, others)
            if problems:
                raise UnitError(problems)
            unit = Unit() if unit_id is None else session.get(Unit, unit_id)
            if unit is None:
                raise UnitError(["no_unit"])
            before = unit.name
            unit.name, unit.email, unit.phone, unit.keywords = card.name, card.email, card.phone, list(card.keywords)
            session.add(unit)
            session.flush()
            action = "unit.added" if unit_id is None else "unit.changed"
            detail = (
                {"name": card.name} if unit_id is None or before == card.name else {"name": card.name, "was": before}
            )
            session.add(AuditEntry(actor=self._actor, action=action, entity="unit", entity_id=unit.id, detail=detail))
            return unit.id

    def assigned_count(self, unit_id: int) -> int:
        with self._sessions() as session:
            return session.scalar(select(func.count()).select_from(InboxItem).where(InboxItem.unit_id == unit_id)) or 0

    def delete(self, unit_id: int, *, move_to: int | None = None, move: bool = False) -> int:
        """Delete a unit. If messages are assigned to it, ``move`` must be True: they go to
        ``move_to`` (None: to nobody), each move in the item's history. Returns how many moved."""
        with self._sessions.begin() as session:
            unit = session.get(Unit, unit_id)
            if unit is None:
                raise UnitError(["no_unit"])
            target = session.get(Unit, move_to) if move_to is not None else None
            if move_to is not None and (target is None or move_to == unit_id):
                raise UnitError(["no_unit"])
            ids = session.scalars(select(InboxItem.id).where(InboxItem.unit_id == unit_id)).all()
            if ids and not move:
                raise UnitError(["in_use"], len(ids))
            if ids:
                session.execute(update(InboxItem).where(InboxItem.unit_id == unit_id).values(unit_id=move_to))
                detail = {"unit": target.name if target else "", "was": unit.name, "why": "unit deleted"}
                session.execute(
                    insert(AuditEntry),
                    [
                        {
                            "actor": self._actor,
                            "action": "inbox.assigned",
                            "entity": "inbox_item",
                            "entity_id": i,
                            "detail": detail,
                        }
                        for i in ids
                    ],
                )
            session.add(
                AuditEntry(
                    actor=self._actor,
                    action="unit.deleted",
                    entity="unit",
                    entity_id=unit_id,
                    detail={"name": unit.name, "moved": len(ids), "to": target.name if target else ""},
                )
            )
            session.delete(unit)
            return len(ids)
