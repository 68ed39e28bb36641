"""Dialogs of the plan: campaigns (dates, colour, presets) and goals ("bu hafta 5 duyuru")."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kurum_masaustu.domain import Category
from kurum_masaustu.rules.goals import ALL_MESSAGES, Goal, GoalKind, Period, Progress, ReplyProgress, ReplyScope
from kurum_masaustu.rules.timeutil import today_local
from kurum_masaustu.rules.turkish import tr_lower
from kurum_masaustu.services.planning import CampaignInfo, PlanningError, PlanningService
from kurum_masaustu.services.posts import ChannelInfo
from kurum_masaustu.ui.calendar_grid import pydate, qdate
from kurum_masaustu.ui.labels import category_name, channel_label

#: Seasonal campaigns a municipality runs every year (seed chapter 1): name, colour, start, length.
SEASONAL_PRESETS: tuple[tuple[str, str, tuple[int, int], int, tuple[str, ...]], ...] = (
    ("Ramazan", "#0f766e", (0, 0), 30, ("#Ramazan",)),
    ("Yaz etkinlikleri", "#ea580c", (6, 15), 77, ("#YazEtkinlikleri",)),
    ("Okul açılışı", "#2563eb", (9, 1), 21, ("#OkullarAçılıyor",)),
    ("Kış yol çalışmaları", "#475569", (12, 1), 90, ("#KışaHazırız",)),
)


def channel_checks(channels: Sequence[ChannelInfo], columns: int = 2) -> tuple[QWidget, dict[int, QCheckBox]]:
    """A grid of one check box per channel, by channel id."""
    box = QWidget()
    grid = QGridLayout(box)
    grid.setContentsMargins(0, 0, 0, 0)
    checks: dict[int, QCheckBox] = {}
    for i, channel in enumerate(channels):
        check = QCheckBox(channel_label(channel.display_name, channel.platform))
        checks[channel.id] = check
        grid.addWidget(check, i // columns, i % columns)
    return box, checks


def goal_subject(goal: Goal, campaigns: dict[int, str], channels: dict[int, str]) -> str:
    """What a goal counts: "duyuru", "Sıfır Atık Ayı gönderisi", "gönderi (Telegram)"."""
    if goal.category is not None:
        what = tr_lower(category_name(goal.category))
    else:
        what = QCoreApplication.translate("Goals", "post(s)")
    if goal.campaign_id is not None:
        what = QCoreApplication.translate("Goals", "{what} in {campaign}").format(
            what=what, campaign=campaigns.get(goal.campaign_id, "?")
        )
    if goal.channel_id is not None:
        what += f" ({channels.get(goal.channel_id, '?')})"
    return what


def reply_goal_text(item: ReplyProgress | None, goal: Goal, scope_name: str = "") -> str:
    """ "Fen İşleri: bu hafta %80 zamanında (hedef %90)"; None: still being counted. ``scope_name``:
    the channel or unit the goal is limited to ("" for all messages)."""
    week = goal.period is Period.WEEK
    if item is None:
        text = (
            QCoreApplication.translate("Goals", "this week reply time: counting…")
            if week
            else QCoreApplication.translate("Goals", "this month reply time: counting…")
        )
    else:
        template = (
            QCoreApplication.translate("Goals", "this week {percent}% answered in time (goal {target}%)")
            if week
            else QCoreApplication.translate("Goals", "this month {percent}% answered in time (goal {target}%)")
        )
        text = template.format(percent=item.percent, target=goal.target)
    return f"{scope_name}: {text}" if scope_name else text


def goal_text(item: Progress, campaigns: dict[int, str], channels: dict[int, str]) -> str:
    """ "Bu hafta 2/5 duyuru" — planned or published posts against the target."""
    what = goal_subject(item.goal, campaigns, channels)
    if item.goal.period is Period.WEEK:
        template = QCoreApplication.translate("Goals", "this week {done}/{target} {what}")
    else:
        template = QCoreApplication.translate("Goals", "this month {done}/{target} {what}")
    return template.format(done=item.planned, target=item.goal.target, what=what)


class CampaignsDialog(QDialog):
    """Campaigns on the left; the chosen one's name, dates, colour and presets on the right."""

    #: "New post in this campaign": the saved campaign (its presets start the post).
    post_requested = Signal(object)

    def __init__(
        self,
        planning: PlanningService,
        channels: Sequence[ChannelInfo],
        templates: Sequence[tuple[str, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Campaigns"))
        self.setObjectName("campaignsDialog")
        self._planning = planning
        self._current: int | None = None
        self._color = "#8250df"
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Campaigns"))
        self.new_button = QPushButton(self.tr("New campaign"))
        self.preset_combo = QComboBox()
        self.preset_combo.setAccessibleName(self.tr("Start from a seasonal preset"))
        self.preset_combo.addItem(self.tr("Seasonal preset…"), None)
        for index, preset in enumerate(SEASONAL_PRESETS):
            self.preset_combo.addItem(preset[0], index)
        self.delete_button = QPushButton(self.tr("Delete"))

        self.name_edit = QLineEdit()
        self.start_edit = QDateEdit()
        self.end_edit = QDateEdit()
        for edit in (self.start_edit, self.end_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd.MM.yyyy")
        self.color_button = QPushButton()
        self.color_button.setAccessibleName(self.tr("Colour"))
        self.goal_edit = QLineEdit()
        self.goal_edit.setPlaceholderText(self.tr("What should the campaign achieve?"))
        self.hashtags_edit = QLineEdit()
        self.hashtags_edit.setPlaceholderText("#SıfırAtık #GeriDönüşüm")
        self.template_combo = QComboBox()
        self.template_combo.addItem(self.tr("No template"), None)
        for key, name in templates:
            self.template_combo.addItem(name, key)
        channel_box, self.channel_checks = channel_checks(channels)
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setStyleSheet("color: #b42318;")
        self.save_button = QPushButton(self.tr("Save campaign"))
        self.new_post_button = QPushButton(self.tr("New post in this campaign"))

        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name_edit)
        dates = QHBoxLayout()
        dates.addWidget(self.start_edit)
        dates.addWidget(QLabel("–"))
        dates.addWidget(self.end_edit)
        dates.addStretch(1)
        form.addRow(self.tr("Dates"), dates)
        form.addRow(self.tr("Colour"), self.color_button)
        form.addRow(self.tr("Goal"), self.goal_edit)
        form.addRow(self.tr("Hashtags"), self.hashtags_edit)
        form.addRow(self.tr("Channels"), channel_box)
        form.addRow(self.tr("Template"), self.template_combo)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(self.message)
        right.addStretch(1)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.new_post_button)
        actions.addWidget(self.save_button)
        right.addLayout(actions)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addWidget(self.new_button)
        left.addWidget(self.preset_combo)
        left.addWidget(self.delete_button)
        body = QHBoxLayout()
        body.addLayout(left, 2)
        body.addLayout(right, 3)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addWidget(buttons)

        self.list.currentItemChanged.connect(self._chosen)
        self.new_button.clicked.connect(lambda: self.start_new())
        self.preset_combo.activated.connect(self._preset)
        self.delete_button.clicked.connect(self._delete)
        self.color_button.clicked.connect(self._pick_colour)
        self.save_button.clicked.connect(self.save)
        self.new_post_button.clicked.connect(self.start_post)
        self.resize(760, 460)
        self._reload()
        if self.list.count():
            self.list.setCurrentRow(0)
        else:
            self.start_new()

    def _reload(self, select: int | None = None) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for campaign in self._planning.campaigns():
            item = QListWidgetItem(f"{campaign.name}  ·  {campaign.starts_on:%d.%m.%Y} – {campaign.ends_on:%d.%m.%Y}")
            item.setData(Qt.ItemDataRole.UserRole, campaign)
            item.setData(Qt.ItemDataRole.DecorationRole, QColor(campaign.color))
            self.list.addItem(item)
            if campaign.id == select:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self.delete_button.setEnabled(self._current is not None)

    def _set_colour(self, colour: str) -> None:
        self._color = colour
        self.color_button.setText(colour)
        self.color_button.setStyleSheet(f"background: {colour}; color: white;")

    def _fill(self, info: CampaignInfo) -> None:
        self._current = info.id
        self.name_edit.setText(info.name)
        self.start_edit.setDate(qdate(info.starts_on))
        self.end_edit.setDate(qdate(info.ends_on))
        self._set_colour(info.color)
        self.goal_edit.setText(info.goal)
        self.hashtags_edit.setText(" ".join(info.hashtags))
        for channel_id, check in self.channel_checks.items():
            check.setChecked(channel_id in info.channel_ids)
        self.template_combo.setCurrentIndex(max(0, self.template_combo.findData(info.template_key)))
        self.message.clear()
        self.delete_button.setEnabled(info.id is not None)

    def _chosen(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if item is not None:
            self._fill(item.data(Qt.ItemDataRole.UserRole))

    def start_new(self, info: CampaignInfo | None = None) -> None:
        today = today_local()
        self.list.clearSelection()
        self._fill(info or CampaignInfo(name="", starts_on=today, ends_on=today + timedelta(days=30)))
        self.name_edit.setFocus()

    def _preset(self, index: int) -> None:
        position = self.preset_combo.itemData(index)
        self.preset_combo.setCurrentIndex(0)
        if position is None:
            return
        name, colour, (month, day), length, tags = SEASONAL_PRESETS[position]
        today = today_local()
        if month == 0:
            start = self._ramadan_start(today)
        else:
            start = date(today.year, month, day)
            if start < today - timedelta(days=length):
                start = start.replace(year=today.year + 1)
        self.start_new(
            CampaignInfo(
                name=name, starts_on=start, ends_on=start + timedelta(days=length - 1), color=colour, hashtags=tags
            )
        )

    @staticmethod
    def _ramadan_start(today: date) -> date:
        """The next Ramazan's first day, from the days table (the holidays data knows its bayram)."""
        from kurum_masaustu import calendar_data

        for event in calendar_data.days_between(today, today + timedelta(days=400)):
            if "Ramazan" in event.name and not event.day_off:
                return event.start
        return today

    def _pick_colour(self) -> None:
        colour = QColorDialog.getColor(QColor(self._color), self, self.tr("Campaign colour"))
        if colour.isValid():
            self._set_colour(colour.name())

    def save(self) -> int | None:
        info = CampaignInfo(
            id=self._current,
            name=self.name_edit.text(),
            starts_on=pydate(self.start_edit.date()),
            ends_on=pydate(self.end_edit.date()),
            color=self._color,
            goal=self.goal_edit.text().strip(),
            hashtags=tuple(self.hashtags_edit.text().split()),
            channel_ids=tuple(cid for cid, check in self.channel_checks.items() if check.isChecked()),
            template_key=self.template_combo.currentData(),
        )
        try:
            campaign_id = self._planning.save_campaign(info)
        except PlanningError as exc:
            self.message.setText(
                {
                    "no_name": self.tr("Give the campaign a name."),
                    "ends_before_start": self.tr("The campaign ends before it starts."),
                }.get(exc.code, str(exc))
            )
            return None
        self._current = campaign_id
        self._reload(select=campaign_id)
        self.message.clear()
        return campaign_id

    def start_post(self) -> None:
        """Save the campaign as shown, then ask for a post started with its presets."""
        campaign_id = self.save()
        if campaign_id is None:
            return
        chosen = next((c for c in self._planning.campaigns() if c.id == campaign_id), None)
        if chosen is not None:
            self.post_requested.emit(chosen)
            self.accept()

    def _delete(self) -> None:
        if self._current is not None:
            self._planning.delete_campaign(self._current)
            self._current = None
            self._reload()
            self.start_new()


class GoalsDialog(QDialog):
    """The goals of the plan: "every week 5 announcements", "every month 8 posts on Telegram"."""

    def __init__(
        self,
        planning: PlanningService,
        channels: Sequence[ChannelInfo],
        campaigns: Sequence[CampaignInfo],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Goals"))
        self.setObjectName("goalsDialog")
        self._planning = planning
        self._campaigns = {c.id: c.name for c in campaigns if c.id is not None}
        self._channels = {c.id: c.display_name for c in channels}
        self._units = dict(planning.units())
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Goals"))
        self.kind_combo = QComboBox()
        self.kind_combo.setAccessibleName(self.tr("Kind of goal"))
        self.kind_combo.addItem(self.tr("posts"), GoalKind.POSTS.value)
        self.kind_combo.addItem(self.tr("% of messages answered within the response target"), GoalKind.REPLY_TIME.value)
        self.kind_combo.setToolTip(
            self.tr(
                "Reply time: the share of citizens' messages answered within the response target (Settings → Inbox)."
            )
        )
        self.target_spin = QSpinBox()
        self.target_spin.setRange(1, 200)
        self.target_spin.setValue(5)
        self.target_spin.setAccessibleName(self.tr("Number of posts"))
        self.period_combo = QComboBox()
        self.period_combo.addItem(self.tr("per week"), Period.WEEK.value)
        self.period_combo.addItem(self.tr("per month"), Period.MONTH.value)
        self.category_combo = QComboBox()
        self.category_combo.addItem(self.tr("any category"), None)
        for category in Category:
            self.category_combo.addItem(category_name(category), category.value)
        self.campaign_combo = QComboBox()
        self.campaign_combo.addItem(self.tr("any campaign"), None)
        for campaign_id, name in self._campaigns.items():
            self.campaign_combo.addItem(name, campaign_id)
        self.channel_combo = QComboBox()
        self.channel_combo.addItem(self.tr("any channel"), None)
        for channel in channels:
            self.channel_combo.addItem(channel_label(channel.display_name, channel.platform), channel.id)
        #: Which messages a reply-time goal counts: all, one channel's or one unit's.
        self.scope_combo = QComboBox()
        self.scope_combo.setAccessibleName(self.tr("Messages counted"))
        self.scope_combo.addItem(self.tr("all messages"), "")
        for channel in channels:
            self.scope_combo.addItem(
                self.tr("channel: {name}").format(name=channel_label(channel.display_name, channel.platform)),
                f"channel:{channel.id}",
            )
        for unit_id, name in self._units.items():
            self.scope_combo.addItem(self.tr("unit: {name}").format(name=name), f"unit:{unit_id}")
        self.scope_combo.setToolTip(
            self.tr("A unit's messages are those routed to it; a channel's are those that came in on it.")
        )
        self.scope_combo.hide()
        self.add_button = QPushButton(self.tr("Add goal"))
        self.remove_button = QPushButton(self.tr("Remove goal"))
        explanation = QLabel(
            self.tr("Planned and published posts count toward a goal; drafts do not. The calendar shows the progress.")
        )
        explanation.setWordWrap(True)
        row = QHBoxLayout()
        for widget in (
            self.target_spin,
            self.kind_combo,
            self.period_combo,
            self.category_combo,
            self.campaign_combo,
            self.channel_combo,
            self.scope_combo,
            self.add_button,
        ):
            row.addWidget(widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.add_button.clicked.connect(self.add_goal)
        self.remove_button.clicked.connect(self._remove)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.resize(980, 380)
        self._reload()

    def _reload(self) -> None:
        self.list.clear()
        for goal in self._planning.goals():
            if goal.kind is GoalKind.REPLY_TIME:
                text = (
                    self.tr("{target}% of messages answered within the response target per week")
                    if goal.period is Period.WEEK
                    else self.tr("{target}% of messages answered within the response target per month")
                ).format(target=goal.target)
                if goal.channel_id is not None:
                    text = self.tr("{name}: {goal}").format(name=self._channels.get(goal.channel_id, "?"), goal=text)
                elif goal.unit_id is not None:
                    text = self.tr("{name}: {goal}").format(name=self._units.get(goal.unit_id, "?"), goal=text)
                item = QListWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, goal.id)
                self.list.addItem(item)
                continue
            what = goal_subject(goal, self._campaigns, self._channels)
            text = (
                self.tr("{target} {what} per week")
                if goal.period is Period.WEEK
                else self.tr("{target} {what} per month")
            ).format(target=goal.target, what=what)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, goal.id)
            self.list.addItem(item)
        self.remove_button.setEnabled(self.list.count() > 0)

    def _kind_changed(self) -> None:
        """A reply-time goal is a share of the messages (all, a channel's or a unit's): per cent, no
        category or campaign."""
        replies = self.kind_combo.currentData() == GoalKind.REPLY_TIME.value
        for combo in (self.category_combo, self.campaign_combo, self.channel_combo):
            combo.setEnabled(not replies)
            combo.setVisible(not replies)
        self.scope_combo.setVisible(replies)
        self.target_spin.setRange(1, 100 if replies else 200)
        self.target_spin.setSuffix("%" if replies else "")
        if replies:
            self.target_spin.setValue(90)

    def scope(self) -> ReplyScope:
        """The messages the reply-time goal being added counts (the scope box's choice)."""
        kind, _, number = str(self.scope_combo.currentData() or "").partition(":")
        if kind == "channel":
            return ReplyScope(channel_id=int(number))
        if kind == "unit":
            return ReplyScope(unit_id=int(number))
        return ALL_MESSAGES

    def add_goal(self) -> int:
        if self.kind_combo.currentData() == GoalKind.REPLY_TIME.value:
            scope = self.scope()
            goal_id = self._planning.add_goal(
                Goal(
                    Period(self.period_combo.currentData()),
                    self.target_spin.value(),
                    channel_id=scope.channel_id,
                    kind=GoalKind.REPLY_TIME,
                    unit_id=scope.unit_id,
                )
            )
            self._reload()
            return goal_id
        category = self.category_combo.currentData()
        goal = Goal(
            period=Period(self.period_combo.currentData()),
            target=self.target_spin.value(),
            category=Category(category) if category is not None else None,
            campaign_id=self.campaign_combo.currentData(),
            channel_id=self.channel_combo.currentData(),
        )
        goal_id = self._planning.add_goal(goal)
        self._reload()
        return goal_id

    def _remove(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self._planning.delete_goal(item.data(Qt.ItemDataRole.UserRole))
            self._reload()
