"""What the Windows build leaves out of the installed payload, and why: one list, one place.

The wheels bring more than the app ever loads: PySide6-Essentials carries Qt Quick/QML,
Designer, Qt's developer tools, 200 translation files, headers and typing stubs. The build
(``buildtool.py trim``) deletes what matches ``EXCLUDE`` from the assembled site-packages before
the notices, the bytecode and the MSI are made. Anything *not* listed here ships, so a new
module in a PySide6 update is carried until someone decides otherwise.

Patterns are paths relative to site-packages with ``/`` separators, matched segment by segment
(``*`` never crosses a ``/``; ``**`` matches any number of folders). ``KEEP`` wins over
``EXCLUDE``. ``tests/packaging/test_windows_payload.py`` checks the list against what the app
and its dependencies import; the build checks that no file left behind imports a removed DLL.

Standard library only (run by the build venv's Python on Linux).
"""

from __future__ import annotations

import fnmatch
import struct
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Final


@dataclass(frozen=True)
class Exclusion:
    """Files left out of the MSI: the patterns and the reason the app never needs them."""

    patterns: tuple[str, ...]
    why: str


EXCLUDE: Final[tuple[Exclusion, ...]] = (
    # ------------------------------------------------------------ Qt modules the app never loads
    # The app is Qt Widgets: it imports QtCore, QtGui, QtWidgets and QtNetwork (and qasync the
    # first three). Qt6Svg.dll stays for the SVG icon/image plugins.
    Exclusion(
        (
            "PySide6/qml/**",
            "PySide6/Qt6Qml*.dll",
            "PySide6/Qt6Quick*.dll",
            "PySide6/Qt6Labs*.dll",
            "PySide6/Qt6Lottie*.dll",
            "PySide6/QtQml.pyd",
            "PySide6/QtQuick*.pyd",
            "PySide6/pyside6qml.abi3.*",
            "PySide6/plugins/qmltooling/**",
            "PySide6/plugins/qmllint/**",
            "PySide6/plugins/vectorimageformats/**",
        ),
        "Qt Quick / QML (Controls, Dialogs, Shapes, Labs, Lottie, QML debugging and lint plugins): "
        "the interface is built from Qt Widgets, no QML engine is ever created",
    ),
    Exclusion(
        (
            "PySide6/Qt6Designer*.dll",
            "PySide6/QtDesigner.pyd",
            "PySide6/plugins/designer/**",
            "PySide6/Qt6UiTools.dll",
            "PySide6/QtUiTools.pyd",
            "PySide6/Qt6Help.dll",
            "PySide6/QtHelp.pyd",
        ),
        "Qt Designer, .ui loading and Qt Help: the widgets are written in code, help is the Turkish guide",
    ),
    Exclusion(
        ("PySide6/Qt6OpenGL*.dll", "PySide6/QtOpenGL*.pyd", "PySide6/opengl32sw.dll"),
        "OpenGL: no QOpenGLWidget or Qt Quick view, so widgets paint with the raster engine; "
        "opengl32sw.dll is Mesa's software OpenGL for machines without a driver (20 MiB)",
    ),
    Exclusion(
        ("PySide6/Qt6Sql.dll", "PySide6/QtSql.pyd", "PySide6/plugins/sqldrivers/**"),
        "Qt SQL and its database drivers: the data goes through SQLAlchemy and Python's sqlite3",
    ),
    Exclusion(
        ("PySide6/Qt6PrintSupport.dll", "PySide6/QtPrintSupport.pyd"),
        "Qt Print Support: PDF export is fpdf2; nothing is printed through Qt",
    ),
    Exclusion(
        ("PySide6/QtSvg.pyd", "PySide6/Qt6SvgWidgets.dll", "PySide6/QtSvgWidgets.pyd"),
        "Python bindings for SVG and the SVG widget: the app uses no SVG class; its SVG icons are "
        "drawn by the qsvg/qsvgicon plugins through Qt6Svg.dll, which ships",
    ),
    Exclusion(
        (
            "PySide6/Qt6Test.dll",
            "PySide6/QtTest.pyd",
            "PySide6/Qt6Xml.dll",
            "PySide6/QtXml.pyd",
            "PySide6/Qt6Concurrent.dll",
            "PySide6/QtConcurrent.pyd",
            "PySide6/Qt6DBus.dll",
            "PySide6/QtDBus.pyd",
        ),
        "Qt Test, Qt XML, Qt Concurrent and Qt D-Bus: not imported by the app or its libraries "
        "(background work runs on Python threads; D-Bus is a Linux desktop bus)",
    ),
    # ------------------------------------------------------------ plugins Qt would never pick
    Exclusion(
        (
            "PySide6/plugins/platforms/qminimal.dll",
            "PySide6/plugins/platforms/qoffscreen.dll",
            "PySide6/plugins/platforms/qdirect2d.dll",
        ),
        "platform plugins other than qwindows: the app runs on the Windows desktop "
        "(the scheduled sync is headless Python without Qt)",
    ),
    Exclusion(
        ("PySide6/plugins/platforminputcontexts/**",),
        "the virtual keyboard input context: it needs Qt6VirtualKeyboard.dll, which PySide6-Essentials lacks",
    ),
    Exclusion(
        ("PySide6/plugins/generic/**",),
        "TUIO touch events over the network: only loaded when asked for on the command line",
    ),
    Exclusion(
        ("PySide6/plugins/tls/**",),
        "Qt's TLS backends: HTTPS goes through httpx and truststore; QtNetwork is used only for "
        "the single-instance local socket and network reachability",
    ),
    Exclusion(
        (
            "PySide6/plugins/imageformats/qicns.dll",
            "PySide6/plugins/imageformats/qico.dll",
            "PySide6/plugins/imageformats/qtga.dll",
            "PySide6/plugins/imageformats/qtiff.dll",
            "PySide6/plugins/imageformats/qwbmp.dll",
            "PySide6/plugins/imageformats/qpdf.dll",
        ),
        "image formats the app neither accepts nor shows (it takes JPEG, PNG, WebP, GIF and HEIC; "
        "what Qt cannot read is decoded with Pillow); qpdf needs Qt6Pdf.dll, which is not shipped",
    ),
    Exclusion(
        ("PySide6/translations/*.qm",),
        "Qt's translations (Designer, Linguist, Assistant, Qt Help, QML, 30 languages): the app "
        "loads only qtbase_<language> for its own languages (see KEEP and i18n.py)",
    ),
    Exclusion(
        ("PySide6/resources/icudtl.dat",),
        "Chromium's ICU data, read only by Qt WebEngine and Qt PDF (neither is shipped); Qt Core uses Windows' own ICU",
    ),
    Exclusion(
        (
            "PySide6/vcamp140.dll",
            "PySide6/vccorlib140.dll",
            "PySide6/vcomp140.dll",
            "PySide6/msvcp140_codecvt_ids.dll",
            "shiboken6/vcamp140.dll",
            "shiboken6/vccorlib140.dll",
            "shiboken6/vcomp140.dll",
            "shiboken6/msvcp140_codecvt_ids.dll",
        ),
        "parts of the MSVC runtime no shipped file imports (C++ AMP, C++/CX, OpenMP, codecvt ids); "
        "msvcp140, vcruntime140 and concrt140 stay",
    ),
    # ------------------------------------------------------------ tools and build-time material
    Exclusion(
        ("PySide6/*.exe",),
        "Qt's developer tools (designer, linguist, lupdate, lrelease, assistant, uic, rcc, qmlls, "
        "qmllint, qmlformat, qmlcachegen…): the app's translations are compiled at build time",
    ),
    Exclusion(
        ("PySide6/scripts/**", "PySide6/PySide6_Essentials.json"),
        "the pyside6-* command-line tools (deploy, project, qml, metaobjectdump) and deploy's module list",
    ),
    Exclusion(
        (
            "PySide6/include/**",
            "PySide6/lib/**",
            "PySide6/*.lib",
            "PySide6/glue/**",
            "PySide6/typesystems/**",
            "PySide6/metatypes/**",
            "PySide6/doc/**",
            "shiboken6/include/**",
            "shiboken6/lib/**",
            "shiboken6/*.lib",
        ),
        "headers, import libraries, CMake files, typesystems, glue code and metatypes: for "
        "compiling bindings against PySide6, never read at run time",
    ),
    Exclusion(
        ("**/*.pyi", "**/py.typed"),
        "typing stubs and markers: read by type checkers, never by Python at run time",
    ),
    Exclusion(
        ("*/tests/**",),
        "the test suites of bundled packages (icalendar, regex, certifi, pywin32-ctypes): never imported",
    ),
)

