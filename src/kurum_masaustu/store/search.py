"""Turkish-aware full-text search over the inbox: the indexed document and safe FTS5 queries.

Why the app normalises the text itself: SQLite's ``unicode61 remove_diacritics 2`` tokenizer folds
ç ş ğ ü ö (and â î û) but keeps dotless ı apart from i and folds I to i, so "IĞDIR" and "ığdır"
would never meet. So both sides go through :func:`normalize` (Turkish case folding and the
letters' marks dropped, :func:`kurum_masaustu.rules.turkish.search_key`) before FTS5 sees them:

* **Documents.** ``inbox_items.search_text`` holds :func:`search_document` of author name, handle
  and text. The ORM fills it on every insert and on every change of those fields (an event in
  :mod:`kurum_masaustu.store.models`); code that writes rows with raw SQL calls
  :func:`search_document` itself or runs :func:`fill_missing` afterwards. A row whose
  ``search_text`` is NULL is simply not found by search.
* **Index.** ``inbox_search`` is an FTS5 table with *external content* (``inbox_items``): it keeps
  only the index, not a third copy of the text. Triggers created by migration 0003 copy
  ``search_text`` into it in the same transaction as the row change (insert, delete, and updates
  of ``search_text`` only: marking an item read does not touch the index).
  Triggers doing the normalisation themselves were rejected: SQL has no Turkish case folding
  (``lower()`` is ASCII-only), and an app-defined SQL function in a trigger would make every
  write from any other SQLite tool fail with "no such function".
* **Queries.** :func:`match_query` turns whatever the person typed into quoted FTS5 strings, so
  ``"``, ``*``, ``AND``, ``-``, ``NEAR``, ``:`` or parentheses are searched for as text or ignored,
  never parsed as query syntax.

Emoji are searchable: each emoji (Unicode category So) becomes a token of its own (the index's
tokenizer treats So as a token character, and :func:`normalize` puts spaces around each one).
Format characters (bidi overrides such as U+202E, zero-width joiners, soft hyphens) are dropped
from the indexed copy only, and control characters become spaces; the stored text is untouched.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import TYPE_CHECKING, Final, NamedTuple

from sqlalchemy import Connection, text

from kurum_masaustu.rules.turkish import search_key

if TYPE_CHECKING:
    import regex

__all__ = [
    "FTS_TABLE",
    "TOKENIZE",
    "fill_missing",
    "include_name",
    "match_query",
    "normalize",
    "query_terms",
    "search_document",
]

#: The FTS5 table (its shadow tables are ``inbox_search_data``, ``_idx``, ``_docsize``, ``_config``).
FTS_TABLE: Final = "inbox_search"
#: The tokenizer: ``So`` makes emoji tokens; ``M*`` keeps combining marks inside words (then dropped).
TOKENIZE: Final = "unicode61 remove_diacritics 2 categories 'L* N* Co M* So'"
#: Words of a query beyond this are ignored (a pasted paragraph must not make a huge query).
MAX_TERMS: Final = 12
#: Characters of a query looked at; a longer word is cut and searched as a prefix.
MAX_QUERY_CHARS: Final = 500
MAX_TERM_CHARS: Final = 64
#: A term shorter than this is never a prefix ("a*" would expand to half the vocabulary).
MIN_PREFIX_CHARS: Final = 2


@cache
def _patterns() -> _Patterns:
    """Compiled on first use: ``regex`` costs ~7 ms to import, and the window's first paint
    needs no search."""
    import regex

    return _Patterns(
        regex.compile(r"[\p{Cf}\uFE00-\uFE0F]+"),
        regex.compile(r"[\p{Cc}\p{Cs}\p{Zl}\p{Zp}]+"),
        regex.compile(r"\p{So}"),
        regex.compile(r"[\p{L}\p{N}\p{Co}\p{M}]+|\p{So}"),
        regex.compile(r"[\p{L}\p{N}\p{Co}\p{So}]"),
    )


class _Patterns(NamedTuple):
    format: regex.Pattern[str]  # bidi controls, ZWJ/ZWNJ, soft hyphen, variation selectors
    control: regex.Pattern[str]  # NUL, other controls, lone surrogates, separators
    symbol: regex.Pattern[str]
    term: regex.Pattern[str]
    has_base: regex.Pattern[str]


def normalize(value: str) -> str:
    """The form both documents and queries take before FTS5 tokenizes them.

    Turkish case folding with marks dropped ("İSTANBUL", "Istanbul" → "istanbul"; "ÇÖP" → "cop";
    "IĞDIR", "ığdır" → "igdir"), format characters removed, control characters turned into
    spaces, each emoji set apart as a word of its own.
    """
    folded = search_key(_patterns().control.sub(" ", value))
    folded = str(_patterns().format.sub("", folded))
    if not _patterns().symbol.search(folded):
        return folded
    spaced: str = _patterns().symbol.sub(r" \g<0> ", folded)
    return spaced


def search_document(author_name: str, author_handle: str, body: str) -> str:
    """The text the index holds for one inbox item: author name, handle and text, normalised."""
    return "\n".join((normalize(author_name), normalize(author_handle), normalize(body)))


def query_terms(user_text: str) -> list[str]:
    """The words of a query, normalised as the index is, without repeats, at most :data:`MAX_TERMS`."""
    terms: list[str] = []
    for match in _patterns().term.finditer(normalize(user_text[:MAX_QUERY_CHARS])):
        term = match.group()
        if term not in terms and _patterns().has_base.search(term):
            terms.append(term)
            if len(terms) == MAX_TERMS:
                break
    return terms


@lru_cache(maxsize=256)  # paging through results asks again for the same text
def match_query(user_text: str, *, prefix: bool = True) -> str | None:
    """Safe FTS5 syntax for whatever the person typed, or None when there is no word to look for.

    Every word becomes a quoted string (so nothing typed is FTS5 syntax), and all words must
    occur (AND). With ``prefix`` (the default, as the person types) every word of two letters or
    more matches as the start of a word: Turkish adds suffixes, so "çöp" should find "çöpler"
    and "belediye" "belediyenin". A word longer than :data:`MAX_TERM_CHARS` is cut and matched
    as a prefix. Only punctuation, spaces or nothing gives None (the caller shows the unfiltered
    list).
    """
    parts: list[str] = []
    for term in query_terms(user_text):
        cut = term[:MAX_TERM_CHARS]
        quoted = '"' + cut.replace('"', '""') + '"'
        if (prefix and len(cut) >= MIN_PREFIX_CHARS and not _patterns().symbol.fullmatch(cut)) or len(cut) < len(term):
            quoted += " *"
        parts.append(quoted)
    return " ".join(parts) if parts else None


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """Alembic ``include_name`` hook: the FTS5 table and its shadow tables are not models."""
    return not (type_ == "table" and name is not None and (name == FTS_TABLE or name.startswith(FTS_TABLE + "_")))


def fill_missing(connection: Connection, batch: int = 2000) -> int:
    """Fill ``search_text`` of rows written without it (raw SQL imports); returns how many.

    One pass over the table in id order, ``batch`` rows per statement; the triggers index each
    filled row. Run inside the caller's transaction.
    """
    filled = 0
    last = 0
    while True:
        rows = connection.execute(
            text(
                "SELECT id, author_name, author_handle, text FROM inbox_items"
                " WHERE id > :last AND search_text IS NULL ORDER BY id LIMIT :batch"
            ),
            {"last": last, "batch": batch},
        ).all()
        if not rows:
            return filled
        connection.execute(
            text("UPDATE inbox_items SET search_text = :document WHERE id = :id"),
            [
                {
                    "id": row.id,
                    "document": search_document(row.author_name or "", row.author_handle or "", row.text or ""),
                }
                for row in rows
            ],
        )
        filled += len(rows)
        last = rows[-1].id
