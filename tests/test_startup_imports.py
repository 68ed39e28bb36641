"""The modules imported before PySide6 at start-up must stay free of Qt (startup_imports)."""

from __future__ import annotations

import json
import subprocess
import sys


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
    """What the main window pulls in after PySide6 must not include SQLAlchemy or our storage:
    PySide6's import hook would read all their sources (startup_imports). A small rule or
    service module imported late costs a fraction of a millisecond and is not checked."""
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
    ]
    assert late == [], "add these Qt-free modules to startup_imports.QT_FREE_MODULES"
