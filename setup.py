"""Build hook: put resources/ and the compiled translations inside the wheel.

The repository keeps ``resources/`` and ``translations/*.ts`` at the top level (where people
edit them); the installed package finds them as ``kurum_masaustu/resources`` and
``kurum_masaustu/translations/*.qm``. The .qm files are compiled here with Qt's lrelease,
never committed.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "tools"))

from qt_tools import lrelease  # noqa: E402


class BuildWithData(build_py):
    def run(self) -> None:
        super().run()
        target = Path(self.build_lib) / "kurum_masaustu"
        resources = target / "resources"
        if resources.exists():
            shutil.rmtree(resources)
        shutil.copytree(ROOT / "resources", resources)
        qm_dir = target / "translations"
        qm_dir.mkdir(parents=True, exist_ok=True)
        for ts in sorted((ROOT / "translations").glob("*.ts")):
            lrelease(ts, qm_dir / (ts.stem + ".qm"))


setup(cmdclass={"build_py": BuildWithData})
