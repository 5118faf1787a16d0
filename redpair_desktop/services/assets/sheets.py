"""The plain data of a patrol's printout: the line, its station, the patrol's facts, the defects
(each with its photo's thumbnail) and every pole and transformer with its state."""

from __future__ import annotations

from redpair_desktop.db.assets.models import Asset
from redpair_desktop.db.database import Database
from redpair_desktop.db.org.models import Branch
from redpair_desktop.domain.assets.codes import AssetKind
from redpair_desktop.domain.assets.printouts import PatrolSheet, SheetAsset, SheetDefect
from redpair_desktop.domain.labels import label
from redpair_desktop.services.assets.listing import find_patrol
from redpair_desktop.services.assets.patrols import PatrolAsset, PatrolView, patrol


def patrol_sheet(db: Database, ref: str) -> PatrolSheet:
    """The sheet of the patrol with id ``ref``, or of the demo's patrol (``demo``)."""
    with db.read() as session:
        patrol_id = find_patrol(session, ref)
    view = patrol(db, patrol_id)
    with db.read() as session:
        line = session.get_one(Asset, view.line_id)
        station = session.get_one(Branch, line.station_branch_id).short_name
        serves = line.serves
    return _sheet(view, station, serves)


def _sheet(view: PatrolView, station: str, serves: str) -> PatrolSheet:
    defects = tuple(
        SheetDefect(asset.name, asset.number, label(d.type), d.note, d.thumbnail_path)
        for asset in view.assets
        for d in asset.defects
    )
    kinds = [(_asset(asset), asset.kind) for asset in view.assets]
    return PatrolSheet(
        patrol_id=view.id,
        line=view.line,
        station=station,
        serves=serves,
        patrolled_on=view.patrolled_on,
        patroller=view.patroller,
        status=label(view.status),
        defects=defects,
        poles=tuple(asset for asset, kind in kinds if kind is AssetKind.POLE),
        transformers=tuple(asset for asset, kind in kinds if kind.is_transformer),
    )


def _asset(asset: PatrolAsset) -> SheetAsset:
    return SheetAsset(
        asset.number, label(asset.kind), asset.name, asset.capacity_kva, bool(asset.defects)
    )
