"""The reliability checklist in the composer (a tab beside Text and Preview).

It follows the composer's text, category, day and media; the quick items are evaluated at once,
spelling in a worker thread and links on the event loop (only when online). A warning can be
overridden with a note, which goes to the audit log when the post is saved; a failure cannot.
The composer asks :meth:`ChecklistWidget.blocking_message` before it schedules.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kurum_masaustu.domain import Category, Platform
from kurum_masaustu.rules.checklist import (
    ORDER,
    Item,
    ItemKey,
    LinkResult,
    LinkState,
    Status,
    alt_text_item,
    blocking,
    consent_item,
    links,
    links_item,
    open_warnings,
    source_item,
    spelling_item,
    wording_item,
)
from kurum_masaustu.services.media_facts import facts
from kurum_masaustu.services.posts import MediaInfo
from kurum_masaustu.ui.tasks import alive, in_thread, spawn

if TYPE_CHECKING:
    from kurum_masaustu.services.checklist import ChecklistRecords
    from kurum_masaustu.services.links import LinkChecker
    from kurum_masaustu.services.spelling import SpellChecker, SpellingWords
    from kurum_masaustu.ui.composer_pane import ComposerPane

log = logging.getLogger(__name__)

GLYPHS = {
    Status.PASS: ("✔", "#1a7f37"),
    Status.WARN: ("⚠", "#9a6700"),
    Status.FAIL: ("✖", "#b42318"),
    Status.PENDING: ("…", "#6e7781"),
    Status.UNKNOWN: ("?", "#6e7781"),
}
SPELLING_DELAY_MS = 400
LINKS_DELAY_MS = 1200
REFRESH_DELAY_MS = 200


class _Row:
    """One item's line: glyph, title, detail, and its buttons."""

    def __init__(self, grid: QGridLayout, row: int, title: str) -> None:
        self.glyph = QLabel()
        self.glyph.setTextFormat(Qt.TextFormat.PlainText)
        self.glyph.setFixedWidth(22)
        self.glyph.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.title = QLabel(title)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setStyleSheet("font-weight: 600;")
        self.detail = QLabel()
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.override = QPushButton()
        self.extra = QToolButton()
        self.extra.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.extra.hide()
        text_box = QVBoxLayout()
        text_box.setSpacing(0)
        text_box.addWidget(self.title)
        text_box.addWidget(self.detail)
        buttons = QHBoxLayout()
        buttons.addWidget(self.extra)
        buttons.addWidget(self.override)
        grid.addWidget(self.glyph, row, 0)
        grid.addLayout(text_box, row, 1)
        grid.addLayout(buttons, row, 2, Qt.AlignmentFlag.AlignTop)


