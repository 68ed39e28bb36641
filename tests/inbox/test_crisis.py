"""Crisis: the negative-spike rule and its stated thresholds, the plan (editable, ticked steps in
the timeline), holding statements, the banner, crisis mode, and the demo's spike arriving
through the Mastodon sandbox."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from kurum_masaustu.domain import DeliveryState, InboxCategory, InboxKind, Platform
from kurum_masaustu.rules.crisis import NegativeEvent, SpikeRule, detect_spikes
from kurum_masaustu.services.crisis import CrisisService, holding_statements, shipped_plan
from kurum_masaustu.store.models import Channel, Delivery, InboxItem, Post, Unit

NOW = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)


def _events(minutes_ago: list[int], cluster: tuple[str, int] | None = None) -> list[NegativeEvent]:
    return [NegativeEvent(NOW - timedelta(minutes=m), (cluster,) if cluster else ()) for m in minutes_ago]


# -- the rule -------------------------------------------------------------------------------------
def test_a_burst_over_a_quiet_baseline_is_a_spike_with_its_growth() -> None:
    burst = _events([110, 80, 62, 48, 35, 24, 15, 8, 3], ("post", 7))
    quiet = _events([60 * 24 * d for d in range(1, 7)], ("post", 7))  # one a day last week
    spikes = detect_spikes(burst + quiet, NOW)
    assert [s.cluster for s in spikes] == ["all", ("post", 7)]
    post = spikes[1]
    assert post.count == 9
    assert post.growth == (1, 2, 2, 4)  # four half-hours, oldest first
    assert post.baseline == pytest.approx(6 / ((7 * 24 - 2) / 2), abs=0.01)
    assert post.ratio == 9.0  # a baseline under one counts as one


def test_thresholds_are_the_stated_ones() -> None:
    rule = SpikeRule()
    assert (rule.window, rule.baseline, rule.min_count, rule.ratio) == (
        timedelta(hours=2),
        timedelta(days=7),
        6,
        3.0,
    )
    assert detect_spikes(_events([5, 10, 15, 20, 25]), NOW) == []  # five is under min_count
    assert len(detect_spikes(_events([5, 10, 15, 20, 25, 30]), NOW)) == 1
    # A busy inbox: 4 per two hours all week; 10 now is 2.5× — not a spike at 3×, a spike at 2×.
    busy = _events([m for m in range(130, 60 * 24 * 7 - 10, 30)])
    now_ten = _events([5 * i for i in range(1, 11)])
    assert detect_spikes(busy + now_ten, NOW) == []
    assert detect_spikes(busy + now_ten, NOW, SpikeRule(ratio=2.0))[0].count == 10


def test_events_outside_the_baseline_and_in_the_future_are_ignored() -> None:
    future = [NegativeEvent(NOW + timedelta(minutes=5))] * 10
    ancient = [NegativeEvent(NOW - timedelta(days=30))] * 10
    assert detect_spikes(future + ancient, NOW) == []


def test_a_rule_that_cannot_work_is_refused() -> None:
    with pytest.raises(ValueError, match="baseline"):
        SpikeRule(window=timedelta(days=8))
    with pytest.raises(ValueError, match="min_count"):
        SpikeRule(min_count=0)


# -- the service ----------------------------------------------------------------------------------
@pytest.fixture
def spiking(session_factory: sessionmaker[Session]) -> dict[str, int]:
    with session_factory.begin() as s:
        channel = Channel(platform=Platform.FACEBOOK, display_name="Belediye")
        unit = Unit(name="Su ve Kanalizasyon Müdürlüğü")
        post = Post(body="Gülbahçe Mahallesi'nde bugün 09.00-13.00 arası su kesintisi olacaktır.")
        delivery = Delivery(channel=channel, state=DeliveryState.PUBLISHED, remote_id="p1", published_at=NOW)
        post.deliveries.append(delivery)
        s.add_all([channel, unit, post])
        s.flush()
        for i, minutes in enumerate([100, 70, 50, 30, 20, 10, 5]):
            s.add(
                InboxItem(
                    channel=channel,
                    platform=Platform.FACEBOOK,
                    remote_id=f"c{i}",
                    text="Su hâlâ gelmedi, rezalet",
                    kind=InboxKind.COMMENT,
                    received_at=NOW - timedelta(minutes=minutes),
                    category=InboxCategory.COMPLAINT,
                    negative=True,
                    delivery_id=delivery.id,
                )
            )
        s.add(  # praise does not count
            InboxItem(
                channel=channel,
                platform=Platform.FACEBOOK,
                remote_id="ok",
                text="Teşekkürler",
                kind=InboxKind.COMMENT,
                received_at=NOW - timedelta(minutes=1),
                category=InboxCategory.PRAISE,
                delivery_id=delivery.id,
            )
        )
        return {"delivery": delivery.id}


def test_the_service_names_the_post_that_spikes(
    session_factory: sessionmaker[Session], spiking: dict[str, int]
) -> None:
    views = CrisisService(session_factory, clock=lambda: NOW).spikes()
    kinds = {view.kind: view for view in views}
    assert set(kinds) == {"all", "post"}
    post = kinds["post"]
    assert post.spike.count == 7
    assert post.label.startswith("Gülbahçe Mahallesi'nde bugün")
    assert len(post.item_ids) == 7
    assert CrisisService(session_factory, clock=lambda: NOW + timedelta(hours=3)).spikes() == []


def test_the_plan_is_shipped_editable_and_its_ticks_are_in_the_timeline(session_factory: sessionmaker[Session]) -> None:
    crisis = CrisisService(session_factory, clock=lambda: NOW)
    plan = crisis.plan()
    assert plan.steps[0].text == shipped_plan().steps[0].text
    assert any(c["phone"] == "153" for c in plan.contacts)
    crisis.mark_step(2, True)
    crisis.mark_step(2, True)  # already done: nothing recorded
    assert crisis.plan().steps[2].done
    edited = crisis.plan()
    edited.steps[0].text = "Muhtarları arayın"
    crisis.save_plan(edited)
    assert crisis.plan().steps[0].text == "Muhtarları arayın"
    crisis.reset_steps()
    assert not any(step.done for step in crisis.plan().steps)
    actions = [entry.action for entry in crisis.timeline()]
    assert actions == ["crisis.step_done", "crisis.plan_saved", "crisis.plan_reset"]


def test_holding_statements_cover_the_five_situations() -> None:
    keys = [statement.key for statement in holding_statements()]
    assert keys == ["deprem", "sel", "su_kesintisi", "yangin", "yanlis_bilgi"]
    for statement in holding_statements():
        assert "{" in statement.body
        assert "🎉" not in statement.body


# -- the window ------------------------------------------------------------------------------------
def test_the_banner_offers_plan_statements_and_crisis_mode(
    qtbot: QtBot, session_factory: sessionmaker[Session], spiking: dict[str, int]
) -> None:
    from kurum_masaustu.ui.crisis_panel import CrisisBanner, CrisisDialog

    crisis = CrisisService(session_factory, clock=lambda: NOW)
    view = next(v for v in crisis.spikes() if v.kind == "post")
    banner = CrisisBanner()
    qtbot.addWidget(banner)
    banner.show_spike(view, 2, crisis_mode_on=False)
    assert banner.isVisibleTo(banner.parentWidget() or banner)
    assert "7" in banner.detail.text()
    assert "1 → 1 → 1 → 4" in banner.detail.text()
    assert banner.mode_button.isEnabled()
    with qtbot.waitSignal(banner.crisis_mode_requested):
        banner.mode_button.click()
    banner.dismiss()
    assert banner.dismissed_key == view.spike.cluster

    chosen: list[str] = []
    dialog = CrisisDialog(crisis, holding_statements())
    qtbot.addWidget(dialog)
    dialog.statement_chosen.connect(chosen.append)
    dialog.steps.item(0).setCheckState(Qt.CheckState.Checked)
    assert crisis.plan().steps[0].done
    assert "step done" in dialog.timeline_view.toPlainText()
    dialog.chooser.setCurrentIndex(dialog.chooser.findData("su_kesintisi"))
    dialog.inputs["mahalle"].setText("Gülbahçe")
    dialog.inputs["neden"].setText("ana boru arızası")
    dialog.inputs["tahmini_saat"].setText("17.00")
    dialog.use_statement()
    assert chosen
    assert chosen[0].startswith("Gülbahçe mahallesinde ana boru arızası nedeniyle su kesintisi")
    assert [e.action for e in crisis.timeline()][-1] == "crisis.statement_used"


@pytest.mark.asyncio
async def test_the_demo_spike_arrives_through_the_sandbox_and_is_found(tmp_path: Path) -> None:
    """Done when: the demo's negative spike arrives and a crisis is suggested."""
    from kurum_masaustu.app import build_services
    from kurum_masaustu.demo.seed import seed_demo_profile
    from kurum_masaustu.demo.spike import SPIKE, seed_sandbox_spike
    from kurum_masaustu.paths import Profile
    from kurum_masaustu.publishing.inbox_sync import sync_inbox
    from kurum_masaustu.settings import Settings

    profile = Profile(tmp_path / "demo").ensure()
    seed_demo_profile(profile)
    services = build_services(profile, Settings())
    try:
        from kurum_masaustu.app import _connect_demo_channels

        _connect_demo_channels(services)
        now = datetime.now(UTC)
        assert seed_sandbox_spike(services.sessions, profile.root / "sandbox", now) == len(SPIKE)
        assert CrisisService(services.sessions).spikes() == []  # not arrived yet
        summary = await sync_inbox(services.sessions, services.adapter_for)
        assert summary.new >= len(SPIKE)
        views = CrisisService(services.sessions).spikes()
        post = next(view for view in views if view.kind == "post")
        assert post.spike.count == len(SPIKE)
        assert post.spike.growth[-1] >= post.spike.growth[0]
    finally:
        await services.aclose()
        services.credentials().delete_all()
        services.close()


