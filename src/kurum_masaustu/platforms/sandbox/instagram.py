"""An in-process Instagram Graph API (Instagram API with Facebook Login) for one professional
account, with its linked Facebook Page.

Faithful to ``reference/platform_apis.md`` §2 and §10, not to our adapter:

- Containers: ``POST /{ig-user-id}/media`` for an image (``image_url``), a reel
  (``media_type=REELS``), a story (``STORIES``), carousel items (``is_carousel_item``, images or
  ``VIDEO``) and carousels (``CAROUSEL`` with 2–10 ``children``). ``media_type=VIDEO`` outside a
  carousel is refused (retired in 2023). Videos come by ``upload_type=resumable`` and a
  ``POST /ig-api-upload/{version}/{container-id}`` with ``Authorization: OAuth``, ``offset`` and
  ``file_size``, or by ``video_url``.
- Meta fetches ``image_url``/``video_url`` itself: the sandbox can fetch the linked Page's photos
  (their CDN address) and whatever the registered ``fetchers`` serve (e.g. a
  :class:`WebFolderSandbox`); anything else is ``9004/2207052`` ("Media download has failed"),
  like a URL that is not public. Images: JPEG or PNG, ≤ 8 MiB (``36000/2207004``), aspect ratio
  4:5 to 1.91:1 for the feed (``36003/2207009``).
- Status: ``GET /{container-id}?fields=status_code,status`` is ``IN_PROGRESS`` → ``FINISHED`` or
  ``ERROR`` (an unsupported video, ``2207026``), ``EXPIRED`` after 24 h, ``PUBLISHED`` after
  ``media_publish``. Each status read moves processing on (``video_processing_polls``;
  ``Faults.slow_media_polls`` adds more). ``media_publish`` on a container not ``FINISHED`` is
  ``9007/2207027`` "Media ID is not available"; past ``content_publishing_limit``
  (``quota_total`` per ``quota_duration``, a carousel counts once) ``2207042``.
- Captions: 2,200 characters, 30 hashtags, 20 mentions (``2207010``).
- Reading: media (``caption, media_type, media_product_type, permalink, timestamp,
  comments_count, like_count, children``), stories (24 h), comments with ``replies``, hiding
  (``hide``), deleting comments (media cannot be deleted: ``Unsupported delete request``),
  insights (``views, reach, likes, comments, shares, saved, total_interactions``; reels add
  watch times; deprecated ``impressions``/``plays``/``video_views`` are invalid metrics).
- Errors, usage headers (Business Use Case type ``instagram``, code 80002) and faults as in
  :mod:`sandbox.facebook`. Wording the reference marks *unconfirmed* is ours.

:meth:`InstagramSandbox.published` lists what the account posted;
:meth:`InstagramSandbox.add_citizen_comment` seeds comments for the inbox.
"""

from __future__ import annotations

import base64
import hashlib
import ipaddress
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Final
from urllib.parse import urlsplit

import httpx

from kurum_masaustu.platforms.sandbox.facebook import (
    _MISSING,
    FacebookSandbox,
    Files,
    GraphError,
    NodeType,
    Params,
    SandboxMedia,
    SandboxPost,
    graph_time,
    image_size,
    invalid,
    parse_graph_time,
    token_digest,
    video_brand,
)
from kurum_masaustu.platforms.sandbox.facebook import initial_state as facebook_state

IG_USER_ID: Final = "17841400000000001"
IG_FIRST_ID: Final = 17_900_000_000_000_000
DEFAULT_IG_USERNAME: Final = "ornekbelediyesi"
DEFAULT_IG_NAME: Final = "Örnek Belediyesi"
RUPLOAD: Final = "https://rupload.facebook.com"

IG_LIMITS: dict[str, int] = {
    "quota_total": 100,
    "quota_duration": 86_400,
    "caption_max": 2_200,
    "hashtags_max": 30,
    "mentions_max": 20,
    "carousel_min": 2,
    "carousel_max": 10,
    "image_max_bytes": 8 * 1024 * 1024,
    "aspect_min_milli": 800,  # 4:5
    "aspect_max_milli": 1_910,  # 1.91:1
    "container_ttl_seconds": 86_400,
    "video_processing_polls": 2,
    "image_processing_polls": 0,
    "story_seconds": 86_400,
}
IMAGE_FORMATS: Final = frozenset({"JPEG", "PNG", "MPO"})
VIDEO_BRANDS: Final = frozenset({"isom", "iso2", "mp41", "mp42", "avc1", "qt  ", "M4V "})
FEED_METRICS: Final = ("views", "reach", "likes", "comments", "shares", "saved", "total_interactions")
REEL_METRICS: Final = (*FEED_METRICS, "ig_reels_avg_watch_time", "ig_reels_video_view_total_time")
STORY_METRICS: Final = ("views", "reach", "replies", "shares", "total_interactions", "navigation")
_HASHTAG: Final = re.compile(r"(?<![\w&])#(\w*[^\W\d_]\w*)")
_MENTION: Final = re.compile(r"(?<![\w@])@([A-Za-z0-9_.]+)")

