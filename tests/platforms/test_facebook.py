"""Facebook Page adapter against the Facebook Graph sandbox, and the sandbox on its own.

Hermetic: the adapter's client runs on the in-process sandbox transport (or an
``httpx.MockTransport`` for answers the sandbox never gives); time comes from a fake clock and the
video poller's sleeps are recorded, not waited. Meta publishes no machine-readable spec, so every
request the adapter sends is checked against what the Graph API documents for all calls: the
pinned version in the path, the token in the ``Authorization`` header and never in a URL.
"""

from __future__ import annotations

import io
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
from PIL import Image

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
from kurum_masaustu.platforms.facebook import FacebookAdapter
from kurum_masaustu.platforms.meta_common import graph_failure, parse_graph_error, usage_percent
from kurum_masaustu.platforms.sandbox.core import Faults, SandboxState
from kurum_masaustu.platforms.sandbox.facebook import FacebookSandbox, parse_fields

TOKEN = "EAAsandbox-page-token-for-tests-0123456789"
HOST = "graph.facebook.sandbox.invalid"
BASE_URL = f"https://{HOST}"
T0 = datetime(2026, 9, 1, 8, 0, 0, tzinfo=UTC)
MP4 = b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 64


def jpeg(width: int = 1080, height: int = 1080, color: str = "navy") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), color).save(out, "JPEG", quality=70)
    return out.getvalue()


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
    """Passes the adapter's requests to another transport and keeps every exchange."""

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


def graph_problems(request: httpx.Request) -> list[str]:
    """What is wrong with a request by the Graph API's general rules (and ours: no token in URLs)."""
    problems = []
    if "access_token" in request.url.params:
        problems.append(f"token in the URL: {request.method} {request.url.path}")
    if not request.headers.get("authorization", "").startswith("Bearer "):
        problems.append(f"no bearer token: {request.method} {request.url.path}")
    if not request.url.path.startswith("/v25.0/"):
        problems.append(f"not the pinned version: {request.url.path}")
    if request.url.host != HOST:
        problems.append(f"left the Graph host: {request.url}")
    return problems


@dataclass
class FbBench:
    path: Path
    clock: FakeClock
    sandbox: FacebookSandbox
    recorder: Recorder
    client: httpx.AsyncClient
    raw: httpx.AsyncClient  # straight to the sandbox, not checked
    adapter: FacebookAdapter
    sleeps: list[float]
    media_dir: Path

    def sent(self, method: str, path_part: str) -> list[httpx.Request]:
        return [r for r, _ in self.recorder.exchanges if r.method == method and path_part in r.url.path]

    def image(self, name: str = "foto.jpg", alt: str = "", **size: int) -> MediaFile:
        path = self.media_dir / name
        path.write_bytes(jpeg(**size))
        return MediaFile(path, "image/jpeg", alt_text=alt)

    def video(self, name: str = "video.mp4", data: bytes = MP4) -> MediaFile:
        path = self.media_dir / name
        path.write_bytes(data)
        return MediaFile(path, "video/mp4", alt_text="Kısa video")

    def adapter_with(self, **settings: Any) -> FacebookAdapter:
        return _adapter(self.client, self.clock, self.sleeps, **settings)

    def reopen(self) -> FbBench:
        sandbox = FacebookSandbox.open(self.path, TOKEN, clock=self.clock)
        recorder = Recorder(sandbox, self.recorder.exchanges)
        client = httpx.AsyncClient(transport=recorder)
        return FbBench(
            self.path,
            self.clock,
            sandbox,
            recorder,
            client,
            self.raw,
            _adapter(client, self.clock, self.sleeps),
            self.sleeps,
            self.media_dir,
        )


def _adapter(
    client: httpx.AsyncClient, clock: FakeClock, sleeps: list[float], token: str = TOKEN, **settings: Any
) -> FacebookAdapter:
    async def sleep(seconds: float) -> None:
        sleeps.append(seconds)

    return FacebookAdapter(
        client, {"base_url": BASE_URL, **settings}, {"page_access_token": token}, sleep=sleep, clock=clock
    )


@pytest_asyncio.fixture
async def fb(tmp_path: Path) -> AsyncIterator[FbBench]:
    clock = FakeClock()
    path = tmp_path / "profile" / "sandbox" / "facebook.json"
    sandbox = FacebookSandbox.open(path, TOKEN, clock=clock)
    recorder = Recorder(sandbox)
    client = httpx.AsyncClient(transport=recorder)
    raw = httpx.AsyncClient(
        transport=sandbox, base_url=f"{BASE_URL}/v25.0", headers={"Authorization": f"OAuth {TOKEN}"}
    )
    sleeps: list[float] = []
    media_dir = tmp_path / "media"
    media_dir.mkdir()
    bench = FbBench(path, clock, sandbox, recorder, client, raw, _adapter(client, clock, sleeps), sleeps, media_dir)
    yield bench
    await client.aclose()
    await raw.aclose()
    problems = [p for request, _ in recorder.exchanges for p in graph_problems(request)]
    assert recorder.exchanges, "the adapter sent nothing"
    assert not problems, "requests that break the Graph API's rules:\n" + "\n".join(problems)


def _request(text: str = "Yarın 09.00–13.00 arası Çankaya'da su kesintisi.", **kwargs: Any) -> PublishRequest:
    kwargs.setdefault("idempotency_key", f"delivery-{zlib.crc32(text.encode()):08x}")
    return PublishRequest(text=text, **kwargs)


def _form(request: httpx.Request) -> dict[str, str]:
    from urllib.parse import parse_qsl

    return dict(parse_qsl(request.content.decode("utf-8"), keep_blank_values=True))


# -- settings ------------------------------------------------------------------------------------
def test_settings_are_checked() -> None:
    client = httpx.AsyncClient()
    adapter = FacebookAdapter(client, {}, {"page_access_token": "t"})
    assert adapter.graph_url == "https://graph.facebook.com/v25.0"
    assert adapter.video_url == "https://graph-video.facebook.com/v25.0"
    pinned = FacebookAdapter(client, {"graph_version": "v26.0", "page_id": "123"}, {"page_access_token": "t"})
    assert pinned.graph_url.endswith("/v26.0")
    for bad in ({"graph_version": "25"}, {"page_id": "belediye"}, {"base_url": "graph.facebook.com"}):
        with pytest.raises(ValueError, match=r"graph_version|page_id|base_url"):
            FacebookAdapter(client, bad, {"page_access_token": "t"})


