"""A municipal unit's contact card checked before it is kept (pure): name, e-mail, phone and the
keywords that suggest it for a message."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from kurum_masaustu.rules.turkish import casefold_tr, nfc

_EMAIL = re.compile(r"^[^@\s<>,;\"]+@[^@\s<>,;\"]+\.[^@\s<>,;\"]+$")
PHONE_MAX = 50  # the column's length
NAME_MAX = 200


@dataclass(frozen=True)
class UnitCard:
    name: str
    email: str
    phone: str
    keywords: tuple[str, ...]


def parse_keywords(text: str) -> tuple[str, ...]:
    """Comma- or line-separated keywords, trimmed, each once (Turkish case folded), in order."""
    seen: set[str] = set()
    kept: list[str] = []
    for part in re.split(r"[,;\n]", text):
        word = " ".join(nfc(part).split())
        if word and casefold_tr(word) not in seen:
            seen.add(casefold_tr(word))
            kept.append(word)
    return tuple(kept)


def clean_card(name: str, email: str, phone: str, keywords: Iterable[str]) -> UnitCard:
    return UnitCard(" ".join(nfc(name).split()), email.strip(), " ".join(phone.split()), tuple(keywords))


def card_problems(card: UnitCard, other_names: Iterable[str]) -> list[str]:
    """Codes: "empty_name", "long_name", "duplicate_name", "bad_email", "bad_phone"."""
    found = []
    if not card.name:
        found.append("empty_name")
    elif len(card.name) > NAME_MAX:
        found.append("long_name")
    elif casefold_tr(card.name) in {casefold_tr(n) for n in other_names}:
        found.append("duplicate_name")
    if card.email and not _EMAIL.match(card.email):
        found.append("bad_email")
    # "153", "0 (212) 444 55 66", "Alo 153 – dahili 2101": at least three digits, nothing unprintable.
    digits = sum(ch.isdigit() for ch in card.phone)
    if card.phone and (digits < 3 or len(card.phone) > PHONE_MAX or not card.phone.isprintable()):
        found.append("bad_phone")
    return found
