"""Wording checks for mourning, commemoration days and the election period (pure)."""

from __future__ import annotations

from kurum_masaustu.rules.tone import celebratory, election_sensitive


def test_celebratory_words_and_emoji_are_found_with_their_place() -> None:
    text = "Cumhuriyetimizin 103. yılı KUTLU OLSUN! 🎉 Akşam konserimize bekleriz."
    found = celebratory(text)
    assert [f.found for f in found] == ["KUTLU OLSUN", "🎉", "konserimize"]
    assert text[found[0].start : found[0].end] == "KUTLU OLSUN"


def test_commemoration_wording_passes() -> None:
    text = "Gazi Mustafa Kemal Atatürk'ü vefatının 88. yılında saygı, minnet ve özlemle anıyoruz."
    assert celebratory(text) == []


def test_text_typed_without_turkish_letters_is_still_checked() -> None:
    assert [f.found for f in celebratory("Bayraminiz kutlu olsun, coskuyla kutluyoruz")] == [
        "Bayraminiz",
        "kutlu olsun",
        "coskuyla",
        "kutluyoruz",
    ]


def test_openings_and_ground_breaking_are_flagged_in_the_election_period() -> None:
    found = election_sensitive("Yeni kütüphanemizin AÇILIŞ törenine davetlisiniz; temel atma programı yarın.")
    assert [f.found for f in found] == ["AÇILIŞ", "törenine", "temel atma"]


def test_ordinary_service_announcements_pass_the_election_check() -> None:
    assert election_sensitive("Yarın 09.00-13.00 arası su kesintisi olacaktır.") == []
    assert election_sensitive("Pazar yeri açık olacaktır") == []
