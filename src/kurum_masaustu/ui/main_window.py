"""The main window: calendar in the middle, composer and media preview on the right, inbox below."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMessageBox, QVBoxLayout, QWidget

from kurum_masaustu import APP_NAME
from kurum_masaustu.domain import Platform
from kurum_masaustu.rules.timeutil import to_local
from kurum_masaustu.services.autosave import Autosave
from kurum_masaustu.services.planning import PlanningService
from kurum_masaustu.services.posts import MediaInfo, media_info
from kurum_masaustu.ui.calendar_pane import CalendarPane
from kurum_masaustu.ui.channel_warning import ChannelWarning
from kurum_masaustu.ui.checklist_widget import ChecklistWidget
from kurum_masaustu.ui.composer_pane import ComposerPane, WordingContext
from kurum_masaustu.ui.crisis_panel import CrisisBanner
from kurum_masaustu.ui.inbox_pane import InboxPane
from kurum_masaustu.ui.media_pane import MediaPane
from kurum_masaustu.ui.outbox_pane import OutboxPane
from kurum_masaustu.ui.pause_banner import PauseBanner
from kurum_masaustu.ui.status_bar import AppStatusBar
from kurum_masaustu.ui.tasks import alive, in_thread, spawn
from kurum_masaustu.ui.window_backup import WindowBackup
from kurum_masaustu.ui.window_crisis import WindowCrisis
from kurum_masaustu.ui.window_notifications import WindowNotifications

if TYPE_CHECKING:
    from kurum_masaustu.app import Services
    from kurum_masaustu.publishing.inbox_sync import InboxSyncSummary
    from kurum_masaustu.publishing.outbox import RunSummary
    from kurum_masaustu.publishing.runner import OutboxRunner
    from kurum_masaustu.rules.goals import ReplyCounts, ReplyScope
    from kurum_masaustu.rules.hashtags import TagSet
    from kurum_masaustu.services.channels import ChannelService
    from kurum_masaustu.services.crisis import SpikeView
    from kurum_masaustu.services.planning import CampaignInfo
    from kurum_masaustu.services.templates import TemplateRecord
    from kurum_masaustu.ui.backup_dialog import BackupHint
    from kurum_masaustu.ui.channel_manager import ChannelManagerDialog
    from kurum_masaustu.ui.crisis_panel import CrisisDialog
    from kurum_masaustu.ui.tray import TrayNotifier

log = logging.getLogger(__name__)

LAYOUT_VERSION = 1


def _warm_up_text_rules() -> None:
    """Compile the text rules' patterns in a worker, so the first keystroke is not the slow one."""
    from kurum_masaustu.rules import text

    text.check("x", "#Isınma https://ornek.bel.tr @kurum")


