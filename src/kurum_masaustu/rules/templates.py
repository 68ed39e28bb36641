"""Announcement and reply templates with named ``{fields}``: parsing, filling and checking.

Pure: no Qt, no database, no I/O. The shipped templates live in ``resources/templates/*.json``;
:mod:`kurum_masaustu.services.templates` reads them and keeps them in the database.

Syntax of a template body
    ``{ad}`` is a field. A field name starts with a letter or ``_`` and continues with letters,
    digits or ``_`` (Turkish letters allowed, at most 64 characters; compared after NFC).
    ``{{`` and ``}}`` are a literal ``{`` and ``}``. Anything else with braces (``{}``, ``{ad soyad}``,
    a lone ``{`` or ``}``) is reported by :func:`check_body` and otherwise kept as literal text,
    so that no body, however malformed, makes parsing or filling fail.

Filling
    :func:`fill` puts the values in and leaves ``{alan}`` in place for every field without a value,
    so that the composer can show what is still to do; :func:`blocking_problems` finds those
    placeholders again in any text (also after the person edited the filled text), which is what
    keeps a post with an empty field from being scheduled. An optional field (``required`` false)
    left empty disappears instead, together with the space before it, or its whole line when it
    stood alone on that line.

Messages are the UI's job: problems are codes, with the field's name and label.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Final, Literal, NamedTuple, TypeAlias
from urllib.parse import urlsplit

from kurum_masaustu.domain import Category, InboxCategory
from kurum_masaustu.rules.turkish import tr_upper

__all__ = [
    "MAX_FIELDS",
    "MAX_FIELD_NAME_LENGTH",
    "BodyProblem",
    "FieldKind",
    "FieldProblem",
    "FieldProblemCode",
    "FieldSpec",
    "FillResult",
    "Purpose",
    "TemplateDataError",
    "TemplateDefinition",
    "TemplateProblem",
    "TemplateProblemCode",
    "blocking_problems",
    "check_body",
    "check_template",
    "default_label",
    "field_specs_from_stored",
    "fill",
    "is_field_name",
    "is_template_key",
    "join_list",
    "merge_field_specs",
    "parse_definitions",
    "parse_fields",
    "split_list",
    "validate_value",
    "validate_values",
]

Purpose = Literal["post", "reply"]
PURPOSES: Final[tuple[Purpose, ...]] = ("post", "reply")

#: More distinct fields than this in one body is reported (parsing still works).
MAX_FIELDS: Final = 100
MAX_FIELD_NAME_LENGTH: Final = 64
_MAX_KEY_LENGTH: Final = 100  # the column's length

_FIELD_NAME_RE = re.compile(r"[^\W\d]\w*")
_KEY_RE = re.compile(r"[a-z][a-z0-9_]*")
#: One token of a body: an escape, a candidate field, or a lone brace. Everything between
#: matches is literal text.
_TOKEN_RE = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")
_SPEC_KEYS = frozenset({"name", "label", "kind", "required", "hint", "example"})


# --------------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------------


class FieldKind(StrEnum):
    """What a field holds; decides the editor widget and the check of its value."""

    TEXT = "text"
    DATE = "date"  #: ``gg.aa.yyyy`` (``5.3.2026`` also accepted), a real calendar day
    TIME = "time"  #: ``SS:DD`` (``14.30`` also accepted, as Turkish writes it)
    URL = "url"  #: ``http://`` or ``https://`` with a host
    PHONE = "phone"  #: a Turkish number: ``0 (312) 555 12 34``, ``+90 5xx``, ``444 0 153``, ``153``
    LIST = "list"  #: several items; a sequence value is joined as "a, b ve c"
    NUMBER = "number"  #: a whole number (``88``. yıl)


_KINDS = frozenset(kind.value for kind in FieldKind)


class TemplateProblemCode(StrEnum):
    # The body's syntax (check_body).
    EMPTY_FIELD_NAME = "empty_field_name"  #: ``{}``
    INVALID_FIELD_NAME = "invalid_field_name"  #: ``{ad soyad}``, ``{1}``, a name over 64 characters
    UNCLOSED_BRACE = "unclosed_brace"  #: a ``{`` without its ``}`` (write ``{{`` for a literal one)
    STRAY_CLOSING_BRACE = "stray_closing_brace"  #: a ``}`` without its ``{`` (write ``}}``)
    TOO_MANY_FIELDS = "too_many_fields"  #: more than MAX_FIELDS distinct fields
    # The field metadata against the body (check_template).
    FIELD_WITHOUT_METADATA = "field_without_metadata"
    METADATA_WITHOUT_FIELD = "metadata_without_field"
    DUPLICATE_METADATA = "duplicate_metadata"
    EMPTY_LABEL = "empty_label"
    INVALID_EXAMPLE = "invalid_example"  #: the field's example fails its own kind's check


class FieldProblemCode(StrEnum):
    UNFILLED = "unfilled"  #: the field's ``{placeholder}`` is still in the text
    MISSING = "missing"  #: a required field has no value
    INVALID_DATE = "invalid_date"
    INVALID_TIME = "invalid_time"
    INVALID_URL = "invalid_url"
    INVALID_PHONE = "invalid_phone"
    INVALID_LIST = "invalid_list"  #: an empty item ("a,,b")
    INVALID_NUMBER = "invalid_number"


@dataclass(frozen=True)
class TemplateProblem:
    """A problem of a template itself; ``offset`` points into the body for syntax problems."""

    code: TemplateProblemCode
    field: str = ""
    offset: int | None = None


@dataclass(frozen=True)
class FieldProblem:
    """A problem with one field's value or placeholder; ``label`` is what the person sees."""

    code: FieldProblemCode
    field: str
    label: str


