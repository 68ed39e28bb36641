"""Composition root: builds the services and the main window, then runs the Qt + asyncio loop.

Start order: profile → logging → settings → QApplication and translations → single-instance
check → crash handler → database (refuse, back up, migrate) → services → window → loop.
Nothing is built at import time; tests build the same pieces with :func:`build_services`.
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import gc
import logging
import shutil
import sys
import tempfile
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from kurum_masaustu import APP_ID, APP_NAME, ORGANIZATION, __version__
from kurum_masaustu.paths import Profile, default_profile_dir
from kurum_masaustu.settings import Settings

if TYPE_CHECKING:
    from kurum_masaustu.crash import CrashReporter
    from kurum_masaustu.credentials import CredentialStore
    from kurum_masaustu.domain import Platform
    from kurum_masaustu.media.library import MediaLibrary
    from kurum_masaustu.platforms.base import Adapter, MediaFile
    from kurum_masaustu.publishing.adapters import AdapterFactory
    from kurum_masaustu.publishing.outbox import MediaRef, Outbox
    from kurum_masaustu.publishing.replies import ReplySender, ReplySummary
    from kurum_masaustu.publishing.runner import OutboxRunner
    from kurum_masaustu.rules.crisis import SpikeRule
    from kurum_masaustu.single_instance import SingleInstance
    from kurum_masaustu.store.models import Channel

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_DATABASE_REFUSED = 2
EXIT_PROFILE_IN_USE = 3
EXIT_SCREENSHOT_FAILED = 4
EXIT_POLICY = 5  # IT policy forbids what the command line asked (``--demo`` with the sandbox off)
EXIT_PROFILE_UNWRITABLE = 6  # the profile folder is read-only or not ours


@dataclass
class Services:
    """Everything the window needs, built once and passed down explicitly."""

    profile: Profile
    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]

    def __post_init__(self) -> None:
        from kurum_masaustu.publishing.pause import PauseSwitch
        from kurum_masaustu.services.inbox import InboxService
        from kurum_masaustu.services.outbox import OutboxService
        from kurum_masaustu.services.posts import PostService

        self.posts = PostService(self.sessions)
        self.inbox = InboxService(self.sessions)
        self.apply_inbox_settings()
        self.outbox = OutboxService(self.sessions)
        self.pause = PauseSwitch(self.sessions)
        self._adapters: AdapterFactory | None = None
        self.last_replies: ReplySummary | None = None

    def apply_inbox_settings(self) -> None:
        """Business hours and the response target from the settings, in effect without a restart."""
        office = self.settings.inbox()
        self.inbox.configure(office.start, office.end, office.weekdays, office.target)

    def spike_rule(self) -> SpikeRule:
        """The crisis spike rule from the settings (window, minimum count, ratio)."""
        return self.settings.inbox().spike_rule()

    @functools.cached_property
    def publisher(self) -> Outbox:
        """The outbox worker (loaded after the first paint, with the platforms' interface)."""
        from kurum_masaustu import policy
        from kurum_masaustu.publishing.outbox import Outbox
        from kurum_masaustu.rules.missed_slot import grace_for, parse_policy

        return Outbox(
            self.sessions,
            self.adapter_for,
            self._media_file,
            save_secrets=self.save_renewed_secrets,
            missed_policy=lambda: parse_policy(self.settings.missed_slot_policy),
            missed_grace=grace_for(policy.current().get("sync_interval_minutes")),
        )

    @functools.cached_property
    def media(self) -> MediaLibrary:
        """The media store (imported on first use: nothing in the first paint needs it)."""
        from kurum_masaustu.media.library import MediaLibrary

        return MediaLibrary(self.profile.media_dir)

    def credentials(self) -> CredentialStore:
        from kurum_masaustu.credentials import CredentialStore

        return CredentialStore(namespace=self.settings.profile_id or str(self.profile.root))

    async def adapter_for(self, channel: Channel) -> Adapter | None:
        """Adapters are built on first use, so the network stack loads after the first paint."""
        if self._adapters is None:
            from kurum_masaustu.publishing.adapters import AdapterFactory

            self._adapters = AdapterFactory(self.credentials(), self.profile.root / "sandbox")
        return await self._adapters(channel)

    def forget_adapter(self, channel_id: int) -> None:
        """A channel was reconnected or removed: build its adapter afresh (new secrets, sandbox state)."""
        if self._adapters is not None:
            self._adapters.forget(channel_id)

    @property
    def adapter_factory(self) -> AdapterFactory | None:
        """The adapters built so far (None before the first one): sandboxes and their faults."""
        return self._adapters

    async def save_renewed_secrets(self, channel_id: int) -> None:
        """Keep a session an adapter renewed during a call (in the keyring, nowhere else)."""
        if self._adapters is not None:
            await self._adapters.save_renewed_secrets(channel_id)

    async def _media_file(self, ref: MediaRef, platform: Platform) -> MediaFile:
        """The platform's variant of a stored file, prepared in a worker thread (cached)."""
        import asyncio

        from kurum_masaustu.platforms.base import MediaFile

        source = self.profile.media_dir / ref.relative_path
        if not ref.mime_type.startswith("image/"):
            return MediaFile(source, ref.mime_type, ref.alt_text, ref.width, ref.height)

        def prepare() -> MediaFile:
            from PIL import Image

            from kurum_masaustu.media import prepare_image
            from kurum_masaustu.publishing.outbox import variant_focal

            variant = prepare_image(
                source, platform.value, ref.placement, self.profile.root / "cache" / "variants", focal_point=ref.focal
            )
            with Image.open(variant) as image:
                mime = Image.MIME.get(image.format or "", ref.mime_type)
                return MediaFile(
                    variant, mime, ref.alt_text, image.width, image.height, variant_focal(ref, platform)
                )

        return await asyncio.get_event_loop().run_in_executor(None, prepare)

    @functools.cached_property
    def replies(self) -> ReplySender:
        """Sends queued replies to citizens, exactly once (loaded after the first paint)."""
        from kurum_masaustu.publishing.replies import ReplySender

        return ReplySender(self.sessions, self.adapter_for, save_secrets=self.save_renewed_secrets)

    async def inbox_round(self, sync: Callable[..., Awaitable[Any]]) -> Any:
        """Send the queued replies, then read every channel's inbox (``sync``: ``sync_inbox``)."""
        try:
            self.last_replies = await self.replies.run_once()
        except Exception:
            log.exception("sending replies failed")
        return await sync(self.sessions, self.adapter_for, save_secrets=self.save_renewed_secrets)

    async def aclose(self) -> None:
        """Close network clients (call on the loop before it stops)."""
        if self._adapters is not None:
            await self._adapters.close()
            self._adapters = None

    def close(self) -> None:
        self.engine.dispose()


def build_services(profile: Profile, settings: Settings) -> Services:
    """Open the profile's database (refusing, backing up and migrating as needed)."""
    from kurum_masaustu.store.database import open_database

    engine = open_database(profile.database, profile.backup_dir)
    return Services(profile, settings, engine, sessionmaker(engine, expire_on_commit=False))


def refusal_message(exc: Exception) -> str:
    """The Turkish (translated) explanation of why a database was not opened."""
    from kurum_masaustu.store.database import MigrationFailedError, NewerDatabaseError

    if isinstance(exc, MigrationFailedError):
        return QCoreApplication.translate(
            "Startup",
            "The database in this profile could not be updated for this version of Kurum Masaüstü. "
            "The update was undone, so the file is as it was; a copy taken before is in the profile's "
            "backups folder. Please send the log file to IT.\n\n{path}",
        ).format(path=exc.path)
    if isinstance(exc, NewerDatabaseError):
        return QCoreApplication.translate(
            "Startup",
            "The database in this profile was written by a newer version of Kurum Masaüstü. "
            "Install the newer version to open it. The file was not changed.\n\n{path}",
        ).format(path=exc.path)
    return QCoreApplication.translate(
        "Startup",
        "This file is not a Kurum Masaüstü database, so it was not opened. The file was not changed.\n\n{path}",
    ).format(path=getattr(exc, "path", ""))


def _connect_demo_channels(services: Services) -> None:
    """A new demo profile's sandbox channels get keyring secrets, so the outbox can publish."""
    from kurum_masaustu.credentials import CredentialError
    from kurum_masaustu.services.channels import ChannelService

    try:
        connected = ChannelService(services.sessions, services.credentials(), actor="demo").connect_sandbox_channels()
    except CredentialError as exc:
        log.warning("demo channels left unconnected: %s", exc)
        return
    log.info("demo: %d sandbox channels connected", connected)


def create_preset_channels(services: Services) -> list[int]:
    """The IT policy's preset channels the profile lacks, created "awaiting connection" (at every
    start and by every command that opens the profile; the second time creates nothing)."""
    from kurum_masaustu import policy

    if not policy.current().get("channels"):
        return []  # the usual case: nothing more to load before the first paint
    from kurum_masaustu.services.channels import ChannelService

    try:
        created = ChannelService(services.sessions, services.credentials(), actor="BT politikası").create_presets()
    except Exception:  # a policy must never stop the app
        log.exception("creating the policy's preset channels failed")
        return []
    if created:
        log.info("policy: %d preset channel(s) created, awaiting connection: %s", len(created), created)
    return created


def _forget_demo_secrets(services: Services) -> None:
    """A throwaway demo profile leaves nothing behind in the keyring."""
    from kurum_masaustu.credentials import CredentialError

    try:
        services.credentials().delete_all()
    except CredentialError as exc:
        log.warning("could not remove the demo profile's keyring entries: %s", exc)


def _make_application(argv: list[str]) -> QApplication:
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APP_ID)
    QCoreApplication.setApplicationVersion(__version__)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv)
    QApplication.setApplicationDisplayName(APP_NAME)
    QApplication.setDesktopFileName(APP_ID)
    from PySide6.QtGui import QFont, QIcon

    from kurum_masaustu.paths import resource

    if sys.platform != "win32":
        # With full hinting, DejaVu Sans (the usual Linux UI font) draws the dots of Ö, Ü, İ above
        # the ascent Qt reserves, and labels and tabs clip them ("Özel" shows as "Ozel").
        font = app.font()
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        app.setFont(font)

    app.setWindowIcon(QIcon(str(resource("icons", "kurum-masaustu.svg"))))
    return app


