"""The profile's content-addressed media store.

Every file is named by the SHA-256 of its bytes (``media_dir/ab/<sha>.<ext>``), so the same
photo imported twice is stored once. Files are written atomically (temp file + ``os.replace``)
and only accepted once their real format is known: images are opened with Pillow (imported
lazily, never at start-up), MP4/QuickTime videos are recognised by their ``ftyp`` box.

All calls block (hashing, decoding): run them off the UI thread. The caller commits.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from kurum_masaustu.domain import MediaType
from kurum_masaustu.store.models import MediaAsset

_CHUNK = 1 << 20
_NAME_MAX = 500

#: Pillow format name → MIME type we store. MPO is a JPEG with extra frames (many cameras);
#: HEIF containers from phones are stored as image/heic.
_IMAGE_MIME = {
    "JPEG": "image/jpeg",
    "MPO": "image/jpeg",
    "PNG": "image/png",
    "WEBP": "image/webp",
    "GIF": "image/gif",
    "HEIF": "image/heic",
}
#: Pillow openers to try (MPO comes through the JPEG opener).
_OPENERS = ("JPEG", "PNG", "WEBP", "GIF", "HEIF")
#: ISO base media ``ftyp`` brands that are images (handed to Pillow, not taken as video).
_IMAGE_BRANDS = frozenset({b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1", b"avif"})
_QUICKTIME_BRANDS = frozenset({b"qt  "})
_MP4_BRANDS = frozenset(
    {b"isom", b"iso2", b"iso4", b"iso5", b"iso6", b"mp41", b"mp42", b"avc1", b"M4V ", b"dash", b"mmp4"}
)
#: EXIF orientations that rotate the picture by 90° (width and height swap on display).
_TRANSPOSED = frozenset({5, 6, 7, 8})
_EXIF_ORIENTATION = 0x0112


class UnsupportedMediaError(ValueError):
    """The file is not an image or video we can store; nothing was kept."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = Path(path)
        self.reason = reason


@dataclass(frozen=True)
class _Probe:
    media_type: MediaType
    mime_type: str
    width: int | None = None
    height: int | None = None


class MediaLibrary:
    """Imports files into ``media_dir`` and records them as :class:`MediaAsset` rows."""

    def __init__(self, media_dir: Path) -> None:
        self.media_dir = media_dir

    def path_of(self, asset: MediaAsset) -> Path:
        return self.media_dir / asset.relative_path

    def import_file(self, session: Session, source: Path, alt_text: str = "") -> MediaAsset:
        """Store a copy of ``source``; returns the existing asset if the bytes are known."""
        try:
            handle = source.open("rb")
        except OSError as exc:
            raise UnsupportedMediaError(source, f"cannot be opened: {exc.strerror or exc}") from exc
        with handle:
            return self._import(session, iter(lambda: handle.read(_CHUNK), b""), source, alt_text)

    def import_bytes(self, session: Session, data: bytes, original_name: str, alt_text: str = "") -> MediaAsset:
        """Store ``data`` (e.g. a pasted or downloaded image) under ``original_name``."""
        return self._import(session, [data], Path(original_name), alt_text)

    def _import(self, session: Session, chunks: Iterable[bytes], source: Path, alt_text: str) -> MediaAsset:
        self.media_dir.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=".import-", suffix=".tmp", dir=self.media_dir)
        tmp = Path(tmp_name)
        try:
            digest = hashlib.sha256()
            size = 0
            with os.fdopen(fd, "wb") as out:
                for chunk in chunks:
                    digest.update(chunk)
                    size += len(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            sha = digest.hexdigest()
            existing = session.scalar(select(MediaAsset).where(MediaAsset.sha256 == sha))
            if existing is not None:
                target = self.path_of(existing)
                if not target.exists():  # heal a file removed behind our back
                    target.parent.mkdir(parents=True, exist_ok=True)
                    os.replace(tmp, target)
                return existing
            if size == 0:
                raise UnsupportedMediaError(source, "the file is empty")
            probe = _probe(tmp, source)
            asset = MediaAsset(
                sha256=sha,
                original_name=source.name[-_NAME_MAX:] or "adsiz",
                media_type=probe.media_type,
                mime_type=probe.mime_type,
                size_bytes=size,
                width=probe.width,
                height=probe.height,
                duration_ms=None,
                alt_text=alt_text,
            )
            target = self.path_of(asset)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(tmp, target)
            session.add(asset)
            session.flush()
            return asset
        finally:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()


def _probe(path: Path, source: Path) -> _Probe:
    """Find the real format of the file at ``path`` (``source`` only names it in errors)."""
    with path.open("rb") as handle:
        head = handle.read(12)
    if len(head) == 12 and head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in _QUICKTIME_BRANDS:
            return _Probe(MediaType.VIDEO, "video/quicktime")
        if brand in _MP4_BRANDS:
            return _Probe(MediaType.VIDEO, "video/mp4")
        if brand not in _IMAGE_BRANDS:
            raise UnsupportedMediaError(source, f"unsupported ISO media brand {brand.decode('latin-1')!r}")
    return _probe_image(path, source)


def _probe_image(path: Path, source: Path) -> _Probe:
    from PIL import Image, UnidentifiedImageError

    _register_heif()
    try:
        with Image.open(path, formats=_OPENERS) as image:
            image.load()  # decode fully: a truncated or corrupt file fails here
            fmt = image.format or ""
            width, height = image.size
            orientation = image.getexif().get(_EXIF_ORIENTATION, 1)
    except UnidentifiedImageError as exc:
        raise UnsupportedMediaError(source, "not a supported image or video") from exc
    except Image.DecompressionBombError as exc:
        raise UnsupportedMediaError(source, "image is too large") from exc
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise UnsupportedMediaError(source, f"image is damaged: {exc}") from exc
    if fmt not in _IMAGE_MIME:
        raise UnsupportedMediaError(source, f"unsupported image format {fmt!r}")
    if orientation in _TRANSPOSED:
        width, height = height, width
    return _Probe(MediaType.IMAGE, _IMAGE_MIME[fmt], width, height)


_heif_registered = False


def _register_heif() -> None:
    global _heif_registered
    if not _heif_registered:
        import pillow_heif

        pillow_heif.register_heif_opener()
        _heif_registered = True
