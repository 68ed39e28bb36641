"""Hashtag suggestions (pure)."""

from __future__ import annotations

from datetime import date

from kurum_masaustu.rules.hashtags import TagSet, local_tags, suggest, too_many_for_reading

SETS = [
    TagSet("Genel", "general", ("Türkiye", "ResmiDuyuru", "HalkaHizmet")),
    TagSet("Yerel", "local", ("Yeşilvadi", "YeşilvadiBelediyesi")),
    TagSet("Hizmet", "general", ("SuKesintisi", "YolÇalışması", "NöbetçiEczane")),
    TagSet("Sıfır Atık Ayı", "event", ("SıfırAtık", "GeriDönüşüm"), date(2026, 12, 1), date(2026, 12, 31)),
]


def test_running_events_come_first_then_what_the_text_is_about() -> None:
    found = suggest("Yarın Çamlık Mahallesi'nde su kesintisi olacaktır.", SETS, date(2026, 12, 10))
    assert found[:3] == ["SıfırAtık", "GeriDönüşüm", "SuKesintisi"]
    assert found.index("Yeşilvadi") < found.index("Türkiye")


def test_events_outside_their_dates_are_not_suggested() -> None:
    assert "SıfırAtık" not in suggest("Duyuru", SETS, date(2027, 1, 5))


def test_tags_already_in_the_text_are_not_suggested_whatever_their_case() -> None:
    found = suggest("Su kesintisi #sukesintisi #YEŞİLVADİ", SETS, date(2026, 11, 1))
    assert "SuKesintisi" not in found
    assert "Yeşilvadi" not in found


def test_local_tags_follow_turkish_capitalisation() -> None:
    assert local_tags("izmir", "karşıyaka") == (
        "Karşıyaka",
        "KarşıyakaBelediyesi",
        "İzmir",
        "İzmirBelediyesi",
        "Karşıyakaİzmir",
    )


def test_readability_warning_after_five_tags() -> None:
    assert too_many_for_reading("#a1 #b2 #c3 #d4 #e5") is None
    assert too_many_for_reading("#a1 #b2 #c3 #d4 #e5 #f6") == 6
