"""What a pasted post link says: the platform's id of the post, so that a delivery the person
confirmed by hand ("it was published: paste link", a manual channel's "mark as posted") can be
deleted, measured and reconciled like one the app sent.

Each platform's link forms, and what their id is in the API the adapters use:

* Mastodon ``https://host/@user/123`` (the status ``url``) and ``https://host/users/user/statuses/123``
  (its ``uri``): the status id, valid only on that host (a remote status seen through another
  server has that server's id), so the host must be the channel's instance.
* X ``https://x.com/user/status/123`` (twitter.com, mobile., ``/i/web/status/123``): the post id.
* Bluesky ``https://bsky.app/profile/{handle|did}/post/{rkey}``: the AT-URI
  ``at://{did}/app.bsky.feed.post/{rkey}``. With a handle in the link and no DID known, the URI
  keeps the handle (a valid AT-URI authority, but it breaks if the handle changes): note
  ``handle``; the outbox then asks the adapter for the DID (``Adapter.stable_id``).
* Facebook ``/{page}/posts/{id}``, ``permalink.php?story_fbid={id}&id={page}``: the Graph id
  ``{page-id}_{post-id}`` (needs the Page id). ``pfbid…`` links are obfuscated: no Graph id can
  be made from them (note ``pfbid``). ``/{page}/videos/{id}`` and ``watch/?v={id}``: the video id.
* Instagram ``/p/{shortcode}/``, ``/reel/…``, ``/tv/…``: the shortcode is not the Graph API's
  media id and the API has no look-up by shortcode, so no id (note ``shortcode``).
* LinkedIn ``/feed/update/urn:li:share:…`` or ``urn:li:ugcPost:…`` (and ``/posts/…-share-…`` /
  ``-ugcPost-…``): the post URN the Posts API uses. ``urn:li:activity:…`` (``-activity-…``) is a
  different id that only LinkedIn's restricted Activities API resolves: no id (note ``activity``).
* Telegram ``https://t.me/{channel}/{message_id}`` (``/s/…``, telegram.me) and
  ``https://t.me/c/{internal}/{message_id}`` (chat ``-100{internal}``): the message id.

A link of another platform, or of another account or host than the channel's, is refused
(:class:`PermalinkError`); the caller keeps what the person typed. Pure: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final
from urllib.parse import parse_qs, unquote, urlsplit

from kurum_masaustu.domain import Platform
from kurum_masaustu.errors import CodedError

BLUESKY_POST: Final = "app.bsky.feed.post"

#: The public web hosts of each platform (a channel may add its own instance or app URL).
HOSTS: Final[dict[Platform, frozenset[str]]] = {
    Platform.X: frozenset({"x.com", "twitter.com", "mobile.twitter.com", "mobile.x.com"}),
    Platform.BLUESKY: frozenset({"bsky.app", "staging.bsky.app"}),
    Platform.FACEBOOK: frozenset({"facebook.com", "m.facebook.com", "web.facebook.com", "mbasic.facebook.com"}),
    Platform.INSTAGRAM: frozenset({"instagram.com"}),
    Platform.LINKEDIN: frozenset({"linkedin.com"}),
    Platform.TELEGRAM: frozenset({"t.me", "telegram.me", "telegram.dog"}),
}

_DIGITS = re.compile(r"^\d{1,25}$")
_RKEY = re.compile(r"^[A-Za-z0-9._:~-]{1,512}$")
_DID = re.compile(r"^did:[a-z]+:[A-Za-z0-9._:%-]+$")
_SHORTCODE = re.compile(r"^[A-Za-z0-9_-]{5,64}$")
_LINKEDIN_URN = re.compile(r"urn:li:(share|ugcPost|activity):(\d+)")
_LINKEDIN_SLUG = re.compile(r"-(share|ugcPost|activity)-(\d+)(?:-|$)")
_FB_COMPOSITE = re.compile(r"^(\d+)_(\d+)$")


class PermalinkError(CodedError, ValueError):
    """The link cannot be this channel's post. ``code``: ``not_a_link``, ``other_platform``
    (``detail``: the link's host), ``other_host`` (another Mastodon server), ``other_account``
    (``detail``: the account the link names), ``not_a_post`` (the platform's, but no post)."""


@dataclass(frozen=True)
class ChannelIdentity:
    """What the app knows of the channel the post is on (nothing secret)."""

    platform: Platform
    handle: str = ""
    settings: Mapping[str, Any] = field(default_factory=dict)
    #: Hosts besides the platform's own (a Mastodon instance, a sandbox, a configured app URL).
    hosts: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Understood:
    """A link as understood: the post's platform, its id (None when the link cannot give one)
    and a note for the person (``""``, ``pfbid``, ``shortcode``, ``activity``, ``handle``,
    ``unchecked``: the link does not name the account, ``unknown``: a link this app cannot read
    kept as it is)."""

    link: str
    platform: Platform | None
    remote_id: str | None
    note: str = ""


def understand(link: str, channel: ChannelIdentity) -> Understood:
    """The post id in ``link`` for ``channel``; raises :class:`PermalinkError`."""
    link = link.strip()
    parts = urlsplit(link)
    if parts.scheme not in ("http", "https") or not parts.hostname or any(c.isspace() for c in link):
        raise PermalinkError("not_a_link")
    host = _host(parts.hostname)
    if channel.platform is Platform.MANUAL:
        return _manual(link, host)
    if not _on(channel.platform, host, channel.hosts):
        # Another instance of the channel's own platform is another account's server.
        same_kind = channel.platform is Platform.MASTODON and _platform_of(host) is None
        raise PermalinkError("other_host" if same_kind else "other_platform", host)
    segments = [unquote(s) for s in parts.path.split("/") if s]
    query = parse_qs(parts.query)
    reader = _READERS[channel.platform]
    return reader(link, host, segments, query, channel)


# -- hosts --------------------------------------------------------------------------------------
def _host(hostname: str) -> str:
    host = hostname.lower().rstrip(".")
    return host[4:] if host.startswith("www.") else host


def host_of(url: object) -> str | None:
    """The host of a configured base or app URL, as :func:`understand` compares hosts."""
    if not isinstance(url, str) or not url.strip():
        return None
    hostname = urlsplit(url.strip()).hostname
    return _host(hostname) if hostname else None


def _on(platform: Platform, host: str, extra: frozenset[str]) -> bool:
    return host in HOSTS.get(platform, frozenset()) or host in extra


def _platform_of(host: str) -> Platform | None:
    for platform, hosts in HOSTS.items():
        if host in hosts:
            return platform
    return None


def _same(a: str, b: str) -> bool:
    """Account names compare without "@" and case (handles and usernames are ASCII)."""
    return a.strip().lstrip("@").lower() == b.strip().lstrip("@").lower()


def _check_account(named: str, known: str) -> None:
    if known.strip() and not _same(named, known):
        raise PermalinkError("other_account", named)


# -- per platform -------------------------------------------------------------------------------
def _mastodon(link: str, host: str, seg: list[str], query: dict[str, list[str]], ch: ChannelIdentity) -> Understood:
    if len(seg) >= 2 and seg[0].startswith("@") and _DIGITS.match(seg[1]):
        user, status = seg[0][1:], seg[1]
    elif len(seg) >= 4 and seg[0] == "users" and seg[2] == "statuses" and _DIGITS.match(seg[3]):
        user, status = seg[1], seg[3]
    else:
        raise PermalinkError("not_a_post")
    local, _, domain = user.partition("@")
    if domain and _host(domain) != host:  # a remote account's post seen through this server
        raise PermalinkError("other_account", f"@{user}")
    known_local, _, known_domain = ch.handle.lstrip("@").partition("@")
    if known_domain and _host(known_domain) != host:
        raise PermalinkError("other_account", host)
    _check_account(local, known_local)
    return Understood(link, Platform.MASTODON, status)


def _x(link: str, host: str, seg: list[str], query: dict[str, list[str]], ch: ChannelIdentity) -> Understood:
    if len(seg) >= 4 and seg[0] == "i" and seg[1] == "web" and seg[2] == "status" and _DIGITS.match(seg[3]):
        return Understood(link, Platform.X, seg[3], "unchecked")
    if len(seg) >= 3 and seg[0] == "i" and seg[1] == "status" and _DIGITS.match(seg[2]):
        return Understood(link, Platform.X, seg[2], "unchecked")
    if len(seg) >= 3 and seg[1] == "status" and _DIGITS.match(seg[2]):
        _check_account(seg[0], ch.handle)
        return Understood(link, Platform.X, seg[2])
    raise PermalinkError("not_a_post")


def _bluesky(link: str, host: str, seg: list[str], query: dict[str, list[str]], ch: ChannelIdentity) -> Understood:
    if not (len(seg) >= 4 and seg[0] == "profile" and seg[2] == "post" and _RKEY.match(seg[3])):
        raise PermalinkError("not_a_post")
    actor, rkey = seg[1], seg[3]
    known_did = str(ch.settings.get("did") or "")
    if _DID.match(actor):
        if known_did and actor != known_did:
            raise PermalinkError("other_account", actor)
        return Understood(
            link, Platform.BLUESKY, f"at://{actor}/{BLUESKY_POST}/{rkey}", "" if known_did else "unchecked"
        )
    _check_account(actor, ch.handle)
    if known_did:
        return Understood(link, Platform.BLUESKY, f"at://{known_did}/{BLUESKY_POST}/{rkey}")
    return Understood(link, Platform.BLUESKY, f"at://{actor.lower()}/{BLUESKY_POST}/{rkey}", "handle")


def _facebook(link: str, host: str, seg: list[str], query: dict[str, list[str]], ch: ChannelIdentity) -> Understood:
    page_id = str(ch.settings.get("page_id") or "").strip()

    def page_post(post: str) -> Understood:
        if post.startswith("pfbid"):
            return Understood(link, Platform.FACEBOOK, None, "pfbid")
        if not _DIGITS.match(post):
            raise PermalinkError("not_a_post")
        if not page_id:
            return Understood(link, Platform.FACEBOOK, None, "unchecked")
        return Understood(link, Platform.FACEBOOK, f"{page_id}_{post}")

    def check_page(page: str) -> None:
        if _DIGITS.match(page):
            if page_id and page != page_id:
                raise PermalinkError("other_account", page)
        else:
            _check_account(page, ch.handle)

    first = query.get("story_fbid") or query.get("fbid")
    if seg and seg[0] in ("permalink.php", "story.php") and first:
        owner = (query.get("id") or [""])[0]
        if not owner:
            raise PermalinkError("not_a_post")
        check_page(owner)
        return page_post(first[0])
    if seg and seg[0] == "watch" and query.get("v") and _DIGITS.match(query["v"][0]):
        return Understood(link, Platform.FACEBOOK, query["v"][0], "unchecked")
    if len(seg) == 1 and (composite := _FB_COMPOSITE.match(seg[0])):
        check_page(composite.group(1))
        return Understood(link, Platform.FACEBOOK, seg[0])
    if len(seg) >= 3 and seg[1] in ("posts", "videos"):
        check_page(seg[0])
        if seg[1] == "videos":
            if not _DIGITS.match(seg[2]):
                raise PermalinkError("not_a_post")
            return Understood(link, Platform.FACEBOOK, seg[2])
        return page_post(seg[2])
    raise PermalinkError("not_a_post")


def _instagram(link: str, host: str, seg: list[str], query: dict[str, list[str]], ch: ChannelIdentity) -> Understood:
    kinds = ("p", "reel", "reels", "tv")
    if len(seg) >= 2 and seg[0] in kinds and _SHORTCODE.match(seg[1]):
        return Understood(link, Platform.INSTAGRAM, None, "shortcode")
    if len(seg) >= 3 and seg[1] in kinds and _SHORTCODE.match(seg[2]):  # /{username}/p/{shortcode}/
        _check_account(seg[0], ch.handle)
        return Understood(link, Platform.INSTAGRAM, None, "shortcode")
    raise PermalinkError("not_a_post")


def _linkedin(link: str, host: str, seg: list[str], query: dict[str, list[str]], ch: ChannelIdentity) -> Understood:
    found = None
    if len(seg) >= 3 and seg[0] == "feed" and seg[1] == "update":
        found = _LINKEDIN_URN.fullmatch(seg[2])
    elif len(seg) >= 2 and seg[0] == "posts":
        found = _LINKEDIN_SLUG.search(seg[1])
    elif len(seg) >= 2 and seg[0] == "embed" and seg[1] == "feed" and len(seg) >= 4:
        found = _LINKEDIN_URN.fullmatch(seg[3])
    if found is None:
        raise PermalinkError("not_a_post")
    kind, number = found.group(1), found.group(2)
    if kind == "activity":
        return Understood(link, Platform.LINKEDIN, None, "activity")
    return Understood(link, Platform.LINKEDIN, f"urn:li:{kind}:{number}", "unchecked")


def _telegram(link: str, host: str, seg: list[str], query: dict[str, list[str]], ch: ChannelIdentity) -> Understood:
    if seg and seg[0] == "s":
        seg = seg[1:]
    chat = str(ch.settings.get("chat_id") or "").strip()
    if len(seg) >= 3 and seg[0] == "c" and _DIGITS.match(seg[1]) and _DIGITS.match(seg[2]):
        numeric = chat.lstrip("-").isdigit()
        if numeric and chat != f"-100{seg[1]}":
            raise PermalinkError("other_account", f"-100{seg[1]}")
        return Understood(link, Platform.TELEGRAM, seg[2], "" if numeric else "unchecked")
    if len(seg) >= 2 and _DIGITS.match(seg[1]) and seg[0] not in ("c", "joinchat", "addstickers", "share"):
        known = chat if chat and not chat.lstrip("-").isdigit() else ch.handle
        if not known.strip():
            return Understood(link, Platform.TELEGRAM, seg[1], "unchecked")
        _check_account(seg[0], known)
        return Understood(link, Platform.TELEGRAM, seg[1])
    raise PermalinkError("not_a_post")


def _manual(link: str, host: str) -> Understood:
    """A channel posted by hand has no account here: the link's platform and id, if it has them."""
    platform = _platform_of(host)
    if platform is None:
        return Understood(link, None, None, "unknown")
    try:
        found = understand(link, ChannelIdentity(platform))
    except PermalinkError:
        return Understood(link, platform, None, "unknown")
    return Understood(found.link, platform, found.remote_id, found.note or "unchecked")


_READERS = {
    Platform.MASTODON: _mastodon,
    Platform.X: _x,
    Platform.BLUESKY: _bluesky,
    Platform.FACEBOOK: _facebook,
    Platform.INSTAGRAM: _instagram,
    Platform.LINKEDIN: _linkedin,
    Platform.TELEGRAM: _telegram,
}
