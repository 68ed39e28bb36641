"""Cold start benchmark: the main window painted with its data, against two bare-window baselines.

Run from the repository root (the source checkout is found without ``PYTHONPATH``)::

    python benchmarks/startup.py [--runs 7] [--strict] [--profile-imports]

Three variants run as fresh subprocesses of the same interpreter and environment
(``QT_QPA_PLATFORM=offscreen`` unless it is already set), timed wall-clock from spawn until
the variant prints the path of its saved PNG (the window painted with its data) — the figure the
target is about — and, for reference, until the process has exited:

(a) a bare PySide6 window: ``QApplication``, a ``QMainWindow`` with a label, shown, grabbed to a PNG;
(b) the same window after importing the app's third-party libraries (the floor of this stack);
(c) the app: ``python -m kurum_masaustu --profile P --screenshot F``, which exits once the main
    window is painted with its data.

Every variant gets one discarded warm-up run (disk cache), then ``--runs`` timed runs; each
round runs the variants in a rotated order to spread machine noise. The target is
app ≤ 1.3 × baseline (b); ``--strict`` makes a miss exit 1.

The profile (8 channels, 10,000 posts with 1–3 deliveries each over ±18 months around today,
about 550 a month; 100,000 inbox items over the past year; 12 shared photos, ``--no-photos``
for none) is generated in a few seconds and cached under the system temp folder by content
(see :func:`profile_key`: sizes, generator version, schema revision and today's date), or kept
in ``--profile-dir``; ``--regenerate`` rebuilds it. Each invocation works on a fresh copy, so
the cached profile stays as generated.

After the timed runs, one extra instrumented run (not timed with the others) wraps the app's
service calls to show how long the data part took; ``--no-breakdown`` skips it.
``--profile-imports`` adds one run under ``-X importtime`` and prints the slowest imports.
A run that does not exit within ``--timeout`` seconds is killed and reported with its stderr.
See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import io
import json
import os
import platform
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

REPO_ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIR = REPO_ROOT / "src"

#: Bump whenever the generated content changes, so cached profiles are rebuilt.
GENERATOR_VERSION = 2
POSTS = 10_000
INBOX_ITEMS = 100_000
SEED = 1532026
TARGET_RATIO = 1.3
STAMP_FILE = "benchmark-profile.json"
CACHE_PREFIX = "kurum-masaustu-bench-"
SPAN_DAYS = 548  # ±18 months around today
INBOX_DAYS = 365
PHOTOS = 12
MEDIA_SIZE = (1920, 1440)
ISTANBUL = ZoneInfo("Europe/Istanbul")

#: The app's third-party runtime libraries, as baseline (b) imports them: every runtime
#: dependency in pyproject.toml but PySide6 (the window itself) and tzdata (data files);
#: tests/test_benchmark_profile.py keeps the two lists the same.
THIRD_PARTY_MODULES = (
    "sqlalchemy",
    "sqlalchemy.orm",
    "alembic",
    "httpx",
    "keyring",
    "qasync",
    "PIL.Image",
    "pillow_heif",
    "platformdirs",
    "truststore",
    "filelock",
    "holidays",
    "hijridate",
    "regex",
    "fpdf",
    "icalendar",
    "av",
    "hunspell",
)


# ---------------------------------------------------------------------------------------------
# Profile generator


@dataclass(frozen=True)
class ChannelSpec:
    platform: str
    display_name: str
    handle: str
    color: str
    weight: float  # how often posts and citizens' messages use it
    domain: str


CHANNELS: tuple[ChannelSpec, ...] = (
    ChannelSpec("facebook", "Yeşilvadi Belediyesi", "yesilvadibelediyesi", "#1877f2", 3.0, "facebook.com"),
    ChannelSpec("instagram", "Yeşilvadi Belediyesi", "yesilvadibld", "#c13584", 2.5, "instagram.com"),
    ChannelSpec("x", "Yeşilvadi Bld.", "yesilvadibld", "#0f1419", 2.5, "x.com"),
    ChannelSpec("linkedin", "Yeşilvadi Belediyesi", "yesilvadi-belediyesi", "#0a66c2", 0.6, "linkedin.com"),
    ChannelSpec("mastodon", "Yeşilvadi Belediyesi", "yesilvadi@kent.example", "#6364ff", 0.5, "kent.example"),
    ChannelSpec("bluesky", "Yeşilvadi Belediyesi", "yesilvadi.bsky.social", "#0085ff", 0.5, "bsky.app"),
    ChannelSpec("telegram", "Yeşilvadi Duyuru", "yesilvadiduyuru", "#229ed9", 0.8, "t.me"),
    ChannelSpec("manual", "Bülten ve ilan panosu", "", "#6e7781", 0.4, "yesilvadi.bel.example"),
)

NEIGHBOURHOODS = (
    "Cumhuriyet", "Atatürk", "Yıldıztepe", "Çamlık", "Gazi", "Fatih", "Bahçelievler",
    "Yenimahalle", "Esentepe", "Karşıyaka", "İnönü", "Kocatepe",
)  # fmt: skip
WEEKDAYS = ("Pazartesi", "Salı", "Çarşamba", "Perşembe", "Cuma", "Cumartesi", "Pazar")
HEADLINES = (
    "{n} Mahallesi'nde sokak sağlıklaştırma çalışmaları başlıyor",
    "{n} Mahallesi'nde planlı su kesintisi",
    "Kent konseyi toplantısı {d} saat 14.00'te",
    "Semt pazarı bu hafta {d} günü kurulacak",
    "Ücretsiz sağlık taraması {n} Aile Sağlığı Merkezi'nde",
    "Kütüphanemizde çocuklar için masal saati",
    "Bayram boyunca çöp toplama saatleri",
    "Cumhuriyet Bayramı kutlama programı",
    "Asfalt yenileme nedeniyle {n} Caddesi'nde trafik düzenlemesi",
    "Gençlik merkezi kurs kayıtları başladı",
    "{n} Engelsiz Parkı açılışına davetlisiniz",
    "Deprem tatbikatı {d} saat 10.00'da",
    "Sokak hayvanları için kış beslenme noktaları",
    "{n} Mahallesi muhtarlarıyla istişare toplantısı",
    "Yaz spor okulu kayıtları başladı",
    "Hafta sonu kültür sanat etkinlikleri",
    "Toplu taşıma saatlerinde değişiklik",
    "Geri dönüşüm kampanyasına siz de katılın",
    "{n} çocuk oyun alanı yenilendi",
    "Kadınlar Günü'ne özel konser {d} akşamı",
)
DETAILS = (
    "Ayrıntılı bilgi için 153 Çözüm Merkezi'ni arayabilirsiniz.",
    "Vatandaşlarımızın anlayışı için teşekkür ederiz.",
    "Etkinlik ücretsizdir, tüm hemşehrilerimiz davetlidir.",
    "Çalışmaların iki hafta sürmesi planlanmaktadır.",
    "Başvurular hizmet binamızda ve e-Belediye üzerinden alınmaktadır.",
    "Lütfen uyarı levhalarına ve görevlilerin yönlendirmelerine uyunuz.",
    "Program yağışlı havada kapalı spor salonunda yapılacaktır.",
    "Engelli vatandaşlarımız için ücretsiz servis aracı kaldırılacaktır.",
)
HASHTAGS = ("#Yeşilvadi", "#YeşilvadiBelediyesi", "#Duyuru", "#KentHaberleri", "#BirlikteGüzel")
INBOX_TEXTS = (
    "Mahallemizde iki gündür çöpler toplanmadı.",
    "Su kesintisi ne zaman bitecek?",
    "Emeği geçen herkese teşekkürler 👏",
    "Parktaki sokak lambası yanmıyor, ilgilenir misiniz?",
    "Kayıtlar ne zamana kadar sürüyor?",
    "Otobüs saatleri neden değişti?",
    "Çok güzel bir etkinlikti, devamını bekliyoruz.",
    "Yol çalışması yüzünden sokağımıza girilemiyor.",
    "Başvuru formunu nereden bulabilirim?",
    "Kaldırımdaki çukur tehlike yaratıyor, lütfen bakın.",
    "Harika bir hizmet, teşekkürler belediyemiz.",
    "Pazar yeri bu hafta nerede kurulacak?",
    "Gece yarısına kadar inşaat gürültüsü var, uyuyamıyoruz.",
    "Engelli rampası çok dik, tekerlekli sandalyeyle çıkılamıyor.",
    "Çocuk parkındaki salıncak kırık.",
    "Sokağımıza ne zaman asfalt dökülecek?",
    "Tebrikler, çok yerinde bir karar.",
    "Otopark ücretleri çok yüksek.",
    "Kütüphane hafta sonu açık mı?",
    "Muhtarlığın telefon numarasını paylaşır mısınız?",
    "Bu kampanyaya nasıl katılabiliriz?",
    "Sokağımızdaki ağaç devrilmek üzere, acil!",
    "Yağmurdan sonra alt geçidi su bastı.",
    "Ücretsiz tarama için randevu gerekiyor mu?",
    "Bayramınız kutlu olsun 🇹🇷",
    "Toplu taşıma kartı başvurusu nasıl yapılıyor?",
    "Çok teşekkürler, sorunumuz çözüldü.",
    "Kazanmak için hemen tıklayın!!! bit.ly/kazan-simdi",
)
FIRST_NAMES = (
    "Ayşe", "Mehmet", "Fatma", "Mustafa", "Emine", "Ahmet", "Hatice", "Ali", "Zeynep", "Hüseyin",
    "Elif", "Hasan", "Merve", "İbrahim", "Özge", "Can", "Şule", "Burak", "Gül", "Oğuz",
)  # fmt: skip
LAST_NAMES = (
    "Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Yıldırım", "Öztürk", "Aydın", "Özdemir",
    "Arslan", "Doğan", "Kılıç", "Aslan", "Çetin", "Kara", "Koç", "Kurt", "Özkan", "Şimşek",
)  # fmt: skip
_ASCII = str.maketrans("çğıöşüÇĞİÖŞÜ", "cgiosuCGIOSU")

POST_KINDS = (("text", 55), ("image", 25), ("carousel", 8), ("video", 6), ("poll", 2), ("thread", 4))
CATEGORIES = (
    ("announcement", 35), ("service", 25), ("event", 15), ("celebration", 6),
    ("commemoration", 4), ("awareness", 8), ("crisis", 2), ("engagement", 5),
)  # fmt: skip
PAST_STATES = (("published", 90), ("failed", 4), ("cancelled", 3), ("draft", 3))
FUTURE_STATES = (("scheduled", 78), ("draft", 22))
INBOX_KINDS = (("comment", 60), ("reply", 15), ("mention", 15), ("direct_message", 10))
RECENT_STATUSES = (("new", 55), ("read", 25), ("answered", 15), ("resolved", 5))
OLD_STATUSES = (("resolved", 40), ("answered", 30), ("read", 25), ("hidden", 5))
INBOX_CATEGORIES = (
    (None, 30), ("question", 25), ("complaint", 18), ("request", 12),
    ("praise", 8), ("spam", 3), ("abuse", 1), ("other", 3),
)  # fmt: skip
POSTING_HOURS = tuple(range(8, 22))


@dataclass(frozen=True)
class GeneratedProfile:
    """What :func:`generate_profile` wrote."""

    root: str
    key: str
    generated_on: str
    channels: int
    posts: int
    deliveries: int
    inbox_items: int
    photos: int
    current_month: str
    current_month_deliveries: int
    seconds: float


def sql_datetime(moment: datetime) -> str:
    """An aware datetime as the naive-UTC text SQLAlchemy's ``DateTime`` writes into SQLite."""
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


def profile_key(
    posts: int = POSTS,
    inbox_items: int = INBOX_ITEMS,
    photos: int = PHOTOS,
    seed: int = SEED,
    today: date | None = None,
) -> str:
    """Content key of a generated profile: its sizes, the generator, the schema and the day."""
    from kurum_masaustu.store.database import HEAD_REVISION

    day = today or datetime.now(UTC).astimezone(ISTANBUL).date()
    parts = {
        "generator": GENERATOR_VERSION,
        "posts": posts,
        "inbox_items": inbox_items,
        "photos": photos,
        "seed": seed,
        "schema": HEAD_REVISION,
        "day": day.isoformat(),
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()[:12]


def _weighted(rng: random.Random, table: Sequence[tuple[Any, int]], k: int) -> list[Any]:
    values = [value for value, _ in table]
    return rng.choices(values, weights=[weight for _, weight in table], k=k)


def month_bounds(day: date) -> tuple[datetime, datetime]:
    """UTC instants of the start of ``day``'s month and of the next month, in Istanbul time."""
    first = day.replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return (
        datetime(first.year, first.month, 1, tzinfo=ISTANBUL).astimezone(UTC),
        datetime(following.year, following.month, 1, tzinfo=ISTANBUL).astimezone(UTC),
    )


def _create_channels(database: Path, backup_dir: Path, now: datetime) -> list[int]:
    """Create the schema with the app's own code and the channels through the ORM.

    Also checks that :func:`sql_datetime` writes exactly what SQLAlchemy writes, since the
    bulk rows bypass the ORM and the app compares timestamps as text.
    """
    from sqlalchemy.orm import Session

    from kurum_masaustu.domain import Platform
    from kurum_masaustu.store.database import open_database
    from kurum_masaustu.store.models import Channel

    engine = open_database(database, backup_dir)
    try:
        with Session(engine) as session, session.begin():
            channels = [
                Channel(
                    platform=Platform(spec.platform),
                    display_name=spec.display_name,
                    handle=spec.handle,
                    color=spec.color,
                    settings={},
                    sandbox=False,
                    enabled=True,
                    # with and without microseconds: both must match sql_datetime()
                    created_at=(now - timedelta(days=700 + i)).replace(microsecond=i % 2 * 123_456),
                )
                for i, spec in enumerate(CHANNELS)
            ]
            session.add_all(channels)
            session.flush()
            ids = [channel.id for channel in channels]
            expected = {channel.id: sql_datetime(channel.created_at) for channel in channels}
        with engine.connect() as connection:
            rows = connection.exec_driver_sql("SELECT id, created_at FROM channels").all()
            raw: dict[int, str] = {row[0]: row[1] for row in rows}
    finally:
        engine.dispose()
    if raw != expected:
        raise RuntimeError(f"SQLAlchemy stores datetimes differently: {raw!r} != {expected!r}")
    return ids


def _write_photos(rng: random.Random, media_dir: Path, count: int, now: datetime) -> list[tuple[Any, ...]]:
    """Photo-like JPEGs in the content-addressed media folder; returns their media_assets rows."""
    if count == 0:
        return []
    from PIL import Image, ImageDraw

    rows: list[tuple[Any, ...]] = []
    noise = Image.effect_noise(MEDIA_SIZE, 40).convert("RGB")  # film grain, so JPEGs weigh like photos
    for number in range(1, count + 1):
        image = Image.new("RGB", MEDIA_SIZE, tuple(rng.randrange(60, 200) for _ in range(3)))
        draw = ImageDraw.Draw(image)
        width, height = MEDIA_SIZE
        for _ in range(30):
            x, y = rng.randrange(width), rng.randrange(height)
            box = (x, y, x + rng.randrange(80, 700), y + rng.randrange(80, 500))
            draw.ellipse(box, fill=tuple(rng.randrange(256) for _ in range(3)))
        image = Image.blend(image, noise, 0.12)
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=85)
        data = buffer.getvalue()
        sha = hashlib.sha256(data).hexdigest()
        target = media_dir / sha[:2] / f"{sha}.jpg"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        rows.append(
            (
                number, sha, f"IMG_{20260000 + number}.jpg", "image", "image/jpeg", len(data),
                width, height, None, f"Yeşilvadi'den bir kare ({number})",
                sql_datetime(now - timedelta(days=400 - number)),
            )
        )  # fmt: skip
    return rows


def _pick_channels(rng: random.Random, ids: Sequence[int], count: int) -> list[int]:
    weights = [spec.weight for spec in CHANNELS]
    chosen: list[int] = []
    while len(chosen) < count:
        candidate = rng.choices(ids, weights=weights)[0]
        if candidate not in chosen:
            chosen.append(candidate)
    return chosen


def _post_rows(
    rng: random.Random, channel_ids: Sequence[int], media_ids: Sequence[int], posts: int, now: datetime
) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]], list[tuple[Any, ...]], dict[int, list[int]]]:
    """Posts, deliveries and post_media rows; also the published delivery ids per channel."""
    today = now.astimezone(ISTANBUL).date()
    days = [today + timedelta(days=offset) for offset in range(-SPAN_DAYS, SPAN_DAYS)]
    day_weights = [0.6 if day.weekday() >= 5 else 1.0 for day in days]
    post_days = rng.choices(days, weights=day_weights, k=posts)
    kinds = _weighted(rng, POST_KINDS, posts)
    categories = _weighted(rng, CATEGORIES, posts)
    fan_out = rng.choices((1, 2, 3), weights=(30, 40, 30), k=posts)
    past_states = _weighted(rng, PAST_STATES, 3 * posts)
    future_states = _weighted(rng, FUTURE_STATES, 3 * posts)
    platform_of = {channel_id: spec for channel_id, spec in zip(channel_ids, CHANNELS, strict=True)}

    post_rows: list[tuple[Any, ...]] = []
    delivery_rows: list[tuple[Any, ...]] = []
    media_rows: list[tuple[Any, ...]] = []
    published: dict[int, list[int]] = {channel_id: [] for channel_id in channel_ids}
    delivery_id = 0
    for post_id, day in enumerate(post_days, start=1):
        slot = datetime(
            day.year, day.month, day.day, rng.choice(POSTING_HOURS), rng.choice((0, 15, 30, 45)),
            tzinfo=ISTANBUL,
        ).astimezone(UTC)  # fmt: skip
        headline = rng.choice(HEADLINES).format(n=rng.choice(NEIGHBOURHOODS), d=rng.choice(WEEKDAYS))
        tags = " ".join(rng.sample(HASHTAGS, 2))
        body = f"{headline}\n\n{rng.choice(DETAILS)} {rng.choice(DETAILS)}\n\n{tags}"
        created = min(slot, now) - timedelta(days=rng.randint(1, 10), minutes=rng.randint(0, 600))
        kind = kinds[post_id - 1]
        if kind in ("image", "carousel") and not media_ids:
            kind = "text"
        elif kind in ("image", "carousel"):
            count = 1 if kind == "image" else min(rng.randint(2, 4), len(media_ids))
            for position, media_id in enumerate(rng.sample(media_ids, count)):
                media_rows.append((post_id, media_id, position))
        post_rows.append(
            (post_id, headline, body, kind, categories[post_id - 1], "", None,
             sql_datetime(created), sql_datetime(created + timedelta(hours=rng.randint(0, 48))))
        )  # fmt: skip

        past = slot <= now
        for channel_id in _pick_channels(rng, channel_ids, fan_out[post_id - 1]):
            delivery_id += 1
            spec = platform_of[channel_id]
            state = (past_states if past else future_states)[delivery_id - 1]
            scheduled_at: str | None = sql_datetime(slot)
            if state == "draft" and rng.random() < 0.1:
                scheduled_at = None  # an undated draft: not on the calendar
            if state == "scheduled" and spec.platform == "mastodon" and rng.random() < 0.3:
                state = "handed_off"
            override = f"{headline} {tags}" if spec.platform == "x" and rng.random() < 0.4 else None
            remote_id = permalink = last_error = published_at = None
            attempts = 0
            if state == "published":
                remote_id = f"{spec.platform}-{delivery_id:07d}"
                permalink = f"https://{spec.domain}/{spec.handle or 'ilan'}/{remote_id}"
                published_at = sql_datetime(slot + timedelta(seconds=rng.randint(1, 90)))
                attempts = 1
                published[channel_id].append(delivery_id)
            elif state == "failed":
                last_error = "HTTP 503: hizmet geçici olarak kullanılamıyor"
                attempts = 3
            updated = sql_datetime(min(slot, now))
            delivery_rows.append(
                (delivery_id, post_id, channel_id, override, scheduled_at, state, remote_id, permalink,
                 last_error, attempts, published_at, updated)
            )  # fmt: skip
    return post_rows, delivery_rows, media_rows, published


