"""The hashtag library: the person's sets (general, local, event with dates), in their order."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from kurum_masaustu.domain import HashtagSetKind
from kurum_masaustu.rules.hashtags import parse_tags
from kurum_masaustu.store.models import AuditEntry, HashtagSet


class HashtagSetError(ValueError):
    """A set cannot be saved as asked; ``code``: ``empty_name``, ``no_tags``, ``invalid_tags``
    (``detail`` lists them), ``dates`` (an end before the start), ``not_found``."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail


@dataclass(frozen=True)
class HashtagSetRecord:
    id: int
    name: str
    kind: HashtagSetKind
    tags: tuple[str, ...]  # without "#"
    starts_on: date | None
    ends_on: date | None


class HashtagLibrary:
    def __init__(self, sessions: sessionmaker[Session], actor: str = "kullanıcı") -> None:
        self._sessions = sessions
        self._actor = actor

    def list(self) -> list[HashtagSetRecord]:
        with self._sessions() as session:
            return [
                _record(row) for row in session.scalars(select(HashtagSet).order_by(HashtagSet.position, HashtagSet.id))
            ]

    def save(
        self,
        set_id: int | None,
        name: str,
        kind: HashtagSetKind,
        tags: str | Sequence[str],
        starts_on: date | None = None,
        ends_on: date | None = None,
    ) -> HashtagSetRecord:
        """Create (``set_id`` None, placed last) or update a set; tags as typed ("#" optional)."""
        name = name.strip()
        if not name:
            raise HashtagSetError("empty_name")
        valid, invalid = parse_tags(tags if isinstance(tags, str) else " ".join(tags))
        if invalid:
            raise HashtagSetError("invalid_tags", ", ".join(invalid))
        if not valid:
            raise HashtagSetError("no_tags")
        if kind is not HashtagSetKind.EVENT:
            starts_on = ends_on = None
        if starts_on and ends_on and ends_on < starts_on:
            raise HashtagSetError("dates")
        with self._sessions.begin() as session:
            if set_id is None:
                last = session.scalar(select(func.max(HashtagSet.position))) or 0
                row = HashtagSet(position=last + 1)
                session.add(row)
            else:
                found = session.get(HashtagSet, set_id)
                if found is None:
                    raise HashtagSetError("not_found", str(set_id))
                row = found
            row.name, row.kind, row.tags, row.starts_on, row.ends_on = name, kind, valid, starts_on, ends_on
            session.flush()
            self._audit(session, "hashtags.create" if set_id is None else "hashtags.save", row.id, name)
            return _record(row)

    def delete(self, set_id: int) -> None:
        with self._sessions.begin() as session:
            row = session.get(HashtagSet, set_id)
            if row is None:
                raise HashtagSetError("not_found", str(set_id))
            self._audit(session, "hashtags.delete", row.id, row.name)
            session.delete(row)

    def move(self, set_id: int, step: int) -> bool:
        """Move a set ``step`` places up (negative) or down; False when it cannot move."""
        with self._sessions.begin() as session:
            rows = list(session.scalars(select(HashtagSet).order_by(HashtagSet.position, HashtagSet.id)))
            index = next((i for i, row in enumerate(rows) if row.id == set_id), None)
            if index is None or not 0 <= index + step < len(rows):
                return False
            rows.insert(index + step, rows.pop(index))
            for position, row in enumerate(rows, 1):
                row.position = position
            return True

    def _audit(self, session: Session, action: str, set_id: int, name: str) -> None:
        session.add(
            AuditEntry(actor=self._actor, action=action, entity="hashtag_set", entity_id=set_id, detail={"name": name})
        )


def _record(row: HashtagSet) -> HashtagSetRecord:
    return HashtagSetRecord(
        row.id, row.name, row.kind, tuple(t.lstrip("#") for t in row.tags), row.starts_on, row.ends_on
    )