class MainWindow(QMainWindow):
    def __init__(self, services: Services, demo: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.services = services
        self.demo = demo
        title = APP_NAME + (" — " + self.tr("Demo") if demo else "")
        self.setWindowTitle(title)

        self.calendar = CalendarPane(services.posts)
        self.calendar.media_library = lambda: services.media
        self.composer = ComposerPane(
            services.posts,
            self.import_media,
            Autosave(services.profile.root / "autosave" / "composer.json"),
            context=self.wording_context,
            tag_sets=self._tag_library,
            templates=self._post_templates,
            engagement=PlanningService(services.sessions).engagement_by_channel,
        )
        self.media = MediaPane(services.profile.media_dir, services.sessions)
        self.inbox = InboxPane(services.inbox, templates=self._reply_templates)
        self.outbox = OutboxPane(services.outbox)
        self.pause_banner = PauseBanner()
        self.crisis_banner = CrisisBanner()
        central = QWidget()
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.addWidget(self.pause_banner)
        central_layout.addWidget(self.crisis_banner)
        central_layout.addWidget(self.calendar, 1)
        self.setCentralWidget(central)
        self._runner: OutboxRunner | None = None
        self.composer_dock = self._dock(
            "composerDock", self.tr("Composer"), self.composer, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.media_dock = self._dock(
            "mediaDock", self.tr("Media preview"), self.media, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.inbox_dock = self._dock("inboxDock", self.tr("Inbox"), self.inbox, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.outbox_dock = self._dock(
            "outboxDock", self.tr("Outbox"), self.outbox, Qt.DockWidgetArea.BottomDockWidgetArea
        )
        self.tabifyDockWidget(self.inbox_dock, self.outbox_dock)
        self.notifications = WindowNotifications(self)
        self.crisis = WindowCrisis(self, self.crisis_banner)
        self.outbox_dock.visibilityChanged.connect(self._outbox_tab_shown)
        self.inbox_dock.raise_()
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self.resizeDocks([self.composer_dock], [440], Qt.Orientation.Horizontal)
        # The composer with all its channel rows where the screen allows (they scroll on a short
        # screen), the media preview below it.
        composer = self.composer
        rows_hidden = composer.channel_box.sizeHint().height() - composer.channel_scroll.minimumHeight()
        composer_height = composer.minimumSizeHint().height() + max(0, rows_hidden) + 36
        self.resizeDocks([self.composer_dock, self.media_dock], [composer_height, 180], Qt.Orientation.Vertical)
        self.resizeDocks([self.inbox_dock], [250], Qt.Orientation.Vertical)

        self.status = AppStatusBar(self)
        self.setStatusBar(self.status)
        self.checklist = self._build_checklist()
        self.channel_warning = ChannelWarning()
        self.channel_warning.clicked.connect(self.open_channel_manager)
        self.status.addPermanentWidget(self.channel_warning)
        self._build_menus()
        self.backup = WindowBackup(self, self.backup_action)

        self.calendar.post_selected.connect(self.show_post)
        self.calendar.post_activated.connect(self.edit_post)
        self.calendar.new_post_requested.connect(self.new_post_on)
        self.calendar.campaign_post_requested.connect(self.new_post_in_campaign)
        self.calendar.post_moved.connect(lambda _post_id: self._outbox_changed())
        self.calendar.days_loaded.connect(self.composer.update_checks)
        self.composer.saved.connect(self._post_saved)
        self.composer.take_back_post = self.take_back_post
        self.composer.media_root = services.profile.media_dir
        self.outbox.changed.connect(self._outbox_changed)
        self.inbox.replies_queued.connect(self._poke_outbox)
        self.inbox.hide_with = self._hide_item
        self.inbox.delete_with = self._delete_item
        self._reply_counts: dict[tuple[date, date, ReplyScope], ReplyCounts] = {}
        self._reply_counting: set[tuple[date, date, ReplyScope]] = set()
        self.calendar.reply_counts = self.reply_counts
        self.pause_banner.resume_requested.connect(lambda: self.resume_publishing())
        self.status.back_online.connect(self._poke_outbox)
        self.status.back_online.connect(self._take_back_if_paused)
        self.composer.media_changed.connect(self._composer_media_changed)
        self.composer.channel_box.toggled.connect(lambda: self.media.set_platforms(self._composer_platforms()))
        self.composer.channel_box.add_channel_requested.connect(self.open_channel_manager)
        self.media.media_updated.connect(self.checklist.media_updated)

        self.resize(1440, 900)
        self._restore_layout()
        self.calendar.go_to_today()
        self.composer.restore_autosave()
        self._show_first_post_of_day()
        self.refresh_counts()
        self.refresh_pause()
        self.status.watch_network()

    # -- construction ---------------------------------------------------------------------
    def _build_checklist(self) -> ChecklistWidget:
        from kurum_masaustu.services.checklist import ChecklistRecords
        from kurum_masaustu.services.links import LinkChecker
        from kurum_masaustu.services.spelling import SpellChecker, SpellingWords

        self.spell_checker = SpellChecker()
        checklist = ChecklistWidget(
            ChecklistRecords(self.services.sessions),
            self.spell_checker,
            SpellingWords(self.services.sessions),
            LinkChecker(),
            self.status.online,
        )
        self.composer.attach_checklist(checklist)
        return checklist

    def _outbox_tab_shown(self, visible: bool) -> None:
        if visible:
            self.outbox.load_when_seen()

    def _dock(self, name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.addDockWidget(area, dock)
        return dock

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        new_action = QAction(self.tr("&New post"), self)
        new_action.setShortcut(QKeySequence.StandardKey.New)
        new_action.triggered.connect(lambda: self.new_post_on(self.calendar.selected_day()))
        save_action = QAction(self.tr("&Save draft"), self)
        save_action.setShortcut(QKeySequence.StandardKey.Save)
        save_action.triggered.connect(lambda: self.composer.save(schedule=False))
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addActions([new_action, save_action])
        file_menu.addSeparator()
        self.backup_action = QAction(self.tr("&Back up…"), self)
        file_menu.addAction(self.backup_action)
        settings_action = QAction(self.tr("Se&ttings…"), self)
        settings_action.triggered.connect(self._settings)
        file_menu.addAction(settings_action)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        today_action = QAction(self.tr("Go to &today"), self)
        today_action.setShortcut(QKeySequence("Ctrl+T"))
        today_action.triggered.connect(self.calendar.go_to_today)
        view_menu.addAction(today_action)
        view_menu.addSeparator()
        for dock in (self.composer_dock, self.media_dock, self.inbox_dock, self.outbox_dock):
            view_menu.addAction(dock.toggleViewAction())

        content_menu = self.menuBar().addMenu(self.tr("&Content"))
        hashtags_action = QAction(self.tr("&Hashtag library…"), self)
        hashtags_action.triggered.connect(self.edit_hashtags)
        templates_action = QAction(self.tr("&Templates…"), self)
        templates_action.triggered.connect(self.edit_templates)
        content_menu.addActions([hashtags_action, templates_action])

        publish_menu = self.menuBar().addMenu(self.tr("&Publishing"))
        self.pause_action = QAction(self.tr("&Pause all publishing…"), self)
        self.pause_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.pause_action.triggered.connect(lambda: self.ask_pause_publishing("manual"))
        self.crisis_action = QAction(self.tr("&Crisis mode…"), self)
        self.crisis_action.triggered.connect(lambda: self.ask_pause_publishing("crisis"))
        self.mourning_action = QAction(self.tr("National &mourning…"), self)
        self.mourning_action.triggered.connect(lambda: self.ask_pause_publishing("mourning"))
        self.resume_action = QAction(self.tr("&Resume publishing"), self)
        self.resume_action.triggered.connect(lambda: self.resume_publishing())
        self.publish_now_action = QAction(self.tr("Send &due posts now"), self)
        self.publish_now_action.triggered.connect(self._poke_outbox)
        publish_menu.addActions(
            [self.pause_action, self.crisis_action, self.mourning_action, self.resume_action, self.publish_now_action]
        )
        publish_menu.addSeparator()
        self.channels_action = QAction(self.tr("C&hannels…"), self)
        self.channels_action.triggered.connect(self.open_channel_manager)
        publish_menu.addAction(self.channels_action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about_action = QAction(self.tr("&About Kurum Masaüstü"), self)
        about_action.triggered.connect(self._about)
        help_menu.addAction(about_action)

    # -- behaviour ------------------------------------------------------------------------
    def show_post(self, post_id: int) -> None:
        """Selecting a post shows its media, framed for the post's platforms."""
        channels = self.services.posts.delivery_states(post_id)
        platform_of = self._platform_of()
        self.media.set_platforms([platform_of[c] for c in channels if c in platform_of])
        self.media.show_media(self.services.posts.media_for_post(post_id))

    def _platform_of(self) -> dict[int, Platform]:
        return {c.id: c.platform for c in self.services.posts.channels()}

    def _composer_platforms(self) -> list[Platform]:
        platform_of = self._platform_of()
        return [platform_of[c] for c in self.composer.checked_channels() if c in platform_of]

    def _composer_media_changed(self, media: list[MediaInfo]) -> None:
        self.media.set_platforms(self._composer_platforms())
        self.media.show_media(media)

    def edit_post(self, post_id: int) -> None:
        if self.composer.load(post_id):
            self.composer_dock.show()
            self.composer_dock.raise_()
            self.composer.body_edit.setFocus()

    def new_post_on(self, day: date) -> None:
        self.composer.new_post(day)
        self.composer_dock.show()
        self.composer_dock.raise_()

    def new_post_in_campaign(self, campaign: CampaignInfo) -> None:
        """A post started in a campaign: its channels, template and hashtags, on its first day
        still ahead; saved into the campaign."""
        from kurum_masaustu.rules.timeutil import today_local

        day = max(campaign.starts_on, today_local()) if campaign.ends_on >= today_local() else today_local()
        self.new_post_on(day)
        for channel_id in campaign.channel_ids:
            check = self.composer.channel_checks.get(channel_id)
            if check is not None and check.isEnabled():
                check.setChecked(True)
        template = next((t for t in self._post_templates() if t.key == campaign.template_key), None)
        if template is not None:
            self.composer.use_template(template.body, template.fields)
        if campaign.hashtags:
            text = self.composer.body_edit.toPlainText().rstrip()
            self.composer.body_edit.setPlainText((text + "\n\n" if text else "") + " ".join(campaign.hashtags))
        self.composer.campaign_id = campaign.id
        self.composer.update_checks()

    def _post_saved(self, post_id: int, day: date) -> None:
        self.calendar.refresh(select=day)
        self.show_post(post_id)
        self.refresh_counts()
        self.outbox.reload()
        self._poke_outbox()

    def edit_hashtags(self) -> None:
        from kurum_masaustu.services.hashtags import HashtagLibrary
        from kurum_masaustu.ui.hashtag_library import HashtagLibraryDialog

        HashtagLibraryDialog(HashtagLibrary(self.services.sessions), self).exec()
        self.composer.reload_tag_sets()

    def edit_templates(self) -> None:
        from kurum_masaustu.services.templates import TemplateService
        from kurum_masaustu.ui.template_editor import TemplateEditorDialog

        TemplateEditorDialog(TemplateService(self.services.sessions), self).exec()

    # -- publishing ---------------------------------------------------------------------------
    def _post_templates(self) -> list[TemplateRecord]:
        from kurum_masaustu.services.templates import TemplateService

        return TemplateService(self.services.sessions).list("post")

    # -- crisis (WindowCrisis) ------------------------------------------------------------------
    async def check_crisis(self) -> SpikeView | None:
        return await self.crisis.check()

    def open_crisis_dialog(self, tab: int = 0) -> CrisisDialog:
        return self.crisis.open_dialog(tab)

    @property
    def crisis_dialog(self) -> CrisisDialog | None:
        return self.crisis.dialog

    async def _hide_item(self, item_id: int, reason: str) -> str | None:
        from kurum_masaustu.services.routing import RoutingService

        return await RoutingService(self.services.sessions).hide(item_id, reason, self.services.adapter_for)

    async def _delete_item(self, item_id: int, reason: str) -> str | None:
        from kurum_masaustu.services.routing import RoutingService

        return await RoutingService(self.services.sessions).delete_comment(item_id, reason, self.services.adapter_for)

    # -- reply-time goals ------------------------------------------------------------------------
    def reply_counts(self, first: date, last: date, scope: ReplyScope) -> ReplyCounts | None:
        """A reply-time goal's figures of a period and scope: known, or counted in a worker (None
        now; the calendar's goals are shown again when they are ready)."""
        key = (first, last, scope)
        if key in self._reply_counts:
            return self._reply_counts[key]
        if key not in self._reply_counting:
            self._reply_counting.add(key)
            spawn(self._count_replies(first, last, scope))
        return None

    async def _count_replies(self, first: date, last: date, scope: ReplyScope) -> None:
        from kurum_masaustu.services.conversation import ConversationService

        inbox = self.services.inbox
        conversations = ConversationService(inbox.sessions, clock=inbox.now)
        try:
            counts = await in_thread(lambda: conversations.goal_counts(first, last, inbox.hours, inbox.sla, scope))
        finally:
            self._reply_counting.discard((first, last, scope))
        if not alive(self):
            return
        self._reply_counts[(first, last, scope)] = counts
        self.calendar.refresh_goals()

    def forget_reply_counts(self) -> None:
        """Messages, replies or the response target changed: count again when next shown."""
        self._reply_counts.clear()
        self.calendar.refresh_goals()

    def _reply_templates(self) -> list[TemplateRecord]:
        from kurum_masaustu.services.templates import TemplateService

        return TemplateService(self.services.sessions).list("reply")

    def _tag_library(self) -> list[TagSet]:
        """The profile's hashtag sets, with the institution's local tags from its settings."""
        from kurum_masaustu.rules.hashtags import TagSet, local_tags

        settings = self.services.settings
        library = self.services.posts.tag_sets()
        local = local_tags(settings.province, settings.district)
        return [TagSet(self.tr("Local"), "local", local), *library] if local else library

    def wording_context(self, day: date) -> WordingContext:
        paused = self.services.pause.paused() if hasattr(self, "services") else None
        settings = self.services.settings
        election = bool(settings.election_start and settings.election_end) and (
            settings.election_start <= day.isoformat() <= settings.election_end
        )
        commemoration = None
        events = self.calendar.model.events_on(day) if day in self.calendar.model.days else []
        for event in events:
            if event.tone.value == "anma":
                commemoration = event.name
                break
        return WordingContext(
            mourning=bool(paused and paused.get("mode") == "mourning"),
            commemoration=commemoration,
            election=election,
        )

    async def take_back_post(self, post_id: int | None) -> tuple[int, int]:
        """Cancel what platforms' schedulers hold (of one post, or all not yet due): (taken, not).

        One post is taken back to be edited: its deliveries become drafts. Everything (a pause)
        stays scheduled here and is handed over again, or reviewed, when publishing resumes."""
        from kurum_masaustu.platforms.base import Done

        publisher = self.services.publisher
        taken = failed = 0
        for delivery_id in publisher.handed_off_ids(post_id):
            outcome = await publisher.take_back(delivery_id, as_draft=post_id is not None)
            if isinstance(outcome, Done):
                taken += 1
            elif outcome is not None:
                failed += 1
        if taken or failed:
            self.calendar.refresh()
            self.outbox.reload()
            self.composer.refresh_deliveries()
        return taken, failed

    def _take_back_if_paused(self) -> None:
        """While paused, posts still held by platforms (the pause began offline, or in another
        run) are taken back at start and when the connection returns."""
        if self.services.pause.paused() is not None and self.services.publisher.handed_off_ids(None):
            spawn(self._take_back_for_pause())

    async def _take_back_for_pause(self) -> None:
        """A pause must stop what the platforms hold too: take it back and say how it went."""
        taken, failed = await self.take_back_post(None)
        if failed:
            self.status.showMessage(
                self.tr(
                    "%n post(s) handed to platforms could not be taken back; cancel them on the platform.",
                    "",
                    failed,
                )
            )
        elif taken:
            self.status.showMessage(self.tr("%n post(s) taken back from the platforms' schedulers.", "", taken))

    def attach_runner(self, runner: OutboxRunner) -> None:
        self._runner = runner

    def _poke_outbox(self) -> None:
        if self._runner is not None:
            self._runner.poke()

    def _outbox_changed(self) -> None:
        self.calendar.refresh()
        self.composer.refresh_deliveries()
        self.refresh_counts()
        self._poke_outbox()

    def after_outbox_run(self, summary: RunSummary) -> None:
        """The outbox worked: show the new states everywhere."""
        if summary.published or summary.failed or summary.reconciled or summary.handed_off or summary.retried:
            spawn(self.calendar.refresh_in_background())  # the person may be working in it
            self.outbox.queue_changed()
            self.composer.refresh_deliveries()
            self.refresh_counts()
        if summary.failed:
            self.notifications.notify_failures(summary.failed)
        self.refresh_pause()
        self.refresh_channel_warning()  # a refused token shows at once; an expiry comes nearer

    def after_inbox_sync(self, summary: InboxSyncSummary) -> None:
        """New or changed messages arrived: show them (the reader keeps its place otherwise)."""
        self.forget_reply_counts()  # replies went out and messages came in before this round
        if summary.new or summary.edited or summary.deleted:
            self.inbox.apply_filter()
            self.refresh_counts()
            spawn(self.check_crisis())
        if summary.new:
            spawn(self.notify_new_messages())

    # -- notifications (WindowNotifications) ---------------------------------------------------
    @property
    def notifier(self) -> TrayNotifier | None:
        """The tray notifier, made after the first paint."""
        return self.notifications.notifier

    def looking(self) -> bool:
        return self.notifications.looking()

    async def notify_new_messages(self) -> None:
        await self.notifications.notify_new_messages()

    def come_forward(self) -> None:
        self.notifications.come_forward()

    # -- channels -------------------------------------------------------------------------------
    def _channel_service(self) -> ChannelService:
        from kurum_masaustu.services.channels import ChannelService

        return ChannelService(self.services.sessions, self.services.credentials())

    def open_channel_manager(self) -> ChannelManagerDialog:
        """The channel manager ("Kanallar…"): connect, test, reconnect, rename, remove."""
        from kurum_masaustu.services.connect import ConnectService
        from kurum_masaustu.ui.channel_manager import ChannelManagerDialog

        channels = self._channel_service()
        connect = ConnectService(
            channels, self.services.profile.root / "sandbox", on_changed=self.services.forget_adapter
        )
        dialog = ChannelManagerDialog(channels, connect, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.changed.connect(self._channels_changed)
        dialog.open()
        return dialog

    def _channels_changed(self) -> None:
        """A channel was added, connected, renamed or removed: every pane offers the ones there are."""
        self.composer.set_channels(self.services.posts.channels())
        self.calendar.refresh()  # its filters offer the channels there are now
        self.inbox.reload_channels()
        self.refresh_channel_warning()
        self._poke_outbox()

    def refresh_channel_warning(self) -> None:
        self.channel_warning.show_for(self._channel_service().list(), datetime.now(UTC))

    def refresh_pause(self) -> None:
        paused = self.services.pause.paused()
        if paused is None:
            self.pause_banner.hide()
        else:
            until = paused.get("until")
            shown_until = f"{to_local(datetime.fromisoformat(until)):%d.%m.%Y %H:%M}" if until else None
            self.pause_banner.show_pause(paused.get("reason") or "", shown_until)
            if until:  # look again when it ends by itself (the switch ends it on that look)
                left = (datetime.fromisoformat(until) - datetime.now(UTC)).total_seconds()
                QTimer.singleShot(int(min(max(left, 0) + 1, 86_400) * 1000), self._pause_may_have_ended)
        for action in (self.pause_action, self.crisis_action, self.mourning_action):
            action.setEnabled(paused is None)
        self.resume_action.setEnabled(paused is not None)

    def _pause_may_have_ended(self) -> None:
        was_paused = not self.pause_banner.isHidden()
        self.refresh_pause()
        if was_paused and self.pause_banner.isHidden():
            self.calendar.refresh()
            self.composer.update_checks()
            self._poke_outbox()

    def ask_pause_publishing(self, mode: str = "manual") -> None:
        from kurum_masaustu.ui.pause_dialog import PauseDialog

        dialog = PauseDialog(mode, self)
        if dialog.exec():
            self.pause_publishing(dialog.reason(), dialog.until(), mode=mode)

    def pause_publishing(self, reason: str, until: datetime | None = None, mode: str = "manual") -> None:
        self.services.pause.pause(reason, until, mode)
        if self.services.publisher.handed_off_ids(None):
            spawn(self._take_back_for_pause())
        self.refresh_pause()
        self.composer.update_checks()

    def resume_publishing(self, decide: Callable[[int], bool | None] | None = None) -> None:
        """Resume; what fell due meanwhile is reviewed first (publish now, or keep as drafts).

        ``decide(count)`` answers True (publish), False (keep as drafts) or None (stay paused);
        by default the person is asked.
        """
        paused = self.services.pause.paused()
        since_text = paused.get("since") if paused else None
        since = datetime.fromisoformat(since_text) if since_text else None
        due = self.services.outbox.fell_due_between(since, datetime.now(UTC)) if since else []
        if due:
            choice = (decide or self._ask_about_due)(len(due))
            if choice is None:
                return
            if choice is False:
                self.services.outbox.hold_as_drafts([row.delivery_id for row in due])
            else:  # the person said they may go out late: not asked about again
                self.services.outbox.approve_late([row.delivery_id for row in due], datetime.now(UTC))
        self.services.pause.resume()
        self.refresh_pause()
        self.calendar.refresh()
        self.outbox.reload()
        self.refresh_counts()
        self.composer.update_checks()
        self._poke_outbox()

    def _ask_about_due(self, count: int) -> bool | None:
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("Resume publishing"))
        box.setText(self.tr("%n post(s) became due while publishing was paused.", "", count))
        box.setInformativeText(self.tr("Publish them now, or keep them as drafts to review and reschedule?"))
        publish = box.addButton(self.tr("Publish now"), QMessageBox.ButtonRole.AcceptRole)
        hold = box.addButton(self.tr("Keep as drafts"), QMessageBox.ButtonRole.RejectRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        clicked = box.clickedButton()
        if clicked is publish:
            return True
        if clicked is hold:
            return False
        return None

    def _show_first_post_of_day(self) -> None:
        """Start with something in the media preview: the latest post with media up to now."""
        post_id = self.services.posts.latest_post_with_media(datetime.now(UTC))
        if post_id is not None:
            self.show_post(post_id)

    def refresh_counts(self) -> None:
        self.status.set_outbox_counts(self.services.posts.outbox_counts())
        self.status.set_unanswered(self.services.inbox.unanswered_count())

    async def import_media(self, path: Path) -> MediaInfo:
        """Copy a file into the profile's media store in a worker thread."""

        def work() -> MediaInfo:
            with self.services.sessions.begin() as session:
                return media_info(self.services.media.import_file(session, path))

        return await in_thread(work)

    async def ready(self) -> None:
        """Resolves once the window shows its data: media preview, holidays and important days."""
        await self.media.wait_preview()
        await self.calendar.wait_days()

    def start_background_work(self) -> None:
        """Work that must not delay the first paint (the app calls it once the window is ready)."""
        self.notifications.start()
        spawn(self._check_keyring())
        spawn(self._install_templates())
        self._take_back_if_paused()
        spawn(in_thread(_warm_up_text_rules))
        spawn(self._load_dictionary())
        self.refresh_channel_warning()
        spawn(self.check_crisis())
        self._show_backup_hint()

    # -- backup (WindowBackup) -------------------------------------------------------------------
    @property
    def backup_hint(self) -> BackupHint | None:
        """The status bar's backup reminder, made after the first paint."""
        return self.backup.hint

    def _show_backup_hint(self) -> None:
        self.backup.show_hint()

    async def _load_dictionary(self) -> None:
        """Read the spelling dictionary (about a second) before the first check needs it."""
        from kurum_masaustu.services.spelling import DictionaryUnavailableError

        try:
            await in_thread(self.spell_checker.load)
        except DictionaryUnavailableError as exc:
            log.warning("spelling check unavailable: %s", exc)

    async def _install_templates(self) -> None:
        """Shipped templates into the profile (new ones added; the person's edits kept)."""
        from kurum_masaustu.services.templates import TemplateService

        report = await in_thread(TemplateService(self.services.sessions).install_builtins)
        log.info("templates: %s", report)

    async def _check_keyring(self) -> None:
        from kurum_masaustu.credentials import CredentialStore

        store = CredentialStore(namespace=self.services.settings.profile_id or str(self.services.profile.root))
        ok, reason = await in_thread(store.available)
        if alive(self):  # the window may have closed while the keyring answered
            self.status.set_keyring_problem(None if ok else reason)

    def on_second_launch(self, argv: list[str]) -> None:
        """Another launch on this profile handed over to us: come to the front."""
        from kurum_masaustu.single_instance import raise_window

        log.info("second launch on this profile (%d arguments); raising the window", len(argv))
        raise_window(self)

    def _about(self) -> None:
        from kurum_masaustu.ui.about_dialog import AboutDialog

        AboutDialog(self).exec()

    def _settings(self) -> None:
        from kurum_masaustu import policy
        from kurum_masaustu.ui.settings_dialog import SettingsDialog

        profile = self.services.profile
        if SettingsDialog(self.services.settings, profile.settings_file, policy.current(), self).exec():
            self.apply_inbox_settings()

    def apply_inbox_settings(self) -> None:
        """Saved inbox settings take effect now: clocks, overdue rows, figures and the crisis check."""
        self.services.apply_inbox_settings()
        self.forget_reply_counts()
        self.inbox.apply_filter()
        self.inbox.refresh_figures()
        spawn(self.check_crisis())

    # -- layout ---------------------------------------------------------------------------
    def _ui_state(self) -> QSettings:
        return QSettings(str(self.services.profile.ui_state_file), QSettings.Format.IniFormat)

    def _restore_layout(self) -> None:
        state = self._ui_state()
        geometry = state.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        layout = state.value("window/state")
        if isinstance(layout, QByteArray):
            self.restoreState(layout, LAYOUT_VERSION)

    def save_layout(self) -> None:
        state = self._ui_state()
        state.setValue("window/geometry", self.saveGeometry())
        state.setValue("window/state", self.saveState(LAYOUT_VERSION))
        state.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.notifications.hide()
        self.media.flush()
        self.composer.autosave_now()
        self.save_layout()
        super().closeEvent(event)
