"""The channel manager and the connect dialog, driven as a person would, with real flows.

Platforms are the sandbox platforms (mounted on an address as a real server would be, or as
training channels); the keyring is the real one; the browser is an httpx client following the
sign-in page and then the redirect to the app's loopback listener.
"""

from __future__ import annotations

import asyncio
import html
import itertools
import os
import re
import socket
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from kurum_masaustu.app import Services
from kurum_masaustu.credentials import CredentialStore
from kurum_masaustu.domain import Platform
from kurum_masaustu.paths import Profile
from kurum_masaustu.platforms.sandbox.core import SandboxState
from kurum_masaustu.platforms.sandbox.mastodon import MastodonSandbox
from kurum_masaustu.platforms.sandbox.telegram import TelegramSandbox
from kurum_masaustu.rules.channel_health import HealthState, channel_health
from kurum_masaustu.rules.policy import parse_entries
from kurum_masaustu.services.channels import ChannelService
from kurum_masaustu.services.connect import ConnectForm, ConnectService
from kurum_masaustu.store.models import Channel
from kurum_masaustu.ui.channel_manager import ChannelManagerDialog
from kurum_masaustu.ui.channel_texts import connect_error_text, health_text, managed_text, renewal_text, step_text
from kurum_masaustu.ui.channel_warning import ChannelWarning
from kurum_masaustu.ui.connect_dialog import ConnectDialog
from kurum_masaustu.ui.tasks import spawn

INSTANCE = "https://sosyal.example"


