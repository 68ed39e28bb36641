"""Reading a platform's JSON answer: one error and one set of readers for every adapter.

An adapter that gets a 2xx answer it cannot read raises :class:`ShapeError` and turns it into a
transient or rejected outcome at one place. Platforms differ in what a well-formed answer is, so
the readers that depend on it belong to a :class:`Shape` each adapter states once:

- X and LinkedIn leave a list out when it is empty, and never send an empty id or text;
- Mastodon-compatible servers may send ids as numbers, and empty strings are values (a status
  without a content warning has ``"spoiler_text": ""``);
- the Graph API (Facebook, Instagram) may send ids as numbers too, but an empty id is missing;
- Telegram's ids are numbers (:func:`integer`); an optional text keeps an empty string.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any


class ShapeError(Exception):
    """The platform answered 2xx with JSON we cannot read."""


def obj(value: Any) -> Mapping[str, Any]:
    """``value`` as a JSON object, or :class:`ShapeError`."""
    if not isinstance(value, Mapping):
        raise ShapeError(f"expected an object, got {type(value).__name__}")
    return value


def number(value: Any) -> int | None:
    """An integer (never a bool), or None for anything else."""
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def integer(data: Mapping[str, Any], key: str) -> int:
    """The integer under ``key``, or :class:`ShapeError` when it is missing or not an integer."""
    value = number(data.get(key))
    if value is None:
        raise ShapeError(f"{key!r} missing")
    return value


def opt_integer(data: Mapping[str, Any], key: str) -> int | None:
    """The integer under ``key``, or None."""
    return number(data.get(key))


def iso_time(value: Any) -> datetime:
    """An ISO 8601 / RFC 3339 timestamp (``Z`` or an offset), aware; naive ones are read as UTC."""
    if not isinstance(value, str):
        raise ShapeError(f"not a timestamp: {value!r}")
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as exc:
        raise ShapeError(f"not a timestamp: {value!r}") from exc
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


@dataclass(frozen=True)
class Shape:
    """What one platform's well-formed answers look like (see the module docstring).

    ``missing_list_is_empty``: a list left out (or ``null``) reads as ``[]``.
    ``numbers_as_text``: an integer where a string is expected reads as its decimal text.
    ``empty_text``: :meth:`text` accepts ``""`` (otherwise an empty string counts as missing).
    ``keep_empty``: :meth:`opt_text` returns ``""`` as it is (otherwise None).
    """

    missing_list_is_empty: bool = False
    numbers_as_text: bool = False
    empty_text: bool = False
    keep_empty: bool = False

    def items(self, value: Any) -> list[Any]:
        """``value`` as a JSON array, or :class:`ShapeError`."""
        if value is None and self.missing_list_is_empty:
            return []
        if not isinstance(value, list):
            raise ShapeError(f"expected a list, got {type(value).__name__}")
        return value

    def _as_text(self, value: Any) -> str | None:
        if self.numbers_as_text and number(value) is not None:
            return str(value)
        return value if isinstance(value, str) else None

    def text(self, data: Mapping[str, Any], key: str) -> str:
        """The string under ``key``, or :class:`ShapeError` when it is missing."""
        value = self._as_text(data.get(key))
        if value is None or (not value and not self.empty_text):
            raise ShapeError(f"{key!r} missing")
        return value

    def opt_text(self, data: Mapping[str, Any], key: str) -> str | None:
        """The string under ``key``, or None when it is missing or not a string."""
        value = self._as_text(data.get(key))
        if value == "" and not self.keep_empty:
            return None
        return value
