"""制定帮扶措施… for a finding: what will be done, by when, how urgent, and who owns it — the
lead (HQ or urban) branch, prefilled with the station's pairing lead; the station's branch
co-owns it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from redpair_desktop.domain.labels import label
from redpair_desktop.domain.measures.codes import Priority
from redpair_desktop.i18n import _
from redpair_desktop.ui.backend import Backend
from redpair_desktop.ui.measures import ops
from redpair_desktop.ui.measures.op_dialog import OpDialog, date_edit

if TYPE_CHECKING:
    from redpair_desktop.services.measures.measures import OwnerChoices

DEFAULT_DAYS = 30  # a new measure is due in a month unless changed


class MeasureDialog(OpDialog):
    def __init__(
        self,
        backend: Backend,
        report_error: Callable[[BaseException], None],
        finding: ops.FindingItem,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(backend, report_error, name="measureDialog", title=_("制定帮扶措施"),
                         action=_("保存措施"), parent=parent)  # fmt: skip
        self.finding = finding
        problem = QLabel(finding.row.description, objectName="measureFinding", wordWrap=True)
        self.title = QLineEdit(objectName="measureTitle")
        self.title.setPlaceholderText(_("帮助供电所做什么"))
        due = today + timedelta(days=DEFAULT_DAYS)
        self.due_on = date_edit(due, "measureDue")
        self.priority = QComboBox(objectName="measurePriority")
        for priority in Priority:
            self.priority.addItem(label(priority), priority)
        self.priority.setCurrentIndex(self.priority.findData(Priority.MEDIUM))
        self.owner = QComboBox(objectName="measureOwner")
        self.co_owner = QLabel(finding.row.station, objectName="measureCoOwner")
        self.form.addRow(_("问题"), problem)
        self.form.addRow(_("措施内容"), self.title)
        self.form.addRow(_("完成期限"), self.due_on)
        self.form.addRow(_("优先级"), self.priority)
        self.form.addRow(_("责任党支部"), self.owner)
        self.form.addRow(_("共同落实"), self.co_owner)
        self.resize(560, 320)
        finding_id = finding.id
        self.backend.call(lambda ws: ops.owner_choices(ws, finding_id), self._on_choices,
                          self._on_failed)  # fmt: skip

    def _on_choices(self, choices: OwnerChoices) -> None:
        for owner in choices.owners:
            self.owner.addItem(owner.name, owner.id)
        ids = [owner.id for owner in choices.owners]  # findData cannot match a UUID
        self.owner.setCurrentIndex(ids.index(choices.lead) if choices.lead in ids else -1)
        if choices.lead is None:
            self.refuse(_("这个供电所还没有结对的牵头党支部，请选择措施的责任党支部。"))

    def submit(self) -> None:
        owner_id = self.owner.currentData()
        if owner_id is None:
            self.refuse(_("请选择措施的责任党支部。"))
            return
        draft = ops.Draft(self.finding.id, self.title.text(), self.due_on.date().toPython(),
                          Priority(self.priority.currentData()), owner_id)  # fmt: skip
        self.run(lambda ws: ops.create_measure(ws, draft))
