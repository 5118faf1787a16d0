"""Property: rows with distinct ID numbers are that many people, whatever their names."""

from __future__ import annotations

import shutil
import tempfile
from datetime import date
from pathlib import Path

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from redpair_desktop.paths import DATABASE_FILE
from redpair_desktop.services.rosters.importer import import_roster
from redpair_desktop.services.workspace import open_workspace
from tests.conftest import HEADERS, valid_id

NAMES = ("戴磊", "陈振波", "王芳", "李娜")  # few names: namesakes are likely
BRANCHES = ("大坪供电所党支部", "综合服务中心党支部")
births = st.dates(min_value=date(1960, 1, 1), max_value=date(2000, 12, 31))
people = st.tuples(st.integers(0, 999), births, st.sampled_from(NAMES), st.sampled_from(BRANCHES))


def id_number(sequence: int, birth: date) -> str:
    return valid_id(f"421281{birth:%Y%m%d}{sequence:03d}")


@settings(max_examples=25, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
@given(st.lists(people, min_size=1, max_size=8, unique_by=lambda p: id_number(p[0], p[1])))
def test_distinct_id_numbers_import_as_that_many_people(demo_template, rows):
    file_rows = [HEADERS] + [
        [name, None, birth, id_number(sequence, birth), "正式党员", branch,
         None, None]
        for sequence, birth, name, branch in rows
    ]  # fmt: skip
    with tempfile.TemporaryDirectory() as scratch:
        data_dir = Path(scratch) / "data"
        data_dir.mkdir()
        shutil.copyfile(demo_template, data_dir / DATABASE_FILE)
        path = Path(scratch) / "roster.xlsx"
        workbook = openpyxl.Workbook()
        for row in file_rows:
            workbook.active.append(row)
        workbook.save(path)
        workspace = open_workspace(data_dir)
        try:
            first = import_roster(workspace.db, path)
            second = import_roster(workspace.db, path)
        finally:
            workspace.close()
    assert first.ok and (first.imported, first.updated) == (len(rows), 0), first.errors
    assert second.ok and (second.imported, second.updated) == (0, len(rows)), second.errors
