"""Inbox synchronisation: scripted platforms for every answer, and the Mastodon and Bluesky sandboxes."""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
import pytest_asyncio
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kurum_masaustu.domain import DeliveryState, InboxCategory, InboxKind, InboxStatus, Platform, ReplyState
from kurum_masaustu.platforms.base import (
    AccountInfo,
    ActionOutcome,
    Adapter,
    AuthExpired,
    Done,
    InboxPage,
    Outcome,
    Published,
    PublishRequest,
    RateLimited,
    Rejected,
    RemoteItem,
    Transient,
)
from kurum_masaustu.platforms.bluesky import BlueskyAdapter
from kurum_masaustu.platforms.mastodon import MastodonAdapter
from kurum_masaustu.platforms.sandbox.bluesky import BlueskySandbox
from kurum_masaustu.platforms.sandbox.mastodon import MastodonSandbox
from kurum_masaustu.publishing import inbox_sync
from kurum_masaustu.publishing.inbox_sync import InboxSyncSummary, clean_text, sync_inbox
from kurum_masaustu.rules.inbox import Classification, classify
from kurum_masaustu.services.inbox import InboxFilter, InboxService
from kurum_masaustu.store.models import AuditEntry, Channel, Delivery, InboxItem, InboxItemRevision, Post, Reply

T0 = datetime(2026, 12, 2, 8, 0, tzinfo=UTC)
NOW = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)


def remote(
    remote_id: str,
    text: str,
    *,
    minutes: int = 0,
    kind: InboxKind = InboxKind.COMMENT,
    author: str = "Ayşe Yılmaz",
    handle: str = "@ayse",
    parent: str | None = None,
    post: str | None = None,
    edited: bool = False,
    deleted: bool = False,
) -> RemoteItem:
    return RemoteItem(
        remote_id=remote_id,
        kind=kind,
        author_name=author,
        author_handle=handle,
        text=text,
        created_at=T0 + timedelta(minutes=minutes),
        parent_remote_id=parent,
        post_remote_id=post,
        edited=edited,
        deleted=deleted,
    )


Answer = InboxPage | AuthExpired | RateLimited | Transient | Rejected | Exception


class ScriptedInbox(Adapter):
    """A platform whose inbox answers are scripted; it records the cursors it was given."""

    platform = Platform.MASTODON

    def __init__(self, *answers: Answer) -> None:
        super().__init__(httpx.AsyncClient(), {}, {})
        self.answers: deque[Answer] = deque(answers)
        self.cursors: list[str | None] = []

    async def fetch_inbox(self, cursor: str | None) -> InboxPage | AuthExpired | RateLimited | Transient:
        self.cursors.append(cursor)
        answer = self.answers.popleft() if self.answers else InboxPage((), cursor)
        if isinstance(answer, Exception):
            raise answer
        return answer  # type: ignore[return-value]  # Rejected too: a refused cursor

    async def verify(self) -> AccountInfo:
        return AccountInfo("1", "@belediye", "Belediye")

    async def publish(self, request: PublishRequest) -> Outcome:
        return Rejected("unsupported", "not in this test")

    async def find_published(self, request: PublishRequest, since: datetime) -> Published | None:
        return None

    async def delete(self, remote_id: str) -> ActionOutcome:
        return Done()


