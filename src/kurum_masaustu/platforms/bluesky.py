"""Bluesky (AT Protocol) through the account's PDS with an app password. No Qt.

Requests are XRPC calls on ``settings["base_url"]`` (``https://bsky.social``, an institution's
own PDS, a PDS on loopback or a sandbox). Secrets: ``identifier`` (handle, DID or e-mail) and
``app_password``, plus the session tokens ``access_jwt`` / ``refresh_jwt`` once we have them.

Sessions: ``createSession`` is limited to 30 per 5 minutes per account, so the session is
cached and renewed with ``refreshSession`` when the PDS says ``ExpiredToken``; only when the
refresh token is refused too do we log in again with the app password. New tokens are
offered to the caller through :meth:`BlueskyAdapter.updated_secrets` for the keyring.

Exactly once: every post is created with a record key (``rkey``) derived from the delivery's
idempotency key, a valid TID as ``app.bsky.feed.post`` requires. A second ``createRecord`` on
the same rkey fails (the reference PDS answers 500), and the adapter then finds the first one
with ``getRecord``; :meth:`BlueskyAdapter.find_published` is the same ``getRecord``.

``remote_id`` is the post's AT-URI (``at://<did>/app.bsky.feed.post/<rkey>``); the permalink is
``https://bsky.app/profile/<handle>/post/<rkey>`` (``settings["app_url"]`` may replace the
web app's address).
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any, Final

import httpx

from kurum_masaustu.domain import InboxKind, Platform
from kurum_masaustu.platforms.base import (
    AccountInfo,
    ActionOutcome,
    Adapter,
    AuthExpired,
    Done,
    InboxPage,
    MediaFile,
    Metrics,
    Outcome,
    Published,
    PublishRequest,
    RateLimited,
    Rejected,
    RemoteItem,
    Transient,
)
from kurum_masaustu.rules import facets as richtext

logger = logging.getLogger("kurum_masaustu.platforms.bluesky")

DEFAULT_BASE_URL: Final = "https://bsky.social"
DEFAULT_APP_URL: Final = "https://bsky.app"
POST_COLLECTION: Final = "app.bsky.feed.post"
MAX_IMAGES: Final = 4
MAX_IMAGE_BYTES: Final = 2_000_000
#: Errors that mean "this token (or password) is not accepted".
AUTH_ERRORS: Final = frozenset({"ExpiredToken", "InvalidToken", "AuthenticationRequired", "AuthMissing"})
#: Notification reasons that belong in the inbox.
INBOX_REASONS: Final = ("mention", "reply", "quote")
#: At most this many pages of 100 notifications are read back to the last one seen.
MAX_INBOX_PAGES: Final = 20
#: ``app.bsky.feed.getPosts`` takes at most 25 URIs.
GET_POSTS_BATCH: Final = 25
DEFAULT_RATE_LIMIT_WAIT: Final = timedelta(seconds=60)

_ERROR_CODES: Final = {
    "InvalidRequest": "invalid_request",
    "BlobNotFound": "media_missing",
    "BlobTooLarge": "media_too_large",
    "PayloadTooLarge": "media_too_large",
    "InvalidMimeType": "media_type",
    "RecordNotFound": "not_found",
    "HandleNotFound": "not_found",
    "InvalidSwap": "conflict",
    "AccountTakedown": "account_suspended",
    "AccountDeactivated": "account_suspended",
    "AccountSuspended": "account_suspended",
    "RepoTakendown": "account_suspended",
    "RepoDeactivated": "account_suspended",
    "RepoSuspended": "account_suspended",
}

# -- record keys ------------------------------------------------------------------------------
_TID_ALPHABET: Final = "234567abcdefghijklmnopqrstuvwxyz"
_TID_RE: Final = re.compile(r"^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$")
_RKEY_RE: Final = re.compile(r"^[A-Za-z0-9._:~-]{1,512}$")
# A derived TID's timestamp lies in [2023-01-01, 2023-01-01 + 2^45 µs ≈ 407 days): always in
# the past, so it never sorts as a "future" record; 45 + 10 (clock id) = 55 bits of the hash.
_TID_BASE_US: Final = 1_672_531_200 * 1_000_000
_TID_SPAN_BITS: Final = 45


def _tid_encode(value: int) -> str:
    chars = []
    for _ in range(13):
        chars.append(_TID_ALPHABET[value & 31])
        value >>= 5
    return "".join(reversed(chars))


def record_key_for(idempotency_key: str) -> str:
    """The post's rkey for a delivery: a valid TID derived deterministically from its key."""
    if not idempotency_key:
        raise ValueError("a delivery needs an idempotency key")
    digest = hashlib.sha256(f"kurum-masaustu/bluesky-rkey/v1:{idempotency_key}".encode()).digest()
    bits = int.from_bytes(digest[:8], "big")
    micros = _TID_BASE_US + (bits >> 19) % (1 << _TID_SPAN_BITS)
    clock_id = bits & 0x3FF
    return _tid_encode((micros << 10) | clock_id)


