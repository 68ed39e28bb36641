"""Post text per platform: length, hashtags, mentions, links, threads. Pure: no Qt, no I/O.

How each platform counts (``reference/platform_apis.md`` §0, §3.4, §5.4, §6.3, §7.2):

========== ================================ =========================================
platform   limit                            unit used here
========== ================================ =========================================
x          280                              twitter-text v3 weighted length (below)
bluesky    300 and 3,000                    grapheme clusters **and** UTF-8 bytes
mastodon   500 (instance default)           grapheme clusters; links count 23,
                                            ``@user@domain`` counts as ``@user``
instagram  2,200; ≤30 hashtags; ≤20 @       UTF-16 code units
linkedin   3,000                            UTF-16 code units
facebook   63,206                           UTF-16 code units
telegram   4,096 message / 1,024 caption    UTF-16 code units
manual     none                             grapheme clusters (for display only)
========== ================================ =========================================

Where the reference marks a platform's counting unit as unconfirmed (Facebook, Instagram,
LinkedIn, Telegram) the UTF-16 count is used: it is never smaller than the number of code points
or of graphemes, so a text that passes here is not too long by any of those readings. For Turkish
text without emoji all three are the same number.

X (twitter-text v3, ``specs/twitter-text/v3.json``): the text is NFC-normalised; code points in
U+0000–U+10FF, U+2000–U+200D, U+2010–U+201F and U+2032–U+2037 weigh 1, all others 2; every
URL twitter-text detects (with or without ``https://``) weighs 23; an emoji, including its skin
tone, ZWJ, keycap and tag sequence, weighs 2 in total. Emoji are recognised by their structure
(Unicode ``Emoji`` property and emoji sequence syntax) rather than twitter-text's fixed list, so
a non-standard ZWJ combination also counts 2 where X may count its parts. The conformance vectors
in ``specs/twitter-text/validate.yml`` pass (``tests/test_rules_text.py``).

Bad input never raises: NUL, other control characters, lone surrogates ("\\ud800", which cannot
be encoded as UTF-8) and noncharacters are counted like any other code point (a lone surrogate
as one character, three UTF-8 bytes, one UTF-16 unit: what U+FFFD would count) and reported by
:func:`check`. Indices in problems are code point indices into the text given to :func:`check`.

The ``regex`` module is used for grapheme clusters (``\\X``, UAX #29) and Unicode properties.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache, cached_property, lru_cache
from typing import Final, NamedTuple

import regex

from kurum_masaustu.domain import Platform
from kurum_masaustu.rules.turkish import casefold_tr, nfc, tr_lower, tr_upper

__all__ = [
    "BLUESKY_MAX_BYTES",
    "BLUESKY_TAG_MAX_GRAPHEMES",
    "HASHTAG_LIMITS",
    "MENTION_LIMITS",
    "THREAD_PLATFORMS",
    "TWITTER_TEXT_V1",
    "TWITTER_TEXT_V2",
    "TWITTER_TEXT_V3",
    "Count",
    "Problem",
    "ProblemCode",
    "Reason",
    "Severity",
    "TwitterTextConfig",
    "Unit",
    "XParse",
    "camel_case_hashtag",
    "check",
    "counts",
    "grapheme_count",
    "hashtags",
    "limit",
    "measure",
    "mentions",
    "parse_x",
    "split_thread",
    "split_thread_pieces",
    "urls",
    "utf8_length",
    "utf16_length",
]

PlatformLike = Platform | str


# --------------------------------------------------------------------------------------------
# Public vocabulary
# --------------------------------------------------------------------------------------------


class Unit(StrEnum):
    """What a length is counted in."""

    WEIGHTED = "weighted"  #: X: twitter-text weighted characters
    GRAPHEMES = "graphemes"  #: user-perceived characters (UAX #29 extended grapheme clusters)
    UTF16 = "utf16"  #: UTF-16 code units (an emoji is usually 2)
    UTF8_BYTES = "utf8_bytes"


class Severity(StrEnum):
    BLOCKING = "blocking"  #: the platform would reject the post (or it cannot be sent)
    WARNING = "warning"  #: it can be posted, but probably not as meant


class ProblemCode(StrEnum):
    EMPTY = "empty"  #: no text (only whitespace) and no media
    TOO_LONG = "too_long"  #: ``count`` > ``limit`` in ``unit``
    TOO_MANY_HASHTAGS = "too_many_hashtags"  #: ``count`` > ``limit``
    TOO_MANY_MENTIONS = "too_many_mentions"  #: ``count`` > ``limit``
    INVALID_HASHTAG = "invalid_hashtag"  #: see ``reason``; ``detail`` is the text as written
    INVALID_CHARACTER = "invalid_character"  #: cannot be sent; ``detail`` is "U+XXXX"
    HIDDEN_CHARACTER = "hidden_character"  #: invisible/control character; ``detail`` "U+XXXX"
    MEDIA_REQUIRED = "media_required"  #: the platform cannot post text alone (Instagram)


class Reason(StrEnum):
    """The finer cause of a problem, for the message the UI shows."""

    DIGITS_ONLY = "digits_only"  #: "#2026" is not a hashtag: it needs a letter
    HYPHENATED = "hyphenated"  #: "#23Nisan-Bayramı" links only "#23Nisan"
    TAG_TOO_LONG = "tag_too_long"  #: Bluesky links tags of at most ``limit`` graphemes
    NUL = "nul"  #: U+0000
    LONE_SURROGATE = "lone_surrogate"  #: half of a UTF-16 pair, not a character
    NONCHARACTER = "noncharacter"  #: U+FFFE, U+FFFF
    CONTROL = "control"  #: other C0/C1 control characters (tab and line breaks are fine)
    BIDI = "bidi"  #: U+202A–U+202E, U+2066–U+2069: reorder how the text is displayed
    ZERO_WIDTH = "zero_width"  #: U+200B, U+2060, U+FEFF: invisible (U+FEFF cannot be sent to X)


@dataclass(frozen=True, slots=True)
class Count:
    """One counter the composer shows, e.g. 287 / 280 weighted."""

    unit: Unit
    used: int
    limit: int | None  #: ``None``: the channel has no limit (manual)

    @property
    def over(self) -> int:
        """How far over the limit (0 when within it)."""
        return 0 if self.limit is None else max(0, self.used - self.limit)


@dataclass(frozen=True, slots=True)
class Problem:
    """Something :func:`check` found. The UI renders the (Turkish) message from these fields."""

    code: ProblemCode
    severity: Severity
    count: int | None = None  #: how many (characters in ``unit``, hashtags, mentions, occurrences)
    limit: int | None = None
    unit: Unit | None = None
    start: int | None = None  #: code point index of the (first) offending part
    end: int | None = None
    detail: str | None = None  #: the hashtag as written, or the character as "U+202E"
    reason: Reason | None = None


@dataclass(frozen=True, slots=True)
class TwitterTextConfig:
    """A twitter-text weighting configuration (``config/v*.json``)."""

    version: int
    max_weighted_length: int
    scale: int
    default_weight: int
    ranges: tuple[tuple[int, int, int], ...]  #: (first code point, last code point, weight)
    transformed_url_length: int
    emoji_parsing: bool


_V2_RANGES: Final = ((0, 4351, 100), (8192, 8205, 100), (8208, 8223, 100), (8242, 8247, 100))
TWITTER_TEXT_V1: Final = TwitterTextConfig(1, 140, 1, 1, (), 23, emoji_parsing=False)
TWITTER_TEXT_V2: Final = TwitterTextConfig(2, 280, 100, 200, _V2_RANGES, 23, emoji_parsing=False)
#: What X uses today (``specs/twitter-text/v3.json``).
TWITTER_TEXT_V3: Final = TwitterTextConfig(3, 280, 100, 200, _V2_RANGES, 23, emoji_parsing=True)


class XParse(NamedTuple):
    """twitter-text ``parseTweet`` results that concern length."""

    weighted_length: int
    valid: bool  #: 0 < weighted_length ≤ max and no invalid character (U+FFFE, U+FEFF, U+FFFF)
    permillage: int


#: Primary limit per platform (text without media; see :func:`limit` for captions).
_TEXT_LIMITS: Final[dict[Platform, tuple[Unit, int | None]]] = {
    Platform.X: (Unit.WEIGHTED, 280),
    Platform.BLUESKY: (Unit.GRAPHEMES, 300),
    Platform.MASTODON: (Unit.GRAPHEMES, 500),
    Platform.INSTAGRAM: (Unit.UTF16, 2_200),
    Platform.LINKEDIN: (Unit.UTF16, 3_000),
    Platform.FACEBOOK: (Unit.UTF16, 63_206),
    Platform.TELEGRAM: (Unit.UTF16, 4_096),
    Platform.MANUAL: (Unit.GRAPHEMES, None),
}
TELEGRAM_CAPTION_LIMIT: Final = 1_024
BLUESKY_MAX_BYTES: Final = 3_000
#: Bluesky links a hashtag (facet ``#tag``) of at most this many graphemes.
BLUESKY_TAG_MAX_GRAPHEMES: Final = 64
MASTODON_URL_LENGTH: Final = 23
HASHTAG_LIMITS: Final[dict[Platform, int]] = {Platform.INSTAGRAM: 30}
MENTION_LIMITS: Final[dict[Platform, int]] = {Platform.INSTAGRAM: 20}
#: Platforms where a long text can be posted as a thread of replies.
THREAD_PLATFORMS: Final = frozenset({Platform.X, Platform.BLUESKY, Platform.MASTODON})


# --------------------------------------------------------------------------------------------
# Character classes (after twitter-text's regexp/*.js, and Mastodon's twitter_regex.rb)
# --------------------------------------------------------------------------------------------

_SPACES: Final = r"\t-\r \x85\xa0\u1680\u180e\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_INVALID: Final = r"\ufffe\ufeff\uffff"
_DIRECTIONAL: Final = r"\u202a-\u202e\u061c\u200e\u200f\u2066-\u2069"
_PUNCT_NO_DASH_UNDERSCORE: Final = r"!'#%&()*+,\\./:;<=>?@\[\]^{|}~$"
_LATIN_ACCENTS: Final = (
    r"\xc0-\xd6\xd8-\xf6\xf8-\xff\u0100-\u024f\u0253\u0254\u0256\u0257\u0259\u025b\u0263\u0268"
    r"\u026f\u0272\u0289\u028b\u02bb\u0300-\u036f\u1e00-\u1eff"
)
_CYRILLIC: Final = r"\u0400-\u04ff"
_NOT_DOMAIN: Final = _SPACES + _INVALID + _DIRECTIONAL
#: A character of a domain label; ``_LABEL_SUB`` also allows - and _, ``_LABEL_NAME`` only -.
_DOMAIN_CHAR: Final = rf"[^{_PUNCT_NO_DASH_UNDERSCORE}\-_{_NOT_DOMAIN}]"
_LABEL_SUB_CHAR: Final = rf"[^{_PUNCT_NO_DASH_UNDERSCORE}{_NOT_DOMAIN}]"
_LABEL_NAME_CHAR: Final = rf"[^{_PUNCT_NO_DASH_UNDERSCORE}_{_NOT_DOMAIN}]"

# The top-level domains twitter-text knows (conformance/tld_lib.yml of twitter/twitter-text,
# Apache-2.0, as in its v3 releases): generic, then country code. Data, kept in this module so the
# rules stay one file.
_GENERIC_TLDS: Final = """
aaa aarp abarth abb abbott abbvie abc able abogado abudhabi academy accenture accountant accountants
aco active actor adac ads adult aeg aero aetna afamilycompany afl africa agakhan agency aig aigo
airbus airforce airtel akdn alfaromeo alibaba alipay allfinanz allstate ally alsace alstom
americanexpress americanfamily amex amfam amica amsterdam analytics android anquan anz aol
apartments app apple aquarelle arab aramco archi army arpa art arte asda asia associates athleta
attorney auction audi audible audio auspost author auto autos avianca aws axa azure baby baidu
banamex bananarepublic band bank bar barcelona barclaycard barclays barefoot bargains baseball
basketball bauhaus bayern bbc bbt bbva bcg bcn beats beauty beer bentley berlin best bestbuy bet
bharti bible bid bike bing bingo bio biz black blackfriday blanco blockbuster blog bloomberg blue
bms bmw bnl bnpparibas boats boehringer bofa bom bond boo book booking boots bosch bostik boston bot
boutique box bradesco bridgestone broadway broker brother brussels budapest bugatti build builders
business buy buzz bzh cab cafe cal call calvinklein cam camera camp cancerresearch canon capetown
capital capitalone car caravan cards care career careers cars cartier casa case caseih cash casino
cat catering catholic cba cbn cbre cbs ceb center ceo cern cfa cfd chanel channel charity chase chat
cheap chintai chloe christmas chrome chrysler church cipriani circle cisco citadel citi citic city
cityeats claims cleaning click clinic clinique clothing cloud club clubmed coach codes coffee
college cologne com comcast commbank community company compare computer comsec condos construction
consulting contact contractors cooking cookingchannel cool coop corsica country coupon coupons
courses cpa credit creditcard creditunion cricket crown crs cruise cruises csc cuisinella cymru cyou
dabur dad dance data date dating datsun day dclk dds deal dealer deals degree delivery dell deloitte
delta democrat dental dentist desi design dev dhl diamonds diet digital direct directory discount
discover dish diy dnp docs doctor dodge dog doha domains doosan dot download drive dtv dubai duck
dunlop duns dupont durban dvag dvr earth eat eco edeka edu education email emerck energy engineer
engineering enterprises epost epson equipment ericsson erni esq estate esurance etisalat eurovision
eus events everbank exchange expert exposed express extraspace fage fail fairwinds faith family fan
fans farm farmers fashion fast fedex feedback ferrari ferrero fiat fidelity fido film final finance
financial fire firestone firmdale fish fishing fit fitness flickr flights flir florist flowers
flsmidth fly foo food foodnetwork football ford forex forsale forum foundation fox free fresenius
frl frogans frontdoor frontier ftr fujitsu fujixerox fun fund furniture futbol fyi gal gallery gallo
gallup game games gap garden gay gbiz gdn gea gent genting george ggee gift gifts gives giving glade
glass gle global globo gmail gmbh gmo gmx godaddy gold goldpoint golf goo goodhands goodyear goog
google gop got gov grainger graphics gratis green gripe grocery group guardian gucci guge guide
guitars guru hair hamburg hangout haus hbo hdfc hdfcbank health healthcare help helsinki here hermes
hgtv hiphop hisamitsu hitachi hiv hkt hockey holdings holiday homedepot homegoods homes homesense
honda honeywell horse hospital host hosting hot hoteles hotels hotmail house how hsbc htc hughes
hyatt hyundai ibm icbc ice icu ieee ifm iinet ikano imamat imdb immo immobilien inc industries
infiniti info ing ink institute insurance insure int intel international intuit investments ipiranga
irish iselect ismaili ist istanbul itau itv iveco iwc jaguar java jcb jcp jeep jetzt jewelry jio jlc
jll jmp jnj jobs joburg jot joy jpmorgan jprs juegos juniper kaufen kddi kerryhotels kerrylogistics
kerryproperties kfh kia kim kinder kindle kitchen kiwi koeln komatsu kosher kpmg kpn krd kred
kuokgroup kyoto lacaixa ladbrokes lamborghini lamer lancaster lancia lancome land landrover lanxess
lasalle lat latino latrobe law lawyer lds lease leclerc lefrak legal lego lexus lgbt liaison lidl
life lifeinsurance lifestyle lighting like lilly limited limo lincoln linde link lipsy live living
lixil llc llp loan loans locker locus loft lol london lotte lotto love lpl lplfinancial ltd ltda
lundbeck lupin luxe luxury macys madrid maif maison makeup man management mango map market marketing
markets marriott marshalls maserati mattel mba mcd mcdonalds mckinsey med media meet melbourne meme
memorial men menu meo merckmsd metlife miami microsoft mil mini mint mit mitsubishi mlb mls mma mobi
mobile mobily moda moe moi mom monash money monster montblanc mopar mormon mortgage moscow moto
motorcycles mov movie movistar msd mtn mtpc mtr museum mutual mutuelle nab nadex nagoya name
nationwide natura navy nba nec net netbank netflix network neustar new newholland news next
nextdirect nexus nfl ngo nhk nico nike nikon ninja nissan nissay nokia northwesternmutual norton now
nowruz nowtv nra nrw ntt nyc obi observer off office okinawa olayan olayangroup oldnavy ollo omega
one ong onion onl online onyourside ooo open oracle orange org organic orientexpress origins osaka
otsuka ott ovh page pamperedchef panasonic panerai paris pars partners parts party passagens pay
pccw pet pfizer pharmacy phd philips phone photo photography photos physio piaget pics pictet
pictures pid pin ping pink pioneer pizza place play playstation plumbing plus pnc pohl poker politie
porn post pramerica praxi press prime pro prod productions prof progressive promo properties
property protection pru prudential pub pwc qpon quebec quest qvc racing radio raid read realestate
realtor realty recipes red redstone redumbrella rehab reise reisen reit reliance ren rent rentals
repair report republican rest restaurant review reviews rexroth rich richardli ricoh rightathome ril
rio rip rmit rocher rocks rodeo rogers room rsvp rugby ruhr run rwe ryukyu saarland safe safety
sakura sale salon samsclub samsung sandvik sandvikcoromant sanofi sap sapo sarl sas save saxo sbi
sbs sca scb schaeffler schmidt scholarships school schule schwarz science scjohnson scor scot search
seat secure security seek select sener services ses seven sew sex sexy sfr shangrila sharp shaw
shell shia shiksha shoes shop shopping shouji show showtime shriram silk sina singles site ski skin
sky skype sling smart smile sncf soccer social softbank software sohu solar solutions song sony soy
space spiegel sport spot spreadbetting srl srt stada staples star starhub statebank statefarm
statoil stc stcgroup stockholm storage store stream studio study style sucks supplies supply support
surf surgery suzuki swatch swiftcover swiss sydney symantec systems tab taipei talk taobao target
tatamotors tatar tattoo tax taxi tci tdk team tech technology tel telecity telefonica temasek tennis
teva thd theater theatre tiaa tickets tienda tiffany tips tires tirol tjmaxx tjx tkmaxx tmall today
tokyo tools top toray toshiba total tours town toyota toys trade trading training travel
travelchannel travelers travelersinsurance trust trv tube tui tunes tushu tvs ubank ubs uconnect
unicom university uno uol ups vacations vana vanguard vegas ventures verisign vermögensberater
vermögensberatung versicherung vet viajes video vig viking villas vin vip virgin visa vision vista
vistaprint viva vivo vlaanderen vodka volkswagen volvo vote voting voto voyage vuelos wales walmart
walter wang wanggou warman watch watches weather weatherchannel webcam weber website wed wedding
weibo weir whoswho wien wiki williamhill win windows wine winners wme wolterskluwer woodside work
works world wow wtc wtf xbox xerox xfinity xihuan xin xperia xxx xyz yachts yahoo yamaxun yandex
yodobashi yoga yokohama you youtube yun zappos zara zero zip zippo zone zuerich дети католик ком
москва онлайн орг рус сайт קום ابوظبي اتصالات ارامكو العليان بازار بيتك شبكة عرب كاثوليك كوم موبايلي
موقع همراه कॉम नेट संगठन คอม みんな クラウド グーグル コム ストア セール ファッション ポイント 世界
中信 中文网 企业 佛山 信息 健康 八卦 公司 公益 商城 商店 商标 嘉里 嘉里大酒店 在线 大众汽车 大拿
天主教 娱乐 家電 工行 广东 微博 慈善 我爱你 手机 手表 招聘 政务 政府 新闻 时尚 書籍 机构 淡马锡 游戏
点看 珠宝 移动 组织机构 网址 网店 网站 网络 联通 诺基亚 谷歌 购物 通販 集团 電訊盈科 飞利浦 食品
餐厅 香格里拉 닷넷 닷컴 삼성
"""
_COUNTRY_TLDS: Final = """
ac ad ae af ag ai al am an ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bl bm bn bo bq br
bs bt bv bw by bz ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee
eg eh er es et eu fi fj fk fm fo fr ga gb gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm
hn hr ht hu id ie il im in io iq ir is it je jm jo jp ke kg kh ki km kn kp kr kw ky kz la lb lc li
lk lr ls lt lu lv ly ma mc md me mf mg mh mk ml mm mn mo mp mq mr ms mt mu mv mw mx my mz na nc ne
nf ng ni nl no np nr nu nz om pa pe pf pg ph pk pl pm pn pr ps pt pw py qa re ro rs ru rw sa sb sc
sd se sg sh si sj sk sl sm sn so sr ss st su sv sx sy sz tc td tf tg th tj tk tl tm tn to tp tr tt
tv tw tz ua ug uk um us uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw ελ ευ бг бел ею мкд мон рф
срб укр қаз հայ الاردن البحرين الجزائر السعودية المغرب امارات ایران بارت بھارت تونس سودان سورية عراق
عمان فلسطين قطر مصر مليسيا موريتانيا پاکستان ڀارت भारत भारतम् भारोत বাংলা ভারত ভাৰত ਭਾਰਤ ભારત ଭାରତ
இந்தியா இலங்கை சிங்கப்பூர் భారత్ ಭಾರತ ഭാരതം ලංකා ไทย ລາວ გე 中国 中國 台湾 台灣 新加坡 澳門 香港
한국
"""


_Trie = dict[str, "_Trie"]


def _ci(ch: str) -> str:
    """``ch`` matched without regard to case as JavaScript's ``/i`` does: "ı" and "İ" are not "i"."""
    variants = {v for v in (ch, ch.lower(), ch.upper()) if len(v) == 1 and v.isascii() == ch.isascii()}
    return re.escape(ch) if len(variants) == 1 else "[" + "".join(sorted(variants)) + "]"


