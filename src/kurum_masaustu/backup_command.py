"""``kurum-masaustu backup --out FILE.zip [--profile DIR]`` and ``restore FILE.zip --profile NEWDIR``.

For IT. ``backup`` works while the window is open on the profile: the database is copied with
SQLite's online backup API (a consistent snapshot; the app keeps reading and writing), media files
are never rewritten (content-addressed) and settings are replaced atomically, so it takes no
profile lock. ``restore`` only fills an empty or new folder. Messages are Turkish; exit codes as
:mod:`kurum_masaustu.commands`: 0 done, 1 could not be written/read, 2 bad input (refused backup,
non-empty folder, missing profile).
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2
#: Problems of the input (the person must choose another file or folder), not of the disk.
_BAD_INPUT = frozenset({"no_profile", "not_a_backup", "damaged", "newer", "not_ours", "not_empty"})


def human_size(size: int) -> str:
    """``12,3 MB`` (Turkish decimal comma)."""
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}".replace(".", ",")
        value /= 1024
    return f"{size} B"


def run_backup(args: argparse.Namespace) -> int:
    from kurum_masaustu.paths import Profile, default_profile_dir
    from kurum_masaustu.services.backup import BackupError, message_tr, write_backup
    from kurum_masaustu.settings import Settings

    root = Path(args.profile).expanduser().resolve() if getattr(args, "profile", None) else default_profile_dir()
    profile = Profile(root)
    out = Path(args.out).expanduser().resolve()
    if out.is_dir():
        print(f"Çıktı yolu bir klasör; bir dosya adı verin (ör. {out / 'kurum-masaustu-yedek.zip'}).", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        result = write_backup(profile, out)
    except BackupError as exc:
        print(message_tr(exc), file=sys.stderr)
        return EXIT_BAD_INPUT if exc.code in _BAD_INPUT else EXIT_FAILED
    settings = Settings.load(profile.settings_file)
    settings.last_backup_at = datetime.now(UTC).isoformat(timespec="seconds")
    try:
        settings.save(profile.settings_file)
    except OSError as exc:
        print(f"Uyarı: son yedek zamanı profile yazılamadı ({exc.strerror or exc}).", file=sys.stderr)
    print(f"Yedek yazıldı: {result.path} — {human_size(result.size)}, {result.files} dosya.")
    return EXIT_OK


def run_restore(args: argparse.Namespace) -> int:
    from kurum_masaustu.services.backup import BackupError, message_tr, restore_backup

    source = Path(args.file).expanduser().resolve()
    target = Path(args.profile).expanduser().resolve()
    try:
        manifest = restore_backup(source, target)
    except BackupError as exc:
        print(message_tr(exc), file=sys.stderr)
        return EXIT_BAD_INPUT if exc.code in _BAD_INPUT else EXIT_FAILED
    print(
        f"Yedek geri yüklendi: {target} — {len(manifest.files)} dosya (yedek tarihi {manifest.created_at}). "
        "Kanalların erişim anahtarları yedekte yoktur: uygulamada Yayımlama → Kanallar… ile her kanalı "
        "yeniden bağlayın."
    )
    return EXIT_OK
