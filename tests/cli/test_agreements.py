"""`redpair agreement pdf PAIRING OUT.pdf`: the demo agreement, exit codes, nothing half-written."""

from __future__ import annotations

import json

import pypdf

from tests.cli.test_cli import assert_no_traceback, redpair


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
    record_id = json.loads(first.stdout)["record_id"]
    again = redpair("agreement", "pdf", record_id, str(tmp_path / "b.pdf"), "--json",
                    data_dir=demo_data_dir)  # fmt: skip
    assert again.returncode == 0
    assert json.loads(again.stdout)["content_hash"] == json.loads(first.stdout)["content_hash"]


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
