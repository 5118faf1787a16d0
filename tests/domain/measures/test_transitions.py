"""The measure statuses' transitions as a pure function."""

from __future__ import annotations

from datetime import date

import pytest

from redpair_desktop.domain.errors import UserError
from redpair_desktop.domain.measures.codes import MeasureAction as A
from redpair_desktop.domain.measures.codes import MeasureStatus as S
from redpair_desktop.domain.measures.transitions import allowed, is_overdue, transition


def test_the_way_to_done_goes_through_verification():
    status = S.NOT_STARTED
    for action in (A.START, A.SUBMIT, A.VERIFY_FAILED, A.SUBMIT, A.VERIFY_PASSED):
        status = transition(status, action)
    assert status is S.DONE
    assert not any(allowed(s, A.VERIFY_PASSED) for s in S if s is not S.AWAITING_VERIFICATION)


def test_done_and_not_done_can_be_reopened_and_nothing_else_follows_them():
    assert transition(S.DONE, A.REOPEN) is S.IN_PROGRESS
    assert transition(S.NOT_DONE, A.REOPEN) is S.IN_PROGRESS
    assert [a for a in A if allowed(S.DONE, a)] == [A.REOPEN]
    with pytest.raises(UserError, match="当前为“已完成”，不能“提请验证”"):
        transition(S.DONE, A.SUBMIT)
    with pytest.raises(UserError, match="当前为“进行中”，不能“重新打开”"):
        transition(S.IN_PROGRESS, A.REOPEN)


def test_overdue_is_past_due_and_not_done():
    due = date(2024, 6, 30)
    assert not is_overdue(S.IN_PROGRESS, due, date(2024, 6, 30))
    assert is_overdue(S.IN_PROGRESS, due, date(2024, 7, 1))
    assert is_overdue(S.NOT_DONE, due, date(2024, 7, 1))
    assert not is_overdue(S.DONE, due, date(2025, 1, 1))
