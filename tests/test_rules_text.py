"""Post text rules per platform (pure): lengths, hashtags, mentions, links, threads.

The X counting is checked against twitter-text's conformance vectors
(``shared/specs/twitter-text/validate.yml``, beside the repository; ``KURUM_SHARED_DIR`` may
point to ``shared``), the other numbers against ``shared/reference/platform_apis.md``.
"""

from __future__ import annotations

import os
import random
import re
from pathlib import Path
from typing import Any

import pytest
import regex
import yaml

from kurum_masaustu.domain import Platform
from kurum_masaustu.rules.text import (
    BLUESKY_TAG_MAX_GRAPHEMES,
    TWITTER_TEXT_V1,
    TWITTER_TEXT_V2,
    TWITTER_TEXT_V3,
    Count,
    Problem,
    ProblemCode,
    Reason,
    Severity,
    TwitterTextConfig,
    Unit,
    camel_case_hashtag,
    check,
    counts,
    grapheme_count,
    hashtags,
    limit,
    measure,
    mentions,
    parse_x,
    split_thread,
    urls,
    utf8_length,
    utf16_length,
)

REPO = Path(__file__).resolve().parents[1]
VALIDATE_YML = Path("specs") / "twitter-text" / "validate.yml"
ALL_PLATFORMS = ["facebook", "instagram", "x", "linkedin", "mastodon", "bluesky", "telegram"]


def _validate_yml() -> Path | None:
    candidates = []
    if os.environ.get("KURUM_SHARED_DIR"):
        candidates.append(Path(os.environ["KURUM_SHARED_DIR"]) / VALIDATE_YML)
    candidates += [REPO.parent / "shared" / VALIDATE_YML, REPO / "shared" / VALIDATE_YML]
    return next((c for c in candidates if c.is_file()), None)


def _load_vectors() -> dict[str, list[dict[str, Any]]]:
    path = _validate_yml()
    if path is None:
        return {}
    tests: dict[str, list[dict[str, Any]]] = yaml.safe_load(path.read_text(encoding="utf-8"))["tests"]
    return tests


VECTORS = _load_vectors()
#: Sections about length, and the twitter-text configuration each was written for: ``tweets``
#: is the v1 validator (140 code points, links 23), the weighted counters v2 and v3.
LENGTH_SECTIONS: dict[str, TwitterTextConfig] = {
    "tweets": TWITTER_TEXT_V1,
    "WeightedTweetsCounterTest": TWITTER_TEXT_V2,
    "WeightedTweetsWithDiscountedEmojiCounterTest": TWITTER_TEXT_V3,
    "UnicodeDirectionalMarkerCounterTest": TWITTER_TEXT_V3,
}
#: Sections not about length: they validate a whole string as a handle, list or URL.
OTHER_SECTIONS = {"usernames", "lists", "urls", "urls_without_protocol"}
LENGTH_CASES = [
    pytest.param(section, case, id=f"{section}: {case['description']}")
    for section in LENGTH_SECTIONS
    for case in VECTORS.get(section, [])
]
HASHTAG_CASES = [pytest.param(case, id=case["description"]) for case in VECTORS.get("hashtags", [])]


def blocking(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity is Severity.BLOCKING]


def codes(problems: list[Problem]) -> list[ProblemCode]:
    return [p.code for p in problems]


# --------------------------------------------------------------------------------------------
# twitter-text conformance
# --------------------------------------------------------------------------------------------


def test_conformance_vectors_are_all_there() -> None:
    assert VECTORS, f"{VALIDATE_YML} not found beside the repository (set KURUM_SHARED_DIR)"
    per_section = {section: len(VECTORS[section]) for section in LENGTH_SECTIONS}
    print(
        f"\ntwitter-text conformance: {len(LENGTH_CASES)} length vectors {per_section}, "
        f"{len(HASHTAG_CASES)} hashtag vectors; not about length, not run: "
        + ", ".join(f"{s} ({len(VECTORS[s])})" for s in sorted(OTHER_SECTIONS))
    )
    assert set(VECTORS) == set(LENGTH_SECTIONS) | OTHER_SECTIONS | {"hashtags"}
    assert (len(LENGTH_CASES), len(HASHTAG_CASES)) == (52, 7)


