"""An in-process Telegram Bot API: one bot, one channel and its discussion group, as Bot API 10.1 answers.

Faithful to the Bot API documentation (``reference/platform_apis.md`` §7, ``shared/specs/telegram``),
not to our adapter:

- ``https://<host>/bot<token>/<method>``, method names in any case, GET or POST, parameters in the
  query string, as JSON, form-urlencoded or multipart (objects and arrays JSON-serialised);
  answers ``{"ok":true,"result":…}`` or ``{"ok":false,"error_code","description","parameters"}``.
  An unknown token is 401 ``Unauthorized``, an unknown method 404 ``Not Found``.
- ``getMe``, ``getChat`` (``ChatFullInfo`` with ``linked_chat_id``), ``getChatMember``,
  ``getChatMemberCount``, ``sendMessage`` (1–4,096), ``sendPhoto`` (≤10 MB, width + height ≤
  10,000, ratio ≤ 20, decoded with Pillow), ``sendVideo``, ``sendAnimation`` (captions ≤1,024),
  ``sendMediaGroup`` (2–10 photos/videos, ``attach://`` parts), ``sendPoll`` (question 1–300,
  1–12 options of 1–100, anonymous in channels, ``open_period`` 5–2,628,000), ``reply_parameters``,
  ``deleteMessage`` / ``deleteMessages`` (48 h unless ``can_delete_messages``) and ``getUpdates``.
  Lengths are counted in UTF-16 code units after trimming surrounding white space.
- Rights: posting in the channel needs ``administrator`` with ``can_post_messages`` (else 403/400
  as Telegram words it); :meth:`TelegramSandbox.set_bot_member` changes them.
- Every channel post is copied into the linked discussion group as an automatic forward
  (``is_automatic_forward``, ``forward_origin`` of type ``channel``, sent by Telegram's service
  account 777000 on behalf of the channel), and comments are replies to that copy in its thread.
- Updates: a queue kept 24 h; ``getUpdates`` with ``offset`` confirms (drops) the earlier ones,
  without ``offset`` it confirms nothing; ``limit`` 1–100; ``allowed_updates`` is remembered.
  The bot gets no update about its own messages (so no ``channel_post`` for what it posts), gets
  ``channel_post`` for what human admins post, and gets the discussion group's messages only as an
  administrator there or with privacy mode off (:meth:`set_bot_member`, :meth:`set_privacy_mode`).
  ``getUpdates`` while a webhook is set (:meth:`set_webhook`) is 409. ``timeout`` does not make
  the sandbox wait: it answers at once.
- Flood control: 20 messages a minute per chat (an album counts each item), then 429
  ``Too Many Requests: retry after N`` with ``parameters.retry_after`` and ``Retry-After``.
- Faults (:class:`~kurum_masaustu.platforms.sandbox.core.Faults`): ``timeout_after_accept`` on sends
  and deletes, ``server_errors`` (500 ``Internal Server Error``), ``rate_limit_seconds`` (429),
  ``expired_token`` (401, as for a token revoked in @BotFather), ``malformed_json``; and
  ``slow_media_polls``: Telegram has no media processing state (the file travels inside the send
  call), so each of the next N sends with a file is answered only after ``slow_upload_seconds``.
- Error descriptions quoted in the reference (``message text is empty``, ``bot is not a member of
  the channel chat``, ``Too Many Requests: retry after N``, ``Conflict: …``) are Telegram's words;
  the others are reconstructed in Telegram's style.

The state is one JSON file (chats, messages, files, the update queue); uploads are kept beside it
in ``<stem>-media/``. The bot token is never written: the file holds its SHA-256 only. Built as
``TelegramSandbox(state=SandboxState(path, {}))`` (as the adapter factory does), the first token
and the first ``chat_id`` it sees (``@name`` or ``-100…``) become the bot's and the channel's.

Citizens are seeded with :meth:`TelegramSandbox.add_comment`, :meth:`add_private_message` and a
human admin's post with :meth:`add_admin_post`; :meth:`published` lists what the bot posted.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import io
import json
import os
import re
import secrets
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email import message_from_bytes
from email.message import Message
from pathlib import Path
from typing import Any, Final
from urllib.parse import parse_qsl

import httpx

from kurum_masaustu.platforms.sandbox.core import SandboxState, SandboxTransport

DEFAULT_HOST: Final = "telegram.sandbox.invalid"  # as publishing/registry.py gives the sandbox channel
BOT_ID: Final = 7_000_000_001
CHANNEL_ID: Final = -1_001_234_567_890
GROUP_ID: Final = -1_009_876_543_210
TELEGRAM_SERVICE_USER: Final = 777000
CHANNEL_BOT: Final = 136817688  # the "from" of messages sent on behalf of a channel
FIRST_UPDATE_ID: Final = 812_000_000
FIRST_USER_ID: Final = 5_100_000_000
FIRST_CHANNEL_MESSAGE: Final = 101  # a channel with some history
UPDATES_KEPT: Final = timedelta(hours=24)
DELETE_WINDOW: Final = timedelta(hours=48)
MESSAGE_LIMIT: Final = 4096
CAPTION_LIMIT: Final = 1024
POLL_QUESTION_LIMIT: Final = 300
POLL_OPTION_LIMIT: Final = 100
POLL_MAX_OPTIONS: Final = 12
POLL_OPEN_MIN: Final = 5
POLL_OPEN_MAX: Final = 2_628_000
ALBUM_MIN: Final = 2
ALBUM_MAX: Final = 10
PHOTO_LIMIT: Final = 10 * 1024 * 1024
UPLOAD_LIMIT: Final = 50 * 1024 * 1024
PHOTO_SIDES_LIMIT: Final = 10_000
PHOTO_RATIO_LIMIT: Final = 20
PHOTO_SIZES: Final = (90, 320, 800, 1280, 2560)  # longest side of each PhotoSize Telegram makes
CHAT_MESSAGES_PER_MINUTE: Final = 20
CONFLICT_WEBHOOK: Final = (
    "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first"
)
DEFAULT_UPDATE_TYPES: Final = frozenset(
    {"message", "edited_message", "channel_post", "edited_channel_post", "poll", "my_chat_member"}
)

ADMIN_RIGHTS: Final[dict[str, bool]] = {
    "can_be_edited": False,
    "is_anonymous": False,
    "can_manage_chat": True,
    "can_delete_messages": True,
    "can_manage_video_chats": False,
    "can_restrict_members": False,
    "can_promote_members": False,
    "can_change_info": False,
    "can_invite_users": True,
    "can_post_stories": False,
    "can_edit_stories": False,
    "can_delete_stories": False,
}
CHANNEL_RIGHTS: Final[dict[str, bool]] = {"can_post_messages": True, "can_edit_messages": True}
GROUP_RIGHTS: Final[dict[str, bool]] = {"can_pin_messages": True, "can_manage_topics": False}

#: Method (lower case) → (name as documented, whether it writes: faults like timeout_after_accept apply).
METHODS: Final[dict[str, tuple[str, bool]]] = {
    name.lower(): (name, writes)
    for name, writes in (
        ("getMe", False),
        ("getChat", False),
        ("getChatMember", False),
        ("getChatMemberCount", False),
        ("getUpdates", False),
        ("sendMessage", True),
        ("sendPhoto", True),
        ("sendVideo", True),
        ("sendAnimation", True),
        ("sendMediaGroup", True),
        ("sendPoll", True),
        ("deleteMessage", True),
        ("deleteMessages", True),
    )
}

_URL = re.compile(r"https?://[^\s<>\"]+", re.IGNORECASE)
_HASHTAG = re.compile(r"(?<![\w#])#\w*[^\W\d]\w*")
_MENTION = re.compile(r"(?<![\w@])@[A-Za-z][A-Za-z0-9_]{3,31}")
_USERNAME = re.compile(r"[A-Za-z][A-Za-z0-9_]{3,31}")
_INTEGER = re.compile(r"-?\d{1,20}")
_TRAILING = ".,:;!?'\")"


def _utc_now() -> datetime:
    return datetime.now(UTC)


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def _token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_bot_token() -> str:
    """A token shaped as @BotFather's (``<bot id>:<35 characters>``) for a sandbox channel."""
    return f"{BOT_ID}:{secrets.token_urlsafe(27)[:35]}"


