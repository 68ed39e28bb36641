"""Inbox at scale: 1,000,000 items, the first page, filters, chip counts, search and paging to the end.

Run from the repository root (the source checkout is found without ``PYTHONPATH``)::

    python benchmarks/inbox_scale.py [--items 1000000] [--runs 15] [--strict]

Targets (issue 6, "Performance"), with 1,000,000 inbox items:

* the first page of the inbox ≤ 100 ms (a fresh engine and service, as when the pane opens);
* a search ≤ 50 ms, and ≤ 1.5 × the same FTS5 query run directly with ``sqlite3`` in the same
  run (the exact SQL and parameters the service runs, :meth:`InboxService.sqlite_query`, on a
  plain ``sqlite3`` connection to the same file, rows fetched; medians of ``--runs``);
* paging to the end without loading everything (keyset pages; the number of rows held at once
  is one page);
* peak memory < 250 MB (the measuring process's peak RSS, and tracemalloc's peak of Python
  allocations while paging to the end).

The database is generated once (schema by the app's own migrations, rows with
``sqlite3.executemany`` in chunks, ``search_text`` by the app's :func:`search_document`, the
FTS5 index by its triggers) and cached in the system temp folder by content (item count,
generator version, the migrations' source); ``--regenerate`` rebuilds it, ``--db PATH`` keeps it
elsewhere. The measurements run in a fresh child process so that its peak memory is the
measuring alone, not the generator's.
"""

from __future__ import annotations

import argparse
import functools
import gc
import hashlib
import json
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIR = REPO_ROOT / "src"
if str(SOURCE_DIR) not in sys.path:
    sys.path.insert(0, str(SOURCE_DIR))

GENERATOR_VERSION = 1
ITEMS = 1_000_000
SEED = 6_2026
CHUNK = 50_000
DAYS = 365
PAGE = 200
SEARCH_PAGE = 50
CACHE_PREFIX = "kurum-masaustu-inbox-scale-"
NOW = datetime(2026, 12, 4, 9, 30, tzinfo=UTC)  # fixed, so the cache stays valid

FIRST_PAGE_MS = 100.0
SEARCH_MS = 50.0
SEARCH_RATIO = 1.5
MEMORY_MB = 250.0

# ---------------------------------------------------------------------------------------------
# What citizens write (combined at random: a realistic vocabulary, not 50 repeated texts)

