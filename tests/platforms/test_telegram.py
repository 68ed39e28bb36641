"""Telegram adapter against the Telegram sandbox; every request and answer checked against the Bot API spec.

Hermetic: the adapter's client runs on the in-process sandbox transport (or, for a few answer
shapes, an ``httpx.MockTransport``) and time comes from a fake clock. Every request the adapter
sends and every ``ok`` answer the sandbox gives is validated, when the test ends, against
``shared/specs/telegram/api.json`` (Bot API 10.1): the method exists, required fields are present,
no unknown field is sent, and every value has one of the field's types, objects and arrays
recursively (``InputPollOption``, ``ReplyParameters``, ``InputMediaPhoto``… and, in answers,
``Message``, ``Update``, ``ChatFullInfo``, ``ChatMember``…), with ``attach://`` references resolved
to the request's multipart parts.
"""

from __future__ import annotations

import io
import json
import logging
import re
import zlib
from collections.abc import AsyncIterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from email import message_from_bytes
from email.message import Message
from pathlib import Path
from typing import Any

import httpx
import pytest
import pytest_asyncio
from PIL import Image

from kurum_masaustu.domain import InboxKind, PostKind
from kurum_masaustu.logging_setup import redact
from kurum_masaustu.platforms.base import (
    AccountInfo,
    AuthExpired,
    Done,
    InboxPage,
    MediaFile,
    Poll,
    Published,
    PublishRequest,
    RateLimited,
    Rejected,
    Transient,
    Unknown,
)
from kurum_masaustu.platforms.sandbox.core import Faults, SandboxState
from kurum_masaustu.platforms.sandbox.telegram import TelegramSandbox, new_bot_token
from kurum_masaustu.platforms.telegram import TelegramAdapter, normalize_chat_id, parse_remote_id, utf16_length

TOKEN = "7000000001:AAH-sandbox-token-for-tests-0123456"
BASE_URL = "https://telegram.sandbox.invalid"
CHAT = "@ornekbelediyesi"
T0 = datetime(2026, 9, 1, 8, 0, 0, tzinfo=UTC)


# -- the spec ------------------------------------------------------------------------------------
def find_telegram_spec(start: Path) -> Path:
    """``shared/specs/telegram/api.json`` beside the repository (or any folder above it); never skipped."""
    for folder in [start, *start.parents]:
        candidate = folder / "shared" / "specs" / "telegram" / "api.json"
        if candidate.is_file():
            return candidate
    pytest.fail(
        f"Telegram Bot API spec not found: looked for shared/specs/telegram/api.json in {start} and every folder "
        "above it. The repository is expected beside the project's shared/ folder (as in CI).",
        pytrace=False,
    )


@dataclass
class BotApiSpec:
    """Checks values against the methods and types of ``api.json``."""

    methods: dict[str, Any]
    types: dict[str, Any]

    def method(self, name: str) -> dict[str, Any] | None:
        lowered = name.lower()
        found: dict[str, Any] | None = next((m for n, m in self.methods.items() if n.lower() == lowered), None)
        return found

    def check_fields(
        self, where: str, fields: list[dict[str, Any]], values: dict[str, Any], parts: set[str], *, sent: bool
    ) -> list[str]:
        problems: list[str] = []
        known = {f["name"]: f for f in fields}
        for name in values:
            if name not in known:
                problems.append(f"{where}: unknown field {name!r}")
        for spec_field in fields:
            name = spec_field["name"]
            if name not in values:
                if spec_field["required"] and not (sent and name in parts):
                    problems.append(f"{where}: required field {name!r} missing")
                continue
            problems += self.check_value(f"{where}.{name}", spec_field["types"], values[name], parts, sent=sent)
        return problems

    def check_value(self, where: str, types: list[str], value: Any, parts: set[str], *, sent: bool) -> list[str]:
        """Passes when the value matches one of ``types``; else the closest type's problems.

        The scraped spec writes "Array of A, B and C" (an array whose items are any of them) as the
        alternatives ``Array of A``, ``Array of B``…, which would forbid an album mixing photos and
        videos (the Bot API allows it): alternatives that are all arrays are read as one array of
        the union. This is the only reading of the spec the check adds.
        """
        if len(types) > 1 and all(t.startswith("Array of ") for t in types):
            if sent and isinstance(value, str):
                try:
                    value = json.loads(value)
                except ValueError:
                    return [f"{where}: not a JSON array"]
            if not isinstance(value, list):
                return [f"{where}: expected an array"]
            inner = [t.removeprefix("Array of ") for t in types]
            return [
                p
                for i, item in enumerate(value)
                for p in self.check_value(f"{where}[{i}]", inner, item, parts, sent=sent)
            ]
        attempts: list[list[str]] = []
        for type_name in types:
            problems = self._check_one(where, type_name, value, parts, sent=sent)
            if not problems:
                return []
            attempts.append(problems)
        return min(attempts, key=len) if attempts else [f"{where}: no type"]

    def _check_one(self, where: str, type_name: str, value: Any, parts: set[str], *, sent: bool) -> list[str]:
        if type_name.startswith("Array of "):
            if sent and isinstance(value, str):  # JSON-serialised in a form
                try:
                    value = json.loads(value)
                except ValueError:
                    return [f"{where}: not a JSON array"]
            if not isinstance(value, list):
                return [f"{where}: expected {type_name}"]
            inner = type_name.removeprefix("Array of ")
            return [
                p
                for i, item in enumerate(value)
                for p in self._check_one(f"{where}[{i}]", inner, item, parts, sent=sent)
            ]
        if type_name == "Integer":
            ok = (isinstance(value, int) and not isinstance(value, bool)) or (
                sent and isinstance(value, str) and value.lstrip("-").isdigit()
            )
            return [] if ok else [f"{where}: expected Integer, got {value!r}"]
        if type_name == "Float":
            ok = isinstance(value, int | float) and not isinstance(value, bool)
            return [] if ok else [f"{where}: expected Float"]
        if type_name == "Boolean":
            ok = isinstance(value, bool) or (sent and value in ("true", "false"))
            return [] if ok else [f"{where}: expected Boolean, got {value!r}"]
        if type_name == "String":
            if not isinstance(value, str):
                return [f"{where}: expected String, got {type(value).__name__}"]
            if sent and value.startswith("attach://") and value.removeprefix("attach://") not in parts:
                return [f"{where}: {value} names no part of the request"]
            return []
        if type_name == "InputFile":
            return [] if value is _FILE_PART else [f"{where}: expected an uploaded file"]
        spec_type = self.types.get(type_name)
        if spec_type is None:
            return [f"{where}: unknown type {type_name}"]
        if spec_type.get("subtypes"):
            return self.check_value(where, spec_type["subtypes"], value, parts, sent=sent)
        if sent and isinstance(value, str):
            try:
                value = json.loads(value)
            except ValueError:
                return [f"{where}: {type_name} is not JSON"]
        if not isinstance(value, dict):
            return [f"{where}: expected {type_name} object"]
        problems = self.check_fields(f"{where}<{type_name}>", spec_type.get("fields", []), value, parts, sent=sent)
        for spec_field in spec_type.get("fields", []):  # discriminators: 'always "channel"', 'must be photo'
            name = spec_field["name"]
            fixed = _FIXED_VALUE.search(spec_field.get("description", ""))
            if name in ("type", "status", "source") and name in value and fixed and value[name] != fixed.group(1):
                problems.append(f"{where}: {name} is not {fixed.group(1)!r}")
        return problems


_FILE_PART = object()
_FIXED_VALUE = re.compile(r'(?:always|must be) "?([a-z_]+)"?')