def _trie_pattern(words: Iterable[str]) -> str:
    """One regex alternation for many literals, as a trie (fast), longest match first."""
    trie: _Trie = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def render(node: _Trie) -> str:
        branches = [_ci(ch) + render(child) for ch, child in sorted(node.items()) if ch]
        if "" in node:
            branches.append("")  # the shorter word last, so the longest one is tried first
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"

    return render(trie)


def _ci_word(word: str) -> str:
    return "".join(_ci(ch) for ch in word)


class _UrlPatterns(NamedTuple):
    twitter: re.Pattern[str]
    mastodon: re.Pattern[str]
    ascii_domain: re.Pattern[str]
    invalid_short_domain: re.Pattern[str]
    special_short_domain: re.Pattern[str]
    tco: re.Pattern[str]
    tld_dot: re.Pattern[str]  #: "." and a top-level domain: every link has one


def _url_pattern(
    *, protocols: str, path_char: str, path_end: str, path_at_alt: str, query_char: str, query_end: str, domain: str
) -> re.Pattern[str]:
    parens = rf"\((?:{path_char}+|(?:{path_char}*\({path_char}+\){path_char}*))\)"
    path_segment = (
        rf"(?:(?:{path_char}*(?:{parens}{path_char}*)*(?:{path_end}|{parens}))|(?:{path_at_alt}{path_char}+/))"
    )
    return re.compile(
        rf"(?P<before>[^A-Za-z0-9@＠$#＃{_INVALID}]|^)"
        rf"(?P<url>(?P<protocol>{protocols})?"
        rf"(?P<domain>{domain})"
        r"(?::[0-9]+)?"
        rf"(?P<path>/{path_segment}*)?"
        rf"(?:\?{query_char}*{query_end})?)"
    )


