"""Every path the app uses: profiles, and the packaged resources and translations.

A profile is one folder holding the database, media, logs, backups and settings. The default
profile lives in the user data directory; ``--profile DIR`` points anywhere else.
Resources are looked up inside the installed package first (a wheel carries them as
``kurum_masaustu/resources``), then in the source checkout (``<repo>/resources``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kurum_masaustu import APP_ID

_PACKAGE_DIR = Path(__file__).resolve().parent


def default_profile_dir() -> Path:
    """The per-user default profile (``%LOCALAPPDATA%\\Kurum Masaustu\\profile`` on Windows)."""
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_ID, appauthor=False, roaming=False)) / "profile"


@dataclass(frozen=True)
class Profile:
    """The folders and files of one profile; ``ensure()`` creates them."""

    root: Path

    @property
    def database(self) -> Path:
        return self.root / "kurum.sqlite3"

    @property
    def media_dir(self) -> Path:
        return self.root / "media"

    @property
    def thumbnails_dir(self) -> Path:
        return self.root / "cache" / "thumbnails"

    @property
    def log_dir(self) -> Path:
        return self.root / "logs"

    @property
    def backup_dir(self) -> Path:
        return self.root / "backups"

    @property
    def settings_file(self) -> Path:
        return self.root / "settings.json"

    @property
    def ui_state_file(self) -> Path:
        return self.root / "ui-state.ini"

    def ensure(self) -> Profile:
        for folder in (self.root, self.media_dir, self.log_dir, self.backup_dir):
            folder.mkdir(parents=True, exist_ok=True)
        return self

    def is_empty(self) -> bool:
        return not self.root.exists() or not any(self.root.iterdir())


def _checkout_root() -> Path | None:
    """The repository root when running from a source checkout, else None."""
    candidate = _PACKAGE_DIR.parent.parent
    if (candidate / "pyproject.toml").is_file() and (candidate / "resources").is_dir():
        return candidate
    return None


def resources_dir() -> Path:
    packaged = _PACKAGE_DIR / "resources"
    if packaged.is_dir():
        return packaged
    checkout = _checkout_root()
    if checkout is not None:
        return checkout / "resources"
    raise FileNotFoundError("resources folder not found: the installation is incomplete")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def translations_dir() -> Path | None:
    """Folder with compiled ``kurum_masaustu_<lang>.qm`` files, or None if none were built."""
    packaged = _PACKAGE_DIR / "translations"
    if any(packaged.glob("*.qm")):
        return packaged
    checkout = _checkout_root()
    if checkout is not None and any((checkout / "build" / "translations").glob("*.qm")):
        return checkout / "build" / "translations"
    return None
