"""Per-platform previews in the composer: the post as each channel will show it, its counter,
and what is wrong with it there (blocking problems stop scheduling; warnings do not)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from kurum_masaustu.domain import Platform
from kurum_masaustu.services.posts import ChannelInfo

if TYPE_CHECKING:  # the text rules (and regex) load with the first check, not at start-up
    from kurum_masaustu.rules import text as text_rules
from kurum_masaustu.ui.labels import channel_label

#: How each platform's preview card looks (border colour, background).
CARD_STYLE = {
    Platform.FACEBOOK: ("#1877f2", "#f0f2f5"),
    Platform.INSTAGRAM: ("#e1306c", "#fafafa"),
    Platform.X: ("#0f1419", "#ffffff"),
    Platform.LINKEDIN: ("#0a66c2", "#f4f2ee"),
    Platform.MASTODON: ("#6364ff", "#f6f5ff"),
    Platform.BLUESKY: ("#1185fe", "#f5f9ff"),
    Platform.TELEGRAM: ("#229ed9", "#eef6fb"),
    Platform.MANUAL: ("#8c959f", "#ffffff"),
}


def unit_name(unit: text_rules.Unit) -> str:
    from kurum_masaustu.rules import text as text_rules

    names = {
        text_rules.Unit.WEIGHTED: QCoreApplication.translate("Problems", "characters (X weighting)"),
        text_rules.Unit.GRAPHEMES: QCoreApplication.translate("Problems", "characters"),
        text_rules.Unit.UTF16: QCoreApplication.translate("Problems", "characters"),
        text_rules.Unit.UTF8_BYTES: QCoreApplication.translate("Problems", "bytes"),
    }
    return names[unit]


def problem_message(problem: text_rules.Problem) -> str:
    """The person's words for a problem the text rules found."""
    from kurum_masaustu.rules import text as text_rules

    code = text_rules.ProblemCode
    if problem.code == code.EMPTY:
        return QCoreApplication.translate("Problems", "The post is empty.")
    if problem.code == code.TOO_LONG:
        unit = unit_name(problem.unit) if problem.unit else ""
        return QCoreApplication.translate("Problems", "Too long: {count} of {limit} {unit}.").format(
            count=problem.count, limit=problem.limit, unit=unit
        )
    if problem.code == code.TOO_MANY_HASHTAGS:
        return QCoreApplication.translate("Problems", "Too many hashtags: {count} (at most {limit}).").format(
            count=problem.count, limit=problem.limit
        )
    if problem.code == code.TOO_MANY_MENTIONS:
        return QCoreApplication.translate("Problems", "Too many mentions: {count} (at most {limit}).").format(
            count=problem.count, limit=problem.limit
        )
    if problem.code == code.MEDIA_REQUIRED:
        return QCoreApplication.translate("Problems", "This platform needs an image or a video.")
    if problem.code == code.INVALID_HASHTAG:
        reasons = {
            text_rules.Reason.DIGITS_ONLY: QCoreApplication.translate(
                "Problems", "{tag} is not a hashtag: it needs at least one letter."
            ),
            text_rules.Reason.HYPHENATED: QCoreApplication.translate(
                "Problems", "{tag}: the hyphen ends the hashtag; write it as one word."
            ),
            text_rules.Reason.TAG_TOO_LONG: QCoreApplication.translate(
                "Problems", "{tag} is too long to be a hashtag here."
            ),
        }
        template = (
            reasons.get(problem.reason, QCoreApplication.translate("Problems", "{tag} will not work as a hashtag."))
            if problem.reason
            else ""
        )
        return template.format(tag=problem.detail or "#")
    if problem.code == code.INVALID_CHARACTER:
        return QCoreApplication.translate(
            "Problems", "The text contains a character that cannot be sent ({char}); it was probably pasted."
        ).format(char=problem.detail)
    if problem.code == code.HIDDEN_CHARACTER:
        return QCoreApplication.translate(
            "Problems", "The text contains an invisible character ({char}); it was probably pasted."
        ).format(char=problem.detail)
    return str(problem.code)


@dataclass(frozen=True)
class ChannelCheck:
    channel: ChannelInfo
    counts: tuple[text_rules.Count, ...]
    problems: tuple[text_rules.Problem, ...]

    @property
    def blocking(self) -> list[text_rules.Problem]:
        from kurum_masaustu.rules import text as text_rules

        return [p for p in self.problems if p.severity == text_rules.Severity.BLOCKING]


