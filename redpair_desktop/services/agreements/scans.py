"""The paper-first path: a scan of the signed and sealed agreement (PDF, PNG or JPEG),
checked and copied into the data folder as ``scans/<sha256>.<ext>``.

A file is judged by its first bytes, never by its name (a PNG named ``.pdf`` is a PNG and is
stored as one). Refused, with nothing copied: an empty file, any other kind of file, an
encrypted or damaged PDF, a file over ``MAX_SCAN_BYTES``, an image over ``MAX_IMAGE_PIXELS``
(read from the header, before any pixel is decoded), a damaged or cut-off image (a JPEG is
decoded at an eighth of its size to find out: its whole data is read, little memory is used).
"""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image
from pypdf import PdfReader
from pypdf.errors import PyPdfError

from redpair_desktop.domain.errors import UserError
from redpair_desktop.files import write_file
from redpair_desktop.i18n import _

SCAN_DIR = "scans"
MAX_SCAN_BYTES = 50 * 1024 * 1024
MAX_IMAGE_PIXELS = 100_000_000  # an A4 page at 1200 dpi is 140 million: 600 dpi is plenty
MAGIC = {b"%PDF-": "pdf", b"\x89PNG\r\n\x1a\n": "png", b"\xff\xd8\xff": "jpg"}


@dataclass(frozen=True)
class ScanFacts:
    kind: str  # "pdf", "png" or "jpg": also the stored file's extension
    sha256: str
    pages: int
    size: int


def inspect_scan(path: Path) -> ScanFacts:
    """What the scan is, or a UserError saying plainly why it cannot be accepted."""
    data = _read(path)
    kind = _kind(data, path)
    pages = _pdf_pages(data, path) if kind == "pdf" else _check_image(path)
    return ScanFacts(kind, hashlib.sha256(data).hexdigest(), pages, len(data))


def store_scan(data_dir: Path, path: Path) -> tuple[ScanFacts, Path]:
    """Check the scan, then copy it into ``scans/`` (a scan already there is kept as is)."""
    facts = inspect_scan(path)
    target = data_dir / SCAN_DIR / f"{facts.sha256}.{facts.kind}"
    if not target.exists():
        write_file(target, path.read_bytes(), keep_existing=True)
    return facts, target


def _read(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size == 0:
            raise UserError(
                _("“{name}”是空文件（0 字节），不能导入。请选择扫描得到的文件。", name=path.name)
            )
        if size > MAX_SCAN_BYTES:
            raise UserError(
                _(
                    "“{name}”有 {size} MB，超过了 {limit} MB 的上限。请用较低的分辨率重新扫描。",
                    name=path.name,
                    size=size // (1024 * 1024),
                    limit=MAX_SCAN_BYTES // (1024 * 1024),
                )
            )
        return path.read_bytes()
    except OSError as exc:
        raise UserError(
            _("无法读取“{path}”：{reason}", path=path, reason=exc.strerror or exc)
        ) from exc


def _kind(data: bytes, path: Path) -> str:
    for magic, kind in MAGIC.items():
        if data.startswith(magic):
            return kind
    raise UserError(
        _(
            "“{name}”不是 PDF、PNG 或 JPEG 文件，不能作为扫描件导入。"
            "请把扫描件存为 PDF、PNG 或 JPEG 后再导入。",
            name=path.name,
        )
    )


def _pdf_pages(data: bytes, path: Path) -> int:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # pypdf warns about repairs it makes; they are fine
            reader = PdfReader(io.BytesIO(data), strict=True)
            if reader.is_encrypted:
                raise UserError(
                    _("“{name}”已加密，不能导入。请导入未加密的扫描件。", name=path.name)
                )
            pages = len(reader.pages)
    except (PyPdfError, ValueError, KeyError, TypeError) as exc:
        raise _damaged(path) from exc
    if pages == 0:
        raise _damaged(path)
    return pages


def _check_image(path: Path) -> int:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # our limit below
            with Image.open(path) as image:
                if image.width * image.height > MAX_IMAGE_PIXELS:
                    raise Image.DecompressionBombError("too many pixels")
                if image.format == "JPEG":
                    _decode_small(image)
                else:
                    image.verify()
    except Image.DecompressionBombError as exc:
        raise UserError(
            _("“{name}”的图像尺寸过大，不能导入。请用较低的分辨率重新扫描。", name=path.name)
        ) from exc
    except (OSError, SyntaxError, ValueError) as exc:
        raise _damaged(path) from exc
    return 1


def _decode_small(image: Image.Image) -> None:
    """Decode a JPEG at an eighth of its size: a cut-off or damaged file raises OSError
    (``verify`` reads only the header of a JPEG)."""
    image.draft("RGB", (image.width // 8, image.height // 8))
    image.load()


def _damaged(path: Path) -> UserError:
    return UserError(
        _("“{name}”已损坏或不完整，不能导入。请重新扫描或重新导出后再导入。", name=path.name)
    )