def _entities(text: str) -> list[dict[str, Any]]:
    """The entities Telegram finds in plain text (url, hashtag, mention), offsets in UTF-16 units."""
    spans: list[tuple[int, int, str]] = []
    for match in _URL.finditer(text):
        start, end = match.start(), match.end()
        while end > start and text[end - 1] in _TRAILING:
            end -= 1
        spans.append((start, end, "url"))
    for pattern, kind in ((_HASHTAG, "hashtag"), (_MENTION, "mention")):
        for match in pattern.finditer(text):
            if not any(s < match.end() and match.start() < e for s, e, _ in spans):
                spans.append((match.start(), match.end(), kind))
    spans.sort()
    return [
        {"type": kind, "offset": utf16_length(text[:start]), "length": utf16_length(text[start:end])}
        for start, end, kind in spans
    ]


class ApiError(Exception):
    """An error answer, as the Bot API words it."""

    def __init__(self, code: int, description: str, *, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.retry_after = retry_after


def _bad(description: str) -> ApiError:
    return ApiError(400, f"Bad Request: {description}")


def _error_response(error: ApiError) -> httpx.Response:
    body: dict[str, Any] = {"ok": False, "error_code": error.code, "description": error.description}
    headers: dict[str, str] = {}
    if error.retry_after is not None:
        body["parameters"] = {"retry_after": error.retry_after}
        headers["Retry-After"] = str(error.retry_after)
    return httpx.Response(error.code, json=body, headers=headers)


@dataclass
class _Upload:
    filename: str
    mime_type: str
    data: bytes


@dataclass
class Params:
    """A request's parameters (query and body merged) and its uploaded files, read as Telegram reads them."""

    values: dict[str, Any]
    files: dict[str, _Upload]

    def has(self, name: str) -> bool:
        return self.values.get(name) not in (None, "")

    def get_str(self, name: str, default: str | None = None) -> str | None:
        value = self.values.get(name)
        if value is None:
            return default
        if isinstance(value, str):
            return value
        if isinstance(value, bool | int | float):
            return json.dumps(value)
        raise _bad(f'field "{name}" must be of type String')

    def get_int(self, name: str) -> int | None:
        value = self.values.get(name)
        if value is None or value == "":
            return None
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if isinstance(value, str) and _INTEGER.fullmatch(value.strip()):
            return int(value.strip())
        raise _bad(f'field "{name}" must be of type Integer')

    def get_bool(self, name: str, default: bool = False) -> bool:
        value = self.values.get(name)
        if value is None or value == "":
            return default
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in ("true", "1", "false", "0"):
            return value.strip().lower() in ("true", "1")
        raise _bad(f'field "{name}" must be of type Boolean')

    def get_json(self, name: str) -> Any:
        """An object or array parameter (JSON-serialised in forms, native in a JSON body)."""
        value = self.values.get(name)
        if isinstance(value, str):
            try:
                return json.loads(value)
            except ValueError:
                raise _bad(f"can't parse {name} JSON object") from None
        return value

    def chat_id(self, name: str = "chat_id") -> int | str:
        value = self.values.get(name)
        if value is None or value == "":
            raise _bad(f"{name} is empty")
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if isinstance(value, str):
            text = value.strip()
            return int(text) if _INTEGER.fullmatch(text) else text
        raise _bad(f'field "{name}" must be of type Integer or String')


def _multipart(request: httpx.Request) -> list[tuple[str, str | None, str, bytes]]:
    content_type = request.headers.get("content-type", "")
    head = f"Content-Type: {content_type}\r\nMIME-Version: 1.0\r\n\r\n".encode("latin-1")
    message = message_from_bytes(head + request.content)
    if not message.is_multipart():
        raise _bad("can't parse multipart/form-data body")
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


def read_params(request: httpx.Request) -> Params:
    """Query string and body (JSON, form-urlencoded or multipart) merged; the body wins."""
    values: dict[str, Any] = dict(request.url.params.multi_items())
    files: dict[str, _Upload] = {}
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == "application/json" and request.content:
        try:
            body = json.loads(request.content)
        except ValueError:
            raise _bad("can't parse JSON body") from None
        if not isinstance(body, dict):
            raise _bad("can't parse JSON body")
        values.update(body)
    elif content_type == "application/x-www-form-urlencoded":
        values.update(parse_qsl(request.content.decode("utf-8"), keep_blank_values=True))
    elif content_type == "multipart/form-data":
        for name, filename, mime, data in _multipart(request):
            if filename is None:
                values[name] = data.decode("utf-8")
            else:
                files[name] = _Upload(filename, mime, data)
    return Params(values, files)


# -- what the bot posted (for ``kurum-masaustu sandbox list``) ---------------------------------
@dataclass(frozen=True)
class SandboxMedia:
    id: str  # file_unique_id
    type: str
    mime_type: str
    size: int
    width: int
    height: int
    file: str | None  # path of the stored copy, or None


@dataclass(frozen=True)
class SandboxPost:
    """One post of the channel: a message, or an album (``id`` lists its message ids)."""

    id: str
    text: str
    created_at: datetime
    url: str
    media: tuple[SandboxMedia, ...] = ()
    poll_options: tuple[str, ...] = ()
    in_reply_to_id: str | None = None
    comments: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "created_at": self.created_at.isoformat(),
            "url": self.url,
            "media": [m.__dict__.copy() for m in self.media],
            "poll_options": list(self.poll_options),
            "in_reply_to_id": self.in_reply_to_id,
            "comments": self.comments,
        }


