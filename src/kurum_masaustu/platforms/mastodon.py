"""Mastodon: one account on any instance (``settings["base_url"]``), with a bearer token.

What it sends (``reference/platform_apis.md`` §5; checked against ``shared/specs/mastodon``):

- ``POST /api/v1/statuses`` as JSON, always with ``Idempotency-Key`` = the delivery's key, so a
  retry within the hour Mastodon keeps the key returns the original status instead of a second one;
  ``visibility: public``, ``language``, ``in_reply_to_id``, ``poll`` (``options``, ``expires_in`` in
  seconds, ``multiple``; never with media) and ``scheduled_at`` (≥ 5 min ahead: the instance keeps
  the post and publishes it with the laptop closed → ``Published(scheduled=True)``).
- Media first, one file at a time, through ``POST /api/v2/media`` (alt text as ``description``,
  the focal point when one was set as ``focus`` "x,y" in −1…1 with y upwards, see ``rules.focus``):
  200 is ready; 202 is polled with ``GET /api/v1/media/:id`` (206 → 200) a bounded number of times,
  waiting with the injected ``sleep``; still processing after that is :class:`Transient`, and the
  uploaded id is remembered so the retry polls again instead of uploading the file twice.
- Answers become outcomes, never exceptions: 401 → :class:`AuthExpired`; 429 → :class:`RateLimited`
  until ``X-RateLimit-Reset`` (ISO 8601), else ``Retry-After``, else 5 min; 422 → ``Rejected("validation")``
  with Mastodon's ``error``; 5xx, timeouts, network errors and malformed JSON → :class:`Transient`.

Remote ids are status ids; a post handed to the instance's scheduler is ``scheduled:<id>`` (its
ScheduledStatus id) until Mastodon publishes it under a new status id, which :meth:`find_published`
then finds. No Qt here.
"""

from __future__ import annotations

import asyncio
import json
import re
import unicodedata
from collections.abc import Awaitable, Callable, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
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
from kurum_masaustu.rules.focus import mastodon_focus_param

Sleeper = Callable[[float], Awaitable[None]]
Clock = Callable[[], datetime]
Failure = AuthExpired | RateLimited | Rejected | Transient

SCHEDULED_PREFIX: Final = "scheduled:"
MIN_SCHEDULE_AHEAD: Final = timedelta(minutes=5)
DEFAULT_RATE_LIMIT_WAIT: Final = timedelta(minutes=5)
#: Waits before each ``GET /api/v1/media/:id`` (seconds); about 45 s in all, then Transient.
MEDIA_POLL_DELAYS: Final[tuple[float, ...]] = (1, 1, 2, 2, 3, 5, 5, 5, 10, 10)
MEDIA_RETRY_AFTER: Final = 30.0
MEDIA_TIMEOUT: Final = httpx.Timeout(60.0, write=600.0)
DEFAULT_MAX_MEDIA: Final = 4
PAGE_LIMIT: Final = 40
LOOKUP_PAGES: Final = 5  # find_published: up to 200 recent statuses / scheduled statuses
INBOX_PAGES: Final = 10  # fetch_inbox: up to 400 new notifications and 400 conversations per call
#: fetch_inbox parses this many statuses between two turns of the event loop.
INBOX_YIELD_EVERY: Final = 20
#: find_published accepts a status created this long before ``since`` (laptop vs instance clock).
CLOCK_SKEW: Final = timedelta(minutes=5)

# Our codes in Rejected (stable; the UI turns them into Turkish messages).
CODE_VALIDATION: Final = "validation"  # 422: Mastodon's message in platform_message
CODE_BAD_REQUEST: Final = "bad_request"  # 400
CODE_FORBIDDEN: Final = "forbidden"  # 403: suspended account, missing scope
CODE_NOT_FOUND: Final = "not_found"  # 404: e.g. the status replied to is gone
CODE_GONE: Final = "gone"  # 410
CODE_TOO_LARGE: Final = "too_large"  # 413 from the instance's web server
CODE_UNSUPPORTED: Final = "unsupported"  # stories, reels
CODE_POLL_WITH_MEDIA: Final = "poll_with_media"
CODE_POLL_MISSING: Final = "poll_missing"
CODE_TOO_MANY_MEDIA: Final = "too_many_media"
CODE_MEDIA_UNREADABLE: Final = "media_unreadable"
CODE_SCHEDULE_TOO_SOON: Final = "schedule_too_soon"
CODE_NOT_SCHEDULED: Final = "not_scheduled"  # the scheduled post was already published or cancelled
CODE_BAD_ID: Final = "bad_id"

