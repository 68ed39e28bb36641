"""TEST-ONLY: the Qt pieces the trimmed MSI must still carry, exercised by the installed app. Never shipped.

Run by smoke_test.sh with the installed Python (through wine_run.py):

    qt_probe.py ABOUT_PNG

Checks what packaging/windows/payload.py keeps on purpose: Qt's Turkish strings (qtbase_tr),
the image plugins for the formats the composer accepts (decoding real JPEG/GIF/WebP/PNG bytes
made with Pillow), the SVG icon engine (the window icon), the native Windows style, and the
About dialog with its third-party notices (grabbed to ABOUT_PNG). One JSON line; exit 1 on failure.
"""

from __future__ import annotations

import io
import json
import sys


def main() -> int:
    from PIL import Image
    from PySide6.QtCore import QCoreApplication, QSize  # noqa: TID251  (test harness)
    from PySide6.QtGui import QIcon, QImage, QImageReader  # noqa: TID251
    from PySide6.QtWidgets import QApplication, QStyleFactory  # noqa: TID251

    from kurum_masaustu.i18n import install_translators
    from kurum_masaustu.paths import resource
    from kurum_masaustu.ui.about_dialog import AboutDialog

    app = QApplication(["qt_probe"])
    problems: list[str] = []
    facts: dict[str, object] = {}

    translators = install_translators(app, "tr")
    cancel = QCoreApplication.translate("QPlatformTheme", "Cancel")
    facts["translators"] = len(translators)
    facts["Cancel"] = cancel
    if cancel == "Cancel":
        problems.append("Qt's own strings are not in Turkish (qtbase_tr.qm not loaded)")

    formats = sorted(bytes(f.data()).decode() for f in QImageReader.supportedImageFormats())
    facts["image_formats"] = formats
    for fmt, pillow_format in (("png", "PNG"), ("jpeg", "JPEG"), ("gif", "GIF"), ("webp", "WEBP")):
        data = io.BytesIO()
        Image.new("RGB", (37, 23), (200, 30, 60)).save(data, pillow_format)
        image = QImage.fromData(data.getvalue())
        if image.isNull() or (image.width(), image.height()) != (37, 23):
            problems.append(f"Qt cannot decode {fmt}")

    svg = str(resource("icons", "kurum-masaustu.svg"))
    if QIcon(svg).pixmap(QSize(64, 64)).isNull():
        problems.append("the SVG window icon does not render (qsvgicon/qsvg/Qt6Svg)")
    if QImageReader(svg).read().isNull():
        problems.append("QImageReader cannot read the SVG icon")

    styles = [str(key) for key in QStyleFactory.keys()]  # noqa: SIM118  (a Qt list, not a dict)
    facts["styles"] = styles
    facts["style"] = app.style().name()
    if not {"windows11", "windowsvista"} & {key.lower() for key in styles}:
        problems.append("no native Windows style (qmodernwindowsstyle)")

    about = AboutDialog()
    about.tabs.setCurrentIndex(1)  # loads the notices, as clicking the tab does
    about.show()
    app.processEvents()
    notices = about.notices.toPlainText()
    facts["notices_chars"] = len(notices)
    for needed in ("PySide6", "LGPL-3.0", "FFmpeg", "x264"):
        if needed not in notices:
            problems.append(f"the About dialog's notices lack {needed}")
    if not about.grab().save(sys.argv[1]):
        problems.append("the About dialog could not be grabbed")
    about.close()

    facts["problems"] = problems
    print(json.dumps(facts))  # ASCII: the console code page under Wine is cp1252
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