def test_field_expansion_syntax() -> None:
    specs = parse_fields("id,from{id,name},comments.limit(2).summary(true){message}")
    assert [s.name for s in specs] == ["id", "from", "comments"]
    assert [s.name for s in specs[1].sub or ()] == ["id", "name"]
    assert specs[2].modifiers == {"limit": "2", "summary": "true"}
    for bad in ("id,", "a{b", "a.limit(2"):
        with pytest.raises(Exception, match="Syntax error"):
            parse_fields(bad)


# -- account ------------------------------------------------------------------------------------
@pytest.mark.asyncio
async def test_verify_finds_the_page_behind_a_page_token(fb: FbBench) -> None:
    info = await fb.adapter.verify()
    assert info == AccountInfo("104400000000001", "@ornekbelediyesi", "Örnek Belediyesi")
    [sent] = fb.sent("GET", "/me")
    assert sent.headers["authorization"] == f"Bearer {TOKEN}"
    assert sent.url.params["fields"] == "id,name,username,link,category"
    configured = fb.adapter_with(page_id="104400000000001")
    assert await configured.verify() == info
    assert fb.sent("GET", "/v25.0/104400000000001")


@pytest.mark.asyncio
async def test_a_token_that_is_not_a_page_token_asks_for_the_page_id() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            400,
            json={
                "error": {
                    "message": "(#100) Tried accessing nonexisting field (category) on node type (User)",
                    "type": "OAuthException",
                    "code": 100,
                    "fbtrace_id": "AbC",
                }
            },
        )

    adapter = FacebookAdapter(
        httpx.AsyncClient(transport=httpx.MockTransport(handler)), {}, {"page_access_token": "system-user"}
    )
    outcome = await adapter.verify()
    assert isinstance(outcome, Rejected)
    assert outcome.code == "page_id_required"
    assert isinstance(await adapter.publish(_request()), Rejected)


@pytest.mark.asyncio
async def test_wrong_or_missing_token(fb: FbBench) -> None:
    intruder = _adapter(fb.client, fb.clock, fb.sleeps, token="someone-elses")
    assert await intruder.verify() == AuthExpired("Invalid OAuth access token - Cannot parse access token")
    assert isinstance(await intruder.publish(_request()), AuthExpired)
    empty = FacebookAdapter(fb.client, {"base_url": BASE_URL}, {})
    before = len(fb.recorder.exchanges)
    assert isinstance(await empty.publish(_request()), AuthExpired)
    assert len(fb.recorder.exchanges) == before  # nothing was sent
    assert fb.sandbox.published() == []


@pytest.mark.asyncio
async def test_token_is_not_written_to_the_state_file(fb: FbBench) -> None:
    await fb.adapter.publish(_request())
    text = fb.path.read_text(encoding="utf-8")
    assert TOKEN not in text
    assert json.loads(text)["token_sha256"]


# -- publishing ----------------------------------------------------------------------------------
@pytest.mark.asyncio
async def test_publish_text(fb: FbBench) -> None:
    request = _request("Cumhuriyet Bayramı kutlu olsun! #ResmiDuyuru")
    outcome = await fb.adapter.publish(request)
    assert isinstance(outcome, Published)
    assert not outcome.scheduled
    assert outcome.remote_id.startswith("104400000000001_")
    assert outcome.permalink == f"https://www.facebook.com/ornekbelediyesi/posts/{outcome.remote_id.split('_')[1]}"
    [post] = fb.sandbox.published()
    assert (post.id, post.text, post.kind, post.created_at) == (outcome.remote_id, request.text, "text", T0)
    [sent] = fb.sent("POST", "/feed")
    assert _form(sent) == {"message": request.text}


@pytest.mark.asyncio
async def test_link_goes_in_the_link_field(fb: FbBench) -> None:
    link = "https://www.ankara.bel.tr/duyuru/1"
    outcome = await fb.adapter.publish(_request("Ayrıntılar sitemizde.", link=link))
    assert isinstance(outcome, Published)
    assert _form(fb.sent("POST", "/feed")[0]) == {"message": "Ayrıntılar sitemizde.", "link": link}
    [post] = fb.sandbox.published()
    assert (post.kind, post.link, post.text) == ("link", link, "Ayrıntılar sitemizde.")
    unreachable = await fb.adapter.publish(_request("Bozuk", link="https://kapali.belediye.invalid/x"))
    assert isinstance(unreachable, Rejected)
    assert unreachable.code == "link_unreachable"


@pytest.mark.asyncio
async def test_single_photo_is_a_photo_post(fb: FbBench) -> None:
    request = _request("Yeni park açıldı", media=(fb.image("park.jpg"),), link="https://www.ornek.bel.tr/park")
    outcome = await fb.adapter.publish(request)
    assert isinstance(outcome, Published)
    [upload] = fb.sent("POST", "/photos")
    assert b'name="source"; filename="media1.jpg"' in upload.content
    assert b"Yeni park a\xc3\xa7\xc4\xb1ld\xc4\xb1\n\nhttps://www.ornek.bel.tr/park" in upload.content
    assert b'name="published"\r\n\r\ntrue' in upload.content
    [post] = fb.sandbox.published()
    assert post.id == outcome.remote_id  # the post id, not the photo id
    assert post.kind == "photo"
    assert [(m.type, m.mime_type) for m in post.media] == [("photo", "image/jpeg")]
    assert post.media[0].file is not None
    assert Path(post.media[0].file).read_bytes() == request.media[0].path.read_bytes()


@pytest.mark.asyncio
async def test_several_photos_are_attached_to_one_post(fb: FbBench) -> None:
    media = (fb.image("a.jpg", color="red"), fb.image("b.jpg", color="blue"), fb.image("c.jpg", color="green"))
    outcome = await fb.adapter.publish(_request("Festivalden kareler", kind=PostKind.CAROUSEL, media=media))
    assert isinstance(outcome, Published)
    uploads = fb.sent("POST", "/photos")
    assert len(uploads) == 3
    assert all(b'name="published"\r\n\r\nfalse' in u.content for u in uploads)
    feed = _form(fb.sent("POST", "/feed")[0])
    attached = json.loads(feed["attached_media"])
    assert feed["message"] == "Festivalden kareler"
    [post] = fb.sandbox.published()
    assert [m.id for m in post.media] == [a["media_fbid"] for a in attached]
    assert post.kind == "photos"


