"""Headless commands for IT and scripts: ``channel``, ``sandbox`` and ``sync``. No Qt here.

Messages are Turkish (the people running these are the institution's IT staff); exit codes:
0 success, 1 something failed, 2 bad input or a refused database, 3 the profile is busy.
Secrets are read from standard input, never from arguments or the environment.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from kurum_masaustu.domain import Platform
from kurum_masaustu.paths import Profile, default_profile_dir

if TYPE_CHECKING:
    from kurum_masaustu.app import Services

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT, EXIT_BUSY = 0, 1, 2, 3

#: The secret each platform asks for on standard input.
STDIN_SECRET = {
    Platform.MASTODON: "access_token",
    Platform.BLUESKY: "app_password",
    Platform.TELEGRAM: "bot_token",
    Platform.FACEBOOK: "page_access_token",
    Platform.INSTAGRAM: "access_token",
    Platform.X: "access_token",
    Platform.LINKEDIN: "access_token",
}


def _err(message: str) -> None:
    print(message, file=sys.stderr)


@contextmanager
def open_profile(args: argparse.Namespace, wait_seconds: float = 0) -> Iterator[Services]:
    """The profile's services, holding its lock (the window must not run meanwhile)."""
    from kurum_masaustu.app import build_services, create_preset_channels
    from kurum_masaustu.logging_setup import setup_logging, teardown_logging
    from kurum_masaustu.profile_lock import ProfileLock
    from kurum_masaustu.settings import Settings

    profile = Profile(Path(args.profile).expanduser().resolve() if args.profile else default_profile_dir()).ensure()
    lock = ProfileLock(profile.root)
    lock.acquire(wait_seconds)
    setup_logging(profile.log_dir)
    settings = Settings.load(profile.settings_file)
    settings.ensure_profile_id(profile.settings_file)
    services = build_services(profile, settings)
    try:
        create_preset_channels(services)
        yield services
    finally:
        services.close()
        teardown_logging()
        lock.release()


def run_command(args: argparse.Namespace) -> int:
    from kurum_masaustu.profile_lock import ProfileBusyError
    from kurum_masaustu.store.database import DatabaseRefusedError, NewerDatabaseError

    handlers = {"channel": _channel, "sandbox": _sandbox, "sync": _sync}
    try:
        return handlers[args.command](args)
    except ProfileBusyError:
        _err("Bu profil şu anda başka bir pencerede ya da eşitlemede açık. Kapatıp yeniden deneyin.")
        return EXIT_BUSY
    except NewerDatabaseError as exc:
        _err(f"Profildeki veritabanı Kurum Masaüstü'nün daha yeni bir sürümüyle yazılmış; dokunulmadı: {exc.path}")
        return EXIT_BAD_INPUT
    except DatabaseRefusedError as exc:
        _err(f"Bu dosya bir Kurum Masaüstü veritabanı değil; dokunulmadı: {exc.path}")
        return EXIT_BAD_INPUT


# -- channel ------------------------------------------------------------------------------
def _read_secret(stream: TextIO) -> str:
    if stream.isatty():
        import getpass

        return getpass.getpass("Gizli anahtar (ekranda görünmez): ").strip()
    return stream.readline().strip()


def _channel(args: argparse.Namespace) -> int:
    from kurum_masaustu.rules.timeutil import local_to_utc
    from kurum_masaustu.services.channels import ChannelError, ChannelService

    with open_profile(args) as services:
        channels = ChannelService(services.sessions, services.credentials(), actor="komut satırı")
        if args.action == "list":
            rows = channels.list()
            managed = channels.managed()
            if args.json:
                listed = [{**_jsonable(r), "managed": r.id in managed} for r in rows]
                print(json.dumps(listed, ensure_ascii=False, indent=2))
            for row in [] if args.json else rows:
                flags = " ".join(
                    flag
                    for flag, on in (
                        ("[deneme]", row.sandbox),
                        ("[kapalı]", not row.enabled),
                        ("[BT]", row.id in managed),
                        (_health_flag(row), True),
                    )
                    if on and flag
                )
                print(
                    f"{row.id}\t{row.platform.value}\t{row.display_name}\t{row.handle}\t{row.base_url}\t{flags}".rstrip()
                )
            return EXIT_OK
        if args.action == "add":
            try:
                platform = Platform(args.platform)
            except ValueError:
                _err(f"Bilinmeyen platform: {args.platform}. Seçenekler: {', '.join(p.value for p in Platform)}")
                return EXIT_BAD_INPUT
            refusal = _policy_refusal(platform, args.sandbox)
            if refusal:
                _err(refusal)
                return EXIT_BAD_INPUT
            secrets: dict[str, str] = {}
            secret_name = STDIN_SECRET.get(platform)
            if secret_name is not None:
                value = _read_secret(sys.stdin)
                if not value and args.sandbox:
                    value = _new_sandbox_secret()
                if not value:
                    _err("Gizli anahtar standart girdiden okunamadı (boş).")
                    return EXIT_BAD_INPUT
                secrets[secret_name] = value
            if platform == Platform.BLUESKY:
                secrets["identifier"] = args.handle.lstrip("@")
            settings: dict[str, str] = {"base_url": args.base_url} if args.base_url else {}
            for option in ("page_id", "ig_user_id", "organization_urn", "chat_id"):
                given = getattr(args, option, None)
                if given:
                    settings[option] = str(given)
            expires = None
            if getattr(args, "expires", None):
                try:
                    expires = local_to_utc(date.fromisoformat(args.expires), time(23, 59))
                except ValueError:
                    _err(f"Tarih anlaşılamadı: {args.expires} (ör. 2027-01-25)")
                    return EXIT_BAD_INPUT
            try:
                channel_id = channels.add(
                    platform,
                    args.name,
                    args.handle or "",
                    settings=settings,
                    secrets=secrets,
                    sandbox=args.sandbox,
                    token_expires_at=expires,
                )
            except ChannelError as exc:
                _err(_channel_error(exc))
                return EXIT_BAD_INPUT
            print(channel_id)
            return EXIT_OK
        if args.action == "test":
            return asyncio.run(_test_channel(services, args.id))
        if args.action == "remove":
            try:
                deleted = channels.remove(args.id)
            except ChannelError as exc:
                _err(_channel_error(exc))
                return EXIT_BAD_INPUT
            print("silindi" if deleted else "kapatıldı (geçmiş gönderileri saklanıyor)")
            return EXIT_OK
    return EXIT_BAD_INPUT


