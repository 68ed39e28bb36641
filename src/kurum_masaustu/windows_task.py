"""The optional Windows scheduled task that runs ``kurum-masaustu sync`` every N minutes.

The MSI creates it when IT passes ``SYNC_INTERVAL_MINUTES=N`` and removes it on uninstall, by
running, as deferred custom actions::

    python\\python.exe -m kurum_masaustu.windows_task create --minutes N --launcher <exe>
    python\\python.exe -m kurum_masaustu.windows_task delete

The task runs the branded launcher with ``sync --wait 60`` for whichever member of the local
Users group is logged on (their own profile and Credential Manager entries; nothing runs as
SYSTEM), so scheduled posts go out while the window is closed. Overlapping runs are not started
(``IgnoreNew``); a run waits up to 60 s for an open window's profile lock, then exits.

Standard library only, and no ``platform`` import (the custom action runs without a console).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

from kurum_masaustu.rules.policy import SYNC_MINUTES_RANGE

TASK_NAME = r"\Kurum Masaustu\Sync"
USERS_GROUP_SID = "S-1-5-32-545"  # BUILTIN\Users
SYNC_ARGUMENTS = "sync --wait 60"
DESCRIPTION = (
    "Kurum Masaüstü: zamanı gelen gönderileri yayımlar ve gelen kutusunu eşitler (pencere kapalıyken de)."
)


def task_xml(launcher: str, minutes: int) -> str:
    """Task Scheduler 1.2 XML: every ``minutes`` from install time on, for logged-on users."""
    low, high = SYNC_MINUTES_RANGE
    if not low <= minutes <= high:
        raise ValueError(f"the sync interval must be {low}–{high} minutes, not {minutes}")
    return f"""<?xml version="1.0" encoding="UTF-16"?>
<Task version="1.2" xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task">
  <RegistrationInfo>
    <Author>Kurum Masaustu</Author>
    <Description>{DESCRIPTION}</Description>
  </RegistrationInfo>
  <Triggers>
    <TimeTrigger>
      <StartBoundary>2026-01-01T00:00:00</StartBoundary>
      <Enabled>true</Enabled>
      <Repetition>
        <Interval>PT{minutes}M</Interval>
        <StopAtDurationEnd>false</StopAtDurationEnd>
      </Repetition>
    </TimeTrigger>
  </Triggers>
  <Principals>
    <Principal id="Users">
      <GroupId>{USERS_GROUP_SID}</GroupId>
      <RunLevel>LeastPrivilege</RunLevel>
    </Principal>
  </Principals>
  <Settings>
    <MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy>
    <DisallowStartIfOnBatteries>false</DisallowStartIfOnBatteries>
    <StopIfGoingOnBatteries>false</StopIfGoingOnBatteries>
    <StartWhenAvailable>true</StartWhenAvailable>
    <RunOnlyIfNetworkAvailable>false</RunOnlyIfNetworkAvailable>
    <ExecutionTimeLimit>PT30M</ExecutionTimeLimit>
    <Enabled>true</Enabled>
    <Hidden>false</Hidden>
  </Settings>
  <Actions Context="Users">
    <Exec>
      <Command>{escape(launcher)}</Command>
      <Arguments>{escape(SYNC_ARGUMENTS)}</Arguments>
    </Exec>
  </Actions>
</Task>
"""


def _schtasks(*args: str) -> int:
    system_root = os.environ.get("SYSTEMROOT", r"C:\Windows")
    command = [str(Path(system_root) / "System32" / "schtasks.exe"), *args]
    flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)
    result = subprocess.run(command, capture_output=True, text=True, creationflags=flags, check=False)
    output = (result.stdout + result.stderr).strip()
    if output:
        print(output)
    return result.returncode


def create(launcher: str, minutes: int) -> int:
    xml = task_xml(launcher, minutes)
    handle, name = tempfile.mkstemp(prefix="kurum-task-", suffix=".xml")
    try:
        with os.fdopen(handle, "w", encoding="utf-16") as file:
            file.write(xml)
        return _schtasks("/Create", "/TN", TASK_NAME, "/XML", name, "/F")
    finally:
        Path(name).unlink(missing_ok=True)


def delete() -> int:
    return _schtasks("/Delete", "/TN", TASK_NAME, "/F")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kurum_masaustu.windows_task")
    actions = parser.add_subparsers(dest="action", required=True)
    made = actions.add_parser("create")
    made.add_argument("--minutes", type=int, required=True)
    made.add_argument("--launcher", required=True)
    actions.add_parser("delete")
    actions.add_parser("xml").add_argument("--minutes", type=int, default=15)
    args = parser.parse_args(argv)
    if args.action == "create":
        return create(args.launcher, args.minutes)
    if args.action == "xml":
        print(task_xml(r"C:\Program Files\Kurum Masaustu\kurum-masaustu.exe", args.minutes))
        return 0
    return delete()


if __name__ == "__main__":
    sys.exit(main())
