"""An error that names its problem with a stable code, for the UI to turn into a Turkish message."""

from __future__ import annotations


class CodedError(Exception):
    """``code`` picks the message; ``detail`` adds facts (never a secret)."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail
