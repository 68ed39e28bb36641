"""Crisis support: the negative-spike check over the inbox, the crisis plan (shipped, editable,
kept in the profile), holding statements, and the timeline of what was done.

The spike rule itself is pure (:mod:`kurum_masaustu.rules.crisis`); here the inbox's negative
items of the baseline period are read (one indexed range on ``received_at``) and grouped by the
post they are under and the unit they are assigned to.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, sessionmaker

from kurum_masaustu.domain import InboxCategory
from kurum_masaustu.paths import resources_dir
from kurum_masaustu.rules.crisis import NegativeEvent, Spike, SpikeRule, detect_spikes, episode_bounds
from kurum_masaustu.services.conversation import HistoryEntry as TimelineEntry
from kurum_masaustu.store.models import AppFlag, AuditEntry, Delivery, InboxItem, Unit

PLAN_FLAG = "crisis_plan"
#: Entries one timeline shows at most (the newest of its period).
TIMELINE_LIMIT = 500
#: What the crisis timeline holds: crisis entries, pauses and hidden comments.
_IN_TIMELINE = or_(
    AuditEntry.entity == "crisis",
    AuditEntry.action.in_(("publishing.pause", "publishing.resume", "inbox.hidden")),
)
#: How many negative items one check reads at most (the newest; a flood is a spike anyway).
MAX_EVENTS = 50_000


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class CrisisEpisode:
    """One crisis in the timeline: from its start up to the next one's (None: still going on)."""

    start: datetime
    end: datetime | None


@dataclass(frozen=True)
class SpikeView:
    """A spike with a name for its cluster ("Gönderi: Su kesintisi…", "Birim: Fen İşleri")."""

    spike: Spike
    kind: str  # "all" | "post" | "unit"
    label: str
    item_ids: tuple[int, ...] = ()  # the window's items of the cluster, newest first


@dataclass
class PlanStep:
    text: str
    unit: str = ""
    done: bool = False


@dataclass
class CrisisPlan:
    steps: list[PlanStep] = field(default_factory=list)
    contacts: list[dict[str, str]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "steps": [{"text": s.text, "unit": s.unit, "done": s.done} for s in self.steps],
            "contacts": [dict(c) for c in self.contacts],
        }

    @classmethod
    def from_json(cls, raw: object) -> CrisisPlan:
        if not isinstance(raw, dict):
            raise ValueError("a crisis plan must be an object")
        steps = []
        for entry in raw.get("steps", []):
            if isinstance(entry, dict) and isinstance(entry.get("text"), str) and entry["text"].strip():
                steps.append(PlanStep(entry["text"], str(entry.get("unit", "")), bool(entry.get("done", False))))
        contacts = [
            {"name": str(c.get("name", "")), "phone": str(c.get("phone", ""))}
            for c in raw.get("contacts", [])
            if isinstance(c, dict)
        ]
        return cls(steps, contacts)


@dataclass(frozen=True)
class HoldingStatement:
    key: str
    name: str
    body: str


def shipped_plan() -> CrisisPlan:
    return CrisisPlan.from_json(json.loads((resources_dir() / "crisis" / "plan.json").read_text(encoding="utf-8")))


def holding_statements() -> list[HoldingStatement]:
    data = json.loads((resources_dir() / "crisis" / "holding_statements.json").read_text(encoding="utf-8"))
    return [HoldingStatement(s["key"], s["name"], s["body"]) for s in data["statements"]]


