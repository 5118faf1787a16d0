"""新增问题…: an ad hoc finding (not from a checklist or a patrol) — the station, picked by
name or pinyin, the category from the domain's list, the day and the text."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QWidget

from redpair_desktop.domain.enums import BranchKind
from redpair_desktop.domain.labels import label
from redpair_desktop.domain.measures.codes import FindingCategory
from redpair_desktop.i18n import _
from redpair_desktop.ui.backend import Backend
from redpair_desktop.ui.measures import ops
from redpair_desktop.ui.measures.op_dialog import OpDialog, date_edit, note_box
from redpair_desktop.ui.widgets.org_picker import OrgPicker, branch_entries

if TYPE_CHECKING:
    from redpair_desktop.services.org.tree import OrgTree


class FindingDialog(OpDialog):
    def __init__(
        self,
        backend: Backend,
        report_error: Callable[[BaseException], None],
        today: date,
        station_id: uuid.UUID | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(backend, report_error, name="findingDialog", title=_("新增问题"),
                         action=_("添加问题"), parent=parent)  # fmt: skip
        self.station = OrgPicker(_("输入供电所名称或拼音首字母"))
        self.category = QComboBox(objectName="findingCategory")
        for category in FindingCategory:
            self.category.addItem(label(category), category)
        self.found_on = date_edit(today, "findingDate")
        self.text = note_box("findingText", _("看到了什么问题，在哪里"))
        self.form.addRow(_("供电所党支部"), self.station)
        self.form.addRow(_("类别"), self.category)
        self.form.addRow(_("发现日期"), self.found_on)
        self.form.addRow(_("问题"), self.text)
        self.resize(560, 560)
        self.backend.call(ops.org_tree, lambda tree: self._on_tree(tree, station_id), report_error)

    def _on_tree(self, tree: OrgTree, station_id: uuid.UUID | None) -> None:
        self.station.set_entries(branch_entries(tree, lambda branch: branch.id, _is_station))
        self.station.set_current(station_id)
        self.station.setFocus()

    def submit(self) -> None:
        station_id = self.station.current_value()
        if not isinstance(station_id, uuid.UUID):
            self.refuse(_("请选择发现问题的供电所。"))
            return
        category = FindingCategory(self.category.currentData())
        text = self.text.toPlainText()
        found_on = self.found_on.date().toPython()
        self.run(lambda ws: ops.add_finding(ws, station_id, category, text, found_on))


def _is_station(branch: object) -> bool:
    return getattr(branch, "kind", None) is BranchKind.SUPPLY_STATION
