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
from kurum_masaustu.rules.goals import (
    ALL_MESSAGES,
    Goal,
    GoalKind,
    Period,
    ReplyCounts,
    ReplyScope,
    period_bounds,
    progress,
    reply_progress,
)
from kurum_masaustu.services.conversation import ConversationService
from kurum_masaustu.services.inbox import BusinessHours
from kurum_masaustu.store.models import Channel, InboxItem, Reply, Unit
from kurum_masaustu.ui.calendar_pane import CalendarPane
from kurum_masaustu.ui.main_window import MainWindow
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


def _message(
    channel: Channel,
    remote_id: str,
    at: datetime,
    category: InboxCategory,
    answered: datetime | None,
    unit_id: int | None = None,
) -> InboxItem:
    """A citizen's comment received ``at``, answered (a sent reply) at ``answered`` if given."""
    item = InboxItem(
        channel=channel,
        platform=channel.platform,
        remote_id=remote_id,
        author_name="Ayşe",
        author_handle="ayse",
        text="Mesaj",
        kind=InboxKind.COMMENT,
        received_at=at,
        category=category,
        unit_id=unit_id,
    )
    if answered is not None:
        item.replies.append(Reply(text="Yanıt", state=ReplyState.SENT, sent_at=answered))
    return item


async def _counted(window: MainWindow, scope: ReplyScope) -> ReplyCounts | None:
    """The window's figures of this week's ``scope`` once its worker has counted them."""
    for _ in range(200):
        found = window.reply_counts(*WEEK, scope)
        if found is not None:
            return found
        await asyncio.sleep(0.02)
    return None


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
            s.add(_message(channel, f"c{n}", at, category, answered))


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

    def counts(first: date, last: date, scope: ReplyScope) -> ReplyCounts | None:
        assert scope == ALL_MESSAGES
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

    _messages(services.sessions)
    services.inbox._clock = lambda: NOW
    services.inbox.hours = BusinessHours()
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.calendar.planning.add_goal(PlanGoal(Period.WEEK, 90, kind=GoalKind.REPLY_TIME))
    assert window.reply_counts(*WEEK, ALL_MESSAGES) is None  # counting in a worker
    expected = ReplyCounts(received=3, within_target=1, waiting=1)
    assert qloop.run_until_complete(_counted(window, ALL_MESSAGES)) == expected


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


# -- goals of one channel or one unit ---------------------------------------------------------------


def test_a_reply_goal_may_count_one_channel_or_one_unit() -> None:
    unit = Goal(Period.WEEK, 90, kind=GoalKind.REPLY_TIME, unit_id=3)
    channel = Goal(Period.MONTH, 80, channel_id=2, kind=GoalKind.REPLY_TIME)
    assert unit.reply_scope == ReplyScope(unit_id=3)
    assert channel.reply_scope == ReplyScope(channel_id=2)
    assert Goal(Period.WEEK, 90, kind=GoalKind.REPLY_TIME).reply_scope == ALL_MESSAGES
    with pytest.raises(ValueError, match="one unit"):
        Goal(Period.WEEK, 90, channel_id=2, kind=GoalKind.REPLY_TIME, unit_id=3)  # one or the other
    with pytest.raises(ValueError, match="unit"):
        Goal(Period.WEEK, 5, unit_id=3)  # a post goal has no unit
    assert progress([unit, channel], [], date(2026, 12, 9)) == []


def _scoped_messages(sessions: sessionmaker[Session]) -> tuple[int, int, int, int]:
    """Two channels and two units; returns (facebook, telegram, fen, zabıta) ids. This week:
    Fen İşleri has two Facebook messages (one answered in time, one late); Zabıta one Telegram
    message answered in time; one Telegram message routed to nobody, answered late."""
    with sessions.begin() as s:
        facebook = Channel(platform=Platform.FACEBOOK, display_name="Belediye")
        telegram = Channel(platform=Platform.TELEGRAM, display_name="Duyurular")
        fen = Unit(name="Fen İşleri")
        zabita = Unit(name="Zabıta")
        s.add_all([facebook, telegram, fen, zabita])
        s.flush()
        rows = [
            (facebook, fen, NOW - timedelta(hours=3), NOW - timedelta(hours=2)),
            (facebook, fen, NOW - timedelta(hours=23), NOW),  # 8 business hours: late for 4 h
            (telegram, zabita, NOW - timedelta(hours=4), NOW - timedelta(hours=3)),
            (telegram, None, NOW - timedelta(hours=23), NOW),
        ]
        for n, (channel, unit, at, answered) in enumerate(rows):
            s.add(_message(channel, f"s{n}", at, InboxCategory.QUESTION, answered, unit.id if unit else None))
        return facebook.id, telegram.id, fen.id, zabita.id


def test_the_reply_figures_of_one_channel_or_one_unit(session_factory: sessionmaker[Session]) -> None:
    facebook, telegram, fen, zabita = _scoped_messages(session_factory)
    conversations = ConversationService(session_factory, clock=lambda: NOW)

    def counts(scope: ReplyScope) -> ReplyCounts:
        return conversations.goal_counts(*WEEK, BusinessHours(), timedelta(hours=4), scope)

    assert counts(ALL_MESSAGES) == ReplyCounts(received=4, within_target=2)
    assert counts(ReplyScope(unit_id=fen)) == ReplyCounts(received=2, within_target=1)
    assert counts(ReplyScope(unit_id=zabita)) == ReplyCounts(received=1, within_target=1)
    assert counts(ReplyScope(channel_id=facebook)) == ReplyCounts(received=2, within_target=1)
    assert counts(ReplyScope(channel_id=telegram)) == ReplyCounts(received=2, within_target=1)
    assert counts(ReplyScope(unit_id=fen)).percent == 50


