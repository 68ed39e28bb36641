"""The sandbox platforms' sign-in pages: OAuth 2.0 authorization code with PKCE.

Mastodon (Doorkeeper, ``reference/platform_apis.md`` §5.1 and ``shared/specs/mastodon``):

- ``POST /api/v1/apps`` (form or JSON: ``client_name``, ``redirect_uris`` as a string or a list,
  ``scopes`` default ``read``, ``website``) → a CredentialApplication with ``client_id`` and
  ``client_secret`` (``client_secret_expires_at`` 0); 422 ``Validation failed: …`` otherwise.
- ``GET /oauth/authorize`` shows the consent form of the signed-in account. An unknown client or
  a ``redirect_uri`` that matches none registered gets Doorkeeper's error page (no redirect); a
  loopback IP ``redirect_uri`` matches a registered one whatever its port (RFC 8252 §7.3, as
  Doorkeeper does). Other problems go back to the redirect URI as ``error=…``: a response type
  other than ``code`` (``unsupported_response_type``), a scope the app did not register
  (``invalid_scope``), a PKCE method other than ``S256`` (``invalid_request``).
- ``POST /oauth/authorize`` (the form's "Authorize") → 302 to ``redirect_uri?code=…&state=…``;
  ``_method=delete`` ("Deny") → 302 with ``error=access_denied``.
- ``POST /oauth/token`` (form or JSON), ``grant_type=authorization_code``: the client's id and
  secret (401 ``invalid_client``), a code issued to that client less than 10 minutes ago and not
  used before, the same ``redirect_uri`` as the authorization, and the PKCE verifier whose S256
  hash is the challenge (400 ``invalid_grant`` otherwise) → ``{access_token, token_type: "Bearer",
  scope, created_at}``. The new token becomes the account's token (the sandbox knows one).
- ``POST /oauth/revoke`` (client id, secret, token) → 200 ``{}``; the token stops working.

X (``reference/platform_apis.md`` §3.1): ``GET /i/oauth2/authorize`` (``response_type=code``,
``client_id``, ``redirect_uri``, ``scope``, ``state``, ``code_challenge`` and
``code_challenge_method`` ``S256`` or ``plain``, all required) with X's "You weren't able to give
access to the App" page for an unknown client or a callback URL that is not registered exactly
(X compares them as strings, port included). A new sandbox takes the first client id and
callback URL it sees as its app's. ``POST /2/oauth2/token`` with ``grant_type=authorization_code``
(public client: ``client_id`` in the form; ``code``, ``redirect_uri``, ``code_verifier``) →
``{token_type: "bearer", expires_in: 7200, access_token, scope, refresh_token}`` (the refresh
token only with ``offline.access``). ``POST /2/oauth2/revoke`` (``token``, ``client_id``) →
``{"revoked": true}``; the access and refresh tokens stop working.

Codes, client secrets and tokens are kept as SHA-256 only, like every sandbox secret.
"""

from __future__ import annotations

import base64
import hashlib
import html
import ipaddress
import json
import secrets
import time
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import httpx

if TYPE_CHECKING:
    from kurum_masaustu.platforms.sandbox.mastodon import MastodonSandbox
    from kurum_masaustu.platforms.sandbox.x import XSandbox

CODE_SECONDS = 600
OOB = "urn:ietf:wg:oauth:2.0:oob"
MASTODON_SCOPES = frozenset(
    {"read", "write", "push", "follow", "profile", "admin:read", "admin:write"}
    | {f"read:{s}" for s in ("accounts", "blocks", "bookmarks", "favourites", "filters", "follows", "lists")}
    | {f"read:{s}" for s in ("mutes", "notifications", "search", "statuses")}
    | {f"write:{s}" for s in ("accounts", "blocks", "bookmarks", "conversations", "favourites", "filters")}
    | {f"write:{s}" for s in ("follows", "lists", "media", "mutes", "notifications", "reports", "statuses")}
)
_INVALID_GRANT = (
    "The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in "
    "the authorization request, or was issued to another client."
)
_INVALID_CLIENT = (
    "Client authentication failed due to unknown client, no client authentication included, or unsupported "
    "authentication method."
)
_INVALID_REQUEST = (
    "The request is missing a required parameter, includes an unsupported parameter value, or is otherwise malformed."
)
_X_FAILED = "Something went wrong. You weren't able to give access to the App. Go back and try logging in again."


