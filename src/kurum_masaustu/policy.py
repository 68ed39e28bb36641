"""Reads the IT policy (registry values the MSI or GPO wrote, and the ``%ProgramData%`` file).

Rules in :mod:`kurum_masaustu.rules.policy`; this module only finds and reads the sources, never
raises, and logs every key it left out. ``KURUM_MASAUSTU_POLICY`` names another policy file (for
tests and for IT on other systems); off Windows the default is ``/etc/kurum-masaustu/policy.json``.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Mapping
from pathlib import Path

from kurum_masaustu.rules.policy import (
    Policy,
    PolicyProblem,
    merge,
    parse_entries,
    parse_file_text,
    presets_in_force,
)

log = logging.getLogger(__name__)

POLICY_ENV = "KURUM_MASAUSTU_POLICY"
REGISTRY_KEY = r"SOFTWARE\Policies\Kurum Masaustu"
POLICY_FOLDER_NAME = "Kurum Masaustu"
_MAX_FILE_BYTES = 256 * 1024


def policy_file() -> Path:
    override = os.environ.get(POLICY_ENV, "").strip()
    if override:
        return Path(override)
    if sys.platform == "win32":
        program_data = os.environ.get("PROGRAMDATA") or r"C:\ProgramData"
        return Path(program_data) / POLICY_FOLDER_NAME / "policy.json"
    return Path("/etc/kurum-masaustu/policy.json")


def read_registry() -> Mapping[str, str]:
    """String values of ``HKLM\\SOFTWARE\\Policies\\Kurum Masaustu`` (64-bit view); {} elsewhere."""
    if sys.platform != "win32":
        return {}
    import winreg

    values: dict[str, str] = {}
    try:
        with winreg.OpenKey(
            winreg.HKEY_LOCAL_MACHINE, REGISTRY_KEY, 0, winreg.KEY_READ | winreg.KEY_WOW64_64KEY
        ) as key:
            index = 0
            while True:
                try:
                    name, value, _kind = winreg.EnumValue(key, index)
                except OSError:
                    break
                values[name] = value if isinstance(value, str) else str(value)
                index += 1
    except OSError:
        return {}
    return values


def read_file(path: Path) -> Policy:
    source = str(path)
    try:
        if path.stat().st_size > _MAX_FILE_BYTES:
            return Policy(problems=[PolicyProblem(source, "(file)", "larger than 256 KiB; not read")])
        data = path.read_bytes()
    except FileNotFoundError:
        return Policy()
    except OSError as exc:
        return Policy(problems=[PolicyProblem(source, "(file)", f"cannot be read: {exc.strerror or exc}")])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return Policy(problems=[PolicyProblem(source, "(file)", "not UTF-8 text")])
    return parse_file_text(text, source)


def load_policy(registry: Mapping[str, str] | None = None, path: Path | None = None) -> Policy:
    """The policy in force; problems are logged as warnings (never raised)."""
    try:
        entries = read_registry() if registry is None else registry
        from_registry = parse_entries(entries, "registry " + REGISTRY_KEY, from_registry=True)
        policy = merge(from_registry, read_file(path or policy_file()))
        policy.problems.extend(presets_in_force(policy)[1])  # shown in Settings; never created
    except Exception as exc:  # a policy must never stop the app
        log.exception("reading the IT policy failed; running without it")
        policy = Policy(problems=[PolicyProblem("policy", "(all)", f"not read: {exc}")])
    for problem in policy.problems:
        log.warning("policy key ignored: %s", problem)
    if policy.values:
        log.info("policy in force: %s", ", ".join(f"{k} ({policy.sources[k]})" for k in sorted(policy.values)))
    return policy


_current: Policy | None = None


def current() -> Policy:
    """The policy read once per process (what the window shows and what the app enforces)."""
    global _current
    if _current is None:
        _current = load_policy()
    return _current


def reset_for_tests() -> None:
    global _current
    _current = None


def managed_proxy() -> str | None:
    """The proxy IT set (``PROXY`` / ``"proxy"``), which wins over the system's; None if not set."""
    proxy = current().get("proxy")
    return str(proxy) if proxy else None


def apply_to_settings(policy: Policy, settings: object) -> None:
    """Managed institution fields override the profile's settings in memory (never saved)."""
    for key in ("institution_name", "province", "district"):
        if policy.manages(key):
            setattr(settings, key, policy.get(key))