def _form(request: httpx.Request) -> tuple[dict[str, Any], set[str]]:
    """The request's parameters as Telegram reads them, and the names of its file parts (read here, not
    with the sandbox's own parser, so that a parser bug cannot hide an adapter bug)."""
    values: dict[str, Any] = dict(request.url.params.multi_items())
    parts: set[str] = set()
    content_type = request.headers.get("content-type", "")
    if content_type.startswith("application/json"):
        values.update(json.loads(request.content))
    elif content_type.startswith("multipart/form-data"):
        head = f"Content-Type: {content_type}\r\n\r\n".encode("latin-1")
        message = message_from_bytes(head + request.content)
        payload = message.get_payload()
        assert isinstance(payload, list)
        for part in payload:
            assert isinstance(part, Message)
            name = part.get_param("name", header="content-disposition")
            assert isinstance(name, str)
            if part.get_filename() is None:
                data = part.get_payload(decode=True)
                assert isinstance(data, bytes)
                values[name] = data.decode("utf-8")
            else:
                parts.add(name)
                values[name] = _FILE_PART
    return values, parts


def spec_errors(spec: BotApiSpec, request: httpx.Request, response: httpx.Response | None = None) -> list[str]:
    method_name = request.url.path.rsplit("/", 1)[-1]
    method = spec.method(method_name)
    if method is None:
        return [f"{method_name}: not a Bot API method"]
    values, parts = _form(request)
    file_fields = {name for name, v in values.items() if v is _FILE_PART}
    for name in file_fields - {f["name"] for f in method.get("fields", [])}:
        values.pop(name)  # an attach:// part, checked where it is referenced
    problems = spec.check_fields(method["name"], method.get("fields", []), values, parts, sent=True)
    if response is not None and response.is_success:
        try:
            body = json.loads(response.content)
        except ValueError:
            return problems  # the malformed-JSON fault
        if body.get("ok") is True:
            problems += spec.check_value(
                f"{method['name']} → result", method["returns"], body["result"], set(), sent=False
            )
    return problems


@pytest.fixture(scope="session")
def bot_api() -> BotApiSpec:
    data = json.loads(find_telegram_spec(Path(__file__).resolve()).read_text(encoding="utf-8"))
    return BotApiSpec(data["methods"], data["types"])


# -- the test bench -----------------------------------------------------------------------------
@dataclass
class FakeClock:
    now: datetime = T0

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@dataclass
class Recorder(httpx.AsyncBaseTransport):
    inner: httpx.AsyncBaseTransport
    exchanges: list[tuple[httpx.Request, httpx.Response | None]] = field(default_factory=list)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        await request.aread()
        try:
            response = await self.inner.handle_async_request(request)
        except httpx.HTTPError:
            self.exchanges.append((request, None))
            raise
        await response.aread()
        self.exchanges.append((request, response))
        return response


@dataclass
class Bench:
    path: Path
    clock: FakeClock
    sandbox: TelegramSandbox
    recorder: Recorder
    client: httpx.AsyncClient
    raw: httpx.AsyncClient  # straight to the sandbox, not checked against the spec
    adapter: TelegramAdapter
    media_dir: Path
    sleeps: list[float]

    def sent(self, method: str) -> list[httpx.Request]:
        return [r for r, _ in self.recorder.exchanges if r.url.path.lower().endswith("/" + method.lower())]

    def adapter_again(self, **settings: Any) -> TelegramAdapter:
        """A new adapter (as after a restart): no memory of what was sent."""
        return _adapter(self.client, self.clock, **settings)

    def reopen(self) -> Bench:
        sandbox = TelegramSandbox.open(self.path, TOKEN, clock=self.clock)
        recorder = Recorder(sandbox, self.recorder.exchanges)
        client = httpx.AsyncClient(transport=recorder)
        return Bench(
            self.path, self.clock, sandbox, recorder, client, self.raw, _adapter(client, self.clock), self.media_dir,
            self.sleeps,
        )  # fmt: skip

    def image(self, name: str = "foto.png", size: tuple[int, int] = (640, 480), fmt: str = "PNG") -> MediaFile:
        path = self.media_dir / name
        buffer = io.BytesIO()
        Image.new("RGB", size, (zlib.crc32(name.encode()) % 256, 90, 30)).save(buffer, fmt)
        path.write_bytes(buffer.getvalue())
        mime = {"PNG": "image/png", "JPEG": "image/jpeg", "GIF": "image/gif"}[fmt]
        return MediaFile(path, mime, alt_text="Açıklama", width=size[0], height=size[1])

    def video(self, name: str = "video.mp4") -> MediaFile:
        path = self.media_dir / name
        path.write_bytes(b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 256)
        return MediaFile(path, "video/mp4", width=1280, height=720)

    async def call(self, method: str, **params: Any) -> dict[str, Any]:
        response = await self.raw.post(f"/bot{TOKEN}/{method}", json=params)
        body: dict[str, Any] = response.json()
        return body


def _adapter(client: httpx.AsyncClient, clock: FakeClock, **settings: Any) -> TelegramAdapter:
    settings = {"chat_id": CHAT, "base_url": BASE_URL, **settings}
    token = settings.pop("token", TOKEN)
    return TelegramAdapter(client, settings, {"bot_token": token} if token is not None else {}, clock=clock)


@pytest_asyncio.fixture
async def bench(tmp_path: Path, bot_api: BotApiSpec) -> AsyncIterator[Bench]:
    clock = FakeClock()
    path = tmp_path / "profile" / "sandbox" / "telegram.json"
    sandbox = TelegramSandbox.open(path, TOKEN, clock=clock)
    sleeps: list[float] = []

    async def sleep(seconds: float) -> None:
        sleeps.append(seconds)

    sandbox.sleep = sleep
    recorder = Recorder(sandbox)
    client = httpx.AsyncClient(transport=recorder)
    raw = httpx.AsyncClient(transport=sandbox, base_url=BASE_URL)
    media_dir = tmp_path / "media"
    media_dir.mkdir()
    made = Bench(path, clock, sandbox, recorder, client, raw, _adapter(client, clock), media_dir, sleeps)
    yield made
    await client.aclose()
    await raw.aclose()
    problems = [p for request, response in recorder.exchanges for p in spec_errors(bot_api, request, response)]
    assert recorder.exchanges, "the adapter sent nothing"
    assert not problems, "requests or answers that do not match the Bot API spec:\n" + "\n".join(problems)


def _request(
    text: str = "Yarın 09.00–13.00 arası Çankaya'da su kesintisi. #ResmiDuyuru", **kwargs: Any
) -> PublishRequest:
    kwargs.setdefault("idempotency_key", f"delivery-{zlib.crc32(text.encode()):08x}")
    return PublishRequest(text=text, **kwargs)


def _params(request: httpx.Request) -> dict[str, Any]:
    return _form(request)[0]


# -- the spec check itself -----------------------------------------------------------------------
def test_spec_missing_fails_with_a_clear_message(tmp_path: Path) -> None:
    with pytest.raises(pytest.fail.Exception, match=r"Telegram Bot API spec not found"):
        find_telegram_spec(tmp_path)


def test_spec_check_catches_bad_requests_and_answers(bot_api: BotApiSpec) -> None:
    url = f"{BASE_URL}/bot{TOKEN}"
    bad = [
        httpx.Request("POST", f"{url}/sendMessage", json={"chat_id": CHAT}),  # text missing
        httpx.Request("POST", f"{url}/sendMessage", json={"chat_id": CHAT, "text": "a", "silent": True}),
        httpx.Request("POST", f"{url}/sendMessage", json={"chat_id": 1.5, "text": "a"}),
        httpx.Request("POST", f"{url}/sendPoll", json={"chat_id": CHAT, "question": "q", "options": ["a", "b"]}),
        httpx.Request("POST", f"{url}/sendMessage", json={"chat_id": CHAT, "text": "a", "reply_parameters": {}}),
        httpx.Request("POST", f"{url}/sendStory", json={"chat_id": CHAT}),
        httpx.Request(
            "POST",
            f"{url}/sendMediaGroup",
            data={"chat_id": CHAT, "media": json.dumps([{"type": "photo", "media": "attach://file9"}] * 2)},
            files={"file0": ("a.png", b"x", "image/png")},
        ),
    ]
    for request in bad:
        request.read()
        assert spec_errors(bot_api, request), f"{request.url.path} {request.content[:80]!r} passed"
    good = httpx.Request(
        "POST",
        f"{url}/sendMediaGroup",
        data={"chat_id": CHAT, "media": json.dumps([{"type": "photo", "media": f"attach://file{i}"} for i in (0, 1)])},
        files={"file0": ("a.png", b"x", "image/png"), "file1": ("b.png", b"y", "image/png")},
    )
    good.read()
    assert spec_errors(bot_api, good) == []
    get_me = httpx.Request("POST", f"{url}/getMe", json={})
    get_me.read()
    incomplete = httpx.Response(200, json={"ok": True, "result": {"id": 1, "first_name": "Bot"}})  # is_bot missing
    assert spec_errors(bot_api, get_me, incomplete)
    origin = httpx.Response(
        200,
        json={
            "ok": True,
            "result": [{"update_id": 1, "message": {
                "message_id": 2, "date": 1, "chat": {"id": -1, "type": "supergroup"},
                "forward_origin": {"type": "channel", "date": 1, "chat": {"id": -2, "type": "channel"}},
            }}],
        },
    )  # fmt: skip
    updates = httpx.Request("POST", f"{url}/getUpdates", json={})
    updates.read()
    assert any("message_id" in p for p in spec_errors(bot_api, updates, origin))


