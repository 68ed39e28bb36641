"""The reliability checklist before a post is scheduled (seed chapter 3, "doğru bilgi").

Six items, each ``pass``, ``warn`` or ``fail`` (or ``pending`` while a background check runs,
``unknown`` when it could not run, e.g. links while offline):

- **source**: a source reference; required for announcements and crisis posts, asked for when
  the text states figures (percentages, amounts, counts).
- **alt_text**: every image has a description for screen readers (missing: fail; a file name or
  a word like "görsel": warn). Every platform but Telegram passes it on (Facebook Page photos as
  ``alt_text_custom``, see ``rules/alt_text.py``): only when all the chosen channels are ones
  with no alt text field is a missing one a warning, saying the text must carry the facts.
- **links**: every link answers (checked in the background, only when online).
- **spelling**: Turkish spelling with the shipped dictionary and the institution's own words.
- **wording**: nothing celebratory on a day of commemoration or national mourning.
- **consent**: photos of recognisable people have consent recorded (KVKK); children's faces
  need their parents' written consent or blurring (fail otherwise).

A ``fail`` blocks scheduling until fixed. A ``warn`` does not block (as the composer's other
warnings): it stays open in the list until fixed or overridden with a note, which is kept in the
audit log. ``pending`` and ``unknown`` never block: offline work goes on.

Pure: the caller gathers the facts (texts, media facts, link and spelling results); nothing
here does I/O. Messages are codes with values; the UI words them in the chosen language.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from kurum_masaustu.domain import Category, Platform
from kurum_masaustu.rules.alt_text import NO_ALT_TEXT
from kurum_masaustu.rules.turkish import search_key


class Status(StrEnum):
    PASS = "pass"
    WARN = "warn"
    FAIL = "fail"
    PENDING = "pending"
    UNKNOWN = "unknown"


class ItemKey(StrEnum):
    SOURCE = "source"
    ALT_TEXT = "alt_text"
    LINKS = "links"
    SPELLING = "spelling"
    WORDING = "wording"
    CONSENT = "consent"


ORDER = tuple(ItemKey)


@dataclass(frozen=True)
class Item:
    """One line of the checklist. ``code`` says why (the UI words it), ``values`` are the
    words, names or links concerned."""

    key: ItemKey
    status: Status
    code: str
    values: tuple[str, ...] = ()

    @property
    def signature(self) -> str:
        """What an override note was written for: a new problem needs a new note."""
        return "|".join((self.key.value, self.status.value, self.code, *self.values))


@dataclass(frozen=True)
class MediaFacts:
    """What the checklist needs to know about one attached file."""

    name: str
    is_image: bool
    alt_text: str = ""
    shows_people: bool | None = None  # None: not answered yet
    people_consent: bool = False
    shows_children: bool = False
    children_consent: bool = False
    children_blurred: bool = False


class LinkState(StrEnum):
    OK = "ok"
    BROKEN = "broken"  # the server answered with an error (404, 410, 500…)
    UNREACHABLE = "unreachable"  # no answer: name unknown, refused, timed out
    OFFLINE = "offline"  # this computer is offline: not checked
    PENDING = "pending"  # being checked


@dataclass(frozen=True)
class LinkResult:
    url: str
    state: LinkState
    status_code: int | None = None


# -- source -----------------------------------------------------------------------------------

#: Categories whose posts always need a source reference (the official text they announce).
SOURCE_REQUIRED = frozenset({Category.ANNOUNCEMENT, Category.CRISIS})

_UNITS = (
    "kişi|vatandaş|hane|konut|daire|ton|km|kilometre|metre|m²|m2|m³|adet|ağaç|fidan|öğrenci|araç|"
    "aile|çocuk|sefer|litre|lt|dönüm|hektar|kg|kilogram|noktada|noktası|mahallede|sokakta|personel"
)
_FIGURES = re.compile(
    r"%\s?\d+(?:[.,]\d+)?"  # %40
    r"|\b\d+(?:[.,]\d+)?\s?%"  # 40%
    r"|\byüzde\s+\d+(?:[.,]\d+)?"  # yüzde 40
    r"|\b\d[\d.,]*\s?(?:TL|₺|lira|milyon|milyar|bin)\b"  # 2,5 milyon, 300 TL
    r"|₺\s?\d[\d.,]*"
    r"|\b\d{1,3}(?:\.\d{3})+\b(?!\.\d)"  # 12.500 (not a date 12.05.2026)
    rf"|\b\d[\d.,]*\s(?:{_UNITS})\w*",  # 1200 hane, 35 km
    re.IGNORECASE,
)
_SOURCE_IN_TEXT = re.compile(r"(?:^|\n)\s*(?:kaynak|source)\s*:\s*\S", re.IGNORECASE)


def figures(text: str) -> list[str]:
    """Figures the text states (amounts, percentages, counts), in order, each once."""
    found = [m.group(0).strip() for m in _FIGURES.finditer(text)]
    return list(dict.fromkeys(found))


def source_item(category: Category, text: str, source_reference: str) -> Item:
    if source_reference.strip() or _SOURCE_IN_TEXT.search(text):
        return Item(ItemKey.SOURCE, Status.PASS, "given")
    if category in SOURCE_REQUIRED:
        return Item(ItemKey.SOURCE, Status.FAIL, "required")
    stated = figures(text)
    if stated:
        return Item(ItemKey.SOURCE, Status.WARN, "figures", tuple(stated[:5]))
    return Item(ItemKey.SOURCE, Status.PASS, "not_needed")


# -- alt text ---------------------------------------------------------------------------------

_FILE_NAME = re.compile(r"^\S+\.(?:jpe?g|png|webp|gif|heic|heif)$|^(?:img|dsc|pxl|image|photo)[_-]?\d+", re.I)
#: Descriptions that describe nothing (search-folded).
_EMPTY_WORDS = frozenset({"gorsel", "resim", "fotograf", "foto", "image", "photo", "picture", "afis", "gorseli"})
MIN_ALT_LENGTH = 10


def weak_alt_text(alt: str) -> bool:
    """A description a screen reader user learns nothing from: a file name, one generic word,
    or a few letters."""
    text = alt.strip()
    if _FILE_NAME.search(text):
        return True
    if search_key(text).strip(" .:") in _EMPTY_WORDS:
        return True
    return len(text) < MIN_ALT_LENGTH


def alt_text_item(media: Sequence[MediaFacts], platforms: Iterable[Platform] = ()) -> Item:
    """``platforms``: the chosen channels' platforms (none chosen yet: treated as taking it)."""
    images = [m for m in media if m.is_image]
    if not images:
        return Item(ItemKey.ALT_TEXT, Status.PASS, "no_images")
    missing = tuple(m.name for m in images if not m.alt_text.strip())
    if missing:
        chosen = set(platforms)
        if chosen and chosen <= NO_ALT_TEXT:  # nobody would receive it: the text must say it
            return Item(ItemKey.ALT_TEXT, Status.WARN, "not_sent", missing)
        return Item(ItemKey.ALT_TEXT, Status.FAIL, "missing", missing)
    weak = tuple(m.name for m in images if weak_alt_text(m.alt_text))
    if weak:
        return Item(ItemKey.ALT_TEXT, Status.WARN, "weak", weak)
    return Item(ItemKey.ALT_TEXT, Status.PASS, "all")