@pytest.mark.parametrize(("section", "case"), LENGTH_CASES)
def test_x_length_conformance(section: str, case: dict[str, Any]) -> None:
    config = LENGTH_SECTIONS[section]
    result = parse_x(case["text"], config=config)
    expected = case["expected"]
    if isinstance(expected, bool):  # the v1 "valid tweet" vectors
        assert result.valid is expected
        return
    assert (result.weighted_length, result.valid, result.permillage) == (
        expected["weightedLength"],
        expected["valid"],
        expected["permillage"],
    )
    if config is TWITTER_TEXT_V3:  # what check() and measure() use
        assert measure("x", case["text"]) == expected["weightedLength"]
        assert (not blocking(check("x", case["text"]))) is expected["valid"]


@pytest.mark.parametrize("case", HASHTAG_CASES)
def test_hashtag_conformance(case: dict[str, Any]) -> None:
    text: str = case["text"]
    assert (hashtags(text) == [text[1:]]) is case["expected"]


# --------------------------------------------------------------------------------------------
# Limits and counting per platform (reference/platform_apis.md §0)
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("platform", "expected"),
    [
        ("facebook", 63_206),
        ("instagram", 2_200),
        ("x", 280),
        ("linkedin", 3_000),
        ("mastodon", 500),
        ("bluesky", 300),
        ("telegram", 4_096),
        ("manual", None),
    ],
)
def test_limits_match_the_reference(platform: str, expected: int | None) -> None:
    assert limit(platform) == expected
    assert limit(Platform(platform)) == expected  # the StrEnum members are accepted too


def test_telegram_caption_limit_applies_with_media() -> None:
    assert limit("telegram", has_media=True) == 1_024
    caption = "a" * 1_025
    assert codes(check("telegram", caption)) == []
    (problem,) = check("telegram", caption, has_media=True)
    assert (problem.code, problem.count, problem.limit, problem.unit) == (
        ProblemCode.TOO_LONG,
        1_025,
        1_024,
        Unit.UTF16,
    )


def test_unknown_platform_is_refused() -> None:
    with pytest.raises(ValueError, match="tiktok"):
        measure("tiktok", "merhaba")
    with pytest.raises(ValueError, match="unknown platform"):
        check("X", "merhaba")  # ids are lower case


def test_x_example_from_the_reference() -> None:
    # platform_apis.md §3.4: 5+1+4+1+2+1+23
    assert measure("x", "Hello 世界 👍 https://example.org/a/very/long/path") == 37


def test_x_counts_turkish_letters_once_and_normalises_first() -> None:
    assert measure("x", "İzmir ılık ŞĞÜÖÇ") == len("İzmir ılık ŞĞÜÖÇ") == 16
    assert measure("x", "I\u0307zmir") == 5  # "İ" typed as I + combining dot: NFC makes it one
    assert measure("x", "₺") == 2  # U+20BA is outside the weight-1 ranges


def test_x_counts_bare_domains_and_turkish_sites_as_links() -> None:
    text = "Başvuru: www.ankara.bel.tr/basvuru ve turkiye.gov.tr"
    assert measure("x", text) == len("Başvuru:  ve ") + 23 + 23


@pytest.mark.parametrize(
    ("text", "graphemes", "utf8"),
    [("Grüße 👋🏽", 7, 16), ("👨\u200d👩\u200d👧", 1, 18), ("🇩🇪", 1, 8)],  # platform_apis.md §6, worked numbers
)
def test_bluesky_counts_graphemes_and_bytes(text: str, graphemes: int, utf8: int) -> None:
    assert counts("bluesky", text) == (Count(Unit.GRAPHEMES, graphemes, 300), Count(Unit.UTF8_BYTES, utf8, 3_000))
    assert measure("bluesky", text) == graphemes


