"""LinkedIn adapter against the LinkedIn sandbox: every outcome, every fault, the sandbox's own rules.

Hermetic: the adapter's client runs on the in-process sandbox transport (or an
``httpx.MockTransport`` for status and header fallbacks); time comes from a fake clock and media
polling sleeps are recorded, not waited. LinkedIn publishes no OpenAPI description, so every
request the adapter sends is checked against the protocol rules of ``reference/platform_apis.md``
§4 when the test ends: bearer token, ``LinkedIn-Version``, ``X-Restli-Protocol-Version: 2.0.0``,
JSON bodies, percent-encoded URNs, and the bearer token sent to no host but the API's.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
import pytest_asyncio

from kurum_masaustu.domain import InboxKind, PostKind
from kurum_masaustu.platforms.base import (
    AccountInfo,
    AuthExpired,
    Done,
    InboxPage,
    MediaFile,
    Poll,
    Published,
    PublishRequest,
    RateLimited,
    Rejected,
    Transient,
)
from kurum_masaustu.platforms.linkedin import (
    LINKEDIN_VERSION,
    LinkedInAdapter,
    commentary_to_text,
    escape_commentary,
)
from kurum_masaustu.platforms.sandbox.core import Faults, SandboxState
from kurum_masaustu.platforms.sandbox.linkedin import LinkedInSandbox, parse_little_text

TOKEN = "linkedin-sandbox-token-for-tests-0123456789"
BASE_URL = "https://linkedin.sandbox.invalid"
ORG = "urn:li:organization:10000001"
T0 = datetime(2026, 9, 1, 8, 0, 0, tzinfo=UTC)
MIDNIGHT = datetime(2026, 9, 2, tzinfo=UTC)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64
MP4_HEAD = b"\x00\x00\x00\x18ftypmp42"


# -- the protocol check --------------------------------------------------------------------------
def protocol_errors(request: httpx.Request, version: str = LINKEDIN_VERSION) -> list[str]:
    """What breaks LinkedIn's documented request rules (§4) in one request."""
    where = f"{request.method} {request.url.path}"
    problems = []
    if not request.headers.get("authorization", "").startswith("Bearer "):
        problems.append(f"{where}: no bearer token")
    if request.url.host != "linkedin.sandbox.invalid":
        problems.append(f"{where}: the token went to {request.url.host}")
    raw_path = request.url.raw_path.split(b"?", 1)[0]
    if b"urn:li:" in raw_path or b"urn:li:" in request.url.query:
        problems.append(f"{where}: a URN that is not percent-encoded (Rest.li 2.0)")
    if request.url.path.startswith("/rest/"):
        if request.headers.get("linkedin-version") != version:
            problems.append(f"{where}: LinkedIn-Version {request.headers.get('linkedin-version')!r}")
        if request.headers.get("x-restli-protocol-version") != "2.0.0":
            problems.append(f"{where}: no X-Restli-Protocol-Version: 2.0.0")
        if request.method in ("POST", "PUT"):
            if request.headers.get("content-type") != "application/json":
                problems.append(f"{where}: body is not JSON")
            else:
                json.loads(request.content)
    elif request.url.path.startswith("/dms-uploads/"):
        if request.method != "PUT" or not request.content:
            problems.append(f"{where}: an upload is one PUT of the bytes")
    else:
        problems.append(f"{where}: not an API path")
    return problems


def _check(response: httpx.Response | None) -> list[str]:
    """Answers that mean the adapter built a request LinkedIn cannot read."""
    if response is None or response.status_code != 400:
        return []
    return [f"LinkedIn could not read a request: {response.text}"]


# -- the test bench -----------------------------------------------------------------------------
@dataclass
class FakeClock:
    now: datetime = T0

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@dataclass
class Recorder(httpx.AsyncBaseTransport):
    inner: httpx.AsyncBaseTransport
    exchanges: list[tuple[httpx.Request, httpx.Response | None]] = field(default_factory=list)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        await request.aread()
        try:
            response = await self.inner.handle_async_request(request)
        except httpx.HTTPError:
            self.exchanges.append((request, None))
            raise
        await response.aread()
        self.exchanges.append((request, response))
        return response


@dataclass
class _FnTransport(httpx.AsyncBaseTransport):
    handler: Callable[[httpx.Request], Awaitable[httpx.Response]]

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await self.handler(request)


@dataclass
class LinkedInBench:
    path: Path
    clock: FakeClock
    sandbox: LinkedInSandbox
    recorder: Recorder
    client: httpx.AsyncClient
    raw: httpx.AsyncClient  # straight to the sandbox, not checked
    adapter: LinkedInAdapter
    sleeps: list[float]
    media_dir: Path

    def sent(self, method: str, path_start: str) -> list[httpx.Request]:
        return [r for r, _ in self.recorder.exchanges if r.method == method and r.url.path.startswith(path_start)]

    def image(self, name: str = "foto.png", alt: str = "", data: bytes = PNG) -> MediaFile:
        path = self.media_dir / name
        path.write_bytes(data + name.encode())
        return MediaFile(path, "image/png", alt_text=alt)

    def video(self, name: str = "video.mp4", size: int = 2048, head: bytes = MP4_HEAD) -> MediaFile:
        path = self.media_dir / name
        with path.open("wb") as handle:
            handle.write(head)
            handle.truncate(size)
        return MediaFile(path, "video/mp4")

    def adapter_with(
        self, secrets: dict[str, str] | None = None, settings: dict[str, Any] | None = None
    ) -> LinkedInAdapter:
        return _adapter(self.client, self.clock, self.sleeps, secrets, settings)

    def reopen(self) -> LinkedInBench:
        sandbox = LinkedInSandbox.open(self.path, TOKEN, clock=self.clock)
        recorder = Recorder(sandbox, self.recorder.exchanges)
        client = httpx.AsyncClient(transport=recorder)
        adapter = _adapter(client, self.clock, self.sleeps)
        return LinkedInBench(
            self.path, self.clock, sandbox, recorder, client, self.raw, adapter, self.sleeps, self.media_dir
        )


def _adapter(
    client: httpx.AsyncClient,
    clock: FakeClock,
    sleeps: list[float],
    secrets: dict[str, str] | None = None,
    settings: dict[str, Any] | None = None,
) -> LinkedInAdapter:
    async def sleep(seconds: float) -> None:
        sleeps.append(seconds)

    return LinkedInAdapter(
        client,
        {"base_url": BASE_URL, "organization_urn": ORG, **(settings or {})},
        secrets if secrets is not None else {"access_token": TOKEN},
        sleep=sleep,
        clock=clock,
    )


