"""Media preview pane: the chosen picture as each platform will show it, and what it needs.

- the picture with its **focal point** (drag it, or use the arrow keys): every crop frame beside
  it follows live; the point is saved on the media asset and the publishing pipeline crops the
  real variants around it (:func:`kurum_masaustu.media.prepare_variants`);
- the **crop frames** per platform and placement (feed, carousel, story, link card), from the
  pipeline's own rules (:mod:`kurum_masaustu.media.specs`), platforms with the same frame shown
  once;
- the **alt text** editor with a counter per platform (:mod:`kurum_masaustu.rules.alt_text`);
- the **metadata that will be removed** (GPS, camera, dates…), read from the file with Pillow;
- the **consent** facts (KVKK): recognisable people, children, written consent, blurred faces.

Decoding (also 12-megapixel JPEGs and HEIC) and reading metadata happen in worker threads; the
frames are drawn from the decoded 720-pixel preview, so dragging stays smooth.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QIcon,
    QImage,
    QImageReader,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kurum_masaustu.domain import Platform
from kurum_masaustu.media.specs import Placement, crop_box, image_placements, image_spec
from kurum_masaustu.services.posts import MediaInfo
from kurum_masaustu.ui.labels import platform_name
from kurum_masaustu.ui.tasks import alive, in_thread, spawn

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

    from kurum_masaustu.services.media_facts import Consent, MediaFactsService

log = logging.getLogger(__name__)

PREVIEW_EDGE = 720
THUMB_EDGE = 72
FRAME_HEIGHT = 96
PREVIEW_MAX_HEIGHT = 300
ALT_SAVE_DELAY_MS = 600
#: Platforms shown when the post has no channels chosen yet.
DEFAULT_PLATFORMS = (Platform.FACEBOOK, Platform.INSTAGRAM, Platform.X, Platform.BLUESKY)
_PLACEMENT_ORDER = (Placement.FEED, Placement.CAROUSEL, Placement.STORY, Placement.LINK_CARD)


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
            opened.draft("RGB", (edge, edge))  # JPEG: decode at a reduced scale
            picture = ImageOps.exif_transpose(opened).convert("RGBA")
            picture.thumbnail((edge, edge))
            data = picture.tobytes("raw", "RGBA")
            return QImage(data, picture.width, picture.height, QImage.Format.Format_RGBA8888).copy()
    except Exception as exc:  # a broken file must not break the pane
        log.warning("cannot preview %s: %s", path, exc)
        return QImage()


def _metadata(path: Path) -> list[str] | None:
    """What the prepared copies leave out (worker thread); None when the file cannot be read."""
    from kurum_masaustu.media import MediaError, describe_metadata

    try:
        return describe_metadata(path)
    except (MediaError, OSError) as exc:
        log.info("no metadata for %s: %s", path.name, exc)
        return None


# -- crop frames ------------------------------------------------------------------------------


@dataclass(frozen=True)
class CropGroup:
    """One frame shape, and the platforms (with their placement) that show the picture so."""

    placement: Placement
    min_ratio: float
    max_ratio: float
    platforms: tuple[Platform, ...]

    def box(self, width: float, height: float, focal: tuple[float, float]) -> tuple[float, float, float, float]:
        return crop_box(width, height, self.min_ratio, self.max_ratio, focal)


def crop_groups(platforms: Sequence[Platform]) -> list[CropGroup]:
    """The pipeline's image rules for ``platforms``, one group per distinct frame shape."""
    groups: dict[tuple[Placement, float, float], list[Platform]] = {}
    for placement in _PLACEMENT_ORDER:
        for platform in dict.fromkeys(platforms):
            if placement not in image_placements(platform):
                continue
            spec = image_spec(platform, placement)
            shape = (spec.min_ratio, spec.max_ratio) if spec.crops else (0.0, float("inf"))
            # A feed rule that hardly ever crops (Telegram: 1:20 to 20:1) shows the whole picture.
            if shape[0] <= 0.1 and shape[1] >= 10:
                shape = (0.0, float("inf"))
            kind = Placement.FEED if placement is Placement.CAROUSEL and shape == (0.0, float("inf")) else placement
            found = groups.setdefault((kind, *shape), [])
            if platform not in found:
                found.append(platform)
    return [CropGroup(kind, low, high, tuple(found)) for (kind, low, high), found in groups.items()]


