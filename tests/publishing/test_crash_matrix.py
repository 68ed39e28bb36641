"""The crash matrix (issue 3, item 6): the real outbox in a real process, killed with SIGKILL at each
step of a publish; then the real ``kurum-masaustu sync``; every post exists exactly once on every
sandbox channel and no draft is lost.

Each case copies a template profile (sandbox channels with keyring secrets, three due posts to every
channel: text, one image, two images), runs ``crash_worker.py publish`` until it stops at the named
point (the worker wraps the sandbox transport inside its own process: no product code has a hook),
kills it with SIGKILL, checks what the kill left (the delivery committed as ``publishing``, the
sandbox state files still whole JSON, every post and its media still there), runs ``kurum-masaustu
sync`` as a subprocess, and checks ``kurum-masaustu sandbox list --json`` and the database. A second
sync must find nothing to do.

Needs the OS keyring (CI: gnome-keyring in a D-Bus session, ``/tmp/runtests.sh``). POSIX only
(SIGKILL).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

from kurum_masaustu.domain import DeliveryState, Platform
from kurum_masaustu.paths import Profile
from kurum_masaustu.publishing.registry import support_for
from kurum_masaustu.settings import Settings
from kurum_masaustu.store.models import Delivery, Post, PostMedia

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX")

WORKER = Path(__file__).with_name("crash_worker.py")
SRC = Path(__file__).resolve().parents[2] / "src"
PAUSE_TIMEOUT = 60.0
#: While publishing/registry.py has no Telegram entry, Telegram profiles run the real command line
#: through ``crash_worker.py cli``, which adds the entry in its own process only.
TELEGRAM_REGISTERED = support_for(Platform.TELEGRAM) is not None


def _env() -> dict[str, str]:
    path = os.pathsep.join(p for p in (str(SRC), os.environ.get("PYTHONPATH", "")) if p)
    return dict(os.environ, PYTHONPATH=path, QT_QPA_PLATFORM="offscreen")


def _run(args: list[str], timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, timeout=timeout, env=_env(), check=False)


def _cli(profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``kurum-masaustu <args> --profile <profile>`` as a real subprocess."""
    uses_telegram = (profile / ".uses-telegram").exists()
    head = [sys.executable, "-m", "kurum_masaustu"]
    if uses_telegram and not TELEGRAM_REGISTERED:
        head = [sys.executable, str(WORKER), "cli"]
    return _run([*head, *args, "--profile", str(profile)])


@dataclass(frozen=True)
class Template:
    root: Path
    channels: dict[str, int]
    texts: list[str]
    media: list[int]
    draft: str


def _make_template(root: Path, platforms: list[str], *, discussion: bool = True) -> Template:
    args = [sys.executable, str(WORKER), "setup", str(root), "--platforms", ",".join(platforms)]
    made = _run([*args, *([] if discussion else ["--no-discussion"])])
    assert made.returncode == 0, made.stderr
    info = json.loads(made.stdout)
    if "telegram" in platforms:
        (root / ".uses-telegram").touch()
    return Template(root, info["channels"], info["texts"], info["media"], info["draft"])


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Template]]:
    base = tmp_path_factory.mktemp("crash-templates")
    made = {
        "mb": _make_template(base / "mb", ["mastodon", "bluesky"]),
        "mbt": _make_template(base / "mbt", ["mastodon", "bluesky", "telegram"]),
        "t-blind": _make_template(base / "t-blind", ["telegram"], discussion=False),
    }
    yield made
    from kurum_masaustu.credentials import CredentialStore

    for template in made.values():  # leave nothing in the keyring
        profile_id = Settings.load(Profile(template.root).settings_file).profile_id
        if profile_id:
            CredentialStore(namespace=profile_id).delete_all()


@dataclass(frozen=True)
class Case:
    template: str
    platform: str
    point: str
    nth: int = 1
    #: The delivery that was in flight: post index (0 text, 1 one image, 2 two images).
    post: int = 0
    #: Whether the platform had stored the post at the kill (the sync must then reconcile, not resend).
    stored: bool = False

    @property
    def id(self) -> str:
        return f"{self.platform}-{self.point}{'' if self.nth == 1 else f'-{self.nth}'}"


