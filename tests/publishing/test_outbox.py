"""The outbox against a scripted platform: exactly once, whatever the platform answers."""

from __future__ import annotations

import asyncio
from collections import deque
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kurum_masaustu.domain import DeliveryState, Platform
from kurum_masaustu.platforms.base import (
    AccountInfo,
    ActionOutcome,
    Adapter,
    AuthExpired,
    Done,
    MediaFile,
    Outcome,
    Published,
    PublishRequest,
    RateLimited,
    Rejected,
    Transient,
    Unknown,
)
from kurum_masaustu.publishing.backoff import MAX_ATTEMPTS
from kurum_masaustu.publishing.outbox import MediaRef, Outbox
from kurum_masaustu.rules.permalinks import PermalinkError
from kurum_masaustu.store.models import AuditEntry, Channel, Delivery, Post

START = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += timedelta(**kwargs)


class ScriptedPlatform(Adapter):
    """A platform whose answers the test scripts; it keeps the posts it really created.

    Script entries: "ok", "reject", "auth", ("rate", seconds), "lost" (created, answer lost),
    "down" (not created, network error).
    """

    platform = Platform.MASTODON

    def __init__(self, clock: Clock) -> None:
        super().__init__(httpx.AsyncClient(), {}, {})
        self.clock = clock
        self.script: deque[object] = deque()
        self.posts: dict[str, str] = {}  # idempotency key → text
        self.lookups = 0

    async def verify(self) -> AccountInfo:
        return AccountInfo("1", "@belediye", "Belediye")

    async def publish(self, request: PublishRequest) -> Outcome:
        step = self.script.popleft() if self.script else "ok"
        if step == "reject":
            return Rejected("validation", "Text is too long")
        if step == "auth":
            return AuthExpired("token revoked")
        if isinstance(step, tuple) and step[0] == "rate":
            return RateLimited(self.clock() + timedelta(seconds=step[1]))
        if step == "down":
            return Transient("connection refused")
        self.posts[request.idempotency_key] = request.text
        if step == "lost":
            return Transient("read timeout")
        return Published(f"id-{len(self.posts)}", f"https://sosyal.example/@belediye/{len(self.posts)}")

    async def find_published(self, request: PublishRequest, since: datetime) -> Published | Transient | None:
        self.lookups += 1
        if request.idempotency_key in self.posts:
            return Published("found", "https://sosyal.example/@belediye/found")
        return None

    async def delete(self, remote_id: str) -> ActionOutcome:
        return Done()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def platform(clock: Clock) -> ScriptedPlatform:
    return ScriptedPlatform(clock)


@pytest.fixture
def outbox(session_factory: sessionmaker[Session], platform: ScriptedPlatform, clock: Clock, tmp_path: Path) -> Outbox:
    async def adapter_for(channel: Channel) -> Adapter:
        return platform

    async def media_file(ref: MediaRef, platform: Platform) -> MediaFile:
        return MediaFile(tmp_path / ref.relative_path, ref.mime_type, ref.alt_text)

    return Outbox(session_factory, adapter_for, media_file, clock=clock)


def _schedule(sessions: sessionmaker[Session], text: str, at: datetime, channels: int = 1) -> list[int]:
    with sessions.begin() as s:
        made = [Channel(platform=Platform.MASTODON, display_name=f"Kanal {i}") for i in range(channels)]
        post = Post(body=text)
        post.deliveries = [Delivery(channel=c, scheduled_at=at, state=DeliveryState.SCHEDULED) for c in made]
        s.add(post)
        s.flush()
        return [d.id for d in post.deliveries]


def _delivery(sessions: sessionmaker[Session], delivery_id: int) -> Delivery:
    with sessions() as s:
        found = s.get(Delivery, delivery_id)
        assert found is not None
        return found


def run(outbox: Outbox) -> object:
    return asyncio.run(outbox.run_once())


