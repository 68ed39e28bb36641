"""Bluesky's XRPC API in-process: a PDS with the AppView calls we use, kept in a JSON file.

Faithful to the lexicons (``app.bsky.feed.post`` and friends) and to what the reference PDS
answers (``@atproto/pds`` 0.5.35, checked on loopback): error bodies ``{"error","message"}``
with the same names and messages, a **TID** required as a post's rkey, a second create on an
existing rkey refused with a 500 ``InternalServerError`` (as the PDS does), ``RecordNotFound``
from ``getRecord``, ``ExpiredToken`` / ``InvalidToken`` as 400, a wrong password as 401
``AuthenticationRequired``, ``BlobNotFound`` for a blob never uploaded.

Stricter than the reference PDS in one place, on purpose: a facet's byte range must lie
inside the text and on grapheme boundaries (the PDS stores broken facets silently and every
app then shows the wrong words linked).

Like bsky.social it also answers the AppView calls the app uses (``getProfile``, ``getPosts``
counts, ``listNotifications``) and sends ``RateLimit-*`` headers: 3,000 requests per 5 minutes,
``createSession`` 30 per 5 minutes per account, 5,000 write points per hour (create 3,
delete 1).

Sessions are JWT-shaped opaque tokens (HS256 over a per-sandbox secret): access 2 hours,
refresh 90 days, a used refresh token still valid for 2 more hours. ``Faults.expired_token``
expires every access token issued so far and is used up, so the next call gets
``ExpiredToken`` and a client that refreshes carries on; :meth:`BlueskySandbox.expire_sessions`
and :meth:`BlueskySandbox.change_password` cover the rest. The state file keeps only hashes of
tokens and passwords, so no token value ever lands in the profile folder. Uploaded blobs are
files in a folder beside the state file.

Build one with :meth:`BlueskySandbox.open` (an account with a known app password) or, as the
registry does, ``BlueskySandbox(state=SandboxState(path, {}), faults=…)``: a new account then
takes the handle and app password of its first login.

Seeding for the demo and tests: :meth:`add_citizen`, :meth:`citizen_post` (mentions, replies,
quotes of the account's posts show up in ``listNotifications``), :meth:`seed_engagement`.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import secrets
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final
from urllib.parse import parse_qs

import httpx

from kurum_masaustu.platforms.sandbox.core import Faults, Handler, SandboxState, SandboxTransport, write_file_atomic
from kurum_masaustu.rules import facets as richtext

POST: Final = "app.bsky.feed.post"
ACCESS_SECONDS: Final = 2 * 3600
REFRESH_SECONDS: Final = 90 * 24 * 3600
REFRESH_GRACE_SECONDS: Final = 2 * 3600
MAX_BLOB_BYTES: Final = 50 * 1024 * 1024
MAX_IMAGE_BYTES: Final = 2_000_000
API_LIMIT: Final = (3000, 300)
SESSION_LIMIT: Final = (30, 300)
WRITE_POINTS: Final = (5000, 3600)
WRITE_COST: Final = {"create": 3, "update": 2, "delete": 1}

_TID_ALPHABET: Final = "234567abcdefghijklmnopqrstuvwxyz"
_TID_RE: Final = re.compile(r"^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$")
_RKEY_RE: Final = re.compile(r"^[A-Za-z0-9._:~-]{1,512}$")
_DATETIME_RE: Final = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
_LANGUAGE_RE: Final = re.compile(r"^(i|[a-zA-Z]{2,3})(-[a-zA-Z0-9]+)*$")
_DID_RE: Final = re.compile(r"^did:[a-z]+:[a-zA-Z0-9._:%-]*[a-zA-Z0-9._-]$")
_URI_RE: Final = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:\S+$")
_AT_URI_RE: Final = re.compile(r"^at://[^/\s]+(/[a-zA-Z0-9.-]+(/[A-Za-z0-9._:~-]+)?)?$")
_CID_RE: Final = re.compile(r"^b[a-z2-7]{20,}$")


# -- ids ---------------------------------------------------------------------------------------
def _base32(data: bytes) -> str:
    return base64.b32encode(data).decode("ascii").lower().rstrip("=")


def _cid(data: bytes, codec: int) -> str:
    """A CIDv1 (sha2-256) as atproto prints it: raw blobs ``bafkrei…``, dag-cbor records ``bafyrei…``."""
    return "b" + _base32(bytes([0x01, codec, 0x12, 0x20]) + hashlib.sha256(data).digest())


def _record_cid(value: Mapping[str, Any]) -> str:
    canonical = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    return _cid(canonical, 0x71)


def _tid(micros: int, clock_id: int) -> str:
    value = (micros << 10) | (clock_id & 0x3FF)
    chars = []
    for _ in range(13):
        chars.append(_TID_ALPHABET[value & 31])
        value >>= 5
    return "".join(reversed(chars))


def _iso(epoch: float) -> str:
    return datetime.fromtimestamp(epoch, UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _hash(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def _xrpc_error(status: int, error: str, message: str, headers: Mapping[str, str] | None = None) -> httpx.Response:
    return httpx.Response(status, json={"error": error, "message": message}, headers=headers)


def _invalid(message: str) -> httpx.Response:
    return _xrpc_error(400, "InvalidRequest", message)


class _InvalidRecordError(Exception):
    """A record that fails validation; ``str()`` is the PDS's message."""

    def __init__(self, message: str, error: str = "InvalidRequest") -> None:
        super().__init__(message)
        self.error = error


# -- what the sandbox shows -------------------------------------------------------------------
@dataclass(frozen=True)
class SandboxPost:
    """A post the sandbox account published (for the sandbox feed and ``sandbox list``)."""

    id: str  # the AT-URI, the adapter's remote_id
    rkey: str
    text: str
    media: tuple[Mapping[str, Any], ...]  # {"mime_type", "size", "alt", "cid"}
    time: datetime  # when the sandbox received it
    created_at: str  # the client's createdAt
    reply_to: str | None
    facets: tuple[Mapping[str, Any], ...]
    langs: tuple[str, ...]

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "rkey": self.rkey,
            "text": self.text,
            "media": [dict(item) for item in self.media],
            "time": self.time.isoformat(),
            "created_at": self.created_at,
            "reply_to": self.reply_to,
            "langs": list(self.langs),
        }