def initial_state(
    bot_token: str | None,
    *,
    channel_username: str = "ornekbelediyesi",
    channel_title: str = "Örnek Belediyesi",
    discussion: bool = True,
) -> dict[str, Any]:
    """A new sandbox: a bot that administers the channel and its discussion group.

    Without ``bot_token`` the first token the sandbox sees becomes the bot's; then the first
    ``chat_id`` it sees also names the channel.
    """
    channel: dict[str, Any] = {
        "id": CHANNEL_ID,
        "type": "channel",
        "title": channel_title,
        "username": channel_username,
        "description": "Resmî duyurular",
        "member_count": 1250,
        "linked_chat_id": GROUP_ID if discussion else None,
    }
    group: dict[str, Any] = {
        "id": GROUP_ID,
        "type": "supergroup",
        "title": f"{channel_title} — Yorumlar",
        "username": None,
        "description": "",
        "member_count": 310,
        "linked_chat_id": CHANNEL_ID if discussion else None,
    }
    state: dict[str, Any] = {
        "platform": "telegram",
        "bot": {
            "id": BOT_ID,
            "is_bot": True,
            "first_name": "Belediye Duyuru",
            "username": "ornek_belediye_bot",
            "can_read_all_group_messages": False,
        },
        "channel_id": CHANNEL_ID,
        "chat_adopted": bot_token is not None,
        "chats": {str(CHANNEL_ID): channel, str(GROUP_ID): group},
        "members": {
            str(CHANNEL_ID): {str(BOT_ID): {"status": "administrator", **ADMIN_RIGHTS, **CHANNEL_RIGHTS}},
            str(GROUP_ID): {str(BOT_ID): {"status": "administrator", **ADMIN_RIGHTS, **GROUP_RIGHTS}},
        },
        "users": {},
        "messages": {},
        "next_message_id": {str(CHANNEL_ID): FIRST_CHANNEL_MESSAGE, str(GROUP_ID): 2001},
        "forwards": {},  # channel message id → its automatic forward's id in the group
        "files": {},
        "updates": [],
        "next_update_id": FIRST_UPDATE_ID,
        "allowed_updates": None,
        "webhook_url": "",
        "next_user_id": FIRST_USER_ID,
        "next_media_group_id": 13_900_000_000_000_000,
        "next_poll_id": 5_800_000_000_000_000_000,
    }
    if bot_token is not None:
        state["token_sha256"] = _token_digest(bot_token)
    return state


