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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    # Start-up allocates many long-lived objects (Qt wrappers, SQLAlchemy's mappers); collecting
    # them over and over costs tens of milliseconds. The app re-enables the collector after the
    # first paint (app.run → settle), and always on the way out.
    gc.disable()
    try:
        from kurum_masaustu.app import run

        return run(args, list(sys.argv if argv is None else [sys.argv[0], *argv]))
    finally:
        gc.enable()
