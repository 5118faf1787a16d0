"""What people read for each stored code, in the current language."""

from __future__ import annotations

from enum import StrEnum

from redpair_desktop.domain.activities.codes import (
    ActivityType,
    AttendanceStatus,
    EntryMethod,
    RunSheetStep,
)
from redpair_desktop.domain.assets.codes import AssetKind, AssetState, DefectType, PatrolStatus
from redpair_desktop.domain.enums import (
    AgreementStatus,
    BranchKind,
    EndReason,
    MemberCategory,
    MemberStatus,
    PairingStatus,
    UnitKind,
)
from redpair_desktop.domain.inspections.codes import InspectionStatus, SignoffRole
from redpair_desktop.domain.measures.codes import (
    FindingCategory,
    FindingSource,
    MeasureAction,
    MeasureEntryKind,
    MeasureStatus,
    Priority,
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
    InspectionStatus: {
        InspectionStatus.DRAFT: N_("草稿"),
        InspectionStatus.COMPLETED: N_("已完成"),
    },
    SignoffRole: {
        SignoffRole.INSPECTOR: N_("检查人"),
        SignoffRole.INSPECTED: N_("被检查单位代表"),
    },
    AssetKind: {
        AssetKind.LINE: N_("线路"),
        AssetKind.POLE: N_("杆塔"),
        AssetKind.PUBLIC_TRANSFORMER: N_("公变"),
        AssetKind.DEDICATED_TRANSFORMER: N_("专变"),
    },
    DefectType: {
        DefectType.TILT: N_("倾斜"),
        DefectType.CRACK: N_("裂纹"),
        DefectType.BIRD_NEST: N_("鸟窝"),
        DefectType.SLACK_STAY: N_("拉线松弛"),
        DefectType.FOREIGN_OBJECT: N_("异物"),
        DefectType.VEGETATION: N_("树障"),
        DefectType.OIL_LEAK: N_("渗油"),
        DefectType.ABNORMAL_NOISE: N_("异响"),
        DefectType.OVERHEATING: N_("过热"),
        DefectType.MISSING_SIGN: N_("标识缺失"),
        DefectType.OTHER: N_("其他缺陷"),
    },
    PatrolStatus: {
        PatrolStatus.OPEN: N_("巡视中"),
        PatrolStatus.COMPLETED: N_("已结束"),
    },
    AssetState: {
        AssetState.NORMAL: N_("正常"),
        AssetState.DEFECT: N_("缺陷"),
    },
    FindingCategory: {
        FindingCategory.POOR_INDICATORS: N_("指标不理想"),
        FindingCategory.VAGUE_ASSESSMENT: N_("考核不细"),
        FindingCategory.BUSINESS_OVER_PARTY: N_("重业务轻党建"),
        FindingCategory.SAFETY_HAZARD: N_("安全隐患"),
        FindingCategory.IRREGULAR_LEDGER: N_("台账不规范"),
        FindingCategory.OTHER: N_("其他"),
    },
    FindingSource: {
        FindingSource.INSPECTION: N_("现场检查"),
        FindingSource.PATROL: N_("巡视"),
        FindingSource.AD_HOC: N_("临时发现"),
    },
    MeasureStatus: {
        MeasureStatus.NOT_STARTED: N_("未开始"),
        MeasureStatus.IN_PROGRESS: N_("进行中"),
        MeasureStatus.AWAITING_VERIFICATION: N_("待验证"),
        MeasureStatus.DONE: N_("已完成"),
        MeasureStatus.NOT_DONE: N_("未完成"),
    },
    MeasureAction: {
        MeasureAction.START: N_("开始实施"),
        MeasureAction.SUBMIT: N_("提请验证"),
        MeasureAction.VERIFY_PASSED: N_("验证通过"),
        MeasureAction.VERIFY_FAILED: N_("验证未通过"),
        MeasureAction.CLOSE_UNDONE: N_("关闭为未完成"),
        MeasureAction.REOPEN: N_("重新打开"),
    },
    MeasureEntryKind: {
        MeasureEntryKind.PROGRESS: N_("进展"),
        MeasureEntryKind.SUPERVISION: N_("督办"),
        MeasureEntryKind.SUBMITTED: N_("提请验证"),
        MeasureEntryKind.VERIFIED: N_("验证通过"),
        MeasureEntryKind.REJECTED: N_("验证未通过"),
        MeasureEntryKind.CLOSED_UNDONE: N_("关闭为未完成"),
        MeasureEntryKind.REOPENED: N_("重新打开"),
    },
    Priority: {
        Priority.HIGH: N_("高"),
        Priority.MEDIUM: N_("中"),
        Priority.LOW: N_("低"),
    },
}


def label(code: StrEnum) -> str:
    return _(_LABELS[type(code)][code])