@pytest_asyncio.fixture
async def li_bench(tmp_path: Path) -> AsyncIterator[LinkedInBench]:
    clock = FakeClock()
    path = tmp_path / "profile" / "sandbox" / "linkedin.json"
    sandbox = LinkedInSandbox.open(path, TOKEN, clock=clock)
    recorder = Recorder(sandbox)
    client = httpx.AsyncClient(transport=recorder)
    raw = httpx.AsyncClient(
        transport=sandbox,
        base_url=BASE_URL,
        headers={
            "Authorization": f"Bearer {TOKEN}",
            "LinkedIn-Version": LINKEDIN_VERSION,
            "X-Restli-Protocol-Version": "2.0.0",
        },
    )
    sleeps: list[float] = []
    media_dir = tmp_path / "media"
    media_dir.mkdir()
    bench = LinkedInBench(
        path, clock, sandbox, recorder, client, raw, _adapter(client, clock, sleeps), sleeps, media_dir
    )
    yield bench
    await client.aclose()
    await raw.aclose()
    problems = [
        p
        for request, response in recorder.exchanges
        for p in protocol_errors(request, request.headers.get("linkedin-version", LINKEDIN_VERSION)) + _check(response)
    ]
    assert recorder.exchanges, "the adapter sent nothing"
    assert not problems, "requests that break LinkedIn's protocol rules:\n" + "\n".join(problems)


def _request(text: str = "Yarın 09.00–13.00 Çankaya'da su kesintisi.", **kwargs: Any) -> PublishRequest:
    kwargs.setdefault("idempotency_key", f"delivery-{zlib.crc32(text.encode()):08x}")
    return PublishRequest(text=text, **kwargs)


def _body(request: httpx.Request) -> Any:
    return json.loads(request.content)


# -- little text ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Meclis toplantısı (canlı yayın) bu akşam 19.00'da #Ankara #ResmiDuyuru",
        "Başvuru: e-posta ornek@ankara.bel.tr, dosya_adı [taslak] <son> 5*3 ~ | {x} \\yol",
        "C# kursu, #1 sıra, ##çift, &#zararsız, #Ankara'da, https://a.bel.tr/sayfa#bolum",
        "",
    ],
)
def test_escaping_round_trips_through_linkedins_parser(text: str) -> None:
    escaped = escape_commentary(text)
    assert parse_little_text(escaped) == (text, False)
    assert commentary_to_text(escaped) == text


def test_hashtags_stay_tags_and_everything_else_is_escaped() -> None:
    assert escape_commentary("#Ankara (duyuru) @vali_bey") == "#Ankara \\(duyuru\\) \\@vali\\_bey"
    assert escape_commentary("C# ve #1") == "C\\# ve #1"
    assert commentary_to_text("{hashtag|\\#|Ankara} ve @[Valilik](urn:li:organization:5) \\(x\\)") == (
        "#Ankara ve Valilik (x)"
    )


def test_unescaped_text_is_cut_at_the_first_reserved_character() -> None:
    assert parse_little_text("Meclis (canlı yayın) bu akşam") == ("Meclis ", True)
    assert parse_little_text("Bilgi @[Valilik](urn:li:organization:5) #Ankara") == ("Bilgi Valilik #Ankara", False)


def test_settings_are_checked() -> None:
    client = httpx.AsyncClient()
    adapter = LinkedInAdapter(client, {}, {"access_token": "t"})
    assert (adapter.base_url, adapter.app_url, adapter.version) == (
        "https://api.linkedin.com",
        "https://www.linkedin.com",
        LINKEDIN_VERSION,
    )
    assert adapter.permalink("urn:li:share:1") == "https://www.linkedin.com/feed/update/urn:li:share:1/"
    with pytest.raises(ValueError, match="organization_urn"):
        LinkedInAdapter(client, {"organization_urn": "12345"}, {})
    with pytest.raises(ValueError, match="LinkedIn-Version"):
        LinkedInAdapter(client, {"linkedin_version": "2026-06"}, {})
    with pytest.raises(ValueError, match="base_url"):
        LinkedInAdapter(client, {"base_url": "api.linkedin.com"}, {})


# -- account -------------------------------------------------------------------------------------
@pytest.mark.asyncio
async def test_verify_returns_the_page(li_bench: LinkedInBench) -> None:
    assert await li_bench.adapter.verify() == AccountInfo(ORG, "ornek-belediyesi", "Örnek Belediyesi")
    acl = li_bench.sent("GET", "/rest/organizationAcls")[0]
    assert acl.url.query == b"q=roleAssignee&state=APPROVED"
    assert li_bench.sent("GET", "/rest/organizations/10000001")


@pytest.mark.asyncio
async def test_the_page_is_found_when_not_configured(li_bench: LinkedInBench) -> None:
    adapter = li_bench.adapter_with(settings={"organization_urn": ""})
    posted = await adapter.publish(_request())
    assert isinstance(posted, Published)
    assert _body(li_bench.sent("POST", "/rest/posts")[0])["author"] == ORG
    li_bench.sandbox.grant("urn:li:organization:777")
    several = li_bench.adapter_with(settings={"organization_urn": ""})
    outcome = await several.verify()
    assert isinstance(outcome, Rejected)
    assert (outcome.code, outcome.data["organizations"]) == ("organization_ambiguous", [ORG, "urn:li:organization:777"])
    li_bench.sandbox.data["acls"] = [{"organization": ORG, "role": "ANALYST", "state": "APPROVED"}]
    none = li_bench.adapter_with(settings={"organization_urn": ""})
    assert isinstance(await none.publish(_request("x")), Rejected)
    assert (await none.verify()).code == "organization_missing"  # type: ignore[union-attr]


@pytest.mark.asyncio
async def test_a_page_the_member_cannot_post_for(li_bench: LinkedInBench) -> None:
    other = li_bench.adapter_with(settings={"organization_urn": "urn:li:organization:42"})
    outcome = await other.verify()
    assert isinstance(outcome, Rejected)
    assert outcome.code == "not_admin"
    refused = await other.publish(_request())
    assert isinstance(refused, Rejected)
    assert (refused.code, refused.data["error"]) == ("forbidden", "ACCESS_DENIED")


@pytest.mark.asyncio
async def test_verify_without_the_admin_scopes_trusts_the_configured_page() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(403, json={"status": 403, "code": "ACCESS_DENIED", "message": "rw_organization_admin"})

    assert await _mock_adapter(handler).verify() == AccountInfo(ORG, ORG, ORG)
    unconfigured = LinkedInAdapter(
        httpx.AsyncClient(transport=httpx.MockTransport(handler)), {}, {"access_token": TOKEN}
    )
    refused = await unconfigured.verify()
    assert isinstance(refused, Rejected)
    assert refused.code == "forbidden"


@pytest.mark.asyncio
async def test_wrong_or_missing_token_is_auth_expired(li_bench: LinkedInBench) -> None:
    wrong = li_bench.adapter_with({"access_token": "someone-elses"})
    assert await wrong.verify() == AuthExpired("Invalid access token")
    assert isinstance(await wrong.publish(_request()), AuthExpired)
    missing = li_bench.adapter_with({})
    count = len(li_bench.recorder.exchanges)
    assert isinstance(await missing.publish(_request()), AuthExpired)
    assert len(li_bench.recorder.exchanges) == count
    assert li_bench.sandbox.published() == []