@pytest.mark.asyncio
async def test_retry_reuses_photos_the_post_never_got(fb: FbBench) -> None:
    request = _request("Tekrar", media=(fb.image("a.jpg"), fb.image("b.jpg", color="red")))
    refused: list[httpx.Request] = []

    async def flaky(request: httpx.Request) -> httpx.Response:  # the first feed POST gets a 500
        if request.url.path.endswith("/feed") and not refused:
            refused.append(request)
            return fb.sandbox.server_error(request)
        return await fb.sandbox.handle_async_request(request)

    fb.recorder.inner = _FnTransport(flaky)
    first = await fb.adapter.publish(request)
    assert isinstance(first, Transient)
    assert "2" in first.detail
    second = await fb.adapter.publish(request)
    assert isinstance(second, Published)
    assert len(fb.sent("POST", "/photos")) == 2  # uploaded once
    assert len(fb.sandbox.published()[0].media) == 2


@pytest.mark.asyncio
async def test_video_is_uploaded_and_its_processing_followed(fb: FbBench) -> None:
    outcome = await fb.adapter.publish(_request("Tanıtım filmi", kind=PostKind.VIDEO, media=(fb.video(),)))
    assert isinstance(outcome, Published)
    assert "_" not in outcome.remote_id  # videos answer with the video id
    assert outcome.permalink == f"https://www.facebook.com/ornekbelediyesi/videos/{outcome.remote_id}/"
    [upload] = fb.sent("POST", "/videos")
    assert b'name="description"\r\n\r\nTan' in upload.content
    polls = [
        resp.json()["status"]["video_status"]
        for req, resp in fb.recorder.exchanges
        if resp is not None and req.url.path.endswith(f"/{outcome.remote_id}")
    ]
    assert polls == ["processing", "ready"]
    assert fb.sleeps == [2, 3]
    [post] = fb.sandbox.published()
    assert (post.kind, post.text, [m.type for m in post.media]) == ("video", "Tanıtım filmi", ["video"])


@pytest.mark.asyncio
async def test_slow_video_is_still_published(fb: FbBench) -> None:
    fb.sandbox.faults.slow_media_polls = 50
    outcome = await fb.adapter.publish(_request("Yavaş video", media=(fb.video(),)))
    assert isinstance(outcome, Published)  # Facebook has it: never sent twice
    assert len(fb.sleeps) == 6  # bounded


@pytest.mark.asyncio
async def test_video_that_fails_processing_is_rejected(fb: FbBench) -> None:
    broken = fb.video("eski.mp4", b"\x00\x00\x00\x18ftypXYZW" + b"\x00" * 64)
    outcome = await fb.adapter.publish(_request("Bozuk video", media=(broken,)))
    assert isinstance(outcome, Rejected)
    assert outcome.code == "video_processing_failed"
    assert "format" in outcome.platform_message
    not_video = fb.video("metin.mp4", b"not a video at all")
    refused = await fb.adapter.publish(_request("Video değil", media=(not_video,)))
    assert isinstance(refused, Rejected)
    assert refused.code == "graph_352"


@pytest.mark.asyncio
async def test_photo_over_four_megabytes_is_refused(fb: FbBench) -> None:
    fb.sandbox.state.data["limits"]["photo_max_bytes"] = 1000
    outcome = await fb.adapter.publish(_request("Büyük", media=(fb.image(),)))
    assert isinstance(outcome, Rejected)
    assert (outcome.code, outcome.data["error_subcode"]) == ("invalid_parameter", 1366046)


@pytest.mark.asyncio
async def test_what_a_page_post_cannot_be(fb: FbBench) -> None:
    cases = [
        (_request(kind=PostKind.STORY, media=(fb.image(),)), "unsupported"),
        (_request(kind=PostKind.REEL, media=(fb.video(),)), "unsupported"),
        (_request(kind=PostKind.POLL, poll=Poll(("Evet", "Hayır"), 60)), "unsupported"),
        (_request(media=(fb.image(), fb.video())), "mixed_media"),
        (_request(media=(fb.video("a.mp4"), fb.video("b.mp4"))), "too_many_media"),
        (_request(media=(MediaFile(fb.media_dir / "x.pdf", "application/pdf"),)), "unsupported"),
        (_request(reply_to="../me"), "bad_id"),
    ]
    for request, code in cases:
        outcome = await fb.adapter.publish(request)
        assert isinstance(outcome, Rejected), request
        assert outcome.code == code
    assert fb.recorder.exchanges == []
    missing = await fb.adapter.publish(_request(media=(MediaFile(fb.media_dir / "gone.jpg", "image/jpeg"),)))
    assert isinstance(missing, Rejected)
    assert missing.code == "media_unreadable"


@pytest.mark.asyncio
async def test_duplicate_status_message(fb: FbBench) -> None:
    first = await fb.adapter.publish(_request("Aynı metin", idempotency_key="a"))
    assert isinstance(first, Published)
    second = await fb.adapter.publish(_request("Aynı metin", idempotency_key="b"))
    assert isinstance(second, Rejected)
    assert (second.code, second.platform_message) == ("duplicate", "(#506) Duplicate status message")
    assert second.data["code"] == 506
    assert second.data["fbtrace_id"]


# -- native scheduling ---------------------------------------------------------------------------
@pytest.mark.asyncio
async def test_scheduled_post_is_handed_to_facebook(fb: FbBench) -> None:
    when = T0 + timedelta(days=2)
    request = _request("29 Ekim programı", scheduled_at=when)
    outcome = await fb.adapter.publish(request)
    assert isinstance(outcome, Published)
    assert outcome.scheduled
    assert _form(fb.sent("POST", "/feed")[0]) == {
        "message": "29 Ekim programı",
        "published": "false",
        "scheduled_publish_time": str(int(when.timestamp())),
    }
    [waiting] = fb.sandbox.published()
    assert (waiting.scheduled, waiting.created_at) == (True, when)
    assert await fb.adapter.find_published(request, T0) == outcome  # in scheduled_posts

    fb.clock.advance(days=2, minutes=1)  # the laptop was closed; Facebook posted it
    found = await fb.adapter.find_published(request, T0)
    assert found == Published(outcome.remote_id, outcome.permalink)  # the same id, now published
    [posted] = fb.sandbox.published()
    assert (posted.scheduled, posted.created_at) == (False, when)


@pytest.mark.asyncio
async def test_scheduled_photos(fb: FbBench) -> None:
    when = T0 + timedelta(hours=5)
    outcome = await fb.adapter.publish(_request("Afiş", scheduled_at=when, media=(fb.image(alt="Afiş"),)))
    assert isinstance(outcome, Published)
    assert outcome.scheduled
    [upload] = fb.sent("POST", "/photos")
    assert b'name="temporary"\r\n\r\ntrue' in upload.content
    [waiting] = fb.sandbox.published()
    assert waiting.scheduled
    assert len(waiting.media) == 1