def test_bluesky_reports_graphemes_and_bytes_separately() -> None:
    (too_many_graphemes,) = check("bluesky", "a" * 301)
    assert (too_many_graphemes.count, too_many_graphemes.limit, too_many_graphemes.unit) == (301, 300, Unit.GRAPHEMES)
    # 280 graphemes but 5,040 bytes: only the byte limit is broken
    (too_many_bytes,) = check("bluesky", "👨\u200d👩\u200d👧" * 280)
    assert (too_many_bytes.count, too_many_bytes.limit, too_many_bytes.unit) == (5_040, 3_000, Unit.UTF8_BYTES)
    both = check("bluesky", "ş" * 1_501)
    assert [(p.unit, p.count) for p in both] == [(Unit.GRAPHEMES, 1_501), (Unit.UTF8_BYTES, 3_002)]


def test_mastodon_counts_links_as_23_and_remote_mentions_by_their_user() -> None:
    link = "https://www.ankara.bel.tr/" + "haberler/" * 20
    assert measure("mastodon", link) == 23
    assert measure("mastodon", "@belediye@mastodon.social") == len("@belediye")
    assert measure("mastodon", "@belediye") == len("@belediye")
    assert measure("mastodon", "Selam 👍🏽🇹🇷") == 8  # graphemes
    # Mastodon gives the 23-character allowance only to links with a protocol
    assert measure("mastodon", "www.ankara.bel.tr/" + "a" * 40) == len("www.ankara.bel.tr/") + 40


def test_mastodon_limit() -> None:
    assert not check("mastodon", "a" * 500)
    assert codes(check("mastodon", "a" * 501)) == [ProblemCode.TOO_LONG]
    assert not check("mastodon", "a" * 470 + " https://example.org/" + "x" * 200)  # 470 + 1 + 23


def test_utf16_platforms_count_emoji_as_two() -> None:
    for platform in ("facebook", "instagram", "linkedin", "telegram"):
        assert measure(platform, "Bayram 🎉") == 9
        assert counts(platform, "İ")[0] == Count(Unit.UTF16, 1, limit(platform))


def test_manual_channel_has_no_limit() -> None:
    assert counts("manual", "a" * 100_000) == (Count(Unit.GRAPHEMES, 100_000, None),)
    assert check("manual", "a" * 100_000) == []


def test_instagram_hashtag_and_mention_limits() -> None:
    thirty = " ".join(f"#etiket{i}" for i in range(30))
    assert check("instagram", thirty, has_media=True) == []
    (tags,) = check("instagram", thirty + " #bir", has_media=True)
    assert (tags.code, tags.severity, tags.count, tags.limit) == (
        ProblemCode.TOO_MANY_HASHTAGS,
        Severity.BLOCKING,
        31,
        30,
    )
    twenty = " ".join(f"@hesap{i}" for i in range(20))
    assert check("instagram", twenty, has_media=True) == []
    (people,) = check("instagram", twenty + " @bir", has_media=True)
    assert (people.code, people.count, people.limit) == (ProblemCode.TOO_MANY_MENTIONS, 21, 20)
    assert check("facebook", thirty + " #bir " + twenty + " @bir") == []  # no such limits elsewhere


def test_instagram_needs_media_and_limits_the_caption() -> None:
    assert codes(check("instagram", "Merhaba")) == [ProblemCode.MEDIA_REQUIRED]
    assert codes(check("instagram", "a" * 2_201, has_media=True)) == [ProblemCode.TOO_LONG]


@pytest.mark.parametrize("platform", ALL_PLATFORMS)
def test_empty_text_is_blocking_without_media(platform: str) -> None:
    for text in ("", "   \n\t "):
        assert ProblemCode.EMPTY in codes(check(platform, text))
        assert ProblemCode.EMPTY not in codes(check(platform, text, has_media=True))