# -- links ------------------------------------------------------------------------------------

_SCHEME_URL = re.compile(r"https?://[^\s<>\"'«»]+", re.IGNORECASE)
_TRAILING = ".,;:!?)]}’”"


def links(text: str) -> list[str]:
    """The links to check, in order, each once: every ``http(s)://`` address as written (also
    an address the platforms would not turn into a link, such as an IP address), and bare
    domains as X detects them (``ornek.bel.tr/duyuru``)."""
    found: list[tuple[int, str]] = []
    starts: list[int] = []
    ends: list[int] = []
    for match in _SCHEME_URL.finditer(text):
        url = match.group(0).rstrip(_TRAILING)
        found.append((match.start(), url))
        starts.append(match.start())
        ends.append(match.start() + len(url))
    if "." in text:
        from kurum_masaustu.rules.text import _analyse

        for span in _analyse(text).twitter_urls:
            inside = bisect_right(starts, span.start) - 1
            if inside < 0 or span.start >= ends[inside]:
                found.append((span.start, text[span.start : span.end]))
    return list(dict.fromkeys(url for _start, url in sorted(found)))


def links_item(urls: Sequence[str], results: Mapping[str, LinkResult]) -> Item:
    if not urls:
        return Item(ItemKey.LINKS, Status.PASS, "no_links")
    states = [results.get(url, LinkResult(url, LinkState.PENDING)) for url in urls]
    bad = tuple(r.url for r in states if r.state in (LinkState.BROKEN, LinkState.UNREACHABLE))
    if bad:
        return Item(ItemKey.LINKS, Status.WARN, "unreachable", bad)
    if any(r.state is LinkState.OFFLINE for r in states):
        return Item(ItemKey.LINKS, Status.UNKNOWN, "offline", tuple(urls))
    if any(r.state is LinkState.PENDING for r in states):
        return Item(ItemKey.LINKS, Status.PENDING, "checking", tuple(urls))
    return Item(ItemKey.LINKS, Status.PASS, "reachable", tuple(urls))


