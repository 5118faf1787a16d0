"""Importing roster spreadsheets: all or nothing, every problem named by row and column."""

from __future__ import annotations

import zipfile
from datetime import date

import pytest
from sqlalchemy import func, select

from redpair_desktop.db.change_log import ChangeLogEntry
from redpair_desktop.db.rosters.models import Membership, Person
from redpair_desktop.services.info import database_info
from redpair_desktop.services.rosters.importer import import_roster
from redpair_desktop.services.rosters.query import load_roster, member_dicts
from tests.conftest import HEADERS, valid_id

DAPING = "大坪供电所党支部"
DAPING_SEAL = "中共国网通城县供电公司大坪供电所支部委员会"


def people_count(workspace) -> int:
    with workspace.db.read() as session:
        return session.scalar(select(func.count()).select_from(Person))


def good_rows() -> list[list[object]]:
    return [
        HEADERS,
        ["王𠮷", "男", "1990-01-01", valid_id("42128119900101123"), "正式党员", DAPING,
         "2015/7/1", "2016.07.01"],
        ["阿依古丽•买买提", "女", "1992年3月5日", valid_id("42128119920305124"), "预备党员",
         DAPING_SEAL, date(2024, 7, 1), None],
        ["李四", None, None, None, "群众", DAPING, None, None],
    ]  # fmt: skip


def test_a_good_file_is_imported_and_a_second_time_updates(demo_workspace, make_xlsx):
    path = make_xlsx(good_rows())
    before = people_count(demo_workspace)
    first = import_roster(demo_workspace.db, path)
    assert first.ok, first.errors
    assert (first.imported, first.updated) == (3, 0)
    assert people_count(demo_workspace) == before + 3
    second = import_roster(demo_workspace.db, path)
    assert (second.imported, second.updated) == (0, 3)
    assert people_count(demo_workspace) == before + 3


def test_imported_values_are_normalised_and_logged(demo_workspace, make_xlsx):
    import_roster(demo_workspace.db, make_xlsx(good_rows()))
    members = {m["name"]: m for m in member_dicts(load_roster(demo_workspace.db))}
    ayi = members["阿依古丽·买买提"]  # the bullet became a middle dot
    assert ayi["branch"] == DAPING_SEAL
    assert ayi["birth_date"] == "1992-03-05"
    assert ayi["joined_on"] == "2024-07-01"
    assert ayi["category"] == "预备党员"
    assert ayi["id_number_masked"].startswith("4212") and "*" in ayi["id_number_masked"]
    wang = members["王𠮷"]
    assert (wang["joined_on"], wang["confirmed_on"]) == ("2015-07-01", "2016-07-01")
    with demo_workspace.db.read() as session:
        person = session.scalars(select(Person).where(Person.name == "王𠮷")).first()
        logged = session.scalar(select(func.count()).where(ChangeLogEntry.entity_id == person.id))
        assert person.name_initials == "w"
    assert logged == 1


def test_counts_follow_an_import(demo_workspace, make_xlsx):
    import_roster(demo_workspace.db, make_xlsx(good_rows()))
    snapshot = load_roster(demo_workspace.db)
    daping = [i for i in range(len(snapshot)) if snapshot.columns["branch"][i] == DAPING_SEAL]
    assert len(daping) == 15 + 3


def test_dry_run_reports_the_same_and_writes_nothing(demo_workspace, make_xlsx):
    before = database_info(demo_workspace.db)
    report = import_roster(demo_workspace.db, make_xlsx(good_rows()), dry_run=True)
    assert report.ok and report.imported == 3
    assert database_info(demo_workspace.db) == before


def assert_refused(workspace, report, row: int, column: str, *words: str) -> None:
    before = people_count(workspace)
    assert not report.ok
    matching = [e for e in report.errors if e.row == row and e.column == column]
    assert matching, report.errors
    for word in words:
        assert word in matching[0].message, matching[0].message
    assert people_count(workspace) == before


def test_one_bad_row_and_nothing_is_written(demo_workspace, make_xlsx):
    rows = good_rows()
    rows[2][3] = rows[2][3][:-1] + ("0" if rows[2][3][-1] != "0" else "1")  # wrong check char
    report = import_roster(demo_workspace.db, make_xlsx(rows))
    assert_refused(demo_workspace, report, 3, "公民身份号码", "校验")
    with demo_workspace.db.read() as session:
        assert session.scalar(select(func.count()).where(Person.name == "王𠮷")) == 1  # demo's


