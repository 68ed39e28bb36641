"""The main window's crisis handling: the spike check, its banner, the crisis plan and crisis mode."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt

from kurum_masaustu.rules.timeutil import to_local
from kurum_masaustu.ui.tasks import alive, in_thread

if TYPE_CHECKING:
    from kurum_masaustu.services.crisis import CrisisService, SpikeView
    from kurum_masaustu.ui.crisis_panel import CrisisBanner, CrisisDialog
    from kurum_masaustu.ui.main_window import MainWindow


class WindowCrisis(QObject):
    """Offers the crisis plan when negative messages spike, and turns crisis mode on from it."""

    def __init__(self, window: MainWindow, banner: CrisisBanner) -> None:
        super().__init__(window)
        self.window = window
        self.banner = banner
        self.dialog: CrisisDialog | None = None
        self._last_spike: object = None
        banner.plan_requested.connect(lambda: self.open_dialog(0))
        banner.statements_requested.connect(lambda: self.open_dialog(1))
        banner.crisis_mode_requested.connect(self.turn_on_crisis_mode)
        banner.show_items_requested.connect(self.show_items)

    def _service(self) -> CrisisService:
        from kurum_masaustu.services.crisis import CrisisService

        services = self.window.services
        return CrisisService(services.sessions, rule=services.spike_rule())

    async def check(self) -> SpikeView | None:
        """Look for a negative spike (off the UI thread) and offer the crisis plan if there is one."""
        crisis = self._service()
        spikes = await in_thread(crisis.spikes)
        if not alive(self.window):
            return None
        # A named cluster (a post, a unit) says more than "everywhere"; "all" when it is the only one.
        named = [view for view in spikes if view.kind != "all"]
        chosen = named or spikes
        if not chosen:
            self.banner.hide()
            return None
        view = chosen[0]
        if view.spike.cluster == self.banner.dismissed_key:
            return view
        paused = self.window.services.pause.paused()
        crisis_on = bool(paused and paused.get("mode") == "crisis")
        if self._last_spike != view.spike.cluster:
            self._last_spike = view.spike.cluster
            hours = crisis.rule.window.total_seconds() / 3600
            self.window.notifications.notify_crisis(view.spike.count, hours, view.label or view.kind)
            await in_thread(
                crisis.record,
                "crisis.spike",
                {"where": view.label or view.kind, "count": view.spike.count, "ratio": view.spike.ratio},
            )
        self.banner.show_spike(view, crisis.rule.window.total_seconds() / 3600, crisis_on)
        return view

    def open_dialog(self, tab: int = 0) -> CrisisDialog:
        from kurum_masaustu.services.crisis import holding_statements
        from kurum_masaustu.ui.crisis_panel import CrisisDialog

        dialog = CrisisDialog(self._service(), holding_statements(), self.window)
        dialog.tabs.setCurrentIndex(tab)
        dialog.statement_chosen.connect(self.write_statement)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.dialog = dialog
        return dialog

    def write_statement(self, text: str) -> None:
        """A holding statement goes to the composer as a new post for today."""
        window = self.window
        window.composer.new_post(to_local(datetime.now(UTC)).date())
        window.composer.body_edit.setPlainText(text)
        window.composer_dock.show()
        window.composer_dock.raise_()

    def turn_on_crisis_mode(self) -> None:
        view = self.banner.current
        where = view.label if view is not None and view.label else self.tr("negative messages")
        self.window.pause_publishing(self.tr("Crisis: {where}").format(where=where), mode="crisis")
        if view is not None:
            self.banner.show_spike(view, self._service().rule.window.total_seconds() / 3600, True)

    def show_items(self) -> None:
        window = self.window
        window.inbox_dock.show()
        window.inbox_dock.raise_()
        window.inbox.show_negative()
