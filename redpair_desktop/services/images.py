"""Storing photos (Pillow), shared by every feature that keeps them. The original is kept byte
for byte as ``photos/originals/<sha256>.<ext>``; an upright display copy (EXIF orientation
applied, at most ``DISPLAY_EDGE`` pixels a side) and a thumbnail are stored beside it as JPEG.

A file is judged by its content, never by its name. Refused with a ``UserError``, nothing
stored: an empty file, a file over ``MAX_PHOTO_BYTES``, anything but a JPEG or PNG image, an
image over ``MAX_PHOTO_PIXELS`` (read from the header, before any pixel is decoded: a
decompression bomb never unpacks), a damaged or cut-off image.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import math
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps

from redpair_desktop.domain.errors import UserError
from redpair_desktop.files import write_file
from redpair_desktop.i18n import _

PHOTO_DIR = "photos"
MB = 1024 * 1024
MAX_PHOTO_BYTES = 40 * MB
MAX_PHOTO_PIXELS = 100_000_000  # a 108-megapixel phone camera is the largest in common use
DISPLAY_EDGE = 2000  # half a 12-megapixel photo's 4000 px: JPEG decodes it at 1/2 scale
THUMBNAIL_EDGE = 320
FORMATS = {"JPEG": "jpg", "PNG": "png"}
_SWAPS_SIDES = {5, 6, 7, 8}  # EXIF orientations that turn the picture by 90°


@dataclass(frozen=True)
class PreparedImage:
    data: bytes
    sha256: str
    extension: str
    width: int  # upright
    height: int
    display: bytes
    thumbnail: bytes


@dataclass(frozen=True)
class StoredImage:
    sha256: str
    original_path: str  # relative to the data folder
    display_path: str
    thumbnail_path: str
    width: int
    height: int
    size: int  # bytes of the original

    def columns(self) -> dict[str, object]:
        """The values of a photo row's storage columns (named as these fields)."""
        return dataclasses.asdict(self)


def store_photo(data_dir: Path, path: Path) -> StoredImage:
    """Check the photo at ``path`` and store its three files under ``data_dir``."""
    return store_prepared(data_dir, prepare_photo(path))


def prepare_photo(path: Path) -> PreparedImage:
    """Read and check the photo at ``path``; its display copy and thumbnail made."""
    return prepare_bytes(_read(path), path.name)


def prepare_bytes(data: bytes, name: str) -> PreparedImage:
    """Check photo bytes (``name`` is what a refusal calls them)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # our limit below
            with Image.open(io.BytesIO(data)) as image:
                extension = _extension(image, name)
                if image.width * image.height > MAX_PHOTO_PIXELS:
                    raise Image.DecompressionBombError("too many pixels")
                turned = image.getexif().get(0x0112) in _SWAPS_SIDES  # Orientation
                width, height = (image.height, image.width) if turned else image.size
                display, thumbnail = _copies(image)
    except Image.DecompressionBombError as exc:
        raise UserError(
            _("“{name}”的图像尺寸过大（超过 {limit} 万像素），不能添加。请先缩小照片。",
              name=name, limit=MAX_PHOTO_PIXELS // 10_000)
        ) from exc  # fmt: skip
    except Image.UnidentifiedImageError as exc:
        raise UserError(
            _("“{name}”不是 JPEG 或 PNG 照片，不能添加。请把照片存为 JPEG 或 PNG 后再添加。",
              name=name)
        ) from exc  # fmt: skip
    except (OSError, SyntaxError, ValueError) as exc:
        raise UserError(
            _("“{name}”已损坏或不完整，不能添加。请重新导出照片后再添加。", name=name)
        ) from exc
    digest = hashlib.sha256(data).hexdigest()
    return PreparedImage(data, digest, extension, width, height, display, thumbnail)


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


def _extension(image: Image.Image, name: str) -> str:
    extension = FORMATS.get(image.format or "")
    if extension is None:
        raise Image.UnidentifiedImageError(name)
    return extension


def _copies(image: Image.Image) -> tuple[bytes, bytes]:
    """The upright display copy and thumbnail, as JPEG. A 12-megapixel photo is decoded once,
    at half scale, and turned and converted in place: no full-size copy is made."""
    if image.format == "JPEG":  # decode at a fraction of the size, at least the display's
        fit = DISPLAY_EDGE / max(image.size)
        image.draft("RGB", (math.ceil(image.width * fit), math.ceil(image.height * fit)))
    ImageOps.exif_transpose(image, in_place=True)
    image.thumbnail((DISPLAY_EDGE, DISPLAY_EDGE))
    display = _on_white(image)
    thumbnail = _fitted(display, THUMBNAIL_EDGE)
    return _jpeg(display, 85, optimize=False), _jpeg(thumbnail, 80)


def _fitted(image: Image.Image, edge: int) -> Image.Image:
    """``image`` made at most ``edge`` pixels a side (as ``Image.thumbnail``, into a new image)."""
    scale = edge / max(image.size)
    if scale >= 1:
        return image
    size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
    return image.resize(size, Image.Resampling.BICUBIC, reducing_gap=2.0)


def _on_white(image: Image.Image) -> Image.Image:
    if image.mode in ("RGBA", "LA", "P"):
        rgba = image.convert("RGBA")
        paper = Image.new("RGB", rgba.size, "white")
        paper.paste(rgba, mask=rgba.getchannel("A"))
        return paper
    return image if image.mode == "RGB" else image.convert("RGB")


def _jpeg(image: Image.Image, quality: int, *, optimize: bool = True) -> bytes:
    """``optimize`` (a second pass for smaller Huffman tables) more than doubles the time a
    display copy takes to encode, about 8 ms of a 12-megapixel photo's 60, for 15–40 % fewer
    bytes: thumbnails take it, display copies do not."""
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality, optimize=optimize)
    return out.getvalue()


def thumbnail_path(sha256: str) -> str:
    """Where the thumbnail of the photo with this SHA-256 is, relative to the data folder."""
    return f"{PHOTO_DIR}/thumbnails/{sha256}.jpg"


def store_prepared(data_dir: Path, photo: PreparedImage) -> StoredImage:
    """Write the three files (a file already there is kept: same content, same name)."""
    files = (
        (f"{PHOTO_DIR}/originals/{photo.sha256}.{photo.extension}", photo.data),
        (f"{PHOTO_DIR}/display/{photo.sha256}.jpg", photo.display),
        (thumbnail_path(photo.sha256), photo.thumbnail),
    )
    for relative, data in files:
        target = data_dir / relative
        if not target.exists():
            write_file(target, data, keep_existing=True)
    return StoredImage(
        photo.sha256,
        files[0][0],
        files[1][0],
        files[2][0],
        photo.width,
        photo.height,
        len(photo.data),
    )
