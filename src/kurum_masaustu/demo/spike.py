"""The demo's negative spike: complaints that arrive through the Mastodon sandbox on the first
inbox sync after start, under the water-cut announcement, so the crisis check has something to
find (the demo database itself stays the same for the same day).
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kurum_masaustu.domain import DeliveryState, Platform
from kurum_masaustu.store.models import Channel, Delivery

log = logging.getLogger(__name__)

#: (minutes before now, handle, text): growing towards now.
SPIKE = (
    (105, "kemal.oz", "Sabahtan beri su yok, hâlâ gelmedi! Ne zaman gelecek?"),
    (80, "sevgi.k", "Gülbahçe'de su kesintisi uzadı, kimse bilgi vermiyor. Rezalet."),
    (62, "ahmet_tr", "Üç saattir su yok, çocuklar okula hazırlanamadı. Cevap verilmedi."),
    (48, "zeynep.ak", "Duyuruda 13.00 demiştiniz, su hâlâ gelmedi!!"),
    (35, "murat1978", "Yaşlı annem tek başına, su yok, kaç kere aradık kimse ilgilenmedi."),
    (24, "elif.y", "Papatya Sokak'ta da su yok. Bu ne ihmal?"),
    (15, "hakan.d", "Su gelmedi, ALO 185 meşgul, bıktık artık."),
    (8, "nur.s", "Hâlâ su yok! Tankerle su dağıtımı yapılmayacak mı?"),
    (3, "cem.b", "Mahallede kimse su alamıyor, rezalet, açıklama bekliyoruz."),
)


def seed_sandbox_spike(sessions: sessionmaker[Session], sandbox_dir: Path, now: datetime | None = None) -> int:
    """Put the spike in the Mastodon sandbox under the latest published Mastodon post; returns how
    many complaints wait there (0 when the demo has no published Mastodon post)."""
    from kurum_masaustu.platforms.sandbox.core import Faults, SandboxState
    from kurum_masaustu.platforms.sandbox.mastodon import MastodonSandbox
    from kurum_masaustu.publishing.adapters import sandbox_state_path

    moment = now or datetime.now(UTC)
    with sessions.begin() as session:
        found = session.execute(
            select(Delivery, Channel.id)
            .join(Channel, Delivery.channel_id == Channel.id)
            .where(
                Channel.platform == Platform.MASTODON,
                Channel.sandbox.is_(True),
                Delivery.state == DeliveryState.PUBLISHED,
            )
            .order_by(Delivery.published_at.desc())
            .limit(1)
        ).first()
        if found is None:
            return 0
        delivery, channel_id = found
        sandbox = MastodonSandbox(state=SandboxState(sandbox_state_path(sandbox_dir, channel_id), {}), faults=Faults())
        published = delivery.published_at or moment - timedelta(hours=3)
        status_id = sandbox.add_own_status(delivery.text, at=published, save=False)
        for minutes, handle, text in SPIKE:
            sandbox.add_citizen_status(
                f"{handle}@mastodon.social",
                text,
                in_reply_to=status_id,
                at=moment - timedelta(minutes=minutes),
                save=False,
            )
        sandbox.save()
        delivery.remote_id = status_id  # the sandbox's post is the demo's post
    log.info("demo: %d complaints wait in the Mastodon sandbox", len(SPIKE))
    return len(SPIKE)
