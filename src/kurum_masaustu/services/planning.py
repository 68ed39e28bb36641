"""Planning: campaigns with their presets, goals, the institution's own days, recurring posts and
the engagement behind best-time hints. Plain dataclasses out; the rules live in ``rules/``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

from kurum_masaustu.domain import Category, DeliveryState
from kurum_masaustu.rules.best_time import Sample
from kurum_masaustu.rules.days import Correction, CorrectionAction, CustomDay, DayCategory, Tone, slug
from kurum_masaustu.rules.goals import Goal, GoalKind, Period
from kurum_masaustu.rules.recurrence import Frequency, RecurrenceRule, occurrences
from kurum_masaustu.rules.timeutil import local_to_utc, to_local
from kurum_masaustu.rules.turkish import sort_key
from kurum_masaustu.store.models import (
    AuditEntry,
    Campaign,
    CustomDayRow,
    DayCorrectionRow,
    Delivery,
    DeliveryMetrics,
    PlanGoal,
    Post,
    Recurrence,
    SeriesPost,
    Unit,
)


@dataclass(frozen=True)
class CampaignInfo:
    name: str
    starts_on: date
    ends_on: date
    color: str = "#8250df"
    goal: str = ""
    hashtags: tuple[str, ...] = ()
    channel_ids: tuple[int, ...] = ()
    template_key: str | None = None
    id: int | None = None

    def covers(self, day: date) -> bool:
        return self.starts_on <= day <= self.ends_on


@dataclass(frozen=True)
class SeriesDraft:
    """What the recurring-post dialog asks for: the post's text and channels, and the rule."""

    title: str
    body: str
    channel_ids: list[int]
    rule: RecurrenceRule
    category: Category = Category.SERVICE
    campaign_id: int | None = None
    schedule: bool = True
    days_off: dict[date, str] = field(default_factory=dict)


class PlanningError(ValueError):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


