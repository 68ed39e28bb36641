"""An in-process Facebook Graph API: one Page, as the Graph API answers a Page token.

Faithful to ``reference/platform_apis.md`` §1 and §10, not to our adapter:

- The Graph is a graph of nodes: ``GET|POST|DELETE /{version}/{id}`` and
  ``GET|POST /{version}/{id}/{edge}``; the version (``vNN.N``) is optional as on Graph. Parameters
  come from the query string and the body (form, multipart or JSON) alike. ``fields`` selects what
  a node shows (nested ``a{b,c}`` and ``.limit(n)``, ``.summary(true)``); an unknown field is
  ``(#100) Tried accessing nonexisting field (x) on node type (Page)``; an unknown id is
  ``Unsupported get request…`` (code 100, subcode 33); an unknown edge ``Unknown path components``
  (2500). Lists are ``{"data": […], "paging": {"cursors": {"before", "after"}, "next"}}``.
- The token comes as ``access_token`` or ``Authorization: Bearer|OAuth``; none is code 2500, a
  wrong one 190, an expired one 190/463 with ``WWW-Authenticate``. Only its SHA-256 is kept; the
  first token a new sandbox sees becomes the Page's.
- Page publishing: ``/feed`` (``message``, ``link``, ``attached_media``, ``published``,
  ``scheduled_publish_time`` 10 min to ``max_schedule_days`` — 30 by default, configurable, as §1.2
  asks — ahead), ``/photos`` (multipart ``source``, ≤ 4 MB, JPEG/PNG/GIF/BMP/TIFF/WebP,
  ``published=false`` for ``attached_media``, ``alt_text_custom`` kept and read back as the photo's
  field of that name, absent when none was sent), ``/videos`` (MP4/MOV; ``status.video_status``
  ``processing`` → ``ready`` or ``error``), ``/comments`` on posts and comments (one level),
  hiding comments (``is_hidden``), deleting, ``scheduled_posts``, ``published_posts``, post
  insights with the 2025/2026 metric names (deprecated ones are ``(#100)`` invalid metrics).
- Errors in Meta's envelope ``{"error": {"message", "type", "code", "error_subcode",
  "fbtrace_id", …}}``, HTTP 400 (500 for server errors); a repeated message within the
  duplicate window is ``(#506) Duplicate status message``. Wording marked *unconfirmed* in the
  reference is ours.
- Usage: every answer carries ``X-App-Usage`` and ``X-Business-Use-Case-Usage`` (percentages of a
  rolling window); once the Page's Business Use Case quota (``buc_calls_per_day``) is used up,
  code 80001 with ``estimated_time_to_regain_access`` (minutes).
- Faults (``core.Faults``): timeout after the write was carried out, 5xx (code 2, transient),
  rate limit (80001 with the header), expired token (190/463), malformed JSON, slow video
  processing (``slow_media_polls``).

State: one JSON file (page, objects, citizens, limits, token hash); uploaded files beside it in
``<stem>-media/``. :meth:`FacebookSandbox.published` lists what the Page posted;
:meth:`FacebookSandbox.add_citizen_comment` seeds comments for the inbox.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import math
import re
import secrets
from collections import deque
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email import message_from_bytes
from email.message import Message
from pathlib import Path
from typing import Any, Final
from urllib.parse import parse_qsl, urlencode

import httpx

from kurum_masaustu.platforms.sandbox.core import SandboxState, SandboxTransport, write_file_atomic

DEFAULT_HOST: Final = "graph.facebook.sandbox.invalid"
CDN_HOST: Final = "scontent.sandbox.invalid"
WEB: Final = "https://www.facebook.com"
PAGE_ID: Final = "104400000000001"
FIRST_ID: Final = 122_100_000_000_000
DEFAULT_PAGE_NAME: Final = "Örnek Belediyesi"
DEFAULT_USERNAME: Final = "ornekbelediyesi"
_MISSING: Final = object()

DEFAULT_LIMITS: dict[str, int] = {
    "min_schedule_seconds": 600,
    "max_schedule_days": 30,  # disputed upper bound (§1.2): configurable, 30 by default
    "min_change_seconds": 180,  # a scheduled post can be deleted only while ≥ 3 min away
    "max_message_length": 63_206,
    "photo_max_bytes": 4 * 1024 * 1024,
    "duplicate_window_seconds": 86_400,
    "buc_calls_per_day": 4_800,  # 4,800 × engaged users (one) per 24 h
    "app_calls_per_hour": 20_000,  # 200 × daily active users: reported in X-App-Usage
    "video_processing_polls": 1,
}
PHOTO_FORMATS: Final = frozenset({"JPEG", "PNG", "GIF", "BMP", "TIFF", "WEBP", "MPO"})
VIDEO_BRANDS: Final = frozenset({"isom", "iso2", "mp41", "mp42", "avc1", "qt  ", "M4V ", "dash", "3gp4", "3gp5"})
#: Post metrics that exist (v25) and the ones retired since 2024 (reference §1.5).
POST_METRICS: Final = frozenset(
    {
        "post_total_media_view_unique",
        "post_media_view",
        "post_reactions_by_type_total",
        "post_clicks",
        "post_clicks_by_type",
        "post_video_views",
    }
)

Params = dict[str, str]
Files = dict[str, tuple[str | None, str, bytes]]


# -- small helpers -----------------------------------------------------------------------------
def graph_time(moment: datetime) -> str:
    """Graph's time format: ``2026-09-01T08:00:00+0000``."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S+0000")


def parse_graph_time(value: str) -> datetime:
    return datetime.strptime(value, "%Y-%m-%dT%H:%M:%S%z")


def _utc_now() -> datetime:
    return datetime.now(UTC)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_access_token() -> str:
    """A fresh token for a sandbox channel (the caller keeps it in the keyring)."""
    return "EAA" + secrets.token_urlsafe(48)


def _truthy(value: str | None, default: bool) -> bool:
    if value is None or value == "":
        return default
    return value.strip().lower() in ("1", "true", "yes", "on")


def _fbtrace() -> str:
    return base64.b64encode(secrets.token_bytes(8)).decode("ascii").rstrip("=").replace("/", "_").replace("+", "-")


