"""Photos of an activity (Pillow). The original is kept byte for byte as
``photos/originals/<sha256>.<ext>``; an upright display copy (EXIF orientation applied, at most
``DISPLAY_EDGE`` pixels a side) and a thumbnail are stored beside it as JPEG.

A file is judged by its content, never by its name. Refused, with nothing stored: an empty file,
a file over ``MAX_PHOTO_BYTES``, anything but a JPEG or PNG image, an image over
``MAX_PHOTO_PIXELS`` (read from the header, before any pixel is decoded: a decompression bomb
never unpacks), a damaged or cut-off image, the same photo twice in one activity.
"""

from __future__ import annotations

import hashlib
import io
import uuid
import warnings
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PIL import Image, ImageOps
from sqlalchemy import Select, select

from redpair_desktop.db.activities.models import ActivityPhoto
from redpair_desktop.db.database import Database
from redpair_desktop.domain.errors import UserError
from redpair_desktop.files import write_file
from redpair_desktop.i18n import _
from redpair_desktop.services.activities.records import get_activity, now

PHOTO_DIR = "photos"
MB = 1024 * 1024
MAX_PHOTO_BYTES = 40 * MB
MAX_PHOTO_PIXELS = 100_000_000  # a 108-megapixel phone camera is the largest in common use
DISPLAY_EDGE = 2048
THUMBNAIL_EDGE = 320
FORMATS = {"JPEG": "jpg", "PNG": "png"}
MAX_CAPTION = 200
_SWAPS_SIDES = {5, 6, 7, 8}  # EXIF orientations that turn the picture by 90°


@dataclass(frozen=True)
class PhotoRow:
    id: uuid.UUID
    activity_id: uuid.UUID
    caption: str
    sha256: str
    original_path: str  # relative to the data folder
    display_path: str
    thumbnail_path: str
    width: int  # upright
    height: int
    size: int
    added_by: str
    added_at: datetime


@dataclass(frozen=True)
class _Prepared:
    data: bytes
    sha256: str
    extension: str
    width: int
    height: int
    display: bytes
    thumbnail: bytes


def add_photo(
    db: Database, data_dir: Path, activity_id: uuid.UUID, path: Path, caption: str = ""
) -> PhotoRow:
    """Check the photo, store its three files under ``data_dir`` and record it."""
    caption = " ".join(caption.split())
    if len(caption) > MAX_CAPTION:
        raise UserError(_("照片说明最多 {limit} 个字。", limit=MAX_CAPTION))
    with db.read() as session:
        get_activity(session, activity_id)
    photo = _prepare(path)
    _refuse_duplicate(db, activity_id, photo, path)
    paths = _store(data_dir, photo)
    with db.write() as session:
        get_activity(session, activity_id)
        row = ActivityPhoto(
            activity_id=activity_id,
            caption=caption,
            sha256=photo.sha256,
            original_path=paths[0],
            display_path=paths[1],
            thumbnail_path=paths[2],
            width=photo.width,
            height=photo.height,
            size=len(photo.data),
        )
        session.add(row)
        session.flush()
        return _row(row)


def photos(db: Database, activity_id: uuid.UUID) -> list[PhotoRow]:
    """The activity's photos in the order they were added."""
    with db.read() as session:
        get_activity(session, activity_id)
        rows = session.scalars(_live(activity_id).order_by(ActivityPhoto.id))
        return [_row(row) for row in rows]


def set_caption(db: Database, photo_id: uuid.UUID, caption: str) -> None:
    caption = " ".join(caption.split())
    if len(caption) > MAX_CAPTION:
        raise UserError(_("照片说明最多 {limit} 个字。", limit=MAX_CAPTION))
    with db.write() as session:
        _photo(session.get(ActivityPhoto, photo_id), photo_id).caption = caption


def remove_photo(db: Database, photo_id: uuid.UUID) -> None:
    """Withdraw a photo from the activity (its row is kept, marked; its files stay)."""
    with db.write() as session:
        _photo(session.get(ActivityPhoto, photo_id), photo_id).deleted_at = now(session)


# --- checking and converting ----------------------------------------------------------------


