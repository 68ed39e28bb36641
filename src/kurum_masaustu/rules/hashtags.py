"""Hashtag suggestions while writing (seed chapter 5): event sets that are running now first,
then tags whose words the text already mentions, then the institution's local and general tags.
Pure; Turkish case folding decides what is already there."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from kurum_masaustu.rules.text import camel_case_hashtag, hashtags
from kurum_masaustu.rules.turkish import casefold_tr, search_key, sort_key

#: More tags than this make a post hard to read (screen readers spell each one out).
READABLE_TAG_COUNT = 5


@dataclass(frozen=True)
class TagSet:
    name: str
    kind: str  # "general" | "local" | "event"
    tags: tuple[str, ...]  # without '#'
    starts_on: date | None = None
    ends_on: date | None = None

    def active_on(self, day: date) -> bool:
        return (self.starts_on is None or self.starts_on <= day) and (self.ends_on is None or day <= self.ends_on)


def parse_tags(text: str) -> tuple[list[str], list[str]]:
    """Tags as the person typed them (spaces, commas or new lines between; "#" optional): the
    valid ones in order without "#", de-duplicated Turkish-case-insensitively (first spelling
    kept), and the words that cannot be hashtags ("#2026", "#yol-çalışması")."""
    import re

    valid: list[str] = []
    invalid: list[str] = []
    seen: set[str] = set()
    for word in re.split(r"[\s,;]+", text):
        word = word.strip().lstrip("#＃")
        if not word:
            continue
        if hashtags("#" + word) != [word]:
            invalid.append(word)
            continue
        key = casefold_tr(word)
        if key not in seen:
            seen.add(key)
            valid.append(word)
    return valid, invalid


def sort_tags(tags: Sequence[str]) -> list[str]:
    """Tags in Turkish alphabetical order (Ç after C, İ after I, Ş after S)."""
    return sorted(tags, key=lambda tag: (sort_key(tag), tag))


def local_tags(province: str, district: str) -> tuple[str, ...]:
    """The usual municipal tags for a place: #İzmir, #KarşıyakaBelediyesi, #Karşıyakaİzmir …"""
    tags: list[str] = []
    for place in (district, province):
        if place.strip():
            tags.append(camel_case_hashtag(place))
            tags.append(camel_case_hashtag(f"{place} Belediyesi"))
    if district.strip() and province.strip():
        tags.append(camel_case_hashtag(f"{district} {province}"))
    return tuple(dict.fromkeys(tag for tag in tags if tag))


def _words(tag: str) -> list[str]:
    """ "SuKesintisi" → ["su", "kesintisi"] (search-folded), for matching against the text."""
    parts: list[str] = []
    current = ""
    for ch in tag:
        if ch.isupper() and current:
            parts.append(current)
            current = ch
        else:
            current += ch
    if current:
        parts.append(current)
    return [search_key(part) for part in parts if len(part) > 2]


def suggest(text: str, sets: Sequence[TagSet], today: date, *, limit: int = 8) -> list[str]:
    """Tags worth adding to ``text``, best first, none that it already has."""
    present = {casefold_tr(tag) for tag in hashtags(text)}
    folded_text = search_key(text)
    ranked: list[tuple[int, int, int, str]] = []
    for order, tag_set in enumerate(sets):
        if not tag_set.active_on(today):
            continue
        for position, tag in enumerate(tag_set.tags):
            if casefold_tr(tag) in present:
                continue
            mentioned = any(word and word in folded_text for word in _words(tag))
            tier = 0 if tag_set.kind == "event" else 1 if mentioned else 2 if tag_set.kind == "local" else 3
            ranked.append((tier, order, position, tag))
    seen: set[str] = set()
    result = []
    for *_rank, tag in sorted(ranked):
        key = casefold_tr(tag)
        if key not in seen:
            seen.add(key)
            result.append(tag)
    return result[:limit]


def too_many_for_reading(text: str) -> int | None:
    """The tag count when it goes past what reads well, else None."""
    count = len(hashtags(text))
    return count if count > READABLE_TAG_COUNT else None