SUBJECTS = (
    "Çöpler",
    "Sokak lambası",
    "Sular",
    "Doğalgaz",
    "Otobüs",
    "Parktaki salıncak",
    "Kaldırım",
    "Yol",
    "Sokak köpekleri",
    "Gürültü",
    "Asfalt",
    "Çukur",
    "Kanalizasyon",
    "Ağaç dalları",
    "Pazar yeri",
    "Trafik ışığı",
    "Çöp konteyneri",
    "Yağmur suyu ızgarası",
    "Metrobüs durağı",
    "Kreş başvurusu",
    "Su faturası",
    "Aşevi",
    "İmar durumu",
    "Zabıta",
    "Otopark",
)
PROBLEMS = (
    "üç gündür toplanmadı",
    "yanmıyor",
    "yine kesik",
    "hâlâ gelmedi",
    "çok kirli",
    "kırık ve tehlikeli",
    "taşıyor",
    "ne zaman düzelecek",
    "hakkında bilgi almak istiyorum",
    "için teşekkür ederiz",
    "düzeltilmedi",
    "sabahtan beri çalışmıyor",
    "çocuklar için tehlike oluşturuyor",
    "gece yarısına kadar sürüyor",
    "tıkandı",
    "yapılmadı",
    "çok güzel olmuş",
)
PLACES = (
    "Kızılay",
    "Çankaya",
    "Şirinevler",
    "Iğdır Caddesi",
    "İnönü Mahallesi",
    "Ulus",
    "Gültepe",
    "Bahçelievler",
    "Esentepe",
    "Yıldırım Beyazıt Sokak",
    "Işıklar Caddesi",
    "Üsküdar",
    "Göztepe",
    "Çiğdem Mahallesi",
    "Öveçler",
    "İstanbul Yolu",
    "ISTANBUL CADDESİ",
    "Şükriye Sokak",
    "Ilıca",
    "Ağaçlı",
)
EXTRAS = (
    "Lütfen ilgilenin.",
    "Teşekkürler 🙏",
    "Ne zaman çözülecek?",
    "Rezalet!!",
    "😡😡",
    "Harika iş çıkardınız 👏",
    "Başvuru numaram {n}.",
    "Araç plakası 06 ABC {n}.",
    "Daha önce de yazdım, cevap yok.",
    "Belediye'nin ekipleri gelsin.",
    "Acil!!!",
    "@yesilvadibld bakar mısınız?",
    "Fotoğrafını ekledim.",
    "",
    "",
    "",
)
FIRST_NAMES = (
    "Ayşe",
    "Mehmet",
    "Fatma",
    "Mustafa",
    "Emine",
    "Ahmet",
    "Hatice",
    "Ali",
    "Zeynep",
    "Hüseyin",
    "Elif",
    "İbrahim",
    "Şule",
    "Ömer",
    "Gülşen",
    "Işıl",
    "Çağrı",
    "Ümit",
    "Özge",
    "Yiğit",
)
LAST_NAMES = (
    "Yılmaz",
    "Kaya",
    "Demir",
    "Şahin",
    "Çelik",
    "Yıldız",
    "Yıldırım",
    "Öztürk",
    "Aydın",
    "Özdemir",
    "Arslan",
    "Doğan",
    "Kılıç",
    "Aslan",
    "Çetin",
    "Kara",
    "Koç",
    "Kurt",
    "Özkan",
    "Şimşek",
)
_ASCII = str.maketrans("çğıöşüÇĞİÖŞÜ", "cgiosuCGIOSU")
PLATFORMS = ("facebook", "instagram", "x", "linkedin", "mastodon", "bluesky", "telegram", "manual")
CHANNEL_WEIGHTS = (3.0, 2.5, 2.5, 0.6, 0.5, 0.5, 0.8, 0.4)
KINDS = (("comment", 55), ("reply", 15), ("mention", 20), ("direct_message", 10))
CATEGORIES = (
    ("question", 25),
    ("complaint", 30),
    ("request", 15),
    ("praise", 10),
    ("spam", 5),
    ("abuse", 3),
    ("other", 12),
)
RECENT_STATUSES = (("new", 50), ("read", 10), ("answered", 30), ("resolved", 10))
OLD_STATUSES = (("new", 1), ("read", 1), ("answered", 48), ("resolved", 45), ("hidden", 5))
UNITS = (
    "Fen İşleri",
    "Temizlik İşleri",
    "Zabıta",
    "Park ve Bahçeler",
    "Su ve Kanalizasyon",
    "Ulaşım",
    "Sosyal Yardım",
    "İmar ve Şehircilik",
    "Veteriner İşleri",
    "Kültür ve Sosyal İşler",
    "Basın Yayın",
    "Bilgi İşlem",
)


def sql_datetime(moment: datetime) -> str:
    """As SQLAlchemy writes a UTCDateTime: naive UTC with microseconds."""
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


def _weighted(rng: random.Random, table: Sequence[tuple[str, int]], k: int) -> list[str]:
    return rng.choices([value for value, _ in table], weights=[weight for _, weight in table], k=k)


def _text(rng: random.Random, n: int) -> str:
    extra = rng.choice(EXTRAS).format(n=rng.randint(1000, 999_999))
    body = f"{rng.choice(SUBJECTS)} {rng.choice(PLACES)} {rng.choice(PROBLEMS)}. {extra}".strip()
    roll = rng.random()
    if roll < 0.02:  # a long complaint
        more = (f"{rng.choice(SUBJECTS)} {rng.choice(PROBLEMS)}." for _ in range(rng.randint(20, 120)))
        body = " ".join([body, *more])
    elif roll < 0.025:
        body = rng.choice(("😡😡😡", "👍👍", "🙏", "👏👏👏", "🤬"))
    return body


# ---------------------------------------------------------------------------------------------
# The database


