"""``kurum-masaustu import PLAN.csv --profile DIR [--valid-only]``: a content plan from CSV.

Every row is checked first and its problems printed by line (Turkish). With problems, nothing is
imported unless ``--valid-only`` asks for the valid rows (then the invalid ones are listed and
left out). The chosen rows go in one transaction. Exit codes: 0 imported, 1 could not be
imported, 2 problems in the file (nothing imported) or bad arguments, 3 the profile is busy.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT, EXIT_BUSY = 0, 1, 2, 3


def run_import(args: argparse.Namespace) -> int:
    from kurum_masaustu.commands import open_profile
    from kurum_masaustu.media.errors import MediaError
    from kurum_masaustu.paths import Profile, default_profile_dir
    from kurum_masaustu.profile_lock import ProfileBusyError
    from kurum_masaustu.rules.plan_import import message_tr
    from kurum_masaustu.services.plan_import import PlanImportService
    from kurum_masaustu.store.database import DatabaseRefusedError

    source = Path(args.file).expanduser().resolve()
    if not source.is_file():
        print(f"Dosya bulunamadı: {source}", file=sys.stderr)
        return EXIT_BAD_INPUT
    root = Path(args.profile).expanduser().resolve() if getattr(args, "profile", None) else default_profile_dir()
    if not Profile(root).database.is_file():
        print(f"Profil bulunamadı: {root} (içinde kurum.sqlite3 yok).", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        with open_profile(args, wait_seconds=float(getattr(args, "wait", 0) or 0)) as services:
            importer = PlanImportService(services.sessions, services.media, actor="komut satırı")
            plan = importer.read(source)
            for problem in plan.problems:
                print(message_tr(problem), file=sys.stderr)
            if plan.problems and not args.valid_only:
                print(
                    f"Hiçbir satır alınmadı: {len(plan.bad_lines)} satırda sorun var, {len(plan.rows)} satır geçerli. "
                    "Geçerli satırları almak için --valid-only ekleyin.",
                    file=sys.stderr,
                )
                return EXIT_BAD_INPUT
            if not plan.rows:
                print("Alınacak geçerli satır yok.", file=sys.stderr)
                return EXIT_BAD_INPUT
            try:
                posts = importer.import_rows(plan.rows)
            except MediaError as exc:
                print(f"Bir görsel alınamadı ({exc}); hiçbir satır alınmadı.", file=sys.stderr)
                return EXIT_FAILED
    except ProfileBusyError:
        print("Bu profil şu anda başka bir pencerede ya da eşitlemede açık. Kapatıp yeniden deneyin.", file=sys.stderr)
        return EXIT_BUSY
    except DatabaseRefusedError as exc:
        print(f"Bu profilin veritabanı açılamadı; dokunulmadı: {getattr(exc, 'path', '')}", file=sys.stderr)
        return EXIT_BAD_INPUT
    skipped = f", {len(plan.bad_lines)} sorunlu satır alınmadı" if plan.problems else ""
    print(f"{len(posts)} gönderi plana eklendi{skipped}.")
    return EXIT_OK
