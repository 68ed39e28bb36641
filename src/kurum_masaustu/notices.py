"""Third-party notices: what the app carries, under which licence, with the licence texts.

One generator for two uses: the Windows build writes ``THIRD-PARTY-NOTICES.txt`` beside the
installed program from the metadata of the distributions it bundled
(``packaging/windows/buildtool.py notices``), and the About dialog shows that file, or, when run
from a source checkout, the same text generated from the distributions installed there.
Standard library only (the build runs it with the Linux build Python against the Windows
site-packages).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path
from typing import Final

NOTICES_FILE_NAME: Final = "THIRD-PARTY-NOTICES.txt"
_RULE: Final = "=" * 78

#: Components inside other packages' wheels, or in the app's own code, that no distribution's
#: metadata names. Each: (title, licence, where it is, what to know).
EMBEDDED: Final[tuple[tuple[str, str, str, str], ...]] = (
    (
        "CPython 3.12 (embeddable runtime)",
        "PSF-2.0 (Python Software Foundation License); see python\\LICENSE.txt",
        "python\\ (python.exe, python312.dll, the standard library); OpenSSL (Apache-2.0), "
        "SQLite (public domain), libffi (MIT), bzip2, xz, zlib and Tcl-free extension modules",
        "https://www.python.org/download/releases/3.12/license/",
    ),
    (
        "Qt 6 (inside PySide6-Essentials and shiboken6)",
        "LGPL-3.0-only (used under the LGPL; the Qt DLLs are unmodified and can be replaced)",
        "python\\Lib\\site-packages\\PySide6\\Qt6*.dll",
        "Source: https://download.qt.io/official_releases/qt/ ; PySide6: https://code.qt.io/pyside/pyside-setup",
    ),
    (
        "FFmpeg libraries (inside PyAV)",
        "LGPL-3.0-or-later as built (libavutil reports 'LGPL version 3 or later')",
        "python\\Lib\\site-packages\\av.libs\\av*.dll, swscale, swresample",
        "Source: https://ffmpeg.org/download.html ; build scripts: https://github.com/PyAV-Org/pyav-ffmpeg",
    ),
    (
        "x264 and x265 encoders (inside PyAV; x265 also inside pillow-heif)",
        "GPL-2.0-or-later",
        "av.libs\\libx264-*.dll, av.libs\\libx265-*.dll, pillow_heif.libs\\libx265*.dll",
        "Source: https://code.videolan.org/videolan/x264 , https://bitbucket.org/multicoreware/x265_git",
    ),
    (
        "Other codec libraries inside PyAV",
        "dav1d (BSD-2-Clause), SVT-AV1 (BSD-3-Clause-Clear), libvpx (BSD-3-Clause), Opus (BSD-3-Clause), "
        "libwebp (BSD-3-Clause), libvmaf (BSD-2-Clause-Patent), libvpl (MIT), zlib (Zlib), libiconv "
        "(LGPL-2.1-or-later), MinGW-w64 runtime (GPL-3.0 with GCC exception; libwinpthread MIT)",
        "python\\Lib\\site-packages\\av.libs\\",
        "See each project's site; PyAV's build: https://github.com/PyAV-Org/pyav-ffmpeg",
    ),
    (
        "libheif and libde265 (inside pillow-heif)",
        "LGPL-3.0; the pillow-heif binary wheel as a whole is GPL-2.0 because of x265",
        "python\\Lib\\site-packages\\pillow_heif.libs\\",
        "Details: pillow-heif's LICENSES_bundled.txt below",
    ),
    (
        "twitter-text top-level domain list and weighting rules (in kurum_masaustu/rules/text.py)",
        "Apache-2.0, Copyright 2011 Twitter, Inc.",
        "the TLD list (conformance/tld_lib.yml) and the v3 length configuration, copied as data",
        "https://github.com/twitter/twitter-text ; licence text: kurum_masaustu/resources/licenses/twitter-text.txt",
    ),
    (
        "Turkish word lists (inbox lexicon, tone rules, templates, important days)",
        "GPL-3.0-or-later (written for this project; no third-party dictionary is bundled)",
        "kurum_masaustu/resources/",
        "",
    ),
)


def _field(meta: metadata.PackageMetadata, key: str) -> str:
    return str(meta[key] or "") if key in meta else ""


def _licence_of(meta: metadata.PackageMetadata) -> str:
    expression = _field(meta, "License-Expression")
    if expression:
        return str(expression)
    classifiers = [c.split("::")[-1].strip() for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    licence = _field(meta, "License").strip()
    if licence and len(licence) <= 100 and "\n" not in licence:
        return licence
    if classifiers:
        return "; ".join(classifiers)
    return "see the licence text below" if licence else "not stated in the package metadata"


def _licence_texts(dist: metadata.Distribution) -> list[tuple[str, str]]:
    """(file name, text) of every licence file the distribution's metadata lists or holds."""
    names = list(dict.fromkeys(dist.metadata.get_all("License-File") or []))
    if not names:
        for file in dist.files or []:
            parts = file.parts
            if (
                len(parts) >= 2
                and parts[0].endswith(".dist-info")
                and (parts[1] == "licenses" or parts[1].upper().startswith(("LICENSE", "LICENCE", "COPYING", "NOTICE")))
            ):
                names.append("/".join(parts[1:]).removeprefix("licenses/"))
    texts: list[tuple[str, str]] = []
    for name in names:
        if name.endswith((".py", ".pyc")):
            continue
        text = dist.read_text(f"licenses/{name}") or dist.read_text(name)
        if text:
            texts.append((name, text.strip()))
    if not texts:
        long_licence = _field(dist.metadata, "License").strip()
        if len(long_licence) > 100 or "\n" in long_licence:
            texts.append(("License (from the package metadata)", long_licence))
    return texts