class BodyProblem(NamedTuple):
    code: TemplateProblemCode
    offset: int


class TemplateDataError(ValueError):
    """A template file or a stored template is malformed; the message says where."""


def is_field_name(name: str) -> bool:
    """Whether ``name`` may be a field: a letter or ``_``, then letters, digits, ``_``; ≤ 64 characters."""
    return len(name) <= MAX_FIELD_NAME_LENGTH and _FIELD_NAME_RE.fullmatch(name) is not None


def is_template_key(key: str) -> bool:
    """Whether ``key`` is a stable template key: lower-case ASCII letter, then ``a-z0-9_``."""
    return len(key) <= _MAX_KEY_LENGTH and _KEY_RE.fullmatch(key) is not None


def _nfc(text: str) -> str:
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def default_label(name: str) -> str:
    """A readable label for a field without metadata: ``basvuru_no`` → ``Basvuru no``."""
    words = name.replace("_", " ").strip()
    return tr_upper(words[:1]) + words[1:] if words else name


# --------------------------------------------------------------------------------------------
# Field metadata
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FieldSpec:
    """One field of a template: how the composer asks for it and checks it."""

    name: str
    label: str
    kind: FieldKind = FieldKind.TEXT
    required: bool = True
    hint: str = ""
    example: str = ""

    def to_json(self) -> dict[str, str | bool]:
        return {
            "name": self.name,
            "label": self.label,
            "kind": self.kind.value,
            "required": self.required,
            "hint": self.hint,
            "example": self.example,
        }

    @classmethod
    def from_json(cls, raw: object, where: str = "field") -> FieldSpec:
        """Strict: every key has the right type (``name`` and ``label`` required)."""
        if not isinstance(raw, Mapping):
            raise TemplateDataError(f"{where}: must be an object")
        name = raw.get("name")
        if not isinstance(name, str) or not is_field_name(_nfc(name)):
            raise TemplateDataError(f"{where}: 'name' must be a field name, not {name!r}")
        label = raw.get("label")
        if not isinstance(label, str) or not label.strip():
            raise TemplateDataError(f"{where}: 'label' must be a non-empty string")
        kind = raw.get("kind", FieldKind.TEXT.value)
        if not isinstance(kind, str) or kind not in _KINDS:
            raise TemplateDataError(f"{where}: unknown kind {kind!r}")
        required = raw.get("required", True)
        if not isinstance(required, bool):
            raise TemplateDataError(f"{where}: 'required' must be true or false")
        texts: dict[str, str] = {}
        for key in ("hint", "example"):
            value = raw.get(key, "")
            if not isinstance(value, str):
                raise TemplateDataError(f"{where}: {key!r} must be a string")
            texts[key] = value
        unknown = set(raw) - {"name", "label", "kind", "required", "hint", "example"}
        if unknown:
            raise TemplateDataError(f"{where}: unknown keys {sorted(map(str, unknown))}")
        return cls(_nfc(name), label, FieldKind(kind), required, texts["hint"], texts["example"])


