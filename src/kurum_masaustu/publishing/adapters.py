"""Building a channel's adapter: its secrets from the keyring, its HTTP client, and for sandbox
channels an in-process platform whose data lives in the profile.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import Any

import httpx

from kurum_masaustu.credentials import CredentialError, CredentialStore
from kurum_masaustu.platforms.base import Adapter
from kurum_masaustu.platforms.sandbox.core import Faults, SandboxState, SandboxTransport
from kurum_masaustu.publishing.network import network_client, sandbox_client
from kurum_masaustu.publishing.registry import load, support_for
from kurum_masaustu.store.models import Channel

log = logging.getLogger(__name__)


def sandbox_state_path(sandbox_dir: Path, channel_id: int) -> Path:
    return sandbox_dir / f"channel-{channel_id}.json"


class AdapterFactory:
    """One adapter (and client) per channel for the life of the factory; close() when done."""

    def __init__(self, credentials: CredentialStore, sandbox_dir: Path, proxy_override: str | None = None) -> None:
        self._credentials = credentials
        self._sandbox_dir = sandbox_dir
        self._proxy_override = proxy_override
        self._adapters: dict[int, Adapter] = {}
        self._clients: list[httpx.AsyncClient] = []
        self._network: httpx.AsyncClient | None = None
        self.sandboxes: dict[int, SandboxTransport] = {}
        self.faults: dict[int, Faults] = {}
        self._saved: dict[int, dict[str, str]] = {}  # channel id → renewed secrets last stored

    async def __call__(self, channel: Channel) -> Adapter | None:
        cached = self._adapters.get(channel.id)
        if cached is not None:
            return cached
        support = support_for(channel.platform)
        if support is None:
            log.info("channel %s: %s has no adapter yet", channel.id, channel.platform)
            return None
        try:
            secrets = await asyncio.to_thread(self._read_secrets, channel.id, support.secret_names)
        except CredentialError as exc:
            log.warning("channel %s: secrets unavailable (%s)", channel.id, exc)
            return None
        settings: dict[str, Any] = dict(channel.settings or {})
        if channel.sandbox:
            if support.sandbox is None:
                return None
            faults = self.faults.setdefault(channel.id, Faults())
            state = SandboxState(sandbox_state_path(self._sandbox_dir, channel.id), {})
            transport: SandboxTransport = load(support.sandbox)(state=state, faults=faults)
            self.sandboxes[channel.id] = transport
            settings["base_url"] = support.sandbox_base_url
            settings.update({k: v for k, v in support.sandbox_settings.items() if k not in settings})
            client = sandbox_client(transport, support.sandbox_base_url)
            self._clients.append(client)
        else:
            if self._network is None:
                self._network = network_client(self._proxy_override)
            client = self._network
        adapter: Adapter = load(support.adapter)(client, settings, secrets)
        self._adapters[channel.id] = adapter
        return adapter

    def _read_secrets(self, channel_id: int, names: tuple[str, ...]) -> dict[str, str]:
        stored = {
            name: self._credentials.get_secret(channel_id, name) for name in self._credentials.names_for(channel_id)
        }
        for name in names:
            stored.setdefault(name, self._credentials.get_secret(channel_id, name))
        return {name: value for name, value in stored.items() if value is not None}

    async def save_renewed_secrets(self, channel_id: int) -> bool:
        """Store what the channel's adapter renewed (a refreshed session) back in the keyring.

        Called after every call to a platform; cheap when nothing changed (adapters keep
        offering the same set until the next renewal). The set is complete, so a name it no
        longer holds is deleted from the keyring. True when something was written. A keyring
        failure is logged (never the values) and tried again after the next call.
        """
        adapter = self._adapters.get(channel_id)
        renewed = adapter.updated_secrets() if adapter is not None else None
        if not renewed or self._saved.get(channel_id) == renewed:
            return False
        wanted = dict(renewed)
        try:
            await asyncio.to_thread(self._store_secrets, channel_id, wanted)
        except CredentialError as exc:
            log.warning("channel %s: the renewed session could not be stored in the keyring (%s)", channel_id, exc)
            return False
        self._saved[channel_id] = wanted
        log.info("channel %s: renewed session stored in the keyring", channel_id)
        return True

    def _store_secrets(self, channel_id: int, secrets: dict[str, str]) -> None:
        for name, value in secrets.items():
            if self._credentials.get_secret(channel_id, name) != value:
                self._credentials.set_secret(channel_id, name, value)
        for name in self._credentials.names_for(channel_id):
            if name not in secrets:
                self._credentials.delete_secret(channel_id, name)

    def forget(self, channel_id: int) -> None:
        """Drop the cached adapter (after a reconnect or removal)."""
        self._adapters.pop(channel_id, None)
        self._saved.pop(channel_id, None)

    async def close(self) -> None:
        for client in self._clients:
            await client.aclose()
        if self._network is not None:
            await self._network.aclose()
        self._adapters.clear()
