"""Connecting accounts for real: OAuth with PKCE through a loopback redirect, pasted tokens.

The platforms are the sandbox platforms, mounted on an address as a real instance would be;
the "browser" is an httpx client that follows the authorization page (submits its consent form)
and then the redirect to our loopback listener over real TCP. The keyring is the real one.
"""

from __future__ import annotations

import asyncio
import html
import logging
import re
import socket
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

import httpx
import pytest

from kurum_masaustu.credentials import CredentialStore
from kurum_masaustu.domain import Platform
from kurum_masaustu.logging_setup import setup_logging, teardown_logging
from kurum_masaustu.paths import Profile
from kurum_masaustu.platforms.sandbox.bluesky import BlueskySandbox
from kurum_masaustu.platforms.sandbox.core import SandboxState
from kurum_masaustu.platforms.sandbox.linkedin import LinkedInSandbox
from kurum_masaustu.platforms.sandbox.mastodon import MastodonSandbox
from kurum_masaustu.platforms.sandbox.telegram import TelegramSandbox
from kurum_masaustu.platforms.sandbox.x import XSandbox
from kurum_masaustu.services.channels import ChannelService
from kurum_masaustu.services.connect import ConnectError, ConnectForm, ConnectService

pytestmark = pytest.mark.asyncio

INSTANCE = "https://sosyal.example"


def _service(channels: ChannelService, tmp_path: Path, mounts: dict[str, httpx.AsyncBaseTransport]) -> ConnectService:
    """The app's service, whose 'internet' is the given platforms (anything else: real network)."""
    return ConnectService(
        channels,
        tmp_path / "sandbox",
        network=lambda: httpx.AsyncClient(mounts=dict(mounts), timeout=5.0, trust_env=False),
    )


Browser = Callable[[str], Awaitable[None]]


def browser(
    mounts: dict[str, httpx.AsyncBaseTransport],
    *,
    approve: bool = True,
    tamper: Callable[[str], str] = lambda location: location,
    seen: list[str] | None = None,
) -> Browser:
    """A person's browser: open the page, press Authorize (or Deny), follow the redirect."""

    async def open_url(url: str) -> None:
        if seen is not None:
            seen.append(url)
        async with httpx.AsyncClient(mounts=dict(mounts), timeout=5.0, trust_env=False) as web:
            page = await web.get(url)
            assert page.status_code == 200, page.text
            forms = re.findall(r"<form method='post' action='([^']*)'>(.*?)</form>", page.text, re.S)
            action, inputs = forms[0]
            fields = {
                html.unescape(k): html.unescape(v) for k, v in re.findall(r"name='([^']*)' value='([^']*)'", inputs)
            }
            if not approve:
                fields["_method"] = "delete"
            origin = urlsplit(url)
            answer = await web.post(f"{origin.scheme}://{origin.netloc}{action}", data=fields)
            assert answer.status_code == 302, answer.text
            location = tamper(answer.headers["location"])
            assert urlsplit(location).hostname == "127.0.0.1"
            landing = await web.get(location)  # real TCP to the app's loopback listener
            assert landing.status_code == 200

    return open_url


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _nothing_saved(channels: ChannelService, store: CredentialStore, sandbox_dir: Path) -> None:
    assert channels.list() == []
    assert all(not store.names_for(channel_id) for channel_id in range(1, 5))
    assert not list(sandbox_dir.glob("pending-*")) if sandbox_dir.exists() else True