def _strip_private(record: Mapping[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in record.items() if not key.startswith("_")}


@dataclass(eq=False)
class TelegramSandbox(SandboxTransport):
    """An httpx transport that answers as the Bot API for one bot, channel and discussion group."""

    host: str = DEFAULT_HOST
    clock: Callable[[], datetime] = _utc_now
    #: False: no flood control (benchmarks); errors and faults still apply.
    enforce_rate_limits: bool = True
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep
    slow_upload_seconds: float = 5.0
    _windows: dict[int, tuple[int, int]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        missing = {k: v for k, v in initial_state(None).items() if k not in self.state.data}
        if missing:
            self.state.data.update(missing)
            self.state.save()
        for lowered, (_name, writes) in METHODS.items():
            for verb in ("GET", "POST"):
                self.route(verb, rf"/bot(?P<token>[^/]+)/(?i:{lowered})", self._dispatch, writes=writes)

    @classmethod
    def open(
        cls,
        path: Path,
        bot_token: str,
        *,
        channel_username: str = "ornekbelediyesi",
        discussion: bool = True,
        clock: Callable[[], datetime] | None = None,
    ) -> TelegramSandbox:
        """The sandbox whose state is in ``path`` (created for ``bot_token`` if new)."""
        state = SandboxState(path, initial_state(bot_token, channel_username=channel_username, discussion=discussion))
        return cls(state=state, clock=clock or _utc_now)

    # -- plumbing ---------------------------------------------------------------------------
    @property
    def data(self) -> dict[str, Any]:
        return self.state.data

    @property
    def base_url(self) -> str:
        return f"https://{self.host}"

    @property
    def media_dir(self) -> Path:
        return self.state.path.parent / f"{self.state.path.stem}-media"

    @property
    def channel_id(self) -> int:
        return int(self.data["channel_id"])

    @property
    def group_id(self) -> int | None:
        linked = self._chat(self.channel_id).get("linked_chat_id")
        return int(linked) if linked is not None else None

    @property
    def bot_id(self) -> int:
        return int(self.data["bot"]["id"])

    def _chat(self, chat_id: int) -> dict[str, Any]:
        chat: dict[str, Any] = self.data["chats"][str(chat_id)]
        return chat

    def _now(self) -> int:
        return int(self.clock().timestamp())

    # Telegram's own error shapes for the shared fault injection
    def rate_limited(self, request: httpx.Request, seconds: int) -> httpx.Response:
        return _error_response(ApiError(429, f"Too Many Requests: retry after {seconds}", retry_after=seconds))

    def token_expired(self, request: httpx.Request) -> httpx.Response:
        return _error_response(ApiError(401, "Unauthorized"))

    def server_error(self, request: httpx.Request) -> httpx.Response:
        return _error_response(ApiError(500, "Internal Server Error"))

    def not_found(self, request: httpx.Request) -> httpx.Response:
        return _error_response(ApiError(404, "Not Found"))

    async def _dispatch(self, request: httpx.Request, match: re.Match[str]) -> httpx.Response:
        token = match.group("token")
        if "token_sha256" not in self.data:  # a new sandbox: the first token is the bot's
            self.data["token_sha256"] = _token_digest(token)
            owner = re.match(r"(\d{3,12}):", token)
            if owner:
                self.data["bot"]["id"] = int(owner.group(1))
                self._rekey_member(self.bot_id)
            self.state.save()
        if _token_digest(token) != self.data.get("token_sha256"):
            return _error_response(ApiError(401, "Unauthorized"))
        if len(request.content) > UPLOAD_LIMIT + 1024 * 1024:
            return _error_response(ApiError(413, "Request Entity Too Large"))
        method = request.url.path.rsplit("/", 1)[-1].lower()
        handler: Callable[[Params], Awaitable[Any]] = getattr(self, f"_m_{METHODS[method][0]}")
        try:
            result = await handler(read_params(request))
        except ApiError as error:
            return _error_response(error)
        return httpx.Response(200, json={"ok": True, "result": result})

    def _rekey_member(self, bot_id: int) -> None:
        for members in self.data["members"].values():
            for key in [k for k in members if k == str(BOT_ID)]:
                members[str(bot_id)] = members.pop(key)

    # -- chats and rights -------------------------------------------------------------------
    def _resolve_chat(self, value: int | str) -> dict[str, Any]:
        if not self.data.get("chat_adopted"):
            self._adopt(value)
        if isinstance(value, int):
            chat = self.data["chats"].get(str(value))
            if chat is not None:
                return dict(chat)
        elif value.startswith("@"):
            name = value[1:].lower()
            for chat in self.data["chats"].values():
                if chat.get("username") and str(chat["username"]).lower() == name:
                    return dict(chat)
        raise _bad("chat not found")

    def _adopt(self, value: int | str) -> None:
        """A sandbox built by the adapter factory takes the first chat it is asked about as its channel."""
        channel = self._chat(self.channel_id)
        if isinstance(value, str) and value.startswith("@") and _USERNAME.fullmatch(value[1:]):
            channel["username"] = value[1:]
        elif isinstance(value, int) and str(value).startswith("-100") and value != self.channel_id:
            if not self.data["messages"].get(str(self.channel_id)):
                old = str(self.channel_id)
                channel["id"] = value
                self.data["chats"][str(value)] = self.data["chats"].pop(old)
                self.data["members"][str(value)] = self.data["members"].pop(old)
                self.data["next_message_id"][str(value)] = self.data["next_message_id"].pop(old, FIRST_CHANNEL_MESSAGE)
                self.data["channel_id"] = value
                group = self.group_id
                if group is not None:
                    self._chat(group)["linked_chat_id"] = value
        else:
            return
        self.data["chat_adopted"] = True
        self.state.save()

    def _membership(self, chat_id: int, user_id: int) -> dict[str, Any]:
        found = self.data["members"].get(str(chat_id), {}).get(str(user_id))
        return dict(found) if found else {"status": "left"}

    def _check_can_send(self, chat: Mapping[str, Any]) -> None:
        kind = chat["type"]
        if kind == "private":
            return
        member = self._membership(int(chat["id"]), self.bot_id)
        word = "channel" if kind == "channel" else "supergroup"
        if member["status"] == "left":
            raise ApiError(403, f"Forbidden: bot is not a member of the {word} chat")
        if member["status"] == "kicked":
            raise ApiError(403, f"Forbidden: bot was kicked from the {word} chat")
        if kind == "channel" and not (
            member["status"] == "creator" or (member["status"] == "administrator" and member.get("can_post_messages"))
        ):
            raise _bad("need administrator rights in the channel chat")

    def _sees_group(self) -> bool:
        group = self.group_id
        if group is None:
            return False
        status = self._membership(group, self.bot_id)["status"]
        return status in ("administrator", "creator") or (
            status in ("member", "restricted") and bool(self.data["bot"].get("can_read_all_group_messages"))
        )

    def _flood_control(self, chat_id: int, count: int) -> None:
        if not self.enforce_rate_limits:
            return
        now = self._now()
        start = now - now % 60
        window_start, used = self._windows.get(chat_id, (start, 0))
        if window_start != start:
            used = 0
        if used + count > CHAT_MESSAGES_PER_MINUTE:
            wait = max(1, start + 60 - now)
            raise ApiError(429, f"Too Many Requests: retry after {wait}", retry_after=wait)
        self._windows[chat_id] = (start, used + count)

    # -- entities ---------------------------------------------------------------------------
    def _chat_short(self, chat: Mapping[str, Any]) -> dict[str, Any]:
        short: dict[str, Any] = {"id": chat["id"], "type": chat["type"]}
        for key in ("title", "username", "first_name", "last_name"):
            if chat.get(key):
                short[key] = chat[key]
        return short

    def _user(self, user_id: int) -> dict[str, Any]:
        if user_id == self.bot_id:
            bot = self.data["bot"]
            return {"id": bot["id"], "is_bot": True, "first_name": bot["first_name"], "username": bot["username"]}
        if user_id == TELEGRAM_SERVICE_USER:
            return {"id": TELEGRAM_SERVICE_USER, "is_bot": False, "first_name": "Telegram"}
        if user_id == CHANNEL_BOT:
            return {"id": CHANNEL_BOT, "is_bot": True, "first_name": "Channel", "username": "Channel_Bot"}
        user: dict[str, Any] = dict(self.data["users"][str(user_id)])
        return user

    def _messages(self, chat_id: int) -> dict[str, dict[str, Any]]:
        found: dict[str, dict[str, Any]] = self.data["messages"].setdefault(str(chat_id), {})
        return found

    def _new_message_id(self, chat_id: int) -> int:
        counters = self.data["next_message_id"]
        value = int(counters.get(str(chat_id), 1))
        counters[str(chat_id)] = value + 1
        return value

    def _message(self, chat_id: int, message_id: int) -> dict[str, Any] | None:
        record = self._messages(chat_id).get(str(message_id))
        return None if record is None or record.get("_deleted") else record

    def render(self, record: Mapping[str, Any], *, with_reply: bool = True) -> dict[str, Any]:
        """A stored message as the Bot API shows it (the replied-to message one level deep)."""
        message = _strip_private(record)
        reply = record.get("_reply_to")
        if with_reply and reply is not None:
            replied = self._message(int(reply[0]), int(reply[1]))
            if replied is not None:
                message["reply_to_message"] = self.render(replied, with_reply=False)
        return message

    # -- updates ----------------------------------------------------------------------------
    def _wants(self, kind: str) -> bool:
        allowed = self.data.get("allowed_updates")
        return kind in allowed if allowed else kind in DEFAULT_UPDATE_TYPES

    def _enqueue(self, kind: str, payload: Mapping[str, Any]) -> None:
        if not self._wants(kind) or self.data.get("webhook_url"):
            return
        update_id = int(self.data["next_update_id"])
        self.data["next_update_id"] = update_id + 1
        self.data["updates"].append({"update_id": update_id, "_at": self._now(), kind: dict(payload)})

    def _expire_updates(self) -> bool:
        oldest = self._now() - int(UPDATES_KEPT.total_seconds())
        kept = [u for u in self.data["updates"] if int(u["_at"]) >= oldest]
        changed = len(kept) != len(self.data["updates"])
        self.data["updates"] = kept
        return changed

    def pending_updates(self) -> list[dict[str, Any]]:
        """The updates not yet confirmed (for tests and the training view)."""
        return [_strip_private(u) for u in self.data["updates"]]

    # -- storing messages -------------------------------------------------------------------
    def _store(
        self,
        chat: Mapping[str, Any],
        content: Mapping[str, Any],
        *,
        sender: int | None,
        sender_chat: Mapping[str, Any] | None = None,
        by_bot: bool,
        reply_to: tuple[int, int] | None = None,
        media_group_id: str | None = None,
        at: int | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> dict[str, Any]:
        chat_id = int(chat["id"])
        message_id = self._new_message_id(chat_id)
        record: dict[str, Any] = {"message_id": message_id}
        if sender is not None:
            record["from"] = self._user(sender)
        if sender_chat is not None:
            record["sender_chat"] = self._chat_short(sender_chat)
        record["date"] = at if at is not None else self._now()
        record["chat"] = self._chat_short(chat)
        record.update(extra or {})
        if media_group_id is not None:
            record["media_group_id"] = media_group_id
        record.update(content)
        record["_by_bot"] = by_bot
        if reply_to is not None:
            record["_reply_to"] = [reply_to[0], reply_to[1]]
        self._messages(chat_id)[str(message_id)] = record
        return record

    def _post_in_channel(
        self, contents: list[dict[str, Any]], *, by_bot: bool, reply_to: tuple[int, int] | None, at: int | None = None
    ) -> list[dict[str, Any]]:
        """Channel messages (one per album item), their automatic forwards, and the updates they make."""
        channel = self._chat(self.channel_id)
        group_id: str | None = None
        if len(contents) > 1:
            group_id = str(self.data["next_media_group_id"])
            self.data["next_media_group_id"] = int(group_id) + 1
        records = [
            self._store(
                channel,
                content,
                sender=None,
                sender_chat=channel,
                by_bot=by_bot,
                reply_to=reply_to if index == 0 else None,
                media_group_id=group_id,
                at=at,
            )
            for index, content in enumerate(contents)
        ]
        if not by_bot:  # bots get no update about their own messages
            for record in records:
                self._enqueue("channel_post", self.render(record))
        self._forward_to_discussion(records)
        return records

    def _forward_to_discussion(self, records: list[dict[str, Any]]) -> None:
        group = self.group_id
        if group is None:
            return
        channel = self._chat(self.channel_id)
        group_chat = self._chat(group)
        album: str | None = None
        if len(records) > 1:
            album = str(self.data["next_media_group_id"])
            self.data["next_media_group_id"] = int(album) + 1
        for record in records:
            copied = {k: v for k, v in _strip_private(record).items() if k not in ("message_id", "chat", "date")}
            copied.pop("sender_chat", None)
            copied.pop("media_group_id", None)
            copied.pop("from", None)
            forward = self._store(
                group_chat,
                copied,
                sender=TELEGRAM_SERVICE_USER,
                sender_chat=channel,
                by_bot=False,
                media_group_id=album,
                at=int(record["date"]),
                extra={
                    "forward_origin": {
                        "type": "channel",
                        "chat": self._chat_short(channel),
                        "message_id": record["message_id"],
                        "date": record["date"],
                    },
                    "is_automatic_forward": True,
                },
            )
            forward["_post"] = record["message_id"]
            self.data["forwards"][str(record["message_id"])] = forward["message_id"]
            if self._sees_group():
                self._enqueue("message", self.render(forward))

    # -- files ------------------------------------------------------------------------------
    def _store_file(self, upload: _Upload, kind: str) -> dict[str, Any]:
        digest = hashlib.sha256(upload.data).hexdigest()
        unique = "AQAD" + base64.urlsafe_b64encode(bytes.fromhex(digest[:24])).decode().rstrip("=")
        file_id = f"{'AgACAgQ' if kind == 'photo' else 'BAACAgQ'}AAxkBAAI{digest[:40]}"
        suffix = Path(upload.filename or "").suffix.lower() or ".bin"
        name = digest[:32] + suffix
        self.media_dir.mkdir(parents=True, exist_ok=True)
        stored = self.media_dir / name
        if not stored.exists():  # content-addressed, so written whole or not at all (a crash leaves a .tmp)
            partial = self.media_dir / f".{name}.{secrets.token_hex(4)}.tmp"
            partial.write_bytes(upload.data)
            os.replace(partial, stored)
        record = {
            "file_id": file_id,
            "file_unique_id": unique,
            "kind": kind,
            "mime_type": upload.mime_type,
            "file_size": len(upload.data),
            "file_name": name,
            "width": 0,
            "height": 0,
        }
        return record

    def _input_file(self, params: Params, name: str, value: Any, kind: str) -> tuple[dict[str, Any], _Upload | None]:
        """The file a parameter names: an uploaded part, ``attach://part``, a known file_id, or a URL."""
        if name in params.files and (value is None or value == ""):
            return self._new_file(params.files[name], kind), params.files[name]
        if not isinstance(value, str) or not value:
            raise _bad(f"there is no {kind} in the request")
        if value.startswith("attach://"):
            part = params.files.get(value.removeprefix("attach://"))
            if part is None:
                raise _bad(f"file attach://{value.removeprefix('attach://')} not found in the request")
            return self._new_file(part, kind), part
        known = self.data["files"].get(value)
        if known is not None and known["kind"] == kind:
            return dict(known), None
        if value.lower().startswith(("http://", "https://")):
            raise _bad("failed to get HTTP URL content")  # nothing in the sandbox reaches the internet
        raise _bad("wrong file identifier/HTTP URL specified")

    def _new_file(self, upload: _Upload, kind: str) -> dict[str, Any]:
        if not upload.data:
            raise _bad(f"there is no {kind} in the request")
        if kind == "photo":
            if len(upload.data) > PHOTO_LIMIT:
                raise _bad("file is too big")
            width, height = _image_size(upload.data)
            if width + height > PHOTO_SIDES_LIMIT or max(width, height) > PHOTO_RATIO_LIMIT * min(width, height):
                raise _bad("PHOTO_INVALID_DIMENSIONS")
        elif len(upload.data) > UPLOAD_LIMIT:
            raise ApiError(413, "Request Entity Too Large")
        record = self._store_file(upload, kind)
        if kind == "photo":
            record["width"], record["height"] = width, height
        self.data["files"][record["file_id"]] = record
        return dict(record)

    def _photo_sizes(self, file: Mapping[str, Any]) -> list[dict[str, Any]]:
        width, height = int(file["width"]), int(file["height"])
        longest = max(width, height)
        sizes: list[dict[str, Any]] = []
        for index, side in enumerate(PHOTO_SIZES):
            scale = min(1.0, side / longest)
            w, h = max(1, round(width * scale)), max(1, round(height * scale))
            sizes.append(
                {
                    "file_id": f"{file['file_id']}-{index}",
                    "file_unique_id": f"{file['file_unique_id']}{index}",
                    "width": w,
                    "height": h,
                    "file_size": max(1, int(file["file_size"]) * w * h // max(1, width * height)),
                }
            )
            if scale == 1.0:
                break
        return sizes

    def _media_content(self, kind: str, file: Mapping[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
        if kind == "photo":
            return {"photo": self._photo_sizes(file)}
        described = {
            "file_id": file["file_id"],
            "file_unique_id": file["file_unique_id"],
            "width": int(extra.get("width") or 0),
            "height": int(extra.get("height") or 0),
            "duration": int(extra.get("duration") or 0),
            "mime_type": file["mime_type"],
            "file_size": file["file_size"],
        }
        if kind == "animation":
            document = {k: described[k] for k in ("file_id", "file_unique_id", "mime_type", "file_size")}
            return {"animation": described, "document": document}
        return {"video": described}

    # -- text and reply parameters ------------------------------------------------------------
    @staticmethod
    def _text_content(text: str) -> dict[str, Any]:
        content: dict[str, Any] = {"text": text}
        entities = _entities(text)
        if entities:
            content["entities"] = entities
        return content

    @staticmethod
    def _caption_content(caption: str | None) -> dict[str, Any]:
        if not caption:
            return {}
        if utf16_length(caption) > CAPTION_LIMIT:
            raise _bad("message caption is too long")
        content: dict[str, Any] = {"caption": caption}
        entities = _entities(caption)
        if entities:
            content["caption_entities"] = entities
        return content

    def _check_parse_mode(self, params: Params, name: str = "parse_mode") -> None:
        mode = params.get_str(name)
        if mode and mode not in ("HTML", "MarkdownV2", "Markdown"):
            raise _bad(f"unsupported parse_mode {mode}")

    def _reply_target(self, params: Params, chat: Mapping[str, Any]) -> tuple[int, int] | None:
        reply = params.get_json("reply_parameters")
        if reply is None:
            return None
        if not isinstance(reply, dict) or not isinstance(reply.get("message_id"), int):
            raise _bad("can't parse reply parameters JSON object")
        chat_id = int(chat["id"])
        if reply.get("chat_id") is not None:
            value = reply["chat_id"]
            chat_id = int(self._resolve_chat(value if isinstance(value, int) else str(value))["id"])
        if self._message(chat_id, int(reply["message_id"])) is None:
            if reply.get("allow_sending_without_reply") is True:
                return None
            raise _bad("message to be replied not found")
        return chat_id, int(reply["message_id"])

    def _send(
        self, chat: Mapping[str, Any], contents: list[dict[str, Any]], reply_to: tuple[int, int] | None
    ) -> list[dict[str, Any]]:
        """Store what the bot sends into ``chat`` and return the messages as the API shows them."""
        if int(chat["id"]) == self.channel_id:
            records = self._post_in_channel(contents, by_bot=True, reply_to=reply_to)
        else:
            thread: dict[str, Any] = {}
            if reply_to is not None and reply_to[0] == int(chat["id"]):
                replied = self._message(*reply_to)
                root = replied.get("message_thread_id") if replied else None
                if replied is not None and replied.get("is_automatic_forward"):
                    root = replied["message_id"]
                if root is not None:
                    thread = {"message_thread_id": root}
            records = [
                self._store(chat, content, sender=self.bot_id, by_bot=True, reply_to=reply_to, extra=thread)
                for content in contents
            ]
        return [self.render(record) for record in records]

    async def _slow_upload(self, uploads: list[_Upload | None]) -> None:
        if any(u is not None for u in uploads) and self.faults.take("slow_media_polls"):
            await self.sleep(self.slow_upload_seconds)

    # -- methods ------------------------------------------------------------------------------
    async def _m_getMe(self, params: Params) -> dict[str, Any]:
        bot = self.data["bot"]
        return {
            "id": bot["id"],
            "is_bot": True,
            "first_name": bot["first_name"],
            "username": bot["username"],
            "can_join_groups": True,
            "can_read_all_group_messages": bool(bot.get("can_read_all_group_messages")),
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

    async def _m_getChat(self, params: Params) -> dict[str, Any]:
        chat = self._resolve_chat(params.chat_id())
        info = self._chat_short(chat)
        info.update(
            {
                "accent_color_id": 0,
                "max_reaction_count": 11,
                "accepted_gift_types": {
                    "unlimited_gifts": False,
                    "limited_gifts": False,
                    "unique_gifts": False,
                    "premium_subscription": False,
                    "gifts_from_channels": False,
                },
            }
        )
        if chat["type"] != "private":
            info["description"] = chat.get("description", "")
        if chat.get("linked_chat_id") is not None:
            info["linked_chat_id"] = chat["linked_chat_id"]
        return info

    async def _m_getChatMember(self, params: Params) -> dict[str, Any]:
        chat = self._resolve_chat(params.chat_id())
        user_id = params.get_int("user_id")
        if user_id is None:
            raise _bad("user_id is empty")
        if user_id != self.bot_id and str(user_id) not in self.data["users"]:
            raise _bad("user not found")
        member = self._membership(int(chat["id"]), user_id)
        status = member.pop("status")
        result: dict[str, Any] = {"status": status, "user": self._user(user_id)}
        if status == "administrator":
            result.update({k: bool(member.get(k, False)) for k in ADMIN_RIGHTS})
            wanted = CHANNEL_RIGHTS if chat["type"] == "channel" else GROUP_RIGHTS
            result.update({k: bool(member.get(k, False)) for k in wanted})
        elif status == "creator":
            result["is_anonymous"] = False
        elif status == "kicked":
            result["until_date"] = 0
        return result

    async def _m_getChatMemberCount(self, params: Params) -> int:
        return int(self._resolve_chat(params.chat_id()).get("member_count", 0))

    async def _m_getUpdates(self, params: Params) -> list[dict[str, Any]]:
        if self.data.get("webhook_url"):
            raise ApiError(409, CONFLICT_WEBHOOK)
        changed = self._expire_updates()
        allowed = params.get_json("allowed_updates")
        if allowed is not None:
            if not isinstance(allowed, list) or not all(isinstance(a, str) for a in allowed):
                raise _bad("can't parse allowed_updates JSON array")
            if allowed != self.data.get("allowed_updates"):
                self.data["allowed_updates"] = allowed
                changed = True
        offset = params.get_int("offset")
        limit = min(100, max(1, params.get_int("limit") or 100))
        queue: list[dict[str, Any]] = self.data["updates"]
        if offset is not None and offset > 0:
            kept = [u for u in queue if int(u["update_id"]) >= offset]
        elif offset is not None and offset < 0:
            kept = queue[offset:]
        else:
            kept = queue
        if len(kept) != len(queue):
            self.data["updates"] = kept
            changed = True
        if changed:
            self.state.save()
        return [_strip_private(u) for u in kept[:limit]]

    async def _m_sendMessage(self, params: Params) -> dict[str, Any]:
        chat = self._resolve_chat(params.chat_id())
        self._check_can_send(chat)
        self._check_parse_mode(params)
        text = (params.get_str("text") or "").strip()
        if not text:
            raise _bad("message text is empty")
        if utf16_length(text) > MESSAGE_LIMIT:
            raise _bad("message is too long")
        reply = self._reply_target(params, chat)
        self._flood_control(int(chat["id"]), 1)
        content = self._text_content(text)
        preview = params.get_json("link_preview_options")
        if isinstance(preview, dict) and preview:
            content["link_preview_options"] = {
                k: v for k, v in preview.items() if k in ("is_disabled", "url", "prefer_small_media", "show_above_text")
            }
        elif preview is not None and not isinstance(preview, dict):
            raise _bad("can't parse link preview options JSON object")
        return self._send(chat, [content], reply)[0]

    async def _send_one_file(self, params: Params, kind: str) -> dict[str, Any]:
        chat = self._resolve_chat(params.chat_id())
        self._check_can_send(chat)
        self._check_parse_mode(params)
        file, upload = self._input_file(params, kind, params.values.get(kind), kind)
        caption = self._caption_content((params.get_str("caption") or "").strip())
        reply = self._reply_target(params, chat)
        self._flood_control(int(chat["id"]), 1)
        await self._slow_upload([upload])
        extra = {
            "width": params.get_int("width"),
            "height": params.get_int("height"),
            "duration": params.get_int("duration"),
        }
        content = {**self._media_content(kind, file, extra), **caption}
        if params.get_bool("has_spoiler"):
            content["has_media_spoiler"] = True
        return self._send(chat, [content], reply)[0]

    async def _m_sendPhoto(self, params: Params) -> dict[str, Any]:
        return await self._send_one_file(params, "photo")

    async def _m_sendVideo(self, params: Params) -> dict[str, Any]:
        return await self._send_one_file(params, "video")

    async def _m_sendAnimation(self, params: Params) -> dict[str, Any]:
        return await self._send_one_file(params, "animation")

    async def _m_sendMediaGroup(self, params: Params) -> list[dict[str, Any]]:
        chat = self._resolve_chat(params.chat_id())
        self._check_can_send(chat)
        items = params.get_json("media")
        if not isinstance(items, list):
            raise _bad("can't parse media JSON object")
        if len(items) > ALBUM_MAX:
            raise _bad("too much messages to send as an album")
        if len(items) < ALBUM_MIN:
            raise _bad("there must be at least 2 media in an album")
        prepared: list[tuple[str, Mapping[str, Any], _Upload | None, dict[str, Any]]] = []
        for item in items:
            if not isinstance(item, dict) or not isinstance(item.get("type"), str):
                raise _bad("can't parse InputMedia JSON object")
            kind = item["type"]
            if kind not in ("photo", "video"):
                raise _bad(f"the sandbox sends albums of photos and videos only, not {kind}")
            if item.get("parse_mode") not in (None, "HTML", "MarkdownV2", "Markdown"):
                raise _bad(f"unsupported parse_mode {item['parse_mode']}")
            file, upload = self._input_file(params, "", item.get("media"), kind)
            caption = item.get("caption")
            if caption is not None and not isinstance(caption, str):
                raise _bad("can't parse InputMedia JSON object")
            prepared.append((kind, file, upload, {**self._caption_content((caption or "").strip()), "_item": item}))
        reply = self._reply_target(params, chat)
        self._flood_control(int(chat["id"]), len(prepared))
        await self._slow_upload([upload for _, _, upload, _ in prepared])
        contents: list[dict[str, Any]] = []
        for kind, stored, _upload, extra in prepared:
            described = extra.pop("_item")
            content = {**self._media_content(kind, stored, described), **extra}
            if described.get("has_spoiler"):
                content["has_media_spoiler"] = True
            contents.append(content)
        return self._send(chat, contents, reply)

    async def _m_sendPoll(self, params: Params) -> dict[str, Any]:
        chat = self._resolve_chat(params.chat_id())
        self._check_can_send(chat)
        question = (params.get_str("question") or "").strip()
        if not question:
            raise _bad("poll question must be non-empty")
        if utf16_length(question) > POLL_QUESTION_LIMIT:
            raise _bad(f"poll question length must not exceed {POLL_QUESTION_LIMIT}")
        raw = params.get_json("options")
        if not isinstance(raw, list):
            raise _bad("can't parse options JSON object")
        options: list[str] = []
        for option in raw:
            text = option.get("text") if isinstance(option, dict) else option
            if not isinstance(text, str):
                raise _bad("can't parse InputPollOption JSON object")
            options.append(text.strip())
        if not options:
            raise _bad("poll must have at least 1 option")
        if len(options) > POLL_MAX_OPTIONS:
            raise _bad(f"poll can't have more than {POLL_MAX_OPTIONS} options")
        if any(not option for option in options):
            raise _bad("poll options must be non-empty")
        if any(utf16_length(option) > POLL_OPTION_LIMIT for option in options):
            raise _bad(f"poll options length must not exceed {POLL_OPTION_LIMIT}")
        poll_type = params.get_str("type") or "regular"
        if poll_type not in ("regular", "quiz"):
            raise _bad("wrong poll type specified")
        anonymous = params.get_bool("is_anonymous", True)
        if not anonymous and chat["type"] == "channel":
            raise _bad("non-anonymous polls can't be sent to channel chats")
        open_period = params.get_int("open_period")
        close_date = params.get_int("close_date")
        if open_period is not None and close_date is not None:
            raise _bad("can't use open_period and close_date simultaneously")
        if open_period is not None and not POLL_OPEN_MIN <= open_period <= POLL_OPEN_MAX:
            raise _bad(f"poll open_period must be between {POLL_OPEN_MIN} and {POLL_OPEN_MAX}")
        reply = self._reply_target(params, chat)
        self._flood_control(int(chat["id"]), 1)
        poll_id = str(self.data["next_poll_id"])
        self.data["next_poll_id"] = int(poll_id) + 1
        poll: dict[str, Any] = {
            "id": poll_id,
            "question": question,
            "options": [
                {"persistent_id": f"{poll_id}-{index}", "text": text, "voter_count": 0}
                for index, text in enumerate(options)
            ],
            "total_voter_count": 0,
            "is_closed": params.get_bool("is_closed"),
            "is_anonymous": anonymous,
            "type": poll_type,
            "allows_multiple_answers": params.get_bool("allows_multiple_answers"),
            "allows_revoting": params.get_bool("allows_revoting", poll_type == "regular"),
            "members_only": params.get_bool("members_only"),
        }
        if open_period is not None:
            poll["open_period"] = open_period
            poll["close_date"] = self._now() + open_period
        elif close_date is not None:
            poll["close_date"] = close_date
        return self._send(chat, [{"poll": poll}], reply)[0]

    async def _m_deleteMessage(self, params: Params) -> bool:
        chat = self._resolve_chat(params.chat_id())
        message_id = params.get_int("message_id")
        if message_id is None:
            raise _bad("message identifier is not specified")
        self._delete(chat, message_id)
        return True

    async def _m_deleteMessages(self, params: Params) -> bool:
        chat = self._resolve_chat(params.chat_id())
        ids = params.get_json("message_ids")
        if not isinstance(ids, list) or not all(isinstance(i, int) and not isinstance(i, bool) for i in ids):
            raise _bad("can't parse message identifiers JSON array")
        if not 1 <= len(ids) <= 100:
            raise _bad("too many message identifiers specified" if ids else "message identifiers are empty")
        for message_id in ids:  # messages that cannot be found are skipped
            try:
                self._delete(chat, message_id)
            except ApiError as error:
                if "not found" not in error.description:
                    raise
        return True

    def _delete(self, chat: Mapping[str, Any], message_id: int) -> None:
        chat_id = int(chat["id"])
        record = self._message(chat_id, message_id)
        if record is None:
            raise _bad("message to delete not found")
        member = self._membership(chat_id, self.bot_id)
        own = bool(record.get("_by_bot"))
        may_delete_any = member["status"] == "creator" or (
            member["status"] == "administrator" and member.get("can_delete_messages")
        )
        if chat["type"] == "channel":
            allowed = may_delete_any or (own and member.get("can_post_messages"))
        elif chat["type"] == "private":
            allowed = True
        else:
            allowed = own or may_delete_any
        young = self._now() - int(record["date"]) < DELETE_WINDOW.total_seconds()
        if not allowed or not (young or may_delete_any):
            raise _bad("message can't be deleted")
        record["_deleted"] = True

    # -- for tests, the demo and `kurum-masaustu sandbox list` ------------------------------
    def _citizen(self, name: str, username: str | None) -> int:
        for known in self.data["users"].values():
            if username and known.get("username") == username:
                return int(known["id"])
        user_id = int(self.data["next_user_id"])
        self.data["next_user_id"] = user_id + 1
        first, _, last = name.partition(" ")
        user: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": first or "Vatandaş"}
        if last:
            user["last_name"] = last
        if username:
            user["username"] = username
        user["language_code"] = "tr"
        self.data["users"][str(user_id)] = user
        group = self.group_id
        if group is not None:
            self.data["members"].setdefault(str(group), {})[str(user_id)] = {"status": "member"}
        return user_id

    def add_comment(
        self,
        post_id: int,
        text: str,
        *,
        author: str = "Ayşe Yılmaz",
        username: str | None = "ayseyilmaz",
        reply_to: int | None = None,
        at: datetime | None = None,
        as_channel: bool = False,
        save: bool = True,
    ) -> int:
        """A citizen comments on channel post ``post_id`` (or answers comment ``reply_to``) in the
        discussion group. Returns the comment's message id in the group.

        ``as_channel``: a channel admin answers as the channel itself (``sender_chat`` = the channel,
        ``from`` = Telegram's ``Channel_Bot`` placeholder), as Telegram clients allow."""
        group = self.group_id
        if group is None:
            raise KeyError("the sandbox channel has no discussion group")
        forward = self.data["forwards"].get(str(post_id))
        if forward is None:
            raise KeyError(f"post {post_id} has no copy in the discussion group")
        target = int(reply_to) if reply_to is not None else int(forward)
        if self._message(group, target) is None:
            raise KeyError(f"no message {target} in the discussion group")
        user_id = CHANNEL_BOT if as_channel else self._citizen(author, username)
        record = self._store(
            self._chat(group),
            self._text_content(text),
            sender=user_id,
            sender_chat=self._chat(self.channel_id) if as_channel else None,
            by_bot=False,
            reply_to=(group, target),
            at=int(at.timestamp()) if at else None,
            extra={"message_thread_id": int(forward)},
        )
        if self._sees_group():
            self._enqueue("message", self.render(record))
        if save:
            self.state.save()
        return int(record["message_id"])

    def edit_comment(self, message_id: int, text: str, *, save: bool = True) -> None:
        group = self.group_id
        record = self._message(group, message_id) if group is not None else None
        if record is None:
            raise KeyError(f"no comment {message_id}")
        record.update(self._text_content(text))
        if "entities" not in self._text_content(text):
            record.pop("entities", None)
        record["edit_date"] = self._now()
        if self._sees_group():
            self._enqueue("edited_message", self.render(record))
        if save:
            self.state.save()

    def add_group_message(
        self, text: str, *, author: str = "Mehmet Kaya", username: str | None = "mehmetkaya", save: bool = True
    ) -> int:
        """A message in the discussion group outside any post's thread."""
        group = self.group_id
        if group is None:
            raise KeyError("the sandbox channel has no discussion group")
        record = self._store(
            self._chat(group), self._text_content(text), sender=self._citizen(author, username), by_bot=False
        )
        if self._sees_group():
            self._enqueue("message", self.render(record))
        if save:
            self.state.save()
        return int(record["message_id"])

    def add_private_message(
        self, text: str, *, author: str = "Fatma Demir", username: str | None = "fatmademir", save: bool = True
    ) -> int:
        """A citizen writes to the bot in private. Returns the message id (in that private chat)."""
        user_id = self._citizen(author, username)
        names = {k: v for k, v in self._user(user_id).items() if k in ("first_name", "last_name", "username")}
        chat = self.data["chats"].setdefault(str(user_id), {"id": user_id, "type": "private", **names})
        record = self._store(chat, self._text_content(text), sender=user_id, by_bot=False)
        self._enqueue("message", self.render(record))
        if save:
            self.state.save()
        return int(record["message_id"])

    def add_admin_post(self, text: str, *, at: datetime | None = None, save: bool = True) -> int:
        """A person posts in the channel by hand (not through the bot): a ``channel_post`` update."""
        records = self._post_in_channel(
            [self._text_content(text)], by_bot=False, reply_to=None, at=int(at.timestamp()) if at else None
        )
        if save:
            self.state.save()
        return int(records[0]["message_id"])

    def set_discussion(self, enabled: bool) -> None:
        """Link or unlink the discussion group."""
        channel = self._chat(self.channel_id)
        channel["linked_chat_id"] = GROUP_ID if enabled else None
        if str(GROUP_ID) in self.data["chats"]:
            self._chat(GROUP_ID)["linked_chat_id"] = self.channel_id if enabled else None
        self.state.save()

    def set_bot_member(self, where: str, status: str, **rights: bool) -> None:
        """The bot's membership in ``"channel"`` or ``"group"``: administrator, member, left, kicked."""
        chat_id = self.channel_id if where == "channel" else GROUP_ID
        entry: dict[str, Any] = {"status": status}
        if status == "administrator":
            entry.update(ADMIN_RIGHTS)
            entry.update(CHANNEL_RIGHTS if where == "channel" else GROUP_RIGHTS)
        entry.update(rights)
        self.data["members"].setdefault(str(chat_id), {})[str(self.bot_id)] = entry
        self.state.save()

    def set_privacy_mode(self, enabled: bool) -> None:
        """Privacy mode on (the default): as a plain member of a group the bot sees almost nothing."""
        self.data["bot"]["can_read_all_group_messages"] = not enabled
        self.state.save()

    def set_webhook(self, url: str) -> None:
        self.data["webhook_url"] = url
        self.state.save()

    def save(self) -> None:
        self.state.save()

    def published(self) -> list[SandboxPost]:
        """What the bot posted in the channel (oldest first); an album is one post."""
        channel = self._chat(self.channel_id)
        records = sorted(
            (r for r in self._messages(self.channel_id).values() if r.get("_by_bot") and not r.get("_deleted")),
            key=lambda r: int(r["message_id"]),
        )
        comments: dict[int, int] = {}
        group = self.group_id
        if group is not None:
            for record in self._messages(group).values():
                thread = record.get("message_thread_id")
                if thread is not None and not record.get("_deleted") and not record.get("is_automatic_forward"):
                    comments[int(thread)] = comments.get(int(thread), 0) + 1
        posts: list[SandboxPost] = []
        albums: dict[str, list[dict[str, Any]]] = {}
        order: list[list[dict[str, Any]]] = []
        for record in records:
            album = record.get("media_group_id")
            if album is None:
                order.append([record])
            elif album in albums:
                albums[album].append(record)
            else:
                albums[album] = [record]
                order.append(albums[album])
        for parts in order:
            first = parts[0]
            ids = [int(p["message_id"]) for p in parts]
            text = next(
                (str(p.get("text") or p.get("caption")) for p in parts if p.get("text") or p.get("caption")), ""
            )
            poll = first.get("poll")
            if poll is not None:
                text = str(poll["question"])
            reply = first.get("_reply_to")
            forward = self.data["forwards"].get(str(ids[0]))
            username = channel.get("username")
            url = (
                f"https://t.me/{username}/{ids[0]}"
                if username
                else f"https://t.me/c/{str(self.channel_id)[4:]}/{ids[0]}"
            )
            posts.append(
                SandboxPost(
                    id=",".join(str(i) for i in ids),
                    text=text,
                    created_at=datetime.fromtimestamp(int(first["date"]), UTC),
                    url=url,
                    media=tuple(m for p in parts for m in self._sandbox_media(p)),
                    poll_options=tuple(str(o["text"]) for o in poll["options"]) if poll else (),
                    in_reply_to_id=str(reply[1]) if reply else None,
                    comments=comments.get(int(forward), 0) if forward is not None else 0,
                )
            )
        return posts

    def _sandbox_media(self, record: Mapping[str, Any]) -> list[SandboxMedia]:
        found: list[SandboxMedia] = []
        for kind in ("photo", "video", "animation"):
            value = record.get(kind)
            if value is None:
                continue
            described = value[-1] if kind == "photo" else value
            file_id = str(described["file_id"]).rsplit("-", 1)[0] if kind == "photo" else str(described["file_id"])
            stored = self.data["files"].get(file_id, {})
            path = self.media_dir / str(stored.get("file_name", "")) if stored else None
            found.append(
                SandboxMedia(
                    id=str(described["file_unique_id"]),
                    type=kind,
                    mime_type=str(stored.get("mime_type", "")),
                    size=int(stored.get("file_size", described.get("file_size", 0))),
                    width=int(described.get("width", 0)),
                    height=int(described.get("height", 0)),
                    file=str(path) if path is not None and path.exists() else None,
                )
            )
        return found


def _image_size(data: bytes) -> tuple[int, int]:
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            image.verify()
            width, height = image.size
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        raise _bad("IMAGE_PROCESS_FAILED") from None
    if width <= 0 or height <= 0:
        raise _bad("IMAGE_PROCESS_FAILED")
    return int(width), int(height)