def _inbox_rows(
    rng: random.Random,
    channel_ids: Sequence[int],
    published: dict[int, list[int]],
    items: int,
    now: datetime,
) -> list[tuple[Any, ...]]:
    """Citizens' messages over the past year, oldest first (ids grow with time, as received)."""
    ages = sorted((rng.random() * INBOX_DAYS * 86_400 for _ in range(items)), reverse=True)
    channels = rng.choices(channel_ids, weights=[spec.weight for spec in CHANNELS], k=items)
    kinds = _weighted(rng, INBOX_KINDS, items)
    categories = _weighted(rng, INBOX_CATEGORIES, items)
    recent_statuses = _weighted(rng, RECENT_STATUSES, items)
    old_statuses = _weighted(rng, OLD_STATUSES, items)
    texts = rng.choices(INBOX_TEXTS, k=items)
    people = [(rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES), rng.randint(1, 99)) for _ in range(5_000)]
    authors = [
        (f"{first} {last}", f"{first}{last}{number}".translate(_ASCII).lower())
        for first, last, number in rng.choices(people, k=items)
    ]
    platform_of = {channel_id: spec.platform for channel_id, spec in zip(channel_ids, CHANNELS, strict=True)}
    recent = 7 * 86_400
    rows: list[tuple[Any, ...]] = []
    for index, age in enumerate(ages):
        item_id = index + 1
        channel_id = channels[index]
        author_name, handle = authors[index]
        kind = kinds[index]
        category = categories[index]
        status = (recent_statuses if age < recent else old_statuses)[index]
        negative = (category in ("complaint", "abuse") and rng.random() < 0.8) or rng.random() < 0.03
        candidates = published[channel_id]
        delivery_id = rng.choice(candidates) if kind != "direct_message" and candidates else None
        rows.append(
            (item_id, channel_id, platform_of[channel_id], f"{platform_of[channel_id]}:{item_id:08d}",
             author_name, handle, texts[index], kind, None, delivery_id,
             sql_datetime(now - timedelta(seconds=age)), status, category, int(negative), None)
        )  # fmt: skip
    return rows


