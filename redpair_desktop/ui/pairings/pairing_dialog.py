"""The pairing form: lead and station branch picked in searchable pickers (pinyin initials
work), the dates, the stored status (筹备 or 已签约), a liaison from each branch's roster, notes.

Enter in a picker picks and moves on; Enter elsewhere saves. A refusal shows under the fields
and nothing is written."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from redpair_desktop.domain.enums import BranchKind, PairingStatus
from redpair_desktop.domain.errors import UserError
from redpair_desktop.domain.labels import label
from redpair_desktop.domain.pairings.draft import PairingDraft
from redpair_desktop.domain.pairings.rules import STORED_CHOICES
from redpair_desktop.i18n import _
from redpair_desktop.ui.appearance import error_label
from redpair_desktop.ui.backend import Backend
from redpair_desktop.ui.org import ops as org_ops
from redpair_desktop.ui.pairings import ops
from redpair_desktop.ui.widgets.org_picker import OrgPicker, branch_entries

if TYPE_CHECKING:
    from redpair_desktop.services.org.branch_info import RosterChoice
    from redpair_desktop.services.org.tree import BranchItem, OrgTree

DATE_FORMAT = "yyyy-MM-dd"
DEFAULT_YEARS = 3


class PairingDialog(QDialog):
    saved = Signal(object)  # the pairing's id

    def __init__(
        self,
        backend: Backend,
        report_error: Callable[[BaseException], None],
        today: date,
        pairing_id: uuid.UUID | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pairingDialog")
        self.setWindowTitle(_("新建结对") if pairing_id is None else _("编辑结对"))
        self.backend, self.report_error, self.pairing_id = backend, report_error, pairing_id
        self._draft: PairingDraft | None = None
        self._tree_loaded = False
        self._build_fields(today)
        self._build_layout()
        self.resize(760, 640)
        backend.call(org_ops.load_tree, self._on_tree_loaded, self._on_failed)
        if pairing_id is not None:
            backend.call(lambda ws: ops.pairing_draft(ws, pairing_id), self._on_draft_loaded)

    # --- building -----------------------------------------------------------------------

    def _build_fields(self, today: date) -> None:
        hint = _("输入名称或拼音首字母筛选，回车选定")
        self.lead = OrgPicker(hint)
        self.lead.setObjectName("pairingLead")
        self.station = OrgPicker(hint)
        self.station.setObjectName("pairingStation")
        self.lead_liaison = QComboBox(objectName="pairingLeadLiaison")
        self.station_liaison = QComboBox(objectName="pairingStationLiaison")
        self.lead.current_changed.connect(lambda value: self._load_roster(value, self.lead_liaison))
        self.station.current_changed.connect(
            lambda value: self._load_roster(value, self.station_liaison)
        )
        self.lead.picked.connect(lambda _value: self.station.setFocus())
        self.station.picked.connect(lambda _value: self.started_on.setFocus())
        self.started_on = _date_edit("pairingStart", today)
        self.ended_on = _date_edit("pairingEnd", today.replace(year=today.year + DEFAULT_YEARS))
        self.status = QComboBox(objectName="pairingStatus")
        for status in STORED_CHOICES:
            self.status.addItem(label(status), status)
        self.status.setCurrentIndex(_index_of(self.status, PairingStatus.SIGNED))
        self.notes = QPlainTextEdit(objectName="pairingNotes")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(4 * self.notes.fontMetrics().height())
        self.error = error_label("pairingError")

    def _build_layout(self) -> None:
        sides = QGridLayout()
        sides.addWidget(QLabel(_("牵头党支部（本部部门或城区支部单位）")), 0, 0)
        sides.addWidget(QLabel(_("供电所党支部")), 0, 1)
        sides.addWidget(self.lead, 1, 0)
        sides.addWidget(self.station, 1, 1)
        for column, combo in enumerate((self.lead_liaison, self.station_liaison)):
            row = QFormLayout()
            row.addRow(_("联络员"), combo)
            sides.addLayout(row, 2, column)
        form = QFormLayout()
        form.addRow(_("开始日期"), self.started_on)
        form.addRow(_("结束日期"), self.ended_on)
        form.addRow(_("状态"), self.status)
        form.addRow(_("备注"), self.notes)
        note = QLabel(
            _("已签约的结对按日期显示为已签约、进行中或到期；终止请在列表中使用“终止结对”。"),
            wordWrap=True,
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._on_save_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(sides, 1)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    # --- loading ------------------------------------------------------------------------

    def _on_tree_loaded(self, tree: OrgTree) -> None:
        leads = branch_entries(tree, _branch_id, lambda b: b.kind.can_lead_pairing)
        stations = branch_entries(tree, _branch_id, lambda b: b.kind is BranchKind.SUPPLY_STATION)
        self.lead.set_entries(leads)
        self.station.set_entries(stations)
        self._tree_loaded = True
        self._show_draft()

    def _on_draft_loaded(self, draft: PairingDraft) -> None:
        self._draft = draft
        self._show_draft()

    def _show_draft(self) -> None:
        """Fill the form once both the tree and the stored pairing are here."""
        draft = self._draft
        if draft is None or not self._tree_loaded:
            return
        self.lead.set_current(draft.lead_branch_id)
        self.station.set_current(draft.station_branch_id)
        self.started_on.setDate(QDate(draft.started_on))
        if draft.ended_on is not None:
            self.ended_on.setDate(QDate(draft.ended_on))
        if draft.status is PairingStatus.TERMINATED:
            self.status.addItem(label(draft.status), draft.status)
            self.status.setEnabled(False)
        self.status.setCurrentIndex(_index_of(self.status, draft.status))
        self.notes.setPlainText(draft.notes)

    def _load_roster(self, branch_id: object, combo: QComboBox) -> None:
        combo.clear()
        if not isinstance(branch_id, uuid.UUID):
            return
        self.backend.call(
            lambda ws: ops.roster_choices(ws, branch_id),
            lambda choices: self._on_roster_loaded(combo, choices),
            self._on_failed,
        )

    def _on_roster_loaded(self, combo: QComboBox, choices: tuple[RosterChoice, ...]) -> None:
        combo.clear()
        combo.addItem(_("（未指定）"), None)
        for choice in choices:
            combo.addItem(choice.name, choice.person_id)
        draft = self._draft
        if draft is not None:
            wanted = (
                draft.lead_liaison_id if combo is self.lead_liaison else draft.station_liaison_id
            )
            combo.setCurrentIndex(_index_of(combo, wanted))

    # --- saving -------------------------------------------------------------------------

    def _on_save_clicked(self) -> None:
        lead, station = self.lead.current_value(), self.station.current_value()
        if not isinstance(lead, uuid.UUID) or not isinstance(station, uuid.UUID):
            self.error.setText(_("请选择牵头党支部和供电所党支部。"))
            return
        draft = PairingDraft(
            lead_branch_id=lead,
            station_branch_id=station,
            started_on=self.started_on.date().toPython(),
            ended_on=self.ended_on.date().toPython(),
            status=PairingStatus(self.status.currentData()),
            lead_liaison_id=self.lead_liaison.currentData(),
            station_liaison_id=self.station_liaison.currentData(),
            notes=self.notes.toPlainText(),
        )
        pairing_id = self.pairing_id
        self.backend.call(
            lambda ws: ops.save_pairing(ws, draft, pairing_id), self._on_saved, self._on_failed
        )

    def _on_failed(self, error: BaseException) -> None:
        """A refusal is shown under the fields; anything else is a bug, reported and logged."""
        if isinstance(error, UserError):
            self.error.setText(error.message)
        else:
            self.report_error(error)

    def _on_saved(self, pairing_id: uuid.UUID) -> None:
        self.saved.emit(pairing_id)
        self.accept()


def _date_edit(name: str, value: date) -> QDateEdit:
    edit = QDateEdit(QDate(value), objectName=name)
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setCalendarPopup(True)
    return edit


def _branch_id(branch: BranchItem) -> uuid.UUID:
    return branch.id


def _index_of(combo: QComboBox, value: object) -> int:
    """The item holding ``value`` (compared in Python: Qt cannot compare wrapped objects), or 0."""
    return next((i for i in range(combo.count()) if combo.itemData(i) == value), 0)