# -- small pieces --------------------------------------------------------------------------------
def test_chat_ids_are_normalised() -> None:
    assert normalize_chat_id("@ornekbelediyesi") == "@ornekbelediyesi"
    assert normalize_chat_id("ornekbelediyesi") == "@ornekbelediyesi"
    assert normalize_chat_id("https://t.me/ornekbelediyesi") == "@ornekbelediyesi"
    assert normalize_chat_id(" -1001234567890 ") == -1001234567890
    assert normalize_chat_id(-1001234567890) == -1001234567890
    for bad in ("", "@abc", "kanal adı", "https://example.org/x", None, True):
        assert normalize_chat_id(bad) is None


def test_remote_ids() -> None:
    assert parse_remote_id("512") == (None, (512,))
    assert parse_remote_id("512,513,514") == (None, (512, 513, 514))
    assert parse_remote_id("-1009876543210:7") == (-1009876543210, (7,))
    assert parse_remote_id("at://x") is None


def test_utf16_counting() -> None:
    assert utf16_length("Çağrı ışığı") == 11
    assert utf16_length("🇹🇷") == 4  # two regional indicators outside the BMP
    assert utf16_length("e\u0301") == 2


def test_base_url_may_be_a_local_bot_api_server() -> None:
    client = httpx.AsyncClient()
    for url in ("https://api.telegram.org", "http://127.0.0.1:8081", "https://tg.kurum.example/botapi"):
        TelegramAdapter(client, {"base_url": url, "chat_id": CHAT}, {"bot_token": TOKEN})
    assert TelegramAdapter(client, {"chat_id": CHAT}, {}).base_url == "https://api.telegram.org"
    for url in ("api.telegram.org", "ftp://x.org", "https://x.org/?a=1"):
        with pytest.raises(ValueError, match="base_url"):
            TelegramAdapter(client, {"base_url": url}, {"bot_token": TOKEN})


# -- account -------------------------------------------------------------------------------------
@pytest.mark.asyncio
async def test_verify_returns_the_channel(bench: Bench) -> None:
    info = await bench.adapter.verify()
    assert info == AccountInfo(str(bench.sandbox.channel_id), "@ornekbelediyesi", "Örnek Belediyesi")
    assert [r.url.path.rsplit("/", 1)[-1] for r, _ in bench.recorder.exchanges] == [
        "getMe", "getChat", "getChatMember", "getChatMember",
    ]  # fmt: skip


@pytest.mark.asyncio
async def test_verify_needs_the_right_to_post(bench: Bench) -> None:
    bench.sandbox.set_bot_member("channel", "administrator", can_post_messages=False)
    outcome = await bench.adapter.verify()
    assert isinstance(outcome, Rejected)
    assert outcome.code == "not_admin"
    published = await bench.adapter.publish(_request())
    assert published == Rejected(
        "not_admin", "Bad Request: need administrator rights in the channel chat", {"error_code": 400}
    )


@pytest.mark.asyncio
async def test_bot_removed_from_the_channel_holds_the_channel(bench: Bench) -> None:
    bench.sandbox.set_bot_member("channel", "left")
    outcome = await bench.adapter.publish(_request())
    assert outcome == AuthExpired("Forbidden: bot is not a member of the channel chat")
    bench.sandbox.set_bot_member("channel", "kicked")
    assert await bench.adapter.publish(_request()) == AuthExpired("Forbidden: bot was kicked from the channel chat")
    assert bench.sandbox.published() == []


@pytest.mark.asyncio
async def test_a_group_is_not_a_channel(bench: Bench) -> None:
    adapter = bench.adapter_again(chat_id=str(bench.sandbox.group_id))
    outcome = await adapter.verify()
    assert isinstance(outcome, Rejected)
    assert outcome.code == "not_a_channel"


@pytest.mark.asyncio
async def test_wrong_token_is_auth_expired(bench: Bench) -> None:
    adapter = bench.adapter_again(token="7000000001:someone-elses-token-000000000000000")
    assert await adapter.verify() == AuthExpired("Unauthorized")
    assert await adapter.publish(_request()) == AuthExpired("Unauthorized")
    assert bench.sandbox.published() == []


@pytest.mark.asyncio
async def test_token_that_would_change_the_url_is_refused_without_a_request(bench: Bench) -> None:
    for token in ("123:abc/../getMe", "123:abc?x=1", "123:abc#", "123:a b"):
        outcome = await bench.adapter_again(token=token).publish(_request())
        assert outcome == AuthExpired("the Telegram bot token is not valid")
    assert await bench.adapter_again(token=" ").publish(_request()) == AuthExpired(
        "no Telegram bot token for this channel"
    )
    assert isinstance(await bench.adapter_again(token=None).verify(), AuthExpired)
    assert bench.recorder.exchanges == []
    await bench.adapter.verify()  # keeps the bench's spec check meaningful


@pytest.mark.asyncio
async def test_missing_chat_id_is_rejected_without_a_request(bench: Bench) -> None:
    for chat in ("", "kanal adı"):
        adapter = bench.adapter_again(chat_id=chat)
        outcome = await adapter.publish(_request())
        assert isinstance(outcome, Rejected)
        assert outcome.code == "missing_chat_id"
        assert isinstance(await adapter.verify(), Rejected)
    assert bench.recorder.exchanges == []
    await bench.adapter.verify()