CASES = [
    # Mastodon: Idempotency-Key on the status; found again by its text after a restart.
    Case("mb", "mastodon", "before_create"),
    Case("mb", "mastodon", "after_create", stored=True),
    Case("mb", "mastodon", "before_upload", post=1),
    Case("mb", "mastodon", "after_upload", post=1),  # the file is on the instance, the status is not
    Case("mb", "mastodon", "after_create", nth=3, post=2, stored=True),  # two images uploaded and attached
    Case("mb", "mastodon", "state_write"),
    # (mastodon-media_write: see test_mastodon_sandbox_keeps_a_half_written_upload below)
    # Bluesky: the record key is derived from the delivery, getRecord finds it.
    Case("mb", "bluesky", "before_create"),
    Case("mb", "bluesky", "after_create", stored=True),
    Case("mb", "bluesky", "before_upload", post=1),
    Case("mb", "bluesky", "after_upload", nth=2, post=2),  # the second blob of the album
    Case("mb", "bluesky", "after_create", nth=3, post=2, stored=True),
    Case("mb", "bluesky", "state_write"),
    Case("mb", "bluesky", "media_write", post=1),
    # Telegram: no idempotency; the post's automatic forward into the discussion group finds it.
    Case("mbt", "telegram", "before_create"),
    Case("mbt", "telegram", "after_create", stored=True),
    Case("mbt", "telegram", "before_upload", post=1),  # the photo travels inside sendPhoto
    Case("mbt", "telegram", "after_create", nth=3, post=2, stored=True),  # an album (sendMediaGroup)
    Case("mbt", "telegram", "state_write"),
    Case("mbt", "telegram", "media_write", post=1),
]


def _read_db(root: Path) -> dict[str, Any]:
    engine = create_engine(f"sqlite:///{Profile(root).database}")
    try:
        with Session(engine) as session:
            deliveries = [
                {
                    "id": d.id, "post": d.post_id, "platform": d.channel.platform.value, "state": d.state,
                    "remote_id": d.remote_id, "permalink": d.permalink, "sending": d.sending_since is not None,
                    "attempts": d.attempts, "error": d.last_error,
                }
                for d in session.scalars(select(Delivery).order_by(Delivery.id))
            ]  # fmt: skip
            posts = {p.id: p.body for p in session.scalars(select(Post).order_by(Post.id))}
            media = {(m.post_id, m.position) for m in session.scalars(select(PostMedia))}
    finally:
        engine.dispose()
    return {"deliveries": deliveries, "posts": posts, "media": media}


