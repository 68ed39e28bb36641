"""A sandbox served over real HTTP by its own process (platforms/sandbox/served.py), as the
publishing benchmark runs it: the adapter publishes and reads citizens' messages through TCP."""

from __future__ import annotations

import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from kurum_masaustu.platforms.base import InboxPage, Published, PublishRequest
from kurum_masaustu.platforms.mastodon import MastodonAdapter


@pytest.fixture
def served(tmp_path: Path) -> Iterator[str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "kurum_masaustu.platforms.sandbox.served", "mastodon", str(tmp_path / "m.json")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    try:
        yield f"http://127.0.0.1:{int(process.stdout.readline())}"
    finally:
        assert process.stdin is not None
        process.stdin.close()  # the server stops when its standard input closes
        assert process.wait(timeout=20) == 0
        process.stdout.close()


@pytest.mark.asyncio
async def test_publishing_and_reading_through_a_served_sandbox(served: str) -> None:
    async with httpx.AsyncClient(base_url=served, timeout=30, trust_env=False) as client:
        adapter = MastodonAdapter(client, {"base_url": served}, {"access_token": "served-sandbox-token"})
        outcome = await adapter.publish(
            PublishRequest(text="Yarın su kesintisi var.", idempotency_key=uuid.uuid4().hex)
        )
        assert isinstance(outcome, Published)
        first = await adapter.fetch_inbox(None)  # notes where the inbox stands
        assert isinstance(first, InboxPage)
        added = await client.post("/_sandbox/citizens", params={"count": 3})
        assert added.json() == {"added": 3}
        page = await adapter.fetch_inbox(first.cursor)
        assert isinstance(page, InboxPage)
        assert len(page.items) == 3
        assert all("su yok" in item.text for item in page.items)
