"""Channels: adding, listing, testing and removing the institution's accounts.

Secrets go to the keyring (never to the database); a channel whose platform has no adapter
yet can still be added as a manual channel. Preset channels of the IT policy are created here
"awaiting connection" (no secret) and, while the policy names them, cannot be renamed or removed.
"""

from __future__ import annotations

import builtins
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from kurum_masaustu.credentials import CredentialError, CredentialStore
from kurum_masaustu.domain import Platform
from kurum_masaustu.errors import CodedError
from kurum_masaustu.publishing.registry import support_for
from kurum_masaustu.rules.channel_health import AWAITING_CONNECTION
from kurum_masaustu.rules.presets import ExistingChannel, managed_channels, missing_presets, preset_settings
from kurum_masaustu.store.models import AuditEntry, Channel, Delivery

if TYPE_CHECKING:
    from kurum_masaustu.rules.policy import Policy, PresetChannel

PALETTE = ("#1877f2", "#e1306c", "#0f1419", "#0a66c2", "#6364ff", "#1185fe", "#229ed9", "#f97316")


class ChannelError(CodedError, ValueError):
    """A channel cannot be added or changed as asked; ``code`` names the problem for the UI."""


@dataclass(frozen=True)
class ChannelRow:
    id: int
    platform: Platform
    display_name: str
    handle: str
    sandbox: bool
    enabled: bool
    base_url: str
    auth_problem: str | None
    token_expires_at: datetime | None
    settings: dict[str, Any] = field(default_factory=dict)

    @property
    def awaiting_connection(self) -> bool:
        return self.auth_problem == AWAITING_CONNECTION


