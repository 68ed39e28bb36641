"""OAuth 2.0 for a desktop app (RFC 8252): PKCE (RFC 7636) and a loopback redirect receiver.

No Qt here. The receiver listens on ``127.0.0.1`` only (never on every interface), on a port
the OS picks (``port=0``) or on the fixed port a platform's app registration names (X compares
callback addresses exactly). It answers the one browser request that carries ``code`` and
``state``, checks ``state`` against the one it was given (a mismatch is refused: it was not our
request), and gives up after a timeout or when cancelled. Nothing it receives is logged.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import errno
import hashlib
import html
import secrets
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlsplit

from kurum_masaustu.errors import CodedError

LOOPBACK_HOST = "127.0.0.1"
CALLBACK_PATH = "/callback"
_MAX_REQUEST_BYTES = 16 * 1024
_READ_SECONDS = 10.0


class OAuthError(CodedError):
    """A connect flow stopped; ``code`` names why (the UI turns it into a Turkish message).

    Codes: ``port_in_use``, ``timeout``, ``cancelled``, ``state_mismatch``, ``denied``,
    ``no_code``. ``detail`` never carries a code, token or secret.
    """


@dataclass(frozen=True)
class Pkce:
    verifier: str
    challenge: str
    method: str = "S256"


def new_pkce() -> Pkce:
    """A fresh verifier (43 characters of the unreserved set) and its S256 challenge."""
    verifier = secrets.token_urlsafe(48)[:64]
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    challenge = base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")
    return Pkce(verifier, challenge)


def new_state() -> str:
    return secrets.token_urlsafe(24)


@dataclass(frozen=True)
class Pages:
    """What the browser shows after the redirect (the caller passes translated texts)."""

    success_title: str = "Connected"
    success_text: str = "You can close this tab and return to Kurum Masaüstü."
    failure_title: str = "Not connected"
    failure_text: str = "Return to Kurum Masaüstü for the reason."


def _page(title: str, text: str) -> bytes:
    t, p = html.escape(title), html.escape(text)
    style = "font-family:sans-serif;margin:3em"
    body = f"<!doctype html><html><head><meta charset='utf-8'><title>{t}</title></head>"
    body += f"<body style='{style}'><h1>{t}</h1><p>{p}</p></body></html>"
    return body.encode("utf-8")


class LoopbackReceiver:
    """Receives one authorization response on ``http://127.0.0.1:<port>/callback``.

    Use as ``async with LoopbackReceiver(state, port) as receiver:`` then ``redirect_uri`` and
    ``await receiver.wait(timeout)``; the listener closes when the block ends.
    """

    def __init__(self, state: str, port: int = 0, path: str = CALLBACK_PATH, pages: Pages | None = None) -> None:
        self._state = state
        self._port = port
        self._path = path
        self._pages = pages or Pages()
        self._server: asyncio.Server | None = None
        self._result: asyncio.Future[dict[str, str]] | None = None

    async def __aenter__(self) -> LoopbackReceiver:
        await self.start()
        return self

    async def __aexit__(self, *_exc: object) -> None:
        await self.close()

    async def start(self) -> None:
        self._result = asyncio.get_running_loop().create_future()
        try:
            self._server = await asyncio.start_server(self._handle, LOOPBACK_HOST, self._port)
        except OSError as exc:
            if exc.errno in (errno.EADDRINUSE, errno.EACCES, getattr(errno, "WSAEADDRINUSE", -1), 10048, 10013):
                raise OAuthError("port_in_use", str(self._port)) from None
            raise OAuthError("port_in_use", f"{self._port}: {exc.strerror or exc}") from None
        self._port = self._server.sockets[0].getsockname()[1]

    @property
    def port(self) -> int:
        return self._port

    @property
    def redirect_uri(self) -> str:
        return f"http://{LOOPBACK_HOST}:{self._port}{self._path}"

    async def close(self) -> None:
        if self._server is not None:
            self._server.close()
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._server.wait_closed(), 2)
            self._server = None
        if self._result is not None and not self._result.done():
            self._result.cancel()

    def cancel(self) -> None:
        """The person gave up: :meth:`wait` raises ``OAuthError("cancelled")``."""
        if self._result is not None and not self._result.done():
            self._result.set_exception(OAuthError("cancelled"))

    async def wait(self, timeout: float) -> str:
        """The authorization code, once the browser came back with our ``state``."""
        assert self._result is not None, "start() first"
        try:
            params = await asyncio.wait_for(asyncio.shield(self._result), timeout)
        except TimeoutError:
            raise OAuthError("timeout") from None
        if not self._state_matches(params):
            raise OAuthError("state_mismatch")
        if params.get("error"):
            raise OAuthError("denied", params["error"][:100])
        code = params.get("code", "")
        if not code:
            raise OAuthError("no_code")
        return code

    def _state_matches(self, params: dict[str, str]) -> bool:
        return secrets.compare_digest(params.get("state", "").encode(), self._state.encode())

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), _READ_SECONDS)
        except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, TimeoutError, ConnectionError):
            writer.close()
            return
        status, body = 404, _page("404", "")
        try:
            request_line = head[:_MAX_REQUEST_BYTES].split(b"\r\n", 1)[0].decode("latin-1")
            method, target, _version = request_line.split(" ", 2)
            url = urlsplit(target)
            if method == "GET" and url.path == self._path:
                params = dict(parse_qsl(url.query, keep_blank_values=True))
                ours = self._result is not None and not self._result.done()
                ok = "code" in params and not params.get("error") and self._state_matches(params)
                page = self._pages
                status = 200
                body = (
                    _page(page.success_title, page.success_text) if ok else _page(page.failure_title, page.failure_text)
                )
                if ours and self._result is not None and ("code" in params or "error" in params):
                    self._result.set_result(params)
        except ValueError:
            status, body = 400, _page("400", "")
        reason = {200: "OK", 400: "Bad Request", 404: "Not Found"}[status]
        writer.write(
            f"HTTP/1.1 {status} {reason}\r\nContent-Type: text/html; charset=utf-8\r\n"
            f"Content-Length: {len(body)}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n".encode("ascii")
            + body
        )
        with contextlib.suppress(ConnectionError):
            await writer.drain()
        writer.close()
