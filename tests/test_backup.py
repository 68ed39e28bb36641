"""Backup and restore of a whole profile: real SQLite (WAL, app open), real media files, the real
keyring; the zip, the CLI and the window's File → Back up…."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from kurum_masaustu.app import Services, build_services
from kurum_masaustu.cli import main
from kurum_masaustu.credentials import CredentialStore
from kurum_masaustu.demo.seed import seed_demo_profile
from kurum_masaustu.domain import Platform
from kurum_masaustu.paths import Profile
from kurum_masaustu.rules.backup_age import backup_due
from kurum_masaustu.rules.channel_health import HealthState, channel_health
from kurum_masaustu.services.backup import (
    BackupCancelledError,
    BackupError,
    message_tr,
    restore_backup,
    verify_backup,
    write_backup,
)
from kurum_masaustu.services.channels import ChannelService
from kurum_masaustu.settings import Settings
from kurum_masaustu.store.models import Channel, Delivery, InboxItem, MediaAsset, Post

TOKEN = "gizli-erisim-anahtari-7f3a9c1e5b"


def _rows(services: Services) -> dict[str, list[tuple[object, ...]]]:
    with services.sessions() as s:
        return {
            "posts": [(p.id, p.title, p.body, p.kind, p.category) for p in s.scalars(select(Post).order_by(Post.id))],
            "deliveries": [
                (d.id, d.post_id, d.channel_id, d.state, d.scheduled_at, d.remote_id, d.permalink)
                for d in s.scalars(select(Delivery).order_by(Delivery.id))
            ],
            "inbox": [
                (i.id, i.channel_id, i.text, i.author_name, i.status, i.category)
                for i in s.scalars(select(InboxItem).order_by(InboxItem.id))
            ],
            "media": [(m.id, m.sha256, m.relative_path) for m in s.scalars(select(MediaAsset).order_by(MediaAsset.id))],
        }


def _media_bytes(profile: Profile) -> dict[str, bytes]:
    return {
        p.relative_to(profile.media_dir).as_posix(): p.read_bytes() for p in profile.media_dir.rglob("*") if p.is_file()
    }


@pytest.fixture
def live(tmp_path: Path) -> Iterator[tuple[Profile, Services, CredentialStore, int]]:
    """A demo profile open as the app has it (WAL, engine running), with a token in the keyring."""
    profile = Profile(tmp_path / "canli").ensure()
    seed_demo_profile(profile)
    settings = Settings(institution_name="Örnekköy Belediyesi", province="İzmir")
    settings.ensure_profile_id(profile.settings_file)
    services = build_services(profile, settings)
    store = services.credentials()
    with services.sessions() as s:
        channel_id = s.scalars(select(Channel.id).where(Channel.platform != Platform.MANUAL)).first()
    assert channel_id is not None
    store.set_secret(channel_id, "access_token", TOKEN)
    yield profile, services, store, channel_id
    services.close()
    store.delete_all()


def test_round_trip_restores_everything_and_no_secret_is_in_the_zip(
    live: tuple[Profile, Services, CredentialStore, int], tmp_path: Path
) -> None:
    profile, services, store, channel_id = live
    assert store.get_secret(channel_id, "access_token") == TOKEN
    # A post written just now sits in the WAL (not checkpointed): the online backup must see it.
    with services.sessions.begin() as s:
        s.add(Post(body="Yedekten hemen önce yazılan duyuru"))
    before = _rows(services)
    assert before["posts"]
    assert before["deliveries"]
    assert before["inbox"]
    assert before["media"]
    media_before = _media_bytes(profile)
    assert media_before

    target = tmp_path / "usb" / "kurum-masaustu-yedek.zip"
    target.parent.mkdir()
    seen: list[tuple[int, int]] = []
    result = write_backup(profile, target, lambda done, total: seen.append((done, total)))
    assert result.path == target
    assert result.size == target.stat().st_size
    assert seen[-1][0] == seen[-1][1] > 0

    raw = target.read_bytes()
    assert TOKEN.encode() not in raw
    with zipfile.ZipFile(target) as archive:
        names = archive.namelist()
        for name in names:
            assert TOKEN.encode() not in archive.read(name), name
        manifest = json.loads(archive.read("manifest.json"))
    assert not any(n.startswith(("logs/", "backups/", "sandbox/", "cache/")) for n in names)
    assert manifest["schema_revision"]
    assert manifest["file_count"] == len(names) - 1

    new_root = tmp_path / "yeni-dizustu" / "profil"
    restore_backup(target, new_root)
    restored_profile = Profile(new_root)
    restored_settings = Settings.load(restored_profile.settings_file)
    restored = build_services(restored_profile, restored_settings)
    try:
        assert _rows(restored) == before
        assert _media_bytes(restored_profile) == media_before
        assert restored_settings.institution_name == "Örnekköy Belediyesi"
        assert restored_settings.province == "İzmir"
        assert restored_settings.last_backup_at == manifest["created_at"]  # the reminder starts from it
        # Its own keyring namespace: the copy can never use or delete the original's tokens.
        assert restored_settings.profile_id
        assert restored_settings.profile_id != services.settings.profile_id
        assert restored.credentials().get_secret(channel_id, "access_token") is None
        rows = ChannelService(restored.sessions, restored.credentials()).list()
        now = datetime.now(UTC)
        for row in rows:
            health = channel_health(
                enabled=row.enabled, auth_problem=row.auth_problem, token_expires_at=row.token_expires_at, now=now
            )
            if row.platform == Platform.MANUAL or not row.enabled:
                continue
            assert health.state == HealthState.NEEDS_RECONNECT, row.display_name
    finally:
        restored.close()
    # The original profile is untouched and still has its token.
    assert store.get_secret(channel_id, "access_token") == TOKEN


def test_a_cancelled_backup_leaves_no_file(
    live: tuple[Profile, Services, CredentialStore, int], tmp_path: Path
) -> None:
    profile = live[0]
    folder = tmp_path / "hedef"
    folder.mkdir()
    calls: list[int] = []

    def cancel_after_start() -> bool:
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(BackupCancelledError):
        write_backup(profile, folder / "yedek.zip", cancelled=cancel_after_start)
    assert list(folder.iterdir()) == []


def test_a_write_that_fails_midway_leaves_no_file_and_says_why(
    live: tuple[Profile, Services, CredentialStore, int], tmp_path: Path
) -> None:
    """A file-size limit (as on a FAT32 USB stick) stops the zip midway: no partial file, Turkish reason."""
    import resource
    import signal

    profile = live[0]
    big = profile.media_dir / "ff" / ("f" * 64 + ".jpg")
    big.parent.mkdir(parents=True, exist_ok=True)
    big.write_bytes(bytes(range(256)) * 12_000)  # ≈3 MB that does not compress away
    folder = tmp_path / "fat32"
    folder.mkdir()
    limit = profile.database.stat().st_size + 512_000  # the database copy fits, the zip does not
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
    try:
        with pytest.raises(BackupError) as failed:
            write_backup(profile, folder / "yedek.zip")
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)
    assert failed.value.code == "too_large"
    assert "4 GB" in message_tr(failed.value)
    assert list(folder.iterdir()) == []


def _rezip(source: Path, target: Path, change: dict[str, bytes], fix_manifest: bool) -> None:
    """A copy of ``source`` with some members replaced (and the manifest's hashes updated or not)."""
    with zipfile.ZipFile(source) as old:
        members = {n: old.read(n) for n in old.namelist()}
    members.update(change)
    if fix_manifest:
        manifest = json.loads(members["manifest.json"])
        for entry in manifest["files"]:
            data = members[entry["path"]]
            entry["size"], entry["sha256"] = len(data), hashlib.sha256(data).hexdigest()
        members["manifest.json"] = json.dumps(manifest).encode()
    with zipfile.ZipFile(target, "w") as new:
        for name, data in members.items():
            new.writestr(name, data)


@pytest.fixture
def backup_zip(live: tuple[Profile, Services, CredentialStore, int], tmp_path: Path) -> Path:
    target = tmp_path / "yedek.zip"
    write_backup(live[0], target)
    return target


def _refused(zip_path: Path, tmp_path: Path, code: str) -> str:
    with pytest.raises(BackupError) as verified:
        verify_backup(zip_path)
    assert verified.value.code == code
    target = tmp_path / "bos-klasor"
    target.mkdir(exist_ok=True)
    with pytest.raises(BackupError) as restored:
        restore_backup(zip_path, target)
    assert restored.value.code == code
    assert list(target.iterdir()) == []
    assert [p.name for p in tmp_path.iterdir() if "geri-yukleme" in p.name] == []
    return message_tr(restored.value)


def test_a_tampered_media_byte_is_refused_and_nothing_is_restored(backup_zip: Path, tmp_path: Path) -> None:
    verify_backup(backup_zip)  # the untouched backup passes
    with zipfile.ZipFile(backup_zip) as archive:
        media_name = next(n for n in archive.namelist() if n.startswith("media/"))
        data = bytearray(archive.read(media_name))
    data[len(data) // 2] ^= 0x01
    tampered = tmp_path / "oynanmis.zip"
    _rezip(backup_zip, tampered, {media_name: bytes(data)}, fix_manifest=False)
    message = _refused(tampered, tmp_path, "damaged")
    assert "bozuk ya da değiştirilmiş" in message


def test_a_backup_from_a_newer_schema_is_refused(backup_zip: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(backup_zip) as archive:
        database = archive.read("kurum.sqlite3")
    newer_db = tmp_path / "newer.sqlite3"
    newer_db.write_bytes(database)
    conn = sqlite3.connect(newer_db)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    newer = tmp_path / "yeni-surum.zip"
    _rezip(backup_zip, newer, {"kurum.sqlite3": newer_db.read_bytes()}, fix_manifest=True)
    message = _refused(newer, tmp_path, "newer")
    assert "daha yeni bir sürümüyle yazılmış" in message


def test_a_zip_that_is_not_a_backup_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "fotograflar.zip"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("foto.jpg", b"\xff\xd8\xff")
    assert "yedeği değil" in _refused(other, tmp_path, "not_a_backup")
    not_zip = tmp_path / "metin.zip"
    not_zip.write_text("merhaba", encoding="utf-8")
    assert _refused(not_zip, tmp_path, "not_a_backup")


def test_restore_into_a_non_empty_folder_is_refused(backup_zip: Path, tmp_path: Path) -> None:
    folder = tmp_path / "dolu"
    folder.mkdir()
    (folder / "not.txt").write_text("dokunma", encoding="utf-8")
    with pytest.raises(BackupError) as refused:
        restore_backup(backup_zip, folder)
    assert refused.value.code == "not_empty"
    assert "boş değil" in message_tr(refused.value)
    assert [p.name for p in folder.iterdir()] == ["not.txt"]


def test_cli_backup_and_restore_with_exit_codes(
    live: tuple[Profile, Services, CredentialStore, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    profile = live[0]
    out = tmp_path / "it" / "yedek.zip"
    out.parent.mkdir()
    # The window keeps the profile open meanwhile (the fixture's engine): the backup still works.
    assert main(["backup", "--out", str(out), "--profile", str(profile.root)]) == 0
    assert "Yedek yazıldı" in capsys.readouterr().out
    assert not backup_due(Settings.load(profile.settings_file).last_backup_at, datetime.now(UTC))
    target = tmp_path / "yeni"
    assert main(["restore", str(out), "--profile", str(target)]) == 0
    assert "yeniden bağlayın" in capsys.readouterr().out
    assert main(["restore", str(out), "--profile", str(target)]) == 2
    assert "boş değil" in capsys.readouterr().err
    assert main(["backup", "--out", str(tmp_path / "x.zip"), "--profile", str(tmp_path / "yok")]) == 2
    assert "profil bulunamadı" in capsys.readouterr().err.casefold()


def test_backup_reminder_after_thirty_days() -> None:
    now = datetime(2026, 11, 26, 12, tzinfo=UTC)
    assert backup_due("", now)
    assert backup_due("bozuk", now)
    assert not backup_due((now - timedelta(days=29)).isoformat(), now)
    assert backup_due((now - timedelta(days=30)).isoformat(), now)


def test_a_backup_of_a_newer_backup_format_is_refused(tmp_path: Path) -> None:
    newer = tmp_path / "gelecek.zip"
    with zipfile.ZipFile(newer, "w") as archive:
        archive.writestr("manifest.json", json.dumps({"format": "kurum-masaustu-backup", "format_version": 99}))
    assert "daha yeni" in _refused(newer, tmp_path, "newer")
