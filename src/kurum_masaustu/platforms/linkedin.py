"""LinkedIn: an organization page through the Community Management (Posts) API. No Qt.

What it sends (``reference/platform_apis.md`` §4; LinkedIn publishes no machine-readable spec):

- Every call goes to ``{base_url}/rest/…`` with ``Authorization: Bearer``, ``LinkedIn-Version:
  YYYYMM`` (``settings["linkedin_version"]``, default :data:`LINKEDIN_VERSION`; a retired version
  answers 426 → ``Rejected("api_version_retired")``) and ``X-Restli-Protocol-Version: 2.0.0``. URNs
  in paths and queries are percent-encoded, lists in Rest.li syntax (``List(a,b)``).
- The page is ``settings["organization_urn"]`` (``urn:li:organization:<id>``); without it the one
  organization the member may post for (``organizationAcls``, role ADMINISTRATOR,
  CONTENT_ADMINISTRATOR or DIRECT_SPONSORED_CONTENT_POSTER) is used.
- ``POST /rest/posts`` (``author``, ``commentary``, ``visibility: PUBLIC``, ``distribution``,
  ``lifecycleState: PUBLISHED``, optional ``content``): 201 with an empty body and the post's URN
  in ``x-restli-id``. The commentary is LinkedIn's "little text": ``\\ | { } @ [ ] ( ) < > # * _ ~``
  are backslash-escaped (unescaped, LinkedIn silently cuts the text at the first one), except
  ``#`` starting a hashtag; at most 3,000 characters, counted on what is sent.
- Content: one image or video as ``media`` (alt text as ``altText``), 2–20 images as
  ``multiImage``, a link as an ``article`` card (title: the text's first line), a poll (2–4 options
  of ≤30 characters, question ≤140 = the text's first line, duration rounded up to 1, 3, 7 or 14
  days; single choice, never with media).
- Images: ``POST /rest/images?action=initializeUpload`` → ``PUT`` the whole file to ``uploadUrl``
  (with the same bearer token, only to a LinkedIn host or our own base URL) → ``GET /rest/images/
  {urn}`` until ``AVAILABLE`` (WAITING_UPLOAD → PROCESSING → AVAILABLE | PROCESSING_FAILED).
  Videos: ``/rest/videos?action=initializeUpload`` (``fileSizeBytes``) → ``PUT`` each byte range
  of ``uploadInstructions`` (keeping the ``ETag``s) → ``?action=finalizeUpload`` → poll. Polling is
  bounded; still processing is :class:`Transient` and the URN is remembered, so a retry polls
  again rather than uploading twice.
- Exactly once: no idempotency key; a repeated commentary is refused with 422 ``DUPLICATE_POST``
  "Content is a duplicate of urn:li:share:…". The named post is read back: ours (this page, same
  text, created since this delivery was first sent) → :class:`Published`; otherwise
  ``Rejected("duplicate")``. :meth:`LinkedInAdapter.find_published` lists the page's recent posts
  (``GET /rest/posts?q=author``) and matches text and content.
- Answers: 401 → :class:`AuthExpired`; 429 (bare: no documented headers; limits are daily and
  reset at midnight UTC) → :class:`RateLimited` until ``Retry-After`` if given, else the next
  midnight UTC; 400 → ``bad_request``; 403 → ``forbidden``; 404 → ``not_found``; 422 →
  ``validation`` / ``duplicate``; 426 → ``api_version_retired``; 5xx, timeouts, network errors and
  malformed JSON → :class:`Transient`.

Inbox: comments (and replies to comments) on the page's posts of the last two weeks
(``GET /rest/socialActions/{urn}/comments``); LinkedIn has no page DMs and no open mentions API.
Replies are comments as the organization. Metrics: ``organizationalEntityShareStatistics``.
Remote ids are post URNs (``urn:li:share:…`` / ``urn:li:ugcPost:…``) or, for replies, comment URNs;
the permalink is ``https://www.linkedin.com/feed/update/<urn>/``.
"""

from __future__ import annotations

import asyncio
import json
import re
import unicodedata
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any, Final
from urllib.parse import quote, urlsplit

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
from kurum_masaustu.platforms.json_shape import Shape, ShapeError, obj
from kurum_masaustu.rules import text as text_rules

Sleeper = Callable[[float], Awaitable[None]]
Clock = Callable[[], datetime]
Failure = AuthExpired | RateLimited | Rejected | Transient

DEFAULT_BASE_URL: Final = "https://api.linkedin.com"
DEFAULT_APP_URL: Final = "https://www.linkedin.com"
#: The Posts API version we were written against; a setting moves it forward when LinkedIn retires it.
LINKEDIN_VERSION: Final = "202606"
RESTLI_PROTOCOL: Final = "2.0.0"
MAX_COMMENTARY: Final = 3000
MAX_IMAGES: Final = 20
MAX_ALT_TEXT: Final = 4086
MAX_ARTICLE_TITLE: Final = 200
POLL_QUESTION_MAX: Final = 140
POLL_OPTION_MAX: Final = 30
POLL_DURATIONS: Final[tuple[tuple[int, str], ...]] = (
    (1440, "ONE_DAY"),
    (3 * 1440, "THREE_DAYS"),
    (7 * 1440, "SEVEN_DAYS"),
    (14 * 1440, "FOURTEEN_DAYS"),
)
IMAGE_TYPES: Final = frozenset({"image/jpeg", "image/png", "image/gif"})
VIDEO_TYPES: Final = frozenset({"video/mp4"})
POSTING_ROLES: Final = ("ADMINISTRATOR", "CONTENT_ADMINISTRATOR", "DIRECT_SPONSORED_CONTENT_POSTER")
#: Waits before each media status check after the first (seconds); about 45 s, then Transient.
MEDIA_POLL_DELAYS: Final[tuple[float, ...]] = (1, 1, 2, 2, 3, 5, 5, 5, 10, 10)
MEDIA_RETRY_AFTER: Final = 30.0
MEDIA_TIMEOUT: Final = httpx.Timeout(60.0, write=600.0)
PAGE_SIZE: Final = 50
LOOKUP_PAGES: Final = 4  # find_published: up to 200 recent posts
INBOX_POSTS: Final = 20  # fetch_inbox: comments on at most this many recent posts…
INBOX_POST_AGE: Final = timedelta(days=14)  # …of the last two weeks
INBOX_FIRST_READ: Final = timedelta(days=7)  # a new channel imports a week of comments
COMMENTS_PAGE: Final = 100
COMMENT_PAGES: Final = 5
METRICS_BATCH: Final = 20
CLOCK_SKEW: Final = timedelta(minutes=5)

