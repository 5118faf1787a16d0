"""Line patrols: a patrol covers every pole and transformer of a line, each 正常 unless the
patroller marks a defect (type, note, optional photo); each asset's history across patrols.

Opening a patrol writes one row; its view is two queries (the line's assets, the patrol's
defects), so a 128-pole line opens in milliseconds."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from redpair_desktop.db.assets.models import Asset, Patrol, PatrolDefect
from redpair_desktop.db.audit import WRITE_CONTEXT
from redpair_desktop.db.database import Database
from redpair_desktop.domain.assets.codes import AssetKind, AssetState, DefectType, PatrolStatus
from redpair_desktop.domain.assets.codes import defect_types as defects_for
from redpair_desktop.domain.errors import UserError
from redpair_desktop.domain.labels import label
from redpair_desktop.i18n import _
from redpair_desktop.services.assets.register import find_asset, get_line
from redpair_desktop.services.images import (
    PreparedImage,
    prepare_photo,
    store_prepared,
    thumbnail_path,
)

MAX_NOTE = 500
MAX_PATROLLER = 64
PHOTO_THREADS = 4  # Pillow lets go of the GIL while it decodes, scales and encodes


@dataclass(frozen=True)
class DefectRow:
    id: uuid.UUID
    asset_id: uuid.UUID
    type: DefectType
    note: str
    photo_path: str | None  # the original, relative to the data folder
    photo_sha256: str | None = None

    @property
    def thumbnail_path(self) -> str | None:
        return thumbnail_path(self.photo_sha256) if self.photo_sha256 else None


@dataclass(frozen=True)
class DefectDraft:
    """A defect as the patroller confirms it: the asset's number, type, note, photo file."""

    asset_number: str
    type: DefectType
    note: str = ""
    photo: Path | None = None


@dataclass(frozen=True)
class PatrolAsset:
    asset_id: uuid.UUID
    kind: AssetKind
    number: str
    name: str
    capacity_kva: int | None
    defects: tuple[DefectRow, ...]

    @property
    def id(self) -> uuid.UUID:
        return self.asset_id

    @property
    def state(self) -> AssetState:
        return AssetState.DEFECT if self.defects else AssetState.NORMAL


@dataclass(frozen=True)
class PatrolView:
    id: uuid.UUID
    line_id: uuid.UUID
    line: str
    patrolled_on: date
    patroller: str
    status: PatrolStatus
    assets: tuple[PatrolAsset, ...]  # poles in number order, then transformers

    @property
    def defect_count(self) -> int:
        return sum(len(asset.defects) for asset in self.assets)


@dataclass(frozen=True)
class HistoryEntry:
    patrol_id: uuid.UUID
    patrolled_on: date
    patroller: str
    state: AssetState
    defects: tuple[DefectRow, ...]


def open_patrol(db: Database, line_id: uuid.UUID, patrolled_on: date, patroller: str) -> uuid.UUID:
    patroller = " ".join(patroller.split())
    if not patroller or len(patroller) > MAX_PATROLLER:
        raise UserError(_("请填写巡视人（最多 {limit} 个字）。", limit=MAX_PATROLLER))
    with db.write() as session:
        return begin_patrol(session, get_line(session, line_id), patrolled_on, patroller).id


def begin_patrol(session: Session, line: Asset, patrolled_on: date, patroller: str) -> Patrol:
    """``open_patrol`` inside an open write session (the demo uses it)."""
    row = Patrol(
        line_id=line.id,
        patrolled_on=patrolled_on,
        patroller=patroller,
        status=PatrolStatus.OPEN.value,
    )
    session.add(row)
    session.flush()
    return row


def patrol(db: Database, patrol_id: uuid.UUID) -> PatrolView:
    with db.read() as session:
        row = _patrol(session, patrol_id)
        line = get_line(session, row.line_id)
        defects = _defects(session, [row.id])
        assets = tuple(
            PatrolAsset(
                a.id,
                AssetKind(a.kind),
                a.number,
                a.name,
                a.capacity_kva,
                tuple(defects.get((row.id, a.id), ())),
            )
            for a in _line_assets(session, line.id)
        )
        return PatrolView(
            row.id,
            line.id,
            line.name,
            row.patrolled_on,
            row.patroller,
            PatrolStatus(row.status),
            assets,
        )


def mark_defect(
    db: Database,
    patrol_id: uuid.UUID,
    asset_number: str,
    defect_type: DefectType,
    note: str = "",
    *,
    photo: Path | None = None,
    data_dir: Path | None = None,
) -> DefectRow:
    """Mark a defect on the asset numbered ``asset_number`` of the patrol's line (a photo is
    checked and stored under ``data_dir`` first)."""
    draft = DefectDraft(asset_number, defect_type, note, photo)
    return save_defects(db, patrol_id, [draft], data_dir)[0]


