"""Instagram adapter against the Instagram Graph sandbox (and a sandbox web folder), and the
sandbox on its own: the container state machine, the public-URL strategies, every fault.

Hermetic: the adapter's client runs on the in-process sandboxes (or an ``httpx.MockTransport``);
time comes from a fake clock and the container poller's sleeps are recorded, not waited. Every
request to Meta is checked for the pinned version, the token in the ``Authorization`` header
(``Bearer`` for Graph, ``OAuth`` for the video upload host) and never in a URL; no request to the
web folder carries Meta's token.
"""

from __future__ import annotations

import io
import json
import zlib
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

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
from kurum_masaustu.platforms.instagram import InstagramAdapter
from kurum_masaustu.platforms.sandbox.core import Faults, SandboxState
from kurum_masaustu.platforms.sandbox.instagram import IG_USER_ID, InstagramSandbox, WebFolderSandbox

TOKEN = "EAAsandbox-instagram-token-0123456789"
FOLDER_TOKEN = "klasor-anahtari-42"
HOST = "graph.facebook.sandbox.invalid"
BASE_URL = f"https://{HOST}"
FOLDER_HOST = "https://www.ornek.bel.tr"
UPLOAD_URL = f"{FOLDER_HOST}/yukle"
PUBLIC_URL = f"{FOLDER_HOST}/sosyal"
PAGE_ID = "104400000000001"
T0 = datetime(2026, 9, 1, 8, 0, 0, tzinfo=UTC)
MP4 = b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 64


def jpeg(width: int = 1080, height: int = 1080, color: str = "navy", fmt: str = "JPEG") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), color).save(out, fmt)
    return out.getvalue()


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


def meta_problems(request: httpx.Request) -> list[str]:
    problems = []
    if "access_token" in request.url.params:
        problems.append(f"token in the URL: {request.url.path}")
    if request.url.path.startswith("/ig-api-upload/"):
        if not request.headers.get("authorization", "").startswith("OAuth "):
            problems.append(f"rupload without OAuth: {request.url.path}")
        if not request.url.path.startswith("/ig-api-upload/v25.0/"):
            problems.append(f"not the pinned version: {request.url.path}")
    else:
        if not request.headers.get("authorization", "").startswith("Bearer "):
            problems.append(f"no bearer token: {request.method} {request.url.path}")
        if not request.url.path.startswith("/v25.0/"):
            problems.append(f"not the pinned version: {request.url.path}")
    return problems


@dataclass
class IgBench:
    path: Path
    clock: FakeClock
    sandbox: InstagramSandbox
    folder: WebFolderSandbox
    recorder: Recorder
    client: httpx.AsyncClient
    raw: httpx.AsyncClient
    sleeps: list[float]
    media_dir: Path
    adapter: InstagramAdapter

    def make(self, token: str = TOKEN, **settings: Any) -> InstagramAdapter:
        async def sleep(seconds: float) -> None:
            self.sleeps.append(seconds)

        chosen = {"base_url": BASE_URL, "media_url_provider": "page_photo", **settings}
        secrets = {"access_token": token, "web_folder_token": FOLDER_TOKEN}
        return InstagramAdapter(self.client, chosen, secrets, sleep=sleep, clock=self.clock)

    @staticmethod
    def _matches(path: str, part: str) -> bool:
        """``part`` ends the path, or (ending in "/") starts a part of it."""
        return path.endswith(part) or (part.endswith("/") and part in path)

    def sent(self, method: str, path_part: str) -> list[httpx.Request]:
        return [r for r, _ in self.recorder.exchanges if r.method == method and self._matches(r.url.path, path_part)]

    def answers(self, method: str, path_part: str) -> list[httpx.Response]:
        return [
            resp
            for r, resp in self.recorder.exchanges
            if resp is not None and r.method == method and self._matches(r.url.path, path_part)
        ]

    def image(self, name: str = "foto.jpg", alt: str = "", **kwargs: Any) -> MediaFile:
        path = self.media_dir / name
        path.write_bytes(jpeg(**kwargs))
        mime = (
            "image/png" if kwargs.get("fmt") == "PNG" else "image/gif" if kwargs.get("fmt") == "GIF" else "image/jpeg"
        )
        return MediaFile(path, mime, alt_text=alt)

    def video(self, name: str = "video.mp4", data: bytes = MP4) -> MediaFile:
        path = self.media_dir / name
        path.write_bytes(data)
        return MediaFile(path, "video/mp4")

    def statuses(self) -> list[str]:
        return [
            resp.json()["status_code"]
            for r, resp in self.recorder.exchanges
            if resp is not None and r.url.params.get("fields") == "status_code,status" and resp.is_success
        ]


@pytest_asyncio.fixture
async def ig(tmp_path: Path) -> AsyncIterator[IgBench]:
    clock = FakeClock()
    path = tmp_path / "profile" / "sandbox" / "instagram.json"
    folder = WebFolderSandbox(UPLOAD_URL, PUBLIC_URL, token=FOLDER_TOKEN)
    sandbox: InstagramSandbox = InstagramSandbox.open(path, TOKEN, clock=clock)
    sandbox.fetchers.append(folder.lookup)
    recorder = Recorder(sandbox)
    client = httpx.AsyncClient(transport=recorder, mounts={FOLDER_HOST: folder})
    raw = httpx.AsyncClient(
        transport=sandbox, base_url=f"{BASE_URL}/v25.0", headers={"Authorization": f"Bearer {TOKEN}"}
    )
    media_dir = tmp_path / "media"
    media_dir.mkdir()
    bench = IgBench(path, clock, sandbox, folder, recorder, client, raw, [], media_dir, None)  # type: ignore[arg-type]
    bench.adapter = bench.make()
    yield bench
    await client.aclose()
    await raw.aclose()
    problems = [p for request, _ in recorder.exchanges for p in meta_problems(request)]
    assert recorder.exchanges, "the adapter sent nothing"
    assert not problems, "requests that break Meta's rules:\n" + "\n".join(problems)
    for request in folder.requests:
        assert TOKEN not in str(request.headers), "Meta's token went to the web folder"


