"""Which channel of the profile is which preset channel of the IT policy (pure: no Qt, no I/O).

A preset names an account by its platform and, in this order, the platform's id of it (Page,
Instagram account, LinkedIn organization, Telegram chat), its handle (on the same server), or its
name (Turkish case-insensitive). The same rule decides whether a preset still has to be created
and whether a channel is *managed* (defined by IT, so the person cannot rename or remove it). A
preset that leaves the policy leaves its channel alone: it simply stops matching, so the channel
is no longer managed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from kurum_masaustu.rules.policy import PresetChannel
from kurum_masaustu.rules.turkish import casefold_tr

#: The setting that names the account on each platform (where a handle is not enough).
ID_FIELDS: Final = {
    "facebook": "page_id",
    "instagram": "ig_user_id",
    "linkedin": "organization_urn",
    "telegram": "chat_id",
}


@dataclass(frozen=True)
class ExistingChannel:
    """What the rule needs of a channel in the profile."""

    id: int
    platform: str
    name: str
    handle: str = ""
    settings: Mapping[str, Any] = field(default_factory=dict)
    sandbox: bool = False


def _handle_key(handle: str) -> str:
    """``@Belediye``, ``belediye`` and ``belediye@sosyal.example`` are the same account name."""
    return casefold_tr(handle.strip().lstrip("@").split("@")[0])


def same_handle(first: str, second: str) -> bool:
    """Whether two handles name the same account (the signed-in one and the one IT set)."""
    return _handle_key(first) == _handle_key(second)


def _url_key(url: object) -> str:
    return str(url or "").strip().rstrip("/").lower()


def same_account(preset: PresetChannel, channel: ExistingChannel) -> bool:
    if channel.platform != preset.platform or channel.sandbox != preset.sandbox:
        return False
    given = dict(preset.settings)
    id_field = ID_FIELDS.get(preset.platform)
    if id_field and given.get(id_field) and channel.settings.get(id_field):
        return casefold_tr(given[id_field].strip()) == casefold_tr(str(channel.settings[id_field]).strip())
    if _handle_key(preset.handle) and _handle_key(channel.handle):
        preset_url, channel_url = _url_key(given.get("base_url")), _url_key(channel.settings.get("base_url"))
        if preset_url and channel_url and preset_url != channel_url:
            return False  # the same name on another server is another account
        return same_handle(preset.handle, channel.handle)
    return casefold_tr(preset.name.strip()) == casefold_tr(channel.name.strip())


def assign(presets: Sequence[PresetChannel], channels: Iterable[ExistingChannel]) -> list[int | None]:
    """For each preset, the id of its channel (None: not in the profile yet).

    One channel answers for at most one preset (the first that names it), so two presets for
    two accounts never share a channel.
    """
    candidates = list(channels)
    taken: set[int] = set()
    found: list[int | None] = []
    for preset in presets:
        match = next((c.id for c in candidates if c.id not in taken and same_account(preset, c)), None)
        if match is not None:
            taken.add(match)
        found.append(match)
    return found


def managed_channels(presets: Sequence[PresetChannel], channels: Iterable[ExistingChannel]) -> dict[int, PresetChannel]:
    """Channel id → the preset that defines it, for the channels IT manages."""
    return {
        channel_id: preset
        for preset, channel_id in zip(presets, assign(presets, channels), strict=True)
        if channel_id is not None
    }


def missing_presets(presets: Sequence[PresetChannel], channels: Iterable[ExistingChannel]) -> list[PresetChannel]:
    """The presets that have no channel in the profile yet (to be created)."""
    return [preset for preset, channel_id in zip(presets, assign(presets, channels), strict=True) if channel_id is None]


def preset_settings(preset: PresetChannel, app_ids: Mapping[str, str]) -> dict[str, str]:
    """The new channel's settings: the preset's ids, and X's client id from ``app_ids``."""
    settings = {name: value for name, value in preset.settings if value}
    if preset.platform == "x" and app_ids.get("x"):
        settings.setdefault("client_id", app_ids["x"])
    return settings


def locked_fields(preset: PresetChannel, app_ids: Mapping[str, str]) -> frozenset[str]:
    """The connect form's fields IT filled in: shown filled and read-only."""
    names = set(preset_settings(preset, app_ids))
    if preset.handle:
        names.add("handle")
    return frozenset(names)