def test_blocking_problems_come_first() -> None:
    problems = check("x", "#2026 \u202e" + "a" * 300 + "\x00")
    assert codes(problems) == [
        ProblemCode.TOO_LONG,
        ProblemCode.INVALID_CHARACTER,
        ProblemCode.INVALID_HASHTAG,
        ProblemCode.HIDDEN_CHARACTER,
    ]
    assert [p.severity for p in problems] == [Severity.BLOCKING] * 2 + [Severity.WARNING] * 2


# --------------------------------------------------------------------------------------------
# Bad input
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("platform", ALL_PLATFORMS)
def test_100000_characters(platform: str) -> None:
    text = ("Belediyemiz #Ankara'da çalışmalarına devam ediyor. " * 2_000)[:100_000]
    used = measure(platform, text)
    assert used >= 99_000
    assert ProblemCode.TOO_LONG in codes(check(platform, text)) or platform == "facebook"
    assert hashtags(text) == ["Ankara"]


@pytest.mark.parametrize(
    "text",
    [
        "a" * 100_000,
        "a." * 50_000,
        "ş." * 50_000,
        "日本語." * 25_000,
        "https://a.com/" + "a" * 100_000 + ".",
        "http://a.com/" + "(" * 50_000,
        "🇹🇷" * 50_000,
        "e" + "\u0301" * 100_000,
        "#a-b " * 20_000,
        "@a@b.c" * 16_000,
    ],
    ids=["letters", "a.a.a", "ş.ş.ş", "cjk", "long-path", "open-parens", "flags", "combining", "tags", "at-at"],
)
def test_pathological_input_finishes(text: str) -> None:
    # Linear-time by construction (bounded labels, prefilters); pytest-timeout catches a hang.
    for platform in ALL_PLATFORMS:
        check(platform, text)
    urls(text)
    mentions(text)


def test_nul_is_blocking_everywhere() -> None:
    for platform in ALL_PLATFORMS:
        (problem,) = check(platform, "Duyuru\x00 metni", has_media=True)
        assert (problem.code, problem.reason, problem.start, problem.detail) == (
            ProblemCode.INVALID_CHARACTER,
            Reason.NUL,
            6,
            "U+0000",
        )
    assert measure("x", "a\x00b") == 3


def test_rtl_override_is_a_warning_not_a_block() -> None:
    text = "Duyuru \u202etxt.exe"
    (problem,) = check("mastodon", text)
    assert (problem.code, problem.severity, problem.reason, problem.detail, problem.start) == (
        ProblemCode.HIDDEN_CHARACTER,
        Severity.WARNING,
        Reason.BIDI,
        "U+202E",
        7,
    )
    assert parse_x(text).valid  # twitter-text accepts directional characters
    assert measure("x", text) == len(text) + 1  # U+202E weighs 2


def test_zero_width_joiners() -> None:
    assert grapheme_count("👨\u200d👩\u200d👧\u200d👦") == 1
    assert measure("x", "👨\u200d👩\u200d👧\u200d👦") == 2
    assert grapheme_count("a\u200db") == 2  # a ZWJ joins to the letter before it
    assert check("mastodon", "a\u200db") == []  # legitimate (Persian, emoji): not flagged
    (invisible,) = check("mastodon", "a\u200bb")
    assert (invisible.reason, invisible.detail) == (Reason.ZERO_WIDTH, "U+200B")


def test_byte_order_mark_is_invalid_on_x_only() -> None:
    (x_problem,) = check("x", "\ufeffMerhaba")
    assert (x_problem.code, x_problem.severity) == (ProblemCode.INVALID_CHARACTER, Severity.BLOCKING)
    (other,) = check("bluesky", "\ufeffMerhaba")
    assert (other.code, other.severity, other.reason) == (
        ProblemCode.HIDDEN_CHARACTER,
        Severity.WARNING,
        Reason.ZERO_WIDTH,
    )


