"""What the installed package (or the checkout) must carry: resources and compiled translations."""

from __future__ import annotations

from pathlib import Path

from kurum_masaustu.paths import Profile, resource, translations_dir


def test_resources_are_found() -> None:
    icon = resource("icons", "kurum-masaustu.svg")
    assert icon.is_file()
    assert b"<svg" in icon.read_bytes()


def test_both_translations_are_compiled() -> None:
    folder = translations_dir()
    assert folder is not None
    for language in ("tr", "en"):
        compiled = folder / f"kurum_masaustu_{language}.qm"
        assert compiled.stat().st_size > 1000


def test_a_profile_lays_out_its_folders(tmp_path: Path) -> None:
    profile = Profile(tmp_path / "yeni profil").ensure()
    assert profile.database.parent == profile.root
    for folder in (profile.media_dir, profile.log_dir, profile.backup_dir):
        assert folder.is_dir()
    assert not profile.is_empty()
    assert Profile(tmp_path / "yok").is_empty()