def _request(text: str = "Yeni parkımız açıldı! #Çankaya", **kwargs: Any) -> PublishRequest:
    kwargs.setdefault("idempotency_key", f"delivery-{zlib.crc32(text.encode()):08x}")
    return PublishRequest(text=text, **kwargs)


def _form(request: httpx.Request) -> dict[str, str]:
    return dict(parse_qsl(request.content.decode("utf-8"), keep_blank_values=True))


# -- settings and account --------------------------------------------------------------------------
def test_settings_are_checked() -> None:
    client = httpx.AsyncClient()
    adapter = InstagramAdapter(client, {}, {"access_token": "t"})
    assert (adapter.graph_url, adapter.rupload_base) == (
        "https://graph.facebook.com/v25.0",
        "https://rupload.facebook.com",
    )
    local = InstagramAdapter(client, {"base_url": BASE_URL}, {"access_token": "t"})
    assert local.rupload_base == BASE_URL  # a sandbox or test server gets the uploads too
    for bad in ({"ig_user_id": "@belediye"}, {"page_id": "x"}, {"graph_version": "latest"}):
        with pytest.raises(ValueError, match=r"ig_user_id|page_id|graph_version"):
            InstagramAdapter(client, bad, {"access_token": "t"})


@pytest.mark.asyncio
async def test_verify_finds_the_account_linked_to_the_page(ig: IgBench) -> None:
    info = await ig.adapter.verify()
    assert info == AccountInfo(IG_USER_ID, "@ornekbelediyesi", "Örnek Belediyesi")
    [me] = ig.sent("GET", "/me")
    assert me.url.params["fields"] == "id,instagram_business_account{id,username}"
    direct = ig.make(ig_user_id=IG_USER_ID)
    assert await direct.verify() == info
    assert len(ig.sent("GET", "/me")) == 1


@pytest.mark.asyncio
async def test_account_discovery_failures() -> None:
    def no_account(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"id": PAGE_ID})

    def user_token(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            400,
            json={
                "error": {
                    "message": "(#100) Tried accessing nonexisting field (instagram_business_account) "
                    "on node type (User)",
                    "type": "OAuthException",
                    "code": 100,
                }
            },
        )

    for handler, code in ((no_account, "no_instagram_account"), (user_token, "ig_user_id_required")):
        adapter = InstagramAdapter(httpx.AsyncClient(transport=httpx.MockTransport(handler)), {}, {"access_token": "t"})
        outcome = await adapter.verify()
        assert isinstance(outcome, Rejected)
        assert outcome.code == code
        assert isinstance(await adapter.publish(_request(media=(MediaFile(Path("x.jpg"), "image/jpeg"),))), Rejected)


@pytest.mark.asyncio
async def test_wrong_token(ig: IgBench) -> None:
    intruder = ig.make(token="someone-elses")
    assert isinstance(await intruder.verify(), AuthExpired)
    assert isinstance(await intruder.publish(_request(media=(ig.image(),))), AuthExpired)
    assert ig.sandbox.published() == []
    assert TOKEN not in ig.path.read_text(encoding="utf-8")


# -- the public URL an image needs -----------------------------------------------------------------
@pytest.mark.asyncio
async def test_without_a_public_url_strategy_images_are_refused_honestly(ig: IgBench) -> None:
    plain = ig.make(media_url_provider="")
    outcome = await plain.publish(_request(media=(ig.image(),)))
    assert isinstance(outcome, Rejected)
    assert outcome.code == "needs_public_url"
    assert "page_photo" in outcome.platform_message
    assert "web_folder" in outcome.platform_message
    assert ig.sent("POST", "/media") == []
    half = ig.make(media_url_provider="web_folder", public_base_url="http://insecure.example")
    refused = await half.publish(_request(media=(ig.image(),)))
    assert isinstance(refused, Rejected)
    assert refused.code == "needs_public_url"
    pageless = ig.make(ig_user_id=IG_USER_ID)  # page_photo, but no Page known
    missing = await pageless.publish(_request(media=(ig.image(),)))
    assert isinstance(missing, Rejected)
    assert (missing.code, missing.platform_message) == (
        "needs_public_url",
        "media_url_provider 'page_photo' needs the linked Facebook Page's page_id",
    )
    reel = await plain.publish(_request("Video her zaman yüklenebilir", kind=PostKind.REEL, media=(ig.video(),)))
    assert isinstance(reel, Published)  # video needs no public URL: it is uploaded from the file


@pytest.mark.asyncio
async def test_image_staged_as_an_unpublished_page_photo(ig: IgBench) -> None:
    media = ig.image("park.jpg", alt="Yeni park")
    outcome = await ig.adapter.publish(_request("Yeni parkımız açıldı! #Çankaya", media=(media,)))
    assert isinstance(outcome, Published)
    assert outcome.permalink.startswith("https://www.instagram.com/p/")
    order = [(r.method, r.url.path.split("/", 2)[2]) for r, _ in ig.recorder.exchanges]
    photo = ig.answers("POST", "/photos")[0].json()["id"]
    [container] = [resp.json()["id"] for resp in ig.answers("POST", f"/{IG_USER_ID}/media")]
    media_id = outcome.remote_id
    assert order == [
        ("GET", "me"),
        ("POST", f"{PAGE_ID}/photos"),
        ("GET", photo),
        ("POST", f"{IG_USER_ID}/media"),
        ("GET", container),
        ("GET", f"{IG_USER_ID}/content_publishing_limit"),
        ("POST", f"{IG_USER_ID}/media_publish"),
        ("GET", media_id),
        ("DELETE", photo),  # the staged photo is removed once Instagram has the image
    ]
    [upload] = ig.sent("POST", "/photos")
    assert b'name="published"\r\n\r\nfalse' in upload.content
    body = _form(ig.sent("POST", f"/{IG_USER_ID}/media")[0])
    assert body["image_url"].startswith("https://scontent.sandbox.invalid/")
    assert (body["caption"], body["alt_text"]) == ("Yeni parkımız açıldı! #Çankaya", "Yeni park")
    assert _form(ig.sent("POST", "/media_publish")[0]) == {"creation_id": container}
    [post] = ig.sandbox.published()
    assert (post.id, post.kind, post.text) == (media_id, "image", "Yeni parkımız açıldı! #Çankaya")
    assert post.media[0].file is not None
    assert Path(post.media[0].file).read_bytes() == media.path.read_bytes()
    assert post.media[0].alt_text == "Yeni park"
    assert ig.sandbox.staged_photos() == []
    assert ig.sandbox.container(container)["status_code"] == "PUBLISHED"