def run(args: argparse.Namespace, argv: list[str]) -> int:
    """Run the desktop app as the command line asked; returns the process exit code."""
    throwaway: Path | None = None
    if args.profile is not None:
        root = Path(args.profile).expanduser().resolve()
    elif args.demo:
        throwaway = Path(tempfile.mkdtemp(prefix="kurum-masaustu-demo-"))
        root = throwaway
    else:
        root = default_profile_dir()
    profile = Profile(root)
    seed = args.demo and profile.is_empty()

    from kurum_masaustu.logging_setup import setup_logging, teardown_logging

    try:
        profile.ensure()
        setup_logging(profile.log_dir)
    except OSError as exc:
        return _refuse_unwritable_profile(args, argv, profile, exc)
    log.info("%s %s starting on profile %s", APP_NAME, __version__, profile.root)
    try:
        return _run_gui(args, argv, profile, seed)
    finally:
        log.info("%s stopped", APP_NAME)
        teardown_logging()
        if throwaway is not None:
            shutil.rmtree(throwaway, ignore_errors=True)


def _refuse_unwritable_profile(args: argparse.Namespace, argv: list[str], profile: Profile, exc: OSError) -> int:
    """A profile folder that cannot be written (read-only, no rights): say so, touch nothing."""
    from kurum_masaustu.i18n import install_translators

    app = _make_application(argv)
    translators = install_translators(app, args.lang or Settings.load(profile.settings_file).language)
    message = QCoreApplication.translate(
        "Startup",
        "The profile folder cannot be written, so Kurum Masaüstü cannot open it:\n{folder}\n({reason})\n\n"
        "Ask your IT department to give you write access to this folder, or start with --profile "
        "and a folder you can write to. Nothing was changed.",
    ).format(folder=profile.root, reason=exc.strerror or exc)
    if args.screenshot is not None:
        print(message, file=sys.stderr)
    else:
        QMessageBox.critical(None, APP_NAME, message)
    del translators
    return EXIT_PROFILE_UNWRITABLE