def test_the_window_shows_the_banner_and_turns_on_crisis_mode(qtbot: QtBot, qloop: object, services: object) -> None:
    import asyncio

    from kurum_masaustu.app import Services
    from kurum_masaustu.ui.main_window import MainWindow

    assert isinstance(services, Services)
    assert isinstance(qloop, asyncio.AbstractEventLoop)
    now = datetime.now(UTC)
    with services.sessions.begin() as s:
        channel = Channel(platform=Platform.X, display_name="Belediye X")
        s.add(channel)
        s.flush()
        for i in range(8):
            s.add(
                InboxItem(
                    channel=channel,
                    platform=Platform.X,
                    remote_id=f"x{i}",
                    text="Çöpler toplanmadı, rezalet",
                    kind=InboxKind.MENTION,
                    received_at=now - timedelta(minutes=10 * i + 1),
                    category=InboxCategory.COMPLAINT,
                    negative=True,
                )
            )
    window = MainWindow(services)
    qtbot.addWidget(window)
    view = qloop.run_until_complete(window.check_crisis())
    assert view is not None
    assert view.kind == "all"
    assert not window.crisis_banner.isHidden()
    assert "8" in window.crisis_banner.detail.text()
    window.crisis_banner.mode_button.click()
    paused = services.pause.paused()
    assert paused is not None
    assert paused["mode"] == "crisis"
    assert not window.pause_banner.isHidden()
    assert not window.crisis_banner.mode_button.isEnabled()
    window.crisis_banner.items_button.click()
    assert window.inbox.negative_check.isChecked()
    assert window.inbox.model.rowCount() == 8
    dialog = window.open_crisis_dialog(1)
    dialog.chooser.setCurrentIndex(dialog.chooser.findData("yanlis_bilgi"))
    dialog.inputs["konu"].setText("su zammı")
    dialog.inputs["dogru_bilgi"].setText("su fiyatları değişmedi")
    dialog.inputs["resmi_site"].setText("ornek.bel.tr")
    dialog.use_statement()
    assert window.composer.body_edit.toPlainText().startswith("Sosyal medyada su zammı ile ilgili")
    actions = [entry.action for entry in CrisisService(services.sessions).timeline()]
    assert actions[:2] == ["crisis.spike", "publishing.pause"]
    assert actions[-1] == "crisis.statement_used"
    window.close()
