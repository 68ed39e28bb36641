"""Which adapter and which sandbox serve each platform (imported only when first needed)."""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
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
    #: Settings every sandbox channel of the platform gets.
    sandbox_settings: dict[str, str] = field(default_factory=dict)


SUPPORT: dict[Platform, PlatformSupport] = {
    Platform.FACEBOOK: PlatformSupport(
        "kurum_masaustu.platforms.facebook:FacebookAdapter",
        "kurum_masaustu.platforms.sandbox.facebook:FacebookSandbox",
        "https://graph.facebook.sandbox.invalid",
        ("page_access_token",),
        ("page_id",),
    ),
    Platform.INSTAGRAM: PlatformSupport(
        "kurum_masaustu.platforms.instagram:InstagramAdapter",
        "kurum_masaustu.platforms.sandbox.instagram:InstagramSandbox",
        "https://graph.facebook.sandbox.invalid",
        ("access_token",),
        ("ig_user_id",),
        # Instagram fetches images from a public address; a sandbox stages them as Page photos.
        {"media_url_provider": "page_photo"},
    ),
    Platform.X: PlatformSupport(
        "kurum_masaustu.platforms.x:XAdapter",
        "kurum_masaustu.platforms.sandbox.x:XSandbox",
        "https://x.sandbox.invalid",
        ("access_token",),  # a refresh_token and the client_id setting let it renew the token
    ),
    Platform.LINKEDIN: PlatformSupport(
        "kurum_masaustu.platforms.linkedin:LinkedInAdapter",
        "kurum_masaustu.platforms.sandbox.linkedin:LinkedInSandbox",
        "https://linkedin.sandbox.invalid",
        ("access_token",),
        ("organization_urn",),
    ),
    Platform.TELEGRAM: PlatformSupport(
        "kurum_masaustu.platforms.telegram:TelegramAdapter",
        "kurum_masaustu.platforms.sandbox.telegram:TelegramSandbox",
        "https://telegram.sandbox.invalid",
        ("bot_token",),
        ("chat_id",),
        {"chat_id": "@ornekbelediyesi"},  # a training channel added without --chat-id
    ),
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