class PlanningService:
    def __init__(self, sessions: sessionmaker[Session], actor: str = "kullanıcı") -> None:
        self._sessions = sessions
        self._actor = actor

    # -- campaigns ------------------------------------------------------------------------
    def campaigns(self) -> list[CampaignInfo]:
        with self._sessions() as session:
            rows = session.scalars(select(Campaign).order_by(Campaign.starts_on, Campaign.id))
            return [_campaign_info(row) for row in rows]

    def campaigns_between(self, first: date, last: date) -> list[CampaignInfo]:
        with self._sessions() as session:
            rows = session.scalars(
                select(Campaign)
                .where(Campaign.starts_on <= last, Campaign.ends_on >= first)
                .order_by(Campaign.starts_on, Campaign.id)
            )
            return [_campaign_info(row) for row in rows]

    def save_campaign(self, info: CampaignInfo) -> int:
        if not info.name.strip():
            raise PlanningError("no_name")
        if info.ends_on < info.starts_on:
            raise PlanningError("ends_before_start")
        with self._sessions.begin() as session:
            row = session.get(Campaign, info.id) if info.id is not None else None
            if row is None:
                row = Campaign()
                session.add(row)
            row.name = info.name.strip()
            row.starts_on, row.ends_on = info.starts_on, info.ends_on
            row.color = info.color
            row.goal = info.goal
            row.hashtags = [tag.strip() for tag in info.hashtags if tag.strip()]
            row.channel_ids = list(info.channel_ids)
            row.template_key = info.template_key
            session.flush()
            session.add(AuditEntry(actor=self._actor, action="campaign.save", entity="campaign", entity_id=row.id))
            return row.id

    def delete_campaign(self, campaign_id: int) -> None:
        """The campaign goes; its posts stay, outside any campaign."""
        with self._sessions.begin() as session:
            row = session.get(Campaign, campaign_id)
            if row is not None:
                session.delete(row)
                session.add(
                    AuditEntry(actor=self._actor, action="campaign.delete", entity="campaign", entity_id=campaign_id)
                )

    def post_campaign(self, post_id: int) -> int | None:
        with self._sessions() as session:
            return session.scalar(select(Post.campaign_id).where(Post.id == post_id))

    def set_post_campaign(self, post_id: int, campaign_id: int | None) -> None:
        with self._sessions.begin() as session:
            post = session.get(Post, post_id)
            if post is not None:
                post.campaign_id = campaign_id

    # -- goals ----------------------------------------------------------------------------
    def goals(self) -> list[Goal]:
        with self._sessions() as session:
            return [
                Goal(
                    Period(g.period),
                    g.target,
                    g.category,
                    g.campaign_id,
                    g.channel_id,
                    id=g.id,
                    kind=GoalKind(g.kind),
                    unit_id=g.unit_id,
                )
                for g in session.scalars(select(PlanGoal).order_by(PlanGoal.id))
            ]

    def add_goal(self, goal: Goal) -> int:
        with self._sessions.begin() as session:
            row = PlanGoal(
                period=goal.period.value,
                kind=goal.kind.value,
                target=goal.target,
                category=goal.category,
                campaign_id=goal.campaign_id,
                channel_id=goal.channel_id,
                unit_id=goal.unit_id,
            )
            session.add(row)
            session.flush()
            return row.id

    def units(self) -> list[tuple[int, str]]:
        """The units a reply-time goal may be limited to, by name (Turkish order)."""
        with self._sessions() as session:
            rows = session.execute(select(Unit.id, Unit.name)).all()
        return sorted(((unit_id, name) for unit_id, name in rows), key=lambda row: sort_key(row[1]))

    def delete_goal(self, goal_id: int) -> None:
        with self._sessions.begin() as session:
            session.execute(delete(PlanGoal).where(PlanGoal.id == goal_id))

    # -- the institution's own days -------------------------------------------------------------
    def custom_days(self) -> list[CustomDay]:
        with self._sessions() as session:
            return [_custom_day(row) for row in session.scalars(select(CustomDayRow).order_by(CustomDayRow.id))]

    def save_custom_day(self, day: CustomDay) -> str:
        """Add or replace (by key) one of the institution's days; returns its key."""
        with self._sessions.begin() as session:
            row = session.scalar(select(CustomDayRow).where(CustomDayRow.key == day.key))
            if row is None:
                row = CustomDayRow(key=day.key)
                session.add(row)
            row.name = day.name
            row.category = day.category.value
            row.tone = day.tone.value
            row.rule = day.rule
            row.starts_on, row.ends_on = day.start, day.end
            row.day_off = day.day_off
            row.hidden = day.hidden
            row.theme = day.theme
            session.add(AuditEntry(actor=self._actor, action="day.save", entity="custom_day", detail={"key": day.key}))
        return day.key

    def delete_custom_day(self, key: str) -> None:
        with self._sessions.begin() as session:
            session.execute(delete(CustomDayRow).where(CustomDayRow.key == key))
            session.add(AuditEntry(actor=self._actor, action="day.delete", entity="custom_day", detail={"key": key}))

    # -- per-year corrections of days ----------------------------------------------------------
    def corrections(self) -> list[Correction]:
        with self._sessions() as session:
            rows = session.scalars(select(DayCorrectionRow).order_by(DayCorrectionRow.id))
            return [
                Correction(key=r.key, year=r.year, action=CorrectionAction(r.action), start=r.starts_on, end=r.ends_on)
                for r in rows
            ]

    def save_correction(self, correction: Correction) -> None:
        """Move or hide a day in one year (replaces that year's earlier correction of the day)."""
        with self._sessions.begin() as session:
            row = session.scalar(
                select(DayCorrectionRow).where(
                    DayCorrectionRow.key == correction.key, DayCorrectionRow.year == correction.year
                )
            )
            if row is None:
                row = DayCorrectionRow(key=correction.key, year=correction.year)
                session.add(row)
            row.action = correction.action.value
            row.starts_on, row.ends_on = correction.start, correction.end
            detail = {"key": correction.key, "year": correction.year, "action": correction.action.value}
            session.add(AuditEntry(actor=self._actor, action="day.correct", entity="custom_day", detail=detail))

    def delete_correction(self, key: str, year: int) -> None:
        with self._sessions.begin() as session:
            session.execute(delete(DayCorrectionRow).where(DayCorrectionRow.key == key, DayCorrectionRow.year == year))
            detail = {"key": key, "year": year}
            session.add(AuditEntry(actor=self._actor, action="day.uncorrect", entity="custom_day", detail=detail))

    def new_day_key(self, name: str) -> str:
        """A key for a new day from its name, unique in the profile ("ozel:kurtulus-gunu-2")."""
        base = "ozel:" + (slug(name) or "gun")
        taken = {d.key for d in self.custom_days()}
        key, n = base, 2
        while key in taken:
            key, n = f"{base}-{n}", n + 1
        return key

    # -- recurring posts ------------------------------------------------------------------------
    def create_series(self, draft: SeriesDraft, *, now: datetime | None = None) -> tuple[int, list[int]]:
        """Save the series and one post per occurrence (each editable alone); all or nothing.

        Raises ``RecurrenceError("empty")`` when the rule leaves no date, ``PlanningError`` for
        an empty text, (when scheduling) no channel, or a first post already in the past."""
        if not draft.body.strip():
            raise PlanningError("empty")
        if draft.schedule and not draft.channel_ids:
            raise PlanningError("no_channel")
        found = occurrences(draft.rule, draft.days_off)
        if local_to_utc(found.dates[0], draft.rule.at) < (now or datetime.now(UTC)):
            raise PlanningError("past")
        from kurum_masaustu.services.posts import derive_title

        rule = draft.rule
        state = DeliveryState.SCHEDULED if draft.schedule else DeliveryState.DRAFT
        with self._sessions.begin() as session:
            series = Recurrence(
                title=draft.title.strip() or derive_title(draft.body),
                body=draft.body,
                category=draft.category,
                campaign_id=draft.campaign_id,
                channel_ids=list(draft.channel_ids),
                frequency=rule.frequency.value,
                weekday=rule.weekday,
                month_day=rule.month_day,
                at_time=rule.at.strftime("%H:%M"),
                starts_on=rule.starts_on,
                ends_on=rule.ends_on,
                skip_holidays=rule.skip_holidays,
                exceptions=sorted(d.isoformat() for d in rule.exceptions),
            )
            session.add(series)
            session.flush()
            post_ids = []
            for day in found.dates:
                post = Post(
                    title=series.title,
                    body=draft.body,
                    category=draft.category,
                    campaign_id=draft.campaign_id,
                )
                at = local_to_utc(day, rule.at)
                for channel_id in draft.channel_ids:
                    post.deliveries.append(Delivery(channel_id=channel_id, scheduled_at=at, state=state))
                session.add(post)
                session.flush()
                session.add(SeriesPost(post_id=post.id, series_id=series.id, occurs_on=day))
                post_ids.append(post.id)
            session.add(
                AuditEntry(
                    actor=self._actor,
                    action="series.create",
                    entity="recurrence",
                    entity_id=series.id,
                    detail={"posts": len(post_ids), "skipped": [d.isoformat() for d, _ in found.skipped]},
                )
            )
            return series.id, post_ids

    def series_of(self, post_id: int) -> int | None:
        with self._sessions() as session:
            return session.scalar(select(SeriesPost.series_id).where(SeriesPost.post_id == post_id))

    def occurrence(self, post_id: int) -> tuple[int, date] | None:
        """The series and date a post stands for, if it is an occurrence of a recurring post."""
        with self._sessions() as session:
            row = session.execute(
                select(SeriesPost.series_id, SeriesPost.occurs_on).where(SeriesPost.post_id == post_id)
            ).first()
            return (row[0], row[1]) if row is not None else None

    def skip_occurrence(self, post_id: int) -> bool:
        """Take one date out of its series: the post goes (if nothing of it went out) and the
        date is kept as an exception of the series. False if the post cannot be removed."""
        with self._sessions.begin() as session:
            link = session.get(SeriesPost, post_id)
            post = session.get(Post, post_id)
            if link is None or post is None or any(d.state not in _UNSENT for d in post.deliveries):
                return False
            series = session.get(Recurrence, link.series_id)
            if series is not None:
                series.exceptions = sorted({*series.exceptions, link.occurs_on.isoformat()})
            session.delete(post)
            session.add(
                AuditEntry(
                    actor=self._actor,
                    action="series.skip",
                    entity="recurrence",
                    entity_id=link.series_id,
                    detail={"date": link.occurs_on.isoformat()},
                )
            )
            return True

    def end_series(self, series_id: int, after: date) -> int:
        """Stop a series: its unpublished occurrences after ``after`` are deleted; returns how many."""
        removed = 0
        with self._sessions.begin() as session:
            links = session.scalars(
                select(SeriesPost).where(SeriesPost.series_id == series_id, SeriesPost.occurs_on > after)
            ).all()
            for link in links:
                post = session.get(Post, link.post_id)
                if post is None or any(d.state not in _UNSENT for d in post.deliveries):
                    continue
                session.delete(post)
                removed += 1
            series = session.get(Recurrence, series_id)
            if series is not None:
                series.ends_on = max(series.starts_on, after)
        return removed

    # -- engagement (best-time hints) -------------------------------------------------------------
    def engagement_by_channel(self, days: int = 365, channel_id: int | None = None) -> dict[int, list[Sample]]:
        """Published deliveries with metrics in the last ``days`` days, keyed by channel id (one
        query; only ``channel_id``'s when given)."""
        since = datetime.now().astimezone() - timedelta(days=days)
        stmt = (
            select(Delivery.channel_id, Delivery.published_at, Delivery.scheduled_at, DeliveryMetrics)
            .join(DeliveryMetrics, DeliveryMetrics.delivery_id == Delivery.id)
            .where(Delivery.state == DeliveryState.PUBLISHED)
        )
        if channel_id is not None:
            stmt = stmt.where(Delivery.channel_id == channel_id)
        by_channel: dict[int, list[Sample]] = {}
        with self._sessions() as session:
            for owner, published_at, scheduled_at, metrics in session.execute(stmt):
                at = published_at or scheduled_at
                if at is None or at < since:
                    continue
                sample = Sample(to_local(at), metrics.reactions, metrics.comments, metrics.shares)
                by_channel.setdefault(owner, []).append(sample)
        return by_channel

    def engagement_samples(self, channel_id: int | None = None, days: int = 365) -> list[Sample]:
        """Published deliveries with metrics in the last ``days`` days (of one channel)."""
        return [sample for samples in self.engagement_by_channel(days, channel_id).values() for sample in samples]


