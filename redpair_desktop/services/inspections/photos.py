"""Photos of an inspection's items, stored by ``services/images.py`` (the original kept byte
for byte, an upright display copy and a thumbnail); the same photo twice on an item is refused."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from redpair_desktop.db.audit import WRITE_CONTEXT
from redpair_desktop.db.database import Database
from redpair_desktop.db.inspections.models import Inspection, InspectionPhoto
from redpair_desktop.domain.errors import UserError
from redpair_desktop.i18n import _
from redpair_desktop.services.images import PreparedImage, prepare_photo, store_prepared
from redpair_desktop.services.inspections.records import checklist_of, editable

MAX_CAPTION = 200


@dataclass(frozen=True)
class ItemPhoto:
    id: uuid.UUID
    item_key: str
    caption: str
    sha256: str
    original_path: str  # relative to the data folder
    display_path: str
    thumbnail_path: str
    width: int
    height: int


def add_item_photo(
    db: Database,
    data_dir: Path,
    inspection_id: uuid.UUID,
    item_key: str,
    path: Path,
    caption: str = "",
) -> ItemPhoto:
    """Check the photo, store its files under ``data_dir`` and attach it to the item."""
    caption = " ".join(caption.split())
    if len(caption) > MAX_CAPTION:
        raise UserError(_("照片说明最多 {limit} 个字。", limit=MAX_CAPTION))
    with db.read() as session:
        checklist_of(editable(session, inspection_id)).item(item_key)
    photo = prepare_photo(path)
    with db.write() as session:
        row = editable(session, inspection_id)
        return photo_row(
            store_item_photo(session, data_dir, row, item_key, photo, caption, path.name)
        )


def store_item_photo(
    session: Session,
    data_dir: Path,
    row: Inspection,
    item_key: str,
    photo: PreparedImage,
    caption: str = "",
    name: str = "",
) -> InspectionPhoto:
    """Inside an open write session (the demo's): store and attach a checked photo."""
    duplicate = select(InspectionPhoto.id).where(
        InspectionPhoto.inspection_id == row.id,
        InspectionPhoto.item_key == item_key,
        InspectionPhoto.sha256 == photo.sha256,
        InspectionPhoto.deleted_at.is_(None),
    )
    if session.scalars(duplicate).first():
        raise UserError(_("“{name}”这张照片已经添加过了。", name=name or photo.sha256[:8]))
    stored = store_prepared(data_dir, photo)
    added = InspectionPhoto(
        inspection_id=row.id,
        item_key=item_key,
        caption=caption,
        **stored.columns(),
    )
    session.add(added)
    session.flush()
    return added


def remove_item_photo(db: Database, photo_id: uuid.UUID) -> None:
    """Withdraw a photo from a draft (its row is kept, marked; its files stay)."""
    with db.write() as session:
        photo = session.get(InspectionPhoto, photo_id)
        if photo is None or photo.deleted_at is not None:
            raise UserError(_("找不到编号为 {id} 的照片。", id=photo_id))
        editable(session, photo.inspection_id)
        photo.deleted_at = session.info[WRITE_CONTEXT].clock()


def photo_row(row: InspectionPhoto) -> ItemPhoto:
    return ItemPhoto(
        id=row.id,
        item_key=row.item_key,
        caption=row.caption,
        sha256=row.sha256,
        original_path=row.original_path,
        display_path=row.display_path,
        thumbnail_path=row.thumbnail_path,
        width=row.width,
        height=row.height,
    )
