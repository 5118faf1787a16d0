"""新建检查: the station (a searchable picker of the supply stations), the date, the inspectors,
the checklists (the current version of each template), 沿用上次检查 (the station's last
completed inspection: its answers show beside each item, and its checklists are used when none
is ticked), 补录 for a paper checklist entered afterwards, and an optional title. The draft is
made on the worker; ``started`` carries its id."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from redpair_desktop.domain.enums import BranchKind
from redpair_desktop.domain.errors import UserError
from redpair_desktop.domain.inspections.draft import InspectionStart
from redpair_desktop.i18n import _
from redpair_desktop.ui.appearance import error_label
from redpair_desktop.ui.backend import Backend
from redpair_desktop.ui.inspections import ops
from redpair_desktop.ui.widgets.org_picker import OrgPicker, branch_entries

NAME_SEPARATORS = re.compile(r"[、，,；;]+")


def inspector_names(text: str) -> tuple[str, ...]:
    """``张三、李四`` (or commas, semicolons) → the names, blanks dropped."""
    return tuple(name.strip() for name in NAME_SEPARATORS.split(text) if name.strip())


class NewInspectionDialog(QDialog):
    started = Signal(object)  # the new draft's id

    def __init__(
        self,
        backend: Backend,
        report_error: Callable[[BaseException], None],
        today: date,
        station_branch_id: uuid.UUID | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("newInspectionDialog")
        self.setWindowTitle(_("新建检查"))
        self.backend, self.report_error = backend, report_error
        self.wanted_station = station_branch_id
        self.template_boxes: dict[str, QCheckBox] = {}
        self.station = OrgPicker(_("查找供电所（可用拼音首字母，如 dp）"))
        self.station.picked.connect(lambda _value: self.held_on.setFocus())
        self.held_on = QDateEdit(QDate(today), objectName="inspectionDate")
        self.held_on.setCalendarPopup(True)
        self.held_on.setDisplayFormat("yyyy-MM-dd")
        self.inspectors = QLineEdit(objectName="inspectionInspectors")
        self.inspectors.setPlaceholderText(_("多人用“、”分隔"))
        self.title_edit = QLineEdit(objectName="inspectionTitle")
        self.title_edit.setPlaceholderText(_("留空则用所选检查表的名称"))
        self.templates = QGroupBox(_("检查表（当前版本）"))
        self.template_column = QVBoxLayout(self.templates)
        self.template_column.addWidget(QLabel(_("正在读取检查表…")))
        self.from_last = QCheckBox(_("沿用上次检查"), objectName="inspectionFromLast")
        self.from_last.setToolTip(
            _("每项旁显示该所上次检查的结果；未勾选检查表时沿用上次的检查表。")
        )
        self.backfilled = QCheckBox(_("补录（依据纸质检查表）"), objectName="inspectionBackfilled")
        self.error = error_label("newInspectionError")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.start_button = self.buttons.addButton(
            _("开始检查"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.start_button.setObjectName("inspectionStart")
        self.start_button.setEnabled(False)
        self.buttons.accepted.connect(self._on_start_clicked)
        self.buttons.rejected.connect(self.reject)
        self._build_layout()
        self.resize(860, 560)
        backend.call(ops.new_choices, self._on_loaded, self._on_failed)

    def _build_layout(self) -> None:
        picker = QVBoxLayout()
        picker.addWidget(QLabel(_("受检单位（供电所党支部）")))
        picker.addWidget(self.station, 1)
        form = QFormLayout()
        form.addRow(_("检查日期"), self.held_on)
        form.addRow(_("检查人"), self.inspectors)
        form.addRow(_("检查标题"), self.title_edit)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(self.templates)
        right.addWidget(self.from_last)
        right.addWidget(self.backfilled)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(picker, 1)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _on_loaded(self, choices: ops.NewChoices) -> None:
        stations = branch_entries(
            choices.tree, lambda b: b.id, lambda b: b.kind is BranchKind.SUPPLY_STATION
        )
        self.station.set_entries(stations)
        self.station.set_current(self.wanted_station)
        while self.template_column.count():
            item = self.template_column.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()
        for row in choices.templates:
            box = QCheckBox(_("{name}（第 {version} 版，{items} 项）", name=row.name,
                              version=row.version, items=row.items))  # fmt: skip
            box.setObjectName(f"template_{row.key}")
            self.template_column.addWidget(box)
            self.template_boxes[row.key] = box
        self.start_button.setEnabled(True)
        self.station.filter_edit.setFocus()

    def start(self) -> InspectionStart | None:
        """What the form says, or None with the reason shown."""
        station = self.station.current_value()
        if not isinstance(station, uuid.UUID):
            self.error.setText(_("请选择受检的供电所党支部。"))
            return None
        keys = tuple(key for key, box in self.template_boxes.items() if box.isChecked())
        if not keys and not self.from_last.isChecked():
            self.error.setText(_("请至少勾选一张检查表，或沿用上次检查。"))
            return None
        return InspectionStart(
            station_branch_id=station,
            held_on=self.held_on.date().toPython(),
            template_keys=keys,
            inspectors=inspector_names(self.inspectors.text()),
            title=self.title_edit.text(),
            backfilled=self.backfilled.isChecked(),
            from_last=self.from_last.isChecked(),
        )

    def _on_start_clicked(self) -> None:
        start = self.start()
        if start is None:
            return
        self.error.clear()
        self.start_button.setEnabled(False)
        self.backend.call(
            lambda ws: ops.start_inspection(ws, start), self._on_started, self._on_failed
        )

    def _on_started(self, inspection_id: uuid.UUID) -> None:
        self.started.emit(inspection_id)
        self.accept()

    def _on_failed(self, error: BaseException) -> None:
        self.start_button.setEnabled(bool(self.template_boxes))
        if isinstance(error, UserError):
            self.error.setText(error.message)
        else:
            self.report_error(error)