def save_defects(
    db: Database, patrol_id: uuid.UUID, drafts: Sequence[DefectDraft], data_dir: Path | None
) -> list[DefectRow]:
    """Mark several defects in one transaction. Every photo is checked and its copies made
    first, then written once every asset number is known, several at a time; one refusal (a
    note too long, an unknown number, a file that is not a photo) stores none of them."""
    for draft in drafts:
        if len(draft.note.strip()) > MAX_NOTE:
            raise UserError(_("缺陷说明最多 {limit} 个字。", limit=MAX_NOTE))
    with ThreadPoolExecutor(PHOTO_THREADS) as pool:
        photos = list(pool.map(_prepare, [draft.photo for draft in drafts]))
        with db.write() as session:
            row = _open_patrol(session, patrol_id)
            line = get_line(session, row.line_id)
            defects = [
                store_defect(session, row, find_asset(session, line, draft.asset_number),
                             draft.type, draft.note.strip())
                for draft in drafts
            ]  # fmt: skip
            if data_dir is not None:
                stored = pool.map(lambda p: p and store_prepared(data_dir, p), photos)
                for defect, image in zip(defects, stored, strict=True):
                    if image is not None:
                        defect.photo_sha256, defect.photo_path = image.sha256, image.original_path
            session.flush()
            return [_defect_row(defect) for defect in defects]


def _prepare(path: Path | None) -> PreparedImage | None:
    return prepare_photo(path) if path is not None else None


def store_defect(
    session: Session, row: Patrol, asset: Asset, defect_type: DefectType, note: str = ""
) -> PatrolDefect:
    """Inside an open write session: mark a defect that fits the asset's kind."""
    if defect_type not in defects_for(AssetKind(asset.kind)):
        raise UserError(_("“{defect}”不适用于{asset}。", defect=label(defect_type),
                          asset=asset.name))  # fmt: skip
    defect = PatrolDefect(
        patrol_id=row.id, asset_id=asset.id, defect_type=defect_type.value, note=note
    )
    session.add(defect)
    session.flush()
    return defect


def remove_defect(db: Database, defect_id: uuid.UUID) -> None:
    """Take back a defect marked by mistake (its row is kept, withdrawn)."""
    with db.write() as session:
        defect = session.get(PatrolDefect, defect_id)
        if defect is None or defect.deleted_at is not None:
            raise UserError(_("找不到编号为 {id} 的缺陷记录。", id=defect_id))
        _open_patrol(session, defect.patrol_id)
        defect.deleted_at = session.info[WRITE_CONTEXT].clock()


def complete_patrol(db: Database, patrol_id: uuid.UUID) -> None:
    with db.write() as session:
        _open_patrol(session, patrol_id).status = PatrolStatus.COMPLETED.value


def asset_history(db: Database, asset_id: uuid.UUID) -> list[HistoryEntry]:
    """What every patrol of the asset's line said of it, newest first."""
    with db.read() as session:
        asset = session.get(Asset, asset_id)
        if asset is None or asset.deleted_at is not None or asset.line_id is None:
            raise UserError(_("找不到编号为 {id} 的杆塔或变压器。", id=asset_id))
        patrols = session.scalars(
            select(Patrol)
            .where(Patrol.line_id == asset.line_id)
            .order_by(Patrol.patrolled_on.desc(), Patrol.id.desc())
        ).all()
        defects = _defects(session, [p.id for p in patrols], asset.id)
        entries = []
        for row in patrols:
            found = tuple(defects.get((row.id, asset.id), ()))
            state = AssetState.DEFECT if found else AssetState.NORMAL
            entries.append(HistoryEntry(row.id, row.patrolled_on, row.patroller, state, found))
        return entries


def _line_assets(session: Session, line_id: uuid.UUID) -> list[Asset]:
    query = (
        select(Asset)
        .where(Asset.line_id == line_id, Asset.deleted_at.is_(None))
        .order_by(Asset.sort_order)
    )
    return list(session.scalars(query))


def _defects(
    session: Session, patrol_ids: list[uuid.UUID], asset_id: uuid.UUID | None = None
) -> dict[tuple[uuid.UUID, uuid.UUID], list[DefectRow]]:
    query = (
        select(PatrolDefect)
        .where(PatrolDefect.patrol_id.in_(patrol_ids), PatrolDefect.deleted_at.is_(None))
        .order_by(PatrolDefect.id)
    )
    if asset_id is not None:
        query = query.where(PatrolDefect.asset_id == asset_id)
    found: dict[tuple[uuid.UUID, uuid.UUID], list[DefectRow]] = defaultdict(list)
    for defect in session.scalars(query):
        found[(defect.patrol_id, defect.asset_id)].append(_defect_row(defect))
    return found


def _patrol(session: Session, patrol_id: uuid.UUID) -> Patrol:
    row = session.get(Patrol, patrol_id)
    if row is None:
        raise UserError(_("找不到编号为 {id} 的巡视记录。", id=patrol_id))
    return row


def _open_patrol(session: Session, patrol_id: uuid.UUID) -> Patrol:
    row = _patrol(session, patrol_id)
    if row.status == PatrolStatus.COMPLETED:
        raise UserError(_("这次巡视已结束，缺陷记录不能再改。"))
    return row


def _defect_row(defect: PatrolDefect) -> DefectRow:
    return DefectRow(
        defect.id,
        defect.asset_id,
        DefectType(defect.defect_type),
        defect.note,
        defect.photo_path,
        defect.photo_sha256,
    )
