"""Post kinds through the outbox into the sandbox platforms: polls, threads, link cards and
hand-off to the platform's own scheduler, each as the platform received it."""

from __future__ import annotations

import asyncio
import itertools
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from sqlalchemy import select

from kurum_masaustu.app import Services
from kurum_masaustu.domain import DeliveryState, Platform, PostKind
from kurum_masaustu.platforms.sandbox.core import SandboxState
from kurum_masaustu.publishing.adapters import sandbox_state_path
from kurum_masaustu.publishing.registry import load, support_for
from kurum_masaustu.rules.kinds import thread_parts
from kurum_masaustu.services.channels import ChannelService
from kurum_masaustu.services.posts import PollDraft, PostDraft
from kurum_masaustu.store.models import Channel, Delivery

LONG = (
    "Kış aylarında su şebekesinde yapılacak bakım çalışmaları hakkında bilgilendirme. "
    "Çalışmalar 1 Aralık Pazartesi günü başlayacak ve iki hafta sürecektir. "
    "Bu süre içinde bazı mahallelerde gece saatlerinde kısa süreli kesintiler olabilir. "
    "Kesinti saatleri her gün belediyemizin sitesinde ve bu hesapta duyurulacaktır. "
    "Depolarınızı önceden doldurmanızı, yaşlı ve hasta komşularımıza destek olmanızı rica ederiz. "
    "Sorularınız için Alo 153 hattını arayabilirsiniz. Anlayışınız için teşekkür ederiz. "
    "Çalışmaların bitiminde şebeke suyu birkaç saat bulanık akabilir; bu durumda suyu bir süre akıtmanız yeterlidir. "
    "Arıza ve kaçakları 7 gün 24 saat Alo 185 hattına bildirebilirsiniz."
)


def _channels(services: Services, *platforms: Platform) -> dict[Platform, int]:
    with services.sessions.begin() as session:
        made = {
            p: Channel(
                platform=p,
                display_name=f"Belediye {p.value}",
                handle="belediye.bsky.social" if p is Platform.BLUESKY else "belediye",
                sandbox=True,
            )
            for p in platforms
        }
        session.add_all(made.values())
        session.flush()
        ids = {p: c.id for p, c in made.items()}
    assert ChannelService(services.sessions, services.credentials()).connect_sandbox_channels() == len(platforms)
    return ids


def _published(services: Services, channel_id: int, platform: Platform) -> list[Any]:
    support = support_for(platform)
    assert support is not None
    assert support.sandbox is not None
    path = sandbox_state_path(services.profile.root / "sandbox", channel_id)
    return list(load(support.sandbox)(state=SandboxState(path, {})).published())


def _run(services: Services) -> Any:
    async def go() -> Any:
        try:
            return await services.publisher.run_once()
        finally:
            await services.aclose()

    return asyncio.run(go())


def _deliveries(services: Services) -> dict[int, Delivery]:
    with services.sessions() as session:
        return {d.channel_id: d for d in session.scalars(select(Delivery))}


def test_a_poll_reaches_mastodon_x_linkedin_and_telegram_with_its_options(services: Services) -> None:
    ids = _channels(services, Platform.MASTODON, Platform.X, Platform.LINKEDIN, Platform.TELEGRAM)
    services.posts.save(
        PostDraft(
            body="Yeni parkın adı ne olsun?",
            channel_ids=list(ids.values()),
            scheduled_at=datetime.now(UTC) - timedelta(minutes=1),
            schedule=True,
            kind=PostKind.POLL,
            poll=PollDraft(("Çınar Parkı", "Gençlik Parkı", "Şehitler Parkı"), minutes=24 * 60),
        )
    )
    summary = _run(services)
    assert summary.published == 4, summary
    for platform, channel_id in ids.items():
        posts = _published(services, channel_id, platform)
        assert len(posts) == 1, platform
        assert list(posts[0].poll_options) == ["Çınar Parkı", "Gençlik Parkı", "Şehitler Parkı"], platform
    assert _published(services, ids[Platform.X], Platform.X)[0].poll_minutes == 24 * 60
    assert _published(services, ids[Platform.LINKEDIN], Platform.LINKEDIN)[0].poll_duration == "ONE_DAY"
    assert {d.state for d in _deliveries(services).values()} == {DeliveryState.PUBLISHED}