@pytest.mark.asyncio
async def test_token_is_not_written_and_not_in_outcomes_or_our_logs(
    bench: Bench, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    bench.sandbox.set_discussion(False)
    bench.sandbox.faults.timeout_after_accept = 1
    outcomes: list[object] = [await bench.adapter.publish(_request("Kayıp cevap"))]
    outcomes.append(await bench.adapter_again().find_published(_request("Kayıp cevap"), T0))
    outcomes.append(await bench.adapter.publish(_request("", media=(bench.image(),))))
    outcomes.append(await bench.adapter.delete("999999"))
    assert TOKEN not in bench.path.read_text(encoding="utf-8")
    assert TOKEN.split(":")[1] not in bench.path.read_text(encoding="utf-8")
    assert all(TOKEN not in repr(outcome) for outcome in outcomes)
    ours = [r for r in caplog.records if r.name.startswith("kurum_masaustu")]
    assert ours, "the blind look-up is logged"
    assert all(TOKEN not in record.getMessage() for record in ours)


@pytest.mark.asyncio
async def test_httpx_request_log_lines_are_redacted(bench: Bench, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="httpx")
    await bench.adapter.publish(_request())
    lines = [r.getMessage() for r in caplog.records if r.name == "httpx"]
    assert lines, "httpx logs every request at INFO"
    assert all(TOKEN.split(":")[1] not in redact(line) for line in lines)


# -- publishing ----------------------------------------------------------------------------------
@pytest.mark.asyncio
async def test_publish_text_as_plain_text(bench: Bench) -> None:
    text = "Yarın <b>09.00</b> arası Çankaya'da su kesintisi. #ResmiDuyuru @ornekbelediyesi"
    outcome = await bench.adapter.publish(_request(text))
    assert isinstance(outcome, Published)
    assert outcome.permalink == f"https://t.me/ornekbelediyesi/{outcome.remote_id}"
    [post] = bench.sandbox.published()
    assert (post.id, post.text, post.url) == (outcome.remote_id, text, outcome.permalink)
    params = _params(bench.sent("sendMessage")[0])
    assert params == {"chat_id": CHAT, "text": text}  # no parse_mode: nothing is read as markup
    answer = json.loads(bench.recorder.exchanges[-1][1].content)  # type: ignore[union-attr]
    assert {e["type"] for e in answer["result"]["entities"]} == {"hashtag", "mention"}


@pytest.mark.asyncio
async def test_link_is_appended_once_and_previewed(bench: Bench) -> None:
    link = "https://www.ankara.bel.tr/duyurular/su"
    await bench.adapter.publish(_request("Duyuru", link=link))
    await bench.adapter.publish(_request(f"Ayrıntı: {link}", link=link))
    first, second = (_params(r) for r in bench.sent("sendMessage"))
    assert first["text"] == f"Duyuru\n\n{link}"
    assert second["text"] == f"Ayrıntı: {link}"
    assert first["link_preview_options"] == {"url": link}


@pytest.mark.asyncio
async def test_single_photo_with_caption(bench: Bench) -> None:
    photo = bench.image("Belediye_Başkanı_özel.png")
    outcome = await bench.adapter.publish(_request("Fotoğraf", kind=PostKind.IMAGE, media=(photo,)))
    assert isinstance(outcome, Published)
    [request] = bench.sent("sendPhoto")
    assert b"Belediye" not in request.content  # the local file name stays on the laptop
    assert b'filename="media1.png"' in request.content
    [post] = bench.sandbox.published()
    assert post.text == "Fotoğraf"
    [media] = post.media
    assert (media.type, media.width, media.height) == ("photo", 640, 480)
    assert media.file is not None
    assert Path(media.file).read_bytes() == photo.path.read_bytes()


@pytest.mark.asyncio
async def test_gif_and_video(bench: Bench) -> None:
    gif = bench.image("anim.gif", fmt="GIF")
    assert isinstance(await bench.adapter.publish(_request("Hareketli", media=(gif,))), Published)
    video = bench.video()
    assert isinstance(await bench.adapter.publish(_request("Video", kind=PostKind.VIDEO, media=(video,))), Published)
    assert len(bench.sent("sendAnimation")) == 1
    params = _params(bench.sent("sendVideo")[0])
    assert (params["supports_streaming"], params["width"], params["height"]) == ("true", "1280", "720")
    assert [m.type for p in bench.sandbox.published() for m in p.media] == ["animation", "video"]


@pytest.mark.asyncio
async def test_album_with_the_caption_on_the_first_item(bench: Bench) -> None:
    media = (bench.image("a.png"), bench.image("b.jpg", fmt="JPEG"), bench.video("c.mp4"))
    outcome = await bench.adapter.publish(_request("Açılış töreninden", kind=PostKind.CAROUSEL, media=media))
    assert isinstance(outcome, Published)
    assert len(outcome.remote_id.split(",")) == 3
    items = json.loads(_params(bench.sent("sendMediaGroup")[0])["media"])
    assert [i["type"] for i in items] == ["photo", "photo", "video"]
    assert [i.get("caption") for i in items] == ["Açılış töreninden", None, None]
    assert [i["media"] for i in items] == ["attach://file0", "attach://file1", "attach://file2"]
    [post] = bench.sandbox.published()
    assert (post.id, post.text, len(post.media)) == (outcome.remote_id, "Açılış töreninden", 3)


@pytest.mark.asyncio
async def test_local_refusals_send_nothing(bench: Bench) -> None:
    eleven = tuple(bench.image(f"{i}.png") for i in range(11))
    cases: list[tuple[PublishRequest, str]] = [
        (_request("Çok", media=eleven), "too_many_media"),
        (_request("GIF", media=(bench.image("a.gif", fmt="GIF"), bench.image())), "animation_in_album"),
        (_request("PDF", media=(MediaFile(bench.media_dir / "a.pdf", "application/pdf"),)), "unsupported_media"),
        (_request("x" * 1025, media=(bench.image(),)), "caption_too_long"),
        (_request("🇹🇷" * 257, media=(bench.image(),)), "caption_too_long"),  # 1,028 UTF-16 units
        (_request("x" * 4097), "too_long"),
        (_request("   "), "empty"),
        (_request("Hikâye", kind=PostKind.STORY), "unsupported"),
        (_request("Reels", kind=PostKind.REEL), "unsupported"),
        (_request("Anket", kind=PostKind.POLL), "poll_missing"),
        (_request("Sonra", scheduled_at=T0 + timedelta(hours=2)), "cannot_schedule"),
        (_request("Yanıt", reply_to="not-an-id"), "bad_id"),
        (_request("Yok", media=(MediaFile(bench.media_dir / "yok.png", "image/png"),)), "media_unreadable"),
    ]
    for request, code in cases:
        outcome = await bench.adapter.publish(request)
        assert isinstance(outcome, Rejected), (request.text[:20], outcome)
        assert outcome.code == code, (request.text[:20], outcome)
    assert bench.recorder.exchanges == []
    assert isinstance(await bench.adapter.publish(_request("x" * 1024, media=(bench.image(),))), Published)
    assert isinstance(await bench.adapter.publish(_request("ş" * 4096)), Published)
    assert isinstance(await bench.adapter.publish(_request("Geçmiş", scheduled_at=T0 - timedelta(hours=1))), Published)


@pytest.mark.asyncio
async def test_files_over_the_upload_limits_are_refused_before_uploading(bench: Bench) -> None:
    big_photo = bench.media_dir / "buyuk.jpg"
    with big_photo.open("wb") as handle:
        handle.truncate(10 * 1024 * 1024 + 1)
    big_video = bench.media_dir / "buyuk.mp4"
    with big_video.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024 + 1)
    for media, limit in ((MediaFile(big_photo, "image/jpeg"), 10), (MediaFile(big_video, "video/mp4"), 50)):
        outcome = await bench.adapter.publish(_request("Büyük", media=(media,)))
        assert isinstance(outcome, Rejected)
        assert (outcome.code, outcome.data["limit"]) == ("too_large", limit * 1024 * 1024)
    assert bench.recorder.exchanges == []
    await bench.adapter.verify()


@pytest.mark.asyncio
async def test_poll(bench: Bench) -> None:
    poll = Poll(("Park", "Kütüphane", "Spor salonu"), duration_minutes=60 * 24 * 7, multiple=True)
    outcome = await bench.adapter.publish(_request("Hangi hizmet önce gelsin?", kind=PostKind.POLL, poll=poll))
    assert isinstance(outcome, Published)
    params = _params(bench.sent("sendPoll")[0])
    assert params["options"] == [{"text": "Park"}, {"text": "Kütüphane"}, {"text": "Spor salonu"}]
    assert (params["is_anonymous"], params["allows_multiple_answers"], params["open_period"]) == (True, True, 604_800)
    [post] = bench.sandbox.published()
    assert (post.text, post.poll_options) == ("Hangi hizmet önce gelsin?", poll.options)


@pytest.mark.asyncio
async def test_poll_limits_of_bot_api_10_1(bench: Bench) -> None:
    ok = [Poll(("Evet",), 60), Poll(tuple(f"Seçenek {i}" for i in range(12)), 60), Poll(("ş" * 100, "b"), 60)]
    for poll in ok:
        assert isinstance(await bench.adapter.publish(_request("Soru?", poll=poll)), Published)
    assert isinstance(await bench.adapter.publish(_request("ş" * 300, poll=Poll(("a",), 60))), Published)
    refused = [
        _request("Soru?", poll=Poll((), 60)),
        _request("Soru?", poll=Poll(tuple(str(i) for i in range(13)), 60)),
        _request("Soru?", poll=Poll(("x" * 101, "b"), 60)),
        _request("Soru?", poll=Poll(("a", " "), 60)),
        _request("x" * 301, poll=Poll(("a", "b"), 60)),
        _request("Soru?", poll=Poll(("a", "b"), 60 * 24 * 31)),
        _request("Soru?", poll=Poll(("a", "b"), 60), media=(bench.image(),)),
    ]
    for request in refused:
        outcome = await bench.adapter.publish(request)
        assert isinstance(outcome, Rejected)
        assert outcome.code in ("poll_invalid", "poll_with_media")
    assert len(bench.sent("sendPoll")) == 4


