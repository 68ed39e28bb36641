"""TEST-ONLY (Wine): run a module or a script with the installed Windows Python. Never shipped.

    python.exe wine_run.py -m kurum_masaustu --demo --screenshot Z:\\out.png
    python.exe wine_run.py keyring_probe.py set NAMESPACE VALUE

Wine 8 lacks ``propsys.VariantToString``. Python 3.12's ``platform`` module asks WMI (``_wmi``)
for the Windows version, which ends in that function and aborts the process ("unimplemented
function propsys.dll.VariantToString"); SQLAlchemy calls ``platform.machine()`` at import. With
``_wmi`` blocked, ``platform`` falls back to ``sys.getwindowsversion()``, as it does on Windows
when WMI is unavailable. Real Windows needs none of this.
"""

from __future__ import annotations

import runpy
import sys

sys.modules["_wmi"] = None  # type: ignore[assignment]


def main() -> None:
    args = sys.argv[1:]
    if not args:
        raise SystemExit("usage: wine_run.py -m MODULE [ARGS…] | SCRIPT [ARGS…]")
    if args[0] == "-m":
        module = args[1]
        sys.argv = [module, *args[2:]]
        runpy.run_module(module, run_name="__main__", alter_sys=True)
    else:
        sys.argv = args
        runpy.run_path(args[0], run_name="__main__")


if __name__ == "__main__":
    main()
