"""Lateness itself triggers the missed-slot policy, against the sandbox platforms: a post held
for hours while the app runs (an expired token, a pause) is asked about, not published late."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from kurum_masaustu.app import Services
from kurum_masaustu.domain import DeliveryState, Platform
from kurum_masaustu.platforms.base import MediaFile
from kurum_masaustu.platforms.sandbox.core import Faults, SandboxState
from kurum_masaustu.publishing.adapters import AdapterFactory, sandbox_state_path
from kurum_masaustu.publishing.outbox import MediaRef, Outbox, RunSummary
from kurum_masaustu.publishing.registry import load, support_for
from kurum_masaustu.rules.missed_slot import parse_policy
from kurum_masaustu.services.channels import ChannelService
from kurum_masaustu.services.outbox import OutboxService
from kurum_masaustu.services.posts import PostDraft
from kurum_masaustu.store.models import Channel, Delivery, Post

TEXT = "Yarın 09:00–17:00 arası Cumhuriyet Mahallesi'nde su kesintisi olacaktır."


class Clock:
    """The outbox's clock (the sandbox keeps real time: tokens stay valid)."""

    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now


class Late:
    """One Mastodon sandbox channel, a post due a minute ago, and an outbox on a test clock."""

    def __init__(self, services: Services, policy: str) -> None:
        self.services = services
        self.clock = Clock()
        with services.sessions.begin() as session:
            channel = Channel(platform=Platform.MASTODON, display_name="Belediye", handle="belediye", sandbox=True)
            session.add(channel)
            session.flush()
            self.channel_id = channel.id
        self.channels = ChannelService(services.sessions, services.credentials())
        assert self.channels.connect_sandbox_channels() == 1
        self.factory = AdapterFactory(services.credentials(), services.profile.root / "sandbox")
        self.faults = self.factory.faults.setdefault(self.channel_id, Faults())

        async def no_media(ref: MediaRef, platform: Platform) -> MediaFile:
            raise AssertionError("no media in this post")

        self.outbox = Outbox(
            services.sessions, self.factory, no_media, clock=self.clock, missed_policy=lambda: parse_policy(policy)
        )
        services.posts.save(
            PostDraft(
                body=TEXT,
                channel_ids=[self.channel_id],
                scheduled_at=self.clock() - timedelta(minutes=1),
                schedule=True,
            )
        )

    def run(self) -> RunSummary:
        async def go() -> RunSummary:
            try:
                return await self.outbox.run_once()
            finally:
                await self.factory.close()  # each run on its own event loop, as `sync` does

        return asyncio.run(go())

    def later(self, **kwargs: float) -> None:
        self.clock.now += timedelta(**kwargs)

    def delivery(self) -> Delivery:
        with self.services.sessions() as session:
            return session.scalars(select(Delivery)).one()

    def published(self) -> list[Any]:
        support = support_for(Platform.MASTODON)
        assert support is not None
        assert support.sandbox is not None
        path = sandbox_state_path(self.services.profile.root / "sandbox", self.channel_id)
        return list(load(support.sandbox)(state=SandboxState(path, {})).published())

    def reconnect(self) -> None:
        """The person renewed the token: the platform takes requests again, the channel is fine."""
        self.faults.expired_token = False
        self.channels.record_check(self.channel_id, None)


@pytest.fixture
def late(services: Services) -> Any:
    return lambda policy: Late(services, policy)


def _expired_then_reconnected_hours_later(late: Late) -> RunSummary:
    late.faults.expired_token = True
    first = late.run()
    assert first.waiting == 1
    with late.services.sessions() as session:
        assert session.get(Channel, late.channel_id).auth_problem  # type: ignore[union-attr]
    for _ in range(3):  # the window runs every so often; the channel waits for its token
        late.later(hours=1)
        assert late.run().published == 0
    late.reconnect()
    late.later(minutes=30)
    return late.run()


def test_a_post_held_by_an_expired_token_is_asked_about_when_the_channel_is_reconnected_hours_later(
    late: Any,
) -> None:
    one: Late = late("ask")
    summary = _expired_then_reconnected_hours_later(one)
    assert summary.published == 0
    assert summary.missed == 1
    delivery = one.delivery()
    assert delivery.state is DeliveryState.MISSED
    assert one.published() == []
    [row] = [r for r in OutboxService(one.services.sessions).rows(one.clock()) if r.delivery_id == delivery.id]
    assert row.state is DeliveryState.MISSED  # the pane lists it with "publish now" / "keep as draft"
    assert one.run().published == 0  # asked once: it stays parked, nothing is sent on its own
    assert one.published() == []
    # The person answers "Şimdi yayımla": it goes out once, and is not asked about again.
    assert OutboxService(one.services.sessions).publish_missed(delivery.id, one.clock())
    one.later(minutes=1)
    assert one.run().published == 1
    one.later(hours=1)
    one.run()
    assert [post.text for post in one.published()] == [TEXT]
    assert one.delivery().state is DeliveryState.PUBLISHED


def test_under_publish_late_it_goes_out_once_when_reconnected(late: Any) -> None:
    one: Late = late("publish_late")
    summary = _expired_then_reconnected_hours_later(one)
    assert summary.published == 1
    one.later(minutes=5)
    one.run()
    assert [post.text for post in one.published()] == [TEXT]
    assert one.delivery().state is DeliveryState.PUBLISHED


def test_under_drop_it_goes_back_to_a_draft_with_nothing_lost(late: Any) -> None:
    one: Late = late("drop")
    summary = _expired_then_reconnected_hours_later(one)
    assert summary.dropped == 1
    assert one.delivery().state is DeliveryState.DRAFT
    with one.services.sessions() as session:
        assert session.scalars(select(Post.body)).one() == TEXT
    assert one.published() == []


def test_paused_then_resumed_late_is_asked_about(late: Any) -> None:
    one: Late = late("ask")
    one.outbox.pause("Milli yas", mode="mourning")
    assert one.run().waiting == 1
    one.later(hours=6)
    one.outbox.resume()
    summary = one.run()
    assert summary.published == 0
    assert summary.missed == 1
    assert one.delivery().state is DeliveryState.MISSED
    assert one.published() == []


def test_resumed_within_the_limit_it_simply_goes_out(late: Any) -> None:
    one: Late = late("ask")
    one.outbox.pause("Kısa ara")
    one.run()
    one.later(minutes=10)
    one.outbox.resume()
    assert one.run().published == 1
    assert [post.text for post in one.published()] == [TEXT]
