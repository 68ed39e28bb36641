"""The modules imported before PySide6 at start-up must stay free of Qt (startup_imports)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def test_the_modules_imported_before_qt_do_not_import_qt() -> None:
    code = (
        "import json, sys\n"
        "from kurum_masaustu.startup_imports import import_qt_free_modules\n"
        "import_qt_free_modules()\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(result.stdout) == []


def test_the_window_modules_import_no_storage_module_after_qt() -> None:
    """What the main window pulls in after PySide6 must not include SQLAlchemy, our storage or
    any other Qt-free module of ours: PySide6's import hook would read their sources
    (startup_imports; eight small rule and service modules cost ≈4 ms more that way)."""
    code = (
        "import json, sys\n"
        "from kurum_masaustu.startup_imports import import_qt_free_modules\n"
        "import_qt_free_modules()\n"
        "before = set(sys.modules)\n"
        "import PySide6.QtWidgets\n"
        "import kurum_masaustu.app, kurum_masaustu.ui.main_window\n"
        "print(json.dumps(sorted(set(sys.modules) - before)))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    after_qt = json.loads(result.stdout)
    assert "kurum_masaustu.ui.main_window" in after_qt  # the probe itself worked
    late = [
        name
        for name in after_qt
        if name.split(".")[0] == "sqlalchemy"
        or name.startswith("kurum_masaustu.store")
        or (name.startswith("kurum_masaustu.") and not _uses_qt(name))
    ]
    assert late == [], "add these Qt-free modules to startup_imports.QT_FREE_MODULES"


def _uses_qt(module: str) -> bool:
    """Whether our module imports Qt itself (then it comes after PySide6 anyway)."""
    import importlib.util

    spec = importlib.util.find_spec(module)
    assert spec is not None
    assert spec.origin is not None
    return "PySide6" in Path(spec.origin).read_text(encoding="utf-8")
