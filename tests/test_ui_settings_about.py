"""Settings (with policy-managed fields locked) and About (with the third-party notices)."""

from __future__ import annotations

import json
import os
import stat
import tempfile
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from kurum_masaustu.rules.policy import Policy, parse_entries, parse_file_text
from kurum_masaustu.settings import Settings
from kurum_masaustu.ui.about_dialog import AboutDialog
from kurum_masaustu.ui.settings_dialog import SettingsDialog

SCREENSHOTS = os.environ.get("KURUM_SCREENSHOT_DIR")


def _dialog(qtbot: QtBot, tmp_path: Path, policy: Policy, settings: Settings | None = None) -> SettingsDialog:
    if settings is None:
        settings = Settings(institution_name="Kendi ad", province="Bursa", district="Nilüfer")
        settings.save(tmp_path / "settings.json")
    dialog = SettingsDialog(settings, tmp_path / "settings.json", policy)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_managed_fields_are_locked_with_a_note_and_never_saved(qtbot: QtBot, tmp_path: Path) -> None:
    policy = parse_entries(
        {"INSTITUTION_NAME": "Örnekköy Belediyesi", "PROXY": "http://vekil:8080", "SYNC_INTERVAL_MINUTES": "15"},
        "registry HKLM",
        from_registry=True,
    )
    settings = Settings(institution_name="Kendi ad", province="Bursa")
    settings.save(tmp_path / "settings.json")
    settings.institution_name = "Örnekköy Belediyesi"  # what the app does at start (apply_to_settings)
    dialog = _dialog(qtbot, tmp_path, policy, settings)
    name = dialog.inputs["institution_name"]
    assert name.text() == "Örnekköy Belediyesi"
    assert name.isReadOnly()
    assert not name.isEnabled()
    assert "institution_name" in dialog.locks
    assert dialog.locks["institution_name"].isVisible()
    assert "registry HKLM" in dialog.locks["institution_name"].toolTip()
    assert dialog.inputs["province"].isEnabled()
    assert "province" not in dialog.locks
    shown = " ".join(label.text() for label in dialog.managed_box.findChildren(type(dialog.locks["institution_name"])))
    assert "http://vekil:8080" in shown
    assert "15" in shown
    assert not dialog.problems_box.isVisible()
    if SCREENSHOTS:
        dialog.grab().save(str(Path(SCREENSHOTS) / "settings-managed.png"))

    dialog.inputs["province"].setText("Ankara")
    dialog.save()
    stored = Settings.load(tmp_path / "settings.json")
    assert stored.province == "Ankara"
    assert stored.institution_name == "Kendi ad"  # the policy value stays out of the profile


def test_ignored_policy_keys_are_shown(qtbot: QtBot, tmp_path: Path) -> None:
    policy = parse_file_text('{"proxi": "http://x:1", "district": "Konak", "access_token": "gizli"}', "policy.json")
    dialog = _dialog(qtbot, tmp_path, policy)
    assert dialog.problems_box.isVisible()
    text = dialog.problems_text.toPlainText()
    assert "policy.json: proxi: unknown key" in text
    assert "access_token: secrets do not belong in a policy" in text
    assert "gizli" not in text
    assert dialog.inputs["district"].text() == "Nilüfer"  # not applied in this dialog's settings object
    assert not dialog.inputs["district"].isEnabled()
    if SCREENSHOTS:
        dialog.grab().save(str(Path(SCREENSHOTS) / "settings-problems.png"))


def test_preset_channels_show_what_is_created_and_what_the_policy_forbids(qtbot: QtBot, tmp_path: Path) -> None:
    from kurum_masaustu.policy import load_policy

    file = tmp_path / "policy.json"
    presets = [
        {"platform": "telegram", "name": "Belediye Duyuru", "chat_id": "@ornekbelediyesi"},
        {"platform": "facebook", "name": "Belediye Sayfası", "page_id": "1234567890"},
    ]
    file.write_text(json.dumps({"allowed_platforms": ["telegram"], "channels": presets}), encoding="utf-8")
    dialog = _dialog(qtbot, tmp_path, load_policy(registry={}, path=file))
    shown = " ".join(label.text() for label in dialog.managed_box.findChildren(QLabel))
    assert "telegram: Belediye Duyuru" in shown
    assert "Publishing → Channels…" in shown
    assert "Belediye Sayfası" not in shown  # not created: said with the ignored entries instead
    assert "Belediye Sayfası" in dialog.problems_text.toPlainText()
    assert "facebook is not in allowed_platforms" in dialog.problems_text.toPlainText()


def test_a_read_only_profile_keeps_the_edit_and_says_why(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    profile = tmp_path / "profile"
    profile.mkdir()
    dialog = _dialog(qtbot, profile, Policy())
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    if os.geteuid() == 0:  # root writes into read-only folders: make the OS call fail as it would

        def refuse(*_args: object, **_kwargs: object) -> tuple[int, str]:
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(tempfile, "mkstemp", refuse)
    profile.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        dialog.inputs["province"].setText("Ankara")
        dialog.save()
    finally:
        profile.chmod(stat.S_IRWXU)
    assert len(warnings) == 1
    assert "cannot be written" in warnings[0]
    assert "Permission denied" in warnings[0]
    assert dialog.isVisible()  # the dialog stays open with the user's text
    assert dialog.inputs["province"].text() == "Ankara"
    assert Settings.load(profile / "settings.json").province == "Bursa"


def test_about_shows_the_third_party_notices(qtbot: QtBot) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.show_notices()
    text = dialog.notices.toPlainText()
    for needle in (
        "PySide6",
        "LGPL-3.0",
        "x264",
        "x265",
        "FFmpeg",
        "libheif",
        "twitter-text",
        "Copyright 2011 Twitter, Inc.",
        "SQLAlchemy",
        "Permission is hereby granted",  # an MIT licence text, read from a distribution's files
    ):
        assert needle in text, needle
    assert "kurum-masaustu 0" not in text  # the app itself is not a third party
    assert dialog.notices_source.text() == "Generated from the Python packages installed with this copy."
    if SCREENSHOTS:
        dialog.grab().save(str(Path(SCREENSHOTS) / "about-notices.png"))
