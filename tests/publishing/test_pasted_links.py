"""A link the person pastes for a post gives the same remote id the adapter itself records, so a
delivery confirmed by hand can be deleted and measured later (sandbox platforms end to end)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from kurum_masaustu.app import Services
from kurum_masaustu.domain import DeliveryState, Platform
from kurum_masaustu.platforms.base import Done
from kurum_masaustu.platforms.sandbox.facebook import PAGE_ID as FACEBOOK_PAGE_ID
from kurum_masaustu.services.channels import ChannelService
from kurum_masaustu.services.posts import PostDraft
from kurum_masaustu.store.models import Channel, Delivery, Post

#: The sandbox accounts' own names (what connecting the channel records as its handle).
HANDLES = {
    Platform.BLUESKY: "belediye.bsky.social",
    Platform.TELEGRAM: "@ornekbelediyesi",
    Platform.X: "@ornekbelediye",
    Platform.FACEBOOK: "ornekbelediyesi",
}
#: A Facebook channel always has its Page id (it is asked for when connecting).
SETTINGS = {Platform.FACEBOOK: {"page_id": FACEBOOK_PAGE_ID}}


def _published_then_parked(services: Services, platform: Platform) -> tuple[int, str, str]:
    """A post the adapter published (its id and link kept), then parked as if its answer had
    been lost: the person is asked to paste the link."""
    with services.sessions.begin() as session:
        channel = Channel(
            platform=platform,
            display_name=f"Belediye {platform.value}",
            handle=HANDLES.get(platform, "belediye"),
            settings=SETTINGS.get(platform, {}),
            sandbox=True,
        )
        session.add(channel)
    assert ChannelService(services.sessions, services.credentials()).connect_sandbox_channels() == 1
    with services.sessions() as session:
        channel_id = session.scalars(select(Channel.id)).one()
    services.posts.save(
        PostDraft(
            body="Yarın 09:00–17:00 Cumhuriyet Mahallesi'nde su kesintisi olacaktır.",
            channel_ids=[channel_id],
            scheduled_at=datetime.now(UTC) - timedelta(minutes=1),
            schedule=True,
        )
    )
    asyncio.run(_run(services))
    with services.sessions.begin() as session:
        delivery = session.scalars(select(Delivery)).one()
        assert delivery.state is DeliveryState.PUBLISHED
        assert delivery.remote_id
        assert delivery.permalink
        remote_id, permalink = delivery.remote_id, delivery.permalink
        delivery.state, delivery.remote_id, delivery.permalink = DeliveryState.UNCERTAIN, None, None
        delivery.sending_since = datetime.now(UTC) - timedelta(minutes=1)
        return delivery.id, remote_id, permalink


async def _run(services: Services) -> None:
    try:
        await services.publisher.run_once()
    finally:
        await services.aclose()


def _delivery(services: Services) -> Delivery:
    with services.sessions() as session:
        return session.scalars(select(Delivery)).one()


@pytest.mark.parametrize(
    "platform", [Platform.MASTODON, Platform.X, Platform.FACEBOOK, Platform.LINKEDIN, Platform.TELEGRAM]
)
def test_the_pasted_permalink_gives_the_id_the_adapter_recorded(services: Services, platform: Platform) -> None:
    delivery_id, remote_id, permalink = _published_then_parked(services, platform)
    found = services.outbox.confirm_published(delivery_id, permalink, datetime.now(UTC))
    assert found is not None
    assert found.remote_id == remote_id, (platform, permalink)
    assert _delivery(services).remote_id == remote_id
    assert _delivery(services).state is DeliveryState.PUBLISHED


def test_a_bluesky_link_under_the_handle_is_settled_to_the_did_and_the_post_can_be_deleted(
    services: Services,
) -> None:
    delivery_id, remote_id, permalink = _published_then_parked(services, Platform.BLUESKY)
    assert remote_id.startswith("at://did:")
    assert f"/profile/{HANDLES[Platform.BLUESKY]}/post/" in permalink
    found = services.outbox.confirm_published(delivery_id, permalink, datetime.now(UTC))
    assert found is not None
    assert found.note == "handle"
    assert _delivery(services).remote_id == f"at://{HANDLES[Platform.BLUESKY]}/{remote_id.split('/', 3)[3]}"
    asyncio.run(_run(services))  # the next outbox run asks the adapter for the DID
    assert _delivery(services).remote_id == remote_id

    async def delete() -> object:
        with services.sessions() as session:
            channel = session.scalars(select(Channel)).one()
        adapter = await services.adapter_for(channel)
        assert adapter is not None
        try:
            return await adapter.delete(remote_id)
        finally:
            await services.aclose()

    assert isinstance(asyncio.run(delete()), Done)


def test_an_instagram_link_is_kept_without_an_id(services: Services) -> None:
    with services.sessions.begin() as session:
        channel = Channel(platform=Platform.INSTAGRAM, display_name="Belediye", handle="ornekbelediyesi")
        post = Post(title="Su kesintisi", body="Yarın su kesintisi")
        post.deliveries = [Delivery(channel=channel, state=DeliveryState.UNCERTAIN, sending_since=datetime.now(UTC))]
        session.add(post)
        session.flush()
        delivery_id = post.deliveries[0].id
    link = "https://www.instagram.com/ornekbelediyesi/p/DCx7kLmN2aB/"
    found = services.outbox.confirm_published(delivery_id, link, datetime.now(UTC))
    assert found is not None
    assert (found.remote_id, found.note) == (None, "shortcode")
    assert _delivery(services).permalink == link
    assert _delivery(services).remote_id is None
