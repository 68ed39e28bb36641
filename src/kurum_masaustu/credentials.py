"""Platform secrets (tokens, app passwords) in the OS keyring: the only place they are stored.

Windows Credential Manager, macOS Keychain or the Secret Service (GNOME Keyring, KWallet) via
``keyring``. Plaintext and "fail"/"null" backends are refused, so a missing keyring is an
honest error instead of a token silently written to a file.

Every method talks to the OS and may block (a D-Bus round trip, an unlock prompt): the UI
calls them through ``await asyncio.to_thread(store.get_secret, ...)``, never on the UI thread.
An instance is safe to share between threads.

Entries: service ``kurum-masaustu``, user name ``<namespace>:channel:<id>:<name>``. An index
entry ``<namespace>:index`` lists which names each channel has (names only, no values) so
:meth:`CredentialStore.delete_all_for` can find them. Values too long for Windows Credential
Manager (2560 bytes) are split over several entries transparently.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

logger = logging.getLogger("kurum_masaustu.credentials")

_NAMESPACE_RE = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
_NAME_RE = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
# Windows stores the value as UTF-16 in at most 2560 bytes: 1280 UTF-16 code units. Stay under
# it (a character outside the BMP takes two units).
_CHUNK_CHARS = 600
_CHUNK_MARKER = "\x00km-chunks:v1:"
_MAX_CHUNKS = 64


def namespace_for(text: str) -> str:
    """The keyring namespace for ``text``: itself if a plain id, else ``p-`` + a short hash.

    Paths are normalised first (``os.path.normcase``), so ``C:\\Users\\X`` and ``c:\\users\\x``
    name the same profile on Windows. A path-based namespace changes when the profile folder
    moves; a stable id stored in the profile avoids that.
    """
    if not isinstance(text, str) or not text:
        raise ValueError("namespace must be a non-empty string")
    if _NAMESPACE_RE.match(text):
        return text
    digest = hashlib.sha256(os.path.normcase(text).encode("utf-8")).hexdigest()[:20]
    return f"p-{digest}"


class CredentialError(RuntimeError):
    """The keyring refused an operation. The message never contains a secret value."""


class KeyringUnavailableError(CredentialError):
    """No secure OS keyring is available (or only a plaintext one, which is refused)."""


def _insecure_reason(backend: KeyringBackend) -> str | None:
    """Why ``backend`` must not hold our secrets, or None if it is an acceptable OS store."""
    cls = type(backend)
    module, name = cls.__module__, cls.__name__
    label = f"{module}.{name}"
    if module == "keyring.backends.fail":
        return "no system keyring is available (keyring found no usable backend)"
    if module == "keyring.backends.null":
        return "the keyring is disabled (null backend)"
    if module.startswith("keyrings.alt") or "plaintext" in label.lower():
        return f"{label} keeps secrets in a file, which is refused"
    try:
        priority = float(backend.priority)
    except Exception as exc:
        return f"{label} is not usable: {type(exc).__name__}"
    if priority < 1:
        return f"{label} is not a recommended secure store (priority {priority:g})"
    return None


def _select_backend(backend: KeyringBackend) -> tuple[KeyringBackend | None, str]:
    """Pick a secure backend: ``backend`` itself or, for a chain, its best secure member."""
    from keyring.backends.chainer import ChainerBackend

    if isinstance(backend, ChainerBackend):
        # The chain would read from (and may write to) any member, a plaintext one included.
        members = [member for member in backend.backends if _insecure_reason(member) is None]
        if not members:
            return None, "no secure keyring among the available backends"
        return members[0], ""
    reason = _insecure_reason(backend)
    return (None, reason) if reason else (backend, "")


class CredentialStore:
    """Secrets of one profile's channels in the OS keyring (blocking; see the module doc)."""

    SERVICE = "kurum-masaustu"

    def __init__(self, namespace: str, backend: KeyringBackend | None = None) -> None:
        """``namespace``: a stable per-profile id; ``backend``: for tests, else keyring's active one.

        A namespace that is not a short plain id (e.g. a profile path) is hashed, see
        :func:`namespace_for`.
        """
        self.namespace = namespace_for(namespace)
        self._explicit_backend = backend
        self._lock = threading.RLock()

    # ------------------------------------------------------------------ backend

    def _active_backend(self) -> KeyringBackend:
        if self._explicit_backend is not None:
            return self._explicit_backend
        import keyring

        return keyring.get_keyring()

    def _backend(self) -> KeyringBackend:
        backend, reason = _select_backend(self._active_backend())
        if backend is None:
            raise KeyringUnavailableError(f"The system keyring is not available: {reason}")
        return backend

    def backend_name(self) -> str:
        """The backend that would be used, for diagnostics."""
        backend, _reason = _select_backend(self._active_backend())
        chosen = backend if backend is not None else self._active_backend()
        return f"{type(chosen).__module__}.{type(chosen).__name__}"

    def available(self) -> tuple[bool, str]:
        """(True, "") if secrets can be stored securely, else (False, reason). Blocking."""
        try:
            backend = self._backend()
            # A read proves the store answers (and is unlocked, prompting the user if needed).
            backend.get_password(self.SERVICE, self._index_user())
        except KeyringUnavailableError as exc:
            return False, str(exc)
        except Exception as exc:
            return False, f"The system keyring could not be opened: {type(exc).__name__}: {exc}"
        return True, ""

    # ------------------------------------------------------------------ names

    def _index_user(self) -> str:
        return f"{self.namespace}:index"

    def _user(self, channel_id: int, name: str) -> str:
        return f"{self.namespace}:channel:{channel_id}:{name}"

    @staticmethod
    def _check(channel_id: int, name: str) -> None:
        if isinstance(channel_id, bool) or not isinstance(channel_id, int) or channel_id < 0:
            raise ValueError("channel_id must be a non-negative integer")
        if not _NAME_RE.match(name):
            raise ValueError("secret name must be 1–64 characters of A–Z, a–z, 0–9, '.', '_' or '-'")

    # ------------------------------------------------------------------ public API

    def set_secret(self, channel_id: int, name: str, value: str) -> None:
        """Store (or replace) the secret ``name`` of a channel."""
        self._check(channel_id, name)
        if not isinstance(value, str) or not value:
            raise ValueError("the secret must be a non-empty string")
        with self._lock:
            backend = self._backend()
            try:
                self._put(backend, self._user(channel_id, name), value)
            except Exception as exc:
                raise self._error("save", channel_id, name, exc, value) from None
            self._update_index(backend, channel_id, add=name)
        logger.info("Saved secret %r of channel %d", name, channel_id)

    def get_secret(self, channel_id: int, name: str) -> str | None:
        """The secret ``name`` of a channel, or None if there is none."""
        self._check(channel_id, name)
        with self._lock:
            backend = self._backend()
            try:
                return self._get(backend, self._user(channel_id, name))
            except Exception as exc:
                raise self._error("read", channel_id, name, exc) from None

    def delete_secret(self, channel_id: int, name: str) -> None:
        """Remove the secret ``name`` of a channel (no error if it does not exist)."""
        self._check(channel_id, name)
        with self._lock:
            backend = self._backend()
            try:
                self._remove(backend, self._user(channel_id, name))
            except Exception as exc:
                raise self._error("delete", channel_id, name, exc) from None
            self._update_index(backend, channel_id, remove=name)
        logger.info("Deleted secret %r of channel %d", name, channel_id)

    def delete_all_for(self, channel_id: int) -> None:
        """Remove every secret stored for a channel (e.g. when it is disconnected)."""
        self._check(channel_id, "x")
        with self._lock:
            backend = self._backend()
            index = self._read_index(backend)
            for name in index.pop(channel_id, []):
                try:
                    self._remove(backend, self._user(channel_id, name))
                except Exception as exc:
                    raise self._error("delete", channel_id, name, exc) from None
            self._write_index(backend, index)
        logger.info("Deleted all secrets of channel %d", channel_id)

    def delete_all(self) -> None:
        """Remove every secret of this namespace (profile), and the index."""
        with self._lock:
            backend = self._backend()
            for channel_id, names in self._read_index(backend).items():
                for name in names:
                    try:
                        self._remove(backend, self._user(channel_id, name))
                    except Exception as exc:
                        raise self._error("delete", channel_id, name, exc) from None
            self._write_index(backend, {})
        logger.info("Deleted all secrets of %s", self.namespace)

    def names_for(self, channel_id: int) -> list[str]:
        """The names of the secrets a channel has (from the index; never the values)."""
        with self._lock:
            return sorted(self._read_index(self._backend()).get(channel_id, []))

    # ------------------------------------------------------------------ entries (chunked)

    def _put(self, backend: KeyringBackend, user: str, value: str) -> None:
        """Write ``value`` under ``user``, split over ``user#1..n`` when it is long."""
        old_count = self._chunk_count(backend.get_password(self.SERVICE, user))
        chunks = [value[i : i + _CHUNK_CHARS] for i in range(0, len(value), _CHUNK_CHARS)]
        if len(chunks) > _MAX_CHUNKS:
            raise ValueError("the value is too long for the keyring")
        if len(chunks) == 1:
            backend.set_password(self.SERVICE, user, value)
        else:
            for number, chunk in enumerate(chunks, start=1):
                backend.set_password(self.SERVICE, f"{user}#{number}", chunk)
            backend.set_password(self.SERVICE, user, f"{_CHUNK_MARKER}{len(chunks)}")
        first_stale = len(chunks) + 1 if len(chunks) > 1 else 1
        for number in range(first_stale, old_count + 1):
            self._delete_missing_ok(backend, f"{user}#{number}")

    def _get(self, backend: KeyringBackend, user: str) -> str | None:
        value = backend.get_password(self.SERVICE, user)
        count = self._chunk_count(value)
        if not count:
            return value
        parts = [backend.get_password(self.SERVICE, f"{user}#{n}") for n in range(1, count + 1)]
        if any(part is None for part in parts):
            raise CredentialError("a part of the stored value is missing")
        return "".join(part for part in parts if part is not None)

    def _remove(self, backend: KeyringBackend, user: str) -> None:
        count = self._chunk_count(backend.get_password(self.SERVICE, user))
        for number in range(1, count + 1):
            self._delete_missing_ok(backend, f"{user}#{number}")
        self._delete_missing_ok(backend, user)

    @staticmethod
    def _chunk_count(stored: str | None) -> int:
        """How many chunk entries a stored head value points to (0: a plain value)."""
        if stored is None or not stored.startswith(_CHUNK_MARKER):
            return 0
        try:
            return max(0, min(int(stored[len(_CHUNK_MARKER) :]), _MAX_CHUNKS))
        except ValueError:
            return 0

    def _delete_missing_ok(self, backend: KeyringBackend, user: str) -> None:
        from keyring.errors import PasswordDeleteError

        try:
            backend.delete_password(self.SERVICE, user)
        except PasswordDeleteError:
            # The backends' way of saying "not there". Make sure that is what it meant.
            if backend.get_password(self.SERVICE, user) is not None:
                raise

    def _error(
        self, action: str, channel_id: int, name: str, exc: BaseException, secret: str | None = None
    ) -> CredentialError:
        detail = f"{type(exc).__name__}: {exc}"
        if secret:
            pieces = [secret] + [secret[i : i + _CHUNK_CHARS] for i in range(0, len(secret), _CHUNK_CHARS)]
            for piece in pieces:
                if len(piece) >= 4:
                    detail = detail.replace(piece, "***")
        logger.warning("Could not %s secret %r of channel %d: %s", action, name, channel_id, detail)
        return CredentialError(f"Could not {action} the secret {name!r} of channel {channel_id}: {detail}")

    # ------------------------------------------------------------------ index (names only)

    def _read_index(self, backend: KeyringBackend) -> dict[int, list[str]]:
        try:
            raw = self._get(backend, self._index_user())
        except Exception as exc:
            raise CredentialError(f"Could not read the keyring index: {type(exc).__name__}: {exc}") from None
        if not raw:
            return {}
        try:
            channels = json.loads(raw)["channels"]
            return {int(key): [str(n) for n in names if _NAME_RE.match(str(n))] for key, names in channels.items()}
        except (ValueError, KeyError, TypeError, AttributeError):
            logger.warning("The keyring index of %s is damaged; starting a new one", self.namespace)
            return {}

    def _write_index(self, backend: KeyringBackend, index: dict[int, list[str]]) -> None:
        try:
            if not any(index.values()):
                self._remove(backend, self._index_user())
                return
            data = {"v": 1, "channels": {str(k): sorted(set(v)) for k, v in sorted(index.items()) if v}}
            self._put(backend, self._index_user(), json.dumps(data, separators=(",", ":")))
        except Exception as exc:
            detail = f"{type(exc).__name__}: {exc}"
            raise CredentialError(f"Could not update the keyring index: {detail}") from None

    def _update_index(
        self, backend: KeyringBackend, channel_id: int, add: str | None = None, remove: str | None = None
    ) -> None:
        index = self._read_index(backend)
        before = set(index.get(channel_id, []))
        names = set(before)
        if add is not None:
            names.add(add)
        if remove is not None:
            names.discard(remove)
        if names != before:
            index[channel_id] = sorted(names)
            self._write_index(backend, index)
