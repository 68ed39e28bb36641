"""Post kinds per platform: which kind each platform takes (and why not), poll rules, thread
parts, and native scheduling (hand-off). Pure: no Qt, no I/O.

Facts from ``reference/platform_apis.md`` §0 and the platform sections:

========== ====== ===================================== ====== ============ =================
platform   poll   poll options / option length / time  thread story, reel  native schedule
========== ====== ===================================== ====== ============ =================
x          yes    2–4 / 25 / 5 min – 7 days             yes    no           no (self-serve)
linkedin   yes    2–4 / 30 / 1, 3, 7 or 14 days; q ≤140 no     no           no
mastodon   yes    2–4 / 50 / 5 min – 30 days            yes    no           ``scheduled_at`` ≥5 min
telegram   yes    2–12 / 100 / 5 s – 30 days; q ≤300    no     no           no
bluesky    no                                           yes    no           no
facebook   no                                           no     no           ``scheduled_publish_time`` ≥10 min, ≤75 days
instagram  no                                           no     yes          no
========== ====== ===================================== ====== ============ =================

A poll's question is the post's text; polls never carry media. A story takes one image or
video, a reel one video (Instagram only; the caption is ignored on a story).

A thread is written as one text; the person may force a part boundary with a line holding only
``---`` (:data:`THREAD_BREAK`). Each piece between markers is split further where it does not fit
(:func:`kurum_masaustu.rules.text.split_thread`), and all parts are numbered " (i/n)".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from functools import lru_cache
from typing import Final

from kurum_masaustu.domain import Platform, PostKind

__all__ = [
    "COMPOSER_KINDS",
    "KIND_SUPPORT",
    "POLL_DURATIONS",
    "POLL_RULES",
    "THREAD_BREAK",
    "HandOff",
    "KindRefusal",
    "PollProblem",
    "PollProblemCode",
    "PollRules",
    "hand_off_window",
    "kind_refusal",
    "media_problem",
    "poll_duration_for",
    "poll_problems",
    "split_marked",
    "supports_hand_off",
    "thread_parts",
]

#: A line holding only this ends a thread part where the person wants it.
THREAD_BREAK: Final = "---"
_BREAK_LINE: Final = re.compile(r"^[ \t]*-{3,}[ \t]*$", re.MULTILINE)


class KindRefusal(StrEnum):
    """Why a platform does not take a kind (the UI says it in Turkish)."""

    NO_POLLS = "no_polls"
    NO_THREADS = "no_threads"
    INSTAGRAM_ONLY = "instagram_only"
    NEEDS_MEDIA = "needs_media"  # Instagram has no text-only posts
    MANUAL = "manual"  # a hand-posted channel: text and media only


#: The kinds the composer offers; "text" covers text, link, images, carousel and video.
COMPOSER_KINDS: Final = (PostKind.TEXT, PostKind.POLL, PostKind.THREAD, PostKind.STORY, PostKind.REEL)

KIND_SUPPORT: Final[dict[Platform, frozenset[PostKind]]] = {
    Platform.FACEBOOK: frozenset({PostKind.TEXT}),
    Platform.INSTAGRAM: frozenset({PostKind.TEXT, PostKind.STORY, PostKind.REEL}),
    Platform.X: frozenset({PostKind.TEXT, PostKind.POLL, PostKind.THREAD}),
    Platform.LINKEDIN: frozenset({PostKind.TEXT, PostKind.POLL}),
    Platform.MASTODON: frozenset({PostKind.TEXT, PostKind.POLL, PostKind.THREAD}),
    Platform.BLUESKY: frozenset({PostKind.TEXT, PostKind.THREAD}),
    Platform.TELEGRAM: frozenset({PostKind.TEXT, PostKind.POLL}),
    Platform.MANUAL: frozenset({PostKind.TEXT}),
}


def kind_refusal(platform: Platform, kind: PostKind) -> KindRefusal | None:
    """Why ``platform`` cannot take a post of ``kind``; None when it can."""
    kind = PostKind.TEXT if kind in (PostKind.IMAGE, PostKind.CAROUSEL, PostKind.VIDEO) else kind
    if kind in KIND_SUPPORT[platform]:
        return None
    if platform is Platform.MANUAL:
        return KindRefusal.MANUAL
    if kind is PostKind.POLL:
        return KindRefusal.NO_POLLS
    if kind is PostKind.THREAD:
        return KindRefusal.NO_THREADS
    return KindRefusal.INSTAGRAM_ONLY


def media_problem(kind: PostKind, media_types: list[str]) -> str | None:
    """What the kind needs of the attached media (``"image"``/``"video"`` per file), as a code:
    ``poll_with_media``, ``story_one_media``, ``reel_one_video``; None when it fits."""
    if kind is PostKind.POLL and media_types:
        return "poll_with_media"
    if kind is PostKind.STORY and len(media_types) != 1:
        return "story_one_media"
    if kind is PostKind.REEL and media_types != ["video"]:
        return "reel_one_video"
    return None


# -- polls ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class PollRules:
    min_options: int
    max_options: int
    option_length: int
    min_minutes: int
    max_minutes: int
    question_length: int | None = None  #: the text's own limit applies when None
    multiple: bool = False  #: multiple choice allowed
    fixed_minutes: tuple[int, ...] = ()  #: only these durations (LinkedIn); others round up


_DAY: Final = 24 * 60
POLL_RULES: Final[dict[Platform, PollRules]] = {
    Platform.X: PollRules(2, 4, 25, 5, 7 * _DAY),
    Platform.LINKEDIN: PollRules(2, 4, 30, 1, 14 * _DAY, question_length=140, fixed_minutes=(
        _DAY, 3 * _DAY, 7 * _DAY, 14 * _DAY)),
    Platform.MASTODON: PollRules(2, 4, 50, 5, 2_629_746 // 60, multiple=True),
    Platform.TELEGRAM: PollRules(2, 12, 100, 1, 2_628_000 // 60, question_length=300, multiple=True),
}  # fmt: skip

#: Durations the composer offers, in minutes (1 hour … 14 days).
POLL_DURATIONS: Final = (60, 6 * 60, _DAY, 3 * _DAY, 7 * _DAY, 14 * _DAY)


class PollProblemCode(StrEnum):
    TOO_FEW_OPTIONS = "too_few_options"
    TOO_MANY_OPTIONS = "too_many_options"
    OPTION_TOO_LONG = "option_too_long"
    DUPLICATE_OPTION = "duplicate_option"
    DURATION_TOO_LONG = "duration_too_long"
    DURATION_TOO_SHORT = "duration_too_short"
    DURATION_ROUNDED = "duration_rounded"  # a warning: LinkedIn runs it longer
    QUESTION_TOO_LONG = "question_too_long"
    MULTIPLE_UNSUPPORTED = "multiple_unsupported"
    NO_QUESTION = "no_question"


@dataclass(frozen=True)
class PollProblem:
    code: PollProblemCode
    blocking: bool = True
    limit: int | None = None
    detail: str = ""  #: the option, or the duration actually used (minutes) when rounded


def poll_duration_for(platform: Platform, minutes: int) -> int:
    """The duration the platform will run: LinkedIn's shortest fixed one at least ``minutes``."""
    rules = POLL_RULES.get(platform)
    if rules is None or not rules.fixed_minutes:
        return minutes
    return next((fixed for fixed in rules.fixed_minutes if fixed >= minutes), rules.fixed_minutes[-1])


