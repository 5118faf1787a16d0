"""The asset register: 10 kV lines with their poles numbered 1 … N and their transformers (公变,
专变, with capacity), each kept by a station's branch; the list, by line if asked."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from redpair_desktop.db.assets.models import Asset
from redpair_desktop.db.database import Database
from redpair_desktop.db.org.models import Branch
from redpair_desktop.domain.assets.codes import AssetKind
from redpair_desktop.domain.enums import BranchKind
from redpair_desktop.domain.errors import UserError
from redpair_desktop.i18n import _

MAX_POLES = 2000
MAX_NAME = 100
MAX_CAPACITY_KVA = 100_000


@dataclass(frozen=True)
class AssetRow:
    id: uuid.UUID
    kind: AssetKind
    name: str
    number: str
    line: str  # the line's name (a line's own name for a line)
    line_id: uuid.UUID | None
    capacity_kva: int | None
    station: str  # the keeping branch's short name


def add_line(
    db: Database, name: str, station_branch_id: uuid.UUID, poles: int = 0, serves: str = ""
) -> uuid.UUID:
    """Register a line and its poles 1 … ``poles`` (水泥杆)."""
    with db.write() as session:
        return register_line(session, name, station_branch_id, poles, serves).id


def add_poles(db: Database, line_id: uuid.UUID, count: int) -> list[uuid.UUID]:
    """Add ``count`` poles after the line's last one."""
    with db.write() as session:
        return [pole.id for pole in register_poles(session, get_line(session, line_id), count)]


def add_transformer(
    db: Database,
    line_id: uuid.UUID,
    kind: AssetKind,
    name: str,
    number: str,
    capacity_kva: int,
) -> uuid.UUID:
    with db.write() as session:
        line = get_line(session, line_id)
        return register_transformer(session, line, kind, name, number, capacity_kva).id


def list_assets(db: Database, line: str | None = None) -> list[AssetRow]:
    """Every asset (of the line named ``line``): each line, then its poles in number order,
    then its transformers. An unknown line name is refused."""
    owner, line_row = aliased(Branch), aliased(Asset)
    query = (
        select(Asset, func.coalesce(line_row.name, Asset.name), owner.short_name)
        .outerjoin(line_row, line_row.id == Asset.line_id)
        .join(owner, owner.id == Asset.station_branch_id)
        .where(Asset.deleted_at.is_(None))
        .order_by(func.coalesce(line_row.name, Asset.name), Asset.sort_order)
    )
    with db.read() as session:
        if line is not None:
            found = find_line(session, line)
            query = query.where((Asset.id == found.id) | (Asset.line_id == found.id))
        return [
            _row(asset, line_name, station) for asset, line_name, station in session.execute(query)
        ]


def find_line(session: Session, name: str) -> Asset:
    name = " ".join(name.split())
    found = session.scalars(
        select(Asset).where(
            Asset.kind == AssetKind.LINE.value,
            Asset.deleted_at.is_(None),
            (Asset.name == name) | (Asset.name == f"10 kV {name}") | (Asset.name == f"10kV{name}"),
        )
    ).first()
    if found is None:
        raise UserError(_("没有名为“{name}”的线路。", name=name))
    return found


def find_asset(session: Session, line: Asset, number: str) -> Asset:
    """The pole or transformer numbered ``number`` on ``line``; unknown → a clear refusal."""
    number = number.strip().removesuffix("号杆").removesuffix("号")
    found = session.scalars(
        select(Asset).where(
            Asset.line_id == line.id, Asset.number == number, Asset.deleted_at.is_(None)
        )
    ).first()
    if found is None:
        raise UserError(_("{line}没有编号为“{number}”的杆塔或变压器。", line=line.name,
                          number=number))  # fmt: skip
    return found


def get_line(session: Session, line_id: uuid.UUID) -> Asset:
    line = session.get(Asset, line_id)
    if line is None or line.deleted_at is not None or line.kind != AssetKind.LINE:
        raise UserError(_("找不到编号为 {id} 的线路。", id=line_id))
    return line


