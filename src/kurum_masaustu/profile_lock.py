"""One process at a time writes a profile: the window or ``kurum-masaustu sync``, never both.

An OS-level file lock (``filelock``: LockFileEx on Windows, fcntl elsewhere) is released by
the OS when the process dies, so a crash never leaves a stale lock behind.
"""

from __future__ import annotations

from pathlib import Path

from filelock import FileLock, Timeout

LOCK_NAME = ".kurum-masaustu.lock"


class ProfileBusyError(RuntimeError):
    """Another process (the window, or a sync) holds the profile."""


class ProfileLock:
    def __init__(self, profile_root: Path) -> None:
        self._lock = FileLock(profile_root / LOCK_NAME, is_singleton=False, thread_local=False)

    def acquire(self, wait_seconds: float = 0) -> None:
        try:
            self._lock.acquire(timeout=wait_seconds)
        except Timeout as exc:
            raise ProfileBusyError(str(self._lock.lock_file)) from exc

    def release(self) -> None:
        if self._lock.is_locked:
            self._lock.release()

    def __enter__(self) -> ProfileLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
