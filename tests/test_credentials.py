"""Credential store: real OS keyring round trip, refusal of insecure backends, no leaks.

The tests marked ``real_keyring`` need a working Secret Service (Linux), Credential Manager
(Windows) or Keychain (macOS). On Linux CI run them in a private D-Bus session with an
unlocked gnome-keyring (see docs / dev_environment.md §4). Without one they FAIL, unless
``KM_ALLOW_NO_KEYRING=1`` is set, in which case they are skipped.
"""

from __future__ import annotations

import logging
import os
import traceback
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import keyring
import keyring.core
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail, null
from keyring.errors import PasswordDeleteError

from kurum_masaustu.credentials import (
    CredentialError,
    CredentialStore,
    KeyringUnavailableError,
    namespace_for,
)
from kurum_masaustu.logging_setup import LOG_FILE_NAME, setup_logging, teardown_logging

# The OS stores we accept as "real" in CI and on users' machines.
REAL_BACKENDS = {
    "keyring.backends.SecretService.Keyring",
    "keyring.backends.libsecret.Keyring",
    "keyring.backends.kwallet.DBusKeyring",
    "keyring.backends.Windows.WinVaultKeyring",
    "keyring.backends.macOS.Keyring",
}

SECRET = "EAAG-gizli-ğüşİıöç-" + "x" * 40


# ---------------------------------------------------------------------------- fake backends
# ``viable = False`` keeps them out of keyring's own backend detection.


class MemoryKeyring(KeyringBackend):
    """An in-memory store standing in for a secure OS keyring."""

    priority: float = 1
    viable = False

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.entries.pop((service, username), None) is None:
            raise PasswordDeleteError("not found")


class PlaintextKeyring(MemoryKeyring):
    """Looks like keyrings.alt's file backend: secrets in a plain file."""

    priority = 0.5


PlaintextKeyring.__module__ = "keyrings.alt.file"


class LowPriorityKeyring(MemoryKeyring):
    priority = 0.2


class LeakyKeyring(MemoryKeyring):
    """A backend whose errors repeat the value they were given."""

    def set_password(self, service: str, username: str, password: str) -> None:
        raise RuntimeError(f"cannot store {password!r} for {username}")


# ---------------------------------------------------------------------------- fixtures


@pytest.fixture
def real_store() -> Iterator[CredentialStore]:
    """A store on the machine's real keyring, in a namespace of its own."""
    store = CredentialStore(f"test-{uuid.uuid4().hex[:12]}")
    ok, reason = store.available()
    backend = store.backend_name()
    problem = None
    if not ok:
        problem = reason
    elif backend not in REAL_BACKENDS:
        problem = f"the active keyring backend {backend} is not a real OS keyring"
    if problem is not None:
        if os.environ.get("KM_ALLOW_NO_KEYRING") == "1":
            pytest.skip(f"no real keyring (KM_ALLOW_NO_KEYRING=1): {problem}")
        pytest.fail(
            f"No real keyring: {problem}. Run the tests inside dbus-run-session with an unlocked "
            "gnome-keyring, or set KM_ALLOW_NO_KEYRING=1 to skip.",
            pytrace=False,
        )
    yield store
    store.delete_all()


@pytest.fixture
def memory() -> MemoryKeyring:
    return MemoryKeyring()


@pytest.fixture
def store(memory: MemoryKeyring) -> CredentialStore:
    return CredentialStore("profile-a", backend=memory)


# ---------------------------------------------------------------------------- real keyring


def test_real_keyring_round_trip(real_store: CredentialStore) -> None:
    assert real_store.get_secret(7, "access_token") is None
    real_store.set_secret(7, "access_token", SECRET)
    real_store.set_secret(7, "refresh_token", "rt-" + SECRET)
    assert real_store.get_secret(7, "access_token") == SECRET
    assert real_store.names_for(7) == ["access_token", "refresh_token"]

    real_store.set_secret(7, "access_token", "yenilenmiş-token")
    assert real_store.get_secret(7, "access_token") == "yenilenmiş-token"

    real_store.delete_secret(7, "access_token")
    real_store.delete_secret(7, "access_token")  # deleting twice is fine
    assert real_store.get_secret(7, "access_token") is None
    assert real_store.names_for(7) == ["refresh_token"]