@cache
def _url_patterns() -> _UrlPatterns:
    """twitter-text's URL expressions (and Mastodon's variant), built on first use: compiling the
    top-level-domain alternations takes a noticeable fraction of a second, not to be paid at start."""
    tld = (
        "(?:(?:"
        + _trie_pattern(_GENERIC_TLDS.split() + _COUNTRY_TLDS.split())
        + r")(?![0-9a-zA-Z@+\-])|[xX][nN]--[\-0-9a-zA-Z]+)"
    )
    country_tld = "(?:" + _trie_pattern(_COUNTRY_TLDS.split()) + r")(?![0-9a-zA-Z@+\-])"
    # Labels are bounded to 63 characters (longer ones fail IDNA anyway) and a domain to 20
    # labels before its name: unbounded, text such as "a.a.a.a…" makes the search quadratic.
    subdomain = rf"{_DOMAIN_CHAR}{_LABEL_SUB_CHAR}{{0,62}}+(?<![\-_])\."
    domain_name = rf"{_DOMAIN_CHAR}{_LABEL_NAME_CHAR}{{0,62}}+(?<!-)\."
    domain = rf"(?:{subdomain}){{0,20}}{domain_name}{tld}"
    twitter_query_char = r"[a-zA-Z0-9!?*'@();:&=+$/%#\[\]\-_.,~|]"
    twitter_query_end = r"[a-zA-Z0-9\-_&=#/]"
    twitter = _url_pattern(
        protocols=_ci_word("http") + "[sS]?://",
        path_char=rf"[a-zA-Z{_CYRILLIC}0-9!*';:=+,.$/%#\[\]\-\u2013_~@|&{_LATIN_ACCENTS}]",
        path_end=rf"[+\-a-zA-Z{_CYRILLIC}0-9=_#/{_LATIN_ACCENTS}]",
        path_at_alt="@",
        query_char=twitter_query_char,
        query_end=twitter_query_end,
        domain=domain,
    )
    schemes = "|".join(_ci_word(s) for s in ("https", "http", "dat", "dweb", "ipfs", "ipns", "ssb", "gopher", "gemini"))
    mastodon = _url_pattern(
        protocols=rf"(?:{schemes})://",
        path_char=rf"[^{_WHITE_SPACE}<>()?]",
        path_end=rf"[^{_WHITE_SPACE}()?!*\"'「」<>;:=,.$%\[\]~&|@]",
        path_at_alt="",
        query_char=rf"[a-zA-Z0-9!?*'();:&=+$/%#\[\]\-_.,~|@^{_MASTODON_UCHARS}]",
        query_end=rf"[a-zA-Z0-9_&=#/\-{_MASTODON_UCHARS}]",
        domain=domain,
    )
    return _UrlPatterns(
        twitter=twitter,
        mastodon=mastodon,
        ascii_domain=re.compile(rf"(?:[\-a-zA-Z0-9{_LATIN_ACCENTS}]+\.)+{tld}"),
        invalid_short_domain=re.compile(rf"{domain_name}{country_tld}\Z"),
        special_short_domain=re.compile(rf"{domain_name}(?:{_ci_word('co')}|{_ci_word('tv')})(?![0-9a-zA-Z@])\Z"),
        tld_dot=re.compile(rf"\.{tld}"),
        tco=re.compile(
            rf"{_ci_word('http')}[sS]?://[tT]\.[cC][oO]/([a-zA-Z0-9]+)(?:\?{twitter_query_char}*{twitter_query_end})?"
        ),
    )


