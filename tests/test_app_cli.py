"""The app as a person or IT starts it: real processes, real profiles."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from kurum_masaustu.paths import Profile
from kurum_masaustu.store.database import (
    KNOWN_REVISIONS,
    inspect_file,
    make_engine,
    migrate,
    open_database,
    sqlite_url,
)


def _app(*args: str, timeout: float = 90) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "kurum_masaustu", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        check=False,
    )


def _distinct_colours(image: QImage, step: int = 7) -> int:
    seen = set()
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            seen.add(image.pixel(x, y))
    return len(seen)


def test_screenshot_of_an_empty_profile(tmp_path: Path) -> None:
    shot = tmp_path / "shot.png"
    result = _app("--profile", str(tmp_path / "p"), "--screenshot", str(shot))
    assert result.returncode == 0, result.stderr
    image = QImage(str(shot))
    assert image.width() >= 1000
    assert image.height() >= 700
    assert _distinct_colours(image) > 10
    assert (tmp_path / "p" / "kurum.sqlite3").is_file()
    assert "starting on profile" in (tmp_path / "p" / "logs" / "kurum-masaustu.log").read_text(encoding="utf-8")


def test_a_foreign_file_is_refused_with_a_turkish_message(tmp_path: Path) -> None:
    profile = Profile(tmp_path / "p").ensure()
    profile.database.write_bytes(b"PK\x03\x04 bir zip dosyasi" * 50)
    before = hashlib.sha256(profile.database.read_bytes()).hexdigest()
    result = _app("--profile", str(profile.root), "--screenshot", str(tmp_path / "x.png"))
    assert result.returncode == 2
    assert "Kurum Masaüstü veritabanı değil" in result.stderr
    assert hashlib.sha256(profile.database.read_bytes()).hexdigest() == before
    assert not (tmp_path / "x.png").exists()


def test_a_newer_database_is_refused_in_english_when_asked(tmp_path: Path) -> None:
    profile = Profile(tmp_path / "p").ensure()
    engine = open_database(profile.database, profile.backup_dir)
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    engine.dispose()
    result = _app("--profile", str(profile.root), "--lang", "en", "--screenshot", str(tmp_path / "x.png"))
    assert result.returncode == 2
    assert "newer version" in result.stderr


def test_a_database_that_cannot_be_migrated_is_refused_unchanged_in_turkish(tmp_path: Path) -> None:
    profile = Profile(tmp_path / "p").ensure()
    engine = make_engine(sqlite_url(profile.database))
    migrate(engine, KNOWN_REVISIONS[0])
    with engine.begin() as conn:  # a table standing where a later migration creates one
        conn.exec_driver_sql("CREATE TABLE spelling_words (id INTEGER PRIMARY KEY)")
    engine.dispose()
    result = _app("--profile", str(profile.root), "--screenshot", str(tmp_path / "x.png"))
    assert result.returncode == 2
    assert "güncellenemedi" in result.stderr
    assert "geri alındı" in result.stderr
    assert inspect_file(profile.database).revision == KNOWN_REVISIONS[0]
    assert not (tmp_path / "x.png").exists()


def test_a_second_launch_hands_over_to_the_running_window(tmp_path: Path) -> None:
    profile = tmp_path / "p"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    first = subprocess.Popen(
        [sys.executable, "-m", "kurum_masaustu", "--profile", str(profile)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    log_file = profile / "logs" / "kurum-masaustu.log"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if log_file.exists() and "main window shown" in log_file.read_text(encoding="utf-8"):
                break
            assert first.poll() is None, "the first instance exited early"
            time.sleep(0.2)
        else:
            pytest.fail("the first instance never showed its window")
        second = _app("--profile", str(profile), timeout=30)
        assert second.returncode == 0
        busy = _app("--profile", str(profile), "--screenshot", str(tmp_path / "x.png"), timeout=30)
        assert busy.returncode == 3
        assert "başka bir pencerede açık" in busy.stderr
        deadline = time.monotonic() + 10
        while "second launch on this profile" not in log_file.read_text(encoding="utf-8"):
            assert time.monotonic() < deadline, "the running window was not asked to come forward"
            time.sleep(0.1)
    finally:
        first.terminate()
        first.wait(timeout=30)


def test_demo_screenshot_shows_a_month_of_content(tmp_path: Path) -> None:
    shot = tmp_path / "demo.png"
    result = _app("--demo", "--screenshot", str(shot))
    assert result.returncode == 0, result.stderr
    image = QImage(str(shot))
    assert not image.isNull()
    assert _distinct_colours(image) > 200  # calendar chips, channel colours, the poster preview


def test_demo_with_a_profile_seeds_only_an_empty_folder(tmp_path: Path) -> None:
    from sqlalchemy import func, select
    from sqlalchemy.orm import Session

    from kurum_masaustu.store.models import Post

    folder = tmp_path / "demo-profile"
    assert _app("--demo", "--profile", str(folder), "--screenshot", str(tmp_path / "1.png")).returncode == 0
    engine = open_database(folder / "kurum.sqlite3", folder / "backups")
    with Session(engine) as s:
        seeded = s.scalar(select(func.count()).select_from(Post))
    engine.dispose()
    assert seeded
    assert seeded > 20
    assert _app("--demo", "--profile", str(folder), "--screenshot", str(tmp_path / "2.png")).returncode == 0
    engine = open_database(folder / "kurum.sqlite3", folder / "backups")
    with Session(engine) as s:
        assert s.scalar(select(func.count()).select_from(Post)) == seeded
    engine.dispose()
    other = tmp_path / "not-empty"
    other.mkdir()
    (other / "notlar.txt").write_text("kişisel not", encoding="utf-8")
    assert _app("--demo", "--profile", str(other), "--screenshot", str(tmp_path / "3.png")).returncode == 0
    engine = open_database(other / "kurum.sqlite3", other / "backups")
    with Session(engine) as s:
        assert s.scalar(select(func.count()).select_from(Post)) == 0
    engine.dispose()