class ChecklistWidget(QWidget):
    """Evaluates the checklist for the composer's post; emits ``changed`` when items change."""

    changed = Signal()

    def __init__(
        self,
        records: ChecklistRecords,
        spell: SpellChecker,
        words: SpellingWords,
        links: LinkChecker,
        online: Callable[[], bool | None],
        ask_note: Callable[[Item, str], str | None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("checklist")
        self._records = records
        self._spell = spell
        self._words = words
        self._links = links
        self._online = online
        self._ask_note = ask_note or self._ask_note_dialog
        self._composer: ComposerPane | None = None
        self._post_id: int | None = None
        self._media: list[MediaInfo] = []
        self._notes: dict[str, str] = {}
        self._recorded: dict[str, str] = {}
        self._unknown: list[str] | None = None
        self._spelling_available = True
        self._spelling_text: str | None = None  # the text the spelling result belongs to
        self._link_results: dict[str, LinkResult] = {}
        self._items: list[Item] = []
        self._generation = 0
        self._spelling_task: asyncio.Future[None] | None = None
        self._links_task: asyncio.Future[None] | None = None
        self._words_loaded = False

        self.source_edit = QLineEdit()
        self.source_edit.setPlaceholderText(
            self.tr("Where the facts come from: council decision no., notice, institution, link")
        )
        self.source_edit.setAccessibleName(self.tr("Source reference"))
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.words_button = QPushButton(self.tr("Institution's words…"))
        self.words_button.setToolTip(self.tr("Mahalle, institution and people's names the spelling check accepts"))

        source_row = QHBoxLayout()
        source_label = QLabel(self.tr("Source:"))
        source_label.setBuddy(self.source_edit)
        source_row.addWidget(source_label)
        source_row.addWidget(self.source_edit, 1)
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        grid.setVerticalSpacing(8)
        titles = {
            ItemKey.SOURCE: self.tr("Source reference"),
            ItemKey.ALT_TEXT: self.tr("Alt text for every image"),
            ItemKey.LINKS: self.tr("Links reachable"),
            ItemKey.SPELLING: self.tr("Turkish spelling"),
            ItemKey.WORDING: self.tr("Wording fits the day"),
            ItemKey.CONSENT: self.tr("Consent for people in photos (KVKK)"),
        }
        self.rows: dict[ItemKey, _Row] = {}
        for index, key in enumerate(ORDER):
            row = _Row(grid, index, titles[key])
            row.override.clicked.connect(lambda _checked=False, k=key: self.override(k))
            self.rows[key] = row
        spelling_row = self.rows[ItemKey.SPELLING]
        spelling_row.extra.setText(self.tr("Add to dictionary"))
        self._word_menu = QMenu(self)
        spelling_row.extra.setMenu(self._word_menu)
        self._word_menu.triggered.connect(lambda action: self.add_word(action.data()))

        items_box = QWidget()
        items_layout = QVBoxLayout(items_box)
        items_layout.setContentsMargins(0, 0, 0, 0)
        items_layout.addWidget(self.summary)
        items_layout.addLayout(grid)
        items_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(items_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(source_row)
        layout.addWidget(scroll, 1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.words_button)
        layout.addLayout(bottom)

        self._spelling_timer = QTimer(self)
        self._spelling_timer.setSingleShot(True)
        self._spelling_timer.setInterval(SPELLING_DELAY_MS)
        self._spelling_timer.timeout.connect(self._start_spelling)
        self._links_timer = QTimer(self)
        self._links_timer.setSingleShot(True)
        self._links_timer.setInterval(LINKS_DELAY_MS)
        self._links_timer.timeout.connect(self._start_links)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        self.source_edit.textChanged.connect(lambda _text: self.refresh())
        self.words_button.clicked.connect(self.edit_words)

    # -- wiring ---------------------------------------------------------------------------
    def attach(self, composer: ComposerPane) -> None:
        """Follow ``composer``'s post (the composer calls back into this before scheduling)."""
        self._composer = composer
        composer.body_edit.textChanged.connect(self._text_changed)
        composer.category_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        composer.when_edit.dateTimeChanged.connect(lambda _d: self.refresh())
        composer.media_changed.connect(self.set_media)
        composer.channel_box.toggled.connect(lambda *_: self.refresh())  # alt text: who receives it
        editor = getattr(composer, "overrides", None)
        if editor is not None and hasattr(editor, "changed"):
            editor.changed.connect(self._text_changed)
        self.changed.connect(self._show_in_tab_title)
        self.refresh()

    def _text_changed(self) -> None:
        self._refresh_timer.start()  # after a short pause: a 100,000-character paste stays smooth
        self._spelling_timer.start()
        self._links_timer.start()

    def _show_in_tab_title(self) -> None:
        composer = self._composer
        if composer is None:
            return
        index = composer.tabs.indexOf(self)
        if index < 0:
            return
        fails = sum(1 for item in self._items if item.status is Status.FAIL)
        warnings = len(open_warnings(self._items, self._notes))
        title = self.tr("Checklist")
        if fails:
            title += f" ✖ {fails}"
        elif warnings:
            title += f" ⚠ {warnings}"
        composer.tabs.setTabText(index, title)

    # -- the post -------------------------------------------------------------------------
    def post_loaded(self, post_id: int | None, source_reference: str) -> None:
        """A post was opened (None: a new post): its source and recorded override notes."""
        self._post_id = post_id
        self._recorded = self._records.overrides(post_id) if post_id is not None else {}
        self._notes = dict(self._recorded)
        self.source_edit.blockSignals(True)
        self.source_edit.setText(source_reference)
        self.source_edit.blockSignals(False)
        self.refresh()
        self._spelling_timer.start()
        self._links_timer.start()

    def post_saved(self, post_id: int) -> None:
        """The composer saved: write the override notes for the current warnings."""
        self._post_id = post_id
        self._records.record_overrides(post_id, self._items, self._notes)
        self._recorded = self._records.overrides(post_id)

    def source_reference(self) -> str:
        return self.source_edit.text().strip()

    def set_media(self, media: list[MediaInfo]) -> None:
        self._media = list(media)
        self.refresh()

    def media_updated(self, info: MediaInfo) -> None:
        """The media pane changed a file's alt text or consent."""
        if any(m.id == info.id for m in self._media):
            self._media = [info if m.id == info.id else m for m in self._media]
            self.refresh()

    # -- evaluation -----------------------------------------------------------------------
    def _platforms(self) -> list[Platform]:
        """The chosen channels' platforms (alt text matters for all but Telegram)."""
        composer = self._composer
        return [c.platform for c in composer.checked_channel_infos()] if composer is not None else []

    def _text(self) -> str:
        """The main text and each chosen channel's own text (the per-channel tab), one after
        the other: every text that will go out is checked."""
        composer = self._composer
        if composer is None:
            return ""
        texts = [composer.body_edit.toPlainText()]
        editor = getattr(composer, "overrides", None)
        own: dict[int, str] = getattr(editor, "overrides", {}) if editor is not None else {}
        chosen = set(composer.checked_channels())
        texts += [text for channel_id, text in sorted(own.items()) if channel_id in chosen and text not in texts]
        return "\n\n".join(texts)

    def _urls(self, text: str) -> list[str]:
        return links(text)

    def _flush(self) -> None:
        """Evaluate now if typing left an evaluation waiting."""
        if self._refresh_timer.isActive():
            self.refresh()

    def items(self) -> list[Item]:
        self._flush()
        return list(self._items)

    def refresh(self) -> None:
        """Evaluate the quick items now; spelling and links keep their last results."""
        self._refresh_timer.stop()
        text = self._text()
        composer = self._composer
        category = Category(composer.category_combo.currentData()) if composer is not None else Category.ANNOUNCEMENT
        media = [facts(m) for m in self._media]
        if composer is not None and text.strip():
            festive, _election, context = composer.wording_findings()
            wording = wording_item(
                [f.found for f in festive], mourning=context.mourning, commemoration=context.commemoration
            )
        else:
            wording = wording_item([], mourning=False, commemoration=None)
        urls = self._urls(text)
        if urls and self._online() is False:
            results = {url: LinkResult(url, LinkState.OFFLINE) for url in urls}
        else:
            results = self._link_results
        unknown = self._unknown if self._spelling_text == text else None
        if not text.strip():
            unknown = []
        self._items = [
            source_item(category, text, self.source_reference()),
            alt_text_item(media, self._platforms()),
            links_item(urls, results),
            spelling_item(unknown, available=self._spelling_available),
            wording,
            consent_item(media),
        ]
        self._show()
        self.changed.emit()

    def blocking(self) -> list[Item]:
        self._flush()
        return blocking(self._items)

    def open_warnings(self) -> list[Item]:
        self._flush()
        return open_warnings(self._items, self._notes)

    def blocking_message(self) -> str | None:
        """Why the post cannot be scheduled yet, or None."""
        self.refresh()
        stopping = self.blocking()
        if not stopping:
            return None
        titles = ", ".join(self.rows[item.key].title.text() for item in stopping)
        return self.tr("Not scheduled: the checklist says {items}. Fix it first.").format(items=titles)

    # -- background checks -------------------------------------------------------------------
    def _start_spelling(self) -> None:
        text = self._text()
        if not text.strip() or (self._spelling_text == text and self._unknown is not None):
            return
        self._generation += 1
        self._spelling_task = spawn(self._check_spelling(self._generation, text))

    async def _check_spelling(self, generation: int, text: str) -> None:
        from kurum_masaustu.services.spelling import DictionaryUnavailableError

        if not self._words_loaded:
            accepted = await in_thread(self._words.words)
            self._spell.set_accepted(accepted)
            self._words_loaded = True
        try:
            unknown = await in_thread(self._spell.unknown_words, text)
        except DictionaryUnavailableError:
            unknown, available = [], False
        else:
            available = True
        if not alive(self) or generation != self._generation:
            return
        self._unknown, self._spelling_text, self._spelling_available = unknown, text, available
        self.refresh()

    def _start_links(self) -> None:
        urls = self._urls(self._text())
        if not urls or self._online() is False:
            self.refresh()
            return
        self._links_task = spawn(self._check_links(urls))

    async def _check_links(self, urls: list[str]) -> None:
        results = await self._links.check(urls)
        if not alive(self):
            return
        self._link_results = {**self._link_results, **results}
        self.refresh()

    async def wait_idle(self) -> None:
        """Until the spelling and link checks started so far have finished (tests, screenshots)."""
        for timer, start in ((self._spelling_timer, self._start_spelling), (self._links_timer, self._start_links)):
            if timer.isActive():
                timer.stop()
                start()
        for task in (self._spelling_task, self._links_task):
            if task is not None:
                await asyncio.shield(task)

    # -- actions ----------------------------------------------------------------------------
    def override(self, key: ItemKey) -> bool:
        """Ask for a note that accepts the item's current warning; True when one was given."""
        item = next((i for i in self.items() if i.key is key), None)
        if item is None or item.status is not Status.WARN:
            return False
        note = self._ask_note(item, self.rows[key].detail.text())
        if not note or not note.strip():
            return False
        self._notes[item.signature] = note.strip()
        self.refresh()
        return True

    def _ask_note_dialog(self, item: Item, detail: str) -> str | None:
        note, ok = QInputDialog.getText(
            self,
            self.tr("Override a warning"),
            detail + "\n\n" + self.tr("Why may the post go out like this? (kept in the audit log)"),
        )
        return note.strip() if ok and note.strip() else None

    def add_word(self, word: object) -> None:
        """Accept ``word`` from now on (stored in the profile) and check again."""
        if not isinstance(word, str) or not word:
            return
        stored = self._words.add(word)
        if stored is None:
            return
        self._spell.accept(stored)
        if self._unknown is not None:
            from kurum_masaustu.rules.turkish import casefold_tr

            self._unknown = [w for w in self._unknown if casefold_tr(w) != casefold_tr(stored)]
        self.refresh()

    def edit_words(self) -> None:
        dialog = WordListDialog(self._words, self)
        dialog.exec()
        self._spell.set_accepted(self._words.words())
        self._unknown = None
        self._spelling_text = None
        self.refresh()
        self._start_spelling()

    # -- showing ----------------------------------------------------------------------------
    def _show(self) -> None:
        fails = warnings = 0
        for item in self._items:
            row = self.rows[item.key]
            noted = self._notes.get(item.signature, "") if item.status is Status.WARN else ""
            glyph, colour = GLYPHS[item.status]
            if noted:
                glyph, colour = "✔", "#6e7781"
            row.glyph.setText(glyph)
            row.glyph.setStyleSheet(f"color: {colour}; font-weight: 700;")
            detail = self.describe(item)
            if noted:
                detail += "\n" + self.tr("Overridden: {note}").format(note=noted)
            row.detail.setText(detail)
            row.override.setVisible(item.status is Status.WARN and not noted)
            row.override.setText(self.tr("Override…"))
            if item.key is ItemKey.SPELLING:
                self._fill_word_menu(item)
            fails += item.status is Status.FAIL
            warnings += item.status is Status.WARN and not noted
        if fails or warnings:
            parts = []
            if fails:
                parts.append(self.tr("%n to fix before scheduling", "", fails))
            if warnings:
                parts.append(self.tr("%n warning(s): fix, or override with a note", "", warnings))
            self.summary.setText(", ".join(parts))
            self.summary.setStyleSheet("color: #b42318;" if fails else "color: #9a6700;")
        else:
            self.summary.setText(self.tr("Ready to schedule as far as the checklist can tell."))
            self.summary.setStyleSheet("color: #1a7f37;")

    def _fill_word_menu(self, item: Item) -> None:
        self._word_menu.clear()
        words = item.values if item.code == "unknown_words" else ()
        for word in words[:12]:
            action = self._word_menu.addAction(word)
            action.setData(word)
        self.rows[ItemKey.SPELLING].extra.setVisible(bool(words))

    def describe(self, item: Item) -> str:
        """The item's detail in the UI's language."""
        listed = ", ".join(item.values)
        texts = {
            ("source", "given"): self.tr("Given."),
            ("source", "required"): self.tr(
                "Announcements need a source: the decision, notice or institution the facts come from."
            ),
            ("source", "figures"): self.tr("The text states figures ({values}): say where they come from."),
            ("source", "not_needed"): self.tr("No figures or claims that need a source."),
            ("alt_text", "no_images"): self.tr("No images."),
            ("alt_text", "missing"): self.tr("No alt text: {values}. Describe each image in the media pane."),
            ("alt_text", "not_sent"): self.tr(
                "No alt text: {values}. The chosen channels show none (Telegram): say in the text what the "
                "picture shows."
            ),
            ("alt_text", "weak"): self.tr("The alt text says little (a file name or one word): {values}."),
            ("alt_text", "all"): self.tr("Every image is described."),
            ("links", "no_links"): self.tr("No links."),
            ("links", "unreachable"): self.tr("Not reachable: {values}"),
            ("links", "offline"): self.tr("Offline, could not be checked."),
            ("links", "checking"): self.tr("Checking…"),
            ("links", "reachable"): self.tr("Every link answers."),
            ("spelling", "no_dictionary"): self.tr("The spelling dictionary could not be loaded."),
            ("spelling", "checking"): self.tr("Checking…"),
            ("spelling", "unknown_words"): self.tr("Not in the dictionary: {values}"),
            ("spelling", "ok"): self.tr("No unknown words."),
            ("wording", "ordinary_day"): self.tr("No day of mourning or commemoration."),
            ("wording", "fits_the_day"): self.tr("Nothing celebratory."),
            ("wording", "mourning"): self.tr("National mourning: celebratory wording ({values})."),
            ("consent", "no_media"): self.tr("No photos or videos."),
            ("consent", "children"): self.tr(
                "Children in {values}: record the parents' written consent or blur their faces."
            ),
            ("consent", "unanswered"): self.tr("Say in the media pane whether recognisable people appear: {values}."),
            ("consent", "no_consent"): self.tr(
                "No consent recorded for the people in {values}: record it, or note the legal ground."
            ),
            ("consent", "recorded"): self.tr("Consent recorded."),
        }
        if (item.key.value, item.code) == ("wording", "commemoration"):
            day, *found = item.values
            return self.tr("{day} is a day of commemoration: no celebratory wording or emoji ({values}).").format(
                day=day, values=", ".join(found)
            )
        if (item.key.value, item.code) == ("source", "given"):
            return self.source_reference() or texts[("source", "given")]
        template = texts.get((item.key.value, item.code), item.code)
        return template.format(values=listed)


class WordListDialog(QDialog):
    """The institution's words: mahalle, institution and people's names (add, remove)."""

    def __init__(self, words: SpellingWords, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Institution's words"))
        self.resize(420, 420)
        self._words = words
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Accepted words"))
        self.input = QLineEdit()
        self.input.setPlaceholderText(self.tr("A word, e.g. Yeşilbağlar"))
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Mahalle"), "mahalle")
        self.kind.addItem(self.tr("Institution"), "kurum")
        self.kind.addItem(self.tr("Other"), "diger")
        self.add_button = QPushButton(self.tr("Add"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        adder = QHBoxLayout()
        adder.addWidget(self.input, 1)
        adder.addWidget(self.kind)
        adder.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(adder)
        layout.addWidget(self.message)
        layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(buttons)
        self.add_button.clicked.connect(self.add)
        self.input.returnPressed.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        self._fill()

    def _fill(self) -> None:
        from kurum_masaustu.rules.turkish import sort_key

        names = {"mahalle": self.tr("Mahalle"), "kurum": self.tr("Institution"), "diger": self.tr("Other")}
        self.list.clear()
        for word, kind in sorted(self._words.all(), key=lambda pair: sort_key(pair[0])):
            self.list.addItem(f"{word} — {names.get(kind, kind)}")
            self.list.item(self.list.count() - 1).setData(Qt.ItemDataRole.UserRole, word)

    def add(self) -> None:
        stored = self._words.add(self.input.text(), str(self.kind.currentData()))
        if stored is None:
            self.message.setText(self.tr("Write one word of letters (no spaces or digits)."))
            return
        self.message.clear()
        self.input.clear()
        self._fill()

    def remove(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self._words.remove(str(item.data(Qt.ItemDataRole.UserRole)))
            self._fill()
