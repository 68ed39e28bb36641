"""Templates: the shipped ones kept current in the database, the person's edits kept safe.

The shipped templates are ``resources/templates/posts.json`` and ``replies.json`` (parsed by the
pure :mod:`kurum_masaustu.rules.templates`). :meth:`TemplateService.install_builtins` upserts them
by key at every start: a new shipped template is added, an untouched one (``built_in`` true) follows
the shipped text, and one the person edited (``built_in`` false) is never overwritten.

No second copy is stored: the shipped text is always in the resources, so :meth:`reset` takes it
from there. The ``fields`` column holds the field metadata (:meth:`FieldSpec.to_json` objects);
rows written before that (the demo seed writes plain field names) are read leniently.
"""

from __future__ import annotations

import builtins
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, cast

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kurum_masaustu.paths import resource
from kurum_masaustu.rules.templates import (
    PURPOSES,
    FieldSpec,
    Purpose,
    TemplateDataError,
    TemplateDefinition,
    check_template,
    field_specs_from_stored,
    is_template_key,
    merge_field_specs,
    parse_definitions,
)
from kurum_masaustu.rules.turkish import search_key, sort_key
from kurum_masaustu.store.models import AuditEntry, Template

__all__ = [
    "TEMPLATE_FILES",
    "InstallReport",
    "TemplateError",
    "TemplateRecord",
    "TemplateService",
    "load_template_files",
    "packaged_definitions",
    "read_template_files",
]

#: The shipped files, as ``resource(*parts)`` parts, by purpose.
TEMPLATE_FILES: dict[Purpose, tuple[str, str]] = {
    "post": ("templates", "posts.json"),
    "reply": ("templates", "replies.json"),
}


def read_template_files(folder: Path | None = None) -> tuple[str, str]:
    """The JSON text of the shipped post and reply templates (from ``folder`` if given).

    Raises ``OSError`` if a file cannot be read.
    """
    paths = [
        (folder / parts[-1]) if folder is not None else resource(*parts)
        for parts in (TEMPLATE_FILES["post"], TEMPLATE_FILES["reply"])
    ]
    return paths[0].read_text(encoding="utf-8"), paths[1].read_text(encoding="utf-8")


def load_template_files(json_posts: str, json_replies: str) -> list[TemplateDefinition]:
    """Both files parsed; raises ``TemplateDataError`` if one is malformed or a key is in both."""
    definitions = parse_definitions(json_posts, "post") + parse_definitions(json_replies, "reply")
    keys = [d.key for d in definitions]
    if len(set(keys)) != len(keys):
        raise TemplateDataError(f"templates: keys in both files: {sorted({k for k in keys if keys.count(k) > 1})}")
    return definitions


@cache
def packaged_definitions() -> tuple[TemplateDefinition, ...]:
    """The packaged templates, read once per process."""
    return tuple(load_template_files(*read_template_files()))


class TemplateError(ValueError):
    """A template cannot be saved, reset or removed as asked; ``code`` names the problem for the UI.

    Codes: ``not_found``, ``not_shipped`` (reset of the person's own template), ``shipped``
    (removing a shipped one), ``invalid_key``, ``key_exists``, ``purpose_required``,
    ``invalid_purpose``, ``empty_name``, ``empty_body``, ``invalid_body`` (``problems`` has the
    :class:`~kurum_masaustu.rules.templates.TemplateProblem` list).
    """

    def __init__(self, code: str, detail: str = "", problems: Sequence[object] = ()) -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail
        self.problems = tuple(problems)


@dataclass(frozen=True)
class TemplateRecord:
    """A template as the UI shows it.

    ``built_in``: the shipped text, unchanged. ``shipped``: the key is a shipped template (so
    :meth:`TemplateService.reset` can restore it). ``category`` and ``note`` come from the shipped
    definition (the table has no column for them); ``None``/empty for the person's own templates.
    """

    id: int
    key: str
    name: str
    purpose: Purpose
    body: str
    fields: tuple[FieldSpec, ...]
    built_in: bool
    shipped: bool
    category: str | None
    note: str

    @property
    def modified(self) -> bool:
        """A shipped template the person changed (the UI offers "Varsayılana dön")."""
        return self.shipped and not self.built_in


@dataclass(frozen=True)
class InstallReport:
    added: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    kept: tuple[str, ...] = ()  #: edited by the person: left as they are


def _purpose(value: str) -> Purpose:
    return "reply" if value == "reply" else "post"


def _store_fields(specs: Iterable[FieldSpec]) -> list[str]:
    # The column is JSON; the model annotates it as list[str] (the demo's plain field names), but
    # this service stores the metadata objects. The cast only quiets the annotation.
    return cast("list[str]", [spec.to_json() for spec in specs])


