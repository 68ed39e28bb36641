"""Media preview pane: the images of the selected post, loaded off the UI thread."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

from PySide6.QtCore import QLocale, QSize, Qt
from PySide6.QtGui import QIcon, QImage, QImageReader, QPainter, QPixmap, QResizeEvent
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QSizePolicy, QVBoxLayout, QWidget

from kurum_masaustu.services.posts import MediaInfo
from kurum_masaustu.ui.tasks import alive, in_thread, spawn

log = logging.getLogger(__name__)

PREVIEW_EDGE = 720
THUMB_EDGE = 72


def load_scaled(path: Path, edge: int) -> QImage:
    """Decode an image scaled to fit ``edge`` (safe in a worker thread: QImage, not QPixmap)."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid() and max(size.width(), size.height()) > edge:
        reader.setScaledSize(size.scaled(QSize(edge, edge), Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if image.isNull():
        image = _load_with_pillow(path, edge)
    return image


def _preview_and_icon(path: Path) -> tuple[QImage, QImage]:
    """The preview and its thumbnail, both made in the worker thread (a 720-px image as an icon
    would be scaled down again on the UI thread at every paint of the list)."""
    image = load_scaled(path, PREVIEW_EDGE)
    if image.isNull():
        return image, image
    scaled = image.scaled(
        THUMB_EDGE, THUMB_EDGE, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )
    # Centred on a square: portrait and landscape thumbnails keep their names on one line.
    icon = QImage(THUMB_EDGE, THUMB_EDGE, QImage.Format.Format_ARGB32_Premultiplied)
    icon.fill(Qt.GlobalColor.transparent)
    painter = QPainter(icon)
    painter.drawImage((THUMB_EDGE - scaled.width()) // 2, (THUMB_EDGE - scaled.height()) // 2, scaled)
    painter.end()
    return image, icon


def _placeholder_icon() -> QIcon:
    """An empty square of icon size: names stay in line while their pictures are still loading."""
    pixmap = QPixmap(THUMB_EDGE, THUMB_EDGE)
    pixmap.fill(Qt.GlobalColor.transparent)
    return QIcon(pixmap)


def _load_with_pillow(path: Path, edge: int) -> QImage:
    """Formats Qt cannot read (HEIC from phones) go through Pillow."""
    try:
        from PIL import Image, ImageOps
        from pillow_heif import register_heif_opener

        register_heif_opener()
        with Image.open(path) as opened:
            picture = ImageOps.exif_transpose(opened).convert("RGBA")
            picture.thumbnail((edge, edge))
            data = picture.tobytes("raw", "RGBA")
            return QImage(data, picture.width, picture.height, QImage.Format.Format_RGBA8888).copy()
    except Exception as exc:  # a broken file must not break the pane
        log.warning("cannot preview %s: %s", path, exc)
        return QImage()


class MediaPane(QWidget):
    def __init__(self, media_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mediaPane")
        self._media_dir = media_dir
        self._items: list[MediaInfo] = []
        self._images: dict[int, QImage] = {}
        self._load_task: asyncio.Future[None] | None = None
        self._preview_shown: asyncio.Future[None] | None = None
        self._generation = 0

        self.preview = QLabel()
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(160, 120)
        self.preview.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.preview.setAccessibleName(self.tr("Media preview"))
        self.thumbnails = QListWidget()
        self.thumbnails.setViewMode(QListWidget.ViewMode.IconMode)
        self.thumbnails.setIconSize(QSize(THUMB_EDGE, THUMB_EDGE))
        self.thumbnails.setFlow(QListWidget.Flow.LeftToRight)
        self.thumbnails.setWrapping(False)
        self.thumbnails.setUniformItemSizes(True)
        self.thumbnails.setFixedHeight(THUMB_EDGE + 30)
        self.thumbnails.setAccessibleName(self.tr("Media of the post"))
        self.details = QLabel()
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setWordWrap(True)
        self.details.setAccessibleName(self.tr("Media details"))
        # Two lines (file facts, alt text) reserved, so showing a post's media never grows the
        # window or shifts the panes around it.
        self.details.setMinimumHeight(2 * self.details.fontMetrics().lineSpacing())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.thumbnails)
        layout.addWidget(self.details)
        self.thumbnails.currentRowChanged.connect(self._show_current)
        self.show_media([])

    def show_media(self, items: list[MediaInfo]) -> None:
        """Show ``items``; decoding happens in a worker thread, newest request wins."""
        self._generation += 1
        self._items = list(items)
        self._images = {}
        self.thumbnails.clear()
        self.preview.setPixmap(QPixmap())
        if not items:
            self.thumbnails.hide()
            self.preview.setText(self.tr("No media for this post."))
            self.details.clear()
            return
        self.preview.setText(self.tr("Loading…"))
        self.thumbnails.setVisible(len(items) > 1)
        placeholder = _placeholder_icon()
        for item in items:
            entry = QListWidgetItem(placeholder, item.original_name)
            entry.setToolTip(item.alt_text)
            self.thumbnails.addItem(entry)
        self._show_details(items[0])
        self._preview_shown = asyncio.get_event_loop().create_future()
        self._load_task = spawn(self._load(self._generation, list(items), self._preview_shown))

    async def _load(self, generation: int, items: list[MediaInfo], preview_shown: asyncio.Future[None]) -> None:
        try:
            await self._decode_all(generation, items, preview_shown)
        finally:
            if not preview_shown.done():
                preview_shown.set_result(None)

    async def _decode_all(self, generation: int, items: list[MediaInfo], preview_shown: asyncio.Future[None]) -> None:
        for row, item in enumerate(items):
            path = self._media_dir / item.relative_path
            if not item.mime_type.startswith("image/"):
                continue
            image, icon = await in_thread(_preview_and_icon, path)
            if not alive(self) or generation != self._generation:
                return
            self._images[item.id] = image
            if not icon.isNull():
                self.thumbnails.item(row).setIcon(QIcon(QPixmap.fromImage(icon)))
            if row == max(self.thumbnails.currentRow(), 0):
                self._show_current(row)
                if not preview_shown.done():
                    preview_shown.set_result(None)
        if self.thumbnails.currentRow() < 0:
            self.thumbnails.setCurrentRow(0)

    async def wait_loaded(self) -> None:
        """Until every image of the current items is decoded."""
        if self._load_task is not None:
            await asyncio.shield(self._load_task)

    async def wait_preview(self) -> None:
        """Until the large preview shows its image (thumbnails may still be decoding)."""
        if self._preview_shown is not None:
            await asyncio.shield(self._preview_shown)

    def _show_current(self, row: int) -> None:
        if not 0 <= row < len(self._items):
            return
        item = self._items[row]
        image = self._images.get(item.id)
        if image is not None and not image.isNull():
            self._set_preview(image)
        elif item.mime_type.startswith("video/"):
            self.preview.setText(self.tr("Video: {name}").format(name=item.original_name))
        elif image is not None:
            self.preview.setText(self.tr("This file cannot be previewed."))
        self._show_details(item)

    def _show_details(self, item: MediaInfo) -> None:
        """Name, size and alt text: known from the database, so shown before the image is decoded."""
        lines = [item.original_name]
        if item.width and item.height:
            lines.append(self.tr("{width}×{height} px").format(width=item.width, height=item.height))
        lines.append(QLocale().formattedDataSize(item.size_bytes))
        alt = item.alt_text or self.tr("(none — add one for screen reader users)")
        self.details.setText("  ".join(lines) + "\n" + self.tr("Alt text: {text}").format(text=alt))

    def _set_preview(self, image: QImage) -> None:
        pixmap = QPixmap.fromImage(image)
        self.preview.setPixmap(
            pixmap.scaled(
                self.preview.size(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._show_current(self.thumbnails.currentRow())