def test_a_due_delivery_is_published_once_with_its_permalink(
    outbox: Outbox, session_factory: sessionmaker[Session], platform: ScriptedPlatform
) -> None:
    [delivery_id] = _schedule(session_factory, "Yarın su kesintisi var.", START - timedelta(minutes=1))
    summary = asyncio.run(outbox.run_once())
    assert summary.published == 1
    delivery = _delivery(session_factory, delivery_id)
    assert delivery.state is DeliveryState.PUBLISHED
    assert delivery.permalink == "https://sosyal.example/@belediye/1"
    assert delivery.published_at == START
    assert delivery.sending_since is None
    assert list(platform.posts.values()) == ["Yarın su kesintisi var."]
    asyncio.run(outbox.run_once())
    assert len(platform.posts) == 1
    with session_factory() as s:
        assert "delivery.published" in [a.action for a in s.scalars(select(AuditEntry))]


def test_a_future_delivery_waits_for_its_time(
    outbox: Outbox, session_factory: sessionmaker[Session], platform: ScriptedPlatform, clock: Clock
) -> None:
    [delivery_id] = _schedule(session_factory, "Akşam konser", START + timedelta(hours=2))
    asyncio.run(outbox.run_once())
    assert platform.posts == {}
    clock.advance(hours=2)
    asyncio.run(outbox.run_once())
    assert _delivery(session_factory, delivery_id).state is DeliveryState.PUBLISHED


def test_a_rejection_stops_the_delivery_with_the_reason(
    outbox: Outbox, session_factory: sessionmaker[Session], platform: ScriptedPlatform
) -> None:
    [delivery_id] = _schedule(session_factory, "x" * 600, START)
    platform.script.append("reject")
    summary = asyncio.run(outbox.run_once())
    assert summary.failed == 1
    delivery = _delivery(session_factory, delivery_id)
    assert delivery.state is DeliveryState.FAILED
    assert delivery.last_error == "validation: Text is too long"
    asyncio.run(outbox.run_once())
    assert platform.posts == {}


def test_rate_limit_is_respected_until_its_end(
    outbox: Outbox, session_factory: sessionmaker[Session], platform: ScriptedPlatform, clock: Clock
) -> None:
    [delivery_id] = _schedule(session_factory, "Duyuru", START)
    platform.script.append(("rate", 120))
    asyncio.run(outbox.run_once())
    assert _delivery(session_factory, delivery_id).next_attempt_at == START + timedelta(seconds=120)
    clock.advance(seconds=60)
    asyncio.run(outbox.run_once())
    assert platform.posts == {}
    clock.advance(seconds=61)
    asyncio.run(outbox.run_once())
    assert _delivery(session_factory, delivery_id).state is DeliveryState.PUBLISHED


def test_an_answer_lost_after_the_platform_accepted_does_not_double_post(
    outbox: Outbox, session_factory: sessionmaker[Session], platform: ScriptedPlatform, clock: Clock
) -> None:
    [delivery_id] = _schedule(session_factory, "Meclis toplantısı", START)
    platform.script.append("lost")
    summary = asyncio.run(outbox.run_once())
    assert summary.retried == 1
    assert _delivery(session_factory, delivery_id).state is DeliveryState.PUBLISHING
    clock.advance(hours=1)
    summary = asyncio.run(outbox.run_once())
    assert summary.reconciled == 1
    assert _delivery(session_factory, delivery_id).state is DeliveryState.PUBLISHED
    assert len(platform.posts) == 1


def test_a_send_that_never_arrived_is_sent_again_after_a_look_up(
    outbox: Outbox, session_factory: sessionmaker[Session], platform: ScriptedPlatform, clock: Clock
) -> None:
    [delivery_id] = _schedule(session_factory, "Nöbetçi eczaneler", START)
    platform.script.append("down")
    asyncio.run(outbox.run_once())
    clock.advance(minutes=5)
    asyncio.run(outbox.run_once())
    assert platform.lookups == 1
    assert _delivery(session_factory, delivery_id).state is DeliveryState.PUBLISHED
    assert len(platform.posts) == 1