@dataclass
class Desk:
    sessions: sessionmaker[Session]
    adapters: dict[int, Adapter | None]
    channel_id: int

    async def adapter_for(self, channel: Channel) -> Adapter | None:
        return self.adapters.get(channel.id)

    async def sync(self, adapter: Adapter | None = None, **kwargs: object) -> InboxSyncSummary:
        if adapter is not None:
            self.adapters[self.channel_id] = adapter
        return await sync_inbox(self.sessions, self.adapter_for, clock=lambda: NOW, **kwargs)  # type: ignore[arg-type]

    def items(self) -> list[InboxItem]:
        with self.sessions() as s:
            return list(s.scalars(select(InboxItem).order_by(InboxItem.id)))

    def item(self, remote_id: str) -> InboxItem:
        with self.sessions() as s:
            return s.scalars(select(InboxItem).where(InboxItem.remote_id == remote_id)).one()

    def cursor(self, channel_id: int | None = None) -> str | None:
        with self.sessions() as s:
            channel = s.get(Channel, channel_id or self.channel_id)
            assert channel is not None
            return channel.inbox_cursor

    def add_channel(self, name: str, *, enabled: bool = True, platform: Platform = Platform.MASTODON) -> int:
        with self.sessions.begin() as s:
            channel = Channel(platform=platform, display_name=name, enabled=enabled)
            s.add(channel)
            s.flush()
            return channel.id


@pytest.fixture
def desk(session_factory: sessionmaker[Session]) -> Desk:
    with session_factory.begin() as s:
        channel = Channel(platform=Platform.MASTODON, display_name="Belediye Mastodon", inbox_cursor="c0")
        s.add(channel)
        s.flush()
        channel_id = channel.id
    return Desk(session_factory, {}, channel_id)


# -- new items, cursors ---------------------------------------------------------------------------
@pytest.mark.asyncio
async def test_new_items_are_stored_classified_and_the_cursor_kept(desk: Desk) -> None:
    platform = ScriptedInbox(
        InboxPage(
            (
                remote("1", "Mahallemizde çöpler üç gündür toplanmadı!", kind=InboxKind.MENTION),
                remote("2", "Kreş başvurusu ne zaman başlıyor?", minutes=1, kind=InboxKind.DIRECT_MESSAGE),
            ),
            "c1",
        ),
        InboxPage((remote("3", "Teşekkürler, harika bir park olmuş", minutes=2),), "c2"),
        InboxPage((), "c2"),
    )
    summary = await desk.sync(platform)
    assert platform.cursors == ["c0", "c1", "c2"]
    assert (summary.new, summary.edited, summary.deleted, summary.ok) == (3, 0, 0, True)
    assert summary.channels[0].reads == 3
    assert desk.cursor() == "c2"
    items = desk.items()
    assert [i.remote_id for i in items] == ["1", "2", "3"]
    first = items[0]
    expected = classify(first.text)
    assert (first.category, first.negative) == (expected.category, expected.negative) == (InboxCategory.COMPLAINT, True)
    assert first.classification_reasons == list(expected.reasons) != []
    assert items[1].category is InboxCategory.QUESTION
    assert items[2].category is InboxCategory.PRAISE
    assert (first.kind, first.platform, first.status, first.received_at) == (
        InboxKind.MENTION,
        Platform.MASTODON,
        InboxStatus.NEW,
        T0,
    )
    assert (first.author_name, first.author_handle) == ("Ayşe Yılmaz", "@ayse")
    # Synced again: nothing new, the same cursor is given.
    again = await desk.sync(ScriptedInbox())
    assert again.new == 0
    assert desk.cursor() == "c2"


@pytest.mark.asyncio
async def test_a_platform_repeating_its_cursor_is_read_once(desk: Desk) -> None:
    page = InboxPage((remote("1", "soru?"),), "c0")  # items, but the cursor does not move
    platform = ScriptedInbox(page, page, page)
    summary = await desk.sync(platform)
    assert platform.cursors == ["c0"]
    assert summary.new == 1


@pytest.mark.asyncio
async def test_a_none_cursor_keeps_the_one_we_had(desk: Desk) -> None:
    await desk.sync(ScriptedInbox(InboxPage((remote("1", "x"),), None)))
    assert desk.cursor() == "c0"


@pytest.mark.asyncio
async def test_duplicated_remote_ids_in_one_read_become_one_item(desk: Desk) -> None:
    page = InboxPage((remote("1", "ilk hali"), remote("1", "ilk hali"), remote("1", "düzeltilmiş hali")), "c1")
    summary = await desk.sync(ScriptedInbox(page))
    items = desk.items()
    assert len(items) == 1
    assert items[0].text == "düzeltilmiş hali"
    assert (summary.new, summary.edited) == (1, 1)
    with desk.sessions() as s:
        assert [r.text for r in s.scalars(select(InboxItemRevision))] == ["ilk hali"]