def test_lone_surrogates_are_counted_and_reported_never_raised() -> None:
    """A lone surrogate counts as one character (as U+FFFD would) and blocks: it cannot be UTF-8."""
    text = "a\ud800b"
    assert grapheme_count(text) == 3
    assert utf8_length(text) == 5
    assert utf16_length(text) == 3
    assert measure("x", text) == 4
    for platform in ALL_PLATFORMS:
        (problem,) = check(platform, text, has_media=True)
        assert (problem.code, problem.reason, problem.start, problem.detail) == (
            ProblemCode.INVALID_CHARACTER,
            Reason.LONE_SURROGATE,
            1,
            "U+D800",
        )
    assert hashtags("#a\udc00b") == ["a"]
    assert mentions("@a\ud800") == ["a"]
    assert urls("x.com/\ud800") == ["x.com/"]
    assert split_thread("bluesky", "\ud800" * 400) == ["\ud800" * 294 + " (1/2)", "\ud800" * 106 + " (2/2)"]


@pytest.mark.parametrize(
    ("text", "graphemes", "x_weight"),
    [
        ("👍🏽", 1, 2),
        ("🇹🇷", 1, 2),
        ("🏴\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f", 1, 2),  # England: tag sequence
        ("🧑🏾\u200d🚒", 1, 2),
        ("#\ufe0f\u20e3", 1, 2),
        ("❤\ufe0f", 1, 2),
        ("🇹🇷🇹", 2, 4),  # a flag and a lone regional indicator
        ("©", 1, 2),  # twitter-text counts it as an emoji
        ("©\ufe0e", 1, 3),  # text presentation: a character, and VS15
    ],
)
def test_emoji_sequences(text: str, graphemes: int, x_weight: int) -> None:
    assert grapheme_count(text) == graphemes
    assert measure("x", text) == x_weight


def test_turkish_dotted_and_dotless_i() -> None:
    assert grapheme_count("İı") == 2
    assert utf8_length("İı") == 4
    assert grapheme_count("I\u0307") == 1
    # Turkish folding: İzmir = izmir; IZMIR reads "ızmır", Izmir and ızmir read "ızmir"
    assert hashtags("#İzmir #izmir #IZMIR #Izmir #ızmir") == ["İzmir", "IZMIR", "Izmir"]


def test_grapheme_count_agrees_with_full_segmentation() -> None:
    """The count only segments stretches near joining characters; it must equal ``\\X`` everywhere."""
    alphabet = [*"aşİı .,-_/:#@\n\r\t1", "\u0301", "\u200d", "\ufe0f", "\u20e3", "👍", "🏽", "🇹", "🇷", "👨"]
    alphabet += ["가", "\u1100", "\u1161", "\u11a8", "क", "\u094d", "ष", "\u0600", "©", "\ud800", "\U000e0067", "🏴"]
    rnd = random.Random(20261126)
    for _ in range(3_000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 40)))
        assert grapheme_count(text) == len(regex.findall(r"\X", text)), repr(text)


# --------------------------------------------------------------------------------------------
# Hashtags, mentions, links
# --------------------------------------------------------------------------------------------


def test_hashtags_in_order_once_each_first_spelling_kept() -> None:
    text = "#Ankara'da #İzmir'e yolculuk #ankara #Bursa #izmir #ANKARA"
    assert hashtags(text) == ["Ankara", "İzmir", "Bursa"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("#Ankara'da", ["Ankara"]),
        ("#Ankara’da", ["Ankara"]),  # typographic apostrophe
        ("a#b", []),
        ("5#b", []),
        ("#2026", []),
        ("#2026Bütçe", ["2026Bütçe"]),
        ("#halk_sağlığı.", ["halk_sağlığı"]),
        ("＃Türkiye", ["Türkiye"]),
        ("#\ufe0f\u20e3 #️⃣", []),
        ("#abc#def", []),
        ("https://www.ankara.bel.tr/sayfa#bolum #Ankara", ["Ankara"]),
        ("(#ResmiDuyuru)", ["ResmiDuyuru"]),
        ("# Ankara", []),
    ],
)
def test_hashtag_syntax(text: str, expected: list[str]) -> None:
    assert hashtags(text) == expected


