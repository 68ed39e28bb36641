"""Alt text (image descriptions) per platform: what each platform accepts and how it counts.

From ``reference/platform_apis.md`` and the platform specs: X ``POST /2/media/metadata``
alt_text ≤ 1,000 characters; Mastodon ``description`` ≤ 1,500 (the instance default,
``media_attachments.description_limit``); LinkedIn ``altText`` ≤ 4,086; Bluesky ``alt`` has no
limit in the lexicon, its app stops at 2,000 graphemes (used here); Instagram ``alt_text`` (image
containers) and Facebook ``alt_text_custom`` (``POST /{page-id}/photos``, the Photo reference's
"Accessible alternative description for an image") have no documented limit: no counter limit is
invented for them, and what any platform gets is held to the app's own cap
(``services.media_facts.MAX_ALT_TEXT``, 5,000, above LinkedIn's 4,086). Telegram has no alt text
field at all: the picture goes without, so the text must carry the facts. Pure.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from kurum_masaustu.domain import Platform

#: Longest alt text per platform; None: accepted, no known limit.
ALT_TEXT_LIMITS: dict[Platform, int | None] = {
    Platform.X: 1000,
    Platform.MASTODON: 1500,
    Platform.BLUESKY: 2000,
    Platform.LINKEDIN: 4086,
    Platform.INSTAGRAM: None,
    Platform.FACEBOOK: None,
    Platform.MANUAL: None,
}
#: Platforms with no field for alt text.
NO_ALT_TEXT = frozenset({Platform.TELEGRAM})


@dataclass(frozen=True)
class AltCount:
    platform: Platform
    used: int
    limit: int | None
    supported: bool

    @property
    def over(self) -> bool:
        return self.limit is not None and self.used > self.limit


def measure(platform: Platform, alt: str) -> int:
    """Length as the platform counts it (Bluesky graphemes, the others code points)."""
    if platform is not Platform.BLUESKY or (alt.isascii() and "\r\n" not in alt):
        return len(alt)
    from kurum_masaustu.rules.text import grapheme_count  # its patterns compile on first use

    return grapheme_count(alt)


def counts(alt: str, platforms: Iterable[Platform]) -> list[AltCount]:
    """One counter per platform (each platform once, in the order given)."""
    result = []
    for platform in dict.fromkeys(platforms):
        supported = platform not in NO_ALT_TEXT
        result.append(AltCount(platform, measure(platform, alt), ALT_TEXT_LIMITS.get(platform), supported))
    return result
