"""TEST-ONLY: the IT policy as the *installed* app reads it (registry + %ProgramData% file). Never shipped.

policy_probe.py   → one JSON line: {"values": {...}, "sources": {...}, "problems": [...]}
"""

from __future__ import annotations

import json
import sys

from kurum_masaustu.policy import load_policy, policy_file

sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]  # the pipe is not UTF-8 by default

policy = load_policy()
values = {key: value if isinstance(value, (str, int, bool)) else repr(value) for key, value in policy.values.items()}
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
