"""The demo month's Turkish content: channels, posts, important days, inbox, units and templates.

Everything is invented: "Yeşilvadi Belediyesi" of the fictional Yeşilvadi district, its
neighbourhoods, people and accounts. Tables are plain data; the few that depend on the day
(the desk's posts, the important days) are built by small pure functions of ``today``, and are
deterministic for a given day and random generator.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Literal, NamedTuple
from zoneinfo import ZoneInfo

from kurum_masaustu.domain import Category, HashtagSetKind, InboxCategory, InboxKind, InboxStatus, Platform, PostKind

TZ = ZoneInfo("Europe/Istanbul")
SITE = "yesilvadi.bel.tr"
_TAGS = "#YeşilvadiBelediyesi"

_Season = Literal["winter", "summer", "rain"]

_MONTHS = (
    "Ocak",
    "Şubat",
    "Mart",
    "Nisan",
    "Mayıs",
    "Haziran",
    "Temmuz",
    "Ağustos",
    "Eylül",
    "Ekim",
    "Kasım",
    "Aralık",
)
_WEEKDAYS = ("Pazartesi", "Salı", "Çarşamba", "Perşembe", "Cuma", "Cumartesi", "Pazar")
_SEASONS: dict[int, _Season] = {12: "winter", 1: "winter", 2: "winter", 6: "summer", 7: "summer", 8: "summer"}


def at(day: date, hm: str) -> datetime:
    """``day`` at ``hm`` (``"14.30"``) in Istanbul."""
    hour, minute = hm.split(".")
    return datetime.combine(day, time(int(hour), int(minute)), tzinfo=TZ)


def campaign_dates(today: date) -> tuple[date, date]:
    """The campaign month: from eleven office days ago, for thirty days."""
    start = _office(today, -11)
    return start, start + timedelta(days=30)


def _tr(day: date, weekday: bool = True) -> str:
    """``14 Kasım Cuma`` (or without the weekday)."""
    text = f"{day.day} {_MONTHS[day.month - 1]}"
    return f"{text} {_WEEKDAYS[day.weekday()]}" if weekday else text


def _tr_upper(text: str) -> str:
    return text.replace("i", "İ").replace("ı", "I").upper()


def _season(today: date) -> _Season:
    return _SEASONS.get(today.month, "rain")


def _office(today: date, n: int) -> date:
    """Day ``today + n`` moved off the weekend (away from today, so past stays past)."""
    day = today + timedelta(days=n)
    while n and (day.weekday() >= 5 or (day.month, day.day) == (1, 1)):
        day += timedelta(days=-1 if n < 0 else 1)
    return day


# ---------------------------------------------------------------------------------------------
# Channels, campaign, hashtag sets
# ---------------------------------------------------------------------------------------------


class ChannelSpec(NamedTuple):
    code: str
    platform: Platform
    name: str
    handle: str
    color: str
    settings: dict[str, str]


# fmt: off
CHANNELS = (
    ChannelSpec("FB", Platform.FACEBOOK, "Facebook Sayfası", "YesilvadiBelediyesi", "#3B5BDB",
                {"page_id": "104857600012345"}),
    ChannelSpec("IG", Platform.INSTAGRAM, "Instagram", "@yesilvadibelediyesi", "#D6336C",
                {"ig_user_id": "17841400000012345"}),
    ChannelSpec("X", Platform.X, "X", "@yesilvadibel", "#495057", {}),
    ChannelSpec("LI", Platform.LINKEDIN, "LinkedIn Sayfası", "yesilvadi-belediyesi", "#1098AD",
                {"organization_urn": "urn:li:organization:90123456"}),
    ChannelSpec("MA", Platform.MASTODON, "Mastodon", "@yesilvadi@kamu.example", "#7048E8",
                {"instance_url": "https://kamu.example"}),
    ChannelSpec("BS", Platform.BLUESKY, "Bluesky", "@yesilvadibel.bsky.social", "#4DABF7",
                {"pds_url": "https://bsky.social", "did": "did:plc:4yv7kz2m3q5wbn6t8xhcjrfe"}),
    ChannelSpec("TG", Platform.TELEGRAM, "Telegram Kanalı", "@yesilvadibelediyesi", "#12B886",
                {"chat_id": "@yesilvadibelediyesi"}),
    ChannelSpec("MN", Platform.MANUAL, "NSosyal (elle)", "@yesilvadibelediyesi", "#F08C00",
                {"url": "https://nsosyal.com/yesilvadibelediyesi"}),
)
# fmt: on


class CampaignSpec(NamedTuple):
    name: str
    goal: str
    hashtags: tuple[str, ...]
    color: str


#: Runs for the dates of ``campaign_dates``; its posts are the ``campaign=True`` specs.
CAMPAIGN = CampaignSpec(
    name="Sıfır Atık Ayı",
    goal=(
        "Bir ayda ambalaj atığı, atık pil ve atık yağ toplamayı %30 artırmak; ilçedeki tüm okulları "
        "atık yağ yarışmasına katmak."
    ),
    hashtags=("#SıfırAtık", "#SıfırAtıkAyı", "#GeriDönüşüm"),
    color="#2F9E44",
)


class HashtagSetSpec(NamedTuple):
    name: str
    kind: HashtagSetKind
    tags: tuple[str, ...]


#: The standing hashtag sets; the campaign adds an event set of its own.
HASHTAG_SETS = (
    HashtagSetSpec("Genel", HashtagSetKind.GENERAL, ("#Türkiye", "#ResmiDuyuru", "#HalkaHizmet")),
    HashtagSetSpec("Yeşilvadi", HashtagSetKind.LOCAL, ("#YeşilvadiBelediyesi", "#Yeşilvadi", "#SevdamızYeşilvadi")),
    HashtagSetSpec(
        "Hizmet duyuruları", HashtagSetKind.LOCAL, ("#SuKesintisi", "#YolÇalışması", "#NöbetçiEczane", "#Alo153")
    ),
    HashtagSetSpec("Kültür ve sanat", HashtagSetKind.LOCAL, ("#YeşilvadiKültürSanat", "#Kütüphane")),
)


# ---------------------------------------------------------------------------------------------
# Posts
# ---------------------------------------------------------------------------------------------


class Art(NamedTuple):
    """A flat poster: a pictogram (see ``posters``), a title and a subtitle."""

    icon: str
    title: str
    subtitle: str
    landscape: bool = False


@dataclass(frozen=True)
class PostSpec:
    key: str
    when: datetime | None
    channels: str  # channel codes, space-separated
    title: str
    body: str
    category: Category
    short: str | None = None  # X/Bluesky text when the body is too long for them
    arts: tuple[Art, ...] = ()
    kind: PostKind | None = None
    campaign: bool = False
    source: str = ""
    draft: bool = False


#: The error of the one delivery that failed (a LinkedIn post whose session expired).
FAILED_DELIVERY_ERROR = (
    "LinkedIn oturumunun süresi dolmuş (HTTP 401). Kanalı Ayarlar › Kanallar bölümünden yeniden "
    "bağlayın; gönderi kaybolmadı, bağlandıktan sonra yeniden gönderilebilir."
)

_PHARMACIES = (
    ("Şifa Eczanesi", "Atatürk Cad. No: 41, Çınarlı"),
    ("Deva Eczanesi", "İstasyon Cad. No: 8, Merkez"),
    ("Gülbahçe Eczanesi", "Papatya Sok. No: 3, Gülbahçe"),
    ("Hayat Eczanesi", "Zübeyde Hanım Cad. No: 112, Esentepe"),
    ("Yeşilvadi Eczanesi", "Cumhuriyet Meydanı No: 5, Merkez"),
    ("Umut Eczanesi", "Dere Sok. No: 19, Pınarbaşı"),
    ("Lokman Hekim Eczanesi", "Okul Cad. No: 27, Yenidoğan"),
    ("Pınar Eczanesi", "Çeşme Sok. No: 2, Akçaköy"),
)


class _Weather(NamedTuple):
    hazard: str
    advice: str
    follow_up: str  # the evening's report of the teams' work


_WEATHER: dict[_Season, _Weather] = {
    "winter": _Weather(
        hazard="kuvvetli kar yağışı ve buzlanma",
        advice=(
            "Zorunlu olmadıkça araç kullanmayınız, kış lastiği ve zincir bulundurunuz; kaldırımlarda "
            "düşme riskine karşı dikkatli olunuz."
        ),
        follow_up=(
            "Karla mücadele ekiplerimiz gece boyunca 42 araç ve 180 personelle çalıştı; ana caddeler ve "
            "okul güzergâhları tuzlandı. Ulaşıma kapalı mahalle yolumuz bulunmamaktadır."
        ),
    ),
    "summer": _Weather(
        hazard="aşırı sıcak hava dalgası",
        advice=(
            "11.00–16.00 saatleri arasında zorunlu olmadıkça güneş altında kalmayınız, bol su içiniz; "
            "yaşlı ve kronik hastalığı olan komşularınızı kontrol ediniz."
        ),
        follow_up=(
            "Kültür Merkezi ve kütüphanelerimiz 20.00'ye kadar serinleme noktası olarak açık. "
            "Parklardaki içme suyu çeşmeleri kontrol edildi, sulama programı sıcaklara göre "
            "güncellendi."
        ),
    ),
    "rain": _Weather(
        hazard="kuvvetli sağanak ve fırtına",
        advice=(
            "Ani sel, su baskını, ağaç devrilmesi ve çatı uçmasına karşı dikkatli olunuz; araçlarınızı "
            "ağaç ve direk altlarına park etmeyiniz."
        ),
        follow_up=(
            "Ekiplerimiz gün boyunca 46 noktada su tahliyesi yaptı, devrilen 12 ağacı kaldırdı ve 3 "
            "binadaki çatı hasarına müdahale etti. Yaralanma bildirilmedi."
        ),
    ),
}


def service_posts(today: date, rng: random.Random) -> list[PostSpec]:
    """The everyday work of the desk: pharmacies, services, events, campaign, council, drafts."""
    return _pharmacy_posts(today, rng) + _desk_posts(today, rng)


def _pharmacy_posts(today: date, rng: random.Random) -> list[PostSpec]:
    posts: list[PostSpec] = []
    for n in (-13, -9, -6, -1, 1):
        pair = rng.sample(_PHARMACIES, 2)
        day = today + timedelta(days=n)
        lines = "\n".join(f"• {name} – {address}" for name, address in pair)
        posts.append(
            PostSpec(
                f"eczane{n:+d}",
                at(day, "18.00"),
                "FB X TG",
                f"Nöbetçi eczaneler ({_tr(day, False)})",
                f"💊 {_tr_upper(_tr(day))} NÖBETÇİ ECZANELER (19.00–09.00)\n{lines}\nKaynak: Eczacı Odası. "
                "Gitmeden önce telefonla teyit etmenizi öneririz; eczane telefonlarına Alo 153 üzerinden "
                "ulaşabilirsiniz. #NöbetçiEczane",
                Category.SERVICE,
                short=f"💊 {_tr(day, False)} nöbetçi eczaneler (19.00–09.00): "
                + " ve ".join(f"{name} ({address.split(',')[0]})" for name, address in pair)
                + ". Teyit için Alo 153 #NöbetçiEczane",
                source="Eczacı Odası nöbet listesi",
            )
        )
    return posts


def _desk_posts(today: date, rng: random.Random) -> list[PostSpec]:
    def d(n: int) -> date:
        return today + timedelta(days=n)

    def office(n: int) -> date:
        return _office(today, n)

    cut = office(-13) + timedelta(days=1)
    weather_day = office(-8)
    hazard, advice, follow_up = _WEATHER[_season(today)]
    play = d(-((today.weekday() - 5) % 7 or 7))  # the last Saturday before today
    meeting, tender = office(-7), office(9)
    cut2, concert, ewaste = d(3), d(11), d(10)
    campaign_start, campaign_end = campaign_dates(today)
    ikn = f"{today.year}/{rng.randrange(1_000_000, 9_999_999)}"
    # fmt: off
    return [
        PostSpec("su-kesinti", at(office(-13), "10.00"), "FB IG X TG BS MN",
                 "Planlı su kesintisi – Çınarlı",
                 f"💧 PLANLI SU KESİNTİSİ\n{_tr(cut)} günü saat 09.00–17.00 arasında ana hat yenileme "
                 "çalışması nedeniyle Çınarlı Mahallesi'nde (Lale, Gül ve Menekşe sokakları ile Atatürk "
                 "Caddesi'nin 1–60 numaraları arası) su verilemeyecektir. Çalışma tamamlanır tamamlanmaz "
                 "su verilecektir.\nArıza ve bilgi: ALO 185 · Su ve Kanalizasyon Müdürlüğü\nAnlayışınız "
                 f"için teşekkür ederiz. {_TAGS} #SuKesintisi", Category.SERVICE,
                 short=f"💧 {_tr(cut)} 09.00–17.00 arasında ana hat yenileme nedeniyle Çınarlı "
                 "Mahallesi'nde su verilemeyecektir. Bilgi: ALO 185 #SuKesintisi",
                 arts=(Art("drop", "Planlı Su Kesintisi",
                           f"Çınarlı Mahallesi · {_tr(cut)} · 09.00–17.00"),),
                 source="Su ve Kanalizasyon Müdürlüğü iş programı"),
        PostSpec("su-guncelleme", at(cut, "17.40"), "FB X TG BS", "Güncelleme: Çınarlı su kesintisi",
                 "ℹ️ GÜNCELLEME (17.40) – Çınarlı Mahallesi'ndeki ana hat çalışmasında ek bir arıza tespit "
                 "edildi. Suyun saat 21.00 civarında verilmesi bekleniyor. Su geldikten sonra ilk birkaç "
                 "dakika bulanık akabilir; bir süre akıtmanızı öneririz. #SuKesintisi", Category.SERVICE,
                 source="Su ve Kanalizasyon Müdürlüğü saha ekibi"),
        PostSpec("yol", at(office(-12), "11.00"), "FB IG X MA TG", "İstasyon Caddesi asfalt yenileme",
                 "🚧 YOL ÇALIŞMASI – İstasyon Caddesi'nde (Cumhuriyet Meydanı – Eski Garaj arası) asfalt "
                 f"yenileme ve yağmur suyu hattı çalışması nedeniyle {_tr(d(-11), False)} – "
                 f"{_tr(d(4), False)} tarihleri arasında istasyon yönü trafiğe kapalı olacaktır. "
                 "Alternatif güzergâh: Cumhuriyet Caddesi – Zübeyde Hanım Caddesi. Sürücülerin işaret ve "
                 f"yönlendirmelere uymasını rica ederiz. {_TAGS} #YolÇalışması", Category.SERVICE,
                 short=f"🚧 İstasyon Caddesi (Cumhuriyet Meydanı – Eski Garaj) {_tr(d(-11), False)}–"
                 f"{_tr(d(4), False)} arası istasyon yönüne kapalı. Alternatif: Cumhuriyet Cad. – Zübeyde "
                 "Hanım Cad. #YolÇalışması",
                 arts=(Art("cone", "İstasyon Caddesi'nde Asfalt Yenileme",
                           f"{_tr(d(-11), False)} – {_tr(d(4), False)} · Alternatif: Cumhuriyet Caddesi",
                           landscape=True),), source="Fen İşleri Müdürlüğü çalışma programı"),
        PostSpec("sifir-atik", at(office(-11), "14.00"), "FB IG X LI MA BS TG MN", "Sıfır Atık Ayı başladı",
                 f"♻️ SIFIR ATIK AYI BAŞLADI\n{_tr(campaign_start, False)} – {_tr(campaign_end, False)} "
                 "tarihleri arasında mahallelerimizde ambalaj atığı, atık pil, atık bitkisel yağ ve "
                 "elektronik atık toplama noktaları kuruyoruz. Okullarımız arasında atık yağ toplama "
                 f"yarışması da düzenliyoruz.\nToplama noktalarının listesi: {SITE}"
                 f"/sifiratik\nAyrıştırın, biriktirin, teslim edin. {_TAGS} #SıfırAtık #SıfırAtıkAyı",
                 Category.AWARENESS,
                 short="♻️ Sıfır Atık Ayı başladı! Ambalaj, pil, atık yağ ve e-atık toplama noktaları "
                 f"mahallelerimizde. Liste: {SITE}/sifiratik #SıfırAtıkAyı",
                 arts=(Art("recycle", "Sıfır Atık Ayı Başladı",
                           f"{_tr(campaign_start, False)} – {_tr(campaign_end, False)} · Ayrıştır, "
                           "biriktir, teslim et"),
                       Art("battery", "Atık Piller Kutuya",
                           "Muhtarlıklar, okullar ve Belediye Hizmet Binası")), kind=PostKind.CAROUSEL,
                 campaign=True),
        PostSpec("meclis", at(office(-10), "10.30"), "FB X LI MA BS MN",
                 f"Meclis {_MONTHS[meeting.month - 1]} toplantısı",
                 f"🏛️ Yeşilvadi Belediye Meclisi {_MONTHS[meeting.month - 1]} ayı olağan toplantısı "
                 f"{_tr(meeting)} günü saat 14.00'te Belediye Hizmet Binası Meclis Salonu'nda "
                 f"yapılacaktır. Gündem: {SITE}/meclis. Toplantı halka açıktır; canlı yayın bağlantısı "
                 f"web sitemizde. {_TAGS}", Category.ANNOUNCEMENT,
                 source="Yazı İşleri Müdürlüğü meclis gündemi"),
        PostSpec("kutuphane", at(office(-9), "16.00"), "FB IG X BS TG", "Kütüphane ders çalışma salonu",
                 "📚 Gülbahçe Halk Kütüphanemizin ders çalışma salonu sınav dönemi boyunca hafta içi "
                 "08.00–22.00, hafta sonu 09.00–20.00 saatleri arasında açık. Ücretsiz internet, sessiz "
                 f"çalışma alanı ve sıcak çay bizden. Kütüphane kartı için kimliğiniz yeterli. {_TAGS} "
                 "#Kütüphane", Category.SERVICE,
                 arts=(Art("book", "Ders Çalışma Salonu Açık",
                           "Gülbahçe Halk Kütüphanesi · Hafta içi 08.00–22.00"),)),
        PostSpec("kariyer", at(office(-9), "11.00"), "LI FB X MA", "Kariyer Günü",
                 "👷 Kariyer Günü: ilçemizdeki 25 işletme, İŞKUR iş ve meslek danışmanlarıyla birlikte "
                 f"{_tr(office(-2))} günü 10.00–16.00 saatleri arasında Gençlik Merkezi'nde iş "
                 "arayanlarla buluşuyor. Özgeçmişinizi yanınızda getirmeyi unutmayın. Katılım "
                 f"ücretsizdir. {_TAGS}", Category.EVENT),
        PostSpec("hava-uyari", at(weather_day, "09.00"), "FB IG X MA BS TG MN", "Meteorolojik uyarı",
                 f"⚠️ Meteoroloji Genel Müdürlüğü tarafından ilçemiz için {_tr(weather_day)} günü "
                 f"12.00–24.00 saatleri arasında {hazard} nedeniyle sarı kodlu uyarı yapılmıştır. {advice}"
                 " Ekiplerimiz teyakkuzdadır; ihbar ve yardım için ALO 153, acil durumlarda 112. Resmî "
                 f"açıklamaları takip ediniz: mgm.gov.tr {_TAGS}", Category.CRISIS,
                 short=f"⚠️ MGM: ilçemiz için bugün 12.00–24.00 arası {hazard} nedeniyle sarı kodlu uyarı. "
                 "İhbar ve yardım: ALO 153, acil: 112. Ayrıntılar: mgm.gov.tr",
                 arts=(Art("warning", "Sarı Kodlu Meteorolojik Uyarı",
                           f"{hazard.capitalize()} · {_tr(weather_day)} 12.00–24.00 · ALO 153"),),
                 source="MGM meteorolojik uyarı bülteni"),
        PostSpec("hava-saha", at(weather_day, "17.30"), "FB X MA BS TG", "Ekiplerimiz sahada",
                 f"ℹ️ {follow_up} Uyarı süresince ihbar ve yardım için ALO 153 hattımız 24 saat açıktır. "
                 f"{_TAGS}", Category.CRISIS, source="Afet koordinasyon merkezi günlük raporu"),
        PostSpec("atik-pil", at(office(-7), "10.00"), "FB X MA BS TG", "Atık piller kutuya",
                 "🔋 Atık piller toprağa ve suya karışabilen ağır metaller içerir; çöpe değil, kutuya "
                 "atılmalı. Sıfır Atık Ayı boyunca muhtarlıklarımızda, okullarda ve Belediye Hizmet "
                 "Binası girişinde atık pil kutuları bulunuyor. #SıfırAtıkAyı", Category.AWARENESS,
                 campaign=True),
        PostSpec("tiyatro", at(office(-6), "11.00"), "FB IG X TG MN", "Çocuk tiyatrosu: Keloğlan",
                 f"🎭 Çocuk Tiyatrosu: “Keloğlan ile Sihirli Kavanoz” | 📅 {_tr(play)} ⏰ 14.00 ve 16.00 | "
                 "📍 Yeşilvadi Kültür Merkezi Büyük Salon\n4–10 yaş arası çocuklarımız için eğlenceli ve "
                 "öğretici bir oyun. Giriş ücretsizdir; davetiyeler Kültür Merkezi gişesinden "
                 "dağıtılmaktadır (kişi başı en fazla 4).\n♿ Salon tekerlekli sandalye kullanımına "
                 f"uygundur. Tüm hemşehrilerimizi bekliyoruz. {_TAGS} #YeşilvadiKültürSanat", Category.EVENT,
                 short=f"🎭 “Keloğlan ile Sihirli Kavanoz” {_tr(play)} 14.00 ve 16.00'da Kültür "
                 "Merkezi'nde. Ücretsiz davetiyeler gişede. ♿ Salon erişilebilir. #YeşilvadiKültürSanat",
                 arts=(Art("masks", "Keloğlan ile Sihirli Kavanoz",
                           f"Çocuk Tiyatrosu · {_tr(play)} · Kültür Merkezi"),)),
        PostSpec("ihale", at(office(-5), "10.00"), "FB LI X MN", "İhale duyurusu: Gülbahçe çocuk parkı",
                 "📄 İHALE DUYURUSU – Gülbahçe Mahallesi Çocuk Parkı ve Yürüyüş Yolu Yapım İşi açık ihale "
                 f"usulü ile ihale edilecektir. İhale tarihi: {_tr(tender)} saat 10.30, yer: Belediye "
                 "Hizmet Binası Encümen Salonu. Şartname ve resmî ilan metni EKAP'ta yayımlanmıştır (İKN "
                 f"{ikn}). Bilgi: Destek Hizmetleri Müdürlüğü, Alo 153.\n(Bu paylaşım bilgilendirme "
                 "amaçlıdır; esas olan resmî ilan metnidir.)", Category.ANNOUNCEMENT,
                 short=f"📄 Gülbahçe Çocuk Parkı ve Yürüyüş Yolu Yapım İşi ihalesi {_tr(tender, False)} "
                 f"saat 10.30'da. İKN {ikn}, resmî ilan metni EKAP'ta.",
                 source=f"EKAP ihale ilanı, İKN {ikn}"),
        PostSpec("anket", at(office(-5), "15.00"), "X MA BS FB", "Anket: yeni oyun grubu",
                 "🛝 Sizce yeni oyun grubu hangi parkımıza kurulsun? Oylama bir hafta açık; sonucu buradan "
                 "paylaşacağız.\n1️⃣ Esentepe Parkı\n2️⃣ Pınarbaşı Parkı\n3️⃣ Dere Boyu Parkı\n4️⃣ Akçaköy "
                 "Meydan Parkı", Category.ENGAGEMENT, kind=PostKind.POLL),
        PostSpec("cukur", at(office(-4), "12.00"), "FB X MA", "Çınar Sokak'taki çökme onarıldı",
                 "✅ Fatih Mahallesi Çınar Sokak'ta yağmur suyu hattındaki çökme nedeniyle oluşan çukur "
                 "Fen İşleri ekiplerimizce onarıldı, sokak yeniden trafiğe açıldı. Bildirimde bulunan "
                 f"komşularımıza teşekkür ederiz. {_TAGS}", Category.SERVICE),
        PostSpec("park", at(office(-3), "11.00"), "FB IG X BS", "Parklarımızda bakım haftası",
                 "🌳 Park ve Bahçeler ekiplerimiz bu hafta Esentepe ve Pınarbaşı parklarında ağaç bakımı, "
                 "kuru dal temizliği, oyun gruplarının onarımı ve bank boyaması yaptı. Yeşil alanlarımıza "
                 f"birlikte sahip çıkalım. {_TAGS}", Category.SERVICE,
                 arts=(Art("tree", "Parklarımızda Bakım Haftası", "Esentepe ve Pınarbaşı parkları",
                           landscape=True),)),
        PostSpec("atik-yag", at(office(-3), "14.00"), "FB X TG MA", "Okullar arası atık yağ yarışması",
                 "🏫 Okullar arası atık yağ toplama yarışmamıza 14 okul katıldı; ilk haftada 1.240 litre "
                 "atık bitkisel yağ toplandı. Atık yağlarınızı kapaklı pet şişelerde çocuklarınızın "
                 "okuluna teslim edebilirsiniz. #SıfırAtıkAyı", Category.AWARENESS, campaign=True),
        PostSpec("ulasim", at(office(-2), "10.00"), "FB X TG MN", "12 numaralı hat güzergâh değişikliği",
                 "🚌 12 numaralı Yenidoğan – Devlet Hastanesi hattı, İstasyon Caddesi'ndeki yol çalışması "
                 "nedeniyle geçici olarak Cumhuriyet Caddesi üzerinden çalışıyor. Eski Garaj durağı "
                 f"yerine Cumhuriyet Meydanı durağı kullanılacaktır. Güncel sefer saatleri: {SITE}/ulasim "
                 f"{_TAGS}", Category.SERVICE,
                 short="🚌 12 numaralı hat, İstasyon Caddesi'ndeki çalışma nedeniyle geçici olarak "
                 "Cumhuriyet Caddesi üzerinden çalışıyor; Eski Garaj yerine Cumhuriyet Meydanı durağı. "
                 f"{SITE}/ulasim"),
        PostSpec("zabita", at(office(-1), "10.00"), "FB X MA", "Pazar yeri denetimi",
                 "🛒 Zabıta ekiplerimiz Cumartesi Pazarı'nda fiyat etiketi, tartı ve hijyen denetimi "
                 "yaptı. 120 tezgâh denetlendi, kurallara uymayan 4 tezgâh hakkında tutanak düzenlendi. "
                 f"Şikâyet ve önerileriniz için Alo 153. {_TAGS} #Zabıta", Category.ANNOUNCEMENT),
        PostSpec("mobil", at(today, "08.30"), "FB X TG MN", "Mobil hizmet aracı Akçaköy'de",
                 "🚐 Mobil Hizmet Aracımız bugün 09.00–16.00 saatleri arasında Akçaköy Meydanı'nda. Su "
                 "aboneliği, fatura ödeme ve sosyal yardım başvurularınızı yerinde alıyoruz. Yanınızda "
                 f"kimliğinizi bulundurmayı unutmayın. {_TAGS}", Category.SERVICE),
        PostSpec("su-kesinti-2", at(office(1), "10.00"), "FB IG X TG BS", "Planlı su kesintisi – Gülbahçe",
                 f"💧 PLANLI SU KESİNTİSİ\n{_tr(cut2)} günü saat 10.00–15.00 arasında vana değişimi "
                 "nedeniyle Gülbahçe Mahallesi'nde (Papatya, Sümbül ve Nergis sokakları) su "
                 "verilemeyecektir. Çalışma tamamlanır tamamlanmaz su verilecektir.\nArıza ve bilgi: ALO "
                 f"185 · Su ve Kanalizasyon Müdürlüğü\nAnlayışınız için teşekkür ederiz. {_TAGS} "
                 "#SuKesintisi", Category.SERVICE,
                 short=f"💧 {_tr(cut2)} 10.00–15.00 arasında vana değişimi nedeniyle Gülbahçe "
                 "Mahallesi'nde (Papatya, Sümbül, Nergis sok.) su verilemeyecektir. ALO 185 #SuKesintisi",
                 arts=(Art("drop", "Planlı Su Kesintisi",
                           f"Gülbahçe Mahallesi · {_tr(cut2)} · 10.00–15.00"),),
                 source="Su ve Kanalizasyon Müdürlüğü iş programı"),
        PostSpec("kumbara", at(office(2), "11.00"), "FB X MA BS TG", "60 yeni geri dönüşüm kumbarası",
                 "♻️ Mahallelerimize 60 yeni ambalaj atığı kumbarası yerleştiriliyor. Kâğıt, plastik, cam "
                 f"ve metal ambalajlarınızı temiz ve kuru olarak atmanız yeterli. Kumbara haritası: {SITE}"
                 "/sifiratik #SıfırAtıkAyı", Category.AWARENESS, campaign=True),
        PostSpec("kent-konseyi", at(office(4), "11.00"), "FB X LI MA", "Kent Konseyi Genel Kurulu",
                 f"🏛️ Yeşilvadi Kent Konseyi Genel Kurulu {_tr(d(8))} günü saat 18.30'da Kültür Merkezi "
                 "Küçük Salon'da toplanıyor. Gündem: ulaşım ve kent içi yeşil alanlar. Toplantı tüm "
                 f"hemşehrilerimize açıktır. {_TAGS}", Category.ANNOUNCEMENT),
        PostSpec("konser", at(office(4), "15.00"), "FB IG X TG BS MN", "Halk müziği konseri",
                 f"🎶 Yeşilvadi Belediyesi Türk Halk Müziği Korosu konseri | 📅 {_tr(concert)} ⏰ 20.00 | "
                 "📍 Kültür Merkezi Büyük Salon\nGiriş ücretsizdir, davetiyeler konserden bir gün önce "
                 f"gişede. ♿ Salon tekerlekli sandalye kullanımına uygundur. {_TAGS} "
                 "#YeşilvadiKültürSanat", Category.EVENT,
                 arts=(Art("note", "Türk Halk Müziği Konseri",
                           f"{_tr(concert)} · 20.00 · Kültür Merkezi"),)),
        PostSpec("yol-2", at(office(6), "10.00"), "FB X TG MA", "Zübeyde Hanım Caddesi altyapı çalışması",
                 "🚧 Zübeyde Hanım Caddesi'nde (Okul Caddesi kavşağı – Esentepe Camii arası) "
                 f"{_tr(d(8), False)} – {_tr(d(15), False)} tarihleri arasında kanalizasyon hattı "
                 "yenilenecektir. Çalışma süresince tek şerit trafiğe açık kalacaktır. Anlayışınız için "
                 f"teşekkür ederiz. {_TAGS} #YolÇalışması", Category.SERVICE,
                 source="Su ve Kanalizasyon Müdürlüğü iş programı"),
        PostSpec("masal-saati", at(office(7), "14.00"), "FB X BS TG", "Kütüphanede masal saati",
                 "📖 Her cumartesi 11.00'de Gülbahçe Halk Kütüphanemizin çocuk bölümünde masal saati! 3–7 "
                 "yaş arası çocuklarımızı ve ailelerini bekliyoruz. Katılım ücretsizdir, kayıt gerekmez. "
                 f"{_TAGS} #Kütüphane", Category.EVENT),
        PostSpec("e-atik", at(office(8), "11.00"), "FB IG X MA BS TG", "E-atık toplama günü",
                 f"🔌 Kullanmadığınız telefon, şarj aleti, küçük ev aletleri ve kabloları {_tr(ewaste)} "
                 "günü 10.00–17.00 saatleri arasında Cumhuriyet Meydanı'ndaki e-atık toplama noktamıza "
                 "getirin. Verilerinizi silmeyi unutmayın! #SıfırAtıkAyı", Category.AWARENESS, campaign=True,
                 arts=(Art("recycle", "E-Atık Toplama Günü",
                           f"{_tr(ewaste)} · 10.00–17.00 · Cumhuriyet Meydanı", landscape=True),)),
        PostSpec("kadin-emegi", at(office(10), "10.00"), "FB X TG MN", "Kadın Emeği Pazarı",
                 f"🧺 Yeşilvadi Kadın Kooperatifi üyelerinin el emeği ürünleri {_tr(d(12), False)} – "
                 f"{_tr(d(13), False)} tarihlerinde Cumhuriyet Meydanı'ndaki Kadın Emeği Pazarı'nda. Ev "
                 f"yapımı erişte, tarhana, reçel ve el örgüsü ürünler sizleri bekliyor. {_TAGS}",
                 Category.EVENT),
        PostSpec("egitim-destegi", at(office(12), "10.00"), "FB X TG MA BS", "Eğitim desteği başvuruları",
                 f"📝 Üniversite öğrencilerine yönelik eğitim desteği başvuruları {_tr(office(12), False)} "
                 f"– {_tr(d(26), False)} tarihleri arasında e-Belediye üzerinden ve Sosyal Yardım İşleri "
                 "Müdürlüğü'nde. Gerekli belgeler: öğrenci belgesi ve ikametgâh. Lütfen kişisel "
                 f"bilgilerinizi yorumlarda paylaşmayınız. {_TAGS}", Category.ANNOUNCEMENT,
                 short=f"📝 Üniversite öğrencilerine eğitim desteği başvuruları {_tr(office(12), False)} – "
                 f"{_tr(d(26), False)} arasında e-Belediye'de ve Sosyal Yardım İşleri Müdürlüğü'nde."),
        PostSpec("akcakoy-sefer", at(office(14), "10.00"), "FB X TG BS MA MN", "Akçaköy hattına ek sefer",
                 "🚌 Vatandaşlarımızın talepleri doğrultusunda 24 numaralı Akçaköy – Merkez hattına "
                 f"{_tr(d(16), False)} tarihinden itibaren hafta sonları saat başı sefer konulacaktır. "
                 f"Güncel sefer saatleri: {SITE}/ulasim {_TAGS}", Category.SERVICE),
        PostSpec("tatbikat", at(office(17), "10.00"), "FB X TG MA BS", "Deprem tahliye tatbikatı",
                 f"📢 {_tr(d(18))} günü saat 10.00'da Belediye Hizmet Binası'nda AFAD gözetiminde deprem "
                 "ve yangın tahliye tatbikatı yapılacaktır. Tatbikat süresince siren sesleri duyulabilir; "
                 f"endişe etmeyiniz. {_TAGS}", Category.ANNOUNCEMENT),
        PostSpec("sifir-atik-kapanis", at(campaign_end, "16.00"), "FB IG X LI MA BS TG",
                 "Sıfır Atık Ayı tamamlandı",
                 "🏆 Sıfır Atık Ayı'nı birlikte tamamladık! Atık yağ yarışmasında dereceye giren "
                 "okullarımız ödüllerini Kültür Merkezi'ndeki törende alacak. Katkı veren tüm "
                 f"hemşehrilerimize, muhtarlarımıza ve öğretmenlerimize teşekkür ederiz. {_TAGS} "
                 "#SıfırAtık", Category.AWARENESS, campaign=True,
                 arts=(Art("star", "Sıfır Atık Ayı Tamamlandı", "Teşekkürler Yeşilvadi!"),)),
        PostSpec("taslak-hayvan", None, "FB X MA BS", "Sokak hayvanları için besleme noktaları",
                 "🐾 Sokak hayvanlarımız için mahallelerimizdeki besleme ve su noktalarını yeniliyoruz. "
                 "Besleme noktası önerilerinizi Veteriner İşleri Müdürlüğü'ne Alo 153 üzerinden "
                 "iletebilirsiniz. [konum listesi eklenecek]", Category.AWARENESS, draft=True),
        PostSpec("taslak-muhtar", at(office(9), "15.00"), "FB X LI", "Muhtarlarla istişare toplantısı",
                 "🤝 Mahalle muhtarlarımızla aylık istişare toplantımızı gerçekleştirdik. Gündemimizde "
                 "altyapı çalışmaları, sıfır atık ve kış hazırlıkları vardı. [fotoğraf ve katılımcı "
                 "sayısı teyit edilecek]", Category.ANNOUNCEMENT, draft=True),
        PostSpec("taslak-gonullu", None, "FB X TG MA", "Gönüllü çevre temizliği çağrısı",
                 "🧤 Dere Boyu Parkı'nda gönüllü çevre temizliği yapıyoruz! Eldiven ve çöp torbaları "
                 "bizden, enerji sizden. Tarih ve saat: [belirlenecek]. #SıfırAtıkAyı", Category.ENGAGEMENT,
                 draft=True, campaign=True),
    ]
    # fmt: on


# ---------------------------------------------------------------------------------------------
# Important days
# ---------------------------------------------------------------------------------------------


class _Day(NamedTuple):
    """An important day, by rule: ``"MM-DD"`` or ``"nth:N:WEEKDAY:MONTH"`` (the Nth such weekday).

    Bodies may use {yil}, {cumhuriyet}, {ataturk}, {zafer}, {tbmm}, {istiklal}, {canakkale}, {zabita}.
    The first two days of the window with an icon get a poster.
    """

    rule: str
    hm: str
    title: str
    body: str
    category: Category
    icon: str | None


_C, _M, _A = Category.CELEBRATION, Category.COMMEMORATION, Category.AWARENESS
# fmt: off
_IMPORTANT_DAYS = (
    _Day("01-01", "10.00", "Yeni yıl mesajı",
         "🎉 {yil} yılının tüm hemşehrilerimize sağlık, huzur ve mutluluk getirmesini diliyoruz. Yılbaşı gecesi "
         "nöbetçi ekiplerimiz görevde: Alo 153, acil durumlarda 112. Mutlu yıllar Yeşilvadi!", _C, "star"),
    _Day("01-10", "10.00", "Çalışan Gazeteciler Günü",
         "📰 Halkın haber alma hakkı için emek veren yerel basın mensuplarımızın 10 Ocak Çalışan Gazeteciler "
         "Günü'nü kutluyoruz.", _C, None),
    _Day("03-08", "10.00", "Dünya Kadınlar Günü",
         "🌷 8 Mart Dünya Kadınlar Günü'nde hayatın her alanında emek veren tüm kadınlarımızı saygıyla "
         "selamlıyoruz. Kadın Danışma Merkezimiz hafta içi 08.30–17.30 saatleri arasında hizmetinizde.", _C,
         "heart"),
    _Day("03-12", "10.00", "İstiklal Marşı'nın kabulü",
         "İstiklal Marşı'nın kabulünün {istiklal}. yıl dönümünde Millî Şairimiz Mehmet Akif Ersoy'u rahmet ve "
         "minnetle anıyoruz.", _M, None),
    _Day("03-18", "09.00", "18 Mart Şehitleri Anma Günü",
         "18 Mart Şehitleri Anma Günü ve Çanakkale Deniz Zaferi'nin {canakkale}. yıl dönümünde, vatanımız için "
         "canını feda eden tüm şehitlerimizi rahmet ve minnetle anıyoruz.", _M, None),
    _Day("03-22", "10.00", "Dünya Su Günü",
         "💧 22 Mart Dünya Su Günü: damlatan musluklar ve görünmeyen kaçaklar her gün litrelerce suyu boşa "
         "harcatıyor. Arızaları ALO 185'e bildirin, suyu tasarruflu kullanın. #DünyaSuGünü", _A, "drop"),
    _Day("03-30", "10.00", "Uluslararası Sıfır Atık Günü",
         "♻️ 30 Mart Uluslararası Sıfır Atık Günü'nde atıklarınızı kaynağında ayrıştırmaya davet ediyoruz. Geri "
         "dönüşüm kumbaralarının haritası web sitemizde. #SıfırAtık", _A, "recycle"),
    _Day("04-23", "09.30", "23 Nisan Ulusal Egemenlik ve Çocuk Bayramı",
         "🎈 Ulusal Egemenlik ve Çocuk Bayramı'mızın {tbmm}. yılı kutlu olsun! Cumhuriyet Meydanı'ndaki çocuk "
         "şenliğimizde 11.00'den itibaren sizleri bekliyoruz. #23Nisan", _C, "star"),
    _Day("05-01", "10.00", "1 Mayıs Emek ve Dayanışma Günü",
         "1 Mayıs Emek ve Dayanışma Günü'nde alın teriyle ilçemize değer katan tüm çalışanları selamlıyoruz.", _C,
         None),
    _Day("nth:2:6:5", "10.00", "Anneler Günü",
         "💐 Başta şehit ve gazi annelerimiz olmak üzere tüm annelerimizin Anneler Günü kutlu olsun. "
         "#AnnelerGünü", _C, "heart"),
    _Day("05-19", "09.30", "19 Mayıs Gençlik ve Spor Bayramı",
         "19 Mayıs Atatürk'ü Anma, Gençlik ve Spor Bayramı'mız kutlu olsun! Gençlik Merkezi'ndeki spor "
         "şenliğimize tüm gençlerimizi bekliyoruz. #19Mayıs", _C, "star"),
    _Day("06-05", "10.00", "Dünya Çevre Günü",
         "🌿 5 Haziran Dünya Çevre Günü'nde Dere Boyu Parkı'nda gönüllü çevre temizliği yapıyoruz. Eldiven ve "
         "torbalar bizden, sizi bekliyoruz!", _A, "tree"),
    _Day("nth:3:6:6", "10.00", "Babalar Günü",
         "Başta şehit ve gazi babalarımız olmak üzere tüm babalarımızın Babalar Günü kutlu olsun.", _C, None),
    _Day("07-15", "09.00", "15 Temmuz Demokrasi ve Millî Birlik Günü",
         "15 Temmuz Demokrasi ve Millî Birlik Günü'nde aziz şehitlerimizi rahmetle, gazilerimizi minnetle "
         "anıyoruz. Anma programı 20.00'de Cumhuriyet Meydanı'nda.", _M, None),
    _Day("08-30", "09.30", "30 Ağustos Zafer Bayramı",
         "30 Ağustos Zafer Bayramı'nın {zafer}. yıl dönümü kutlu olsun! Başkomutan Gazi Mustafa Kemal Atatürk'ü "
         "ve silah arkadaşlarını saygı ve minnetle anıyoruz. #30Ağustos", _C, "star"),
    _Day("09-04", "10.00", "Zabıta Haftası",
         "Zabıta teşkilatının kuruluşunun {zabita}. yıl dönümünde, ilçemizin huzuru ve düzeni için gece gündüz "
         "çalışan zabıta personelimizin Zabıta Haftası'nı kutluyoruz.", _C, None),
    _Day("09-25", "10.00", "İtfaiyecilik Haftası",
         "🚒 İtfaiyecilik Haftası'nda fedakâr itfaiye erlerimize teşekkür ediyoruz. Evinizde yangın tüpü "
         "bulundurun, elektrik tesisatınızı yılda bir kontrol ettirin. Acil durumlarda 112.", _A, None),
    _Day("10-04", "10.00", "Hayvanları Koruma Günü",
         "🐾 4 Ekim Hayvanları Koruma Günü: Geçici Bakımevimizdeki dostlarımız yuva bekliyor. Sahiplendirme "
         "için Veteriner İşleri Müdürlüğü, Alo 153.", _A, "heart"),
    _Day("10-19", "10.00", "Muhtarlar Günü",
         "Mahallelerimizin sesi, vatandaşımızın ilk başvuru kapısı olan tüm muhtarlarımızın 19 Ekim Muhtarlar "
         "Günü kutlu olsun.", _C, None),
    _Day("10-29", "09.00", "29 Ekim Cumhuriyet Bayramı",
         "🇹🇷 Cumhuriyetimizin {cumhuriyet}. yılı kutlu olsun! Fener alayı 19.00'da Cumhuriyet Meydanı'ndan "
         "başlayacaktır. #29Ekim #CumhuriyetBayramı", _C, "star"),
    _Day("11-10", "09.05", "10 Kasım Atatürk'ü Anma Günü",
         "Cumhuriyetimizin kurucusu Gazi Mustafa Kemal Atatürk'ü vefatının {ataturk}. yılında saygı, minnet ve "
         "özlemle anıyoruz. #10Kasım", _M, None),
    _Day("11-11", "10.00", "Millî Ağaçlandırma Günü",
         "🌱 11 Kasım Millî Ağaçlandırma Günü'nde Akçaköy yolu ağaçlandırma alanında fidan dikiyoruz. Katılmak "
         "isteyen tüm hemşehrilerimizi 10.00'da bekliyoruz.", _A, "tree"),
    _Day("11-20", "10.00", "Dünya Çocuk Hakları Günü",
         "🧒 20 Kasım Dünya Çocuk Hakları Günü: Oyun alanlarımızı, kütüphanelerimizi ve Çocuk Meclisimizi "
         "çocuklarımızla birlikte büyütüyoruz. Çocuk dostu bir Yeşilvadi için önerilerinizi bekliyoruz.",
         _A, None),
    _Day("11-24", "10.00", "Öğretmenler Günü",
         "🍎 Geleceğimizi emekleriyle yoğuran tüm öğretmenlerimizin 24 Kasım Öğretmenler Günü kutlu olsun. "
         "Başöğretmenimiz Gazi Mustafa Kemal Atatürk'ü saygıyla anıyoruz. #ÖğretmenlerGünü", _C, "book"),
    _Day("11-25", "10.00", "Kadına Yönelik Şiddete Karşı Mücadele Günü",
         "25 Kasım Kadına Yönelik Şiddete Karşı Uluslararası Mücadele Günü: Şiddete karşı sessiz kalmayın. "
         "Destek için ALO 183, acil durumlarda KADES uygulaması ve 112. Kadın Danışma Merkezimiz hafta içi "
         "hizmetinizde.", _A, None),
    _Day("12-03", "10.00", "Dünya Engelliler Günü",
         "♿ 3 Aralık Dünya Engelliler Günü: Erişilebilir bir Yeşilvadi için kaldırım rampaları, hissedilebilir "
         "yüzeyler ve engelli ulaşım aracımızla çalışmaya devam ediyoruz. Engelli Hizmetleri Birimi: Alo 153. "
         "#DünyaEngellilerGünü", _A, "heart"),
    _Day("12-05", "10.00", "Uluslararası Gönüllüler Günü",
         "🤝 5 Aralık Uluslararası Gönüllüler Günü'nde kütüphanelerimizden parklarımıza emek veren tüm "
         f"gönüllülerimize teşekkür ederiz. Siz de gönüllü olmak isterseniz: {SITE}/gonullu", _C, None),
    _Day("12-12", "10.00", "Yerli Malı Haftası",
         "🧺 12–18 Aralık Tutum, Yatırım ve Türk Malları Haftası'nda yerel üreticilerimizi destekleyelim. "
         "Akçaköy Üretici Pazarı her pazar 08.00–14.00 saatleri arasında açık.", _A, None),
)
# fmt: on


class _HolyDay(NamedTuple):
    day: date
    hm: str
    title: str
    body: str


_KANDIL = (
    "🌙 {name} mübarek olsun. Bu mübarek gecenin ülkemize, milletimize ve tüm İslam âlemine huzur, "
    "bereket ve birlik getirmesini diliyoruz."
)
_RAMAZAN = (
    "🌙 Hoş geldin on bir ayın sultanı! Ramazan ayının hayırlara vesile olmasını diliyoruz. İftar "
    f"sofralarımızın yerleri ve imsakiye: {SITE}/ramazan"
)
_BAYRAM = (
    "{name} mübarek olsun. Bayram boyunca nöbetçi birimlerimiz görevde: Alo 153, cenaze hizmetleri "
    "ALO 188. Mezarlıklara ücretsiz ring seferleri düzenlenecektir. İyi bayramlar!"
)
_UC_AYLAR = _KANDIL.format(name="Üç Ayların başlangıcı").replace("Bu mübarek gecenin", "Rahmet ve bereket aylarının")
#: Religious days from Diyanet's calendar (2027 kandiller are estimates until Diyanet publishes them).
_RELIGIOUS = (
    _HolyDay(date(2025, 12, 25), "17.30", "Regaib Kandili", _KANDIL.format(name="Regaib Kandilimiz")),
    _HolyDay(date(2026, 1, 15), "17.30", "Miraç Kandili", _KANDIL.format(name="Miraç Kandilimiz")),
    _HolyDay(date(2026, 2, 2), "17.30", "Berat Kandili", _KANDIL.format(name="Berat Kandilimiz")),
    _HolyDay(date(2026, 2, 19), "10.00", "Ramazan ayı başladı", _RAMAZAN),
    _HolyDay(date(2026, 3, 20), "08.30", "Ramazan Bayramı", _BAYRAM.format(name="Ramazan Bayramımız")),
    _HolyDay(date(2026, 5, 27), "08.30", "Kurban Bayramı", _BAYRAM.format(name="Kurban Bayramımız")),
    _HolyDay(date(2026, 8, 24), "17.30", "Mevlid Kandili", _KANDIL.format(name="Mevlid Kandilimiz")),
    _HolyDay(
        date(2026, 12, 10),
        "17.30",
        "Üç Aylar ve Regaib Kandili",
        _KANDIL.format(name="Üç Ayların başlangıcı ve Regaib Kandilimiz"),
    ),
    _HolyDay(date(2027, 1, 4), "17.30", "Miraç Kandili", _KANDIL.format(name="Miraç Kandilimiz")),
    _HolyDay(date(2027, 1, 22), "17.30", "Berat Kandili", _KANDIL.format(name="Berat Kandilimiz")),
    _HolyDay(date(2027, 2, 8), "10.00", "Ramazan ayı başladı", _RAMAZAN),
    _HolyDay(date(2027, 3, 9), "08.30", "Ramazan Bayramı", _BAYRAM.format(name="Ramazan Bayramımız")),
    _HolyDay(date(2027, 5, 16), "08.30", "Kurban Bayramı", _BAYRAM.format(name="Kurban Bayramımız")),
    _HolyDay(date(2027, 8, 13), "17.30", "Mevlid Kandili", _KANDIL.format(name="Mevlid Kandilimiz")),
    _HolyDay(date(2027, 11, 29), "10.00", "Üç Aylar başladı", _UC_AYLAR),
    _HolyDay(date(2027, 12, 2), "17.30", "Regaib Kandili", _KANDIL.format(name="Regaib Kandilimiz")),
)


class _Occasion(NamedTuple):
    day: date
    hm: str
    title: str
    body: str
    category: Category
    icon: str | None


def important_day_posts(today: date, first: date, last: date) -> list[PostSpec]:
    """Messages for the important days between ``first`` and ``last``; the first two get a poster."""
    found: list[_Occasion] = []
    for year in (today.year - 1, today.year, today.year + 1):
        numbers = {
            "yil": year,
            "cumhuriyet": year - 1923,
            "ataturk": year - 1938,
            "zafer": year - 1922,
            "tbmm": year - 1920,
            "istiklal": year - 1921,
            "canakkale": year - 1915,
            "zabita": year - 1826,
        }
        for rule, hm, title, body, category, icon in _IMPORTANT_DAYS:
            found.append(_Occasion(_rule_date(rule, year), hm, title, body.format(**numbers), category, icon))
    for day, hm, title, body in _RELIGIOUS:
        found.append(_Occasion(day, hm, title, body, Category.CELEBRATION, "crescent"))
    posts: list[PostSpec] = []
    posters = 0
    for day, hm, title, body, category, icon in sorted(f for f in found if first <= f.day <= last):
        arts: tuple[Art, ...] = ()
        if icon is not None and posters < 2:
            arts = (Art(icon, title, f"{_tr(day)} · Yeşilvadi Belediyesi"),)
            posters += 1
        channels = "FB X LI MA BS TG MN" + (" IG" if arts else "")
        posts.append(
            PostSpec(
                f"gun-{day.isoformat()}-{len(posts)}",
                at(day, hm),
                channels,
                title,
                body,
                category,
                arts=arts,
                source="Belirli gün ve haftalar takvimi",
            )
        )
    return posts


def _rule_date(rule: str, year: int) -> date:
    if rule.startswith("nth:"):
        n, weekday, month = (int(part) for part in rule[4:].split(":"))
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    month, day = (int(part) for part in rule.split("-"))
    return date(year, month, day)


# ---------------------------------------------------------------------------------------------
# Units, templates, sent replies
# ---------------------------------------------------------------------------------------------


class UnitSpec(NamedTuple):
    name: str
    mailbox: str  # the local part of the unit's e-mail address on SITE
    extension: str  # Alo 153 extension
    keywords: tuple[str, ...]


#: The municipality's units by the short code the inbox table uses.
UNITS: dict[str, UnitSpec] = {
    "FEN": UnitSpec(
        name="Fen İşleri Müdürlüğü",
        mailbox="fenisleri",
        extension="2101",
        keywords=("yol", "çukur", "asfalt", "kaldırım", "parke", "yaya geçidi", "hız kesici", "yağmur suyu"),
    ),
    "TEM": UnitSpec(
        name="Temizlik İşleri Müdürlüğü",
        mailbox="temizlik",
        extension="2201",
        keywords=("çöp", "konteyner", "atık", "temizlik", "süpürme", "koku", "moloz", "geri dönüşüm"),
    ),
    "ZAB": UnitSpec(
        name="Zabıta Müdürlüğü",
        mailbox="zabita",
        extension="2301",
        keywords=("zabıta", "pazar", "işgal", "gürültü", "seyyar", "fiyat etiketi", "denetim", "ruhsat"),
    ),
    "PARK": UnitSpec(
        name="Park ve Bahçeler Müdürlüğü",
        mailbox="parkbahceler",
        extension="2401",
        keywords=("park", "ağaç", "budama", "çim", "oyun grubu", "bank", "yeşil alan", "fidan"),
    ),
    "SU": UnitSpec(
        name="Su ve Kanalizasyon Müdürlüğü",
        mailbox="suvekanalizasyon",
        extension="2501",
        keywords=("su", "kesinti", "arıza", "kanalizasyon", "rögar", "boru", "sayaç", "su faturası"),
    ),
    "ULA": UnitSpec(
        name="Ulaşım Hizmetleri Müdürlüğü",
        mailbox="ulasim",
        extension="2601",
        keywords=("otobüs", "durak", "sefer", "hat", "ulaşım kartı", "trafik", "otopark", "servis"),
    ),
    "KUL": UnitSpec(
        name="Kültür ve Sosyal İşler Müdürlüğü",
        mailbox="kultur",
        extension="2701",
        keywords=("etkinlik", "tiyatro", "konser", "kurs", "kütüphane", "kitap", "sergi", "bilet"),
    ),
    "VET": UnitSpec(
        name="Veteriner İşleri Müdürlüğü",
        mailbox="veteriner",
        extension="2801",
        keywords=("köpek", "kedi", "sokak hayvanı", "veteriner", "mama", "sahiplendirme", "kısırlaştırma"),
    ),
}


class TemplateSpec(NamedTuple):
    key: str
    name: str
    body: str  # {placeholders} become the template's fields


POST_TEMPLATES = (
    TemplateSpec(
        "su_kesintisi",
        "Planlı su kesintisi",
        "💧 SU KESİNTİSİ DUYURUSU\n{tarih} {gun} günü saat {baslangic}–{bitis} arasında {neden} nedeniyle "
        "{mahalleler} mahallelerinde ({sokaklar}) su verilemeyecektir. Çalışma biter bitmez su "
        "verilecektir.\nArıza ve bilgi: ALO 185 · Su ve Kanalizasyon Müdürlüğü\nAnlayışınız için teşekkür "
        "ederiz. #YeşilvadiBelediyesi #SuKesintisi",
    ),
    TemplateSpec(
        "ariza_guncelleme",
        "Arıza güncellemesi",
        "ℹ️ GÜNCELLEME ({saat}) – {mahalle} Mahallesi'ndeki {hat} arızasına ekiplerimiz müdahale ediyor. Suyun "
        "saat {tahmini_saat} civarında verilmesi bekleniyor. Su geldikten sonra ilk dakikalarda bulanık "
        "akabilir; bir süre akıtmanızı öneririz.",
    ),
    TemplateSpec(
        "yol_calismasi",
        "Yol çalışması",
        "🚧 {cadde} üzerinde {is_tanimi} çalışması nedeniyle {baslangic_tarihi}–{bitis_tarihi} tarihleri "
        "arasında {yon} yönü trafiğe kapalı olacaktır. Alternatif güzergâh: {alternatif}. Lütfen işaret ve "
        "yönlendirmelere uyunuz. #YolÇalışması",
    ),
    TemplateSpec(
        "etkinlik",
        "Etkinlik duyurusu",
        "🎭 {etkinlik} | 📅 {tarih} {gun} ⏰ {saat} | 📍 {mekan}\n{aciklama}. Giriş {ucret}.\n♿ "
        "{erisilebilirlik}. Tüm hemşehrilerimizi bekliyoruz. #YeşilvadiKültürSanat",
    ),
    TemplateSpec(
        "nobetci_eczane",
        "Nöbetçi eczaneler",
        "💊 {tarih} NÖBETÇİ ECZANELER ({saat_araligi})\n• {eczane_1} – {adres_1}\n• {eczane_2} – "
        "{adres_2}\nKaynak: Eczacı Odası. Gitmeden önce telefonla teyit etmenizi öneririz. #NöbetçiEczane",
    ),
    TemplateSpec(
        "meteorolojik_uyari",
        "Meteorolojik uyarı",
        "⚠️ {kaynak} tarafından ilçemiz için {tarih} {saat_araligi} saatlerinde {hadise} nedeniyle {seviye} "
        "kodlu uyarı yapılmıştır. {oneriler} Ekiplerimiz teyakkuzdadır; ihbar ve yardım için ALO 153, acil "
        "durumlarda 112.",
    ),
    TemplateSpec(
        "meclis_toplantisi",
        "Meclis toplantısı",
        "🏛️ Yeşilvadi Belediye Meclisi {ay} ayı olağan toplantısı\nTarih: {tarih}, saat {saat} · Yer: "
        "{yer}\nGündem: {gundem_linki}. Toplantı halka açıktır; canlı yayın: {yayin_linki}",
    ),
    TemplateSpec(
        "ihale",
        "İhale duyurusu",
        "📄 İHALE DUYURUSU – {konu} işi {usul} ile ihale edilecektir. İhale tarihi: {tarih} saat {saat}, yer: "
        "{yer}. Şartname ve resmî ilan metni EKAP'ta (İKN {ikn}). Bilgi: {birim}.\n(Bu paylaşım "
        "bilgilendirme amaçlıdır; esas olan resmî ilan metnidir.)",
    ),
)

REPLY_TEMPLATES = (
    TemplateSpec(
        "yanit_cop",
        "Çöp toplanmadı",
        "Merhaba, bildiriminiz için teşekkür ederiz. Konuyu Temizlik İşleri ekibimize ilettik; {mahalle} için "
        "en kısa sürede toplama yapılacaktır. Açık adresi özel mesajla iletirseniz takibini birebir "
        "yapabiliriz. Başvuru no: {kayit_no}",
    ),
    TemplateSpec(
        "yanit_su",
        "Su yok / kesinti uzadı",
        "Yaşadığınız mağduriyet için üzgünüz. {mahalle} bölgesindeki arıza çalışması sürüyor; suyun saat "
        "{saat} civarında verilmesi bekleniyor. Güncel bilgi için ALO 185'i arayabilirsiniz; gelişmeleri "
        "buradan da paylaşacağız.",
    ),
    TemplateSpec(
        "yanit_yol",
        "Yol çukuru / kaldırım",
        "Bilgilendirmeniz için teşekkür ederiz. Konumu, mümkünse fotoğrafla birlikte özel mesajla iletirseniz "
        "Fen İşleri ekibimizin keşif programına alınmasını sağlayacağız. Talebinizi Alo 153 üzerinden de "
        "takip edebilirsiniz.",
    ),
    TemplateSpec(
        "yanit_lamba",
        "Sokak lambası",
        "Teşekkür ederiz. Cadde ve sokak aydınlatmasının bakımı elektrik dağıtım şirketinin sorumluluğundadır; "
        "ALO 186'ya bildirmeniz en hızlı çözümdür. Park ve belediye tesislerindeki aydınlatma içinse yeri "
        "özel mesajla iletin, hemen yönlendirelim.",
    ),
    TemplateSpec(
        "yanit_hayvan",
        "Sokak hayvanları",
        "Duyarlılığınız için teşekkür ederiz. Veteriner İşleri ekibimiz bildirilen bölgeyi inceleyecektir. "
        "Yaralı ya da hasta bir hayvan söz konusuysa lütfen Alo 153'ü arayın; ekibimiz öncelikli olarak "
        "yönlendirilir.",
    ),
    TemplateSpec(
        "yanit_zabita",
        "Gürültü / işgal",
        "Bildiriminiz Zabıta Müdürlüğümüze iletildi; denetim ekiplerimiz bölgede kontrol yapacaktır. "
        "Tekrarlanması hâlinde Alo 153 üzerinden kayıt açtırmanız takibi kolaylaştırır.",
    ),
    TemplateSpec(
        "yanit_ulasim",
        "Otobüs gecikmesi",
        "Yaşadığınız gecikme için özür dileriz. Hat numarası, durak ve saat bilgisini özel mesajla iletirseniz "
        "Ulaşım birimimiz nedenini inceleyip size dönüş yapacaktır.",
    ),
    TemplateSpec(
        "yanit_tekrar",
        "Tekrar eden şikâyet",
        "Sitem etmekte haklısınız. Önceki başvurunuzun numarasını özel mesajla paylaşırsanız kaydı ilgili "
        "müdürlükle birlikte bugün yeniden inceleyip size bilgi vereceğiz.",
    ),
    TemplateSpec(
        "yanit_kisisel_veri",
        "Kişisel veri paylaşan yorum",
        "Kişisel bilgilerinizi korumak için yorumunuzu gizledik. Talebinizi özel mesajla ya da Alo 153 "
        "üzerinden iletebilirsiniz; en kısa sürede sizinle iletişime geçilecektir.",
    ),
    TemplateSpec(
        "yanit_gorev_disi",
        "Görev alanı dışında",
        "Bildiriminiz için teşekkür ederiz. Bu konu {kurum} sorumluluğundadır; {kanal} üzerinden başvurmanız "
        "gerekir. Kurumla yazışmamız gereken bir durum olursa biz de iletmeye hazırız.",
    ),
    TemplateSpec(
        "yanit_tesekkur", "Teşekkür", "Güzel sözleriniz için teşekkür ederiz; ekip arkadaşlarımıza iletiyoruz. 🙏"
    ),
    TemplateSpec(
        "yanit_hakaret",
        "Hakaret içeren mesaj",
        "Eleştirilerinizi dikkate alıyoruz; ancak herkes için saygılı bir iletişim ortamı sürdürmek adına "
        "hakaret içeren ifadeler gizlenmektedir. Talebinizi Alo 153 üzerinden iletirseniz takip edilecektir.",
    ),
)

#: Replies the demo has already sent, by short key (citizen-specific ones are written inline).
REPLIES = {
    "cop": (
        "Merhaba, bildiriminiz için teşekkür ederiz. Konuyu Temizlik İşleri ekibimize ilettik; bugün "
        "içinde bölgenizde toplama yapılacaktır. Açık adresi özel mesajla iletirseniz takibini birebir "
        "yapabiliriz."
    ),
    "su": (
        "Yaşadığınız mağduriyet için özür dileriz. Ana hattaki ek arıza nedeniyle çalışma uzadı; suyun "
        "21.00 civarında verilmesi bekleniyor. Güncel bilgi için ALO 185'i arayabilirsiniz."
    ),
    "yol": (
        "Bilgilendirmeniz için teşekkür ederiz. Konumu, mümkünse fotoğrafla özel mesajla iletirseniz Fen "
        "İşleri ekibimizin programına alınmasını sağlayacağız. Takip için Alo 153."
    ),
    "lamba": (
        "Teşekkür ederiz. Sokak aydınlatmasının bakımı elektrik dağıtım şirketinin sorumluluğundadır; "
        "ALO 186'ya bildirmeniz en hızlı çözümdür. Park aydınlatması ise bizde; yerini özelden iletirseniz "
        "hemen yönlendiririz."
    ),
    "hayvan": (
        "Duyarlılığınız için teşekkür ederiz. Veteriner İşleri ekibimiz bölgeyi inceleyecektir. "
        "Yaralı ya da hasta bir hayvan varsa lütfen Alo 153'ü arayın; ekibimiz öncelikli olarak "
        "yönlendirilir."
    ),
    "zabita": (
        "Bildiriminiz Zabıta Müdürlüğümüze iletildi; ekiplerimiz bölgede denetim yapacaktır. "
        "Tekrarlanırsa Alo 153 üzerinden kayıt açtırmanız takibi kolaylaştırır."
    ),
    "ulasim": (
        "Yaşadığınız gecikme için özür dileriz. Hat, durak ve saat bilgisini özel mesajla iletirseniz "
        "Ulaşım birimimiz nedenini inceleyip size dönüş yapacaktır."
    ),
    "elektrik": (
        "Bildiriminiz için teşekkür ederiz. Elektrik kesintileri dağıtım şirketinin "
        "sorumluluğundadır; ALO 186 üzerinden bilgi alabilirsiniz. Kurumla yazışmamız gereken bir durum "
        "olursa biz de iletiriz."
    ),
    "tesekkur": "Güzel sözleriniz için teşekkür ederiz; ekip arkadaşlarımıza iletiyoruz. 🙏",
}


# ---------------------------------------------------------------------------------------------
# Inbox
# ---------------------------------------------------------------------------------------------


class Message(NamedTuple):
    key: str
    day: int
    hm: str
    ch: str
    kind: InboxKind
    author: str
    handle: str
    text: str
    category: InboxCategory
    status: InboxStatus
    negative: bool = False
    unit: str | None = None  # a UNITS code
    # With ``post`` (a published post it comments on) or ``parent`` (the message it answers), ``day``
    # counts from that post's or message's day; otherwise from today.
    post: str | None = None
    parent: str | None = None
    reply: str | None = None  # our sent reply: a REPLIES key or the text itself


def inbox_messages(today: date) -> list[Message]:
    """About seventy messages of the last two weeks; threads refer to earlier keys."""
    report = _STORM_REPORTS[_season(today)]
    return [message._replace(text=report) if message.text == _STORM_REPORT else message for message in _MESSAGES]


_CM, _RP, _MT, _DM = InboxKind.COMMENT, InboxKind.REPLY, InboxKind.MENTION, InboxKind.DIRECT_MESSAGE
_Q, _CP, _RQ, _PR = (
    InboxCategory.QUESTION,
    InboxCategory.COMPLAINT,
    InboxCategory.REQUEST,
    InboxCategory.PRAISE,
)
_SP, _AB, _OT = InboxCategory.SPAM, InboxCategory.ABUSE, InboxCategory.OTHER
_NEW, _READ, _ANS = InboxStatus.NEW, InboxStatus.READ, InboxStatus.ANSWERED
_RES, _HID = InboxStatus.RESOLVED, InboxStatus.HIDDEN

#: A citizen's report under the weather warning, matching the season's weather.
_STORM_REPORTS: dict[_Season, str] = {
    "rain": "Gülbahçe'de rögar taştı, Papatya Sokak göle döndü!! Evlerin bodrumuna su giriyor, acil ekip lütfen",
    "winter": "Gülbahçe Papatya Sokak buz pisti gibi, tuzlama yapılmadı!! Sabah iki kişi düştü, acil ekip lütfen",
    "summer": "Gülbahçe Papatya Sokak'ta ana boru patladı, sokak göle döndü!! Evlerin bodrumuna su giriyor",
}
_STORM_REPORT = "<the season's storm report>"  # its place in the table

# fmt: off
_MESSAGES = (
    Message("m01", 0, "11.20", "FB", _CM, "Fatma Arslan", "fatma.arslan.1962",
            "Lale Sokak da etkileniyor mu? Yaşlı annem tek başına yaşıyor, önceden su depolamamız gerekir "
            "mi?", _Q, _ANS, unit="SU", post="su-kesinti",
            reply="Merhaba, evet, Lale Sokak da çalışma alanında. Kesinti öncesinde bir miktar su "
            "biriktirmenizi öneririz. Annenizin özel bir ihtiyacı olursa Alo 153'ü arayabilirsiniz; "
            "ekiplerimiz yardımcı olur."),
    Message("m02", 1, "21.05", "FB", _CM, "Murat Yıldırım", "murat.yildirim.4417",
            "Saat 17.00 dediniz, akşam 9 oldu su hâlâ gelmedi. Çocuklar okula hazırlanacak, banyo bile "
            "yapamadık!", _CP, _RES, negative=True, unit="SU", post="su-kesinti", reply="su"),
    Message("m03", 0, "21.20", "FB", _RP, "Elif Demir", "elif.demir.0709",
            "Bizim apartmanda da aynı durum, Gül Sokak 14. Kimse bilgi vermiyor.", _CP, _RES, negative=True,
            unit="SU", parent="m02"),
    Message("m04", 1, "20.40", "X", _RP, "kaan", "@kaanbey_61", "su ne zaman gelcek ya sabahtan beri yok",
            _CP, _RES, negative=True, unit="SU", post="su-kesinti", reply="su"),
    Message("m05", -11, "08.10", "TG", _DM, "Hüseyin Çelik", "@huseyincelik",
            "Merhaba, su geldi ama çeşmeden bulanık akıyor. İçilir mi, ne kadar akıtalım?", _Q, _ANS,
            unit="SU",
            reply="Merhaba, hat çalışmasından sonra ilk dakikalarda bulanıklık olağandır. Suyu birkaç "
            "dakika akıttıktan sonra berraklaşmazsa ALO 185'e bildirmenizi rica ederiz."),
    Message("m06", 0, "12.00", "IG", _CM, "zeynep.aydn", "@zeynep.aydn",
            "Önceden haber verdiğiniz için teşekkürler 👍", _PR, _READ, post="su-kesinti"),
    Message("m07", 2, "09.30", "FB", _CM, "Ahmet Koç", "ahmet.koc.kirtasiye",
            "İstasyon Caddesi'ndeki çalışma yüzünden dükkânımın önü günlerdir toz toprak. Müşteri "
            "gelemiyor. Ne zaman bitecek?", _CP, _ANS, negative=True, unit="FEN", post="yol",
            reply="Yaşadığınız zorluk için özür dileriz. Asfalt serimi planlanan tarihte bitecek; "
            "dükkânların önü için ekiplerimize günlük sulama ve temizlik talimatı verildi."),
    Message("m08", 1, "14.15", "FB", _CM, "Gülsüm Şahin", "gulsum.sahin.33",
            "Alternatif güzergâh olarak Cumhuriyet Caddesi'ni kullanacağız, oradan otobüs de geçiyor mu?",
            _Q, _ANS, unit="ULA", post="yol",
            reply="Evet, 12 numaralı hat çalışma süresince Cumhuriyet Caddesi üzerinden çalışıyor. Güncel "
            f"sefer saatleri: {SITE}/ulasim"),
    Message("m09", 3, "23.10", "X", _RP, "Serkan Öztürk", "@serkanozturk",
            "İSTASYON CADDESİ'Nİ KAZDINIZ BIRAKTINIZ!!! GECE ARAÇLAR ÇUKURA DÜŞÜYOR, UYARI LEVHASI BİLE "
            "YOK 😡", _CP, _RES, negative=True, unit="FEN", post="yol",
            reply="Bildiriminiz için teşekkür ederiz. Ekiplerimiz bu sabah çalışma alanına ek ışıklı uyarı "
            "levhaları ve bariyer yerleştirdi."),
    Message("m10", 2, "18.45", "MA", _RP, "Deniz", "@deniz@sosyal.example",
            "Asfalt çok güzel olmuş, ellerinize sağlık. Bisiklet yolu da eklenirse harika olur 🚲", _PR,
            _ANS, post="yol", reply="tesekkur"),
    Message("m11", 7, "09.15", "FB", _CM, "Nuray Kılıç", "nuray.kilic.veli",
            "Bu <b>acil</b> bir durum! Okul önündeki yaya geçidinin çizgileri silinmiş, <i>kaza "
            "olmadan</i> boyayın lütfen. <a href=\"http://ornek.example/foto\">fotoğraf burada</a>", _RQ,
            _ANS, negative=True, unit="FEN", post="yol", reply="yol"),
    Message("m12", 10, "08.05", "X", _RP, "Tolga", "@tolgaa_35",
            "Ne zaman biter bu çalışma?! Her sabah trafik kilit, 10 dakikalık yolu 40 dakikada gidiyoruz",
            _CP, _READ, negative=True, unit="FEN", post="yol"),
    Message("m13", 1, "10.30", "IG", _CM, "ece_yilmaz", "@ece_yilmaz",
            "Cam şişeleri hangi kumbaraya atıyoruz? Bizim mahallede sadece mavi kumbara var 🤔", _Q, _ANS,
            unit="TEM", post="sifir-atik",
            reply="Merhaba, mavi kumbaralar kâğıt, plastik, cam ve metal ambalajların hepsini kabul "
            "ediyor. Temiz ve kuru olmaları yeterli. 😊"),
    Message("m14", 1, "16.20", "FB", _CM, "Hatice Öğretmen", "hatice.ogretmen.ilkokul",
            "Harika bir kampanya 🌱 Okulumuz olarak yarışmaya katılmak istiyoruz, başvuru nereden "
            "yapılıyor?", _RQ, _ANS, unit="TEM", post="sifir-atik",
            reply="Teşekkür ederiz! Okul müdürlüğünüz Temizlik İşleri Müdürlüğü'ne e-posta ile "
            "başvurabilir: temizlik@yesilvadi.bel.tr"),
    Message("m15", 2, "19.00", "BS", _RP, "Selin Okur", "@selinokur42.bsky.social",
            "Atık pil kutusu muhtarlıklarda da var mı?", _Q, _READ, unit="TEM", post="sifir-atik"),
    Message("m16", 3, "11.00", "LI", _CM, "Burak Aksoy", "",
            "Sıfır atık çalışmalarınızı tebrik ederiz. Firmamız olarak geri dönüşüm eğitimlerine gönüllü "
            "destek verebiliriz.", _PR, _ANS, post="sifir-atik",
            reply="Desteğiniz için teşekkür ederiz. Kültür ve Sosyal İşler Müdürlüğümüz sizinle iletişime "
            "geçecek."),
    Message("m17", 4, "20.10", "BS", _RP, "Cem", "@cemdrm.bsky.social",
            "Sıfır atık ayı çok güzel fikir, bizim siteye de kutular kondu 👏", _PR, _READ,
            post="sifir-atik"),
    Message("m18", 12, "13.30", "IG", _CM, "annesi_elif", "@annesi.elif",
            "Atık yağları nereye teslim edeceğiz? Pet şişeyle mi getirelim?", _Q, _NEW, unit="TEM",
            post="sifir-atik"),
    Message("m19", 0, "12.10", "FB", _CM, "Mehmet Ali Tekin", "mehmetali.tekin",
            "Meclis toplantısına vatandaş olarak katılabiliyor muyuz? Geçen ay canlı yayın linki "
            "çalışmıyordu.", _Q, _ANS, negative=True, post="meclis",
            reply="Merhaba, toplantılarımız halka açıktır. Geçen ayki yayın sorunu giderildi; bağlantıyı "
            "toplantı günü web sitemizde paylaşacağız."),
    Message("m20", 1, "22.40", "X", _RP, "Oya", "@oyakara",
            "gündemde bizim mahallenin imar meselesi var mı acaba", _Q, _READ, post="meclis"),
    Message("m21", 3, "15.30", "MA", _RP, "Kerem", "@kerem@sosyal.example",
            "Meclis kararları web sitesinde ne zaman yayımlanıyor?", _Q, _READ, post="meclis"),
    Message("m22", 1, "10.00", "FB", _CM, "Sevgi Güneş", "sevgi.gunes.kitap",
            "Kütüphaneye kitap bağışı yapabilir miyiz? Yaklaşık 50 tane çocuk kitabımız var.", _RQ, _ANS,
            unit="KUL", post="kutuphane",
            reply="Çok teşekkür ederiz! Bağışlarınızı hafta içi 09.00–17.00 arasında Gülbahçe Halk "
            "Kütüphanesi'ne teslim edebilirsiniz."),
    Message("m23", 2, "23.55", "X", _RP, "yks2027", "@yks2027_cal",
            "ders calisma salonu neden 22de kapaniyo sinav haftasi en azindan 24e kadar acik olsun", _RQ,
            _READ, negative=True, unit="KUL", post="kutuphane"),
    Message("m24", 1, "09.00", "LI", _CM, "Ozan Yücel", "",
            "Belediyenizde staj imkânı var mı? İnşaat mühendisliği 3. sınıf öğrencisiyim.", _Q, _READ,
            post="kariyer"),
    Message("m25", 0, "14.20", "FB", _CM, "Songül Er", "songul.er.1975", _STORM_REPORT, _CP, _RES,
            negative=True, unit="SU", post="hava-uyari",
            reply="Ekibimiz yönlendirildi, yaklaşık 30 dakika içinde bölgede olacak. Acil durumlarda "
            "112'yi aramayı unutmayınız."),
    Message("m26", -8, "15.05", "TG", _DM, "Yusuf Karaca", "@yusufkaraca",
            "Yenidoğan Mahallesi 3. Sokak'ta büyük bir ağaç devrildi, park hâlindeki arabaların üstüne "
            "düşmek üzere. Konum: okulun arka tarafı.", _RQ, _RES, unit="PARK",
            reply="Bildiriminiz için teşekkür ederiz. Park ve Bahçeler ekibimiz yola çıktı; lütfen ağaca "
            "yaklaşmayınız."),
    Message("m27", -8, "19.30", "X", _MT, "Derya", "@derya_k",
            "@yesilvadibel Karşıyaka'da elektrikler kesik, ne zaman gelir?", _Q, _ANS, reply="elektrik"),
    Message("m28", 1, "09.10", "IG", _CM, "mahalleli_ali", "@mahalleli.ali",
            "Ekiplerinize teşekkürler, dün gece boyunca sahadaydılar 🙏", _PR, _READ, post="hava-uyari"),
    Message("m29", 0, "12.30", "IG", _CM, "merve.anne", "@merve.anne",
            "Davetiyeler nereden alınıyor? Ücretsiz mi?", _Q, _ANS, unit="KUL", post="tiyatro",
            reply="Merhaba, giriş ücretsiz; davetiyeler Kültür Merkezi gişesinden dağıtılıyor (kişi başı "
            "en fazla 4)."),
    Message("m30", 0, "13.10", "FB", _CM, "Ramazan Polat", "ramazan.polat.42",
            "Salonda engelli rampası var mı? Tekerlekli sandalye kullanıyorum, asansör çalışıyor mu?", _Q,
            _ANS, unit="KUL", post="tiyatro",
            reply="Merhaba, Büyük Salon'un girişinde rampa var ve asansörümüz çalışıyor. Salonda "
            "tekerlekli sandalye alanı bulunuyor; sizi bekliyoruz."),
    Message("m31", 5, "18.20", "FB", _CM, "Aslı Karaman", "asli.karaman.87",
            "Oyuna gittik, çocuklar bayıldı! Emeği geçen herkese teşekkürler ❤️", _PR, _NEW, post="tiyatro"),
    Message("m32", 1, "03.12", "IG", _CM, "kazanc_rehberi_2026", "@kazanc.rehberi.2026",
            "💰 Evden çalışarak günde 5.000 TL kazan! Detaylar profilimde 👉 DM at 💰💰💰", _SP, _HID,
            post="tiyatro"),
    Message("m33", 2, "10.40", "FB", _CM, "Levent İnşaat A.Ş.", "levent.insaat.as",
            "İhale dokümanı EKAP'ta görünüyor, teşekkürler. Yer görmesi için hangi tarihte gelinebilir?", _Q,
            _READ, post="ihale"),
    Message("m34", 1, "16.00", "X", _RP, "Emre", "@emreesentepe",
            "Esentepe Parkı'na kesinlikle! Çocuklar kaydıraksız kaldı", _RQ, _READ, unit="PARK",
            post="anket"),
    Message("m35", 2, "11.25", "MA", _RP, "Ayten", "@ayten@sosyal.example",
            "Pınarbaşı Parkı'na engelli çocuklar için uygun salıncak da eklenirse çok iyi olur.", _RQ, _READ,
            unit="PARK", post="anket"),
    Message("m36", 0, "12.40", "FB", _CM, "Kemal Özdemir", "kemal.ozdemir.emekli",
            "Budama yapılırken kuş yuvalarına dikkat edilsin lütfen.", _RQ, _READ, unit="PARK", post="park"),
    Message("m37", 1, "17.05", "FB", _CM, "Sibel Yavuz", "sibel.yavuz.1990",
            "Dere Boyu Parkı'ndaki banklar kırık, çocuk parkının zemini de sökülmüş. Aylardır kimse "
            "ilgilenmiyor.", _CP, _READ, negative=True, unit="PARK", post="park"),
    Message("m38", 0, "10.50", "X", _RP, "Büşra", "@busra_yd",
            "12 numara bu sabah yine gelmedi, 40 dakika durakta bekledik. Okula geç kaldık.", _CP, _ANS,
            negative=True, unit="ULA", post="ulasim", reply="ulasim"),
    Message("m39", 1, "09.40", "FB", _CM, "Nevin Acar", "nevin.acar.05",
            "Yeni güzergâhta Devlet Hastanesi durağı kaldırıldı mı? Annemi tedaviye götürüyorum.", _Q, _NEW,
            unit="ULA", post="ulasim"),
    Message("m40", 0, "11.15", "FB", _CM, "Orhan Bulut", "orhan.bulut.esnaf",
            "Pazarda bazı tezgâhlarda hâlâ fiyat etiketi yok, denetim sık yapılsın.", _RQ, _NEW, unit="ZAB",
            post="zabita"),
    Message("m41", -1, "19.45", "TG", _DM, "Gökhan Er", "@gokhaner",
            "Bu gece Yenidoğan tarafında nöbetçi eczane var mı? Çocuğun ateşi yükseldi.", _Q, _ANS,
            post=None,
            reply="Geçmiş olsun. Bu gece Yenidoğan'a en yakın nöbetçi eczane listesi kanalımızda "
            "paylaşıldı; acil durumlarda 112'yi arayınız."),
    Message("m42", -10, "08.20", "FB", _DM, "Dilek Aydın", "dilek.aydin.ks",
            "Merhaba, 3 gündür çöpler toplanmadı, Karşıyaka Mahallesi Menekşe Sokak. Koku dayanılmaz hâle "
            "geldi.", _CP, _RES, negative=True, unit="TEM", reply="cop"),
    Message("m43", -2, "21.30", "X", _MT, "akcakoylu", "@akcakoylu_",
            "@yesilvadibel cop kamyonu gelmiyor artik bikti millet, Akcakoy yolu ustu her yer poset", _CP,
            _NEW, negative=True, unit="TEM"),
    Message("m44", 4, "16.45", "FB", _CM, "Hakan Uçar", "hakan.ucar.60",
            "Konteynerler taşıyor, etrafa saçılan çöpleri kediler köpekler dağıtıyor. Pınarbaşı Mahallesi, "
            "Çeşme Sokak.", _CP, _RES, negative=True, unit="TEM", post="sifir-atik", reply="cop"),
    Message("m45", 0, "17.30", "FB", _RP, "Sevda Kurt", "sevda.kurt.pinarbasi",
            "Aynen öyle, bizim sokakta da 4 gündür alınmadı.", _CP, _RES, negative=True, unit="TEM",
            parent="m44"),
    Message("m46", 1, "12.15", "FB", _RP, "Hakan Uçar", "hakan.ucar.60",
            "Bugün toplandı, ilginiz için teşekkürler.", _PR, _READ, parent="m44"),
    Message("m47", -7, "14.00", "IG", _DM, "velimiz_burcu", "@velimiz.burcu",
            "Sokak köpekleri okul çıkışında çocukları kovalıyor, korkuyoruz. Lütfen bir önlem alın.", _CP,
            _ANS, negative=True, unit="VET", reply="hayvan"),
    Message("m48", -5, "18.10", "FB", _DM, "Canan Erdem", "canan.erdem.vet",
            "Evimin önünde yaralı bir kedi var, nereye götürebilirim? Veteriner hizmetiniz var mı?", _Q,
            _ANS, unit="VET",
            reply="Duyarlılığınız için teşekkür ederiz. Veteriner İşleri ekibimiz ücretsiz olarak alıyor; "
            "adresi özel mesajla iletirseniz hemen yönlendirelim ya da Alo 153'ü arayabilirsiniz."),
    Message("m49", 0, "07.40", "TG", _DM, "Recep Avcı", "@recepavci",
            "Mahallemizde su hâlâ gelmedi, kaç kere aradık cevap verilmedi. Esentepe, Papatya Sokak.", _CP,
            _NEW, negative=True, unit="SU"),
    Message("m50", -4, "02.15", "FB", _DM, "Barış Kaplan", "baris.kaplan.esentepe",
            "Gece saat 2'de inşaat çalışması yapılıyor, gürültüden uyuyamıyoruz. Esentepe Mahallesi, "
            "Papatya Sokak.", _CP, _ANS, negative=True, unit="ZAB", reply="zabita"),
    Message("m51", -3, "09.50", "X", _MT, "Ferhat", "@ferhat_fatih",
            "@yesilvadibel Fatih Mahallesi Çınar Sokak'taki çukur hâlâ kapatılmadı, iki haftadır "
            "bildiriyoruz!!", _CP, _RES, negative=True, unit="FEN",
            reply="Haklı siteminiz için özür dileriz. Çınar Sokak'taki çukur bugün onarıldı; bilgi "
            "verdiğiniz için teşekkür ederiz."),
    Message("m52", -6, "21.00", "X", _MT, "Gizem", "@gizemm_cmh",
            "@yesilvadibel Cumhuriyet Mahallesi'nde sokak lambaları yanmıyor, akşam yürüyemiyoruz.", _CP,
            _ANS, negative=True, unit="FEN", reply="lamba"),
    Message("m53", -2, "14.30", "X", _MT, "Kızgın Vatandaş", "@gercekler_yesilvadi",
            "@yesilvadibel Sizin gibi beceriksiz, yüzsüz adamlar yüzünden bu ilçe batıyor. Hepiniz "
            "sahtekârsınız, utanmazlar!!!", _AB, _NEW, negative=True),
    Message("m54", -12, "13.00", "MA", _MT, "Umut", "@umut@sosyal.example",
            "Belediyenin Mastodon'da olması çok güzel, teşekkürler! Açık ağlarda kamu kurumlarını görmek "
            "sevindirici.", _PR, _ANS, reply="tesekkur"),
    Message("m55", -4, "20.30", "BS", _MT, "Melis", "@melisderscalisiyor.bsky.social",
            "@yesilvadibel.bsky.social kütüphane hafta sonu açık mı? Sınava hazırlanıyoruz 📚", _Q, _ANS,
            unit="KUL",
            reply="Merhaba, sınav dönemi boyunca hafta sonu 09.00–20.00 arasında açığız. Başarılar! 📚"),
    Message("m56", -11, "15.40", "FB", _DM, "Şule Aktaş", "sule.aktas.anne",
            "Kızım için yüzme kursuna kayıt yaptırmak istiyoruz, yeni dönem kayıtları ne zaman?", _Q, _ANS,
            unit="KUL",
            reply="Merhaba, yeni dönem kayıtları ayın 1'inde e-Belediye üzerinden başlayacak. Duyurumuzu "
            "sayfamızdan da paylaşacağız."),
    Message("m57", -1, "16.40", "IG", _DM, "nisan.ve.emre", "@nisan.ve.emre",
            "Merhabaa nikah salonu randevusu için kime başvurmalıyız? Bahar için yer var mı 💍", _Q, _NEW),
    Message("m58", -13, "09.30", "FB", _CM, "İsmail Şen", "ismail.sen.akcakoy",
            "Başkanım selamlar, Akçaköy'den hayırlı işler.", _OT, _READ, post="su-kesinti"),
    Message("m59", 0, "08.15", "TG", _DM, "Zehra Doğan", "@zehradogan",
            "Sıcak yemek ve kış yardımı başvuruları başladı mı? Annem 78 yaşında, yalnız yaşıyor.", _Q,
            _NEW),
    Message("m60", 1, "10.45", "X", _RP, "Volkan", "@volkan_yv",
            "Bu duyuruyu neden şimdi yapıyorsunuz, çalışma 3 gün önce başlamıştı.", _OT, _READ,
            negative=True, post="kutuphane"),
    Message("m61", -6, "11.30", "MA", _DM, "Prof. Nilgün Arı", "@nilgunari@akademi.example",
            "Merhaba, kent arşivinizdeki eski fotoğrafları bir tez çalışmasında kullanmak istiyorum. İzin "
            "için kime yazmalıyım?", _RQ, _READ, unit="KUL"),
    Message("m62", -3, "10.20", "TG", _DM, "Ali Rıza Yalçın", "@aliriza",
            "Ulaşım kartımı kaybettim, içindeki bakiye yeni karta aktarılabilir mi?", _Q, _ANS, unit="ULA",
            reply="Merhaba, kişiselleştirilmiş kartlardaki bakiye yeni karta aktarılabiliyor. Kimliğinizle "
            "Ulaşım Hizmetleri Müdürlüğü veznesine başvurmanız yeterli."),
    Message("m63", -7, "10.35", "TG", _DM, "Nazlı Güler", "@nazliguler",
            "Babamızı dün kaybettik. Cenaze hizmeti için kimi aramalıyız?", _Q, _ANS,
            reply="Başınız sağ olsun. Cenaze hizmetlerimize 7/24 ALO 188 üzerinden ulaşabilirsiniz; "
            "ekiplerimiz tüm işlemlerde size yardımcı olacaktır."),
    Message("m64", -1, "21.15", "BS", _MT, "Hasan", "@hasanakcakoy.bsky.social",
            "@yesilvadibel.bsky.social Akçaköy otobüsleri hafta sonu neden 2 saatte bir? Arabası olmayan "
            "köyde mahsur kalıyor.", _CP, _NEW, negative=True, unit="ULA"),
    Message("m65", 11, "08.50", "FB", _CM, "Cengiz Toprak", "cengiz.toprak.01",
            "YOL ÇALIŞMASI YAPILACAKSA ÖNCEDEN HABER VERİN, ARACIMI ÇEKTİRDİNİZ. 700 TL CEZA ÖDEDİM!!", _CP,
            _NEW, negative=True, unit="ZAB", post="yol"),
    Message("m66", 0, "13.45", "FB", _CM, "Melek Aydoğan", "melek.aydogan.okul",
            "Okulumuzun önüne hız kesici yapılması için dilekçe vermiştik, akıbeti ne oldu?", _RQ, _READ,
            unit="FEN", post="cukur"),
    Message("m67", 1, "15.20", "FB", _CM, "Yaşar Erol", "yasar.erol.1958",
            "Kaldırımlar yenilendi, yaşlı annem artık rahatça yürüyebiliyor. Allah razı olsun 🙏", _PR, _ANS,
            post="cukur", reply="tesekkur"),
    Message("m68", 0, "19.00", "IG", _CM, "yesilvadi_kareler", "@yesilvadi.kareler",
            "Harika 😍 Yeşilvadi'yi çok seviyorum", _PR, _READ, post="tiyatro"),
    Message("m69", -1, "20.30", "TG", _DM, "Erkan Bayram", "@erkanbayram",
            "Nöbetçi eczane listesindeki eczane kapalıydı, gece yarısı gittik döndük.", _CP, _NEW,
            negative=True, post=None),
    Message("m70", 8, "10.10", "FB", _CM, "Nermin Tan", "nermin.tan.61",
            "Kimlik numaram 1234567**** ve telefonum 05xx, lütfen beni arayın su faturam yanlış geldi.", _RQ,
            _HID, unit="SU", post="su-kesinti",
            reply="Kişisel bilgilerinizi korumak için yorumunuzu gizledik. Talebinizi özel mesajla ya da "
            "Alo 153 üzerinden iletebilirsiniz; en kısa sürede sizinle iletişime geçilecektir."),
)
# fmt: on
