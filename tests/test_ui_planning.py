"""Planning in the calendar: campaign bands, goals' progress, our own days, recurring posts."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, time, timedelta

import pytest
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from kurum_masaustu.app import Services
from kurum_masaustu.domain import Category, DeliveryState, Platform
from kurum_masaustu.rules.days import CustomDay, DayCategory, Tone
from kurum_masaustu.rules.goals import Goal, Period
from kurum_masaustu.rules.timeutil import ISTANBUL, to_local
from kurum_masaustu.services.planning import CampaignInfo
from kurum_masaustu.services.posts import PostDraft
from kurum_masaustu.store.models import Channel, Delivery, Post, SeriesPost
from kurum_masaustu.ui import calendar_pane
from kurum_masaustu.ui.calendar_grid import CAMPAIGNS_ROLE
from kurum_masaustu.ui.calendar_pane import MARK_ROLE, CalendarPane
from kurum_masaustu.ui.days_dialog import DaysDialog
from kurum_masaustu.ui.plan_dialogs import CampaignsDialog, GoalsDialog
from kurum_masaustu.ui.recurrence_dialog import RecurrenceDialog

NOW = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def channel_id(services: Services) -> int:
    with services.sessions.begin() as s:
        channel = Channel(platform=Platform.MASTODON, display_name="Belediye")
        s.add(channel)
        s.flush()
        return channel.id


@pytest.fixture
def pane(qtbot: QtBot, qloop: asyncio.AbstractEventLoop, services: Services) -> CalendarPane:
    widget = CalendarPane(services.posts, clock=lambda: NOW)
    qtbot.addWidget(widget)
    widget.resize(1100, 760)
    widget.show()
    return widget


def test_a_campaign_shows_as_a_band_on_its_days_and_its_preset_is_kept(
    pane: CalendarPane, qtbot: QtBot, channel_id: int
) -> None:
    dialog = CampaignsDialog(pane.planning, pane._posts.channels(), [("duyuru", "Duyuru")], pane)
    qtbot.addWidget(dialog)
    dialog.start_new()
    dialog.name_edit.setText("Sıfır Atık Ayı")
    dialog.start_edit.setDate(QDate(2026, 12, 1))
    dialog.end_edit.setDate(QDate(2026, 12, 10))
    dialog.hashtags_edit.setText("#SıfırAtık #GeriDönüşüm")
    dialog.channel_checks[channel_id].setChecked(True)
    dialog.template_combo.setCurrentIndex(1)
    assert dialog.save() is not None
    (saved,) = pane.planning.campaigns()
    assert saved.hashtags == ("#SıfırAtık", "#GeriDönüşüm")
    assert saved.channel_ids == (channel_id,)
    assert saved.template_key == "duyuru"
    pane.refresh(select=date(2026, 12, 5))
    assert pane.model.index_of(date(2026, 12, 10)).data(CAMPAIGNS_ROLE) == [("Sıfır Atık Ayı", saved.color)]
    assert pane.model.index_of(date(2026, 12, 11)).data(CAMPAIGNS_ROLE) == []
    assert "Sıfır Atık Ayı" in pane.filters.campaign_combo.itemText(2)


def test_a_campaign_that_ends_before_it_starts_is_refused_and_the_form_kept(pane: CalendarPane, qtbot: QtBot) -> None:
    dialog = CampaignsDialog(pane.planning, [], [], pane)
    qtbot.addWidget(dialog)
    dialog.start_new()
    dialog.name_edit.setText("Kış yol çalışmaları")
    dialog.start_edit.setDate(QDate(2027, 3, 1))
    dialog.end_edit.setDate(QDate(2027, 2, 1))
    assert dialog.save() is None
    assert dialog.message.text() == dialog.tr("The campaign ends before it starts.")
    assert dialog.name_edit.text() == "Kış yol çalışmaları"
    assert pane.planning.campaigns() == []


def test_goals_show_progress_and_gaps_in_the_calendar(
    pane: CalendarPane, qtbot: QtBot, services: Services, channel_id: int
) -> None:
    dialog = GoalsDialog(pane.planning, pane._posts.channels(), [], pane)
    qtbot.addWidget(dialog)
    dialog.target_spin.setValue(5)
    dialog.category_combo.setCurrentIndex(dialog.category_combo.findData(Category.ANNOUNCEMENT.value))
    dialog.add_goal()
    assert pane.planning.goals() == [Goal(Period.WEEK, 5, Category.ANNOUNCEMENT, id=pane.planning.goals()[0].id)]
    for day in (7, 9):
        services.posts.save(
            PostDraft(
                body=f"Duyuru {day}",
                channel_ids=[channel_id],
                scheduled_at=datetime(2026, 12, day, 10, tzinfo=ISTANBUL).astimezone(UTC),
                schedule=True,
            )
        )
    pane.refresh(select=date(2026, 12, 9))
    assert pane.goals_label.isVisible()
    assert "2/5" in pane.goals_label.text()
    assert pane.goals_label.text().startswith("⚑")  # a gap


def test_our_own_day_shows_like_a_built_in_day_and_is_reminded(
    pane: CalendarPane, qtbot: QtBot, qloop: asyncio.AbstractEventLoop, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = DaysDialog(pane.planning, pane)
    qtbot.addWidget(dialog)
    dialog._start_kind(1)  # local liberation day, yearly
    dialog.name_edit.setText("Eskişehir'in Kurtuluşu")
    dialog.yearly_edit.setDate(QDate(2026, 9, 2))
    key = dialog.save()
    assert key is not None
    (day,) = pane.planning.custom_days()
    assert day == CustomDay(
        key=key, name="Eskişehir'in Kurtuluşu", category=DayCategory.NATIONAL, tone=Tone.CELEBRATION, rule="fixed:09-02"
    )
    monkeypatch.setattr(calendar_pane, "today_local", lambda: date(2027, 8, 25))
    pane.show_month(date(2027, 9, 1))
    qloop.run_until_complete(pane.wait_days())
    mark = pane.model.index_of(date(2027, 9, 2)).data(MARK_ROLE)
    assert mark is not None
    assert mark.label == "Eskişehir'in Kurtuluşu"
    assert "Eskişehir'in Kurtuluşu" in pane.reminder_button.toolTip()


def test_national_mourning_entered_once_is_a_commemoration(
    pane: CalendarPane, qtbot: QtBot, qloop: asyncio.AbstractEventLoop
) -> None:
    dialog = DaysDialog(pane.planning, pane)
    qtbot.addWidget(dialog)
    dialog._start_kind(2)  # national mourning
    dialog.start_edit.setDate(QDate(2026, 12, 3))
    dialog.end_edit.setDate(QDate(2026, 12, 1))
    assert dialog.save() is None  # ends before it starts: said, nothing saved
    assert dialog.message.text() != ""
    assert pane.planning.custom_days() == []
    dialog.end_edit.setDate(QDate(2026, 12, 5))
    assert dialog.save() is not None
    pane.refresh(select=date(2026, 12, 4))
    qloop.run_until_complete(pane.wait_days())
    mark = pane.model.index_of(date(2026, 12, 3)).data(MARK_ROLE)  # a span is named on its first day
    assert mark is not None
    assert mark.commemoration
    assert [e.tone for e in pane.model.events_on(date(2026, 12, 5)) if e.source.value == "custom"] == [
        Tone.COMMEMORATION
    ]


def test_a_recurring_post_makes_one_editable_post_per_date_and_skips_holidays(
    pane: CalendarPane, qtbot: QtBot, services: Services, channel_id: int
) -> None:
    dialog = RecurrenceDialog(pane.planning, pane._posts.channels(), date(2027, 4, 1), pane)
    qtbot.addWidget(dialog)
    dialog.body_edit.setPlainText("Haftalık nöbetçi eczaneler")
    dialog.channel_checks[channel_id].setChecked(True)
    dialog.weekday_combo.setCurrentIndex(4)  # Friday
    dialog.end_edit.setDate(QDate(2027, 4, 30))
    # 23 Nisan 2027 is a Friday and a public holiday: previewed as skipped.
    texts = [dialog.preview.item(i).text() for i in range(dialog.preview.count())]
    assert len(texts) == 5
    assert "Ulusal Egemenlik" in next(t for t in texts if "23" in t)
    dialog.create_series()
    assert dialog.result() == dialog.DialogCode.Accepted
    with services.sessions() as s:
        times = sorted(to_local(at) for at in s.scalars(select(Delivery.scheduled_at)))  # type: ignore[arg-type]
        states = set(s.scalars(select(Delivery.state)))
        linked = s.scalar(select(func.count()).select_from(SeriesPost))
    assert [t.date() for t in times] == [date(2027, 4, 2), date(2027, 4, 9), date(2027, 4, 16), date(2027, 4, 30)]
    assert {t.time() for t in times} == {time(9, 0)}
    assert states == {DeliveryState.SCHEDULED}
    assert linked == 4
    # Each occurrence is an ordinary post: editing one leaves the others alone.
    with services.sessions() as s:
        first = s.scalars(select(Post.id).order_by(Post.id)).first()
    assert first is not None
    draft = services.posts.load(first)
    assert draft is not None
    draft.body = "Bu hafta nöbetçi eczaneler değişti"
    services.posts.save(draft)
    with services.sessions() as s:
        assert (
            sorted(s.scalars(select(Post.body)))
            == ["Bu hafta nöbetçi eczaneler değişti"] + ["Haftalık nöbetçi eczaneler"] * 3
        )


def test_a_recurrence_with_no_date_cannot_be_created(
    pane: CalendarPane, qtbot: QtBot, services: Services, channel_id: int
) -> None:
    dialog = RecurrenceDialog(pane.planning, pane._posts.channels(), date(2027, 4, 6), pane)
    qtbot.addWidget(dialog)
    dialog.body_edit.setPlainText("Pazartesi duyurusu")
    dialog.channel_checks[channel_id].setChecked(True)
    dialog.weekday_combo.setCurrentIndex(0)  # Monday
    dialog.end_edit.setDate(QDate(2027, 4, 11))  # Tuesday … Sunday
    assert not dialog.ok_button.isEnabled()
    assert dialog.message.text() == dialog._problem("empty")
    dialog.end_edit.setDate(QDate(2027, 4, 12))
    dialog.channel_checks[channel_id].setChecked(False)
    dialog.create_series()
    assert dialog.message.text() == dialog._problem("no_channel")
    assert dialog.body_edit.toPlainText() == "Pazartesi duyurusu"
    with services.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Post)) == 0


def test_a_series_starting_in_the_past_is_refused(services: Services, channel_id: int) -> None:
    from kurum_masaustu.rules.recurrence import Frequency, RecurrenceRule
    from kurum_masaustu.services.planning import PlanningError, PlanningService, SeriesDraft

    rule = RecurrenceRule(Frequency.WEEKLY, time(9), date(2026, 11, 2), date(2026, 11, 30), weekday=0)
    draft = SeriesDraft(title="", body="Nöbetçi eczaneler", channel_ids=[channel_id], rule=rule)
    with pytest.raises(PlanningError) as raised:
        PlanningService(services.sessions).create_series(draft, now=datetime(2026, 11, 10, tzinfo=UTC))
    assert raised.value.code == "past"
    with services.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Post)) == 0


def test_the_week_marks_good_hours_and_says_where_the_hint_comes_from(
    pane: CalendarPane, services: Services, channel_id: int
) -> None:
    from kurum_masaustu.store.models import DeliveryMetrics
    from kurum_masaustu.ui.week_view import BEST_ROLE

    pane.show_day(date(2026, 12, 9))
    pane.set_mode("week")
    default = pane.week_model.index_of(date(2026, 12, 9), 12).data(BEST_ROLE)
    assert default == pane.tr("★ A good time to post (a general suggestion for public institutions)")
    assert pane.week_model.index_of(date(2026, 12, 9), 15).data(BEST_ROLE) is None
    # Enough of our own published posts: Wednesdays at 15:00 did best.
    with services.sessions.begin() as s:
        for week in range(25):
            post = Post(title="p", body="p")
            at = datetime(2026, 6, 3, 15, tzinfo=ISTANBUL).astimezone(UTC) + timedelta(weeks=week)
            post.deliveries.append(
                Delivery(channel_id=channel_id, scheduled_at=at, published_at=at, state=DeliveryState.PUBLISHED)
            )
            s.add(post)
            s.flush()
            s.add(DeliveryMetrics(delivery_id=post.deliveries[0].id, reactions=50))
    pane.refresh()
    own = pane.week_model.index_of(date(2026, 12, 9), 15).data(BEST_ROLE)
    assert own == pane.tr("★ A good time to post (from the engagement of your published posts)")
    assert pane.week_model.index_of(date(2026, 12, 9), 12).data(BEST_ROLE) is None


def test_a_post_is_put_into_a_campaign_from_its_chip(pane: CalendarPane, services: Services, channel_id: int) -> None:
    campaign_id = pane.planning.save_campaign(
        CampaignInfo(name="Kış yol çalışmaları", starts_on=date(2026, 12, 1), ends_on=date(2027, 2, 28))
    )
    post_id = services.posts.save(
        PostDraft(body="Yol çalışması", channel_ids=[channel_id], scheduled_at=datetime(2026, 12, 9, 7, tzinfo=UTC))
    )
    pane.show_day(date(2026, 12, 9))
    pane._entry_menu(post_id, pane.mapToGlobal(pane.rect().center()))
    assert pane._menu is not None
    (campaign_menu,) = [a.menu() for a in pane._menu.actions() if a.menu() is not None]
    choice = next(a for a in campaign_menu.actions() if a.text() == "Kış yol çalışmaları")
    assert not choice.isChecked()
    choice.trigger()
    assert pane.planning.post_campaign(post_id) == campaign_id
    pane.filters.campaign_combo.setCurrentIndex(pane.filters.campaign_combo.findData(campaign_id))
    assert [p.post_id for p in pane.model.posts_on(date(2026, 12, 9))] == [post_id]


def test_one_date_can_be_taken_out_of_a_series_and_the_series_ended(
    pane: CalendarPane, services: Services, channel_id: int
) -> None:
    from kurum_masaustu.rules.recurrence import Frequency, RecurrenceRule
    from kurum_masaustu.services.planning import SeriesDraft
    from kurum_masaustu.store.models import Recurrence

    rule = RecurrenceRule(Frequency.WEEKLY, time(9), date(2027, 1, 4), date(2027, 2, 1), weekday=0)
    series_id, posts = pane.planning.create_series(
        SeriesDraft(title="", body="Nöbetçi eczaneler", channel_ids=[channel_id], rule=rule), now=NOW
    )
    assert len(posts) == 5  # 4, 11, 18, 25 January, 1 February
    pane.show_day(date(2027, 1, 11))
    pane._entry_menu(posts[1], pane.mapToGlobal(pane.rect().center()))
    assert pane._menu is not None
    skip = next(a for a in pane._menu.actions() if a.text() == pane.tr("Remove this date from the series"))
    skip.trigger()
    with services.sessions() as s:
        assert s.get(Post, posts[1]) is None
        series = s.get(Recurrence, series_id)
        assert series is not None
        assert series.exceptions == ["2027-01-11"]
    assert pane.model.posts_on(date(2027, 1, 11)) == []
    # Ending after the 18th removes the 25th and 1 February; published dates would stay.
    with services.sessions.begin() as s:
        s.scalars(select(Delivery).where(Delivery.post_id == posts[0])).one().state = DeliveryState.PUBLISHED
    pane._end_series(series_id, date(2027, 1, 18))
    with services.sessions() as s:
        assert sorted(s.scalars(select(SeriesPost.occurs_on))) == [date(2027, 1, 4), date(2027, 1, 18)]
    assert pane.planning.skip_occurrence(posts[0]) is False  # already out: it stays


def test_a_post_started_in_a_campaign_gets_its_presets_and_joins_it(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, services: Services, channel_id: int
) -> None:
    from kurum_masaustu.ui.main_window import MainWindow

    window = MainWindow(services)
    qtbot.addWidget(window)
    planning = window.calendar.planning
    campaign_id = planning.save_campaign(
        CampaignInfo(
            name="Sıfır Atık Ayı",
            starts_on=date(2027, 3, 1),
            ends_on=date(2027, 3, 31),
            hashtags=("#SıfırAtık",),
            channel_ids=(channel_id,),
        )
    )
    dialog = CampaignsDialog(planning, services.posts.channels(), [], window)
    qtbot.addWidget(dialog)
    dialog.post_requested.connect(window.new_post_in_campaign)
    dialog.list.setCurrentRow(0)
    dialog.start_post()
    composer = window.composer
    assert composer.channel_checks[channel_id].isChecked()
    assert composer.body_edit.toPlainText() == "#SıfırAtık"
    assert composer.scheduled_at().astimezone(ISTANBUL).date() == date(2027, 3, 1)
    composer.body_edit.setPlainText("Atık pil toplama günü #SıfırAtık")
    post_id = composer.save(schedule=False)  # a draft: the checklist asks before scheduling
    assert post_id is not None, composer.message_label.text()
    assert planning.post_campaign(post_id) == campaign_id
    # Editing it later keeps it in the campaign.
    assert composer.load(post_id)
    composer.body_edit.setPlainText("Atık pil toplama günü (güncel) #SıfırAtık")
    assert composer.save(schedule=False) == post_id
    assert planning.post_campaign(post_id) == campaign_id
