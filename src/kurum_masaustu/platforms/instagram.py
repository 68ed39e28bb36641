"""Instagram professional account through the Graph API (Instagram API with Facebook Login). No Qt.

Secrets: ``access_token`` (the Page or system-user token with the ``instagram_*`` permissions),
optionally ``page_access_token`` (for staging photos on the linked Page, if a different token)
and ``web_folder_token`` (for the institution's web folder). Settings: ``ig_user_id`` (optional:
found through ``page_id`` or ``/me``), ``page_id``, ``graph_version`` (``v25.0``), ``base_url``,
``rupload_base_url`` (``https://rupload.facebook.com`` with the real Graph), and the public-URL
strategy below.

Publishing is container → status → publish (``reference/platform_apis.md`` §2.1):

1. ``POST /{ig-user-id}/media`` creates a container: an image (``image_url``, ``caption``,
   ``alt_text``), a reel (``media_type=REELS``, ``upload_type=resumable``, ``share_to_feed``), a
   story (``media_type=STORIES``), carousel items (``is_carousel_item=true``) and then the carousel
   (``media_type=CAROUSEL``, ``children``, 2–10 items). Videos are uploaded from the local file to
   ``rupload…/ig-api-upload/{version}/{container-id}`` (``Authorization: OAuth``, ``offset``,
   ``file_size``).
2. ``GET /{container-id}?fields=status_code,status`` until ``FINISHED`` (bounded; a container still
   ``IN_PROGRESS`` after about a minute is :class:`Transient` and remembered, so the retry polls it
   again instead of creating another). ``ERROR`` → ``Rejected("media_processing_failed")``;
   ``EXPIRED`` (24 h) → the containers are made again on the next attempt.
3. ``content_publishing_limit`` is read; a used-up quota is :class:`RateLimited`. Then
   ``POST /{ig-user-id}/media_publish?creation_id=…`` and the permalink.

Images must be at a public URL that Meta fetches itself, and a desktop app has none. The channel's
``media_url_provider`` says how, chosen by IT and shown to the person:

- ``"page_photo"``: the image is uploaded as an *unpublished* photo of the linked Facebook Page
  (``page_id``) and its Facebook CDN address is used; the photo is deleted after publishing.
- ``"web_folder"``: the image is sent with HTTP ``PUT`` to ``upload_url`` (bearer
  ``web_folder_token``) and Meta fetches it from ``public_base_url`` (the same file name: the
  content's SHA-256, never the local name); it is deleted after publishing.
- neither: ``Rejected("needs_public_url")`` with a message saying what to configure.

Captions are checked with ``rules.text`` (2,200 characters, 30 hashtags, 20 mentions) before
anything is sent. Instagram has no scheduling, no polls, and no deletion of published posts
through the API (:meth:`delete` says so; comments can be deleted). Reconciling after a crash reads
the account's recent media and matches caption, media type and time. No Qt here.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Final
from urllib.parse import urlsplit

import httpx

from kurum_masaustu.domain import InboxKind, Platform, PostKind
from kurum_masaustu.platforms.base import (
    AccountInfo,
    ActionOutcome,
    AuthExpired,
    Done,
    InboxPage,
    MediaFile,
    Metrics,
    Outcome,
    Published,
    PublishRequest,
    RateLimited,
    Rejected,
    RemoteItem,
    Transient,
)
from kurum_masaustu.platforms.json_shape import ShapeError, number, obj
from kurum_masaustu.platforms.meta_common import (
    CLOCK_SKEW,
    CODE_BAD_ID,
    CODE_INVALID_PARAMETER,
    CODE_MEDIA_UNREADABLE,
    CODE_TOO_MANY_MEDIA,
    CODE_UNSUPPORTED,
    DEFAULT_GRAPH_BASE,
    GRAPH,
    LONG_BLOCK_WAIT,
    MEDIA_TIMEOUT,
    Clock,
    Failure,
    GraphAdapter,
    Sleeper,
    aware,
    canonical,
    compose_text,
    is_gone,
    parse_graph_error,
    parse_time,
    utc_now,
)
from kurum_masaustu.rules.text import ProblemCode, Severity, check

DEFAULT_RUPLOAD_BASE: Final = "https://rupload.facebook.com"
#: Waits before each container status read after the first (seconds); about a minute in all.
CONTAINER_POLL_DELAYS: Final[tuple[float, ...]] = (3, 5, 10, 15, 30)
CONTAINER_RETRY_AFTER: Final = 60.0
#: Containers live 24 h: a remembered one that was published went out within that time.
CONTAINER_LIFETIME: Final = timedelta(hours=24)
MIN_CAROUSEL: Final = 2
MAX_CAROUSEL: Final = 10
PAGE_LIMIT: Final = 25
LOOKUP_PAGES: Final = 4  # find_published: up to 100 recent media
INBOX_MEDIA: Final = 25  # fetch_inbox: comments on the 25 most recent media
INBOX_COMMENT_PAGES: Final = 4
MEDIA_METRICS: Final = ("views", "reach", "likes", "comments", "shares", "saved", "total_interactions")
PROVIDERS: Final = ("page_photo", "web_folder")

# Our codes in Rejected (stable; the UI turns them into Turkish messages).
CODE_NEEDS_PUBLIC_URL: Final = "needs_public_url"
CODE_MEDIA_REQUIRED: Final = "media_required"
CODE_CAPTION_TOO_LONG: Final = "caption_too_long"
CODE_TOO_MANY_HASHTAGS: Final = "too_many_hashtags"
CODE_TOO_MANY_MENTIONS: Final = "too_many_mentions"
CODE_INVALID_CHARACTER: Final = "invalid_character"
CODE_NO_SCHEDULING: Final = "no_native_scheduling"
CODE_TOO_FEW_MEDIA: Final = "too_few_media"
CODE_PROCESSING_FAILED: Final = "media_processing_failed"
CODE_UPLOAD_FAILED: Final = "upload_failed"
CODE_NO_ACCOUNT: Final = "no_instagram_account"
CODE_IG_USER_REQUIRED: Final = "ig_user_id_required"
CODE_WEB_FOLDER_REFUSED: Final = "web_folder_refused"
CODE_WEB_FOLDER_FAILED: Final = "web_folder_upload_failed"

_PROBLEM_CODES: Final = {
    ProblemCode.TOO_LONG: CODE_CAPTION_TOO_LONG,
    ProblemCode.TOO_MANY_HASHTAGS: CODE_TOO_MANY_HASHTAGS,
    ProblemCode.TOO_MANY_MENTIONS: CODE_TOO_MANY_MENTIONS,
    ProblemCode.INVALID_CHARACTER: CODE_INVALID_CHARACTER,
}
_SUFFIXES: Final = {"image/jpeg": ".jpg", "image/png": ".png", "image/gif": ".gif", "image/webp": ".webp"}


@dataclass
class _Pending:
    """Containers made for one delivery, kept until it is published (or they fail or expire)."""

    items: list[str] = field(default_factory=list)  # the single item, or the carousel's children
    top: str | None = None  # the container to publish (the carousel's own, or the single item)
    staged: list[tuple[str, str]] = field(default_factory=list)  # ("page_photo", id) / ("web_folder", url)


class _AlreadyPublishedError(Exception):
    """A remembered container was already published (the earlier answer was lost)."""


class InstagramAdapter(GraphAdapter):
    """An Instagram professional account. See the module docstring for settings and secrets."""

    platform = Platform.INSTAGRAM
    token_secret = "access_token"
    service = "Instagram"

    def __init__(
        self,
        client: httpx.AsyncClient,
        settings: Mapping[str, Any],
        secrets: Mapping[str, str],
        *,
        sleep: Sleeper = asyncio.sleep,
        clock: Clock = utc_now,
        container_poll_delays: Sequence[float] = CONTAINER_POLL_DELAYS,
    ) -> None:
        super().__init__(client, settings, secrets, sleep=sleep, clock=clock)
        ig_user_id = str(settings.get("ig_user_id") or "").strip()
        page_id = str(settings.get("page_id") or "").strip()
        for name, value in (("ig_user_id", ig_user_id), ("page_id", page_id)):
            if value and not value.isdigit():
                raise ValueError(f"Instagram {name} must be numeric, got {value!r}")
        self._ig_user_id: str | None = ig_user_id or None
        self._page_id: str | None = page_id or None
        self._username: str | None = None
        rupload = str(settings.get("rupload_base_url") or "").strip().rstrip("/")
        if not rupload:
            rupload = DEFAULT_RUPLOAD_BASE if self.base_url == DEFAULT_GRAPH_BASE else self.base_url
        self.rupload_base = rupload
        self.media_url_provider = str(settings.get("media_url_provider") or "").strip() or None
        self._page_token = "page_access_token" if secrets.get("page_access_token") else "access_token"
        self._polls = tuple(container_poll_delays)
        self._pending: dict[str, _Pending] = {}
        self._replies: dict[str, Published] = {}

    # -- account ------------------------------------------------------------------------------
    async def verify(self) -> AccountInfo | AuthExpired | RateLimited | Rejected | Transient:
        ig = await self._ig_user()
        if not isinstance(ig, str):
            return ig
        try:
            got = await self._graph("GET", f"/{ig}", params={"fields": "id,username,name"})
            if not isinstance(got, tuple):
                return got
            user = obj(got[0])
            username = GRAPH.text(user, "username")
        except ShapeError as exc:
            return Transient(str(exc))
        self._username = username
        return AccountInfo(remote_id=ig, handle=f"@{username}", display_name=GRAPH.opt_text(user, "name") or username)

    async def _ig_user(self) -> str | Failure:
        """The IG user id: from the settings, else the linked Page's ``instagram_business_account``."""
        if self._ig_user_id is not None:
            return self._ig_user_id
        target = f"/{self._page_id}" if self._page_id else "/me"
        try:
            got = await self._graph("GET", target, params={"fields": "id,instagram_business_account{id,username}"})
            if not isinstance(got, tuple):
                if isinstance(got, Rejected) and got.code == CODE_INVALID_PARAMETER:
                    return Rejected(
                        CODE_IG_USER_REQUIRED,
                        "the token is not a Page token: set the channel's ig_user_id or page_id ("
                        + got.platform_message
                        + ")",
                        got.data,
                    )
                return got
            page = obj(got[0])
            account = page.get("instagram_business_account")
            if not isinstance(account, Mapping):
                return Rejected(CODE_NO_ACCOUNT, "no Instagram professional account is linked to this Facebook Page")
            self._ig_user_id = GRAPH.text(account, "id")
            self._username = GRAPH.opt_text(account, "username")
            if self._page_id is None:
                self._page_id = GRAPH.opt_text(page, "id")
        except ShapeError as exc:
            return Transient(str(exc))
        return self._ig_user_id

    # -- publishing ---------------------------------------------------------------------------
    def _check(self, request: PublishRequest, caption: str) -> Rejected | None:
        if request.kind is PostKind.POLL or request.poll is not None:
            return Rejected(CODE_UNSUPPORTED, "Instagram has no polls in the API")
        if request.scheduled_at is not None and aware(request.scheduled_at) > self._clock():
            return Rejected(CODE_NO_SCHEDULING, "Instagram has no scheduling in the API: the app publishes it on time")
        if not request.media:
            return Rejected(CODE_MEDIA_REQUIRED, "an Instagram post needs an image or a video")
        kinds = {m.mime_type.split("/")[0] for m in request.media}
        if not kinds <= {"image", "video"}:
            return Rejected(CODE_UNSUPPORTED, "Instagram posts carry images and videos only")
        if request.kind in (PostKind.STORY, PostKind.REEL, PostKind.VIDEO) and len(request.media) != 1:
            return Rejected(CODE_TOO_MANY_MEDIA, f"an Instagram {request.kind.value} carries one file", {"limit": 1})
        if request.kind in (PostKind.REEL, PostKind.VIDEO) and kinds != {"video"}:
            return Rejected(CODE_UNSUPPORTED, f"an Instagram {request.kind.value} is a video")
        if request.kind is PostKind.CAROUSEL and len(request.media) < MIN_CAROUSEL:
            return Rejected(CODE_TOO_FEW_MEDIA, "a carousel has 2 to 10 items", {"min": MIN_CAROUSEL})
        if len(request.media) > MAX_CAROUSEL:
            return Rejected(CODE_TOO_MANY_MEDIA, "a carousel has 2 to 10 items", {"limit": MAX_CAROUSEL})
        if request.kind is not PostKind.STORY:
            for problem in check(Platform.INSTAGRAM, caption, has_media=True):
                code = _PROBLEM_CODES.get(problem.code)
                if problem.severity is Severity.BLOCKING and code is not None:
                    data = {k: v for k, v in (("count", problem.count), ("limit", problem.limit)) if v is not None}
                    return Rejected(code, f"the caption breaks Instagram's rule: {problem.code.value}", data)
        return None

    async def publish(self, request: PublishRequest) -> Outcome:
        caption = compose_text(request.text, request.link)
        if request.reply_to:
            if not self._checked_id(request.reply_to):
                return Rejected(CODE_BAD_ID, f"not an Instagram id: {request.reply_to!r}")
            return await self._comment(f"/{request.reply_to}/comments", caption, request.idempotency_key)
        refused = self._check(request, caption)
        if refused is not None:
            return refused
        ig = await self._ig_user()
        if not isinstance(ig, str):
            return ig
        key = request.idempotency_key
        try:
            top = await self._containers(ig, request, caption)
            if not isinstance(top, str):
                if isinstance(top, Rejected):
                    await self._drop(key)  # nothing will use what was staged for it
                return top
            limit = await self._quota(ig)
            if limit is not None:
                return limit
            got = await self._graph("POST", f"/{ig}/media_publish", data={"creation_id": top})
            if not isinstance(got, tuple):
                if isinstance(got, Rejected):
                    await self._drop(key)
                return got
            media_id = GRAPH.text(obj(got[0]), "id")
        except _AlreadyPublishedError:
            await self._drop(key)
            found = await self.find_published(request, self._clock() - CONTAINER_LIFETIME)
            return found if found is not None else Transient("the container was published but the post is not found")
        except ShapeError as exc:
            # Instagram may well have published it: the next attempt reconciles with find_published first.
            return Transient(str(exc))
        permalink = await self._permalink(media_id)
        await self._drop(key)
        return Published(media_id, permalink)

    async def _permalink(self, media_id: str) -> str:
        try:
            got = await self._graph("GET", f"/{media_id}", params={"fields": "permalink"})
            if isinstance(got, tuple):
                return GRAPH.opt_text(obj(got[0]), "permalink") or ""
        except ShapeError:
            pass
        return ""

    async def _containers(self, ig: str, request: PublishRequest, caption: str) -> str | Failure:
        """The container to publish, ready (``FINISHED``); made now or remembered from an attempt."""
        key = request.idempotency_key
        pending = self._pending.setdefault(key, _Pending())
        carousel = len(request.media) > 1
        story = request.kind is PostKind.STORY
        for index, media in enumerate(request.media):
            if index < len(pending.items):
                continue
            made = await self._create_item(ig, media, pending, caption=caption, carousel_item=carousel, story=story)
            if not isinstance(made, str):
                return made
            pending.items.append(made)
        ready = await self._await(key, pending.items)
        if ready is not None:
            return ready
        if not carousel:
            pending.top = pending.items[0]
            return pending.top
        if pending.top is None:
            data = {"media_type": "CAROUSEL", "children": ",".join(pending.items)}
            if caption:
                data["caption"] = caption
            got = await self._graph("POST", f"/{ig}/media", data=data)
            if not isinstance(got, tuple):
                return got
            pending.top = GRAPH.text(obj(got[0]), "id")
        ready = await self._await(key, [pending.top])
        return ready if ready is not None else pending.top

    async def _create_item(
        self, ig: str, media: MediaFile, pending: _Pending, *, caption: str, carousel_item: bool, story: bool
    ) -> str | Failure:
        video = media.mime_type.startswith("video/")
        data: dict[str, str] = {}
        if video:
            data["media_type"] = "STORIES" if story else ("VIDEO" if carousel_item else "REELS")
            data["upload_type"] = "resumable"
            if not carousel_item and not story:
                data["share_to_feed"] = "true"
        else:
            url = await self._public_url(media, pending)
            if not isinstance(url, str):
                return url
            data["image_url"] = url
            if story:
                data["media_type"] = "STORIES"
            if media.alt_text and not story:
                data["alt_text"] = media.alt_text
        if carousel_item:
            data["is_carousel_item"] = "true"
        elif caption and not story:
            data["caption"] = caption
        got = await self._graph("POST", f"/{ig}/media", data=data)
        if not isinstance(got, tuple):
            return got
        container = GRAPH.text(obj(got[0]), "id")
        if video:
            uploaded = await self._upload_video(container, media)
            if uploaded is not None:
                return uploaded  # this container never gets its bytes: a retry makes a new one
        return container

    async def _upload_video(self, container: str, media: MediaFile) -> Failure | None:
        """The file to ``rupload`` in one request (the token as ``OAuth``, never to another host)."""
        try:
            content = await asyncio.to_thread(media.path.read_bytes)
        except OSError as exc:
            return Rejected(CODE_MEDIA_UNREADABLE, f"{media.path.name}: {exc.strerror or exc}")
        response = await self._call(
            "POST",
            f"{self.rupload_base}/ig-api-upload/{self.graph_version}/{container}",
            content=content,
            headers={"offset": "0", "file_size": str(len(content)), "Content-Type": "application/octet-stream"},
            timeout=MEDIA_TIMEOUT,
            auth_scheme="OAuth",
        )
        if not isinstance(response, httpx.Response):
            return response
        if response.is_success:
            return None
        if parse_graph_error(response) is not None or response.status_code >= 500:
            return self._failure(response)
        try:
            info = obj(obj(response.json()).get("debug_info"))
        except (ValueError, ShapeError):
            return self._failure(response)
        message = str(info.get("message") or f"HTTP {response.status_code}")
        if info.get("retriable") is True:
            return Transient(f"video upload: {message}")
        return Rejected(CODE_UPLOAD_FAILED, message, {"status": response.status_code, "type": info.get("type")})

    async def _await(self, key: str, containers: Sequence[str]) -> Failure | None:
        """Poll until every container is ``FINISHED``; None when they are."""
        waiting = list(containers)
        for delay in (0.0, *self._polls):
            if delay:
                await self._sleep(delay)
            still: list[str] = []
            for container in waiting:
                got = await self._graph("GET", f"/{container}", params={"fields": "status_code,status"})
                if not isinstance(got, tuple):
                    if is_gone(got):
                        await self._drop(key)
                        return Transient("a media container disappeared; it will be made again")
                    return got
                body = obj(got[0])
                state = GRAPH.opt_text(body, "status_code")
                if state == "FINISHED":
                    continue
                if state == "PUBLISHED":
                    raise _AlreadyPublishedError
                if state == "ERROR":
                    await self._drop(key)
                    return Rejected(
                        CODE_PROCESSING_FAILED, GRAPH.opt_text(body, "status") or "ERROR", {"container": container}
                    )
                if state == "EXPIRED":
                    await self._drop(key)
                    return Transient("the media container expired (24 h); it will be made again")
                still.append(container)
            if not still:
                return None
            waiting = still
        return Transient("Instagram is still processing the media", CONTAINER_RETRY_AFTER)

    async def _drop(self, key: str) -> None:
        """Forget a delivery's containers and remove what was staged for them (best effort)."""
        pending = self._pending.pop(key, None)
        for kind, handle in pending.staged if pending else ():
            try:
                if kind == "page_photo":
                    await self._call("DELETE", f"/{handle}", token_name=self._page_token)
                else:
                    await self.client.request("DELETE", handle, headers=self._folder_headers())
            except httpx.HTTPError:
                pass

    async def _quota(self, ig: str) -> RateLimited | None:
        """``content_publishing_limit``: refuse before ``media_publish`` when the quota is used up."""
        try:
            got = await self._graph("GET", f"/{ig}/content_publishing_limit", params={"fields": "quota_usage,config"})
            if not isinstance(got, tuple):
                return None  # media_publish will say so itself
            entry = obj(GRAPH.items(obj(got[0]).get("data", []))[0])
            usage = number(entry.get("quota_usage"))
            total = number(obj(entry.get("config")).get("quota_total"))
        except (ShapeError, IndexError):
            return None
        if usage is not None and total is not None and usage >= total:
            return RateLimited(
                self._clock() + LONG_BLOCK_WAIT, f"Instagram publishing limit reached: {total} posts per 24 hours"
            )
        return None

    # -- the public URL an image needs ----------------------------------------------------------
    async def _public_url(self, media: MediaFile, pending: _Pending) -> str | Failure:
        provider = self.media_url_provider
        if provider not in PROVIDERS:
            return Rejected(
                CODE_NEEDS_PUBLIC_URL,
                "Instagram fetches images from a public web address, and this channel has none: ask IT to set "
                "media_url_provider to 'page_photo' (through the linked Facebook Page) or 'web_folder' "
                "(the institution's web folder)",
                {"provider": provider or ""},
            )
        try:
            content = await asyncio.to_thread(media.path.read_bytes)
        except OSError as exc:
            return Rejected(CODE_MEDIA_UNREADABLE, f"{media.path.name}: {exc.strerror or exc}")
        if provider == "page_photo":
            return await self._stage_on_page(media, content, pending)
        return await self._stage_in_folder(media, content, pending)

    async def _stage_on_page(self, media: MediaFile, content: bytes, pending: _Pending) -> str | Failure:
        if self._page_id is None:
            return Rejected(
                CODE_NEEDS_PUBLIC_URL, "media_url_provider 'page_photo' needs the linked Facebook Page's page_id"
            )
        name = "media" + _SUFFIXES.get(media.mime_type, media.path.suffix.lower())
        got = await self._graph(
            "POST",
            f"/{self._page_id}/photos",
            data={"published": "false"},
            files={"source": (name, content, media.mime_type)},
            timeout=MEDIA_TIMEOUT,
            token_name=self._page_token,
        )
        if not isinstance(got, tuple):
            return got
        photo_id = GRAPH.text(obj(got[0]), "id")
        pending.staged.append(("page_photo", photo_id))
        got = await self._graph("GET", f"/{photo_id}", params={"fields": "images"}, token_name=self._page_token)
        if not isinstance(got, tuple):
            return got
        images = [obj(i) for i in GRAPH.items(obj(got[0]).get("images", []))]
        if not images:
            raise ShapeError("the staged photo has no images")
        largest = max(images, key=lambda i: number(i.get("width")) or 0)
        return GRAPH.text(largest, "source")

    def _folder_headers(self) -> dict[str, str]:
        token = self._secrets.get("web_folder_token", "")
        return {"Authorization": f"Bearer {token}"} if token else {}

    async def _stage_in_folder(self, media: MediaFile, content: bytes, pending: _Pending) -> str | Failure:
        public = str(self.settings.get("public_base_url") or "").strip().rstrip("/")
        upload = str(self.settings.get("upload_url") or "").strip().rstrip("/")
        if urlsplit(public).scheme != "https" or urlsplit(upload).scheme not in ("http", "https"):
            return Rejected(
                CODE_NEEDS_PUBLIC_URL,
                "media_url_provider 'web_folder' needs public_base_url (https://…) and upload_url",
            )
        name = hashlib.sha256(content).hexdigest()[:32] + _SUFFIXES.get(media.mime_type, media.path.suffix.lower())
        target = f"{upload}/{name}"
        try:
            response = await self.client.request(
                "PUT",
                target,
                content=content,
                headers={"Content-Type": media.mime_type, **self._folder_headers()},
                timeout=MEDIA_TIMEOUT,
            )
        except httpx.TimeoutException as exc:
            return Transient(f"timeout talking to the web folder: {type(exc).__name__}")
        except httpx.RequestError as exc:
            return Transient(f"network error talking to the web folder: {type(exc).__name__}: {exc}")
        if response.status_code in (401, 403):
            return Rejected(
                CODE_WEB_FOLDER_REFUSED,
                f"the web folder refused the upload (HTTP {response.status_code}): check web_folder_token",
                {"status": response.status_code},
            )
        if response.status_code >= 500:
            return Transient(f"the web folder answered HTTP {response.status_code}")
        if not response.is_success:
            return Rejected(
                CODE_WEB_FOLDER_FAILED,
                f"the web folder answered HTTP {response.status_code}",
                {"status": response.status_code},
            )
        pending.staged.append(("web_folder", target))
        return f"{public}/{name}"

    # -- reconciling after a crash ------------------------------------------------------------
    async def find_published(
        self, request: PublishRequest, since: datetime
    ) -> Published | AuthExpired | RateLimited | Transient | None:
        """The media (or comment) this request created, if the account has it. Read-only.

        Feed posts and reels: the account's recent media with the same caption, media type and
        ``timestamp ≥ since`` (less clock skew). Stories (no caption): the first story of the
        right type since then. A comment: the media's comments by the account.
        """
        ig = await self._ig_user()
        if not isinstance(ig, str):
            return self._reading_failure(ig)
        oldest = aware(since) - CLOCK_SKEW
        caption = canonical(compose_text(request.text, request.link))
        try:
            if request.reply_to:
                return await self._find_comment(ig, request.reply_to, caption, oldest)
            video = any(m.mime_type.startswith("video/") for m in request.media)
            if request.kind is PostKind.STORY:
                wanted_type = "VIDEO" if video else "IMAGE"
                return await self._find(f"/{ig}/stories", oldest, lambda m: m.get("media_type") == wanted_type)
            wanted = "CAROUSEL_ALBUM" if len(request.media) > 1 else ("VIDEO" if video else "IMAGE")
            return await self._find(
                f"/{ig}/media",
                oldest,
                lambda m: m.get("media_type") == wanted and canonical(GRAPH.opt_text(m, "caption") or "") == caption,
            )
        except ShapeError as exc:
            return Transient(str(exc))

    async def _find(
        self, path: str, oldest: datetime, matches: Callable[[Mapping[str, Any]], bool]
    ) -> Published | AuthExpired | RateLimited | Transient | None:
        target = path
        params: dict[str, str] | None = {
            "fields": "id,caption,media_type,media_product_type,permalink,timestamp",
            "limit": str(PAGE_LIMIT),
        }
        for _ in range(LOOKUP_PAGES):
            got = await self._list_page(target, params)
            if not isinstance(got, tuple):
                return self._reading_failure(got)
            found, following = got
            for entry in found:
                media = obj(entry)
                if parse_time(media.get("timestamp")) >= oldest and matches(media):
                    return Published(GRAPH.text(media, "id"), GRAPH.opt_text(media, "permalink") or "")
            if not found or parse_time(obj(found[-1]).get("timestamp")) < oldest or following is None:
                return None
            target, params = following, None
        return None

    async def _find_comment(
        self, ig: str, media_id: str, text: str, oldest: datetime
    ) -> Published | AuthExpired | RateLimited | Transient | None:
        if not self._checked_id(media_id):
            return None
        comments = await self._comments(media_id)
        if not isinstance(comments, list):
            return None if is_gone(comments) else self._reading_failure(comments)
        for comment in comments:
            if (
                self._own(comment, ig)
                and parse_time(comment.get("timestamp")) >= oldest
                and canonical(GRAPH.opt_text(comment, "text") or "") == text
            ):
                return Published(GRAPH.text(comment, "id"), "")
        return None

    # -- after publishing ---------------------------------------------------------------------
    async def delete(self, remote_id: str) -> ActionOutcome:
        """Delete one of our comments. Published media cannot be deleted through the API."""
        if not self._checked_id(remote_id):
            return Rejected(CODE_BAD_ID, f"not an Instagram id: {remote_id!r}")
        response = await self._call("GET", f"/{remote_id}", params={"fields": "id,media_product_type"})
        if not isinstance(response, httpx.Response):
            return response
        if response.is_success:
            return Rejected(
                CODE_UNSUPPORTED, "Instagram does not let apps delete published posts: delete it in the Instagram app"
            )
        looked = self._failure(response, permission_as_auth=False)
        if is_gone(looked):
            return Done()
        if not (isinstance(looked, Rejected) and looked.code == CODE_INVALID_PARAMETER):
            return looked  # not "no such field": a failure to report
        response = await self._call("DELETE", f"/{remote_id}")  # a comment (it has no media_product_type)
        if not isinstance(response, httpx.Response):
            return response
        if response.is_success:
            return Done()
        failure = self._failure(response, permission_as_auth=False)
        return Done() if is_gone(failure) else failure

    async def delete_comment(self, remote_id: str) -> ActionOutcome:
        """The account may delete comments on its media (``DELETE /{ig-comment-id}``)."""
        return await self.delete(remote_id)

    async def hide(self, remote_id: str) -> ActionOutcome:
        """Hide a comment on our media (``hide=true``)."""
        if not self._checked_id(remote_id):
            return Rejected(CODE_BAD_ID, f"not an Instagram id: {remote_id!r}")
        response = await self._call("POST", f"/{remote_id}", data={"hide": "true"})
        if not isinstance(response, httpx.Response):
            return response
        if response.is_success:
            return Done()
        return self._failure(response, permission_as_auth=False)

    async def reply(self, parent_remote_id: str, text: str, idempotency_key: str) -> Outcome:
        """Answer a comment (``POST /{comment-id}/replies``)."""
        if not self._checked_id(parent_remote_id):
            return Rejected(CODE_BAD_ID, f"not an Instagram id: {parent_remote_id!r}")
        return await self._comment(f"/{parent_remote_id}/replies", text, idempotency_key)

    async def _comment(self, target: str, text: str, key: str) -> Outcome:
        earlier = self._replies.get(key)
        if earlier is not None:
            return earlier
        try:
            got = await self._graph("POST", target, data={"message": text})
            if not isinstance(got, tuple):
                return got
            published = Published(GRAPH.text(obj(got[0]), "id"), "")
        except ShapeError as exc:
            return Transient(str(exc))
        self._replies[key] = published
        return published

    async def metrics(self, remote_ids: Sequence[str]) -> Mapping[str, Metrics] | Transient:
        """Media insights; where Instagram has none (too few viewers, a story's metric set, album
        children) the like and comment counts; gone media are left out."""
        found: dict[str, Metrics] = {}
        for remote_id in remote_ids:
            if not self._checked_id(remote_id):
                continue
            try:
                got = await self._graph(
                    "GET",
                    f"/{remote_id}/insights",
                    params={"metric": ",".join(MEDIA_METRICS)},
                    permission_as_auth=False,
                )
                values: dict[str, int] = {}
                if isinstance(got, tuple):
                    for entry in GRAPH.items(obj(got[0]).get("data", [])):
                        metric = obj(entry)
                        series = metric.get("values")
                        total = metric.get("total_value")
                        value = obj(series[0]).get("value") if isinstance(series, list) and series else None
                        if value is None and isinstance(total, Mapping):
                            value = total.get("value")
                        count = number(value)
                        if count is not None:
                            values[GRAPH.text(metric, "name")] = count
                elif is_gone(got):
                    continue
                elif isinstance(got, Rejected):
                    counts = await self._graph("GET", f"/{remote_id}", params={"fields": "like_count,comments_count"})
                    if not isinstance(counts, tuple):
                        if is_gone(counts):
                            continue
                        return self._as_transient(counts)
                    media = obj(counts[0])
                    for name, key in (("likes", "like_count"), ("comments", "comments_count")):
                        amount = number(media.get(key))
                        if amount is not None:
                            values[name] = amount
                else:
                    return self._as_transient(got)
            except ShapeError as exc:
                return Transient(str(exc))
            found[remote_id] = Metrics(values)
        return found

    # -- inbox --------------------------------------------------------------------------------
    async def fetch_inbox(self, cursor: str | None) -> InboxPage | AuthExpired | RateLimited | Transient:
        """Comments and replies on the account's recent media, newer than the cursor.

        The cursor holds the newest ``timestamp`` seen, the ids seen at that second and each
        media's ``comments_count``: media whose count has not changed are not read again. Without
        a cursor the newest page of comments of each recent media is read. Our own comments are
        left out. (Mentions and direct messages reach apps through webhooks and the Messaging API,
        which a desktop app does not have.)
        """
        since, seen, counts = self._read_cursor(cursor)
        ig = await self._ig_user()
        if not isinstance(ig, str):
            return self._reading_failure(ig)
        found: dict[str, RemoteItem] = {}
        newest, newest_ids = since, set(seen)
        new_counts: dict[str, int] = {}
        try:
            got = await self._list_page(
                f"/{ig}/media", {"fields": "id,comments_count,timestamp", "limit": str(INBOX_MEDIA)}
            )
            if not isinstance(got, tuple):
                return self._reading_failure(got)
            for entry in got[0]:
                media = obj(entry)
                media_id = GRAPH.text(media, "id")
                count = number(media.get("comments_count")) or 0
                new_counts[media_id] = count
                if count == 0 or (cursor is not None and counts.get(media_id) == count):
                    continue
                comments = await self._comments(media_id)
                if not isinstance(comments, list):
                    if isinstance(comments, Rejected):
                        continue
                    return self._reading_failure(comments)
                for comment in comments:
                    replies = comment.get("replies")
                    thread = [(comment, None)] + [
                        (obj(r), GRAPH.text(comment, "id"))
                        for r in (GRAPH.items(replies.get("data", [])) if isinstance(replies, Mapping) else [])
                    ]
                    for item, parent in thread:
                        created = parse_time(item.get("timestamp"))
                        item_id = GRAPH.text(item, "id")
                        if newest is None or created > newest:
                            newest, newest_ids = created, {item_id}
                        elif created == newest:
                            newest_ids.add(item_id)
                        if since is not None and (created < since or (created == since and item_id in seen)):
                            continue
                        if self._own(item, ig):
                            continue
                        username = GRAPH.opt_text(item, "username") or ""
                        found[item_id] = RemoteItem(
                            remote_id=item_id,
                            kind=InboxKind.REPLY if parent else InboxKind.COMMENT,
                            author_name=username,
                            author_handle=f"@{username}" if username else "",
                            text=GRAPH.opt_text(item, "text") or "",
                            created_at=created,
                            parent_remote_id=parent or media_id,
                            post_remote_id=media_id,
                        )
        except ShapeError as exc:
            return Transient(str(exc))
        ordered = tuple(sorted(found.values(), key=lambda i: (i.created_at, i.remote_id)))
        if newest == since and newest_ids == set(seen) and new_counts == counts:
            return InboxPage(ordered, cursor)
        payload: dict[str, Any] = {"v": 1, "counts": new_counts}
        if newest is not None:
            payload.update(t=newest.isoformat(), ids=sorted(newest_ids))
        return InboxPage(ordered, json.dumps(payload, sort_keys=True))

    @staticmethod
    def _read_cursor(cursor: str | None) -> tuple[datetime | None, list[str], dict[str, int]]:
        if not cursor:
            return None, [], {}
        try:
            data = json.loads(cursor)
            moment = parse_time(data["t"]) if data.get("t") else None
            ids = [str(i) for i in data.get("ids", [])]
            counts = {str(k): int(v) for k, v in data.get("counts", {}).items()}
        except (ValueError, KeyError, TypeError, AttributeError, ShapeError):
            return None, [], {}
        return moment, ids, counts

    def _own(self, comment: Mapping[str, Any], ig: str) -> bool:
        author = comment.get("from")
        if isinstance(author, Mapping) and GRAPH.opt_text(author, "id") == ig:
            return True
        return self._username is not None and GRAPH.opt_text(comment, "username") == self._username

    async def _comments(self, media_id: str) -> list[Mapping[str, Any]] | Failure:
        collected: list[Mapping[str, Any]] = []
        target = f"/{media_id}/comments"
        reply_fields = "id,text,timestamp,username,from{id,username}"
        params: dict[str, str] | None = {
            "fields": f"{reply_fields},replies{{{reply_fields}}}",
            "limit": "50",
        }
        for _ in range(INBOX_COMMENT_PAGES):
            got = await self._list_page(target, params)
            if not isinstance(got, tuple):
                return got
            page, following = got
            collected.extend(obj(entry) for entry in page)
            if following is None:
                break
            target, params = following, None
        return collected