def generate_profile(
    root: Path,
    *,
    posts: int = POSTS,
    inbox_items: int = INBOX_ITEMS,
    photos: int = PHOTOS,
    now: datetime | None = None,
    seed: int = SEED,
) -> GeneratedProfile:
    """Write a profile with a realistic schedule and inbox into the empty (or missing) ``root``.

    The schema comes from the app's own ``open_database``; the rows are bulk-inserted with
    sqlite3 for speed. Posts are spread over ±18 months around ``now`` with 1–3 deliveries each
    (about 550 deliveries a month with the default 10,000 posts), inbox items over the past year.
    About a third of the posts are image or carousel posts using ``photos`` shared JPEGs
    (none if ``photos`` is 0), so the media preview has a picture to decode at start.
    """
    from kurum_masaustu.paths import Profile

    started = time.perf_counter()
    now = (now or datetime.now(UTC)).astimezone(UTC)
    today = now.astimezone(ISTANBUL).date()
    profile = Profile(root)
    if profile.root.exists() and any(profile.root.iterdir()):
        raise FileExistsError(f"{root} is not empty")
    profile.ensure()
    rng = random.Random(f"{seed}-{today.isoformat()}")

    channel_ids = _create_channels(profile.database, profile.backup_dir, now)
    media = _write_photos(rng, profile.media_dir, photos, now)
    post_rows, delivery_rows, post_media_rows, published = _post_rows(
        rng, channel_ids, [row[0] for row in media], posts, now
    )
    inbox_rows = _inbox_rows(rng, channel_ids, published, inbox_items, now)

    connection = sqlite3.connect(profile.database)
    try:
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("PRAGMA synchronous = OFF")
        with connection:
            connection.executemany(
                "INSERT INTO media_assets (id, sha256, original_name, media_type, mime_type, size_bytes,"
                " width, height, duration_ms, alt_text, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                media,
            )
            connection.executemany(
                "INSERT INTO posts (id, title, body, kind, category, source_reference, campaign_id,"
                " created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?)",
                post_rows,
            )
            connection.executemany(
                "INSERT INTO deliveries (id, post_id, channel_id, text_override, scheduled_at, state,"
                " remote_id, permalink, last_error, attempts, published_at, updated_at, idempotency_key)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?, printf('bench-%d', ?))",
                [(*row, row[0]) for row in delivery_rows],
            )
            connection.executemany(
                "INSERT INTO post_media (post_id, media_id, position) VALUES (?,?,?)", post_media_rows
            )
            connection.executemany(
                "INSERT INTO inbox_items (id, channel_id, platform, remote_id, author_name, author_handle,"
                " text, kind, parent_id, delivery_id, received_at, status, category, negative, unit_id)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                inbox_rows,
            )
        start, end = month_bounds(today)
        (in_month,) = connection.execute(
            "SELECT count(*) FROM deliveries WHERE scheduled_at >= ? AND scheduled_at < ?",
            (sql_datetime(start), sql_datetime(end)),
        ).fetchone()
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()

    return GeneratedProfile(
        root=str(profile.root),
        key=profile_key(posts, inbox_items, photos, seed, today),
        generated_on=now.isoformat(timespec="seconds"),
        channels=len(channel_ids),
        posts=len(post_rows),
        deliveries=len(delivery_rows),
        inbox_items=len(inbox_rows),
        photos=len(media),
        current_month=today.strftime("%Y-%m"),
        current_month_deliveries=in_month,
        seconds=time.perf_counter() - started,
    )


