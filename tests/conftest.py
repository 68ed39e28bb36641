"""Hermetic test setup: offscreen Qt, and a fresh profile folder for every test."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import; CI may choose xcb

import asyncio
import gc
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from kurum_masaustu.app import Services, build_services
from kurum_masaustu.credentials import CredentialStore
from kurum_masaustu.paths import Profile
from kurum_masaustu.services.channels import ChannelService
from kurum_masaustu.settings import Settings
from kurum_masaustu.store.database import open_database
from kurum_masaustu.ui.gc_guard import collect_due


@pytest.fixture(autouse=True)
def _garbage_collected_on_the_main_thread() -> Iterator[None]:
    """As the app does (``ui/gc_guard``): no automatic collection, which could run in a worker
    thread and delete a Qt object there; what is due is collected on the main thread after each test."""
    gc.disable()
    yield
    collect_due()


@pytest.fixture
def profile(tmp_path: Path) -> Profile:
    """An empty profile folder of the test's own."""
    return Profile(tmp_path / "profile").ensure()


@pytest.fixture
def engine(profile: Profile) -> Iterator[Engine]:
    """The profile's real SQLite database, migrated to the current schema."""
    eng = open_database(profile.database, profile.backup_dir)
    yield eng
    eng.dispose()


@pytest.fixture
def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@pytest.fixture
def qloop(qapp: object) -> Iterator[asyncio.AbstractEventLoop]:
    """A qasync loop as the current event loop, as the app runs (``run_until_complete`` drives it)."""
    import qasync

    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    yield loop
    loop.run_until_complete(loop.shutdown_asyncgens())
    loop.close()
    asyncio.set_event_loop(None)


@pytest.fixture
def store() -> Iterator[CredentialStore]:
    """A namespace of its own on the machine's real keyring, emptied afterwards."""
    credentials = CredentialStore(namespace=f"test-{uuid.uuid4().hex[:12]}")
    yield credentials
    credentials.delete_all()


@pytest.fixture
def channels(session_factory: sessionmaker[Session], store: CredentialStore) -> ChannelService:
    return ChannelService(session_factory, store)


@pytest.fixture
def services(profile: Profile) -> Iterator[Services]:
    """The app's real services on the test's own profile."""
    built = build_services(profile, Settings())
    yield built
    built.close()
