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

#: (minutes before now, handle, text): growing towards now, under the road-works announcement.
SPIKE = (
    (105, "kemal.oz", "İstasyon Caddesi'nde asfalt çalışması yüzünden iki saattir trafik kilit, kimse bilgi vermiyor!"),
    (80, "sevgi.k", "Çalışma hâlâ bitmedi, evimize giremiyoruz. Rezalet."),
    (62, "ahmet_tr", "Ambulans caddeye giremedi, bu ne ihmal?"),
    (48, "zeynep.ak", "Duyuruda akşam biter demiştiniz, iş makineleri hâlâ yolda!!"),
    (35, "murat1978", "Dükkanımın önü kazıldı, müşteri gelemiyor, kaç kere aradık cevap verilmedi."),
    (24, "elif.y", "Toz ve gürültüden çocuklar uyuyamıyor, bıktık artık."),
    (15, "hakan.d", "Alternatif güzergâh da kapalı, otobüs gelmedi."),
    (8, "nur.s", "Yaya geçidi de kapatılmış, yaşlılar karşıya geçemiyor! Hâlâ kimse ilgilenmedi."),
    (3, "cem.b", "İstasyon Caddesi felç, rezalet, açıklama bekliyoruz."),
)
#: The post the spike answers: the first published Mastodon post whose text has this (folded).
TOPIC = "asfalt"


def seed_sandbox_spike(sessions: sessionmaker[Session], sandbox_dir: Path, now: datetime | None = None) -> int:
    """Put the spike in the Mastodon sandbox under the road-works post (else the latest published
    Mastodon post); returns how many complaints wait there (0 without a published Mastodon post)."""
    from kurum_masaustu.platforms.sandbox.core import Faults, SandboxState
    from kurum_masaustu.platforms.sandbox.mastodon import MastodonSandbox
    from kurum_masaustu.publishing.adapters import sandbox_state_path

    moment = now or datetime.now(UTC)
    from kurum_masaustu.rules.turkish import search_key

    with sessions.begin() as session:
        candidates = session.execute(
            select(Delivery, Channel.id)
            .join(Channel, Delivery.channel_id == Channel.id)
            .where(
                Channel.platform == Platform.MASTODON,
                Channel.sandbox.is_(True),
                Delivery.state == DeliveryState.PUBLISHED,
            )
            .order_by(Delivery.published_at.desc())
        ).all()
        if not candidates:
            return 0
        delivery, channel_id = next((row for row in candidates if TOPIC in search_key(row[0].text)), candidates[0])
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
