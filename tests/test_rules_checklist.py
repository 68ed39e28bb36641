"""The reliability checklist's rules: what passes, warns, fails and what blocks scheduling."""

from __future__ import annotations

from kurum_masaustu.domain import Category, Platform
from kurum_masaustu.rules import alt_text, spelling
from kurum_masaustu.rules.checklist import (
    Item,
    ItemKey,
    LinkResult,
    LinkState,
    MediaFacts,
    Status,
    alt_text_item,
    blocking,
    consent_item,
    figures,
    links,
    links_item,
    open_warnings,
    source_item,
    spelling_item,
    weak_alt_text,
    wording_item,
)


def test_an_announcement_needs_a_source_reference() -> None:
    item = source_item(Category.ANNOUNCEMENT, "Yarın su kesintisi olacaktır.", "")
    assert (item.status, item.code) == (Status.FAIL, "required")
    given = source_item(Category.ANNOUNCEMENT, "Yarın su kesintisi olacaktır.", "ASKİ duyurusu 12/2026")
    assert given.status is Status.PASS


def test_a_source_line_in_the_text_counts_as_the_reference() -> None:
    text = "Nöbetçi eczane: Merkez Eczanesi.\nKaynak: Ankara Eczacı Odası"
    assert source_item(Category.ANNOUNCEMENT, text, "").status is Status.PASS


def test_figures_without_a_source_warn_outside_announcements() -> None:
    text = "Bu yıl 1.200 haneye doğalgaz ulaştı, yüzde 40 artış; 2,5 milyon TL yatırım."
    item = source_item(Category.SERVICE, text, "")
    assert item.status is Status.WARN
    assert item.values == ("1.200", "yüzde 40", "2,5 milyon")
    assert source_item(Category.EVENT, "Konserimize bekleriz!", "").status is Status.PASS


def test_times_dates_and_phone_numbers_are_not_figures() -> None:
    assert figures("12.05.2026 tarihinde 10:00-16:00 arası. Bilgi: ALO 185, 0312 555 12 12") == []
    assert figures("Kampanyada %25 indirim, 35 km yol, ₺300") == ["%25", "35 km", "₺300"]


def _image(name: str = "meydan.jpg", alt: str = "Cumhuriyet Meydanı'nda fidan dikimi", **kw: object) -> MediaFacts:
    return MediaFacts(name, True, alt, **kw)  # type: ignore[arg-type]


def test_every_image_needs_alt_text_and_a_file_name_is_not_one() -> None:
    assert alt_text_item([]).code == "no_images"
    assert alt_text_item([MediaFacts("video.mp4", False)]).status is Status.PASS
    missing = alt_text_item([_image(), _image("afis.png", alt="  ")])
    assert (missing.status, missing.values) == (Status.FAIL, ("afis.png",))
    weak = alt_text_item([_image(alt="IMG_2041.JPG")])
    assert weak.status is Status.WARN
    assert alt_text_item([_image()]).status is Status.PASS
    assert weak_alt_text("Görsel")
    assert weak_alt_text("fotoğraf.")
    assert weak_alt_text("meydan")
    assert not weak_alt_text("Belediye binasının önünde toplanan gönüllüler")


def test_a_missing_alt_text_fails_for_facebook_and_only_warns_where_no_channel_takes_one() -> None:
    images = [_image("afis.png", alt="")]
    for chosen in ([Platform.FACEBOOK], [Platform.TELEGRAM, Platform.FACEBOOK], [Platform.X], []):
        item = alt_text_item(images, chosen)
        assert (item.status, item.code, item.values) == (Status.FAIL, "missing", ("afis.png",)), chosen
    only_telegram = alt_text_item(images, [Platform.TELEGRAM])
    assert (only_telegram.status, only_telegram.code, only_telegram.values) == (Status.WARN, "not_sent", ("afis.png",))
    assert alt_text_item([_image(alt="Belediye binasının önünde fidan dikimi")], [Platform.TELEGRAM]).status is (
        Status.PASS
    )


def test_links_offline_are_unknown_and_never_block() -> None:
    urls = ["https://ornek.bel.tr/duyuru"]
    offline = links_item(urls, {urls[0]: LinkResult(urls[0], LinkState.OFFLINE)})
    assert offline.status is Status.UNKNOWN
    assert blocking([offline]) == []
    pending = links_item(urls, {})
    assert pending.status is Status.PENDING
    assert blocking([pending]) == []
    broken = links_item(urls, {urls[0]: LinkResult(urls[0], LinkState.BROKEN, 404)})
    assert broken.status is Status.WARN
    assert broken.values == tuple(urls)
    ok = links_item(urls, {urls[0]: LinkResult(urls[0], LinkState.OK, 200)})
    assert ok.status is Status.PASS
    assert links_item([], {}).code == "no_links"


def test_spelling_item_states() -> None:
    assert spelling_item(None).status is Status.PENDING
    assert spelling_item([], available=False).status is Status.UNKNOWN
    assert spelling_item(["kesintsi"]).values == ("kesintsi",)
    assert spelling_item([]).status is Status.PASS