def is_tid(value: str) -> bool:
    return bool(_TID_RE.match(value))


@dataclass(frozen=True)
class AtUri:
    repo: str
    collection: str
    rkey: str

    def __str__(self) -> str:
        return f"at://{self.repo}/{self.collection}/{self.rkey}"


def parse_at_uri(value: str) -> AtUri | None:
    """``at://<repo>/<collection>/<rkey>`` split in parts, or None if it is not one."""
    if not value.startswith("at://"):
        return None
    parts = value[len("at://") :].split("/")
    if len(parts) != 3 or not all(parts) or not _RKEY_RE.match(parts[2]):
        return None
    return AtUri(parts[0], parts[1], parts[2])


# -- what went wrong --------------------------------------------------------------------------
@dataclass(frozen=True)
class _Fail:
    """An XRPC call that did not succeed; ``status`` None when no HTTP answer came."""

    status: int | None
    error: str
    message: str
    xrpc_body: bool = False  # the answer was an XRPC error body {"error", "message"}
    retry_at: datetime | None = None

    @property
    def is_auth(self) -> bool:
        return self.error in AUTH_ERRORS or self.status == 401

    @property
    def is_rate_limited(self) -> bool:
        return self.status == 429 or self.error == "RateLimitExceeded"

    @property
    def is_transient(self) -> bool:
        if self.is_auth or self.is_rate_limited:
            return False
        if self.status is None or self.status >= 500 or self.status == 408:
            return True
        # A 4xx that is no XRPC error (a proxy's page, a captive portal) did not reach the PDS.
        return not self.xrpc_body and self.status != 413

    @property
    def detail(self) -> str:
        where = f"HTTP {self.status}" if self.status is not None else "no answer"
        return f"{self.error} ({where}): {self.message}" if self.message else f"{self.error} ({where})"

    def outcome(self) -> AuthExpired | RateLimited | Rejected | Transient:
        if self.is_auth:
            return AuthExpired(self.detail)
        if self.is_rate_limited:
            until = self.retry_at or datetime.now(UTC) + DEFAULT_RATE_LIMIT_WAIT
            return RateLimited(until, self.detail)
        if self.is_transient:
            return Transient(self.detail)
        code = "media_too_large" if self.status == 413 else _ERROR_CODES.get(self.error, "rejected")
        return Rejected(code, self.message or self.error, {"error": self.error, "status": self.status})

    def narrow(self) -> AuthExpired | Rejected | Transient:
        """The outcome for calls that cannot report a rate limit: a wait becomes a Transient."""
        outcome = self.outcome()
        if isinstance(outcome, RateLimited):
            wait = max(0.0, (outcome.until - datetime.now(UTC)).total_seconds())
            return Transient(outcome.detail, retry_after_seconds=wait)
        return outcome

    def transient(self) -> Transient:
        """The outcome for calls that may only answer Transient (find_published, metrics)."""
        outcome = self.narrow()
        if isinstance(outcome, Transient):
            return outcome
        return Transient(self.detail)