#: Unicode White_Space (Mastodon's ``\p{White_Space}``).
_WHITE_SPACE: Final = r"\t-\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_MASTODON_UCHARS: Final = (
    r"\xa0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef\U00010000-\U0001fffd\U00020000-\U0002fffd"
    r"\U00030000-\U0003fffd\U00040000-\U0004fffd\U00050000-\U0005fffd\U00060000-\U0006fffd"
    r"\U00070000-\U0007fffd\U00080000-\U0008fffd\U00090000-\U0009fffd\U000a0000-\U000afffd"
    r"\U000b0000-\U000bfffd\U000c0000-\U000cfffd\U000d0000-\U000dfffd\U000e1000-\U000efffd"
    r"\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd"
)
#: A "." that may be inside a domain: followed by neither whitespace nor sentence punctuation.
_URL_DOT: Final = re.compile(rf"\.(?![{_SPACES}.!?,;:)\]\"'”’»…]|\Z)")
_SPACE_CHAR: Final = re.compile(rf"[{_SPACES}]")
_MAX_URL_LENGTH: Final = 4096
_MAX_TCO_SLUG_LENGTH: Final = 40
_DEFAULT_PROTOCOL: Final = "https://"

#: Characters that can join a grapheme cluster with their neighbours (plus © and ®, which
#: twitter-text counts as emoji). Text without any of them has one grapheme per code point.
_JOINING: Final = (
    r"\p{Grapheme_Cluster_Break=Extend}\p{Grapheme_Cluster_Break=ZWJ}"
    r"\p{Grapheme_Cluster_Break=SpacingMark}\p{Grapheme_Cluster_Break=Prepend}"
    r"\p{Grapheme_Cluster_Break=Regional_Indicator}\p{Grapheme_Cluster_Break=L}"
    r"\p{Grapheme_Cluster_Break=V}\p{Grapheme_Cluster_Break=T}\p{Grapheme_Cluster_Break=LV}"
    r"\p{Grapheme_Cluster_Break=LVT}\r\xa9\xae"
)


class _Regexes(NamedTuple):
    hashtag: regex.Pattern[str]
    has_letter: regex.Pattern[str]
    hashtag_breaks_after: regex.Pattern[str]
    hyphen_continues: regex.Pattern[str]
    mention: regex.Pattern[str]
    mention_breaks_after: regex.Pattern[str]
    mastodon_mention: regex.Pattern[str]
    joining_char: regex.Pattern[str]
    grapheme: regex.Pattern[str]
    emoji: regex.Pattern[str]
    space_char_backwards: regex.Pattern[str]


@cache
def _rx() -> _Regexes:
    """The expressions that need the ``regex`` module (Unicode properties, ``\\X``), compiled on
    first use: together they would add some 15 ms to the application's start."""
    return _Regexes(
        hashtag=regex.compile(r"(?<![\p{L}\p{M}\p{Nd}_&])[#＃](?![\ufe0f\u20e3])([\p{L}\p{M}\p{Nd}_]*+)"),
        has_letter=regex.compile(r"\p{L}"),
        hashtag_breaks_after=regex.compile(r"[#＃]|://"),
        hyphen_continues=regex.compile(r"[\-\u2010\u2011][\p{L}\p{Nd}]"),
        # A handle: "user", "user.name", "name.bsky.social", or remote "user@instance.example".
        mention=regex.compile(
            r"(?<![\p{L}\p{M}\p{Nd}_!@#$%&*＠/=])[@＠]"
            r"(?P<user>[A-Za-z0-9_](?:[A-Za-z0-9_.\-]{0,252}[A-Za-z0-9_])?)"
            r"(?:@(?P<domain>[A-Za-z0-9\-]{1,63}(?:\.[A-Za-z0-9\-]{1,63}){1,20}))?"
        ),
        mention_breaks_after=regex.compile(rf"[@＠{_LATIN_ACCENTS}]|://"),
        # Mastodon's Account::MENTION_RE (the remote part is counted as if absent).
        mastodon_mention=regex.compile(
            r"(?<![=/\w])@(?P<user>[a-z0-9_]+(?:[.\-]+[a-z0-9_]+)*)(?P<remote>@[\w.\-]+\w)?", regex.IGNORECASE
        ),
        # A character that may join a neighbour (the lookahead is a cheap pre-test: all are ≥ U+0300).
        joining_char=regex.compile(rf"(?=[\r\xa9\xae\u0300-\U0010ffff])[{_JOINING}]"),
        grapheme=regex.compile(r"\X"),
        # An emoji (sequence) by its structure: flag, keycap, or emoji with modifier / VS16 / tags,
        # joined by ZWJ. Bare digits, "#" and "*" are emoji characters too but count as text.
        emoji=regex.compile(
            r"[\U0001f1e6-\U0001f1ff]{2}"
            r"|[#*0-9]\ufe0f?\u20e3"
            r"|(?![#*0-9])\p{Emoji}(?!\ufe0e)"
            r"(?:\p{Emoji_Modifier}|\ufe0f|[\U000e0020-\U000e007e]+\U000e007f)?"
            r"(?:\u200d(?![#*0-9])\p{Emoji}(?:\p{Emoji_Modifier}|\ufe0f)?)*"
        ),
        space_char_backwards=regex.compile(rf"[{_SPACES}]", regex.REVERSE),
    )


