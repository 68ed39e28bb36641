"""IT policy: MSI properties (registry strings) and the policy file, parsed and merged; bad keys
are left out with a reason and never stop the app."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kurum_masaustu import policy as policy_io
from kurum_masaustu.rules.policy import PresetChannel, merge, parse_entries, parse_file_text


@pytest.fixture(autouse=True)
def _fresh_policy() -> Iterator[None]:
    policy_io.reset_for_tests()
    yield
    policy_io.reset_for_tests()


def _keys(policy_problems: list[object]) -> list[str]:
    return [p.key for p in policy_problems]  # type: ignore[attr-defined]


def test_msi_properties_become_typed_values() -> None:
    registry = {
        "INSTITUTION_NAME": "Örnekköy Belediyesi",
        "PROVINCE": "İzmir",
        "DISTRICT": "",  # the installer writes every property; empty means not set
        "PROXY": "http://vekil.kurum.local:8080",
        "DISABLE_SANDBOX": "1",
        "ALLOWED_PLATFORMS": "facebook, x;bluesky",
        "SYNC_INTERVAL_MINUTES": "15",
        "APP_IDS": '{"facebook": "1234567890"}',
    }
    policy = parse_entries(registry, "registry", from_registry=True)
    assert policy.problems == []
    assert policy.values == {
        "institution_name": "Örnekköy Belediyesi",
        "province": "İzmir",
        "proxy": "http://vekil.kurum.local:8080",
        "disable_sandbox": True,
        "allowed_platforms": ("facebook", "x", "bluesky"),
        "sync_interval_minutes": 15,
        "app_ids": {"facebook": "1234567890"},
    }
    assert not policy.manages("district")
    assert policy.sandbox_disabled
    assert policy.platform_allowed("x")
    assert not policy.platform_allowed("instagram")


def test_bad_keys_are_left_out_with_a_reason_and_the_rest_applies() -> None:
    text = json.dumps(
        {
            "_comment": "underscore keys are comments",
            "province": "Ankara",
            "proxy": "ftp://vekil:21",
            "proxi": "http://typo:8080",
            "sync_interval_minutes": 1,
            "disable_sandbox": "belki",
            "allowed_platforms": ["facebook", "myspace"],
            "access_token": "abc",
            "app_ids": {"facebook": "12 34"},
        }
    )
    policy = parse_file_text(text, "policy.json")
    assert policy.values == {"province": "Ankara"}
    reasons = {p.key: p.message for p in policy.problems}
    assert set(reasons) == {
        "proxy",
        "proxi",
        "sync_interval_minutes",
        "disable_sandbox",
        "allowed_platforms",
        "access_token",
        "app_ids",
    }
    assert "http://" in reasons["proxy"]
    assert reasons["proxi"] == "unknown key"
    assert reasons["access_token"] == "secrets do not belong in a policy"
    assert "between 5 and 1440" in reasons["sync_interval_minutes"]
    assert "myspace" in reasons["allowed_platforms"]


@pytest.mark.parametrize(
    ("proxy", "ok"),
    [
        ("http://10.0.0.1:3128", True),
        ("https://vekil.bel.tr:443", True),
        ("http://[::1]:8080", True),
        ("http://kullanici:parola@vekil:8080", False),  # a password is a secret
        ("http://vekil", False),  # no port
        ("http://vekil:8080/yol", False),
        ("socks5://vekil:1080", False),
        ("http://vekil:99999", False),
    ],
)
def test_proxy_addresses(proxy: str, ok: bool) -> None:
    policy = parse_entries({"proxy": proxy}, "f")
    assert policy.manages("proxy") is ok


def test_preset_channels_never_carry_secrets() -> None:
    good = parse_entries(
        {
            "channels": [
                {"platform": "mastodon", "name": "Belediye", "handle": "@bel", "base_url": "https://sosyal.example"}
            ]
        },
        "f",
    )
    assert good.get("channels") == (
        PresetChannel("mastodon", "Belediye", "@bel", (("base_url", "https://sosyal.example"),)),
    )
    with_token = parse_entries({"channels": [{"platform": "x", "name": "X", "access_token": "s3cr3t"}]}, "f")
    assert not with_token.manages("channels")
    assert "secrets do not belong" in with_token.problems[0].message
    assert "s3cr3t" not in str(with_token.problems[0])


@pytest.mark.parametrize("text", ["{not json", "[1, 2]", '"x"', ""])
def test_a_broken_file_is_one_problem_and_no_values(text: str) -> None:
    policy = parse_file_text(text, "policy.json")
    assert policy.values == {}
    assert _keys(policy.problems) == ["(file)"]


def test_registry_wins_over_the_file_and_the_conflict_is_reported() -> None:
    registry = parse_entries({"PROVINCE": "Ankara"}, "registry", from_registry=True)
    file = parse_entries({"province": "İzmir", "district": "Konak"}, "policy.json")
    merged = merge(registry, file)
    assert merged.values == {"province": "Ankara", "district": "Konak"}
    assert merged.sources == {"province": "registry", "district": "policy.json"}
    assert [str(p) for p in merged.problems] == ["policy.json: province: ignored: also set in registry, which wins"]


def test_loader_reads_the_file_logs_bad_keys_and_never_raises(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "policy.json"
    path.write_bytes(b'\xef\xbb\xbf{"district": "Konak", "bogus": 1}')  # Notepad's UTF-8 BOM
    with caplog.at_level(logging.WARNING, logger="kurum_masaustu.policy"):
        policy = policy_io.load_policy(registry={}, path=path)
    assert policy.values == {"district": "Konak"}
    assert "policy key ignored" in caplog.text
    assert "bogus" in caplog.text

    path.write_bytes(b"\xff\xfe{\x00")  # UTF-16, as some editors save
    assert _keys(policy_io.load_policy(registry={}, path=path).problems) == ["(file)"]
    assert policy_io.load_policy(registry={}, path=tmp_path / "missing.json").values == {}


def test_an_unreadable_policy_file_is_reported(tmp_path: Path) -> None:
    folder = tmp_path / "policy.json"
    folder.mkdir()  # a folder where the file should be: reading fails with an OSError
    problems = policy_io.load_policy(registry={}, path=folder).problems
    assert len(problems) == 1
    assert "cannot be read" in problems[0].message


def test_managed_fields_override_settings_in_memory(tmp_path: Path) -> None:
    from kurum_masaustu.settings import Settings

    settings = Settings(institution_name="Eski ad", province="Bursa")
    policy = parse_entries({"institution_name": "Yeni Belediye"}, "f")
    policy_io.apply_to_settings(policy, settings)
    assert (settings.institution_name, settings.province) == ("Yeni Belediye", "Bursa")


def test_the_managed_proxy_goes_to_the_network_client(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "policy.json"
    path.write_text('{"proxy": "http://127.0.0.1:3128"}', encoding="utf-8")
    monkeypatch.setenv(policy_io.POLICY_ENV, str(path))
    assert policy_io.managed_proxy() == "http://127.0.0.1:3128"


def _cli(policy_file: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KURUM_MASAUSTU_POLICY=str(policy_file))
    return subprocess.run(
        [sys.executable, "-m", "kurum_masaustu", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
        input="",
    )


def test_policy_turns_off_the_demo_and_sandbox_channels(tmp_path: Path) -> None:
    path = tmp_path / "policy.json"
    path.write_text('{"disable_sandbox": true, "allowed_platforms": ["mastodon", "manual"]}', encoding="utf-8")
    demo = _cli(path, "--demo", "--screenshot", str(tmp_path / "x.png"))
    assert demo.returncode == 5
    assert "Deneme profili bu bilgisayarda BT biriminizin politikasıyla kapatılmış." in demo.stderr
    assert not (tmp_path / "x.png").exists()
    profile = str(tmp_path / "p")
    sandbox = _cli(path, "channel", "add", "--profile", profile, "--platform", "manual", "--name", "D", "--sandbox")
    assert sandbox.returncode == 2
    assert "Deneme (eğitim) kanalları" in sandbox.stderr
    other = _cli(path, "channel", "add", "--profile", profile, "--platform", "telegram", "--name", "T")
    assert other.returncode == 2
    assert "izinli platformlar: mastodon, manual" in other.stderr
    allowed = _cli(path, "channel", "add", "--profile", profile, "--platform", "manual", "--name", "Elle")
    assert allowed.returncode == 0, allowed.stderr


def test_a_broken_policy_file_does_not_stop_a_command(tmp_path: Path) -> None:
    path = tmp_path / "policy.json"
    path.write_text("{ bu bir JSON değil", encoding="utf-8")
    result = _cli(path, "channel", "add", "--profile", str(tmp_path / "p"), "--platform", "manual", "--name", "E")
    assert result.returncode == 0, result.stderr


def test_the_app_start_and_the_commands_create_preset_channels_once(tmp_path: Path) -> None:
    """The window's start and every command that opens the profile create what is missing, once."""
    policy_file = tmp_path / "policy.json"
    policy_file.write_text(
        json.dumps(
            {
                "allowed_platforms": ["telegram", "mastodon"],
                "channels": [
                    {"platform": "telegram", "name": "Belediye Duyuru", "chat_id": "@ornekbelediyesi"},
                    {"platform": "mastodon", "name": "Belediye (Mastodon)", "base_url": "https://sosyal.example"},
                    {"platform": "facebook", "name": "Belediye (Facebook)", "page_id": "1234567890"},
                ],
            }
        ),
        encoding="utf-8",
    )
    profile = str(tmp_path / "profil")
    started = _cli(policy_file, "--profile", profile, "--screenshot", str(tmp_path / "pencere.png"))
    assert started.returncode == 0, started.stderr
    for _ in range(2):  # the commands open the profile too: no second copy
        listed = _cli(policy_file, "channel", "list", "--profile", profile, "--json")
        assert listed.returncode == 0, listed.stderr
        rows = json.loads(listed.stdout)
        assert [(r["display_name"], r["auth_problem"], r["managed"]) for r in rows] == [
            ("Belediye Duyuru", "awaiting_connection", True),
            ("Belediye (Mastodon)", "awaiting_connection", True),
        ]
    text = _cli(policy_file, "channel", "list", "--profile", profile)
    assert "[BT] [bağlantı bekliyor" in text.stdout
    first_id = str(rows[0]["id"])
    removed = _cli(policy_file, "channel", "remove", "--profile", profile, first_id)
    assert removed.returncode == 2
    assert "BT yönetimi tarafından tanımlandı" in removed.stderr
    tested = _cli(policy_file, "channel", "test", "--profile", profile, first_id)
    assert tested.returncode == 1
    assert "henüz bağlanmadı" in tested.stderr
    synced = _cli(policy_file, "sync", "--profile", profile)
    assert synced.returncode == 0, synced.stderr  # nothing tried on the awaiting channels
