"""A profile's backup as one .zip (for a USB stick or a network share) and its restore.

What goes in: a consistent copy of the database taken with SQLite's online backup API (the app
may keep running: WAL readers and writers are not blocked), the media files (content-addressed,
streamed in chunks), ``settings.json`` and ``manifest.json`` (app version, schema revision,
creation time, file count and bytes, SHA-256 and size per file). What stays out: tokens (they live
only in the OS keyring), logs, caches, the sandbox platforms' state, the composer's autosave, the
lock files and the pre-migration copies in ``backups/``.

The zip is written under a temporary name next to the target and renamed at the end, so a cancel
or an error leaves no partial file. A restore goes only into an empty or new folder, checks every
hash and the database (ours, not newer: :func:`~kurum_masaustu.store.database.inspect_file`)
before anything lands there, and marks the channels as needing reconnection: their tokens were
not in the backup. No Qt here: the window runs these in a worker thread, the CLI directly.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import logging
import os
import shutil
import sqlite3
import tempfile
import uuid
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import IO, Any

from kurum_masaustu import __version__
from kurum_masaustu.paths import Profile
from kurum_masaustu.rules.backup_age import parse_backup_time
from kurum_masaustu.rules.channel_health import AWAITING_CONNECTION
from kurum_masaustu.store.database import NewerDatabaseError, NotOurDatabaseError, inspect_file

log = logging.getLogger(__name__)

FORMAT = "kurum-masaustu-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATABASE = "kurum.sqlite3"
SETTINGS = "settings.json"
MEDIA = "media"
#: ``Channel.auth_problem`` of a channel restored from a backup: its token stayed in the old
#: computer's keyring. Like a refused token it keeps the outbox away and asks for a reconnect.
RESTORED_WITHOUT_TOKEN = "restored_without_token"
_CHUNK = 1 << 20
_DB_PAGES_PER_STEP = 1024
#: Already compressed: stored as they are (deflating a JPEG or MP4 costs time and saves nothing).
_STORED_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp", ".gif", ".heic", ".mp4", ".mov", ".m4v"})

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


class BackupError(Exception):
    """A backup or restore that did not happen; nothing was left behind.

    ``code`` says why (the UI translates it; :func:`message_tr` gives the Turkish text for the CLI):
    ``no_profile``, ``no_space``, ``too_large``, ``read_only``, ``write_failed``, ``read_failed``, ``not_a_backup``,
    ``damaged``, ``newer``, ``not_ours``, ``not_empty``.
    """

    def __init__(self, code: str, path: Path | str = "", detail: str = "") -> None:
        super().__init__(f"{code}: {path} {detail}".strip())
        self.code = code
        self.path = Path(path) if path else None
        self.detail = detail


class BackupCancelledError(Exception):
    """The person cancelled; no file was written."""


@dataclass(frozen=True)
class BackupResult:
    path: Path
    #: Size of the zip on disk.
    size: int
    #: Files and their bytes inside (before compression).
    files: int
    content_bytes: int


@dataclass(frozen=True)
class Manifest:
    app_version: str
    schema_revision: str | None
    created_at: str
    files: dict[str, tuple[int, str]]  # archive name → (size, sha256)

    @property
    def content_bytes(self) -> int:
        return sum(size for size, _digest in self.files.values())


def suggested_name(today: datetime | None = None) -> str:
    """``kurum-masaustu-yedek-YYYY-MM-DD.zip`` (local date)."""
    day = (today or datetime.now()).strftime("%Y-%m-%d")
    return f"kurum-masaustu-yedek-{day}.zip"


# -- writing ----------------------------------------------------------------------------------
def _media_files(profile: Profile) -> list[Path]:
    """Every media file of the profile (temp files of an import in progress start with a dot)."""
    root = profile.media_dir
    if not root.is_dir():
        return []
    return sorted(p for p in root.rglob("*") if p.is_file() and not p.name.startswith("."))


def _snapshot_database(source_path: Path, target: Path, cancelled: Cancelled) -> None:
    """Online backup of the live database into ``target`` (step by step, so it can be cancelled)."""
    source = sqlite3.connect(f"{source_path.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
    try:
        dest = sqlite3.connect(target)
        try:

            def step(_status: int, _remaining: int, _total: int) -> None:
                if cancelled():
                    raise BackupCancelledError

            source.backup(dest, pages=_DB_PAGES_PER_STEP, progress=step)
            # A self-contained file: the copy's WAL (if any) folded in, so the zip holds one file.
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
    finally:
        source.close()


def _write_error(exc: OSError, target: Path) -> BackupError:
    if exc.errno == errno.EFBIG:  # e.g. a FAT32 USB stick: no file over 4 GB
        return BackupError("too_large", target, str(exc.strerror or exc))
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return BackupError("no_space", target, str(exc.strerror or exc))
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM) or isinstance(exc, PermissionError):
        return BackupError("read_only", target, str(exc.strerror or exc))
    return BackupError("write_failed", target, str(exc.strerror or exc))


def _stream(
    reader: IO[bytes], writer: IO[bytes], cancelled: Cancelled, advance: Callable[[int], None]
) -> tuple[int, str]:
    """Copy in chunks (never the whole file in memory), hashing; returns (size, sha256)."""
    digest = hashlib.sha256()
    size = 0
    while chunk := reader.read(_CHUNK):
        if cancelled():
            raise BackupCancelledError
        writer.write(chunk)
        digest.update(chunk)
        size += len(chunk)
        advance(len(chunk))
    return size, digest.hexdigest()


def _copy_into(
    archive: zipfile.ZipFile, name: str, source: Path, advance: Callable[[int], None], cancelled: Cancelled
) -> tuple[int, str]:
    """Stream ``source`` into the archive as ``name``; returns (size, sha256)."""
    info = zipfile.ZipInfo.from_file(source, name)
    info.compress_type = zipfile.ZIP_STORED if source.suffix.lower() in _STORED_SUFFIXES else zipfile.ZIP_DEFLATED
    with source.open("rb") as reader, archive.open(info, "w", force_zip64=True) as writer:
        return _stream(reader, writer, cancelled, advance)


def write_backup(
    profile: Profile,
    target_zip: Path,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> BackupResult:
    """Write the profile's backup to ``target_zip`` (replacing it only once complete).

    ``progress(done, total)`` is called with bytes; ``cancelled()`` is asked between chunks.
    Raises :class:`BackupError` (nothing written) or :class:`BackupCancelledError`.
    """
    report = progress or (lambda _done, _total: None)
    stop = cancelled or (lambda: False)
    target_zip = Path(target_zip)
    try:
        found = inspect_file(profile.database)
    except NewerDatabaseError as exc:
        raise BackupError("newer", profile.database) from exc
    except NotOurDatabaseError as exc:
        raise BackupError("not_ours", profile.database) from exc
    if not found.exists:
        raise BackupError("no_profile", profile.root)
    if not target_zip.parent.is_dir():
        raise BackupError("write_failed", target_zip.parent, "folder does not exist")

    media = _media_files(profile)
    settings = profile.settings_file if profile.settings_file.is_file() else None
    with tempfile.TemporaryDirectory(prefix="kurum-yedek-") as scratch:
        snapshot = Path(scratch) / DATABASE
        try:
            _snapshot_database(profile.database, snapshot, stop)
        except sqlite3.Error as exc:
            if getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL:  # the temp folder's disk
                raise BackupError("no_space", Path(scratch), str(exc)) from exc
            raise BackupError("read_failed", profile.database, str(exc)) from exc
        except OSError as exc:
            raise _write_error(exc, Path(scratch)) from exc
        sources: list[tuple[str, Path]] = [(DATABASE, snapshot)]
        if settings is not None:
            sources.append((SETTINGS, settings))
        sources += [(f"{MEDIA}/{p.relative_to(profile.media_dir).as_posix()}", p) for p in media]
        sizes = {name: _size(path) for name, path in sources}
        total = sum(sizes.values())
        done = 0

        def advance(count: int) -> None:
            nonlocal done
            done += count
            report(done, total)

        report(0, total)
        fd, temp_name = tempfile.mkstemp(dir=target_zip.parent, prefix=f".{target_zip.name}.", suffix=".tmp")
        os.close(fd)
        temp = Path(temp_name)
        try:
            entries: dict[str, tuple[int, str]] = {}
            with zipfile.ZipFile(temp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
                for name, path in sources:
                    try:
                        entries[name] = _copy_into(archive, name, path, advance, stop)
                    except FileNotFoundError:
                        if name == DATABASE:
                            raise
                        log.info("backup: %s vanished while the backup ran; left out", path)
                content_bytes = sum(size for size, _d in entries.values())
                manifest = {
                    "format": FORMAT,
                    "format_version": FORMAT_VERSION,
                    "app_version": __version__,
                    "schema_revision": found.revision,
                    "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
                    "file_count": len(entries),
                    "total_bytes": content_bytes,
                    "files": [{"path": n, "size": s, "sha256": d} for n, (s, d) in entries.items()],
                }
                archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
            with temp.open("rb+") as handle:
                os.fsync(handle.fileno())
            os.replace(temp, target_zip)
        except BackupCancelledError:
            temp.unlink(missing_ok=True)
            log.info("backup to %s cancelled", target_zip)
            raise
        except OSError as exc:
            temp.unlink(missing_ok=True)
            raise _write_error(exc, target_zip) from exc
        except BaseException:
            temp.unlink(missing_ok=True)
            raise
    log.info("backup written to %s (%d files, %d bytes)", target_zip, len(entries), content_bytes)
    return BackupResult(target_zip, target_zip.stat().st_size, len(entries), content_bytes)


def _never() -> bool:
    return False


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return 0


# -- reading ----------------------------------------------------------------------------------
def _safe_name(name: str) -> bool:
    """Only our own layout: the database, the settings, files under ``media/``; no ``..``."""
    pure = PurePosixPath(name)
    if pure.is_absolute() or ".." in pure.parts or "\\" in name or ":" in name:
        return False
    return name in (DATABASE, SETTINGS) or (len(pure.parts) >= 2 and pure.parts[0] == MEDIA)


def _read_manifest(archive: zipfile.ZipFile, path: Path) -> Manifest:
    try:
        raw: Any = json.loads(archive.read(MANIFEST).decode("utf-8"))
    except (KeyError, ValueError, UnicodeDecodeError) as exc:
        raise BackupError("not_a_backup", path, "no readable manifest") from exc
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise BackupError("not_a_backup", path, "not our manifest")
    if not isinstance(raw.get("format_version"), int) or raw["format_version"] > FORMAT_VERSION:
        raise BackupError("newer", path, f"backup format {raw.get('format_version')!r}")
    files: dict[str, tuple[int, str]] = {}
    for entry in raw.get("files") or []:
        try:
            name, size, digest = str(entry["path"]), int(entry["size"]), str(entry["sha256"])
        except (KeyError, TypeError, ValueError) as exc:
            raise BackupError("damaged", path, "manifest entry unreadable") from exc
        if not _safe_name(name):
            raise BackupError("damaged", path, f"unexpected name {name!r}")
        files[name] = (size, digest)
    if DATABASE not in files:
        raise BackupError("damaged", path, "no database in the backup")
    return Manifest(str(raw.get("app_version", "")), raw.get("schema_revision"), str(raw.get("created_at", "")), files)


@contextlib.contextmanager
def _open_archive(path: Path) -> Iterator[zipfile.ZipFile]:
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError as exc:
        raise BackupError("read_failed", path, "file not found") from exc
    except (zipfile.BadZipFile, OSError) as exc:
        raise BackupError("not_a_backup", path, str(exc)) from exc
    with archive:
        yield archive


def _extract_checked(
    archive: zipfile.ZipFile, name: str, expected: tuple[int, str], out: IO[bytes], path: Path, cancelled: Cancelled
) -> int:
    try:
        with archive.open(name) as reader:
            got = _stream(reader, out, cancelled, lambda _count: None)
    except KeyError as exc:
        raise BackupError("damaged", path, f"{name} missing") from exc
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise BackupError("damaged", path, f"{name}: {exc}") from exc
    if got != expected:
        raise BackupError("damaged", path, f"{name} does not match its checksum")
    return got[0]


def _check_database(database: Path, path: Path) -> str | None:
    try:
        return inspect_file(database).revision
    except NewerDatabaseError as exc:
        raise BackupError("newer", path, f"schema {exc.revision}") from exc
    except NotOurDatabaseError as exc:
        raise BackupError("not_ours", path, exc.detail) from exc


def _unpack(
    archive: zipfile.ZipFile,
    manifest: Manifest,
    root: Path,
    path: Path,
    progress: Progress,
    cancelled: Cancelled,
) -> None:
    """Every file of the manifest into ``root``, each checked against its hash; the database first."""
    names = sorted(manifest.files, key=lambda n: (n != DATABASE, n))
    listed = set(manifest.files) | {MANIFEST}
    extra = [n for n in archive.namelist() if n not in listed and not n.endswith("/")]
    if extra:
        raise BackupError("damaged", path, f"files not in the manifest: {extra[:3]}")
    total, done = manifest.content_bytes, 0
    progress(0, total)
    for name in names:
        target = root / PurePosixPath(name)
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("wb") as out:
            done += _extract_checked(archive, name, manifest.files[name], out, path, cancelled)
        progress(done, total)
        if name == DATABASE:
            _check_database(target, path)


def verify_backup(zip_path: Path, progress: Progress | None = None, cancelled: Cancelled | None = None) -> Manifest:
    """Check the manifest, every file's size and SHA-256, and that the database is ours and not
    newer than this version; raises :class:`BackupError`. Nothing is written outside a temp folder."""
    zip_path = Path(zip_path)
    with _open_archive(zip_path) as archive:
        manifest = _read_manifest(archive, zip_path)
        with tempfile.TemporaryDirectory(prefix="kurum-yedek-kontrol-") as scratch:
            _unpack(archive, manifest, Path(scratch), zip_path, progress or (lambda _d, _t: None), cancelled or _never)
    return manifest


def restore_backup(
    zip_path: Path,
    profile_dir: Path,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Manifest:
    """Restore into ``profile_dir``, which must be empty or not exist yet (never over a live profile).

    Everything is unpacked and checked in a folder next to it and moved in only at the end; on any
    failure that folder is removed and ``profile_dir`` is as it was. The restored profile gets a new
    profile id (its keyring namespace), and its channels need reconnecting: no token was backed up.
    """
    zip_path, profile_dir = Path(zip_path), Path(profile_dir).expanduser().absolute()
    if not Profile(profile_dir).is_empty():
        raise BackupError("not_empty", profile_dir)
    if profile_dir.exists() and not profile_dir.is_dir():
        raise BackupError("not_empty", profile_dir)
    try:
        profile_dir.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(dir=profile_dir.parent, prefix=f".{profile_dir.name}.geri-yukleme-"))
    except OSError as exc:
        raise _write_error(exc, profile_dir) from exc
    try:
        with _open_archive(zip_path) as archive:
            manifest = _read_manifest(archive, zip_path)
            _unpack(archive, manifest, staging, zip_path, progress or (lambda _d, _t: None), cancelled or _never)
        _mark_channels_for_reconnect(staging / DATABASE)
        _adopt_settings(staging / SETTINGS, manifest)
        if profile_dir.exists():
            profile_dir.rmdir()  # empty (checked above); a rename onto a folder fails on Windows
        os.replace(staging, profile_dir)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise _write_error(exc, profile_dir) from exc
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    log.info("backup %s restored into %s", zip_path, profile_dir)
    return manifest


def _mark_channels_for_reconnect(database: Path) -> None:
    """Connected channels of the restored database ask for a reconnect (their tokens stayed behind).

    A channel never connected stays "awaiting connection"; a manual channel has no token.
    """
    conn = sqlite3.connect(database)
    try:
        columns = {row[1] for row in conn.execute("PRAGMA table_info(channels)")}
        if "auth_problem" in columns:
            with conn:
                conn.execute(
                    "UPDATE channels SET auth_problem = ? WHERE platform != 'manual' "
                    "AND (auth_problem IS NULL OR auth_problem != ?)",
                    (RESTORED_WITHOUT_TOKEN, AWAITING_CONNECTION),
                )
    finally:
        conn.close()


def _adopt_settings(settings_file: Path, manifest: Manifest) -> None:
    """A fresh keyring namespace (the restored copy never shares or deletes the old profile's tokens),
    and the backup it came from counts as its last backup."""
    from kurum_masaustu.settings import Settings

    settings = Settings.load(settings_file)
    settings.profile_id = uuid.uuid4().hex
    created, last = parse_backup_time(manifest.created_at), parse_backup_time(settings.last_backup_at)
    if created is not None and (last is None or created > last):
        settings.last_backup_at = manifest.created_at
    settings.save(settings_file)


# -- messages for the command line ------------------------------------------------------------
def message_tr(exc: BackupError) -> str:
    """The Turkish explanation of a refused backup or restore (the CLI's; the UI translates codes)."""
    where = f" ({exc.path})" if exc.path else ""
    texts = {
        "no_profile": "Yedeklenecek profil bulunamadı (içinde kurum.sqlite3 yok)",
        "no_space": "Hedef diskte yer kalmadı; yedek yazılamadı, yarım dosya bırakılmadı",
        "too_large": (
            "Yedek bu disk için fazla büyük (FAT32 biçimli USB bellekler 4 GB'tan büyük dosya alamaz); "
            "yarım dosya bırakılmadı. NTFS ya da exFAT biçimli bir disk seçin"
        ),
        "read_only": "Hedef klasöre yazılamıyor (salt okunur ya da izin yok); yedek yazılmadı",
        "write_failed": "Yedek yazılamadı; yarım dosya bırakılmadı",
        "read_failed": "Dosya okunamadı",
        "not_a_backup": "Bu dosya bir Kurum Masaüstü yedeği değil",
        "damaged": "Yedek bozuk ya da değiştirilmiş (bir dosyanın sağlama toplamı tutmuyor); geri yüklenmedi",
        "newer": (
            "Bu yedekteki veritabanı Kurum Masaüstü'nün daha yeni bir sürümüyle yazılmış; "
            "bu sürüm açamaz. Önce yeni sürümü kurun"
        ),
        "not_ours": "Yedekteki dosya bir Kurum Masaüstü veritabanı değil; geri yüklenmedi",
        "not_empty": "Hedef profil klasörü boş değil; geri yükleme yalnızca boş ya da yeni bir klasöre yapılır",
    }
    return texts.get(exc.code, "Yedekleme işlemi başarısız") + where + "."
