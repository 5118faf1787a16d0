"""Template versions: an edit of a version an inspection used makes a new version, and the
inspection keeps its frozen copy; an unused version is edited in place."""

from __future__ import annotations

import dataclasses
from datetime import date

from redpair_desktop.domain.inspections.builtin import BUILT_IN, OFFICE
from redpair_desktop.domain.inspections.template import Item, Section
from redpair_desktop.services.inspections.runs import InspectionStart, start_inspection
from redpair_desktop.services.inspections.templates import list_templates, save_template, template
from redpair_desktop.services.inspections.view import inspection


def _with_extra_item(words):
    first = words.sections[0]
    extra = Item("office.1.9", "饮水机定期清洗消毒，有记录")
    sections = (Section(first.key, first.title, (*first.items, extra)), *words.sections[1:])
    return dataclasses.replace(words, sections=sections)


def test_the_built_in_templates_are_listed_before_anything_is_stored(workspace):
    rows = list_templates(workspace.db)
    assert [row.name for row in rows] == [
        "办公环境", "日常管理", "后勤安全", "党建阵地与台账", "10 kV 线路巡视",
    ]  # fmt: skip
    assert all(row.version == 1 and not row.used and 5 <= row.items <= 20 for row in rows)
    assert len({words.sha256 for words in BUILT_IN}) == 5


def test_an_unused_version_is_edited_in_place(workspace):
    row = save_template(workspace.db, _with_extra_item(OFFICE))
    assert (row.version, row.items) == (1, 11)
    assert template(workspace.db, "office") == _with_extra_item(OFFICE)


def test_editing_a_version_an_inspection_used_makes_a_new_version(data_dir, workspace, station):
    made = start_inspection(workspace.db, InspectionStart(station, date(2024, 3, 26), ("office",)))
    (office,) = [row for row in list_templates(workspace.db) if row.key == "office"]
    assert office.used and office.version == 1

    edited = save_template(workspace.db, _with_extra_item(OFFICE))
    assert (edited.version, edited.items, edited.used) == (2, 11, False)
    assert save_template(workspace.db, _with_extra_item(OFFICE)).version == 2  # no change
    view = inspection(workspace.db, made)
    assert view.checklist.parts == (OFFICE,)  # its frozen copy
    assert view.checklist.parts[0].sha256 == OFFICE.sha256
    later = start_inspection(workspace.db, InspectionStart(station, date(2024, 6, 1), ("office",)))
    assert len(inspection(workspace.db, later).items) == 11
