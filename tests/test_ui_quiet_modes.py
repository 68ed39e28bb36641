"""Quiet modes: national mourning, crisis, commemoration days and the election period."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import QDate, QDateTime, QTime
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kurum_masaustu.app import Services
from kurum_masaustu.domain import DeliveryState, Platform
from kurum_masaustu.publishing.pause import PAUSE_FLAG
from kurum_masaustu.rules.missed_slot import MissedSlotPolicy, SlotDecision
from kurum_masaustu.rules.missed_slot import decide as decide_slot
from kurum_masaustu.services.posts import PostDraft
from kurum_masaustu.store.models import AppFlag, AuditEntry, Channel, Delivery
from kurum_masaustu.ui.main_window import MainWindow


@pytest.fixture
def channel_id(services: Services) -> int:
    with services.sessions.begin() as s:
        channel = Channel(platform=Platform.FACEBOOK, display_name="Belediye FB")
        s.add(channel)
        s.flush()
        return channel.id


@pytest.fixture
def window(qtbot: QtBot, qloop: asyncio.AbstractEventLoop, services: Services, channel_id: int) -> MainWindow:
    win = MainWindow(services)
    qtbot.addWidget(win)
    win.show()
    return win


def _write(window: MainWindow, text: str, day: date, channel_id: int) -> None:
    composer = window.composer
    composer.body_edit.setPlainText(text)
    composer.channel_checks[channel_id].setChecked(True)
    composer.when_edit.setDateTime(QDateTime(QDate(day.year, day.month, day.day), QTime(11, 0)))
    composer.update_checks()


def test_mourning_flags_celebratory_wording(window: MainWindow, channel_id: int) -> None:
    window.pause_publishing("Millî yas: 3 gün", mode="mourning")
    _write(
        window, "Kış festivalimiz yarın başlıyor, hepinizi bekliyoruz! 🎉", date.today() + timedelta(days=1), channel_id
    )
    assert any("festival" in note for note in window.composer.notes)
    assert "⚠" in window.composer.tabs.tabText(1)


def test_a_commemoration_day_flags_celebratory_wording(
    window: MainWindow, qloop: asyncio.AbstractEventLoop, channel_id: int
) -> None:
    window.calendar.show_month(date(2026, 11, 1))
    qloop.run_until_complete(window.calendar.wait_days())
    _write(window, "10 Kasım etkinliğimiz kutlu olsun 🎉", date(2026, 11, 10), channel_id)
    assert any("Atatürk" in note for note in window.composer.notes)
    _write(window, "Ulu Önder'i saygı ve özlemle anıyoruz.", date(2026, 11, 10), channel_id)
    assert window.composer.notes == []


def test_the_election_period_needs_a_note_kept_in_the_audit_log(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, services: Services, channel_id: int
) -> None:
    day = date.today() + timedelta(days=3)
    services.settings.election_start = (day - timedelta(days=5)).isoformat()
    services.settings.election_end = (day + timedelta(days=5)).isoformat()
    answers: list[str | None] = [None, "YSK'nın izin verdiği bilgilendirme; tören yok"]
    win = MainWindow(services)
    qtbot.addWidget(win)
    win.composer._acknowledge = lambda _words: answers.pop(0)
    _write(win, "Yeni kütüphanemizin açılış töreni cumartesi.", day, channel_id)
    assert any("açılış" in note for note in win.composer.notes)
    win.composer.checklist.source_edit.setText("Kültür Müdürlüğü")
    assert win.composer.save(schedule=True) is None
    assert win.composer.body_edit.toPlainText() == "Yeni kütüphanemizin açılış töreni cumartesi."
    post_id = win.composer.save(schedule=True)
    assert post_id is not None
    with services.sessions() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "election.warning_acknowledged")).one()
    assert entry.entity_id == post_id
    assert "tören yok" in entry.detail["note"]


def _due_during_a_pause(window: MainWindow, services: Services, channel_id: int, due: datetime) -> None:
    """A crisis pause that began an hour before ``due``, and a post that fell due in it."""
    window.pause_publishing("Deprem", mode="crisis")
    soon = datetime.now(UTC) + timedelta(seconds=1)
    services.posts.save(PostDraft(body="Konser duyurusu", channel_ids=[channel_id], scheduled_at=soon, schedule=True))
    with services.sessions.begin() as s:
        s.scalars(select(Delivery)).one().scheduled_at = due
        flag = s.get(AppFlag, PAUSE_FLAG)
        assert flag is not None
        flag.value = {**flag.value, "since": (due - timedelta(hours=1)).isoformat()}


def test_what_fell_due_while_paused_is_reviewed_on_resume(
    window: MainWindow, services: Services, channel_id: int
) -> None:
    _due_during_a_pause(window, services, channel_id, datetime.now(UTC))  # as if an hour had passed
    window.resume_publishing(decide=lambda count: False if count == 1 else None)
    assert window.services.publisher.paused() is None
    with services.sessions() as s:
        assert s.scalars(select(Delivery)).one().state is DeliveryState.DRAFT


def test_choosing_publish_on_resume_lets_what_fell_due_go_out_late_without_a_second_question(
    window: MainWindow, services: Services, channel_id: int
) -> None:
    """The resume review is the person's answer: the outbox must not ask again about the same post."""
    three_hours_ago = datetime.now(UTC) - timedelta(hours=3)
    _due_during_a_pause(window, services, channel_id, three_hours_ago)
    window.resume_publishing(decide=lambda count: True if count == 1 else None)
    assert window.services.publisher.paused() is None
    with services.sessions() as s:
        delivery = s.scalars(select(Delivery)).one()
    assert delivery.state is DeliveryState.SCHEDULED
    assert delivery.scheduled_at == three_hours_ago
    assert delivery.late_approved_at is not None
    decision = decide_slot(
        three_hours_ago, datetime.now(UTC), MissedSlotPolicy.ASK, approved_at=delivery.late_approved_at
    )
    assert decision is SlotDecision.PUBLISH  # without the review's answer it would be ASK
    assert decide_slot(three_hours_ago, datetime.now(UTC), MissedSlotPolicy.ASK) is SlotDecision.ASK