def _retry_at(response: httpx.Response) -> datetime | None:
    """When a rate limit ends: ``RateLimit-Reset`` (epoch seconds), else ``Retry-After``."""
    reset = response.headers.get("ratelimit-reset")
    if reset:
        try:
            return datetime.fromtimestamp(float(reset), UTC)
        except (ValueError, OverflowError, OSError):
            pass
    retry_after = response.headers.get("retry-after")
    if retry_after:
        try:
            return datetime.now(UTC) + timedelta(seconds=float(retry_after))
        except ValueError:
            try:
                return parsedate_to_datetime(retry_after).astimezone(UTC)
            except (TypeError, ValueError, IndexError):
                pass
    return None


def _iso_now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _parse_time(value: object) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed.astimezone(UTC) if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _strong_ref(value: object) -> dict[str, str] | None:
    if isinstance(value, Mapping) and isinstance(value.get("uri"), str) and isinstance(value.get("cid"), str):
        return {"uri": value["uri"], "cid": value["cid"]}
    return None


def _image_size(path: Path) -> tuple[int, int] | None:
    """The image's pixel size by Pillow, for ``aspectRatio`` when the caller did not give it."""
    try:
        from PIL import Image

        with Image.open(path) as image:
            width, height = image.size
    except (OSError, ValueError, Image.DecompressionBombError):
        return None
    return (width, height) if width > 0 and height > 0 else None


@dataclass(frozen=True)
class _InboxCursor:
    """Where the inbox was read to: the newest ``indexedAt`` seen and the URIs that carried it."""

    time: datetime
    uris: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def parse(cls, cursor: str | None) -> _InboxCursor | None:
        if not cursor:
            return None
        try:
            data = json.loads(cursor)
        except ValueError:
            return None
        time = _parse_time(data.get("t")) if isinstance(data, dict) else None
        if time is None:
            return None
        uris = data.get("u")
        return cls(time, frozenset(u for u in uris if isinstance(u, str)) if isinstance(uris, list) else frozenset())

    def dump(self) -> str:
        stamp = self.time.isoformat(timespec="microseconds").replace("+00:00", "Z")
        return json.dumps({"t": stamp, "u": sorted(self.uris)}, separators=(",", ":"))