# -- publishing ----------------------------------------------------------------------------------
@pytest.mark.asyncio
async def test_publish_text(li_bench: LinkedInBench) -> None:
    text = "Meclis toplantısı bu akşam 19.00'da (canlı yayın). #Ankara #ResmiDuyuru @herkes"
    outcome = await li_bench.adapter.publish(_request(text))
    assert isinstance(outcome, Published)
    assert outcome.remote_id.startswith("urn:li:share:")
    assert outcome.permalink == f"{BASE_URL}/feed/update/{outcome.remote_id}/"
    [post] = li_bench.sandbox.published()
    assert (post.id, post.text, post.truncated, post.created_at) == (outcome.remote_id, text, False, T0)
    sent = li_bench.sent("POST", "/rest/posts")[0]
    assert _body(sent) == {
        "author": ORG,
        "commentary": escape_commentary(text),
        "visibility": "PUBLIC",
        "distribution": {"feedDistribution": "MAIN_FEED", "targetEntities": [], "thirdPartyDistributionChannels": []},
        "lifecycleState": "PUBLISHED",
        "isReshareDisabledByAuthor": False,
    }
    [(_, answer)] = [(r, a) for r, a in li_bench.recorder.exchanges if r is sent]
    assert answer is not None
    assert (answer.status_code, answer.content, answer.headers["x-restli-id"]) == (201, b"", outcome.remote_id)


@pytest.mark.asyncio
async def test_no_native_scheduling(li_bench: LinkedInBench) -> None:
    later = await li_bench.adapter.publish(_request(scheduled_at=T0 + timedelta(days=1)))
    assert isinstance(later, Rejected)
    assert later.code == "native_schedule_unsupported"
    assert li_bench.recorder.exchanges == []
    assert isinstance(await li_bench.adapter.publish(_request(scheduled_at=T0)), Published)


@pytest.mark.asyncio
async def test_sandbox_cuts_unescaped_commentary_as_linkedin_does(li_bench: LinkedInBench) -> None:
    response = await li_bench.raw.post(
        "/rest/posts",
        json={
            "author": ORG,
            "commentary": "Meclis (canlı yayın) bu akşam",
            "visibility": "PUBLIC",
            "distribution": {"feedDistribution": "MAIN_FEED"},
            "lifecycleState": "PUBLISHED",
        },
    )
    assert response.status_code == 201
    [post] = li_bench.sandbox.published()
    assert (post.text, post.truncated) == ("Meclis ", True)
    read = await li_bench.raw.get(f"/rest/posts/{response.headers['x-restli-id'].replace(':', '%3A')}")
    assert read.json()["commentary"] == "Meclis (canlı yayın) bu akşam"
    await li_bench.adapter.verify()


@pytest.mark.asyncio
async def test_link_becomes_an_article_card(li_bench: LinkedInBench) -> None:
    link = "https://www.ankara.bel.tr/duyuru/1"
    card = await li_bench.adapter.publish(_request("Yeni otobüs saatleri\nAyrıntılar sitemizde", link=link))
    assert isinstance(card, Published)
    body = _body(li_bench.sent("POST", "/rest/posts")[0])
    assert body["content"] == {"article": {"source": link, "title": "Yeni otobüs saatleri"}}
    assert body["commentary"] == "Yeni otobüs saatleri\nAyrıntılar sitemizde"
    with_image = await li_bench.adapter.publish(
        _request("Afiş", link=link, media=(li_bench.image(),), idempotency_key="img")
    )
    assert isinstance(with_image, Published)
    assert li_bench.sandbox.published()[1].text == f"Afiş\n\n{link}"
    bare = await li_bench.adapter.publish(_request("", link=link, idempotency_key="bare"))
    assert isinstance(bare, Published)
    assert _body(li_bench.sent("POST", "/rest/posts")[2])["content"]["article"]["title"] == "www.ankara.bel.tr"


@pytest.mark.asyncio
async def test_commentary_limit_counts_what_is_sent(li_bench: LinkedInBench) -> None:
    assert isinstance(await li_bench.adapter.publish(_request("ş" * 3000, idempotency_key="a")), Published)
    escaped = await li_bench.adapter.publish(_request("ş" * 2990 + "(" * 10 + "x", idempotency_key="b"))
    assert isinstance(escaped, Rejected)
    assert (escaped.code, escaped.data["length"], escaped.data["text_length"]) == ("too_long", 3011, 3001)
    raw = await li_bench.raw.post(
        "/rest/posts",
        json={
            "author": ORG,
            "commentary": "a" * 3001,
            "visibility": "PUBLIC",
            "distribution": {"feedDistribution": "MAIN_FEED"},
            "lifecycleState": "PUBLISHED",
        },
    )
    assert raw.status_code == 422
    assert raw.json()["message"].startswith("ERROR :: /commentary ::")


@pytest.mark.asyncio
async def test_single_image_with_alt_text(li_bench: LinkedInBench) -> None:
    outcome = await li_bench.adapter.publish(_request("Afiş", media=(li_bench.image(alt="Konser afişi"),)))
    assert isinstance(outcome, Published)
    [init] = li_bench.sent("POST", "/rest/images")
    assert init.url.query == b"action=initializeUpload"
    assert _body(init) == {"initializeUploadRequest": {"owner": ORG}}
    [put] = li_bench.sent("PUT", "/dms-uploads/")
    assert put.headers["authorization"] == f"Bearer {TOKEN}"
    assert put.content.startswith(PNG)
    statuses = [
        a.json()["status"] for r, a in li_bench.recorder.exchanges if r.url.path.startswith("/rest/images/") and a
    ]
    assert statuses == ["PROCESSING", "AVAILABLE"]
    assert li_bench.sleeps == [1]
    [post] = li_bench.sandbox.published()
    assert [(m.type, m.alt_text) for m in post.media] == [("image", "Konser afişi")]
    assert _body(li_bench.sent("POST", "/rest/posts")[0])["content"] == {
        "media": {"id": post.media[0].id, "altText": "Konser afişi"}
    }


@pytest.mark.asyncio
async def test_several_images_are_a_multi_image_post(li_bench: LinkedInBench) -> None:
    media = (li_bench.image("a.png", "Harita"), li_bench.image("b.png"), li_bench.image("c.png", "Ekip"))
    outcome = await li_bench.adapter.publish(_request("Çalışmalar", kind=PostKind.CAROUSEL, media=media))
    assert isinstance(outcome, Published)
    [post] = li_bench.sandbox.published()
    content = _body(li_bench.sent("POST", "/rest/posts")[0])["content"]
    assert content == {
        "multiImage": {
            "images": [
                {"id": post.media[0].id, "altText": "Harita"},
                {"id": post.media[1].id},
                {"id": post.media[2].id, "altText": "Ekip"},
            ]
        }
    }
    assert [m.alt_text for m in post.media] == ["Harita", "", "Ekip"]


@pytest.mark.asyncio
async def test_video_is_uploaded_in_parts(li_bench: LinkedInBench) -> None:
    size = 9 * 1024 * 1024
    outcome = await li_bench.adapter.publish(_request("Tören", kind=PostKind.VIDEO, media=(li_bench.video(size=size),)))
    assert isinstance(outcome, Published)
    init, finalize = li_bench.sent("POST", "/rest/videos")
    assert _body(init) == {
        "initializeUploadRequest": {
            "owner": ORG,
            "fileSizeBytes": size,
            "uploadCaptions": False,
            "uploadThumbnail": False,
        }
    }
    puts = li_bench.sent("PUT", "/dms-uploads/")
    assert [len(p.content) for p in puts] == [4 * 1024 * 1024, 4 * 1024 * 1024, 1024 * 1024]
    etags = [a.headers["etag"] for r, a in li_bench.recorder.exchanges if r in puts and a is not None]
    assert _body(finalize)["finalizeUploadRequest"]["uploadedPartIds"] == etags
    assert finalize.url.query == b"action=finalizeUpload"
    [post] = li_bench.sandbox.published()
    assert [(m.type, m.size) for m in post.media] == [("video", size)]
    assert not list(li_bench.sandbox.media_dir.glob("*.part*"))


