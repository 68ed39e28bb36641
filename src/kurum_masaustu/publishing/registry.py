"""Which adapter and which sandbox serve each platform (imported only when first needed)."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any

from kurum_masaustu.domain import Platform


@dataclass(frozen=True)
class PlatformSupport:
    adapter: str  # "module:Class"
    sandbox: str | None  # "module:Class" of the SandboxTransport, None if not written yet
    sandbox_base_url: str
    #: Keyring entry names the channel needs (besides any session the adapter renews).
    secret_names: tuple[str, ...]
    #: Non-secret settings a channel must have, e.g. the instance's address.
    required_settings: tuple[str, ...] = ()


SUPPORT: dict[Platform, PlatformSupport] = {
    Platform.MASTODON: PlatformSupport(
        "kurum_masaustu.platforms.mastodon:MastodonAdapter",
        "kurum_masaustu.platforms.sandbox.mastodon:MastodonSandbox",
        "https://mastodon.sandbox.invalid",
        ("access_token",),
        ("base_url",),
    ),
    Platform.BLUESKY: PlatformSupport(
        "kurum_masaustu.platforms.bluesky:BlueskyAdapter",
        "kurum_masaustu.platforms.sandbox.bluesky:BlueskySandbox",
        "https://bluesky.sandbox.invalid",
        ("identifier", "app_password"),
        ("base_url",),
    ),
}


def support_for(platform: Platform) -> PlatformSupport | None:
    return SUPPORT.get(platform)


def load(reference: str) -> Any:
    """Import ``"package.module:Name"`` and return the named object."""
    module_name, _, name = reference.partition(":")
    return getattr(importlib.import_module(module_name), name)
