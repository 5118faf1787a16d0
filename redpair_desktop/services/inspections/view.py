"""An inspection as its run shows it: every item with its answer, comment, photos and the last
visit's answer beside it, the scores so far, the sign-offs, and what still blocks completion."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from redpair_desktop.db.database import Database
from redpair_desktop.db.inspections.models import Inspection, InspectionAnswer, InspectionPhoto
from redpair_desktop.db.org.models import Branch
from redpair_desktop.domain.inspections.checklist import Checklist
from redpair_desktop.domain.inspections.codes import InspectionStatus
from redpair_desktop.domain.inspections.completion import problems
from redpair_desktop.domain.inspections.scoring import Score, score
from redpair_desktop.domain.inspections.template import ChecklistTemplate, Item, Response, Section
from redpair_desktop.services.inspections.photos import ItemPhoto, photo_row
from redpair_desktop.services.inspections.records import (
    answer_facts,
    answer_rows,
    checklist_of,
    get_inspection,
    inspectors_of,
    photo_rows,
)
from redpair_desktop.services.inspections.signoffs import SignoffRow, signoff_rows


@dataclass(frozen=True)
class LastTime:
    """The answer the same item got at the visit this inspection follows."""

    held_on: date
    response: Response
    comment: str


@dataclass(frozen=True)
class ItemState:
    part: str  # the template's name
    section: str  # the section's title
    item: Item
    response: Response | None  # None: not answered yet
    comment: str
    photos: tuple[ItemPhoto, ...]
    last: LastTime | None

    @property
    def failed(self) -> bool:
        return self.response is not None and self.response.fails

    @property
    def needs_comment(self) -> bool:
        return self.failed and not self.comment.strip()

    @property
    def needs_photo(self) -> bool:
        return self.failed and not self.photos


@dataclass(frozen=True)
class InspectionView:
    id: uuid.UUID
    title: str
    checklist: Checklist
    station: str  # short name
    station_branch_id: uuid.UUID
    held_on: date
    inspectors: tuple[str, ...]
    status: InspectionStatus
    version: int
    corrects_id: uuid.UUID | None
    follows_id: uuid.UUID | None
    backfilled: bool
    items: tuple[ItemState, ...]
    score: Score
    signoffs: tuple[SignoffRow, ...]
    problems: tuple[str, ...]  # what blocks signing and completion (empty: ready)


def inspection(db: Database, inspection_id: uuid.UUID) -> InspectionView:
    with db.read() as session:
        return inspection_view(session, get_inspection(session, inspection_id))


def inspection_view(session: Session, row: Inspection) -> InspectionView:
    checklist = checklist_of(row)
    answers = answer_rows(session, row.id)
    photos = photo_rows(session, row.id)
    last = _last_answers(session, row)
    station = session.get_one(Branch, row.station_branch_id)
    items = tuple(
        _state(part, section, item, answers.get(item.key), photos.get(item.key, []), last)
        for part, section in checklist.sections()
        for item in section.items
    )
    return InspectionView(
        id=row.id,
        title=row.title,
        checklist=checklist,
        station=station.short_name,
        station_branch_id=station.id,
        held_on=row.held_on,
        inspectors=inspectors_of(row),
        status=InspectionStatus(row.status),
        version=row.version,
        corrects_id=row.corrects_id,
        follows_id=row.follows_id,
        backfilled=row.backfilled,
        items=items,
        score=score(checklist, {key: answer.response for key, answer in answers.items()}),
        signoffs=signoff_rows(session, row.id),
        problems=tuple(problems(checklist, answer_facts(session, row.id))),
    )


def _state(
    part: ChecklistTemplate,
    section: Section,
    item: Item,
    answer: InspectionAnswer | None,
    photos: list[InspectionPhoto],
    last: dict[str, LastTime],
) -> ItemState:
    return ItemState(
        part=part.name,
        section=section.title,
        item=item,
        response=part.responses.response(answer.response) if answer else None,
        comment=answer.comment if answer else "",
        photos=tuple(photo_row(photo) for photo in photos),
        last=last.get(item.key),
    )


def _last_answers(session: Session, row: Inspection) -> dict[str, LastTime]:
    """The followed visit's answers, by item key (only items both checklists share)."""
    if row.follows_id is None:
        return {}
    earlier = get_inspection(session, row.follows_id)
    checklist = checklist_of(earlier)
    found = {}
    for key, answer in answer_rows(session, earlier.id).items():
        part, _item = checklist.item(key)
        response = part.responses.response(answer.response)
        found[key] = LastTime(earlier.held_on, response, answer.comment)
    return found
