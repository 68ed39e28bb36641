"""Offline drafting, then one sync: each post reaches each sandbox channel exactly once."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PIL import Image
from sqlalchemy import select

from kurum_masaustu.app import build_services
from kurum_masaustu.credentials import CredentialStore
from kurum_masaustu.domain import DeliveryState, Platform
from kurum_masaustu.paths import Profile
from kurum_masaustu.services.posts import PostDraft, PostService
from kurum_masaustu.settings import Settings
from kurum_masaustu.store.models import Delivery


def _cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kurum_masaustu", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        check=False,
    )


def test_scheduled_posts_reach_every_sandbox_channel_once(tmp_path: Path) -> None:
    root = tmp_path / "profile"
    mastodon = _cli(
        "channel", "add", "--profile", str(root), "--platform", "mastodon", "--name", "Belediye (Mastodon)",
        "--handle", "@belediye", "--sandbox", stdin="\n",
    )  # fmt: skip
    assert mastodon.returncode == 0, mastodon.stderr
    bluesky = _cli(
        "channel", "add", "--profile", str(root), "--platform", "bluesky", "--name", "Belediye (Bluesky)",
        "--handle", "belediye.bsky.social", "--sandbox", stdin="\n",
    )  # fmt: skip
    assert bluesky.returncode == 0, bluesky.stderr
    facebook = _cli(
        "channel", "add", "--profile", str(root), "--platform", "facebook", "--name", "Belediye (Facebook)",
        "--sandbox", stdin="\n",
    )  # fmt: skip
    assert facebook.returncode == 0, facebook.stderr
    extra = [
        _cli("channel", "add", "--profile", str(root), "--platform", name, "--name", f"Belediye ({name})",
             "--sandbox", stdin="\n")
        for name in ("x", "linkedin")
    ]  # fmt: skip
    assert all(r.returncode == 0 for r in extra), [r.stderr for r in extra]
    channel_ids = [int(mastodon.stdout), int(bluesky.stdout), int(facebook.stdout), *(int(r.stdout) for r in extra)]

    # Offline: the person drafts and schedules two posts (one already due).
    profile = Profile(root)
    settings = Settings.load(profile.settings_file)
    services = build_services(profile, settings)
    posts = PostService(services.sessions)
    now = datetime.now(UTC)
    texts = ["Yarın 09.00-13.00 arası su kesintisi olacaktır. #SuKesintisi", "Kış yol çalışması başladı 🚧"]
    photo = tmp_path / "telefon.jpg"
    exif = Image.Exif()
    exif[0x010F] = "TelefonMarka"  # Make
    exif[0x8825] = {1: "N", 2: (41.0, 0.0, 0.0)}  # GPS
    Image.new("RGB", (2400, 1800), "#3a7").save(photo, exif=exif)
    with services.sessions.begin() as session:
        asset = services.media.import_file(session, photo, alt_text="Yol çalışması yapılan cadde")
        media_ids = [asset.id]
    for text, at, media in zip(
        texts, (now - timedelta(minutes=5), now - timedelta(minutes=1)), (media_ids, []), strict=True
    ):
        posts.save(PostDraft(body=text, channel_ids=channel_ids, scheduled_at=at, schedule=True, media_ids=media))
    services.close()

    first = _cli("sync", "--profile", str(root))
    assert first.returncode == 0, first.stdout + first.stderr
    assert "yayımlanan 10" in first.stdout
    second = _cli("sync", "--profile", str(root))
    assert "yayımlanan 0" in second.stdout

    listing = _cli("sandbox", "list", "--profile", str(root), "--json")
    assert listing.returncode == 0, listing.stderr
    report = json.loads(listing.stdout)
    assert {entry["platform"] for entry in report} == {
        Platform.MASTODON.value,
        Platform.BLUESKY.value,
        Platform.FACEBOOK.value,
        Platform.X.value,
        Platform.LINKEDIN.value,
    }
    for entry in report:
        published = sorted(post["text"] for post in entry["posts"])
        assert published == sorted(texts), entry
    # The photo went out as the platform's variant, without the phone's metadata.
    uploads = [
        p
        for p in (root / "sandbox").rglob("*")
        if p.is_file() and p.suffix.lower() in (".jpg", ".jpeg", ".png", ".webp", "")
    ]
    blobs = [p.read_bytes() for p in uploads if p.stat().st_size > 1000 and not p.name.endswith(".json")]
    assert blobs, "no uploaded media found in the sandboxes"
    for blob in blobs:
        assert b"TelefonMarka" not in blob
        assert b"Exif" not in blob

    services = build_services(profile, settings)
    with services.sessions() as session:
        deliveries = list(session.scalars(select(Delivery)))
    services.close()
    assert {d.state for d in deliveries} == {DeliveryState.PUBLISHED}
    assert all(d.permalink and d.permalink.startswith("https://") for d in deliveries)

    # No secret anywhere in the profile (database, sandbox files, logs, settings): keyring only.
    store = CredentialStore(namespace=settings.profile_id)
    secrets = [
        store.get_secret(channel_ids[0], "access_token"),
        store.get_secret(channel_ids[1], "app_password"),
        store.get_secret(channel_ids[2], "page_access_token"),
    ]
    assert all(secrets)
    files = [path for path in root.rglob("*") if path.is_file()]
    assert any(path.suffix == ".log" for path in files)
    for secret in secrets:
        assert secret is not None
        for path in files:
            assert secret.encode() not in path.read_bytes(), f"a secret was found in {path}"