def _run_gui(args: argparse.Namespace, argv: list[str], profile: Profile, seed: bool) -> int:
    from kurum_masaustu.crash import (
        CrashReporter,
        disable_faulthandler,
        enable_faulthandler,
        install_excepthook,
        uninstall_excepthook,
    )
    from kurum_masaustu.i18n import install_translators
    from kurum_masaustu.logging_setup import install_qt_message_handler
    from kurum_masaustu.single_instance import SingleInstance

    settings = Settings.load(profile.settings_file)
    settings.ensure_profile_id(profile.settings_file)
    from kurum_masaustu import policy

    managed = policy.current()  # read after logging is set up: bad keys go to the profile's log
    policy.apply_to_settings(managed, settings)
    language = args.lang or settings.language
    app = _make_application(argv)
    install_qt_message_handler()
    translators = install_translators(app, language)

    if args.demo and managed.sandbox_disabled:
        message = QCoreApplication.translate(
            "Startup", "The demo is turned off on this computer by your IT department's policy."
        )
        log.warning("--demo refused: disable_sandbox is set by policy")
        if args.screenshot is not None:
            print(message, file=sys.stderr)
        else:
            QMessageBox.warning(None, APP_NAME, message)
        return EXIT_POLICY

    instance = SingleInstance(profile.root)
    if instance.notify_running(argv):
        if args.screenshot is not None:
            message = QCoreApplication.translate("Startup", "This profile is already open in another window.")
            print(message, file=sys.stderr)
            return EXIT_PROFILE_IN_USE
        log.info("profile already open; asked the running window to come forward")
        return EXIT_OK
    instance.listen()

    from kurum_masaustu.profile_lock import ProfileBusyError, ProfileLock

    lock = ProfileLock(profile.root)
    try:
        lock.acquire(wait_seconds=15)  # a scheduled `kurum-masaustu sync` may be finishing
    except ProfileBusyError:
        message = QCoreApplication.translate(
            "Startup",
            "This profile is being used by another process (for example a scheduled sync). Try again shortly.",
        )
        if args.screenshot is not None:
            print(message, file=sys.stderr)
        else:
            QMessageBox.warning(None, APP_NAME, message)
        instance.close()
        return EXIT_PROFILE_IN_USE

    reporter = CrashReporter(profile.log_dir)
    install_excepthook(reporter)
    enable_faulthandler(profile.log_dir)
    try:
        return _run_window(args, app, instance, reporter, profile, settings, seed)
    finally:
        uninstall_excepthook()
        disable_faulthandler()
        instance.close()
        lock.release()
        del translators