def test_real_keyring_long_value_and_index_hold_no_secret(real_store: CredentialStore) -> None:
    long_value = "eyJ" + "😀ğ" * 900 + "-son"  # past Windows' 2560-byte limit, non-BMP included
    real_store.set_secret(3, "app_password", long_value)
    real_store.set_secret(4, "access_token", SECRET)
    assert real_store.get_secret(3, "app_password") == long_value

    index = keyring.get_password(CredentialStore.SERVICE, f"{real_store.namespace}:index")
    assert index is not None
    assert "app_password" in index
    assert SECRET not in index
    assert "son" not in index

    real_store.delete_all_for(3)
    assert real_store.get_secret(3, "app_password") is None
    assert keyring.get_password(CredentialStore.SERVICE, f"{real_store.namespace}:channel:3:app_password#1") is None
    assert real_store.get_secret(4, "access_token") == SECRET
    assert real_store.names_for(3) == []


def test_real_keyring_profiles_do_not_clash(real_store: CredentialStore) -> None:
    other = CredentialStore(f"{real_store.namespace}-other")
    try:
        real_store.set_secret(1, "access_token", "profile-one")
        other.set_secret(1, "access_token", "profile-two")
        assert real_store.get_secret(1, "access_token") == "profile-one"
        assert other.get_secret(1, "access_token") == "profile-two"
        other.delete_all_for(1)
        assert real_store.get_secret(1, "access_token") == "profile-one"
    finally:
        other.delete_all()


# ---------------------------------------------------------------------------- refusals


def test_fail_backend_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keyring.core, "_keyring_backend", fail.Keyring())
    store = CredentialStore("profile-a")
    ok, reason = store.available()
    assert ok is False
    assert "no system keyring" in reason
    with pytest.raises(KeyringUnavailableError) as info:
        store.set_secret(1, "access_token", SECRET)
    assert isinstance(info.value, RuntimeError)
    assert SECRET not in str(info.value)
    with pytest.raises(KeyringUnavailableError):
        store.get_secret(1, "access_token")


def test_null_backend_is_refused() -> None:
    ok, reason = CredentialStore("p", backend=null.Keyring()).available()
    assert ok is False
    assert "null" in reason


def test_plaintext_backend_is_refused() -> None:
    backend = PlaintextKeyring()
    store = CredentialStore("p", backend=backend)
    ok, reason = store.available()
    assert ok is False
    assert "keyrings.alt.file.PlaintextKeyring" in reason
    with pytest.raises(KeyringUnavailableError):
        store.set_secret(1, "access_token", SECRET)
    assert backend.entries == {}  # nothing was written in plain text


def test_low_priority_backend_is_refused() -> None:
    ok, reason = CredentialStore("p", backend=LowPriorityKeyring()).available()
    assert ok is False
    assert "not a recommended secure store" in reason


def test_chain_uses_only_its_secure_member(monkeypatch: pytest.MonkeyPatch) -> None:
    from keyring.backends.chainer import ChainerBackend

    plain, secure = PlaintextKeyring(), MemoryKeyring()
    plain.set_password(CredentialStore.SERVICE, "p:channel:1:access_token", "planted")

    class Chain(ChainerBackend):
        viable = False
        backends: ClassVar[list[KeyringBackend]] = [plain, secure]

    store = CredentialStore("p", backend=Chain())
    assert store.available() == (True, "")
    assert store.get_secret(1, "access_token") is None  # the plaintext entry is never read
    store.set_secret(1, "access_token", SECRET)
    assert secure.get_password(CredentialStore.SERVICE, "p:channel:1:access_token") == SECRET
    assert plain.get_password(CredentialStore.SERVICE, "p:channel:1:access_token") == "planted"

    class PlainChain(ChainerBackend):
        viable = False
        backends: ClassVar[list[KeyringBackend]] = [plain]

    assert CredentialStore("p", backend=PlainChain()).available()[0] is False


# ---------------------------------------------------------------------------- behaviour (memory)


