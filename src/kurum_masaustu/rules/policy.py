"""IT policy: the rules that turn what IT wrote into settings the app enforces (pure: no I/O).

IT sets policy in two places (see ``packaging/windows/README.md``):

* MSI public properties (``msiexec /i … PROXY=http://vekil:8080``), which the installer writes as
  strings under ``HKLM\\SOFTWARE\\Policies\\Kurum Masaustu`` (the place GPO writes too);
* a JSON file, ``%ProgramData%\\Kurum Masaustu\\policy.json``, with the same keys in lower case.

Both are read by :mod:`kurum_masaustu.policy`. A bad key never stops the app: it is left out and
reported (in the log and in the settings window) with the reason. An empty registry value means
"not set" (the installer writes every property, given or not). Secrets never belong here: a key
or channel field that looks like one is refused.
"""

from __future__ import annotations

import ipaddress
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final
from urllib.parse import urlsplit

#: Platforms a policy may name (the values of :class:`kurum_masaustu.domain.Platform`).
PLATFORMS: Final = ("facebook", "instagram", "x", "linkedin", "mastodon", "bluesky", "telegram", "manual")
#: Channel fields a preset channel may carry (ids and addresses, never tokens).
CHANNEL_FIELDS: Final = (
    "platform",
    "name",
    "handle",
    "base_url",
    "page_id",
    "ig_user_id",
    "organization_urn",
    "chat_id",
    "sandbox",
)
SYNC_MINUTES_RANGE: Final = (5, 1440)
_SECRET_WORDS: Final = ("secret", "token", "password", "parola", "sifre", "şifre", "key")
_TEXT_LIMIT: Final = 200


@dataclass(frozen=True)
class PolicyProblem:
    """A key that was left out, and why (English, for the log; the UI shows it as it is)."""

    source: str
    key: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.key}: {self.message}"


@dataclass(frozen=True)
class PresetChannel:
    """A channel IT defined: created in the profile "awaiting connection" (see ``rules/presets``)."""

    platform: str
    name: str
    handle: str = ""
    settings: tuple[tuple[str, str], ...] = ()
    #: A training channel on the sandbox platform (refused when the sandbox is off).
    sandbox: bool = False


@dataclass
class Policy:
    """What IT decided: only keys that were set and valid are present in ``values``."""

    values: dict[str, Any] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)
    problems: list[PolicyProblem] = field(default_factory=list)

    def manages(self, key: str) -> bool:
        return key in self.values

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    @property
    def sandbox_disabled(self) -> bool:
        return bool(self.values.get("disable_sandbox", False))

    def platform_allowed(self, platform: str) -> bool:
        allowed = self.values.get("allowed_platforms")
        return allowed is None or platform in allowed


class _BadValueError(ValueError):
    """A value that does not fit its key; the message says why."""


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise _BadValueError("expected text")
    text = value.strip()
    if len(text) > _TEXT_LIMIT:
        raise _BadValueError(f"longer than {_TEXT_LIMIT} characters")
    if any(ord(ch) < 32 for ch in text):
        raise _BadValueError("contains control characters")
    return text


def _bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        folded = value.strip().lower()
        if folded in ("1", "true", "yes", "evet", "on"):
            return True
        if folded in ("0", "false", "no", "hayır", "hayir", "off"):
            return False
    raise _BadValueError("expected true/false (1/0)")


def _minutes(value: Any) -> int:
    if isinstance(value, bool):
        raise _BadValueError("expected a number of minutes")
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if not isinstance(value, int):
        raise _BadValueError("expected a number of minutes")
    low, high = SYNC_MINUTES_RANGE
    if not low <= value <= high:
        raise _BadValueError(f"must be between {low} and {high} minutes")
    return value


def _proxy(value: Any) -> str:
    """``http://host:port`` or ``https://host:port`` (no user or password: those are secrets)."""
    text = _text(value)
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError as exc:
        raise _BadValueError(f"not a proxy address ({exc})") from None
    if parts.scheme not in ("http", "https"):
        raise _BadValueError("must start with http:// or https://")
    if not parts.hostname:
        raise _BadValueError("has no host name")
    if parts.username or parts.password:
        raise _BadValueError("must not carry a user name or password")
    if port is None:
        raise _BadValueError("has no port (e.g. http://vekil.kurum.local:8080)")
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        raise _BadValueError("must be only scheme, host and port")
    host = parts.hostname
    if not re.fullmatch(r"[A-Za-z0-9.-]+", host):
        try:
            ipaddress.ip_address(host)
        except ValueError:
            raise _BadValueError("host name has characters a host name cannot have") from None
    return f"{parts.scheme}://{parts.netloc}"


