"""An in-process X API v2: the subset the adapter uses, as X documents and answers it.

Faithful to ``reference/platform_apis.md`` §3 and ``shared/specs/x/openapi.json``, not to our adapter:

- ``POST /2/tweets``: a JSON body that allows no unknown keys (at any level), text of at most 280
  weighted characters (twitter-text v3, ``rules.text.parse_x``), up to 4 images or one GIF/video
  (each uploaded by this account, processed, not expired), polls of 2–4 options of 1–25
  characters lasting 5–10,080 minutes and never with media; replies only where the author of the
  post replied to summoned the account (its own post, a post mentioning it or quoting it — the
  2026 self-serve rule); the same text again within 24 hours → 403 "duplicate content".
  201 ``{data: {id, text, edit_history_post_ids}}``.
- Media: one-shot ``POST /2/media/upload`` (images; multipart or JSON base64), the dedicated
  ``initialize`` / ``{id}/append`` / ``{id}/finalize`` endpoints and the older command style
  (``command=INIT|APPEND|FINALIZE`` on ``/2/media/upload``), ``GET /2/media/upload?command=STATUS``
  with ``processing_info`` pending → in_progress → succeeded | failed and ``check_after_secs``
  (``Faults.slow_media_polls`` keeps it in progress longer; a video that is no MP4/MOV and a GIF
  that is no GIF fail), ``POST /2/media/metadata`` (alt text ≤ 1,000). Media expire after 24 h.
- Reading: ``/2/users/me``, a post, posts by ids (missing ones in ``errors``), a user's posts and
  mentions (``max_results`` 5–100, ``since_id``, ``until_id``, ``start_time``, ``end_time``,
  ``pagination_token``, ``exclude``), with ``post.fields`` (``tweet.fields`` accepted too),
  ``expansions`` and ``user.fields``. Text comes back as X shows it: links wrapped in t.co,
  ``& < >`` escaped, a media link appended; ``entities.urls`` hold the expansions.
- ``DELETE /2/tweets/{id}``, ``PUT /2/tweets/{id}/hidden`` (replies in our own conversations).
- Sign-in: ``GET /i/oauth2/authorize`` and the code grant at the token endpoint (``sandbox/oauth.py``).
- ``POST /2/oauth2/token`` (``grant_type=refresh_token``, public client: ``client_id`` in the form):
  a new access token (2 hours) and a new, single-use refresh token; the old pair stops working.
- Errors as X sends them: problem JSON (``{title, detail, type, status}``) and the invalid-request
  envelope (``{errors: [{message, parameters}], title, detail, type}``); OAuth errors as
  ``{error, error_description}``. ``x-rate-limit-limit/-remaining/-reset`` (epoch seconds) on every
  answer from 15-minute windows per endpoint, plus ``x-user-limit-24hour-*`` and
  ``x-app-limit-24hour-*`` on ``POST /2/tweets``; 429 once one is used up.

The account's data lives in a JSON file (users, posts, media, token hashes); uploaded files are
kept beside it in ``<stem>-media/``. Tokens are never written, only their SHA-256: the first bearer
token a new sandbox sees becomes its (non-expiring) token, as the first refresh token and client id
it sees become the ones it expects. Citizens are seeded with :meth:`XSandbox.add_citizen_post`;
:meth:`XSandbox.published` lists what the account posted.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import secrets
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email import message_from_bytes
from email.message import Message
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import httpx

from kurum_masaustu.platforms.sandbox.core import Handler, SandboxState, SandboxTransport, write_file_atomic
from kurum_masaustu.rules import text as text_rules

DEFAULT_HOST = "x.sandbox.invalid"  # as publishing/registry.py gives the sandbox channel
DEFAULT_USERNAME = "ornekbelediye"
DEFAULT_DISPLAY_NAME = "Örnek Belediyesi"
FIRST_ID = 1_830_000_000_000_000_000  # X ids are 19-digit snowflakes; ours count up from here
API_PROBLEMS = "https://api.x.com/2/problems/"
TOKEN_PATH = "/2/oauth2/token"
ACCESS_TOKEN_LIFETIME = timedelta(hours=2)
MEDIA_LIFETIME = timedelta(hours=24)
DUPLICATE_WINDOW = timedelta(hours=24)
MAX_WEIGHTED_LENGTH = 280
MAX_MEDIA = 4
MAX_ALT_TEXT = 1000
MAX_SEGMENT_BYTES = 5 * 1024 * 1024
MAX_SEGMENTS = 1000
SIZE_LIMITS = {
    "tweet_image": 5 * 1024 * 1024,
    "dm_image": 5 * 1024 * 1024,
    "tweet_gif": 15 * 1024 * 1024,
    "dm_gif": 15 * 1024 * 1024,
    "tweet_video": 512 * 1024 * 1024,
    "amplify_video": 512 * 1024 * 1024,
    "dm_video": 512 * 1024 * 1024,
    "subtitles": 1024 * 1024,
}
MEDIA_CATEGORIES = tuple(SIZE_LIMITS)
ONE_SHOT_CATEGORIES = (
    "tweet_image",
    "tweet_video",
    "tweet_gif",
    "dm_image",
    "dm_video",
    "dm_gif",
    "subtitles",
)
MEDIA_TYPES = (
    "video/mp4",
    "video/webm",
    "video/mp2t",
    "video/quicktime",
    "text/srt",
    "text/vtt",
    "image/jpeg",
    "image/gif",
    "image/bmp",
    "image/png",
    "image/webp",
    "image/pjpeg",
    "image/tiff",
    "model/gltf-binary",
    "model/vnd.usdz+zip",
)
CREATE_KEYS = frozenset(
    {
        "card_uri",
        "community_id",
        "direct_message_deep_link",
        "edit_options",
        "for_super_followers_only",
        "geo",
        "made_with_ai",
        "media",
        "nullcast",
        "paid_partnership",
        "poll",
        "quote_tweet_id",
        "reply",
        "reply_settings",
        "share_with_followers",
        "text",
    }
)
MEDIA_KEYS = frozenset(
    {"call_to_actions", "description", "embeddable", "media_ids", "preview_media_id", "tagged_user_ids", "title"}
)
POLL_KEYS = frozenset({"duration_minutes", "options", "reply_settings"})
REPLY_KEYS = frozenset({"auto_populate_reply_metadata", "exclude_reply_user_ids", "in_reply_to_tweet_id"})
_ID = re.compile(r"[0-9]{1,19}")
_MENTION = re.compile(r"(?<![\w@])@(\w{1,15})\b")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class RateRule:
    name: str
    limit: int
    period_seconds: int
    method: str
    pattern: re.Pattern[str]

    def applies(self, method: str, path: str) -> bool:
        return method == self.method and self.pattern.fullmatch(path) is not None


def _rule(name: str, limit: int, method: str, pattern: str, period: int = 900) -> RateRule:
    return RateRule(name, limit, period, method, re.compile(pattern))


#: Per-user 15-minute limits (reference §3.7, and X's published table for the others).
RATE_RULES: tuple[RateRule, ...] = (
    _rule("create", 100, "POST", r"/2/tweets"),
    _rule("delete", 50, "DELETE", r"/2/tweets/\d+"),
    _rule("hide", 50, "PUT", r"/2/tweets/\d+/hidden"),
    _rule("lookup", 900, "GET", r"/2/tweets(/\d+)?"),
    _rule("timeline", 900, "GET", r"/2/users/\d+/tweets"),
    _rule("mentions", 300, "GET", r"/2/users/\d+/mentions"),
    _rule("me", 75, "GET", r"/2/users/me"),
    _rule("upload", 500, "POST", r"/2/media/upload"),
    _rule("chunked", 1875, "POST", r"/2/media/upload/(initialize|\d+/append|\d+/finalize)"),
    _rule("status", 1000, "GET", r"/2/media/upload"),
    _rule("metadata", 500, "POST", r"/2/media/metadata"),
)
#: POST /2/tweets also has 24-hour limits, reported in their own headers.
USER_DAY_LIMIT = 2400
APP_DAY_LIMIT = 10_000


# -- answers as X gives them --------------------------------------------------------------------
def _problem(status: int, title: str, detail: str, kind: str = "about:blank", **extra: Any) -> httpx.Response:
    body: dict[str, Any] = {"title": title, "detail": detail, "type": kind, "status": status, **extra}
    return httpx.Response(status, json=body, headers={"Content-Type": "application/problem+json"})


def _forbidden(detail: str) -> httpx.Response:
    return _problem(403, "Forbidden", detail)


def _invalid(message: str, parameters: Mapping[str, list[str]] | None = None) -> httpx.Response:
    error: dict[str, Any] = {"message": message}
    if parameters:
        error["parameters"] = dict(parameters)
    body = {
        "errors": [error],
        "title": "Invalid Request",
        "detail": "One or more parameters to your request was invalid.",
        "type": API_PROBLEMS + "invalid-request",
    }
    return httpx.Response(400, json=body, headers={"Content-Type": "application/problem+json"})


def _not_found_problem(resource_type: str, parameter: str, value: str) -> dict[str, Any]:
    return {
        "value": value,
        "detail": f"Could not find {resource_type} with {parameter}: [{value}].",
        "title": "Not Found Error",
        "resource_type": resource_type,
        "parameter": parameter,
        "resource_id": value,
        "type": API_PROBLEMS + "resource-not-found",
    }


def _not_found(resource_type: str, parameter: str, value: str) -> httpx.Response:
    body = dict(_not_found_problem(resource_type, parameter, value), status=404)
    return httpx.Response(404, json=body, headers={"Content-Type": "application/problem+json"})


def _oauth_error(status: int, error: str, description: str) -> httpx.Response:
    return httpx.Response(status, json={"error": error, "error_description": description})


def _iso(moment: datetime) -> str:
    moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def _parse_iso(value: str) -> datetime:
    parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _id_key(value: str) -> tuple[int, str]:
    return (len(value), value)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_access_token() -> str:
    """A fresh token for a sandbox channel (the caller keeps it in the keyring)."""
    return secrets.token_urlsafe(32)


def _normal(text: str) -> str:
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def _sniff(data: bytes) -> str | None:
    """The media type of an upload, by its first bytes (X looks at the file, not the name)."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if data[4:8] == b"ftyp":
        return "video/quicktime" if data[8:10] == b"qt" else "video/mp4"
    return None