async def test_mastodon_connects_through_the_browser_and_saves_only_after_verifying(
    tmp_path: Path, channels: ChannelService, store: CredentialStore, profile: Profile
) -> None:
    instance = MastodonSandbox(state=SandboxState(tmp_path / "instance.json", {}), host="sosyal.example")
    mounts: dict[str, httpx.AsyncBaseTransport] = {INSTANCE: instance}
    steps: list[str] = []
    opened: list[str] = []
    redirects: list[str] = []
    service = _service(channels, tmp_path, mounts)

    def keep(location: str) -> str:
        redirects.append(location)
        return location

    setup_logging(profile.log_dir, logging.DEBUG)
    try:
        connected = await service.connect_oauth(
            ConnectForm(Platform.MASTODON, "Belediye (Mastodon)", base_url="sosyal.example"),
            browser(mounts, seen=opened, tamper=keep),
            on_step=steps.append,
        )
    finally:
        teardown_logging()

    assert steps == ["registering", "browser", "waiting", "exchanging", "verifying", "saving"]
    query = parse_qs(urlsplit(opened[0]).query)
    assert query["code_challenge_method"] == ["S256"]
    assert len(query["code_challenge"][0]) == 43
    assert query["redirect_uri"][0].startswith("http://127.0.0.1:")
    [app] = instance.data["apps"].values()
    assert app["redirect_uris"] == query["redirect_uri"]  # registered for this exact loopback address
    [row] = channels.list()
    assert (row.id, row.display_name, row.handle) == (
        connected.channel_id,
        "Belediye (Mastodon)",
        "@belediye@sosyal.example",
    )
    assert row.base_url == INSTANCE
    assert row.token_expires_at is None
    token = store.get_secret(row.id, "access_token")
    assert token
    async with httpx.AsyncClient(mounts=dict(mounts)) as client:
        me = await client.get(
            f"{INSTANCE}/api/v1/accounts/verify_credentials", headers={"Authorization": f"Bearer {token}"}
        )
    assert me.status_code == 200
    # The token (and the one-time code) live only in the keyring: not in the database, the log,
    # the settings, nor in the instance's own file (it keeps hashes).
    code = parse_qs(urlsplit(redirects[0]).query)["code"][0]
    files = [path for path in (*profile.root.rglob("*"), tmp_path / "instance.json") if path.is_file()]
    assert any(path.suffix == ".log" for path in files)
    for path in files:
        content = path.read_bytes()
        assert token.encode() not in content, path
        assert code.encode() not in content, path


def _instance(
    tmp_path: Path, channels: ChannelService
) -> tuple[dict[str, httpx.AsyncBaseTransport], ConnectService, ConnectForm]:
    """A Mastodon instance at sosyal.example, the service, and the person's form for it."""
    instance = MastodonSandbox(state=SandboxState(tmp_path / "instance.json", {}), host="sosyal.example")
    mounts: dict[str, httpx.AsyncBaseTransport] = {INSTANCE: instance}
    return mounts, _service(channels, tmp_path, mounts), ConnectForm(Platform.MASTODON, "Belediye", base_url=INSTANCE)


async def test_mastodon_denied_or_tampered_redirects_save_nothing(
    tmp_path: Path, channels: ChannelService, store: CredentialStore
) -> None:
    mounts, service, form = _instance(tmp_path, channels)

    with pytest.raises(ConnectError) as denied:
        await service.connect_oauth(form, browser(mounts, approve=False))
    assert denied.value.code == "denied"

    def other_state(location: str) -> str:
        parts = urlsplit(location)
        query = {k: v[0] for k, v in parse_qs(parts.query).items()} | {"state": "someone-else"}
        return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))

    with pytest.raises(ConnectError) as forged:
        await service.connect_oauth(form, browser(mounts, tamper=other_state))
    assert forged.value.code == "state_mismatch"
    _nothing_saved(channels, store, tmp_path / "sandbox")


async def test_closing_the_browser_times_out_and_cancel_stops_listening(
    tmp_path: Path, channels: ChannelService, store: CredentialStore
) -> None:
    _mounts, service, form = _instance(tmp_path, channels)
    opened: list[str] = []

    async def closed_tab(url: str) -> None:
        opened.append(url)

    with pytest.raises(ConnectError) as timed_out:
        await service.connect_oauth(form, closed_tab, timeout=0.3)
    assert timed_out.value.code == "timeout"

    task = asyncio.ensure_future(service.connect_oauth(form, closed_tab, timeout=60))
    while len(opened) < 2:
        await asyncio.sleep(0.01)
    redirect = parse_qs(urlsplit(opened[1]).query)["redirect_uri"][0]
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    port = urlsplit(redirect).port
    with pytest.raises(ConnectionRefusedError), socket.create_connection(("127.0.0.1", port), timeout=1):
        pass  # the listener is gone
    _nothing_saved(channels, store, tmp_path / "sandbox")