def field_specs_from_stored(raw: object) -> list[FieldSpec]:
    """Field metadata as stored in the database, read leniently (never raises).

    Accepts the current format (a list of :meth:`FieldSpec.to_json` objects), the older one
    (a list of field names, as the demo seed writes) and anything else (ignored entry by entry).
    """
    if not isinstance(raw, list):
        return []
    specs: list[FieldSpec] = []
    seen: set[str] = set()
    for entry in raw:
        spec: FieldSpec | None = None
        if isinstance(entry, str):
            name = _nfc(entry)
            if is_field_name(name):
                spec = FieldSpec(name, default_label(name))
        elif isinstance(entry, Mapping):
            try:
                spec = FieldSpec.from_json({k: v for k, v in entry.items() if k in _SPEC_KEYS})
            except TemplateDataError:
                raw_name = entry.get("name")
                if isinstance(raw_name, str) and is_field_name(_nfc(raw_name)):
                    name = _nfc(raw_name)
                    label = entry.get("label")
                    if not isinstance(label, str) or not label.strip():
                        label = default_label(name)
                    spec = FieldSpec(name, label)
        if spec is not None and spec.name not in seen:
            seen.add(spec.name)
            specs.append(spec)
    return specs


def merge_field_specs(
    body: str, given: Iterable[FieldSpec] = (), previous: Iterable[FieldSpec] = ()
) -> list[FieldSpec]:
    """Metadata for exactly the fields of ``body``, in their order.

    Each field takes its spec from ``given``, else from ``previous`` (the template before the
    edit), else a default (text, required, label from the name). Specs of fields no longer in the
    body are dropped.
    """
    by_name: dict[str, FieldSpec] = {}
    for spec in previous:
        by_name[spec.name] = spec
    for spec in given:
        by_name[spec.name] = spec
    return [by_name.get(name) or FieldSpec(name, default_label(name)) for name in parse_fields(body)]


# --------------------------------------------------------------------------------------------
# Parsing
# --------------------------------------------------------------------------------------------


class _Literal(NamedTuple):
    text: str


class _Field(NamedTuple):
    name: str
    offset: int


def _tokens(body: str, problems: list[BodyProblem] | None = None) -> Iterator[_Literal | _Field]:
    """The body as literal text and fields; malformed braces become literal text (and problems)."""
    position = 0
    for match in _TOKEN_RE.finditer(body):
        start, end = match.span()
        if start > position:
            yield _Literal(body[position:start])
        position = end
        token = match.group()
        if token == "{{":
            yield _Literal("{")
        elif token == "}}":
            yield _Literal("}")
        elif token == "{":
            if problems is not None:
                problems.append(BodyProblem(TemplateProblemCode.UNCLOSED_BRACE, start))
            yield _Literal(token)
        elif token == "}":
            if problems is not None:
                problems.append(BodyProblem(TemplateProblemCode.STRAY_CLOSING_BRACE, start))
            yield _Literal(token)
        else:
            name = _nfc(match.group(1))
            if is_field_name(name):
                yield _Field(name, start)
                continue
            if problems is not None:
                code = TemplateProblemCode.EMPTY_FIELD_NAME if not name else TemplateProblemCode.INVALID_FIELD_NAME
                problems.append(BodyProblem(code, start))
            yield _Literal(token)
    if position < len(body):
        yield _Literal(body[position:])