def _png_size(data: bytes) -> tuple[int, int] | None:
    if data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) >= 24 and data[12:16] == b"IHDR":
        return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    return None


def _media_type_name(mime: str, category: str) -> str:
    if mime == "image/gif" and category.endswith("gif"):
        return "animated_gif"
    if mime.startswith("video/"):
        return "video"
    return "photo"


_KEY_PREFIX = {"photo": "3", "video": "7", "animated_gif": "16"}


class _BadRequestError(Exception):
    """The body could not be read: answered as X's invalid request."""


def _multipart(request: httpx.Request) -> list[tuple[str, str | None, str, bytes]]:
    """(name, filename, content type, bytes) of each part of a multipart/form-data body."""
    content_type = request.headers.get("content-type", "")
    head = f"Content-Type: {content_type}\r\nMIME-Version: 1.0\r\n\r\n".encode("latin-1")
    message = message_from_bytes(head + request.content)
    if not message.is_multipart():
        raise _BadRequestError("multipart body expected")
    parts: list[tuple[str, str | None, str, bytes]] = []
    payload = message.get_payload()
    assert isinstance(payload, list)
    for part in payload:
        assert isinstance(part, Message)
        name = part.get_param("name", header="content-disposition")
        if not isinstance(name, str):
            continue
        data = part.get_payload(decode=True)
        parts.append((name, part.get_filename(), part.get_content_type(), data if isinstance(data, bytes) else b""))
    return parts


def _form(request: httpx.Request) -> tuple[dict[str, str], dict[str, tuple[str, bytes]]]:
    """(text fields, file fields as (content type, bytes)) of a form, multipart or JSON body.

    In a JSON body the ``media`` field is base64, as the spec's ``format: byte`` says.
    """
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    fields: dict[str, str] = {}
    files: dict[str, tuple[str, bytes]] = {}
    if content_type == "multipart/form-data":
        for name, filename, mime, data in _multipart(request):
            if filename is not None or name == "media":
                files[name] = (mime, data)
            else:
                fields[name] = data.decode("utf-8", "replace")
    elif content_type == "application/json":
        try:
            body = json.loads(request.content or b"{}")
        except ValueError as exc:
            raise _BadRequestError("Request body is not valid JSON.") from exc
        if not isinstance(body, dict):
            raise _BadRequestError("Request body must be a JSON object.")
        for key, value in body.items():
            if key == "media" and isinstance(value, str):
                try:
                    files["media"] = ("application/octet-stream", base64.b64decode(value, validate=True))
                except ValueError as exc:
                    raise _BadRequestError("$.media: is not a valid base64 string") from exc
            else:
                fields[key] = value if isinstance(value, str) else json.dumps(value)
    else:
        fields = dict(parse_qsl(request.content.decode("utf-8", "replace"), keep_blank_values=True))
    return fields, files


# -- what the sandbox account posted (for ``kurum-masaustu sandbox list``) ---------------------
@dataclass(frozen=True)
class SandboxMedia:
    id: str
    media_key: str
    type: str  # photo, video, animated_gif
    mime_type: str
    alt_text: str
    size: int
    file: str | None  # path of the stored copy, or None


@dataclass(frozen=True)
class SandboxPost:
    id: str
    text: str
    created_at: datetime
    url: str
    reply_to: str | None
    conversation_id: str
    media: tuple[SandboxMedia, ...] = ()
    poll_options: tuple[str, ...] = ()
    poll_minutes: int | None = None
    counts: Mapping[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "created_at": _iso(self.created_at),
            "url": self.url,
            "reply_to": self.reply_to,
            "conversation_id": self.conversation_id,
            "media": [
                {
                    "id": m.id,
                    "media_key": m.media_key,
                    "type": m.type,
                    "mime_type": m.mime_type,
                    "alt_text": m.alt_text,
                    "size": m.size,
                    "file": m.file,
                }
                for m in self.media
            ],
            "poll_options": list(self.poll_options),
            "poll_minutes": self.poll_minutes,
            "counts": dict(self.counts),
        }


def initial_state(
    access_token: str | None,
    *,
    username: str = DEFAULT_USERNAME,
    display_name: str = "",
    refresh_token: str | None = None,
    client_id: str | None = None,
) -> dict[str, Any]:
    """A new sandbox account. Without ``access_token`` the first bearer token it sees becomes its token."""
    user_id = str(FIRST_ID)
    state: dict[str, Any] = {
        "platform": "x",
        "user_id": user_id,
        "users": {
            user_id: {
                "id": user_id,
                "username": username,
                "name": display_name or DEFAULT_DISPLAY_NAME,
                "created_at": "2012-03-01T09:00:00.000Z",
                "description": "Resmî hesap",
                "verified_type": "government",
                "followers_count": 48_200,
                "following_count": 120,
            }
        },
        "posts": {},
        "media": {},
        "tokens": {},
        "next_id": FIRST_ID + 1,
    }
    if access_token is not None:
        state["tokens"][_digest(access_token)] = None  # a pasted token: no expiry known
    if refresh_token is not None:
        state["refresh_sha256"] = _digest(refresh_token)
    if client_id is not None:
        state["client_id"] = client_id
    return state


