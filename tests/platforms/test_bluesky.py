"""Bluesky adapter against the Bluesky sandbox: every outcome, the faults, the sandbox's own rules."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
import pytest_asyncio
from PIL import Image

from kurum_masaustu.domain import InboxKind
from kurum_masaustu.platforms.base import (
    AccountInfo,
    AuthExpired,
    Done,
    InboxPage,
    MediaFile,
    Metrics,
    Poll,
    Published,
    PublishRequest,
    RateLimited,
    Rejected,
    Transient,
)
from kurum_masaustu.platforms.bluesky import BlueskyAdapter, is_tid, parse_at_uri, record_key_for
from kurum_masaustu.platforms.sandbox.bluesky import BlueskySandbox
from kurum_masaustu.platforms.sandbox.core import Faults, SandboxState

HANDLE = "ornekbelediye.bsky.social"
PASSWORD = "abcd-efgh-ijkl-mnop"
CITIZEN = "ayse.bsky.social"
BASE_URL = "https://bluesky.sandbox.invalid"


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 9, 1, 8, 0, tzinfo=UTC).timestamp()

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def sandbox(tmp_path: Path, clock: Clock) -> BlueskySandbox:
    return BlueskySandbox.open(tmp_path / "bluesky.json", handle=HANDLE, app_password=PASSWORD, clock=clock)


@pytest_asyncio.fixture
async def client(sandbox: BlueskySandbox) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(transport=sandbox, timeout=5) as http:
        yield http


def make(client: httpx.AsyncClient, **secrets: str) -> BlueskyAdapter:
    given = {"identifier": HANDLE, "app_password": PASSWORD, **secrets}
    return BlueskyAdapter(client, {"base_url": BASE_URL}, given)


@pytest.fixture
def adapter(client: httpx.AsyncClient) -> BlueskyAdapter:
    return make(client)


def calls(sandbox: BlueskySandbox) -> list[str]:
    return [request.url.path.removeprefix("/xrpc/") for request in sandbox.requests]


def request(text: str, key: str = "delivery-1", **kwargs: Any) -> PublishRequest:
    return PublishRequest(text=text, idempotency_key=key, **kwargs)


def png(path: Path, size: tuple[int, int] = (40, 30)) -> Path:
    Image.new("RGB", size, (200, 30, 30)).save(path, "PNG")
    return path


def rkey_of(remote_id: str) -> str:
    parsed = parse_at_uri(remote_id)
    assert parsed is not None
    return parsed.rkey


# -- record keys ------------------------------------------------------------------------------
def test_record_key_is_a_deterministic_tid() -> None:
    keys = {record_key_for(f"delivery-{n}") for n in range(2000)}
    assert len(keys) == 2000
    assert all(is_tid(key) for key in keys)
    assert record_key_for("abc") == record_key_for("abc")
    # The TID's timestamp lies in the past (2023), never in the future.
    alphabet = "234567abcdefghijklmnopqrstuvwxyz"
    for key in keys:
        value = 0
        for char in key:
            value = value * 32 + alphabet.index(char)
        stamp = datetime.fromtimestamp((value >> 10) / 1_000_000, UTC)
        assert datetime(2023, 1, 1, tzinfo=UTC) <= stamp < datetime(2024, 3, 1, tzinfo=UTC)


# -- verify and sessions ----------------------------------------------------------------------
@pytest.mark.asyncio
async def test_verify_returns_the_account(adapter: BlueskyAdapter, sandbox: BlueskySandbox) -> None:
    info = await adapter.verify()
    assert isinstance(info, AccountInfo)
    assert info.handle == HANDLE
    assert info.remote_id == sandbox.owner_did
    assert info.display_name == "Örnek Belediyesi"


@pytest.mark.asyncio
async def test_wrong_password_is_auth_expired_and_not_retried(
    client: httpx.AsyncClient, sandbox: BlueskySandbox
) -> None:
    adapter = make(client, app_password="wrong-pass-word-xxxx")
    assert isinstance(await adapter.verify(), AuthExpired)
    assert isinstance(await adapter.publish(request("Merhaba")), AuthExpired)
    # A refused app password is not tried again on every call (createSession: 30 per 5 min).
    assert calls(sandbox).count("com.atproto.server.createSession") == 1


@pytest.mark.asyncio
async def test_missing_secrets_are_auth_expired(client: httpx.AsyncClient, sandbox: BlueskySandbox) -> None:
    adapter = BlueskyAdapter(client, {"base_url": BASE_URL}, {})
    outcome = await adapter.publish(request("Merhaba"))
    assert isinstance(outcome, AuthExpired)
    assert calls(sandbox) == []


@pytest.mark.asyncio
async def test_session_is_cached_and_offered_for_the_keyring(adapter: BlueskyAdapter, sandbox: BlueskySandbox) -> None:
    assert adapter.updated_secrets() is None
    for n in range(5):
        assert isinstance(await adapter.publish(request(f"Duyuru {n}", key=f"k{n}")), Published)
    assert calls(sandbox).count("com.atproto.server.createSession") == 1
    secrets = adapter.updated_secrets()
    assert secrets is not None
    assert set(secrets) == {"identifier", "app_password", "access_jwt", "refresh_jwt"}
    # The state file in the profile never holds a token or the password.
    stored = sandbox.state.path.read_text(encoding="utf-8")
    for value in (secrets["access_jwt"], secrets["refresh_jwt"], PASSWORD):
        assert value not in stored


@pytest.mark.asyncio
async def test_stored_tokens_are_used_without_logging_in(
    adapter: BlueskyAdapter, client: httpx.AsyncClient, sandbox: BlueskySandbox
) -> None:
    assert isinstance(await adapter.verify(), AccountInfo)
    secrets = adapter.updated_secrets()
    assert secrets is not None
    sandbox.requests.clear()
    later = BlueskyAdapter(client, {"base_url": BASE_URL}, secrets)
    assert isinstance(await later.publish(request("Yeniden başlatıldı")), Published)
    assert "com.atproto.server.createSession" not in calls(sandbox)
    assert calls(sandbox)[0] == "com.atproto.server.getSession"
    assert later.updated_secrets() is None


@pytest.mark.asyncio
async def test_expired_token_is_refreshed_and_the_post_goes_out(
    adapter: BlueskyAdapter, sandbox: BlueskySandbox
) -> None:
    assert isinstance(await adapter.verify(), AccountInfo)
    before = adapter.updated_secrets()
    assert before is not None
    sandbox.requests.clear()
    sandbox.faults.expired_token = True
    outcome = await adapter.publish(request("Süre doldu, yenilendi"))
    assert isinstance(outcome, Published)
    assert calls(sandbox) == [
        "com.atproto.repo.createRecord",  # ExpiredToken
        "com.atproto.server.refreshSession",
        "com.atproto.repo.createRecord",
    ]
    after = adapter.updated_secrets()
    assert after is not None
    assert after["access_jwt"] != before["access_jwt"]
    assert after["refresh_jwt"] != before["refresh_jwt"]


@pytest.mark.asyncio
async def test_access_token_expires_after_two_hours(
    adapter: BlueskyAdapter, sandbox: BlueskySandbox, clock: Clock
) -> None:
    assert isinstance(await adapter.publish(request("Sabah", key="a")), Published)
    clock.now += 2 * 3600 + 1
    sandbox.requests.clear()
    assert isinstance(await adapter.publish(request("Öğleden sonra", key="b")), Published)
    assert "com.atproto.server.refreshSession" in calls(sandbox)
    assert "com.atproto.server.createSession" not in calls(sandbox)


@pytest.mark.asyncio
async def test_refused_refresh_falls_back_to_the_app_password(adapter: BlueskyAdapter, sandbox: BlueskySandbox) -> None:
    assert isinstance(await adapter.verify(), AccountInfo)
    sandbox.expire_sessions(refresh=True)
    sandbox.requests.clear()
    assert isinstance(await adapter.publish(request("Yeni oturum")), Published)
    assert calls(sandbox) == [
        "com.atproto.repo.createRecord",
        "com.atproto.server.refreshSession",
        "com.atproto.server.createSession",
        "com.atproto.repo.createRecord",
    ]


@pytest.mark.asyncio
async def test_revoked_app_password_is_auth_expired(adapter: BlueskyAdapter, sandbox: BlueskySandbox) -> None:
    assert isinstance(await adapter.verify(), AccountInfo)
    sandbox.change_password("brand-new-pass-word")
    outcome = await adapter.publish(request("Olmayacak"))
    assert isinstance(outcome, AuthExpired)
    assert "AuthenticationRequired" in outcome.detail
    assert sandbox.published() == []


@pytest.mark.asyncio
async def test_login_rate_limit_is_reported_with_its_reset(
    client: httpx.AsyncClient, sandbox: BlueskySandbox, clock: Clock
) -> None:
    for _ in range(30):
        assert isinstance(await make(client).verify(), AccountInfo)
    limited = await make(client).publish(request("31. giriş"))
    assert isinstance(limited, RateLimited)
    assert limited.until == datetime.fromtimestamp(clock.now + 300, UTC)
    transient = await make(client).verify()  # verify has no RateLimited: it waits as a Transient
    assert isinstance(transient, Transient)
    assert transient.retry_after_seconds is not None


# -- publishing -------------------------------------------------------------------------------
@pytest.mark.asyncio
async def test_publish_turkish_text_with_link_tag_and_mention(adapter: BlueskyAdapter, sandbox: BlueskySandbox) -> None:
    citizen_did = sandbox.add_citizen(CITIZEN, "Ayşe Yılmaz")
    text = "Çöp toplama #SıfırAtık 🇹🇷 ayrıntılar https://ornek.bel.tr/duyuru @ayse.bsky.social'a teşekkürler"
    outcome = await adapter.publish(request(text, key="cop-toplama"))
    assert isinstance(outcome, Published)
    rkey = record_key_for("cop-toplama")
    assert outcome.remote_id == f"at://{sandbox.owner_did}/app.bsky.feed.post/{rkey}"
    assert outcome.permalink == f"https://bsky.app/profile/{HANDLE}/post/{rkey}"
    record = sandbox.record(outcome.remote_id)
    assert record is not None
    assert record["text"] == text
    assert record["langs"] == ["tr"]
    raw = text.encode()
    covered = {
        feature["$type"].rsplit("#", 1)[1]: (raw[f["index"]["byteStart"] : f["index"]["byteEnd"]].decode(), feature)
        for f in record["facets"]
        for feature in f["features"]
    }
    assert covered["tag"][0] == "#SıfırAtık"
    assert covered["tag"][1]["tag"] == "SıfırAtık"
    assert covered["link"] == (
        "https://ornek.bel.tr/duyuru",
        {"$type": "app.bsky.richtext.facet#link", "uri": "https://ornek.bel.tr/duyuru"},
    )
    assert covered["mention"] == ("@ayse.bsky.social", {"$type": "app.bsky.richtext.facet#mention", "did": citizen_did})
    [post] = sandbox.published()
    assert (post.id, post.text, post.media) == (outcome.remote_id, text, ())


@pytest.mark.asyncio
async def test_unknown_handle_stays_plain_text(adapter: BlueskyAdapter, sandbox: BlueskySandbox) -> None:
    outcome = await adapter.publish(request("Selam @kimse.bsky.social #Ankara"))
    assert isinstance(outcome, Published)
    record = sandbox.record(outcome.remote_id)
    assert record is not None
    assert [f["features"][0]["$type"] for f in record["facets"]] == ["app.bsky.richtext.facet#tag"]


@pytest.mark.asyncio
async def test_link_given_apart_is_added_to_the_text(adapter: BlueskyAdapter, sandbox: BlueskySandbox) -> None:
    outcome = await adapter.publish(request("Yeni duyuru", link="https://ornek.bel.tr/d/1"))
    assert isinstance(outcome, Published)
    record = sandbox.record(outcome.remote_id)
    assert record is not None
    assert record["text"] == "Yeni duyuru\nhttps://ornek.bel.tr/d/1"
    assert record["facets"][0]["features"][0]["uri"] == "https://ornek.bel.tr/d/1"


@pytest.mark.asyncio
async def test_publish_images_with_alt_and_aspect_ratio(
    adapter: BlueskyAdapter, sandbox: BlueskySandbox, tmp_path: Path
) -> None:
    first = MediaFile(png(tmp_path / "a.png", (1200, 800)), "image/png", alt_text="Çöp kamyonu", width=1200, height=800)
    second = MediaFile(png(tmp_path / "b.png", (300, 600)), "image/png")  # no alt, no size given
    outcome = await adapter.publish(request("İki fotoğraf", media=(first, second)))
    assert isinstance(outcome, Published)
    record = sandbox.record(outcome.remote_id)
    assert record is not None
    images = record["embed"]["images"]
    assert record["embed"]["$type"] == "app.bsky.embed.images"
    assert [image["alt"] for image in images] == ["Çöp kamyonu", ""]
    assert [image["aspectRatio"] for image in images] == [{"width": 1200, "height": 800}, {"width": 300, "height": 600}]
    cid = images[0]["image"]["ref"]["$link"]
    assert sandbox.blob_bytes(cid) == (tmp_path / "a.png").read_bytes()
    [post] = sandbox.published()
    assert [m["alt"] for m in post.media] == ["Çöp kamyonu", ""]
    assert calls(sandbox).count("com.atproto.repo.uploadBlob") == 2


@pytest.mark.parametrize(
    ("text", "grapheme_count", "byte_count"),
    [("ş" * 301, 301, 602), ("👨‍👩‍👧" * 167, 167, 3006)],
)
@pytest.mark.asyncio
async def test_too_long_is_rejected_before_any_request(
    adapter: BlueskyAdapter, sandbox: BlueskySandbox, text: str, grapheme_count: int, byte_count: int
) -> None:
    outcome = await adapter.publish(request(text))
    assert isinstance(outcome, Rejected)
    assert outcome.code == "too_long"
    assert (outcome.data["graphemes"], outcome.data["bytes"]) == (grapheme_count, byte_count)
    assert len(sandbox.requests) == 0


@pytest.mark.asyncio
async def test_300_graphemes_is_fine(adapter: BlueskyAdapter) -> None:
    assert isinstance(await adapter.publish(request("ğ" * 299 + "🇹🇷")), Published)


@pytest.mark.asyncio
async def test_local_refusals(adapter: BlueskyAdapter, sandbox: BlueskySandbox, tmp_path: Path) -> None:
    image = MediaFile(png(tmp_path / "a.png"), "image/png")
    big = tmp_path / "big.jpg"
    big.write_bytes(b"\xff\xd8" + b"0" * 2_000_000)
    cases = {
        "too_many_media": request("Beş", media=(image,) * 5),
        "unsupported_media": request("Video", media=(MediaFile(tmp_path / "v.mp4", "video/mp4"),)),
        "unsupported": request("Anket", poll=Poll(("Evet", "Hayır"), 60)),
        "empty": request("   "),
        "media_too_large": request("Büyük", media=(MediaFile(big, "image/jpeg"),)),
        "media_missing": request("Kayıp", media=(MediaFile(tmp_path / "yok.png", "image/png"),)),
    }
    for code, asked in cases.items():
        outcome = await adapter.publish(asked)
        assert isinstance(outcome, Rejected), code
        assert outcome.code == code
    assert "com.atproto.repo.uploadBlob" not in calls(sandbox)
    assert sandbox.published() == []


@pytest.mark.asyncio
async def test_server_validation_is_rejected_with_its_message(adapter: BlueskyAdapter, sandbox: BlueskySandbox) -> None:
    outcome = await adapter.publish(request("Dil kodu bozuk", language="türkçe"))
    assert isinstance(outcome, Rejected)
    assert outcome.code == "invalid_request"
    assert (
        outcome.platform_message
        == 'Invalid app.bsky.feed.post record: Invalid language (got "türkçe") at $.record.langs[0]'
    )
    assert outcome.data == {"error": "InvalidRequest", "status": 400}
    assert sandbox.published() == []


# -- exactly once -----------------------------------------------------------------------------
@pytest.mark.asyncio
async def test_retry_with_the_same_key_does_not_post_twice(adapter: BlueskyAdapter, sandbox: BlueskySandbox) -> None:
    first = await adapter.publish(request("Bir kez", key="once"))
    second = await adapter.publish(request("Bir kez", key="once"))
    assert isinstance(first, Published)
    assert second == first
    assert len(sandbox.published()) == 1


@pytest.mark.asyncio
async def test_timeout_after_accept_is_recognised_in_the_same_call(
    adapter: BlueskyAdapter, sandbox: BlueskySandbox
) -> None:
    assert isinstance(await adapter.verify(), AccountInfo)
    sandbox.faults.timeout_after_accept = 1
    outcome = await adapter.publish(request("Cevap kayboldu", key="lost-answer"))
    # The create went through, its answer was lost; the adapter finds the record by its rkey.
    assert isinstance(outcome, Published)
    assert [post.id for post in sandbox.published()] == [outcome.remote_id]
    assert calls(sandbox)[-2:] == ["com.atproto.repo.createRecord", "com.atproto.repo.getRecord"]


class LoseLookups(httpx.AsyncBaseTransport):
    """In front of the sandbox: the next ``n`` getRecord calls time out too (the link is down)."""

    def __init__(self, inner: BlueskySandbox, n: int) -> None:
        self.inner, self.n = inner, n

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("com.atproto.repo.getRecord") and self.n > 0:
            self.n -= 1
            raise httpx.ConnectTimeout("link down", request=request)
        return await self.inner.handle_async_request(request)


@pytest.mark.asyncio
async def test_timeout_after_accept_then_find_published(sandbox: BlueskySandbox) -> None:
    asked = request("Cevap kayboldu", key="lost-answer")
    async with httpx.AsyncClient(transport=LoseLookups(sandbox, 1)) as flaky:
        adapter = make(flaky)
        assert isinstance(await adapter.verify(), AccountInfo)
        sandbox.faults.timeout_after_accept = 1
        outcome = await adapter.publish(asked)
        assert isinstance(outcome, Transient)
        assert len(sandbox.published()) == 1  # the platform has it
        secrets = adapter.updated_secrets()
        assert secrets is not None
    # After a restart: reconcile before anything is resent.
    async with httpx.AsyncClient(transport=sandbox) as http:
        restarted = make(http, **secrets)
        found = await restarted.find_published(asked, datetime.now(UTC) - timedelta(hours=1))
        assert isinstance(found, Published)
        assert found.remote_id == sandbox.published()[0].id
        assert await restarted.publish(asked) == found
    assert len(sandbox.published()) == 1


@pytest.mark.asyncio
async def test_find_published_when_nothing_was_posted(adapter: BlueskyAdapter) -> None:
    assert await adapter.find_published(request("Hiç"), datetime.now(UTC)) is None


@pytest.mark.asyncio
async def test_server_error_is_transient_and_a_retry_publishes(
    adapter: BlueskyAdapter, sandbox: BlueskySandbox
) -> None:
    assert isinstance(await adapter.verify(), AccountInfo)
    sandbox.faults.server_errors = 2  # createRecord, then the getRecord that looks for it
    outcome = await adapter.publish(request("Sunucu hatası"))
    assert isinstance(outcome, Transient)
    assert "HTTP 500" in outcome.detail
    assert sandbox.published() == []
    assert isinstance(await adapter.publish(request("Sunucu hatası")), Published)


@pytest.mark.asyncio
async def test_rate_limit_gives_the_reset_time(adapter: BlueskyAdapter, sandbox: BlueskySandbox, clock: Clock) -> None:
    sandbox.faults.rate_limit_seconds = 90
    outcome = await adapter.publish(request("Sınır"))
    assert isinstance(outcome, RateLimited)
    assert outcome.until == datetime.fromtimestamp(int(clock.now) + 90, UTC)
    assert "RateLimitExceeded" in outcome.detail
    sandbox.faults.rate_limit_seconds = None
    assert isinstance(await adapter.publish(request("Sınır")), Published)


@pytest.mark.asyncio
async def test_malformed_json(adapter: BlueskyAdapter, sandbox: BlueskySandbox) -> None:
    assert isinstance(await adapter.verify(), AccountInfo)
    asked = request("Bozuk cevap")
    sandbox.faults.malformed_json = 1
    assert isinstance(await adapter.find_published(asked, datetime.now(UTC)), Transient)
    # The create is carried out but its answer is broken: the record is found by its rkey.
    sandbox.faults.malformed_json = 1
    outcome = await adapter.publish(asked)
    assert isinstance(outcome, Published)
    assert len(sandbox.published()) == 1
    # A broken answer on a read-only call stays Transient.
    sandbox.faults.malformed_json = 1
    assert isinstance(await adapter.metrics([outcome.remote_id]), Transient)


@pytest.mark.asyncio
async def test_network_error_is_transient() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    async with httpx.AsyncClient(transport=httpx.MockTransport(refuse)) as offline:
        adapter = make(offline)
        outcome = await adapter.publish(request("Çevrimdışı"))
        assert isinstance(outcome, Transient)
        assert "ConnectError" in outcome.detail
        assert isinstance(await adapter.verify(), Transient)
        assert isinstance(await adapter.find_published(request("x"), datetime.now(UTC)), Transient)


@pytest.mark.asyncio
async def test_proxy_page_is_transient_not_rejected() -> None:
    def proxy(request: httpx.Request) -> httpx.Response:
        return httpx.Response(403, text="<html>Erişim engellendi</html>")

    async with httpx.AsyncClient(transport=httpx.MockTransport(proxy)) as blocked:
        outcome = await make(blocked).publish(request("Vekil sunucu"))
    assert isinstance(outcome, Transient)


# -- delete, reply, inbox, metrics ------------------------------------------------------------
@pytest.mark.asyncio
async def test_delete(adapter: BlueskyAdapter, sandbox: BlueskySandbox) -> None:
    outcome = await adapter.publish(request("Silinecek"))
    assert isinstance(outcome, Published)
    assert isinstance(await adapter.delete(outcome.remote_id), Done)
    assert sandbox.published() == []
    assert isinstance(await adapter.delete(outcome.remote_id), Done)  # already gone: still done
    assert await adapter.find_published(request("Silinecek"), datetime.now(UTC)) is None
    citizen_post = sandbox.citizen_post(CITIZEN, "Benim gönderim")
    refused = await adapter.delete(citizen_post)
    assert isinstance(refused, Rejected)
    assert refused.code == "forbidden"


@pytest.mark.asyncio
async def test_reply_keeps_the_thread_root(adapter: BlueskyAdapter, sandbox: BlueskySandbox) -> None:
    root = await adapter.publish(request("Kök gönderi", key="root"))
    assert isinstance(root, Published)
    question = sandbox.citizen_post(CITIZEN, "Saat kaçta?", reply_to=root.remote_id)
    answer = await adapter.reply(question, "Saat 10.00'da başlıyor.", "answer-1")
    assert isinstance(answer, Published)
    record = sandbox.record(answer.remote_id)
    assert record is not None
    question_record = sandbox.record(question)
    assert question_record is not None
    assert record["reply"]["parent"]["uri"] == question
    assert record["reply"]["root"]["uri"] == root.remote_id
    assert record["reply"]["root"]["cid"] == question_record["reply"]["root"]["cid"]
    # A reply to our own post by its rkey alone.
    own = await adapter.reply(rkey_of(root.remote_id), "Ek bilgi", "answer-2")
    assert isinstance(own, Published)
    own_record = sandbox.record(own.remote_id)
    assert own_record is not None
    assert own_record["reply"]["root"] == own_record["reply"]["parent"]
    missing = await adapter.reply(f"at://{sandbox.owner_did}/app.bsky.feed.post/3kaaaaaaaaaaa", "?", "answer-3")
    assert isinstance(missing, Rejected)
    assert missing.code == "reply_target_missing"


@pytest.mark.asyncio
async def test_inbox_mentions_replies_quotes_since_cursor(
    adapter: BlueskyAdapter, sandbox: BlueskySandbox, clock: Clock
) -> None:
    post = await adapter.publish(request("Yol çalışması duyurusu", key="yol"))
    assert isinstance(post, Published)
    clock.now += 60
    reply = sandbox.citizen_post(CITIZEN, "Ne zaman biter?", reply_to=post.remote_id)
    clock.now += 60
    mention = sandbox.citizen_post("mehmet.bsky.social", f"@{HANDLE} sokak lambası yanmıyor")
    clock.now += 60
    quote = sandbox.citizen_post("zeynep.bsky.social", "Güzel haber", quote=post.remote_id)
    sandbox.citizen_post("ali.bsky.social", "Bizimle ilgisi yok")

    page = await adapter.fetch_inbox(None)
    assert isinstance(page, InboxPage)
    assert [(item.remote_id, item.kind) for item in page.items] == [
        (reply, InboxKind.REPLY),
        (mention, InboxKind.MENTION),
        (quote, InboxKind.MENTION),
    ]
    first = page.items[0]
    assert (first.author_handle, first.author_name, first.text) == (CITIZEN, CITIZEN, "Ne zaman biter?")
    assert first.parent_remote_id == post.remote_id
    assert first.post_remote_id == post.remote_id
    assert page.items[2].post_remote_id == post.remote_id

    again = await adapter.fetch_inbox(page.cursor)
    assert again == InboxPage((), page.cursor)
    clock.now += 60
    newer = sandbox.citizen_post(CITIZEN, f"@{HANDLE} teşekkürler")
    latest = await adapter.fetch_inbox(page.cursor)
    assert isinstance(latest, InboxPage)
    assert [item.remote_id for item in latest.items] == [newer]


@pytest.mark.asyncio
async def test_inbox_reads_back_over_several_pages(
    adapter: BlueskyAdapter, sandbox: BlueskySandbox, clock: Clock
) -> None:
    for n in range(105):
        clock.now += 1
        sandbox.citizen_post(f"eski{n}.bsky.social", f"@{HANDLE} eski soru {n}")
    first = await adapter.fetch_inbox(None)
    assert isinstance(first, InboxPage)
    assert len(first.items) == 100  # a new channel takes the newest page, not the whole history
    assert first.items[-1].text == f"@{HANDLE} eski soru 104"
    for n in range(130):
        clock.now += 1
        sandbox.citizen_post(f"vatandas{n}.bsky.social", f"@{HANDLE} soru {n}")
    sandbox.requests.clear()
    page = await adapter.fetch_inbox(first.cursor)
    assert isinstance(page, InboxPage)
    assert [item.text for item in page.items] == [f"@{HANDLE} soru {n}" for n in range(130)]
    assert calls(sandbox).count("app.bsky.notification.listNotifications") == 2
    clock.now += 1
    sandbox.citizen_post("son.bsky.social", f"@{HANDLE} son soru")
    newest = await adapter.fetch_inbox(page.cursor)
    assert isinstance(newest, InboxPage)
    assert [item.text for item in newest.items] == [f"@{HANDLE} son soru"]


@pytest.mark.asyncio
async def test_same_instant_notifications_are_not_lost(adapter: BlueskyAdapter, sandbox: BlueskySandbox) -> None:
    first = sandbox.citizen_post(CITIZEN, f"@{HANDLE} bir")
    page = await adapter.fetch_inbox(None)
    assert isinstance(page, InboxPage)
    second = sandbox.citizen_post("mehmet.bsky.social", f"@{HANDLE} iki")  # the same clock instant
    later = await adapter.fetch_inbox(page.cursor)
    assert isinstance(later, InboxPage)
    assert [item.remote_id for item in page.items] == [first]
    assert [item.remote_id for item in later.items] == [second]


@pytest.mark.asyncio
async def test_inbox_rate_limited(adapter: BlueskyAdapter, sandbox: BlueskySandbox) -> None:
    sandbox.faults.rate_limit_seconds = 10
    assert isinstance(await adapter.fetch_inbox(None), RateLimited)


@pytest.mark.asyncio
async def test_metrics(adapter: BlueskyAdapter, sandbox: BlueskySandbox) -> None:
    post = await adapter.publish(request("Beğeni sayısı"))
    assert isinstance(post, Published)
    sandbox.seed_engagement(post.remote_id, likes=12, reposts=3)
    sandbox.citizen_post(CITIZEN, "Katılıyorum", reply_to=post.remote_id)
    got = await adapter.metrics([post.remote_id, f"at://{sandbox.owner_did}/app.bsky.feed.post/3kaaaaaaaaaaa"])
    assert got == {post.remote_id: Metrics({"likes": 12, "reposts": 3, "replies": 1, "quotes": 0, "bookmarks": 0})}


# -- the sandbox itself -----------------------------------------------------------------------
async def xrpc(
    http: httpx.AsyncClient, method: str, nsid: str, token: str | None = None, **kwargs: Any
) -> httpx.Response:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    headers.update(kwargs.pop("headers", {}))
    return await http.request(method, f"https://bluesky.sandbox.invalid/xrpc/{nsid}", headers=headers, **kwargs)


@pytest.mark.asyncio
async def test_sandbox_answers_as_the_pds(client: httpx.AsyncClient, sandbox: BlueskySandbox) -> None:
    session = (
        await xrpc(
            client, "POST", "com.atproto.server.createSession", json={"identifier": HANDLE, "password": PASSWORD}
        )
    ).json()
    token, did = session["accessJwt"], session["did"]
    blob = (
        await xrpc(
            client,
            "POST",
            "com.atproto.repo.uploadBlob",
            token,
            content=b"\x89PNG....",
            headers={"Content-Type": "image/png"},
        )
    ).json()["blob"]
    big = (
        await xrpc(
            client,
            "POST",
            "com.atproto.repo.uploadBlob",
            token,
            content=b"0" * 2_000_001,
            headers={"Content-Type": "image/jpeg"},
        )
    ).json()["blob"]

    def post(text: str = "Merhaba", **extra: Any) -> dict[str, Any]:
        return {
            "repo": did,
            "collection": "app.bsky.feed.post",
            "record": {"$type": "app.bsky.feed.post", "text": text, "createdAt": "2026-09-01T08:00:00.000Z", **extra},
        }

    def image(**fields: Any) -> dict[str, Any]:
        return {"$type": "app.bsky.embed.images", "images": [fields]}

    tag = {"$type": "app.bsky.richtext.facet#tag", "tag": "x"}
    cases: list[tuple[dict[str, Any], int, str, str]] = [
        (post("a" * 301), 400, "InvalidRequest", "grapheme too big (maximum 300, got 301) at $.record.text"),
        (post("ğ" * 1501), 400, "InvalidRequest", "string too big (maximum 3000, got 3002)"),
        (
            post(facets=[{"index": {"byteStart": 1, "byteEnd": 99}, "features": [tag]}]),
            400,
            "InvalidRequest",
            "outside the text",
        ),
        (
            post("a🇹🇷", facets=[{"index": {"byteStart": 1, "byteEnd": 5}, "features": [tag]}]),
            400,
            "InvalidRequest",
            "splits a character",
        ),
        (
            post(
                facets=[
                    {"index": {"byteStart": 0, "byteEnd": 1}, "features": [{"$type": "app.bsky.richtext.facet#link"}]}
                ]
            ),
            400,
            "InvalidRequest",
            'Missing required key "uri"',
        ),
        (post(embed=image(image=blob)), 400, "InvalidRequest", 'Missing required key "alt"'),
        (
            post(embed={"$type": "app.bsky.embed.images", "images": [{"image": blob, "alt": ""}] * 5}),
            400,
            "InvalidRequest",
            "array too big (maximum 4, got 5)",
        ),
        (
            post(
                embed=image(
                    image={**blob, "ref": {"$link": "bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy"}},
                    alt="",
                )
            ),
            400,
            "BlobNotFound",
            "Could not find blob",
        ),
        (post(embed=image(image=big, alt="")), 400, "BlobTooLarge", "too large"),
        (post(createdAt="dün"), 400, "InvalidRequest", "Invalid datetime"),
        ({**post(), "rkey": "kurum-1"}, 400, "InvalidRequest", "Invalid TID string"),
    ]
    for body, status, error, message in cases:
        answer = await xrpc(client, "POST", "com.atproto.repo.createRecord", token, json=body)
        assert (answer.status_code, answer.json()["error"]) == (status, error), body
        assert message in answer.json()["message"]
        assert answer.headers["RateLimit-Policy"] == "3000;w=300"

    created = await xrpc(
        client, "POST", "com.atproto.repo.createRecord", token, json={**post(), "rkey": "3kaaaaaaaaaab"}
    )
    assert created.status_code == 200
    assert created.json()["uri"] == f"at://{did}/app.bsky.feed.post/3kaaaaaaaaaab"
    assert created.json()["cid"].startswith("bafyrei")
    again = await xrpc(client, "POST", "com.atproto.repo.createRecord", token, json={**post(), "rkey": "3kaaaaaaaaaab"})
    assert (again.status_code, again.json()["error"]) == (500, "InternalServerError")
    missing = await xrpc(
        client,
        "GET",
        "com.atproto.repo.getRecord",
        params={"repo": did, "collection": "app.bsky.feed.post", "rkey": "3kaaaaaaaaaac"},
    )
    assert (missing.status_code, missing.json()["error"]) == (400, "RecordNotFound")
    listed = await xrpc(
        client, "GET", "com.atproto.repo.listRecords", params={"repo": HANDLE, "collection": "app.bsky.feed.post"}
    )
    assert [r["uri"].rsplit("/", 1)[1] for r in listed.json()["records"]] == ["3kaaaaaaaaaab"]

    assert (await xrpc(client, "POST", "com.atproto.repo.createRecord", "abc", json=post())).json()[
        "error"
    ] == "InvalidToken"
    assert (await xrpc(client, "POST", "com.atproto.repo.createRecord", json=post())).json()["error"] == "AuthMissing"
    refresh_as_access = await xrpc(client, "POST", "com.atproto.repo.createRecord", session["refreshJwt"], json=post())
    assert refresh_as_access.json()["error"] == "InvalidToken"
    wrong = await xrpc(client, "POST", "com.atproto.server.createSession", json={"identifier": HANDLE, "password": "x"})
    assert (wrong.status_code, wrong.json()["error"]) == (401, "AuthenticationRequired")
    resolved = await xrpc(client, "GET", "com.atproto.identity.resolveHandle", params={"handle": "yok.bsky.social"})
    assert (resolved.status_code, resolved.json()["error"]) == (400, "HandleNotFound")
    unknown = await xrpc(client, "GET", "com.example.nothing", token)
    assert unknown.status_code == 501
    blob_back = await xrpc(client, "GET", "com.atproto.sync.getBlob", params={"did": did, "cid": blob["ref"]["$link"]})
    assert blob_back.content == b"\x89PNG...."


@pytest.mark.asyncio
async def test_sandbox_state_survives_a_restart(adapter: BlueskyAdapter, sandbox: BlueskySandbox, clock: Clock) -> None:
    outcome = await adapter.publish(request("Kalıcı"))
    assert isinstance(outcome, Published)
    reopened = BlueskySandbox.open(sandbox.state.path, clock=clock)
    [post] = reopened.published()
    assert (post.id, post.text) == (outcome.remote_id, "Kalıcı")
    listed = json.loads(json.dumps(post.as_json()))
    assert listed["id"] == outcome.remote_id
    assert listed["text"] == "Kalıcı"


@pytest.mark.asyncio
async def test_registry_style_sandbox_takes_the_first_login(tmp_path: Path) -> None:
    sandbox = BlueskySandbox(state=SandboxState(tmp_path / "channel-7.json", {}), faults=Faults())
    async with httpx.AsyncClient(transport=sandbox) as http:
        settings = {"base_url": sandbox.base_url}
        first = BlueskyAdapter(http, settings, {"identifier": "kurum.bsky.social", "app_password": "deneme-parola"})
        info = await first.verify()
        assert isinstance(info, AccountInfo)
        assert info.handle == "kurum.bsky.social"
        published = await first.publish(request("Alıştırma"))
        assert isinstance(published, Published)
        assert published.permalink.startswith("https://bsky.app/profile/kurum.bsky.social/post/")
        other = BlueskyAdapter(http, settings, {"identifier": "kurum.bsky.social", "app_password": "baska"})
        assert isinstance(await other.verify(), AuthExpired)