@pytest.mark.asyncio
async def test_reply_to_a_post_and_to_a_missing_post(bench: Bench) -> None:
    first = await bench.adapter.publish(_request("Birinci"))
    assert isinstance(first, Published)
    second = await bench.adapter.publish(_request("Devamı", reply_to=first.remote_id))
    assert isinstance(second, Published)
    assert _params(bench.sent("sendMessage")[1])["reply_parameters"] == {"message_id": int(first.remote_id)}
    assert bench.sandbox.published()[1].in_reply_to_id == first.remote_id
    missing = await bench.adapter.publish(_request("Yetim", reply_to="99999"))
    assert missing == Rejected("reply_not_found", "Bad Request: message to be replied not found", {"error_code": 400})


# -- the sandbox as Telegram ----------------------------------------------------------------------
@pytest.mark.asyncio
async def test_sandbox_validates_like_telegram(bench: Bench) -> None:
    async def error(method: str, **params: Any) -> tuple[int, str]:
        body = await bench.call(method, **params)
        assert body["ok"] is False, body
        return body["error_code"], body["description"]

    assert await error("sendMessage", chat_id=CHAT, text="  ") == (400, "Bad Request: message text is empty")
    assert await error("sendMessage", chat_id=CHAT, text="x" * 4097) == (400, "Bad Request: message is too long")
    assert await error("sendMessage", chat_id="@baskakanal", text="a") == (400, "Bad Request: chat not found")
    assert await error("sendMessage", text="a") == (400, "Bad Request: chat_id is empty")
    assert await error("sendMessage", chat_id=CHAT, text="a", parse_mode="BBCode") == (
        400, "Bad Request: unsupported parse_mode BBCode",
    )  # fmt: skip
    assert await error("sendPhoto", chat_id=CHAT, photo="https://example.org/a.jpg") == (
        400, "Bad Request: failed to get HTTP URL content",
    )  # fmt: skip
    assert await error("sendPhoto", chat_id=CHAT, photo="AgACnothing") == (
        400, "Bad Request: wrong file identifier/HTTP URL specified",
    )  # fmt: skip
    assert await error("sendPhoto", chat_id=CHAT) == (400, "Bad Request: there is no photo in the request")
    assert await error("sendPoll", chat_id=CHAT, question="Q", options=[{"text": "a"}], is_anonymous=False) == (
        400, "Bad Request: non-anonymous polls can't be sent to channel chats",
    )  # fmt: skip
    assert await error("sendPoll", chat_id=CHAT, question="Q", options=[]) == (
        400, "Bad Request: poll must have at least 1 option",
    )  # fmt: skip
    assert await error("sendMediaGroup", chat_id=CHAT, media=[{"type": "photo", "media": "x"}] * 11) == (
        400, "Bad Request: too much messages to send as an album",
    )  # fmt: skip
    assert await error("deleteMessage", chat_id=CHAT, message_id=5) == (400, "Bad Request: message to delete not found")
    assert await error("sendSticker", chat_id=CHAT) == (404, "Not Found")
    response = await bench.raw.post("/bot123:wrong/getMe")
    assert (response.status_code, response.json()) == (
        401, {"ok": False, "error_code": 401, "description": "Unauthorized"},
    )  # fmt: skip
    await bench.adapter.verify()  # keeps the bench's spec check meaningful


@pytest.mark.asyncio
async def test_sandbox_checks_photos_with_pillow(bench: Bench) -> None:
    async def send(data: bytes) -> dict[str, Any]:
        response = await bench.raw.post(
            f"/bot{TOKEN}/sendPhoto", data={"chat_id": CHAT}, files={"photo": ("a.png", data, "image/png")}
        )
        body: dict[str, Any] = response.json()
        return body

    assert (await send(b"not an image"))["description"] == "Bad Request: IMAGE_PROCESS_FAILED"
    thin = bench.image("ince.png", size=(30, 900))
    assert (await send(thin.path.read_bytes()))["description"] == "Bad Request: PHOTO_INVALID_DIMENSIONS"
    huge = bench.image("dev.png", size=(6000, 4100))
    assert (await send(huge.path.read_bytes()))["description"] == "Bad Request: PHOTO_INVALID_DIMENSIONS"
    fine = await send(bench.image("iyi.png", size=(3000, 2000)).path.read_bytes())
    sizes = fine["result"]["photo"]
    assert [max(s["width"], s["height"]) for s in sizes] == [90, 320, 800, 1280, 2560]
    await bench.adapter.verify()


@pytest.mark.asyncio
async def test_sandbox_reads_query_form_and_json_and_any_method_case(bench: Bench) -> None:
    by_query = await bench.raw.get(f"/bot{TOKEN}/getchat", params={"chat_id": CHAT})
    assert by_query.json()["result"]["username"] == "ornekbelediyesi"
    by_form = await bench.raw.post(f"/bot{TOKEN}/SENDMESSAGE", data={"chat_id": CHAT, "text": "form"})
    assert by_form.json()["result"]["text"] == "form"
    reply = await bench.raw.post(
        f"/bot{TOKEN}/sendMessage",
        data={"chat_id": CHAT, "text": "yanıt", "reply_parameters": json.dumps({"message_id": 101})},
    )
    assert reply.json()["result"]["reply_to_message"]["text"] == "form"
    too_big = await bench.raw.post(f"/bot{TOKEN}/sendVideo", content=b"\x00" * (52 * 1024 * 1024))
    assert (too_big.status_code, too_big.json()["description"]) == (413, "Request Entity Too Large")
    await bench.adapter.verify()


@pytest.mark.asyncio
async def test_flood_control_20_messages_a_minute(bench: Bench) -> None:
    for i in range(20):
        assert isinstance(await bench.adapter.publish(_request(f"Duyuru {i}")), Published)
    outcome = await bench.adapter.publish(_request("Bir fazla"))
    assert isinstance(outcome, RateLimited)
    assert outcome.until == T0 + timedelta(seconds=60)
    assert outcome.detail == "Too Many Requests: retry after 60"
    bench.clock.advance(seconds=61)
    album = (bench.image("1.png"), bench.image("2.png"))
    for _ in range(10):
        assert isinstance(await bench.adapter.publish(_request("Albüm", media=album)), Published)
    assert isinstance(await bench.adapter.publish(_request("Albüm", media=album)), RateLimited)  # items count


# -- faults --------------------------------------------------------------------------------------
@pytest.mark.asyncio
async def test_server_error_is_transient_and_nothing_was_posted(bench: Bench) -> None:
    bench.sandbox.faults.server_errors = 1
    outcome = await bench.adapter.publish(_request())
    assert outcome == Transient("HTTP 500: Internal Server Error")
    assert bench.sandbox.published() == []
    assert await bench.adapter_again().find_published(_request(), T0) is None
    assert isinstance(await bench.adapter.publish(_request()), Published)


@pytest.mark.asyncio
async def test_rate_limit_fault(bench: Bench) -> None:
    bench.sandbox.faults.rate_limit_seconds = 42
    outcome = await bench.adapter.publish(_request())
    assert outcome == RateLimited(T0 + timedelta(seconds=42), "Too Many Requests: retry after 42")
    bench.sandbox.faults.rate_limit_seconds = None
    await bench.adapter.verify()


@pytest.mark.asyncio
async def test_revoked_token_fault(bench: Bench) -> None:
    bench.sandbox.faults.expired_token = True
    assert await bench.adapter.publish(_request()) == AuthExpired("Unauthorized")
    assert isinstance(await bench.adapter.fetch_inbox(None), AuthExpired)
    bench.sandbox.faults.expired_token = False
    await bench.adapter.verify()