def test_invalid_hashtags_are_warnings_with_their_text() -> None:
    problems = check("x", "Bütçe #2026 ve #23Nisan-Bayramı")
    assert [(p.code, p.severity, p.reason, p.detail, p.start) for p in problems] == [
        (ProblemCode.INVALID_HASHTAG, Severity.WARNING, Reason.DIGITS_ONLY, "#2026", 6),
        (ProblemCode.INVALID_HASHTAG, Severity.WARNING, Reason.HYPHENATED, "#23Nisan", 15),
    ]


def test_bluesky_links_only_short_tags() -> None:
    tag = "a" * (BLUESKY_TAG_MAX_GRAPHEMES + 1)
    (problem,) = check("bluesky", f"#{tag}")
    assert (problem.reason, problem.count, problem.limit) == (Reason.TAG_TOO_LONG, 65, 64)
    assert check("x", f"#{tag}") == []


def test_mentions() -> None:
    text = "@Ali @ali'ye yazdı; info@ankara.bel.tr @belediye@mastodon.social @ankara.bb. https://m.social/@kimse"
    assert mentions(text) == ["Ali", "belediye@mastodon.social", "ankara.bb"]
    assert mentions("@şehir @ali") == ["ali"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bilgi: https://www.ankara.bel.tr/duyurular.", ["https://www.ankara.bel.tr/duyurular"]),
        ("turkiye.gov.tr üzerinden", ["turkiye.gov.tr"]),
        ("www.izmir.bel.tr/tr/Haberler/çöp-toplama", ["www.izmir.bel.tr/tr/Haberler/çöp-toplama"]),
        ("(https://tr.wikipedia.org/wiki/Ankara_(il))", ["https://tr.wikipedia.org/wiki/Ankara_(il)"]),
        ("kısa bağlantı t.co ve foo.jp", ["t.co"]),  # "name.cctld" alone is not a link, .co is
        ("bitti.Yarın görüşürüz", []),
        ("x.bız", []),  # "ı" is not "i", as in JavaScript's /i
        ("BELEDİYE.GOV.TR", ["BELEDİYE.GOV.TR"]),
        ("e-posta: info@ankara.bel.tr", []),
        ("https://t.co/abc123/fazla", ["https://t.co/abc123"]),
    ],
)
def test_urls_follow_twitter_text(text: str, expected: list[str]) -> None:
    assert urls(text) == expected


# --------------------------------------------------------------------------------------------
# Readable hashtags
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("izmir büyükşehir belediyesi", "İzmirBüyükşehirBelediyesi"),
        ("ılıca yolu", "IlıcaYolu"),
        ("Ankara'nın sesi", "AnkaranınSesi"),
        ("23 nisan çocuk bayramı", "23NisanÇocukBayramı"),
        ("TBMM genel kurulu", "TBMMGenelKurulu"),
        ("İZMİR BÜYÜKŞEHİR BELEDİYESİ", "İzmirBüyükşehirBelediyesi"),
        ("kadın-erkek eşitliği!", "KadınErkekEşitliği"),
        ("AFAD", "AFAD"),
        ("2026", ""),
        ("  ", ""),
    ],
)
def test_camel_case_hashtag(words: str, expected: str) -> None:
    assert camel_case_hashtag(words) == expected
    if expected:
        assert hashtags(f"#{expected}") == [expected]


# --------------------------------------------------------------------------------------------
# Threads
# --------------------------------------------------------------------------------------------

