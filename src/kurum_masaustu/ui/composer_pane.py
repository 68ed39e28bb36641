"""Composer pane: write one post, choose its channels and time, attach media, save or schedule."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kurum_masaustu.domain import Category, DeliveryState, PostKind
from kurum_masaustu.rules.timeutil import ISTANBUL, local_to_utc, to_local, today_local
from kurum_masaustu.rules.tone import Finding, celebratory, election_sensitive

if TYPE_CHECKING:
    from kurum_masaustu.media.video import VideoInfo
    from kurum_masaustu.rules.best_time import Sample
    from kurum_masaustu.rules.hashtags import TagSet
    from kurum_masaustu.rules.templates import FieldProblem, FieldSpec
    from kurum_masaustu.services.templates import TemplateRecord
    from kurum_masaustu.ui.checklist_widget import ChecklistWidget
from kurum_masaustu.services.autosave import Autosave
from kurum_masaustu.services.posts import (
    ChannelInfo,
    MediaInfo,
    PostDraft,
    PostService,
    PostValidationError,
)
from kurum_masaustu.ui.channel_rows import ChannelRows
from kurum_masaustu.ui.composer_kinds import KindPanel
from kurum_masaustu.ui.labels import category_name, platform_name
from kurum_masaustu.ui.override_editor import OverrideEditor
from kurum_masaustu.ui.previews import ChannelCheck, PreviewPanel, any_message, check_channel
from kurum_masaustu.ui.tasks import alive, in_thread, spawn

log = logging.getLogger(__name__)

IMAGE_FILTER = "*.jpg *.jpeg *.png *.webp *.gif *.heic *.heif *.mp4 *.mov"


@dataclass(frozen=True)
class WordingContext:
    """What the chosen day asks of the wording."""

    mourning: bool = False  # national mourning is on: nothing celebratory
    commemoration: str | None = None  # the anma day falling on the chosen date, if any
    election: bool = False  # inside the election period: no openings or ceremonies


class ComposerPane(QWidget):
    """Edits a :class:`PostDraft`; emits ``saved(post_id, day)`` after a successful save."""

    saved = Signal(int, object)
    media_changed = Signal(list)  # list[MediaInfo] of the post being edited

    def __init__(
        self,
        posts: PostService,
        import_media: object,
        autosave: Autosave | None = None,
        context: Callable[[date], WordingContext] | None = None,
        acknowledge: Callable[[str], str | None] | None = None,
        tag_sets: Callable[[], list[TagSet]] | None = None,
        templates: Callable[[], list[TemplateRecord]] | None = None,
        engagement: Callable[[], dict[int, list[Sample]]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        #: Every channel's published posts with engagement (best-time hint), read in a worker
        #: thread each time a post is opened (the figures grow as posts are published).
        self._engagement = engagement
        self._samples: dict[int, list[Sample]] | None = None
        self._samples_generation = 0
        self._templates = templates or (lambda: [])
        self._template_fields: tuple[FieldSpec, ...] = ()
        self._tag_sets_source = tag_sets or (lambda: [])
        self._tag_sets: list[TagSet] | None = None
        self._context = context or (lambda _day: WordingContext())
        self._acknowledge = acknowledge or self._ask_acknowledgement
        self.notes: list[str] = []
        self._autosave = autosave
        self._autosave_ready = False  # until restore_autosave() has looked at last time's file
        self._baseline: dict[str, Any] | None = None
        self._autosave_timer = QTimer(self)
        self._autosave_timer.setSingleShot(True)
        self._autosave_timer.setInterval(800)
        self._autosave_timer.timeout.connect(self.autosave_now)
        self.setObjectName("composerPane")
        self._posts = posts
        self._import_media = import_media  # async callable(Path) -> MediaInfo
        self._post_id: int | None = None
        #: The campaign of the post being written (a post started in a campaign gets it).
        self.campaign_id: int | None = None
        self._media: list[MediaInfo] = []
        self._locked: set[int] = set()
        #: The profile's media folder (videos are probed there); set by the window.
        self.media_root: Path | None = None
        self._video_facts: dict[int, VideoInfo] = {}
        self._probing: set[int] = set()
        self.checklist: ChecklistWidget | None = None  # attach_checklist()

        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(self.tr("Title for the calendar (optional)"))
        self.title_edit.setAccessibleName(self.tr("Title"))
        self.body_edit = QPlainTextEdit()
        self.body_edit.setPlaceholderText(self.tr("Write the post once; adjust it per channel later."))
        self.body_edit.setAccessibleName(self.tr("Post text"))
        self.body_edit.setTabChangesFocus(True)
        self.counter_label = QLabel()
        self.counter_label.setTextFormat(Qt.TextFormat.PlainText)
        self.counter_label.setWordWrap(True)
        self.previews = PreviewPanel()
        self.suggestions = QWidget()
        self.suggestions.setAccessibleName(self.tr("Suggested hashtags"))
        self._suggestion_layout = QHBoxLayout(self.suggestions)
        self._suggestion_layout.setContentsMargins(0, 0, 0, 0)
        self._suggestion_label = QLabel(self.tr("Hashtags:"))
        self._suggestion_layout.addWidget(self._suggestion_label)
        self._suggestion_buttons: list[QToolButton] = []
        for _ in range(6):
            button = QToolButton()
            button.setAutoRaise(True)
            button.clicked.connect(lambda _checked=False, b=button: self.add_hashtag(b.text()))
            self._suggestion_layout.addWidget(button)
            self._suggestion_buttons.append(button)
        self._suggestion_layout.addStretch(1)
        self.kinds = KindPanel(self.body_edit)
        self.overrides = OverrideEditor(self.body_edit.toPlainText, self._check_one)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.body_edit, self.tr("Text"))
        self.tabs.addTab(self.previews, self.tr("Preview"))
        self.tabs.addTab(self.overrides, self.tr("Per channel"))
        # An unselected tab is drawn 2 px lower and clips the dots of "Ö" in "Önizleme".
        self.tabs.tabBar().setStyleSheet("QTabBar::tab { padding: 4px 10px 3px 10px; }")
        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(150)
        self._check_timer.timeout.connect(self.update_checks)
        self._channels: dict[int, ChannelInfo] = {}

        self.category_combo = QComboBox()
        self.category_combo.setAccessibleName(self.tr("Category"))
        for category in Category:
            self.category_combo.addItem(category_name(category), category)
        self.when_edit = QDateTimeEdit()
        self.when_edit.setCalendarPopup(True)
        self.when_edit.setDisplayFormat("dd.MM.yyyy HH:mm")
        self.when_edit.setAccessibleName(self.tr("Publish time"))
        self.best_time_label = QLabel()
        self.best_time_label.setTextFormat(Qt.TextFormat.PlainText)
        self.best_time_label.setWordWrap(True)
        # Two lines kept for the hint, which arrives from a worker: nothing below it jumps then.
        self.best_time_label.setMinimumHeight(self.fontMetrics().lineSpacing() * 2)
        self.best_time_label.setStyleSheet("color: #57534e;")
        self.best_time_label.setAccessibleName(self.tr("Best times to post"))
        self.best_time_label.setVisible(engagement is not None)

        self.channel_box = ChannelRows()
        self.channel_checks = self.channel_box.checks  # the same dicts: kept up to date by the rows
        self.hand_off_checks = self.channel_box.hand_off_checks
        self.state_labels = self.channel_box.state_labels
        self.take_back_button = self.channel_box.take_back_button
        self.hand_off_note = self.channel_box.hand_off_note
        #: Cancels what the platforms hold for a post: async (post_id) -> (taken back, not taken back).
        self.take_back_post: Callable[[int], Awaitable[tuple[int, int]]] | None = None

        self.media_list = QListWidget()
        self.media_list.setAccessibleName(self.tr("Attached media"))
        self.media_list.setMaximumHeight(64)
        self.attach_button = QPushButton(self.tr("Add image or video…"))
        self.remove_media_button = QPushButton(self.tr("Remove"))
        self.remove_media_button.setAccessibleName(self.tr("Remove the selected media"))

        self.new_button = QPushButton(self.tr("New post"))
        self.template_button = QPushButton(self.tr("From a template…"))
        self.save_button = QPushButton(self.tr("Save draft"))
        self.schedule_button = QPushButton(self.tr("Schedule"))
        self.schedule_button.setDefault(True)
        self.message_label = QLabel()
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setWordWrap(True)
        self.message_label.setAccessibleName(self.tr("Composer messages"))

        form = QFormLayout()
        form.addRow(self.tr("Title"), self.title_edit)
        form.addRow(self.tr("Category"), self.category_combo)
        when_box = QVBoxLayout()
        when_box.setSpacing(2)
        when_box.addWidget(self.when_edit)
        when_box.addWidget(self.best_time_label)
        form.addRow(self.tr("Publish time"), when_box)

        media_buttons = QHBoxLayout()
        media_buttons.addWidget(self.attach_button)
        media_buttons.addWidget(self.remove_media_button)
        media_buttons.addStretch(1)

        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.template_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.schedule_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(form)
        layout.addWidget(self.kinds)
        # The text takes what is left once the rows below have their height (not the other way).
        self.tabs.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self.tabs.setMinimumHeight(self.tabs.minimumSizeHint().height())
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.suggestions)
        layout.addWidget(self.counter_label)
        # The channel rows scroll when the window is short (a 1366 × 768 laptop screen): without
        # this the composer alone needed ≈630 px and the window could not be shorter than ≈790.
        self.channel_scroll = QScrollArea()
        self.channel_scroll.setWidget(self.channel_box)
        self.channel_scroll.setWidgetResizable(True)
        self.channel_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.channel_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.channel_scroll.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.channel_scroll.setMinimumHeight(self.fontMetrics().height() * 5)
        layout.addWidget(self.channel_scroll)
        layout.addWidget(self.media_list)
        layout.addLayout(media_buttons)
        layout.addWidget(self.message_label)
        layout.addLayout(buttons)

        self.body_edit.textChanged.connect(self._check_timer.start)
        self.kinds.changed.connect(self._check_timer.start)
        self.kinds.changed.connect(self._autosave_timer.start)
        self.kinds.kind_combo.currentIndexChanged.connect(lambda _i: self.channel_box.set_kind(self.kinds.kind()))
        self.channel_box.toggled.connect(self._check_timer.start)
        self.channel_box.toggled.connect(self._autosave_timer.start)
        self.channel_box.toggled.connect(self._channels_toggled)
        self.channel_box.hand_off_toggled.connect(self._autosave_timer.start)
        self.channel_box.take_back_requested.connect(lambda: spawn(self.take_back()))
        self.overrides.changed.connect(self._check_timer.start)
        self.overrides.changed.connect(self._autosave_timer.start)
        self.body_edit.textChanged.connect(self._autosave_timer.start)
        self.title_edit.textChanged.connect(self._autosave_timer.start)
        self.when_edit.dateTimeChanged.connect(self._autosave_timer.start)
        self.when_edit.dateTimeChanged.connect(self._check_timer.start)
        self.when_edit.dateTimeChanged.connect(lambda _moment: self.update_best_time())
        self.channel_box.toggled.connect(self.update_best_time)
        self.category_combo.currentIndexChanged.connect(self._autosave_timer.start)
        self.new_button.clicked.connect(lambda: self.new_post())
        self.template_button.clicked.connect(self.choose_template)
        self.save_button.clicked.connect(lambda: self.save(schedule=False))
        self.schedule_button.clicked.connect(lambda: self.save(schedule=True))
        self.attach_button.clicked.connect(self._choose_media)
        self.remove_media_button.clicked.connect(self._remove_media)

        self.set_channels(posts.channels())
        self.new_post()

    # -- channels -------------------------------------------------------------------------
    def set_channels(self, channels: list[ChannelInfo]) -> None:
        """One row per channel: chosen or not, its delivery's state, and hand-off where offered.
        Called again when channels are added, renamed or removed: the open post keeps its choice."""
        chosen, hand_off = set(self.checked_channels()), self.hand_off_channels()
        self._channels = {channel.id: channel for channel in channels}
        self.channel_box.set_channels(channels)
        for channel_id, check in self.channel_checks.items():
            check.setChecked(channel_id in chosen)
            check.setEnabled(channel_id not in self._locked)
        self._set_hand_off(hand_off & set(self._channels))
        self._channels_toggled()
        self.refresh_deliveries()

    def checked_channels(self) -> list[int]:
        return self.channel_box.checked()

    def checked_channel_infos(self) -> list[ChannelInfo]:
        return [self._channels[cid] for cid in self.checked_channels() if cid in self._channels]

    def _channels_toggled(self) -> None:
        chosen = self.checked_channel_infos()
        self.kinds.set_channels(chosen)
        self.overrides.set_channels(chosen)

    def update_best_time(self) -> None:
        """The good hours of the chosen weekday for the chosen channels (all channels when none is
        chosen): own engagement when there is enough, else the general suggestion."""
        if self._engagement is None:
            return
        from kurum_masaustu.ui.best_time_hint import best_time_short

        if self._samples is None:
            return  # still being read; the hint appears when they arrive
        chosen = self.checked_channels() or list(self._channels)
        samples = [sample for channel_id in chosen for sample in self._samples.get(channel_id, ())]
        weekday = self.when_edit.date().dayOfWeek() - 1
        self.best_time_label.setText(best_time_short(samples, weekday))

    def _read_samples(self) -> None:
        """Read the engagement figures again off the UI thread (the last one asked for wins)."""
        if self._engagement is None:
            return
        self._samples_generation += 1
        spawn(self._samples_arrive(self._engagement, self._samples_generation))

    async def _samples_arrive(self, read: Callable[[], dict[int, list[Sample]]], generation: int) -> None:
        samples = await in_thread(read)
        if generation != self._samples_generation or not alive(self):
            return
        self._samples = samples
        self.update_best_time()

    def hand_off_channels(self) -> set[int]:
        return self.channel_box.hand_off_channels()

    def _set_hand_off(self, channel_ids: set[int]) -> None:
        self.channel_box.set_hand_off(channel_ids)

    def refresh_deliveries(self) -> None:
        """Each chosen channel's delivery state for the open post (after saving or publishing)."""
        statuses = self._posts.delivery_statuses(self._post_id) if self._post_id else []
        self.channel_box.show_statuses(statuses, can_take_back=self.take_back_post is not None)

    async def take_back(self) -> None:
        """Cancel the open post on the platforms' schedulers; then it can be edited again."""
        if self.take_back_post is None or self._post_id is None:
            return
        post_id = self._post_id
        self.take_back_button.setEnabled(False)
        try:
            taken, failed = await self.take_back_post(post_id)
        finally:
            self.take_back_button.setEnabled(True)
        if self._post_id != post_id:
            return  # the person moved on to another post meanwhile
        self.load(post_id)
        if failed:
            self._show_error(
                self.tr(
                    "%n channel(s) could not be taken back (offline, or the platform already published it).",
                    "",
                    failed,
                )
            )
        else:
            self.message_label.setStyleSheet("")
            self.message_label.setText(
                self.tr("Taken back from %n channel(s): edit the post and schedule it again.", "", taken)
            )

    # -- loading --------------------------------------------------------------------------
    def new_post(self, day: date | None = None) -> None:
        """Start an empty post, planned at 10:00 on ``day`` (default: the next full hour); a
        ``datetime`` (an hour picked in the week view) is used as it is."""
        self._post_id = None
        self.campaign_id = None
        self._read_samples()
        self._locked = set()
        self.title_edit.clear()
        self.body_edit.clear()
        self.category_combo.setCurrentIndex(0)
        if isinstance(day, datetime):
            start = day.astimezone(ISTANBUL)
        elif day is None:
            start = datetime.now(ISTANBUL).replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
        else:
            start = datetime.combine(day, time(10, 0), tzinfo=ISTANBUL)
        self._set_when(start)
        for check in self.channel_checks.values():
            check.setChecked(False)
            check.setEnabled(True)
        self.kinds.clear()
        self.overrides.set_overrides({})
        self._set_hand_off(set())
        self._set_media([])
        self.message_label.clear()
        self.tabs.setCurrentIndex(0)
        self._template_fields = ()
        if self.checklist is not None:
            self.checklist.post_loaded(None, "")
        self.update_best_time()
        self.refresh_deliveries()
        self.update_checks()
        self._mark_clean()
        self.body_edit.setFocus()

    def load(self, post_id: int) -> bool:
        draft = self._posts.load(post_id)
        if draft is None:
            return False
        states = self._posts.delivery_states(post_id)
        self._read_samples()
        self._post_id = draft.id
        self.campaign_id = draft.campaign_id
        self.title_edit.setText(draft.title)
        self.body_edit.setPlainText(draft.body)
        self.category_combo.setCurrentIndex(max(0, self.category_combo.findData(draft.category)))
        if draft.scheduled_at is not None:
            self._set_when(to_local(draft.scheduled_at))
        self._locked = {
            cid for cid, state in states.items() if state in (DeliveryState.PUBLISHED, DeliveryState.HANDED_OFF)
        }
        for cid, check in self.channel_checks.items():
            check.setChecked(cid in draft.channel_ids)
            check.setEnabled(cid not in self._locked)
        self.kinds.set_kind(draft.kind)
        self.kinds.link_edit.setText(draft.link)
        self.kinds.set_poll(draft.poll)
        self.overrides.set_overrides(draft.overrides)
        self._set_hand_off(draft.hand_off)
        self._set_media(self._posts.media(draft.media_ids))
        if self.checklist is not None:
            self.checklist.post_loaded(draft.id, draft.source_reference)
        self.update_best_time()
        self.refresh_deliveries()
        self.update_checks()
        self._mark_clean()
        if any(state == DeliveryState.HANDED_OFF for state in states.values()):
            self.message_label.setText(
                self.tr(
                    "Handed to the platform's scheduler on some channels: changes here do not reach them "
                    "until you take the post back from the platforms."
                )
            )
        elif self._locked:
            self.message_label.setText(self.tr("Already published on some channels; those stay as they are."))
        else:
            self.message_label.clear()
        return True

    def current_post_id(self) -> int | None:
        return self._post_id

    def _set_when(self, moment: datetime) -> None:
        local = moment.astimezone(ISTANBUL)
        self.when_edit.setDateTime(
            QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
        )

    def scheduled_at(self) -> datetime:
        value = self.when_edit.dateTime()
        day = date(value.date().year(), value.date().month(), value.date().day())
        return local_to_utc(day, time(value.time().hour(), value.time().minute()))

    # -- saving ---------------------------------------------------------------------------
    def draft(self, schedule: bool) -> PostDraft:
        return PostDraft(
            id=self._post_id,
            title=self.title_edit.text(),
            body=self.body_edit.toPlainText(),
            channel_ids=self.checked_channels(),
            scheduled_at=self.scheduled_at(),
            schedule=schedule,
            category=Category(self.category_combo.currentData()),
            media_ids=[m.id for m in self._media],
            source_reference=self.checklist.source_reference() if self.checklist is not None else "",
            kind=self.kinds.kind(),
            overrides={cid: text for cid, text in self.overrides.overrides.items() if cid in self.checked_channels()},
            link=self.kinds.link_edit.text() if self.kinds.kind() is PostKind.TEXT else "",
            poll=self.kinds.poll() if self.kinds.kind() is PostKind.POLL else None,
            hand_off=self.hand_off_channels(),
            campaign_id=self.campaign_id,
        )

    def attach_checklist(self, checklist: ChecklistWidget) -> None:
        """The reliability checklist: a tab here, and a say before anything is scheduled."""
        self.checklist = checklist
        self.tabs.addTab(checklist, self.tr("Checklist"))
        checklist.source_edit.textChanged.connect(self._autosave_timer.start)
        checklist.attach(self)
        checklist.post_loaded(self._post_id, "")

    def save(self, schedule: bool) -> int | None:
        """Save the post; on bad input show why and keep everything typed."""
        draft = self.draft(schedule)
        if schedule:
            blocked = [r for r in self.channel_checks_now() if r.blocking]
            if blocked:
                self.update_checks()
                self.tabs.setCurrentWidget(self.previews)
                names = ", ".join(r.channel.display_name for r in blocked)
                first = any_message(blocked[0].blocking[0])
                self._show_error(
                    self.tr("Cannot schedule for {channels}: {problem} Fix it, or remove that channel.").format(
                        channels=names, problem=first
                    )
                )
                return None
        if schedule and self.checklist is not None:
            unfinished = self.checklist.blocking_message()
            if unfinished:
                self.tabs.setCurrentWidget(self.checklist)
                self._show_error(unfinished)
                return None
        acknowledgement = None
        if schedule:
            unfilled = self.template_problems(self.body_edit.toPlainText())
            if unfilled:
                self.update_checks()
                self._show_error(
                    self.tr("Fill in the template's fields first: {fields}").format(
                        fields=", ".join(p.label for p in unfilled)
                    )
                )
                return None
            _festive, election, _context = self.wording_findings()
            if election:
                words = ", ".join(dict.fromkeys(f.found for f in election))
                acknowledgement = self._acknowledge(words)
                if not acknowledgement:
                    self._show_error(self.tr("Not scheduled: the election-period warning needs a note."))
                    return None
        if schedule and draft.scheduled_at is not None and draft.scheduled_at < datetime.now(ISTANBUL):
            self._show_error(self.tr("The publish time is in the past. Choose a later time."))
            return None
        try:
            post_id = self._posts.save(draft)
        except PostValidationError as exc:
            self._show_error(self._validation_message(exc.code))
            return None
        self._post_id = post_id
        if self.checklist is not None:
            self.checklist.post_saved(post_id)
        if acknowledgement:
            self._posts.record(post_id, "election.warning_acknowledged", {"note": acknowledgement})
        day = to_local(draft.scheduled_at).date() if draft.scheduled_at else today_local()
        self.message_label.setStyleSheet("")
        self.message_label.setText(self.tr("Scheduled.") if schedule else self.tr("Draft saved."))
        self.refresh_deliveries()
        self._mark_clean()
        self.saved.emit(post_id, day)
        return post_id

    def _show_suggestions(self, text: str) -> None:
        if not text.strip():
            self.suggestions.hide()
            return
        from kurum_masaustu.rules.hashtags import suggest

        if self._tag_sets is None:
            self._tag_sets = self._tag_sets_source()
        found = suggest(text, self._tag_sets, to_local(self.scheduled_at()).date(), limit=len(self._suggestion_buttons))
        for button, tag in zip(self._suggestion_buttons, found + [""] * len(self._suggestion_buttons), strict=False):
            button.setText("#" + tag.lstrip("#") if tag else "")  # sets may store tags with their "#"
            button.setVisible(bool(tag))
        self.suggestions.setVisible(bool(found))

    def reload_tag_sets(self) -> None:
        """The hashtag library changed: suggestions read it again."""
        self._tag_sets = None
        self._show_suggestions(self.body_edit.toPlainText())

    def add_hashtag(self, tag: str) -> None:
        """Append a suggested hashtag to the text (undoable like typing)."""
        if not tag:
            return
        cursor = self.body_edit.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        existing = self.body_edit.toPlainText()
        cursor.insertText(("" if not existing or existing.endswith((" ", "\n")) else " ") + tag)
        self.body_edit.setTextCursor(cursor)
        self.update_checks()

    def template_problems(self, text: str) -> list[FieldProblem]:
        """Fields of the template this post was written from that are still ``{empty}``."""
        if not self._template_fields or "{" not in text:
            return []
        from kurum_masaustu.rules.templates import blocking_problems

        return blocking_problems(text, self._template_fields)

    def use_template(self, text: str, fields: tuple[FieldSpec, ...]) -> None:
        """Put a (partly) filled template into the text; empty fields block scheduling."""
        self._template_fields = fields
        self.body_edit.setPlainText(text)
        self.update_checks()

    def choose_template(self) -> None:
        from kurum_masaustu.ui.template_dialog import TemplateDialog

        dialog = TemplateDialog(self._templates(), self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.use_template(*dialog.filled())

    def _ask_acknowledgement(self, words: str) -> str | None:
        note, ok = QInputDialog.getText(
            self,
            self.tr("Election period"),
            self.tr(
                "During the election period public bodies may not publish openings, ceremonies or promotion "
                "of works ({words}). To schedule anyway, write why (it is kept in the audit log):"
            ).format(words=words),
        )
        return note.strip() if ok and note.strip() else None

    # -- autosave -------------------------------------------------------------------------
    def state(self) -> dict[str, Any]:
        """Everything typed or chosen, as plain data (for the autosave file)."""
        return {
            "post_id": self._post_id,
            "title": self.title_edit.text(),
            "body": self.body_edit.toPlainText(),
            "channels": self.checked_channels(),
            "when": self.scheduled_at().isoformat(),
            "category": str(self.category_combo.currentData()),
            "media": [m.id for m in self._media],
            "source": self.checklist.source_reference() if self.checklist is not None else "",
            **self.kinds.state(),
            "overrides": {str(cid): text for cid, text in self.overrides.overrides.items()},
            "hand_off": sorted(self.hand_off_channels()),
        }

    def _mark_clean(self) -> None:
        self._autosave_timer.stop()
        self._baseline = self.state()
        if self._autosave is not None and self._autosave_ready:
            self._autosave.clear()

    def autosave_now(self) -> None:
        self._autosave_timer.stop()
        if self._autosave is None or not self._autosave_ready:
            return
        current = self.state()
        if current == self._baseline:
            self._autosave.clear()
        else:
            self._autosave.save(current)

    def restore_autosave(self) -> bool:
        """Bring back work that was not saved when the app last stopped; True if there was some."""
        state = self._autosave.load() if self._autosave is not None else None
        self._autosave_ready = True
        if not state:
            return False
        post_id = state.get("post_id")
        if isinstance(post_id, int):
            self.load(post_id)
        self.title_edit.setText(str(state.get("title", "")))
        self.body_edit.setPlainText(str(state.get("body", "")))
        chosen = {c for c in state.get("channels", []) if isinstance(c, int)}
        for channel_id, check in self.channel_checks.items():
            if check.isEnabled():
                check.setChecked(channel_id in chosen)
        with contextlib.suppress(ValueError):
            self._set_when(datetime.fromisoformat(str(state.get("when"))))
        index = (
            self.category_combo.findData(Category(state["category"])) if state.get("category") in set(Category) else -1
        )
        if index >= 0:
            self.category_combo.setCurrentIndex(index)
        media_ids = [m for m in state.get("media", []) if isinstance(m, int)]
        self._set_media(self._posts.media(media_ids))
        if self.checklist is not None:
            self.checklist.source_edit.setText(str(state.get("source", "")))
        self.kinds.restore(state)
        raw_overrides = state.get("overrides")
        if isinstance(raw_overrides, dict):
            self.overrides.set_overrides(
                {int(cid): str(text) for cid, text in raw_overrides.items() if str(cid).isdigit()}
            )
        self._set_hand_off({c for c in state.get("hand_off", []) if isinstance(c, int)})
        self.update_checks()
        if self._autosave is not None:
            self._autosave.save(state)
        self.message_label.setStyleSheet("")
        self.message_label.setText(self.tr("Unsaved work from last time was restored."))
        return True

    def _validation_message(self, code: str) -> str:
        messages = {
            "empty": self.tr("The post is empty. Write some text or add an image."),
            "no_time": self.tr("Choose a publish time."),
            "no_channel": self.tr("Choose at least one channel to schedule the post."),
        }
        return messages.get(code, self.tr("The post could not be saved."))

    def _show_error(self, text: str) -> None:
        self.message_label.setStyleSheet("color: #b42318;")
        self.message_label.setText(text)

    def _media_types(self) -> tuple[str, ...]:
        return tuple("video" if m.mime_type.startswith("video/") else "image" for m in self._media)

    def _check_one(self, channel: ChannelInfo, text: str) -> ChannelCheck:
        videos = tuple(self._video_facts[m.id] for m in self._media if m.id in self._video_facts)
        return check_channel(channel, text, bool(self._media), self.kinds.shape(self._media_types(), videos))

    def _probe_videos(self) -> None:
        """Read duration, size and codecs of attached videos in a worker, once per file (a story
        or reel is checked against them)."""
        root = self.media_root
        if root is None:
            return
        for item in self._media:
            if item.mime_type.startswith("video/") and item.id not in self._video_facts.keys() | self._probing:
                self._probing.add(item.id)
                spawn(self._probe(item, root / item.relative_path))

    async def _probe(self, item: MediaInfo, path: Path) -> None:
        from kurum_masaustu.media.errors import MediaError
        from kurum_masaustu.media.video import probe
        from kurum_masaustu.ui.tasks import in_thread

        try:
            self._video_facts[item.id] = await in_thread(lambda: probe(path))
        except (MediaError, OSError) as exc:
            log.info("could not probe %s: %s", item.original_name, exc)
        finally:
            self._probing.discard(item.id)
        self._check_timer.start()

    def channel_checks_now(self) -> list[ChannelCheck]:
        return [
            self._check_one(channel, self.overrides.text_for(channel.id)) for channel in self.checked_channel_infos()
        ]

    def wording_findings(self) -> tuple[list[Finding], list[Finding], WordingContext]:
        """Celebratory words on a day of mourning or commemoration; promotion in the election period."""
        context = self._context(to_local(self.scheduled_at()).date())
        text = self.body_edit.toPlainText()
        festive = celebratory(text) if context.mourning or context.commemoration else []
        election = election_sensitive(text) if context.election else []
        return festive, election, context

    def update_checks(self) -> None:
        """Counters and problems for every chosen channel (validation takes < 1 ms)."""
        self._check_timer.stop()
        text = self.body_edit.toPlainText()
        results = self.channel_checks_now()
        festive, election, context = self.wording_findings() if text.strip() else ([], [], WordingContext())
        self.notes = []
        if festive:
            words = ", ".join(dict.fromkeys(f.found for f in festive))
            if context.mourning:
                self.notes.append(self.tr("National mourning: celebratory wording ({words}).").format(words=words))
            else:
                self.notes.append(
                    self.tr("{day} is a day of commemoration: celebratory wording ({words}).").format(
                        day=context.commemoration, words=words
                    )
                )
        for problem in self.template_problems(text):
            self.notes.append(self.tr("Template field left empty: {field}").format(field=problem.label))
        if election:
            words = ", ".join(dict.fromkeys(f.found for f in election))
            self.notes.append(
                self.tr("Election period: openings, ceremonies and promotion are not allowed ({words}).").format(
                    words=words
                )
            )
        too_many = None
        if "#" in text:
            from kurum_masaustu.rules.hashtags import too_many_for_reading

            too_many = too_many_for_reading(text)
        if too_many:
            self.notes.append(
                self.tr(
                    "{count} hashtags make the post hard to read (screen readers spell each one); at most 5."
                ).format(count=too_many)
            )
        self._show_suggestions(text)
        self.kinds.update_thread_note()
        self.overrides.refresh_checks()
        self.previews.show_checks(results, text, bool(self._media))
        self.previews.show_notes(self.notes)
        blocking = sum(len(r.blocking) for r in results)
        warnings = sum(r.warnings for r in results) + len(self.notes)
        title = self.tr("Preview")
        if blocking:
            title += f" ✖ {blocking}"
        elif warnings:
            title += f" ⚠ {warnings}"
        self.tabs.setTabText(self.tabs.indexOf(self.previews), title)
        overridden = len([cid for cid in self.overrides.overrides if cid in self.checked_channels()])
        per_channel = self.tr("Per channel")
        self.tabs.setTabText(
            self.tabs.indexOf(self.overrides), f"{per_channel} ✎ {overridden}" if overridden else per_channel
        )
        parts = []
        for result in results:
            counts = [c for c in result.counts if c.limit is not None]
            if counts:
                main = counts[0]
                parts.append(f"{platform_name(result.channel.platform)} {main.used}/{main.limit}")
        self.counter_label.setText(" · ".join(parts) if parts else self.tr("%n character(s)", "", len(text)))
        self.counter_label.setStyleSheet("color: #b42318;" if blocking else "")

    # -- media ----------------------------------------------------------------------------
    def _set_media(self, media: list[MediaInfo]) -> None:
        self._media = list(media)
        self._probe_videos()
        self.media_list.clear()
        for item in self._media:
            size = f" {item.width}×{item.height}" if item.width and item.height else ""
            entry = QListWidgetItem(f"{item.original_name}{size}")
            entry.setToolTip(item.alt_text)
            self.media_list.addItem(entry)
        self._autosave_timer.start()
        self.media_list.setVisible(bool(self._media))
        self.remove_media_button.setVisible(bool(self._media))
        self.media_changed.emit(list(self._media))
        self._check_timer.start()

    def _remove_media(self) -> None:
        row = self.media_list.currentRow()
        if 0 <= row < len(self._media):
            self._set_media(self._media[:row] + self._media[row + 1 :])

    def _choose_media(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Add image or video"), "", self.tr("Images and videos") + f" ({IMAGE_FILTER})"
        )
        if files:
            spawn(self.attach_files([Path(f) for f in files]))

    async def attach_files(self, files: list[Path]) -> None:
        """Import files off the UI thread; a bad file gets a message, the rest still attach."""
        from kurum_masaustu.media.library import UnsupportedMediaError

        self.attach_button.setEnabled(False)
        try:
            for path in files:
                try:
                    info: MediaInfo = await self._import_media(path)  # type: ignore[operator]
                except UnsupportedMediaError:
                    self._show_error(self.tr("{name} is not a supported image or video.").format(name=path.name))
                    continue
                except OSError as exc:
                    log.warning("could not read %s: %s", path, exc)
                    self._show_error(self.tr("{name} could not be read.").format(name=path.name))
                    continue
                self._set_media([*self._media, info])
        finally:
            self.attach_button.setEnabled(True)
