"""The crisis banner (a negative spike was detected) and the crisis dialog: the editable plan,
holding statements and the timeline of what was done."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kurum_masaustu.rules.templates import default_label, fill, parse_fields
from kurum_masaustu.rules.timeutil import to_local
from kurum_masaustu.services.crisis import (
    CrisisEpisode,
    CrisisPlan,
    CrisisService,
    HoldingStatement,
    PlanStep,
    SpikeView,
)


class CrisisBanner(QFrame):
    plan_requested = Signal()
    statements_requested = Signal()
    crisis_mode_requested = Signal()
    show_items_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crisisBanner")
        self.setStyleSheet("#crisisBanner { background: #fdecea; border: 1px solid #e5a09a; border-radius: 4px; }")
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setStyleSheet("font-weight: bold; color: #8a1c12;")
        self.detail = QLabel()
        self.detail.setTextFormat(Qt.TextFormat.PlainText)  # post excerpts and unit names
        self.detail.setWordWrap(True)
        self.items_button = QPushButton(self.tr("Show the messages"))
        self.plan_button = QPushButton(self.tr("Crisis plan…"))
        self.statements_button = QPushButton(self.tr("Holding statements…"))
        self.mode_button = QPushButton(self.tr("Turn on crisis mode"))
        self.close_button = QPushButton(self.tr("Dismiss"))
        self.close_button.setFlat(True)
        self.items_button.clicked.connect(self.show_items_requested)
        self.plan_button.clicked.connect(self.plan_requested)
        self.statements_button.clicked.connect(self.statements_requested)
        self.mode_button.clicked.connect(self.crisis_mode_requested)
        self.close_button.clicked.connect(self.dismiss)
        buttons = QHBoxLayout()
        for button in (self.items_button, self.plan_button, self.statements_button, self.mode_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.detail)
        layout.addLayout(buttons)
        self.dismissed_key: object = None
        self.current: SpikeView | None = None
        self.hide()

    def show_spike(self, view: SpikeView, window_hours: float, crisis_mode_on: bool) -> None:
        spike = view.spike
        if view.kind == "post":
            where = self.tr("under the post “{post}”").format(post=view.label)
        elif view.kind == "unit":
            where = self.tr("about {unit}").format(unit=view.label)
        else:
            where = self.tr("across all channels")
        self.title.setText(self.tr("Possible crisis: negative messages are piling up"))
        growth = " → ".join(str(n) for n in spike.growth)
        self.detail.setText(
            self.tr(
                "{count} negative messages in the last {hours} h {where} — {ratio}× the usual "
                "(usually {baseline} in that time). Growth: {growth}."
            ).format(
                count=spike.count,
                hours=QLocale().toString(float(window_hours), "g", 3),
                where=where,
                ratio=QLocale().toString(float(spike.ratio), "g", 3),
                baseline=QLocale().toString(float(spike.baseline), "f", 1),
                growth=growth,
            )
        )
        self.mode_button.setEnabled(not crisis_mode_on)
        self.mode_button.setText(self.tr("Crisis mode is on") if crisis_mode_on else self.tr("Turn on crisis mode"))
        self.current = view
        self.show()

    def dismiss(self) -> None:
        self.dismissed_key = self.current.spike.cluster if self.current is not None else None
        self.hide()


class CrisisDialog(QDialog):
    """Plan (checklist, editable), holding statements (fill and copy), timeline."""

    statement_chosen = Signal(str)  # the filled text, for the composer

    def __init__(
        self, crisis: CrisisService, statements: list[HoldingStatement], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Crisis plan"))
        self.resize(680, 600)
        self._crisis = crisis
        self._statements = statements
        self.tabs = QTabWidget()

        # plan
        self.steps = QListWidget()
        self.steps.setAccessibleName(self.tr("Crisis plan steps"))
        self.steps.setWordWrap(True)
        self.steps.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.steps.setSpacing(2)
        self.steps.itemChanged.connect(self._step_changed)
        self.contacts_label = QLabel()
        self.contacts_label.setTextFormat(Qt.TextFormat.PlainText)
        self.contacts_label.setWordWrap(True)
        self.new_step = QLineEdit()
        self.new_step.setPlaceholderText(self.tr("A new step (e.g. inform the neighbourhood muhtars)"))
        add = QPushButton(self.tr("Add step"))
        add.clicked.connect(self.add_step)
        remove = QPushButton(self.tr("Remove step"))
        remove.clicked.connect(self.remove_step)
        reset = QPushButton(self.tr("New crisis: clear the ticks"))
        reset.clicked.connect(self.reset_steps)
        plan_buttons = QHBoxLayout()
        plan_buttons.addWidget(self.new_step, 1)
        plan_buttons.addWidget(add)
        plan_buttons.addWidget(remove)
        plan_buttons.addWidget(reset)
        plan_box = QWidget()
        plan_layout = QVBoxLayout(plan_box)
        plan_layout.addWidget(QLabel(self.tr("Tick each step as it is done; double-click a step to edit it.")))
        plan_layout.addWidget(self.steps, 1)
        plan_layout.addLayout(plan_buttons)
        plan_layout.addWidget(self.contacts_label)
        self.tabs.addTab(plan_box, self.tr("Plan"))

        # holding statements
        self.chooser = QComboBox()
        self.chooser.setAccessibleName(self.tr("Holding statement"))
        for statement in statements:
            self.chooser.addItem(statement.name, statement.key)
        self.form_box = QWidget()
        self.form = QFormLayout(self.form_box)
        self.inputs: dict[str, QLineEdit] = {}
        self.statement_preview = QPlainTextEdit()
        self.statement_preview.setAccessibleName(self.tr("Statement text"))
        copy = QPushButton(self.tr("Copy"))
        copy.clicked.connect(self.copy_statement)
        compose = QPushButton(self.tr("Write as a post"))
        compose.clicked.connect(self.use_statement)
        statement_buttons = QHBoxLayout()
        statement_buttons.addStretch(1)
        statement_buttons.addWidget(copy)
        statement_buttons.addWidget(compose)
        statements_box = QWidget()
        statements_layout = QVBoxLayout(statements_box)
        statements_layout.addWidget(self.chooser)
        statements_layout.addWidget(self.form_box)
        statements_layout.addWidget(self.statement_preview, 1)
        statements_layout.addLayout(statement_buttons)
        self.tabs.addTab(statements_box, self.tr("Holding statements"))
        self.chooser.currentIndexChanged.connect(self._show_statement)

        # timeline
        self._episodes: list[CrisisEpisode] = []
        self.episode_combo = QComboBox()
        self.episode_combo.setAccessibleName(self.tr("Which crisis"))
        self.episode_combo.currentIndexChanged.connect(lambda _index: self.show_timeline())
        self.save_timeline_button = QPushButton(self.tr("Save as a file…"))
        self.save_timeline_button.setToolTip(
            self.tr("A plain-text record of this crisis for the report afterwards (what was done, when, by whom).")
        )
        self.save_timeline_button.clicked.connect(self.ask_save_timeline)
        self.timeline_view = QPlainTextEdit()
        self.timeline_view.setReadOnly(True)
        self.timeline_view.setAccessibleName(self.tr("Crisis timeline"))
        timeline_bar = QHBoxLayout()
        timeline_bar.addWidget(self.episode_combo, 1)
        timeline_bar.addWidget(self.save_timeline_button)
        timeline_box = QWidget()
        timeline_layout = QVBoxLayout(timeline_box)
        timeline_layout.addLayout(timeline_bar)
        timeline_layout.addWidget(self.timeline_view, 1)
        self.tabs.addTab(timeline_box, self.tr("Timeline"))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.load_plan()
        self._show_statement()
        self.load_timeline()

    # -- plan ---------------------------------------------------------------------------------
    def load_plan(self) -> None:
        plan = self._crisis.plan()
        self.steps.blockSignals(True)
        self.steps.clear()
        for step in plan.steps:
            item = QListWidgetItem(self._step_label(step))
            item.setData(Qt.ItemDataRole.UserRole, step.text)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEditable)
            item.setCheckState(Qt.CheckState.Checked if step.done else Qt.CheckState.Unchecked)
            self.steps.addItem(item)
        self.steps.blockSignals(False)
        contacts = " · ".join(f"{c['name']}: {c['phone']}" for c in plan.contacts)
        self.contacts_label.setText(self.tr("Contacts: {contacts}").format(contacts=contacts) if contacts else "")

    @staticmethod
    def _step_label(step: PlanStep) -> str:
        return f"{step.text} — {step.unit}" if step.unit else step.text

    def _step_changed(self, item: QListWidgetItem) -> None:
        row = self.steps.row(item)
        plan = self._crisis.plan()
        if not 0 <= row < len(plan.steps):
            return
        step = plan.steps[row]
        done = item.checkState() == Qt.CheckState.Checked
        edited = item.text().strip()
        if edited and edited != self._step_label(step):
            text, _, unit = edited.partition(" — ")
            step.text, step.unit = text.strip(), unit.strip()
            self._crisis.save_plan(plan, detail={"step": step.text})
        if done != step.done:
            self._crisis.mark_step(row, done)
        self.load_timeline()

    def add_step(self) -> None:
        text = self.new_step.text().strip()
        if not text:
            return
        plan = self._crisis.plan()
        plan.steps.append(PlanStep(text))
        self._crisis.save_plan(plan, detail={"added": text})
        self.new_step.clear()
        self.load_plan()
        self.load_timeline()

    def remove_step(self) -> None:
        row = self.steps.currentRow()
        plan = self._crisis.plan()
        if 0 <= row < len(plan.steps):
            removed = plan.steps.pop(row)
            self._crisis.save_plan(plan, detail={"removed": removed.text})
            self.load_plan()
            self.load_timeline()

    def reset_steps(self) -> None:
        self._crisis.reset_steps()
        self.load_plan()
        self.load_timeline()

    def plan(self) -> CrisisPlan:
        return self._crisis.plan()

    # -- statements ---------------------------------------------------------------------------
    def current_statement(self) -> HoldingStatement | None:
        key = self.chooser.currentData()
        return next((s for s in self._statements if s.key == key), None)

    def _show_statement(self) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.inputs = {}
        statement = self.current_statement()
        if statement is None:
            return
        for name in parse_fields(statement.body):
            edit = QLineEdit()
            edit.setAccessibleName(name)
            edit.textChanged.connect(self._fill_statement)
            self.form.addRow(default_label(name), edit)
            self.inputs[name] = edit
        self._fill_statement()

    def _fill_statement(self) -> None:
        statement = self.current_statement()
        if statement is None:
            return
        values = {name: edit.text().strip() for name, edit in self.inputs.items() if edit.text().strip()}
        self.statement_preview.setPlainText(fill(statement.body, values).text)

    def statement_text(self) -> str:
        return self.statement_preview.toPlainText().strip()

    def copy_statement(self) -> None:
        QGuiApplication.clipboard().setText(self.statement_text())
        self._record_statement("crisis.statement_copied")

    def use_statement(self) -> None:
        self._record_statement("crisis.statement_used")
        self.statement_chosen.emit(self.statement_text())
        self.accept()

    def _record_statement(self, action: str) -> None:
        statement = self.current_statement()
        self._crisis.record(action, {"statement": statement.name if statement else ""})
        self.load_timeline()

    # -- timeline -----------------------------------------------------------------------------
    def load_timeline(self) -> None:
        """The crises recorded (newest first in the list, the current one chosen) and its entries."""
        episodes = self._crisis.episodes()
        self.episode_combo.blockSignals(True)
        self.episode_combo.clear()
        for index, episode in enumerate(reversed(episodes)):
            since = f"{to_local(episode.start):%d.%m.%Y %H:%M}"
            if episode.end is None:
                label = self.tr("Current crisis (since {since})").format(since=since)
            else:
                label = self.tr("Earlier crisis: {since} – {until}").format(
                    since=since, until=f"{to_local(episode.end):%d.%m.%Y %H:%M}"
                )
            self.episode_combo.addItem(label, len(episodes) - 1 - index)
        self.episode_combo.blockSignals(False)
        self._episodes = episodes
        self.episode_combo.setEnabled(bool(episodes))
        self.save_timeline_button.setEnabled(bool(episodes))
        self.show_timeline()

    def chosen_episode(self) -> CrisisEpisode | None:
        position = self.episode_combo.currentData()
        return self._episodes[position] if isinstance(position, int) else None

    def show_timeline(self) -> None:
        lines = self.timeline_lines(self.chosen_episode())
        self.timeline_view.setPlainText("\n".join(lines) if lines else self.tr("Nothing recorded yet."))

    def timeline_lines(self, episode: CrisisEpisode | None) -> list[str]:
        if episode is None:
            return []
        names = {
            "publishing.pause": self.tr("publishing paused"),
            "publishing.resume": self.tr("publishing resumed"),
            "inbox.hidden": self.tr("comment hidden"),
            "crisis.step_done": self.tr("step done"),
            "crisis.step_reopened": self.tr("step reopened"),
            "crisis.plan_saved": self.tr("plan edited"),
            "crisis.plan_reset": self.tr("new crisis: ticks cleared"),
            "crisis.statement_copied": self.tr("holding statement copied"),
            "crisis.statement_used": self.tr("holding statement written as a post"),
            "crisis.spike": self.tr("negative spike detected"),
        }
        lines = []
        for entry in self._crisis.timeline(episode.start, episode.end):
            extra = next(
                (
                    str(entry.detail[k])
                    for k in ("step", "statement", "reason", "added", "removed", "where")
                    if k in entry.detail
                ),
                "",
            )
            text = names.get(entry.action, entry.action)
            lines.append(
                f"{to_local(entry.at):%d.%m.%Y %H:%M} {entry.actor}: {text}" + (f" — {extra}" if extra else "")
            )
        return lines

    def ask_save_timeline(self) -> None:
        episode = self.chosen_episode()
        if episode is None:
            return
        suggested = f"kriz-{to_local(episode.start):%Y-%m-%d}.txt"
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the crisis timeline"), suggested, self.tr("Text files (*.txt)")
        )
        if path:
            self.save_timeline(Path(path))

    def save_timeline(self, path: Path) -> bool:
        """Write the chosen crisis's timeline as UTF-8 text (with a BOM, for Notepad); a folder
        that cannot be written is said in Turkish and nothing on screen is lost."""
        episode = self.chosen_episode()
        if episode is None:
            return False
        until = f"{to_local(episode.end):%d.%m.%Y %H:%M}" if episode.end is not None else self.tr("now")
        header = [
            self.tr("Crisis timeline"),
            self.tr("Period: {since} – {until}").format(since=f"{to_local(episode.start):%d.%m.%Y %H:%M}", until=until),
            self.tr("Written: {at}").format(at=f"{datetime.now().astimezone():%d.%m.%Y %H:%M}"),
            "",
        ]
        text = "\r\n".join(header + self.timeline_lines(episode)) + "\r\n"
        try:
            path.write_text(text, encoding="utf-8-sig")
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.windowTitle(),
                self.tr("The timeline could not be saved to {path} ({reason}).").format(
                    path=str(path), reason=exc.strerror or exc
                ),
            )
            return False
        return True