def _listing(root: Path) -> dict[str, list[dict[str, Any]]]:
    listed = _cli(root, "sandbox", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    return {entry["platform"]: entry["posts"] for entry in json.loads(listed.stdout)}


def _state_files_are_whole(root: Path) -> list[Path]:
    """Every sandbox state file parses; returns the temporary files a killed save left behind."""
    sandbox = root / "sandbox"
    for path in sandbox.glob("channel-*.json"):
        json.loads(path.read_text(encoding="utf-8"))
    return sorted(sandbox.glob(".sandbox-*.tmp"))


def _kill_at(root: Path, case: Case, control: Path) -> None:
    control.mkdir()
    output = control / "worker-output.txt"
    with output.open("w", encoding="utf-8") as sink:
        worker = subprocess.Popen(
            [sys.executable, str(WORKER), "publish", str(root), "--pause", f"{case.platform}:{case.point}:{case.nth}",
             "--control", str(control)],
            stdout=sink, stderr=subprocess.STDOUT, text=True, env=_env(),
        )  # fmt: skip
        try:
            deadline = time.monotonic() + PAUSE_TIMEOUT
            while not (control / "paused").exists():
                if worker.poll() is not None:
                    sink.flush()
                    pytest.fail(
                        f"the worker ended without reaching {case.id} (exit {worker.returncode}):\n"
                        + output.read_text(encoding="utf-8")
                    )
                if time.monotonic() > deadline:
                    pytest.fail(f"the worker did not reach {case.id} in {PAUSE_TIMEOUT:.0f} s")
                time.sleep(0.02)
            assert (control / "paused").read_text(encoding="utf-8") == case.point
            os.kill(worker.pid, signal.SIGKILL)
            assert worker.wait(timeout=30) == -signal.SIGKILL
        finally:
            if worker.poll() is None:
                worker.kill()
                worker.wait(timeout=30)


def _copy(template: Template, target: Path) -> Path:
    shutil.copytree(template.root, target)
    return target


def _check_after_kill(root: Path, template: Template, case: Case) -> list[Path]:
    leftovers = _state_files_are_whole(root)
    db = _read_db(root)
    _check_nothing_lost(db, template)
    post_id = list(db["posts"])[case.post]
    [in_flight] = [d for d in db["deliveries"] if d["post"] == post_id and d["platform"] == case.platform]
    assert in_flight["state"] == DeliveryState.PUBLISHING, in_flight  # rule 1: committed before the request
    assert in_flight["sending"], in_flight
    return leftovers


def _check_exactly_once(root: Path, template: Template) -> None:
    listing = _listing(root)
    assert set(listing) == set(template.channels)
    expected_media = dict(zip(template.texts, template.media, strict=True))
    for platform, posts in listing.items():
        texts = sorted(post["text"] for post in posts)
        assert texts == sorted(template.texts), f"{platform}: {texts}"
        for post in posts:
            assert len(post["media"]) == expected_media[post["text"]], (platform, post)
            for media in post["media"]:
                _check_stored_copy(root, platform, media)
    db = _read_db(root)
    by_text = {platform: {post["text"]: post for post in posts} for platform, posts in listing.items()}
    draft_id = list(db["posts"])[-1]
    scheduled = [d for d in db["deliveries"] if d["post"] != draft_id]
    assert len(scheduled) == len(template.texts) * len(template.channels)
    for delivery in scheduled:
        assert delivery["state"] == DeliveryState.PUBLISHED, delivery
        assert not delivery["sending"], delivery
        post = by_text[delivery["platform"]][db["posts"][delivery["post"]]]
        assert delivery["remote_id"] == post["id"], (delivery, post)
        assert str(delivery["permalink"] or "").startswith("https://"), delivery
    _check_nothing_lost(db, template)


def _check_stored_copy(root: Path, platform: str, media: dict[str, Any]) -> None:
    """The platform's copy of an uploaded file is whole (what a training run shows is the real picture)."""
    if platform == "bluesky":
        [path] = root.glob(f"sandbox/*-blobs/{media['cid']}")
    else:
        assert media["file"], media
        path = Path(media["file"])
    assert path.stat().st_size == media["size"], (
        f"{platform}: {path.name} is {path.stat().st_size} of {media['size']} bytes"
    )
    Image.open(path).verify()


def _check_nothing_lost(db: dict[str, Any], template: Template) -> None:
    """Every post the person made is still there, with its media; the draft is still only a draft."""
    assert list(db["posts"].values()) == [*template.texts, template.draft], "a post or draft was lost"
    post_ids = list(db["posts"])
    draft_id = post_ids[-1]
    counts = [*template.media, 1]  # the draft has one picture
    assert db["media"] == {(p, i) for p, n in zip(post_ids, counts, strict=True) for i in range(n)}, "media lost"
    drafts = [d for d in db["deliveries"] if d["post"] == draft_id]
    assert len(drafts) == len(template.channels)
    assert {d["state"] for d in drafts} == {DeliveryState.DRAFT}


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_killed_at_each_step_then_sync_publishes_each_post_exactly_once(
    case: Case, templates: dict[str, Template], tmp_path: Path
) -> None:
    template = templates[case.template]
    root = _copy(template, tmp_path / "profile")
    _kill_at(root, case, tmp_path / "control")
    leftovers = _check_after_kill(root, template, case)
    if case.point == "state_write":
        # The kill fell inside the save: the state file is the previous whole version, the half-written
        # temporary file stays behind (ignored by the sandbox), and the platform never kept the post.
        assert len(leftovers) == 1
        listing_before = _listing(root)
        assert all(post["text"] != template.texts[case.post] for post in listing_before.get(case.platform, []))
    if case.point == "media_write":
        # Half of the picture is on the platform's disk: a temporary file (Telegram) or the blob itself,
        # which Bluesky rewrites on every upload. The check after the sync reads every stored copy.
        assert list((root / "sandbox").glob("*-media/.*.tmp")) + list((root / "sandbox").glob("*-blobs/*"))
    sync = _cli(root, "sync")
    assert sync.returncode == 0, sync.stdout + sync.stderr
    reconciled = 1 if case.stored else 0
    assert f"doğrulanan {reconciled}" in sync.stdout, sync.stdout
    assert "başarısız 0" in sync.stdout, sync.stdout
    _check_exactly_once(root, template)
    again = _cli(root, "sync")
    assert again.returncode == 0, again.stdout + again.stderr
    assert "yayımlanan 0" in again.stdout
    _check_exactly_once(root, template)


def _person_says(root: Path, delivery_id: int, *, link: str | None) -> bool:
    """What the person does in the outbox pane: "it was published" with the link, or "send again"."""
    from datetime import UTC, datetime

    from kurum_masaustu.app import build_services

    profile = Profile(root)
    services = build_services(profile, Settings.load(profile.settings_file))
    try:
        now = datetime.now(UTC)
        if link is None:
            return services.outbox.send_again(delivery_id, now)
        return services.outbox.confirm_published(delivery_id, link, now)
    finally:
        services.close()


@pytest.mark.parametrize("stored", [True, False], ids=["was-published", "was-not-published"])
def test_telegram_without_discussion_group_asks_the_person_and_never_posts_twice(
    stored: bool, templates: dict[str, Template], tmp_path: Path
) -> None:
    """The Bot API gives a bot no way to see its own channel post: after a lost answer the
    delivery is parked as uncertain (never resent on a guess) until the person says what they
    see on the channel."""
    template = templates["t-blind"]
    root = _copy(template, tmp_path / "profile")
    point = "after_create" if stored else "before_create"
    _kill_at(root, Case("t-blind", "telegram", point, stored=stored), tmp_path / "control")
    lost_text = template.texts[0]
    for _ in range(2):  # the next syncs neither resend it nor count it as published
        sync = _cli(root, "sync")
        assert sync.returncode == 0, sync.stdout + sync.stderr
        assert "platformda kontrol edilecek 1" in sync.stdout, sync.stdout
        assert "yeniden gönderin" in sync.stderr
        on_channel = [post for post in _listing(root)["telegram"] if post["text"] == lost_text]
        assert len(on_channel) == (1 if stored else 0)
        db = _read_db(root)
        [parked] = [d for d in db["deliveries"] if d["post"] == next(iter(db["posts"]))]
        assert parked["state"] == DeliveryState.UNCERTAIN, parked
        assert parked["sending"], parked  # when it was sent stays known
        assert "no discussion group" in parked["error"]
        others = [d for d in db["deliveries"] if d["id"] != parked["id"] and d["post"] != list(db["posts"])[-1]]
        assert {d["state"] for d in others} == {DeliveryState.PUBLISHED}
        _check_nothing_lost(db, template)

    if stored:
        link = on_channel[0]["url"]
        assert link.startswith("https://t.me/"), on_channel
        assert _person_says(root, parked["id"], link=link)
    else:
        assert _person_says(root, parked["id"], link=None)
        sync = _cli(root, "sync")
        assert sync.returncode == 0, sync.stdout + sync.stderr
        assert "yayımlanan 1," in sync.stdout, sync.stdout
    final = _cli(root, "sync")
    assert "yayımlanan 0," in final.stdout, final.stdout
    assert "platformda kontrol edilecek 0" in final.stdout, final.stdout
    listing = _listing(root)["telegram"]
    assert sorted(post["text"] for post in listing) == sorted(template.texts)  # each exactly once
    db = _read_db(root)
    [done] = [d for d in db["deliveries"] if d["id"] == parked["id"]]
    assert done["state"] == DeliveryState.PUBLISHED, done
    assert not done["sending"], done
    [post] = [post for post in listing if post["text"] == lost_text]
    assert done["permalink"] == post["url"]
    _check_nothing_lost(db, template)


def test_a_kill_while_the_sandbox_stores_an_upload_leaves_no_truncated_picture(
    templates: dict[str, Template], tmp_path: Path
) -> None:
    template = templates["mb"]
    root = _copy(template, tmp_path / "profile")
    _kill_at(root, Case("mb", "mastodon", "media_write", post=1), tmp_path / "control")
    sync = _cli(root, "sync")
    assert sync.returncode == 0, sync.stdout + sync.stderr
    _check_exactly_once(root, template)  # the posts are right, and so is every stored picture
