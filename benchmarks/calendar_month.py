"""Calendar month view at scale: a month holding 2,000 posts, painted and switched.

Run from the repository root (the source checkout is found without ``PYTHONPATH``)::

    python benchmarks/calendar_month.py [--posts 2000] [--runs 25] [--strict]

Target (issue 5, "Performance"): the month view holding 2,000 posts paints in ≤ 33 ms (two
frames at 60 Hz), and switching months (query, model, paint) stays under that too.

Measured in the same run, on the same offscreen surface and at the same size (1100 × 700):

* **(a) empty month**: the app's month view showing a month with no posts (the issue's baseline);
* **(b) bare table**: a plain ``QTableView`` over a ``QStandardItemModel`` whose 42 cells hold,
  as plain text, the same lines the month view draws in them (day number, day mark and the
  visible posts' lines): what Qt's own table costs for the same text;
* **(c) month, 2,000 posts**: the app's :class:`CalendarPane` month view on a real SQLite profile
  (8 channels, 2,000 posts with 1–3 deliveries each, all in one month; holidays and important
  days loaded);
* **(d) month switch**: paging from the next month back into the full one: ``show_month``
  plus the paint. The pane reads the months before and after the shown one in a
  worker thread once it is shown, so paging finds them ready; the loop runs between switches
  (outside the timing) as it does between two clicks;
* **(e) cold month load**: the same with nothing read ahead (the first month after a change):
  database query, grouping, model and paint on the UI thread. Reported, not a target.
* **(f) refresh after publishing**: the longest stall of the UI thread while the shown month is
  read again because the outbox published something (``refresh_in_background``: read in a
  worker, then shown), against **(g)** the same refresh done on the UI thread (``refresh``, what
  a change the person makes uses). A stall is the longest gap between two turns of the event
  loop (a zero-interval ``QTimer``).

A paint is ``viewport().grab()``: the view renders every cell into a pixmap, as on screen.
Figures are medians of ``--runs`` after two discarded warm-up paints; min and max are shown.
``--strict`` exits 1 when (c) or (d) misses the target.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from datetime import time as dtime
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIR = REPO_ROOT / "src"
if str(SOURCE_DIR) not in sys.path:
    sys.path.insert(0, str(SOURCE_DIR))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TARGET_MS = 33.0
SIZE = (1100, 700)
MONTH = date(2027, 3, 1)  # full month (future, so nothing is "past")
NEXT_MONTH = date(2027, 4, 1)
EMPTY_MONTH = date(2027, 6, 1)
SEED = 5_2026
TOPICS = ("Su kesintisi", "Konser", "Meclis toplantısı", "Aşı günü", "Yol çalışması")
COLOURS = ("#1877f2", "#e1306c", "#000000", "#0a66c2", "#6364ff", "#1185fe", "#229ed9", "#f97316")


def build_profile(root: Path, posts: int) -> Path:
    """A real profile database with ``posts`` posts in :data:`MONTH` (app migrations, ORM rows)."""
    from sqlalchemy.orm import Session

    from kurum_masaustu.domain import Category, DeliveryState, Platform
    from kurum_masaustu.rules.timeutil import local_to_utc
    from kurum_masaustu.store.database import open_database
    from kurum_masaustu.store.models import Channel, Delivery, Post

    database = root / "kurum.sqlite3"
    engine = open_database(database, root / "backups")
    rng = random.Random(SEED)
    platforms = list(Platform)
    with Session(engine) as session:
        channels = [Channel(platform=platforms[i], display_name=f"Kanal {i + 1}", color=COLOURS[i]) for i in range(8)]
        session.add_all(channels)
        session.flush()
        states = [DeliveryState.SCHEDULED] * 6 + [DeliveryState.DRAFT, DeliveryState.PUBLISHED, DeliveryState.FAILED]
        categories = list(Category)
        for n in range(posts):
            day = MONTH.replace(day=1 + rng.randrange(31))
            at = local_to_utc(day, dtime(rng.randrange(7, 22), rng.choice((0, 15, 30, 45))))
            post = Post(
                title=f"Gönderi {n + 1}: {rng.choice(TOPICS)}",
                body="…",
                category=rng.choice(categories),
            )
            for channel in rng.sample(channels, rng.randint(1, 3)):
                post.deliveries.append(Delivery(channel_id=channel.id, scheduled_at=at, state=rng.choice(states)))
            session.add(post)
        session.commit()
    engine.dispose()
    return database


def timed(paint: Callable[[], object], runs: int) -> list[float]:
    for _ in range(2):
        paint()
    figures = []
    for _ in range(runs):
        start = time.perf_counter()
        paint()
        figures.append((time.perf_counter() - start) * 1000)
    return figures


def line(name: str, figures: list[float], target: float | None = None) -> str:
    median = statistics.median(figures)
    verdict = "" if target is None else ("  ok" if median <= target else "  MISSED")
    return f"{name:<34} median {median:6.2f} ms   min {min(figures):6.2f}   max {max(figures):6.2f}{verdict}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=25)
    parser.add_argument("--strict", action="store_true")
    args = parser.parse_args(argv)

    import qasync
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QHeaderView, QTableView

    from kurum_masaustu.app import build_services
    from kurum_masaustu.paths import Profile
    from kurum_masaustu.settings import Settings
    from kurum_masaustu.ui.calendar_grid import MARK_ROLE, POSTS_ROLE, entry_line
    from kurum_masaustu.ui.calendar_pane import PREFETCH_DELAY_S, CalendarPane

    app = QApplication.instance() or QApplication([])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with tempfile.TemporaryDirectory(prefix="kurum-masaustu-calendar-bench-") as folder:
        profile = Profile(Path(folder) / "profile").ensure()
        started = time.perf_counter()
        build_profile(profile.root, args.posts)
        print(f"profile: {args.posts} posts in {MONTH:%B %Y}, built in {time.perf_counter() - started:.1f} s")
        services = build_services(profile, Settings())
        pane = CalendarPane(services.posts, clock=lambda: datetime(2027, 1, 1, tzinfo=UTC))
        pane.resize(*SIZE)
        pane.show()
        pane.show_month(EMPTY_MONTH)
        loop.run_until_complete(pane.wait_days())
        viewport = pane.view.viewport()
        empty = timed(viewport.grab, args.runs)

        pane.show_month(MONTH)
        loop.run_until_complete(pane.wait_days())
        app.processEvents()
        model = pane.model
        deliveries = sum(len(model.entries_on(d)) for d in model.days)
        shown_posts = sum(len(model.posts_on(d)) for d in model.days)
        full = timed(viewport.grab, args.runs)

        bare_model = QStandardItemModel(6, 7)
        for position, day in enumerate(model.days):
            index = model.index(*divmod(position, 7))
            mark = index.data(MARK_ROLE)
            lines = [f"{day.day}  {mark.label if mark else ''}"]
            lines += [entry_line(p) for p in index.data(POSTS_ROLE)]
            bare_model.setItem(position // 7, position % 7, QStandardItem("\n".join(lines)))
        bare = QTableView()
        bare.setModel(bare_model)
        bare.verticalHeader().hide()
        bare.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        bare.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        bare.resize(pane.view.size())
        bare.show()
        app.processEvents()
        baseline = timed(bare.viewport().grab, args.runs)

        def settle() -> None:  # as between two clicks: the read-ahead of the neighbours has run
            loop.run_until_complete(asyncio.sleep(PREFETCH_DELAY_S + 0.05))
            loop.run_until_complete(pane.wait_days())

        switches = []
        for _ in range(args.runs + 2):
            for month in (NEXT_MONTH, MONTH):
                settle()
                started = time.perf_counter()
                pane.show_month(month)
                viewport.grab()
                if month == MONTH:  # into the full month: the costly direction
                    switches.append((time.perf_counter() - started) * 1000)
        switches = switches[2:]

        cold = []
        for _ in range(args.runs):
            settle()
            pane.forget_loaded_months()
            started = time.perf_counter()
            pane.show_month(MONTH)
            viewport.grab()
            cold.append((time.perf_counter() - started) * 1000)
        settle()

        from PySide6.QtCore import QTimer

        def longest_stall(work: Callable[[], object]) -> float:
            gaps: list[float] = []
            last = [time.perf_counter()]

            def turn() -> None:
                now = time.perf_counter()
                gaps.append(now - last[0])
                last[0] = now

            timer = QTimer()
            timer.setInterval(0)
            timer.timeout.connect(turn)
            timer.start()
            last[0] = time.perf_counter()
            work()
            turn()
            timer.stop()
            return max(gaps) * 1000

        background, foreground = [], []
        for _ in range(args.runs):
            settle()
            background.append(longest_stall(lambda: loop.run_until_complete(pane.refresh_in_background())))
            settle()
            foreground.append(longest_stall(lambda: (pane.refresh(), app.processEvents())))
        settle()

        qt = __import__("PySide6").__version__
        print(f"Qt {qt}, platform {app.platformName()}, view {pane.view.width()}×{pane.view.height()}")
        print(f"month: {deliveries} deliveries, {shown_posts} posts on the grid; {args.runs} runs each")
        print(line("(a) empty month", empty))
        print(line("(b) bare QTableView, same text", baseline))
        print(line(f"(c) month, {args.posts} posts", full, TARGET_MS))
        print(line("(d) month switch (read ahead)", switches, TARGET_MS))
        print(line("(e) cold month load (reference)", cold))
        print(line("(f) refresh after publishing: stall", background))
        print(line("(g) same refresh on the UI thread", foreground))
        print(
            f"(c)/(a) = {statistics.median(full) / statistics.median(empty):.2f}×   "
            f"(c)/(b) = {statistics.median(full) / statistics.median(baseline):.2f}×   "
            f"target (c), (d) ≤ {TARGET_MS:.0f} ms"
        )
        ok = statistics.median(full) <= TARGET_MS and statistics.median(switches) <= TARGET_MS
        pane.close()
        services.close()
    loop.close()  # waits for the loop's worker threads (Qt aborts at exit if one still runs)
    return 1 if args.strict and not ok else 0


if __name__ == "__main__":
    raise SystemExit(main())