def _policy_refusal(platform: Platform, sandbox: bool) -> str:
    """Why IT policy forbids this channel ("" if it does not)."""
    from kurum_masaustu import policy

    managed = policy.current()
    if sandbox and managed.sandbox_disabled:
        return "Deneme (eğitim) kanalları BT biriminizin politikasıyla kapatılmış."
    if not managed.platform_allowed(platform.value):
        allowed = ", ".join(managed.get("allowed_platforms", ()))
        return f"{platform.value} bu bilgisayarda BT politikasıyla izinli değil (izinli platformlar: {allowed})."
    return ""


def _health_flag(row: Any) -> str:
    """ "[yeniden bağlan]" or "[anahtarın süresi N gün içinde doluyor]" (the channel manager's rule)."""
    from kurum_masaustu.rules.channel_health import HealthState, channel_health

    health = channel_health(
        enabled=row.enabled, auth_problem=row.auth_problem, token_expires_at=row.token_expires_at, now=datetime.now(UTC)
    )
    if health.awaiting:
        return "[bağlantı bekliyor: uygulamada Yayın → Kanallar… → Bağlan]"
    if health.state == HealthState.NEEDS_RECONNECT:
        return "[süresi doldu: yeniden bağlan]" if health.reason == "expired" else "[yeniden bağlan]"
    if health.state == HealthState.EXPIRING:
        return f"[anahtarın süresi {health.days_left} gün içinde doluyor]"
    return ""


def _new_sandbox_secret() -> str:
    import secrets

    return secrets.token_urlsafe(32)


def _channel_error(exc: Exception) -> str:
    code = getattr(exc, "code", "")
    detail = getattr(exc, "detail", "")
    messages = {
        "no_name": "Kanal adı boş olamaz.",
        "unsupported_platform": f"Bu platform için henüz bağlantı yok: {detail}",
        "missing_setting": f"Eksik ayar: {detail} (ör. --base-url https://sosyal.example)",
        "missing_secret": f"Eksik gizli bilgi: {detail}",
        "no_keyring": f"Güvenli parola deposu kullanılamıyor; gizli anahtar saklanamaz. ({detail})",
        "not_found": f"Böyle bir kanal yok: {detail}",
        "managed": "Bu kanal BT yönetimi tarafından tanımlandı (politika); adı değiştirilemez, kaldırılamaz.",
    }
    return messages.get(code, str(exc))


#: What ``channel test`` says for each :class:`~kurum_masaustu.services.connect.ConnectError` code.
TEST_MESSAGES = {
    "wrong_token": "Platform gizli anahtarı kabul etmedi; kanalı yeniden bağlayın.",
    "no_secret": "Kanalın gizli anahtarı parola deposunda yok; kanalı yeniden bağlayın.",
    "awaiting": "Kanal henüz bağlanmadı (BT'nin tanımladığı kanal): uygulamada Kanallar… → Bağlan.",
    "no_keyring": "Güvenli parola deposu kullanılamıyor.",
    "unreachable": "Sunucuya ulaşılamadı (adres, internet bağlantısı ya da vekil sunucu).",
    "rate_limited": "Platform beklememizi istiyor; birkaç dakika sonra yeniden deneyin.",
    "refused": "Platform bağlantıyı reddetti.",
}