def _multipart_field(request: httpx.Request, name: str) -> str | None:
    """A multipart form field's value as sent (None: the field was not sent at all)."""
    marker = f'name="{name}"\r\n\r\n'.encode()
    if marker not in request.content:
        return None
    value = request.content.split(marker, 1)[1].split(b"\r\n--", 1)[0]
    return value.decode("utf-8")


async def _alt_read_back(fb: FbBench, photo_id: str) -> str | None:
    """The photo's ``alt_text_custom`` as the Graph API answers it (None: the field is absent)."""
    got = await fb.raw.get(f"/{photo_id}", params={"fields": "id,alt_text_custom"})
    assert got.status_code == 200, got.text
    value = got.json().get("alt_text_custom")
    return value if value is None else str(value)


@pytest.mark.asyncio
async def test_a_single_photo_carries_its_alt_text(fb: FbBench) -> None:
    alt = "Atatürk Parkı'nda yeni çocuk oyun alanı; kaydıraklar ve salıncaklar"
    outcome = await fb.adapter.publish(_request("Yeni oyun alanı", media=(fb.image("park.jpg", alt=alt),)))
    assert isinstance(outcome, Published)
    [upload] = fb.sent("POST", "/photos")
    assert _multipart_field(upload, "alt_text_custom") == alt
    [post] = fb.sandbox.published()
    assert [m.alt_text for m in post.media] == [alt]
    assert await _alt_read_back(fb, post.media[0].id) == alt


@pytest.mark.asyncio
async def test_each_photo_of_a_post_carries_its_own_alt_text_and_one_without_sends_none(fb: FbBench) -> None:
    media = (
        fb.image("a.jpg", alt="Festival alanında halk oyunları ekibi", color="red"),
        fb.image("b.jpg", alt="", color="blue"),
        fb.image("c.jpg", alt="  \n", color="green"),  # only blanks: nothing to say either
        fb.image("d.jpg", alt="Konser sahnesi, önünde kalabalık", color="white"),
    )
    outcome = await fb.adapter.publish(_request("Festivalden kareler", kind=PostKind.CAROUSEL, media=media))
    assert isinstance(outcome, Published)
    uploads = fb.sent("POST", "/photos")
    assert [_multipart_field(u, "alt_text_custom") for u in uploads] == [
        "Festival alanında halk oyunları ekibi",
        None,
        None,
        "Konser sahnesi, önünde kalabalık",
    ]
    assert all(_multipart_field(u, "published") == "false" for u in uploads)
    [post] = fb.sandbox.published()
    assert [await _alt_read_back(fb, m.id) for m in post.media] == [
        "Festival alanında halk oyunları ekibi",
        None,
        None,
        "Konser sahnesi, önünde kalabalık",
    ]


@pytest.mark.asyncio
async def test_a_scheduled_photo_post_carries_the_alt_text(fb: FbBench) -> None:
    when = T0 + timedelta(hours=5)
    alt = "Kurban Bayramı programı afişi: 09.00 bayram namazı, 11.00 ikram"
    outcome = await fb.adapter.publish(_request("Bayram programı", scheduled_at=when, media=(fb.image(alt=alt),)))
    assert isinstance(outcome, Published)
    assert outcome.scheduled
    [upload] = fb.sent("POST", "/photos")
    assert _multipart_field(upload, "temporary") == "true"
    assert _multipart_field(upload, "alt_text_custom") == alt
    [waiting] = fb.sandbox.published()
    assert await _alt_read_back(fb, waiting.media[0].id) == alt


@pytest.mark.asyncio
async def test_a_photo_without_alt_text_sends_no_field(fb: FbBench) -> None:
    outcome = await fb.adapter.publish(_request("Yeni park açıldı", media=(fb.image("park.jpg"),)))
    assert isinstance(outcome, Published)
    [upload] = fb.sent("POST", "/photos")
    assert _multipart_field(upload, "alt_text_custom") is None
    assert b"alt_text" not in upload.content
    [post] = fb.sandbox.published()
    assert await _alt_read_back(fb, post.media[0].id) is None


@pytest.mark.asyncio
async def test_scheduling_window(fb: FbBench) -> None:
    soon = await fb.adapter.publish(_request(scheduled_at=T0 + timedelta(minutes=9)))
    assert isinstance(soon, Rejected)
    assert soon.code == "schedule_too_soon"
    far = await fb.adapter.publish(_request(scheduled_at=T0 + timedelta(days=76)))
    assert isinstance(far, Rejected)
    assert (far.code, far.data) == ("schedule_too_far", {"max_days": 75})
    assert fb.recorder.exchanges == []
    # The adapter allows 75 days; the sandbox keeps the reference's default of 30 (configurable).
    refused = await fb.adapter.publish(_request("40 gün sonra", scheduled_at=T0 + timedelta(days=40)))
    assert refused == Rejected(
        "invalid_parameter",
        "(#100) The specified scheduled publish time is invalid.",
        refused.data if isinstance(refused, Rejected) else {},
    )
    fb.sandbox.state.data["limits"]["max_schedule_days"] = 75
    assert isinstance(
        await fb.adapter.publish(_request("40 gün sonra", scheduled_at=T0 + timedelta(days=40))), Published
    )
    late = await fb.adapter.publish(_request("Geç kaldı", scheduled_at=T0 - timedelta(minutes=5)))
    assert isinstance(late, Published)
    assert not late.scheduled


@pytest.mark.asyncio
async def test_sandbox_refuses_a_schedule_on_a_published_post(fb: FbBench) -> None:
    response = await fb.raw.post(
        f"/{fb.sandbox.page_id}/feed", data={"message": "x", "scheduled_publish_time": str(int(T0.timestamp()) + 3600)}
    )
    assert response.status_code == 400
    error = response.json()["error"]
    assert (error["code"], error["type"]) == (100, "OAuthException")
    assert error["message"] == "(#100) Cannot specify a scheduled publish time on a published post"
    assert error["fbtrace_id"]
    await fb.adapter.verify()


# -- delete -------------------------------------------------------------------------------------
@pytest.mark.asyncio
async def test_delete(fb: FbBench) -> None:
    outcome = await fb.adapter.publish(_request(media=(fb.image(),)))
    assert isinstance(outcome, Published)
    assert await fb.adapter.delete(outcome.remote_id) == Done()
    assert fb.sandbox.published() == []
    assert await fb.adapter.delete(outcome.remote_id) == Done()  # 100/33: already gone
    assert isinstance(await fb.adapter.delete("../../me"), Rejected)


