"""The "publishing paused" switch (crisis, national mourning, by hand), kept in the profile.

Small on purpose: the window reads it at start-up without loading the outbox.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy.orm import Session, sessionmaker

from kurum_masaustu.store.models import AppFlag, AuditEntry

PAUSE_FLAG = "publishing_paused"


def utcnow() -> datetime:
    return datetime.now(UTC)


class PauseSwitch:
    def __init__(
        self, sessions: sessionmaker[Session], *, clock: Callable[[], datetime] = utcnow, actor: str = "kullanıcı"
    ) -> None:
        self._sessions = sessions
        self._clock = clock
        self._actor = actor

    def pause(self, reason: str, until: datetime | None = None, mode: str = "manual") -> None:
        """Stop all publishing until :meth:`resume`; ``mode`` is "crisis", "mourning" or "manual"."""
        with self._sessions.begin() as session:
            flag = session.get(AppFlag, PAUSE_FLAG) or AppFlag(key=PAUSE_FLAG)
            flag.value = {
                "reason": reason,
                "mode": mode,
                "since": self._clock().isoformat(),
                "until": until.isoformat() if until else None,
            }
            session.add(flag)
            session.add(
                AuditEntry(actor=self._actor, action="publishing.pause", detail={"reason": reason, "mode": mode})
            )

    def resume(self) -> None:
        with self._sessions.begin() as session:
            flag = session.get(AppFlag, PAUSE_FLAG)
            if flag is not None:
                session.delete(flag)
                session.add(AuditEntry(actor=self._actor, action="publishing.resume"))

    def paused(self) -> dict[str, str | None] | None:
        """The pause's reason and times, or None when publishing runs; an expired pause ends."""
        with self._sessions() as session:
            flag = session.get(AppFlag, PAUSE_FLAG)
            if flag is None:
                return None
            until = flag.value.get("until")
            value: dict[str, str | None] = dict(flag.value)
        if until and datetime.fromisoformat(until) <= self._clock():
            self.resume()
            return None
        return value