@pytest.mark.asyncio
async def test_media_linkedin_cannot_process_is_rejected(li_bench: LinkedInBench) -> None:
    broken = li_bench.image("bozuk.png", data=b"not an image")
    outcome = await li_bench.adapter.publish(_request("Bozuk", media=(broken,)))
    assert isinstance(outcome, Rejected)
    assert outcome.code == "media_processing_failed"
    video = await li_bench.adapter.publish(_request("Bozuk video", media=(li_bench.video(head=b"junk"),)))
    assert isinstance(video, Rejected)
    assert video.code == "media_processing_failed"
    assert li_bench.sandbox.published() == []


@pytest.mark.asyncio
async def test_slow_media_is_transient_and_not_uploaded_twice(li_bench: LinkedInBench) -> None:
    li_bench.sandbox.faults.slow_media_polls = 50
    request = _request("Yavaş", media=(li_bench.image(),))
    outcome = await li_bench.adapter.publish(request)
    assert isinstance(outcome, Transient)
    assert outcome.retry_after_seconds == 30
    assert len(li_bench.sleeps) == 10  # bounded
    li_bench.sandbox.faults.slow_media_polls = 0
    assert isinstance(await li_bench.adapter.publish(request), Published)
    assert len(li_bench.sent("POST", "/rest/images")) == 1
    assert len(li_bench.sent("PUT", "/dms-uploads/")) == 1


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("names", "code"),
    [
        (tuple(f"{n}.png" for n in range(21)), "too_many_media"),
        (("a.png", "v.mp4"), "media_mix"),
        (("belge.pdf",), "unsupported_media"),
    ],
)
async def test_media_refused_before_any_upload(li_bench: LinkedInBench, names: tuple[str, ...], code: str) -> None:
    files = []
    for name in names:
        if name.endswith(".png"):
            files.append(li_bench.image(name))
        elif name.endswith(".mp4"):
            files.append(li_bench.video(name))
        else:
            path = li_bench.media_dir / name
            path.write_bytes(b"%PDF")
            files.append(MediaFile(path, "application/pdf"))
    outcome = await li_bench.adapter.publish(_request(media=tuple(files)))
    assert isinstance(outcome, Rejected)
    assert outcome.code == code
    assert li_bench.recorder.exchanges == []
    await li_bench.adapter.verify()


@pytest.mark.asyncio
async def test_long_alt_text_and_unreadable_files(li_bench: LinkedInBench) -> None:
    alt = await li_bench.adapter.publish(_request(media=(li_bench.image(alt="a" * 4087),)))
    assert isinstance(alt, Rejected)
    assert alt.code == "alt_text_too_long"
    missing = await li_bench.adapter.publish(_request(media=(MediaFile(li_bench.media_dir / "yok.png", "image/png"),)))
    assert isinstance(missing, Rejected)
    assert missing.code == "media_unreadable"
    await li_bench.adapter.verify()


@pytest.mark.asyncio
async def test_upload_address_outside_linkedin_gets_no_token() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.path == "/rest/images":
            return httpx.Response(
                200, json={"value": {"uploadUrl": "https://evil.example/upload", "image": "urn:li:image:1"}}
            )
        raise AssertionError(f"unexpected {request.url}")

    path = Path(__file__)  # any readable file
    adapter = LinkedInAdapter(
        httpx.AsyncClient(transport=httpx.MockTransport(handler)),
        {"organization_urn": ORG},
        {"access_token": TOKEN},
    )
    outcome = await adapter.publish(_request(media=(MediaFile(path, "image/png"),)))
    assert isinstance(outcome, Transient)
    assert "evil.example" in outcome.detail
    assert {r.url.host for r in seen} == {"api.linkedin.com"}


@pytest.mark.asyncio
async def test_poll(li_bench: LinkedInBench) -> None:
    poll = Poll(("Evet", "Hayır", "Kararsızım"), duration_minutes=2 * 1440)
    outcome = await li_bench.adapter.publish(
        _request("Pazar yeri taşınsın mı?\nGörüşünüz bizim için önemli.", kind=PostKind.POLL, poll=poll)
    )
    assert isinstance(outcome, Published)
    assert _body(li_bench.sent("POST", "/rest/posts")[0])["content"] == {
        "poll": {
            "question": "Pazar yeri taşınsın mı?",
            "options": [{"text": "Evet"}, {"text": "Hayır"}, {"text": "Kararsızım"}],
            "settings": {"duration": "THREE_DAYS"},  # two days, rounded up to LinkedIn's next choice
        }
    }
    [post] = li_bench.sandbox.published()
    assert (post.poll_options, post.poll_duration) == (("Evet", "Hayır", "Kararsızım"), "THREE_DAYS")


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("minutes", "duration"),
    [(5, "ONE_DAY"), (1440, "ONE_DAY"), (1441, "THREE_DAYS"), (7 * 1440, "SEVEN_DAYS"), (14 * 1440, "FOURTEEN_DAYS")],
)
async def test_poll_durations(li_bench: LinkedInBench, minutes: int, duration: str) -> None:
    outcome = await li_bench.adapter.publish(_request(f"Soru {minutes}?", poll=Poll(("a", "b"), minutes)))
    assert isinstance(outcome, Published)
    assert _body(li_bench.sent("POST", "/rest/posts")[0])["content"]["poll"]["settings"] == {"duration": duration}


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("text", "poll", "media", "code"),
    [
        ("Soru?", Poll(("Tek",), 1440), False, "poll_options"),
        ("Soru?", Poll(("a", "b", "c", "d", "e"), 1440), False, "poll_options"),
        ("Soru?", Poll(("ş" * 31, "b"), 1440), False, "poll_option_length"),
        ("S" * 141, Poll(("a", "b"), 1440), False, "poll_question_length"),
        ("Soru?", Poll(("a", "b"), 14 * 1440 + 1), False, "poll_duration"),
        ("Soru?", Poll(("a", "b"), 1440, multiple=True), False, "poll_multiple_unsupported"),
        ("Soru?", Poll(("a", "b"), 1440), True, "poll_with_media"),
    ],
)
async def test_poll_rules(li_bench: LinkedInBench, text: str, poll: Poll, media: bool, code: str) -> None:
    outcome = await li_bench.adapter.publish(_request(text, poll=poll, media=(li_bench.image(),) if media else ()))
    assert isinstance(outcome, Rejected)
    assert outcome.code == code
    assert li_bench.recorder.exchanges == []
    await li_bench.adapter.verify()


