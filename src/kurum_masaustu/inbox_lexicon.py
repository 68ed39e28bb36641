"""Reads the packaged inbox lexicon (``resources/inbox/lexicon.json``).

The I/O edge of :mod:`kurum_masaustu.rules.inbox`: the file is read once per process and
parsed by the pure rules.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from kurum_masaustu.paths import resource
from kurum_masaustu.rules.inbox import Lexicon, load_lexicon

LEXICON_FILE = ("inbox", "lexicon.json")


def load_lexicon_file(path: Path | None = None) -> Lexicon:
    """The lexicon in ``path`` (default: the packaged one).

    Raises ``OSError`` if the file cannot be read and ``LexiconError`` if it is malformed.
    """
    source = path if path is not None else resource(*LEXICON_FILE)
    return load_lexicon(source.read_text(encoding="utf-8"))


@cache
def packaged_lexicon() -> Lexicon:
    """The packaged lexicon, read once per process."""
    return load_lexicon_file()
