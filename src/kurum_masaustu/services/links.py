"""Are the post's links reachable? Checked on the event loop (httpx), never on the UI thread.

A link is asked for with ``HEAD`` (no body), and with ``GET`` when the server does not do
``HEAD`` (405, 501, some 403s); redirects are followed. Any answer below 400 is
reachable; 400 and above is broken; no answer (name unknown, refused, TLS failure, timeout) is
unreachable. Results are remembered for a few minutes, so typing does not ask again. The
caller decides whether the computer is online: offline, nothing is asked
(:class:`~kurum_masaustu.rules.checklist.LinkState` ``OFFLINE``).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from kurum_masaustu.rules.checklist import LinkResult, LinkState

if TYPE_CHECKING:  # httpx loads with the first check, not at start-up
    import httpx

log = logging.getLogger(__name__)

CHECK_SECONDS = 8.0
CONNECT_SECONDS = 5.0
REMEMBER_SECONDS = 300.0
MAX_PARALLEL = 4
_RETRY_WITH_GET = frozenset({403, 405, 501})


def absolute(url: str) -> str:
    """Bare domains (``ornek.bel.tr/duyuru``) are asked for over HTTPS."""
    return url if url.lower().startswith(("http://", "https://")) else "https://" + url


class LinkChecker:
    """Checks links; a client is opened for each batch and closed after it (nothing stays
    open between checks, so there is nothing to close when the app stops)."""

    def __init__(self, client_factory: Callable[[], httpx.AsyncClient] | None = None) -> None:
        self._client_factory = client_factory
        self._known: dict[str, tuple[float, LinkResult]] = {}

    def _new_client(self) -> httpx.AsyncClient:
        if self._client_factory is not None:
            return self._client_factory()
        from kurum_masaustu.publishing.network import network_client

        return network_client()

    def remembered(self, url: str) -> LinkResult | None:
        entry = self._known.get(url)
        if entry is None or time.monotonic() - entry[0] > REMEMBER_SECONDS:
            return None
        return entry[1]

    async def check(self, urls: Iterable[str]) -> dict[str, LinkResult]:
        """Each link's state (from memory when checked lately)."""
        wanted = list(dict.fromkeys(urls))
        results: dict[str, LinkResult] = {}
        todo = []
        for url in wanted:
            known = self.remembered(url)
            if known is not None:
                results[url] = known
            else:
                todo.append(url)
        if todo:
            gate = asyncio.Semaphore(MAX_PARALLEL)
            async with self._new_client() as client:

                async def one(url: str) -> None:
                    async with gate:
                        result = await _ask(client, url)
                    self._known[url] = (time.monotonic(), result)
                    results[url] = result

                await asyncio.gather(*(one(url) for url in todo))
        return {url: results[url] for url in wanted}


async def _ask(client: httpx.AsyncClient, url: str) -> LinkResult:
    import httpx

    target = absolute(url)
    timeout = httpx.Timeout(CHECK_SECONDS, connect=CONNECT_SECONDS)
    try:
        response = await client.head(target, follow_redirects=True, timeout=timeout)
        if response.status_code in _RETRY_WITH_GET:
            async with client.stream("GET", target, follow_redirects=True, timeout=timeout) as streamed:
                response = streamed
    except (httpx.HTTPError, ValueError) as exc:
        log.info("link %s unreachable: %s", url, type(exc).__name__)
        return LinkResult(url, LinkState.UNREACHABLE)
    state = LinkState.OK if response.status_code < 400 else LinkState.BROKEN
    return LinkResult(url, state, response.status_code)