def parse_fields(body: str) -> list[str]:
    """The field names of ``body`` in order of first appearance, each once.

    ``{{``/``}}`` are literal braces; malformed braces are ignored (see :func:`check_body`).
    """
    return list(dict.fromkeys(token.name for token in _tokens(body) if isinstance(token, _Field)))


def check_body(body: str) -> list[TemplateProblem]:
    """Syntax problems of ``body``, in order: malformed braces and too many fields."""
    found: list[BodyProblem] = []
    names: dict[str, int] = {}
    for token in _tokens(body, found):
        if isinstance(token, _Field):
            names.setdefault(token.name, token.offset)
    problems = [TemplateProblem(p.code, offset=p.offset) for p in found]
    if len(names) > MAX_FIELDS:
        name, offset = list(names.items())[MAX_FIELDS]
        problems.append(TemplateProblem(TemplateProblemCode.TOO_MANY_FIELDS, name, offset))
    return problems


def check_template(body: str, fields: Sequence[FieldSpec]) -> list[TemplateProblem]:
    """Everything wrong with a template: its syntax, and its metadata against its fields.

    Every field needs exactly one metadata entry with a label; metadata of a field the body does
    not use is reported; an example that its own kind's check rejects is reported.
    """
    problems = check_body(body)
    used = parse_fields(body)
    seen: set[str] = set()
    for spec in fields:
        if spec.name in seen:
            problems.append(TemplateProblem(TemplateProblemCode.DUPLICATE_METADATA, spec.name))
            continue
        seen.add(spec.name)
        if spec.name not in used:
            problems.append(TemplateProblem(TemplateProblemCode.METADATA_WITHOUT_FIELD, spec.name))
        if not spec.label.strip():
            problems.append(TemplateProblem(TemplateProblemCode.EMPTY_LABEL, spec.name))
        if spec.example.strip() and validate_value(spec, spec.example) is not None:
            problems.append(TemplateProblem(TemplateProblemCode.INVALID_EXAMPLE, spec.name))
    problems.extend(
        TemplateProblem(TemplateProblemCode.FIELD_WITHOUT_METADATA, name) for name in used if name not in seen
    )
    return problems


# --------------------------------------------------------------------------------------------
# Filling
# --------------------------------------------------------------------------------------------

Value: TypeAlias = str | Sequence[str]


@dataclass(frozen=True)
class FillResult:
    """The filled text; ``missing`` fields kept their ``{placeholder}``; ``unknown`` values were
    not used (no such field in the body); ``omitted`` optional fields were left out."""

    text: str
    missing: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    omitted: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not self.missing


def split_list(value: str) -> list[str]:
    """The items of a list value typed as text (separated by commas, semicolons or new lines)."""
    return [item.strip() for item in re.split(r"[,;\n]", value)]


def join_list(items: Iterable[str]) -> str:
    """Items as Turkish writes a list: "a", "a ve b", "a, b ve c" (empty items skipped)."""
    kept = [item.strip() for item in items if item.strip()]
    if len(kept) <= 1:
        return "".join(kept)
    return ", ".join(kept[:-1]) + " ve " + kept[-1]


def _as_text(value: Value) -> str:
    return value.strip() if isinstance(value, str) else join_list(value)


_BEFORE_OMITTED = " \t\u00a0"
_AFTER_OMITTED = " \t\u00a0\n\r,.;:!?)]…'’\""