def test_chunked_values_and_cleanup(store: CredentialStore, memory: MemoryKeyring) -> None:
    long_value = "a" * 2000
    store.set_secret(1, "access_token", long_value)
    keys = {user for _service, user in memory.entries}
    assert "profile-a:channel:1:access_token#4" in keys
    assert all(len(v) <= 1000 for v in memory.entries.values())
    assert store.get_secret(1, "access_token") == long_value

    store.set_secret(1, "access_token", "short")
    assert store.get_secret(1, "access_token") == "short"
    assert not any("#" in user for _service, user in memory.entries)

    store.set_secret(1, "access_token", long_value)
    store.delete_secret(1, "access_token")
    assert set(memory.entries) == set()  # the index goes when it is empty


def test_delete_all_for_only_touches_that_channel(store: CredentialStore) -> None:
    store.set_secret(1, "access_token", "one")
    store.set_secret(1, "refresh_token", "one-r")
    store.set_secret(2, "access_token", "two")
    store.delete_all_for(1)
    assert store.get_secret(1, "access_token") is None
    assert store.get_secret(1, "refresh_token") is None
    assert store.get_secret(2, "access_token") == "two"
    assert store.names_for(1) == []
    assert store.names_for(2) == ["access_token"]
    store.delete_all_for(99)  # unknown channel: nothing to do


def test_missing_chunk_is_an_error_without_values(store: CredentialStore, memory: MemoryKeyring) -> None:
    store.set_secret(1, "access_token", "b" * 1500)
    del memory.entries[(CredentialStore.SERVICE, "profile-a:channel:1:access_token#2")]
    with pytest.raises(CredentialError) as info:
        store.get_secret(1, "access_token")
    assert "b" * 10 not in str(info.value)


def test_invalid_input(store: CredentialStore) -> None:
    with pytest.raises(ValueError, match="non-empty"):
        store.set_secret(1, "access_token", "")
    with pytest.raises(ValueError, match="channel_id"):
        store.set_secret(-1, "access_token", "x")
    with pytest.raises(ValueError, match="channel_id"):
        store.get_secret(True, "access_token")
    with pytest.raises(ValueError, match="secret name"):
        store.get_secret(1, "bad:name")
    with pytest.raises(ValueError, match="namespace"):
        CredentialStore("")


def test_namespace_from_a_path_is_hashed() -> None:
    path = str(Path("/home/ali/Kurum Masaüstü/profile"))
    namespace = namespace_for(path)
    assert namespace.startswith("p-")
    assert namespace == CredentialStore(path).namespace
    assert namespace != namespace_for(path + "2")
    assert namespace_for("profile-a") == "profile-a"


def test_damaged_index_is_replaced(store: CredentialStore, memory: MemoryKeyring) -> None:
    memory.set_password(CredentialStore.SERVICE, "profile-a:index", "{not json")
    assert store.names_for(1) == []
    store.set_secret(1, "access_token", "x1")
    assert store.names_for(1) == ["access_token"]


# ---------------------------------------------------------------------------- no leaks


def test_errors_never_contain_the_secret(tmp_path: Path) -> None:
    store = CredentialStore("p", backend=LeakyKeyring())
    for value in (SECRET, "z" * 1500):
        with pytest.raises(CredentialError) as info:
            store.set_secret(1, "access_token", value)
        err = info.value
        assert "access_token" in str(err)
        assert value not in str(err)
        assert value[:600] not in str(err)
        assert err.__cause__ is None
        assert value not in "".join(traceback.format_exception(err))


def test_secrets_never_reach_the_log(tmp_path: Path, store: CredentialStore, caplog: pytest.LogCaptureFixture) -> None:
    ring = setup_logging(tmp_path / "logs", logging.DEBUG)
    try:
        caplog.set_level(logging.DEBUG)
        store.set_secret(5, "app_password", SECRET)
        assert store.get_secret(5, "app_password") == SECRET
        store.delete_all_for(5)
        with pytest.raises(CredentialError):
            CredentialStore("p", backend=LeakyKeyring()).set_secret(5, "app_password", SECRET)
    finally:
        teardown_logging()
    text = (tmp_path / "logs" / LOG_FILE_NAME).read_text(encoding="utf-8")
    assert "Saved secret 'app_password' of channel 5" in text
    assert "Could not save the secret" not in text or SECRET not in text
    for output in (text, ring.text(), caplog.text):
        assert SECRET not in output