class GraphError(Exception):
    """Raised inside a handler: answered as Meta's error envelope."""

    def __init__(
        self,
        message: str,
        code: int,
        *,
        subcode: int | None = None,
        type_: str = "OAuthException",
        status: int = 400,
        user_title: str | None = None,
        user_msg: str | None = None,
        is_transient: bool | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.subcode = subcode
        self.type = type_
        self.status = status
        self.user_title = user_title
        self.user_msg = user_msg
        self.is_transient = is_transient
        self.headers = dict(headers or {})

    def response(self) -> httpx.Response:
        error: dict[str, Any] = {"message": self.message, "type": self.type, "code": self.code}
        if self.subcode is not None:
            error["error_subcode"] = self.subcode
        if self.is_transient is not None:
            error["is_transient"] = self.is_transient
        if self.user_title is not None:
            error["error_user_title"] = self.user_title
        if self.user_msg is not None:
            error["error_user_msg"] = self.user_msg
        error["fbtrace_id"] = _fbtrace()
        return httpx.Response(self.status, json={"error": error}, headers=self.headers)


def unsupported(method: str, object_id: str) -> GraphError:
    return GraphError(
        f"Unsupported {method.lower()} request. Object with ID '{object_id}' does not exist, cannot be loaded due "
        "to missing permissions, or does not support this operation. Please read the Graph API documentation at "
        "https://developers.facebook.com/docs/graph-api",
        100,
        subcode=33,
        type_="GraphMethodException",
    )


def invalid(message: str, *, subcode: int | None = None) -> GraphError:
    return GraphError(f"(#100) {message}", 100, subcode=subcode)


# -- fields=a,b{c,d}.limit(2) -------------------------------------------------------------------
@dataclass(frozen=True)
class FieldSpec:
    name: str
    modifiers: Mapping[str, str] = field(default_factory=dict)
    sub: tuple[FieldSpec, ...] | None = None


_NAME = re.compile(r"[A-Za-z0-9_]+")


def parse_fields(text: str) -> tuple[FieldSpec, ...]:
    """Graph's field expansion syntax."""
    position = 0

    def fail() -> GraphError:
        return invalid(
            f'Syntax error "Expected end of string instead of "{text[position : position + 1]}"." '
            f"at character {position}: {text}"
        )

    def parse_list() -> tuple[FieldSpec, ...]:
        nonlocal position
        found: list[FieldSpec] = []
        while True:
            match = _NAME.match(text, position)
            if match is None:
                raise fail()
            name = match.group()
            position = match.end()
            modifiers: dict[str, str] = {}
            while position < len(text) and text[position] == ".":
                mod = _NAME.match(text, position + 1)
                if mod is None or not text.startswith("(", mod.end()):
                    raise fail()
                close = text.find(")", mod.end())
                if close < 0:
                    raise fail()
                modifiers[mod.group()] = text[mod.end() + 1 : close]
                position = close + 1
            sub: tuple[FieldSpec, ...] | None = None
            if position < len(text) and text[position] == "{":
                position += 1
                sub = parse_list()
                if position >= len(text) or text[position] != "}":
                    raise fail()
                position += 1
            found.append(FieldSpec(name, modifiers, sub))
            if position < len(text) and text[position] == ",":
                position += 1
                continue
            return tuple(found)

    specs = parse_list() if text else ()
    if position != len(text):
        raise fail()
    return specs


# -- request bodies -----------------------------------------------------------------------------
def _multipart(request: httpx.Request) -> list[tuple[str, str | None, str, bytes]]:
    content_type = request.headers.get("content-type", "")
    head = f"Content-Type: {content_type}\r\nMIME-Version: 1.0\r\n\r\n".encode("latin-1")
    message = message_from_bytes(head + request.content)
    if not message.is_multipart():
        raise invalid("Invalid multipart body")
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


def request_params(request: httpx.Request) -> tuple[Params, Files]:
    """Query and body parameters as Graph merges them, and any uploaded files."""
    params: Params = dict(request.url.params.multi_items())
    files: Files = {}
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if request.method in ("POST", "DELETE") and request.content:
        if content_type == "multipart/form-data":
            for name, filename, mime, data in _multipart(request):
                if filename is None:
                    params[name] = data.decode("utf-8", "replace")
                else:
                    files[name] = (filename, mime, data)
        elif content_type == "application/json":
            try:
                body = json.loads(request.content)
            except ValueError as exc:
                raise invalid("Invalid JSON body") from exc
            if isinstance(body, Mapping):
                for key, value in body.items():
                    params[str(key)] = value if isinstance(value, str) else json.dumps(value)
        elif content_type in ("application/x-www-form-urlencoded", ""):
            params.update(parse_qsl(request.content.decode("utf-8"), keep_blank_values=True))
    return params, files


# -- what the sandbox Page posted (for ``kurum-masaustu sandbox list``) ------------------------
@dataclass(frozen=True)
class SandboxMedia:
    id: str
    type: str  # "photo" | "video" | "image" (Instagram) …
    mime_type: str
    size: int
    file: str | None
    alt_text: str = ""


@dataclass(frozen=True)
class SandboxPost:
    id: str
    text: str
    created_at: datetime
    permalink: str
    url: str  # = permalink (what ``sandbox list`` prints)
    kind: str
    link: str | None = None
    media: tuple[SandboxMedia, ...] = ()
    scheduled: bool = False  # still waiting in the platform's scheduler (``created_at`` = when due)
    counts: Mapping[str, int] = field(default_factory=dict)


@dataclass
class _Window:
    """A rolling window of request times (kept in memory: usage restarts with the app)."""

    seconds: int
    times: deque[float] = field(default_factory=deque)

    def add(self, now: float) -> None:
        self.times.append(now)

    def used(self, now: float) -> int:
        while self.times and self.times[0] <= now - self.seconds:
            self.times.popleft()
        return len(self.times)

    def regain_minutes(self, now: float, limit: int) -> int:
        used = self.used(now)
        if used < limit:
            return 0
        index = used - limit  # once this many calls have left the window, one call is free again
        return max(1, math.ceil((self.times[index] + self.seconds - now) / 60))


Handler = Callable[[httpx.Request, Params, Files, str, dict[str, Any]], Awaitable[httpx.Response]]
FieldFn = Callable[[dict[str, Any], FieldSpec], Any]


@dataclass(frozen=True)
class NodeType:
    name: str  # as Graph names it in errors ("Page", "Post", …)
    fields: Mapping[str, FieldFn]
    default_fields: tuple[str, ...]


def initial_state(
    access_token: str | None, *, page_name: str = DEFAULT_PAGE_NAME, username: str = DEFAULT_USERNAME
) -> dict[str, Any]:
    """A new sandbox Page. Without ``access_token`` the first token it sees becomes its token."""
    state: dict[str, Any] = {
        "platform": "facebook",
        "page": {
            "id": PAGE_ID,
            "name": page_name,
            "username": username,
            "category": "Government Organization",
            "about": "Resmî sayfa (deneme ortamı)",
            "fan_count": 1250,
            "followers_count": 1310,
        },
        "objects": {},
        "users": {},
        "limits": dict(DEFAULT_LIMITS),
        "next_id": FIRST_ID,
    }
    if access_token is not None:
        state["token_sha256"] = token_digest(access_token)
    return state


@dataclass(eq=False)
class GraphSandbox(SandboxTransport):
    """Graph plumbing shared by the Facebook and Instagram sandboxes: routing by node type,
    field selection, paging, tokens, usage headers and Meta's error envelopes."""

    host: str = DEFAULT_HOST
    clock: Callable[[], datetime] = _utc_now
    #: False: never answer 80001 for the quota (benchmarks); the headers are still sent.
    enforce_rate_limits: bool = True
    _buc: _Window = field(default_factory=lambda: _Window(86_400), repr=False)
    _app: _Window = field(default_factory=lambda: _Window(3_600), repr=False)
    _node_types: dict[str, NodeType] = field(default_factory=dict, repr=False)
    _edges: dict[tuple[str, str, str], Handler] = field(default_factory=dict, repr=False)
    _node_posts: dict[str, Handler] = field(default_factory=dict, repr=False)
    _node_deletes: dict[str, Handler] = field(default_factory=dict, repr=False)

    platform_name: str = "facebook"
    buc_type: str = "pages"
    buc_code: int = 80001

    @classmethod
    def _initial(cls) -> dict[str, Any]:
        return initial_state(None)

    def __post_init__(self) -> None:
        missing = {k: v for k, v in self._initial().items() if k not in self.state.data}
        if missing:
            self.state.data.update(missing)
            self.state.save()
        for name, value in DEFAULT_LIMITS.items():
            self.state.data["limits"].setdefault(name, value)
        self._register()
        version = r"(?:/(?P<v>v[0-9]+\.[0-9]+))?"
        self.route("GET", version + r"/(?P<id>[A-Za-z0-9_]+)", self._get_node)
        self.route("POST", version + r"/(?P<id>[A-Za-z0-9_]+)", self._post_node, writes=True)
        self.route("DELETE", version + r"/(?P<id>[A-Za-z0-9_]+)", self._delete_node, writes=True)
        self.route("GET", version + r"/(?P<id>[A-Za-z0-9_]+)/(?P<edge>[A-Za-z_]+)", self._get_edge)
        self.route("POST", version + r"/(?P<id>[A-Za-z0-9_]+)/(?P<edge>[A-Za-z_]+)", self._post_edge, writes=True)

    @classmethod
    def open(
        cls,
        path: Path,
        access_token: str,
        *,
        host: str = DEFAULT_HOST,
        clock: Callable[[], datetime] | None = None,
    ) -> Any:
        """The sandbox whose state is in ``path`` (created for ``access_token`` if new).

        An existing state keeps the token it was created with: another token gets 190.
        """
        state = SandboxState(path, cls._initial())
        if "token_sha256" not in state.data:
            state.data["token_sha256"] = token_digest(access_token)
            state.save()
        return cls(state=state, host=host, clock=clock or _utc_now)

    # -- plumbing ---------------------------------------------------------------------------
    @property
    def data(self) -> dict[str, Any]:
        return self.state.data

    @property
    def page_id(self) -> str:
        return str(self.data["page"]["id"])

    @property
    def base_url(self) -> str:
        return f"https://{self.host}"

    @property
    def media_dir(self) -> Path:
        return self.state.path.parent / f"{self.state.path.stem}-media"

    def limit(self, name: str) -> int:
        return int(self.data["limits"].get(name, DEFAULT_LIMITS.get(name, 0)))

    def new_number(self) -> int:
        return self.state.next_id("next_id", FIRST_ID)

    def save(self) -> None:
        """Write the state file (after seeding with ``save=False``)."""
        self.state.save()

    def store_file(self, data: bytes, suffix: str) -> str:
        digest = hashlib.sha256(data).hexdigest()
        name = digest[:32] + suffix
        self.media_dir.mkdir(parents=True, exist_ok=True)
        stored = self.media_dir / name
        if not stored.exists():
            write_file_atomic(stored, data)
        return name

    def read_file(self, name: str) -> bytes | None:
        try:
            return (self.media_dir / name).read_bytes()
        except OSError:
            return None

    def _file_path(self, name: str | None) -> str | None:
        if not name:
            return None
        stored = self.media_dir / name
        return str(stored) if stored.exists() else None

    def node_type(self, name: str, label: str, fields: Mapping[str, FieldFn], default_fields: Sequence[str]) -> None:
        """Register a node type; ``label`` is the name Graph uses in its messages."""
        self._node_types[name] = NodeType(label, fields, tuple(default_fields))

    def edge(self, method: str, node_type: str, edge: str, handler: Handler) -> None:
        self._edges[(method, node_type, edge)] = handler

    def object(self, object_id: str) -> dict[str, Any] | None:
        found: dict[str, Any] | None = self.data["objects"].get(object_id)
        return found

    def resolve(self, object_id: str, request: httpx.Request | None = None) -> tuple[str, dict[str, Any]] | None:
        """(node type, record) of an id; ``me`` is the Page."""
        if object_id in ("me", self.page_id):
            return "page", self.data["page"]
        record = self.object(object_id)
        if record is not None:
            return str(record["type"]), record
        user = self.data["users"].get(object_id)
        if user is not None:
            return "user", user
        return None

    # -- request handling ---------------------------------------------------------------------
    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        now = self.clock()
        async with self.state.lock:
            self.publish_due(now)
        stamp = now.timestamp()
        self._buc.add(stamp)
        self._app.add(stamp)
        buc_used = self._buc.used(stamp)
        limit = self.limit("buc_calls_per_day")
        if buc_used > limit and self.enforce_rate_limits and not self.faults.expired_token:
            self.requests.append(request)
            await request.aread()
            response = self._throttled(self._buc.regain_minutes(stamp, limit))
        else:
            try:
                response = await super().handle_async_request(request)
            except GraphError as exc:  # raised outside a handler (e.g. while reading the body)
                response = exc.response()
        self._usage_headers(response, stamp)
        return response

    def _usage_headers(self, response: httpx.Response, stamp: float) -> None:
        if "x-business-use-case-usage" in response.headers:
            return
        buc = min(100, math.floor(self._buc.used(stamp) * 100 / max(1, self.limit("buc_calls_per_day"))))
        app = min(100, math.floor(self._app.used(stamp) * 100 / max(1, self.limit("app_calls_per_hour"))))
        response.headers["X-App-Usage"] = json.dumps(
            {"call_count": app, "total_cputime": app // 2, "total_time": app // 2}
        )
        response.headers["X-Business-Use-Case-Usage"] = json.dumps(
            {
                self.buc_owner(): [
                    {
                        "type": self.buc_type,
                        "call_count": buc,
                        "total_cputime": buc // 2,
                        "total_time": buc // 2,
                        "estimated_time_to_regain_access": 0,
                    }
                ]
            }
        )
        response.headers.setdefault("x-fb-trace-id", _fbtrace())

    def buc_owner(self) -> str:
        return self.page_id

    def _throttled(self, minutes: int) -> httpx.Response:
        noun = "Page" if self.buc_type == "pages" else "Instagram"
        error = GraphError(
            f"There have been too many calls to this {noun} account. Wait a bit and try again. For more info, "
            "please refer to https://developers.facebook.com/docs/graph-api/overview/rate-limiting.",
            self.buc_code,
            subcode=2446079 if self.buc_type == "pages" else None,
            is_transient=True,
            headers={
                "X-App-Usage": json.dumps({"call_count": 100, "total_cputime": 40, "total_time": 40}),
                "X-Business-Use-Case-Usage": json.dumps(
                    {
                        self.buc_owner(): [
                            {
                                "type": self.buc_type,
                                "call_count": 100,
                                "total_cputime": 40,
                                "total_time": 40,
                                "estimated_time_to_regain_access": minutes,
                            }
                        ]
                    }
                ),
            },
        )
        return error.response()

    # Meta's own shapes for the shared fault injection
    def rate_limited(self, request: httpx.Request, seconds: int) -> httpx.Response:
        return self._throttled(max(1, math.ceil(seconds / 60)))

    def token_expired(self, request: httpx.Request) -> httpx.Response:
        expired = self.clock() - timedelta(hours=1)
        message = (
            f"Error validating access token: Session has expired on {expired.strftime('%A, %d-%b-%y %H:%M:%S')} UTC. "
            f"The current time is {self.clock().strftime('%A, %d-%b-%y %H:%M:%S')} UTC."
        )
        return GraphError(
            message,
            190,
            subcode=463,
            headers={"WWW-Authenticate": f'OAuth "Facebook Platform" "invalid_token" "{message}"'},
        ).response()

    def server_error(self, request: httpx.Request) -> httpx.Response:
        return GraphError(
            "An unexpected error has occurred. Please retry your request later.", 2, status=500, is_transient=True
        ).response()

    def not_found(self, request: httpx.Request) -> httpx.Response:
        return GraphError(f"Unknown path components: {request.url.path}", 2500).response()

    def _check_token(self, request: httpx.Request, params: Params) -> None:
        token = params.get("access_token", "")
        header = request.headers.get("authorization", "")
        scheme, _, value = header.partition(" ")
        if not token and scheme.lower() in ("bearer", "oauth"):
            token = value.strip()
        if not token:
            raise GraphError("An active access token must be used to query information about the current user.", 2500)
        if "token_sha256" not in self.data:
            self.data["token_sha256"] = token_digest(token)  # a new sandbox: its first token is its own
            self.state.save()
        if token_digest(token) != self.data.get("token_sha256"):
            raise GraphError(
                "Invalid OAuth access token - Cannot parse access token",
                190,
                headers={"WWW-Authenticate": 'OAuth "Facebook Platform" "invalid_token" "Invalid OAuth access token"'},
            )

    def _prepare(self, request: httpx.Request) -> tuple[Params, Files]:
        params, files = request_params(request)
        self._check_token(request, params)
        return params, files

    async def _get_node(self, request: httpx.Request, match: Any) -> httpx.Response:
        try:
            params, _ = self._prepare(request)
            found = self.resolve(match.group("id"), request)
            if found is None:
                raise unsupported("GET", match.group("id"))
            kind, record = found
            return httpx.Response(200, json=self.render(kind, record, self._fields(params)))
        except GraphError as exc:
            return exc.response()

    async def _post_node(self, request: httpx.Request, match: Any) -> httpx.Response:
        return await self._node_write(request, match, self._node_posts, "POST")

    async def _delete_node(self, request: httpx.Request, match: Any) -> httpx.Response:
        return await self._node_write(request, match, self._node_deletes, "DELETE")

    async def _node_write(
        self, request: httpx.Request, match: Any, table: Mapping[str, Handler], method: str
    ) -> httpx.Response:
        try:
            params, files = self._prepare(request)
            object_id = match.group("id")
            found = self.resolve(object_id, request)
            handler = table.get(found[0]) if found else None
            if found is None or handler is None:
                raise unsupported(method, object_id)
            return await handler(request, params, files, object_id if object_id != "me" else self.page_id, found[1])
        except GraphError as exc:
            return exc.response()

    async def _get_edge(self, request: httpx.Request, match: Any) -> httpx.Response:
        return await self._edge_call(request, match, "GET")

    async def _post_edge(self, request: httpx.Request, match: Any) -> httpx.Response:
        return await self._edge_call(request, match, "POST")

    async def _edge_call(self, request: httpx.Request, match: Any, method: str) -> httpx.Response:
        try:
            params, files = self._prepare(request)
            object_id, edge = match.group("id"), match.group("edge")
            found = self.resolve(object_id, request)
            if found is None:
                raise unsupported(method, object_id)
            handler = self._edges.get((method, found[0], edge))
            if handler is None:
                raise GraphError(f"Unknown path components: /{edge}", 2500)
            resolved_id = self.page_id if object_id == "me" else object_id
            return await handler(request, params, files, resolved_id, found[1])
        except GraphError as exc:
            return exc.response()

    # -- rendering ------------------------------------------------------------------------------
    @staticmethod
    def _fields(params: Mapping[str, str]) -> tuple[FieldSpec, ...] | None:
        raw = params.get("fields")
        return parse_fields(raw.replace(" ", "")) if raw else None

    def render(self, kind: str, record: dict[str, Any], specs: Sequence[FieldSpec] | None) -> dict[str, Any]:
        node = self._node_types[kind]
        chosen = specs if specs else tuple(FieldSpec(name) for name in node.default_fields)
        out: dict[str, Any] = {}
        for spec in chosen:
            getter = node.fields.get(spec.name)
            if getter is None:
                raise invalid(f"Tried accessing nonexisting field ({spec.name}) on node type ({node.name})")
            value = getter(record, spec)
            if value is not _MISSING and value is not None:
                out[spec.name] = value
        if "id" not in out and "id" in node.fields:
            out["id"] = node.fields["id"](record, FieldSpec("id"))
        return out

    def nested(self, object_id: str | None, spec: FieldSpec, default: Sequence[str] = ("id",)) -> Any:
        """A node-valued field (``from``, ``parent``…), with its own sub-fields."""
        if not object_id:
            return _MISSING
        found = self.resolve(object_id)
        if found is None:
            return _MISSING
        kind, record = found
        return self.render(kind, record, spec.sub or tuple(FieldSpec(n) for n in default))

    def edge_field(self, kind: str, records: Sequence[dict[str, Any]], spec: FieldSpec) -> dict[str, Any]:
        """An edge asked for as a field (``replies{…}``, ``comments.summary(true)``)."""
        limit = int(spec.modifiers.get("limit", "25") or 25)
        out: dict[str, Any] = {"data": [self.render(kind, r, spec.sub) for r in records[:limit]]}
        if spec.modifiers.get("summary") == "true" or spec.modifiers.get("summary", "").startswith("total_count"):
            out["summary"] = {"total_count": len(records)}
        return out

    def listing(
        self,
        request: httpx.Request,
        params: Mapping[str, str],
        kind: str,
        records: Sequence[dict[str, Any]],
        *,
        extra: Mapping[str, Any] | None = None,
        default_limit: int = 25,
    ) -> httpx.Response:
        """A cursor-paged edge: ``data`` and ``paging`` as Graph builds them."""
        try:
            limit = max(1, min(100, int(params.get("limit", default_limit))))
        except ValueError as exc:
            raise invalid("Param limit must be a number") from exc
        start = 0
        after = params.get("after")
        if after:
            try:
                start = int(base64.urlsafe_b64decode(after.encode() + b"==").decode()) + 1
            except (ValueError, UnicodeDecodeError) as exc:
                raise invalid("Invalid cursor") from exc
        specs = self._fields(params)
        page = list(records[start : start + limit])
        body: dict[str, Any] = {"data": [self.render(kind, r, specs) for r in page]}
        if page:

            def cursor(index: int) -> str:
                return base64.urlsafe_b64encode(str(index).encode()).decode().rstrip("=")

            paging: dict[str, Any] = {"cursors": {"before": cursor(start), "after": cursor(start + len(page) - 1)}}
            if start + limit < len(records):
                keep = [(k, v) for k, v in request.url.params.multi_items() if k != "after"]
                origin = f"{request.url.scheme}://{request.url.netloc.decode('ascii')}"
                paging["next"] = (
                    f"{origin}{request.url.path}?{urlencode([*keep, ('after', cursor(start + limit - 1))])}"
                )
            body["paging"] = paging
        if extra:
            body.update(extra)
        return httpx.Response(200, json=body)

    # -- to be filled by the platform -----------------------------------------------------------
    def _register(self) -> None:
        raise NotImplementedError

    def publish_due(self, now: datetime) -> None:
        """The platform's scheduler; nothing by default."""


# -- the Facebook Page ------------------------------------------------------------------------------
def _bool_field(key: str) -> FieldFn:
    return lambda record, spec: bool(record.get(key, False))


def _value(key: str) -> FieldFn:
    return lambda record, spec: record.get(key, _MISSING)


@dataclass(eq=False)
class FacebookSandbox(GraphSandbox):
    """An httpx transport that answers as the Graph API for one Facebook Page.

    Build it with :meth:`open`, or as ``FacebookSandbox(state=SandboxState(path, {}), faults=…)``
    (then the first token it sees becomes the Page's token).
    """

    def _register(self) -> None:
        self.node_type(
            "page",
            "Page",
            {
                "id": lambda r, s: r["id"],
                "name": _value("name"),
                "username": _value("username"),
                "link": lambda r, s: f"{WEB}/{r.get('username') or r['id']}",
                "category": _value("category"),
                "about": _value("about"),
                "fan_count": _value("fan_count"),
                "followers_count": _value("followers_count"),
                "verification_status": lambda r, s: "not_verified",
            },
            ("id", "name"),
        )
        self.node_type("user", "User", {"id": lambda r, s: r["id"], "name": _value("name")}, ("id", "name"))
        self.node_type(
            "post",
            "Post",
            {
                "id": lambda r, s: r["id"],
                "message": lambda r, s: r.get("message") or _MISSING,
                "created_time": lambda r, s: r["created_time"],
                "updated_time": lambda r, s: r.get("updated_time", r["created_time"]),
                "permalink_url": lambda r, s: self._post_permalink(r),
                "is_published": _bool_field("is_published"),
                "scheduled_publish_time": lambda r, s: r.get("scheduled_publish_time") or _MISSING,
                "from": lambda r, s: self.nested(self.page_id, s, ("name", "id")),
                "status_type": lambda r, s: r.get("status_type", "mobile_status_update"),
                "full_picture": lambda r, s: self._full_picture(r),
                "shares": lambda r, s: {"count": int(r.get("shares", 0))} if r.get("shares") else _MISSING,
                "comments": lambda r, s: self.edge_field("comment", self._comments_of(r["id"], False), s),
                "attachments": lambda r, s: self._attachments(r, s),
            },
            ("created_time", "message", "id"),
        )
        self.node_type(
            "photo",
            "Photo",
            {
                "id": lambda r, s: r["id"],
                "created_time": lambda r, s: r["created_time"],
                "name": lambda r, s: r.get("name") or _MISSING,
                "images": lambda r, s: self._images(r),
                "width": _value("width"),
                "height": _value("height"),
                "link": lambda r, s: f"{WEB}/photo/?fbid={r['id']}",
                "page_story_id": lambda r, s: r.get("post_id") or _MISSING,
                "from": lambda r, s: self.nested(self.page_id, s, ("name", "id")),
                "alt_text_custom": lambda r, s: r.get("alt_text") or _MISSING,
            },
            ("created_time", "name", "id"),
        )
        self.node_type(
            "video",
            "Video",
            {
                "id": lambda r, s: r["id"],
                "description": lambda r, s: r.get("description") or _MISSING,
                "title": lambda r, s: r.get("title") or _MISSING,
                "created_time": lambda r, s: r["created_time"],
                "updated_time": lambda r, s: r.get("updated_time", r["created_time"]),
                "permalink_url": lambda r, s: f"/{self.data['page'].get('username') or self.page_id}/videos/{r['id']}/",
                "published": _bool_field("published"),
                "status": lambda r, s: self._video_status(r),
                "from": lambda r, s: self.nested(self.page_id, s, ("name", "id")),
                "post_id": _value("post_id"),
            },
            ("created_time", "description", "id"),
        )
        self.node_type(
            "comment",
            "Comment",
            {
                "id": lambda r, s: r["id"],
                "message": lambda r, s: r.get("message", ""),
                "created_time": lambda r, s: r["created_time"],
                "from": lambda r, s: self.nested(r.get("from_id"), s, ("name", "id")),
                "parent": lambda r, s: self.nested(r.get("parent_id"), s, ("created_time", "from", "message", "id")),
                "permalink_url": lambda r, s: (
                    f"{self._post_permalink(self.data['objects'][r['post_id']])}?comment_id={r['id'].split('_')[-1]}"
                ),
                "is_hidden": _bool_field("is_hidden"),
                "can_hide": lambda r, s: r.get("from_id") != self.page_id,
                "comment_count": lambda r, s: len(self._replies_of(r["id"])),
                "like_count": lambda r, s: int(r.get("like_count", 0)),
                "object": lambda r, s: self.nested(r["post_id"], s),
                "comments": lambda r, s: self.edge_field("comment", self._replies_of(r["id"]), s),
            },
            ("created_time", "from", "message", "id"),
        )
        for node, edge in (("page", "feed"), ("page", "posts"), ("page", "published_posts")):
            self.edge("GET", node, edge, self._list_posts)
        self.edge("GET", "page", "scheduled_posts", self._list_scheduled)
        self.edge("GET", "page", "videos", self._list_videos)
        self.edge("POST", "page", "feed", self._create_feed_post)
        self.edge("POST", "page", "photos", self._create_photo)
        self.edge("POST", "page", "videos", self._create_video)
        self.edge("GET", "post", "comments", self._list_comments)
        self.edge("POST", "post", "comments", self._create_comment)
        self.edge("GET", "post", "insights", self._post_insights)
        self.edge("GET", "video", "comments", self._list_comments)
        self.edge("POST", "video", "comments", self._create_comment)
        self.edge("GET", "comment", "comments", self._list_comments)
        self.edge("POST", "comment", "comments", self._create_comment)
        self._node_posts.update({"comment": self._edit_comment, "post": self._edit_post})
        self._node_deletes.update(
            {
                "post": self._delete_post,
                "photo": self._delete_photo,
                "video": self._delete_video,
                "comment": self._delete_comment,
            }
        )

    # -- records ------------------------------------------------------------------------------
    def _post_permalink(self, record: Mapping[str, Any]) -> str:
        username = self.data["page"].get("username") or self.page_id
        return f"{WEB}/{username}/posts/{str(record['id']).split('_')[-1]}"

    def _full_picture(self, record: Mapping[str, Any]) -> Any:
        for photo_id in record.get("photo_ids", []):
            photo = self.object(photo_id)
            if photo is not None:
                return self.cdn_url(photo)
        return _MISSING

    def _attachments(self, record: Mapping[str, Any], spec: FieldSpec) -> Any:
        photos = [p for p in (self.object(i) for i in record.get("photo_ids", [])) if p is not None]
        if record.get("video_id"):
            return {"data": [{"type": "video_inline", "target": {"id": record["video_id"]}}]}
        if len(photos) == 1:
            return {
                "data": [
                    {
                        "type": "photo",
                        "target": {"id": photos[0]["id"]},
                        "media": {"image": {"src": self.cdn_url(photos[0])}},
                    }
                ]
            }
        if photos:
            return {
                "data": [
                    {
                        "type": "album",
                        "subattachments": {
                            "data": [
                                {
                                    "type": "photo",
                                    "target": {"id": p["id"]},
                                    "media": {"image": {"src": self.cdn_url(p)}},
                                }
                                for p in photos
                            ]
                        },
                    }
                ]
            }
        if record.get("link"):
            return {"data": [{"type": "share", "url": record["link"], "unshimmed_url": record["link"]}]}
        return _MISSING

    def cdn_url(self, photo: Mapping[str, Any]) -> str:
        digest = hashlib.sha256(str(photo["file"]).encode()).hexdigest()
        return f"https://{CDN_HOST}/v/t39.30808-6/{photo['id']}_{digest[:20]}_n.jpg?_nc_cat=1&oh={digest[20:40]}&oe=6F000000"

    def photo_for_cdn(self, url: str) -> dict[str, Any] | None:
        match = re.fullmatch(rf"https://{re.escape(CDN_HOST)}/v/t39\.30808-6/(\d+)_[0-9a-f]+_n\.jpg(\?.*)?", url)
        if match is None:
            return None
        photo = self.object(match.group(1))
        return photo if photo is not None and photo["type"] == "photo" else None

    def _images(self, photo: Mapping[str, Any]) -> list[dict[str, Any]]:
        width, height = int(photo.get("width", 0)), int(photo.get("height", 0))
        return [{"height": height, "width": width, "source": self.cdn_url(photo)}]

    def _video_status(self, video: dict[str, Any]) -> dict[str, Any]:
        state = video["video_status"]
        if state == "processing":
            if self.faults.take("slow_media_polls"):
                pass
            elif int(video.get("polls_left", 0)) > 0:
                video["polls_left"] = int(video["polls_left"]) - 1
            else:
                state = video["video_status"] = "error" if video.get("broken") else "ready"
            self.state.save()
        phase: dict[str, Any] = {"status": {"processing": "in_progress", "ready": "complete", "error": "error"}[state]}
        if state == "error":
            phase["errors"] = [
                {"code": 1363008, "message": "The video could not be processed: its format is not supported."}
            ]
        return {
            "video_status": state,
            "uploading_phase": {"status": "complete", "bytes_transferred": int(video.get("size", 0))},
            "processing_phase": phase,
            "publishing_phase": {"status": "complete" if state == "ready" else "not_started"},
        }

    def _comments_of(self, target_id: str, stream: bool) -> list[dict[str, Any]]:
        """Comments on a post (or video): top level, or (``stream``) with replies, oldest first."""
        record = self.object(target_id)
        post_id = record.get("post_id", target_id) if record and record["type"] == "video" else target_id
        found = [
            c
            for c in self.data["objects"].values()
            if c["type"] == "comment" and c["post_id"] == post_id and (stream or not c.get("parent_id"))
        ]
        return sorted(found, key=lambda c: (c["created_time"], int(c["id"].split("_")[-1])))

    def _replies_of(self, comment_id: str) -> list[dict[str, Any]]:
        found = [
            c for c in self.data["objects"].values() if c["type"] == "comment" and c.get("parent_id") == comment_id
        ]
        return sorted(found, key=lambda c: (c["created_time"], int(c["id"].split("_")[-1])))

    def _page_posts(self, *, published: bool) -> list[dict[str, Any]]:
        posts = [
            p
            for p in self.data["objects"].values()
            if p["type"] == "post"
            and bool(p.get("is_published")) == published
            and (published or p.get("scheduled_publish_time"))
        ]
        return sorted(posts, key=lambda p: (p["created_time"], int(p["id"].split("_")[-1])), reverse=True)

    def _touch(self, post_id: str, now: datetime) -> None:
        post = self.object(post_id)
        if post is not None:
            post["updated_time"] = graph_time(now)

    def publish_due(self, now: datetime) -> None:
        """Facebook's scheduler: a scheduled post goes out at its time (created_time = that time)."""
        due = [
            p
            for p in self.data["objects"].values()
            if p["type"] == "post"
            and not p.get("is_published")
            and p.get("scheduled_publish_time")
            and int(p["scheduled_publish_time"]) <= now.timestamp()
        ]
        for post in due:
            moment = graph_time(datetime.fromtimestamp(int(post["scheduled_publish_time"]), UTC))
            post.update(is_published=True, created_time=moment, updated_time=moment)
            post.pop("scheduled_publish_time", None)
            if post.get("video_id") and post["video_id"] in self.data["objects"]:
                self.data["objects"][post["video_id"]]["published"] = True
        if due:
            self.state.save()

    def _new_post(self, fields: dict[str, Any], now: datetime) -> dict[str, Any]:
        post_id = f"{self.page_id}_{self.new_number()}"
        post: dict[str, Any] = {
            "type": "post",
            "id": post_id,
            "created_time": graph_time(now),
            "updated_time": graph_time(now),
            "is_published": True,
            **fields,
        }
        self.data["objects"][post_id] = post
        return post

    # -- validation shared by the publishing edges ---------------------------------------------
    def _scheduled_time(self, params: Params, now: datetime) -> int | None:
        raw = params.get("scheduled_publish_time")
        published = _truthy(params.get("published"), True)
        if not raw:
            return None
        if published:
            raise invalid("Cannot specify a scheduled publish time on a published post")
        try:
            when = (
                int(raw)
                if raw.strip().lstrip("-").isdigit()
                else int(datetime.fromisoformat(raw.replace("Z", "+00:00")).timestamp())
            )
        except ValueError as exc:
            raise invalid("The specified scheduled publish time is invalid.") from exc
        ahead = when - now.timestamp()
        if ahead < self.limit("min_schedule_seconds") or ahead > self.limit("max_schedule_days") * 86_400:
            raise invalid("The specified scheduled publish time is invalid.")
        return when

    def _check_message(self, message: str) -> None:
        if len(message.encode("utf-16-le")) // 2 > self.limit("max_message_length"):
            raise invalid(f"Param message must be at most {self.limit('max_message_length')} characters long.")

    def _check_duplicate(self, message: str, now: datetime) -> None:
        if not message.strip():
            return
        window = now.timestamp() - self.limit("duplicate_window_seconds")
        for post in self.data["objects"].values():
            if (
                post["type"] == "post"
                and post.get("message") == message
                and parse_graph_time(post["created_time"]).timestamp() >= window
            ):
                raise GraphError("(#506) Duplicate status message", 506)

    @staticmethod
    def _check_link(link: str) -> None:
        if not re.fullmatch(r"https?://[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?", link):
            raise invalid("The parameter link must be a valid URL.")
        host = link.split("://", 1)[1].split("/", 1)[0].split("?", 1)[0].lower()
        if host.endswith(".invalid") or host.endswith(".localhost") or host in ("localhost", "127.0.0.1"):
            raise GraphError(
                "Error Posting Link: The link could not be fetched (it may be private or unreachable).", 1609005
            )

    def _photo_record(self, files: Files, params: Params, now: datetime) -> dict[str, Any]:
        upload = files.get("source")
        if upload is None:
            raise GraphError("(#324) Requires upload file", 324)
        _, mime, data = upload
        if len(data) > self.limit("photo_max_bytes"):
            raise GraphError(
                "Your photos couldn't be uploaded. Photos should be less than 4 MB and saved as JPG, PNG, GIF, TIFF, "
                "HEIF or WebP files.",
                100,
                subcode=1366046,
                user_title="Can't Upload Photo",
            )
        size = image_size(data)
        if size is None:
            raise GraphError("(#324) Missing or invalid image file", 324)
        width, height, image_format = size
        if image_format not in PHOTO_FORMATS:
            raise GraphError("(#324) Missing or invalid image file", 324)
        suffix = {"JPEG": ".jpg", "PNG": ".png", "GIF": ".gif"}.get(image_format, ".img")
        photo_id = str(self.new_number())
        return {
            "type": "photo",
            "id": photo_id,
            "created_time": graph_time(now),
            "file": self.store_file(data, suffix),
            "mime_type": mime,
            "size": len(data),
            "width": width,
            "height": height,
            "name": params.get("message") or params.get("caption") or "",
            "alt_text": params.get("alt_text_custom", ""),
            "published": _truthy(params.get("published"), True),
            "temporary": _truthy(params.get("temporary"), False),
            "attached_to": None,
        }

    # -- handlers -------------------------------------------------------------------------------
    async def _list_posts(
        self, request: httpx.Request, params: Params, files: Files, node_id: str, node: dict[str, Any]
    ) -> httpx.Response:
        return self.listing(request, params, "post", self._page_posts(published=True))

    async def _list_scheduled(
        self, request: httpx.Request, params: Params, files: Files, node_id: str, node: dict[str, Any]
    ) -> httpx.Response:
        posts = sorted(self._page_posts(published=False), key=lambda p: int(p["scheduled_publish_time"]))
        return self.listing(request, params, "post", posts)

    async def _list_videos(
        self, request: httpx.Request, params: Params, files: Files, node_id: str, node: dict[str, Any]
    ) -> httpx.Response:
        videos = [v for v in self.data["objects"].values() if v["type"] == "video"]
        videos.sort(key=lambda v: (v["created_time"], int(v["id"])), reverse=True)
        return self.listing(request, params, "video", videos)

    async def _create_feed_post(
        self, request: httpx.Request, params: Params, files: Files, node_id: str, node: dict[str, Any]
    ) -> httpx.Response:
        now = self.clock()
        message = params.get("message", "")
        link = params.get("link", "")
        attached = self._attached_media(params)
        if not message.strip() and not link and not attached:
            raise invalid("Missing message or attachment.")
        self._check_message(message)
        when = self._scheduled_time(params, now)
        if link:
            self._check_link(link)
        photos: list[dict[str, Any]] = []
        for media_id in attached:
            photo = self.object(media_id)
            if photo is None or photo["type"] != "photo" or photo.get("published") or photo.get("attached_to"):
                raise invalid(
                    f"Invalid attached_media: media_fbid {media_id} is not an unpublished photo of this Page."
                )
            photos.append(photo)
        self._check_duplicate(message, now)
        published = _truthy(params.get("published"), True)
        post = self._new_post(
            {
                "message": message,
                "link": link or None,
                "photo_ids": [p["id"] for p in photos],
                "is_published": published,
                "scheduled_publish_time": when,
                "status_type": "added_photos" if photos else ("shared_story" if link else "mobile_status_update"),
            },
            now,
        )
        for photo in photos:
            photo["attached_to"] = post["id"]
        return httpx.Response(200, json={"id": post["id"]})

    @staticmethod
    def _attached_media(params: Params) -> list[str]:
        found: list[str] = []
        raw = params.get("attached_media")
        entries: list[Any] = []
        if raw:
            try:
                parsed = json.loads(raw)
            except ValueError as exc:
                raise invalid("Param attached_media must be an array.") from exc
            entries = parsed if isinstance(parsed, list) else [parsed]
        indexed = sorted(
            (int(m.group(1)), value)
            for key, value in params.items()
            if (m := re.fullmatch(r"attached_media\[(\d+)\]", key))
        )
        for _, value in indexed:
            try:
                entries.append(json.loads(value))
            except ValueError as exc:
                raise invalid("Param attached_media must be an array.") from exc
        for entry in entries:
            if not isinstance(entry, Mapping) or not str(entry.get("media_fbid", "")).isdigit():
                raise invalid("Param attached_media[0] must be an object with media_fbid.")
            found.append(str(entry["media_fbid"]))
        return found

    async def _create_photo(
        self, request: httpx.Request, params: Params, files: Files, node_id: str, node: dict[str, Any]
    ) -> httpx.Response:
        now = self.clock()
        if "url" in params and "source" not in files:
            raise GraphError("(#324) Requires upload file", 324)  # the sandbox cannot fetch the web
        when = self._scheduled_time(params, now)
        photo = self._photo_record(files, params, now)
        self._check_message(photo["name"])
        self.data["objects"][photo["id"]] = photo
        if not photo["published"] and when is None:
            return httpx.Response(200, json={"id": photo["id"]})
        photo["published"] = True
        post = self._new_post(
            {
                "message": photo["name"],
                "photo_ids": [photo["id"]],
                "is_published": when is None,
                "scheduled_publish_time": when,
                "status_type": "added_photos",
            },
            now,
        )
        photo["attached_to"] = photo["post_id"] = post["id"]
        return httpx.Response(200, json={"id": photo["id"], "post_id": post["id"]})

    async def _create_video(
        self, request: httpx.Request, params: Params, files: Files, node_id: str, node: dict[str, Any]
    ) -> httpx.Response:
        now = self.clock()
        upload = files.get("source")
        if upload is None:
            if "file_url" in params:
                raise GraphError("(#352) Sorry, the video file you selected is in a format that we don't support.", 352)
            raise GraphError(
                "(#6000) There was a problem uploading your video file. Please try again.", 6000, is_transient=False
            )
        _, mime, data = upload
        brand = video_brand(data)
        if brand is None:
            raise GraphError("(#352) Sorry, the video file you selected is in a format that we don't support.", 352)
        when = self._scheduled_time(params, now)
        description = params.get("description", "")
        self._check_message(description)
        video_id = str(self.new_number())
        published = when is None and _truthy(params.get("published"), True)
        post = self._new_post(
            {
                "message": description,
                "video_id": video_id,
                "is_published": published,
                "scheduled_publish_time": when,
                "status_type": "added_video",
            },
            now,
        )
        self.data["objects"][video_id] = {
            "type": "video",
            "id": video_id,
            "created_time": graph_time(now),
            "description": description,
            "title": params.get("title", ""),
            "file": self.store_file(data, ".mp4" if brand != "qt  " else ".mov"),
            "mime_type": mime,
            "size": len(data),
            "published": published,
            "video_status": "processing",
            "polls_left": self.limit("video_processing_polls"),
            "broken": brand not in VIDEO_BRANDS,
            "post_id": post["id"],
        }
        return httpx.Response(200, json={"id": video_id})

    async def _list_comments(
        self, request: httpx.Request, params: Params, files: Files, node_id: str, node: dict[str, Any]
    ) -> httpx.Response:
        stream = params.get("filter") == "stream"
        found = self._replies_of(node_id) if node["type"] == "comment" else self._comments_of(node_id, stream)
        if params.get("order") == "reverse_chronological":
            found = list(reversed(found))
        extra = None
        if _truthy(params.get("summary"), False):
            extra = {
                "summary": {
                    "order": params.get("order", "chronological"),
                    "total_count": len(found),
                    "can_comment": True,
                }
            }
        return self.listing(request, params, "comment", found, extra=extra)

    async def _create_comment(
        self, request: httpx.Request, params: Params, files: Files, node_id: str, node: dict[str, Any]
    ) -> httpx.Response:
        message = params.get("message", "")
        if not message.strip() and not params.get("attachment_url") and not params.get("attachment_id"):
            raise invalid("Missing message or attachment.")
        comment = self.add_comment(node_id, message, from_id=self.page_id, save=False)
        return httpx.Response(200, json={"id": comment})

    def add_comment(
        self, target_id: str, message: str, *, from_id: str, at: datetime | None = None, save: bool = True
    ) -> str:
        """A comment on a post or video, or a reply to a comment (replies to a reply join its thread)."""
        now = at or self.clock()
        target = self.object(target_id)
        if target is None:
            raise KeyError(f"no object {target_id} in the sandbox")
        parent_id: str | None = None
        if target["type"] == "comment":
            parent_id = target.get("parent_id") or target["id"]
            post_id = str(target["post_id"])
        elif target["type"] == "video":
            post_id = str(target["post_id"])
        else:
            post_id = target_id
        comment_id = f"{post_id.split('_')[-1]}_{self.new_number()}"
        self.data["objects"][comment_id] = {
            "type": "comment",
            "id": comment_id,
            "post_id": post_id,
            "parent_id": parent_id,
            "from_id": from_id,
            "message": message,
            "created_time": graph_time(now),
            "is_hidden": False,
            "like_count": 0,
        }
        self._touch(post_id, now)
        if save:
            self.state.save()
        return comment_id

    async def _edit_comment(
        self, request: httpx.Request, params: Params, files: Files, node_id: str, node: dict[str, Any]
    ) -> httpx.Response:
        if "is_hidden" in params:
            if node.get("from_id") == self.page_id:
                raise invalid("A Page cannot hide its own comment.")
            node["is_hidden"] = _truthy(params["is_hidden"], False)
        if "message" in params:
            if node.get("from_id") != self.page_id:
                raise GraphError("(#200) Permissions error", 200)
            node["message"] = params["message"]
        return httpx.Response(200, json={"success": True})

    async def _edit_post(
        self, request: httpx.Request, params: Params, files: Files, node_id: str, node: dict[str, Any]
    ) -> httpx.Response:
        if "message" not in params:
            raise invalid("Missing message.")
        self._check_scheduled_change(node)
        node["message"] = params["message"]
        node["updated_time"] = graph_time(self.clock())
        return httpx.Response(200, json={"success": True})

    def _check_scheduled_change(self, post: Mapping[str, Any]) -> None:
        when = post.get("scheduled_publish_time")
        if when and int(when) - self.clock().timestamp() < self.limit("min_change_seconds"):
            raise invalid("A scheduled post can be changed or deleted only until 3 minutes before its publish time.")

    async def _delete_post(
        self, request: httpx.Request, params: Params, files: Files, node_id: str, node: dict[str, Any]
    ) -> httpx.Response:
        self._check_scheduled_change(node)
        self._remove_post(node)
        return httpx.Response(200, json={"success": True})

    def _remove_post(self, post: Mapping[str, Any]) -> None:
        objects = self.data["objects"]
        objects.pop(post["id"], None)
        for photo_id in post.get("photo_ids", []):
            objects.pop(photo_id, None)
        if post.get("video_id"):
            objects.pop(post["video_id"], None)
        for key in [k for k, o in objects.items() if o["type"] == "comment" and o["post_id"] == post["id"]]:
            del objects[key]

    async def _delete_photo(
        self, request: httpx.Request, params: Params, files: Files, node_id: str, node: dict[str, Any]
    ) -> httpx.Response:
        self.data["objects"].pop(node_id, None)
        post = self.object(node.get("post_id") or "")
        if post is not None and post.get("photo_ids") == [node_id]:
            self._remove_post(post)
        return httpx.Response(200, json={"success": True})

    async def _delete_video(
        self, request: httpx.Request, params: Params, files: Files, node_id: str, node: dict[str, Any]
    ) -> httpx.Response:
        post = self.object(node.get("post_id") or "")
        if post is not None:
            self._check_scheduled_change(post)
            self._remove_post(post)
        self.data["objects"].pop(node_id, None)
        return httpx.Response(200, json={"success": True})

    async def _delete_comment(
        self, request: httpx.Request, params: Params, files: Files, node_id: str, node: dict[str, Any]
    ) -> httpx.Response:
        objects = self.data["objects"]
        objects.pop(node_id, None)
        for key in [k for k, o in objects.items() if o["type"] == "comment" and o.get("parent_id") == node_id]:
            del objects[key]
        return httpx.Response(200, json={"success": True})

    async def _post_insights(
        self, request: httpx.Request, params: Params, files: Files, node_id: str, node: dict[str, Any]
    ) -> httpx.Response:
        names = [n for n in params.get("metric", "").split(",") if n]
        if not names:
            raise invalid("The parameter metric is required")
        for name in names:
            if name not in POST_METRICS:
                raise invalid("The value must be a valid insights metric")
        stats = node.get("insights", {})
        reactions = {k: int(v) for k, v in node.get("reactions", {}).items()}
        values: dict[str, Any] = {
            "post_total_media_view_unique": int(stats.get("views", 0)),
            "post_media_view": int(stats.get("views", 0)) + int(stats.get("repeat_views", 0)),
            "post_reactions_by_type_total": reactions,
            "post_clicks": int(stats.get("clicks", 0)),
            "post_clicks_by_type": {"other clicks": int(stats.get("clicks", 0))} if stats.get("clicks") else {},
            "post_video_views": int(stats.get("video_views", 0)),
        }
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
        return httpx.Response(200, json={"data": data, "paging": {"previous": "", "next": ""}})

    # -- for tests, the demo and `kurum-masaustu sandbox list` ------------------------------
    def add_citizen(self, name: str) -> str:
        """A person who comments (their id)."""
        for user in self.data["users"].values():
            if user["name"] == name:
                return str(user["id"])
        user_id = str(self.new_number())
        self.data["users"][user_id] = {"id": user_id, "name": name}
        return user_id

    def add_citizen_comment(
        self, target_id: str, name: str, text: str, *, at: datetime | None = None, save: bool = True
    ) -> str:
        """A citizen comments on a post or video, or replies to a comment (``target_id``)."""
        return self.add_comment(target_id, text, from_id=self.add_citizen(name), at=at, save=save)

    def add_reactions(self, post_id: str, **counts: int) -> None:
        """Citizens react to a post: ``add_reactions(id, like=10, love=2)``."""
        post = self.data["objects"][post_id]
        reactions = post.setdefault("reactions", {})
        for kind, number in counts.items():
            reactions[kind] = int(reactions.get(kind, 0)) + number
        self.state.save()

    def add_insights(self, post_id: str, *, views: int = 0, clicks: int = 0) -> None:
        post = self.data["objects"][post_id]
        stats = post.setdefault("insights", {})
        stats["views"] = int(stats.get("views", 0)) + views
        stats["clicks"] = int(stats.get("clicks", 0)) + clicks
        self.state.save()

    def comment(self, comment_id: str) -> dict[str, Any]:
        found = self.data["objects"][comment_id]
        assert found["type"] == "comment"
        return dict(found)

    def published(self, *, include_scheduled: bool = True) -> list[SandboxPost]:
        """What the Page has posted (oldest first), then what waits in its scheduler."""
        self.publish_due(self.clock())
        posts = [self._sandbox_post(p) for p in reversed(self._page_posts(published=True))]
        if include_scheduled:
            waiting = sorted(self._page_posts(published=False), key=lambda p: int(p["scheduled_publish_time"]))
            posts += [self._sandbox_post(p) for p in waiting]
        return posts

    def _sandbox_post(self, post: Mapping[str, Any]) -> SandboxPost:
        media: list[SandboxMedia] = []
        for photo_id in post.get("photo_ids", []):
            photo = self.object(photo_id)
            if photo is not None:
                media.append(
                    SandboxMedia(
                        photo_id,
                        "photo",
                        photo["mime_type"],
                        int(photo["size"]),
                        self._file_path(photo["file"]),
                        photo.get("alt_text", ""),
                    )
                )
        video = self.object(post.get("video_id") or "")
        if video is not None:
            media.append(
                SandboxMedia(
                    video["id"], "video", video["mime_type"], int(video["size"]), self._file_path(video["file"])
                )
            )
        scheduled = not post.get("is_published")
        created = (
            datetime.fromtimestamp(int(post["scheduled_publish_time"]), UTC)
            if scheduled
            else parse_graph_time(post["created_time"])
        )
        link = self._post_permalink(post)
        kind = (
            "video"
            if video is not None
            else ("photo" if len(media) == 1 else "photos" if media else "link" if post.get("link") else "text")
        )
        return SandboxPost(
            id=post["id"],
            text=post.get("message") or "",
            created_at=created,
            permalink=link,
            url=link,
            kind=kind,
            link=post.get("link"),
            media=tuple(media),
            scheduled=scheduled,
            counts={
                "comments": len(self._comments_of(post["id"], True)),
                "reactions": sum(int(v) for v in post.get("reactions", {}).values()),
            },
        )


# -- media probing (Pillow for images, the ISO-BMFF box for video) -------------------------------
def image_size(data: bytes) -> tuple[int, int, str] | None:
    """(width, height, format) of an image, or None if it is not one."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            return int(image.width), int(image.height), str(image.format or "")
    except (UnidentifiedImageError, OSError, ValueError):
        return None


def video_brand(data: bytes) -> str | None:
    """The major brand of an MP4/MOV file (``ftyp`` box at offset 4), or None if it is not one."""
    if len(data) < 12 or data[4:8] != b"ftyp":
        return None
    return data[8:12].decode("latin-1")


def iter_objects(data: Mapping[str, Any], kind: str) -> Iterable[dict[str, Any]]:
    return (o for o in data["objects"].values() if o["type"] == kind)
