"""IT policy in the channel dialog: only allowed platforms for a new channel, no sandbox if off."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kurum_masaustu import policy
from kurum_masaustu.app import Services
from kurum_masaustu.domain import Platform
from kurum_masaustu.services.channels import ChannelService
from kurum_masaustu.services.connect import ConnectService
from kurum_masaustu.ui.connect_dialog import ConnectDialog


@pytest.fixture
def managed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    path = tmp_path / "policy.json"
    path.write_text('{"disable_sandbox": true, "allowed_platforms": ["mastodon", "manual"]}', encoding="utf-8")
    monkeypatch.setenv(policy.POLICY_ENV, str(path))
    policy.reset_for_tests()
    yield
    policy.reset_for_tests()


def _dialog(qtbot: QtBot, services: Services, tmp_path: Path, **kwargs: object) -> ConnectDialog:
    channels = ChannelService(services.sessions, services.credentials())
    connect = ConnectService(channels, tmp_path / "sandbox")
    dialog = ConnectDialog(connect, channels, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_a_new_channel_offers_only_allowed_platforms_and_no_sandbox(
    managed: None, qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, services, tmp_path, platform=Platform.TELEGRAM, sandbox=True)
    offered = [dialog.platform_box.itemData(i) for i in range(dialog.platform_box.count())]
    assert offered == ["mastodon", "manual"]
    assert not dialog.sandbox_box.isChecked()
    assert not dialog.sandbox_box.isEnabled()
    assert "policy" in dialog.sandbox_box.toolTip()
    if os.environ.get("KURUM_SCREENSHOT_DIR"):
        dialog.grab().save(str(Path(os.environ["KURUM_SCREENSHOT_DIR"]) / "connect-policy.png"))


def test_an_existing_channel_can_still_be_reconnected(
    managed: None, qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, services, tmp_path, channel_id=1, platform=Platform.TELEGRAM)
    assert dialog.platform() == Platform.TELEGRAM


def test_without_policy_every_platform_is_offered(qtbot: QtBot, services: Services, tmp_path: Path) -> None:
    policy.reset_for_tests()
    dialog = _dialog(qtbot, services, tmp_path)
    assert dialog.platform_box.count() == len(list(Platform))
    assert dialog.sandbox_box.isEnabled()
