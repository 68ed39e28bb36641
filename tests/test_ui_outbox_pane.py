"""The outbox pane's questions to the person: an uncertain delivery (published? paste its link,
or send it again)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kurum_masaustu.app import Services
from kurum_masaustu.domain import DeliveryState, Platform
from kurum_masaustu.store.models import Channel, Delivery, Post
from kurum_masaustu.ui.outbox_pane import OutboxPane

SENT = datetime.now(UTC) - timedelta(hours=2)


@pytest.fixture
def uncertain(services: Services) -> int:
    with services.sessions.begin() as s:
        telegram = Channel(platform=Platform.TELEGRAM, display_name="Belediye Telegram", handle="@ornekbelediyesi")
        post = Post(title="Su kesintisi", body="Yarın <b>su</b> kesintisi var.")
        post.deliveries.append(
            Delivery(
                channel=telegram,
                scheduled_at=SENT,
                sending_since=SENT,
                attempts=1,
                state=DeliveryState.UNCERTAIN,
                last_error="uncertain: the channel has no discussion group",
            )
        )
        s.add(post)
        s.flush()
        return post.deliveries[0].id


@pytest.fixture
def pane(qtbot: QtBot, services: Services, uncertain: int) -> OutboxPane:
    widget = OutboxPane(services.outbox)
    qtbot.addWidget(widget)
    widget.resize(1100, 260)
    widget.show()
    qtbot.waitExposed(widget)
    widget.table.selectRow(0)
    return widget


def _state(services: Services, delivery_id: int) -> Delivery:
    with services.sessions() as s:
        return s.scalars(select(Delivery).where(Delivery.id == delivery_id)).one()


def test_an_uncertain_delivery_asks_the_person_what_they_see(pane: OutboxPane) -> None:
    model = pane.model
    assert model.rowCount() == 1
    assert "cannot show whether it went out" in model.index(0, 4).data()
    assert "no discussion group" in model.index(0, 4).data()
    assert pane.confirm_button.isVisible()
    assert pane.again_button.isVisible()
    assert not pane.retry_button.isEnabled()
    assert not pane.cancel_button.isEnabled()
    assert not pane.posted_button.isVisible()


def test_a_pasted_link_records_it_as_published(
    pane: OutboxPane, services: Services, uncertain: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))
    answers = iter([("gördüm, kanalda var", True), ("https://t.me/ornekbelediyesi/512", True)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *_args, **_kwargs: next(answers))
    pane.confirm_button.click()
    assert warnings == ["That is not a web address. It should start with https://"]
    assert _state(services, uncertain).state is DeliveryState.UNCERTAIN  # nothing lost, still asked
    pane.confirm_button.click()
    done = _state(services, uncertain)
    assert done.state is DeliveryState.PUBLISHED
    assert done.permalink == "https://t.me/ornekbelediyesi/512"
    assert pane.model.index(0, 4).data() == "https://t.me/ornekbelediyesi/512"


def test_send_again_only_after_the_person_confirms(
    pane: OutboxPane, services: Services, uncertain: int, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    answers = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
    monkeypatch.setattr(QMessageBox, "question", lambda *_args, **_kwargs: next(answers))
    pane.again_button.click()
    assert _state(services, uncertain).state is DeliveryState.UNCERTAIN
    with qtbot.waitSignal(pane.changed):
        pane.again_button.click()
    again = _state(services, uncertain)
    assert again.state is DeliveryState.SCHEDULED
    assert again.sending_since is None
    assert again.next_attempt_at is not None
