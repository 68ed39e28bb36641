"""What the person says about a media file: its focal point, alt text and consent (KVKK).

Each change is saved at once and written to the audit log (consent is a legal record: who said
what, when). The publishing pipeline reads the focal point when it prepares the variants.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy.orm import Session, sessionmaker

from kurum_masaustu.rules.checklist import MediaFacts
from kurum_masaustu.services.posts import MediaInfo, media_info
from kurum_masaustu.store.models import AuditEntry, MediaAsset

MAX_ALT_TEXT = 5000  # longer than any platform takes (LinkedIn 4,086): a paste gone wrong


@dataclass(frozen=True)
class Consent:
    shows_people: bool | None = None
    people_consent: bool = False
    shows_children: bool = False
    children_consent: bool = False
    children_blurred: bool = False
    note: str = ""


def consent_of(info: MediaInfo) -> Consent:
    return Consent(
        info.shows_people,
        info.people_consent,
        info.shows_children,
        info.children_consent,
        info.children_blurred,
        info.consent_note,
    )


def facts(info: MediaInfo) -> MediaFacts:
    """The checklist's view of a media file."""
    return MediaFacts(
        name=info.original_name,
        is_image=info.is_image,
        alt_text=info.alt_text,
        shows_people=info.shows_people,
        people_consent=info.people_consent,
        shows_children=info.shows_children,
        children_consent=info.children_consent,
        children_blurred=info.children_blurred,
    )


def clamp_focal(x: float, y: float) -> tuple[float, float]:
    """A focal point inside the picture (fractions 0…1); anything not finite is the centre."""
    if not (math.isfinite(x) and math.isfinite(y)):
        return 0.5, 0.5
    return min(max(x, 0.0), 1.0), min(max(y, 0.0), 1.0)


class MediaFactsService:
    def __init__(self, sessions: sessionmaker[Session], actor: str = "kullanıcı") -> None:
        self._sessions = sessions
        self._actor = actor

    def _change(
        self, media_id: int, action: str, apply: Callable[[MediaAsset], None], detail: dict[str, object]
    ) -> MediaInfo | None:
        with self._sessions.begin() as session:
            asset = session.get(MediaAsset, media_id)
            if asset is None:
                return None
            apply(asset)
            session.add(AuditEntry(actor=self._actor, action=action, entity="media", entity_id=media_id, detail=detail))
            session.flush()
            return media_info(asset)

    def set_focal(self, media_id: int, x: float, y: float) -> MediaInfo | None:
        fx, fy = clamp_focal(x, y)

        def apply(asset: MediaAsset) -> None:
            asset.focal_x, asset.focal_y = fx, fy

        return self._change(media_id, "media.focal_point", apply, {"x": round(fx, 3), "y": round(fy, 3)})

    def set_alt_text(self, media_id: int, text: str) -> MediaInfo | None:
        """Store the alt text (plain text; NUL and other control characters but new lines
        removed, cut at :data:`MAX_ALT_TEXT`)."""
        cleaned = "".join(ch for ch in text if ch in "\n\t" or ch >= " ").strip()[:MAX_ALT_TEXT]

        def apply(asset: MediaAsset) -> None:
            asset.alt_text = cleaned

        return self._change(media_id, "media.alt_text", apply, {"length": len(cleaned)})

    def set_consent(self, media_id: int, consent: Consent) -> MediaInfo | None:
        def apply(asset: MediaAsset) -> None:
            asset.shows_people = consent.shows_people
            asset.people_consent = consent.people_consent
            asset.shows_children = consent.shows_children
            asset.children_consent = consent.children_consent
            asset.children_blurred = consent.children_blurred
            asset.consent_note = consent.note.strip()

        detail: dict[str, object] = {
            "shows_people": consent.shows_people,
            "people_consent": consent.people_consent,
            "shows_children": consent.shows_children,
            "children_consent": consent.children_consent,
            "children_blurred": consent.children_blurred,
            "note": consent.note.strip(),
        }
        return self._change(media_id, "media.consent", apply, detail)