def test_a_delivery_left_in_flight_by_a_crash_is_reconciled_first(
    outbox: Outbox, session_factory: sessionmaker[Session], platform: ScriptedPlatform
) -> None:
    ids = _schedule(session_factory, "Kesinti", START, channels=2)
    with session_factory.begin() as s:  # as if the process died right after rule 1's commit
        for delivery_id in ids:
            delivery = s.get(Delivery, delivery_id)
            assert delivery is not None
            delivery.state = DeliveryState.PUBLISHING
            delivery.sending_since = START
            delivery.attempts = 1
        first = s.get(Delivery, ids[0])
        assert first is not None
        platform.posts[first.idempotency_key] = "Kesinti"  # …and the first one had reached the platform
    summary = asyncio.run(outbox.run_once())
    assert summary.reconciled == 1
    assert summary.published == 1
    assert len(platform.posts) == 2
    assert {_delivery(session_factory, i).state for i in ids} == {DeliveryState.PUBLISHED}


def test_an_expired_token_holds_the_channel_until_reconnected(
    outbox: Outbox, session_factory: sessionmaker[Session], platform: ScriptedPlatform, clock: Clock
) -> None:
    [delivery_id] = _schedule(session_factory, "Duyuru", START)
    platform.script.append("auth")
    asyncio.run(outbox.run_once())
    delivery = _delivery(session_factory, delivery_id)
    assert delivery.state is DeliveryState.SCHEDULED
    with session_factory() as s:
        assert s.get(Channel, delivery.channel_id).auth_problem == "token revoked"  # type: ignore[union-attr]
    clock.advance(minutes=10)
    asyncio.run(outbox.run_once())
    assert platform.posts == {}
    with session_factory.begin() as s:
        s.get(Channel, delivery.channel_id).auth_problem = None  # type: ignore[union-attr]
    asyncio.run(outbox.run_once())  # reconnected within the limit: it goes out
    assert _delivery(session_factory, delivery_id).state is DeliveryState.PUBLISHED


def test_pausing_stops_everything_until_resumed(
    outbox: Outbox, session_factory: sessionmaker[Session], platform: ScriptedPlatform
) -> None:
    ids = _schedule(session_factory, "Kutlama", START, channels=3)
    outbox.pause("Milli yas")
    summary = asyncio.run(outbox.run_once())
    assert summary.waiting == 3
    assert platform.posts == {}
    assert outbox.paused() is not None
    outbox.resume()
    asyncio.run(outbox.run_once())
    assert {_delivery(session_factory, i).state for i in ids} == {DeliveryState.PUBLISHED}


def test_a_pause_with_an_end_time_ends_by_itself(
    outbox: Outbox, session_factory: sessionmaker[Session], platform: ScriptedPlatform, clock: Clock
) -> None:
    _schedule(session_factory, "Duyuru", START)
    outbox.pause("Kriz", until=START + timedelta(minutes=10))
    asyncio.run(outbox.run_once())
    assert platform.posts == {}
    clock.advance(minutes=10)
    assert outbox.paused() is None
    asyncio.run(outbox.run_once())
    assert len(platform.posts) == 1


def test_retries_end_after_the_last_attempt(
    session_factory: sessionmaker[Session], platform: ScriptedPlatform, clock: Clock
) -> None:
    outbox = _policy_outbox(session_factory, platform, clock, "publish_late")  # hours of retries
    [delivery_id] = _schedule(session_factory, "Duyuru", START)
    platform.script.extend(["down"] * MAX_ATTEMPTS)
    for _ in range(MAX_ATTEMPTS):
        asyncio.run(outbox.run_once())
        clock.advance(hours=2)
    delivery = _delivery(session_factory, delivery_id)
    assert delivery.state is DeliveryState.FAILED
    assert delivery.attempts == MAX_ATTEMPTS
    assert delivery.last_error is not None
    assert delivery.last_error.startswith("gave_up")
    assert platform.posts == {}


