"""`redpair verify FILE.pdf` as a user runs it: exit 0 only for the agreement on record, exit 3
with plain problems otherwise (also for a file that cannot be read), keys as the contract says."""

from __future__ import annotations

import json

from tests.cli.test_cli import assert_no_traceback, redpair
from tests.services.agreements.pdfs import RECORD, signed_pdf

KEYS = {"ok", "record_id", "version", "content_hash", "signed_by", "signed_at", "problems"}


def test_a_signed_pdf_without_a_record_on_file_is_exit_3(data_dir):
    path = signed_pdf(data_dir)  # signed with this data folder's own key
    result = redpair("verify", str(path), "--json", data_dir=data_dir)
    assert result.returncode == 3, result.stderr
    payload = json.loads(result.stdout)
    assert set(payload) == KEYS
    assert payload["ok"] is False
    assert (payload["record_id"], payload["version"], payload["content_hash"]) == (
        RECORD.record_id,
        RECORD.version,
        RECORD.content_hash,
    )
    assert "test-pc" in payload["signed_by"] and payload["signed_at"]
    assert payload["problems"] == [
        f"记录 {RECORD.record_id} 不在本数据库中：无法确认这是登记过的协议。"
    ]
    assert_no_traceback(result)


def test_the_text_answer_names_the_record_and_the_problem(data_dir):
    path = signed_pdf(data_dir)
    result = redpair("verify", str(path), data_dir=data_dir)
    assert result.returncode == 3
    assert "校验未通过：signed.pdf" in result.stdout
    assert RECORD.record_id in result.stdout and "不在本数据库中" in result.stdout


def test_a_file_that_is_not_a_pdf_is_exit_3_with_a_plain_message(data_dir, tmp_path):
    path = tmp_path / "agreement.pdf"
    path.write_text("只是一段文字", encoding="utf-8")
    result = redpair("verify", str(path), "--json", data_dir=data_dir)
    assert result.returncode == 3
    payload = json.loads(result.stdout)
    assert set(payload) == KEYS
    assert payload["problems"] == ["这不是 PDF 文件。"]
    assert_no_traceback(result)


def test_a_missing_file_is_exit_3_saying_it_cannot_be_read(data_dir, tmp_path):
    """Not verified is not verified: a script checking ``verify`` gets 3 whatever the cause,
    and the problem says the file could not be read (not that it was altered)."""
    missing = tmp_path / "nowhere.pdf"
    result = redpair("verify", str(missing), "--json", data_dir=data_dir)
    assert result.returncode == 3
    (problem,) = json.loads(result.stdout)["problems"]
    assert problem.startswith(f"无法读取“{missing}”")
    text = redpair("verify", str(missing), data_dir=data_dir)
    assert text.returncode == 3 and "无法读取" in text.stdout
    assert_no_traceback(result)
    assert_no_traceback(text)
