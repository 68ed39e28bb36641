"""Turkish casing, folding and ordering: what every comparison, search and sort uses.

Python's own ``lower``/``casefold`` turn "I" into "i" and "İ" into "i̇" (two code points);
Turkish needs I→ı and İ→i. Text is NFC-normalised first, so "İ" typed as I + U+0307 folds too.
"""

from __future__ import annotations

import unicodedata

_LOWER_SPECIAL = str.maketrans({"I": "ı", "İ": "i"})
_UPPER_SPECIAL = str.maketrans({"i": "İ", "ı": "I"})
#: Letters a Turkish speaker may type without their marks (search only, never display).
_ASCII_FOLD = str.maketrans("çğıöşüâîû", "cgiosuaiu")
#: The Turkish alphabet; letters outside it sort after, in code point order.
ALPHABET = "abcçdefgğhıijklmnoöprsştuüvyz"
_RANK = {letter: index for index, letter in enumerate(ALPHABET)}


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def tr_lower(text: str) -> str:
    """Lower case by Turkish rules: "IĞDIR" → "ığdır", "İZMİR" → "izmir"."""
    return nfc(text).translate(_LOWER_SPECIAL).lower()


def tr_upper(text: str) -> str:
    """Upper case by Turkish rules: "izmir" → "İZMİR", "ılıca" → "ILICA"."""
    return nfc(text).translate(_UPPER_SPECIAL).upper()


def casefold_tr(text: str) -> str:
    """The key for case-insensitive equality in Turkish (hashtags, names, de-duplication).

    Keeps the distinction between ı and i ("kır" and "kir" are different words).
    """
    return tr_lower(text).casefold().replace("i̇", "i")


def search_key(text: str) -> str:
    """A looser key for search: Turkish case folding, then the letters' marks dropped.

    "istanbul", "İSTANBUL" and "Istanbul" meet; "cop" finds "çöp". It also merges "kır" and
    "kir", which is right for search and wrong for display or equality.
    """
    return casefold_tr(text).translate(_ASCII_FOLD)


def sort_key(text: str) -> tuple[tuple[int, int], ...]:
    """Alphabetical order as in Turkish: c < ç < d, ı < i, o < ö, s < ş, u < ü."""
    folded = casefold_tr(text)
    return tuple((_RANK[ch], 0) if ch in _RANK else (len(ALPHABET), ord(ch)) for ch in folded)


def title_tr(text: str) -> str:
    """Each word capitalised by Turkish rules: "istanbul ili" → "İstanbul İli"."""
    return " ".join(tr_upper(word[:1]) + tr_lower(word[1:]) for word in text.split(" "))
