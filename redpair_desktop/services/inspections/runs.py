"""An inspection from start to completion: start it (optionally following the station's last
completed inspection, whose answers show as “last time”), answer items, complete it — failed
items then become findings — and correct a completed one as a new version."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from redpair_desktop.db.audit import WRITE_CONTEXT
from redpair_desktop.db.database import Database
from redpair_desktop.db.inspections.models import (
    Inspection,
    InspectionAnswer,
    InspectionPart,
    InspectionPhoto,
    InspectionSignoff,
)
from redpair_desktop.db.measures.models import Finding
from redpair_desktop.db.pairings.models import Pairing
from redpair_desktop.domain.errors import UserError
from redpair_desktop.domain.inspections.checklist import Checklist
from redpair_desktop.domain.inspections.codes import InspectionStatus, SignoffRole
from redpair_desktop.domain.inspections.completion import answers_sha256, problems
from redpair_desktop.domain.inspections.draft import InspectionStart
from redpair_desktop.domain.inspections.scoring import score
from redpair_desktop.domain.inspections.template import from_json
from redpair_desktop.domain.measures.codes import FindingSource
from redpair_desktop.i18n import _
from redpair_desktop.services.inspections.records import (
    answer_facts,
    answer_rows,
    chain_ids,
    checklist_of,
    editable,
    get_draft,
    get_inspection,
    get_station,
)
from redpair_desktop.services.inspections.templates import current_version
from redpair_desktop.services.measures.findings import new_finding

MAX_TITLE = 200
_OWN_COLUMNS = {
    f"{stamp}_{part}" for stamp in ("created", "updated") for part in ("at", "by", "device")
} | {"id"}
_Row = TypeVar("_Row", Inspection, InspectionPart, InspectionAnswer, InspectionPhoto)
_Child = TypeVar("_Child", InspectionPart, InspectionAnswer, InspectionPhoto)
MAX_COMMENT = 1000


@dataclass(frozen=True)
class Completed:
    score: float | None
    findings: tuple[uuid.UUID, ...] = field(default=())  # raised by this completion


def start_inspection(db: Database, start: InspectionStart) -> uuid.UUID:
    """A new draft inspection of a station against the latest versions of its templates."""
    with db.write() as session:
        return begin_inspection(session, start).id


def begin_inspection(session: Session, start: InspectionStart) -> Inspection:
    """``start_inspection`` inside an open write session (the demo uses it)."""
    title = " ".join(start.title.split())
    if len(title) > MAX_TITLE:
        raise UserError(_("检查标题最多 {limit} 个字。", limit=MAX_TITLE))
    station = get_station(session, start.station_branch_id)
    last = last_completed(session, station.id) if start.from_last else None
    if start.from_last and last is None:
        raise UserError(_("{station}还没有已完成的检查，无法沿用上次检查。",
                          station=station.short_name))  # fmt: skip
    keys = start.template_keys or (_part_keys(last) if last else ())
    versions = [current_version(session, key) for key in dict.fromkeys(keys)]
    if not versions:
        raise UserError(_("请至少选择一张检查表。"))
    checklist = Checklist(tuple(from_json(v.content) for v in versions))
    row = Inspection(
        station_branch_id=station.id,
        pairing_id=start.pairing_id or _pairing_of(session, station.id),
        held_on=start.held_on,
        title=title or checklist.title,
        inspectors=_names(start.inspectors),
        checklist=checklist.canonical_json(),
        checklist_sha256=checklist.sha256,
        status=InspectionStatus.DRAFT.value,
        follows_id=last.id if last else None,
        backfilled=start.backfilled,
    )
    session.add(row)
    session.flush()
    for position, version in enumerate(versions):
        part = InspectionPart(
            inspection_id=row.id, template_version_id=version.id, position=position
        )
        session.add(part)
    session.flush()
    return row


def answer_item(
    db: Database,
    inspection_id: uuid.UUID,
    item_key: str,
    response: str,
    comment: str | None = None,
) -> None:
    """Answer one item (again, while a draft); ``comment`` None keeps the comment there is."""
    with db.write() as session:
        store_answer(session, editable(session, inspection_id), item_key, response, comment)


def store_answer(
    session: Session, row: Inspection, item_key: str, response: str, comment: str | None = None
) -> None:
    """``answer_item`` inside an open write session, on an editable inspection."""
    checklist_of(row).response(item_key, response)
    answer = answer_rows(session, row.id).get(item_key)
    if answer is None:
        answer = InspectionAnswer(inspection_id=row.id, item_key=item_key, comment="")
        session.add(answer)
    answer.response, answer.answered_at = response, session.info[WRITE_CONTEXT].clock()
    if comment is not None:
        answer.comment = _comment(comment)
    session.flush()


def set_comment(db: Database, inspection_id: uuid.UUID, item_key: str, comment: str) -> None:
    """The comment (说明) of an answered item."""
    with db.write() as session:
        editable(session, inspection_id)
        answer = answer_rows(session, inspection_id).get(item_key)
        if answer is None:
            raise UserError(_("请先对这一项作答，再填写说明。"))
        answer.comment = _comment(comment)


def clear_answer(db: Database, inspection_id: uuid.UUID, item_key: str) -> None:
    with db.write() as session:
        editable(session, inspection_id)
        answer = answer_rows(session, inspection_id).get(item_key)
        if answer is not None:
            session.delete(answer)


def complete_inspection(db: Database, inspection_id: uuid.UUID) -> Completed:
    """Complete a signed draft: its score is kept and each failed item raises a finding (one
    per item over all versions of the inspection). Refused, with every reason, while anything
    is missing."""
    with db.write() as session:
        return finish_inspection(session, get_draft(session, inspection_id))


def finish_inspection(session: Session, row: Inspection) -> Completed:
    """``complete_inspection`` inside an open write session, on a draft."""
    checklist = checklist_of(row)
    facts = answer_facts(session, row.id)
    found = problems(checklist, facts) + _signoff_problems(session, row, answers_sha256(facts))
    if found:
        raise UserError(_("这次检查还不能完成：") + " ".join(found))
    row.score = score(checklist, {k: f.response for k, f in facts.items()}).percent
    row.status = InspectionStatus.COMPLETED.value
    row.completed_at = session.info[WRITE_CONTEXT].clock()
    return Completed(row.score, tuple(_raise_findings(session, row, checklist)))


def correct_inspection(db: Database, inspection_id: uuid.UUID) -> uuid.UUID:
    """A correction of a completed inspection: a new draft version with the same checklist,
    answers and photos, to be signed again. The completed version stays as it is."""
    with db.write() as session:
        old = get_inspection(session, inspection_id)
        if old.status != InspectionStatus.COMPLETED:
            raise UserError(_("只有已完成的检查才需要更正；草稿可以直接修改。"))
        if session.scalars(select(Inspection.id).where(Inspection.corrects_id == old.id)).first():
            raise UserError(_("这次检查已有更正版本，请在最新版本上更正。"))
        new = _copy(session, old)
        return new.id


def last_completed(session: Session, station_branch_id: uuid.UUID) -> Inspection | None:
    """The station's newest completed inspection (its newest completed version)."""
    return session.scalars(
        select(Inspection)
        .where(
            Inspection.station_branch_id == station_branch_id,
            Inspection.status == InspectionStatus.COMPLETED.value,
            Inspection.deleted_at.is_(None),
        )
        .order_by(Inspection.held_on.desc(), Inspection.version.desc(), Inspection.id.desc())
    ).first()