def test_celebration_on_a_commemoration_day_warns() -> None:
    assert wording_item(["kutlu olsun"], mourning=False, commemoration=None).status is Status.PASS
    item = wording_item(["🎉", "🎉"], mourning=False, commemoration="10 Kasım Atatürk'ü Anma Günü")
    assert (item.status, item.values) == (Status.WARN, ("10 Kasım Atatürk'ü Anma Günü", "🎉"))
    assert wording_item([], mourning=True, commemoration=None).status is Status.PASS


def test_children_without_parental_consent_or_blurring_fail() -> None:
    child = _image("23nisan.jpg", shows_people=True, shows_children=True)
    assert consent_item([child]).status is Status.FAIL
    consented = _image("23nisan.jpg", shows_people=True, shows_children=True, children_consent=True)
    blurred = _image("23nisan.jpg", shows_people=True, shows_children=True, children_blurred=True, people_consent=True)
    assert consent_item([consented]).code == "no_consent"  # the adults in it still need theirs
    assert consent_item([blurred]).status is Status.PASS


def test_videos_need_consent_like_photos() -> None:
    assert consent_item([]).code == "no_media"
    video = MediaFacts("tören.mp4", False)
    assert consent_item([video]).code == "unanswered"
    assert consent_item([MediaFacts("tören.mp4", False, shows_people=True, shows_children=True)]).status is Status.FAIL


def test_people_unanswered_or_without_consent_warn() -> None:
    assert consent_item([_image()]).code == "unanswered"
    assert consent_item([_image(shows_people=True)]).code == "no_consent"
    assert consent_item([_image(shows_people=True, people_consent=True)]).status is Status.PASS
    assert consent_item([_image(shows_people=False)]).status is Status.PASS


def test_only_failures_block_and_a_note_closes_exactly_its_warning() -> None:
    warning = Item(ItemKey.SPELLING, Status.WARN, "unknown_words", ("Kızılay",))
    failure = Item(ItemKey.ALT_TEXT, Status.FAIL, "missing", ("a.jpg",))
    pending = Item(ItemKey.LINKS, Status.PENDING, "checking", ("https://ornek.bel.tr",))
    assert blocking([warning, failure, pending]) == [failure]
    assert open_warnings([warning, failure], {}) == [warning]
    assert open_warnings([warning], {warning.signature: "   "}) == [warning]
    assert open_warnings([warning], {warning.signature: "Kurum adı"}) == []
    changed = Item(ItemKey.SPELLING, Status.WARN, "unknown_words", ("Kızılay", "kesintsi"))
    assert open_warnings([changed], {warning.signature: "Kurum adı"}) == [changed]


def test_spelling_words_skip_links_tags_numbers_and_acronyms() -> None:
    text = "AFAD ile #SuKesintisi @kurum https://ornek.bel.tr 2026'da İzmir'de Kızılay'ın yardım-sever kesintsi"
    assert spelling.distinct_lookups(text) == ["ile", "İzmir", "Kızılay", "yardım", "sever", "kesintsi"]
    assert spelling.distinct_lookups("Kesinti kesinti KESİNTİ") == ["Kesinti"]
    assert spelling.normalise_custom_word("  Kocatepe ") == "Kocatepe"
    assert spelling.normalise_custom_word("iki kelime") is None
    assert spelling.normalise_custom_word("123") is None


def test_alt_text_counters_per_platform() -> None:
    text = "🇹🇷 " + "a" * 999
    platforms = [Platform.X, Platform.BLUESKY, Platform.FACEBOOK, Platform.TELEGRAM]
    found = {c.platform: c for c in alt_text.counts(text, platforms)}
    assert found[Platform.X].used == 1002
    assert found[Platform.X].over
    assert found[Platform.BLUESKY].used == 1001
    assert not found[Platform.BLUESKY].over
    # Facebook Page photos take alt_text_custom (no documented limit): counted, never "over".
    assert found[Platform.FACEBOOK].supported
    assert found[Platform.FACEBOOK].used == 1002  # code points, as the others but Bluesky
    assert found[Platform.FACEBOOK].limit is None
    assert not found[Platform.FACEBOOK].over
    # Telegram has no field for it.
    assert not found[Platform.TELEGRAM].supported


def test_links_to_check_include_addresses_the_platforms_would_not_link() -> None:
    text = "Bilgi: https://ornek.bel.tr/su-kesintisi. Harita: http://127.0.0.1:8080/harita, ve belediye.gov.tr/ihale"
    assert links(text) == [
        "https://ornek.bel.tr/su-kesintisi",
        "http://127.0.0.1:8080/harita",
        "belediye.gov.tr/ihale",
    ]
    assert links("Link yok.") == []


def test_bluesky_counts_graphemes_also_for_plain_text() -> None:
    assert alt_text.measure(Platform.BLUESKY, "ab\r\ncd") == 5  # CR LF is one grapheme
    assert alt_text.measure(Platform.X, "ab\r\ncd") == 6
    assert alt_text.measure(Platform.BLUESKY, "Çocuklar 👨‍👩‍👧") == 10