_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
_REMOTE_MENTION = re.compile(r"(?<![=/\w])@([a-z0-9_]+(?:[a-z0-9_.-]+[a-z0-9_]+)?)@[\w.-]+\w", re.IGNORECASE)
_LEADING_MENTIONS = re.compile(r"^(?:@[\w.-]+(?:@[\w.-]+\w)?\s+)+")
_VISIBILITY_ORDER: Final = ("public", "unlisted", "private", "direct")
#: Some Mastodon-compatible servers send ids as numbers; empty strings are values (spoiler_text).
_JSON: Final = Shape(numbers_as_text=True, empty_text=True, keep_empty=True)


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _iso(moment: datetime) -> str:
    moment = _aware(moment).astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def _id_key(value: str) -> tuple[int, str]:
    """Mastodon ids are decimal strings: compare by length, then text."""
    return (len(value), value)


class _PlainText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._paragraphs = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.parts.append("\n")
        elif tag == "p":
            if self._paragraphs:
                self.parts.append("\n\n")
            self._paragraphs += 1

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_to_text(content: str) -> str:
    """A status's HTML as the plain text a person wrote (links whole, never interpreted)."""
    parser = _PlainText()
    parser.feed(content)
    parser.close()
    return "".join(parser.parts)


def _canonical(text: str) -> str:
    """Text as compared when looking for our own post: NFC, mentions as Mastodon shows them."""
    text = unicodedata.normalize("NFC", text)
    text = _REMOTE_MENTION.sub(lambda m: "@" + m.group(1), text)
    text = " ".join(text.split())
    return _LEADING_MENTIONS.sub("", text + " ").strip()


def compose_text(request: PublishRequest) -> str:
    """The status text: the request's text, with its link appended unless it is already there."""
    text = request.text
    if request.link and request.link not in text:
        text = f"{text.rstrip()}\n\n{request.link}" if text.strip() else request.link
    return text


def _language(code: str) -> str | None:
    primary = code.replace("_", "-").split("-")[0].strip().lower()
    return primary if len(primary) in (2, 3) and primary.isalpha() else None


