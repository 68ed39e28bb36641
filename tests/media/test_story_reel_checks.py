"""A story or reel in the composer: its video is probed off the UI thread and checked against
Instagram's story/reel rules before it can be scheduled."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from kurum_masaustu.app import Services
from kurum_masaustu.domain import Platform, PostKind
from kurum_masaustu.services.autosave import Autosave
from kurum_masaustu.store.models import Channel
from kurum_masaustu.ui.composer_pane import ComposerPane


def test_a_reel_too_short_for_instagram_blocks_and_says_why(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    services: Services,
    clip_maker: Callable[..., Path],
    tmp_path: Path,
) -> None:
    with services.sessions.begin() as session:
        channel = Channel(platform=Platform.INSTAGRAM, display_name="Belediye Instagram", handle="bel")
        session.add(channel)
        session.flush()
        channel_id = channel.id
    short = clip_maker(tmp_path / "kisa.mp4", seconds=1.0, size=(540, 960))
    longer = clip_maker(tmp_path / "uzun.mp4", seconds=4.0, size=(540, 960))
    with services.sessions.begin() as session:
        ids = [services.media.import_file(session, path).id for path in (short, longer)]

    async def no_import(_path: object) -> None:
        raise AssertionError

    composer = ComposerPane(services.posts, no_import, Autosave(services.profile.root / "autosave" / "c.json"))
    qtbot.addWidget(composer)
    composer.media_root = services.profile.media_dir
    composer.channel_checks[channel_id].setChecked(True)
    composer.kinds.set_kind(PostKind.REEL)
    composer._set_media(services.posts.media(ids[:1]))

    def blocked_as_too_short() -> None:
        composer.update_checks()
        (result,) = composer.previews.results
        assert any("çok kısa" in note.message and note.blocking for note in result.notes)

    qtbot.waitUntil(blocked_as_too_short, timeout=10_000)
    assert composer.save(schedule=True) is None  # blocked, text and media kept
    assert [m.id for m in composer._media] == ids[:1]

    composer._set_media(services.posts.media(ids[1:]))

    def fits() -> None:
        composer.update_checks()
        (result,) = composer.previews.results
        assert ids[1] in composer._video_facts
        assert not result.blocking

    qtbot.waitUntil(fits, timeout=10_000)
    composer.body_edit.setPlainText("Kış festivali başlıyor!")
    assert composer.save(schedule=True) is not None
