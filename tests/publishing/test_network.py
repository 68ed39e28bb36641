"""Network clients: proxies honoured, loopback never proxied, TLS always verified."""

from __future__ import annotations

import asyncio
import ssl
import subprocess
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import httpx
import pytest

from kurum_masaustu.publishing.network import network_client


class _Recorder(BaseHTTPRequestHandler):
    seen: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        type(self).seen.append(self.path)
        body = b"proxied" if self.path.startswith("http://") else b"direct"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[tuple[ThreadingHTTPServer, type[_Recorder]]]:
    handler = type("Handler", (_Recorder,), {"seen": []})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd, handler
    httpd.shutdown()
    httpd.server_close()


def _get(client: httpx.AsyncClient, url: str) -> httpx.Response:
    async def go() -> httpx.Response:
        async with client:
            return await client.get(url)

    return asyncio.run(go())


def test_requests_go_through_the_configured_proxy(server: tuple[ThreadingHTTPServer, type[_Recorder]]) -> None:
    httpd, handler = server
    proxy = f"http://127.0.0.1:{httpd.server_address[1]}"
    response = _get(network_client(proxies={"http": proxy}), "http://belediye.example/api")
    assert response.text == "proxied"
    assert handler.seen == ["http://belediye.example/api"]


def test_the_policy_proxy_wins_over_the_system_one(server: tuple[ThreadingHTTPServer, type[_Recorder]]) -> None:
    httpd, _ = server
    proxy = f"http://127.0.0.1:{httpd.server_address[1]}"
    client = network_client(proxy_override=proxy, proxies={"http": "http://127.0.0.1:9"})
    assert _get(client, "http://belediye.example/x").text == "proxied"


def test_loopback_and_no_proxy_hosts_are_reached_directly(server: tuple[ThreadingHTTPServer, type[_Recorder]]) -> None:
    httpd, handler = server
    port = httpd.server_address[1]
    client = network_client(proxies={"http": "http://127.0.0.1:9"})  # a dead proxy: must not be used
    assert _get(client, f"http://127.0.0.1:{port}/yerel").text == "direct"
    assert handler.seen == ["/yerel"]


def test_tls_is_verified_and_a_self_signed_server_is_refused(tmp_path: Path) -> None:
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
         "-days", "1", "-subj", "/CN=127.0.0.1"],
        check=True, capture_output=True,
    )  # fmt: skip
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        with pytest.raises(httpx.ConnectError, match=r"CERTIFICATE_VERIFY_FAILED|certificate verify failed"):
            _get(network_client(proxies={}), f"https://127.0.0.1:{httpd.server_address[1]}/")
    finally:
        httpd.shutdown()
        httpd.server_close()