def _names(names: tuple[str, ...]) -> str:
    return json.dumps([" ".join(name.split()) for name in names], ensure_ascii=False)


def _comment(comment: str) -> str:
    comment = comment.strip()
    if len(comment) > MAX_COMMENT:
        raise UserError(_("说明最多 {limit} 个字。", limit=MAX_COMMENT))
    return comment


def _signoff_problems(session: Session, row: Inspection, digest: str) -> list[str]:
    signed = {
        s.role: s
        for s in session.scalars(
            select(InspectionSignoff).where(InspectionSignoff.inspection_id == row.id)
        )
    }
    found = []
    for role in SignoffRole:
        if role.value not in signed:
            found.append(
                _("检查人尚未签字。") if role is SignoffRole.INSPECTOR
                else _("被检查单位代表尚未签字。")
            )  # fmt: skip
        elif signed[role.value].answers_sha256 != digest:
            found.append(_("签字后检查内容有变动，请重新签字。"))
    return found


def _raise_findings(session: Session, row: Inspection, checklist: Checklist) -> list[uuid.UUID]:
    chain = chain_ids(session, row)
    raised = set(
        session.scalars(
            select(Finding.item_key).where(
                Finding.inspection_id.in_(chain), Finding.deleted_at.is_(None)
            )
        )
    )
    made = []
    for key, answer in answer_rows(session, row.id).items():
        part, item = checklist.item(key)
        if key in raised or not part.responses.response(answer.response).fails:
            continue
        text = f"{item.text}：{answer.comment}"
        finding = new_finding(
            session,
            FindingSource.INSPECTION,
            item.category,
            text,
            row.station_branch_id,
            row.held_on,
        )
        finding.inspection_id, finding.item_key = row.id, key
        made.append(finding.id)
    return made


def _copy(session: Session, old: Inspection) -> Inspection:
    new = _clone(
        old,
        status=InspectionStatus.DRAFT.value,
        version=old.version + 1,
        corrects_id=old.id,
        score=None,
        completed_at=None,
    )
    session.add(new)
    session.flush()
    _clone_children(session, InspectionPart, old.id, new.id)
    _clone_children(session, InspectionAnswer, old.id, new.id)
    _clone_children(session, InspectionPhoto, old.id, new.id)
    session.flush()
    return new


def _clone_children(
    session: Session, model: type[_Child], old_id: uuid.UUID, new_id: uuid.UUID
) -> None:
    query = select(model).where(model.inspection_id == old_id)
    session.add_all(_clone(child, inspection_id=new_id) for child in session.scalars(query))


def _clone(row: _Row, **changes: object) -> _Row:
    """A new row with ``row``'s values but its own key and stamps."""
    columns = type(row).__table__.columns
    values = {c.key: getattr(row, c.key) for c in columns if c.key not in _OWN_COLUMNS}
    return type(row)(**{**values, **changes})


def _part_keys(row: Inspection) -> tuple[str, ...]:
    return tuple(part.key for part in checklist_of(row).parts)


def _pairing_of(session: Session, station_branch_id: uuid.UUID) -> uuid.UUID | None:
    return session.scalars(
        select(Pairing.id)
        .where(Pairing.station_branch_id == station_branch_id, Pairing.deleted_at.is_(None))
        .order_by(Pairing.started_on.desc())
    ).first()