def _ratio_text(value: float) -> str:
    named = {9 / 16: "9:16", 4 / 5: "4:5", 1.0: "1:1", 1.91: "1.91:1"}
    for ratio, text in named.items():
        if abs(value - ratio) < 0.005:
            return text
    return f"{value:.2f}:1"


class CropFrame(QWidget):
    """The part of the picture one group of platforms shows, drawn from the preview image."""

    def __init__(self, group: CropGroup, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group = group
        self._image = QImage()
        self._focal = (0.5, 0.5)
        self.setToolTip(caption)
        self.setAccessibleName(caption)
        self.setFixedHeight(FRAME_HEIGHT)
        self.setMinimumWidth(40)

    def set_image(self, image: QImage, focal: tuple[float, float]) -> None:
        self._image = image
        self.set_focal(focal)

    def set_focal(self, focal: tuple[float, float]) -> None:
        self._focal = focal
        self.setFixedWidth(self._frame_width())
        self.update()

    def crop(self) -> QRectF:
        """The shown part of the preview image, in its pixels."""
        if self._image.isNull():
            return QRectF()
        left, top, right, bottom = self.group.box(self._image.width(), self._image.height(), self._focal)
        return QRectF(left, top, right - left, bottom - top)

    def _frame_width(self) -> int:
        crop = self.crop()
        if crop.isEmpty():
            return FRAME_HEIGHT
        return max(40, min(3 * FRAME_HEIGHT, round(FRAME_HEIGHT * crop.width() / crop.height())))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        crop = self.crop()
        if crop.isEmpty():
            painter.fillRect(self.rect(), QColor("#eaeef2"))
        else:
            painter.drawImage(QRectF(self.rect()), self._image, crop)
        painter.setPen(QPen(QColor("#57606a"), 1))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        painter.end()


class FocalPreview(QLabel):
    """The picture with its focal point: click or drag to move it, arrow keys to nudge it."""

    focal_moved = Signal(float, float)  # while dragging
    focal_chosen = Signal(float, float)  # on release / key: save it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.focal = (0.5, 0.5)
        self._dragging = False
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.CrossCursor)

    def image_rect(self) -> QRectF:
        """Where the pixmap is drawn inside the label (centred)."""
        pixmap = self.pixmap()
        if pixmap is None or pixmap.isNull():
            return QRectF()
        size = pixmap.deviceIndependentSize()
        left = (self.width() - size.width()) / 2
        top = (self.height() - size.height()) / 2
        return QRectF(left, top, size.width(), size.height())

    def _focal_at(self, point: QPointF) -> tuple[float, float] | None:
        area = self.image_rect()
        if area.isEmpty():
            return None
        x = (point.x() - area.left()) / area.width()
        y = (point.y() - area.top()) / area.height()
        return min(max(x, 0.0), 1.0), min(max(y, 0.0), 1.0)

    def set_focal(self, x: float, y: float) -> None:
        self.focal = (x, y)
        self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        found = self._focal_at(event.position())
        if found is None or event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        self._dragging = True
        self.set_focal(*found)
        self.focal_moved.emit(*found)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        found = self._focal_at(event.position()) if self._dragging else None
        if found is not None:
            self.set_focal(*found)
            self.focal_moved.emit(*found)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._dragging:
            self._dragging = False
            self.focal_chosen.emit(*self.focal)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        steps = {
            Qt.Key.Key_Left: (-0.02, 0.0),
            Qt.Key.Key_Right: (0.02, 0.0),
            Qt.Key.Key_Up: (0.0, -0.02),
            Qt.Key.Key_Down: (0.0, 0.02),
        }
        step = steps.get(Qt.Key(event.key()))
        if step is None or self.image_rect().isEmpty():
            super().keyPressEvent(event)
            return
        x = min(max(self.focal[0] + step[0], 0.0), 1.0)
        y = min(max(self.focal[1] + step[1], 0.0), 1.0)
        self.set_focal(x, y)
        self.focal_moved.emit(x, y)
        self.focal_chosen.emit(x, y)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        area = self.image_rect()
        if area.isEmpty():
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        centre = QPointF(area.left() + self.focal[0] * area.width(), area.top() + self.focal[1] * area.height())
        for colour, width in (("#000000", 4), ("#ffffff", 2)):
            painter.setPen(QPen(QColor(colour), width))
            painter.drawEllipse(centre, 9, 9)
            painter.drawLine(centre + QPointF(-15, 0), centre + QPointF(-5, 0))
            painter.drawLine(centre + QPointF(5, 0), centre + QPointF(15, 0))
            painter.drawLine(centre + QPointF(0, -15), centre + QPointF(0, -5))
            painter.drawLine(centre + QPointF(0, 5), centre + QPointF(0, 15))
        painter.end()