# -- edits, deletions, corrections -----------------------------------------------------------------
@pytest.mark.asyncio
async def test_edits_keep_the_earlier_text_and_are_classified_again(desk: Desk) -> None:
    await desk.sync(ScriptedInbox(InboxPage((remote("1", "Teşekkürler, çok güzel olmuş"),), "c1")))
    assert desk.item("1").category is InboxCategory.PRAISE
    summary = await desk.sync(ScriptedInbox(InboxPage((remote("1", "Çöpler hâlâ toplanmadı!", edited=True),), "c2")))
    item = desk.item("1")
    assert summary.edited == 1
    assert summary.new == 0
    assert (item.text, item.edited_at, item.category, item.negative) == (
        "Çöpler hâlâ toplanmadı!",
        NOW,
        InboxCategory.COMPLAINT,
        True,
    )
    service = InboxService(desk.sessions)
    assert [r.text for r in service.revisions(item.id)] == ["Teşekkürler, çok güzel olmuş"]
    assert [r.id for r in service.find(InboxFilter(text="çöp"))] == [item.id]  # the index follows the edit
    assert service.find(InboxFilter(text="teşekkür")) == []


@pytest.mark.asyncio
async def test_a_correction_is_never_overwritten_by_sync(desk: Desk) -> None:
    await desk.sync(ScriptedInbox(InboxPage((remote("1", "Kreş ne zaman açılıyor?"),), "c1")))
    service = InboxService(desk.sessions)
    item_id = desk.item("1").id
    assert service.set_category(item_id, InboxCategory.REQUEST, negative=True)
    await desk.sync(
        ScriptedInbox(
            InboxPage(
                (remote("1", "Kreş ne zaman açılıyor? Çöpler de toplanmadı!", edited=True), remote("2", "x")), "c2"
            )
        )
    )
    item = desk.item("1")
    assert item.text.endswith("toplanmadı!")  # the edit is recorded…
    assert (item.category, item.negative, item.category_corrected) == (
        InboxCategory.REQUEST,
        True,
        True,
    )  # …not the verdict


@pytest.mark.asyncio
async def test_deletions_are_recorded_and_the_text_kept(desk: Desk) -> None:
    await desk.sync(ScriptedInbox(InboxPage((remote("1", "Yol çökmüş"), remote("2", "Soru?", minutes=1)), "c1")))
    service = InboxService(desk.sessions)
    assert service.unanswered_count() == 2
    summary = await desk.sync(
        ScriptedInbox(InboxPage((remote("1", "", deleted=True), remote("9", "", deleted=True)), "c2"))
    )
    item = desk.item("1")
    assert summary.deleted == 1
    assert summary.new == 0
    assert (item.text, item.deleted_at) == ("Yol çökmüş", NOW)
    assert service.unanswered_count() == 1
    assert service.find(InboxFilter(text="yol"))[0].deleted
    assert [i.remote_id for i in desk.items()] == ["1", "2"]


@pytest.mark.asyncio
async def test_an_item_first_seen_as_edited_is_marked(desk: Desk) -> None:
    await desk.sync(ScriptedInbox(InboxPage((remote("1", "x", edited=True), remote("2", "y")), "c1")))
    assert desk.item("1").edited_at == NOW
    assert desk.item("2").edited_at is None