@pytest.mark.asyncio
async def test_a_scheduled_post_cannot_be_deleted_in_its_last_three_minutes(fb: FbBench) -> None:
    outcome = await fb.adapter.publish(_request("Yakında", scheduled_at=T0 + timedelta(minutes=20)))
    assert isinstance(outcome, Published)
    fb.clock.advance(minutes=18)
    refused = await fb.adapter.delete(outcome.remote_id)
    assert isinstance(refused, Rejected)
    assert refused.code == "invalid_parameter"
    fb.clock.advance(minutes=5)
    assert [p.scheduled for p in fb.sandbox.published()] == [False]


# -- faults ---------------------------------------------------------------------------------------
@pytest.mark.asyncio
async def test_timeout_after_accept_then_found(fb: FbBench) -> None:
    request = _request()
    fb.sandbox.faults.timeout_after_accept = 1
    outcome = await fb.adapter.publish(request)
    assert isinstance(outcome, Transient)
    assert "timeout" in outcome.detail
    [posted] = fb.sandbox.published()
    fb.clock.advance(minutes=2)
    found = await fb.adapter.find_published(request, T0)
    assert found == Published(posted.id, posted.permalink)
    assert len(fb.sandbox.published()) == 1


@pytest.mark.asyncio
async def test_timeout_during_a_photo_upload_is_transient_and_the_retry_posts_once(fb: FbBench) -> None:
    request = _request("Tek gönderi", media=(fb.image("a.jpg"), fb.image("b.jpg", color="red")))
    fb.sandbox.faults.timeout_after_accept = 1  # the first photo arrives, its answer is lost
    assert isinstance(await fb.adapter.publish(request), Transient)
    assert await fb.adapter.find_published(request, T0) is None  # an unpublished photo is no post
    assert isinstance(await fb.adapter.publish(request), Published)
    assert len(fb.sandbox.published()) == 1


@pytest.mark.asyncio
async def test_server_error_is_transient_and_nothing_was_posted(fb: FbBench) -> None:
    fb.sandbox.faults.server_errors = 1
    outcome = await fb.adapter.publish(_request())
    assert isinstance(outcome, Transient)
    assert "An unexpected error has occurred" in outcome.detail
    assert fb.sandbox.published() == []
    assert isinstance(await fb.adapter.publish(_request()), Published)


@pytest.mark.asyncio
async def test_rate_limit_fault_uses_the_business_use_case_header(fb: FbBench) -> None:
    fb.sandbox.faults.rate_limit_seconds = 120
    outcome = await fb.adapter.publish(_request())
    assert isinstance(outcome, RateLimited)
    assert outcome.until == T0 + timedelta(minutes=2)
    assert "too many calls to this Page" in outcome.detail
    assert isinstance(await fb.adapter.fetch_inbox(None), RateLimited)
    assert isinstance(await fb.adapter.find_published(_request(), T0), RateLimited)
    fb.sandbox.faults.rate_limit_seconds = None
    assert isinstance(await fb.adapter.publish(_request()), Published)


@pytest.mark.asyncio
async def test_business_use_case_quota(fb: FbBench) -> None:
    fb.sandbox.state.data["limits"]["buc_calls_per_day"] = 5
    for _ in range(4):
        response = await fb.raw.get("/me")
        assert response.status_code == 200
        usage = json.loads(response.headers["x-business-use-case-usage"])
        assert usage[fb.sandbox.page_id][0]["type"] == "pages"
        assert json.loads(response.headers["x-app-usage"])["call_count"] >= 0
    assert isinstance(await fb.adapter.verify(), AccountInfo)  # the 5th call
    fb.clock.advance(hours=1)
    outcome = await fb.adapter.publish(_request())
    assert outcome == RateLimited(
        T0 + timedelta(days=1), outcome.detail if isinstance(outcome, RateLimited) else ""
    )  # the first call leaves the 24 h window then
    response = await fb.raw.get("/me")
    assert response.json()["error"]["code"] == 80001
    assert usage_percent(response) == 100
    fb.clock.advance(hours=23, seconds=1)
    assert isinstance(await fb.adapter.publish(_request()), Published)


@pytest.mark.asyncio
async def test_expired_token(fb: FbBench) -> None:
    fb.sandbox.faults.expired_token = True
    outcome = await fb.adapter.publish(_request())
    assert isinstance(outcome, AuthExpired)
    assert outcome.detail.startswith("Error validating access token: Session has expired")
    assert isinstance(await fb.adapter.verify(), AuthExpired)
    assert isinstance(await fb.adapter.delete("1_2"), AuthExpired)
    assert isinstance(await fb.adapter.find_published(_request(), T0), AuthExpired)
    assert isinstance(await fb.adapter.fetch_inbox(None), AuthExpired)
    response = await fb.raw.get("/me")
    error = response.json()["error"]
    assert (error["code"], error["error_subcode"], error["type"]) == (190, 463, "OAuthException")
    assert response.headers["www-authenticate"].startswith('OAuth "Facebook Platform" "invalid_token"')


@pytest.mark.asyncio
async def test_malformed_json_is_transient_and_reconciled(fb: FbBench) -> None:
    request = _request()
    await fb.adapter.verify()
    fb.sandbox.faults.malformed_json = 1
    outcome = await fb.adapter.publish(request)
    assert isinstance(outcome, Transient)
    assert "malformed JSON" in outcome.detail
    found = await fb.adapter.find_published(request, T0)
    assert isinstance(found, Published)
    assert [p.id for p in fb.sandbox.published()] == [found.remote_id]
    fb.sandbox.faults.malformed_json = 1
    assert isinstance(await fb.adapter.fetch_inbox(None), Transient)
    fb.sandbox.faults.malformed_json = 1
    assert isinstance(await fb.adapter.metrics([found.remote_id]), Transient)


@pytest.mark.asyncio
async def test_find_published_matches_only_our_post(fb: FbBench) -> None:
    older = _request("Eski duyuru", idempotency_key="old")
    assert isinstance(await fb.adapter.publish(older), Published)
    fb.clock.advance(hours=2)
    assert await fb.adapter.find_published(older, fb.clock()) is None  # created before since
    assert await fb.adapter.find_published(_request("Hiç gönderilmedi"), T0) is None
    spaced = _request("  Eski   duyuru\n", idempotency_key="spaced")
    assert isinstance(await fb.adapter.find_published(spaced, T0), Published)  # whitespace folded


@pytest.mark.asyncio
async def test_find_published_pages_back(fb: FbBench) -> None:
    target = _request("Aranan gönderi", idempotency_key="target")
    wanted = await fb.adapter.publish(target)
    for n in range(30):
        fb.clock.advance(seconds=10)
        await fb.adapter.publish(_request(f"Sonraki {n}", idempotency_key=f"n{n}"))
    assert await fb.adapter.find_published(target, T0) == wanted
    pages = fb.sent("GET", "/published_posts")
    assert len(pages) == 2
    assert "after" in pages[1].url.params