def poll_problems(
    platform: Platform, question: str, options: list[str], minutes: int, multiple: bool = False
) -> list[PollProblem]:
    """What stands between this poll and ``platform`` (blocking first). Options are compared
    after stripping; empty options are ignored (the composer shows empty rows)."""
    from kurum_masaustu.rules.text import grapheme_count
    from kurum_masaustu.rules.turkish import casefold_tr

    rules = POLL_RULES.get(platform)
    if rules is None:
        return []
    problems: list[PollProblem] = []
    given = [o.strip() for o in options if o.strip()]
    if not question.strip():
        problems.append(PollProblem(PollProblemCode.NO_QUESTION))
    if len(given) < rules.min_options:
        problems.append(PollProblem(PollProblemCode.TOO_FEW_OPTIONS, limit=rules.min_options))
    if len(given) > rules.max_options:
        problems.append(PollProblem(PollProblemCode.TOO_MANY_OPTIONS, limit=rules.max_options))
    seen: set[str] = set()
    for option in given:
        if grapheme_count(option) > rules.option_length:
            problems.append(PollProblem(PollProblemCode.OPTION_TOO_LONG, limit=rules.option_length, detail=option))
        key = casefold_tr(option)
        if key in seen:
            problems.append(PollProblem(PollProblemCode.DUPLICATE_OPTION, detail=option))
        seen.add(key)
    if minutes < rules.min_minutes:
        problems.append(PollProblem(PollProblemCode.DURATION_TOO_SHORT, limit=rules.min_minutes))
    elif minutes > rules.max_minutes:
        problems.append(PollProblem(PollProblemCode.DURATION_TOO_LONG, limit=rules.max_minutes))
    elif rules.fixed_minutes and poll_duration_for(platform, minutes) != minutes:
        used = poll_duration_for(platform, minutes)
        problems.append(PollProblem(PollProblemCode.DURATION_ROUNDED, blocking=False, detail=str(used)))
    if rules.question_length is not None and grapheme_count(question.strip()) > rules.question_length:
        problems.append(PollProblem(PollProblemCode.QUESTION_TOO_LONG, limit=rules.question_length))
    if multiple and not rules.multiple:
        problems.append(PollProblem(PollProblemCode.MULTIPLE_UNSUPPORTED))
    problems.sort(key=lambda p: not p.blocking)
    return problems


