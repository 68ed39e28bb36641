"""``kurum-masaustu export ics|pdf --profile DIR --from YYYY-MM-DD --to YYYY-MM-DD --out FILE``.

For IT and managers' scripts: the plan of a date range (local days, both included) as an ICS
calendar or the printable monthly plan (PDF). Messages are Turkish; exit codes as
:mod:`kurum_masaustu.commands`: 0 written, 1 could not be made or written, 2 bad input (dates,
output path, missing profile, refused database), 3 the profile is open elsewhere.

The file is written atomically: a reader sees the old file or the new one, never half of it.
Only the profile's lock is held while the plan is read; the file is built after it is released.

The command line's arguments are defined in :mod:`kurum_masaustu.cli` (its parser must stay import-light).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from kurum_masaustu.export import ExportError, format_day, format_range, write_atomic
from kurum_masaustu.paths import Profile, default_profile_dir

__all__ = ["FORMATS", "MAX_DAYS", "add_export_parser", "main", "parse_day", "run_export"]

#: As :mod:`kurum_masaustu.commands` (not imported here, to keep the parser light).
EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT, EXIT_BUSY = 0, 1, 2, 3
from kurum_masaustu.cli import EXPORT_FORMATS as FORMATS  # noqa: E402  (one definition)
from kurum_masaustu.cli import add_export_parser  # noqa: E402

#: The longest range per format: ten years of calendar, twelve months of printed plan.
MAX_DAYS = {"ics": 3660, "pdf": 366}
_FIRST_YEAR, _LAST_YEAR = 2000, 2099
_TURKISH_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")


def _err(message: str) -> None:
    print(message, file=sys.stderr)


class _BadInputError(ValueError):
    """Input the person must correct; the message is Turkish."""


def parse_day(text: str) -> date:
    """``2026-11-01`` (also ``01.11.2026``, as Turkish users write it); :class:`ValueError` in Turkish."""
    value = text.strip()
    try:
        match = _TURKISH_DATE.fullmatch(value)
        day = date(int(match[3]), int(match[2]), int(match[1])) if match else date.fromisoformat(value)
    except ValueError:
        raise _BadInputError(f"Geçersiz tarih: {text!r}. Tarihi YYYY-AA-GG biçiminde yazın (ör. 2026-11-01).") from None
    if not _FIRST_YEAR <= day.year <= _LAST_YEAR:
        raise _BadInputError(f"Tarih {_FIRST_YEAR} ile {_LAST_YEAR} yılları arasında olmalı: {text!r}.")
    return day


def _range(args: argparse.Namespace) -> tuple[date, date]:
    first, last = parse_day(args.first), parse_day(args.last)
    if first > last:
        raise _BadInputError(
            f"Başlangıç tarihi ({format_day(first)}) bitiş tarihinden ({format_day(last)}) sonra olamaz. "
            "--from ile --to yer değiştirmiş olabilir."
        )
    length = (last - first).days + 1
    limit = MAX_DAYS[args.format]
    if length > limit:
        what = "ICS takvimi" if args.format == "ics" else "PDF planı"
        raise _BadInputError(f"Dönem çok uzun ({length} gün): {what} için en çok {limit} gün verilebilir.")
    return first, last


def _output(args: argparse.Namespace) -> Path:
    out = Path(args.out).expanduser().resolve()
    if out.is_dir():
        raise _BadInputError(f"Çıktı yolu bir klasör; bir dosya adı verin (ör. {out / ('plan.' + args.format)}).")
    if not out.parent.is_dir():
        raise _BadInputError(f"Çıktı klasörü yok: {out.parent}")
    return out


def _profile_root(args: argparse.Namespace) -> Path:
    root = Path(args.profile).expanduser().resolve() if getattr(args, "profile", None) else default_profile_dir()
    if not Profile(root).database.is_file():
        raise _BadInputError(
            f"Profil bulunamadı: {root} (içinde kurum.sqlite3 yok). --profile ile profil klasörünü verin."
        )
    return root


def run_export(args: argparse.Namespace) -> int:
    """The ``export`` command; returns the exit code."""
    from kurum_masaustu.commands import open_profile
    from kurum_masaustu.profile_lock import ProfileBusyError
    from kurum_masaustu.store.database import DatabaseRefusedError, NewerDatabaseError

    try:
        first, last = _range(args)
        out = _output(args)
        _profile_root(args)
    except _BadInputError as exc:
        _err(str(exc))
        return EXIT_BAD_INPUT

    from kurum_masaustu.export import collect_plan

    try:
        with open_profile(args, wait_seconds=float(getattr(args, "wait", 0) or 0)) as services:
            plan = collect_plan(
                services.sessions,
                first,
                last,
                institution=services.settings.institution_name,
                uid_namespace=services.settings.profile_id,
            )
    except ProfileBusyError:
        _err("Bu profil şu anda başka bir pencerede ya da eşitlemede açık. Kapatıp yeniden deneyin.")
        return EXIT_BUSY
    except NewerDatabaseError as exc:
        _err(f"Profildeki veritabanı Kurum Masaüstü'nün daha yeni bir sürümüyle yazılmış; dokunulmadı: {exc.path}")
        return EXIT_BAD_INPUT
    except DatabaseRefusedError as exc:
        _err(f"Bu dosya bir Kurum Masaüstü veritabanı değil; dokunulmadı: {getattr(exc, 'path', '')}")
        return EXIT_BAD_INPUT

    try:
        if args.format == "ics":
            from kurum_masaustu.export.ics import build_ics

            data = build_ics(plan)
        else:
            from kurum_masaustu.export.pdf import build_month_plan_pdf

            data = build_month_plan_pdf(plan)
    except ExportError as exc:
        _err(str(exc))
        return EXIT_FAILED

    try:
        write_atomic(out, data)
    except OSError as exc:
        _err(
            f"Dosya yazılamadı: {out} ({exc.strerror or exc}). "
            "Dosya başka bir programda açıksa kapatıp yeniden deneyin."
        )
        return EXIT_FAILED

    # The PDF leaves cancelled posts out; the ICS keeps them (as cancelled events).
    shown = plan.entries if args.format == "ics" else [e for e in plan.entries if e.state != "cancelled"]
    posts = len({entry.post_id for entry in shown})
    print(
        f"{args.format.upper()} yazıldı: {out} — {format_range(first, last)}: "
        f"{len(plan.days)} tatil ve önemli gün, {posts} gönderi"
    )
    return EXIT_OK


def _parser() -> argparse.ArgumentParser:
    """A stand-alone parser shaped like ``kurum-masaustu``'s, with only ``export``."""
    parser = argparse.ArgumentParser(prog="kurum-masaustu")
    parser.add_argument("--profile", type=Path, metavar="DIR", help="profil klasörü")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--profile", type=Path, metavar="DIR", default=argparse.SUPPRESS, help="profil klasörü")
    commands = parser.add_subparsers(dest="command", metavar="KOMUT", required=True)
    add_export_parser(commands, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m kurum_masaustu.export.command export ics|pdf …`` (same as ``kurum-masaustu export``)."""
    return run_export(_parser().parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