_TWITTER_INVALID: Final = re.compile(rf"[{_INVALID}]")
#: Characters worth a word, by reason (U+FEFF apart: invalid on X, merely invisible elsewhere).
_CHARACTER_CLASSES: Final = (
    (Reason.NUL, re.compile("\x00")),
    (Reason.LONE_SURROGATE, re.compile("[\ud800-\udfff]")),
    (Reason.NONCHARACTER, re.compile("[\ufffe\uffff]")),
    (Reason.BIDI, re.compile("[\u202a-\u202e\u2066-\u2069]")),
    (Reason.ZERO_WIDTH, re.compile("[\u200b\u2060]")),
    (Reason.CONTROL, re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")),
)
#: What no platform can be sent (or stores): blocking everywhere.
_UNSENDABLE: Final = frozenset({Reason.NUL, Reason.LONE_SURROGATE, Reason.NONCHARACTER})
_SUSPICIOUS: Final = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u2060\ufeff\u202a-\u202e\u2066-\u2069\ufffe\uffff\ud800-\udfff]"
)
_SPACE_RUN: Final = re.compile(r"\s+")
_FLAG_RUN: Final = re.compile("[\U0001f1e6-\U0001f1ff]{4,}")


# --------------------------------------------------------------------------------------------
# Analysis of one text, shared by every platform's count (cached per text)
# --------------------------------------------------------------------------------------------


class _Span(NamedTuple):
    start: int
    end: int


class _Hashtag(NamedTuple):
    start: int  #: index of "#"
    end: int
    tag: str  #: without "#"; may be digits only (then not a hashtag)


class _Mention(NamedTuple):
    start: int  #: index of "@"
    end: int
    handle: str  #: without "@": "user" or "user@domain"


class _Suspicious(NamedTuple):
    by_reason: dict[Reason, tuple[int, int]]  #: reason → (count, index of the first)
    bom: tuple[int, int] | None  #: U+FEFF: (count, index of the first)


class _Text:
    """Lazily computed facts about one string; every method is pure."""

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def windows(self) -> list[_Window]:
        """The stretches that need UAX #29 to segment, with their grapheme clusters."""
        text = self.text
        windows: list[_Window] = []
        run_start = run_end = -1
        for m in _rx().joining_char.finditer(text):
            if run_start >= 0 and m.start() <= run_end + 3:  # windows that touch or overlap: one
                run_end = m.start()
                continue
            if run_start >= 0:
                windows.append(_window(text, run_start, run_end))
            run_start = run_end = m.start()
        if run_start >= 0:
            windows.append(_window(text, run_start, run_end))
        return windows

    @cached_property
    def graphemes(self) -> int:
        return len(self.text) - sum(w.end - w.start - len(w.clusters) for w in self.windows)

    @cached_property
    def utf8(self) -> int:
        return len(self.text.encode("utf-8", "surrogatepass"))

    @cached_property
    def utf16(self) -> int:
        return len(self.text.encode("utf-16-le", "surrogatepass")) // 2

    @cached_property
    def emoji(self) -> list[_Span]:
        """Emoji that twitter-text counts as one: every multi-code-point sequence lies in a window
        (its modifiers, joiners, VS16, keycaps and tags join), and so do © and ®. Single emoji
        elsewhere weigh 2 as any other character there."""
        pattern = _rx().emoji
        return [_Span(m.start(), m.end()) for w in self.windows for m in pattern.finditer(self.text, w.start, w.end)]

    @cached_property
    def suspicious(self) -> _Suspicious:
        text = self.text
        if _SUSPICIOUS.search(text) is None:
            return _Suspicious({}, None)
        by_reason: dict[Reason, tuple[int, int]] = {}
        for reason, pattern in _CHARACTER_CLASSES:
            first = pattern.search(text)
            if first is not None:
                by_reason[reason] = (len(pattern.findall(text)), first.start())
        bom = (text.count("\ufeff"), text.index("\ufeff")) if "\ufeff" in text else None
        return _Suspicious(by_reason, bom)

    @cached_property
    def hashtag_issues(self) -> list[tuple[_Hashtag, Reason]]:
        """Hashtags that are not what they seem, on any platform."""
        issues: list[tuple[_Hashtag, Reason]] = []
        for found in self.hashtag_matches:
            if not _rx().has_letter.search(found.tag):
                issues.append((found, Reason.DIGITS_ONLY))
            elif _rx().hyphen_continues.match(self.text, found.end):
                issues.append((found, Reason.HYPHENATED))
        return issues

    @cached_property
    def url_tokens(self) -> list[_Span]:
        """The whitespace-delimited stretches that may hold a link (a "." inside, not at the end)."""
        text = self.text
        tokens: list[_Span] = []
        end = -1
        for dot in _URL_DOT.finditer(text):
            if dot.start() < end:
                continue
            before = _rx().space_char_backwards.search(text, 0, dot.start())
            after = _SPACE_CHAR.search(text, dot.start())
            end = after.start() if after is not None else len(text)
            tokens.append(_Span(before.end() if before is not None else 0, end))
        return tokens

    @cached_property
    def twitter_urls(self) -> list[_Span]:
        return _extract_twitter_urls(self.text, self.url_tokens)

    @cached_property
    def mastodon_urls(self) -> list[_Span]:
        """Links as Mastodon counts them: with a protocol only (``extract_url_without_protocol: false``)."""
        pattern = _url_patterns().mastodon
        spans: list[_Span] = []
        for token in self.url_tokens:
            if "://" in self.text[token.start : token.end]:
                spans += [
                    _Span(m.start("url"), m.end("url"))
                    for start, end in _search_windows(self.text, (token,))
                    for m in pattern.finditer(self.text, start, end)
                    if m.group("protocol")
                ]
        return spans

    @cached_property
    def hashtag_matches(self) -> list[_Hashtag]:
        if "#" not in self.text and "＃" not in self.text:
            return []
        found: list[_Hashtag] = []
        inside_url = _inside(self.twitter_urls)
        for m in _rx().hashtag.finditer(self.text):
            tag = m.group(1)
            if not tag or _rx().hashtag_breaks_after.match(self.text, m.end()) or inside_url(m.start()):
                continue
            found.append(_Hashtag(m.start(), m.end(), tag))
        return found

    @cached_property
    def mention_matches(self) -> list[_Mention]:
        if "@" not in self.text and "＠" not in self.text:
            return []
        found: list[_Mention] = []
        inside_url = _inside(self.twitter_urls)
        for m in _rx().mention.finditer(self.text):
            if _rx().mention_breaks_after.match(self.text, m.end()) or inside_url(m.start()):
                continue
            handle = m.group("user") + (f"@{m.group('domain')}" if m.group("domain") else "")
            found.append(_Mention(m.start(), m.end(), handle))
        return found

    @cached_property
    def mastodon_length(self) -> int:
        """Graphemes after Mastodon's rewriting: each URL as 23 characters, @user@domain as @user."""
        entities: list[tuple[int, int, str]] = [
            (span.start, span.end, "x" * MASTODON_URL_LENGTH) for span in self.mastodon_urls
        ]
        if "@" in self.text:
            for m in _rx().mastodon_mention.finditer(self.text):
                if m.group("remote") and not _rx().mention_breaks_after.match(self.text, m.end()):
                    entities.append((m.start(), m.end(), "@" + m.group("user")))
        if not entities:
            return self.graphemes
        pieces: list[str] = []
        position = 0
        for start, end, replacement in sorted(entities):
            if start < position:  # overlapping entities: the first one wins (remove_overlapping_entities)
                continue
            pieces += [self.text[position:start], replacement]
            position = end
        pieces.append(self.text[position:])
        return _Text("".join(pieces)).graphemes


