"""An in-process Mastodon instance: the API subset the adapter uses, as Mastodon 4.x answers it.

Faithful to the Mastodon documentation and the OpenAPI description in ``shared/specs/mastodon``
(see ``reference/platform_apis.md`` §5), not to our adapter:

- ``POST /api/v1/statuses`` (JSON, form or multipart bodies) with Mastodon's own validation order:
  a repeated ``Idempotency-Key`` (kept 1 h) returns the original status or scheduled status before
  anything is validated; then media (at most 4, not with a poll, not still processing, not a video
  among images), ``scheduled_at`` (in the past: posted now; less than 5 min ahead: 422; at most
  300 scheduled and 25 per day), text length (500 grapheme clusters of ``spoiler_text + status``,
  every URL counts 23, a remote mention ``@user@domain`` counts as ``@user``) and polls (2–4
  options of at most 50 characters, distinct, 300–2,629,746 s).
- ``POST /api/v2/media``: images are processed at once (200, ``url`` set); video, GIFV, audio and
  large files answer 202 with ``url: null`` and ``GET /api/v1/media/:id`` answers 206 until done,
  then 200. ``Faults.slow_media_polls`` keeps media processing for that many more polls.
- OAuth: app registration, the consent page and the token endpoint (``sandbox/oauth.py``).
- Reading: ``verify_credentials``, ``/api/v2/instance``, a status, an account's statuses,
  scheduled statuses, notifications (``types[]``) and conversations, paginated by id with a
  ``Link`` header as Mastodon builds it.
- Errors as ``{"error": "…"}`` with Mastodon's messages; ``X-RateLimit-Limit``, ``-Remaining`` and
  ``-Reset`` (ISO 8601) on every response, from fixed windows: 300 requests per 5 min, media
  uploads 30 per 30 min, deletes 30 per 30 min, statuses 300 per 3 h; the headers report the limit
  closest to being reached, and 429 ``{"error": "Too many requests"}`` once one is used up.

The account's data lives in a JSON file (statuses, scheduled statuses, media, notifications,
conversations, accounts, idempotency keys); uploaded files are kept beside it in ``<stem>-media/``.
The access token itself is never written: the file holds its SHA-256 only, so a search of the
profile for the token finds nothing.

Citizens are seeded with :meth:`MastodonSandbox.add_citizen_status` (a mention, a reply to one of
our posts, or a direct message); :meth:`MastodonSandbox.published` lists what the account posted.
"""

from __future__ import annotations

import hashlib
import heapq
import html
import json
import math
import secrets
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email import message_from_bytes
from email.message import Message
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode

import httpx
import regex

from kurum_masaustu.platforms.sandbox.core import Handler, SandboxState, SandboxTransport, write_file_atomic

DEFAULT_HOST = "mastodon.sandbox.invalid"  # as publishing/registry.py gives the sandbox channel
DEFAULT_USERNAME = "belediye"
DEFAULT_DISPLAY_NAME = "Örnek Belediyesi"
FIRST_ID = 110_000_000_000_000_000  # Mastodon ids are 18-digit snowflakes; ours count up from here

#: Defaults of a stock instance (``GET /api/v2/instance`` → ``configuration``), kept in the state.
DEFAULT_LIMITS: dict[str, int] = {
    "max_characters": 500,
    "max_media_attachments": 4,
    "characters_reserved_per_url": 23,
    "image_size_limit": 16_777_216,
    "image_matrix_limit": 33_177_600,
    "video_size_limit": 103_809_024,
    "video_matrix_limit": 8_294_400,
    "video_frame_rate_limit": 120,
    "description_limit": 1_500,
    "max_options": 4,
    "max_characters_per_option": 50,
    "min_expiration": 300,
    "max_expiration": 2_629_746,
    "max_scheduled_total": 300,
    "max_scheduled_daily": 25,
}
MIN_SCHEDULE_OFFSET = timedelta(minutes=5)
IDEMPOTENCY_TTL = timedelta(hours=1)
#: Images above this size are processed in the background (202), as large files are.
SYNC_IMAGE_LIMIT = 8 * 1024 * 1024
VISIBILITIES = ("public", "unlisted", "private", "direct")

SUPPORTED_MIME_TYPES: dict[str, str] = {
    "image/jpeg": "image",
    "image/png": "image",
    "image/webp": "image",
    "image/heic": "image",
    "image/heif": "image",
    "image/avif": "image",
    "image/gif": "gifv",
    "video/mp4": "video",
    "video/webm": "video",
    "video/quicktime": "video",
    "video/ogg": "video",
    "audio/mpeg": "audio",
    "audio/mp3": "audio",
    "audio/ogg": "audio",
    "audio/wav": "audio",
    "audio/flac": "audio",
    "audio/aac": "audio",
    "audio/mp4": "audio",
}
_EXTENSIONS = {"image/jpeg": ".jpg", "image/png": ".png", "image/gif": ".gif", "video/mp4": ".mp4"}


@dataclass(frozen=True)
class RateRule:
    name: str
    limit: int
    period_seconds: int
    applies: Callable[[str, str], bool]


RATE_RULES: tuple[RateRule, ...] = (
    RateRule("api", 300, 300, lambda method, path: True),
    RateRule("media", 30, 1800, lambda method, path: method == "POST" and path in ("/api/v1/media", "/api/v2/media")),
    RateRule("delete", 30, 1800, lambda method, path: method == "DELETE" and path.startswith("/api/v1/statuses/")),
    RateRule("statuses", 300, 10800, lambda method, path: method == "POST" and path == "/api/v1/statuses"),
)


# -- counting as Mastodon counts (StatusLengthValidator) ----------------------------------------
_GRAPHEME = regex.compile(r"\X")
_URL = regex.compile(r"https?://[^\s<>\"]+", regex.IGNORECASE)
#: Account::MENTION_RE
_MENTION = regex.compile(r"(?<![=/\w])@(([a-z0-9_]+(?:[a-z0-9_.-]+[a-z0-9_]+)?)(?:@[\w.-]+\w+)?)", regex.IGNORECASE)
_HASHTAG = regex.compile(r"(?<![\w/#])#(\w*[^\W\d_]\w*)")
_TRAILING = ".,:;!?'\""


def grapheme_count(text: str) -> int:
    """Extended grapheme clusters, as Ruby's ``String#grapheme_clusters``."""
    found: list[str] = _GRAPHEME.findall(text)
    return len(found)


def _url_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for match in _URL.finditer(text):
        start, end = int(match.start()), int(match.end())
        while end > start and text[end - 1] in _TRAILING:
            end -= 1
        while end > start and text[end - 1] == ")" and text[start:end].count("(") < text[start:end].count(")"):
            end -= 1
        if end - start > len("https://"):
            spans.append((start, end))
    return spans


def _mention_spans(text: str) -> list[tuple[int, int, str, str | None]]:
    """(start, end, username, domain or None) of every mention."""
    spans: list[tuple[int, int, str, str | None]] = []
    for match in _MENTION.finditer(text):
        full: str = match.group(1)
        username, _, domain = full.partition("@")
        spans.append((int(match.start()), int(match.end()), username, domain or None))
    return spans