async def test_unreachable_instance_and_wrong_address_are_told_apart(
    tmp_path: Path, channels: ChannelService, store: CredentialStore
) -> None:
    service = _service(channels, tmp_path, {})
    closed = f"http://127.0.0.1:{_free_port()}"

    async def never(url: str) -> None:
        raise AssertionError("no browser before the instance answered")

    with pytest.raises(ConnectError) as unreachable:
        await service.connect_oauth(ConnectForm(Platform.MASTODON, "B", base_url=closed), never)
    assert unreachable.value.code == "unreachable"

    not_mastodon = httpx.MockTransport(lambda request: httpx.Response(404, text="<h1>Belediye web sitesi</h1>"))
    service = _service(channels, tmp_path, {"https://www.belediye.example": not_mastodon})
    with pytest.raises(ConnectError) as wrong:
        await service.connect_oauth(ConnectForm(Platform.MASTODON, "B", base_url="www.belediye.example"), never)
    assert wrong.value.code == "not_platform"

    for bad in ("", "ftp://sosyal.example", "http://sosyal.example", "sosyal example"):
        with pytest.raises(ConnectError) as refused:
            await service.connect_oauth(ConnectForm(Platform.MASTODON, "B", base_url=bad), never)
        assert refused.value.code in ("missing", "bad_url")
    _nothing_saved(channels, store, tmp_path / "sandbox")


async def test_x_connects_with_its_registered_port_and_keeps_the_refresh_token(
    tmp_path: Path, channels: ChannelService, store: CredentialStore
) -> None:
    api = XSandbox(state=SandboxState(tmp_path / "x.json", {}))
    mounts: dict[str, httpx.AsyncBaseTransport] = {"https://api.x.test": api}
    service = _service(channels, tmp_path, mounts)
    port = _free_port()
    form = ConnectForm(
        Platform.X,
        "Belediye (X)",
        base_url="https://api.x.test",
        settings={"client_id": "kurum-app-123", "redirect_port": str(port)},
    )

    connected = await service.connect_oauth(form, browser(mounts))

    [row] = channels.list()
    assert row.handle == "@ornekbelediye"
    assert row.token_expires_at is None
    assert api.data["callback_urls"] == [f"http://127.0.0.1:{port}/callback"]
    assert set(store.names_for(connected.channel_id)) >= {"access_token", "refresh_token"}
    saved = channels.get(connected.channel_id)
    assert saved is not None
    assert saved.settings["client_id"] == "kurum-app-123"

    # The registered port is busy (another program): a clear refusal, nothing opened.
    with socket.socket() as busy:
        busy.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # the last sign-in's TIME_WAIT
        busy.bind(("127.0.0.1", port))
        busy.listen()

        async def never(url: str) -> None:
            raise AssertionError("the browser must not open")

        with pytest.raises(ConnectError) as in_use:
            await service.connect_oauth(form, never, channel_id=connected.channel_id)
    assert in_use.value.code == "port_in_use"
    assert in_use.value.detail == str(port)


def _telegram(token: str) -> ConnectForm:
    return ConnectForm(
        Platform.TELEGRAM, "Belediye (Telegram)", settings={"chat_id": "@ornekbelediyesi"}, secrets={"bot_token": token}
    )