@pytest.mark.parametrize(
    ("column", "value", "words"),
    [
        ("出生日期", "1990-02-30", ("出生日期",)),
        ("转正日期", "2010-01-01", ("转正",)),
        ("所在党支部", "不存在的党支部", ("不存在的党支部",)),
        ("人员类别", "党外人士", ("人员类别",)),
        ("公民身份号码", 421281199001011230, ("数字",)),
    ],
)
def test_bad_cells_are_named(demo_workspace, make_xlsx, column, value, words):
    rows = good_rows()
    rows[1][HEADERS.index(column)] = value
    report = import_roster(demo_workspace.db, make_xlsx(rows))
    assert_refused(demo_workspace, report, 2, column, *words)


def test_duplicate_ids_within_the_file(demo_workspace, make_xlsx):
    rows = good_rows()
    rows[3][3] = rows[1][3]
    rows[3][2] = "1990-01-01"
    report = import_roster(demo_workspace.db, make_xlsx(rows))
    assert_refused(demo_workspace, report, 4, "公民身份号码", "第 2 行")


def test_header_variants_and_extra_columns(demo_workspace, make_xlsx):
    rows = [["用户姓名", "党员类型", "所属党支部", "身份证号码", "入党时间", "手机号", "备注"],
            ["赵六", "正式党员", DAPING, valid_id("42128119850607333"), "2010-01-01",
             "13912345678", "x"]]  # fmt: skip
    report = import_roster(demo_workspace.db, make_xlsx(rows))
    assert report.ok, report.errors
    assert any("备注" in w for w in report.warnings)
    member = next(m for m in member_dicts(load_roster(demo_workspace.db)) if m["name"] == "赵六")
    assert member["phone"] == "13912345678"


def test_a_title_row_above_the_headers_is_skipped(demo_workspace, make_xlsx):
    rows = [["大坪供电所党员花名册"], *good_rows()]
    report = import_roster(demo_workspace.db, make_xlsx(rows))
    assert report.ok and report.imported == 3


def test_a_manual_mapping(demo_workspace, make_xlsx):
    rows = [["名", "类", "支部名称"], ["钱七", "群众", DAPING]]
    refused = import_roster(demo_workspace.db, make_xlsx(rows))
    assert not refused.ok
    mapping = {"名": "姓名", "类": "人员类别", "支部名称": "所在党支部"}
    report = import_roster(demo_workspace.db, make_xlsx(rows), mapping=mapping)
    assert report.ok and report.imported == 1


@pytest.mark.parametrize(
    ("rows", "words"),
    [
        ([["Name", "Category", "Branch"], ["Zhang San", "member", DAPING]], ("姓名", "--map")),
        ([["姓名", "所在党支部"], ["张三", DAPING]], ("人员类别",)),
        ([], ("空",)),
        ([HEADERS], ("没有数据",)),
    ],
)
def test_files_with_the_wrong_shape(demo_workspace, make_xlsx, rows, words):
    report = import_roster(demo_workspace.db, make_xlsx(rows))
    assert not report.ok
    message = " ".join(e.message for e in report.errors)
    for word in words:
        assert word in message


def test_not_an_excel_file(demo_workspace, tmp_path):
    path = tmp_path / "roster.xlsx"
    path.write_text("姓名,人员类别\n张三,群众\n", encoding="utf-8")
    report = import_roster(demo_workspace.db, path)
    assert not report.ok and "不是 Excel" in report.errors[0].message


