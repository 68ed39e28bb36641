"""X (API v2): one account with an OAuth 2.0 user-context token. No Qt.

What it sends (``reference/platform_apis.md`` §3; every request is checked against
``shared/specs/x/openapi.json`` in the tests, except the OAuth token endpoint, which the spec
does not describe):

- ``POST /2/tweets`` with JSON ``{text, media: {media_ids}, poll: {options, duration_minutes},
  reply: {in_reply_to_tweet_id}}`` (the body allows no other keys); 201 ``{data: {id, text}}``.
  A thread is a chain of replies to our own previous post (``PublishRequest.reply_to``). Since
  2026 a self-serve app may reply only where the author summoned the account (mentioned or quoted
  it): otherwise 403 → ``Rejected("reply_not_allowed")``.
- Text is checked before sending with ``rules.text.measure("x", …)`` (twitter-text v3, weighted
  280); polls 2–4 options of 1–25 characters, 5–10,080 minutes, single choice, never with media;
  up to 4 images, or one GIF or video.
- Media: images (≤5 MB) in one ``POST /2/media/upload`` (multipart, ``media_category=tweet_image``);
  GIFs (≤15 MB) and videos (≤512 MB) in chunks: ``POST /2/media/upload/initialize`` (JSON),
  ``/{id}/append`` (multipart, 4 MiB segments read from the file one at a time) and
  ``/{id}/finalize``, then ``GET /2/media/upload?command=STATUS`` while ``processing_info.state``
  is pending / in_progress, waiting ``check_after_secs`` (bounded; still processing after that is
  :class:`Transient` and the media id is remembered, so the retry polls again instead of
  uploading twice). Alt text: ``POST /2/media/metadata``.
- Exactly once: X has no idempotency key and answers a repeated text with 403 "duplicate
  content". Then, and in :meth:`XAdapter.find_published`, the account's recent posts
  (``GET /2/users/{id}/tweets``) are searched for this request's post: same text (X wraps every
  link in t.co, escapes ``& < >`` and appends a media link, so links are compared as links),
  same number of media, same poll and reply target, created since the delivery was first sent
  (a duplicate of an older post is another delivery's: ``Rejected("duplicate")``).
- Tokens: the access token lives 2 hours. With a ``refresh_token`` (``offline.access``) and the
  app's ``client_id`` (public PKCE client: no secret), a 401 — or an expiry we know of — renews it
  at ``POST /2/oauth2/token`` (``grant_type=refresh_token``, form-encoded). Refresh tokens are
  single-use: the new pair is offered through :meth:`XAdapter.updated_secrets` for the keyring.
- Answers become outcomes: 401 → :class:`AuthExpired` (after one refresh); 429 →
  :class:`RateLimited` until ``x-rate-limit-reset`` (epoch seconds) or the 24-hour user/app reset
  when that one is used up; 400 → ``invalid_request``; 402 → ``payment_required`` (pay-per-use
  credits used up); 403 → ``duplicate`` / ``reply_not_allowed`` / ``reply_target_missing`` /
  ``client_forbidden`` / ``forbidden``; 404 → ``not_found``; 5xx, timeouts, network errors and
  malformed JSON → :class:`Transient`.

Inbox: mentions (``GET /2/users/{id}/mentions`` with ``since_id``; replies to our posts are
mentions too). Metrics: ``public_metrics`` from ``GET /2/tweets?ids=…``. Remote ids are post ids;
the permalink is ``https://x.com/<username>/status/<id>``.
"""

from __future__ import annotations

import asyncio
import html
import re
import unicodedata
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Final
from urllib.parse import urlsplit

import httpx