ANNOUNCEMENT = (
    "Değerli hemşehrilerimiz, 23 Nisan Ulusal Egemenlik ve Çocuk Bayramı kutlamaları kapsamında Atatürk Cad. "
    "No: 5 adresindeki meydanda saat 10.00'da tören düzenlenecektir. Tören sonrasında çocuklarımız için "
    "çeşitli etkinlikler yapılacaktır! Ayrıntılı program için https://www.ornek.bel.tr/duyurular/"
    "23-nisan-2026-programi adresini ziyaret edebilirsiniz. Tüm vatandaşlarımız davetlidir. 19. yüzyıldan "
    "kalma tarihi binamız da ziyarete açık olacaktır. Katılımınız bizleri mutlu edecektir. 🇹🇷👍🏽 #23Nisan"
)
SUFFIX = re.compile(r" \((\d+)/(\d+)\)\Z")


def _unnumbered(parts: list[str]) -> list[str]:
    return [SUFFIX.sub("", part) for part in parts]


@pytest.mark.parametrize("platform", ["x", "bluesky", "mastodon"])
def test_thread_parts_fit_are_numbered_and_lose_nothing(platform: str) -> None:
    text = " ".join([ANNOUNCEMENT] * 3)
    parts = split_thread(platform, text)
    assert len(parts) >= 2
    for index, part in enumerate(parts, 1):
        assert SUFFIX.search(part) is not None
        assert SUFFIX.search(part).groups() == (str(index), str(len(parts)))  # type: ignore[union-attr]
        assert not blocking(check(platform, part)), part
    assert " ".join(_unnumbered(parts)).split() == text.split()


@pytest.mark.parametrize("platform", ["x", "bluesky", "mastodon"])
def test_thread_prefers_sentence_ends_and_keeps_links_whole(platform: str) -> None:
    parts = _unnumbered(split_thread(platform, " ".join([ANNOUNCEMENT] * 3)))
    assert sum("https://www.ornek.bel.tr/duyurular/23-nisan-2026-programi" in part for part in parts) == 3
    assert all(part.endswith((".", "!", "#23Nisan")) for part in parts)
    assert not any(part.endswith(("Cad.", " 19.")) for part in parts)  # abbreviation and ordinal


def test_thread_numbering_counts_in_the_limit_and_grows_to_two_digits() -> None:
    parts = split_thread("x", "kelime " * 600)
    assert len(parts) == 16
    assert parts[0].endswith(" (1/16)")
    assert parts[-1].endswith(" (16/16)")
    assert all(measure("x", part) <= 280 for part in parts)
    assert max(measure("x", part) for part in parts) >= 270


def test_thread_cuts_long_words_between_graphemes() -> None:
    parts = split_thread("x", "👍🏽" * 300)
    assert [measure("x", part) for part in parts] == [280, 280, 58]  # 137 + 137 + 26 hands
    assert "".join(_unnumbered(parts)) == "👍🏽" * 300  # no skin tone separated from its hand


def test_thread_never_cuts_a_link() -> None:
    link = "https://example.org/" + "yol/" * 100  # 420 characters: 23 on X, its length on Bluesky
    x_parts = _unnumbered(split_thread("x", "a" * 270 + " " + link + " son"))
    assert x_parts == ["a" * 270, link + " son"]
    bluesky_parts = _unnumbered(split_thread("bluesky", "Bağlantı: " + link + " son"))
    # Longer than Bluesky's whole limit: a part of its own, still too long (check() says so)
    assert bluesky_parts == ["Bağlantı:", link, "son"]
    assert codes(check("bluesky", link)) == [ProblemCode.TOO_LONG]


def test_thread_edge_cases() -> None:
    assert split_thread("x", "") == []
    assert split_thread("x", "  \n ") == []
    assert split_thread("x", "  Kısa bir duyuru.  ") == ["Kısa bir duyuru."]
    unnumbered = split_thread("mastodon", "söz " * 300, numbered=False)
    assert len(unnumbered) == 3
    assert not any(SUFFIX.search(part) for part in unnumbered)
    with pytest.raises(ValueError, match="instagram"):
        split_thread("instagram", "a" * 3_000)