#: Wins over EXCLUDE: Qt's own strings (standard buttons, context menus) in the languages the
#: app offers; ``i18n.install_translators`` loads ``qtbase_<language>`` from Qt's translations.
KEEP: Final[tuple[str, ...]] = (
    "PySide6/translations/qtbase_tr.qm",
    "PySide6/translations/qtbase_en.qm",
)


def _match_parts(path: tuple[str, ...], pattern: tuple[str, ...]) -> bool:
    if not pattern:
        return not path
    head, rest = pattern[0], pattern[1:]
    if head == "**":
        return any(_match_parts(path[i:], rest) for i in range(len(path) + 1))
    return bool(path) and fnmatch.fnmatchcase(path[0], head) and _match_parts(path[1:], rest)


def matches(relative: str, pattern: str) -> bool:
    """Whether ``relative`` (posix, relative to site-packages) matches ``pattern`` (see the module doc)."""
    return _match_parts(PurePosixPath(relative).parts, PurePosixPath(pattern).parts)


def excluded_by(relative: str) -> Exclusion | None:
    """The exclusion that leaves ``relative`` out of the MSI, or None if it ships."""
    if any(matches(relative, keep) for keep in KEEP):
        return None
    for exclusion in EXCLUDE:
        if any(matches(relative, pattern) for pattern in exclusion.patterns):
            return exclusion
    return None


