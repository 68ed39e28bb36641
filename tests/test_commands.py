"""Headless commands as IT runs them (real processes, real profiles)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from kurum_masaustu.profile_lock import ProfileLock


def _cli(*args: str, stdin: str = "", timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kurum_masaustu", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        check=False,
    )


def test_a_manual_channel_is_added_and_listed(tmp_path: Path) -> None:
    profile = str(tmp_path / "p")
    added = _cli("channel", "add", "--profile", profile, "--platform", "manual", "--name", "NSosyal (elle)")
    assert added.returncode == 0, added.stderr
    listed = _cli("channel", "list", "--profile", profile, "--json")
    assert '"display_name": "NSosyal (elle)"' in listed.stdout


def test_bad_input_gets_a_turkish_message(tmp_path: Path) -> None:
    profile = str(tmp_path / "p")
    unknown = _cli("channel", "add", "--profile", profile, "--platform", "myspace", "--name", "X")
    assert unknown.returncode == 2
    assert "Bilinmeyen platform" in unknown.stderr
    no_url = _cli("channel", "add", "--profile", profile, "--platform", "mastodon", "--name", "M", stdin="token\n")
    assert no_url.returncode == 2
    assert "Eksik ayar: base_url" in no_url.stderr
    missing = _cli("channel", "remove", "--profile", profile, "99")
    assert missing.returncode == 2
    assert "Böyle bir kanal yok" in missing.stderr


def test_sync_on_an_empty_profile_reports_and_succeeds(tmp_path: Path) -> None:
    result = _cli("sync", "--profile", str(tmp_path / "p"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Eşitleme:")


def test_sync_refuses_a_profile_in_use(tmp_path: Path) -> None:
    profile = tmp_path / "p"
    profile.mkdir()
    lock = ProfileLock(profile)
    lock.acquire()
    try:
        result = _cli("sync", "--profile", str(profile))
    finally:
        lock.release()
    assert result.returncode == 3
    assert "başka bir pencerede ya da eşitlemede açık" in result.stderr


def test_a_foreign_database_is_refused_by_the_commands_too(tmp_path: Path) -> None:
    profile = tmp_path / "p"
    profile.mkdir()
    (profile / "kurum.sqlite3").write_bytes(b"not a database" * 10)
    result = _cli("channel", "list", "--profile", str(profile))
    assert result.returncode == 2
    assert "Kurum Masaüstü veritabanı değil" in result.stderr


def test_a_token_expiry_given_by_it_shows_in_the_channel_list(tmp_path: Path) -> None:
    from datetime import date, timedelta

    profile = str(tmp_path / "p")
    soon = (date.today() + timedelta(days=5)).isoformat()
    added = _cli(
        "channel", "add", "--profile", profile, "--platform", "linkedin", "--name", "Belediye (LinkedIn)",
        "--sandbox", "--expires", soon, stdin="\n",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    listed = _cli("channel", "list", "--profile", profile)
    # 23:59 in Türkiye on that day: 4 or 5 whole days from now, depending on the hour.
    assert re.search(r"\[deneme\] \[anahtarın süresi [45] gün içinde doluyor\]", listed.stdout), listed.stdout
    bad = _cli(
        "channel", "add", "--profile", profile, "--platform", "linkedin", "--name", "L", "--sandbox",
        "--expires", "25.01.2027", stdin="\n",
    )  # fmt: skip
    assert bad.returncode == 2
    assert "Tarih anlaşılamadı" in bad.stderr


def test_channel_test_checks_with_the_platform_and_says_what_is_wrong(tmp_path: Path) -> None:
    import socket

    profile = str(tmp_path / "p")
    training = _cli(
        "channel", "add", "--profile", profile, "--platform", "telegram", "--name", "Deneme", "--sandbox", stdin="\n"
    )  # fmt: skip
    assert training.returncode == 0, training.stderr
    works = _cli("channel", "test", "--profile", profile, training.stdout.strip())
    assert works.returncode == 0, works.stderr
    assert works.stdout.startswith("Bağlantı tamam: ")

    with socket.socket() as probe:  # a port nobody listens on: the instance is unreachable
        probe.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{probe.getsockname()[1]}"
    added = _cli(
        "channel", "add", "--profile", profile, "--platform", "mastodon", "--name", "M", "--base-url", closed,
        stdin="token\n",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    unreachable = _cli("channel", "test", "--profile", profile, added.stdout.strip())
    assert unreachable.returncode == 1
    assert "Sunucuya ulaşılamadı" in unreachable.stderr
    listed = _cli("channel", "list", "--profile", profile).stdout
    assert "[yeniden bağlan]" not in listed  # an unreachable server is no reason to reconnect
    missing = _cli("channel", "test", "--profile", profile, "99")
    assert missing.returncode == 2