@pytest.mark.asyncio
async def test_find_published_video_and_reply(fb: FbBench) -> None:
    video = _request("Video duyuru", media=(fb.video(),))
    fb.sandbox.faults.timeout_after_accept = 1
    assert isinstance(await fb.adapter.publish(video), Transient)
    found = await fb.adapter.find_published(video, T0)
    assert isinstance(found, Published)
    assert "_" not in found.remote_id  # the video id, as publish gives it
    post = await fb.adapter.publish(_request("Gönderi", idempotency_key="p"))
    assert isinstance(post, Published)
    answer = _request("Teşekkürler!", reply_to=post.remote_id, idempotency_key="r")
    fb.sandbox.faults.timeout_after_accept = 1
    assert isinstance(await fb.adapter.publish(answer), Transient)
    comment = await fb.adapter.find_published(answer, T0)
    assert isinstance(comment, Published)
    assert fb.sandbox.comment(comment.remote_id)["message"] == "Teşekkürler!"


@pytest.mark.asyncio
async def test_persistence_across_restarts(fb: FbBench) -> None:
    request = _request("Kalıcı", media=(fb.image(alt="Harita"),))
    first = await fb.adapter.publish(request)
    scheduled = await fb.adapter.publish(_request("Sonra", scheduled_at=T0 + timedelta(hours=3)))
    assert isinstance(first, Published)
    assert isinstance(scheduled, Published)
    await fb.client.aclose()
    after = fb.reopen()
    assert [(p.id, p.scheduled) for p in after.sandbox.published()] == [
        (first.remote_id, False),
        (scheduled.remote_id, True),
    ]
    assert await after.adapter.find_published(request, T0) == first
    await after.client.aclose()


# -- answers the sandbox never gives ----------------------------------------------------------------
def _mock_adapter(handler: Callable[[httpx.Request], httpx.Response], **settings: Any) -> FacebookAdapter:
    client = httpx.AsyncClient(transport=httpx.MockTransport(handler))
    return FacebookAdapter(
        client, {"page_id": "1", **settings}, {"page_access_token": TOKEN}, clock=FakeClock(), sleep=_no_sleep
    )


async def _no_sleep(seconds: float) -> None:
    return None


def _graph_error(code: int, subcode: int | None = None, status: int = 400, **extra: Any) -> httpx.Response:
    error: dict[str, Any] = {"message": f"error {code}", "type": "OAuthException", "code": code, "fbtrace_id": "x"}
    if subcode is not None:
        error["error_subcode"] = subcode
    error.update(extra)
    return httpx.Response(status, json={"error": error})


BUC = json.dumps({"1": [{"type": "pages", "call_count": 100, "estimated_time_to_regain_access": 7}]})


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("response", "expected", "code"),
    [
        (_graph_error(190, 463), AuthExpired, None),
        (_graph_error(190, 460), AuthExpired, None),
        (_graph_error(102), AuthExpired, None),
        (_graph_error(200), AuthExpired, None),  # publishing permission: the person reconnects
        (_graph_error(10), AuthExpired, None),
        (_graph_error(368), RateLimited, None),
        (_graph_error(4, status=403), RateLimited, None),  # branch on the code, not the status
        (_graph_error(17), RateLimited, None),
        (_graph_error(32), RateLimited, None),
        (_graph_error(613, status=429), RateLimited, None),
        (_graph_error(100, 1390008), RateLimited, None),
        (_graph_error(1, status=500), Transient, None),
        (_graph_error(2, status=503), Transient, None),
        (_graph_error(9999, is_transient=True), Transient, None),
        (_graph_error(506), Rejected, "duplicate"),
        (_graph_error(1609005), Rejected, "link_unreachable"),
        (_graph_error(100), Rejected, "invalid_parameter"),
        (_graph_error(100, 33), Rejected, "not_found"),
        (_graph_error(12345), Rejected, "graph_12345"),
        (httpx.Response(500, text="<html>oops</html>"), Transient, None),
        (httpx.Response(200, content=b"<html>captive portal</html>"), Transient, None),
        (httpx.Response(200, json=["not", "a", "post"]), Transient, None),
        (httpx.Response(429, text="slow down"), RateLimited, None),
        (httpx.Response(401, text="no"), AuthExpired, None),
        (httpx.Response(404, text="<html>not found</html>"), Rejected, "http_404"),
    ],
)
async def test_answers_map_to_outcomes(response: httpx.Response, expected: type, code: str | None) -> None:
    outcome = await _mock_adapter(lambda request: response).publish(_request())
    assert isinstance(outcome, expected), outcome
    if code is not None:
        assert isinstance(outcome, Rejected)
        assert outcome.code == code


@pytest.mark.asyncio
async def test_rate_limit_waits(fb: FbBench) -> None:
    await fb.adapter.verify()
    now = T0
    with_buc = httpx.Response(400, json=_graph_error(80001).json(), headers={"X-Business-Use-Case-Usage": BUC})
    assert graph_failure(with_buc, now) == RateLimited(now + timedelta(minutes=7), "error 80001")
    retry = httpx.Response(400, json=_graph_error(4).json(), headers={"Retry-After": "90"})
    assert graph_failure(retry, now) == RateLimited(now + timedelta(seconds=90), "error 4")
    bare = _graph_error(17)
    assert graph_failure(bare, now) == RateLimited(now + timedelta(minutes=15), "error 17")
    blocked = _graph_error(368)
    assert graph_failure(blocked, now) == RateLimited(now + timedelta(hours=1), "error 368")
    actions = _graph_error(200)
    assert isinstance(graph_failure(actions, now, permission_as_auth=False), Rejected)
    parsed = parse_graph_error(_graph_error(190, 463, error_user_msg="Oturum süresi doldu"))
    assert parsed is not None
    assert (parsed.code, parsed.subcode, parsed.user_msg) == (190, 463, "Oturum süresi doldu")


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
    assert isinstance(await adapter.delete("1_2"), Transient)
    assert isinstance(await adapter.hide("2_3"), Transient)
    assert isinstance(await adapter.fetch_inbox(None), Transient)
    assert isinstance(await adapter.find_published(_request(), T0), Transient)
    assert isinstance(await adapter.metrics(["1_2"]), Transient)


@pytest.mark.asyncio
async def test_paging_links_to_another_host_are_not_followed() -> None:
    """A ``paging.next`` must never take our token to another server."""
    hosts: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        hosts.append(request.url.host)
        page = [{"id": f"1_{n}", "message": "x", "created_time": "2026-09-01T08:00:00+0000"} for n in range(25)]
        return httpx.Response(
            200, json={"data": page, "paging": {"next": "https://evil.example/v25.0/1/posts?after=x"}}
        )

    assert await _mock_adapter(handler).find_published(_request("y"), T0) is None
    assert set(hosts) == {"graph.facebook.com"}