async def test_pasted_tokens_are_verified_before_saving(
    tmp_path: Path, channels: ChannelService, store: CredentialStore
) -> None:
    telegram = TelegramSandbox.open(tmp_path / "telegram.json", "123456:dogru-anahtar")
    linkedin = LinkedInSandbox.open(tmp_path / "linkedin.json", "li-dogru", organization_id="2414183")
    mounts: dict[str, httpx.AsyncBaseTransport] = {
        "https://api.telegram.org": telegram,
        "https://api.linkedin.com": linkedin,
    }
    service = _service(channels, tmp_path, mounts)

    with pytest.raises(ConnectError) as wrong:
        await service.connect_with_secret(_telegram("123456:yanlis-anahtar"))
    assert wrong.value.code == "wrong_token"
    assert "yanlis" not in str(wrong.value)
    assert channels.list() == []

    with pytest.raises(ConnectError) as missing:
        await service.connect_with_secret(
            ConnectForm(Platform.TELEGRAM, "Belediye", secrets={"bot_token": "123456:dogru-anahtar"})
        )
    assert (missing.value.code, missing.value.detail) == ("missing", "chat_id")

    done = await service.connect_with_secret(_telegram(" 123456:dogru-anahtar\n"))
    assert done.account.handle == "@ornekbelediyesi"
    assert store.get_secret(done.channel_id, "bot_token") == "123456:dogru-anahtar"

    expires = datetime.now(UTC).replace(microsecond=0) + timedelta(days=60)
    linked = await service.connect_with_secret(
        ConnectForm(
            Platform.LINKEDIN,
            "Belediye (LinkedIn)",
            settings={"organization_urn": "urn:li:organization:2414183"},
            secrets={"access_token": "li-dogru"},
            token_expires_at=expires,
        )
    )
    row = next(r for r in channels.list() if r.id == linked.channel_id)
    assert row.token_expires_at == expires  # the expiry is kept with the channel, the token is not
    assert "li-dogru" not in repr(row)


async def test_bluesky_refuses_a_main_password_and_accepts_an_app_password(
    tmp_path: Path, channels: ChannelService, store: CredentialStore
) -> None:
    pds = BlueskySandbox.open(tmp_path / "pds.json", handle="belediye.bsky.social", app_password="abcd-efgh-ijkl-mnop")
    mounts: dict[str, httpx.AsyncBaseTransport] = {"https://bsky.social": pds}
    service = _service(channels, tmp_path, mounts)
    form = ConnectForm(Platform.BLUESKY, "Belediye (Bluesky)", handle="@belediye.bsky.social")

    form.secrets = {"app_password": "GizliAnaParola2026!"}
    with pytest.raises(ConnectError) as main_password:
        await service.connect_with_secret(form)
    assert main_password.value.code == "not_app_password"

    form.secrets = {"app_password": "zzzz-zzzz-zzzz-zzzz"}
    with pytest.raises(ConnectError) as wrong:
        await service.connect_with_secret(form)
    assert wrong.value.code in ("wrong_token", "refused")
    assert channels.list() == []

    form.secrets = {"app_password": "abcd-efgh-ijkl-mnop"}
    done = await service.connect_with_secret(form)
    assert done.account.handle == "belediye.bsky.social"
    assert store.get_secret(done.channel_id, "identifier") == "belediye.bsky.social"
    assert store.get_secret(done.channel_id, "app_password") == "abcd-efgh-ijkl-mnop"


async def test_training_channel_connects_in_the_sandbox_and_reconnect_replaces_the_token(
    tmp_path: Path, channels: ChannelService, store: CredentialStore
) -> None:
    service = _service(channels, tmp_path, {})
    asked: list[tuple[str, str]] = []

    async def consent(app: str, account: str) -> bool:
        asked.append((app, account))
        return len(asked) != 2  # the second time the person presses "Deny"

    async def no_browser(url: str) -> None:
        raise AssertionError("a sandbox page never goes to the system browser")

    form = ConnectForm(Platform.MASTODON, "Deneme (Mastodon)", sandbox=True)
    connected = await service.connect_oauth(form, no_browser, consent=consent)
    assert asked == [("Kurum Masaüstü", "@belediye")]
    state_file = tmp_path / "sandbox" / f"channel-{connected.channel_id}.json"
    assert state_file.exists()
    assert not list((tmp_path / "sandbox").glob("pending-*"))
    first = store.get_secret(connected.channel_id, "access_token")

    with pytest.raises(ConnectError) as denied:
        await service.connect_oauth(form, no_browser, consent=consent)
    assert denied.value.code == "denied"
    assert len(channels.list()) == 1
    assert not list((tmp_path / "sandbox").glob("pending-*"))

    channels.record_check(connected.channel_id, "auth_expired")
    again = await service.connect_oauth(form, no_browser, consent=consent, channel_id=connected.channel_id)
    assert again.channel_id == connected.channel_id
    [row] = channels.list()
    assert row.auth_problem is None
    second = store.get_secret(connected.channel_id, "access_token")
    assert second
    assert second != first
    assert (await service.test(connected.channel_id)).handle.startswith("@belediye")