@pytest.mark.asyncio
async def test_image_staged_in_the_institutions_web_folder(ig: IgBench) -> None:
    adapter = ig.make(media_url_provider="web_folder", public_base_url=PUBLIC_URL, upload_url=UPLOAD_URL + "/")
    media = ig.image("/tmp-gizli-ad.jpg".strip("/"))
    outcome = await adapter.publish(_request("Klasörden", media=(media,)))
    assert isinstance(outcome, Published)
    put, delete = ig.folder.requests
    assert put.method == "PUT"
    assert put.headers["authorization"] == f"Bearer {FOLDER_TOKEN}"
    assert put.headers["content-type"] == "image/jpeg"
    name = put.url.path.rsplit("/", 1)[1]
    assert "gizli" not in name  # the local file name stays on the laptop
    assert name.endswith(".jpg")
    assert len(name) == 36
    assert _form(ig.sent("POST", f"/{IG_USER_ID}/media")[0])["image_url"] == f"{PUBLIC_URL}/{name}"
    assert (delete.method, delete.url.path) == ("DELETE", put.url.path)
    assert ig.folder.files == {}
    assert ig.sent("POST", "/photos") == []
    assert [p.kind for p in ig.sandbox.published()] == ["image"]


@pytest.mark.asyncio
async def test_web_folder_failures(ig: IgBench) -> None:
    settings = {"media_url_provider": "web_folder", "public_base_url": PUBLIC_URL, "upload_url": UPLOAD_URL}
    ig.folder.token = "another"
    refused = await ig.make(**settings).publish(_request(media=(ig.image(),)))
    assert isinstance(refused, Rejected)
    assert refused.code == "web_folder_refused"
    ig.folder.token = FOLDER_TOKEN
    unreachable = ig.make(**{**settings, "upload_url": "https://kapali.example/yukle"})

    async def down(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("no route", request=request)

    unreachable.client = httpx.AsyncClient(
        transport=Recorder(ig.sandbox), mounts={"https://kapali.example": httpx.MockTransport(down)}
    )
    outcome = await unreachable.publish(_request(media=(ig.image(),)))
    assert isinstance(outcome, Transient)
    assert "web folder" in outcome.detail
    await unreachable.client.aclose()
    elsewhere = ig.make(**{**settings, "public_base_url": "https://baska.example/sosyal"})
    not_public = await elsewhere.publish(_request(media=(ig.image(),)))
    assert isinstance(not_public, Transient)  # 9004/2207052: nothing published, worth another try
    assert "2207052" in not_public.detail
    assert ig.sandbox.published() == []


# -- publishing ----------------------------------------------------------------------------------
@pytest.mark.asyncio
async def test_carousel(ig: IgBench) -> None:
    media = (ig.image("a.jpg", alt="Bir", color="red"), ig.image("b.jpg", alt="İki"), ig.image("c.jpg", color="green"))
    outcome = await ig.adapter.publish(_request("Festivalden kareler", kind=PostKind.CAROUSEL, media=media))
    assert isinstance(outcome, Published)
    bodies = [_form(r) for r in ig.sent("POST", f"/{IG_USER_ID}/media")]
    assert [b.get("is_carousel_item") for b in bodies[:3]] == ["true"] * 3
    assert all("caption" not in b for b in bodies[:3])
    children = [resp.json()["id"] for resp in ig.answers("POST", f"/{IG_USER_ID}/media")][:3]
    assert bodies[3] == {"media_type": "CAROUSEL", "children": ",".join(children), "caption": "Festivalden kareler"}
    [post] = ig.sandbox.published()
    assert (post.kind, len(post.media)) == ("carousel", 3)
    assert [m.alt_text for m in post.media] == ["Bir", "İki", ""]
    assert ig.sandbox.staged_photos() == []


@pytest.mark.asyncio
async def test_carousel_with_a_video(ig: IgBench) -> None:
    outcome = await ig.adapter.publish(_request("Karışık", media=(ig.image(), ig.video())))
    assert isinstance(outcome, Published)
    bodies = [_form(r) for r in ig.sent("POST", f"/{IG_USER_ID}/media")]
    assert bodies[1] == {"media_type": "VIDEO", "upload_type": "resumable", "is_carousel_item": "true"}
    [post] = ig.sandbox.published()
    assert [m.type for m in post.media] == ["image", "video"]


@pytest.mark.asyncio
async def test_reel_is_uploaded_from_the_file_and_processed(ig: IgBench) -> None:
    video = ig.video("tanitim.mp4")
    outcome = await ig.adapter.publish(_request("Tanıtım filmimiz", kind=PostKind.REEL, media=(video,)))
    assert isinstance(outcome, Published)
    assert outcome.permalink.startswith("https://www.instagram.com/reel/")
    body = _form(ig.sent("POST", f"/{IG_USER_ID}/media")[0])
    assert body == {
        "media_type": "REELS",
        "upload_type": "resumable",
        "share_to_feed": "true",
        "caption": "Tanıtım filmimiz",
    }
    [upload] = ig.sent("POST", "/ig-api-upload/")
    assert upload.headers["authorization"] == f"OAuth {TOKEN}"
    assert (upload.headers["offset"], upload.headers["file_size"]) == ("0", str(len(MP4)))
    assert upload.content == MP4
    assert ig.statuses() == ["IN_PROGRESS", "IN_PROGRESS", "FINISHED"]
    assert ig.sleeps == [3, 5]
    [post] = ig.sandbox.published()
    assert (post.kind, post.text, [m.type for m in post.media]) == ("reel", "Tanıtım filmimiz", ["video"])


@pytest.mark.asyncio
async def test_stories(ig: IgBench) -> None:
    image = await ig.adapter.publish(_request("yok sayılır", kind=PostKind.STORY, media=(ig.image(height=1920),)))
    video = await ig.adapter.publish(_request("", kind=PostKind.STORY, media=(ig.video(),)))
    assert isinstance(image, Published)
    assert isinstance(video, Published)
    bodies = [_form(r) for r in ig.sent("POST", f"/{IG_USER_ID}/media")]
    assert bodies[0]["media_type"] == "STORIES"
    assert "caption" not in bodies[0]  # stories carry no caption
    assert bodies[1] == {"media_type": "STORIES", "upload_type": "resumable"}
    assert [p.kind for p in ig.sandbox.published()] == ["story", "story"]
    assert image.permalink.startswith("https://www.instagram.com/stories/ornekbelediyesi/")


@pytest.mark.asyncio
async def test_comment_on_our_own_media(ig: IgBench) -> None:
    post = await ig.adapter.publish(_request(media=(ig.image(),)))
    assert isinstance(post, Published)
    first_comment = await ig.adapter.publish(
        _request("#Ankara #Belediye", reply_to=post.remote_id, idempotency_key="c1")
    )
    assert isinstance(first_comment, Published)
    assert ig.sandbox.ig_comment(first_comment.remote_id)["media_id"] == post.remote_id
    assert _form(ig.sent("POST", f"/{post.remote_id}/comments")[0]) == {"message": "#Ankara #Belediye"}


@pytest.mark.asyncio
async def test_what_an_instagram_post_cannot_be(ig: IgBench) -> None:
    image = ig.image()
    cases = [
        (_request("Sadece metin"), "media_required"),
        (_request(kind=PostKind.POLL, poll=Poll(("Evet", "Hayır"), 60), media=(image,)), "unsupported"),
        (_request(scheduled_at=T0 + timedelta(hours=2), media=(image,)), "no_native_scheduling"),
        (_request(kind=PostKind.REEL, media=(image,)), "unsupported"),
        (_request(kind=PostKind.STORY, media=(image, image)), "too_many_media"),
        (_request(kind=PostKind.CAROUSEL, media=(image,)), "too_few_media"),
        (_request(media=tuple(image for _ in range(11))), "too_many_media"),
        (_request(media=(MediaFile(ig.media_dir / "a.pdf", "application/pdf"),)), "unsupported"),
        (_request("ş" * 2201, media=(image,)), "caption_too_long"),
        (_request(" ".join(f"#etiket{n}" for n in range(31)), media=(image,)), "too_many_hashtags"),
        (_request(" ".join(f"@kisi{n}" for n in range(21)), media=(image,)), "too_many_mentions"),
        (_request(reply_to="../x"), "bad_id"),
    ]
    for request, code in cases:
        outcome = await ig.adapter.publish(request)
        assert isinstance(outcome, Rejected), request
        assert outcome.code == code, (code, outcome)
    assert ig.recorder.exchanges == []
    fits = await ig.adapter.publish(_request("ş" * 2200, media=(image,)))
    assert isinstance(fits, Published)
    late = await ig.adapter.publish(_request("Geç", scheduled_at=T0 - timedelta(minutes=1), media=(image,)))
    assert isinstance(late, Published)


@pytest.mark.asyncio
async def test_images_instagram_refuses(ig: IgBench) -> None:
    wide = await ig.adapter.publish(_request("Geniş", media=(ig.image(width=1080, height=400),)))
    assert isinstance(wide, Rejected)
    assert (wide.code, wide.data["error_subcode"]) == ("graph_36003", 2207009)
    gif = await ig.adapter.publish(_request("GIF", media=(ig.image("a.gif", fmt="GIF"),)))
    assert isinstance(gif, Rejected)
    assert gif.data["error_subcode"] == 2207005
    png = await ig.adapter.publish(_request("PNG", media=(ig.image("a.png", fmt="PNG"),)))
    assert isinstance(png, Published)
    tall_story = await ig.adapter.publish(_request("", kind=PostKind.STORY, media=(ig.image(width=400, height=1920),)))
    assert isinstance(tall_story, Published)  # 9:16 is fine for a story
    assert ig.sandbox.staged_photos() == []  # refused images leave nothing staged on the Page


# -- the container state machine -------------------------------------------------------------------
@pytest.mark.asyncio
async def test_slow_processing_is_transient_and_the_container_is_not_made_twice(ig: IgBench) -> None:
    ig.sandbox.faults.slow_media_polls = 50
    request = _request("Yavaş", kind=PostKind.REEL, media=(ig.video(),))
    outcome = await ig.adapter.publish(request)
    assert isinstance(outcome, Transient)
    assert outcome.retry_after_seconds == 60
    assert "still processing" in outcome.detail
    assert len(ig.sleeps) == 5  # bounded
    assert ig.sandbox.published() == []
    ig.sandbox.faults.slow_media_polls = 0
    again = await ig.adapter.publish(request)
    assert isinstance(again, Published)
    assert len(ig.sent("POST", f"/{IG_USER_ID}/media")) == 1
    assert len(ig.sent("POST", "/ig-api-upload/")) == 1


@pytest.mark.asyncio
async def test_publishing_before_finished_is_media_id_not_available(ig: IgBench) -> None:
    await ig.adapter.verify()
    created = await ig.raw.post(f"/{IG_USER_ID}/media", data={"media_type": "REELS", "upload_type": "resumable"})
    container = created.json()["id"]
    assert created.json()["uri"] == f"https://rupload.facebook.com/ig-api-upload/v25.0/{container}"
    early = await ig.raw.post(f"/{IG_USER_ID}/media_publish", data={"creation_id": container})
    error = early.json()["error"]
    assert (early.status_code, error["code"], error["error_subcode"]) == (400, 9007, 2207027)
    assert error["message"] == "Media ID is not available"
    waiting = await ig.raw.get(f"/{container}", params={"fields": "status_code,status"})
    assert waiting.json() == {
        "status_code": "IN_PROGRESS",
        "status": "In Progress: Media is still being processed.",
        "id": container,
    }
    upload = await ig.raw.post(
        f"{BASE_URL}/ig-api-upload/v25.0/{container}",
        content=MP4,
        headers={"Authorization": f"OAuth {TOKEN}", "offset": "0", "file_size": str(len(MP4))},
    )
    assert upload.json() == {"success": True, "message": "Upload successful."}
    states = [
        (await ig.raw.get(f"/{container}", params={"fields": "status_code"})).json()["status_code"] for _ in range(3)
    ]
    assert states == ["IN_PROGRESS", "IN_PROGRESS", "FINISHED"]
    done = await ig.raw.post(f"/{IG_USER_ID}/media_publish", data={"creation_id": container})
    assert done.status_code == 200
    status = await ig.raw.get(f"/{container}", params={"fields": "status_code,status"})
    assert status.json()["status_code"] == "PUBLISHED"
    mapped = await ig.make().publish(_request(media=(ig.image(),)))
    assert isinstance(mapped, Published)


@pytest.mark.asyncio
async def test_a_video_instagram_cannot_process_is_rejected(ig: IgBench) -> None:
    broken = ig.video("eski.mp4", b"\x00\x00\x00\x18ftypXYZW" + b"\x00" * 64)
    outcome = await ig.adapter.publish(_request("Bozuk", kind=PostKind.REEL, media=(broken,)))
    assert isinstance(outcome, Rejected)
    assert outcome.code == "media_processing_failed"
    assert "2207026" in outcome.platform_message
    assert ig.statuses()[-1] == "ERROR"


@pytest.mark.asyncio
async def test_an_expired_container_is_made_again(ig: IgBench) -> None:
    ig.sandbox.faults.slow_media_polls = 50
    request = _request("Bekleyen", kind=PostKind.REEL, media=(ig.video(),))
    assert isinstance(await ig.adapter.publish(request), Transient)
    ig.sandbox.faults.slow_media_polls = 0
    ig.clock.advance(hours=25)
    expired = await ig.adapter.publish(request)
    assert isinstance(expired, Transient)
    assert "expired" in expired.detail
    assert ig.statuses()[-1] == "EXPIRED"
    again = await ig.adapter.publish(request)
    assert isinstance(again, Published)
    assert len(ig.sent("POST", f"/{IG_USER_ID}/media")) == 2


@pytest.mark.asyncio
async def test_a_lost_publish_answer_is_found_not_repeated(ig: IgBench) -> None:
    request = _request("Bir kez", media=(ig.image(),))
    await ig.adapter.verify()
    lost: list[httpx.Request] = []

    async def lose_publish_answer(req: httpx.Request) -> httpx.Response:
        response = await ig.sandbox.handle_async_request(req)
        if req.url.path.endswith("/media_publish") and not lost:
            lost.append(req)
            raise httpx.ReadTimeout("lost", request=req)
        return response

    ig.recorder.inner = _Fn(lose_publish_answer)
    assert isinstance(await ig.adapter.publish(request), Transient)
    again = await ig.adapter.publish(request)  # the same run: the remembered container says PUBLISHED
    assert isinstance(again, Published)
    assert [p.id for p in ig.sandbox.published()] == [again.remote_id]
    assert len(ig.sent("POST", "/media_publish")) == 1
    assert ig.sandbox.staged_photos() == []


@dataclass
class _Fn(httpx.AsyncBaseTransport):
    handler: Callable[[httpx.Request], Any]

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response: httpx.Response = await self.handler(request)
        return response


@pytest.mark.asyncio
async def test_publishing_limit(ig: IgBench) -> None:
    ig.sandbox.state.data["ig_limits"]["quota_total"] = 1
    assert isinstance(await ig.adapter.publish(_request("Bir", media=(ig.image(),))), Published)
    limited = await ig.adapter.publish(_request("İki", media=(ig.image("b.jpg"),)))
    assert limited == RateLimited(T0 + timedelta(hours=1), "Instagram publishing limit reached: 1 posts per 24 hours")
    quota = ig.answers("GET", "/content_publishing_limit")[-1].json()
    assert quota == {"data": [{"quota_usage": 1, "config": {"quota_total": 1, "quota_duration": 86400}}]}
    containers = [resp.json()["id"] for resp in ig.answers("POST", f"/{IG_USER_ID}/media")]
    refused = await ig.raw.post(f"/{IG_USER_ID}/media_publish", data={"creation_id": containers[-1]})
    assert refused.json()["error"]["error_subcode"] == 2207042
    ig.clock.advance(hours=24, seconds=1)
    second = _request("İki", media=(ig.image("b.jpg"),))
    expired = await ig.adapter.publish(second)  # the remembered container did not outlive the wait
    assert isinstance(expired, Transient)
    assert "expired" in expired.detail
    assert isinstance(await ig.adapter.publish(second), Published)


@pytest.mark.asyncio
async def test_sandbox_validates_containers_itself(ig: IgBench) -> None:
    raw = ig.raw
    await ig.adapter.verify()
    feed_video = await raw.post(
        f"/{IG_USER_ID}/media", data={"media_type": "VIDEO", "video_url": "https://x.org/v.mp4"}
    )
    assert feed_video.json()["error"]["error_subcode"] == 2207023
    long = await raw.post(f"/{IG_USER_ID}/media", data={"image_url": "https://x.org/a.jpg", "caption": "a" * 2201})
    assert long.json()["error"]["error_subcode"] == 2207010
    loopback = await raw.post(f"/{IG_USER_ID}/media", data={"image_url": "http://127.0.0.1/a.jpg"})
    error = loopback.json()["error"]
    assert (error["code"], error["error_subcode"]) == (9004, 2207052)
    assert error["error_user_title"] == "Media download has failed. The media URI doesn't meet our requirements."
    one = await raw.post(f"/{IG_USER_ID}/media", data={"media_type": "CAROUSEL", "children": "1"})
    assert one.json()["error"]["error_subcode"] == 2207028
    unknown = await raw.post(f"/{IG_USER_ID}/media_publish", data={"creation_id": "123"})
    assert unknown.json()["error"]["error_subcode"] == 2207006
    bad_upload = await raw.post(
        f"{BASE_URL}/ig-api-upload/v25.0/1", content=b"x", headers={"Authorization": f"OAuth {TOKEN}"}
    )
    assert bad_upload.json()["debug_info"]["retriable"] is False
    wrong_token = await raw.post(
        f"{BASE_URL}/ig-api-upload/v25.0/1", content=b"x", headers={"Authorization": "OAuth x"}
    )
    assert wrong_token.json()["error"]["code"] == 190


# -- faults ---------------------------------------------------------------------------------------
@pytest.mark.asyncio
async def test_timeout_after_accept_then_found(ig: IgBench) -> None:
    request = _request("Zaman aşımı", media=(ig.image(),))
    await ig.adapter.verify()
    original = ig.recorder.inner

    async def timeout_on_publish(req: httpx.Request) -> httpx.Response:
        if req.url.path.endswith("/media_publish"):
            ig.sandbox.faults.timeout_after_accept = 1
        return await original.handle_async_request(req)

    ig.recorder.inner = _Fn(timeout_on_publish)
    outcome = await ig.adapter.publish(request)
    assert isinstance(outcome, Transient)
    assert "timeout" in outcome.detail
    restarted = ig.make()  # a new run: nothing remembered, so the outbox reconciles first
    ig.clock.advance(minutes=2)
    [posted] = ig.sandbox.published()
    assert await restarted.find_published(request, T0) == Published(posted.id, posted.permalink)


@pytest.mark.asyncio
async def test_timeout_during_the_video_upload(ig: IgBench) -> None:
    request = _request("Yükleme", kind=PostKind.REEL, media=(ig.video(),))
    await ig.adapter.verify()
    original = ig.recorder.inner

    async def timeout_on_upload(req: httpx.Request) -> httpx.Response:
        if req.url.path.startswith("/ig-api-upload/") and not ig.sent("POST", "/ig-api-upload/"):
            ig.sandbox.faults.timeout_after_accept = 1
        return await original.handle_async_request(req)

    ig.recorder.inner = _Fn(timeout_on_upload)
    assert isinstance(await ig.adapter.publish(request), Transient)
    assert await ig.adapter.find_published(request, T0) is None
    assert isinstance(await ig.adapter.publish(request), Published)
    assert len(ig.sandbox.published()) == 1
    assert len(ig.sent("POST", f"/{IG_USER_ID}/media")) == 2  # the first container never got its bytes to us


@pytest.mark.asyncio
async def test_server_error_rate_limit_expired_token_malformed_json(ig: IgBench) -> None:
    request = _request(media=(ig.image(),))
    ig.sandbox.faults.server_errors = 1
    failed = await ig.adapter.publish(request)
    assert isinstance(failed, Transient)
    ig.sandbox.faults.rate_limit_seconds = 600
    limited = await ig.adapter.publish(request)
    assert isinstance(limited, RateLimited)
    assert limited.until == T0 + timedelta(minutes=10)
    assert "Instagram account" in limited.detail
    ig.sandbox.faults.rate_limit_seconds = None
    ig.sandbox.faults.expired_token = True
    for outcome in (
        await ig.adapter.publish(request),
        await ig.make().verify(),
        await ig.adapter.fetch_inbox(None),
        await ig.adapter.find_published(request, T0),
        await ig.adapter.hide("1"),
    ):
        assert isinstance(outcome, AuthExpired), outcome
    ig.sandbox.faults.expired_token = False
    ig.sandbox.faults.malformed_json = 1
    assert isinstance(await ig.adapter.fetch_inbox(None), Transient)
    assert isinstance(await ig.adapter.publish(request), Published)
    assert len(ig.sandbox.published()) == 1


@pytest.mark.asyncio
async def test_usage_headers(ig: IgBench) -> None:
    await ig.adapter.verify()
    response = ig.answers("GET", "/me")[0]
    usage = json.loads(response.headers["x-business-use-case-usage"])
    assert usage[IG_USER_ID][0]["type"] == "instagram"
    assert set(json.loads(response.headers["x-app-usage"])) == {"call_count", "total_cputime", "total_time"}
    ig.sandbox.state.data["limits"]["buc_calls_per_day"] = 1
    refused = await ig.raw.get("/me")
    assert refused.json()["error"]["code"] == 80002


# -- reconciling -----------------------------------------------------------------------------------
@pytest.mark.asyncio
async def test_find_published_matches_caption_type_and_time(ig: IgBench) -> None:
    image = await ig.adapter.publish(_request("Aynı metin", media=(ig.image(),), idempotency_key="i"))
    assert isinstance(image, Published)
    as_carousel = _request("Aynı metin", media=(ig.image(), ig.image("b.jpg")), idempotency_key="c")
    assert await ig.adapter.find_published(as_carousel, T0) is None  # same caption, another type
    assert await ig.adapter.find_published(_request("Aynı  metin\n", media=(ig.image(),)), T0) == image
    ig.clock.advance(hours=2)
    assert await ig.adapter.find_published(_request("Aynı metin", media=(ig.image(),)), ig.clock()) is None
    story = await ig.adapter.publish(_request("", kind=PostKind.STORY, media=(ig.video(),), idempotency_key="s"))
    assert isinstance(story, Published)
    found = await ig.adapter.find_published(_request("", kind=PostKind.STORY, media=(ig.video(),)), ig.clock())
    assert found == story


@pytest.mark.asyncio
async def test_find_published_pages_back(ig: IgBench) -> None:
    target = _request("Aranan", media=(ig.image(),), idempotency_key="t")
    wanted = await ig.adapter.publish(target)
    for n in range(27):
        ig.clock.advance(seconds=10)
        assert isinstance(
            await ig.adapter.publish(_request(f"Sonraki {n}", media=(ig.image(),), idempotency_key=f"n{n}")), Published
        )
    assert await ig.adapter.find_published(target, T0) == wanted
    pages = [r for r in ig.sent("GET", f"/{IG_USER_ID}/media") if "caption" in r.url.params.get("fields", "")]
    assert len(pages) == 2
    assert "after" in pages[1].url.params


@pytest.mark.asyncio
async def test_persistence_across_restarts(ig: IgBench) -> None:
    request = _request("Kalıcı", media=(ig.image(alt="Harita"),))
    first = await ig.adapter.publish(request)
    assert isinstance(first, Published)
    reopened = InstagramSandbox.open(ig.path, TOKEN, clock=ig.clock)
    [post] = reopened.published()
    assert (post.id, post.media[0].alt_text) == (first.remote_id, "Harita")
    async with httpx.AsyncClient(transport=reopened) as client:
        adapter = InstagramAdapter(client, {"base_url": BASE_URL}, {"access_token": TOKEN}, clock=ig.clock)
        assert await adapter.find_published(request, T0) == first


# -- after publishing -----------------------------------------------------------------------------------
@pytest.mark.asyncio
async def test_delete(ig: IgBench) -> None:
    post = await ig.adapter.publish(_request(media=(ig.image(),)))
    assert isinstance(post, Published)
    media = await ig.adapter.delete(post.remote_id)
    assert isinstance(media, Rejected)
    assert media.code == "unsupported"
    assert "Instagram app" in media.platform_message
    raw = await ig.raw.delete(f"/{post.remote_id}")
    assert raw.json()["error"]["message"].startswith("Unsupported delete request.")
    comment = await ig.adapter.publish(_request("Yorum", reply_to=post.remote_id, idempotency_key="c"))
    assert isinstance(comment, Published)
    assert await ig.adapter.delete(comment.remote_id) == Done()
    assert await ig.adapter.delete(comment.remote_id) == Done()  # already gone
    assert isinstance(await ig.adapter.delete("x/y"), Rejected)
    assert len(ig.sandbox.published()) == 1


@pytest.mark.asyncio
async def test_inbox_comments_and_replies(ig: IgBench) -> None:
    post = await ig.adapter.publish(_request("Park açılışı", media=(ig.image(),)))
    quiet = await ig.adapter.publish(_request("Sessiz", media=(ig.image(),), idempotency_key="q"))
    assert isinstance(post, Published)
    assert isinstance(quiet, Published)
    sandbox = ig.sandbox
    ig.clock.advance(minutes=1)
    question = sandbox.add_citizen_comment(post.remote_id, "ayse.yilmaz", "Saat kaçta? <script>x</script>")
    ig.clock.advance(minutes=1)
    answer = await ig.adapter.reply(question, "@ayse.yilmaz 10.00'da", "r1")
    assert isinstance(answer, Published)
    ig.clock.advance(minutes=1)
    follow = sandbox.add_citizen_comment(question, "mehmet_k", "Teşekkürler")

    page = await ig.adapter.fetch_inbox(None)
    assert isinstance(page, InboxPage)
    assert [(i.remote_id, i.kind) for i in page.items] == [(question, InboxKind.COMMENT), (follow, InboxKind.REPLY)]
    first, second = page.items
    assert (first.author_name, first.author_handle, first.text) == (
        "ayse.yilmaz",
        "@ayse.yilmaz",
        "Saat kaçta? <script>x</script>",
    )
    assert (first.parent_remote_id, first.post_remote_id) == (post.remote_id, post.remote_id)
    assert (second.parent_remote_id, second.post_remote_id) == (question, post.remote_id)
    assert [r.url.path.split("/")[-2] for r in ig.sent("GET", "/comments")] == [post.remote_id]  # quiet: 0 comments

    before = len(ig.sent("GET", "/comments"))
    assert await ig.adapter.fetch_inbox(page.cursor) == InboxPage((), page.cursor)
    assert len(ig.sent("GET", "/comments")) == before  # comments_count unchanged: nothing read
    newer = sandbox.add_citizen_comment(quiet.remote_id, "zeynep", "Güzel")
    page2 = await ig.adapter.fetch_inbox(page.cursor)
    assert isinstance(page2, InboxPage)
    assert [i.remote_id for i in page2.items] == [newer]
    assert await ig.adapter.fetch_inbox(page2.cursor) == InboxPage((), page2.cursor)


@pytest.mark.asyncio
async def test_empty_inbox(ig: IgBench) -> None:
    page = await ig.adapter.fetch_inbox(None)
    assert page == InboxPage((), None)


@pytest.mark.asyncio
async def test_hide_and_reply(ig: IgBench) -> None:
    post = await ig.adapter.publish(_request(media=(ig.image(),)))
    assert isinstance(post, Published)
    rude = ig.sandbox.add_citizen_comment(post.remote_id, "troll", "hakaret")
    assert await ig.adapter.hide(rude) == Done()
    assert ig.sandbox.ig_comment(rude)["hidden"] is True
    assert _form(ig.sent("POST", f"/{rude}")[0]) == {"hide": "true"}
    answer = await ig.adapter.reply(rude, "Lütfen saygılı olalım.", "r")
    assert isinstance(answer, Published)
    assert await ig.adapter.reply(rude, "Lütfen saygılı olalım.", "r") == answer
    assert len(ig.sent("POST", "/replies")) == 1
    own = await ig.adapter.hide(answer.remote_id)
    assert isinstance(own, Rejected)
    assert own.code == "invalid_parameter"
    assert ig.sandbox.ig_comment(answer.remote_id)["parent_id"] == rude


@pytest.mark.asyncio
async def test_a_citizens_comment_is_deleted_but_never_the_post(ig: IgBench) -> None:
    """Moderation: the account deletes an abusive comment on its media; the media stays."""
    post = await ig.adapter.publish(_request(media=(ig.image(),)))
    assert isinstance(post, Published)
    rude = ig.sandbox.add_citizen_comment(post.remote_id, "troll", "hakaret")
    assert await ig.adapter.delete_comment(rude) == Done()
    assert len(ig.sent("DELETE", f"/{rude}")) == 1
    with pytest.raises(KeyError):
        ig.sandbox.ig_comment(rude)
    refused = await ig.adapter.delete_comment(post.remote_id)  # a post id given by mistake
    assert isinstance(refused, Rejected)
    assert refused.code == "unsupported"


@pytest.mark.asyncio
async def test_metrics(ig: IgBench) -> None:
    post = await ig.adapter.publish(_request("Konser", media=(ig.image(),), idempotency_key="p"))
    story = await ig.adapter.publish(
        _request("", kind=PostKind.STORY, media=(ig.image(height=1920),), idempotency_key="s")
    )
    assert isinstance(post, Published)
    assert isinstance(story, Published)
    ig.sandbox.add_likes(post.remote_id, 40)
    ig.sandbox.add_insights(post.remote_id, views=900, reach=700, shares=5, saved=3)
    ig.sandbox.add_citizen_comment(post.remote_id, "ayse", "Harika")
    ig.sandbox.add_likes(story.remote_id, 2)
    metrics = await ig.adapter.metrics([post.remote_id, story.remote_id, "999"])
    assert not isinstance(metrics, Transient)
    assert dict(metrics[post.remote_id].values) == {
        "views": 900,
        "reach": 700,
        "likes": 40,
        "comments": 1,
        "shares": 5,
        "saved": 3,
        "total_interactions": 49,
    }
    assert dict(metrics[story.remote_id].values) == {"likes": 2, "comments": 0}  # a story's metric set differs
    assert "999" not in metrics
    deprecated = await ig.raw.get(f"/{post.remote_id}/insights", params={"metric": "impressions"})
    assert deprecated.json()["error"]["message"].startswith("(#100) metric[0] must be one of the following values")


@pytest.mark.asyncio
@pytest.mark.parametrize("error", [httpx.ConnectError("refused"), httpx.ReadTimeout("slow")])
async def test_network_errors_are_transient(error: httpx.HTTPError, tmp_path: Path) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise error

    client = httpx.AsyncClient(transport=httpx.MockTransport(handler))
    adapter = InstagramAdapter(
        client,
        {"ig_user_id": IG_USER_ID, "page_id": PAGE_ID, "media_url_provider": "page_photo"},
        {"access_token": "t"},
    )
    image = tmp_path / "a.jpg"
    image.write_bytes(jpeg())
    assert isinstance(await adapter.publish(_request(media=(MediaFile(image, "image/jpeg"),))), Transient)
    assert isinstance(await adapter.verify(), Transient)
    assert isinstance(await adapter.delete("1"), Transient)
    assert isinstance(await adapter.hide("1"), Transient)
    assert isinstance(await adapter.fetch_inbox(None), Transient)
    assert isinstance(await adapter.find_published(_request(), T0), Transient)
    assert isinstance(await adapter.metrics(["1"]), Transient)


@pytest.mark.asyncio
async def test_rupload_errors_map_to_outcomes() -> None:
    answers = {
        "retriable": httpx.Response(400, json={"debug_info": {"retriable": True, "type": "x", "message": "try later"}}),
        "final": httpx.Response(
            400, json={"debug_info": {"retriable": False, "type": "ProcessingFailedError", "message": "bad"}}
        ),
    }
    for name, expected in (("retriable", Transient), ("final", Rejected)):

        def handler(request: httpx.Request, name: str = name) -> httpx.Response:
            if request.url.host == "rupload.facebook.com":
                return answers[name]
            return httpx.Response(200, json={"id": "555"})

        adapter = InstagramAdapter(
            httpx.AsyncClient(transport=httpx.MockTransport(handler)), {"ig_user_id": IG_USER_ID}, {"access_token": "t"}
        )
        outcome = await adapter.publish(_request(kind=PostKind.REEL, media=(MediaFile(Path(__file__), "video/mp4"),)))
        assert isinstance(outcome, expected), (name, outcome)


# -- the sandbox on its own ---------------------------------------------------------------------------
@pytest.mark.asyncio
async def test_sandbox_built_as_the_adapter_factory_builds_it(tmp_path: Path) -> None:
    path = tmp_path / "sandbox" / "channel-4.json"
    sandbox = InstagramSandbox(state=SandboxState(path, {}), faults=Faults())
    media = tmp_path / "a.jpg"
    media.write_bytes(jpeg())
    async with httpx.AsyncClient(transport=sandbox) as client:
        settings = {"base_url": BASE_URL, "media_url_provider": "page_photo"}
        adapter = InstagramAdapter(client, settings, {"access_token": "from-keyring"})
        assert isinstance(await adapter.verify(), AccountInfo)
        posted = await adapter.publish(_request(media=(MediaFile(media, "image/jpeg"),)))
        assert isinstance(posted, Published)
        intruder = InstagramAdapter(client, settings, {"access_token": "guess"})
        assert isinstance(await intruder.verify(), AuthExpired)
    assert "from-keyring" not in path.read_text(encoding="utf-8")
    again = InstagramSandbox(state=SandboxState(path, {}), faults=Faults())
    [post] = again.published()
    assert (post.id, post.url, post.kind) == (posted.remote_id, posted.permalink, "image")
    assert json.loads(json.dumps([p.__dict__ for p in again.published()], default=str))[0]["text"] == post.text


@pytest.mark.asyncio
async def test_sandbox_fields_and_errors(ig: IgBench) -> None:
    post = await ig.adapter.publish(_request("Alanlar", media=(ig.image(), ig.image("b.jpg"))))
    assert isinstance(post, Published)
    full = await ig.raw.get(
        f"/{post.remote_id}",
        params={"fields": "id,caption,media_type,media_product_type,permalink,timestamp,children{media_type},username"},
    )
    body = full.json()
    assert (body["media_type"], body["media_product_type"], body["username"]) == (
        "CAROUSEL_ALBUM",
        "FEED",
        "ornekbelediyesi",
    )
    assert body["timestamp"] == "2026-09-01T08:00:00+0000"
    assert [c["media_type"] for c in body["children"]["data"]] == ["IMAGE", "IMAGE"]
    wrong = await ig.raw.get(f"/{post.remote_id}", params={"fields": "video_views"})
    assert (
        wrong.json()["error"]["message"]
        == "(#100) Tried accessing nonexisting field (video_views) on node type (IGMedia)"
    )
    user = await ig.raw.get(f"/{IG_USER_ID}", params={"fields": "username,media_count,followers_count"})
    assert user.json() == {"username": "ornekbelediyesi", "media_count": 1, "followers_count": 2400, "id": IG_USER_ID}
