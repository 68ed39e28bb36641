"""A profile folder the user cannot write: the app says so and changes nothing (real OS rights).

As root every folder is writable, so the app then runs as ``nobody`` (``setpriv``) on a folder
owned by root: the same refusal a user meets on a profile IT made read-only.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

NOBODY = 65534


@pytest.fixture
def read_only_profile() -> Iterator[Path]:
    base = Path(tempfile.mkdtemp(prefix="kurum-ro-"))
    base.chmod(0o755)
    profile = base / "profile"
    (profile / "logs").mkdir(parents=True)
    (profile / "settings.json").write_text('{"language": "tr", "province": "Bursa"}', encoding="utf-8")
    for folder in (profile / "logs", profile):
        folder.chmod(stat.S_IRUSR | stat.S_IXUSR | stat.S_IRGRP | stat.S_IXGRP | stat.S_IROTH | stat.S_IXOTH)
    try:
        yield profile
    finally:
        for folder in (profile, profile / "logs"):
            folder.chmod(0o755)
        shutil.rmtree(base)


def _as_user_without_rights(command: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return command
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.fail("running as root needs setpriv (util-linux) to drop to an unprivileged user")
    return [setpriv, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", *command]


def test_a_read_only_profile_is_refused_with_a_clear_message(read_only_profile: Path) -> None:
    before = sorted((p.relative_to(read_only_profile), p.stat().st_mtime_ns) for p in read_only_profile.rglob("*"))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME="/tmp", XDG_RUNTIME_DIR="/tmp")
    command = [
        sys.executable,
        "-m",
        "kurum_masaustu",
        "--profile",
        str(read_only_profile),
        "--screenshot",
        "/tmp/x.png",
    ]
    result = subprocess.run(
        _as_user_without_rights(command), capture_output=True, text=True, timeout=120, env=env, check=False
    )
    assert result.returncode == 6, result.stderr
    assert "Profil klasörüne yazılamıyor" in result.stderr
    assert str(read_only_profile) in result.stderr
    assert "Traceback" not in result.stderr
    after = sorted((p.relative_to(read_only_profile), p.stat().st_mtime_ns) for p in read_only_profile.rglob("*"))
    assert after == before  # nothing created or changed