# Our codes in Rejected (stable; the UI turns them into Turkish messages).
CODE_UNSUPPORTED: Final = "unsupported"  # stories, reels
CODE_NO_NATIVE_SCHEDULE: Final = "native_schedule_unsupported"  # scheduled_at ahead: the outbox keeps the time
CODE_EMPTY: Final = "empty"
CODE_TOO_LONG: Final = "too_long"
CODE_TOO_MANY_MEDIA: Final = "too_many_media"
CODE_MEDIA_MIX: Final = "media_mix"  # a video with anything else
CODE_UNSUPPORTED_MEDIA: Final = "unsupported_media"
CODE_MEDIA_UNREADABLE: Final = "media_unreadable"
CODE_MEDIA_FAILED: Final = "media_processing_failed"
CODE_ALT_TOO_LONG: Final = "alt_text_too_long"
CODE_POLL_MISSING: Final = "poll_missing"
CODE_POLL_WITH_MEDIA: Final = "poll_with_media"
CODE_POLL_OPTIONS: Final = "poll_options"
CODE_POLL_OPTION_LENGTH: Final = "poll_option_length"
CODE_POLL_QUESTION: Final = "poll_question_length"
CODE_POLL_DURATION: Final = "poll_duration"
CODE_POLL_MULTIPLE: Final = "poll_multiple_unsupported"
CODE_BAD_REQUEST: Final = "bad_request"  # 400
CODE_FORBIDDEN: Final = "forbidden"  # 403: missing scope or page role
CODE_NOT_FOUND: Final = "not_found"  # 404
CODE_VALIDATION: Final = "validation"  # 422
CODE_DUPLICATE: Final = "duplicate"  # 422 DUPLICATE_POST of a post that is not this delivery's
CODE_TOO_LARGE: Final = "too_large"  # 413
CODE_VERSION_RETIRED: Final = "api_version_retired"  # 426
CODE_NOT_ADMIN: Final = "not_admin"  # the member may not post for the configured page
CODE_NO_ORGANIZATION: Final = "organization_missing"
CODE_AMBIGUOUS_ORGANIZATION: Final = "organization_ambiguous"
CODE_BAD_ID: Final = "bad_id"

_ORG = re.compile(r"urn:li:organization:(\d{1,19})")
_POST = re.compile(r"urn:li:(?:share|ugcPost):\d{1,24}")
_COMMENT = re.compile(r"urn:li:comment:\((urn:li:(?:activity|share|ugcPost):\d{1,24}),(\d{1,24})\)")
_DUPLICATE_OF = re.compile(r"urn:li:(?:share|ugcPost|activity):\d+")
_HASHTAG_TEMPLATE = re.compile(r"\{hashtag\|\\?#\|([^}]*)\}")
_MENTION = re.compile(r"@\[([^\]]*)\]\((urn:li:[^)]*)\)")
_SPACE = re.compile(r"\s+")
#: LinkedIn leaves empty lists out and never sends an empty id or text.
_JSON: Final = Shape(missing_list_is_empty=True)
RESERVED: Final = frozenset("\\|{}@[]()<>#*_~")


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _millis(moment: datetime) -> int:
    return int(_aware(moment).timestamp() * 1000)


def _from_millis(value: Any) -> datetime:
    if not isinstance(value, int) or isinstance(value, bool):
        raise ShapeError(f"not a timestamp: {value!r}")
    return datetime.fromtimestamp(value / 1000, UTC)


def _enc(urn: str) -> str:
    """A URN as Rest.li 2.0 wants it in a path or query value: every reserved character encoded."""
    return quote(urn, safe="")


# -- little text -------------------------------------------------------------------------------
def _starts_hashtag(text: str, index: int) -> bool:
    following = text[index + 1 : index + 2]
    before = text[index - 1 : index] if index else ""
    return bool(following) and following.isalnum() and not (before.isalnum() or before in ("#", "&", "\\"))


def escape_commentary(text: str) -> str:
    """Plain text as LinkedIn's "little text" commentary: reserved characters escaped, hashtags kept."""
    out: list[str] = []
    for index, char in enumerate(text):
        if char == "#" and _starts_hashtag(text, index):
            out.append(char)
        elif char in RESERVED:
            out.append("\\" + char)
        else:
            out.append(char)
    return "".join(out)


def commentary_to_text(commentary: str) -> str:
    """Little text as the reader sees it: escapes undone, hashtag and mention templates as words."""
    commentary = _HASHTAG_TEMPLATE.sub(lambda m: "#" + m.group(1), commentary)
    commentary = _MENTION.sub(lambda m: m.group(1), commentary)
    out: list[str] = []
    escaped = False
    for char in commentary:
        if escaped:
            out.append(char)
            escaped = False
        elif char == "\\":
            escaped = True
        else:
            out.append(char)
    if escaped:
        out.append("\\")
    return "".join(out)


def canonical_text(text: str) -> str:
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return ""


def _next_midnight(moment: datetime) -> datetime:
    day = _aware(moment).astimezone(UTC).date() + timedelta(days=1)
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


@dataclass
class _Upload:
    """An image or video URN uploaded for (delivery, position) and not yet posted with."""

    urn: str
    kind: str  # "images" or "videos"
    ready: bool


