"""The activities operations the window, the kiosk and the projector run on the database worker
(``Backend.call``). Each imports its service when it runs, on the worker, so the window paints
before SQLAlchemy loads."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from redpair_desktop.domain.signatures import Signature
    from redpair_desktop.services.activities.attendance import AttendeeRow, LiveStatus
    from redpair_desktop.services.activities.pledges import PledgeTextRow, SignatureRow
    from redpair_desktop.services.workspace import Workspace


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