@pytest.mark.asyncio
async def test_a_token_in_a_paging_link_is_dropped() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if len(seen) == 1:
            page = [{"id": f"1_{n}", "message": "x", "created_time": "2026-09-01T08:00:00+0000"} for n in range(25)]
            following = "https://graph.facebook.com/v25.0/1/published_posts?access_token=SECRET&after=QQ&limit=25"
            return httpx.Response(200, json={"data": page, "paging": {"next": following}})
        return httpx.Response(200, json={"data": []})

    assert await _mock_adapter(handler).find_published(_request("y"), T0) is None
    assert len(seen) == 2
    assert "SECRET" not in str(seen[1].url)
    assert seen[1].url.params["after"] == "QQ"


# -- inbox, replies, hiding, metrics -----------------------------------------------------------------
@pytest.mark.asyncio
async def test_inbox_comments_and_replies(fb: FbBench) -> None:
    quiet = await fb.adapter.publish(_request("Sessiz duyuru", idempotency_key="quiet"))
    post = await fb.adapter.publish(_request("Yol çalışması duyurusu"))
    assert isinstance(quiet, Published)
    assert isinstance(post, Published)
    sandbox = fb.sandbox
    fb.clock.advance(minutes=1)
    question = sandbox.add_citizen_comment(post.remote_id, "Ayşe Yılmaz", "Hangi sokaklar? <b>acil</b>")
    fb.clock.advance(minutes=1)
    answer = await fb.adapter.reply(question, "Atatürk Cad. ve çevresi.", "reply-1")
    assert isinstance(answer, Published)
    assert "comment_id=" in answer.permalink
    fb.clock.advance(minutes=1)
    follow_up = sandbox.add_citizen_comment(question, "Mehmet Kaya", "Teşekkürler")

    page = await fb.adapter.fetch_inbox(None)
    assert isinstance(page, InboxPage)
    assert page.cursor is not None
    assert [(i.remote_id, i.kind) for i in page.items] == [(question, InboxKind.COMMENT), (follow_up, InboxKind.REPLY)]
    first, second = page.items
    assert (first.author_name, first.author_handle, first.text) == ("Ayşe Yılmaz", "", "Hangi sokaklar? <b>acil</b>")
    assert (first.parent_remote_id, first.post_remote_id) == (post.remote_id, post.remote_id)
    assert (second.parent_remote_id, second.post_remote_id) == (question, post.remote_id)
    assert second.created_at == T0 + timedelta(minutes=3)
    listing = fb.sent("GET", "/comments")[0]
    assert (listing.url.params["filter"], listing.url.params["order"]) == ("stream", "reverse_chronological")

    assert {r.url.path.split("/")[-2] for r in fb.sent("GET", "/comments")} == {quiet.remote_id, post.remote_id}
    before = len(fb.sent("GET", "/comments"))
    assert await fb.adapter.fetch_inbox(page.cursor) == InboxPage((), page.cursor)
    again = fb.sent("GET", "/comments")[before:]
    assert [r.url.path.split("/")[-2] for r in again] == [post.remote_id]  # the quiet post's updated_time is older

    fb.clock.advance(minutes=1)
    newer = sandbox.add_citizen_comment(post.remote_id, "Zeynep", "Su ne zaman gelir?")
    page2 = await fb.adapter.fetch_inbox(page.cursor)
    assert isinstance(page2, InboxPage)
    assert [i.remote_id for i in page2.items] == [newer]


@pytest.mark.asyncio
async def test_inbox_same_second_comments_are_not_lost(fb: FbBench) -> None:
    post = await fb.adapter.publish(_request("Anons"))
    assert isinstance(post, Published)
    one = fb.sandbox.add_citizen_comment(post.remote_id, "A", "bir")
    page = await fb.adapter.fetch_inbox(None)
    assert isinstance(page, InboxPage)
    two = fb.sandbox.add_citizen_comment(post.remote_id, "B", "iki")  # the same second as the cursor
    page2 = await fb.adapter.fetch_inbox(page.cursor)
    assert isinstance(page2, InboxPage)
    assert [i.remote_id for i in page.items] == [one]
    assert [i.remote_id for i in page2.items] == [two]


@pytest.mark.asyncio
async def test_inbox_pages_through_many_comments(fb: FbBench) -> None:
    post = await fb.adapter.publish(_request("Çok yorum"))
    assert isinstance(post, Published)
    fb.sandbox.add_citizen_comment(post.remote_id, "İlk", "ilk")
    first = await fb.adapter.fetch_inbox(None)
    assert isinstance(first, InboxPage)
    made = []
    for n in range(120):
        fb.clock.advance(seconds=1)
        made.append(fb.sandbox.add_citizen_comment(post.remote_id, f"Vatandaş {n}", f"yorum {n}", save=False))
    fb.sandbox.save()
    page = await fb.adapter.fetch_inbox(first.cursor)
    assert isinstance(page, InboxPage)
    assert [i.remote_id for i in page.items] == made
    assert len(fb.sent("GET", "/comments")) == 1 + 3  # 50 + 50 + 21 (the last reaches the cursor)


@pytest.mark.asyncio
async def test_empty_inbox(fb: FbBench) -> None:
    assert await fb.adapter.fetch_inbox(None) == InboxPage((), None)


@pytest.mark.asyncio
async def test_hide_a_comment(fb: FbBench) -> None:
    post = await fb.adapter.publish(_request("Duyuru"))
    assert isinstance(post, Published)
    rude = fb.sandbox.add_citizen_comment(post.remote_id, "Troll", "hakaret")
    assert await fb.adapter.hide(rude) == Done()
    assert fb.sandbox.comment(rude)["is_hidden"] is True
    [sent] = fb.sent("POST", f"/{rude}")
    assert _form(sent) == {"is_hidden": "true"}
    own = await fb.adapter.reply(post.remote_id, "Bilginize", "own")
    assert isinstance(own, Published)
    refused = await fb.adapter.hide(own.remote_id)
    assert isinstance(refused, Rejected)
    assert refused.code == "invalid_parameter"
    gone = await fb.adapter.hide("1_999")
    assert isinstance(gone, Rejected)
    assert gone.code == "not_found"


