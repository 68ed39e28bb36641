"""Telegram: one channel, posted to by a bot through the Bot API (``reference/platform_apis.md`` §7).

``settings``: ``chat_id`` (``@channelname``, ``-100…`` or a ``t.me/name`` link) and optionally
``base_url`` (default ``https://api.telegram.org``; a self-hosted ``telegram-bot-api`` server or
the sandbox). ``secrets``: ``bot_token`` from @BotFather. Checked against ``shared/specs/telegram``
(Bot API 10.1).

The token is part of every URL (``/bot<token>/<method>``). So the adapter never puts a URL, a
request or an httpx exception text into an outcome or a log line; every detail it reports is
built from Telegram's own ``description`` or an exception's type, with the token scrubbed as a
last guard. (httpx itself logs each request URL at INFO on the ``httpx`` logger: see the
report on ``logging_setup``'s redaction.)

What it sends, always plain text (no ``parse_mode``: nothing a person wrote is read as markup):

- text → ``sendMessage`` (1–4,096 UTF-16 code units), the link given apart appended and used
  for the preview (``link_preview_options.url``);
- one image → ``sendPhoto`` (≤10 MB), a GIF → ``sendAnimation``, a video → ``sendVideo``
  (≤50 MB, ``supports_streaming``), the text as ``caption`` (≤1,024);
- 2–10 images/videos → ``sendMediaGroup`` with ``attach://`` parts, the caption on the first;
- a poll → ``sendPoll``: question = the text (1–300), 1–12 options of 1–100 (Bot API 10.1; older
  servers wanted 2+), always anonymous (channel polls are), ``open_period`` 5 s – 2,628,000 s;
- a reply or thread → ``reply_parameters.message_id``.
Files go up as multipart in the send call itself: Telegram has no separate upload step and no
media processing state. Alt text has no Bot API field. There is no scheduling for bots: a
``scheduled_at`` in the future is refused (the outbox publishes when due).

Answers: ``{"ok":true,"result":…}`` or ``{"ok":false,"error_code","description","parameters"}``.
401 → :class:`AuthExpired` (token revoked); 403 (bot removed from the channel, rights taken
away) → :class:`AuthExpired` too, because only IT can fix it and the channel's deliveries should
wait, not fail one by one; 429 → :class:`RateLimited` for ``parameters.retry_after``; 409 and
5xx, timeouts, network errors and malformed JSON → :class:`Transient`; other 4xx →
:class:`Rejected` with a code of ours and Telegram's description.

``remote_id`` is the channel message id (``"512"``), for an album the ids of all its messages
(``"512,513,514"``: deleting an album deletes them all); a discussion-group comment or a private
message is ``"<chat id>:<message id>"``. Permalinks are ``https://t.me/<channel>/<id>``, or
``https://t.me/c/<id>/<id>`` for a channel without a public name (members only).

**Exactly once.** Telegram has no idempotency key and a bot cannot read a channel's history, so
after a lost answer :meth:`TelegramAdapter.find_published` looks where a bot *can* see its own
posts:

1. what this adapter got back earlier in this process (``message_id`` by delivery key);
2. the channel's **linked discussion group**: Telegram copies every channel post into it as an
   automatic forward (``is_automatic_forward``, ``forward_origin`` = the channel post's chat and
   ``message_id``). That copy is a message of the group, not the bot's own message, so a bot that
   is an administrator of the group (or has privacy mode off) receives it through ``getUpdates``.
   The look-up reads the pending updates **without an offset**, which confirms nothing, so the
   inbox loses no comment; the auto-forwards :meth:`fetch_inbox` consumes are remembered too.
   ``channel_post`` updates are matched as well, but Telegram does not send a bot its own posts
   there (bots get no updates about their own messages), so they only ever show what human
   admins posted.
A post is ours when text or caption (or the poll question), number of media and time (≥ the send
time less 5 minutes) match. Where none of this can see the post — no discussion group, the bot
not an admin there, more than 100 updates pending, a webhook set, or more than 24 h since the
send (Telegram keeps updates that long) — :meth:`find_published` answers :class:`Unknown` with
the reason: the outbox then parks the delivery as ``uncertain`` and the person, who can see the
channel, records the link or sends it again. Nothing is ever sent twice on a guess.

Inbox: comments in the discussion group (replies to a post's auto-forward → comment; to another
comment → reply), mentions of the channel there, and private messages to the bot, read with
``getUpdates`` and an offset cursor. One page (≤100 updates) per call: a page is confirmed on
Telegram only by the next call's offset, after the caller has stored it, so a crash loses no
comment. There is no Bot API for post views or reach: :meth:`metrics` returns nothing.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import unicodedata
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
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
    Unknown,
)
from kurum_masaustu.platforms.json_shape import Shape, ShapeError, integer, obj, opt_integer

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
Failure = AuthExpired | RateLimited | Rejected | Transient
ChatId = int | str

API_URL: Final = "https://api.telegram.org"
MESSAGE_LIMIT: Final = 4096
CAPTION_LIMIT: Final = 1024
POLL_QUESTION_LIMIT: Final = 300
POLL_OPTION_LIMIT: Final = 100
POLL_MIN_OPTIONS: Final = 1  # Bot API 10.1; older servers refuse fewer than 2
POLL_MAX_OPTIONS: Final = 12
POLL_MIN_OPEN: Final = 5
POLL_MAX_OPEN: Final = 2_628_000
ALBUM_MIN: Final = 2
ALBUM_MAX: Final = 10
PHOTO_UPLOAD_LIMIT: Final = 10 * 1024 * 1024
FILE_UPLOAD_LIMIT: Final = 50 * 1024 * 1024
UPDATES_PAGE: Final = 100
#: Update types we ask for, the same in every call (``allowed_updates`` is sticky on Telegram).
UPDATE_TYPES: Final[tuple[str, ...]] = ("message", "edited_message", "channel_post", "edited_channel_post")
#: Telegram keeps unconfirmed updates this long; an older send cannot be seen any more.
UPDATES_KEPT: Final = timedelta(hours=24)
#: find_published accepts a post dated this long before ``since`` (laptop vs Telegram clock).
CLOCK_SKEW: Final = timedelta(minutes=5)
DEFAULT_RATE_LIMIT_WAIT: Final = timedelta(seconds=30)
MEDIA_TIMEOUT: Final = httpx.Timeout(60.0, write=600.0)
#: Telegram's service account that "sends" automatic forwards into discussion groups.
TELEGRAM_SERVICE_USER: Final = 777000
#: How many post threads (auto-forward → channel post) and sightings are remembered.
MEMORY: Final = 500

# Our codes in Rejected (stable; the UI turns them into Turkish messages).
CODE_BAD_REQUEST: Final = "bad_request"
CODE_CHAT_NOT_FOUND: Final = "chat_not_found"
CODE_MISSING_CHAT: Final = "missing_chat_id"
CODE_NOT_A_CHANNEL: Final = "not_a_channel"
CODE_NOT_ADMIN: Final = "not_admin"
CODE_EMPTY: Final = "empty"
CODE_TOO_LONG: Final = "too_long"
CODE_CAPTION_TOO_LONG: Final = "caption_too_long"
CODE_REPLY_NOT_FOUND: Final = "reply_not_found"
CODE_NOT_FOUND: Final = "not_found"
CODE_CANNOT_DELETE: Final = "cannot_delete"
CODE_TOO_LARGE: Final = "too_large"
CODE_TOO_MANY_MEDIA: Final = "too_many_media"
CODE_MEDIA_INVALID: Final = "media_invalid"
CODE_MEDIA_UNREADABLE: Final = "media_unreadable"
CODE_UNSUPPORTED_MEDIA: Final = "unsupported_media"
CODE_ANIMATION_IN_ALBUM: Final = "animation_in_album"
CODE_POLL_MISSING: Final = "poll_missing"
CODE_POLL_WITH_MEDIA: Final = "poll_with_media"
CODE_POLL_INVALID: Final = "poll_invalid"
CODE_CANNOT_SCHEDULE: Final = "cannot_schedule"
CODE_UNSUPPORTED: Final = "unsupported"
CODE_BAD_ID: Final = "bad_id"
CODE_CHAT_MIGRATED: Final = "chat_migrated"

#: Telegram descriptions (lower case) → our codes; first match wins.
_DESCRIPTION_CODES: Final[tuple[tuple[str, str], ...]] = (
    ("chat not found", CODE_CHAT_NOT_FOUND),
    ("message text is empty", CODE_EMPTY),
    ("text must be non-empty", CODE_EMPTY),
    ("message is too long", CODE_TOO_LONG),
    ("caption is too long", CODE_CAPTION_TOO_LONG),
    ("message to be replied not found", CODE_REPLY_NOT_FOUND),
    ("replied message not found", CODE_REPLY_NOT_FOUND),
    ("message to delete not found", CODE_NOT_FOUND),
    ("message can't be deleted", CODE_CANNOT_DELETE),
    ("need administrator rights", CODE_NOT_ADMIN),
    ("not enough rights", CODE_NOT_ADMIN),
    ("poll", CODE_POLL_INVALID),
    ("album", CODE_TOO_MANY_MEDIA),
    ("media group", CODE_TOO_MANY_MEDIA),
    ("photo_invalid_dimensions", CODE_MEDIA_INVALID),
    ("image_process_failed", CODE_MEDIA_INVALID),
    ("wrong file", CODE_MEDIA_INVALID),
    ("failed to get http url content", CODE_MEDIA_INVALID),
    ("file is too big", CODE_TOO_LARGE),
    ("upgraded to a supergroup", CODE_CHAT_MIGRATED),
)

#: What the Bot API accepts in a URL path segment for the token (real ones are ``<digits>:<35 chars>``).
_TOKEN = re.compile(r"[A-Za-z0-9_:-]{1,256}")
_USERNAME = re.compile(r"[A-Za-z][A-Za-z0-9_]{3,31}")
_LINK = re.compile(r"(?:https?://)?(?:www\.)?(?:t\.me|telegram\.me)/(?P<name>[A-Za-z][A-Za-z0-9_]{3,31})/?")
_NUMERIC = re.compile(r"-?\d{1,20}")
_MESSAGE_ID = re.compile(r"\d{1,12}")
_IDS = re.compile(r"\d{1,12}(?:,\d{1,12}){0,99}")
_CHAT_MESSAGE = re.compile(r"(?P<chat>-?\d{1,20}):(?P<message>\d{1,12})")
#: Telegram: optional texts keep an empty string as it is (ids are read with integer()).
_JSON: Final = Shape(keep_empty=True)


@dataclass(frozen=True)
class _Ok:
    result: Any


@dataclass(frozen=True)
class _Channel:
    """What the look-up and the inbox need to know about the channel (from getChat/getMe)."""

    id: int
    username: str | None
    title: str
    bot_id: int
    linked_chat_id: int | None
    #: The bot receives the discussion group's messages (administrator there, or privacy mode off).
    sees_discussion: bool


@dataclass(frozen=True)
class _Sighting:
    """One of the channel's posts as an update showed it (possibly an album: several ids)."""

    ids: tuple[int, ...]
    date: datetime
    text: str
    media: int
    poll: bool


