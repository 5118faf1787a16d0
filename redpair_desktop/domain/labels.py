"""What people read for each stored code, in the current language."""

from __future__ import annotations

from enum import StrEnum

from redpair_desktop.domain.activities.codes import (
    ActivityType,
    AttendanceStatus,
    EntryMethod,
    RunSheetStep,
)
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
    ActivityType: {
        ActivityType.LAUNCH_CEREMONY: N_("启动仪式/签约仪式"),
        ActivityType.THEMED_PARTY_DAY: N_("主题党日"),
        ActivityType.JOINT_PARTY_LESSON: N_("联合党课"),
        ActivityType.SAFETY_PRACTICE: N_("“党建+安全”实践活动"),
        ActivityType.SITE_INSPECTION: N_("现场检查"),
        ActivityType.LINE_RIDE_ALONG: N_("随线巡视"),
        ActivityType.SERVICE_TEAM_VISIT: N_("党员服务队走访服务"),
    },
    AttendanceStatus: {
        AttendanceStatus.EXPECTED: N_("未到"),
        AttendanceStatus.PRESENT: N_("实到"),
        AttendanceStatus.EXCUSED: N_("请假"),
        AttendanceStatus.ABSENT: N_("缺席"),
    },
    EntryMethod: {
        EntryMethod.TYPED_NAME: N_("输入姓名"),
        EntryMethod.PINYIN: N_("输入拼音"),
        EntryMethod.BADGE: N_("扫描胸牌"),
        EntryMethod.KIOSK: N_("签名台"),
        EntryMethod.LIST: N_("名单中选择"),
        EntryMethod.PAPER: N_("补录"),
    },
    RunSheetStep: {
        RunSheetStep.READ_AGREEMENT: N_("宣读协议"),
        RunSheetStep.SIGN_AGREEMENT: N_("签字"),
        RunSheetStep.EXCHANGE_TEXTS: N_("交换文本"),
        RunSheetStep.PLEDGE: N_("承诺宣读签名"),
        RunSheetStep.GROUP_PHOTO: N_("合影"),
    },
}


def label(code: StrEnum) -> str:
    return _(_LABELS[type(code)][code])
