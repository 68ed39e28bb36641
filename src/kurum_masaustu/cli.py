"""Command line: ``kurum-masaustu [--profile DIR] [--demo] [--lang tr|en] [--screenshot FILE]``.

Kept import-light: the GUI modules load only after the arguments are understood.
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Sequence
from pathlib import Path

from kurum_masaustu import APP_NAME, __version__


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kurum-masaustu",
        description=f"{APP_NAME}: resmî kurumlar için sosyal medya masası.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--profile",
        type=Path,
        metavar="DIR",
        help="profil klasörü (varsayılan: kullanıcı veri klasörü) / profile folder",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="örnek içerikli deneme profili açar / open a demo profile with sample content",
    )
    parser.add_argument("--lang", choices=("tr", "en"), help="arayüz dili / interface language")
    parser.add_argument(
        "--screenshot",
        type=Path,
        metavar="FILE",
        help="pencere verisiyle çizilince PNG kaydedip çıkar / save a PNG of the window and exit",
    )
    _add_commands(parser)
    return parser


def _add_commands(parser: argparse.ArgumentParser) -> None:
    """Headless commands for IT and scripts (no window)."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--profile", type=Path, metavar="DIR", default=argparse.SUPPRESS, help="profil klasörü")
    commands = parser.add_subparsers(dest="command", metavar="KOMUT")

    channel = commands.add_parser("channel", parents=[common], help="kanalları yönet / manage channels")
    actions = channel.add_subparsers(dest="action", required=True, metavar="İŞLEM")
    add = actions.add_parser(
        "add", parents=[common], help="kanal ekle; gizli anahtar standart girdiden okunur (secret from stdin)"
    )
    add.add_argument(
        "--platform", required=True, help="facebook, instagram, x, linkedin, mastodon, bluesky, telegram, manual"
    )
    add.add_argument("--name", required=True, help="görünen ad")
    add.add_argument("--handle", default="", help="hesap adı, ör. @belediye")
    add.add_argument(
        "--base-url", help="Mastodon/Bluesky sunucusu, ör. https://sosyal.example veya http://127.0.0.1:2583"
    )
    add.add_argument("--sandbox", action="store_true", help="deneme (eğitim) kanalı: hiçbir şey internete gitmez")
    add.add_argument("--page-id", help="Facebook sayfa kimliği")
    add.add_argument("--ig-user-id", help="Instagram profesyonel hesap kimliği")
    add.add_argument("--organization-urn", help="LinkedIn kuruluş URN'si, ör. urn:li:organization:123")
    add.add_argument("--chat-id", help="Telegram kanalı, ör. @kanaladi ya da -100…")
    add.add_argument(
        "--expires", metavar="YYYY-AA-GG", help="erişim anahtarının son geçerlilik günü (ör. LinkedIn: 60 gün sonrası)"
    )
    listing = actions.add_parser("list", parents=[common], help="kanalları listele")
    listing.add_argument("--json", action="store_true")
    for name, text in (("test", "bağlantıyı dene"), ("remove", "kanalı kaldır")):
        one = actions.add_parser(name, parents=[common], help=text)
        one.add_argument("id", type=int)

    sandbox = commands.add_parser("sandbox", parents=[common], help="deneme kanallarının yayımladıkları")
    sandbox_actions = sandbox.add_subparsers(dest="action", required=True, metavar="İŞLEM")
    sandbox_list = sandbox_actions.add_parser("list", parents=[common], help="yayımlananları listele")
    sandbox_list.add_argument("--json", action="store_true")

    sync = commands.add_parser("sync", parents=[common], help="zamanı gelenleri yayımla, eşitle ve çık")
    sync.add_argument("--wait", type=float, default=0, metavar="SN", help="profil meşgulse bu kadar saniye bekle")

    add_export_parser(commands, common)
    plan_import = commands.add_parser(
        "import", parents=[common], help="CSV içerik planını içe aktar / import a content plan (CSV)"
    )
    plan_import.add_argument("file", type=Path, metavar="PLAN.csv", help="tarih, saat, kanallar, metin… sütunları")
    plan_import.add_argument(
        "--valid-only", action="store_true", help="sorunlu satırları atla, geçerli olanları al (yoksa hiçbiri alınmaz)"
    )
    plan_import.add_argument("--wait", type=float, default=0, metavar="SN", help="profil meşgulse bu kadar bekle")

    backup = commands.add_parser(
        "backup",
        parents=[common],
        help="profilin yedeğini tek bir .zip dosyasına yaz (pencere açıkken de olur) / back up the profile",
    )
    backup.add_argument("--out", required=True, type=Path, metavar="DOSYA.zip", help="yazılacak yedek dosyası")
    restore = commands.add_parser(
        "restore", help="yedeği boş ya da yeni bir profil klasörüne geri yükle / restore a backup"
    )
    restore.add_argument("file", type=Path, metavar="DOSYA.zip", help="geri yüklenecek yedek")
    restore.add_argument(
        "--profile", required=True, type=Path, metavar="YENİ_KLASÖR", help="boş ya da henüz olmayan profil klasörü"
    )


EXPORT_FORMATS = ("ics", "pdf")


def add_export_parser(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> argparse.ArgumentParser:
    """``export ics|pdf --from --to --out`` (handled by :mod:`kurum_masaustu.export.command`)."""
    export = commands.add_parser(
        "export",
        parents=[common],
        help="planı ICS takvimi ya da yazdırılabilir aylık plan (PDF) olarak yaz / export the plan",
    )
    export.add_argument(
        "format", choices=EXPORT_FORMATS, metavar="ics|pdf", help="ics: takvim dosyası; pdf: aylık plan"
    )
    export.add_argument("--from", dest="first", required=True, metavar="YYYY-AA-GG", help="ilk gün, ör. 2026-11-01")
    export.add_argument("--to", dest="last", required=True, metavar="YYYY-AA-GG", help="son gün (dahil)")
    export.add_argument("--out", required=True, type=Path, metavar="DOSYA", help="yazılacak dosya")
    export.add_argument("--wait", type=float, default=0, metavar="SN", help="profil meşgulse bu kadar saniye bekle")
    return export


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "export":
        from kurum_masaustu.export.command import run_export

        return run_export(args)
    if args.command == "import":
        from kurum_masaustu.import_command import run_import

        return run_import(args)
    if args.command in ("backup", "restore"):
        from kurum_masaustu.backup_command import run_backup, run_restore

        return run_backup(args) if args.command == "backup" else run_restore(args)
    if args.command is not None:
        from kurum_masaustu.commands import run_command

        return run_command(args)
    # Start-up allocates many long-lived objects (Qt wrappers, SQLAlchemy's mappers); collecting
    # them over and over costs tens of milliseconds. The app re-enables the collector after the
    # first paint (app.run → settle), and always on the way out.
    gc.disable()
    try:
        from kurum_masaustu.startup_imports import import_qt_free_modules

        import_qt_free_modules()  # before PySide6: see startup_imports
        from kurum_masaustu.app import run

        return run(args, list(sys.argv if argv is None else [sys.argv[0], *argv]))
    finally:
        gc.enable()