@pytest.mark.parametrize("platform", [Platform.X, Platform.BLUESKY, Platform.MASTODON])
def test_a_thread_goes_out_part_after_part_each_answering_the_one_before(
    services: Services, platform: Platform
) -> None:
    ids = _channels(services, platform)
    text = LONG + "\n---\nSon bölüm: teşekkürler."
    services.posts.save(
        PostDraft(
            body=text,
            channel_ids=[ids[platform]],
            scheduled_at=datetime.now(UTC) - timedelta(minutes=1),
            schedule=True,
            kind=PostKind.THREAD,
        )
    )
    expected = thread_parts(platform, text)
    assert len(expected) >= 3
    assert expected[-1] == f"Son bölüm: teşekkürler. ({len(expected)}/{len(expected)})"
    summary = _run(services)
    assert summary.published == 1, (summary, [(d.state, d.last_error) for d in _deliveries(services).values()])
    assert summary.failed == 0, summary
    posts = _published(services, ids[platform], platform)
    assert len(posts) == len(expected)
    by_text = {p.text: p for p in posts}
    assert set(by_text) == set(expected)
    reply_field = "in_reply_to_id" if platform is Platform.MASTODON else "reply_to"
    for before, after in itertools.pairwise(expected):
        assert getattr(by_text[after], reply_field) == by_text[before].id
    assert getattr(by_text[expected[0]], reply_field) is None
    delivery = _deliveries(services)[ids[platform]]
    assert delivery.state == DeliveryState.PUBLISHED
    assert delivery.thread_remote_ids == [by_text[part].id for part in expected]
    assert delivery.remote_id == by_text[expected[0]].id  # the thread is known by its first part

    # Run again: nothing is sent twice.
    assert _run(services).published == 0
    assert len(_published(services, ids[platform], platform)) == len(expected)


def test_a_thread_interrupted_after_a_part_continues_without_repeating_it(services: Services) -> None:
    ids = _channels(services, Platform.MASTODON)
    services.posts.save(
        PostDraft(
            body=LONG,
            channel_ids=[ids[Platform.MASTODON]],
            scheduled_at=datetime.now(UTC) - timedelta(minutes=1),
            schedule=True,
            kind=PostKind.THREAD,
        )
    )
    expected = thread_parts(Platform.MASTODON, LONG)
    assert len(expected) >= 2

    async def first_part_then_lost_answer() -> None:
        adapter = await services.adapter_for(services.sessions().get(Channel, ids[Platform.MASTODON]))  # type: ignore[arg-type]
        assert adapter is not None
        real = adapter.publish
        calls = 0

        async def publish(request: Any) -> Any:
            nonlocal calls
            calls += 1
            outcome = await real(request)
            if calls == 2:  # the second part reached the platform, its answer was lost
                from kurum_masaustu.platforms.base import Transient

                return Transient("read timeout")
            return outcome

        adapter.publish = publish  # type: ignore[method-assign]
        try:
            await services.publisher.run_once()
        finally:
            await services.aclose()

    asyncio.run(first_part_then_lost_answer())
    delivery = _deliveries(services)[ids[Platform.MASTODON]]
    assert delivery.state == DeliveryState.PUBLISHING
    assert len(delivery.thread_remote_ids) == 1
    with services.sessions.begin() as session:
        session.get(Delivery, delivery.id).next_attempt_at = None  # type: ignore[union-attr]
    _run(services)  # reconciles the second part with the platform
    posts = _published(services, ids[Platform.MASTODON], Platform.MASTODON)
    assert sorted(p.text for p in posts) == sorted(expected)
    assert _deliveries(services)[ids[Platform.MASTODON]].state == DeliveryState.PUBLISHED


def test_a_link_becomes_a_card_on_facebook_and_linkedin(services: Services) -> None:
    ids = _channels(services, Platform.FACEBOOK, Platform.LINKEDIN)
    services.posts.save(
        PostDraft(
            body="Kış tarifesi yayımlandı.",
            channel_ids=list(ids.values()),
            scheduled_at=datetime.now(UTC) - timedelta(minutes=1),
            schedule=True,
            link="https://www.ornek.bel.tr/kis-tarifesi",
        )
    )
    assert _run(services).published == 2
    assert (
        _published(services, ids[Platform.FACEBOOK], Platform.FACEBOOK)[0].link
        == "https://www.ornek.bel.tr/kis-tarifesi"
    )
    assert (
        _published(services, ids[Platform.LINKEDIN], Platform.LINKEDIN)[0].article_url
        == "https://www.ornek.bel.tr/kis-tarifesi"
    )