def digest(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def s256(verifier: str) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(verifier.encode("ascii")).digest()).rstrip(b"=").decode("ascii")


def body_params(request: httpx.Request) -> dict[str, Any]:
    """Form or JSON body as a dict (lists kept for ``key[]`` and repeated keys)."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == "application/json":
        try:
            loaded = json.loads(request.content or b"{}")
        except ValueError:
            return {}
        return loaded if isinstance(loaded, dict) else {}
    params: dict[str, Any] = {}
    for key, value in parse_qsl(request.content.decode("utf-8", "replace"), keep_blank_values=True):
        if key.endswith("[]"):
            params.setdefault(key[:-2], []).append(value)
        else:
            params[key] = value
    return params


def _html(status: int, title: str, text: str) -> httpx.Response:
    page = f"<!doctype html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title></head>"
    page += f"<body><h1>{html.escape(title)}</h1><p>{html.escape(text)}</p></body></html>"
    return httpx.Response(status, content=page.encode("utf-8"), headers={"Content-Type": "text/html; charset=utf-8"})


def consent_page(title: str, action: str, fields: Mapping[str, str], who: str, app: str) -> httpx.Response:
    """The consent form; the fields travel back as hidden inputs (with a CSRF token)."""
    hidden = "".join(
        f"<input type='hidden' name='{html.escape(k)}' value='{html.escape(v)}'>" for k, v in fields.items()
    )
    page = (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title></head><body>"
        f"<h1>{html.escape(title)}</h1><p>{html.escape(app)} wants to access {html.escape(who)}.</p>"
        f"<form method='post' action='{html.escape(action)}'>{hidden}"
        "<button type='submit' name='button' value='authorize'>Authorize</button></form>"
        f"<form method='post' action='{html.escape(action)}'>{hidden}"
        "<input type='hidden' name='_method' value='delete'>"
        "<button type='submit' name='button' value='deny'>Deny</button></form></body></html>"
    )
    return httpx.Response(200, content=page.encode("utf-8"), headers={"Content-Type": "text/html; charset=utf-8"})


def redirect(uri: str, params: Mapping[str, str]) -> httpx.Response:
    parts = urlsplit(uri)
    query = "&".join(p for p in (parts.query, urlencode({k: v for k, v in params.items() if v})) if p)
    location = urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))
    return httpx.Response(302, headers={"Location": location})


def _loopback(uri: str) -> bool:
    try:
        parts = urlsplit(uri)
        return parts.scheme == "http" and ipaddress.ip_address(parts.hostname or "").is_loopback
    except ValueError:
        return False


def _same_redirect(given: str, registered: str) -> bool:
    """Doorkeeper's match: exact, except that a loopback IP's port is ignored (RFC 8252 §7.3)."""
    if given == registered:
        return True
    if _loopback(given) and _loopback(registered):
        a, b = urlsplit(given), urlsplit(registered)
        return (a.scheme, a.hostname, a.path, a.query) == (b.scheme, b.hostname, b.path, b.query)
    return False


def _absolute_uri(uri: str) -> bool:
    if uri == OOB:
        return True
    parts = urlsplit(uri)
    return bool(parts.scheme and (parts.netloc or parts.scheme not in ("http", "https"))) and not parts.fragment


def _new_code(store: dict[str, Any], record: dict[str, Any]) -> str:
    code = secrets.token_urlsafe(32)
    now = time.time()
    for key in [k for k, v in store.items() if v.get("expires", 0) < now]:
        del store[key]
    store[digest(code)] = dict(record, expires=now + CODE_SECONDS)
    return code


def _take_code(store: dict[str, Any], code: str) -> dict[str, Any] | None:
    record = store.pop(digest(code), None) if code else None
    if record is None or record.get("expires", 0) < time.time():
        return None
    return dict(record)


def _pkce_ok(record: Mapping[str, Any], verifier: str) -> bool:
    challenge = record.get("code_challenge") or ""
    if not challenge:
        return True
    if not verifier:
        return False
    expected = s256(verifier) if record.get("code_challenge_method", "plain") == "S256" else verifier
    return secrets.compare_digest(expected, challenge)


# -- Mastodon ---------------------------------------------------------------------------------
def _oauth_json(status: int, error: str, description: str) -> httpx.Response:
    return httpx.Response(status, json={"error": error, "error_description": description})


def register_mastodon(sandbox: MastodonSandbox) -> None:
    sandbox.state.data.setdefault("apps", {})
    sandbox.state.data.setdefault("oauth_codes", {})
    sandbox.route("POST", r"/api/v1/apps", lambda request, _m: _mastodon_apps(sandbox, request), writes=True)
    sandbox.route("GET", r"/oauth/authorize", lambda request, _m: _mastodon_authorize(sandbox, request))
    sandbox.route(
        "POST", r"/oauth/authorize", lambda request, _m: _mastodon_authorize(sandbox, request, post=True), writes=True
    )
    sandbox.route("POST", r"/oauth/token", lambda request, _m: _mastodon_token(sandbox, request), writes=True)
    sandbox.route("POST", r"/oauth/revoke", lambda request, _m: _mastodon_revoke(sandbox, request), writes=True)


async def _mastodon_apps(sandbox: MastodonSandbox, request: httpx.Request) -> httpx.Response:
    params = body_params(request)
    name = str(params.get("client_name") or "").strip()
    uris_given = params.get("redirect_uris", "")
    uris = [str(u) for u in uris_given] if isinstance(uris_given, list) else str(uris_given).split()
    scopes = str(params.get("scopes") or "read").split()
    if not name:
        return httpx.Response(422, json={"error": "Validation failed: Application name can't be blank"})
    if not uris:
        return httpx.Response(422, json={"error": "Validation failed: Redirect URI can't be blank"})
    if not all(_absolute_uri(uri) for uri in uris):
        return httpx.Response(422, json={"error": "Validation failed: Redirect URI must be an absolute URI."})
    if not set(scopes) <= MASTODON_SCOPES:
        return httpx.Response(422, json={"error": "Validation failed: Scopes are invalid"})
    app_id = str(sandbox.state.next_id("next_app_id", 1))
    client_id, client_secret = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    sandbox.state.data["apps"][client_id] = {
        "id": app_id,
        "name": name,
        "website": params.get("website") or None,
        "redirect_uris": uris,
        "scopes": scopes,
        "secret_sha256": digest(client_secret),
    }
    return httpx.Response(
        200,
        json={
            "id": app_id,
            "name": name,
            "website": params.get("website") or None,
            "scopes": scopes,
            "redirect_uri": "\n".join(uris),
            "redirect_uris": uris,
            "client_id": client_id,
            "client_secret": client_secret,
            "client_secret_expires_at": 0,
            "vapid_key": "BCk-QqERU0q-CfYZjcuB6lnyyOYfJ2AifKqfeGIm7Z-HiTU5T9eTG5GxVA0_OH5mMlI4UkkDTpaZwozy0TzdZ2M=",
        },
    )


async def _mastodon_authorize(sandbox: MastodonSandbox, request: httpx.Request, post: bool = False) -> httpx.Response:
    params = {k: str(v) for k, v in (body_params(request) if post else dict(request.url.params)).items()}
    app = sandbox.state.data["apps"].get(params.get("client_id", ""))
    if app is None:
        return _html(401, "An error has occurred", _INVALID_CLIENT)
    redirect_uri = params.get("redirect_uri", "")
    if not any(_same_redirect(redirect_uri, registered) for registered in app["redirect_uris"]):
        return _html(
            400,
            "An error has occurred",
            "The requested redirect uri is malformed or doesn't match client redirect URI.",
        )
    state = params.get("state", "")
    if params.get("response_type") != "code":
        return redirect(redirect_uri, {"error": "unsupported_response_type", "state": state})
    scopes = (params.get("scope") or "read").split()
    if not set(scopes) <= set(app["scopes"]):
        return redirect(redirect_uri, {"error": "invalid_scope", "state": state})
    if params.get("code_challenge") and params.get("code_challenge_method") != "S256":
        return redirect(
            redirect_uri, {"error": "invalid_request", "error_description": _INVALID_REQUEST, "state": state}
        )
    if not post:
        fields = {k: params.get(k, "") for k in ("client_id", "redirect_uri", "response_type", "scope", "state")}
        fields.update({k: params[k] for k in ("code_challenge", "code_challenge_method") if k in params})
        fields["authenticity_token"] = secrets.token_urlsafe(16)
        account = sandbox.data["accounts"][sandbox.account_id]
        return consent_page(
            "Authorization required", "/oauth/authorize", fields, f"@{account['username']}", app["name"]
        )
    if params.get("_method") == "delete":
        return redirect(
            redirect_uri,
            {
                "error": "access_denied",
                "error_description": "The resource owner or authorization server denied the request.",
                "state": state,
            },
        )
    code = _new_code(
        sandbox.state.data["oauth_codes"],
        {
            "client_id": params["client_id"],
            "redirect_uri": redirect_uri,
            "scope": " ".join(scopes),
            "code_challenge": params.get("code_challenge", ""),
            "code_challenge_method": params.get("code_challenge_method", ""),
        },
    )
    return redirect(redirect_uri, {"code": code, "state": state})


async def _mastodon_token(sandbox: MastodonSandbox, request: httpx.Request) -> httpx.Response:
    params = {k: str(v) for k, v in body_params(request).items()}
    grant = params.get("grant_type", "")
    if not grant:
        return _oauth_json(400, "invalid_request", _INVALID_REQUEST)
    if grant != "authorization_code":
        return _oauth_json(
            400, "unsupported_grant_type", "The authorization grant type is not supported by the authorization server."
        )
    app = sandbox.state.data["apps"].get(params.get("client_id", ""))
    if app is None or not secrets.compare_digest(digest(params.get("client_secret", "")), app["secret_sha256"]):
        return _oauth_json(401, "invalid_client", _INVALID_CLIENT)
    if not params.get("code") or not params.get("redirect_uri"):
        return _oauth_json(400, "invalid_request", _INVALID_REQUEST)
    record = _take_code(sandbox.state.data["oauth_codes"], params["code"])
    if (
        record is None
        or record["client_id"] != params["client_id"]
        or record["redirect_uri"] != params["redirect_uri"]
        or not _pkce_ok(record, params.get("code_verifier", ""))
    ):
        return _oauth_json(400, "invalid_grant", _INVALID_GRANT)
    token = secrets.token_urlsafe(32)
    sandbox.state.data["token_sha256"] = digest(token)
    return httpx.Response(
        200,
        json={"access_token": token, "token_type": "Bearer", "scope": record["scope"], "created_at": int(time.time())},
    )


async def _mastodon_revoke(sandbox: MastodonSandbox, request: httpx.Request) -> httpx.Response:
    """RFC 7009 as Doorkeeper answers it: 200 ``{}`` whether or not the token was known."""
    params = {k: str(v) for k, v in body_params(request).items()}
    app = sandbox.state.data["apps"].get(params.get("client_id", ""))
    if app is None or not secrets.compare_digest(digest(params.get("client_secret", "")), app["secret_sha256"]):
        return _oauth_json(403, "unauthorized_client", "You are not authorized to revoke this token")
    if params.get("token") and digest(params["token"]) == sandbox.state.data.get("token_sha256"):
        sandbox.state.data["token_sha256"] = "revoked"  # never a digest: every token is refused now
    return httpx.Response(200, json={})


# -- X ----------------------------------------------------------------------------------------
X_SCOPES = frozenset(
    {"tweet.read", "tweet.write", "tweet.moderate.write", "users.read", "users.email", "follows.read", "follows.write"}
    | {"offline.access", "space.read", "mute.read", "mute.write", "like.read", "like.write", "list.read"}
    | {"list.write", "block.read", "block.write", "bookmark.read", "bookmark.write", "media.write", "dm.read"}
    | {"dm.write", "timeline.read"}
)


def register_x(sandbox: XSandbox) -> None:
    sandbox.state.data.setdefault("oauth_codes", {})
    sandbox.route("GET", r"/i/oauth2/authorize", lambda request, _m: _x_authorize(sandbox, request), writes=True)
    sandbox.route(
        "POST", r"/i/oauth2/authorize", lambda request, _m: _x_authorize(sandbox, request, post=True), writes=True
    )
    sandbox.route("POST", r"/2/oauth2/revoke", lambda request, _m: _x_revoke(sandbox, request), writes=True)


async def _x_revoke(sandbox: XSandbox, request: httpx.Request) -> httpx.Response:
    """``POST /2/oauth2/revoke`` (public client: ``client_id`` in the form) → ``{"revoked": true}``."""
    form = {k: str(v) for k, v in body_params(request).items()}
    data = sandbox.state.data
    if not form.get("token") or not form.get("client_id"):
        return _oauth_json(400, "invalid_request", "Missing required parameter [token].")
    if form["client_id"] != data.get("client_id"):
        return _oauth_json(401, "unauthorized_client", "Missing valid authorization header")
    token = digest(form["token"])
    if token in data["tokens"] or token == data.get("refresh_sha256"):
        data["tokens"] = {"revoked": "1970-01-01T00:00:00.000Z"}  # the pair is gone; never a digest
        data["refresh_sha256"] = "revoked"
    return httpx.Response(200, json={"revoked": True})


async def _x_authorize(sandbox: XSandbox, request: httpx.Request, post: bool = False) -> httpx.Response:
    params = {k: str(v) for k, v in (body_params(request) if post else dict(request.url.params)).items()}
    data = sandbox.state.data
    client_id, redirect_uri = params.get("client_id", ""), params.get("redirect_uri", "")
    if not client_id or not redirect_uri or not _absolute_uri(redirect_uri) or redirect_uri == OOB:
        return _html(400, "X", _X_FAILED)
    if "client_id" not in data:  # a new sandbox: the first app it sees is the institution's
        data["client_id"] = client_id
    data.setdefault("callback_urls", [redirect_uri] if client_id == data["client_id"] else [])
    if client_id != data["client_id"] or redirect_uri not in data["callback_urls"]:
        return _html(400, "X", _X_FAILED)
    required = ("response_type", "scope", "state", "code_challenge", "code_challenge_method")
    if any(not params.get(name) for name in required) or params["response_type"] != "code":
        return _html(400, "X", _X_FAILED)
    if params["code_challenge_method"] not in ("S256", "plain") or not set(params["scope"].split()) <= X_SCOPES:
        return _html(400, "X", _X_FAILED)
    if not post:
        fields = {k: params[k] for k in ("client_id", "redirect_uri", *required)}
        fields["authenticity_token"] = secrets.token_urlsafe(16)
        username = data["users"][sandbox.user_id]["username"]
        return consent_page("Authorize app", "/i/oauth2/authorize", fields, f"@{username}", client_id)
    if params.get("_method") == "delete":
        return redirect(redirect_uri, {"error": "access_denied", "state": params["state"]})
    code = _new_code(
        data["oauth_codes"],
        {
            "client_id": client_id,
            "redirect_uri": redirect_uri,
            "scope": params["scope"],
            "code_challenge": params["code_challenge"],
            "code_challenge_method": params["code_challenge_method"],
        },
    )
    return redirect(redirect_uri, {"state": params["state"], "code": code})


def x_exchange_code(sandbox: XSandbox, form: Mapping[str, str]) -> httpx.Response:
    """``grant_type=authorization_code`` at ``/2/oauth2/token`` (public client)."""
    for name in ("code", "client_id", "redirect_uri", "code_verifier"):
        if not form.get(name):
            return _oauth_json(400, "invalid_request", f"Missing required parameter [{name}].")
    record = _take_code(sandbox.state.data["oauth_codes"], form["code"])
    if (
        record is None
        or record["client_id"] != form["client_id"]
        or record["redirect_uri"] != form["redirect_uri"]
        or not _pkce_ok(record, form["code_verifier"])
    ):
        return _oauth_json(400, "invalid_request", "Value passed for the authorization code was invalid.")
    access, refresh = sandbox.issue_tokens(record["client_id"])
    body: dict[str, Any] = {
        "token_type": "bearer",
        "expires_in": 7200,
        "access_token": access,
        "scope": record["scope"],
    }
    if "offline.access" in record["scope"].split():
        body["refresh_token"] = refresh
    return httpx.Response(200, json=body)