# -- links ---------------------------------------------------------------------------------------
@pytest.mark.asyncio
async def test_parents_and_our_deliveries_are_linked(desk: Desk) -> None:
    with desk.sessions.begin() as s:
        post = Post(body="Yol çalışması duyurusu")
        delivery = Delivery(
            channel_id=desk.channel_id, state=DeliveryState.PUBLISHED, remote_id="post-1", published_at=T0
        )
        post.deliveries.append(delivery)
        s.add(post)
        s.flush()
        delivery_id = delivery.id
    page = InboxPage(
        (
            # the child arrives before its parent in the same read
            remote("c2", "Katılıyorum", minutes=3, kind=InboxKind.REPLY, parent="c1"),
            remote("c1", "Ne zaman biter?", minutes=1, kind=InboxKind.REPLY, parent="post-1", post="post-1"),
            remote("m1", "Alakasız bir mesaj", minutes=2, kind=InboxKind.MENTION, parent="elsewhere"),
        ),
        "c1",
    )
    await desk.sync(ScriptedInbox(page))
    c1, c2, m1 = desk.item("c1"), desk.item("c2"), desk.item("m1")
    assert (c1.parent_id, c1.delivery_id, c1.post_remote_id) == (None, delivery_id, "post-1")
    assert (c2.parent_id, c2.delivery_id, c2.parent_remote_id) == (c1.id, delivery_id, "c1")
    assert (m1.parent_id, m1.delivery_id, m1.parent_remote_id) == (None, None, "elsewhere")
    # Later: a citizen answers our reply to c1; the thread is c1's.
    with desk.sessions.begin() as s:
        s.add(Reply(inbox_item_id=c1.id, text="Cuma günü.", state=ReplyState.SENT, remote_id="our-reply"))
    await desk.sync(ScriptedInbox(InboxPage((remote("c3", "Teşekkürler", minutes=9, parent="our-reply"),), "c2")))
    c3 = desk.item("c3")
    assert (c3.parent_id, c3.delivery_id) == (c1.id, delivery_id)
    # And an answer to an item stored in an earlier run.
    await desk.sync(ScriptedInbox(InboxPage((remote("c4", "Ben de", minutes=10, parent="c2"),), "c3")))
    assert desk.item("c4").parent_id == c2.id


# -- platform answers ------------------------------------------------------------------------------
@pytest.mark.asyncio
async def test_a_refused_cursor_is_reset_and_nothing_is_lost(desk: Desk, caplog: pytest.LogCaptureFixture) -> None:
    await desk.sync(ScriptedInbox(InboxPage((remote("1", "eski"),), "c1")))
    platform = ScriptedInbox(
        Rejected("bad_cursor", "min_id is not valid"),
        InboxPage((remote("1", "eski"), remote("2", "yeni", minutes=5)), "fresh"),
    )
    with caplog.at_level(logging.WARNING, logger=inbox_sync.__name__):
        summary = await desk.sync(platform)
    assert platform.cursors == ["c1", None, "fresh"]
    assert summary.channels[0].cursor_reset
    assert summary.ok
    assert summary.new == 1
    assert desk.cursor() == "fresh"
    assert [i.remote_id for i in desk.items()] == ["1", "2"]
    assert any("refused the inbox cursor" in record.getMessage() for record in caplog.records)
    with desk.sessions() as s:
        audit = s.scalars(select(AuditEntry).where(AuditEntry.action == "inbox.cursor_reset")).one()
        assert audit.detail["cursor"] == "c1"


@pytest.mark.asyncio
async def test_a_refusal_without_a_cursor_is_reported(desk: Desk) -> None:
    platform = ScriptedInbox(Rejected("bad_cursor", "no"), Rejected("bad_cursor", "no again"))
    summary = await desk.sync(platform)
    assert platform.cursors == ["c0", None]
    assert summary.channels[0].problem == "rejected"
    assert desk.cursor() is None  # the reset was kept: the next run starts fresh