class CrisisService:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        *,
        rule: SpikeRule | None = None,
        clock: Callable[[], datetime] = utcnow,
        actor: str = "kullanıcı",
    ) -> None:
        self._sessions = sessions
        self.rule = rule or SpikeRule()
        self._clock = clock
        self._actor = actor

    # -- detection ----------------------------------------------------------------------------
    def spikes(self) -> list[SpikeView]:
        """Spiking clusters now, strongest first, each with a readable name."""
        now = self._clock()
        negative = or_(
            InboxItem.negative.is_(True),
            InboxItem.category.in_((InboxCategory.COMPLAINT, InboxCategory.ABUSE)),
        )
        stmt = (
            select(
                InboxItem.id,
                InboxItem.received_at,
                InboxItem.delivery_id,
                InboxItem.post_remote_id,
                InboxItem.unit_id,
            )
            .where(InboxItem.received_at >= now - self.rule.baseline, InboxItem.received_at <= now, negative)
            .order_by(InboxItem.received_at.desc())
            .limit(MAX_EVENTS)
        )
        events: list[NegativeEvent] = []
        members: dict[Hashable, list[int]] = {}
        window_start = now - self.rule.window
        with self._sessions() as session:
            for item_id, at, delivery_id, post_remote_id, unit_id in session.execute(stmt):
                clusters: list[Hashable] = []
                if delivery_id is not None:
                    clusters.append(("post", delivery_id))
                elif post_remote_id:
                    clusters.append(("remote_post", post_remote_id))
                if unit_id is not None:
                    clusters.append(("unit", unit_id))
                events.append(NegativeEvent(at, tuple(clusters)))
                if at >= window_start:
                    for key in ("all", *clusters):
                        members.setdefault(key, []).append(item_id)
            found = detect_spikes(events, now, self.rule)
            return [self._view(session, spike, members.get(spike.cluster, [])) for spike in found]

    @staticmethod
    def _view(session: Session, spike: Spike, item_ids: Sequence[int]) -> SpikeView:
        ids = tuple(item_ids)
        if spike.cluster == "all":
            return SpikeView(spike, "all", "", ids)
        cluster: tuple[str, Any] = spike.cluster  # type: ignore[assignment]
        kind, value = cluster
        if kind == "post":
            delivery = session.get(Delivery, value)
            text = delivery.text if delivery is not None else ""
            flat = " ".join(text.split())
            return SpikeView(spike, "post", flat if len(flat) <= 80 else flat[:79].rstrip() + "…", ids)
        if kind == "remote_post":
            return SpikeView(spike, "post", str(value), ids)
        unit = session.get(Unit, value)
        return SpikeView(spike, "unit", unit.name if unit is not None else str(value), ids)

    # -- plan ---------------------------------------------------------------------------------
    def plan(self) -> CrisisPlan:
        """The profile's plan (the shipped one until it is edited)."""
        with self._sessions() as session:
            flag = session.get(AppFlag, PLAN_FLAG)
            if flag is not None:
                try:
                    return CrisisPlan.from_json(flag.value)
                except ValueError:
                    pass
        return shipped_plan()

    def save_plan(
        self, plan: CrisisPlan, *, action: str = "crisis.plan_saved", detail: dict[str, Any] | None = None
    ) -> None:
        with self._sessions.begin() as session:
            flag = session.get(AppFlag, PLAN_FLAG) or AppFlag(key=PLAN_FLAG)
            flag.value = plan.to_json()
            session.add(flag)
            session.add(AuditEntry(actor=self._actor, action=action, entity="crisis", detail=detail or {}))

    def mark_step(self, index: int, done: bool) -> None:
        plan = self.plan()
        if not 0 <= index < len(plan.steps) or plan.steps[index].done == done:
            return
        plan.steps[index].done = done
        self.save_plan(
            plan, action="crisis.step_done" if done else "crisis.step_reopened", detail={"step": plan.steps[index].text}
        )

    def reset_steps(self) -> None:
        """A new crisis: every step open again (the plan's text is kept)."""
        plan = self.plan()
        for step in plan.steps:
            step.done = False
        self.save_plan(plan, action="crisis.plan_reset")

    def record(self, action: str, detail: dict[str, Any]) -> None:
        """Something done for the crisis (a statement used, a spike seen), for the timeline."""
        with self._sessions.begin() as session:
            session.add(AuditEntry(actor=self._actor, action=action, entity="crisis", detail=detail))

    def timeline(self, since: datetime | None = None, until: datetime | None = None) -> list[TimelineEntry]:
        """What was done about crises (pauses, plan steps, statements, hidden comments) from
        ``since`` up to (not including) ``until``, oldest first; the newest :data:`TIMELINE_LIMIT`."""
        stmt = (
            select(AuditEntry.at, AuditEntry.actor, AuditEntry.action, AuditEntry.detail)
            .where(_IN_TIMELINE)
            .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
        )
        if since is not None:
            stmt = stmt.where(AuditEntry.at >= since)
        if until is not None:
            stmt = stmt.where(AuditEntry.at < until)
        with self._sessions() as session:
            newest_first = [
                TimelineEntry(at, actor, action, dict(detail or {}))
                for at, actor, action, detail in session.execute(stmt.limit(TIMELINE_LIMIT))
            ]
        return newest_first[::-1]

    def episodes(self) -> list[CrisisEpisode]:
        """The crises one after another: each "new crisis" (the plan's ticks cleared) starts one;
        what came before the first is the first. Newest last; empty when nothing is recorded."""
        with self._sessions() as session:
            first = session.scalar(
                select(AuditEntry.at)
                .where(_IN_TIMELINE)
                .order_by(AuditEntry.at)
                .limit(1)
            )
            starts = list(
                session.scalars(
                    select(AuditEntry.at).where(AuditEntry.action == "crisis.plan_reset").order_by(AuditEntry.at)
                )
            )
        if first is None:
            return []
        bounds = episode_bounds(first, starts)
        return [CrisisEpisode(start, end) for start, end in bounds]
