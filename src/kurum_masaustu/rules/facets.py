"""Bluesky rich-text facets: links, #hashtags and @mentions found in a post's text. Pure.

A facet marks a slice of the text by **UTF-8 byte offsets** (``byteStart`` inclusive,
``byteEnd`` exclusive; ``app.bsky.richtext.facet``), not by Python string indices: "Çöp 🇹🇷"
is 5 characters but 11 bytes. The server detects nothing itself, so the client sends every
link, tag and mention as a facet; a mention carries the account's DID, which the caller
resolves from the handle (``com.atproto.identity.resolveHandle``) and passes to
:meth:`Facet.to_record`.

Detection follows the Bluesky app's rules, tuned for Turkish:

- links: ``http(s)://…`` and bare domains with a known top-level domain (``ankara.bel.tr``),
  without trailing sentence punctuation, an unbalanced ``)`` or a Turkish suffix after an
  apostrophe (``ankara.bel.tr'den`` links ``ankara.bel.tr``);
- hashtags: ``#`` (or the full-width ``＃``) after a space, the start or an opening bracket,
  then letters (Turkish ones included), marks, digits and ``_``; the tag ends at an
  apostrophe (``#Ankara'da`` → ``Ankara``) or any other punctuation; all-digit tags
  (``#123``) and tags longer than 64 graphemes are not tags;
- mentions: ``@`` and a syntactically valid handle (``belediye.bsky.social``), a final
  sentence dot or a Turkish suffix after an apostrophe excluded.

Grapheme counting (what Bluesky's 300-grapheme limit counts) uses the ``regex`` module's
``\\X`` (extended grapheme clusters: 👨‍👩‍👧 and 🇹🇷 are one each).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import regex

#: Bluesky's post limits (``app.bsky.feed.post``: ``maxGraphemes`` 300, ``maxLength`` 3000).
MAX_POST_GRAPHEMES = 300
MAX_POST_BYTES = 3000
#: ``app.bsky.richtext.facet#tag``: ``maxGraphemes`` 64, ``maxLength`` 640.
MAX_TAG_GRAPHEMES = 64
MAX_TAG_BYTES = 640
#: Handles are domain names: at most 253 characters.
MAX_HANDLE_LENGTH = 253

FACET_TYPE = "app.bsky.richtext.facet"

_GRAPHEME = regex.compile(r"\X")

# What may stand right before a link, a tag or a mention: the start, white space or an
# opening bracket or quote. Not a letter (``a#b``), not ``/`` (``https://x/#frag``), not ``@``.
_BEFORE = r"(?<![^\s(\[{\"“«‘'<])"

_URL = regex.compile(_BEFORE + r"(?P<url>https?://[^\s<>\"“”«»]+)", regex.IGNORECASE)
_BARE_DOMAIN = regex.compile(
    _BEFORE
    + r"(?P<url>(?:www\.)?(?P<domain>(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?P<tld>[a-z]{2,24}))"
    + r"(?![a-z0-9-]|@)(?P<path>/[^\s<>\"“”«»]*)?)",
    regex.IGNORECASE,
)
_TAG = regex.compile(_BEFORE + r"(?P<tag>[#＃](?P<name>[\p{L}\p{N}_][\p{L}\p{M}\p{N}_]*))(?![\p{L}\p{M}\p{N}_#＃@])")
_MENTION = regex.compile(
    _BEFORE + r"(?P<mention>@(?P<handle>[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?))(?![\p{L}\p{N}_@])",
    regex.IGNORECASE,
)
_HANDLE = regex.compile(
    r"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$", regex.IGNORECASE
)
# A Turkish suffix after an apostrophe ("…tr'den", "…social’a") ends a link or a handle.
_TURKISH_SUFFIX = regex.compile(r"['’][\p{L}]+$")
_TRAILING_PUNCT = ".,;:!?'’\"”»…"

# Top-level domains a bare domain may end with (a link written as ``https://…`` may use any).
# Turkish public bodies use .tr and its second levels; the rest are the common generic ones.
_KNOWN_TLDS = frozenset(
    [
        "tr",
        "com",
        "net",
        "org",
        "edu",
        "gov",
        "int",
        "mil",
        "info",
        "biz",
        "name",
        "pro",
        "mobi",
        "app",
        "dev",
        "io",
        "ai",
        "co",
        "me",
        "tv",
        "eu",
        "de",
        "fr",
        "uk",
        "nl",
        "be",
        "at",
        "ch",
        "it",
        "es",
        "pt",
        "se",
        "no",
        "dk",
        "fi",
        "pl",
        "cz",
        "gr",
        "ro",
        "bg",
        "hu",
        "ru",
        "ua",
        "az",
        "ge",
        "us",
        "ca",
        "au",
        "jp",
        "cn",
        "kr",
        "in",
        "br",
        "mx",
        "ar",
        "za",
        "ir",
        "iq",
        "sa",
        "ae",
        "qa",
        "kz",
        "uz",
        "tm",
        "kg",
        "cy",
        "news",
        "online",
        "site",
        "blog",
        "shop",
        "store",
        "tech",
        "xyz",
        "club",
        "live",
        "social",
        "media",
    ]
)


class FacetKind(StrEnum):
    LINK = "link"
    TAG = "tag"
    MENTION = "mention"


@dataclass(frozen=True)
class Facet:
    """One detected span: ``value`` is the link's URI, the tag without ``#`` or the handle without ``@``."""

    kind: FacetKind
    byte_start: int
    byte_end: int
    value: str

    def to_record(self, did: str | None = None) -> dict[str, Any]:
        """The facet as ``app.bsky.richtext.facet`` JSON. A mention needs the account's ``did``."""
        feature: dict[str, Any]
        if self.kind is FacetKind.LINK:
            feature = {"$type": f"{FACET_TYPE}#link", "uri": self.value}
        elif self.kind is FacetKind.TAG:
            feature = {"$type": f"{FACET_TYPE}#tag", "tag": self.value}
        else:
            if not did:
                raise ValueError("a mention facet needs the account's DID")
            feature = {"$type": f"{FACET_TYPE}#mention", "did": did}
        return {
            "$type": FACET_TYPE,
            "index": {"byteStart": self.byte_start, "byteEnd": self.byte_end},
            "features": [feature],
        }


