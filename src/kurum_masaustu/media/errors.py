"""What can go wrong with a picture or a video, as one exception with a stable code.

:class:`MediaError` is a :class:`ValueError` (bad input, not a bug). ``code`` is stable and meant
for programs (tests, logs, the UI's choice of icon); ``message`` is the Turkish sentence the UI
shows as it is (plain text). ``str(error)`` is the message. Pure: no Pillow, no PyAV, no Qt.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path


class MediaErrorCode(StrEnum):
    UNREADABLE = "unreadable"  #: the file cannot be opened (missing, no permission, a folder)
    EMPTY = "empty"  #: zero bytes
    CORRUPT = "corrupt"  #: damaged or cut short (a truncated JPEG, a broken PNG)
    UNSUPPORTED_TYPE = "unsupported_type"  #: not an image or video this app works with
    TOO_MANY_PIXELS = "too_many_pixels"  #: over the pixel budget (decompression bombs)
    TOO_LARGE_BYTES = "too_large_bytes"  #: over the platform's byte limit even after best effort
    PLACEMENT_UNSUPPORTED = "placement_unsupported"  #: e.g. an Instagram link card: no such thing
    VIDEO_UNSUPPORTED = "video_unsupported"  #: a video without a picture track, or not decodable
    CANCELLED = "cancelled"  #: the person cancelled; nothing was written


class MediaError(ValueError):
    """A file could not be used; ``message`` says why in Turkish, ``code`` is stable."""

    def __init__(self, code: MediaErrorCode, message: str, *, path: Path | str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.path = Path(path) if path is not None else None

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.code.value!r}, {self.message!r})"


class MediaCancelledError(MediaError):
    """The work was cancelled through its ``cancel`` event; no output was left behind."""

    def __init__(self, *, path: Path | str | None = None) -> None:
        super().__init__(MediaErrorCode.CANCELLED, "İşlem iptal edildi.", path=path)


def tr_int(value: int) -> str:
    """``20000`` → ``"20.000"`` (Turkish groups thousands with a dot)."""
    return f"{value:,}".replace(",", ".")


def tr_bytes(value: int) -> str:
    """A byte count as Turkish readers expect it: ``"8 MB"``, ``"1,5 MB"``, ``"950 KB"``."""
    if value >= 1_000_000:
        text = f"{value / 1_000_000:.1f}".rstrip("0").rstrip(".")
        return f"{text.replace('.', ',')} MB"
    if value >= 1_000:
        return f"{round(value / 1_000)} KB"
    return f"{value} bayt"


def unreadable(path: Path | str, reason: str = "") -> MediaError:
    detail = f" ({reason})" if reason else ""
    return MediaError(MediaErrorCode.UNREADABLE, f"Dosya açılamadı{detail}.", path=path)


def empty(path: Path | str) -> MediaError:
    return MediaError(MediaErrorCode.EMPTY, "Dosya boş (0 bayt); içinde görsel ya da video yok.", path=path)


def corrupt(path: Path | str) -> MediaError:
    return MediaError(MediaErrorCode.CORRUPT, "Bu dosya bozuk ya da eksik.", path=path)


def unsupported_type(path: Path | str, *, video: bool = False) -> MediaError:
    if video:
        message = "Bu bir video dosyası; burada yalnızca görsel kullanılabilir."
    else:
        message = "Bu dosya türü desteklenmiyor. JPEG, PNG, WebP, GIF ya da HEIC/HEIF görsel seçin."
    return MediaError(MediaErrorCode.UNSUPPORTED_TYPE, message, path=path)


def too_many_pixels(path: Path | str, width: int | None, height: int | None, budget: int) -> MediaError:
    size = f" ({tr_int(width)} × {tr_int(height)} piksel)" if width and height else ""
    return MediaError(
        MediaErrorCode.TOO_MANY_PIXELS,
        f"Görsel çok büyük{size}; en fazla {tr_int(budget)} piksel olabilir.",
        path=path,
    )


def too_large_bytes(path: Path | str, platform_name: str, limit: int) -> MediaError:
    return MediaError(
        MediaErrorCode.TOO_LARGE_BYTES,
        f"Görsel, {platform_name} için küçültülüp sıkıştırıldığı hâlde {tr_bytes(limit)} sınırına sığmadı.",
        path=path,
    )


def placement_unsupported(platform_name: str, placement_name: str) -> MediaError:
    return MediaError(MediaErrorCode.PLACEMENT_UNSUPPORTED, f"{platform_name} için “{placement_name}” biçimi yok.")


def video_unsupported(path: Path | str, reason: str) -> MediaError:
    return MediaError(MediaErrorCode.VIDEO_UNSUPPORTED, reason, path=path)
