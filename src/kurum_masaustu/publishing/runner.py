"""Runs the outbox in the background of the window: every minute, and at once when poked
(a post was scheduled, the connection came back). Plain asyncio; the window's qasync loop
drives it.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from kurum_masaustu.publishing.outbox import Outbox, RunSummary

log = logging.getLogger(__name__)


class OutboxRunner:
    def __init__(
        self,
        outbox: Outbox,
        *,
        interval_seconds: float = 60.0,
        online: Callable[[], bool | None] = lambda: None,
        on_run: Callable[[RunSummary], None] = lambda _summary: None,
        inbox: Callable[[], Awaitable[Any]] | None = None,
        on_inbox: Callable[[Any], None] = lambda _summary: None,
    ) -> None:
        self.outbox = outbox
        self._inbox = inbox
        self._on_inbox = on_inbox
        self._interval = interval_seconds
        self._online = online
        self._on_run = on_run
        self._wake = asyncio.Event()
        self._stopped = False
        self.runs = 0

    def poke(self) -> None:
        """Run soon (new work, or the network is back)."""
        self._wake.set()

    def stop(self) -> None:
        self._stopped = True
        self._wake.set()

    async def run(self) -> None:
        while not self._stopped:
            if self._online() is not False:  # unknown counts as online: requests will tell
                try:
                    summary = await self.outbox.run_once()
                except Exception:
                    log.exception("outbox run failed")
                else:
                    self.runs += 1
                    self._on_run(summary)
                if self._inbox is not None:
                    try:
                        self._on_inbox(await self._inbox())
                    except Exception:
                        log.exception("inbox sync failed")
            self._wake.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self._interval)
