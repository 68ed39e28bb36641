"""Turkish spelling: the shipped Hunspell dictionary plus the institution's own words.

Hunspell (through the ``chunspell`` binding, wheels for Windows, Linux and macOS) reads
``resources/spelling/tr_TR.{aff,dic}`` (MPL-2.0, see its README) once, on first use (about a
second: call :meth:`SpellChecker.unknown_words` in a worker thread, never on the UI thread).
A look-up then takes about 10 µs a word. One Hunspell object is not safe for several threads
at once, so calls are serialised by a lock.

The institution's words (mahalle names, institution names; ``spelling_words`` table) are
accepted as they are, Turkish-case-insensitively; a suffix after an apostrophe is not checked
(:mod:`kurum_masaustu.rules.spelling`).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from kurum_masaustu.paths import resource
from kurum_masaustu.rules.spelling import distinct_lookups, normalise_custom_word
from kurum_masaustu.rules.turkish import casefold_tr, tr_lower
from kurum_masaustu.store.models import AuditEntry, SpellingWord

log = logging.getLogger(__name__)

WORD_KINDS = ("mahalle", "kurum", "diger")


class DictionaryUnavailableError(RuntimeError):
    """The dictionary files or the Hunspell library could not be loaded."""


def dictionary_dir() -> Path:
    return resource("spelling")


class SpellChecker:
    """Checks texts against the Turkish dictionary and a set of accepted words."""

    def __init__(self, folder: Path | None = None, language: str = "tr_TR") -> None:
        self._folder = folder
        self._language = language
        self._hunspell: Any = None
        self._failed: str | None = None
        self._lock = threading.Lock()
        self._accepted: set[str] = set()

    def _load(self) -> Any:
        if self._hunspell is None:
            if self._failed is not None:
                raise DictionaryUnavailableError(self._failed)
            folder = self._folder or dictionary_dir()
            try:
                from hunspell import Hunspell

                if not (folder / f"{self._language}.dic").is_file():
                    raise FileNotFoundError(folder / f"{self._language}.dic")
                self._hunspell = Hunspell(self._language, hunspell_data_dir=str(folder))
            except (ImportError, OSError) as exc:
                self._failed = f"{type(exc).__name__}: {exc}"
                log.warning("spelling dictionary unavailable: %s", self._failed)
                raise DictionaryUnavailableError(self._failed) from exc
        return self._hunspell

    def load(self) -> None:
        """Read the dictionary now (blocking, ~1 s); later calls reuse it."""
        with self._lock:
            self._load()

    def set_accepted(self, words: Iterable[str]) -> None:
        """The institution's words (replacing the earlier set)."""
        accepted = {casefold_tr(w) for w in words if w.strip()}
        with self._lock:
            self._accepted = accepted

    def accept(self, word: str) -> None:
        with self._lock:
            self._accepted.add(casefold_tr(word))

    def known(self, word: str) -> bool:
        with self._lock:
            return self._known(self._load(), word)

    def _known(self, hunspell: Any, word: str) -> bool:
        if casefold_tr(word) in self._accepted:
            return True
        if hunspell.spell(word):
            return True
        # "BELEDİYE" in capitals, or a capitalised common word: Hunspell's own case handling
        # uses the C locale's casing (I→i), so the Turkish lower case is tried too.
        lowered = tr_lower(word)
        return lowered != word and bool(hunspell.spell(lowered))

    def unknown_words(self, text: str, cancelled: Callable[[], bool] | None = None) -> list[str]:
        """The words of ``text`` that are neither in the dictionary nor the institution's list,
        each once, in order. Raises :class:`DictionaryUnavailableError`."""
        found = []
        with self._lock:
            hunspell = self._load()
            for word in distinct_lookups(text):
                if cancelled is not None and cancelled():
                    break
                if not self._known(hunspell, word):
                    found.append(word)
        return found

    def suggestions(self, word: str, limit: int = 5) -> list[str]:
        with self._lock:
            return list(self._load().suggest(word))[:limit]


class SpellingWords:
    """The institution's own words, in the profile's database (audited)."""

    def __init__(self, sessions: sessionmaker[Session], actor: str = "kullanıcı") -> None:
        self._sessions = sessions
        self._actor = actor

    def all(self) -> list[tuple[str, str]]:
        with self._sessions() as session:
            return [(w.word, w.kind) for w in session.scalars(select(SpellingWord).order_by(SpellingWord.id))]

    def words(self) -> list[str]:
        return [word for word, _kind in self.all()]

    def add(self, word: str, kind: str = "diger") -> str | None:
        """Add ``word``; returns the stored form, or None when it is not a word. Adding a word
        already there (in any case) is not an error."""
        cleaned = normalise_custom_word(word)
        if cleaned is None:
            return None
        if kind not in WORD_KINDS:
            kind = "diger"
        key = casefold_tr(cleaned)
        if any(casefold_tr(existing) == key for existing in self.words()):
            return cleaned
        try:
            with self._sessions.begin() as session:
                session.add(SpellingWord(word=cleaned, kind=kind))
                session.add(
                    AuditEntry(
                        actor=self._actor, action="spelling.word_added", entity="spelling", detail={"word": cleaned}
                    )
                )
        except IntegrityError:
            pass  # added meanwhile by the same word
        return cleaned

    def remove(self, word: str) -> bool:
        key = casefold_tr(word)
        with self._sessions.begin() as session:
            for row in session.scalars(select(SpellingWord)):
                if casefold_tr(row.word) == key:
                    session.delete(row)
                    session.add(
                        AuditEntry(
                            actor=self._actor,
                            action="spelling.word_removed",
                            entity="spelling",
                            detail={"word": row.word},
                        )
                    )
                    return True
        return False
