"""Per-platform previews in the composer: the post as each channel will show it, its counter,
and what is wrong with it there (blocking problems stop scheduling; warnings do not)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from kurum_masaustu.domain import Platform, PostKind
from kurum_masaustu.services.posts import ChannelInfo

if TYPE_CHECKING:  # the text rules (and regex) load with the first check, not at start-up
    from kurum_masaustu.media.video import VideoInfo
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


def counter_text(counts: tuple[text_rules.Count, ...]) -> str:
    """ "287 / 280 karakter (X ağırlıklı)", each counter with a limit, Turkish thousands dots."""
    return "   ".join(
        f"{count.used:,} / {count.limit:,} {unit_name(count.unit)}".replace(",", ".")
        for count in counts
        if count.limit is not None
    )


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
class PostShape:
    """What besides the text decides the checks: the post's kind, media, poll and link."""

    kind: PostKind = PostKind.TEXT
    media_types: tuple[str, ...] = ()  # "image" / "video" per attached file
    poll_options: tuple[str, ...] = ()
    poll_minutes: int = 24 * 60
    poll_multiple: bool = False
    link: str = ""
    videos: tuple[VideoInfo, ...] = ()  # what probing the attached videos found (once it has)

    @property
    def has_media(self) -> bool:
        return bool(self.media_types)


@dataclass(frozen=True)
class Note:
    """A problem found outside the text rules (kind, poll, link), already in the person's words."""

    message: str
    blocking: bool


@dataclass(frozen=True)
class ChannelCheck:
    channel: ChannelInfo
    counts: tuple[text_rules.Count, ...]
    problems: tuple[text_rules.Problem, ...]
    notes: tuple[Note, ...] = ()
    parts: tuple[str, ...] = ()  # a thread's posts as they will go out
    shown_text: str | None = None  # the channel's text as the platform gets it (its own, link appended)

    @property
    def blocking(self) -> list[text_rules.Problem | Note]:
        from kurum_masaustu.rules import text as text_rules

        found: list[text_rules.Problem | Note] = [n for n in self.notes if n.blocking]
        return found + [p for p in self.problems if p.severity == text_rules.Severity.BLOCKING]

    @property
    def warnings(self) -> int:
        return len(self.problems) + len(self.notes) - len(self.blocking)


def any_message(problem: text_rules.Problem | Note) -> str:
    return problem.message if isinstance(problem, Note) else problem_message(problem)


#: Platforms that show a link given apart as a card; the others get it at the end of the text.
LINK_CARD_PLATFORMS = frozenset({Platform.FACEBOOK, Platform.LINKEDIN})


def link_ok(link: str) -> bool:
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(link.strip())
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and "." in (parts.hostname or "") and " " not in link.strip()


def with_link(platform: Platform, text: str, link: str) -> str:
    """The text as a platform without link cards posts it (the link appended, as the adapters do)."""
    link = link.strip()
    if not link or platform in LINK_CARD_PLATFORMS or link in text:
        return text
    return f"{text.rstrip()}\n\n{link}" if text.strip() else link