@dataclass(frozen=True)
class _Part:
    """One seen message of a post (an album arrives as one message per item)."""

    message_id: int
    date: datetime
    text: str
    media: int
    poll: bool
    group: str | None


# -- small helpers ----------------------------------------------------------------------------
def _utc_now() -> datetime:
    return datetime.now(UTC)


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def utf16_length(text: str) -> int:
    """Length in UTF-16 code units, the stricter reading of Telegram's limits (see rules/text.py)."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def normalize_chat_id(value: Any) -> ChatId | None:
    """``@name``, ``name``, ``t.me/name`` links → ``"@name"``; ``-100…`` → int; anything else → None."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    if _NUMERIC.fullmatch(text):
        return int(text)
    link = _LINK.fullmatch(text)
    if link:
        return "@" + link.group("name")
    if _USERNAME.fullmatch(text.removeprefix("@")):
        return "@" + text.removeprefix("@")
    return None


def compose_text(request: PublishRequest) -> str:
    """The message text: the request's text, with its link appended unless it is already there."""
    text = request.text
    if request.link and request.link not in text:
        text = f"{text.rstrip()}\n\n{request.link}" if text.strip() else request.link
    return text


def _canonical(text: str) -> str:
    """Text as compared when looking for our own post (Telegram trims; clients differ in spaces)."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def _time(value: Any) -> datetime:
    if not isinstance(value, int) or isinstance(value, bool):
        raise ShapeError(f"not a Unix time: {value!r}")
    return datetime.fromtimestamp(value, UTC)


def _form_value(value: Any) -> str:
    """A parameter as the Bot API reads it in a form: objects and arrays JSON-serialised."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value
    if isinstance(value, int | float):
        return str(value)
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _media_count(message: Mapping[str, Any]) -> int:
    return int(any(key in message for key in ("photo", "video", "animation", "document", "audio", "live_photo")))


