"""Helper process for ``test_crash_matrix.py``: the real outbox, stopped at a named point so the test
can SIGKILL it there. Test-only: the pause hooks wrap the sandbox transport (and the sandbox state's
JSON writer) inside this process; no product code knows about them.

Usage (``PYTHONPATH=src``):

``crash_worker.py setup PROFILE --platforms mastodon,bluesky[,telegram] [--no-discussion]``
    A profile with one sandbox channel per platform (secrets in the keyring, as the demo and
    ``channel add --sandbox`` give them), three due posts to every channel (text, one image, two
    images) and one unscheduled draft. Prints ``{"channels": {platform: id}, "posts": [ids], …}``.

``crash_worker.py publish PROFILE --pause PLATFORM:POINT[:N] --control DIR``
    Runs ``Outbox.run_once`` on the profile (holding its lock, as ``kurum-masaustu sync`` does)
    and stops at the N-th (default first) occurrence of POINT on PLATFORM:

    - ``before_create``: the request that creates the post is about to leave (the delivery is
      already committed as ``publishing``);
    - ``after_create``: the platform accepted that request and stored the post; its answer has
      not reached the outbox, which has not committed anything;
    - ``before_upload`` / ``after_upload``: the same around a media upload (for Telegram, where
      the file travels inside the send call, ``before_upload`` is that multipart send);
    - ``state_write``: inside the sandbox's state save during the creating request, after half
      of the new JSON was written to the temporary file;
    - ``media_write``: inside the sandbox's write of an uploaded file, after half of it was written.

    At the point it writes ``DIR/paused`` (atomically) and sleeps until killed. If the point
    never comes it writes ``DIR/finished`` and exits 0.

``crash_worker.py cli ARGS...``
    ``kurum-masaustu ARGS...`` (the real command line) in a process where the Telegram channel is
    registered: used only while ``publishing/registry.py`` has no Telegram entry yet.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import json
import os
import re
import sys
import time
import types
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx

from kurum_masaustu.domain import Platform, PostKind

TEXTS = (
    "Yarın 09.00-13.00 arası Çankaya'da su kesintisi olacaktır. #SuKesintisi",
    "Kış yol çalışması başladı 🚧 Sürücülerimizin dikkatine.",
    "Yeni parkımız açıldı! Açılıştan kareler. #HalkaHizmet",
)
MEDIA_PER_POST = (0, 1, 2)
DRAFT = "Taslak: bayram mesajı, başkan onayı bekleniyor."  # saved, never scheduled: must stay a draft
TELEGRAM_CHAT = "@ornekbelediyesi"
PAUSE_SECONDS = 600

#: What creates a post / uploads a file, per platform: (method, path pattern).
CREATE = {
    "mastodon": re.compile(r"POST /api/v1/statuses"),
    "bluesky": re.compile(r"POST /xrpc/com\.atproto\.repo\.createRecord"),
    "telegram": re.compile(r"POST /bot[^/]+/send(?:Message|Photo|Video|Animation|MediaGroup|Poll)", re.IGNORECASE),
}
UPLOAD = {
    "mastodon": re.compile(r"POST /api/v2/media"),
    "bluesky": re.compile(r"POST /xrpc/com\.atproto\.repo\.uploadBlob"),
    "telegram": re.compile(r"POST /bot[^/]+/send(?:Photo|Video|Animation|MediaGroup)", re.IGNORECASE),
}
POINTS = ("before_create", "after_create", "before_upload", "after_upload", "state_write", "media_write")


def ensure_telegram_registered() -> None:
    """Until publishing/registry.py has the Telegram entry, add it in this process only."""
    from kurum_masaustu.publishing import registry

    if registry.support_for(Platform.TELEGRAM) is None:
        extra: dict[str, Any] = {}
        if "sandbox_settings" in getattr(registry.PlatformSupport, "__dataclass_fields__", {}):
            extra["sandbox_settings"] = {"chat_id": TELEGRAM_CHAT}
        registry.SUPPORT[Platform.TELEGRAM] = registry.PlatformSupport(
            "kurum_masaustu.platforms.telegram:TelegramAdapter",
            "kurum_masaustu.platforms.sandbox.telegram:TelegramSandbox",
            "https://telegram.sandbox.invalid",
            ("bot_token",),
            ("chat_id",),
            **extra,
        )


# -- setup ---------------------------------------------------------------------------------------
def _png(color: tuple[int, int, int], size: tuple[int, int]) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, "PNG")
    return buffer.getvalue()


def setup(root: Path, platforms: list[str], discussion: bool) -> dict[str, Any]:
    import secrets

    from kurum_masaustu.app import build_services
    from kurum_masaustu.paths import Profile
    from kurum_masaustu.services.channels import ChannelService
    from kurum_masaustu.services.posts import PostDraft, PostService
    from kurum_masaustu.settings import Settings

    profile = Profile(root).ensure()
    settings = Settings.load(profile.settings_file)
    # The matrix is about exactly once, and a template serves cases for minutes: publish its due
    # posts however late (the missed-slot rule has its own tests).
    settings.missed_slot_policy = "publish_late"
    settings.save(profile.settings_file)
    settings.ensure_profile_id(profile.settings_file)
    services = build_services(profile, settings)
    try:
        channels = ChannelService(services.sessions, services.credentials(), actor="crash-matrix")
        ids: dict[str, int] = {}
        for name in platforms:
            platform = Platform(name)
            if platform is Platform.MASTODON:
                ids[name] = channels.add(
                    platform, "Belediye (Mastodon)", "@belediye",
                    secrets={"access_token": secrets.token_urlsafe(32)}, sandbox=True,
                )  # fmt: skip
            elif platform is Platform.BLUESKY:
                ids[name] = channels.add(
                    platform, "Belediye (Bluesky)", "belediye.bsky.social",
                    secrets={"identifier": "belediye.bsky.social", "app_password": secrets.token_urlsafe(16)},
                    sandbox=True,
                )  # fmt: skip
            elif platform is Platform.TELEGRAM:
                from kurum_masaustu.platforms.sandbox.core import SandboxState
                from kurum_masaustu.platforms.sandbox.telegram import initial_state
                from kurum_masaustu.publishing.adapters import sandbox_state_path

                ids[name] = channels.add(
                    platform, "Belediye (Telegram)", TELEGRAM_CHAT, settings={"chat_id": TELEGRAM_CHAT},
                    secrets={"bot_token": secrets.token_urlsafe(32)}, sandbox=True,
                )  # fmt: skip
                if not discussion:  # the channel has no linked discussion group
                    SandboxState(
                        sandbox_state_path(profile.root / "sandbox", ids[name]), initial_state(None, discussion=False)
                    )
            else:
                raise SystemExit(f"no sandbox for {name}")
        media_ids: list[int] = []
        with services.sessions.begin() as session:
            for index, color in enumerate(((200, 40, 40), (40, 160, 60))):
                data = _png(color, (640 + index * 16, 480))
                media_ids.append(services.media.import_bytes(session, data, f"foto-{index + 1}.png", "Açılış").id)
        posts = PostService(services.sessions, actor="crash-matrix")
        now = datetime.now(UTC)
        post_ids = []
        for index, (text, count) in enumerate(zip(TEXTS, MEDIA_PER_POST, strict=True)):
            draft = PostDraft(
                body=text,
                channel_ids=list(ids.values()),
                scheduled_at=now - timedelta(minutes=10 - index),  # due, in this order
                schedule=True,
                kind=PostKind.TEXT if count == 0 else (PostKind.IMAGE if count == 1 else PostKind.CAROUSEL),
                media_ids=media_ids[:count],
            )
            post_ids.append(posts.save(draft))
        posts.save(PostDraft(body=DRAFT, channel_ids=list(ids.values()), media_ids=media_ids[:1]))
    finally:
        services.close()
    return {"channels": ids, "posts": post_ids, "texts": list(TEXTS), "media": list(MEDIA_PER_POST), "draft": DRAFT}


# -- publishing with a pause ---------------------------------------------------------------------
@dataclass
class Pause:
    platform: str
    point: str
    nth: int
    control: Path
    seen: dict[str, int] = field(default_factory=dict)
    armed: bool = False  # state_write: the next save of the sandbox state stops half-way
    armed_media: bool = False  # media_write: the next file the sandbox writes stops half-way

    def stop_here(self) -> None:
        """Tell the test where we are, then wait to be killed."""
        sys.stdout.flush()
        tmp = self.control / "paused.tmp"
        tmp.write_text(self.point, encoding="utf-8")
        os.replace(tmp, self.control / "paused")
        time.sleep(PAUSE_SECONDS)  # blocking on purpose: nothing else may run until the kill
        raise SystemExit("the test did not kill the worker")

    def hit(self, kind: str) -> bool:
        self.seen[kind] = self.seen.get(kind, 0) + 1
        return self.seen[kind] == self.nth


def _platform_of(transport: httpx.AsyncBaseTransport) -> str:
    name = type(transport).__name__.lower()
    return next(p for p in ("mastodon", "bluesky", "telegram") if p in name)


class PausingTransport(httpx.AsyncBaseTransport):
    """Passes requests to a sandbox, stopping at the pause point."""

    def __init__(self, inner: httpx.AsyncBaseTransport, pause: Pause) -> None:
        self.inner = inner
        self.pause = pause
        self.platform = _platform_of(inner)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        pause = self.pause
        line = f"{request.method} {request.url.path}"
        mine = self.platform == pause.platform
        creates = mine and bool(CREATE[self.platform].match(line))
        uploads = mine and bool(UPLOAD[self.platform].match(line))
        stop_after = False
        if pause.point in ("before_create", "after_create", "state_write") and creates and pause.hit("create"):
            if pause.point == "before_create":
                pause.stop_here()
            stop_after = pause.point == "after_create"
            pause.armed = pause.point == "state_write"
        elif pause.point in ("before_upload", "after_upload", "media_write") and uploads and pause.hit("upload"):
            if pause.point == "before_upload":
                await request.aread()  # the body is in hand; the platform never sees it
                pause.stop_here()
            stop_after = pause.point == "after_upload"
            pause.armed_media = pause.point == "media_write"
        response = await self.inner.handle_async_request(request)
        if stop_after:
            await response.aread()
            pause.stop_here()
        return response


def _install(pause: Pause) -> None:
    from kurum_masaustu.platforms.sandbox import core
    from kurum_masaustu.publishing import adapters

    original_client = adapters.sandbox_client

    def pausing_client(transport: httpx.AsyncBaseTransport, base_url: str) -> httpx.AsyncClient:
        return original_client(PausingTransport(transport, pause), base_url)

    adapters.sandbox_client = pausing_client  # type: ignore[assignment]

    real_json = json

    def dump(obj: Any, handle: Any, **kwargs: Any) -> None:
        if not pause.armed:
            real_json.dump(obj, handle, **kwargs)
            return
        text = real_json.dumps(obj, **kwargs)
        handle.write(text[: len(text) // 2])
        handle.flush()
        os.fsync(handle.fileno())
        pause.stop_here()

    core.json = types.SimpleNamespace(dump=dump, dumps=real_json.dumps, loads=real_json.loads)  # type: ignore[assignment]

    real_write_bytes = Path.write_bytes

    def write_bytes(path: Path, data: Any) -> int:
        if not pause.armed_media:
            return real_write_bytes(path, data)
        with path.open("wb") as handle:
            handle.write(bytes(data)[: len(data) // 2])
            handle.flush()
            os.fsync(handle.fileno())
        pause.stop_here()
        return 0

    Path.write_bytes = write_bytes  # type: ignore[method-assign]

    # Sandboxes store uploads with core.write_file_atomic (temp file + rename): stop it after
    # half of the temporary file is on disk, before the rename that makes it visible.
    real_fdopen = core.os.fdopen

    class _HalfWriter:
        def __init__(self, handle: Any) -> None:
            self._handle = handle

        def __enter__(self) -> _HalfWriter:
            return self

        def __exit__(self, *exc: object) -> None:
            self._handle.close()

        def write(self, data: bytes) -> int:
            self._handle.write(bytes(data)[: len(data) // 2])
            self._handle.flush()
            os.fsync(self._handle.fileno())
            pause.stop_here()
            return 0

    def fdopen(fd: int, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        handle = real_fdopen(fd, mode, *args, **kwargs)
        if pause.armed_media and "b" in mode:
            return _HalfWriter(handle)
        return handle

    core.os = types.SimpleNamespace(**{**vars(os), "fdopen": fdopen})  # type: ignore[assignment]


def publish(root: Path, spec: str, control: Path) -> int:
    platform, point, *rest = spec.split(":")
    if platform not in CREATE or point not in POINTS:
        raise SystemExit(f"unknown pause {spec!r}")
    pause = Pause(platform, point, int(rest[0]) if rest else 1, control)
    _install(pause)
    from kurum_masaustu.commands import open_profile

    async def run(services: Any) -> Any:
        try:
            return await services.publisher.run_once()
        finally:
            await services.aclose()

    with open_profile(argparse.Namespace(profile=str(root))) as services:
        summary = asyncio.run(run(services))
    (control / "finished").write_text(json.dumps({"published": summary.published}), encoding="utf-8")
    return 0


def main(argv: list[str]) -> int:
    ensure_telegram_registered()
    if argv and argv[0] == "cli":
        from kurum_masaustu.cli import main as cli_main

        return cli_main(argv[1:])
    parser = argparse.ArgumentParser(prog="crash_worker")
    commands = parser.add_subparsers(dest="command", required=True)
    made = commands.add_parser("setup")
    made.add_argument("profile", type=Path)
    made.add_argument("--platforms", required=True)
    made.add_argument("--no-discussion", action="store_true")
    run = commands.add_parser("publish")
    run.add_argument("profile", type=Path)
    run.add_argument("--pause", required=True)
    run.add_argument("--control", type=Path, required=True)
    args = parser.parse_args(argv)
    if args.command == "setup":
        print(json.dumps(setup(args.profile, args.platforms.split(","), not args.no_discussion)))
        return 0
    return publish(args.profile, args.pause, args.control)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
