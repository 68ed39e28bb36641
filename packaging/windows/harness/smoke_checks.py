"""TEST-ONLY host-side checks for smoke_test.sh: they read the Wine prefix from Linux. Never shipped.

    snapshot DIR OUT             path, size and mtime of every file under DIR
    compare BEFORE AFTER         fail if a file was added, changed or removed between two snapshots
    arp PREFIX NAME              the uninstall (ARP) entries whose DisplayName is NAME, as JSON lines
    product-icon PREFIX NAME     the ARP icon of an installed MSI product (Installer\\Products\\…\\ProductIcon),
                                 checked to exist in the prefix
    reg-key PREFIX HIVE KEY      print "present" or "absent" for a registry key (HIVE: HKLM or HKCU)
    credentials PREFIX TEXT      the Credential Manager targets (Wine keeps them in user.reg) containing TEXT
    sha256 FILE                  hex digest

Wine writes its registry to PREFIX/system.reg (HKLM) and PREFIX/user.reg (HKCU) when the
wineserver exits, so callers run ``wineserver -w`` first.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

_SECTION = re.compile(r"^\[(.+?)\]")
_VALUE = re.compile(r'^"((?:[^"\\]|\\.)*)"=(.*)$')


def _unescape(text: str) -> str:
    """Wine .reg string escapes: \\\\, \\", \\n, \\r, \\t, \\0 and \\xHHHH (UTF-16 code units)."""
    out: list[str] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char != "\\" or i + 1 >= len(text):
            out.append(char)
            i += 1
            continue
        nxt = text[i + 1]
        if nxt == "x":
            match = re.match(r"[0-9a-fA-F]{1,4}", text[i + 2 :])
            if match:
                out.append(chr(int(match.group(0), 16)))
                i += 2 + len(match.group(0))
                continue
        out.append({"n": "\n", "r": "\r", "t": "\t", "0": "\0"}.get(nxt, nxt))
        i += 2
    return "".join(out)


def read_reg(path: Path) -> dict[str, dict[str, str]]:
    """{key (lower case, single backslashes): {value name: value text}} of a Wine .reg file."""
    keys: dict[str, dict[str, str]] = {}
    current: dict[str, str] | None = None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        section = _SECTION.match(line)
        if section:
            name = section.group(1).replace("\\\\", "\\").lower()
            current = keys.setdefault(name, {})
            continue
        if current is None:
            continue
        value = _VALUE.match(line)
        if value:
            data = value.group(2)
            if data.startswith('"') and data.endswith('"'):
                data = _unescape(data[1:-1])
            current[_unescape(value.group(1))] = data
        elif line.startswith("@="):
            current[""] = _unescape(line[2:].strip('"'))
    return keys


def _hive_file(prefix: Path, hive: str) -> Path:
    return prefix / ("system.reg" if hive.upper() == "HKLM" else "user.reg")


def cmd_snapshot(args: list[str]) -> int:
    root, out = Path(args[0]), Path(args[1])
    lines = []
    for path in sorted(root.rglob("*")):
        if path.is_file():
            stat = path.stat()
            lines.append(f"{path.relative_to(root).as_posix()}\t{stat.st_size}\t{stat.st_mtime_ns}")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} files under {root}")
    return 0


def cmd_compare(args: list[str]) -> int:
    def load(path: str) -> dict[str, str]:
        rows = [line.split("\t", 1) for line in Path(path).read_text(encoding="utf-8").splitlines() if line]
        return {row[0]: row[1] for row in rows}

    before, after = load(args[0]), load(args[1])
    added = sorted(set(after) - set(before))
    removed = sorted(set(before) - set(after))
    changed = sorted(name for name in set(before) & set(after) if before[name] != after[name])
    for label, names in (("added", added), ("removed", removed), ("changed", changed)):
        for name in names[:20]:
            print(f"  {label}: {name}")
    if added or removed or changed:
        print(f"{len(added)} added, {len(removed)} removed, {len(changed)} changed")
        return 1
    print(f"unchanged: {len(after)} files")
    return 0