def cache_key(items: int) -> str:
    """Item count, generator version, seed and the migrations' source (the schema)."""
    digest = hashlib.sha256()
    for migration in sorted((SOURCE_DIR / "kurum_masaustu" / "store" / "migrations" / "versions").glob("*.py")):
        digest.update(migration.read_bytes())
    raw = json.dumps({"items": items, "generator": GENERATOR_VERSION, "seed": SEED, "schema": digest.hexdigest()})
    return hashlib.sha256(raw.encode()).hexdigest()[:12]


def generate(path: Path, items: int) -> dict[str, Any]:
    """Schema by the app's migrations, channels and units by the ORM, items by executemany."""
    from sqlalchemy.orm import Session

    from kurum_masaustu.domain import Platform
    from kurum_masaustu.store.database import open_database
    from kurum_masaustu.store.models import Channel, Unit
    from kurum_masaustu.store.search import search_document

    started = time.perf_counter()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    engine = open_database(path, path.parent / "backups")
    with Session(engine) as session, session.begin():
        channels = [Channel(platform=Platform(p), display_name=f"Yeşilvadi {p}", handle=p) for p in PLATFORMS]
        units = [Unit(name=name) for name in UNITS]
        session.add_all([*channels, *units])
        session.flush()
        channel_ids = [c.id for c in channels]
        unit_ids = [u.id for u in units]
    engine.dispose()

    rng = random.Random(SEED)
    people = [(rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES), rng.randint(1, 99)) for _ in range(20_000)]
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = OFF")
    connection.execute("PRAGMA cache_size = -200000")
    recent = NOW - timedelta(days=7)
    start = NOW - timedelta(days=DAYS)
    step = DAYS * 86_400 / items
    insert = (
        "INSERT INTO inbox_items (id, channel_id, platform, remote_id, author_name, author_handle, text, kind,"
        " received_at, status, category, negative, unit_id, edited_at, deleted_at, search_text)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
    )
    for first in range(0, items, CHUNK):
        count = min(CHUNK, items - first)
        chosen = rng.choices(range(len(PLATFORMS)), weights=CHANNEL_WEIGHTS, k=count)
        kinds = _weighted(rng, KINDS, count)
        categories = _weighted(rng, CATEGORIES, count)
        rows = []
        for index in range(count):
            item_id = first + index + 1
            # ids grow with arrival; platforms' times jitter a little around it
            received = start + timedelta(seconds=item_id * step + rng.uniform(-600, 600))
            first_name, last_name, number = rng.choice(people)
            name = f"{first_name} {last_name}"
            handle = f"{first_name}{last_name}{number}".translate(_ASCII).lower()
            body = _text(rng, item_id)
            category = categories[index]
            statuses = RECENT_STATUSES if received >= recent else OLD_STATUSES
            status = _weighted(rng, statuses, 1)[0]
            negative = (category in ("complaint", "abuse") and rng.random() < 0.8) or rng.random() < 0.03
            roll = rng.random()
            edited = sql_datetime(received + timedelta(minutes=5)) if roll < 0.01 else None
            deleted = sql_datetime(received + timedelta(hours=1)) if 0.01 <= roll < 0.015 else None
            platform_index = chosen[index]
            rows.append(
                (
                    item_id,
                    channel_ids[platform_index],
                    PLATFORMS[platform_index],
                    f"{PLATFORMS[platform_index]}:{item_id:08d}",
                    name,
                    handle,
                    body,
                    kinds[index],
                    sql_datetime(received),
                    status,
                    category,
                    int(negative),
                    rng.choice(unit_ids) if rng.random() < 0.4 else None,
                    edited,
                    deleted,
                    search_document(name, handle, body),
                )
            )
        with connection:
            connection.executemany(insert, rows)
        print(f"  {first + count:>9,} items  {time.perf_counter() - started:6.1f} s", file=sys.stderr)
    # One message of 50,000 characters and one with every kind of hostile character.
    hostile = "Merhaba\x00 dünya \u202etxet\u202c \x07 ⁦İSTANBUL⁩ " + "çöp " * 10
    extra_rows = [
        ("Uzun Mesaj", "uzunmesaj", ("Çöpler toplanmadı ama teşekkürler. " * 1430)[:50_000]),
        ("Tuhaf Karakter", "tuhaf", hostile.replace("\x00", "\ufffd")),
    ]
    with connection:
        for offset, (name, handle, body) in enumerate(extra_rows, start=1):
            item_id = items + offset
            connection.execute(
                insert,
                (
                    item_id,
                    channel_ids[0],
                    PLATFORMS[0],
                    f"extra:{item_id}",
                    name,
                    handle,
                    body,
                    "comment",
                    sql_datetime(NOW - timedelta(minutes=offset)),
                    "new",
                    "complaint",
                    1,
                    None,
                    None,
                    None,
                    search_document(name, handle, body),
                ),
            )
    connection.execute("PRAGMA optimize")
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    seconds = time.perf_counter() - started
    size = path.stat().st_size
    return {"items": items + len(extra_rows), "seconds": round(seconds, 1), "bytes": size}