class LinkedInAdapter(Adapter):
    """One LinkedIn organization page. ``settings``: ``organization_urn`` (found through the
    member's page roles when absent), optionally ``base_url``, ``linkedin_version``, ``app_url``;
    ``secrets``: ``access_token`` (60 days; LinkedIn renews it only for approved partners).

    ``sleep``, ``clock`` and ``media_poll_delays`` are injectable so tests neither wait nor depend
    on the wall clock.
    """

    platform = Platform.LINKEDIN

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
        base = str(settings.get("base_url") or DEFAULT_BASE_URL).strip().rstrip("/")
        parts = urlsplit(base)
        if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment:
            raise ValueError(f"LinkedIn base_url must be http(s)://host[:port], got {base!r}")
        self.base_url = base
        self._origin = (parts.scheme, parts.netloc.lower())
        official = parts.hostname == "api.linkedin.com"
        self.app_url = str(settings.get("app_url") or (DEFAULT_APP_URL if official else base)).rstrip("/")
        version = str(settings.get("linkedin_version") or LINKEDIN_VERSION).strip()
        if not re.fullmatch(r"\d{6}(\.\d{2})?", version):
            raise ValueError(f"LinkedIn-Version must be YYYYMM, got {version!r}")
        self.version = version
        organization = str(settings.get("organization_urn") or "").strip()
        if organization and not _ORG.fullmatch(organization):
            raise ValueError(f"organization_urn must be urn:li:organization:<id>, got {organization!r}")
        self._configured_org = organization or None
        self._org: str | None = self._configured_org
        self._sleep = sleep
        self._clock = clock
        self._poll_delays = tuple(media_poll_delays)
        self._uploaded: dict[tuple[str, int], _Upload] = {}
        #: idempotency key → when this adapter first tried to publish it (until it is settled).
        self._attempted: dict[str, datetime] = {}

    # -- HTTP ---------------------------------------------------------------------------------
    def _url(self, path: str, query: Sequence[tuple[str, str]] = ()) -> str:
        """``path`` under the base URL with a query whose values are already Rest.li-encoded."""
        url = self.base_url + path
        if query:
            url += "?" + "&".join(f"{key}={value}" for key, value in query)
        return url

    def _upload_allowed(self, url: str) -> bool:
        """The bearer token goes only to LinkedIn's own hosts (or the base URL's, e.g. a sandbox)."""
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        if (parts.scheme, parts.netloc.lower()) == self._origin:
            return True
        return parts.scheme == "https" and (host == "linkedin.com" or host.endswith(".linkedin.com"))

    async def _request(
        self,
        method: str,
        url: str,
        *,
        json_body: Mapping[str, Any] | None = None,
        content: bytes | None = None,
        rest: bool = True,
        timeout: httpx.Timeout | None = None,
    ) -> httpx.Response | Transient | AuthExpired:
        token = self._secrets.get("access_token", "")
        if not token:
            return AuthExpired("no LinkedIn access token for this channel")
        headers = {"Authorization": f"Bearer {token}"}
        if rest:
            headers.update(
                {
                    "LinkedIn-Version": self.version,
                    "X-Restli-Protocol-Version": RESTLI_PROTOCOL,
                    "Accept": "application/json",
                }
            )
        if content is not None:
            headers["Content-Type"] = "application/octet-stream"
        extra: dict[str, Any] = {}
        if timeout is not None:
            extra["timeout"] = timeout
        try:
            return await self.client.request(method, url, json=json_body, content=content, headers=headers, **extra)
        except httpx.TimeoutException as exc:
            return Transient(f"timeout talking to LinkedIn: {type(exc).__name__}")
        except httpx.RequestError as exc:
            return Transient(f"network error talking to LinkedIn: {type(exc).__name__}: {exc}")

    @staticmethod
    def _json(response: httpx.Response) -> Any:
        try:
            return response.json()
        except ValueError as exc:
            raise ShapeError(f"malformed JSON from LinkedIn (HTTP {response.status_code})") from exc

    @staticmethod
    def _error(response: httpx.Response) -> tuple[str, str]:
        """(LinkedIn's error code, its message) of an error answer."""
        try:
            body = response.json()
        except ValueError:
            return "", response.text[:500] or f"HTTP {response.status_code}"
        if not isinstance(body, Mapping):
            return "", f"HTTP {response.status_code}"
        code = body.get("code") if isinstance(body.get("code"), str) else ""
        message = body.get("message") if isinstance(body.get("message"), str) else ""
        return str(code), str(message or code or f"HTTP {response.status_code}")

    def _rate_limit_until(self, response: httpx.Response) -> datetime:
        now = self._clock()
        retry = response.headers.get("retry-after", "").strip()
        if retry.isdigit():
            return now + timedelta(seconds=int(retry))
        if retry:
            try:
                return max(_aware(parsedate_to_datetime(retry)), now)
            except (TypeError, ValueError):
                pass
        return _next_midnight(now)  # LinkedIn's limits are daily and reset at midnight UTC

    def _failure(self, response: httpx.Response) -> Failure:
        status = response.status_code
        code, message = self._error(response)
        if status == 401:
            return AuthExpired(message)
        if status == 429:
            return RateLimited(self._rate_limit_until(response), message)
        if status >= 500 or status in (408, 409):
            return Transient(f"HTTP {status}: {message}")
        data: dict[str, Any] = {"status": status}
        if code:
            data["error"] = code
        if status == 426:
            data["version"] = self.version
            return Rejected(CODE_VERSION_RETIRED, message, data)
        if status == 422 and (code == "DUPLICATE_POST" or "duplicate" in message.lower()):
            found = _DUPLICATE_OF.search(message)
            if found:
                data["existing"] = found.group(0)
            return Rejected(CODE_DUPLICATE, message, data)
        rejected = {
            400: CODE_BAD_REQUEST,
            403: CODE_FORBIDDEN,
            404: CODE_NOT_FOUND,
            410: CODE_NOT_FOUND,
            413: CODE_TOO_LARGE,
            422: CODE_VALIDATION,
        }.get(status, f"http_{status}")
        return Rejected(rejected, message, data)

    async def _get_json(self, url: str) -> Any | Failure:
        response = await self._request("GET", url)
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

    def permalink(self, urn: str) -> str:
        return f"{self.app_url}/feed/update/{urn}/"

    # -- the page -----------------------------------------------------------------------------
    async def _posting_orgs(self) -> list[str] | Failure:
        """The organizations this member may post for (approved page roles)."""
        try:
            got = await self._get_json(
                self._url("/rest/organizationAcls", [("q", "roleAssignee"), ("state", "APPROVED")])
            )
            if isinstance(got, Failure):
                return got
            found: list[str] = []
            for item in _JSON.items(obj(got).get("elements")):
                acl = obj(item)
                organization = _JSON.opt_text(acl, "organization") or _JSON.opt_text(acl, "organizationTarget")
                if organization and acl.get("role") in POSTING_ROLES and organization not in found:
                    found.append(organization)
            return found
        except ShapeError as exc:
            return Transient(str(exc))

    async def _organization(self, *, check: bool = False) -> str | Failure:
        """The page we post as: configured (checked against the member's roles when ``check``),
        or the only one the member may post for."""
        if self._org is not None and not check:
            return self._org
        orgs = await self._posting_orgs()
        if isinstance(orgs, Rejected) and orgs.code == CODE_FORBIDDEN and self._configured_org is not None:
            # Reading page roles needs an admin scope the app may not have: trust the setting.
            self._org = self._configured_org
            return self._org
        if not isinstance(orgs, list):
            return orgs
        if self._configured_org is not None:
            if self._configured_org not in orgs:
                return Rejected(
                    CODE_NOT_ADMIN,
                    f"the connected member has no posting role on {self._configured_org}",
                    {"organization": self._configured_org, "organizations": orgs},
                )
            self._org = self._configured_org
        elif len(orgs) == 1:
            self._org = orgs[0]
        elif not orgs:
            return Rejected(CODE_NO_ORGANIZATION, "the connected member administers no LinkedIn page")
        else:
            return Rejected(
                CODE_AMBIGUOUS_ORGANIZATION,
                "the connected member administers several pages; set organization_urn",
                {"organizations": orgs},
            )
        return self._org

    async def verify(self) -> AccountInfo | AuthExpired | Rejected | Transient:
        organization = await self._organization(check=True)
        if not isinstance(organization, str):
            return self._as_transient(organization) if isinstance(organization, RateLimited) else organization
        org_id = organization.rsplit(":", 1)[-1]
        try:
            got = await self._get_json(self._url(f"/rest/organizations/{org_id}"))
            if isinstance(got, Rejected) and got.code in (CODE_FORBIDDEN, CODE_NOT_FOUND):
                return AccountInfo(organization, organization, organization)  # the page's name is not ours to read
            if isinstance(got, Failure):
                return self._as_transient(got) if isinstance(got, RateLimited) else got
            page = obj(got)
        except ShapeError as exc:
            return Transient(str(exc))
        name = _JSON.opt_text(page, "localizedName") or organization
        vanity = _JSON.opt_text(page, "vanityName")
        return AccountInfo(organization, vanity or organization, name)

    # -- checks without a request -------------------------------------------------------------
    def _commentary(self, request: PublishRequest) -> str:
        """The post's text; a link given apart goes into it unless it becomes an article card."""
        text = request.text
        card = request.link and not request.media and request.poll is None
        if request.link and not card and request.link not in text:
            text = f"{text.rstrip()}\n\n{request.link}" if text.strip() else request.link
        return text

    def check(self, request: PublishRequest) -> Rejected | None:
        """What LinkedIn would refuse in this request, found without a network call."""
        if request.kind in (PostKind.STORY, PostKind.REEL):
            return Rejected(CODE_UNSUPPORTED, f"LinkedIn pages have no {request.kind.value}")
        if request.kind is PostKind.POLL and request.poll is None:
            return Rejected(CODE_POLL_MISSING, "a poll post without poll options")
        if request.scheduled_at is not None and _aware(request.scheduled_at) > self._clock() + CLOCK_SKEW:
            return Rejected(
                CODE_NO_NATIVE_SCHEDULE,
                "LinkedIn has no scheduling through its API: the post must be sent when it is due",
                {"scheduled_at": _aware(request.scheduled_at).isoformat()},
            )
        text = self._commentary(request)
        if not text.strip() and not request.media and not request.link:
            return Rejected(CODE_EMPTY, "a LinkedIn post needs text, media or a link")
        sent = escape_commentary(text)
        length = text_rules.utf16_length(sent)
        if length > MAX_COMMENTARY:
            return Rejected(
                CODE_TOO_LONG,
                f"the commentary has {length} characters as sent (escapes included); LinkedIn allows {MAX_COMMENTARY}",
                {"length": length, "max": MAX_COMMENTARY, "text_length": text_rules.measure(Platform.LINKEDIN, text)},
            )
        if request.poll is not None:
            return self._check_poll(request)
        return self._check_media(request.media)

    @staticmethod
    def _check_poll(request: PublishRequest) -> Rejected | None:
        poll = request.poll
        assert poll is not None
        if request.media:
            return Rejected(CODE_POLL_WITH_MEDIA, "LinkedIn does not allow a poll and media in one post")
        if poll.multiple:
            return Rejected(CODE_POLL_MULTIPLE, "LinkedIn polls are single choice")
        if not 2 <= len(poll.options) <= 4:
            return Rejected(
                CODE_POLL_OPTIONS,
                f"{len(poll.options)} options; LinkedIn polls have 2–4",
                {"count": len(poll.options), "min": 2, "max": 4},
            )
        for option in poll.options:
            size = text_rules.utf16_length(option.strip())
            if not 1 <= size <= POLL_OPTION_MAX:
                return Rejected(
                    CODE_POLL_OPTION_LENGTH,
                    f"the option {option!r} has {size} characters; LinkedIn allows 1–{POLL_OPTION_MAX}",
                    {"option": option, "length": size, "max": POLL_OPTION_MAX},
                )
        question = _first_line(request.text)
        if not 1 <= text_rules.utf16_length(question) <= POLL_QUESTION_MAX:
            return Rejected(
                CODE_POLL_QUESTION,
                f"the question (the text's first line) has {len(question)} characters; LinkedIn allows "
                f"1–{POLL_QUESTION_MAX}",
                {"length": len(question), "max": POLL_QUESTION_MAX},
            )
        if _poll_duration(poll.duration_minutes) is None:
            return Rejected(
                CODE_POLL_DURATION,
                f"{poll.duration_minutes} minutes; LinkedIn polls run 1, 3, 7 or 14 days",
                {"minutes": poll.duration_minutes, "max": POLL_DURATIONS[-1][0]},
            )
        return None

    @staticmethod
    def _check_media(media: Sequence[MediaFile]) -> Rejected | None:
        if not media:
            return None
        for item in media:
            if item.mime_type not in IMAGE_TYPES | VIDEO_TYPES:
                return Rejected(
                    CODE_UNSUPPORTED_MEDIA,
                    f"{item.path.name} ({item.mime_type}): LinkedIn takes JPEG, PNG, GIF and MP4",
                    {"mime_type": item.mime_type},
                )
            if len(item.alt_text) > MAX_ALT_TEXT:
                return Rejected(
                    CODE_ALT_TOO_LONG,
                    f"the alt text of {item.path.name} has {len(item.alt_text)} characters; LinkedIn allows "
                    f"{MAX_ALT_TEXT}",
                    {"length": len(item.alt_text), "max": MAX_ALT_TEXT},
                )
        videos = [item for item in media if item.mime_type in VIDEO_TYPES]
        if videos and len(media) > 1:
            return Rejected(
                CODE_MEDIA_MIX, "LinkedIn takes one video per post, with nothing else", {"count": len(media)}
            )
        if len(media) > MAX_IMAGES:
            return Rejected(
                CODE_TOO_MANY_MEDIA,
                f"{len(media)} images; LinkedIn allows {MAX_IMAGES} per post",
                {"count": len(media), "max": MAX_IMAGES},
            )
        return None

    # -- publishing ---------------------------------------------------------------------------
    async def publish(self, request: PublishRequest) -> Outcome:
        if request.reply_to:
            # LinkedIn has no threads: an answer to a post or comment is a comment.
            return await self.reply(request.reply_to, request.text, request.idempotency_key)
        refused = self.check(request)
        if refused is not None:
            return refused
        organization = await self._organization()
        if not isinstance(organization, str):
            return organization
        started = self._attempted.setdefault(request.idempotency_key, self._clock())
        text = self._commentary(request)
        body: dict[str, Any] = {
            "author": organization,
            "commentary": escape_commentary(text),
            "visibility": "PUBLIC",
            "distribution": {
                "feedDistribution": "MAIN_FEED",
                "targetEntities": [],
                "thirdPartyDistributionChannels": [],
            },
            "lifecycleState": "PUBLISHED",
            "isReshareDisabledByAuthor": False,
        }
        if request.poll is not None:
            duration = _poll_duration(request.poll.duration_minutes)
            assert duration is not None
            body["content"] = {
                "poll": {
                    "question": _first_line(request.text),
                    "options": [{"text": option.strip()} for option in request.poll.options],
                    "settings": {"duration": duration},
                }
            }
        elif request.media:
            urns: list[str] = []
            for index, media in enumerate(request.media):
                uploaded = await self._upload(organization, request.idempotency_key, index, media)
                if not isinstance(uploaded, str):
                    return uploaded
                urns.append(uploaded)
            body["content"] = _media_content(urns, request.media)
        elif request.link:
            title = _first_line(request.text)[:MAX_ARTICLE_TITLE] or (urlsplit(request.link).hostname or request.link)
            body["content"] = {"article": {"source": request.link, "title": title}}
        outcome = await self._create(body)
        if isinstance(outcome, Rejected) and outcome.code == CODE_DUPLICATE:
            adopted = await self._adopt_duplicate(outcome, organization, text, started)
            if adopted is not None:
                outcome = adopted
        if isinstance(outcome, Published | Rejected):
            self._attempted.pop(request.idempotency_key, None)
            for index in range(len(request.media)):
                self._uploaded.pop((request.idempotency_key, index), None)
        return outcome

    async def _create(self, body: Mapping[str, Any]) -> Outcome:
        response = await self._request("POST", self._url("/rest/posts"), json_body=body)
        if not isinstance(response, httpx.Response):
            return response
        if not response.is_success:
            return self._failure(response)
        urn = response.headers.get("x-restli-id", "").strip()
        if not _POST.fullmatch(urn):
            # LinkedIn may well have posted it: the retry's duplicate check (or find_published) tells.
            return Transient(f"LinkedIn answered {response.status_code} without a post URN")
        return Published(urn, self.permalink(urn))

    async def _adopt_duplicate(
        self, refused: Rejected, organization: str, text: str, started: datetime
    ) -> Published | Transient | None:
        """The post a DUPLICATE_POST names, if it is this delivery's own earlier attempt."""
        existing = refused.data.get("existing")
        if not isinstance(existing, str) or not _POST.fullmatch(existing):
            return None
        try:
            got = await self._get_json(self._url(f"/rest/posts/{_enc(existing)}"))
            if isinstance(got, Failure):
                return self._as_transient(got) if not isinstance(got, Rejected) else None
            post = obj(got)
            ours = (
                post.get("author") == organization
                and canonical_text(commentary_to_text(str(post.get("commentary") or ""))) == canonical_text(text)
                and _from_millis(post.get("createdAt")) >= started - CLOCK_SKEW
            )
        except ShapeError as exc:
            return Transient(str(exc))
        return Published(existing, self.permalink(existing)) if ours else None

    # -- media --------------------------------------------------------------------------------
    async def _upload(self, owner: str, key: str, index: int, media: MediaFile) -> str | Failure:
        """Upload one image or video (or continue with an earlier attempt's) until AVAILABLE."""
        earlier = self._uploaded.get((key, index))
        if earlier is not None:
            ready = await self._await_media(earlier, key, index, check_first=True)
            if ready is not None:
                return ready
        kind = "videos" if media.mime_type in VIDEO_TYPES else "images"
        if kind == "images":
            got = await self._upload_image(owner, media)
        else:
            got = await self._upload_video(owner, media)
        if not isinstance(got, _Upload):
            return got
        self._uploaded[(key, index)] = got
        ready = await self._await_media(got, key, index, check_first=True)
        return ready if ready is not None else Transient("uploaded media disappeared before it was ready")

    async def _put(self, url: str, content: bytes) -> httpx.Response | Failure:
        if not self._upload_allowed(url):
            return Transient(f"LinkedIn gave an upload address outside LinkedIn: {urlsplit(url).hostname}")
        response = await self._request("PUT", url, content=content, rest=False, timeout=MEDIA_TIMEOUT)
        if not isinstance(response, httpx.Response):
            return response
        if not response.is_success:
            return self._failure(response)
        return response

    async def _upload_image(self, owner: str, media: MediaFile) -> _Upload | Failure:
        try:
            content = await asyncio.to_thread(media.path.read_bytes)
        except OSError as exc:
            return Rejected(CODE_MEDIA_UNREADABLE, f"{media.path.name}: {exc.strerror or exc}")
        response = await self._request(
            "POST",
            self._url("/rest/images", [("action", "initializeUpload")]),
            json_body={"initializeUploadRequest": {"owner": owner}},
        )
        if not isinstance(response, httpx.Response):
            return response
        if not response.is_success:
            return self._failure(response)
        try:
            value = obj(obj(self._json(response)).get("value"))
            upload_url, urn = _JSON.text(value, "uploadUrl"), _JSON.text(value, "image")
        except ShapeError as exc:
            return Transient(str(exc))
        put = await self._put(upload_url, content)
        if not isinstance(put, httpx.Response):
            return put
        return _Upload(urn, "images", False)

    async def _upload_video(self, owner: str, media: MediaFile) -> _Upload | Failure:
        try:
            size = await asyncio.to_thread(lambda: media.path.stat().st_size)
        except OSError as exc:
            return Rejected(CODE_MEDIA_UNREADABLE, f"{media.path.name}: {exc.strerror or exc}")
        response = await self._request(
            "POST",
            self._url("/rest/videos", [("action", "initializeUpload")]),
            json_body={
                "initializeUploadRequest": {
                    "owner": owner,
                    "fileSizeBytes": size,
                    "uploadCaptions": False,
                    "uploadThumbnail": False,
                }
            },
        )
        if not isinstance(response, httpx.Response):
            return response
        if not response.is_success:
            return self._failure(response)
        try:
            value = obj(obj(self._json(response)).get("value"))
            urn = _JSON.text(value, "video")
            token = value.get("uploadToken")
            instructions = [obj(item) for item in _JSON.items(value.get("uploadInstructions"))]
            ranges = [(_JSON.text(i, "uploadUrl"), i.get("firstByte"), i.get("lastByte")) for i in instructions]
        except ShapeError as exc:
            return Transient(str(exc))
        etags: list[str] = []
        for url, first, last in ranges:
            if not isinstance(first, int) or not isinstance(last, int) or not 0 <= first <= last < size:
                return Transient(f"LinkedIn gave an upload range we cannot read: {first}–{last}")
            try:
                chunk = await asyncio.to_thread(_read_range, media.path, first, last)
            except OSError as exc:
                return Rejected(CODE_MEDIA_UNREADABLE, f"{media.path.name}: {exc.strerror or exc}")
            put = await self._put(url, chunk)
            if not isinstance(put, httpx.Response):
                return put
            etag = put.headers.get("etag", "").strip()
            if not etag:
                return Transient("LinkedIn accepted a video part without an ETag")
            etags.append(etag)
        response = await self._request(
            "POST",
            self._url("/rest/videos", [("action", "finalizeUpload")]),
            json_body={
                "finalizeUploadRequest": {
                    "video": urn,
                    "uploadToken": token if isinstance(token, str) else "",
                    "uploadedPartIds": etags,
                }
            },
        )
        if not isinstance(response, httpx.Response):
            return response
        if not response.is_success:
            return self._failure(response)
        return _Upload(urn, "videos", False)

    async def _await_media(self, upload: _Upload, key: str, index: int, *, check_first: bool) -> str | Failure | None:
        """Poll the image or video until AVAILABLE; None if LinkedIn no longer has it (upload again)."""
        if upload.ready:
            return upload.urn
        for delay in ((0.0,) if check_first else ()) + self._poll_delays:
            if delay > 0:
                await self._sleep(delay)
            response = await self._request("GET", self._url(f"/rest/{upload.kind}/{_enc(upload.urn)}"))
            if not isinstance(response, httpx.Response):
                return response
            if response.status_code in (404, 410):
                self._uploaded.pop((key, index), None)
                return None
            if not response.is_success:
                return self._failure(response)
            try:
                status = obj(self._json(response)).get("status")
            except ShapeError as exc:
                return Transient(str(exc))
            if status == "AVAILABLE":
                upload.ready = True
                return upload.urn
            if status in ("PROCESSING_FAILED", "FAILED"):
                self._uploaded.pop((key, index), None)
                return Rejected(CODE_MEDIA_FAILED, f"LinkedIn could not process {upload.urn}", {"urn": upload.urn})
            if status == "WAITING_UPLOAD" and upload.kind == "images":
                self._uploaded.pop((key, index), None)
                return None  # the file never arrived: upload again
        return Transient(f"{upload.urn} is still processing on LinkedIn", MEDIA_RETRY_AFTER)

    # -- reconciling after a crash ------------------------------------------------------------
    async def find_published(self, request: PublishRequest, since: datetime) -> Published | Transient | None:
        """The post this request created, if the page has it (read-only): the page's posts since
        ``since`` (less a few minutes of clock skew) matched by text and content."""
        if request.reply_to:
            return None  # comments are not looked up
        organization = await self._organization()
        if not isinstance(organization, str):
            return self._as_transient(organization)
        wanted = canonical_text(self._commentary(request))
        oldest = _aware(since) - CLOCK_SKEW
        try:
            for page in range(LOOKUP_PAGES):
                got = await self._get_json(
                    self._url(
                        "/rest/posts",
                        [
                            ("q", "author"),
                            ("author", _enc(organization)),
                            ("count", str(PAGE_SIZE)),
                            ("start", str(page * PAGE_SIZE)),
                            ("sortBy", "CREATED"),
                        ],
                    )
                )
                if isinstance(got, Failure):
                    return self._as_transient(got)
                elements = [obj(item) for item in _JSON.items(obj(got).get("elements"))]
                for post in elements:
                    created = _from_millis(post.get("createdAt"))
                    if created < oldest or post.get("lifecycleState") not in (None, "PUBLISHED"):
                        continue
                    if self._matches(post, request, wanted):
                        urn = _JSON.text(post, "id")
                        return Published(urn, self.permalink(urn))
                if len(elements) < PAGE_SIZE or _from_millis(elements[-1].get("createdAt")) < oldest:
                    return None
        except ShapeError as exc:
            return Transient(str(exc))
        return None

    @staticmethod
    def _matches(post: Mapping[str, Any], request: PublishRequest, wanted: str) -> bool:
        if canonical_text(commentary_to_text(str(post.get("commentary") or ""))) != wanted:
            return False
        content = post.get("content")
        content = content if isinstance(content, Mapping) else {}
        media = content.get("media")
        multi = content.get("multiImage")
        count = 1 if isinstance(media, Mapping) else 0
        if isinstance(multi, Mapping):
            count = len(_JSON.items(multi.get("images")))
        if count != len(request.media):
            return False
        return (request.poll is not None) == isinstance(content.get("poll"), Mapping)

    # -- after publishing ---------------------------------------------------------------------
    async def delete(self, remote_id: str) -> ActionOutcome:
        organization: str | Failure
        if _POST.fullmatch(remote_id):
            url = self._url(f"/rest/posts/{_enc(remote_id)}")
        elif match := _COMMENT.fullmatch(remote_id):
            organization = await self._organization()
            if not isinstance(organization, str):
                return organization
            url = self._url(
                f"/rest/socialActions/{_enc(match.group(1))}/comments/{match.group(2)}", [("actor", _enc(organization))]
            )
        else:
            return Rejected(CODE_BAD_ID, f"not a LinkedIn post or comment URN: {remote_id!r}")
        response = await self._request("DELETE", url)
        if not isinstance(response, httpx.Response):
            return response
        if response.is_success or response.status_code in (404, 410):
            return Done()  # gone already: what a delete wants
        return self._failure(response)

    async def delete_comment(self, remote_id: str) -> ActionOutcome:
        """Delete a member's comment on one of the page's posts (moderation).

        ``DELETE /rest/socialActions/{target}/comments/{id}?actor={page}``: a page may delete
        anyone's comment on its own posts, and its replies go with it. LinkedIn answers 403 for
        a comment on somebody else's post (``forbidden``); one already gone counts as deleted.
        Only comment URNs: a post is never deleted from here.
        """
        if not _COMMENT.fullmatch(remote_id):
            return Rejected(CODE_BAD_ID, f"not a LinkedIn comment URN: {remote_id!r}")
        return await self.delete(remote_id)

    async def reply(self, parent_remote_id: str, text: str, idempotency_key: str) -> Outcome:
        """A comment as the page: on a post (``urn:li:share:…``) or under a comment."""
        comment = _COMMENT.fullmatch(parent_remote_id)
        if comment is None and not _POST.fullmatch(parent_remote_id):
            return Rejected(CODE_BAD_ID, f"not a LinkedIn post or comment URN: {parent_remote_id!r}")
        if not text.strip():
            return Rejected(CODE_EMPTY, "a comment needs text")
        organization = await self._organization()
        if not isinstance(organization, str):
            return organization
        body: dict[str, Any] = {"actor": organization, "message": {"text": text}}
        if comment is not None:
            body["object"] = comment.group(1)
            body["parentComment"] = parent_remote_id
        else:
            body["object"] = parent_remote_id
        started = self._attempted.get(idempotency_key)
        if started is not None:
            # Retried after an unknown outcome: our comment may be there already (no idempotency key).
            found = await self._find_comment(parent_remote_id, organization, text, started)
            if found is not None:
                return found
        self._attempted.setdefault(idempotency_key, self._clock())
        response = await self._request(
            "POST", self._url(f"/rest/socialActions/{_enc(parent_remote_id)}/comments"), json_body=body
        )
        if not isinstance(response, httpx.Response):
            return response
        if not response.is_success:
            outcome = self._failure(response)
            if isinstance(outcome, Rejected):
                self._attempted.pop(idempotency_key, None)
            return outcome
        try:
            created = obj(self._json(response)) if response.content else {}
            urn = _JSON.opt_text(created, "commentUrn") or _JSON.opt_text(created, "$URN")
            if urn is None:
                comment_id = response.headers.get("x-restli-id", "").strip()
                target = comment.group(1) if comment is not None else parent_remote_id
                urn = f"urn:li:comment:({target},{comment_id})" if comment_id.isdigit() else None
        except ShapeError as exc:
            return Transient(str(exc))
        if urn is None:
            return Transient("LinkedIn answered without the comment's URN")
        self._attempted.pop(idempotency_key, None)
        return Published(urn, self._comment_link(urn))

    def _comment_link(self, urn: str) -> str:
        match = _COMMENT.fullmatch(urn)
        target = match.group(1) if match else urn
        return f"{self.app_url}/feed/update/{target}/?commentUrn={_enc(urn)}"

    async def _find_comment(self, target: str, organization: str, text: str, since: datetime) -> Published | None:
        comments = await self._comments(target)
        if not isinstance(comments, list):
            return None
        wanted = canonical_text(text)
        for comment in comments:
            try:
                created = _from_millis(obj(comment.get("created")).get("time"))
                message = obj(comment.get("message")).get("text")
            except ShapeError:
                continue
            urn = _JSON.opt_text(comment, "commentUrn") or _JSON.opt_text(comment, "$URN")
            if (
                urn
                and comment.get("actor") == organization
                and created >= since - CLOCK_SKEW
                and canonical_text(str(message or "")) == wanted
            ):
                return Published(urn, self._comment_link(urn))
        return None

    async def metrics(self, remote_ids: Sequence[str]) -> Mapping[str, Metrics] | Transient:
        """Impressions, clicks, likes, comments and shares per post (page share statistics)."""
        posts = [urn for urn in dict.fromkeys(remote_ids) if _POST.fullmatch(urn)]
        if not posts:
            return {}
        organization = await self._organization()
        if not isinstance(organization, str):
            return self._as_transient(organization)
        found: dict[str, Metrics] = {}
        for start in range(0, len(posts), METRICS_BATCH):
            batch = posts[start : start + METRICS_BATCH]
            query = [("q", "organizationalEntity"), ("organizationalEntity", _enc(organization))]
            shares = [urn for urn in batch if urn.startswith("urn:li:share:")]
            ugc = [urn for urn in batch if urn.startswith("urn:li:ugcPost:")]
            if shares:
                query.append(("shares", "List(" + ",".join(_enc(urn) for urn in shares) + ")"))
            if ugc:
                query.append(("ugcPosts", "List(" + ",".join(_enc(urn) for urn in ugc) + ")"))
            try:
                got = await self._get_json(self._url("/rest/organizationalEntityShareStatistics", query))
                if isinstance(got, Failure):
                    return self._as_transient(got)
                for item in _JSON.items(obj(got).get("elements")):
                    element = obj(item)
                    urn = _JSON.opt_text(element, "share") or _JSON.opt_text(element, "ugcPost")
                    stats = element.get("totalShareStatistics")
                    if urn not in batch or not isinstance(stats, Mapping):
                        continue
                    found[urn] = Metrics(
                        {
                            name: int(stats.get(key) or 0)
                            for name, key in (
                                ("impressions", "impressionCount"),
                                ("unique_impressions", "uniqueImpressionsCount"),
                                ("clicks", "clickCount"),
                                ("likes", "likeCount"),
                                ("comments", "commentCount"),
                                ("shares", "shareCount"),
                            )
                            if isinstance(stats.get(key), int | float)
                        }
                    )
            except ShapeError as exc:
                return Transient(str(exc))
        return found

    # -- inbox --------------------------------------------------------------------------------
    async def _comments(self, target: str) -> list[Mapping[str, Any]] | Failure:
        found: list[Mapping[str, Any]] = []
        try:
            for page in range(COMMENT_PAGES):
                got = await self._get_json(
                    self._url(
                        f"/rest/socialActions/{_enc(target)}/comments",
                        [("count", str(COMMENTS_PAGE)), ("start", str(page * COMMENTS_PAGE))],
                    )
                )
                if isinstance(got, Failure):
                    return got
                elements = [obj(item) for item in _JSON.items(obj(got).get("elements"))]
                found.extend(elements)
                if len(elements) < COMMENTS_PAGE:
                    break
        except ShapeError as exc:
            return Transient(str(exc))
        return found

    async def fetch_inbox(self, cursor: str | None) -> InboxPage | AuthExpired | RateLimited | Transient:
        """Comments and replies to comments on the page's recent posts, newer than ``cursor``.

        The cursor holds the newest comment time seen (and the comments at that instant). Without
        one, a week of comments is read. Page DMs and mentions have no open API.
        """
        since, seen = _read_cursor(cursor)
        now = self._clock()
        if since is None:
            since = now - INBOX_FIRST_READ
        organization = await self._organization()
        if not isinstance(organization, str):
            return self._inbox_failure(organization)
        try:
            got = await self._get_json(
                self._url(
                    "/rest/posts",
                    [
                        ("q", "author"),
                        ("author", _enc(organization)),
                        ("count", str(INBOX_POSTS)),
                        ("sortBy", "CREATED"),
                    ],
                )
            )
            if isinstance(got, Failure):
                return self._inbox_failure(got)
            posts = [
                _JSON.text(obj(item), "id")
                for item in _JSON.items(obj(got).get("elements"))
                if _from_millis(obj(item).get("createdAt")) >= now - INBOX_POST_AGE
            ]
            items: list[RemoteItem] = []
            for post in posts:
                comments = await self._comments(post)
                if not isinstance(comments, list):
                    return self._inbox_failure(comments)
                for comment in comments:
                    item = self._remote_item(comment, post, None, organization)
                    if item is not None:
                        items.append(item)
                    summary = comment.get("commentsSummary")
                    replies = obj(summary).get("aggregatedTotalComments") if isinstance(summary, Mapping) else 0
                    urn = _JSON.opt_text(comment, "commentUrn") or _JSON.opt_text(comment, "$URN")
                    if urn and isinstance(replies, int) and replies > 0:
                        nested = await self._comments(urn)
                        if not isinstance(nested, list):
                            return self._inbox_failure(nested)
                        for reply in nested:
                            item = self._remote_item(reply, post, urn, organization)
                            if item is not None:
                                items.append(item)
        except ShapeError as exc:
            return Transient(str(exc))
        fresh = [
            item
            for item in items
            if item.created_at > since or (item.created_at == since and item.remote_id not in seen)
        ]
        fresh.sort(key=lambda i: (i.created_at, i.remote_id))
        if not fresh:
            return InboxPage((), cursor)
        newest = fresh[-1].created_at
        at_newest = {i.remote_id for i in fresh if i.created_at == newest}
        if newest == since:
            at_newest |= seen
        return InboxPage(tuple(fresh), json.dumps({"v": 1, "t": _millis(newest), "ids": sorted(at_newest)}))

    def _inbox_failure(self, outcome: Failure) -> AuthExpired | RateLimited | Transient:
        return self._as_transient(outcome) if isinstance(outcome, Rejected) else outcome

    @staticmethod
    def _remote_item(comment: Mapping[str, Any], post: str, parent: str | None, organization: str) -> RemoteItem | None:
        actor = _JSON.opt_text(comment, "actor")
        urn = _JSON.opt_text(comment, "commentUrn") or _JSON.opt_text(comment, "$URN")
        if actor is None or urn is None or actor == organization:
            return None  # the page's own comments are not inbox items
        message = comment.get("message")
        text = message.get("text") if isinstance(message, Mapping) else None
        created = _from_millis(obj(comment.get("created")).get("time"))
        edited = False
        modified = comment.get("lastModified")
        if isinstance(modified, Mapping) and isinstance(modified.get("time"), int):
            edited = modified["time"] > _millis(created)
        # LinkedIn gives no member names to page apps: the member's URN stands for them.
        return RemoteItem(
            remote_id=urn,
            kind=InboxKind.REPLY if parent else InboxKind.COMMENT,
            author_name=actor,
            author_handle=actor,
            text=str(text or ""),
            created_at=created,
            parent_remote_id=parent or post,
            post_remote_id=post,
            edited=edited,
        )


