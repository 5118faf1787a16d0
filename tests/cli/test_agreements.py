"""`redpair agreement pdf PAIRING OUT.pdf`: the demo agreement, signed and on record, exit codes,
nothing half-written; `redpair agreement scan-import PAIRING FILE`: the paper-first path."""

from __future__ import annotations

import hashlib
import json
import sqlite3

import pypdf
from PIL import Image

from redpair_desktop.paths import DATABASE_FILE
from tests.cli.test_cli import assert_no_traceback, redpair

SCAN_KEYS = {"ok", "sha256", "pages", "version", "stored", "imported_by", "imported_at"}


def test_the_demo_agreement_is_written(demo_data_dir, tmp_path):
    out = tmp_path / "agreement.pdf"
    result = redpair("agreement", "pdf", "demo", str(out), "--json", data_dir=demo_data_dir)
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["ok"] and len(payload["content_hash"]) == 64
    reader = pypdf.PdfReader(out)
    text = "".join(page.extract_text() for page in reader.pages).replace("\n", "")
    assert "中共国网咸宁供电公司综合服务中心支部委员会" in text
    assert "中共国网通城县供电公司大坪供电所支部委员会" in text and "陈振波" in text
    assert payload["record_id"] in reader.metadata.subject
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".~")]


def test_the_same_pairing_by_id(demo_data_dir, tmp_path):
    first = redpair("agreement", "pdf", "demo", str(tmp_path / "a.pdf"), "--json",
                    data_dir=demo_data_dir)  # fmt: skip
    pairing_id = json.loads(first.stdout)["pairing_id"]
    again = redpair("agreement", "pdf", pairing_id, str(tmp_path / "b.pdf"), "--json",
                    data_dir=demo_data_dir)  # fmt: skip
    assert again.returncode == 0
    assert json.loads(again.stdout)["content_hash"] == json.loads(first.stdout)["content_hash"]
    assert json.loads(again.stdout)["record_id"] == json.loads(first.stdout)["record_id"]


def test_an_unknown_pairing_is_exit_1(demo_data_dir, tmp_path):
    for ref in ("not-an-id", "01890000-0000-7000-8000-000000000000"):
        result = redpair("agreement", "pdf", ref, str(tmp_path / "x.pdf"), data_dir=demo_data_dir)
        assert result.returncode == 1 and ref in result.stdout + result.stderr
        assert_no_traceback(result)
    assert not (tmp_path / "x.pdf").exists()


def test_a_missing_folder_is_exit_1(demo_data_dir, tmp_path):
    out = tmp_path / "missing" / "a.pdf"
    result = redpair("agreement", "pdf", "demo", str(out), data_dir=demo_data_dir)
    assert result.returncode == 1 and "missing" in result.stdout + result.stderr
    assert_no_traceback(result)


def test_usage_errors_are_exit_2(demo_data_dir):
    assert redpair("agreement", "pdf", "demo", data_dir=demo_data_dir).returncode == 2


def _png(path):
    Image.new("RGB", (40, 30), "white").save(path, format="PNG")
    return path


def test_the_printed_agreement_verifies_and_a_changed_byte_does_not(demo_data_dir, tmp_path):
    out = tmp_path / "agreement.pdf"
    assert redpair("agreement", "pdf", "demo", str(out), data_dir=demo_data_dir).returncode == 0
    verified = redpair("verify", str(out), "--json", data_dir=demo_data_dir)
    assert verified.returncode == 0, verified.stdout
    assert json.loads(verified.stdout)["ok"] is True
    data = bytearray(out.read_bytes())
    middle = len(data) // 2
    data[middle] ^= 0x01
    changed = tmp_path / "changed.pdf"
    changed.write_bytes(bytes(data))
    result = redpair("verify", str(changed), "--json", data_dir=demo_data_dir)
    assert result.returncode == 3 and json.loads(result.stdout)["ok"] is False
    assert_no_traceback(result)


def _print(data_dir, out):
    return json.loads(
        redpair("agreement", "pdf", "demo", str(out), "--json", data_dir=data_dir).stdout
    )


def test_printing_unchanged_content_again_reuses_the_version(demo_data_dir, tmp_path):
    runs = [_print(demo_data_dir, tmp_path / name) for name in ("a.pdf", "b.pdf")]
    assert runs[0]["version"] == runs[1]["version"] == 1
    assert runs[0]["record_id"] == runs[1]["record_id"]
    for name in ("a.pdf", "b.pdf"):  # both printouts are the one on record
        assert redpair("verify", str(tmp_path / name), data_dir=demo_data_dir).returncode == 0


def test_a_scan_import_stores_the_hash_and_marks_the_version_signed(demo_data_dir, tmp_path):
    redpair("agreement", "pdf", "demo", str(tmp_path / "a.pdf"), data_dir=demo_data_dir)
    scan = _png(tmp_path / "signed.png")
    result = redpair("agreement", "scan-import", "demo", str(scan), "--json",
                     data_dir=demo_data_dir)  # fmt: skip
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    digest = hashlib.sha256(scan.read_bytes()).hexdigest()
    assert set(payload) == SCAN_KEYS
    assert (payload["sha256"], payload["pages"], payload["version"]) == (digest, 1, 1)
    assert (demo_data_dir / payload["stored"]).read_bytes() == scan.read_bytes()
    assert payload["imported_by"] and payload["imported_at"]
    with sqlite3.connect(demo_data_dir / DATABASE_FILE) as connection:
        assert connection.execute("SELECT sha256, page_count FROM agreement_scan").fetchall() == [
            (digest, 1)
        ]
        (status,) = connection.execute("SELECT status FROM agreement_version").fetchone()
    assert status == "signed_paper"
    text = redpair("agreement", "scan-import", "demo", str(scan), data_dir=demo_data_dir)
    assert digest in text.stdout and "已签署（纸质原件存档）" in text.stdout


def test_a_text_file_is_not_a_scan_and_nothing_is_recorded(demo_data_dir, tmp_path):
    redpair("agreement", "pdf", "demo", str(tmp_path / "a.pdf"), data_dir=demo_data_dir)
    text = tmp_path / "scan.pdf"
    text.write_text("只是一段文字", encoding="utf-8")
    result = redpair("agreement", "scan-import", "demo", str(text), data_dir=demo_data_dir)
    assert result.returncode == 1
    assert "“scan.pdf”不是 PDF、PNG 或 JPEG 文件" in result.stdout + result.stderr
    assert_no_traceback(result)
    with sqlite3.connect(demo_data_dir / DATABASE_FILE) as connection:
        assert connection.execute("SELECT count(*) FROM agreement_scan").fetchone() == (0,)
        assert connection.execute("SELECT status FROM agreement_version").fetchall() == [("draft",)]
    assert not (demo_data_dir / "scans").exists()
