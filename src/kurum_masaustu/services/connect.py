"""Connecting an account: ask the platform, check the answer works, and only then save it.

No Qt here; everything runs on the async loop (keyring and database calls go to a thread).
The order never changes: get the credentials (OAuth in the browser, or what the person pasted),
**verify** them with the platform's adapter, then store the channel with its secrets in the
keyring (:class:`~kurum_masaustu.services.channels.ChannelService`). A wrong token, an
unreachable instance, a closed browser or a busy port raises :class:`ConnectError` before
anything is written, so nothing is ever half-saved.

Flows (facts in ``shared/reference/platform_apis.md``):

- Mastodon: instance address first, then an app registered on that instance for this exact
  loopback address (``POST /api/v1/apps``), authorization code with PKCE S256 in the browser,
  the code exchanged with the app's id and secret. Tokens do not expire.
- X: the institution's own X app (a "Native App", public client: no secret on the laptop) gives
  the client id; X compares callback addresses exactly, so the loopback port is fixed and must be
  registered in the app (default :data:`X_REDIRECT_PORT`). The access token lives 2 hours and
  renews itself with the refresh token (``offline.access``).
- Bluesky: handle and an **app password** (never the account's main password; the format is
  refused otherwise); Telegram: bot token and channel; Facebook Page, Instagram, LinkedIn: a
  pasted long-lived token with the ids the command line asks for, and its expiry if known.

Sandbox (training) channels run the same flows against the in-process platforms; a new one
keeps its state in a pending file until it has an id.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import secrets as secrets_module
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

import httpx

from kurum_masaustu.credentials import CredentialError
from kurum_masaustu.domain import Platform
from kurum_masaustu.errors import CodedError
from kurum_masaustu.platforms.base import AccountInfo, Adapter, AuthExpired, RateLimited, Rejected, Transient
from kurum_masaustu.platforms.oauth import LoopbackReceiver, OAuthError, Pages, new_pkce, new_state
from kurum_masaustu.platforms.sandbox.core import Faults, SandboxState, SandboxTransport
from kurum_masaustu.publishing.adapters import sandbox_state_path
from kurum_masaustu.publishing.network import network_client, sandbox_client
from kurum_masaustu.publishing.registry import load, support_for
from kurum_masaustu.rules.channel_health import AWAITING_CONNECTION
from kurum_masaustu.rules.presets import same_handle
from kurum_masaustu.services.channels import ChannelError, ChannelService

APP_NAME = "Kurum Masaüstü"
APP_WEBSITE = "https://github.com/kurum-masaustu"
MASTODON_SCOPES = "read write"
X_SCOPES = "tweet.read tweet.write users.read media.write offline.access dm.read dm.write tweet.moderate.write"
#: The callback the institution registers in its X app: http://127.0.0.1:47615/callback
X_REDIRECT_PORT = 47615
X_AUTHORIZE_HOST = "https://x.com"
BROWSER_TIMEOUT = 300.0
#: Bluesky app passwords look like ``abcd-efgh-ijkl-mnop``.
APP_PASSWORD = re.compile(r"^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$")
DEFAULT_BASE_URL = {Platform.BLUESKY: "https://bsky.social", Platform.X: "https://api.x.com"}
OAUTH_PLATFORMS = frozenset({Platform.MASTODON, Platform.X})
#: The one secret each pasted-token platform needs (as the command line reads it).
PASTED_SECRET = {
    Platform.TELEGRAM: "bot_token",
    Platform.FACEBOOK: "page_access_token",
    Platform.INSTAGRAM: "access_token",
    Platform.LINKEDIN: "access_token",
    Platform.BLUESKY: "app_password",
}
#: The ids each platform needs besides its secret (as the command line asks for them).
REQUIRED_IDS = {
    Platform.FACEBOOK: ("page_id",),
    Platform.INSTAGRAM: ("ig_user_id",),
    Platform.LINKEDIN: ("organization_urn",),
    Platform.TELEGRAM: ("chat_id",),
    Platform.X: ("client_id",),
}

Step = Callable[[str], None]
Browser = Callable[[str], Awaitable[None]]
#: Asked with the page's title and the account it names; True: approve.
Consent = Callable[[str, str], Awaitable[bool]]


class ConnectError(CodedError):
    """Connecting stopped before anything was saved; ``code`` picks the Turkish message.

    Codes: ``missing`` (detail: the field), ``no_secret`` (none in the keyring), ``awaiting`` (a
    preset channel never connected), ``bad_url``, ``bad_port``, ``unreachable``, ``not_platform``
    (no such API at that address), ``wrong_token``, ``wrong_account`` (detail: the account signed
    in, not the one IT set), ``not_app_password``, ``refused`` (detail:
    what the platform said; ``platform_code`` its reason), ``rate_limited``, ``bad_answer``,
    ``token_refused`` (the code exchange failed), ``no_keyring``, ``no_browser``, and the
    :class:`~kurum_masaustu.platforms.oauth.OAuthError` codes (``port_in_use``, ``timeout``,
    ``cancelled``, ``state_mismatch``, ``denied``, ``no_code``). ``detail`` never holds a secret.
    """

    def __init__(self, code: str, detail: str = "", platform_code: str = "") -> None:
        super().__init__(code, detail)
        self.platform_code = platform_code


@dataclass
class ConnectForm:
    """What the person entered. ``secrets`` hold what was pasted (kept in memory only)."""

    platform: Platform
    display_name: str = ""
    sandbox: bool = False
    base_url: str = ""
    handle: str = ""
    settings: dict[str, str] = field(default_factory=dict)
    secrets: dict[str, str] = field(default_factory=dict)
    #: For pasted tokens whose lifetime the platform's tool shows (e.g. LinkedIn: 60 days).
    token_expires_at: datetime | None = None
    #: The account IT set for a preset channel: signing in as another one is refused.
    expected_handle: str = ""


@dataclass(frozen=True)
class Connected:
    channel_id: int
    account: AccountInfo
    token_expires_at: datetime | None


def normalize_base_url(text: str) -> str:
    """``sosyal.example`` → ``https://sosyal.example``; plain http only for this computer."""
    value = text.strip().rstrip("/")
    if not value:
        raise ConnectError("missing", "base_url")
    if "://" not in value:
        value = "https://" + value
    parts = urlsplit(value)
    host = parts.hostname or ""
    if parts.scheme not in ("http", "https") or not host or " " in value or parts.query or parts.fragment:
        raise ConnectError("bad_url", text.strip())
    if parts.scheme == "http" and host not in ("127.0.0.1", "localhost", "::1"):
        raise ConnectError("bad_url", text.strip())
    return f"{parts.scheme}://{parts.netloc}{parts.path.rstrip('/')}"


