"""TEST-ONLY: the launcher's version resource and icon, read with the Windows API. Never shipped.

launcher_probe.py EXE   → "ProductName=… FileVersion=… OriginalFilename=… icons=N"
"""

from __future__ import annotations

import ctypes
import sys
from ctypes import wintypes

sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]  # the pipe is not UTF-8 by default

version = ctypes.WinDLL("version")
shell32 = ctypes.WinDLL("shell32")


def string_value(block: ctypes.Array[ctypes.c_char], name: str) -> str:
    pointer = ctypes.c_void_p()
    length = wintypes.UINT()
    path = f"\\StringFileInfo\\041F04B0\\{name}"
    if not version.VerQueryValueW(block, path, ctypes.byref(pointer), ctypes.byref(length)) or not length.value:
        return "<none>"
    return ctypes.wstring_at(pointer.value, length.value - 1)


exe = sys.argv[1]
size = version.GetFileVersionInfoSizeW(exe, None)
if not size:
    raise SystemExit(f"{exe}: no version resource")
block = ctypes.create_string_buffer(size)
if not version.GetFileVersionInfoW(exe, 0, size, block):
    raise SystemExit(f"{exe}: GetFileVersionInfoW failed")
icons = shell32.ExtractIconExW(exe, -1, None, None, 0)
fields = ("ProductName", "FileDescription", "FileVersion", "OriginalFilename", "CompanyName")
print(" ".join(f"{name}={string_value(block, name)}" for name in fields) + f" icons={icons}")
