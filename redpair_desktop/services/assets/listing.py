"""The 线路巡视 tab's lists: every line with its station and how many poles, 公变 and 专变 hang
on it; every patrol (of one line, if asked) with its defect count; ``demo`` naming the demo's
patrol of 10 kV 内冲线. Each list is one query."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.orm import Session, aliased

from redpair_desktop.db.assets.models import Asset, Patrol, PatrolDefect
from redpair_desktop.db.database import Database
from redpair_desktop.db.org.models import Branch
from redpair_desktop.domain.assets.codes import AssetKind, PatrolStatus
from redpair_desktop.domain.errors import UserError
from redpair_desktop.i18n import _

DEMO = "demo"
DEMO_LINE = "10 kV 内冲线"


@dataclass(frozen=True)
class LineRow:
    id: uuid.UUID
    name: str
    station: str  # the keeping branch's short name
    serves: str
    poles: int
    public_transformers: int
    dedicated_transformers: int


@dataclass(frozen=True)
class PatrolRow:
    id: uuid.UUID
    line_id: uuid.UUID
    line: str
    patrolled_on: date
    patroller: str
    status: PatrolStatus
    defects: int


def list_lines(db: Database) -> list[LineRow]:
    on_line = aliased(Asset)

    def count(kind: AssetKind) -> ColumnElement[int]:
        return func.count(case((on_line.kind == kind.value, 1)))

    query = (
        select(
            Asset,
            Branch.short_name,
            count(AssetKind.POLE),
            count(AssetKind.PUBLIC_TRANSFORMER),
            count(AssetKind.DEDICATED_TRANSFORMER),
        )
        .join(Branch, Branch.id == Asset.station_branch_id)
        .outerjoin(on_line, (on_line.line_id == Asset.id) & on_line.deleted_at.is_(None))
        .where(Asset.kind == AssetKind.LINE.value, Asset.deleted_at.is_(None))
        .group_by(Asset.id, Branch.short_name)
        .order_by(Asset.name)
    )
    with db.read() as session:
        return [
            LineRow(line.id, line.name, station, line.serves, poles, public, dedicated)
            for line, station, poles, public, dedicated in session.execute(query)
        ]


def list_patrols(db: Database, line_id: uuid.UUID | None = None) -> list[PatrolRow]:
    """The patrols, newest first, each with the defects still marked on it."""
    defects = (
        select(func.count(PatrolDefect.id))
        .where(PatrolDefect.patrol_id == Patrol.id, PatrolDefect.deleted_at.is_(None))
        .scalar_subquery()
    )
    query = (
        select(Patrol, Asset.name, defects)
        .join(Asset, Asset.id == Patrol.line_id)
        .order_by(Patrol.patrolled_on.desc(), Patrol.id.desc())
    )
    if line_id is not None:
        query = query.where(Patrol.line_id == line_id)
    with db.read() as session:
        return [
            PatrolRow(row.id, row.line_id, line, row.patrolled_on, row.patroller,
                      PatrolStatus(row.status), count)
            for row, line, count in session.execute(query)
        ]  # fmt: skip


def find_patrol(session: Session, ref: str) -> uuid.UUID:
    """The patrol with id ``ref``, or the demo's first patrol of 10 kV 内冲线 (``demo``)."""
    if ref != DEMO:
        try:
            return uuid.UUID(ref)
        except ValueError:
            raise UserError(
                _("“{value}”不是巡视编号。请给出巡视编号，或 demo。", value=ref)
            ) from None
    found = session.scalars(
        select(Patrol.id)
        .join(Asset, Asset.id == Patrol.line_id)
        .where(Asset.name == DEMO_LINE, Asset.deleted_at.is_(None))
        .order_by(Patrol.patrolled_on, Patrol.id)
    ).first()
    if found is None:
        raise UserError(_("找不到演示数据中{line}的巡视。请先运行 redpair demo。", line=DEMO_LINE))
    return found