@pytest.mark.asyncio
async def test_failures_skip_the_channel_and_the_others_go_on(desk: Desk) -> None:
    until = NOW + timedelta(minutes=15)
    second = desk.add_channel("İkinci")
    third = desk.add_channel("Üçüncü")
    fourth = desk.add_channel("Dördüncü")
    fifth = desk.add_channel("Beşinci")
    closed = desk.add_channel("Kapalı", enabled=False)
    desk.adapters.update(
        {
            desk.channel_id: ScriptedInbox(AuthExpired("token revoked")),
            second: ScriptedInbox(RateLimited(until, "300 per 5 minutes")),
            third: ScriptedInbox(Transient("connection reset")),
            fourth: ScriptedInbox(RuntimeError("adapter bug")),
            fifth: ScriptedInbox(InboxPage((remote("ok", "mesaj"),), "f1")),
            closed: ScriptedInbox(InboxPage((remote("no", "mesaj"),), "x")),
        }
    )
    summary = await desk.sync()
    problems = {c.channel_id: c.problem for c in summary.channels}
    assert problems == {
        desk.channel_id: "auth_expired",
        second: "rate_limited",
        third: "transient",
        fourth: "error",
        fifth: None,
    }
    assert summary.channels[1].retry_after == until
    assert "RuntimeError" in summary.channels[3].detail
    assert not summary.ok
    assert len(summary.skipped) == 4
    assert [i.remote_id for i in desk.items()] == ["ok"]
    assert desk.cursor() == "c0"
    assert desk.cursor(fifth) == "f1"
    with desk.sessions() as s:
        channel = s.get(Channel, desk.channel_id)
        assert channel is not None
        assert channel.auth_problem == "token revoked"


@pytest.mark.asyncio
async def test_only_the_channels_asked_for_and_no_adapter(desk: Desk) -> None:
    other = desk.add_channel("Diğer")
    desk.adapters[desk.channel_id] = ScriptedInbox(InboxPage((remote("1", "a"),), "c1"))
    summary = await desk.sync(channels=[other])
    assert [(c.channel_id, c.problem) for c in summary.channels] == [(other, "no_adapter")]
    assert summary.ok  # a channel without an adapter has no inbox: skipped, not failed
    assert len(summary.skipped) == 1
    assert summary.failed == []
    assert desk.items() == []