@pytest.mark.asyncio
async def test_malformed_json_is_transient_and_the_post_is_found(bench: Bench) -> None:
    bench.sandbox.faults.malformed_json = 1
    outcome = await bench.adapter.publish(_request())
    assert isinstance(outcome, Transient)
    [post] = bench.sandbox.published()
    found = await bench.adapter_again().find_published(_request(), T0)
    assert found == Published(post.id, post.url)


@pytest.mark.asyncio
async def test_slow_upload_fault_delays_the_answer(bench: Bench) -> None:
    bench.sandbox.faults.slow_media_polls = 1
    assert isinstance(await bench.adapter.publish(_request("Yavaş", media=(bench.image(),))), Published)
    assert isinstance(await bench.adapter.publish(_request("Metin")), Published)  # no file: no delay
    assert bench.sleeps == [5.0]


# -- exactly once --------------------------------------------------------------------------------
@pytest.mark.asyncio
@pytest.mark.parametrize("kind", ["text", "photo", "album", "poll"])
async def test_lost_answer_is_found_through_the_discussion_group(bench: Bench, kind: str) -> None:
    media = {"photo": (bench.image(),), "album": (bench.image("1.png"), bench.video())}.get(kind, ())
    poll = Poll(("Evet", "Hayır"), 60) if kind == "poll" else None
    request = _request(f"Kaybolan cevap ({kind})", media=media, poll=poll)
    bench.sandbox.faults.timeout_after_accept = 1
    assert isinstance(await bench.adapter.publish(request), Transient)
    [post] = bench.sandbox.published()
    bench.clock.advance(minutes=3)
    restarted = bench.reopen()
    try:
        found = await restarted.adapter.find_published(request, T0)
        assert found == Published(post.id, post.url)
        assert len(restarted.sandbox.published()) == 1
    finally:
        await restarted.client.aclose()


@pytest.mark.asyncio
async def test_look_up_confirms_no_update_so_the_inbox_loses_nothing(bench: Bench) -> None:
    published = await bench.adapter.publish(_request("Duyuru"))
    assert isinstance(published, Published)
    bench.sandbox.add_comment(int(published.remote_id), "Teşekkürler")
    before = bench.sandbox.pending_updates()
    assert await bench.adapter_again().find_published(_request("Başka"), T0) is None
    assert [r.url.path for r in bench.sent("getUpdates")]
    assert "offset" not in _params(bench.sent("getUpdates")[0])
    assert bench.sandbox.pending_updates() == before
    page = await bench.adapter.fetch_inbox(None)
    assert isinstance(page, InboxPage)
    assert [i.text for i in page.items] == ["Teşekkürler"]


@pytest.mark.asyncio
async def test_look_up_remembers_what_the_inbox_consumed(bench: Bench) -> None:
    request = _request("Önce gelen kutusu okundu")
    bench.sandbox.faults.timeout_after_accept = 1
    assert isinstance(await bench.adapter.publish(request), Transient)
    first = await bench.adapter.fetch_inbox(None)
    assert isinstance(first, InboxPage)
    second = await bench.adapter.fetch_inbox(first.cursor)  # confirms the auto-forward on Telegram
    assert isinstance(second, InboxPage)
    assert bench.sandbox.pending_updates() == []
    [post] = bench.sandbox.published()
    assert await bench.adapter.find_published(request, T0) == Published(post.id, post.url)


@pytest.mark.asyncio
async def test_answer_received_but_not_recorded_is_known_to_the_same_process(bench: Bench) -> None:
    request = _request()
    published = await bench.adapter.publish(request)
    sent = len(bench.recorder.exchanges)
    assert await bench.adapter.find_published(request, T0) == published
    assert len(bench.recorder.exchanges) == sent


@pytest.mark.asyncio
async def test_look_up_matches_only_our_post(bench: Bench) -> None:
    bench.sandbox.add_admin_post("Aynı metin", at=T0 - timedelta(hours=2))  # before the send: not ours
    bench.sandbox.add_admin_post("Başka metin")
    request = _request("Aynı metin")
    assert await bench.adapter_again().find_published(request, T0) is None
    assert await bench.adapter_again().find_published(_request("Aynı metin", media=(bench.image(),)), T0) is None
    bench.sandbox.add_admin_post("Aynı metin")  # a person posted it by hand after the send: it is there
    found = await bench.adapter_again().find_published(request, T0)
    assert isinstance(found, Published)


@pytest.mark.asyncio
@pytest.mark.parametrize("blindness", ["no_discussion", "privacy_mode", "webhook", "too_many_updates"])
async def test_look_up_that_cannot_see_says_so_and_answers_unknown(
    bench: Bench, caplog: pytest.LogCaptureFixture, blindness: str
) -> None:
    caplog.set_level(logging.WARNING, logger="kurum_masaustu.platforms.telegram")
    if blindness == "no_discussion":
        bench.sandbox.set_discussion(False)
    elif blindness == "privacy_mode":
        bench.sandbox.set_bot_member("group", "member")
    elif blindness == "too_many_updates":
        for i in range(101):
            bench.sandbox.add_private_message(f"Mesaj {i}", save=False)
        bench.sandbox.save()
    request = _request("Görünmeyen")
    bench.sandbox.faults.timeout_after_accept = 1
    assert isinstance(await bench.adapter.publish(request), Transient)
    if blindness == "webhook":
        bench.sandbox.set_webhook("https://kurum.example/hook")
    assert len(bench.sandbox.published()) == 1
    found = await bench.adapter_again().find_published(request, T0)  # honest: the bot cannot tell
    assert isinstance(found, Unknown)
    [warning] = [r for r in caplog.records if r.levelno == logging.WARNING]
    expected = {
        "no_discussion": "no discussion group",
        "privacy_mode": "not an administrator of the discussion group",
        "webhook": "HTTP 409",
        "too_many_updates": "more than 100 updates",
    }[blindness]
    assert expected in found.detail
    assert expected in warning.getMessage()
    assert len(bench.sandbox.published()) == 1  # a look-up never posts


@pytest.mark.asyncio
async def test_updates_older_than_a_day_are_gone(bench: Bench, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger="kurum_masaustu.platforms.telegram")
    request = _request("Dünkü")
    bench.sandbox.faults.timeout_after_accept = 1
    await bench.adapter.publish(request)
    bench.clock.advance(hours=25)
    found = await bench.adapter_again().find_published(request, T0)
    assert isinstance(found, Unknown)
    assert "24 hours" in found.detail
    assert "24 hours" in caplog.records[-1].getMessage()


# -- after publishing ----------------------------------------------------------------------------
@pytest.mark.asyncio
async def test_delete_post_album_and_already_gone(bench: Bench) -> None:
    single = await bench.adapter.publish(_request("Tek"))
    album = await bench.adapter.publish(_request("Albüm", media=(bench.image("1.png"), bench.image("2.png"))))
    assert isinstance(single, Published)
    assert isinstance(album, Published)
    assert await bench.adapter.delete(album.remote_id) == Done()
    assert _params(bench.sent("deleteMessages")[0])["message_ids"] == [int(i) for i in album.remote_id.split(",")]
    assert await bench.adapter.delete(single.remote_id) == Done()
    assert bench.sandbox.published() == []
    assert await bench.adapter.delete(single.remote_id) == Done()
    assert isinstance(await bench.adapter.delete("x"), Rejected)


@pytest.mark.asyncio
async def test_old_posts_need_the_delete_right(bench: Bench) -> None:
    published = await bench.adapter.publish(_request("Eski"))
    assert isinstance(published, Published)
    bench.clock.advance(hours=49)
    bench.sandbox.set_bot_member("channel", "administrator", can_delete_messages=False)
    outcome = await bench.adapter.delete(published.remote_id)
    assert outcome == Rejected("cannot_delete", "Bad Request: message can't be deleted", {"error_code": 400})
    bench.sandbox.set_bot_member("channel", "administrator")
    assert await bench.adapter.delete(published.remote_id) == Done()


