"""Export, template and the round trip import → export → import, character for character."""

from __future__ import annotations

import errno
from pathlib import Path

import openpyxl
import pytest

from redpair_desktop.domain.errors import UserError
from redpair_desktop.domain.rosters.fields import ROSTER_FIELDS
from redpair_desktop.services.org.branches import branch_seal_names
from redpair_desktop.services.rosters.exporter import export_roster, write_template
from redpair_desktop.services.rosters.importer import import_roster
from redpair_desktop.services.rosters.query import load_roster, member_dicts
from tests.conftest import HEADERS, valid_id

DAPING = "大坪供电所党支部"
NAMES = [
    "王𠮷", "周𬌗", "刘䶮", "阿依古丽·买买提", "买买提•艾力", "古丽・热娜", "艾尔肯．吐尔逊",
    "迪丽‧热巴", "e\u0301mile",
]  # fmt: skip


def rows_with_names() -> list[list[object]]:
    rows = [HEADERS]
    for number, name in enumerate(NAMES):
        first17 = f"4212811990{number % 12 + 1:02d}{number % 28 + 1:02d}{number:03d}"
        rows.append([name, "女", None, valid_id(first17), "群众", DAPING, None, None])
    return rows


def sheet_rows(path):
    workbook = openpyxl.load_workbook(path, read_only=True)
    rows = [list(r) for r in workbook.worksheets[0].iter_rows(values_only=True)]
    workbook.close()
    return rows


def test_round_trip_keeps_every_character(demo_workspace, make_xlsx, tmp_path):
    report = import_roster(demo_workspace.db, make_xlsx(rows_with_names()))
    assert report.ok, report.errors
    exported = tmp_path / "out.xlsx"
    export_roster(load_roster(demo_workspace.db), exported, with_id=True)

    def members():
        return sorted(member_dicts(load_roster(demo_workspace.db)), key=lambda m: repr(m))

    before = members()
    again = import_roster(demo_workspace.db, exported)
    assert again.ok, again.errors[:3]
    assert again.imported == 0 and again.updated == len(before)
    after = members()
    assert after == before
    expected = {"王𠮷", "周𬌗", "刘䶮", "阿依古丽·买买提", "买买提·艾力", "古丽·热娜",
                "艾尔肯·吐尔逊", "迪丽·热巴", "émile"}  # fmt: skip
    assert expected <= {m["name"] for m in after}


def test_export_masks_id_numbers_unless_asked(demo_workspace, make_xlsx, tmp_path):
    import_roster(demo_workspace.db, make_xlsx(rows_with_names()))
    snapshot = load_roster(demo_workspace.db)
    masked, full = tmp_path / "masked.xlsx", tmp_path / "full.xlsx"
    export_roster(snapshot, masked)
    export_roster(snapshot, full, with_id=True)
    id_column = [f.key for f in ROSTER_FIELDS].index("id_number")
    full_ids = {r[id_column] for r in sheet_rows(full)[1:] if r[id_column]}
    masked_ids = {r[id_column] for r in sheet_rows(masked)[1:] if r[id_column]}
    assert len(full_ids) == len(NAMES)
    assert all("*" in value for value in masked_ids)
    assert not full_ids & masked_ids
    assert not any(i in masked.read_bytes().decode("latin-1") for i in full_ids)


def test_export_writes_headers_dates_and_a_frozen_header(demo_workspace, tmp_path):
    path = tmp_path / "all.xlsx"
    count = export_roster(load_roster(demo_workspace.db), path)
    workbook = openpyxl.load_workbook(path)
    sheet = workbook.worksheets[0]
    assert [c.value for c in sheet[1]] == [f.header for f in ROSTER_FIELDS]
    assert sheet.freeze_panes == "A2"
    assert sheet.max_row == count + 1
    birth = sheet.cell(row=2, column=4)
    assert birth.is_date and birth.number_format == "yyyy-mm-dd"


def test_the_template_has_lists_and_a_frozen_header(demo_workspace, tmp_path):
    path = tmp_path / "template.xlsx"
    write_template(path, branch_seal_names(demo_workspace.db))
    workbook = openpyxl.load_workbook(path)
    sheet = workbook.worksheets[0]
    assert [c.value for c in sheet[1]] == [f.header for f in ROSTER_FIELDS]
    assert sheet.freeze_panes == "A2"
    formulas = [v.formula1 for v in sheet.data_validations.dataValidation]
    assert '"男,女"' in formulas
    assert any("正式党员" in f for f in formulas)
    assert any("党支部" in f for f in formulas)
    branches = workbook["党支部"]
    assert branches.max_row == len(branch_seal_names(demo_workspace.db)) + 1
    assert "填写说明" in workbook.sheetnames
    empty = import_roster(demo_workspace.db, path)
    assert not empty.ok and "没有数据" in empty.errors[0].message


def test_a_missing_folder_is_refused_before_any_work(demo_workspace, tmp_path):
    snapshot = load_roster(demo_workspace.db)
    for write in (lambda p: export_roster(snapshot, p), lambda p: write_template(p, [])):
        with pytest.raises(UserError, match=r"文件夹.*不存在"):
            write(tmp_path / "gone" / "out.xlsx")
    assert not (tmp_path / "gone").exists()


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (PermissionError(errno.EACCES, "Permission denied"), ("权限", "Excel")),
        (OSError(errno.ENOSPC, "No space left on device"), ("磁盘空间不足",)),
    ],
)
def test_a_failed_save_leaves_no_partial_file(demo_workspace, tmp_path, monkeypatch, error, words):
    from openpyxl.workbook.workbook import Workbook

    snapshot = load_roster(demo_workspace.db)
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "out.xlsx"
    target.write_bytes(b"the earlier export")

    def half_written(workbook, filename):
        Path(filename).write_bytes(b"PK\x03\x04 half")
        raise error

    monkeypatch.setattr(Workbook, "save", half_written)
    for write in (lambda: export_roster(snapshot, target), lambda: write_template(target, [])):
        with pytest.raises(UserError) as refused:
            write()
        for word in words:
            assert word in refused.value.message
        assert "Traceback" not in refused.value.message
        assert [p.name for p in folder.iterdir()] == ["out.xlsx"]
        assert target.read_bytes() == b"the earlier export"