def fill(body: str, values: Mapping[str, Value], fields: Sequence[FieldSpec] | None = None) -> FillResult:
    """``body`` with every field that has a non-blank value replaced by it.

    A value is inserted as given (stripped; a sequence is joined with :func:`join_list`), never
    parsed again, so braces in values stay as they are. A field without a value keeps its
    ``{placeholder}`` and is listed in ``missing`` — unless ``fields`` marks it optional, then it
    is left out (with the space before it, or its whole line if nothing else was on it) and
    listed in ``omitted``.
    """
    texts = {_nfc(key): _as_text(value) for key, value in values.items()}
    optional = {spec.name for spec in fields if not spec.required} if fields is not None else set()
    used: dict[str, None] = {}
    missing: dict[str, None] = {}
    omitted: dict[str, None] = {}
    out: list[str] = []
    blanked_lines: set[int] = set()  # indexes (in out) of pieces where an optional field vanished
    tokens = list(_tokens(body))
    for index, token in enumerate(tokens):
        if isinstance(token, _Literal):
            out.append(token.text)
            continue
        used[token.name] = None
        text = texts.get(token.name, "")
        if text:
            out.append(text)
        elif token.name in optional:
            omitted[token.name] = None
            following = tokens[index + 1] if index + 1 < len(tokens) else None
            next_char = following.text[:1] if isinstance(following, _Literal) else ("" if following is None else "x")
            if out and out[-1] and out[-1][-1] in _BEFORE_OMITTED and (not next_char or next_char in _AFTER_OMITTED):
                out[-1] = out[-1][:-1]
            blanked_lines.add(len(out))
            out.append("")
        else:
            missing[token.name] = None
            out.append("{" + token.name + "}")
    text = _drop_emptied_lines(out, blanked_lines) if blanked_lines else "".join(out)
    return FillResult(
        text=text,
        missing=list(missing),
        unknown=[key for key in texts if key not in used],
        omitted=list(omitted),
    )


def _drop_emptied_lines(pieces: list[str], blanked: set[int]) -> str:
    """Join ``pieces``, leaving out each line that is blank only because an optional field vanished."""
    lines: list[tuple[str, bool]] = []  # (line text without its newline, had a blanked field)
    current: list[str] = []
    flagged = False
    for index, piece in enumerate(pieces):
        if index in blanked:
            flagged = True
        parts = piece.split("\n")
        for part in parts[:-1]:
            current.append(part)
            lines.append(("".join(current), flagged))
            current, flagged = [], False
        current.append(parts[-1])
    last = ("".join(current), flagged)
    kept = [line for line, was_blanked in lines if not (was_blanked and not line.strip())]
    if last[1] and not last[0].strip():
        # The text ended with a vanished line: drop it with the newline before it.
        return "\n".join(kept)
    return "\n".join([*kept, last[0]])


# --------------------------------------------------------------------------------------------
# Checking values and texts
# --------------------------------------------------------------------------------------------

_DATE_RE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_TIME_RE = re.compile(r"([01]?\d|2[0-3])[:.]([0-5]\d)")
_NUMBER_RE = re.compile(r"\d{1,9}")
_PHONE_CHARS_RE = re.compile(r"\+?[\d\s().\-/]+")
_PHONE_PREFIX_RE = re.compile(r"^alo\s+", re.IGNORECASE)
_PHONE_EXTENSION_RE = re.compile(r"\s*[-–,]?\s*(?:dahili|dah\.|dhl\.?)\s*\d{1,5}\s*$", re.IGNORECASE)
#: First digit of a 10-digit national number: 2–4 landlines, 5 mobile, 8 (800/850/822…) special.
_NATIONAL_FIRST = frozenset("23458")


def _valid_date(value: str) -> bool:
    match = _DATE_RE.fullmatch(value)
    if match is None:
        return False
    day, month, year = (int(part) for part in match.groups())
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _valid_url(value: str) -> bool:
    if any(ch.isspace() for ch in value) or len(value) > 2000:
        return False
    try:
        parts = urlsplit(value)
        host = parts.hostname
    except ValueError:
        return False
    if parts.scheme.lower() not in {"http", "https"} or not host:
        return False
    return host == "localhost" or ("." in host.strip(".") and not host.startswith("."))