def parse_remote_id(remote_id: str) -> tuple[int | None, tuple[int, ...]] | None:
    """``"512"`` / ``"512,513"`` → (None, ids in the channel); ``"-100…:7"`` → (chat, (7,)); else None."""
    remote_id = remote_id.strip()
    found = _CHAT_MESSAGE.fullmatch(remote_id)
    if found:
        return int(found.group("chat")), (int(found.group("message")),)
    if _IDS.fullmatch(remote_id):
        return None, tuple(int(part) for part in remote_id.split(","))
    return None


# -- the adapter ------------------------------------------------------------------------------
class TelegramAdapter(Adapter):
    """A Telegram channel posted to by a bot. ``clock`` is injectable so tests do not depend on it."""

    platform = Platform.TELEGRAM

    def __init__(
        self,
        client: httpx.AsyncClient,
        settings: Mapping[str, Any],
        secrets: Mapping[str, str],
        *,
        clock: Clock = _utc_now,
    ) -> None:
        super().__init__(client, settings, secrets)
        base = str(settings.get("base_url") or API_URL).strip().rstrip("/")
        parts = urlsplit(base)
        if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment:
            raise ValueError(f"Telegram base_url must be http(s)://host[:port][/path], got {base!r}")
        self.base_url = base
        self._clock = clock
        raw_chat = settings.get("chat_id")
        self._chat_setting = str(raw_chat).strip() if raw_chat is not None else ""
        self._chat: ChatId | None = normalize_chat_id(raw_chat) if raw_chat is not None else None
        self._channel: _Channel | None = None
        #: delivery key → what Telegram answered, for this process (see find_published).
        self._sent: OrderedDict[str, Published] = OrderedDict()
        #: channel message id → what an update showed of it (auto-forwards, channel posts).
        self._parts: OrderedDict[int, _Part] = OrderedDict()

    # -- HTTP ---------------------------------------------------------------------------------
    def _token(self) -> str | None:
        token = self._secrets.get("bot_token", "").strip()
        return token if _TOKEN.fullmatch(token) else None

    def _scrub(self, text: str) -> str:
        token = self._secrets.get("bot_token", "")
        for value in (token, token.strip()):
            if value.strip():
                text = text.replace(value, "***")
        return re.sub(r"/bot[^/\s]+/", "/bot***/", text)

    async def _call(
        self,
        method: str,
        params: Mapping[str, Any] | None = None,
        *,
        files: Sequence[tuple[str, tuple[str, bytes, str]]] | None = None,
        timeout: httpx.Timeout | None = None,
    ) -> _Ok | Failure:
        """One Bot API call. Never raises for what the network or Telegram does."""
        token = self._token()
        if token is None:
            present = bool(self._secrets.get("bot_token", "").strip())
            return AuthExpired(
                "the Telegram bot token is not valid" if present else "no Telegram bot token for this channel"
            )
        url = f"{self.base_url}/bot{token}/{method}"
        extra: dict[str, Any] = {"timeout": timeout} if timeout is not None else {}
        try:
            if files:
                form = {key: _form_value(value) for key, value in (params or {}).items()}
                response = await self.client.post(url, data=form, files=list(files), **extra)
            else:
                response = await self.client.post(url, json=dict(params or {}), **extra)
        except httpx.TimeoutException as exc:
            return Transient(f"timeout talking to Telegram ({method}): {type(exc).__name__}")
        except httpx.RequestError as exc:
            return Transient(self._scrub(f"network error talking to Telegram ({method}): {type(exc).__name__}: {exc}"))
        return self._answer(method, response)

    def _answer(self, method: str, response: httpx.Response) -> _Ok | Failure:
        status = response.status_code
        try:
            body = response.json()
        except ValueError:
            if status == 413:
                return Rejected(CODE_TOO_LARGE, "Request Entity Too Large", {"error_code": 413})
            if status == 429:
                return RateLimited(self._retry_at(None, response), f"HTTP 429 from Telegram ({method})")
            return Transient(f"malformed answer from Telegram to {method} (HTTP {status})")
        if not isinstance(body, Mapping) or not isinstance(body.get("ok"), bool):
            return Transient(f"unexpected answer from Telegram to {method} (HTTP {status})")
        if body["ok"]:
            if "result" not in body:
                return Transient(f"Telegram answered {method} without a result")
            return _Ok(body["result"])
        code = body.get("error_code")
        code = code if isinstance(code, int) and not isinstance(code, bool) else status
        description = body.get("description")
        description = self._scrub(description) if isinstance(description, str) and description else f"HTTP {code}"
        parameters = body.get("parameters")
        return self._failure(code, description, parameters if isinstance(parameters, Mapping) else {}, response)

    def _retry_at(self, retry_after: Any, response: httpx.Response) -> datetime:
        now = self._clock()
        if isinstance(retry_after, int | float) and not isinstance(retry_after, bool) and retry_after >= 0:
            return now + timedelta(seconds=float(retry_after))
        header = response.headers.get("retry-after", "").strip()
        if header.isdigit():
            return now + timedelta(seconds=int(header))
        if header:
            try:
                return max(_aware(parsedate_to_datetime(header)), now)
            except (TypeError, ValueError):
                pass
        return now + DEFAULT_RATE_LIMIT_WAIT

    def _failure(self, code: int, description: str, parameters: Mapping[str, Any], response: httpx.Response) -> Failure:
        if code == 401:
            return AuthExpired(description)
        if code == 403:
            return AuthExpired(description)
        if code == 429:
            return RateLimited(self._retry_at(parameters.get("retry_after"), response), description)
        if code >= 500 or code in (408, 409):
            retry = parameters.get("retry_after")
            seconds = float(retry) if isinstance(retry, int | float) and not isinstance(retry, bool) else None
            return Transient(f"HTTP {code}: {description}", seconds)
        data: dict[str, Any] = {"error_code": code}
        migrated = parameters.get("migrate_to_chat_id")
        if isinstance(migrated, int):
            data["migrate_to_chat_id"] = migrated
        if code == 404:
            return Rejected(CODE_NOT_FOUND, description, data)
        if code == 413:
            return Rejected(CODE_TOO_LARGE, description, data)
        if code != 400:
            return Rejected(f"http_{code}", description, data)
        lowered = description.lower()
        ours = next((ours for needle, ours in _DESCRIPTION_CODES if needle in lowered), CODE_BAD_REQUEST)
        return Rejected(ours, description, data)

    def _as_transient(self, outcome: Failure) -> Transient:
        if isinstance(outcome, Transient):
            return outcome
        if isinstance(outcome, RateLimited):
            wait = max(0.0, (outcome.until - self._clock()).total_seconds())
            return Transient(f"rate limited: {outcome.detail}", wait)
        if isinstance(outcome, AuthExpired):
            return Transient(f"bot token or rights refused: {outcome.detail}")
        return Transient(f"{outcome.code}: {outcome.platform_message}")

    def _target(self) -> ChatId | Rejected:
        if self._chat is not None:
            return self._chat
        if not self._chat_setting:
            return Rejected(CODE_MISSING_CHAT, "the channel's chat_id (@name or -100…) is not set")
        return Rejected(CODE_MISSING_CHAT, f"not a Telegram chat id: {self._chat_setting!r}")

    # -- account ------------------------------------------------------------------------------
    async def verify(self) -> AccountInfo | AuthExpired | RateLimited | Rejected | Transient:
        """The bot's token works, the chat is a channel, and the bot may post in it."""
        channel = await self._channel_info(refresh=True)
        if not isinstance(channel, _Channel):
            return channel
        got = await self._call("getChatMember", {"chat_id": channel.id, "user_id": channel.bot_id})
        if not isinstance(got, _Ok):
            return got
        try:
            member = obj(got.result)
            status = member.get("status")
            may_post = status == "creator" or (status == "administrator" and member.get("can_post_messages") is True)
        except ShapeError as exc:
            return Transient(str(exc))
        if not may_post:
            return Rejected(
                CODE_NOT_ADMIN,
                "the bot must be an administrator of the channel with the right to post messages",
                {"status": str(status)},
            )
        handle = f"@{channel.username}" if channel.username else str(channel.id)
        return AccountInfo(remote_id=str(channel.id), handle=handle, display_name=channel.title or handle)

    async def _channel_info(self, *, refresh: bool = False) -> _Channel | Failure:
        """getMe + getChat (+ the bot's membership in the discussion group), cached for the process."""
        if self._channel is not None and not refresh:
            return self._channel
        target = self._target()
        if isinstance(target, Rejected):
            return target
        me = await self._call("getMe")
        if not isinstance(me, _Ok):
            return me
        chat = await self._call("getChat", {"chat_id": target})
        if not isinstance(chat, _Ok):
            return chat
        try:
            bot = obj(me.result)
            bot_id = integer(bot, "id")
            info = obj(chat.result)
            chat_id = integer(info, "id")
            if info.get("type") != "channel":
                return Rejected(CODE_NOT_A_CHANNEL, f"{self._chat_setting} is a {info.get('type')} chat, not a channel")
            linked = opt_integer(info, "linked_chat_id")
            sees = False
            if linked is not None:
                member = await self._call("getChatMember", {"chat_id": linked, "user_id": bot_id})
                if isinstance(member, _Ok):
                    status = obj(member.result).get("status")
                    sees = status in ("administrator", "creator") or (
                        status in ("member", "restricted") and bot.get("can_read_all_group_messages") is True
                    )
                elif isinstance(member, Transient | RateLimited):
                    return member  # not knowing whether the bot sees the group is not an answer
                # Rejected or AuthExpired: the bot is not in the group (or may not look), so it sees nothing there.
        except ShapeError as exc:
            return Transient(str(exc))
        self._channel = _Channel(
            id=chat_id,
            username=_JSON.opt_text(info, "username"),
            title=_JSON.opt_text(info, "title") or "",
            bot_id=bot_id,
            linked_chat_id=linked,
            sees_discussion=sees,
        )
        return self._channel

    # -- publishing ---------------------------------------------------------------------------
    async def publish(self, request: PublishRequest) -> Outcome:
        target = self._target()
        if isinstance(target, Rejected):
            return target
        refused = self._refusal(request)
        if refused is not None:
            return refused
        reply = self._reply_parameters(request.reply_to)
        if isinstance(reply, Rejected):
            return reply
        text = compose_text(request)
        base: dict[str, Any] = {"chat_id": target}
        if reply is not None:
            base["reply_parameters"] = reply
        if request.poll is not None:
            options = [option.strip() for option in request.poll.options]
            body = {
                **base,
                "question": text.strip(),
                "options": [{"text": option} for option in options],
                "is_anonymous": True,
                "allows_multiple_answers": request.poll.multiple,
                "open_period": request.poll.duration_minutes * 60,
            }
            outcome = await self._send("sendPoll", body)
        elif not request.media:
            body = {**base, "text": text}
            if request.link:
                body["link_preview_options"] = {"url": request.link}
            outcome = await self._send("sendMessage", body)
        else:
            outcome = await self._send_media(base, text, request.media)
        if isinstance(outcome, Published):
            self._remember_sent(request.idempotency_key, outcome)
        return outcome

    def _refusal(self, request: PublishRequest) -> Rejected | None:
        """What Telegram would refuse, found before any byte is sent."""
        if request.kind in (PostKind.STORY, PostKind.REEL):
            return Rejected(CODE_UNSUPPORTED, f"a bot cannot post a {request.kind.value} to a Telegram channel")
        if request.scheduled_at is not None and _aware(request.scheduled_at) > self._clock() + CLOCK_SKEW:
            return Rejected(CODE_CANNOT_SCHEDULE, "Telegram bots cannot schedule posts; the app sends it when due")
        if request.kind is PostKind.POLL and request.poll is None:
            return Rejected(CODE_POLL_MISSING, "a poll post without poll options")
        text = compose_text(request)
        if request.poll is not None:
            if request.media:
                return Rejected(CODE_POLL_WITH_MEDIA, "a Telegram poll is sent without photos or videos")
            question = utf16_length(text.strip())
            if not 1 <= question <= POLL_QUESTION_LIMIT:
                return Rejected(
                    CODE_POLL_INVALID,
                    f"the poll question must be 1-{POLL_QUESTION_LIMIT} characters",
                    {"length": question},
                )
            options = [option.strip() for option in request.poll.options]
            if not POLL_MIN_OPTIONS <= len(options) <= POLL_MAX_OPTIONS:
                return Rejected(CODE_POLL_INVALID, f"a poll has {POLL_MIN_OPTIONS}-{POLL_MAX_OPTIONS} options")
            if any(not 1 <= utf16_length(option) <= POLL_OPTION_LIMIT for option in options):
                return Rejected(CODE_POLL_INVALID, f"each poll option must be 1-{POLL_OPTION_LIMIT} characters")
            if not POLL_MIN_OPEN <= request.poll.duration_minutes * 60 <= POLL_MAX_OPEN:
                return Rejected(CODE_POLL_INVALID, "a poll stays open 5 seconds to about 30 days")
            return None
        if len(request.media) > ALBUM_MAX:
            return Rejected(CODE_TOO_MANY_MEDIA, f"an album holds at most {ALBUM_MAX} files", {"limit": ALBUM_MAX})
        length = utf16_length(text.strip())
        if request.media:
            if length > CAPTION_LIMIT:
                return Rejected(
                    CODE_CAPTION_TOO_LONG,
                    f"a caption is at most {CAPTION_LIMIT} characters",
                    {"limit": CAPTION_LIMIT, "length": length},
                )
            for media in request.media:
                kind = _media_kind(media)
                if kind is None:
                    return Rejected(CODE_UNSUPPORTED_MEDIA, f"{media.mime_type} cannot be sent to a channel")
                if kind == "animation" and len(request.media) > 1:
                    return Rejected(CODE_ANIMATION_IN_ALBUM, "a GIF cannot be part of an album")
            return None
        if length == 0:
            return Rejected(CODE_EMPTY, "the message is empty")
        if length > MESSAGE_LIMIT:
            return Rejected(
                CODE_TOO_LONG,
                f"a message is at most {MESSAGE_LIMIT} characters",
                {"limit": MESSAGE_LIMIT, "length": length},
            )
        return None

    def _reply_parameters(self, reply_to: str | None) -> dict[str, Any] | Rejected | None:
        if not reply_to:
            return None
        parsed = parse_remote_id(reply_to)
        if parsed is None:
            return Rejected(CODE_BAD_ID, f"not a Telegram message: {reply_to!r}")
        chat, ids = parsed
        reply: dict[str, Any] = {"message_id": ids[0]}
        if chat is not None:
            reply["chat_id"] = chat
        return reply

    async def _send(
        self,
        method: str,
        body: Mapping[str, Any],
        files: Sequence[tuple[str, tuple[str, bytes, str]]] | None = None,
    ) -> Outcome:
        got = await self._call(method, body, files=files, timeout=MEDIA_TIMEOUT if files else None)
        if not isinstance(got, _Ok):
            return got
        try:
            messages = [obj(m) for m in _JSON.items(got.result)] if method == "sendMediaGroup" else [obj(got.result)]
            if not messages:
                raise ShapeError("Telegram returned no message")
            return self._published(messages)
        except ShapeError as exc:
            # Telegram may well have posted it: find_published (auto-forward) or a person tells.
            return Transient(f"unreadable answer to {method}: {exc}")

    async def _send_media(self, base: Mapping[str, Any], text: str, media: Sequence[MediaFile]) -> Outcome:
        files: list[tuple[str, tuple[str, bytes, str]]] = []
        kinds: list[str] = []
        for index, item in enumerate(media):
            kind = _media_kind(item)
            assert kind is not None  # _refusal checked
            loaded = await self._read(item, kind, index)
            if isinstance(loaded, Rejected):
                return loaded
            files.append((f"file{index}", loaded))
            kinds.append(kind)
        caption = text.strip()
        if len(media) == 1:
            kind, item = kinds[0], media[0]
            body: dict[str, Any] = {**base}
            if caption:
                body["caption"] = text
            if kind == "video":
                body["supports_streaming"] = True
                if item.width and item.height:
                    body["width"], body["height"] = item.width, item.height
            method = {"photo": "sendPhoto", "video": "sendVideo", "animation": "sendAnimation"}[kind]
            return await self._send(method, body, [(kind, files[0][1])])
        album: list[dict[str, Any]] = []
        for index, (kind, item) in enumerate(zip(kinds, media, strict=True)):
            entry: dict[str, Any] = {"type": kind, "media": f"attach://file{index}"}
            if index == 0 and caption:
                entry["caption"] = text
            if kind == "video":
                entry["supports_streaming"] = True
                if item.width and item.height:
                    entry["width"], entry["height"] = item.width, item.height
            album.append(entry)
        return await self._send("sendMediaGroup", {**base, "media": album}, files)

    async def _read(self, media: MediaFile, kind: str, index: int) -> tuple[str, bytes, str] | Rejected:
        limit = PHOTO_UPLOAD_LIMIT if kind == "photo" else FILE_UPLOAD_LIMIT
        try:
            size = (await asyncio.to_thread(media.path.stat)).st_size
            if size > limit:
                return Rejected(
                    CODE_TOO_LARGE,
                    f"{media.path.name}: Telegram takes at most {limit // (1024 * 1024)} MB for a {kind} upload",
                    {"limit": limit, "size": size},
                )
            content = await asyncio.to_thread(media.path.read_bytes)
        except OSError as exc:
            return Rejected(CODE_MEDIA_UNREADABLE, f"{media.path.name}: {exc.strerror or exc}")
        # The local file name stays on the laptop.
        return (f"media{index + 1}{media.path.suffix.lower()}", content, media.mime_type)

    def _published(self, messages: Sequence[Mapping[str, Any]]) -> Published:
        ids = [integer(message, "message_id") for message in messages]
        chat = obj(messages[0].get("chat"))
        chat_id = integer(chat, "id")
        username = _JSON.opt_text(chat, "username")
        return Published(",".join(str(i) for i in ids), self._permalink(chat_id, username, ids[0]))

    @staticmethod
    def _permalink(chat_id: int, username: str | None, message_id: int) -> str:
        if username:
            return f"https://t.me/{username}/{message_id}"
        text = str(chat_id)
        if text.startswith("-100"):
            return f"https://t.me/c/{text[4:]}/{message_id}"
        return ""

    def _remember_sent(self, key: str, published: Published) -> None:
        self._sent[key] = published
        self._sent.move_to_end(key)
        while len(self._sent) > MEMORY:
            self._sent.popitem(last=False)

    # -- reconciling after a crash ------------------------------------------------------------
    async def find_published(
        self, request: PublishRequest, since: datetime
    ) -> Published | AuthExpired | RateLimited | Transient | Unknown | None:
        """The post this request created, if a bot can see it (see the module's docstring);
        :class:`Unknown` when the bot cannot see whether it exists.

        Read-only: ``getUpdates`` without an offset confirms nothing.
        """
        known = self._sent.get(request.idempotency_key)
        if known is not None:
            return known
        channel = await self._channel_info()
        if isinstance(channel, Rejected):
            return self._as_transient(channel)
        if not isinstance(channel, _Channel):
            return channel
        since = _aware(since)
        blind: list[str] = []
        got = await self._call(
            "getUpdates", {"limit": UPDATES_PAGE, "timeout": 0, "allowed_updates": list(UPDATE_TYPES)}
        )
        if isinstance(got, _Ok):
            if not isinstance(got.result, list):
                return Transient("getUpdates answered without a list of updates")
            updates = got.result
            for update in updates:
                try:
                    self._note_update(obj(update), channel)
                except ShapeError:
                    continue  # an update we cannot read is not our post; it must not block the look-up
            if len(updates) >= UPDATES_PAGE:
                blind.append("more than 100 updates are pending; older ones were not read")
        elif isinstance(got, Transient) and got.detail.startswith("HTTP 409"):
            blind.append(f"updates cannot be read ({got.detail})")
        else:
            return self._as_transient(got) if isinstance(got, Rejected) else got
        found = self._match(request, since)
        if found is not None:
            return Published(
                ",".join(str(i) for i in found.ids), self._permalink(channel.id, channel.username, found.ids[0])
            )
        if channel.linked_chat_id is None:
            blind.append("the channel has no discussion group")
        elif not channel.sees_discussion:
            blind.append("the bot is not an administrator of the discussion group")
        if self._clock() - since > UPDATES_KEPT:
            blind.append("Telegram keeps updates for 24 hours only")
        if blind:
            reason = "; ".join(blind)
            log.warning("Telegram channel %s: cannot tell whether a lost post went out (%s)", channel.id, reason)
            return Unknown(reason)
        return None

    def _note_update(self, update: Mapping[str, Any], channel: _Channel) -> None:
        """Remember what an update shows of the channel's posts (channel_post or auto-forward)."""
        for key in ("channel_post", "edited_channel_post"):
            post = update.get(key)
            if isinstance(post, Mapping) and opt_integer(obj(post.get("chat")), "id") == channel.id:
                self._note_part(integer(post, "message_id"), post, _time(post.get("date")))
        message = update.get("message")
        if not isinstance(message, Mapping) or message.get("is_automatic_forward") is not True:
            return
        if opt_integer(obj(message.get("chat")), "id") != channel.linked_chat_id:
            return
        origin = message.get("forward_origin")
        if not isinstance(origin, Mapping) or origin.get("type") != "channel":
            return
        if opt_integer(obj(origin.get("chat")), "id") != channel.id:
            return
        self._note_part(integer(origin, "message_id"), message, _time(origin.get("date")))

    def _note_part(self, message_id: int, message: Mapping[str, Any], date: datetime) -> None:
        poll = message.get("poll")
        text = (
            _JSON.opt_text(obj(poll), "question") or ""
            if isinstance(poll, Mapping)
            else _JSON.opt_text(message, "text") or _JSON.opt_text(message, "caption") or ""
        )
        self._parts[message_id] = _Part(
            message_id,
            date,
            text,
            _media_count(message),
            isinstance(poll, Mapping),
            _JSON.opt_text(message, "media_group_id"),
        )
        self._parts.move_to_end(message_id)
        while len(self._parts) > MEMORY:
            self._parts.popitem(last=False)

    def _sightings(self) -> list[_Sighting]:
        """Parts put together: an album's messages share a ``media_group_id``; its caption is on one."""
        albums: dict[str, list[_Part]] = {}
        found: list[_Sighting] = []
        for part in self._parts.values():
            if part.group is None:
                found.append(_Sighting((part.message_id,), part.date, part.text, part.media, part.poll))
            else:
                albums.setdefault(part.group, []).append(part)
        for parts in albums.values():
            parts.sort(key=lambda p: p.message_id)
            text = next((p.text for p in parts if p.text), "")
            found.append(_Sighting(tuple(p.message_id for p in parts), parts[0].date, text, len(parts), False))
        return found

    def _match(self, request: PublishRequest, since: datetime) -> _Sighting | None:
        wanted = _canonical(compose_text(request))
        oldest = since - CLOCK_SKEW
        for sighting in sorted(self._sightings(), key=lambda s: s.ids[0]):
            if (
                sighting.date >= oldest
                and _canonical(sighting.text) == wanted
                and sighting.media == len(request.media)
                and sighting.poll == (request.poll is not None)
            ):
                return sighting
        return None

    # -- after publishing ---------------------------------------------------------------------
    async def delete(self, remote_id: str) -> ActionOutcome:
        parsed = parse_remote_id(remote_id)
        if parsed is None:
            return Rejected(CODE_BAD_ID, f"not a Telegram message: {remote_id!r}")
        chat, ids = parsed
        target: ChatId | Rejected = chat if chat is not None else self._target()
        if isinstance(target, Rejected):
            return target
        if len(ids) == 1:
            got = await self._call("deleteMessage", {"chat_id": target, "message_id": ids[0]})
        else:
            got = await self._call("deleteMessages", {"chat_id": target, "message_ids": list(ids)})
        if isinstance(got, _Ok):
            return Done()
        if isinstance(got, Rejected) and got.code == CODE_NOT_FOUND:
            return Done()  # already gone: what a delete wants
        return got

    async def reply(self, parent_remote_id: str, text: str, idempotency_key: str) -> Outcome:
        """Answer a comment (in the discussion group), a private message, or one of our posts."""
        parsed = parse_remote_id(parent_remote_id)
        if parsed is None:
            return Rejected(CODE_BAD_ID, f"not a Telegram message: {parent_remote_id!r}")
        chat, ids = parsed
        target: ChatId | Rejected = chat if chat is not None else self._target()
        if isinstance(target, Rejected):
            return target
        length = utf16_length(text.strip())
        if length == 0:
            return Rejected(CODE_EMPTY, "the message is empty")
        if length > MESSAGE_LIMIT:
            return Rejected(CODE_TOO_LONG, f"a message is at most {MESSAGE_LIMIT} characters", {"limit": MESSAGE_LIMIT})
        got = await self._call(
            "sendMessage", {"chat_id": target, "text": text, "reply_parameters": {"message_id": ids[0]}}
        )
        if not isinstance(got, _Ok):
            return got
        try:
            message = obj(got.result)
            message_id = integer(message, "message_id")
            chat_info = obj(message.get("chat"))
            chat_id = integer(chat_info, "id")
        except ShapeError as exc:
            return Transient(f"unreadable answer to sendMessage: {exc}")
        link = self._permalink(chat_id, _JSON.opt_text(chat_info, "username"), message_id)
        if chat is None:
            return Published(str(message_id), link)
        return Published(f"{chat_id}:{message_id}", link if chat_info.get("type") != "private" else "")

    async def delete_comment(self, remote_id: str) -> ActionOutcome:
        """A bot that administers the discussion group with ``can_delete_messages`` may delete
        any message there."""
        return await self.delete(remote_id)

    async def hide(self, remote_id: str) -> ActionOutcome:
        return Rejected(CODE_UNSUPPORTED, "Telegram cannot hide a comment; only delete it (in Telegram itself)")

    async def metrics(self, remote_ids: Sequence[str]) -> Mapping[str, Metrics] | Transient:
        """Nothing: the Bot API exposes no views, reach or per-post statistics."""
        return {}

    # -- inbox --------------------------------------------------------------------------------
    async def fetch_inbox(self, cursor: str | None) -> InboxPage | AuthExpired | RateLimited | Transient:
        """Comments and replies in the discussion group, mentions of the channel there, and
        private messages to the bot, from one ``getUpdates`` page after ``cursor``.

        The cursor holds the next update offset and the discussion threads seen (auto-forward
        message id → channel post id), so a comment is tied to its post after a restart too.
        """
        offset, threads = _read_cursor(cursor)
        channel = await self._channel_info()
        if isinstance(channel, Rejected):
            return self._as_transient(channel)
        if not isinstance(channel, _Channel):
            return channel
        params: dict[str, Any] = {"limit": UPDATES_PAGE, "timeout": 0, "allowed_updates": list(UPDATE_TYPES)}
        if offset is not None:
            params["offset"] = offset  # confirms what the caller stored after the last call
        got = await self._call("getUpdates", params)
        if isinstance(got, Rejected):
            return self._as_transient(got)
        if not isinstance(got, _Ok):
            return got
        if not isinstance(got.result, list):
            return Transient("getUpdates answered without a list of updates")
        items: dict[str, RemoteItem] = {}
        new_offset = offset
        for entry in got.result:
            update_id = opt_integer(entry, "update_id") if isinstance(entry, Mapping) else None
            if update_id is None:
                return Transient("getUpdates answered an update without update_id")
            new_offset = max(new_offset or 0, update_id + 1)
            try:
                update = obj(entry)
                self._note_update(update, channel)
                self._note_thread(update, channel, threads)
                item = self._inbox_item(update, channel, threads)
            except ShapeError as exc:
                # Skipped rather than read forever: one unreadable update must not stop the inbox.
                log.warning("Telegram channel %s: update %s skipped (%s)", channel.id, update_id, exc)
                continue
            if item is not None:
                items[item.remote_id] = item  # an edit replaces the version read earlier
        ordered = tuple(sorted(items.values(), key=lambda i: (i.created_at, i.remote_id)))
        if new_offset == offset and not ordered:
            return InboxPage((), cursor)
        while len(threads) > MEMORY:
            threads.popitem(last=False)
        return InboxPage(
            ordered,
            json.dumps({"v": 1, "offset": new_offset, "threads": [[g, p] for g, p in threads.items()]}),
        )

    def _note_thread(self, update: Mapping[str, Any], channel: _Channel, threads: OrderedDict[int, int]) -> None:
        message = update.get("message")
        if not isinstance(message, Mapping) or message.get("is_automatic_forward") is not True:
            return
        origin = message.get("forward_origin")
        if (
            opt_integer(obj(message.get("chat")), "id") == channel.linked_chat_id
            and isinstance(origin, Mapping)
            and opt_integer(obj(origin.get("chat")), "id") == channel.id
        ):
            threads[integer(message, "message_id")] = integer(origin, "message_id")

    def _inbox_item(
        self, update: Mapping[str, Any], channel: _Channel, threads: Mapping[int, int]
    ) -> RemoteItem | None:
        edited = "edited_message" in update
        raw = update.get("edited_message") if edited else update.get("message")
        if not isinstance(raw, Mapping) or raw.get("is_automatic_forward") is True:
            return None
        message = raw
        chat = obj(message.get("chat"))
        chat_id = integer(chat, "id")
        sender = message.get("from")
        if isinstance(sender, Mapping) and opt_integer(sender, "id") in (channel.bot_id, TELEGRAM_SERVICE_USER):
            return None
        sender_chat = message.get("sender_chat")
        if isinstance(sender_chat, Mapping) and opt_integer(sender_chat, "id") == channel.id:
            return None  # the institution itself, writing in the group as the channel
        author_name, author_handle = _author(message)
        text = _JSON.opt_text(message, "text") or _JSON.opt_text(message, "caption") or _media_label(message)
        remote_id = f"{chat_id}:{integer(message, 'message_id')}"
        created = _time(message.get("date"))
        if chat.get("type") == "private":
            return RemoteItem(
                remote_id, InboxKind.DIRECT_MESSAGE, author_name, author_handle, text, created, edited=edited
            )
        if chat_id != channel.linked_chat_id:
            return None
        parent = message.get("reply_to_message")
        thread = opt_integer(message, "message_thread_id")
        post_id: int | None = threads.get(thread) if thread is not None else None
        if isinstance(parent, Mapping):
            origin = parent.get("forward_origin")
            if parent.get("is_automatic_forward") is True and isinstance(origin, Mapping):
                post_id = integer(origin, "message_id")
                return RemoteItem(
                    remote_id, InboxKind.COMMENT, author_name, author_handle, text, created,
                    parent_remote_id=str(post_id), post_remote_id=str(post_id), edited=edited,
                )  # fmt: skip
            parent_id = f"{chat_id}:{integer(parent, 'message_id')}"
            return RemoteItem(
                remote_id, InboxKind.REPLY, author_name, author_handle, text, created,
                parent_remote_id=parent_id, post_remote_id=str(post_id) if post_id is not None else None, edited=edited,
            )  # fmt: skip
        if post_id is not None:
            return RemoteItem(
                remote_id, InboxKind.COMMENT, author_name, author_handle, text, created,
                parent_remote_id=str(post_id), post_remote_id=str(post_id), edited=edited,
            )  # fmt: skip
        if channel.username and re.search(rf"(?<!\w)@{re.escape(channel.username)}(?!\w)", text, re.IGNORECASE):
            return RemoteItem(remote_id, InboxKind.MENTION, author_name, author_handle, text, created, edited=edited)
        return None  # the discussion group's own chatter, not addressed to the institution


