"""TEST-ONLY: the IT policy as the *installed* app reads it (registry + %ProgramData% file). Never shipped.

policy_probe.py   → one JSON line: {"values": {...}, "sources": {...}, "problems": [...]}
"""

from __future__ import annotations

import dataclasses
import json
import sys
from typing import Any

from kurum_masaustu.policy import load_policy, policy_file

sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]  # the pipe is not UTF-8 by default


def plain(value: Any) -> Any:
    """JSON-able: preset channels (dataclasses) as objects, tuples as lists."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return plain(dataclasses.asdict(value))
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    return value if value is None or isinstance(value, (str, int, float, bool)) else repr(value)


policy = load_policy()
values = {key: plain(value) for key, value in policy.values.items()}
print(
    json.dumps(
        {
            "file": str(policy_file()),
            "values": values,
            "sources": policy.sources,
            "problems": [str(problem) for problem in policy.problems],
        },
        ensure_ascii=False,
        sort_keys=True,
    )
)
