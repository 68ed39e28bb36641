"""What the Facebook Page and Instagram adapters share: Meta's Graph API plumbing and error mapping.

Facts from ``reference/platform_apis.md`` §1.8 and §2.5:

- Every error comes in one envelope, ``{"error": {"message", "type", "code", "error_subcode",
  "error_user_title", "error_user_msg", "fbtrace_id", "is_transient"}}``, usually with HTTP 400;
  throttles sometimes come as 403 or 429. So the outcome is decided by ``error.code`` (and
  ``error_subcode``), never by the HTTP status alone.
- Token: code 190 (subcodes 458–467, 490) and 102 → :class:`AuthExpired` (the person reconnects).
  Missing permission (10, 200–299) and Page Publishing Authorization (subcodes 1404078,
  4854002) also need the person to reconnect or act on Facebook: :class:`AuthExpired` for
  publishing and reading, ``Rejected("permission")`` for an action on one object (hide, delete).
- Throttles: 4, 17, 32, 613, 341, 80001–80014 (Business Use Case), IG 2207042 (publishing
  limit), 1390008 (posting too fast), 368 (temporarily blocked) → :class:`RateLimited`, until the
  largest ``estimated_time_to_regain_access`` (minutes) in ``X-Business-Use-Case-Usage``, else
  ``Retry-After``, else a default wait. ``X-App-Usage`` / ``X-Page-Usage`` carry percentages only.
- 1, 2, ``is_transient: true``, 5xx, IG media not ready (9007/2207027), IG fetch/download
  failures (2207001, 2207003, 2207052) → :class:`Transient`: nothing was published.
- 506 duplicate post → ``Rejected("duplicate")``; 100 → ``Rejected("invalid_parameter")``
  (subcode 33: ``Rejected("not_found")``); 1609005 → ``Rejected("link_unreachable")``.

The Graph base (``https://graph.facebook.com``) and the pinned version (``v25.0``) come from the
channel's settings ``base_url`` and ``graph_version``. The token travels in the
``Authorization`` header, never in a URL (Graph's own ``paging.next`` links would otherwise carry
it into logs), and ``paging.next`` is followed only on the Graph origin. No Qt here.
"""

from __future__ import annotations

import asyncio
import json
import math
import re
import unicodedata
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Any, Final
from urllib.parse import parse_qsl, urlencode, urlsplit

import httpx

from kurum_masaustu.platforms.base import Adapter, AuthExpired, RateLimited, Rejected, Transient
from kurum_masaustu.platforms.json_shape import Shape, ShapeError, obj

Sleeper = Callable[[float], Awaitable[None]]
Clock = Callable[[], datetime]
Failure = AuthExpired | RateLimited | Rejected | Transient

DEFAULT_GRAPH_BASE: Final = "https://graph.facebook.com"
DEFAULT_GRAPH_VERSION: Final = "v25.0"
DEFAULT_RATE_LIMIT_WAIT: Final = timedelta(minutes=15)
#: A policy block (368) or a used-up daily publishing quota lasts longer than a request throttle.
LONG_BLOCK_WAIT: Final = timedelta(hours=1)
MEDIA_TIMEOUT: Final = httpx.Timeout(60.0, write=900.0)
#: find_published accepts a post created this long before ``since`` (laptop vs Meta's clock).
CLOCK_SKEW: Final = timedelta(minutes=5)

# Our codes in Rejected (stable; the UI turns them into Turkish messages).
CODE_INVALID_PARAMETER: Final = "invalid_parameter"  # 100
CODE_NOT_FOUND: Final = "not_found"  # 100 / subcode 33: the object is gone or not ours
CODE_DUPLICATE: Final = "duplicate"  # 506
CODE_LINK_UNREACHABLE: Final = "link_unreachable"  # 1609005
CODE_PERMISSION: Final = "permission"  # 10, 200–299 on an action
CODE_UNSUPPORTED: Final = "unsupported"
CODE_BAD_ID: Final = "bad_id"
CODE_MEDIA_UNREADABLE: Final = "media_unreadable"
CODE_MIXED_MEDIA: Final = "mixed_media"
CODE_TOO_MANY_MEDIA: Final = "too_many_media"

TOKEN_CODES: Final = frozenset({102, 190})
TOKEN_SUBCODES: Final = frozenset({458, 459, 460, 463, 464, 467, 490})
PERMISSION_CODES: Final = frozenset({10, *range(200, 300)})
PPA_SUBCODES: Final = frozenset({1404078, 4854002})
THROTTLE_CODES: Final = frozenset({4, 17, 32, 341, 613, *range(80001, 80015)})
THROTTLE_SUBCODES: Final = frozenset({1390008, 2207042})
LONG_BLOCK: Final = frozenset({368})
TRANSIENT_CODES: Final = frozenset({1, 2})
TRANSIENT_SUBCODES: Final = frozenset({2207001, 2207003, 2207027, 2207052})

#: A Graph object id as we accept it in a path: digits, ``<page>_<post>`` or ``<post>_<comment>``.
GRAPH_ID: Final = re.compile(r"[0-9]{1,40}(?:_[0-9]{1,40})?")
_VERSION: Final = re.compile(r"v[0-9]{1,3}\.[0-9]{1,2}")


@dataclass(frozen=True)
class GraphError:
    """The ``error`` object of a Graph answer."""

    status: int
    code: int | None
    subcode: int | None
    type: str
    message: str
    user_title: str = ""
    user_msg: str = ""
    fbtrace_id: str = ""
    is_transient: bool = False
    extra: Mapping[str, Any] = field(default_factory=dict)

    def data(self) -> dict[str, Any]:
        found: dict[str, Any] = {"status": self.status}
        for key, value in (
            ("code", self.code),
            ("error_subcode", self.subcode),
            ("type", self.type),
            ("error_user_title", self.user_title),
            ("error_user_msg", self.user_msg),
            ("fbtrace_id", self.fbtrace_id),
        ):
            if value not in (None, ""):
                found[key] = value
        return found


def _int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def parse_graph_error(response: httpx.Response) -> GraphError | None:
    """The error envelope of ``response``, or None if it has none."""
    try:
        body = response.json()
    except ValueError:
        return None
    if not isinstance(body, Mapping) or not isinstance(body.get("error"), Mapping):
        return None
    error: Mapping[str, Any] = body["error"]
    return GraphError(
        status=response.status_code,
        code=_int(error.get("code")),
        subcode=_int(error.get("error_subcode")),
        type=str(error.get("type") or ""),
        message=str(error.get("message") or f"HTTP {response.status_code}"),
        user_title=str(error.get("error_user_title") or ""),
        user_msg=str(error.get("error_user_msg") or ""),
        fbtrace_id=str(error.get("fbtrace_id") or ""),
        is_transient=error.get("is_transient") is True,
        extra={k: v for k, v in error.items() if k not in ("message", "code", "error_subcode", "type")},
    )


def _usage_json(response: httpx.Response, name: str) -> Any:
    raw = response.headers.get(name)
    if not raw:
        return None
    try:
        return json.loads(raw)
    except ValueError:
        return None


def regain_minutes(response: httpx.Response) -> int | None:
    """The largest ``estimated_time_to_regain_access`` (minutes) in ``X-Business-Use-Case-Usage``."""
    usage = _usage_json(response, "x-business-use-case-usage")
    if not isinstance(usage, Mapping):
        return None
    found: int | None = None
    for entries in usage.values():
        if not isinstance(entries, list):
            continue
        for entry in entries:
            if isinstance(entry, Mapping):
                minutes = _int(entry.get("estimated_time_to_regain_access"))
                if minutes is not None and (found is None or minutes > found):
                    found = minutes
    return found


