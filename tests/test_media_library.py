"""The content-addressed media store: naming, de-duplication, format detection, rejection."""

from __future__ import annotations

import hashlib
import io
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from kurum_masaustu.domain import MediaType
from kurum_masaustu.media.library import MediaLibrary, UnsupportedMediaError
from kurum_masaustu.paths import Profile
from kurum_masaustu.store.models import MediaAsset


def _image_bytes(fmt: str, size: tuple[int, int] = (40, 20), orientation: int | None = None) -> bytes:
    image = Image.new("RGB", size, (30, 140, 90))
    out = io.BytesIO()
    if orientation is None:
        image.save(out, format=fmt)
    else:
        exif = Image.Exif()
        exif[0x0112] = orientation
        image.save(out, format=fmt, exif=exif.tobytes())
    return out.getvalue()


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


@pytest.fixture
def library(profile: Profile) -> MediaLibrary:
    return MediaLibrary(profile.media_dir)


@pytest.fixture
def session(session_factory: sessionmaker[Session]) -> Session:
    return session_factory()


def test_file_is_named_by_its_sha256(library: MediaLibrary, session: Session, profile: Profile) -> None:
    data = _image_bytes("PNG")
    asset = library.import_bytes(session, data, "afis.png", alt_text="Yeşil bir kare")
    session.commit()

    sha = hashlib.sha256(data).hexdigest()
    path = library.path_of(asset)
    assert asset.sha256 == sha
    assert path == profile.media_dir / sha[:2] / f"{sha}.png"
    assert path.read_bytes() == data
    assert (asset.media_type, asset.mime_type) == (MediaType.IMAGE, "image/png")
    assert (asset.width, asset.height, asset.size_bytes) == (40, 20, len(data))
    assert asset.original_name == "afis.png"
    assert asset.alt_text == "Yeşil bir kare"
    assert _files(profile.media_dir) == [path]  # no temp file left behind


def test_same_bytes_twice_give_one_row_and_one_file(
    library: MediaLibrary, session: Session, profile: Profile, tmp_path: Path
) -> None:
    data = _image_bytes("JPEG")
    first = library.import_bytes(session, data, "ilk.jpg")
    session.commit()
    source = tmp_path / "baska-ad.jpeg"
    source.write_bytes(data)
    second = library.import_file(session, source)
    session.commit()

    assert second.id == first.id
    assert second.original_name == "ilk.jpg"
    assert session.scalar(select(func.count()).select_from(MediaAsset)) == 1
    assert len(_files(profile.media_dir)) == 1


def test_missing_file_is_restored_on_reimport(library: MediaLibrary, session: Session) -> None:
    data = _image_bytes("PNG")
    asset = library.import_bytes(session, data, "a.png")
    session.commit()
    library.path_of(asset).unlink()

    again = library.import_bytes(session, data, "a.png")
    assert again.id == asset.id
    assert library.path_of(asset).read_bytes() == data


@pytest.mark.parametrize(("orientation", "expected"), [(1, (40, 20)), (3, (40, 20)), (6, (20, 40)), (8, (20, 40))])
def test_dimensions_are_as_displayed_after_exif_orientation(
    library: MediaLibrary, session: Session, orientation: int, expected: tuple[int, int]
) -> None:
    data = _image_bytes("JPEG", orientation=orientation)
    asset = library.import_bytes(session, data, "telefon.jpg")
    assert (asset.width, asset.height) == expected


def test_heic_from_a_phone_is_imported(library: MediaLibrary, session: Session) -> None:
    data = _image_bytes("HEIF", size=(64, 32), orientation=6)
    asset = library.import_bytes(session, data, "IMG_0042.HEIC")
    assert asset.mime_type == "image/heic"
    assert asset.media_type is MediaType.IMAGE
    assert (asset.width, asset.height) == (32, 64)
    assert library.path_of(asset).suffix == ".heic"


@pytest.mark.parametrize(
    ("fmt", "name", "mime", "suffix"),
    [
        ("PNG", "foto.jpg", "image/png", ".png"),
        ("JPEG", "foto.png", "image/jpeg", ".jpg"),
        ("WEBP", "foto.gif", "image/webp", ".webp"),
        ("GIF", "foto", "image/gif", ".gif"),
    ],
)
def test_mime_type_comes_from_content_not_extension(
    library: MediaLibrary, session: Session, fmt: str, name: str, mime: str, suffix: str
) -> None:
    asset = library.import_bytes(session, _image_bytes(fmt), name)
    assert asset.mime_type == mime
    assert library.path_of(asset).suffix == suffix


@pytest.mark.parametrize(
    ("brand", "mime", "suffix"),
    [(b"isom", "video/mp4", ".mp4"), (b"mp42", "video/mp4", ".mp4"), (b"qt  ", "video/quicktime", ".mov")],
)
def test_video_is_recognised_by_its_ftyp_box(
    library: MediaLibrary, session: Session, brand: bytes, mime: str, suffix: str
) -> None:
    data = b"\x00\x00\x00\x18ftyp" + brand + b"\x00\x00\x02\x00isommp41" + b"\x00" * 64
    asset = library.import_bytes(session, data, "tören.bin")
    assert (asset.media_type, asset.mime_type) == (MediaType.VIDEO, mime)
    assert (asset.width, asset.height) == (None, None)
    assert library.path_of(asset).suffix == suffix


def _truncated_jpeg() -> bytes:
    data = _image_bytes("JPEG", size=(400, 300))
    return data[: len(data) // 2]


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("bozuk.jpg", _truncated_jpeg()),
        ("not.jpg", "Bu bir resim değil.".encode()),
        ("ses.m4a", b"\x00\x00\x00\x18ftypM4A \x00\x00\x02\x00" + b"\x00" * 32),
        ("bos.png", b""),
        ("sifirlar.jpg", bytes(48)),
    ],
)
def test_unsupported_or_corrupt_file_leaves_nothing(
    library: MediaLibrary, session: Session, profile: Profile, tmp_path: Path, name: str, data: bytes
) -> None:
    source = tmp_path / name
    source.write_bytes(data)
    with pytest.raises(UnsupportedMediaError) as caught:
        library.import_file(session, source)
    assert caught.value.path == source
    assert caught.value.reason
    assert _files(profile.media_dir) == []
    assert session.scalar(select(func.count()).select_from(MediaAsset)) == 0


def test_bmp_is_rejected_even_though_pillow_reads_it(library: MediaLibrary, session: Session) -> None:
    out = io.BytesIO()
    Image.new("RGB", (4, 4)).save(out, format="BMP")
    with pytest.raises(UnsupportedMediaError):
        library.import_bytes(session, out.getvalue(), "resim.bmp")


def test_camera_mpo_is_stored_as_jpeg(library: MediaLibrary, session: Session) -> None:
    out = io.BytesIO()
    frames = [Image.new("RGB", (30, 10), "blue"), Image.new("RGB", (30, 10), "red")]
    frames[0].save(out, format="MPO", save_all=True, append_images=frames[1:])
    asset = library.import_bytes(session, out.getvalue(), "DSC0001.JPG")
    assert asset.mime_type == "image/jpeg"
    assert (asset.width, asset.height) == (30, 10)


def test_missing_source_raises_unsupported(library: MediaLibrary, session: Session, tmp_path: Path) -> None:
    with pytest.raises(UnsupportedMediaError) as caught:
        library.import_file(session, tmp_path / "yok.jpg")
    assert caught.value.path == tmp_path / "yok.jpg"


def test_importing_the_module_does_not_import_pillow() -> None:
    code = "import sys, kurum_masaustu.media.library; sys.exit('PIL' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