def test_the_goals_dialog_adds_a_unit_goal_and_the_calendar_names_the_unit(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, services: Services
) -> None:
    _facebook, _telegram, fen, zabita = _scoped_messages(services.sessions)
    pane = CalendarPane(services.posts, clock=lambda: NOW)
    qtbot.addWidget(pane)
    pane.resize(1100, 760)
    pane.show()
    dialog = GoalsDialog(pane.planning, services.posts.channels(), [], pane)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(GoalKind.REPLY_TIME.value))
    assert dialog.scope_combo.isVisible()
    assert not dialog.channel_combo.isVisible()
    names = [dialog.scope_combo.itemText(i) for i in range(dialog.scope_combo.count())]
    assert names[0] == "all messages"
    assert names[-2:] == ["unit: Fen İşleri", "unit: Zabıta"]  # Turkish order
    dialog.scope_combo.setCurrentIndex(dialog.scope_combo.findText("unit: Fen İşleri"))
    assert dialog.scope() == ReplyScope(unit_id=fen)
    dialog.add_goal()
    (goal,) = pane.planning.goals()
    assert goal == Goal(Period.WEEK, 90, id=goal.id, kind=GoalKind.REPLY_TIME, unit_id=fen)
    assert dialog.list.item(0).text().startswith("Fen İşleri: 90% of messages answered")
    known = {ReplyScope(unit_id=fen): ReplyCounts(received=5, within_target=4)}
    asked: list[ReplyScope] = []

    def counts(first: date, last: date, scope: ReplyScope) -> ReplyCounts | None:
        assert (first, last) == WEEK
        asked.append(scope)
        return known.get(scope)

    pane.reply_counts = counts
    pane.refresh(select=date(2026, 12, 9))
    assert asked[-1] == ReplyScope(unit_id=fen)
    assert "Fen İşleri: this week 80% answered in time (goal 90%)" in pane.goals_label.text()
    assert pane.goals_label.text().startswith("⚑")
    assert zabita not in {scope.unit_id for scope in asked}


def test_the_window_counts_each_scope_apart(qtbot: QtBot, qloop: asyncio.AbstractEventLoop, services: Services) -> None:
    facebook, _telegram, fen, _zabita = _scoped_messages(services.sessions)
    services.inbox._clock = lambda: NOW
    services.inbox.hours = BusinessHours()
    window = MainWindow(services)
    qtbot.addWidget(window)

    assert qloop.run_until_complete(_counted(window, ReplyScope(unit_id=fen))) == ReplyCounts(2, 1)
    assert qloop.run_until_complete(_counted(window, ReplyScope(channel_id=facebook))) == ReplyCounts(2, 1)
    assert qloop.run_until_complete(_counted(window, ALL_MESSAGES)) == ReplyCounts(4, 2)


def test_migration_0011_keeps_goals_and_going_back_drops_only_unit_goals(tmp_path: Path) -> None:
    """0011 adds the goal's unit; goals set before it keep what they count, and a downgrade
    removes only the goals limited to a unit (they would otherwise count the whole inbox)."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import text

    import kurum_masaustu.store.database as database
    from kurum_masaustu.services.planning import PlanningService
    from kurum_masaustu.store.database import make_engine, migrate, open_database, sqlite_url

    path = tmp_path / "old.sqlite3"
    old = make_engine(sqlite_url(path))
    migrate(old, "0010")
    with old.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO channels (id, platform, display_name, handle, color, settings, sandbox, enabled,"
                " created_at) VALUES (7, 'telegram', 'Duyurular', '@d', '#000000', '{}', 1, 1, '2026-01-01 00:00:00')"
            )
        )
        conn.execute(
            text("INSERT INTO units (id, name, email, phone, keywords) VALUES (4, 'Fen İşleri', '', '', '[]')")
        )
        conn.execute(
            text(
                "INSERT INTO plan_goals (id, period, kind, target, category, channel_id, created_at) VALUES"
                " (1, 'week', 'posts', 5, 'announcement', NULL, '2026-01-01 00:00:00'),"
                " (2, 'month', 'reply_time', 80, NULL, 7, '2026-01-01 00:00:00')"
            )
        )
    old.dispose()
    engine = open_database(path, tmp_path / "backups")
    try:
        planning = PlanningService(sessionmaker(engine))
        assert planning.goals() == [
            Goal(Period.WEEK, 5, Category.ANNOUNCEMENT, id=1),
            Goal(Period.MONTH, 80, channel_id=7, id=2, kind=GoalKind.REPLY_TIME),
        ]
        unit_goal = planning.add_goal(Goal(Period.WEEK, 90, kind=GoalKind.REPLY_TIME, unit_id=4))
        assert planning.goals()[-1] == Goal(Period.WEEK, 90, id=unit_goal, kind=GoalKind.REPLY_TIME, unit_id=4)
    finally:
        engine.dispose()
    back = make_engine(sqlite_url(path))
    try:
        config = Config()
        config.set_main_option("script_location", str(Path(database.__file__).parent / "migrations"))
        with back.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0010")
        with back.connect() as conn:
            rows = conn.execute(text("SELECT id, kind, channel_id FROM plan_goals ORDER BY id")).all()
            columns = {row[1] for row in conn.execute(text("PRAGMA table_info(plan_goals)"))}
        assert [tuple(row) for row in rows] == [(1, "posts", None), (2, "reply_time", 7)]
        assert "unit_id" not in columns
    finally:
        back.dispose()
