"""A session the platform renews while publishing or reading is kept in the real keyring.

X hands out a single-use refresh token and Bluesky a new session pair: if the renewed secrets
were not stored, the next start would present dead tokens and the channel would need a
reconnect. They go to the OS keyring (Secret Service in the tests) and nowhere else.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from kurum_masaustu.app import Services, build_services
from kurum_masaustu.domain import DeliveryState, Platform
from kurum_masaustu.paths import Profile
from kurum_masaustu.publishing.adapters import AdapterFactory
from kurum_masaustu.publishing.inbox_sync import sync_inbox
from kurum_masaustu.services.channels import ChannelService
from kurum_masaustu.services.posts import PostDraft, PostService
from kurum_masaustu.settings import Settings
from kurum_masaustu.store.models import Delivery

#: platform → (secrets the person connected with, settings, the names a renewal replaces, the
#: sandbox's way of expiring every access token it issued while the refresh token stays valid)
CASES = {
    Platform.BLUESKY: (
        {"identifier": "belediye.bsky.social", "app_password": "abcd-efgh-ijkl-mnop"},
        {},
        ("access_jwt", "refresh_jwt"),
        "expire_sessions",
    ),
    Platform.X: (
        {"access_token": "x-ilk-erisim-anahtari-0123456789", "refresh_token": "x-ilk-yenileme-anahtari-987654"},
        {"client_id": "kurum-masaustu-test"},
        ("access_token", "refresh_token"),
        "expire_access_tokens",
    ),
}


def _services(root: Path) -> Services:
    profile = Profile(root).ensure()
    settings = Settings.load(profile.settings_file)
    settings.ensure_profile_id(profile.settings_file)  # the keyring namespace
    return build_services(profile, settings)


def _schedule(services: Services, channel_id: int, text: str) -> None:
    due = datetime.now(UTC) - timedelta(minutes=1)
    PostService(services.sessions).save(PostDraft(body=text, channel_ids=[channel_id], scheduled_at=due, schedule=True))


def _factory(services: Services) -> AdapterFactory:
    factory = services.adapter_factory
    assert factory is not None
    return factory


def _profile_bytes(root: Path) -> list[tuple[Path, bytes]]:
    return [(path, path.read_bytes()) for path in root.rglob("*") if path.is_file()]


@pytest.mark.asyncio
@pytest.mark.parametrize("platform", [Platform.BLUESKY, Platform.X], ids=lambda p: p.value)
async def test_a_session_renewed_while_publishing_is_kept_in_the_keyring_only(
    platform: Platform, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    connected, settings, renewed_names, expire = CASES[platform]
    root = tmp_path / "profile"
    services = _services(root)
    store = services.credentials()
    channel_id = ChannelService(services.sessions, store).add(
        platform, "Belediye", "belediye", settings=settings, secrets=connected, sandbox=True
    )
    seen = {value for name, value in connected.items() if name != "identifier"}  # the handle is public
    try:
        _schedule(services, channel_id, "Su kesintisi duyurusu")
        first = await services.publisher.run_once()
        assert first.published == 1, first
        factory = _factory(services)
        before = {name: store.get_secret(channel_id, name) for name in renewed_names}
        if platform is Platform.BLUESKY:
            # Logging in with the app password made the first session: it is stored already.
            assert all(before.values()), "the new Bluesky session was not stored"
        seen.update(v for v in before.values() if v)

        # The platform expires the access token; the adapter renews it during the next publish.
        getattr(factory.sandboxes[channel_id], expire)()
        _schedule(services, channel_id, "Yol çalışması duyurusu")
        second = await services.publisher.run_once()
        assert second.published == 1, second
        after = {name: store.get_secret(channel_id, name) for name in renewed_names}
        assert all(after.values())
        for name in renewed_names:
            assert after[name] != before[name], f"{name} was not renewed in the keyring"
        seen.update(v for v in after.values() if v)
        stored_now = {store.get_secret(channel_id, name) for name in store.names_for(channel_id)}
        for name, old in before.items():
            assert old is None or old not in stored_now, f"the old {name} is still in the keyring"
        if platform is Platform.X:
            assert connected["refresh_token"] not in stored_now  # single-use: spent
    finally:
        await services.aclose()
        services.close()

    # A fresh start (a new process would do the same) carries on with the stored session:
    # no reconnect, no new renewal.
    services = _services(root)
    try:
        _schedule(services, channel_id, "Kış lastiği hatırlatması")
        third = await services.publisher.run_once()
        assert third.published == 1, third
        with services.sessions() as session:
            states = {d.state for d in session.scalars(select(Delivery))}
        assert states == {DeliveryState.PUBLISHED}
        assert {name: store.get_secret(channel_id, name) for name in renewed_names} == after
    finally:
        await services.aclose()
        services.close()

    # Nothing of any token in the database, settings, sandbox files or the log records.
    logged = "\n".join(record.getMessage() for record in caplog.records)
    files = _profile_bytes(root)
    assert any(path.suffix == ".sqlite3" for path, _ in files)
    for secret in seen:
        assert secret not in logged
        for path, content in files:
            assert secret.encode() not in content, f"a token was found in {path}"


@pytest.mark.asyncio
async def test_a_session_renewed_while_reading_the_inbox_is_kept(tmp_path: Path) -> None:
    connected, settings, renewed_names, expire = CASES[Platform.X]
    services = _services(tmp_path / "profile")
    store = services.credentials()
    channel_id = ChannelService(services.sessions, store).add(
        Platform.X, "Belediye", "belediye", settings=settings, secrets=connected, sandbox=True
    )
    try:
        channel = ChannelService(services.sessions, store).get(channel_id)
        assert channel is not None
        adapter = await services.adapter_for(channel)
        assert adapter is not None
        await adapter.verify()  # the sandbox now knows the connected token
        getattr(_factory(services).sandboxes[channel_id], expire)()
        summary = await services.inbox_round(sync_inbox)
        assert summary.ok, summary
        stored = {name: store.get_secret(channel_id, name) for name in renewed_names}
        assert stored["access_token"] not in (None, connected["access_token"])
        assert stored["refresh_token"] not in (None, connected["refresh_token"])
    finally:
        await services.aclose()
        services.close()