def _valid_phone(value: str) -> bool:
    text = _PHONE_EXTENSION_RE.sub("", value)
    short_code = _PHONE_PREFIX_RE.match(text) is not None
    text = _PHONE_PREFIX_RE.sub("", text)
    if _PHONE_CHARS_RE.fullmatch(text) is None:
        return False
    digits = re.sub(r"\D", "", text)
    if short_code or (len(digits) == 3 and not text.startswith("+")):
        return len(digits) == 3 and digits[0] == "1"  # ALO 153, 112, 185…
    if text.startswith("+"):
        national = digits[2:] if digits.startswith("90") else ""
    elif digits.startswith("0090"):
        national = digits[4:]
    elif digits.startswith("0"):
        national = digits[1:]
    elif len(digits) == 7:
        return digits.startswith("444")  # 444 0 153
    else:
        national = digits
    return len(national) == 10 and national[0] in _NATIONAL_FIRST


def _blank(value: Value) -> bool:
    return not value.strip() if isinstance(value, str) else not any(item.strip() for item in value)


def validate_value(spec: FieldSpec, value: Value) -> FieldProblemCode | None:
    """What is wrong with ``value`` for ``spec`` (``None`` when it is acceptable).

    Blank is ``missing`` for a required field and fine for an optional one. A sequence is a list
    of items; for any other kind each item is checked as that kind.
    """
    if _blank(value):
        return FieldProblemCode.MISSING if spec.required else None
    if not isinstance(value, str):
        items = [item.strip() for item in value if item.strip()]
        if spec.kind in {FieldKind.LIST, FieldKind.TEXT}:
            return None
        for item in items:
            problem = validate_value(spec, item)
            if problem is not None:
                return problem
        return None
    text = value.strip()
    kind = spec.kind
    if kind is FieldKind.DATE and not _valid_date(text):
        return FieldProblemCode.INVALID_DATE
    if kind is FieldKind.TIME and _TIME_RE.fullmatch(text) is None:
        return FieldProblemCode.INVALID_TIME
    if kind is FieldKind.URL and not _valid_url(text):
        return FieldProblemCode.INVALID_URL
    if kind is FieldKind.PHONE and not _valid_phone(text):
        return FieldProblemCode.INVALID_PHONE
    if kind is FieldKind.NUMBER and _NUMBER_RE.fullmatch(text) is None:
        return FieldProblemCode.INVALID_NUMBER
    if kind is FieldKind.LIST and not all(split_list(text)):
        return FieldProblemCode.INVALID_LIST
    return None


def validate_values(fields: Sequence[FieldSpec], values: Mapping[str, Value]) -> list[FieldProblem]:
    """One problem per field whose value is missing or invalid, in the fields' order."""
    given = {_nfc(key): value for key, value in values.items()}
    problems: list[FieldProblem] = []
    for spec in fields:
        code = validate_value(spec, given.get(spec.name, ""))
        if code is not None:
            problems.append(FieldProblem(code, spec.name, spec.label))
    return problems


def blocking_problems(text: str, fields: Sequence[FieldSpec] | None = None) -> list[FieldProblem]:
    """The fields whose ``{placeholder}`` is still in ``text`` (a template body or a filled,
    possibly hand-edited text): each one blocks scheduling.

    With ``fields`` (the template's metadata) only those fields count and carry their labels, so
    that other braces in a hand-written text are no problem; without it every well-formed
    ``{name}`` counts.
    """
    labels = {spec.name: spec.label for spec in fields} if fields is not None else None
    problems: list[FieldProblem] = []
    for name in parse_fields(text):
        if labels is None:
            problems.append(FieldProblem(FieldProblemCode.UNFILLED, name, default_label(name)))
        elif name in labels:
            problems.append(FieldProblem(FieldProblemCode.UNFILLED, name, labels[name]))
    return problems


# --------------------------------------------------------------------------------------------
# Template definitions (the shipped JSON files)
# --------------------------------------------------------------------------------------------

_POST_CATEGORIES = frozenset(c.value for c in Category)
_REPLY_CATEGORIES = frozenset(c.value for c in InboxCategory)


