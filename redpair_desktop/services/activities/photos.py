"""Photos of an activity, stored by ``services/images.py`` (originals kept byte for byte, an
upright display copy and a thumbnail); the same photo twice in one activity is refused."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Select, select

from redpair_desktop.db.activities.models import ActivityPhoto
from redpair_desktop.db.database import Database
from redpair_desktop.domain.errors import UserError
from redpair_desktop.i18n import _
from redpair_desktop.services.activities.records import get_activity, now
from redpair_desktop.services.images import PreparedImage, prepare_photo, store_prepared

MAX_CAPTION = 200


@dataclass(frozen=True)
class PhotoRow:
    id: uuid.UUID
    activity_id: uuid.UUID
    caption: str
    sha256: str
    original_path: str  # relative to the data folder
    display_path: str
    thumbnail_path: str
    width: int  # upright
    height: int
    size: int
    added_by: str
    added_at: datetime


def add_photo(
    db: Database, data_dir: Path, activity_id: uuid.UUID, path: Path, caption: str = ""
) -> PhotoRow:
    """Check the photo, store its three files under ``data_dir`` and record it."""
    caption = " ".join(caption.split())
    if len(caption) > MAX_CAPTION:
        raise UserError(_("照片说明最多 {limit} 个字。", limit=MAX_CAPTION))
    with db.read() as session:
        get_activity(session, activity_id)
    photo = prepare_photo(path)
    _refuse_duplicate(db, activity_id, photo, path)
    stored = store_prepared(data_dir, photo)
    with db.write() as session:
        get_activity(session, activity_id)
        row = ActivityPhoto(
            activity_id=activity_id,
            caption=caption,
            **stored.columns(),
        )
        session.add(row)
        session.flush()
        return _row(row)


def photos(db: Database, activity_id: uuid.UUID) -> list[PhotoRow]:
    """The activity's photos in the order they were added."""
    with db.read() as session:
        get_activity(session, activity_id)
        rows = session.scalars(_live(activity_id).order_by(ActivityPhoto.id))
        return [_row(row) for row in rows]


def set_caption(db: Database, photo_id: uuid.UUID, caption: str) -> None:
    caption = " ".join(caption.split())
    if len(caption) > MAX_CAPTION:
        raise UserError(_("照片说明最多 {limit} 个字。", limit=MAX_CAPTION))
    with db.write() as session:
        _photo(session.get(ActivityPhoto, photo_id), photo_id).caption = caption


def remove_photo(db: Database, photo_id: uuid.UUID) -> None:
    """Withdraw a photo from the activity (its row is kept, marked; its files stay)."""
    with db.write() as session:
        _photo(session.get(ActivityPhoto, photo_id), photo_id).deleted_at = now(session)


# --- checking -------------------------------------------------------------------------------


def _refuse_duplicate(
    db: Database, activity_id: uuid.UUID, photo: PreparedImage, path: Path
) -> None:
    with db.read() as session:
        if session.scalars(_live(activity_id).where(ActivityPhoto.sha256 == photo.sha256)).first():
            raise UserError(_("“{name}”这张照片已经添加过了。", name=path.name))


def _live(activity_id: uuid.UUID) -> Select[ActivityPhoto]:
    return select(ActivityPhoto).where(
        ActivityPhoto.activity_id == activity_id, ActivityPhoto.deleted_at.is_(None)
    )


def _photo(row: ActivityPhoto | None, photo_id: uuid.UUID) -> ActivityPhoto:
    if row is None or row.deleted_at is not None:
        raise UserError(_("找不到编号为 {id} 的照片。", id=photo_id))
    return row


def _row(row: ActivityPhoto) -> PhotoRow:
    return PhotoRow(
        id=row.id,
        activity_id=row.activity_id,
        caption=row.caption,
        sha256=row.sha256,
        original_path=row.original_path,
        display_path=row.display_path,
        thumbnail_path=row.thumbnail_path,
        width=row.width,
        height=row.height,
        size=row.size,
        added_by=row.created_by,
        added_at=row.created_at,
    )