def test_published_and_failed_deliveries_are_left_alone(outbox: Outbox, session_factory: sessionmaker[Session]) -> None:
    [delivery_id] = _schedule(session_factory, "Eski", START - timedelta(days=1))
    with session_factory.begin() as s:
        d = s.get(Delivery, delivery_id)
        assert d is not None
        d.state = DeliveryState.PUBLISHED
    summary = asyncio.run(outbox.run_once())
    assert summary.published == 0


def test_manual_channels_are_left_to_the_person(
    outbox: Outbox, session_factory: sessionmaker[Session], platform: ScriptedPlatform
) -> None:
    from kurum_masaustu.services.outbox import OutboxService

    with session_factory.begin() as s:
        manual = Channel(platform=Platform.MANUAL, display_name="NSosyal (elle)")
        post = Post(body="Elle paylaşılacak duyuru")
        post.deliveries = [Delivery(channel=manual, scheduled_at=START, state=DeliveryState.SCHEDULED)]
        s.add(post)
        s.flush()
        delivery_id = post.deliveries[0].id
    summary = asyncio.run(outbox.run_once())
    assert summary.published == 0
    assert summary.errors == []
    assert platform.posts == {}
    view = OutboxService(session_factory)
    assert view.manual_text(delivery_id) == "Elle paylaşılacak duyuru"
    with pytest.raises(PermalinkError, match="not_a_link"):
        view.mark_posted_by_hand(delivery_id, "nsosyal gönderisi", START)
    assert _delivery(session_factory, delivery_id).state is DeliveryState.SCHEDULED  # nothing changed
    found = view.mark_posted_by_hand(delivery_id, "https://nsosyal.com/yesilvadi/123", START)
    assert found is not None
    assert (found.platform, found.remote_id, found.note) == (None, None, "unknown")  # kept, no id
    delivery = _delivery(session_factory, delivery_id)
    assert delivery.state is DeliveryState.PUBLISHED
    assert delivery.permalink == "https://nsosyal.com/yesilvadi/123"
    assert delivery.remote_id is None


def test_the_runner_also_reads_the_inboxes_and_reports(outbox: Outbox) -> None:
    from kurum_masaustu.publishing.runner import OutboxRunner

    seen: list[object] = []
    calls = {"inbox": 0}

    async def read_inboxes() -> str:
        calls["inbox"] += 1
        runner.stop()
        return "summary"

    runner = OutboxRunner(outbox, interval_seconds=0.01, inbox=read_inboxes, on_inbox=seen.append)
    asyncio.run(asyncio.wait_for(runner.run(), 5))
    assert calls["inbox"] == 1
    assert seen == ["summary"]
    assert runner.runs == 1


