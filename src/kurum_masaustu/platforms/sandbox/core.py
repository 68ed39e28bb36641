"""What every sandbox platform shares: a routed httpx transport, state kept in a file, faults.

A sandbox is faithful to the platform's documentation, not to our adapters: it validates
requests as the platform does and answers with the platform's error bodies and headers.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import tempfile
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

Handler = Callable[[httpx.Request, re.Match[str]], Awaitable[httpx.Response]]


@dataclass
class Faults:
    """Switchable fault injection; each counter is used up one request at a time.

    - ``timeout_after_accept``: the next N writes are carried out, then the client sees a timeout;
    - ``server_errors``: the next N requests get a 5xx without being carried out;
    - ``rate_limit_seconds``: when set, every request is refused with the platform's 429;
    - ``expired_token``: every request is refused as with an expired token;
    - ``malformed_json``: the next N responses carry a broken body;
    - ``slow_media_polls``: media stays "processing" for N more status polls.
    """

    timeout_after_accept: int = 0
    server_errors: int = 0
    rate_limit_seconds: int | None = None
    expired_token: bool = False
    malformed_json: int = 0
    slow_media_polls: int = 0

    def take(self, name: str) -> bool:
        """Use up one occurrence of a counted fault; True if it applies to this request."""
        left: int = getattr(self, name)
        if left > 0:
            setattr(self, name, left - 1)
            return True
        return False


def write_file_atomic(path: Path, data: bytes) -> None:
    """Write a file the way a server stores an upload: whole or not at all (temp + rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".upload-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class SandboxState:
    """The sandbox account's data, in one JSON file in the profile (survives restarts)."""

    def __init__(self, path: Path, initial: dict[str, Any]) -> None:
        self.path = path
        self._lock = asyncio.Lock()
        for leftover in path.parent.glob(".sandbox-*.tmp") if path.parent.is_dir() else ():
            leftover.unlink(missing_ok=True)  # a write interrupted by a crash
        try:
            self.data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            self.data = json.loads(json.dumps(initial))
            self.save()

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".sandbox-", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(self.data, handle, ensure_ascii=False, indent=1, sort_keys=True)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    async def save_async(self) -> None:
        """:meth:`save` in a worker thread: serialising and ``fsync`` take milliseconds that the
        event loop (the window) must not wait for. Call it holding :attr:`lock`, so that no
        request changes the data while the thread writes it."""
        # get_event_loop, not to_thread: a qasync loop driven by Qt alone (a pane's task in a
        # test) is not "running" for asyncio, and to_thread would refuse it.
        await asyncio.get_event_loop().run_in_executor(None, self.save)

    @property
    def lock(self) -> asyncio.Lock:
        return self._lock

    def next_id(self, counter: str = "next_id", start: int = 100000) -> int:
        value = int(self.data.get(counter, start))
        self.data[counter] = value + 1
        return value


@dataclass
class Route:
    method: str
    pattern: re.Pattern[str]
    handler: Handler
    writes: bool = False


@dataclass
class SandboxTransport(httpx.AsyncBaseTransport):
    """Dispatches requests to a platform's handlers, with fault injection around them.

    Subclasses set ``host`` and register routes; ``rate_limited``, ``token_expired``,
    ``server_error`` and ``not_found`` build the platform's own error responses.
    """

    state: SandboxState
    faults: Faults = field(default_factory=Faults)
    routes: list[Route] = field(default_factory=list)
    #: The most recent requests, for tests and the training view (bounded: a long session must not grow).
    requests: deque[httpx.Request] = field(default_factory=lambda: deque(maxlen=200))

    def route(self, method: str, pattern: str, handler: Handler, *, writes: bool = False) -> None:
        self.routes.append(Route(method, re.compile(pattern + r"\Z"), handler, writes))

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        # A real request always gives the event loop a turn; an in-process one must too, or a
        # chain of them (an inbox walking its pages) holds the window for its whole length.
        await asyncio.sleep(0)
        self.requests.append(request)
        await request.aread()
        if self.faults.rate_limit_seconds is not None:
            return self.rate_limited(request, self.faults.rate_limit_seconds)
        if self.faults.expired_token:
            return self.token_expired(request)
        if self.faults.take("server_errors"):
            return self.server_error(request)
        for route in self.routes:
            match = route.pattern.match(request.url.path)
            if match and route.method == request.method:
                async with self.state.lock:
                    response = await route.handler(request, match)
                    if route.writes:
                        await self.state.save_async()
                await asyncio.sleep(0)  # the answer travels back: another turn for the loop
                if route.writes and self.faults.take("timeout_after_accept"):
                    raise httpx.ReadTimeout("sandbox: the platform accepted, then the answer was lost", request=request)
                if self.faults.take("malformed_json"):
                    return httpx.Response(response.status_code, content=b'{"id": "12', headers=response.headers)
                return response
        return self.not_found(request)

    # Platform-specific error shapes -------------------------------------------------------
    def rate_limited(self, request: httpx.Request, seconds: int) -> httpx.Response:
        return httpx.Response(429, headers={"Retry-After": str(seconds)}, json={"error": "rate limited"})

    def token_expired(self, request: httpx.Request) -> httpx.Response:
        return httpx.Response(401, json={"error": "token expired"})

    def server_error(self, request: httpx.Request) -> httpx.Response:
        return httpx.Response(503, json={"error": "service unavailable"})

    def not_found(self, request: httpx.Request) -> httpx.Response:
        return httpx.Response(404, json={"error": "Record not found"})
