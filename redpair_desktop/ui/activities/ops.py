"""The activities operations the window, the kiosk and the projector run on the database worker
(``Backend.call``). Each imports its service when it runs, on the worker, so the window paints
before SQLAlchemy loads."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import uuid
    from datetime import date
    from pathlib import Path

    from PySide6.QtGui import QImage

    from redpair_desktop.domain.activities.codes import AttendanceStatus, RunSheetStep
    from redpair_desktop.domain.activities.draft import ActivityDraft
    from redpair_desktop.domain.activities.printouts import Counts
    from redpair_desktop.domain.signatures import Signature
    from redpair_desktop.services.activities.activities import ActivityDetail, ActivityRow
    from redpair_desktop.services.activities.attendance import AttendeeRow, LiveStatus
    from redpair_desktop.services.activities.photos import PhotoRow
    from redpair_desktop.services.activities.pledges import PledgeTextRow, SignatureRow
    from redpair_desktop.services.activities.run_sheet import RunSheetItem
    from redpair_desktop.services.workspace import Workspace


class Printout(StrEnum):
    SIGN_IN_BLANK = "sign_in_blank"  # 签到表（空白）
    SIGN_IN = "sign_in"  # 签到表
    ROLL_BLANK = "roll_blank"  # 承诺签名册（空白）
    ROLL = "roll"  # 承诺签名册
    BRIEF = "brief"  # 活动简报
    BADGES = "badges"  # 胸牌


@dataclass(frozen=True)
class PairingChoice:
    id: uuid.UUID
    text: str  # 综合服务中心党支部—大坪供电所党支部


@dataclass(frozen=True)
class FormChoices:
    """What the activity form offers: every pairing and the pledge text versions."""

    pairings: tuple[PairingChoice, ...]
    pledges: tuple[PledgeTextRow, ...]


@dataclass(frozen=True)
class Attendance:
    rows: tuple[AttendeeRow, ...]
    counts: Counts


@dataclass(frozen=True)
class Photo:
    row: PhotoRow
    thumbnail: bytes  # JPEG


# --- activities -----------------------------------------------------------------------------


def list_activities(workspace: Workspace) -> list[ActivityRow]:
    from redpair_desktop.services.activities.activities import list_activities

    return list_activities(workspace.db)


def form_choices(workspace: Workspace, today: date) -> FormChoices:
    from redpair_desktop.services.activities.pledges import pledge_texts
    from redpair_desktop.services.pairings.registry import list_pairings

    pairings = tuple(
        PairingChoice(row.id, f"{row.lead_branch}—{row.station_branch}")
        for row in list_pairings(workspace.db, today)
    )
    return FormChoices(pairings, tuple(pledge_texts(workspace.db)))


def activity(workspace: Workspace, activity_id: uuid.UUID) -> ActivityDetail:
    from redpair_desktop.services.activities.activities import activity

    return activity(workspace.db, activity_id)


def save_activity(
    workspace: Workspace,
    draft: ActivityDraft,
    activity_id: uuid.UUID | None,
    pledge_text_id: uuid.UUID | None,
) -> uuid.UUID:
    """Record a new activity (``activity_id`` None) or store the edited one, with the chosen
    pledge text; its id."""
    from redpair_desktop.services.activities.activities import (
        activity,
        create_activity,
        edit_activity,
    )
    from redpair_desktop.services.activities.pledges import set_activity_pledge

    if activity_id is None:
        activity_id = create_activity(workspace.db, draft)
    else:
        edit_activity(workspace.db, activity_id, draft)
    stored = activity(workspace.db, activity_id).pledge_text_id
    if pledge_text_id is not None and pledge_text_id != stored:
        set_activity_pledge(workspace.db, activity_id, pledge_text_id)
    return activity_id


# --- pledge texts ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PledgeSaved:
    text: PledgeTextRow  # the version the words are stored as
    added: bool  # False: the same words were stored already, as ``text``
    texts: tuple[PledgeTextRow, ...]  # every version, newest first


def pledge_texts(workspace: Workspace) -> list[PledgeTextRow]:
    from redpair_desktop.services.activities.pledges import pledge_texts

    return pledge_texts(workspace.db)


def add_pledge_text(workspace: Workspace, title: str, text: str) -> PledgeSaved:
    """Store the words as the next version (or find the version holding them already)."""
    from redpair_desktop.services.activities.pledges import add_pledge_text, pledge_texts

    known = {row.id for row in pledge_texts(workspace.db)}
    row = add_pledge_text(workspace.db, title, text)
    return PledgeSaved(row, row.id not in known, tuple(pledge_texts(workspace.db)))


# --- attendance -----------------------------------------------------------------------------


def attendance(workspace: Workspace, activity_id: uuid.UUID) -> Attendance:
    from redpair_desktop.services.activities.attendance import counts, expected_list

    rows = tuple(expected_list(workspace.db, activity_id))
    return Attendance(rows, counts(workspace.db, activity_id))


def check_in(workspace: Workspace, activity_id: uuid.UUID, text: str) -> AttendeeRow:
    from redpair_desktop.services.activities.attendance import check_in

    return check_in(workspace.db, activity_id, text)


def check_in_attendee(
    workspace: Workspace, activity_id: uuid.UUID, attendee_id: uuid.UUID
) -> AttendeeRow:
    from redpair_desktop.services.activities.attendance import check_in_attendee

    return check_in_attendee(workspace.db, activity_id, attendee_id)


def mark(
    workspace: Workspace,
    activity_id: uuid.UUID,
    attendee_id: uuid.UUID,
    status: AttendanceStatus,
    reason: str,
) -> AttendeeRow:
    """请假 (``excused``) or 缺席 (``absent``) with its reason."""
    from redpair_desktop.domain.activities.codes import AttendanceStatus
    from redpair_desktop.services.activities.attendance import mark_absent, mark_excused

    if status is AttendanceStatus.EXCUSED:
        return mark_excused(workspace.db, activity_id, attendee_id, reason)
    return mark_absent(workspace.db, activity_id, attendee_id, reason)


def undo(workspace: Workspace, activity_id: uuid.UUID, attendee_id: uuid.UUID) -> AttendeeRow:
    from redpair_desktop.services.activities.attendance import undo

    return undo(workspace.db, activity_id, attendee_id)


def add_guest(
    workspace: Workspace, activity_id: uuid.UUID, name: str, unit: str, role: str
) -> AttendeeRow:
    from redpair_desktop.services.activities.attendance import add_guest

    return add_guest(workspace.db, activity_id, name, unit, role)


def backfill(
    workspace: Workspace,
    activity_id: uuid.UUID,
    attendee_ids: tuple[uuid.UUID, ...],
    status: AttendanceStatus,
    reason: str,
    entered_from: str,
) -> int:
    """补录 each picked attendee from the paper list; how many were entered. The first refusal
    stops the rest (those before it are kept, and the list reloads to show them)."""
    from redpair_desktop.services.activities.backfill import backfill

    for attendee_id in attendee_ids:
        backfill(workspace.db, activity_id, attendee_id, status, reason, entered_from)
    return len(attendee_ids)


# --- photos, run-sheet, brief, printouts ----------------------------------------------------


def photos(workspace: Workspace, activity_id: uuid.UUID) -> list[Photo]:
    from redpair_desktop.services.activities.photos import photos

    return [
        Photo(row, (workspace.data_dir / row.thumbnail_path).read_bytes())
        for row in photos(workspace.db, activity_id)
    ]


def add_photo(workspace: Workspace, activity_id: uuid.UUID, path: Path, caption: str) -> None:
    from redpair_desktop.services.activities.photos import add_photo

    add_photo(workspace.db, workspace.data_dir, activity_id, path, caption)


def add_pasted_photo(workspace: Workspace, activity_id: uuid.UUID, image: QImage) -> None:
    from redpair_desktop.ui.widgets.photo_source import pasted_file

    with pasted_file(image, workspace.data_dir) as path:
        add_photo(workspace, activity_id, path, "")


def set_caption(workspace: Workspace, photo_id: uuid.UUID, caption: str) -> None:
    from redpair_desktop.services.activities.photos import set_caption

    set_caption(workspace.db, photo_id, caption)


def remove_photo(workspace: Workspace, photo_id: uuid.UUID) -> None:
    from redpair_desktop.services.activities.photos import remove_photo

    remove_photo(workspace.db, photo_id)


def run_sheet(workspace: Workspace, activity_id: uuid.UUID) -> list[RunSheetItem]:
    from redpair_desktop.services.activities.run_sheet import run_sheet

    return run_sheet(workspace.db, activity_id)


def tick_step(
    workspace: Workspace, activity_id: uuid.UUID, step: RunSheetStep, ticked: bool
) -> list[RunSheetItem]:
    from redpair_desktop.services.activities.run_sheet import tick_step

    return tick_step(workspace.db, activity_id, step, ticked)


def brief(workspace: Workspace, activity_id: uuid.UUID) -> str:
    """The activity brief as the text a branch copies into its news item."""
    from redpair_desktop.domain.activities.brief import brief_text
    from redpair_desktop.services.activities.sheets import sheet

    return brief_text(sheet(workspace.db, str(activity_id)))


def printout(workspace: Workspace, activity_id: uuid.UUID, kind: Printout) -> bytes:
    """The PDF of one printout, in the fonts of 设置; a UserError names a character no font
    can draw."""
    from redpair_desktop.reports.activities.badges import badges_pdf
    from redpair_desktop.reports.activities.brief import brief_pdf
    from redpair_desktop.reports.activities.roll import roll_pdf
    from redpair_desktop.reports.activities.sign_in import sign_in_pdf
    from redpair_desktop.reports.fonts import settings_fonts
    from redpair_desktop.services.activities.sheets import sheet

    data, fonts = sheet(workspace.db, str(activity_id)), settings_fonts(workspace.data_dir)
    if kind in (Printout.SIGN_IN_BLANK, Printout.SIGN_IN):
        return sign_in_pdf(data, fonts, blank=kind is Printout.SIGN_IN_BLANK)
    if kind in (Printout.ROLL_BLANK, Printout.ROLL):
        return roll_pdf(data, fonts, blank=kind is Printout.ROLL_BLANK)
    if kind is Printout.BRIEF:
        return brief_pdf(data, fonts)
    return badges_pdf(data, fonts)


# --- the signature kiosk and the projector --------------------------------------------------


@dataclass(frozen=True)
class KioskSheet:
    """What the kiosk and the projector show throughout: the activity and its pledge."""

    title: str
    pledge: PledgeTextRow


def kiosk_sheet(workspace: Workspace, activity_id: uuid.UUID) -> KioskSheet:
    from redpair_desktop.services.activities.activities import activity
    from redpair_desktop.services.activities.pledges import activity_pledge

    detail = activity(workspace.db, activity_id)
    return KioskSheet(detail.draft.title, activity_pledge(workspace.db, activity_id))


def find_signer(workspace: Workspace, activity_id: uuid.UUID, text: str) -> AttendeeRow:
    """The one attendee ``text`` names (name, pinyin initials or badge code), nothing written.
    Refused with a ``UserError`` worded for the member at the kiosk: nobody fits, a badge code
    that is not valid, someone who has signed already; several fit → ``AmbiguousEntry``."""
    from redpair_desktop.domain.activities.matching import matching, read_query
    from redpair_desktop.domain.errors import AmbiguousEntry, Choice, UserError
    from redpair_desktop.i18n import _, join_items
    from redpair_desktop.services.activities.attendance import expected_list

    query, typed = read_query(text), text.strip()
    if not query.key:
        raise UserError(_("请输入您的姓名或拼音首字母，或扫描胸牌。"))
    if not query.valid:
        raise UserError(_("胸牌码“{code}”无法识别，请重新扫描或输入姓名。", code=typed))
    found = matching(expected_list(workspace.db, activity_id), query)
    if not found:
        raise UserError(_("名单上没有“{text}”。请核对姓名，或请工作人员帮助。", text=typed))
    if len(found) > 1:
        choices = tuple(Choice(row.id, row.name, row.unit) for row in found)
        people = join_items(f"{c.name}（{c.unit}）" for c in choices)
        raise AmbiguousEntry(_("“{text}”对应 {count} 人：{people}。请点选您的姓名。",
                               text=typed, count=len(found), people=people), choices)  # fmt: skip
    return _not_signed(found[0])


def attendee(workspace: Workspace, activity_id: uuid.UUID, attendee_id: uuid.UUID) -> AttendeeRow:
    """One attendee of the list (picked among several that fit)."""
    from redpair_desktop.domain.errors import UserError
    from redpair_desktop.i18n import _
    from redpair_desktop.services.activities.attendance import expected_list

    for row in expected_list(workspace.db, activity_id):
        if row.id == attendee_id:
            return _not_signed(row)
    raise UserError(_("此人不在本次活动的名单上。请先把他（她）加入名单。"))


def _not_signed(row: AttendeeRow) -> AttendeeRow:
    from redpair_desktop.domain.errors import UserError
    from redpair_desktop.i18n import _

    if row.signed:
        raise UserError(_("{name}，您已经签过名了，每人只签一次。", name=row.name))
    return row


def sign_at_kiosk(
    workspace: Workspace,
    activity_id: uuid.UUID,
    attendee_id: uuid.UUID,
    signature: Signature,
    device: str,
    shown_sha256: str,
) -> SignatureRow:
    """Store the pledge signature (checking the member in if need be) bound to the words shown."""
    from redpair_desktop.services.activities.pledges import sign_pledge

    return sign_pledge(
        workspace.db, activity_id, attendee_id, signature, device, shown_sha256=shown_sha256
    )


def live_status(workspace: Workspace, activity_id: uuid.UUID) -> LiveStatus:
    from redpair_desktop.services.activities.attendance import live_status

    return live_status(workspace.db, activity_id)
