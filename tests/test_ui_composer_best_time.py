"""The composer's publish-time field says which hours are good on the chosen weekday for the
chosen channels: the institution's own engagement when there is enough, else the general
suggestion; the hint follows the channels and the date."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import QDate, QLocale
from pytestqt.qtbot import QtBot

from kurum_masaustu.app import Services
from kurum_masaustu.domain import DeliveryState, Platform
from kurum_masaustu.rules.timeutil import ISTANBUL
from kurum_masaustu.services.autosave import Autosave
from kurum_masaustu.services.planning import PlanningService
from kurum_masaustu.store.models import Channel, Delivery, DeliveryMetrics, Post
from kurum_masaustu.ui.composer_pane import ComposerPane


@pytest.fixture
def ids(services: Services) -> tuple[int, int]:
    """Two channels; the first has 25 published posts on recent Wednesdays at 15:00 that did well
    and a few at 09:00 that did poorly (like the demo's engagement: some hours clearly better)."""
    with services.sessions.begin() as s:
        busy = Channel(platform=Platform.FACEBOOK, display_name="Belediye Facebook", handle="bel")
        quiet = Channel(platform=Platform.X, display_name="Belediye X", handle="bel")
        s.add_all([busy, quiet])
        s.flush()
        today = datetime.now(ISTANBUL).date()
        last_wednesday = today - timedelta(days=(today.weekday() - 2) % 7 or 7)
        for week in range(25):
            for hour, reactions in ((15, 60), (9, 5)):
                day = last_wednesday - timedelta(weeks=week)
                at = datetime(day.year, day.month, day.day, hour, tzinfo=ISTANBUL).astimezone(UTC)
                post = Post(title="p", body="p")
                post.deliveries.append(
                    Delivery(channel_id=busy.id, scheduled_at=at, published_at=at, state=DeliveryState.PUBLISHED)
                )
                s.add(post)
                s.flush()
                s.add(DeliveryMetrics(delivery_id=post.deliveries[0].id, reactions=reactions, comments=1))
        return busy.id, quiet.id


@pytest.fixture
def composer(qtbot: QtBot, qloop: asyncio.AbstractEventLoop, services: Services, ids: tuple[int, int]) -> ComposerPane:
    async def no_import(_path: object) -> None:
        raise AssertionError("no media in these tests")

    pane = ComposerPane(
        services.posts,
        no_import,
        Autosave(services.profile.root / "autosave" / "composer.json"),
        engagement=PlanningService(services.sessions).engagement_by_channel,
    )
    qtbot.addWidget(pane)
    pane.show()
    return pane


def _next(weekday: int) -> date:
    today = datetime.now(ISTANBUL).date()
    return today + timedelta(days=(weekday - today.weekday()) % 7 or 7)


def _short(weekday: int) -> str:
    return QLocale().dayName(weekday + 1, QLocale.FormatType.ShortFormat)


def test_the_hint_follows_the_chosen_channels_and_weekday(
    qtbot: QtBot, composer: ComposerPane, ids: tuple[int, int]
) -> None:
    busy, quiet = ids
    composer.new_post(_next(2))  # a Wednesday
    composer.channel_checks[quiet].setChecked(True)
    # The figures are read in a worker thread; the hint appears when they arrive.
    qtbot.waitUntil(
        lambda: (
            composer.best_time_label.text()
            == f"Best times ({_short(2)}): 09:00, 12:00, 20:00 — a general suggestion for public institutions"
        )
    )
    assert composer.best_time_label.isVisible()
    # The channel with enough published posts: its own best hour on Wednesdays first.
    composer.channel_checks[quiet].setChecked(False)
    composer.channel_checks[busy].setChecked(True)
    assert composer.best_time_label.text() == f"Best times ({_short(2)}): 15:00, 09:00 — the institution's own data"
    # Another weekday without own posts on it: the general suggestion for that day.
    wanted = _next(5)
    composer.when_edit.setDate(QDate(wanted.year, wanted.month, wanted.day))
    assert composer.best_time_label.text() == (
        f"Best times ({_short(5)}): 11:00, 20:00 — a general suggestion for public institutions"
    )
