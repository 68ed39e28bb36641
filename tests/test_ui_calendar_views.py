"""Calendar pane: week and agenda views, filters shared by every view, moves into the past."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kurum_masaustu.app import Services
from kurum_masaustu.domain import Category, DeliveryState, Platform
from kurum_masaustu.rules.timeutil import ISTANBUL, to_local
from kurum_masaustu.services.posts import PostDraft
from kurum_masaustu.store.models import Campaign, Channel, Delivery, Post
from kurum_masaustu.ui.calendar_grid import post_mime
from kurum_masaustu.ui.calendar_pane import CalendarPane

NOW = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def channels(services: Services) -> tuple[int, int]:
    with services.sessions.begin() as s:
        first = Channel(platform=Platform.MASTODON, display_name="Belediye", color="#2563eb")
        second = Channel(platform=Platform.TELEGRAM, display_name="Duyurular", color="#16a34a")
        s.add_all([first, second])
        s.flush()
        return first.id, second.id


@pytest.fixture
def pane(qtbot: QtBot, qloop: asyncio.AbstractEventLoop, services: Services) -> CalendarPane:
    widget = CalendarPane(services.posts, clock=lambda: NOW)
    qtbot.addWidget(widget)
    widget.resize(1100, 760)
    widget.show()
    return widget


def _post(services: Services, body: str, at: datetime, channel_ids: list[int], **kwargs: object) -> int:
    return services.posts.save(
        PostDraft(body=body, channel_ids=channel_ids, scheduled_at=at.astimezone(UTC), schedule=True, **kwargs)  # type: ignore[arg-type]
    )


def _drop_on(view: QTableView, index_center: QPointF, post_id: int) -> None:
    mime = post_mime(post_id)  # kept referenced: the event does not own it
    event = QDropEvent(
        index_center, Qt.DropAction.MoveAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    view.dropEvent(event)


def _times(services: Services) -> list[datetime]:
    with services.sessions() as s:
        return [to_local(d.scheduled_at) for d in s.scalars(select(Delivery).order_by(Delivery.id))]  # type: ignore[arg-type]


def test_week_view_places_posts_by_day_and_hour(
    pane: CalendarPane, services: Services, channels: tuple[int, int]
) -> None:
    _post(services, "Nöbetçi eczaneler", datetime(2026, 12, 7, 9, 15, tzinfo=ISTANBUL), [channels[0]])
    _post(services, "Konser duyurusu", datetime(2026, 12, 9, 20, 0, tzinfo=ISTANBUL), list(channels))
    pane.show_day(date(2026, 12, 9))
    pane.set_mode("week")
    assert pane.week_model.start == date(2026, 12, 7)  # the Monday
    assert [p.title for p in pane.week_model.posts_at(date(2026, 12, 7), 9)] == ["Nöbetçi eczaneler"]
    concert = pane.week_model.posts_at(date(2026, 12, 9), 20)
    assert [p.title for p in concert] == ["Konser duyurusu"]
    assert concert[0].colors == ("#2563eb", "#16a34a")  # one stripe per channel colour
    assert pane.week_model.posts_at(date(2026, 12, 9), 9) == []


def test_dropping_on_an_hour_of_the_week_moves_every_unpublished_delivery_there(
    pane: CalendarPane, services: Services, channels: tuple[int, int]
) -> None:
    post_id = _post(services, "Meclis toplantısı", datetime(2026, 12, 8, 14, 30, tzinfo=ISTANBUL), list(channels))
    pane.show_day(date(2026, 12, 8))
    pane.set_mode("week")
    target = pane.week_model.index_of(date(2026, 12, 10), 9)
    pane.week_view.scrollTo(target)
    _drop_on(pane.week_view, QPointF(pane.week_view.visualRect(target).center()), post_id)
    expected = datetime(2026, 12, 10, 9, 30, tzinfo=ISTANBUL)  # the hour dropped on, the minutes kept
    assert _times(services) == [expected, expected]
    assert [p.post_id for p in pane.week_model.posts_at(date(2026, 12, 10), 9)] == [post_id]
    assert pane.week_model.posts_at(date(2026, 12, 8), 14) == []


def test_a_published_delivery_stays_when_its_post_is_dropped_on_another_hour(
    pane: CalendarPane, services: Services, channels: tuple[int, int]
) -> None:
    start = datetime(2026, 12, 8, 14, 0, tzinfo=ISTANBUL)
    post_id = _post(services, "Yol çalışması", start, list(channels))
    with services.sessions.begin() as s:
        s.scalars(select(Delivery).order_by(Delivery.id)).first().state = DeliveryState.PUBLISHED  # type: ignore[union-attr]
    pane.show_day(date(2026, 12, 8))
    pane.set_mode("week")
    target = pane.week_model.index_of(date(2026, 12, 8), 16)
    pane.week_view.scrollTo(target)
    _drop_on(pane.week_view, QPointF(pane.week_view.visualRect(target).center()), post_id)
    assert _times(services) == [start, datetime(2026, 12, 8, 16, 0, tzinfo=ISTANBUL)]
    assert pane.message_label.text() == pane.tr(
        "Moved; deliveries already published (or held by the platform) stayed where they were."
    )


def test_a_drop_into_the_past_moves_nothing_and_says_why(
    pane: CalendarPane, services: Services, channels: tuple[int, int]
) -> None:
    start = datetime(2026, 11, 20, 11, 0, tzinfo=ISTANBUL)
    post_id = _post(services, "Aşı kampanyası", start, [channels[0]])
    pane.show_day(date(2026, 11, 20))
    rect = pane.view.visualRect(pane.model.index_of(date(2026, 10, 29)))
    _drop_on(pane.view, QPointF(rect.center()), post_id)
    assert _times(services) == [start]
    assert pane.message_label.text() != ""
    assert [p.post_id for p in pane.model.posts_on(date(2026, 11, 20))] == [post_id]


def test_double_clicking_an_empty_hour_starts_a_post_at_that_hour(pane: CalendarPane, qtbot: QtBot) -> None:
    pane.show_day(date(2026, 12, 9))
    pane.set_mode("week")
    target = pane.week_model.index_of(date(2026, 12, 9), 15)
    pane.week_view.scrollTo(target)
    with qtbot.waitSignal(pane.new_post_requested) as blocker:
        qtbot.mouseDClick(
            pane.week_view.viewport(), Qt.MouseButton.LeftButton, pos=pane.week_view.visualRect(target).center()
        )
    assert blocker.args == [datetime(2026, 12, 9, 15, 0, tzinfo=ISTANBUL)]


def test_agenda_lists_the_coming_days_with_their_posts_and_important_days(
    pane: CalendarPane, services: Services, channels: tuple[int, int], qloop: asyncio.AbstractEventLoop
) -> None:
    _post(services, "Öğretmenler Günü kutlu olsun", datetime(2026, 11, 24, 9, 0, tzinfo=ISTANBUL), [channels[0]])
    _post(services, "Çok sonra", datetime(2027, 2, 1, 9, 0, tzinfo=ISTANBUL), [channels[0]])
    pane.show_day(date(2026, 11, 10))
    pane.set_mode("agenda")
    qloop.run_until_complete(pane.wait_days())
    days = pane.agenda_view.day_rows()
    assert date(2026, 11, 24) in days
    assert date(2026, 11, 10) in days  # Atatürk'ü Anma Günü, nothing planned but a day to know
    assert days == sorted(days)
    assert all(date(2026, 11, 10) <= d <= date(2026, 12, 9) for d in days)
    texts = [
        pane.agenda_view.topLevelItem(i).child(j).text(1)  # type: ignore[union-attr]
        for i in range(pane.agenda_view.topLevelItemCount())
        for j in range(pane.agenda_view.topLevelItem(i).childCount())  # type: ignore[union-attr]
    ]
    assert any("Öğretmenler Günü kutlu olsun" in t for t in texts)
    assert any("Atatürk" in t for t in texts)
    assert not any("Çok sonra" in t for t in texts)


def test_filters_apply_to_every_view(pane: CalendarPane, services: Services, channels: tuple[int, int]) -> None:
    with services.sessions.begin() as s:
        campaign = Campaign(name="Sıfır Atık Ayı", starts_on=date(2026, 12, 1), ends_on=date(2026, 12, 31))
        s.add(campaign)
        s.flush()
        campaign_id = campaign.id
    at = datetime(2026, 12, 9, 10, 0, tzinfo=ISTANBUL)
    announcement = _post(services, "Su kesintisi", at, [channels[0]], category=Category.ANNOUNCEMENT)
    event = _post(services, "Atık toplama", at.replace(hour=11), list(channels), category=Category.EVENT)
    with services.sessions.begin() as s:
        s.get(Post, event).campaign_id = campaign_id  # type: ignore[union-attr]
    pane.refresh(select=date(2026, 12, 9))

    def month_ids() -> list[int]:
        return [p.post_id for p in pane.model.posts_on(date(2026, 12, 9))]

    assert month_ids() == [announcement, event]
    combo = pane.filters.campaign_combo
    combo.setCurrentIndex(combo.findText("Sıfır Atık Ayı"))
    assert month_ids() == [event]
    pane.set_mode("week")
    assert pane.week_model.posts_at(date(2026, 12, 9), 10) == []
    assert [p.post_id for p in pane.week_model.posts_at(date(2026, 12, 9), 11)] == [event]
    pane.filters.clear()
    pane.filters.category_combo.setCurrentIndex(pane.filters.category_combo.findData(Category.ANNOUNCEMENT.value))
    assert [p.post_id for p in pane.week_model.posts_at(date(2026, 12, 9), 10)] == [announcement]
    pane.filters.clear()
    # A channel filter shows only that channel's delivery of a post going to two.
    pane.filters.channel_combo.setCurrentIndex(pane.filters.channel_combo.findData(channels[1]))
    pane.set_mode("agenda")
    assert date(2026, 12, 9) in pane.agenda_view.day_rows()
    (post,) = pane.model.posts_on(date(2026, 12, 9))
    assert post.post_id == event
    assert post.channel_names == ("Duyurular",)
    assert pane.summary_label.text().endswith(pane.tr("filtered"))


def test_views_switch_from_the_keyboard_and_keep_the_selected_day(pane: CalendarPane, qtbot: QtBot) -> None:
    pane.show_day(date(2026, 12, 17))
    pane.view.setFocus()
    qtbot.keyClick(pane.view, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert pane.mode == "week"
    assert pane.week_model.start == date(2026, 12, 14)
    qtbot.keyClick(pane.week_view, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert pane.week_model.start == date(2026, 12, 21)
    qtbot.keyClick(pane.week_view, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert pane.mode == "agenda"
    assert pane.agenda_view.start == date(2026, 12, 24)
    qtbot.keyClick(pane.agenda_view, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert pane.mode == "month"
    assert pane.model.month == date(2026, 12, 1)