@lru_cache(maxsize=64)
def _analyse(text: str) -> _Text:
    return _Text(text)


def _inside(spans: Sequence[_Span]) -> Callable[[int], bool]:
    """A test: does the character at ``index`` belong to one of the (sorted, disjoint) spans?"""
    starts = [span.start for span in spans]

    def test(index: int) -> bool:
        k = bisect.bisect_right(starts, index) - 1
        return k >= 0 and index < spans[k].end

    return test


def _splits(spans: Sequence[_Span]) -> Callable[[int], bool]:
    """A test: would cutting before ``index`` split one of the (sorted, disjoint) spans?"""
    starts = [span.start for span in spans]

    def test(index: int) -> bool:
        k = bisect.bisect_left(starts, index) - 1
        return k >= 0 and index < spans[k].end

    return test


def _idna_ok(domain: str) -> str | None:
    """The domain as ASCII (punycode), or ``None`` when it is not a valid IDNA name."""
    if domain.isascii():
        return domain if all(0 < len(label) <= 63 for label in domain.split(".")) else None
    try:
        return domain.encode("idna").decode("ascii")
    except UnicodeError:
        return None


class _Window(NamedTuple):
    start: int
    end: int
    clusters: list[str]


def _window(text: str, first: int, last: int) -> _Window:
    """The grapheme clusters of a stretch of joining characters with one neighbour each side.

    Between two characters that cannot join, UAX #29 always breaks, so the stretch's clusters
    are the text's clusters there.
    """
    start, end = max(0, first - 1), min(len(text), last + 2)
    grapheme = _rx().grapheme
    if _FLAG_RUN.search(text, start, end) is None:
        return _Window(start, end, grapheme.findall(text, start, end))
    # ``regex``'s \X takes quadratic time on long runs of regional indicators (flags): cut such a
    # run after each complete pair but the last (always a cluster boundary) and segment the pieces.
    clusters: list[str] = []
    position = start
    for run in _FLAG_RUN.finditer(text, start, end):
        for cut in range(run.start() + 2, run.end() - 1, 2):
            clusters += grapheme.findall(text[position:cut])
            position = cut
    clusters += grapheme.findall(text[position:end])
    return _Window(start, end, clusters)


#: How far before its top-level domain a link can start: 20 subdomains and a name of 63
#: characters each with their dots, a protocol ("gemini://") and the character before it.
_MAX_DOMAIN_REACH: Final = 21 * 64 + 9 + 1


def _search_windows(text: str, tokens: Iterable[_Span]) -> Iterator[tuple[int, int]]:
    """(pos, endpos) to search for links in each token: from the whitespace before it (which the
    pattern consumes), or from as far before its first top-level domain as a link can reach."""
    tld_dot = _url_patterns().tld_dot
    for token in tokens:
        first = tld_dot.search(text, token.start, token.end)
        if first is not None:
            yield max(0, token.start - 1, first.start() - _MAX_DOMAIN_REACH), token.end


def _extract_twitter_urls(text: str, tokens: Iterable[_Span]) -> list[_Span]:
    """URLs as twitter-text's extractUrlsWithIndices finds them (with and without protocol).

    Only the ``tokens`` that may hold a link are searched (a link never contains whitespace;
    the search starts on the whitespace before the token, which twitter-text's pattern consumes).
    """
    patterns = _url_patterns()
    spans: list[_Span] = []
    matches = (m for start, end in _search_windows(text, tokens) for m in patterns.twitter.finditer(text, start, end))
    for m in matches:
        url, protocol, domain = m.group("url"), m.group("protocol"), m.group("domain")
        start, end = m.start("url"), m.end("url")
        ascii_domain = _idna_ok(domain)
        if ascii_domain is None:
            continue
        if len(protocol or _DEFAULT_PROTOCOL) + len(url) + len(ascii_domain) - len(domain) > _MAX_URL_LENGTH:
            continue
        if protocol:
            tco = patterns.tco.match(url)
            if tco is not None:
                if len(tco.group(1)) > _MAX_TCO_SLUG_LENGTH:
                    continue
                end = start + tco.end()
            spans.append(_Span(start, end))
            continue
        if m.group("before")[-1:] in ("-", "_", ".", "/"):
            continue
        # Without a protocol only ASCII(-Latin) domains count; "name.cctld" alone is not a link
        # (except .co and .tv), and a path belongs to the last domain found.
        path = bool(m.group("path"))
        for part in patterns.ascii_domain.finditer(domain):
            short = patterns.invalid_short_domain.match(part.group())
            if path or not short or patterns.special_short_domain.match(part.group()):
                spans.append(_Span(start + part.start(), start + part.end()))
        if path and spans and spans[-1].start >= start:
            spans[-1] = _Span(spans[-1].start, end)
    return spans


def _platform(platform: PlatformLike) -> Platform:
    try:
        return Platform(platform)
    except ValueError:
        known = ", ".join(p.value for p in Platform)
        raise ValueError(f"unknown platform {platform!r} (known: {known})") from None


# --------------------------------------------------------------------------------------------
# Counting
# --------------------------------------------------------------------------------------------


def grapheme_count(text: str) -> int:
    """User-perceived characters (UAX #29): "👍🏽" is 1, "🇹🇷" is 1, "İ" is 1."""
    return _analyse(text).graphemes


def utf8_length(text: str) -> int:
    """UTF-8 bytes; a lone surrogate counts 3 (as U+FFFD would)."""
    return _analyse(text).utf8


def utf16_length(text: str) -> int:
    """UTF-16 code units (what JavaScript's ``length`` says); a lone surrogate counts 1."""
    return _analyse(text).utf16


@lru_cache(maxsize=8)
def _weight_classes(config: TwitterTextConfig) -> tuple[tuple[int, re.Pattern[str]], ...]:
    """Per distinct range weight: (weight − default weight, pattern of code points *outside* it)."""
    classes: list[tuple[int, re.Pattern[str]]] = []
    for weight in sorted({w for _, _, w in config.ranges}):
        ranges = "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b, w in config.ranges if w == weight)
        classes.append((weight - config.default_weight, re.compile(f"[^{ranges}]")))
    return tuple(classes)


def _scaled_weight(text: str, config: TwitterTextConfig) -> int:
    total = config.default_weight * len(text)
    for delta, outside in _weight_classes(config):
        total += delta * (len(text) - len(outside.findall(text)))
    return total


