"""Which words of a post the spelling check looks at. Pure (the dictionary is in services/).

Links, e-mail addresses, hashtags and mentions are skipped (they are names, not words);
so are words with digits and short all-capital acronyms (AFAD, ALO, TL, KVKK). A proper name
with a suffix after an apostrophe ("İzmir'de", "Kızılay'ın") is checked by its name alone:
the suffix is grammar, the name is what may be misspelled.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kurum_masaustu.rules.turkish import casefold_tr, nfc

_SKIP = re.compile(
    r"(?:https?://|www\.)\S+"  # links
    r"|\S+@\S+\.\S+"  # e-mail addresses
    r"|[#@][\w.]+"  # hashtags, mentions
    r"|\b[\w.-]+\.(?:com|net|org|gov|edu|bel|tr|info|io)(?:\.tr)?\b\S*",  # bare domains
    re.IGNORECASE,
)
#: A word: letters, a suffix after an apostrophe; not a suffix of a number ("2026'da").
_WORD = re.compile(r"(?<![\w'’])[^\W\d_]+(?:['’][^\W\d_]+)?(?:\d+\w*)?")
_APOSTROPHES = "'’"
MAX_ACRONYM = 6


@dataclass(frozen=True)
class Word:
    """A word to look up, where it stands, and the form looked up (the name before an
    apostrophe)."""

    text: str
    start: int
    end: int
    lookup: str


def words(text: str) -> list[Word]:
    """The words of ``text`` to check, in order (repeated words repeated)."""
    text = nfc(text)
    masked = _SKIP.sub(lambda m: " " * len(m.group(0)), text)
    found: list[Word] = []
    for match in _WORD.finditer(masked):
        token = match.group(0)
        if any(ch.isdigit() for ch in token):
            continue
        letters = token.replace("'", "").replace("’", "")
        if letters.isupper() and len(letters) <= MAX_ACRONYM:
            continue
        lookup = token
        for mark in _APOSTROPHES:
            if mark in lookup:
                lookup = lookup.split(mark, 1)[0]
        if len(lookup) < 2:
            continue
        found.append(Word(token, match.start(), match.end(), lookup))
    return found


def distinct_lookups(text: str) -> list[str]:
    """Each form to look up once (Turkish case-insensitively), in the order first seen."""
    seen: dict[str, str] = {}
    for word in words(text):
        seen.setdefault(casefold_tr(word.lookup), word.lookup)
    return list(seen.values())


def normalise_custom_word(word: str) -> str | None:
    """A word the person adds to the institution's list, cleaned; None when it is not one word
    of letters (a list holds names like "Kocatepe", "Kızılay", "Yenimahalle")."""
    cleaned = nfc(word).strip().strip(_APOSTROPHES)
    if not cleaned or len(cleaned) > 100 or not _WORD.fullmatch(cleaned) or any(ch.isdigit() for ch in cleaned):
        return None
    return cleaned