def status_length(text: str, spoiler_text: str = "", *, url_length: int = 23) -> int:
    """The length Mastodon checks against ``max_characters``.

    Grapheme clusters of ``spoiler_text + text`` where every URL counts ``url_length`` and a
    remote mention ``@user@domain`` counts as ``@user``.
    """
    entities: list[tuple[int, int, str]] = [(s, e, "x" * url_length) for s, e in _url_spans(text)]
    for start, end, username, _domain in _mention_spans(text):
        if not any(s < end and start < e for s, e, _ in entities):
            entities.append((start, end, "@" + username))
    entities.sort()
    parts: list[str] = []
    position = 0
    for start, end, replacement in entities:
        parts.append(text[position:start])
        parts.append(replacement)
        position = end
    parts.append(text[position:])
    return grapheme_count(spoiler_text + "".join(parts))


# -- small helpers ----------------------------------------------------------------------------
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


def _error(status: int, message: str, headers: Mapping[str, str] | None = None) -> httpx.Response:
    return httpx.Response(status, json={"error": message}, headers=headers)


def _validation(message: str) -> httpx.Response:
    return _error(422, f"Validation failed: {message}")


def _stored_focus(media: Mapping[str, Any]) -> tuple[float, float] | None:
    focus = media.get("focus")
    if isinstance(focus, list) and len(focus) == 2:
        return float(focus[0]), float(focus[1])
    return None  # none sent (or a state file from before focus was kept)


def _parse_focus(value: str) -> tuple[float, float] | None:
    """``focus`` of a media upload: None when not given, else (x, y); ValueError when malformed.

    Stricter than Mastodon, which reads anything with ``to_f`` (a typo becomes 0,0 silently): the
    sandbox holds requests to what the API documents, "two floating points (x,y),
    comma-delimited, ranging from -1.0 to 1.0", so a wrong focus shows in practice.
    """
    if not value.strip():
        return None
    parts = value.split(",")
    if len(parts) != 2:
        raise ValueError(value)
    x, y = (float(part) for part in parts)
    if not all(math.isfinite(v) and -1.0 <= v <= 1.0 for v in (x, y)):
        raise ValueError(value)
    return x, y


