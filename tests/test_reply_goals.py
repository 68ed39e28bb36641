"""Reply-time goals ("yanıt süresi"): the share of citizens' messages answered within the response
target, kept with the plan's goals and shown with the calendar header's goal progress."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from kurum_masaustu.app import Services
from kurum_masaustu.domain import Category, InboxCategory, InboxKind, Platform, ReplyState
from kurum_masaustu.rules.goals import Goal, GoalKind, Period, ReplyCounts, period_bounds, progress, reply_progress
from kurum_masaustu.services.conversation import ConversationService
from kurum_masaustu.services.inbox import BusinessHours
from kurum_masaustu.store.models import Channel, InboxItem, Reply
from kurum_masaustu.ui.calendar_pane import CalendarPane
from kurum_masaustu.ui.plan_dialogs import GoalsDialog

NOW = datetime(2026, 12, 9, 12, 0, tzinfo=UTC)  # Wednesday, 15:00 in Istanbul
WEEK = period_bounds(Period.WEEK, date(2026, 12, 9))


def test_a_reply_goal_is_a_share_of_all_messages() -> None:
    goal = Goal(Period.WEEK, 90, kind=GoalKind.REPLY_TIME)
    with pytest.raises(ValueError, match="share"):
        Goal(Period.WEEK, 120, kind=GoalKind.REPLY_TIME)
    with pytest.raises(ValueError, match="share"):
        Goal(Period.WEEK, 90, Category.ANNOUNCEMENT, kind=GoalKind.REPLY_TIME)
    assert progress([goal], [], date(2026, 12, 9)) == []  # post counting leaves it alone
    half = reply_progress(goal, ReplyCounts(received=4, within_target=2), date(2026, 12, 9))
    assert (half.first, half.last) == WEEK
    assert half.percent == 50
    assert not half.met
    assert reply_progress(goal, ReplyCounts(10, 9), date(2026, 12, 9)).met
    assert reply_progress(goal, ReplyCounts(0, 0), date(2026, 12, 9)).met  # nothing came in
    # Messages still inside the response target are not counted either way yet.
    assert reply_progress(goal, ReplyCounts(received=4, within_target=2, waiting=2), date(2026, 12, 9)).percent == 100
    assert reply_progress(goal, ReplyCounts(received=3, within_target=0, waiting=3), date(2026, 12, 9)).met


def _messages(sessions: sessionmaker[Session]) -> None:
    """This week: one answered in 1 h, one answered after 8 business hours (a night later), one not yet, one spam;
    last week: one more (not counted)."""
    with sessions.begin() as s:
        channel = Channel(platform=Platform.FACEBOOK, display_name="Belediye")
        s.add(channel)
        s.flush()
        rows = [
            (NOW - timedelta(hours=3), InboxCategory.QUESTION, NOW - timedelta(hours=2)),
            (NOW - timedelta(hours=23), InboxCategory.COMPLAINT, NOW),  # Tue 16:00 → Wed 15:00: 8 business h
            (NOW - timedelta(hours=1), InboxCategory.REQUEST, None),
            (NOW - timedelta(hours=5), InboxCategory.SPAM, None),
            (NOW - timedelta(days=7), InboxCategory.QUESTION, None),
        ]
        for n, (at, category, answered) in enumerate(rows):
            item = InboxItem(
                channel=channel,
                platform=Platform.FACEBOOK,
                remote_id=f"c{n}",
                author_name="Ayşe",
                author_handle="ayse",
                text="Mesaj",
                kind=InboxKind.COMMENT,
                received_at=at,
                category=category,
            )
            if answered is not None:
                item.replies.append(Reply(text="Yanıt", state=ReplyState.SENT, sent_at=answered))
            s.add(item)


def test_the_weeks_reply_figures_come_from_the_inbox(session_factory: sessionmaker[Session]) -> None:
    _messages(session_factory)
    conversations = ConversationService(session_factory, clock=lambda: NOW)
    counts = conversations.goal_counts(*WEEK, BusinessHours(), timedelta(hours=4))
    # The request of an hour ago is still within the target: neither in time nor late yet.
    assert counts == ReplyCounts(received=3, within_target=1, waiting=1)
    assert counts.percent == 50
    assert conversations.goal_counts(*WEEK, BusinessHours(), timedelta(hours=8)) == ReplyCounts(3, 2, waiting=1)
    # A working day later the unanswered request is past its target: late.
    later = ConversationService(session_factory, clock=lambda: NOW + timedelta(days=1))
    assert later.goal_counts(*WEEK, BusinessHours(), timedelta(hours=4)) == ReplyCounts(3, 1, waiting=0)


def test_the_goals_dialog_adds_a_reply_goal_and_the_calendar_shows_it(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, services: Services
) -> None:
    pane = CalendarPane(services.posts, clock=lambda: NOW)
    qtbot.addWidget(pane)
    pane.resize(1100, 760)
    pane.show()
    dialog = GoalsDialog(pane.planning, [], [], pane)
    qtbot.addWidget(dialog)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(GoalKind.REPLY_TIME.value))
    assert not dialog.category_combo.isEnabled()
    assert dialog.target_spin.value() == 90
    dialog.add_goal()
    (goal,) = pane.planning.goals()
    assert goal == Goal(Period.WEEK, 90, id=goal.id, kind=GoalKind.REPLY_TIME)
    assert "90% of messages answered within the response target per week" in dialog.list.item(0).text()
    asked: list[tuple[date, date]] = []
    known: dict[tuple[date, date], ReplyCounts] = {}

    def counts(first: date, last: date) -> ReplyCounts | None:
        asked.append((first, last))
        return known.get((first, last))

    pane.reply_counts = counts
    pane.refresh(select=date(2026, 12, 9))
    assert asked[-1] == WEEK
    assert "this week reply time: counting…" in pane.goals_label.text()
    known[WEEK] = ReplyCounts(received=4, within_target=2)
    pane.refresh_goals()
    assert "this week 50% answered in time (goal 90%)" in pane.goals_label.text()
    assert pane.goals_label.text().startswith("⚑")
    known[WEEK] = ReplyCounts(received=10, within_target=10)
    pane.refresh_goals()
    assert pane.goals_label.text().startswith("✓")


def test_the_window_counts_the_reply_figures_off_the_ui_thread(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, services: Services
) -> None:
    from kurum_masaustu.rules.goals import Goal as PlanGoal
    from kurum_masaustu.ui.main_window import MainWindow

    _messages(services.sessions)
    services.inbox._clock = lambda: NOW
    services.inbox.hours = BusinessHours()
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.calendar.planning.add_goal(PlanGoal(Period.WEEK, 90, kind=GoalKind.REPLY_TIME))
    assert window.reply_counts(*WEEK) is None  # counting in a worker

    async def counted() -> ReplyCounts | None:
        for _ in range(200):
            found = window.reply_counts(*WEEK)
            if found is not None:
                return found
            await asyncio.sleep(0.02)
        return None

    assert qloop.run_until_complete(counted()) == ReplyCounts(received=3, within_target=1, waiting=1)


def test_goals_of_the_previous_schema_stay_post_goals(tmp_path: Path) -> None:
    """Migration 0008 adds the goal's kind; goals set before it count posts, as they did."""
    from sqlalchemy import text

    from kurum_masaustu.services.planning import PlanningService
    from kurum_masaustu.store.database import make_engine, migrate, open_database, sqlite_url

    path = tmp_path / "old.sqlite3"
    old = make_engine(sqlite_url(path))
    migrate(old, "0007")
    with old.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO plan_goals (id, period, target, category, created_at)"
                " VALUES (1, 'week', 5, 'announcement', '2026-01-01 00:00:00')"
            )
        )
    old.dispose()
    engine = open_database(path, tmp_path / "backups")
    try:
        (goal,) = PlanningService(sessionmaker(engine)).goals()
        assert goal == Goal(Period.WEEK, 5, Category.ANNOUNCEMENT, id=1, kind=GoalKind.POSTS)
    finally:
        engine.dispose()
