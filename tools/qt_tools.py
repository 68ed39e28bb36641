"""Locate and run Qt's Linguist tools shipped inside the PySide6 wheel."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path


def _tool(name: str) -> str:
    """Path of a Qt tool: the PySide6 wrapper on PATH or the binary inside the wheel."""
    wrapper = shutil.which(f"pyside6-{name}")
    if wrapper:
        return wrapper
    import PySide6  # the build requirement; imported only here

    base = Path(PySide6.__file__).resolve().parent
    for candidate in (base / name, base / f"{name}.exe", base / "Qt" / "bin" / name):
        if candidate.exists():
            return str(candidate)
    raise FileNotFoundError(f"Qt tool {name!r} not found in {base}")


def lrelease(ts: Path, qm: Path) -> None:
    """Compile one Qt Linguist source into a .qm file; fails loudly on a broken .ts."""
    subprocess.run([_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def lupdate(sources: list[Path], ts_files: list[Path], quiet: bool = False) -> None:
    """Refresh .ts files from the Python sources, dropping strings no longer used."""
    args = [_tool("lupdate"), "-no-obsolete", "-locations", "none"]
    args += [str(s) for s in sources] + ["-ts"] + [str(t) for t in ts_files]
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL if quiet else None)
