"""The MSI's exclusion list (packaging/windows/payload.py) keeps everything the app loads.

Pure checks against the source tree and this environment: the Qt modules the app and its
libraries import, the Qt plugins and translations it relies on, every Python module it imports.
The build itself checks the real Windows files (no kept DLL imports a removed one) and the Wine
smoke test runs the trimmed app.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
import sys
import sysconfig
from importlib import metadata
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[2]
SRC = REPO / "src" / "kurum_masaustu"


def _qt_imports(source: str) -> dict[str, set[str]]:
    """{Qt module: names imported from it} for ``from PySide6.X import …`` / ``from PySide6 import X``."""
    found: dict[str, set[str]] = {}
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module == "PySide6":
            for alias in node.names:
                found.setdefault(alias.name, set())
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("PySide6."):
            found.setdefault(node.module.split(".")[1], set()).update(a.name for a in node.names)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("PySide6."):
                    found.setdefault(alias.name.split(".")[1], set())
    return found


def _merge(into: dict[str, set[str]], more: dict[str, set[str]]) -> None:
    for module, names in more.items():
        into.setdefault(module, set()).update(names)


def app_qt_imports() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in SRC.rglob("*.py"):
        _merge(found, _qt_imports(path.read_text(encoding="utf-8")))
    return found


def dependency_qt_imports() -> dict[str, set[str]]:
    """The PySide6 imports in the source of the app's runtime dependencies (qasync)."""
    import tomllib

    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    found: dict[str, set[str]] = {}
    for requirement in project["dependencies"]:
        name = re.match(r"[A-Za-z0-9_.-]+", requirement).group(0)  # type: ignore[union-attr]
        if name.lower().startswith("pyside6"):
            continue
        for file in metadata.distribution(name).files or []:
            if file.suffix == ".py":
                text = Path(str(file.locate())).read_text(encoding="utf-8", errors="replace")
                if "PySide6" in text:
                    _merge(found, _qt_imports(text))
    return found


def test_the_qt_modules_the_app_and_qasync_import_ship(payload: ModuleType) -> None:
    app = app_qt_imports()
    dependencies = dependency_qt_imports()
    # The parsers must see what the app is known to use (else this test would check nothing).
    assert {"QtCore", "QtGui", "QtWidgets", "QtNetwork"} <= set(app)
    assert {"QtCore", "QtWidgets"} <= set(dependencies)  # qasync
    for module in sorted(set(app) | set(dependencies)):
        assert module.startswith("Qt"), module
        binding = f"PySide6/{module}.pyd"
        library = f"PySide6/Qt6{module.removeprefix('Qt')}.dll"
        assert payload.excluded_by(binding) is None, binding
        assert payload.excluded_by(library) is None, library


@pytest.mark.parametrize(
    "needed",
    [
        "PySide6/__init__.py",
        "PySide6/_config.py",
        "PySide6/support/deprecated.py",
        "PySide6/pyside6.abi3.dll",
        "PySide6/msvcp140.dll",
        "PySide6/vcruntime140.dll",
        "PySide6/concrt140.dll",
        "shiboken6/__init__.py",
        "shiboken6/Shiboken.pyd",
        "shiboken6/shiboken6.abi3.dll",
        "shiboken6/msvcp140.dll",
        # Qt Gui needs a platform plugin to start at all; the native style is the Windows default.
        "PySide6/plugins/platforms/qwindows.dll",
        "PySide6/plugins/styles/qmodernwindowsstyle.dll",
    ],
)
def test_the_runtime_pieces_of_pyside6_ship(payload: ModuleType, needed: str) -> None:
    assert payload.excluded_by(needed) is None


def test_the_app_icon_svg_can_be_drawn(payload: ModuleType) -> None:
    """The window icon is an SVG (app.py): QIcon needs the SVG icon engine, image plugin and Qt6Svg."""
    assert 'QIcon(str(resource("icons", "kurum-masaustu.svg")))' in (SRC / "app.py").read_text(encoding="utf-8")
    for needed in (
        "PySide6/plugins/iconengines/qsvgicon.dll",
        "PySide6/plugins/imageformats/qsvg.dll",
        "PySide6/Qt6Svg.dll",
    ):
        assert payload.excluded_by(needed) is None, needed


#: File extensions the composer accepts → the Qt image plugin that decodes them.
QT_IMAGE_PLUGINS = {
    "jpg": "qjpeg",
    "jpeg": "qjpeg",
    "gif": "qgif",
    "webp": "qwebp",
    "svg": "qsvg",
    "tif": "qtiff",
    "tiff": "qtiff",
    "ico": "qico",
    "tga": "qtga",
    "icns": "qicns",
    "wbmp": "qwbmp",
}
#: Read by Qt Gui itself, or not by Qt at all (HEIC through Pillow/pillow-heif, video through PyAV).
NO_QT_PLUGIN = {"png", "bmp", "ppm", "pgm", "pbm", "xbm", "xpm", "heic", "heif", "mp4", "mov"}


