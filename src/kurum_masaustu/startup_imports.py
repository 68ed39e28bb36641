"""The Qt-free modules the first window needs, imported before PySide6.

PySide6 looks at every module imported after it: to support ``from __feature__ import
snake_case`` it reads each new module's source file (``inspect.getsource``) and searches it for
"PySide6". For SQLAlchemy's hundred modules and ours that costs tens of milliseconds of
start-up, so the GUI path imports them first; nothing else changes. A test keeps this list free
of Qt (a module here that imported PySide6 would only move the cost, not fail) and SQLAlchemy
and the storage modules on it; list the window's rules and services here as they are added.
"""

from __future__ import annotations

import importlib

QT_FREE_MODULES: tuple[str, ...] = (
    "asyncio",
    "sqlite3",
    "sqlalchemy.orm",
    "sqlalchemy.dialects.sqlite",
    "filelock",
    "kurum_masaustu.paths",
    "kurum_masaustu.errors",
    "kurum_masaustu.credentials",
    "kurum_masaustu.publishing.registry",
    "kurum_masaustu.settings",
    "kurum_masaustu.logging_setup",
    "kurum_masaustu.profile_lock",
    "kurum_masaustu.domain",
    "kurum_masaustu.store.models",
    "kurum_masaustu.store.database",
    "kurum_masaustu.store.search",
    "kurum_masaustu.rules.days",
    "kurum_masaustu.rules.tone",
    "kurum_masaustu.rules.best_time",
    "kurum_masaustu.rules.channel_health",
    "kurum_masaustu.rules.checklist",
    "kurum_masaustu.rules.crisis",
    "kurum_masaustu.rules.goals",
    "kurum_masaustu.rules.inbox",
    "kurum_masaustu.rules.kinds",
    "kurum_masaustu.rules.plan_filter",
    "kurum_masaustu.rules.recurrence",
    "kurum_masaustu.rules.routing",
    "kurum_masaustu.rules.templates",
    "kurum_masaustu.calendar_data",
    "kurum_masaustu.publishing.pause",
    "kurum_masaustu.services.posts",
    "kurum_masaustu.services.inbox",
    "kurum_masaustu.services.outbox",
    "kurum_masaustu.services.autosave",
    "kurum_masaustu.services.channels",
    "kurum_masaustu.services.conversation",
    "kurum_masaustu.services.crisis",
    "kurum_masaustu.services.media_facts",
    "kurum_masaustu.services.planning",
    # Built with the window too (the IT policy, the media pane's frames, the checklist tab):
    "kurum_masaustu.policy",
    "kurum_masaustu.media.errors",
    "kurum_masaustu.media.specs",
    "kurum_masaustu.rules.missed_slot",
    "kurum_masaustu.rules.notifications",
    "kurum_masaustu.rules.permalinks",
    "kurum_masaustu.rules.presets",
    "kurum_masaustu.rules.spelling",
    "kurum_masaustu.services.checklist",
    "kurum_masaustu.services.links",
    "kurum_masaustu.services.spelling",
    "kurum_masaustu.ui",
    "kurum_masaustu.ui.tasks",
)


def import_qt_free_modules() -> None:
    for name in QT_FREE_MODULES:
        importlib.import_module(name)