class _Window:
    """A fixed-window counter (in memory: a restart forgets, as a real limit would expire)."""

    def __init__(self, limit: int, seconds: int) -> None:
        self.limit, self.seconds = limit, seconds
        self._start: dict[str, float] = {}
        self._used: dict[str, int] = {}

    def _roll(self, key: str, now: float) -> None:
        if now - self._start.get(key, -1e18) >= self.seconds:
            self._start[key] = now
            self._used[key] = 0

    def try_take(self, key: str, now: float, cost: int = 1) -> bool:
        self._roll(key, now)
        if self._used[key] + cost > self.limit:
            return False
        self._used[key] += cost
        return True

    def headers(self, key: str, now: float) -> dict[str, str]:
        self._roll(key, now)
        return {
            "RateLimit-Limit": str(self.limit),
            "RateLimit-Remaining": str(max(0, self.limit - self._used[key])),
            "RateLimit-Reset": str(int(self._start[key] + self.seconds)),
            "RateLimit-Policy": f"{self.limit};w={self.seconds}",
        }


DEFAULT_HANDLE: Final = "ornekbelediye.bsky.social"
DEFAULT_DISPLAY_NAME: Final = "Örnek Belediyesi"
DEFAULT_EMAIL: Final = "sosyalmedya@ornekbelediye.example"


def _did_for(handle: str) -> str:
    return "did:plc:" + _base32(hashlib.sha256(handle.lower().encode()).digest())[:24]


def _password_entry(password: str | None) -> dict[str, str | None]:
    if password is None:
        return {"password_salt": None, "password_hash": None}
    salt = secrets.token_hex(8)
    return {"password_salt": salt, "password_hash": _hash(salt + password)}


def initial_state(
    *,
    handle: str = DEFAULT_HANDLE,
    app_password: str | None = None,
    display_name: str = DEFAULT_DISPLAY_NAME,
    email: str = DEFAULT_EMAIL,
) -> dict[str, Any]:
    """A new sandbox: one institution account; ``app_password`` None lets the first login set it."""
    did = _did_for(handle)
    return {
        "platform": "bluesky",
        "owner": did,
        "token_secret": secrets.token_hex(32),
        "accounts": {
            did: {"handle": handle, "display_name": display_name, "email": email, **_password_entry(app_password)}
        },
        "repos": {},
        "blobs": {},
        "tokens": {},
        "engagement": {},
    }


