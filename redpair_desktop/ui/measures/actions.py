"""What can be done to a measure: each action's text, keys, when the domain allows it
(``domain/measures/transitions``) and, for the log entries, the form it opens and the operation
it runs. The page makes the buttons, the row menu and the shortcuts from this one list."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from redpair_desktop.domain.measures.codes import MeasureAction, MeasureStatus
from redpair_desktop.domain.measures.transitions import OPEN, allowed
from redpair_desktop.i18n import _
from redpair_desktop.ui.measures import ops

if TYPE_CHECKING:
    from redpair_desktop.services.workspace import Workspace

Write = Callable[["Workspace", uuid.UUID, str, str, "ops.Photo | None"], object]


@dataclass(frozen=True)
class EntryForm:
    title: str
    action: str  # the form's button
    prompt: str
    required: bool
    with_photo: bool
    write: Write


@dataclass(frozen=True)
class MeasureActionSpec:
    key: str
    text: str
    keys: tuple[str, ...]
    allowed: Callable[[MeasureStatus], bool]
    form: EntryForm | None  # None: 验证, which has a form of its own


def _is_open(status: MeasureStatus) -> bool:
    return status in OPEN


def _may(action: MeasureAction) -> Callable[[MeasureStatus], bool]:
    return lambda status: allowed(status, action)


def measure_actions() -> tuple[MeasureActionSpec, ...]:
    """The actions in the order they are shown (texts in the current language)."""
    return (
        MeasureActionSpec("progress", _("记录进展…"), ("Ctrl+R",), _is_open, EntryForm(
            _("记录进展"), _("保存进展"), _("做了什么，进展到哪一步"), True, True,
            lambda ws, measure_id, text, author, photo: ops.add_progress(
                ws, measure_id, text, author, photo))),
        MeasureActionSpec("supervise", _("督办…"), ("Ctrl+D",), _is_open, EntryForm(
            _("督办"), _("记录督办"), _("催办什么，期限到何时"), True, False,
            lambda ws, measure_id, text, author, _photo: ops.add_supervision(
                ws, measure_id, text, author))),
        MeasureActionSpec("submit", _("提交验证…"), ("Ctrl+T",), _may(MeasureAction.SUBMIT),
            EntryForm(_("提交验证"), _("提交验证"), _("完成了什么，请回访时查验"), False, False,
            lambda ws, measure_id, text, author, _photo: ops.submit(
                ws, measure_id, text, author))),
        MeasureActionSpec("verify", _("验证…"), ("Ctrl+Y",), _may(MeasureAction.VERIFY_PASSED),
                          None),
        MeasureActionSpec("close", _("未完成结项…"), ("Ctrl+Shift+X",),
            _may(MeasureAction.CLOSE_UNDONE), EntryForm(
            _("未完成结项"), _("按未完成结项"), _("为什么没有完成"), True, False,
            lambda ws, measure_id, text, author, _photo: ops.close_undone(
                ws, measure_id, text, author))),
        MeasureActionSpec("reopen", _("重新打开…"), ("Ctrl+Shift+R",),
            _may(MeasureAction.REOPEN), EntryForm(
            _("重新打开措施"), _("重新打开"), _("为什么重新打开（必填）"), True, False,
            lambda ws, measure_id, text, author, _photo: ops.reopen(
                ws, measure_id, text, author))),
    )  # fmt: skip