def _read_cursor(cursor: str | None) -> tuple[datetime | None, frozenset[str]]:
    if not cursor:
        return None, frozenset()
    try:
        data = json.loads(cursor)
        moment = _from_millis(data.get("t")) if isinstance(data, dict) else None
    except (ValueError, ShapeError):
        return None, frozenset()
    ids = data.get("ids") if isinstance(data, dict) else None
    return moment, frozenset(i for i in ids if isinstance(i, str)) if isinstance(ids, list) else frozenset()


def _poll_duration(minutes: int) -> str | None:
    """LinkedIn's duration for a poll of ``minutes``: the shortest one at least that long."""
    if minutes <= 0:
        return None
    for limit, name in POLL_DURATIONS:
        if minutes <= limit:
            return name
    return None


def _media_content(urns: Sequence[str], media: Sequence[MediaFile]) -> dict[str, Any]:
    if len(urns) == 1:
        single: dict[str, Any] = {"id": urns[0]}
        if media[0].alt_text.strip() and urns[0].startswith("urn:li:image:"):
            single["altText"] = media[0].alt_text
        return {"media": single}
    images = []
    for urn, item in zip(urns, media, strict=True):
        entry: dict[str, Any] = {"id": urn}
        if item.alt_text.strip():
            entry["altText"] = item.alt_text
        images.append(entry)
    return {"multiImage": {"images": images}}


def _read_range(path: Path, first: int, last: int) -> bytes:
    with path.open("rb") as handle:
        handle.seek(first)
        return handle.read(last - first + 1)