@pytest.mark.asyncio
async def test_metrics_and_hide_are_not_in_the_bot_api(bench: Bench) -> None:
    published = await bench.adapter.publish(_request())
    assert isinstance(published, Published)
    assert await bench.adapter.metrics([published.remote_id]) == {}
    assert isinstance(await bench.adapter.hide(f"{bench.sandbox.group_id}:1"), Rejected)


# -- inbox ---------------------------------------------------------------------------------------
@pytest.mark.asyncio
async def test_inbox_comments_replies_edits_mentions_and_private_messages(bench: Bench) -> None:
    post = await bench.adapter.publish(_request("Yol çalışması"))
    assert isinstance(post, Published)
    post_id = int(post.remote_id)
    group = bench.sandbox.group_id
    comment = bench.sandbox.add_comment(post_id, "Ne zaman biter?", author="Ayşe Yılmaz", username="ayseyilmaz")
    answer = bench.sandbox.add_comment(
        post_id, "Ben de merak ediyorum", author="Ali Kaya", username=None, reply_to=comment
    )
    bench.sandbox.add_group_message("Bugün hava güzel")  # chatter: not for the institution
    bench.sandbox.add_group_message("@ornekbelediyesi otobüs saatleri?", author="Zeynep Ak", username="zeynepak")
    bench.sandbox.add_private_message("Merhaba, çöp toplanmadı")
    bench.sandbox.add_comment(post_id, "Cuma günü bitecek.", reply_to=comment, as_channel=True)  # ours
    bench.sandbox.edit_comment(comment, "Ne zaman biter? (Çankaya)")
    page = await bench.adapter.fetch_inbox(None)
    assert isinstance(page, InboxPage)
    by_text = {item.text: item for item in page.items}
    assert set(by_text) == {
        "Ne zaman biter? (Çankaya)",
        "Ben de merak ediyorum",
        "@ornekbelediyesi otobüs saatleri?",
        "Merhaba, çöp toplanmadı",
    }
    edited = by_text["Ne zaman biter? (Çankaya)"]
    assert (edited.kind, edited.remote_id, edited.post_remote_id, edited.edited) == (
        InboxKind.COMMENT, f"{group}:{comment}", str(post_id), True,
    )  # fmt: skip
    assert (edited.author_name, edited.author_handle) == ("Ayşe Yılmaz", "@ayseyilmaz")
    reply = by_text["Ben de merak ediyorum"]
    assert (reply.kind, reply.parent_remote_id, reply.post_remote_id) == (
        InboxKind.REPLY, f"{group}:{comment}", str(post_id),
    )  # fmt: skip
    assert reply.author_handle.startswith("tg:")
    assert by_text["@ornekbelediyesi otobüs saatleri?"].kind == InboxKind.MENTION
    assert by_text["Merhaba, çöp toplanmadı"].kind == InboxKind.DIRECT_MESSAGE
    assert f"{answer}" in reply.remote_id
    again = await bench.adapter.fetch_inbox(page.cursor)
    assert again == InboxPage((), page.cursor)


@pytest.mark.asyncio
async def test_an_unreadable_update_is_skipped_not_read_forever(caplog: pytest.LogCaptureFixture) -> None:
    chat = {"id": -1001234567890, "type": "channel", "username": "ornekbelediyesi"}
    ali = {"id": 5, "is_bot": False, "first_name": "Ali"}
    private = {"id": 5, "type": "private", "first_name": "Ali"}
    answers = {
        "getMe": {"id": 7000000001, "is_bot": True, "first_name": "Bot"},
        "getChat": {**chat, "accent_color_id": 0, "max_reaction_count": 11},
        "getUpdates": [
            {"update_id": 10, "message": {"message_id": 1, "date": 1_790_000_000}},  # no chat
            {"update_id": 11, "message": {"message_id": 2, "date": 1_790_000_000, "text": "Merhaba", "chat": private,
                                          "from": ali}},
        ],
    }  # fmt: skip

    async def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"ok": True, "result": answers[request.url.path.rsplit("/", 1)[-1]]})

    adapter = _adapter(httpx.AsyncClient(transport=httpx.MockTransport(handler)), FakeClock())
    page = await adapter.fetch_inbox(None)
    assert isinstance(page, InboxPage)
    assert [i.text for i in page.items] == ["Merhaba"]
    assert page.cursor is not None
    assert json.loads(page.cursor)["offset"] == 12
    assert "update 10 skipped" in caplog.text
    assert isinstance(await adapter.find_published(_request("Yok"), T0), Unknown)  # no discussion group


@pytest.mark.asyncio
async def test_inbox_cursor_keeps_threads_across_a_restart(bench: Bench) -> None:
    post = await bench.adapter.publish(_request("Konser"))
    assert isinstance(post, Published)
    first = await bench.adapter.fetch_inbox(None)
    assert isinstance(first, InboxPage)
    comment = bench.sandbox.add_comment(int(post.remote_id), "Saat kaçta?")
    bench.sandbox.add_comment(int(post.remote_id), "20.00", reply_to=comment)
    page = await bench.adapter_again().fetch_inbox(first.cursor)
    assert isinstance(page, InboxPage)
    assert [(i.kind, i.post_remote_id) for i in page.items] == [
        (InboxKind.COMMENT, post.remote_id), (InboxKind.REPLY, post.remote_id),
    ]  # fmt: skip


@pytest.mark.asyncio
async def test_inbox_reads_one_page_and_confirms_it_only_with_the_next_call(bench: Bench) -> None:
    for i in range(150):
        bench.sandbox.add_private_message(f"Mesaj {i}", author=f"Kişi {i}", username=f"kisi{i:03d}", save=False)
    bench.sandbox.save()
    first = await bench.adapter.fetch_inbox(None)
    assert isinstance(first, InboxPage)
    assert len(first.items) == 100
    assert len(bench.sandbox.pending_updates()) == 150  # nothing confirmed until the caller stored the page
    second = await bench.adapter.fetch_inbox(first.cursor)
    assert isinstance(second, InboxPage)
    assert len(second.items) == 50
    assert len(bench.sandbox.pending_updates()) == 50
    third = await bench.adapter.fetch_inbox(second.cursor)
    assert third == InboxPage((), second.cursor)
    assert bench.sandbox.pending_updates() == []
    assert {i.text for i in (*first.items, *second.items)} == {f"Mesaj {i}" for i in range(150)}


@pytest.mark.asyncio
async def test_inbox_sees_no_comment_when_the_bot_is_not_admin_of_the_group(bench: Bench) -> None:
    post = await bench.adapter.publish(_request("Duyuru"))
    assert isinstance(post, Published)
    bench.sandbox.set_bot_member("group", "member")
    bench.sandbox.add_comment(int(post.remote_id), "Görünmez yorum")
    page = await bench.adapter_again().fetch_inbox(None)
    assert isinstance(page, InboxPage)
    assert page.items == ()  # only the post's copy, made while the bot was still an admin there
    bench.sandbox.set_privacy_mode(False)
    bench.sandbox.add_comment(int(post.remote_id), "Görünür yorum")
    page = await bench.adapter_again().fetch_inbox(None)
    assert isinstance(page, InboxPage)
    assert [i.text for i in page.items] == ["Görünür yorum"]


@pytest.mark.asyncio
async def test_reply_to_a_comment_and_a_private_message(bench: Bench) -> None:
    post = await bench.adapter.publish(_request("Duyuru"))
    assert isinstance(post, Published)
    comment = bench.sandbox.add_comment(int(post.remote_id), "Soru")
    bench.sandbox.add_private_message("Özel soru")
    page = await bench.adapter.fetch_inbox(None)
    assert isinstance(page, InboxPage)
    for item in page.items:
        outcome = await bench.adapter.reply(item.remote_id, "Yarın 10.00'da.", f"reply-{item.remote_id}")
        assert isinstance(outcome, Published)
        assert outcome.remote_id.rsplit(":", 1)[0] == item.remote_id.rsplit(":", 1)[0]
    group_reply = _params(bench.sent("sendMessage")[-2])
    assert group_reply["reply_parameters"] == {"message_id": comment}
    assert group_reply["chat_id"] == bench.sandbox.group_id
    thread = [m for m in bench.sandbox.data["messages"][str(bench.sandbox.group_id)].values() if m.get("_by_bot")]
    assert thread[0]["message_thread_id"] == bench.sandbox.data["forwards"][post.remote_id]
    assert (await bench.adapter.reply("bad", "x", "k")).code == "bad_id"  # type: ignore[union-attr]