def parse_x(text: str, *, config: TwitterTextConfig = TWITTER_TEXT_V3) -> XParse:
    """twitter-text ``parseTweet``: weighted length and validity of a post on X."""
    normalized = nfc(text)
    analysis = _analyse(normalized)
    entities: list[tuple[int, int, int, int]] = [  # start, kind (URL before emoji), end, scaled weight
        (span.start, 0, span.end, config.transformed_url_length * config.scale) for span in analysis.twitter_urls
    ]
    if config.emoji_parsing:
        entities += [(span.start, 1, span.end, config.default_weight) for span in analysis.emoji]
    total = _scaled_weight(normalized, config)
    position = 0
    replaced: list[str] = []
    for start, _, end, weight in sorted(entities):
        if start < position:  # inside the previous entity (twitter-text skips past it)
            continue
        total += weight
        replaced.append(normalized[start:end])
        position = end
    total -= _scaled_weight("".join(replaced), config)  # weights add up per code point
    weighted = total // config.scale
    valid = 0 < weighted <= config.max_weighted_length and _TWITTER_INVALID.search(normalized) is None
    return XParse(weighted, valid, weighted * 1000 // config.max_weighted_length)


def limit(platform: PlatformLike, *, has_media: bool = False) -> int | None:
    """The platform's main text limit (Telegram: 1,024 for a media caption); ``None`` for manual."""
    p = _platform(platform)
    if p is Platform.TELEGRAM and has_media:
        return TELEGRAM_CAPTION_LIMIT
    return _TEXT_LIMITS[p][1]


def _primary(p: Platform, text: str) -> int:
    unit = _TEXT_LIMITS[p][0]
    if p is Platform.X:
        return parse_x(text).weighted_length
    if p is Platform.MASTODON:
        return _analyse(text).mastodon_length
    if unit is Unit.GRAPHEMES:
        return _analyse(text).graphemes
    return _analyse(text).utf16


def measure(platform: PlatformLike, text: str) -> int:
    """The length of ``text`` as ``platform`` counts it, in that platform's main unit (see module doc)."""
    return _primary(_platform(platform), text)


def counts(platform: PlatformLike, text: str, *, has_media: bool = False) -> tuple[Count, ...]:
    """Every counter for ``platform``: one, or two for Bluesky (graphemes and UTF-8 bytes)."""
    p = _platform(platform)
    main = Count(_TEXT_LIMITS[p][0], _primary(p, text), limit(p, has_media=has_media))
    if p is Platform.BLUESKY:
        return (main, Count(Unit.UTF8_BYTES, _analyse(text).utf8, BLUESKY_MAX_BYTES))
    return (main,)


# --------------------------------------------------------------------------------------------
# Entities
# --------------------------------------------------------------------------------------------


def hashtags(text: str) -> list[str]:
    """The hashtags in order, without "#", once each (Turkish case-insensitive; first spelling kept).

    A hashtag is "#" followed by letters, digits and "_" with at least one letter; it ends at an
    apostrophe ("#Ankara'da" → "Ankara") or any other character, and is not one when "#" follows
    a letter or digit ("a#b") or sits inside a link.
    """
    if "#" not in text and "＃" not in text:
        return []  # the usual case while typing; skips building the text's analysis
    seen: set[str] = set()
    result: list[str] = []
    for found in _analyse(text).hashtag_matches:
        if not _rx().has_letter.search(found.tag):
            continue
        key = casefold_tr(found.tag)
        if key not in seen:
            seen.add(key)
            result.append(found.tag)
    return result


def mentions(text: str) -> list[str]:
    """The @-mentions in order, without "@", once each (case-insensitive; first spelling kept).

    Handles are ASCII letters, digits, "_" and inner "." or "-" ("ankara.bb", "name.bsky.social"),
    optionally with a Mastodon instance ("user@mastodon.social"). E-mail addresses and "@" inside
    links are not mentions.
    """
    seen: set[str] = set()
    result: list[str] = []
    for found in _analyse(text).mention_matches:
        key = found.handle.casefold()
        if key not in seen:
            seen.add(key)
            result.append(found.handle)
    return result


def urls(text: str) -> list[str]:
    """The links X would detect (twitter-text), in order: with a protocol or as a bare domain."""
    return [text[span.start : span.end] for span in _analyse(text).twitter_urls]


def camel_case_hashtag(words: str) -> str:
    """A readable hashtag (without "#") from words, capitalised the Turkish way.

    "izmir büyükşehir belediyesi" → "İzmirBüyükşehirBelediyesi"; "Ankara'nın sesi" → "AnkaranınSesi";
    acronyms stay ("TBMM genel kurulu" → "TBMMGenelKurulu") unless everything is in capitals.
    Returns "" when no letter is left (a hashtag needs one).
    """
    text = regex.sub(r"['’ʼ`´]", "", nfc(words))
    tokens = regex.findall(r"[\p{L}\p{M}\p{Nd}]+", text)
    if not any(_rx().has_letter.search(token) for token in tokens):
        return ""
    all_caps = len(tokens) > 1 and all(token == tr_upper(token) for token in tokens)
    pieces: list[str] = []
    for token in tokens:
        if all_caps:
            pieces.append(tr_upper(token[:1]) + tr_lower(token[1:]))
        else:
            pieces.append(tr_upper(token[:1]) + token[1:])
    return "".join(pieces)


# --------------------------------------------------------------------------------------------
# Checking
# --------------------------------------------------------------------------------------------


def _character_problems(p: Platform, analysis: _Text) -> list[Problem]:
    """Invalid (blocking) and hidden (warning) characters, one problem per reason."""
    by_reason = dict(analysis.suspicious.by_reason)
    bom = analysis.suspicious.bom
    problems: list[Problem] = []
    if bom is not None:
        if p is Platform.X:  # twitter-text refuses U+FEFF
            problems.append(_character_problem(analysis.text, Reason.ZERO_WIDTH, *bom, invalid=True))
        else:
            count, first = by_reason.get(Reason.ZERO_WIDTH, (0, len(analysis.text)))
            by_reason[Reason.ZERO_WIDTH] = (count + bom[0], min(first, bom[1]))
    for reason, (count, first) in by_reason.items():
        problems.append(_character_problem(analysis.text, reason, count, first, invalid=reason in _UNSENDABLE))
    return problems


def _character_problem(text: str, reason: Reason, count: int, first: int, *, invalid: bool) -> Problem:
    return Problem(
        ProblemCode.INVALID_CHARACTER if invalid else ProblemCode.HIDDEN_CHARACTER,
        Severity.BLOCKING if invalid else Severity.WARNING,
        count=count,
        start=first,
        end=first + 1,
        detail=f"U+{ord(text[first]):04X}",
        reason=reason,
    )


def _hashtag_problems(p: Platform, analysis: _Text) -> list[Problem]:
    text = analysis.text
    problems = [
        Problem(
            ProblemCode.INVALID_HASHTAG,
            Severity.WARNING,
            start=found.start,
            end=found.end,
            detail=text[found.start : found.end],
            reason=reason,
        )
        for found, reason in analysis.hashtag_issues
    ]
    if p is Platform.BLUESKY:
        for found in analysis.hashtag_matches:
            length = grapheme_count(found.tag)
            if length > BLUESKY_TAG_MAX_GRAPHEMES and _rx().has_letter.search(found.tag):
                problems.append(
                    Problem(
                        ProblemCode.INVALID_HASHTAG,
                        Severity.WARNING,
                        count=length,
                        limit=BLUESKY_TAG_MAX_GRAPHEMES,
                        unit=Unit.GRAPHEMES,
                        start=found.start,
                        end=found.end,
                        detail=text[found.start : found.end],
                        reason=Reason.TAG_TOO_LONG,
                    )
                )
        problems.sort(key=lambda problem: problem.start or 0)
    return problems


def check(platform: PlatformLike, text: str, *, has_media: bool = False) -> list[Problem]:
    """What stands between ``text`` and a good post on ``platform``: blocking problems first.

    ``has_media``: the post carries images or video (text may then be empty; Telegram's limit is
    the 1,024 of a caption; Instagram needs media). Hashtag and mention limits count every
    occurrence (the platforms do not say whether repeats count; this errs on the safe side).
    """
    p = _platform(platform)
    analysis = _analyse(text)
    problems: list[Problem] = []
    if p is Platform.INSTAGRAM and not has_media:
        problems.append(Problem(ProblemCode.MEDIA_REQUIRED, Severity.BLOCKING))
    if not has_media and not text.strip():
        problems.append(Problem(ProblemCode.EMPTY, Severity.BLOCKING))
    for count in counts(p, text, has_media=has_media):
        if count.over:
            problems.append(
                Problem(ProblemCode.TOO_LONG, Severity.BLOCKING, count=count.used, limit=count.limit, unit=count.unit)
            )
    tag_limit = HASHTAG_LIMITS.get(p)
    if tag_limit is not None:
        tag_count = sum(1 for found in analysis.hashtag_matches if _rx().has_letter.search(found.tag))
        if tag_count > tag_limit:
            problems.append(Problem(ProblemCode.TOO_MANY_HASHTAGS, Severity.BLOCKING, count=tag_count, limit=tag_limit))
    mention_limit = MENTION_LIMITS.get(p)
    if mention_limit is not None and len(analysis.mention_matches) > mention_limit:
        problems.append(
            Problem(
                ProblemCode.TOO_MANY_MENTIONS,
                Severity.BLOCKING,
                count=len(analysis.mention_matches),
                limit=mention_limit,
            )
        )
    characters = _character_problems(p, analysis)
    problems += [problem for problem in characters if problem.severity is Severity.BLOCKING]
    problems += _hashtag_problems(p, analysis)
    problems += [problem for problem in characters if problem.severity is Severity.WARNING]
    return problems


# --------------------------------------------------------------------------------------------
# Threads
# --------------------------------------------------------------------------------------------

#: Abbreviations after which "." does not end a sentence (Turkish public-sector texts).
_ABBREVIATIONS: Final = frozenset(
    casefold_tr(word)
    for word in (
        *("Apt", "Av", "Bkz", "Blv", "Bşk", "Cad", "Doç", "Dr", "Gör", "Ltd", "Mah", "Md", "Müd", "Müh"),
        *("No", "Op", "Öğr", "Prof", "Sn", "Sok", "St", "Şti", "Tel", "Uzm", "vb", "vd", "vs", "Yrd"),
    )
)
_SENTENCE_END: Final = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s)")
_WORD_BEFORE: Final = re.compile(r"[^\W_]+\Z")