from kurum_masaustu.domain import InboxKind, Platform, PostKind
from kurum_masaustu.platforms.base import (
    AccountInfo,
    ActionOutcome,
    Adapter,
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
from kurum_masaustu.platforms.json_shape import Shape, ShapeError, iso_time, number, obj
from kurum_masaustu.rules import text as text_rules

Sleeper = Callable[[float], Awaitable[None]]
Clock = Callable[[], datetime]
Failure = AuthExpired | RateLimited | Rejected | Transient

DEFAULT_BASE_URL: Final = "https://api.x.com"
DEFAULT_APP_URL: Final = "https://x.com"
TOKEN_PATH: Final = "/2/oauth2/token"
MAX_WEIGHTED_LENGTH: Final = 280
MAX_IMAGES: Final = 4
MAX_IMAGE_BYTES: Final = 5 * 1024 * 1024
MAX_GIF_BYTES: Final = 15 * 1024 * 1024
MAX_VIDEO_BYTES: Final = 512 * 1024 * 1024
MAX_ALT_TEXT: Final = 1000
CHUNK_BYTES: Final = 4 * 1024 * 1024
POLL_MIN_OPTIONS: Final = 2
POLL_MAX_OPTIONS: Final = 4
POLL_OPTION_MAX: Final = 25
POLL_MIN_MINUTES: Final = 5
POLL_MAX_MINUTES: Final = 10_080
IMAGE_TYPES: Final = frozenset({"image/jpeg", "image/png", "image/webp"})
VIDEO_TYPES: Final = frozenset({"video/mp4", "video/quicktime"})
GIF_TYPE: Final = "image/gif"
#: At most this many STATUS polls per attempt, each after the ``check_after_secs`` X asks for
#: (capped by MAX_CHECK_AFTER); then Transient, to be continued by the retry.
MEDIA_POLLS: Final = 12
MAX_CHECK_AFTER: Final = 30.0
MEDIA_RETRY_AFTER: Final = 30.0
MEDIA_TIMEOUT: Final = httpx.Timeout(60.0, write=600.0)
#: An uploaded media id is reused by a retry only while it has this much life left.
MEDIA_REUSE_MARGIN: Final = timedelta(hours=1)
DEFAULT_RATE_LIMIT_WAIT: Final = timedelta(minutes=15)
#: Renew the access token this long before X says it expires.
REFRESH_MARGIN: Final = timedelta(minutes=2)
PAGE_SIZE: Final = 100
LOOKUP_PAGES: Final = 5  # find_published: up to 500 recent posts
INBOX_PAGES: Final = 10  # fetch_inbox: up to 1,000 new mentions per call
METRICS_BATCH: Final = 100
CLOCK_SKEW: Final = timedelta(minutes=5)

# Our codes in Rejected (stable; the UI turns them into Turkish messages).
CODE_UNSUPPORTED: Final = "unsupported"  # stories, reels
CODE_NO_NATIVE_SCHEDULE: Final = "native_schedule_unsupported"  # scheduled_at ahead: the outbox keeps the time
CODE_EMPTY: Final = "empty"
CODE_TOO_LONG: Final = "too_long"
CODE_TOO_MANY_MEDIA: Final = "too_many_media"
CODE_MEDIA_MIX: Final = "media_mix"  # a GIF or video with anything else
CODE_UNSUPPORTED_MEDIA: Final = "unsupported_media"
CODE_MEDIA_TOO_LARGE: Final = "media_too_large"
CODE_MEDIA_UNREADABLE: Final = "media_unreadable"
CODE_MEDIA_FAILED: Final = "media_processing_failed"
CODE_ALT_TOO_LONG: Final = "alt_text_too_long"
CODE_POLL_MISSING: Final = "poll_missing"
CODE_POLL_WITH_MEDIA: Final = "poll_with_media"
CODE_POLL_OPTIONS: Final = "poll_options"  # not 2–4 options
CODE_POLL_OPTION_LENGTH: Final = "poll_option_length"  # an option not 1–25 characters
CODE_POLL_DURATION: Final = "poll_duration"  # not 5–10,080 minutes
CODE_POLL_MULTIPLE: Final = "poll_multiple_unsupported"
CODE_INVALID_REQUEST: Final = "invalid_request"  # 400
CODE_PAYMENT_REQUIRED: Final = "payment_required"  # 402: pay-per-use credits used up
CODE_DUPLICATE: Final = "duplicate"  # 403: the same text was posted before (not by this delivery)
CODE_REPLY_NOT_ALLOWED: Final = "reply_not_allowed"  # 403: the author did not summon the account
CODE_REPLY_TARGET_MISSING: Final = "reply_target_missing"  # 403: the post replied to is gone
CODE_CLIENT_FORBIDDEN: Final = "client_forbidden"  # 403: the app's access level does not allow it
CODE_FORBIDDEN: Final = "forbidden"  # 403: anything else
CODE_NOT_FOUND: Final = "not_found"  # 404
CODE_TOO_LARGE: Final = "too_large"  # 413
CODE_NOT_DELETED: Final = "not_deleted"
CODE_BAD_ID: Final = "bad_id"

_ID = re.compile(r"[0-9]{1,19}")
_SPACE = re.compile(r"\s+")
#: X leaves empty lists out and never sends an empty id or text.
_JSON: Final = Shape(missing_list_is_empty=True)


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _rfc3339(moment: datetime) -> str:
    return _aware(moment).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _id_key(value: str) -> tuple[int, str]:
    """Post ids are decimal snowflakes: compare by length, then text."""
    return (len(value), value)


# -- text --------------------------------------------------------------------------------------
def compose_text(request: PublishRequest) -> str:
    """The post text: the request's text, with its link appended unless it is already there."""
    text = request.text
    if request.link and request.link not in text:
        text = f"{text.rstrip()}\n\n{request.link}" if text.strip() else request.link
    return text


def _mask_links(text: str) -> str:
    """Every link twitter-text detects as one placeholder: X shows each as a t.co link."""
    parts: list[str] = []
    position = 0
    for url in text_rules.urls(text):
        found = text.find(url, position)
        if found < 0:
            continue
        parts.append(text[position:found])
        parts.append("\x00")
        position = found + len(url)
    parts.append(text[position:])
    return "".join(parts)


def canonical_text(text: str) -> str:
    """Text as compared when looking for our own post (NFC, links masked, spaces collapsed)."""
    return _SPACE.sub(" ", _mask_links(unicodedata.normalize("NFC", text))).strip()


def post_text(post: Mapping[str, Any]) -> str:
    """A post's text as its author wrote it: entities unescaped, t.co links expanded, the
    trailing link X adds for attached media removed."""
    text = html.unescape(str(post.get("text") or ""))
    entities = post.get("entities")
    urls = entities.get("urls") if isinstance(entities, Mapping) else None
    for entity in urls if isinstance(urls, list) else []:
        if not isinstance(entity, Mapping):
            continue
        short = entity.get("url")
        if not isinstance(short, str) or not short:
            continue
        if entity.get("media_key"):
            text = text.replace(short, "")
        else:
            expanded = entity.get("expanded_url")
            text = text.replace(short, expanded if isinstance(expanded, str) and expanded else short)
    return text.strip()


def _problem_type(body: Any) -> str:
    if isinstance(body, Mapping):
        kind = body.get("type")
        if isinstance(kind, str):
            return kind.rsplit("/", 1)[-1]
    return ""


@dataclass
class _Upload:
    """A media id uploaded for (delivery, position) and not yet posted with."""

    media_id: str
    expires_at: datetime
    ready: bool
    check_after: float = 0.0  # seconds X asked us to wait before the first STATUS
    alt_done: bool = False


class XAdapter(Adapter):
    """One X account. ``settings``: ``base_url`` (default ``https://api.x.com``), ``client_id``
    (needed to renew the access token), optionally ``app_url`` and ``user_id``; ``secrets``:
    ``access_token`` and optionally ``refresh_token`` (and ``client_id``, if kept there).

    ``sleep`` and ``clock`` are injectable so tests neither wait nor depend on the wall clock.
    """

    platform = Platform.X

    def __init__(
        self,
        client: httpx.AsyncClient,
        settings: Mapping[str, Any],
        secrets: Mapping[str, str],
        *,
        sleep: Sleeper = asyncio.sleep,
        clock: Clock = _utc_now,
        media_polls: int = MEDIA_POLLS,
    ) -> None:
        super().__init__(client, settings, secrets)
        base = str(settings.get("base_url") or DEFAULT_BASE_URL).strip().rstrip("/")
        parts = urlsplit(base)
        if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment:
            raise ValueError(f"X base_url must be http(s)://host[:port], got {base!r}")
        self.base_url = base
        self._host = parts.netloc.lower()
        official = parts.hostname in ("api.x.com", "api.twitter.com")
        self.app_url = str(settings.get("app_url") or (DEFAULT_APP_URL if official else base)).rstrip("/")
        self._sleep = sleep
        self._clock = clock
        self._media_polls = media_polls
        self._access: str = self._secrets.get("access_token", "")
        self._refresh: str = self._secrets.get("refresh_token", "")
        self._client_id = str(settings.get("client_id") or self._secrets.get("client_id") or "")
        self._expires_at: datetime | None = None
        self._tokens_changed = False
        self._refresh_refused: AuthExpired | None = None
        self._token_lock = asyncio.Lock()
        user_id = settings.get("user_id")
        self._user_id: str | None = str(user_id) if user_id else None
        self._username: str | None = None
        self._name: str | None = None
        #: (idempotency key, index) → media uploaded but not yet posted with (see _upload).
        self._uploaded: dict[tuple[str, int], _Upload] = {}
        #: idempotency key → when this adapter first tried to publish it (until it is settled).
        self._attempted: dict[str, datetime] = {}

    # -- secrets ------------------------------------------------------------------------------
    def updated_secrets(self) -> Mapping[str, str] | None:
        """The complete secrets once the tokens were renewed (the refresh token is single-use)."""
        if not self._tokens_changed:
            return None
        merged = dict(self._secrets)
        merged["access_token"] = self._access
        if self._refresh:
            merged["refresh_token"] = self._refresh
        return merged

    @property
    def token_expires_at(self) -> datetime | None:
        return self._expires_at

    # -- HTTP ---------------------------------------------------------------------------------
    async def _send(
        self,
        method: str,
        path: str,
        token: str,
        *,
        params: Sequence[tuple[str, str]] | None = None,
        json_body: Mapping[str, Any] | None = None,
        files: Mapping[str, tuple[str, bytes, str]] | None = None,
        data: Mapping[str, str] | None = None,
        timeout: httpx.Timeout | None = None,
    ) -> httpx.Response | Transient:
        extra: dict[str, Any] = {}
        if timeout is not None:
            extra["timeout"] = timeout
        try:
            return await self.client.request(
                method,
                self.base_url + path,
                params=list(params) if params is not None else None,
                json=json_body,
                files=files,
                data=data,
                headers={"Authorization": f"Bearer {token}", "Accept": "application/json"},
                **extra,
            )
        except httpx.TimeoutException as exc:
            return Transient(f"timeout talking to {self._host}: {type(exc).__name__}")
        except httpx.RequestError as exc:
            return Transient(f"network error talking to {self._host}: {type(exc).__name__}: {exc}")

    async def _request(
        self,
        method: str,
        path: str,
        *,
        params: Sequence[tuple[str, str]] | None = None,
        json_body: Mapping[str, Any] | None = None,
        files: Mapping[str, tuple[str, bytes, str]] | None = None,
        data: Mapping[str, str] | None = None,
        timeout: httpx.Timeout | None = None,
    ) -> httpx.Response | Transient | AuthExpired:
        """An authenticated call; the token is renewed (once) when X refuses it or it is due."""
        if self._expires_at is not None and self._clock() >= self._expires_at - REFRESH_MARGIN and self._can_refresh():
            renewed = await self._renew(self._access)
            if renewed is not None:
                return renewed
        token = self._access
        if not token:
            return AuthExpired("no X access token for this channel")
        kwargs: dict[str, Any] = {
            "params": params,
            "json_body": json_body,
            "files": files,
            "data": data,
            "timeout": timeout,
        }
        response = await self._send(method, path, token, **kwargs)
        if isinstance(response, httpx.Response) and response.status_code == 401 and self._can_refresh():
            renewed = await self._renew(token)
            if renewed is not None:
                return renewed
            response = await self._send(method, path, self._access, **kwargs)
        return response

    def _can_refresh(self) -> bool:
        return bool(self._refresh) or self._refresh_refused is not None

    async def _renew(self, stale: str) -> AuthExpired | Transient | None:
        """Trade the refresh token for a new pair; None when a usable access token is in hand."""
        async with self._token_lock:
            if self._access and self._access != stale:
                return None  # another task renewed it meanwhile
            if self._refresh_refused is not None:
                return self._refresh_refused
            if not self._client_id:
                return AuthExpired("the X access token expired and no client_id is set to renew it")
            try:
                response = await self.client.post(
                    self.base_url + TOKEN_PATH,
                    data={
                        "grant_type": "refresh_token",
                        "refresh_token": self._refresh,
                        "client_id": self._client_id,
                    },
                    headers={"Accept": "application/json"},
                )
            except httpx.TimeoutException as exc:
                return Transient(f"timeout renewing the X token: {type(exc).__name__}")
            except httpx.RequestError as exc:
                return Transient(f"network error renewing the X token: {type(exc).__name__}: {exc}")
            if response.status_code in (400, 401):
                self._refresh_refused = AuthExpired(f"X refused the refresh token: {self._message(response)}")
                return self._refresh_refused
            if not response.is_success:
                return Transient(f"renewing the X token: HTTP {response.status_code}: {self._message(response)}")
            try:
                body = obj(self._json(response))
                access = _JSON.text(body, "access_token")
                expires_in = body.get("expires_in")
            except ShapeError as exc:
                return Transient(f"renewing the X token: {exc}")
            self._access = access
            self._refresh = _JSON.opt_text(body, "refresh_token") or self._refresh
            self._expires_at = (
                self._clock() + timedelta(seconds=expires_in)
                if isinstance(expires_in, int) and not isinstance(expires_in, bool)
                else None
            )
            self._tokens_changed = True
            return None

    @staticmethod
    def _json(response: httpx.Response) -> Any:
        try:
            return response.json()
        except ValueError as exc:
            raise ShapeError(f"malformed JSON from X (HTTP {response.status_code})") from exc

    @staticmethod
    def _message(response: httpx.Response) -> str:
        try:
            body = response.json()
        except ValueError:
            return response.text[:500] or f"HTTP {response.status_code}"
        if not isinstance(body, Mapping):
            return f"HTTP {response.status_code}"
        errors = body.get("errors")
        first = errors[0] if isinstance(errors, list) and errors and isinstance(errors[0], Mapping) else None
        if first is not None and isinstance(first.get("message"), str):
            return str(first["message"])  # the specific reason behind "One or more parameters…"
        for key in ("detail", "title", "error_description", "error"):
            if isinstance(body.get(key), str) and body[key]:
                return str(body[key])
        if first is not None and isinstance(first.get("detail"), str):
            return str(first["detail"])
        return f"HTTP {response.status_code}"

    def _rate_limit_until(self, response: httpx.Response) -> datetime:
        """The latest reset among the limits that are used up (15-minute window, 24-hour user/app)."""
        now = self._clock()
        headers = response.headers
        candidates: list[datetime] = []
        for prefix in ("x-rate-limit", "x-user-limit-24hour", "x-app-limit-24hour"):
            reset = headers.get(f"{prefix}-reset", "").strip()
            remaining = headers.get(f"{prefix}-remaining", "").strip()
            if not reset.isdigit():
                continue
            if prefix != "x-rate-limit" and remaining != "0":
                continue  # a 24-hour limit with room left is not why we were refused
            candidates.append(datetime.fromtimestamp(int(reset), UTC))
        if candidates:
            return max(max(candidates), now)
        retry = headers.get("retry-after", "").strip()
        if retry.isdigit():
            return now + timedelta(seconds=int(retry))
        return now + DEFAULT_RATE_LIMIT_WAIT

    def _failure(self, response: httpx.Response) -> Failure:
        """A non-2xx answer as an outcome."""
        status = response.status_code
        message = self._message(response)
        if status == 401:
            return AuthExpired(message)
        if status == 429:
            return RateLimited(self._rate_limit_until(response), message)
        if status >= 500 or status in (408, 409, 425):
            retry = response.headers.get("retry-after", "").strip()
            return Transient(f"HTTP {status}: {message}", float(retry) if retry.isdigit() else None)
        data: dict[str, Any] = {"status": status}
        if status == 403:
            lowered = message.lower()
            try:
                kind = _problem_type(response.json())
            except ValueError:
                kind = ""
            if "duplicate content" in lowered:
                return Rejected(CODE_DUPLICATE, message, data)
            if "reply to this conversation is not allowed" in lowered or "not been mentioned" in lowered:
                return Rejected(CODE_REPLY_NOT_ALLOWED, message, data)
            if "deleted or not visible" in lowered:
                return Rejected(CODE_REPLY_TARGET_MISSING, message, data)
            if kind == "client-forbidden":
                return Rejected(CODE_CLIENT_FORBIDDEN, message, data)
            return Rejected(CODE_FORBIDDEN, message, data)
        code = {
            400: CODE_INVALID_REQUEST,
            402: CODE_PAYMENT_REQUIRED,
            404: CODE_NOT_FOUND,
            410: CODE_NOT_FOUND,
            413: CODE_TOO_LARGE,
        }.get(status, f"http_{status}")
        return Rejected(code, message, data)

    async def _get_json(self, path: str, params: Sequence[tuple[str, str]] | None = None) -> Any | Failure:
        response = await self._request("GET", path, params=params)
        if not isinstance(response, httpx.Response):
            return response
        if not response.is_success:
            return self._failure(response)
        return self._json(response)

    def _as_transient(self, outcome: Failure) -> Transient:
        if isinstance(outcome, Transient):
            return outcome
        if isinstance(outcome, RateLimited):
            wait = max(0.0, (outcome.until - self._clock()).total_seconds())
            return Transient(f"rate limited: {outcome.detail}", wait)
        if isinstance(outcome, AuthExpired):
            return Transient(f"access token refused: {outcome.detail}")
        return Transient(f"{outcome.code}: {outcome.platform_message}")

    # -- account ------------------------------------------------------------------------------
    async def verify(self) -> AccountInfo | AuthExpired | Rejected | Transient:
        info = await self._me(force=True)
        if isinstance(info, RateLimited):
            return self._as_transient(info)
        return info

    async def _me(self, *, force: bool = False) -> AccountInfo | Failure:
        if not force and self._user_id and self._username:
            return AccountInfo(self._user_id, "@" + self._username, self._name or self._username, self._expires_at)
        try:
            got = await self._get_json(
                "/2/users/me", [("user.fields", "id,name,username,created_at,public_metrics,verified")]
            )
            if isinstance(got, Failure):
                return got
            user = obj(obj(got).get("data"))
            user_id, username = _JSON.text(user, "id"), _JSON.text(user, "username")
        except ShapeError as exc:
            return Transient(str(exc))
        self._user_id, self._username = user_id, username
        self._name = _JSON.opt_text(user, "name") or username
        return AccountInfo(user_id, "@" + username, self._name, self._expires_at)

    async def _own_id(self) -> str | Failure:
        if self._user_id is None:
            info = await self._me()
            if not isinstance(info, AccountInfo):
                return info
        assert self._user_id is not None
        return self._user_id

    def permalink(self, post_id: str) -> str:
        if self._username:
            return f"{self.app_url}/{self._username}/status/{post_id}"
        return f"{self.app_url}/i/web/status/{post_id}"

    # -- checks without a request -------------------------------------------------------------
    def check(self, request: PublishRequest) -> Rejected | None:
        """What X would refuse in this request, found without a network call."""
        if request.kind in (PostKind.STORY, PostKind.REEL):
            return Rejected(CODE_UNSUPPORTED, f"X has no {request.kind.value}")
        if request.kind is PostKind.POLL and request.poll is None:
            return Rejected(CODE_POLL_MISSING, "a poll post without poll options")
        if request.scheduled_at is not None and _aware(request.scheduled_at) > self._clock() + CLOCK_SKEW:
            return Rejected(
                CODE_NO_NATIVE_SCHEDULE,
                "X has no scheduling through its API: the post must be sent when it is due",
                {"scheduled_at": _aware(request.scheduled_at).isoformat()},
            )
        text = compose_text(request)
        if not text.strip() and not request.media:
            return Rejected(CODE_EMPTY, "an X post needs text or media")
        length = text_rules.measure(Platform.X, text)
        if length > MAX_WEIGHTED_LENGTH:
            return Rejected(
                CODE_TOO_LONG,
                f"the text weighs {length}; X allows {MAX_WEIGHTED_LENGTH} (twitter-text)",
                {"length": length, "max": MAX_WEIGHTED_LENGTH},
            )
        if request.poll is not None:
            refused = self._check_poll(request)
            if refused is not None:
                return refused
        return self._check_media(request.media)

    @staticmethod
    def _check_poll(request: PublishRequest) -> Rejected | None:
        poll = request.poll
        assert poll is not None
        if request.media:
            return Rejected(CODE_POLL_WITH_MEDIA, "X does not allow a poll and media in one post")
        if poll.multiple:
            return Rejected(CODE_POLL_MULTIPLE, "X polls are single choice")
        count = len(poll.options)
        if not POLL_MIN_OPTIONS <= count <= POLL_MAX_OPTIONS:
            return Rejected(
                CODE_POLL_OPTIONS,
                f"{count} options; X polls have {POLL_MIN_OPTIONS}–{POLL_MAX_OPTIONS}",
                {"count": count, "min": POLL_MIN_OPTIONS, "max": POLL_MAX_OPTIONS},
            )
        for option in poll.options:
            size = len(unicodedata.normalize("NFC", option.strip()))
            if not 1 <= size <= POLL_OPTION_MAX:
                return Rejected(
                    CODE_POLL_OPTION_LENGTH,
                    f"the option {option!r} has {size} characters; X allows 1–{POLL_OPTION_MAX}",
                    {"option": option, "length": size, "max": POLL_OPTION_MAX},
                )
        if not POLL_MIN_MINUTES <= poll.duration_minutes <= POLL_MAX_MINUTES:
            return Rejected(
                CODE_POLL_DURATION,
                f"{poll.duration_minutes} minutes; X polls run {POLL_MIN_MINUTES}–{POLL_MAX_MINUTES} minutes",
                {"minutes": poll.duration_minutes, "min": POLL_MIN_MINUTES, "max": POLL_MAX_MINUTES},
            )
        return None

    @staticmethod
    def _check_media(media: Sequence[MediaFile]) -> Rejected | None:
        if not media:
            return None
        kinds = [_media_kind(item.mime_type) for item in media]
        for item, kind in zip(media, kinds, strict=True):
            if kind is None:
                return Rejected(
                    CODE_UNSUPPORTED_MEDIA,
                    f"{item.path.name} ({item.mime_type}): X takes JPEG, PNG, WEBP, GIF, MP4 and MOV",
                    {"mime_type": item.mime_type},
                )
            if len(item.alt_text) > MAX_ALT_TEXT:
                return Rejected(
                    CODE_ALT_TOO_LONG,
                    f"the alt text of {item.path.name} has {len(item.alt_text)} characters; X allows {MAX_ALT_TEXT}",
                    {"length": len(item.alt_text), "max": MAX_ALT_TEXT},
                )
        if any(kind != "image" for kind in kinds) and len(media) > 1:
            return Rejected(
                CODE_MEDIA_MIX, "X takes one GIF or video per post, with nothing else", {"count": len(media)}
            )
        if len(media) > MAX_IMAGES:
            return Rejected(
                CODE_TOO_MANY_MEDIA,
                f"{len(media)} images; X allows {MAX_IMAGES} per post",
                {"count": len(media), "max": MAX_IMAGES},
            )
        return None

    # -- publishing ---------------------------------------------------------------------------
    async def publish(self, request: PublishRequest) -> Outcome:
        refused = self.check(request)
        if refused is not None:
            return refused
        started = self._attempted.setdefault(request.idempotency_key, self._clock())
        media_ids: list[str] = []
        for index, media in enumerate(request.media):
            uploaded = await self._upload(request.idempotency_key, index, media)
            if not isinstance(uploaded, str):
                return uploaded
            media_ids.append(uploaded)
        body: dict[str, Any] = {"text": compose_text(request)}
        if media_ids:
            body["media"] = {"media_ids": media_ids}
        if request.poll is not None:
            body["poll"] = {
                "options": [option.strip() for option in request.poll.options],
                "duration_minutes": request.poll.duration_minutes,
            }
        if request.reply_to:
            if not _ID.fullmatch(request.reply_to):
                return Rejected(CODE_BAD_ID, f"not an X post id: {request.reply_to!r}")
            body["reply"] = {"in_reply_to_tweet_id": request.reply_to}
        outcome = await self._post(body)
        if isinstance(outcome, Rejected) and outcome.code == CODE_DUPLICATE:
            # Our own earlier attempt of this delivery, whose answer was lost? Only a post made
            # since that attempt counts: an older one with the same text is someone else's delivery.
            found = await self._find(request, started)
            if isinstance(found, Published):
                outcome = found
            elif isinstance(found, Transient):
                return found
        if isinstance(outcome, Published | Rejected):
            self._attempted.pop(request.idempotency_key, None)
            for index in range(len(request.media)):
                self._uploaded.pop((request.idempotency_key, index), None)
        return outcome

    async def _post(self, body: Mapping[str, Any]) -> Outcome:
        response = await self._request("POST", "/2/tweets", json_body=body)
        if not isinstance(response, httpx.Response):
            return response
        if not response.is_success:
            return self._failure(response)
        try:
            data = obj(obj(self._json(response)).get("data"))
            post_id = _JSON.text(data, "id")
        except ShapeError as exc:
            # X may well have posted it: the retry's duplicate check (or find_published) tells.
            return Transient(str(exc))
        if self._username is None:
            await self._me()  # for the permalink; a failure leaves the /i/web/ form
        return Published(post_id, self.permalink(post_id))

    # -- media --------------------------------------------------------------------------------
    async def _upload(self, key: str, index: int, media: MediaFile) -> str | Failure:
        """Upload one file (or continue with the one an earlier attempt uploaded) until ready."""
        now = self._clock()
        earlier = self._uploaded.get((key, index))
        if earlier is not None and earlier.expires_at - MEDIA_REUSE_MARGIN > now:
            ready = earlier.media_id if earlier.ready else await self._await_media(earlier, key, index)
            if not isinstance(ready, str):
                return ready
            return await self._alt_text(earlier, media)
        self._uploaded.pop((key, index), None)
        kind = _media_kind(media.mime_type)
        try:
            size = await asyncio.to_thread(lambda: media.path.stat().st_size)
        except OSError as exc:
            return Rejected(CODE_MEDIA_UNREADABLE, f"{media.path.name}: {exc.strerror or exc}")
        limit = {"image": MAX_IMAGE_BYTES, "gif": MAX_GIF_BYTES}.get(kind or "", MAX_VIDEO_BYTES)
        if size > limit:
            return Rejected(
                CODE_MEDIA_TOO_LARGE,
                f"{media.path.name} is {size:,} bytes; X takes up to {limit:,} for this type",
                {"bytes": size, "max_bytes": limit},
            )
        if kind == "image":
            got = await self._upload_simple(media, index)
        else:
            got = await self._upload_chunked(media, index, size, "tweet_gif" if kind == "gif" else "tweet_video")
        if not isinstance(got, _Upload):
            return got
        self._uploaded[(key, index)] = got
        if not got.ready:
            ready = await self._await_media(got, key, index)
            if not isinstance(ready, str):
                return ready
        return await self._alt_text(got, media)

    def _upload_record(self, data: Mapping[str, Any], *, check_processing: bool) -> _Upload:
        media_id = _JSON.text(data, "id")
        if not _ID.fullmatch(media_id):
            raise ShapeError(f"not a media id: {media_id!r}")
        expires = data.get("expires_after_secs")
        lifetime = timedelta(seconds=expires) if isinstance(expires, int) and expires > 0 else timedelta(hours=24)
        info = data.get("processing_info")
        state = info.get("state") if isinstance(info, Mapping) else None
        ready = not check_processing or state in (None, "succeeded")
        check_after = info.get("check_after_secs") if isinstance(info, Mapping) else None
        wait = float(min(max(number(check_after) or 0, 1), MAX_CHECK_AFTER)) if not ready else 0.0
        return _Upload(media_id, self._clock() + lifetime, ready, wait)

    async def _upload_simple(self, media: MediaFile, index: int) -> _Upload | Failure:
        try:
            content = await asyncio.to_thread(media.path.read_bytes)
        except OSError as exc:
            return Rejected(CODE_MEDIA_UNREADABLE, f"{media.path.name}: {exc.strerror or exc}")
        name = f"media{index + 1}{media.path.suffix.lower()}"  # the local file name stays on the laptop
        response = await self._request(
            "POST",
            "/2/media/upload",
            files={"media": (name, content, media.mime_type)},
            data={"media_category": "tweet_image"},
            timeout=MEDIA_TIMEOUT,
        )
        if not isinstance(response, httpx.Response):
            return response
        if not response.is_success:
            return self._failure(response)
        try:
            return self._upload_record(obj(obj(self._json(response)).get("data")), check_processing=True)
        except ShapeError as exc:
            return Transient(str(exc))

    async def _upload_chunked(self, media: MediaFile, index: int, size: int, category: str) -> _Upload | Failure:
        response = await self._request(
            "POST",
            "/2/media/upload/initialize",
            json_body={"media_type": media.mime_type, "total_bytes": size, "media_category": category},
        )
        if not isinstance(response, httpx.Response):
            return response
        if not response.is_success:
            return self._failure(response)
        try:
            media_id = _JSON.text(obj(obj(self._json(response)).get("data")), "id")
        except ShapeError as exc:
            return Transient(str(exc))
        if not _ID.fullmatch(media_id):
            return Transient(f"X gave an upload id that is not a media id: {media_id!r}")
        for segment, offset in enumerate(range(0, max(size, 1), CHUNK_BYTES)):
            try:
                chunk = await asyncio.to_thread(_read_chunk, media.path, offset, CHUNK_BYTES)
            except OSError as exc:
                return Rejected(CODE_MEDIA_UNREADABLE, f"{media.path.name}: {exc.strerror or exc}")
            response = await self._request(
                "POST",
                f"/2/media/upload/{media_id}/append",
                files={"media": (f"media{index + 1}.part{segment}", chunk, "application/octet-stream")},
                data={"segment_index": str(segment)},
                timeout=MEDIA_TIMEOUT,
            )
            if not isinstance(response, httpx.Response):
                return response
            if not response.is_success:
                return self._failure(response)
        response = await self._request("POST", f"/2/media/upload/{media_id}/finalize")
        if not isinstance(response, httpx.Response):
            return response
        if not response.is_success:
            return self._failure(response)
        try:
            data = obj(obj(self._json(response)).get("data"))
            record = self._upload_record(data, check_processing=True)
            info = data.get("processing_info")
            if isinstance(info, Mapping) and info.get("state") == "failed":
                return Rejected(CODE_MEDIA_FAILED, f"X could not process {media.path.name}", {"media_id": media_id})
        except ShapeError as exc:
            return Transient(str(exc))
        return record

    async def _await_media(self, upload: _Upload, key: str, index: int) -> str | Failure:
        """Poll STATUS until the media is ready, waiting as long as X asks (bounded)."""
        wait, upload.check_after = upload.check_after, 0.0  # a retry checks at once
        for _ in range(self._media_polls):
            if wait > 0:
                await self._sleep(wait)
            got = await self._get_json("/2/media/upload", [("media_id", upload.media_id), ("command", "STATUS")])
            if isinstance(got, Failure):
                if isinstance(got, Rejected) and got.code == CODE_NOT_FOUND:
                    self._uploaded.pop((key, index), None)
                    return Transient("uploaded media disappeared before it was ready; it will be uploaded again")
                return got
            try:
                info = obj(obj(got).get("data")).get("processing_info")
            except ShapeError as exc:
                return Transient(str(exc))
            state = info.get("state") if isinstance(info, Mapping) else None
            if state in (None, "succeeded"):
                upload.ready = True
                return upload.media_id
            if state == "failed":
                self._uploaded.pop((key, index), None)
                return Rejected(CODE_MEDIA_FAILED, "X could not process the media", {"media_id": upload.media_id})
            check_after = info.get("check_after_secs") if isinstance(info, Mapping) else None
            wait = float(min(max(number(check_after) or 0, 1), MAX_CHECK_AFTER))
        return Transient(f"media {upload.media_id} is still processing on X", MEDIA_RETRY_AFTER)

    async def _alt_text(self, upload: _Upload, media: MediaFile) -> str | Failure:
        if not media.alt_text.strip() or upload.alt_done:
            return upload.media_id
        response = await self._request(
            "POST",
            "/2/media/metadata",
            json_body={"id": upload.media_id, "metadata": {"alt_text": {"text": media.alt_text}}},
        )
        if not isinstance(response, httpx.Response):
            return response
        if not response.is_success:
            return self._failure(response)
        upload.alt_done = True
        return upload.media_id

    # -- reconciling after a crash ------------------------------------------------------------
    async def find_published(self, request: PublishRequest, since: datetime) -> Published | Transient | None:
        """The post this request created, if the account has it (read-only).

        X keeps no idempotency key: the account's posts since ``since`` (less a few minutes of clock
        skew) are matched by text, number of media, poll and reply target.
        """
        found = await self._find(request, _aware(since))
        if isinstance(found, Failure):
            return self._as_transient(found)
        return found

    async def _find(self, request: PublishRequest, since: datetime) -> Published | Failure | None:
        user_id = await self._own_id()
        if not isinstance(user_id, str):
            return user_id
        wanted = canonical_text(compose_text(request))
        oldest = since - CLOCK_SKEW
        params: list[tuple[str, str]] = [
            ("max_results", str(PAGE_SIZE)),
            ("start_time", _rfc3339(oldest)),
            ("exclude", "retweets"),
            ("post.fields", "attachments,conversation_id,created_at,entities"),
            ("expansions", "referenced_posts"),
        ]
        token: str | None = None
        try:
            for _ in range(LOOKUP_PAGES):
                got = await self._get_json(
                    f"/2/users/{user_id}/tweets", params + ([("pagination_token", token)] if token else [])
                )
                if isinstance(got, Failure):
                    return got
                body = obj(got)
                for item in _JSON.items(body.get("data")):
                    post = obj(item)
                    if self._matches(post, request, wanted, oldest):
                        post_id = _JSON.text(post, "id")
                        return Published(post_id, self.permalink(post_id))
                meta = body.get("meta")
                token = _JSON.opt_text(meta, "next_token") if isinstance(meta, Mapping) else None
                if not token:
                    return None
        except ShapeError as exc:
            return Transient(str(exc))
        return None

    @staticmethod
    def _matches(post: Mapping[str, Any], request: PublishRequest, wanted: str, oldest: datetime) -> bool:
        created = post.get("created_at")
        if created is not None and iso_time(created) < oldest:
            return False
        if canonical_text(post_text(post)) != wanted:
            return False
        attachments = post.get("attachments")
        attached = attachments if isinstance(attachments, Mapping) else {}
        if len(_JSON.items(attached.get("media_keys"))) != len(request.media):
            return False
        if (request.poll is not None) != bool(_JSON.items(attached.get("poll_ids"))):
            return False
        replied = [
            _JSON.opt_text(obj(ref), "id")
            for ref in _JSON.items(post.get("referenced_posts") or post.get("referenced_tweets"))
            if obj(ref).get("type") == "replied_to"
        ]
        return (request.reply_to or None) == (replied[0] if replied else None)

    # -- after publishing ---------------------------------------------------------------------
    async def delete(self, remote_id: str) -> ActionOutcome:
        if not _ID.fullmatch(remote_id):
            return Rejected(CODE_BAD_ID, f"not an X post id: {remote_id!r}")
        response = await self._request("DELETE", f"/2/tweets/{remote_id}")
        if not isinstance(response, httpx.Response):
            return response
        if response.status_code in (404, 410):
            return Done()  # not there: what a delete wants
        if not response.is_success:
            return self._failure(response)
        try:
            deleted = obj(obj(self._json(response)).get("data")).get("deleted")
        except ShapeError as exc:
            return Transient(str(exc))
        if deleted is True:
            return Done()
        return Rejected(CODE_NOT_DELETED, "X answered that the post was not deleted", {"id": remote_id})

    async def reply(self, parent_remote_id: str, text: str, idempotency_key: str) -> Outcome:
        """Answer a post (a mention or a reply to us: X allows replies where we were summoned)."""
        return await self.publish(PublishRequest(text=text, idempotency_key=idempotency_key, reply_to=parent_remote_id))

    async def hide(self, remote_id: str) -> ActionOutcome:
        """Hide a reply in a conversation the account started (``PUT /2/tweets/{id}/hidden``)."""
        if not _ID.fullmatch(remote_id):
            return Rejected(CODE_BAD_ID, f"not an X post id: {remote_id!r}")
        response = await self._request("PUT", f"/2/tweets/{remote_id}/hidden", json_body={"hidden": True})
        if not isinstance(response, httpx.Response):
            return response
        if not response.is_success:
            return self._failure(response)
        return Done()

    async def metrics(self, remote_ids: Sequence[str]) -> Mapping[str, Metrics] | Transient:
        """``public_metrics`` per post (likes, reposts, replies, quotes, bookmarks, impressions)."""
        ids = [remote_id for remote_id in dict.fromkeys(remote_ids) if _ID.fullmatch(remote_id)]
        found: dict[str, Metrics] = {}
        for start in range(0, len(ids), METRICS_BATCH):
            batch = ids[start : start + METRICS_BATCH]
            try:
                got = await self._get_json("/2/tweets", [("ids", ",".join(batch)), ("post.fields", "public_metrics")])
                if isinstance(got, Failure):
                    return self._as_transient(got)
                for item in _JSON.items(obj(got).get("data")):
                    post = obj(item)
                    counts = post.get("public_metrics")
                    if not isinstance(counts, Mapping):
                        continue
                    found[_JSON.text(post, "id")] = Metrics(
                        {key: value for key, value in counts.items() if number(value) is not None}
                    )
            except ShapeError as exc:
                return Transient(str(exc))
        return found

    # -- inbox --------------------------------------------------------------------------------
    async def fetch_inbox(self, cursor: str | None) -> InboxPage | AuthExpired | RateLimited | Transient:
        """Mentions of the account (replies to its posts included) newer than ``cursor``.

        The cursor is the newest post id seen (``since_id``). X pages newest first with
        ``next_token``; with a cursor every page back to it is read (bounded), without one only
        the newest page (a new channel does not import its whole history).
        """
        since = cursor if cursor and _ID.fullmatch(cursor) else None
        user_id = await self._own_id()
        if not isinstance(user_id, str):
            return self._inbox_failure(user_id)
        params: list[tuple[str, str]] = [
            ("max_results", str(PAGE_SIZE)),
            ("post.fields", "conversation_id,created_at,entities"),
            ("expansions", "author_id,in_reply_to_user_id,referenced_posts"),
            ("user.fields", "name,username"),
        ]
        if since is not None:
            params.append(("since_id", since))
        items: dict[str, RemoteItem] = {}
        newest = since
        token: str | None = None
        try:
            for _ in range(INBOX_PAGES):
                got = await self._get_json(
                    f"/2/users/{user_id}/mentions", params + ([("pagination_token", token)] if token else [])
                )
                if isinstance(got, Failure):
                    return self._inbox_failure(got)
                body = obj(got)
                includes = body.get("includes")
                users = {
                    _JSON.text(obj(user), "id"): obj(user)
                    for user in _JSON.items(includes.get("users") if isinstance(includes, Mapping) else None)
                }
                for entry in _JSON.items(body.get("data")):
                    post = obj(entry)
                    post_id = _JSON.text(post, "id")
                    if newest is None or _id_key(post_id) > _id_key(newest):
                        newest = post_id
                    item = self._remote_item(post, users, user_id)
                    if item is not None:
                        items[item.remote_id] = item
                meta = body.get("meta")
                token = _JSON.opt_text(meta, "next_token") if isinstance(meta, Mapping) else None
                if since is None or not token:
                    break
        except ShapeError as exc:
            return Transient(str(exc))
        ordered = tuple(sorted(items.values(), key=lambda i: (i.created_at, _id_key(i.remote_id))))
        return InboxPage(ordered, newest if newest is not None else cursor)

    def _inbox_failure(self, outcome: Failure) -> AuthExpired | RateLimited | Transient:
        return self._as_transient(outcome) if isinstance(outcome, Rejected) else outcome

    @staticmethod
    def _remote_item(post: Mapping[str, Any], users: Mapping[str, Mapping[str, Any]], own_id: str) -> RemoteItem | None:
        author_id = _JSON.opt_text(post, "author_id")
        if author_id == own_id:
            return None  # our own post mentioning ourselves (a thread)
        author = users.get(author_id or "", {})
        username = _JSON.opt_text(author, "username") or (author_id or "")
        replied = [
            _JSON.opt_text(obj(ref), "id")
            for ref in _JSON.items(post.get("referenced_posts") or post.get("referenced_tweets"))
            if obj(ref).get("type") == "replied_to"
        ]
        parent = replied[0] if replied else None
        to_us = _JSON.opt_text(post, "in_reply_to_user_id") == own_id and parent is not None
        return RemoteItem(
            remote_id=_JSON.text(post, "id"),
            kind=InboxKind.REPLY if to_us else InboxKind.MENTION,
            author_name=_JSON.opt_text(author, "name") or username,
            author_handle="@" + username,
            text=post_text(post),
            created_at=iso_time(post.get("created_at")),
            parent_remote_id=parent,
            post_remote_id=parent if to_us else None,
        )


def _media_kind(mime_type: str) -> str | None:
    if mime_type in IMAGE_TYPES:
        return "image"
    if mime_type == GIF_TYPE:
        return "gif"
    if mime_type in VIDEO_TYPES:
        return "video"
    return None


def _read_chunk(path: Path, offset: int, size: int) -> bytes:
    with path.open("rb") as handle:
        handle.seek(offset)
        return handle.read(size)
