"""Facebook Page through the Graph API, with a Page access token. No Qt.

Secrets: ``page_access_token`` — a long-lived Page token, or a Business Manager system-user
token IT pastes in (a desktop app cannot hold the app secret Meta's token exchange needs).
Settings: ``page_id`` (optional with a Page token: ``/me`` is then the Page), ``graph_version``
(default ``v25.0``), ``base_url`` (default ``https://graph.facebook.com``; a sandbox sets its own),
``video_base_url`` (default ``https://graph-video.facebook.com`` with the real Graph),
``max_schedule_days`` (default 75).

What it sends (``reference/platform_apis.md`` §1.2):

- Text / link: ``POST /{page-id}/feed`` with ``message`` and ``link`` (Facebook builds the preview).
- One photo: ``POST /{page-id}/photos`` (multipart ``source``, ``message`` as caption) →
  ``{"id", "post_id"}``; the remote id is the post id ``<page>_<post>``. Every photo upload
  (this one and the unpublished ones below) carries its alt text as ``alt_text_custom`` (the Photo
  reference's creation parameter, "Accessible alternative description for an image"; no limit
  documented), and no such field at all when the picture has none.
- Several photos, or a scheduled photo post: each photo ``published=false`` (``temporary=true``
  when scheduled), then ``POST /{page-id}/feed`` with ``attached_media=[{"media_fbid": …}]``.
  Photo ids are remembered per delivery so a retry does not upload them again.
- Video: ``POST /{page-id}/videos`` (multipart ``source``, ``description``) on the video host →
  ``{"id"}`` (videos answer with the video id only: that is the remote id); ``status.video_status``
  is polled a bounded number of times: ``error`` → ``Rejected("video_processing_failed")``,
  still processing → :class:`Published` all the same (Facebook finishes it on its own).
- Native scheduling: ``published=false`` + ``scheduled_publish_time`` (unix seconds), 10 minutes to
  ``max_schedule_days`` ahead → ``Published(scheduled=True)``; the post keeps its id when
  Facebook publishes it. A time already past is posted now.
- A reply (``reply_to``) or :meth:`reply`: ``POST /{object-id}/comments``.

Meta keeps no idempotency key, so :meth:`find_published` reads the Page's recent posts
(``published_posts``, ``scheduled_posts``, ``videos``, or the comments of the parent) and matches
the message exactly (NFC, whitespace runs folded) inside the time window; the text is never
altered to carry a marker. Errors are mapped by ``meta_common.graph_failure``. Stories, reels and
polls are not offered (``Rejected("unsupported")``).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any, Final

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
    CODE_MIXED_MEDIA,
    CODE_TOO_MANY_MEDIA,
    CODE_UNSUPPORTED,
    DEFAULT_GRAPH_BASE,
    GRAPH,
    MEDIA_TIMEOUT,
    Clock,
    Failure,
    GraphAdapter,
    Sleeper,
    aware,
    canonical,
    compose_text,
    is_gone,
    parse_time,
    utc_now,
)

DEFAULT_VIDEO_BASE: Final = "https://graph-video.facebook.com"
WEB_BASE: Final = "https://www.facebook.com"
MIN_SCHEDULE_AHEAD: Final = timedelta(minutes=10)
DEFAULT_MAX_SCHEDULE_DAYS: Final = 75
#: Waits before each ``GET /{video-id}?fields=status`` (seconds); about 40 s in all.
VIDEO_POLL_DELAYS: Final[tuple[float, ...]] = (2, 3, 5, 5, 10, 15)
PAGE_LIMIT: Final = 25
LOOKUP_PAGES: Final = 4  # find_published: up to 100 recent posts / comments
INBOX_POSTS: Final = 25  # fetch_inbox: comments on the Page's 25 most recent posts
INBOX_COMMENT_PAGES: Final = 4  # … up to 200 new comments per post and call
#: Post metrics after the 2025 deprecations (reference §1.5); each is asked again alone when
#: Facebook says one of them is not a valid metric (code 100), and the invalid ones are skipped.
POST_METRICS: Final = ("post_total_media_view_unique", "post_reactions_by_type_total", "post_clicks")

CODE_SCHEDULE_TOO_SOON: Final = "schedule_too_soon"
CODE_SCHEDULE_TOO_FAR: Final = "schedule_too_far"
CODE_VIDEO_FAILED: Final = "video_processing_failed"
CODE_PAGE_ID_REQUIRED: Final = "page_id_required"


def _graph_id_ok(value: str) -> bool:
    return GraphAdapter._checked_id(value)


def _absolute(permalink: str) -> str:
    """Video permalinks come as paths (``/page/videos/1/``)."""
    return WEB_BASE + permalink if permalink.startswith("/") else permalink


class FacebookAdapter(GraphAdapter):
    """A Facebook Page. See the module docstring for settings and secrets."""

    platform = Platform.FACEBOOK
    token_secret = "page_access_token"
    service = "Facebook"

    def __init__(
        self,
        client: httpx.AsyncClient,
        settings: Mapping[str, Any],
        secrets: Mapping[str, str],
        *,
        sleep: Sleeper = asyncio.sleep,
        clock: Clock = utc_now,
        video_poll_delays: Sequence[float] = VIDEO_POLL_DELAYS,
    ) -> None:
        super().__init__(client, settings, secrets, sleep=sleep, clock=clock)
        page_id = str(settings.get("page_id") or "").strip()
        if page_id and not page_id.isdigit():
            raise ValueError(f"Facebook page_id must be the numeric Page id, got {page_id!r}")
        self._page_id: str | None = page_id or None
        video_base = str(settings.get("video_base_url") or "").strip().rstrip("/")
        if not video_base:
            video_base = DEFAULT_VIDEO_BASE if self.base_url == DEFAULT_GRAPH_BASE else self.base_url
        self.video_url = f"{video_base}/{self.graph_version}"
        days = settings.get("max_schedule_days", DEFAULT_MAX_SCHEDULE_DAYS)
        self._max_schedule = timedelta(days=int(days) if str(days).isdigit() else DEFAULT_MAX_SCHEDULE_DAYS)
        self._video_polls = tuple(video_poll_delays)
        #: (idempotency key, index) → unpublished photo id uploaded for that delivery.
        self._photos: dict[tuple[str, int], str] = {}
        #: idempotency key → the comment a reply created (no idempotency on Meta: not twice per run).
        self._replies: dict[str, Published] = {}

    # -- account ------------------------------------------------------------------------------
    async def verify(self) -> AccountInfo | AuthExpired | RateLimited | Rejected | Transient:
        target = f"/{self._page_id}" if self._page_id else "/me"
        try:
            got = await self._graph("GET", target, params={"fields": "id,name,username,link,category"})
            if not isinstance(got, tuple):
                if isinstance(got, Rejected) and self._page_id is None and got.code == CODE_INVALID_PARAMETER:
                    return self._needs_page_id(got)
                return got
            page = obj(got[0])
            page_id = GRAPH.text(page, "id")
            name = GRAPH.opt_text(page, "name") or page_id
        except ShapeError as exc:
            return Transient(str(exc))
        self._page_id = page_id
        username = GRAPH.opt_text(page, "username")
        return AccountInfo(
            remote_id=page_id,
            handle=f"@{username}" if username else (GRAPH.opt_text(page, "link") or name),
            display_name=name,
        )

    @staticmethod
    def _needs_page_id(got: Rejected) -> Rejected:
        return Rejected(
            CODE_PAGE_ID_REQUIRED,
            "the token is not a Page token: set the channel's page_id (" + got.platform_message + ")",
            got.data,
        )

    async def _page(self) -> str | Failure:
        """The Page id: from the settings, else ``/me`` (a Page token's own Page)."""
        if self._page_id is None:
            info = await self.verify()
            if not isinstance(info, AccountInfo):
                return info
        assert self._page_id is not None
        return self._page_id

    async def _permalink(self, object_id: str) -> str:
        """``permalink_url`` of a post or comment; ``https://www.facebook.com/<id>`` if it cannot be read."""
        try:
            got = await self._graph("GET", f"/{object_id}", params={"fields": "permalink_url"})
            if isinstance(got, tuple):
                link = GRAPH.opt_text(obj(got[0]), "permalink_url")
                if link:
                    return _absolute(link)
        except ShapeError:
            pass
        return f"{WEB_BASE}/{object_id}"

    # -- publishing ---------------------------------------------------------------------------
    def _schedule(self, request: PublishRequest) -> datetime | Rejected | None:
        if request.scheduled_at is None:
            return None
        when = aware(request.scheduled_at)
        now = self._clock()
        if when <= now:
            return None  # due already: post now
        if when - now < MIN_SCHEDULE_AHEAD:
            return Rejected(CODE_SCHEDULE_TOO_SOON, "Facebook schedules posts at least 10 minutes ahead")
        if when - now > self._max_schedule:
            days = self._max_schedule.days
            return Rejected(
                CODE_SCHEDULE_TOO_FAR, f"Facebook schedules posts at most {days} days ahead", {"max_days": days}
            )
        return when

    @staticmethod
    def _message(request: PublishRequest) -> str:
        """The post's text: a text post carries its link in ``link``; a media post in the text."""
        return compose_text(request.text, request.link) if request.media else request.text

    async def publish(self, request: PublishRequest) -> Outcome:
        if request.kind in (PostKind.STORY, PostKind.REEL):
            return Rejected(CODE_UNSUPPORTED, f"Facebook {request.kind.value} posts are not supported by this app")
        if request.kind is PostKind.POLL or request.poll is not None:
            return Rejected(CODE_UNSUPPORTED, "Facebook has no API for polls on Page posts")
        if request.reply_to:
            if not _graph_id_ok(request.reply_to):
                return Rejected(CODE_BAD_ID, f"not a Facebook id: {request.reply_to!r}")
            return await self.reply(request.reply_to, compose_text(request.text, request.link), request.idempotency_key)
        scheduled = self._schedule(request)
        if isinstance(scheduled, Rejected):
            return scheduled
        images = [m for m in request.media if m.mime_type.startswith("image/")]
        videos = [m for m in request.media if m.mime_type.startswith("video/")]
        if len(images) + len(videos) != len(request.media):
            return Rejected(CODE_UNSUPPORTED, "Facebook posts carry images or a video")
        if images and videos:
            return Rejected(CODE_MIXED_MEDIA, "a Facebook post carries photos or one video, not both")
        if len(videos) > 1:
            return Rejected(CODE_TOO_MANY_MEDIA, "a Facebook post carries one video", {"limit": 1})
        page = await self._page()
        if not isinstance(page, str):
            return page
        try:
            if videos:
                return await self._publish_video(page, request, videos[0], scheduled)
            if len(images) == 1 and scheduled is None:
                return await self._publish_photo(page, request, images[0])
            if images:
                return await self._publish_album(page, request, images, scheduled)
            return await self._publish_feed(page, request, scheduled)
        except ShapeError as exc:
            # Facebook may well have posted it: the next attempt reconciles with find_published first.
            return Transient(str(exc))

    async def _publish_feed(self, page: str, request: PublishRequest, scheduled: datetime | None) -> Outcome:
        data: dict[str, str] = {}
        if request.text:
            data["message"] = request.text
        if request.link:
            data["link"] = request.link
        return await self._post_feed(page, data, scheduled)

    async def _post_feed(self, page: str, data: dict[str, str], scheduled: datetime | None) -> Outcome:
        if scheduled is not None:
            data["published"] = "false"
            data["scheduled_publish_time"] = str(self._unix(scheduled))
        got = await self._graph("POST", f"/{page}/feed", data=data)
        if not isinstance(got, tuple):
            return got
        post_id = GRAPH.text(obj(got[0]), "id")
        return Published(post_id, await self._permalink(post_id), scheduled=scheduled is not None)

    @staticmethod
    async def _read(media: MediaFile) -> bytes | Rejected:
        try:
            return await asyncio.to_thread(media.path.read_bytes)
        except OSError as exc:
            return Rejected(CODE_MEDIA_UNREADABLE, f"{media.path.name}: {exc.strerror or exc}")

    @staticmethod
    def _alt(media: MediaFile) -> dict[str, str]:
        """``alt_text_custom`` when the picture has a description; an empty one is not sent."""
        return {"alt_text_custom": media.alt_text} if media.alt_text.strip() else {}

    @staticmethod
    def _file_name(index: int, media: MediaFile) -> str:
        return f"media{index + 1}{media.path.suffix.lower()}"  # the local file name stays on the laptop

    async def _publish_photo(self, page: str, request: PublishRequest, media: MediaFile) -> Outcome:
        content = await self._read(media)
        if isinstance(content, Rejected):
            return content
        data = {"published": "true"} | self._alt(media)
        message = self._message(request)
        if message:
            data["message"] = message
        got = await self._graph(
            "POST",
            f"/{page}/photos",
            data=data,
            files={"source": (self._file_name(0, media), content, media.mime_type)},
            timeout=MEDIA_TIMEOUT,
        )
        if not isinstance(got, tuple):
            return got
        answer = obj(got[0])
        post_id = GRAPH.opt_text(answer, "post_id") or GRAPH.text(answer, "id")
        return Published(post_id, await self._permalink(post_id))

    async def _stage_photo(self, page: str, key: str, index: int, media: MediaFile, scheduled: bool) -> str | Failure:
        """An unpublished photo for ``attached_media``; one uploaded earlier for this delivery is reused."""
        earlier = self._photos.get((key, index))
        if earlier is not None:
            got = await self._graph("GET", f"/{earlier}", params={"fields": "id"})
            if isinstance(got, tuple):
                return earlier
            if not is_gone(got):
                return got
            del self._photos[(key, index)]
        content = await self._read(media)
        if isinstance(content, Rejected):
            return content
        data = {"published": "false"} | self._alt(media)
        if scheduled:
            data["temporary"] = "true"  # a photo for a scheduled post
        got = await self._graph(
            "POST",
            f"/{page}/photos",
            data=data,
            files={"source": (self._file_name(index, media), content, media.mime_type)},
            timeout=MEDIA_TIMEOUT,
        )
        if not isinstance(got, tuple):
            return got
        photo_id = GRAPH.text(obj(got[0]), "id")
        self._photos[(key, index)] = photo_id
        return photo_id

    async def _publish_album(
        self, page: str, request: PublishRequest, images: Sequence[MediaFile], scheduled: datetime | None
    ) -> Outcome:
        photo_ids: list[str] = []
        for index, media in enumerate(images):
            staged = await self._stage_photo(page, request.idempotency_key, index, media, scheduled is not None)
            if not isinstance(staged, str):
                return staged
            photo_ids.append(staged)
        data = {"attached_media": json.dumps([{"media_fbid": photo_id} for photo_id in photo_ids])}
        message = self._message(request)
        if message:
            data["message"] = message
        outcome = await self._post_feed(page, data, scheduled)
        if isinstance(outcome, Published | Rejected):
            for index in range(len(images)):
                self._photos.pop((request.idempotency_key, index), None)
        return outcome

    async def _publish_video(
        self, page: str, request: PublishRequest, media: MediaFile, scheduled: datetime | None
    ) -> Outcome:
        content = await self._read(media)
        if isinstance(content, Rejected):
            return content
        data: dict[str, str] = {}
        message = self._message(request)
        if message:
            data["description"] = message
        if scheduled is not None:
            data["published"] = "false"
            data["scheduled_publish_time"] = str(self._unix(scheduled))
        got = await self._graph(
            "POST",
            f"{self.video_url}/{page}/videos",
            data=data,
            files={"source": (self._file_name(0, media), content, media.mime_type)},
            timeout=MEDIA_TIMEOUT,
        )
        if not isinstance(got, tuple):
            return got
        video_id = GRAPH.text(obj(got[0]), "id")
        permalink = f"{WEB_BASE}/{page}/videos/{video_id}/"
        for delay in self._video_polls:
            await self._sleep(delay)
            try:
                polled = await self._graph("GET", f"/{video_id}", params={"fields": "status,permalink_url"})
                if not isinstance(polled, tuple):
                    break  # the video exists; its state is only for reporting a failed conversion
                video = obj(polled[0])
                permalink = _absolute(GRAPH.opt_text(video, "permalink_url") or permalink)
                status = video.get("status")
                state = status.get("video_status") if isinstance(status, Mapping) else None
            except ShapeError:
                break
            if state == "error":
                return Rejected(CODE_VIDEO_FAILED, self._video_error(status), {"video_id": video_id})
            if state == "ready":
                break
        return Published(video_id, permalink, scheduled=scheduled is not None)

    @staticmethod
    def _video_error(status: Any) -> str:
        phase = status.get("processing_phase") if isinstance(status, Mapping) else None
        errors = phase.get("errors") if isinstance(phase, Mapping) else None
        if isinstance(errors, list) and errors and isinstance(errors[0], Mapping):
            return str(errors[0].get("message") or "video processing failed")
        return "Facebook could not process the video"

    # -- reconciling after a crash ------------------------------------------------------------
    async def find_published(
        self, request: PublishRequest, since: datetime
    ) -> Published | AuthExpired | RateLimited | Transient | None:
        """The post this request created, if the Page has it (read-only: never posts).

        Scheduled: ``scheduled_posts`` with the same message and ``scheduled_publish_time``; then
        (it may have gone out meanwhile) the published posts. Video: the Page's ``videos`` by
        description. Reply: the parent's comments by the Page. Otherwise ``published_posts``.
        Matched by exact message and ``created_time ≥ since`` (less a few minutes of clock skew).
        """
        page = await self._page()
        if not isinstance(page, str):
            return self._reading_failure(page)
        oldest = aware(since) - CLOCK_SKEW
        try:
            if request.reply_to:
                return await self._find_comment(page, request, oldest)
            if request.scheduled_at is not None and aware(request.scheduled_at) > oldest:
                found = await self._find_scheduled(page, request)
                if found is not None:
                    return found
            if any(m.mime_type.startswith("video/") for m in request.media):
                return await self._find(
                    f"/{page}/videos", "id,description,created_time,permalink_url", "description", request, oldest
                )
            return await self._find(
                f"/{page}/published_posts", "id,message,created_time,permalink_url", "message", request, oldest
            )
        except ShapeError as exc:
            return Transient(str(exc))

    async def _find(
        self, path: str, fields: str, text_field: str, request: PublishRequest, oldest: datetime
    ) -> Published | AuthExpired | RateLimited | Transient | None:
        wanted = canonical(self._message(request))
        target = path
        params: dict[str, str] | None = {"fields": fields, "limit": str(PAGE_LIMIT)}
        for _ in range(LOOKUP_PAGES):
            got = await self._list_page(target, params)
            if not isinstance(got, tuple):
                return self._reading_failure(got)
            found, following = got
            for entry in found:
                item = obj(entry)
                created = parse_time(item.get("created_time"))
                if created >= oldest and canonical(GRAPH.opt_text(item, text_field) or "") == wanted:
                    object_id = GRAPH.text(item, "id")
                    link = GRAPH.opt_text(item, "permalink_url") or f"{WEB_BASE}/{object_id}"
                    return Published(object_id, _absolute(link))
            if not found or parse_time(obj(found[-1]).get("created_time")) < oldest or following is None:
                return None
            target, params = following, None
        return None

    async def _find_scheduled(
        self, page: str, request: PublishRequest
    ) -> Published | AuthExpired | RateLimited | Transient | None:
        assert request.scheduled_at is not None
        wanted = canonical(self._message(request))
        when = self._unix(request.scheduled_at)
        target = f"/{page}/scheduled_posts"
        params: dict[str, str] | None = {"fields": "id,message,scheduled_publish_time,permalink_url", "limit": "100"}
        for _ in range(LOOKUP_PAGES):
            got = await self._list_page(target, params)
            if not isinstance(got, tuple):
                return self._reading_failure(got)
            found, following = got
            for entry in found:
                item = obj(entry)
                if number(item.get("scheduled_publish_time")) == when and (
                    canonical(GRAPH.opt_text(item, "message") or "") == wanted
                ):
                    post_id = GRAPH.text(item, "id")
                    link = GRAPH.opt_text(item, "permalink_url") or f"{WEB_BASE}/{post_id}"
                    return Published(post_id, _absolute(link), scheduled=True)
            if following is None:
                return None
            target, params = following, None
        return None

    async def _find_comment(
        self, page: str, request: PublishRequest, oldest: datetime
    ) -> Published | AuthExpired | RateLimited | Transient | None:
        assert request.reply_to is not None
        if not _graph_id_ok(request.reply_to):
            return None
        wanted = canonical(compose_text(request.text, request.link))
        target = f"/{request.reply_to}/comments"
        params: dict[str, str] | None = {
            "filter": "stream",
            "order": "reverse_chronological",
            "fields": "id,message,from,created_time,permalink_url",
            "limit": "50",
        }
        for _ in range(LOOKUP_PAGES):
            got = await self._list_page(target, params)
            if not isinstance(got, tuple):
                if is_gone(got):
                    return None
                return self._reading_failure(got)
            found, following = got
            for entry in found:
                item = obj(entry)
                author = item.get("from")
                if (
                    isinstance(author, Mapping)
                    and GRAPH.opt_text(author, "id") == page
                    and parse_time(item.get("created_time")) >= oldest
                    and canonical(GRAPH.opt_text(item, "message") or "") == wanted
                ):
                    comment_id = GRAPH.text(item, "id")
                    return Published(comment_id, _absolute(GRAPH.opt_text(item, "permalink_url") or ""))
            if not found or parse_time(obj(found[-1]).get("created_time")) < oldest or following is None:
                return None
            target, params = following, None
        return None

    # -- after publishing ---------------------------------------------------------------------
    async def delete(self, remote_id: str) -> ActionOutcome:
        """Delete a post, video or comment; one already gone counts as deleted."""
        if not _graph_id_ok(remote_id):
            return Rejected(CODE_BAD_ID, f"not a Facebook id: {remote_id!r}")
        return await self._action("DELETE", remote_id, None)

    async def delete_comment(self, remote_id: str) -> ActionOutcome:
        """A Page may delete comments on its posts (``DELETE /{comment-id}``)."""
        return await self.delete(remote_id)

    async def hide(self, remote_id: str) -> ActionOutcome:
        """Hide a comment (``is_hidden=true``): its author and friends still see it, nobody else."""
        if not _graph_id_ok(remote_id):
            return Rejected(CODE_BAD_ID, f"not a Facebook id: {remote_id!r}")
        return await self._action("POST", remote_id, {"is_hidden": "true"})

    async def _action(self, method: str, object_id: str, data: Mapping[str, str] | None) -> ActionOutcome:
        response = await self._call(method, f"/{object_id}", data=data)
        if not isinstance(response, httpx.Response):
            return response
        if response.is_success:
            return Done()
        failure = self._failure(response, permission_as_auth=False)
        if method == "DELETE" and is_gone(failure):
            return Done()  # not there: what a delete wants
        return failure

    async def reply(self, parent_remote_id: str, text: str, idempotency_key: str) -> Outcome:
        """Comment on a post, or answer a comment (Facebook keeps one level of replies)."""
        if not _graph_id_ok(parent_remote_id):
            return Rejected(CODE_BAD_ID, f"not a Facebook id: {parent_remote_id!r}")
        earlier = self._replies.get(idempotency_key)
        if earlier is not None:
            return earlier
        try:
            got = await self._graph("POST", f"/{parent_remote_id}/comments", data={"message": text})
            if not isinstance(got, tuple):
                return got
            comment_id = GRAPH.text(obj(got[0]), "id")
        except ShapeError as exc:
            return Transient(str(exc))
        published = Published(comment_id, await self._permalink(comment_id))
        self._replies[idempotency_key] = published
        return published

    async def metrics(self, remote_ids: Sequence[str]) -> Mapping[str, Metrics] | Transient:
        """Post insights (reach, reactions by type, clicks); videos, comments and gone posts are left out."""
        found: dict[str, Metrics] = {}
        for remote_id in remote_ids:
            if "_" not in remote_id or not _graph_id_ok(remote_id):
                continue  # a video or photo id: post insights only
            values: dict[str, int] = {}
            outcome = await self._insights(remote_id, POST_METRICS, values)
            if isinstance(outcome, Rejected) and outcome.code == CODE_INVALID_PARAMETER:
                for metric in POST_METRICS:  # one metric is no longer valid: keep the others
                    single = await self._insights(remote_id, (metric,), values)
                    if single is not None and not isinstance(single, Rejected):
                        return self._as_transient(single)
            elif isinstance(outcome, Rejected):
                continue  # gone, or no insights for this post
            elif outcome is not None:
                return self._as_transient(outcome)
            found[remote_id] = Metrics(values)
        return found

    async def _insights(self, post_id: str, metrics: Sequence[str], into: dict[str, int]) -> Failure | None:
        try:
            got = await self._graph("GET", f"/{post_id}/insights", params={"metric": ",".join(metrics)})
            if not isinstance(got, tuple):
                return got
            for entry in GRAPH.items(obj(got[0]).get("data", [])):
                metric = obj(entry)
                name = GRAPH.text(metric, "name")
                values = GRAPH.items(metric.get("values", []))
                value = obj(values[-1]).get("value") if values else None
                count = number(value)
                if count is not None:
                    into[name] = count
                elif isinstance(value, Mapping):
                    parts = {str(k): v for k, v in value.items() if number(v) is not None}
                    into[name] = sum(parts.values())
                    for part, amount in parts.items():
                        into[f"{name}.{part}"] = amount
        except ShapeError as exc:
            return Transient(str(exc))
        return None

    # -- inbox --------------------------------------------------------------------------------
    async def fetch_inbox(self, cursor: str | None) -> InboxPage | AuthExpired | RateLimited | Transient:
        """Comments and replies on the Page's recent posts, newer than the cursor.

        The cursor holds the newest ``created_time`` seen and the ids seen at that second. A post
        whose ``updated_time`` (which a new comment moves) is older than the cursor is skipped.
        Without a cursor only the newest page of comments of each recent post is read (a new
        channel does not import its whole history). The Page's own comments are left out.
        """
        since, seen = self._read_cursor(cursor)
        page = await self._page()
        if not isinstance(page, str):
            return self._reading_failure(page)
        found: dict[str, RemoteItem] = {}
        newest, newest_ids = since, set(seen)
        try:
            got = await self._list_page(
                f"/{page}/published_posts", {"fields": "id,updated_time,created_time", "limit": str(INBOX_POSTS)}
            )
            if not isinstance(got, tuple):
                return self._reading_failure(got)
            for entry in got[0]:
                post = obj(entry)
                post_id = GRAPH.text(post, "id")
                updated = parse_time(post.get("updated_time") or post.get("created_time"))
                if since is not None and updated < since:
                    continue
                comments = await self._comments_since(post_id, since)
                if not isinstance(comments, list):
                    if isinstance(comments, Rejected):
                        continue  # the post went away meanwhile
                    return self._reading_failure(comments)
                for comment in comments:
                    created = parse_time(comment.get("created_time"))
                    comment_id = GRAPH.text(comment, "id")
                    if newest is None or created > newest:
                        newest, newest_ids = created, {comment_id}
                    elif created == newest:
                        newest_ids.add(comment_id)
                    if since is not None and (created < since or (created == since and comment_id in seen)):
                        continue
                    item = self._remote_item(comment, post_id, page, created)
                    if item is not None:
                        found[item.remote_id] = item
        except ShapeError as exc:
            return Transient(str(exc))
        ordered = tuple(sorted(found.values(), key=lambda i: (i.created_at, i.remote_id)))
        if newest == since and newest_ids == set(seen):
            return InboxPage(ordered, cursor)
        assert newest is not None
        return InboxPage(ordered, json.dumps({"v": 1, "t": newest.isoformat(), "ids": sorted(newest_ids)}))

    @staticmethod
    def _read_cursor(cursor: str | None) -> tuple[datetime | None, list[str]]:
        if not cursor:
            return None, []
        try:
            data = json.loads(cursor)
            moment = parse_time(data["t"])
            ids = [str(i) for i in data.get("ids", [])]
        except (ValueError, KeyError, TypeError, ShapeError):
            return None, []
        return moment, ids

    async def _comments_since(self, post_id: str, since: datetime | None) -> list[Mapping[str, Any]] | Failure:
        """The post's comments and replies (newest first) down to ``since``."""
        collected: list[Mapping[str, Any]] = []
        target = f"/{post_id}/comments"
        params: dict[str, str] | None = {
            "filter": "stream",
            "order": "reverse_chronological",
            "fields": "id,message,from,created_time,parent",
            "limit": "50",
        }
        for _ in range(INBOX_COMMENT_PAGES):
            got = await self._list_page(target, params)
            if not isinstance(got, tuple):
                return got
            page, following = got
            collected.extend(obj(entry) for entry in page)
            if since is None or not page or following is None:
                break
            if parse_time(obj(page[-1]).get("created_time")) < since:
                break
            target, params = following, None
        return collected

    @staticmethod
    def _remote_item(comment: Mapping[str, Any], post_id: str, page: str, created: datetime) -> RemoteItem | None:
        author = comment.get("from")
        author_id = GRAPH.opt_text(author, "id") if isinstance(author, Mapping) else None
        if author_id == page:
            return None  # the Page's own comment
        name = GRAPH.opt_text(author, "name") if isinstance(author, Mapping) else None
        parent = comment.get("parent")
        parent_id = GRAPH.opt_text(parent, "id") if isinstance(parent, Mapping) else None
        return RemoteItem(
            remote_id=GRAPH.text(comment, "id"),
            kind=InboxKind.REPLY if parent_id else InboxKind.COMMENT,
            author_name=name or "",
            author_handle="",  # Facebook people have no handle; the name is all a Page token sees
            text=GRAPH.opt_text(comment, "message") or "",
            created_at=created,
            parent_remote_id=parent_id or post_id,
            post_remote_id=post_id,
        )