class Internet:
    """The platforms this test's 'internet' has; ``delay`` slows every answer (a slow network)."""

    def __init__(self, tmp_path: Path) -> None:
        self.instance = MastodonSandbox(state=SandboxState(tmp_path / "instance.json", {}), host="sosyal.example")
        self.telegram = TelegramSandbox.open(tmp_path / "telegram.json", "123456:dogru-anahtar")
        self.delay = 0.0
        self.down = False

    def mounts(self) -> dict[str, httpx.AsyncBaseTransport]:
        return {INSTANCE: Slow(self.instance, self), "https://api.telegram.org": Slow(self.telegram, self)}

    def client(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(mounts=self.mounts(), timeout=5.0, trust_env=False)


class Slow(httpx.AsyncBaseTransport):
    def __init__(self, inner: httpx.AsyncBaseTransport, internet: Internet) -> None:
        self.inner, self.internet = inner, internet

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        await asyncio.sleep(self.internet.delay)
        if self.internet.down:
            raise httpx.ConnectError("no route to host", request=request)
        return await self.inner.handle_async_request(request)


def browser(internet: Internet, opened: list[str]) -> Callable[[str], bool]:
    """What QDesktopServices.openUrl does in the app: here an httpx 'person' approves the page."""

    async def approve(url: str) -> None:
        async with httpx.AsyncClient(mounts=internet.mounts(), timeout=5.0, trust_env=False) as web:
            page = await web.get(url)
            action, inputs = re.findall(r"<form method='post' action='([^']*)'>(.*?)</form>", page.text, re.S)[0]
            fields = {
                html.unescape(k): html.unescape(v) for k, v in re.findall(r"name='([^']*)' value='([^']*)'", inputs)
            }
            answer = await web.post(f"{INSTANCE}{action}", data=fields)
            await web.get(answer.headers["location"])  # to the app's listener on 127.0.0.1

    def open_url(url: str) -> bool:
        opened.append(url)
        spawn(approve(url))
        return True

    return open_url


def until(loop: asyncio.AbstractEventLoop, condition: Callable[[], Any], timeout: float = 10.0) -> Any:
    async def wait() -> Any:
        deadline = time.monotonic() + timeout
        while not (found := condition()):
            if time.monotonic() > deadline:
                raise AssertionError("condition not met in time")
            await asyncio.sleep(0.02)
        return found

    return loop.run_until_complete(wait())


def message_box(parent: QWidget) -> QMessageBox | None:
    boxes = [box for box in parent.findChildren(QMessageBox) if box.isVisible()]
    return boxes[0] if boxes else None


def press(box: QMessageBox, text: str) -> None:
    [button] = [b for b in box.buttons() if b.text() == text]
    button.click()


def fill(dialog: ConnectDialog, platform: Platform, name: str, **fields: str) -> None:
    """Choose the platform, type the name and the fields, press the button."""
    dialog.platform_box.setCurrentIndex(dialog.platform_box.findData(platform.value))
    dialog.name_edit.setText(name)
    for field_name, value in fields.items():
        dialog.inputs[field_name].setText(value)
    dialog.connect_button.click()


def _manager(
    qtbot: QtBot, channels: ChannelService, internet: Internet, tmp_path: Path, opened: list[str]
) -> ChannelManagerDialog:
    connect = ConnectService(channels, tmp_path / "sandbox", network=internet.client)
    dialog = ChannelManagerDialog(channels, connect, open_url=browser(internet, opened))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_adding_a_mastodon_account_through_the_browser(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, channels: ChannelService, store: CredentialStore, tmp_path: Path
) -> None:
    internet, opened = Internet(tmp_path), []
    manager = _manager(qtbot, channels, internet, tmp_path, opened)
    assert manager.model.rowCount() == 0

    manager.add_button.click()
    dialog = manager.connect_dialog
    assert dialog is not None
    assert dialog.isVisible()
    dialog.platform_box.setCurrentIndex(dialog.platform_box.findData(Platform.MASTODON.value))
    dialog.name_edit.setText("Belediye (Mastodon)")
    dialog.inputs["base_url"].setText("sosyal.example")
    dialog.connect_button.click()
    until(qloop, lambda: manager.model.rowCount() == 1)

    assert opened
    assert opened[0].startswith(f"{INSTANCE}/oauth/authorize?")
    until(qloop, lambda: manager.connect_dialog is None)  # closed once connected
    row = [manager.model.item(0, column).text() for column in range(4)]
    assert row[:3] == ["Mastodon", "Belediye (Mastodon)", "@belediye@sosyal.example"]
    assert row[3] == health_text(
        channel_health(enabled=True, auth_problem=None, token_expires_at=None, now=datetime.now(UTC)), False
    )
    [saved] = channels.list()
    assert store.names_for(saved.id) == ["access_token", "client_secret"]

    internet.down = True  # removing while the instance cannot be reached: removed here, and told so
    manager.remove_button.click()
    press(until(qloop, lambda: message_box(manager)), "Remove")
    until(qloop, lambda: manager.model.rowCount() == 0)
    assert "could not be reached to withdraw the access" in manager.status.text()
    assert store.names_for(saved.id) == []


def test_wrong_token_and_main_password_are_refused_with_clear_words_and_nothing_saved(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, channels: ChannelService, tmp_path: Path
) -> None:
    internet = Internet(tmp_path)
    connect = ConnectService(channels, tmp_path / "sandbox", network=internet.client)
    window = QWidget()  # the main window, which stays open when the dialog closes
    qtbot.addWidget(window)
    window.show()
    dialog = ConnectDialog(connect, channels, platform=Platform.TELEGRAM, parent=window)
    dialog.show()
    dialog.name_edit.setText("Belediye (Telegram)")
    dialog.inputs["chat_id"].setText("@ornekbelediyesi")
    dialog.inputs["bot_token"].setText("123456:yanlis")
    dialog.connect_button.click()
    until(qloop, lambda: dialog.error_label.text())
    assert dialog.error_label.text() == connect_error_text("wrong_token")
    assert dialog.isVisible()
    assert dialog.inputs["bot_token"].text() == "123456:yanlis"
    assert channels.list() == []

    fill(dialog, Platform.BLUESKY, "Belediye (Bluesky)", handle="belediye.bsky.social", app_password="AnaParolam!2026")
    until(qloop, lambda: dialog.error_label.text())
    assert "xxxx-xxxx-xxxx-xxxx" in dialog.error_label.text()
    assert channels.list() == []

    fill(dialog, Platform.TELEGRAM, "Belediye (Telegram)", chat_id="@ornekbelediyesi", bot_token="123456:dogru-anahtar")
    until(qloop, lambda: dialog.result_channel is not None)
    assert [row.handle for row in channels.list()] == ["@ornekbelediyesi"]


def test_test_shows_progress_keeps_the_loop_running_and_can_be_cancelled(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, channels: ChannelService, store: CredentialStore, tmp_path: Path
) -> None:
    internet, opened = Internet(tmp_path), []
    connect = ConnectService(channels, tmp_path / "sandbox", network=internet.client)
    form = ConnectForm(
        Platform.TELEGRAM,
        "Belediye (Telegram)",
        settings={"chat_id": "@ornekbelediyesi"},
        secrets={"bot_token": "123456:dogru-anahtar"},
    )
    qloop.run_until_complete(connect.connect_with_secret(form))
    manager = _manager(qtbot, channels, internet, tmp_path, opened)

    internet.delay = 0.4
    ticks: list[float] = []

    async def heartbeat() -> None:
        while True:
            ticks.append(time.monotonic())
            await asyncio.sleep(0.01)

    beat = spawn(heartbeat())
    manager.test_button.click()
    until(qloop, lambda: len(ticks) > 5)
    assert manager.progress.isVisible()
    assert manager.cancel_button.isVisible()
    assert not manager.test_button.isEnabled()
    manager.cancel_button.click()
    until(qloop, lambda: not manager.progress.isVisible())
    assert manager.status.text() == "The test was cancelled."
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    assert max(gaps) < 0.25  # the loop never stalled while the platform was slow

    internet.delay = 0.0
    manager.test_button.click()
    until(qloop, lambda: not manager.progress.isVisible() and manager.status.text())
    assert manager.status.text().startswith("The connection works")
    beat.cancel()


def test_expiry_is_shown_with_how_to_renew_and_in_the_status_bar(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    channels: ChannelService,
    session_factory: sessionmaker[Session],
    tmp_path: Path,
) -> None:
    linkedin = channels.add(
        Platform.LINKEDIN, "Belediye (LinkedIn)", secrets={"access_token": "t"}, sandbox=True,
        token_expires_at=datetime.now(UTC) + timedelta(days=3, hours=1),
    )  # fmt: skip
    facebook = channels.add(Platform.FACEBOOK, "Belediye (Facebook)", secrets={"page_access_token": "t"}, sandbox=True)
    channels.add(
        Platform.INSTAGRAM, "Belediye (Instagram)", secrets={"access_token": "t"}, sandbox=True,
        token_expires_at=datetime.now(UTC) + timedelta(days=40),
    )  # fmt: skip
    internet, opened = Internet(tmp_path), []
    manager = _manager(qtbot, channels, internet, tmp_path, opened)
    states = [manager.model.item(row, 3).text() for row in range(3)]
    assert states[0].startswith("⚠ Token expires in 3 day")
    assert states[1].startswith("✓ Connected")
    assert states[2].startswith("✓ Connected")
    manager.table.selectRow(0)
    assert renewal_text(Platform.LINKEDIN) in manager.detail.text()

    warning = ChannelWarning()
    qtbot.addWidget(warning)
    warning.show_for(channels.list(), datetime.now(UTC))
    assert warning.isVisibleTo(warning.parentWidget() or warning)
    assert "3 day" in warning.text()
    assert renewal_text(Platform.LINKEDIN) in warning.toolTip()

    with session_factory.begin() as session:
        expired = session.get(Channel, linkedin)
        assert expired is not None
        expired.token_expires_at = datetime.now(UTC) - timedelta(minutes=1)
    channels.record_check(facebook, "auth_expired")
    manager.reload()
    states = [manager.model.item(row, 3).text() for row in range(3)]
    assert states[0].startswith("✕ Token expired")
    assert states[1].startswith("✕ Needs reconnecting")
    warning.show_for(channels.list(), datetime.now(UTC))
    assert warning.text() == "⚠ 2 channel(s) must be reconnected"  # (no translator in tests)
    healths = [
        channel_health(
            enabled=r.enabled, auth_problem=r.auth_problem, token_expires_at=r.token_expires_at, now=datetime.now(UTC)
        ).state
        for r in channels.list()
    ]
    assert healths[:2] == [HealthState.NEEDS_RECONNECT, HealthState.NEEDS_RECONNECT]


def test_rename_and_remove_with_confirmation_take_the_secret_out_of_the_keyring(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, channels: ChannelService, store: CredentialStore, tmp_path: Path
) -> None:
    channel_id = channels.add(Platform.TELEGRAM, "Telegram", secrets={"bot_token": "123:abc"}, sandbox=True)
    internet, opened = Internet(tmp_path), []
    manager = _manager(qtbot, channels, internet, tmp_path, opened)

    manager.rename_button.click()
    [ask] = [d for d in manager.findChildren(QInputDialog) if d.isVisible()]
    ask.setTextValue("  ")
    ask.accept()
    assert manager.model.item(0, 1).text() == "Telegram"
    assert manager.status.text() == connect_error_text("missing", "display_name")
    manager.rename_button.click()
    [ask] = [d for d in manager.findChildren(QInputDialog) if d.isVisible()]
    ask.setTextValue("Belediye Duyuru Kanalı")
    ask.accept()
    assert manager.model.item(0, 1).text() == "Belediye Duyuru Kanalı"

    manager.remove_button.click()
    press(until(qloop, lambda: message_box(manager)), "Keep")
    until(qloop, lambda: manager._task is None)
    assert manager.model.rowCount() == 1
    assert store.names_for(channel_id) == ["bot_token"]

    manager.remove_button.click()
    box = until(qloop, lambda: message_box(manager))
    assert "Belediye Duyuru Kanalı" in box.text()
    press(box, "Remove")
    until(qloop, lambda: manager.model.rowCount() == 0)
    assert store.names_for(channel_id) == []
    assert manager.status.text() == "Removed."


def test_a_training_channel_signs_in_on_the_sandbox_page_shown_in_the_app(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, channels: ChannelService, store: CredentialStore, tmp_path: Path
) -> None:
    internet, opened = Internet(tmp_path), []
    manager = _manager(qtbot, channels, internet, tmp_path, opened)
    manager.add_button.click()
    dialog = manager.connect_dialog
    assert dialog is not None
    dialog.platform_box.setCurrentIndex(dialog.platform_box.findData(Platform.MASTODON.value))
    dialog.sandbox_box.setChecked(True)
    assert "base_url" not in dialog.inputs
    dialog.name_edit.setText("Deneme (Mastodon)")
    dialog.connect_button.click()
    box = until(qloop, lambda: message_box(dialog))
    assert "@belediye" in box.text()
    press(box, "Deny")
    until(qloop, lambda: dialog.error_label.text())
    assert dialog.error_label.text() == connect_error_text("denied")
    assert channels.list() == []

    dialog.connect_button.click()
    press(until(qloop, lambda: message_box(dialog)), "Allow")
    until(qloop, lambda: manager.model.rowCount() == 1)
    assert opened == []  # nothing went to a real browser
    assert manager.model.item(0, 3).text().endswith("sandbox")
    [row] = channels.list()
    assert store.names_for(row.id) == ["access_token", "client_secret"]
    manager.remove_button.click()
    press(until(qloop, lambda: message_box(manager)), "Remove")
    until(qloop, lambda: manager.model.rowCount() == 0)
    # Exactly "Removed.": the platform withdrew the access first (else a note says to do it there).
    assert manager.status.text() == "Removed."
    assert not (tmp_path / "sandbox" / f"channel-{row.id}.json").exists()  # the training account went too
    assert store.names_for(row.id) == []


def test_the_window_opens_the_manager_from_its_menu_and_warns_in_the_status_bar(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, services: Services
) -> None:
    from kurum_masaustu.ui.main_window import MainWindow

    with services.sessions.begin() as session:
        session.add(
            Channel(
                platform=Platform.LINKEDIN,
                display_name="Belediye (LinkedIn)",
                token_expires_at=datetime.now(UTC) + timedelta(days=2, hours=1),
            )
        )
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    window.refresh_channel_warning()  # (start_background_work does this once the window is up)
    assert window.channel_warning.isVisible()
    assert window.channel_warning.text() == "⚠ A channel's token expires in 2 day(s)"

    window.channel_warning.click()
    [manager] = [d for d in window.findChildren(ChannelManagerDialog) if d.isVisible()]
    assert manager.model.item(0, 1).text() == "Belediye (LinkedIn)"
    manager.close()
    assert window.channels_action.text() == "C&hannels…"
    window.channels_action.trigger()
    assert [d for d in window.findChildren(ChannelManagerDialog) if d.isVisible()]


def test_reconnect_clears_needs_reconnecting_and_keeps_the_channel(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, channels: ChannelService, store: CredentialStore, tmp_path: Path
) -> None:
    internet, opened = Internet(tmp_path), []
    manager = _manager(qtbot, channels, internet, tmp_path, opened)
    manager.add_button.click()
    dialog = manager.connect_dialog
    assert dialog is not None
    dialog.sandbox_box.setChecked(True)
    fill(dialog, Platform.MASTODON, "Deneme (Mastodon)")
    press(until(qloop, lambda: message_box(dialog)), "Allow")
    until(qloop, lambda: manager.model.rowCount() == 1)
    [row] = channels.list()
    first = store.get_secret(row.id, "access_token")
    channels.record_check(row.id, "auth_expired")  # the outbox found the token refused
    manager.reload()
    assert manager.model.item(0, 3).text().startswith("✕ Needs reconnecting")
    assert renewal_text(Platform.MASTODON) in manager.detail.text()

    manager.reconnect_button.click()
    dialog = manager.connect_dialog
    assert dialog is not None
    assert not dialog.platform_box.isEnabled()  # the channel stays what it is
    dialog.connect_button.click()
    press(until(qloop, lambda: message_box(dialog)), "Allow")
    until(qloop, lambda: manager.model.item(0, 3).text().startswith("✓ Connected"))
    [again] = channels.list()
    assert (again.id, again.display_name, again.auth_problem) == (row.id, "Deneme (Mastodon)", None)
    assert store.get_secret(row.id, "access_token") != first


def test_escape_while_waiting_for_the_browser_stops_the_sign_in_and_saves_nothing(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, channels: ChannelService, tmp_path: Path
) -> None:
    internet = Internet(tmp_path)
    connect = ConnectService(channels, tmp_path / "sandbox", network=internet.client)
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    opened: list[str] = []
    dialog = ConnectDialog(
        connect, channels, platform=Platform.MASTODON, open_url=lambda url: opened.append(url) or True, parent=window
    )
    dialog.show()
    fill(dialog, Platform.MASTODON, "Belediye", base_url=INSTANCE)
    until(qloop, lambda: dialog.step_label.text() == step_text("waiting"))
    assert dialog.url_edit.text() == opened[0]  # shown, in case the browser did not open
    port = urlsplit(parse_qs(urlsplit(opened[0]).query)["redirect_uri"][0]).port
    dialog.reject()  # Escape
    until(qloop, lambda: not dialog.running())
    assert channels.list() == []
    with pytest.raises(ConnectionRefusedError), socket.create_connection(("127.0.0.1", port), timeout=1):
        pass  # nobody listens for the answer any more

    manual = ConnectDialog(connect, channels, parent=window)
    manual.show()
    fill(manual, Platform.MANUAL, "NSosyal (elle)")
    until(qloop, lambda: not manual.isVisible())
    assert [(row.platform, row.display_name) for row in channels.list()] == [(Platform.MANUAL, "NSosyal (elle)")]


def test_the_manager_connects_an_awaiting_preset_with_its_ids_locked(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    session_factory: sessionmaker[Session],
    store: CredentialStore,
    profile: Profile,
    tmp_path: Path,
) -> None:
    policy = parse_entries(
        {"channels": [{"platform": "telegram", "name": "Belediye Duyuru", "chat_id": "@ornekbelediyesi"}]}, "policy"
    )
    channels = ChannelService(session_factory, store, policy=policy)
    [channel_id] = channels.create_presets()
    warning = ChannelWarning()
    qtbot.addWidget(warning)
    warning.show_for(channels.list(), datetime.now(UTC))
    assert warning.text() == "⚠ 1 channel(s) awaiting connection"  # (no translator in tests)
    assert "Belediye Duyuru: awaiting connection" in warning.toolTip()

    internet = Internet(tmp_path)
    manager = ChannelManagerDialog(channels, ConnectService(channels, tmp_path / "sandbox", network=internet.client))
    qtbot.addWidget(manager)
    manager.show()
    assert manager.model.item(0, 3).text() == "○ Awaiting connection · managed by IT"
    assert "Not connected yet" in manager.detail.text()
    assert managed_text() in manager.detail.text()
    assert manager.reconnect_button.text() == "&Connect…"
    assert manager.reconnect_button.isEnabled()
    assert not manager.test_button.isEnabled()
    for button in (manager.rename_button, manager.remove_button):
        assert not button.isEnabled()
        assert button.toolTip() == managed_text()
    manager.rename()  # (a shortcut or a stray call: refused with the reason)
    assert manager.status.text() == connect_error_text("managed")
    if os.environ.get("KURUM_SCREENSHOT_DIR"):
        manager.grab().save(str(Path(os.environ["KURUM_SCREENSHOT_DIR"]) / "channels-awaiting.png"))

    manager.reconnect_button.click()
    dialog = manager.connect_dialog
    assert dialog is not None
    assert dialog.windowTitle() == "Connect the channel"
    assert (dialog.inputs["chat_id"].text(), dialog.inputs["chat_id"].isReadOnly()) == ("@ornekbelediyesi", True)
    assert not dialog.inputs["bot_token"].isReadOnly()
    if os.environ.get("KURUM_SCREENSHOT_DIR"):
        dialog.grab().save(str(Path(os.environ["KURUM_SCREENSHOT_DIR"]) / "connect-preset.png"))
    dialog.inputs["bot_token"].setText("123456:dogru-anahtar")
    dialog.connect_button.click()
    until(qloop, lambda: manager.model.item(0, 3).text().startswith("✓ Connected"))
    assert manager.model.item(0, 3).text() == "✓ Connected · managed by IT"
    assert manager.reconnect_button.text() == "&Reconnect…"
    assert store.names_for(channel_id) == ["bot_token"]
    assert b"dogru-anahtar" not in profile.database.read_bytes()
    [row] = channels.list()
    assert (row.id, row.auth_problem, row.settings["chat_id"]) == (channel_id, None, "@ornekbelediyesi")
    warning.show_for(channels.list(), datetime.now(UTC))
    assert warning.text() == ""


def test_a_preset_signs_in_only_as_the_account_it_set(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    session_factory: sessionmaker[Session],
    store: CredentialStore,
    tmp_path: Path,
) -> None:
    policy = parse_entries(
        {"channels": [{"platform": "mastodon", "name": "Belediye", "handle": "@baskahesap", "base_url": INSTANCE}]},
        "policy",
    )
    channels = ChannelService(session_factory, store, policy=policy)
    [channel_id] = channels.create_presets()
    internet, opened = Internet(tmp_path), []
    connect = ConnectService(channels, tmp_path / "sandbox", network=internet.client)
    manager = ChannelManagerDialog(channels, connect, open_url=browser(internet, opened))
    qtbot.addWidget(manager)
    manager.show()
    manager.reconnect_button.click()
    dialog = manager.connect_dialog
    assert dialog is not None
    assert dialog.inputs["base_url"].isReadOnly()
    dialog.connect_button.click()  # the person approves in the browser as @belediye
    until(qloop, lambda: dialog.error_label.text())
    assert dialog.error_label.text() == connect_error_text("wrong_account", "@belediye@sosyal.example")
    assert store.names_for(channel_id) == []
    [row] = channels.list()
    assert row.awaiting_connection


def test_a_connect_dialog_opened_right_after_another_closed_stays_reachable(
    qtbot: QtBot, channels: ChannelService, tmp_path: Path
) -> None:
    internet, opened = Internet(tmp_path), []
    manager = _manager(qtbot, channels, internet, tmp_path, opened)
    manager.add_button.click()
    first = manager.connect_dialog
    assert first is not None
    first.reject()  # closed: destroyed later, when the event loop comes round
    manager.add_button.click()
    second = manager.connect_dialog
    assert second is not None
    assert second is not first
    qtbot.waitUntil(lambda: not _alive(first))
    assert manager.connect_dialog is second  # the first one's end did not forget the second
    second.reject()
    qtbot.waitUntil(lambda: manager.connect_dialog is None)


def _alive(dialog: QWidget) -> bool:
    import shiboken6

    return bool(shiboken6.isValid(dialog))