@pytest.mark.asyncio
async def test_sandbox_checks_content_itself(li_bench: LinkedInBench) -> None:
    base = {
        "author": ORG,
        "commentary": "x",
        "visibility": "PUBLIC",
        "distribution": {"feedDistribution": "MAIN_FEED"},
        "lifecycleState": "PUBLISHED",
    }
    missing = await li_bench.raw.post("/rest/posts", json={"author": ORG})
    assert (missing.status_code, missing.json()["message"]) == (
        422,
        "ERROR :: /commentary :: field is required but not found and has no default value",
    )
    poll = await li_bench.raw.post(
        "/rest/posts",
        json={
            **base,
            "content": {"poll": {"question": "?", "options": [{"text": "a"}], "settings": {"duration": "ONE_DAY"}}},
        },
    )
    assert poll.status_code == 422
    not_ready = await li_bench.raw.post(
        "/rest/images?action=initializeUpload", json={"initializeUploadRequest": {"owner": ORG}}
    )
    urn = not_ready.json()["value"]["image"]
    with_image = await li_bench.raw.post("/rest/posts", json={**base, "content": {"media": {"id": urn}}})
    assert "is not AVAILABLE (status WAITING_UPLOAD)" in with_image.json()["message"]
    two_kinds = await li_bench.raw.post(
        "/rest/posts",
        json={**base, "content": {"media": {"id": urn}, "article": {"source": "https://a", "title": "t"}}},
    )
    assert two_kinds.status_code == 422
    someone_else = await li_bench.raw.post("/rest/posts", json={**base, "author": "urn:li:organization:99"})
    assert (someone_else.status_code, someone_else.json()["code"]) == (403, "ACCESS_DENIED")
    await li_bench.adapter.verify()


# -- exactly once ----------------------------------------------------------------------------------
@pytest.mark.asyncio
async def test_timeout_after_accept_then_found_and_the_resend_is_harmless(li_bench: LinkedInBench) -> None:
    request = _request("Meclis (canlı) #Ankara & https://ankara.bel.tr/meclis")
    since = li_bench.clock()
    li_bench.sandbox.faults.timeout_after_accept = 1
    outcome = await li_bench.adapter.publish(request)
    assert isinstance(outcome, Transient)
    assert "timeout" in outcome.detail
    [posted] = li_bench.sandbox.published()
    li_bench.clock.advance(minutes=2)
    found = await li_bench.adapter.find_published(request, since)
    assert found == Published(posted.id, posted.url)
    assert await li_bench.adapter.publish(request) == found  # 422 DUPLICATE_POST naming our own post
    assert len(li_bench.sandbox.published()) == 1


@pytest.mark.asyncio
async def test_duplicate_of_another_deliverys_post_is_rejected(li_bench: LinkedInBench) -> None:
    first = await li_bench.adapter.publish(_request("Hayırlı cumalar", idempotency_key="friday-1"))
    assert isinstance(first, Published)
    li_bench.clock.advance(hours=1)
    outcome = await li_bench.adapter.publish(_request("Hayırlı cumalar", idempotency_key="friday-2"))
    assert outcome == Rejected(
        "duplicate",
        f"Content is a duplicate of {first.remote_id}",
        {"status": 422, "error": "DUPLICATE_POST", "existing": first.remote_id},
    )
    li_bench.clock.advance(days=1)
    assert isinstance(await li_bench.adapter.publish(_request("Hayırlı cumalar", idempotency_key="f3")), Published)


@pytest.mark.asyncio
async def test_find_published_matches_only_our_post(li_bench: LinkedInBench) -> None:
    older = _request("Eski duyuru", idempotency_key="old")
    assert isinstance(await li_bench.adapter.publish(older), Published)
    li_bench.clock.advance(hours=2)
    assert await li_bench.adapter.find_published(older, li_bench.clock()) is None
    assert await li_bench.adapter.find_published(_request("Hiç gönderilmedi"), T0) is None
    with_media = _request("Eski duyuru", idempotency_key="m", media=(li_bench.image(),))
    assert await li_bench.adapter.find_published(with_media, T0) is None
    with_poll = _request("Eski duyuru", idempotency_key="p", poll=Poll(("a", "b"), 1440))
    assert await li_bench.adapter.find_published(with_poll, T0) is None
    assert isinstance(await li_bench.adapter.find_published(older, T0), Published)
    assert await li_bench.adapter.find_published(_request("x", reply_to="urn:li:share:1"), T0) is None


@pytest.mark.asyncio
async def test_find_published_pages_back(li_bench: LinkedInBench) -> None:
    target = _request("Aranan gönderi", idempotency_key="target")
    wanted = await li_bench.adapter.publish(target)
    for n in range(60):
        li_bench.clock.advance(seconds=30)
        assert isinstance(await li_bench.adapter.publish(_request(f"Sonraki {n}", idempotency_key=f"n{n}")), Published)
    assert await li_bench.adapter.find_published(target, T0) == wanted
    pages = li_bench.sent("GET", "/rest/posts")
    pages = [p for p in pages if p.url.path == "/rest/posts"]
    assert [dict(pair.split("=") for pair in p.url.query.decode().split("&"))["start"] for p in pages] == ["0", "50"]
    assert b"author=urn%3Ali%3Aorganization%3A10000001" in pages[0].url.query


# -- faults ----------------------------------------------------------------------------------------
@pytest.mark.asyncio
async def test_server_error_is_transient_and_nothing_was_posted(li_bench: LinkedInBench) -> None:
    li_bench.sandbox.faults.server_errors = 1
    outcome = await li_bench.adapter.publish(_request())
    assert outcome == Transient("HTTP 503: Service Unavailable")
    assert li_bench.sandbox.published() == []
    assert isinstance(await li_bench.adapter.publish(_request()), Published)


@pytest.mark.asyncio
async def test_rate_limit_fault_is_bare_and_waits_for_midnight_utc(li_bench: LinkedInBench) -> None:
    li_bench.sandbox.faults.rate_limit_seconds = 120
    outcome = await li_bench.adapter.publish(_request())
    assert outcome == RateLimited(
        MIDNIGHT, "Resource level throttle APPLICATION DAY limit for calls to this resource is reached."
    )
    [(_, answer)] = li_bench.recorder.exchanges
    assert answer is not None
    assert not {"retry-after", "x-ratelimit-reset", "x-rate-limit-reset"} & set(answer.headers)
    assert isinstance(await li_bench.adapter.verify(), Transient)
    assert isinstance(await li_bench.adapter.fetch_inbox(None), RateLimited)
    assert isinstance(await li_bench.adapter.find_published(_request(), T0), Transient)
    li_bench.sandbox.faults.rate_limit_seconds = None
    assert isinstance(await li_bench.adapter.publish(_request()), Published)


@pytest.mark.asyncio
async def test_150_posts_a_day(li_bench: LinkedInBench) -> None:
    for n in range(150):
        li_bench.clock.advance(seconds=60)
        assert isinstance(await li_bench.adapter.publish(_request(f"Duyuru {n}", idempotency_key=f"k{n}")), Published)
    refused = await li_bench.adapter.publish(_request("bir tane daha", idempotency_key="k150"))
    assert isinstance(refused, RateLimited)
    assert refused.until == MIDNIGHT
    li_bench.clock.now = MIDNIGHT
    assert isinstance(await li_bench.adapter.publish(_request("bir tane daha", idempotency_key="k150")), Published)


