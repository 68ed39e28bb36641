"""The checklist's records: override notes in the audit log, read back when a post is opened.

A warning the person chose to accept is kept as an ``checklist.override`` entry on the post,
with the item, the warning's exact signature (so a new problem needs a new note), what was
warned about, and the note.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kurum_masaustu.rules.checklist import Item, Status
from kurum_masaustu.store.models import AuditEntry

OVERRIDE_ACTION = "checklist.override"


class ChecklistRecords:
    def __init__(self, sessions: sessionmaker[Session], actor: str = "kullanıcı") -> None:
        self._sessions = sessions
        self._actor = actor

    def record_overrides(self, post_id: int, items: Sequence[Item], notes: Mapping[str, str]) -> int:
        """Write an audit entry for each warning in ``items`` that has a note and was not
        recorded for this post before; returns how many were written."""
        done = self.overrides(post_id)
        written = 0
        with self._sessions.begin() as session:
            for item in items:
                note = notes.get(item.signature, "").strip()
                if item.status is not Status.WARN or not note or done.get(item.signature) == note:
                    continue
                session.add(
                    AuditEntry(
                        actor=self._actor,
                        action=OVERRIDE_ACTION,
                        entity="post",
                        entity_id=post_id,
                        detail={
                            "item": item.key.value,
                            "code": item.code,
                            "values": list(item.values),
                            "signature": item.signature,
                            "note": note,
                        },
                    )
                )
                written += 1
        return written

    def overrides(self, post_id: int) -> dict[str, str]:
        """The notes recorded for this post, by warning signature (the latest note wins)."""
        stmt = (
            select(AuditEntry.detail)
            .where(AuditEntry.entity == "post", AuditEntry.entity_id == post_id, AuditEntry.action == OVERRIDE_ACTION)
            .order_by(AuditEntry.id)
        )
        with self._sessions() as session:
            found: dict[str, str] = {}
            for detail in session.scalars(stmt):
                signature, note = detail.get("signature"), detail.get("note")
                if isinstance(signature, str) and isinstance(note, str):
                    found[signature] = note
            return found
