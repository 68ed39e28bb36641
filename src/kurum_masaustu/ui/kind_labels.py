"""The person's words for post kinds and what stands in their way (polls, threads, stories)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kurum_masaustu.domain import Platform, PostKind
from kurum_masaustu.rules.kinds import KindRefusal, PollProblem, PollProblemCode
from kurum_masaustu.ui.labels import platform_name


def kind_name(kind: PostKind) -> str:
    names = {
        PostKind.TEXT: QCoreApplication.translate("Kinds", "Post (text, link, images, video)"),
        PostKind.POLL: QCoreApplication.translate("Kinds", "Poll"),
        PostKind.THREAD: QCoreApplication.translate("Kinds", "Thread"),
        PostKind.STORY: QCoreApplication.translate("Kinds", "Story"),
        PostKind.REEL: QCoreApplication.translate("Kinds", "Reel"),
    }
    return names.get(kind, names[PostKind.TEXT])


def refusal_message(platform: Platform, kind: PostKind, refusal: KindRefusal) -> str:
    name = platform_name(platform)
    messages = {
        KindRefusal.NO_POLLS: QCoreApplication.translate("Kinds", "{platform} has no polls that the app can publish."),
        KindRefusal.NO_THREADS: QCoreApplication.translate(
            "Kinds", "{platform} has no threads; only X, Bluesky and Mastodon do."
        ),
        KindRefusal.INSTAGRAM_ONLY: QCoreApplication.translate("Kinds", "{kind} is for Instagram only."),
        KindRefusal.NEEDS_MEDIA: QCoreApplication.translate("Kinds", "{platform} needs an image or a video."),
        KindRefusal.MANUAL: QCoreApplication.translate("Kinds", "A channel posted by hand takes ordinary posts only."),
    }
    return messages[refusal].format(platform=name, kind=kind_name(kind))


def media_message(code: str) -> str:
    messages = {
        "poll_with_media": QCoreApplication.translate("Kinds", "A poll cannot carry images or video; remove them."),
        "story_one_media": QCoreApplication.translate("Kinds", "A story needs exactly one image or video."),
        "reel_one_video": QCoreApplication.translate("Kinds", "A reel needs exactly one video."),
    }
    return messages.get(code, code)


def story_text_message() -> str:
    return QCoreApplication.translate(
        "Kinds", "A story has no caption: the text is not posted (put the words in the picture)."
    )


def bad_link_message() -> str:
    return QCoreApplication.translate("Kinds", "The link is not a web address (it must start with https://).")


def duration_text(minutes: int) -> str:
    # Written out per number (not "%n day(s)"): lupdate reads a plural only from a literal count.
    days, rest = divmod(minutes, 24 * 60)
    hours, rest_of_hour = divmod(minutes, 60)
    if rest == 0:
        if days == 1:
            return QCoreApplication.translate("Kinds", "1 day")
        return QCoreApplication.translate("Kinds", "{count} days").format(count=days)
    if rest_of_hour == 0:
        if hours == 1:
            return QCoreApplication.translate("Kinds", "1 hour")
        return QCoreApplication.translate("Kinds", "{count} hours").format(count=hours)
    if minutes == 1:
        return QCoreApplication.translate("Kinds", "1 minute")
    return QCoreApplication.translate("Kinds", "{count} minutes").format(count=minutes)


def poll_message(problem: PollProblem) -> str:
    code = PollProblemCode
    limit = problem.limit or 0
    if problem.code is code.NO_QUESTION:
        return QCoreApplication.translate("Kinds", "A poll needs a question: write it as the post's text.")
    if problem.code is code.TOO_FEW_OPTIONS:
        return QCoreApplication.translate("Kinds", "A poll here needs at least {limit} options.").format(limit=limit)
    if problem.code is code.TOO_MANY_OPTIONS:
        return QCoreApplication.translate("Kinds", "At most {limit} options here.").format(limit=limit)
    if problem.code is code.OPTION_TOO_LONG:
        return QCoreApplication.translate(
            "Kinds", "Option “{option}” is too long: at most {limit} characters here."
        ).format(option=problem.detail, limit=limit)
    if problem.code is code.DUPLICATE_OPTION:
        return QCoreApplication.translate("Kinds", "Option “{option}” is given twice.").format(option=problem.detail)
    if problem.code is code.DURATION_TOO_LONG:
        return QCoreApplication.translate("Kinds", "The poll runs too long: at most {duration} here.").format(
            duration=duration_text(limit)
        )
    if problem.code is code.DURATION_TOO_SHORT:
        return QCoreApplication.translate("Kinds", "The poll is too short: at least {duration} here.").format(
            duration=duration_text(limit)
        )
    if problem.code is code.DURATION_ROUNDED:
        return QCoreApplication.translate(
            "Kinds", "The poll will run {duration} here (the platform's nearest duration)."
        ).format(duration=duration_text(int(problem.detail or 0)))
    if problem.code is code.QUESTION_TOO_LONG:
        return QCoreApplication.translate(
            "Kinds", "The question is too long for a poll here: at most {limit} characters."
        ).format(limit=limit)
    return QCoreApplication.translate("Kinds", "Only single-choice polls here.")
