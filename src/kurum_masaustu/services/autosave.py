"""The composer's unsaved work, kept on disk as it is typed (a crash or power cut loses nothing).

One small JSON file in the profile, replaced atomically (write, fsync, rename), removed once
the draft is saved for real.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

VERSION = 1


class Autosave:
    def __init__(self, path: Path) -> None:
        self.path = path

    def save(self, state: dict[str, Any]) -> None:
        data = json.dumps({"version": VERSION, "state": state}, ensure_ascii=False)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".autosave-", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def load(self) -> dict[str, Any] | None:
        """The last autosaved state, or None (no file, or a file we cannot read: kept aside)."""
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as exc:
            log.warning("autosave file unreadable (%s); kept as %s.bad", exc, self.path.name)
            self.path.replace(self.path.with_suffix(".bad"))
            return None
        if not isinstance(raw, dict) or raw.get("version") != VERSION or not isinstance(raw.get("state"), dict):
            return None
        state: dict[str, Any] = raw["state"]
        return state

    def clear(self) -> None:
        self.path.unlink(missing_ok=True)
