"""`redpair roster …` exactly as the contract says: keys, exit codes, nothing written on error."""

from __future__ import annotations

import json

import openpyxl

from tests.cli.test_cli import assert_no_traceback, redpair
from tests.conftest import HEADERS, valid_id

DAPING = "大坪供电所党支部"
MEMBER_KEYS = {
    "name", "branch", "gender", "ethnicity", "birth_date", "id_number_masked", "education",
    "joined_on", "confirmed_on", "category", "party_post", "employer", "position",
    "supply_service", "phone", "status",
}  # fmt: skip


def members(data_dir, *args):
    result = redpair("roster", "list", "--json", *args, data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["members"]


def test_list_gives_every_key_with_nulls_for_missing(demo_data_dir):
    daping = members(demo_data_dir, "--branch", DAPING)
    assert len(daping) == 15
    assert all(set(m) == MEMBER_KEYS for m in daping)
    chen = next(m for m in daping if m["name"] == "陈振波")
    assert chen["branch"] == "中共国网通城县供电公司大坪供电所支部委员会"
    assert chen["id_number_masked"] is None
    assert isinstance(chen["supply_service"], bool)
    assert members(demo_data_dir, "--branch", chen["branch"]) == daping


def test_an_unknown_branch_is_exit_1(demo_data_dir):
    result = redpair("roster", "list", "--json", "--branch", "没有的支部", data_dir=demo_data_dir)
    assert result.returncode == 1
    assert "没有的支部" in json.loads(result.stdout)["error"]


def test_import_dry_run_then_real(demo_data_dir, make_xlsx):
    rows = [HEADERS, ["赵六", "男", "1985-06-07", valid_id("42128119850607333"), "正式党员",
                      DAPING, "2010-01-01", "2011-01-01"]]  # fmt: skip
    path = make_xlsx(rows)
    dry = redpair("roster", "import", str(path), "--dry-run", "--json", data_dir=demo_data_dir)
    assert dry.returncode == 0
    payload = json.loads(dry.stdout)
    assert {"ok", "imported", "updated", "errors"} <= set(payload)
    assert (payload["ok"], payload["imported"], payload["updated"]) == (True, 1, 0)
    assert len(members(demo_data_dir, "--branch", DAPING)) == 15
    real = redpair("roster", "import", str(path), "--json", data_dir=demo_data_dir)
    assert json.loads(real.stdout)["imported"] == 1
    assert len(members(demo_data_dir, "--branch", DAPING)) == 16


def test_import_errors_are_exit_1_with_rows_and_columns(demo_data_dir, make_xlsx):
    rows = [HEADERS, ["赵六", "男", "1985-06-07", "421281198506073330", "正式党员", DAPING,
                      "2010-01-01", "2009-01-01"]]  # fmt: skip
    result = redpair("roster", "import", str(make_xlsx(rows)), "--json", data_dir=demo_data_dir)
    assert result.returncode == 1
    assert_no_traceback(result)
    errors = json.loads(result.stdout)["errors"]
    assert {(e["row"], e["column"]) for e in errors} >= {(2, "公民身份号码")}
    assert all(set(e) == {"row", "column", "message"} for e in errors)
    assert len(members(demo_data_dir, "--branch", DAPING)) == 15


def test_import_of_a_file_that_is_not_excel(demo_data_dir, tmp_path):
    path = tmp_path / "not.xlsx"
    path.write_bytes(b"\x00\x01 not a zip")
    result = redpair("roster", "import", str(path), "--json", data_dir=demo_data_dir)
    assert result.returncode == 1
    assert_no_traceback(result)
    assert json.loads(result.stdout)["errors"][0]["row"] == 0


def test_map_option(demo_data_dir, make_xlsx):
    path = make_xlsx([["名", "类", "支部名称"], ["钱七", "群众", DAPING]])
    args = ["roster", "import", str(path), "--json", "--map", "名=姓名", "--map", "类=人员类别",
            "--map", "支部名称=所在党支部"]  # fmt: skip
    result = redpair(*args, data_dir=demo_data_dir)
    assert result.returncode == 0, result.stdout
    bad = redpair("roster", "import", str(path), "--map", "名", data_dir=demo_data_dir)
    assert bad.returncode == 1 and "表头=字段" in bad.stderr


def test_export_masks_ids_unless_with_id(demo_data_dir, make_xlsx, tmp_path):
    full_id = valid_id("42128119850607333")
    redpair("roster", "import", str(make_xlsx([HEADERS, ["赵六", "男", None, full_id, "群众",
            DAPING, None, None]])), data_dir=demo_data_dir)  # fmt: skip
    masked, full = tmp_path / "m.xlsx", tmp_path / "f.xlsx"
    assert (
        redpair(
            "roster", "export", str(masked), "--branch", DAPING, data_dir=demo_data_dir
        ).returncode
        == 0
    )
    redpair("roster", "export", str(full), "--branch", DAPING, "--with-id", data_dir=demo_data_dir)

    def cells(path):
        workbook = openpyxl.load_workbook(path, read_only=True)
        values = {str(v) for row in workbook.worksheets[0].iter_rows(values_only=True) for v in row}
        workbook.close()
        return values

    assert full_id in cells(full)
    assert full_id not in cells(masked)
    assert len([r for r in openpyxl.load_workbook(full).worksheets[0].iter_rows()]) == 17


def test_template(demo_data_dir, tmp_path):
    path = tmp_path / "t.xlsx"
    result = redpair("roster", "template", str(path), data_dir=demo_data_dir)
    assert result.returncode == 0
    sheet = openpyxl.load_workbook(path).worksheets[0]
    assert sheet["A1"].value == "姓名" and sheet.freeze_panes == "A2"


def test_export_to_a_missing_folder_is_one_plain_sentence(demo_data_dir, tmp_path):
    out = tmp_path / "gone" / "roster.xlsx"
    for command in (("export", str(out)), ("template", str(out))):
        result = redpair("roster", *command, data_dir=demo_data_dir)
        assert result.returncode == 1
        assert_no_traceback(result)
        assert result.stderr.strip().count("\n") == 0 and "不存在" in result.stderr
        assert "Excel" not in result.stderr
    assert not (tmp_path / "gone").exists()


def dai_lei(id_number: str | None) -> list[object]:
    return ["戴磊", "男", "1978-11-28", id_number, "正式党员", DAPING, "2005-07-01", "2006-07-01"]


def import_json(data_dir, path):
    result = redpair("roster", "import", str(path), "--json", data_dir=data_dir)
    assert_no_traceback(result)
    payload = json.loads(result.stdout)
    assert {"ok", "imported", "updated", "errors"} <= set(payload)
    assert all(set(e) == {"row", "column", "message"} for e in payload["errors"])
    return result.returncode, payload


def test_namesakes_are_never_merged(demo_data_dir, make_xlsx):
    ids = [valid_id(f"42128119781128{n:03d}") for n in (11, 23, 35)]
    two = make_xlsx([HEADERS, dai_lei(ids[0]), dai_lei(ids[1])])
    code, payload = import_json(demo_data_dir, two)
    assert (code, payload["imported"], payload["updated"]) == (0, 2, 0)
    code, payload = import_json(demo_data_dir, make_xlsx([HEADERS, dai_lei(ids[2])]))
    assert (code, payload["imported"], payload["updated"]) == (0, 1, 0)  # a third namesake
    code, payload = import_json(demo_data_dir, two)
    assert (code, payload["imported"], payload["updated"]) == (0, 0, 2)
    code, payload = import_json(demo_data_dir, make_xlsx([HEADERS, dai_lei(None)]))
    assert code == 1 and not payload["ok"]
    [error] = payload["errors"]
    assert (error["row"], error["column"]) == (2, "姓名") and "3 人" in error["message"]
    daping = [m for m in members(demo_data_dir, "--branch", DAPING) if m["name"] == "戴磊"]
    assert len(daping) == 3


def test_every_problem_in_one_pass_and_file_level_ones_say_so(demo_data_dir, make_xlsx):
    rows = [HEADERS, ["赵六", "男", "1985-06-07", "421281198506073330", "正式党员",
                      "大坪供电所党支布", "2010-01-01", None]]  # fmt: skip
    code, payload = import_json(demo_data_dir, make_xlsx(rows))
    assert code == 1
    assert {(e["row"], e["column"]) for e in payload["errors"]} == {
        (2, "公民身份号码"), (2, "所在党支部")
    }  # fmt: skip
    missing = make_xlsx([["姓名", "所在党支部"], ["张三", DAPING]])
    code, payload = import_json(demo_data_dir, missing)
    assert code == 1 and {(e["row"], e["column"]) for e in payload["errors"]} == {(0, "")}
    text = redpair("roster", "import", str(missing), data_dir=demo_data_dir)
    assert "文件：缺少必需的列" in text.stdout + text.stderr
    assert "第 0 行" not in text.stdout + text.stderr
