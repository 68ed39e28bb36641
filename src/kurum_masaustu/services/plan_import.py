"""Importing a content plan from CSV into the profile: check every row, then import the chosen
rows in one transaction (never half a row, never half a file)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kurum_masaustu.domain import DeliveryState
from kurum_masaustu.rules.plan_import import PlanFile, PlanRow, Problem, parse_plan
from kurum_masaustu.rules.timeutil import local_to_utc
from kurum_masaustu.store.models import AuditEntry, Campaign, Channel, Delivery, Post, PostMedia

if TYPE_CHECKING:
    from kurum_masaustu.media.library import MediaLibrary

#: A plan file larger than this is refused before reading (a CSV of 5,000 posts is ~2 MB).
MAX_BYTES = 20 * 1024 * 1024


class PlanImportService:
    def __init__(self, sessions: sessionmaker[Session], media: MediaLibrary | None, actor: str = "kullanıcı") -> None:
        self._sessions = sessions
        self._media = media
        self._actor = actor

    def read(self, path: Path, now: datetime | None = None) -> PlanFile:
        """Check the file: every row's problems by line; image paths relative to the file's folder."""
        try:
            if path.stat().st_size > MAX_BYTES:
                return PlanFile(problems=[Problem(1, "too_big", str(MAX_BYTES // (1024 * 1024)))])
            raw = path.read_bytes()
        except OSError as exc:
            return PlanFile(problems=[Problem(1, "unreadable", exc.strerror or str(exc))])
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            return PlanFile(problems=[Problem(1, "not_utf8")])
        with self._sessions() as session:
            channels: dict[str, int] = {}
            for channel_id, name, platform in session.execute(
                select(Channel.id, Channel.display_name, Channel.platform).where(Channel.enabled)
            ):
                channels[name] = channel_id
                channels.setdefault(platform.value, channel_id)  # "facebook" when there is one such
            campaigns = {name: cid for cid, name in session.execute(select(Campaign.id, Campaign.name))}
        plan = parse_plan(text, channels=channels, campaigns=campaigns, now=now or datetime.now(UTC))
        kept: list[PlanRow] = []
        for row in plan.rows:
            images = tuple(str(_resolve(path.parent, image)) for image in row.images)
            missing = [image for image, full in zip(row.images, images, strict=True) if not Path(full).is_file()]
            if missing:
                plan.problems.extend(Problem(row.line, "missing_image", image) for image in missing)
            else:
                kept.append(replace(row, images=images))
        plan.rows = kept
        plan.problems.sort(key=lambda p: p.line)
        return plan

    def import_rows(self, rows: Sequence[PlanRow]) -> list[int]:
        """One post per row, scheduled, in one transaction: all of them or (on an error) none."""
        from kurum_masaustu.services.posts import derive_title

        post_ids: list[int] = []
        with self._sessions.begin() as session:
            for row in rows:
                post = Post(
                    title=row.title or derive_title(row.text),
                    body=row.text,
                    category=row.category,
                    campaign_id=row.campaign_id,
                )
                at = local_to_utc(row.day, row.at)
                for channel_id in row.channel_ids:
                    post.deliveries.append(
                        Delivery(channel_id=channel_id, scheduled_at=at, state=DeliveryState.SCHEDULED)
                    )
                if row.images and self._media is not None:
                    for position, image in enumerate(row.images):
                        asset = self._media.import_file(session, Path(image))
                        post.media_links.append(PostMedia(media_id=asset.id, position=position))
                session.add(post)
                session.flush()
                post_ids.append(post.id)
            session.add(
                AuditEntry(
                    actor=self._actor,
                    action="plan.import",
                    entity="post",
                    detail={"posts": len(post_ids), "lines": [row.line for row in rows]},
                )
            )
        return post_ids


def _resolve(folder: Path, image: str) -> Path:
    candidate = Path(image).expanduser()
    return candidate if candidate.is_absolute() else folder / candidate