# -- spelling ---------------------------------------------------------------------------------


def spelling_item(unknown: Sequence[str] | None, *, available: bool = True) -> Item:
    """``unknown`` is None while the check runs; ``available`` is False without a dictionary."""
    if not available:
        return Item(ItemKey.SPELLING, Status.UNKNOWN, "no_dictionary")
    if unknown is None:
        return Item(ItemKey.SPELLING, Status.PENDING, "checking")
    if unknown:
        return Item(ItemKey.SPELLING, Status.WARN, "unknown_words", tuple(unknown))
    return Item(ItemKey.SPELLING, Status.PASS, "ok")


# -- wording ----------------------------------------------------------------------------------


def wording_item(found: Sequence[str], *, mourning: bool, commemoration: str | None) -> Item:
    """``found``: the celebratory words and emoji in the text (:func:`rules.tone.celebratory`)."""
    if not mourning and not commemoration:
        return Item(ItemKey.WORDING, Status.PASS, "ordinary_day")
    words = tuple(dict.fromkeys(found))
    if not words:
        return Item(ItemKey.WORDING, Status.PASS, "fits_the_day")
    if mourning:
        return Item(ItemKey.WORDING, Status.WARN, "mourning", words)
    return Item(ItemKey.WORDING, Status.WARN, "commemoration", (commemoration or "", *words))


# -- consent ----------------------------------------------------------------------------------


def consent_item(media: Sequence[MediaFacts]) -> Item:
    """Photos and videos alike: both show people (KVKK makes no difference)."""
    images = list(media)
    if not images:
        return Item(ItemKey.CONSENT, Status.PASS, "no_media")
    children = tuple(m.name for m in images if m.shows_children and not (m.children_consent or m.children_blurred))
    if children:
        return Item(ItemKey.CONSENT, Status.FAIL, "children", children)
    unanswered = tuple(m.name for m in images if m.shows_people is None and not m.shows_children)
    if unanswered:
        return Item(ItemKey.CONSENT, Status.WARN, "unanswered", unanswered)
    adults = tuple(m.name for m in images if m.shows_people and not m.people_consent)
    if adults:
        return Item(ItemKey.CONSENT, Status.WARN, "no_consent", adults)
    return Item(ItemKey.CONSENT, Status.PASS, "recorded")


# -- the whole list ---------------------------------------------------------------------------


def blocking(items: Sequence[Item]) -> list[Item]:
    """Items that stop scheduling: every fail (a fail cannot be overridden)."""
    return [item for item in items if item.status is Status.FAIL]


def open_warnings(items: Sequence[Item], overrides: Mapping[str, str]) -> list[Item]:
    """Warnings without an override note for exactly that warning (``overrides`` maps
    :attr:`Item.signature` to the note); they are shown, and do not stop scheduling."""
    return [item for item in items if item.status is Status.WARN and not overrides.get(item.signature, "").strip()]