def _media_kind(media: MediaFile) -> str | None:
    mime = media.mime_type.lower()
    if mime == "image/gif":
        return "animation"
    if mime in ("image/jpeg", "image/png", "image/webp"):
        return "photo"
    if mime.startswith("video/"):
        return "video"
    return None


def _author(message: Mapping[str, Any]) -> tuple[str, str]:
    sender_chat = message.get("sender_chat")
    if isinstance(sender_chat, Mapping):  # an anonymous admin or a channel writing in the group
        name = _JSON.opt_text(sender_chat, "title") or str(sender_chat.get("id", ""))
        username = _JSON.opt_text(sender_chat, "username")
        return name, f"@{username}" if username else str(sender_chat.get("id", ""))
    user = obj(message.get("from"))
    name = " ".join(p for p in (_JSON.opt_text(user, "first_name"), _JSON.opt_text(user, "last_name")) if p)
    username = _JSON.opt_text(user, "username")
    return name or "?", f"@{username}" if username else f"tg:{user.get('id', '')}"


def _media_label(message: Mapping[str, Any]) -> str:
    for key in ("photo", "video", "animation", "sticker", "voice", "video_note", "document", "audio", "poll"):
        if key in message:
            return f"[{key}]"
    return ""


def _read_cursor(cursor: str | None) -> tuple[int | None, OrderedDict[int, int]]:
    threads: OrderedDict[int, int] = OrderedDict()
    if not cursor:
        return None, threads
    try:
        data = json.loads(cursor)
    except ValueError:
        return (int(cursor) if cursor.isdigit() else None), threads
    if not isinstance(data, Mapping):
        return None, threads
    offset = data.get("offset")
    for pair in data.get("threads") or []:
        if isinstance(pair, list) and len(pair) == 2 and all(isinstance(v, int) for v in pair):
            threads[pair[0]] = pair[1]
    return (offset if isinstance(offset, int) and not isinstance(offset, bool) else None), threads