def _prepare(path: Path) -> _Prepared:
    data = _read(path)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # our limit below
            with Image.open(io.BytesIO(data)) as image:
                extension = _extension(image, path)
                if image.width * image.height > MAX_PHOTO_PIXELS:
                    raise Image.DecompressionBombError("too many pixels")
                turned = image.getexif().get(0x0112) in _SWAPS_SIDES  # Orientation
                width, height = (image.height, image.width) if turned else image.size
                display, thumbnail = _copies(image)
    except Image.DecompressionBombError as exc:
        raise UserError(
            _("“{name}”的图像尺寸过大（超过 {limit} 万像素），不能添加。请先缩小照片。",
              name=path.name, limit=MAX_PHOTO_PIXELS // 10_000)
        ) from exc  # fmt: skip
    except Image.UnidentifiedImageError as exc:
        raise UserError(
            _("“{name}”不是 JPEG 或 PNG 照片，不能添加。请把照片存为 JPEG 或 PNG 后再添加。",
              name=path.name)
        ) from exc  # fmt: skip
    except (OSError, SyntaxError, ValueError) as exc:
        raise UserError(
            _("“{name}”已损坏或不完整，不能添加。请重新导出照片后再添加。", name=path.name)
        ) from exc
    digest = hashlib.sha256(data).hexdigest()
    return _Prepared(data, digest, extension, width, height, display, thumbnail)


def _read(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size == 0:
            raise UserError(_("“{name}”是空文件（0 字节），不能添加。", name=path.name))
        if size > MAX_PHOTO_BYTES:
            raise UserError(
                _("“{name}”有 {size} MB，超过了 {limit} MB 的上限。请先压缩照片。",
                  name=path.name, size=size // MB, limit=MAX_PHOTO_BYTES // MB)
            )  # fmt: skip
        return path.read_bytes()
    except OSError as exc:
        raise UserError(
            _("无法读取“{path}”：{reason}", path=path, reason=exc.strerror or exc)
        ) from exc


def _extension(image: Image.Image, path: Path) -> str:
    extension = FORMATS.get(image.format or "")
    if extension is None:
        raise Image.UnidentifiedImageError(path.name)
    return extension


def _copies(image: Image.Image) -> tuple[bytes, bytes]:
    """The upright display copy and thumbnail, as JPEG."""
    if image.format == "JPEG":
        image.draft("RGB", (DISPLAY_EDGE, DISPLAY_EDGE))  # decode at a fraction of the size
    upright = ImageOps.exif_transpose(image)
    upright.thumbnail((DISPLAY_EDGE, DISPLAY_EDGE))
    display = _on_white(upright)
    thumbnail = display.copy()
    thumbnail.thumbnail((THUMBNAIL_EDGE, THUMBNAIL_EDGE))
    return _jpeg(display, 85), _jpeg(thumbnail, 80)


def _on_white(image: Image.Image) -> Image.Image:
    if image.mode in ("RGBA", "LA", "P"):
        rgba = image.convert("RGBA")
        paper = Image.new("RGB", rgba.size, "white")
        paper.paste(rgba, mask=rgba.getchannel("A"))
        return paper
    return image.convert("RGB")


def _jpeg(image: Image.Image, quality: int) -> bytes:
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality, optimize=True)
    return out.getvalue()


# --- storing --------------------------------------------------------------------------------


def _refuse_duplicate(db: Database, activity_id: uuid.UUID, photo: _Prepared, path: Path) -> None:
    with db.read() as session:
        if session.scalars(_live(activity_id).where(ActivityPhoto.sha256 == photo.sha256)).first():
            raise UserError(_("“{name}”这张照片已经添加过了。", name=path.name))


def _store(data_dir: Path, photo: _Prepared) -> tuple[str, str, str]:
    """Write the three files (a file already there is kept: same content, same name)."""
    files = (
        (f"{PHOTO_DIR}/originals/{photo.sha256}.{photo.extension}", photo.data),
        (f"{PHOTO_DIR}/display/{photo.sha256}.jpg", photo.display),
        (f"{PHOTO_DIR}/thumbnails/{photo.sha256}.jpg", photo.thumbnail),
    )
    for relative, data in files:
        target = data_dir / relative
        if not target.exists():
            write_file(target, data, keep_existing=True)
    return files[0][0], files[1][0], files[2][0]


def _live(activity_id: uuid.UUID) -> Select[ActivityPhoto]:
    return select(ActivityPhoto).where(
        ActivityPhoto.activity_id == activity_id, ActivityPhoto.deleted_at.is_(None)
    )


def _photo(row: ActivityPhoto | None, photo_id: uuid.UUID) -> ActivityPhoto:
    if row is None or row.deleted_at is not None:
        raise UserError(_("找不到编号为 {id} 的照片。", id=photo_id))
    return row


def _row(row: ActivityPhoto) -> PhotoRow:
    return PhotoRow(
        id=row.id,
        activity_id=row.activity_id,
        caption=row.caption,
        sha256=row.sha256,
        original_path=row.original_path,
        display_path=row.display_path,
        thumbnail_path=row.thumbnail_path,
        width=row.width,
        height=row.height,
        size=row.size,
        added_by=row.created_by,
        added_at=row.created_at,
    )