def cmd_arp(args: list[str]) -> int:
    prefix, name = Path(args[0]), args[1]
    keys = read_reg(_hive_file(prefix, "HKLM"))
    base = "software\\microsoft\\windows\\currentversion\\uninstall\\"
    for key, values in sorted(keys.items()):
        if key.startswith(base) and values.get("DisplayName") == name:
            entry = {"key": key[len(base) :], **{k: v for k, v in values.items() if not k.startswith("#")}}
            print(json.dumps(entry, ensure_ascii=False, sort_keys=True))
    return 0


def cmd_product_icon(args: list[str]) -> int:
    """Programs and Features shows an MSI product's icon from ProductIcon (set by ARPPRODUCTICON)."""
    prefix, name = Path(args[0]), args[1]
    base = "software\\classes\\installer\\products\\"
    for key, values in read_reg(_hive_file(prefix, "HKLM")).items():
        if key.startswith(base) and key.count("\\") == base.count("\\") and values.get("ProductName") == name:
            icon = values.get("ProductIcon", "")
            if not icon:
                print(f"{name}: no ProductIcon", file=sys.stderr)
                return 1
            unix = prefix / "drive_c" / Path(*icon.split("\\")[1:])
            if not unix.is_file():
                print(f"{name}: ProductIcon {icon} is missing", file=sys.stderr)
                return 1
            print(f"{icon} ({unix.stat().st_size} bytes)")
            return 0
    print(f"{name}: not an installed MSI product", file=sys.stderr)
    return 1


def cmd_reg_key(args: list[str]) -> int:
    prefix, hive, key = Path(args[0]), args[1], args[2].lower()
    print("present" if key in read_reg(_hive_file(prefix, hive)) else "absent")
    return 0


def cmd_reg_values(args: list[str]) -> int:
    """The values of one key as a JSON object ({} when the key is absent)."""
    prefix, hive, key = Path(args[0]), args[1], args[2].lower()
    values = read_reg(_hive_file(prefix, hive)).get(key, {})
    print(json.dumps({k: v for k, v in values.items() if not k.startswith("#")}, ensure_ascii=False, sort_keys=True))
    return 0


def pending_renames(value: str) -> list[str]:
    """Sources of PendingFileRenameOperations (REG_MULTI_SZ of source/target pairs; "" target = delete)."""
    if value.startswith('str(7):"') and value.endswith('"'):
        value = _unescape(value[len('str(7):"') : -1])
    parts = value.split("\0")
    return [source for source in parts[0::2] if source]


def cmd_pending_renames(args: list[str]) -> int:
    """How many files wait for a restart to be replaced or deleted."""
    keys = read_reg(_hive_file(Path(args[0]), "HKLM"))
    value = keys.get("system\\currentcontrolset\\control\\session manager", {}).get("PendingFileRenameOperations", "")
    sources = pending_renames(value)
    if "--list" in args[1:]:
        print("\n".join(sources))
    else:
        print(len(sources))
    return 0


def cmd_credentials(args: list[str]) -> int:
    prefix, text = Path(args[0]), args[1].lower()
    base = "software\\wine\\credential manager\\"
    for key in sorted(read_reg(_hive_file(prefix, "HKCU"))):
        if key.startswith(base) and text in key:
            print(key[len(base) :])
    return 0


def cmd_sha256(args: list[str]) -> int:
    print(hashlib.sha256(Path(args[0]).read_bytes()).hexdigest())
    return 0


COMMANDS = {
    "snapshot": cmd_snapshot,
    "compare": cmd_compare,
    "arp": cmd_arp,
    "product-icon": cmd_product_icon,
    "reg-key": cmd_reg_key,
    "reg-values": cmd_reg_values,
    "pending-renames": cmd_pending_renames,
    "credentials": cmd_credentials,
    "sha256": cmd_sha256,
}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(COMMANDS[sys.argv[1]](sys.argv[2:]))