def test_a_platform_that_cannot_tell_parks_the_delivery_for_the_person(
    outbox: Outbox, session_factory: sessionmaker[Session], platform: ScriptedPlatform, clock: Clock
) -> None:
    """A lost answer on a platform whose look-up is blind: never resent on a guess."""
    from kurum_masaustu.services.outbox import OutboxService

    blind: list[int] = []

    async def cannot_tell(request: PublishRequest, since: datetime) -> Unknown:
        blind.append(1)
        return Unknown("the channel has no discussion group")

    platform.find_published = cannot_tell  # type: ignore[method-assign]
    [delivery_id] = _schedule(session_factory, "Cevabı kaybolan duyuru", START - timedelta(minutes=1))
    platform.script.append("lost")
    run(outbox)
    assert len(platform.posts) == 1
    for _ in range(3):
        clock.advance(hours=1)
        summary = asyncio.run(outbox.run_once())
        assert summary.uncertain == 1
        assert summary.published == 0
    assert len(platform.posts) == 1  # sent once, never again
    assert len(blind) == 1  # asked once; then it waits for the person
    parked = _delivery(session_factory, delivery_id)
    assert parked.state is DeliveryState.UNCERTAIN
    assert parked.sending_since is not None
    assert parked.last_error == "uncertain: the channel has no discussion group"
    view = OutboxService(session_factory)
    [row] = [r for r in view.rows(clock()) if r.delivery_id == delivery_id]
    assert row.state is DeliveryState.UNCERTAIN
    assert view.rows(clock())[0].delivery_id == delivery_id  # listed first: it needs the person
    assert not view.cancel(delivery_id)
    with session_factory.begin() as s:
        channel = s.get(Delivery, delivery_id).channel  # type: ignore[union-attr]
        channel.handle = "@belediye"
        channel.settings = {"base_url": "https://sosyal.example"}
    for wrong, code in (
        ("kanalda gördüm", "not_a_link"),
        ("https://t.me/ornekbelediyesi/512", "other_platform"),
        ("https://mastodon.social/@belediye/113526871234567890", "other_host"),
        ("https://sosyal.example/@baskasi/113526871234567890", "other_account"),
    ):
        with pytest.raises(PermalinkError, match=code):
            view.confirm_published(delivery_id, wrong, clock())
        assert _delivery(session_factory, delivery_id).state is DeliveryState.UNCERTAIN  # nothing changed
    assert view.confirm_published(delivery_id, " https://sosyal.example/@belediye/113526871234567890 ", clock())
    done = _delivery(session_factory, delivery_id)
    assert done.state is DeliveryState.PUBLISHED
    assert done.permalink == "https://sosyal.example/@belediye/113526871234567890"
    assert done.remote_id == "113526871234567890"  # delete, metrics and reconcile can find it
    assert done.published_at == START  # when it was sent, not when the person looked
    assert done.sending_since is None
    assert not view.send_again(delivery_id, clock())  # already settled
    with session_factory() as s:
        actions = [a.action for a in s.scalars(select(AuditEntry).where(AuditEntry.entity_id == delivery_id))]
    assert "delivery.uncertain" in actions
    assert "delivery.confirmed_published" in actions


def test_an_uncertain_delivery_the_person_did_not_find_is_sent_again_once(
    outbox: Outbox, session_factory: sessionmaker[Session], platform: ScriptedPlatform, clock: Clock
) -> None:
    from kurum_masaustu.services.outbox import OutboxService

    async def cannot_tell(request: PublishRequest, since: datetime) -> Unknown:
        return Unknown("Telegram keeps updates for 24 hours only")

    platform.find_published = cannot_tell  # type: ignore[method-assign]
    [delivery_id] = _schedule(session_factory, "Gitmeyen duyuru", START - timedelta(minutes=1))
    platform.script.append("down")  # nothing reached the platform, but we cannot know that
    run(outbox)
    clock.advance(minutes=10)
    run(outbox)
    assert _delivery(session_factory, delivery_id).state is DeliveryState.UNCERTAIN
    assert platform.posts == {}
    assert OutboxService(session_factory).send_again(delivery_id, clock())
    summary = asyncio.run(outbox.run_once())
    assert summary.published == 1
    assert summary.uncertain == 0
    assert list(platform.posts.values()) == ["Gitmeyen duyuru"]
    assert _delivery(session_factory, delivery_id).state is DeliveryState.PUBLISHED


def _policy_outbox(
    session_factory: sessionmaker[Session], platform: ScriptedPlatform, clock: Clock, policy: str
) -> Outbox:
    from kurum_masaustu.rules.missed_slot import parse_policy

    async def adapter_for(channel: Channel) -> Adapter:
        return platform

    async def media_file(ref: MediaRef, _platform: Platform) -> MediaFile:
        raise AssertionError("no media in these posts")

    return Outbox(session_factory, adapter_for, media_file, clock=clock, missed_policy=lambda: parse_policy(policy))