def usage_percent(response: httpx.Response) -> int | None:
    """The highest usage percentage any of Meta's usage headers reports (100 = throttled)."""
    highest: int | None = None

    def consider(values: Mapping[str, Any]) -> None:
        nonlocal highest
        for key in ("call_count", "total_cputime", "total_time"):
            value = _int(values.get(key))
            if value is not None and (highest is None or value > highest):
                highest = value

    for name in ("x-app-usage", "x-page-usage"):
        usage = _usage_json(response, name)
        if isinstance(usage, Mapping):
            consider(usage)
    buc = _usage_json(response, "x-business-use-case-usage")
    if isinstance(buc, Mapping):
        for entries in buc.values():
            for entry in entries if isinstance(entries, list) else ():
                if isinstance(entry, Mapping):
                    consider(entry)
    return highest


def rate_limit_until(response: httpx.Response, now: datetime, *, long_block: bool = False) -> datetime:
    """When a throttled request may be tried again."""
    minutes = regain_minutes(response)
    if minutes is not None and minutes > 0:
        return now + timedelta(minutes=minutes)
    retry = response.headers.get("retry-after", "").strip()
    if retry:
        if retry.isdigit():
            return now + timedelta(seconds=int(retry))
        try:
            moment = parsedate_to_datetime(retry)
            return max(moment if moment.tzinfo else moment.replace(tzinfo=UTC), now)
        except (TypeError, ValueError):
            pass
    return now + (LONG_BLOCK_WAIT if long_block else DEFAULT_RATE_LIMIT_WAIT)


def graph_failure(
    response: httpx.Response, now: datetime, *, permission_as_auth: bool = True, service: str = "Meta"
) -> Failure:
    """A Graph answer that is not a success, as an outcome (decided by ``error.code``)."""
    error = parse_graph_error(response)
    status = response.status_code
    if error is None:
        text = response.text[:300].strip() or f"HTTP {status}"
        if status == 401:
            return AuthExpired(text)
        if status == 429:
            return RateLimited(rate_limit_until(response, now), text)
        if status >= 500 or status in (408, 409, 425):
            return Transient(f"HTTP {status} from {service}: {text}", _retry_seconds(response))
        return Rejected(f"http_{status}", text, {"status": status})
    code, subcode, message = error.code, error.subcode, error.message
    if code in TOKEN_CODES or (subcode in TOKEN_SUBCODES and code in (None, 190)):
        return AuthExpired(message)
    if code in THROTTLE_CODES or subcode in THROTTLE_SUBCODES:
        return RateLimited(rate_limit_until(response, now, long_block=subcode == 2207042), message)
    if code in LONG_BLOCK:
        return RateLimited(rate_limit_until(response, now, long_block=True), message)
    if code in TRANSIENT_CODES or subcode in TRANSIENT_SUBCODES or error.is_transient or status >= 500:
        return Transient(f"{service} error {code}/{subcode}: {message}", _retry_seconds(response))
    if code in PERMISSION_CODES or subcode in PPA_SUBCODES:
        if permission_as_auth:
            return AuthExpired(f"permission: {message}")
        return Rejected(CODE_PERMISSION, message, error.data())
    if code == 506:
        return Rejected(CODE_DUPLICATE, message, error.data())
    if code == 1609005:
        return Rejected(CODE_LINK_UNREACHABLE, message, error.data())
    if code == 100 and subcode == 33:
        return Rejected(CODE_NOT_FOUND, message, error.data())
    if code == 100:
        return Rejected(CODE_INVALID_PARAMETER, message, error.data())
    return Rejected(f"graph_{code}" if code is not None else f"http_{status}", message, error.data())


def _retry_seconds(response: httpx.Response) -> float | None:
    retry = response.headers.get("retry-after", "").strip()
    return float(retry) if retry.isdigit() else None


def is_gone(outcome: Failure) -> bool:
    """The object asked for does not exist (any more), or is not visible with this token."""
    return isinstance(outcome, Rejected) and outcome.code == CODE_NOT_FOUND