def test_a_truncated_file(demo_workspace, make_xlsx, tmp_path):
    data = make_xlsx(good_rows()).read_bytes()
    path = tmp_path / "cut.xlsx"
    path.write_bytes(data[: len(data) // 2])
    report = import_roster(demo_workspace.db, path)
    assert not report.ok and report.errors[0].row == 0


def test_an_entity_expansion_bomb_is_refused(demo_workspace, make_xlsx, tmp_path):
    source = make_xlsx(good_rows())
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        '<row r="1"><c r="A1" t="inlineStr"><is><t>&c;</t></is></c></row></sheetData></worksheet>'
    )
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(path, "w") as hostile:
        for item in original.infolist():
            data = original.read(item.filename)
            hostile.writestr(item, bomb if item.filename.endswith("sheet1.xml") else data)
    report = import_roster(demo_workspace.db, path)
    assert not report.ok and "实体扩展" in report.errors[0].message


def test_masked_ids_keep_the_stored_number(demo_workspace, make_xlsx):
    rows = good_rows()
    import_roster(demo_workspace.db, make_xlsx(rows))
    rows[1][3] = "4212**********1234"
    rows[1][2] = "1990-01-01"
    report = import_roster(demo_workspace.db, make_xlsx(rows))
    assert report.ok and report.updated == 3
    assert any("遮蔽" in w for w in report.warnings)
    with demo_workspace.db.read() as session:
        stored = session.scalar(
            select(Person.id_number).where(Person.id_number == valid_id("42128119900101123"))
        )
    assert stored is not None


def test_a_person_moved_in_the_file_is_transferred(demo_workspace, make_xlsx):
    path = make_xlsx(good_rows())
    import_roster(demo_workspace.db, path)
    rows = good_rows()
    rows[1][5] = "综合服务中心党支部"
    import_roster(demo_workspace.db, make_xlsx(rows))
    with demo_workspace.db.read() as session:
        person_id = session.scalar(
            select(Person.id).where(Person.id_number == valid_id("42128119900101123"))
        )
        reasons = session.scalars(
            select(Membership.end_reason).where(Membership.person_id == person_id)
        ).all()
    assert sorted(r or "" for r in reasons) == ["", "transferred"]


def test_every_problem_of_every_row_in_one_pass(demo_workspace, make_xlsx):
    rows = good_rows()
    rows[1][HEADERS.index("所在党支部")] = "大坪供电所党支布"  # a typo
    rows[1][HEADERS.index("转正日期")] = "2010-01-01"  # before 入党
    rows[2][HEADERS.index("所在党支部")] = "不存在的党支部"
    duplicate = list(rows[1])
    duplicate[HEADERS.index("所在党支部")] = DAPING
    duplicate[HEADERS.index("人员类别")] = "党外人士"
    duplicate[HEADERS.index("转正日期")] = "2016-07-01"
    rows.append(duplicate)  # row 5: the ID number of row 2, and a bad category
    before = people_count(demo_workspace)
    for dry_run in (True, False):
        report = import_roster(demo_workspace.db, make_xlsx(rows), dry_run=dry_run)
        assert {(e.row, e.column) for e in report.errors} == {
            (2, "转正日期"), (2, "所在党支部"), (3, "所在党支部"), (5, "人员类别"),
            (5, "公民身份号码"),
        }  # fmt: skip
        assert [e.row for e in report.errors] == sorted(e.row for e in report.errors)
        assert (report.imported, report.updated) == (0, 0)
    assert people_count(demo_workspace) == before
    assert "第 2 行" in next(e.message for e in report.errors if e.column == "公民身份号码")


@pytest.mark.parametrize(
    ("word", "category"), [("中共党员", "正式党员"), ("中共预备党员", "预备党员")]
)
def test_national_political_status_words_are_accepted(demo_workspace, make_xlsx, word, category):
    rows = [["姓名", "政治面貌", "所在党支部"], ["孙八", word, DAPING]]
    report = import_roster(demo_workspace.db, make_xlsx(rows))
    assert report.ok, report.errors
    member = next(m for m in member_dicts(load_roster(demo_workspace.db)) if m["name"] == "孙八")
    assert member["category"] == category


def test_file_level_problems_say_so(demo_workspace, make_xlsx, tmp_path):
    missing = import_roster(
        demo_workspace.db, make_xlsx([["姓名", "所在党支部"], ["张三", DAPING]])
    )
    empty = import_roster(demo_workspace.db, make_xlsx([HEADERS]))
    unreadable = import_roster(demo_workspace.db, tmp_path / "none.xlsx")
    for report in (missing, empty, unreadable):
        assert report.errors and all(e.is_file_level for e in report.errors), report.errors
        assert all((e.row, e.column) == (0, "") for e in report.errors)
    bad_cell = import_roster(demo_workspace.db, make_xlsx([HEADERS, ["", *good_rows()[3][1:]]]))
    assert not any(e.is_file_level for e in bad_cell.errors)