@pytest.mark.parametrize("policy", ["ask", "publish_late", "drop"])
def test_a_post_whose_time_passed_while_the_app_was_closed_follows_the_missed_slot_policy(
    policy: str, session_factory: sessionmaker[Session], platform: ScriptedPlatform, clock: Clock
) -> None:
    from kurum_masaustu.services.outbox import OutboxService

    outbox = _policy_outbox(session_factory, platform, clock, policy)
    run(outbox)  # the app ran at 09:00 …
    [on_time] = _schedule(session_factory, "Zamanında", START + timedelta(minutes=30))
    [missed] = _schedule(session_factory, "Saat 10 duyurusu", START + timedelta(hours=1))
    clock.advance(hours=4)  # … then the laptop stayed closed until 13:00
    [just_due] = _schedule(session_factory, "Şimdi", clock() - timedelta(minutes=2))
    summary = asyncio.run(outbox.run_once())
    published = sorted(platform.posts.values())
    view = OutboxService(session_factory)
    if policy == "publish_late":
        assert published == sorted(["Zamanında", "Saat 10 duyurusu", "Şimdi"])
        assert summary.missed == 0
    else:
        assert published == ["Şimdi"]  # a little late is on time
        state = _delivery(session_factory, missed).state
        assert _delivery(session_factory, on_time).state is state
        if policy == "ask":
            assert state is DeliveryState.MISSED
            assert summary.missed == 2
            rows = view.rows(clock())
            assert {r.delivery_id for r in rows[:2]} == {on_time, missed}  # listed first: they need the person
            assert view.publish_missed(missed, clock())
            assert view.keep_missed_as_draft(on_time)
            assert not view.keep_missed_as_draft(just_due)
            again = asyncio.run(outbox.run_once())
            assert again.missed == 0
            assert sorted(platform.posts.values()) == ["Saat 10 duyurusu", "Şimdi"]
            assert _delivery(session_factory, on_time).state is DeliveryState.DRAFT
        else:
            assert state is DeliveryState.DRAFT
            assert summary.dropped == 2
            assert _delivery(session_factory, missed).last_error == "missed_slot: 180 minutes late"
    assert _delivery(session_factory, just_due).state is DeliveryState.PUBLISHED
    # Nothing the person made is lost: every post is still there.
    with session_factory() as s:
        assert sorted(p.body for p in s.scalars(select(Post))) == sorted(["Zamanında", "Saat 10 duyurusu", "Şimdi"])


@pytest.mark.parametrize("policy", ["ask", "publish_late", "drop"])
def test_a_post_held_by_a_rate_limit_while_the_app_runs_follows_the_missed_slot_policy(
    policy: str, session_factory: sessionmaker[Session], platform: ScriptedPlatform, clock: Clock
) -> None:
    outbox = _policy_outbox(session_factory, platform, clock, policy)
    [delivery_id] = _schedule(session_factory, "Sıradaki", START - timedelta(minutes=1))
    platform.script.append(("rate", 3 * 3600))
    run(outbox)
    for _ in range(4):  # the window keeps running while the platform holds it for three hours
        clock.advance(hours=1)
        run(outbox)
    state = _delivery(session_factory, delivery_id).state
    if policy == "publish_late":
        assert state is DeliveryState.PUBLISHED
        assert list(platform.posts.values()) == ["Sıradaki"]
    else:
        assert state is (DeliveryState.MISSED if policy == "ask" else DeliveryState.DRAFT)
        assert platform.posts == {}


def test_a_retry_chain_that_began_on_time_asks_once_past_the_limit_after_looking_the_post_up(
    session_factory: sessionmaker[Session], platform: ScriptedPlatform, clock: Clock
) -> None:
    from kurum_masaustu.services.outbox import OutboxService

    outbox = _policy_outbox(session_factory, platform, clock, "ask")
    [delivery_id] = _schedule(session_factory, "Su kesintisi", START)
    platform.script.extend(["down", "down"])
    run(outbox)  # 09:00, the first attempt, on time: the platform is down
    clock.advance(minutes=2)
    run(outbox)  # a retry inside the limit goes out (and fails again)
    assert _delivery(session_factory, delivery_id).attempts == 2
    lookups = platform.lookups
    clock.advance(minutes=30)
    summary = asyncio.run(outbox.run_once())
    assert platform.lookups == lookups + 1  # looked up before anything else: it is not there
    delivery = _delivery(session_factory, delivery_id)
    assert delivery.state is DeliveryState.MISSED
    assert delivery.attempts == 2
    assert delivery.sending_since is None
    assert summary.missed == 1
    assert platform.posts == {}
    assert OutboxService(session_factory).publish_missed(delivery_id, clock())
    clock.advance(minutes=1)
    run(outbox)
    assert list(platform.posts.values()) == ["Su kesintisi"]


