"""A sandbox platform served over real HTTP on loopback, in a process of its own.

In the app and the tests a sandbox is an in-process httpx transport: its work (validating,
storing, rendering an inbox page) runs on the caller's event loop. A real platform does that
work on its own servers, so measuring the app's event loop with an in-process sandbox counts the
platform's work as the app's. ``benchmarks/publishing.py`` therefore runs the sandbox here: a
minimal HTTP/1.1 server (keep-alive, Content-Length bodies; what httpx sends) in a child process,
bound to 127.0.0.1 only.

    python -m kurum_masaustu.platforms.sandbox.served mastodon STATE.json

prints the port it listens on, then serves until its standard input closes (the parent exited).
``POST /_sandbox/citizens?count=N`` (Mastodon) adds N citizens' messages, as
:meth:`MastodonSandbox.add_citizen_status` does in process.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path

import httpx

Control = Callable[[httpx.Request], Awaitable[httpx.Response | None]]
_DROPPED_HEADERS = frozenset({"content-length", "transfer-encoding", "connection", "content-encoding"})


async def _answer(
    transport: httpx.AsyncBaseTransport, control: Control | None, request: httpx.Request
) -> httpx.Response:
    if control is not None:
        handled = await control(request)
        if handled is not None:
            return handled
    return await transport.handle_async_request(request)


async def _connection(
    reader: asyncio.StreamReader,
    writer: asyncio.StreamWriter,
    transport: httpx.AsyncBaseTransport,
    control: Control | None,
) -> None:
    try:
        while True:
            line = await reader.readline()
            if not line.strip():
                return
            method, target, _version = line.decode("latin-1").rstrip("\r\n").split(" ", 2)
            headers: list[tuple[str, str]] = []
            while (raw := await reader.readline()) not in (b"\r\n", b"\n", b""):
                name, _, value = raw.decode("latin-1").partition(":")
                headers.append((name.strip(), value.strip()))
            fields = {name.lower(): value for name, value in headers}
            body = await reader.readexactly(int(fields.get("content-length", "0") or 0))
            request = httpx.Request(
                method, f"http://{fields.get('host', '127.0.0.1')}{target}", headers=headers, content=body
            )
            try:
                response = await _answer(transport, control, request)
            except httpx.TimeoutException:  # a "lost answer" fault: the connection just ends
                return
            content = await response.aread()
            head = [f"HTTP/1.1 {response.status_code} {response.reason_phrase}"]
            head += [f"{k}: {v}" for k, v in response.headers.items() if k.lower() not in _DROPPED_HEADERS]
            head.append(f"Content-Length: {len(content)}")
            writer.write(("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + content)
            await writer.drain()
            if fields.get("connection", "").lower() == "close":
                return
    except (asyncio.IncompleteReadError, ConnectionError, ValueError):
        return
    finally:
        writer.close()


async def serve(
    transport: httpx.AsyncBaseTransport, *, port: int = 0, control: Control | None = None
) -> asyncio.Server:
    """Serve ``transport`` on 127.0.0.1 (``port`` 0: any free one; read it from the server's socket)."""

    async def connected(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await _connection(reader, writer, transport, control)

    return await asyncio.start_server(connected, "127.0.0.1", port)


def _mastodon(state_file: Path) -> tuple[httpx.AsyncBaseTransport, Control]:
    from kurum_masaustu.platforms.sandbox.core import SandboxState
    from kurum_masaustu.platforms.sandbox.mastodon import MastodonSandbox

    sandbox = MastodonSandbox(state=SandboxState(state_file, {}), enforce_rate_limits=False)

    async def control(request: httpx.Request) -> httpx.Response | None:
        if request.url.path != "/_sandbox/citizens" or request.method != "POST":
            return None
        count = int(request.url.params.get("count", "0"))
        for index in range(count):
            sandbox.add_citizen_status(
                f"vatandas{index % 700}@sosyal.example",
                f"Merhaba, {index}. sokakta su yok. Ne zaman gelecek?",
                save=False,
            )
        await sandbox.state.save_async()
        return httpx.Response(200, json={"added": count})

    return sandbox, control


async def _main(platform: str, state_file: Path) -> None:
    if platform != "mastodon":
        raise SystemExit(f"served sandbox: {platform!r} is not served yet (mastodon is)")
    transport, control = _mastodon(state_file)
    server = await serve(transport, control=control)
    print(server.sockets[0].getsockname()[1], flush=True)
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, sys.stdin.read)  # until the parent closes our stdin or exits
    server.close()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Serve a sandbox platform on 127.0.0.1.")
    parser.add_argument("platform")
    parser.add_argument("state", type=Path)
    args = parser.parse_args(argv)
    asyncio.run(_main(args.platform, args.state))


if __name__ == "__main__":
    main()