# -- the adapter ------------------------------------------------------------------------------
class BlueskyAdapter(Adapter):
    """One Bluesky account through its PDS (see the module doc)."""

    platform = Platform.BLUESKY

    def __init__(self, client: httpx.AsyncClient, settings: Mapping[str, Any], secrets: Mapping[str, str]) -> None:
        super().__init__(client, settings, secrets)
        self._base = str(self.settings.get("base_url") or DEFAULT_BASE_URL).rstrip("/")
        self._app_url = str(self.settings.get("app_url") or DEFAULT_APP_URL).rstrip("/")
        self._access: str | None = self._secrets.get("access_jwt") or None
        self._refresh: str | None = self._secrets.get("refresh_jwt") or None
        self._did: str | None = None
        self._handle: str | None = None
        self._session_lock = asyncio.Lock()
        self._tokens_changed = False
        self._login_refused: _Fail | None = None  # the app password was refused: don't retry it
        self._dids: dict[str, str] = {}

    # -- secrets ------------------------------------------------------------------------------
    def updated_secrets(self) -> Mapping[str, str] | None:
        """The complete secrets (app password and current tokens) once the tokens have changed."""
        if not self._tokens_changed:
            return None
        merged = {k: v for k, v in self._secrets.items() if k not in ("access_jwt", "refresh_jwt")}
        if self._access:
            merged["access_jwt"] = self._access
        if self._refresh:
            merged["refresh_jwt"] = self._refresh
        return merged

    @property
    def did(self) -> str | None:
        return self._did

    @property
    def handle(self) -> str | None:
        return self._handle

    # -- XRPC ---------------------------------------------------------------------------------
    async def _send(
        self,
        method: str,
        nsid: str,
        *,
        token: str | None = None,
        params: Mapping[str, Any] | None = None,
        body: Mapping[str, Any] | None = None,
        content: bytes | None = None,
        content_type: str | None = None,
    ) -> dict[str, Any] | _Fail:
        headers = {"Accept": "application/json"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        url = f"{self._base}/xrpc/{nsid}"
        try:
            if content is not None:
                headers["Content-Type"] = content_type or "application/octet-stream"
                response = await self.client.request(method, url, params=params, content=content, headers=headers)
            else:
                response = await self.client.request(method, url, params=params, json=body, headers=headers)
        except httpx.TimeoutException as exc:
            return _Fail(None, "Timeout", f"{nsid}: {type(exc).__name__}")
        except httpx.HTTPError as exc:
            return _Fail(None, "NetworkError", f"{nsid}: {type(exc).__name__}: {exc}")
        try:
            data: Any = response.json() if response.content else {}
        except ValueError:
            data = None
        if response.is_success:
            if not isinstance(data, dict):
                return _Fail(response.status_code, "MalformedResponse", f"{nsid}: the answer is not a JSON object")
            return data
        if isinstance(data, dict) and isinstance(data.get("error"), str):
            return _Fail(
                response.status_code,
                data["error"],
                str(data.get("message") or ""),
                xrpc_body=True,
                retry_at=_retry_at(response),
            )
        status = response.status_code
        return _Fail(status, f"HTTP{status}", response.reason_phrase, retry_at=_retry_at(response))

    def _adopt(self, session: Mapping[str, Any], *, tokens: bool = True) -> _Fail | None:
        did, handle = session.get("did"), session.get("handle")
        if not isinstance(did, str) or not isinstance(handle, str):
            return _Fail(200, "MalformedResponse", "the session has no did or handle")
        if tokens:
            access, refresh = session.get("accessJwt"), session.get("refreshJwt")
            if not isinstance(access, str) or not isinstance(refresh, str):
                return _Fail(200, "MalformedResponse", "the session has no tokens")
            self._access, self._refresh = access, refresh
            self._tokens_changed = True
        self._did, self._handle = did, handle
        return None

    async def _login_locked(self) -> _Fail | None:
        if self._login_refused is not None:
            return self._login_refused
        identifier = (self._secrets.get("identifier") or "").strip().removeprefix("@")
        password = self._secrets.get("app_password") or ""
        if not identifier or not password:
            return _Fail(None, "AuthenticationRequired", "no identifier or app password is stored for this channel")
        logger.info("Bluesky: creating a session for %s", identifier)
        got = await self._send(
            "POST", "com.atproto.server.createSession", body={"identifier": identifier, "password": password}
        )
        if isinstance(got, _Fail):
            if got.is_auth:
                self._login_refused = got
            return got
        return self._adopt(got)

    async def _renew_locked(self) -> _Fail | None:
        """Refresh the session, or log in again when the refresh token is refused."""
        if self._refresh:
            got = await self._send("POST", "com.atproto.server.refreshSession", token=self._refresh)
            if isinstance(got, dict):
                logger.info("Bluesky: session refreshed")
                return self._adopt(got)
            if not got.is_auth:
                return got  # a network error or a rate limit: a new login would not help
            logger.info("Bluesky: the refresh token was refused (%s); logging in again", got.error)
            self._access = self._refresh = None
            self._tokens_changed = True
        return await self._login_locked()

    async def _ensure_session(self, *, check: bool = False) -> _Fail | None:
        """A usable session: the cached one (checked with getSession once), else a new one."""
        if self._access and self._did and not check:
            return None
        async with self._session_lock:
            if self._access and self._did and not check:
                return None
            if self._access:
                got = await self._send("GET", "com.atproto.server.getSession", token=self._access)
                if isinstance(got, dict):
                    return self._adopt(got, tokens=False)
                if not got.is_auth:
                    return got
            return await self._renew_locked()

    async def _renew(self, stale_access: str | None) -> _Fail | None:
        async with self._session_lock:
            if self._access and self._access != stale_access and self._did:
                return None  # another task renewed it meanwhile
            return await self._renew_locked()

    async def _call(
        self,
        method: str,
        nsid: str,
        *,
        params: Mapping[str, Any] | None = None,
        body: Mapping[str, Any] | None = None,
        content: bytes | None = None,
        content_type: str | None = None,
    ) -> dict[str, Any] | _Fail:
        """An authenticated call; one refresh (or new login) and a second try if the token was refused."""
        failed = await self._ensure_session()
        if failed is not None:
            return failed
        token = self._access
        got = await self._send(
            method, nsid, token=token, params=params, body=body, content=content, content_type=content_type
        )
        if isinstance(got, _Fail) and got.is_auth:
            failed = await self._renew(token)
            if failed is not None:
                return failed
            got = await self._send(
                method, nsid, token=self._access, params=params, body=body, content=content, content_type=content_type
            )
        return got

    # -- helpers ------------------------------------------------------------------------------
    def _uri(self, rkey: str) -> str:
        return str(AtUri(self._did or "", POST_COLLECTION, rkey))

    def permalink(self, rkey: str) -> str:
        return f"{self._app_url}/profile/{self._handle or self._did}/post/{rkey}"

    def _published(self, record: Mapping[str, Any], rkey: str) -> Published:
        uri = record.get("uri")
        return Published(uri if isinstance(uri, str) else self._uri(rkey), self.permalink(rkey))

    async def _get_record(self, target: AtUri) -> dict[str, Any] | _Fail:
        params = {"repo": target.repo, "collection": target.collection, "rkey": target.rkey}
        return await self._call("GET", "com.atproto.repo.getRecord", params=params)

    @staticmethod
    def _not_found(fail: _Fail) -> bool:
        return fail.error == "RecordNotFound" or (
            fail.status == 400 and "could not locate record" in fail.message.lower()
        )

    def _target(self, remote_id: str) -> AtUri | None:
        """A post by AT-URI, or by a bare rkey in our own repo."""
        parsed = parse_at_uri(remote_id)
        if parsed is not None:
            return parsed
        if self._did and _RKEY_RE.match(remote_id):
            return AtUri(self._did, POST_COLLECTION, remote_id)
        return None

    async def stable_id(self, remote_id: str) -> str | None:
        """A post's AT-URI under a handle (read from a bsky.app link) → under the account's DID,
        which survives a change of handle."""
        target = parse_at_uri(remote_id)
        if target is None or target.repo.startswith("did:"):
            return None
        did = await self._resolve(target.repo)
        if not isinstance(did, str):
            return None
        return str(AtUri(did, target.collection, target.rkey))

    async def _resolve(self, handle: str) -> str | _Fail | None:
        """The DID for a handle; None if no account has it."""
        if handle == self._handle and self._did:
            return self._did
        if handle in self._dids:
            return self._dids[handle]
        got = await self._send("GET", "com.atproto.identity.resolveHandle", params={"handle": handle})
        if isinstance(got, _Fail):
            return None if got.status == 400 else got
        did = got.get("did")
        if not isinstance(did, str) or not did.startswith("did:"):
            return None
        self._dids[handle] = did
        return did

    async def _facets(self, text: str) -> list[dict[str, Any]] | _Fail:
        found = richtext.detect_facets(text)
        dids: dict[str, str] = {}
        for handle in richtext.mention_handles(found):
            did = await self._resolve(handle)
            if isinstance(did, _Fail):
                return did
            if did is not None:
                dids[handle] = did
            else:
                logger.info("Bluesky: no account has the handle %s; it stays plain text", handle)
        return [
            facet.to_record(dids.get(facet.value))
            for facet in found
            if facet.kind is not richtext.FacetKind.MENTION or facet.value in dids
        ]

    async def _images(self, media: Sequence[MediaFile]) -> dict[str, Any] | Rejected | _Fail | None:
        if not media:
            return None
        images = []
        for item in media:
            try:
                data = await asyncio.to_thread(item.path.read_bytes)
            except OSError as exc:
                return Rejected("media_missing", f"{item.path.name}: {exc.strerror or exc}")
            if len(data) > MAX_IMAGE_BYTES:
                return Rejected(
                    "media_too_large",
                    f"{item.path.name} is {len(data):,} bytes; Bluesky takes images up to {MAX_IMAGE_BYTES:,} bytes",
                    {"bytes": len(data), "max_bytes": MAX_IMAGE_BYTES},
                )
            got = await self._call("POST", "com.atproto.repo.uploadBlob", content=data, content_type=item.mime_type)
            if isinstance(got, _Fail):
                return got
            blob = got.get("blob")
            if not isinstance(blob, dict):
                return _Fail(200, "MalformedResponse", "uploadBlob answered without a blob")
            entry: dict[str, Any] = {"alt": item.alt_text or "", "image": blob}
            size = (item.width, item.height) if item.width and item.height else None
            if size is None:
                size = await asyncio.to_thread(_image_size, item.path)
            if size is not None:
                entry["aspectRatio"] = {"width": size[0], "height": size[1]}
            images.append(entry)
        return {"$type": "app.bsky.embed.images", "images": images}

    async def _reply_ref(self, parent_id: str) -> dict[str, Any] | Rejected | _Fail:
        target = self._target(parent_id)
        if target is None:
            return Rejected("reply_target_missing", f"not a Bluesky post: {parent_id}")
        got = await self._get_record(target)
        if isinstance(got, _Fail):
            if self._not_found(got):
                return Rejected("reply_target_missing", got.message or "the post replied to no longer exists")
            return got
        parent = _strong_ref(got)
        if parent is None:
            return _Fail(200, "MalformedResponse", "getRecord answered without uri and cid")
        value = got.get("value")
        reply = value.get("reply") if isinstance(value, dict) else None
        root = _strong_ref(reply.get("root")) if isinstance(reply, dict) else None
        return {"root": root or parent, "parent": parent}

    # -- Adapter ------------------------------------------------------------------------------
    async def verify(self) -> AccountInfo | AuthExpired | Rejected | Transient:
        failed = await self._ensure_session(check=True)
        if failed is not None:
            return failed.narrow()
        assert self._did is not None
        assert self._handle is not None
        display_name = self._handle
        # The profile comes from the AppView; a bare PDS has none, and the handle will do.
        profile = await self._call("GET", "app.bsky.actor.getProfile", params={"actor": self._did})
        if isinstance(profile, dict) and isinstance(profile.get("displayName"), str) and profile["displayName"]:
            display_name = profile["displayName"]
        return AccountInfo(remote_id=self._did, handle=self._handle, display_name=display_name)

    def check(self, request: PublishRequest) -> Rejected | None:
        """What Bluesky would refuse in this request, found without a network call."""
        text = self._text(request)
        if request.poll is not None:
            return Rejected("unsupported", "Bluesky has no polls")
        if not text.strip() and not request.media:
            return Rejected("empty", "a Bluesky post needs text or an image")
        if not richtext.fits_post(text):
            count, size = richtext.grapheme_count(text), richtext.utf8_length(text)
            return Rejected(
                "too_long",
                f"the text has {count} characters and {size} bytes; Bluesky allows "
                f"{richtext.MAX_POST_GRAPHEMES} characters and {richtext.MAX_POST_BYTES} bytes",
                {
                    "graphemes": count,
                    "bytes": size,
                    "max_graphemes": richtext.MAX_POST_GRAPHEMES,
                    "max_bytes": richtext.MAX_POST_BYTES,
                },
            )
        if len(request.media) > MAX_IMAGES:
            return Rejected(
                "too_many_media",
                f"{len(request.media)} images; Bluesky allows {MAX_IMAGES} per post",
                {"count": len(request.media), "max": MAX_IMAGES},
            )
        for item in request.media:
            if not item.mime_type.startswith("image/"):
                return Rejected("unsupported_media", f"{item.path.name} ({item.mime_type}): only images are supported")
        return None

    @staticmethod
    def _text(request: PublishRequest) -> str:
        """The post's text; a link given apart is added on its own line if the text lacks it."""
        text = request.text
        if request.link and request.link not in text:
            text = f"{text.rstrip()}\n{request.link}" if text.strip() else request.link
        return text

    async def publish(self, request: PublishRequest) -> Outcome:
        refused = self.check(request)
        if refused is not None:
            return refused
        text = self._text(request)
        rkey = record_key_for(request.idempotency_key)
        failed = await self._ensure_session()
        if failed is not None:
            return failed.outcome()
        record: dict[str, Any] = {
            "$type": POST_COLLECTION,
            "text": text,
            "createdAt": _iso_now(),
            "langs": [request.language or "tr"],
        }
        if request.reply_to:
            reply = await self._reply_ref(request.reply_to)
            if isinstance(reply, _Fail):
                return reply.outcome()
            if isinstance(reply, Rejected):
                return reply
            record["reply"] = reply
        facets = await self._facets(text)
        if isinstance(facets, _Fail):
            return facets.outcome()
        if facets:
            record["facets"] = facets
        embed = await self._images(request.media)
        if isinstance(embed, _Fail):
            return embed.outcome()
        if isinstance(embed, Rejected):
            return embed
        if embed is not None:
            record["embed"] = embed
        assert self._did is not None
        created = await self._call(
            "POST",
            "com.atproto.repo.createRecord",
            body={"repo": self._did, "collection": POST_COLLECTION, "rkey": rkey, "validate": True, "record": record},
        )
        if isinstance(created, dict):
            return self._published(created, rkey)
        if not created.is_auth:
            # A retry after a lost answer: the record is there already (the PDS refuses the
            # second create on the same rkey, with a 500). Same key, same delivery: it is ours.
            existing = await self._get_record(AtUri(self._did, POST_COLLECTION, rkey))
            if isinstance(existing, dict):
                logger.info("Bluesky: %s already existed; not posted again", rkey)
                return self._published(existing, rkey)
        return created.outcome()

    async def find_published(self, request: PublishRequest, since: datetime) -> Published | Transient | None:
        failed = await self._ensure_session()
        if failed is not None:
            return failed.transient()
        assert self._did is not None
        rkey = record_key_for(request.idempotency_key)
        got = await self._get_record(AtUri(self._did, POST_COLLECTION, rkey))
        if isinstance(got, dict):
            return self._published(got, rkey)
        if self._not_found(got):
            return None
        return got.transient()

    async def delete(self, remote_id: str) -> ActionOutcome:
        failed = await self._ensure_session()
        if failed is not None:
            return failed.outcome()
        target = self._target(remote_id)
        if target is None:
            return Rejected("not_found", f"not a Bluesky post: {remote_id}")
        if target.repo not in (self._did, self._handle):
            return Rejected("forbidden", "only this account's own posts can be deleted")
        got = await self._call(
            "POST",
            "com.atproto.repo.deleteRecord",
            body={"repo": self._did, "collection": target.collection, "rkey": target.rkey},
        )
        return Done() if isinstance(got, dict) else got.outcome()

    async def reply(self, parent_remote_id: str, text: str, idempotency_key: str) -> Outcome:
        return await self.publish(PublishRequest(text=text, idempotency_key=idempotency_key, reply_to=parent_remote_id))

    async def fetch_inbox(self, cursor: str | None) -> InboxPage | AuthExpired | RateLimited | Transient:
        """Mentions, replies and quotes newer than ``cursor`` (oldest first).

        Bluesky pages notifications newest first with a cursor into the past, so our cursor
        is instead the newest ``indexedAt`` seen (and the URIs at that instant); we read back
        until we reach it, at most ``MAX_INBOX_PAGES`` pages. Without a cursor only the newest
        page is read: a new channel does not import its whole history.
        """
        since = _InboxCursor.parse(cursor)
        items: list[RemoteItem] = []
        newest: _InboxCursor | None = None
        page_cursor: str | None = None
        for _page in range(MAX_INBOX_PAGES):
            params: dict[str, Any] = {"reasons": list(INBOX_REASONS), "limit": 100}
            if page_cursor:
                params["cursor"] = page_cursor
            got = await self._call("GET", "app.bsky.notification.listNotifications", params=params)
            if isinstance(got, _Fail):
                outcome = got.outcome()
                return outcome if not isinstance(outcome, Rejected) else Transient(got.detail)
            notifications = got.get("notifications")
            if not isinstance(notifications, list):
                return Transient("listNotifications answered without notifications")
            reached = False
            for note in notifications:
                if not isinstance(note, dict):
                    continue
                when = _parse_time(note.get("indexedAt"))
                uri = note.get("uri")
                if when is None or not isinstance(uri, str):
                    continue
                if since is not None and (when < since.time or (when == since.time and uri in since.uris)):
                    if when < since.time:
                        reached = True
                        break
                    continue
                if newest is None or when > newest.time:
                    newest = _InboxCursor(when, frozenset({uri}))
                elif when == newest.time:
                    newest = _InboxCursor(when, newest.uris | {uri})
                item = self._remote_item(note, when)
                if item is not None:
                    items.append(item)
            next_cursor = got.get("cursor")
            page_cursor = next_cursor if isinstance(next_cursor, str) and next_cursor else None
            if reached or since is None or page_cursor is None or not notifications:
                break
        if newest is None:
            return InboxPage((), cursor)
        if since is not None and newest.time == since.time:
            newest = _InboxCursor(newest.time, newest.uris | since.uris)
        items.sort(key=lambda item: item.created_at)
        return InboxPage(tuple(items), newest.dump())

    @staticmethod
    def _remote_item(note: Mapping[str, Any], indexed_at: datetime) -> RemoteItem | None:
        reason = note.get("reason")
        author = note.get("author")
        record = note.get("record")
        if reason not in INBOX_REASONS or not isinstance(author, dict) or not isinstance(record, dict):
            return None
        handle = str(author.get("handle") or "")
        name = str(author.get("displayName") or "") or handle
        reply = record.get("reply") if isinstance(record.get("reply"), dict) else None
        parent = _strong_ref(reply.get("parent")) if reply else None
        root = _strong_ref(reply.get("root")) if reply else None
        post_id: str | None = root["uri"] if root else None
        if reason == "quote":
            embed = record.get("embed")
            quoted = embed.get("record") if isinstance(embed, dict) else None
            if isinstance(quoted, dict) and isinstance(quoted.get("record"), dict):
                quoted = quoted["record"]  # recordWithMedia
            ref = _strong_ref(quoted)
            post_id = ref["uri"] if ref else post_id
        return RemoteItem(
            remote_id=str(note["uri"]),
            kind=InboxKind.REPLY if reason == "reply" else InboxKind.MENTION,
            author_name=name,
            author_handle=handle,
            text=str(record.get("text") or ""),
            created_at=_parse_time(record.get("createdAt")) or indexed_at,
            parent_remote_id=parent["uri"] if parent else None,
            post_remote_id=post_id,
        )

    async def metrics(self, remote_ids: Sequence[str]) -> Mapping[str, Metrics] | Transient:
        """Likes, reposts, replies, quotes and bookmarks per post (from the AppView)."""
        if any(parse_at_uri(remote_id) is None for remote_id in remote_ids):
            failed = await self._ensure_session()  # a bare rkey needs our DID
            if failed is not None:
                return failed.transient()
        wanted = {str(target): remote_id for remote_id in remote_ids if (target := self._target(remote_id))}
        result: dict[str, Metrics] = {}
        uris = list(wanted)
        for start in range(0, len(uris), GET_POSTS_BATCH):
            batch = uris[start : start + GET_POSTS_BATCH]
            got = await self._call("GET", "app.bsky.feed.getPosts", params={"uris": batch})
            if isinstance(got, _Fail):
                return Transient(f"post counts are not available: {got.detail}", got.transient().retry_after_seconds)
            posts = got.get("posts")
            for post in posts if isinstance(posts, list) else []:
                if not isinstance(post, dict) or post.get("uri") not in wanted:
                    continue
                counts = {
                    name: int(post.get(key) or 0)
                    for name, key in (
                        ("likes", "likeCount"),
                        ("reposts", "repostCount"),
                        ("replies", "replyCount"),
                        ("quotes", "quoteCount"),
                        ("bookmarks", "bookmarkCount"),
                    )
                }
                result[wanted[str(post["uri"])]] = Metrics(counts)
        return result