async def _test_channel(services: Services, channel_id: int) -> int:
    """Verify a channel as the channel manager does (its result is recorded on the channel)."""
    from kurum_masaustu.publishing.network import network_client
    from kurum_masaustu.services.channels import ChannelService
    from kurum_masaustu.services.connect import ConnectError, ConnectService

    if not any(c.id == channel_id for c in _channels(services)):
        _err(f"Böyle bir kanal yok: {channel_id}")
        return EXIT_BAD_INPUT
    channels = ChannelService(services.sessions, services.credentials(), actor="komut satırı")
    connect = ConnectService(channels, services.profile.root / "sandbox", network=network_client)
    try:
        account = await connect.test(channel_id)
    except ConnectError as exc:
        message = TEST_MESSAGES.get(exc.code, "Bağlantı denemesi başarısız.")
        _err(f"{message} ({exc.code}{': ' + exc.detail if exc.detail else ''})")
        return EXIT_FAILED
    print(f"Bağlantı tamam: {account.display_name} ({account.handle})")
    return EXIT_OK


def _channels(services: Services) -> list[Any]:
    from sqlalchemy import select

    from kurum_masaustu.store.models import Channel

    with services.sessions() as session:
        return list(session.scalars(select(Channel).order_by(Channel.id)))


# -- sandbox ------------------------------------------------------------------------------
def _sandbox(args: argparse.Namespace) -> int:
    from kurum_masaustu.platforms.sandbox.core import SandboxState
    from kurum_masaustu.publishing.adapters import sandbox_state_path
    from kurum_masaustu.publishing.registry import load, support_for

    with open_profile(args) as services:
        report = []
        for channel in _channels(services):
            support = support_for(channel.platform)
            if not channel.sandbox or support is None or support.sandbox is None:
                continue
            path = sandbox_state_path(services.profile.root / "sandbox", channel.id)
            posts: list[Any] = []
            if path.exists():
                transport = load(support.sandbox)(state=SandboxState(path, {}))
                posts = [_jsonable(p) for p in transport.published()]
            report.append(
                {
                    "channel_id": channel.id,
                    "channel": channel.display_name,
                    "platform": channel.platform.value,
                    "posts": posts,
                }
            )
        if args.json:
            print(json.dumps(report, ensure_ascii=False, indent=2))
        else:
            for entry in report:
                print(f"# {entry['channel']} ({entry['platform']}): {len(entry['posts'])} gönderi")
                for post in entry["posts"]:
                    print(f"  {post.get('created_at', '')}  {post.get('url', '')}  {str(post.get('text', ''))[:60]}")
    return EXIT_OK


def _jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {k: _jsonable(v) for k, v in dataclasses.asdict(value).items()}
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    if hasattr(value, "value") and isinstance(value.value, str):
        return value.value
    return value


# -- sync ---------------------------------------------------------------------------------
def _sync(args: argparse.Namespace) -> int:
    with open_profile(args, wait_seconds=args.wait) as services:
        summary, inbox = asyncio.run(_sync_once(services))
    parts = [
        f"yayımlanan {summary.published}",
        f"platforma devredilen {summary.handed_off}",
        f"doğrulanan {summary.reconciled}",
        f"yeniden denenecek {summary.retried}",
        f"başarısız {summary.failed}",
        f"bekleyen {summary.waiting}",
        f"platformda kontrol edilecek {summary.uncertain}",
        f"zamanı geçen {summary.missed}",
        f"taslağa dönen {summary.dropped}",
        f"platformdan geri alınan {summary.taken_back}",
    ]
    print("Eşitleme: " + ", ".join(parts))
    print(f"Gelen kutusu: yeni {inbox.new}, düzenlenen {inbox.edited}, silinen {inbox.deleted}")
    replies = getattr(services, "last_replies", None)
    if replies is not None:
        print(
            f"Yanıtlar: gönderilen {replies.sent}, doğrulanan {replies.reconciled}, yeniden denenecek "
            f"{replies.retried}, başarısız {replies.failed}, platformda kontrol edilecek {replies.uncertain}"
        )
    if summary.uncertain:
        _err(
            f"{summary.uncertain} gönderinin yayımlanıp yayımlanmadığını platform söyleyemiyor: kanala bakıp "
            "uygulamanın Giden kutusunda bağlantısını girin ya da yeniden gönderin."
        )
    if summary.missed:
        _err(
            f"{summary.missed} gönderi zamanında gidemedi ve artık geç kalır: uygulamanın Giden kutusunda "
            "şimdi yayımlayın ya da taslak olarak bırakın."
        )
    for error in summary.errors:
        _err(f"Sorun: {error}")
    for channel in inbox.failed:
        _err(f"Gelen kutusu okunamadı: {channel.channel_name}: {channel.problem} {channel.detail}".rstrip())
    return EXIT_OK if summary.ok and summary.retried == 0 and inbox.ok else EXIT_FAILED


async def _sync_once(services: Services) -> tuple[Any, Any]:
    from kurum_masaustu.publishing.inbox_sync import sync_inbox

    try:
        return await services.publisher.run_once(), await services.inbox_round(sync_inbox)
    finally:
        await services.aclose()