class _Break(NamedTuple):
    end: int  #: the part ends here (exclusive)
    resume: int  #: the next part starts here
    sentence: bool


def _breaks(body: str) -> list[_Break]:
    """Where a part may end: at every run of whitespace; sentence ends and line breaks marked."""
    sentence_ends: set[int] = set()
    for m in _SENTENCE_END.finditer(body):
        if m.group() == ".":
            word = _WORD_BEFORE.search(body[max(0, m.start() - 16) : m.start()])
            if word is not None and (word.group().isdigit() or casefold_tr(word.group()) in _ABBREVIATIONS):
                continue  # "23. Nisan", "Atatürk Cad. No: 5"
        sentence_ends.add(m.end())
    found: list[_Break] = []
    for space in _SPACE_RUN.finditer(body):
        sentence = space.start() in sentence_ends or "\n" in space.group()
        found.append(_Break(space.start(), space.end(), sentence))
    found.append(_Break(len(body), len(body), sentence=True))
    return found


def _fits(p: Platform, part: str) -> bool:
    """Whether ``part`` is within every text limit of ``p`` (a thread platform)."""
    return all(not count.over for count in counts(p, part))


def _last_fitting(candidates: Sequence[int], fits: Callable[[int], bool]) -> int:
    """Index of the last candidate that fits, by galloping then bisecting; -1 if the first does not."""
    if not candidates or not fits(candidates[0]):
        return -1
    good, step = 0, 1
    while good + step < len(candidates) and fits(candidates[good + step]):
        good += step
        step *= 2
    bad = min(good + step, len(candidates))
    while bad - good > 1:
        middle = (good + bad) // 2
        if fits(candidates[middle]):
            good = middle
        else:
            bad = middle
    return good


def _pack(
    p: Platform, body: str, breaks: list[_Break], links: Sequence[_Span], total: int | None, offset: int = 0
) -> list[str]:
    """Greedy split of ``body``; with ``total``, each part gets the suffix " (offset+i/total)".

    Every word, space or grapheme outside a link adds at least 1 to a length, so a part never
    holds more than ``limit + 1`` of them: only that many candidates are tried, and a slice far
    longer than the limit is first judged by a prefix (links kept whole) before being measured.
    """
    splits_link = _splits(links)
    link_end = {span.start: span.end for span in links}
    link_starts = sorted(link_end)
    most = (_TEXT_LIMITS[p][1] or 0) + 2
    reach = 8 * most
    ends = [b.end for b in breaks]
    parts: list[str] = []
    start = 0
    while start < len(body):
        suffix = f" ({offset + len(parts) + 1}/{total})" if total is not None else ""

        def fits(end: int, start: int = start, suffix: str = suffix) -> bool:
            if end - start > reach:
                probe = start + reach
                if splits_link(probe):  # move the probe past the link it would cut
                    probe = link_end[link_starts[bisect.bisect_left(link_starts, probe) - 1]]
                if probe < end and not _fits(p, body[start:probe]):
                    return False
            return _fits(p, body[start:end] + suffix)

        first = bisect.bisect_right(ends, start)
        options = breaks[first : first + most]
        chosen = _last_fitting([b.end for b in options], fits)
        if chosen >= 0:
            best = options[chosen]
            for b in reversed(options[: chosen + 1]):  # prefer a sentence end if the part stays half full
                if b.sentence and (b.end - start) * 2 >= best.end - start:
                    best = b
                    break
            parts.append(body[start : best.end] + suffix)
            start = best.resume
            continue
        # The next word alone does not fit: cut it between graphemes, but not inside a link.
        cuts: list[int] = []
        for cluster in _rx().grapheme.finditer(body, start, options[0].end):
            if not splits_link(cluster.end()):
                cuts.append(cluster.end())
                if len(cuts) >= most:
                    break
        # A link, or a grapheme, longer than the whole limit goes whole into a part of its own.
        cut = cuts[max(_last_fitting(cuts, fits), 0)]
        parts.append(body[start:cut] + suffix)
        start = cut
        while start < len(body) and body[start].isspace():
            start += 1
    return parts


def split_thread(platform: PlatformLike, text: str, *, numbered: bool = True) -> list[str]:
    """``text`` as consecutive posts that each fit ``platform`` (x, bluesky or mastodon).

    Splits at sentence ends where that keeps a part at least half full, else between words,
    else between graphemes; never inside a link (a link longer than the whole limit, possible
    on Bluesky only, becomes a part of its own that is still too long, which :func:`check`
    reports). With ``numbered`` each part ends in " (1/3)", counted in the limit. A text that
    fits is returned as it is (stripped) in one part, unnumbered; an empty text gives ``[]``.
    """
    return split_thread_pieces(platform, [text], numbered=numbered)


def split_thread_pieces(platform: PlatformLike, pieces: Sequence[str], *, numbered: bool = True) -> list[str]:
    """Like :func:`split_thread`, for a text the person already cut into ``pieces``: each piece
    starts a new part and is split further where it does not fit; numbering runs over all parts.
    A single piece that fits is returned unnumbered."""
    p = _platform(platform)
    if p not in THREAD_PLATFORMS:
        raise ValueError(f"{p.value} has no threads (only {', '.join(sorted(THREAD_PLATFORMS))})")
    bodies = [piece.strip() for piece in pieces if piece.strip()]
    if not bodies:
        return []
    if len(bodies) == 1 and _fits(p, bodies[0]):
        return bodies
    prepared = []
    for body in bodies:
        analysis = _Text(body)
        # Links as the platform sees them (X: twitter-text's; elsewhere any link found).
        links = analysis.twitter_urls if p is Platform.X else _merge(analysis.twitter_urls + analysis.mastodon_urls)
        prepared.append((body, _breaks(body), links))

    def pack(total: int | None) -> list[str]:
        parts: list[str] = []
        for body, breaks, links in prepared:
            parts += _pack(p, body, breaks, links, total, offset=len(parts))
        return parts

    if not numbered:
        return pack(None)
    # The suffix's length depends on how many digits the total has: split assuming a total,
    # and again if the parts need more digits than assumed.
    assumed = 9
    parts = pack(assumed)
    while len(str(len(parts))) > len(str(assumed)):
        assumed = len(parts)
        parts = pack(assumed)
    total = len(parts)  # as many digits as assumed or fewer: the parts still fit
    return [part[: part.rindex(" (")] + f" ({index}/{total})" for index, part in enumerate(parts, 1)]


def _merge(spans: Iterable[_Span]) -> list[_Span]:
    """Sorted, overlapping spans joined."""
    merged: list[_Span] = []
    for span in sorted(spans):
        if merged and span.start < merged[-1].end:
            merged[-1] = _Span(merged[-1].start, max(merged[-1].end, span.end))
        else:
            merged.append(span)
    return merged
