"""Post kinds per platform: what each platform takes, poll limits, thread parts, hand-off."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from kurum_masaustu.domain import Platform, PostKind
from kurum_masaustu.rules import text as text_rules
from kurum_masaustu.rules.kinds import (
    KindRefusal,
    PollProblemCode,
    hand_off_window,
    kind_refusal,
    media_problem,
    poll_duration_for,
    poll_problems,
    split_marked,
    supports_hand_off,
    thread_parts,
)

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def test_each_platform_offers_only_the_kinds_its_api_has() -> None:
    assert kind_refusal(Platform.X, PostKind.POLL) is None
    assert kind_refusal(Platform.LINKEDIN, PostKind.POLL) is None
    assert kind_refusal(Platform.FACEBOOK, PostKind.POLL) is KindRefusal.NO_POLLS
    assert kind_refusal(Platform.BLUESKY, PostKind.POLL) is KindRefusal.NO_POLLS
    assert kind_refusal(Platform.BLUESKY, PostKind.THREAD) is None
    assert kind_refusal(Platform.LINKEDIN, PostKind.THREAD) is KindRefusal.NO_THREADS
    assert kind_refusal(Platform.INSTAGRAM, PostKind.REEL) is None
    assert kind_refusal(Platform.FACEBOOK, PostKind.STORY) is KindRefusal.INSTAGRAM_ONLY
    assert kind_refusal(Platform.MANUAL, PostKind.POLL) is KindRefusal.MANUAL
    # Images, carousels and videos are ordinary posts everywhere.
    assert kind_refusal(Platform.TELEGRAM, PostKind.CAROUSEL) is None


def test_stories_and_reels_need_their_media_and_polls_none() -> None:
    assert media_problem(PostKind.POLL, ["image"]) == "poll_with_media"
    assert media_problem(PostKind.STORY, []) == "story_one_media"
    assert media_problem(PostKind.STORY, ["video"]) is None
    assert media_problem(PostKind.REEL, ["image"]) == "reel_one_video"
    assert media_problem(PostKind.REEL, ["video"]) is None
    assert media_problem(PostKind.TEXT, ["image", "image"]) is None


def codes(problems: list[object]) -> set[PollProblemCode]:
    return {p.code for p in problems}  # type: ignore[attr-defined]


def test_poll_limits_differ_per_platform() -> None:
    options = ["Evet", "Hayır", "Kararsızım", "Fikrim yok", "Beşinci seçenek"]
    assert PollProblemCode.TOO_MANY_OPTIONS in codes(poll_problems(Platform.X, "Soru?", options, 60))
    assert poll_problems(Platform.TELEGRAM, "Soru?", options, 60) == []
    long_option = "Cumhuriyet Meydanı ve çevresi"  # 29 characters
    assert PollProblemCode.OPTION_TOO_LONG in codes(poll_problems(Platform.X, "Soru?", ["Evet", long_option], 60))
    assert poll_problems(Platform.LINKEDIN, "Soru?", ["Evet", long_option], 24 * 60) == []
    assert codes(poll_problems(Platform.X, "Soru?", ["Evet"], 60)) == {PollProblemCode.TOO_FEW_OPTIONS}
    assert PollProblemCode.DURATION_TOO_LONG in codes(poll_problems(Platform.X, "Soru?", ["A", "B"], 14 * 24 * 60))
    assert PollProblemCode.NO_QUESTION in codes(poll_problems(Platform.MASTODON, " ", ["A", "B"], 60))
    # The same option twice, in another case (Turkish casing: "İZMİR" is "izmir").
    assert PollProblemCode.DUPLICATE_OPTION in codes(poll_problems(Platform.MASTODON, "S?", ["İzmir", "İZMİR"], 60))
    assert PollProblemCode.MULTIPLE_UNSUPPORTED in codes(poll_problems(Platform.X, "S?", ["A", "B"], 60, True))
    assert poll_problems(Platform.MASTODON, "S?", ["A", "B"], 60, True) == []


def test_linkedin_runs_a_poll_its_next_longer_duration_and_says_so() -> None:
    assert poll_duration_for(Platform.LINKEDIN, 6 * 60) == 24 * 60
    assert poll_duration_for(Platform.LINKEDIN, 2 * 24 * 60) == 3 * 24 * 60
    found = poll_problems(Platform.LINKEDIN, "Soru?", ["A", "B"], 6 * 60)
    assert [(p.code, p.blocking, p.detail) for p in found] == [(PollProblemCode.DURATION_ROUNDED, False, "1440")]
    assert PollProblemCode.DURATION_TOO_LONG in codes(
        poll_problems(Platform.LINKEDIN, "Soru?", ["A", "B"], 20 * 24 * 60)
    )


def test_the_persons_breaks_start_new_parts_and_numbering_runs_over_all() -> None:
    text = "Birinci bölüm.\n---\nİkinci bölüm.\n  ----  \nÜçüncü bölüm."
    assert split_marked(text) == ["Birinci bölüm.", "İkinci bölüm.", "Üçüncü bölüm."]
    assert thread_parts(Platform.X, text) == ["Birinci bölüm. (1/3)", "İkinci bölüm. (2/3)", "Üçüncü bölüm. (3/3)"]
    long_piece = " ".join(["Bu cümle bir zincirin uzun bir bölümüdür."] * 12)
    parts = thread_parts(Platform.X, long_piece + "\n---\nSon söz.")
    assert len(parts) >= 3
    assert parts[-1] == f"Son söz. ({len(parts)}/{len(parts)})"
    assert all(text_rules.measure("x", part) <= 280 for part in parts)
    # A text that fits and has no breaks stays one post, unnumbered.
    assert thread_parts(Platform.BLUESKY, "Kısa bir duyuru.") == ["Kısa bir duyuru."]
    assert thread_parts(Platform.BLUESKY, "\n---\n") == []


def test_hand_off_only_where_the_platform_schedules_and_inside_its_window() -> None:
    assert supports_hand_off(Platform.MASTODON)
    assert supports_hand_off(Platform.FACEBOOK)
    assert not supports_hand_off(Platform.X)
    assert not supports_hand_off(Platform.MASTODON, PostKind.THREAD)
    assert hand_off_window(Platform.MASTODON, NOW + timedelta(hours=2), NOW) == "now"
    assert hand_off_window(Platform.MASTODON, NOW + timedelta(minutes=6), NOW) == "publish"
    assert hand_off_window(Platform.FACEBOOK, NOW + timedelta(minutes=12), NOW) == "publish"
    assert hand_off_window(Platform.FACEBOOK, NOW + timedelta(days=80), NOW) == "later"
    assert hand_off_window(Platform.X, NOW + timedelta(days=1), NOW) == "publish"