# -- threads ----------------------------------------------------------------------------------
def split_marked(text: str) -> list[str]:
    """The pieces between the person's ``---`` lines, stripped, empty ones dropped."""
    return [piece.strip() for piece in _BREAK_LINE.split(text) if piece.strip()]


def thread_parts(platform: Platform, text: str, *, numbered: bool = True) -> list[str]:
    """The posts of a thread on ``platform`` (x, bluesky or mastodon): the person's pieces, each
    split further where it does not fit, numbered " (i/n)" when there is more than one part.

    Remembered for the last texts: the composer asks for the same split several times per
    keystroke (previews, the per-channel tab, the parts count), ≈ 10 ms each for 3,000 characters.
    """
    return list(_thread_parts(platform, text, numbered))


@lru_cache(maxsize=32)
def _thread_parts(platform: Platform, text: str, numbered: bool) -> tuple[str, ...]:
    from kurum_masaustu.rules.text import split_thread_pieces

    return tuple(split_thread_pieces(platform, split_marked(text), numbered=numbered))


# -- native scheduling ------------------------------------------------------------------------
@dataclass(frozen=True)
class HandOff:
    """How far ahead the platform's own scheduler takes a post (with a safety margin)."""

    min_ahead: timedelta
    max_ahead: timedelta


#: Margins over the platform's minimum (Mastodon 5 min, Facebook 10 min) so that the request
#: never arrives too late; Facebook's 75-day maximum is kept with a day to spare.
_HAND_OFF: Final[dict[Platform, HandOff]] = {
    Platform.MASTODON: HandOff(timedelta(minutes=10), timedelta(days=365)),
    Platform.FACEBOOK: HandOff(timedelta(minutes=15), timedelta(days=74)),
}


def supports_hand_off(platform: Platform, kind: PostKind = PostKind.TEXT) -> bool:
    """Whether a post of ``kind`` can be handed to ``platform``'s own scheduler (a thread cannot:
    its later parts answer posts that do not exist yet)."""
    return platform in _HAND_OFF and kind is not PostKind.THREAD


def hand_off_window(platform: Platform, at: datetime, now: datetime) -> str:
    """For a delivery due at ``at`` that asked for hand-off: ``"now"`` (hand it over now),
    ``"later"`` (too far ahead: hand it over when the window opens) or ``"publish"`` (too close:
    publish from this computer at the time, as without hand-off)."""
    window = _HAND_OFF.get(platform)
    if window is None or at - now < window.min_ahead:
        return "publish"
    if at - now > window.max_ahead:
        return "later"
    return "now"
