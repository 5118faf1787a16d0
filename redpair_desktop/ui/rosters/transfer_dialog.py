"""调转: move a person to another branch, recording 转出/转入 dates; and their history.

The target is chosen in a searchable picker (name, short name, pinyin initials; grouped by
unit), filled from the organisation tree once it is read on the worker."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from redpair_desktop.domain.errors import UserError
from redpair_desktop.domain.labels import label
from redpair_desktop.domain.rosters.person_rules import FieldError, parse_date
from redpair_desktop.i18n import _
from redpair_desktop.ui.appearance import error_label
from redpair_desktop.ui.backend import Backend
from redpair_desktop.ui.org import ops as org_ops
from redpair_desktop.ui.rosters import ops
from redpair_desktop.ui.widgets.org_picker import OrgPicker, branch_entries

if TYPE_CHECKING:
    from redpair_desktop.services.org.tree import OrgTree
    from redpair_desktop.services.rosters.people import HistoryEntry


class TransferDialog(QDialog):
    saved = Signal(object)  # the new membership id

    def __init__(
        self,
        backend: Backend,
        report_error: Callable[[BaseException], None],
        membership_id: uuid.UUID,
        person_name: str,
        branch_names: Sequence[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("transferDialog")
        self.setWindowTitle(_("调转：{name}", name=person_name))
        self.backend = backend
        self.report_error = report_error
        self.membership_id = membership_id
        self._offered = set(branch_names)  # seal names
        self.target = OrgPicker(_("输入党支部名称或拼音首字母筛选，↑↓ 选择"))
        self.target.setObjectName("transferTarget")
        self.target.picked.connect(lambda _seal_name: self._on_ok_clicked())
        self.on_date = QLineEdit(date.today().isoformat(), objectName="transferDate")
        self.error = error_label("transferError")
        form = QFormLayout()
        form.addRow(_("转出/转入日期"), self.on_date)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._on_ok_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("此人将从现党支部转出，并在同一天转入新的党支部。")))
        layout.addWidget(QLabel(_("调入党支部")))
        layout.addWidget(self.target, 1)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(480, 560)
        backend.call(org_ops.load_tree, self._on_tree_loaded, self._on_save_failed)

    def _on_tree_loaded(self, tree: OrgTree) -> None:
        self.target.set_entries(
            branch_entries(tree, lambda b: b.seal_name, lambda b: b.seal_name in self._offered)
        )

    def _on_ok_clicked(self) -> None:
        target = self.target.current_value()
        try:
            on = parse_date(self.on_date.text(), _("调转日期")) or date.today()
        except FieldError as error:
            self.error.setText(str(error))
            return
        if not isinstance(target, str):
            self.error.setText(_("请选择调入的党支部。"))
            return
        membership_id = self.membership_id
        self.backend.call(
            lambda ws: ops.transfer_member(ws, membership_id, target, on),
            self._on_saved,
            self._on_save_failed,
        )

    def _on_save_failed(self, error: BaseException) -> None:
        """A refusal is shown under the fields; anything else is a bug, reported and logged."""
        if isinstance(error, UserError):
            self.error.setText(error.message)
        else:
            self.report_error(error)

    def _on_saved(self, new_membership: uuid.UUID) -> None:
        self.saved.emit(new_membership)
        self.accept()


def show_history(parent: QWidget, entries: list[HistoryEntry]) -> QMessageBox:
    lines = []
    for entry in entries:
        start = entry.started_on.isoformat() if entry.started_on else _("（未记录）")
        end = entry.ended_on.isoformat() if entry.ended_on else _("至今")
        line = _("{branch}：{start} 转入 — {end}", branch=entry.branch, start=start, end=end)
        if entry.end_reason is not None and entry.ended_on:
            line += _("（{reason}）", reason=label(entry.end_reason))
        lines.append(line)
    box = QMessageBox(QMessageBox.Icon.Information, _("履历"), "\n".join(lines), parent=parent)
    box.setObjectName("historyBox")
    box.open()
    return box