Fetcher = Callable[[str], bytes | None]


def initial_state(
    access_token: str | None, *, username: str = DEFAULT_IG_USERNAME, name: str = DEFAULT_IG_NAME
) -> dict[str, Any]:
    """A new sandbox account and its linked Page. Without ``access_token`` the first token seen is its own."""
    state = facebook_state(access_token, page_name=name, username=username)
    state["platform"] = "instagram"
    state["ig_user"] = {
        "id": IG_USER_ID,
        "username": username,
        "name": name,
        "biography": "Resmî hesap (deneme ortamı)",
        "followers_count": 2400,
        "follows_count": 35,
        "website": "https://www.ornek.bel.tr",
    }
    state["ig_limits"] = dict(IG_LIMITS)
    state["ig_next_id"] = IG_FIRST_ID
    return state


def _public_host(url: str) -> bool:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("http", "https") or not host or host == "localhost" or host.endswith(".local"):
        return False
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return True
    return address.is_global


@dataclass(eq=False)
class InstagramSandbox(FacebookSandbox):
    """An httpx transport that answers as the Graph API for one Instagram professional account
    (and the Facebook Page it is linked to, where photos can be staged).

    Build it with :meth:`open`, or as ``InstagramSandbox(state=SandboxState(path, {}), faults=…)``.
    ``fetchers`` are asked for any ``image_url``/``video_url`` that is not the Page's own photo.
    """

    fetchers: list[Fetcher] = field(default_factory=list)
    buc_type: str = "instagram"
    buc_code: int = 80002

    @classmethod
    def _initial(cls) -> dict[str, Any]:
        return initial_state(None)

    @property
    def ig_user_id(self) -> str:
        return str(self.data["ig_user"]["id"])

    def buc_owner(self) -> str:
        return self.ig_user_id

    def ig_limit(self, name: str) -> int:
        return int(self.data.setdefault("ig_limits", dict(IG_LIMITS)).get(name, IG_LIMITS[name]))

    def new_ig_id(self) -> str:
        return str(self.state.next_id("ig_next_id", IG_FIRST_ID))

    def resolve(self, object_id: str, request: httpx.Request | None = None) -> tuple[str, dict[str, Any]] | None:
        if object_id == self.ig_user_id:
            return "ig_user", self.data["ig_user"]
        return super().resolve(object_id, request)

    def _register(self) -> None:
        super()._register()
        page = self._node_types["page"]
        self._node_types["page"] = NodeType(
            page.name,
            {**page.fields, "instagram_business_account": lambda r, s: self.nested(self.ig_user_id, s)},
            page.default_fields,
        )
        self.node_type(
            "ig_user",
            "IGUser",
            {
                "id": lambda r, s: r["id"],
                "ig_id": lambda r, s: int(r["id"][-10:]),
                "username": lambda r, s: r["username"],
                "name": lambda r, s: r.get("name") or _MISSING,
                "biography": lambda r, s: r.get("biography") or _MISSING,
                "website": lambda r, s: r.get("website") or _MISSING,
                "followers_count": lambda r, s: int(r.get("followers_count", 0)),
                "follows_count": lambda r, s: int(r.get("follows_count", 0)),
                "media_count": lambda r, s: len(self._user_media()),
                "profile_picture_url": lambda r, s: f"https://{self._cdn()}/v/t51.2885-19/{r['id']}_n.jpg",
            },
            ("id",),
        )
        self.node_type(
            "ig_container",
            "IGContainer",
            {
                "id": lambda r, s: r["id"],
                "status_code": lambda r, s: self._status(r)[0],  # reading the code moves processing on
                "status": lambda r, s: self._status(r, advance=False)[1],
            },
            ("id",),
        )
        self.node_type(
            "ig_media",
            "IGMedia",
            {
                "id": lambda r, s: r["id"],
                "caption": lambda r, s: r.get("caption") or _MISSING,
                "media_type": lambda r, s: r["media_type"],
                "media_product_type": lambda r, s: r["media_product_type"],
                "media_url": lambda r, s: f"https://{self._cdn()}/v/t51.29350-15/{r['id']}_n.jpg",
                "permalink": lambda r, s: r.get("permalink") or _MISSING,
                "shortcode": lambda r, s: r.get("shortcode") or _MISSING,
                "timestamp": lambda r, s: r["timestamp"],
                "username": lambda r, s: self.data["ig_user"]["username"],
                "owner": lambda r, s: {"id": self.ig_user_id},
                "like_count": lambda r, s: int(r.get("like_count", 0)),
                "comments_count": lambda r, s: len(self._media_comments(r["id"], replies=True)),
                "is_comment_enabled": lambda r, s: True,
                "children": lambda r, s: (
                    self.edge_field("ig_media", [self.data["objects"][c] for c in r["children"]], s)
                    if r.get("children")
                    else _MISSING
                ),
            },
            ("id",),
        )
        self.node_type(
            "ig_comment",
            "IGComment",
            {
                "id": lambda r, s: r["id"],
                "text": lambda r, s: r["text"],
                "timestamp": lambda r, s: r["timestamp"],
                "username": lambda r, s: r["username"],
                "from": lambda r, s: self._from(r, s),
                "like_count": lambda r, s: int(r.get("like_count", 0)),
                "hidden": lambda r, s: bool(r.get("hidden", False)),
                "media": lambda r, s: {"id": r["media_id"]},
                "parent_id": lambda r, s: r.get("parent_id") or _MISSING,
                "replies": lambda r, s: self.edge_field("ig_comment", self._replies(r["id"]), s),
            },
            ("id", "text", "timestamp"),
        )
        self.edge("GET", "ig_user", "media", self._list_media)
        self.edge("POST", "ig_user", "media", self._create_container)
        self.edge("POST", "ig_user", "media_publish", self._media_publish)
        self.edge("GET", "ig_user", "content_publishing_limit", self._publishing_limit)
        self.edge("GET", "ig_user", "stories", self._list_stories)
        self.edge("GET", "ig_media", "comments", self._list_ig_comments)
        self.edge("POST", "ig_media", "comments", self._create_ig_comment)
        self.edge("GET", "ig_media", "children", self._list_children)
        self.edge("GET", "ig_media", "insights", self._media_insights)
        self.edge("GET", "ig_comment", "replies", self._list_replies)
        self.edge("POST", "ig_comment", "replies", self._create_ig_comment)
        self._node_posts["ig_comment"] = self._hide_comment
        self._node_deletes["ig_comment"] = self._delete_ig_comment
        self.route("POST", r"/ig-api-upload/(?P<v>v[0-9]+\.[0-9]+)/(?P<id>[0-9]+)", self._rupload, writes=True)

    @staticmethod
    def _cdn() -> str:
        return "scontent.cdninstagram.sandbox.invalid"

    def _from(self, comment: Mapping[str, Any], spec: Any) -> dict[str, Any]:
        found = {"id": comment["from_id"], "username": comment["username"]}
        if spec.sub:
            return {k: v for k, v in found.items() if k in {f.name for f in spec.sub} or k == "id"}
        return found

    # -- records ------------------------------------------------------------------------------
    def _user_media(self) -> list[dict[str, Any]]:
        media = [
            m
            for m in self.data["objects"].values()
            if m["type"] == "ig_media" and not m.get("parent_id") and m["media_product_type"] != "STORY"
        ]
        return sorted(media, key=lambda m: (m["timestamp"], int(m["id"])), reverse=True)

    def _media_comments(self, media_id: str, *, replies: bool) -> list[dict[str, Any]]:
        found = [
            c
            for c in self.data["objects"].values()
            if c["type"] == "ig_comment" and c["media_id"] == media_id and (replies or not c.get("parent_id"))
        ]
        return sorted(found, key=lambda c: (c["timestamp"], int(c["id"])), reverse=True)

    def _replies(self, comment_id: str) -> list[dict[str, Any]]:
        found = [
            c for c in self.data["objects"].values() if c["type"] == "ig_comment" and c.get("parent_id") == comment_id
        ]
        return sorted(found, key=lambda c: (c["timestamp"], int(c["id"])))

    def _status(self, container: dict[str, Any], *, advance: bool = True) -> tuple[str, str]:
        """Status code and text; reading the code moves processing on (one poll = some time)."""
        now = self.clock()
        state = container["status_code"]
        if state not in ("PUBLISHED", "ERROR") and (
            now - parse_graph_time(container["created_time"])
        ).total_seconds() > self.ig_limit("container_ttl_seconds"):
            state = container["status_code"] = "EXPIRED"
        if advance and state == "IN_PROGRESS" and container.get("uploaded", True):
            if self.faults.take("slow_media_polls"):
                pass
            elif int(container.get("polls_left", 0)) > 0:
                container["polls_left"] = int(container["polls_left"]) - 1
            elif container.get("kind") == "CAROUSEL":
                children = [self.data["objects"].get(c) for c in container["children"]]
                states = [self._status(c)[0] if c else "ERROR" for c in children]
                if "ERROR" in states or "EXPIRED" in states:
                    container["status_code"] = "ERROR"
                    container["error"] = "2207028: A carousel item could not be processed."
                elif all(s == "FINISHED" for s in states):
                    container["status_code"] = "FINISHED"
            elif container.get("broken"):
                container["status_code"] = "ERROR"
                container["error"] = (
                    "2207026: The video format is not supported. Please check spec for supported video formats."
                )
            else:
                container["status_code"] = "FINISHED"
            self.state.save()
        state = container["status_code"]
        text = {
            "IN_PROGRESS": "In Progress: Media is still being processed.",
            "FINISHED": "Finished: Media has been uploaded and it is ready to be published.",
            "PUBLISHED": "Published: Media has been successfully published.",
            "EXPIRED": "Expired: The media container was not published within 24 hours.",
        }.get(state, f"Error: {container.get('error', 'Media upload has failed.')}")
        return state, text

    def _fetch(self, url: str) -> bytes | None:
        """What Meta would download from ``url``: the Page's own photos, or a registered fetcher's."""
        if not _public_host(url):
            return None
        photo = self.photo_for_cdn(url)
        if photo is not None:
            return self.read_file(photo["file"])
        for fetcher in self.fetchers:
            data = fetcher(url)
            if data is not None:
                return data
        return None

    @staticmethod
    def _fetch_failed(url: str) -> GraphError:
        return GraphError(
            "Only photo or video can be accepted as media type.",
            9004,
            subcode=2207052,
            is_transient=False,
            user_title="Media download has failed. The media URI doesn't meet our requirements.",
            user_msg=f"The media could not be fetched from this URI: {url}. Please check the limitations section "
            "in our development document for more information.",
        )

    def _check_caption(self, caption: str) -> None:
        if len(caption.encode("utf-16-le")) // 2 > self.ig_limit("caption_max"):
            raise invalid(f"The caption is too long (maximum {self.ig_limit('caption_max')}).", subcode=2207010)
        if len(_HASHTAG.findall(caption)) > self.ig_limit("hashtags_max"):
            raise invalid(f"The caption has more than {self.ig_limit('hashtags_max')} hashtags.", subcode=2207010)
        if len(_MENTION.findall(caption)) > self.ig_limit("mentions_max"):
            raise invalid(f"The caption has more than {self.ig_limit('mentions_max')} mentions.", subcode=2207010)

    def _image(self, url: str, *, feed: bool) -> tuple[str, int]:
        data = self._fetch(url)
        if data is None:
            raise self._fetch_failed(url)
        probed = image_size(data)
        if probed is None or probed[2] not in IMAGE_FORMATS:
            raise GraphError(
                "The image format is not supported.",
                9004,
                subcode=2207005,
                user_title="Unsupported image format",
                user_msg="The image format is not supported. Supported formats are JPEG and PNG.",
            )
        width, height, image_format = probed
        if len(data) > self.ig_limit("image_max_bytes"):
            raise GraphError(
                "The image size is too large.",
                36000,
                subcode=2207004,
                user_title="Image size too large",
                user_msg="The image is too large to download. It should be less than 8 MiB.",
            )
        ratio = width * 1000 // max(1, height)
        if feed and not self.ig_limit("aspect_min_milli") <= ratio <= self.ig_limit("aspect_max_milli"):
            raise GraphError(
                f"The submitted image with aspect ratio ('{width}/{height}') cannot be published. "
                "Please submit an image with a valid aspect ratio.",
                36003,
                subcode=2207009,
                user_title="Invalid aspect ratio",
            )
        return self.store_file(data, ".png" if image_format == "PNG" else ".jpg"), len(data)

    # -- handlers -------------------------------------------------------------------------------
    async def _create_container(
        self, request: httpx.Request, params: Params, files: Files, node_id: str, node: dict[str, Any]
    ) -> httpx.Response:
        now = self.clock()
        media_type = (params.get("media_type") or "").upper() or None
        item = params.get("is_carousel_item", "").lower() == "true"
        caption = params.get("caption", "")
        version = request.url.path.split("/")[1] if re.match(r"/v\d", request.url.path) else "v25.0"
        container: dict[str, Any] = {
            "type": "ig_container",
            "id": self.new_ig_id(),
            "owner": node_id,
            "created_time": graph_time(now),
            "status_code": "IN_PROGRESS",
            "is_carousel_item": item,
            "caption": "",
            "alt_text": params.get("alt_text", ""),
            "polls_left": 0,
        }
        resumable = params.get("upload_type") == "resumable"
        if media_type == "CAROUSEL":
            children = [c for c in params.get("children", "").split(",") if c]
            low, high = self.ig_limit("carousel_min"), self.ig_limit("carousel_max")
            if not low <= len(children) <= high:
                raise invalid(f"A carousel must have between {low} and {high} items.", subcode=2207028)
            for child_id in children:
                child = self.object(child_id)
                if (
                    child is None
                    or child["type"] != "ig_container"
                    or child["owner"] != node_id
                    or not child.get("is_carousel_item")
                    or child["status_code"] in ("PUBLISHED", "EXPIRED", "ERROR")
                ):
                    raise invalid(
                        f"The carousel item {child_id} is not a valid carousel item container.", subcode=2207028
                    )
            self._check_caption(caption)
            container.update(kind="CAROUSEL", children=children, caption=caption)
        elif media_type == "VIDEO" and not item:
            raise invalid("The media_type VIDEO is no longer supported for feed videos: use REELS.", subcode=2207023)
        elif media_type in ("REELS", "VIDEO") or (media_type == "STORIES" and ("video_url" in params or resumable)):
            container.update(kind="STORY_VIDEO" if media_type == "STORIES" else media_type, uploaded=False)
            if media_type == "REELS":
                self._check_caption(caption)
                container["caption"] = caption
                container["share_to_feed"] = params.get("share_to_feed", "true").lower() == "true"
            if resumable:
                pass
            elif params.get("video_url"):
                data = self._fetch(params["video_url"])
                if data is None:
                    raise self._fetch_failed(params["video_url"])
                self._take_video(container, data)
            else:
                raise invalid("The parameter video_url is required.")
        elif media_type in (None, "IMAGE", "STORIES"):
            url = params.get("image_url")
            if not url:
                raise invalid("The parameter image_url is required.")
            story = media_type == "STORIES"
            if not story and not item:
                self._check_caption(caption)
                container["caption"] = caption
            container["file"], container["size"] = self._image(url, feed=not story)
            container["kind"] = "STORY_IMAGE" if story else "IMAGE"
            container["polls_left"] = self.ig_limit("image_processing_polls")
            if container["polls_left"] == 0 and self.faults.slow_media_polls == 0:
                container["status_code"] = "FINISHED"
        else:
            raise invalid(f"The parameter media_type ({media_type}) is not valid.", subcode=2207023)
        self.data["objects"][container["id"]] = container
        body: dict[str, Any] = {"id": container["id"]}
        if resumable and container.get("uploaded") is False:
            body["uri"] = f"{RUPLOAD}/ig-api-upload/{version}/{container['id']}"
        return httpx.Response(200, json=body)

    def _take_video(self, container: dict[str, Any], data: bytes) -> None:
        brand = video_brand(data)
        container.update(
            uploaded=True,
            file=self.store_file(data, ".mov" if brand == "qt  " else ".mp4"),
            size=len(data),
            broken=brand not in VIDEO_BRANDS,
            polls_left=self.ig_limit("video_processing_polls"),
        )

    async def _rupload(self, request: httpx.Request, match: Any) -> httpx.Response:
        def failure(message: str, status: int = 400, kind: str = "ProcessingFailedError") -> httpx.Response:
            return httpx.Response(status, json={"debug_info": {"retriable": False, "type": kind, "message": message}})

        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        if scheme != "OAuth" or token_digest(token.strip()) != self.data.get("token_sha256"):
            return GraphError("Invalid OAuth access token - Cannot parse access token", 190).response()
        container = self.object(match.group("id"))
        if container is None or container["type"] != "ig_container" or container.get("uploaded") is not False:
            return failure(f"No upload is waiting for container {match.group('id')}.", 404, "NotFoundError")
        try:
            offset = int(request.headers["offset"])
            size = int(request.headers["file_size"])
        except (KeyError, ValueError):
            return failure("The offset and file_size headers are required.")
        if offset != 0 or len(request.content) != size or size <= 0:  # one request with the whole file
            return failure(f"Bad offset or size: offset {offset}, file_size {size}, body {len(request.content)}.")
        self._take_video(container, request.content)
        return httpx.Response(200, json={"success": True, "message": "Upload successful."})

    async def _media_publish(
        self, request: httpx.Request, params: Params, files: Files, node_id: str, node: dict[str, Any]
    ) -> httpx.Response:
        now = self.clock()
        creation_id = params.get("creation_id", "")
        container = self.object(creation_id)
        if container is None or container["type"] != "ig_container" or container["owner"] != node_id:
            raise invalid(f"The media with id {creation_id or '(none)'} cannot be found.", subcode=2207006)
        if container.get("is_carousel_item"):
            raise invalid("A carousel item cannot be published on its own.", subcode=2207028)
        state = container["status_code"]
        age = (now - parse_graph_time(container["created_time"])).total_seconds()
        if state == "EXPIRED" or (state not in ("PUBLISHED", "ERROR") and age > self.ig_limit("container_ttl_seconds")):
            container["status_code"] = "EXPIRED"
            raise GraphError("The media container has expired.", 9007, subcode=2207020, is_transient=False)
        if state == "IN_PROGRESS":
            raise GraphError(
                "Media ID is not available",
                9007,
                subcode=2207027,
                is_transient=False,
                user_title="The media is not ready for publishing, please wait for a moment",
            )
        if state == "ERROR":
            raise GraphError("Media upload has failed.", 9007, subcode=2207032, is_transient=False)
        if state == "PUBLISHED":
            raise invalid(f"The media with id {creation_id} has already been published.", subcode=2207006)
        if self._quota_used(now) >= self.ig_limit("quota_total"):
            raise GraphError(
                "The maximum number of posts that were allowed to be published has been reached.",
                9,
                subcode=2207042,
                is_transient=True,
                user_title="Content publishing limit reached",
            )
        media = self._publish_container(container, now)
        container["status_code"] = "PUBLISHED"
        container["media_id"] = media["id"]
        return httpx.Response(200, json={"id": media["id"]})

    def _quota_used(self, now: datetime) -> int:
        start = now - timedelta(seconds=self.ig_limit("quota_duration"))
        return sum(
            1
            for m in self.data["objects"].values()
            if m["type"] == "ig_media" and not m.get("parent_id") and parse_graph_time(m["timestamp"]) > start
        )

    def _publish_container(self, container: Mapping[str, Any], now: datetime) -> dict[str, Any]:
        kind = container["kind"]
        media_id = self.new_ig_id()
        code = base64.urlsafe_b64encode(hashlib.sha256(media_id.encode()).digest()).decode()[:11]
        username = self.data["ig_user"]["username"]
        product = {"REELS": "REELS", "STORY_IMAGE": "STORY", "STORY_VIDEO": "STORY"}.get(kind, "FEED")
        media_type = {"CAROUSEL": "CAROUSEL_ALBUM", "REELS": "VIDEO", "VIDEO": "VIDEO", "STORY_VIDEO": "VIDEO"}.get(
            kind, "IMAGE"
        )
        permalink = {
            "REELS": f"https://www.instagram.com/reel/{code}/",
            "STORY": f"https://www.instagram.com/stories/{username}/{media_id}/",
        }.get(product, f"https://www.instagram.com/p/{code}/")
        media: dict[str, Any] = {
            "type": "ig_media",
            "id": media_id,
            "caption": container.get("caption", ""),
            "media_type": media_type,
            "media_product_type": product,
            "permalink": permalink,
            "shortcode": code,
            "timestamp": graph_time(now),
            "file": container.get("file"),
            "size": container.get("size", 0),
            "alt_text": container.get("alt_text", ""),
            "like_count": 0,
        }
        if kind == "CAROUSEL":
            children = []
            for child_id in container["children"]:
                child = self.data["objects"][child_id]
                child_media = self._publish_container(child, now)
                child_media.update(parent_id=media_id, caption="", permalink=permalink)
                child["status_code"] = "PUBLISHED"
                children.append(child_media["id"])
            media["children"] = children
        self.data["objects"][media_id] = media
        return media

    async def _publishing_limit(
        self, request: httpx.Request, params: Params, files: Files, node_id: str, node: dict[str, Any]
    ) -> httpx.Response:
        entry = {
            "quota_usage": self._quota_used(self.clock()),
            "config": {"quota_total": self.ig_limit("quota_total"), "quota_duration": self.ig_limit("quota_duration")},
        }
        wanted = [f.name for f in self._fields(params) or ()]
        if wanted:
            entry = {k: v for k, v in entry.items() if k in wanted}
        return httpx.Response(200, json={"data": [entry]})

    async def _list_media(
        self, request: httpx.Request, params: Params, files: Files, node_id: str, node: dict[str, Any]
    ) -> httpx.Response:
        return self.listing(request, params, "ig_media", self._user_media())

    async def _list_stories(
        self, request: httpx.Request, params: Params, files: Files, node_id: str, node: dict[str, Any]
    ) -> httpx.Response:
        start = self.clock() - timedelta(seconds=self.ig_limit("story_seconds"))
        stories = [
            m
            for m in self.data["objects"].values()
            if m["type"] == "ig_media"
            and m["media_product_type"] == "STORY"
            and parse_graph_time(m["timestamp"]) > start
        ]
        stories.sort(key=lambda m: (m["timestamp"], int(m["id"])), reverse=True)
        return self.listing(request, params, "ig_media", stories)

    async def _list_children(
        self, request: httpx.Request, params: Params, files: Files, node_id: str, node: dict[str, Any]
    ) -> httpx.Response:
        children = [self.data["objects"][c] for c in node.get("children", [])]
        return self.listing(request, params, "ig_media", children)

    async def _list_ig_comments(
        self, request: httpx.Request, params: Params, files: Files, node_id: str, node: dict[str, Any]
    ) -> httpx.Response:
        return self.listing(request, params, "ig_comment", self._media_comments(node_id, replies=False))

    async def _list_replies(
        self, request: httpx.Request, params: Params, files: Files, node_id: str, node: dict[str, Any]
    ) -> httpx.Response:
        return self.listing(request, params, "ig_comment", self._replies(node_id))

    async def _create_ig_comment(
        self, request: httpx.Request, params: Params, files: Files, node_id: str, node: dict[str, Any]
    ) -> httpx.Response:
        message = params.get("message", "")
        if not message.strip():
            raise invalid("The parameter message is required.")
        comment_id = self._add_ig_comment(
            node_id, message, username=self.data["ig_user"]["username"], from_id=self.ig_user_id
        )
        return httpx.Response(200, json={"id": comment_id})

    def _add_ig_comment(
        self, target_id: str, text: str, *, username: str, from_id: str, at: datetime | None = None
    ) -> str:
        target = self.object(target_id)
        if target is None or target["type"] not in ("ig_media", "ig_comment"):
            raise KeyError(f"no Instagram media or comment {target_id} in the sandbox")
        if target["type"] == "ig_comment":
            media_id, parent_id = str(target["media_id"]), str(target.get("parent_id") or target["id"])
        else:
            media_id, parent_id = target_id, None
        comment_id = self.new_ig_id()
        self.data["objects"][comment_id] = {
            "type": "ig_comment",
            "id": comment_id,
            "media_id": media_id,
            "parent_id": parent_id,
            "text": text,
            "username": username,
            "from_id": from_id,
            "timestamp": graph_time(at or self.clock()),
            "hidden": False,
            "like_count": 0,
        }
        return comment_id

    async def _hide_comment(
        self, request: httpx.Request, params: Params, files: Files, node_id: str, node: dict[str, Any]
    ) -> httpx.Response:
        if "hide" not in params:
            raise invalid("The parameter hide is required.")
        if node["from_id"] == self.ig_user_id:
            raise invalid("Comments made by the media owner cannot be hidden.")
        node["hidden"] = params["hide"].lower() == "true"
        return httpx.Response(200, json={"success": True})

    async def _delete_ig_comment(
        self, request: httpx.Request, params: Params, files: Files, node_id: str, node: dict[str, Any]
    ) -> httpx.Response:
        objects = self.data["objects"]
        objects.pop(node_id, None)
        for key in [k for k, o in objects.items() if o["type"] == "ig_comment" and o.get("parent_id") == node_id]:
            del objects[key]
        return httpx.Response(200, json={"success": True})

    async def _media_insights(
        self, request: httpx.Request, params: Params, files: Files, node_id: str, node: dict[str, Any]
    ) -> httpx.Response:
        if node.get("parent_id"):
            raise GraphError("(#10) Insights are not available for carousel album children.", 10)
        allowed = {"REELS": REEL_METRICS, "STORY": STORY_METRICS}.get(node["media_product_type"], FEED_METRICS)
        names = [n for n in params.get("metric", "").split(",") if n]
        if not names:
            raise invalid("The parameter metric is required.")
        for index, name in enumerate(names):
            if name not in allowed:
                raise invalid(f"metric[{index}] must be one of the following values: {', '.join(allowed)}")
        stats = node.get("insights", {})
        comments = len(self._media_comments(node_id, replies=True))
        likes = int(node.get("like_count", 0))
        values = {
            "views": int(stats.get("views", 0)),
            "reach": int(stats.get("reach", 0)),
            "likes": likes,
            "comments": comments,
            "shares": int(stats.get("shares", 0)),
            "saved": int(stats.get("saved", 0)),
            "replies": 0,
            "navigation": 0,
            "ig_reels_avg_watch_time": int(stats.get("avg_watch_ms", 0)),
            "ig_reels_video_view_total_time": int(stats.get("total_watch_ms", 0)),
        }
        values["total_interactions"] = likes + comments + values["shares"] + values["saved"]
        data = [
            {
                "name": name,
                "period": "lifetime",
                "values": [{"value": values[name]}],
                "title": name.replace("_", " ").capitalize(),
                "description": f"Lifetime: {name}",
                "id": f"{node_id}/insights/{name}/lifetime",
            }
            for name in names
        ]
        return httpx.Response(200, json={"data": data})

    # -- for tests, the demo and `kurum-masaustu sandbox list` ------------------------------
    def add_citizen_comment(
        self,
        target_id: str,
        username: str,
        text: str,
        *,
        at: datetime | None = None,
        save: bool = True,
    ) -> str:
        """A citizen comments on a media, or replies to a comment (``target_id``)."""
        user_id = str(int(hashlib.sha256(username.encode()).hexdigest()[:12], 16))
        comment_id = self._add_ig_comment(target_id, text, username=username, from_id=user_id, at=at)
        if save:
            self.state.save()
        return comment_id

    def add_likes(self, media_id: str, likes: int) -> None:
        media = self.data["objects"][media_id]
        media["like_count"] = int(media.get("like_count", 0)) + likes
        self.state.save()

    def add_insights(  # type: ignore[override]
        self, media_id: str, *, views: int = 0, reach: int = 0, shares: int = 0, saved: int = 0
    ) -> None:
        media = self.data["objects"][media_id]
        stats = media.setdefault("insights", {})
        for key, value in (("views", views), ("reach", reach), ("shares", shares), ("saved", saved)):
            stats[key] = int(stats.get(key, 0)) + value
        self.state.save()

    def container(self, container_id: str) -> dict[str, Any]:
        found = self.data["objects"][container_id]
        assert found["type"] == "ig_container"
        return dict(found)

    def ig_comment(self, comment_id: str) -> dict[str, Any]:
        found = self.data["objects"][comment_id]
        assert found["type"] == "ig_comment"
        return dict(found)

    def staged_photos(self) -> list[str]:
        """Unpublished photos on the linked Page (what ``page_photo`` staging left behind)."""
        return [o["id"] for o in self.data["objects"].values() if o["type"] == "photo" and not o.get("published")]

    def published(self, *, include_scheduled: bool = True) -> list[SandboxPost]:
        """What the account has published (oldest first), stories included while they last."""
        media = [m for m in self.data["objects"].values() if m["type"] == "ig_media" and not m.get("parent_id")]
        media.sort(key=lambda m: (m["timestamp"], int(m["id"])))
        return [self._ig_post(m) for m in media]

    def _ig_post(self, media: Mapping[str, Any]) -> SandboxPost:
        parts = [self.data["objects"][c] for c in media.get("children", [])] or [media]
        files = tuple(
            SandboxMedia(
                p["id"],
                "video" if p["media_type"] == "VIDEO" else "image",
                "video/mp4" if p["media_type"] == "VIDEO" else "image/jpeg",
                int(p.get("size", 0)),
                self._file_path(p.get("file")),
                p.get("alt_text", ""),
            )
            for p in parts
        )
        kind = {"REELS": "reel", "STORY": "story"}.get(media["media_product_type"]) or (
            "carousel" if media["media_type"] == "CAROUSEL_ALBUM" else "image"
        )
        return SandboxPost(
            id=media["id"],
            text=media.get("caption") or "",
            created_at=parse_graph_time(media["timestamp"]),
            permalink=media["permalink"],
            url=media["permalink"],
            kind=kind,
            media=files,
            counts={
                "likes": int(media.get("like_count", 0)),
                "comments": len(self._media_comments(media["id"], replies=True)),
            },
        )


