"""Wording checks for our own posts on sensitive days: celebration on a day of mourning or
commemoration, and promotion of works and services in the election period (Law 298).

Pure: the caller says which day it is and what the text is; the result names each word found,
so the composer can show it and the person can decide.
"""

from __future__ import annotations

from dataclasses import dataclass

from kurum_masaustu.rules.turkish import search_key

#: Roots (search-folded) that celebrate; wrong on anma days and during national mourning.
CELEBRATORY_ROOTS = (
    "kutlu olsun",
    "kutluyor",
    "kutlar",
    "kutlama",
    "coskul",
    "cosku",
    "bayraminiz",
    "iyi bayramlar",
    "tebrik",
    "sevinc",
    "eglence",
    "senlik",
    "konser",
    "festival",
    "havai fisek",
    "yasasin",
    "mutlu",
)
#: Emoji and symbols that celebrate (🎉🎊🥳🎈🎆🎇🍾🥂✨💃🕺😊😄😍🎶).
CELEBRATORY_EMOJI = frozenset("🎉🎊🥳🎈🎆🎇🍾🥂✨💃🕺😊😄😃😍🎶🎵🙌")

#: Roots that promote works and services in ceremonies: forbidden for public bodies from the
#: start of the propaganda period until the day after voting (Law 298).
ELECTION_ROOTS = (
    "acilis",
    "acilisini",
    "acildi",
    "hizmete acil",
    "hizmete sun",
    "temel atma",
    "temeli atil",
    "temelini at",
    "toren",
    "kurdele",
    "teslim toreni",
    "yatirimlarimiz",
    "projemiz tamamlandi",
    "baskanimiz",
    "belediye baskani",
)

@dataclass(frozen=True)
class Finding:
    """A word or symbol that triggered a check, as it stands in the text."""

    kind: str  # "celebratory" | "election"
    found: str
    start: int
    end: int


def _find_roots(text: str, roots: tuple[str, ...], kind: str) -> list[Finding]:
    folded = search_key(text)
    if len(folded) != len(text):  # folding changed the length (rare ligatures): report without offsets
        return [Finding(kind, root, 0, 0) for root in roots if _starts_word(folded, root)]
    found = []
    for root in roots:
        start = 0
        while (index := folded.find(root, start)) >= 0:
            if index == 0 or not folded[index - 1].isalpha():
                end = index + len(root)
                while end < len(text) and text[end].isalpha():
                    end += 1
                found.append(Finding(kind, text[index:end], index, end))
            start = index + len(root)
    return sorted(found, key=lambda f: f.start)


def _starts_word(folded: str, root: str) -> bool:
    index = folded.find(root)
    return index >= 0 and (index == 0 or not folded[index - 1].isalpha())


def celebratory(text: str) -> list[Finding]:
    """Celebratory words and emoji (for anma days and national mourning)."""
    found = _find_roots(text, CELEBRATORY_ROOTS, "celebratory")
    found += [Finding("celebratory", ch, i, i + 1) for i, ch in enumerate(text) if ch in CELEBRATORY_EMOJI]
    return sorted(found, key=lambda f: f.start)


def election_sensitive(text: str) -> list[Finding]:
    """Words that promote openings, ground-breakings and the mayor (election period)."""
    return _find_roots(text, ELECTION_ROOTS, "election")
