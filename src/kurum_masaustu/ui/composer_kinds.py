"""The composer's post-kind panel: the kind (only those every chosen channel takes, with the
reason for the others), the link card, the poll's options and duration, and the thread tools."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kurum_masaustu.domain import Platform, PostKind
from kurum_masaustu.rules.kinds import COMPOSER_KINDS, POLL_DURATIONS, THREAD_BREAK, kind_refusal
from kurum_masaustu.services.posts import ChannelInfo, PollDraft
from kurum_masaustu.ui.kind_labels import duration_text, kind_name, refusal_message
from kurum_masaustu.ui.previews import PostShape

if TYPE_CHECKING:
    from kurum_masaustu.media.video import VideoInfo

MAX_OPTIONS = 12  # Telegram's most; the checks say where fewer are allowed
SHOWN_OPTIONS = 4


class KindPanel(QWidget):
    """Emits ``changed`` whenever anything that affects the checks or the draft changes."""

    changed = Signal()

    def __init__(self, editor: QPlainTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._editor = editor
        self._channels: list[ChannelInfo] = []
        self.kind_combo = QComboBox()
        self.kind_combo.setAccessibleName(self.tr("Kind of post"))
        for kind in COMPOSER_KINDS:
            self.kind_combo.addItem(kind_name(kind), kind)
        self.kind_note = QLabel()
        self.kind_note.setTextFormat(Qt.TextFormat.PlainText)
        self.kind_note.setWordWrap(True)
        self.kind_note.setStyleSheet("color: #57606a;")
        self.kind_note.setAccessibleName(self.tr("Why some kinds are off"))

        self.link_edit = QLineEdit()
        self.link_edit.setPlaceholderText(self.tr("https://… (shown as a link card where the platform makes one)"))
        self.link_edit.setAccessibleName(self.tr("Link"))
        self.link_row = QWidget()
        link_layout = QFormLayout(self.link_row)
        link_layout.setContentsMargins(0, 0, 0, 0)
        link_layout.addRow(self.tr("Link card"), self.link_edit)

        self.poll_box = QGroupBox(self.tr("Poll (the text is the question)"))
        self.option_edits: list[QLineEdit] = []
        self._options_layout = QVBoxLayout()
        self.add_option_button = QPushButton(self.tr("Add option"))
        self.duration_combo = QComboBox()
        self.duration_combo.setAccessibleName(self.tr("Poll duration"))
        for minutes in POLL_DURATIONS:
            self.duration_combo.addItem(duration_text(minutes), minutes)
        self.duration_combo.setCurrentIndex(POLL_DURATIONS.index(24 * 60))
        self.multiple_check = QCheckBox(self.tr("Several answers allowed"))
        poll_bottom = QHBoxLayout()
        poll_bottom.addWidget(QLabel(self.tr("Runs for")))
        poll_bottom.addWidget(self.duration_combo)
        poll_bottom.addWidget(self.multiple_check)
        poll_bottom.addStretch(1)
        poll_bottom.addWidget(self.add_option_button)
        poll_layout = QVBoxLayout(self.poll_box)
        poll_layout.addLayout(self._options_layout)
        poll_layout.addLayout(poll_bottom)
        for _ in range(SHOWN_OPTIONS):
            self._add_option()

        self.thread_box = QGroupBox(self.tr("Thread"))
        self.split_button = QPushButton(self.tr("Split into parts"))
        self.split_button.setToolTip(
            self.tr(
                "Puts a line “---” where each part ends, for the strictest chosen platform; move or delete them freely."
            )
        )
        self.break_button = QPushButton(self.tr("New part at the cursor"))
        self.unsplit_button = QPushButton(self.tr("Remove the breaks"))
        self.thread_note = QLabel()
        self.thread_note.setTextFormat(Qt.TextFormat.PlainText)
        self.thread_note.setWordWrap(True)
        thread_buttons = QHBoxLayout()
        for button in (self.split_button, self.break_button, self.unsplit_button):
            thread_buttons.addWidget(button)
        thread_buttons.addStretch(1)
        thread_layout = QVBoxLayout(self.thread_box)
        thread_layout.addLayout(thread_buttons)
        thread_layout.addWidget(self.thread_note)

        kind_row = QFormLayout()
        kind_row.setContentsMargins(0, 0, 0, 0)
        kind_row.addRow(self.tr("Kind"), self.kind_combo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(kind_row)
        layout.addWidget(self.kind_note)
        layout.addWidget(self.link_row)
        layout.addWidget(self.poll_box)
        layout.addWidget(self.thread_box)

        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.link_edit.textChanged.connect(self.changed)
        self.duration_combo.currentIndexChanged.connect(self.changed)
        self.multiple_check.toggled.connect(self.changed)
        self.add_option_button.clicked.connect(self._add_option)
        self.split_button.clicked.connect(self.split_for_strictest)
        self.break_button.clicked.connect(self.break_at_cursor)
        self.unsplit_button.clicked.connect(self.remove_breaks)
        self._kind_changed()

    # -- kinds ----------------------------------------------------------------------------
    def kind(self) -> PostKind:
        return PostKind(self.kind_combo.currentData())

    def set_kind(self, kind: PostKind) -> None:
        if kind in (PostKind.IMAGE, PostKind.CAROUSEL, PostKind.VIDEO):
            kind = PostKind.TEXT
        index = self.kind_combo.findData(kind)
        self.kind_combo.setCurrentIndex(max(index, 0))

    def set_channels(self, channels: list[ChannelInfo]) -> None:
        """Offer only the kinds every chosen channel takes; say why the others are off."""
        self._channels = channels
        model = self.kind_combo.model()
        assert isinstance(model, QStandardItemModel)
        reasons: list[str] = []
        for row, kind in enumerate(COMPOSER_KINDS):
            refusals = [(c, kind_refusal(c.platform, kind)) for c in channels]
            refused = [(c, r) for c, r in refusals if r is not None]
            item = model.item(row)
            # An ordinary post is always offered (Instagram's need for media is the post's problem).
            item.setEnabled(kind is PostKind.TEXT or not refused)
            if refused and kind is not PostKind.TEXT:
                message = " ".join(dict.fromkeys(refusal_message(c.platform, kind, r) for c, r in refused))
                item.setToolTip(message)
                reasons.append(f"{kind_name(kind)}: {message}")
            else:
                item.setToolTip("")
        self.kind_note.setText("\n".join(reasons) if channels else "")
        self.kind_note.setVisible(bool(reasons) and bool(channels))
        self._kind_changed()

    def _kind_changed(self) -> None:
        kind = self.kind()
        self.link_row.setVisible(kind is PostKind.TEXT)
        self.poll_box.setVisible(kind is PostKind.POLL)
        self.thread_box.setVisible(kind is PostKind.THREAD)
        self.update_thread_note()
        self.changed.emit()

    # -- poll -----------------------------------------------------------------------------
    def _add_option(self) -> None:
        if len(self.option_edits) >= MAX_OPTIONS:
            return
        edit = QLineEdit()
        edit.setPlaceholderText(self.tr("Option {number}").format(number=len(self.option_edits) + 1))
        edit.setAccessibleName(self.tr("Poll option {number}").format(number=len(self.option_edits) + 1))
        edit.textChanged.connect(self.changed)
        self._options_layout.addWidget(edit)
        self.option_edits.append(edit)
        self.add_option_button.setEnabled(len(self.option_edits) < MAX_OPTIONS)

    def poll(self) -> PollDraft:
        return PollDraft(
            tuple(e.text().strip() for e in self.option_edits if e.text().strip()),
            int(self.duration_combo.currentData()),
            self.multiple_check.isChecked(),
        )

    def set_poll(self, poll: PollDraft | None) -> None:
        options = list(poll.options) if poll else []
        while len(self.option_edits) < min(len(options), MAX_OPTIONS):
            self._add_option()
        for index, edit in enumerate(self.option_edits):
            edit.setText(options[index] if index < len(options) else "")
        minutes = poll.minutes if poll else 24 * 60
        index = self.duration_combo.findData(minutes)
        if index < 0:
            self.duration_combo.addItem(duration_text(minutes), minutes)
            index = self.duration_combo.count() - 1
        self.duration_combo.setCurrentIndex(index)
        self.multiple_check.setChecked(bool(poll and poll.multiple))

    # -- thread ---------------------------------------------------------------------------
    def _thread_platforms(self) -> list[Platform]:
        from kurum_masaustu.rules.text import THREAD_PLATFORMS

        return list(dict.fromkeys(c.platform for c in self._channels if c.platform in THREAD_PLATFORMS))

    def split_for_strictest(self) -> None:
        """Mark where each part ends for the chosen platform that needs the most parts."""
        from kurum_masaustu.rules.kinds import thread_parts

        text = self._editor.toPlainText()
        platforms = self._thread_platforms() or [Platform.X]
        splits = [thread_parts(p, text) for p in platforms]
        parts = max(splits, key=len)
        if len(parts) < 2:
            return
        bare = [part[: part.rindex(" (")] if part.endswith(")") and " (" in part else part for part in parts]
        cursor = self._editor.textCursor()
        cursor.select(cursor.SelectionType.Document)
        cursor.insertText(f"\n{THREAD_BREAK}\n".join(bare))  # one undo step, like typing
        self.changed.emit()

    def break_at_cursor(self) -> None:
        cursor = self._editor.textCursor()
        cursor.insertText(f"\n{THREAD_BREAK}\n")
        self._editor.setFocus()

    def remove_breaks(self) -> None:
        from kurum_masaustu.rules.kinds import split_marked

        pieces = split_marked(self._editor.toPlainText())
        cursor = self._editor.textCursor()
        cursor.select(cursor.SelectionType.Document)
        cursor.insertText("\n\n".join(pieces))

    def update_thread_note(self) -> None:
        if self.kind() is not PostKind.THREAD:
            return
        from kurum_masaustu.rules.kinds import thread_parts
        from kurum_masaustu.ui.labels import platform_name

        text = self._editor.toPlainText()
        counts = [(p, len(thread_parts(p, text))) for p in self._thread_platforms()]
        if not counts:
            self.thread_note.setText(self.tr("Choose X, Bluesky or Mastodon to post a thread."))
            return
        self.thread_note.setText(
            self.tr("Parts: {counts}. A line “---” starts a new part; long parts are split at sentence ends.").format(
                counts=", ".join(f"{platform_name(p)} {n}" for p, n in counts)
            )
        )

    # -- the post's shape -----------------------------------------------------------------
    def shape(self, media_types: tuple[str, ...], videos: tuple[VideoInfo, ...] = ()) -> PostShape:
        kind = self.kind()
        poll = self.poll()
        return PostShape(
            kind=kind,
            media_types=media_types,
            videos=videos,
            poll_options=poll.options,
            poll_minutes=poll.minutes,
            poll_multiple=poll.multiple,
            link=self.link_edit.text() if kind is PostKind.TEXT else "",
        )

    def state(self) -> dict[str, Any]:
        poll = self.poll()
        return {
            "kind": self.kind().value,
            "link": self.link_edit.text(),
            "poll": poll.to_json(),
        }

    def restore(self, state: dict[str, Any]) -> None:
        kind = state.get("kind")
        self.set_kind(PostKind(kind) if kind in set(PostKind) else PostKind.TEXT)
        self.link_edit.setText(str(state.get("link", "")))
        self.set_poll(PollDraft.from_json(state.get("poll")))

    def clear(self) -> None:
        self.set_kind(PostKind.TEXT)
        self.link_edit.clear()
        self.set_poll(None)
