"""Scans of the paper agreement: judged by their bytes, stored under their hash, or refused with
a plain message and nothing stored."""

from __future__ import annotations

import hashlib
import io
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image

from redpair_desktop.domain.errors import UserError
from redpair_desktop.services.agreements import scans
from redpair_desktop.services.agreements.scans import inspect_scan, store_scan

from .pdfs import encrypted_pdf, two_page_pdf


def _image(kind: str, size: tuple[int, int] = (40, 30)) -> bytes:
    buffer = io.BytesIO()
    Image.effect_noise(size, 64).convert("RGB").save(buffer, format=kind)
    return buffer.getvalue()


def _png_chunk(kind: bytes, payload: bytes) -> bytes:
    checksum = zlib.crc32(kind + payload)
    return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", checksum)


def _huge_png() -> bytes:
    """A PNG whose header claims 100000×100000 pixels, with one tiny compressed row."""
    header = struct.pack(">IIBBBBB", 100_000, 100_000, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", zlib.compress(b"\0" * 301))
        + _png_chunk(b"IEND", b"")
    )


def _huge_jpeg() -> bytes:
    """A small JPEG whose frame header claims 60000×60000 pixels."""
    data = bytearray(_image("JPEG"))
    frame = data.index(b"\xff\xc0") + 5  # marker, length, precision: then height, width
    data[frame : frame + 4] = struct.pack(">HH", 60_000, 60_000)
    return bytes(data)


def _file(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "data", "kind", "pages"),
    [
        ("scan.png", _image("PNG"), "png", 1),
        ("scan.jpeg", _image("JPEG"), "jpg", 1),
        ("scan.pdf", two_page_pdf(), "pdf", 2),
    ],
)
def test_a_scan_is_accepted_and_stored_under_its_hash(data_dir, tmp_path, name, data, kind, pages):
    facts, stored = store_scan(data_dir, _file(tmp_path, name, data))
    digest = hashlib.sha256(data).hexdigest()
    assert (facts.kind, facts.sha256, facts.pages, facts.size) == (kind, digest, pages, len(data))
    assert stored == data_dir / "scans" / f"{digest}.{kind}"
    assert stored.read_bytes() == data


def test_the_same_scan_twice_is_stored_once(data_dir, tmp_path):
    source = _file(tmp_path, "scan.pdf", two_page_pdf())
    first = store_scan(data_dir, source)
    assert store_scan(data_dir, source) == first
    assert len(list((data_dir / "scans").iterdir())) == 1


def _refused(data_dir: Path, path: Path) -> str:
    with pytest.raises(UserError) as refusal:
        store_scan(data_dir, path)
    assert not (data_dir / "scans").exists() or not any((data_dir / "scans").iterdir())
    message = str(refusal.value)
    assert "Traceback" not in message and "Error" not in message
    return message


def test_a_text_file_named_pdf_is_refused(data_dir, tmp_path):
    path = _file(tmp_path, "agreement.pdf", "这是一段文字，不是扫描件。".encode())
    assert _refused(data_dir, path) == (
        "“agreement.pdf”不是 PDF、PNG 或 JPEG 文件，不能作为扫描件导入。"
        "请把扫描件存为 PDF、PNG 或 JPEG 后再导入。"
    )


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("scan.gif", _image("GIF")),
        ("scan.tiff", _image("TIFF")),
        ("agreement.docx", b"PK\x03\x04" + b"\0" * 200),
        ("scan.png", _image("BMP")),
    ],
)
def test_other_kinds_of_file_are_refused_whatever_their_name(data_dir, tmp_path, name, data):
    assert _refused(data_dir, _file(tmp_path, name, data)).startswith(
        f"“{name}”不是 PDF、PNG 或 JPEG 文件"
    )


def test_an_empty_file_is_refused(data_dir, tmp_path):
    assert _refused(data_dir, _file(tmp_path, "scan.pdf", b"")) == (
        "“scan.pdf”是空文件（0 字节），不能导入。请选择扫描得到的文件。"
    )


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [("scan.pdf", _image("PNG"), "png"), ("scan.png", _image("JPEG"), "jpg")],
)
def test_an_image_with_the_wrong_extension_is_stored_as_what_it_is(
    data_dir, tmp_path, name, data, kind
):
    facts, stored = store_scan(data_dir, _file(tmp_path, name, data))
    assert facts.kind == kind and stored.suffix == f".{kind}"


def test_an_image_too_large_is_refused_from_its_header(data_dir, tmp_path, monkeypatch):
    def no_decoding(*args, **kwargs):
        raise AssertionError("the pixels were decoded")

    huge = {"huge.png": _huge_png(), "huge.jpg": _huge_jpeg()}
    monkeypatch.setattr(Image.Image, "load", no_decoding)
    for name, data in huge.items():
        message = _refused(data_dir, _file(tmp_path, name, data))
        assert message == f"“{name}”的图像尺寸过大，不能导入。请用较低的分辨率重新扫描。"


def test_an_image_just_over_the_pixel_limit_is_refused(data_dir, tmp_path, monkeypatch):
    monkeypatch.setattr(scans, "MAX_IMAGE_PIXELS", 40 * 30 - 1)
    assert "图像尺寸过大" in _refused(data_dir, _file(tmp_path, "scan.png", _image("PNG")))


def test_an_encrypted_pdf_is_refused(data_dir, tmp_path):
    message = _refused(data_dir, _file(tmp_path, "locked.pdf", encrypted_pdf()))
    assert message == "“locked.pdf”已加密，不能导入。请导入未加密的扫描件。"


def test_a_file_over_the_size_limit_is_refused(data_dir, tmp_path, monkeypatch):
    monkeypatch.setattr(scans, "MAX_SCAN_BYTES", 2 * 1024 * 1024)
    big = _file(tmp_path, "big.pdf", two_page_pdf() + b"\0" * (3 * 1024 * 1024))
    assert (
        _refused(data_dir, big)
        == "“big.pdf”有 3 MB，超过了 2 MB 的上限。请用较低的分辨率重新扫描。"
    )


PDF = two_page_pdf()


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("cut.pdf", PDF[:200]),
        ("cut-half.pdf", PDF[: len(PDF) // 2]),
        ("cut-end.pdf", PDF[: PDF.rindex(b"%%EOF")]),
        ("header-only.pdf", b"%PDF-1.4\n"),
        ("cut.png", _image("PNG")[:40]),
        ("cut-end.png", _image("PNG", (400, 300))[:-30]),
        ("cut.jpg", _image("JPEG")[:60]),
        ("cut-end.jpg", _image("JPEG", (400, 300))[:-200]),
    ],
)
def test_a_damaged_scan_is_refused(data_dir, tmp_path, name, data):
    assert _refused(data_dir, _file(tmp_path, name, data)) == (
        f"“{name}”已损坏或不完整，不能导入。请重新扫描或重新导出后再导入。"
    )


def test_a_missing_file_is_refused_plainly(tmp_path):
    with pytest.raises(UserError, match="无法读取"):
        inspect_scan(tmp_path / "nowhere.png")
