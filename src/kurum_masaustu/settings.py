"""The profile's settings: one typed object, stored as JSON in the profile, written atomically.

Secrets never go here (see :mod:`kurum_masaustu.credentials`).
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import uuid
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from kurum_masaustu.rules.inbox_settings import InboxSettings, usable
from kurum_masaustu.rules.notifications import NotificationSettings

log = logging.getLogger(__name__)

LANGUAGES = ("tr", "en")


@dataclass
class Settings:
    #: Stable id of the profile (keys its keyring entries even if the folder moves).
    profile_id: str = ""
    language: str = "tr"
    institution_name: str = ""
    province: str = ""
    district: str = ""
    business_hours_start: int = 8
    business_hours_end: int = 17
    #: Working days (Monday 0), the response target and the crisis spike rule (rules/inbox_settings.py).
    business_weekdays: list[int] = field(default_factory=lambda: [0, 1, 2, 3, 4])
    response_target_minutes: int = 240
    spike_window_minutes: int = 120
    spike_min_count: int = 6
    spike_ratio: float = 3.0
    #: Election period (YSK calendar: propaganda start … the day after voting), ISO dates or "".
    election_start: str = ""
    election_end: str = ""
    #: A post that would go out too late, whatever held it: "ask", "publish_late" or "drop"
    #: (rules/missed_slot.py).
    missed_slot_policy: str = "ask"
    #: Desktop notifications while the window is in the background (rules/notifications.py).
    notify_new_messages: bool = True
    notify_outside_hours: bool = False
    notify_failures: bool = True
    #: When the last full backup (File → Back up…, or ``kurum-masaustu backup``) was written: ISO UTC or "".
    last_backup_at: str = ""

    @classmethod
    def load(cls, path: Path) -> Settings:
        """Read settings; unknown keys are ignored and a broken file falls back to defaults."""
        try:
            raw: Any = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls()
        except (OSError, ValueError) as exc:
            log.warning("settings file %s unreadable (%s); using defaults", path, exc)
            return cls()
        if not isinstance(raw, dict):
            return cls()
        known = {f.name: f for f in fields(cls)}
        values = {k: v for k, v in raw.items() if k in known and isinstance(v, type(getattr(cls(), k)))}
        if isinstance(raw.get("spike_ratio"), int) and not isinstance(raw["spike_ratio"], bool):
            values["spike_ratio"] = float(raw["spike_ratio"])
        settings = cls(**values)
        if settings.language not in LANGUAGES:
            settings.language = "tr"
        return settings

    def inbox(self) -> InboxSettings:
        """The inbox's settings, checked: values a hand-edited file broke give the defaults."""
        days = self.business_weekdays
        weekdays = frozenset(d for d in days if isinstance(d, int) and not isinstance(d, bool))
        if len(weekdays) != len(set(map(repr, days))):
            weekdays = frozenset({-1})  # something that is not a weekday: refused below
        return usable(
            InboxSettings(
                self.business_hours_start,
                self.business_hours_end,
                weekdays,
                self.response_target_minutes,
                self.spike_window_minutes,
                self.spike_min_count,
                self.spike_ratio,
            )
        )

    def notifications(self) -> NotificationSettings:
        return NotificationSettings(self.notify_new_messages, self.notify_outside_hours, self.notify_failures)

    def ensure_profile_id(self, path: Path) -> str:
        """Give a new profile its id (saved at once); returns the id."""
        if not self.profile_id:
            self.profile_id = uuid.uuid4().hex
            self.save(path)
        return self.profile_id

    def save(self, path: Path) -> None:
        data = json.dumps(asdict(self), ensure_ascii=False, indent=2, sort_keys=True)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".settings-", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
