"""What people read for each stored code, in the current language."""

from __future__ import annotations

from enum import StrEnum

from redpair_desktop.domain.enums import (
    AgreementStatus,
    BranchKind,
    EndReason,
    MemberCategory,
    MemberStatus,
    PairingStatus,
    UnitKind,
)
from redpair_desktop.i18n import N_, _

# Keyed by enum type first: codes of different enums may share a string (hq_department).
_LABELS: dict[type[StrEnum], dict[str, str]] = {
    UnitKind: {
        UnitKind.COMPANY: N_("公司"),
        UnitKind.HQ_DEPARTMENT: N_("本部部门"),
        UnitKind.URBAN_UNIT: N_("城区支部单位"),
        UnitKind.COUNTY_COMPANY: N_("县供电公司"),
        UnitKind.SUPPLY_STATION: N_("基层供电所"),
    },
    BranchKind: {
        BranchKind.HQ_DEPARTMENT: N_("本部部门党支部"),
        BranchKind.URBAN_UNIT: N_("城区支部单位党支部"),
        BranchKind.SUPPLY_STATION: N_("基层供电所党支部"),
    },
    MemberCategory: {
        MemberCategory.FULL: N_("正式党员"),
        MemberCategory.PROBATIONARY: N_("预备党员"),
        MemberCategory.ACTIVIST: N_("入党积极分子"),
        MemberCategory.MASSES: N_("群众"),
    },
    MemberStatus: {
        MemberStatus.NORMAL: N_("正常"),
        MemberStatus.MOBILE: N_("流动"),
        MemberStatus.LOST_CONTACT: N_("失联"),
        MemberStatus.INACTIVE: N_("停用"),
    },
    EndReason: {
        EndReason.TRANSFERRED: N_("转出"),
        EndReason.RETIRED: N_("退休"),
        EndReason.LEFT_SYSTEM: N_("调离系统外"),
        EndReason.DECEASED: N_("去世"),
        EndReason.LEFT: N_("其他"),
    },
    PairingStatus: {
        PairingStatus.PREPARING: N_("筹备"),
        PairingStatus.SIGNED: N_("已签约"),
        PairingStatus.ACTIVE: N_("进行中"),
        PairingStatus.EXPIRED: N_("到期"),
        PairingStatus.TERMINATED: N_("终止"),
    },
    AgreementStatus: {
        AgreementStatus.DRAFT: N_("草稿"),
        AgreementStatus.SIGNED_PAPER: N_("已签署（纸质原件存档）"),
        AgreementStatus.SIGNED_ON_SCREEN: N_("已签署（屏幕签字）"),
    },
}


def label(code: StrEnum) -> str:
    return _(_LABELS[type(code)][code])