@pytest.mark.asyncio
async def test_reply_is_not_sent_twice_in_one_run(fb: FbBench) -> None:
    post = await fb.adapter.publish(_request("Duyuru"))
    assert isinstance(post, Published)
    question = fb.sandbox.add_citizen_comment(post.remote_id, "Ayşe", "Soru?")
    first = await fb.adapter.reply(question, "Cevap", "k1")
    assert await fb.adapter.reply(question, "Cevap", "k1") == first
    assert len(fb.sent("POST", "/comments")) == 1
    missing = await fb.adapter.reply("1_424242", "?", "k2")
    assert isinstance(missing, Rejected)
    assert missing.code == "not_found"


@pytest.mark.asyncio
async def test_metrics(fb: FbBench) -> None:
    post = await fb.adapter.publish(_request("Konser duyurusu", idempotency_key="p"))
    gone = await fb.adapter.publish(_request("Silinecek", idempotency_key="g"))
    video = await fb.adapter.publish(_request("Video", idempotency_key="v", media=(fb.video(),)))
    assert isinstance(post, Published)
    assert isinstance(gone, Published)
    assert isinstance(video, Published)
    fb.sandbox.add_reactions(post.remote_id, like=12, love=3)
    fb.sandbox.add_insights(post.remote_id, views=340, clicks=25)
    await fb.adapter.delete(gone.remote_id)
    metrics = await fb.adapter.metrics([post.remote_id, gone.remote_id, video.remote_id])
    assert not isinstance(metrics, Transient)
    assert set(metrics) == {post.remote_id}
    assert dict(metrics[post.remote_id].values) == {
        "post_total_media_view_unique": 340,
        "post_reactions_by_type_total": 15,
        "post_reactions_by_type_total.like": 12,
        "post_reactions_by_type_total.love": 3,
        "post_clicks": 25,
    }


@pytest.mark.asyncio
async def test_metrics_skip_a_metric_facebook_retired() -> None:
    asked: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        metric = request.url.params["metric"]
        asked.append(metric)
        if "post_clicks" in metric:
            return _graph_error(100, message="(#100) The value must be a valid insights metric")
        data = [{"name": m, "period": "lifetime", "values": [{"value": 5}]} for m in metric.split(",")]
        return httpx.Response(200, json={"data": data})

    metrics = await _mock_adapter(handler).metrics(["1_2"])
    assert not isinstance(metrics, Transient)
    assert dict(metrics["1_2"].values) == {"post_total_media_view_unique": 5, "post_reactions_by_type_total": 5}
    assert len(asked) == 4  # all three, then one by one


# -- the sandbox on its own ---------------------------------------------------------------------------
@pytest.mark.asyncio
async def test_sandbox_answers_as_the_graph_api(fb: FbBench) -> None:
    raw = fb.raw
    page_id = fb.sandbox.page_id
    no_field = await raw.get("/me", params={"fields": "id,nope"})
    assert no_field.json()["error"]["message"] == "(#100) Tried accessing nonexisting field (nope) on node type (Page)"
    unknown = await raw.get("/999999")
    assert (unknown.json()["error"]["code"], unknown.json()["error"]["error_subcode"]) == (100, 33)
    assert unknown.json()["error"]["type"] == "GraphMethodException"
    edge = await raw.get(f"/{page_id}/nothing")
    assert edge.json()["error"]["code"] == 2500
    anonymous = await raw.get("/me", headers={"Authorization": ""})
    assert anonymous.json()["error"]["code"] == 2500
    by_param = await raw.get("/me", params={"access_token": TOKEN}, headers={"Authorization": ""})
    assert by_param.json() == {"name": "Örnek Belediyesi", "id": page_id}
    unversioned = await raw.get(f"{BASE_URL}/me")
    assert unversioned.json()["id"] == page_id
    empty = await raw.post(f"/{page_id}/feed", data={})
    assert empty.json()["error"]["message"] == "(#100) Missing message or attachment."
    long = await raw.post(f"/{page_id}/feed", data={"message": "ş" * 63_207})
    assert long.json()["error"]["code"] == 100
    fits = await raw.post(f"/{page_id}/feed", data={"message": "ş" * 63_206})
    assert fits.status_code == 200
    json_body = await raw.post(f"/{page_id}/feed", json={"message": "JSON gövde"})
    assert json_body.status_code == 200
    bad_attach = await raw.post(f"/{page_id}/feed", data={"attached_media": json.dumps([{"media_fbid": "1"}])})
    assert bad_attach.json()["error"]["code"] == 100
    no_file = await raw.post(f"/{page_id}/photos", data={"url": "https://example.org/a.jpg"})
    assert no_file.json()["error"]["code"] == 324
    not_image = await raw.post(f"/{page_id}/photos", files={"source": ("a.jpg", b"text", "image/jpeg")})
    assert not_image.json()["error"]["message"] == "(#324) Missing or invalid image file"
    listed = await raw.get(f"/{page_id}/published_posts", params={"limit": "1", "fields": "id,message,from{name}"})
    body = listed.json()
    assert body["data"][0]["from"] == {"name": "Örnek Belediyesi", "id": page_id}  # Graph always adds the id
    assert set(body["paging"]) == {"cursors", "next"}
    nested = await raw.get(
        f"/{body['data'][0]['id']}", params={"fields": "comments.summary(true).limit(0){message},is_published"}
    )
    assert nested.json()["comments"] == {"data": [], "summary": {"total_count": 0}}
    deprecated = await raw.get(f"/{body['data'][0]['id']}/insights", params={"metric": "post_impressions"})
    assert deprecated.json()["error"]["message"] == "(#100) The value must be a valid insights metric"
    await fb.adapter.verify()


@pytest.mark.asyncio
async def test_sandbox_built_as_the_adapter_factory_builds_it(tmp_path: Path) -> None:
    """``FacebookSandbox(state=SandboxState(path, {}), faults=…)``: the first token becomes the Page's."""
    path = tmp_path / "sandbox" / "channel-3.json"
    sandbox = FacebookSandbox(state=SandboxState(path, {}), faults=Faults())
    async with httpx.AsyncClient(transport=sandbox) as client:
        adapter = FacebookAdapter(client, {"base_url": BASE_URL}, {"page_access_token": "from-keyring"})
        info = await adapter.verify()
        assert isinstance(info, AccountInfo)
        posted = await adapter.publish(_request())
        assert isinstance(posted, Published)
        intruder = FacebookAdapter(client, {"base_url": BASE_URL}, {"page_access_token": "guess"})
        assert isinstance(await intruder.verify(), AuthExpired)
    assert "from-keyring" not in path.read_text(encoding="utf-8")
    again = FacebookSandbox(state=SandboxState(path, {}), faults=Faults())
    assert [p.id for p in again.published()] == [posted.remote_id]
    exported = json.dumps([p.__dict__ for p in again.published()], default=str)
    assert posted.remote_id in exported