def _run_window(
    args: argparse.Namespace,
    app: QApplication,
    instance: SingleInstance,
    reporter: CrashReporter,
    profile: Profile,
    settings: Settings,
    seed: bool,
) -> int:
    import qasync

    from kurum_masaustu.store.database import DatabaseRefusedError

    if seed:
        from kurum_masaustu.demo.seed import seed_demo_profile

        seed_demo_profile(profile)
    try:
        services = build_services(profile, settings)
        if seed:
            _connect_demo_channels(services)
        create_preset_channels(services)
    except DatabaseRefusedError as exc:
        log.error("database refused: %s", exc)
        message = refusal_message(exc)
        if args.screenshot is not None:
            print(message, file=sys.stderr)
        else:
            QMessageBox.critical(None, APP_NAME, message)
        return EXIT_DATABASE_REFUSED

    from kurum_masaustu.ui.main_window import MainWindow
    from kurum_masaustu.ui.tasks import spawn

    # The loop must exist before the window: panes start loading (images) as they are built.
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    loop.set_exception_handler(reporter.handle_loop_exception)
    window = MainWindow(services, demo=args.demo)
    reporter.set_main_window(window)
    instance.activation_requested.connect(window.on_second_launch)

    done = asyncio.Event()
    app.aboutToQuit.connect(done.set)
    exit_code = EXIT_OK

    async def take_screenshot(target: Path) -> None:
        nonlocal exit_code
        await window.ready()
        await asyncio.sleep(0.01)  # let pending paint events run (never a nested processEvents here)
        if not window.grab().save(str(target), "PNG"):
            log.error("could not write screenshot %s", target)
            exit_code = EXIT_SCREENSHOT_FAILED
        else:
            log.info("screenshot written to %s", target)
            print(target, flush=True)  # scripts (and benchmarks/startup.py) wait for this line
        app.quit()

    window.show()
    log.info("main window shown")

    runners: list[OutboxRunner] = []

    async def settle() -> None:
        """After the first paint with data: collect garbage once, then start background work
        (the outbox, with the platforms' code, loads only now)."""
        from kurum_masaustu.publishing.runner import OutboxRunner

        await window.ready()
        from kurum_masaustu.ui.gc_guard import GuiThreadGarbageCollector

        gc.freeze()  # start-up objects live for the whole session; keep them out of later collections
        GuiThreadGarbageCollector(window).start()  # collections on the GUI thread only (see gc_guard)
        window.start_background_work()
        from kurum_masaustu.publishing.inbox_sync import sync_inbox

        if seed:  # the demo's negative spike arrives with the first inbox sync
            from kurum_masaustu.demo.spike import seed_sandbox_spike

            await asyncio.to_thread(seed_sandbox_spike, services.sessions, profile.root / "sandbox")

        runner = OutboxRunner(
            services.publisher,
            online=window.status.online,
            on_run=window.after_outbox_run,
            inbox=lambda: services.inbox_round(sync_inbox),
            on_inbox=window.after_inbox_sync,
        )
        window.attach_runner(runner)
        runners.append(runner)
        spawn(runner.run())

    if args.screenshot is not None:
        target = Path(args.screenshot).expanduser().resolve()
        QTimer.singleShot(0, lambda: spawn(take_screenshot(target)))
    else:
        QTimer.singleShot(0, lambda: spawn(settle()))
    with loop:
        loop.run_until_complete(done.wait())
        for runner in runners:
            runner.stop()
        loop.run_until_complete(services.aclose())
    window.save_layout()
    if args.demo and args.profile is None:
        _forget_demo_secrets(services)
    services.close()
    return exit_code
