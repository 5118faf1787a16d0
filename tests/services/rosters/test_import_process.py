"""The window's import runs in a child process and reports exactly what the in-process one does."""

from __future__ import annotations

import pytest

from redpair_desktop.domain.errors import ImportCancelled
from redpair_desktop.services.rosters.import_process import import_in_process
from redpair_desktop.services.rosters.query import load_roster
from tests.conftest import HEADERS


def rows(count: int) -> list[list[object]]:
    return [HEADERS] + [
        [f"测试{n}", "男", None, None, "群众", "大坪供电所党支部", None, None] for n in range(count)
    ]


def test_a_child_process_imports_and_reports_progress(demo_workspace, make_xlsx):
    seen = []
    report = import_in_process(
        demo_workspace, make_xlsx(rows(1200)), progress=lambda d, t: seen.append(d)
    )
    assert report.ok and report.imported == 1200
    assert seen and max(seen) >= 1000
    names = set(load_roster(demo_workspace.db).columns["name"])
    assert {"测试0", "测试1199"} <= names


def test_errors_come_back_with_rows_and_columns(demo_workspace, make_xlsx):
    bad = rows(3)
    bad[2][4] = "不知道"
    report = import_in_process(demo_workspace, make_xlsx(bad))
    assert not report.ok
    assert (report.errors[0].row, report.errors[0].column) == (3, "人员类别")


def test_cancel_stops_the_child_and_writes_nothing(demo_workspace, make_xlsx):
    before = len(load_roster(demo_workspace.db))
    with pytest.raises(ImportCancelled):
        import_in_process(demo_workspace, make_xlsx(rows(3000)), cancelled=lambda: True)
    assert len(load_roster(demo_workspace.db)) == before


def test_a_missing_file_is_a_plain_error(demo_workspace, tmp_path):
    report = import_in_process(demo_workspace, tmp_path / "nowhere.xlsx")
    assert not report.ok and "找不到" in report.errors[0].message