def register_line(
    session: Session, name: str, station_branch_id: uuid.UUID, poles: int, serves: str = ""
) -> Asset:
    """Inside an open write session: a line and its poles."""
    name = _name(name)
    _station(session, station_branch_id)
    taken = select(Asset.id).where(Asset.kind == AssetKind.LINE.value, Asset.name == name,
                                   Asset.deleted_at.is_(None))  # fmt: skip
    if session.scalars(taken).first():
        raise UserError(_("已有名为“{name}”的线路。", name=name))
    line = Asset(
        kind=AssetKind.LINE.value,
        name=name,
        number="",
        line_id=None,
        station_branch_id=station_branch_id,
        serves=serves.strip(),
    )
    session.add(line)
    session.flush()
    register_poles(session, line, poles)
    return line


def register_poles(session: Session, line: Asset, count: int) -> list[Asset]:
    last = (
        session.scalar(
            select(func.count()).where(Asset.line_id == line.id, Asset.kind == AssetKind.POLE.value)
        )
        or 0
    )
    if not 0 <= count <= MAX_POLES - last:
        raise UserError(_("一条线路最多 {limit} 基杆塔。", limit=MAX_POLES))
    short = line.name.removeprefix("10 kV ").strip()
    poles = [
        Asset(
            kind=AssetKind.POLE.value,
            name=f"{short}{n}号杆",
            number=str(n),
            line_id=line.id,
            station_branch_id=line.station_branch_id,
            sort_order=n,
        )
        for n in range(last + 1, last + count + 1)
    ]
    session.add_all(poles)
    session.flush()
    return poles


def register_transformer(
    session: Session,
    line: Asset,
    kind: AssetKind,
    name: str,
    number: str,
    capacity_kva: int,
) -> Asset:
    if not kind.is_transformer:
        raise UserError(_("只能在线路上登记公变或专变。"))
    if not 0 < capacity_kva <= MAX_CAPACITY_KVA:
        raise UserError(_("变压器容量须在 1 到 {limit} kVA 之间。", limit=MAX_CAPACITY_KVA))
    number = number.strip()
    taken = select(Asset.id).where(Asset.line_id == line.id, Asset.number == number)
    if not number or session.scalars(taken).first():
        raise UserError(_("{line}上已有编号为“{number}”的设备，或编号为空。", line=line.name,
                          number=number))  # fmt: skip
    row = Asset(
        kind=kind.value,
        name=_name(name),
        number=number,
        line_id=line.id,
        capacity_kva=capacity_kva,
        station_branch_id=line.station_branch_id,
        sort_order=MAX_POLES + _transformer_count(session, line) + 1,
    )
    session.add(row)
    session.flush()
    return row


def _transformer_count(session: Session, line: Asset) -> int:
    kinds = [AssetKind.PUBLIC_TRANSFORMER.value, AssetKind.DEDICATED_TRANSFORMER.value]
    query = select(func.count()).where(Asset.line_id == line.id, Asset.kind.in_(kinds))
    return session.scalar(query) or 0


def _name(name: str) -> str:
    name = " ".join(name.split())
    if not name or len(name) > MAX_NAME:
        raise UserError(_("设备名称不能为空，最多 {limit} 个字。", limit=MAX_NAME))
    return name


def _station(session: Session, branch_id: uuid.UUID) -> Branch:
    branch = session.get(Branch, branch_id)
    if branch is None or branch.deleted_at is not None:
        raise UserError(_("找不到编号为 {id} 的党支部。", id=branch_id))
    if branch.kind != BranchKind.SUPPLY_STATION:
        raise UserError(_("线路由基层供电所管护，“{name}”不是供电所党支部。",
                          name=branch.short_name))  # fmt: skip
    return branch


def _row(asset: Asset, line: str, station: str) -> AssetRow:
    return AssetRow(
        id=asset.id,
        kind=AssetKind(asset.kind),
        name=asset.name,
        number=asset.number,
        line=line,
        line_id=asset.line_id,
        capacity_kva=asset.capacity_kva,
        station=station,
    )
