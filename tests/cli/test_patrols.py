"""``redpair patrol list`` and ``patrol pdf``, run as a real process on the demo data: the exact
keys of the contract, the PDF written and read back, clear refusals."""

from __future__ import annotations

from pypdf import PdfReader

from tests.cli.test_cli import assert_no_traceback, redpair
from tests.cli.test_inspections import _json


def test_patrol_list_json_gives_the_demo_patrol(demo_data_dir):
    payload = _json("patrol", "list", data_dir=demo_data_dir)
    assert set(payload) == {"patrols"}
    (row,) = payload["patrols"]
    assert set(row) == {"id", "line", "date", "patroller", "status", "defects"}
    assert (row["line"], row["date"], row["status"], row["defects"]) == (
        "10 kV 内冲线", "2024-03-26", "open", 2,
    )  # fmt: skip
    text = redpair("patrol", "list", data_dir=demo_data_dir).stdout
    assert text.startswith("2024-03-26\t10 kV 内冲线\t") and "缺陷 2 处" in text


def test_patrol_pdf_of_the_demo_and_its_blank_sheet(demo_data_dir, tmp_path):
    out = tmp_path / "巡视记录.pdf"
    payload = _json("patrol", "pdf", "demo", str(out), data_dir=demo_data_dir)
    assert (payload["ok"], payload["assets"], payload["defects"]) == (True, 136, 2)
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert "内冲线巡视记录" in text and "鸟窝" in text
    blank = tmp_path / "空白.pdf"
    result = redpair("patrol", "pdf", "demo", str(blank), "--blank", data_dir=demo_data_dir)
    assert result.returncode == 0 and "已生成巡视记录" in result.stdout
    assert "巡视记录表" in "".join(page.extract_text() for page in PdfReader(blank).pages)


def test_a_patrol_that_is_not_there_is_refused_clearly(demo_data_dir, tmp_path):
    for ref, words in (("37", "“37”不是巡视编号"),
                       ("0190e6c4-0000-7000-8000-000000000000", "找不到编号为")):  # fmt: skip
        result = redpair("patrol", "pdf", ref, str(tmp_path / "x.pdf"), data_dir=demo_data_dir)
        assert result.returncode == 1 and words in result.stderr
        assert_no_traceback(result)
    assert not (tmp_path / "x.pdf").exists()
