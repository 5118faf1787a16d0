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


def _image(kind: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "white").save(buffer, format=kind)
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
    assert (
        _refused(data_dir, path)
        == "“agreement.pdf”不是 PDF、PNG 或 JPEG 文件，不能作为扫描件导入。"
    )


def test_an_image_too_large_is_refused_from_its_header(data_dir, tmp_path, monkeypatch):
    def no_decoding(*args, **kwargs):
        raise AssertionError("the pixels were decoded")

    monkeypatch.setattr(Image.Image, "load", no_decoding)
    message = _refused(data_dir, _file(tmp_path, "huge.png", _huge_png()))
    assert message == "“huge.png”的图像尺寸过大，不能导入。请用较低的分辨率重新扫描。"


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


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("cut.pdf", two_page_pdf()[:200]),
        ("cut.png", _image("PNG")[:40]),
        ("cut.jpg", _image("JPEG")[:60]),
    ],
)
def test_a_damaged_scan_is_refused(data_dir, tmp_path, name, data):
    assert _refused(data_dir, _file(tmp_path, name, data)) == f"“{name}”已损坏或不完整，不能导入。"


def test_a_missing_file_is_refused_plainly(tmp_path):
    with pytest.raises(UserError, match="无法读取"):
        inspect_scan(tmp_path / "nowhere.png")