@dataclass
class TrimReport:
    """What ``trim`` removed: files and bytes per exclusion, the removed DLLs' names."""

    files: dict[str, int]
    sizes: dict[str, int]
    removed: list[str]
    removed_dlls: set[str]
    unused_patterns: list[str]

    @property
    def total_files(self) -> int:
        return sum(self.files.values())

    @property
    def total_bytes(self) -> int:
        return sum(self.sizes.values())


def trim(site: Path) -> TrimReport:
    """Delete every excluded file under ``site``, then the folders left empty."""
    report = TrimReport(files={}, sizes={}, removed=[], removed_dlls=set(), unused_patterns=[])
    used: set[str] = set()
    for path in sorted(p for p in site.rglob("*") if p.is_file() or p.is_symlink()):
        relative = path.relative_to(site).as_posix()
        exclusion = excluded_by(relative)
        if exclusion is None:
            continue
        used.update(p for p in exclusion.patterns if matches(relative, p))
        report.files[exclusion.why] = report.files.get(exclusion.why, 0) + 1
        report.sizes[exclusion.why] = report.sizes.get(exclusion.why, 0) + path.stat().st_size
        report.removed.append(relative)
        if path.suffix.lower() in (".dll", ".pyd"):
            report.removed_dlls.add(path.name.lower())
        path.unlink()
    for folder in sorted((p for p in site.rglob("*") if p.is_dir()), key=lambda p: len(p.parts), reverse=True):
        if not any(folder.iterdir()):
            folder.rmdir()
    report.unused_patterns = [p for e in EXCLUDE for p in e.patterns if p not in used]
    return report


PE_SUFFIXES: Final = (".dll", ".pyd", ".exe")
#: The DLL names of the Qt/PySide family: a kept file importing one needs it in the payload.
QT_FAMILY: Final = ("qt6", "pyside6", "shiboken6")


def pe_imports(path: Path) -> set[str]:
    """Lower-cased names of the DLLs a PE file imports, from its import and delay-import tables.

    Read directly (``struct``): ``objdump -p`` prints no names for DLLs whose import table
    delvewheel rewrote (pillow-heif's libheif), which would look like "imports nothing".
    """
    data = path.read_bytes()
    if data[:2] != b"MZ":
        raise ValueError(f"{path.name}: not a PE file")
    header = struct.unpack_from("<I", data, 0x3C)[0]
    if data[header : header + 4] != b"PE\0\0":
        raise ValueError(f"{path.name}: no PE header")
    coff = header + 4
    section_count, optional_size = (
        struct.unpack_from("<H", data, coff + 2)[0],
        struct.unpack_from("<H", data, coff + 16)[0],
    )
    optional = coff + 20
    pe32_plus = struct.unpack_from("<H", data, optional)[0] == 0x20B
    image_base = (
        struct.unpack_from("<Q", data, optional + 24)[0]
        if pe32_plus
        else struct.unpack_from("<I", data, optional + 28)[0]
    )
    directories = optional + (112 if pe32_plus else 96)
    sections = [struct.unpack_from("<IIII", data, optional + optional_size + 40 * i + 8) for i in range(section_count)]

    def offset(rva: int) -> int:
        for virtual_size, address, raw_size, raw_pointer in sections:
            if address <= rva < address + max(virtual_size, raw_size):
                return raw_pointer + rva - address
        raise ValueError(f"{path.name}: RVA {rva:#x} is in no section")

    def name_at(rva: int) -> str:
        start = offset(rva)
        return data[start : data.index(b"\0", start)].decode("ascii").lower()

    names: set[str] = set()
    import_rva = struct.unpack_from("<I", data, directories + 8 * 1)[0]
    position = offset(import_rva) if import_rva else -1
    while position >= 0 and (name_rva := struct.unpack_from("<5I", data, position)[3]):
        names.add(name_at(name_rva))
        position += 20
    delay_rva = struct.unpack_from("<I", data, directories + 8 * 13)[0]
    position = offset(delay_rva) if delay_rva else -1
    while position >= 0 and (descriptor := struct.unpack_from("<8I", data, position))[1]:
        attributes, name = descriptor[0], descriptor[1]
        names.add(name_at(name if attributes & 1 else name - image_base))  # old style: a VA
        position += 32
    return names


def missing_imports(
    site: Path, removed_dlls: set[str], imports_of: Callable[[Path], set[str]] = pe_imports
) -> list[str]:
    """Problems: a file left in ``site`` that imports a removed DLL, or a Qt/PySide DLL that is not there."""
    reader = imports_of
    present = {p.name.lower() for p in site.rglob("*") if p.suffix.lower() in PE_SUFFIXES}
    problems: list[str] = []
    for path in sorted(p for p in site.rglob("*") if p.suffix.lower() in PE_SUFFIXES and p.is_file()):
        for name in sorted(reader(path)):
            if name in removed_dlls or (name.startswith(QT_FAMILY) and name not in present):
                problems.append(f"{path.relative_to(site).as_posix()} imports {name}, which is not shipped")
    return problems