def _read_stamp(root: Path) -> GeneratedProfile | None:
    try:
        return GeneratedProfile(**json.loads((root / STAMP_FILE).read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return None


def ensure_profile(root: Path | None, regenerate: bool, photos: int) -> tuple[GeneratedProfile, bool]:
    """The benchmark profile at ``root`` (default: cached in the temp folder); True if reused.

    A folder is only ever replaced when it is empty or holds a profile this script generated.
    """
    key = profile_key(photos=photos)
    cache_dir = Path(tempfile.gettempdir())
    target = root.expanduser().resolve() if root is not None else cache_dir / f"{CACHE_PREFIX}{key}"
    stamp = _read_stamp(target)
    if stamp is not None and stamp.key == key and not regenerate:
        return stamp, True
    if target.exists() and any(target.iterdir()) and stamp is None:
        raise SystemExit(f"{target} is not empty and was not made by this script; choose another folder")

    building = target.with_name(f"{target.name}.building-{os.getpid()}")
    shutil.rmtree(building, ignore_errors=True)
    try:
        generated = generate_profile(building, photos=photos)
        generated = GeneratedProfile(**{**asdict(generated), "root": str(target)})
        (building / STAMP_FILE).write_text(json.dumps(asdict(generated), indent=2), encoding="utf-8")
        shutil.rmtree(target, ignore_errors=True)
        building.rename(target)
    finally:
        shutil.rmtree(building, ignore_errors=True)
    if root is None:  # drop the default profiles of other days or generator versions
        for old in cache_dir.glob(CACHE_PREFIX + "?" * len(key)):
            is_key = all(c in "0123456789abcdef" for c in old.name.removeprefix(CACHE_PREFIX))
            if is_key and old != target and old.is_dir() and (old / STAMP_FILE).is_file():
                shutil.rmtree(old, ignore_errors=True)
    return generated, False


# ---------------------------------------------------------------------------------------------
# The variants


_BARE_WINDOW = """\
import sys
{imports}
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QLabel("Kurum Masaüstü"))
window.resize(1440, 900)
window.show()


def finish() -> None:
    saved = window.grab().save(sys.argv[1], "PNG")
    if saved:
        print(sys.argv[1], flush=True)  # as the app does: "painted and saved"
    app.exit(0 if saved else 4)


QTimer.singleShot(0, finish)
sys.exit(app.exec())
"""

#: The app, run as ``-m kurum_masaustu`` would run it, with timers around its service calls.
_INSTRUMENTED_APP = """\
import json
import os
import sys
import time

marks = {"interpreter": time.time()}
spans = {}
missing = []  # hooks the app no longer has: the breakdown says so instead of failing


def note(label, start, result=None):
    span = spans.setdefault(label, {"seconds": 0.0, "calls": 0, "rows": 0, "first": start, "last": 0.0})
    end = time.time()
    span["seconds"] += end - start
    span["calls"] += 1
    span["last"] = end
    if isinstance(result, list):
        span["rows"] += len(result)


def wrap(owner, name, label):
    original = getattr(owner, name, None)
    if original is None:
        missing.append(label)
        return

    def wrapper(*args, **kwargs):
        start, result = time.time(), None
        try:
            result = original(*args, **kwargs)
            return result
        finally:
            note(label, start, result)

    setattr(owner, name, wrapper)


def wrap_async(owner, name, label):
    original = getattr(owner, name, None)
    if original is None:
        missing.append(label)
        return

    async def wrapper(*args, **kwargs):
        start = time.time()
        try:
            return await original(*args, **kwargs)
        finally:
            note(label, start)

    setattr(owner, name, wrapper)


from kurum_masaustu import app, cli
from kurum_masaustu.services.inbox import InboxService
from kurum_masaustu.services.posts import PostService
from kurum_masaustu.ui import calendar_pane, main_window, media_pane

marks["imported"] = time.time()
wrap(app, "build_services", "open database")
wrap(main_window.MainWindow, "__init__", "build main window")
wrap_async(main_window.MainWindow, "ready", "wait for data (ready)")
wrap(main_window.MainWindow, "grab", "grab window")
wrap(calendar_pane.DayDelegate, "paint", "paint calendar cells")
wrap(media_pane, "load_scaled", "decode media (worker thread)")
for name in ("calendar_entries", "outbox_counts", "latest_post_with_media", "media_for_post", "channels"):
    wrap(PostService, name, "query: " + name)
for name in ("page", "unanswered_count", "count"):
    wrap(InboxService, name, "query: inbox " + name)
code = cli.main(sys.argv[1:])
marks["main returned"] = time.time()
with open(os.environ["KM_BENCH_REPORT"], "w", encoding="utf-8") as report:
    json.dump({"marks": marks, "spans": spans, "missing": missing}, report)
sys.exit(code)
"""


@dataclass(frozen=True)
class Variant:
    key: str
    label: str
    command: Callable[[Path], list[str]]  # png path → argv


def _bare_window(imports: Sequence[str]) -> str:
    return _BARE_WINDOW.format(imports="\n".join(f"import {name}" for name in imports))


def app_command(profile_dir: Path, png: Path, *before: str) -> list[str]:
    """``python [before…] -m kurum_masaustu --profile DIR --screenshot PNG``; ``-c CODE`` replaces ``-m``."""
    program = list(before) if "-c" in before else [*before, "-m", "kurum_masaustu"]
    return [sys.executable, *program, "--profile", str(profile_dir), "--screenshot", str(png)]


def variants(profile_dir: Path) -> list[Variant]:
    python = sys.executable
    return [
        Variant("a", "(a) bare PySide6 window", lambda png: [python, "-c", _bare_window(()), str(png)]),
        Variant(
            "b",
            "(b) bare window + app's libraries",
            lambda png: [python, "-c", _bare_window(THIRD_PARTY_MODULES), str(png)],
        ),
        Variant("c", "(c) app: main window with data", lambda png: app_command(profile_dir, png)),
    ]


class RunFailedError(RuntimeError):
    """A variant exited with an error, without its PNG, or not at all."""


def child_environment(workdir: Path) -> tuple[dict[str, str], list[str]]:
    """The parent's environment for the runs, and notes on what had to differ from it.

    Qt is offscreen unless ``QT_QPA_PLATFORM`` is set. The app measured is this checkout's
    ``src`` (put first on ``PYTHONPATH`` for this process and the children), not a copy that may
    be installed in the environment; outside a checkout, the importable one. With
    ``PYTHONDONTWRITEBYTECODE`` set, every run would compile the app's sources (an installed app
    has its ``.pyc`` files), so the runs keep bytecode in a private ``PYTHONPYCACHEPREFIX``
    instead, filled by the warm-up runs; the source tree stays untouched.
    """
    env = dict(os.environ)
    notes: list[str] = []
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.pop("PYTHONPROFILEIMPORTTIME", None)  # never in the timed runs
    if (SOURCE_DIR / "kurum_masaustu" / "__init__.py").is_file():
        sys.path.insert(0, str(SOURCE_DIR))
        paths = [str(SOURCE_DIR), *filter(None, env.get("PYTHONPATH", "").split(os.pathsep))]
        python_path = os.pathsep.join(dict.fromkeys(paths))
        if python_path != env.get("PYTHONPATH"):
            env["PYTHONPATH"] = python_path
            notes.append(f"PYTHONPATH={python_path}")
    if env.pop("PYTHONDONTWRITEBYTECODE", None):
        env["PYTHONPYCACHEPREFIX"] = str(workdir / "pycache")
        notes.append("PYTHONDONTWRITEBYTECODE dropped; bytecode cached in a private PYTHONPYCACHEPREFIX")
    return env, notes


def app_location() -> str:
    """Where the measured ``kurum_masaustu`` comes from, with its version."""
    spec = importlib.util.find_spec("kurum_masaustu")
    if spec is None or spec.origin is None:
        raise SystemExit("kurum_masaustu is not importable: run from the checkout or install it")
    from kurum_masaustu import __version__

    return f"kurum_masaustu {__version__} from {Path(spec.origin).parent}"


@dataclass(frozen=True)
class Timing:
    painted: float  # spawn → the PNG path printed (window painted with its data and saved)
    exited: float  # spawn → process exit
    stderr: str


@dataclass(frozen=True)
class Runner:
    """Spawns one variant at a time and times it from spawn to first paint, and to exit."""

    env: dict[str, str]
    workdir: Path
    timeout: float

    def run(self, command: Callable[[Path], list[str]], name: str, **env: str) -> Timing:
        """Run one variant; it must print its PNG's path, write the PNG and exit 0."""
        png = self.workdir / f"{name}.png"
        png.unlink(missing_ok=True)
        argv = command(png)
        start = time.perf_counter()
        process = subprocess.Popen(
            argv, env={**self.env, **env}, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        watchdog = threading.Timer(self.timeout, process.kill)
        watchdog.start()
        try:
            assert process.stdout is not None
            marker = process.stdout.readline()
            painted = time.perf_counter() - start
            _, stderr = process.communicate()
            exited = time.perf_counter() - start
        finally:
            watchdog.cancel()
        if exited >= self.timeout:
            raise RunFailedError(f"{name} did not exit within {self.timeout:.0f} s{_tail(stderr)}")
        if process.returncode != 0 or not marker.strip() or not png.is_file() or png.stat().st_size == 0:
            raise RunFailedError(f"{name} exited {process.returncode} without a PNG{_tail(stderr)}")
        png.unlink()
        return Timing(painted, exited, stderr)


def _tail(stderr: str | bytes | None, lines: int = 15) -> str:
    text = stderr.decode(errors="replace") if isinstance(stderr, bytes) else stderr or ""
    last = [line for line in text.strip().splitlines() if not line.startswith("import time:")][-lines:]
    return ":\n    " + "\n    ".join(last) if last else ""


def benchmark(chosen: Sequence[Variant], runs: int, runner: Runner) -> dict[str, list[Timing]]:
    """One warm-up per variant, then ``runs`` rounds; the order rotates every round."""
    times: dict[str, list[Timing]] = {variant.key: [] for variant in chosen}
    for round_number in range(runs + 1):
        shift = round_number % len(chosen)
        for variant in [*chosen[shift:], *chosen[:shift]]:
            timing = runner.run(variant.command, variant.label)
            if round_number > 0:
                times[variant.key].append(timing)
        if sys.stderr.isatty():
            done = f"round {round_number}/{runs}" if round_number else "warm-up"
            print(f"\r{done} done ", end="", file=sys.stderr, flush=True)
    if sys.stderr.isatty():
        print("\r", end="", file=sys.stderr, flush=True)
    return times


# ---------------------------------------------------------------------------------------------
# Extra runs: the data part and the import profile


def breakdown(profile_dir: Path, runner: Runner) -> None:
    """One instrumented app run: where its time went, and how much of it was data."""
    report_file = runner.workdir / "breakdown.json"
    spawned = time.time()
    elapsed = runner.run(
        lambda png: app_command(profile_dir, png, "-c", _INSTRUMENTED_APP),
        "instrumented app",
        KM_BENCH_REPORT=str(report_file),
    ).exited
    data = json.loads(report_file.read_text(encoding="utf-8"))
    marks: dict[str, float] = data["marks"]
    spans: dict[str, dict[str, float]] = data["spans"]

    def at(moment: float) -> str:
        return f"{(moment - spawned) * 1000:6.0f}"

    def line(start: str, end: str, took: str, what: str) -> None:
        print(f"  {start:>6} → {end:>6}  {took:>8}  {what}")

    print(f"\nBreakdown of one instrumented app run ({elapsed * 1000:.0f} ms; not one of the timed runs)")
    line("ms", "ms", "took", "step (ms from spawn; spans nest)")
    line("", at(marks["interpreter"]), "", "interpreter up, instrumentation loaded")
    imports = (marks["imported"] - marks["interpreter"]) * 1000
    line(
        at(marks["interpreter"]),
        at(marks["imported"]),
        f"{imports:.0f} ms",
        "imports (app, Qt, SQLAlchemy, UI)",
    )
    for label, span in sorted(spans.items(), key=lambda item: item[1]["first"]):
        calls = f" ×{span['calls']:.0f}" if span["calls"] > 1 else ""
        rows = f", {span['rows']:.0f} rows" if span["rows"] else ""
        line(at(span["first"]), at(span["last"]), f"{span['seconds'] * 1000:.1f} ms", f"{label}{calls}{rows}")
    line("", at(marks["main returned"]), "", "app returned")
    line("", at(spawned + elapsed), "", "process exited")
    queries = sum(span["seconds"] for label, span in spans.items() if label.startswith("query: "))
    decode = spans.get("decode media (worker thread)", {}).get("seconds", 0.0)
    total = queries + decode
    print(
        f"  Data part: queries {queries * 1000:.0f} ms + media decode {decode * 1000:.0f} ms "
        f"= {total * 1000:.0f} ms ({total / elapsed:.0%} of this run)"
    )
    if data["missing"]:
        print(f"  Not measured (the app has no such hook any more): {', '.join(data['missing'])}")


def import_profile(profile_dir: Path, runner: Runner, top: int = 15) -> None:
    """Run the app once under ``-X importtime``; print its slowest imports (cumulative)."""
    stderr = runner.run(lambda png: app_command(profile_dir, png, "-X", "importtime"), "app -X importtime").stderr
    imports: list[tuple[int, int, str]] = []
    for line in stderr.splitlines():
        if line.startswith("import time:") and "imported package" not in line:
            own_us, cumulative_us, module = line.removeprefix("import time:").split("|", 2)
            imports.append((int(cumulative_us), int(own_us), module.rstrip()[1:]))
    total = sum(own for _, own, _ in imports)
    print(f"\nSlowest imports of the app under -X importtime ({len(imports)} modules, {total / 1000:.0f} ms)")
    print(f"  {'cumulative':>10}  {'self':>7}  module (indent = nesting)")
    for cumulative, own, name in sorted(imports, reverse=True)[:top]:
        print(f"  {cumulative / 1000:7.1f} ms  {own / 1000:4.1f} ms  {name}")
    by_package: dict[str, int] = {}
    for _, own, name in imports:
        package = name.strip().split(".")[0]
        by_package[package] = by_package.get(package, 0) + own
    heaviest = sorted(by_package.items(), key=lambda item: item[1], reverse=True)[:8]
    print("  Self time by top-level package: " + ", ".join(f"{name} {us / 1000:.0f} ms" for name, us in heaviest))
    names = {name.strip() for _, _, name in imports}
    used = [name for name in THIRD_PARTY_MODULES if name in names]
    unused = [name for name in THIRD_PARTY_MODULES if name not in names]
    print(f"  Baseline (b)'s libraries the app imported: {', '.join(used) or '-'}")
    print(f"                            and did not: {', '.join(unused) or '-'}")


# ---------------------------------------------------------------------------------------------
# Report


def environment_line(env: dict[str, str]) -> str:
    import PySide6
    from PySide6.QtCore import qVersion

    return (
        f"Python {platform.python_version()} ({platform.python_implementation()}) · "
        f"PySide6 {PySide6.__version__} (Qt {qVersion()}) · "
        f"{os.cpu_count()} CPUs · {platform.platform(terse=True)} · QT_QPA_PLATFORM={env['QT_QPA_PLATFORM']}"
    )


def _table(chosen: Sequence[Variant], times: dict[str, list[float]], title: str) -> dict[str, float]:
    medians = {key: statistics.median(values) for key, values in times.items()}
    width = max(len(variant.label) for variant in chosen)
    print(f"\n{title:<{width}}  {'median':>9}  {'min':>9}  {'max':>9}")
    for variant in chosen:
        values = times[variant.key]
        cells = (medians[variant.key], min(values), max(values))
        print(f"{variant.label:<{width}}  " + "  ".join(f"{value * 1000:6.0f} ms" for value in cells))
    return medians


def report(chosen: Sequence[Variant], times: dict[str, list[Timing]]) -> bool:
    """Print both tables, the ratios and the verdict (on the first paint); True if the target is met."""
    painted = {key: [t.painted for t in values] for key, values in times.items()}
    exited = {key: [t.exited for t in values] for key, values in times.items()}
    medians = _table(chosen, painted, "spawn → painted with data")
    app, bare, floor = medians["c"], medians["a"], medians["b"]
    passed = app <= TARGET_RATIO * floor
    print(
        f"\napp / (a) = {app / bare:.2f}×   app / (b) = {app / floor:.2f}×   app − (b) = {(app - floor) * 1000:+.0f} ms"
    )
    print(
        f"Target: app ≤ {TARGET_RATIO}× baseline (b) = {TARGET_RATIO * floor * 1000:.0f} ms; "
        f"app median {app * 1000:.0f} ms → {'PASS' if passed else 'FAIL'}"
    )
    exit_medians = _table(chosen, exited, "spawn → process exit (for reference)")
    print(f"\napp / (b) to exit = {exit_medians['c'] / exit_medians['b']:.2f}×")
    return passed


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs per variant (default 7)")
    parser.add_argument("--profile-dir", type=Path, help="folder of the generated profile (default: temp)")
    parser.add_argument("--regenerate", action="store_true", help="rebuild the profile even if cached")
    parser.add_argument("--no-photos", action="store_true", help="generate the profile without photos")
    parser.add_argument("--strict", action="store_true", help="exit 1 if the target is missed")
    parser.add_argument("--profile-imports", action="store_true", help="also run once under -X importtime")
    parser.add_argument("--no-breakdown", action="store_true", help="skip the instrumented data-part run")
    parser.add_argument("--timeout", type=float, default=60, help="seconds before a run counts as hung")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")

    workdir = Path(tempfile.mkdtemp(prefix="kurum-masaustu-benchrun-"))
    try:
        env, notes = child_environment(workdir)
        print("Kurum Masaüstü cold start: main window painted with its data")
        print(f"Environment: {environment_line(env)}")
        print(f"App: {app_location()}")
        for note in notes:
            print(f"  Runs differ from this shell: {note}")
        photos = 0 if args.no_photos else PHOTOS
        generated, reused = ensure_profile(args.profile_dir, args.regenerate, photos)
        how = "cached" if reused else f"generated in {generated.seconds:.1f} s"
        print(
            f"Profile: {generated.root} ({how}): {generated.channels} channels, {generated.posts:,} posts, "
            f"{generated.deliveries:,} deliveries ({generated.current_month_deliveries:,} in "
            f"{generated.current_month}), {generated.inbox_items:,} inbox items, {generated.photos} photos"
        )
        print(f"Runs: 1 warm-up + {args.runs} timed per variant, rotating order, wall-clock from spawn")
        profile_dir = workdir / "profile"
        shutil.copytree(generated.root, profile_dir)  # the runs write logs and the window layout
        runner = Runner(env, workdir, args.timeout)
        chosen = variants(profile_dir)
        passed = report(chosen, benchmark(chosen, args.runs, runner))
        if not args.no_breakdown:
            breakdown(profile_dir, runner)
        if args.profile_imports:
            import_profile(profile_dir, runner)
    except RunFailedError as exc:
        print(f"\nerror: {exc}", file=sys.stderr)
        return 2
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return 1 if args.strict and not passed else 0


if __name__ == "__main__":
    sys.exit(main())