# -- the sandbox ------------------------------------------------------------------------------
@dataclass(eq=False)
class BlueskySandbox(SandboxTransport):
    """An in-process Bluesky PDS + AppView subset for one institution account (see the module doc).

    Build it with :meth:`open`, or as the registry does with ``BlueskySandbox(state=…, faults=…)``
    on a state that may be empty: it is then filled with :func:`initial_state`, and the account
    takes the identifier (if it is a handle) and the app password of its first login, so a
    person can practise with whatever they typed when adding the channel.
    """

    host: str = "bluesky.sandbox.invalid"
    clock: Callable[[], float] = time.time
    _api: _Window = field(default_factory=lambda: _Window(*API_LIMIT), init=False, repr=False)
    _sessions: _Window = field(default_factory=lambda: _Window(*SESSION_LIMIT), init=False, repr=False)
    _writes: _Window = field(default_factory=lambda: _Window(*WRITE_POINTS), init=False, repr=False)
    _tid_clock: int = field(default=0, init=False, repr=False)

    def __post_init__(self) -> None:
        if "owner" not in self.state.data:
            self.state.data.update(initial_state())
            self.state.save()
        xrpc: list[tuple[str, str, Callable[[httpx.Request], httpx.Response], bool]] = [
            ("POST", "com.atproto.server.createSession", self._create_session, False),
            ("POST", "com.atproto.server.refreshSession", self._refresh_session, False),
            ("GET", "com.atproto.server.getSession", self._get_session, False),
            ("GET", "com.atproto.identity.resolveHandle", self._resolve_handle, False),
            ("POST", "com.atproto.repo.uploadBlob", self._upload_blob, True),
            ("POST", "com.atproto.repo.createRecord", self._create_record, True),
            ("POST", "com.atproto.repo.deleteRecord", self._delete_record, True),
            ("GET", "com.atproto.repo.getRecord", self._get_record, False),
            ("GET", "com.atproto.repo.listRecords", self._list_records, False),
            ("GET", "com.atproto.sync.getBlob", self._get_blob, False),
            ("GET", "app.bsky.actor.getProfile", self._get_profile, False),
            ("GET", "app.bsky.feed.getPosts", self._get_posts, False),
            ("GET", "app.bsky.notification.listNotifications", self._list_notifications, False),
        ]
        for method, nsid, handler, writes in xrpc:
            self.route(method, "/xrpc/" + re.escape(nsid), self._wrap(handler), writes=writes)

    @classmethod
    def open(
        cls,
        path: Path,
        *,
        handle: str = DEFAULT_HANDLE,
        app_password: str | None = None,
        display_name: str = DEFAULT_DISPLAY_NAME,
        email: str = DEFAULT_EMAIL,
        faults: Faults | None = None,
        clock: Callable[[], float] | None = None,
    ) -> BlueskySandbox:
        """The sandbox whose state is in ``path`` (created with this account if new)."""
        initial = initial_state(handle=handle, app_password=app_password, display_name=display_name, email=email)
        state = SandboxState(path, initial)
        return cls(state=state, faults=faults or Faults(), clock=clock or time.time)

    @property
    def base_url(self) -> str:
        return f"https://{self.host}"

    @property
    def blob_dir(self) -> Path:
        return self.state.path.with_name(self.state.path.stem + "-blobs")

    # -- plumbing -----------------------------------------------------------------------------
    @property
    def owner_did(self) -> str:
        return str(self.state.data["owner"])

    @property
    def owner_handle(self) -> str:
        return str(self.state.data["accounts"][self.owner_did]["handle"])

    @staticmethod
    def _wrap(handler: Callable[[httpx.Request], httpx.Response]) -> Handler:
        async def route(request: httpx.Request, match: re.Match[str]) -> httpx.Response:
            return handler(request)

        return route

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        now = self.clock()
        if self.faults.expired_token:
            # Bluesky's own way for a token to expire: every access token issued so far stops
            # working, and the PDS answers ExpiredToken by itself until the client refreshes.
            self.faults.expired_token = False
            self.expire_sessions()
        if not self._api.try_take("ip", now):
            self.requests.append(request)
            return self._limited(self._api.headers("ip", now))
        response = await super().handle_async_request(request)
        for name, value in self._api.headers("ip", now).items():
            response.headers.setdefault(name, value)
        return response

    def _limited(self, headers: Mapping[str, str]) -> httpx.Response:
        return _xrpc_error(429, "RateLimitExceeded", "Rate Limit Exceeded", headers)

    def rate_limited(self, request: httpx.Request, seconds: int) -> httpx.Response:
        reset = int(self.clock()) + seconds
        return self._limited(
            {
                "RateLimit-Limit": str(API_LIMIT[0]),
                "RateLimit-Remaining": "0",
                "RateLimit-Reset": str(reset),
                "RateLimit-Policy": f"{API_LIMIT[0]};w={API_LIMIT[1]}",
            }
        )

    def token_expired(self, request: httpx.Request) -> httpx.Response:
        return _xrpc_error(400, "ExpiredToken", "Token has expired")

    def server_error(self, request: httpx.Request) -> httpx.Response:
        return _xrpc_error(500, "InternalServerError", "Internal Server Error")

    def not_found(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if path.startswith("/xrpc/"):
            return _xrpc_error(501, "MethodNotImplemented", "Method Not Implemented")
        return httpx.Response(404, text="Not Found")

    def _save(self) -> None:
        self.state.save()

    # -- sessions -----------------------------------------------------------------------------
    def _issue(self, did: str, scope: str, seconds: int) -> str:
        now = self.clock()
        jti = secrets.token_urlsafe(16)
        kind = "at+jwt" if scope.endswith("access") else "refresh+jwt"
        header = _b64url(json.dumps({"typ": kind, "alg": "HS256"}).encode())
        claims = {"scope": scope, "sub": did, "aud": "did:web:bsky.sandbox.invalid", "iat": int(now)}
        claims.update({"exp": int(now + seconds), "jti": jti})
        payload = _b64url(json.dumps(claims, separators=(",", ":")).encode())
        key = bytes.fromhex(str(self.state.data["token_secret"]))
        signature = _b64url(hmac.new(key, f"{header}.{payload}".encode(), hashlib.sha256).digest())
        self.state.data["tokens"][_hash(jti)] = {"did": did, "scope": scope, "exp": now + seconds}
        return f"{header}.{payload}.{signature}"

    def _new_session(self, did: str) -> dict[str, Any]:
        now = self.clock()
        tokens = self.state.data["tokens"]
        for key in [key for key, entry in tokens.items() if entry["exp"] < now - 86400]:
            del tokens[key]  # long dead: keep the file small
        account = self.state.data["accounts"][did]
        return {
            "accessJwt": self._issue(did, "com.atproto.access", ACCESS_SECONDS),
            "refreshJwt": self._issue(did, "com.atproto.refresh", REFRESH_SECONDS),
            "handle": account["handle"],
            "did": did,
            "email": account.get("email", ""),
            "emailConfirmed": True,
            "active": True,
        }

    def _verify(self, request: httpx.Request, scope: str) -> tuple[str, str] | httpx.Response:
        """(did, token hash) of a valid bearer token of ``scope``, or the PDS's error answer."""
        header = request.headers.get("authorization", "")
        if not header:
            return _xrpc_error(401, "AuthMissing", "Authentication Required")
        token = header.removeprefix("Bearer ").strip()
        parts = token.split(".")
        key = bytes.fromhex(str(self.state.data["token_secret"]))
        if len(parts) != 3:
            return _xrpc_error(400, "InvalidToken", "Token could not be verified")
        expected = _b64url(hmac.new(key, f"{parts[0]}.{parts[1]}".encode(), hashlib.sha256).digest())
        if not hmac.compare_digest(expected, parts[2]):
            return _xrpc_error(400, "InvalidToken", "Token could not be verified")
        try:
            claims = json.loads(base64.urlsafe_b64decode(parts[1] + "=" * (-len(parts[1]) % 4)))
        except ValueError:
            return _xrpc_error(400, "InvalidToken", "Token could not be verified")
        entry = self.state.data["tokens"].get(_hash(str(claims.get("jti"))))
        if entry is None or entry["scope"] != scope or claims.get("scope") != scope:
            return _xrpc_error(400, "InvalidToken", "Token could not be verified")
        if entry["exp"] <= self.clock():
            return _xrpc_error(400, "ExpiredToken", "Token has expired")
        if entry["did"] not in self.state.data["accounts"]:
            return _xrpc_error(400, "InvalidToken", "Token could not be verified")
        return str(entry["did"]), _hash(str(claims.get("jti")))

    def _account_for(self, identifier: str) -> str | None:
        ident = identifier.strip().removeprefix("@").lower()
        for did, account in self.state.data["accounts"].items():
            if ident in (did.lower(), str(account["handle"]).lower(), str(account.get("email", "")).lower()):
                return str(did)
        return None

    def _create_session(self, request: httpx.Request) -> httpx.Response:
        body = self._json_body(request)
        if isinstance(body, httpx.Response):
            return body
        identifier, password = body.get("identifier"), body.get("password")
        if not isinstance(identifier, str) or not isinstance(password, str):
            return _invalid('Input must have the properties "identifier" and "password"')
        now = self.clock()
        self._claim(identifier, password)
        did = self._account_for(identifier)
        limit_key = did or identifier.lower()
        if not self._sessions.try_take(limit_key, now):
            return self._limited(self._sessions.headers(limit_key, now))
        account = self.state.data["accounts"].get(did) if did else None
        if (
            account is None
            or not account.get("password_hash")
            or not hmac.compare_digest(_hash(str(account["password_salt"]) + password), str(account["password_hash"]))
        ):
            return _xrpc_error(401, "AuthenticationRequired", "Invalid identifier or password")
        assert did is not None
        session = self._new_session(did)
        self._save()
        return httpx.Response(200, json=session, headers=self._sessions.headers(limit_key, now))

    def _claim(self, identifier: str, password: str) -> None:
        """An account never logged in to takes this login's app password (and handle)."""
        owner = self.state.data["accounts"][self.owner_did]
        if owner.get("password_hash") is not None or not password:
            return
        ident = identifier.strip().removeprefix("@").lower()
        if "@" in ident:
            owner["email"] = ident
        elif richtext.is_valid_handle(ident) and self._account_for(ident) is None:
            owner["handle"] = ident
        owner.update(_password_entry(password))
        self._save()

    def _refresh_session(self, request: httpx.Request) -> httpx.Response:
        verified = self._verify(request, "com.atproto.refresh")
        if isinstance(verified, httpx.Response):
            return verified
        did, token_hash = verified
        used = self.state.data["tokens"][token_hash]
        used["exp"] = min(used["exp"], self.clock() + REFRESH_GRACE_SECONDS)
        session = self._new_session(did)
        self._save()
        return httpx.Response(200, json=session)

    def _get_session(self, request: httpx.Request) -> httpx.Response:
        verified = self._verify(request, "com.atproto.access")
        if isinstance(verified, httpx.Response):
            return verified
        account = self.state.data["accounts"][verified[0]]
        return httpx.Response(
            200,
            json={
                "handle": account["handle"],
                "did": verified[0],
                "email": account.get("email", ""),
                "emailConfirmed": True,
                "active": True,
            },
        )

    def expire_sessions(self, *, refresh: bool = False) -> None:
        """Expire every access token issued so far (and the refresh tokens too with ``refresh``)."""
        now = self.clock()
        for entry in self.state.data["tokens"].values():
            if entry["scope"] == "com.atproto.access" or refresh:
                entry["exp"] = min(entry["exp"], now)
        self._save()

    def change_password(self, new_password: str) -> None:
        """The app password is revoked and replaced: its sessions end, the old one no longer logs in."""
        account = self.state.data["accounts"][self.owner_did]
        account.update(_password_entry(new_password))
        tokens = self.state.data["tokens"]
        for key in [key for key, entry in tokens.items() if entry["did"] == self.owner_did]:
            del tokens[key]
        self._save()

    # -- requests -----------------------------------------------------------------------------
    @staticmethod
    def _json_body(request: httpx.Request) -> dict[str, Any] | httpx.Response:
        try:
            body = json.loads(request.content or b"null")
        except (ValueError, UnicodeDecodeError) as exc:
            return _xrpc_error(400, "SyntaxError", f"Unexpected token in JSON: {exc}")
        if not isinstance(body, dict):
            return _invalid("Input must be an object")
        return body

    @staticmethod
    def _params(request: httpx.Request) -> dict[str, list[str]]:
        return parse_qs(request.url.query.decode("ascii"), keep_blank_values=True)

    def _repo_did(self, repo: object) -> str | None:
        return self._account_for(repo) if isinstance(repo, str) and repo else None

    def _records(self, did: str, collection: str) -> dict[str, Any]:
        repos = self.state.data["repos"]
        result: dict[str, Any] = repos.setdefault(did, {}).setdefault(collection, {})
        return result

    def _next_tid(self) -> str:
        self._tid_clock = (self._tid_clock + 1) & 0x3FF
        return _tid(int(self.clock() * 1_000_000), self._tid_clock)

    def _commit(self) -> dict[str, str]:
        rev = self._next_tid()
        return {"cid": _cid(rev.encode(), 0x71), "rev": rev}

    # -- blobs --------------------------------------------------------------------------------
    def _upload_blob(self, request: httpx.Request) -> httpx.Response:
        verified = self._verify(request, "com.atproto.access")
        if isinstance(verified, httpx.Response):
            return verified
        did = verified[0]
        data = request.content
        if len(data) > MAX_BLOB_BYTES:
            return _xrpc_error(413, "PayloadTooLarge", "request entity too large")
        mime = request.headers.get("content-type", "application/octet-stream").split(";")[0].strip().lower()
        cid = _cid(data, 0x55)
        self.blob_dir.mkdir(parents=True, exist_ok=True)
        write_file_atomic((self.blob_dir / cid), data)
        self.state.data["blobs"].setdefault(did, {})[cid] = {
            "mimeType": mime,
            "size": len(data),
            "uploadedAt": _iso(self.clock()),
        }
        blob = {"$type": "blob", "ref": {"$link": cid}, "mimeType": mime, "size": len(data)}
        return httpx.Response(200, json={"blob": blob})

    def _get_blob(self, request: httpx.Request) -> httpx.Response:
        params = self._params(request)
        did, cid = params.get("did", [""])[0], params.get("cid", [""])[0]
        meta = self.state.data["blobs"].get(did, {}).get(cid)
        path = self.blob_dir / cid
        if meta is None or not _CID_RE.match(cid) or not path.exists():
            return _xrpc_error(400, "BlobNotFound", "Blob not found")
        return httpx.Response(200, content=path.read_bytes(), headers={"Content-Type": meta["mimeType"]})

    def blob_bytes(self, cid: str) -> bytes | None:
        """An uploaded blob's bytes (for the sandbox feed's thumbnails)."""
        path = self.blob_dir / cid
        return path.read_bytes() if _CID_RE.match(cid) and path.exists() else None

    # -- records ------------------------------------------------------------------------------
    def _create_record(self, request: httpx.Request) -> httpx.Response:
        verified = self._verify(request, "com.atproto.access")
        if isinstance(verified, httpx.Response):
            return verified
        did = verified[0]
        body = self._json_body(request)
        if isinstance(body, httpx.Response):
            return body
        repo, collection, record = body.get("repo"), body.get("collection"), body.get("record")
        if not isinstance(repo, str) or not isinstance(collection, str) or not isinstance(record, dict):
            return _invalid('Input must have the properties "repo", "collection", "record"')
        if self._repo_did(repo) != did:
            return _xrpc_error(401, "AuthenticationRequired", "Authentication Required")
        rkey = body.get("rkey")
        if rkey is not None and (not isinstance(rkey, str) or not _RKEY_RE.match(rkey) or rkey in (".", "..")):
            return _invalid("Input/rkey must be a valid Record Key")
        if collection == POST:
            if rkey is not None and not _TID_RE.match(rkey):
                return _invalid(f'Invalid record key for {POST}: Invalid TID string (got "{rkey}") at $')
            if body.get("validate") is not False:
                try:
                    self._validate_post(record, did)
                except _InvalidRecordError as exc:
                    return _xrpc_error(400, exc.error, str(exc))
        elif body.get("validate") is True:
            return _invalid(f"Lexicon not found: lex:{collection}")
        now = self.clock()
        if not self._writes.try_take(did, now, WRITE_COST["create"]):
            return self._limited(self._writes.headers(did, now))
        records = self._records(did, collection)
        rkey = rkey or self._next_tid()
        if rkey in records:
            # What the reference PDS does: the repository refuses a second value at the key.
            return self.server_error(request)
        cid = _record_cid(record)
        records[rkey] = {"cid": cid, "value": record, "indexedAt": _iso(now)}
        return httpx.Response(
            200,
            json={
                "uri": f"at://{did}/{collection}/{rkey}",
                "cid": cid,
                "commit": self._commit(),
                "validationStatus": "valid" if collection == POST else "unknown",
            },
            headers=self._writes.headers(did, now),
        )

    def _delete_record(self, request: httpx.Request) -> httpx.Response:
        verified = self._verify(request, "com.atproto.access")
        if isinstance(verified, httpx.Response):
            return verified
        did = verified[0]
        body = self._json_body(request)
        if isinstance(body, httpx.Response):
            return body
        repo, collection, rkey = body.get("repo"), body.get("collection"), body.get("rkey")
        if not isinstance(repo, str) or not isinstance(collection, str) or not isinstance(rkey, str):
            return _invalid('Input must have the properties "repo", "collection", "rkey"')
        if self._repo_did(repo) != did:
            return _xrpc_error(401, "AuthenticationRequired", "Authentication Required")
        now = self.clock()
        if not self._writes.try_take(did, now, WRITE_COST["delete"]):
            return self._limited(self._writes.headers(did, now))
        records = self._records(did, collection)
        if records.pop(rkey, None) is None:
            return httpx.Response(200, json={})  # "ensure it doesn't exist"
        return httpx.Response(200, json={"commit": self._commit()}, headers=self._writes.headers(did, now))

    def _get_record(self, request: httpx.Request) -> httpx.Response:
        params = self._params(request)
        for name in ("repo", "collection", "rkey"):
            if not params.get(name, [""])[0]:
                return _invalid(f'Error: Params must have the property "{name}"')
        repo, collection, rkey = params["repo"][0], params["collection"][0], params["rkey"][0]
        did = self._repo_did(repo)
        entry = self._records(did, collection).get(rkey) if did else None
        if did is None or entry is None:
            uri = f"at://{did or repo}/{collection}/{rkey}"
            return _xrpc_error(400, "RecordNotFound", f"Could not locate record: {uri}")
        return httpx.Response(
            200, json={"uri": f"at://{did}/{collection}/{rkey}", "cid": entry["cid"], "value": entry["value"]}
        )

    def _list_records(self, request: httpx.Request) -> httpx.Response:
        params = self._params(request)
        repo, collection = params.get("repo", [""])[0], params.get("collection", [""])[0]
        if not repo or not collection:
            return _invalid('Error: Params must have the properties "repo" and "collection"')
        try:
            limit = int(params.get("limit", ["50"])[0])
        except ValueError:
            return _invalid("Error: limit must be an integer")
        if not 1 <= limit <= 100:
            return _invalid("Error: limit must be between 1 and 100")
        did = self._repo_did(repo)
        if did is None:
            return _invalid(f"Could not find repo: {repo}")
        reverse = params.get("reverse", ["false"])[0] == "true"
        cursor = params.get("cursor", [""])[0]
        keys = sorted(self._records(did, collection), reverse=not reverse)
        if cursor:
            keys = [key for key in keys if (key > cursor if reverse else key < cursor)]
        page = keys[:limit]
        records = self._records(did, collection)
        body: dict[str, Any] = {
            "records": [
                {"uri": f"at://{did}/{collection}/{key}", "cid": records[key]["cid"], "value": records[key]["value"]}
                for key in page
            ]
        }
        if len(keys) > limit:
            body["cursor"] = page[-1]
        return httpx.Response(200, json=body)

    # -- validation (lexicon app.bsky.feed.post, messages as the PDS words them) --------------
    def _validate_post(self, record: Mapping[str, Any], did: str) -> None:
        def fail(message: str, path: str) -> _InvalidRecordError:
            return _InvalidRecordError(f"Invalid {POST} record: {message} at $.record{path}")

        if record.get("$type") != POST:
            raise _InvalidRecordError(f"Invalid $type: expected {POST}, got {record.get('$type')}")
        text = record.get("text")
        if "text" not in record:
            raise fail('Missing required key "text"', "")
        if not isinstance(text, str):
            raise fail("Expected string value type", ".text")
        size = richtext.utf8_length(text)
        if size > richtext.MAX_POST_BYTES:
            raise fail(f"string too big (maximum {richtext.MAX_POST_BYTES}, got {size})", ".text")
        count = richtext.grapheme_count(text)
        if count > richtext.MAX_POST_GRAPHEMES:
            raise fail(f"grapheme too big (maximum {richtext.MAX_POST_GRAPHEMES}, got {count})", ".text")
        created = record.get("createdAt")
        if "createdAt" not in record:
            raise fail('Missing required key "createdAt"', "")
        if not isinstance(created, str) or not _DATETIME_RE.match(created) or not self._parses(created):
            raise fail(f'Invalid datetime (got "{created}")', ".createdAt")
        langs = record.get("langs")
        if langs is not None:
            if not isinstance(langs, list):
                raise fail("Expected array value type", ".langs")
            if len(langs) > 3:
                raise fail(f"array too big (maximum 3, got {len(langs)})", ".langs")
            for index, lang in enumerate(langs):
                if not isinstance(lang, str) or not _LANGUAGE_RE.match(lang):
                    raise fail(f'Invalid language (got "{lang}")', f".langs[{index}]")
        facets = record.get("facets")
        if facets is not None:
            self._validate_facets(facets, text, fail)
        reply = record.get("reply")
        if reply is not None:
            if not isinstance(reply, dict):
                raise fail("Expected object value type", ".reply")
            for key in ("root", "parent"):
                self._validate_strong_ref(reply.get(key), f".reply.{key}", fail)
        embed = record.get("embed")
        if embed is not None:
            self._validate_embed(embed, did, fail)
        tags = record.get("tags")
        if tags is not None and (not isinstance(tags, list) or len(tags) > 8):
            raise fail("array too big (maximum 8)", ".tags")

    @staticmethod
    def _parses(value: str) -> bool:
        try:
            datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return False
        return True

    @staticmethod
    def _validate_strong_ref(ref: object, path: str, fail: Callable[[str, str], _InvalidRecordError]) -> None:
        if not isinstance(ref, dict):
            raise fail(f'Missing required key "{path.rsplit(".", 1)[-1]}"', path.rsplit(".", 1)[0])
        uri, cid = ref.get("uri"), ref.get("cid")
        if not isinstance(uri, str) or not _AT_URI_RE.match(uri) or uri.count("/") != 4:
            raise fail(f'Invalid at-uri (got "{uri}")', f"{path}.uri")
        if not isinstance(cid, str) or not _CID_RE.match(cid):
            raise fail(f'Invalid cid (got "{cid}")', f"{path}.cid")

    @staticmethod
    def _validate_facets(facets: object, text: str, fail: Callable[[str, str], _InvalidRecordError]) -> None:
        if not isinstance(facets, list):
            raise fail("Expected array value type", ".facets")
        size = richtext.utf8_length(text)
        boundaries = richtext.grapheme_boundaries(text)
        for index, facet in enumerate(facets):
            path = f".facets[{index}]"
            if not isinstance(facet, dict):
                raise fail("Expected object value type", path)
            span = facet.get("index")
            if not isinstance(span, dict):
                raise fail('Missing required key "index"', path)
            start, end = span.get("byteStart"), span.get("byteEnd")
            for key, value in (("byteStart", start), ("byteEnd", end)):
                if not isinstance(value, int) or isinstance(value, bool):
                    raise fail(f'Missing required key "{key}"', f"{path}.index")
                if value < 0:
                    raise fail(f"can not be less than 0 (got {value})", f"{path}.index.{key}")
            assert isinstance(start, int)
            assert isinstance(end, int)
            if not start < end <= size:
                raise fail(f"facet byte range {start}-{end} is outside the text ({size} bytes)", f"{path}.index")
            if start not in boundaries or end not in boundaries:
                raise fail(f"facet byte range {start}-{end} splits a character", f"{path}.index")
            features = facet.get("features")
            if not isinstance(features, list):
                raise fail('Missing required key "features"', path)
            if not features:
                raise fail("array too small (minimum 1, got 0)", f"{path}.features")
            for number, feature in enumerate(features):
                where = f"{path}.features[{number}]"
                kind = feature.get("$type") if isinstance(feature, dict) else None
                assert isinstance(feature, dict) or kind is None
                if kind == "app.bsky.richtext.facet#link":
                    uri = feature.get("uri")
                    if "uri" not in feature:
                        raise fail('Missing required key "uri"', where)
                    if not isinstance(uri, str) or not _URI_RE.match(uri):
                        raise fail(f'Invalid URI (got "{uri}")', f"{where}.uri")
                elif kind == "app.bsky.richtext.facet#mention":
                    mention = feature.get("did")
                    if "did" not in feature:
                        raise fail('Missing required key "did"', where)
                    if not isinstance(mention, str) or not _DID_RE.match(mention):
                        raise fail(f'Invalid DID (got "{mention}")', f"{where}.did")
                elif kind == "app.bsky.richtext.facet#tag":
                    tag = feature.get("tag")
                    if not isinstance(tag, str):
                        raise fail('Missing required key "tag"', where)
                    if richtext.utf8_length(tag) > richtext.MAX_TAG_BYTES:
                        raise fail(f"string too big (maximum {richtext.MAX_TAG_BYTES})", f"{where}.tag")
                    tag_count = richtext.grapheme_count(tag)
                    if tag_count > richtext.MAX_TAG_GRAPHEMES:
                        limit = richtext.MAX_TAG_GRAPHEMES
                        raise fail(f"grapheme too big (maximum {limit}, got {tag_count})", f"{where}.tag")
                else:
                    raise fail(f"$type must be one of the facet features (got {kind})", where)

    def _validate_embed(self, embed: object, did: str, fail: Callable[[str, str], _InvalidRecordError]) -> None:
        if not isinstance(embed, dict):
            raise fail("Expected object value type", ".embed")
        kind = embed.get("$type")
        if kind == "app.bsky.embed.images":
            images = embed.get("images")
            if not isinstance(images, list):
                raise fail('Missing required key "images"', ".embed")
            if len(images) > 4:
                raise fail(f"array too big (maximum 4, got {len(images)})", ".embed.images")
            for index, image in enumerate(images):
                path = f".embed.images[{index}]"
                if not isinstance(image, dict):
                    raise fail("Expected object value type", path)
                if "image" not in image:
                    raise fail('Missing required key "image"', path)
                if "alt" not in image:
                    raise fail('Missing required key "alt"', path)
                if not isinstance(image["alt"], str):
                    raise fail("Expected string value type", f"{path}.alt")
                self._validate_blob(image["image"], did, f"{path}.image", fail)
                ratio = image.get("aspectRatio")
                if ratio is not None:
                    if not isinstance(ratio, dict):
                        raise fail("Expected object value type", f"{path}.aspectRatio")
                    for key in ("width", "height"):
                        value = ratio.get(key)
                        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                            raise fail(f"can not be less than 1 (got {value})", f"{path}.aspectRatio.{key}")
        elif kind == "app.bsky.embed.external":
            external = embed.get("external")
            if not isinstance(external, dict):
                raise fail('Missing required key "external"', ".embed")
            for key in ("uri", "title", "description"):
                if not isinstance(external.get(key), str):
                    raise fail(f'Missing required key "{key}"', ".embed.external")
        elif kind == "app.bsky.embed.record":
            self._validate_strong_ref(embed.get("record"), ".embed.record", fail)
        else:
            raise fail(f"$type {kind} is not supported by this sandbox", ".embed")

    def _validate_blob(
        self, blob: object, did: str, path: str, fail: Callable[[str, str], _InvalidRecordError]
    ) -> None:
        if not isinstance(blob, dict) or blob.get("$type") != "blob":
            raise fail("Expected blob value type", path)
        ref = blob.get("ref")
        cid = ref.get("$link") if isinstance(ref, dict) else None
        if not isinstance(cid, str):
            raise fail("Expected blob value type", path)
        meta = self.state.data["blobs"].get(did, {}).get(cid)
        if meta is None:
            raise _InvalidRecordError(f"Could not find blob: {cid}", "BlobNotFound")
        if not str(meta["mimeType"]).startswith("image/"):
            raise fail(f'Expected "image/*" (got "{meta["mimeType"]}")', f"{path}.mimeType")
        if int(meta["size"]) > MAX_IMAGE_BYTES:
            raise _InvalidRecordError(
                f"This file is too large. It is {meta['size']} bytes but the maximum size is {MAX_IMAGE_BYTES} bytes.",
                "BlobTooLarge",
            )

    # -- identity and the AppView part ---------------------------------------------------------
    def _resolve_handle(self, request: httpx.Request) -> httpx.Response:
        handle = self._params(request).get("handle", [""])[0]
        if not handle:
            return _invalid('Error: Params must have the property "handle"')
        for did, account in self.state.data["accounts"].items():
            if str(account["handle"]).lower() == handle.lower():
                return httpx.Response(200, json={"did": did})
        return _xrpc_error(400, "HandleNotFound", "Unable to resolve handle")

    def _profile(self, did: str) -> dict[str, Any]:
        account = self.state.data["accounts"][did]
        return {"did": did, "handle": account["handle"], "displayName": account.get("display_name", "")}

    def _get_profile(self, request: httpx.Request) -> httpx.Response:
        actor = self._params(request).get("actor", [""])[0]
        did = self._repo_did(actor)
        if did is None:
            return _invalid("Profile not found")
        posts = len(self._records(did, POST))
        return httpx.Response(
            200, json={**self._profile(did), "followersCount": 0, "followsCount": 0, "postsCount": posts}
        )

    def _all_posts(self) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
        """(did, rkey, uri, entry) of every post in every repo."""
        for did, collections in self.state.data["repos"].items():
            for rkey, entry in collections.get(POST, {}).items():
                yield did, rkey, f"at://{did}/{POST}/{rkey}", entry

    @staticmethod
    def _parent(value: Mapping[str, Any]) -> str | None:
        reply = value.get("reply")
        parent = reply.get("parent") if isinstance(reply, dict) else None
        uri = parent.get("uri") if isinstance(parent, dict) else None
        return uri if isinstance(uri, str) else None

    @staticmethod
    def _quoted(value: Mapping[str, Any]) -> str | None:
        embed = value.get("embed")
        if not isinstance(embed, dict):
            return None
        ref = embed.get("record")
        if isinstance(ref, dict) and isinstance(ref.get("record"), dict):
            ref = ref["record"]
        uri = ref.get("uri") if isinstance(ref, dict) else None
        return uri if isinstance(uri, str) else None

    def _get_posts(self, request: httpx.Request) -> httpx.Response:
        uris = self._params(request).get("uris", [])
        if len(uris) > 25:
            return _invalid("Error: uris must not have more than 25 elements")
        posts = []
        everything = list(self._all_posts())
        for uri in uris:
            found = next((item for item in everything if item[2] == uri), None)
            if found is None:
                continue
            did, _rkey, _uri, entry = found
            replies = sum(1 for item in everything if self._parent(item[3]["value"]) == uri)
            quotes = sum(1 for item in everything if self._quoted(item[3]["value"]) == uri)
            counts = self.state.data["engagement"].get(uri, {})
            posts.append(
                {
                    "uri": uri,
                    "cid": entry["cid"],
                    "author": self._profile(did),
                    "record": entry["value"],
                    "indexedAt": entry["indexedAt"],
                    "likeCount": int(counts.get("likes", 0)),
                    "repostCount": int(counts.get("reposts", 0)),
                    "replyCount": replies,
                    "quoteCount": quotes,
                    "bookmarkCount": int(counts.get("bookmarks", 0)),
                }
            )
        return httpx.Response(200, json={"posts": posts})

    def _notifications_for(self, did: str) -> list[dict[str, Any]]:
        prefix = f"at://{did}/"
        notes = []
        for author, _rkey, uri, entry in self._all_posts():
            if author == did:
                continue
            value = entry["value"]
            parent = self._parent(value) or ""
            quoted = self._quoted(value) or ""
            mentioned = any(
                feature.get("did") == did
                for facet in value.get("facets") or []
                for feature in facet.get("features") or []
                if feature.get("$type") == "app.bsky.richtext.facet#mention"
            )
            if parent.startswith(prefix):
                reason, subject = "reply", parent
            elif quoted.startswith(prefix):
                reason, subject = "quote", quoted
            elif mentioned:
                reason, subject = "mention", None
            else:
                continue
            note = {
                "uri": uri,
                "cid": entry["cid"],
                "author": self._profile(author),
                "reason": reason,
                "record": value,
                "isRead": False,
                "indexedAt": entry["indexedAt"],
            }
            if subject:
                note["reasonSubject"] = subject
            notes.append(note)
        notes.sort(key=lambda note: (note["indexedAt"], note["uri"]), reverse=True)
        return notes

    def _list_notifications(self, request: httpx.Request) -> httpx.Response:
        verified = self._verify(request, "com.atproto.access")
        if isinstance(verified, httpx.Response):
            return verified
        params = self._params(request)
        try:
            limit = int(params.get("limit", ["50"])[0])
        except ValueError:
            return _invalid("Error: limit must be an integer")
        if not 1 <= limit <= 100:
            return _invalid("Error: limit must be between 1 and 100")
        reasons = set(params.get("reasons", []))
        notes = [note for note in self._notifications_for(verified[0]) if not reasons or note["reason"] in reasons]
        cursor = params.get("cursor", [""])[0]
        if cursor:
            at, _, after_uri = cursor.partition("::")
            notes = [note for note in notes if (note["indexedAt"], note["uri"]) < (at, after_uri)]
        page = notes[:limit]
        body: dict[str, Any] = {"notifications": page}
        if len(notes) > limit:
            body["cursor"] = f"{page[-1]['indexedAt']}::{page[-1]['uri']}"
        return httpx.Response(200, json=body)

    # -- seeding and looking (not part of the API) ----------------------------------------------
    def add_citizen(self, handle: str, display_name: str = "") -> str:
        """Another Bluesky account (a citizen) that can mention and reply to the institution."""
        did = self._add_citizen(handle, display_name)
        self._save()
        return did

    def _add_citizen(self, handle: str, display_name: str = "") -> str:
        did = _did_for(handle)
        self.state.data["accounts"].setdefault(
            did, {"handle": handle, "display_name": display_name, "created_at": _iso(self.clock())}
        )
        return did

    def citizen_post(self, handle: str, text: str, *, reply_to: str | None = None, quote: str | None = None) -> str:
        """A post by a citizen (added if new); @handles of known accounts become mention facets.

        ``reply_to`` / ``quote``: an AT-URI of a post in the sandbox. Returns the new post's AT-URI.
        """
        did = self._account_for(handle) or self._add_citizen(handle)
        now = self.clock()
        value: dict[str, Any] = {"$type": POST, "text": text, "createdAt": _iso(now), "langs": ["tr"]}
        facets = []
        for facet in richtext.detect_facets(text):
            if facet.kind is richtext.FacetKind.MENTION:
                mentioned = self._account_for(facet.value)
                if mentioned is not None:
                    facets.append(facet.to_record(mentioned))
            else:
                facets.append(facet.to_record())
        if facets:
            value["facets"] = facets
        for target, kind in ((reply_to, "reply"), (quote, "quote")):
            if target is None:
                continue
            entry = self._entry(target)
            if entry is None:
                raise ValueError(f"no such post in the sandbox: {target}")
            ref = {"uri": target, "cid": entry["cid"]}
            if kind == "reply":
                root = (entry["value"].get("reply") or {}).get("root") or ref
                value["reply"] = {"root": root, "parent": ref}
            else:
                value["embed"] = {"$type": "app.bsky.embed.record", "record": ref}
        rkey = self._next_tid()
        self._records(did, POST)[rkey] = {"cid": _record_cid(value), "value": value, "indexedAt": _iso(now)}
        self._save()
        return f"at://{did}/{POST}/{rkey}"

    def seed_engagement(self, uri: str, *, likes: int = 0, reposts: int = 0, bookmarks: int = 0) -> None:
        self.state.data["engagement"][uri] = {"likes": likes, "reposts": reposts, "bookmarks": bookmarks}
        self._save()

    def published(self) -> list[SandboxPost]:
        """The institution account's posts, oldest first."""
        did = self.owner_did
        posts = []
        for rkey, entry in self._records(did, POST).items():
            value = entry["value"]
            embed = value.get("embed") or {}
            media = tuple(
                {
                    "mime_type": image["image"]["mimeType"],
                    "size": image["image"]["size"],
                    "alt": image.get("alt", ""),
                    "cid": image["image"]["ref"]["$link"],
                }
                for image in (embed.get("images") or [] if embed.get("$type") == "app.bsky.embed.images" else [])
            )
            posts.append(
                SandboxPost(
                    id=f"at://{did}/{POST}/{rkey}",
                    rkey=rkey,
                    text=str(value.get("text", "")),
                    media=media,
                    time=datetime.fromisoformat(str(entry["indexedAt"]).replace("Z", "+00:00")),
                    created_at=str(value.get("createdAt", "")),
                    reply_to=self._parent(value),
                    facets=tuple(value.get("facets") or ()),
                    langs=tuple(value.get("langs") or ()),
                )
            )
        posts.sort(key=lambda post: (post.time, post.rkey))
        return posts

    def _entry(self, uri: str) -> dict[str, Any] | None:
        parts = uri.removeprefix("at://").split("/")
        if len(parts) != 3:
            return None
        entry = self.state.data["repos"].get(parts[0], {}).get(parts[1], {}).get(parts[2])
        return entry if isinstance(entry, dict) else None

    def record(self, uri: str) -> dict[str, Any] | None:
        """A stored record's value by AT-URI (any repo), for tests and the feed view."""
        entry = self._entry(uri)
        return dict(entry["value"]) if entry else None
