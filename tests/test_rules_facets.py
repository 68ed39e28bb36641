"""Bluesky facets: links, hashtags and mentions at UTF-8 byte offsets, Turkish and emoji text."""

from __future__ import annotations

import itertools

import pytest

from kurum_masaustu.rules.facets import (
    Facet,
    FacetKind,
    detect_facets,
    fits_post,
    grapheme_boundaries,
    grapheme_count,
    is_valid_handle,
    mention_handles,
    slice_bytes,
    utf8_length,
)


def spans(text: str) -> list[tuple[str, str, str]]:
    """(kind, covered text, value) of every facet: what a reader checks by eye."""
    return [(f.kind.value, slice_bytes(text, f.byte_start, f.byte_end), f.value) for f in detect_facets(text)]


def test_reference_sentence_with_emoji_has_byte_offsets() -> None:
    text = "Hé 🚀 see https://example.com/page and #pytest tag"
    facets = detect_facets(text)
    # "Hé " is 4 bytes, the rocket 4, so the link starts at byte 13, not at character 9.
    assert facets == [
        Facet(FacetKind.LINK, 13, 37, "https://example.com/page"),
        Facet(FacetKind.TAG, 42, 49, "pytest"),
    ]
    assert text.index("https") == 9


def test_turkish_hashtag_and_flag() -> None:
    text = "Çöp toplama #SıfırAtık 🇹🇷"
    assert detect_facets(text) == [Facet(FacetKind.TAG, 14, 27, "SıfırAtık")]
    assert spans(text) == [("tag", "#SıfırAtık", "SıfırAtık")]
    assert grapheme_count(text) == 24  # the flag is one grapheme…
    assert utf8_length(text) == 36  # …of 8 bytes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("#Ankara'da konser", [("tag", "#Ankara", "Ankara")]),
        ("#İzmir’de yağmur", [("tag", "#İzmir", "İzmir")]),
        ("Sıra #123 ve #2026", []),
        ("#23Nisan kutlu olsun", [("tag", "#23Nisan", "23Nisan")]),
        (
            "#ÇocukBayramı, #ŞehitlerHaftası.",
            [("tag", "#ÇocukBayramı", "ÇocukBayramı"), ("tag", "#ŞehitlerHaftası", "ŞehitlerHaftası")],
        ),
        ("(#HalkaHizmet)", [("tag", "#HalkaHizmet", "HalkaHizmet")]),
        ("a#b c#d", []),
        ("#️⃣ bir tuş", []),
        ("##çift", []),
        ("#snake_case_tag!", [("tag", "#snake_case_tag", "snake_case_tag")]),
    ],
)
def test_hashtags(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert spans(text) == expected


def test_hashtag_of_64_graphemes_is_a_tag_and_65_is_not() -> None:
    assert spans("#" + "ğ" * 64) == [("tag", "#" + "ğ" * 64, "ğ" * 64)]
    assert spans("#" + "ğ" * 65) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Bilgi: https://ankara.bel.tr/duyuru.",
            [("link", "https://ankara.bel.tr/duyuru", "https://ankara.bel.tr/duyuru")],
        ),
        ("Ayrıntılar ankara.bel.tr'den alınabilir", [("link", "ankara.bel.tr", "https://ankara.bel.tr")]),
        ("www.turkiye.gov.tr adresinde", [("link", "www.turkiye.gov.tr", "https://www.turkiye.gov.tr")]),
        ("(https://x.org/a_(b)) son", [("link", "https://x.org/a_(b)", "https://x.org/a_(b)")]),
        ("(bkz. https://x.org/sayfa)", [("link", "https://x.org/sayfa", "https://x.org/sayfa")]),
        ("https://x.org/duyuru'da yazıyor", [("link", "https://x.org/duyuru", "https://x.org/duyuru")]),
        ("https://x.org/#giris bölümü", [("link", "https://x.org/#giris", "https://x.org/#giris")]),
        ("rapor.pdf dosyası ve saat 10.30", []),
        ("e-posta: info@ankara.bel.tr", []),
        ("yalnız https:// yazıldı", []),
    ],
)
def test_links(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("@ankarabb.bsky.social'a teşekkürler", [("mention", "@ankarabb.bsky.social", "ankarabb.bsky.social")]),
        ("Soru için @Belediye.bsky.social.", [("mention", "@Belediye.bsky.social", "belediye.bsky.social")]),
        ("@tekkelime yok", []),
        ("mail@ornek.com.tr değil", []),
    ],
)
def test_mentions(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert spans(text) == expected


def test_everything_together_is_ordered_and_never_overlaps() -> None:
    text = "🎉 @kurum.bsky.social #YeniYıl https://ornek.bel.tr/#YeniYıl"
    facets = detect_facets(text)
    assert [f.kind for f in facets] == [FacetKind.MENTION, FacetKind.TAG, FacetKind.LINK]
    for left, right in itertools.pairwise(facets):
        assert left.byte_end <= right.byte_start
    boundaries = grapheme_boundaries(text)
    assert all(f.byte_start in boundaries and f.byte_end in boundaries for f in facets)
    assert mention_handles(facets) == ["kurum.bsky.social"]


def test_to_record_is_the_lexicon_shape() -> None:
    tag = Facet(FacetKind.TAG, 0, 7, "Ankara")
    assert tag.to_record() == {
        "$type": "app.bsky.richtext.facet",
        "index": {"byteStart": 0, "byteEnd": 7},
        "features": [{"$type": "app.bsky.richtext.facet#tag", "tag": "Ankara"}],
    }
    mention = Facet(FacetKind.MENTION, 0, 5, "a.b.c")
    assert mention.to_record("did:plc:abc")["features"] == [
        {"$type": "app.bsky.richtext.facet#mention", "did": "did:plc:abc"}
    ]
    with pytest.raises(ValueError, match="DID"):
        mention.to_record()


@pytest.mark.parametrize(
    ("text", "graphemes", "size"),
    [
        ("Grüße 👋🏽", 7, 16),
        ("👨‍👩‍👧", 1, 18),
        ("🇩🇪", 1, 8),
        ("İĞDIR", 5, 7),
    ],
)
def test_counting(text: str, graphemes: int, size: int) -> None:
    assert (grapheme_count(text), utf8_length(text)) == (graphemes, size)


def test_post_limits_are_graphemes_and_bytes() -> None:
    assert fits_post("ş" * 300)
    assert not fits_post("ş" * 301)
    assert fits_post("👨‍👩‍👧" * 166)  # 166 graphemes, 2,988 bytes
    assert not fits_post("👨‍👩‍👧" * 167)  # 167 graphemes but 3,006 bytes


def test_grapheme_boundaries_skip_inside_a_cluster() -> None:
    boundaries = grapheme_boundaries("a🇹🇷b")
    assert boundaries == frozenset({0, 1, 9, 10})


def test_handles() -> None:
    assert is_valid_handle("ankara.bel.tr")
    assert is_valid_handle("x.bsky.social")
    assert not is_valid_handle("tek")
    assert not is_valid_handle("a..b")
    assert not is_valid_handle("a.123")