@pytest.mark.asyncio
async def test_expired_token_fault(li_bench: LinkedInBench) -> None:
    li_bench.sandbox.faults.expired_token = True
    assert await li_bench.adapter.publish(_request()) == AuthExpired("The token used in the request has expired")
    assert isinstance(await li_bench.adapter.verify(), AuthExpired)
    assert isinstance(await li_bench.adapter.delete("urn:li:share:1"), AuthExpired)
    assert isinstance(await li_bench.adapter.find_published(_request(), T0), Transient)
    assert isinstance(await li_bench.adapter.fetch_inbox(None), AuthExpired)
    assert isinstance(await li_bench.adapter.metrics(["urn:li:share:1"]), Transient)
    assert li_bench.adapter.updated_secrets() is None  # LinkedIn gives desktop apps no refresh


@pytest.mark.asyncio
async def test_malformed_json(li_bench: LinkedInBench) -> None:
    li_bench.sandbox.faults.malformed_json = 1
    assert isinstance(await li_bench.adapter.verify(), Transient)
    request = _request("Afiş", media=(li_bench.image(),))
    li_bench.sandbox.faults.malformed_json = 1  # the initializeUpload answer
    outcome = await li_bench.adapter.publish(request)
    assert isinstance(outcome, Transient)
    assert "malformed JSON" in outcome.detail
    again = await li_bench.adapter.publish(request)
    assert isinstance(again, Published)
    li_bench.sandbox.faults.malformed_json = 1
    assert isinstance(await li_bench.adapter.fetch_inbox(None), Transient)
    li_bench.sandbox.faults.malformed_json = 1
    assert isinstance(await li_bench.adapter.metrics([again.remote_id]), Transient)
    li_bench.sandbox.faults.malformed_json = 1  # a 201 carries its URN in a header: the body is not read
    assert isinstance(await li_bench.adapter.publish(_request("Başka")), Published)


@pytest.mark.asyncio
async def test_api_version_rules(li_bench: LinkedInBench) -> None:
    retired = li_bench.adapter_with(settings={"linkedin_version": "202501"})
    outcome = await retired.publish(_request())
    assert outcome == Rejected(
        "api_version_retired",
        "Requested version 202501 is not active",
        {"status": 426, "error": "NONEXISTENT_VERSION", "version": "202501"},
    )
    future = li_bench.adapter_with(settings={"linkedin_version": "202612"})
    assert isinstance(await future.verify(), Rejected)
    year_old = li_bench.adapter_with(settings={"linkedin_version": "202510"})
    assert isinstance(await year_old.verify(), AccountInfo)
    no_version = await li_bench.raw.get("/rest/organizationAcls?q=roleAssignee", headers={"LinkedIn-Version": ""})
    assert no_version.json()["code"] == "VERSION_MISSING"
    unencoded = await li_bench.raw.get("/rest/posts/urn:li:share:1")
    assert unencoded.status_code == 400
    no_restli = await li_bench.raw.get(
        "/rest/organizationAcls?q=roleAssignee", headers={"X-Restli-Protocol-Version": ""}
    )
    assert no_restli.status_code == 400


@pytest.mark.asyncio
async def test_persistence_across_restarts(li_bench: LinkedInBench) -> None:
    request = _request("Harita", media=(li_bench.image(alt="Harita"),))
    first = await li_bench.adapter.publish(request)
    assert isinstance(first, Published)
    await li_bench.client.aclose()
    after = li_bench.reopen()
    assert [p.id for p in after.sandbox.published()] == [first.remote_id]
    assert await after.adapter.find_published(request, T0) == first
    dumped = json.loads(json.dumps([p.to_dict() for p in after.sandbox.published()]))
    assert dumped[0]["media"][0]["alt_text"] == "Harita"
    assert TOKEN not in li_bench.path.read_text(encoding="utf-8")
    await after.client.aclose()


# -- answers without the sandbox -------------------------------------------------------------------
def _mock_adapter(handler: Callable[[httpx.Request], httpx.Response]) -> LinkedInAdapter:
    client = httpx.AsyncClient(transport=httpx.MockTransport(handler))
    return LinkedInAdapter(client, {"organization_urn": ORG}, {"access_token": TOKEN}, clock=FakeClock())


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("response", "expected"),
    [
        (httpx.Response(500, text="<html>oops</html>"), Transient),
        (httpx.Response(504, json={"message": "Gateway timeout", "status": 504}), Transient),
        (httpx.Response(201, content=b""), Transient),  # no x-restli-id
        (httpx.Response(401, json={"status": 401, "code": "REVOKED_ACCESS_TOKEN", "message": "revoked"}), AuthExpired),
        (
            httpx.Response(400, json={"status": 400, "code": "ILLEGAL_ARGUMENT", "message": "bad"}),
            Rejected("bad_request", "bad", {"status": 400, "error": "ILLEGAL_ARGUMENT"}),
        ),
        (
            httpx.Response(403, json={"status": 403, "code": "ACCESS_DENIED", "message": "no scope"}),
            Rejected("forbidden", "no scope", {"status": 403, "error": "ACCESS_DENIED"}),
        ),
        (
            httpx.Response(422, json={"status": 422, "message": "ERROR :: /visibility :: bad"}),
            Rejected("validation", "ERROR :: /visibility :: bad", {"status": 422}),
        ),
        (httpx.Response(413, text="Request Entity Too Large"), Rejected),
        (httpx.Response(404, json={"status": 404, "message": "Not Found"}), Rejected),
    ],
)
async def test_answers_map_to_outcomes(response: httpx.Response, expected: Any) -> None:
    outcome = await _mock_adapter(lambda request: response).publish(_request())
    if isinstance(expected, type):
        assert isinstance(outcome, expected), outcome
    else:
        assert outcome == expected


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("headers", "until"),
    [
        ({}, MIDNIGHT),
        ({"Retry-After": "90"}, T0 + timedelta(seconds=90)),
        ({"Retry-After": "Tue, 01 Sep 2026 09:00:00 GMT"}, T0 + timedelta(hours=1)),
        ({"Retry-After": "later"}, MIDNIGHT),
    ],
)
async def test_rate_limit_time(headers: dict[str, str], until: datetime) -> None:
    outcome = await _mock_adapter(lambda request: httpx.Response(429, headers=headers)).publish(_request())
    assert isinstance(outcome, RateLimited)
    assert outcome.until == until


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "error", [httpx.ConnectError("refused"), httpx.ReadTimeout("slow"), httpx.RemoteProtocolError("eof")]
)
async def test_network_errors_are_transient(error: httpx.HTTPError) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise error

    adapter = _mock_adapter(handler)
    assert isinstance(await adapter.publish(_request()), Transient)
    assert isinstance(await adapter.verify(), Transient)
    assert isinstance(await adapter.delete("urn:li:share:1"), Transient)
    assert isinstance(await adapter.fetch_inbox(None), Transient)
    assert isinstance(await adapter.find_published(_request(), T0), Transient)
    assert isinstance(await adapter.metrics(["urn:li:share:1"]), Transient)
    assert isinstance(await adapter.reply("urn:li:share:1", "x", "k"), Transient)


