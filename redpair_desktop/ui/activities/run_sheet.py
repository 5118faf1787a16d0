"""流程单: the launch ceremony's steps (宣读协议 → 签字 → 交换文本 → 承诺宣读签名 → 合影) as
check boxes; each tick is stored on the worker and lands in the activity's record."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from redpair_desktop.domain.errors import UserError
from redpair_desktop.i18n import _
from redpair_desktop.ui.activities import ops
from redpair_desktop.ui.appearance import error_label
from redpair_desktop.ui.backend import Backend

if TYPE_CHECKING:
    from redpair_desktop.services.activities.run_sheet import RunSheetItem


class RunSheet(QWidget):
    def __init__(
        self,
        backend: Backend,
        report_error: Callable[[BaseException], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("runSheet")
        self.backend, self.report_error = backend, report_error
        self.activity_id: uuid.UUID | None = None
        self.boxes: list[QCheckBox] = []
        self.note = QLabel(objectName="runSheetNote", wordWrap=True)
        self.error = error_label("runSheetError")
        self.steps = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addLayout(self.steps)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def show_activity(self, activity_id: uuid.UUID | None) -> None:
        self.activity_id = activity_id
        self.error.clear()
        self._show([])
        if activity_id is not None:
            self.backend.call(
                lambda ws: ops.run_sheet(ws, activity_id),
                lambda items: self._on_loaded(activity_id, items),
                self.report_error,
            )

    def _on_loaded(self, activity_id: uuid.UUID, items: list[RunSheetItem]) -> None:
        if activity_id == self.activity_id:
            self._show(items)

    def _show(self, items: list[RunSheetItem]) -> None:
        for box in self.boxes:
            box.deleteLater()
        self.boxes = []
        for number, item in enumerate(items, start=1):
            box = QCheckBox(f"{number}. {item.label}", objectName=f"step_{item.step.value}")
            box.setChecked(item.ticked)
            if item.ticked_at is not None:
                when = item.ticked_at.astimezone().strftime("%H:%M")
                box.setToolTip(_("{who}，{when}", who=item.ticked_by or "", when=when))
            box.toggled.connect(lambda ticked, step=item.step: self._tick(step, ticked))
            self.steps.addWidget(box)
            self.boxes.append(box)
        if items:
            self.note.setText(_("按顺序勾选已完成的环节；每次勾选都记入活动记录。"))
        else:
            self.note.setText(_("只有启动仪式/签约仪式有流程单。"))

    def _tick(self, step: object, ticked: bool) -> None:
        activity_id = self.activity_id
        if activity_id is None:
            return
        self.backend.call(
            lambda ws: ops.tick_step(ws, activity_id, step, ticked),  # type: ignore[arg-type]
            lambda items: self._on_loaded(activity_id, items),
            self._on_failed,
        )

    def _on_failed(self, error: BaseException) -> None:
        if isinstance(error, UserError):
            self.error.setText(error.message)
        else:
            self.report_error(error)