@dataclass(eq=False)
class WebFolderSandbox(httpx.AsyncBaseTransport):
    """The institution's web folder as IT might set it up: ``PUT``/``DELETE`` under ``upload_url``
    (with a bearer token if ``token`` is set), public ``GET`` under ``public_base_url``.

    Register :meth:`lookup` as an :class:`InstagramSandbox` fetcher so "Meta" can download from it.
    """

    upload_url: str
    public_base_url: str
    token: str | None = None
    files: dict[str, tuple[bytes, str]] = field(default_factory=dict)
    requests: list[httpx.Request] = field(default_factory=list)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        await request.aread()
        self.requests.append(request)
        url = str(request.url).split("?", 1)[0]
        upload = self.upload_url.rstrip("/") + "/"
        public = self.public_base_url.rstrip("/") + "/"
        if request.method in ("PUT", "DELETE") and url.startswith(upload):
            if self.token is not None and request.headers.get("authorization") != f"Bearer {self.token}":
                return httpx.Response(401, text="Unauthorized")
            name = url[len(upload) :]
            if not re.fullmatch(r"[A-Za-z0-9._-]+", name):
                return httpx.Response(400, text="Bad file name")
            if request.method == "PUT":
                created = name not in self.files
                self.files[name] = (request.content, request.headers.get("content-type", "application/octet-stream"))
                return httpx.Response(201 if created else 204)
            return httpx.Response(204 if self.files.pop(name, None) is not None else 404)
        if request.method == "GET" and url.startswith(public):
            found = self.files.get(url[len(public) :])
            if found is None:
                return httpx.Response(404, text="Not Found")
            return httpx.Response(200, content=found[0], headers={"Content-Type": found[1]})
        return httpx.Response(404, text="Not Found")

    def lookup(self, url: str) -> bytes | None:
        public = self.public_base_url.rstrip("/") + "/"
        if not url.startswith(public):
            return None
        found = self.files.get(url[len(public) :].split("?", 1)[0])
        return found[0] if found else None