# -- answers and errors (scripted) ----------------------------------------------------------------
def _scripted(response: httpx.Response) -> TelegramAdapter:
    async def handler(request: httpx.Request) -> httpx.Response:
        return response

    clock = FakeClock()
    return _adapter(httpx.AsyncClient(transport=httpx.MockTransport(handler)), clock)


def _telegram(code: int, description: str, **parameters: int) -> httpx.Response:
    body: dict[str, Any] = {"ok": False, "error_code": code, "description": description}
    if parameters:
        body["parameters"] = parameters
    return httpx.Response(code, json=body)


_FORBIDDEN = "Forbidden: bot is not a member of the channel chat"
_UPGRADED = "Bad Request: group chat was upgraded to a supergroup chat"
_ANSWERS: list[tuple[httpx.Response, object]] = [
    (_telegram(401, "Unauthorized"), AuthExpired("Unauthorized")),
    (_telegram(403, _FORBIDDEN), AuthExpired(_FORBIDDEN)),
    (
        _telegram(429, "Too Many Requests: retry after 7", retry_after=7),
        RateLimited(T0 + timedelta(seconds=7), "Too Many Requests: retry after 7"),
    ),
    (
        httpx.Response(429, headers={"Retry-After": "9"}, text="slow down"),
        RateLimited(T0 + timedelta(seconds=9), "HTTP 429 from Telegram (sendMessage)"),
    ),
    (
        _telegram(409, "Conflict: terminated by other getUpdates request"),
        Transient("HTTP 409: Conflict: terminated by other getUpdates request"),
    ),
    (_telegram(500, "Internal Server Error"), Transient("HTTP 500: Internal Server Error")),
    (
        httpx.Response(502, text="<html>502 Bad Gateway</html>"),
        Transient("malformed answer from Telegram to sendMessage (HTTP 502)"),
    ),
    (
        httpx.Response(413, text="<html>413</html>"),
        Rejected("too_large", "Request Entity Too Large", {"error_code": 413}),
    ),
    (
        _telegram(400, "Bad Request: chat not found"),
        Rejected("chat_not_found", "Bad Request: chat not found", {"error_code": 400}),
    ),
    (
        _telegram(400, _UPGRADED, migrate_to_chat_id=-1001),
        Rejected("chat_migrated", _UPGRADED, {"error_code": 400, "migrate_to_chat_id": -1001}),
    ),
    (
        _telegram(400, "Bad Request: something new"),
        Rejected("bad_request", "Bad Request: something new", {"error_code": 400}),
    ),
    (_telegram(404, "Not Found"), Rejected("not_found", "Not Found", {"error_code": 404})),
    (httpx.Response(200, json={"ok": True}), Transient("Telegram answered sendMessage without a result")),
    (
        httpx.Response(200, json={"result": {}}),
        Transient("unexpected answer from Telegram to sendMessage (HTTP 200)"),
    ),
    (
        httpx.Response(200, json={"ok": True, "result": {"message_id": "x"}}),
        Transient("unreadable answer to sendMessage: 'message_id' missing"),
    ),
]


@pytest.mark.asyncio
@pytest.mark.parametrize(("response", "expected"), _ANSWERS)
async def test_answers_map_to_outcomes(response: httpx.Response, expected: object) -> None:
    adapter = _scripted(response)
    assert await adapter.publish(_request()) == expected


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "error",
    [httpx.ConnectError, httpx.ReadTimeout, httpx.RemoteProtocolError, httpx.ProxyError],
)
async def test_network_errors_are_transient_and_never_show_the_token(error: type[httpx.TransportError]) -> None:
    async def handler(request: httpx.Request) -> httpx.Response:
        raise error(f"failed for {request.url}", request=request)

    adapter = _adapter(httpx.AsyncClient(transport=httpx.MockTransport(handler)), FakeClock())
    outcome = await adapter.publish(_request())
    assert isinstance(outcome, Transient)
    assert TOKEN not in outcome.detail
    assert TOKEN.split(":")[1] not in outcome.detail


# -- the sandbox's file --------------------------------------------------------------------------
@pytest.mark.asyncio
async def test_sandbox_state_is_plain_json_and_survives_a_restart(bench: Bench) -> None:
    published = await bench.adapter.publish(_request("Kalıcı", media=(bench.image(),)))
    assert isinstance(published, Published)
    bench.sandbox.add_comment(int(published.remote_id), "Yorum")
    data = json.loads(bench.path.read_text(encoding="utf-8"))
    assert data["platform"] == "telegram"
    assert "token_sha256" in data
    restarted = bench.reopen()
    try:
        assert [asdict(p) for p in restarted.sandbox.published()] == [asdict(p) for p in bench.sandbox.published()]
        assert restarted.sandbox.pending_updates() == bench.sandbox.pending_updates()
        assert restarted.sandbox.published()[0].comments == 1
        assert json.loads(json.dumps(restarted.sandbox.published()[0].to_dict()))["media"][0]["type"] == "photo"
    finally:
        await restarted.client.aclose()


@pytest.mark.asyncio
async def test_sandbox_built_as_the_adapter_factory_builds_it(tmp_path: Path, bot_api: BotApiSpec) -> None:
    """``TelegramSandbox(state=SandboxState(path, {}))``: the first token and chat are its own."""
    path = tmp_path / "sandbox" / "channel-7.json"
    for chat_id, token in (
        ("@yesilvadibelediyesi", "Vq3n_any-url-safe-token_from_the_cli_0123456"),
        ("-1007777777777", new_bot_token()),
    ):
        path.unlink(missing_ok=True)
        sandbox = TelegramSandbox(state=SandboxState(path, {}), faults=Faults())
        recorder = Recorder(sandbox)
        async with httpx.AsyncClient(transport=recorder, base_url=BASE_URL) as client:
            adapter = TelegramAdapter(client, {"chat_id": chat_id, "base_url": BASE_URL}, {"bot_token": token})
            info = await adapter.verify()
            assert isinstance(info, AccountInfo)
            outcome = await adapter.publish(_request("Eğitim kanalı"))
            assert isinstance(outcome, Published)
            intruder = TelegramAdapter(client, {"chat_id": chat_id, "base_url": BASE_URL}, {"bot_token": "1:x" * 3})
            assert await intruder.verify() == AuthExpired("Unauthorized")
        if chat_id.startswith("@"):
            assert info.handle == chat_id
            assert outcome.permalink == f"https://t.me/yesilvadibelediyesi/{outcome.remote_id}"
        else:
            assert info.remote_id == chat_id
        listed = TelegramSandbox(state=SandboxState(path, {})).published()  # as `sandbox list` reads it
        assert [p.text for p in listed] == ["Eğitim kanalı"]
        assert token not in path.read_text(encoding="utf-8")
        problems = [p for request, response in recorder.exchanges for p in spec_errors(bot_api, request, response)]
        assert not problems, problems


@pytest.mark.asyncio
async def test_a_citizens_comment_is_deleted_only_with_the_delete_right(bench: Bench) -> None:
    """Moderation: the bot, an administrator of the discussion group, deletes an abusive comment."""
    post = await bench.adapter.publish(_request("Yol çalışması"))
    assert isinstance(post, Published)
    group = bench.sandbox.group_id
    assert group is not None
    abusive = bench.sandbox.add_comment(int(post.remote_id), "hakaret", author="Trol", username="trol")
    kept = bench.sandbox.add_comment(int(post.remote_id), "başka hakaret", author="Trol", username="trol")
    assert await bench.adapter.delete_comment(f"{group}:{abusive}") == Done()
    assert bench.sandbox._message(group, abusive) is None
    bench.sandbox.set_bot_member("group", "administrator", can_delete_messages=False)
    refused = await bench.adapter.delete_comment(f"{group}:{kept}")
    assert isinstance(refused, Rejected)
    assert bench.sandbox._message(group, kept) is not None
