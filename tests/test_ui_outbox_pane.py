"""The outbox pane's questions to the person: an uncertain delivery (published? paste its link,
or send it again)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kurum_masaustu.app import Services
from kurum_masaustu.domain import DeliveryState, Platform
from kurum_masaustu.store.models import Channel, Delivery, Post
from kurum_masaustu.ui.outbox_pane import OutboxPane
from kurum_masaustu.ui.permalink_dialog import PermalinkDialog

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


def test_the_link_dialog_says_what_it_understood_and_records_the_post_id(
    pane: OutboxPane, services: Services, uncertain: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[str, bool]] = []

    def paste(dialog: PermalinkDialog) -> int:
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        seen.append((dialog.understood_label.text(), ok.isEnabled()))
        for text in (
            "gördüm, kanalda var",
            "https://x.com/ornekbelediyesi/status/1861034219871234567",
            "https://t.me/ankarabb/512",
            "https://t.me/ornekbelediyesi",
            "https://t.me/ornekbelediyesi/512",
        ):
            dialog.link_edit.setText(text)
            seen.append((dialog.understood_label.text(), ok.isEnabled()))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PermalinkDialog, "exec", paste)
    pane.confirm_button.click()
    assert seen == [
        ("Paste the link of the post.", False),
        ("That is not a web address. It should start with https://", False),
        ("This is not a link to Telegram: it points to x.com.", False),
        ("This post belongs to another account (ankarabb), not to this channel.", False),
        ("This Telegram address is not a link to a post.", False),
        ("Understood: Telegram post 512.", True),
    ]
    done = _state(services, uncertain)
    assert done.state is DeliveryState.PUBLISHED
    assert done.permalink == "https://t.me/ornekbelediyesi/512"
    assert done.remote_id == "512"
    assert pane.model.index(0, 4).data() == "https://t.me/ornekbelediyesi/512"


def test_a_refused_link_changes_nothing_and_says_why(
    pane: OutboxPane, services: Services, uncertain: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))
    assert pane.confirm_published(uncertain, "https://t.me/ankarabb/512") is None
    assert pane.confirm_published(uncertain, "kanalda gördüm") is None
    assert warnings == [
        "This post belongs to another account (ankarabb), not to this channel.",
        "That is not a web address. It should start with https://",
    ]
    kept = _state(services, uncertain)
    assert kept.state is DeliveryState.UNCERTAIN  # nothing lost, still asked
    assert kept.permalink is None
    assert kept.remote_id is None


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


def test_the_status_bar_counts_what_waits_for_the_person(qtbot: QtBot) -> None:
    """A delivery parked as too late (or uncertain) is no longer "scheduled": it is counted apart."""
    from kurum_masaustu.ui.status_bar import AppStatusBar

    bar = AppStatusBar()
    qtbot.addWidget(bar)
    bar.set_outbox_counts({DeliveryState.SCHEDULED: 4, DeliveryState.PUBLISHING: 1})
    assert bar.outbox_label.text() == "Outbox: 5 scheduled"
    counts = {DeliveryState.SCHEDULED: 4, DeliveryState.MISSED: 2, DeliveryState.UNCERTAIN: 1}
    bar.set_outbox_counts(counts)
    assert bar.outbox_label.text() == "Outbox: 4 scheduled · 3 wait(s) for your decision"
    bar.set_outbox_counts({**counts, DeliveryState.FAILED: 1})
    assert bar.outbox_label.text() == "Outbox: 4 scheduled · 3 wait(s) for your decision · 1 failed"


def test_a_queue_change_is_read_in_a_worker_when_seen_and_later_when_not(
    qtbot: QtBot, qloop: object, services: Services, pane: OutboxPane, uncertain: int
) -> None:
    with services.sessions.begin() as s:
        delivery = s.get(Delivery, uncertain)
        delivery.state, delivery.published_at = DeliveryState.PUBLISHED, datetime.now(UTC)  # confirmed elsewhere
    pane.queue_changed()  # the outbox ran; the pane is on screen
    assert _first_state(pane) is DeliveryState.UNCERTAIN  # still the old rows
    qtbot.waitUntil(lambda: _first_state(pane) is DeliveryState.PUBLISHED)

    pane.hide()
    with services.sessions.begin() as s:
        s.get(Delivery, uncertain).state = DeliveryState.FAILED
    pane.queue_changed()  # nobody sees it: nothing read now
    qtbot.wait(50)
    assert _first_state(pane) is DeliveryState.PUBLISHED
    pane.show()  # its tab opened again
    qtbot.waitUntil(lambda: _first_state(pane) is DeliveryState.FAILED)


def _first_state(pane: OutboxPane) -> DeliveryState | None:
    return pane.model.row(pane.model.index(0, 0)).state if pane.model.rowCount() else None
