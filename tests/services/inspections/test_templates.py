"""Template versions: an edit of a version an inspection used makes a new version, and the
inspection keeps its frozen copy; an unused version is edited in place."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from redpair_desktop.domain.errors import UserError
from redpair_desktop.domain.inspections.builtin import BUILT_IN, OFFICE
from redpair_desktop.domain.inspections.draft import InspectionStart
from redpair_desktop.domain.inspections.template import Item, Section
from redpair_desktop.services.inspections.runs import start_inspection
from redpair_desktop.services.inspections.templates import (
    list_templates,
    save_template,
    template,
    template_version,
    template_versions,
)
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
    row = save_template(workspace.db, _with_extra_item(OFFICE)).row
    assert (row.version, row.items) == (1, 11)
    assert template(workspace.db, "office") == _with_extra_item(OFFICE)


def test_editing_a_version_an_inspection_used_makes_a_new_version(data_dir, workspace, station):
    made = start_inspection(workspace.db, InspectionStart(station, date(2024, 3, 26), ("office",)))
    (office,) = [row for row in list_templates(workspace.db) if row.key == "office"]
    assert office.used and office.version == 1

    edited = save_template(workspace.db, _with_extra_item(OFFICE)).row
    assert (edited.version, edited.items, edited.used) == (2, 11, False)
    assert save_template(workspace.db, _with_extra_item(OFFICE)).row.version == 2  # no change
    view = inspection(workspace.db, made)
    assert view.checklist.parts == (OFFICE,)  # its frozen copy
    assert view.checklist.parts[0].sha256 == OFFICE.sha256
    later = start_inspection(workspace.db, InspectionStart(station, date(2024, 6, 1), ("office",)))
    assert len(inspection(workspace.db, later).items) == 11


def test_versions_count_the_inspections_that_used_them(workspace, station):
    start_inspection(workspace.db, InspectionStart(station, date(2024, 3, 26), ("office",)))
    start_inspection(workspace.db, InspectionStart(station, date(2024, 4, 2), ("office",)))
    saved = save_template(workspace.db, _with_extra_item(OFFICE))
    assert saved.replaced is not None and not saved.unchanged
    assert (saved.replaced.version, saved.replaced.inspections) == (1, 2)
    versions = template_versions(workspace.db, "office")
    assert [(v.version, v.items, v.inspections) for v in versions] == [(2, 11, 0), (1, 10, 2)]
    (office,) = [row for row in list_templates(workspace.db) if row.key == "office"]
    assert (office.version, office.inspections, office.used) == (2, 2, False)
    assert template_version(workspace.db, "office", 1) == OFFICE
    again = save_template(workspace.db, _with_extra_item(OFFICE))
    assert again.unchanged and again.replaced is None and again.row.version == 2


def test_an_unstored_built_in_has_its_first_version(workspace):
    (version,) = template_versions(workspace.db, "daily")
    assert (version.version, version.saved_at, version.inspections) == (1, None, 0)


def _with_responses(words, responses):
    return dataclasses.replace(
        words, responses=dataclasses.replace(words.responses, responses=responses)
    )


def _responses(words, **changes):
    """``words`` with their third answer (不符合) changed."""
    fail = dataclasses.replace(words.responses.responses[2], **changes)
    return _with_responses(words, (*words.responses.responses[:2], fail,
                                   words.responses.responses[3]))  # fmt: skip


@pytest.mark.parametrize(
    ("words", "message"),
    [
        (dataclasses.replace(OFFICE, name=" "), "请填写检查表名称。"),
        (dataclasses.replace(OFFICE, sections=()), "检查表至少要有一个分项。"),
        (dataclasses.replace(OFFICE, sections=(Section("s", "", OFFICE.sections[0].items),)),
         "第 1 个分项需要名称。"),
        (dataclasses.replace(OFFICE, sections=(Section("s", "灭火器", (Item("o.x", " "),)),)),
         "分项“灭火器”第 1 项：内容不能为空。"),
        (_responses(OFFICE, fails=False), "选项中至少要有一个判为不合格的选项（如“不符合”）。"),
        (_responses(OFFICE, label="符合"), "选项的名称不能重复。"),
        (_responses(OFFICE, label=""), "第 3 个选项需要名称。"),
    ],
)  # fmt: skip
def test_words_that_do_not_make_a_checklist_are_refused_and_nothing_is_stored(
    workspace, words, message
):
    with pytest.raises(UserError, match=message):
        save_template(workspace.db, words)
    assert template_versions(workspace.db, "office")[0].saved_at is None  # still unstored


def test_a_response_set_where_nothing_passes_is_refused(workspace):
    responses = tuple(dataclasses.replace(r, fails=True) for r in OFFICE.responses.responses)
    words = _with_responses(OFFICE, responses)
    with pytest.raises(UserError, match="选项中至少要有一个合格且计分的选项"):
        save_template(workspace.db, words)


def test_a_second_checklist_of_the_same_name_is_refused(workspace):
    copy = dataclasses.replace(OFFICE, key="custom-copy", sections=(
        Section("custom-copy.1", "环境卫生", (Item("custom-copy.1.1", "地面整洁"),)),))  # fmt: skip
    with pytest.raises(UserError, match="已有名为“办公环境”的检查表"):
        save_template(workspace.db, copy)
    assert [row.name for row in list_templates(workspace.db)].count("办公环境") == 1