# -- inbox, replies, delete, metrics ---------------------------------------------------------------
@pytest.mark.asyncio
async def test_inbox_comments_and_replies(li_bench: LinkedInBench) -> None:
    post = await li_bench.adapter.publish(_request("Yol çalışması duyurusu"))
    assert isinstance(post, Published)
    sandbox = li_bench.sandbox
    li_bench.clock.advance(minutes=1)
    comment = sandbox.add_citizen_comment(post.remote_id, "Ayşe Yılmaz", "Hangi sokaklar? <b>kalın</b>")
    li_bench.clock.advance(minutes=1)
    reply = sandbox.add_citizen_comment(comment, "Mehmet Demir", "Ben de merak ediyorum")

    page = await li_bench.adapter.fetch_inbox(None)
    assert isinstance(page, InboxPage)
    assert [i.remote_id for i in page.items] == [comment, reply]
    first, second = page.items
    assert (first.kind, first.post_remote_id, first.parent_remote_id) == (
        InboxKind.COMMENT,
        post.remote_id,
        post.remote_id,
    )
    assert first.text == "Hangi sokaklar? <b>kalın</b>"
    assert first.author_handle == sandbox.person("Ayşe Yılmaz")
    assert (second.kind, second.parent_remote_id, second.created_at) == (
        InboxKind.REPLY,
        comment,
        T0 + timedelta(minutes=2),
    )
    assert await li_bench.adapter.fetch_inbox(page.cursor) == InboxPage((), page.cursor)

    answer = await li_bench.adapter.reply(comment, "Kızılay ve Ulus: (detaylar sitede)", "r1")
    assert isinstance(answer, Published)
    body = _body(li_bench.sent("POST", "/rest/socialActions/")[0])
    assert body == {
        "actor": ORG,
        "message": {"text": "Kızılay ve Ulus: (detaylar sitede)"},
        "object": comment.split("(", 1)[1].split(",")[0],
        "parentComment": comment,
    }
    li_bench.clock.advance(minutes=1)
    newer = sandbox.add_citizen_comment(comment, "Ayşe Yılmaz", "Teşekkürler!")
    page2 = await li_bench.adapter.fetch_inbox(page.cursor)
    assert isinstance(page2, InboxPage)
    assert [(i.remote_id, i.kind) for i in page2.items] == [(newer, InboxKind.REPLY)]  # not the page's own answer


@pytest.mark.asyncio
async def test_same_instant_comments_are_not_lost(li_bench: LinkedInBench) -> None:
    post = await li_bench.adapter.publish(_request("Duyuru"))
    assert isinstance(post, Published)
    first = li_bench.sandbox.add_citizen_comment(post.remote_id, "A", "bir")
    page = await li_bench.adapter.fetch_inbox(None)
    assert isinstance(page, InboxPage)
    second = li_bench.sandbox.add_citizen_comment(post.remote_id, "B", "iki")  # the same millisecond
    page2 = await li_bench.adapter.fetch_inbox(page.cursor)
    assert isinstance(page2, InboxPage)
    assert [i.remote_id for i in page.items] == [first]
    assert [i.remote_id for i in page2.items] == [second]


@pytest.mark.asyncio
async def test_first_inbox_read_covers_a_week_of_recent_posts(li_bench: LinkedInBench) -> None:
    old_post = await li_bench.adapter.publish(_request("Eski", idempotency_key="old"))
    assert isinstance(old_post, Published)
    li_bench.sandbox.add_citizen_comment(old_post.remote_id, "A", "çok eski yorum")
    li_bench.clock.advance(days=10)
    late = li_bench.sandbox.add_citizen_comment(old_post.remote_id, "B", "yeni yorum eski gönderide")
    li_bench.clock.advance(days=5)  # the post is now 15 days old: no longer read
    li_bench.sandbox.add_citizen_comment(old_post.remote_id, "C", "görünmeyecek")
    new_post = await li_bench.adapter.publish(_request("Yeni", idempotency_key="new"))
    assert isinstance(new_post, Published)
    fresh = li_bench.sandbox.add_citizen_comment(new_post.remote_id, "D", "yeni")
    page = await li_bench.adapter.fetch_inbox(None)
    assert isinstance(page, InboxPage)
    assert [i.remote_id for i in page.items] == [fresh]
    assert late not in {i.remote_id for i in page.items}


@pytest.mark.asyncio
async def test_inbox_without_the_comments_permission_is_transient() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if "socialActions" in request.url.path:
            return httpx.Response(
                403, json={"status": 403, "code": "ACCESS_DENIED", "message": "r_organization_social"}
            )
        return httpx.Response(
            200, json={"elements": [{"id": "urn:li:share:1", "createdAt": int(T0.timestamp() * 1000)}]}
        )

    outcome = await _mock_adapter(handler).fetch_inbox(None)
    assert isinstance(outcome, Transient)
    assert "r_organization_social" in outcome.detail


@pytest.mark.asyncio
async def test_reply_on_a_post_and_a_retry_after_a_lost_answer(li_bench: LinkedInBench) -> None:
    post = await li_bench.adapter.publish(_request("Duyuru"))
    assert isinstance(post, Published)
    li_bench.sandbox.faults.timeout_after_accept = 1
    lost = await li_bench.adapter.reply(post.remote_id, "Ek bilgi: yarın 10.00", "c1")
    assert isinstance(lost, Transient)
    again = await li_bench.adapter.reply(post.remote_id, "Ek bilgi: yarın 10.00", "c1")
    assert isinstance(again, Published)
    comments = [c for c in li_bench.sandbox.data["comments"].values() if c["post"] == post.remote_id]
    assert [c["urn"] for c in comments] == [again.remote_id]  # one comment, found rather than posted twice
    assert _body(li_bench.sent("POST", "/rest/socialActions/")[0])["object"] == post.remote_id
    as_publish = await li_bench.adapter.publish(_request("Bir ek daha", reply_to=post.remote_id))
    assert isinstance(as_publish, Published)
    assert as_publish.remote_id.startswith("urn:li:comment:(")
    assert isinstance(await li_bench.adapter.reply("urn:li:share:999", "?", "c3"), Rejected)
    bad = await li_bench.adapter.reply("../etc", "?", "c4")
    assert isinstance(bad, Rejected)
    assert bad.code == "bad_id"


@pytest.mark.asyncio
async def test_delete_posts_and_comments(li_bench: LinkedInBench) -> None:
    post = await li_bench.adapter.publish(_request(media=(li_bench.image(),)))
    assert isinstance(post, Published)
    answer = await li_bench.adapter.reply(post.remote_id, "Ek", "c1")
    assert isinstance(answer, Published)
    assert await li_bench.adapter.delete(answer.remote_id) == Done()
    assert li_bench.sandbox.data["comments"] == {}
    [delete_comment] = li_bench.sent("DELETE", "/rest/socialActions/")
    assert delete_comment.url.query == b"actor=urn%3Ali%3Aorganization%3A10000001"
    assert await li_bench.adapter.delete(post.remote_id) == Done()
    assert li_bench.sandbox.published() == []
    assert await li_bench.adapter.delete(post.remote_id) == Done()  # 404: already gone
    bad = await li_bench.adapter.delete("urn:li:organization:1")
    assert isinstance(bad, Rejected)
    assert bad.code == "bad_id"