def ensure_database(db: Path | None, items: int, regenerate: bool) -> tuple[Path, dict[str, Any]]:
    folder = db.parent if db else Path(tempfile.gettempdir()) / f"{CACHE_PREFIX}{cache_key(items)}"
    path = db or folder / "inbox.sqlite3"
    stamp = folder / "inbox-scale.json"
    if not regenerate and path.exists() and stamp.exists():
        info: dict[str, Any] = json.loads(stamp.read_text())
        if info.get("key") == cache_key(items):
            return path, info
    if db is None:
        for old in Path(tempfile.gettempdir()).glob(f"{CACHE_PREFIX}*"):
            if old != folder:
                shutil.rmtree(old, ignore_errors=True)
    folder.mkdir(parents=True, exist_ok=True)
    print(f"Generating {items:,} inbox items in {path} …", file=sys.stderr)
    info = generate(path, items)
    info["key"] = cache_key(items)
    stamp.write_text(json.dumps(info))
    return path, info


# ---------------------------------------------------------------------------------------------
# Measuring (in a child process)


def _ms(seconds: float) -> float:
    return seconds * 1000.0


def _median_ms(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median and max in ms of ``runs`` calls, after one discarded warm-up call."""
    fn()
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return _ms(statistics.median(times)), _ms(max(times))


def _fetch_all(connection: sqlite3.Connection, sql: str, params: dict[str, Any]) -> list[Any]:
    return connection.execute(sql, params).fetchall()


def _paired_ms(first: Callable[[], object], second: Callable[[], object], runs: int) -> tuple[float, float]:
    """Medians in ms of two calls timed in alternation (each round swaps the order), after a
    warm-up of each: on a busy machine both see the same noise."""
    first()
    second()
    a: list[float] = []
    b: list[float] = []
    for n in range(runs):
        for fn, times in ((first, a), (second, b)) if n % 2 == 0 else ((second, b), (first, a)):
            t = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t)
    return _ms(statistics.median(a)), _ms(statistics.median(b))


def _rss_mb() -> tuple[float | None, float | None]:
    """Current and peak resident memory of this process (Linux /proc; else ru_maxrss; else None)."""
    status = Path("/proc/self/status")
    if status.exists():
        fields = dict(line.split(":", 1) for line in status.read_text().splitlines() if ":" in line)
        return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024
    try:
        import resource
    except ImportError:
        return None, None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return None, peak / (1024 * 1024 if sys.platform == "darwin" else 1024)


def measure(path: Path, runs: int) -> dict[str, Any]:
    from sqlalchemy.orm import sessionmaker

    from kurum_masaustu.domain import InboxCategory, InboxKind
    from kurum_masaustu.services.inbox import InboxFilter, InboxService, PageCursor
    from kurum_masaustu.store.database import make_engine, open_database, sqlite_url

    results: dict[str, Any] = {}

    # 1. First page, as when the pane opens: a new engine (database check included) and service.
    def first_page_cold() -> None:
        engine = open_database(path, path.parent / "backups")
        rows = InboxService(sessionmaker(engine, expire_on_commit=False)).page(None, PAGE)
        assert len(rows) == PAGE
        engine.dispose()

    results["first_page_cold_ms"] = _median_ms(first_page_cold, runs)

    engine = make_engine(sqlite_url(path))
    service = InboxService(sessionmaker(engine, expire_on_commit=False), clock=lambda: NOW)
    results["first_page_warm_ms"] = _median_ms(lambda: service.page(None, PAGE), runs)

    # 2. Filters (first page of each) and the chip counts.
    filters = {
        "unanswered": InboxFilter(unanswered=True),
        "overdue": InboxFilter(overdue=True),
        "channel": InboxFilter(channel_id=5),  # a small channel (mastodon)
        "category=abuse": InboxFilter(category=InboxCategory.ABUSE),
        "negative": InboxFilter(negative=True),
        "kind=dm": InboxFilter(kind=InboxKind.DIRECT_MESSAGE),
        "unit": InboxFilter(unit_id=3),
        "date range (a March week)": InboxFilter(
            received_from=datetime(2026, 3, 2, tzinfo=UTC), received_before=datetime(2026, 3, 9, tzinfo=UTC)
        ),
        "unanswered complaints": InboxFilter(unanswered=True, category=InboxCategory.COMPLAINT),
        "unanswered negative DMs": InboxFilter(unanswered=True, negative=True, kind=InboxKind.DIRECT_MESSAGE),
        "channel + abuse + unit": InboxFilter(channel_id=5, category=InboxCategory.ABUSE, unit_id=3),
    }
    results["filters_ms"] = {
        name: _median_ms(functools.partial(service.find, f, None, PAGE), runs) for name, f in filters.items()
    }
    results["counts_ms"] = _median_ms(service.counts, runs)
    results["unanswered_count_ms"] = _median_ms(service.unanswered_count, runs)
    counts = service.counts()
    results["unanswered"] = counts.unanswered
    results["overdue"] = counts.overdue

    # 3. Search: the service against the same SQL and parameters run with plain sqlite3.
    direct = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    searches = {
        "rare word (a reference number)": "394817",
        "a place, Turkish case (IĞDIR)": "IĞDIR",
        "a place, ascii (istanbul)": "istanbul",
        "common word (cop)": "cop",
        "two words (cop toplan)": "çöp toplan",
        "author name (şule şimşek)": "şule şimşek",
        "while typing (kız)": "kız",
        "emoji (😡)": "😡",
        "hostile syntax": '"AND" * - NEAR( OR ) col:x',
        "search + unanswered": "lamba",
    }
    search_results: dict[str, Any] = {}
    for name, typed in searches.items():
        where = InboxFilter(text=typed, unanswered=name.endswith("unanswered"))
        got = service.find(where, None, SEARCH_PAGE)
        sql, params = service.sqlite_query(where, None, SEARCH_PAGE)
        replay = direct.execute(sql, params).fetchall()
        assert [row[0] for row in replay] == [row.id for row in got], name
        ours, bare = _paired_ms(
            functools.partial(service.find, where, None, SEARCH_PAGE),
            functools.partial(_fetch_all, direct, sql, params),
            max(runs, 21),
        )
        search_results[name] = {"typed": typed, "rows": len(got), "service_ms": ours, "direct_ms": bare}
    results["search"] = search_results
    direct.close()

    # 4. Paging to the end: the whole list, and the search with the most matches.
    def page_to_end(where: InboxFilter, size: int) -> tuple[int, int, float]:
        seen = pages = 0
        after: PageCursor | None = None
        t = time.perf_counter()
        while True:
            rows = service.find(where, after, size)
            if not rows:
                break
            seen += len(rows)
            pages += 1
            after = PageCursor(rows[-1].received_at, rows[-1].id)
        return seen, pages, time.perf_counter() - t

    gc.collect()
    seen, pages, seconds = page_to_end(InboxFilter(), PAGE)
    results["page_to_end"] = {"rows": seen, "pages": pages, "seconds": round(seconds, 2)}
    seen, pages, seconds = page_to_end(InboxFilter(text="cop"), PAGE)
    results["search_page_to_end"] = {"rows": seen, "pages": pages, "seconds": round(seconds, 2)}
    tracemalloc.start()
    page_to_end(InboxFilter(), PAGE)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    results["tracemalloc_peak_mb"] = peak / (1024 * 1024)
    results["rss_now_mb"], results["rss_peak_mb"] = _rss_mb()
    engine.dispose()
    return results


# ---------------------------------------------------------------------------------------------
# Report


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def report(info: dict[str, Any], results: dict[str, Any]) -> bool:
    ok: bool = True
    print(
        f"Database: {info['items']:,} inbox items, {info['bytes'] / 1e6:,.0f} MB"
        f" (generated in {info['seconds']} s; cached)"
    )
    print(
        f"Unanswered {results['unanswered']:,}, overdue {results['overdue']:,}"
        f" (4 business hours, at {NOW:%Y-%m-%d %H:%M} UTC)"
    )
    print()
    cold, cold_max = results["first_page_cold_ms"]
    warm, warm_max = results["first_page_warm_ms"]
    hit = cold <= FIRST_PAGE_MS
    ok &= hit
    print(f"First page ({PAGE} rows), median/max ms:")
    print(f"  new engine + service  {cold:7.2f} / {cold_max:7.2f}   target ≤ {FIRST_PAGE_MS:.0f}  {_verdict(hit)}")
    print(f"  warm service          {warm:7.2f} / {warm_max:7.2f}")
    print()
    print(f"Filters, first page ({PAGE} rows), median/max ms:")
    for name, (median, worst) in results["filters_ms"].items():
        hit = median <= FIRST_PAGE_MS
        ok &= hit
        print(f"  {name:28s} {median:7.2f} / {worst:7.2f}  {_verdict(hit)}")
    median, worst = results["counts_ms"]
    print(f"  {'chip counts (one query)':28s} {median:7.2f} / {worst:7.2f}")
    median, worst = results["unanswered_count_ms"]
    print(f"  {'unanswered count':28s} {median:7.2f} / {worst:7.2f}")
    print()
    print(
        f"Search, first page ({SEARCH_PAGE} rows), median ms: the service vs the same SQL with sqlite3"
        " (timed in alternation)"
    )
    for name, entry in results["search"].items():
        service_ms = entry["service_ms"]
        direct_ms = entry["direct_ms"]
        ratio = service_ms / direct_ms if direct_ms else float("inf")
        hit = service_ms <= SEARCH_MS and ratio <= SEARCH_RATIO
        ok &= hit
        print(
            f"  {name:32s} {entry['rows']:3d} rows  {service_ms:7.2f}  direct {direct_ms:7.2f}"
            f"  ×{ratio:4.2f}  {_verdict(hit)}"
        )
    print(f"  targets: ≤ {SEARCH_MS:.0f} ms and ≤ {SEARCH_RATIO} × direct")
    print()
    end = results["page_to_end"]
    print(f"Paging to the end: {end['rows']:,} rows in {end['pages']:,} pages of {PAGE}, {end['seconds']} s")
    end = results["search_page_to_end"]
    print(f"Search 'cop' to the end: {end['rows']:,} rows in {end['pages']:,} pages, {end['seconds']} s")
    peak_py = results["tracemalloc_peak_mb"]
    rss_now, rss_peak = results["rss_now_mb"], results["rss_peak_mb"]
    hit = peak_py < MEMORY_MB and (rss_peak is None or rss_peak < MEMORY_MB)
    ok &= hit
    rss = f"RSS now {rss_now:.0f} MB, peak {rss_peak:.0f} MB" if rss_peak is not None else "RSS not available"
    print(
        f"Memory: Python allocations peak {peak_py:.1f} MB while paging to the end; {rss}"
        f"   target < {MEMORY_MB:.0f} MB  {_verdict(hit)}"
    )
    print()
    print("All targets met." if ok else "Some targets missed.")
    return ok


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--items", type=int, default=ITEMS)
    parser.add_argument("--runs", type=int, default=15, help="timed runs per measurement (median reported)")
    parser.add_argument("--db", type=Path, help="keep the generated database here")
    parser.add_argument("--regenerate", action="store_true")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)  # the child process
    args = parser.parse_args(argv)
    if args.measure:
        print(json.dumps(measure(args.measure, args.runs)))
        return 0
    path, info = ensure_database(args.db, args.items, args.regenerate)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(SOURCE_DIR), *filter(None, [env.get("PYTHONPATH")])])
    child = subprocess.run(
        [sys.executable, __file__, "--measure", str(path), "--runs", str(args.runs)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if child.returncode != 0:
        print(child.stderr, file=sys.stderr)
        return 2
    ok = report(info, json.loads(child.stdout.strip().splitlines()[-1]))
    return 1 if args.strict and not ok else 0


if __name__ == "__main__":
    sys.exit(main())