def _platform_list(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        items: list[Any] = [item for item in re.split(r"[,;\s]+", value) if item]
    elif isinstance(value, list):
        items = value
    else:
        raise _BadValueError("expected a list of platforms")
    names: list[str] = []
    for item in items:
        if not isinstance(item, str) or item.strip().lower() not in PLATFORMS:
            raise _BadValueError(f"unknown platform {item!r} (known: {', '.join(PLATFORMS)})")
        name = item.strip().lower()
        if name not in names:
            names.append(name)
    if not names:
        raise _BadValueError("lists no platform")
    return tuple(names)


def _looks_secret(name: str) -> bool:
    folded = name.lower()
    return any(word in folded for word in _SECRET_WORDS)


def _app_ids(value: Any) -> dict[str, str]:
    """``{"facebook": "1234", "linkedin": "86abc"}``: public app/client ids per platform."""
    if isinstance(value, str):
        value = _json_value(value)
    if not isinstance(value, dict):
        raise _BadValueError('expected an object such as {"facebook": "1234"}')
    result: dict[str, str] = {}
    for platform, app_id in value.items():
        if not isinstance(platform, str) or platform.lower() not in PLATFORMS:
            raise _BadValueError(f"unknown platform {platform!r}")
        text = _text(app_id)
        if not re.fullmatch(r"[A-Za-z0-9._:-]{1,100}", text):
            raise _BadValueError(f"{platform}: an app id is letters, digits and . _ : - only")
        result[platform.lower()] = text
    return result


def _channels(value: Any) -> tuple[PresetChannel, ...]:
    if isinstance(value, str):
        value = _json_value(value)
    if not isinstance(value, list):
        raise _BadValueError("expected a list of channels")
    channels: list[PresetChannel] = []
    for number, item in enumerate(value, start=1):
        if not isinstance(item, dict):
            raise _BadValueError(f"channel {number}: expected an object")
        unknown = [name for name in item if name not in CHANNEL_FIELDS]
        if unknown:
            secret = any(_looks_secret(str(n)) for n in unknown)
            why = "secrets do not belong in a policy" if secret else "unknown field"
            raise _BadValueError(f"channel {number}: {why}: {', '.join(map(str, unknown))}")
        platform = str(item.get("platform", "")).strip().lower()
        if platform not in PLATFORMS:
            raise _BadValueError(f"channel {number}: unknown platform {item.get('platform')!r}")
        try:
            name = _text(item.get("name", ""))
            texts = {key: _text(item[key]) for key in CHANNEL_FIELDS[2:] if key in item and key != "sandbox"}
            sandbox = _bool(item.get("sandbox", False))
        except _BadValueError as exc:
            raise _BadValueError(f"channel {number}: {exc}") from None
        if not name:
            raise _BadValueError(f"channel {number}: has no name")
        if "base_url" in texts and not texts["base_url"].startswith(("https://", "http://")):
            raise _BadValueError(f"channel {number}: base_url must start with https://")
        handle = texts.pop("handle", "")
        channels.append(PresetChannel(platform, name, handle, tuple(sorted(texts.items())), sandbox))
    return tuple(channels)


def _json_value(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError as exc:
        raise _BadValueError(f"not valid JSON ({exc})") from None


#: key → parser. The MSI property of a key is its upper-case spelling (``PROXY``, ``PROVINCE``).
PARSERS: Final = {
    "institution_name": _text,
    "province": _text,
    "district": _text,
    "proxy": _proxy,
    "disable_sandbox": _bool,
    "allowed_platforms": _platform_list,
    "app_ids": _app_ids,
    "channels": _channels,
    "sync_interval_minutes": _minutes,
}
#: MSI property → key, for the values the installer writes into the registry.
MSI_PROPERTIES: Final = {key.upper(): key for key in PARSERS}


def parse_entries(entries: Mapping[str, Any], source: str, *, from_registry: bool = False) -> Policy:
    """Check one source's entries; bad ones become problems, good ones values."""
    policy = Policy()
    for raw_key, raw_value in entries.items():
        key = str(raw_key)
        name = MSI_PROPERTIES.get(key.upper()) if from_registry else key
        if name is None or name not in PARSERS:
            why = "secrets do not belong in a policy" if _looks_secret(key) else "unknown key"
            policy.problems.append(PolicyProblem(source, key, why))
            continue
        if from_registry and isinstance(raw_value, str) and not raw_value.strip():
            continue  # the installer writes every property; empty = not set
        try:
            value = PARSERS[name](raw_value)
        except _BadValueError as exc:
            policy.problems.append(PolicyProblem(source, key, str(exc)))
            continue
        if name in ("institution_name", "province", "district") and not value:
            continue
        policy.values[name] = value
        policy.sources[name] = source
    return policy


def parse_file_text(text: str, source: str) -> Policy:
    """The policy file: one JSON object. A broken file gives one problem and no values."""
    try:
        raw = json.loads(text)
    except ValueError as exc:
        return Policy(problems=[PolicyProblem(source, "(file)", f"not valid JSON: {exc}")])
    if not isinstance(raw, dict):
        return Policy(problems=[PolicyProblem(source, "(file)", "expected a JSON object {…}")])
    return parse_entries({k: v for k, v in raw.items() if not str(k).startswith("_")}, source)


def presets_in_force(policy: Policy) -> tuple[list[PresetChannel], list[PolicyProblem]]:
    """The preset channels the app creates, and the ones left out because the policy itself
    forbids them (a platform outside ``allowed_platforms``, a sandbox one with the sandbox off)."""
    kept: list[PresetChannel] = []
    problems: list[PolicyProblem] = []
    source = policy.sources.get("channels", "policy")
    for number, preset in enumerate(policy.get("channels", ()), start=1):
        if not policy.platform_allowed(preset.platform):
            why = f"channel {number} ({preset.name}): {preset.platform} is not in allowed_platforms; not created"
        elif preset.sandbox and policy.sandbox_disabled:
            why = f"channel {number} ({preset.name}): a sandbox channel, but disable_sandbox is set; not created"
        else:
            kept.append(preset)
            continue
        problems.append(PolicyProblem(source, "channels", why))
    return kept, problems


def merge(first: Policy, second: Policy) -> Policy:
    """Both sources together; where both set a key, ``first`` (the registry: MSI/GPO) wins."""
    merged = Policy(dict(second.values), dict(second.sources), [*first.problems, *second.problems])
    for key, value in first.values.items():
        if key in second.values and second.values[key] != value:
            merged.problems.append(
                PolicyProblem(second.sources[key], key, f"ignored: also set in {first.sources[key]}, which wins")
            )
        merged.values[key] = value
        merged.sources[key] = first.sources[key]
    return merged
