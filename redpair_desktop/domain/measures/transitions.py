"""How a measure's status may change: a pure function of the status and the action.

未开始 → 进行中 (work starts, or a first progress entry) → 待验证 (submitted) → 已完成 only by a
passed verification at a visit, or back to 进行中 when it fails. Any open measure may be closed
as 未完成; 已完成 and 未完成 may be re-opened (→ 进行中). Overdue is derived, never stored.
"""

from __future__ import annotations

from datetime import date

from redpair_desktop.domain.errors import UserError
from redpair_desktop.domain.labels import label
from redpair_desktop.domain.measures.codes import MeasureAction, MeasureStatus
from redpair_desktop.i18n import _

S = MeasureStatus
OPEN = (S.NOT_STARTED, S.IN_PROGRESS, S.AWAITING_VERIFICATION)
# action → (the statuses it starts from, the status it leads to)
_RULES: dict[MeasureAction, tuple[tuple[MeasureStatus, ...], MeasureStatus]] = {
    MeasureAction.START: ((S.NOT_STARTED,), S.IN_PROGRESS),
    MeasureAction.SUBMIT: ((S.NOT_STARTED, S.IN_PROGRESS), S.AWAITING_VERIFICATION),
    MeasureAction.VERIFY_PASSED: ((S.AWAITING_VERIFICATION,), S.DONE),
    MeasureAction.VERIFY_FAILED: ((S.AWAITING_VERIFICATION,), S.IN_PROGRESS),
    MeasureAction.CLOSE_UNDONE: (OPEN, S.NOT_DONE),
    MeasureAction.REOPEN: ((S.DONE, S.NOT_DONE), S.IN_PROGRESS),
}


def allowed(status: MeasureStatus, action: MeasureAction) -> bool:
    return status in _RULES[action][0]


def transition(status: MeasureStatus, action: MeasureAction) -> MeasureStatus:
    """The status after ``action``; a ``UserError`` naming both when it is not allowed."""
    if not allowed(status, action):
        raise UserError(
            _("帮扶措施当前为“{status}”，不能“{action}”。", status=label(status),
              action=label(action))
        )  # fmt: skip
    return _RULES[action][1]


def is_overdue(status: MeasureStatus, due_on: date, today: date) -> bool:
    """Past its due date and not 已完成."""
    return due_on < today and status is not MeasureStatus.DONE