class ConnectService:
    """Connect, reconnect and test channels (async; see the module doc)."""

    def __init__(
        self,
        channels: ChannelService,
        sandbox_dir: Path,
        *,
        network: Callable[[], httpx.AsyncClient] = network_client,
        on_changed: Callable[[int], None] = lambda _channel_id: None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._channels = channels
        self._sandbox_dir = sandbox_dir
        self._network = network
        self._on_changed = on_changed
        self._clock = clock
        #: Fault switches of the sandbox platforms this service builds (training and tests).
        self.faults: dict[int | None, Faults] = {}

    # -- public -------------------------------------------------------------------------------
    async def connect_with_secret(
        self, form: ConnectForm, *, channel_id: int | None = None, on_step: Step = lambda _s: None
    ) -> Connected:
        """Bluesky, Telegram, Facebook, Instagram, LinkedIn (or any token pasted by IT)."""
        settings, secrets = self._checked(form, channel_id)
        secret_name = PASTED_SECRET.get(form.platform, "")
        if channel_id is not None and form.sandbox and secret_name not in secrets:
            try:
                stored = await asyncio.to_thread(self._stored_secrets, channel_id)
            except CredentialError as exc:
                raise ConnectError("no_keyring", str(exc)) from None
            if secret_name in stored:
                secrets[secret_name] = stored[secret_name]
        on_step("verifying")
        async with self._session(form, channel_id) as (client, base_url, pending):
            account, renewed = await self._verify(client, form.platform, {**settings, "base_url": base_url}, secrets)
        _check_account(form, account)
        expires = account.token_expires_at or form.token_expires_at
        on_step("saving")
        return await self._save(form, channel_id, settings, {**secrets, **renewed}, account, expires, pending, base_url)

    async def connect_oauth(
        self,
        form: ConnectForm,
        browser: Browser,
        *,
        channel_id: int | None = None,
        on_step: Step = lambda _s: None,
        timeout: float = BROWSER_TIMEOUT,
        pages: Pages | None = None,
        consent: Consent | None = None,
    ) -> Connected:
        """Mastodon and X: authorization code with PKCE through a loopback redirect.

        ``browser`` opens the authorization page (the system browser). A sandbox platform lives
        in this process, where no browser can reach it: its page is fetched here instead and
        ``consent`` asks the person the page's question (approve or deny).
        """
        if form.platform not in OAUTH_PLATFORMS:
            raise ConnectError("refused", f"{form.platform.value} has no browser sign-in here")
        settings, _ = self._checked(form, channel_id, need_secret=False)
        pkce, state = new_pkce(), new_state()
        port = 0
        if form.platform == Platform.X:
            port = int(settings.get("redirect_port") or X_REDIRECT_PORT)
        async with self._session(form, channel_id) as (client, base_url, pending):
            try:
                async with LoopbackReceiver(state, port, pages=pages) as receiver:
                    if form.platform == Platform.MASTODON:
                        on_step("registering")
                        client_id, client_secret = await self._register_mastodon_app(
                            client, base_url, receiver.redirect_uri
                        )
                        authorize = f"{base_url}/oauth/authorize"
                        scope = MASTODON_SCOPES
                    else:
                        client_id, client_secret = settings["client_id"], ""
                        authorize = f"{_x_authorize_base(base_url)}/i/oauth2/authorize"
                        scope = X_SCOPES
                    query = {
                        "response_type": "code",
                        "client_id": client_id,
                        "redirect_uri": receiver.redirect_uri,
                        "scope": scope,
                        "state": state,
                        "code_challenge": pkce.challenge,
                        "code_challenge_method": pkce.method,
                    }
                    on_step("browser")
                    url = f"{authorize}?{urlencode(query)}"
                    if form.sandbox:
                        await _sandbox_browser(client, url, consent or _approve)
                    else:
                        await browser(url)
                    on_step("waiting")
                    code = await receiver.wait(timeout)
                    on_step("exchanging")
                    tokens = await self._exchange(
                        client,
                        form.platform,
                        base_url,
                        code,
                        client_id,
                        client_secret,
                        receiver.redirect_uri,
                        pkce.verifier,
                    )
            except OAuthError as exc:
                raise ConnectError(exc.code, exc.detail) from None
            secrets = {"access_token": tokens["access_token"]}
            if tokens.get("refresh_token"):
                secrets["refresh_token"] = tokens["refresh_token"]
            settings["client_id"] = client_id
            if client_secret:  # Mastodon: kept to revoke the token when the channel is removed
                secrets["client_secret"] = client_secret
            on_step("verifying")
            account, renewed = await self._verify(client, form.platform, {**settings, "base_url": base_url}, secrets)
        _check_account(form, account)
        expires = account.token_expires_at
        if expires is None and tokens.get("expires_in") and not tokens.get("refresh_token"):
            expires = self._clock() + timedelta(seconds=int(tokens["expires_in"]))  # nothing will renew it
        on_step("saving")
        return await self._save(form, channel_id, settings, {**secrets, **renewed}, account, expires, pending, base_url)

    async def test(self, channel_id: int, on_step: Step = lambda _s: None) -> AccountInfo:
        """Verify a saved channel's credentials; the result is recorded on the channel."""
        channel = await asyncio.to_thread(self._channels.get, channel_id)
        if channel is None:
            raise ConnectError("refused", "not_found")
        support = support_for(channel.platform)
        if support is None:
            raise ConnectError("refused", "unsupported_platform")
        if channel.auth_problem == AWAITING_CONNECTION:
            raise ConnectError("awaiting")  # nothing to test yet; its state stays as it is
        on_step("reading")
        try:
            stored = await asyncio.to_thread(self._stored_secrets, channel_id)
        except CredentialError as exc:
            raise ConnectError("no_keyring", str(exc)) from None
        if not stored:
            await asyncio.to_thread(self._channels.record_check, channel_id, "no_secret")
            self._on_changed(channel_id)
            raise ConnectError("no_secret")
        form = ConnectForm(
            channel.platform, sandbox=channel.sandbox, base_url=str((channel.settings or {}).get("base_url", ""))
        )
        on_step("verifying")
        try:
            async with self._session(form, channel_id) as (client, base_url, _pending):
                settings = {**(channel.settings or {}), "base_url": base_url}
                account, renewed = await self._verify(client, channel.platform, settings, stored)
        except ConnectError as exc:
            if exc.code == "wrong_token":
                await asyncio.to_thread(self._channels.record_check, channel_id, "auth_expired")
                self._on_changed(channel_id)
            raise
        if renewed:
            await asyncio.to_thread(
                self._channels.reconnected, channel_id, renewed, token_expires_at=channel.token_expires_at
            )
        await asyncio.to_thread(self._channels.record_check, channel_id, None, account.token_expires_at)
        self._on_changed(channel_id)
        return account

    async def revoke(self, channel_id: int) -> bool:
        """Withdraw the app's access at the platform (before a channel is removed); best effort.

        True when the platform confirmed. Only the browser sign-ins can be revoked from here;
        pasted tokens are withdrawn in the platform's own tool (Meta, LinkedIn, @BotFather).
        """
        channel = await asyncio.to_thread(self._channels.get, channel_id)
        if channel is None or channel.platform not in OAUTH_PLATFORMS:
            return False
        settings = dict(channel.settings or {})
        try:
            stored = await asyncio.to_thread(self._stored_secrets, channel_id)
        except CredentialError:
            return False
        token, client_id = stored.get("access_token", ""), str(settings.get("client_id", ""))
        if not token or not client_id:
            return False
        form = ConnectForm(channel.platform, sandbox=channel.sandbox, base_url=str(settings.get("base_url", "")))
        try:
            async with self._session(form, channel_id) as (client, base_url, _pending):
                if channel.platform == Platform.MASTODON:
                    if not stored.get("client_secret"):
                        return False
                    body = {"client_id": client_id, "client_secret": stored["client_secret"], "token": token}
                    response = await _request(client, "POST", f"{base_url}/oauth/revoke", data=body)
                else:
                    body = {"token": token, "token_type_hint": "access_token", "client_id": client_id}
                    response = await _request(client, "POST", f"{base_url}/2/oauth2/revoke", data=body)
        except ConnectError:
            return False
        return response.status_code == 200

    def discard_sandbox(self, channel_id: int) -> None:
        """A deleted training channel's platform goes too (a later channel may get its id). Blocking."""
        _remove_sandbox_files(sandbox_state_path(self._sandbox_dir, channel_id))

    # -- steps --------------------------------------------------------------------------------
    def _checked(
        self, form: ConnectForm, channel_id: int | None, *, need_secret: bool = True
    ) -> tuple[dict[str, str], dict[str, str]]:
        """Non-secret settings and the secrets, with the person's input checked."""
        if channel_id is None and not form.display_name.strip():
            raise ConnectError("missing", "display_name")
        settings = {k: v.strip() for k, v in form.settings.items() if v and v.strip()}
        secrets = {k: v.strip() for k, v in form.secrets.items() if v and v.strip()}
        if not form.sandbox:
            for name in REQUIRED_IDS.get(form.platform, ()):
                if not settings.get(name):
                    raise ConnectError("missing", name)
        elif form.platform == Platform.X:
            settings.setdefault("client_id", "kurum-masaustu-deneme")
        port = settings.get("redirect_port", "")
        if form.platform == Platform.X and port and (not port.isdigit() or not 1024 <= int(port) <= 65535):
            raise ConnectError("bad_port", settings["redirect_port"])
        if form.platform == Platform.BLUESKY:
            handle = form.handle.strip().lstrip("@")
            if not handle:
                raise ConnectError("missing", "handle")
            secrets["identifier"] = handle
            password = secrets.get("app_password", "")
            if password and not APP_PASSWORD.match(password):
                raise ConnectError("not_app_password")
        secret_name = PASTED_SECRET.get(form.platform) if need_secret else None
        if secret_name and not secrets.get(secret_name):
            if form.sandbox and channel_id is None:
                secrets[secret_name] = _sandbox_secret(form.platform)
            elif not form.sandbox:
                raise ConnectError("missing", secret_name)
            # a training channel being reconnected keeps its secret when none is typed
        return settings, secrets

    @contextlib.asynccontextmanager
    async def _session(self, form: ConnectForm, channel_id: int | None) -> Any:
        """(client, base URL, pending sandbox path or None) for the flow; closed afterwards."""
        support = support_for(form.platform)
        if support is None:
            raise ConnectError("refused", "unsupported_platform")
        pending: Path | None = None
        client: httpx.AsyncClient
        if form.sandbox:
            if support.sandbox is None:
                raise ConnectError("refused", "no_sandbox")
            if channel_id is None:
                pending = self._sandbox_dir / f"pending-{secrets_module.token_hex(8)}.json"
                path = pending
            else:
                path = sandbox_state_path(self._sandbox_dir, channel_id)
            faults = self.faults.setdefault(channel_id, Faults())
            state = await asyncio.to_thread(SandboxState, path, {})
            transport: SandboxTransport = load(support.sandbox)(state=state, faults=faults)
            base_url = support.sandbox_base_url
            client = sandbox_client(transport, base_url)
        elif form.platform == Platform.MASTODON or form.base_url.strip():
            base_url = normalize_base_url(form.base_url)
        else:
            base_url = DEFAULT_BASE_URL.get(form.platform, "")  # "" : the adapter's own default
        if not form.sandbox:
            client = self._network()
        try:
            yield client, base_url, pending
        except BaseException:
            if pending is not None:
                _remove_sandbox_files(pending)
            raise
        finally:
            await client.aclose()

    async def _register_mastodon_app(
        self, client: httpx.AsyncClient, base_url: str, redirect_uri: str
    ) -> tuple[str, str]:
        body = {
            "client_name": APP_NAME,
            "redirect_uris": [redirect_uri],
            "scopes": MASTODON_SCOPES,
            "website": APP_WEBSITE,
        }
        response = await _request(client, "POST", f"{base_url}/api/v1/apps", json=body)
        if response.status_code == 404:
            raise ConnectError("not_platform", urlsplit(base_url).hostname or base_url)
        if response.status_code == 429:
            raise ConnectError("rate_limited")
        answer = _json(response)
        if response.status_code != 200:
            raise ConnectError("refused", str(answer.get("error", ""))[:200] or f"HTTP {response.status_code}")
        client_id, client_secret = answer.get("client_id"), answer.get("client_secret")
        if not isinstance(client_id, str) or not isinstance(client_secret, str) or not client_id or not client_secret:
            raise ConnectError("not_platform", urlsplit(base_url).hostname or base_url)
        return client_id, client_secret

    async def _exchange(
        self,
        client: httpx.AsyncClient,
        platform: Platform,
        base_url: str,
        code: str,
        client_id: str,
        client_secret: str,
        redirect_uri: str,
        verifier: str,
    ) -> dict[str, Any]:
        form = {
            "grant_type": "authorization_code",
            "code": code,
            "client_id": client_id,
            "redirect_uri": redirect_uri,
            "code_verifier": verifier,
        }
        if client_secret:
            form["client_secret"] = client_secret
        path = "/oauth/token" if platform == Platform.MASTODON else "/2/oauth2/token"
        response = await _request(client, "POST", f"{base_url}{path}", data=form)
        answer = _json(response)
        if response.status_code != 200:
            raise ConnectError("token_refused", str(answer.get("error_description") or answer.get("error") or "")[:200])
        if not isinstance(answer.get("access_token"), str) or not answer["access_token"]:
            raise ConnectError("bad_answer", "no access_token")
        return answer

    async def _verify(
        self, client: httpx.AsyncClient, platform: Platform, settings: Mapping[str, Any], secrets: Mapping[str, str]
    ) -> tuple[AccountInfo, dict[str, str]]:
        """The account the credentials open, and any secrets the adapter renewed meanwhile."""
        support = support_for(platform)
        assert support is not None
        values = dict(settings)
        if not values.get("base_url"):
            values.pop("base_url", None)
        if values.get("base_url") == support.sandbox_base_url:
            values.update({k: v for k, v in support.sandbox_settings.items() if k not in values})
        adapter: Adapter = load(support.adapter)(client, values, secrets)
        try:
            result = await adapter.verify()
        except httpx.TransportError as exc:
            raise ConnectError("unreachable", type(exc).__name__) from None
        if isinstance(result, AccountInfo):
            return result, dict(adapter.updated_secrets() or {})
        if isinstance(result, AuthExpired):
            raise ConnectError("wrong_token", _scrub(result.detail, secrets))
        if isinstance(result, RateLimited):
            raise ConnectError("rate_limited", result.until.isoformat())
        if isinstance(result, Rejected):
            raise ConnectError("refused", _scrub(result.platform_message, secrets), result.code)
        assert isinstance(result, Transient)
        raise ConnectError("unreachable", _scrub(result.detail, secrets))

    async def _save(
        self,
        form: ConnectForm,
        channel_id: int | None,
        settings: dict[str, str],
        secrets: dict[str, str],
        account: AccountInfo,
        expires: datetime | None,
        pending: Path | None,
        base_url: str,
    ) -> Connected:
        settings = dict(settings)
        if not form.sandbox and base_url:
            settings["base_url"] = base_url
        try:
            if channel_id is None:
                handle = account.handle or form.handle
                name = form.display_name.strip() or account.display_name
                channel_id = await asyncio.to_thread(
                    self._channels.add,
                    form.platform,
                    name,
                    handle,
                    settings=settings,
                    secrets=secrets,
                    sandbox=form.sandbox,
                    token_expires_at=expires,
                )
                if pending is not None:
                    await asyncio.to_thread(
                        _move_sandbox_files, pending, sandbox_state_path(self._sandbox_dir, channel_id)
                    )
            else:
                await asyncio.to_thread(
                    self._channels.reconnected, channel_id, secrets, token_expires_at=expires, settings=settings
                )
        except ChannelError as exc:
            if pending is not None:
                _remove_sandbox_files(pending)
            raise ConnectError(
                "no_keyring" if exc.code == "no_keyring" else "refused", exc.detail or exc.code
            ) from None
        except CredentialError as exc:
            if pending is not None:
                _remove_sandbox_files(pending)
            raise ConnectError("no_keyring", str(exc)) from None
        self._on_changed(channel_id)
        return Connected(channel_id, account, expires)

    def _stored_secrets(self, channel_id: int) -> dict[str, str]:
        store = self._channels.credentials
        values = {name: store.get_secret(channel_id, name) for name in store.names_for(channel_id)}
        return {name: value for name, value in values.items() if value}


# -- helpers ----------------------------------------------------------------------------------
def _check_account(form: ConnectForm, account: AccountInfo) -> None:
    """A preset channel connects only the account IT named (before anything is saved)."""
    if form.expected_handle and account.handle and not same_handle(form.expected_handle, account.handle):
        raise ConnectError("wrong_account", account.handle)


async def _approve(_app: str, _account: str) -> bool:
    return True


_FORM = re.compile(r"<form method='post' action='([^']*)'>(.*?)</form>", re.S)
_HIDDEN = re.compile(r"<input type='hidden' name='([^']*)' value='([^']*)'>")
_CONSENT = re.compile(r"<p>(.*) wants to access (.*)\.</p>")


async def _sandbox_browser(client: httpx.AsyncClient, url: str, consent: Consent) -> None:
    """A sandbox platform's sign-in page, walked through as a browser would (see connect_oauth)."""
    import html

    page = await _request(client, "GET", url)
    forms = _FORM.findall(page.text) if page.status_code == 200 else []
    if not forms:
        raise ConnectError("refused", _scrub_html(page.text))
    action, inputs = forms[0]
    fields = {html.unescape(k): html.unescape(v) for k, v in _HIDDEN.findall(inputs)}
    question = _CONSENT.search(page.text)
    app, account = (html.unescape(question.group(1)), html.unescape(question.group(2))) if question else ("", "")
    if not await consent(app, account):
        fields["_method"] = "delete"
    answer = await _request(client, "POST", html.unescape(action), data=fields)
    location = answer.headers.get("location", "")
    if answer.status_code != 302 or urlsplit(location).hostname != "127.0.0.1":
        raise ConnectError("refused", _scrub_html(answer.text))
    async with httpx.AsyncClient(trust_env=False, timeout=10.0) as loopback:
        await loopback.get(location)


def _scrub_html(text: str) -> str:
    return re.sub(r"<[^>]+>", " ", text).strip()[:200]


def _x_authorize_base(base_url: str) -> str:
    """X signs in on x.com, its API is on api.x.com; a sandbox or test server does both."""
    return X_AUTHORIZE_HOST if urlsplit(base_url).hostname == "api.x.com" else base_url


def _sandbox_secret(platform: Platform) -> str:
    if platform == Platform.BLUESKY:
        return "-".join(secrets_module.token_hex(2) for _ in range(4))
    return secrets_module.token_urlsafe(32)


async def _request(client: httpx.AsyncClient, method: str, url: str, **kwargs: Any) -> httpx.Response:
    try:
        return await client.request(method, url, **kwargs)
    except httpx.TransportError as exc:
        raise ConnectError("unreachable", f"{urlsplit(url).hostname}: {type(exc).__name__}") from None


def _json(response: httpx.Response) -> dict[str, Any]:
    try:
        answer = response.json()
    except ValueError:
        raise ConnectError("bad_answer", f"HTTP {response.status_code}") from None
    if not isinstance(answer, dict):
        raise ConnectError("bad_answer", f"HTTP {response.status_code}")
    return answer


def _scrub(text: str, secrets: Mapping[str, str]) -> str:
    for value in secrets.values():
        if value and len(value) >= 4:
            text = text.replace(value, "***")
    return text[:300]


def _move_sandbox_files(source: Path, target: Path) -> None:
    source.replace(target)
    media = source.parent / f"{source.stem}-media"
    if media.is_dir():
        media.replace(target.parent / f"{target.stem}-media")


def _remove_sandbox_files(path: Path) -> None:
    import shutil

    path.unlink(missing_ok=True)
    shutil.rmtree(path.parent / f"{path.stem}-media", ignore_errors=True)
