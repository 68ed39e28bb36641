"""Replies to citizens go out exactly once, tested against the sandbox platforms' reply endpoints:
a lost answer is reconciled by the idempotency key (Mastodon, Bluesky) or parked for the person
to check (Facebook), never sent twice on a guess."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
import pytest_asyncio
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kurum_masaustu.domain import InboxKind, InboxStatus, Platform, ReplyState
from kurum_masaustu.platforms.base import Adapter, Published, PublishRequest
from kurum_masaustu.platforms.bluesky import BlueskyAdapter
from kurum_masaustu.platforms.facebook import FacebookAdapter
from kurum_masaustu.platforms.mastodon import MastodonAdapter
from kurum_masaustu.platforms.sandbox.bluesky import BlueskySandbox
from kurum_masaustu.platforms.sandbox.facebook import FacebookSandbox
from kurum_masaustu.platforms.sandbox.mastodon import MastodonSandbox
from kurum_masaustu.publishing.replies import ReplySender
from kurum_masaustu.store.models import AuditEntry, Channel, InboxItem, Reply

T0 = datetime(2026, 12, 2, 8, 0, tzinfo=UTC)
MASTODON_TOKEN = "mastodon-sandbox-token-0123456789"
MASTODON_URL = "https://mastodon.sandbox.invalid"
FB_TOKEN = "EAAsandbox-page-token-for-tests-0123456789"
BLUESKY_HANDLE = "ornekbelediye.bsky.social"
BLUESKY_PASSWORD = "abcd-efgh-ijkl-mnop"


@dataclass
class Clock:
    now: datetime = T0

    def __call__(self) -> datetime:
        return self.now


async def no_sleep(_seconds: float) -> None:
    return None


@dataclass
class Desk:
    sessions: sessionmaker[Session]
    clock: Clock
    adapters: dict[int, Adapter] = field(default_factory=dict)

    async def adapter_for(self, channel: Channel) -> Adapter | None:
        return self.adapters.get(channel.id)

    def sender(self) -> ReplySender:
        return ReplySender(self.sessions, self.adapter_for, clock=self.clock)

    def channel(self, platform: Platform, adapter: Adapter) -> int:
        with self.sessions.begin() as s:
            channel = Channel(platform=platform, display_name=f"Belediye {platform.value}")
            s.add(channel)
            s.flush()
            self.adapters[channel.id] = adapter
            return channel.id

    def item(self, channel_id: int, remote_id: str, text: str = "Su ne zaman gelecek?") -> int:
        with self.sessions.begin() as s:
            channel = s.get(Channel, channel_id)
            assert channel is not None
            item = InboxItem(
                channel_id=channel_id,
                platform=channel.platform,
                remote_id=remote_id,
                author_name="Ayşe Yılmaz",
                author_handle="ayse",
                text=text,
                kind=InboxKind.REPLY,
                received_at=T0 - timedelta(hours=1),
            )
            s.add(item)
            s.flush()
            return item.id

    def reply(self, reply_id: int) -> Reply:
        with self.sessions() as s:
            found = s.get(Reply, reply_id)
            assert found is not None
            return found

    def status(self, item_id: int) -> InboxStatus:
        with self.sessions() as s:
            item = s.get(InboxItem, item_id)
            assert item is not None
            return item.status

    def actions(self, item_id: int) -> list[str]:
        with self.sessions() as s:
            return list(
                s.scalars(
                    select(AuditEntry.action)
                    .where(AuditEntry.entity == "inbox_item", AuditEntry.entity_id == item_id)
                    .order_by(AuditEntry.id)
                )
            )


@pytest.fixture
def desk(session_factory: sessionmaker[Session]) -> Desk:
    return Desk(session_factory, Clock())


@pytest_asyncio.fixture
async def mastodon(tmp_path: Path, desk: Desk) -> AsyncIterator[MastodonSandbox]:
    sandbox = MastodonSandbox.open(tmp_path / "mastodon.json", MASTODON_TOKEN, clock=desk.clock)
    async with httpx.AsyncClient(transport=sandbox) as client:
        adapter = MastodonAdapter(
            client, {"base_url": MASTODON_URL}, {"access_token": MASTODON_TOKEN}, sleep=no_sleep, clock=desk.clock
        )
        desk.channel(Platform.MASTODON, adapter)
        yield sandbox


def our_replies(sandbox: MastodonSandbox, parent: str) -> list[dict[str, Any]]:
    return [
        status
        for status in sandbox.data["statuses"].values()
        if str(status.get("in_reply_to_id")) == parent and str(status.get("account_id")) == sandbox.account_id
    ]


@pytest.mark.asyncio
async def test_a_queued_reply_is_sent_once_and_the_item_answered(desk: Desk, mastodon: MastodonSandbox) -> None:
    parent = mastodon.add_citizen_status("mehmet", "Su ne zaman gelecek? Üç gündür yok!")
    item_id = desk.item(1, parent)
    reply_id = desk.sender().queue(item_id, "Merhaba, ekiplerimiz arıza üzerinde çalışıyor.")
    summary = await desk.sender().run_once()
    assert summary.sent == 1
    sent = desk.reply(reply_id)
    assert sent.state is ReplyState.SENT
    assert sent.remote_id is not None
    assert sent.sent_at == T0
    assert desk.status(item_id) is InboxStatus.ANSWERED
    found = our_replies(mastodon, parent)
    assert len(found) == 1
    assert "ekiplerimiz arıza" in found[0]["text"]
    assert (await desk.sender().run_once()).sent == 0  # nothing left to send
    assert len(our_replies(mastodon, parent)) == 1
    assert desk.actions(item_id) == ["reply.queued", "reply.sent"]


@pytest.mark.asyncio
async def test_a_lost_answer_is_reconciled_with_the_same_key_not_sent_twice(
    desk: Desk, mastodon: MastodonSandbox
) -> None:
    parent = mastodon.add_citizen_status("mehmet", "Çöpler toplanmadı")
    item_id = desk.item(1, parent)
    reply_id = desk.sender().queue(item_id, "Bildiriminiz için teşekkür ederiz.")
    mastodon.faults.timeout_after_accept = 1  # the platform posts it, the answer never arrives
    first = await desk.sender().run_once()
    assert first.retried == 1
    assert desk.reply(reply_id).state is ReplyState.SENDING
    assert len(our_replies(mastodon, parent)) == 1
    desk.clock.now += timedelta(minutes=40)  # past the back-off, within Mastodon's key hour
    second = await desk.sender().run_once()
    assert second.reconciled == 1
    reply = desk.reply(reply_id)
    assert reply.state is ReplyState.SENT
    assert reply.remote_id == str(our_replies(mastodon, parent)[0]["id"])
    assert len(our_replies(mastodon, parent)) == 1


@pytest.mark.asyncio
async def test_after_a_crash_mid_request_the_reply_is_not_duplicated(desk: Desk, mastodon: MastodonSandbox) -> None:
    parent = mastodon.add_citizen_status("mehmet", "Yol ne zaman açılacak?")
    item_id = desk.item(1, parent)
    reply_id = desk.sender().queue(item_id, "Çalışma cuma günü bitecek.")
    with desk.sessions() as s:
        key = s.get(Reply, reply_id).idempotency_key  # type: ignore[union-attr]
    # The app sent the request, the platform made the reply, then the app was killed before rule 2.
    adapter = desk.adapters[1]
    assert isinstance(await adapter.reply(parent, "Çalışma cuma günü bitecek.", key), Published)
    with desk.sessions.begin() as s:
        reply = s.get(Reply, reply_id)
        assert reply is not None
        reply.state, reply.sending_since, reply.attempts = ReplyState.SENDING, T0, 1
    summary = await desk.sender().run_once()
    assert summary.reconciled == 1
    assert len(our_replies(mastodon, parent)) == 1
    assert desk.reply(reply_id).state is ReplyState.SENT


@pytest.mark.asyncio
async def test_a_reply_in_flight_longer_than_mastodons_key_hour_is_left_for_the_person(
    desk: Desk, mastodon: MastodonSandbox
) -> None:
    parent = mastodon.add_citizen_status("mehmet", "Park ne zaman açılır?")
    item_id = desk.item(1, parent)
    reply_id = desk.sender().queue(item_id, "Park yarın açılıyor.")
    mastodon.faults.timeout_after_accept = 1
    await desk.sender().run_once()
    desk.clock.now += timedelta(hours=2)
    summary = await desk.sender().run_once()
    assert summary.uncertain == 1
    assert desk.reply(reply_id).state is ReplyState.UNCERTAIN
    assert len(our_replies(mastodon, parent)) == 1
    desk.sender().confirm(reply_id, arrived=True)
    assert desk.reply(reply_id).state is ReplyState.SENT
    assert desk.status(item_id) is InboxStatus.ANSWERED
    assert "reply.uncertain" in desk.actions(item_id)
    assert desk.actions(item_id)[-1] == "reply.confirmed_sent"


@pytest.mark.asyncio
async def test_a_refused_reply_is_failed_with_the_reason(desk: Desk, mastodon: MastodonSandbox) -> None:
    item_id = desk.item(1, "999999999")  # a status the platform does not have
    reply_id = desk.sender().queue(item_id, "Teşekkürler.")
    summary = await desk.sender().run_once()
    assert summary.failed == 1
    reply = desk.reply(reply_id)
    assert reply.state is ReplyState.FAILED
    assert reply.last_error
    assert desk.status(item_id) is InboxStatus.NEW


def test_queue_refuses_empty_text_and_missing_items_and_reuses_the_draft(desk: Desk) -> None:
    with desk.sessions.begin() as s:
        s.add(Channel(platform=Platform.MASTODON, display_name="Belediye"))
    item_id = desk.item(1, "123")
    sender = desk.sender()
    with pytest.raises(ValueError, match="empty"):
        sender.queue(item_id, "   ")
    with pytest.raises(ValueError, match="no_item"):
        sender.queue(item_id + 100, "Merhaba")
    with desk.sessions.begin() as s:
        draft = Reply(inbox_item_id=item_id, text="taslak", state=ReplyState.DRAFT)
        s.add(draft)
        s.flush()
        draft_id = draft.id
    assert sender.queue(item_id, "Son hali", reply_id=draft_id) == draft_id
    assert desk.reply(draft_id).state is ReplyState.QUEUED
    assert desk.reply(draft_id).text == "Son hali"


@pytest_asyncio.fixture
async def facebook(tmp_path: Path, desk: Desk) -> AsyncIterator[tuple[FacebookSandbox, FacebookAdapter]]:
    sandbox = FacebookSandbox.open(tmp_path / "facebook.json", FB_TOKEN, clock=desk.clock)
    async with httpx.AsyncClient(transport=sandbox) as client:
        adapter = FacebookAdapter(
            client,
            {"base_url": "https://graph.facebook.sandbox.invalid"},
            {"page_access_token": FB_TOKEN},
            sleep=no_sleep,
            clock=desk.clock,
        )
        desk.channel(Platform.FACEBOOK, adapter)
        yield sandbox, adapter


def page_comments(sandbox: FacebookSandbox, under: str) -> list[dict[str, Any]]:
    return [
        o
        for o in sandbox.data["objects"].values()
        if o.get("type") == "comment" and o.get("parent_id") == under and o.get("from_id") == sandbox.page_id
    ]


@pytest.mark.asyncio
async def test_facebook_a_lost_answer_is_not_guessed_the_person_decides(
    desk: Desk, facebook: tuple[FacebookSandbox, FacebookAdapter]
) -> None:
    sandbox, adapter = facebook
    post = await adapter.publish(PublishRequest(text="Su kesintisi duyurusu", idempotency_key="post-1"))
    assert isinstance(post, Published)
    comment = sandbox.add_citizen_comment(post.remote_id, "Ayşe Yılmaz", "Bizim sokak da etkilenecek mi?")
    item_id = desk.item(1, comment)
    reply_id = desk.sender().queue(item_id, "Merhaba, Lale Sokak da etkilenecek.")
    sandbox.faults.timeout_after_accept = 1
    assert (await desk.sender().run_once()).retried == 1
    desk.clock.now += timedelta(hours=1)
    summary = await desk.sender().run_once()
    assert summary.uncertain == 1
    assert len(page_comments(sandbox, comment)) == 1  # made once, never again on a guess
    assert desk.reply(reply_id).state is ReplyState.UNCERTAIN
    assert (await desk.sender().run_once()).sent == 0
    desk.sender().confirm(reply_id, arrived=False)  # the person says: send it again
    assert (await desk.sender().run_once()).sent == 1
    assert len(page_comments(sandbox, comment)) == 2  # the person asked for it


@pytest.mark.asyncio
async def test_facebook_reply_goes_under_the_comment(
    desk: Desk, facebook: tuple[FacebookSandbox, FacebookAdapter]
) -> None:
    sandbox, adapter = facebook
    post = await adapter.publish(PublishRequest(text="Park açılışı", idempotency_key="post-2"))
    assert isinstance(post, Published)
    comment = sandbox.add_citizen_comment(post.remote_id, "Mehmet Kaya", "Teşekkürler belediye")
    item_id = desk.item(1, comment)
    desk.sender().queue(item_id, "Güzel sözleriniz için teşekkür ederiz.")
    assert (await desk.sender().run_once()).sent == 1
    found = page_comments(sandbox, comment)
    assert [c["message"] for c in found] == ["Güzel sözleriniz için teşekkür ederiz."]


@pytest_asyncio.fixture
async def bluesky(tmp_path: Path, desk: Desk) -> AsyncIterator[BlueskySandbox]:
    now = [T0.timestamp()]
    sandbox = BlueskySandbox.open(
        tmp_path / "bluesky.json", handle=BLUESKY_HANDLE, app_password=BLUESKY_PASSWORD, clock=lambda: now[0]
    )
    async with httpx.AsyncClient(transport=sandbox, timeout=5) as client:
        adapter = BlueskyAdapter(
            client,
            {"base_url": "https://bluesky.sandbox.invalid"},
            {"identifier": BLUESKY_HANDLE, "app_password": BLUESKY_PASSWORD},
        )
        desk.channel(Platform.BLUESKY, adapter)
        yield sandbox


@pytest.mark.asyncio
async def test_bluesky_a_lost_answer_and_a_crash_leave_one_reply(desk: Desk, bluesky: BlueskySandbox) -> None:
    adapter = desk.adapters[1]
    post = await adapter.publish(PublishRequest(text="Yol çalışması duyurusu", idempotency_key="yol"))
    assert isinstance(post, Published)
    citizen = bluesky.citizen_post("ayse.bsky.social", "Ne zaman biter?", reply_to=post.remote_id)
    item_id = desk.item(1, citizen)
    first_id = desk.sender().queue(item_id, "Cuma akşamı bitmesi planlanıyor.")
    bluesky.faults.timeout_after_accept = 1  # the adapter asks again with the same record key
    assert (await desk.sender().run_once()).sent == 1
    assert desk.reply(first_id).state is ReplyState.SENT

    second_id = desk.sender().queue(item_id, "Güncelleme: çalışma perşembe bitti.")
    with desk.sessions() as s:
        key = s.get(Reply, second_id).idempotency_key  # type: ignore[union-attr]
    assert isinstance(await adapter.reply(citizen, "Güncelleme: çalışma perşembe bitti.", key), Published)
    with desk.sessions.begin() as s:  # killed after the request, before the outcome was stored
        reply = s.get(Reply, second_id)
        assert reply is not None
        reply.state, reply.sending_since, reply.attempts = ReplyState.SENDING, T0, 1
    assert (await desk.sender().run_once()).reconciled == 1
    assert desk.reply(second_id).state is ReplyState.SENT
    texts = [p.text for p in bluesky.published()]
    assert texts.count("Cuma akşamı bitmesi planlanıyor.") == 1
    assert texts.count("Güncelleme: çalışma perşembe bitti.") == 1
