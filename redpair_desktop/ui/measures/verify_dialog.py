"""验证… a submitted measure at a visit: an inspection of the station held on or after the
submission (listed newest first; when there is none the form says so and cannot be saved),
通过 (→ 已完成) or 不通过 (→ back to 进行中), a note and who verified it."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QButtonGroup, QComboBox, QHBoxLayout, QLineEdit, QRadioButton, QWidget

from redpair_desktop.i18n import _
from redpair_desktop.ui.backend import Backend
from redpair_desktop.ui.measures import ops
from redpair_desktop.ui.measures.op_dialog import OpDialog, note_box

if TYPE_CHECKING:
    from redpair_desktop.services.measures.measures import Visit


class VerifyDialog(OpDialog):
    def __init__(
        self,
        backend: Backend,
        report_error: Callable[[BaseException], None],
        measure_id: uuid.UUID,
        author: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(backend, report_error, name="verifyDialog", title=_("验证帮扶措施"),
                         action=_("记录验证结果"), parent=parent)  # fmt: skip
        self.measure_id = measure_id
        self.visit = QComboBox(objectName="verifyVisit")
        self.passed = QRadioButton(_("通过（措施完成）"), objectName="verifyPassed")
        self.failed = QRadioButton(_("不通过（退回进行中）"), objectName="verifyFailed")
        self.outcome = QButtonGroup(self)
        outcome = QWidget()
        line = QHBoxLayout(outcome)
        line.setContentsMargins(0, 0, 0, 0)
        for button in (self.passed, self.failed):
            self.outcome.addButton(button)
            line.addWidget(button)
        line.addStretch(1)
        self.text = note_box("verifyText", _("回访时看到的情况"))
        self.author = QLineEdit(author, objectName="verifyAuthor")
        self.form.addRow(_("回访检查"), self.visit)
        self.form.addRow(_("验证结果"), outcome)
        self.form.addRow(_("说明"), self.text)
        self.form.addRow(_("验证人"), self.author)
        self.resize(560, 320)
        self.action_button.setEnabled(False)
        self.backend.call(lambda ws: ops.visits(ws, measure_id), self._on_visits, self._on_failed)

    def _on_visits(self, visits: list[Visit]) -> None:
        for visit in visits:
            self.visit.addItem(f"{visit.held_on.isoformat()} {visit.title}", visit.id)
        self.action_button.setEnabled(bool(visits))
        if not visits:
            self.refuse(_("还没有在措施提请验证之后对该供电所的检查。请先在“检查与巡视”中"
                          "新建一次回访检查，再来验证。"))  # fmt: skip

    def submit(self) -> None:
        visit_id = self.visit.currentData()
        if visit_id is None:
            return
        if self.outcome.checkedButton() is None:
            self.refuse(_("请选择验证结果：通过或不通过。"))
            return
        passed, text, author = self.passed.isChecked(), self.text.toPlainText(), self.author.text()
        measure_id = self.measure_id
        self.run(lambda ws: ops.verify(ws, measure_id, visit_id, passed, text, author))