class ChannelService:
    """``policy``: the IT policy whose preset channels are managed (default: the one in force)."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        credentials: CredentialStore,
        actor: str = "kullanıcı",
        *,
        policy: Policy | None = None,
    ) -> None:
        self._sessions = sessions
        self._credentials = credentials
        self._actor = actor
        self._policy = policy

    def add(
        self,
        platform: Platform,
        display_name: str,
        handle: str = "",
        *,
        settings: Mapping[str, Any] | None = None,
        secrets: Mapping[str, str] | None = None,
        sandbox: bool = False,
        token_expires_at: datetime | None = None,
    ) -> int:
        """Create a channel and store its secrets in the keyring (blocking: call off the UI thread)."""
        if not display_name.strip():
            raise ChannelError("no_name")
        support = support_for(platform)
        values = dict(settings or {})
        given = dict(secrets or {})
        if platform != Platform.MANUAL:
            if support is None:
                raise ChannelError("unsupported_platform", platform.value)
            if not sandbox:
                missing = [key for key in support.required_settings if not str(values.get(key, "")).strip()]
                if missing:
                    raise ChannelError("missing_setting", ", ".join(missing))
            missing_secrets = [name for name in support.secret_names if not given.get(name)]
            if missing_secrets:
                raise ChannelError("missing_secret", ", ".join(missing_secrets))
        if given:
            ok, reason = self._credentials.available()
            if not ok:
                raise ChannelError("no_keyring", reason)
        with self._sessions.begin() as session:
            count = session.scalar(select(func.count()).select_from(Channel)) or 0
            channel = Channel(
                platform=platform,
                display_name=display_name.strip(),
                handle=handle.strip(),
                settings=values,
                sandbox=sandbox,
                color=PALETTE[count % len(PALETTE)],
                token_expires_at=token_expires_at,
            )
            session.add(channel)
            session.flush()
            channel_id = channel.id
            self._audit(session, "channel.add", channel_id, platform=platform.value, sandbox=sandbox)
        try:
            for name, value in given.items():
                self._credentials.set_secret(channel_id, name, value)
        except Exception:
            self._credentials.delete_all_for(channel_id)
            with self._sessions.begin() as session:
                created = session.get(Channel, channel_id)
                if created is not None:
                    session.delete(created)
            raise
        return channel_id

    def _audit(self, session: Session, action: str, channel_id: int, **detail: Any) -> None:
        entry = AuditEntry(actor=self._actor, action=action, entity="channel", entity_id=channel_id)
        if detail:
            entry.detail = detail
        session.add(entry)

    @property
    def credentials(self) -> CredentialStore:
        return self._credentials

    def list(self) -> list[ChannelRow]:
        with self._sessions() as session:
            return [
                ChannelRow(
                    c.id,
                    c.platform,
                    c.display_name,
                    c.handle,
                    c.sandbox,
                    c.enabled,
                    str((c.settings or {}).get("base_url", "")),
                    c.auth_problem,
                    c.token_expires_at,
                    dict(c.settings or {}),
                )
                for c in session.scalars(select(Channel).order_by(Channel.id))
            ]

    def get(self, channel_id: int) -> Channel | None:
        with self._sessions() as session:
            return session.get(Channel, channel_id)

    # -- preset channels of the IT policy --------------------------------------------------------
    def policy(self) -> Policy:
        if self._policy is None:
            from kurum_masaustu import policy

            return policy.current()
        return self._policy

    def _presets(self) -> builtins.list[PresetChannel]:
        from kurum_masaustu.rules.policy import presets_in_force

        return presets_in_force(self.policy())[0]

    def _existing(self) -> builtins.list[ExistingChannel]:
        return [
            ExistingChannel(r.id, r.platform.value, r.display_name, r.handle, r.settings, r.sandbox)
            for r in self.list()
            if r.enabled
        ]

    def managed(self) -> dict[int, PresetChannel]:
        """Channel id → its preset, for the channels the IT policy defines."""
        presets = self._presets()
        return managed_channels(presets, self._existing()) if presets else {}

    def create_presets(self) -> builtins.list[int]:
        """Create the policy's preset channels the profile does not have yet (idempotent).

        Each is "awaiting connection": its ids are set, its secret comes when the person connects
        it (Channels → Connect…). A manual channel needs no secret and is ready at once.
        """
        missing = missing_presets(self._presets(), self._existing())
        app_ids = dict(self.policy().get("app_ids", {}))
        created: builtins.list[int] = []
        for preset in missing:
            platform = Platform(preset.platform)
            with self._sessions.begin() as session:
                count = session.scalar(select(func.count()).select_from(Channel)) or 0
                channel = Channel(
                    platform=platform,
                    display_name=preset.name,
                    handle=preset.handle,
                    settings=preset_settings(preset, app_ids),
                    sandbox=preset.sandbox,
                    color=PALETTE[count % len(PALETTE)],
                    auth_problem=None if platform == Platform.MANUAL else AWAITING_CONNECTION,
                )
                session.add(channel)
                session.flush()
                created.append(channel.id)
                self._audit(session, "channel.preset", channel.id, platform=platform.value, sandbox=preset.sandbox)
        return created

    def _refuse_managed(self, channel_id: int) -> None:
        if channel_id in self.managed():
            raise ChannelError("managed", str(channel_id))

    def connect_sandbox_channels(self) -> int:
        """Give sandbox channels that have no secrets a fresh set (demo and training profiles).

        Sandbox tokens open nothing outside this computer, but they still live only in the
        keyring, like real ones. Returns how many channels were connected; 0 without a keyring.
        """
        ok, _reason = self._credentials.available()
        if not ok:
            return 0
        connected = 0
        for row in self.list():
            support = support_for(row.platform)
            if not row.sandbox or support is None or support.sandbox is None:
                continue
            if self._credentials.names_for(row.id):
                continue
            for name in support.secret_names:
                value = row.handle.lstrip("@") if name == "identifier" else secrets.token_urlsafe(32)
                self._credentials.set_secret(row.id, name, value or f"kanal{row.id}.sandbox")
            connected += 1
        return connected

    def reconnected(
        self,
        channel_id: int,
        secrets: Mapping[str, str],
        *,
        token_expires_at: datetime | None = None,
        settings: Mapping[str, Any] | None = None,
    ) -> None:
        """New secrets for a channel (blocking); clears the auth problem and sets the new expiry.

        ``settings`` (if given) are merged into the channel's settings (e.g. a new client id).
        """
        for name, value in secrets.items():
            self._credentials.set_secret(channel_id, name, value)
        with self._sessions.begin() as session:
            channel = session.get(Channel, channel_id)
            if channel is None:
                raise ChannelError("not_found", str(channel_id))
            channel.auth_problem = None
            channel.token_expires_at = token_expires_at
            if settings:
                channel.settings = {**(channel.settings or {}), **settings}
            self._audit(session, "channel.reconnect", channel_id)

    def rename(self, channel_id: int, display_name: str) -> None:
        """Refused (``managed``) for a channel the IT policy defines."""
        name = display_name.strip()
        if not name:
            raise ChannelError("no_name")
        self._refuse_managed(channel_id)
        with self._sessions.begin() as session:
            channel = session.get(Channel, channel_id)
            if channel is None:
                raise ChannelError("not_found", str(channel_id))
            if channel.display_name != name:
                channel.display_name = name
                self._audit(session, "channel.rename", channel_id, name=name)

    def record_check(self, channel_id: int, problem: str | None, token_expires_at: datetime | None = None) -> None:
        """The result of a connection test: the auth problem (None: it works) and a known expiry."""
        with self._sessions.begin() as session:
            channel = session.get(Channel, channel_id)
            if channel is None:
                raise ChannelError("not_found", str(channel_id))
            channel.auth_problem = problem
            if token_expires_at is not None:
                channel.token_expires_at = token_expires_at

    def remove(self, channel_id: int) -> bool:
        """Forget a channel's secrets; delete it if it never published, else keep it disabled
        (its history stays readable). Returns True if the row was deleted. Refused (``managed``)
        for a channel the IT policy defines."""
        self._refuse_managed(channel_id)
        with self._sessions() as session:
            found = session.get(Channel, channel_id)
            if found is None:
                raise ChannelError("not_found", str(channel_id))
            needs_keyring = found.platform != Platform.MANUAL
        if needs_keyring:
            try:
                self._credentials.delete_all_for(channel_id)
            except CredentialError as exc:
                raise ChannelError("no_keyring", str(exc)) from None
        with self._sessions.begin() as session:
            channel = session.get(Channel, channel_id)
            if channel is None:
                raise ChannelError("not_found", str(channel_id))
            used = session.scalar(select(func.count()).select_from(Delivery).where(Delivery.channel_id == channel_id))
            self._audit(session, "channel.remove", channel_id)
            if used:
                channel.enabled = False
                return False
            session.delete(channel)
            return True