def check_channel(channel: ChannelInfo, text: str, has_media: bool, shape: PostShape | None = None) -> ChannelCheck:
    from kurum_masaustu.rules import kinds
    from kurum_masaustu.rules import text as text_rules
    from kurum_masaustu.ui import kind_labels

    shape = shape or PostShape(media_types=("image",) if has_media else ())
    notes: list[Note] = []
    refusal = kinds.kind_refusal(channel.platform, shape.kind)
    if refusal is not None:
        notes.append(Note(kind_labels.refusal_message(channel.platform, shape.kind, refusal), True))
    media = kinds.media_problem(shape.kind, list(shape.media_types))
    if media is not None:
        notes.append(Note(kind_labels.media_message(media), True))
    if shape.kind in (PostKind.STORY, PostKind.REEL) and refusal is None and shape.videos:
        from kurum_masaustu.media.video import validate

        placement = "story" if shape.kind is PostKind.STORY else "reel"
        for info in shape.videos:
            for video_problem in validate(info, channel.platform, placement):
                # The media layer words its problems in Turkish only.
                blocking = video_problem.severity == text_rules.Severity.BLOCKING
                notes.append(Note(video_problem.message, blocking))
    if shape.link.strip() and not link_ok(shape.link):
        notes.append(Note(kind_labels.bad_link_message(), True))
    if shape.kind is PostKind.POLL and refusal is None:
        for found in kinds.poll_problems(
            channel.platform, text, list(shape.poll_options), shape.poll_minutes, shape.poll_multiple
        ):
            notes.append(Note(kind_labels.poll_message(found), found.blocking))
    if channel.platform == Platform.MANUAL:
        empty = (
            ()
            if text.strip() or has_media
            else (text_rules.Problem(text_rules.ProblemCode.EMPTY, text_rules.Severity.BLOCKING),)
        )
        return ChannelCheck(channel, (), empty, tuple(notes), shown_text=text)
    platform = channel.platform.value
    if shape.kind is PostKind.THREAD and channel.platform in text_rules.THREAD_PLATFORMS:
        parts = kinds.thread_parts(channel.platform, text)
        if not parts:
            no_text = tuple(text_rules.check(platform, ""))
            return ChannelCheck(channel, text_rules.counts(platform, ""), no_text, tuple(notes))
        problems: list[text_rules.Problem] = []
        for index, part in enumerate(parts):
            for problem in text_rules.check(platform, part, has_media=has_media and index == 0):
                if problem not in problems:
                    problems.append(problem)
        longest = max(parts, key=lambda part: text_rules.measure(platform, part))
        return ChannelCheck(channel, text_rules.counts(platform, longest), tuple(problems), tuple(notes), tuple(parts))
    if shape.kind is PostKind.STORY:  # a story has no caption
        if text.strip() and refusal is None:
            notes.append(Note(kind_labels.story_text_message(), False))
        return ChannelCheck(channel, (), (), tuple(notes), shown_text="")
    sent = with_link(channel.platform, text, shape.link) if refusal is None else text
    shown = sent
    if channel.platform in LINK_CARD_PLATFORMS and shape.link.strip() and link_ok(shape.link):
        from urllib.parse import urlsplit

        shown = f"{sent.rstrip()}\n\n🔗 {urlsplit(shape.link.strip()).hostname}"  # the card shows the site
    if shape.kind is PostKind.POLL and refusal is None:
        shown = "\n".join([sent, *("○ " + option for option in shape.poll_options)])
    return ChannelCheck(
        channel,
        text_rules.counts(platform, sent, has_media=has_media),
        tuple(text_rules.check(platform, sent, has_media=has_media)),
        tuple(notes),
        shown_text=shown,
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
        if result.parts:
            shown = "\n\n".join(result.parts)
        else:
            shown = result.shown_text if result.shown_text is not None else text
            shown = shown if shown.strip() else ""
        if result.channel.platform == Platform.INSTAGRAM:
            shown = ("🖼  " if has_media else "") + shown
        self.body.setText(shown[:4000] + ("…" if len(shown) > 4000 else ""))
        counter = counter_text(result.counts)
        if len(result.parts) > 1:
            counter = self.tr("%n post(s); longest: ", "", len(result.parts)) + counter
        self.counter.setText(counter)
        over = any(c.limit is not None and c.used > c.limit for c in result.counts)
        self.counter.setStyleSheet("color: #b42318; font-weight: bold;" if over else "color: #57606a;")
        lines = [("✖ " if n.blocking else "⚠ ") + n.message for n in result.notes if n.blocking]
        lines += [
            ("✖ " if p.severity == text_rules.Severity.BLOCKING else "⚠ ") + problem_message(p) for p in result.problems
        ]
        lines += ["⚠ " + n.message for n in result.notes if not n.blocking]
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