def _same(row: Template, definition: TemplateDefinition) -> bool:
    return (
        row.name == definition.name
        and row.purpose == definition.purpose
        and row.body == definition.body
        and field_specs_from_stored(row.fields) == list(definition.fields)
    )


def _plain_names(row: Template) -> set[str]:
    """Fields stored as plain names (the older format) rather than metadata objects."""
    stored: Any = row.fields
    return {entry for entry in stored if isinstance(entry, str)} if isinstance(stored, list) else set()


def _is_legacy(row: Template) -> bool:
    """Written before field metadata existed (the demo seed: plain names, ``built_in`` false).

    Nobody could edit templates then, so such a row is the old shipped text, not the person's.
    A row without any field cannot be told apart from the person's edit and counts as theirs.
    """
    stored: Any = row.fields
    return (
        not row.built_in
        and isinstance(stored, list)
        and bool(stored)
        and all(isinstance(entry, str) for entry in stored)
    )


class TemplateService:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        *,
        shipped: Sequence[TemplateDefinition] | None = None,
        actor: str = "kullanıcı",
    ) -> None:
        """``shipped``: the definitions :meth:`reset` restores (default: the packaged files, read
        on first need; :meth:`install_builtins` replaces them with what it installed)."""
        self._sessions = sessions
        self._actor = actor
        self._shipped: dict[str, TemplateDefinition] | None = (
            {d.key: d for d in shipped} if shipped is not None else None
        )

    # ------------------------------------------------------------------ shipped templates

    def _definitions(self) -> dict[str, TemplateDefinition]:
        if self._shipped is None:
            self._shipped = {d.key: d for d in packaged_definitions()}
        return self._shipped

    def shipped(self, key: str) -> TemplateDefinition | None:
        return self._definitions().get(key)

    def install_builtins(self, json_posts: str | None = None, json_replies: str | None = None) -> InstallReport:
        """Upsert the shipped templates by key (default: the packaged files); idempotent.

        Raises ``TemplateDataError`` (before touching the database) if a file is malformed.
        """
        if json_posts is None or json_replies is None:
            packaged = read_template_files()
            json_posts = packaged[0] if json_posts is None else json_posts
            json_replies = packaged[1] if json_replies is None else json_replies
        definitions = load_template_files(json_posts, json_replies)
        added: list[str] = []
        updated: list[str] = []
        unchanged: list[str] = []
        kept: list[str] = []
        with self._sessions.begin() as session:
            rows = {row.key: row for row in session.scalars(select(Template))}
            for definition in definitions:
                row = rows.get(definition.key)
                if row is None:
                    session.add(
                        Template(
                            key=definition.key,
                            name=definition.name,
                            purpose=definition.purpose,
                            body=definition.body,
                            fields=_store_fields(definition.fields),
                            built_in=True,
                        )
                    )
                    added.append(definition.key)
                elif not row.built_in and not _is_legacy(row):
                    kept.append(definition.key)
                elif _same(row, definition) and row.built_in:
                    unchanged.append(definition.key)
                else:
                    self._apply(row, definition)
                    updated.append(definition.key)
        self._shipped = {d.key: d for d in definitions}
        return InstallReport(tuple(added), tuple(updated), tuple(unchanged), tuple(kept))

    @staticmethod
    def _apply(row: Template, definition: TemplateDefinition) -> None:
        row.name = definition.name
        row.purpose = definition.purpose
        row.body = definition.body
        row.fields = _store_fields(definition.fields)
        row.built_in = True

    # ------------------------------------------------------------------ reading

    def _record(self, row: Template) -> TemplateRecord:
        definition = self._definitions().get(row.key)
        stored = field_specs_from_stored(row.fields)
        plain = _plain_names(row)
        # A field stored as a plain name has no metadata of its own: the shipped metadata of the
        # same field is the best there is, then a default.
        previous = [spec for spec in stored if spec.name in plain]
        previous += definition.fields if definition is not None else ()
        specs = merge_field_specs(row.body, [spec for spec in stored if spec.name not in plain], previous)
        return TemplateRecord(
            id=row.id,
            key=row.key,
            name=row.name,
            purpose=_purpose(row.purpose),
            body=row.body,
            fields=tuple(specs),
            built_in=row.built_in,
            shipped=definition is not None,
            category=definition.category if definition is not None else None,
            note=definition.note if definition is not None else "",
        )

    def list(self, purpose: Purpose | None = None, query: str = "") -> builtins.list[TemplateRecord]:
        """Templates (of one purpose), in Turkish alphabetical order of their names; ``query``
        keeps those whose name or body contains it (Turkish-insensitive: "cop" finds "Çöp")."""
        with self._sessions() as session:
            statement = select(Template)
            if purpose is not None:
                statement = statement.where(Template.purpose == purpose)
            records = [self._record(row) for row in session.scalars(statement)]
        if query.strip():
            wanted = search_key(query.strip())
            records = [r for r in records if wanted in search_key(r.name) or wanted in search_key(r.body)]
        return sorted(records, key=lambda r: (sort_key(r.name), r.key))

    def get(self, key: str) -> TemplateRecord | None:
        with self._sessions() as session:
            row = session.scalar(select(Template).where(Template.key == key))
            return self._record(row) if row is not None else None

    # ------------------------------------------------------------------ editing

    def save(
        self,
        key: str,
        name: str,
        body: str,
        fields: Sequence[FieldSpec] = (),
        *,
        purpose: Purpose | None = None,
    ) -> TemplateRecord:
        """Save the person's edit of ``key`` (or create their own template; then ``purpose`` is needed).

        ``fields`` gives metadata for the body's fields; a field without it keeps its earlier
        metadata, else gets a default (text, required); metadata of fields no longer in the body is
        dropped. A change makes the template the person's (``built_in`` false: reinstalls leave it
        alone); saving exactly the shipped text makes it built-in again. Nothing is kept of the
        earlier user text (no history); the shipped text stays available to :meth:`reset`.
        Raises :class:`TemplateError`.
        """
        name = name.strip()
        if not name:
            raise TemplateError("empty_name")
        if not body.strip():
            raise TemplateError("empty_body")
        if purpose is not None and purpose not in PURPOSES:
            raise TemplateError("invalid_purpose", str(purpose))
        with self._sessions.begin() as session:
            row = session.scalar(select(Template).where(Template.key == key))
            previous = field_specs_from_stored(row.fields) if row is not None else []
            specs = merge_field_specs(body, fields, previous)
            problems = check_template(body, specs)
            if problems:
                raise TemplateError("invalid_body", ", ".join(p.code.value for p in problems), problems)
            created = row is None
            changed = True
            if row is None:
                if not is_template_key(key):
                    raise TemplateError("invalid_key", key)
                if purpose is None:
                    raise TemplateError("purpose_required", key)
                row = Template(key=key, name=name, purpose=purpose, body=body, fields=_store_fields(specs))
                row.built_in = False
                session.add(row)
            else:
                if purpose is not None and purpose != row.purpose:
                    raise TemplateError("invalid_purpose", f"{key} is a {row.purpose} template")
                changed = (
                    row.name != name
                    or row.body != body
                    or field_specs_from_stored(row.fields) != specs
                    or _is_legacy(row)
                )
                if changed:
                    row.name = name
                    row.body = body
                    row.fields = _store_fields(specs)
                    definition = self._definitions().get(key)
                    row.built_in = definition is not None and _same(row, definition)
            session.flush()
            if changed:
                session.add(
                    AuditEntry(
                        actor=self._actor,
                        action="template.create" if created else "template.save",
                        entity="template",
                        entity_id=row.id,
                        detail={"key": key, "built_in": row.built_in},
                    )
                )
            return self._record(row)

    def reset(self, key: str) -> TemplateRecord:
        """Put the shipped name, text and fields back (the person's version is discarded)."""
        definition = self._definitions().get(key)
        with self._sessions.begin() as session:
            row = session.scalar(select(Template).where(Template.key == key))
            if definition is None:
                raise TemplateError("not_shipped" if row is not None else "not_found", key)
            if row is None:
                row = Template(key=key, body=definition.body, name=definition.name)
                session.add(row)
            self._apply(row, definition)
            session.flush()
            session.add(self._audit("template.reset", row.id, key))
            return self._record(row)

    def _audit(self, action: str, template_id: int, key: str) -> AuditEntry:
        return AuditEntry(
            actor=self._actor, action=action, entity="template", entity_id=template_id, detail={"key": key}
        )

    def delete(self, key: str) -> None:
        """Remove one of the person's own templates (shipped ones can only be reset)."""
        if key in self._definitions():
            raise TemplateError("shipped", key)
        with self._sessions.begin() as session:
            row = session.scalar(select(Template).where(Template.key == key))
            if row is None:
                raise TemplateError("not_found", key)
            session.add(self._audit("template.delete", row.id, key))
            session.delete(row)

    def suggest_key(self, name: str) -> str:
        """A free key for a new template of the person's, from its name: "Kış duyurusu" → ``ozel_kis_duyurusu``."""
        stem = re.sub(r"[^a-z0-9]+", "_", search_key(name)).strip("_")[:60] or "sablon"
        base = f"ozel_{stem}"
        with self._sessions() as session:
            taken = set(session.scalars(select(Template.key).where(Template.key.like(f"{base}%"))))
        taken |= set(self._definitions())
        candidate, number = base, 2
        while candidate in taken:
            candidate, number = f"{base}_{number}", number + 1
        return candidate
