"""The composer: post kinds (only those the chosen channels take), per-channel texts, hand-off to
the platform's scheduler and each delivery's state, over a real profile."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtGui import QStandardItemModel
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kurum_masaustu.app import Services
from kurum_masaustu.domain import DeliveryState, Platform, PostKind
from kurum_masaustu.rules.kinds import THREAD_BREAK
from kurum_masaustu.services.autosave import Autosave
from kurum_masaustu.store.models import Channel, Delivery, Post
from kurum_masaustu.ui.composer_pane import ComposerPane

PLATFORMS = (Platform.X, Platform.FACEBOOK, Platform.MASTODON, Platform.INSTAGRAM, Platform.BLUESKY)


@pytest.fixture
def ids(services: Services) -> dict[Platform, int]:
    with services.sessions.begin() as s:
        made = {p: Channel(platform=p, display_name=f"Belediye {p.value}", handle="bel") for p in PLATFORMS}
        s.add_all(made.values())
        s.flush()
        return {p: c.id for p, c in made.items()}


@pytest.fixture
def composer(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, services: Services, ids: dict[Platform, int]
) -> ComposerPane:
    async def no_import(_path: object) -> None:
        raise AssertionError("no media in these tests")

    pane = ComposerPane(services.posts, no_import, Autosave(services.profile.root / "autosave" / "composer.json"))
    qtbot.addWidget(pane)
    pane.restore_autosave()
    pane.show()
    pane.when_edit.setDateTime(pane.when_edit.dateTime().addDays(1))
    return pane


def choose(composer: ComposerPane, ids: dict[Platform, int], *platforms: Platform) -> None:
    for platform, channel_id in ids.items():
        composer.channel_checks[channel_id].setChecked(platform in platforms)


def enabled_kinds(composer: ComposerPane) -> set[PostKind]:
    model = composer.kinds.kind_combo.model()
    assert isinstance(model, QStandardItemModel)
    return {
        PostKind(composer.kinds.kind_combo.itemData(row))
        for row in range(model.rowCount())
        if model.item(row).isEnabled()
    }


def test_only_kinds_every_chosen_channel_takes_are_offered_and_the_others_say_why(
    composer: ComposerPane, ids: dict[Platform, int]
) -> None:
    choose(composer, ids, Platform.X, Platform.MASTODON)
    assert enabled_kinds(composer) == {PostKind.TEXT, PostKind.POLL, PostKind.THREAD}
    choose(composer, ids, Platform.X, Platform.FACEBOOK)
    assert enabled_kinds(composer) == {PostKind.TEXT}
    note = composer.kinds.kind_note.text()
    assert "Facebook has no polls" in note
    assert "Facebook has no threads" in note
    choose(composer, ids, Platform.INSTAGRAM)
    assert enabled_kinds(composer) == {PostKind.TEXT, PostKind.STORY, PostKind.REEL}


def test_a_poll_is_checked_per_platform_saved_and_loaded(
    composer: ComposerPane, services: Services, ids: dict[Platform, int]
) -> None:
    choose(composer, ids, Platform.X, Platform.MASTODON)
    composer.kinds.set_kind(PostKind.POLL)
    composer.body_edit.setPlainText("Yeni parkın adı ne olsun?")
    composer.kinds.option_edits[0].setText("Çınar Parkı")
    composer.kinds.option_edits[1].setText("Cumhuriyet Meydanı ve Çevresi Parkı")  # 35: too long for X (25)
    composer.update_checks()
    results = {r.channel.platform: r for r in composer.previews.results}
    assert results[Platform.X].blocking
    assert not results[Platform.MASTODON].blocking
    assert composer.save(schedule=True) is None
    assert "too long" in composer.message_label.text()
    assert composer.body_edit.toPlainText() == "Yeni parkın adı ne olsun?"  # nothing lost

    composer.kinds.option_edits[1].setText("Gençlik Parkı")
    composer.kinds.duration_combo.setCurrentIndex(composer.kinds.duration_combo.findData(3 * 24 * 60))
    post_id = composer.save(schedule=True)
    assert post_id is not None
    with services.sessions() as session:
        post = session.get(Post, post_id)
        assert post is not None
        assert post.kind == PostKind.POLL
        assert post.poll == {"options": ["Çınar Parkı", "Gençlik Parkı"], "minutes": 3 * 24 * 60, "multiple": False}

    composer.new_post()
    assert composer.kinds.kind() is PostKind.TEXT
    assert composer.load(post_id)
    assert composer.kinds.kind() is PostKind.POLL
    assert [e.text() for e in composer.kinds.option_edits[:3]] == ["Çınar Parkı", "Gençlik Parkı", ""]
    assert composer.kinds.duration_combo.currentData() == 3 * 24 * 60


def test_a_thread_is_split_where_asked_and_previewed_part_by_part(
    composer: ComposerPane, ids: dict[Platform, int]
) -> None:
    choose(composer, ids, Platform.X, Platform.BLUESKY)
    composer.kinds.set_kind(PostKind.THREAD)
    composer.body_edit.setPlainText("Bu bir cümle ve zincirin bir parçası. " * 20)
    composer.kinds.split_for_strictest()
    text = composer.body_edit.toPlainText()
    assert text.count(f"\n{THREAD_BREAK}\n") >= 2
    composer.update_checks()
    results = {r.channel.platform: r for r in composer.previews.results}
    assert len(results[Platform.X].parts) == text.count(f"\n{THREAD_BREAK}\n") + 1
    assert not results[Platform.X].blocking
    assert results[Platform.X].parts[0].endswith(f"(1/{len(results[Platform.X].parts)})")
    # The person moves a break: the parts follow.
    composer.body_edit.setPlainText("Giriş.\n---\n" + "Bu bir cümle. " * 5)
    composer.update_checks()
    results = {r.channel.platform: r for r in composer.previews.results}
    assert results[Platform.BLUESKY].parts == ("Giriş. (1/2)", ("Bu bir cümle. " * 5).strip() + " (2/2)")
    composer.body_edit.undo()  # the split is one undo step
    composer.kinds.remove_breaks()
    assert THREAD_BREAK not in composer.body_edit.toPlainText()


def test_a_channel_can_have_its_own_text_with_its_own_counter_and_go_back_to_the_main_text(
    composer: ComposerPane, services: Services, ids: dict[Platform, int]
) -> None:
    choose(composer, ids, Platform.X, Platform.MASTODON)
    composer.body_edit.setPlainText("Ana duyuru metni.")
    editor = composer.overrides
    editor.select(ids[Platform.X])
    assert editor.editor.isReadOnly()
    editor.write_own()
    editor.editor.setPlainText("X için kısa ve çok uzun metin " * 12)
    assert "/ 280" in editor.counter_label.text()
    assert "Too long" in editor.problems_label.text()
    composer.update_checks()
    results = {r.channel.platform: r for r in composer.previews.results}
    assert results[Platform.X].blocking
    assert not results[Platform.MASTODON].blocking
    assert "✎ 1" in composer.tabs.tabText(composer.tabs.indexOf(editor))
    editor.editor.setPlainText("X için kısa metin.")
    post_id = composer.save(schedule=False)
    with services.sessions() as session:
        deliveries = {d.channel_id: d for d in session.scalars(select(Delivery).where(Delivery.post_id == post_id))}
        assert deliveries[ids[Platform.X]].text_override == "X için kısa metin."
        assert deliveries[ids[Platform.MASTODON]].text_override is None

    # The main text changes: the channel with its own text keeps it; "back to the main text" drops it.
    composer.body_edit.setPlainText("Yeni ana metin.")
    assert editor.text_for(ids[Platform.X]) == "X için kısa metin."
    assert editor.text_for(ids[Platform.MASTODON]) == "Yeni ana metin."
    editor.select(ids[Platform.X])
    editor.reset_current()
    assert editor.text_for(ids[Platform.X]) == "Yeni ana metin."
    composer.save(schedule=False)
    with services.sessions() as session:
        assert all(d.text_override is None for d in session.scalars(select(Delivery)))


def test_hand_off_is_offered_where_the_platform_schedules_and_its_trade_off_explained(
    composer: ComposerPane, services: Services, ids: dict[Platform, int]
) -> None:
    assert set(composer.hand_off_checks) == {ids[Platform.MASTODON], ids[Platform.FACEBOOK]}
    assert not composer.hand_off_checks[ids[Platform.MASTODON]].isEnabled()  # not chosen yet
    choose(composer, ids, Platform.MASTODON, Platform.X)
    box = composer.hand_off_checks[ids[Platform.MASTODON]]
    assert box.isEnabled()
    box.setChecked(True)
    assert composer.hand_off_note.isVisible()
    assert "even with this computer off" in composer.hand_off_note.text()
    composer.body_edit.setPlainText("Meclis toplantısı yarın.")
    post_id = composer.save(schedule=True)
    assert post_id is not None
    with services.sessions() as session:
        deliveries = {d.channel_id: d for d in session.scalars(select(Delivery))}
    assert deliveries[ids[Platform.MASTODON]].native_schedule
    assert not deliveries[ids[Platform.X]].native_schedule
    assert "Scheduled" in composer.state_labels[ids[Platform.X]].text()
    assert "handed to the platform" in composer.state_labels[ids[Platform.MASTODON]].text()
    # A thread cannot be handed over (its replies answer posts that do not exist yet).
    composer.kinds.set_kind(PostKind.THREAD)
    assert not box.isEnabled()
    composer.kinds.set_kind(PostKind.TEXT)
    assert box.isEnabled()


def test_each_deliverys_state_shows_with_its_link_or_reason(
    composer: ComposerPane, services: Services, ids: dict[Platform, int]
) -> None:
    choose(composer, ids, Platform.MASTODON, Platform.X)
    composer.body_edit.setPlainText("Duyuru <b>kalın değil</b>")
    post_id = composer.save(schedule=True)
    assert post_id is not None
    with services.sessions.begin() as session:
        for delivery in session.scalars(select(Delivery)):
            if delivery.channel_id == ids[Platform.MASTODON]:
                delivery.state = DeliveryState.PUBLISHED
                delivery.permalink = "https://sosyal.example/@bel/1?a=1&b=<2>"
                delivery.published_at = datetime.now(UTC) - timedelta(minutes=1)
            else:
                delivery.state = DeliveryState.FAILED
                delivery.last_error = "auth_expired"
    composer.load(post_id)
    mastodon = composer.state_labels[ids[Platform.MASTODON]].text()
    assert "Published" in mastodon
    assert 'href="https://sosyal.example/@bel/1?a=1&amp;b=&lt;2&gt;"' in mastodon  # escaped, not markup
    failed = composer.state_labels[ids[Platform.X]].text()
    assert "Failed" in failed
    assert "reconnected" in failed
    assert not composer.channel_checks[ids[Platform.MASTODON]].isEnabled()  # published: stays as it is


def test_kind_poll_texts_and_hand_off_survive_a_crash(
    qtbot: QtBot, composer: ComposerPane, services: Services, ids: dict[Platform, int]
) -> None:
    choose(composer, ids, Platform.MASTODON)
    composer.kinds.set_kind(PostKind.POLL)
    composer.body_edit.setPlainText("Hangi gün?")
    composer.kinds.option_edits[0].setText("Salı")
    composer.kinds.option_edits[1].setText("Çarşamba")
    composer.overrides.select(ids[Platform.MASTODON])
    composer.overrides.write_own()
    composer.overrides.editor.setPlainText("Hangi gün uygun?")
    composer.hand_off_checks[ids[Platform.MASTODON]].setChecked(True)
    composer.autosave_now()

    async def no_import(_path: object) -> None:
        raise AssertionError

    again = ComposerPane(services.posts, no_import, Autosave(services.profile.root / "autosave" / "composer.json"))
    qtbot.addWidget(again)
    assert again.restore_autosave()
    assert again.kinds.kind() is PostKind.POLL
    assert [e.text() for e in again.kinds.option_edits[:2]] == ["Salı", "Çarşamba"]
    assert again.overrides.text_for(ids[Platform.MASTODON]) == "Hangi gün uygun?"
    assert again.hand_off_channels() == {ids[Platform.MASTODON]}


def test_a_handed_off_post_is_taken_back_from_the_composer_and_by_a_pause(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, services: Services
) -> None:
    from kurum_masaustu.services.channels import ChannelService
    from kurum_masaustu.services.posts import PostDraft
    from kurum_masaustu.ui.main_window import MainWindow

    with services.sessions.begin() as session:
        channel = Channel(platform=Platform.MASTODON, display_name="Belediye Mastodon", handle="bel", sandbox=True)
        session.add(channel)
        session.flush()
        channel_id = channel.id
    ChannelService(services.sessions, services.credentials()).connect_sandbox_channels()
    at = datetime.now(UTC) + timedelta(hours=3)
    posts = [
        services.posts.save(
            PostDraft(body=text, channel_ids=[channel_id], scheduled_at=at, schedule=True, hand_off={channel_id})
        )
        for text in ("Birinci duyuru.", "İkinci duyuru.")
    ]
    assert qloop.run_until_complete(services.publisher.run_once()).handed_off == 2
    window = MainWindow(services)
    qtbot.addWidget(window)
    composer = window.composer
    assert composer.load(posts[0])
    assert composer.take_back_button.isVisibleTo(composer)
    assert not composer.channel_checks[channel_id].isEnabled()  # held by the platform: locked
    assert "platform" in composer.message_label.text()
    qloop.run_until_complete(composer.take_back())
    assert "Taken back from 1 channel" in composer.message_label.text()
    assert composer.channel_checks[channel_id].isEnabled()
    assert not composer.take_back_button.isVisibleTo(composer)
    with services.sessions() as session:
        states = {d.post_id: d.state for d in session.scalars(select(Delivery))}
    # Taken back to be edited: a draft until scheduled anew (not handed over again meanwhile).
    assert states == {posts[0]: DeliveryState.DRAFT, posts[1]: DeliveryState.HANDED_OFF}

    # A pause (crisis) takes back everything the platforms hold.
    window.pause_publishing("Kriz", mode="crisis")

    def all_back() -> None:
        with services.sessions() as session:
            states = {d.post_id: d.state for d in session.scalars(select(Delivery))}
        # Taken back for the pause: still scheduled here, handed over again after it.
        assert states == {posts[0]: DeliveryState.DRAFT, posts[1]: DeliveryState.SCHEDULED}

    qtbot.waitUntil(all_back, timeout=10_000)
    qloop.run_until_complete(services.aclose())


def test_a_link_is_a_card_on_facebook_and_part_of_the_text_elsewhere(
    composer: ComposerPane, ids: dict[Platform, int]
) -> None:
    choose(composer, ids, Platform.X, Platform.FACEBOOK)
    composer.body_edit.setPlainText("Kış tarifesi yayımlandı.")
    composer.kinds.link_edit.setText("https://www.ornek.bel.tr/kis-tarifesi")
    composer.update_checks()
    results = {r.channel.platform: r for r in composer.previews.results}
    assert results[Platform.FACEBOOK].shown_text == "Kış tarifesi yayımlandı.\n\n🔗 www.ornek.bel.tr"
    assert results[Platform.X].shown_text == "Kış tarifesi yayımlandı.\n\nhttps://www.ornek.bel.tr/kis-tarifesi"
    assert results[Platform.X].counts[0].used == len("Kış tarifesi yayımlandı.\n\n") + 23  # X counts a link 23
    composer.kinds.link_edit.setText("ornek bel tr")
    composer.update_checks()
    assert all(r.blocking for r in composer.previews.results)
    assert composer.save(schedule=True) is None
    assert "web address" in composer.message_label.text()


def test_a_story_says_its_text_is_not_posted(composer: ComposerPane, ids: dict[Platform, int]) -> None:
    choose(composer, ids, Platform.INSTAGRAM)
    composer.kinds.set_kind(PostKind.STORY)
    composer.body_edit.setPlainText("Festival yarın!")
    composer.update_checks()
    (result,) = composer.previews.results
    assert [(n.message, n.blocking) for n in result.notes] == [
        ("A story needs exactly one image or video.", True),
        ("A story has no caption: the text is not posted (put the words in the picture).", False),
    ]


def test_posts_still_held_by_platforms_during_a_pause_are_taken_back_at_start(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, services: Services
) -> None:
    from kurum_masaustu.services.channels import ChannelService
    from kurum_masaustu.services.posts import PostDraft
    from kurum_masaustu.ui.main_window import MainWindow

    with services.sessions.begin() as session:
        channel = Channel(platform=Platform.MASTODON, display_name="Belediye Mastodon", handle="bel", sandbox=True)
        session.add(channel)
        session.flush()
        channel_id = channel.id
    ChannelService(services.sessions, services.credentials()).connect_sandbox_channels()
    at = datetime.now(UTC) + timedelta(hours=3)
    services.posts.save(
        PostDraft(body="Duyuru.", channel_ids=[channel_id], scheduled_at=at, schedule=True, hand_off={channel_id})
    )
    assert qloop.run_until_complete(services.publisher.run_once()).handed_off == 1
    services.pause.pause("Ulusal yas", None, "mourning")  # e.g. set while the app could not reach the platform
    window = MainWindow(services)
    qtbot.addWidget(window)
    window._take_back_if_paused()  # what the window does at start and when back online

    def taken_back() -> None:
        with services.sessions() as session:
            assert [d.state for d in session.scalars(select(Delivery))] == [DeliveryState.SCHEDULED]

    qtbot.waitUntil(taken_back, timeout=10_000)
    qloop.run_until_complete(services.aclose())
