"""Calendar pane: holidays and important days, reminders, drag and drop."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, time

import pytest
from PySide6.QtCore import QByteArray, QMimeData, QPointF, Qt
from PySide6.QtGui import QColor, QDropEvent
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kurum_masaustu.app import Services
from kurum_masaustu.domain import DeliveryState, Platform
from kurum_masaustu.rules.timeutil import ISTANBUL, local_to_utc, to_local
from kurum_masaustu.services.posts import PostDraft
from kurum_masaustu.store.models import Channel, Delivery
from kurum_masaustu.ui import calendar_pane
from kurum_masaustu.ui.calendar_pane import MARK_ROLE, POST_MIME, CalendarPane

#: The pane's "now": moves into the past are refused, so the tests' dates stay in its future.
NOW = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def channel_id(services: Services) -> int:
    with services.sessions.begin() as s:
        channel = Channel(platform=Platform.MASTODON, display_name="Belediye")
        s.add(channel)
        s.flush()
        return channel.id


@pytest.fixture
def pane(qtbot: QtBot, qloop: asyncio.AbstractEventLoop, services: Services) -> CalendarPane:
    widget = CalendarPane(services.posts, clock=lambda: NOW)
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    return widget


def test_public_holidays_and_half_days_are_marked(pane: CalendarPane, qloop: asyncio.AbstractEventLoop) -> None:
    pane.show_month(date(2026, 10, 1), select=date(2026, 10, 29))
    qloop.run_until_complete(pane.wait_days())
    holiday = pane.model.index_of(date(2026, 10, 29)).data(MARK_ROLE)
    assert holiday is not None
    assert holiday.day_off
    assert "Cumhuriyet Bayramı" in holiday.label
    eve = pane.model.index_of(date(2026, 10, 28)).data(MARK_ROLE)
    assert eve is not None
    assert eve.half_day
    assert not eve.day_off
    assert any("Cumhuriyet Bayramı" in pane.agenda.item(i).text() for i in range(pane.agenda.count()))


def test_commemoration_days_are_marked_as_such(pane: CalendarPane, qloop: asyncio.AbstractEventLoop) -> None:
    pane.show_month(date(2026, 11, 1))
    qloop.run_until_complete(pane.wait_days())
    ten_november = pane.model.index_of(date(2026, 11, 10)).data(MARK_ROLE)
    assert ten_november is not None
    assert ten_november.commemoration
    assert "Atatürk" in ten_november.label


def test_the_next_important_day_without_a_post_is_flagged(
    pane: CalendarPane,
    qloop: asyncio.AbstractEventLoop,
    services: Services,
    channel_id: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(calendar_pane, "today_local", lambda: date(2026, 4, 15))
    pane.show_month(date(2026, 4, 1))
    qloop.run_until_complete(pane.wait_days())
    assert pane.reminder_button.isVisible()
    assert "Ulusal Egemenlik ve Çocuk Bayramı" in pane.reminder_button.toolTip()
    services.posts.save(
        PostDraft(
            body="23 Nisan kutlu olsun",
            channel_ids=[channel_id],
            scheduled_at=local_to_utc(date(2026, 4, 23), time(10)),
        )
    )
    pane.refresh()
    qloop.run_until_complete(pane.wait_days())
    assert "Ulusal Egemenlik ve Çocuk Bayramı" not in pane.reminder_button.toolTip()
    assert "Turizm Haftası" in pane.reminder_button.toolTip()


def _drop(pane: CalendarPane, post_id: int, day: date) -> None:
    rect = pane.view.visualRect(pane.model.index_of(day))
    mime = QMimeData()
    mime.setData(POST_MIME, QByteArray(str(post_id).encode()))
    event = QDropEvent(
        QPointF(rect.center()),
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    pane.view.dropEvent(event)


def test_dropping_a_post_on_another_day_keeps_its_time_of_day(
    pane: CalendarPane, services: Services, channel_id: int
) -> None:
    start = datetime(2026, 12, 8, 14, 30, tzinfo=ISTANBUL)
    post_id = services.posts.save(
        PostDraft(body="Konser", channel_ids=[channel_id], scheduled_at=start.astimezone(UTC), schedule=True)
    )
    pane.show_month(date(2026, 12, 1))
    _drop(pane, post_id, date(2026, 12, 11))
    with services.sessions() as s:
        delivery = s.scalars(select(Delivery)).one()
    assert to_local(delivery.scheduled_at) == datetime(2026, 12, 11, 14, 30, tzinfo=ISTANBUL)  # type: ignore[arg-type]
    assert [p.title for p in pane.model.posts_on(date(2026, 12, 11))] == ["Konser"]
    assert pane.model.posts_on(date(2026, 12, 8)) == []


def test_a_published_post_is_not_moved_and_the_person_is_told(
    pane: CalendarPane, services: Services, channel_id: int
) -> None:
    at = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)
    post_id = services.posts.save(PostDraft(body="Yayımlandı", channel_ids=[channel_id], scheduled_at=at))
    with services.sessions.begin() as s:
        s.scalars(select(Delivery)).one().state = DeliveryState.PUBLISHED
    pane.show_month(date(2026, 12, 1))
    _drop(pane, post_id, date(2026, 12, 20))
    with services.sessions() as s:
        assert s.scalars(select(Delivery)).one().scheduled_at == at
    assert pane.message_label.text() != ""
    assert pane.model.posts_on(date(2026, 12, 20)) == []


def test_a_short_day_cell_shows_its_first_post_and_how_many_more(
    pane: CalendarPane, qloop: asyncio.AbstractEventLoop, services: Services, channel_id: int
) -> None:
    # With the inbox docked below, a day cell has room for one line: it must show a post (with
    # "+N"), not only a "+N more" line that says nothing about the day.
    day = date(2026, 11, 18)
    for hour, body in ((9, "Meclis toplantısı"), (11, "Su kesintisi"), (14, "Konser")):
        at = local_to_utc(day, time(hour, 0))
        services.posts.save(PostDraft(body=body, channel_ids=[channel_id], scheduled_at=at, schedule=True))
    pane.resize(1000, 430)
    pane.show_month(date(2026, 11, 1), select=date(2026, 11, 2))
    qloop.run_until_complete(pane.wait_days())
    cell = pane.view.visualRect(pane.model.index_of(day))
    capacity = (cell.height() - calendar_pane.DAY_HEADER_HEIGHT - 6) // calendar_pane.CHIP_HEIGHT
    assert capacity == 1  # the case this test is about
    image = pane.view.viewport().grab(cell).toImage()
    chip_colour = QColor("#d6e4ff").rgb()  # a scheduled post's chip
    chip_pixels = sum(
        1 for y in range(image.height()) for x in range(image.width()) if image.pixel(x, y) == chip_colour
    )
    assert chip_pixels > 100


def test_a_refresh_after_publishing_reads_in_a_worker_and_keeps_the_place(
    pane: CalendarPane, services: Services, channel_id: int, qloop: asyncio.AbstractEventLoop
) -> None:
    at = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)
    services.posts.save(PostDraft(body="Kütüphane", channel_ids=[channel_id], scheduled_at=at, schedule=True))
    pane.show_day(date(2026, 12, 9))
    [entry] = pane.model.entries_on(date(2026, 12, 2))
    assert entry.state is DeliveryState.SCHEDULED
    with services.sessions.begin() as s:
        s.scalars(select(Delivery)).one().state = DeliveryState.PUBLISHED  # the outbox published it
    refresh = asyncio.ensure_future(pane.refresh_in_background())
    assert pane.model.entries_on(date(2026, 12, 2))[0].state is DeliveryState.SCHEDULED  # still the old month
    qloop.run_until_complete(refresh)
    assert pane.model.entries_on(date(2026, 12, 2))[0].state is DeliveryState.PUBLISHED
    assert pane.selected_day() == date(2026, 12, 9)  # the person's place is kept

    # The person moved to another month while it was being read: it is not pulled back.
    refresh = asyncio.ensure_future(pane.refresh_in_background())
    pane.show_month(date(2027, 1, 1))
    qloop.run_until_complete(refresh)
    assert pane.model.month == date(2027, 1, 1)
