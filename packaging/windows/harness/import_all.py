"""TEST-ONLY: import every module of the app and every compiled extension the installer carries.

Run by smoke_test.sh with the installed Python (through wine_run.py). A missing DLL next to a
wheel's .pyd (FFmpeg in PyAV, libheif in pillow-heif, Qt's DLLs) shows up here as an ImportError
instead of at the moment a user first opens a video. Prints one summary line; exit 1 on failures.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
import sysconfig
import traceback
from pathlib import Path

# Extension modules that need something the app neither ships nor uses: Pillow's Tk bridge
# (the embeddable Python has no tkinter).
SKIP = {"PIL._imagingtk"}


def extension_modules(site: Path) -> list[str]:
    names = []
    for pyd in sorted(site.rglob("*.pyd")):
        relative = pyd.relative_to(site).with_suffix("")
        parts = list(relative.parts)
        parts[-1] = parts[-1].split(".")[0]  # "QtCore.pyd" / "_imaging.cp312-win_amd64.pyd"
        if any(not part.isidentifier() for part in parts):
            continue
        names.append(".".join(parts))
    return names


def main() -> int:
    import kurum_masaustu

    site = Path(sysconfig.get_paths()["purelib"])
    app_modules = [info.name for info in pkgutil.walk_packages(kurum_masaustu.__path__, "kurum_masaustu.")]
    extensions = extension_modules(site)
    candidates = ["kurum_masaustu", *app_modules, *extensions]
    failures: list[str] = []
    skipped: list[str] = []
    for name in candidates:
        # __main__ would start the app; Alembic's migration scripts only run inside Alembic.
        if name in SKIP or name.endswith(".__main__") or ".migrations" in name:
            skipped.append(name)
            continue
        try:
            importlib.import_module(name)
        except Exception as exc:  # report every failure, not just the first
            failures.append(f"{name}: {type(exc).__name__}: {exc}")
            traceback.print_exc(limit=1)
    imported = len(candidates) - len(skipped) - len(failures)
    print(
        f"imported {imported} of {len(candidates)} modules ({len(app_modules) + 1} of the app, "
        f"{len(extensions)} compiled extensions); {len(skipped)} skipped, {len(failures)} failed"
    )
    for failure in failures:
        print(f"  FAILED {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