# -- the pane ---------------------------------------------------------------------------------


class MediaPane(QWidget):
    """Shows a post's media; with ``sessions`` the focal point, alt text and consent can be
    edited (saved at once, audited) and ``media_updated(MediaInfo)`` reports each change."""

    media_updated = Signal(object)

    def __init__(
        self, media_dir: Path, sessions: sessionmaker[Session] | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mediaPane")
        self._media_dir = media_dir
        self._facts: MediaFactsService | None = None
        if sessions is not None:
            from kurum_masaustu.services.media_facts import MediaFactsService

            self._facts = MediaFactsService(sessions)
        self._items: list[MediaInfo] = []
        self._images: dict[int, QImage] = {}
        self._metadata: dict[int, list[str] | None] = {}
        self._load_task: asyncio.Future[None] | None = None
        self._preview_shown: asyncio.Future[None] | None = None
        self._generation = 0
        self._platforms: tuple[Platform, ...] = ()
        self._filling = False

        self.preview = FocalPreview()
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(160, 120)
        self.preview.setMaximumHeight(PREVIEW_MAX_HEIGHT)
        self.preview.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.preview.setAccessibleName(self.tr("Media preview"))
        self.preview.setToolTip(self.tr("Drag the point onto the subject: every platform's crop keeps it in view."))
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

        self.frames_box = QWidget()
        self.frames_box.setAccessibleName(self.tr("Crops per platform"))
        self._frames_layout = QGridLayout(self.frames_box)
        self._frames_layout.setContentsMargins(0, 0, 0, 0)
        self._frames_layout.setHorizontalSpacing(8)
        self.frames: list[CropFrame] = []
        self._captions: list[QLabel] = []

        self.alt_edit = QPlainTextEdit()
        self.alt_edit.setAccessibleName(self.tr("Alt text"))
        self.alt_edit.setPlaceholderText(
            self.tr("Describe the picture for people who cannot see it: who, what, where; any text in it.")
        )
        self.alt_edit.setTabChangesFocus(True)
        self.alt_edit.setFixedHeight(4 * self.alt_edit.fontMetrics().lineSpacing())
        self.alt_counters = QLabel()
        self.alt_counters.setTextFormat(Qt.TextFormat.PlainText)
        self.alt_counters.setWordWrap(True)
        self.metadata_label = QLabel()
        self.metadata_label.setTextFormat(Qt.TextFormat.PlainText)
        self.metadata_label.setWordWrap(True)
        self.metadata_label.setAccessibleName(self.tr("Metadata that will be removed"))

        self.consent_box = QGroupBox(self.tr("People in the picture (KVKK)"))
        self.people_combo = QComboBox()
        self.people_combo.addItem(self.tr("Not answered yet"), None)
        self.people_combo.addItem(self.tr("No recognisable people"), False)
        self.people_combo.addItem(self.tr("Recognisable people"), True)
        self.people_combo.setAccessibleName(self.tr("Recognisable people"))
        self.people_consent = QCheckBox(self.tr("Consent recorded, or another legal ground"))
        self.children_check = QCheckBox(self.tr("Children recognisable"))
        self.children_consent = QCheckBox(self.tr("Parents' written consent"))
        self.children_blurred = QCheckBox(self.tr("Faces blurred"))
        self.consent_note = QLineEdit()
        self.consent_note.setPlaceholderText(self.tr("Where the consent forms are kept, or the legal ground"))
        self.consent_note.setAccessibleName(self.tr("Consent note"))
        consent_form = QGridLayout(self.consent_box)
        consent_form.addWidget(self.people_combo, 0, 0)
        consent_form.addWidget(self.people_consent, 0, 1)
        consent_form.addWidget(self.children_check, 1, 0)
        children_choices = QHBoxLayout()
        children_choices.addWidget(self.children_consent)
        children_choices.addWidget(self.children_blurred)
        children_choices.addStretch(1)
        consent_form.addLayout(children_choices, 1, 1)
        consent_form.addWidget(self.consent_note, 2, 0, 1, 2)

        self.editor = QWidget()
        editor_layout = self._editor_layout = QFormLayout(self.editor)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.addRow(self.tr("Alt text"), self.alt_edit)
        editor_layout.addRow("", self.alt_counters)
        editor_layout.addRow(self.tr("Metadata"), self.metadata_label)
        editor_layout.addRow(self.consent_box)

        top = QHBoxLayout()
        top.addWidget(self.preview, 3)
        top.addWidget(self.frames_box, 2)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addLayout(top)
        body_layout.addWidget(self.details)
        body_layout.addWidget(self.editor)
        body_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.thumbnails)
        layout.addWidget(scroll, 1)

        self._alt_timer = QTimer(self)
        self._alt_timer.setSingleShot(True)
        self._alt_timer.setInterval(ALT_SAVE_DELAY_MS)
        self._alt_timer.timeout.connect(self.save_alt_text)
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(ALT_SAVE_DELAY_MS)
        self._note_timer.timeout.connect(self.save_consent)

        self.thumbnails.currentRowChanged.connect(self._show_current)
        self.preview.focal_moved.connect(self._focal_moved)
        self.preview.focal_chosen.connect(self.save_focal)
        self.alt_edit.textChanged.connect(self._alt_changed)
        self.people_combo.currentIndexChanged.connect(lambda _i: self.save_consent())
        for box in (self.people_consent, self.children_check, self.children_consent, self.children_blurred):
            box.toggled.connect(lambda _on: self.save_consent())
        self.consent_note.textChanged.connect(lambda _t: None if self._filling else self._note_timer.start())
        self.set_platforms(())
        self.show_media([])

    # -- what to show -----------------------------------------------------------------------
    def set_platforms(self, platforms: Sequence[Platform]) -> None:
        """The post's platforms (none chosen: a few common ones), for crops and counters."""
        chosen = tuple(dict.fromkeys(p for p in platforms if p is not Platform.MANUAL)) or DEFAULT_PLATFORMS
        if chosen == self._platforms:
            return
        self._platforms = chosen
        self._build_frames()
        self._show_alt_counters()

    def platforms(self) -> tuple[Platform, ...]:
        return self._platforms

    def _build_frames(self) -> None:
        for widget in [*self.frames, *self._captions]:
            widget.deleteLater()
        self.frames, self._captions = [], []
        placement_names = {
            Placement.FEED: self.tr("feed"),
            Placement.CAROUSEL: self.tr("carousel"),
            Placement.STORY: self.tr("story"),
            Placement.LINK_CARD: self.tr("link card"),
        }
        for index, group in enumerate(crop_groups(self._platforms)):
            names = ", ".join(platform_name(p) for p in group.platforms)
            if group.max_ratio == float("inf"):
                shape = self.tr("whole picture")
            elif group.min_ratio == group.max_ratio:
                shape = _ratio_text(group.min_ratio)
            else:
                shape = f"{_ratio_text(group.min_ratio)}–{_ratio_text(group.max_ratio)}"
            caption_text = f"{names}\n{placement_names[group.placement]} · {shape}"
            frame = CropFrame(group, caption_text.replace("\n", " — "))
            caption = QLabel(caption_text)
            caption.setTextFormat(Qt.TextFormat.PlainText)
            caption.setWordWrap(True)
            caption.setStyleSheet("color: #57606a; font-size: 11px;")
            column = index % 2
            row = (index // 2) * 2
            self._frames_layout.addWidget(frame, row, column, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
            self._frames_layout.addWidget(caption, row + 1, column, Qt.AlignmentFlag.AlignTop)
            self.frames.append(frame)
            self._captions.append(caption)
        self._frames_layout.setRowStretch(self._frames_layout.rowCount(), 1)
        self._update_frames()

    def current(self) -> MediaInfo | None:
        row = max(self.thumbnails.currentRow(), 0)
        return self._items[row] if 0 <= row < len(self._items) else None

    def show_media(self, items: list[MediaInfo]) -> None:
        """Show ``items``; decoding happens in a worker thread, newest request wins."""
        self._generation += 1
        self._items = list(items)
        self._images = {}
        self._metadata = {}
        self.thumbnails.clear()
        self.preview.setPixmap(QPixmap())
        if not items:
            self.thumbnails.hide()
            self.preview.setText(self.tr("No media for this post."))
            self.details.clear()
            self.editor.hide()
            self.frames_box.hide()
            return
        self.preview.setText(self.tr("Loading…"))
        self.thumbnails.setVisible(len(items) > 1)
        placeholder = _placeholder_icon()
        for item in items:
            entry = QListWidgetItem(placeholder, item.original_name)
            entry.setToolTip(item.alt_text)
            self.thumbnails.addItem(entry)
        self._show_details(items[0])
        self._fill_editor(items[0])
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
            if not item.is_image:
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
        if self.thumbnails.currentRow() < 0 and self.thumbnails.count():
            self.thumbnails.setCurrentRow(0)
        for item in items:
            if item.is_image:
                found = await in_thread(_metadata, self._media_dir / item.relative_path)
                if not alive(self) or generation != self._generation:
                    return
                self._metadata[item.id] = found
                current = self.current()
                if current is not None and current.id == item.id:
                    self._show_metadata(item)

    async def wait_loaded(self) -> None:
        """Until every image of the current items is decoded and its metadata read."""
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
        self.preview.set_focal(item.focal_x, item.focal_y)
        if image is not None and not image.isNull():
            self._set_preview(image)
        elif not item.is_image:
            self.preview.setPixmap(QPixmap())
            self.preview.setText(self.tr("Video: {name}").format(name=item.original_name))
        elif image is not None:
            self.preview.setPixmap(QPixmap())
            self.preview.setText(self.tr("This file cannot be previewed."))
        self._show_details(item)
        if self.alt_edit.property("media_id") != item.id:
            self._fill_editor(item)
        self._update_frames()

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

    def _update_frames(self) -> None:
        item = self.current()
        image = self._images.get(item.id) if item is not None else None
        usable = item is not None and image is not None and not image.isNull()
        self.frames_box.setVisible(bool(self._items) and (item is None or item.is_image))
        for frame in self.frames:
            frame.set_image(image if usable and image is not None else QImage(), self.preview.focal)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._show_current(self.thumbnails.currentRow() if self.thumbnails.currentRow() >= 0 else 0)

    # -- focal point --------------------------------------------------------------------------
    def _focal_moved(self, x: float, y: float) -> None:
        for frame in self.frames:
            frame.set_focal((x, y))

    def save_focal(self, x: float, y: float) -> None:
        item = self.current()
        if item is None or self._facts is None:
            return
        self._replace(self._facts.set_focal(item.id, x, y))

    # -- alt text ---------------------------------------------------------------------------
    def _fill_editor(self, item: MediaInfo) -> None:
        self._filling = True
        try:
            # A video has consent facts too (KVKK covers video); alt text and metadata: images.
            self.editor.setVisible(True)
            for row in range(3):
                self._editor_layout.setRowVisible(row, item.is_image)
            self.editor.setEnabled(self._facts is not None)
            self.alt_edit.setProperty("media_id", item.id)
            if self.alt_edit.toPlainText() != item.alt_text:
                self.alt_edit.setPlainText(item.alt_text)
            self.people_combo.setCurrentIndex(self.people_combo.findData(item.shows_people))
            self.people_consent.setChecked(item.people_consent)
            self.children_check.setChecked(item.shows_children)
            self.children_consent.setChecked(item.children_consent)
            self.children_blurred.setChecked(item.children_blurred)
            self.consent_note.setText(item.consent_note)
            self._enable_consent_boxes()
            self._show_alt_counters()
            self._show_metadata(item)
        finally:
            self._filling = False

    def _alt_changed(self) -> None:
        self._show_alt_counters()
        if not self._filling:
            self._alt_timer.start()

    def _show_alt_counters(self) -> None:
        from kurum_masaustu.rules.alt_text import counts

        text = self.alt_edit.toPlainText()
        parts = []
        over = False
        for count in counts(text, self._platforms):
            name = platform_name(count.platform)
            if not count.supported:
                parts.append(self.tr("{platform}: not sent (no alt text field)").format(platform=name))
            elif count.limit is None:  # Instagram, Facebook: the platform states no limit
                parts.append(self.tr("{platform} {count} (no stated limit)").format(platform=name, count=count.used))
            else:
                parts.append(f"{name} {count.used}/{count.limit}" + (" ✖" if count.over else ""))
                over = over or count.over
        self.alt_counters.setText(" · ".join(parts))
        self.alt_counters.setStyleSheet("color: #b42318;" if over else "color: #57606a;")

    def save_alt_text(self) -> None:
        self._alt_timer.stop()
        media_id = self.alt_edit.property("media_id")
        if self._facts is None or not isinstance(media_id, int):
            return
        self._replace(self._facts.set_alt_text(media_id, self.alt_edit.toPlainText()))

    # -- metadata -----------------------------------------------------------------------------
    def _show_metadata(self, item: MediaInfo) -> None:
        if item.id not in self._metadata:
            self.metadata_label.setText(self.tr("Reading the file…"))
            return
        found = self._metadata[item.id]
        if found is None:
            self.metadata_label.setText(self.tr("The file's metadata could not be read."))
        elif not found:
            self.metadata_label.setText(self.tr("Nothing: the file carries no metadata."))
        else:
            self.metadata_label.setText(
                self.tr("Removed before publishing: {items}").format(
                    items=", ".join(self._metadata_name(f) for f in found)
                )
            )

    def _metadata_name(self, label: str) -> str:
        """The pipeline names what it removes in Turkish; the UI says it in its language."""
        names = {
            "GPS konumu": self.tr("GPS location"),
            "Kamera modeli": self.tr("camera model"),
            "Objektif bilgisi": self.tr("lens"),
            "Cihaz seri numarası": self.tr("device serial number"),
            "Çekim tarihi ve saati": self.tr("date and time taken"),
            "Çekim ayarları (pozlama, diyafram, ISO)": self.tr("exposure settings"),
            "Sahip ve telif bilgisi": self.tr("owner and copyright"),
            "Açıklama ve yorumlar": self.tr("descriptions and comments"),
            "Düzenleme yazılımı": self.tr("editing software"),
            "Üreticiye özel kamera notları": self.tr("maker notes"),
            "Gömülü küçük önizleme": self.tr("embedded thumbnail"),
            "Döndürme bilgisi (görsele uygulanır)": self.tr("orientation (applied to the picture)"),
            "Diğer EXIF bilgileri": self.tr("other EXIF data"),
            "XMP bilgileri": self.tr("XMP data"),
            "IPTC bilgileri": self.tr("IPTC data"),
            "Renk profili (sRGB'ye dönüştürülür)": self.tr("colour profile (converted to sRGB)"),
            "Metin notları ve yorumlar": self.tr("text notes"),
            "Derinlik haritası": self.tr("depth map"),
            "Ek kareler": self.tr("extra frames"),
        }
        return names.get(label, label)

    # -- consent ------------------------------------------------------------------------------
    def _enable_consent_boxes(self) -> None:
        people = self.people_combo.currentData() is True
        self.people_consent.setEnabled(people)
        self.children_check.setEnabled(people)
        children = people and self.children_check.isChecked()
        self.children_consent.setEnabled(children)
        self.children_blurred.setEnabled(children)

    def consent(self) -> Consent:
        from kurum_masaustu.services.media_facts import Consent

        people = self.people_combo.currentData()
        shows = people if isinstance(people, bool) else None
        children = bool(shows) and self.children_check.isChecked()
        return Consent(
            shows_people=shows,
            people_consent=bool(shows) and self.people_consent.isChecked(),
            shows_children=children,
            children_consent=children and self.children_consent.isChecked(),
            children_blurred=children and self.children_blurred.isChecked(),
            note=self.consent_note.text(),
        )

    def save_consent(self) -> None:
        self._note_timer.stop()
        if self._filling:
            return
        self._enable_consent_boxes()
        media_id = self.alt_edit.property("media_id")
        if self._facts is None or not isinstance(media_id, int):
            return
        self._replace(self._facts.set_consent(media_id, self.consent()))

    def flush(self) -> None:
        """Save what is still waiting for its pause in typing (alt text, consent note)."""
        if self._alt_timer.isActive():
            self.save_alt_text()
        if self._note_timer.isActive():
            self.save_consent()

    def _replace(self, info: MediaInfo | None) -> None:
        if info is None:
            return
        self._items = [info if m.id == info.id else m for m in self._items]
        row = next((i for i, m in enumerate(self._items) if m.id == info.id), -1)
        if row >= 0 and self.thumbnails.item(row) is not None:
            self.thumbnails.item(row).setToolTip(info.alt_text)
        current = self.current()
        if current is not None and current.id == info.id:
            self._show_details(info)
        self.media_updated.emit(info)