class MastodonAdapter(Adapter):
    """A Mastodon account. ``settings``: ``base_url`` (``https://instance``; ``http://127.0.0.1:port``
    works too), optionally ``account_id``; ``secrets``: ``access_token``.

    ``sleep``, ``clock`` and ``media_poll_delays`` are injectable so tests neither wait nor depend
    on the wall clock.
    """

    platform = Platform.MASTODON

    def __init__(
        self,
        client: httpx.AsyncClient,
        settings: Mapping[str, Any],
        secrets: Mapping[str, str],
        *,
        sleep: Sleeper = asyncio.sleep,
        clock: Clock = _utc_now,
        media_poll_delays: Sequence[float] = MEDIA_POLL_DELAYS,
    ) -> None:
        super().__init__(client, settings, secrets)
        base = str(settings.get("base_url", "")).strip().rstrip("/")
        parts = urlsplit(base)
        if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment:
            raise ValueError(f"Mastodon base_url must be http(s)://host[:port][/path], got {base!r}")
        self.base_url = base
        self._origin = (parts.scheme, parts.netloc.lower())
        self._sleep = sleep
        self._clock = clock
        self._poll_delays = tuple(media_poll_delays)
        account_id = settings.get("account_id")
        self._account_id: str | None = str(account_id) if account_id else None
        self._max_media: int | None = None
        #: (idempotency key, index) → media id uploaded but not yet attached (see _upload).
        self._uploaded: dict[tuple[str, int], str] = {}

    # -- HTTP ---------------------------------------------------------------------------------
    def _same_origin(self, url: str) -> bool:
        parts = urlsplit(url)
        return (parts.scheme, parts.netloc.lower()) == self._origin

    async def _request(
        self,
        method: str,
        target: str,
        *,
        params: Sequence[tuple[str, str]] | None = None,
        json_body: Mapping[str, Any] | None = None,
        files: Mapping[str, tuple[str, bytes, str]] | None = None,
        data: Mapping[str, str] | None = None,
        headers: Mapping[str, str] | None = None,
        timeout: httpx.Timeout | None = None,
    ) -> httpx.Response | Transient | AuthExpired:
        token = self._secrets.get("access_token", "")
        if not token:
            return AuthExpired("no Mastodon access token for this channel")
        url = self.base_url + target if target.startswith("/") else target
        extra: dict[str, Any] = {}
        if timeout is not None:
            extra["timeout"] = timeout
        try:
            return await self.client.request(
                method,
                url,
                params=list(params) if params is not None else None,
                json=json_body,
                files=files,
                data=data,
                headers={"Authorization": f"Bearer {token}", "Accept": "application/json", **(headers or {})},
                **extra,
            )
        except httpx.TimeoutException as exc:
            return Transient(f"timeout talking to {self._origin[1]}: {type(exc).__name__}")
        except httpx.RequestError as exc:
            return Transient(f"network error talking to {self._origin[1]}: {type(exc).__name__}: {exc}")

    @staticmethod
    def _message(response: httpx.Response) -> str:
        try:
            body = response.json()
        except ValueError:
            return response.text[:500] or f"HTTP {response.status_code}"
        if isinstance(body, Mapping) and isinstance(body.get("error"), str):
            return str(body["error"])
        return f"HTTP {response.status_code}"

    def _rate_limit_until(self, response: httpx.Response) -> datetime:
        now = self._clock()
        reset = response.headers.get("x-ratelimit-reset")
        if reset:
            try:
                return max(iso_time(reset.strip()), now)
            except ShapeError:
                pass
        retry = response.headers.get("retry-after")
        if retry:
            retry = retry.strip()
            if retry.isdigit():
                return now + timedelta(seconds=int(retry))
            try:
                return max(_aware(parsedate_to_datetime(retry)), now)
            except (TypeError, ValueError):
                pass
        return now + DEFAULT_RATE_LIMIT_WAIT

    def _retry_after(self, response: httpx.Response) -> float | None:
        retry = response.headers.get("retry-after", "").strip()
        return float(retry) if retry.isdigit() else None

    def _failure(self, response: httpx.Response) -> Failure:
        """A non-2xx answer as an outcome."""
        status = response.status_code
        message = self._message(response)
        if status == 401:
            return AuthExpired(message)
        if status == 429:
            return RateLimited(self._rate_limit_until(response), message)
        if status >= 500 or status in (408, 409, 425):
            return Transient(f"HTTP {status}: {message}", self._retry_after(response))
        code = {
            400: CODE_BAD_REQUEST,
            403: CODE_FORBIDDEN,
            404: CODE_NOT_FOUND,
            410: CODE_GONE,
            413: CODE_TOO_LARGE,
            422: CODE_VALIDATION,
        }.get(status, f"http_{status}")
        return Rejected(code, message, {"status": status})

    @staticmethod
    def _json(response: httpx.Response) -> Any:
        try:
            return response.json()
        except ValueError as exc:
            raise ShapeError(f"malformed JSON from the instance (HTTP {response.status_code})") from exc

    async def _get_json(
        self, target: str, params: Sequence[tuple[str, str]] | None = None
    ) -> tuple[Any, httpx.Response] | Failure:
        response = await self._request("GET", target, params=params)
        if not isinstance(response, httpx.Response):
            return response
        if not response.is_success:
            return self._failure(response)
        return self._json(response), response

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
        info = await self._account()
        if isinstance(info, RateLimited):
            return self._as_transient(info)
        return info

    async def _account(self) -> AccountInfo | Failure:
        try:
            got = await self._get_json("/api/v1/accounts/verify_credentials")
            if not isinstance(got, tuple):
                return got
            account = obj(got[0])
            account_id = _JSON.text(account, "id")
            acct = _JSON.text(account, "acct")
            username = _JSON.text(account, "username")
        except ShapeError as exc:
            return Transient(str(exc))
        self._account_id = account_id
        if "@" not in acct:  # a local account: its instance's domain, from its profile URL
            domain = urlsplit(_JSON.opt_text(account, "url") or "").hostname or urlsplit(self.base_url).hostname
            acct = f"{acct}@{domain}"
        display = account.get("display_name")
        return AccountInfo(
            remote_id=account_id,
            handle="@" + acct,
            display_name=display if isinstance(display, str) and display else username,
        )

    async def _own_account_id(self) -> str | Failure:
        if self._account_id is None:
            info = await self._account()
            if not isinstance(info, AccountInfo):
                return info
        assert self._account_id is not None
        return self._account_id

    async def _media_limit(self) -> int:
        """``configuration.statuses.max_media_attachments`` of the instance (4 if it cannot tell)."""
        if self._max_media is None:
            try:
                got = await self._get_json("/api/v2/instance")
                if not isinstance(got, tuple):
                    return DEFAULT_MAX_MEDIA
                value = obj(obj(obj(got[0]).get("configuration")).get("statuses")).get("max_media_attachments")
                self._max_media = value if isinstance(value, int) and value > 0 else DEFAULT_MAX_MEDIA
            except ShapeError:
                return DEFAULT_MAX_MEDIA
        return self._max_media

    # -- publishing ---------------------------------------------------------------------------
    async def publish(self, request: PublishRequest) -> Outcome:
        if request.kind in (PostKind.STORY, PostKind.REEL):
            return Rejected(CODE_UNSUPPORTED, f"Mastodon has no {request.kind.value}")
        if request.kind is PostKind.POLL and request.poll is None:
            return Rejected(CODE_POLL_MISSING, "a poll post without poll options")
        if request.poll is not None and request.media:
            return Rejected(CODE_POLL_WITH_MEDIA, "Mastodon does not allow a poll and media in one post")
        scheduled_at: datetime | None = None
        if request.scheduled_at is not None:
            scheduled_at = _aware(request.scheduled_at)
            now = self._clock()
            if scheduled_at <= now:
                scheduled_at = None  # due already: post now, as Mastodon itself would
            elif scheduled_at - now < MIN_SCHEDULE_AHEAD:
                return Rejected(
                    CODE_SCHEDULE_TOO_SOON,
                    "Mastodon schedules posts at least 5 minutes ahead",
                    {"scheduled_at": _iso(scheduled_at)},
                )
        if request.media:
            limit = await self._media_limit()
            if len(request.media) > limit:
                return Rejected(CODE_TOO_MANY_MEDIA, f"this instance allows {limit} files per post", {"limit": limit})

        media_ids: list[str] = []
        for index, media in enumerate(request.media):
            uploaded = await self._upload(request.idempotency_key, index, media)
            if not isinstance(uploaded, str):
                return uploaded
            media_ids.append(uploaded)

        body: dict[str, Any] = {"visibility": "public"}
        text = compose_text(request)
        if text or not media_ids:
            body["status"] = text
        if media_ids:
            body["media_ids"] = media_ids
        if request.poll is not None:
            body["poll"] = {
                "options": list(request.poll.options),
                "expires_in": request.poll.duration_minutes * 60,
                "multiple": request.poll.multiple,
            }
        if request.reply_to:
            body["in_reply_to_id"] = request.reply_to
        language = _language(request.language)
        if language:
            body["language"] = language
        if scheduled_at is not None:
            body["scheduled_at"] = _iso(scheduled_at)
        outcome = await self._post_status(body, request.idempotency_key)
        if isinstance(outcome, Published | Rejected):
            for index in range(len(request.media)):
                self._uploaded.pop((request.idempotency_key, index), None)
        return outcome

    async def _post_status(self, body: Mapping[str, Any], idempotency_key: str) -> Outcome:
        response = await self._request(
            "POST", "/api/v1/statuses", json_body=body, headers={"Idempotency-Key": idempotency_key}
        )
        if not isinstance(response, httpx.Response):
            return response
        if not response.is_success:
            return self._failure(response)
        try:
            return self._published(obj(self._json(response)))
        except ShapeError as exc:
            # The instance may well have posted it: the retry's Idempotency-Key (or find_published) tells.
            return Transient(str(exc))

    def _published(self, entity: Mapping[str, Any]) -> Published:
        if "params" in entity and "scheduled_at" in entity and "content" not in entity:
            return Published(SCHEDULED_PREFIX + _JSON.text(entity, "id"), "", scheduled=True)
        permalink = _JSON.opt_text(entity, "url") or _JSON.opt_text(entity, "uri") or ""
        return Published(_JSON.text(entity, "id"), permalink)

    @staticmethod
    def _media_fields(media: MediaFile) -> dict[str, str]:
        """``description`` (the alt text) and ``focus`` ("x,y", only when a focal point was set)."""
        fields = {"description": media.alt_text} if media.alt_text else {}
        focus = mastodon_focus_param(media.focal)
        if focus is not None:
            fields["focus"] = focus
        return fields

    async def _upload(self, key: str, index: int, media: MediaFile) -> str | Failure:
        """Upload one file and wait until it is ready.

        A retry of the same delivery first asks for the file an earlier attempt uploaded: still
        unattached (the status was refused or never reached the instance), it is used again
        rather than uploaded twice; attached or gone (404), the file is uploaded again.
        """
        earlier = self._uploaded.get((key, index))
        if earlier is not None:
            ready = await self._await_media(key, index, earlier, check_first=True)
            if ready is not None:
                return ready
        try:
            content = await asyncio.to_thread(media.path.read_bytes)
        except OSError as exc:
            return Rejected(CODE_MEDIA_UNREADABLE, f"{media.path.name}: {exc.strerror or exc}")
        name = f"media{index + 1}{media.path.suffix.lower()}"  # the local file name stays on the laptop
        response = await self._request(
            "POST",
            "/api/v2/media",
            files={"file": (name, content, media.mime_type)},
            data=self._media_fields(media) or None,
            timeout=MEDIA_TIMEOUT,
        )
        if not isinstance(response, httpx.Response):
            return response
        if not response.is_success:
            return self._failure(response)
        try:
            entity = obj(self._json(response))
            media_id = _JSON.text(entity, "id")
        except ShapeError as exc:
            return Transient(str(exc))
        self._uploaded[(key, index)] = media_id
        if response.status_code == 200 and entity.get("url"):
            return media_id
        ready = await self._await_media(key, index, media_id)
        return ready if ready is not None else Transient("uploaded media disappeared before it was ready")

    async def _await_media(
        self, key: str, index: int, media_id: str, *, check_first: bool = False
    ) -> str | Failure | None:
        """Poll ``GET /api/v1/media/:id`` until 200; None if it is gone or attached (upload again)."""
        for delay in ((0.0,) if check_first else ()) + self._poll_delays:
            if delay > 0:
                await self._sleep(delay)
            response = await self._request("GET", f"/api/v1/media/{media_id}")
            if not isinstance(response, httpx.Response):
                return response
            if response.status_code == 206:
                continue
            if response.status_code in (404, 410):
                self._uploaded.pop((key, index), None)
                return None
            if not response.is_success:
                return self._failure(response)
            return media_id
        return Transient(f"media {media_id} is still processing on the instance", MEDIA_RETRY_AFTER)

    # -- reconciling after a crash ------------------------------------------------------------
    async def find_published(self, request: PublishRequest, since: datetime) -> Published | Transient | None:
        """The status (or scheduled status) this request created, if the instance has it.

        Scheduled statuses carry our Idempotency-Key in ``params.idempotency``: an exact match.
        Statuses do not show it, so they are matched by text (as Mastodon renders it), number of
        media, reply target and ``created_at ≥ since`` (less a few minutes of clock skew).
        Read-only: it never posts (a repeated POST with the key would publish a missing post).
        """
        try:
            if request.scheduled_at is not None:
                found = await self._find_scheduled(request)
                if found is not None:
                    return found
            return await self._find_status(request, _aware(since))
        except ShapeError as exc:
            return Transient(str(exc))

    async def _find_scheduled(self, request: PublishRequest) -> Published | Transient | None:
        wanted = _canonical(compose_text(request))
        target: str = "/api/v1/scheduled_statuses"
        params: list[tuple[str, str]] | None = [("limit", str(PAGE_LIMIT))]
        for _ in range(LOOKUP_PAGES):
            got = await self._get_json(target, params)
            if not isinstance(got, tuple):
                return self._as_transient(got)
            items, response = _JSON.items(got[0]), got[1]
            for item in items:
                entity = obj(item)
                entry = obj(entity.get("params"))
                if entry.get("idempotency") == request.idempotency_key or (
                    entry.get("idempotency") is None and _canonical(str(entry.get("text", ""))) == wanted
                ):
                    return Published(SCHEDULED_PREFIX + _JSON.text(entity, "id"), "", scheduled=True)
            following = response.links.get("next", {}).get("url")
            if not items or not following or not self._same_origin(following):
                return None
            target, params = following, None
        return None

    async def _find_status(self, request: PublishRequest, since: datetime) -> Published | Transient | None:
        account_id = await self._own_account_id()
        if not isinstance(account_id, str):
            return self._as_transient(account_id)
        wanted = _canonical(compose_text(request))
        oldest = since - CLOCK_SKEW
        target = f"/api/v1/accounts/{account_id}/statuses"
        params: list[tuple[str, str]] | None = [("limit", str(PAGE_LIMIT)), ("exclude_reblogs", "true")]
        for _ in range(LOOKUP_PAGES):
            got = await self._get_json(target, params)
            if not isinstance(got, tuple):
                return self._as_transient(got)
            items, response = _JSON.items(got[0]), got[1]
            for item in items:
                status = obj(item)
                created = iso_time(status.get("created_at"))
                if created < oldest:
                    continue
                if (
                    _canonical(html_to_text(str(status.get("content", "")))) == wanted
                    and len(_JSON.items(status.get("media_attachments", []))) == len(request.media)
                    and (request.reply_to is None or _JSON.opt_text(status, "in_reply_to_id") == request.reply_to)
                    and (request.poll is None or status.get("poll") is not None)
                ):
                    return self._published(status)
            following = response.links.get("next", {}).get("url")
            if (
                not items
                or iso_time(obj(items[-1]).get("created_at")) < oldest
                or not following
                or not self._same_origin(following)
            ):
                return None
            target, params = following, None
        return None

    # -- after publishing ---------------------------------------------------------------------
    async def delete(self, remote_id: str) -> ActionOutcome:
        scheduled = remote_id.startswith(SCHEDULED_PREFIX)
        object_id = remote_id.removeprefix(SCHEDULED_PREFIX)
        if not _ID.fullmatch(object_id):
            return Rejected(CODE_BAD_ID, f"not a Mastodon id: {remote_id!r}")
        target = f"/api/v1/scheduled_statuses/{object_id}" if scheduled else f"/api/v1/statuses/{object_id}"
        response = await self._request("DELETE", target)
        if not isinstance(response, httpx.Response):
            return response
        if response.is_success:
            return Done()
        if response.status_code in (404, 410):
            if scheduled:
                # No longer waiting: Mastodon already published it (under a new id) or it was cancelled.
                return Rejected(CODE_NOT_SCHEDULED, self._message(response), {"status": response.status_code})
            return Done()  # the status is not there: what a delete wants
        return self._failure(response)

    async def reply(self, parent_remote_id: str, text: str, idempotency_key: str) -> Outcome:
        """Answer a status: in the parent's visibility or stricter (a DM is answered by DM),
        mentioning its author, as Mastodon clients do (a direct reply reaches only those mentioned)."""
        if not _ID.fullmatch(parent_remote_id):
            return Rejected(CODE_BAD_ID, f"not a Mastodon id: {parent_remote_id!r}")
        account_id = await self._own_account_id()
        if not isinstance(account_id, str):
            return account_id
        try:
            got = await self._get_json(f"/api/v1/statuses/{parent_remote_id}")
            if not isinstance(got, tuple):
                return got
            parent = obj(got[0])
            author = obj(parent.get("account"))
            visibility = str(parent.get("visibility", "public"))
            acct = _JSON.text(author, "acct")
            author_id = _JSON.text(author, "id")
        except ShapeError as exc:
            return Transient(str(exc))
        if visibility not in _VISIBILITY_ORDER:
            visibility = "public"
        if author_id != account_id and not re.search(rf"(?<![\w@])@{re.escape(acct)}(?![\w@.])", text, re.IGNORECASE):
            text = f"@{acct} {text}"
        return await self._post_status(
            {"status": text, "in_reply_to_id": parent_remote_id, "visibility": visibility}, idempotency_key
        )

    async def metrics(self, remote_ids: Sequence[str]) -> Mapping[str, Metrics] | Transient:
        """Counts per status (Mastodon has no analytics API); deleted or still scheduled: left out."""
        found: dict[str, Metrics] = {}
        for remote_id in remote_ids:
            if remote_id.startswith(SCHEDULED_PREFIX) or not _ID.fullmatch(remote_id):
                continue
            response = await self._request("GET", f"/api/v1/statuses/{remote_id}")
            if not isinstance(response, httpx.Response):
                return self._as_transient(response)
            if response.status_code in (404, 410):
                continue
            if not response.is_success:
                return self._as_transient(self._failure(response))
            try:
                status = obj(self._json(response))
            except ShapeError as exc:
                return Transient(str(exc))
            values = {
                key: number(status.get(key)) or 0
                for key in ("replies_count", "reblogs_count", "favourites_count", "quotes_count")
                if key in status
            }
            found[remote_id] = Metrics(values)
        return found

    # -- inbox --------------------------------------------------------------------------------
    async def fetch_inbox(self, cursor: str | None) -> InboxPage | AuthExpired | RateLimited | Transient:
        """Mentions and replies (notifications of type mention) and direct messages (conversations).

        The cursor holds the newest notification id and the newest conversation ``last_status_id``
        seen. Without a cursor only the newest page of each is read (a new channel does not import
        its whole history). Pages are followed through the ``Link`` header (``rel="prev"``: newer).
        """
        mentions_cursor, conversations_cursor = self._read_cursor(cursor)
        account_id = await self._own_account_id()
        if not isinstance(account_id, str):
            return self._inbox_failure(account_id)
        items: dict[str, RemoteItem] = {}
        try:
            got = await self._walk(
                "/api/v1/notifications", [("types[]", "mention")], mentions_cursor, lambda n: obj(n).get("status")
            )
            if not isinstance(got, tuple):
                return self._inbox_failure(got)
            statuses, new_mentions = got
            got = await self._walk(
                "/api/v1/conversations", [], conversations_cursor, lambda c: obj(c).get("last_status")
            )
            if not isinstance(got, tuple):
                return self._inbox_failure(got)
            conversation_statuses, new_conversations = got
            tagged = [(s, False) for s in statuses] + [(s, True) for s in conversation_statuses]
            for index, (status, from_conversation) in enumerate(tagged):
                if index and index % INBOX_YIELD_EVERY == 0:
                    await asyncio.sleep(0)  # a few hundred statuses to parse: let the window breathe
                item = self._remote_item(obj(status), account_id, from_conversation)
                if item is not None and item.remote_id not in items:
                    items[item.remote_id] = item
        except ShapeError as exc:
            return Transient(str(exc))
        ordered = tuple(sorted(items.values(), key=lambda i: (i.created_at, _id_key(i.remote_id))))
        if new_mentions == mentions_cursor and new_conversations == conversations_cursor:
            return InboxPage(ordered, cursor)
        return InboxPage(ordered, json.dumps({"v": 1, "mentions": new_mentions, "conversations": new_conversations}))

    @staticmethod
    def _read_cursor(cursor: str | None) -> tuple[str | None, str | None]:
        if not cursor:
            return None, None
        try:
            data = json.loads(cursor)
        except ValueError:
            return cursor, None  # a bare notification id
        if not isinstance(data, Mapping):
            return None, None
        mentions, conversations = data.get("mentions"), data.get("conversations")
        return (
            mentions if isinstance(mentions, str) else None,
            conversations if isinstance(conversations, str) else None,
        )

    def _inbox_failure(self, outcome: Failure) -> AuthExpired | RateLimited | Transient:
        return self._as_transient(outcome) if isinstance(outcome, Rejected) else outcome

    async def _walk(
        self,
        path: str,
        base_params: list[tuple[str, str]],
        since: str | None,
        status_of: Callable[[Any], Any],
    ) -> tuple[list[Any], str | None] | Failure:
        """Every item newer than ``since`` (walking forward with ``min_id``), and the new cursor."""
        found: list[Any] = []
        newest = since
        target = path
        first = [*base_params, ("limit", str(PAGE_LIMIT))] + ([("min_id", since)] if since is not None else [])
        params: list[tuple[str, str]] | None = first
        for _ in range(INBOX_PAGES):
            got = await self._get_json(target, params)
            if not isinstance(got, tuple):
                return got
            page, response = _JSON.items(got[0]), got[1]
            for entry in page:
                status = status_of(entry)
                if status is None:
                    continue
                found.append(status)
            page_ids = [i for i in (self._cursor_id(path, obj(entry)) for entry in page) if i is not None]
            if page_ids:
                top = max(page_ids, key=_id_key)
                if newest is None or _id_key(top) > _id_key(newest):
                    newest = top
            if since is None and newest is None:
                # Nothing yet: everything that comes is new (else the first messages to an empty
                # inbox would count as history and only their newest page be read).
                newest = "0"
            following = response.links.get("prev", {}).get("url")
            if since is None or len(page) < PAGE_LIMIT or not following or not self._same_origin(following):
                break
            target, params = following, None
        return found, newest

    @staticmethod
    def _cursor_id(path: str, entry: Mapping[str, Any]) -> str | None:
        """The id Mastodon paginates by: a notification's id, a conversation's ``last_status_id``."""
        if path.endswith("conversations"):
            last = entry.get("last_status")
            return _JSON.text(obj(last), "id") if last is not None else None
        return _JSON.text(entry, "id")

    def _remote_item(self, status: Mapping[str, Any], account_id: str, from_conversation: bool) -> RemoteItem | None:
        author = obj(status.get("account"))
        if _JSON.text(author, "id") == account_id:
            return None  # our own message in a conversation
        visibility = status.get("visibility")
        in_reply_to_account = _JSON.opt_text(status, "in_reply_to_account_id")
        in_reply_to = _JSON.opt_text(status, "in_reply_to_id")
        if visibility == "direct" or from_conversation:
            kind = InboxKind.DIRECT_MESSAGE
        elif in_reply_to is not None and in_reply_to_account == account_id:
            kind = InboxKind.REPLY
        else:
            kind = InboxKind.MENTION
        text = html_to_text(str(status.get("content", "")))
        spoiler = status.get("spoiler_text")
        if isinstance(spoiler, str) and spoiler:
            text = f"{spoiler}\n\n{text}"
        display = author.get("display_name")
        return RemoteItem(
            remote_id=_JSON.text(status, "id"),
            kind=kind,
            author_name=display if isinstance(display, str) and display else _JSON.text(author, "username"),
            author_handle="@" + _JSON.text(author, "acct"),
            text=text,
            created_at=iso_time(status.get("created_at")),
            parent_remote_id=in_reply_to,
            post_remote_id=in_reply_to if in_reply_to_account == account_id else None,
            edited=status.get("edited_at") is not None,
        )