def _composer_extensions() -> list[str]:
    tree = ast.parse((SRC / "ui" / "composer_pane.py").read_text(encoding="utf-8"))
    for node in tree.body:
        names = [t.id for t in getattr(node, "targets", []) if isinstance(t, ast.Name)]
        if isinstance(node, ast.Assign) and names == ["IMAGE_FILTER"]:
            assert isinstance(node.value, ast.Constant)
            return [pattern.removeprefix("*.").lower() for pattern in str(node.value.value).split()]
    raise AssertionError("composer_pane.IMAGE_FILTER not found")


def test_every_image_format_the_composer_accepts_can_be_previewed(payload: ModuleType) -> None:
    extensions = _composer_extensions()
    assert {"jpg", "png", "webp", "gif", "heic"} <= set(extensions)
    for extension in extensions:
        if extension in QT_IMAGE_PLUGINS:
            plugin = f"PySide6/plugins/imageformats/{QT_IMAGE_PLUGINS[extension]}.dll"
            assert payload.excluded_by(plugin) is None, f"*.{extension} needs {plugin}"
        else:
            assert extension in NO_QT_PLUGIN, f"*.{extension}: which Qt plugin reads it? Decide in payload.py"


def test_network_reachability_has_its_backend(payload: ModuleType) -> None:
    if "QNetworkInformation" in app_qt_imports().get("QtNetwork", set()):
        assert payload.excluded_by("PySide6/plugins/networkinformation/qnetworklistmanager.dll") is None


def test_qt_network_is_used_without_tls(payload: ModuleType) -> None:
    """Qt's TLS plugins are left out: the app may use only QtNetwork classes that never need them."""
    assert payload.excluded_by("PySide6/plugins/tls/qschannelbackend.dll") is not None
    used = app_qt_imports().get("QtNetwork", set())
    assert used <= {"QNetworkInformation", "QLocalServer", "QLocalSocket", "QAbstractSocket"}, (
        f"{used}: HTTP or TLS through Qt needs PySide6/plugins/tls back in the MSI (payload.py)"
    )


def test_qts_own_strings_ship_for_every_language_of_the_app(payload: ModuleType) -> None:
    assert 'qt_translator.load(f"qtbase_{language}"' in (SRC / "i18n.py").read_text(encoding="utf-8")
    languages = sorted(p.stem.removeprefix("kurum_masaustu_") for p in (REPO / "translations").glob("*.ts"))
    assert "tr" in languages
    for language in languages:
        assert payload.excluded_by(f"PySide6/translations/qtbase_{language}.qm") is None, language
    assert payload.excluded_by("PySide6/translations/qtbase_de.qm") is not None
    assert payload.excluded_by("PySide6/translations/designer_tr.qm") is not None


def test_the_apps_own_files_all_ship(payload: ModuleType) -> None:
    """Every module, resource and translation of the app goes into the MSI (py.typed aside)."""
    files = [f"kurum_masaustu/{p.relative_to(SRC).as_posix()}" for p in SRC.rglob("*") if p.is_file()]
    files += [
        f"kurum_masaustu/resources/{p.relative_to(REPO / 'resources').as_posix()}"
        for p in (REPO / "resources").rglob("*")
        if p.is_file()
    ]
    files += [f"kurum_masaustu/translations/{p.stem}.qm" for p in (REPO / "translations").glob("*.ts")]
    assert len(files) > 100
    excluded = [f for f in files if payload.excluded_by(f) is not None and not f.endswith("/py.typed")]
    assert excluded == []


def test_no_module_the_app_imports_is_left_out(payload: ModuleType) -> None:
    """Import every module of the app; none of the Python files that loaded may be trimmed."""
    import kurum_masaustu

    for info in pkgutil.walk_packages(kurum_masaustu.__path__, "kurum_masaustu."):
        if not info.name.endswith("__main__") and ".migrations" not in info.name:
            importlib.import_module(info.name)
    sites = [Path(sysconfig.get_paths()[key]).resolve() for key in ("purelib", "platlib")]
    checked = []
    for module in list(sys.modules.values()):
        file = getattr(module, "__file__", None)
        if not file:
            continue
        path = Path(file).resolve()
        for site in sites:
            if path.is_relative_to(site):
                checked.append(path.relative_to(site).as_posix())
                break
    assert any(name.startswith("sqlalchemy/") for name in checked)
    assert any(name.startswith("fpdf/") for name in checked)
    assert any(name.startswith("icalendar/") for name in checked)
    trimmed = sorted(name for name in checked if payload.excluded_by(name) is not None)
    assert trimmed == []