@dataclass(frozen=True)
class TemplateDefinition:
    """A template as shipped: ``category`` is a :class:`~kurum_masaustu.domain.Category` value for
    posts and an :class:`~kurum_masaustu.domain.InboxCategory` value (the messages it answers) for
    replies; ``note`` is guidance for the person (Turkish), shown beside the template."""

    key: str
    name: str
    purpose: Purpose
    category: str
    body: str
    fields: tuple[FieldSpec, ...]
    note: str = ""

    @property
    def examples(self) -> dict[str, str]:
        return {spec.name: spec.example for spec in self.fields}

    def fields_json(self) -> list[dict[str, str | bool]]:
        return [spec.to_json() for spec in self.fields]


_DEFINITION_KEYS = frozenset({"key", "name", "category", "body", "fields", "note"})


def _string(raw: Mapping[str, object], key: str, where: str, *, empty: bool = False) -> str:
    value = raw.get(key, "" if empty else None)
    if not isinstance(value, str) or (not empty and not value.strip()):
        raise TemplateDataError(f"{where}: {key!r} must be a non-empty string")
    return value


def _definition(raw: object, purpose: Purpose, where: str) -> TemplateDefinition:
    if not isinstance(raw, Mapping):
        raise TemplateDataError(f"{where}: must be an object")
    unknown = set(raw) - _DEFINITION_KEYS
    if unknown:
        raise TemplateDataError(f"{where}: unknown keys {sorted(map(str, unknown))}")
    key = _string(raw, "key", where)
    if not is_template_key(key):
        raise TemplateDataError(f"{where}: key {key!r} must be lower-case ASCII letters, digits and '_'")
    where = f"{where} ({key})"
    name = _string(raw, "name", where)
    category = _string(raw, "category", where)
    allowed = _POST_CATEGORIES if purpose == "post" else _REPLY_CATEGORIES
    if category not in allowed:
        raise TemplateDataError(f"{where}: category {category!r} is not one of {sorted(allowed)}")
    body = _nfc(_string(raw, "body", where))
    note = _string(raw, "note", where, empty=True)
    raw_fields = raw.get("fields", [])
    if not isinstance(raw_fields, list):
        raise TemplateDataError(f"{where}: 'fields' must be a list")
    fields = tuple(FieldSpec.from_json(entry, f"{where} field {i}") for i, entry in enumerate(raw_fields))
    problems = check_template(body, fields)
    if problems:
        listed = ", ".join(f"{p.code.value}{' ' + p.field if p.field else ''}" for p in problems)
        raise TemplateDataError(f"{where}: {listed}")
    order = parse_fields(body)
    fields = tuple(sorted(fields, key=lambda spec: order.index(spec.name)))
    return TemplateDefinition(key, name, purpose, category, body, fields, note)


def parse_definitions(json_text: str, purpose: Purpose) -> list[TemplateDefinition]:
    """The templates of one shipped file (``{"version": 1, "purpose": …, "templates": […]}``).

    Raises :class:`TemplateDataError` when the file is malformed, a key repeats, or a template
    has any :func:`check_template` problem.
    """
    try:
        data = json.loads(json_text)
    except json.JSONDecodeError as exc:
        raise TemplateDataError(f"templates: not valid JSON ({exc})") from exc
    if not isinstance(data, Mapping):
        raise TemplateDataError("templates: the top level must be an object")
    if data.get("version", 1) != 1:
        raise TemplateDataError(f"templates: unsupported version {data.get('version')!r}")
    if data.get("purpose", purpose) != purpose:
        raise TemplateDataError(f"templates: the file is for {data.get('purpose')!r}, not {purpose!r}")
    entries = data.get("templates")
    if not isinstance(entries, list):
        raise TemplateDataError("templates: 'templates' must be a list")
    definitions = [_definition(entry, purpose, f"{purpose} template {i}") for i, entry in enumerate(entries)]
    keys = [d.key for d in definitions]
    repeated = sorted({key for key in keys if keys.count(key) > 1})
    if repeated:
        raise TemplateDataError(f"templates: repeated keys {repeated}")
    return definitions
