"""The Windows recipe's Python helpers, loaded from packaging/windows/ (not a package)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

WINDOWS = Path(__file__).resolve().parents[2] / "packaging" / "windows"


def _load(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def buildtool() -> ModuleType:
    return _load(WINDOWS / "buildtool.py", "km_buildtool")


@pytest.fixture(scope="module")
def smoke_checks() -> ModuleType:
    return _load(WINDOWS / "harness" / "smoke_checks.py", "km_smoke_checks")


@pytest.fixture(scope="module")
def payload() -> ModuleType:
    """The MSI's exclusion list (packaging/windows/payload.py)."""
    return _load(WINDOWS / "payload.py", "km_payload")