def test_hand_off_gives_the_post_to_mastodons_scheduler_ahead_of_time(services: Services) -> None:
    ids = _channels(services, Platform.MASTODON, Platform.FACEBOOK, Platform.BLUESKY)
    at = (datetime.now(UTC) + timedelta(hours=3)).replace(microsecond=0)
    services.posts.save(
        PostDraft(
            body="Yarın meclis toplantısı var.",
            channel_ids=list(ids.values()),
            scheduled_at=at,
            schedule=True,
            hand_off={ids[Platform.MASTODON], ids[Platform.FACEBOOK]},
        )
    )
    summary = _run(services)
    assert summary.handed_off == 2, summary
    deliveries = _deliveries(services)
    assert deliveries[ids[Platform.MASTODON]].state == DeliveryState.HANDED_OFF
    assert deliveries[ids[Platform.FACEBOOK]].state == DeliveryState.HANDED_OFF
    assert deliveries[ids[Platform.BLUESKY]].state == DeliveryState.SCHEDULED  # waits for its time here
    mastodon = _published(services, ids[Platform.MASTODON], Platform.MASTODON)
    assert len(mastodon) == 1
    assert mastodon[0].scheduled
    facebook = _published(services, ids[Platform.FACEBOOK], Platform.FACEBOOK)
    assert len(facebook) == 1
    assert facebook[0].scheduled
    assert _published(services, ids[Platform.BLUESKY], Platform.BLUESKY) == []
    assert _run(services).handed_off == 0  # handed over once


def test_hand_off_too_close_to_the_time_publishes_from_here_at_the_time(services: Services) -> None:
    ids = _channels(services, Platform.MASTODON)
    services.posts.save(
        PostDraft(
            body="Birazdan canlı yayın.",
            channel_ids=[ids[Platform.MASTODON]],
            scheduled_at=datetime.now(UTC) + timedelta(minutes=3),
            schedule=True,
            hand_off={ids[Platform.MASTODON]},
        )
    )
    summary = _run(services)
    assert summary.handed_off == 0
    assert summary.published == 0
    assert _deliveries(services)[ids[Platform.MASTODON]].state == DeliveryState.SCHEDULED


def test_a_story_goes_to_instagram_as_a_story_with_its_9_16_picture(services: Services, tmp_path: Path) -> None:
    ids = _channels(services, Platform.INSTAGRAM)
    photo = tmp_path / "meydan.jpg"
    Image.new("RGB", (2400, 1800), "#3a7").save(photo)
    with services.sessions.begin() as session:
        media_id = services.media.import_file(session, photo, alt_text="Cumhuriyet Meydanı").id
    services.posts.save(
        PostDraft(
            body="",
            channel_ids=[ids[Platform.INSTAGRAM]],
            scheduled_at=datetime.now(UTC) - timedelta(minutes=1),
            schedule=True,
            kind=PostKind.STORY,
            media_ids=[media_id],
        )
    )
    summary = _run(services)
    assert summary.published == 1, (summary, [(d.state, d.last_error) for d in _deliveries(services).values()])
    (story,) = _published(services, ids[Platform.INSTAGRAM], Platform.INSTAGRAM)
    assert story.kind == "story"
    variants = list((services.profile.root / "cache" / "variants").rglob("*.jp*g"))
    assert variants
    with Image.open(variants[0]) as variant:
        assert abs(variant.width / variant.height - 9 / 16) < 0.01


def test_a_handed_off_post_is_taken_back_and_can_be_handed_over_again(services: Services) -> None:
    ids = _channels(services, Platform.MASTODON)
    at = (datetime.now(UTC) + timedelta(hours=3)).replace(microsecond=0)
    post_id = services.posts.save(
        PostDraft(
            body="Yarın meclis toplantısı var.",
            channel_ids=[ids[Platform.MASTODON]],
            scheduled_at=at,
            schedule=True,
            hand_off={ids[Platform.MASTODON]},
        )
    )
    assert _run(services).handed_off == 1
    before = _deliveries(services)[ids[Platform.MASTODON]]
    assert services.publisher.handed_off_ids(post_id) == [before.id]

    async def take_back() -> object:
        try:
            return await services.publisher.take_back(before.id)
        finally:
            await services.aclose()

    outcome = asyncio.run(take_back())
    assert type(outcome).__name__ == "Done"
    assert _published(services, ids[Platform.MASTODON], Platform.MASTODON) == []  # cancelled on the platform
    after = _deliveries(services)[ids[Platform.MASTODON]]
    assert after.state == DeliveryState.SCHEDULED
    assert after.remote_id is None
    assert after.idempotency_key != before.idempotency_key  # the old key names the cancelled post
    # Edited and saved again: handed over anew, with the new text.
    services.posts.save(
        PostDraft(
            id=post_id,
            body="Meclis toplantısı ertelendi.",
            channel_ids=[ids[Platform.MASTODON]],
            scheduled_at=at,
            schedule=True,
            hand_off={ids[Platform.MASTODON]},
        )
    )
    assert _run(services).handed_off == 1
    (held,) = _published(services, ids[Platform.MASTODON], Platform.MASTODON)
    assert held.scheduled
    assert held.text == "Meclis toplantısı ertelendi."


def test_a_handed_off_post_shows_as_published_with_its_link_once_the_platform_posted_it(
    services: Services,
) -> None:
    ids = _channels(services, Platform.MASTODON, Platform.FACEBOOK)
    at = (datetime.now(UTC) + timedelta(hours=3)).replace(microsecond=0)
    services.posts.save(
        PostDraft(
            body="Yarın meclis toplantısı var.",
            channel_ids=list(ids.values()),
            scheduled_at=at,
            schedule=True,
            hand_off=set(ids.values()),
        )
    )
    assert _run(services).handed_off == 2
    # Three hours pass: both platforms' schedulers publish it (their clocks and ours moved back).
    earlier = datetime.now(UTC) - timedelta(minutes=30)
    for platform, channel_id in ids.items():
        path = sandbox_state_path(services.profile.root / "sandbox", channel_id)
        state = json.loads(path.read_text(encoding="utf-8"))
        if platform is Platform.MASTODON:
            for scheduled in state["scheduled_statuses"].values():
                scheduled["scheduled_at"] = earlier.isoformat().replace("+00:00", "Z")
        else:
            for obj in state["objects"].values():
                if obj.get("scheduled_publish_time"):
                    obj["scheduled_publish_time"] = int(earlier.timestamp())
        path.write_text(json.dumps(state), encoding="utf-8")
    with services.sessions.begin() as session:
        for delivery in session.scalars(select(Delivery)):
            delivery.scheduled_at = earlier
    summary = _run(services)
    assert summary.reconciled == 2, (summary, [(d.state, d.last_error) for d in _deliveries(services).values()])
    for platform, channel_id in ids.items():
        delivery = _deliveries(services)[channel_id]
        (post,) = _published(services, channel_id, platform)
        assert delivery.state == DeliveryState.PUBLISHED, platform
        assert delivery.permalink == post.url, platform
        assert not post.scheduled


def test_a_pause_takes_back_what_platforms_hold_and_resuming_hands_it_over_again(services: Services) -> None:
    ids = _channels(services, Platform.MASTODON)
    at = (datetime.now(UTC) + timedelta(hours=3)).replace(microsecond=0)
    services.posts.save(
        PostDraft(
            body="Konser yarın akşam.",
            channel_ids=[ids[Platform.MASTODON]],
            scheduled_at=at,
            schedule=True,
            hand_off={ids[Platform.MASTODON]},
        )
    )
    assert _run(services).handed_off == 1
    services.pause.pause("Ulusal yas", None, "mourning")
    paused = _run(services)  # what `kurum-masaustu sync` and the window's runner do while paused
    assert paused.taken_back == 1
    assert paused.ok
    assert _published(services, ids[Platform.MASTODON], Platform.MASTODON) == []
    assert _deliveries(services)[ids[Platform.MASTODON]].state == DeliveryState.SCHEDULED
    services.pause.resume()
    assert _run(services).handed_off == 1
    (held,) = _published(services, ids[Platform.MASTODON], Platform.MASTODON)
    assert held.scheduled
