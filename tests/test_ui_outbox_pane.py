"""The outbox pane's questions to the person: an uncertain delivery (published? paste its link,
or send it again)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

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


def test_a_missed_delivery_shows_how_late_it_is_and_asks(
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    with services.sessions.begin() as s:
        mastodon = Channel(platform=Platform.MASTODON, display_name="Belediye Mastodon", handle="@belediye")
        posts = [Post(title=f"Duyuru {i}", body=f"Duyuru {i}") for i in range(2)]
        for post in posts:
            post.deliveries.append(
                Delivery(
                    channel=mastodon,
                    scheduled_at=datetime.now(UTC) - timedelta(hours=3, minutes=10),
                    state=DeliveryState.MISSED,
                )
            )
        s.add_all(posts)
        s.flush()
        first, second = (p.deliveries[0].id for p in posts)
    pane = OutboxPane(services.outbox)
    qtbot.addWidget(pane)
    pane.show()
    pane.reload()
    assert pane.model.rowCount() == 2
    assert pane.model.index(0, 4).data() == "3 hour(s) late · publish now, or keep it as a draft?"
    pane.table.selectRow(0)
    assert pane.publish_late_button.isVisible()
    assert pane.keep_draft_button.isVisible()
    assert not pane.confirm_button.isVisible()
    chosen = pane.model.row(pane.table.currentIndex()).delivery_id
    with qtbot.waitSignal(pane.changed):
        pane.publish_late_button.click()
    assert _state(services, chosen).state is DeliveryState.SCHEDULED
    pane.table.selectRow(0)
    other = pane.model.row(pane.table.currentIndex()).delivery_id
    assert {chosen, other} == {first, second}
    pane.keep_draft_button.click()
    assert _state(services, other).state is DeliveryState.DRAFT


def test_the_missed_slot_policy_is_a_setting(qtbot: QtBot, services: Services, tmp_path: Path) -> None:
    from kurum_masaustu.rules.policy import Policy
    from kurum_masaustu.settings import Settings
    from kurum_masaustu.ui.settings_dialog import SettingsDialog

    path = tmp_path / "settings.json"
    settings = Settings()
    dialog = SettingsDialog(settings, path, Policy())
    qtbot.addWidget(dialog)
    assert dialog.missed_combo.currentData() == "ask"  # the default
    dialog.missed_combo.setCurrentIndex(dialog.missed_combo.findData("drop"))
    dialog.save()
    assert settings.missed_slot_policy == "drop"  # the running outbox reads it at its next run
    assert Settings.load(path).missed_slot_policy == "drop"