async def test_test_records_a_refused_token_as_needing_reconnect(
    tmp_path: Path, channels: ChannelService, store: CredentialStore
) -> None:
    service = _service(channels, tmp_path, {})
    connected = await service.connect_with_secret(ConnectForm(Platform.TELEGRAM, "Deneme (Telegram)", sandbox=True))
    account = await service.test(connected.channel_id)
    assert account.handle == "@ornekbelediyesi"
    service.faults[connected.channel_id].expired_token = True
    with pytest.raises(ConnectError) as refused:
        await service.test(connected.channel_id)
    assert refused.value.code == "wrong_token"
    [row] = channels.list()
    assert row.auth_problem == "auth_expired"
    service.faults[connected.channel_id].expired_token = False
    await service.test(connected.channel_id)
    assert channels.list()[0].auth_problem is None


async def test_removing_a_browser_connected_channel_withdraws_its_access_first(
    tmp_path: Path, channels: ChannelService, store: CredentialStore
) -> None:
    mounts, service, form = _instance(tmp_path, channels)
    x_api = XSandbox(state=SandboxState(tmp_path / "x.json", {}))
    mounts["https://api.x.test"] = x_api
    mastodon = await service.connect_oauth(form, browser(mounts))
    x_form = ConnectForm(
        Platform.X,
        "B (X)",
        base_url="https://api.x.test",
        settings={"client_id": "app", "redirect_port": str(_free_port())},
    )
    x = await service.connect_oauth(x_form, browser(mounts))
    saved = channels.get(mastodon.channel_id)
    assert saved is not None
    assert saved.settings["client_id"]  # kept (not secret) with the channel; its secret in the keyring
    assert "client_secret" in store.names_for(mastodon.channel_id)

    tokens = {cid: store.get_secret(cid, "access_token") for cid in (mastodon.channel_id, x.channel_id)}
    assert await service.revoke(mastodon.channel_id)
    assert await service.revoke(x.channel_id)
    async with httpx.AsyncClient(mounts=dict(mounts)) as client:
        me = await client.get(
            f"{INSTANCE}/api/v1/accounts/verify_credentials",
            headers={"Authorization": f"Bearer {tokens[mastodon.channel_id]}"},
        )
        x_me = await client.get(
            "https://api.x.test/2/users/me", headers={"Authorization": f"Bearer {tokens[x.channel_id]}"}
        )
    assert (me.status_code, x_me.status_code) == (401, 401)

    # Offline, nothing is withdrawn and the caller is told so.
    again = await service.connect_oauth(form, browser(mounts), channel_id=mastodon.channel_id)
    offline = _service(channels, tmp_path, {})
    channel = channels.get(again.channel_id)
    assert channel is not None
    with_closed_port = dict(channel.settings, base_url=f"http://127.0.0.1:{_free_port()}")
    channels.reconnected(again.channel_id, {}, settings=with_closed_port)
    assert not await offline.revoke(again.channel_id)
    assert not await offline.revoke(99)  # no such channel


async def test_a_channel_whose_secret_left_the_keyring_is_told_to_reconnect(
    tmp_path: Path, channels: ChannelService, store: CredentialStore
) -> None:
    service = _service(channels, tmp_path, {})
    connected = await service.connect_with_secret(ConnectForm(Platform.TELEGRAM, "Deneme (Telegram)", sandbox=True))
    store.delete_all_for(connected.channel_id)  # e.g. the profile was copied to another computer
    with pytest.raises(ConnectError) as missing:
        await service.test(connected.channel_id)
    assert missing.value.code == "no_secret"
    assert channels.list()[0].auth_problem == "no_secret"