@pytest.mark.asyncio
async def test_the_page_deletes_a_members_comment_on_its_post(li_bench: LinkedInBench) -> None:
    post = await li_bench.adapter.publish(_request("Duyuru"))
    assert isinstance(post, Published)
    abusive = li_bench.sandbox.add_citizen_comment(post.remote_id, "Ali", "Hakaret")
    li_bench.sandbox.add_citizen_comment(abusive, "Veli", "Katılıyorum")
    kept = li_bench.sandbox.add_citizen_comment(post.remote_id, "Ayşe", "Teşekkürler")
    assert await li_bench.adapter.delete_comment(abusive) == Done()
    assert set(li_bench.sandbox.data["comments"]) == {kept}  # its reply went with it
    [sent] = li_bench.sent("DELETE", "/rest/socialActions/")
    assert sent.url.query == b"actor=urn%3Ali%3Aorganization%3A10000001"
    assert await li_bench.adapter.delete_comment(abusive) == Done()  # 404: already gone
    assert li_bench.sandbox.published()[0].id == post.remote_id
    not_a_comment = await li_bench.adapter.delete_comment(post.remote_id)  # never the post itself
    assert isinstance(not_a_comment, Rejected)
    assert not_a_comment.code == "bad_id"
    assert [p.id for p in li_bench.sandbox.published()] == [post.remote_id]


@pytest.mark.asyncio
async def test_a_comment_on_someone_elses_post_is_refused(li_bench: LinkedInBench) -> None:
    theirs = li_bench.sandbox.add_post_by("urn:li:organization:777", "Başka bir kurumun duyurusu")
    comment = li_bench.sandbox.add_citizen_comment(theirs, "Ali", "Hakaret")
    refused = await li_bench.adapter.delete_comment(comment)
    assert isinstance(refused, Rejected)
    assert (refused.code, refused.data["status"]) == ("forbidden", 403)
    assert comment in li_bench.sandbox.data["comments"]


@pytest.mark.asyncio
async def test_deleting_an_unknown_comment_counts_as_gone(li_bench: LinkedInBench) -> None:
    post = await li_bench.adapter.publish(_request("Duyuru"))
    assert isinstance(post, Published)
    kept = li_bench.sandbox.add_citizen_comment(post.remote_id, "Ayşe", "Teşekkürler")
    activity = li_bench.sandbox.data["posts"][post.remote_id]["activity"]
    assert await li_bench.adapter.delete_comment(f"urn:li:comment:({activity},99999999)") == Done()
    [response] = [answer for sent, answer in li_bench.recorder.exchanges if sent.method == "DELETE"]
    assert response is not None
    assert response.status_code == 404
    assert set(li_bench.sandbox.data["comments"]) == {kept}


@pytest.mark.asyncio
async def test_deleting_a_comment_with_an_expired_token(li_bench: LinkedInBench) -> None:
    post = await li_bench.adapter.publish(_request("Duyuru"))
    assert isinstance(post, Published)
    comment = li_bench.sandbox.add_citizen_comment(post.remote_id, "Ali", "Hakaret")
    stale = li_bench.adapter_with(secrets={"access_token": "eski-jeton"})
    assert isinstance(await stale.delete_comment(comment), AuthExpired)
    li_bench.sandbox.faults.expired_token = True
    assert isinstance(await li_bench.adapter.delete_comment(comment), AuthExpired)
    assert comment in li_bench.sandbox.data["comments"]


@pytest.mark.asyncio
async def test_metrics(li_bench: LinkedInBench) -> None:
    post = await li_bench.adapter.publish(_request("Konser", idempotency_key="p"))
    other = await li_bench.adapter.publish(_request("Sergi", idempotency_key="o"))
    assert isinstance(post, Published)
    assert isinstance(other, Published)
    li_bench.sandbox.add_statistics(post.remote_id, impressions=1200, clicks=40, likes=85, shares=6)
    li_bench.sandbox.add_citizen_comment(post.remote_id, "A", "Harika!")
    metrics = await li_bench.adapter.metrics([post.remote_id, other.remote_id, "urn:li:share:5", "x"])
    assert not isinstance(metrics, Transient)
    assert dict(metrics[post.remote_id].values) == {
        "impressions": 1200,
        "unique_impressions": 1200,
        "clicks": 40,
        "likes": 85,
        "comments": 1,
        "shares": 6,
    }
    assert set(metrics) == {post.remote_id, other.remote_id}
    [request] = li_bench.sent("GET", "/rest/organizationalEntityShareStatistics")
    assert b"shares=List(urn%3Ali%3Ashare%3A" in request.url.query
    assert b"organizationalEntity=urn%3Ali%3Aorganization%3A10000001" in request.url.query
    assert await li_bench.adapter.metrics([]) == {}


# -- the sandbox on its own ------------------------------------------------------------------------
def test_sandbox_state_is_plain_json_and_survives(tmp_path: Path) -> None:
    path = tmp_path / "state" / "linkedin.json"
    sandbox = LinkedInSandbox.open(path, TOKEN, clock=FakeClock())
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["organization"]["localizedName"] == "Örnek Belediyesi"
    reopened = LinkedInSandbox.open(path, "another-token", clock=FakeClock())
    assert reopened.data["token_sha256"] == sandbox.data["token_sha256"]
    assert TOKEN not in path.read_text(encoding="utf-8")


@pytest.mark.asyncio
async def test_sandbox_built_as_the_adapter_factory_builds_it(tmp_path: Path) -> None:
    """``LinkedInSandbox(state=SandboxState(path, {}), faults=…)`` with a sandbox channel's settings
    (only ``base_url``: the page is found through the member's roles)."""
    path = tmp_path / "sandbox" / "channel-4.json"
    sandbox = LinkedInSandbox(state=SandboxState(path, {}), faults=Faults())
    recorder = Recorder(sandbox)
    async with httpx.AsyncClient(transport=recorder) as client:
        adapter = LinkedInAdapter(client, {"base_url": BASE_URL}, {"access_token": "from-keyring"})
        info = await adapter.verify()
        assert isinstance(info, AccountInfo)
        assert info.remote_id == ORG
        posted = await adapter.publish(_request("Deneme (eğitim)"))
        assert isinstance(posted, Published)
        assert posted.permalink.startswith(f"{BASE_URL}/feed/update/urn:li:share:")
        intruder = LinkedInAdapter(client, {"base_url": BASE_URL}, {"access_token": "guess"})
        assert isinstance(await intruder.verify(), AuthExpired)
    assert "from-keyring" not in path.read_text(encoding="utf-8")
    again = LinkedInSandbox(state=SandboxState(path, {}), faults=Faults())
    assert [(p.id, p.text) for p in again.published()] == [(posted.remote_id, "Deneme (eğitim)")]
    assert [p for r, a in recorder.exchanges for p in protocol_errors(r) + _check(a)] == []
