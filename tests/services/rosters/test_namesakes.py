"""Namesakes are never merged: an ID number is identity; a name match needs exactly one fit."""

from __future__ import annotations

from sqlalchemy import func, select

from redpair_desktop.db.rosters.models import Membership, Person
from redpair_desktop.services.rosters.importer import import_roster
from tests.conftest import HEADERS, valid_id

DAPING = "大坪供电所党支部"
IDS = [valid_id(f"42128119781128{n:03d}") for n in (11, 23, 35)]


def dai_lei(id_number: str | None) -> list[object]:
    return ["戴磊", "男", "1978-11-28", id_number, "正式党员", DAPING, "2005-07-01", "2006-07-01"]


def stored_dai_lei(workspace) -> list[tuple[str | None, int]]:
    """(ID number, current roster entries) of every stored 戴磊."""
    with workspace.db.read() as session:
        rows = session.execute(
            select(Person.id_number, func.count(Membership.id))
            .join(Membership, Membership.person_id == Person.id)
            .where(Person.name == "戴磊", Membership.ended_on.is_(None))
            .group_by(Person.id)
        ).all()
    return sorted((id_number, count) for id_number, count in rows)


def test_two_namesakes_in_one_file_are_two_people(demo_workspace, make_xlsx):
    report = import_roster(
        demo_workspace.db, make_xlsx([HEADERS, dai_lei(IDS[0]), dai_lei(IDS[1])])
    )
    assert report.ok, report.errors
    assert (report.imported, report.updated) == (2, 0)
    assert stored_dai_lei(demo_workspace) == [(IDS[0], 1), (IDS[1], 1)]


def test_a_new_id_number_is_a_new_person_not_a_stored_namesake(demo_workspace, make_xlsx):
    import_roster(demo_workspace.db, make_xlsx([HEADERS, dai_lei(IDS[0])]))
    report = import_roster(demo_workspace.db, make_xlsx([HEADERS, dai_lei(IDS[1])]))
    assert (report.imported, report.updated) == (1, 0)
    assert stored_dai_lei(demo_workspace) == [(IDS[0], 1), (IDS[1], 1)]  # first ID kept


def test_a_third_namesake_and_a_reimport_updates_both(demo_workspace, make_xlsx):
    two = make_xlsx([HEADERS, dai_lei(IDS[0]), dai_lei(IDS[1])])
    import_roster(demo_workspace.db, two)
    third = import_roster(demo_workspace.db, make_xlsx([HEADERS, dai_lei(IDS[2])]))
    assert (third.imported, third.updated) == (1, 0)
    again = import_roster(demo_workspace.db, two)
    assert again.ok and (again.imported, again.updated) == (0, 2)
    assert stored_dai_lei(demo_workspace) == [(IDS[0], 1), (IDS[1], 1), (IDS[2], 1)]


def test_a_row_without_id_among_several_namesakes_is_refused(demo_workspace, make_xlsx):
    import_roster(demo_workspace.db, make_xlsx([HEADERS, dai_lei(IDS[0]), dai_lei(IDS[1])]))
    report = import_roster(demo_workspace.db, make_xlsx([HEADERS, dai_lei(None)]))
    assert not report.ok
    [issue] = report.errors
    assert (issue.row, issue.column) == (2, "姓名")
    assert "2 人" in issue.message and "公民身份号码" in issue.message
    assert stored_dai_lei(demo_workspace) == [(IDS[0], 1), (IDS[1], 1)]


def test_a_row_without_id_and_one_stored_namesake_updates_them(demo_workspace, make_xlsx):
    import_roster(demo_workspace.db, make_xlsx([HEADERS, dai_lei(IDS[0])]))
    report = import_roster(demo_workspace.db, make_xlsx([HEADERS, dai_lei(None)]))
    assert report.ok and (report.imported, report.updated) == (0, 1)
    assert stored_dai_lei(demo_workspace) == [(IDS[0], 1)]  # the stored ID number stays


def test_a_row_without_id_after_its_namesake_in_the_file_is_refused(demo_workspace, make_xlsx):
    report = import_roster(demo_workspace.db, make_xlsx([HEADERS, dai_lei(IDS[0]), dai_lei(None)]))
    assert [(e.row, e.column) for e in report.errors] == [(3, "姓名")]
    assert "第 2 行" in report.errors[0].message
    assert stored_dai_lei(demo_workspace) == []
