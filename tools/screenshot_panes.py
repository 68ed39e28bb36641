"""Screenshots of the reliability checklist and the media pane on a demo profile.

    QT_QPA_PLATFORM=offscreen python tools/screenshot_panes.py --lang tr --out docs

writes ``checklist-<lang>.png`` (the composer's checklist tab) and ``media-<lang>.png``: a new
announcement for Facebook, X, Mastodon and Telegram with a misspelled word, unknown names, a link
(offline), a 12-megapixel phone photo with GPS and camera metadata, children flagged without
consent. Run
``tools/update_translations.py --build`` first for the Turkish texts from a checkout.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
from datetime import timedelta
from pathlib import Path


def _phone_photo(path: Path) -> Path:
    from PIL import Image, ImageDraw
    from PIL.ExifTags import IFD

    image = Image.new("RGB", (4000, 3000), (120, 170, 210))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 2000, 4000, 3000), fill=(90, 140, 80))
    for i in range(6):
        draw.ellipse((600 + i * 500, 1500, 900 + i * 500, 1800), fill=(230, 190, 150))
        draw.rectangle((620 + i * 500, 1800, 880 + i * 500, 2400), fill=(200, 60, 60))
    exif = Image.Exif()
    exif[0x010F] = "Apple"
    exif[0x0110] = "iPhone 14"
    exif[0x0132] = "2026:11:20 10:15:00"
    exif.get_ifd(IFD.GPSInfo).update({1: "N", 2: (39.0, 55.0, 12.0), 3: "E", 4: (32.0, 51.0, 30.0)})
    image.save(path, "JPEG", exif=exif, quality=85)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lang", default="tr", choices=["tr", "en"])
    parser.add_argument("--out", type=Path, default=Path("."))
    args = parser.parse_args()

    import qasync

    from kurum_masaustu.app import _make_application, build_services
    from kurum_masaustu.demo.seed import seed_demo_profile
    from kurum_masaustu.domain import Platform
    from kurum_masaustu.i18n import install_translators
    from kurum_masaustu.paths import Profile
    from kurum_masaustu.rules.timeutil import today_local
    from kurum_masaustu.services.media_facts import Consent, MediaFactsService
    from kurum_masaustu.settings import Settings

    root = Path(tempfile.mkdtemp())
    profile = Profile(root / "profile").ensure()
    seed_demo_profile(profile)
    app = _make_application([])
    translators = install_translators(app, args.lang)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    services = build_services(profile, Settings())

    from kurum_masaustu.ui.main_window import MainWindow

    window = MainWindow(services, demo=True)
    window.resize(1500, 1000)
    window.show()
    window.status.set_online(False)
    composer = window.composer
    composer.new_post(today_local() + timedelta(days=2))
    # Facebook (alt_text_custom), X, Mastodon (focus) and Telegram (no alt text field): the alt
    # text counters show each case.
    wanted = {Platform.FACEBOOK, Platform.X, Platform.MASTODON, Platform.TELEGRAM}
    chosen = [c.id for c in services.posts.channels() if c.platform in wanted] or list(composer.channel_checks)[:4]
    for channel_id in chosen:
        composer.channel_checks[channel_id].setChecked(True)
    composer.body_edit.setPlainText(
        "Değerli vatandaşlarımız, Kızılay'ın desteğiyle Yeşilbağlar Mahallesi'nde yarın kan bağışı kampanyası "
        "yapılcak. Geçen yıl 1.200 ünite kan toplandı. Ayrıntılar: https://ornek.bel.tr/kan-bagisi"
    )

    async def prepare() -> None:
        await composer.attach_files([_phone_photo(root / "IMG_2041.jpg")])
        media = window.media.current()
        assert media is not None
        info = MediaFactsService(services.sessions).set_consent(media.id, Consent(True, False, True, False, False))
        if info is not None:
            window.media.show_media([info])
            window.checklist.media_updated(info)
        await window.media.wait_loaded()
        await window.checklist.wait_idle()

    composer.tabs.setCurrentWidget(window.checklist)
    loop.run_until_complete(prepare())
    app.processEvents()
    args.out.mkdir(parents=True, exist_ok=True)
    # The checklist tab alone, at the size of a roomy composer (in the window it scrolls).
    window.checklist.resize(600, 470)
    app.processEvents()
    window.checklist.grab().save(str(args.out / f"checklist-{args.lang}.png"))
    window.media.resize(760, 760)
    app.processEvents()
    window.media.grab().save(str(args.out / f"media-{args.lang}.png"))
    window.close()
    services.close()
    loop.close()  # waits for the loop's worker threads (Qt aborts at exit if one still runs)
    del translators


if __name__ == "__main__":
    main()
