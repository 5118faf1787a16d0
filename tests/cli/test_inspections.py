"""``redpair inspection list``, ``asset list`` and ``measure list``, run as a real process on
the demo data: the exact keys of the contract, plain text without --json, clear refusals."""

from __future__ import annotations

import json

import pdfplumber
from pypdf import PdfReader

from tests.cli.test_cli import assert_no_traceback, redpair

KINDS = {"line", "pole", "public_transformer", "dedicated_transformer"}


def _json(*args, data_dir):
    result = redpair(*args, "--json", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_inspection_list_json_gives_the_reference_inspection(demo_data_dir):
    payload = _json("inspection", "list", data_dir=demo_data_dir)
    assert set(payload) == {"inspections"}
    rows = payload["inspections"]
    assert all({"id", "template", "station", "date", "score", "findings"} <= set(r) for r in rows)
    reference = next(r for r in rows if r["date"] == "2024-03-26")
    assert reference["template"] == "办公环境、日常管理、后勤安全"
    assert reference["station"] == "大坪供电所党支部"
    assert isinstance(reference["score"], float) and reference["findings"] == 2
    assert len(reference["id"]) == 36


def test_inspection_list_prints_a_line_per_inspection(demo_data_dir, tmp_path):
    result = redpair("inspection", "list", data_dir=demo_data_dir)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 2 and lines[1].startswith(
        "2024-03-26\t大坪供电所党支部\t“党建+安全”现场检查"
    )
    assert "问题 2 项" in lines[1]
    empty = tmp_path / "empty"
    empty.mkdir()
    nothing = redpair("inspection", "list", data_dir=empty)
    assert nothing.returncode == 0 and "还没有检查记录" in nothing.stdout


def test_asset_list_json_by_line_has_the_exact_kinds(demo_data_dir):
    payload = _json("asset", "list", "--line", "内冲线", data_dir=demo_data_dir)
    assert set(payload) == {"assets"}
    assets = payload["assets"]
    assert all({"id", "kind", "name", "line"} <= set(row) for row in assets)
    assert {row["kind"] for row in assets} == KINDS
    assert [row["kind"] for row in assets].count("pole") == 128
    assert {row["line"] for row in assets} == {"10 kV 内冲线"}
    assert len(_json("asset", "list", data_dir=demo_data_dir)["assets"]) == 137


def test_an_unknown_line_is_refused_clearly(demo_data_dir):
    result = redpair("asset", "list", "--line", "外冲线", data_dir=demo_data_dir)
    assert result.returncode == 1
    assert "没有名为“外冲线”的线路" in result.stderr
    assert_no_traceback(result)


def test_measure_list_and_the_overdue_ones(demo_data_dir):
    measures = _json("measure", "list", data_dir=demo_data_dir)["measures"]
    assert {m["status"] for m in measures} == {"in_progress", "done"}
    assert all(m["owner"] == "综合服务中心党支部" and m["co_owner"] == "大坪供电所党支部"
               for m in measures)  # fmt: skip
    (overdue,) = _json("measure", "list", "--overdue", data_dir=demo_data_dir)["measures"]
    assert (overdue["category"], overdue["due"], overdue["overdue"]) == (
        "vague_assessment", "2024-06-30", True,
    )  # fmt: skip
    text = redpair("measure", "list", "--overdue", data_dir=demo_data_dir).stdout
    assert text.startswith("进行中\t期限 2024-06-30（已逾期）\t考核不细\t")


def test_inspection_pdf_of_the_demo_through_the_cli(demo_data_dir, tmp_path):
    out = tmp_path / "检查记录.pdf"
    payload = _json("inspection", "pdf", "demo", str(out), data_dir=demo_data_dir)
    assert payload == {
        "ok": True, "path": str(out), "inspection_id": payload["inspection_id"], "blank": False,
        "items": 30, "flagged": 2, "photos": 2, "signatures": 2,
    }  # fmt: skip
    text = pdf_text(out)
    assert "大坪供电所" in text and all(
        part in text for part in ("办公环境", "日常管理", "后勤安全")
    )
    sections = text.index("（一）办公环境")
    flagged = ("绩效考核细则具体到岗位和台区，按月兑现", "工作票、操作票填写规范，按月统计合格率")
    assert all(0 < text.index(item) < sections for item in flagged)
    assert text.index("考核不细") < sections and text.index("台账不规范") < sections
    with pdfplumber.open(out) as document:
        assert sum(len(page.images) for page in document.pages) == 2 + 2  # photos, signatures


def test_the_blank_checklist_through_the_cli(demo_data_dir, tmp_path):
    out = tmp_path / "blank.pdf"
    payload = _json("inspection", "pdf", "demo", str(out), "--blank", data_dir=demo_data_dir)
    assert payload["blank"] is True and payload["items"] == 30 and payload["photos"] == 0
    text = pdf_text(out)
    assert text.count("□符合") == 30 and "工作票、操作票填写规范，按月统计合格率" in text
    assert len(PdfReader(out).pages[0].images) == 0
    plain = redpair("inspection", "pdf", "demo", str(out), "--blank", data_dir=demo_data_dir)
    assert plain.returncode == 0 and plain.stdout.strip() == f"已生成检查记录：{out}"


def test_an_unknown_inspection_is_refused_plainly(demo_data_dir, tmp_path):
    out = tmp_path / "x.pdf"
    for ref in ("nonsense", "00000000-0000-0000-0000-000000000000"):
        result = redpair("inspection", "pdf", ref, str(out), data_dir=demo_data_dir)
        assert result.returncode == 1 and result.stderr.strip(), ref
        assert_no_traceback(result)
        assert not out.exists()
    assert (
        "“nonsense”不是检查编号"
        in redpair("inspection", "pdf", "nonsense", str(out), data_dir=demo_data_dir).stderr
    )


def pdf_text(path):
    return "".join("".join(page.extract_text() for page in PdfReader(path).pages).split())
