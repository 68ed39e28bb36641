"""The person's words for channels: connect errors, progress steps, health, how to renew a token.

One place, so the channel manager, the connect dialog and the status bar say the same.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from kurum_masaustu.domain import Platform
from kurum_masaustu.rules.channel_health import ChannelHealth, HealthState


class _Plurals(QObject):
    """Texts with a count (lupdate marks plural forms only for ``self.tr``)."""

    def expires_in(self, days: int) -> str:
        return self.tr("Token expires in %n day(s)", "", days)


def field_name(name: str) -> str:
    names = {
        "display_name": QCoreApplication.translate("Channels", "Name"),
        "base_url": QCoreApplication.translate("Channels", "Server address"),
        "handle": QCoreApplication.translate("Channels", "Handle"),
        "page_id": QCoreApplication.translate("Channels", "Page ID"),
        "ig_user_id": QCoreApplication.translate("Channels", "Instagram account ID"),
        "organization_urn": QCoreApplication.translate("Channels", "Organization URN"),
        "chat_id": QCoreApplication.translate("Channels", "Channel"),
        "client_id": QCoreApplication.translate("Channels", "Client ID"),
        "bot_token": QCoreApplication.translate("Channels", "Bot token"),
        "page_access_token": QCoreApplication.translate("Channels", "Page access token"),
        "access_token": QCoreApplication.translate("Channels", "Access token"),
        "app_password": QCoreApplication.translate("Channels", "App password"),
    }
    return names.get(name, name)


def connect_error_text(code: str, detail: str = "", platform_code: str = "") -> str:
    """A clear Turkish message for :class:`~kurum_masaustu.services.connect.ConnectError`."""
    if code == "missing":
        return QCoreApplication.translate("Channels", "Please fill in: %1").replace("%1", field_name(detail))
    if code == "refused" and platform_code == "not_admin":
        return QCoreApplication.translate(
            "Channels",
            "The bot is not an administrator of the channel with the right to post. Add it in Telegram "
            "(channel → Administrators), then try again.",
        )
    if code == "refused" and platform_code in ("chat_not_found", "not_a_channel"):
        return QCoreApplication.translate(
            "Channels", "Telegram does not know this channel. Write it as @channelname or as its number (-100…)."
        )
    messages = {
        "bad_url": QCoreApplication.translate(
            "Channels", "This is not a server address. Write it like sosyal.belediye.bel.tr or https://mastodon.social."
        ),
        "bad_port": QCoreApplication.translate("Channels", "The port must be a number between 1024 and 65535."),
        "awaiting": QCoreApplication.translate(
            "Channels", "This channel is not connected yet: choose Connect… and enter its token or sign in."
        ),
        "managed": QCoreApplication.translate(
            "Channels", "Defined by IT management: this channel cannot be renamed or removed here."
        ),
        "no_secret": QCoreApplication.translate(
            "Channels", "This channel's token is not in the secure password store. Choose Reconnect."
        ),
        "unreachable": QCoreApplication.translate(
            "Channels",
            "The server could not be reached. Check the address and the internet connection (or the proxy) "
            "and try again.",
        ),
        "not_platform": QCoreApplication.translate(
            "Channels", "There is no server of this platform at this address. Check the address."
        ),
        "wrong_token": QCoreApplication.translate(
            "Channels",
            "The platform did not accept this token or password. Copy it again in full (without spaces) "
            "or create a new one.",
        ),
        "wrong_account": QCoreApplication.translate(
            "Channels",
            "You signed in as %1, but IT set this channel up for another account. Nothing was saved; sign "
            "in with the institution's account.",
        ),
        "not_app_password": QCoreApplication.translate(
            "Channels",
            "This does not look like an app password (xxxx-xxxx-xxxx-xxxx). Never enter the account's main "
            "password: create an app password in Bluesky under Settings → Privacy and security → App passwords.",
        ),
        "refused": QCoreApplication.translate("Channels", "The platform refused the connection: %1"),
        "rate_limited": QCoreApplication.translate(
            "Channels", "The platform asks us to wait a little. Try again in a few minutes."
        ),
        "bad_answer": QCoreApplication.translate(
            "Channels", "The platform gave an answer we could not read. Try again later."
        ),
        "token_refused": QCoreApplication.translate(
            "Channels", "The platform did not give an access token (%1). Start again."
        ),
        "no_keyring": QCoreApplication.translate(
            "Channels",
            "The secure password store of this computer is not available, so nothing was saved. Ask IT to enable it.",
        ),
        "no_browser": QCoreApplication.translate(
            "Channels", "The web browser could not be opened. Copy the address shown and open it yourself."
        ),
        "port_in_use": QCoreApplication.translate(
            "Channels",
            "Port %1 on this computer is used by another program, so the sign-in cannot come back to us. "
            "Close that program, or have IT register another port in the platform's app and enter it here.",
        ),
        "timeout": QCoreApplication.translate(
            "Channels", "No answer came from the browser in time. Nothing was saved; start again when ready."
        ),
        "cancelled": QCoreApplication.translate("Channels", "Connecting was cancelled. Nothing was saved."),
        "state_mismatch": QCoreApplication.translate(
            "Channels",
            "The answer that came back does not belong to this sign-in, so it was refused. Nothing was saved; "
            "start again.",
        ),
        "denied": QCoreApplication.translate(
            "Channels", "Access was not granted on the platform's page. Nothing was saved."
        ),
        "no_code": QCoreApplication.translate(
            "Channels", "The platform came back without a sign-in code. Nothing was saved; start again."
        ),
    }
    text = messages.get(code, QCoreApplication.translate("Channels", "Connecting failed: %1").replace("%1", code))
    return text.replace("%1", detail or "—")


def step_text(step: str) -> str:
    steps = {
        "registering": QCoreApplication.translate("Channels", "Registering Kurum Masaüstü on the server…"),
        "browser": QCoreApplication.translate("Channels", "Opening the sign-in page…"),
        "waiting": QCoreApplication.translate("Channels", "Waiting for you to approve in the browser…"),
        "exchanging": QCoreApplication.translate("Channels", "Getting the access token…"),
        "reading": QCoreApplication.translate("Channels", "Reading the saved credentials…"),
        "verifying": QCoreApplication.translate("Channels", "Checking the account with the platform…"),
        "saving": QCoreApplication.translate("Channels", "Saving in the secure password store…"),
    }
    return steps.get(step, step)


#: A symbol per state, so the list can be read without colour.
HEALTH_SYMBOLS = {
    HealthState.CONNECTED: "✓",
    HealthState.EXPIRING: "⚠",
    HealthState.NEEDS_RECONNECT: "✕",
    HealthState.DISABLED: "–",
}
#: A channel never connected yet (a preset of the IT policy): nothing is broken, it waits.
AWAITING_SYMBOL = "○"


def managed_text() -> str:
    """Why a channel the IT policy defines cannot be renamed or removed (as Settings says it)."""
    return QCoreApplication.translate("Channels", "Defined by IT management")


def health_text(health: ChannelHealth, sandbox: bool, manual: bool = False) -> str:
    symbol = HEALTH_SYMBOLS[health.state]
    if health.awaiting:
        symbol, text = AWAITING_SYMBOL, QCoreApplication.translate("Channels", "Awaiting connection")
    elif health.state == HealthState.NEEDS_RECONNECT:
        text = (
            QCoreApplication.translate("Channels", "Token expired — reconnect")
            if health.reason == "expired"
            else QCoreApplication.translate("Channels", "Needs reconnecting")
        )
    elif health.state == HealthState.EXPIRING:
        days = health.days_left or 0
        text = (
            QCoreApplication.translate("Channels", "Token expires today") if days == 0 else _Plurals().expires_in(days)
        )
    elif health.state == HealthState.DISABLED:
        text = QCoreApplication.translate("Channels", "Removed (history kept)")
    elif manual:
        text = QCoreApplication.translate("Channels", "Posted by hand")
    else:
        text = QCoreApplication.translate("Channels", "Connected")
    text = f"{symbol} {text}"
    return text + " · " + QCoreApplication.translate("Channels", "sandbox") if sandbox else text


def renewal_text(platform: Platform) -> str:
    """How to renew this platform's access, step by step, in the person's words."""
    texts = {
        Platform.MASTODON: QCoreApplication.translate(
            "Channels", "Choose Reconnect and sign in to your server in the browser again."
        ),
        Platform.X: QCoreApplication.translate("Channels", "Choose Reconnect and sign in to X in the browser again."),
        Platform.BLUESKY: QCoreApplication.translate(
            "Channels",
            "Create a new app password in Bluesky (Settings → Privacy and security → App passwords), then "
            "choose Reconnect and enter it.",
        ),
        Platform.TELEGRAM: QCoreApplication.translate(
            "Channels", "Get the bot's token from @BotFather (/token), then choose Reconnect and paste it."
        ),
        Platform.FACEBOOK: QCoreApplication.translate(
            "Channels",
            "Create a new token for the Page (best: a system-user token in Meta Business Settings → System "
            "users, which does not expire), then choose Reconnect and paste it.",
        ),
        Platform.INSTAGRAM: QCoreApplication.translate(
            "Channels",
            "Create a new token in Meta Business Settings → System users (or refresh the Instagram token), "
            "then choose Reconnect and paste it.",
        ),
        Platform.LINKEDIN: QCoreApplication.translate(
            "Channels",
            "LinkedIn tokens last 60 days. Create a new one in the LinkedIn Developer Portal (Token generator, "
            "with the organization's admin account), then choose Reconnect and paste it.",
        ),
    }
    return texts.get(platform, "")