# -- reading Graph JSON -----------------------------------------------------------------------
#: Graph ids sometimes come as numbers; an empty id is missing, an empty text stays empty.
GRAPH: Final = Shape(numbers_as_text=True, keep_empty=True)


def parse_time(value: Any) -> datetime:
    """Graph times: ``2026-09-01T08:00:00+0000`` (also ISO 8601 with ``Z`` or ``+00:00``)."""
    if not isinstance(value, str):
        raise ShapeError(f"not a timestamp: {value!r}")
    try:
        moment = datetime.strptime(value, "%Y-%m-%dT%H:%M:%S%z")
    except ValueError:
        try:
            moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError as exc:
            raise ShapeError(f"not a timestamp: {value!r}") from exc
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def utc_now() -> datetime:
    return datetime.now(UTC)


def canonical(text: str) -> str:
    """Text as compared when looking for our own post: NFC, whitespace runs as one space."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def compose_text(text: str, link: str | None) -> str:
    """``text`` with ``link`` appended unless it is already there (posts that cannot carry a link)."""
    if link and link not in text:
        return f"{text.rstrip()}\n\n{link}" if text.strip() else link
    return text


# -- the adapter base --------------------------------------------------------------------------
class GraphAdapter(Adapter):
    """Graph plumbing for one channel: base URL, pinned version, token header, error mapping.

    ``settings``: ``base_url`` (default ``https://graph.facebook.com``; a sandbox sets its own),
    ``graph_version`` (default ``v25.0``). Subclasses name the secret holding the token.
    ``sleep`` and ``clock`` are injectable so tests neither wait nor depend on the wall clock.
    """

    token_secret: str = "access_token"
    service: str = "Meta"

    def __init__(
        self,
        client: httpx.AsyncClient,
        settings: Mapping[str, Any],
        secrets: Mapping[str, str],
        *,
        sleep: Sleeper = asyncio.sleep,
        clock: Clock = utc_now,
    ) -> None:
        super().__init__(client, settings, secrets)
        base = str(settings.get("base_url") or DEFAULT_GRAPH_BASE).strip().rstrip("/")
        parts = urlsplit(base)
        if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment:
            raise ValueError(f"Graph base_url must be http(s)://host[:port], got {base!r}")
        version = str(settings.get("graph_version") or DEFAULT_GRAPH_VERSION).strip()
        if not _VERSION.fullmatch(version):
            raise ValueError(f"graph_version must look like 'v25.0', got {version!r}")
        self.base_url = base
        self.graph_version = version
        self.graph_url = f"{base}/{version}"
        self._origin = (parts.scheme, parts.netloc.lower())
        self._sleep = sleep
        self._clock = clock

    # -- HTTP ---------------------------------------------------------------------------------
    def same_origin(self, url: str) -> bool:
        parts = urlsplit(url)
        return (parts.scheme, parts.netloc.lower()) == self._origin

    def _token(self, name: str | None = None) -> str:
        return self._secrets.get(name or self.token_secret, "")

    async def _call(
        self,
        method: str,
        target: str,
        *,
        params: Mapping[str, str] | Sequence[tuple[str, str]] | None = None,
        data: Mapping[str, str] | None = None,
        files: Mapping[str, tuple[str, bytes, str]] | None = None,
        content: bytes | None = None,
        headers: Mapping[str, str] | None = None,
        timeout: httpx.Timeout | None = None,
        token_name: str | None = None,
        auth_scheme: str = "Bearer",
    ) -> httpx.Response | Transient | AuthExpired:
        """One request; ``target`` is a Graph path (``/me``) or an absolute URL."""
        token = self._token(token_name)
        if not token:
            return AuthExpired(f"no {self.service} access token ({token_name or self.token_secret}) for this channel")
        url = self.graph_url + target if target.startswith("/") else target
        extra: dict[str, Any] = {}
        if timeout is not None:
            extra["timeout"] = timeout
        host = urlsplit(url).netloc
        try:
            return await self.client.request(
                method,
                url,
                params=params if params is None or isinstance(params, Mapping) else list(params),
                data=data,
                files=files,
                content=content,
                headers={"Authorization": f"{auth_scheme} {token}", "Accept": "application/json", **(headers or {})},
                **extra,
            )
        except httpx.TimeoutException as exc:
            return Transient(f"timeout talking to {host}: {type(exc).__name__}")
        except httpx.RequestError as exc:
            return Transient(f"network error talking to {host}: {type(exc).__name__}: {exc}")

    @staticmethod
    def _json(response: httpx.Response) -> Any:
        try:
            return response.json()
        except ValueError as exc:
            raise ShapeError(f"malformed JSON from Meta (HTTP {response.status_code})") from exc

    def _failure(self, response: httpx.Response, *, permission_as_auth: bool = True) -> Failure:
        return graph_failure(response, self._clock(), permission_as_auth=permission_as_auth, service=self.service)

    async def _graph(
        self,
        method: str,
        target: str,
        *,
        params: Mapping[str, str] | Sequence[tuple[str, str]] | None = None,
        data: Mapping[str, str] | None = None,
        files: Mapping[str, tuple[str, bytes, str]] | None = None,
        timeout: httpx.Timeout | None = None,
        token_name: str | None = None,
        permission_as_auth: bool = True,
    ) -> tuple[Any, httpx.Response] | Failure:
        """A Graph call whose answer is JSON: (body, response) or the failure.

        Raises :class:`ShapeError` for a 2xx answer that is not JSON.
        """
        response = await self._call(
            method, target, params=params, data=data, files=files, timeout=timeout, token_name=token_name
        )
        if not isinstance(response, httpx.Response):
            return response
        if not response.is_success:
            return self._failure(response, permission_as_auth=permission_as_auth)
        body = self._json(response)
        if isinstance(body, Mapping) and isinstance(body.get("error"), Mapping):
            return self._failure(response, permission_as_auth=permission_as_auth)
        return body, response

    async def _list_page(self, target: str, params: Mapping[str, str] | None) -> tuple[list[Any], str | None] | Failure:
        """One page of a Graph edge: its ``data`` and the ``paging.next`` URL (only on our origin)."""
        got = await self._graph("GET", target, params=params)
        if not isinstance(got, tuple):
            return got
        body = obj(got[0])
        found = GRAPH.items(body.get("data", []))
        paging = body.get("paging")
        following = paging.get("next") if isinstance(paging, Mapping) else None
        if not isinstance(following, str) or not self.same_origin(following):
            following = None
        elif following is not None and "access_token" in dict(parse_qsl(urlsplit(following).query)):
            # Never send a token in a URL (it would land in proxy logs): strip it, the header carries ours.
            parts = urlsplit(following)
            query = urlencode(
                [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "access_token"]
            )
            following = parts._replace(query=query).geturl()
        return found, following

    def _as_transient(self, outcome: Failure) -> Transient:
        if isinstance(outcome, Transient):
            return outcome
        if isinstance(outcome, RateLimited):
            wait = max(0.0, (outcome.until - self._clock()).total_seconds())
            return Transient(f"rate limited: {outcome.detail}", wait)
        if isinstance(outcome, AuthExpired):
            return Transient(f"access token refused: {outcome.detail}")
        return Transient(f"{outcome.code}: {outcome.platform_message}")

    def _reading_failure(self, outcome: Failure) -> AuthExpired | RateLimited | Transient:
        return self._as_transient(outcome) if isinstance(outcome, Rejected) else outcome

    @staticmethod
    def _checked_id(value: str) -> bool:
        return bool(GRAPH_ID.fullmatch(value))

    @staticmethod
    def _unix(moment: datetime) -> int:
        return math.floor(aware(moment).timestamp())
