"""Bad input to `redpair agreement pdf|scan-import`, as a user would give it: a plain message that
says what to do, exit 1, no traceback, and nothing stored — no scan row, no file in the data
folder, the version's status unchanged, no agreement version for a pairing that cannot print."""

from __future__ import annotations

import io
import sqlite3
import struct
import zlib

import pytest
from PIL import Image
from sqlalchemy import select

from redpair_desktop.db.org.models import Branch
from redpair_desktop.paths import DATABASE_FILE
from redpair_desktop.services.agreements.builder import REFERENCE_STATION, agreement_document
from redpair_desktop.services.org.branch_info import branch_info, save_branch_info
from redpair_desktop.services.workspace import open_workspace
from tests.cli.test_cli import assert_no_traceback, redpair
from tests.services.agreements.pdfs import encrypted_pdf, two_page_pdf


def _jpeg(size: tuple[int, int]) -> bytes:
    buffer = io.BytesIO()
    Image.effect_noise(size, 64).convert("RGB").save(buffer, format="JPEG")
    return buffer.getvalue()


def _huge_png() -> bytes:
    """A 200-byte PNG whose header claims 100000×100000 pixels: a decompression bomb."""

    def chunk(kind: bytes, payload: bytes) -> bytes:
        return (
            struct.pack(">I", len(payload))
            + kind
            + payload
            + struct.pack(">I", zlib.crc32(kind + payload))
        )

    header = struct.pack(">IIBBBBB", 100_000, 100_000, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 301))
        + chunk(b"IEND", b"")
    )


PDF = two_page_pdf()
BAD_SCANS = {
    "not a scan": (
        "协议书.pdf",
        "只是一段文字".encode(),
        "不是 PDF、PNG 或 JPEG 文件",
        "请把扫描件存为",
    ),
    "empty": ("scan.pdf", b"", "是空文件", "请选择扫描得到的文件"),
    "truncated PDF": ("scan.pdf", PDF[: len(PDF) // 2], "已损坏或不完整", "请重新扫描"),
    "PDF without its end": (
        "scan.pdf",
        PDF[: PDF.rindex(b"%%EOF")],
        "已损坏或不完整",
        "请重新扫描",
    ),
    "encrypted PDF": ("locked.pdf", encrypted_pdf(), "已加密", "请导入未加密的扫描件"),
    "huge image": ("huge.png", _huge_png(), "图像尺寸过大", "请用较低的分辨率重新扫描"),
    "cut-off JPEG": ("scan.jpg", _jpeg((400, 300))[:-200], "已损坏或不完整", "请重新扫描"),
}


@pytest.fixture
def recorded(demo_data_dir):
    """The demo data folder with the reference agreement recorded as version 1 (a draft)."""
    workspace = open_workspace(demo_data_dir)
    try:
        agreement_document(workspace.db, "demo")
    finally:
        workspace.close()
    return demo_data_dir


def _rows(data_dir, sql):
    with sqlite3.connect(data_dir / DATABASE_FILE) as connection:
        return connection.execute(sql).fetchall()


def _assert_nothing_stored(data_dir):
    assert _rows(data_dir, "SELECT count(*) FROM agreement_scan") == [(0,)]
    assert _rows(data_dir, "SELECT status, signed_at FROM agreement_version") == [("draft", None)]
    assert not (data_dir / "scans").exists() or not any((data_dir / "scans").iterdir())


def _assert_refused(result, *words):
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    for word in words:
        assert word in output
    assert_no_traceback(result)
    assert "CAUTION" not in output and "Warning" not in output  # no library chatter


@pytest.mark.parametrize("case", list(BAD_SCANS))
def test_a_bad_scan_is_refused_plainly_and_nothing_is_stored(recorded, tmp_path, case):
    name, data, problem, what_to_do = BAD_SCANS[case]
    path = tmp_path / name
    path.write_bytes(data)
    result = redpair("agreement", "scan-import", "demo", str(path), data_dir=recorded)
    _assert_refused(result, f"“{name}”", problem, what_to_do)
    _assert_nothing_stored(recorded)


def test_a_png_named_pdf_is_imported_as_the_png_it_is(recorded, tmp_path):
    path = tmp_path / "scan.pdf"
    Image.new("RGB", (40, 30), "white").save(path, format="PNG")
    result = redpair("agreement", "scan-import", "demo", str(path), data_dir=recorded)
    assert result.returncode == 0, result.stdout + result.stderr
    (stored,) = _rows(recorded, "SELECT stored_path, kind FROM agreement_scan")
    assert stored[0].endswith(".png") and stored[1] == "png"
    assert (recorded / stored[0]).read_bytes() == path.read_bytes()


def test_a_scan_for_a_pairing_never_printed_is_refused(demo_data_dir, tmp_path):
    path = tmp_path / "scan.jpg"
    path.write_bytes(_jpeg((40, 30)))
    result = redpair("agreement", "scan-import", "demo", str(path), data_dir=demo_data_dir)
    _assert_refused(result, "还没有生成过协议书", "请先生成协议书 PDF")
    assert _rows(demo_data_dir, "SELECT count(*) FROM agreement_version") == [(0,)]
    assert not (demo_data_dir / "scans").exists()


def _remove_secretary(data_dir, short_name):
    workspace = open_workspace(data_dir)
    try:
        with workspace.db.read() as session:
            branch_id = session.scalar(select(Branch.id).where(Branch.short_name == short_name))
        info = branch_info(workspace.db, branch_id)
        save_branch_info(workspace.db, branch_id, secretary_id=None,
                         description=info.description or "", goal=info.goal or "")  # fmt: skip
    finally:
        workspace.close()


def test_a_pairing_without_a_secretary_prints_nothing_and_records_nothing(demo_data_dir, tmp_path):
    _remove_secretary(demo_data_dir, REFERENCE_STATION)
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "agreement.pdf"
    result = redpair("agreement", "pdf", "demo", str(out), data_dir=demo_data_dir)
    _assert_refused(result, f"“{REFERENCE_STATION}”还没有书记", "请先在党支部信息中指定书记")
    assert not list(out.parent.iterdir())
    assert _rows(demo_data_dir, "SELECT count(*) FROM agreement_version") == [(0,)]