_UNSENT = frozenset({DeliveryState.DRAFT, DeliveryState.SCHEDULED, DeliveryState.FAILED, DeliveryState.CANCELLED})


def _campaign_info(row: Campaign) -> CampaignInfo:
    return CampaignInfo(
        id=row.id,
        name=row.name,
        starts_on=row.starts_on,
        ends_on=row.ends_on,
        color=row.color,
        goal=row.goal,
        hashtags=tuple(row.hashtags or ()),
        channel_ids=tuple(row.channel_ids or ()),
        template_key=row.template_key,
    )


def _custom_day(row: CustomDayRow) -> CustomDay:
    return CustomDay(
        key=row.key,
        name=row.name,
        category=DayCategory(row.category),
        tone=Tone(row.tone),
        rule=row.rule,
        start=row.starts_on,
        end=row.ends_on,
        day_off=row.day_off,
        hidden=row.hidden,
        theme=row.theme,
    )


def bands(campaigns: Sequence[CampaignInfo], days: Sequence[date]) -> dict[date, list[tuple[str, str]]]:
    """For each shown day, the campaigns running on it as (name, colour): the calendar's bands."""
    result: dict[date, list[tuple[str, str]]] = {}
    for day in days:
        running = [(c.name, c.color) for c in campaigns if c.covers(day)]
        if running:
            result[day] = running
    return result


__all__ = ["CampaignInfo", "Frequency", "PlanningError", "PlanningService", "SeriesDraft", "bands"]