@pytest.mark.asyncio
async def test_the_cursor_moves_only_with_the_items(desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    """A failure while storing a read leaves both the items and the cursor as they were."""

    def broken_link(*args: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(inbox_sync, "_link", broken_link)
    summary = await desk.sync(ScriptedInbox(InboxPage((remote("1", "a"), remote("2", "b")), "c1")))
    assert summary.channels[0].problem == "error"
    assert desk.items() == []
    assert desk.cursor() == "c0"
    monkeypatch.undo()
    summary = await desk.sync(ScriptedInbox(InboxPage((remote("1", "a"), remote("2", "b")), "c1")))
    assert summary.new == 2
    assert desk.cursor() == "c1"


@pytest.mark.asyncio
async def test_classification_runs_off_the_loop_and_once_per_text(desk: Desk) -> None:
    seen: list[tuple[str, bool]] = []
    main = threading.get_ident()

    def counting(text: str) -> Classification:
        seen.append((text, threading.get_ident() != main))
        return classify(text)

    page = InboxPage((remote("1", "aynı metin"), remote("2", "aynı metin"), remote("3", "başka")), "c1")
    desk.adapters[desk.channel_id] = ScriptedInbox(page)
    await sync_inbox(desk.sessions, desk.adapter_for, classifier=counting)
    assert sorted(seen) == [("aynı metin", True), ("başka", True)]


# -- bad input -----------------------------------------------------------------------------------
@pytest.mark.asyncio
async def test_hostile_messages_are_stored_and_found(desk: Desk) -> None:
    long_text = ("Çöpler toplanmadı ama teşekkürler. " * 1430)[:50_000]
    texts = {
        "long": long_text,
        "emoji": "😡😡😡🤬",
        "nul": "Merhaba\x00dünya",
        "control": "satır\x07zil\x1b[31mkırmızı\x1b[0m",
        "rtl": "Fatura \u202etxet\u202c İSTANBUL",
        "mixed": "Здравствуйте مرحبا 你好 Iğdır",
        "surrogate": "yarım \ud83d emoji",
        "html": "<b>acil</b> <img src=x onerror=alert(1)> <a href='http://kötü.example'>tıkla</a>",
    }
    page = InboxPage(
        tuple(remote(key, value, minutes=n, author="N\x00ame" * 100) for n, (key, value) in enumerate(texts.items())),
        "c1",
    )
    summary = await desk.sync(ScriptedInbox(page))
    assert summary.new == len(texts)
    stored = {item.remote_id: item for item in desk.items()}
    assert stored["long"].text == long_text
    assert len(stored["long"].text) == 50_000
    assert stored["emoji"].text == "😡😡😡🤬"
    assert stored["nul"].text == "Merhaba\ufffddünya"  # NUL: the one character replaced
    assert stored["control"].text == texts["control"]
    assert stored["rtl"].text == texts["rtl"]
    assert stored["mixed"].text == texts["mixed"]
    assert stored["surrogate"].text == "yarım \ufffd emoji"
    assert stored["html"].text == texts["html"]
    assert len(stored["emoji"].author_name) == 300
    assert "\x00" not in stored["emoji"].author_name
    service = InboxService(desk.sessions)

    def found(typed: str) -> set[str]:
        by_id = {item.id: key for key, item in stored.items()}
        return {by_id[row.id] for row in service.find(InboxFilter(text=typed))}

    assert found("toplanmadı") == {"long"}
    assert found("🤬") == {"emoji"}
    assert found("dünya") == {"nul"}
    assert found("zil") == {"control"}  # (ESC[31m glues "31m" to the next word: "31mkırmızı")
    assert found("istanbul") == {"rtl"}
    assert found("ığdır") == {"mixed"}
    assert found("你好") == {"mixed"}
    assert found("tıkla") == {"html"}
    assert found("onerror") == {"html"}


def test_clean_text() -> None:
    assert clean_text("a\x00b") == "a\ufffdb"
    assert clean_text("\ud83d\ude21") == "😡"  # a pair given as two code points is joined
    assert clean_text("\udc00x") == "\ufffdx"
    assert clean_text("düz metin \u202e") == "düz metin \u202e"


# -- the sandboxes -------------------------------------------------------------------------------
MASTODON_TOKEN = "sandbox-token-for-inbox-tests-0123456789"
MASTODON_URL = "https://mastodon.sandbox.invalid"


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


@pytest_asyncio.fixture
async def mastodon(tmp_path: Path) -> AsyncIterator[tuple[MastodonSandbox, MastodonAdapter]]:
    clock = Clock()
    sandbox = MastodonSandbox.open(tmp_path / "mastodon.json", MASTODON_TOKEN, clock=clock)
    async with httpx.AsyncClient(transport=sandbox) as client:

        async def no_sleep(seconds: float) -> None:
            return None

        yield (
            sandbox,
            MastodonAdapter(
                client, {"base_url": MASTODON_URL}, {"access_token": MASTODON_TOKEN}, sleep=no_sleep, clock=clock
            ),
        )


@pytest.mark.asyncio
async def test_mastodon_sandbox_end_to_end(desk: Desk, mastodon: tuple[MastodonSandbox, MastodonAdapter]) -> None:
    sandbox, adapter = mastodon
    with desk.sessions.begin() as s:
        channel = s.get(Channel, desk.channel_id)
        assert channel is not None
        channel.inbox_cursor = None
    published = await adapter.publish(PublishRequest(text="Su kesintisi duyurusu", idempotency_key="duyuru-1"))
    assert isinstance(published, Published)
    with desk.sessions.begin() as s:
        post = Post(body="Su kesintisi duyurusu")
        post.deliveries.append(
            Delivery(channel_id=desk.channel_id, state=DeliveryState.PUBLISHED, remote_id=published.remote_id)
        )
        s.add(post)
        s.flush()
        delivery_id = post.deliveries[0].id
    reply = sandbox.add_citizen_status("mehmet", "Su ne zaman gelecek? Üç gündür yok!", in_reply_to=published.remote_id)
    mention = sandbox.add_citizen_status("ayse@mastodon.social", "Parktaki lamba yanmıyor", display_name="Ayşe Yılmaz")
    dm = sandbox.add_citizen_status("zeynep", "Adresimi özelden yazıyorum", direct=True)

    summary = await desk.sync(adapter)
    assert summary.ok
    assert summary.new == 3
    assert desk.cursor() is not None
    got = {item.remote_id: item for item in desk.items()}
    assert got[reply].kind is InboxKind.REPLY
    assert got[reply].delivery_id == delivery_id
    assert got[mention].kind is InboxKind.MENTION
    assert got[mention].author_name == "Ayşe Yılmaz"
    assert got[dm].kind is InboxKind.DIRECT_MESSAGE
    assert got[reply].negative
    assert got[reply].classification_reasons

    later = sandbox.add_citizen_status("mehmet", "Teşekkürler, su geldi", in_reply_to=reply)
    again = await desk.sync(adapter)
    assert again.new == 1
    assert desk.item(later).parent_id == got[reply].id
    assert desk.item(later).delivery_id == delivery_id
    assert (await desk.sync(adapter)).new == 0


BLUESKY_HANDLE = "ornekbelediye.bsky.social"
BLUESKY_PASSWORD = "abcd-efgh-ijkl-mnop"


@pytest_asyncio.fixture
async def bluesky(tmp_path: Path) -> AsyncIterator[tuple[BlueskySandbox, BlueskyAdapter]]:
    now = [T0.timestamp()]
    sandbox = BlueskySandbox.open(
        tmp_path / "bluesky.json", handle=BLUESKY_HANDLE, app_password=BLUESKY_PASSWORD, clock=lambda: now[0]
    )
    async with httpx.AsyncClient(transport=sandbox, timeout=5) as client:
        yield (
            sandbox,
            BlueskyAdapter(
                client,
                {"base_url": "https://bluesky.sandbox.invalid"},
                {"identifier": BLUESKY_HANDLE, "app_password": BLUESKY_PASSWORD},
            ),
        )


@pytest.mark.asyncio
async def test_bluesky_sandbox_end_to_end(desk: Desk, bluesky: tuple[BlueskySandbox, BlueskyAdapter]) -> None:
    sandbox, adapter = bluesky
    channel_id = desk.add_channel("Belediye Bluesky", platform=Platform.BLUESKY)
    published = await adapter.publish(PublishRequest(text="Yol çalışması duyurusu", idempotency_key="yol"))
    assert isinstance(published, Published)
    with desk.sessions.begin() as s:
        post = Post(body="Yol çalışması duyurusu")
        post.deliveries.append(
            Delivery(channel_id=channel_id, state=DeliveryState.PUBLISHED, remote_id=published.remote_id)
        )
        s.add(post)
        s.flush()
        delivery_id = post.deliveries[0].id
    reply = sandbox.citizen_post("ayse.bsky.social", "Ne zaman biter? Trafik kilit!", reply_to=published.remote_id)
    mention = sandbox.citizen_post("mehmet.bsky.social", f"@{BLUESKY_HANDLE} sokak lambası yanmıyor")
    desk.adapters[channel_id] = adapter
    summary = await sync_inbox(desk.sessions, desk.adapter_for, channels=[channel_id])
    assert summary.ok
    assert summary.new == 2
    with desk.sessions() as s:
        items = {i.remote_id: i for i in s.scalars(select(InboxItem).where(InboxItem.channel_id == channel_id))}
    assert items[reply].delivery_id == delivery_id
    assert items[reply].kind is InboxKind.REPLY
    assert items[mention].kind is InboxKind.MENTION
    assert items[mention].platform is Platform.BLUESKY
    assert desk.cursor(channel_id) is not None
    assert (await sync_inbox(desk.sessions, desk.adapter_for, channels=[channel_id])).new == 0
