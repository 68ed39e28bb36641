"""An in-process LinkedIn Community Management API for one organization page.

Faithful to ``reference/platform_apis.md`` §4 and §10 (LinkedIn publishes no OpenAPI), not to
our adapter:

- Every ``/rest/`` call needs ``Authorization: Bearer`` (401 ``INVALID_ACCESS_TOKEN`` /
  ``EXPIRED_ACCESS_TOKEN``), ``LinkedIn-Version: YYYYMM`` (missing → 400 ``VERSION_MISSING``; not
  active — older than twelve months, or not yet released — → 426 ``NONEXISTENT_VERSION``) and
  ``X-Restli-Protocol-Version: 2.0.0``; URNs in paths and query values must be percent-encoded
  (Rest.li 2.0), lists written ``List(a,b)``.
- ``POST /rest/posts``: required ``author`` (a page the member may post for, else 403
  ``ACCESS_DENIED``), ``commentary``, ``visibility``, ``distribution``, ``lifecycleState``; the
  commentary is "little text" — an unescaped reserved character (``\\ | { } @ [ ] ( ) < > # * _ ~``,
  except ``#`` opening a hashtag and ``@[Name](urn)`` mentions) silently cuts the text there — of
  at most 3,000 characters; ``content`` is one of ``media`` / ``multiImage`` (2–20 images) /
  ``article`` / ``poll`` (2–4 options ≤30, question ≤140, ONE_DAY … FOURTEEN_DAYS), and every
  image or video must be this page's and AVAILABLE. The same commentary from the page within
  24 hours → 422 ``DUPLICATE_POST`` "Content is a duplicate of urn:li:share:…". Success: 201,
  empty body, the URN in ``x-restli-id``. Reading a post gives hashtags back as
  ``{hashtag|\\#|tag}``.
- Images: ``initializeUpload`` → ``PUT`` the file to ``uploadUrl`` (201) → WAITING_UPLOAD →
  PROCESSING → AVAILABLE (or PROCESSING_FAILED if it is no JPEG, PNG or GIF). Videos:
  ``initializeUpload`` with ``fileSizeBytes`` → 4 MiB ``uploadInstructions`` → ``PUT`` each part
  (200 with an ``ETag``) → ``finalizeUpload`` with the ETags in order → PROCESSING → AVAILABLE (or
  PROCESSING_FAILED if it is no MP4). ``Faults.slow_media_polls`` keeps media PROCESSING longer.
- Comments (``/rest/socialActions/{urn}/comments``: list, create as the page, delete),
  ``organizationAcls?q=roleAssignee``, ``organizations/{id}``, posts by author (``q=author``,
  ``count`` ≤ 100, ``start``, ``sortBy``), delete, ``organizationalEntityShareStatistics``.
- Errors in Rest.li's shape ``{"status", "serviceErrorCode", "code", "message"}``. Limits are daily
  and reset at midnight UTC (150 posts per member, as reported); a refusal is a bare 429: no
  rate-limit headers, no Retry-After.

State lives in a JSON file (page, posts, media, comments, statistics, the token's SHA-256 —
never the token); uploaded files beside it in ``<stem>-media/``. The first bearer token a new
sandbox sees becomes its token. Citizens' comments are seeded with
:meth:`LinkedInSandbox.add_citizen_comment`; :meth:`LinkedInSandbox.published` lists the page's posts.
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import httpx

from kurum_masaustu.platforms.sandbox.core import Handler, SandboxState, SandboxTransport, write_file_atomic

DEFAULT_HOST = "linkedin.sandbox.invalid"  # as publishing/registry.py gives the sandbox channel
DEFAULT_ORG_ID = "10000001"
DEFAULT_NAME = "Örnek Belediyesi"
DEFAULT_VANITY = "ornek-belediyesi"
FIRST_ID = 7_240_000_000_000_000_000  # LinkedIn activity ids are 19 digits; ours count up from here
MAX_COMMENTARY = 3000
MAX_ALT_TEXT = 4086
MAX_COMMENT = 1250
VIDEO_PART = 4 * 1024 * 1024
DUPLICATE_WINDOW = timedelta(hours=24)
VERSION_LIFETIME_MONTHS = 12
POSTS_PER_DAY = 150
CALLS_PER_DAY = 100_000
POLL_DURATIONS = ("ONE_DAY", "THREE_DAYS", "SEVEN_DAYS", "FOURTEEN_DAYS")
VISIBILITIES = ("PUBLIC", "CONNECTIONS", "LOGGED_IN", "CONTAINER")
LIFECYCLE_STATES = ("PUBLISHED", "DRAFT", "PUBLISH_REQUESTED")
FEED_DISTRIBUTIONS = ("MAIN_FEED", "NONE")
POSTING_ROLES = ("ADMINISTRATOR", "CONTENT_ADMINISTRATOR", "DIRECT_SPONSORED_CONTENT_POSTER")
RESERVED = frozenset("\\|{}@[]()<>#*_~")
_URN_PATH = r"(?P<urn>urn:li:[^/]+)"
_POST_URN = re.compile(r"urn:li:(share|ugcPost):(\d+)")
_COMMENT_URN = re.compile(r"urn:li:comment:\((urn:li:(?:activity|share|ugcPost):\d+),(\d+)\)")
_VERSION = re.compile(r"(\d{4})(\d{2})(?:\.\d{2})?")
_MENTION = re.compile(r"@\[([^\]]*)\]\((urn:li:[^)]+)\)")
_SPACE = re.compile(r"\s+")


def _error(status: int, code: str, message: str, service_code: int = 0) -> httpx.Response:
    body: dict[str, Any] = {"status": status, "code": code, "message": message}
    if service_code:
        body["serviceErrorCode"] = service_code
    return httpx.Response(status, json=body)


def _unprocessable(path: str, problem: str) -> httpx.Response:
    return _error(422, "UNPROCESSABLE_ENTITY", f"ERROR :: {path} :: {problem}", 100)


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _ms(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)


def _from_ms(value: int) -> datetime:
    return datetime.fromtimestamp(value / 1000, UTC)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def new_access_token() -> str:
    """A fresh token for a sandbox channel (the caller keeps it in the keyring)."""
    return secrets.token_urlsafe(32)


def _month_index(year: int, month: int) -> int:
    return year * 12 + month - 1


def _image_type(data: bytes) -> str | None:
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    return None


def parse_little_text(commentary: str) -> tuple[str, bool]:
    """(the text a reader sees, whether LinkedIn cut it) of a "little text" commentary.

    Escaped characters stand for themselves; ``#`` followed by a letter or digit is a hashtag;
    ``@[Name](urn:li:…)`` is a mention shown as ``Name``; any other reserved character ends the
    text right there (LinkedIn's silent truncation).
    """
    out: list[str] = []
    index = 0
    while index < len(commentary):
        char = commentary[index]
        if char == "\\" and index + 1 < len(commentary):
            out.append(commentary[index + 1])
            index += 2
            continue
        if char == "#" and commentary[index + 1 : index + 2].isalnum():
            out.append(char)
            index += 1
            continue
        if char == "@":
            mention = _MENTION.match(commentary, index)
            if mention:
                out.append(mention.group(1))
                index = mention.end()
                continue
        if char in RESERVED:
            return "".join(out), True
        out.append(char)
        index += 1
    return "".join(out), False


def _stored_commentary(commentary: str) -> str:
    """The commentary as LinkedIn gives it back: hashtags as ``{hashtag|\\#|tag}`` templates."""
    out: list[str] = []
    index = 0
    while index < len(commentary):
        char = commentary[index]
        if char == "\\" and index + 1 < len(commentary):
            out.append(commentary[index : index + 2])
            index += 2
            continue
        if char == "#" and commentary[index + 1 : index + 2].isalnum():
            end = index + 1
            while end < len(commentary) and commentary[end].isalnum():
                end += 1
            out.append("{hashtag|\\#|" + commentary[index + 1 : end] + "}")
            index = end
            continue
        out.append(char)
        index += 1
    return "".join(out)


def _normal(text: str) -> str:
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


class _BadRequestError(Exception):
    pass


# -- what the sandbox page posted (for ``kurum-masaustu sandbox list``) ------------------------
@dataclass(frozen=True)
class SandboxMedia:
    id: str  # urn:li:image:… / urn:li:video:…
    type: str  # image, video
    mime_type: str
    alt_text: str
    size: int
    file: str | None


@dataclass(frozen=True)
class SandboxPost:
    id: str
    text: str  # as readers see it (after LinkedIn's little-text parsing)
    commentary: str  # as it was sent
    created_at: datetime
    url: str
    truncated: bool  # LinkedIn cut the text at an unescaped reserved character
    media: tuple[SandboxMedia, ...] = ()
    article_url: str | None = None
    poll_options: tuple[str, ...] = ()
    poll_duration: str | None = None
    counts: Mapping[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "commentary": self.commentary,
            "created_at": self.created_at.isoformat(),
            "url": self.url,
            "truncated": self.truncated,
            "media": [
                {
                    "id": m.id,
                    "type": m.type,
                    "mime_type": m.mime_type,
                    "alt_text": m.alt_text,
                    "size": m.size,
                    "file": m.file,
                }
                for m in self.media
            ],
            "article_url": self.article_url,
            "poll_options": list(self.poll_options),
            "poll_duration": self.poll_duration,
            "counts": dict(self.counts),
        }


def initial_state(
    access_token: str | None,
    *,
    organization_id: str = DEFAULT_ORG_ID,
    name: str = DEFAULT_NAME,
    vanity_name: str = DEFAULT_VANITY,
) -> dict[str, Any]:
    """A new sandbox page. Without ``access_token`` the first bearer token it sees becomes its token."""
    organization = f"urn:li:organization:{organization_id}"
    state: dict[str, Any] = {
        "platform": "linkedin",
        "member": "urn:li:person:k8sQ2bXq1v",
        "organization": {"id": int(organization_id), "localizedName": name, "vanityName": vanity_name},
        "acls": [{"organization": organization, "role": "ADMINISTRATOR", "state": "APPROVED"}],
        "persons": {},
        "posts": {},
        "images": {},
        "videos": {},
        "uploads": {},
        "comments": {},
        "statistics": {},
        "next_id": FIRST_ID,
    }
    if access_token is not None:
        state["token_sha256"] = _digest(access_token)
    return state


@dataclass(eq=False)
class LinkedInSandbox(SandboxTransport):
    """An httpx transport that answers as LinkedIn's REST API for one member and their page.

    Build it with :meth:`open`, or as ``LinkedInSandbox(state=SandboxState(path, {}), faults=…)``
    (then the first bearer token it sees becomes the member's token).
    """

    host: str = DEFAULT_HOST
    clock: Callable[[], datetime] = _utc_now
    enforce_rate_limits: bool = True
    _daily: dict[tuple[str, str], int] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        missing = {k: v for k, v in initial_state(None).items() if k not in self.state.data}
        if missing:
            self.state.data.update(missing)
            self.state.save()
        routes: list[tuple[str, str, Handler, bool]] = [
            ("GET", r"/rest/organizationAcls", self._rest(self._acls), False),
            ("GET", r"/rest/organizations/(?P<id>\d+)", self._rest(self._organization), False),
            ("POST", r"/rest/posts", self._rest(self._create_post), True),
            ("GET", r"/rest/posts", self._rest(self._posts_by_author), False),
            ("GET", r"/rest/posts/" + _URN_PATH, self._rest(self._get_post), False),
            ("DELETE", r"/rest/posts/" + _URN_PATH, self._rest(self._delete_post), True),
            ("POST", r"/rest/images", self._rest(self._images_action), True),
            ("GET", r"/rest/images/" + _URN_PATH, self._rest(self._get_image), False),
            ("POST", r"/rest/videos", self._rest(self._videos_action), True),
            ("GET", r"/rest/videos/" + _URN_PATH, self._rest(self._get_video), False),
            ("PUT", r"/dms-uploads/(?P<token>[A-Za-z0-9_-]+)", self._authed(self._upload), True),
            ("GET", r"/rest/socialActions/" + _URN_PATH + "/comments", self._rest(self._list_comments), False),
            ("POST", r"/rest/socialActions/" + _URN_PATH + "/comments", self._rest(self._create_comment), True),
            (
                "DELETE",
                r"/rest/socialActions/" + _URN_PATH + r"/comments/(?P<id>\d+)",
                self._rest(self._delete_comment),
                True,
            ),
            ("GET", r"/rest/organizationalEntityShareStatistics", self._rest(self._share_statistics), False),
        ]
        for method, pattern, handler, writes in routes:
            self.route(method, pattern, handler, writes=writes)

    @classmethod
    def open(
        cls,
        path: Path,
        access_token: str,
        *,
        host: str = DEFAULT_HOST,
        organization_id: str = DEFAULT_ORG_ID,
        name: str = DEFAULT_NAME,
        clock: Callable[[], datetime] | None = None,
    ) -> LinkedInSandbox:
        """The sandbox whose state is in ``path`` (created for ``access_token`` if new)."""
        state = SandboxState(path, initial_state(access_token, organization_id=organization_id, name=name))
        return cls(state=state, host=host, clock=clock or _utc_now)

    # -- plumbing ---------------------------------------------------------------------------
    @property
    def data(self) -> dict[str, Any]:
        return self.state.data

    @property
    def organization(self) -> str:
        return f"urn:li:organization:{self.data['organization']['id']}"

    @property
    def media_dir(self) -> Path:
        return self.state.path.parent / f"{self.state.path.stem}-media"

    def _new_id(self) -> int:
        return self.state.next_id("next_id", FIRST_ID)

    def _may_post_as(self, author: str) -> bool:
        return any(
            acl["organization"] == author and acl["state"] == "APPROVED" and acl["role"] in POSTING_ROLES
            for acl in self.data["acls"]
        )

    def _authed(self, handler: Handler) -> Handler:
        async def checked(request: httpx.Request, match: Any) -> httpx.Response:
            scheme, _, token = request.headers.get("authorization", "").partition(" ")
            token = token.strip()
            if scheme.lower() == "bearer" and token and "token_sha256" not in self.data:
                self.data["token_sha256"] = _digest(token)  # a new sandbox: its first token is its own
                self.state.save()
            if scheme.lower() != "bearer" or not token or _digest(token) != self.data.get("token_sha256"):
                return _error(401, "INVALID_ACCESS_TOKEN", "Invalid access token", 65600)
            try:
                return await handler(request, match)
            except _BadRequestError as exc:
                return _error(400, "ILLEGAL_ARGUMENT", str(exc), 100)

        return checked

    def _rest(self, handler: Handler) -> Handler:
        """LinkedIn's ``/rest`` rules: a bearer token, an active version, Rest.li 2.0, encoded URNs."""

        async def checked(request: httpx.Request, match: Any) -> httpx.Response:
            version = request.headers.get("linkedin-version", "").strip()
            if not version:
                return _error(
                    400,
                    "VERSION_MISSING",
                    "A version must be present. Please specify a version by adding the LinkedIn-Version header.",
                )
            if not self._version_active(version):
                return _error(426, "NONEXISTENT_VERSION", f"Requested version {version} is not active")
            if request.headers.get("x-restli-protocol-version", "").strip() != "2.0.0":
                return _error(400, "ILLEGAL_ARGUMENT", "Syntax exception in path variables", 100)
            raw_path = request.url.raw_path.split(b"?", 1)[0]
            if b"urn:li:" in raw_path or b"urn:li:" in request.url.query:
                return _error(400, "ILLEGAL_ARGUMENT", "Syntax exception in path variables", 100)
            return await handler(request, match)

        return self._authed(checked)

    def _version_active(self, version: str) -> bool:
        found = _VERSION.fullmatch(version)
        if not found or not 1 <= int(found.group(2)) <= 12:
            return False
        now = self.clock()
        asked = _month_index(int(found.group(1)), int(found.group(2)))
        current = _month_index(now.year, now.month)
        return current - VERSION_LIFETIME_MONTHS < asked <= current

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        day = self.clock().date().isoformat()
        creates = request.method == "POST" and request.url.path == "/rest/posts"
        key = ("posts" if creates else "calls", day)
        used = self._daily.get(key, 0) + 1
        self._daily[key] = used
        limit = POSTS_PER_DAY if creates else CALLS_PER_DAY
        if used > limit and self.enforce_rate_limits:
            self.requests.append(request)
            await request.aread()
            return self._throttled()
        return await super().handle_async_request(request)

    @staticmethod
    def _throttled() -> httpx.Response:
        return _error(
            429,
            "TOO_MANY_REQUESTS",
            "Resource level throttle APPLICATION DAY limit for calls to this resource is reached.",
            101,
        )

    # LinkedIn's own error shapes for the shared fault injection
    def rate_limited(self, request: httpx.Request, seconds: int) -> httpx.Response:
        return self._throttled()  # bare: LinkedIn says neither when nor how much

    def token_expired(self, request: httpx.Request) -> httpx.Response:
        return _error(401, "EXPIRED_ACCESS_TOKEN", "The token used in the request has expired", 65602)

    def server_error(self, request: httpx.Request) -> httpx.Response:
        return httpx.Response(503, json={"message": "Service Unavailable", "status": 503})

    def not_found(self, request: httpx.Request) -> httpx.Response:
        return _error(404, "NOT_FOUND", "Not Found")

    @staticmethod
    def _query(request: httpx.Request) -> dict[str, str]:
        """Query parameters as Rest.li 2.0 reads them (values decoded after splitting)."""
        params: dict[str, str] = {}
        for pair in request.url.query.decode("ascii", "replace").split("&"):
            if not pair:
                continue
            key, _, value = pair.partition("=")
            params[unquote(key)] = value
        return params

    @staticmethod
    def _list_param(value: str) -> list[str]:
        if not (value.startswith("List(") and value.endswith(")")):
            raise _BadRequestError("Invalid param. Please see errorDetails for more information.")
        inner = value[5:-1]
        return [unquote(item) for item in inner.split(",") if item]

    @staticmethod
    def _json_body(request: httpx.Request) -> dict[str, Any]:
        if request.headers.get("content-type", "").split(";")[0].strip().lower() != "application/json":
            raise _BadRequestError("Unsupported Content-Type; application/json expected")
        try:
            body = json.loads(request.content or b"")
        except ValueError as exc:
            raise _BadRequestError("Invalid JSON in request body") from exc
        if not isinstance(body, dict):
            raise _BadRequestError("Invalid JSON in request body")
        return body

    # -- page ---------------------------------------------------------------------------------
    async def _acls(self, request: httpx.Request, match: Any) -> httpx.Response:
        params = self._query(request)
        if params.get("q") != "roleAssignee":
            return _error(400, "ILLEGAL_ARGUMENT", "Invalid query parameter q", 100)
        elements = [
            dict(acl, roleAssignee=self.data["member"])
            for acl in self.data["acls"]
            if ("role" not in params or acl["role"] == params["role"])
            and ("state" not in params or acl["state"] == params["state"])
        ]
        return httpx.Response(
            200, json={"paging": {"count": 10, "start": 0, "total": len(elements), "links": []}, "elements": elements}
        )

    async def _organization(self, request: httpx.Request, match: Any) -> httpx.Response:
        page = self.data["organization"]
        if str(page["id"]) != match.group("id"):
            return _error(
                403, "ACCESS_DENIED", f"Not enough permissions to access organization {match.group('id')}", 100
            )
        return httpx.Response(
            200,
            json={
                "id": page["id"],
                "localizedName": page["localizedName"],
                "vanityName": page["vanityName"],
                "name": {
                    "localized": {"tr_TR": page["localizedName"]},
                    "preferredLocale": {"country": "TR", "language": "tr"},
                },
                "primaryOrganizationType": "GOVERNMENT",
                "locations": [],
            },
        )

    # -- posts --------------------------------------------------------------------------------
    async def _create_post(self, request: httpx.Request, match: Any) -> httpx.Response:
        now = self.clock()
        body = self._json_body(request)
        for name in ("author", "commentary", "visibility", "distribution", "lifecycleState"):
            if name not in body:
                return _unprocessable(f"/{name}", "field is required but not found and has no default value")
        author = body["author"]
        if not isinstance(author, str) or not author.startswith("urn:li:"):
            return _unprocessable("/author", f"'{author}' is not a valid urn")
        if not self._may_post_as(author):
            version = request.headers.get("linkedin-version", "")
            return _error(
                403, "ACCESS_DENIED", f"Not enough permissions to access: partnerApiPostsExternal.CREATE.{version}", 100
            )
        if body["visibility"] not in VISIBILITIES:
            return _unprocessable("/visibility", f"'{body['visibility']}' is not a valid enum value")
        if body["lifecycleState"] not in LIFECYCLE_STATES:
            return _unprocessable("/lifecycleState", f"'{body['lifecycleState']}' is not a valid enum value")
        distribution = body["distribution"]
        if not isinstance(distribution, dict) or distribution.get("feedDistribution") not in FEED_DISTRIBUTIONS:
            return _unprocessable("/distribution/feedDistribution", "field is required but not found or not valid")
        commentary = body["commentary"]
        if not isinstance(commentary, str):
            return _unprocessable("/commentary", "field must be a string")
        if _utf16(commentary) > MAX_COMMENTARY:
            return _unprocessable(
                "/commentary", f"length of field is more than the maximum allowed length of {MAX_COMMENTARY}"
            )
        content = body.get("content")
        problem = self._check_content(content, author)
        if problem is not None:
            return problem
        if not commentary.strip() and not content:
            return _unprocessable("/commentary", "a post needs commentary or content")
        duplicate = self._duplicate_of(author, commentary, now)
        if duplicate is not None:
            return _error(422, "DUPLICATE_POST", f"Content is a duplicate of {duplicate}")
        urn = self._store_post(author, commentary, now, body, distribution, content)
        for urn_used in self._content_urns(content):
            table = "images" if urn_used.startswith("urn:li:image:") else "videos"
            self.data[table][urn_used].setdefault("posts", []).append(urn)
        return httpx.Response(201, headers={"x-restli-id": urn, "x-linkedin-id": urn})

    def _store_post(
        self, author: str, commentary: str, now: datetime, body: Mapping[str, Any], distribution: Any, content: Any
    ) -> str:
        post_id = self._new_id()
        urn = f"urn:li:share:{post_id}"
        text, truncated = parse_little_text(commentary)
        self.data["posts"][urn] = {
            "id": urn,
            "activity": f"urn:li:activity:{post_id}",
            "author": author,
            "commentary": commentary,
            "text": text,
            "truncated": truncated,
            "visibility": body["visibility"],
            "distribution": distribution,
            "lifecycleState": body["lifecycleState"],
            "isReshareDisabledByAuthor": bool(body.get("isReshareDisabledByAuthor", False)),
            "content": content,
            "createdAt": _ms(now),
        }
        return urn

    @staticmethod
    def _content_urns(content: Any) -> list[str]:
        if not isinstance(content, dict):
            return []
        if isinstance(content.get("media"), dict):
            return [str(content["media"].get("id"))]
        if isinstance(content.get("multiImage"), dict):
            return [
                str(image.get("id")) for image in content["multiImage"].get("images", []) if isinstance(image, dict)
            ]
        return []

    def _media_problem(self, path: str, item: Any, author: str, *, images_only: bool = False) -> httpx.Response | None:
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            return _unprocessable(f"{path}/id", "field is required but not found and has no default value")
        urn = item["id"]
        table = "images" if urn.startswith("urn:li:image:") else "videos" if urn.startswith("urn:li:video:") else None
        if table is None or (images_only and table != "images"):
            return _unprocessable(f"{path}/id", f"'{urn}' is not a valid media urn")
        media = self.data[table].get(urn)
        if media is None or media["owner"] != author:
            return _unprocessable(f"{path}/id", f"{urn} does not exist or does not belong to {author}")
        if media["status"] != "AVAILABLE":
            return _unprocessable(f"{path}/id", f"{urn} is not AVAILABLE (status {media['status']})")
        alt = item.get("altText")
        if alt is not None and (not isinstance(alt, str) or len(alt) > MAX_ALT_TEXT):
            return _unprocessable(
                f"{path}/altText", f"length of field is more than the maximum allowed length of {MAX_ALT_TEXT}"
            )
        return None

    def _check_content(self, content: Any, author: str) -> httpx.Response | None:
        if content is None:
            return None
        kinds = [
            k
            for k in ("media", "multiImage", "article", "poll", "carousel", "reference")
            if isinstance(content, dict) and k in content
        ]
        if not isinstance(content, dict) or len(kinds) != 1 or len(content) != 1:
            return _unprocessable("/content", "exactly one content type is required")
        kind = kinds[0]
        if kind == "media":
            return self._media_problem("/content/media", content["media"], author)
        if kind == "multiImage":
            images = content["multiImage"].get("images") if isinstance(content["multiImage"], dict) else None
            if not isinstance(images, list) or not 2 <= len(images) <= 20:
                return _unprocessable("/content/multiImage/images", "a multi-image post has 2 to 20 images")
            for n, image in enumerate(images):
                problem = self._media_problem(f"/content/multiImage/images/{n}", image, author, images_only=True)
                if problem is not None:
                    return problem
            return None
        if kind == "article":
            article = content["article"]
            if not isinstance(article, dict) or not isinstance(article.get("source"), str):
                return _unprocessable(
                    "/content/article/source", "field is required but not found and has no default value"
                )
            if urlsplit(article["source"]).scheme not in ("http", "https"):
                return _unprocessable("/content/article/source", f"'{article['source']}' is not a valid url")
            if not isinstance(article.get("title"), str) or not article["title"].strip():
                return _unprocessable(
                    "/content/article/title", "field is required but not found and has no default value"
                )
            return None
        if kind == "poll":
            return self._poll_problem(content["poll"])
        return _unprocessable(f"/content/{kind}", "content type not supported for organization posts in this sandbox")

    @staticmethod
    def _poll_problem(poll: Any) -> httpx.Response | None:
        if not isinstance(poll, dict):
            return _unprocessable("/content/poll", "field must be a record")
        question = poll.get("question")
        if not isinstance(question, str) or not 1 <= _utf16(question) <= 140:
            return _unprocessable("/content/poll/question", "length must be between 1 and 140")
        options = poll.get("options")
        if not isinstance(options, list) or not 2 <= len(options) <= 4:
            return _unprocessable("/content/poll/options", "a poll has 2 to 4 options")
        for n, option in enumerate(options):
            text = option.get("text") if isinstance(option, dict) else None
            if not isinstance(text, str) or not 1 <= _utf16(text) <= 30:
                return _unprocessable(f"/content/poll/options/{n}/text", "length must be between 1 and 30")
        settings = poll.get("settings")
        duration = settings.get("duration") if isinstance(settings, dict) else None
        if duration not in POLL_DURATIONS:
            return _unprocessable("/content/poll/settings/duration", f"'{duration}' is not a valid enum value")
        return None

    def _duplicate_of(self, author: str, commentary: str, now: datetime) -> str | None:
        wanted = _normal(parse_little_text(commentary)[0])
        if not wanted:
            return None
        for post in self.data["posts"].values():
            if (
                post["author"] == author
                and _normal(post["text"]) == wanted
                and now - _from_ms(post["createdAt"]) < DUPLICATE_WINDOW
            ):
                return str(post["id"])
        return None

    def _post_entity(self, post: Mapping[str, Any]) -> dict[str, Any]:
        entity: dict[str, Any] = {
            "id": post["id"],
            "author": post["author"],
            "commentary": _stored_commentary(post["commentary"]),
            "visibility": post["visibility"],
            "distribution": post["distribution"],
            "lifecycleState": post["lifecycleState"],
            "lifecycleStateInfo": {"isEditedByAuthor": False},
            "isReshareDisabledByAuthor": post["isReshareDisabledByAuthor"],
            "createdAt": post["createdAt"],
            "lastModifiedAt": post["createdAt"],
            "publishedAt": post["createdAt"],
        }
        if post.get("content"):
            entity["content"] = post["content"]
        return entity

    async def _get_post(self, request: httpx.Request, match: Any) -> httpx.Response:
        post = self.data["posts"].get(match.group("urn"))
        if post is None:
            return self.not_found(request)
        return httpx.Response(200, json=self._post_entity(post))

    async def _posts_by_author(self, request: httpx.Request, match: Any) -> httpx.Response:
        params = self._query(request)
        if params.get("q") != "author" or "author" not in params:
            return _error(400, "ILLEGAL_ARGUMENT", "Invalid query parameter q", 100)
        author = unquote(params["author"])
        try:
            count = int(params.get("count", "10"))
            start = int(params.get("start", "0"))
        except ValueError:
            return _error(400, "ILLEGAL_ARGUMENT", "Invalid pagination parameters", 100)
        if not 1 <= count <= 100 or start < 0:
            return _error(400, "ILLEGAL_ARGUMENT", "count must be between 1 and 100", 100)
        if not self._may_post_as(author):
            return _error(
                403, "ACCESS_DENIED", "Not enough permissions to access: partnerApiPostsExternal.FINDER-author", 100
            )
        posts = sorted(
            (p for p in self.data["posts"].values() if p["author"] == author),
            key=lambda p: (p["createdAt"], p["id"]),
            reverse=True,
        )
        page = posts[start : start + count]
        links = []
        if start + count < len(posts):
            links.append(
                {"type": "application/json", "rel": "next", "href": f"/rest/posts?q=author&start={start + count}"}
            )
        return httpx.Response(
            200,
            json={
                "paging": {"start": start, "count": count, "total": len(posts), "links": links},
                "elements": [self._post_entity(p) for p in page],
            },
        )

    async def _delete_post(self, request: httpx.Request, match: Any) -> httpx.Response:
        post = self.data["posts"].get(match.group("urn"))
        if post is None:
            return self.not_found(request)
        if not self._may_post_as(post["author"]):
            return _error(403, "ACCESS_DENIED", "Not enough permissions to delete this post", 100)
        del self.data["posts"][post["id"]]
        for key in [k for k, c in self.data["comments"].items() if c["post"] == post["id"]]:
            del self.data["comments"][key]
        return httpx.Response(204)

    # -- media --------------------------------------------------------------------------------
    def _upload_url(self, token: str) -> str:
        return f"https://{self.host}/dms-uploads/{token}"

    async def _images_action(self, request: httpx.Request, match: Any) -> httpx.Response:
        if self._query(request).get("action") != "initializeUpload":
            return _error(400, "ILLEGAL_ARGUMENT", "Unsupported action", 100)
        body = self._json_body(request)
        owner = (body.get("initializeUploadRequest") or {}).get("owner")
        if not isinstance(owner, str):
            return _unprocessable(
                "/initializeUploadRequest/owner", "field is required but not found and has no default value"
            )
        if not self._may_post_as(owner):
            return _error(403, "ACCESS_DENIED", "Not enough permissions to upload for this owner", 100)
        now = self.clock()
        urn = f"urn:li:image:D4E10AQ{secrets.token_hex(8)}"
        token = secrets.token_urlsafe(24)
        self.data["images"][urn] = {"id": urn, "owner": owner, "status": "WAITING_UPLOAD", "polls_left": 0, "alt": ""}
        self.data["uploads"][token] = {"urn": urn, "kind": "image"}
        return httpx.Response(
            200,
            json={
                "value": {
                    "uploadUrlExpiresAt": _ms(now + timedelta(days=1)),
                    "uploadUrl": self._upload_url(token),
                    "image": urn,
                }
            },
        )

    async def _videos_action(self, request: httpx.Request, match: Any) -> httpx.Response:
        action = self._query(request).get("action")
        body = self._json_body(request)
        now = self.clock()
        if action == "initializeUpload":
            ask = body.get("initializeUploadRequest") or {}
            owner, size = ask.get("owner"), ask.get("fileSizeBytes")
            if not isinstance(owner, str) or not isinstance(size, int) or size <= 0:
                return _unprocessable("/initializeUploadRequest", "owner and fileSizeBytes are required")
            if not self._may_post_as(owner):
                return _error(403, "ACCESS_DENIED", "Not enough permissions to upload for this owner", 100)
            urn = f"urn:li:video:D4E10AQ{secrets.token_hex(8)}"
            upload_token = secrets.token_hex(12)
            instructions = []
            parts: list[dict[str, Any]] = []
            for first in range(0, size, VIDEO_PART):
                last = min(first + VIDEO_PART, size) - 1
                token = secrets.token_urlsafe(24)
                self.data["uploads"][token] = {"urn": urn, "kind": "video", "part": len(parts)}
                parts.append({"first": first, "last": last, "etag": None})
                instructions.append({"uploadUrl": self._upload_url(token), "lastByte": last, "firstByte": first})
            self.data["videos"][urn] = {
                "id": urn,
                "owner": owner,
                "status": "WAITING_UPLOAD",
                "size": size,
                "parts": parts,
                "upload_token": upload_token,
                "polls_left": 0,
            }
            return httpx.Response(
                200,
                json={
                    "value": {
                        "uploadUrlsExpireAt": _ms(now + timedelta(days=1)),
                        "video": urn,
                        "uploadInstructions": instructions,
                        "uploadToken": upload_token,
                    }
                },
            )
        if action == "finalizeUpload":
            ask = body.get("finalizeUploadRequest") or {}
            video = self.data["videos"].get(ask.get("video"))
            if video is None:
                return self.not_found(request)
            etags = [p["etag"] for p in video["parts"]]
            if ask.get("uploadToken") != video["upload_token"] or ask.get("uploadedPartIds") != etags or None in etags:
                return _error(400, "ILLEGAL_ARGUMENT", "The uploaded parts do not match the upload instructions", 100)
            data = b"".join(
                (self.media_dir / f"{video['id'].rsplit(':', 1)[-1]}.part{n}").read_bytes() for n in range(len(etags))
            )
            for n in range(len(etags)):
                (self.media_dir / f"{video['id'].rsplit(':', 1)[-1]}.part{n}").unlink(missing_ok=True)
            self._store_file(video, data, ".mp4")
            video["status"] = "PROCESSING"
            video["polls_left"] = 1
            video["will_fail"] = data[4:8] != b"ftyp"
            return httpx.Response(200, json={})
        return _error(400, "ILLEGAL_ARGUMENT", "Unsupported action", 100)

    def _store_file(self, record: dict[str, Any], data: bytes, suffix: str) -> None:
        digest = hashlib.sha256(data).hexdigest()
        self.media_dir.mkdir(parents=True, exist_ok=True)
        name = digest[:32] + suffix
        stored = self.media_dir / name
        if not stored.exists():
            write_file_atomic(stored, data)
        record.update(size=len(data), file_name=name, sha256=digest)

    async def _upload(self, request: httpx.Request, match: Any) -> httpx.Response:
        upload = self.data["uploads"].get(match.group("token"))
        if upload is None:
            return self.not_found(request)
        data = request.content
        if upload["kind"] == "image":
            image = self.data["images"][upload["urn"]]
            if image["status"] != "WAITING_UPLOAD":
                return _error(400, "ILLEGAL_ARGUMENT", "The image was already uploaded", 100)
            mime = _image_type(data)
            suffix = {"image/png": ".png", "image/jpeg": ".jpg", "image/gif": ".gif"}.get(mime or "", ".bin")
            self._store_file(image, data, suffix)
            image.update(status="PROCESSING", polls_left=1, mime_type=mime or "application/octet-stream")
            image["will_fail"] = mime is None
            del self.data["uploads"][match.group("token")]
            return httpx.Response(201)
        video = self.data["videos"][upload["urn"]]
        part = video["parts"][upload["part"]]
        if len(data) != part["last"] - part["first"] + 1:
            return _error(400, "ILLEGAL_ARGUMENT", "The part's size does not match its byte range", 100)
        self.media_dir.mkdir(parents=True, exist_ok=True)
        write_file_atomic((self.media_dir / f"{video['id'].rsplit(':', 1)[-1]}.part{upload['part']}"), data)
        part["etag"] = "/" + hashlib.md5(data, usedforsecurity=False).hexdigest()
        return httpx.Response(200, headers={"ETag": part["etag"]})

    def _media_status(self, record: dict[str, Any]) -> None:
        """PROCESSING → AVAILABLE (or PROCESSING_FAILED) as status checks go by."""
        if record["status"] != "PROCESSING":
            return
        if self.faults.take("slow_media_polls"):
            return
        if int(record.get("polls_left", 0)) > 0:
            record["polls_left"] = int(record["polls_left"]) - 1
        else:
            record["status"] = "PROCESSING_FAILED" if record.get("will_fail") else "AVAILABLE"
        self.state.save()

    async def _get_image(self, request: httpx.Request, match: Any) -> httpx.Response:
        image = self.data["images"].get(match.group("urn"))
        if image is None:
            return self.not_found(request)
        self._media_status(image)
        entity: dict[str, Any] = {"owner": image["owner"], "status": image["status"], "id": image["id"]}
        if image["status"] == "AVAILABLE":
            entity["downloadUrl"] = f"https://{self.host}/dms/image/{image['file_name']}"
            entity["downloadUrlExpiresAt"] = _ms(self.clock() + timedelta(hours=1))
        return httpx.Response(200, json=entity)

    async def _get_video(self, request: httpx.Request, match: Any) -> httpx.Response:
        video = self.data["videos"].get(match.group("urn"))
        if video is None:
            return self.not_found(request)
        self._media_status(video)
        entity: dict[str, Any] = {"owner": video["owner"], "status": video["status"], "id": video["id"]}
        if video["status"] == "AVAILABLE":
            entity["downloadUrl"] = f"https://{self.host}/dms/video/{video['file_name']}"
        return httpx.Response(200, json=entity)

    # -- comments -----------------------------------------------------------------------------
    def _comment_entity(self, comment: Mapping[str, Any]) -> dict[str, Any]:
        replies = [c for c in self.data["comments"].values() if c.get("parent") == comment["urn"]]
        entity: dict[str, Any] = {
            "actor": comment["actor"],
            "commentUrn": comment["urn"],
            "$URN": comment["urn"],
            "id": comment["id"],
            "object": comment["object"],
            "message": {"text": comment["text"], "attributes": []},
            "created": {"actor": comment["actor"], "time": comment["created"]},
            "lastModified": {"actor": comment["actor"], "time": comment.get("modified", comment["created"])},
            "commentsSummary": {
                "selectedComments": [],
                "aggregatedTotalComments": len(replies),
                "totalFirstLevelComments": len(replies),
            },
            "likesSummary": {"totalLikes": int(comment.get("likes", 0)), "likedByCurrentUser": False},
        }
        if comment.get("parent"):
            entity["parentComment"] = comment["parent"]
        return entity

    def _thread_of(self, target: str) -> tuple[Mapping[str, Any] | None, str | None]:
        """(the post, the parent comment URN or None) a socialActions target stands for."""
        comment = _COMMENT_URN.fullmatch(target)
        if comment is not None:
            found = self.data["comments"].get(target)
            if found is None:
                return None, None
            return self.data["posts"].get(found["post"]), target
        post = self.data["posts"].get(target)
        if post is None:
            activity = next((p for p in self.data["posts"].values() if p["activity"] == target), None)
            return activity, None
        return post, None

    async def _list_comments(self, request: httpx.Request, match: Any) -> httpx.Response:
        post, parent = self._thread_of(match.group("urn"))
        if post is None:
            return self.not_found(request)
        params = self._query(request)
        try:
            count = int(params.get("count", "10"))
            start = int(params.get("start", "0"))
        except ValueError:
            return _error(400, "ILLEGAL_ARGUMENT", "Invalid pagination parameters", 100)
        if not 1 <= count <= 100 or start < 0:
            return _error(400, "ILLEGAL_ARGUMENT", "count must be between 1 and 100", 100)
        chosen = sorted(
            (c for c in self.data["comments"].values() if c["post"] == post["id"] and c.get("parent") == parent),
            key=lambda c: (c["created"], int(c["id"])),
        )
        page = chosen[start : start + count]
        return httpx.Response(
            200,
            json={
                "paging": {"start": start, "count": count, "total": len(chosen), "links": []},
                "elements": [self._comment_entity(c) for c in page],
            },
        )

    def _add_comment(
        self, post: Mapping[str, Any], actor: str, text: str, parent: str | None, now: datetime
    ) -> dict[str, Any]:
        comment_id = str(self._new_id())
        urn = f"urn:li:comment:({post['activity']},{comment_id})"
        comment: dict[str, Any] = {
            "id": comment_id,
            "urn": urn,
            "post": post["id"],
            "object": post["activity"],
            "actor": actor,
            "text": text,
            "parent": parent,
            "created": _ms(now),
        }
        self.data["comments"][urn] = comment
        return comment

    async def _create_comment(self, request: httpx.Request, match: Any) -> httpx.Response:
        body = self._json_body(request)
        post, parent = self._thread_of(match.group("urn"))
        if post is None:
            return self.not_found(request)
        actor = body.get("actor")
        if not isinstance(actor, str) or not (self._may_post_as(actor) or actor == self.data["member"]):
            return _error(403, "ACCESS_DENIED", "Not enough permissions to comment as this actor", 100)
        message = body.get("message")
        text = message.get("text") if isinstance(message, dict) else None
        if not isinstance(text, str) or not text.strip():
            return _unprocessable("/message/text", "field is required but not found and has no default value")
        if _utf16(text) > MAX_COMMENT:
            return _unprocessable(
                "/message/text", f"length of field is more than the maximum allowed length of {MAX_COMMENT}"
            )
        if body.get("object") not in (post["id"], post["activity"]):
            return _unprocessable("/object", "the object does not match the target of the request")
        if parent is not None and body.get("parentComment") != parent:
            return _unprocessable("/parentComment", "must be the comment the request targets")
        comment = self._add_comment(post, actor, text, parent, self.clock())
        return httpx.Response(201, json=self._comment_entity(comment), headers={"x-restli-id": comment["id"]})

    async def _delete_comment(self, request: httpx.Request, match: Any) -> httpx.Response:
        """``DELETE …/comments/{id}?actor=``: the comment's author may delete it, and a page
        (``actor``) may delete anyone's comment on its own posts; its replies go with it."""
        post, _ = self._thread_of(match.group("urn"))
        actor = unquote(self._query(request).get("actor", ""))
        if post is None:
            return self.not_found(request)
        urn = f"urn:li:comment:({post['activity']},{match.group('id')})"
        comment = self.data["comments"].get(urn)
        if comment is None:
            return self.not_found(request)
        own = comment["actor"] == actor and (self._may_post_as(actor) or actor == self.data["member"])
        moderated = post["author"] == actor and self._may_post_as(actor)  # a page on its own post
        if not (own or moderated):
            return _error(403, "ACCESS_DENIED", "Not enough permissions to delete this comment", 100)
        for key in [k for k, c in self.data["comments"].items() if c.get("parent") == urn or k == urn]:
            del self.data["comments"][key]
        return httpx.Response(204)

    # -- statistics ---------------------------------------------------------------------------
    async def _share_statistics(self, request: httpx.Request, match: Any) -> httpx.Response:
        params = self._query(request)
        entity = unquote(params.get("organizationalEntity", ""))
        if params.get("q") != "organizationalEntity" or not entity:
            return _error(400, "ILLEGAL_ARGUMENT", "Invalid query parameter q", 100)
        if not self._may_post_as(entity):
            return _error(403, "ACCESS_DENIED", "Not enough permissions to access share statistics", 100)
        wanted = self._list_param(params["shares"]) if "shares" in params else []
        wanted += self._list_param(params["ugcPosts"]) if "ugcPosts" in params else []
        elements = []
        for urn in wanted:
            post = self.data["posts"].get(urn)
            if post is None or post["author"] != entity:
                continue
            stats = self.data["statistics"].get(urn, {})
            comments = sum(1 for c in self.data["comments"].values() if c["post"] == urn)
            impressions = int(stats.get("impressionCount", 0))
            clicks, likes, shares = (int(stats.get(k, 0)) for k in ("clickCount", "likeCount", "shareCount"))
            element: dict[str, Any] = {
                "organizationalEntity": entity,
                "totalShareStatistics": {
                    "impressionCount": impressions,
                    "uniqueImpressionsCount": int(stats.get("uniqueImpressionsCount", impressions)),
                    "clickCount": clicks,
                    "likeCount": likes,
                    "commentCount": comments,
                    "shareCount": shares,
                    "engagement": (clicks + likes + comments + shares) / impressions if impressions else 0.0,
                },
            }
            element["ugcPost" if urn.startswith("urn:li:ugcPost:") else "share"] = urn
            elements.append(element)
        return httpx.Response(200, json={"paging": {"start": 0, "count": 10, "links": []}, "elements": elements})

    # -- for tests, the demo and `kurum-masaustu sandbox list` ----------------------------------
    def person(self, name: str) -> str:
        """The URN of a (sandbox) member called ``name``."""
        urn = "urn:li:person:" + hashlib.sha256(name.encode("utf-8")).hexdigest()[:10]
        self.data["persons"].setdefault(urn, {"name": name})
        return urn

    def add_citizen_comment(
        self, target: str, name: str, text: str, *, at: datetime | None = None, save: bool = True
    ) -> str:
        """A member comments on one of the page's posts, or (``target`` a comment URN) replies to a
        comment. Returns the new comment's URN."""
        post, parent = self._thread_of(target)
        if post is None:
            raise KeyError(f"no post or comment {target} in the sandbox")
        comment = self._add_comment(post, self.person(name), text, parent, at or self.clock())
        if save:
            self.state.save()
        return str(comment["urn"])

    def add_post_by(self, author: str, text: str) -> str:
        """A post by another page or member (not one the token may moderate). Returns its URN."""
        body = {"visibility": "PUBLIC", "lifecycleState": "PUBLISHED"}
        urn = self._store_post(author, text, self.clock(), body, {"feedDistribution": "MAIN_FEED"}, None)
        self.state.save()
        return urn

    def save(self) -> None:
        self.state.save()

    def add_statistics(
        self, post_urn: str, *, impressions: int = 0, clicks: int = 0, likes: int = 0, shares: int = 0
    ) -> None:
        stats = self.data["statistics"].setdefault(post_urn, {})
        for key, value in (
            ("impressionCount", impressions),
            ("clickCount", clicks),
            ("likeCount", likes),
            ("shareCount", shares),
        ):
            stats[key] = int(stats.get(key, 0)) + value
        self.state.save()

    def grant(self, organization: str, role: str = "ADMINISTRATOR") -> None:
        """Give the member a role on another page (e.g. to test a member with several pages)."""
        self.data["acls"].append({"organization": organization, "role": role, "state": "APPROVED"})
        self.state.save()

    def _sandbox_media(self, content: Any) -> tuple[SandboxMedia, ...]:
        found = []
        alts: dict[str, str] = {}
        if isinstance(content, dict) and isinstance(content.get("media"), dict):
            alts[str(content["media"].get("id"))] = str(content["media"].get("altText") or "")
        if isinstance(content, dict) and isinstance(content.get("multiImage"), dict):
            for image in content["multiImage"].get("images", []):
                alts[str(image.get("id"))] = str(image.get("altText") or "")
        for urn, alt in alts.items():
            table = "images" if urn.startswith("urn:li:image:") else "videos"
            record = self.data[table].get(urn)
            if record is None:
                continue
            stored = self.media_dir / record.get("file_name", "-")
            found.append(
                SandboxMedia(
                    id=urn,
                    type=table[:-1],
                    mime_type=record.get("mime_type", "video/mp4" if table == "videos" else "image/*"),
                    alt_text=alt,
                    size=int(record.get("size", 0)),
                    file=str(stored) if stored.is_file() else None,
                )
            )
        return tuple(found)

    def post_url(self, urn: str) -> str:
        return f"https://{self.host}/feed/update/{urn}/"

    def published(self) -> list[SandboxPost]:
        """The page's posts (oldest first)."""
        posts = []
        for post in sorted(self.data["posts"].values(), key=lambda p: (p["createdAt"], p["id"])):
            if post["author"] != self.organization:
                continue
            content = post.get("content") or {}
            poll = content.get("poll") if isinstance(content, dict) else None
            article = content.get("article") if isinstance(content, dict) else None
            stats = dict(self.data["statistics"].get(post["id"], {}))
            stats["commentCount"] = sum(1 for c in self.data["comments"].values() if c["post"] == post["id"])
            posts.append(
                SandboxPost(
                    id=post["id"],
                    text=post["text"],
                    commentary=post["commentary"],
                    created_at=_from_ms(post["createdAt"]),
                    url=self.post_url(post["id"]),
                    truncated=bool(post["truncated"]),
                    media=self._sandbox_media(content),
                    article_url=article.get("source") if isinstance(article, dict) else None,
                    poll_options=tuple(o["text"] for o in poll["options"]) if isinstance(poll, dict) else (),
                    poll_duration=poll["settings"]["duration"] if isinstance(poll, dict) else None,
                    counts={k: int(v) for k, v in stats.items()},
                )
            )
        return posts
