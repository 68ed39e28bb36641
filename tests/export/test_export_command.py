"""``kurum-masaustu export ics|pdf`` as IT runs it: real processes on a seeded demo profile.

Until ``cli.py`` wires the command, the processes run ``python -m kurum_masaustu.export.command``
(the same parser and :func:`run_export`); once ``kurum-masaustu export`` exists, they run that.
Bad input is checked in-process (it never opens the profile).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from icalendar import Calendar
from pypdf import PdfReader

from kurum_masaustu import commands
from kurum_masaustu.demo.seed import seed_demo_profile
from kurum_masaustu.export import command, write_atomic
from kurum_masaustu.export.command import add_export_parser, main, parse_day
from kurum_masaustu.paths import Profile
from kurum_masaustu.profile_lock import ProfileLock
from kurum_masaustu.settings import Settings

TODAY = date(2026, 11, 10)
INSTITUTION = "Yeşilvadi Belediyesi"


def _cli_has_export() -> bool:
    from kurum_masaustu.cli import build_parser

    with contextlib.redirect_stderr(io.StringIO()):
        try:
            args = build_parser().parse_args(
                ["export", "ics", "--from", "2026-11-01", "--to", "2026-11-30", "--out", "x"]
            )
        except SystemExit:
            return False
    return getattr(args, "command", None) == "export"


ENTRY = ["-m", "kurum_masaustu"] if _cli_has_export() else ["-m", "kurum_masaustu.export.command"]


def export(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *ENTRY, "export", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING="utf-8"),
        check=False,
    )


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo profile (Yeşilvadi, a month around 10 Kasım 2026) with the institution's name set."""
    root = tmp_path_factory.mktemp("demo") / "profil"
    profile = Profile(root).ensure()
    seed_demo_profile(profile, TODAY)
    Settings(institution_name=INSTITUTION).save(profile.settings_file)
    return root


@pytest.fixture
def demo(seeded: Path, tmp_path: Path) -> Path:
    """A copy of the seeded profile for one test (its settings get a profile id on first open)."""
    copy = tmp_path / "profil"
    shutil.copytree(seeded, copy)
    return copy


# -- real runs -----------------------------------------------------------------------------------