def check_channel(channel: ChannelInfo, text: str, has_media: bool) -> ChannelCheck:
    from kurum_masaustu.rules import text as text_rules

    if channel.platform == Platform.MANUAL:
        problems = (
            []
            if text.strip() or has_media
            else [text_rules.Problem(text_rules.ProblemCode.EMPTY, text_rules.Severity.BLOCKING)]
        )
        return ChannelCheck(channel, (), tuple(problems))
    platform = channel.platform.value
    return ChannelCheck(
        channel,
        text_rules.counts(platform, text, has_media=has_media),
        tuple(text_rules.check(platform, text, has_media=has_media)),
    )


class ChannelPreview(QFrame):
    """One channel's card: name, the text as posted, the counter, the problems."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.body = QLabel()
        self.body.setTextFormat(Qt.TextFormat.PlainText)  # the person's text is never markup
        self.body.setWordWrap(True)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.counter = QLabel()
        self.counter.setTextFormat(Qt.TextFormat.PlainText)
        self.problems = QLabel()
        self.problems.setTextFormat(Qt.TextFormat.PlainText)
        self.problems.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        for widget in (self.title, self.body, self.counter, self.problems):
            layout.addWidget(widget)

    def show_check(self, result: ChannelCheck, text: str, has_media: bool) -> None:
        from kurum_masaustu.rules import text as text_rules

        border, background = CARD_STYLE[result.channel.platform]
        self.setStyleSheet(
            f"ChannelPreview {{ border: 1px solid {border}; border-left: 4px solid {border};"
            f" border-radius: 6px; background: {background}; }}"
        )
        self.title.setText(channel_label(result.channel.display_name, result.channel.platform))
        shown = text if text.strip() else ""
        if result.channel.platform == Platform.INSTAGRAM:
            shown = ("🖼  " if has_media else "") + shown
        self.body.setText(shown[:4000] + ("…" if len(shown) > 4000 else ""))
        self.counter.setText(
            "   ".join(
                f"{count.used:,} / {count.limit:,} {unit_name(count.unit)}".replace(",", ".")
                for count in result.counts
                if count.limit is not None
            )
        )
        over = any(c.limit is not None and c.used > c.limit for c in result.counts)
        self.counter.setStyleSheet("color: #b42318; font-weight: bold;" if over else "color: #57606a;")
        lines = [
            ("✖ " if p.severity == text_rules.Severity.BLOCKING else "⚠ ") + problem_message(p) for p in result.problems
        ]
        self.problems.setText("\n".join(lines))
        self.problems.setStyleSheet("color: #b42318;" if result.blocking else "color: #9a6700;")
        self.problems.setVisible(bool(lines))


class PreviewPanel(QScrollArea):
    """All selected channels' previews, one under the other."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setAccessibleName(QCoreApplication.translate("Composer", "Previews per channel"))
        self._inner = QWidget()
        self._layout = QVBoxLayout(self._inner)
        self._layout.setContentsMargins(4, 4, 4, 4)
        self._notes = QLabel()
        self._notes.setTextFormat(Qt.TextFormat.PlainText)
        self._notes.setWordWrap(True)
        self._notes.setStyleSheet(
            "background: #fff4e5; border: 1px solid #f0b35b; border-radius: 6px; padding: 6px; color: #6e3b00;"
        )
        self._notes.hide()
        self._layout.addWidget(self._notes)
        self._empty = QLabel(QCoreApplication.translate("Composer", "Choose channels to see how the post will look."))
        self._empty.setWordWrap(True)
        self._layout.addWidget(self._empty)
        self._layout.addStretch(1)
        self.setWidget(self._inner)
        self._cards: list[ChannelPreview] = []
        self.results: list[ChannelCheck] = []

    def show_notes(self, notes: list[str]) -> None:
        """Warnings about the wording on the chosen day (mourning, commemoration, election)."""
        self._notes.setText("\n".join("⚠ " + note for note in notes))
        self._notes.setVisible(bool(notes))

    def show_checks(self, results: list[ChannelCheck], text: str, has_media: bool) -> None:
        self.results = results
        while len(self._cards) < len(results):
            card = ChannelPreview()
            self._layout.insertWidget(self._layout.count() - 1, card)
            self._cards.append(card)
        for card, result in zip(self._cards, results, strict=False):
            card.show_check(result, text, has_media)
            card.show()
        for card in self._cards[len(results) :]:
            card.hide()
        self._empty.setVisible(not results)