@pytest.mark.parametrize(
    ("path", "pattern", "expected"),
    [
        ("PySide6/Qt6QuickControls2.dll", "PySide6/Qt6Quick*.dll", True),
        ("PySide6/plugins/Qt6Quick.dll", "PySide6/Qt6Quick*.dll", False),  # * does not cross folders
        ("PySide6/qml/QtQuick/Controls/qmldir", "PySide6/qml/**", True),
        ("PySide6/qml", "PySide6/qml/**", True),
        ("PySide6/QtCore.pyi", "**/*.pyi", True),
        ("setup.pyi", "**/*.pyi", True),
        ("icalendar/tests/calendars/a.ics", "*/tests/**", True),
        ("kurum_masaustu/ui/tests.py", "*/tests/**", False),
        ("a/b/tests/x.py", "*/tests/**", False),
    ],
)
def test_patterns_match_folder_by_folder(payload: ModuleType, path: str, pattern: str, expected: bool) -> None:
    assert payload.matches(path, pattern) is expected


def test_every_exclusion_says_why(payload: ModuleType) -> None:
    for exclusion in payload.EXCLUDE:
        assert exclusion.patterns
        assert len(exclusion.why) > 20
        for pattern in exclusion.patterns:
            assert "\\" not in pattern, pattern
            assert not pattern.startswith("/"), pattern


def _tree(root: Path, names: list[str]) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x" * 10)


def test_trim_removes_what_is_listed_and_nothing_else(payload: ModuleType, tmp_path: Path) -> None:
    kept = [
        "PySide6/Qt6Core.dll",
        "PySide6/QtWidgets.pyd",
        "PySide6/plugins/platforms/qwindows.dll",
        "PySide6/translations/qtbase_tr.qm",
        "kurum_masaustu/__init__.py",
        "icalendar/cal.py",
    ]
    removed = [
        "PySide6/Qt6Quick.dll",
        "PySide6/qml/QtQuick/Controls/qmldir",
        "PySide6/designer.exe",
        "PySide6/QtCore.pyi",
        "PySide6/translations/qtbase_de.qm",
        "PySide6/plugins/platforms/qoffscreen.dll",
        "icalendar/tests/test_x.py",
    ]
    _tree(tmp_path, kept + removed)
    report = payload.trim(tmp_path)
    assert sorted(report.removed) == sorted(removed)
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()) == sorted(kept)
    assert not (tmp_path / "PySide6" / "qml").exists()  # emptied folders go too
    assert not (tmp_path / "icalendar" / "tests").exists()
    assert report.removed_dlls == {"qt6quick.dll", "qoffscreen.dll"}
    assert report.total_files == len(removed)
    assert report.total_bytes == 10 * len(removed)
    assert "PySide6/Qt6Lottie*.dll" in report.unused_patterns


def test_a_kept_file_that_needs_a_removed_or_absent_dll_is_reported(payload: ModuleType, tmp_path: Path) -> None:
    _tree(
        tmp_path,
        ["PySide6/Qt6Core.dll", "PySide6/Qt6Gui.dll", "PySide6/plugins/imageformats/qsvg.dll", "PySide6/QtGui.pyd"],
    )
    imports = {
        "Qt6Core.dll": {"kernel32.dll"},
        "Qt6Gui.dll": {"qt6core.dll", "d3d11.dll"},
        "qsvg.dll": {"qt6svg.dll", "qt6gui.dll"},  # Qt6Svg.dll absent: reported
        "QtGui.pyd": {"qt6gui.dll", "qt6opengl.dll"},  # removed: reported
    }
    problems = payload.missing_imports(tmp_path, {"qt6opengl.dll"}, lambda path: imports[path.name])
    assert problems == [
        "PySide6/QtGui.pyd imports qt6opengl.dll, which is not shipped",
        "PySide6/plugins/imageformats/qsvg.dll imports qt6svg.dll, which is not shipped",
    ]
    imports["qsvg.dll"] = {"qt6gui.dll"}
    imports["QtGui.pyd"] = {"qt6gui.dll", "python3.dll"}
    assert payload.missing_imports(tmp_path, {"qt6opengl.dll"}, lambda path: imports[path.name]) == []


def test_pe_import_tables_are_read(payload: ModuleType, tmp_path: Path) -> None:
    """On real PE files that ship with pip (its Windows script launchers, 32- and 64-bit)."""
    import pip

    distlib = Path(pip.__file__).parent / "_vendor" / "distlib"
    for launcher in ("w32.exe", "w64.exe"):
        assert "kernel32.dll" in payload.pe_imports(distlib / launcher), launcher
    (tmp_path / "fake.dll").write_bytes(b"not a PE file")
    with pytest.raises(ValueError, match="not a PE file"):
        payload.pe_imports(tmp_path / "fake.dll")
