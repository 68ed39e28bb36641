"""Link checks over real HTTP against a loopback server."""

from __future__ import annotations

import asyncio
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest

from kurum_masaustu.rules.checklist import LinkState
from kurum_masaustu.services.links import LinkChecker


class _Handler(BaseHTTPRequestHandler):
    hits: ClassVar[list[tuple[str, str]]] = []

    def log_message(self, *args: object) -> None:
        pass

    def _answer(self) -> None:
        _Handler.hits.append((self.command, self.path))
        if self.path == "/ok":
            self.send_response(200)
        elif self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/ok")
        elif self.path == "/no-head" and self.command == "HEAD":
            self.send_response(405)
        elif self.path == "/no-head":
            self.send_response(200)
        else:
            self.send_response(404)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_GET = _answer
    do_HEAD = _answer


@pytest.fixture
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    _Handler.hits = []
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_reachable_broken_and_unreachable_links(server: str) -> None:
    dead = f"http://127.0.0.1:{_closed_port()}/x"
    urls = [f"{server}/ok", f"{server}/moved", f"{server}/no-head", f"{server}/gone", dead]

    async def run() -> dict[str, object]:
        return dict(await LinkChecker().check(urls))

    results = asyncio.run(run())
    states = {url: (r.state, r.status_code) for url, r in results.items()}  # type: ignore[attr-defined]
    assert states == {
        f"{server}/ok": (LinkState.OK, 200),
        f"{server}/moved": (LinkState.OK, 200),
        f"{server}/no-head": (LinkState.OK, 200),
        f"{server}/gone": (LinkState.BROKEN, 404),
        dead: (LinkState.UNREACHABLE, None),
    }
    assert ("GET", "/no-head") in _Handler.hits  # HEAD refused, asked again with GET


def test_results_are_remembered_so_typing_does_not_ask_again(server: str) -> None:
    async def run() -> None:
        checker = LinkChecker()
        await checker.check([f"{server}/ok"])
        await checker.check([f"{server}/ok"])

    asyncio.run(run())
    assert _Handler.hits == [("HEAD", "/ok")]