@dataclass(eq=False)
class XSandbox(SandboxTransport):
    """An httpx transport that answers as X's API v2 for one account.

    Build it with :meth:`open`, or as ``XSandbox(state=SandboxState(path, {}), faults=…)`` (then
    the first bearer token it sees becomes the account's token). Every ``/2/`` request needs
    ``Authorization: Bearer <that token>`` (401 otherwise); the token endpoint takes none.
    """

    host: str = DEFAULT_HOST
    clock: Callable[[], datetime] = _utc_now
    #: False: never answer 429 for the fixed windows (benchmarks); the headers are still sent.
    enforce_rate_limits: bool = True
    _windows: dict[str, tuple[int, int]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        missing = {k: v for k, v in initial_state(None).items() if k not in self.state.data}
        if missing:
            self.state.data.update(missing)
            self.state.save()
        routes: list[tuple[str, str, Handler, bool]] = [
            ("POST", TOKEN_PATH, self._token, True),
            ("GET", r"/2/users/me", self._authed(self._me), False),
            ("POST", r"/2/tweets", self._authed(self._create_post), True),
            ("GET", r"/2/tweets", self._authed(self._lookup), False),
            ("GET", r"/2/tweets/(?P<id>\d{1,19})", self._authed(self._get_post), False),
            ("DELETE", r"/2/tweets/(?P<id>\d{1,19})", self._authed(self._delete_post), True),
            ("PUT", r"/2/tweets/(?P<id>\d{1,19})/hidden", self._authed(self._hide), True),
            ("GET", r"/2/users/(?P<id>\d{1,19})/tweets", self._authed(self._timeline), False),
            ("GET", r"/2/users/(?P<id>\d{1,19})/mentions", self._authed(self._mentions), False),
            ("POST", r"/2/media/upload", self._authed(self._upload), True),
            ("GET", r"/2/media/upload", self._authed(self._status), False),
            ("POST", r"/2/media/upload/initialize", self._authed(self._initialize), True),
            ("POST", r"/2/media/upload/(?P<id>\d{1,19})/append", self._authed(self._append), True),
            ("POST", r"/2/media/upload/(?P<id>\d{1,19})/finalize", self._authed(self._finalize), True),
            ("POST", r"/2/media/metadata", self._authed(self._metadata), True),
        ]
        for method, pattern, handler, writes in routes:
            self.route(method, pattern, handler, writes=writes)
        from kurum_masaustu.platforms.sandbox import oauth  # the consent page and the code grant

        oauth.register_x(self)

    @classmethod
    def open(
        cls,
        path: Path,
        access_token: str,
        *,
        host: str = DEFAULT_HOST,
        username: str = DEFAULT_USERNAME,
        display_name: str = "",
        refresh_token: str | None = None,
        client_id: str | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> XSandbox:
        """The sandbox whose state is in ``path`` (created for ``access_token`` if new).

        An existing state keeps the tokens it knows: another token gets 401.
        """
        state = SandboxState(
            path,
            initial_state(
                access_token,
                username=username,
                display_name=display_name,
                refresh_token=refresh_token,
                client_id=client_id,
            ),
        )
        return cls(state=state, host=host, clock=clock or _utc_now)

    # -- plumbing ---------------------------------------------------------------------------
    @property
    def data(self) -> dict[str, Any]:
        return self.state.data

    @property
    def user_id(self) -> str:
        return str(self.data["user_id"])

    @property
    def username(self) -> str:
        return str(self.data["users"][self.user_id]["username"])

    @property
    def media_dir(self) -> Path:
        return self.state.path.parent / f"{self.state.path.stem}-media"

    def _new_id(self) -> str:
        return str(self.state.next_id("next_id", FIRST_ID + 1))

    def _token_valid(self, token: str, now: datetime) -> bool:
        tokens: dict[str, str | None] = self.data["tokens"]
        digest = _digest(token)
        if digest not in tokens:
            return False
        expires = tokens[digest]
        return expires is None or _parse_iso(expires) > now

    def _authed(self, handler: Handler) -> Handler:
        async def checked(request: httpx.Request, match: Any) -> httpx.Response:
            scheme, _, token = request.headers.get("authorization", "").partition(" ")
            token = token.strip()
            if scheme.lower() == "bearer" and token and not self.data["tokens"]:
                self.data["tokens"][_digest(token)] = None  # a new sandbox: its first token is its own
                self.state.save()
            if scheme.lower() != "bearer" or not token or not self._token_valid(token, self.clock()):
                return self.token_expired(request)
            try:
                return await handler(request, match)
            except _BadRequestError as exc:
                return _invalid(str(exc))

        return checked

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == TOKEN_PATH:
            return await self._token_request(request)
        counted = self._count(request, self.clock())
        if self.enforce_rate_limits and any(used > rule.limit for rule, used, _ in counted):
            self.requests.append(request)
            await request.aread()
            response = _problem(429, "Too Many Requests", "Too Many Requests")
        else:
            response = await super().handle_async_request(request)
        self._rate_headers(response, counted)
        return response

    async def _token_request(self, request: httpx.Request) -> httpx.Response:
        """The token endpoint: an expired access token (the fault) is no reason to refuse it."""
        expired, self.faults.expired_token = self.faults.expired_token, False
        try:
            return await super().handle_async_request(request)
        finally:
            self.faults.expired_token = expired or self.faults.expired_token

    def _count(self, request: httpx.Request, now: datetime) -> list[tuple[RateRule, int, datetime]]:
        """Count the request in every window it belongs to."""
        stamp = int(now.timestamp())
        counted: list[tuple[RateRule, int, datetime]] = []
        rules = [rule for rule in RATE_RULES if rule.applies(request.method, request.url.path)]
        if rules and rules[0].name == "create":
            rules += [
                _rule("user-day", USER_DAY_LIMIT, "POST", r"/2/tweets", 86_400),
                _rule("app-day", APP_DAY_LIMIT, "POST", r"/2/tweets", 86_400),
            ]
        for rule in rules:
            start = stamp - stamp % rule.period_seconds
            window_start, used = self._windows.get(rule.name, (start, 0))
            if window_start != start:
                used = 0
            used += 1
            self._windows[rule.name] = (start, used)
            counted.append((rule, used, datetime.fromtimestamp(start + rule.period_seconds, UTC)))
        return counted

    @staticmethod
    def _rate_headers(response: httpx.Response, counted: list[tuple[RateRule, int, datetime]]) -> None:
        for rule, used, reset in counted:
            prefix = {"user-day": "x-user-limit-24hour", "app-day": "x-app-limit-24hour"}.get(rule.name, "x-rate-limit")
            if f"{prefix}-limit" in response.headers:
                continue  # the fault's 429 brought its own
            response.headers[f"{prefix}-limit"] = str(rule.limit)
            response.headers[f"{prefix}-remaining"] = str(max(0, rule.limit - used))
            response.headers[f"{prefix}-reset"] = str(int(reset.timestamp()))

    # X's own error shapes for the shared fault injection
    def rate_limited(self, request: httpx.Request, seconds: int) -> httpx.Response:
        reset = int((self.clock() + timedelta(seconds=seconds)).timestamp())
        response = _problem(429, "Too Many Requests", "Too Many Requests")
        response.headers.update(
            {"x-rate-limit-limit": "100", "x-rate-limit-remaining": "0", "x-rate-limit-reset": str(reset)}
        )
        return response

    def token_expired(self, request: httpx.Request) -> httpx.Response:
        return _problem(401, "Unauthorized", "Unauthorized")

    def server_error(self, request: httpx.Request) -> httpx.Response:
        return _problem(503, "Service Unavailable", "Service Unavailable")

    def not_found(self, request: httpx.Request) -> httpx.Response:
        return httpx.Response(404, json={"errors": [{"message": "Sorry, that page does not exist", "code": 34}]})

    # -- OAuth 2.0 ----------------------------------------------------------------------------
    async def _token(self, request: httpx.Request, match: Any) -> httpx.Response:
        content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if content_type != "application/x-www-form-urlencoded":
            return _oauth_error(400, "invalid_request", "Missing required parameter [grant_type].")
        form = dict(parse_qsl(request.content.decode("utf-8", "replace"), keep_blank_values=True))
        grant = form.get("grant_type", "")
        if not grant:
            return _oauth_error(400, "invalid_request", "Missing required parameter [grant_type].")
        if grant == "authorization_code":
            from kurum_masaustu.platforms.sandbox import oauth

            return oauth.x_exchange_code(self, form)
        if grant != "refresh_token":
            return _oauth_error(400, "unsupported_grant_type", f"Grant type {grant} is not supported.")
        client_id = form.get("client_id", "")
        if not client_id:
            return _oauth_error(400, "invalid_request", "Missing required parameter [client_id].")
        refresh = form.get("refresh_token", "")
        if not refresh:
            return _oauth_error(400, "invalid_request", "Missing required parameter [refresh_token].")
        self.data.setdefault("client_id", client_id)
        self.data.setdefault("refresh_sha256", _digest(refresh))
        if client_id != self.data["client_id"] or _digest(refresh) != self.data["refresh_sha256"]:
            return _oauth_error(400, "invalid_request", "Value passed for the token was invalid.")
        access, new_refresh = self._issue(self.clock())
        return httpx.Response(
            200,
            json={
                "token_type": "bearer",
                "expires_in": int(ACCESS_TOKEN_LIFETIME.total_seconds()),
                "access_token": access,
                "scope": "tweet.read tweet.write users.read media.write offline.access",
                "refresh_token": new_refresh,
            },
        )

    def _issue(self, now: datetime) -> tuple[str, str]:
        access, refresh = secrets.token_urlsafe(48), secrets.token_urlsafe(48)
        self.data["tokens"] = {_digest(access): _iso(now + ACCESS_TOKEN_LIFETIME)}  # the old pair stops working
        self.data["refresh_sha256"] = _digest(refresh)
        return access, refresh

    # -- rendering posts as X shows them ------------------------------------------------------
    def _user(self, user_id: str) -> dict[str, Any]:
        user: dict[str, Any] = self.data["users"][user_id]
        return user

    def _user_entity(self, user_id: str, fields: set[str]) -> dict[str, Any]:
        user = self._user(user_id)
        entity: dict[str, Any] = {"id": user_id, "name": user["name"], "username": user["username"]}
        if "created_at" in fields:
            entity["created_at"] = user.get("created_at", "2020-01-01T00:00:00.000Z")
        if "description" in fields:
            entity["description"] = user.get("description", "")
        if "verified" in fields:
            entity["verified"] = bool(user.get("verified_type"))
        if "verified_type" in fields:
            entity["verified_type"] = user.get("verified_type") or "none"
        if "public_metrics" in fields:
            own_posts = sum(1 for p in self.data["posts"].values() if p["author_id"] == user_id)
            entity["public_metrics"] = {
                "followers_count": int(user.get("followers_count", 0)),
                "following_count": int(user.get("following_count", 0)),
                "post_count": own_posts,
                "listed_count": 0,
            }
        if "protected" in fields:
            entity["protected"] = False
        return entity

    def _short_link(self, seed: str) -> str:
        alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
        value = int.from_bytes(hashlib.sha256(seed.encode("utf-8")).digest()[:8], "big")
        slug = "".join(alphabet[(value >> (6 * i)) % 62] for i in range(10))
        return f"https://t.co/{slug}"

    def _render(self, post: Mapping[str, Any]) -> tuple[str, dict[str, Any], list[int]]:
        """(text as X returns it, entities, display_text_range) of a stored post."""
        original: str = post["text"]
        out: list[str] = []
        urls: list[dict[str, Any]] = []
        position = 0
        length = 0
        for url in text_rules.urls(original):
            found = original.find(url, position)
            if found < 0:
                continue
            before = original[position:found]
            out.append(before)
            length += len(before)
            short = self._short_link(url)
            expanded = url if "://" in url else "http://" + url
            shown = url.split("://", 1)[-1]
            urls.append(
                {
                    "start": length,
                    "end": length + len(short),
                    "url": short,
                    "expanded_url": expanded,
                    "display_url": shown if len(shown) <= 23 else shown[:22] + "…",
                }
            )
            out.append(short)
            length += len(short)
            position = found + len(url)
        out.append(original[position:])
        text = "".join(out)
        visible = len(text)
        media_ids: list[str] = list(post.get("media_ids") or [])
        if media_ids:
            first = self.data["media"].get(media_ids[0], {})
            short = self._short_link("media:" + post["id"])
            kind = "video" if first.get("type") in ("video", "animated_gif") else "photo"
            urls.append(
                {
                    "start": len(text) + 1,
                    "end": len(text) + 1 + len(short),
                    "url": short,
                    "expanded_url": f"https://x.com/{self._user(post['author_id'])['username']}/status/{post['id']}"
                    f"/{kind}/1",
                    "display_url": f"pic.x.com/{short.rsplit('/', 1)[-1]}",
                    "media_key": first.get("media_key", ""),
                }
            )
            text = f"{text} {short}"
        entities: dict[str, Any] = {}
        if urls:
            entities["urls"] = urls
        mentions = []
        for match in _MENTION.finditer(text):
            target = self._by_username(match.group(1))
            mention: dict[str, Any] = {"start": match.start(), "end": match.end(), "username": match.group(1)}
            if target is not None:
                mention["id"] = target
            mentions.append(mention)
        if mentions:
            entities["mentions"] = mentions
        tags = [
            {"start": m.start(), "end": m.end(), "tag": m.group(1)}
            for m in re.finditer(r"(?<![\w#])#(\w*[^\W\d_]\w*)", text)
            if not any(u["start"] <= m.start() < u["end"] for u in urls)
        ]
        if tags:
            entities["hashtags"] = tags
        escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        return escaped, entities, [0, visible]

    def _by_username(self, username: str) -> str | None:
        for user in self.data["users"].values():
            if str(user["username"]).lower() == username.lower():
                return str(user["id"])
        return None

    @staticmethod
    def _fields(request: httpx.Request, name: str) -> set[str]:
        values: set[str] = set()
        for key, value in request.url.params.multi_items():
            if key == name:
                values.update(v for v in value.split(",") if v)
        return values

    def _post_entity(self, post: Mapping[str, Any], fields: set[str], expansions: set[str]) -> dict[str, Any]:
        text, entities, display = self._render(post)
        entity: dict[str, Any] = {"id": post["id"], "text": text, "edit_history_post_ids": [post["id"]]}
        if "created_at" in fields:
            entity["created_at"] = post["created_at"]
        if "conversation_id" in fields:
            entity["conversation_id"] = post["conversation_id"]
        if "entities" in fields and entities:
            entity["entities"] = entities
        if "display_text_range" in fields:
            entity["display_text_range"] = display
        if "lang" in fields:
            entity["lang"] = post.get("lang") or "tr"
        if "possibly_sensitive" in fields:
            entity["possibly_sensitive"] = False
        if "reply_settings" in fields:
            entity["reply_settings"] = "everyone"
        if "attachments" in fields or expansions & {"attachments.media_keys", "attachments.poll_ids"}:
            attachments: dict[str, Any] = {}
            keys = [self.data["media"][m]["media_key"] for m in post.get("media_ids", []) if m in self.data["media"]]
            if keys:
                attachments["media_keys"] = keys
            if post.get("poll"):
                attachments["poll_ids"] = [post["poll"]["id"]]
            if attachments:
                entity["attachments"] = attachments
        if "public_metrics" in fields:
            counts = post.get("counts", {})
            entity["public_metrics"] = {
                "repost_count": int(counts.get("repost_count", 0)),
                "reply_count": sum(
                    1 for p in self.data["posts"].values() if p.get("replied_to") == post["id"] and not p.get("hidden")
                ),
                "like_count": int(counts.get("like_count", 0)),
                "quote_count": int(counts.get("quote_count", 0)),
                "bookmark_count": int(counts.get("bookmark_count", 0)),
                "impression_count": int(counts.get("impression_count", 0)),
            }
        if "author_id" in fields or "author_id" in expansions:
            entity["author_id"] = post["author_id"]
        if post.get("in_reply_to_user_id") and ("in_reply_to_user_id" in fields or "in_reply_to_user_id" in expansions):
            entity["in_reply_to_user_id"] = post["in_reply_to_user_id"]
        references = []
        if post.get("replied_to"):
            references.append({"type": "replied_to", "id": post["replied_to"]})
        if post.get("quoted"):
            references.append({"type": "quoted", "id": post["quoted"]})
        if references and expansions & {"referenced_posts", "referenced_tweets.id"}:
            entity["referenced_posts"] = references
        if references and "referenced_tweets" in fields:
            entity["referenced_tweets"] = references
        return entity

    def _includes(
        self, posts: Iterable[Mapping[str, Any]], expansions: set[str], user_fields: set[str]
    ) -> dict[str, Any]:
        users: dict[str, dict[str, Any]] = {}
        media: list[dict[str, Any]] = []
        polls: list[dict[str, Any]] = []
        referenced: list[dict[str, Any]] = []
        for post in posts:
            if "author_id" in expansions:
                users.setdefault(post["author_id"], self._user_entity(post["author_id"], user_fields))
            if "in_reply_to_user_id" in expansions and post.get("in_reply_to_user_id"):
                target = post["in_reply_to_user_id"]
                users.setdefault(target, self._user_entity(target, user_fields))
            if "attachments.media_keys" in expansions:
                for media_id in post.get("media_ids", []):
                    item = self.data["media"].get(media_id)
                    if item is not None:
                        entry: dict[str, Any] = {"media_key": item["media_key"], "type": item["type"]}
                        if item.get("alt_text"):
                            entry["alt_text"] = item["alt_text"]
                        media.append(entry)
            if "attachments.poll_ids" in expansions and post.get("poll"):
                poll = post["poll"]
                polls.append(
                    {
                        "id": poll["id"],
                        "duration_minutes": poll["duration_minutes"],
                        "end_datetime": poll["end_datetime"],
                        "voting_status": "open" if _parse_iso(poll["end_datetime"]) > self.clock() else "closed",
                        "options": [
                            {"position": n + 1, "label": label, "votes": 0} for n, label in enumerate(poll["options"])
                        ],
                    }
                )
            if expansions & {"referenced_posts", "referenced_tweets.id"}:
                for key in ("replied_to", "quoted"):
                    other = self.data["posts"].get(post.get(key) or "")
                    if other is not None:
                        referenced.append(self._post_entity(other, {"created_at", "conversation_id"}, {"author_id"}))
        includes: dict[str, Any] = {}
        if users:
            includes["users"] = list(users.values())
        if media:
            includes["media"] = media
        if polls:
            includes["polls"] = polls
        if referenced:
            includes["posts"] = referenced
        return includes

    def _view(self, request: httpx.Request) -> tuple[set[str], set[str], set[str]]:
        fields = self._fields(request, "post.fields") | self._fields(request, "tweet.fields")
        return fields, self._fields(request, "expansions"), self._fields(request, "user.fields")

    # -- handlers: account and posts ----------------------------------------------------------
    async def _me(self, request: httpx.Request, match: Any) -> httpx.Response:
        fields = self._fields(request, "user.fields")
        return httpx.Response(200, json={"data": self._user_entity(self.user_id, fields)})

    async def _create_post(self, request: httpx.Request, match: Any) -> httpx.Response:
        now = self.clock()
        content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if content_type != "application/json":
            return _invalid("Content-Type must be application/json.")
        try:
            body = json.loads(request.content or b"")
        except ValueError:
            return _invalid("Request body is not valid JSON.")
        if not isinstance(body, dict):
            return _invalid("$: object expected")
        problem = self._check_shape(body)
        if problem is not None:
            return problem
        text = unicodedata.normalize("NFC", str(body.get("text", "")))
        media_ids: list[str] = list(body.get("media", {}).get("media_ids", []))
        poll = body.get("poll")
        if poll is not None and media_ids:
            return _invalid(
                "You can only attach one of media, poll, quote_tweet_id, card_uri or direct_message_deep_link.",
                {"poll": ["set"], "media.media_ids": media_ids},
            )
        if not text.strip() and not media_ids:
            return _invalid("Text is required unless media is provided.", {"text": [text]})
        parsed = text_rules.parse_x(text)
        if parsed.weighted_length > MAX_WEIGHTED_LENGTH:
            return _invalid(
                "Your Tweet text is too long. For more information on how Twitter determines text length see "
                "https://github.com/twitter/twitter-text.",
                {"text": [text]},
            )
        media_problem = self._check_attachments(media_ids, now)
        if media_problem is not None:
            return media_problem
        if body.get("quote_tweet_id"):
            return _forbidden("Quoting this post is not allowed for your app's access level.")
        parent: dict[str, Any] | None = None
        reply = body.get("reply")
        if reply is not None:
            parent = self.data["posts"].get(reply["in_reply_to_tweet_id"])
            if parent is None:
                return _forbidden("You attempted to reply to a Tweet that is deleted or not visible to you.")
            if not self._summoned(parent):
                return _forbidden(
                    "Reply to this conversation is not allowed because you have not been mentioned or otherwise "
                    "engaged by the author of the post you are replying to."
                )
        if text.strip() and self._duplicate(text, now):
            return _forbidden("You are not allowed to create a Tweet with duplicate content.")
        post = self._store_post(self.user_id, text, now, parent=parent, media_ids=media_ids, poll=poll)
        rendered, _, _ = self._render(post)
        return httpx.Response(
            201, json={"data": {"id": post["id"], "text": rendered, "edit_history_post_ids": [post["id"]]}}
        )

    def _check_shape(self, body: Mapping[str, Any]) -> httpx.Response | None:
        """The request body as the spec describes it (additionalProperties false everywhere)."""
        for key in body:
            if key not in CREATE_KEYS:
                return _invalid(
                    f"$.{key}: is not defined in the schema and the schema does not allow additional properties"
                )
        if "text" in body and not isinstance(body["text"], str):
            return _invalid("$.text: string expected", {"text": [str(body["text"])]})
        media = body.get("media")
        if media is not None:
            if not isinstance(media, dict):
                return _invalid("$.media: object expected")
            unknown = [k for k in media if k not in MEDIA_KEYS]
            if unknown:
                return _invalid(f"$.media.{unknown[0]}: is not defined in the schema")
            ids = media.get("media_ids")
            if not isinstance(ids, list) or not 1 <= len(ids) <= MAX_MEDIA:
                return _invalid("$.media.media_ids: must have between 1 and 4 items", {"media.media_ids": [str(ids)]})
            if not all(isinstance(i, str) and _ID.fullmatch(i) for i in ids):
                return _invalid("$.media.media_ids: items must match ^[0-9]{1,19}$", {"media.media_ids": [str(ids)]})
        poll = body.get("poll")
        if poll is not None:
            if not isinstance(poll, dict):
                return _invalid("$.poll: object expected")
            unknown = [k for k in poll if k not in POLL_KEYS]
            if unknown:
                return _invalid(f"$.poll.{unknown[0]}: is not defined in the schema")
            options = poll.get("options")
            if not isinstance(options, list) or not 2 <= len(options) <= 4:
                return _invalid("$.poll.options: must have between 2 and 4 items", {"poll.options": [str(options)]})
            for option in options:
                if not isinstance(option, str) or not 1 <= len(option) <= 25:
                    return _invalid(
                        "$.poll.options: each option must be between 1 and 25 characters",
                        {"poll.options": [str(option)]},
                    )
            minutes = poll.get("duration_minutes")
            if not isinstance(minutes, int) or isinstance(minutes, bool) or not 5 <= minutes <= 10_080:
                return _invalid(
                    "$.poll.duration_minutes: must be between 5 and 10080", {"poll.duration_minutes": [str(minutes)]}
                )
        reply = body.get("reply")
        if reply is not None:
            if not isinstance(reply, dict):
                return _invalid("$.reply: object expected")
            unknown = [k for k in reply if k not in REPLY_KEYS]
            if unknown:
                return _invalid(f"$.reply.{unknown[0]}: is not defined in the schema")
            target = reply.get("in_reply_to_tweet_id")
            if not isinstance(target, str) or not _ID.fullmatch(target):
                return _invalid(
                    "$.reply.in_reply_to_tweet_id: must match ^[0-9]{1,19}$",
                    {"reply.in_reply_to_tweet_id": [str(target)]},
                )
        return None

    def _check_attachments(self, media_ids: list[str], now: datetime) -> httpx.Response | None:
        if not media_ids:
            return None
        found = []
        for media_id in media_ids:
            media = self.data["media"].get(media_id)
            if (
                media is None
                or media["owner"] != self.user_id
                or media["state"] != "succeeded"
                or _parse_iso(media["expires_at"]) <= now
                or media["category"] not in ("tweet_image", "tweet_gif", "tweet_video", "amplify_video")
            ):
                return _invalid("Your media IDs are invalid.", {"media.media_ids": media_ids})
            found.append(media)
        if len(found) > 1 and any(m["type"] != "photo" for m in found):
            return _invalid("You may only attach up to 4 images, or 1 GIF or video.", {"media.media_ids": media_ids})
        return None

    def _mentions_us(self, post: Mapping[str, Any]) -> bool:
        return any(m.group(1).lower() == self.username.lower() for m in _MENTION.finditer(post["text"]))

    def _summoned(self, parent: Mapping[str, Any]) -> bool:
        """The 2026 self-serve rule: reply where our account is the author, was mentioned or quoted."""
        if parent["author_id"] == self.user_id or self._mentions_us(parent):
            return True
        quoted = self.data["posts"].get(parent.get("quoted") or "")
        return quoted is not None and quoted["author_id"] == self.user_id

    def _duplicate(self, text: str, now: datetime) -> bool:
        wanted = _normal(text)
        return any(
            post["author_id"] == self.user_id
            and _normal(post["text"]) == wanted
            and now - _parse_iso(post["created_at"]) < DUPLICATE_WINDOW
            for post in self.data["posts"].values()
        )

    def _store_post(
        self,
        author_id: str,
        text: str,
        now: datetime,
        *,
        parent: Mapping[str, Any] | None = None,
        media_ids: list[str] | None = None,
        poll: Mapping[str, Any] | None = None,
        quoted: str | None = None,
    ) -> dict[str, Any]:
        post_id = self._new_id()
        stored_poll = None
        if poll is not None:
            minutes = int(poll["duration_minutes"])
            stored_poll = {
                "id": self._new_id(),
                "options": list(poll["options"]),
                "duration_minutes": minutes,
                "end_datetime": _iso(now + timedelta(minutes=minutes)),
            }
        post: dict[str, Any] = {
            "id": post_id,
            "author_id": author_id,
            "text": text,
            "created_at": _iso(now),
            "conversation_id": parent["conversation_id"] if parent else post_id,
            "replied_to": parent["id"] if parent else None,
            "in_reply_to_user_id": parent["author_id"] if parent else None,
            "quoted": quoted,
            "media_ids": list(media_ids or []),
            "poll": stored_poll,
            "counts": {},
            "hidden": False,
        }
        self.data["posts"][post_id] = post
        for media_id in post["media_ids"]:
            self.data["media"][media_id].setdefault("post_ids", []).append(post_id)
        return post

    async def _get_post(self, request: httpx.Request, match: Any) -> httpx.Response:
        post = self.data["posts"].get(match.group("id"))
        if post is None:
            return httpx.Response(200, json={"errors": [_not_found_problem("tweet", "id", match.group("id"))]})
        fields, expansions, user_fields = self._view(request)
        body: dict[str, Any] = {"data": self._post_entity(post, fields, expansions)}
        includes = self._includes([post], expansions, user_fields)
        if includes:
            body["includes"] = includes
        return httpx.Response(200, json=body)

    async def _lookup(self, request: httpx.Request, match: Any) -> httpx.Response:
        ordered = [v for k, v in request.url.params.multi_items() if k == "ids"]
        ids = [i for value in ordered for i in value.split(",") if i]
        if not ids or len(ids) > 100 or not all(_ID.fullmatch(i) for i in ids):
            return _invalid(
                "The `ids` query parameter value must be a comma-separated list of 1 to 100 post ids.", {"ids": ids}
            )
        fields, expansions, user_fields = self._view(request)
        found = [self.data["posts"][i] for i in ids if i in self.data["posts"]]
        body: dict[str, Any] = {}
        if found:
            body["data"] = [self._post_entity(p, fields, expansions) for p in found]
            includes = self._includes(found, expansions, user_fields)
            if includes:
                body["includes"] = includes
        missing = [_not_found_problem("tweet", "ids", i) for i in ids if i not in self.data["posts"]]
        if missing:
            body["errors"] = missing
        return httpx.Response(200, json=body)

    async def _delete_post(self, request: httpx.Request, match: Any) -> httpx.Response:
        post = self.data["posts"].get(match.group("id"))
        if post is None:
            return _not_found("tweet", "id", match.group("id"))
        if post["author_id"] != self.user_id:
            return _forbidden("You are not allowed to delete this Tweet.")
        del self.data["posts"][post["id"]]
        return httpx.Response(200, json={"data": {"deleted": True}})

    async def _hide(self, request: httpx.Request, match: Any) -> httpx.Response:
        try:
            body = json.loads(request.content or b"")
        except ValueError:
            return _invalid("Request body is not valid JSON.")
        if not isinstance(body, dict) or set(body) != {"hidden"} or not isinstance(body["hidden"], bool):
            return _invalid("$.hidden: boolean expected")
        post = self.data["posts"].get(match.group("id"))
        if post is None:
            return _not_found("tweet", "tweet_id", match.group("id"))
        root = self.data["posts"].get(post["conversation_id"])
        if post["author_id"] == self.user_id or root is None or root["author_id"] != self.user_id:
            return _forbidden("You can only hide or unhide replies to conversations you authored.")
        post["hidden"] = body["hidden"]
        return httpx.Response(200, json={"data": {"hidden": body["hidden"]}})

    # -- timelines ------------------------------------------------------------------------------
    async def _timeline(self, request: httpx.Request, match: Any) -> httpx.Response:
        user_id = match.group("id")
        if user_id not in self.data["users"]:
            return httpx.Response(200, json={"errors": [_not_found_problem("user", "id", user_id)]})
        excluded = self._fields(request, "exclude")
        posts = [
            p
            for p in self.data["posts"].values()
            if p["author_id"] == user_id and not ("replies" in excluded and p.get("replied_to"))
        ]
        return self._page(request, posts)

    async def _mentions(self, request: httpx.Request, match: Any) -> httpx.Response:
        user_id = match.group("id")
        if user_id not in self.data["users"]:
            return httpx.Response(200, json={"errors": [_not_found_problem("user", "id", user_id)]})
        name = str(self._user(user_id)["username"]).lower()
        posts = [
            p
            for p in self.data["posts"].values()
            if p["author_id"] != user_id and any(m.group(1).lower() == name for m in _MENTION.finditer(p["text"]))
        ]
        return self._page(request, posts)

    def _page(self, request: httpx.Request, posts: list[dict[str, Any]]) -> httpx.Response:
        params = dict(request.url.params.multi_items())
        try:
            limit = int(params.get("max_results", "10"))
        except ValueError:
            limit = -1
        if not 5 <= limit <= 100:
            return _invalid(
                f"The `max_results` query parameter value [{params.get('max_results')}] is not between 5 and 100",
                {"max_results": [str(params.get("max_results"))]},
            )
        for key in ("since_id", "until_id"):
            if key in params and not _ID.fullmatch(params[key]):
                return _invalid(f"The `{key}` query parameter value [{params[key]}] is not valid", {key: [params[key]]})
        window: dict[str, datetime] = {}
        for key in ("start_time", "end_time"):
            if key in params:
                try:
                    window[key] = _parse_iso(params[key])
                except ValueError:
                    return _invalid(
                        f"Invalid '{key}':'{params[key]}'. '{key}' must be a valid RFC 3339 date-time.",
                        {key: [params[key]]},
                    )
        ordered = sorted(posts, key=lambda p: _id_key(p["id"]), reverse=True)
        if "since_id" in params:
            ordered = [p for p in ordered if _id_key(p["id"]) > _id_key(params["since_id"])]
        if "until_id" in params:
            ordered = [p for p in ordered if _id_key(p["id"]) < _id_key(params["until_id"])]
        if "start_time" in window:
            ordered = [p for p in ordered if _parse_iso(p["created_at"]) >= window["start_time"]]
        if "end_time" in window:
            ordered = [p for p in ordered if _parse_iso(p["created_at"]) < window["end_time"]]
        token = params.get("pagination_token")
        if token is not None:
            try:
                before = str(int(token.removeprefix("7140dibd"), 36))
            except ValueError:
                return _invalid(
                    f"The `pagination_token` query parameter value [{token}] is not valid",
                    {"pagination_token": [token]},
                )
            ordered = [p for p in ordered if _id_key(p["id"]) < _id_key(before)]
        page = ordered[:limit]
        fields, expansions, user_fields = self._view(request)
        meta: dict[str, Any] = {"result_count": len(page)}
        body: dict[str, Any] = {}
        if page:
            body["data"] = [self._post_entity(p, fields, expansions) for p in page]
            includes = self._includes(page, expansions, user_fields)
            if includes:
                body["includes"] = includes
            meta["newest_id"] = page[0]["id"]
            meta["oldest_id"] = page[-1]["id"]
            if len(ordered) > limit:
                meta["next_token"] = "7140dibd" + _base36(int(page[-1]["id"]))
        body["meta"] = meta
        return httpx.Response(200, json=body)

    # -- media ----------------------------------------------------------------------------------
    def _media_record(self, mime: str, category: str, total: int, now: datetime) -> dict[str, Any]:
        media_id = self._new_id()
        kind = _media_type_name(mime, category)
        record: dict[str, Any] = {
            "id": media_id,
            "media_key": f"{_KEY_PREFIX[kind]}_{media_id}",
            "type": kind,
            "mime_type": mime,
            "category": category,
            "owner": self.user_id,
            "total_bytes": total,
            "segments": {},
            "state": "uploading",
            "polls_left": 0,
            "alt_text": "",
            "size": 0,
            "created_at": _iso(now),
            "expires_at": _iso(now + MEDIA_LIFETIME),
        }
        self.data["media"][media_id] = record
        return record

    def _store_file(self, record: dict[str, Any], data: bytes) -> None:
        digest = hashlib.sha256(data).hexdigest()
        suffix = {"image/png": ".png", "image/jpeg": ".jpg", "image/gif": ".gif", "image/webp": ".webp"}.get(
            record["mime_type"], ".mp4" if record["mime_type"].startswith("video/") else ".bin"
        )
        self.media_dir.mkdir(parents=True, exist_ok=True)
        name = digest[:32] + suffix
        stored = self.media_dir / name
        if not stored.exists():
            write_file_atomic(stored, data)
        record.update(size=len(data), sha256=digest, file_name=name)

    def _media_data(self, record: Mapping[str, Any], now: datetime) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": record["id"],
            "media_key": record["media_key"],
            "expires_after_secs": max(0, int((_parse_iso(record["expires_at"]) - now).total_seconds())),
        }
        if record["state"] != "uploading":
            data["size"] = int(record["size"])
        if record["state"] in ("pending", "in_progress", "failed") or (
            record["state"] == "succeeded" and record["type"] != "photo"
        ):
            info: dict[str, Any] = {"state": record["state"]}
            if record["state"] in ("pending", "in_progress"):
                info["check_after_secs"] = 1 if record["state"] == "pending" else 2
                info["progress_percent"] = 0 if record["state"] == "pending" else 50
            elif record["state"] == "succeeded":
                info["progress_percent"] = 100
            data["processing_info"] = info
        if record["type"] == "photo" and record["state"] == "succeeded":
            image: dict[str, Any] = {"image_type": record["mime_type"]}
            if record.get("width"):
                image.update(w=record["width"], h=record["height"])
            data["image"] = image
        elif record["type"] != "photo" and record["state"] == "succeeded":
            data["video"] = {"video_type": record["mime_type"]}
        return data

    def _own_media(self, media_id: str, now: datetime) -> dict[str, Any] | None:
        record = self.data["media"].get(media_id)
        if record is None or record["owner"] != self.user_id or _parse_iso(record["expires_at"]) <= now:
            return None
        found: dict[str, Any] = record
        return found

    async def _upload(self, request: httpx.Request, match: Any) -> httpx.Response:
        """One-shot upload, or the command style (INIT / APPEND / FINALIZE) on the same path."""
        fields, files = _form(request)
        command = fields.get("command")
        if command == "INIT":
            return self._do_initialize(fields)
        if command == "APPEND":
            return self._do_append(fields.get("media_id", ""), fields, files)
        if command == "FINALIZE":
            return self._do_finalize(fields.get("media_id", ""))
        if command is not None:
            return _invalid(f"Invalid command [{command}].", {"command": [command]})
        now = self.clock()
        unknown = [k for k in fields if k not in ("media_category", "additional_owners")]
        if unknown:
            return _invalid(f"$.{unknown[0]}: is not defined in the schema")
        category = fields.get("media_category", "")
        if category not in ONE_SHOT_CATEGORIES:
            return _invalid("$.media_category: must be a valid media category", {"media_category": [category]})
        if "media" not in files or not files["media"][1]:
            return _invalid("$.media: is missing but it is required", {"media": [""]})
        data = files["media"][1]
        mime = _sniff(data)
        if mime is None or (category.endswith("image") and not mime.startswith("image/")):
            return _invalid("media type unrecognized.", {"media": ["<binary>"]})
        if category not in ("tweet_image", "dm_image"):
            return _invalid(
                "Video and GIF media must be uploaded in chunks (initialize, append, finalize).",
                {"media_category": [category]},
            )
        if len(data) > SIZE_LIMITS[category]:
            return _invalid(f"File size exceeds {SIZE_LIMITS[category]} bytes.", {"media": ["<binary>"]})
        record = self._media_record(mime, category, len(data), now)
        self._store_file(record, data)
        size = _png_size(data)
        if size is not None:
            record.update(width=size[0], height=size[1])
        record["state"] = "succeeded"
        return httpx.Response(200, json={"data": self._media_data(record, now)})

    async def _initialize(self, request: httpx.Request, match: Any) -> httpx.Response:
        content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if content_type != "application/json":
            return _invalid("Content-Type must be application/json.")
        fields, _files = _form(request)
        return self._do_initialize(fields)

    def _do_initialize(self, fields: Mapping[str, str]) -> httpx.Response:
        now = self.clock()
        allowed = {"media_type", "total_bytes", "media_category", "additional_owners", "shared", "command"}
        unknown = [k for k in fields if k not in allowed]
        if unknown:
            return _invalid(f"$.{unknown[0]}: is not defined in the schema")
        mime = fields.get("media_type", "")
        if mime not in MEDIA_TYPES:
            return _invalid("$.media_type: must be a supported media type", {"media_type": [mime]})
        category = fields.get("media_category", "tweet_video" if mime.startswith("video/") else "tweet_image")
        if category not in MEDIA_CATEGORIES:
            return _invalid("$.media_category: must be a valid media category", {"media_category": [category]})
        try:
            total = int(fields.get("total_bytes", ""))
        except ValueError:
            return _invalid("$.total_bytes: integer expected", {"total_bytes": [fields.get("total_bytes", "")]})
        if total < 0 or total > SIZE_LIMITS[category]:
            return _invalid(
                f"File size exceeds {SIZE_LIMITS[category]} bytes for {category}.", {"total_bytes": [str(total)]}
            )
        record = self._media_record(mime, category, total, now)
        return httpx.Response(
            200,
            json={
                "data": {
                    "id": record["id"],
                    "media_key": record["media_key"],
                    "expires_after_secs": int(MEDIA_LIFETIME.total_seconds()),
                }
            },
        )

    async def _append(self, request: httpx.Request, match: Any) -> httpx.Response:
        fields, files = _form(request)
        return self._do_append(match.group("id"), fields, files)

    def _do_append(
        self, media_id: str, fields: Mapping[str, str], files: Mapping[str, tuple[str, bytes]]
    ) -> httpx.Response:
        now = self.clock()
        record = self._own_media(media_id, now)
        if record is None:
            return _not_found("media", "media_id", media_id)
        if record["state"] != "uploading":
            return _invalid("The media upload has already been finalized.", {"media_id": [media_id]})
        unknown = [k for k in fields if k not in ("segment_index", "command", "media_id")]
        if unknown:
            return _invalid(f"$.{unknown[0]}: is not defined in the schema")
        raw = fields.get("segment_index", "")
        if not raw.isdigit() or not 0 <= int(raw) < MAX_SEGMENTS:
            return _invalid("$.segment_index: must be between 0 and 999", {"segment_index": [raw]})
        if "media" not in files:
            return _invalid("$.media: is missing but it is required", {"media": [""]})
        chunk = files["media"][1]
        if len(chunk) > MAX_SEGMENT_BYTES:
            return _invalid(f"Segment size exceeds {MAX_SEGMENT_BYTES} bytes.", {"media": ["<binary>"]})
        self.media_dir.mkdir(parents=True, exist_ok=True)
        write_file_atomic((self.media_dir / f"{media_id}.part{int(raw)}"), chunk)
        record["segments"][str(int(raw))] = len(chunk)
        expires = int(_parse_iso(record["expires_at"]).timestamp())
        return httpx.Response(200, json={"data": {"expires_at": expires}})

    async def _finalize(self, request: httpx.Request, match: Any) -> httpx.Response:
        return self._do_finalize(match.group("id"))

    def _do_finalize(self, media_id: str) -> httpx.Response:
        now = self.clock()
        record = self._own_media(media_id, now)
        if record is None:
            return _not_found("media", "media_id", media_id)
        if record["state"] != "uploading":
            return httpx.Response(200, json={"data": self._media_data(record, now)})
        segments: dict[str, int] = record["segments"]
        indexes = sorted(int(i) for i in segments)
        if indexes != list(range(len(indexes))) or sum(segments.values()) != int(record["total_bytes"]):
            return _invalid("Segments do not add up to provided total file size.", {"media_id": [media_id]})
        parts = [self.media_dir / f"{media_id}.part{i}" for i in indexes]
        data = b"".join(part.read_bytes() for part in parts)
        for part in parts:
            part.unlink(missing_ok=True)
        self._store_file(record, data)
        record["segments"] = {}
        sniffed = _sniff(data)
        if record["type"] == "photo":
            record["state"] = "succeeded" if sniffed and sniffed.startswith("image/") else "failed"
        else:
            fits = sniffed == "image/gif" if record["type"] == "animated_gif" else bool(sniffed and "video" in sniffed)
            record["state"] = "pending"
            record["polls_left"] = 2
            record["will_fail"] = not fits
        return httpx.Response(200, json={"data": self._media_data(record, now)})

    async def _status(self, request: httpx.Request, match: Any) -> httpx.Response:
        now = self.clock()
        params = dict(request.url.params.multi_items())
        media_id = params.get("media_id", "")
        if not _ID.fullmatch(media_id):
            return _invalid("The `media_id` query parameter is missing or invalid.", {"media_id": [media_id]})
        if params.get("command", "STATUS") != "STATUS":
            return _invalid("The `command` query parameter must be STATUS.", {"command": [params["command"]]})
        record = self._own_media(media_id, now)
        if record is None:
            return _not_found("media", "media_id", media_id)
        if record["state"] in ("pending", "in_progress"):
            if self.faults.take("slow_media_polls"):
                record["state"] = "in_progress"
            elif int(record.get("polls_left", 0)) > 1:
                record["polls_left"] = int(record["polls_left"]) - 1
                record["state"] = "in_progress"
            else:
                record["polls_left"] = 0
                record["state"] = "failed" if record.get("will_fail") else "succeeded"
            self.state.save()
        return httpx.Response(200, json={"data": self._media_data(record, now)})

    async def _metadata(self, request: httpx.Request, match: Any) -> httpx.Response:
        now = self.clock()
        try:
            body = json.loads(request.content or b"")
        except ValueError:
            return _invalid("Request body is not valid JSON.")
        if not isinstance(body, dict) or not isinstance(body.get("id"), str):
            return _invalid("$.id: is missing but it is required")
        record = self._own_media(body["id"], now)
        if record is None:
            return _not_found("media", "id", body["id"])
        metadata = body.get("metadata") or {}
        alt = metadata.get("alt_text") if isinstance(metadata, dict) else None
        associated: dict[str, Any] = {}
        if alt is not None:
            if not isinstance(alt, dict) or not isinstance(alt.get("text"), str):
                return _invalid("$.metadata.alt_text.text: is missing but it is required")
            if len(alt["text"]) > MAX_ALT_TEXT:
                return _invalid(
                    "$.metadata.alt_text.text: may only be 1000 characters long", {"metadata.alt_text.text": ["…"]}
                )
            record["alt_text"] = alt["text"]
            associated["alt_text"] = {"text": alt["text"]}
        return httpx.Response(200, json={"data": {"id": record["id"], "associated_metadata": associated}})

    # -- for tests, the demo and `kurum-masaustu sandbox list` ----------------------------------
    def add_citizen_post(
        self,
        username: str,
        text: str,
        *,
        name: str = "",
        in_reply_to: str | None = None,
        quote: str | None = None,
        mention: bool = True,
        at: datetime | None = None,
        save: bool = True,
    ) -> str:
        """A citizen posts: a mention of the account, a reply to ``in_reply_to``, or (``mention=False``)
        a post that does not summon the account. Returns the new post id.

        The account is mentioned at the start of the text unless the text already mentions it (a
        reply on X starts with the replied-to author's handle). Seeding many: ``save=False`` for
        each, then :meth:`save` once.
        """
        username = username.lstrip("@")
        user_id = self._by_username(username)
        if user_id is None:
            user_id = self._new_id()
            self.data["users"][user_id] = {
                "id": user_id,
                "username": username,
                "name": name or username,
                "created_at": "2019-05-01T10:00:00.000Z",
                "followers_count": 35,
                "following_count": 210,
            }
        parent = None
        if in_reply_to is not None:
            parent = self.data["posts"].get(in_reply_to)
            if parent is None:
                raise KeyError(f"no post {in_reply_to} in the sandbox")
        if quote is not None and quote not in self.data["posts"]:
            raise KeyError(f"no post {quote} in the sandbox")
        if mention and not self._mentions_us({"text": text}):
            text = f"@{self.username} {text}"
        post = self._store_post(user_id, text, at or self.clock(), parent=parent, quoted=quote)
        if save:
            self.state.save()
        return str(post["id"])

    def save(self) -> None:
        """Write the state file (after seeding with ``save=False``)."""
        self.state.save()

    def add_engagement(
        self,
        post_id: str,
        *,
        likes: int = 0,
        reposts: int = 0,
        quotes: int = 0,
        bookmarks: int = 0,
        impressions: int = 0,
    ) -> None:
        """Citizens react to one of the posts (replies are counted from the posts themselves)."""
        counts = self.data["posts"][post_id].setdefault("counts", {})
        for key, value in (
            ("like_count", likes),
            ("repost_count", reposts),
            ("quote_count", quotes),
            ("bookmark_count", bookmarks),
            ("impression_count", impressions),
        ):
            counts[key] = int(counts.get(key, 0)) + value
        self.state.save()

    def issue_tokens(self, client_id: str = "sandbox-client") -> tuple[str, str]:
        """An access token (2 hours) and a refresh token, as the authorization-code exchange
        gives them to a channel being connected; only their hashes are kept."""
        self.data["client_id"] = client_id
        pair = self._issue(self.clock())
        self.state.save()
        return pair

    def expire_access_tokens(self) -> None:
        """Every access token expires now (the refresh token stays valid)."""
        now = _iso(self.clock() - timedelta(seconds=1))
        self.data["tokens"] = {digest: now for digest in self.data["tokens"]}
        self.state.save()

    def _sandbox_media(self, media_ids: Iterable[str]) -> tuple[SandboxMedia, ...]:
        found = []
        for media_id in media_ids:
            media = self.data["media"].get(media_id)
            if media is None:
                continue
            stored = self.media_dir / media.get("file_name", "-")
            found.append(
                SandboxMedia(
                    id=media_id,
                    media_key=media["media_key"],
                    type=media["type"],
                    mime_type=media["mime_type"],
                    alt_text=media.get("alt_text", ""),
                    size=int(media["size"]),
                    file=str(stored) if stored.is_file() else None,
                )
            )
        return tuple(found)

    def post_url(self, post_id: str) -> str:
        post = self.data["posts"][post_id]
        return f"https://{self.host}/{self._user(post['author_id'])['username']}/status/{post_id}"

    def published(self) -> list[SandboxPost]:
        """What the account has posted (oldest first)."""
        posts = []
        for post in sorted(self.data["posts"].values(), key=lambda p: _id_key(p["id"])):
            if post["author_id"] != self.user_id:
                continue
            counts = dict(post.get("counts", {}))
            counts["reply_count"] = sum(1 for p in self.data["posts"].values() if p.get("replied_to") == post["id"])
            poll = post.get("poll")
            posts.append(
                SandboxPost(
                    id=post["id"],
                    text=post["text"],
                    created_at=_parse_iso(post["created_at"]),
                    url=self.post_url(post["id"]),
                    reply_to=post.get("replied_to"),
                    conversation_id=post["conversation_id"],
                    media=self._sandbox_media(post.get("media_ids", [])),
                    poll_options=tuple(poll["options"]) if poll else (),
                    poll_minutes=int(poll["duration_minutes"]) if poll else None,
                    counts={k: int(v) for k, v in counts.items()},
                )
            )
        return posts


def _base36(value: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        value, rest = divmod(value, 36)
        out = digits[rest] + out
        if value == 0:
            return out