def test_ics_export_of_the_demo_month(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "plan.ics"
    result = export("ics", "--profile", str(demo), "--from", "2026-11-01", "--to", "2026-11-30", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"ICS yazıldı: {out.resolve()} — 1–30 Kasım 2026:")
    calendar = Calendar.from_ical(out.read_bytes())
    assert str(calendar["X-WR-CALNAME"]) == f"{INSTITUTION} — Yayın Planı"
    events = calendar.events
    posts = [e for e in events if "Gönderi" in [str(c) for c in e.categories]]
    days = [e for e in events if e not in posts]
    assert len(posts) >= 30  # the demo plans a post most office days
    assert any(str(e["SUMMARY"]) == "Öğretmenler Günü" for e in days)
    assert all(str(p["DTSTART"].params["TZID"]) == "Europe/Istanbul" for p in posts)
    profile_id = Settings.load(demo / "settings.json").profile_id
    assert profile_id
    assert all(profile_id in str(e["UID"]) for e in events)
    assert f"{len(posts)} gönderi" in result.stdout


def test_the_institutions_own_days_are_exported_with_the_built_in_ones(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "eylul.ics"
    result = export("ics", "--profile", str(demo), "--from", "2027-09-01", "--to", "2027-09-30", "--out", str(out))
    assert result.returncode == 0, result.stderr
    summaries = [str(e["SUMMARY"]) for e in Calendar.from_ical(out.read_bytes()).events]
    assert "Yeşilvadi'nin Kurtuluşu" in summaries  # the demo's own day, 7 Eylül every year


def test_a_second_export_replaces_the_file_with_the_same_uids(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "plan.ics"
    args = ("ics", "--profile", str(demo), "--from", "2026-11-01", "--to", "2026-11-30", "--out", str(out))
    assert export(*args).returncode == 0
    first = {str(e["UID"]) for e in Calendar.from_ical(out.read_bytes()).walk("VEVENT")}
    assert export(*args).returncode == 0
    second = {str(e["UID"]) for e in Calendar.from_ical(out.read_bytes()).walk("VEVENT")}
    assert first == second
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.ics", "profil"]  # no temporary file left


def test_pdf_export_of_the_demo_month(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "Kasım planı.pdf"
    result = export("pdf", "--profile", str(demo), "--from", "01.11.2026", "--to", "2026-11-30", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("PDF yazıldı:")
    reader = PdfReader(out)
    first = reader.pages[0].extract_text()
    assert INSTITUTION in first
    assert "Aylık Yayın Planı — Kasım 2026" in first
    assert "Atatürk'ü Anma Günü" in first
    whole = "\n".join(page.extract_text() for page in reader.pages)
    assert "Millî Ağaçlandırma Günü" in whole
    assert "Hazırlayan" in whole
    assert "Onaylayan" in whole
    assert "İmza" in whole
    assert f"Sayfa {len(reader.pages)} / {len(reader.pages)}" in reader.pages[-1].extract_text()


def test_a_busy_profile_is_refused_and_the_old_file_is_kept(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "plan.ics"
    out.write_bytes(b"eski")
    lock = ProfileLock(demo)
    lock.acquire()
    try:
        result = export("ics", "--profile", str(demo), "--from", "2026-11-01", "--to", "2026-11-30", "--out", str(out))
    finally:
        lock.release()
    assert result.returncode == 3
    assert "başka bir pencerede ya da eşitlemede açık" in result.stderr
    assert out.read_bytes() == b"eski"


# -- bad input (in-process: nothing is opened) ---------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["export", *args])
    return code, capsys.readouterr().err


@pytest.mark.parametrize(
    ("first", "last", "message"),
    [
        ("2026-02-30", "2026-03-01", "Geçersiz tarih: '2026-02-30'. Tarihi YYYY-AA-GG biçiminde yazın"),
        ("2026-11-01", "30/11/2026", "Geçersiz tarih: '30/11/2026'"),
        ("kasım", "2026-11-30", "Geçersiz tarih: 'kasım'"),
        ("2026-12-01", "2026-11-01", "Başlangıç tarihi (1 Aralık 2026) bitiş tarihinden (1 Kasım 2026) sonra olamaz"),
        ("1926-11-01", "1926-11-30", "2000 ile 2099 yılları arasında olmalı"),
        ("2026-01-01", "2027-06-30", "Dönem çok uzun (546 gün): PDF planı için en çok 366 gün"),
    ],
)
def test_bad_dates_get_a_turkish_message_and_exit_2(
    capsys: pytest.CaptureFixture[str], demo: Path, tmp_path: Path, first: str, last: str, message: str
) -> None:
    out = tmp_path / "plan.pdf"
    out.write_bytes(b"eski")
    code, err = run(capsys, "pdf", "--profile", str(demo), "--from", first, "--to", last, "--out", str(out))
    assert code == 2
    assert message in err
    assert out.read_bytes() == b"eski"


def test_a_missing_profile_is_not_created(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    missing = tmp_path / "yok"
    code, err = run(
        capsys,
        "ics",
        "--profile",
        str(missing),
        "--from",
        "2026-11-01",
        "--to",
        "2026-11-30",
        "--out",
        str(tmp_path / "a.ics"),
    )
    assert code == 2
    assert "Profil bulunamadı" in err
    assert "kurum.sqlite3" in err
    assert not missing.exists()


def test_the_output_must_be_a_file_in_an_existing_folder(
    capsys: pytest.CaptureFixture[str], demo: Path, tmp_path: Path
) -> None:
    base = ("--profile", str(demo), "--from", "2026-11-01", "--to", "2026-11-30")
    code, err = run(capsys, "ics", *base, "--out", str(tmp_path / "olmayan" / "plan.ics"))
    assert code == 2
    assert "Çıktı klasörü yok" in err
    code, err = run(capsys, "ics", *base, "--out", str(tmp_path))
    assert code == 2
    assert "Çıktı yolu bir klasör" in err


def test_an_ics_may_span_years_but_not_decades(capsys: pytest.CaptureFixture[str], demo: Path, tmp_path: Path) -> None:
    code, err = run(
        capsys,
        "ics",
        "--profile",
        str(demo),
        "--from",
        "2026-01-01",
        "--to",
        "2040-01-01",
        "--out",
        str(tmp_path / "a.ics"),
    )
    assert code == 2
    assert "ICS takvimi için en çok 3660 gün" in err


def test_an_unwritable_file_is_exit_1_with_a_turkish_message(
    capsys: pytest.CaptureFixture[str], demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(path: Path, data: bytes) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(command, "write_atomic", refuse)
    code, err = run(
        capsys,
        "ics",
        "--profile",
        str(demo),
        "--from",
        "2026-11-01",
        "--to",
        "2026-11-07",
        "--out",
        str(tmp_path / "a.ics"),
    )
    assert code == 1
    assert "Dosya yazılamadı" in err
    assert "başka bir programda açıksa" in err


# -- the parser and the contract with commands.py -------------------------------------------------


def test_dates_are_read_in_iso_and_turkish_forms() -> None:
    assert parse_day("2026-11-01") == parse_day("01.11.2026") == parse_day(" 1.11.2026 ") == date(2026, 11, 1)
    with pytest.raises(ValueError, match="Geçersiz tarih"):
        parse_day("31.11.2026")


def test_the_parser_matches_the_documented_command_line() -> None:
    parser = argparse.ArgumentParser(prog="kurum-masaustu")
    parser.add_argument("--profile", type=Path)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--profile", type=Path, default=argparse.SUPPRESS)
    add_export_parser(parser.add_subparsers(dest="command"), common)
    args = parser.parse_args(
        ["export", "pdf", "--profile", "P", "--from", "2026-11-01", "--to", "2026-11-30", "--out", "plan.pdf"]
    )
    assert (args.command, args.format, args.first, args.last) == ("export", "pdf", "2026-11-01", "2026-11-30")
    assert (args.profile, args.out, args.wait) == (Path("P"), Path("plan.pdf"), 0)
    with contextlib.redirect_stderr(io.StringIO()), pytest.raises(SystemExit):
        parser.parse_args(["export", "docx", "--from", "2026-11-01", "--to", "2026-11-30", "--out", "x"])


def test_exit_codes_are_those_of_the_other_commands() -> None:
    assert (command.EXIT_OK, command.EXIT_FAILED, command.EXIT_BAD_INPUT, command.EXIT_BUSY) == (
        commands.EXIT_OK,
        commands.EXIT_FAILED,
        commands.EXIT_BAD_INPUT,
        commands.EXIT_BUSY,
    )


# -- atomic writing -----------------------------------------------------------------------------


def test_write_atomic_replaces_the_whole_file_and_leaves_nothing_behind(tmp_path: Path) -> None:
    target = tmp_path / "plan.ics"
    write_atomic(target, b"ilk")
    write_atomic(target, "ikinci sürüm".encode())
    assert target.read_text(encoding="utf-8") == "ikinci sürüm"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.ics"]
    if os.name == "posix":
        assert target.stat().st_mode & 0o777 == 0o644  # readable by others, unlike a temp file


def test_write_atomic_keeps_the_old_file_when_the_rename_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "plan.pdf"
    target.write_bytes(b"eski")

    def locked(src: object, dst: object) -> None:
        raise PermissionError(13, "The process cannot access the file", str(dst))

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(PermissionError):
        write_atomic(target, b"yeni")
    assert target.read_bytes() == b"eski"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.pdf"]