def test_a_retry_that_had_reached_the_platform_is_recorded_not_asked(
    session_factory: sessionmaker[Session], platform: ScriptedPlatform, clock: Clock
) -> None:
    outbox = _policy_outbox(session_factory, platform, clock, "ask")
    [delivery_id] = _schedule(session_factory, "Su kesintisi", START)
    platform.script.append("lost")  # created at 09:00, the answer lost
    run(outbox)
    clock.advance(hours=3)
    summary = asyncio.run(outbox.run_once())
    assert summary.reconciled == 1
    assert summary.missed == 0
    assert _delivery(session_factory, delivery_id).state is DeliveryState.PUBLISHED
    assert list(platform.posts.values()) == ["Su kesintisi"]


def test_what_fell_due_during_a_pause_is_asked_about_unless_the_resume_review_said_publish(
    session_factory: sessionmaker[Session], platform: ScriptedPlatform, clock: Clock
) -> None:
    from kurum_masaustu.services.outbox import OutboxService

    outbox = _policy_outbox(session_factory, platform, clock, "ask")
    run(outbox)
    outbox.pause("Deprem", mode="crisis")
    [reviewed, unreviewed] = _schedule(session_factory, "Konser duyurusu", START + timedelta(hours=1), channels=2)
    clock.advance(hours=5)
    summary = asyncio.run(outbox.run_once())
    assert summary.waiting == 2
    assert platform.posts == {}
    assert _delivery(session_factory, reviewed).state is DeliveryState.SCHEDULED
    # The window's resume review: the person chose "publish now" for one of them.
    assert OutboxService(session_factory).approve_late([reviewed], clock()) == 1
    outbox.resume()
    clock.advance(minutes=1)
    summary = asyncio.run(outbox.run_once())
    assert list(platform.posts.values()) == ["Konser duyurusu"]
    assert _delivery(session_factory, reviewed).state is DeliveryState.PUBLISHED
    assert _delivery(session_factory, unreviewed).state is DeliveryState.MISSED  # resumed 4 h late: asked
    assert summary.missed == 1


def test_moving_a_post_in_the_calendar_answers_a_missed_slot_and_leaves_an_uncertain_one(
    session_factory: sessionmaker[Session],
) -> None:
    from kurum_masaustu.rules.timeutil import to_local
    from kurum_masaustu.services.posts import PostService

    missed, uncertain = _schedule(session_factory, "Konser duyurusu", START - timedelta(hours=3), channels=2)
    with session_factory.begin() as s:
        for delivery_id, state in ((missed, DeliveryState.MISSED), (uncertain, DeliveryState.UNCERTAIN)):
            delivery = s.get(Delivery, delivery_id)
            assert delivery is not None
            delivery.state = state
        post_id = delivery.post_id
    tomorrow = to_local(START).date() + timedelta(days=1)
    result = PostService(session_factory).reschedule(post_id, tomorrow, now=START)
    assert (result.moved, result.kept_published) == (1, 1)
    moved = _delivery(session_factory, missed)
    assert moved.state is DeliveryState.SCHEDULED
    assert to_local(moved.scheduled_at).date() == tomorrow  # type: ignore[arg-type]
    assert _delivery(session_factory, uncertain).state is DeliveryState.UNCERTAIN
    assert _delivery(session_factory, uncertain).scheduled_at == START - timedelta(hours=3)