def _name(dist: metadata.Distribution) -> str:
    return _field(dist.metadata, "Name") or "?"


def generate(distributions: Iterable[metadata.Distribution], own_name: str = "kurum-masaustu") -> str:
    """The whole notices text: the embedded components, then every distribution with its licence."""
    dists: dict[str, metadata.Distribution] = {}
    for dist in distributions:
        key = _name(dist).lower().replace("_", "-")
        if key != own_name and key not in dists:
            dists[key] = dist
    lines = [
        "Kurum Masaüstü — third-party notices / üçüncü taraf bildirimleri",
        "",
        "Kurum Masaüstü is free software under the GNU GPL version 3 or later. It carries the",
        "components below, each under its own licence. Generated from the package metadata of",
        "the distributions bundled with this copy.",
        "",
        _RULE,
        "Components inside other packages or the app (not listed as Python distributions)",
        _RULE,
    ]
    for title, licence, where, more in EMBEDDED:
        lines += ["", title, f"  Licence: {licence}", f"  Where:   {where}"]
        if more:
            lines.append(f"  More:    {more}")
    lines += ["", _RULE, f"Python distributions ({len(dists)})", _RULE]
    ordered = sorted(dists.values(), key=lambda d: _name(d).lower())
    for dist in ordered:
        meta = dist.metadata
        lines += ["", f"{_name(dist)} {dist.version} — {_licence_of(meta)}"]
        home = _field(meta, "Home-page") or next(
            (url.split(",", 1)[1].strip() for url in meta.get_all("Project-URL") or [] if "," in url), ""
        )
        if home:
            lines.append(f"  {home}")
    lines += ["", _RULE, "Licence texts", _RULE]
    for file in _own_licence_files():
        lines += ["", f"----- {file.stem} (data in Kurum Masaüstü) -----", "", file.read_text(encoding="utf-8").strip()]
    for dist in ordered:
        for file_name, text in _licence_texts(dist):
            lines += ["", f"----- {_name(dist)} {dist.version}: {file_name} -----", "", text]
    return "\n".join(lines) + "\n"


def _own_licence_files() -> list[Path]:
    """Licences of third-party data inside the app (``resources/licenses/*.txt``)."""
    from kurum_masaustu.paths import resources_dir

    try:
        folder = resources_dir() / "licenses"
    except FileNotFoundError:
        return []
    return sorted(folder.glob("*.txt"))


def installed_notices_file() -> Path | None:
    """``THIRD-PARTY-NOTICES.txt`` of a Windows install (beside the ``python`` folder), if any."""
    candidate = Path(sys.prefix).parent / NOTICES_FILE_NAME
    return candidate if candidate.is_file() else None


def notices_text() -> tuple[str, Path | None]:
    """(text, the file it came from): the installed file, or (generated here, None)."""
    installed = installed_notices_file()
    if installed is not None:
        return installed.read_text(encoding="utf-8"), installed
    return generate(metadata.distributions()), None
