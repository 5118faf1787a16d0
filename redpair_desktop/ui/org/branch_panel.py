"""The branch page: seal name, kind, secretary, pairing partners and the counts derived from the
roster; a button opens the form for the secretary, the unit's duties and the branch's goal."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from redpair_desktop.domain.labels import label
from redpair_desktop.i18n import N_, _
from redpair_desktop.ui.appearance import styled

if TYPE_CHECKING:  # services import SQLAlchemy, which loads after the first paint
    from redpair_desktop.services.org.branches import BranchSummary, PairingPartner

PICK_A_BRANCH = N_("在左侧选择一个党支部（红色），查看其基本情况和花名册统计。")
NO_BRANCH_YET = N_("还没有党支部：在左侧选择单位，点“新建党支部”（Ctrl+Shift+N）。")


def _count_card(title: str, object_name: str) -> tuple[QFrame, QLabel]:
    card = QFrame()
    card.setObjectName("countCard")
    card.setFrameShape(QFrame.Shape.StyledPanel)
    value = QLabel("–")
    value.setObjectName(object_name)
    value.setAlignment(Qt.AlignmentFlag.AlignCenter)
    caption = QLabel(title)
    caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
    layout = QVBoxLayout(card)
    layout.addWidget(value)
    layout.addWidget(caption)
    return card, value


def partner_line(partner: PairingPartner) -> str:
    """“综合服务中心党支部（牵头方）  2023-03-01 至 2026-03-01  进行中”."""
    role = _("牵头方") if partner.partner_leads else _("供电所")
    end = partner.ended_on.isoformat() if partner.ended_on else _("至今")
    return _(
        "{name}（{role}）  {start} 至 {end}  {status}",
        name=partner.name,
        role=role,
        start=partner.started_on.isoformat(),
        end=end,
        status=label(partner.status),
    )


class BranchPanel(QWidget):
    edit_info_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("branchPanel")
        styled(self)
        self.hint = QLabel(_(PICK_A_BRANCH), objectName="branchHint")
        self.hint.setWordWrap(True)
        self.title = QLabel(objectName="branchTitle")
        self.edit_button = QPushButton(_("编辑支部信息…"), objectName="editBranchInfoButton")
        self.edit_button.clicked.connect(self.edit_info_requested)
        self.seal_name = QLabel(objectName="sealName")
        self.kind = QLabel(objectName="branchKind")
        self.unit = QLabel(objectName="branchUnit")
        self.secretary = QLabel(objectName="secretaryName")
        self.description = QLabel(objectName="unitDescription", wordWrap=True)
        self.goal = QLabel(objectName="branchGoal", wordWrap=True)
        self.partners = QLabel(objectName="pairingPartners", wordWrap=True)
        for field in (self.seal_name, self.description, self.goal, self.partners):
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.details = QWidget()
        form = QFormLayout(self.details)
        form.addRow(_("党组织全称"), self.seal_name)
        form.addRow(_("支部类型"), self.kind)
        form.addRow(_("所在单位"), self.unit)
        form.addRow(_("支部书记"), self.secretary)
        form.addRow(_("结对共建"), self.partners)
        form.addRow(_("单位职责"), self.description)
        form.addRow(_("支部目标"), self.goal)

        cards = QGridLayout()
        staff_card, self.staff = _count_card(_("职工人数"), "staffCount")
        member_card, self.party_members = _count_card(_("党员人数"), "partyMemberCount")
        supply_card, self.supply_service = _count_card(_("供服党员"), "supplyServiceCount")
        for column, card in enumerate((staff_card, member_card, supply_card)):
            cards.addWidget(card, 0, column)
        self.cards = QWidget()
        self.cards.setLayout(cards)

        self.heading = QWidget()
        heading = QHBoxLayout(self.heading)
        heading.setContentsMargins(0, 0, 0, 0)
        heading.addWidget(self.title, 1)
        heading.addWidget(self.edit_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.heading)
        layout.addWidget(self.cards)
        layout.addWidget(self.details)
        layout.addStretch(1)
        for widget in (self.heading, self.details, self.cards):
            widget.hide()

    def show_unit(self, *, has_branches: bool) -> None:
        """A unit is selected: its roster is in the other tab; the counts are per branch.
        In a database without branches yet, say how to make the first one."""
        for widget in (self.heading, self.details, self.cards):
            widget.hide()
        self.hint.setText(_(PICK_A_BRANCH) if has_branches else _(NO_BRANCH_YET))
        self.hint.show()

    def show_summary(self, summary: BranchSummary) -> None:
        none = _("（未填写）")
        self.title.setText(summary.short_name)
        self.seal_name.setText(summary.seal_name)
        self.kind.setText(label(summary.kind))
        self.unit.setText(summary.unit_name)
        self.secretary.setText(summary.secretary_name or none)
        self.description.setText(summary.unit_description or none)
        self.goal.setText(summary.goal or none)
        lines = [partner_line(partner) for partner in summary.partners]
        self.partners.setText("\n".join(lines) or _("（暂无结对）"))
        self.staff.setText(str(summary.counts.staff))
        self.party_members.setText(str(summary.counts.party_members))
        self.supply_service.setText(str(summary.counts.supply_service_members))
        self.hint.hide()
        for widget in (self.heading, self.details, self.cards):
            widget.show()