def _truthy(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in ("1", "true", "t", "on", "yes")


def _token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_access_token() -> str:
    """A fresh token for a sandbox channel (the caller keeps it in the keyring)."""
    return secrets.token_urlsafe(32)


class _BadRequestError(Exception):
    pass


# -- request bodies (JSON, form, multipart) ----------------------------------------------------
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


def _form_pairs(request: httpx.Request) -> list[tuple[str, str]]:
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == "multipart/form-data":
        return [(name, data.decode("utf-8")) for name, filename, _, data in _multipart(request) if filename is None]
    return parse_qsl(request.content.decode("utf-8"), keep_blank_values=True)


def _status_params(request: httpx.Request) -> dict[str, Any]:
    """The body of ``POST /api/v1/statuses`` as Rails would see it, JSON or form-encoded."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == "application/json":
        try:
            body = json.loads(request.content or b"{}")
        except ValueError as exc:
            raise _BadRequestError("Error occurred while parsing request parameters") from exc
        if not isinstance(body, dict):
            raise _BadRequestError("Error occurred while parsing request parameters")
        return body
    params: dict[str, Any] = {}
    poll: dict[str, Any] = {}
    for key, value in _form_pairs(request):
        if key == "media_ids[]":
            params.setdefault("media_ids", []).append(value)
        elif key == "poll[options][]":
            poll.setdefault("options", []).append(value)
        elif key.startswith("poll[") and key.endswith("]"):
            poll[key[5:-1]] = value
        else:
            params[key] = value
    if poll:
        params["poll"] = poll
    return params


# -- HTML as Mastodon renders it (TextFormatter) ------------------------------------------------
def render_html(text: str, host: str, resolve: Callable[[str, str | None], Mapping[str, Any] | None]) -> str:
    """Plain text → Mastodon's status HTML: escaped, links, hashtags, mentions, paragraphs."""
    entities: list[tuple[int, int, str]] = []
    for start, end in _url_spans(text):
        url = text[start:end]
        scheme, _, rest = url.partition("://")
        shown = rest[:30]
        hidden = rest[30:]
        entities.append(
            (
                start,
                end,
                f'<a href="{html.escape(url)}" target="_blank" rel="nofollow noopener" translate="no">'
                f'<span class="invisible">{html.escape(scheme)}://</span>'
                f'<span class="{"ellipsis" if hidden else ""}">{html.escape(shown)}</span>'
                f'<span class="invisible">{html.escape(hidden)}</span></a>',
            )
        )
    for start, end, username, domain in _mention_spans(text):
        if any(s < end and start < e for s, e, _ in entities):
            continue
        account = resolve(username, domain)
        if account is None:
            continue
        entities.append(
            (
                start,
                end,
                f'<span class="h-card" translate="no"><a href="{html.escape(str(account["url"]))}" '
                f'class="u-url mention">@<span>{html.escape(username)}</span></a></span>',
            )
        )
    for match in _HASHTAG.finditer(text):
        start, end = int(match.start()), int(match.end())
        if any(s < end and start < e for s, e, _ in entities):
            continue
        name: str = match.group(1)
        entities.append(
            (
                start,
                end,
                f'<a href="https://{host}/tags/{html.escape(name.lower())}" class="mention hashtag" rel="tag">'
                f"#<span>{html.escape(name)}</span></a>",
            )
        )
    entities.sort()
    out: list[str] = []
    position = 0
    for start, end, markup in entities:
        out.append(html.escape(text[position:start], quote=False))
        out.append(markup)
        position = end
    out.append(html.escape(text[position:], quote=False))
    rendered = "".join(out).replace("\r\n", "\n")
    paragraphs = [p for p in rendered.split("\n\n") if p.strip()]
    return "".join("<p>" + p.strip("\n").replace("\n", "<br />") + "</p>" for p in paragraphs)


# -- what the sandbox account posted (for ``kurum-masaustu sandbox list``) ---------------------
@dataclass(frozen=True)
class SandboxMedia:
    id: str
    type: str
    mime_type: str
    description: str
    size: int
    file: str | None  # path of the stored copy, or None
    focus: tuple[float, float] | None = None  # Mastodon's focal point (x right, y up), if one was sent


@dataclass(frozen=True)
class SandboxPost:
    id: str
    text: str
    created_at: datetime
    url: str
    visibility: str
    language: str | None
    in_reply_to_id: str | None
    media: tuple[SandboxMedia, ...] = ()
    poll_options: tuple[str, ...] = ()
    scheduled: bool = False  # still waiting in the platform's scheduler (``created_at`` = when due)
    counts: Mapping[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "created_at": _iso(self.created_at),
            "url": self.url,
            "visibility": self.visibility,
            "language": self.language,
            "in_reply_to_id": self.in_reply_to_id,
            "media": [
                {
                    "id": m.id,
                    "type": m.type,
                    "mime_type": m.mime_type,
                    "description": m.description,
                    "size": m.size,
                    "file": m.file,
                    "focus": list(m.focus) if m.focus is not None else None,
                }
                for m in self.media
            ],
            "poll_options": list(self.poll_options),
            "scheduled": self.scheduled,
            "counts": dict(self.counts),
        }


def initial_state(
    access_token: str | None, *, host: str = DEFAULT_HOST, username: str = DEFAULT_USERNAME, display_name: str = ""
) -> dict[str, Any]:
    """A new sandbox account. Without ``access_token`` the first bearer token it sees becomes its token."""
    account_id = str(FIRST_ID)
    state: dict[str, Any] = {
        "platform": "mastodon",
        "domain": host,
        "account_id": account_id,
        "accounts": {
            account_id: {
                "id": account_id,
                "username": username,
                "domain": None,
                "display_name": display_name or DEFAULT_DISPLAY_NAME,
                "created_at": "2024-01-01T00:00:00.000Z",
                "note": "",
                "followers_count": 1250,
                "following_count": 12,
            }
        },
        "limits": dict(DEFAULT_LIMITS),
        "statuses": {},
        "scheduled_statuses": {},
        "media": {},
        "notifications": {},
        "conversations": {},
        "idempotency": {},
        "next_id": FIRST_ID + 1,
    }
    if access_token is not None:
        state["token_sha256"] = _token_digest(access_token)
    return state


@dataclass(eq=False)
class MastodonSandbox(SandboxTransport):
    """An httpx transport that answers as one Mastodon account on one instance.

    Build it with :meth:`open`, or as ``MastodonSandbox(state=SandboxState(path, {}), faults=…)``
    (then the first bearer token it sees becomes the account's token). Every request needs
    ``Authorization: Bearer <that token>`` (401 otherwise), except ``GET /api/v2/instance``.
    """

    host: str = DEFAULT_HOST
    clock: Callable[[], datetime] = _utc_now
    #: False: never answer 429 for the fixed windows (benchmarks); the headers are still sent.
    enforce_rate_limits: bool = True
    _windows: dict[str, tuple[int, int]] = field(default_factory=dict, repr=False)
    _handles: dict[tuple[str, str], str] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        # Built as ``MastodonSandbox(state=SandboxState(path, {}))`` too: complete a new state here.
        missing = {k: v for k, v in initial_state(None, host=self.host).items() if k not in self.state.data}
        if missing:
            self.state.data.update(missing)
            self.state.save()
        self.host = str(self.state.data["domain"])
        routes: list[tuple[str, str, Handler, bool]] = [
            ("GET", r"/api/v2/instance", self._instance, False),
            ("GET", r"/api/v1/accounts/verify_credentials", self._authed(self._verify_credentials), False),
            ("GET", r"/api/v1/accounts/(?P<id>\d+)/statuses", self._authed(self._account_statuses), False),
            ("POST", r"/api/v1/statuses", self._authed(self._create_status), True),
            ("GET", r"/api/v1/statuses/(?P<id>\d+)", self._authed(self._get_status), False),
            ("DELETE", r"/api/v1/statuses/(?P<id>\d+)", self._authed(self._delete_status), True),
            ("GET", r"/api/v1/scheduled_statuses", self._authed(self._list_scheduled), False),
            ("GET", r"/api/v1/scheduled_statuses/(?P<id>\d+)", self._authed(self._get_scheduled), False),
            ("DELETE", r"/api/v1/scheduled_statuses/(?P<id>\d+)", self._authed(self._delete_scheduled), True),
            ("POST", r"/api/v2/media", self._authed(self._upload_media), True),
            ("GET", r"/api/v1/media/(?P<id>\d+)", self._authed(self._get_media), False),
            ("GET", r"/api/v1/notifications", self._authed(self._notifications), False),
            ("GET", r"/api/v1/conversations", self._authed(self._conversations), False),
        ]
        for method, pattern, handler, writes in routes:
            self.route(method, pattern, handler, writes=writes)
        from kurum_masaustu.platforms.sandbox import oauth  # app registration and sign-in pages

        oauth.register_mastodon(self)

    @classmethod
    def open(
        cls,
        path: Path,
        access_token: str,
        *,
        host: str = DEFAULT_HOST,
        username: str = DEFAULT_USERNAME,
        display_name: str = "",
        clock: Callable[[], datetime] | None = None,
    ) -> MastodonSandbox:
        """The sandbox whose state is in ``path`` (created for ``access_token`` if new).

        An existing state keeps the token it was created with: another token gets 401.
        """
        state = SandboxState(path, initial_state(access_token, host=host, username=username, display_name=display_name))
        return cls(state=state, host=host, clock=clock or _utc_now)

    # -- plumbing ---------------------------------------------------------------------------
    @property
    def data(self) -> dict[str, Any]:
        return self.state.data

    @property
    def account_id(self) -> str:
        return str(self.data["account_id"])

    @property
    def base_url(self) -> str:
        return f"https://{self.host}"

    @property
    def media_dir(self) -> Path:
        return self.state.path.parent / f"{self.state.path.stem}-media"

    def _limit(self, name: str) -> int:
        return int(self.data.get("limits", {}).get(name, DEFAULT_LIMITS[name]))

    def _new_id(self) -> str:
        return str(self.state.next_id("next_id", FIRST_ID + 1))

    def _authed(self, handler: Handler) -> Handler:
        async def checked(request: httpx.Request, match: Any) -> httpx.Response:
            header = request.headers.get("authorization", "")
            scheme, _, token = header.partition(" ")
            token = token.strip()
            if scheme.lower() == "bearer" and token and "token_sha256" not in self.data:
                self.data["token_sha256"] = _token_digest(token)  # a new sandbox: its first token is its own
                self.state.save()
            if scheme.lower() != "bearer" or _token_digest(token) != self.data.get("token_sha256"):
                return self._unauthorized("The access token is invalid")
            try:
                return await handler(request, match)
            except _BadRequestError as exc:
                return _error(400, str(exc))

        return checked

    def _unauthorized(self, message: str) -> httpx.Response:
        return httpx.Response(
            401,
            json={"error": message},
            headers={
                "WWW-Authenticate": f'Bearer realm="Doorkeeper", error="invalid_token", error_description="{message}"'
            },
        )

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        now = self.clock()
        async with self.state.lock:
            self._publish_due(now)
        rule, used, reset = self._count(request, now)
        if used > rule.limit and self.enforce_rate_limits:
            self.requests.append(request)
            await request.aread()
            response = _error(429, "Too many requests")
        else:
            response = await super().handle_async_request(request)
        if "x-ratelimit-limit" not in response.headers:
            response.headers["X-RateLimit-Limit"] = str(rule.limit)
            response.headers["X-RateLimit-Remaining"] = str(max(0, rule.limit - used))
            response.headers["X-RateLimit-Reset"] = _iso(reset)
        return response

    def _count(self, request: httpx.Request, now: datetime) -> tuple[RateRule, int, datetime]:
        """Count the request in every window it belongs to; the window closest to its limit."""
        stamp = int(now.timestamp())
        closest: tuple[RateRule, int, datetime] | None = None
        for rule in RATE_RULES:
            if not rule.applies(request.method, request.url.path):
                continue
            start = stamp - stamp % rule.period_seconds
            window_start, used = self._windows.get(rule.name, (start, 0))
            if window_start != start:
                used = 0
            used += 1
            self._windows[rule.name] = (start, used)
            reset = datetime.fromtimestamp(start + rule.period_seconds, UTC)
            if closest is None or rule.limit - used < closest[0].limit - closest[1]:
                closest = (rule, used, reset)
        assert closest is not None
        return closest

    # Mastodon's own error shapes for the shared fault injection
    def rate_limited(self, request: httpx.Request, seconds: int) -> httpx.Response:
        reset = self.clock() + timedelta(seconds=seconds)
        return httpx.Response(
            429,
            json={"error": "Too many requests"},
            headers={"X-RateLimit-Limit": "300", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": _iso(reset)},
        )

    def token_expired(self, request: httpx.Request) -> httpx.Response:
        return self._unauthorized("The access token expired")

    def server_error(self, request: httpx.Request) -> httpx.Response:
        return _error(503, "The page could not be served due to a temporary server failure.")

    def not_found(self, request: httpx.Request) -> httpx.Response:
        return _error(404, "Record not found")

    # -- entities ---------------------------------------------------------------------------
    def _account_record(self, account_id: str) -> dict[str, Any]:
        record: dict[str, Any] = self.data["accounts"][account_id]
        return record

    def _acct(self, account: Mapping[str, Any]) -> str:
        return f"{account['username']}@{account['domain']}" if account.get("domain") else str(account["username"])

    def _account_url(self, account: Mapping[str, Any]) -> str:
        return f"https://{account.get('domain') or self.host}/@{account['username']}"

    def _account_entity(self, account_id: str) -> dict[str, Any]:
        account = self._account_record(account_id)
        last = account.get("last_status_at")
        url = self._account_url(account)
        return {
            "id": account_id,
            "username": account["username"],
            "acct": self._acct(account),
            "display_name": account.get("display_name", ""),
            "locked": False,
            "bot": False,
            "discoverable": True,
            "indexable": False,
            "group": False,
            "created_at": account.get("created_at", "2024-01-01T00:00:00.000Z"),
            "note": html.escape(account.get("note", "")),
            "url": url,
            "uri": f"https://{account.get('domain') or self.host}/users/{account['username']}",
            "avatar": f"https://{self.host}/avatars/original/missing.png",
            "avatar_static": f"https://{self.host}/avatars/original/missing.png",
            "header": f"https://{self.host}/headers/original/missing.png",
            "header_static": f"https://{self.host}/headers/original/missing.png",
            "followers_count": int(account.get("followers_count", 0)),
            "following_count": int(account.get("following_count", 0)),
            "statuses_count": int(account.get("statuses_count", 0)),
            "last_status_at": last[:10] if last else None,
            "noindex": False,
            "emojis": [],
            "roles": [],
            "fields": [],
        }

    def _resolve(self, username: str, domain: str | None) -> dict[str, Any] | None:
        """The known account ``@username`` (on this instance) or ``@username@domain``."""
        accounts = self.data["accounts"]
        if len(self._handles) != len(accounts):
            self._handles = {
                (a["username"].lower(), (a.get("domain") or self.host).lower()): a["id"] for a in accounts.values()
            }
        found = self._handles.get((username.lower(), (domain or self.host).lower()))
        if found is None:
            return None
        account = accounts[found]
        return dict(account, url=self._account_url(account))

    def _media_entity(self, media: Mapping[str, Any]) -> dict[str, Any]:
        done = media["processing"] == "complete"
        base = f"https://{self.host}/system/media_attachments/files/{media['id']}"
        meta: dict[str, Any] = {}
        if media.get("width") and media.get("height"):
            width, height = int(media["width"]), int(media["height"])
            meta = {
                "original": {"width": width, "height": height, "size": f"{width}x{height}", "aspect": width / height}
            }
        focus = _stored_focus(media)
        if focus is not None:
            meta["focus"] = {"x": focus[0], "y": focus[1]}
        return {
            "id": media["id"],
            "type": media["type"],
            "url": f"{base}/original/{media['file_name']}" if done else None,
            "preview_url": f"{base}/small/{media['file_name']}" if done or media["type"] == "image" else None,
            "remote_url": None,
            "preview_remote_url": None,
            "text_url": None,
            "meta": meta,
            "description": media.get("description") or None,
            "blurhash": None,
        }

    def _status_url(self, status: Mapping[str, Any]) -> str:
        account = self._account_record(status["account_id"])
        return f"{self._account_url(account)}/{status['id']}"

    def _status_entity(self, status: Mapping[str, Any], *, with_source: bool = False) -> dict[str, Any]:
        account = self._account_record(status["account_id"])
        mentions = [self._account_record(a) for a in status.get("mention_ids", []) if a in self.data["accounts"]]
        poll = status.get("poll")
        entity: dict[str, Any] = {
            "id": status["id"],
            "created_at": status["created_at"],
            "in_reply_to_id": status.get("in_reply_to_id"),
            "in_reply_to_account_id": status.get("in_reply_to_account_id"),
            "sensitive": bool(status.get("sensitive", False)),
            "spoiler_text": status.get("spoiler_text", ""),
            "visibility": status["visibility"],
            "language": status.get("language"),
            "uri": f"https://{account.get('domain') or self.host}/users/{account['username']}/statuses/{status['id']}",
            "url": self._status_url(status),
            "replies_count": int(status.get("replies_count", 0)),
            "reblogs_count": int(status.get("reblogs_count", 0)),
            "favourites_count": int(status.get("favourites_count", 0)),
            "quotes_count": 0,
            "edited_at": None,
            "favourited": False,
            "reblogged": False,
            "muted": False,
            "bookmarked": False,
            "content": render_html(status["text"], self.host, self._resolve),
            "filtered": [],
            "reblog": None,
            "application": {"name": status["application"], "website": None} if status.get("application") else None,
            "account": self._account_entity(status["account_id"]),
            "media_attachments": [self._media_entity(self.data["media"][m]) for m in status.get("media_ids", [])],
            "mentions": [
                {"id": a["id"], "username": a["username"], "url": self._account_url(a), "acct": self._acct(a)}
                for a in mentions
            ],
            "tags": [
                {"name": name.lower(), "url": f"https://{self.host}/tags/{name.lower()}"}
                for name in dict.fromkeys(str(m) for m in _HASHTAG.findall(status["text"]))
            ],
            "emojis": [],
            "card": None,
            "poll": None,
        }
        if status["account_id"] == self.account_id:
            entity["pinned"] = False
        if poll:
            expires_at = _parse_iso(poll["expires_at"])
            entity["poll"] = {
                "id": poll["id"],
                "expires_at": poll["expires_at"],
                "expired": expires_at <= self.clock(),
                "multiple": bool(poll["multiple"]),
                "votes_count": 0,
                "voters_count": 0,
                "options": [{"title": title, "votes_count": 0} for title in poll["options"]],
                "emojis": [],
                "voted": False,
                "own_votes": [],
            }
        if with_source:
            entity["text"] = status["text"]
        return entity

    def _scheduled_entity(self, scheduled: Mapping[str, Any]) -> dict[str, Any]:
        params = scheduled["params"]
        return {
            "id": scheduled["id"],
            "scheduled_at": scheduled["scheduled_at"],
            "params": {
                "text": params["text"],
                "poll": params.get("poll"),
                "media_ids": params.get("media_ids") or None,
                "sensitive": params.get("sensitive"),
                "spoiler_text": params.get("spoiler_text") or None,
                "visibility": params["visibility"],
                "scheduled_at": None,
                "language": params.get("language"),
                "in_reply_to_id": int(params["in_reply_to_id"]) if params.get("in_reply_to_id") else None,
                "application_id": 1,
                "idempotency": params.get("idempotency"),
                "with_rate_limit": False,
            },
            "media_attachments": [self._media_entity(self.data["media"][m]) for m in params.get("media_ids", [])],
        }

    # -- pagination (paginate_by_id + Link header) -------------------------------------------
    @staticmethod
    def _query(request: httpx.Request) -> list[tuple[str, str]]:
        return list(request.url.params.multi_items())

    def _page(
        self,
        request: httpx.Request,
        items: Iterable[tuple[str, Any]],
        default_limit: int,
        max_limit: int,
    ) -> tuple[list[Any], dict[str, str]]:
        """Mastodon's id pagination over (sort id, item) pairs, newest first, with its Link header."""
        params = dict(self._query(request))
        try:
            limit = int(params.get("limit", default_limit))
        except ValueError:
            limit = default_limit
        limit = max(1, min(limit, max_limit))
        # Select the page without sorting everything (an inbox of 10,000 would hold the loop).
        def key(pair: tuple[str, Any]) -> tuple[int, str]:
            return _id_key(pair[0])

        candidates = list(items)
        if "max_id" in params:
            candidates = [p for p in candidates if key(p) < _id_key(params["max_id"])]
        if "since_id" in params:
            candidates = [p for p in candidates if key(p) > _id_key(params["since_id"])]
        if "min_id" in params:
            newer = [p for p in candidates if key(p) > _id_key(params["min_id"])]
            window = heapq.nsmallest(limit, newer, key=key)  # the `limit` immediately after min_id
            page = sorted(window, key=key, reverse=True)
        else:
            page = heapq.nlargest(limit, candidates, key=key)
        headers: dict[str, str] = {}
        if page:
            keep = [(k, v) for k, v in self._query(request) if k not in ("max_id", "min_id", "since_id")]
            base = f"{request.url.scheme}://{request.url.netloc.decode('ascii')}{request.url.path}"
            links = []
            if len(page) == limit:
                links.append(f'<{base}?{urlencode([*keep, ("max_id", page[-1][0])])}>; rel="next"')
            links.append(f'<{base}?{urlencode([*keep, ("min_id", page[0][0])])}>; rel="prev"')
            headers["Link"] = ", ".join(links)
        return [item for _, item in page], headers

    # -- handlers ---------------------------------------------------------------------------
    async def _instance(self, request: httpx.Request, match: Any) -> httpx.Response:
        limits = {name: self._limit(name) for name in DEFAULT_LIMITS}
        return httpx.Response(
            200,
            json={
                "domain": self.host,
                "title": "Kurum Masaüstü sandbox",
                "version": "4.5.0",
                "source_url": "https://github.com/mastodon/mastodon",
                "description": "An in-process Mastodon for practice; nothing here is public.",
                "usage": {"users": {"active_month": 1}},
                "thumbnail": {"url": f"https://{self.host}/packs/media/images/preview.png"},
                "icon": [],
                "languages": ["tr", "en"],
                "api_versions": {"mastodon": 6},
                "configuration": {
                    "urls": {"streaming": f"wss://{self.host}"},
                    "accounts": {"max_featured_tags": 10, "max_pinned_statuses": 5},
                    "statuses": {
                        "max_characters": limits["max_characters"],
                        "max_media_attachments": limits["max_media_attachments"],
                        "characters_reserved_per_url": limits["characters_reserved_per_url"],
                    },
                    "media_attachments": {
                        "supported_mime_types": sorted(SUPPORTED_MIME_TYPES),
                        "description_limit": limits["description_limit"],
                        "image_size_limit": limits["image_size_limit"],
                        "image_matrix_limit": limits["image_matrix_limit"],
                        "video_size_limit": limits["video_size_limit"],
                        "video_frame_rate_limit": limits["video_frame_rate_limit"],
                        "video_matrix_limit": limits["video_matrix_limit"],
                    },
                    "polls": {
                        "max_options": limits["max_options"],
                        "max_characters_per_option": limits["max_characters_per_option"],
                        "min_expiration": limits["min_expiration"],
                        "max_expiration": limits["max_expiration"],
                    },
                    "translation": {"enabled": False},
                },
                "registrations": {"enabled": False, "approval_required": False, "message": None},
                "contact": {"email": f"admin@{self.host}"},
                "rules": [],
            },
        )

    async def _verify_credentials(self, request: httpx.Request, match: Any) -> httpx.Response:
        entity = self._account_entity(self.account_id)
        entity["source"] = {
            "privacy": "public",
            "sensitive": False,
            "language": "tr",
            "note": self._account_record(self.account_id).get("note", ""),
            "fields": [],
            "follow_requests_count": 0,
            "indexable": False,
            "hide_collections": False,
            "discoverable": True,
        }
        entity["role"] = {"id": "-99", "name": "", "permissions": "0", "color": "", "highlighted": False}
        return httpx.Response(200, json=entity)

    def _visible(self, status: Mapping[str, Any]) -> bool:
        if status["account_id"] == self.account_id or status["visibility"] in ("public", "unlisted"):
            return True
        return self.account_id in status.get("mention_ids", [])

    async def _account_statuses(self, request: httpx.Request, match: Any) -> httpx.Response:
        account_id = match.group("id")
        if account_id not in self.data["accounts"]:
            return self.not_found(request)
        params = dict(self._query(request))
        chosen = []
        for status in self.data["statuses"].values():
            if status["account_id"] != account_id or not self._visible(status):
                continue
            if _truthy(params.get("exclude_replies", False)) and status.get("in_reply_to_account_id") not in (
                None,
                account_id,
            ):
                continue
            if _truthy(params.get("only_media", False)) and not status.get("media_ids"):
                continue
            chosen.append((status["id"], status))
        page, headers = self._page(request, chosen, 20, 40)
        return httpx.Response(200, json=[self._status_entity(s) for s in page], headers=headers)

    async def _get_status(self, request: httpx.Request, match: Any) -> httpx.Response:
        status = self.data["statuses"].get(match.group("id"))
        if status is None or not self._visible(status):
            return self.not_found(request)
        return httpx.Response(200, json=self._status_entity(status))

    async def _delete_status(self, request: httpx.Request, match: Any) -> httpx.Response:
        status = self.data["statuses"].get(match.group("id"))
        if status is None or status["account_id"] != self.account_id:
            return self.not_found(request)
        entity = self._status_entity(status, with_source=True)
        self._remove_status(status)
        return httpx.Response(200, json=entity)

    def _remove_status(self, status: Mapping[str, Any]) -> None:
        del self.data["statuses"][status["id"]]
        author = self._account_record(status["account_id"])
        author["statuses_count"] = max(0, int(author.get("statuses_count", 0)) - 1)
        parent = self.data["statuses"].get(status.get("in_reply_to_id") or "")
        if parent is not None:
            parent["replies_count"] = max(0, int(parent.get("replies_count", 0)) - 1)
        for media_id in status.get("media_ids", []):
            self.data["media"].pop(media_id, None)
        notifications = self.data["notifications"]
        for key in [k for k, n in notifications.items() if n.get("status_id") == status["id"]]:
            del notifications[key]
        for key, conversation in list(self.data["conversations"].items()):
            if conversation["last_status_id"] == status["id"]:
                earlier = [
                    s["id"] for s in self.data["statuses"].values() if s.get("conversation_id") == conversation["id"]
                ]
                if earlier:
                    conversation["last_status_id"] = max(earlier, key=_id_key)
                else:
                    del self.data["conversations"][key]

    async def _list_scheduled(self, request: httpx.Request, match: Any) -> httpx.Response:
        items = [(s["id"], s) for s in self.data["scheduled_statuses"].values()]
        page, headers = self._page(request, items, 20, 40)
        return httpx.Response(200, json=[self._scheduled_entity(s) for s in page], headers=headers)

    async def _get_scheduled(self, request: httpx.Request, match: Any) -> httpx.Response:
        scheduled = self.data["scheduled_statuses"].get(match.group("id"))
        if scheduled is None:
            return self.not_found(request)
        return httpx.Response(200, json=self._scheduled_entity(scheduled))

    async def _delete_scheduled(self, request: httpx.Request, match: Any) -> httpx.Response:
        scheduled = self.data["scheduled_statuses"].pop(match.group("id"), None)
        if scheduled is None:
            return self.not_found(request)
        for media_id in scheduled["params"].get("media_ids", []):
            media = self.data["media"].get(media_id)
            if media is not None:
                media["scheduled_status_id"] = None
        return httpx.Response(200, json={})

    async def _create_status(self, request: httpx.Request, match: Any) -> httpx.Response:
        now = self.clock()
        params = _status_params(request)
        key = request.headers.get("idempotency-key")
        if key:
            earlier = self.data["idempotency"].get(key)
            if earlier is not None and _parse_iso(earlier["expires_at"]) > now:
                table = "scheduled_statuses" if earlier["type"] == "scheduled" else "statuses"
                found = self.data[table].get(earlier["id"])
                if found is None:
                    return self.not_found(request)
                if earlier["type"] == "scheduled":
                    return httpx.Response(200, json=self._scheduled_entity(found))
                return httpx.Response(200, json=self._status_entity(found))

        given = params.get("media_ids") or []
        media_ids = [str(m) for m in (given if isinstance(given, list) else [given])]
        poll = params.get("poll") or None
        error = self._check_media(media_ids, poll)
        if error is not None:
            return error

        parent: dict[str, Any] | None = None
        if params.get("in_reply_to_id"):
            parent = self.data["statuses"].get(str(params["in_reply_to_id"]))
            if parent is None or not self._visible(parent):
                return _error(404, "The post you are trying to reply to does not appear to exist.")

        visibility = str(params.get("visibility") or "public")
        if visibility not in VISIBILITIES:
            return _validation("Visibility is not included in the list")
        text = str(params.get("status") or "")
        spoiler = str(params.get("spoiler_text") or "")
        if not text.strip() and spoiler and not media_ids:
            text, spoiler = spoiler, ""

        scheduled_at: datetime | None = None
        if params.get("scheduled_at"):
            try:
                scheduled_at = _parse_iso(str(params["scheduled_at"]))
            except ValueError:
                return _validation("Scheduled at is invalid")
            if scheduled_at <= now:
                scheduled_at = None  # in the past: Mastodon posts it now

        problems = self._check_status(text, spoiler, media_ids, poll, scheduled_at, now)
        if problems:
            return _validation(", ".join(problems))

        fields: dict[str, Any] = {
            "text": text,
            "spoiler_text": spoiler,
            "visibility": visibility,
            "language": (str(params["language"]).lower() if params.get("language") else None),
            "sensitive": _truthy(params.get("sensitive", False)),
            "in_reply_to_id": parent["id"] if parent else None,
            "media_ids": media_ids,
            "poll": self._poll_params(poll) if poll else None,
            "idempotency": key,
        }
        if scheduled_at is not None:
            scheduled: dict[str, Any] = {"id": self._new_id(), "scheduled_at": _iso(scheduled_at), "params": fields}
            self.data["scheduled_statuses"][scheduled["id"]] = scheduled
            for media_id in media_ids:
                self.data["media"][media_id]["scheduled_status_id"] = scheduled["id"]
            self._remember(key, "scheduled", scheduled["id"], now)
            return httpx.Response(200, json=self._scheduled_entity(scheduled))
        status = self._post(fields, now, application="Kurum Masaüstü")
        self._remember(key, "status", status["id"], now)
        return httpx.Response(200, json=self._status_entity(status))

    def _remember(self, key: str | None, kind: str, object_id: str, now: datetime) -> None:
        if key:
            self.data["idempotency"][key] = {"type": kind, "id": object_id, "expires_at": _iso(now + IDEMPOTENCY_TTL)}
        table = self.data["idempotency"]
        for old in [k for k, v in table.items() if _parse_iso(v["expires_at"]) <= now]:
            del table[old]

    def _check_media(self, media_ids: list[str], poll: Any) -> httpx.Response | None:
        """PostStatusService#validate_media!"""
        if not media_ids:
            return None
        if len(media_ids) > self._limit("max_media_attachments") or poll:
            return _error(422, f"Cannot attach more than {self._limit('max_media_attachments')} files")
        found = []
        for media_id in media_ids:
            media = self.data["media"].get(media_id)
            if media is None or media.get("status_id") or media.get("scheduled_status_id"):
                return _error(422, f"Media {media_id} not found or already attached to another post")
            found.append(media)
        if len(found) > 1 and any(m["type"] in ("video", "gifv", "audio") for m in found):
            return _error(422, "Cannot attach a video to a post that already contains images")
        if any(m["processing"] != "complete" for m in found):
            return _error(422, "Cannot attach files that have not finished processing. Try again in a moment!")
        return None

    def _check_status(
        self,
        text: str,
        spoiler: str,
        media_ids: list[str],
        poll: Any,
        scheduled_at: datetime | None,
        now: datetime,
    ) -> list[str]:
        problems: list[str] = []
        if scheduled_at is not None:
            if scheduled_at <= now + MIN_SCHEDULE_OFFSET:
                problems.append("Scheduled at The scheduled date must be in the future")
            scheduled = self.data["scheduled_statuses"].values()
            if len(scheduled) >= self._limit("max_scheduled_total"):
                problems.append(
                    f"Scheduled at You have exceeded the limit of {self._limit('max_scheduled_total')} scheduled posts"
                )
            same_day = [s for s in scheduled if _parse_iso(s["scheduled_at"]).date() == scheduled_at.date()]
            if len(same_day) >= self._limit("max_scheduled_daily"):
                problems.append(
                    f"Scheduled at You have exceeded the limit of {self._limit('max_scheduled_daily')} "
                    "scheduled posts for today"
                )
        if not text.strip() and not media_ids:
            problems.append("Text can't be blank")
        length = status_length(text, spoiler, url_length=self._limit("characters_reserved_per_url"))
        if length > self._limit("max_characters"):
            problems.append(f"Text character limit of {self._limit('max_characters')} exceeded")
        if poll:
            problems.extend(self._check_poll(poll))
        return problems

    def _check_poll(self, poll: Any) -> list[str]:
        """PollValidator."""
        if not isinstance(poll, Mapping):
            return ["Poll is invalid"]
        options = poll.get("options")
        if not isinstance(options, list) or not all(isinstance(o, str) for o in options):
            return ["Poll options can't be blank"]
        problems: list[str] = []
        if len(options) < 2:
            problems.append("Poll options must have more than one item")
        if len(options) > self._limit("max_options"):
            problems.append(f"Poll options can't contain more than {self._limit('max_options')} items")
        if any(grapheme_count(o) > self._limit("max_characters_per_option") for o in options):
            problems.append(
                f"Poll options cannot be longer than {self._limit('max_characters_per_option')} characters each"
            )
        if len(set(options)) != len(options):
            problems.append("Poll options contain duplicate items")
        try:
            expires_in = int(poll.get("expires_in", ""))
        except (TypeError, ValueError):
            problems.append("Poll expires at is too far into the future")
            return problems
        if expires_in > self._limit("max_expiration"):
            problems.append("Poll expires at is too far into the future")
        if expires_in < self._limit("min_expiration"):
            problems.append("Poll expires at is too soon")
        return problems

    @staticmethod
    def _poll_params(poll: Mapping[str, Any]) -> dict[str, Any]:
        return {
            "options": list(poll["options"]),
            "expires_in": int(poll["expires_in"]),
            "multiple": _truthy(poll.get("multiple", False)),
            "hide_totals": _truthy(poll.get("hide_totals", False)),
        }

    def _post(
        self, fields: Mapping[str, Any], now: datetime, *, account_id: str | None = None, application: str | None = None
    ) -> dict[str, Any]:
        """Create a status from validated fields (ours unless ``account_id``)."""
        author = account_id or self.account_id
        status_id = self._new_id()
        parent = self.data["statuses"].get(fields.get("in_reply_to_id") or "")
        mention_ids: list[str] = []
        for _start, _end, username, domain in _mention_spans(str(fields["text"])):
            account = self._resolve(username, domain)
            if account is not None and account["id"] != author and account["id"] not in mention_ids:
                mention_ids.append(account["id"])
        poll = None
        if fields.get("poll"):
            poll = {
                "id": self._new_id(),
                "options": list(fields["poll"]["options"]),
                "multiple": bool(fields["poll"]["multiple"]),
                "expires_at": _iso(now + timedelta(seconds=int(fields["poll"]["expires_in"]))),
            }
        status: dict[str, Any] = {
            "id": status_id,
            "account_id": author,
            "created_at": _iso(now),
            "text": fields["text"],
            "spoiler_text": fields.get("spoiler_text") or "",
            "visibility": fields["visibility"],
            "language": fields.get("language"),
            "sensitive": bool(fields.get("sensitive", False)),
            "in_reply_to_id": parent["id"] if parent else None,
            "in_reply_to_account_id": parent["account_id"] if parent else None,
            "media_ids": list(fields.get("media_ids") or []),
            "poll": poll,
            "mention_ids": mention_ids,
            "replies_count": 0,
            "reblogs_count": 0,
            "favourites_count": 0,
            "application": application,
        }
        self.data["statuses"][status_id] = status
        author_record = self._account_record(author)
        author_record["statuses_count"] = int(author_record.get("statuses_count", 0)) + 1
        author_record["last_status_at"] = max(str(author_record.get("last_status_at") or ""), status["created_at"])
        for media_id in status["media_ids"]:
            media = self.data["media"][media_id]
            media["status_id"] = status_id
            media["scheduled_status_id"] = None
        if parent is not None:
            parent["replies_count"] = int(parent.get("replies_count", 0)) + 1
        if status["visibility"] == "direct":
            self._thread_conversation(status, parent)
        if author != self.account_id and self.account_id in mention_ids:
            notification_id = self._new_id()
            self.data["notifications"][notification_id] = {
                "id": notification_id,
                "type": "mention",
                "account_id": author,
                "status_id": status_id,
                "created_at": _iso(now),
            }
        return status

    def _thread_conversation(self, status: dict[str, Any], parent: Mapping[str, Any] | None) -> None:
        participants = sorted({status["account_id"], *status["mention_ids"]})
        conversation_id = parent.get("conversation_id") if parent else None
        if conversation_id is None or conversation_id not in self.data["conversations"]:
            conversation_id = next(
                (c["id"] for c in self.data["conversations"].values() if sorted(c["participant_ids"]) == participants),
                None,
            )
        if conversation_id is None:
            conversation_id = self._new_id()
            self.data["conversations"][conversation_id] = {"id": conversation_id, "participant_ids": participants}
        conversation = self.data["conversations"][conversation_id]
        conversation["last_status_id"] = status["id"]
        conversation["unread"] = status["account_id"] != self.account_id
        status["conversation_id"] = conversation_id

    def _publish_due(self, now: datetime) -> None:
        """Mastodon's scheduler: post every scheduled status whose time has come."""
        due = [s for s in self.data["scheduled_statuses"].values() if _parse_iso(s["scheduled_at"]) <= now]
        if not due:
            return
        for scheduled in sorted(due, key=lambda s: (s["scheduled_at"], _id_key(s["id"]))):
            del self.data["scheduled_statuses"][scheduled["id"]]
            fields = dict(scheduled["params"])
            if fields.get("in_reply_to_id") and fields["in_reply_to_id"] not in self.data["statuses"]:
                fields["in_reply_to_id"] = None
            fields["media_ids"] = [m for m in fields.get("media_ids", []) if m in self.data["media"]]
            status = self._post(fields, _parse_iso(scheduled["scheduled_at"]), application="Kurum Masaüstü")
            key = fields.get("idempotency")
            earlier = self.data["idempotency"].get(key or "")
            if earlier is not None and earlier["id"] == scheduled["id"]:
                earlier.update(type="status", id=status["id"])
        self.state.save()

    async def _upload_media(self, request: httpx.Request, match: Any) -> httpx.Response:
        now = self.clock()
        content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if content_type != "multipart/form-data":
            return _error(422, "Validation failed: File can't be blank")
        parts = _multipart(request)
        files = [(filename, mime, data) for name, filename, mime, data in parts if name == "file"]
        fields = {name: data.decode("utf-8", "replace") for name, filename, _mime, data in parts if filename is None}
        if not files:
            return _error(400, "param is missing or the value is empty: file")
        filename, mime, data = files[0]
        kind = SUPPORTED_MIME_TYPES.get(mime)
        if kind is None:
            return _validation("File content type is invalid, File file type is invalid")
        if not data:
            return _validation("File can't be blank")
        size_limit = self._limit("image_size_limit") if kind == "image" else self._limit("video_size_limit")
        if len(data) > size_limit:
            return _validation(f"File file size must be less than {size_limit // (1024 * 1024)} MB")
        description = fields.get("description", "")
        if grapheme_count(description) > self._limit("description_limit"):
            return _validation(f"Description is too long (maximum is {self._limit('description_limit')} characters)")
        try:
            focus = _parse_focus(fields.get("focus", ""))
        except ValueError:
            return _validation("Focus must be two numbers from -1.0 to 1.0, comma-delimited (x,y)")
        digest = hashlib.sha256(data).hexdigest()
        suffix = _EXTENSIONS.get(mime, Path(filename or "").suffix or ".bin")
        file_name = digest[:32] + suffix
        self.media_dir.mkdir(parents=True, exist_ok=True)
        stored = self.media_dir / file_name
        if not stored.exists():
            write_file_atomic(stored, data)
        deferred = kind != "image" or len(data) > SYNC_IMAGE_LIMIT or self.faults.slow_media_polls > 0
        media_id = self._new_id()
        media = {
            "id": media_id,
            "type": kind,
            "mime_type": mime,
            "size": len(data),
            "sha256": digest,
            "file_name": file_name,
            "description": description,
            "focus": list(focus) if focus is not None else None,
            "processing": "in_progress" if deferred else "complete",
            "polls_left": 1 if deferred else 0,
            "status_id": None,
            "scheduled_status_id": None,
            "created_at": _iso(now),
        }
        self.data["media"][media_id] = media
        return httpx.Response(202 if deferred else 200, json=self._media_entity(media))

    async def _get_media(self, request: httpx.Request, match: Any) -> httpx.Response:
        media = self.data["media"].get(match.group("id"))
        if media is None or media.get("status_id"):  # Mastodon finds only media not yet attached
            return self.not_found(request)
        if media["processing"] != "complete":
            if self.faults.take("slow_media_polls"):
                return httpx.Response(206, json=self._media_entity(media))
            if int(media.get("polls_left", 0)) > 0:
                media["polls_left"] = int(media["polls_left"]) - 1
                self.state.save()
                return httpx.Response(206, json=self._media_entity(media))
            media["processing"] = "complete"
            self.state.save()
        return httpx.Response(200, json=self._media_entity(media))

    async def _notifications(self, request: httpx.Request, match: Any) -> httpx.Response:
        query = self._query(request)
        # Rails permits `types[]` only: a bare `types=mention` is a scalar and is dropped.
        types = {v for k, v in query if k == "types[]"}
        excluded = {v for k, v in query if k == "exclude_types[]"}
        items = []
        for notification in self.data["notifications"].values():
            if (types and notification["type"] not in types) or notification["type"] in excluded:
                continue
            if notification.get("status_id") and notification["status_id"] not in self.data["statuses"]:
                continue
            items.append((notification["id"], notification))
        page, headers = self._page(request, items, 40, 80)
        body = [
            {
                "id": n["id"],
                "type": n["type"],
                "group_key": f"ungrouped-{n['id']}",
                "created_at": n["created_at"],
                "account": self._account_entity(n["account_id"]),
                "status": self._status_entity(self.data["statuses"][n["status_id"]]) if n.get("status_id") else None,
            }
            for n in page
        ]
        return httpx.Response(200, json=body, headers=headers)

    async def _conversations(self, request: httpx.Request, match: Any) -> httpx.Response:
        # AccountConversation paginates by last_status_id, and its Link header uses it too.
        items = [
            (c["last_status_id"], c)
            for c in self.data["conversations"].values()
            if c.get("last_status_id") in self.data["statuses"]
        ]
        page, headers = self._page(request, items, 20, 40)
        body = [
            {
                "id": c["id"],
                "unread": bool(c.get("unread", False)),
                "accounts": [self._account_entity(a) for a in c["participant_ids"] if a != self.account_id],
                "last_status": self._status_entity(self.data["statuses"][c["last_status_id"]]),
            }
            for c in page
        ]
        return httpx.Response(200, json=body, headers=headers)

    # -- for tests, the demo and `kurum-masaustu sandbox list` ------------------------------
    def add_citizen_status(
        self,
        handle: str,
        text: str,
        *,
        display_name: str = "",
        in_reply_to: str | None = None,
        direct: bool = False,
        at: datetime | None = None,
        save: bool = True,
    ) -> str:
        """A citizen writes to the account: a mention, a reply to ``in_reply_to``, or (``direct``) a DM.

        ``handle`` is ``user`` (on this instance) or ``user@domain``. The account is mentioned at
        the start of the text unless the text already mentions it, as Mastodon clients do.
        Returns the new status id. Seeding many: ``save=False`` for each, then :meth:`save` once
        (every save rewrites the whole file).
        """
        username, _, domain = handle.lstrip("@").partition("@")
        account = self._resolve(username, domain or None)
        if account is None:
            account_id = self._new_id()
            self.data["accounts"][account_id] = {
                "id": account_id,
                "username": username,
                "domain": (domain or None) if domain != self.host else None,
                "display_name": display_name or username,
                "created_at": "2025-03-01T00:00:00.000Z",
                "note": "",
                "followers_count": 40,
                "following_count": 80,
            }
        else:
            account_id = str(account["id"])
        own = self._account_record(self.account_id)
        if not any(
            u.lower() == own["username"].lower() and d in (None, self.host) for _, _, u, d in _mention_spans(text)
        ):
            text = f"@{own['username']} {text}"
        if in_reply_to is not None and in_reply_to not in self.data["statuses"]:
            raise KeyError(f"no status {in_reply_to} in the sandbox")
        fields: dict[str, Any] = {
            "text": text,
            "visibility": "direct" if direct else "public",
            "language": "tr",
            "in_reply_to_id": in_reply_to,
            "media_ids": [],
        }
        status = self._post(fields, at or self.clock(), account_id=account_id)
        if save:
            self.state.save()
        return str(status["id"])

    def add_own_status(self, text: str, *, at: datetime | None = None, save: bool = True) -> str:
        """A public status of the account itself, as if posted earlier (demo and training seeds)."""
        fields: dict[str, Any] = {
            "text": text,
            "visibility": "public",
            "language": "tr",
            "in_reply_to_id": None,
            "media_ids": [],
        }
        status = self._post(fields, at or self.clock(), account_id=self.account_id)
        if save:
            self.state.save()
        return str(status["id"])

    def save(self) -> None:
        """Write the state file (after seeding with ``save=False``)."""
        self.state.save()

    def add_reactions(self, status_id: str, *, favourites: int = 0, reblogs: int = 0) -> None:
        """Citizens favourite or boost one of the account's statuses."""
        status = self.data["statuses"][status_id]
        status["favourites_count"] = int(status.get("favourites_count", 0)) + favourites
        status["reblogs_count"] = int(status.get("reblogs_count", 0)) + reblogs
        self.state.save()

    def _sandbox_media(self, media_ids: Iterable[str]) -> tuple[SandboxMedia, ...]:
        found = []
        for media_id in media_ids:
            media = self.data["media"].get(media_id)
            if media is None:
                continue
            stored = self.media_dir / media["file_name"]
            found.append(
                SandboxMedia(
                    id=media_id,
                    type=media["type"],
                    mime_type=media["mime_type"],
                    description=media.get("description", ""),
                    size=int(media["size"]),
                    file=str(stored) if stored.exists() else None,
                    focus=_stored_focus(media),
                )
            )
        return tuple(found)

    def published(self, *, include_scheduled: bool = True) -> list[SandboxPost]:
        """What the account has posted (oldest first), then what waits in its scheduler."""
        self._publish_due(self.clock())
        posts = [
            SandboxPost(
                id=s["id"],
                text=s["text"],
                created_at=_parse_iso(s["created_at"]),
                url=self._status_url(s),
                visibility=s["visibility"],
                language=s.get("language"),
                in_reply_to_id=s.get("in_reply_to_id"),
                media=self._sandbox_media(s.get("media_ids", [])),
                poll_options=tuple(s["poll"]["options"]) if s.get("poll") else (),
                counts={
                    "replies_count": int(s.get("replies_count", 0)),
                    "reblogs_count": int(s.get("reblogs_count", 0)),
                    "favourites_count": int(s.get("favourites_count", 0)),
                },
            )
            for s in sorted(self.data["statuses"].values(), key=lambda s: _id_key(s["id"]))
            if s["account_id"] == self.account_id
        ]
        if include_scheduled:
            for scheduled in sorted(self.data["scheduled_statuses"].values(), key=lambda s: _id_key(s["id"])):
                params = scheduled["params"]
                posts.append(
                    SandboxPost(
                        id=scheduled["id"],
                        text=params["text"],
                        created_at=_parse_iso(scheduled["scheduled_at"]),
                        url="",
                        visibility=params["visibility"],
                        language=params.get("language"),
                        in_reply_to_id=params.get("in_reply_to_id"),
                        media=self._sandbox_media(params.get("media_ids", [])),
                        poll_options=tuple(params["poll"]["options"]) if params.get("poll") else (),
                        scheduled=True,
                    )
                )
        return posts
