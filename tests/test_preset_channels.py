"""Preset channels of the IT policy: created once in the profile "awaiting connection" (no
secret), kept away from the outbox until the person connects them, and not to be renamed or
removed while the policy names them. Real SQLite profiles, the real keyring, real processes."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kurum_masaustu import policy as policy_io
from kurum_masaustu.app import Services
from kurum_masaustu.credentials import CredentialStore
from kurum_masaustu.domain import DeliveryState, Platform
from kurum_masaustu.rules.channel_health import HealthState, channel_health
from kurum_masaustu.rules.policy import Policy, PresetChannel, parse_entries, presets_in_force
from kurum_masaustu.rules.presets import ExistingChannel, locked_fields, managed_channels, missing_presets
from kurum_masaustu.services.channels import ChannelError, ChannelService
from kurum_masaustu.services.connect import ConnectError, ConnectForm, ConnectService
from kurum_masaustu.services.posts import PostDraft
from kurum_masaustu.store.models import Delivery

TELEGRAM = {"platform": "telegram", "name": "Belediye Duyuru", "chat_id": "@ornekbelediyesi"}
MASTODON = {
    "platform": "mastodon",
    "name": "Belediye (Mastodon)",
    "handle": "@belediye",
    "base_url": "https://sosyal.example",
}
FACEBOOK = {"platform": "facebook", "name": "Belediye (Facebook)", "page_id": "1234567890"}
MANUAL = {"platform": "manual", "name": "İZMİR DUYURU"}
ALLOWED = ["telegram", "mastodon", "manual"]


def _policy(*channels: dict[str, Any], **values: Any) -> Policy:
    policy = parse_entries({"channels": list(channels), **values}, "policy.json")
    assert policy.problems == []
    return policy


@pytest.fixture(autouse=True)
def _fresh_policy() -> Any:
    policy_io.reset_for_tests()
    yield
    policy_io.reset_for_tests()


# -- the rule -------------------------------------------------------------------------------
def test_a_preset_is_the_channel_with_its_id_or_handle_or_turkish_cased_name() -> None:
    telegram = PresetChannel("telegram", "Duyuru", settings=(("chat_id", "@OrnekBelediyesi"),))
    mastodon = PresetChannel("mastodon", "M", "@belediye", (("base_url", "https://sosyal.example"),))
    manual = PresetChannel("manual", "İZMİR DUYURU")
    existing = [
        ExistingChannel(1, "telegram", "Başka ad", settings={"chat_id": "@ornekbelediyesi"}),
        ExistingChannel(2, "mastodon", "M", "belediye@sosyal.example", {"base_url": "https://başka.example"}),
        ExistingChannel(3, "mastodon", "M", "@Belediye", {"base_url": "https://sosyal.example/"}),
        ExistingChannel(4, "manual", "izmir duyuru"),
    ]
    assert managed_channels([telegram, mastodon, manual], existing) == {1: telegram, 3: mastodon, 4: manual}
    # "ızmir" is another word in Turkish (ı ≠ i): not the same channel
    assert missing_presets([manual], [ExistingChannel(4, "manual", "ızmir duyuru")]) == [manual]
    # a training channel is never the real account, nor one channel two presets
    training = ExistingChannel(1, "telegram", "D", settings=dict(telegram.settings), sandbox=True)
    assert missing_presets([telegram], [training]) == [telegram]
    twice = PresetChannel("manual", "izmir duyuru")
    assert missing_presets([manual, twice], [ExistingChannel(4, "manual", "İzmir Duyuru")]) == [twice]
    # what the connect form shows locked: IT's ids, and X's client id from app_ids
    assert locked_fields(telegram, {}) == {"chat_id"}
    assert locked_fields(PresetChannel("x", "X", "@belediye"), {"x": "Q2xpZW50"}) == {"handle", "client_id"}


def test_the_policy_says_which_presets_it_forbids_and_never_takes_a_secret() -> None:
    policy = _policy(TELEGRAM, FACEBOOK, {**TELEGRAM, "name": "Deneme", "sandbox": True}, allowed_platforms=ALLOWED)
    kept, problems = presets_in_force(policy)
    assert [p.name for p in kept] == ["Belediye Duyuru", "Deneme"]
    assert ["facebook is not in allowed_platforms" in p.message for p in problems] == [True]
    off = _policy(TELEGRAM, {**TELEGRAM, "name": "Deneme", "sandbox": "1"}, disable_sandbox=True)
    kept, problems = presets_in_force(off)
    assert [p.name for p in kept] == ["Belediye Duyuru"]
    assert "disable_sandbox" in problems[0].message
    token = parse_entries({"channels": [{**TELEGRAM, "bot_token": "123:abc"}]}, "f")
    assert not token.manages("channels")
    assert "123:abc" not in str(token.problems)


def test_the_loaded_policy_reports_a_forbidden_preset_for_the_settings_view(tmp_path: Path) -> None:
    path = tmp_path / "policy.json"
    path.write_text(json.dumps({"allowed_platforms": ALLOWED, "channels": [TELEGRAM, FACEBOOK]}), encoding="utf-8")
    loaded = policy_io.load_policy(registry={}, path=path)
    assert [p.key for p in loaded.problems] == ["channels"]
    assert "Belediye (Facebook)" in loaded.problems[0].message


# -- the profile ----------------------------------------------------------------------------
def test_presets_are_created_once_awaiting_connection_with_no_secret(
    channels: ChannelService, session_factory: sessionmaker[Session], store: CredentialStore
) -> None:
    already = channels.add(Platform.MANUAL, "İzmir Duyuru")  # the person had added it before IT's policy
    policy = _policy(TELEGRAM, MASTODON, FACEBOOK, MANUAL, allowed_platforms=ALLOWED)
    service = ChannelService(session_factory, store, policy=policy)
    created = service.create_presets()
    assert len(created) == 2
    assert service.create_presets() == []  # the next start: nothing more
    rows = {row.display_name: row for row in service.list()}
    assert set(rows) == {"İzmir Duyuru", "Belediye Duyuru", "Belediye (Mastodon)"}  # facebook: not allowed
    telegram, mastodon = rows["Belediye Duyuru"], rows["Belediye (Mastodon)"]
    assert (telegram.platform, telegram.settings) == (Platform.TELEGRAM, {"chat_id": "@ornekbelediyesi"})
    assert (mastodon.handle, mastodon.base_url) == ("@belediye", "https://sosyal.example")
    assert telegram.awaiting_connection
    assert mastodon.awaiting_connection
    assert not rows["İzmir Duyuru"].awaiting_connection  # a manual channel needs no connecting
    assert [store.names_for(channel_id) for channel_id in created] == [[], []]
    assert set(service.managed()) == {already, *created}
    health = channel_health(
        enabled=True, auth_problem=telegram.auth_problem, token_expires_at=None, now=datetime.now(UTC)
    )
    assert (health.state, health.awaiting) == (HealthState.NEEDS_RECONNECT, True)


def test_managed_channels_cannot_be_renamed_or_removed_until_the_policy_lets_go(
    session_factory: sessionmaker[Session], store: CredentialStore
) -> None:
    managed = ChannelService(session_factory, store, policy=_policy(TELEGRAM))
    [channel_id] = managed.create_presets()
    for attempt in (lambda: managed.rename(channel_id, "Yeni ad"), lambda: managed.remove(channel_id)):
        with pytest.raises(ChannelError) as refused:
            attempt()
        assert refused.value.code == "managed"
    [row] = managed.list()
    assert (row.display_name, row.enabled) == ("Belediye Duyuru", True)

    released = ChannelService(session_factory, store, policy=Policy())  # IT took the preset out
    assert released.create_presets() == []
    assert released.managed() == {}
    released.rename(channel_id, "Duyurular")
    [row] = released.list()
    assert (row.id, row.display_name, row.awaiting_connection) == (channel_id, "Duyurular", True)


def test_a_sandbox_preset_only_when_the_sandbox_is_allowed(
    session_factory: sessionmaker[Session], store: CredentialStore
) -> None:
    training = {**TELEGRAM, "name": "Deneme kanalı", "sandbox": True}
    off = ChannelService(session_factory, store, policy=_policy(training, disable_sandbox=True))
    assert off.create_presets() == []
    on = ChannelService(session_factory, store, policy=_policy(training))
    [channel_id] = on.create_presets()
    [row] = on.list()
    assert (row.id, row.sandbox, row.awaiting_connection) == (channel_id, True, True)


def test_the_outbox_leaves_an_awaiting_channel_alone_until_it_is_connected(
    qloop: asyncio.AbstractEventLoop, services: Services
) -> None:
    credentials = services.credentials()
    try:
        policy = _policy({**TELEGRAM, "name": "Deneme kanalı", "sandbox": True})
        channels = ChannelService(services.sessions, credentials, policy=policy)
        [channel_id] = channels.create_presets()
        post_id = services.posts.save(
            PostDraft("Su kesintisi duyurusu", [channel_id], scheduled_at=datetime.now(UTC), schedule=True)
        )  # the composer plans for it
        first = qloop.run_until_complete(services.publisher.run_once())
        assert (first.published, first.errors) == (0, [])
        assert _delivery_state(services, post_id) == DeliveryState.SCHEDULED
        factory = services.adapter_factory
        assert factory is None or channel_id not in factory.sandboxes  # no adapter was even built

        connect = ConnectService(channels, services.profile.root / "sandbox")
        with pytest.raises(ConnectError) as untested:
            qloop.run_until_complete(connect.test(channel_id))
        assert untested.value.code == "awaiting"
        assert channels.list()[0].awaiting_connection  # testing does not change what it is
        form = ConnectForm(Platform.TELEGRAM, sandbox=True, secrets={"bot_token": "123456:Kanal-anahtari"})
        qloop.run_until_complete(connect.connect_with_secret(form, channel_id=channel_id))
        assert credentials.get_secret(channel_id, "bot_token") == "123456:Kanal-anahtari"
        assert b"Kanal-anahtari" not in services.profile.database.read_bytes()

        second = qloop.run_until_complete(services.publisher.run_once())
        assert second.published == 1
        assert _delivery_state(services, post_id) == DeliveryState.PUBLISHED
    finally:
        qloop.run_until_complete(services.aclose())
        credentials.delete_all()


def _delivery_state(services: Services, post_id: int) -> DeliveryState:
    with services.sessions() as session:
        [state] = session.scalars(select(Delivery.state).where(Delivery.post_id == post_id))
        return state