# -- counting ---------------------------------------------------------------------------------
def graphemes(text: str) -> list[str]:
    """The text's extended grapheme clusters (what a person sees as one character)."""
    return [str(cluster) for cluster in _GRAPHEME.findall(text)]


def grapheme_count(text: str) -> int:
    return len(graphemes(text))


def utf8_length(text: str) -> int:
    return len(text.encode("utf-8"))


def grapheme_boundaries(text: str) -> frozenset[int]:
    """Every UTF-8 byte offset at which a grapheme starts or the text ends (0 included)."""
    offsets = {0}
    position = 0
    for cluster in graphemes(text):
        position += utf8_length(cluster)
        offsets.add(position)
    return frozenset(offsets)


def fits_post(text: str) -> bool:
    """True if ``text`` is within Bluesky's limits: 300 graphemes and 3,000 UTF-8 bytes."""
    return utf8_length(text) <= MAX_POST_BYTES and grapheme_count(text) <= MAX_POST_GRAPHEMES


def is_valid_handle(handle: str) -> bool:
    """A syntactically valid atproto handle (a domain name with at least two labels)."""
    return len(handle) <= MAX_HANDLE_LENGTH and bool(_HANDLE.match(handle))


# -- detection --------------------------------------------------------------------------------
def _byte_span(text: str, start: int, end: int) -> tuple[int, int]:
    byte_start = utf8_length(text[:start])
    return byte_start, byte_start + utf8_length(text[start:end])


def _trim_link(url: str) -> str:
    """Drop what a sentence adds after a link: punctuation, an unbalanced ")", a Turkish suffix."""
    while True:
        before = url
        url = _TURKISH_SUFFIX.sub("", url)
        url = url.rstrip(_TRAILING_PUNCT)
        if url.endswith(")") and url.count("(") < url.count(")"):
            url = url[:-1]
        if url == before:
            return url


def _links(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, uri) in string indices, explicit links first, then bare domains."""
    taken: list[tuple[int, int]] = []
    for match in _URL.finditer(text):
        url = _trim_link(str(match.group("url")))
        if not url.split("://", 1)[1].strip("/"):
            continue  # a scheme and nothing else
        start = int(match.start("url"))
        taken.append((start, start + len(url)))
        yield start, start + len(url), url
    for match in _BARE_DOMAIN.finditer(text):
        start = int(match.start("url"))
        if any(a <= start < b for a, b in taken):
            continue
        if str(match.group("tld")).lower() not in _KNOWN_TLDS:
            continue
        url = _trim_link(str(match.group("url")))
        yield start, start + len(url), "https://" + url


def detect_facets(text: str) -> list[Facet]:
    """Links, hashtags and mentions in ``text``, ordered by position, never overlapping."""
    found: list[tuple[int, int, FacetKind, str]] = []
    for start, end, uri in _links(text):
        found.append((start, end, FacetKind.LINK, uri))

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b, _kind, _value in found)

    for match in _TAG.finditer(text):
        name = str(match.group("name"))
        if regex.fullmatch(r"[\p{N}_]+", name):
            continue  # "#1", "#2026": a number, not a tag
        if grapheme_count(name) > MAX_TAG_GRAPHEMES or utf8_length(name) > MAX_TAG_BYTES:
            continue
        start, end = int(match.start("tag")), int(match.end("tag"))
        if free(start, end):
            found.append((start, end, FacetKind.TAG, name))
    for match in _MENTION.finditer(text):
        handle = str(match.group("handle"))
        start = int(match.start("mention"))
        handle = handle.rstrip(".-")
        if not is_valid_handle(handle):
            continue
        end = start + 1 + len(handle)
        if free(start, end):
            found.append((start, end, FacetKind.MENTION, handle.lower()))

    facets = []
    for start, end, kind, value in sorted(found, key=lambda item: item[0]):
        byte_start, byte_end = _byte_span(text, start, end)
        facets.append(Facet(kind, byte_start, byte_end, value))
    return facets


def mention_handles(facets: Iterable[Facet]) -> list[str]:
    """The distinct handles mentioned, in order of first appearance."""
    seen: dict[str, None] = {}
    for facet in facets:
        if facet.kind is FacetKind.MENTION:
            seen.setdefault(facet.value, None)
    return list(seen)


def slice_bytes(text: str, byte_start: int, byte_end: int) -> str:
    """The text a facet covers (for checks and display); invalid UTF-8 edges are replaced."""
    return text.encode("utf-8")[byte_start:byte_end].decode("utf-8", errors="replace")
